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


def _postil(*args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    environment = {**os.environ, **(env or {})}
    command = [sys.executable, "-m", "tui", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, env=environment)


def test_config_path_prints_where_the_file_is(isolated_dirs: Path) -> None:
    result = _postil("config", "--path")
    assert result.returncode == 0 and result.stdout.strip() == str(isolated_dirs / "config" / "config.toml")


def test_config_edit_writes_a_commented_file_opens_the_editor_and_checks_it(isolated_dirs: Path) -> None:
    # A stand-in editor that remaps one key the way a user would, by uncommenting its line.
    editor = isolated_dirs / "editor.py"
    editor.write_text(
        "import sys, pathlib\n"
        "p = pathlib.Path(sys.argv[1])\n"
        "p.write_text(p.read_text().replace('# next_sentence', 'next_sentence'))\n"
    )
    import sys

    result = _postil("config", "--edit", env={"EDITOR": f"{sys.executable} {editor}", "VISUAL": ""})
    path = isolated_dirs / "config" / "config.toml"
    assert result.returncode == 0, result.stderr
    assert "1 key remapped" in result.stdout
    assert load_config(path).keymap == {"reader.next_sentence": "right_parenthesis,ctrl+n"}
    assert path.read_text().startswith("# postil's settings")


def test_config_names_a_problem_with_its_line_and_fails(isolated_dirs: Path) -> None:
    path = isolated_dirs / "config" / "config.toml"
    path.write_text('[keys]\nhighlight = "h"\nno_such_key = "x"\n')
    result = _postil("config")
    assert result.returncode == 1
    assert f"{path}:3: no key has the id 'no_such_key'" in result.stderr and "Traceback" not in result.stderr
    path.write_text('theme = "postil-light"\n')
    assert _postil("config").returncode == 0
    path.write_text('\ntheme = "postil-sepia"\n')
    result = _postil("config")
    assert result.returncode == 1 and f"{path}:2: there is no theme 'postil-sepia'" in result.stderr
    broken = _postil("config", "--edit", env={"EDITOR": "/nonexistent/editor", "VISUAL": ""})
    assert broken.returncode == 2 and "cannot start the editor" in broken.stderr and "Traceback" not in broken.stderr


def test_a_key_given_to_two_actions_is_named_with_its_line(tmp_path: Path) -> None:
    from tui.app import reader_default_keys

    path = tmp_path / "config.toml"
    path.write_text('[keys]\nnext_sentence = "ctrl+n"\nhighlight = "h,j"\n')
    config = load_config(path)
    assert config.conflicts(reader_default_keys(), path) == [
        f"{path}:3: 'j' is given to 'highlight' and also to 'scroll_down'; change one of them"
    ]
    # Moving the other action off the key ends the conflict.
    path.write_text('[keys]\nhighlight = "h,j"\nscroll_down = "down"\n')
    assert load_config(path).conflicts(reader_default_keys(), path) == []
    assert load_config(tmp_path / "none.toml").conflicts(reader_default_keys()) == []  # the defaults agree


def test_the_pane_at_start_and_the_colour_legend_are_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('pane = false\n[colors]\nblue = "check this"\nteal = "?"\npink = 3\n')
    config = load_config(path)
    assert config.pane is False and config.legend == {"blue": "check this"}
    assert config.problems == [
        f"{path}:4: 'teal' is not a highlight colour (yellow, green, blue, pink, purple); it is ignored",
        f'{path}:5: what pink means must be a string, such as "check this"',
    ]
    path.write_text('pane = "no"\n')
    broken = load_config(path)
    assert broken.pane is True and broken.problems == [f"{path}:1: pane must be true or false"]


def test_the_reading_width_is_read_and_checked(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert load_config(path).width == 72  # the default
    path.write_text("width = 0\n")
    assert load_config(path).width == 0 and load_config(path).problems == []
    path.write_text('width = "wide"\n')
    config = load_config(path)
    assert config.width == 72
    assert config.problems == [f"{path}:1: width must be a number of columns (20 or more, or 0 for all)"]


def test_a_fifo_or_a_device_where_a_file_is_read_is_named_not_waited_on(isolated_dirs: Path) -> None:
    """config.toml and the reading positions, replaced by a FIFO (which would wait for a writer
    for ever) or a device: the reader starts with the defaults, and says so for the config."""
    import os
    import threading

    from annotations.positions import _path, load_position, save_position

    save_position("doc", 120)
    fifo = isolated_dirs / "config.toml"
    os.mkfifo(fifo)
    _path().unlink()
    os.mkfifo(_path())
    device = isolated_dirs / "device.toml"
    device.symlink_to("/dev/zero")
    results: list[object] = []

    def read() -> None:
        results.extend([load_config(fifo).problems, load_config(device).problems, load_position("doc")])

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=60)
    assert results == [
        [f"{fifo}: not a regular file; the defaults are used"],
        [f"{device}: not a regular file; the defaults are used"],
        None,
    ]
