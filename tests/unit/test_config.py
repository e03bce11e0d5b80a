from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import ConfigError, load_config


def test_missing_config_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "config.toml").keymap == {}


def test_keys_are_read_by_binding_id(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "gruvbox"\n[keys]\nnext_sentence = "ctrl+n"\n"reader.highlight" = "h,enter"\n')
    config = load_config(path)
    assert config.keymap == {"reader.next_sentence": "ctrl+n", "reader.highlight": "h,enter"}
    assert config.theme == "gruvbox"


def test_a_broken_config_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("[keys\n")
    with pytest.raises(ConfigError, match=str(path)):
        load_config(path)
