"""Turns the native module's calls into coroutines.

An ``AsyncClient`` call returns a coroutine, like any ``async def``: nothing is sent until it is
awaited or scheduled, and ``asyncio.create_task`` and ``TaskGroup.create_task`` accept it.
Awaited, the call starts on the SDK's tokio runtime and resolves a future of the running loop.
Finished calls come back through one queue per loop (``Completions``): the loop is woken once
for however many calls finished meanwhile, and resolves all of them in one callback.
"""

from asyncio import AbstractEventLoop, get_running_loop
from typing import Any
from weakref import WeakKeyDictionary

from ._insurup import Completions, PendingCall

_completions: "WeakKeyDictionary[AbstractEventLoop, Completions]" = WeakKeyDictionary()


def completions_of(loop: AbstractEventLoop) -> Completions:
    """The queue of ``loop``'s finished calls, opened on the loop's first call."""
    completions = _completions.get(loop)
    if completions is None:
        completions = _completions[loop] = Completions.open(loop)
    return completions


async def run(call: PendingCall) -> Any:
    loop = get_running_loop()
    future = call.start(loop, completions_of(loop))
    try:
        return await future
    except BaseException:
        # Cancelled (or failed): drop the SDK call if it still runs; purchases finish regardless.
        call.cancel()
        raise
