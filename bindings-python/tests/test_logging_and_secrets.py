"""SDK log events reach Python's logging under the `insurup` logger, and no secret ever appears
in a log record, a repr or an error message."""

from __future__ import annotations

import json
import logging

import pytest

import insurup
import insurup.webhook
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
    assert retry.pathname.startswith("insurup::"), "records name the SDK module that logged them"


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


def test_a_webhook_secret_never_appears_in_logs_reprs_or_errors(
    sandbox: Sandbox, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "whsec-never-print-me-7f3a"
    texts = []
    with caplog.at_level(logging.DEBUG, logger="insurup"):
        with sandbox.client() as client:
            webhook = client.webhooks.create(
                url="https://crm.example.com/insurup", events=["policy.created"], secret=secret
            )
            texts += [repr(webhook), str(webhook.to_dict()), repr(client.webhooks.list())]
            with pytest.raises(insurup.ValidationError) as refused:
                client.webhooks.create(url="not a url", events=["policy.created"], secret=secret)
            texts += [repr(refused.value), str(refused.value)]
            body = b'{"event":"policy.created"}'
            with pytest.raises(insurup.ValidationError) as forged:
                insurup.webhook.verify(secret, body, "sha256=00")
            texts += [repr(forged.value), str(forged.value)]
    logged = [record.getMessage() for record in caplog.records]
    assert logged, "the calls were logged at debug level"
    assert not any(secret in text for text in logged), "the webhook secret reached the logs"
    assert not any(secret in text for text in texts), "the webhook secret reached a repr or message"
