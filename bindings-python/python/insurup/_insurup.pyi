"""Type stubs of the native module ``insurup._insurup`` (the public names are re-exported by
``insurup``). Kept in step with the runtime by ``mypy.stubtest`` in ``scripts/test-python.sh``."""

import asyncio
import builtins
import os
import pathlib
from types import TracebackType
from typing import (
    Any,
    Awaitable,
    Callable,
    Mapping,
    Protocol,
    Sequence,
    Union,
    final,
)

from typing_extensions import Self

from ._lists import (
    AsyncPageIterator,
    AsyncProposalWatch,
    AsyncRowIterator,
    PageIterator,
    ProposalWatch,
    RowIterator,
)

__version__: str

def error_kinds() -> list[str]:
    """The class names of every error kind the core raises; `insurup._errors` defines each one."""

def enum_values() -> dict[str, list[str]]:
    """Every wire value this version of the SDK knows, per enum type (`ProductBranch`, …)."""

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
    def user_id(self) -> str:
        """The user id from the login answer."""
    @property
    def email(self) -> str:
        """The e-mail address that logged in."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class FieldError:
    """One field the server refused (`validationErrors[]` of a problem answer)."""

    def __new__(cls, property_name: str, error_message: str, attempted_value: str | None = None) -> FieldError: ...
    @property
    def property_name(self) -> str:
        """The field as the API names it, e.g. `card.number`."""
    @property
    def error_message(self) -> str:
        """Why it was refused."""
    @property
    def attempted_value(self) -> str | None:
        """The value the server saw; `[REDACTED]` for card, CVC, password and token fields."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class ErrorReport:
    """Everything an error of the core carries; `insurup._errors` builds the exception from it."""

    @property
    def kind(self) -> str: ...
    @property
    def message(self) -> str: ...
    @property
    def status(self) -> int | None: ...
    @property
    def detail(self) -> str | None: ...
    @property
    def suggestions(self) -> list[str]: ...
    @property
    def codes(self) -> list[str]: ...
    @property
    def problem_type(self) -> str | None: ...
    @property
    def field(self) -> str | None: ...
    @property
    def trace_id(self) -> str | None: ...
    @property
    def request_id(self) -> str | None: ...
    @property
    def validation_errors(self) -> list[FieldError]: ...
    @property
    def retry_after(self) -> float | None: ...
    @property
    def proposal_id(self) -> str | None: ...
    @property
    def product_id(self) -> str | None: ...
    @property
    def graphql_errors_json(self) -> str: ...
    @property
    def partial_data_json(self) -> str | None: ...
    @property
    def may_have_reached_server(self) -> bool: ...
    @property
    def retryable(self) -> bool: ...

@final
class ListCursor:
    """A list's position in the core, behind the iterators of `insurup._lists`."""

    def next_batch(self) -> list[Any]:
        """The rows the core holds (fetching the next page when there are none), one page, or one update; empty at the end. Blocks with the GIL released."""
    def next_batch_async(self) -> Awaitable[list[Any]]:
        """`next_batch` as an asyncio future."""
    @property
    def resume_cursor(self) -> str | None:
        """Where a new list resumes once every row handed out so far is read."""

@final
class Completions:
    """The finished `AsyncClient` calls of one event loop, behind `insurup._async`."""

    @staticmethod
    def open(event_loop: asyncio.AbstractEventLoop) -> Completions:
        """A queue for `event_loop`, registered with it as a reader where the loop has readers."""
    @property
    def wake(self) -> str:
        """How the queue wakes its loop: "reader" or "call_soon_threadsafe"."""

@final
class PendingCall:
    """One `AsyncClient` call, started by `insurup._async.run` when first awaited."""

    def start(self, event_loop: asyncio.AbstractEventLoop, completions: Completions) -> asyncio.Future[Any]:
        """Starts the call on the runtime; returns the future of `event_loop` it resolves."""
    def cancel(self) -> None:
        """Drops the call if it still runs."""

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
class SignInRequest:
    """A user's OAuth sign-in waiting for the browser: open `authorization_url`; the callback
    carries `state` back. The PKCE verifier stays inside the client."""

    @property
    def authorization_url(self) -> str:
        """Where to send the user's browser."""
    @property
    def state(self) -> str:
        """The `state` the callback must carry back."""

@final
class FileTokenStore:
    """Keeps tokens in a JSON file readable by its owner only, so a restarted process continues
    without logging in (or asking for a 2FA code) again."""

    def __new__(cls, path: str | os.PathLike[str] | None = None) -> FileTokenStore: ...
    @property
    def path(self) -> pathlib.Path:
        """The file's path."""

@final
class MemoryTokenStore:
    """Keeps tokens in memory (the default)."""

    def __new__(cls) -> MemoryTokenStore: ...

@final
class RedisFleet:
    """One Redis and one account, shared by worker processes on any number of machines: pass it as
    `fleet=` to every client of the account to share its session and purchase locks, and with
    `requests_per_second` the server's rate limit."""

    def __new__(cls, url: str, account: str, *, key_prefix: str | None = None, timeout: float | None = None, root_certificate: bytes | None = None, requests_per_second: float | None = None, burst: int | None = None, authentication_per_second: float | None = None) -> RedisFleet: ...
    @property
    def url(self) -> str:
        """The Redis address without its password."""
    @property
    def account(self) -> str:
        """The account whose state the fleet shares."""

@final
class RedisTokenStore:
    """The session of one account shared through Redis by every client given it, in any number of
    processes: one login, one refresh per token generation."""

    def __new__(cls, url: str, account: str, *, key_prefix: str | None = None, timeout: float | None = None, root_certificate: bytes | None = None, single_worker_fallback: bool = False, wait_for_renewal: float | None = None) -> RedisTokenStore: ...
    @staticmethod
    def in_fleet(fleet: RedisFleet, *, single_worker_fallback: bool = False, wait_for_renewal: float | None = None) -> RedisTokenStore:
        """The session of the fleet's account, on the fleet's connection."""
    @property
    def fleet(self) -> RedisFleet:
        """The fleet (Redis and account) this store belongs to."""

@final
class RedisRateBudget:
    """A rate budget in Redis for every client of the fleet's account: pass it as `rate_budget=`."""

    def __new__(cls, fleet: RedisFleet, requests_per_second: float, *, burst: int | None = None, authentication: float | None = None) -> RedisRateBudget: ...

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

    def __new__(cls, capacity: int | None = None) -> DeliveryDeduplicator: ...
    def first_time(self, delivery_id: str, body: Union[bytes, None] = None) -> bool:
        """True the first time a delivery is offered, false for every repeat still remembered.
        Pass the raw `body` too: then a signed body replayed under a new delivery id is also a
        repeat, and replays cannot push real ids out of memory."""
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
    @property
    def updated_at(self) -> str | None:
        """When it was last renamed or moved."""
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
    @property
    def case_sub_type(self) -> str | None:
        """What kind of sale, cancellation, endorsement or complaint it is."""
    @property
    def customer_type(self) -> str | None:
        """Individual, company or foreign."""
    @property
    def created_by(self) -> UserReference | None:
        """Who opened it."""
    @property
    def represented_by(self) -> UserReference | None:
        """The agent user handling it."""
    @property
    def policy_id(self) -> str | None:
        """The policy a cancellation or endorsement is about."""
    @property
    def source_case_id(self) -> str | None:
        """The case this one was opened from (a cross-sale's source)."""
    @property
    def source_case_ref(self) -> str | None:
        """Reference of that case."""
    @property
    def policy_end_date(self) -> str | None:
        """End date of the policy the case is about, `YYYY-MM-DD`."""
    @property
    def notes(self) -> builtins.list[CaseNote]:
        """Notes, oldest first."""
    @property
    def priority(self) -> CasePriority | None:
        """The priority the agency's rules gave the case."""
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
    @property
    def search_score(self) -> float | None:
        """How well the row matched a search (set only for lists filtered with a search clause)."""
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
    @property
    def marital_status(self) -> str | None:
        """Marital status (individuals and foreigners)."""
    @property
    def nationality(self) -> str | None:
        """Nationality (individuals and foreigners)."""
    @property
    def education_status(self) -> str | None:
        """Highest education (individuals and foreigners)."""
    @property
    def job(self) -> str | None:
        """Occupation (individuals and foreigners)."""
    @property
    def passport_number(self) -> str | None:
        """Passport number (individuals and foreigners)."""
    @property
    def father_name(self) -> str | None:
        """Father's name (foreigners)."""
    @property
    def created_by(self) -> UserReference | None:
        """Who created the customer."""
    @property
    def represented_by(self) -> UserReference | None:
        """The agent user who looks after the customer."""
    @property
    def creation_channel(self) -> str | None:
        """Where the customer came from."""
    @property
    def consents(self) -> builtins.list[CustomerConsent]:
        """Whether each consent (KVKK, ETK) is in force."""
    @property
    def email_count(self) -> int:
        """Number of e-mail addresses."""
    @property
    def phone_count(self) -> int:
        """Number of phone numbers."""
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
    @property
    def search_score(self) -> float | None:
        """How well the row matched a search (set only for lists filtered with a search clause)."""
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
    @staticmethod
    def parse(serial: str) -> DocumentSerial:
        """A serial as people write it (`AB123456`, `AB 123456`, `ab-123456`), checked; a bad one raises `ValidationError`."""
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
    @property
    def channel(self) -> str | None:
        """Sales channel."""
    @property
    def created_by(self) -> UserReference | None:
        """Who created it."""
    @property
    def represented_by(self) -> UserReference | None:
        """The agent user looking after it."""
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
    @property
    def search_score(self) -> float | None:
        """How well the row matched a search (set only for lists filtered with a search clause)."""
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
    def premium(self, installments: int | None = None) -> Premium | None:
        """The premium for `installments` (None: one payment, cash), if the insurer offers
        that plan."""
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
    def address(self) -> PropertyAddress | None:
        """The address of its UAVT number, level by level (or as one line from older servers)."""
    @property
    def created_at(self) -> str | None:
        """When it was added (RFC 3339)."""
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
    def cheapest_product(self, installments: int | None = None) -> Product | None:
        """The cheapest product that can be bought with `installments` (None: one payment,
        cash)."""
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
    @property
    def search_score(self) -> float | None:
        """How well the row matched a search (set only for lists filtered with a search clause)."""
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
    def get(self, case_ref: str) -> Case:
        """A case by id or by reference (`SF-2026-001234`)."""
    def find_open_sale_opportunity(self, *, customer_id: str, product_branch: str) -> Case | None:
        """The customer's newest open sale opportunity for the branch, or None."""
    def ensure_sale_opportunity(self, *, customer_id: str, product_branch: str, channel: str | None = None) -> Case:
        """The customer's open sale opportunity for the branch, opened now if there is none. Concurrent calls through one client never open two."""
    def create_cross_sale_opportunity(self, *, source_case_id: str, customer_id: str, product_branch: str, channel: str | None = None, asset_type: str | None = None, asset_id: str | None = None) -> Case:
        """Opens a cross-sale opportunity (a new branch for a customer who holds a policy)."""
    def create_cancel(self, *, policy_id: str, sub_type: str, channel: str | None = None) -> Case:
        """Opens a cancellation case for a policy."""
    def create_endorsement(self, *, policy_id: str, sub_type: str, channel: str | None = None) -> Case:
        """Opens an endorsement case for a policy."""
    def create_complaint(self, *, customer_id: str, sub_type: str, channel: str | None = None, product_branch: str | None = None, asset_type: str | None = None, asset_id: str | None = None) -> Case:
        """Opens a complaint case."""
    def set_representative(self, case_ref: str, agent_user_id: str | None) -> None:
        """Assigns the agent user working the case; None clears it."""
    def add_note(self, case_ref: str, note: str) -> None:
        """Adds a note to the case."""
    def set_channel(self, case_ref: str, channel: str) -> None:
        """Changes the channel the case came through."""
    def set_state(self, case_ref: str, main_state: str, sub_state: str, *, note: str | None = None) -> None:
        """Moves the case to another state, with an optional note."""
    def set_asset(self, case_ref: str, asset_type: str, asset_id: str) -> None:
        """Attaches the vehicle or property the case is about."""
    def set_branch(self, case_ref: str, agent_branch_id: str | None) -> None:
        """Assigns the case to an agency branch; None clears it."""
    def activities(self, case_ref: str) -> builtins.list[CaseActivity]:
        """What happened on the case, oldest first."""
    def proposals(self, case_ref: str) -> builtins.list[CaseProposal]:
        """The proposals made for the case."""
    def policies(self, case_ref: str) -> builtins.list[CasePolicy]:
        """The policies the case produced or concerns."""

