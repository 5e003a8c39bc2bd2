#!/usr/bin/env bash
# Every test suite, one after another: Rust, Python, Node, Kotlin (+ Swift snapshots).
# Each suite installs what it needs from the package registries and starts its own sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$SECONDS
for suite in rust python node kotlin; do
    echo "=============================== ${suite} ==============================="
    suite_started=$SECONDS
    "scripts/test-${suite}.sh"
    echo "--> ${suite} passed in $((SECONDS - suite_started)) s"
done
echo "All suites passed in $((SECONDS - started)) s"
