"""The B2B flow end to end: customer, vehicle, sale opportunity, kasko quotes from every insurer,
the cheapest bought with a card, and the policy.

    .venv/bin/python examples/python/quote_and_buy.py
"""

from __future__ import annotations

import insurup
from connect import connect


def main() -> None:
    with connect() as client:
        # `ensure` finds the agency's customer or creates it (the identity number says whether it
        # is a person, a company or a foreigner): safe to run again after a failure. The same for
        # the customer's vehicle, found by its plate.
        customer = client.customers.ensure(identity_number="11111111110", birth_date="1990-01-01")
        serial = insurup.DocumentSerial.parse("AB 123456")  # as written on the registration
        vehicle = client.vehicles.ensure(
            customer.id, plate="34ABC123", document_serial_code=serial.code,
            document_serial_number=serial.number,
        )
        case = client.cases.ensure_sale_opportunity(customer_id=customer.id, product_branch="KASKO")
        print(f"customer {customer.display_name()}, vehicle {vehicle.id}, case {case.case_ref}")

        created = client.proposals.create_kasko(customer_id=customer.id, vehicle_id=vehicle.id)
        for update in client.proposals.watch(created.id, timeout=60):
            for product in update.resolved:
                premium = product.premium(1)
                price = f"{premium.gross_premium:>10.2f} TL" if premium and premium.gross_premium else "   no offer"
                print(f"  {product.insurance_company_name or '?':<28} {price}")
        proposal = client.proposals.get(created.id)

        best = proposal.cheapest_product(1)
        if best is None:
            raise SystemExit("no insurer offered a cash premium")
        card = insurup.Card(
            number="4242424242424242",  # the sandbox's test card
            cvc="123",
            expiry_month="12",
            expiry_year="2030",
            holder_name="AHMET YILMAZ",
        )
        # Sent at most once: if the answer is lost, the SDK reads the product back instead.
        bought = client.purchase.credit_card(proposal.id, best.id, card=card, installments=1)
        policy = client.policies.get(bought.policy_id)
        print(f"bought {best.insurance_company_name}: policy {policy.policy_number}, {policy.gross_premium} TL")


if __name__ == "__main__":
    main()
