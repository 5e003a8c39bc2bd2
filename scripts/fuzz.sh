#!/usr/bin/env bash
# Runs every cargo-fuzz target of fuzz/ for a bounded time (default 60 s each), one after another,
# and prints how many inputs each one ran. Exit code non-zero when a target finds a crash; the
# input that crashed is kept in fuzz/artifacts/<target>/.
#
#   scripts/fuzz.sh            # 60 s per target (what CI runs)
#   scripts/fuzz.sh 900        # longer, by hand
#   scripts/fuzz.sh 60 models  # only some targets
#
# Needs a nightly toolchain (sanitizers) and cargo-fuzz, which is installed from crates.io into
# target/tools when missing. Corpora are seeded from fuzz/seeds/, the webhook samples and the
# sandbox's response snapshots, and grow in fuzz/corpus/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
if [ "${#targets[@]}" -eq 0 ]; then
    targets=(problem_details models webhook graphql_answer validators hub_messages)
fi

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    echo "==> installing the nightly toolchain (cargo fuzz needs it)"
    rustup toolchain install nightly --profile minimal
fi
export PATH="$PWD/target/tools/bin:$PATH"
if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "==> installing cargo-fuzz into target/tools"
    cargo install --locked --root target/tools cargo-fuzz
fi

seed() {
    local target="$1"
    shift
    mkdir -p "fuzz/corpus/$target"
    for file in "$@"; do
        [ -f "$file" ] || continue
        # insta snapshots carry a YAML header before the JSON; keep what follows it.
        if [[ "$file" == *.snap ]]; then
            awk 'seen >= 2 { print } /^---$/ { seen++ }' "$file" >"fuzz/corpus/$target/seed-$(basename "$file")"
        else
            cp "$file" "fuzz/corpus/$target/seed-$(basename "$file")"
        fi
    done
}

webhook_samples=(core/src/webhook/samples/*.json)
api_snapshots=(sandbox/tests/api/snapshots/*.snap)
seed problem_details fuzz/seeds/problem_details/* "${api_snapshots[@]}"
seed models fuzz/seeds/graphql_answer/* "${webhook_samples[@]}" "${api_snapshots[@]}"
seed webhook fuzz/seeds/webhook/* "${webhook_samples[@]}"
seed graphql_answer fuzz/seeds/graphql_answer/* "${api_snapshots[@]}"
seed validators fuzz/seeds/validators/*
seed hub_messages fuzz/seeds/hub_messages/*

echo "==> building the fuzz targets (nightly, address sanitizer)"
(cd fuzz && cargo +nightly fuzz build)

summary=()
failed=0
for target in "${targets[@]}"; do
    echo "==> fuzzing ${target} for ${seconds} s"
    mkdir -p fuzz/artifacts
    log="fuzz/artifacts/${target}.log"
    status=0
    (cd fuzz && cargo +nightly fuzz run "$target" -- \
        -max_total_time="$seconds" -print_final_stats=1 -rss_limit_mb=2048) >"$log" 2>&1 || status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    if [ "$status" -ne 0 ]; then
        tail -n 40 "$log"
        summary+=("${target}: FAILED (exit ${status}) after ${runs:-?} runs; log ${log}, input in fuzz/artifacts/${target}/")
        failed=1
    else
        summary+=("${target}: ${runs:-?} runs in ${seconds} s, no crash")
    fi
done

echo
echo "==> fuzzing summary"
printf '  %s\n' "${summary[@]}"
exit "$failed"
