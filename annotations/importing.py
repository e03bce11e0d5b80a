"""Annotations in: postil's own W3C JSON export, and Kindle's "My Clippings.txt".

Nothing is duplicated: an annotation whose id is already in the store, or whose exact
text is already highlighted at the same place, is skipped. Text that cannot be found in
the document is counted as unmatched and not added; an annotation that was already an
orphan when postil exported it comes back as an orphan, so a round trip loses nothing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from annotations.anchor import anchor
from annotations.errors import StoreError
from annotations.model import COLORS, KINDS, Annotation, new_id, now
from annotations.store import AnnotationStore


class ImportFormatError(StoreError):
    """The file to import is not something postil can read."""


@dataclass
class ImportResult:
    added: int = 0
    skipped: int = 0
    unmatched: int = 0
    orphaned: int = 0
    other_books: int = 0
    unmatched_texts: list[str] = field(default_factory=list)

    def summary(self) -> str:
        line = f"added {self.added}, skipped {self.skipped}, unmatched {self.unmatched}"
        if self.orphaned:
            line += f" ({self.orphaned} of the added are orphans, as they were when exported)"
        if self.other_books:
            line += f"; {self.other_books} clippings from other books ignored"
        return line


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _web_annotations(payload: Any) -> list[dict[str, Any]]:
    """The annotations in a collection, a page, a list, or a single annotation."""
    if isinstance(payload, list):
        return [entry for entry in payload if isinstance(entry, dict)]
    if not isinstance(payload, dict):
        return []
    kind = payload.get("type")
    if kind == "AnnotationCollection":
        first = payload.get("first")
        items: list[Any] = []
        if isinstance(first, dict):
            items = _as_list(first.get("items"))
        return [entry for entry in items + _as_list(payload.get("items")) if isinstance(entry, dict)]
    if kind == "AnnotationPage":
        return [entry for entry in _as_list(payload.get("items")) if isinstance(entry, dict)]
    return [payload] if kind == "Annotation" else []


def web_annotation_source(payload: Any) -> str | None:
    """The document the JSON was exported from, when it says."""
    if isinstance(payload, dict) and isinstance(payload.get("postil:source"), str):
        return str(payload["postil:source"])
    for entry in _web_annotations(payload):
        for target in _as_list(entry.get("target")):
            if isinstance(target, dict) and isinstance(target.get("source"), str):
                return str(target["source"])
            if isinstance(target, str):
                return target
    return None


def _from_web_annotation(entry: dict[str, Any], taken: set[str]) -> tuple[Annotation, bool] | None:
    exact = prefix = suffix = None
    start = end = -1
    for target in _as_list(entry.get("target")):
        if not isinstance(target, dict):
            continue
        for selector in _as_list(target.get("selector")):
            if not isinstance(selector, dict):
                continue
            if selector.get("type") == "TextQuoteSelector" and isinstance(selector.get("exact"), str):
                exact, prefix, suffix = selector["exact"], selector.get("prefix", ""), selector.get("suffix", "")
            elif (
                selector.get("type") == "TextPositionSelector"
                and isinstance(selector.get("start"), int)
                and isinstance(selector.get("end"), int)
            ):
                start, end = selector["start"], selector["end"]
    if not exact:
        return None
    note_parts: list[str] = []
    tags: list[str] = []
    for body in _as_list(entry.get("body")):
        if isinstance(body, dict) and isinstance(body.get("value"), str):
            (tags if body.get("purpose") == "tagging" else note_parts).append(body["value"])
    if isinstance(entry.get("bodyValue"), str):
        note_parts.append(entry["bodyValue"])
    wanted = entry.get("postil:id")
    annotation_id = wanted if isinstance(wanted, str) and wanted and wanted not in taken else new_id(taken)
    color = entry.get("postil:color")
    kind = entry.get("postil:kind")
    created = _time(entry.get("created")) or now()
    annotation = Annotation(
        id=annotation_id,
        exact=exact,
        start=start,
        end=end if end >= 0 else start + len(exact),
        prefix=prefix if isinstance(prefix, str) else "",
        suffix=suffix if isinstance(suffix, str) else "",
        kind=kind if kind in KINDS else "selection",
        color=color if color in COLORS else "yellow",
        note="\n\n".join(note_parts),
        tags=[tag for tag in tags if tag],
        created=created,
        updated=_time(entry.get("modified")) or created,
        speaker=str(entry.get("postil:speaker") or ""),
    )
    return annotation, entry.get("postil:orphan") is True


def _same(a: Annotation, b: Annotation) -> bool:
    """The same highlight: the same passage with the same note, tags and colour. Two different
    annotations of one passage are both real, and both are kept."""
    return (a.exact, a.start, a.note, a.tags, a.color) == (b.exact, b.start, b.note, b.tags, b.color)


def _already_there(store: AnnotationStore, annotation: Annotation) -> bool:
    return any(_same(a, annotation) for a in store.annotations)


def import_web_annotations(store: AnnotationStore, payload: Any) -> ImportResult:
    entries = _web_annotations(payload)
    if not entries:
        raise ImportFormatError("no W3C Web Annotations found (expected an AnnotationCollection, page or list)")
    result = ImportResult()
    incoming: list[Annotation] = []
    orphans: set[str] = set()
    for entry in entries:
        if isinstance(entry.get("postil:id"), str) and entry["postil:id"] in store.ids():
            result.skipped += 1
            continue
        made = _from_web_annotation(entry, store.ids() | {a.id for a in incoming})
        if made is None:
            result.unmatched += 1
            continue
        annotation, was_orphan = made
        placed = anchor(annotation, store.text)
        if placed is not None:
            annotation.start, annotation.end = placed
            if _already_there(store, annotation) or any(_same(a, annotation) for a in incoming):
                result.skipped += 1
                continue
        elif was_orphan:
            orphans.add(annotation.id)
            result.orphaned += 1
        else:
            result.unmatched += 1
            result.unmatched_texts.append(annotation.exact)
            continue
        incoming.append(annotation)
    store.add_all(incoming, orphans=orphans)
    result.added = len(incoming)
    return result


def read_json(text: str) -> Any:
    try:
        return json.loads(text)
    except RecursionError:
        raise ImportFormatError("not a postil export: arrays or objects nested too deeply") from None
    except ValueError as error:
        if not isinstance(error, json.JSONDecodeError):  # an integer of thousands of digits
            raise ImportFormatError(f"not a postil export: {error}".split(";")[0]) from None
        raise ImportFormatError(f"not valid JSON (line {error.lineno}: {error.msg})") from None


# -- Kindle ------------------------------------------------------------------------------

_SEPARATOR = re.compile(r"^=========={0,}\s*$", re.MULTILINE)
_META = re.compile(
    r"^-\s*Your\s+(?P<kind>Highlight|Note|Bookmark|Clip)\b(?P<where>.*?)\|\s*Added on\s+(?P<added>.+?)\s*$",
    re.IGNORECASE,
)
_LOCATION = re.compile(r"Location\s+(\d+)(?:\s*-\s*(\d+))?", re.IGNORECASE)
_DATE_FORMATS = (
    "%A, %d %B %Y %H:%M:%S",
    "%A, %B %d, %Y %I:%M:%S %p",
    "%A, %B %d, %Y %H:%M:%S",
    "%d %B %Y %H:%M:%S",
)


@dataclass(frozen=True)
class Clipping:
    title: str
    author: str
    kind: str
    """highlight, note or bookmark."""
    location: tuple[int, int] | None
    added: datetime | None
    text: str


def split_title(line: str) -> tuple[str, str]:
    """`The Lighthouse Ledger (Nessa Quayle)` → title and author; the last parentheses are the author."""
    line = line.strip().lstrip("\ufeff")
    match = re.match(r"^(?P<title>.*?)\s*\((?P<author>[^()]*)\)\s*$", line)
    if match and match.group("title"):
        return match.group("title").strip(), match.group("author").strip()
    return line, ""


def _added(value: str) -> datetime | None:
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), pattern).replace(tzinfo=UTC)
        except ValueError:
            continue
    return None


def parse_clippings(text: str) -> list[Clipping]:
    clippings = []
    for chunk in _SEPARATOR.split(text.replace("\r\n", "\n").lstrip("\ufeff")):
        lines = chunk.strip("\n").split("\n")
        if len(lines) < 2:
            continue
        meta = _META.match(lines[1].strip())
        if meta is None:
            continue
        title, author = split_title(lines[0])
        where = _LOCATION.search(meta.group("where"))
        location = None
        if where:
            first = int(where.group(1))
            location = (first, int(where.group(2) or first))
        body = "\n".join(lines[2:]).strip()
        kind = meta.group("kind").lower()
        clippings.append(Clipping(title, author, kind, location, _added(meta.group("added")), body))
    return clippings


def looks_like_clippings(text: str) -> bool:
    return bool(_SEPARATOR.search(text)) and "Added on" in text


class PassageIndex:
    """Where passages are in a text, indexed once: by their first words, with any white space
    between words (Kindle joins lines and collapses white space). Finding a clipping is then a
    dictionary lookup, not a scan of the whole book."""

    _KEY = 3

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = [(m.start(), m.end(), m.group()) for m in re.finditer(r"\S+", text)]
        self.starts: dict[tuple[str, ...], list[int]] = {}
        for index in range(len(self.words)):
            key = tuple(word for _, _, word in self.words[index : index + self._KEY])
            self.starts.setdefault(key, []).append(index)

    def find(self, passage: str) -> tuple[int, int] | None:
        """The first place the passage occurs, as (start, end); None if it does not."""
        tokens = passage.split()
        if not tokens:
            return None
        for index in self.starts.get(tuple(tokens[: self._KEY]), ()):
            run = self.words[index : index + len(tokens)]
            if len(run) == len(tokens) and all(word == token for (_, _, word), token in zip(run, tokens, strict=True)):
                return run[0][0], run[-1][1]
        # A passage that starts or ends inside a word: the plain search, once.
        found = self.text.find(passage)
        return (found, found + len(passage)) if found != -1 else None


def import_clippings(
    store: AnnotationStore,
    title: str,
    clippings: list[Clipping],
    progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Import the clippings of the book whose text is the store's document.

    Linear in the clippings: the text is indexed once, and duplicates and ids are sets.
    `progress` is called now and then with (clippings done, clippings in all).
    """
    text = store.text
    index = PassageIndex(text)
    result = ImportResult()
    places = {id(c): index.find(c.text) for c in clippings if c.kind == "highlight" and c.text}
    found_in_text = {(c.title, c.author) for c in clippings if places.get(id(c)) is not None}
    ours = {(c.title, c.author) for c in clippings if c.title.casefold() == title.casefold()} | found_in_text
    incoming: list[Annotation] = []
    changed: set[str] = set()
    by_location: dict[int, Annotation] = {}
    taken = set(store.ids())
    existing: dict[tuple[int, str], Annotation] = {(a.start, a.exact): a for a in store.annotations}
    for done, clip in enumerate(clippings, 1):
        if progress is not None and (done % 1000 == 0 or done == len(clippings)):
            progress(done, len(clippings))
        if (clip.title, clip.author) not in ours:
            result.other_books += 1
            continue
        if clip.kind in ("bookmark", "clip") or (clip.kind == "highlight" and not clip.text):
            result.skipped += 1
            continue
        if clip.kind == "note":
            target = by_location.get(clip.location[1]) if clip.location else None
            if target is None and clip.location:
                target = by_location.get(clip.location[0])
            if target is None:
                result.unmatched += 1
                result.unmatched_texts.append(clip.text)
            elif clip.text in target.note:
                result.skipped += 1
            else:
                target.note = "\n\n".join(part for part in (target.note, clip.text) if part)
                if target not in incoming:
                    changed.add(target.id)
            continue
        place = places.get(id(clip))
        if place is None:
            result.unmatched += 1
            result.unmatched_texts.append(clip.text)
            continue
        start, end = place
        duplicate = existing.get((start, text[start:end]))
        if duplicate is not None:
            result.skipped += 1
            if clip.location:
                by_location.setdefault(clip.location[1], duplicate)
            continue
        annotation = Annotation.on_text(text, start, end, id=new_id(taken))
        taken.add(annotation.id)
        existing[(start, annotation.exact)] = annotation
        if clip.added is not None:
            annotation.created = annotation.updated = clip.added
        incoming.append(annotation)
        if clip.location:
            by_location[clip.location[1]] = annotation
    store.add_all(incoming, changed=changed)
    result.added = len(incoming)
    return result
