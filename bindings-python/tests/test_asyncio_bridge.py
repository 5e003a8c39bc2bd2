"""How `AsyncClient` calls come back to asyncio: on the loop that awaited them, many per wake-up,
on loops with and without readers (uvloop's included), from several loops at once."""

from __future__ import annotations

import asyncio
import threading
from typing import List

import pytest
import uvloop

import insurup
from insurup._async import completions_of
from support import Sandbox


class LoopWithoutReaders(asyncio.SelectorEventLoop):
    """Like Windows' proactor loop: no `add_reader`, so calls wake it with `call_soon_threadsafe`."""

    def add_reader(self, *args: object) -> None:
        raise NotImplementedError


async def a_hundred_concurrent_calls(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as client:
        customer = await client.customers.ensure_individual(identity_number="11111111110")
        # Bounded: a call whose outcome never reaches the loop fails the test instead of hanging it.
        fetched = await asyncio.wait_for(
            asyncio.gather(*(client.customers.get(customer.id) for _ in range(100))), timeout=60
        )
        assert [each.id for each in fetched] == [customer.id] * 100
        with pytest.raises(insurup.NotFoundError):
            await client.customers.get("00000000-0000-0000-0000-000000000000")
        missing, found = await asyncio.gather(
            client.customers.get("00000000-0000-0000-0000-000000000000"),
            client.customers.get(customer.id),
            return_exceptions=True,
        )
        assert isinstance(missing, insurup.NotFoundError) and found == customer


@pytest.mark.parametrize("dialect", ["vendor-sdk", "guide", "graphql-docs"])
async def test_concurrent_calls_and_their_errors_come_back_through_the_loops_reader(
    dialect: str, request: pytest.FixtureRequest
) -> None:
    fixture = {
        "vendor-sdk": "sandbox", "guide": "guide_sandbox", "graphql-docs": "graphql_docs_sandbox",
    }[dialect]
    await a_hundred_concurrent_calls(request.getfixturevalue(fixture))
    assert completions_of(asyncio.get_running_loop()).wake == "reader"


def test_a_loop_without_readers_is_woken_with_call_soon_threadsafe(sandbox: Sandbox) -> None:
    loop = LoopWithoutReaders()
    try:
        loop.run_until_complete(a_hundred_concurrent_calls(sandbox))
        assert completions_of(loop).wake == "call_soon_threadsafe"
    finally:
        loop.close()


def test_loops_in_several_threads_each_get_their_own_calls_back(sandbox: Sandbox) -> None:
    failures: List[BaseException] = []

    def worker() -> None:
        try:
            asyncio.run(a_hundred_concurrent_calls(sandbox))
        except BaseException as failure:  # noqa: BLE001 - reported by the test below
            failures.append(failure)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads), "a loop never got its calls back"
    assert failures == []


async def test_a_call_is_started_only_when_awaited_and_only_once(sandbox: Sandbox) -> None:
    async with sandbox.async_client() as client:
        await client.reference.me()
        before = sandbox.requests("GET /api/agent-users/me")
        call = client.reference.me()
        await asyncio.sleep(0.05)
        assert sandbox.requests("GET /api/agent-users/me") == before, "sent before it was awaited"
        me = await call
        assert me.email and sandbox.requests("GET /api/agent-users/me") == before + 1



def test_uvloop_gets_its_calls_back_through_its_reader(sandbox: Sandbox) -> None:
    loop = uvloop.new_event_loop()
    try:
        loop.run_until_complete(a_hundred_concurrent_calls(sandbox))
        assert completions_of(loop).wake == "reader"
    finally:
        loop.close()
