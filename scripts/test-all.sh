#!/usr/bin/env bash
# Every test suite, one after another: Rust, Python, Node, Kotlin (+ Swift snapshots), then the
# supply chain (known vulnerabilities in every dependency tree; it audits the Python test
# environment the Python suite made). Each suite installs what it needs from the package
# registries and starts its own sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."

# A run from a clean clone rebuilds everything once: incremental caches would only double the
# disk it needs (CI machines can be short of space).
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"
target_dir="${CARGO_TARGET_DIR:-target}"

report_disk() {
    echo "--- disk: $(du -sh "${target_dir}" 2>/dev/null | cut -f1) in ${target_dir}, $(df -h . | awk 'NR==2 {print $4}') free"
}

report_disk
started=$SECONDS
for suite in rust python node kotlin supply-chain bench; do
    echo "=============================== ${suite} ==============================="
    suite_started=$SECONDS
    "scripts/test-${suite}.sh"
    echo "--> ${suite} passed in $((SECONDS - suite_started)) s"
    report_disk
    scripts/drop-test-executables.sh
done
echo "All suites passed in $((SECONDS - started)) s"
