"""The stubs cannot go stale: every attribute of a real object has the type `_insurup.pyi`
declares for it.

`mypy.stubtest` (in scripts/test-python.sh) checks names and signatures; it cannot see what a
getter returns. Here every object a sandbox flow hands out, nested models included, is held
against its stub: a value of another type, or an attribute the stub lacks, fails and names it.
Exceptions are held against the annotations of `insurup._errors`.
"""

from __future__ import annotations

import ast
import builtins
import importlib
import json
import types
import typing
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest

import insurup
import insurup._insurup as native
import insurup._lists as lists
from support import (
    MFA_CODE,
    MFA_EMAIL,
    PLATE,
    TCKN,
    Sandbox,
    card,
    cheapest,
    first_uavt_number,
)

STUB = Path(insurup.__file__).with_name("_insurup.pyi")

# Stub classes no flow can hand out, each with the reason.
NOT_HANDED_OUT = {
    "ErrorReport": "only `insurup._errors` sees it; the exceptions built from it are checked",
    "WebhookDelivery": "the sandbox's deliveries are read in the webhook tests, not here",
    "CasePriority": "the sandbox sets no priority on a case",
    "CasePriorityRule": "the sandbox sets no priority on a case",
    "Completions": "internal to `insurup._async`; test_asyncio_bridge reads its `wake`",
}
# The sandbox refuses the filter variable the core declares for the newer GraphQL lists
# (policiesExpanded, agentUsers, policyTransfers, webhookDeliveries), so no flow reads them yet.
NOT_HANDED_OUT.update(
    dict.fromkeys(
        [
            "AgentUserBranch", "AgentUserPage", "AgentUserRole", "AgentUserRow",
            "ExpandedPolicyPage", "ExpandedPolicyRow", "PolicyTransferPage",
            "PolicyTransferRow", "WebhookDeliveryPage", "WebhookDeliveryRow",
        ],
        "the sandbox refuses the newer lists' filter variable",
    )
)


def stub_annotations() -> Dict[str, Dict[str, object]]:
    """Each stub class's properties and annotated attributes, as evaluated type hints."""
    namespace: Dict[str, Any] = dict(vars(typing))
    namespace.update(vars(lists))
    namespace.update({name: getattr(native, name) for name in dir(native)})
    classes: Dict[str, Dict[str, object]] = {}
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Import):
            namespace.update({a.asname or a.name: importlib.import_module(a.name) for a in node.names})
        if not isinstance(node, ast.ClassDef):
            continue
        hints: Dict[str, object] = {}
        for item in node.body:
            if isinstance(item, ast.FunctionDef) and item.returns is not None and any(
                isinstance(d, ast.Name) and d.id == "property" for d in item.decorator_list
            ):
                hints[item.name] = eval(ast.unparse(item.returns), namespace)
            elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                hints[item.target.id] = eval(ast.unparse(item.annotation), namespace)
        classes[node.name] = hints
    return classes


def runtime_attributes(value: object) -> Iterator[str]:
    """The public data attributes of an object: getters of native classes, properties and
    instance attributes."""
    descriptors = (types.GetSetDescriptorType, types.MemberDescriptorType, property)
    for cls in type(value).__mro__:
        if cls.__module__ == "builtins":  # `object`, `Exception`: not the package's to type
            continue
        for name, attribute in vars(cls).items():
            if isinstance(attribute, descriptors) and not name.startswith("_"):
                yield name
    yield from (name for name in getattr(value, "__dict__", {}) if not name.startswith("_"))


