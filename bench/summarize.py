"""Turns bench/run.sh's JSON lines into the table of ratios in RESULTS.md (median, min–max).

    python bench/summarize.py results.jsonl           the table
    python bench/summarize.py --check results.jsonl   fails unless every contender of every measure
                                                      produced its numbers (never judges a speed)
"""

from __future__ import annotations

import json
import math
import statistics
import sys
from collections import defaultdict
from typing import Any, Dict, List, Optional, Tuple

Row = Tuple[str, str, str, str]


def spread(values: List[float]) -> str:
    return f"{statistics.median(values):.2f}x ({min(values):.2f}–{max(values):.2f})"


def load(path: str) -> Dict[str, List[dict]]:
    by_measure: Dict[str, List[dict]] = defaultdict(list)
    for line in open(path):
        if line.strip():
            record = json.loads(line)
            by_measure[record["measure"]].append(record)
    return by_measure


def paired(records: List[dict], key: str, peer: str) -> List[float]:
    return [r[key] / r[peer] for r in records if r.get(key) and r.get(peer)]


def single_client(by: Dict[str, List[dict]]) -> List[Row]:
    rows: List[Row] = []
    latency = by["latency"]
    if latency:
        sdk = statistics.median(r["sdkMicros"] for r in latency)
        raw = statistics.median(r["reqwestMicros"] for r in latency)
        rows.append(("0a. latency, SDK / bare reqwest (lower is better)", spread(paired(latency, "sdkMicros", "reqwestMicros")),
                     f"{sdk:.0f} µs vs {raw:.0f} µs", "<= 1.05x"))
    sdk_rounds = {r["round"]: r for r in by["throughput"]}
    wrk_rounds = {r["round"]: r["wrkRequestsPerSecond"] for r in by["wrk"]}
    both = [k for k in sdk_rounds if k in wrk_rounds]
    if both:
        sdk = [sdk_rounds[k]["sdkRequestsPerSecond"] for k in both]
        raw = [sdk_rounds[k]["reqwestRequestsPerSecond"] for k in both]
        wrk = [wrk_rounds[k] for k in both]
        rows.append(("0b. throughput at c=64, SDK / wrk", spread([s / w for s, w in zip(sdk, wrk)]),
                     f"{statistics.median(sdk):.0f} vs {statistics.median(wrk):.0f} req/s", ">= 0.85x"))
        rows.append(("0b. throughput at c=64, SDK / bare reqwest", spread([s / r for s, r in zip(sdk, raw)]),
                     f"{statistics.median(sdk):.0f} vs {statistics.median(raw):.0f} req/s", ""))
        rows.append(("0b. throughput at c=64, bare reqwest / wrk", spread([r / w for r, w in zip(raw, wrk)]),
                     f"{statistics.median(raw):.0f} vs {statistics.median(wrk):.0f} req/s", ""))
    for measure, key, label, goal in [
        ("pythonAsync", "aiohttpPerSecond", "0c. Python AsyncClient / aiohttp (c=32)", ">= 2x"),
        ("pythonAsync", "httpxPerSecond", "0c. Python AsyncClient / httpx.AsyncClient (c=32)", ">= 2x"),
        ("pythonThreads", "requestsPerSecond", "0c. Python Client / requests.Session (8 threads)", ">= 2x"),
        ("node", "undiciPerSecond", "0d. Node binding / undici.request (batches of 64)", ">= 1.5x"),
        ("node", "fetchPerSecond", "0d. Node binding / fetch (batches of 64)", ">= 1x"),
    ]:
        records = by[measure]
        if records and all(r.get(key) for r in records):
            rows.append((label, spread(paired(records, "sdkPerSecond", key)),
                         f"{statistics.median(r['sdkPerSecond'] for r in records):.0f} vs {statistics.median(r[key] for r in records):.0f} calls/s",
                         goal))
    for storm in by["refreshStorm"]:
        rows.append(("0e. refresh storm (1 000 calls)", f"{storm['refreshes']} refresh, {storm['failures']} failures",
                     f"logins {storm['logins']}", "1 and 0"))
    for stream in by["stream"] + by["pythonStream"]:
        language = "Python" if stream["measure"] == "pythonStream" else "Rust"
        rows.append((f"0f. stream {stream['rows']} policies ({language})", f"{stream['peakRssMb']:.0f} MB peak RSS",
                     f"{stream['rowsPerSecond']:.0f} rows/s", "< 120 MB" if language == "Python" else "< 60 MB"))
    return rows


