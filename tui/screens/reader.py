"""The reader screen: the article, the side pane and the status line.

The screen decides: it owns the reading state and the annotation store, turns keys into
changes, and tells the widgets what to draw. Every change to the store is written to disk
before the handler returns, so before the next key is handled.
"""

from __future__ import annotations

import gc
import time
from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import TYPE_CHECKING, Literal, Self, cast
from urllib.parse import urljoin, urlsplit

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Provider
from textual.containers import Horizontal
from textual.geometry import Region, Size
from textual.keys import key_to_character
from textual.screen import Screen
from textual.widgets import OptionList, TabbedContent

from annotations import Annotation, AnnotationStore, Color, Kind, StoreError
from annotations.model import new_id
from content import Document, Span, clean_line
from content.analysis import analyse as analyse_document
from tui.compositor import DrawnCompositor
from tui.reading import Cursor, Reading, Unit
from tui.search import Finder, Matches, Query, SearchError
from tui.widgets.article import ArticleView, Marks, SpanIndex
from tui.widgets.footer import Footer
from tui.widgets.pane import AnnotationList, SidePane, SpanList, excerpt, matches
from tui.widgets.searchbar import SearchBar

if TYPE_CHECKING:
    # Types only: the quote and claim stages are loaded by the analysis worker, not at start.
    from content.analysis import Claim, Quote

NARROW = 80
_KEY_FIRST_FOR = 0.1
"""Seconds after a key during which the background analysis gives way to it."""
_BOOK = 200_000
"""Characters from which a document is a book: analysed in the background, the reading
position's surroundings first."""
_SEARCH_IN_WORKER = 200_000
"""A text longer than this is searched off the UI thread as the query is typed."""

_RELATIVE = frozenset({"who", "whom", "which", "that"})
"""Mentions the status line never shows beside the name: "Tomas Vell (who)" says nothing more."""


def _settle() -> None:
    """The book's analysis and notes are millions of objects that live as long as the reader:
    keep the cycle collector from walking them again, which took 100 ms or more, at random,
    in the middle of a key (`h` with 10,000 notes: 73–312 ms)."""
    gc.freeze()


def _b(
    keys: str, action: str, description: str, name: str, show: bool = False, group: Binding.Group | None = None
) -> Binding:
    return Binding(keys, action, description, show=show, id=f"reader.{name}", group=group)


def _postil_commands() -> type[Provider]:
    from tui.commands import PostilCommands  # imported when the palette opens

    return PostilCommands


TOUR = (
    ("sentence", "Press ) to move the cursor to the next sentence; ( goes back."),
    ("quote", "Press ] to jump to the next quotation: the status line names who said it."),
    ("claim", "Press > to jump to the next claim: who claims what, hedged or with figures to check."),
    ("highlight", "Press h to highlight the passage under the cursor; it is saved at once."),
    ("annotate", "Press a to write a note on it; ctrl+s saves the note, esc leaves it."),
)
"""The first-run tour: the action that completes each step, and what the step says."""

_TABS = Binding.Group("Tabs", compact=True)
"""The footer shows the pane's tab keys together: "AQCP Tabs"."""


