"""Assemble a Document's text block by block, keeping every block and style as a span.

Markdown and HTML both build their text this way: blocks are separated by a blank line,
and each piece of text is appended once, so the spans are right by construction.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from content.document import Block, InlineStyle


@dataclass
class TextBuilder:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    blocks: list[Block] = field(default_factory=list)
    inline: list[InlineStyle] = field(default_factory=list)

    def begin_block(self) -> int:
        if self.blocks:
            self.append("\n\n")
        return self.length

    def append(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def add_block(self, text: str, **fields: object) -> None:
        start = self.begin_block()
        self.append(text)
        self.blocks.append(Block(start, self.length, **fields))  # type: ignore[arg-type]

    def end_block(self, start: int, **fields: object) -> None:
        """Close a block begun with `begin_block` whose text was appended piece by piece."""
        self.blocks.append(Block(start, self.length, **fields))  # type: ignore[arg-type]

    def text(self) -> str:
        return "".join(self.parts)


def _width(text: str) -> int:
    """Terminal columns: wide and full-width characters take two, combining marks none."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def aligned_table(rows: list[list[str]], header: bool = True) -> str:
    """A table's rows as text in columns: each cell padded to its column's width, with a
    rule under the header row."""
    rows = [[" ".join(cell.split()) for cell in row] for row in rows if row]
    if not rows:
        return ""
    columns = max(len(row) for row in rows)
    rows = [row + [""] * (columns - len(row)) for row in rows]
    widths = [max(_width(row[i]) for row in rows) for i in range(columns)]

    def line(row: list[str]) -> str:
        return " │ ".join(cell + " " * (width - _width(cell)) for cell, width in zip(row, widths, strict=True)).rstrip()

    lines = [line(row) for row in rows]
    if header and len(rows) > 1:
        lines.insert(1, "─┼─".join("─" * width for width in widths))
    return "\n".join(lines)
