"""The user's config.toml: key remapping and theme. Read once at start."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from content import ContentError

CONFIG_DIR_ENV = "POSTIL_CONFIG_DIR"


class ConfigError(ContentError):
    """config.toml cannot be used; the message names the file and line."""


@dataclass
class Config:
    keymap: dict[str, str] = field(default_factory=dict)
    """Binding id (such as `reader.next_sentence`) to keys (such as `ctrl+n,)`)."""
    theme: str | None = None


def config_path() -> Path:
    base = os.environ.get(CONFIG_DIR_ENV) or platformdirs.user_config_dir("postil", appauthor=False)
    return Path(base).expanduser() / "config.toml"


def load_config(path: Path | None = None) -> Config:
    path = path or config_path()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config()
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None
    keys = raw.get("keys", {})
    if not isinstance(keys, dict) or not all(isinstance(v, str) for v in keys.values()):
        raise ConfigError(f"{path}: [keys] must map binding ids to key strings")
    keymap = {name if "." in name else f"reader.{name}": value for name, value in keys.items()}
    theme = raw.get("theme")
    return Config(keymap=keymap, theme=theme if isinstance(theme, str) else None)
