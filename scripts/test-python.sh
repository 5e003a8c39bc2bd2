#!/usr/bin/env bash
# Python: the insurup package (bindings-python). Installs redis-server (scripts/redis.sh), creates
# .venv, installs the pinned tools, builds the sandbox and the extension module (debug, in
# $CARGO_TARGET_DIR or target/), runs pytest (the suite starts its own sandbox and redis-servers)
# and mypy --strict on the typed stubs and examples.
set -euo pipefail
cd "$(dirname "$0")/.."

# The fleet tests start their own redis-server; without one they fail.
scripts/redis.sh

echo "==> cargo build -p insurup-sandbox"
cargo build --locked -p insurup-sandbox
target_dir="${CARGO_TARGET_DIR:-target}"
case "$target_dir" in /*) ;; *) target_dir="$PWD/$target_dir" ;; esac
export INSURUP_SANDBOX_BIN="$target_dir/debug/insurup-sandbox"

if [ ! -x .venv/bin/python ]; then
    echo "==> python3 -m venv .venv"
    python3 -m venv .venv
fi
echo "==> pip install (pinned tools)"
# The interpreter's bundled pip and setuptools carry known advisories (the supply-chain suite
# audits this environment): pinned current ones replace them.
.venv/bin/python -m pip install --quiet --disable-pip-version-check "pip==26.3" "setuptools==84.2.1"
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
    "maturin==1.16.0" "pytest==9.2.0" "pytest-asyncio==1.5.0" "mypy==2.4.1" "uvloop==0.22.1"

echo "==> maturin develop (debug)"
VIRTUAL_ENV="$PWD/.venv" .venv/bin/maturin develop --quiet -m bindings-python/Cargo.toml

echo "==> pytest"
.venv/bin/python -m pytest -q bindings-python/tests

echo "==> mypy --strict (tests, examples) and stubtest (stubs match the native module)"
.venv/bin/python -m mypy --strict bindings-python/tests
(cd bindings-python && ../.venv/bin/python -m mypy.stubtest insurup --allowlist stubtest-allowlist.txt)
.venv/bin/python -m mypy --strict examples/python

echo "==> examples/python (each starts its own sandbox)"
for example in quote_and_buy list_policies webhook_receiver handle_errors; do
    echo "--> ${example}.py"
    .venv/bin/python "examples/python/${example}.py"
done
