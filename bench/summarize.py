"""Turns bench/run.sh's JSON lines into the table of ratios in RESULTS.md (median, min–max)."""

from __future__ import annotations

import json
import statistics
import sys
from collections import defaultdict
from typing import Dict, List


def spread(values: List[float]) -> str:
    return f"{statistics.median(values):.2f}x ({min(values):.2f}–{max(values):.2f})"


def main(path: str) -> None:
    by_measure: Dict[str, List[dict]] = defaultdict(list)
    for line in open(path):
        if line.strip():
            record = json.loads(line)
            by_measure[record["measure"]].append(record)

    rows = []
    latency = by_measure["latency"]
    if latency:
        ratios = [r["sdkMicros"] / r["reqwestMicros"] for r in latency]
        sdk = statistics.median(r["sdkMicros"] for r in latency)
        raw = statistics.median(r["reqwestMicros"] for r in latency)
        rows.append(("1. latency, SDK / bare reqwest (lower is better)", spread(ratios), f"{sdk:.0f} µs vs {raw:.0f} µs", "<= 1.05x"))
    sdk_rounds = {r["round"]: r["sdkRequestsPerSecond"] for r in by_measure["throughput"]}
    wrk_rounds = {r["round"]: r["wrkRequestsPerSecond"] for r in by_measure["wrk"]}
    if sdk_rounds and wrk_rounds:
        ratios = [sdk_rounds[k] / wrk_rounds[k] for k in sdk_rounds if k in wrk_rounds]
        rows.append(("2. throughput at c=64, SDK / wrk", spread(ratios),
                     f"{statistics.median(sdk_rounds.values()):.0f} vs {statistics.median(wrk_rounds.values()):.0f} req/s", ">= 0.85x"))
    for measure, key, label in [
        ("pythonAsync", "httpxPerSecond", "3a. Python AsyncClient / httpx.AsyncClient (c=32)"),
        ("pythonThreads", "requestsPerSecond", "3b. Python Client / requests.Session (8 threads)"),
        ("node", "fetchPerSecond", "4. Node binding / fetch (batches of 64)"),
    ]:
        records = by_measure[measure]
        if records:
            ratios = [r["sdkPerSecond"] / r[key] for r in records]
            rows.append((label, spread(ratios),
                         f"{statistics.median(r['sdkPerSecond'] for r in records):.0f} vs {statistics.median(r[key] for r in records):.0f} calls/s",
                         ">= 2x" if measure.startswith("python") else ">= 1x"))
    for storm in by_measure["refreshStorm"]:
        rows.append(("5. refresh storm (1 000 calls)", f"{storm['refreshes']} refresh, {storm['failures']} failures",
                     f"logins {storm['logins']}", "1 and 0"))
    for stream in by_measure["stream"] + by_measure["pythonStream"]:
        language = "Python" if stream["measure"] == "pythonStream" else "Rust"
        rows.append((f"6. stream {stream['rows']} policies ({language})", f"{stream['peakRssMb']:.0f} MB peak RSS",
                     f"{stream['rowsPerSecond']:.0f} rows/s", "< 120 MB" if language == "Python" else "< 60 MB"))
    for cold in by_measure["coldStart"]:
        rows.append(("7. cold start: " + cold["command"].replace("bench/.venv/bin/", ""), f"{cold['medianMs']:.1f} ms", "", ""))
    for sizes in by_measure["sizes"]:
        rows.append(("7. package sizes", f"wheel {sizes['wheelBytes'] / 1e6:.1f} MB, .node {sizes['nodeBytes'] / 1e6:.1f} MB", "", ""))

    print("| measurement | result (median, min–max) | absolute | goal |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main(sys.argv[1])
