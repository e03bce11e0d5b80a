"""One TOML file of annotations per document (DESIGN.md §4).

Every change is written at once, atomically. Keys this version does not know are kept.
A file that does not parse is never overwritten: the store opens read-only instead.
Before each write the file is re-read if it changed on disk, and merged by `id`, so a
second window or a hand edit is not lost.
"""

from __future__ import annotations

import bisect
import contextlib
import hashlib
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple

from annotations.anchor import anchor
from annotations.atomic import atomic_write, refuse_special, remove_leftovers
from annotations.errors import StoreError, StoreParseError
from annotations.index import StoreIndex, index_exists, read_index, write_index
from annotations.lock import file_lock
from annotations.model import COLORS, KINDS, Annotation, now, passage
from annotations.parsed import SMALLEST, Tables, freeze, read_tables, thaw, write_tables

SCHEMA = 1
_KNOWN = {f.name for f in fields(Annotation)} - {"extra"}
_OMITTED_WHEN_EMPTY = {"speaker", "prefix", "suffix"}
_STATE = "orphan"
"""Written as `orphan = true` on annotations that did not fit the article when last opened.
It is state, not data: recomputed on every open, so it is never kept in `extra`."""
_LINE = re.compile(r"line (\d+)")
PENDING = "the annotations are still being read"


@dataclass
class DocumentInfo:
    title: str
    source: str
    fingerprint: str
    format: str
    extra: dict[str, Any] = field(default_factory=dict)


_MAX_OFFSET = 2**40
"""No document postil can read is this long; larger offsets are nonsense from elsewhere."""


def _annotation_from_table(table: Any, index: int) -> Annotation:
    if not isinstance(table, dict):
        raise ValueError(f"annotation {index} is not a table")
    for key, kind in (("id", str), ("exact", str), ("start", int), ("end", int)):
        if not isinstance(table.get(key), kind) or isinstance(table.get(key), bool):
            raise ValueError(f"annotation {index}: '{key}' is missing or not a {kind.__name__}")
    values: dict[str, Any] = {key: table[key] for key in _KNOWN if key in table}
    for key in ("prefix", "suffix", "note", "speaker"):
        if not isinstance(values.get(key, ""), str):
            raise ValueError(f"annotation {index}: '{key}' must be a string")
    if values.get("kind", "selection") not in KINDS:
        raise ValueError(f"annotation {index}: kind must be one of {', '.join(KINDS)}")
    if values.get("color", "yellow") not in COLORS:
        raise ValueError(f"annotation {index}: color must be one of {', '.join(COLORS)}")
    tags = values.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise ValueError(f"annotation {index}: tags must be a list of strings")
    for key in ("created", "updated"):
        if key in values and not isinstance(values[key], datetime):
            raise ValueError(f"annotation {index}: '{key}' must be a date and time")
        if key in values and values[key].tzinfo is None:
            values[key] = values[key].replace(tzinfo=UTC)  # written without "Z": taken as UTC
    if not 0 <= values["start"] <= values["end"] <= _MAX_OFFSET:
        # Offsets no text could have: found again by the passage itself, like any that moved.
        values["start"] = values["end"] = 0
    extra = {key: value for key, value in table.items() if key not in _KNOWN and key != _STATE}
    return Annotation(**values, extra=extra)


def annotation_to_table(annotation: Annotation) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for key in (
        "id",
        "exact",
        "prefix",
        "suffix",
        "start",
        "end",
        "kind",
        "color",
        "speaker",
        "note",
        "tags",
        "created",
        "updated",
    ):
        value = getattr(annotation, key)
        if key in _OMITTED_WHEN_EMPTY and value == "":
            continue
        table[key] = list(value) if key == "tags" else value
    table.update(annotation.extra)
    return table


def flagged_orphans(raw: dict[str, Any]) -> set[str]:
    tables = raw.get("annotation", [])
    if not isinstance(tables, list):
        return set()
    return {str(t.get("id")) for t in tables if isinstance(t, dict) and t.get(_STATE) is True}


