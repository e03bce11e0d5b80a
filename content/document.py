"""The Document: clean plain text plus spans that describe it.

Every span is `[start, end)` in Python string indices into `Document.text`. Blocks,
sentences, inline styles, quotes and claims are all spans, so nothing depends on how the
text is laid out on screen. The Document is data only: `content.analysis.analyse(doc)`
works out its sentences, cast, quotes and claims.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

BlockKind = Literal["heading", "paragraph", "quote", "list_item", "code", "rule"]
InlineKind = Literal["emphasis", "strong", "code", "link", "strike"]


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def span_json(self, text: str) -> dict[str, object]:
        """`start`, `end` and `text` (== `text[start:end]`), as the analysis commands print them."""
        return {"start": self.start, "end": self.end, "text": text[self.start : self.end]}


@dataclass(frozen=True, slots=True)
class Block(Span):
    """A paragraph-level piece of the article.

    `depth` is the nesting of block quotes and lists; `marker` is the list bullet or
    number, drawn beside the text but not part of it. `boilerplate` blocks (share widgets,
    "Advertisement") stay in the text but are dimmed and never analysed.
    """

    kind: BlockKind = "paragraph"
    level: int = 0
    depth: int = 0
    marker: str = ""
    quote_depth: int = 0
    boilerplate: bool = False


@dataclass(frozen=True, slots=True)
class InlineStyle(Span):
    kind: InlineKind
    href: str = ""


@dataclass(frozen=True, slots=True)
class Sentence(Span):
    pass


@dataclass
class Document:
    text: str
    title: str
    source: str
    format: str
    blocks: list[Block]
    inline: list[InlineStyle] = field(default_factory=list)
    author: str = ""
    date: str = ""
    site: str = ""

    @cached_property
    def fingerprint(self) -> str:
        return "sha256:" + hashlib.sha256(self.text.encode("utf-8", "surrogatepass")).hexdigest()

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        """The block holding `offset`, or the nearest block before it."""
        index = bisect_right(self._block_starts, offset) - 1
        return self.blocks[index] if index >= 0 else (self.blocks[0] if self.blocks else None)

    def slice(self, span: Span) -> str:
        return self.text[span.start : span.end]
