"""A webhook receiver: registers itself, buys a policy, and handles the deliveries that follow,
verifying each signature over the raw body and ignoring repeats.

    .venv/bin/python examples/python/webhook_receiver.py

It exits 0 once it has verified both `proposal_premium.purchased` and `policy.created`.
"""

from __future__ import annotations

import queue
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import insurup
from connect import connect
from insurup import webhook

SECRET = "whsec-example-0123456789"  # keep yours in a secret manager
WANTED = {"proposal_premium.purchased", "policy.created"}
seen = webhook.DeliveryDeduplicator()
handled: "queue.Queue[webhook.Event]" = queue.Queue()


class Receiver(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", "0")))  # raw bytes, as sent
        try:
            event = webhook.verify_and_parse(SECRET, body, self.headers.get(webhook.SIGNATURE_HEADER))
        except insurup.InsurUpError as refused:  # forged, tampered with, or not an event
            print(f"refused a delivery: {refused}")
            self.send_response(401)
            self.end_headers()
            return
        if seen.first_time(self.headers.get(webhook.DELIVERY_HEADER, ""), body):
            handled.put(event)
        self.send_response(204)  # answer fast; do slow work elsewhere
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with connect() as client:
        hook = client.webhooks.create(
            url=f"http://127.0.0.1:{server.server_port}/insurup", events=sorted(WANTED), secret=SECRET
        )
        print(f"registered webhook {hook.id}")

        customer = client.customers.ensure_individual(identity_number="11111111110", birth_date="1990-01-01")
        vehicle = client.vehicles.create(customer.id, plate="34ABC123", document_serial_code="AB", document_serial_number="123456")
        proposal = client.proposals.create_trafik(customer_id=customer.id, vehicle_id=vehicle.id)
        proposal = client.proposals.wait(proposal.id, timeout=60)
        best = proposal.cheapest_product(1)
        assert best is not None, "no insurer offered a cash premium"
        client.purchase.open_account(proposal.id, best.id)

        missing = set(WANTED)
        while missing:
            event = handled.get(timeout=30)
            print(f"verified {event.event_type}: {event.payload.get('policyId') or event.payload.get('proposalId')}")
            missing.discard(event.event_type)
        client.webhooks.delete(hook.id)
    server.shutdown()


if __name__ == "__main__":
    main()
