"""JSON text as `json.dumps(value, ensure_ascii=False, indent=2)` writes it, byte for byte,
in half the time: Python's indented encoder yields every token through generators, this
appends them to one list. Used for the W3C export, whose bytes the golden file pins."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

_INDENT = "  "


class Written(str):
    """JSON text already written for its place: put in as it is, not as a string."""


def dumps_indented(value: Any) -> str:
    out: list[str] = []
    append = out.append

    def encode(item: Any, level: int) -> None:
        if type(item) is Written:
            append(item)
        elif isinstance(item, str):
            append(encode_basestring(item))
        elif item is True:
            append("true")
        elif item is False:
            append("false")
        elif item is None:
            append("null")
        elif isinstance(item, int):
            append(int.__repr__(item))
        elif isinstance(item, float):
            append(json.dumps(item))
        elif isinstance(item, dict):
            if not item:
                append("{}")
                return
            inner = "\n" + _INDENT * (level + 1)
            append("{")
            for index, (key, member) in enumerate(item.items()):
                append(inner if index == 0 else "," + inner)
                append(encode_basestring(key if isinstance(key, str) else json.dumps(key)))
                append(": ")
                if type(member) is str:  # most values: written here, without a call
                    append(encode_basestring(member))
                else:
                    encode(member, level + 1)
            append("\n" + _INDENT * level + "}")
        elif isinstance(item, list | tuple):
            if not item:
                append("[]")
                return
            inner = "\n" + _INDENT * (level + 1)
            append("[")
            for index, member in enumerate(item):
                append(inner if index == 0 else "," + inner)
                if type(member) is Written:
                    append(member)
                elif type(member) is str:
                    append(encode_basestring(member))
                else:
                    encode(member, level + 1)
            append("\n" + _INDENT * level + "]")
        else:
            raise TypeError(f"{type(item).__name__} is not JSON")

    encode(value, 0)
    return "".join(out)
