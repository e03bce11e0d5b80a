"""A book's analysis, kept so that opening it again costs a read, not the analysis.

War and Peace takes some 9 s to analyse (quotes 4.4 s, claims 2.8 s, the cast 1.5 s): the
reader did it in the background at every opening, and `postil quotes` or `claims` at every
run. For a document of `BOOK_LENGTH` characters or more, each stage's result (quotes, claims,
people, and the sentences with the quotes) is kept in the user cache directory (`analysis/`),
one list per field, in a file named by
a hash of all it depends on: the text, its blocks and author, the Python version, and the
analysis's own code and data (every file of `content/analysis/` and `content/document.py`).
A change to any of them is another name, so a result is never read for anything but what made
it. With other weights than the shipped ones (the training's environment variables) nothing is
read or written.

A file is checksummed (`content.cache.read_checked`), and what is read back is checked as the
stages' own output would be (each field's type, kinds among their names, offsets within the
text): a file that is damaged, planted or odd in any way is a miss, and the stage runs. At most
`_KEEP` books are kept, the least recently used deleted first. Deleting the cache loses nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import fields
from functools import cached_property
from operator import attrgetter, le
from pathlib import Path
from typing import Any, get_args

from content.analysis.lexicon import BOOK_LENGTH, Gender
from content.cache import cache_dir, keep_newest, read_marshalled, used, write_marshalled
from content.document import Block, Document, Sentence

_HEADER = b"postil analysis 2\n"
_KEEP = 8
"""Books whose analyses are kept; those least recently used beyond this are deleted as new ones are written."""
_WEIGHTS = ("POSTIL_ATTRIBUTION_WEIGHTS", "POSTIL_CLAIM_WEIGHTS")
"""With either set (training, experiments), the stages use other weights: nothing is kept.
(`ranker.WEIGHTS_ENV` and `claims.CUE_WEIGHTS_ENV`, not imported here: a test holds them equal.)"""
STAGES = ("sentences", "quotes", "claims", "people")

Check = Callable[[Any], bool]


class Kept:
    """The kept stages of one document's analysis: `get` one, `put` one as it is made."""

    def __init__(self, read: Document) -> None:
        self._document = read
        self._raw: dict[str, list[list[Any]]] | None = None
        self._lock = threading.Lock()
        self._sentences: list[list[Any]] | None = None
        """The sentences, made but not yet written: they are kept with the quotes (so `postil
        sentences` alone, a second or so, writes nothing)."""

    def has(self, *stages: str) -> bool:
        """Whether all these stages are kept (and not found bad so far)."""
        raw = self._read()
        return all(stage in raw for stage in stages)

    def get(self, stage: str) -> list[Any] | None:
        """The stage's result as it was kept, or None: not kept, or not what the stage makes."""
        columns = self._read().get(stage)
        if columns is None:
            return None
        made = _decode(stage, columns, len(self._document.text))
        if made is None:
            with self._lock:
                self._raw = {}  # one bad part, and none of the file is trusted
        return made

    def put(self, stage: str, made: Sequence[Any]) -> None:
        """Keep a stage's result with those kept before (a failure to write is no error)."""
        columns = [list(map(attrgetter(name), made)) for name in _FIELDS[stage]]  # C loops
        with self._lock:
            if stage == "sentences":
                self._sentences = columns
                return
            raw = {**self._read(), stage: columns}
            if self._sentences is not None:
                raw["sentences"], self._sentences = self._sentences, None
            if write_marshalled(self.path, _HEADER, raw):
                self._raw = raw
                keep_newest(self.path.parent, "*.marshal", _KEEP)

    def _read(self) -> dict[str, list[list[Any]]]:
        if self._raw is None:
            # No book kept at all (the first ever, or a cleared cache): nothing to name or read.
            self._raw = _load(self.path) if next(_folder().glob("*.marshal"), None) else {}
        return self._raw

    @cached_property
    def path(self) -> Path:
        """Named by a hash of all the result depends on (some 15 ms for War and Peace)."""
        read = self._document
        digest = hashlib.blake2b(_code_tag(), digest_size=32)
        blocks = [list(map(attrgetter(field.name), read.blocks)) for field in fields(Block)]  # every field
        digest.update(marshal.dumps((read.author, blocks)))
        digest.update(read.text.encode("utf-8", "surrogatepass"))
        return _folder() / f"{digest.hexdigest()}.marshal"


def _folder() -> Path:
    return cache_dir() / "analysis"