class TypeCheck:
    def __init__(self) -> None:
        self.stubs = stub_annotations()
        self.checked: Set[str] = set()
        self.failures: List[str] = []

    def check(self, value: object, where: str) -> None:
        cls = type(value)
        if isinstance(value, insurup.InsurUpError):
            hints = typing.get_type_hints(insurup.InsurUpError)
            self.checked.add("InsurUpError")
        elif cls.__name__ in self.stubs:
            hints = self.stubs[cls.__name__]
            self.checked.add(cls.__name__)
        else:
            self.failures.append(f"{where}: the stub has no class {cls.__name__}")
            return
        for name in sorted(set(runtime_attributes(value))):
            if name not in hints:
                self.failures.append(f"{where}.{name}: the stub of {cls.__name__} lacks it")
            else:
                self.value(getattr(value, name), hints[name], f"{where}.{name}")

    def value(self, value: object, hint: object, where: str) -> None:
        if hint is typing.Any:
            return
        if hint is None or hint is type(None):
            self.expect(value is None, value, hint, where)
            return
        origin, arguments = typing.get_origin(hint), typing.get_args(hint)
        if origin in (typing.Union, types.UnionType):
            matching = [option for option in arguments if self.conforms(value, option)]
            self.expect(bool(matching), value, hint, where)
            for option in matching[:1]:
                self.value(value, option, where)
            return
        if origin in (list, tuple, dict):
            if not self.expect(isinstance(value, origin), value, hint, where):
                return
            if origin is dict:
                assert isinstance(value, dict)
                for key, item in value.items():
                    self.value(key, arguments[0], f"{where}[{key!r}]")
                    self.value(item, arguments[1], f"{where}[{key!r}]")
                return
            assert isinstance(value, (list, tuple))
            for index, item in enumerate(value):
                self.value(item, arguments[0], f"{where}[{index}]")
            return
        if hint is int:
            self.expect(isinstance(value, int) and not isinstance(value, bool), value, hint, where)
        elif hint in (float, bool, str, bytes):
            assert isinstance(hint, type)
            self.expect(type(value) is hint, value, hint, where)
        elif isinstance(hint, type) and self.expect(isinstance(value, hint), value, hint, where):
            if type(value).__module__.startswith("insurup"):
                self.check(value, where)

    def conforms(self, value: object, hint: object) -> bool:
        probe = TypeCheck.__new__(TypeCheck)
        probe.stubs, probe.checked, probe.failures = self.stubs, set(), []
        probe.value(value, hint, "")
        return not probe.failures

    def expect(self, ok: bool, value: object, hint: object, where: str) -> bool:
        if not ok:
            self.failures.append(f"{where}: {value!r} ({type(value).__name__}) is not {hint}")
        return ok


