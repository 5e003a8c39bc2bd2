#!/usr/bin/env bash
# Benchmarks of the insurup SDK against raw HTTP and each language's usual and fastest clients,
# side by side against sandboxes on loopback. Prints JSON lines (bench/out/results.jsonl) and a
# summary table of ratios (median and min–max over the rounds); bench/RESULTS.md records a run.
#
#   bench/run.sh            full run against release builds (use a quiet machine)
#   bench/run.sh --smoke    every contender briefly, against debug builds: checks that the
#                           harness works (never a speed) and fails if any contender cannot run
#
# Smoke mode reuses what the test suites build (the debug sandbox and CLI, the `.venv` that
# scripts/test-python.sh fills, bindings-node's debug build) and builds any of them that is
# missing, in debug. Builds go to $CARGO_TARGET_DIR (default target/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

smoke=false
case "${1:-}" in
    --smoke) smoke=true ;;
    "") ;;
    *) echo "usage: bench/run.sh [--smoke]" >&2; exit 2 ;;
esac

if $smoke; then
    rounds=2 calls=300 latency_calls=100 seconds=1 policies=5000 storm_runs=1 cold_runs=3
    tenants=100 spread_sessions=50 spread_ttl=3 batch_rows=20 batch_rate=60 quote_rounds=1 quote_scale=0.1
else
    rounds=7 calls=5000 latency_calls=2000 seconds=5 policies=100000 storm_runs=3 cold_runs=20
    tenants=1000 spread_sessions=1000 spread_ttl=300 batch_rows=2000 batch_rate=250 quote_rounds=5 quote_scale=1
