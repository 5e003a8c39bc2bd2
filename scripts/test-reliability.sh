#!/usr/bin/env bash
# Reliability and security: the fault matrix (core against the sandbox under injected faults), the
# property tests of the validators and parsers, the sandbox's robustness tests, and cargo deny's
# licence, ban and source checks. `cargo test` in scripts/test-rust.sh runs the same tests; this
# script runs just these, plus cargo deny. Fuzzing is separate and needs nightly:
# scripts/fuzz.sh [seconds] (set FUZZ_SECONDS to run it from here too).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> fault matrix (50 concurrent flows under each of nine faults)"
cargo test --locked -p insurup-e2e --test fault_matrix -- --nocapture

echo "==> property tests (validators against reference implementations, parsers)"
cargo test --locked -p insurup --test properties

echo "==> sandbox robustness (hostile input on every route)"
cargo test --locked -p insurup-sandbox --test robustness

echo "==> cargo deny: licenses, bans, sources"
export PATH="$PWD/target/tools/bin:$PATH"
if ! command -v cargo-deny >/dev/null 2>&1; then
    cargo install --locked --root target/tools --no-default-features cargo-deny
fi
cargo deny check --hide-inclusion-graph licenses bans sources
# The advisory database lives on GitHub; check it when it can be fetched (CI's security workflow
# always does).
if timeout 20 git ls-remote --exit-code https://github.com/rustsec/advisory-db HEAD >/dev/null 2>&1; then
    cargo deny check --hide-inclusion-graph advisories
else
    echo "    (advisories skipped: the RustSec database cannot be fetched from here)"
fi

if [ "${FUZZ_SECONDS:-0}" -gt 0 ]; then
    scripts/fuzz.sh "$FUZZ_SECONDS"
fi
