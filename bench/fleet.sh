#!/usr/bin/env bash
# The fleet benchmark: 4 `insurup quote-batch --queue` processes split one 2 000-row portfolio
# through Redis against a release sandbox limited to RATE requests per second per token, with
# the workers' shared budget set to the same RATE. Reports the request rate the fleet achieved
# (all API requests the sandbox saw, over the steady middle of the run and over the whole run),
# its ratio to RATE (goal: >= 0.90), the 429 answers the workers met, and the rows and logins.
#
#   bench/fleet.sh              2 000 rows at 100 requests/s (about 4 minutes)
#   ROWS=400 RATE=50 bench/fleet.sh
set -euo pipefail
cd "$(dirname "$0")/.."

rows=${ROWS:-2000} rate=${RATE:-100} workers=${WORKERS:-4}
target=${CARGO_TARGET_DIR:-target}
out=bench/out/fleet
rm -rf "$out" && mkdir -p "$out"

scripts/redis.sh
echo "==> release builds"
cargo build --release --locked -q -p insurup-sandbox -p insurup-cli
insurup="$target/release/insurup" sandbox="$target/release/insurup-sandbox"

pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$out" >"$out/redis.log" 2>&1 &
pids+=($!)
"$sandbox" --port 0 --latency-scale 0 --rate-limit "$rate" >"$out/sandbox.out" 2>/dev/null &
pids+=($!)
until [[ -s "$out/sandbox.out" ]] && redis-cli -p "$port" ping >/dev/null 2>&1; do sleep 0.05; done
url=$(head -n1 "$out/sandbox.out")

"$insurup" quote-batch --generate-sample "$rows" >"$out/rows.csv"
export HOME="$out" INSURUP_BASE_URL="$url" INSURUP_EMAIL=agent@sandbox.insurup.test \
    INSURUP_PASSWORD=sandbox-password INSURUP_QUEUE="redis://127.0.0.1:$port/"

echo "==> $workers workers, $rows rows, sandbox and fleet budget at $rate requests/s"
requests() { # every API request the sandbox has seen
    curl -s "$url/__sandbox/stats" | python3 -c '
import json, sys
stats = json.load(sys.stdin)
print(sum(n for route, n in stats["requests"].items() if "/__sandbox/" not in route))'
}
started=$(date +%s.%N)
worker_pids=()
for n in $(seq 1 "$workers"); do
    # -v logs each retry with its status: the 429s are counted from there.
    "$insurup" -v quote-batch "$out/rows.csv" --worker "w$n" --concurrency 16 \
        --rate-limit "$rate" --quiet -o "$out/w$n.csv" >"$out/w$n.out" 2>"$out/w$n.err" &
    worker_pids+=($!)
done
: >"$out/samples"
while kill -0 "${worker_pids[@]}" 2>/dev/null; do
    echo "$(date +%s.%N) $(requests)" >>"$out/samples"
    sleep 1
done
for pid in "${worker_pids[@]}"; do wait "$pid"; done
ended=$(date +%s.%N)
echo "$ended $(requests)" >>"$out/samples"

curl -s "$url/__sandbox/stats" >"$out/stats.json"
python3 - "$out/samples" "$started" "$ended" "$rate" "$rows" "$out" <<'EOF'
import glob, json, sys

samples_file, started, ended, rate, rows, out = sys.argv[1:]
started, ended, rate, rows = float(started), float(ended), float(rate), int(rows)
stats = json.load(open(f"{out}/stats.json"))
samples = [tuple(map(float, line.split())) for line in open(samples_file) if line.strip()]
total = samples[-1][1]
# The steady middle: from 10 % to 90 % of the requests.
low = next(s for s in samples if s[1] >= 0.1 * total)
high = next(s for s in samples if s[1] >= 0.9 * total)
steady = (high[1] - low[1]) / (high[0] - low[0])
overall = total / (ended - started)
throttled = sum(open(f).read().count("status=429") for f in glob.glob(f"{out}/w*.err"))
keys = set()
for path in glob.glob(f"{out}/w*.csv"):
    keys |= {line.split(",", 1)[0] for line in open(path).read().splitlines()[1:]}
result = {
    "measurement": "fleet quote-batch",
    "workers": len(glob.glob(f"{out}/w*.csv")),
    "rows": rows,
    "rowsInOutput": len(keys),
    "proposalsCreated": stats["proposalsCreated"],
    "logins": stats["logins"],
    "requests": int(total),
    "seconds": round(ended - started, 1),
    "allowedPerSecond": rate,
    "steadyPerSecond": round(steady, 1),
    "overallPerSecond": round(overall, 1),
    "steadyRatio": round(steady / rate, 3),
    "overallRatio": round(overall / rate, 3),
    "rateLimited429": throttled,
}
print(json.dumps(result))
print(f"achieved {steady:.1f} requests/s in the steady middle ({steady / rate:.0%} of {rate:.0f}), "
      f"{overall:.1f} over the whole run ({overall / rate:.0%}); {throttled} answers 429; "
      f"{result['proposalsCreated']} proposals for {rows} rows; {result['logins']} login(s)")
EOF
