"""The Annotation: a highlight with an optional note, anchored to a Document by text and offsets."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, get_args

Kind = Literal["quote", "claim", "sentence", "selection"]
Color = Literal["yellow", "green", "blue", "pink", "purple"]
COLORS: tuple[Color, ...] = get_args(Color)
KINDS: tuple[Kind, ...] = get_args(Kind)
CONTEXT_CHARS = 32
_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def new_id(taken: set[str] | frozenset[str] = frozenset()) -> str:
    while True:
        candidate = "".join(secrets.choice(_ID_ALPHABET) for _ in range(6))
        if candidate not in taken:
            return candidate


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Annotation:
    id: str
    exact: str
    start: int
    end: int
    prefix: str = ""
    suffix: str = ""
    kind: Kind = "selection"
    color: Color = "yellow"
    note: str = ""
    tags: list[str] = field(default_factory=list)
    created: datetime = field(default_factory=now)
    updated: datetime = field(default_factory=now)
    speaker: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
    """Keys this version of postil does not know, kept as they were on rewrite."""

    @classmethod
    def on_text(
        cls,
        text: str,
        start: int,
        end: int,
        *,
        id: str,
        kind: Kind = "selection",
        color: Color = "yellow",
        note: str = "",
        tags: list[str] | None = None,
        speaker: str = "",
    ) -> Annotation:
        """An annotation of `text[start:end]`, with its quote selector context."""
        return cls(
            id=id,
            exact=text[start:end],
            start=start,
            end=end,
            prefix=text[max(0, start - CONTEXT_CHARS) : start],
            suffix=text[end : end + CONTEXT_CHARS],
            kind=kind,
            color=color,
            note=note,
            tags=list(tags or []),
            speaker=speaker,
        )

    def copy(self) -> Annotation:
        """A copy sharing the field values; changes replace fields, so that is enough for undo."""
        clone = object.__new__(Annotation)
        clone.__dict__.update(self.__dict__)
        return clone

    def state(self) -> tuple[Any, ...]:
        """Everything that is written to the file, as a comparable tuple."""
        return (
            self.id,
            self.exact,
            self.start,
            self.end,
            self.prefix,
            self.suffix,
            self.kind,
            self.color,
            self.speaker,
            self.note,
            tuple(self.tags),
            self.created,
            self.updated,
            repr(self.extra) if self.extra else "",
        )

    def overlaps(self, start: int, end: int) -> bool:
        if start == end:
            return self.start <= start < self.end
        return self.start < end and start < self.end

    def fits(self, text: str) -> bool:
        return text[self.start : self.end] == self.exact
