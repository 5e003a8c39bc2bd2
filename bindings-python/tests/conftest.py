"""Fixtures: one sandbox for the session (the real binary, over HTTP on loopback), reset before
every test, and clients signed in as the sandbox's published test users."""

from __future__ import annotations

import subprocess
from typing import AsyncIterator, Iterator

import pytest

import insurup
from support import GENERATED_POLICIES, Sandbox, sandbox_binary


def start_sandbox(dialect: str, generated_policies: int, *flags: str) -> Iterator[Sandbox]:
    binary = sandbox_binary()
    if not binary.exists():
        pytest.fail(f"{binary} is missing: run `cargo build -p insurup-sandbox` first")
    process = subprocess.Popen(
        [
            str(binary),
            "--port", "0",
            "--latency-scale", "0",
            "--seed", "7",
            "--generated-policies", str(generated_policies),
            "--dialect", dialect,
            *flags,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        base_url = process.stdout.readline().strip()
        if not base_url.startswith("http"):
            pytest.fail(f"the sandbox did not print its URL (got {base_url!r})")
        # Dialects with a separate OAuth origin print its URL on the second line.
        auth_url = base_url if dialect == "guide" else process.stdout.readline().strip()
        yield Sandbox(base_url, auth_url, dialect)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """The vendor client's dialect, the sandbox's default."""
    yield from start_sandbox("vendor-sdk", GENERATED_POLICIES)


@pytest.fixture(scope="session")
def guide_sandbox() -> Iterator[Sandbox]:
    """The B2B guide's dialect: other GraphQL names, other request bodies, the same SDK calls."""
    yield from start_sandbox("guide", 0)


@pytest.fixture(scope="session")
def graphql_docs_sandbox() -> Iterator[Sandbox]:
    """InsurUp's GraphQL docs' dialect: `nodes`, `Query…FilterInput`, the token server apart."""
    yield from start_sandbox("graphql-docs", 0)


# The session fixture serving each documented dialect.
DIALECT_SANDBOXES = {
    "guide": "guide_sandbox",
    "graphql-docs": "graphql_docs_sandbox",
    "vendor-sdk": "sandbox",
}


@pytest.fixture(params=list(DIALECT_SANDBOXES))
def served(request: pytest.FixtureRequest) -> Sandbox:
    """The sandbox of each documented dialect in turn (started on first use), reset; the test's
    id names the dialect. Clients made from it are not told the dialect: they find it out."""
    sandbox: Sandbox = request.getfixturevalue(DIALECT_SANDBOXES[request.param])
    sandbox.reset()
    return sandbox


@pytest.fixture(autouse=True)
def fresh_sandbox(sandbox: Sandbox) -> None:
    """Seeded data, no faults, zeroed counters; sessions stay valid."""
    sandbox.reset()


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[insurup.Client]:
    with sandbox.client() as client:
        yield client


@pytest.fixture
async def async_client(sandbox: Sandbox) -> AsyncIterator[insurup.AsyncClient]:
    async with sandbox.async_client() as client:
        yield client
