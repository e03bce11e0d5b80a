"""postil's own themes: a dark one and a light one, warm like paper, beside Textual's.

The highlight colours are not part of a theme: the article view picks dark-text-friendly
backgrounds for any light theme and deep ones for any dark theme, so they read on both.
"""

from __future__ import annotations

from textual.theme import BUILTIN_THEMES, Theme

POSTIL_DARK = Theme(
    name="postil-dark",
    primary="#e0a84f",
    secondary="#6fa8a0",
    accent="#c991e1",
    foreground="#e6e1d6",
    background="#17181a",
    surface="#1d1e21",
    panel="#2a2c30",
    success="#8fbf6a",
    warning="#e0a84f",
    error="#e06c6c",
    dark=True,
)

POSTIL_LIGHT = Theme(
    name="postil-light",
    primary="#8f5400",
    secondary="#2f6f68",
    accent="#7c3aa8",
    foreground="#2d2a25",
    background="#efe9dc",
    surface="#f8f4ec",
    panel="#e4dccb",
    success="#3f7f2a",
    warning="#8f5400",
    error="#b3261e",
    dark=False,
)

THEMES = (POSTIL_DARK, POSTIL_LIGHT)


def theme_names() -> list[str]:
    """Every theme `config.toml` may name: ours first, then Textual's."""
    return [theme.name for theme in THEMES] + sorted(BUILTIN_THEMES)
