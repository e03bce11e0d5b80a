from __future__ import annotations


class ContentError(Exception):
    """A source that cannot be read as an article. The message is one line for the user."""
