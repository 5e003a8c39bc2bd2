"""Receiving webhooks: deliveries from the sandbox are verified over their raw bytes and decoded;
anything tampered with is refused."""

from __future__ import annotations

import queue
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Dict, Iterator, Tuple

import pytest

import insurup
from insurup import webhook
from support import card, cheapest, quoted_proposal

SECRET = "whsec-python-tests-0123456789"

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


def test_a_purchase_delivers_signed_events_that_verify_and_decode(
    client: insurup.Client, receiver: Tuple[str, "queue.Queue[Delivery]"]
) -> None:
    url, deliveries = receiver
    client.webhooks.create(
        url=url, events=["proposal_premium.purchased", "policy.created"], secret=SECRET
    )
    proposal = quoted_proposal(client)
    bought = client.purchase.credit_card(proposal.id, cheapest(proposal).id, card=card())

    seen = webhook.DeliveryDeduplicator()
    events: Dict[str, webhook.Event] = {}
    while len(events) < 2:
        headers, body = deliveries.get(timeout=30)
        event = webhook.verify_and_parse(SECRET, body, headers.get(webhook.SIGNATURE_HEADER))
        assert headers[webhook.EVENT_HEADER] == event.event_type
        assert seen.first_time(headers[webhook.DELIVERY_HEADER])
        events[event.event_type] = event

    assert set(events) == {"proposal_premium.purchased", "policy.created"}
    assert events["policy.created"].payload["policyId"] == bought.policy_id
    assert not events["policy.created"].is_unknown


def test_a_tampered_body_or_a_wrong_secret_is_refused_naming_the_header() -> None:
    body = b'{"$event":"policy.created","policyId":"p-1"}'
    signature = webhook.sign(SECRET, body)

    for forged_body, secret, header in [
        (body.replace(b"p-1", b"p-2"), SECRET, signature),
        (body, "another-secret", signature),
        (body, SECRET, None),
        (body, SECRET, "not-hex"),
    ]:
        with pytest.raises(insurup.ValidationError) as refused:
            webhook.verify(secret, forged_body, header)
        assert refused.value.field == webhook.SIGNATURE_HEADER


def test_unknown_events_are_kept_and_non_events_are_decode_errors() -> None:
    event = webhook.parse('{"$event": "quote.invented", "answer": 42}')
    assert event.is_unknown
    assert event.event_type == "quote.invented"
    assert event.payload == {"$event": "quote.invented", "answer": 42}

    with pytest.raises(insurup.DecodeError):
        webhook.parse(b"[1, 2, 3]")


def test_a_delivery_whose_handling_failed_is_handled_again_once_forgotten() -> None:
    seen = webhook.DeliveryDeduplicator(capacity=2)
    assert seen.first_time("d-1")
    assert not seen.first_time("d-1")
    assert seen.forget("d-1")
    assert seen.first_time("d-1")
    assert seen.capacity == 2


def test_a_signed_body_replayed_under_a_new_delivery_id_is_a_repeat() -> None:
    seen = webhook.DeliveryDeduplicator(capacity=2)
    body = b'{"$event":"policy.created","policyId":"p1"}'
    assert seen.first_time("d-1", body)
    for n in range(10):
        assert not seen.first_time(f"forged-{n}", body)
    assert len(seen) == 1, "replays are not remembered, so they evict nothing"