def handed_out(sandbox: Sandbox, client: insurup.Client) -> Iterator[Tuple[str, object]]:
    """One of everything the package hands out, from a sandbox flow."""
    oauth = sandbox.settings(
        email=None, password=None, client_id="sandbox-app",
        redirect_uri="http://127.0.0.1:53682/callback",
    )
    with insurup.Client(**oauth) as signing_in:
        yield "sign-in request", signing_in.start_sign_in()
    branch = client.reference.agent_branches()[0]
    person = client.customers.create_individual(
        identity_number=TCKN, birth_date="1990-01-01", email="a@example.com",
        phone_number="5321234567", gender="MALE", agent_branch_id=branch.id,
    )
    yield "individual", person
    yield "company", client.customers.ensure(identity_number="6130782524", title="ACME A.Ş.")
    yield "foreign", client.customers.create_foreign(
        identity_number="99123456780", birth_date="1985-05-05", full_name="JOHN DOE"
    )
    yield "customer lookup", client.customers.lookup_individual(TCKN, birth_date="1990-01-01")
    vehicle = client.vehicles.ensure(
        person.id, plate=PLATE, document_serial_code="AB", document_serial_number="123456"
    )
    yield "vehicle", vehicle
    yield "vehicle lookup", client.vehicles.lookup(person.id, plate=PLATE)
    yield "property", client.properties.create(
        person.id, property_number=1234567890, square_meter=120, construction_year=2005,
        floor=3,
    )
    case = client.cases.ensure_sale_opportunity(customer_id=person.id, product_branch="KASKO")
    yield "case", case
    groups = client.reference.coverage_groups()
    created = client.proposals.create_kasko(
        customer_id=person.id, vehicle_id=vehicle.id, coverage_group_ids=[groups[0].id]
    )
    yield "updates", list(client.proposals.watch(created.id, timeout=60))
    proposal = client.proposals.get(created.id)
    yield "proposal", proposal
    product = cheapest(proposal)
    yield "premium detail", client.proposals.premium_detail(proposal.id, product.id)
    yield "proposal document", client.proposals.document(proposal.id, product.id)
    other = next(p for p in proposal.products if p.id != product.id and p.is_purchasable())
    yield "3-D Secure redirect", client.purchase.start_3d_secure(
        proposal.id, other.id, card=card(), callback_url="https://crm.example.com/back"
    )
    with pytest.raises(insurup.UnprocessableError) as declined:
        client.purchase.credit_card(proposal.id, product.id, card=card("4000000000000002"))
    yield "declined purchase", declined.value
    bought = client.purchase.credit_card(proposal.id, product.id, card=card())
    yield "purchase", bought
    yield "policy", client.policies.get(bought.policy_id)
    yield from breadth(client, person, case, bought.policy_id)
    brands = client.reference.vehicle_brands()
    yield "brands", brands
    yield "models", client.reference.vehicle_models(brand_reference=brands[0].value, year=2021)
    yield "coverage groups", groups
    yield "insurers", client.reference.insurance_companies()
    yield "me", client.reference.me()
    yield "branches", client.reference.agent_branches()
    yield "webhook", client.webhooks.create(
        url="https://crm.example.com/hooks", events=["policy.created"], secret="whsec-0123456789abcdef"
    )
    graphql = client.graphql
    yield "rows", [next(graphql.customers(first=2)), next(graphql.proposals(first=2)),
                   next(graphql.policies(first=2)), next(graphql.cases(first=2))]
    yield "pages", [next(graphql.customer_pages(first=2)), next(graphql.proposal_pages(first=2)),
                    next(graphql.policy_pages(first=2)), next(graphql.case_pages(first=2))]
    yield "branch row", next(iter(client.graphql.customers(filter={"id": {"eq": person.id}})))
    policies = client.graphql.policies(first=1)
    next(policies)
    yield "list cursor", policies._cursor
    yield "client", client
    yield "async client", sandbox.async_client()
    yield "document serial", insurup.DocumentSerial.parse("ab 123456")
    yield "card", card()
    body = b'{"$event": "policy.created", "policyId": "p-1"}'
    yield "webhook event", insurup.webhook.parse(body)
    yield "deduplicator", insurup.webhook.DeliveryDeduplicator(8)
    # Nothing connects to Redis until a client makes a call.
    fleet = insurup.RedisFleet("redis://app:secret@127.0.0.1:6379/0", "ops@acente.com.tr")
    yield "redis fleet", fleet
    yield "redis token store", insurup.RedisTokenStore.in_fleet(fleet)
    yield from errors(sandbox, client)
    yield from sign_in_artefacts(sandbox)


def breadth(
    client: insurup.Client, person: insurup.Customer, sale: insurup.Case, policy_id: str
) -> Iterator[Tuple[str, object]]:
    """The CRM's everyday calls: contact book, consents, addresses, branches, case work, policy
    administration and the newer lists."""
    customers = client.customers
    customers.add_email(person.id, "b@example.com")
    yield "e-mails", customers.emails(person.id)
    yield "phone numbers", customers.phone_numbers(person.id)
    customers.give_consent(person.id, "KVKK", "SMS")
    yield "consents", customers.consents(person.id)
    flat = first_uavt_number(client)
    yield "customer address", customers.add_address(person.id, flat, "HOME")
    yield "property address", client.addresses.of_property_number(flat)
    customers.add_contact(person.id)
    yield "contacts", customers.contacts(person.id)
    yield "branch tree", client.agent_branches.tree()
    brand = client.reference.vehicle_brands()[0]
    model = client.reference.vehicle_models(brand_reference=brand.value, year=2021)[0]
    yield "vehicle model", client.vehicles.model_by_brand_code(model.value)
    yield "DASK lookup", client.properties.lookup_dask_policy(123456789)
    cases = client.cases
    cancel = cases.create_cancel(policy_id=policy_id, sub_type="ONLINE_CANCELLATION_REFUND")
    cases.add_note(cancel.id, "customer sold the car")
    yield "cancel case", cases.get(cancel.id)
    yield "case activities", cases.activities(cancel.id)
    yield "case proposals", cases.proposals(sale.id)
    yield "case policies", cases.policies(sale.id)
    transfer = client.policies.create_transfer("2026-01-01", "2026-01-31")
    client.policies.trigger_transfer(transfer.id)
    transfer = client.policies.transfer(transfer.id)
    yield "policy transfer", transfer
    yield "transfer run", client.policies.transfer_run(transfer.id, transfer.triggers[-1].id)


