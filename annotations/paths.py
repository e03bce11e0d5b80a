"""Where annotation files live, and which file belongs to which source."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "POSTIL_DATA_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir`, then `$POSTIL_DATA_DIR`, then the platform's user data dir."""
    if override:
        return Path(override).expanduser()
    if env := os.environ.get(DATA_DIR_ENV):
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("postil", appauthor=False))


def annotations_dir(base: Path) -> Path:
    return base / "annotations"


def slugify(name: str, limit: int = 40) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return slug[:limit].rstrip("-") or "article"


def is_local_file(source: str) -> bool:
    """A source that names a file (not stdin, a URL or the built-in sample)."""
    return source not in ("", "-") and "://" not in source and not source.startswith("postil:")


def source_key(source: str, fingerprint: str) -> str:
    """Files by resolved path, URLs as given, stdin by its text fingerprint."""
    return fingerprint if source == "-" else source


def annotation_path(base: Path, source: str, fingerprint: str, title: str = "") -> Path:
    key = source_key(source, fingerprint)
    stem = Path(source).stem if source not in ("-",) and "://" not in source else title
    if source.startswith("postil:"):
        stem = source.split(":", 1)[1]
    digest = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return annotations_dir(base) / f"{slugify(stem or title)}-{digest}.toml"
