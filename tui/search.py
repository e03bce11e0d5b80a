"""Search in the article: every match of a query, found once, then stepped through by
bisection. No Textual here.

Smart case, as in vim and less: a query all in lower case ignores case; one with a
capital matches case exactly. A regular expression is taken as it is typed. The text's
lower-case copy is made once per document, so `n` never folds the book again.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from content import Span
from tui.navigation import index_after, index_before

MAX_MATCHES = 100_000
"""More than this are not listed ("e" in a book): the count says so, and `n` still steps."""


@dataclass(frozen=True)
class Query:
    text: str
    regex: bool = False

    @property
    def case_sensitive(self) -> bool:
        return any(ch.isupper() for ch in self.text)


class SearchError(ValueError):
    """A regular expression that does not compile; its message is one line for the user."""


class Matches:
    """The matches of one query, sorted and not overlapping."""

    def __init__(self, query: Query, starts: list[int], ends: list[int], capped: bool = False) -> None:
        self.query = query
        self.starts = starts
        self.ends = ends
        self.capped = capped

    def __len__(self) -> int:
        return len(self.starts)

    def span(self, index: int) -> Span:
        return Span(self.starts[index], self.ends[index])

    def count(self) -> str:
        return f"{len(self)}+" if self.capped else str(len(self))

    def after(self, offset: int) -> int | None:
        """The first match that starts after `offset`, wrapping to the first."""
        if not self.starts:
            return None
        index = index_after(self.starts, offset)
        return 0 if index is None else index

    def before(self, offset: int) -> int | None:
        """The last match that starts before `offset`, wrapping to the last."""
        if not self.starts:
            return None
        index = index_before(self.starts, offset)
        return len(self.starts) - 1 if index is None else index

    def at_or_after(self, offset: int) -> int | None:
        """The first match that starts at or after `offset`, wrapping to the first."""
        return self.after(offset - 1)

    def overlapping(self, start: int, end: int) -> list[Span]:
        """The matches over [start, end): what a row of the article draws."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        return [Span(self.starts[i], self.ends[i]) for i in range(first, last)]


class Finder:
    """Finds every match of a query in one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._lowered: str | None = None

    def _lower(self) -> str | None:
        """The text in lower case, made once; None when lowering changes its length (then
        offsets would not line up, and a case-blind expression is used instead)."""
        if self._lowered is None:
            lowered = self.text.lower()
            self._lowered = lowered if len(lowered) == len(self.text) else ""
        return self._lowered or None

    def find(self, query: Query) -> Matches:
        if not query.text:
            return Matches(query, [], [])
        if query.regex:
            try:
                pattern = re.compile(query.text, 0 if query.case_sensitive else re.IGNORECASE)
            except (re.error, RecursionError, OverflowError) as error:
                raise SearchError(f"not a regular expression: {error}") from None
            return self._collect(query, pattern, self.text)
        if query.case_sensitive:
            return self._collect(query, re.compile(re.escape(query.text)), self.text)
        lowered = self._lower()
        if lowered is not None:
            return self._collect(query, re.compile(re.escape(query.text.lower())), lowered)
        return self._collect(query, re.compile(re.escape(query.text), re.IGNORECASE), self.text)

    @staticmethod
    def _collect(query: Query, pattern: re.Pattern[str], haystack: str) -> Matches:
        starts: list[int] = []
        ends: list[int] = []
        for match in pattern.finditer(haystack):
            if match.end() == match.start():
                continue  # an expression that matches nothing at all ("a*") marks nothing
            starts.append(match.start())
            ends.append(match.end())
            if len(starts) >= MAX_MATCHES:
                return Matches(query, starts, ends, capped=True)
        return Matches(query, starts, ends)
