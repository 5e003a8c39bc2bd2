"""The Redis fleet against a real `redis-server` and the sandbox: clients sharing one
`RedisTokenStore` (or one account's `fleet=`) log in once between them and refresh once per token
generation, share a rate budget, and send one purchase for one product.

Each test starts its own `redis-server` (scripts/redis.sh installs it); without one the tests
fail, they never skip."""

from __future__ import annotations

import asyncio
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable, Dict, Iterator, List

import pytest

import insurup
from conftest import start_sandbox
from support import AGENT_EMAIL, PURCHASE_ROUTE, Sandbox, card, cheapest, quoted_proposal

TOKEN_SECONDS = 3
"""Access tokens of the short-token sandbox live this long: a few generations per test."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def redis_url() -> Iterator[str]:
    """A throw-away `redis-server` on a free loopback port, without persistence."""
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.fail("redis-server is not installed: scripts/redis.sh installs it")
    port = free_port()
    with tempfile.TemporaryDirectory() as directory:
        process = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", directory],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if process.poll() is not None or time.monotonic() > deadline:
                        pytest.fail(f"redis-server did not start on port {port}")
                    time.sleep(0.05)
            yield f"redis://127.0.0.1:{port}/0"
        finally:
            process.terminate()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def short_token_sandbox() -> Iterator[Sandbox]:
    yield from start_sandbox("vendor-sdk", 0, "--token-ttl", str(TOKEN_SECONDS))


def session_counts(sandbox: Sandbox) -> Dict[str, int]:
    """Logins, accepted refreshes and refused ones since the last reset."""
    stats: Dict[str, Any] = sandbox.stats()
    asked = sum(n for route, n in stats["requests"].items() if route.endswith("/refresh"))
    return {
        "logins": stats["logins"],
        "refreshes": stats["refreshes"],
        "refused": asked - stats["refreshes"],
    }


def keep_calling(client: insurup.Client, seconds: float) -> int:
    calls, until = 0, time.monotonic() + seconds
    while time.monotonic() < until:
        client.reference.me()
        calls += 1
        time.sleep(0.02)
    return calls


def in_threads(*work: Callable[[], Any]) -> List[Any]:
    with ThreadPoolExecutor(len(work)) as pool:
        return [future.result() for future in [pool.submit(task) for task in work]]


def test_two_clients_sharing_one_redis_token_store_log_in_once(
    short_token_sandbox: Sandbox, redis_url: str
) -> None:
    sandbox = short_token_sandbox
    sandbox.reset()
    store = insurup.RedisTokenStore(redis_url, account=AGENT_EMAIL)
    first = sandbox.client(token_store=store)
    second = sandbox.client(token_store=store)

    calls = in_threads(
        lambda: keep_calling(first, 3 * TOKEN_SECONDS),
        lambda: keep_calling(second, 3 * TOKEN_SECONDS),
    )

    counts = session_counts(sandbox)
    assert all(n > 10 for n in calls), calls
    assert counts["logins"] == 1, f"one login between them: {counts}"
    assert counts["refreshes"] >= 2, f"the session was renewed as tokens expired: {counts}"
    assert counts["refused"] == 0, f"no refresh token was refused: {counts}"


async def test_async_clients_of_one_fleet_or_store_share_the_session(
    short_token_sandbox: Sandbox, redis_url: str
) -> None:
    sandbox = short_token_sandbox
    sandbox.reset()

    async def worker(sharing: str) -> int:
        # Each worker its own fleet or store and Redis connection, as separate processes have.
        shared: Dict[str, Any] = (
            {"fleet": insurup.RedisFleet(redis_url, AGENT_EMAIL)}
            if sharing == "fleet"
            else {"token_store": insurup.RedisTokenStore(redis_url, account=AGENT_EMAIL)}
        )
        calls, until = 0, time.monotonic() + 3 * TOKEN_SECONDS
        async with sandbox.async_client(**shared) as client:
            while time.monotonic() < until:
                await client.reference.me()
                calls += 1
                await asyncio.sleep(0.02)
        return calls

    calls = await asyncio.gather(worker("fleet"), worker("fleet"), worker("token_store"))

    counts = session_counts(sandbox)
    assert all(n > 10 for n in calls), calls
    assert counts["logins"] == 1, f"one login for the fleet: {counts}"
    assert counts["refreshes"] >= 2, counts
    assert counts["refused"] == 0, counts


def test_clients_sharing_a_rate_budget_stay_under_it_together(
    sandbox: Sandbox, redis_url: str
) -> None:
    def worker() -> insurup.Client:
        fleet = insurup.RedisFleet(redis_url, AGENT_EMAIL)
        budget = insurup.RedisRateBudget(fleet, 10.0)
        client = sandbox.client(fleet=fleet, rate_budget=budget)
        client.sign_in()
        return client

    first, second = worker(), worker()
    started = time.monotonic()
    in_threads(*[lambda c=c: c.reference.me() for c in (first, second) for _ in range(6)])
    elapsed = time.monotonic() - started

    # 12 calls at 10 a second, one at a time: the 12th may start 1.1 s after the first.
    assert elapsed >= 1.0, f"12 calls under a budget of 10/s took {elapsed:.2f} s"


def test_a_fleet_given_a_rate_shares_it_without_a_budget_object(
    sandbox: Sandbox, redis_url: str
) -> None:
    fleet = insurup.RedisFleet(redis_url, AGENT_EMAIL, requests_per_second=10.0, burst=1)
    first, second = sandbox.client(fleet=fleet), sandbox.client(fleet=fleet)
    first.sign_in()
    started = time.monotonic()
    in_threads(*[lambda c=c: c.reference.me() for c in (first, second) for _ in range(6)])
    elapsed = time.monotonic() - started

    assert elapsed >= 1.0, f"12 calls under the fleet's 10/s took {elapsed:.2f} s"


def test_two_clients_of_one_fleet_buying_one_product_send_one_purchase(
    sandbox: Sandbox, redis_url: str
) -> None:
    first = sandbox.client(fleet=insurup.RedisFleet(redis_url, AGENT_EMAIL))
    second = sandbox.client(fleet=insurup.RedisFleet(redis_url, AGENT_EMAIL))
    proposal = quoted_proposal(first)
    product = cheapest(proposal)
    # The first purchase takes a while: the second client asks while it is in flight.
    sandbox.fault("POST", PURCHASE_ROUTE, delayMs=800, action="respond", times=1)
    ready = threading.Event()

    def buy_first() -> insurup.Purchase:
        ready.set()
        return first.purchase.credit_card(proposal.id, product.id, card=card())

    def buy_second() -> insurup.Purchase:
        ready.wait()
        time.sleep(0.2)
        return second.purchase.credit_card(proposal.id, product.id, card=card())

    mine, theirs = in_threads(buy_first, buy_second)

    assert mine.policy_id == theirs.policy_id, "one policy for both"
    assert sandbox.requests("POST " + PURCHASE_ROUTE) == 1, sandbox.api_requests()


def test_fleet_objects_show_no_password_and_check_their_settings() -> None:
    url = "redis://app:s3cret@127.0.0.1:6379/2"
    fleet = insurup.RedisFleet(url, "ops@acente.com.tr", key_prefix="staging", timeout=0.5)
    store = insurup.RedisTokenStore(url, account="ops@acente.com.tr", wait_for_renewal=5)
    budget = insurup.RedisRateBudget(fleet, 5.0, burst=3, authentication=1.0)
    shown = [repr(fleet), repr(store), repr(budget), fleet.url, store.fleet.url]
    assert all("s3cret" not in text for text in shown), shown
    assert fleet.url == "redis://app:***@127.0.0.1:6379/2"
    assert store.fleet.account == "ops@acente.com.tr"
    assert repr(insurup.RedisTokenStore.in_fleet(fleet)).startswith("RedisTokenStore(")

    with pytest.raises(insurup.ValidationError) as raised:
        insurup.RedisTokenStore(url, account="two words")
    assert raised.value.field == "account"
    with pytest.raises(insurup.ValidationError) as raised:
        insurup.RedisFleet("http://not-redis", "ops@acente.com.tr")
    assert "s3cret" not in str(raised.value)
    with pytest.raises(insurup.ValidationError):
        insurup.RedisRateBudget(fleet, -1.0)
    with pytest.raises(insurup.ValidationError):
        insurup.RedisTokenStore(url, account="ops", wait_for_renewal=float("nan"))
    with pytest.raises(insurup.ValidationError) as raised:
        insurup.RedisFleet(url, "ops@acente.com.tr", burst=3)
    assert raised.value.field == "burst", "a burst needs a rate"
    with pytest.raises(insurup.ValidationError) as raised:
        insurup.RedisTokenStore(url, "ops@acente.com.tr", timeout=-1.0)
    assert raised.value.field == "timeout"
    staging = insurup.RedisTokenStore(url, "ops@acente.com.tr", key_prefix="staging", timeout=0.5)
    assert staging.fleet.account == "ops@acente.com.tr"
