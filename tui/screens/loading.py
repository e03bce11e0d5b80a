"""Shown while an article loads in the background: a URL downloading, a book being read."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar

from content import Document, clean_line


def _size(count: int) -> str:
    if count < 1024:
        return f"{count} B"
    if count < 1024 * 1024:
        return f"{count / 1024:.0f} KB"
    return f"{count / (1024 * 1024):.1f} MB"


class LoadingScreen(Screen[None]):
    BINDINGS = [Binding("escape,q", "cancel", "Cancel", show=True, id="loading.cancel")]
    DEFAULT_CSS = """
    LoadingScreen { align: center middle; }
    LoadingScreen > Vertical { width: 60; max-width: 95%; height: auto; padding: 1 2; border: round $primary; }
    LoadingScreen Label { width: 100%; }
    LoadingScreen #received { color: $text-muted; }
    LoadingScreen ProgressBar { margin-top: 1; }
    """

    def __init__(self, source: str) -> None:
        super().__init__()
        self.source = source

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Opening {clean_line(self.source)}", markup=False)
            yield Label("connecting…", id="received", markup=False)
            yield ProgressBar(total=None, show_eta=False)

    def progress(self, received: int, total: int | None) -> None:
        label = _size(received) + (f" of {_size(total)}" if total else "")
        self.query_one("#received", Label).update(label)
        bar = self.query_one(ProgressBar)
        if total:
            bar.update(total=total, progress=min(received, total))

    def stage(self, message: str) -> None:
        self.query_one("#received", Label).update(message)

    def action_cancel(self) -> None:
        self.app.call_later(self.app.cancel_loading)  # type: ignore[attr-defined]


class PreviewScreen(LoadingScreen):
    """A large Markdown book's first part, drawn while the whole of it is parsed: the text
    can be read and scrolled at once; the reader takes over, at the same place, when ready."""

    DEFAULT_CSS = """
    PreviewScreen #pane { color: $text-muted; padding: 1 2; }
    """

    def __init__(self, source: str, preview: Document) -> None:
        super().__init__(source)
        self.preview = preview

    def compose(self) -> ComposeResult:
        from textual.containers import Horizontal
        from textual.widgets import Footer

        from tui.widgets.article import ArticleView
        from tui.widgets.status import StatusLine

        # Laid out as the reader is, so the text does not jump when the reader takes over.
        with Horizontal(id="body"):
            yield ArticleView(self.preview, id="article")
            yield Label("Reading the book…", id="pane", markup=False)
        yield StatusLine(id="status")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#article").focus()
        self.call_after_refresh(self.stage, "reading the rest of the book…")

    def progress(self, received: int, total: int | None) -> None:
        pass  # a local file: nothing to download

    def stage(self, message: str) -> None:
        from tui.widgets.status import StatusLine

        self.query_one(StatusLine).show(message, "keys work in a moment")

    def top_offset(self) -> int:
        from tui.widgets.article import ArticleView

        return self.query_one(ArticleView).top_offset()
