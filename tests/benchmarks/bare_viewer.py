"""The yardstick for the reader: a bare Textual Line-API viewer of a text file.

It does the least a viewer can: the file's lines, unwrapped, drawn by `render_line`, a
cursor line moved by `)` and `(`, and a search (`/`, `enter`, `n`) over a casefolded copy
made once. A status line says where the cursor is. Run: python bare_viewer.py FILE
"""

from __future__ import annotations

import sys
from pathlib import Path

from rich.segment import Segment
from rich.style import Style
from textual.app import App, ComposeResult
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Input, Static

_CURSOR = Style(reverse=True)


class Lines(ScrollView):
    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines
        self.cursor = -1
        self.virtual_size = Size(max((len(line) for line in lines[:2000]), default=0), len(lines))

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        if index >= len(self.lines):
            return Strip.blank(self.size.width)
        style = _CURSOR if index == self.cursor else Style()
        return Strip([Segment(self.lines[index][: self.size.width], style)]).extend_cell_length(self.size.width)


class BareViewer(App[None]):
    CSS = "Lines { height: 1fr; } #status { height: 1; } Input { display: none; } Input.open { display: block; }"
    BINDINGS = [
        ("right_parenthesis", "move(1)"),
        ("left_parenthesis", "move(-1)"),
        ("slash", "search"),
        ("n", "again"),
        ("q", "quit"),
    ]

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.text_lines = path.read_text(encoding="utf-8").splitlines()
        self.folded: list[str] | None = None
        self.query_text = ""

    def compose(self) -> ComposeResult:
        yield Lines(self.text_lines)
        yield Input(id="search")
        yield Static("ready", id="status")

    @property
    def view(self) -> Lines:
        return self.query_one(Lines)

    def place(self, index: int, what: str) -> None:
        view = self.view
        view.cursor = index
        if not view.scroll_offset.y <= index < view.scroll_offset.y + view.size.height:
            view.scroll_to(y=index, animate=False, immediate=True)
        view.refresh()
        self.query_one("#status", Static).update(f"{what} {index + 1}/{len(self.text_lines)}")

    def action_move(self, step: int) -> None:
        index = self.view.cursor + step
        while 0 <= index < len(self.text_lines) and not self.text_lines[index].strip():
            index += step
        if 0 <= index < len(self.text_lines):
            self.place(index, "line")

    def action_search(self) -> None:
        prompt = self.query_one(Input)
        prompt.add_class("open")
        prompt.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.input.remove_class("open")
        self.view.focus()
        self.query_text = event.value.casefold()
        self.action_again()

    def action_again(self) -> None:
        if self.folded is None:
            self.folded = [line.casefold() for line in self.text_lines]
        start = self.view.cursor + 1
        for index in range(start, len(self.folded)):
            if self.query_text and self.query_text in self.folded[index]:
                self.place(index, "match")
                return


if __name__ == "__main__":
    BareViewer(Path(sys.argv[1])).run()
