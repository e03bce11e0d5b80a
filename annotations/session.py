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


def open_store(
    document: Document, base: Path | None = None, *, strict: bool = False, write: bool = True
) -> AnnotationStore:
    """The document's annotations. With `write=False` (`list`, `export`) nothing on disk is
    changed: a moved file is read where it is, and re-anchored offsets stay in memory."""
    base = base or data_dir()
    path = store_path(document, base)
    if write:
        path = _adopt_moved(document, base, path)
    elif not path.exists() and is_local_file(document.source):
        path = find_moved(base, document.fingerprint, document.source) or path
    return AnnotationStore.open(path, document.text, document_info(document), strict=strict, write=write)