class StoredFile(NamedTuple):
    info: DocumentInfo | None
    annotations: list[Annotation]
    extra: dict[str, Any]
    """Top-level keys this version does not know."""
    orphans: set[str]
    """The ids flagged `orphan = true` when the file was written."""
    chunks: list[str | None] = []
    """Per annotation, its TOML text as it is in the file, when that text reads back as
    exactly the annotation (so a save can write it again without re-serialising it)."""
    appendable: bool = False
    """The file is a head and `[[annotation]]` tables, at least one: one more can follow."""


_SEGMENT = re.compile(r"^\[\[annotation\]\][ \t]*$", re.MULTILINE)


def _decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise StoreParseError(path, line, "not valid UTF-8") from None


def _loads(text: str, path: Path) -> dict[str, Any]:
    import tomllib  # the TOML modules load when a file is first read or written, not at start

    try:
        return tomllib.loads(text)
    except RecursionError:
        raise StoreParseError(path, None, "arrays or tables nested too deeply for a postil file") from None
    except tomllib.TOMLDecodeError as error:
        match = _LINE.search(str(error))
        reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error)) or "not valid TOML"
        raise StoreParseError(path, int(match.group(1)) if match else None, reason) from None


def _pieces(text: str) -> tuple[str, list[str]]:
    """The file's head, and each `[[annotation]]` table's own text, blank lines after it not
    included (they are not the annotation's)."""
    starts = [m.start() for m in _SEGMENT.finditer(text)]
    pieces = []
    for start, end in zip(starts, [*starts[1:], len(text)], strict=False):
        piece = text[start:end]
        if (kept := piece.rstrip()) != piece:
            piece = kept + "\n"
        pieces.append(piece)
    return (text[: starts[0]] if starts else text), pieces


def _parse_by_annotation(text: str, path: Path) -> tuple[dict[str, Any], list[str]] | None:
    """The file parsed one `[[annotation]]` at a time: (everything, each annotation's text).

    Each piece is parsed on its own and must be exactly one annotation table, and the head
    must say nothing about `annotation`; then the pieces mean what the whole file means.
    Anything else (a `[[annotation]]` line inside a multi-line string, a table after the
    annotations, a syntax error) returns None, and the file is parsed whole instead.

    In a big file, a piece whose text was parsed before is not parsed again: its table is
    read back from the cache (`annotations.parsed`), and the cache then holds this file's.
    """
    import tomllib

    head_text, pieces = _pieces(text)
    big = len(text) >= SMALLEST
    known = read_tables(path) if big else {}
    kept: Tables = {}
    try:
        raw = tomllib.loads(head_text)
        if "annotation" in raw:
            return None
        tables = []
        for piece in pieces:
            if (frozen := known.get(piece)) is not None:
                with contextlib.suppress(ValueError, TypeError):
                    tables.append(thaw(frozen))
                    kept[piece] = frozen
                    continue
            parsed = tomllib.loads(piece)
            if len(parsed) != 1 or not isinstance(parsed.get("annotation"), list) or len(parsed["annotation"]) != 1:
                return None
            tables.append(parsed["annotation"][0])
            if big:
                kept[piece] = freeze(tables[-1])  # before anything reads it: as tomllib made it
    except (tomllib.TOMLDecodeError, RecursionError):
        return None
    if big and kept.keys() != known.keys():
        write_tables(path, kept)
    if pieces:
        raw["annotation"] = tables
    return raw, pieces


def _parse(text: str, path: Path, keep_pieces: bool) -> tuple[dict[str, Any], list[str]]:
    """The file's TOML, and with `keep_pieces` each annotation's own text when the file can be
    read one annotation at a time (else none). A small file that will not be written is
    parsed whole, which is quicker; a big one a table at a time, to use the cache."""
    by_annotation = _parse_by_annotation(text, path) if keep_pieces or len(text) >= SMALLEST else None
    if by_annotation is None:
        return _loads(text, path), []
    raw, pieces = by_annotation
    return raw, (pieces if keep_pieces else [])


