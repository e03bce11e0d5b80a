"""The wrap model: a Document laid out in rows of a given width, outside any widget.

Rows map to spans of `Document.text` and offsets map back to rows, so the article view
only draws, and wrapping can be tested without a terminal (as Textual's TextArea keeps
its `WrappedDocument` apart from the widget).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from rich.cells import get_character_cell_size

from content import Block, Document

MEASURE = 72
"""The widest column of text unless config.toml's `width` says otherwise; wider views get
margins, centring the text as a page would."""
MIN_TEXT_WIDTH = 8

# Characters that are not one cell wide: wide East Asian forms, emoji, combining marks.
_NOT_ONE_CELL = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a\u064b-\u065f\u0e31-\u0e3a"
    "\u1100-\u115f\u200b-\u200f\u20d0-\u20ff\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff"
    "\ufe00-\ufe0f\ufe20-\ufe2f\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f000-\U0001faff\U00020000-\U0003fffd]"
)


class Row(NamedTuple):
    """One screen row: `text[start:end]` drawn after `indent`; `block` is -1 for a gap.

    A NamedTuple, not a dataclass: a book has tens of thousands of rows, built at start.
    """

    start: int
    end: int
    block: int
    indent: str = ""


def block_indent(block: Block, first_row: bool) -> str:
    quote_bar = "▎ " * block.quote_depth
    if block.kind == "list_item":
        nesting = "  " * max(0, block.depth - 1)
        marker = (block.marker if first_row else "").ljust(len(block.marker)) + " "
        return quote_bar + nesting + marker
    if block.kind == "code":
        return quote_bar + "  "
    if block.kind == "quote" or block.quote_depth:
        return quote_bar
    return ""


def _cell_len(text: str) -> int:
    if not _NOT_ONE_CELL.search(text):
        return len(text)
    return sum(get_character_cell_size(char) for char in text)


def wrap_line(text: str, flat: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of `text[start:end]` into spans of at most `width` cells.

    `flat` is `text` with soft newlines turned into spaces, so `rfind` sees them as breaks.
    """
    spans: list[tuple[int, int]] = []
    if _NOT_ONE_CELL.search(text, start, end):
        return _wrap_wide(text, start, end, width)
    position = start
    while end - position > width:
        cut = flat.rfind(" ", position, position + width + 1)
        if cut <= position:
            spans.append((position, position + width))
            position += width
        else:
            spans.append((position, cut))
            position = cut + 1
    spans.append((position, end))
    return spans


def _char_cells(char: str) -> int:
    # A soft newline or a tab is drawn as one space.
    return 1 if char in "\n\t" else get_character_cell_size(char)


def _wrap_wide(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """The slow path of `wrap_line`, for text with characters that are not one cell wide."""
    spans: list[tuple[int, int]] = []
    line_start = start
    cells = 0
    last_space = -1
    for position in range(start, end):
        char = text[position]
        size = _char_cells(char)
        while cells + size > width and position > line_start:
            if char in " \n":
                break  # a space that does not fit ends the line; it is dropped below
            if last_space > line_start:
                spans.append((line_start, last_space))
                line_start = last_space + 1
            else:
                spans.append((line_start, position))
                line_start = position
            cells = sum(_char_cells(c) for c in text[line_start:position])
            last_space = -1
        if char in " \n":
            if cells + size > width and position > line_start:
                spans.append((line_start, position))
                line_start, cells, last_space = position + 1, 0, -1
                continue
            last_space = position
        cells += size
    spans.append((line_start, end))
    return spans


class WrapModel:
    """A document laid out at one width. Build a new one when the width changes.

    With `lazy=True` blocks are laid out only as far as they are asked for (`row`,
    `row_of`, `extend`): a book's first screen needs its first rows, not all 60,000. Until
    `complete`, `len()` is an estimate from the rows laid out so far, for the scroll bar.
    """

    def __init__(self, document: Document, width: int, *, lazy: bool = False, measure: int = MEASURE) -> None:
        self.document = document
        self.width = max(1, width)
        self.measure = min(self.width, measure or self.width)  # 0: the whole width
        self.margin = (self.width - self.measure) // 2
        self.rows: list[Row] = []
        self._starts: list[int] = []
        self._next = 0
        """The first block not laid out yet."""
        text = document.text
        self._flat = text.replace("\n", " ") if document.format == "text" else text
        if not lazy:
            self.extend(len(document.blocks))

    @property
    def complete(self) -> bool:
        return self._next >= len(self.document.blocks)

    def extend(self, blocks: int) -> bool:
        """Lay out up to `blocks` more blocks; True when the whole document is laid out."""
        text, flat = self.document.text, self._flat
        rows = self.rows
        all_blocks = self.document.blocks
        first_new = len(rows)
        stop = min(len(all_blocks), self._next + blocks)
        for index in range(self._next, stop):
            block = all_blocks[index]
            tight_list = block.kind == "list_item" and index and all_blocks[index - 1].kind == "list_item"
            if index and not tight_list:
                rows.append(Row(block.start, block.start, -1))
            if block.kind == "rule" or block.start == block.end:
                rows.append(Row(block.start, block.end, index, "─" * min(self.measure, 40)))
                continue
            first_indent = block_indent(block, True)
            other_indent = block_indent(block, False)
            width = max(MIN_TEXT_WIDTH, self.measure - _cell_len(first_indent))
            hard_lines = block.kind == "code" or self.document.format != "text"
            lines = _line_spans(text, block.start, block.end) if hard_lines else [(block.start, block.end)]
            first = True
            for line_start, line_end in lines:
                source = text if block.kind == "code" else flat
                for start, end in wrap_line(text, source, line_start, line_end, width):
                    rows.append(Row(start, end, index, first_indent if first else other_indent))
                    first = False
        self._next = stop
        self._starts.extend(row.start for row in rows[first_new:])
        return self.complete

    def __len__(self) -> int:
        """The number of rows; while laying out is under way, an estimate."""
        if self.complete or not self.rows:
            return len(self.rows)
        done = self.document.blocks[self._next].start
        left = len(self.document.text) - done
        return len(self.rows) + round(left * len(self.rows) / max(1, done))

    def row(self, index: int) -> Row | None:
        """Row `index`, laid out first if need be; None past the end."""
        while index >= len(self.rows) and not self.complete:
            self.extend(_STEP)
        return self.rows[index] if 0 <= index < len(self.rows) else None

    def row_of(self, offset: int) -> int:
        """The row that shows `offset` (the last row at or before it)."""
        blocks = self.document.blocks
        while not self.complete and blocks[self._next].start <= offset:
            self.extend(_STEP)
        return max(0, bisect_right(self._starts, offset) - 1)

    def rows_of(self, start: int, end: int) -> tuple[int, int]:
        """The first and last rows that show `[start, end)`."""
        return self.row_of(start), self.row_of(max(start, end - 1))


_STEP = 64
"""Blocks laid out at a time when a row further on is asked for."""


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    while True:
        newline = text.find("\n", position, end)
        if newline == -1:
            spans.append((position, end))
            return spans
        spans.append((position, newline))
        position = newline + 1
