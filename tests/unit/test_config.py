from __future__ import annotations

from pathlib import Path

from tui.config import load_config


def test_missing_config_gives_defaults(tmp_path: Path) -> None:
    assert load_config(tmp_path / "config.toml").keymap == {}


def test_keys_are_read_by_binding_id(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "gruvbox"\n[keys]\nnext_sentence = "ctrl+n"\n"reader.highlight" = "h,enter"\n')
    config = load_config(path)
    assert config.keymap == {"reader.next_sentence": "ctrl+n", "reader.highlight": "h,enter"}
    assert config.theme == "gruvbox"


def test_a_broken_config_gives_the_defaults_and_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('theme = "x"\n[keys\n')
    config = load_config(path)
    assert config.keymap == {} and config.theme is None
    (problem,) = config.problems
    assert str(path) in problem and "line 2" in problem and "defaults" in problem and "\n" not in problem


def test_unknown_ids_and_wrong_values_are_named_with_their_line(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('# my keys\n[keys]\nnext_sentense = "n"\nhighlight = 5\n"reader.undo" = "U"\n')
    config = load_config(path)
    assert config.keymap == {"reader.next_sentense": "n", "reader.undo": "U"}
    assert config.problems == [f"{path}:4: 'highlight' must be keys in a string, such as \"ctrl+n\""]
    assert config.unknown_keys({"reader.undo", "reader.next_sentence"}, path) == [
        f"{path}:3: no key has the id 'next_sentense'; it is ignored"
    ]
