"""The Annotation: a highlight with an optional note, anchored to a Document by text and offsets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal, get_args

from content.clean import clean_line, clean_text

Kind = Literal["quote", "claim", "sentence", "selection"]
Color = Literal["yellow", "green", "blue", "pink", "purple"]
COLORS: tuple[Color, ...] = get_args(Color)
KINDS: tuple[Kind, ...] = get_args(Kind)
CONTEXT_CHARS = 32
_ID_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


def new_id(taken: set[str] | frozenset[str] = frozenset()) -> str:
    import secrets  # loaded on first use: the reader's first screen needs no ids

    while True:
        candidate = "".join(secrets.choice(_ID_ALPHABET) for _ in range(6))
        if candidate not in taken:
            return candidate


def now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def passage(text: str, start: int, end: int) -> tuple[str, str, str]:
    """`text[start:end]` and the context either side of it (the W3C quote selector's
    exact, prefix and suffix), cleaned as an annotation's fields are."""
    return (
        clean_text(text[start:end]),
        clean_text(text[max(0, start - CONTEXT_CHARS) : start]),
        clean_text(text[end : end + CONTEXT_CHARS]),
    )


def _clean_tags(tags: Any) -> list[str]:
    return [tag for tag in (clean_line(str(t)) for t in tags) if tag]


# Every text field is cleaned whenever it is set: at creation (the reader, `postil add`, a
# TOML file written by anyone, an import) and on every edit. So no note, tag or stored
# passage can carry an escape sequence to the terminal or to an export, whatever path it took.
_CLEANERS: dict[str, Any] = {
    "exact": clean_text,
    "prefix": clean_text,
    "suffix": clean_text,
    "note": clean_text,
    "speaker": clean_line,
    "id": clean_line,
    "tags": _clean_tags,
}


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
        exact, prefix, suffix = passage(text, start, end)
        return cls(
            id=id,
            exact=exact,
            start=start,
            end=end,
            prefix=prefix,
            suffix=suffix,
            kind=kind,
            color=color,
            note=note,
            tags=list(tags or []),
            speaker=speaker,
        )

    def __setattr__(self, name: str, value: Any) -> None:
        cleaner = _CLEANERS.get(name)
        if cleaner is not None and value is not None:
            value = cleaner(value)
        object.__setattr__(self, name, value)

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
        return 0 <= self.start <= self.end <= len(text) and text[self.start : self.end] == self.exact
