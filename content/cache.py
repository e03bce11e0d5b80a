"""The user cache directory: what postil keeps only to be faster. Deleting it loses nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import platformdirs

CACHE_DIR_ENV = "POSTIL_CACHE_DIR"


def cache_dir() -> Path:
    """`$POSTIL_CACHE_DIR`, else the platform's user cache dir."""
    if env := os.environ.get(CACHE_DIR_ENV):
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("postil", appauthor=False))


def read_regular(path: Path, limit: int = 256 * 1024 * 1024) -> bytes | None:
    """A file's bytes (a cache's, the reading positions), or None: missing, unreadable,
    bigger than `limit`, or not a regular file. Something else put in its place (a FIFO
    would wait for ever, `/dev/zero` would never end) is a miss, not a hang."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
                return None
            return handle.read(limit + 1)
        except OSError:
            return None
