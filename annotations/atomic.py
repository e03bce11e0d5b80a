"""Write a file so that a crash, a full disk or a failed fsync never leaves it half-written."""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from annotations.errors import StoreError

NEW_FILE_MODE = 0o644


def _describe(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "the disk is full"
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied (is the directory read-only?)"
    return error.strerror or str(error)


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _keep_backup(target: Path) -> None:
    backup = target.with_name(target.name + ".bak")
    with contextlib.suppress(FileNotFoundError):
        backup.unlink()
    try:
        os.link(target, backup)
    except OSError:
        shutil.copy2(target, backup)


def remove_leftovers(path: Path) -> list[Path]:
    """Delete temp files a crashed write left beside `path`. Call it holding the file's lock,
    when no other writer can be half-way through its own temp file."""
    target = Path(os.path.realpath(path))
    removed = []
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def refuse_special(path: Path, target: Path) -> None:
    """Only a regular file, one that may be written, is ever replaced: never a device, a
    FIFO or a folder (even through a symlink), and never a file made read-only (0444)."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError(f"cannot write {path}: {_describe(error)}") from None
    if not stat.S_ISREG(info.st_mode):
        raise StoreError(f"will not write {path}: it is not a regular file (a device, FIFO or folder)")
    if not info.st_mode & 0o222:
        raise StoreError(f"will not write {path}: the file is read-only")


def atomic_write(
    path: Path, data: bytes, verify: Callable[[bytes], bool] | None = None, *, make_parents: bool = True
) -> None:
    """Replace `path` with `data`: temp file, verify, fsync, keep `.bak`, rename, fsync the dir.

    A symlink is written through, so the link stays a link. The old mode is kept. Anything
    but a writable regular file is refused (`refuse_special`). `make_parents=False` writes
    only into a folder that exists. On any failure the old file is untouched and StoreError
    says why.
    """
    target = Path(os.path.realpath(path))
    refuse_special(path, target)
    try:
        if make_parents:
            target.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as error:
        raise StoreError(f"cannot write {path}: {_describe(error)}") from None
    temp = Path(temp_name)
    try:
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            if verify is not None and not verify(temp.read_bytes()):
                raise StoreError(f"cannot write {path}: the new file did not read back the same")
            try:
                mode = stat.S_IMODE(target.stat().st_mode)
                exists = True
            except FileNotFoundError:
                mode, exists = NEW_FILE_MODE, False
            os.chmod(temp, mode)
            if exists:
                _keep_backup(target)
            os.replace(temp, target)
        except OSError as error:
            raise StoreError(f"cannot write {path}: {_describe(error)}; the previous file is unchanged") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_directory(target.parent)
