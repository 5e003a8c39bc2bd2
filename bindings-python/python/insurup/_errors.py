"""The exceptions every insurup call raises.

Each class is named after the SDK's error kind (``RateLimitError``, ``NotFoundError``, ...) and
says what the caller should do; all share the base class :class:`InsurUpError`. The native module
builds them from the core's error report, so every attribute carries what the API sent.
``insurup.error_kinds()`` names every kind the core raises; the test suite checks that each has
its class here.

``insurup.TimeoutError`` and ``insurup.ConnectionError`` are *not* the built-in exceptions of the
same names: they subclass :class:`InsurUpError` only, so ``except TimeoutError`` without the
``insurup.`` prefix does not catch them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._insurup import FieldError

# `typing` is not imported at run time: it would triple what `import insurup` costs. Type
# checkers read this name as `typing.TYPE_CHECKING`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from ._insurup import ErrorReport
else:
    # What `Any` means to `typing.get_type_hints` on these exceptions: any object.
    Any = object

__all__ = [
    "FieldError",
    "InsurUpError",
    "ValidationError",
    "AuthenticationError",
    "TwoFactorRequiredError",
    "PermissionDeniedError",
    "NotFoundError",
    "ConflictError",
    "BadRequestError",
    "UnprocessableError",
    "RateLimitError",
    "ServerError",
    "TimeoutError",
    "ConnectionError",
    "PurchaseOutcomeUnknownError",
    "DecodeError",
    "TokenStoreError",
]


class InsurUpError(Exception):
    """Base class of every error an insurup call raises.

    ``str(error)`` is a message safe to show to end users (the server's ``detail`` and first
    suggestion, in Turkish for API errors).
    """

    message: str
    status: int | None
    """HTTP status of the answer, if there was one."""
    detail: str | None
    """The server's ``detail``, safe to show to end users."""
    suggestions: tuple[str, ...]
    """What the user can do next, safe to show."""
    codes: tuple[str, ...]
    """Machine-readable codes, e.g. ``("PAYMENT_DECLINED",)``."""
    trace_id: str | None
    """The server's trace id: quote it to InsurUp support."""
    request_id: str | None
    """The ``x-request-id`` the SDK sent with every attempt of the call."""
    validation_errors: tuple[FieldError, ...]
    """Field errors of an input-validation answer."""
    retry_after: float | None
    """Seconds the server asked to wait before trying again (429 and some 503 answers)."""
    field: str | None
    """The field a local :class:`ValidationError` is about, e.g. ``card.number``."""
    problem_type: str | None
    """The problem ``type`` URI."""
    proposal_id: str | None
    """The proposal a purchase error is about (every purchase error names it)."""
    product_id: str | None
    """The proposal product a purchase error is about."""
    graphql_errors: tuple[dict[str, Any], ...]
    """Every GraphQL error of the answer as the server sent it (``message``, ``path``,
    ``extensions``, ...); empty for REST errors."""
    partial_data: Any | None
    """The ``data`` a GraphQL answer carried beside its errors, if any."""
    may_have_reached_server: bool
    """Whether the request may have reached the server (and acted), so a retry could repeat it."""
    retryable: bool
    """Whether trying the same call again later may succeed (never for a purchase)."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        detail: str | None = None,
        suggestions: Sequence[str] = (),
        codes: Sequence[str] = (),
        trace_id: str | None = None,
        request_id: str | None = None,
        validation_errors: Sequence[FieldError] = (),
        retry_after: float | None = None,
        field: str | None = None,
        problem_type: str | None = None,
        proposal_id: str | None = None,
        product_id: str | None = None,
        graphql_errors: Sequence[dict[str, Any]] = (),
        partial_data: Any | None = None,
        may_have_reached_server: bool = False,
        retryable: bool = False,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.detail = detail
        self.suggestions = tuple(suggestions)
        self.codes = tuple(codes)
        self.trace_id = trace_id
        self.request_id = request_id
        self.validation_errors = tuple(validation_errors)
        self.retry_after = retry_after
        self.field = field
        self.problem_type = problem_type
        self.proposal_id = proposal_id
        self.product_id = product_id
        self.graphql_errors = tuple(graphql_errors)
        self.partial_data = partial_data
        self.may_have_reached_server = may_have_reached_server
        self.retryable = retryable

    def __reduce__(self) -> tuple[Any, ...]:
        # Keep the attributes when the error crosses a process boundary (multiprocessing).
        return (_rebuild, (type(self), self.message, dict(self.__dict__)))

    def __repr__(self) -> str:
        parts = [repr(self.message)]
        for name in ("status", "codes", "field", "retry_after", "trace_id", "request_id"):
            value = getattr(self, name)
            if value not in (None, ()):
                parts.append(f"{name}={value!r}")
        return f"{type(self).__name__}({', '.join(parts)})"


def _rebuild(cls: Any, message: str, state: dict) -> InsurUpError:  # type: ignore[type-arg]
    error: InsurUpError = cls.__new__(cls, message)
    Exception.__init__(error, message)
    error.__dict__.update(state)
    return error


class ValidationError(InsurUpError, ValueError):
    """Bad input caught before any request was sent; :attr:`field` names the field.

    Also a :class:`ValueError`, so code that validates input generically catches it.
    """


class AuthenticationError(InsurUpError):
    """401, bad credentials, or a refresh the server refused: check the credentials."""


class TwoFactorRequiredError(InsurUpError):
    """The account needs a 2FA code and no ``two_factor`` provider is configured."""


class PermissionDeniedError(InsurUpError):
    """403: the user lacks the permission, or the service account is deactivated."""


class NotFoundError(InsurUpError):
    """404: the id does not exist or lies outside the caller's data scope."""


