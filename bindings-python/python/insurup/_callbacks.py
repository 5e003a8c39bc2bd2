"""Runs the callbacks a client was given: the ``two_factor`` callable and a ``token_store``'s
``load()``, ``save(tokens)`` and ``clear()``.

The core asks for a code or for tokens from its own threads, never from the event loop; the
native module calls :func:`call` there. An ``async def`` callback of an ``AsyncClient`` runs on
the event loop of the client's latest call, and the core's thread waits for it.
"""

from __future__ import annotations

import asyncio
import inspect
from typing import Any, Awaitable, Optional, Tuple, TypeVar

T = TypeVar("T")


def call(
    target: Any,
    method: Optional[str],
    arguments: Tuple[Any, ...],
    loop: Optional[asyncio.AbstractEventLoop],
) -> Any:
    """``target(*arguments)`` or ``target.method(*arguments)``, awaited on ``loop`` if it
    returns an awaitable."""
    function = target if method is None else getattr(target, method)
    result = function(*arguments)
    if not inspect.isawaitable(result):
        return result
    if loop is None:
        if inspect.iscoroutine(result):
            result.close()  # so Python does not warn that it was never awaited
        raise TypeError(
            "the callback returned an awaitable; insurup.Client needs plain functions "
            "(use insurup.AsyncClient for async callbacks)"
        )
    return asyncio.run_coroutine_threadsafe(_awaited(result), loop).result()


async def _awaited(awaitable: Awaitable[T]) -> T:
    return await awaitable
