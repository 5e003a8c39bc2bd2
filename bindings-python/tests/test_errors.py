"""Every error kind raises its own exception class, carrying what the API sent."""

from __future__ import annotations

import builtins
import pickle
from typing import Callable, Type

import pytest

import insurup
from support import (
    AGENT_ID,
    DECLINED_CARD,
    PURCHASE_ROUTE,
    TCKN,
    Sandbox,
    card,
    cheapest,
    quoted_proposal,
)

ME = "/api/agent-users/me"
CUSTOMER = "/api/customers/{id}"


def raise_validation(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        client.customers.create_individual(identity_number="12345678901")


def raise_authentication(sandbox: Sandbox) -> None:
    with sandbox.client(password="wrong-password") as client:
        client.reference.me()


def raise_two_factor_required(sandbox: Sandbox) -> None:
    with sandbox.client(email="mfa@sandbox.insurup.test") as client:
        client.reference.me()


def raise_status(status: int, **fault: object) -> Callable[[Sandbox], None]:
    def scenario(sandbox: Sandbox) -> None:
        with sandbox.client(max_retries=0) as client:
            client.sign_in()
            sandbox.fault("GET", ME, status=status, **fault)
            client.reference.me()

    return scenario


def raise_not_found(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        client.customers.get("00000000-0000-4000-8000-00000000dead")


def raise_conflict(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        client.customers.create_individual(identity_number=TCKN)
        client.customers.create_individual(identity_number=TCKN)


def raise_unprocessable(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        proposal = quoted_proposal(client)
        client.purchase.credit_card(
            proposal.id, cheapest(proposal).id, card=card(DECLINED_CARD), installments=1
        )


def raise_timeout(sandbox: Sandbox) -> None:
    with sandbox.client(timeout=0.2, max_retries=0) as client:
        client.sign_in()
        sandbox.fault("GET", ME, status=None, delayMs=3000)
        client.reference.me()


def raise_connection(sandbox: Sandbox) -> None:
    with sandbox.client(base_url="http://127.0.0.1:9", max_retries=0) as client:
        client.reference.me()


def raise_decode(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        client.sign_in()
        sandbox.fault("GET", CUSTOMER, status=200)
        client.customers.get("00000000-0000-4000-8000-00000000dead")


def raise_purchase_outcome_unknown(sandbox: Sandbox) -> None:
    with sandbox.client() as client:
        proposal = quoted_proposal(client)
        sandbox.fault("POST", PURCHASE_ROUTE, action="drop")
        client.purchase.credit_card(proposal.id, cheapest(proposal).id, card=card())


KINDS = [
    (raise_validation, insurup.ValidationError, None),
    (raise_authentication, insurup.AuthenticationError, 401),
    (raise_two_factor_required, insurup.TwoFactorRequiredError, None),
    (raise_status(403), insurup.PermissionDeniedError, 403),
    (raise_not_found, insurup.NotFoundError, 404),
    (raise_conflict, insurup.ConflictError, 409),
    (raise_status(400), insurup.BadRequestError, 400),
    (raise_unprocessable, insurup.UnprocessableError, 422),
    (raise_status(429, retryAfter=120), insurup.RateLimitError, 429),
    (raise_status(502), insurup.ServerError, 502),
    (raise_timeout, insurup.TimeoutError, None),
    (raise_connection, insurup.ConnectionError, None),
    (raise_purchase_outcome_unknown, insurup.PurchaseOutcomeUnknownError, None),
    (raise_decode, insurup.DecodeError, None),
]


@pytest.mark.parametrize(
    ("scenario", "expected", "status"),
    KINDS,
    ids=[expected.__name__ for _, expected, _ in KINDS],
)
def test_each_error_kind_raises_its_own_class(
    sandbox: Sandbox,
    scenario: Callable[[Sandbox], None],
    expected: Type[insurup.InsurUpError],
    status: object,
) -> None:
    with pytest.raises(insurup.InsurUpError) as raised:
        scenario(sandbox)

    assert type(raised.value) is expected
    assert raised.value.status == status
    assert str(raised.value), "every error says what went wrong"


def test_every_error_class_shares_the_base_class_and_the_builtins_are_not_shadowed() -> None:
    classes = [expected for _, expected, _ in KINDS]

    assert len(set(classes)) == 14
    assert all(issubclass(cls, insurup.InsurUpError) for cls in classes)
    assert issubclass(insurup.InsurUpError, Exception)
    assert issubclass(insurup.ValidationError, ValueError)
    assert not issubclass(insurup.TimeoutError, builtins.TimeoutError)
    assert not issubclass(insurup.ConnectionError, builtins.ConnectionError)


def test_every_error_kind_of_the_core_has_its_class() -> None:
    kinds = insurup.error_kinds()
    lagging = [
        kind
        for kind in kinds
        if not (isinstance(getattr(insurup, kind, None), type)
                and issubclass(getattr(insurup, kind), insurup.InsurUpError))
    ]

    assert lagging == [], f"insurup/_errors.py has no class for {lagging}"
    assert sorted(cls.__name__ for cls in insurup.InsurUpError.__subclasses__()) == sorted(kinds)
    assert set(kinds) <= set(insurup.__all__)


def test_graphql_errors_and_partial_data_reach_the_exception(client: insurup.Client) -> None:
    with pytest.raises(insurup.BadRequestError) as raised:
        client.graphql.execute(
            "{ fine: policiesNew(first: 1) { totalCount } "
            "tooMany: policiesNew(first: 100000) { totalCount } }"
        )

    error = raised.value
    assert error.graphql_errors and "message" in error.graphql_errors[0]
    assert error.partial_data is not None and error.partial_data["fine"]["totalCount"] > 0
    assert error.may_have_reached_server and not error.retryable


def test_errors_say_whether_the_server_may_have_acted_and_whether_to_retry(
    sandbox: Sandbox,
) -> None:
    with pytest.raises(insurup.ConnectionError) as refused:
        raise_connection(sandbox)
    with pytest.raises(insurup.ServerError) as failed:
        raise_status(502)(sandbox)

    assert not refused.value.may_have_reached_server and refused.value.retryable
    assert failed.value.may_have_reached_server and failed.value.retryable


def test_a_local_validation_error_names_the_field_and_sends_nothing(sandbox: Sandbox) -> None:
    with pytest.raises(insurup.ValidationError) as raised:
        insurup.Card(
            number="4242424242424241",
            cvc="123",
            expiry_month="12",
            expiry_year="2030",
            holder_name="AHMET YILMAZ",
        )
    with sandbox.client() as client, pytest.raises(ValueError) as plate:
        client.vehicles.create("00000000-0000-4000-8000-000000000042", plate="not a plate")

    assert raised.value.field == "card.number"
    assert "4242424242424241" not in str(raised.value)
    assert isinstance(plate.value, insurup.ValidationError) and plate.value.field == "plate"
    assert sandbox.api_requests() == {}


def test_an_api_error_carries_the_problem_details(sandbox: Sandbox) -> None:
    with pytest.raises(insurup.UnprocessableError) as raised:
        raise_unprocessable(sandbox)

    error = raised.value
    assert error.codes == ("PAYMENT_DECLINED",)
    assert error.detail and error.suggestions
    assert error.trace_id and error.request_id
    assert error.problem_type and error.problem_type.endswith("business-validation")
    assert error.suggestions[0] in str(error)
    assert DECLINED_CARD not in repr(error) + str(error)


def test_a_bad_request_lists_the_fields_the_server_refused(client: insurup.Client) -> None:
    with pytest.raises(insurup.BadRequestError) as raised:
        client.graphql.execute("{ policiesNew(first: 1) { nodes { noSuchField } } }")

    assert raised.value.codes or raised.value.detail


def test_a_rate_limit_carries_retry_after_in_seconds(sandbox: Sandbox) -> None:
    with pytest.raises(insurup.RateLimitError) as raised:
        raise_status(429, retryAfter=120)(sandbox)

    assert raised.value.retry_after == 120.0


def test_errors_survive_pickling_with_their_details(sandbox: Sandbox) -> None:
    with pytest.raises(insurup.NotFoundError) as raised:
        raise_not_found(sandbox)
    with sandbox.client() as client, pytest.raises(insurup.UnprocessableError) as refused:
        client.reference.vehicle_models(brand_reference="no-such-brand", year=2021)

    copy = pickle.loads(pickle.dumps(raised.value))
    fields = pickle.loads(pickle.dumps(refused.value)).validation_errors

    assert type(copy) is insurup.NotFoundError
    assert (copy.status, copy.codes, copy.trace_id) == (
        404,
        raised.value.codes,
        raised.value.trace_id,
    )
    assert str(copy) == str(raised.value)
    assert fields and fields == refused.value.validation_errors
    assert fields[0].property_name == "brandReference"


def test_a_client_with_bad_settings_is_refused_before_any_request() -> None:
    with pytest.raises(insurup.ValidationError) as plain_http:
        insurup.Client(base_url="http://api.insurup.com", email="a@b.co", password="x")
    with pytest.raises(insurup.ValidationError) as no_credentials:
        insurup.Client(base_url="https://api.insurup.com", agent_id=AGENT_ID)

    assert plain_http.value.field == "base_url"
    assert no_credentials.value.field == "credentials"
