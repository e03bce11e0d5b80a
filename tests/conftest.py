"""Keep every test away from the user's real data, config and home directories."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

# Before any test module is imported: what runs outside a test (imports while tests are
# collected, `atexit` hooks when the run ends) sees these folders, never the user's.
_SESSION = Path(tempfile.mkdtemp(prefix="postil-tests-"))
atexit.register(shutil.rmtree, _SESSION, ignore_errors=True)  # registered first: runs last
for _name, _variable in (
    ("data", "POSTIL_DATA_DIR"),
    ("config", "POSTIL_CONFIG_DIR"),
    ("cache", "POSTIL_CACHE_DIR"),
    ("state", "POSTIL_STATE_DIR"),
    ("xdg-cache", "XDG_CACHE_HOME"),
    ("xdg-state", "XDG_STATE_HOME"),
    ("xdg-data", "XDG_DATA_HOME"),
    ("xdg-config", "XDG_CONFIG_HOME"),
):
    os.environ[_variable] = str(_SESSION / _name)


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("data", "config", "cache", "state", "home", "xdg-data", "xdg-config", "xdg-cache", "xdg-state"):
        (tmp_path / name).mkdir()
    monkeypatch.setenv("POSTIL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("POSTIL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("POSTIL_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("POSTIL_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return tmp_path


@pytest.fixture
def data_dir(isolated_dirs: Path) -> Path:
    return isolated_dirs / "data"
