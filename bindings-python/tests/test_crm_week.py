"""A CRM's first week, end to end against the sandbox of each documented dialect: onboard a
customer with consent, quote and buy kasko and DASK, endorse then cancel the kasko policy, and
receive every webhook this produces, each verified over its raw bytes."""

from __future__ import annotations

import queue
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Dict, Iterator, List, Tuple

import pytest

import insurup
from insurup import webhook
from support import PLATE, TCKN, Sandbox, card, cheapest, first_uavt_number

SECRET = "whsec-crm-week-0123456789"
DECLINED_CARD = "4000000000000002"

# Every event a partner can subscribe to.
EVENTS = [
    "proposal_premium.received",
    "proposal_premium.purchasing",
    "proposal_premium.purchased",
    "proposal_premium.purchase_failed",
    "policy.created",
    "policy.updated",
    "customer.created",
    "customer.updated",
    "customer.kvkk_consent_given",
    "customer.kvkk_consent_revoked",
    "customer.etk_consent_given",
    "customer.etk_consent_revoked",
    "vehicle.created",
    "vehicle.updated",
    "property.created",
    "property.updated",
    "case.created",
    "case.state_changed",
]

Delivery = Tuple[Dict[str, str], bytes]


@pytest.fixture
def receiver() -> Iterator[Tuple[str, "queue.Queue[Delivery]"]]:
    """An HTTP server on loopback that keeps every delivery's headers and raw body."""
    deliveries: "queue.Queue[Delivery]" = queue.Queue()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            deliveries.put(({k.lower(): v for k, v in self.headers.items()}, body))
            self.send_response(204)
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/hooks", deliveries
    finally:
        server.shutdown()
        server.server_close()


def received(deliveries: "queue.Queue[Delivery]", quiet: float = 3.0) -> List[webhook.Event]:
    """Every delivery until none has come for `quiet` seconds, each verified and seen once."""
    seen = webhook.DeliveryDeduplicator()
    events: List[webhook.Event] = []
    while True:
        try:
            headers, body = deliveries.get(timeout=quiet)
        except queue.Empty:
            return events
        event = webhook.verify_and_parse(SECRET, body, headers.get(webhook.SIGNATURE_HEADER))
        assert headers[webhook.EVENT_HEADER] == event.event_type
        assert not event.is_unknown, f"{event.event_type} is not one of the SDK's typed events"
        if seen.first_time(headers[webhook.DELIVERY_HEADER]):
            events.append(event)


@pytest.mark.parametrize("told", [False, True], ids=["found-out", "told"])
def test_a_crm_week_onboards_sells_endorses_and_cancels_and_hears_of_each_step(
    served: Sandbox, told: bool, receiver: Tuple[str, "queue.Queue[Delivery]"]
) -> None:
    """The same week against a sandbox of each documented dialect (the test id names it), by a
    client that finds the dialect out and by one told it (every request spelt right at once)."""
    overrides = {"dialect": served.dialect} if told else {}
    with served.client(**overrides) as client:
        a_crm_week(served, client, receiver)
        assert client.dialect == served.dialect


def a_crm_week(
    sandbox: Sandbox, client: insurup.Client, receiver: Tuple[str, "queue.Queue[Delivery]"]
) -> None:
    url, deliveries = receiver
    client.webhooks.create(url=url, events=EVENTS, secret=SECRET)

    # Monday: a new customer, who gives KVKK consent by SMS and ETK consent on the web.
    customer = client.customers.create_individual(
        identity_number=TCKN, birth_date="1990-01-01", email="ayse@example.com",
        phone_number="5321234567",
    )
    client.customers.give_consent(customer.id, "KVKK", "SMS")
    client.customers.give_consent(customer.id, "ETK", "WEB")
    consents = client.customers.consents(customer.id)
    assert {c.consent_type for c in consents.consents if c.is_active} == {"KVKK", "ETK"}
    client.customers.add_email(customer.id, "ayse.work@example.com")
    assert {e.email for e in client.customers.emails(customer.id)} >= {"ayse.work@example.com"}

    # Tuesday: kasko for her car; the first card is declined, the second one buys it.
    vehicle = client.vehicles.ensure(
        customer.id, plate=PLATE, document_serial_code="AB", document_serial_number="123456"
    )
    sale = client.cases.ensure_sale_opportunity(customer_id=customer.id, product_branch="KASKO")
    client.cases.add_note(sale.id, "wants kasko before the weekend")
    kasko = client.proposals.create_kasko(customer_id=customer.id, vehicle_id=vehicle.id)
    kasko = client.proposals.wait(kasko.id, timeout=60)
    product = cheapest(kasko)
    with pytest.raises(insurup.UnprocessableError):
        client.purchase.credit_card(kasko.id, product.id, card=card(DECLINED_CARD))
    kasko_policy = client.purchase.credit_card(kasko.id, product.id, card=card()).policy_id

    # Wednesday: DASK for her flat, found through the address register.
    flat = first_uavt_number(client)
    home = client.properties.create(
        customer.id, property_number=flat, square_meter=110, construction_year=2004, floor=2
    )
    assert home.address is not None and home.address.apartment is not None
    dask = client.proposals.create_dask(customer_id=customer.id, property_id=home.id)
    dask = client.proposals.wait(dask.id, timeout=60)
    dask_policy = client.purchase.credit_card(dask.id, cheapest(dask).id, card=card()).policy_id

    # Thursday the insurer endorses the kasko policy; on Friday the customer cancels it.
    before = client.policies.get(kasko_policy)
    endorsed = sandbox.control("POST", f"/__sandbox/policies/{kasko_policy}/endorse")
    cancelled = sandbox.control("POST", f"/__sandbox/policies/{kasko_policy}/cancel")
    assert endorsed["endorsementNumber"] < cancelled["endorsementNumber"]
    after = client.policies.get(kasko_policy)
    assert after.state != before.state

    events = received(deliveries)
    kinds = [event.event_type for event in events]
    for expected in [
        "customer.created",
        "customer.kvkk_consent_given",
        "customer.etk_consent_given",
        "vehicle.created",
        "property.created",
        "proposal_premium.purchased",
        "policy.created",
        "policy.updated",
        "case.created",
        "case.state_changed",
    ]:
        assert expected in kinds, f"no {expected} among {sorted(set(kinds))}"
    created = {e.payload.get("policyId") for e in events if e.event_type == "policy.created"}
    assert {kasko_policy, dask_policy} <= created
    updates = [e for e in events if e.event_type == "policy.updated"]
    assert [e.payload.get("policyId") for e in updates].count(kasko_policy) == 2
    assert set(kinds) <= set(EVENTS)
