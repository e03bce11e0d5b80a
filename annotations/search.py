"""`postil search`: find highlights and notes across every annotated document.

A passage matches when the words are in its highlighted text, its note or its tags, in
smart case (lower-case words match any case; a capital asks for that case). `--tag` keeps
the passages that carry every tag given. Every file is read as untrusted: one that cannot be
read is skipped and named, and nothing in it is taken for anything but text.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotations.library import _annotation_files


@dataclass(frozen=True)
class Found:
    title: str
    source: str
    file: Path
    id: str
    exact: str
    note: str
    tags: tuple[str, ...]
    color: str
    start: int | None

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "source": self.source,
            "file": str(self.file),
            "id": self.id,
            "exact": self.exact,
            "note": self.note,
            "tags": list(self.tags),
            "color": self.color,
            "start": self.start,
        }


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _matches(needle: str, haystack: str) -> bool:
    return needle in (haystack if any(ch.isupper() for ch in needle) else haystack.casefold())


def search(base: Path, text: str, tags: list[str] | None = None) -> tuple[list[Found], list[str]]:
    """Every annotation that matches, document by document, and a line for each file that
    could not be read."""
    wanted = {tag.lstrip("#").casefold() for tag in tags or [] if tag.strip("# ")}
    needle = text if any(ch.isupper() for ch in text) else text.casefold()
    found: list[Found] = []
    problems: list[str] = []
    for path in _annotation_files(base):
        try:
            raw = tomllib.loads(path.read_bytes().decode("utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError) as error:
            problems.append(
                f"{path}: cannot be read ({str(error).splitlines()[0] if str(error) else error!r}); skipped"
            )
            continue
        found_document = raw.get("document")
        document: dict[str, Any] = found_document if isinstance(found_document, dict) else {}
        listed = raw.get("annotation")
        for table in listed if isinstance(listed, list) else []:
            if not isinstance(table, dict):
                continue
            exact, note = _text(table.get("exact")), _text(table.get("note"))
            raw_tags = table.get("tags")
            its_tags = tuple(t for t in raw_tags if isinstance(t, str)) if isinstance(raw_tags, list) else ()
            if wanted and not wanted <= {t.casefold() for t in its_tags}:
                continue
            if needle and not any(_matches(needle, field) for field in (exact, note, " ".join(its_tags))):
                continue
            start = table.get("start")
            found.append(
                Found(
                    title=_text(document.get("title")) or path.stem,
                    source=_text(document.get("source")),
                    file=path,
                    id=_text(table.get("id")),
                    exact=exact,
                    note=note,
                    tags=its_tags,
                    color=_text(table.get("color")),
                    start=start if isinstance(start, int) and not isinstance(start, bool) else None,
                )
            )
    return found, problems
