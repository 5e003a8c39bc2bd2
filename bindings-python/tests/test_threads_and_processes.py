"""One client serves many threads at once (the GIL is released while calls wait), and a forked
child is told clearly that it cannot use its parent's client."""

from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest

import insurup
from support import AGENT_ID, Sandbox

THREADS = 16


def test_sixteen_threads_sharing_one_client_have_calls_in_flight_together(
    sandbox: Sandbox, client: insurup.Client
) -> None:
    client.sign_in()
    # Each answer is held back a little, so a call that kept the GIL would keep every other
    # thread from even starting its call.
    sandbox.fault("GET", "/api/agent-users/me", status=None, delayMs=300, times=THREADS)
    lock = threading.Lock()
    in_flight = 0
    most_in_flight = 0

    def call(_: int) -> str:
        nonlocal in_flight, most_in_flight
        with lock:
            in_flight += 1
            most_in_flight = max(most_in_flight, in_flight)
        try:
            agent_id = client.reference.me().agent_id
            assert agent_id is not None
            return agent_id
        finally:
            with lock:
                in_flight -= 1

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        results = list(pool.map(call, range(THREADS)))

    assert results == [AGENT_ID] * THREADS
    assert most_in_flight > 1, "calls ran one after another: the GIL was held while waiting"
    assert sandbox.stats()["logins"] == 1, "the threads share one session"


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_forked_child_gets_a_clear_error_instead_of_a_hang(client: insurup.Client) -> None:
    client.reference.me()
    read_end, write_end = os.pipe()

    pid = os.fork()
    if pid == 0:  # the child: report what using the inherited client does, then leave at once
        os.close(read_end)
        try:
            client.reference.me()
            outcome = "the call succeeded"
        except RuntimeError as error:
            outcome = str(error)
        except BaseException as error:  # noqa: BLE001 - anything else is reported as a failure
            outcome = f"unexpected {type(error).__name__}: {error}"
        os.write(write_end, outcome.encode())
        os._exit(0)

    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        outcome = pipe.read().decode()
    os.waitpid(pid, 0)

    assert "fork" in outcome and "spawn" in outcome, outcome
    assert client.reference.me().agent_id == AGENT_ID, "the parent is unaffected"
