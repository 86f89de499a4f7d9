#!/usr/bin/env bash
# Lints the API contract (api-spec/openapi.yaml) with Redocly CLI's recommended rules (api-spec/redocly.yaml).
# Redocly CLI is installed with npm into target/redocly on first use (needs Node.js 20.19+ or 22.12+).
# Usage: api-spec/lint.sh [more redocly lint options, like --format=summary]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

version=2.77.0
prefix=target/redocly
redocly=$prefix/node_modules/.bin/redocly
installed=$prefix/node_modules/@redocly/cli/package.json

if [[ ! -x $redocly ]] || ! grep -q "\"version\": \"$version\"" "$installed" 2>/dev/null; then
    echo "Installing @redocly/cli@$version into $prefix" >&2
    npm install --prefix "$prefix" --no-audit --no-fund "@redocly/cli@$version" >&2
fi

export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
exec "$redocly" lint --config api-spec/redocly.yaml api-spec/openapi.yaml "$@"
