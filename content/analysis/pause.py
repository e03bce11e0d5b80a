"""A yield point for the long stages, so the analysis can run beside a user interface.

The reader runs the analysis of a book in a thread. Both threads share the interpreter lock, so
a key answered while the analysis runs would take about twice as long. The long loops call
`pause` every `PAUSE_EVERY` steps; the reader's waits while a key is being answered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

Pause = Callable[[], None]
PAUSE_EVERY = 16

T = TypeVar("T")


def pausing(items: Iterable[T], pause: Pause | None) -> Iterable[T]:
    """`items`, calling `pause` before every `PAUSE_EVERY`-th: for a stage's main loop."""
    return items if pause is None else _pausing(items, pause)


def _pausing(items: Iterable[T], pause: Pause) -> Iterator[T]:
    for index, item in enumerate(items):
        if not index % PAUSE_EVERY:
            pause()
        yield item
