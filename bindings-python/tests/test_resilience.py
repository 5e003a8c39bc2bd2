"""Retries, lost purchase answers and cancelled calls: the core's guarantees, seen from Python."""

from __future__ import annotations

import asyncio
from typing import Awaitable, Callable

import pytest

import insurup
from support import PURCHASE_ROUTE, Sandbox, card, cheapest, quoted_proposal

ME = "GET /api/agent-users/me"
PROPOSAL = "GET /api/proposals/{id}"


def test_a_call_answered_429_is_retried_after_the_servers_wait(
    sandbox: Sandbox, client: insurup.Client
) -> None:
    client.sign_in()
    sandbox.fault("GET", "/api/agent-users/me", status=429, retryAfter=1, times=1)

    me = client.reference.me()

    assert me.email
    assert sandbox.requests(ME) == 2, "one refused attempt, one retry"


def test_a_purchase_whose_answer_is_lost_is_never_sent_twice(
    sandbox: Sandbox, client: insurup.Client
) -> None:
    proposal = quoted_proposal(client)
    product = cheapest(proposal)
    sandbox.fault("POST", PURCHASE_ROUTE, action="drop")

    with pytest.raises(insurup.PurchaseOutcomeUnknownError) as raised:
        client.purchase.credit_card(proposal.id, product.id, card=card())

    assert (raised.value.proposal_id, raised.value.product_id) == (proposal.id, product.id)
    assert sandbox.requests("POST " + PURCHASE_ROUTE) == 1
    assert sandbox.stats()["purchases"].get(product.id, 0) == 0, "the server never saw it"
    assert client.proposals.product(proposal.id, product.id).state == "ACTIVE"


def test_a_purchase_made_before_its_answer_was_lost_is_confirmed_by_reading_it_back(
    sandbox: Sandbox, client: insurup.Client
) -> None:
    proposal = quoted_proposal(client)
    product = cheapest(proposal)
    sandbox.fault("POST", PURCHASE_ROUTE, action="apply-then-drop")

    bought = client.purchase.credit_card(proposal.id, product.id, card=card())

    assert bought.confirmed_by_read_back and bought.status == "PURCHASED"
    assert sandbox.stats()["purchases"][product.id] == 1
    assert client.policies.get(bought.policy_id).proposal_product_id == product.id


async def test_cancelling_an_awaiting_call_does_not_poison_the_client(sandbox: Sandbox) -> None:
    # Polling, so that the wait reads the proposal (with the hub, `create` reads it once and
    # the hub pushes the rest).
    async with sandbox.async_client(real_time="polling") as async_client:
        await cancel_an_awaiting_wait(sandbox, async_client)


async def cancel_an_awaiting_wait(sandbox: Sandbox, async_client: insurup.AsyncClient) -> None:
    customer = await async_client.customers.ensure_individual(identity_number="11111111110")
    vehicle = await async_client.vehicles.create(customer.id, plate="34ABC123")
    created = await async_client.proposals.create_kasko(
        customer_id=customer.id, vehicle_id=vehicle.id
    )
    sandbox.fault("GET", "/api/proposals/{id}", status=None, delayMs=30_000)
    reads_before = sandbox.requests(PROPOSAL)

    waiting = asyncio.create_task(async_client.proposals.wait(created.id, timeout=60))
    await until(lambda: sandbox.requests(PROPOSAL) == reads_before + 1)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting

    assert sandbox.control("GET", "/__sandbox/faults") == [], "the slow read was in flight"
    proposal = await async_client.proposals.wait(created.id, timeout=60)
    me, again = await asyncio.gather(async_client.reference.me(), async_client.reference.me())
    assert proposal.is_complete() and me == again


async def test_a_cancelled_purchase_still_completes_once_it_was_sent(
    sandbox: Sandbox, async_client: insurup.AsyncClient
) -> None:
    with sandbox.client() as setup:
        proposal = quoted_proposal(setup)
    product = cheapest(proposal)
    sandbox.fault("POST", PURCHASE_ROUTE, status=None, delayMs=500)

    buying = asyncio.create_task(
        async_client.purchase.credit_card(proposal.id, product.id, card=card())
    )
    await until(lambda: sandbox.requests("POST " + PURCHASE_ROUTE) == 1)
    buying.cancel()
    with pytest.raises(asyncio.CancelledError):
        await buying

    async def state() -> str:
        return (await async_client.proposals.product(proposal.id, product.id)).state

    await until_async(state, "PURCHASED")
    assert sandbox.stats()["purchases"][product.id] == 1


async def until(condition: Callable[[], bool], attempts: int = 200) -> None:
    """Polls a sandbox condition; the bound only stops a broken test from hanging."""
    for _ in range(attempts):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the condition never held")


async def until_async(read: Callable[[], Awaitable[str]], expected: str) -> None:
    for _ in range(200):
        if await read() == expected:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"never reached {expected}")