def parse_file(data: bytes, path: Path, *, keep_pieces: bool = True) -> StoredFile:
    """Read a postil TOML file; raise StoreParseError with the line where possible.

    With `keep_pieces`, each annotation's own text is kept for the save cache (`chunks`). A store
    that will not be written (`list`, `export`) parses a small file whole, which is quicker, and
    a big one a table at a time too, to read back from the cache the tables it parsed before.
    """
    text = _decode(data, path)
    raw, pieces = _parse(text, path, keep_pieces)
    schema = raw.get("schema", SCHEMA)
    if not isinstance(schema, int) or schema > SCHEMA:
        raise StoreParseError(path, None, f"schema {schema} is newer than this postil understands ({SCHEMA})")
    info = None
    document = raw.get("document")
    if document is not None:
        if not isinstance(document, dict):
            raise StoreParseError(path, None, "[document] must be a table")
        info = DocumentInfo(
            title=str(document.get("title", "")),
            source=str(document.get("source", "")),
            fingerprint=str(document.get("fingerprint", "")),
            format=str(document.get("format", "")),
            extra={k: v for k, v in document.items() if k not in ("title", "source", "fingerprint", "format")},
        )
    tables = raw.get("annotation", [])
    if not isinstance(tables, list):
        raise StoreParseError(path, None, "'annotation' must be an array of tables")
    try:
        annotations = [_annotation_from_table(table, index + 1) for index, table in enumerate(tables)]
    except ValueError as error:
        raise StoreParseError(path, None, str(error)) from None
    extra = {k: v for k, v in raw.items() if k not in ("schema", "document", "annotation")}
    orphans = flagged_orphans(raw)
    chunks: list[str | None] = []
    for annotation, table, piece in zip(annotations, tables, pieces, strict=False):
        # Reused only when the annotation, written out, is what the file says: not when
        # cleaning changed a note, or a time was written without its zone.
        written = annotation_to_table(annotation)
        if annotation.id in orphans:
            written[_STATE] = True
        chunks.append(piece if written == table else None)
    return StoredFile(info, annotations, extra, orphans, chunks, bool(pieces))


class _Timestamp(datetime):
    """A UTC datetime that tomli-w writes as `2026-11-25T15:04:05Z`, as in DESIGN.md §4."""

    def __str__(self) -> str:
        offset = self.utcoffset()
        if offset is not None and not offset and not self.microsecond:
            return self.strftime("%Y-%m-%dT%H:%M:%SZ")
        return self.isoformat()


