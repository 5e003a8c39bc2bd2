#!/usr/bin/env bash
# Rust: formatting, lints (every crate, bindings included), unit, doc and end-to-end tests, and the
# workflow files. Run from anywhere; builds into the shared target/.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> cargo fmt --check"
cargo fmt --all --check

echo "==> cargo clippy (workspace, all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

scripts/redis.sh

echo "==> cargo test (core, sandbox, cli, end-to-end, doc tests), several executables at once"
scripts/run-test-executables.sh
# The examples link beside dozens of test executables otherwise; a machine short of disk fails there.
scripts/drop-test-executables.sh

echo "==> Rust examples (each starts its own sandbox)"
for example in quote_and_buy list_policies handle_errors webhook_receiver; do
    cargo run --locked -q -p insurup-examples --example "$example" >/dev/null
done

echo "==> sandbox/contract-test.sh: schemathesis against /openapi.json of every dialect"
sandbox/contract-test.sh

echo "==> actionlint"
if ! command -v actionlint >/dev/null 2>&1; then
    GOBIN="$PWD/target/tools" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
    PATH="$PWD/target/tools:$PATH"
fi
actionlint .github/workflows/*.yml