fi
out=bench/out
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"
target=${CARGO_TARGET_DIR:-target}
[[ "$target" == /* ]] || target="$root/$target"
# A thousand clients with a connection each, and the sandbox's side of them.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || ulimit -n 65536 2>/dev/null || true

echo "==> tools"
if ! command -v wrk >/dev/null || ! command -v hyperfine >/dev/null; then
    if [[ "$(id -u)" == 0 ]]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk hyperfine >/dev/null
fi
[[ -x bench/.venv/bin/python ]] || python3 -m venv bench/.venv
bench/.venv/bin/python -m pip install -q --disable-pip-version-check \
    "httpx==0.28.1" "requests==2.32.5" "aiohttp==3.14.5"
(cd bench/node && npm ci --no-audit --no-fund -s)

if $smoke; then
    profile=debug
    echo "==> debug builds (reused when the test suites built them)"
    # The sandbox as the Python and Node suites build it (a no-op after them); the CLI the Rust
    # suite's tests built, or a debug build of it when there is none.
    cargo build --locked -q -p insurup-sandbox
    [[ -x "$target/debug/insurup" ]] || cargo build --locked -q -p insurup-cli
    cargo build --locked -q -p insurup-bench
    if [[ ! -x .venv/bin/python ]]; then
        python3 -m venv .venv
        .venv/bin/python -m pip install -q --disable-pip-version-check "maturin==1.16.0"
    fi
    VIRTUAL_ENV="$root/.venv" .venv/bin/maturin develop --quiet -m bindings-python/Cargo.toml
    # The module the Python suite installed, seen from bench/.venv (the same interpreter).
    module=$(.venv/bin/python -c 'import insurup, os; print(os.path.dirname(insurup.__file__))')
    mkdir -p "$out/python-path"
    ln -sfn "$module" "$out/python-path/insurup"
    export PYTHONPATH="$root/$out/python-path"
    (
        cd bindings-node
        [[ -d node_modules ]] || npm ci --no-audit --no-fund -s
        npx napi build --platform --js native.js --dts index.d.ts >/dev/null
    )
    export INSURUP_BENCH_NODE_PACKAGE="$root/bindings-node/index.js"
    node_file=$(ls bindings-node/*.node)
    module_file=$(ls "$module"/*.so)
else
    profile=release
    echo "==> release builds"
    cargo build --release --locked -q -p insurup-sandbox -p insurup-cli -p insurup-bench
    bench/.venv/bin/python -m pip install -q --disable-pip-version-check "maturin==1.16.0"
    rm -rf bench/dist
    VIRTUAL_ENV="$root/bench/.venv" bench/.venv/bin/maturin build -q --release --locked -m bindings-python/Cargo.toml --out bench/dist
    bench/.venv/bin/python -m pip install -q --force-reinstall --no-deps bench/dist/*.whl
    (cd bindings-node && npm ci --no-audit --no-fund -s && npx napi build --platform --release --js native.js --dts index.d.ts -o ../bench/node/pkg >/dev/null)
    cp bindings-node/index.js bindings-node/errors.js bench/node/pkg/
    unset INSURUP_BENCH_NODE_PACKAGE
    node_file=$(ls bench/node/pkg/*.node)
    module_file=$(ls bench/dist/*.whl)
fi
sandbox="$target/$profile/insurup-sandbox"
cli="$target/$profile/insurup"
bench="$target/$profile/insurup-bench"
python=bench/.venv/bin/python

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
# start_sandbox VAR [FLAG…]: starts a sandbox with the flags and sets VAR to its base URL. It runs
# in this shell, not in a `$(…)` subshell, so the EXIT trap knows every sandbox's pid.
start_sandbox() {
    local var=$1 log; shift
    log=$(mktemp)
    local flags=("$@")
    [[ " ${flags[*]} " == *" --latency-scale "* ]] || flags+=(--latency-scale 0)
    "$sandbox" --port 0 "${flags[@]}" >"$log" 2>/dev/null &
    local pid=$!
    pids+=("$pid")
    until [[ -s "$log" ]]; do
        kill -0 "$pid" 2>/dev/null || { echo "the sandbox did not start with: ${flags[*]}" >&2; return 1; }
        sleep 0.05
    done
    printf -v "$var" '%s' "$(head -n1 "$log")"
    rm -f "$log"
}
has_flag() { # whether `$1 --help` (a command line) lists the flag $2
    $1 --help 2>/dev/null | grep -q -- "$2"
}
unavailable() { # a measure cannot run: smoke fails, a full run skips it and says why
    if $smoke; then echo "FAIL: $*" >&2; exit 1; fi
    echo "SKIPPED: $*"
}
record() { tee -a "$results"; }
field() { sed -E "s/.*\"$1\":\"?([^\",}]*).*/\1/"; }

echo "==> one sandbox for the request comparisons"
start_sandbox url
setup=$("$bench" --base-url "$url" setup)
proposal=$(field proposalId <<<"$setup")
product=$(field productId <<<"$setup")
path=$(field path <<<"$setup")
token=$(field token <<<"$setup")
echo "GET $path: $(field bodyBytes <<<"$setup") bytes"

echo "==> 0a. per-call latency of GET proposal product (~1 KB): SDK vs bare reqwest"
"$bench" --base-url "$url" latency --proposal-id "$proposal" --product-id "$product" --rounds "$rounds" --calls "$latency_calls" | record

echo "==> 0b. throughput at concurrency 64: SDK vs bare reqwest vs wrk, round by round"
for round in $(seq "$rounds"); do
    "$bench" --base-url "$url" throughput --proposal-id "$proposal" --product-id "$product" --concurrency 64 --seconds "$seconds" \
        | sed "s/}\$/,\"round\":$round}/" | record
    wrk -t2 -c64 -d"${seconds}s" -H "authorization: Bearer $token" "$url$path" \
        | awk -v r="$round" '/Requests\/sec/ {printf "{\"measure\":\"wrk\",\"round\":%d,\"wrkRequestsPerSecond\":%s}\n", r, $2}' | record
done

echo "==> 0c. Python: AsyncClient vs httpx and aiohttp (32 concurrent), Client vs requests (8 threads)"
"$python" bench/python/bench.py throughput --base-url "$url" --proposal-id "$proposal" --product-id "$product" \
    --path "$path" --token "$token" --rounds "$rounds" --calls "$calls" | record

echo "==> 0d. Node: binding vs fetch and undici.request (Promise.all batches of 64)"
node bench/node/bench.mjs throughput "$url" "$proposal" "$product" "$path" "$token" "$rounds" "$calls" | record

echo "==> 0e. refresh storm: 1 000 calls straddling the renewal of a 2 s token"
start_sandbox storm_url --token-ttl 2
storm_proposal=$(field proposalId <<<"$("$bench" --base-url "$storm_url" setup)")
for _ in $(seq "$storm_runs"); do
    INSURUP_BENCH_TOKEN_TTL=2 "$bench" --base-url "$storm_url" refresh-storm --proposal-id "$storm_proposal" --calls 1000 | record
done

echo "==> 0f. streaming $policies policies in pages of 500: rows/s and peak RSS"
start_sandbox stream_url --generated-policies "$policies"
"$bench" --base-url "$stream_url" stream --page-size 500 | record
"$python" bench/python/bench.py stream --base-url "$stream_url" | record

echo "==> 1a. many tenants: $tenants clients, each with its own session, in one process"
start_sandbox tenant_url
"$bench" --base-url "$tenant_url" tenants --clients "$tenants" | record
"$python" bench/python/bench.py tenants --kind sdk --base-url "$tenant_url" --clients "$tenants" | record
"$python" bench/python/bench.py tenants --kind httpx --base-url "$tenant_url" --clients "$tenants" | record
node --expose-gc bench/node/bench.mjs tenants "$tenant_url" "$tenants" | record

echo "==> 1b. refresh spread: $spread_sessions sessions started together, tokens living ${spread_ttl} s"
if has_flag "$sandbox" --token-ttl; then
    start_sandbox spread_url --token-ttl "$spread_ttl"
    "$bench" --base-url "$spread_url" refresh-spread --sessions "$spread_sessions" --token-ttl "$spread_ttl" | record
else
    unavailable "refresh spread: the sandbox has no --token-ttl"
fi

echo "==> 2. batches at the ceiling: quote-batch on $batch_rows rows, --rate-limit $batch_rate"
if ! has_flag "$sandbox" --rate-limit; then
    unavailable "batch at the ceiling: the sandbox has no --rate-limit"
elif ! has_flag "$cli quote-batch" --concurrency; then
    unavailable "batch at the ceiling: insurup quote-batch has no --concurrency"
else
    # The CLI as a user runs it (it paces itself once refused), the same against a sandbox that
    # announces its limit in RateLimit-Policy, then at fixed concurrency 64 without pacing; a
    # fresh sandbox each, so all create the same customers.
    for run in default announced c64-unpaced; do
        flags=(--rate-limit "$batch_rate")
        options=()
        case "$run" in
            announced)
                if ! has_flag "$sandbox" --rate-limit-headers; then
                    unavailable "batch at the ceiling, announced: the sandbox has no --rate-limit-headers"
                    continue
                fi
                flags+=(--rate-limit-headers) ;;
            c64-unpaced) options=(--concurrency 64 --no-pacing) ;;
        esac
        start_sandbox ceiling_url "${flags[@]}"
        "$bench" --base-url "$ceiling_url" ceiling --cli "$cli" --work-dir "$out/ceiling-$run" \
            --rows "$batch_rows" --rate-limit "$batch_rate" --label "$run" "${options[@]}" | record
    done
