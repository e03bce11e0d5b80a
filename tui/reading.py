"""The reading state: where the cursor is and what is selected. No Textual here.

The screen asks this object where `)` or `}` should go, and applies the answer; so the
movement rules are tested without a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only types: the analysis modules are loaded by the background worker, not at start.
    from content.analysis import Analysis, Claim, Person, Quote

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from content import Sentence, Span
from tui.navigation import index_after, index_at, index_before

Unit = Literal["sentence", "paragraph", "section", "quote", "claim", "annotation", "match", "selection"]


@dataclass(frozen=True)
class Cursor:
    span: Span
    unit: Unit
    index: int = 0
    """Position among the spans of its unit, counted from 0."""


class Reading:
    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.document = analysis.document
        self.cursor: Cursor | None = None
        self.anchor: Span | None = None
        """Where a keyboard selection (`v`) began; None when not selecting."""
        self.speaker: str | None = None
        """When set, `]` and `[` step through this person's quotes only."""
        self.nearby: Analysis | None = None
        """While a book is analysed: the analysis of the paragraphs around the reading position
        (`Analysis.near`), done first, with its quotes and claims worked out."""

    # The spans are worked out on first use: for a book, splitting sentences takes a
    # moment, and the first screen should not wait for it.

    @cached_property
    def sentences(self) -> list[Sentence]:
        return self.analysis.sentences

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def paragraphs(self) -> list[Span]:
        return [Span(b.start, b.end) for b in self.document.blocks if b.end > b.start]

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return [p.start for p in self.paragraphs]

    @cached_property
    def sections(self) -> list[Span]:
        """The headings (a book's chapters too): `J` and `K` step through them."""
        return [Span(b.start, b.end) for b in self.document.blocks if b.kind == "heading" and b.end > b.start]

    @cached_property
    def section_starts(self) -> list[int]:
        return [s.start for s in self.sections]

    @cached_property
    def quotes(self) -> list[Quote]:
        return [q for q in self.analysis.quotes if q.depth == 1]

    @cached_property
    def quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    @cached_property
    def claims(self) -> list[Claim]:
        return self.analysis.claims

    @cached_property
    def claim_starts(self) -> list[int]:
        return [c.start for c in self.claims]

    @cached_property
    def people(self) -> list[Person]:
        return self.analysis.people

    def speaker_quotes(self, speaker: str) -> list[int]:
        """The indexes (among all quotes) of one person's quotes."""
        return [index for index, quote in enumerate(self.quotes) if quote.speaker == speaker]

    def analysed(self) -> bool:
        """Whether quotes and claims are worked out (the worker sets them in the background)."""
        return "claim_starts" in self.__dict__ and "quote_starts" in self.__dict__

    def found_near(self, unit: Unit) -> Sequence[Quote] | Sequence[Claim]:
        """The quotes or claims found around the reading position first; none before they are."""
        if self.nearby is None:
            return []
        if unit == "quote":
            return [q for q in self.nearby.quotes if q.depth == 1]
        return self.nearby.claims

    def cycle_near(self, unit: Literal["quote", "claim"], forward: bool) -> Cursor | None:
        """While a book is analysed: the next or previous quote or claim among those found around
        the reading position first; None past them (the rest are still being found). Its
        number among all of them is not known yet: the cursor's index is -1."""
        spans = self.found_near(unit)
        starts = [span.start for span in spans]
        origin = self.cursor.span.start if self.cursor else -1
        position = index_after(starts, origin) if forward else index_before(starts, origin)
        if position is None:
            return None
        return self.place(Cursor(Span(spans[position].start, spans[position].end), unit, -1))

    def item(self, cursor: Cursor) -> Quote | Claim | None:
        """The quote or claim the cursor is on: by its number once the document is analysed,
        else found among those near the reading position."""
        if cursor.unit not in ("quote", "claim"):
            return None
        if cursor.index >= 0:
            return self.quotes[cursor.index] if cursor.unit == "quote" else self.claims[cursor.index]
        near = self.found_near(cursor.unit)
        return next((s for s in near if (s.start, s.end) == (cursor.span.start, cursor.span.end)), None)

    def settle(self) -> None:
        """Once the whole document is analysed: a cursor on a quote or claim found near the
        reading position gets its number among all of them, or, if the whole analysis has
        none there, becomes the sentence it is in."""
        cursor = self.cursor
        if cursor is None or cursor.unit not in ("quote", "claim") or cursor.index >= 0:
            return
        spans: list[Quote] | list[Claim] = self.quotes if cursor.unit == "quote" else self.claims
        starts = self.quote_starts if cursor.unit == "quote" else self.claim_starts
        index = bisect_left(starts, cursor.span.start)
        if index < len(spans) and (spans[index].start, spans[index].end) == (cursor.span.start, cursor.span.end):
            self.place(Cursor(cursor.span, cursor.unit, index))
        elif (sentence := self.sentence_at(cursor.span.start)) is not None:
            self.place(sentence)

    def cycle(self, unit: Literal["quote", "claim"], forward: bool) -> tuple[Cursor | None, bool]:
        """The next or previous quote or claim, wrapping at the ends. Returns (cursor, wrapped)."""
        spans: list[Quote] | list[Claim] = self.quotes if unit == "quote" else self.claims
        starts = self.quote_starts if unit == "quote" else self.claim_starts
        # With a speaker chosen, only their quotes: `indexes` maps back to all quotes.
        indexes = self.speaker_quotes(self.speaker) if unit == "quote" and self.speaker else range(len(spans))
        if unit == "quote" and self.speaker:
            starts = [starts[i] for i in indexes]
        if not indexes:
            return None, False
        origin = self.cursor.span.start if self.cursor else -1
        position = index_after(starts, origin) if forward else index_before(starts, origin)
        wrapped = position is None
        if position is None:
            position = 0 if forward else len(indexes) - 1
        index = indexes[position]
        return self.place(Cursor(Span(spans[index].start, spans[index].end), unit, index)), wrapped

    # -- movement ----------------------------------------------------------------------

    def _step(
        self, spans: Sequence[Span], starts: list[int], unit: Unit, forward: bool, origin: int | None
    ) -> Cursor | None:
        if not spans:
            return None
        if origin is None:
            index = index_at(spans, starts, 0) if forward else len(spans) - 1
        elif forward:
            index = index_after(starts, origin)
        else:
            index = index_before(starts, origin)
        if index is None:
            return None
        return Cursor(spans[index], unit, index)

    def sentences_ready(self) -> bool:
        """Whether the whole document is split into sentences (a book takes a moment)."""
        return "sentences" in self.analysis.__dict__

    @cached_property
    def _block_starts(self) -> list[int]:
        return [b.start for b in self.document.blocks]

    def _sentences_near(self, offset: int) -> list[Sentence]:
        """While the book is still being split: the sentences of the paragraphs around
        `offset`, split now, enough of them to step once either way from it. Sentences
        never cross a paragraph, so these are the very sentences the full split finds."""
        from content.analysis.sentences import block_sentences

        blocks, text = self.document.blocks, self.analysis.read.text  # as the full split reads it
        if not blocks:
            return []
        low = high = max(0, bisect_right(self._block_starts, offset) - 1)
        found = block_sentences(text, blocks[low])
        while high + 1 < len(blocks) and not any(s.start > offset for s in found):
            high += 1
            found = found + block_sentences(text, blocks[high])
        while low > 0 and not any(s.start < offset for s in found):
            low -= 1
            found = block_sentences(text, blocks[low]) + found
        return found

    def _spans(self, unit: Unit, around: int) -> tuple[Sequence[Span], list[int], bool]:
        """The spans to move through, their starts, and whether they are all of them."""
        if unit == "section":
            return self.sections, self.section_starts, True
        if unit != "sentence":
            return self.paragraphs, self.paragraph_starts, True
        if self.sentences_ready():
            return self.sentences, self.sentence_starts, True
        near = self._sentences_near(around)
        return near, [s.start for s in near], False

    def move(self, unit: Unit, forward: bool, visible: Span | None = None) -> Cursor | None:
        """Move to the next or previous sentence, paragraph or section; None at the ends.

        When the cursor has scrolled out of view, the first step lands on the first span
        on screen (the last, going back) instead, so reading picks up where the eyes are.
        While a book is still being split, the sentences around the cursor are split on
        demand, so `)` never waits for the whole book.
        """
        origin = self.cursor.span.start if self.cursor else None
        if visible is not None and (self.cursor is None or not _overlaps(self.cursor.span, visible)):
            spans, starts, whole = self._spans(unit, visible.start if forward else visible.end)
            index = index_at(spans, starts, visible.start) if forward else index_before(starts, visible.end)
            if index is not None:
                return self.place(Cursor(spans[index], unit, index if whole else -1))
        around = origin if origin is not None else (0 if forward else len(self.document.text))
        spans, starts, whole = self._spans(unit, around)
        found = self._step(spans, starts, unit, forward, origin)
        if found is not None and not whole:
            found = Cursor(found.span, unit, -1)  # its number is known once the split is done
        return self.place(found) if found else None

    def place(self, cursor: Cursor) -> Cursor:
        self.cursor = cursor
        return cursor

    def place_span(self, span: Span, unit: Unit) -> Cursor:
        return self.place(Cursor(span, unit, 0))

    def sentence_at(self, offset: int) -> Cursor | None:
        spans, starts, whole = self._spans("sentence", offset)
        index = index_at(spans, starts, offset)
        return None if index is None else Cursor(spans[index], "sentence", index if whole else -1)

    # -- selection ---------------------------------------------------------------------

    def toggle_selection(self) -> bool:
        """Start a selection at the cursor, or stop one. Returns whether selecting now."""
        if self.anchor is not None:
            self.anchor = None
            return False
        if self.cursor is None:
            return False
        self.anchor = self.cursor.span
        return True

    def select_words(self, start: int, end: int) -> None:
        """Select the words from `start` to `end` (either way round), whole words: a drag."""
        text = self.document.text
        low, high = sorted((start, end))
        first = _word_around(text, low)
        last = _word_around(text, max(low, high - 1) if high > low else high)
        self.anchor = first
        self.cursor = Cursor(last, "selection")

    @property
    def selection(self) -> Span | None:
        if self.anchor is None or self.cursor is None:
            return None
        return Span(min(self.anchor.start, self.cursor.span.start), max(self.anchor.end, self.cursor.span.end))

    def target(self) -> tuple[Span, Unit] | None:
        """What `h`, `a` and `y` act on: the selection, else the cursor's span."""
        if self.selection is not None:
            return self.selection, "selection"
        if self.cursor is None:
            return None
        return self.cursor.span, self.cursor.unit

    def counts(self) -> tuple[str, int, int]:
        """The status line's "sentence 12/80": unit, position (from 1) and total."""
        if self.cursor is None:
            return "sentence", 0, len(self.sentences) if self.sentences_ready() else 0
        unit = self.cursor.unit
        if unit == "paragraph":
            return unit, self.cursor.index + 1, len(self.paragraphs)
        if unit == "section":
            return unit, self.cursor.index + 1, len(self.sections)
        if unit == "quote":
            return unit, self.cursor.index + 1, len(self.quotes)
        if unit == "claim":
            return unit, self.cursor.index + 1, len(self.claims)
        name = "sentence" if unit in ("sentence", "selection", "match") else unit
        if not self.sentences_ready():
            return name, 0, 0  # still counting: the status line says so
        located = self.sentence_at(self.cursor.span.start)
        position = located.index + 1 if located else 0
        return name, position, len(self.sentences)


def _overlaps(a: Span, b: Span) -> bool:
    return (a.start < b.end and b.start < a.end) or a.start == b.start


def _word_around(text: str, offset: int) -> Span:
    """The word at `offset` (or the one character there, if it is not part of a word)."""
    offset = max(0, min(offset, len(text) - 1))
    start = end = offset
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "’'-"):
        start -= 1
    while end < len(text) and (text[end].isalnum() or text[end] in "’'-"):
        end += 1
    return Span(start, max(end, start + 1))
