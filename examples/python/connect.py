"""Shared start-up for the examples: use the ``INSURUP_*`` variables when ``INSURUP_BASE_URL``
is set, otherwise start a local sandbox and log in as its 2FA test user."""

from __future__ import annotations

import atexit
import os
import subprocess
from pathlib import Path
from typing import List

import insurup

REPO = Path(__file__).resolve().parents[2]


def sandbox_url(extra_args: List[str]) -> str:
    """Starts ``insurup-sandbox`` (built by ``cargo build -p insurup-sandbox``), stopped at exit."""
    binary = os.environ.get("INSURUP_SANDBOX_BIN", str(REPO / "target" / "debug" / "insurup-sandbox"))
    process = subprocess.Popen(
        [binary, "--port", "0", "--latency-scale", "0", *extra_args],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    atexit.register(process.terminate)
    assert process.stdout is not None
    return process.stdout.readline().strip()  # the sandbox prints its base URL first


def connect(*sandbox_args: str) -> insurup.Client:
    if "INSURUP_BASE_URL" in os.environ:
        return insurup.Client.from_env()
    return insurup.Client(
        base_url=sandbox_url(list(sandbox_args)),
        email="mfa@sandbox.insurup.test",
        password="sandbox-password",
        two_factor=lambda challenge: "123456",  # a real app asks the user for the SMS code
        agent_id="00000000-0000-4000-8000-000000000001",
    )
