#!/usr/bin/env bash
# `cargo test`, with several test executables running at once. Cargo runs one executable at a
# time, and most of ours spend their time waiting (on simulated insurers, token lifetimes, Redis
# pauses and worker processes), not on the CPU: run one after another they took about 7 minutes
# on two cores, most of it idle. Each executable still runs its own tests on as many threads as
# `cargo test` gives it, from its package's directory, with its output kept in
# target/test-logs/ and printed when it fails. Doc tests run as one more job.
#
#   scripts/run-test-executables.sh            # INSURUP_TEST_JOBS at once (default 4)
#   INSURUP_TEST_JOBS=1 scripts/run-test-executables.sh
#
# Extra arguments go to every executable (a test name filter, `--nocapture`, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
target_dir="${CARGO_TARGET_DIR:-target}"
jobs="${INSURUP_TEST_JOBS:-4}"
logs="${target_dir}/test-logs"
rm -rf "${logs}" && mkdir -p "${logs}"

# The executables that take longest start first, so none of them starts last; the rest follow in
# cargo's order. A stale list costs time, never a test.
slowest_first=(fleet_processes quote_batch_queue quote_batch fault_matrix real_time fleet_session
    auth api)

# "<package directory> <target name> <executable>" for every test executable of the default members.
cargo test --locked --no-run --message-format=json-render-diagnostics | python3 -c '
import json, os, sys
for line in sys.stdin:
    artifact = json.loads(line)
    if artifact.get("reason") == "compiler-artifact" and artifact["profile"]["test"] and artifact.get("executable"):
        print(os.path.dirname(artifact["manifest_path"]), artifact["target"]["name"], artifact["executable"])
' \
        > "${logs}/executables"
{
    for name in "${slowest_first[@]}"; do
        awk -v name="$name" '$2 == name' "${logs}/executables"
    done
    awk -v names=" ${slowest_first[*]} " 'index(names, " " $2 " ") == 0' "${logs}/executables"
} > "${logs}/order"

# One job: runs a test executable (or the doc tests) and records "<seconds> <status> <name>".
run_job() {
    local dir="$1" name="$2" executable="$3" log started status=0
    shift 3
    log="${logs}/${name}-$(basename "${executable}").log"
    started=$SECONDS
    if [[ "${executable}" == doc ]]; then
        cargo test --locked --doc -q > "${log}" 2>&1 || status=$?
    else
        (cd "${dir}" && "${executable}" "$@") > "${log}" 2>&1 || status=$?
    fi
    echo "$((SECONDS - started)) ${status} ${name} ${log}" >> "${logs}/results"
}

started=$SECONDS
running=0
while read -r dir name executable; do
    if ((running >= jobs)); then
        wait -n || true
        running=$((running - 1))
    fi
    run_job "${dir}" "${name}" "${executable}" "$@" &
    running=$((running + 1))
done < <(cat "${logs}/order"; echo ". doc-tests doc")
wait

failed=0
while read -r seconds status name log; do
    if [[ "${status}" != 0 ]]; then
        failed=1
        echo "==> FAILED: ${name} (exit ${status}, ${seconds} s); its output:"
        cat "${log}"
    fi
done < "${logs}/results"
echo "==> test executables, slowest first (seconds, exit status):"
sort -rn "${logs}/results" | awk '{printf "    %4d s  %s  %s\n", $1, $2, $3}' | head -12
echo "==> $(wc -l < "${logs}/results") test executables in $((SECONDS - started)) s, ${jobs} at once"
exit "${failed}"
