"""Compiled regular expressions, kept from one run to the next.

The attribution patterns are long: the lexicon's word lists, shaped as tries, sit inside the
names, mentions and speaker phrases, some 95,000 characters in all. Python's `re` parses and
compiles a pattern in Python, and these took about 0.4 s at every start, more than all the rest
of `postil quotes` on an article. What the compiler makes is a list of integers that the C
matcher runs. This module keeps those lists in the cache directory and builds each pattern from
them with the call `re` itself ends with (`_sre.compile`), which checks the code it is given.

A pattern is found by its exact text and flags, in a file for this build of Python alone. A
file that is missing, unreadable, cut short or not ours counts as empty; what is not found is
compiled the usual way, and kept when the process exits. Deleting the file loses nothing.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import re
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from content.cache import cache_dir, read_marshalled, write_marshalled

try:  # CPython's own compiler, which `re.compile` runs; without it, patterns compile as usual.
    _sre: Any = importlib.import_module("_sre")
    _compiler: Any = importlib.import_module("re._compiler")
    _parser: Any = importlib.import_module("re._parser")
    _CAN_KEEP = sys.implementation.name == "cpython" and hasattr(_compiler, "_code") and hasattr(_sre, "MAGIC")
except ImportError:  # pragma: no cover - another Python
    _CAN_KEEP = False

_HEADER = b"postil regex cache 1\n"
_LIMIT = 2_000
"""Patterns kept at most. A file that would grow past this keeps only the patterns this
process used (old versions of postil leave patterns behind)."""

Key = tuple[str, int]
Entry = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]
"""What `_sre.compile` takes after the pattern: flags, code, groups, group index, index group."""

_lock = threading.Lock()
_kept: dict[Key, Entry | str] | None = None
_made: dict[Key, re.Pattern[str] | str] = {}
"""What this process compiled or made: kept when the file is pruned."""
_new: dict[Key, Entry | str] = {}
_file: Path | None = None
"""The file the table was read from, and the one written at exit: the cache dir is the one of
the moment the patterns were needed, not of the exit (a test's own, not the user's)."""


def cache_file() -> Path:
    return cache_dir() / "regex" / f"{sys.implementation.cache_tag}-{sys.hexversion:x}-{_sre.MAGIC}.marshal"


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, from the kept code when this pattern was compiled before."""
    key = (pattern, int(flags))
    if isinstance(made := _made.get(key), re.Pattern):
        return made
    if not _CAN_KEEP:
        return re.compile(pattern, flags)
    compiled = None
    entry = _table().get(key)
    if isinstance(entry, tuple):
        # A kept entry was written by this module for this Python; `_sre.compile` still checks
        # its code, so one that is wrong anyway is compiled again rather than trusted.
        with contextlib.suppress(TypeError, ValueError, RuntimeError, OverflowError):
            compiled = _sre.compile(pattern, *entry)
    if compiled is None:
        try:
            compiled, entry = _compile(pattern, int(flags))
        except Exception:  # a bad pattern, or a compiler not as expected: `re` says which
            return re.compile(pattern, flags)
        _keep(key, entry)
    _made[key] = compiled
    return compiled


_TEXT = -1
"""The flags of a kept text's key: no pattern's flags are negative, so the keys never meet."""


def kept_text(key: str, make: Callable[[], str]) -> str:
    """`make()`, kept under `key` with the patterns. For the parts patterns are built from (a
    word list's trie): a pattern is found by its text, so that text must be made first, and
    making the tries took some 30 ms at every start. `key` must say all `make` depends on."""
    if not _CAN_KEEP:
        return make()
    entry = _table().get((key, _TEXT))
    if isinstance(entry, str):
        _made[(key, _TEXT)] = entry
        return entry
    text = _made[(key, _TEXT)] = make()
    _keep((key, _TEXT), text)
    return text


def _keep(key: Key, entry: Entry | str) -> None:
    """Add `entry` to what is written at exit (the first addition registers the writing)."""
    with _lock:
        if not _new:
            atexit.register(save)
        _new[key] = entry


def _compile(pattern: str, flags: int) -> tuple[re.Pattern[str], Entry]:
    """What `re._compiler.compile` does, keeping the code it makes."""
    parsed = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    group_index = dict(parsed.state.groupdict)
    index_group: list[str | None] = [None] * parsed.state.groups
    for name, index in group_index.items():
        index_group[index] = name
    entry: Entry = (int(flags | parsed.state.flags), code, parsed.state.groups - 1, group_index, tuple(index_group))
    return _sre.compile(pattern, *entry), entry


def _table() -> dict[Key, Entry | str]:
    global _kept, _file
    if _kept is None:
        with _lock:
            if _kept is None:
                _file = cache_file()
                _kept = _read(_file)
    return _kept


def _read(path: Path) -> dict[Key, Entry | str]:
    table = read_marshalled(path, _HEADER)
    return table if isinstance(table, dict) else {}


def save() -> None:
    """Add the patterns compiled here to the file, as one atomic replace (run at exit)."""
    with _lock:
        new = dict(_new)
        _new.clear()
    if not new:
        return
    path = _file or cache_file()
    table = _read(path) | new
    if len(table) > _LIMIT:
        table = {key: entry for key, entry in table.items() if key in _made}
    write_marshalled(path, _HEADER, table)
