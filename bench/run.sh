#!/usr/bin/env bash
# Benchmarks of the insurup SDK against raw HTTP and each language's usual client, side by side
# against release sandboxes on loopback with instant insurers. Prints JSON lines and a summary
# table of ratios (median and min–max over the rounds); bench/RESULTS.md records a run.
#
#   bench/run.sh            full run (several minutes; use a quiet machine)
#   bench/run.sh --smoke    a few hundred calls per contender, to check the harness works
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=7 calls=5000 latency_calls=2000 seconds=5 policies=100000
if [[ "${1:-}" == "--smoke" ]]; then
    rounds=2 calls=300 latency_calls=100 seconds=1 policies=5000
fi
out=bench/out
mkdir -p "$out"
results="$out/results.jsonl"
: > "$results"

echo "==> tools and release builds"
if ! command -v wrk >/dev/null || ! command -v hyperfine >/dev/null; then
    if [[ "$(id -u)" == 0 ]]; then sudo=""; else sudo="sudo"; fi
    $sudo apt-get update -qq && $sudo apt-get install -y -qq wrk hyperfine >/dev/null
fi
cargo build --release --locked -q -p insurup-sandbox -p insurup-bench
[[ -x bench/.venv/bin/python ]] || python3 -m venv bench/.venv
bench/.venv/bin/python -m pip install -q --disable-pip-version-check "maturin==1.16.0" "httpx==0.28.1" "requests==2.32.5"
rm -rf bench/dist
VIRTUAL_ENV="$PWD/bench/.venv" bench/.venv/bin/maturin build -q --release --locked -m bindings-python/Cargo.toml --out bench/dist
bench/.venv/bin/python -m pip install -q --force-reinstall --no-deps bench/dist/*.whl
(cd bindings-node && npm ci --no-audit --no-fund -s && npx napi build --platform --release --js native.js --dts index.d.ts -o ../bench/node/pkg >/dev/null)
cp bindings-node/index.js bindings-node/errors.js bench/node/pkg/
sandbox=target/release/insurup-sandbox
bench=target/release/insurup-bench

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
start_sandbox() { # prints the base URL of a new sandbox started with the given flags
    local log; log=$(mktemp)
    "$sandbox" --port 0 --latency-scale 0 "$@" >"$log" 2>/dev/null &
    pids+=($!)
    until [[ -s "$log" ]]; do sleep 0.05; done
    head -n1 "$log"
}
record() { tee -a "$results"; }
field() { sed -E "s/.*\"$1\":\"?([^\",}]*).*/\1/"; }

echo "==> one sandbox for the request comparisons"
url=$(start_sandbox)
setup=$("$bench" --base-url "$url" setup)
proposal=$(field proposalId <<<"$setup")
product=$(field productId <<<"$setup")
path=$(field path <<<"$setup")
token=$(field token <<<"$setup")
echo "GET $path: $(field bodyBytes <<<"$setup") bytes"

echo "==> 1. per-call latency of GET proposal product (~1 KB): SDK vs bare reqwest"
"$bench" --base-url "$url" latency --proposal-id "$proposal" --product-id "$product" --rounds "$rounds" --calls "$latency_calls" | record

echo "==> 2. throughput at concurrency 64: SDK vs wrk"
for round in $(seq "$rounds"); do
    "$bench" --base-url "$url" throughput --proposal-id "$proposal" --product-id "$product" --concurrency 64 --seconds "$seconds" \
        | sed "s/}\$/,\"round\":$round}/" | record
    wrk -t2 -c64 -d"${seconds}s" -H "authorization: Bearer $token" "$url$path" \
        | awk -v r="$round" '/Requests\/sec/ {printf "{\"measure\":\"wrk\",\"round\":%d,\"wrkRequestsPerSecond\":%s}\n", r, $2}' | record
done

echo "==> 3. Python: AsyncClient vs httpx (32 concurrent), Client vs requests (8 threads)"
bench/.venv/bin/python bench/python/bench.py throughput --base-url "$url" --proposal-id "$proposal" --product-id "$product" \
    --path "$path" --token "$token" --rounds "$rounds" --calls "$calls" | record

echo "==> 4. Node: binding vs fetch (Promise.all batches of 64)"
node bench/node/bench.mjs "$url" "$proposal" "$product" "$path" "$token" "$rounds" "$calls" | record

echo "==> 5. refresh storm: 1 000 calls straddling the renewal of a 2 s token"
storm_url=$(start_sandbox --token-ttl 2)
storm_proposal=$(field proposalId <<<"$("$bench" --base-url "$storm_url" setup)")
for round in $(seq 3); do
    INSURUP_BENCH_TOKEN_TTL=2 "$bench" --base-url "$storm_url" refresh-storm --proposal-id "$storm_proposal" --calls 1000 | record
done

echo "==> 6. streaming $policies policies in pages of 500: rows/s and peak RSS"
stream_url=$(start_sandbox --generated-policies "$policies")
"$bench" --base-url "$stream_url" stream --page-size 500 | record
bench/.venv/bin/python bench/python/bench.py stream --base-url "$stream_url" | record

echo "==> 7. cold start and package sizes"
hyperfine -N --warmup 3 --runs 20 --export-json "$out/cold-start.json" \
    "bench/.venv/bin/python -c pass" \
    "bench/.venv/bin/python -c 'import httpx'" \
    "bench/.venv/bin/python -c 'import insurup'" \
    "node -e 0" \
    "node -e \"require('./bench/node/pkg/index.js')\"" >/dev/null
bench/.venv/bin/python - "$out/cold-start.json" <<'PY' | record
import json, sys
for result in json.load(open(sys.argv[1]))["results"]:
    print(json.dumps({"measure": "coldStart", "command": result["command"], "medianMs": result["median"] * 1000}))
PY
printf '{"measure":"sizes","wheelBytes":%d,"nodeBytes":%d}\n' \
    "$(stat -c %s bench/dist/*.whl)" "$(stat -c %s bench/node/pkg/*.node)" | record

echo "==> summary"
bench/.venv/bin/python bench/summarize.py "$results"
