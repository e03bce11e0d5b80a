"""The key footer, rebuilt only when the keys it shows change.

Textual's footer rebuilds all its key widgets whenever the bindings may have changed: at
every change of focus, and even while it is hidden. The search bar takes the footer's row
while it is open, and the focus moving into the bar and back would rebuild the footer twice
for nobody to see, while the bar's first frame (and, after `enter`, the next key) waits.
This one rebuilds once the screen has settled, when it is shown, and only when what it would
show differs from what it shows.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter

Keys = tuple[tuple[str, str, bool, str], ...]


def shown_keys(screen: Screen) -> Keys:  # type: ignore[type-arg]
    """What the footer would show: each shown binding's key, description, state and action."""
    return tuple(
        (binding.key, binding.description, enabled, binding.action)
        for _node, binding, enabled, _tooltip in screen.active_bindings.values()
        if binding.show
    )


class Footer(TextualFooter):
    _shown: Keys | None = None
    _rebuild_pending = False

    def bindings_changed(self, screen: Screen) -> None:  # type: ignore[type-arg]
        self._bindings_ready = True
        if not self.display:
            return  # looked at again when shown
        if not screen.app.app_focus or self._rebuild_pending or not self.is_attached or screen is not self.screen:
            return
        self._rebuild_pending = True
        self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_pending = False
        if not self.is_attached or not self.display:
            return
        keys = shown_keys(self.screen)
        if keys != self._shown:
            self._shown = keys
            await self.recompose()

    def show(self, shown: bool) -> None:
        self.display = shown
        if shown:
            # The keys may have changed while hidden; `_rebuild` redraws only if they did. In
            # the footer's own context, as Textual calls it: its rebuild binds to the footer.
            self.call_later(self.bindings_changed, self.screen)