def tenants(by: Dict[str, List[dict]]) -> List[Row]:
    rows: List[Row] = []
    goals = {"rust": "<= 32 KB", "python": "<= 64 KB", "node": "<= 64 KB"}
    for record in by["tenants"]:
        language, kind = record["language"], record["kind"]
        name = {"sdk": "SDK clients", "httpx": "httpx.AsyncClients (reference)"}[kind]
        rows.append((f"1a. {record['clients']} {name}, {language}: memory per extra client",
                     f"{record['rssPerClientKb']:.1f} KB",
                     f"created in {record['createSeconds']:.2f} s, signed in ({record['signInConcurrency']} at a time) in {record['signInSeconds']:.2f} s",
                     goals[language] if kind == "sdk" else ""))
        rows.append((f"1a. {record['clients']} {name}, {language}: connections to the sandbox, threads",
                     f"{record['tcpConnections']} connections, threads {record['threadsBefore']} -> {record['threads']}",
                     "one shared pool leaves at most the sign-in concurrency (+1)",
                     f"<= {record['signInConcurrency'] + 1}, threads unchanged" if kind == "sdk" else ""))
    for spread_run in by["refreshSpread"]:
        sessions = spread_run["sessions"]
        rows.append((f"1b. refresh spread, {sessions} sessions, tokens of {spread_run['tokenTtlSeconds']:.0f} s: most renewals in one second",
                     f"{spread_run['maxInOneSecond']} ({spread_run['maxShareInOneSecond'] * 100:.1f} %)",
                     f"{spread_run['refreshes']} refreshes, {spread_run['failures']} failures, {spread_run['logins'] - sessions} extra logins",
                     f"<= {math.floor(sessions * 0.02)} (2 %)"))
    return rows


def batches(by: Dict[str, List[dict]]) -> List[Row]:
    rows: List[Row] = []
    for run in by["ceiling"]:
        how = {"default": "default settings", "announced": "default settings, RateLimit-Policy sent"}.get(
            run["label"], f"--concurrency {run['concurrency']}" + ("" if run.get("pacing", True) else " --no-pacing"))
        rows.append((f"2. quote-batch {run['rows']} rows at --rate-limit {run['rateLimit']} ({how}): achieved / allowed rate",
                     f"{run['fractionOfAllowed']:.2f}",
                     f"{run['achievedPerSecond']:.0f} req/s accepted over {run['seconds']:.0f} s; {run['failedRows']} failed rows; "
                     f"{run['refused429']} × 429 ({run['refused429AfterFirstSecond']} after the first second)",
                     ">= 0.95, 0 failed, 0 × 429 after 1 s"))
    for wait in ("hub", "polling"):
        quotes = [r for r in by["timeToQuote"] if r.get("sdkWait") == wait]
        if quotes:
            rows.append((f"3. time to the best quote and purchase / the sandbox's floor, {wait}", spread([r["ratio"] for r in quotes]),
                         f"{statistics.median(r['wallSeconds'] for r in quotes):.2f} s vs {statistics.median(r['floorSeconds'] for r in quotes):.2f} s",
                         "<= 1.1x" if wait == "hub" else "for comparison"))
            rows.append((f"3. the SDK's wait returned after the last insurer's answer, {wait}",
                         f"{statistics.median(r['waitReturnedAfterLastAnswerMs'] for r in quotes):.0f} ms",
                         f"{statistics.median(r['apiRequestsCreateToPurchase'] for r in quotes):.0f} API requests from create to purchase "
                         f"({statistics.median(r['apiRequestsCreateToPurchaseFirstProposal'] for r in quotes):.0f} for a client's first proposal), "
                         f"{statistics.median(r['products'] for r in quotes):.0f} insurers",
                         "hub: median <= 50 ms, <= 3 requests" if wait == "hub" else "for comparison"))
    return rows


def start_up(by: Dict[str, List[dict]]) -> List[Row]:
    rows: List[Row] = []
    cold = {record["command"]: record["medianMs"] for record in by["coldStart"]}

    def find(fragment: str) -> Optional[float]:
        return next((ms for command, ms in cold.items() if fragment in command), None)

    for command, ms in cold.items():
        rows.append(("4. cold start: " + command.replace("bench/.venv/bin/", ""), f"{ms:.1f} ms", "", ""))
    bare, insurup = find("-c pass"), find("import insurup")
    if bare is not None and insurup is not None:
        rows.append(("4. `import insurup` over a bare interpreter", f"{insurup - bare:.1f} ms", "", "<= 15 ms"))
    node, required = find("node -e 0"), find("require(")
    if node is not None and required is not None:
        rows.append(("4. `require` of the Node package over a bare node", f"{required - node:.1f} ms", "", ""))
    for sizes in by["sizes"]:
        rows.append((f"4. sizes ({sizes['build']}): {sizes['pythonFile']} / {sizes['nodeFile']}",
                     f"{sizes['pythonBytes'] / 1e6:.1f} MB / {sizes['nodeBytes'] / 1e6:.1f} MB", "", "smaller .node"))
    return rows


