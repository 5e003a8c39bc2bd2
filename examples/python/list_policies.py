"""Every active policy above 5 000 TL, most expensive first, fetched page by page as the loop
advances (memory stays at one page however long the list is).

    .venv/bin/python examples/python/list_policies.py
"""

from __future__ import annotations

from connect import connect

ACTIVE_ABOVE_5000 = {"and": [{"state": {"eq": "ACTIVE"}}, {"grossPremium": {"gte": 5000}}]}


def main() -> None:
    with connect("--generated-policies", "2000") as client:
        first_page = next(client.graphql.policy_pages(first=200, filter=ACTIVE_ABOVE_5000))
        print(f"{first_page.total_count} policies match; the first page has {len(first_page.items)}")

        count, total = 0, 0.0
        for row in client.graphql.policies(
            first=200, filter=ACTIVE_ABOVE_5000, order={"grossPremium": "DESC"}
        ):
            count += 1
            total += row.gross_premium or 0.0
            if count <= 3:
                print(f"{row.gross_premium or 0:>10.2f} TL  {row.insurance_company_name or '-'}  {row.insured_customer_name or '-'}")
        print(f"{count} rows, {total:.2f} TL in total")
        if count != first_page.total_count:
            raise SystemExit(f"streamed {count} rows but the list has {first_page.total_count}")


if __name__ == "__main__":
    main()
