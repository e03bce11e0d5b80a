"""Moving a reading cursor through sorted spans: the logic behind `)` `(` `}` `{` `.` `,`."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Protocol


class HasSpan(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


def index_after(starts: Sequence[int], offset: int) -> int | None:
    """Index of the first span that starts after `offset`."""
    index = bisect_right(starts, offset)
    return index if index < len(starts) else None


def index_before(starts: Sequence[int], offset: int) -> int | None:
    """Index of the last span that starts before `offset`."""
    index = bisect_left(starts, offset) - 1
    return index if index >= 0 else None


def index_at(spans: Sequence[HasSpan], starts: Sequence[int], offset: int) -> int | None:
    """Index of the span that holds `offset`, else the next one after it."""
    index = bisect_right(starts, offset) - 1
    if index >= 0 and spans[index].start <= offset < spans[index].end:
        return index
    return index + 1 if index + 1 < len(spans) else None
