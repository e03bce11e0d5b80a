"""The export dialog (`x`): pick a format and a path, prefilled, and confirm."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, RadioButton, RadioSet

from annotations.export import FORMATS, SUFFIXES, Format
from tui.widgets.fields import Field

LABELS: dict[Format, str] = {
    "md": "Markdown (Obsidian, Logseq)",
    "json": "W3C Web Annotation JSON",
    "csv": "Readwise CSV",
    "html": "HTML page",
}


@dataclass(frozen=True)
class ExportChoice:
    format: Format
    path: Path
    context: bool


class ExportDialog(ModalScreen[ExportChoice | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]
    # The path field has the focus from the start, not after a first paint on the format buttons:
    # what a quick hand types at once goes into the path.
    AUTO_FOCUS = "#path"
    DEFAULT_CSS = """
    ExportDialog { align: center middle; }
    ExportDialog > VerticalScroll {
        width: 70; max-width: 95%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    /* Compact, so that the whole dialog fits a 40×12 terminal: the radio set and the check box
       show their focus by their highlighted row, not by a border. */
    ExportDialog RadioSet { width: 100%; border: none; padding: 0; }
    ExportDialog RadioSet:focus { background-tint: $foreground 5%; }
    ExportDialog Checkbox, ExportDialog Checkbox:focus { border: none; padding: 0; }
    ExportDialog Checkbox:focus { background-tint: $foreground 5%; }
    ExportDialog .hint { color: $text-muted; }
    ExportDialog #warning { color: $warning; width: 100%; height: auto; }
    ExportDialog #warning { display: none; }
    """

    def __init__(self, stem: str, folder: Path, format: Format = "md") -> None:
        super().__init__()
        self.stem = stem
        self.folder = folder
        self.format: Format = format
        self._confirmed_overwrite: Path | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll() as box:
            box.border_title = "Export annotations"
            with RadioSet(id="formats"):
                for format in FORMATS:
                    yield RadioButton(LABELS[format], value=format == self.format, id=f"format-{format}")
            yield Checkbox("Add the sentence around each highlight (context)", id="context")
            yield Field(str(self.folder / (self.stem + SUFFIXES[self.format])), id="path")
            yield Label("", id="warning", markup=False)
            yield Label("enter exports · tab moves · esc cancels", classes="hint")

    @on(RadioSet.Changed)
    def format_changed(self, event: RadioSet.Changed) -> None:
        chosen = (event.pressed.id or "").removeprefix("format-")
        if chosen in FORMATS:
            self.format = chosen  # type: ignore[assignment]
            field = self.query_one(Input)
            path = Path(field.value)
            if path.suffix in SUFFIXES.values():
                field.value = str(path.with_suffix(SUFFIXES[self.format]))

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        path = Path(event.value.strip()).expanduser()
        if path.is_dir():
            self._warn(f"{path} is a folder: add a file name")
            return
        if path.exists() and self._confirmed_overwrite != path:
            self._confirmed_overwrite = path
            self._warn(f"{path.name} exists: press enter again to replace it")
            return
        self.dismiss(ExportChoice(self.format, path, self.query_one(Checkbox).value))

    def _warn(self, text: str) -> None:
        warning = self.query_one("#warning", Label)
        warning.update(text)
        warning.display = True
        warning.scroll_visible()

    def action_cancel(self) -> None:
        self.dismiss(None)
