"""Type stubs of the native module ``insurup._insurup`` (the public names are re-exported by
``insurup``). Kept in step with the runtime by ``mypy.stubtest`` in ``scripts/test-python.sh``."""

import builtins
import os
from types import TracebackType
from typing import (
    Any,
    AsyncIterator,
    Awaitable,
    Callable,
    Generic,
    Iterator,
    Mapping,
    Protocol,
    Sequence,
    TypeVar,
    Union,
    final,
)

from typing_extensions import Self

__version__: str

_T = TypeVar("_T")

_Filter = Mapping[str, Any]
"""A HotChocolate filter, e.g. ``{"grossPremium": {"gte": 1000}}``, combined with ``and``/``or``."""
_Order = Union[Mapping[str, str], Sequence[Mapping[str, str]]]
"""Sort keys such as ``{"grossPremium": "DESC"}`` or a list of them, most significant first."""

class _TokenStore(Protocol):
    """Where a client keeps its tokens (a Keychain, a database row, ...). Methods may be
    ``async def`` when the store is given to an ``AsyncClient``."""

    def load(self) -> TokenSet | None | Awaitable[TokenSet | None]: ...
    def save(self, tokens: TokenSet) -> None | Awaitable[None]: ...
    def clear(self) -> None | Awaitable[None]: ...

_TwoFactor = Union[str, Callable[[TwoFactorChallenge], Union[str, Awaitable[str]]]]
"""A fixed 2FA code, or a callable given the challenge and returning (or awaiting) the code."""

@final
class TwoFactorChallenge:
    """What the server asked a 2FA code for; passed to the `two_factor` callback."""

    @property
    def user_id(self) -> str | None:
        """The user id from the login answer."""
    @property
    def email(self) -> str | None:
        """The e-mail address that logged in."""

@final
class TokenSet:
    """The session's tokens, as a token store receives and returns them. Its repr never shows
    the tokens; `to_json()` does, because a store has to keep them."""

    def to_json(self) -> str:
        """The tokens as JSON text, for a store to keep."""
    @staticmethod
    def from_json(text: str) -> TokenSet:
        """Tokens a store kept with `to_json()`."""
    @property
    def subject(self) -> str:
        """Who the tokens belong to, e.g. `agent-user:ops@acente.com.tr`."""
    @property
    def expires_at(self) -> float:
        """When the access token expires, in seconds since the Unix epoch."""

@final
class FileTokenStore:
    """Keeps tokens in a JSON file readable by its owner only, so a restarted process continues
    without logging in (or asking for a 2FA code) again."""

    def __new__(cls, path: str | os.PathLike[str] | None = None) -> FileTokenStore: ...
    @property
    def path(self) -> str:
        """The file's path."""

@final
class MemoryTokenStore:
    """Keeps tokens in memory (the default)."""

    def __new__(cls) -> MemoryTokenStore: ...

@final
class Card:
    """A payment card. Checked when it is built (Luhn, expiry, CVC, holder), so a bad card
    raises `ValidationError` naming the field before any request. Its repr shows the last four
    digits only; the number and CVC cannot be read back."""

    def __new__(
        cls,
        *,
        number: str,
        cvc: str,
        expiry_month: str | int,
        expiry_year: str | int,
        holder_name: str,
        identity_number: str | None = None,
    ) -> Card: ...
    @property
    def last4(self) -> str:
        """The last four digits of the number."""
    @property
    def expiry_month(self) -> str:
        """Expiry month, `MM`."""
    @property
    def expiry_year(self) -> str:
        """Expiry year, `YYYY`."""
    @property
    def holder_name(self) -> str:
        """Name on the card."""

@final
class Event:
    """One webhook delivery, decoded (``insurup.webhook.Event``)."""

    @property
    def event_type(self) -> str:
        """The dotted event id, e.g. `policy.created`, also for unknown events."""
    @property
    def is_unknown(self) -> bool:
        """True for events this version of the SDK does not know; `payload` still has the body."""
    @property
    def payload(self) -> dict[str, Any]:
        """The event as a dict in its wire shape (camelCase keys, `$event` included)."""

@final
class DeliveryDeduplicator:
    """Remembers the most recent delivery ids (`x-webhook-delivery`) and tells a receiver
    whether it has seen one before. Thread-safe."""

    def __new__(cls, capacity: int = ...) -> DeliveryDeduplicator: ...
    def first_time(self, delivery_id: str) -> bool:
        """True the first time `delivery_id` is offered, false for every repeat still remembered."""
    def forget(self, delivery_id: str) -> bool:
        """Forgets `delivery_id`, so its next copy counts as the first."""
    @property
    def capacity(self) -> int:
        """How many ids it keeps at most."""
    def __len__(self) -> int: ...

def webhook_verify(secret: str, raw_body: bytes | str, signature: str | None) -> None:
    """Checks that `signature` (the `x-webhook-signature` header) signs `raw_body` with `secret`."""

def webhook_sign(secret: str, raw_body: bytes | str) -> str:
    """The `x-webhook-signature` InsurUp sends for `raw_body` under `secret`."""

def webhook_parse(raw_body: bytes | str) -> Event:
    """Decodes a delivery's body (without checking its signature)."""

def webhook_verify_and_parse(secret: str, raw_body: bytes | str, signature: str | None) -> Event:
    """`verify`, then `parse`: the one call a receiver needs."""

# --- API records ---

