"""The help screen: every key of the reader, as it is bound now (after config.toml)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss_help", "Close help", id="help.close"),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 72; max-width: 95%; height: auto; max-height: 90%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        width = max((len(keys) for keys, _ in self.rows), default=8) + 2
        lines: list[str | tuple[str, str]] = []
        for keys, description in self.rows:
            lines.extend([(keys.ljust(width), "bold $accent"), description, "\n"])
        lines.append(("\nesc or ? closes this help. Keys can be changed in config.toml.", "$text-muted"))
        with VerticalScroll() as box:
            box.border_title = "postil keys"
            yield Static(Content.assemble(*lines), markup=False)

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
