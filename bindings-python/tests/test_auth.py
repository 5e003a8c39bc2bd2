"""Two-factor codes and token stores given as plain Python callables and objects."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import pytest

import insurup
from support import MFA_CODE, MFA_EMAIL, Sandbox


def test_a_two_factor_callable_is_asked_for_the_code_once(sandbox: Sandbox) -> None:
    challenges: List[insurup.TwoFactorChallenge] = []

    def ask(challenge: insurup.TwoFactorChallenge) -> str:
        challenges.append(challenge)
        return MFA_CODE

    with sandbox.client(email=MFA_EMAIL, two_factor=ask) as client:
        me = client.reference.me()
        client.reference.me()

    assert me.email == MFA_EMAIL
    assert [challenge.email for challenge in challenges] == [MFA_EMAIL]
    assert challenges[0].user_id
    assert sandbox.stats()["mfaVerifications"] == 1


def test_a_fixed_two_factor_code_is_accepted_as_a_string(sandbox: Sandbox) -> None:
    with sandbox.client(email=MFA_EMAIL, two_factor=MFA_CODE) as client:
        assert client.reference.me().email == MFA_EMAIL


def test_a_wrong_code_or_a_failing_callback_is_an_authentication_error(sandbox: Sandbox) -> None:
    def broken(challenge: insurup.TwoFactorChallenge) -> str:
        raise OSError("the authenticator is offline")

    with sandbox.client(email=MFA_EMAIL, two_factor="000000") as client:
        with pytest.raises(insurup.AuthenticationError):
            client.reference.me()
    with sandbox.client(email=MFA_EMAIL, two_factor=broken) as client:
        with pytest.raises(insurup.AuthenticationError, match="authenticator is offline"):
            client.reference.me()


async def test_an_async_client_awaits_an_async_two_factor_callback(sandbox: Sandbox) -> None:
    asked = []

    async def ask(challenge: insurup.TwoFactorChallenge) -> str:
        asked.append(challenge.email)
        return MFA_CODE

    async with sandbox.async_client(email=MFA_EMAIL, two_factor=ask) as client:
        me = await client.reference.me()

    assert me.email == MFA_EMAIL and asked == [MFA_EMAIL]


def test_a_sync_client_refuses_an_async_two_factor_callback(sandbox: Sandbox) -> None:
    async def ask(challenge: insurup.TwoFactorChallenge) -> str:
        return MFA_CODE

    with sandbox.client(email=MFA_EMAIL, two_factor=ask) as client:
        with pytest.raises(insurup.AuthenticationError, match="AsyncClient"):
            client.reference.me()


class RecordingStore:
    """A token store as a CRM would write one, keeping the JSON in a dict."""

    def __init__(self) -> None:
        self.saved: Optional[str] = None
        self.saves = 0

    def load(self) -> Optional[insurup.TokenSet]:
        return None if self.saved is None else insurup.TokenSet.from_json(self.saved)

    def save(self, tokens: insurup.TokenSet) -> None:
        self.saves += 1
        self.saved = tokens.to_json()

    def clear(self) -> None:
        self.saved = None


def test_a_python_token_store_lets_a_new_client_continue_without_logging_in(
    sandbox: Sandbox,
) -> None:
    store = RecordingStore()
    with sandbox.client(token_store=store) as first:
        first.reference.me()
    with sandbox.client(token_store=store) as second:
        second.reference.me()

    assert store.saves == 1 and store.saved is not None
    assert json.loads(store.saved)["subject"].startswith("agent-user:")
    assert sandbox.stats()["logins"] == 1


def test_signing_out_clears_the_token_store(sandbox: Sandbox) -> None:
    store = RecordingStore()
    with sandbox.client(token_store=store) as client:
        client.sign_in()
        assert store.saved is not None
        client.sign_out()

    assert store.saved is None


async def test_an_async_client_awaits_an_async_token_store(sandbox: Sandbox) -> None:
    saved: List[insurup.TokenSet] = []

    class AsyncStore:
        async def load(self) -> Optional[insurup.TokenSet]:
            return saved[-1] if saved else None

        async def save(self, tokens: insurup.TokenSet) -> None:
            saved.append(tokens)

        async def clear(self) -> None:
            saved.clear()

    async with sandbox.async_client(token_store=AsyncStore()) as client:
        await client.sign_in()
    async with sandbox.async_client(token_store=AsyncStore()) as client:
        await client.reference.me()

    assert len(saved) == 1 and sandbox.stats()["logins"] == 1


def test_a_file_token_store_survives_the_process(sandbox: Sandbox, tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    with sandbox.client(token_store=insurup.FileTokenStore(path)) as client:
        client.reference.me()
    with sandbox.client(token_store=insurup.FileTokenStore(str(path))) as client:
        client.reference.me()

    assert path.exists() and (path.stat().st_mode & 0o777) == 0o600
    assert sandbox.stats()["logins"] == 1


def test_an_object_that_is_not_a_token_store_is_refused(sandbox: Sandbox) -> None:
    with pytest.raises(TypeError, match="save"):
        sandbox.client(token_store=object())
    with pytest.raises(TypeError, match="two_factor"):
        sandbox.client(email=MFA_EMAIL, two_factor=42)


def test_a_service_account_and_a_ready_access_token_authenticate(sandbox: Sandbox) -> None:
    with sandbox.client(email=None, password=None, client_id="sandbox-client",
                        client_secret="sandbox-secret") as service:
        assert service.reference.me().is_service_account
    store = RecordingStore()
    with sandbox.client(token_store=store) as agent:
        agent.sign_in()
    assert store.saved is not None
    token = json.loads(store.saved)["accessToken"]
    with sandbox.client(email=None, password=None, access_token=token) as direct:
        assert direct.reference.me().email


def test_a_token_store_that_cannot_be_read_is_a_token_store_error(sandbox: Sandbox) -> None:
    class Broken:
        def load(self) -> Optional[insurup.TokenSet]:
            raise OSError("the disk is gone")

        def save(self, tokens: insurup.TokenSet) -> None:
            pass

        def clear(self) -> None:
            pass

    with sandbox.client(token_store=Broken()) as client:
        with pytest.raises(insurup.TokenStoreError, match="the disk is gone"):
            client.reference.me()


def test_the_stored_token_set_has_the_cores_shape_in_every_store(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    path = tmp_path / "tokens.json"
    store = RecordingStore()
    with sandbox.client(token_store=store) as client:
        client.sign_in()
    with sandbox.client(token_store=insurup.FileTokenStore(path)) as client:
        client.sign_in()

    assert store.saved is not None
    kept_by_python = json.loads(store.saved)
    kept_in_a_file = json.loads(path.read_text())
    shape = {"accessToken", "refreshToken", "issuedAtMs", "expiresInSecs", "subject"}
    assert set(kept_by_python) == set(kept_in_a_file) == shape
    from_file = insurup.TokenSet.from_json(path.read_text())
    assert from_file.subject == kept_by_python["subject"]
    assert from_file.expires_at == (kept_in_a_file["issuedAtMs"] / 1000 + kept_in_a_file["expiresInSecs"])