@final
class AsyncCases:
    """Cases: the CRM record of a sale opportunity."""

    async def create_sale_opportunity(self, *, customer_id: str, product_branch: str, channel: str | None = None, asset_type: str | None = None, asset_id: str | None = None, agent_branch_id: str | None = None) -> Case:
        """Opens a sale opportunity and returns the case. Never sent twice; see `ensure_sale_opportunity` for the duplicate-safe flow."""
    async def get(self, case_ref: str) -> Case:
        """A case by id or by reference (`SF-2026-001234`)."""
    async def find_open_sale_opportunity(self, *, customer_id: str, product_branch: str) -> Case | None:
        """The customer's newest open sale opportunity for the branch, or None."""
    async def ensure_sale_opportunity(self, *, customer_id: str, product_branch: str, channel: str | None = None) -> Case:
        """The customer's open sale opportunity for the branch, opened now if there is none. Concurrent calls through one client never open two."""
    async def create_cross_sale_opportunity(self, *, source_case_id: str, customer_id: str, product_branch: str, channel: str | None = None, asset_type: str | None = None, asset_id: str | None = None) -> Case:
        """Opens a cross-sale opportunity (a new branch for a customer who holds a policy)."""
    async def create_cancel(self, *, policy_id: str, sub_type: str, channel: str | None = None) -> Case:
        """Opens a cancellation case for a policy."""
    async def create_endorsement(self, *, policy_id: str, sub_type: str, channel: str | None = None) -> Case:
        """Opens an endorsement case for a policy."""
    async def create_complaint(self, *, customer_id: str, sub_type: str, channel: str | None = None, product_branch: str | None = None, asset_type: str | None = None, asset_id: str | None = None) -> Case:
        """Opens a complaint case."""
    async def set_representative(self, case_ref: str, agent_user_id: str | None) -> None:
        """Assigns the agent user working the case; None clears it."""
    async def add_note(self, case_ref: str, note: str) -> None:
        """Adds a note to the case."""
    async def set_channel(self, case_ref: str, channel: str) -> None:
        """Changes the channel the case came through."""
    async def set_state(self, case_ref: str, main_state: str, sub_state: str, *, note: str | None = None) -> None:
        """Moves the case to another state, with an optional note."""
    async def set_asset(self, case_ref: str, asset_type: str, asset_id: str) -> None:
        """Attaches the vehicle or property the case is about."""
    async def set_branch(self, case_ref: str, agent_branch_id: str | None) -> None:
        """Assigns the case to an agency branch; None clears it."""
    async def activities(self, case_ref: str) -> builtins.list[CaseActivity]:
        """What happened on the case, oldest first."""
    async def proposals(self, case_ref: str) -> builtins.list[CaseProposal]:
        """The proposals made for the case."""
    async def policies(self, case_ref: str) -> builtins.list[CasePolicy]:
        """The policies the case produced or concerns."""

