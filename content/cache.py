"""The user cache directory: what postil keeps only to be faster. Deleting it loses nothing."""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
from pathlib import Path
from typing import Any

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


_CHECKSUM_SIZE = 32


def _checksum(body: bytes) -> bytes:
    return hashlib.blake2b(body, digest_size=_CHECKSUM_SIZE).digest()


def read_checked(path: Path, header: bytes) -> bytes | None:
    """The body of a cache file `write_checked` wrote with this header, or None: missing, not a
    regular file, another kind of cache, cut short or changed since (its checksum differs)."""
    data = read_regular(path)
    if data is None or not data.startswith(header):
        return None
    body = data[len(header) + _CHECKSUM_SIZE :]
    return body if data[len(header) : len(header) + _CHECKSUM_SIZE] == _checksum(body) else None


def write_checked(path: Path, header: bytes, body: bytes) -> bool:
    """Write `header`, a checksum and `body` as `path`, atomically (a temp file, then a
    rename): a reader sees the old file or the new, never half of one. A cache that cannot
    be written is no error: False."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            temp.write_bytes(header + _checksum(body) + body)
            os.replace(temp, path)
        finally:
            temp.unlink(missing_ok=True)
    except OSError:
        return False
    return True


def read_marshalled(path: Path, header: bytes) -> object:
    """What `write_marshalled` kept as `path` with this header, or None: no such file, or one
    `read_checked` does not trust, or bytes marshal cannot read. (marshal reads data only:
    reading a planted file runs nothing.)"""
    body = read_checked(path, header)
    if body is None:
        return None
    try:
        return marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return None


def write_marshalled(path: Path, header: bytes, value: Any) -> bool:
    """Keep `value` as `path` with `write_checked`; False if marshal cannot hold it or the
    file cannot be written (no error: it is a cache)."""
    try:
        body = marshal.dumps(value)
    except ValueError:
        return False
    return write_checked(path, header, body)


def used(path: Path) -> None:
    """Mark a cache file as just used: `keep_newest` deletes it last."""
    with contextlib.suppress(OSError):
        os.utime(path)


def keep_newest(folder: Path, pattern: str, count: int) -> None:
    """Delete the files of `folder` matching `pattern` beyond the `count` used most recently."""
    with contextlib.suppress(OSError):
        kept = sorted(folder.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in kept[count:]:
            old.unlink(missing_ok=True)
