"""Where each document was left: the reader reopens it there.

One small JSON file in the user state directory (`$POSTIL_STATE_DIR`, else platformdirs'
user state dir), keyed by the document's annotation file name (which names the source),
with the reading offset. It is a convenience, never a source of truth: a missing, broken
or foreign file is ignored, and only the most recent documents are kept.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from pathlib import Path

import platformdirs

from content.cache import read_regular

STATE_DIR_ENV = "POSTIL_STATE_DIR"
_KEEP = 500
"""Documents remembered; the least recently read beyond this are forgotten."""


def state_dir() -> Path:
    if env := os.environ.get(STATE_DIR_ENV):
        return Path(env).expanduser()
    return Path(platformdirs.user_state_dir("postil", appauthor=False))


def _path() -> Path:
    return state_dir() / "positions.json"


def _read() -> dict[str, dict[str, object]]:
    kept = read_regular(_path(), limit=4 * 1024 * 1024)  # a regular file only: never a FIFO's wait
    try:
        data = json.loads(kept) if kept is not None else {}
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, dict)}


def load_position(key: str) -> int | None:
    """The offset the document was left at, if it was read before. (If its text changed
    since, the offset is still near the place: the reader takes the sentence there.)"""
    entry = _read().get(key)
    if entry is None:
        return None
    offset = entry.get("offset")
    return offset if isinstance(offset, int) and not isinstance(offset, bool) and offset >= 0 else None


def save_position(key: str, offset: int) -> None:
    """Remember where the document was left; a failure to write is not worth a word."""
    from annotations.atomic import atomic_write
    from annotations.errors import StoreError

    entries = _read()
    entries.pop(key, None)
    entries[key] = {"offset": offset, "read": int(time.time())}
    kept = dict(list(entries.items())[-_KEEP:])  # insertion order: the most recent last
    with contextlib.suppress(StoreError, OSError):
        atomic_write(_path(), json.dumps(kept, indent=0).encode("utf-8"))


def _tour_marker() -> Path:
    return state_dir() / "tour-shown"


def tour_shown() -> bool:
    """Whether the first-run tour was shown already (it is shown once)."""
    return _tour_marker().exists()


def remember_tour() -> None:
    from annotations.atomic import atomic_write
    from annotations.errors import StoreError

    with contextlib.suppress(StoreError, OSError):
        atomic_write(_tour_marker(), b"The first-run tour was shown; delete this file to see it again.\n")
