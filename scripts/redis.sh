#!/usr/bin/env bash
# Installs Debian's redis-server for the fleet tests, which start their own servers on free
# loopback ports (tests/src/redis_server.rs). Idempotent; sudo only when not root.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
    echo "==> redis-server: $(redis-server --version | cut -d' ' -f3)"
    exit 0
fi
echo "==> installing redis-server (Debian)"
if [[ "$(id -u)" == 0 ]]; then sudo=""; else sudo="sudo"; fi
started=$SECONDS
$sudo apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
# The package may start a system-wide server on 6379; the tests never use it.
echo "==> redis-server $(redis-server --version | cut -d' ' -f3) installed in $((SECONDS - started)) s"
