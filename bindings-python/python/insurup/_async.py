"""Turns the native module's awaitables into coroutines.

An ``AsyncClient`` call returns a coroutine, like any ``async def``: nothing is sent until it is
awaited or scheduled, and ``asyncio.create_task`` and ``TaskGroup.create_task`` accept it.
``start`` begins the SDK call on its tokio runtime and returns an asyncio future for its result.
"""

from typing import Awaitable, Callable, TypeVar

T = TypeVar("T")


async def run(start: Callable[[], Awaitable[T]]) -> T:
    return await start()
