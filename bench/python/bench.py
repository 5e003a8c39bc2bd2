"""Python measurements for bench/run.sh, each printed as one JSON line.

    throughput  AsyncClient vs httpx.AsyncClient (concurrency 32), then Client vs requests.Session
                (8 threads), interleaved round by round: the same GET of one proposal product (about 1 KB).
    stream      every policy through GraphQL pages of 500: rows/s and peak RSS of this process.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict

import httpx
import requests

import insurup

EMAIL = "agent@sandbox.insurup.test"
PASSWORD = "sandbox-password"


def emit(**fields: Any) -> None:
    print(json.dumps(fields), flush=True)


async def sdk_async(base_url: str, proposal_id: str, product_id: str, calls: int, concurrency: int) -> float:
    async with insurup.AsyncClient(base_url=base_url, email=EMAIL, password=PASSWORD) as client:
        await client.proposals.product(proposal_id, product_id)  # login and pool warm-up outside the timing
        gate = asyncio.Semaphore(concurrency)

        async def one() -> None:
            async with gate:
                await client.proposals.product(proposal_id, product_id)

        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(calls)))
        return calls / (time.perf_counter() - started)


async def httpx_async(base_url: str, path: str, token: str, calls: int, concurrency: int) -> float:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    headers = {"authorization": f"Bearer {token}"}
    async with httpx.AsyncClient(base_url=base_url, headers=headers, limits=limits) as client:
        (await client.get(path)).raise_for_status()
        gate = asyncio.Semaphore(concurrency)

        async def one() -> None:
            async with gate:
                answer = await client.get(path)
                answer.raise_for_status()
                answer.json()  # the SDK decodes too

        started = time.perf_counter()
        await asyncio.gather(*(one() for _ in range(calls)))
        return calls / (time.perf_counter() - started)


def threaded(call: Callable[[], None], calls: int, threads: int) -> float:
    call()
    started = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        for _ in pool.map(lambda _: call(), range(calls)):
            pass
    return calls / (time.perf_counter() - started)


def throughput(args: argparse.Namespace) -> None:
    sync_client = insurup.Client(base_url=args.base_url, email=EMAIL, password=PASSWORD)
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(pool_connections=args.threads, pool_maxsize=args.threads)
    session.mount("http://", adapter)
    session.headers["authorization"] = f"Bearer {args.token}"
    url = args.base_url + args.path

    def requests_get() -> None:
        answer = session.get(url)
        answer.raise_for_status()
        answer.json()

    for round_number in range(1, args.rounds + 1):
        sdk = asyncio.run(sdk_async(args.base_url, args.proposal_id, args.product_id, args.calls, 32))
        raw = asyncio.run(httpx_async(args.base_url, args.path, args.token, args.calls, 32))
        emit(measure="pythonAsync", round=round_number, sdkPerSecond=sdk, httpxPerSecond=raw)
        sdk = threaded(lambda: None if sync_client.proposals.product(args.proposal_id, args.product_id) else None, args.calls, args.threads)
        raw = threaded(requests_get, args.calls, args.threads)
        emit(measure="pythonThreads", round=round_number, sdkPerSecond=sdk, requestsPerSecond=raw)


def stream(args: argparse.Namespace) -> None:
    client = insurup.Client(base_url=args.base_url, email=EMAIL, password=PASSWORD)
    started = time.perf_counter()
    rows = sum(1 for _ in client.graphql.policies(first=500))
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    emit(measure="pythonStream", rows=rows, rowsPerSecond=rows / seconds, peakRssMb=peak_mb)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["throughput", "stream"])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--proposal-id", default="")
    parser.add_argument("--product-id", default="")
    parser.add_argument("--path", default="")
    parser.add_argument("--token", default="")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--threads", type=int, default=8)
    args = parser.parse_args()
    {"throughput": throughput, "stream": stream}[args.command](args)


if __name__ == "__main__":
    main()
