"""A lock file beside the TOML, so two postil windows never write the same file at once.

The lock is an advisory `flock` on `<file>.lock`. The kernel drops it when its holder
exits, however it exits, so a lock file left behind by a crashed postil is never stale:
the next writer simply takes it. Waiting is bounded; a writer that cannot get the lock in
time gets a StoreError and keeps its edits in memory to save again.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator
from pathlib import Path

from annotations.errors import StoreError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows has no flock; writes there are unlocked
    fcntl = None  # type: ignore[assignment]

WAIT = 10.0


def lock_path(path: Path) -> Path:
    target = Path(os.path.realpath(path))
    return target.with_name(target.name + ".lock")


@contextlib.contextmanager
def file_lock(path: Path, wait: float | None = None) -> Iterator[None]:
    """Hold the lock of the TOML file at `path` for the duration of the block."""
    wait = WAIT if wait is None else wait
    if fcntl is None:  # pragma: no cover
        yield
        return
    where = lock_path(path)
    try:
        where.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(where, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise StoreError(f"cannot lock {path}: {error.strerror or error}") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StoreError(
                        f"another postil has been saving {path.name} for {wait:g} s; your change is kept, try again"
                    ) from None
                time.sleep(0.005)
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