class ConflictError(InsurUpError):
    """409: a duplicate, or a state that does not allow the action."""


class BadRequestError(InsurUpError):
    """400: the request was malformed; see :attr:`validation_errors`."""


class UnprocessableError(InsurUpError):
    """422: a business rule refused the request (e.g. a declined card); show :attr:`detail`."""


class RateLimitError(InsurUpError):
    """429: slow down; :attr:`retry_after` says for how long (seconds)."""


class ServerError(InsurUpError):
    """5xx after the retries were spent; 502 means an insurer's service failed."""


class TimeoutError(InsurUpError):  # noqa: A001 - deliberately named after the error kind
    """No answer within the configured timeout. Not the built-in ``TimeoutError``."""


class ConnectionError(InsurUpError):  # noqa: A001 - deliberately named after the error kind
    """The connection could not be made or broke. Not the built-in ``ConnectionError``."""


class PurchaseOutcomeUnknownError(InsurUpError):
    """A purchase may or may not have happened: check the product before trying again.

    :attr:`proposal_id` and :attr:`product_id` name the product; read it with
    ``client.proposals.product(error.proposal_id, error.product_id)``.
    """


class DecodeError(InsurUpError):
    """The server's answer could not be decoded."""


class TokenStoreError(InsurUpError):
    """The token store could not save the session's renewed tokens (the server already retired
    the old refresh token). The session keeps the new tokens in memory and saves them again on a
    later call; fix the store (disk, permissions, secret manager)."""


_KINDS: dict[str, type[InsurUpError]] = {
    kind.__name__: kind for kind in InsurUpError.__subclasses__()
}


def _from_report(report: ErrorReport) -> InsurUpError:
    """The exception for an error of the core, from everything it carries (called by the native
    module). A kind newer than this package raises the base class."""
    import json  # here, not at the top: it costs more at import than the rest of the package

    kind = _KINDS.get(report.kind, InsurUpError)
    partial_data = report.partial_data_json
    return kind(
        report.message,
        status=report.status,
        detail=report.detail,
        suggestions=report.suggestions,
        codes=report.codes,
        trace_id=report.trace_id,
        request_id=report.request_id,
        validation_errors=report.validation_errors,
        retry_after=report.retry_after,
        field=report.field,
        problem_type=report.problem_type,
        proposal_id=report.proposal_id,
        product_id=report.product_id,
        graphql_errors=json.loads(report.graphql_errors_json),
        partial_data=None if partial_data is None else json.loads(partial_data),
        may_have_reached_server=report.may_have_reached_server,
        retryable=report.retryable,
    )
