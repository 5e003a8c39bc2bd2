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

echo "==> actionlint"
if ! command -v actionlint >/dev/null 2>&1; then
    GOBIN="$PWD/target/tools" go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12
    PATH="$PWD/target/tools:$PATH"
fi
actionlint .github/workflows/*.yml
