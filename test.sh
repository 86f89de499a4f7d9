#!/usr/bin/env bash
# Every test: unit, architecture, policy cases (rules/*/tests), API contract and examples.
# Installs what the tests need first, so it runs the same on a fresh machine as here.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v mvn >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then
    apt-get update -qq && apt-get install -y -qq maven openjdk-17-jdk-headless >/dev/null
fi
exec mvn -B -ntp verify "$@"