def errors(sandbox: Sandbox, client: insurup.Client) -> Iterator[Tuple[str, object]]:
    with pytest.raises(insurup.ValidationError) as local:
        client.customers.create_individual(identity_number="12345678901")
    yield "validation error", local.value
    with pytest.raises(insurup.BadRequestError) as graphql:
        client.graphql.execute(
            "{ ok: policiesNew(first: 1) { totalCount } "
            "tooMany: policiesNew(first: 100000) { totalCount } }"
        )
    yield "GraphQL error", graphql.value
    with pytest.raises(insurup.UnprocessableError) as refused:
        client.reference.vehicle_models(brand_reference="no-such-brand", year=2021)
    yield "refused field", refused.value
    for field_error in refused.value.validation_errors:
        yield "field error", field_error
    yield "field error", insurup.FieldError("card.number", "declined", "[REDACTED]")


def sign_in_artefacts(sandbox: Sandbox) -> Iterator[Tuple[str, object]]:
    challenges: List[insurup.TwoFactorChallenge] = []
    saved: List[insurup.TokenSet] = []

    class Store:
        def load(self) -> None:
            return None

        def save(self, tokens: insurup.TokenSet) -> None:
            saved.append(tokens)

        def clear(self) -> None:
            pass

    def code(challenge: insurup.TwoFactorChallenge) -> str:
        challenges.append(challenge)
        return MFA_CODE

    with sandbox.client(email=MFA_EMAIL, two_factor=code, token_store=Store()) as client:
        client.sign_in()
    yield "2FA challenge", challenges[0]
    yield "token set", saved[0]
    yield "token set from JSON", insurup.TokenSet.from_json(saved[0].to_json())
    yield "file token store", insurup.FileTokenStore("/tmp/insurup-tokens.json")


def test_every_attribute_of_what_the_package_hands_out_has_its_stub_type(
    sandbox: Sandbox, client: insurup.Client
) -> None:
    check = TypeCheck()

    for where, value in handed_out(sandbox, client):
        if isinstance(value, list):
            for index, item in enumerate(value):
                check.check(item, f"{where}[{index}]")
        else:
            check.check(value, where)

    assert check.failures == [], "\n".join(check.failures)
    with_attributes = {name for name, hints in check.stubs.items() if hints}
    unchecked = with_attributes - check.checked - set(NOT_HANDED_OUT)
    assert unchecked == set(), f"no flow checked {sorted(unchecked)}: hand one out above"


def test_the_type_check_catches_a_wrong_type_and_an_undeclared_attribute() -> None:
    check = TypeCheck()
    serial = insurup.DocumentSerial.parse("AB123456")
    check.stubs["DocumentSerial"] = {"code": int}

    check.check(serial, "serial")

    assert check.failures == [
        "serial.code: 'AB' (str) is not <class 'int'>",
        "serial.number: the stub of DocumentSerial lacks it",
    ]


def test_the_stub_json_shapes_of_error_fields_are_what_python_gets() -> None:
    error = insurup.BadRequestError("x", graphql_errors=[{"message": "m"}], partial_data={"a": 1})

    assert error.graphql_errors == ({"message": "m"},)
    assert json.dumps(error.partial_data) == '{"a": 1}'
