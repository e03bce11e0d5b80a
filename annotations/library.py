"""Every annotated document in the data directory: `postil library` and the library screen."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from annotations.errors import StoreError
from annotations.paths import annotations_dir, is_local_file
from annotations.store import flagged_orphans

_HEAD_BYTES = 64 * 1024


@dataclass(frozen=True)
class Entry:
    path: Path
    title: str
    source: str
    fingerprint: str
    format: str
    annotations: int
    orphans: int
    changed: datetime
    """The latest `updated` of its annotations, or the file's time when it has none."""
    problem: str = ""
    """Why the file could not be read, when it could not; it is listed all the same."""

    @property
    def reopenable(self) -> bool:
        """Whether opening `source` again can work: stdin cannot be read twice."""
        return not self.problem and self.source not in ("", "-")

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "source": self.source,
            "annotations": self.annotations,
            "orphans": self.orphans,
            "changed": self.changed.isoformat().replace("+00:00", "Z"),
            "file": str(self.path),
            "format": self.format,
            **({"problem": self.problem} if self.problem else {}),
        }


def _mtime(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(microsecond=0)
    except OSError:
        return datetime.fromtimestamp(0, UTC)


def _utc(stamp: datetime) -> datetime:
    """A time written without a zone ("2026-11-25T15:04:05") is taken as UTC, so it sorts with the rest."""
    return stamp if stamp.tzinfo is not None else stamp.replace(tzinfo=UTC)


def read_entry(path: Path) -> Entry:
    import tomllib

    try:
        raw = tomllib.loads(path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        return Entry(path, path.stem, "", "", "", 0, 0, _mtime(path), problem=reason)
    found = raw.get("document")
    document: dict[str, Any] = found if isinstance(found, dict) else {}
    listed = raw.get("annotation")
    tables = [t for t in listed if isinstance(t, dict)] if isinstance(listed, list) else []
    stamps = [_utc(t["updated"]) for t in tables if isinstance(t.get("updated"), datetime)]
    changed = max(stamps) if stamps else _mtime(path)
    return Entry(
        path=path,
        title=str(document.get("title", "")) or path.stem,
        source=str(document.get("source", "")),
        fingerprint=str(document.get("fingerprint", "")),
        format=str(document.get("format", "")),
        annotations=len(tables),
        orphans=len(flagged_orphans(raw)),
        changed=changed if changed.tzinfo else changed.replace(tzinfo=UTC),
    )


def _annotation_files(base: Path) -> list[Path]:
    folder = annotations_dir(base)
    try:
        names = sorted(name for name in os.listdir(folder) if name.endswith(".toml") and not name.startswith("."))
    except FileNotFoundError:
        return []
    except OSError as error:  # "annotations" is a file, or cannot be read
        raise StoreError(f"cannot read {folder}: {error.strerror or error}") from None
    # Only regular files: a FIFO named like one would block the reading for ever.
    return [folder / name for name in names if (folder / name).is_file()]


def library(base: Path) -> list[Entry]:
    """Every annotation file under `base`, the most recently changed first."""
    entries = [read_entry(path) for path in _annotation_files(base)]
    return sorted(entries, key=lambda entry: (entry.changed, entry.title), reverse=True)


def _document_table(path: Path) -> dict[str, Any] | None:
    """The `[document]` table of an annotation file, read without its annotations
    (postil writes it before them), or None when it cannot be read."""
    import tomllib

    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        return None
    cut = head.find(b"\n[[annotation]]")
    if cut == -1 and len(head) == _HEAD_BYTES:
        return None
    try:
        raw = tomllib.loads(head[: cut if cut != -1 else len(head)].decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None
    document = raw.get("document")
    return document if isinstance(document, dict) else None


def find_moved(base: Path, fingerprint: str, source: str) -> Path | None:
    """The annotation file of a document with this text whose file is no longer where it was.

    Only a file that has gone counts as moved: a copy beside the original keeps nothing
    of the original's notes, which stay with the original. Only each file's head is read:
    this runs whenever a file without notes is opened.
    """
    for path in _annotation_files(base):
        document = _document_table(path)
        if document is None or document.get("fingerprint") != fingerprint:
            continue
        old = str(document.get("source", ""))
        if old != source and is_local_file(old) and not Path(old).exists():
            return path
    return None