@final
class Customers:
    """Customers: individuals (TCKN), companies (VKN) and foreign nationals."""

    def create(self, *, identity_number: str, title: str | None = None, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates the customer an identity number names: a 10-digit VKN is a company (named `title`), a number starting with 99 a foreign national (born on `birth_date`), any other an individual (TCKN). Never sent twice; see `ensure`."""
    def create_individual(self, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates an individual (TCKN) customer and returns it. Never sent twice."""
    def create_company(self, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates a company (VKN) customer and returns it."""
    def create_foreign(self, *, identity_number: str, birth_date: str, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates a foreign customer and returns it."""
    def ensure(self, *, identity_number: str, title: str | None = None, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's customer with this identity or tax number (its kind as for `create`), created first if there is none. Safe to call again after any failure."""
    def ensure_individual(self, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's individual customer with this TCKN, created first if there is none."""
    def ensure_company(self, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's company customer with this VKN, created first if there is none."""
    def ensure_foreign(self, *, identity_number: str, birth_date: str, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's foreign customer with this identity number, created first if there is none."""
    def get(self, customer_id: str) -> Customer:
        """A customer by id, or by TCKN/VKN."""
    def update_individual(self, customer_id: str, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> None:
        """Replaces an individual customer's details."""
    def update_company(self, customer_id: str, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> None:
        """Replaces a company customer's details."""
    def update_foreign(self, customer_id: str, *, identity_number: str, birth_date: str, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> None:
        """Replaces a foreign customer's details."""
    def delete(self, customer_id: str) -> None:
        """Deletes a customer."""
    def lookup_individual(self, identity_number: str, *, birth_date: str | None = None) -> CustomerLookup:
        """What the population registry knows about an individual."""
    def emails(self, customer_id: str) -> builtins.list[CustomerEmailAddress]:
        """Every e-mail address of a customer, the primary one marked."""
    def add_email(self, customer_id: str, email: str) -> None:
        """Adds an e-mail address; a customer's first address becomes the primary one."""
    def remove_email(self, customer_id: str, email: str) -> None:
        """Removes an e-mail address (not the primary one)."""
    def make_email_primary(self, customer_id: str, email: str) -> None:
        """Makes one of the customer's e-mail addresses the primary one."""
    def primary_email(self, customer_id: str) -> str:
        """The customer's primary e-mail address."""
    def set_primary_email(self, customer_id: str, email: str) -> None:
        """Makes `email` the primary address, adding it first if the customer lacks it."""
    def phone_numbers(self, customer_id: str) -> builtins.list[CustomerPhone]:
        """Every phone number of a customer, the primary one marked."""
    def add_phone_number(self, customer_id: str, phone_number: str) -> None:
        """Adds a Turkish phone number (`5321234567`, `+90 532 …`)."""
    def remove_phone_number(self, customer_id: str, phone_number: str) -> None:
        """Removes a phone number (not the primary one)."""
    def make_phone_number_primary(self, customer_id: str, phone_number: str) -> None:
        """Makes one of the customer's phone numbers the primary one."""
    def primary_phone_number(self, customer_id: str) -> PhoneNumber:
        """The customer's primary phone number."""
    def set_primary_phone_number(self, customer_id: str, phone_number: str) -> None:
        """Makes `phone_number` the primary number, adding it first if the customer lacks it."""
    def addresses(self, customer_id: str) -> builtins.list[CustomerAddress]:
        """Every address of a customer."""
    def address(self, customer_id: str, address_id: str) -> CustomerAddress:
        """One address of a customer."""
    def add_address(self, customer_id: str, property_number: int, address_type: str) -> CustomerAddress:
        """Adds the address a UAVT number names."""
    def update_address(self, customer_id: str, address_id: str, address_type: str) -> CustomerAddress:
        """Changes the type of one of the customer's addresses."""
    def remove_address(self, customer_id: str, address_id: str) -> None:
        """Removes one of the customer's addresses."""
    def set_representative(self, customer_id: str, agent_user_id: str | None) -> None:
        """Assigns the agent user looking after the customer; None clears it."""
    def set_branch(self, customer_id: str, agent_branch_id: str | None) -> None:
        """Assigns the customer to an agency branch; None clears it."""
    def consents(self, customer_id: str) -> CustomerConsents:
        """The customer's KVKK and ETK consents with their history."""
    def give_consent(self, customer_id: str, consent_type: str, channel: str) -> None:
        """Records a consent the customer gave, and through which channel."""
    def revoke_consent(self, customer_id: str, consent_type: str) -> None:
        """Records that the customer revoked a consent."""
    def contacts(self, customer_id: str, *, case_ref: str | None = None) -> builtins.list[CustomerContact]:
        """The calls and contacts with the customer, of one case when `case_ref` is given."""
    def add_contact(self, customer_id: str) -> None:
        """Starts a contact (a call) with the customer."""

@final
class AsyncCustomers:
    """Customers: individuals (TCKN), companies (VKN) and foreign nationals."""

    async def create(self, *, identity_number: str, title: str | None = None, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates the customer an identity number names: a 10-digit VKN is a company (named `title`), a number starting with 99 a foreign national (born on `birth_date`), any other an individual (TCKN). Never sent twice; see `ensure`."""
    async def create_individual(self, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates an individual (TCKN) customer and returns it. Never sent twice."""
    async def create_company(self, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates a company (VKN) customer and returns it."""
    async def create_foreign(self, *, identity_number: str, birth_date: str, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """Creates a foreign customer and returns it."""
    async def ensure(self, *, identity_number: str, title: str | None = None, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's customer with this identity or tax number (its kind as for `create`), created first if there is none. Safe to call again after any failure."""
    async def ensure_individual(self, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's individual customer with this TCKN, created first if there is none."""
    async def ensure_company(self, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's company customer with this VKN, created first if there is none."""
    async def ensure_foreign(self, *, identity_number: str, birth_date: str, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> Customer:
        """The agency's foreign customer with this identity number, created first if there is none."""
    async def get(self, customer_id: str) -> Customer:
        """A customer by id, or by TCKN/VKN."""
    async def update_individual(self, customer_id: str, *, identity_number: str, birth_date: str | None = None, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, gender: str | None = None, agent_branch_id: str | None = None) -> None:
        """Replaces an individual customer's details."""
    async def update_company(self, customer_id: str, *, tax_number: str, title: str, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> None:
        """Replaces a company customer's details."""
    async def update_foreign(self, customer_id: str, *, identity_number: str, birth_date: str, full_name: str | None = None, email: str | None = None, phone_number: str | None = None, agent_branch_id: str | None = None) -> None:
        """Replaces a foreign customer's details."""
    async def delete(self, customer_id: str) -> None:
        """Deletes a customer."""
    async def lookup_individual(self, identity_number: str, *, birth_date: str | None = None) -> CustomerLookup:
        """What the population registry knows about an individual."""
    async def emails(self, customer_id: str) -> builtins.list[CustomerEmailAddress]:
        """Every e-mail address of a customer, the primary one marked."""
    async def add_email(self, customer_id: str, email: str) -> None:
        """Adds an e-mail address; a customer's first address becomes the primary one."""
    async def remove_email(self, customer_id: str, email: str) -> None:
        """Removes an e-mail address (not the primary one)."""
    async def make_email_primary(self, customer_id: str, email: str) -> None:
        """Makes one of the customer's e-mail addresses the primary one."""
    async def primary_email(self, customer_id: str) -> str:
        """The customer's primary e-mail address."""
    async def set_primary_email(self, customer_id: str, email: str) -> None:
        """Makes `email` the primary address, adding it first if the customer lacks it."""
    async def phone_numbers(self, customer_id: str) -> builtins.list[CustomerPhone]:
        """Every phone number of a customer, the primary one marked."""
    async def add_phone_number(self, customer_id: str, phone_number: str) -> None:
        """Adds a Turkish phone number (`5321234567`, `+90 532 …`)."""
    async def remove_phone_number(self, customer_id: str, phone_number: str) -> None:
        """Removes a phone number (not the primary one)."""
    async def make_phone_number_primary(self, customer_id: str, phone_number: str) -> None:
        """Makes one of the customer's phone numbers the primary one."""
    async def primary_phone_number(self, customer_id: str) -> PhoneNumber:
        """The customer's primary phone number."""
    async def set_primary_phone_number(self, customer_id: str, phone_number: str) -> None:
        """Makes `phone_number` the primary number, adding it first if the customer lacks it."""
    async def addresses(self, customer_id: str) -> builtins.list[CustomerAddress]:
        """Every address of a customer."""
    async def address(self, customer_id: str, address_id: str) -> CustomerAddress:
        """One address of a customer."""
    async def add_address(self, customer_id: str, property_number: int, address_type: str) -> CustomerAddress:
        """Adds the address a UAVT number names."""
    async def update_address(self, customer_id: str, address_id: str, address_type: str) -> CustomerAddress:
        """Changes the type of one of the customer's addresses."""
    async def remove_address(self, customer_id: str, address_id: str) -> None:
        """Removes one of the customer's addresses."""
    async def set_representative(self, customer_id: str, agent_user_id: str | None) -> None:
        """Assigns the agent user looking after the customer; None clears it."""
    async def set_branch(self, customer_id: str, agent_branch_id: str | None) -> None:
        """Assigns the customer to an agency branch; None clears it."""
    async def consents(self, customer_id: str) -> CustomerConsents:
        """The customer's KVKK and ETK consents with their history."""
    async def give_consent(self, customer_id: str, consent_type: str, channel: str) -> None:
        """Records a consent the customer gave, and through which channel."""
    async def revoke_consent(self, customer_id: str, consent_type: str) -> None:
        """Records that the customer revoked a consent."""
    async def contacts(self, customer_id: str, *, case_ref: str | None = None) -> builtins.list[CustomerContact]:
        """The calls and contacts with the customer, of one case when `case_ref` is given."""
    async def add_contact(self, customer_id: str) -> None:
        """Starts a contact (a call) with the customer."""

@final
class Policies:
    """Policies."""

    def get(self, policy_id: str) -> Policy:
        """A policy."""
    def document(self, policy_id: str) -> Document:
        """The policy document (a short-lived PDF URL)."""
    def send_document(self, policy_id: str, *, email: str | None = None) -> None:
        """E-mails the policy document to the customer, or to `email` when given."""
    def set_representative(self, policy_id: str, agent_user_id: str | None) -> None:
        """Assigns the agent user looking after the policy; None clears it."""
    def set_branch(self, policy_id: str, agent_branch_id: str) -> None:
        """Assigns the policy to an agency branch."""
    def create_manual(self, *, policy_number: str, insurance_company_id: int, product_branch: str, customer_id: str, start_date: str, end_date: str, premium: float | None = None) -> Policy:
        """Records a policy bought elsewhere and returns it."""
    def update_manual(self, policy_id: str, *, policy_number: str, insurance_company_id: int, product_branch: str, customer_id: str, start_date: str, end_date: str, premium: float | None = None) -> Policy:
        """Replaces the details of a policy recorded by hand."""
    def create_transfer(self, start_date: str, end_date: str) -> PolicyTransfer:
        """Starts a transfer of the policies issued between two dates (`YYYY-MM-DD`)."""
    def transfer(self, transfer_id: str) -> PolicyTransfer:
        """A transfer by id."""
    def trigger_transfer(self, transfer_id: str) -> None:
        """Runs a transfer again."""
    def transfer_run(self, transfer_id: str, run_id: str) -> PolicyTransferRun:
        """One run of a transfer."""

@final
class AsyncPolicies:
    """Policies."""

    async def get(self, policy_id: str) -> Policy:
        """A policy."""
    async def document(self, policy_id: str) -> Document:
        """The policy document (a short-lived PDF URL)."""
    async def send_document(self, policy_id: str, *, email: str | None = None) -> None:
        """E-mails the policy document to the customer, or to `email` when given."""
    async def set_representative(self, policy_id: str, agent_user_id: str | None) -> None:
        """Assigns the agent user looking after the policy; None clears it."""
    async def set_branch(self, policy_id: str, agent_branch_id: str) -> None:
        """Assigns the policy to an agency branch."""
    async def create_manual(self, *, policy_number: str, insurance_company_id: int, product_branch: str, customer_id: str, start_date: str, end_date: str, premium: float | None = None) -> Policy:
        """Records a policy bought elsewhere and returns it."""
    async def update_manual(self, policy_id: str, *, policy_number: str, insurance_company_id: int, product_branch: str, customer_id: str, start_date: str, end_date: str, premium: float | None = None) -> Policy:
        """Replaces the details of a policy recorded by hand."""
    async def create_transfer(self, start_date: str, end_date: str) -> PolicyTransfer:
        """Starts a transfer of the policies issued between two dates (`YYYY-MM-DD`)."""
    async def transfer(self, transfer_id: str) -> PolicyTransfer:
        """A transfer by id."""
    async def trigger_transfer(self, transfer_id: str) -> None:
        """Runs a transfer again."""
    async def transfer_run(self, transfer_id: str, run_id: str) -> PolicyTransferRun:
        """One run of a transfer."""

@final
class Properties:
    """Properties (homes, workplaces) of customers, for DASK and konut."""

    def create(self, customer_id: str, *, property_number: int, square_meter: int, construction_year: int, utilization_style: str | None = None, ownership_type: str | None = None, floor: int | None = None) -> Property:
        """Adds a property to a customer and returns it."""
    def get(self, customer_id: str, property_id: str) -> Property:
        """A property of a customer."""
    def list(self, customer_id: str) -> builtins.list[Property]:
        """Every property of a customer."""
    def update(self, customer_id: str, property_id: str, *, property_number: int, square_meter: int, construction_year: int, utilization_style: str | None = None, ownership_type: str | None = None, floor: int | None = None) -> Property:
        """Replaces a property's details and returns it."""
    def delete(self, customer_id: str, property_id: str) -> None:
        """Removes a property of a customer."""
    def lookup_dask_policy(self, dask_policy_number: int) -> DaskPropertyLookup:
        """What a previous DASK policy says about the property it insured."""

@final
class AsyncProperties:
    """Properties (homes, workplaces) of customers, for DASK and konut."""

    async def create(self, customer_id: str, *, property_number: int, square_meter: int, construction_year: int, utilization_style: str | None = None, ownership_type: str | None = None, floor: int | None = None) -> Property:
        """Adds a property to a customer and returns it."""
    async def get(self, customer_id: str, property_id: str) -> Property:
        """A property of a customer."""
    async def list(self, customer_id: str) -> builtins.list[Property]:
        """Every property of a customer."""
    async def update(self, customer_id: str, property_id: str, *, property_number: int, square_meter: int, construction_year: int, utilization_style: str | None = None, ownership_type: str | None = None, floor: int | None = None) -> Property:
        """Replaces a property's details and returns it."""
    async def delete(self, customer_id: str, property_id: str) -> None:
        """Removes a property of a customer."""
    async def lookup_dask_policy(self, dask_policy_number: int) -> DaskPropertyLookup:
        """What a previous DASK policy says about the property it insured."""

@final
class Proposals:
    """Proposals: one quote request answered by many insurers, each answer a product."""

    def create(self, *, product_branch: str, insurer_customer_id: str, insured_customer_id: str | None = None, vehicle_id: str | None = None, property_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a proposal from every insurer and returns it at once; products arrive over the next seconds (see `wait` and `watch`). Never sent twice. `create_kasko` and its siblings name the branch for you."""
    def create_kasko(self, *, customer_id: str, vehicle_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a kasko proposal for a customer's vehicle."""
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
    def wait(self, proposal_id: str, *, timeout: float | None = None, poll_interval: float | None = None, max_poll_interval: float | None = None) -> Proposal:
        """Waits until every insurer has answered and returns the proposal. At the deadline (`timeout` seconds, 90 by default) it returns what has arrived if a product can be bought, and raises `TimeoutError` otherwise. It looks every `poll_interval` seconds (0.5), half as long again each time, up to `max_poll_interval` (4)."""
    def premium_detail(self, proposal_id: str, product_id: str, *, installments: int | None = None) -> PremiumDetail:
        """Insurer-side references of one premium."""
    def coverage(self, proposal_id: str, product_id: str) -> Any:
        """The coverage table of a product, as a dict (its shape differs per branch and insurer)."""
    def document(self, proposal_id: str, product_id: str) -> Document:
        """The proposal document (a short-lived PDF URL) of a product."""
    def information_form(self, proposal_id: str, product_id: str) -> Document:
        """The pre-sale information form (a short-lived PDF URL) of a product."""
    def retry_product(self, proposal_id: str, product_id: str) -> None:
        """Asks a failed insurer again; the product goes back to waiting."""
    def watch(self, proposal_id: str, *, timeout: float | None = None, poll_interval: float | None = None, max_poll_interval: float | None = None) -> ProposalWatch:
        """Watches a proposal: each update brings the products that arrived since the previous one, until every insurer has answered or the wait (as for `wait`) ends."""
    def revise(self, proposal_id: str, coverage_group_ids: builtins.list[str]) -> Proposal:
        """Asks every insurer again with other coverage groups; returns the revised proposal."""
    def revise_product(self, proposal_id: str, product_id: str, *, coverage_group_id: str | None = None, coverage: Any | None = None) -> None:
        """Asks one insurer again, with another coverage group or a coverage (a dict)."""
    def send_document(self, proposal_id: str, product_id: str, customer_id: str, *, email: str | None = None, phone_number: str | None = None) -> None:
        """Sends a product's proposal document to the customer by e-mail or SMS."""
    def send_information_form(self, proposal_id: str, product_id: str, customer_id: str, *, email: str | None = None, phone_number: str | None = None) -> None:
        """Sends a product's information form to the customer by e-mail or SMS."""
    def compare_pdf(self, proposal_id: str, product_ids: builtins.list[str], *, excluded_coverage_fields: builtins.list[str] | None = None) -> Document:
        """A PDF comparing products side by side, without the coverage fields named."""
    def send_compare_pdf(self, proposal_id: str, product_ids: builtins.list[str], excluded_coverage_fields: builtins.list[str], customer_id: str, *, email: str | None = None, phone_number: str | None = None) -> None:
        """Sends the comparison PDF to the customer by e-mail or SMS. `excluded_coverage_fields` may be empty."""
    def snapshot(self, proposal_id: str) -> Any:
        """The proposal as the insurers saw it when they answered, as a dict."""
    def proposal_coverage(self, proposal_id: str) -> Any:
        """The coverage the proposal asked for, as a dict."""
    def set_representative(self, proposal_id: str, agent_user_id: str | None) -> None:
        """Assigns the agent user looking after the proposal; None clears it."""
    def set_branch(self, proposal_id: str, agent_branch_id: str | None) -> None:
        """Assigns the proposal to an agency branch; None clears it."""

@final
class AsyncProposals:
    """Proposals: one quote request answered by many insurers, each answer a product."""

    async def create(self, *, product_branch: str, insurer_customer_id: str, insured_customer_id: str | None = None, vehicle_id: str | None = None, property_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a proposal from every insurer and returns it at once; products arrive over the next seconds (see `wait` and `watch`). Never sent twice. `create_kasko` and its siblings name the branch for you."""
    async def create_kasko(self, *, customer_id: str, vehicle_id: str, insured_customer_id: str | None = None, coverage_group_ids: builtins.list[str] | None = None, channel: str | None = None, agent_branch_id: str | None = None, policy_start_date: str | None = None) -> Proposal:
        """Requests a kasko proposal for a customer's vehicle."""
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
    async def wait(self, proposal_id: str, *, timeout: float | None = None, poll_interval: float | None = None, max_poll_interval: float | None = None) -> Proposal:
        """Waits until every insurer has answered and returns the proposal. At the deadline (`timeout` seconds, 90 by default) it returns what has arrived if a product can be bought, and raises `TimeoutError` otherwise. It looks every `poll_interval` seconds (0.5), half as long again each time, up to `max_poll_interval` (4)."""
    async def premium_detail(self, proposal_id: str, product_id: str, *, installments: int | None = None) -> PremiumDetail:
        """Insurer-side references of one premium."""
    async def coverage(self, proposal_id: str, product_id: str) -> Any:
        """The coverage table of a product, as a dict (its shape differs per branch and insurer)."""
    async def document(self, proposal_id: str, product_id: str) -> Document:
        """The proposal document (a short-lived PDF URL) of a product."""
    async def information_form(self, proposal_id: str, product_id: str) -> Document:
        """The pre-sale information form (a short-lived PDF URL) of a product."""
    async def retry_product(self, proposal_id: str, product_id: str) -> None:
        """Asks a failed insurer again; the product goes back to waiting."""
    def watch(self, proposal_id: str, *, timeout: float | None = None, poll_interval: float | None = None, max_poll_interval: float | None = None) -> AsyncProposalWatch:
        """Watches a proposal: each update brings the products that arrived since the previous one, until every insurer has answered or the wait (as for `wait`) ends."""
    async def revise(self, proposal_id: str, coverage_group_ids: builtins.list[str]) -> Proposal:
        """Asks every insurer again with other coverage groups; returns the revised proposal."""
    async def revise_product(self, proposal_id: str, product_id: str, *, coverage_group_id: str | None = None, coverage: Any | None = None) -> None:
        """Asks one insurer again, with another coverage group or a coverage (a dict)."""
    async def send_document(self, proposal_id: str, product_id: str, customer_id: str, *, email: str | None = None, phone_number: str | None = None) -> None:
        """Sends a product's proposal document to the customer by e-mail or SMS."""
    async def send_information_form(self, proposal_id: str, product_id: str, customer_id: str, *, email: str | None = None, phone_number: str | None = None) -> None:
        """Sends a product's information form to the customer by e-mail or SMS."""
    async def compare_pdf(self, proposal_id: str, product_ids: builtins.list[str], *, excluded_coverage_fields: builtins.list[str] | None = None) -> Document:
        """A PDF comparing products side by side, without the coverage fields named."""
    async def send_compare_pdf(self, proposal_id: str, product_ids: builtins.list[str], excluded_coverage_fields: builtins.list[str], customer_id: str, *, email: str | None = None, phone_number: str | None = None) -> None:
        """Sends the comparison PDF to the customer by e-mail or SMS. `excluded_coverage_fields` may be empty."""
    async def snapshot(self, proposal_id: str) -> Any:
        """The proposal as the insurers saw it when they answered, as a dict."""
    async def proposal_coverage(self, proposal_id: str) -> Any:
        """The coverage the proposal asked for, as a dict."""
    async def set_representative(self, proposal_id: str, agent_user_id: str | None) -> None:
        """Assigns the agent user looking after the proposal; None clears it."""
    async def set_branch(self, proposal_id: str, agent_branch_id: str | None) -> None:
        """Assigns the proposal to an agency branch; None clears it."""

@final
class Purchases:
    """Buying products. A purchase is never sent twice: when its answer is lost, the product is read back, and an unclear outcome raises `PurchaseOutcomeUnknownError`."""

    def credit_card(self, proposal_id: str, product_id: str, *, card: Card, installments: int | None = None, metadata: Mapping[str, Any] | None = None) -> Purchase:
        """Buys a product with a card in `installments` (None: one payment, cash) and returns the policy. `metadata` (a dict: campaign information, tags) is sent along as given."""
    def open_account(self, proposal_id: str, product_id: str, *, installments: int | None = None, metadata: Mapping[str, Any] | None = None) -> Purchase:
        """Buys a product on open account (corporate customers); `metadata` as for `credit_card`."""
    def start_3d_secure(self, proposal_id: str, product_id: str, *, card: Card, callback_url: str, installments: int | None = None) -> PurchaseRedirect:
        """Starts a 3-D Secure purchase; send the customer's browser to the returned URL."""

@final
class AsyncPurchases:
    """Buying products. A purchase is never sent twice: when its answer is lost, the product is read back, and an unclear outcome raises `PurchaseOutcomeUnknownError`."""

    async def credit_card(self, proposal_id: str, product_id: str, *, card: Card, installments: int | None = None, metadata: Mapping[str, Any] | None = None) -> Purchase:
        """Buys a product with a card in `installments` (None: one payment, cash) and returns the policy. `metadata` (a dict: campaign information, tags) is sent along as given."""
    async def open_account(self, proposal_id: str, product_id: str, *, installments: int | None = None, metadata: Mapping[str, Any] | None = None) -> Purchase:
        """Buys a product on open account (corporate customers); `metadata` as for `credit_card`."""
    async def start_3d_secure(self, proposal_id: str, product_id: str, *, card: Card, callback_url: str, installments: int | None = None) -> PurchaseRedirect:
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
    def ensure(self, customer_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None, model_year: int | None = None, brand_reference: str | None = None, model_type_reference: str | None = None, utilization_style: str | None = None, fuel: str | None = None, engine_number: str | None = None, chassis_number: str | None = None, registration_date: str | None = None, seat_number: int | None = None) -> Vehicle:
        """The customer's vehicle with this plate, added first (as `create` does) if the customer has none: quoting the same vehicle again never adds it twice."""
    def get(self, customer_id: str, vehicle_id: str) -> Vehicle:
        """A vehicle of a customer."""
    def list(self, customer_id: str) -> builtins.list[Vehicle]:
        """Every vehicle of a customer."""
    def delete(self, customer_id: str, vehicle_id: str) -> None:
        """Deletes a vehicle."""
    def lookup(self, customer_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None) -> VehicleLookup:
        """What the vehicle registry (tramer) knows about a plate."""
    def update(self, customer_id: str, vehicle_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None, model_year: int | None = None, brand_reference: str | None = None, model_type_reference: str | None = None, utilization_style: str | None = None, fuel: str | None = None, engine_number: str | None = None, chassis_number: str | None = None, registration_date: str | None = None, seat_number: int | None = None) -> Vehicle:
        """Replaces a vehicle's details and returns it."""
    def model_by_brand_code(self, brand_code: str) -> VehicleModel:
        """The vehicle model a brand code (kasko code) names."""

@final
class AsyncVehicles:
    """Vehicles of customers."""

    async def create(self, customer_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None, model_year: int | None = None, brand_reference: str | None = None, model_type_reference: str | None = None, utilization_style: str | None = None, fuel: str | None = None, engine_number: str | None = None, chassis_number: str | None = None, registration_date: str | None = None, seat_number: int | None = None) -> Vehicle:
        """Adds a vehicle to a customer and returns it. Brand, model and year left out are filled from the vehicle registry (tramer)."""
    async def ensure(self, customer_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None, model_year: int | None = None, brand_reference: str | None = None, model_type_reference: str | None = None, utilization_style: str | None = None, fuel: str | None = None, engine_number: str | None = None, chassis_number: str | None = None, registration_date: str | None = None, seat_number: int | None = None) -> Vehicle:
        """The customer's vehicle with this plate, added first (as `create` does) if the customer has none: quoting the same vehicle again never adds it twice."""
    async def get(self, customer_id: str, vehicle_id: str) -> Vehicle:
        """A vehicle of a customer."""
    async def list(self, customer_id: str) -> builtins.list[Vehicle]:
        """Every vehicle of a customer."""
    async def delete(self, customer_id: str, vehicle_id: str) -> None:
        """Deletes a vehicle."""
    async def lookup(self, customer_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None) -> VehicleLookup:
        """What the vehicle registry (tramer) knows about a plate."""
    async def update(self, customer_id: str, vehicle_id: str, *, plate: str, document_serial_code: str | None = None, document_serial_number: str | None = None, model_year: int | None = None, brand_reference: str | None = None, model_type_reference: str | None = None, utilization_style: str | None = None, fuel: str | None = None, engine_number: str | None = None, chassis_number: str | None = None, registration_date: str | None = None, seat_number: int | None = None) -> Vehicle:
        """Replaces a vehicle's details and returns it."""
    async def model_by_brand_code(self, brand_code: str) -> VehicleModel:
        """The vehicle model a brand code (kasko code) names."""

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

@final
class Graphql:
    """GraphQL lists of customers, proposals, policies and cases, and raw queries."""

    def execute(self, query: str, variables: Mapping[str, Any] | None = None) -> Any:
        """Runs any GraphQL query and returns its `data` as a dict. GraphQL errors raise the same exception classes as REST errors, carrying `graphql_errors` and any `partial_data`."""
    def customers(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> RowIterator[CustomerRow]:
        """Every customer matching `filter` (a HotChocolate filter dict) in `order` (a dict such as `{"name": "ASC"}` or a list of them), fetched a page (`first` rows, 50 by default) at a time as the loop advances."""
    def customer_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> PageIterator[CustomerPage]:
        """The pages of the customer list, each with `items`, `total_count` and `page_info`."""
    def proposals(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> RowIterator[ProposalRow]:
        """Every proposal matching `filter` in `order`, fetched a page at a time."""
    def proposal_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> PageIterator[ProposalPage]:
        """The pages of the proposal list."""
    def policies(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> RowIterator[PolicyRow]:
        """Every policy matching `filter` in `order` (e.g. `{"grossPremium": "DESC"}`), fetched a page at a time."""
    def policy_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> PageIterator[PolicyPage]:
        """The pages of the policy list."""
    def cases(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> RowIterator[CaseRow]:
        """Every case matching `filter` in `order`, fetched a page at a time."""
    def case_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> PageIterator[CasePage]:
        """The pages of the case list."""
    def policies_expanded(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> RowIterator[ExpandedPolicyRow]:
        """Every policy with its customer, asset and insurer details (`policiesExpanded`), fetched a page at a time."""
    def policies_expanded_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> PageIterator[ExpandedPolicyPage]:
        """The pages of the expanded policy list."""
    def agent_users(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> RowIterator[AgentUserRow]:
        """Every user of the agency, fetched a page at a time."""
    def agent_user_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> PageIterator[AgentUserPage]:
        """The pages of the agency's users."""
    def policy_transfers(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> RowIterator[PolicyTransferRow]:
        """Every policy transfer, fetched a page at a time."""
    def policy_transfer_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> PageIterator[PolicyTransferPage]:
        """The pages of the policy transfers."""
    def webhook_deliveries(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> RowIterator[WebhookDeliveryRow]:
        """Every webhook delivery, fetched a page at a time."""
    def webhook_delivery_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> PageIterator[WebhookDeliveryPage]:
        """The pages of the webhook deliveries."""

@final
class AsyncGraphql:
    """GraphQL lists for asyncio: `async for` over rows or pages, and raw queries."""

    async def execute(self, query: str, variables: Mapping[str, Any] | None = None) -> Any:
        """Runs any GraphQL query and returns its `data` as a dict. GraphQL errors raise the same exception classes as REST errors, carrying `graphql_errors` and any `partial_data`."""
    def customers(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncRowIterator[CustomerRow]:
        """Every customer matching `filter` (a HotChocolate filter dict) in `order` (a dict such as `{"name": "ASC"}` or a list of them), fetched a page (`first` rows, 50 by default) at a time as the loop advances."""
    def customer_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncPageIterator[CustomerPage]:
        """The pages of the customer list, each with `items`, `total_count` and `page_info`."""
    def proposals(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncRowIterator[ProposalRow]:
        """Every proposal matching `filter` in `order`, fetched a page at a time."""
    def proposal_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncPageIterator[ProposalPage]:
        """The pages of the proposal list."""
    def policies(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncRowIterator[PolicyRow]:
        """Every policy matching `filter` in `order` (e.g. `{"grossPremium": "DESC"}`), fetched a page at a time."""
    def policy_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncPageIterator[PolicyPage]:
        """The pages of the policy list."""
    def cases(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncRowIterator[CaseRow]:
        """Every case matching `filter` in `order`, fetched a page at a time."""
    def case_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncPageIterator[CasePage]:
        """The pages of the case list."""

# --- clients ---
    def policies_expanded(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncRowIterator[ExpandedPolicyRow]:
        """Every policy with its customer, asset and insurer details (`policiesExpanded`), fetched a page at a time."""
    def policies_expanded_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncPageIterator[ExpandedPolicyPage]:
        """The pages of the expanded policy list."""
    def agent_users(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncRowIterator[AgentUserRow]:
        """Every user of the agency, fetched a page at a time."""
    def agent_user_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncPageIterator[AgentUserPage]:
        """The pages of the agency's users."""
    def policy_transfers(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncRowIterator[PolicyTransferRow]:
        """Every policy transfer, fetched a page at a time."""
    def policy_transfer_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncPageIterator[PolicyTransferPage]:
        """The pages of the policy transfers."""
    def webhook_deliveries(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncRowIterator[WebhookDeliveryRow]:
        """Every webhook delivery, fetched a page at a time."""
    def webhook_delivery_pages(self, *, first: int | None = None, after: str | None = None, last: int | None = None, before: str | None = None, order: _Order | None = None, filter: _Filter | None = None) -> AsyncPageIterator[WebhookDeliveryPage]:
        """The pages of the webhook deliveries."""

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
    addresses: Addresses
    agent_branches: AgentBranches
    def __new__(cls, *, base_url: str | None = None, auth_url: str | None = None, email: str | None = None, password: str | None = None, client_id: str | None = None, client_secret: str | None = None, access_token: str | None = None, redirect_uri: str | None = None, scopes: list[str] | None = None, agent_id: str | None = None, agent_branch_id: str | None = None, timeout: float | None = None, connect_timeout: float | None = None, max_retries: int | None = None, two_factor_timeout: float | None = None, purchase_confirmation_window: float | None = None, max_response_bytes: int | None = None, dialect: str | None = None, real_time: str | None = None, two_factor: _TwoFactor | None = None, token_store: FileTokenStore | MemoryTokenStore | RedisTokenStore | _TokenStore | None = None, fleet: RedisFleet | None = None, rate_budget: RedisRateBudget | None = None) -> Self: ...
    @classmethod
    def from_env(cls, *, base_url: str | None = None, auth_url: str | None = None, email: str | None = None, password: str | None = None, client_id: str | None = None, client_secret: str | None = None, access_token: str | None = None, redirect_uri: str | None = None, scopes: list[str] | None = None, agent_id: str | None = None, agent_branch_id: str | None = None, timeout: float | None = None, connect_timeout: float | None = None, max_retries: int | None = None, two_factor_timeout: float | None = None, purchase_confirmation_window: float | None = None, max_response_bytes: int | None = None, dialect: str | None = None, real_time: str | None = None, two_factor: _TwoFactor | None = None, token_store: FileTokenStore | MemoryTokenStore | RedisTokenStore | _TokenStore | None = None, fleet: RedisFleet | None = None, rate_budget: RedisRateBudget | None = None) -> Client:
        """A client configured from `INSURUP_*` environment variables; keyword arguments override them."""
    @property
    def base_url(self) -> str:
        """The API base URL."""
    @property
    def auth_url(self) -> str:
        """The OAuth server that issues service-account tokens."""
    @property
    def agent_id(self) -> str | None:
        """The agency id the client was configured with."""
    @property
    def agent_branch_id(self) -> str | None:
        """The branch the client produces for by default."""
    @property
    def dialect(self) -> str:
        """The API dialect requests are spelt in now (`vendor-sdk`, `guide` or `graphql-docs`): the one set with `dialect=`, else the one learned from the server."""
    @property
    def user_agent(self) -> str:
        """The `User-Agent` every request carries."""
    def sign_in(self) -> None:
        """Logs in now (or loads stored tokens) instead of on the first call."""
    def sign_out(self) -> None:
        """Forgets the session's tokens, here and in the token store; a user signed in through OAuth has its tokens revoked at the server first."""
    def start_sign_in(self) -> SignInRequest:
        """Starts a user's OAuth sign-in (`client_id` + `redirect_uri`): the URL to open in the user's browser, and the `state` its callback carries back."""
    def complete_sign_in(self, callback_url: str) -> None:
        """Completes the sign-in from the callback URL the browser was sent to."""
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
    addresses: AsyncAddresses
    agent_branches: AsyncAgentBranches
    def __new__(cls, *, base_url: str | None = None, auth_url: str | None = None, email: str | None = None, password: str | None = None, client_id: str | None = None, client_secret: str | None = None, access_token: str | None = None, redirect_uri: str | None = None, scopes: list[str] | None = None, agent_id: str | None = None, agent_branch_id: str | None = None, timeout: float | None = None, connect_timeout: float | None = None, max_retries: int | None = None, two_factor_timeout: float | None = None, purchase_confirmation_window: float | None = None, max_response_bytes: int | None = None, dialect: str | None = None, real_time: str | None = None, two_factor: _TwoFactor | None = None, token_store: FileTokenStore | MemoryTokenStore | RedisTokenStore | _TokenStore | None = None, fleet: RedisFleet | None = None, rate_budget: RedisRateBudget | None = None) -> Self: ...
    @classmethod
    def from_env(cls, *, base_url: str | None = None, auth_url: str | None = None, email: str | None = None, password: str | None = None, client_id: str | None = None, client_secret: str | None = None, access_token: str | None = None, redirect_uri: str | None = None, scopes: list[str] | None = None, agent_id: str | None = None, agent_branch_id: str | None = None, timeout: float | None = None, connect_timeout: float | None = None, max_retries: int | None = None, two_factor_timeout: float | None = None, purchase_confirmation_window: float | None = None, max_response_bytes: int | None = None, dialect: str | None = None, real_time: str | None = None, two_factor: _TwoFactor | None = None, token_store: FileTokenStore | MemoryTokenStore | RedisTokenStore | _TokenStore | None = None, fleet: RedisFleet | None = None, rate_budget: RedisRateBudget | None = None) -> AsyncClient:
        """A client configured from `INSURUP_*` environment variables; keyword arguments override them."""
    @property
    def base_url(self) -> str:
        """The API base URL."""
    @property
    def auth_url(self) -> str:
        """The OAuth server that issues service-account tokens."""
    @property
    def agent_id(self) -> str | None:
        """The agency id the client was configured with."""
    @property
    def agent_branch_id(self) -> str | None:
        """The branch the client produces for by default."""
    @property
    def dialect(self) -> str:
        """The API dialect requests are spelt in now (`vendor-sdk`, `guide` or `graphql-docs`): the one set with `dialect=`, else the one learned from the server."""
    @property
    def user_agent(self) -> str:
        """The `User-Agent` every request carries."""
    async def sign_in(self) -> None:
        """Logs in now (or loads stored tokens) instead of on the first call."""
    async def sign_out(self) -> None:
        """Forgets the session's tokens, here and in the token store; a user signed in through OAuth has its tokens revoked at the server first."""
    async def start_sign_in(self) -> SignInRequest:
        """Starts a user's OAuth sign-in (`client_id` + `redirect_uri`): the URL to open in the user's browser, and the `state` its callback carries back."""
    async def complete_sign_in(self, callback_url: str) -> None:
        """Completes the sign-in from the callback URL the browser was sent to."""
    async def close(self) -> None:
        """Releases the connection pool once in-flight calls finish; later calls raise."""
    async def __aenter__(self) -> AsyncClient: ...
    async def __aexit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None) -> bool: ...

@final
class Addresses:
    """The address register (UAVT): city → district → town → neighbourhood → street → building → apartment, each level listed by the reference of the one above, as a DASK or konut form needs."""

    def cities(self) -> builtins.list[Reference]:
        """Every city."""
    def districts(self, city_reference: str) -> builtins.list[Reference]:
        """The districts of a city."""
    def towns(self, district_reference: str) -> builtins.list[Reference]:
        """The towns (belde/köy) of a district."""
    def neighbourhoods(self, town_reference: str) -> builtins.list[Reference]:
        """The neighbourhoods of a town."""
    def streets(self, neighbourhood_reference: str) -> builtins.list[Reference]:
        """The streets of a neighbourhood."""
    def buildings(self, street_reference: str) -> builtins.list[Reference]:
        """The buildings of a street."""
    def apartments(self, building_reference: str) -> builtins.list[Reference]:
        """The apartments (flats) of a building; their values are UAVT numbers."""
    def of_property_number(self, property_number: int) -> PropertyAddress:
        """The address a UAVT number names."""

@final
class AsyncAddresses:
    """The address register (UAVT): city → district → town → neighbourhood → street → building → apartment, each level listed by the reference of the one above, as a DASK or konut form needs."""

    async def cities(self) -> builtins.list[Reference]:
        """Every city."""
    async def districts(self, city_reference: str) -> builtins.list[Reference]:
        """The districts of a city."""
    async def towns(self, district_reference: str) -> builtins.list[Reference]:
        """The towns (belde/köy) of a district."""
    async def neighbourhoods(self, town_reference: str) -> builtins.list[Reference]:
        """The neighbourhoods of a town."""
    async def streets(self, neighbourhood_reference: str) -> builtins.list[Reference]:
        """The streets of a neighbourhood."""
    async def buildings(self, street_reference: str) -> builtins.list[Reference]:
        """The buildings of a street."""
    async def apartments(self, building_reference: str) -> builtins.list[Reference]:
        """The apartments (flats) of a building; their values are UAVT numbers."""
    async def of_property_number(self, property_number: int) -> PropertyAddress:
        """The address a UAVT number names."""

@final
class AgentBranches:
    """The agency's branches and their hierarchy."""

    def list(self) -> builtins.list[AgentBranch]:
        """Every branch of the agency."""
    def tree(self) -> builtins.list[AgentBranchNode]:
        """The hierarchy: every branch with its depth, ancestors and children, depth first."""
    def get(self, agent_branch_id: str) -> AgentBranch:
        """A branch by id."""
    def create(self, *, name: str, parent_branch_id: str | None = None) -> AgentBranch:
        """Creates a branch (under `parent_branch_id` when given) and returns it."""
    def update(self, agent_branch_id: str, *, name: str, parent_branch_id: str | None = None) -> AgentBranch:
        """Renames or moves a branch."""
    def delete(self, agent_branch_id: str) -> None:
        """Deletes a branch."""

@final
class AsyncAgentBranches:
    """The agency's branches and their hierarchy."""

    async def list(self) -> builtins.list[AgentBranch]:
        """Every branch of the agency."""
    async def tree(self) -> builtins.list[AgentBranchNode]:
        """The hierarchy: every branch with its depth, ancestors and children, depth first."""
    async def get(self, agent_branch_id: str) -> AgentBranch:
        """A branch by id."""
    async def create(self, *, name: str, parent_branch_id: str | None = None) -> AgentBranch:
        """Creates a branch (under `parent_branch_id` when given) and returns it."""
    async def update(self, agent_branch_id: str, *, name: str, parent_branch_id: str | None = None) -> AgentBranch:
        """Renames or moves a branch."""
    async def delete(self, agent_branch_id: str) -> None:
        """Deletes a branch."""

@final
class AgentBranchNode:
    """A branch in the tree, with where it sits: what [`AgentBranchTree::nodes`] lists, depth first."""

    @property
    def branch(self) -> AgentBranch:
        """The branch."""
    @property
    def depth(self) -> int:
        """0 for a branch directly under the agency, 1 for its sub-branches, …"""
    @property
    def ancestor_ids(self) -> builtins.list[str]:
        """Its ancestors, the top one first."""
    @property
    def child_ids(self) -> builtins.list[str]:
        """Its direct sub-branches, in the order the API lists them."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CaseActivity:
    """One entry of a case's history (`GET /api/cases/{ref}/activities`). Every activity has an `action`, a time and a user; the other fields are set by the actions they belong to."""

    @property
    def action(self) -> str:
        """What happened, e.g. `CREATED`, `STATE_CHANGED`, `NOTE_ADDED`, `POLICY_ADDED`."""
    @property
    def created_at(self) -> str | None:
        """When (RFC 3339)."""
    @property
    def created_by(self) -> UserReference | None:
        """Who did it."""
    @property
    def channel(self) -> str | None:
        """The channel (`CREATED`), or the new channel (`CHANNEL_CHANGED`)."""
    @property
    def old_channel(self) -> str | None:
        """The channel before a `CHANNEL_CHANGED`."""
    @property
    def old_main_state(self) -> str | None:
        """The main state before a `STATE_CHANGED`."""
    @property
    def old_sub_state(self) -> str | None:
        """The sub-state before a `STATE_CHANGED`."""
    @property
    def new_main_state(self) -> str | None:
        """The main state after a `STATE_CHANGED`."""
    @property
    def new_sub_state(self) -> str | None:
        """The sub-state after a `STATE_CHANGED`."""
    @property
    def old_representative(self) -> UserReference | None:
        """The representative before a `REPRESENTATIVE_ASSIGNED`."""
    @property
    def new_representative(self) -> UserReference | None:
        """The representative after a `REPRESENTATIVE_ASSIGNED` (or at `CREATED`)."""
    @property
    def policy_id(self) -> str | None:
        """The policy a `POLICY_ADDED` added."""
    @property
    def proposal_id(self) -> str | None:
        """The proposal a `PROPOSAL_ADDED` added."""
    @property
    def note(self) -> str | None:
        """The text a `NOTE_ADDED` added."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CaseNote:
    """A note on a case."""

    @property
    def note(self) -> str:
        """The text."""
    @property
    def created_at(self) -> str | None:
        """When it was added (RFC 3339)."""
    @property
    def created_by(self) -> UserReference | None:
        """Who added it."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CasePolicy:
    """A policy sold or handled in a case (`GET /api/cases/{ref}/policies`)."""

    @property
    def id(self) -> str:
        """The policy."""
    @property
    def product_branch(self) -> str | None:
        """Branch."""
    @property
    def state(self) -> str | None:
        """Active, ended or cancelled."""
    @property
    def insurance_company_policy_number(self) -> str | None:
        """The insurer's policy number."""
    @property
    def insurance_company_name(self) -> str | None:
        """The insurer's name."""
    @property
    def product_name(self) -> str | None:
        """The product's name."""
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
    def installment_number(self) -> int | None:
        """Installments."""
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
    def start_date(self) -> str | None:
        """First day of cover, `YYYY-MM-DD`."""
    @property
    def end_date(self) -> str | None:
        """Last day of cover, `YYYY-MM-DD`."""
    @property
    def created_at(self) -> str | None:
        """When it was created (RFC 3339)."""
    @property
    def insured_customer_city(self) -> Reference | None:
        """The insured customer's city."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CasePriority:
    """A case's priority: a score and the rules that gave it."""

    @property
    def total_score(self) -> float:
        """The total score; higher is more urgent."""
    @property
    def assessed_at(self) -> str | None:
        """When it was assessed (RFC 3339)."""
    @property
    def rule_hits(self) -> builtins.list[CasePriorityRule]:
        """The rules that matched."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CasePriorityRule:
    """A priority rule that matched a case."""

    @property
    def name(self) -> str | None:
        """The rule's system name."""
    @property
    def label(self) -> str | None:
        """Its label."""
    @property
    def description(self) -> str | None:
        """What it means."""
    @property
    def score(self) -> float:
        """What it added to the score."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CaseProposal:
    """A proposal made in a case (`GET /api/cases/{ref}/proposals`)."""

    @property
    def id(self) -> str:
        """The proposal."""
    @property
    def product_branch(self) -> str | None:
        """Branch."""
    @property
    def state(self) -> str | None:
        """State, e.g. `ACTIVE`."""
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
    def products_count(self) -> int | None:
        """Insurers asked."""
    @property
    def succeed_products_count(self) -> int | None:
        """Insurers that answered with a premium."""
    @property
    def success_rate(self) -> float | None:
        """Share of insurers that answered with a premium."""
    @property
    def lowest_premium(self) -> float | None:
        """Cheapest cash premium."""
    @property
    def highest_premium(self) -> float | None:
        """Most expensive cash premium."""
    @property
    def created_at(self) -> str | None:
        """When it was made (RFC 3339)."""
    @property
    def agent_user_created_by(self) -> UserReference | None:
        """Who made it."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class ConsentRecord:
    """One change of a consent, for the audit trail."""

    @property
    def consent_type(self) -> str:
        """KVKK or ETK."""
    @property
    def action(self) -> str:
        """Given or revoked."""
    @property
    def performed_at(self) -> str | None:
        """When (RFC 3339)."""
    @property
    def performed_by(self) -> UserReference | None:
        """Who recorded it."""
    @property
    def channel(self) -> str | None:
        """Where it was given or revoked."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CustomerAddress:
    """One of a customer's addresses, identified by its UAVT number."""

    @property
    def id(self) -> str:
        """The address's id."""
    @property
    def property_number(self) -> int:
        """The flat's UAVT number."""
    @property
    def address_type(self) -> str | None:
        """Home, work, temporary or other."""
    @property
    def address(self) -> PropertyAddress | None:
        """The address the UAVT number names."""
    @property
    def created_at(self) -> str | None:
        """When it was added (RFC 3339)."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CustomerConsent:
    """Whether a consent is in force (`consents` of a customer)."""

    @property
    def consent_type(self) -> str:
        """KVKK or ETK."""
    @property
    def is_active(self) -> bool:
        """True while the consent is in force."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CustomerConsents:
    """A customer's consents and their history (`GET /api/customers/{id}/consents`)."""

    @property
    def consents(self) -> builtins.list[CustomerConsent]:
        """Each consent type and whether it is in force."""
    @property
    def history(self) -> builtins.list[ConsentRecord]:
        """Every change, oldest first."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CustomerContact:
    """A call with a customer (`GET /api/customers/{id}/contacts`)."""

    @property
    def id(self) -> str:
        """The contact's id."""
    @property
    def contact_type(self) -> str | None:
        """Kind of contact; `PHONE_CALL` is the only one the API documents."""
    @property
    def state(self) -> str | None:
        """Planned, occurred or not occurred."""
    @property
    def customer_id(self) -> str | None:
        """The customer."""
    @property
    def created_at(self) -> str | None:
        """When it was recorded (RFC 3339)."""
    @property
    def planned_time(self) -> str | None:
        """When it was planned for."""
    @property
    def attempt_time(self) -> str | None:
        """When the call was attempted."""
    @property
    def start_time(self) -> str | None:
        """When the call started."""
    @property
    def hang_up_time(self) -> str | None:
        """When the call was hung up."""
    @property
    def flow_id(self) -> str | None:
        """The contact flow it belongs to."""
    @property
    def representative(self) -> UserReference | None:
        """The representative who handled it."""
    @property
    def created_by(self) -> UserReference | None:
        """Who recorded it."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CustomerEmailAddress:
    """One of a customer's e-mail addresses (`GET /api/customers/{id}/emails`)."""

    @property
    def email(self) -> str:
        """The address."""
    @property
    def primary(self) -> bool:
        """True for the customer's primary address."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class CustomerPhone:
    """One of a customer's phone numbers (`GET /api/customers/{id}/phone-numbers`)."""

    @property
    def phone_number(self) -> PhoneNumber:
        """The number."""
    @property
    def primary(self) -> bool:
        """True for the customer's primary number."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class DaskOldPolicy:
    """An earlier DASK policy."""

    @property
    def number(self) -> int | None:
        """Its number."""
    @property
    def end_date(self) -> str | None:
        """When it ends, `YYYY-MM-DD`."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class DaskPropertyLookup:
    """What the DASK register holds about the dwelling an earlier DASK policy insured (`POST /api/properties/query-property-by-dask-old-policy`): enough to renew it."""

    @property
    def dask_old_policy(self) -> DaskOldPolicy | None:
        """The earlier policy."""
    @property
    def property_number(self) -> int | None:
        """The dwelling's UAVT number."""
    @property
    def address(self) -> PropertyAddress | None:
        """Its address."""
    @property
    def floor(self) -> PropertyFloor | None:
        """Floors of the building and the dwelling's floor."""
    @property
    def construction_year(self) -> int | None:
        """Year of construction."""
    @property
    def structure(self) -> str | None:
        """Construction type, e.g. `STEEL_REINFORCED_CONCRETE`."""
    @property
    def damage_status(self) -> str | None:
        """Damage status, e.g. `NONE`."""
    @property
    def utilization_style(self) -> str | None:
        """Usage."""
    @property
    def ownership_type(self) -> str | None:
        """Owner or tenant."""
    @property
    def square_meter(self) -> int | None:
        """Gross area in square metres."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PolicyTransfer:
    """A policy transfer: the agency's policies pulled in from the insurers' systems for a period (`GET /api/policy-transfers/{id}`)."""

    @property
    def id(self) -> str:
        """The transfer's id."""
    @property
    def start_date(self) -> str | None:
        """First day of the period."""
    @property
    def end_date(self) -> str | None:
        """Last day of the period."""
    @property
    def created_at(self) -> str | None:
        """When it was created (RFC 3339)."""
    @property
    def succeeded_policy_count(self) -> int:
        """Policies transferred."""
    @property
    def failed_policy_count(self) -> int:
        """Policies that could not be transferred."""
    @property
    def skipped_policy_count(self) -> int:
        """Policies skipped (already there, unsupported product, …)."""
    @property
    def triggers(self) -> builtins.list[PolicyTransferTrigger]:
        """Each run, oldest first."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PolicyTransferCompany:
    """What one insurer gave in a run of a policy transfer."""

    @property
    def insurance_company_id(self) -> int:
        """The insurer's id."""
    @property
    def succeeded_policy_count(self) -> int:
        """Policies transferred."""
    @property
    def failed_policy_count(self) -> int:
        """Policies that could not be transferred."""
    @property
    def skipped_policy_count(self) -> int:
        """Policies skipped."""
    @property
    def success(self) -> bool:
        """True when the insurer's policies could be fetched."""
    @property
    def failure_reason(self) -> str | None:
        """Why not, e.g. `COULD_NOT_FETCH_POLICIES`."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PolicyTransferRun:
    """One run of a policy transfer in detail, insurer by insurer (`GET /api/policy-transfers/{id}/triggers/{triggerId}`)."""

    @property
    def id(self) -> str:
        """The run's id."""
    @property
    def policy_transfer_id(self) -> str | None:
        """The transfer it belongs to."""
    @property
    def occurred_at(self) -> str | None:
        """When it ran (RFC 3339)."""
    @property
    def succeeded_policy_count(self) -> int:
        """Policies transferred."""
    @property
    def failed_policy_count(self) -> int:
        """Policies that could not be transferred."""
    @property
    def skipped_policy_count(self) -> int:
        """Policies skipped."""
    @property
    def companies(self) -> builtins.list[PolicyTransferCompany]:
        """The result per insurer."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PolicyTransferTrigger:
    """One run of a policy transfer."""

    @property
    def id(self) -> str:
        """The run's id."""
    @property
    def occurred_at(self) -> str | None:
        """When it ran (RFC 3339)."""
    @property
    def duration_ms(self) -> int | None:
        """How long it took; none while it runs."""
    @property
    def succeeded_policy_count(self) -> int:
        """Policies transferred."""
    @property
    def failed_policy_count(self) -> int:
        """Policies that could not be transferred."""
    @property
    def skipped_policy_count(self) -> int:
        """Policies skipped."""
    @property
    def insurance_company_count(self) -> int:
        """Insurers asked."""
    @property
    def status(self) -> str | None:
        """Finished or failed."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PropertyAddress:
    """The address of a UAVT number, level by level. Each level is the `{value, text}` the address cascade lists; the flat's `value` is the UAVT number itself."""

    @property
    def city(self) -> Reference | None:
        """City (il)."""
    @property
    def district(self) -> Reference | None:
        """District (ilçe)."""
    @property
    def town(self) -> Reference | None:
        """Town (bucak/köy)."""
    @property
    def neighborhood(self) -> Reference | None:
        """Neighbourhood (mahalle)."""
    @property
    def street(self) -> Reference | None:
        """Street (cadde/sokak)."""
    @property
    def building(self) -> Reference | None:
        """Building."""
    @property
    def apartment(self) -> Reference | None:
        """Flat; its `value` is the UAVT number."""
    @property
    def text(self) -> str | None:
        """The address as one line, when the server sends it as text rather than level by level."""
    def to_line(self) -> str:
        """The address as one line, from the largest level down: `İSTANBUL, KADIKÖY, …`."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PropertyFloor:
    """The floors of a building and the floor a dwelling is on."""

    @property
    def total_floors(self) -> int | None:
        """Floors in the building: an exact count, or the top of the range the register gives."""
    @property
    def current_floor(self) -> int | None:
        """The dwelling's floor."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class UserReference:
    """Who did something: created a record, represents a customer, changed a case."""

    @property
    def id(self) -> str | None:
        """The user's id."""
    @property
    def name(self) -> str | None:
        """Display name."""
    @property
    def email(self) -> str | None:
        """E-mail address."""
    @property
    def user_type(self) -> str | None:
        """Agent, customer or InsurUp's admin panel."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class VehicleModel:
    """The make, model and year an insurers' vehicle code names (`POST /api/insurance-services/query-vehicle-by-brand-code`)."""

    @property
    def brand(self) -> Reference | None:
        """The brand; its `value` is the `brand_reference` of a new vehicle."""
    @property
    def model_type(self) -> Reference | None:
        """The model type; its `value` is the `model_type_reference` of a new vehicle."""
    @property
    def year(self) -> int | None:
        """Model year."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class AgentUserBranch:
    """A branch an agent user works for, with its place in the hierarchy."""

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
    @property
    def level(self) -> int | None:
        """Depth in the hierarchy."""
    @property
    def hierarchy(self) -> str | None:
        """The path of names from the top, as the server writes it."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class AgentUserPage:
    """A page of agent users."""

    @property
    def items(self) -> builtins.list[AgentUserRow]:
        """The rows."""
    @property
    def total_count(self) -> int | None:
        """Rows in the whole (filtered) list; none when the count was not asked for."""
    @property
    def page_info(self) -> PageInfo:
        """Cursors."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class AgentUserRole:
    """A role of an agent user."""

    @property
    def id(self) -> str:
        """Role id."""
    @property
    def name(self) -> str | None:
        """Role name."""
    @property
    def is_admin(self) -> bool:
        """True for the agency's administrators."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class AgentUserRow:
    """An agent user row of `agentUsersNew`."""

    @property
    def id(self) -> str:
        """User id."""
    @property
    def email(self) -> str | None:
        """E-mail."""
    @property
    def first_name(self) -> str | None:
        """First name."""
    @property
    def last_name(self) -> str | None:
        """Last name."""
    @property
    def name(self) -> str | None:
        """Full name."""
    @property
    def phone_number(self) -> str | None:
        """Phone number."""
    @property
    def phone_number_country_code(self) -> int | None:
        """Country calling code of the phone number."""
    @property
    def state(self) -> str | None:
        """Pending, active or inactive."""
    @property
    def created_at(self) -> str | None:
        """Creation time."""
    @property
    def last_login_at(self) -> str | None:
        """Last sign-in."""
    @property
    def roles(self) -> builtins.list[AgentUserRole]:
        """Roles."""
    @property
    def branches(self) -> builtins.list[AgentUserBranch]:
        """Branches the user works for."""
    @property
    def search_score(self) -> float | None:
        """How well the row matched a search (set only for lists filtered with a search clause)."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class ExpandedPolicyPage:
    """A page of policy versions."""

    @property
    def items(self) -> builtins.list[ExpandedPolicyRow]:
        """The rows."""
    @property
    def total_count(self) -> int | None:
        """Rows in the whole (filtered) list; none when the count was not asked for."""
    @property
    def page_info(self) -> PageInfo:
        """Cursors."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class ExpandedPolicyRow:
    """A row of `policiesExpanded`: one per version of a policy (as issued, then each endorsement), with what the version changed."""

    @property
    def id(self) -> str:
        """Policy id (the same on every version of the policy)."""
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
        """Gross premium after this version."""
    @property
    def net_premium(self) -> float | None:
        """Net premium after this version."""
    @property
    def commission(self) -> float | None:
        """Commission after this version."""
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
    def endorsement_number(self) -> int | None:
        """Endorsement number; 0 for the policy as issued."""
    @property
    def endorsement_type(self) -> str | None:
        """Kind of version, e.g. an endorsement or a cancellation."""
    @property
    def net_premium_change(self) -> float | None:
        """What this version changed in the net premium (negative on a cancellation)."""
    @property
    def gross_premium_change(self) -> float | None:
        """What this version changed in the gross premium."""
    @property
    def commission_change(self) -> float | None:
        """What this version changed in the commission."""
    @property
    def agent_branch_id(self) -> str | None:
        """Branch id."""
    @property
    def agent_branch(self) -> AgentBranchRef | None:
        """Branch."""
    @property
    def search_score(self) -> float | None:
        """How well the row matched a search (set only for lists filtered with a search clause)."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PolicyTransferPage:
    """A page of policy transfers."""

    @property
    def items(self) -> builtins.list[PolicyTransferRow]:
        """The rows."""
    @property
    def total_count(self) -> int | None:
        """Rows in the whole (filtered) list; none when the count was not asked for."""
    @property
    def page_info(self) -> PageInfo:
        """Cursors."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class PolicyTransferRow:
    """A policy transfer row of `policyTransfersNew`."""

    @property
    def id(self) -> str:
        """Transfer id."""
    @property
    def start_date(self) -> str | None:
        """First day of the period."""
    @property
    def end_date(self) -> str | None:
        """Last day of the period."""
    @property
    def insurance_company_count(self) -> int | None:
        """Insurers asked."""
    @property
    def policy_transfer_trigger_count(self) -> int | None:
        """Runs so far."""
    @property
    def policy_count(self) -> int | None:
        """Policies transferred."""
    @property
    def search_score(self) -> float | None:
        """How well the row matched a search (set only for lists filtered with a search clause)."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class WebhookDeliveryPage:
    """A page of webhook deliveries."""

    @property
    def items(self) -> builtins.list[WebhookDeliveryRow]:
        """The rows."""
    @property
    def total_count(self) -> int | None:
        """Rows in the whole (filtered) list; none when the count was not asked for."""
    @property
    def page_info(self) -> PageInfo:
        """Cursors."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class WebhookDeliveryRow:
    """A webhook delivery row of `webhookDeliveriesNew`."""

    @property
    def id(self) -> str:
        """Delivery id (the `x-webhook-delivery` header)."""
    @property
    def webhook_id(self) -> str | None:
        """The webhook."""
    @property
    def event(self) -> str | None:
        """The event, read in either spelling (`POLICY_CREATED`, `policy.created`)."""
    @property
    def sent_at(self) -> str | None:
        """When it was sent."""
    @property
    def status_code(self) -> int | None:
        """The receiver's status code."""
    @property
    def response(self) -> str | None:
        """The receiver's answer."""
    @property
    def error_message(self) -> str | None:
        """Why it failed, when it did."""
    @property
    def payload(self) -> str | None:
        """The body that was sent."""
    @property
    def duration_ms(self) -> int | None:
        """How long the receiver took."""
    @property
    def is_success(self) -> bool:
        """True when the receiver answered 2xx."""
    @property
    def search_score(self) -> float | None:
        """How well the row matched a search (set only for lists filtered with a search clause)."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...