def table(path: str) -> None:
    by = load(path)
    print("| measurement | result (median, min–max) | absolute | goal |")
    print("|---|---|---|---|")
    for row in single_client(by) + tenants(by) + batches(by) + start_up(by):
        print("| " + " | ".join(row) + " |")


# What each measure must hold for the harness to have worked: (measure, selector, fields).
# A selector picks records by their fields; every field must be a finite number, and rates and
# times must be above zero (a contender that ran did some work).
EXPECTED: List[Tuple[str, Dict[str, Any], List[str]]] = [
    ("latency", {}, ["sdkMicros", "reqwestMicros"]),
    ("throughput", {}, ["sdkRequestsPerSecond", "reqwestRequestsPerSecond"]),
    ("wrk", {}, ["wrkRequestsPerSecond"]),
    ("pythonAsync", {}, ["sdkPerSecond", "httpxPerSecond", "aiohttpPerSecond"]),
    ("pythonThreads", {}, ["sdkPerSecond", "requestsPerSecond"]),
    ("node", {}, ["sdkPerSecond", "fetchPerSecond", "undiciPerSecond"]),
    ("refreshStorm", {}, ["calls"]),
    ("stream", {}, ["rows", "rowsPerSecond"]),
    ("pythonStream", {}, ["rows", "rowsPerSecond"]),
    ("tenants", {"language": "rust", "kind": "sdk"}, ["rssAfterKb", "createSeconds", "signInSeconds", "logins", "threads"]),
    ("tenants", {"language": "python", "kind": "sdk"}, ["rssAfterKb", "createSeconds", "signInSeconds", "threads"]),
    ("tenants", {"language": "python", "kind": "httpx"}, ["rssAfterKb", "createSeconds", "signInSeconds", "threads"]),
    ("tenants", {"language": "node", "kind": "sdk"}, ["rssAfterKb", "createSeconds", "signInSeconds", "threads"]),
    ("refreshSpread", {}, ["sessions", "refreshes"]),
    ("ceiling", {"label": "default"}, ["requests", "acceptedRequests", "achievedPerSecond", "seconds"]),
    ("ceiling", {"label": "announced"}, ["requests", "acceptedRequests", "achievedPerSecond", "seconds"]),
    ("ceiling", {"label": "c64-unpaced"}, ["requests", "acceptedRequests", "achievedPerSecond", "seconds"]),
    ("timeToQuote", {"sdkWait": "hub"}, ["wallSeconds", "floorSeconds", "issuingSeconds", "ratio",
                                                  "waitReturnedAfterLastAnswerMs", "apiRequestsCreateToPurchase"]),
    ("timeToQuote", {"sdkWait": "polling"}, ["wallSeconds", "floorSeconds", "issuingSeconds", "ratio",
                                                  "waitReturnedAfterLastAnswerMs", "apiRequestsCreateToPurchase"]),
    ("sizes", {}, ["pythonBytes", "nodeBytes"]),
]
MAY_BE_ZERO = {"waitReturnedAfterLastAnswerMs"}
COLD_STARTS = ["-c pass", "import httpx", "import aiohttp", "import insurup", "node -e 0", "require("]


def check(path: str) -> int:
    by = load(path)
    problems: List[str] = []
    for measure, selector, fields in EXPECTED:
        records = [r for r in by[measure] if all(r.get(k) == v for k, v in selector.items())]
        name = measure + "".join(f" {v}" for v in selector.values())
        if not records:
            problems.append(f"{name}: no result")
            continue
        for record in records:
            for field in fields:
                value = record.get(field)
                # A delay can be 0 (the hub pushed the last answer as the wait returned); a count or a
                # time of a whole flow cannot.
                least_allowed = 0 if field in MAY_BE_ZERO else sys.float_info.min
                if not isinstance(value, (int, float)) or isinstance(value, bool) or not math.isfinite(value) or value < least_allowed:
                    problems.append(f"{name}: {field} is {value!r}")
    for record in by["tenants"]:
        if record.get("rssPerClientKb") is None or record.get("tcpConnections") is None:
            problems.append(f"tenants {record.get('language')} {record.get('kind')}: memory or connections unreadable")
    for record in by["ceiling"]:
        if record.get("succeededRows", 0) + record.get("failedRows", 0) != record.get("rows"):
            problems.append(f"ceiling {record.get('label')}: the batch did not account for every row")
    commands = [record["command"] for record in by["coldStart"] if record.get("medianMs", 0) > 0]
    for fragment in COLD_STARTS:
        if not any(fragment in command for command in commands):
            problems.append(f"coldStart: nothing for {fragment!r}")
    for problem in problems:
        print(f"FAIL: {problem}", file=sys.stderr)
    if not problems:
        print(f"every contender ran ({sum(len(v) for v in by.values())} results)")
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1] == "--check":
        sys.exit(check(sys.argv[2]))
    table(sys.argv[1])
