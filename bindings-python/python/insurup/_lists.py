"""Lazy lists as iterators: GraphQL rows and pages, and a proposal's updates.

The core pages and polls; each iterator asks its native cursor for the next batch (the rows of
one page, one page, or one update) only when the items it holds run out, so a loop crosses into
Rust and releases the GIL once per page, and breaking out of it fetches nothing more.
"""

from __future__ import annotations

from collections import deque

from ._insurup import ProposalUpdate

# `typing` is not imported at run time: it would triple what `import insurup` costs. Type
# checkers read this name as `typing.TYPE_CHECKING`.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Generic, TypeVar

    from ._insurup import ListCursor
else:
    from types import GenericAlias

    class Generic:
        """At run time a generic iterator only needs subscripting (``RowIterator[Customer]``)."""

        __slots__ = ()
        __class_getitem__ = classmethod(GenericAlias)

    def TypeVar(name: str) -> str:
        return name

__all__ = [
    "RowIterator",
    "AsyncRowIterator",
    "PageIterator",
    "AsyncPageIterator",
    "ProposalWatch",
    "AsyncProposalWatch",
]

_T = TypeVar("_T")


class _Iterator(Generic[_T]):
    __slots__ = ("_cursor", "_items")

    def __init__(self, cursor: ListCursor) -> None:
        self._cursor = cursor
        self._items: deque[_T] = deque()

    def __iter__(self) -> _Iterator[_T]:
        return self

    def __next__(self) -> _T:
        if not self._items:
            self._items.extend(self._cursor.next_batch())
            if not self._items:
                raise StopIteration
        return self._items.popleft()


class _AsyncIterator(Generic[_T]):
    __slots__ = ("_cursor", "_items")

    def __init__(self, cursor: ListCursor) -> None:
        self._cursor = cursor
        self._items: deque[_T] = deque()

    def __aiter__(self) -> _AsyncIterator[_T]:
        return self

    async def __anext__(self) -> _T:
        if not self._items:
            self._items.extend(await self._cursor.next_batch_async())
            if not self._items:
                raise StopAsyncIteration
        return self._items.popleft()


class RowIterator(_Iterator[_T]):
    """Every row of a GraphQL list, fetched a page at a time as the loop advances."""

    __slots__ = ()

    def __iter__(self) -> RowIterator[_T]:
        return self

    @property
    def resume_cursor(self) -> str | None:
        """Where a new list (``after=``) resumes this one without skipping a row, even in
        another process: after the last page whose rows were all handed out (rows of the page
        being read may come again). None until the first page is read past."""
        return self._cursor.resume_cursor


class AsyncRowIterator(_AsyncIterator[_T]):
    """Every row of a GraphQL list for ``async for``, fetched a page at a time."""

    __slots__ = ()

    def __aiter__(self) -> AsyncRowIterator[_T]:
        return self

    @property
    def resume_cursor(self) -> str | None:
        """Where a new list (``after=``) resumes this one without skipping a row (see
        :attr:`RowIterator.resume_cursor`)."""
        return self._cursor.resume_cursor


class PageIterator(_Iterator[_T]):
    """The pages of a GraphQL list, fetched as the loop advances."""

    __slots__ = ()

    def __iter__(self) -> PageIterator[_T]:
        return self


class AsyncPageIterator(_AsyncIterator[_T]):
    """The pages of a GraphQL list for ``async for``, fetched as the loop advances."""

    __slots__ = ()

    def __aiter__(self) -> AsyncPageIterator[_T]:
        return self


class ProposalWatch(_Iterator[ProposalUpdate]):
    """A proposal's updates: each brings the insurers that answered since the previous one."""

    __slots__ = ()

    def __iter__(self) -> ProposalWatch:
        return self


class AsyncProposalWatch(_AsyncIterator[ProposalUpdate]):
    """A proposal's updates for ``async for``."""

    __slots__ = ()

    def __aiter__(self) -> AsyncProposalWatch:
        return self
