"""Text fields whose editing keys keep their place among the keys typed around them.

Textual's `Input` and `TextArea` insert a typed character as soon as its key arrives, but run
their bound keys (ctrl+u, backspace, the arrows, enter) only once the key has bubbled up to the
app. In a burst, as a quick hand, a paste of keys or a loaded machine sends them, the characters
typed after a bound key land first: ctrl+u then a path left the field empty (Textual issue 6605).
These fields run their own bindings where the key arrives, so keys act in the order they came.
"""

from __future__ import annotations

from textual import events
from textual.widget import Widget
from textual.widgets import Input, TextArea


async def run_own_binding(widget: Widget, event: events.Key) -> None:
    """Run the widget's own binding for this key now, and keep the key from running it again.

    Priority bindings were checked before the key reached the widget; the focused widget is the
    first in the chain the app would search, so what runs is what the app would have run.
    """
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return


class Field(Input):
    """A one-line `Input` whose bound keys act in order with the typed ones."""

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls each class's own `_on_key` in turn: Input's runs after this one, unless
        # a binding ran here and prevented it.
        await run_own_binding(self, event)


class Editor(TextArea):
    """A `TextArea` whose bound keys act in order with the typed ones."""

    async def _on_key(self, event: events.Key) -> None:
        await run_own_binding(self, event)
