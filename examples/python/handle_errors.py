"""What each kind of error means and what to do about it. Every exception is an
``insurup.InsurUpError``; its class says what to do next.

    .venv/bin/python examples/python/handle_errors.py
"""

from __future__ import annotations

from typing import Callable, Type

import insurup
from connect import connect


def advice(error: insurup.InsurUpError) -> str:
    if isinstance(error, insurup.ValidationError):
        return f"fix the input field `{error.field}` (nothing was sent)"
    if isinstance(error, (insurup.AuthenticationError, insurup.TwoFactorRequiredError)):
        return "check the credentials and the 2FA provider"
    if isinstance(error, insurup.NotFoundError):
        return "check the id (or the user's data scope)"
    if isinstance(error, insurup.ConflictError):
        return "it exists already or is in the wrong state: read it instead"
    if isinstance(error, insurup.UnprocessableError):
        return f"show the customer: {error.detail} {' '.join(error.suggestions)}"
    if isinstance(error, insurup.RateLimitError):
        return f"slow down; retry after {error.retry_after} s"
    if isinstance(error, insurup.PurchaseOutcomeUnknownError):
        return "read the product back before buying again; never buy twice"
    if error.retryable:
        reached = "it may have reached the server" if error.may_have_reached_server else "it never left"
        return f"retry later ({reached}; the SDK already retried what was safe to retry)"
    return "report it with the request id"


def expect(kind: Type[insurup.InsurUpError], what: str, call: Callable[[], object]) -> None:
    try:
        call()
    except kind as error:
        print(f"{what}: {type(error).__name__} -> {advice(error)} [request {error.request_id or '-'}]")
        return
    raise SystemExit(f"{what}: expected {kind.__name__}")


def main() -> None:
    with connect() as client:
        # Caught locally, before any request.
        expect(insurup.ValidationError, "bad TCKN",
               lambda: client.customers.create_individual(identity_number="12345678901"))
        expect(insurup.ValidationError, "mistyped card", lambda: insurup.Card(
            number="4242424242424241", cvc="123", expiry_month="12", expiry_year="2030", holder_name="AHMET YILMAZ"))
        # Answered by the API.
        expect(insurup.NotFoundError, "unknown proposal",
               lambda: client.proposals.get("64b000000000000000000999"))
        customer = client.customers.ensure_individual(identity_number="11111111110", birth_date="1990-01-01")
        expect(insurup.ConflictError, "duplicate customer",
               lambda: client.customers.create_individual(identity_number="11111111110"))

        vehicle = client.vehicles.create(customer.id, plate="34ABC123", document_serial_code="AB", document_serial_number="123456")
        proposal = client.proposals.create_trafik(customer_id=customer.id, vehicle_id=vehicle.id)
        proposal = client.proposals.wait(proposal.id, timeout=60)
        best = proposal.cheapest_product(1)
        assert best is not None, "no insurer offered a cash premium"
        declined = insurup.Card(number="4000000000000002", cvc="123", expiry_month="12", expiry_year="2030", holder_name="AHMET YILMAZ")
        expect(insurup.UnprocessableError, "declined card",
               lambda: client.purchase.credit_card(proposal.id, best.id, card=declined))

    # Nobody listens on port 9: the request never left, so trying again later is safe.
    with insurup.Client(base_url="http://127.0.0.1:9", access_token="token", max_retries=0) as offline:
        expect(insurup.ConnectionError, "no server", offline.reference.me)


if __name__ == "__main__":
    main()
