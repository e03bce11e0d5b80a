"""A book's analysis, kept so that opening it again costs a read, not the analysis.

War and Peace takes some 9 s to analyse (quotes 4.4 s, claims 2.8 s, the cast 1.5 s): the
reader did it in the background at every opening, and `postil quotes` or `claims` at every
run. For a document of `BOOK_LENGTH` characters or more, each stage's result (sentences,
quotes, claims, people) is kept in the user cache directory (`analysis/`), in a file named by
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
import os
import sys
import threading
from collections.abc import Callable, Sequence
from operator import attrgetter
from pathlib import Path
from typing import Any, get_args

from content.analysis.lexicon import BOOK_LENGTH, Gender
from content.cache import cache_dir, keep_newest, read_marshalled, used, write_marshalled
from content.document import Document, Sentence

_HEADER = b"postil analysis 1\n"
_KEEP = 8
"""Books whose analyses are kept; those least recently used beyond this are deleted as new ones are written."""
_WEIGHTS = ("POSTIL_ATTRIBUTION_WEIGHTS", "POSTIL_CLAIM_WEIGHTS")
"""With either set (training, experiments), the stages use other weights: nothing is kept.
(`ranker.WEIGHTS_ENV` and `claims.CUE_WEIGHTS_ENV`, not imported here: a test holds them equal.)"""
STAGES = ("sentences", "quotes", "claims", "people")

Check = Callable[[Any], bool]


class Kept:
    """The kept stages of one document's analysis: `get` one, `put` one as it is made."""

    def __init__(self, path: Path, text_length: int) -> None:
        self.path = path
        self._length = text_length
        self._raw: dict[str, list[tuple[Any, ...]]] | None = None
        self._lock = threading.Lock()

    def has(self, *stages: str) -> bool:
        """Whether all these stages are kept (and not found bad so far)."""
        raw = self._read()
        return all(stage in raw for stage in stages)

    def get(self, stage: str) -> list[Any] | None:
        """The stage's result as it was kept, or None: not kept, or not what the stage makes."""
        rows = self._read().get(stage)
        if rows is None:
            return None
        made = _decode(stage, rows, self._length)
        if made is None:
            with self._lock:
                self._raw = {}  # one bad part, and none of the file is trusted
        return made

    def put(self, stage: str, made: Sequence[Any]) -> None:
        """Keep a stage's result with those kept before (a failure to write is no error)."""
        fields = attrgetter(*_FIELDS[stage])
        rows = [fields(item) for item in made]
        with self._lock:
            raw = {**self._read(), stage: rows}
            if write_marshalled(self.path, _HEADER, raw):
                self._raw = raw
                keep_newest(self.path.parent, "*.marshal", _KEEP)

    def _read(self) -> dict[str, list[tuple[Any, ...]]]:
        if self._raw is None:
            self._raw = _load(self.path)
        return self._raw


def for_document(read: Document) -> Kept | None:
    """The kept analysis of `read` (what the stages read), or None when a document that
    size is not kept or other weights are in use."""
    if len(read.text) < BOOK_LENGTH or any(os.environ.get(name) for name in _WEIGHTS):
        return None
    digest = hashlib.sha256(_code_tag())
    digest.update(repr((read.author, read.blocks)).encode())  # every field of every block
    digest.update(read.text.encode("utf-8", "surrogatepass"))
    return Kept(cache_dir() / "analysis" / f"{digest.hexdigest()}.marshal", len(read.text))


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


def _load(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    raw = read_marshalled(path, _HEADER)
    if not isinstance(raw, dict) or not all(stage in STAGES and isinstance(rows, list) for stage, rows in raw.items()):
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


def _decode(stage: str, rows: list[Any], length: int) -> list[Any] | None:
    """`rows` made into the stage's objects, or None if any is not what the stage makes."""
    make, checks = _kinds()[stage]

    def offset(value: Any) -> bool:
        return type(value) is int and 0 <= value <= length

    def offsets(value: Any) -> bool:
        return type(value) is tuple and all(offset(item) for item in value)

    placed: dict[str, Check] = {"offset": offset, "offsets": offsets, "offset?": _maybe(offset)}
    resolved = [placed[check] if isinstance(check, str) else check for check in checks]
    made = []
    for row in rows:
        if type(row) is not tuple or len(row) != len(resolved):
            return None
        if not all(check(value) for check, value in zip(resolved, row, strict=True)):
            return None
        item = make(*row)
        if getattr(item, "start", 0) > getattr(item, "end", 0):
            return None
        made.append(item)
    return made


_FIELDS = {
    "sentences": ("start", "end"),
    "quotes": ("start", "end", "kind", "speaker", "speaker_start", "speaker_end", "cue", "depth"),
    "claims": ("start", "end", "kind", "cues", "source", "source_start", "source_end", "checkable"),
    "people": ("name", "aliases", "gender", "descriptions", "mentions", "narrator"),
}
"""Each stage's object, as the fields kept, in the order its class takes them."""

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
