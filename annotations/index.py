"""A small index of an annotation file, so `postil add` need not read 10,000 annotations.

The index is named by the SHA-256 of the file's bytes, and says what a full read of those
bytes found: the document they are anchored to, every id, and the passages highlighted.
It lives in the user cache directory. Bytes that match an index were read whole and
found good when it was written, so an annotation can be appended to them (atomically,
under the file's lock) without reading them again. Anything that does not match exactly
is read the slow way. The index is a cache: deleting it loses nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

from content.cache import CACHE_DIR_ENV, cache_dir, keep_newest, read_regular, used

__all__ = ["CACHE_DIR_ENV", "StoreIndex", "cache_dir", "digest", "index_exists", "read_index", "write_index"]
_VERSION = 2
_KEEP = 32
"""Indexes kept; those least recently read or written beyond this are deleted as new ones
are written. The index of a version a change replaced is kept too: a file put back as it
was is then known again."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _path(file_digest: str) -> Path:
    return cache_dir() / "index" / f"{file_digest}.json"


@dataclass
class StoreIndex:
    digest: str
    fingerprint: str
    source: str
    ids: set[str]
    spans: dict[tuple[int, int], str]
    """Each placed annotation's (start, end) → its id."""
    appendable: bool
    """Whether a new `[[annotation]]` can go at the end (no `annotation = []` in the file)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "version": _VERSION,
            "digest": self.digest,
            "fingerprint": self.fingerprint,
            "source": self.source,
            "ids": list(self.ids),
            # Three flat lists, not 10,000 small ones: read back in a few milliseconds.
            "starts": list(map(itemgetter(0), self.spans)),
            "ends": list(map(itemgetter(1), self.spans)),
            "span_ids": list(self.spans.values()),
            "appendable": self.appendable,
        }


def index_exists(file_digest: str | None) -> bool:
    return file_digest is not None and _path(file_digest).exists()


def read_index(file_digest: str) -> StoreIndex | None:
    """The index of the bytes with this digest, or None (missing, unreadable, or not ours)."""
    try:
        data = read_regular(_path(file_digest))
        if data is None:
            return None
        raw = json.loads(data.decode("utf-8"))
        if not isinstance(raw, dict) or raw.get("version") != _VERSION or raw.get("digest") != file_digest:
            return None
        ids, starts, ends, span_ids = raw["ids"], raw["starts"], raw["ends"], raw["span_ids"]
        lists = (ids, starts, ends, span_ids)
        if not all(isinstance(values, list) for values in lists) or not len(starts) == len(ends) == len(span_ids):
            return None
        # Every element's type, in one pass each (a bool is not an int here).
        if not set(map(type, ids)) | set(map(type, span_ids)) <= {str}:
            return None
        if not set(map(type, starts)) | set(map(type, ends)) <= {int}:
            return None
        placed = dict(zip(zip(starts, ends, strict=True), span_ids, strict=True))
        fingerprint, source, appendable = raw["fingerprint"], raw["source"], raw["appendable"]
        if not (isinstance(fingerprint, str) and isinstance(source, str) and appendable is True):
            return None
        used(_path(file_digest))
        return StoreIndex(file_digest, fingerprint, source, set(ids), placed, appendable)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None


def write_index(index: StoreIndex) -> None:
    """Keep the index; a failure to write a cache is not an error."""
    path = _path(index.digest)
    with contextlib.suppress(OSError, ValueError):
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        temp.write_text(json.dumps(index.to_json(), separators=(",", ":")), encoding="utf-8")
        os.replace(temp, path)
    keep_newest(path.parent, "*.json", _KEEP)
