"""The status line: where the reading cursor is, and what state the reader is in."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class StatusLine(Static):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $text;
        padding: 0 1;
    }
    """

    def show(self, left: str, right: str, flag: str = "") -> None:
        width = max(0, self.size.width - 2)
        parts: list[str | tuple[str, str]] = []
        if flag:
            parts.append((f"{flag} ", "bold $warning"))
        parts.append(left)
        used = len(flag) + (1 if flag else 0) + len(left)
        gap = max(1, width - used - len(right))
        parts.extend([" " * gap, ("" if used + len(right) + 1 > width and width < 50 else right, "$text-muted")])
        self.update(Content.assemble(*parts))
