#!/usr/bin/env bash
# Rust: formatting, lints (every crate, bindings included), unit, doc and end-to-end tests, and the
# workflow files. Run from anywhere; builds into the shared target/.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> cargo fmt --check"
cargo fmt --all --check

echo "==> cargo clippy (workspace, all targets, warnings are errors)"
cargo clippy --workspace --all-targets --locked -- -D warnings

echo "==> cargo test (core, sandbox, cli, end-to-end, doc tests)"
cargo test --locked

echo "==> Rust examples (each starts its own sandbox)"
for example in quote_and_buy list_policies handle_errors; do
    cargo run --locked -q -p insurup-examples --example "$example" >/dev/null
done
cargo run --locked -q -p insurup --example webhook_receiver >/dev/null

echo "==> actionlint"
if ! command -v actionlint >/dev/null 2>&1; then
    GOBIN="$PWD/target/tools" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
    PATH="$PWD/target/tools:$PATH"
fi
actionlint .github/workflows/*.yml