def for_document(read: Document) -> Kept | None:
    """The kept analysis of `read` (what the stages read), or None when a document that
    size is not kept or other weights are in use."""
    if len(read.text) < BOOK_LENGTH or any(os.environ.get(name) for name in _WEIGHTS):
        return None
    return Kept(read)


_code: bytes | None = None


def _code_tag() -> bytes:
    """What the analysis is made of: its code and data files, and the Python running them."""
    global _code
    if _code is None:
        here = Path(__file__).parent
        digest = hashlib.sha256(f"{sys.implementation.cache_tag} {sys.hexversion:x}".encode())
        for path in sorted([*here.glob("*.py"), *here.glob("*.json"), here.parent / "document.py"]):
            digest.update(path.name.encode() + b"\0")
            with contextlib.suppress(OSError):
                digest.update(path.read_bytes())
        _code = digest.digest()
    return _code


def _load(path: Path) -> dict[str, list[list[Any]]]:
    raw = read_marshalled(path, _HEADER)
    if not isinstance(raw, dict) or not all(stage in STAGES and type(kept) is list for stage, kept in raw.items()):
        return {}
    used(path)
    return raw


# -- what a stage's result is, field by field ---------------------------------------------


def _text(value: Any) -> bool:
    return type(value) is str


def _maybe(check: Check) -> Check:
    return lambda value: value is None or check(value)


def _texts(value: Any) -> bool:
    return type(value) is tuple and all(type(item) is str for item in value)


def _one_of(kinds: Any) -> Check:
    names = frozenset(get_args(kinds))
    return lambda value: type(value) is str and value in names


def _flag(value: Any) -> bool:
    return type(value) is bool


def _depth(value: Any) -> bool:
    return type(value) is int and 1 <= value <= 2


def _decode(stage: str, columns: list[Any], length: int) -> list[Any] | None:
    """`columns` (one list per field) made into the stage's objects, or None if any is not
    what the stage makes."""
    make, checks = _kinds()[stage]

    def offset(value: Any) -> bool:
        return type(value) is int and 0 <= value <= length

    def offsets(value: Any) -> bool:
        return type(value) is tuple and all(offset(item) for item in value)

    placed: dict[str, Check] = {"offset": offset, "offsets": offsets, "offset?": _maybe(offset)}
    resolved = [placed[check] if isinstance(check, str) else check for check in checks]
    if len(columns) != len(resolved) or not all(type(column) is list for column in columns):
        return None
    if len({len(column) for column in columns}) > 1:
        return None
    if not all(all(map(check, column)) for check, column in zip(resolved, columns, strict=True)):
        return None
    if _FIELDS[stage][:2] == ("start", "end") and not all(map(le, columns[0], columns[1])):
        return None  # a span that ends before it starts
    return list(map(make, *columns))


_FIELDS = {
    "sentences": ("start", "end"),
    "quotes": ("start", "end", "kind", "speaker", "speaker_start", "speaker_end", "cue", "depth"),
    "claims": ("start", "end", "kind", "cues", "source", "source_start", "source_end", "checkable"),
    "people": ("name", "aliases", "gender", "descriptions", "mentions", "narrator"),
}
"""Each stage's object, as the fields kept (a list of each), in the order its class takes them."""

_kinds_made: dict[str, tuple[Callable[..., Any], tuple[Check | str, ...]]] | None = None


def _kinds() -> dict[str, tuple[Callable[..., Any], tuple[Check | str, ...]]]:
    """Each stage's class and a check for each of its kept fields (a string names a check
    of an offset into the text, made for the text's length)."""
    global _kinds_made
    if _kinds_made is None:
        from content.analysis.cast import Person
        from content.analysis.claims import Claim, ClaimKind
        from content.analysis.quotes import Quote, QuoteKind

        quote: tuple[Check | str, ...] = (
            "offset",
            "offset",
            _one_of(QuoteKind),
            _maybe(_text),
            "offset?",
            "offset?",
            _maybe(_text),
            _depth,
        )
        claim: tuple[Check | str, ...] = (
            "offset",
            "offset",
            _one_of(ClaimKind),
            _texts,
            _maybe(_text),
            "offset?",
            "offset?",
            _flag,
        )
        person: tuple[Check | str, ...] = (_text, _texts, _maybe(_one_of(Gender)), _texts, "offsets", _flag)
        _kinds_made = {
            "sentences": (Sentence, ("offset", "offset")),
            "quotes": (Quote, quote),
            "claims": (Claim, claim),
            "people": (Person, person),
        }
    return _kinds_made
