#!/usr/bin/env bash
# The independent check that the sandbox's proposal hub is real SignalR: Microsoft's own client
# (npm @microsoft/signalr 10.0, WebSockets, skipNegotiation, as InsurUp's vendor SDK connects)
# logs in over REST, registers for proposals and hears their events, in a `node --test` suite.
#
#   sandbox/hub-check.sh
#
# Environment: CARGO_TARGET_DIR (where the sandbox binary is built; default target/), or
# INSURUP_SANDBOX_BIN to test a binary built elsewhere (then nothing is built).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
target="${CARGO_TARGET_DIR:-$root/target}"

if [ -z "${INSURUP_SANDBOX_BIN:-}" ]; then
  echo "==> building the sandbox"
  cargo build --quiet -p insurup-sandbox --bin insurup-sandbox
  export INSURUP_SANDBOX_BIN="$target/debug/insurup-sandbox"
fi

echo "==> installing @microsoft/signalr (npm ci)"
(cd sandbox/hub-check && npm ci --no-audit --no-fund --loglevel=error)

echo "==> Microsoft's SignalR client against the hub"
(cd sandbox/hub-check && node --test hub.test.mjs)
