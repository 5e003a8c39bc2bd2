"""Receiving InsurUp webhooks: verify the signature over the raw body, then decode the event.

>>> event = insurup.webhook.verify_and_parse(secret, request_body, headers.get(SIGNATURE_HEADER))  # doctest: +SKIP
>>> if event.event_type == "policy.created" and seen.first_time(headers[DELIVERY_HEADER], request_body):  # doctest: +SKIP
...     store(event.payload["policyId"])

Always hand over the body exactly as it arrived (``bytes``): JSON that was parsed and dumped
again no longer matches its signature. A wrong or missing signature raises
:class:`insurup.ValidationError`; a body that is not an event raises :class:`insurup.DecodeError`.
"""

from ._insurup import DeliveryDeduplicator
from ._insurup import Event
from ._insurup import webhook_parse as parse
from ._insurup import webhook_sign as sign
from ._insurup import webhook_verify as verify
from ._insurup import webhook_verify_and_parse as verify_and_parse

EVENT_HEADER = "x-webhook-event"
"""Header naming the event, e.g. ``policy.created``."""
WEBHOOK_ID_HEADER = "x-webhook-id"
"""Header carrying the id of the webhook the delivery is for."""
DELIVERY_HEADER = "x-webhook-delivery"
"""Header carrying the delivery's id; retries and redeliveries repeat it."""
SIGNATURE_HEADER = "x-webhook-signature"
"""Header carrying the body's hex HMAC-SHA256 signature."""

__all__ = [
    "DELIVERY_HEADER",
    "EVENT_HEADER",
    "SIGNATURE_HEADER",
    "WEBHOOK_ID_HEADER",
    "DeliveryDeduplicator",
    "Event",
    "parse",
    "sign",
    "verify",
    "verify_and_parse",
]