def _stamped(value: Any) -> Any:
    if isinstance(value, datetime) and not isinstance(value, _Timestamp):
        return _Timestamp.fromisoformat(value.isoformat())
    if isinstance(value, dict):
        return {key: _stamped(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_stamped(item) for item in value]
    return value


def _dumps_checked(data: dict[str, Any]) -> str:
    """tomli-w's text for `data`, checked to read back equal."""
    import tomllib

    import tomli_w

    stamped = _stamped(data)
    body = tomli_w.dumps(stamped, multiline_strings=True)
    if tomllib.loads(body) != data:
        # tomli-w folds CRLF to LF inside multi-line strings; escape everything instead.
        body = tomli_w.dumps(stamped, multiline_strings=False)
        if tomllib.loads(body) != data:
            raise StoreError("the annotations could not be written as TOML that reads back the same")
    return body


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _without_trailing_newlines(data: bytes) -> int:
    """The length of `data` without its trailing newlines: where an appended annotation goes.
    Counted, not cut (`rstrip` would copy a file of 10,000 notes to learn it)."""
    kept = len(data)
    while kept and data[kept - 1] == 0x0A:
        kept -= 1
    return kept


def _read(path: Path) -> bytes | None:
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            # Reading a FIFO would wait for ever, and a device is nobody's notes.
            raise StoreError(f"cannot read {path}: it is not a regular file (a device, FIFO or folder)")
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise StoreError(f"cannot read {path}: {error.strerror or error}") from None


class AnnotationStore:
    """The annotations of one document, kept in step with their TOML file."""

    def __init__(self, path: Path, info: DocumentInfo) -> None:
        self.path = path
        self.info = info
        self.annotations: list[Annotation] = []
        self.extra: dict[str, Any] = {}
        self.read_only_reason: str | None = None
        self.orphans: set[str] = set()
        self.unsaved = False
        """True when a change is in memory but the last write failed."""
        self.text = ""
        """The article text the offsets refer to."""
        self._disk_digest: str | None = None
        self._disk_stamp: tuple[int, int, int] | None = None
        """The file's (inode, size, mtime) when last read or written: unchanged means not re-read."""
        self._disk_ids: set[str] = set()
        """The ids the file held when last read or written: one missing later was deleted elsewhere."""
        self._deleted: set[str] = set()
        self._dirty: set[str] = set()
        """Ids added or changed here and not yet written."""
        self._chunks: dict[str, tuple[tuple[Any, ...], str]] = {}
        """Each annotation's TOML text, by id, with the state it was made from."""
        self._in_step = False
        """Memory holds exactly what the file last read or written holds (see `write_index`),
        but for the annotations added or changed since (`_dirty`, `_deleted`)."""
        self._last_written: bytes | None = None
        """The file's bytes as last read or written, for `_appended`."""
        self._kept_hash: tuple[int, Any] | None = None
        """(length, SHA-256 so far) of `_last_written` up to its trailing newlines."""
        self.merges = 0
        """How many times another writer's changes were merged in: a view that follows the
        store's changes one by one knows from it when to look at all of them again."""
        self._appendable = False
        self.pending = False
        """A stand-in while the file is read in the background (see `pending_open`)."""
        self._undo: list[tuple[str, str, Annotation | None]] = []
        """(what, id, the annotation as it was before, or None when it did not exist)."""

    # -- opening -----------------------------------------------------------------------

    @classmethod
    def open(
        cls, path: Path, text: str, info: DocumentInfo, *, strict: bool = False, write: bool = True
    ) -> AnnotationStore:
        """Open the file for a document whose clean text is `text`.

        A file that will not parse raises StoreParseError when `strict` (the CLI);
        otherwise the store opens empty and read-only, with the reason kept. With
        `write=False` re-anchored offsets are not written back (read-only commands).
        """
        store = cls(path, info)
        try:
            store._load(text, write)
        except StoreParseError as error:
            if strict:
                raise
            store.read_only_reason = str(error)
        with contextlib.suppress(OSError):
            if not os.stat(path).st_mode & 0o222:
                store.read_only_reason = store.read_only_reason or f"{path} is read-only"
        return store

    @classmethod
    def pending_open(cls, path: Path, text: str, info: DocumentInfo) -> AnnotationStore:
        """A stand-in for a file not read yet: empty, and read-only until it is replaced by
        the store `AnnotationStore.open(path, text, info)` returns."""
        store = cls(path, info)
        store.text = text
        store.pending = True
        store.read_only_reason = PENDING
        return store

    @classmethod
    def open_stored(cls, path: Path) -> AnnotationStore:
        """The file as it is, without its article: offsets as stored, orphans as last
        flagged, read-only. For exporting a document that cannot be loaded now."""
        data = _read(path)
        if data is None:
            raise StoreError(f"{path}: no such file")
        stored = parse_file(data, path, keep_pieces=False)
        store = cls(path, stored.info or DocumentInfo(path.stem, "", "", ""))
        store.annotations, store.extra, store.orphans = stored.annotations, stored.extra, stored.orphans
        store.read_only_reason = "opened without its article"
        store.sort()
        return store

    def _load(self, text: str, write: bool = True) -> None:
        self.text = text
        self._disk_stamp = _stamp(self.path)
        data = _read(self.path)
        if data is None:
            self._disk_digest = None
            return
        self._remember_written(data)
        stored = parse_file(data, self.path, keep_pieces=write)
        stored_info, self.annotations, self.extra, self.orphans = (
            stored.info,
            stored.annotations,
            stored.extra,
            stored.orphans,
        )
        self._keep_chunks(stored)
        self._appendable = stored.appendable
        if stored_info is not None:
            self.info.extra = stored_info.extra
        self._disk_ids = self.ids()
        moved = self.reanchor(text)
        stale = stored_info is None or (stored_info.fingerprint, stored_info.source) != (
            self.info.fingerprint,
            self.info.source,
        )
        self._in_step = not (moved or stale)
        if (moved or stale) and write:
            # Re-anchored to a changed (or moved) article: record the new offsets and
            # fingerprint now, so the next open starts from them. Orphans keep their old
            # text and offsets, flagged. A failed write is not fatal: it is retried later.
            try:
                self.save()
            except StoreError:
                self.unsaved = True
        if not index_exists(self._disk_digest):
            self.write_index()  # read in full once: the next `postil add` need not read it again

    def _keep_chunks(self, stored: StoredFile) -> None:
        """Start the save cache from the file itself: an annotation that has not changed
        since it was read is written back as the very text it was read from."""
        for annotation, chunk in zip(stored.annotations, stored.chunks, strict=False):
            if chunk is not None:
                self._chunks[annotation.id] = ((*annotation.state(), annotation.id in stored.orphans), chunk)

    def _place(self, annotation: Annotation) -> bool:
        """Anchor one annotation to `self.text`; True when its stored fields changed."""
        placed = anchor(annotation, self.text)
        if placed is None:
            changed = annotation.id not in self.orphans
            self.orphans.add(annotation.id)
            return changed
        was_orphan = annotation.id in self.orphans
        self.orphans.discard(annotation.id)
        start, end = placed
        before = (annotation.start, annotation.end, annotation.exact, annotation.prefix, annotation.suffix)
        after = (start, end, *passage(self.text, start, end))
        if before == after:
            return was_orphan
        # Moved, or matched fuzzily: the stored text and its context follow the article.
        annotation.start, annotation.end, annotation.exact, annotation.prefix, annotation.suffix = after
        return True

    def reanchor(self, text: str) -> bool:
        """Fit each annotation to `text`; the ones that no longer fit become orphans.

        Returns True when anything stored changed: an offset, a fuzzily matched text,
        or whether an annotation is an orphan.
        """
        self.text = text
        changed = False
        for annotation in self.annotations:
            changed |= self._place(annotation)
        self.sort()
        if changed:
            self._in_step = False  # moved in memory, not on disk: the next save writes it all
        return changed

    def reattach(self, annotation_id: str, start: int, end: int) -> Annotation:
        """Give an orphan (or any annotation) a new place in the article, chosen by the user."""
        self._check_writable()
        current = self.get(annotation_id)
        if current is None:
            raise StoreError(f"no annotation {annotation_id}")
        self._remember("re-attach", current)
        current.start, current.end = start, end
        current.exact, current.prefix, current.suffix = passage(self.text, start, end)
        current.updated = now()
        self.orphans.discard(annotation_id)
        self._dirty.add(annotation_id)
        self.sort()
        self._save_keeping_changes()
        return current

    # -- queries -----------------------------------------------------------------------

    def _order(self, a: Annotation) -> tuple[bool, int, int, str]:
        return (a.id in self.orphans, a.start, a.end, a.id)

    def sort(self) -> None:
        self.annotations.sort(key=self._order)

    def get(self, annotation_id: str) -> Annotation | None:
        return next((a for a in self.annotations if a.id == annotation_id), None)

    def placed(self) -> list[Annotation]:
        return [a for a in self.annotations if a.id not in self.orphans]

    def ids(self) -> set[str]:
        return {a.id for a in self.annotations}

    # -- changes, each saved at once -----------------------------------------------------

    def _check_writable(self) -> None:
        if self.read_only_reason:
            raise StoreError(f"read-only: {self.read_only_reason}")

    def _remember(self, label: str, before: Annotation | None, annotation_id: str = "") -> None:
        # Only the annotation that changes is copied, so undo costs the same for 10 or 10,000.
        self._undo.append((label, before.id if before else annotation_id, before.copy() if before else None))
        del self._undo[:-100]

    def add(self, annotation: Annotation) -> Annotation:
        self._check_writable()
        self._remember("add", None, annotation.id)
        # Into its place in the sorted list: the other 10,000 are not sorted again.
        bisect.insort(self.annotations, annotation, key=self._order)
        self._dirty.add(annotation.id)
        self._save_keeping_changes()
        return annotation

    def add_all(
        self, annotations: list[Annotation], *, orphans: set[str] | None = None, changed: set[str] | None = None
    ) -> None:
        """Add many at once, with one write (an import). `orphans` are added as orphans;
        `changed` names annotations already here whose fields the caller changed."""
        self._check_writable()
        self.annotations.extend(annotations)
        self._dirty.update(a.id for a in annotations)
        for annotation_id in changed or set():
            current = self.get(annotation_id)
            if current is not None:
                current.updated = now()
                self._dirty.add(annotation_id)
        self.orphans.update(orphans or set())
        self.sort()
        if annotations or changed:
            self._save_keeping_changes()

    def update(self, annotation_id: str, **changes: Any) -> Annotation:
        self._check_writable()
        current = self.get(annotation_id)
        if current is None:
            raise StoreError(f"no annotation {annotation_id}")
        self._remember("edit", current)
        for key, value in changes.items():
            setattr(current, key, value)
        current.updated = now()
        self._dirty.add(annotation_id)
        self._save_keeping_changes()
        return current

    def remove(self, annotation_id: str) -> Annotation:
        self._check_writable()
        current = self.get(annotation_id)
        if current is None:
            raise StoreError(f"no annotation {annotation_id}")
        self._remember("delete", current)
        self.annotations.remove(current)
        self.orphans.discard(annotation_id)
        self._deleted.add(annotation_id)
        self._save_keeping_changes()
        return current

    def undo(self) -> str | None:
        """Undo the last change; returns what was undone, or None when there is nothing."""
        self._check_writable()
        if not self._undo:
            return None
        label, annotation_id, before = self._undo.pop()
        self.annotations = [a for a in self.annotations if a.id != annotation_id]
        if before is None:
            self._deleted.add(annotation_id)
            self.orphans.discard(annotation_id)
        else:
            self._deleted.discard(annotation_id)
            self._dirty.add(annotation_id)
            restored = before.copy()
            self.annotations.append(restored)
            self.orphans.discard(annotation_id)
            self._place(restored)  # a deleted orphan comes back as an orphan
        self.sort()
        self._save_keeping_changes()
        return label

    def _save_keeping_changes(self) -> None:
        """Save; on failure keep the change in memory (unsaved) so a later save can write it."""
        try:
            self.save()
        except StoreError:
            self.unsaved = True
            self._in_step = False
            raise

    # -- saving --------------------------------------------------------------------------

    def refresh(self) -> bool:
        """Take in what another window or a hand edit wrote; True when anything changed.

        A file that has become unparsable raises StoreParseError and makes the store
        read-only, so it is never overwritten.
        """
        if self.read_only_reason:
            return False
        stamp = _stamp(self.path)
        if stamp is not None and stamp == self._disk_stamp:
            return False  # unchanged since we last read or wrote it: no need to read it again
        try:
            return self._merge_from_disk()
        except StoreParseError as error:
            self.read_only_reason = str(error)
            raise

    def _merge_from_disk(self) -> bool:
        """Merge the file as it is now into memory, by id.

        Added elsewhere: taken in and anchored. Edited elsewhere: taken in, unless it
        was also edited here, when the later `updated` wins. Deleted elsewhere: dropped
        here too, unless changed here since. Deleted here: not brought back.
        """
        stamp = _stamp(self.path)
        if stamp is not None and stamp == self._disk_stamp:
            return False  # the very file we last read or wrote: nothing to merge
        data = _read(self.path)
        if _digest(data) == self._disk_digest or data is None:
            self._disk_stamp = stamp
            return False
        stored = parse_file(data, self.path)  # a broken file raises: never overwritten
        theirs, extra = stored.annotations, stored.extra
        self._keep_chunks(stored)  # before they are placed: keyed by what the file says
        their_ids = {a.id for a in theirs}
        gone = (self._disk_ids - their_ids) - self._dirty
        self.annotations = [a for a in self.annotations if a.id not in gone]
        ours = {a.id: a for a in self.annotations}
        for annotation in theirs:
            mine = ours.get(annotation.id)
            if annotation.id in self._deleted:
                continue
            if mine is not None and (
                mine == annotation or (mine.id in self._dirty and annotation.updated <= mine.updated)
            ):
                continue  # the same, or changed here as well and more recently: ours stands
            self._place(annotation)
            if mine is None:
                self.annotations.append(annotation)
            else:
                self.annotations[self.annotations.index(mine)] = annotation
        self.orphans &= self.ids()
        self.extra = {**extra, **self.extra}
        self._disk_digest = _digest(data)
        self._disk_stamp = stamp
        self._disk_ids = their_ids
        self._in_step = False  # theirs merged with ours: in step again once saved
        self.sort()
        self.merges += 1
        return True

    def head_data(self) -> dict[str, Any]:
        """Everything in the file but the annotations."""
        data: dict[str, Any] = {"schema": SCHEMA}
        data.update(self.extra)
        data["document"] = {
            "title": self.info.title,
            "source": self.info.source,
            "fingerprint": self.info.fingerprint,
            "format": self.info.format,
            **self.info.extra,
        }
        return data

    def to_toml(self) -> bytes:
        """The file's bytes. Each annotation is serialised, and checked to parse back equal,
        once per version: a file of 10,000 annotations re-serialises only what changed."""
        title = " ".join(self.info.title.split()).replace('"', "'")
        header = f'# Annotations for "{title}" — written by postil; readable and editable by hand.\n'
        head = self.head_data()
        if not self.annotations:
            head["annotation"] = []  # an empty file says so
        parts = [header + _dumps_checked(head)]
        chunks: dict[str, tuple[tuple[Any, ...], str]] = {}
        for annotation in self.annotations:
            orphan = annotation.id in self.orphans
            key = (*annotation.state(), orphan)
            cached = self._chunks.get(annotation.id)
            if cached is not None and cached[0] == key:
                chunk = cached[1]
            else:
                table = annotation_to_table(annotation)
                chunk = _dumps_checked({"annotation": [{**table, _STATE: True} if orphan else table]})
            chunks[annotation.id] = (key, chunk)
            parts.append(chunk)
        self._chunks = chunks
        return "\n".join(parts).encode("utf-8")

    def write_index(self) -> None:
        """Record what the file holds now, so the next `postil add` can append to it
        without reading it (annotations/index.py). Only when memory and file agree."""
        if not (self._in_step and self._appendable and self._disk_digest) or self.read_only_reason:
            return
        spans = {(a.start, a.end): a.id for a in self.annotations if a.id not in self.orphans}
        write_index(StoreIndex(self._disk_digest, self.info.fingerprint, self.info.source, self.ids(), spans, True))

    def _remember_written(self, data: bytes, grew: bool = False) -> None:
        """`data` is the file as it is now: the base of the next append, and its digest. The
        hash of its bytes before the trailing newlines is kept, so that when the next write
        only appends (`grew`: `data` starts with those bytes) only the new ones are hashed."""
        kept = _without_trailing_newlines(data)
        view = memoryview(data)
        if grew and self._kept_hash is not None and self._kept_hash[0] <= kept:
            start, running = self._kept_hash[0], self._kept_hash[1].copy()
        else:
            start, running = 0, hashlib.sha256()
        running.update(view[start:kept])
        whole = running.copy()
        whole.update(view[kept:])
        self._kept_hash = (kept, running)
        self._last_written, self._disk_digest = data, whole.hexdigest()

    def _appended(self) -> bytes | None:
        """When the only changes since the file was last read or written are new annotations
        (a highlight, a note on a new passage), the file as it was with them appended; else
        None, and the whole file is written in order. A file of 10,000 notes then takes a new
        one without going over the others; the next other change writes it in order again."""
        previous = self._last_written
        if previous is None or not (self._in_step and self._appendable) or self._deleted or not self._dirty:
            return None
        new = [a for a in self.annotations if a.id in self._dirty]
        if len(new) != len(self._dirty) or any(a.id in self._disk_ids or a.id in self.orphans for a in new):
            return None  # an edit, or an orphan: written in full
        chunks = []
        for annotation in new:
            chunk = _dumps_checked({"annotation": [annotation_to_table(annotation)]})
            self._chunks[annotation.id] = ((*annotation.state(), False), chunk)
            chunks.append(chunk)
        kept = _without_trailing_newlines(previous)
        return b"".join((memoryview(previous)[:kept], b"\n\n", "\n".join(chunks).encode("utf-8")))

    def save(self) -> None:
        """Merge what is on disk, then write, all under the file's lock."""
        self._check_writable()
        # Refused before anything is created beside it: no lock file next to a device.
        refuse_special(self.path, Path(os.path.realpath(self.path)))
        with file_lock(self.path):
            try:
                merged = self._merge_from_disk()
            except StoreParseError as error:
                self.read_only_reason = str(error)
                raise StoreError(f"not saved: {error} (fix or move the file; it was not overwritten)") from None
            remove_leftovers(self.path)
            appended = None if merged else self._appended()
            payload = appended if appended is not None else self.to_toml()
            # Every part of the payload was checked to parse back equal as it was made;
            # what is read back from disk must be those very bytes.
            atomic_write(self.path, payload, verify=lambda written: written == payload)
            self._disk_stamp = _stamp(self.path)
        # Appended: the file holds what it held and the new ones, and only they are hashed.
        self._disk_ids = self._disk_ids | self._dirty if appended is not None else self.ids()
        self._remember_written(payload, grew=appended is not None)
        self._in_step, self._appendable = True, bool(self.annotations)
        self._deleted.clear()
        self._dirty.clear()
        self.unsaved = False


def append_indexed(path: Path, info: DocumentInfo, make: Callable[[StoreIndex], Annotation]) -> Annotation | None:
    """Add one annotation to a file whose bytes match their index, without reading the
    annotations in it: the new `[[annotation]]` is appended, and the file replaced
    atomically under its lock, as any save is. `make` builds the annotation from the index
    (its ids and highlighted passages) and may raise to refuse. Returns None, having
    written nothing, when the file cannot take this path: the caller opens the store.
    """
    if _stamp(path) is None:
        return None  # no file yet: the store makes it
    # Refused before anything is created beside it: no lock file next to a device.
    refuse_special(path, Path(os.path.realpath(path)))
    with file_lock(path):
        # Read once, under the lock: no other writer can change the bytes before they are replaced.
        data = _read(path)
        if data is None:
            return None
        kept = _without_trailing_newlines(data)
        view = memoryview(data)
        # The digest of the bytes kept, continued two ways: to the file as it is (to find its
        # index) and, below, to the file with the new annotation (to name the next index).
        running = hashlib.sha256(view[:kept])
        whole = running.copy()
        whole.update(view[kept:])
        index = read_index(whole.hexdigest())
        if index is None or (index.fingerprint, index.source) != (info.fingerprint, info.source):
            return None
        annotation = make(index)
        remove_leftovers(path)
        tail = b"\n\n" + _dumps_checked({"annotation": [annotation_to_table(annotation)]}).encode("utf-8")
        payload = b"".join((view[:kept], tail))
        atomic_write(path, payload, verify=lambda written: written == payload)
    running.update(tail)
    index.ids.add(annotation.id)
    index.spans[(annotation.start, annotation.end)] = annotation.id
    write_index(StoreIndex(running.hexdigest(), info.fingerprint, info.source, index.ids, index.spans, True))
    return annotation