class ReaderScreen(Screen[None]):
    COMMANDS = {_postil_commands}
    BINDINGS = [
        _b("j,down", "scroll_lines(1)", "Scroll down a line", "scroll_down"),
        _b("k,up", "scroll_lines(-1)", "Scroll up a line", "scroll_up"),
        _b("space,pagedown", "scroll_page(1)", "Page down", "page_down"),
        _b("b,pageup", "scroll_page(-1)", "Page up", "page_up"),
        _b("g,home", "jump(0)", "Go to the top", "top"),
        _b("G,end", "jump(1)", "Go to the end", "bottom"),
        _b("right_parenthesis", "move('sentence', 1)", "Next sentence", "next_sentence"),
        _b("left_parenthesis", "move('sentence', 0)", "Previous sentence", "previous_sentence"),
        _b("right_curly_bracket", "move('paragraph', 1)", "Next paragraph", "next_paragraph"),
        _b("left_curly_bracket", "move('paragraph', 0)", "Previous paragraph", "previous_paragraph"),
        _b("J", "move('section', 1)", "Next section (heading or chapter)", "next_section"),
        _b("K", "move('section', 0)", "Previous section (heading or chapter)", "previous_section"),
        _b("right_square_bracket", "cycle('quote', 1)", "Next quote", "next_quote"),
        _b("left_square_bracket", "cycle('quote', 0)", "Previous quote", "previous_quote"),
        _b("greater_than_sign", "cycle('claim', 1)", "Next claim", "next_claim"),
        _b("less_than_sign", "cycle('claim', 0)", "Previous claim", "previous_claim"),
        _b("m", "toggle_marks", "Show or hide quote and claim marks", "marks"),
        _b("full_stop", "move_annotation(1)", "Next annotation", "next_annotation"),
        _b("comma", "move_annotation(0)", "Previous annotation", "previous_annotation"),
        _b("v", "select", "Start or stop a selection", "select"),
        _b("escape", "cancel", "Cancel the selection", "cancel"),
        _b("h", "highlight", "Highlight", "highlight", show=True),
        _b("1", "color('yellow')", "Yellow highlight", "yellow"),
        _b("2", "color('green')", "Green highlight", "green"),
        _b("3", "color('blue')", "Blue highlight", "blue"),
        _b("4", "color('pink')", "Pink highlight", "pink"),
        _b("5", "color('purple')", "Purple highlight", "purple"),
        _b("a", "annotate", "Note", "annotate", show=True),
        _b("t", "tags", "Edit tags", "tags"),
        _b("d", "delete", "Delete the annotation under the cursor", "delete"),
        _b("u", "undo", "Undo the last change", "undo"),
        _b("y", "copy", "Copy the current span", "copy"),
        _b("slash", "search", "Search", "search"),
        _b("n", "search_again(1)", "Next match", "next_match"),
        _b("N", "search_again(0)", "Previous match", "previous_match"),
        _b("tab", "toggle_pane", "Move focus between article and pane", "pane"),
        _b("enter", "open_link", "Open the link in the current sentence in the browser", "open_link"),
        _b("o", "library", "Library: open another annotated document", "library"),
        _b("x", "export", "Export the annotations (Markdown, JSON, CSV, HTML)", "export"),
        _b("question_mark", "help", "Help", "help", show=True),
        _b("q", "quit", "Quit", "quit", show=True),
        _b("H", "pane_tab('contents')", "Contents tab of the pane (a document with headings)", "contents_tab"),
        # Last, so that a narrow footer keeps help and quit.
        _b("A", "pane_tab('notes')", "Notes tab of the pane", "notes_tab", show=True, group=_TABS),
        _b("Q", "pane_tab('quotes')", "Quotes tab of the pane", "quotes_tab", show=True, group=_TABS),
        _b("C", "pane_tab('claims')", "Claims tab of the pane", "claims_tab", show=True, group=_TABS),
        _b("P", "pane_tab('people')", "People tab of the pane", "people_tab", show=True, group=_TABS),
    ]

    def __init__(self, document: Document, store: AnnotationStore, tour: bool = False) -> None:
        super().__init__()
        self.drawing = DrawnCompositor()  # a notice taken away after a scroll leaves the screen
        self._compositor = self.drawing
        self.pane_filters: dict[str, str] = {}
        """Each pane tab's filter (`/` in the pane): "notes", "quote", "claim", "person"."""
        self.tour_step: int | None = 0 if tour else None
        """The first-run tour's step on screen, or None when there is no tour."""
        self.document = document
        self.store = store
        self.reading = Reading(analyse_document(document, pause=self._keys_first))
        self.search_query = ""
        self.search_regex = False
        self.finder = Finder(document.text)
        self.matches: Matches | None = None
        """The last search's matches, marked in the article and stepped through by n and N."""
        self._search_origin: tuple[Cursor | None, float] | None = None
        self._search_token = 0
        self._just_created: str | None = None
        """The highlight `a` or `t` made for its dialog: cancelling the dialog takes it away."""
        self.show_marks = True
        self.reattaching: str | None = None
        """The orphan waiting for the user to pick its new place, if any."""
        self._quit_warned = False
        self._notices: dict[str, float] = {}
        """Each notice `notice` showed, and until when (time.monotonic) it is on screen."""
        self._highlights = SpanIndex(store.placed())

    def compose(self) -> ComposeResult:
        from tui.widgets.status import StatusLine

        with Horizontal(id="body"):
            yield ArticleView(self.document, id="article")
            yield SidePane(id="pane")
        yield SearchBar(id="searchbar")
        if self.tour_step is not None:
            from textual.widgets import Static

            yield Static(id="tour", markup=False)
        yield StatusLine(id="status")
        yield Footer()

    def _screen_resized(self, size: Size) -> None:
        """Textual tells the screen its size when it is shown and again when the terminal
        first reports it, and lays the whole screen out and draws it all each time, even at
        the size it already has: the reader's first key waited behind two such frames. At
        the same size, nothing is done here; a widget that asked for a layout meanwhile is
        still laid out, as always, when the screen is next idle."""
        if size == self._compositor.size and self.is_attached:
            return
        super()._screen_resized(size)

    def refresh(self, *regions: Region, repaint: bool = True, layout: bool = False, recompose: bool = False) -> Self:
        """Repaints of the whole reader that Textual asks for just after its first frame, and
        that show nothing new, are left out (a key pressed at the first screen waited for them,
        20 ms; the screen under the reader hands up none either, `_Backdrop`):
        - a layout of the whole reader repaints what it moved, and only that (the compositor
          marks it, `DrawnCompositor`): Textual asks for one when the reader is mounted, after
          its first frame, and it moves nothing;
        - the repaint Textual asks for when the reader is first shown comes after the first
          frame, which drew all of it."""
        if layout and not regions and not recompose:
            repaint = False
        if self._first_resume and not (regions or layout or recompose):
            self._first_resume = False
            return self
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    _resumed = False
    _first_resume = False
    """While Textual's handler of the reader's first resume runs."""

    def _on_screen_resume(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own handler. When the reader is first shown, its widgets'
        styles are the ones they were just mounted with: Textual's asking for them all again
        laid out and drew the whole screen once more, after the first frame, as the first
        key came. Coming back to the reader (from the library, say) still refreshes them."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False
            # Textual's handler, which runs next, asks for a repaint of it all (`refresh`).
            self._first_resume = True
            self.call_next(setattr, self, "_first_resume", False)

    @property
    def article(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def notes(self) -> AnnotationList:
        return self.query_one("#notes", AnnotationList)

    def on_mount(self) -> None:
        self.title = clean_line(self.document.title)
        self.article.focus()
        if not getattr(getattr(self.app, "config", None), "pane", True):
            self.add_class("pane-hidden")
        # The reading cursor starts on the first sentence, so the first screen shows where
        # `h`, `a` and `)` act (a book splits only its first paragraph for this).
        first = self.reading.sentence_at(0)
        if first is not None:
            self.reading.place(first)
        if self.tour_step is not None:
            self.show_tour()  # the sample, from its start
        else:
            self.return_to_position()
        self.refresh_annotations(pane_now=True)
        if self.store.pending:
            self.notes.show_message("Reading your annotations…")
            self.call_after_refresh(self.read_store)
        self.call_after_refresh(self.analyse)
        self.set_interval(1.0, self.poll_store)

    # -- the first-run tour --------------------------------------------------------------

    def show_tour(self) -> None:
        from textual.widgets import Static

        from annotations.positions import remember_tour

        if self.tour_step is None:
            return
        if self.tour_step >= len(TOUR):
            self.end_tour("That is the tour. ? lists every key, and q quits.")
            return
        _action, text = TOUR[self.tour_step]
        self.query_one("#tour", Static).update(f"Tour {self.tour_step + 1}/{len(TOUR)} · {text}   (esc ends the tour)")
        remember_tour()  # shown once, even if postil is quit half way

    def tour_done(self, action: str) -> None:
        """A step of the tour is done when its key is pressed."""
        if self.tour_step is not None and self.tour_step < len(TOUR) and TOUR[self.tour_step][0] == action:
            self.tour_step += 1
            self.show_tour()

    def end_tour(self, message: str = "") -> None:
        if self.tour_step is None:
            return
        self.tour_step = None
        self.query_one("#tour").remove()
        if message:
            self.notify(message, timeout=6)

    def notice(self, message: str, timeout: float = 2) -> None:
        """A notice that a key could not act, shown once while it is on screen: a key pressed
        again and again ("]" while a book is analysed) does not stack copies of it over the
        status line."""
        now = time.monotonic()
        if self._notices.get(message, 0.0) > now:
            return
        self._notices[message] = now + timeout
        self.notify(message, timeout=timeout)

    def return_to_position(self) -> None:
        """Reopen the document where it was left: the sentence at the remembered offset."""
        from annotations.positions import load_position

        offset = load_position(self.store.path.name)
        if offset is None or not 0 < offset < len(self.document.text):
            return
        cursor = self.reading.sentence_at(offset)
        if cursor is not None:
            self.reading.place(cursor)
            self.call_after_refresh(self._show_when_laid_out, cursor)

    def _show_when_laid_out(self, cursor: Cursor, tries: int = 50) -> None:
        """Scroll to the cursor once the article has its size and scroll range (its first
        frame), unless a key moved the cursor already."""
        now = self.reading.cursor
        if now is None or now.span != cursor.span:
            return
        visible = self.article.visible_span()
        if visible.start <= now.span.start < visible.end or not tries:
            return
        if self.article.size.width and self.article.max_scroll_y > 0:
            self.go(now)
        # Checked again: the first frames of a new screen can still move the scroll position.
        self.set_timer(0.02, lambda: self._show_when_laid_out(cursor, tries - 1))

    def remember_position(self) -> None:
        from annotations.positions import save_position

        cursor = self.reading.cursor
        visible = self.article.visible_span()
        on_screen = cursor is not None and visible.start <= cursor.span.start < max(visible.end, visible.start + 1)
        save_position(self.store.path.name, cursor.span.start if on_screen and cursor else visible.start)

    def on_screen_suspend(self) -> None:
        from textual.screen import ModalScreen

        if not isinstance(self.app.screen, ModalScreen):
            self.remember_position()  # another document goes on top (a dialog does not count)

    def key_pending(self) -> bool:
        """Whether a key is being answered: from its arrival until a frame is drawn after its
        action ran, and never past 100 ms after the key, so the analysis always goes on."""
        arrived = getattr(self.app, "key_arrived", 0.0)
        if not arrived or time.monotonic() - arrived > _KEY_FIRST_FOR:
            return False
        acted = getattr(self.app, "key_acted", 0.0)
        return not (acted and self.drawing.drawn_at > acted)

    def _keys_first(self) -> None:
        """In the analysis thread, now and then: while a key is being answered, wait, so the
        key has the interpreter to itself."""
        while self.key_pending():
            time.sleep(0.002)

    @work(thread=True, exclusive=True, group="analysis")
    def analyse(self) -> None:
        """Sentences, quotes and claims, off the UI thread, after the first screen is up."""
        reading = self.reading
        # The cycle collector would stop both threads, keys included, to walk the millions of
        # objects a book's analysis makes (up to 30 ms at a time); they are acyclic and freed
        # by reference counting, so it waits until the analysis is done.
        gc.disable()
        try:
            reading.sentence_starts  # noqa: B018 - computing the cached spans is the point
            # "sentence 12/30,512" at once, not "counting the sentences…" until the quotes and
            # claims are found too (a book: 0.3 s against 3 s).
            self.call_later(self.update_status)
            if len(self.document.text) > _BOOK and not reading.analysis.kept("quotes", "claims"):
                # A book: first the quotes and claims around the reading position (War and Peace:
                # in about 1 s, with the cast of the whole book), so `]` and `>` work there while
                # the rest is found. (A book opened before reads its whole analysis back at once.)
                cursor = reading.cursor
                nearby = reading.analysis.near(cursor.span.start if cursor else 0)
                nearby.quotes, nearby.claims  # noqa: B018 - worked out here, in the thread
                reading.nearby = nearby
                self.call_later(self.redraw)  # their marks, where the reader is
            for spans in ("quote_starts", "claim_starts", "people"):
                getattr(reading, spans)
        finally:
            gc.enable()
        self.app.call_from_thread(self.analysis_ready)

    @work(thread=True, exclusive=True, group="store")
    def read_store(self) -> None:
        """A large annotation file, read after the first screen is up; until then the store is
        an empty, read-only stand-in."""
        pending = self.store
        try:
            store = AnnotationStore.open(pending.path, pending.text, pending.info)
        except StoreError as error:
            # Unreadable since it was measured: shown read-only with the reason, never a traceback.
            store = AnnotationStore(pending.path, pending.info)
            store.text, store.read_only_reason = pending.text, str(error)
        self.app.call_from_thread(self.store_read, store)

    def _taken_down(self) -> bool:
        """Whether the reader is being taken down (quit while a worker ran): the worker's late
        result then has nothing left to draw on, and is dropped rather than raise."""
        return not self.is_attached or not self.query(ArticleView)

    def store_read(self, store: AnnotationStore) -> None:
        if self._taken_down():
            return
        self.store = store
        self.app.store = store  # type: ignore[attr-defined]
        self.refresh_annotations(pane_now=True)
        _settle()
        if self.reading.analysed():
            self.announce_store()

    def analysis_ready(self) -> None:
        if self._taken_down():
            return
        self.reading.settle()  # a quote found near the reading position gets its number
        self.fill_span_lists()
        self.redraw()
        _settle()
        if not self.store.pending:
            self.announce_store()

    def on_unmount(self) -> None:
        gc.unfreeze()  # this reader's objects may be collected again once it is gone

    def fill_span_lists(self, units: tuple[str, ...] = ("quote", "claim", "person", "heading")) -> None:
        """The Quotes, Claims, People and Contents tabs, each with its filter (`/` in the pane)."""
        from tui.widgets.pane import SpanList, claim_options, contents_options, people_options, quote_options

        text = self.document.text
        for pane in self.query(SpanList):
            if pane.unit not in units:
                continue
            query = self.pane_filters.get(pane.unit, "")
            pane.clear_options()
            if pane.unit == "heading":
                pane.add_options(contents_options(self.document, query))
            elif pane.unit == "quote":
                pane.add_options(quote_options(text, self.reading.quotes, query=query))
            elif pane.unit == "person":
                pane.add_options(people_options(len(text), self.reading.people, self.reading.quotes, query))
            else:
                pane.add_options(claim_options(text, self.reading.claims, query=query))

    @on(TabbedContent.TabActivated)
    def tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """The Contents tab is filled when first shown: a book's hundreds of chapters are not
        needed for its first screen."""
        if event.pane.id == "contents-tab" and not self.query_one("#contents", SpanList).option_count:
            self.fill_span_lists(("heading",))

    def filter_pane(self) -> None:
        """`/` in the pane: show only the rows of this tab that match (empty shows them all)."""
        from tui.dialogs.prompt import LinePrompt

        tabs = self.query_one(SidePane).query_one(TabbedContent)
        name = (tabs.active or "notes-tab").removesuffix("-tab")
        unit = {"notes": "notes", "quotes": "quote", "claims": "claim", "people": "person", "contents": "heading"}[name]
        what = {
            "notes": "the highlighted text, note or tags",
            "quote": "the speaker or the words",
            "claim": "the kind, the source or the words",
            "person": "the name",
            "heading": "the heading",
        }[unit]

        def apply(query: str | None) -> None:
            if query is None:
                return
            self.pane_filters[unit] = query.strip()
            if unit == "notes":
                self.refresh_annotations()
            else:
                self.fill_span_lists()
            tabs.get_tab(f"{name}-tab").label = f"{name.title()} /{query.strip()}" if query.strip() else name.title()
            tabs.get_pane(f"{name}-tab").query(OptionList).first().focus()

        title = f"Filter the {name.title()} tab by {what} (enter filters, an empty line shows all, esc cancels)"
        self.app.push_screen(LinePrompt(title, self.pane_filters.get(unit, "")), apply)

    def announce_store(self) -> None:
        """Say once, when the first screen has settled, what the reader should know about the notes."""
        if self.store.read_only_reason:
            self.notify(
                f"Annotations are read-only: {self.store.read_only_reason}",
                severity="warning",
                timeout=12,
                markup=False,
            )
        if self.store.orphans:
            count = len(self.store.orphans)
            self.notify(
                f"{count} annotation(s) no longer fit the article. They are kept at the end of the Notes "
                "pane: choose one to re-attach it, or press d there to delete it.",
                markup=False,
                timeout=8,
            )

    def poll_store(self) -> None:
        """Pick up a hand edit or another window's changes; retry a save that failed."""
        from annotations import StoreParseError

        try:
            changed = self.store.refresh()
        except StoreParseError as error:
            self.notify(
                f"The annotation file was broken outside postil, so it is now read-only here: {error}",
                severity="warning",
                timeout=12,
                markup=False,
            )
            self.update_status()
            return
        if changed:
            self.refresh_annotations()
            self.notify("Annotations updated from disk", timeout=2)
        if self.store.unsaved and not self.store.read_only_reason:
            try:
                self.store.save()
            except StoreError:
                return
            self.notify("Your earlier changes are saved now", timeout=3)
            self.update_status()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "narrow")
        self.call_after_refresh(self.update_status)

    # -- drawing -----------------------------------------------------------------------

    def redraw(self, cursor_moved: bool = False) -> None:
        """Draw the marks again, and the status line; `cursor_moved` says that nothing else
        changed since the last redraw (the article then draws only the cursor's rows)."""
        if self._taken_down():
            return
        quotes, claims = self._analysis_marks()
        self.article.set_marks(
            Marks(
                cursor=self.reading.cursor.span if self.reading.cursor else None,
                selection=self.reading.selection,
                highlights=self._highlights,
                matches=self.matches,
                quotes=quotes,
                claims=claims,
            ),
            cursor_moved,
        )
        self.update_status()

    def _analysis_marks(self) -> tuple[SpanIndex | None, SpanIndex | None]:
        """The quotes and claims to mark: the whole document's once it is analysed; before
        that, in a book, those found around the reading position first; else none."""
        if not self.show_marks:
            return None, None
        if self.reading.analysed():
            return self._quote_marks, self._claim_marks
        if self.reading.nearby is not None:
            return self._nearby_marks
        return None, None

    @cached_property
    def _nearby_marks(self) -> tuple[SpanIndex, SpanIndex]:
        return SpanIndex(self.reading.found_near("quote")), SpanIndex(self.reading.found_near("claim"))

    def annotation_under(self, start: int, end: int) -> Annotation | None:
        """The highlight under a span: an exact match first, else the first overlapping one.

        Looked up in the index kept for drawing, not by scanning the store on every key.
        """
        overlapping = [a for a in self._highlights.overlapping(start, end) if isinstance(a, Annotation)]
        exact = [a for a in overlapping if (a.start, a.end) == (start, end)]
        candidates = exact or overlapping
        return candidates[0] if candidates else None

    @cached_property
    def _quote_marks(self) -> SpanIndex:
        return SpanIndex(self.reading.quotes)

    @cached_property
    def _claim_marks(self) -> SpanIndex:
        return SpanIndex(self.reading.claims)

    def action_toggle_marks(self) -> None:
        self.show_marks = not self.show_marks
        self.notify("Quote and claim marks " + ("on" if self.show_marks else "off"), timeout=1.5)
        self.redraw()

    def action_cycle(self, unit: Literal["quote", "claim"], forward: int) -> None:
        if forward:
            self.tour_done(unit)
        if not self.reading.analysed() and len(self.document.text) > _BOOK:
            # A book is still being analysed in the background (an article is quick to do now):
            # the quotes and claims around the reading position are found first.
            near = self.reading.cycle_near(unit, bool(forward))
            if near is None:
                self.notice("Still finding quotes and claims…")
            else:
                self.go(near)
            return
        cursor, wrapped = self.reading.cycle(unit, bool(forward))
        if cursor is None:
            self.notice(f"No {unit}s found in this article")
            return
        if wrapped:
            self.notify(f"Wrapped to the {'first' if forward else 'last'} {unit}", timeout=2)
        self.go(cursor)

    def refresh_annotations(
        self, current: str | None = None, pane_now: bool = False, added: Annotation | None = None
    ) -> None:
        """After a change to the store: list it again and re-index the highlights once,
        so cursor moves (which only redraw) do not re-sort them on every key. A highlight
        `added` alone (nothing merged from disk meanwhile) joins the index in its place."""
        placed = len(self.store.annotations) - len(self.store.orphans)
        if added is not None and added.id not in self.store.orphans and placed == len(self._highlights.spans) + 1:
            self._highlights.add(added)
        else:
            self._highlights = SpanIndex(self.store.placed())
        self.redraw()
        if pane_now:
            self._list_notes(current)
        else:
            # After a key, the pane follows a frame later: the highlight and the count, where
            # the eyes are, are drawn first, and a pane of 10,000 notes does not hold them back.
            self.call_after_refresh(self._list_notes, current)

    def _list_notes(self, current: str | None = None) -> None:
        query = self.pane_filters.get("notes", "")
        shown = [a for a in self.store.annotations if matches(query, a.exact, a.note, *a.tags)] if query else None
        self.notes.show(self.store.annotations if shown is None else shown, self.store.orphans, current)

    @cached_property
    def _links(self) -> tuple[list[int], list[tuple[int, int, str]]]:
        links = sorted((s.start, s.end, s.href) for s in self.document.inline if s.kind == "link" and s.href)
        return [start for start, _, _ in links], links

    def link_in(self, start: int, end: int) -> str | None:
        """Where the first link inside [start, end) goes: the text shows a link's words, and
        the status line its target."""
        starts, links = self._links
        index = bisect_left(starts, start)
        if index > 0 and links[index - 1][1] > start:
            index -= 1  # a link that begins before the span and runs into it
        if index < len(links) and links[index][0] < end:
            return clean_line(links[index][2])
        return None

    def update_status(self) -> None:
        from tui.widgets.status import StatusLine

        cursor = self.reading.cursor
        item = self.reading.item(cursor) if cursor is not None else None
        # A quote or claim found near the reading position before the whole book is: no number yet.
        number = f" {cursor.index + 1}/" if cursor is not None and cursor.index >= 0 else ""
        if cursor is not None and cursor.unit == "quote" and item is not None:
            quote = cast("Quote", item)
            who = quote.speaker or ("term" if quote.kind == "term" else "unattributed")
            if quote.speaker and quote.speaker_start is not None and quote.speaker_end is not None:
                # "Odile Brennan (the mayor)": how the text names them here, when it differs.
                mention = " ".join(self.document.text[quote.speaker_start : quote.speaker_end].split())
                if mention and mention.casefold() not in quote.speaker.casefold() and mention.lower() not in _RELATIVE:
                    who += f" ({mention})"
            if self.reading.speaker is not None:
                theirs = self.reading.speaker_quotes(self.reading.speaker)
                place = theirs.index(cursor.index) + 1 if cursor.index in theirs else 0
                left = f"quote {place}/{len(theirs)} of {self.reading.speaker} · esc: all quotes · {who}"
            else:
                left = f"quote{number}{len(self.reading.quotes) if number else ''} · {who}"
        elif cursor is not None and cursor.unit == "claim" and item is not None:
            claim = cast("Claim", item)
            left = f"claim{number}{len(self.reading.claims) if number else ''} · {claim.kind}"
            left += f" · {claim.source}" if claim.source else ""
        elif cursor is not None and cursor.unit in ("quote", "claim"):
            left = cursor.unit  # not found where it was: never counted here, on the UI thread
        elif cursor is not None and cursor.unit == "match" and self.matches is not None:
            matches = self.matches
            left = f"match {cursor.index + 1}/{matches.count()} · “{excerpt(matches.query.text, 30)}”"
        elif cursor is not None and cursor.unit == "annotation":
            placed = self.store.placed()
            left = f"annotation {cursor.index + 1}/{len(placed)}"
        else:
            unit, position, total = self.reading.counts() if cursor is not None else ("", 0, 0)
            if position:
                left = f"{unit} {position}/{total}"
            elif cursor is not None:
                left = f"{unit} · counting the sentences…"  # a book still being split
            else:
                left = ") next sentence · ? help"
        if cursor is not None:
            under = self.annotation_under(cursor.span.start, cursor.span.end)
            if under is not None:
                left += f" · {under.color}" + (" · note" if under.note else "")
            link = self.link_in(cursor.span.start, cursor.span.end)
            if link:
                left += f" · → {excerpt(link, 60)}"
        visible = self.article.visible_span()
        percent = (
            100
            if visible.end >= len(self.document.text)
            else round(100 * visible.start / max(1, len(self.document.text)))
        )
        count = len(self.store.annotations)
        notes = "reading the notes" if self.store.pending else f"{count} note{'s' if count != 1 else ''}"
        right = f"{notes} · {percent}%"
        if self.store.orphans:
            right = f"{len(self.store.orphans)} orphaned · " + right
        if self.reattaching:
            flag = "RE-ATTACH"
        elif self.reading.anchor is not None:
            flag = "SELECT"
        elif self.store.read_only_reason and not self.store.pending:
            flag = "READ-ONLY"
        else:
            flag = "UNSAVED" if self.store.unsaved else ""
        self.query_one(StatusLine).show(left, right, flag)

    def go(self, cursor: Cursor | None, end_message: str = "") -> None:
        if cursor is None:
            if end_message:
                self.notify(end_message, timeout=2, markup=False)
            return
        self.article.show_span(cursor.span)
        self.redraw(cursor_moved=True)

    # -- movement ----------------------------------------------------------------------

    def action_scroll_lines(self, lines: int) -> None:
        self.article.scroll_relative(y=lines, animate=False)
        self.call_after_refresh(self.update_status)

    def action_scroll_page(self, pages: int) -> None:
        height = max(1, self.article.scrollable_content_region.height - 1)
        self.article.scroll_relative(y=pages * height, animate=False)
        self.call_after_refresh(self.update_status)

    def action_jump(self, bottom: int) -> None:
        """To the top or the end, and the cursor with it: onto the first or the last sentence,
        so the status line describes where the reader now is (as `G` does in vim)."""
        text = self.document.text
        cursor = self.reading.sentence_at(len(text.rstrip()) - 1 if bottom else 0)
        if bottom:
            self.article.lay_out_all()  # the end of a book still being laid out is known now
            self.article.scroll_end(animate=False, immediate=True)
        else:
            self.article.scroll_home(animate=False, immediate=True)
        if cursor is not None and self.reading.anchor is None:
            self.reading.place(cursor)
            self.redraw()
        self.call_after_refresh(self.update_status)

    def action_move(self, unit: Unit, forward: int) -> None:
        if unit == "sentence" and forward:
            self.tour_done("sentence")
        if unit == "section" and not self.reading.sections:
            self.notice("This document has no headings or chapters")
            return
        cursor = self.reading.move(unit, bool(forward), self.article.visible_span())
        self.go(cursor, f"{'Last' if forward else 'First'} {unit}")

    def action_move_annotation(self, forward: int) -> None:
        placed = self.store.placed()
        if not placed:
            self.notice("No highlights yet")
            return
        origin = self.reading.cursor.span.start if self.reading.cursor else -1
        if forward:
            index = next((i for i, a in enumerate(placed) if a.start > origin), None)
        else:
            index = next((i for i in range(len(placed) - 1, -1, -1) if placed[i].start < origin), None)
        if index is None:
            index = 0 if forward else len(placed) - 1
            self.notify("Wrapped to the first annotation" if forward else "Wrapped to the last annotation", timeout=2)
        annotation = placed[index]
        self.go(self.reading.place(Cursor(Span(annotation.start, annotation.end), "annotation", index)))
        self.notes.show(self.store.annotations, self.store.orphans, annotation.id)

    @on(ArticleView.Clicked)
    def clicked(self, event: ArticleView.Clicked) -> None:
        """A click moves the cursor to the sentence; on a link's words it also opens the
        link; a double click selects the sentence, ready for `h`."""
        cursor = self.reading.sentence_at(event.offset)
        if cursor is None:
            return
        self.reading.place(cursor)
        if event.chain >= 2:
            self.reading.anchor = cursor.span
        else:
            self.reading.anchor = None
            link = self.link_in(event.offset, event.offset + 1)
            if link:
                self.open_link(link)
        self.redraw()

    @on(ArticleView.Dragged)
    def dragged(self, event: ArticleView.Dragged) -> None:
        """A drag selects the words it passes over, ready for `h`, `a` or `y`."""
        self.reading.select_words(event.start, event.end)
        self.redraw()

    def action_open_link(self) -> None:
        cursor = self.reading.cursor
        link = self.link_in(cursor.span.start, cursor.span.end) if cursor is not None else None
        if link is None:
            self.notice("No link in this sentence")
            return
        self.open_link(link)

    def open_link(self, href: str) -> None:
        """Open a link in the browser: a web or mail address only, never a file or a script
        an article slipped in; a relative link is read against the article's own address."""
        target = urljoin(self.document.source, href) if "://" in self.document.source else href
        if urlsplit(target).scheme.lower() not in ("http", "https", "mailto"):
            self.notify(f"Not opened: {excerpt(target, 60)} is not a web or mail address", timeout=4, markup=False)
            return
        self.app.open_url(target)
        self.notify(f"Opening {excerpt(target, 60)}", timeout=3, markup=False)

    @on(SpanList.Chosen)
    def span_chosen(self, event: SpanList.Chosen) -> None:
        if event.unit == "heading":
            self.go_to(self.document.blocks[event.index])
            if event.selected:
                self.article.focus()
                self.remove_class("pane-open")
            return
        if event.unit == "person":
            if event.selected:
                self.follow_speaker(event.index)
            return
        spans = self.reading.quotes if event.unit == "quote" else self.reading.claims
        chosen = spans[event.index]
        unit: Unit = "quote" if event.unit == "quote" else "claim"
        self.go(self.reading.place(Cursor(Span(chosen.start, chosen.end), unit, event.index)))
        if event.selected:
            self.article.focus()
            self.remove_class("pane-open")

    def follow_speaker(self, index: int) -> None:
        """`]` and `[` now step through this person's quotes only, until `esc`."""
        from tui.widgets.pane import ranked_people

        person = ranked_people(self.reading.people, self.reading.quotes)[index]
        self.reading.speaker = person.name
        self.article.focus()
        self.remove_class("pane-open")
        cursor, _wrapped = self.reading.cycle("quote", True)
        if cursor is not None:
            self.go(cursor)
        self.notify(f"] and [ now go through {person.name}'s quotes; esc shows all quotes again", timeout=3)

    # -- going to a place (the command palette) ------------------------------------------

    def go_to(self, span: Span) -> None:
        index = max(0, bisect_right(self.reading.paragraph_starts, span.start) - 1)
        self.go(self.reading.place(Cursor(Span(span.start, span.end), "paragraph", index)))

    def go_to_quote(self, index: int) -> None:
        quote = self.reading.quotes[index]
        self.go(self.reading.place(Cursor(Span(quote.start, quote.end), "quote", index)))

    def go_to_annotation(self, annotation_id: str) -> None:
        annotation = self.store.get(annotation_id)
        placed = self.store.placed()
        if annotation is not None and annotation in placed:
            index = placed.index(annotation)
            self.go(self.reading.place(Cursor(Span(annotation.start, annotation.end), "annotation", index)))

    @on(AnnotationList.Chosen)
    def chosen(self, event: AnnotationList.Chosen) -> None:
        annotation = self.store.get(event.annotation_id)
        if annotation is None:
            return
        if annotation.id in self.store.orphans:
            if event.selected:
                self.start_reattach(annotation)
            return
        self.go_to_annotation(annotation.id)
        if event.selected:
            self.article.focus()
            self.remove_class("pane-open")

    # -- selection ---------------------------------------------------------------------

    def action_select(self) -> None:
        if self.reading.cursor is None:
            self.action_move("sentence", 1)
        selecting = self.reading.toggle_selection()
        if selecting:
            self.notify("Selecting: move to extend, h to highlight, esc to cancel", timeout=3)
        self.redraw()

    def start_reattach(self, orphan: Annotation) -> None:
        self.reattaching = orphan.id
        self.article.focus()
        self.remove_class("pane-open")
        self.notify(
            f"Re-attaching “{excerpt(orphan.exact, 50)}”: move to its new place (or select it with v) "
            "and press h. esc cancels.",
            timeout=8,
            markup=False,
        )
        self.update_status()

    def action_cancel(self) -> None:
        if self.reattaching is not None:
            self.reattaching = None
            self.notify("Re-attaching cancelled", timeout=1.5)
            self.update_status()
        elif self.reading.anchor is not None:
            self.reading.anchor = None
            self.redraw()
        elif self.reading.speaker is not None:
            self.reading.speaker = None
            self.notify("] and [ go through every quote again", timeout=1.5)
            self.update_status()
        elif self.tour_step is not None:
            self.end_tour("Tour ended. ? lists every key, and q quits.")
        elif self.has_class("pane-open"):
            self.action_toggle_pane()

    # -- annotating --------------------------------------------------------------------

    def _target(self) -> tuple[Span, Unit] | None:
        target = self.reading.target()
        if target is None:
            self.notify("Move to a sentence first: press ) to start", timeout=3)
        return target

    def _kind(self, unit: Unit) -> Kind:
        return unit if unit in ("sentence", "quote", "claim") else "selection"  # type: ignore[return-value]

    def _speaker(self, span: Span, unit: Unit) -> str:
        cursor = self.reading.cursor
        if cursor is None or cursor.span != span:
            return ""
        item = self.reading.item(cursor)
        if item is None:
            return ""
        return (cast("Quote", item).speaker if unit == "quote" else cast("Claim", item).source) or ""

    def _writable(self) -> bool:
        """Whether the store takes changes now; if not, say why."""
        if self.store.pending:
            self.notify("Your annotations are still being read: try again in a moment", timeout=3)
            return False
        if self.store.read_only_reason:
            self.notify(f"Read-only: {self.store.read_only_reason}", severity="warning", markup=False)
            return False
        return True

    def _apply(self, change: str, do: object) -> bool:
        """Run a store change; report a failure without losing anything."""
        if self.store.pending:
            return self._writable()
        try:
            if callable(do):
                do()
        except StoreError as error:
            self.notify(f"Could not {change}: {error}", severity="error", timeout=10, markup=False)
            if self.store.unsaved:
                # The change is kept in memory, to be saved when writing works again: show it.
                self.refresh_annotations()
            return False
        return True

    def _create(self, span: Span, unit: Unit, color: Color = "yellow") -> Annotation | None:
        existing = self.annotation_under(span.start, span.end)
        if existing is not None and existing.start == span.start and existing.end == span.end:
            return existing
        annotation = Annotation.on_text(
            self.document.text,
            span.start,
            span.end,
            id=new_id(self.store.ids()),
            kind=self._kind(unit),
            color=color,
            speaker=self._speaker(span, unit),
        )
        merges = self.store.merges
        if not self._apply("highlight", lambda: self.store.add(annotation)):
            return None
        if self.reading.anchor is not None:
            self.reading.anchor = None
            self.reading.place(Cursor(span, "selection"))
        self.refresh_annotations(annotation.id, added=annotation if self.store.merges == merges else None)
        return annotation

    def action_highlight(self) -> None:
        self.tour_done("highlight")
        target = self._target()
        if target is None:
            return
        span, unit = target
        if self.reattaching is not None:
            orphan_id, self.reattaching = self.reattaching, None
            if self._apply("re-attach", lambda: self.store.reattach(orphan_id, span.start, span.end)):
                self.reading.anchor = None
                self.notify("Re-attached", timeout=1.5)
            self.refresh_annotations(orphan_id)
            return
        existing = self.annotation_under(span.start, span.end)
        if existing is not None and (existing.start, existing.end) == (span.start, span.end):
            self.notify("Already highlighted: 1–5 change its colour, d deletes it", timeout=3)
            return
        # No notice: the status line says it ("· yellow", and the count), and a notice would
        # sit on top of that very count.
        self._create(span, unit)

    def action_color(self, color: Color) -> None:
        target = self._target()
        if target is None:
            return
        span, unit = target
        existing = self.annotation_under(span.start, span.end) if self.reading.anchor is None else None
        if existing is None:
            self._create(span, unit, color)
            return
        if self._apply("change the colour", lambda: self.store.update(existing.id, color=color)):
            self.refresh_annotations(existing.id)

    def _annotation_for_edit(self) -> Annotation | None:
        target = self._target()
        if target is None:
            return None
        span, unit = target
        existing = self.annotation_under(span.start, span.end) if self.reading.anchor is None else None
        if existing is not None:
            self._just_created = None
            return existing
        created = self._create(span, unit)
        self._just_created = created.id if created is not None else None
        return created

    def _drop_new(self, annotation: Annotation) -> None:
        """A dialog cancelled on a passage that had no highlight: leave nothing behind."""
        self._apply("cancel", lambda: self.store.remove(annotation.id))
        self.refresh_annotations()

    def action_annotate(self) -> None:
        from tui.dialogs.note import NoteEditor  # loaded on first use: not needed for the first screen

        self.tour_done("annotate")
        if not self._writable():
            return
        annotation = self._annotation_for_edit()
        if annotation is None:
            return

        created = self._just_created == annotation.id

        def save(note: str | None) -> None:
            if note is None and created:
                self._drop_new(annotation)
                return
            changed = note is not None and note != annotation.note
            if changed and self._apply("save the note", lambda: self.store.update(annotation.id, note=note)):
                self.notify("Note saved", timeout=1.5)
            self.refresh_annotations(annotation.id)

        self.app.push_screen(NoteEditor(annotation.exact, annotation.note), save)

    def action_tags(self) -> None:
        from tui.dialogs.prompt import LinePrompt, parse_tags

        if not self._writable():
            return
        annotation = self._annotation_for_edit()
        if annotation is None:
            return

        created = self._just_created == annotation.id

        def save(value: str | None) -> None:
            if value is None and created:
                self._drop_new(annotation)
                return
            if value is not None:
                tags = parse_tags(value)
                if tags != annotation.tags:
                    self._apply("save the tags", lambda: self.store.update(annotation.id, tags=tags))
            self.refresh_annotations(annotation.id)

        self.app.push_screen(
            LinePrompt("Tags (separate with spaces or commas; enter saves, esc cancels)", " ".join(annotation.tags)),
            save,
        )

    def action_delete(self) -> None:
        cursor = self.reading.cursor
        annotation = self.annotation_under(cursor.span.start, cursor.span.end) if cursor else None
        chosen = self.notes.highlighted_option if self.notes.has_focus else None
        if chosen is not None and chosen.id:
            annotation = self.store.get(chosen.id)  # in the pane, d deletes the row (orphans too)
        if annotation is None:
            self.notice("No annotation under the cursor")
            return
        if self._apply("delete", lambda: self.store.remove(annotation.id)):
            self.notify("Deleted. u undoes it.", timeout=2)
            self.refresh_annotations()

    def action_undo(self) -> None:
        result: list[str | None] = []
        if self._apply("undo", lambda: result.append(self.store.undo())):
            self.notify(f"Undid the last {result[0]}" if result and result[0] else "Nothing to undo", timeout=2)
            self.refresh_annotations()

    def action_copy(self) -> None:
        target = self._target()
        if target is None:
            return
        span, _ = target
        text = self.document.text[span.start : span.end]
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied {len(text)} characters", timeout=1.5)

    # -- search ------------------------------------------------------------------------

    def action_search(self) -> None:
        if self.query_one(SidePane).has_focus_within:
            self.filter_pane()
            return
        cursor = self.reading.cursor
        self._search_origin = (cursor, self.article.scroll_y)
        # The bar takes the footer's row, so the article keeps its size and is not laid out again.
        self.query_one(Footer).show(False)
        self.query_one(SearchBar).open(self.search_query, self.search_regex)

    def _search_from(self) -> int:
        """Where a search starts: the cursor, else the top of the screen."""
        origin = self._search_origin[0] if self._search_origin else self.reading.cursor
        return origin.span.start if origin is not None else self.article.visible_span().start

    @on(SearchBar.Changed)
    def search_typed(self, event: SearchBar.Changed) -> None:
        """Search as the query is typed: every match marked, the cursor on the first after
        where the search began. A book is searched in a worker, so typing never waits."""
        self._search_token += 1
        query = Query(event.query, event.regex)
        if not query.text:
            self._search_restore()
            return
        if len(self.document.text) > _SEARCH_IN_WORKER:
            self._search_worker(query, self._search_token)
        else:
            self._search_found(self._find(query), self._search_token)

    def _find(self, query: Query) -> Matches | str:
        try:
            return self.finder.find(query)
        except SearchError as error:
            return str(error)

    @work(thread=True, exclusive=True, group="search")
    def _search_worker(self, query: Query, token: int) -> None:
        found = self._find(query)
        if token == self._search_token:
            self.app.call_from_thread(self._search_found, found, token)

    def _search_found(self, found: Matches | str, token: int) -> None:
        if token != self._search_token:
            return  # a later keystroke's search is on its way
        bar = self.query_one(SearchBar)
        if isinstance(found, str):
            bar.info(found)
            return
        self.matches = found
        index = found.at_or_after(self._search_from())
        if index is None:
            bar.info("no match")
            self._search_restore(keep_query=True)
            return
        bar.info(f"{index + 1}/{found.count()}")
        self.go(self.reading.place(Cursor(found.span(index), "match", index)))

    def _search_restore(self, keep_query: bool = False) -> None:
        """Back to where the search began, with no matches marked."""
        if not keep_query:
            self.matches = None
        cursor, scroll = self._search_origin or (None, self.article.scroll_y)
        self.reading.cursor = cursor
        self.article.scroll_to(y=scroll, animate=False, immediate=True)
        self.redraw()

    @on(SearchBar.Closed)
    def search_closed(self, event: SearchBar.Closed) -> None:
        self.query_one(Footer).show(True)
        self.article.focus()
        if not event.accepted:
            self._search_token += 1
            self._search_restore()
            self._search_origin = None
            return
        self.search_query, self.search_regex = event.query, event.regex
        self._search_origin = None
        matches = self.matches
        if event.query and (matches is None or matches.query != Query(event.query, event.regex) or not matches):
            # enter before a book's search came back, or nothing matched: say so now.
            found = self._find(Query(event.query, event.regex))
            if isinstance(found, str) or not found:
                self.matches = None
                self.notify(
                    found if isinstance(found, str) else f"Not found: {excerpt(event.query, 40)}",
                    timeout=3,
                    markup=False,
                )
                self.redraw()
                return
            self.matches = found
            self.action_search_again(1)

    def action_search_again(self, forward: int) -> None:
        if not self.search_query:
            self.action_search()
            return
        query = Query(self.search_query, self.search_regex)
        if self.matches is None or self.matches.query != query:
            found = self._find(query)
            if isinstance(found, str):
                self.notify(found, timeout=3, markup=False)
                return
            self.matches = found
        matches = self.matches
        origin = self.reading.cursor.span.start if self.reading.cursor else -1
        index = matches.after(origin) if forward else matches.before(max(0, origin))
        if index is None:
            self.notify(f"Not found: {excerpt(self.search_query, 40)}", timeout=2, markup=False)
            return
        if (forward and matches.starts[index] <= origin) or (not forward and matches.starts[index] >= origin):
            self.notify(f"Search wrapped to the {'top' if forward else 'bottom'}", timeout=1.5)
        self.go(self.reading.place(Cursor(matches.span(index), "match", index)))

    # -- pane and help -----------------------------------------------------------------

    def action_toggle_pane(self) -> None:
        pane = self.query_one(SidePane)
        if pane.has_focus_within:
            self.remove_class("pane-open")
            self.article.focus()
            return
        self.add_class("pane-open")
        active = pane.query_one(TabbedContent).active_pane
        (active or pane).query(OptionList).first().focus()

    def action_pane_tab(self, name: str) -> None:
        """Open the pane on one of its tabs, with the focus in its list."""
        tabs = self.query_one(SidePane).query_one(TabbedContent)
        if not tabs.query(f"#{name}-tab"):
            self.notice("This document has no headings, so no contents")
            return
        self.add_class("pane-open")
        tabs.active = f"{name}-tab"
        tabs.get_pane(f"{name}-tab").query(OptionList).first().focus()

    def action_library(self) -> None:
        from annotations.library import library
        from tui.screens.library import LibraryScreen

        def open_chosen(source: str | None) -> None:
            if source is not None and source != self.document.source:
                self.app.open_source(source)  # type: ignore[attr-defined]

        base = self.app.base  # type: ignore[attr-defined]
        self.app.push_screen(LibraryScreen(library(base), base), open_chosen)

    def action_export(self, format: str = "md") -> None:
        from pathlib import Path

        from annotations.export import FORMATS, Format
        from annotations.paths import slugify
        from tui.dialogs.export import ExportChoice, ExportDialog

        def write(choice: ExportChoice | None) -> None:
            if choice is None:
                return
            from annotations.atomic import atomic_write
            from annotations.export import build, render
            from annotations.model import now

            export = build(self.store, self.document, context=choice.context, timestamp=now())
            try:
                atomic_write(choice.path, render(export, choice.format).encode("utf-8"))
            except StoreError as error:
                self.notify(f"Export failed: {error}", severity="error", timeout=10, markup=False)
                return
            count = len(export.items)
            self.notify(
                f"Exported {count} annotation{'s' if count != 1 else ''} as {choice.format} to {choice.path}",
                timeout=6,
                markup=False,
            )

        stem = slugify(self.document.title or "annotations", limit=60)
        chosen: Format = format if format in FORMATS else "md"  # type: ignore[assignment]
        self.app.push_screen(ExportDialog(stem, Path.cwd(), chosen), write)

    def action_quit(self) -> None:
        """Quit; but not silently past changes that could not be written."""
        if self.store.unsaved and not self._quit_warned:
            try:
                self.store.save()
            except StoreError as error:
                self._quit_warned = True
                self.notify(
                    f"Your last changes are not saved ({error}). Press q again to quit and lose them.",
                    severity="error",
                    timeout=15,
                    markup=False,
                )
                return
        self.remember_position()
        self.app.exit()

    def action_help(self) -> None:
        """Every reader key as it is bound now, after any remapping in config.toml."""
        keys_by_id: dict[str, list[str]] = {}
        for key, bound in self.active_bindings.items():
            if bound.node is self and bound.binding.id:
                keys_by_id.setdefault(bound.binding.id, []).append(_key_name(key))
        rows: list[tuple[str, str]] = []
        for binding in self.BINDINGS:
            assert isinstance(binding, Binding) and binding.id
            declared = [_key_name(key.strip()) for key in binding.key.split(",")]
            active = keys_by_id.get(binding.id, [])
            # Not remapped: show every declared key (a focused widget may answer some of
            # them itself, to the same effect). Remapped: show what is bound now.
            keys = declared if set(active) <= set(declared) else active
            rows.append((" ".join(keys), binding.description))
        rows.append(("left right", "In the pane: the tab beside this one"))
        rows.append(("ctrl+p", "Command palette"))
        from tui.dialogs.help import HelpScreen

        self.app.push_screen(HelpScreen(rows))


def _key_name(key: str) -> str:
    """`right_parenthesis` → `)`; `space`, `escape` and keys with modifiers keep their names."""
    if key == "slash":
        return "/"
    character = key_to_character(key)
    return character if character and character.isprintable() and not character.isspace() else key
