#!/usr/bin/env bash
# Every test: the API contract's lint (Redocly CLI), unit, architecture, policy cases (rules/*/tests), API
# contract and examples, access for every operation, the decision register on H2 and on a real PostgreSQL, and the
# checker page in headless Chromium. Installs what the tests need first, so it runs the same on a fresh machine as
# here: Maven and JDK 17, Debian's postgresql (a throwaway server is started for the tests on a free port of
# 127.0.0.1 and stopped at the end; TALENT_TEST_POSTGRES_URL=jdbc:postgresql://... uses one of yours instead), and
# Debian's chromium and chromium-driver (the browser tests use them from /usr/bin and
# never download a browser) with a Chinese font for the screenshots. SKIP_BROWSER_TESTS=1 skips the browser.
set -euo pipefail
cd "$(dirname "$0")"

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
fi
packages=()
if ! command -v mvn >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then
    packages+=(maven openjdk-17-jdk-headless)
fi
if ! command -v npm >/dev/null 2>&1; then
    packages+=(nodejs npm)   # the contract's linter, Redocly CLI (api-spec/lint.sh)
fi
if [ -z "${TALENT_TEST_POSTGRES_URL:-}" ] && ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    packages+=(postgresql)
fi
if [ "${SKIP_BROWSER_TESTS:-}" != "1" ]; then
    if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
        packages+=(chromium chromium-driver)
    fi
    if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
        packages+=(fonts-wqy-microhei)   # without a Chinese font the screenshots show boxes
    fi
fi
if [ ${#packages[@]} -gt 0 ]; then
    echo "Installing ${packages[*]}" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${packages[@]}" >/dev/null
fi
api-spec/lint.sh --format=summary   # the contract against Redocly's recommended rules: no errors

if [ -z "${TALENT_TEST_POSTGRES_URL:-}" ]; then
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    pgdir=$(mktemp -d)
    as=()
    if [ "$(id -u)" -eq 0 ]; then   # PostgreSQL refuses to run as root: its own user runs this server
        chown postgres "$pgdir"
        as=(runuser -u postgres --)
    fi
    cd "$pgdir"   # the server's user may not enter the checkout's folder
    "${as[@]}" "$pgbin/initdb" -D "$pgdir/data" -U talent -A trust -E UTF8 --no-locale >"$pgdir/initdb.log"
    port=55432
    while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
    "${as[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
        -o "-p $port -c listen_addresses=127.0.0.1 -k $pgdir -c fsync=on" start >/dev/null
    trap 'cd / && "${as[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null; rm -rf "$pgdir"' EXIT
    export TALENT_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=talent"
    echo "PostgreSQL for the register's tests: $TALENT_TEST_POSTGRES_URL" >&2
    cd - >/dev/null
fi
mvn -B -ntp verify "$@"