fi

echo "==> 3. time to the best quote: the quote-and-buy flow vs the sandbox's floor (--latency-scale $quote_scale)"
start_sandbox quote_url --latency-scale "$quote_scale"
for mode in hub polling; do
    "$bench" --base-url "$quote_url" time-to-quote --rounds "$quote_rounds" --real-time "$mode" | record
done

echo "==> 4. cold start and package sizes"
hyperfine -N --warmup 3 --runs "$cold_runs" --export-json "$out/cold-start.json" \
    "$python -c pass" \
    "$python -c 'import httpx'" \
    "$python -c 'import aiohttp'" \
    "$python -c 'import insurup'" \
    "node -e 0" \
    "node -e \"require('${INSURUP_BENCH_NODE_PACKAGE:-./bench/node/pkg/index.js}')\"" >/dev/null
"$python" - "$out/cold-start.json" <<'PY' | record
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(json.dumps({"measure": "coldStart", "command": result["command"], "medianMs": result["median"] * 1000}))
PY
printf '{"measure":"sizes","build":"%s","pythonFile":"%s","pythonBytes":%d,"nodeFile":"%s","nodeBytes":%d}\n' \
    "$profile" "$(basename "$module_file")" "$(stat -L -c %s "$module_file")" \
    "$(basename "$node_file")" "$(stat -L -c %s "$node_file")" | record

echo "==> summary"
"$python" bench/summarize.py "$results"
if $smoke; then
    "$python" bench/summarize.py --check "$results"
fi
