"""postil's commands in the command palette (`ctrl+p`): go to a heading, a quote or an
annotation, highlight, export in each format, marks, help and the library.

Article text reaches the palette as plain text: each hit is built as `Content`, never markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.fuzzy import Matcher

from annotations.export import FORMATS
from tui.dialogs.export import LABELS
from tui.widgets.pane import excerpt

if TYPE_CHECKING:
    from tui.screens.reader import ReaderScreen

QUOTES_LISTED = 3000
"""A book has tens of thousands of quotes: the palette offers the first so many."""

Command = tuple[str, Callable[[], object], str]


def _actions(reader: ReaderScreen) -> Iterator[Command]:
    yield "Highlight the current passage", reader.action_highlight, "h"
    yield "Note on the current passage", reader.action_annotate, "a"
    for format in FORMATS:
        yield f"Export as {LABELS[format]}", partial(reader.action_export, format), "x"
    yield "Show or hide the quote and claim marks", reader.action_toggle_marks, "m"
    yield "Open another document from the library", reader.action_library, "o"
    yield "Keys: every key of the reader", reader.action_help, "?"


def _places(reader: ReaderScreen) -> Iterator[Command]:
    text = reader.document.text
    for block in reader.document.blocks:
        if block.kind == "heading":
            yield f"Go to heading: {excerpt(text[block.start : block.end], 70)}", partial(reader.go_to, block), ""
    if reader.reading.analysed():
        for index, quote in enumerate(reader.reading.quotes[:QUOTES_LISTED]):
            who = quote.speaker or "unattributed"
            words = excerpt(text[quote.start : quote.end], 60)
            yield f"Go to quote by {who}: {words}", partial(reader.go_to_quote, index), "]"
    for annotation in reader.store.placed():
        words = excerpt(annotation.note or annotation.exact, 60)
        yield f"Go to annotation: {words}", partial(reader.go_to_annotation, annotation.id), "."


def _highlight(matcher: Matcher, text: str) -> Content:
    """The hit with the matched letters marked. Textual's own `Matcher.highlight` reads the
    text as markup, which would turn "[sic]" into nothing and "[@click=…]" into an action."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class PostilCommands(Provider):
    def _reader(self) -> ReaderScreen | None:
        from tui.screens.reader import ReaderScreen

        screen = self.screen
        return screen if isinstance(screen, ReaderScreen) else None

    async def discover(self) -> Hits:
        reader = self._reader()
        if reader is None:
            return
        for title, command, key in _actions(reader):
            yield DiscoveryHit(Content(title), command, text=title, help=f"key: {key}")

    async def search(self, query: str) -> Hits:
        reader = self._reader()
        if reader is None:
            return
        matcher = self.matcher(query)
        for title, command, key in (*_actions(reader), *_places(reader)):
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, _highlight(matcher, title), command, text=title, help=f"key: {key}" if key else None)
