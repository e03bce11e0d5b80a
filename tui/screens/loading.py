"""Shown while an article loads in the background: a URL downloading, a book being read."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar

from content import clean_line


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
