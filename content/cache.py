"""The user cache directory: what postil keeps only to be faster. Deleting it loses nothing."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

CACHE_DIR_ENV = "POSTIL_CACHE_DIR"


def cache_dir() -> Path:
    """`$POSTIL_CACHE_DIR`, else the platform's user cache dir."""
    if env := os.environ.get(CACHE_DIR_ENV):
        return Path(env).expanduser()
    return Path(platformdirs.user_cache_dir("postil", appauthor=False))
