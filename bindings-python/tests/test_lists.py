"""GraphQL lists as lazy iterators: every row, page by page, without paging code in Python."""

from __future__ import annotations

import typing
from typing import List

import pytest

import insurup
from support import GENERATED_POLICIES, Sandbox

GRAPHQL = "POST /api/graphql"


def test_iterating_a_list_fetches_every_row_a_page_at_a_time(
    sandbox: Sandbox, client: insurup.Client
) -> None:
    rows = client.graphql.policies(first=500)
    assert sandbox.requests(GRAPHQL) == 0, "nothing is fetched before the loop starts"

    ids = [row.id for row in rows]

    assert len(ids) == GENERATED_POLICIES
    assert len(set(ids)) == GENERATED_POLICIES, "no row is repeated across pages"
    assert sandbox.requests(GRAPHQL) == GENERATED_POLICIES // 500
    assert next(rows, None) is None


async def test_async_for_fetches_every_row_a_page_at_a_time(
    sandbox: Sandbox, async_client: insurup.AsyncClient
) -> None:
    ids = [row.id async for row in async_client.graphql.policies(first=500)]

    assert len(set(ids)) == GENERATED_POLICIES
    assert sandbox.requests(GRAPHQL) == GENERATED_POLICIES // 500


def test_breaking_out_of_a_loop_fetches_no_further_pages(
    sandbox: Sandbox, client: insurup.Client
) -> None:
    for index, _row in enumerate(client.graphql.policies(first=100)):
        if index == 150:
            break

    assert sandbox.requests(GRAPHQL) == 2


def test_filters_and_orders_are_given_as_dicts(client: insurup.Client) -> None:
    rows = list(
        client.graphql.policies(
            first=200,
            filter={"and": [{"state": {"eq": "ACTIVE"}}, {"productBranch": {"eq": "KASKO"}}]},
            order={"grossPremium": "DESC"},
        )
    )
    premiums = [row.gross_premium or 0.0 for row in rows]

    assert rows and all(row.state == "ACTIVE" and row.product_branch == "KASKO" for row in rows)
    assert premiums == sorted(premiums, reverse=True)


def test_pages_carry_the_total_count_and_cursors(client: insurup.Client) -> None:
    pages: List[insurup.PolicyPage] = list(client.graphql.policy_pages(first=450))

    assert [len(page.items) for page in pages] == [450] * 11 + [50]
    assert all(page.total_count == GENERATED_POLICIES for page in pages)
    assert pages[0].page_info.has_next_page and not pages[-1].page_info.has_next_page
    assert isinstance(pages[0].items[0], insurup.PolicyRow)


async def test_customers_proposals_and_cases_are_listed_the_same_way(
    async_client: insurup.AsyncClient,
) -> None:
    customer = await async_client.customers.ensure_individual(identity_number="11111111110")
    await async_client.cases.ensure_sale_opportunity(customer_id=customer.id, product_branch="KASKO")

    customers = [row async for row in async_client.graphql.customers(first=500)]
    cases = [row async for row in async_client.graphql.cases(filter={"customerId": {"eq": customer.id}})]
    proposals = [row async for row in async_client.graphql.proposals()]

    assert len(customers) == GENERATED_POLICIES // 2 + 1
    assert [case.customer_id for case in cases] == [customer.id]
    assert proposals == []


def test_a_bad_page_size_or_order_is_refused_before_any_request(
    sandbox: Sandbox, client: insurup.Client
) -> None:
    with pytest.raises(insurup.ValidationError) as too_big:
        next(client.graphql.policies(first=501))
    with pytest.raises(insurup.ValidationError) as bad_direction:
        client.graphql.policies(order={"grossPremium": "UP"})

    assert too_big.value.field == "first"
    assert bad_direction.value.field == "order.direction"
    assert sandbox.requests(GRAPHQL) == 0


def test_a_list_resumes_from_its_cursor_without_skipping_a_row(client: insurup.Client) -> None:
    rows = client.graphql.policies(first=400, order={"grossPremium": "DESC"})
    first_part = [row.id for _, row in zip(range(1000), rows)]
    cursor = rows.resume_cursor
    assert cursor is not None

    rest = [row.id for row in client.graphql.policies(first=400, after=cursor, order={"grossPremium": "DESC"})]

    seen = first_part + [row for row in rest if row not in first_part]
    assert len(seen) == GENERATED_POLICIES, "nothing skipped"
    assert rest[: 1000 - 800] == first_part[800:], "the page being read comes again"


def test_iterator_classes_can_be_used_in_annotations() -> None:
    annotation = insurup.RowIterator[insurup.PolicyRow]

    assert typing.get_origin(annotation) is insurup.RowIterator
