"""The note editor: a modal TextArea for the note of one highlight."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, TextArea

from tui.widgets.fields import Editor
from tui.widgets.pane import excerpt


class NoteEditor(ModalScreen[str | None]):
    """Returns the new note, or None when cancelled."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save note", id="note.save"),
        Binding("escape", "cancel", "Cancel", id="note.cancel"),
    ]
    DEFAULT_CSS = """
    NoteEditor { align: center middle; }
    NoteEditor > Vertical {
        width: 80%; max-width: 90; min-width: 30; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    NoteEditor .excerpt { color: $text-muted; text-style: italic; margin-bottom: 1; }
    NoteEditor TextArea { height: 8; min-height: 3; }
    NoteEditor .hint { color: $text-muted; }
    """

    def __init__(self, passage: str, note: str) -> None:
        super().__init__()
        self.passage = passage
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Note"
            yield Label(Content(excerpt(self.passage, 200)), classes="excerpt", markup=False)
            yield Editor(self.note, id="note-text", soft_wrap=True, tab_behavior="focus")
            yield Label("ctrl+s save · esc cancel", classes="hint", markup=False)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text.rstrip("\n"))

    def action_cancel(self) -> None:
        self.dismiss(None)
