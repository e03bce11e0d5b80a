"""The search bar: one line above the status line, opened by `/`.

It only edits the query. Each change is posted, so the screen can search as you type;
enter keeps the match, esc goes back to where the search began. ctrl+r switches
regular expressions on and off.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from tui.widgets.fields import Field


class SearchBar(Horizontal):
    DEFAULT_CSS = """
    SearchBar {
        height: 1;
        display: none;
        background: $panel;
        &.open { display: block; }
        & > Label { width: auto; padding: 0 1; color: $text-accent; text-style: bold; }
        & > #search-info { color: $text-muted; text-style: none; }
        & > Input, & > Input:focus {
            border: none; height: 1; padding: 0; width: 1fr; background: $panel;
        }
    }
    """

    BINDINGS = [
        Binding("escape", "cancel", "Cancel the search", id="search.cancel"),
        Binding("ctrl+r", "toggle_regex", "Regular expressions on or off", id="search.regex"),
    ]

    class Changed(Message):
        def __init__(self, query: str, regex: bool) -> None:
            super().__init__()
            self.query = query
            self.regex = regex

    class Closed(Message):
        def __init__(self, query: str, regex: bool, accepted: bool) -> None:
            super().__init__()
            self.query = query
            self.regex = regex
            self.accepted = accepted

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.regex = False

    def compose(self) -> ComposeResult:
        yield Label("/", id="search-label")
        yield Field(placeholder="search (smart case; ctrl+r: regular expression)", id="search-input")
        yield Label("", id="search-info")

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def open(self, query: str, regex: bool) -> None:
        self.regex = regex
        self._show_mode()
        self.add_class("open")
        with self.input.prevent(Input.Changed):
            self.input.value = query
        self.input.cursor_position = len(query)
        self.input.focus()

    def info(self, text: str) -> None:
        """What the search found so far: "3/17", "no match", an error."""
        self.query_one("#search-info", Label).update(text)

    def _show_mode(self) -> None:
        self.query_one("#search-label", Label).update("re/" if self.regex else "/")

    def close(self) -> None:
        self.remove_class("open")

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(event.value, self.regex))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.close()
        self.post_message(self.Closed(event.value, self.regex, accepted=True))

    def action_cancel(self) -> None:
        self.close()
        self.post_message(self.Closed(self.input.value, self.regex, accepted=False))

    def action_toggle_regex(self) -> None:
        self.regex = not self.regex
        self._show_mode()
        self.post_message(self.Changed(self.input.value, self.regex))
