"""SDK log events reach Python's logging under the `insurup` logger, and no secret ever appears
in a log record, a repr or an error message."""

from __future__ import annotations

import json
import logging

import pytest

import insurup
from support import DECLINED_CARD, GOOD_CARD, PASSWORD, Sandbox, card, cheapest, quoted_proposal


def test_sdk_events_reach_the_insurup_logger(
    sandbox: Sandbox, client: insurup.Client, caplog: pytest.LogCaptureFixture
) -> None:
    client.sign_in()
    sandbox.fault("GET", "/api/agent-users/me", status=503, times=1)

    with caplog.at_level(logging.DEBUG, logger="insurup"):
        client.reference.me()

    records = [record for record in caplog.records if record.name == "insurup"]
    messages = [record.getMessage() for record in records]
    assert any(m.startswith("sending") and "/api/agent-users/me" in m for m in messages)
    retry = next(record for record in records if record.getMessage().startswith("retrying"))
    assert retry.levelno == logging.INFO and "status=503" in retry.getMessage()
    assert retry.pathname.endswith(".rs"), "records point at the SDK source"


def test_nothing_is_logged_below_the_loggers_level(
    client: insurup.Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="insurup"):
        client.reference.me()

    assert [r for r in caplog.records if r.name == "insurup"] == []


def test_no_secret_appears_in_logs_reprs_or_errors(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    saved = []

    class Store:
        def load(self) -> None:
            return None

        def save(self, tokens: insurup.TokenSet) -> None:
            saved.append(tokens)

        def clear(self) -> None:
            pass

    texts = []
    with caplog.at_level(logging.DEBUG, logger="insurup"):
        with sandbox.client(token_store=Store()) as client:
            texts.append(repr(client))
            proposal = quoted_proposal(client)
            product = cheapest(proposal)
            with pytest.raises(insurup.UnprocessableError) as declined:
                client.purchase.credit_card(proposal.id, product.id, card=card(DECLINED_CARD))
            bought = client.purchase.credit_card(proposal.id, product.id, card=card())
            texts += [repr(card()), repr(declined.value), str(declined.value), repr(bought)]
            texts += [repr(saved[0]), repr(client.proposals.get(proposal.id))]

    tokens = json.loads(saved[0].to_json())
    secrets = [PASSWORD, GOOD_CARD, DECLINED_CARD, tokens["accessToken"], tokens["refreshToken"]]
    logged = [record.getMessage() for record in caplog.records]
    assert len(logged) > 20, "the flow was logged at debug level"
    for secret in secrets:
        assert not any(secret in text for text in logged), "a secret reached the logs"
        assert not any(secret in text for text in texts), "a secret reached a repr or message"
    assert "**** 4242" in repr(card())
