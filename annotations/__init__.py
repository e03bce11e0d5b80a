"""The note side of postil: the Annotation model, anchoring and the TOML store.

This package imports `content` but never Textual or `tui`.
"""

from typing import TYPE_CHECKING, Any

from annotations.errors import StoreError, StoreParseError
from annotations.model import COLORS, KINDS, Annotation, Color, Kind
from annotations.paths import annotation_path, data_dir

if TYPE_CHECKING:
    from annotations.session import open_store
    from annotations.store import AnnotationStore, DocumentInfo


def __getattr__(name: str) -> Any:
    """The store and its file machinery load on first use: `postil sentences` needs neither."""
    if name in ("AnnotationStore", "DocumentInfo"):
        from annotations import store

        return getattr(store, name)
    if name == "open_store":
        from annotations.session import open_store

        return open_store
    raise AttributeError(f"module 'annotations' has no attribute {name!r}")


__all__ = [
    "COLORS",
    "KINDS",
    "Annotation",
    "AnnotationStore",
    "Color",
    "DocumentInfo",
    "Kind",
    "StoreError",
    "StoreParseError",
    "annotation_path",
    "data_dir",
    "open_store",
]
