"""The article view: a Line API widget that draws rows of the wrap model.

It keeps no reading state of its own: the screen tells it where the cursor, the selection
and the highlights are, and it draws them. Each row becomes a Strip, cached until
something on screen changes, so a frame costs the same for a page or a book.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
from operator import attrgetter

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from annotations import Annotation
from content import Document, Span
from tui.layout import MEASURE, Row, WrapModel
from tui.search import Matches
from tui.widgets.scrolling import SteadyScrollView

COLOR_CLASSES = {
    "yellow": "article--highlight-yellow",
    "green": "article--highlight-green",
    "blue": "article--highlight-blue",
    "pink": "article--highlight-pink",
    "purple": "article--highlight-purple",
}


_LAYOUT_SLICE = 400
"""Blocks laid out per slice after the first screen (a few milliseconds of a book)."""
_LAYOUT_PAUSE = 0.02
_ALWAYS_SCROLLS = 100_000
"""Characters past which a text overflows any screen (some 300 columns by 100 rows hold 30,000)."""


def _store_order(span: Span | Annotation) -> tuple[int, int, str]:
    return (span.start, span.end, getattr(span, "id", ""))


class SpanIndex:
    """Spans sorted by start, with a quick lookup of those that overlap a row."""

    def __init__(self, spans: Sequence[Span | Annotation]) -> None:  # a Quote or Claim is a Span
        # Built in C loops (attrgetter, accumulate): 10,000 highlights are indexed again after
        # each change, inside the key that made it.
        self.spans = sorted(spans, key=attrgetter("start"))
        self.starts: list[int] = list(map(attrgetter("start"), self.spans))
        # reach[i]: the furthest end among spans[0..i], so a lookup can stop walking back
        # as soon as nothing earlier can still cover the row (one long span costs nothing).
        self.reach: list[int] = list(accumulate(map(attrgetter("end"), self.spans), max))

    def add(self, annotation: Annotation) -> None:
        """One more highlight, in its place among highlights kept in the store's order (start,
        end, id), as `SpanIndex(store.placed())` would have it: a new highlight among 10,000
        is indexed without sorting and walking them all again (about 15 ms of the key)."""
        position = bisect_left(self.spans, (annotation.start, annotation.end, annotation.id), key=_store_order)
        self.spans.insert(position, annotation)
        self.starts.insert(position, annotation.start)
        self.reach.insert(position, max(annotation.end, self.reach[position - 1] if position else annotation.end))
        # The running furthest end grows from here on until it is already beyond this end.
        for index in range(position + 1, len(self.reach)):
            if self.reach[index] >= annotation.end:
                break
            self.reach[index] = annotation.end

    def overlapping(self, start: int, end: int) -> list[Span | Annotation]:
        index = bisect_left(self.starts, end) - 1
        found: list[Span | Annotation] = []
        while index >= 0 and self.reach[index] > start:
            span = self.spans[index]
            if span.end > start:
                found.append(span)
            index -= 1
        found.reverse()
        return found


@dataclass
class Marks:
    """What the screen asks the view to draw on top of the text."""

    cursor: Span | None = None
    selection: Span | None = None
    highlights: SpanIndex | None = None
    quotes: SpanIndex | None = None
    claims: SpanIndex | None = None
    """Drawn only while the user has the analysis marks on (`m`)."""
    matches: Matches | None = None
    """Every match of the search."""


_LIGHT_BACKGROUNDS = {
    # A light theme gets light backgrounds, chosen the same way (256 / 16 colours), so that
    # dark text reads on them.
    "article--claim": "#eeeeee",  # 254 / 15
    "article--cursor": "#d0d0d0",  # 251 / 7
    "article--selection": "#8787ff",  # 105 / 12
    "article--match": "#ffaf5f",  # 215 / 11
    "article--highlight-yellow": "#ffff87",  # 228 / 11
    "article--highlight-green": "#87ff87",  # 120 / 10
    "article--highlight-blue": "#87d7ff",  # 117 / 14
    "article--highlight-pink": "#ff87af",  # 211 / 13
    "article--highlight-purple": "#d7afff",  # 183 / 7
}

_NO_COLOR_STYLES = {
    "article--cursor": Style(reverse=True, bold=True, underline=True),
    "article--selection": Style(reverse=True),
    "article--match": Style(reverse=True, bold=True),
    "article--claim": Style(italic=True),
    **{name: Style(underline=True) for name in COLOR_CLASSES.values()},
}


class ArticleView(SteadyScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "article--heading",
        "article--title",
        "article--quote-block",
        "article--code",
        "article--boilerplate",
        "article--decoration",
        "article--emphasis",
        "article--strong",
        "article--inline-code",
        "article--link",
        "article--strike",
        "article--cursor",
        "article--selection",
        "article--match",
        "article--quote",
        "article--claim",
        *COLOR_CLASSES.values(),
    }

    DEFAULT_CSS = """
    ArticleView {
        background: $surface;
        scrollbar-gutter: stable;
        scrollbar-size-vertical: 1;
        padding: 0 1;
        & > .article--title { text-style: bold; color: $text-primary; }
        & > .article--heading { text-style: bold; color: $text-accent; }
        & > .article--quote-block { text-style: italic; }
        & > .article--code { color: $text-muted; }
        & > .article--boilerplate { color: $text-disabled; }
        & > .article--decoration { color: $text-muted; }
        & > .article--emphasis { text-style: italic; }
        & > .article--strong { text-style: bold; }
        & > .article--inline-code { color: $accent; }
        & > .article--link { text-style: underline; color: $text-primary; }
        & > .article--strike { text-style: strike; }
        & > .article--quote { color: $text-primary; }
        /* Colours of the xterm palette, so that a 256-colour terminal shows each state in a
           colour of its own, and a 16-colour one in one of its own or with its own text style
           (the cursor is bold and underlined, a match bold): 256 / 16 colours in comments. */
        & > .article--claim { background: #303030; }  /* 236 / 8 */
        & > .article--cursor { text-style: bold underline; background: #4e4e4e; }  /* 239 / 8 */
        & > .article--selection { background: #005faf; }  /* 25 / 6 */
        & > .article--match { text-style: bold; background: #af5f00; }  /* 130 / 3 */
        & > .article--highlight-yellow { background: #5f5f00; }  /* 58 / 3 */
        & > .article--highlight-green { background: #005f00; }  /* 22 / 2 */
        & > .article--highlight-blue { background: #000087; }  /* 18 / 4 */
        & > .article--highlight-pink { background: #87005f; }  /* 89 / 5 */
        & > .article--highlight-purple { background: #5f5faf; }  /* 61 / 12 */
    }
    """

    class Clicked(Message):
        """The user clicked on the text at `offset`; `chain` is 2 for a double click."""

        def __init__(self, offset: int, chain: int = 1) -> None:
            super().__init__()
            self.offset = offset
            self.chain = chain

    class Dragged(Message):
        """The user dragged the mouse over the text from `start` to `end` (either way round)."""

        def __init__(self, start: int, end: int) -> None:
            super().__init__()
            self.start = start
            self.end = end

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.model: WrapModel | None = None
        self.marks = Marks()
        self._inline = SpanIndex(document.inline)
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._pressed: int | None = None
        """Where the left button went down, while it is held."""
        self._dragged = False

    # -- focus -------------------------------------------------------------------------

    # Nothing in the article is drawn differently with or without focus, so unlike other
    # widgets it is neither restyled nor redrawn when focus comes or goes: `/` moves focus
    # to the search bar, and restyling the article (which redraws its scroll bar) and
    # redrawing a screenful of text made the bar wait.
    def watch_has_focus(self, _has_focus: bool) -> None:
        pass

    def _on_focus(self, event: events.Focus) -> None:
        event.prevent_default()
        self.has_focus = True
        if self.parent is not None:
            self.parent.post_message(events.DescendantFocus(self))

    def _on_blur(self, event: events.Blur) -> None:
        event.prevent_default()
        self.has_focus = False
        if self.parent is not None:
            self.parent.post_message(events.DescendantBlur(self))

    # -- the model -------------------------------------------------------------------

    def _text_width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    def _ensure_model(self) -> WrapModel:
        width = self._text_width()
        if self.model is None or self.model.width != width:
            keep = self.top_offset() if self.model is not None else None
            # Laid out lazily: the rows on screen now, the rest a slice at a time after.
            measure = getattr(getattr(self.app, "config", None), "width", MEASURE)
            self.model = WrapModel(self.document, width, lazy=True, measure=measure)
            self.model.row(self.scrollable_content_region.height * 2)
            self._cache.clear()
            self._sync_size()
            if keep is not None:
                self.scroll_to(y=self.model.row_of(keep), animate=False, immediate=True)
                if self.marks.cursor is not None:
                    self.show_span(self.marks.cursor)
            if not self.model.complete:
                self.set_timer(_LAYOUT_PAUSE, self._lay_out_more)
        return self.model

    def _sync_size(self) -> None:
        """The scroll range: the rows laid out, plus an estimate of the rest.

        Textual lays the whole screen out again and draws it all at every new scroll range.
        When only the length moves while the scroll bar stays (the estimate settling while a
        book is laid out, or the first key that lays out more), the scroll bar alone is
        fitted and drawn again: a few milliseconds, where the screen took tens.
        """
        if self.model is None:
            return
        size, old = Size(self.model.width, len(self.model)), self.virtual_size
        if size == old:
            return
        window = self.scrollable_content_region.height
        # A book's scroll bar is always there (see on_mount), whatever the length and width.
        always = self.styles.overflow_y == "scroll"
        stays = always or (size.width == old.width and min(size.height, old.height) > window)
        if self.show_vertical_scrollbar and stays:
            self.set_reactive(ArticleView.virtual_size, size)
            if self._sized is not None:
                # Fitted here, below: the next layout of the screen need not fit it again.
                self._sized = (*self._sized[:2], size)
        else:
            self.virtual_size = size  # the scroll bar may come or go: the screen is laid out again
        # Fitted now, not at the next layout: a key pressed before it (`G` on the first
        # screen) scrolls as far as the text goes.
        self._scroll_update(size)

    def scroll_to_offset(self, offset: int) -> None:
        """Scroll so the row holding `offset` is at the top."""
        model = self._ensure_model()
        row = model.row_of(offset)
        self._sync_size()
        self.scroll_to(y=row, animate=False, immediate=True)

    def lay_out_all(self) -> None:
        """Finish laying out now (before a jump to the end)."""
        model = self._ensure_model()
        model.extend(len(self.document.blocks))
        self._sync_size()

    def _lay_out_more(self) -> None:
        """Lay out the next slice of the book between keys, until it is all done."""
        model = self.model
        if model is None or model.complete:
            return
        model.extend(_LAYOUT_SLICE)
        # The estimate moves a little with every slice. Each new scroll range lays the screen
        # out and draws it again, so a change of under 2%, which moves the scroll bar's thumb
        # by less than a cell, waits until the estimate has moved further or the last slice
        # sets the exact range.
        if model.complete or abs(len(model) - self.virtual_size.height) * 50 > self.virtual_size.height:
            self._sync_size()
        if not model.complete:
            self.set_timer(_LAYOUT_PAUSE, self._lay_out_more)

    def on_mount(self) -> None:
        if len(self.document.text) > _ALWAYS_SCROLLS:
            # A text this long overflows any screen: its scroll bar is there from the first
            # layout, so setting the scroll range there (from the rows laid out then, see
            # `_size_updated`) needs no second layout of the screen.
            self.styles.overflow_y = "scroll"
            self.set_reactive(ArticleView.show_vertical_scrollbar, True)

    def on_resize(self, event: events.Resize) -> None:
        self._ensure_model()

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        if self.model is None and size.width:
            # The rows on screen are laid out in the layout that gives the first size, not
            # while the first frame is drawn: the scroll bar, drawn before the text, shows the
            # length in that frame already, rather than in a second one after it (3 ms, which a
            # key pressed at the first screen waited for).
            self._ensure_model()
        return changed

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def _row_on_screen(self, model: WrapModel, index: int) -> Row | None:
        """Row `index`, or the last row when the estimate of the length was too long."""
        row = model.row(index)
        if row is None and model.rows:
            self._sync_size()
            row = model.rows[-1]
        return row

    def top_offset(self) -> int:
        """The text offset shown on the top row of the view."""
        if self.model is None:
            return 0
        row = self._row_on_screen(self.model, int(self.scroll_y))
        return row.start if row is not None else 0

    def visible_span(self) -> Span:
        if not self.size.width:
            return Span(0, 0)  # not laid out yet; don't wrap a book at a width it won't have
        model = self._ensure_model()
        top_row = self._row_on_screen(model, int(self.scroll_y))
        if top_row is None:
            return Span(0, 0)
        bottom_row = self._row_on_screen(model, int(self.scroll_y) + self.scrollable_content_region.height - 1)
        return Span(top_row.start, (bottom_row or top_row).end)

    def show_span(self, span: Span) -> None:
        """Scroll, if needed, so the span is on screen: a third of the way down when it was not."""
        model = self._ensure_model()
        first, last = model.rows_of(span.start, span.end)
        if last >= self.virtual_size.height:
            # Past the scroll range: laying out as far as the span moved the estimate. (Within
            # it, a movement key leaves the estimate to the layout's own pace: fitting the
            # scroll bar again drew it whole, some 40 rows, inside the key.)
            self._sync_size()
        top = int(self.scroll_y)
        height = max(1, self.scrollable_content_region.height)
        if first >= top and last < top + height:
            return
        target = first if last - first + 1 >= height else max(0, first - height // 3)
        self.scroll_to(y=target, animate=False, immediate=True)

    def set_marks(self, marks: Marks, cursor_moved: bool = False) -> None:
        """Draw `marks` from now on. `cursor_moved`: the caller changed nothing but the cursor
        (a movement key); if the other marks are indeed the ones drawn, only the rows of the
        cursor's old and new places are drawn again, not the whole screen."""
        drawn, self.marks = self.marks, marks
        if cursor_moved and replace(drawn, cursor=marks.cursor) == marks:
            model = self._ensure_model()
            for span in {drawn.cursor, marks.cursor}:
                if span is not None:
                    first, last = model.rows_of(span.start, span.end)
                    for row in range(first, last + 1):
                        self._cache.discard(row)
                    self.refresh_lines(first, last - first + 1)
            return
        self._cache.clear()
        self.refresh()

    # -- drawing ---------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(name, partial=True)
            styles = self.get_component_styles(name)
            background = styles.background
            if 0 < background.a < 1:
                # A translucent background is blended with the view's own, as CSS would.
                blended = self.styles.background + background
                style += Style(bgcolor=blended.rich_color)
            if styles.has_rule("color") and 0 < styles.color.a < 1:
                # A translucent colour ($text-muted, $text-disabled) means the body text,
                # faded toward the background by that much: unblended it would be drawn at full
                # strength (white on a dark theme, and on a light one too).
                text = self._base_style().color
                if text is not None:
                    faded = Color.from_rich_color(text).with_alpha(styles.color.a)
                    style += Style(color=(self.styles.background + faded).rich_color)
            light = _LIGHT_BACKGROUNDS.get(name)
            if light is not None and not self.app.current_theme.dark:
                style += Style(bgcolor=light)
            if self.app.no_color:
                # NO_COLOR turns every colour to grey: the states keep apart by their text style.
                style += _NO_COLOR_STYLES.get(name, Style())
            self._styles[name] = style
        return style

    def _base_style(self) -> Style:
        """The widget's own style; computing it walks the DOM, so once per style change."""
        style = self._styles.get("")
        if style is None:
            style = self._styles[""] = self.rich_style
        return style

    def render_line(self, y: int) -> Strip:
        model = self._ensure_model()
        index = int(self.scroll_y) + y
        width = self._text_width()
        row = model.row(index)
        if row is None:
            return Strip.blank(width, self._base_style())
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_row(model, row, width)
            self._cache[index] = strip
        return strip

    def _block_style(self, row: Row) -> Style:
        block = self.document.blocks[row.block]
        if block.boilerplate:
            return self._style("article--boilerplate")
        if block.kind == "heading":
            return self._style("article--title" if block.level <= 1 else "article--heading")
        if block.kind == "code":
            return self._style("article--code")
        if block.kind == "quote" or block.quote_depth:
            return self._style("article--quote-block")
        return Style()

    def _render_row(self, model: WrapModel, row: Row, width: int) -> Strip:
        base = self._base_style()
        segments = [Segment(" " * model.margin, base)] if model.margin else []
        if row.block < 0:
            return Strip(segments, model.margin).adjust_cell_length(width, base)
        if row.indent:
            segments.append(Segment(row.indent, base + self._style("article--decoration")))
        text_style = base + self._block_style(row)
        segments.extend(self._text_segments(row.start, row.end, text_style))
        return Strip(segments).adjust_cell_length(width, base)

    def _overlays(self, start: int, end: int) -> list[tuple[int, int, Style]]:
        """Styles laid over the text, later ones winning: a highlight's colour shows
        through the cursor's underline, and a selection shows over both."""
        overlays: list[tuple[int, int, Style]] = []
        for spans, name in ((self.marks.claims, "article--claim"), (self.marks.quotes, "article--quote")):
            if spans is not None:
                style = self._style(name)
                overlays.extend((span.start, span.end, style) for span in spans.overlapping(start, end))
        if self.marks.matches is not None:
            style = self._style("article--match")
            overlays.extend((span.start, span.end, style) for span in self.marks.matches.overlapping(start, end))
        if self.marks.cursor is not None:
            cursor = self.marks.cursor
            overlays.append((cursor.start, cursor.end, self._style("article--cursor")))
        for inline in self._inline.overlapping(start, end):
            kind = getattr(inline, "kind", "emphasis")
            name = "article--inline-code" if kind == "code" else f"article--{kind}"
            overlays.append((inline.start, inline.end, self._style(name)))
        if self.marks.highlights is not None:
            for annotation in self.marks.highlights.overlapping(start, end):
                color = getattr(annotation, "color", "yellow")
                overlays.append((annotation.start, annotation.end, self._style(COLOR_CLASSES[color])))
        if self.marks.selection is not None:
            selection = self.marks.selection
            overlays.append((selection.start, selection.end, self._style("article--selection")))
        return overlays

    def _text_segments(self, start: int, end: int, style: Style) -> list[Segment]:
        text = self.document.text
        overlays = [o for o in self._overlays(start, end) if o[0] < end and o[1] > start]
        if not overlays:
            return [Segment(_visible(text[start:end]), style)]
        cuts = sorted({start, end, *(max(start, s) for s, _, _ in overlays), *(min(end, e) for _, e, _ in overlays)})
        segments = []
        for left, right in itertools.pairwise(cuts):
            piece_style = style
            for s, e, overlay in overlays:
                if s <= left and e >= right:
                    piece_style = piece_style + overlay
            segments.append(Segment(_visible(text[left:right]), piece_style))
        return segments

    # -- mouse -----------------------------------------------------------------------

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under the point (x, y) of the view, or None below the text."""
        model = self._ensure_model()
        row = model.row(int(self.scroll_y) + y)
        if row is None:
            return None
        column = x - model.margin - len(row.indent)
        return min(row.end, row.start + max(0, column))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button == 1:
            self._pressed = self.offset_at(event.x, event.y)
            self._dragged = False
            self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._pressed is None:
            return  # the button is not held (the view has the mouse until it is let go)
        offset = self.offset_at(event.x, max(0, min(event.y, self.size.height - 1)))
        if offset is not None and (self._dragged or offset != self._pressed):
            self._dragged = True
            self.post_message(self.Dragged(self._pressed, offset))

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self._pressed = None
        self.release_mouse()

    def on_click(self, event: events.Click) -> None:
        if self._dragged:
            self._dragged = False  # the end of a drag, not a click
            return
        offset = self.offset_at(event.x, event.y)
        if offset is not None:
            self.post_message(self.Clicked(offset, event.chain))


def _visible(piece: str) -> str:
    if "\n" in piece or "\t" in piece:
        return piece.replace("\n", " ").replace("\t", " ")
    return piece
