#!/usr/bin/env bash
# Python: the insurup package (bindings-python). Creates .venv, installs the pinned tools, builds
# the sandbox and the extension module (debug, shared target/), runs pytest (the suite starts its
# own sandbox) and mypy --strict on the typed stubs and examples.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> cargo build -p insurup-sandbox"
cargo build --locked -p insurup-sandbox
export INSURUP_SANDBOX_BIN="$PWD/target/debug/insurup-sandbox"

if [ ! -x .venv/bin/python ]; then
    echo "==> python3 -m venv .venv"
    python3 -m venv .venv
fi
echo "==> pip install (pinned tools)"
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
    "maturin==1.16.0" "pytest==9.2.0" "pytest-asyncio==1.5.0" "mypy==2.4.1"

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
