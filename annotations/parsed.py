"""What `tomllib` made of each annotation in a big file, kept so the next read parses only
what changed.

`tomllib` parses in Python: a file of 10,000 notes (4 MB) took about 2.5 s, most of what
`postil list`, `export` or `search` spend on it. A file postil wrote is a head and one
`[[annotation]]` table after another, and the store parses it one table at a time
(`store._parse_by_annotation`). This keeps, per annotation file, each table's text and what
`tomllib` made of it, in the user cache directory. The next read parses only the tables whose
text is not there: after a note was added or edited, one. A table's text is matched whole, so
its parse is used only for that very text, and what is read back goes through the same checks
as a fresh parse: the cache saves the parsing, not the judging. A cache file is checksummed;
one that is missing, damaged or not this file's is empty. Deleting the cache loses nothing.

The values are TOML's: strings, numbers, booleans, arrays, tables, and dates and times. They
are kept with `marshal` (data only: reading it runs nothing), with each date or time as a
tuple, which TOML never yields, so reading back is unambiguous.
"""

from __future__ import annotations

import hashlib
import os
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from content.cache import cache_dir, keep_newest, read_marshalled, used, write_marshalled

SMALLEST = 128 * 1024
"""Files smaller than this parse in well under 0.1 s: their tables are not kept."""
_KEEP = 8
"""Files whose tables are kept; those least recently used beyond this are deleted as new ones are written."""
_HEADER = b"postil parsed toml 2\n"

Tables = dict[str, Any]
"""Each annotation's text → its table as kept (`freeze`); `thaw` gives back what tomllib made."""


def _path(of: Path) -> Path:
    name = hashlib.sha256(os.fsencode(of.absolute())).hexdigest()
    return cache_dir() / "parsed" / f"{name}.marshal"


def read_tables(of: Path) -> Tables:
    """The kept tables of the annotation file `of`; empty when there are none to trust."""
    path = _path(of)
    kept = read_marshalled(path, _HEADER)
    if not (isinstance(kept, tuple) and len(kept) == 2):
        return {}
    owner, tables = kept
    if owner != os.fsdecode(of.absolute()) or not isinstance(tables, dict):
        return {}
    used(path)
    return tables


def write_tables(of: Path, tables: Tables) -> None:
    """Keep the tables of `of` as it is now; a failure to write a cache is not an error."""
    path = _path(of)
    # A value marshal cannot keep, or a file that cannot be written: nothing is kept.
    if write_marshalled(path, _HEADER, (os.fsdecode(of.absolute()), tables)):
        keep_newest(path.parent, "*.marshal", _KEEP)


_LEAVES = frozenset({str, int, float, bool})


def freeze(value: Any) -> Any:
    """TOML's values as marshal keeps them: a date or time becomes a tagged tuple."""
    if type(value) is dict:
        return {key: item if type(item) in _LEAVES else freeze(item) for key, item in value.items()}
    if type(value) is list:
        return [item if type(item) in _LEAVES else freeze(item) for item in value]
    if isinstance(value, datetime):
        offset = value.utcoffset()
        return (
            "datetime",
            value.year,
            value.month,
            value.day,
            value.hour,
            value.minute,
            value.second,
            value.microsecond,
            None if offset is None else offset // timedelta(microseconds=1),
        )
    if isinstance(value, date):
        return ("date", value.year, value.month, value.day)
    if isinstance(value, time):
        return ("time", value.hour, value.minute, value.second, value.microsecond)
    return value


_ZONES: dict[int, timezone] = {}


def thaw(value: Any) -> Any:
    """What `freeze` kept, as tomllib made it: new tables and arrays, dates and times again.
    Anything TOML cannot hold (marshal can hold more) raises ValueError: that table is parsed again."""
    if type(value) in _LEAVES:
        return value
    if type(value) is dict:
        if not all(type(key) is str for key in value):
            raise ValueError("not a TOML table")
        return {key: item if type(item) in _LEAVES else thaw(item) for key, item in value.items()}
    if type(value) is list:
        return [item if type(item) in _LEAVES else thaw(item) for item in value]
    if type(value) is tuple:
        kind, *parts = value
        if kind == "datetime":
            year, month, day, hour, minute, second, microsecond, offset = parts
            zone = None
            if offset is not None and (zone := _ZONES.get(offset)) is None:
                zone = _ZONES[offset] = timezone(timedelta(microseconds=offset))
            return datetime(year, month, day, hour, minute, second, microsecond, tzinfo=zone)
        if kind == "date":
            return date(*parts)
        if kind == "time":
            return time(*parts)
    raise ValueError(f"not a TOML value: {type(value).__name__}")
