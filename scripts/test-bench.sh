#!/usr/bin/env bash
# Benchmarks harness: runs every contender of bench/run.sh briefly (--smoke) against debug builds,
# reusing what the other suites built, and fails if any contender cannot run. It checks that the
# harness works, never a speed (timings need a quiet machine: see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/.."

bench/run.sh --smoke
