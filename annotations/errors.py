from __future__ import annotations


class StoreError(Exception):
    """An annotation file that cannot be read or written. The message is one line."""


class StoreParseError(StoreError):
    """The file on disk is not valid TOML or not a postil file; it must never be overwritten."""

    def __init__(self, path: object, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(f"{where}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason
