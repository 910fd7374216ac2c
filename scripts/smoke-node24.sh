#!/usr/bin/env bash
# Runs every dist/ bundle under Node 24, installed from the npm registry as the
# platform's node package (no download outside the registry).
set -euo pipefail
cd "$(dirname "$0")/.."
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) echo "unsupported arch $(uname -m)" >&2; exit 2 ;; esac
prefix="${AGENT_GATES_NODE24_PREFIX:-$HOME/.cache/agent-gates/node24}"
node24="$prefix/node_modules/node-linux-$arch/bin/node"
if [ ! -x "$node24" ]; then
  npm install --no-save --no-audit --no-fund --prefix "$prefix" "node-linux-$arch@24" >/dev/null
fi
"$node24" --version | grep -q '^v24\.' || { echo "not Node 24: $("$node24" --version)" >&2; exit 1; }
NODE24="$node24" "$node24" scripts/smoke.mjs
