"""The key footer: one line, drawn by one widget, redrawn only when the keys it shows change.

Textual's footer is a row of widgets, one per key, composed again whenever the bindings
may have changed: at every change of focus, and even while it is hidden. Composing them
and laying out the screen again took longer than a key: the reader's first keys waited
behind the footer's first build, and the search bar's frames behind the builds its focus
changes caused. This footer draws the same line (the keys in the same order and colours,
a binding group's keys together, the palette key at the right) as one widget's text, so a
change of keys is one repaint of one row. A key is clicked as in Textual's footer: the
click presses it.
"""

from __future__ import annotations

from itertools import groupby
from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget


class Key(NamedTuple):
    """One key as the footer shows it."""

    key: str
    """The key that the footer's click presses."""
    display: str
    description: str
    """Beside the key, or empty for a key shown in its group."""
    enabled: bool
    tooltip: str


Part = tuple[Key | None, str, str]
"""A key, its own text and its description's text, as drawn; without a key, a group's
description ("Tabs" after "AQCP"). The spacing is Textual's footer's."""


def shown_keys(screen: Screen) -> tuple[tuple[Part, ...], Key | None]:  # type: ignore[type-arg]
    """What the footer shows for `screen`: the first key of each action in the bindings'
    order (a run of more than one action in a group together), and the palette's key."""
    app = screen.app
    bindings = screen.active_bindings
    by_action: dict[str, tuple[Binding, bool, str]] = {}
    for _node, binding, enabled, tooltip in bindings.values():
        if binding.show:
            by_action.setdefault(binding.action, (binding, enabled, tooltip))
    parts: list[Part] = []
    for group, items in groupby(by_action.values(), key=lambda item: item[0].group):
        run = list(items)
        if group is not None and len(run) > 1:
            parts.append((None, "", " "))
            for binding, enabled, tooltip in run:
                display = app.get_key_display(binding)
                parts.append((Key(binding.key, display, "", enabled, tooltip or binding.description), display, ""))
            parts.append((None, "", f" {group.description} "))
        else:
            for binding, enabled, tooltip in run:
                key = Key(binding.key, app.get_key_display(binding), binding.description, enabled, tooltip)
                parts.append((key, f" {key.display} ", f"{key.description} "))
    palette = None
    if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in bindings:
        _node, binding, enabled, _tooltip = bindings[app.COMMAND_PALETTE_BINDING]
        palette = Key(
            binding.key,
            app.get_key_display(binding),
            binding.description,
            enabled,
            binding.tooltip or binding.description,
        )
    return tuple(parts), palette


class Footer(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"footer--key", "footer--description", "footer--hover", "footer--rule"}
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .footer--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .footer--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .footer--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .footer--rule {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[tuple[Part, ...], Key | None] = ((), None)
        self._rebuild_pending = False
        self._spans: list[tuple[int, int, Key]] = []
        """Where each key was drawn: its first and last cell and the key."""
        self._hover: Key | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        """Textual's signal that the keys may have changed: looked at once the screen has
        settled (a change of focus raises several), and only while the footer is shown."""
        if not self.display or self._rebuild_pending or not self.is_attached or screen is not self.screen:
            return
        self._rebuild_pending = True
        self.call_after_refresh(self._rebuild)

    def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached or not self.display:
            return
        shown = shown_keys(self.screen)
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def show(self, shown: bool) -> None:
        self.display = shown
        if shown:
            self.call_later(self.bindings_changed, self.screen)  # the keys may have changed while hidden

    def render(self) -> Text:
        styles = (
            self.get_component_rich_style("footer--key", partial=True),
            self.get_component_rich_style("footer--description", partial=True),
            self.get_component_rich_style("footer--hover", partial=True),
        )
        parts, palette = self._shown
        left = Text()
        spans: list[tuple[int, int, Key]] = []
        for key, key_part, description_part in parts:
            if key is None:
                left.append(description_part, styles[1])
            else:
                start = left.cell_len
                left.append_text(self._key_text(key, key_part, description_part, styles))
                spans.append((start, left.cell_len, key))
        right = Text()
        if palette is not None:
            rule = self.styles.background + self.get_component_styles("footer--rule").color  # the colour at 20%
            right.append("▏", Style(color=rule.rich_color))
            right.append_text(self._key_text(palette, palette.display, f" {palette.description}", styles))
            right.append(" ")
        room = max(0, self.content_size.width - right.cell_len)
        if left.cell_len > room:
            left.truncate(room)
            spans = [(start, min(end, room), key) for start, end, key in spans if start < room]
        left.pad_right(room - left.cell_len)
        if palette is not None:
            spans.append((room + 1, room + right.cell_len - 1, palette))  # between the rule and the last space
        self._spans = spans
        return Text.assemble(left, right, no_wrap=True, end="")

    def _key_text(self, key: Key, key_part: str, description_part: str, styles: tuple[Style, Style, Style]) -> Text:
        key_style, description_style, hover_style = styles
        if key == self._hover:
            key_style, description_style = key_style + hover_style, description_style + hover_style
        text = Text()
        text.append(key_part, key_style)
        if description_part:
            text.append(description_part, description_style)
        if not key.enabled:
            text.stylize(Style(dim=True))
        return text

    def key_at(self, x: int) -> Key | None:
        """The key drawn at column `x`, if any."""
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip if key is not None and key.tooltip else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()
