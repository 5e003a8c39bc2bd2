#!/usr/bin/env bash
# Reliability and security: the fault matrix (core against the sandbox under injected faults), the
# property tests of the validators and parsers, the sandbox's robustness tests, and cargo deny's
# advisory (against the RustSec snapshot), licence, ban and source checks. `cargo test` in
# scripts/test-rust.sh runs the same tests; this script runs just these, plus cargo deny (as
# scripts/test-supply-chain.sh does). Fuzzing is separate and needs nightly:
# scripts/fuzz.sh [seconds] (set FUZZ_SECONDS to run it from here too).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> fault matrix (50 concurrent flows under each of nine faults)"
cargo test --locked -p insurup-e2e --test fault_matrix -- --nocapture

echo "==> property tests (validators against reference implementations, parsers)"
cargo test --locked -p insurup --test properties

echo "==> sandbox robustness (hostile input on every route)"
cargo test --locked -p insurup-sandbox --test robustness

echo "==> cargo deny: advisories (RustSec snapshot, no fetch), licenses, bans, sources"
scripts/test-supply-chain.sh rust

if [ "${FUZZ_SECONDS:-0}" -gt 0 ]; then
    scripts/fuzz.sh "$FUZZ_SECONDS"
fi
