"""Scroll bars that are drawn again only when what they show has changed."""

from __future__ import annotations

from textual.geometry import Size
from textual.scroll_view import ScrollView


class SteadyScrollView(ScrollView):
    """A ScrollView whose scroll bars are fitted again only when a size really changes.

    Textual's ScrollView compares its own virtual size (the whole text or list) with the one
    the layout passes (the window's), so it finds a change at every layout of the screen and
    redraws its scroll bar: opening the search bar or adding a note then redrew the bars of
    the article and of every list in the side pane.
    """

    _sized: tuple[Size, Size, Size] | None = None
    """The size, container size and virtual size the scroll bars were last fitted to."""

    def _size_updated(self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True) -> bool:
        sized = (size, container_size, self.virtual_size)
        if sized == self._sized:
            return False
        self._sized = sized
        return super()._size_updated(size, virtual_size, container_size, layout)
