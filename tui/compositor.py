"""Textual's compositor, made to repaint wherever a widget was last drawn when it goes.

A layout repaints the places whose widgets changed, found by comparing the new map of the
screen with the old one. After a scroll, Textual lays out only what is in sight and marks
its whole map as out of date; the next time anything asks where a widget is, the whole map
is rebuilt from the widgets as they are *then*. When that happens after a widget was taken
away (a notice's toast whose time ran out) and before the layout that follows, the old map
no longer has the widget, the layout finds nothing changed there, and the terminal goes on
showing the toast until something else is drawn over it. This compositor keeps its own
record of what the last layout drew and repaints every place where that differs.

It also notes when it last made a frame: the reader's background analysis waits for the
frame that answers a key.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from textual._compositor import Compositor, CompositorMap, ReflowResult
from textual.geometry import Size
from textual.widget import Widget

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.screen import Screen


class DrawnCompositor(Compositor):
    def __init__(self) -> None:
        super().__init__()
        self._drawn: CompositorMap = {}
        """The map the last layout drew."""
        self.drawn_at = 0.0
        """When the last frame was made for the terminal (time.monotonic): the reader's
        analysis waits for the frame that answers a key."""

    def render_update(
        self, full: bool = False, screen_stack: list[Screen[Any]] | None = None, simplify: bool = False
    ) -> RenderableType | None:
        update = super().render_update(full, screen_stack, simplify)
        self.drawn_at = time.monotonic()
        return update

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        result = super().reflow(parent, size)
        self._repaint_changes(self._full_map)
        return result

    def reflow_visible(self, parent: Widget, size: Size) -> set[Widget]:
        exposed = super().reflow_visible(parent, size)
        self._repaint_changes(self._visible_map or {})
        return exposed

    def _repaint_changes(self, drawn: CompositorMap) -> None:
        changed = drawn.items() ^ self._drawn.items()
        self._drawn = drawn
        regions = (geometry.clip.intersection(geometry.region) for _, geometry in changed)
        self._dirty_regions.update(region for region in regions if region)
