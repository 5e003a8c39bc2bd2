"""The sandbox the suite runs against, its published test fixtures, and small flow helpers."""

from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path
from typing import Any, Dict, Optional

import insurup

REPO = Path(__file__).resolve().parents[2]

AGENT_EMAIL = "agent@sandbox.insurup.test"
MFA_EMAIL = "mfa@sandbox.insurup.test"
PASSWORD = "sandbox-password"
MFA_CODE = "123456"
AGENT_ID = "00000000-0000-4000-8000-000000000001"
TCKN = "11111111110"
PLATE = "34ABC123"
GOOD_CARD = "4242424242424242"
DECLINED_CARD = "4000000000000002"
GENERATED_POLICIES = 5000

PURCHASE_ROUTE = "/api/proposals/{id}/products/{productId}/purchase/sync"


def sandbox_binary() -> Path:
    if "INSURUP_SANDBOX_BIN" in os.environ:
        return Path(os.environ["INSURUP_SANDBOX_BIN"])
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    return target / "debug" / "insurup-sandbox"


class Sandbox:
    """A running insurup-sandbox and its test controls (`/__sandbox/...`)."""

    def __init__(self, base_url: str, auth_url: str, dialect: str = "vendor-sdk") -> None:
        self.base_url = base_url
        self.auth_url = auth_url
        self.dialect = dialect

    def control(self, method: str, path: str, body: Optional[Dict[str, Any]] = None) -> Any:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(
            self.base_url + path,
            data=data,
            method=method,
            headers={"content-type": "application/json"} if data else {},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            text = answer.read()
        return json.loads(text) if text else None

    def reset(self) -> None:
        self.control("POST", "/__sandbox/reset")

    def fault(self, method: str, path: str, **fault: Any) -> None:
        """Arms a fault: `status`, `delayMs`, `times`, `action`, `retryAfter`."""
        self.control("POST", "/__sandbox/faults", {"method": method, "path": path, **fault})

    def clear_faults(self) -> None:
        self.control("DELETE", "/__sandbox/faults")

    def stats(self) -> Dict[str, Any]:
        stats: Dict[str, Any] = self.control("GET", "/__sandbox/stats")
        return stats

    def api_requests(self) -> Dict[str, int]:
        """Requests per `METHOD route` since the last reset, test controls left out."""
        requests: Dict[str, int] = self.stats()["requests"]
        return {route: n for route, n in requests.items() if "/__sandbox/" not in route}

    def requests(self, route: str) -> int:
        return self.api_requests().get(route, 0)

    def settings(self, **overrides: Any) -> Dict[str, Any]:
        settings: Dict[str, Any] = {
            "base_url": self.base_url,
            "auth_url": self.auth_url,
            "email": AGENT_EMAIL,
            "password": PASSWORD,
            "agent_id": AGENT_ID,
            # A purchase whose answer was lost is read back for 2 s here (60 s by default).
            "purchase_confirmation_window": 2.0,
        }
        settings.update(overrides)
        return settings

    def client(self, **overrides: Any) -> insurup.Client:
        return insurup.Client(**self.settings(**overrides))

    def async_client(self, **overrides: Any) -> insurup.AsyncClient:
        return insurup.AsyncClient(**self.settings(**overrides))

    def environment(self) -> Dict[str, str]:
        """`INSURUP_*` variables for the agent user, on top of this process's environment."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("INSURUP_")}
        env.update(
            INSURUP_BASE_URL=self.base_url,
            INSURUP_EMAIL=AGENT_EMAIL,
            INSURUP_PASSWORD=PASSWORD,
            INSURUP_AGENT_ID=AGENT_ID,
        )
        return env


def card(number: str = GOOD_CARD) -> insurup.Card:
    return insurup.Card(
        number=number,
        cvc="123",
        expiry_month="12",
        expiry_year="2030",
        holder_name="AHMET YILMAZ",
    )


def quoted_proposal(client: insurup.Client) -> insurup.Proposal:
    """A customer with a vehicle and a kasko proposal every insurer answered."""
    customer = client.customers.ensure_individual(identity_number=TCKN, birth_date="1990-01-01")
    vehicle = client.vehicles.create(
        customer.id, plate=PLATE, document_serial_code="AB", document_serial_number="123456"
    )
    proposal = client.proposals.create_kasko(customer_id=customer.id, vehicle_id=vehicle.id)
    return client.proposals.wait(proposal.id, timeout=60)


def cheapest(proposal: insurup.Proposal) -> insurup.Product:
    product = proposal.cheapest_product()
    assert product is not None, "no insurer offered a cash premium"
    return product


def first_uavt_number(client: insurup.Client) -> int:
    """The first flat the address cascade reaches, walking the first entry of each level."""
    addresses = client.addresses
    reference = addresses.cities()[0].value
    for level in (addresses.districts, addresses.towns, addresses.neighbourhoods,
                  addresses.streets, addresses.buildings, addresses.apartments):
        entries = level(reference)
        assert entries, f"the sandbox's address register has no {level.__name__}"
        reference = entries[0].value
    return int(reference)
