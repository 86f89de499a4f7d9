#!/usr/bin/env bash
# Every test: the API contract's lint (Redocly CLI), unit, architecture, policy cases (rules/*/tests), API
# contract and examples, access for every operation, and the checker page in headless Chromium. Installs what the tests need first, so it runs the same on a fresh machine as here:
# Maven and JDK 17, and Debian's chromium and chromium-driver (the browser tests use them from /usr/bin and
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
exec mvn -B -ntp verify "$@"
