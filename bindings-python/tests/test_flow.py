"""The B2B quote-and-buy flow, sync and asyncio, as a CRM integration writes it."""

from __future__ import annotations

import json

import pytest

import insurup
from support import AGENT_ID, PLATE, TCKN, Sandbox, card, cheapest, quoted_proposal


@pytest.mark.parametrize("dialect", ["vendor-sdk", "guide"])
def test_a_crm_quotes_and_buys_a_kasko_policy_with_the_sync_client(
    dialect: str, sandbox: Sandbox, guide_sandbox: Sandbox
) -> None:
    """The same calls against two documented dialects of the API: the SDK finds out which."""
    served = guide_sandbox if dialect == "guide" else sandbox
    served.reset()
    with served.client() as client:
        check_the_whole_flow(client)
        policies = list(client.graphql.policies(first=5))
        assert policies, "the bought policy is listed"


def check_the_whole_flow(client: insurup.Client) -> None:
    customer = client.customers.create_individual(identity_number=TCKN, birth_date="1990-01-01")
    vehicle = client.vehicles.create(
        customer.id, plate=PLATE, document_serial_code="AB", document_serial_number="123456"
    )
    case = client.cases.ensure_sale_opportunity(customer_id=customer.id, product_branch="KASKO")
    created = client.proposals.create_kasko(customer_id=customer.id, vehicle_id=vehicle.id)
    proposal = client.proposals.wait(created.id, timeout=60)
    best = cheapest(proposal)

    bought = client.purchase.credit_card(proposal.id, best.id, card=card())
    policy = client.policies.get(bought.policy_id)
    assert policy.installment_number == 1, "installments left out: one payment (cash)"

    assert customer.identity_number == TCKN and customer.customer_type == "INDIVIDUAL"
    assert vehicle.plate is not None and (vehicle.plate.city, vehicle.plate.code) == (34, "ABC123")
    assert vehicle.brand is not None, "brand and model come from the registry lookup"
    assert case.status == "OPEN" and case.customer_id == customer.id
    assert proposal.is_complete() and best.is_purchasable()
    assert bought.status == "PURCHASED" and not bought.confirmed_by_read_back
    # The vendor client's dialect answers a purchase with the policy id alone.
    assert policy.id == bought.policy_id and policy.policy_number
    assert bought.policy_number in (None, policy.policy_number)
    assert policy.proposal_product_id == best.id
    won = client.cases.get(case.id)
    assert won.status == "SUCCESS" and bought.policy_id in won.policy_ids


async def test_the_async_client_runs_the_same_flow_with_the_same_names(
    async_client: insurup.AsyncClient,
) -> None:
    c = async_client
    customer = await c.customers.create_individual(identity_number=TCKN, birth_date="1990-01-01")
    vehicle = await c.vehicles.create(
        customer.id, plate=PLATE, document_serial_code="AB", document_serial_number="123456"
    )
    created = await c.proposals.create_kasko(customer_id=customer.id, vehicle_id=vehicle.id)
    proposal = await c.proposals.wait(created.id, timeout=60)
    best = cheapest(proposal)
    bought = await c.purchase.credit_card(proposal.id, best.id, card=card(), installments=1)
    policy = await c.policies.get(bought.policy_id)

    assert policy.id == bought.policy_id and policy.state == "ACTIVE"
    assert isinstance(customer, insurup.Customer) and isinstance(policy, insurup.Policy)


async def test_an_async_client_serves_many_calls_at_once(async_client: insurup.AsyncClient) -> None:
    import asyncio

    users = await asyncio.gather(*(async_client.reference.me() for _ in range(20)))

    assert {user.agent_id for user in users} == {AGENT_ID}


def test_watching_a_proposal_yields_the_insurers_as_they_answer(client: insurup.Client) -> None:
    customer = client.customers.ensure_individual(identity_number=TCKN)
    vehicle = client.vehicles.create(customer.id, plate=PLATE)
    proposal = client.proposals.create_kasko(customer_id=customer.id, vehicle_id=vehicle.id)

    updates = list(client.proposals.watch(proposal.id, timeout=60))

    assert updates and updates[-1].finished
    assert not any(update.finished for update in updates[:-1])
    answered = [product.id for update in updates for product in update.resolved]
    assert sorted(answered) == sorted(product.id for product in updates[-1].proposal.products)


