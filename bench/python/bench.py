"""Python measurements for bench/run.sh, each printed as one JSON line.

    throughput  AsyncClient vs httpx.AsyncClient and aiohttp (concurrency 32), then Client vs
                requests.Session (8 threads), interleaved round by round: the same GET of one
                proposal product (about 1 KB), decoded by every contender.
    stream      every policy through GraphQL pages of 500: rows/s and peak RSS of this process.
    tenants     N clients, each logged in with its own session, 16 sign-ins at a time (--kind sdk:
                insurup.AsyncClient; --kind httpx: httpx.AsyncClient posting the same login):
                resident memory per extra client, the time to create them, TCP connections to the
                sandbox (at most 16 when the clients share one pool) and threads.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import gc
import os
import resource
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict

import aiohttp
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


async def aiohttp_async(base_url: str, path: str, token: str, calls: int, concurrency: int) -> float:
    headers = {"authorization": f"Bearer {token}"}
    connector = aiohttp.TCPConnector(limit=concurrency)
    async with aiohttp.ClientSession(base_url=base_url, headers=headers, connector=connector) as session:
        async with session.get(path) as answer:
            answer.raise_for_status()
            await answer.read()
        gate = asyncio.Semaphore(concurrency)

        async def one() -> None:
            async with gate:
                async with session.get(path) as answer:
                    answer.raise_for_status()
                    await answer.json()  # the SDK decodes too

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
        fastest = asyncio.run(aiohttp_async(args.base_url, args.path, args.token, args.calls, 32))
        emit(measure="pythonAsync", round=round_number, sdkPerSecond=sdk, httpxPerSecond=raw, aiohttpPerSecond=fastest)
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


def status_field(name: str) -> int:
    """A number of /proc/self/status (kB for memory fields)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(name + ":"):
                return int(line.split()[1])
    raise LookupError(name)


def tcp_connections_to(port: int) -> int:
    """Established TCP connections of this process to `port`: its socket fds matched by inode."""
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    count = 0
    for table in ("/proc/self/net/tcp", "/proc/self/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            columns = line.split()
            if columns[3] == "01" and int(columns[2].rsplit(":", 1)[1], 16) == port and columns[9] in inodes:
                count += 1
    return count


def thread_names() -> Dict[str, int]:
    """This process's threads by name (/proc/self/task/*/comm)."""
    names: Dict[str, int] = {}
    for task in os.listdir("/proc/self/task"):
        try:
            name = open(f"/proc/self/task/{task}/comm").read().strip()
        except OSError:
            continue
        names[name] = names.get(name, 0) + 1
    return names


async def tenants_async(args: argparse.Namespace) -> None:
    port = int(args.base_url.rsplit(":", 1)[1].rstrip("/"))
    login = {"email": EMAIL, "password": PASSWORD}

    if args.kind == "sdk":
        def make() -> Any:
            return insurup.AsyncClient(base_url=args.base_url, email=EMAIL, password=PASSWORD)

        async def start(client: Any) -> None:
            await client.sign_in()
    else:
        def make() -> Any:
            return httpx.AsyncClient(base_url=args.base_url)

        async def start(client: Any) -> None:
            answer = await client.post("/api/authentication:agent-user/login", json=login)
            answer.raise_for_status()
            answer.json()

    # One client first, so the runtime and the libraries' first-use allocations are in place and
    # only what each further client adds is counted.
    first = make()
    await start(first)
    gc.collect()
    rss_before = status_field("VmRSS")
    threads_before = status_field("Threads")
    started = time.perf_counter()
    clients = [make() for _ in range(args.clients)]
    created = time.perf_counter() - started
    gate = asyncio.Semaphore(args.sign_in_concurrency)

    async def gated(client: Any) -> None:
        async with gate:
            await start(client)

    started = time.perf_counter()
    await asyncio.gather(*(gated(client) for client in clients))
    signed_in = time.perf_counter() - started
    gc.collect()
    rss_after = status_field("VmRSS")
    emit(
        measure="tenants",
        language="python",
        kind=args.kind,
        clients=args.clients,
        rssBeforeKb=rss_before,
        rssAfterKb=rss_after,
        rssPerClientKb=(rss_after - rss_before) / args.clients,
        createSeconds=created,
        signInSeconds=signed_in,
        signInConcurrency=args.sign_in_concurrency,
        tcpConnections=tcp_connections_to(port),
        threadsBefore=threads_before,
        threads=status_field("Threads"),
        threadNames=thread_names(),
    )
    if args.kind == "httpx":
        for client in [first, *clients]:
            await client.aclose()


def tenants(args: argparse.Namespace) -> None:
    asyncio.run(tenants_async(args))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=["throughput", "stream", "tenants"])
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--proposal-id", default="")
    parser.add_argument("--product-id", default="")
    parser.add_argument("--path", default="")
    parser.add_argument("--token", default="")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--calls", type=int, default=5000)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--kind", choices=["sdk", "httpx"], default="sdk")
    parser.add_argument("--sign-in-concurrency", type=int, default=16)
    args = parser.parse_args()
    {"throughput": throughput, "stream": stream, "tenants": tenants}[args.command](args)


if __name__ == "__main__":
    main()
