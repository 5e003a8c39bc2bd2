"""A user's OAuth sign-in (authorization code with PKCE, PAR) from Python, sync and asyncio."""

from __future__ import annotations

from pathlib import Path

import pytest

import insurup
from support import AGENT_EMAIL, Sandbox

REDIRECT = "http://127.0.0.1:53682/callback"


def oauth_settings(tmp_path: Path) -> dict[str, object]:
    return {
        "email": None,
        "password": None,
        "client_id": "sandbox-app",
        "redirect_uri": REDIRECT,
        "token_store": insurup.FileTokenStore(tmp_path / "tokens.json"),
    }


def approve(sandbox: Sandbox, url: str) -> str:
    """What the user's browser does: sign in, consent, land on the callback."""
    answer = sandbox.control("POST", "/__sandbox/oauth/approve", {"url": url})
    redirect: str = answer["redirectUrl"]
    return redirect


def test_a_user_signs_in_in_the_browser_and_the_client_acts_as_that_user(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    with sandbox.client(**oauth_settings(tmp_path)) as client:
        with pytest.raises(insurup.AuthenticationError, match="start_sign_in"):
            client.reference.me()
        assert sandbox.api_requests() == {}

        request = client.start_sign_in()
        assert "request_uri=" in request.authorization_url
        assert sandbox.requests("POST /connect/par") == 1
        callback = approve(sandbox, request.authorization_url)
        assert f"state={request.state}" in callback

        with pytest.raises(insurup.ValidationError) as refused:
            client.complete_sign_in(callback.replace(request.state, "forged"))
        assert refused.value.field == "state"

        client.complete_sign_in(callback)
        assert client.reference.me().email == AGENT_EMAIL
        assert (tmp_path / "tokens.json").exists()

    # Another client resumes the sign-in from the store; signing out revokes it there.
    with sandbox.client(**oauth_settings(tmp_path)) as resumed:
        assert resumed.reference.me().email == AGENT_EMAIL
        resumed.sign_out()
        assert not (tmp_path / "tokens.json").exists()
        assert sandbox.requests("POST /connect/revoke") == 2
        with pytest.raises(insurup.AuthenticationError):
            resumed.reference.me()
    assert sandbox.stats()["authorizationCodes"] == 1


async def test_the_async_client_signs_a_user_in_too(sandbox: Sandbox, tmp_path: Path) -> None:
    async with sandbox.async_client(**oauth_settings(tmp_path)) as client:
        request = await client.start_sign_in()
        await client.complete_sign_in(approve(sandbox, request.authorization_url))
        me = await client.reference.me()
        assert me.email == AGENT_EMAIL
        await client.sign_out()