async def test_an_async_watch_is_an_async_iterator(async_client: insurup.AsyncClient) -> None:
    customer = await async_client.customers.ensure_individual(identity_number=TCKN)
    vehicle = await async_client.vehicles.create(customer.id, plate=PLATE)
    proposal = await async_client.proposals.create_kasko(customer_id=customer.id, vehicle_id=vehicle.id)

    updates = [update async for update in async_client.proposals.watch(proposal.id, timeout=60)]

    assert updates[-1].finished and updates[-1].proposal.is_complete()


def test_results_are_frozen_objects_with_a_readable_repr_and_a_json_ready_dict(
    client: insurup.Client,
) -> None:
    proposal = quoted_proposal(client)
    product = cheapest(proposal)

    as_dict = proposal.to_dict()
    assert as_dict["id"] == proposal.id
    assert as_dict["products"][0]["premiums"][0]["installment_number"] >= 1
    assert json.loads(json.dumps(as_dict)) == as_dict
    assert repr(product).startswith(f"Product(id='{product.id}'")
    assert "None" not in repr(product), "fields that are None are left out of the repr"
    with pytest.raises(AttributeError):
        product.id = "another"  # type: ignore[misc]
    assert client.proposals.get(proposal.id) == proposal
    other = next(p for p in proposal.products if p.id != product.id)
    assert product != other and product != product.id
    assert proposal.product(product.id) == product
    assert product.premium(1) is not None and product.premium(99) is None


def test_reference_data_and_lookups(client: insurup.Client) -> None:
    brands = client.reference.vehicle_brands()
    models = client.reference.vehicle_models(brand_reference=brands[0].value, year=2021)
    insurers = client.reference.insurance_companies()
    branches = client.reference.agent_branches()
    groups = client.reference.coverage_groups()
    person = client.customers.lookup_individual(TCKN, birth_date="1990-01-01")

    assert brands and models and branches
    assert any(insurer.name == "Anadolu Sigorta" for insurer in insurers)
    assert client.reference.coverage_group(groups[0].id) == groups[0]
    assert person.full_name


def test_customers_are_read_updated_and_deleted(client: insurup.Client) -> None:
    customer = client.customers.create_individual(identity_number=TCKN, email="a@example.com")
    client.customers.update_individual(
        customer.id, identity_number=TCKN, email="b@example.com", phone_number="5321234567"
    )
    updated = client.customers.get(customer.id)
    again = client.customers.ensure_individual(identity_number=TCKN)
    client.customers.delete(customer.id)

    assert updated.primary_email == "b@example.com"
    assert updated.primary_phone_number is not None
    assert updated.primary_phone_number.number == "5321234567"
    assert again.id == customer.id, "ensure returns the existing customer"
    with pytest.raises(insurup.NotFoundError):
        client.customers.get(customer.id)


