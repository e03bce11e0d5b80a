"""Keep every test away from the user's real data, config and home directories."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


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
