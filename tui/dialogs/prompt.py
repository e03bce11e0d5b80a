"""A one-line modal prompt, used for tags and for search."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.widgets.fields import Field


class LinePrompt(ModalScreen[str | None]):
    """Returns the text entered, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]
    DEFAULT_CSS = """
    LinePrompt { align: center bottom; }
    LinePrompt > Vertical {
        width: 100%; height: auto; background: $panel; padding: 0 1; margin-bottom: 1;
    }
    LinePrompt Input, LinePrompt Input:focus { border: none; height: 1; padding: 0; }
    LinePrompt Label { color: $text-muted; }
    """

    def __init__(self, title: str, value: str = "", placeholder: str = "") -> None:
        super().__init__()
        self.prompt_title = title
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.prompt_title, markup=False)
            # Not selected on focus: typing adds to the tags already there, it does not replace them.
            yield Field(self.value, placeholder=self.placeholder, select_on_focus=False)

    def on_mount(self) -> None:
        field = self.query_one(Input)
        field.focus()
        field.cursor_position = len(field.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


def parse_tags(value: str) -> list[str]:
    """Tags typed as `apology, legal #timeline`: commas or spaces between, `#` optional."""
    tags: list[str] = []
    for word in value.replace(",", " ").split():
        tag = word.lstrip("#")
        if tag and tag not in tags:
            tags.append(tag)
    return tags
