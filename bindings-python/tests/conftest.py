"""Fixtures: one sandbox for the session (the real binary, over HTTP on loopback), reset before
every test, and clients signed in as the sandbox's published test users."""

from __future__ import annotations

import subprocess
from typing import AsyncIterator, Iterator

import pytest

import insurup
from support import GENERATED_POLICIES, Sandbox, sandbox_binary


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    binary = sandbox_binary()
    if not binary.exists():
        pytest.fail(f"{binary} is missing: run `cargo build -p insurup-sandbox` first")
    process = subprocess.Popen(
        [
            str(binary),
            "--port", "0",
            "--latency-scale", "0",
            "--seed", "7",
            "--generated-policies", str(GENERATED_POLICIES),
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
        yield Sandbox(base_url)
    finally:
        process.terminate()
        process.wait(timeout=10)


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
