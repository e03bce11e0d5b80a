"""Every annotated document, newest first; enter opens one in the reader."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from annotations.library import Entry
from annotations.paths import is_local_file
from content import clean_line


def entry_prompt(entry: Entry) -> Content:
    counts = f"{entry.annotations} note{'s' if entry.annotations != 1 else ''}"
    if entry.orphans:
        counts += f", {entry.orphans} orphaned"
    changed = entry.changed.strftime("%Y-%m-%d %H:%M")
    if entry.problem:
        where = f"cannot be read: {entry.problem}"
    elif entry.source == "-":
        where = "from standard input (pipe it in again to reopen)"
    elif is_local_file(entry.source) and not Path(entry.source).exists():
        where = f"{entry.source} (missing)"
    else:
        where = entry.source
    return Content.assemble(
        (clean_line(entry.title), "bold"),
        ("\n  " + counts + " · " + changed, "$text-accent"),
        ("\n  " + clean_line(where), "$text-muted"),
    )


class LibraryScreen(ModalScreen[str | None]):
    """Returns the source to open, or None."""

    BINDINGS = [Binding("escape,q", "close", "Close", id="library.close")]
    DEFAULT_CSS = """
    LibraryScreen { align: center middle; }
    LibraryScreen > Vertical {
        width: 90; max-width: 95%; height: 80%; border: round $primary; background: $surface; padding: 0 1;
    }
    LibraryScreen OptionList { height: 1fr; border: none; }
    LibraryScreen Label { color: $text-muted; }
    """

    def __init__(self, entries: list[Entry]) -> None:
        super().__init__()
        self.entries = entries

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Library"
            if not self.entries:
                yield Label("No annotated documents yet. Highlight something with h, and it appears here.")
            options = [
                Option(entry_prompt(entry), id=str(index), disabled=not entry.reopenable)
                for index, entry in enumerate(self.entries)
            ]
            yield OptionList(*options, markup=False)
            yield Label("enter opens · esc closes")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.entries[int(event.option.id)].source)

    def action_close(self) -> None:
        self.dismiss(None)
