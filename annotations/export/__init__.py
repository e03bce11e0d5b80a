"""Annotations out to where the user keeps notes (DESIGN.md §7): Markdown, W3C Web
Annotation JSON, Readwise CSV and a self-contained HTML page.

Every exporter takes the same `Export`: the document's metadata, its annotations in
document order (orphans last, flagged), and, when the article could be loaded, the
article itself for context, section headings and the HTML page. The output is
deterministic: the same store gives the same bytes, except the `exported` time, which
`timestamp=None` leaves out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal, get_args

from annotations.model import Annotation
from annotations.store import AnnotationStore
from content import Document

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


def _section(document: Document, offset: int) -> str:
    """The last heading before `offset`, leaving out the title at the top."""
    heading = ""
    for index, block in enumerate(document.blocks):
        if block.start > offset:
            break
        if block.kind == "heading" and not (index == 0 and block.level == 1):
            heading = " ".join(document.text[block.start : block.end].split())
    return heading


def _context(document: Document, annotation: Annotation) -> str:
    """The whole sentences the highlight touches, in one line."""
    from content.analysis.sentences import split_sentences

    sentences = [s for s in split_sentences(document) if s.start < annotation.end and annotation.start < s.end]
    if not sentences:
        return ""
    return " ".join(document.text[sentences[0].start : sentences[-1].end].split())


def build(
    store: AnnotationStore, document: Document | None, *, context: bool = False, timestamp: datetime | None = None
) -> Export:
    placed_here = document is not None and document.fingerprint == store.info.fingerprint
    items = []
    for annotation in store.annotations:  # sorted: placed ones in document order, then orphans
        orphan = annotation.id in store.orphans
        use = document if placed_here and not orphan else None
        items.append(
            Item(
                annotation,
                orphan,
                section=_section(use, annotation.start) if use is not None else "",
                context=_context(use, annotation) if use is not None and context else "",
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
