"""The note side of postil: the Annotation model, anchoring and the TOML store.

This package imports `content` but never Textual or `tui`.
"""

from annotations.errors import StoreError, StoreParseError
from annotations.model import COLORS, KINDS, Annotation, Color, Kind
from annotations.paths import annotation_path, data_dir
from annotations.session import open_store
from annotations.store import AnnotationStore, DocumentInfo

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