def test_a_client_is_configured_from_the_environment(
    sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in sandbox.environment().items():
        if name.startswith("INSURUP_"):
            monkeypatch.setenv(name, value)

    with insurup.Client.from_env(timeout=10) as client:
        assert client.reference.me().agent_id == AGENT_ID
        assert client.agent_id == AGENT_ID
        assert client.base_url.startswith(sandbox.base_url)


def test_a_closed_client_refuses_new_calls(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        client.reference.me()

    assert repr(client) == "Client(closed)"
    with pytest.raises(RuntimeError, match="closed"):
        client.reference.me()


async def test_an_async_call_is_a_coroutine_that_sends_nothing_until_awaited(
    sandbox: Sandbox, async_client: insurup.AsyncClient
) -> None:
    import asyncio
    import inspect

    not_awaited = async_client.reference.me()
    await async_client.reference.insurance_companies()
    assert inspect.iscoroutine(not_awaited)
    assert sandbox.requests("GET /api/agent-users/me") == 0
    not_awaited.close()

    task = asyncio.create_task(async_client.reference.me())
    assert (await task).agent_id == AGENT_ID


def test_the_identity_number_decides_the_kind_of_customer(client: insurup.Client) -> None:
    person = client.customers.ensure(identity_number=TCKN, birth_date="1990-01-01")
    company = client.customers.create(identity_number="6130782524", title="ACME A.Ş.")
    foreigner = client.customers.ensure(identity_number="99123456780", birth_date="1985-05-05")
    again = client.customers.ensure(identity_number="6130782524", title="ACME A.Ş.")

    kinds = [c.customer_type for c in (person, company, foreigner)]
    assert kinds == ["INDIVIDUAL", "COMPANY", "FOREIGN"]
    assert again.id == company.id and company.title == "ACME A.Ş."
    with pytest.raises(insurup.ValidationError) as untitled:
        client.customers.create(identity_number="6130782524")
    assert untitled.value.field == "title"


def test_foreign_customers_are_ensured_and_updated(client: insurup.Client) -> None:
    created = client.customers.ensure_foreign(
        identity_number="99123456780", birth_date="1985-05-05", full_name="JOHN DOE"
    )
    client.customers.update_foreign(
        created.id, identity_number="99123456780", birth_date="1985-05-05", email="j@example.com"
    )
    again = client.customers.ensure_foreign(identity_number="99123456780", birth_date="1985-05-05")

    assert again.id == created.id
    assert client.customers.get(created.id).primary_email == "j@example.com"


def test_ensuring_a_vehicle_by_plate_never_adds_it_twice(client: insurup.Client) -> None:
    customer = client.customers.ensure_individual(identity_number=TCKN)
    serial = insurup.DocumentSerial.parse("ab-123456")

    first = client.vehicles.ensure(
        customer.id, plate=PLATE, document_serial_code=serial.code,
        document_serial_number=serial.number,
    )
    second = client.vehicles.ensure(customer.id, plate=PLATE)

    assert second.id == first.id
    assert [v.id for v in client.vehicles.list(customer.id)] == [first.id]
    assert (serial.code, serial.number) == ("AB", "123456")
    with pytest.raises(insurup.ValidationError):
        insurup.DocumentSerial.parse("123456")


def test_waiting_takes_the_cores_poll_settings(client: insurup.Client) -> None:
    customer = client.customers.ensure_individual(identity_number=TCKN)
    vehicle = client.vehicles.ensure(customer.id, plate=PLATE)
    created = client.proposals.create_kasko(customer_id=customer.id, vehicle_id=vehicle.id)

    proposal = client.proposals.wait(
        created.id, timeout=60, poll_interval=0.05, max_poll_interval=0.2
    )

    assert proposal.is_complete()
    with pytest.raises(insurup.ValidationError) as negative:
        client.proposals.wait(created.id, poll_interval=-1)
    assert negative.value.field == "poll_interval"


def test_an_open_account_purchase_carries_metadata(client: insurup.Client) -> None:
    proposal = quoted_proposal(client)
    product = next(
        p for p in proposal.products
        if p.is_purchasable() and "SYNC_OPEN_ACCOUNT" in p.supported_payment_options
    )

    bought = client.purchase.open_account(
        proposal.id, product.id, metadata={"campaign": "spring", "tags": ["renewal"]}
    )

    assert bought.status == "PURCHASED"
    with pytest.raises(TypeError):
        client.purchase.open_account(proposal.id, product.id, metadata=["not", "a", "dict"])  # type: ignore[arg-type]


def test_the_client_names_its_dialect_and_its_user_agent(sandbox: Sandbox) -> None:
    import platform

    with sandbox.client(dialect="vendor-sdk") as fixed, sandbox.client() as learned:
        learned.reference.me()
        python = "python/" + platform.python_version()
        assert fixed.dialect == "vendor-sdk" and learned.dialect == "vendor-sdk"
        assert fixed.user_agent.startswith(f"insurup-python/{insurup.__version__} {python} ")
    with pytest.raises(insurup.ValidationError) as unknown:
        sandbox.client(dialect="lenient")
    assert unknown.value.field == "dialect"
