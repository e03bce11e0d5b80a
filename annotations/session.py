"""Open the annotation store that belongs to a Document."""

from __future__ import annotations

from pathlib import Path

from annotations.paths import annotation_path, data_dir
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


def open_store(document: Document, base: Path | None = None, *, strict: bool = False) -> AnnotationStore:
    return AnnotationStore.open(store_path(document, base), document.text, document_info(document), strict=strict)
