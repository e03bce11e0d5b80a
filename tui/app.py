"""The postil app, built through `make_app` so tests and the CLI build it the same way."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from annotations import AnnotationStore, StoreError, data_dir, open_store
from content import ContentError, Document, clean_line, load_document
from tui.config import Config, load_config
from tui.screens.loading import LoadingScreen, PreviewScreen
from tui.screens.reader import ReaderScreen
from tui.themes import THEMES, theme_names

if TYPE_CHECKING:
    from textual.actions import ActionParseResult
    from textual.dom import DOMNode


def _collector_on() -> None:
    """Turn the cycle collector back on after the first frame (the CLI turns it off for the
    start-up), with what the start-up made (the document, the widgets, the modules) set aside
    first: turned on with all of it still young, its first two sweeps walked all of it (15 ms,
    and a key pressed on the first screen waited for them)."""
    gc.freeze()
    gc.enable()


class _Backdrop(Screen[None]):
    """The screen under every other: nothing of it shows, as each screen put on it covers the
    whole terminal. Textual hands a screen's changes up to the one on top, and this one's
    first (the whole terminal, never drawn) made the reader draw every widget again just
    after its first frame, when a key pressed there waited for it."""

    def _compositor_refresh(self) -> None:
        if self.app.screen is self:
            super()._compositor_refresh()
        else:
            self._compositor._dirty_regions.clear()
            self._dirty_widgets.clear()


class PostilApp(App[None]):
    CSS_PATH = "postil.tcss"
    TITLE = "postil"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        document: Document | None,
        store: AnnotationStore | None,
        config: Config,
        *,
        source: str | None = None,
        base: Path | None = None,
        preview: Document | None = None,
        tour: bool = False,
    ) -> None:
        super().__init__()
        self.key_arrived = 0.0
        """When the key being answered arrived (time.monotonic); 0 before the first key."""
        self.key_acted = 0.0
        """When that key's action ran; 0 until it has. The reader's analysis waits from the key's
        arrival until a frame is drawn after its action (ReaderScreen.key_pending)."""
        self.tour = tour
        """Whether the first reader shows the first-run tour."""
        self.document = document
        self.store = store
        self.config = config
        self.base = base or data_dir()
        self.first_source = source
        self.preview = preview
        """The first part of a large book, shown while the whole of it loads."""
        self.error: str | None = None
        """Why the first article could not be opened; the CLI prints it after the app exits."""
        self._loading: str | None = None
        self._typed_ahead: list[events.Key] | None = None
        """Keys that came before the first reader, to hand to it."""
        if document is not None:
            self.title = clean_line(document.title) or "postil"
        for theme in THEMES:
            self.register_theme(theme)
        if config.theme and config.theme in self.available_themes:
            self.theme = config.theme
        if config.keymap:
            self.set_keymap(config.keymap)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and self._typed_ahead is not None:
            self._typed_ahead.append(event)  # the reader is not there yet
            return
        if isinstance(event, events.Key):
            # Until the key's screen is drawn, the background analysis waits (ReaderScreen.key_pending).
            self.key_arrived, self.key_acted = time.monotonic(), 0.0
        await super().on_event(event)

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        handled = await super().run_action(action, default_namespace, namespaces)
        if self.key_arrived and not self.key_acted:
            # The key's answer is the next frame drawn. (A callback queued when the key came
            # could run before that frame, as a widget's repaint reaches its screen as a
            # message: the analysis then took the interpreter back too soon.)
            self.key_acted = time.monotonic()
        return handled

    def config_problems(self) -> None:
        """Say, once the first screen is up, what in config.toml was not used, with its line."""
        problems = list(self.config.problems)
        if self.config.keymap:
            # (Only then: the ids are gathered from every dialog, whose modules the first
            # screen does not otherwise load.)
            problems += self.config.unknown_keys(known_binding_ids()) + self.config.conflicts(reader_default_keys())
        problems += self.config.unknown_theme(theme_names())
        if problems:
            self.notify("\n".join(problems), title="config.toml", severity="warning", timeout=15, markup=False)

    def get_default_screen(self) -> Screen[None]:
        return _Backdrop(id="_default")

    def on_mount(self) -> None:
        # Before any screen's own callbacks (the analysis turns it off for itself while it runs).
        self.call_after_refresh(_collector_on)
        self.call_after_refresh(self.config_problems)
        # The workers (analysis, reading notes, search) share the interpreter lock with the
        # keys: hand it over every half millisecond, not every five, so a key never waits
        # long behind them (`)` while a book is analysed: from about 270 ms to 65 ms).
        sys.setswitchinterval(0.0005)
        if self.document is not None and self.store is not None:
            # Once Textual's start-up is over. Pushed inside it, the reader was mounted while
            # Textual drew nothing (its start-up is one batch of updates that lasts until every
            # widget of the pushed screen is mounted): the first frame was computed, dropped,
            # and computed again after it. Keys typed before then wait for the reader (`on_event`).
            self._typed_ahead = []
            self.call_later(self._open_first_reader, self.document, self.store)
        else:
            self.open_source(self.first_source)

    def _open_first_reader(self, document: Document, store: AnnotationStore) -> None:
        self.push_screen(ReaderScreen(document, store, tour=self.tour))
        typed, self._typed_ahead = self._typed_ahead or [], None
        for key in typed:
            self.post_message(events.Key(key.key, key.character))

    def _end_batch(self) -> None:
        """Textual ends a batch of updates (a footer being rebuilt, a tab switched) by asking
        only the app whether it is idle. A layout the screen was asked for during the batch (a
        notice's time ran out and its toast was taken away) then waited for the next event to
        reach the screen, and until a key was pressed the terminal went on showing the notice.
        Ask the screen too."""
        super()._end_batch()
        if not self._batch_count and self.screen_stack:
            self.screen.check_idle()

    # -- opening another article, in the background --------------------------------------

    def open_source(self, source: str | None) -> None:
        """Load `source` off the UI thread with a progress screen, then read it."""
        self._loading = source or ""
        if self.preview is not None and source == self.first_source:
            # The whole book is parsed in a thread that shares the interpreter lock with the
            # drawing: it starts once the preview is on screen, so the first screen does not
            # wait behind it.
            self.push_screen(PreviewScreen(source or "", self.preview))
            token = self._loading
            # Not if esc (or another article) came first: cancelled means never opened.
            self.call_after_refresh(lambda: self._load(source) if self._loading == token else None)
            return
        self.push_screen(LoadingScreen(source or "the sample article"))
        self._load(source)

    @work(thread=True, exclusive=True, group="load")
    def _load(self, source: str | None) -> None:
        token = self._loading

        def progress(received: int, total: int | None) -> None:
            if self._loading == token:
                self.call_from_thread(self._progress, received, total)

        try:
            # esc on the loading screen stops the download itself, within a fraction of a second.
            document = load_document(source, progress=progress, cancelled=lambda: self._loading != token)
            self.call_from_thread(self._stage, "reading the article…")
            store = open_store(document, self.base)
        except (ContentError, StoreError) as error:
            if self._loading == token:
                self.call_from_thread(self._failed, str(error))
            return
        if self._loading == token:
            self.call_from_thread(self._loaded, document, store)

    def _progress(self, received: int, total: int | None) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.progress(received, total)

    def _stage(self, message: str) -> None:
        if isinstance(self.screen, LoadingScreen):
            self.screen.stage(message)

    def _reader_open(self) -> bool:
        return any(isinstance(screen, ReaderScreen) for screen in self.screen_stack)

    def _failed(self, message: str) -> None:
        self._loading = None
        if not self._reader_open():
            self.error = message
            self.exit(return_code=1)
            return
        if isinstance(self.screen, LoadingScreen):
            self.pop_screen()
        self.notify(message, title="Could not open", severity="error", timeout=10, markup=False)

    def _loaded(self, document: Document, store: AnnotationStore) -> None:
        self._loading = None
        top = 0
        if isinstance(self.screen, PreviewScreen):
            # The reader opens where the preview was scrolled to, if the texts agree there.
            offset = self.screen.top_offset()
            shown = self.screen.preview.text
            top = offset if document.text[offset : offset + 80] == shown[offset : offset + 80] else 0
            self.preview = None
        if isinstance(self.screen, LoadingScreen):
            self.pop_screen()
        self.document, self.store = document, store
        self.title = clean_line(document.title) or "postil"
        reader = ReaderScreen(document, store)
        if isinstance(self.screen, ReaderScreen):
            self.switch_screen(reader)
        else:
            self.push_screen(reader)
        if top:
            reader.call_after_refresh(lambda: reader.article.scroll_to_offset(top))

    def cancel_loading(self) -> None:
        """Stop waiting for the article being loaded (its thread finishes unseen)."""
        self._loading = None
        if not self._reader_open():
            self.exit(return_code=130)
            return
        if isinstance(self.screen, LoadingScreen):
            self.pop_screen()


def known_binding_ids() -> set[str]:
    """Every binding id config.toml can remap: the reader's and its dialogs'."""
    from tui.dialogs.export import ExportDialog
    from tui.dialogs.help import HelpScreen
    from tui.dialogs.note import NoteEditor
    from tui.dialogs.prompt import LinePrompt
    from tui.screens.library import LibraryScreen
    from tui.widgets.pane import SidePane
    from tui.widgets.searchbar import SearchBar

    classes = (
        ReaderScreen,
        SidePane,
        SearchBar,
        LoadingScreen,
        LinePrompt,
        NoteEditor,
        HelpScreen,
        ExportDialog,
        LibraryScreen,
    )
    return {b.id for cls in classes for b in cls.BINDINGS if isinstance(b, Binding) and b.id}


def reader_default_keys() -> dict[str, list[str]]:
    """Each reader binding id's keys as postil declares them."""
    return {
        b.id: [k.strip() for k in b.key.split(",")] for b in ReaderScreen.BINDINGS if isinstance(b, Binding) and b.id
    }


def make_app(document: Document, *, data_dir: Path, config: Config | None = None, tour: bool = False) -> PostilApp:
    # A large annotation file is read after the first screen (the reader's `read_store`).
    store = open_store(document, data_dir, defer=True)
    return PostilApp(document, store, config or load_config(), base=data_dir, tour=tour)


def make_loading_app(
    source: str | None, *, data_dir: Path, config: Config | None = None, preview: Document | None = None
) -> PostilApp:
    """An app that opens with a progress screen while `source` (a URL, say) loads; or, for a
    large book, with the `preview` of its first part."""
    return PostilApp(None, None, config or load_config(), source=source, base=data_dir, preview=preview)
