"""Open the annotation store that belongs to a Document."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from annotations.library import find_moved
from annotations.paths import annotation_path, data_dir, is_local_file
from annotations.store import AnnotationStore, DocumentInfo
from content import Document


def document_info(document: Document) -> DocumentInfo:
    return DocumentInfo(
        title=document.title,
        source=document.source,
        fingerprint=document.fingerprint,
        format=document.format,
    )


def store_path(document: Document, base: Path | None = None) -> Path:
    return annotation_path(base or data_dir(), document.source, document.fingerprint, document.title)


def _adopt_moved(document: Document, base: Path, path: Path) -> Path:
    """A file that moved keeps its notes: find them by the text's fingerprint and move them along.

    The store then records the new `source` when it opens. If the old file cannot be
    renamed, it is used where it is.
    """
    if path.exists() or not is_local_file(document.source):
        return path
    moved = find_moved(base, document.fingerprint, document.source)
    if moved is None:
        return path
    try:
        os.replace(moved, path)
    except OSError:
        return moved
    with contextlib.suppress(OSError):
        os.replace(moved.with_name(moved.name + ".bak"), path.with_name(path.name + ".bak"))
    with contextlib.suppress(OSError):
        moved.with_name(moved.name + ".lock").unlink()
    return path


def resolve_store_path(document: Document, base: Path | None = None, *, write: bool = True) -> Path:
    """The file that holds the document's annotations; one that moved is adopted (`write`)
    or read where it is."""
    base = base or data_dir()
    path = store_path(document, base)
    if write:
        return _adopt_moved(document, base, path)
    if not path.exists() and is_local_file(document.source):
        return find_moved(base, document.fingerprint, document.source) or path
    return path


DEFER_ABOVE = 256 * 1024
"""An annotation file larger than this (some 800 notes) is read after the reader's first
screen, with `open_store(defer=True)`: 10,000 notes take a second or more to read."""


def open_store(
    document: Document, base: Path | None = None, *, strict: bool = False, write: bool = True, defer: bool = False
) -> AnnotationStore:
    """The document's annotations. With `write=False` (`list`, `export`) nothing on disk is
    changed: a moved file is read where it is, and re-anchored offsets stay in memory.
    With `defer`, a large file is not read yet: the store returned is `pending`, and
    `AnnotationStore.open(store.path, …)` reads it (the reader does, off the UI thread)."""
    path = resolve_store_path(document, base, write=write)
    info = document_info(document)
    if defer:
        with contextlib.suppress(OSError):
            if path.stat().st_size > DEFER_ABOVE:
                return AnnotationStore.pending_open(path, document.text, info)
    return AnnotationStore.open(path, document.text, info, strict=strict, write=write)
