"""Annotations out to where the user keeps notes (DESIGN.md §7): Markdown, W3C Web
Annotation JSON, Readwise CSV and a self-contained HTML page.

Every exporter takes the same `Export`: the document's metadata, its annotations in
document order (orphans last, flagged), and, when the article could be loaded, the
article itself for context, section headings and the HTML page. The output is
deterministic: the same store gives the same bytes, except the `exported` time, which
`timestamp=None` leaves out.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Literal, get_args

from annotations.model import Annotation
from content import Document

if TYPE_CHECKING:  # the store loads when an export runs, not when the CLI lists its formats
    from annotations.store import AnnotationStore

Format = Literal["md", "json", "csv", "html"]
FORMATS: tuple[Format, ...] = get_args(Format)
SUFFIXES: dict[Format, str] = {"md": ".md", "json": ".json", "csv": ".csv", "html": ".html"}


@dataclass(frozen=True)
class Item:
    annotation: Annotation
    orphan: bool
    section: str = ""
    """The article heading the highlight falls under, if the article has headings."""
    context: str = ""
    """The sentence (or sentences) around the highlight, when context was asked for."""


@dataclass(frozen=True)
class Export:
    title: str
    author: str
    source: str
    items: list[Item]
    document: Document | None = None
    """The article, when it could be loaded; without it there is no context or page text."""
    timestamp: datetime | None = None
    site: str = ""
    date: str = ""

    @property
    def orphans(self) -> int:
        return sum(item.orphan for item in self.items)

    @property
    def url(self) -> str:
        """The source as an address: a URL as it is, a file as a file:// URI."""
        return source_uri(self.source)


def source_uri(source: str) -> str:
    if "://" in source or source.startswith("postil:"):
        return source
    if source in ("", "-"):
        return ""
    return Path(source).as_uri() if Path(source).is_absolute() else source


class _Sections:
    """The last heading before an offset, leaving out the title at the top: found by
    bisection over the headings, so 10,000 annotations do not each scan every block."""

    def __init__(self, document: Document) -> None:
        headings = [
            (block.start, " ".join(document.text[block.start : block.end].split()))
            for index, block in enumerate(document.blocks)
            if block.kind == "heading" and not (index == 0 and block.level == 1)
        ]
        self.starts = [start for start, _ in headings]
        self.names = [name for _, name in headings]

    def __call__(self, offset: int) -> str:
        index = bisect_right(self.starts, offset) - 1
        return self.names[index] if index >= 0 else ""


class _Contexts:
    """The whole sentences a highlight touches, in one line; the sentences are split once."""

    def __init__(self, document: Document) -> None:
        from content.analysis.sentences import split_sentences

        self.text = document.text
        self.sentences = split_sentences(document)
        self.ends = [s.end for s in self.sentences]

    def __call__(self, annotation: Annotation) -> str:
        first = bisect_right(self.ends, annotation.start)
        touched = []
        for sentence in self.sentences[first:]:
            if sentence.start >= annotation.end:
                break
            touched.append(sentence)
        if not touched:
            return ""
        return " ".join(self.text[touched[0].start : touched[-1].end].split())


def build(
    store: AnnotationStore, document: Document | None, *, context: bool = False, timestamp: datetime | None = None
) -> Export:
    placed_here = document is not None and document.fingerprint == store.info.fingerprint
    sections = _Sections(document) if document is not None and placed_here else None
    contexts = _Contexts(document) if document is not None and placed_here and context else None
    items = []
    for annotation in store.annotations:  # sorted: placed ones in document order, then orphans
        orphan = annotation.id in store.orphans
        use = document if placed_here and not orphan else None
        items.append(
            Item(
                annotation,
                orphan,
                section=sections(annotation.start) if sections is not None and use is not None else "",
                context=contexts(annotation) if contexts is not None and use is not None else "",
            )
        )
    return Export(
        title=store.info.title or (document.title if document else ""),
        author=document.author if document else "",
        source=store.info.source,
        items=items,
        document=document if placed_here else None,
        timestamp=timestamp,
        site=document.site if document else "",
        date=document.date if document else "",
    )


def render(export: Export, format: Format) -> str:
    renderers: dict[Format, Callable[[Export], str]]
    from annotations.export import markdown, page, readwise, webanno

    renderers = {"md": markdown.render, "json": webanno.render, "csv": readwise.render, "html": page.render}
    return renderers[format](export)


def iso(moment: datetime) -> str:
    """`2026-11-25T15:04:05Z`: ISO 8601 in UTC, as the TOML file writes it."""
    text = moment.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
