"""The status line: where the reading cursor is, and what state the reader is in."""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        background: $panel;
        color: $text;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._parts = ("", "", "")

    def show(self, left: str, right: str, flag: str = "") -> None:
        """Say `left` at the start and `right` at the end, after a `flag` such as UNSAVED."""
        if (left, right, flag) != self._parts:
            self._parts = (left, right, flag)
            self.refresh()

    def render(self) -> Content:
        # Laid out at drawing time, at the width the line has then: the reader fills it in
        # before its first frame, when it has no width yet, and the first frame is complete.
        left, right, flag = self._parts
        width = max(0, self.content_size.width - 2)  # two cells spare at the right
        parts: list[str | tuple[str, str]] = []
        if flag:
            parts.append((f"{flag} ", "bold $warning"))
        parts.append(left)
        used = len(flag) + (1 if flag else 0) + len(left)
        gap = max(1, width - used - len(right))
        parts.extend([" " * gap, ("" if used + len(right) + 1 > width and width < 50 else right, "$text-muted")])
        return Content.assemble(*parts)