@final
class AgentBranch:
    """A branch, sub-agency or partner of the agency."""

    @property
    def id(self) -> str:
        """The branch's id."""
    @property
    def name(self) -> str:
        """Its name."""
    @property
    def parent_branch_id(self) -> str | None:
        """Parent branch."""
    @property
    def created_at(self) -> str | None:
        """When it was created."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class AgentBranchRef:
    """The branch a row belongs to."""

    @property
    def id(self) -> str:
        """Branch id."""
    @property
    def name(self) -> str | None:
        """Branch name."""
    @property
    def parent_id(self) -> str | None:
        """Parent branch id."""
    @property
    def parent_name(self) -> str | None:
        """Parent branch name."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class AgentUser:
    """The signed-in agent user (`GET /api/agent-users/me`)."""

    @property
    def id(self) -> str:
        """The user's id."""
    @property
    def email(self) -> str | None:
        """E-mail address."""
    @property
    def agent_id(self) -> str | None:
        """The agency."""
    @property
    def is_service_account(self) -> bool:
        """True for service accounts (OAuth client credentials)."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Case:
    """A case, as `GET /api/cases/{ref}` returns it."""

    @property
    def id(self) -> str:
        """The case's id."""
    @property
    def case_ref(self) -> str | None:
        """Human-readable reference, e.g. `SF-2026-001234`."""
    @property
    def case_type(self) -> str:
        """Sale opportunity, endorsement, cancel or complaint."""
    @property
    def status(self) -> str:
        """Open, delayed, success or fail."""
    @property
    def main_state(self) -> str | None:
        """Main state."""
    @property
    def sub_state(self) -> str | None:
        """Sub-state, e.g. `OPEN_INITIAL` or `SUCCESS_COMPLETED`."""
    @property
    def customer_id(self) -> str:
        """The customer."""
    @property
    def customer_name(self) -> str | None:
        """The customer's name."""
    @property
    def base_product_branch(self) -> str | None:
        """Branch of the product the case is about."""
    @property
    def asset_type(self) -> str | None:
        """Vehicle or property."""
    @property
    def asset_id(self) -> str | None:
        """Id of the vehicle or property."""
    @property
    def channel(self) -> str | None:
        """Channel the case came from."""
    @property
    def created_at(self) -> str | None:
        """When it was created (RFC 3339)."""
    @property
    def agent_branch_id(self) -> str | None:
        """Branch the case belongs to."""
    @property
    def policy_ids(self) -> list[str]:
        """Policies sold in this case."""
    @property
    def proposal_ids(self) -> list[str]:
        """Proposals made in this case."""
    def is_open(self) -> bool:
        """True while the case is open or delayed."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CasePage:
    """A page of cases."""

    @property
    def items(self) -> list[CaseRow]:
        """The rows."""
    @property
    def total_count(self) -> int | None:
        """Rows in the whole (filtered) list."""
    @property
    def page_info(self) -> PageInfo:
        """Cursors."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CaseRow:
    """A case row of `casesNew`."""

    @property
    def id(self) -> str:
        """Case id."""
    @property
    def case_ref(self) -> str | None:
        """Reference, e.g. `SF-2026-001234`."""
    @property
    def case_type(self) -> str | None:
        """Kind of case."""
    @property
    def status(self) -> str | None:
        """Status."""
    @property
    def main_state(self) -> str | None:
        """Main state."""
    @property
    def sub_state(self) -> str | None:
        """Sub-state."""
    @property
    def customer_id(self) -> str | None:
        """Customer id."""
    @property
    def customer_name(self) -> str | None:
        """Customer's name."""
    @property
    def product_branch(self) -> str | None:
        """Branch of the product."""
    @property
    def channel(self) -> str | None:
        """Channel."""
    @property
    def created_at(self) -> str | None:
        """Creation time."""
    @property
    def agent_branch_id(self) -> str | None:
        """Branch id."""
    @property
    def agent_branch(self) -> AgentBranchRef | None:
        """Branch."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CoverageGroup:
    """A named set of coverages an agency prices proposals with."""

    @property
    def id(self) -> str:
        """The group's id."""
    @property
    def name(self) -> str:
        """Its name."""
    @property
    def product_branch(self) -> str | None:
        """Branch it applies to."""
    @property
    def description(self) -> str | None:
        """Description."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CoverageGroupRef:
    """A coverage group a proposal was requested with."""

    @property
    def id(self) -> str:
        """The group's id."""
    @property
    def name(self) -> str:
        """Its name."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Customer:
    """A customer of the agency, as `GET /api/customers/{id}` returns it."""

    @property
    def id(self) -> str:
        """The customer's id."""
    @property
    def customer_type(self) -> str:
        """Individual, company or foreign."""
    @property
    def full_name(self) -> str | None:
        """Full name (individuals and foreigners)."""
    @property
    def identity_number(self) -> str | None:
        """TCKN (individuals) or foreign identity number."""
    @property
    def title(self) -> str | None:
        """Company title."""
    @property
    def tax_number(self) -> str | None:
        """VKN (companies)."""
    @property
    def birth_date(self) -> str | None:
        """Birth date, `YYYY-MM-DD`."""
    @property
    def gender(self) -> str | None:
        """Gender."""
    @property
    def primary_email(self) -> str | None:
        """Primary e-mail address."""
    @property
    def primary_phone_number(self) -> PhoneNumber | None:
        """Primary phone number."""
    @property
    def city(self) -> Reference | None:
        """City."""
    @property
    def district(self) -> Reference | None:
        """District."""
    @property
    def created_at(self) -> str | None:
        """When the customer was created (RFC 3339)."""
    @property
    def agent_branch_id(self) -> str | None:
        """Branch the customer belongs to."""
    @property
    def vehicle_count(self) -> int:
        """Number of vehicles."""
    @property
    def property_count(self) -> int:
        """Number of properties."""
    @property
    def proposal_count(self) -> int:
        """Number of proposals."""
    @property
    def policy_count(self) -> int:
        """Number of policies."""
    @property
    def case_count(self) -> int:
        """Number of cases."""
    def display_name(self) -> str:
        """The name to show: full name or company title."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CustomerLookup:
    """What the population registry knows about an identity or tax number (`POST /api/customers/external-lookup`)."""

    @property
    def full_name(self) -> str | None:
        """Full name or company title."""
    @property
    def birth_date(self) -> str | None:
        """Birth date, `YYYY-MM-DD`."""
    @property
    def gender(self) -> str | None:
        """Gender."""
    @property
    def city(self) -> Reference | None:
        """City."""
    @property
    def district(self) -> Reference | None:
        """District."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CustomerPage:
    """A page of customers."""

    @property
    def items(self) -> list[CustomerRow]:
        """The rows."""
    @property
    def total_count(self) -> int | None:
        """Rows in the whole (filtered) list."""
    @property
    def page_info(self) -> PageInfo:
        """Cursors."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CustomerRow:
    """A customer row of `customersNew`."""

    @property
    def id(self) -> str:
        """Customer id."""
    @property
    def name(self) -> str | None:
        """Full name or company title."""
    @property
    def identity_number(self) -> str | None:
        """TCKN/VKN (may be masked by the agency's settings)."""
    @property
    def primary_email(self) -> str | None:
        """E-mail."""
    @property
    def primary_phone_number(self) -> str | None:
        """Phone."""
    @property
    def city(self) -> str | None:
        """City."""
    @property
    def district(self) -> str | None:
        """District."""
    @property
    def birth_date(self) -> str | None:
        """Birth date."""
    @property
    def customer_type(self) -> str | None:
        """Individual, company or foreign."""
    @property
    def created_at(self) -> str | None:
        """Creation time."""
    @property
    def agent_branch_id(self) -> str | None:
        """Branch id."""
    @property
    def agent_branch(self) -> AgentBranchRef | None:
        """Branch."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Document:
    """A downloadable document (policy PDF, information form)."""

    @property
    def url(self) -> str:
        """Where to download it; short-lived."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class DocumentSerial:
    """The registration document (ruhsat) serial."""

    @property
    def code(self) -> str:
        """Two letters, e.g. `AB`."""
    @property
    def number(self) -> str:
        """Six digits, e.g. `123456`."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class InsuranceCompany:
    """An insurance company."""

    @property
    def id(self) -> int:
        """The insurer's id."""
    @property
    def name(self) -> str:
        """Its name, e.g. `Anadolu Sigorta`."""
    @property
    def logo(self) -> str | None:
        """Logo URL."""
    @property
    def enabled(self) -> bool:
        """Whether the agency works with it."""
    @property
    def supported_payment_options(self) -> list[str]:
        """How its products can be paid."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PageInfo:
    """Where a page sits in the whole list."""

    @property
    def has_next_page(self) -> bool:
        """More rows follow."""
    @property
    def has_previous_page(self) -> bool:
        """Rows precede."""
    @property
    def start_cursor(self) -> str | None:
        """Cursor of the first row."""
    @property
    def end_cursor(self) -> str | None:
        """Cursor of the last row; pass it as `after` for the next page."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PhoneNumber:
    """A phone number split the way the API stores it."""

    @property
    def country_code(self) -> int:
        """Country calling code without `+` (90 for Turkey)."""
    @property
    def number(self) -> str:
        """Subscriber number, e.g. `5321234567`."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Plate:
    """A licence plate as the API stores it: province code and the rest."""

    @property
    def city(self) -> int:
        """Province code 1-81 (34 = İstanbul)."""
    @property
    def code(self) -> str:
        """Letters and digits after the province code, e.g. `ABC123`."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Policy:
    """A policy, as `GET /api/policies/{id}` returns it."""

    @property
    def id(self) -> str:
        """The policy's id."""
    @property
    def policy_number(self) -> str | None:
        """The insurer's policy number."""
    @property
    def state(self) -> str:
        """Active, ended or cancelled."""
    @property
    def product_branch(self) -> str | None:
        """Branch."""
    @property
    def insurance_company_id(self) -> int | None:
        """The insurer's id."""
    @property
    def insurance_company_name(self) -> str | None:
        """The insurer's name."""
    @property
    def product_name(self) -> str | None:
        """The product's name."""
    @property
    def proposal_id(self) -> str | None:
        """The proposal it was bought from."""
    @property
    def proposal_product_id(self) -> str | None:
        """The product it was bought as."""
    @property
    def insurer_customer_id(self) -> str | None:
        """The customer who pays."""
    @property
    def insured_customer_id(self) -> str | None:
        """The insured customer."""
    @property
    def insured_customer_name(self) -> str | None:
        """The insured customer's name."""
    @property
    def start_date(self) -> str | None:
        """Start date, `YYYY-MM-DD`."""
    @property
    def end_date(self) -> str | None:
        """End date, `YYYY-MM-DD`."""
    @property
    def arrangement_date(self) -> str | None:
        """Issue date, `YYYY-MM-DD`."""
    @property
    def installment_number(self) -> int | None:
        """Installments it was bought in."""
    @property
    def payment_type(self) -> str | None:
        """How it was paid."""
    @property
    def net_premium(self) -> float | None:
        """Premium before taxes."""
    @property
    def gross_premium(self) -> float | None:
        """What the customer pays."""
    @property
    def commission(self) -> float | None:
        """The agency's commission."""
    @property
    def currency(self) -> str | None:
        """Currency."""
    @property
    def vehicle_plate(self) -> str | None:
        """Plate of the insured vehicle."""
    @property
    def agent_branch_id(self) -> str | None:
        """Branch the policy was produced for."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PolicyPage:
    """A page of policies."""

    @property
    def items(self) -> list[PolicyRow]:
        """The rows."""
    @property
    def total_count(self) -> int | None:
        """Rows in the whole (filtered) list."""
    @property
    def page_info(self) -> PageInfo:
        """Cursors."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PolicyRow:
    """A policy row of `policiesNew`."""

    @property
    def id(self) -> str:
        """Policy id."""
    @property
    def state(self) -> str:
        """State."""
    @property
    def product_branch(self) -> str | None:
        """Branch."""
    @property
    def insurance_company_name(self) -> str | None:
        """Insurer's name."""
    @property
    def insurance_company_policy_number(self) -> str | None:
        """Insurer's policy number."""
    @property
    def product_name(self) -> str | None:
        """Product name."""
    @property
    def gross_premium(self) -> float | None:
        """Gross premium."""
    @property
    def net_premium(self) -> float | None:
        """Net premium."""
    @property
    def commission(self) -> float | None:
        """Commission."""
    @property
    def start_date(self) -> str | None:
        """Start date."""
    @property
    def end_date(self) -> str | None:
        """End date."""
    @property
    def arrangement_date(self) -> str | None:
        """Issue date."""
    @property
    def insured_customer_name(self) -> str | None:
        """Insured customer's name."""
    @property
    def insured_customer_identity_number(self) -> str | None:
        """Insured customer's TCKN/VKN."""
    @property
    def vehicle_plate(self) -> str | None:
        """Vehicle plate."""
    @property
    def created_at(self) -> str | None:
        """Creation time."""
    @property
    def agent_branch_id(self) -> str | None:
        """Branch id."""
    @property
    def agent_branch(self) -> AgentBranchRef | None:
        """Branch."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Premium:
    """The premium of a product for one installment plan."""

    @property
    def installment_number(self) -> int:
        """Number of installments; 1 = cash."""
    @property
    def net_premium(self) -> float:
        """Premium before taxes."""
    @property
    def gross_premium(self) -> float:
        """What the customer pays in total."""
    @property
    def commission(self) -> float:
        """The agency's commission."""
    @property
    def exchange_rate(self) -> float | None:
        """Exchange rate applied, for foreign-currency premiums."""
    @property
    def currency(self) -> str | None:
        """Currency."""
    @property
    def insurance_company_proposal_number(self) -> str | None:
        """The insurer's own proposal number."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PremiumDetail:
    """Insurer-side references of one premium (`GET …/premiums/{installmentNumber}`)."""

    @property
    def proposal_id(self) -> str:
        """The proposal."""
    @property
    def proposal_product_id(self) -> str:
        """The product."""
    @property
    def installment_number(self) -> int:
        """Installment plan."""
    @property
    def insurer_customer_id(self) -> str | None:
        """The payer."""
    @property
    def insured_customer_id(self) -> str | None:
        """The insured."""
    @property
    def insurance_services_proposal_id(self) -> str | None:
        """Id of the proposal at the insurance service."""
    @property
    def insurance_services_premium_id(self) -> str | None:
        """Id of the premium at the insurance service."""
    @property
    def insurance_company_proposal_number(self) -> str | None:
        """The insurer's proposal number."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Product:
    """One insurer's answer inside a proposal: the thing you buy."""

    @property
    def id(self) -> str:
        """The proposal product id; pass it to `purchase()`."""
    @property
    def insurance_company_id(self) -> int:
        """The insurer's id."""
    @property
    def insurance_company_name(self) -> str:
        """The insurer's name, e.g. `Anadolu Sigorta`."""
    @property
    def insurance_company_logo(self) -> str | None:
        """The insurer's logo URL."""
    @property
    def product_id(self) -> int:
        """The insurer's catalogue product id."""
    @property
    def product_name(self) -> str:
        """The product's name."""
    @property
    def product_type(self) -> str | None:
        """Web service (buyable through the API) or robot."""
    @property
    def state(self) -> str:
        """Waiting, active, failed, purchasing, purchased."""
    @property
    def premiums(self) -> list[Premium]:
        """Premiums per installment plan (empty until the insurer answers)."""
    @property
    def error_message(self) -> str | None:
        """Why the insurer failed, when it did."""
    @property
    def policy_id(self) -> str | None:
        """The policy, once bought."""
    @property
    def needs_investigation_by_company(self) -> bool:
        """The insurer wants to review before selling."""
    @property
    def has_vocational_discount(self) -> bool:
        """A vocational discount applies."""
    @property
    def has_undamaged_discount(self) -> bool:
        """A no-claims discount applies."""
    @property
    def revised(self) -> bool:
        """The product was revised after the first answer."""
    @property
    def is_manual(self) -> bool:
        """Entered by hand rather than by the insurer's service."""
    @property
    def coverage_group_id(self) -> str | None:
        """Coverage group the premium was computed for."""
    @property
    def coverage_group_name(self) -> str | None:
        """Name of that coverage group."""
    @property
    def supported_payment_options(self) -> list[str]:
        """How this product can be paid."""
    def premium(self, installments: int = 1) -> Premium | None:
        """The premium for `installments` (1 = cash), if the insurer offers that plan."""
    def is_purchasable(self) -> bool:
        """True when the product can be bought now."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Property:
    """A property of a customer."""

    @property
    def id(self) -> str:
        """The property's id."""
    @property
    def customer_id(self) -> str:
        """Its owner."""
    @property
    def property_number(self) -> int | None:
        """UAVT address code."""
    @property
    def square_meter(self) -> int | None:
        """Gross area in square metres."""
    @property
    def construction_year(self) -> int | None:
        """Year of construction."""
    @property
    def utilization_style(self) -> str | None:
        """Usage."""
    @property
    def ownership_type(self) -> str | None:
        """Owner or tenant."""
    @property
    def floor(self) -> int | None:
        """Floor."""
    @property
    def address(self) -> str | None:
        """Address text."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Proposal:
    """A proposal, as `GET /api/proposals/{id}` returns it."""

    @property
    def id(self) -> str:
        """The proposal's id."""
    @property
    def product_branch(self) -> str:
        """Branch: kasko, trafik, dask, …"""
    @property
    def state(self) -> str:
        """Waiting, active, purchasing, purchased or failed."""
    @property
    def channel(self) -> str | None:
        """Channel the proposal came from."""
    @property
    def created_at(self) -> str | None:
        """When it was created (RFC 3339)."""
    @property
    def insurer_customer_id(self) -> str | None:
        """The customer who pays."""
    @property
    def insured_customer_id(self) -> str | None:
        """The customer who is insured."""
    @property
    def vehicle_id(self) -> str | None:
        """The insured vehicle (motor branches)."""
    @property
    def property_id(self) -> str | None:
        """The insured property (DASK, konut)."""
    @property
    def agent_branch_id(self) -> str | None:
        """Branch the proposal belongs to."""
    @property
    def total_products_count(self) -> int:
        """How many insurers were asked."""
    @property
    def succeed_products_count(self) -> int:
        """How many answered with a premium."""
    @property
    def lowest_premium(self) -> float | None:
        """Cheapest cash gross premium so far."""
    @property
    def highest_premium(self) -> float | None:
        """Most expensive cash gross premium so far."""
    @property
    def policy_start_date(self) -> str | None:
        """Policy start date, `YYYY-MM-DD`."""
    @property
    def policy_end_date(self) -> str | None:
        """Policy end date, `YYYY-MM-DD`."""
    @property
    def coverage_groups(self) -> list[CoverageGroupRef]:
        """Coverage groups requested."""
    @property
    def products(self) -> list[Product]:
        """One product per insurer asked."""
    def cheapest_product(self, installments: int = 1) -> Product | None:
        """The cheapest product that can be bought with `installments` (1 = cash)."""
    def product(self, product_id: str) -> Product | None:
        """A product by id."""
    def is_complete(self) -> bool:
        """True when every insurer has answered."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class ProposalPage:
    """A page of proposals."""

    @property
    def items(self) -> list[ProposalRow]:
        """The rows."""
    @property
    def total_count(self) -> int | None:
        """Rows in the whole (filtered) list."""
    @property
    def page_info(self) -> PageInfo:
        """Cursors."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class ProposalRow:
    """A proposal row of `proposalsNew`."""

    @property
    def id(self) -> str:
        """Proposal id."""
    @property
    def state(self) -> str:
        """State."""
    @property
    def product_branch(self) -> str | None:
        """Branch."""
    @property
    def channel(self) -> str | None:
        """Channel."""
    @property
    def created_at(self) -> str | None:
        """Creation time."""
    @property
    def insured_customer_name(self) -> str | None:
        """Insured customer's name."""
    @property
    def insured_customer_identity_number(self) -> str | None:
        """Insured customer's TCKN/VKN."""
    @property
    def lowest_premium(self) -> float | None:
        """Lowest cash premium."""
    @property
    def highest_premium(self) -> float | None:
        """Highest cash premium."""
    @property
    def success_rate(self) -> float | None:
        """Share of insurers that answered with a premium."""
    @property
    def products_count(self) -> int | None:
        """Insurers asked."""
    @property
    def succeed_products_count(self) -> int | None:
        """Insurers that answered with a premium."""
    @property
    def vehicle_plate(self) -> str | None:
        """Vehicle plate."""
    @property
    def vehicle_model_name(self) -> str | None:
        """Vehicle model."""
    @property
    def agent_branch_id(self) -> str | None:
        """Branch id."""
    @property
    def agent_branch(self) -> AgentBranchRef | None:
        """Branch."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class ProposalUpdate:
    """What changed since the previous update of a [`ProposalWatch`]."""

    @property
    def proposal(self) -> Proposal:
        """The proposal as it is now."""
    @property
    def resolved(self) -> list[Product]:
        """Products whose insurer answered since the previous update."""
    @property
    def finished(self) -> bool:
        """True on the last update: every insurer answered (or the deadline passed)."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Purchase:
    """The result of a sync purchase."""

    @property
    def policy_id(self) -> str:
        """The new policy."""
    @property
    def policy_number(self) -> str | None:
        """The insurer's policy number."""
    @property
    def status(self) -> str:
        """`PURCHASED` on success."""
    @property
    def confirmed_by_read_back(self) -> bool:
        """True when the answer was lost (timeout, dropped connection, 5xx) and the SDK confirmed the purchase by reading the product back instead of sending it again."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PurchaseRedirect:
    """Where the customer must go to finish an async (3-D Secure) purchase."""

    @property
    def redirect_url(self) -> str:
        """Redirect the customer's browser here."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Reference:
    """A value from one of InsurUp's reference lists (`{value, text}`), e.g. a city or a brand."""

    @property
    def value(self) -> str:
        """The code to send back to the API."""
    @property
    def text(self) -> str:
        """The human-readable name."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Vehicle:
    """A vehicle of a customer."""

    @property
    def id(self) -> str:
        """The vehicle's id."""
    @property
    def customer_id(self) -> str:
        """Its owner."""
    @property
    def has_plate(self) -> bool:
        """False for vehicles registered without a plate yet."""
    @property
    def plate(self) -> Plate | None:
        """The plate."""
    @property
    def model_year(self) -> int | None:
        """Model year."""
    @property
    def brand(self) -> Reference | None:
        """Brand."""
    @property
    def model(self) -> Reference | None:
        """Model."""
    @property
    def utilization_style(self) -> str | None:
        """Usage."""
    @property
    def fuel(self) -> str | None:
        """Fuel."""
    @property
    def engine_number(self) -> str | None:
        """Engine number."""
    @property
    def chassis_number(self) -> str | None:
        """Chassis number."""
    @property
    def registration_date(self) -> str | None:
        """Registration date, `YYYY-MM-DD`."""
    @property
    def seat_number(self) -> int | None:
        """Number of seats."""
    @property
    def document_serial(self) -> DocumentSerial | None:
        """Registration document serial."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class VehicleLookup:
    """What the vehicle registry (tramer) knows about a plate (`POST /api/customers/{id}/vehicles/external-lookup`)."""

    @property
    def plate(self) -> Plate | None:
        """The plate looked up."""
    @property
    def model_year(self) -> int | None:
        """Model year."""
    @property
    def brand_reference(self) -> str | None:
        """Brand code to send when creating the vehicle."""
    @property
    def model_type_reference(self) -> str | None:
        """Model code to send when creating the vehicle."""
    @property
    def brand(self) -> Reference | None:
        """Brand."""
    @property
    def model(self) -> Reference | None:
        """Model."""
    @property
    def fuel(self) -> str | None:
        """Fuel."""
    @property
    def utilization_style(self) -> str | None:
        """Usage."""
    @property
    def engine(self) -> str | None:
        """Engine number."""
    @property
    def chassis(self) -> str | None:
        """Chassis number."""
    @property
    def registration_date(self) -> str | None:
        """Registration date."""
    @property
    def seat_number(self) -> int | None:
        """Number of seats."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Webhook:
    """A webhook subscription. The secret is write-only here: keep your copy where you verify signatures."""

    @property
    def id(self) -> str:
        """The webhook's id."""
    @property
    def url(self) -> str:
        """Where deliveries are sent."""
    @property
    def events(self) -> list[str]:
        """Subscribed events."""
    @property
    def agent_branch_ids(self) -> list[str]:
        """Branches whose events are delivered; empty = all."""
    @property
    def delivery_count(self) -> int:
        """Deliveries made so far."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class WebhookDelivery:
    """One delivery of an event to a webhook."""

    @property
    def id(self) -> str:
        """The delivery's id (the `x-webhook-delivery` header)."""
    @property
    def webhook_url(self) -> str | None:
        """Where it was sent."""
    @property
    def event(self) -> str | None:
        """The event id, e.g. `policy.created`."""
    @property
    def delivered_at(self) -> str | None:
        """When it was last attempted."""
    @property
    def response_status_code(self) -> int | None:
        """The receiver's status code."""
    @property
    def response_body(self) -> str | None:
        """The receiver's answer (truncated by the server)."""
    @property
    def duration_ms(self) -> int | None:
        """How long the receiver took."""
    @property
    def is_success(self) -> bool:
        """True when the receiver answered 2xx."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...


# --- resources ---

@final
class Cases:
    """Cases: the CRM record of a sale opportunity."""

    def create_sale_opportunity(self, *, customer_id: str, product_branch: str, channel: str | None = None, asset_type: str | None = None, asset_id: str | None = None, agent_branch_id: str | None = None) -> Case:
        """Opens a sale opportunity and returns the case. Never sent twice; see `ensure_sale_opportunity` for the duplicate-safe flow."""
    def get(self, case_id: str) -> Case:
        """A case by id or by reference (`SF-2026-001234`)."""
    def find_open_sale_opportunity(self, *, customer_id: str, product_branch: str) -> Case | None:
        """The customer's newest open sale opportunity for the branch, or None."""
    def ensure_sale_opportunity(self, *, customer_id: str, product_branch: str, channel: str = ...) -> Case:
        """The customer's open sale opportunity for the branch, opened now if there is none. Concurrent calls through one client never open two."""

@final
class AsyncCases:
    """Cases: the CRM record of a sale opportunity."""

    async def create_sale_opportunity(self, *, customer_id: str, product_branch: str, channel: str | None = None, asset_type: str | None = None, asset_id: str | None = None, agent_branch_id: str | None = None) -> Case:
        """Opens a sale opportunity and returns the case. Never sent twice; see `ensure_sale_opportunity` for the duplicate-safe flow."""
    async def get(self, case_id: str) -> Case:
        """A case by id or by reference (`SF-2026-001234`)."""
    async def find_open_sale_opportunity(self, *, customer_id: str, product_branch: str) -> Case | None:
        """The customer's newest open sale opportunity for the branch, or None."""
    async def ensure_sale_opportunity(self, *, customer_id: str, product_branch: str, channel: str = ...) -> Case:
        """The customer's open sale opportunity for the branch, opened now if there is none. Concurrent calls through one client never open two."""

@final
class Customers:
    """Customers: individuals (TCKN), companies (VKN) and foreign nationals."""

    def create_individual(self, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates an individual (TCKN) customer and returns it. Never sent twice."""
    def create_company(self, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates a company (VKN) customer and returns it."""
    def create_foreign(self, *, identity_number: str, birth_date: str, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates a foreign customer and returns it."""
    def ensure_individual(self, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's individual customer with this TCKN, created first if there is none. Safe to call again after any failure."""
    def ensure_company(self, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's company customer with this VKN, created first if there is none."""
    def get(self, customer_id: str) -> Customer:
        """A customer by id, or by TCKN/VKN."""
    def update_individual(self, customer_id: str, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> None:
        """Replaces an individual customer's details."""
    def update_company(self, customer_id: str, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> None:
        """Replaces a company customer's details."""
    def delete(self, customer_id: str) -> None:
        """Deletes a customer."""
    def lookup_individual(self, identity_number: str, *, birth_date: str | None = None) -> CustomerLookup:
        """What the population registry knows about an individual."""

@final
class AsyncCustomers:
    """Customers: individuals (TCKN), companies (VKN) and foreign nationals."""

    async def create_individual(self, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates an individual (TCKN) customer and returns it. Never sent twice."""
    async def create_company(self, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates a company (VKN) customer and returns it."""
    async def create_foreign(self, *, identity_number: str, birth_date: str, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates a foreign customer and returns it."""
    async def ensure_individual(self, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's individual customer with this TCKN, created first if there is none. Safe to call again after any failure."""
    async def ensure_company(self, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's company customer with this VKN, created first if there is none."""
    async def get(self, customer_id: str) -> Customer:
        """A customer by id, or by TCKN/VKN."""
    async def update_individual(self, customer_id: str, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> None:
        """Replaces an individual customer's details."""
    async def update_company(self, customer_id: str, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> None:
        """Replaces a company customer's details."""
    async def delete(self, customer_id: str) -> None:
        """Deletes a customer."""
    async def lookup_individual(self, identity_number: str, *, birth_date: str | None = None) -> CustomerLookup:
        """What the population registry knows about an individual."""

@final
class Policies:
    """Policies."""

    def get(self, policy_id: str) -> Policy:
        """A policy."""
    def document(self, policy_id: str) -> Document:
        """The policy document (a short-lived PDF URL)."""
    def send_document(self, policy_id: str, *, email: str | None = None) -> None:
        """E-mails the policy document to the customer, or to `email` when given."""

@final
class AsyncPolicies:
    """Policies."""

    async def get(self, policy_id: str) -> Policy:
        """A policy."""
    async def document(self, policy_id: str) -> Document:
        """The policy document (a short-lived PDF URL)."""
    async def send_document(self, policy_id: str, *, email: str | None = None) -> None:
        """E-mails the policy document to the customer, or to `email` when given."""

@final
class Properties:
    """Properties (homes, workplaces) of customers, for DASK and konut."""

    def create(self, customer_id: str, *, property_number: str, square_meter: int, construction_year: int, utilization_style: str | None = None, ownership_type: str | None = None, floor: str | None = None) -> Property:
        """Adds a property to a customer and returns it."""
    def get(self, customer_id: str, property_id: str) -> Property:
        """A property of a customer."""
    def list(self, customer_id: str) -> builtins.list[Property]:
        """Every property of a customer."""

@final
class AsyncProperties:
    """Properties (homes, workplaces) of customers, for DASK and konut."""

    async def create(self, customer_id: str, *, property_number: str, square_meter: int, construction_year: int, utilization_style: str | None = None, ownership_type: str | None = None, floor: str | None = None) -> Property:
        """Adds a property to a customer and returns it."""
    async def get(self, customer_id: str, property_id: str) -> Property:
        """A property of a customer."""
    async def list(self, customer_id: str) -> builtins.list[Property]:
        """Every property of a customer."""

@final
class Proposals:
    """Proposals: one quote request answered by many insurers, each answer a product."""

    def create_kasko(self, *, customer_id: str, vehicle_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a kasko proposal from every insurer and returns it at once; products arrive over the next seconds (see `wait` and `watch`). Never sent twice."""
    def create_trafik(self, *, customer_id: str, vehicle_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a trafik (compulsory motor liability) proposal."""
    def create_imm(self, *, customer_id: str, vehicle_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests an İMM (voluntary motor liability) proposal."""
    def create_dask(self, *, customer_id: str, property_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a DASK (compulsory earthquake) proposal for a customer's property."""
    def create_konut(self, *, customer_id: str, property_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a konut (home) proposal for a customer's property."""
    def get(self, proposal_id: str) -> Proposal:
        """A proposal with its products."""
    def products(self, proposal_id: str) -> builtins.list[Product]:
        """The products of a proposal."""
    def product(self, proposal_id: str, product_id: str) -> Product:
        """One product of a proposal; how a purchase's outcome is checked."""
    def wait(self, proposal_id: str, *, timeout: float = 90.0) -> Proposal:
        """Waits until every insurer has answered and returns the proposal. At the deadline (`timeout` seconds) it returns what has arrived if a product can be bought, and raises `TimeoutError` otherwise."""
    def premium_detail(self, proposal_id: str, product_id: str, *, installments: int = 1) -> PremiumDetail:
        """Insurer-side references of one premium."""
    def coverage(self, proposal_id: str, product_id: str) -> Any:
        """The coverage table of a product, as a dict (its shape differs per branch and insurer)."""
    def document(self, proposal_id: str, product_id: str) -> Document:
        """The proposal document (a short-lived PDF URL) of a product."""
    def information_form(self, proposal_id: str, product_id: str) -> Document:
        """The pre-sale information form (a short-lived PDF URL) of a product."""
    def retry_product(self, proposal_id: str, product_id: str) -> None:
        """Asks a failed insurer again; the product goes back to waiting."""
    def watch(self, proposal_id: str, *, timeout: float = 90.0) -> ProposalWatch:
        """The proposal's updates as insurers answer, until all did or `timeout` seconds passed."""

@final
class AsyncProposals:
    """Proposals: one quote request answered by many insurers, each answer a product."""

    async def create_kasko(self, *, customer_id: str, vehicle_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a kasko proposal from every insurer and returns it at once; products arrive over the next seconds (see `wait` and `watch`). Never sent twice."""
    async def create_trafik(self, *, customer_id: str, vehicle_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a trafik (compulsory motor liability) proposal."""
    async def create_imm(self, *, customer_id: str, vehicle_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests an İMM (voluntary motor liability) proposal."""
    async def create_dask(self, *, customer_id: str, property_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a DASK (compulsory earthquake) proposal for a customer's property."""
    async def create_konut(self, *, customer_id: str, property_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a konut (home) proposal for a customer's property."""
    async def get(self, proposal_id: str) -> Proposal:
        """A proposal with its products."""
    async def products(self, proposal_id: str) -> builtins.list[Product]:
        """The products of a proposal."""
    async def product(self, proposal_id: str, product_id: str) -> Product:
        """One product of a proposal; how a purchase's outcome is checked."""
    async def wait(self, proposal_id: str, *, timeout: float = 90.0) -> Proposal:
        """Waits until every insurer has answered and returns the proposal. At the deadline (`timeout` seconds) it returns what has arrived if a product can be bought, and raises `TimeoutError` otherwise."""
    async def premium_detail(self, proposal_id: str, product_id: str, *, installments: int = 1) -> PremiumDetail:
        """Insurer-side references of one premium."""
    async def coverage(self, proposal_id: str, product_id: str) -> Any:
        """The coverage table of a product, as a dict (its shape differs per branch and insurer)."""
    async def document(self, proposal_id: str, product_id: str) -> Document:
        """The proposal document (a short-lived PDF URL) of a product."""
    async def information_form(self, proposal_id: str, product_id: str) -> Document:
        """The pre-sale information form (a short-lived PDF URL) of a product."""
    async def retry_product(self, proposal_id: str, product_id: str) -> None:
        """Asks a failed insurer again; the product goes back to waiting."""
    def watch(self, proposal_id: str, *, timeout: float = 90.0) -> AsyncProposalWatch:
        """The proposal's updates as insurers answer, until all did or `timeout` seconds passed."""

@final
class Purchases:
    """Buying products. A purchase is never sent twice: when its answer is lost, the product is read back, and an unclear outcome raises `PurchaseOutcomeUnknownError`."""

    def credit_card(self, proposal_id: str, product_id: str, *, card: Card, installments: int = 1, metadata: Any | None = None) -> Purchase:
        """Buys a product with a card in `installments` (1 = cash) and returns the policy. `metadata` (campaign information, tags) is sent along as given."""
    def open_account(self, proposal_id: str, product_id: str, *, installments: int = 1) -> Purchase:
        """Buys a product on open account (corporate customers)."""
    def start_3d_secure(self, proposal_id: str, product_id: str, *, card: Card, callback_url: str, installments: int = 1) -> PurchaseRedirect:
        """Starts a 3-D Secure purchase; send the customer's browser to the returned URL."""

@final
class AsyncPurchases:
    """Buying products. A purchase is never sent twice: when its answer is lost, the product is read back, and an unclear outcome raises `PurchaseOutcomeUnknownError`."""

    async def credit_card(self, proposal_id: str, product_id: str, *, card: Card, installments: int = 1, metadata: Any | None = None) -> Purchase:
        """Buys a product with a card in `installments` (1 = cash) and returns the policy. `metadata` (campaign information, tags) is sent along as given."""
    async def open_account(self, proposal_id: str, product_id: str, *, installments: int = 1) -> Purchase:
        """Buys a product on open account (corporate customers)."""
    async def start_3d_secure(self, proposal_id: str, product_id: str, *, card: Card, callback_url: str, installments: int = 1) -> PurchaseRedirect:
        """Starts a 3-D Secure purchase; send the customer's browser to the returned URL."""

@final
class ReferenceData:
    """Reference data: vehicle brands and models, coverage groups, insurers, the signed-in user and the agency's branches."""

    def vehicle_brands(self) -> builtins.list[Reference]:
        """Vehicle brands."""
    def vehicle_models(self, *, brand_reference: str, year: int) -> builtins.list[Reference]:
        """Models of a brand for a model year."""
    def coverage_groups(self) -> builtins.list[CoverageGroup]:
        """The agency's coverage groups."""
    def coverage_group(self, coverage_group_id: str) -> CoverageGroup:
        """One coverage group."""
    def insurance_companies(self) -> builtins.list[InsuranceCompany]:
        """Insurance companies."""
    def me(self) -> AgentUser:
        """The signed-in agent user."""
    def agent_branches(self) -> builtins.list[AgentBranch]:
        """The agency's branches."""

@final
class AsyncReferenceData:
    """Reference data: vehicle brands and models, coverage groups, insurers, the signed-in user and the agency's branches."""

    async def vehicle_brands(self) -> builtins.list[Reference]:
        """Vehicle brands."""
    async def vehicle_models(self, *, brand_reference: str, year: int) -> builtins.list[Reference]:
        """Models of a brand for a model year."""
    async def coverage_groups(self) -> builtins.list[CoverageGroup]:
        """The agency's coverage groups."""
    async def coverage_group(self, coverage_group_id: str) -> CoverageGroup:
        """One coverage group."""
    async def insurance_companies(self) -> builtins.list[InsuranceCompany]:
        """Insurance companies."""
    async def me(self) -> AgentUser:
        """The signed-in agent user."""
    async def agent_branches(self) -> builtins.list[AgentBranch]:
        """The agency's branches."""

@final
class Vehicles:
    """Vehicles of customers."""

    def create(self, customer_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None, model_year: int | None = None, brand_reference: str | None = None, model_type_reference: str | None = None, utilization_style: str | None = None, fuel: str | None = None, engine_number: str | None = None, chassis_number: str | None = None, registration_date: str | None = None, seat_number: int | None = None) -> Vehicle:
        """Adds a vehicle to a customer and returns it. Brand, model and year left out are filled from the vehicle registry (tramer)."""
    def get(self, customer_id: str, vehicle_id: str) -> Vehicle:
        """A vehicle of a customer."""
    def list(self, customer_id: str) -> builtins.list[Vehicle]:
        """Every vehicle of a customer."""
    def delete(self, customer_id: str, vehicle_id: str) -> None:
        """Deletes a vehicle."""
    def lookup(self, customer_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None) -> VehicleLookup:
        """What the vehicle registry (tramer) knows about a plate."""

@final
class AsyncVehicles:
    """Vehicles of customers."""

    async def create(self, customer_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None, model_year: int | None = None, brand_reference: str | None = None, model_type_reference: str | None = None, utilization_style: str | None = None, fuel: str | None = None, engine_number: str | None = None, chassis_number: str | None = None, registration_date: str | None = None, seat_number: int | None = None) -> Vehicle:
        """Adds a vehicle to a customer and returns it. Brand, model and year left out are filled from the vehicle registry (tramer)."""
    async def get(self, customer_id: str, vehicle_id: str) -> Vehicle:
        """A vehicle of a customer."""
    async def list(self, customer_id: str) -> builtins.list[Vehicle]:
        """Every vehicle of a customer."""
    async def delete(self, customer_id: str, vehicle_id: str) -> None:
        """Deletes a vehicle."""
    async def lookup(self, customer_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None) -> VehicleLookup:
        """What the vehicle registry (tramer) knows about a plate."""

@final
class Webhooks:
    """Webhook subscriptions and their deliveries."""

    def create(self, *, url: str, events: builtins.list[str], secret: str | None = None, agent_branch_ids: builtins.list[str] | None = None) -> Webhook:
        """Subscribes a URL to events and returns the webhook. Keep `secret`: deliveries are signed with it and the API never returns it."""
    def list(self) -> builtins.list[Webhook]:
        """Every webhook of the agency."""
    def get(self, webhook_id: str) -> Webhook:
        """One webhook."""
    def update(self, webhook_id: str, *, url: str, events: builtins.list[str], secret: str | None = None, agent_branch_ids: builtins.list[str] | None = None) -> Webhook:
        """Replaces a webhook's URL, events, branches and secret."""
    def delete(self, webhook_id: str) -> None:
        """Deletes a webhook."""
    def delivery(self, webhook_id: str, delivery_id: str) -> WebhookDelivery:
        """One delivery of a webhook."""
    def redeliver(self, webhook_id: str, delivery_id: str) -> None:
        """Sends a delivery again."""

@final
class AsyncWebhooks:
    """Webhook subscriptions and their deliveries."""

    async def create(self, *, url: str, events: builtins.list[str], secret: str | None = None, agent_branch_ids: builtins.list[str] | None = None) -> Webhook:
        """Subscribes a URL to events and returns the webhook. Keep `secret`: deliveries are signed with it and the API never returns it."""
    async def list(self) -> builtins.list[Webhook]:
        """Every webhook of the agency."""
    async def get(self, webhook_id: str) -> Webhook:
        """One webhook."""
    async def update(self, webhook_id: str, *, url: str, events: builtins.list[str], secret: str | None = None, agent_branch_ids: builtins.list[str] | None = None) -> Webhook:
        """Replaces a webhook's URL, events, branches and secret."""
    async def delete(self, webhook_id: str) -> None:
        """Deletes a webhook."""
    async def delivery(self, webhook_id: str, delivery_id: str) -> WebhookDelivery:
        """One delivery of a webhook."""
    async def redeliver(self, webhook_id: str, delivery_id: str) -> None:
        """Sends a delivery again."""


# --- lists ---

@final
class RowIterator(Generic[_T]):
    """Every row of a GraphQL list, fetched a page at a time as the loop advances."""

    def __iter__(self) -> RowIterator[_T]: ...
    def __next__(self) -> _T: ...

@final
class AsyncRowIterator(Generic[_T]):
    """Every row of a GraphQL list, fetched a page at a time as the loop advances."""

    def __aiter__(self) -> AsyncRowIterator[_T]: ...
    def __anext__(self) -> Awaitable[_T]: ...

@final
class PageIterator(Generic[_T]):
    """The pages of a GraphQL list, fetched as the loop advances."""

    def __iter__(self) -> PageIterator[_T]: ...
    def __next__(self) -> _T: ...

@final
class AsyncPageIterator(Generic[_T]):
    """The pages of a GraphQL list, fetched as the loop advances."""

    def __aiter__(self) -> AsyncPageIterator[_T]: ...
    def __anext__(self) -> Awaitable[_T]: ...

@final
class ProposalWatch:
    """A proposal's updates: each brings the insurers that answered since the previous one."""

    def __iter__(self) -> Iterator[ProposalUpdate]: ...
    def __next__(self) -> ProposalUpdate: ...

@final
class AsyncProposalWatch:
    """A proposal's updates: each brings the insurers that answered since the previous one."""

    def __aiter__(self) -> AsyncIterator[ProposalUpdate]: ...
    def __anext__(self) -> Awaitable[ProposalUpdate]: ...

@final
class Graphql:
    """GraphQL lists of customers, proposals, policies and cases, and raw queries.

    Row methods yield every row, fetching a page (`first` rows, 50 by default) at a time as the
    loop advances; page methods yield whole pages with `items`, `total_count` and `page_info`."""

    def execute(self, query: str, variables: Mapping[str, Any] | None = None) -> Any:
        """Runs any GraphQL query and returns its `data` as a dict."""
    def customers(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> RowIterator[CustomerRow]: ...
    def customer_pages(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> PageIterator[CustomerPage]: ...
    def proposals(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> RowIterator[ProposalRow]: ...
    def proposal_pages(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> PageIterator[ProposalPage]: ...
    def policies(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> RowIterator[PolicyRow]: ...
    def policy_pages(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> PageIterator[PolicyPage]: ...
    def cases(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> RowIterator[CaseRow]: ...
    def case_pages(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> PageIterator[CasePage]: ...

@final
class AsyncGraphql:
    """GraphQL lists for asyncio: `async for` over rows or pages, fetched as the loop advances."""

    async def execute(self, query: str, variables: Mapping[str, Any] | None = None) -> Any:
        """Runs any GraphQL query and returns its `data` as a dict."""
    def customers(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> AsyncRowIterator[CustomerRow]: ...
    def customer_pages(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> AsyncPageIterator[CustomerPage]: ...
    def proposals(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> AsyncRowIterator[ProposalRow]: ...
    def proposal_pages(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> AsyncPageIterator[ProposalPage]: ...
    def policies(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> AsyncRowIterator[PolicyRow]: ...
    def policy_pages(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> AsyncPageIterator[PolicyPage]: ...
    def cases(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> AsyncRowIterator[CaseRow]: ...
    def case_pages(self, *, first: int | None = None, filter: _Filter | None = None, order: _Order | None = None, after: str | None = None, last: int | None = None, before: str | None = None) -> AsyncPageIterator[CasePage]: ...

# --- clients ---

@final
class Client:
    """The InsurUp API client. Calls block the calling thread and release the GIL while they
    wait, so one client serves many threads at once."""

    customers: Customers
    vehicles: Vehicles
    properties: Properties
    cases: Cases
    proposals: Proposals
    purchase: Purchases
    policies: Policies
    reference: ReferenceData
    webhooks: Webhooks
    graphql: Graphql
    def __new__(cls, *, base_url: str | None = None, email: str | None = None, password: str | None = None, two_factor: _TwoFactor | None = None, agent_id: str | None = None, agent_branch_id: str | None = None, client_id: str | None = None, client_secret: str | None = None, access_token: str | None = None, token_store: FileTokenStore | MemoryTokenStore | _TokenStore | None = None, timeout: float | None = None, connect_timeout: float | None = None, max_retries: int | None = None, auth_url: str | None = None) -> Self: ...
    @classmethod
    def from_env(cls, *, base_url: str | None = None, email: str | None = None, password: str | None = None, two_factor: _TwoFactor | None = None, agent_id: str | None = None, agent_branch_id: str | None = None, client_id: str | None = None, client_secret: str | None = None, access_token: str | None = None, token_store: FileTokenStore | MemoryTokenStore | _TokenStore | None = None, timeout: float | None = None, connect_timeout: float | None = None, max_retries: int | None = None, auth_url: str | None = None) -> Client:
        """A client configured from `INSURUP_*` environment variables; keyword arguments override them."""
    @property
    def base_url(self) -> str:
        """The API base URL."""
    @property
    def agent_id(self) -> str | None:
        """The agency id the client was configured with."""
    @property
    def agent_branch_id(self) -> str | None:
        """The branch the client produces for by default."""
    def sign_in(self) -> None:
        """Logs in now (or loads stored tokens) instead of on the first call."""
    def sign_out(self) -> None:
        """Forgets the session's tokens, here and in the token store."""
    def close(self) -> None:
        """Releases the connection pool once in-flight calls finish; later calls raise."""
    def __enter__(self) -> Client: ...
    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None) -> bool: ...

@final
class AsyncClient:
    """The InsurUp API client for asyncio: the same resources and methods as `Client`, each
    call returning an awaitable."""

    customers: AsyncCustomers
    vehicles: AsyncVehicles
    properties: AsyncProperties
    cases: AsyncCases
    proposals: AsyncProposals
    purchase: AsyncPurchases
    policies: AsyncPolicies
    reference: AsyncReferenceData
    webhooks: AsyncWebhooks
    graphql: AsyncGraphql
    def __new__(cls, *, base_url: str | None = None, email: str | None = None, password: str | None = None, two_factor: _TwoFactor | None = None, agent_id: str | None = None, agent_branch_id: str | None = None, client_id: str | None = None, client_secret: str | None = None, access_token: str | None = None, token_store: FileTokenStore | MemoryTokenStore | _TokenStore | None = None, timeout: float | None = None, connect_timeout: float | None = None, max_retries: int | None = None, auth_url: str | None = None) -> Self: ...
    @classmethod
    def from_env(cls, *, base_url: str | None = None, email: str | None = None, password: str | None = None, two_factor: _TwoFactor | None = None, agent_id: str | None = None, agent_branch_id: str | None = None, client_id: str | None = None, client_secret: str | None = None, access_token: str | None = None, token_store: FileTokenStore | MemoryTokenStore | _TokenStore | None = None, timeout: float | None = None, connect_timeout: float | None = None, max_retries: int | None = None, auth_url: str | None = None) -> AsyncClient:
        """A client configured from `INSURUP_*` environment variables; keyword arguments override them."""
    @property
    def base_url(self) -> str:
        """The API base URL."""
    @property
    def agent_id(self) -> str | None:
        """The agency id the client was configured with."""
    @property
    def agent_branch_id(self) -> str | None:
        """The branch the client produces for by default."""
    async def sign_in(self) -> None:
        """Logs in now (or loads stored tokens) instead of on the first call."""
    async def sign_out(self) -> None:
        """Forgets the session's tokens, here and in the token store."""
    async def close(self) -> None:
        """Releases the connection pool once in-flight calls finish; later calls raise."""
    async def __aenter__(self) -> AsyncClient: ...
    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None) -> bool: ...
