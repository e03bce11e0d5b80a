"""Assemble a Document's text block by block, keeping every block and style as a span.

Markdown and HTML both build their text this way: blocks are separated by a blank line,
and each piece of text is appended once, so the spans are right by construction.
"""

from __future__ import annotations

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
