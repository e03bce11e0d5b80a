"""The user's config.toml: key remapping and theme. Read once at start."""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from content import clean_line

CONFIG_DIR_ENV = "POSTIL_CONFIG_DIR"


@dataclass
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id (such as `reader.next_sentence`) to keys (such as `ctrl+n,)`)."""
    theme: str | None = None
    width: int = 72
    """Columns of text at most, centred in a wider view; 0 uses the whole width."""
    pane: bool = True
    """Whether the side pane is shown at start (`tab` brings it either way)."""
    legend: dict[str, str] = field(default_factory=dict)
    """What each highlight colour means to the user ("blue" → "check this"), shown in the pane."""
    problems: list[str] = field(default_factory=list)
    """What was wrong with the file, one line each; the reader shows them at start."""
    lines: dict[str, int] = field(default_factory=dict)
    """The line of each binding id (and of `theme`) in the file, to name it in a problem."""

    def unknown_keys(self, known: set[str], path: Path | None = None) -> list[str]:
        """One line for each binding id in [keys] that no key of postil has."""
        where = path or config_path()
        return [
            f"{where}:{self.lines.get(name, 0) or '?'}: no key has the id "
            f"'{name.removeprefix('reader.')}'; it is ignored"
            for name in self.keymap
            if name not in known
        ]

    def unknown_theme(self, known: list[str], path: Path | None = None) -> list[str]:
        """One line if `theme` names none of the `known` themes."""
        if self.theme is None or self.theme in known:
            return []
        where = path or config_path()
        return [
            clean_line(
                f"{where}:{self.lines.get('theme', 0) or '?'}: there is no theme '{self.theme}'; "
                f"the default is used. Try {', '.join(known[:2])} or nord (ctrl+p, Theme, lists them all)"
            )
        ]

    def conflicts(self, defaults: dict[str, list[str]], path: Path | None = None) -> list[str]:
        """One line for each key that the remapping gives to two of the reader's actions:
        `defaults` is each reader binding id's keys before the remapping."""
        where = path or config_path()
        owners: dict[str, list[str]] = {}
        for name, keys in defaults.items():
            chosen = self.keymap[name].split(",") if name in self.keymap else keys
            for key in {k.strip() for k in chosen if k.strip()}:
                owners.setdefault(key, []).append(name)
        lines = []
        for key, names in sorted(owners.items()):
            remapped = [name for name in names if name in self.keymap]
            if len(names) > 1 and remapped:
                others = ", ".join(f"'{n.removeprefix('reader.')}'" for n in names if n != remapped[0])
                line = self.lines.get(remapped[0], 0) or "?"
                lines.append(
                    clean_line(
                        f"{where}:{line}: '{key}' is given to '{remapped[0].removeprefix('reader.')}' "
                        f"and also to {others}; change one of them"
                    )
                )
        return lines


def config_path() -> Path:
    base = os.environ.get(CONFIG_DIR_ENV) or platformdirs.user_config_dir("postil", appauthor=False)
    return Path(base).expanduser() / "config.toml"


def _line_of(text: str, key: str) -> int:
    """The line where `key` is set in the file (bare or quoted), or 0."""
    pattern = re.compile(rf"^[ \t]*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def load_config(path: Path | None = None) -> Config:
    """The config, or the defaults with the reason when it cannot be used: a bad config
    never stops the reader (`Config.problems` says what was wrong, with the line)."""
    path = path or config_path()
    try:
        if path.exists() and not path.is_file():
            # A FIFO would wait for a writer for ever, and a device may never end.
            return Config(problems=[clean_line(f"{path}: not a regular file; the defaults are used")])
        text = path.read_text(encoding="utf-8")
        raw = tomllib.loads(text)
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        return Config(problems=[clean_line(f"{path}: cannot be read ({error}); the defaults are used")])
    except (tomllib.TOMLDecodeError, RecursionError) as error:
        return Config(problems=[clean_line(f"{path}: {error}; the defaults are used")])
    problems: list[str] = []
    keys = raw.get("keys", {})
    keymap: dict[str, str] = {}
    lines: dict[str, int] = {}
    if not isinstance(keys, dict):
        problems.append(f"{path}:{_line_of(text, 'keys') or '?'}: [keys] must be a table of binding ids; it is ignored")
    else:
        for name, value in keys.items():
            full = name if "." in name else f"reader.{name}"
            if not isinstance(value, str):
                line = _line_of(text, name) or "?"
                problems.append(clean_line(f"{path}:{line}: '{name}' must be keys in a string, such as \"ctrl+n\""))
                continue
            keymap[full] = value
            lines[full] = _line_of(text, name)
    theme = raw.get("theme")
    lines["theme"] = _line_of(text, "theme")
    if theme is not None and not isinstance(theme, str):
        problems.append(f"{path}:{lines['theme'] or '?'}: theme must be a name in a string")
    width = raw.get("width", 72)
    if not isinstance(width, int) or isinstance(width, bool) or not (width == 0 or 20 <= width <= 1000):
        problems.append(
            f"{path}:{_line_of(text, 'width') or '?'}: width must be a number of columns (20 or more, or 0 for all)"
        )
        width = 72
    pane = raw.get("pane", True)
    if not isinstance(pane, bool):
        problems.append(f"{path}:{_line_of(text, 'pane') or '?'}: pane must be true or false")
        pane = True
    legend: dict[str, str] = {}
    colors = raw.get("colors", {})
    if not isinstance(colors, dict):
        problems.append(f"{path}:{_line_of(text, 'colors') or '?'}: [colors] must be a table of colour = meaning")
        colors = {}
    from annotations.model import COLORS

    for name, meaning in colors.items():
        line = _line_of(text, name) or "?"
        if name not in COLORS:
            problems.append(f"{path}:{line}: '{name}' is not a highlight colour ({', '.join(COLORS)}); it is ignored")
        elif not isinstance(meaning, str):
            problems.append(f'{path}:{line}: what {name} means must be a string, such as "check this"')
        elif clean_line(meaning).strip():
            legend[name] = clean_line(meaning).strip()[:40]
    return Config(
        keymap=keymap,
        theme=theme if isinstance(theme, str) else None,
        width=width,
        pane=pane,
        legend=legend,
        problems=[clean_line(p) for p in problems],
        lines=lines,
    )
