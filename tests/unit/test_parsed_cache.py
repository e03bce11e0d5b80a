"""A big annotation file's tables are kept in the cache, each by its text: read back, they must
be exactly what tomllib reads, for that text only; an edit is parsed alone; and a damaged
cache changes nothing."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import tomllib
from pathlib import Path

import pytest

from annotations import Annotation, AnnotationStore, DocumentInfo
from annotations.parsed import SMALLEST, read_tables, thaw
from annotations.store import _pieces

TEXT = "Title\n\nThe mayor said the vote was close. Critics disagreed. The vote was close."
HEAD = """# Notes on the vote, kept by hand.
schema = 1
mood = { since = 1979-05-27, at = 07:32:00.5, local = 1979-05-27T07:32:00, far = 9223372036854775807 }

[document]
title = "Title"
source = "/tmp/article.txt"
fingerprint = "sha256:abc"
format = "text"
opened = 1979-05-27T07:32:00.999999+05:30
"""
ANNOTATION = """
[[annotation]]
id = "n{number:05d}"
exact = "Critics disagreed."
prefix = " mayor said the vote was close. "
suffix = " The vote was close."
start = 42
end = 60
kind = "selection"
color = "yellow"
note = "note {number} ✓ — “quoted”"
tags = ["vote", "x{number}"]
created = 2026-12-05T10:00:00Z
updated = 2026-12-05T10:00:{seconds:02d}-08:00
ratio = {number}.5
"""


def info() -> DocumentInfo:
    return DocumentInfo(title="Title", source="/tmp/article.txt", fingerprint="sha256:abc", format="text")


def big_file(path: Path) -> bytes:
    text = HEAD + "".join(ANNOTATION.format(number=n, seconds=n % 60) for n in range(700))
    path.write_text(text, encoding="utf-8")
    data = path.read_bytes()
    assert len(data) >= SMALLEST
    return data


def opened(path: Path, write: bool = False) -> AnnotationStore:
    return AnnotationStore.open(path, TEXT, info(), strict=True, write=write)


def seen(store: AnnotationStore) -> tuple[str, str, str]:
    return repr(store.annotations), repr(store.extra), repr(store.info.extra)


def parsed_files(isolated_dirs: Path) -> list[Path]:
    return sorted((isolated_dirs / "cache" / "parsed").glob("*.marshal"))


def test_a_big_file_read_back_from_the_cache_is_exactly_what_tomllib_reads(isolated_dirs: Path) -> None:
    path = isolated_dirs / "notes.toml"
    data = big_file(path)
    first = seen(opened(path))
    kept = read_tables(path)
    _head, pieces = _pieces(data.decode())
    assert len(kept) == len(pieces) == 700
    for piece in pieces:
        # repr, not ==: equal aware datetimes in other zones would compare equal.
        assert repr(thaw(kept[piece])) == repr(tomllib.loads(piece)["annotation"][0])
    assert seen(opened(path)) == first
    assert "datetime.timezone(datetime.timedelta(days=-1, seconds=57600))" in first[0]


def test_after_an_edit_only_the_edited_note_is_parsed_again(
    isolated_dirs: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = isolated_dirs / "notes.toml"
    big_file(path)
    opened(path)
    path.write_text(path.read_text().replace('note = "note 5 ✓', 'note = "changed by hand ✓'))
    parsed: list[str] = []
    loads = tomllib.loads
    monkeypatch.setattr(tomllib, "loads", lambda text: parsed.append(text) or loads(text))
    notes = [a.note for a in opened(path).annotations]
    assert notes[5].startswith("changed by hand") and notes[6].startswith("note 6") and len(notes) == 700
    assert len(parsed) == 2 and "changed by hand" in parsed[1]  # the head, and the note


def test_a_damaged_or_misplaced_cache_file_is_not_used(isolated_dirs: Path) -> None:
    path = isolated_dirs / "notes.toml"
    big_file(path)
    expected = seen(opened(path))
    [kept] = parsed_files(isolated_dirs)
    good = kept.read_bytes()
    for damaged in (good[: len(good) // 2], good[:-8] + bytes(8), b"", b"postil parsed toml 2\n"):
        kept.write_bytes(damaged)
        assert seen(opened(path)) == expected
    # Another file's tables under this file's name: their checksum is good, their owner is not.
    other = isolated_dirs / "other.toml"
    other.write_text(path.read_text().replace("note 1 ✓", "another file's note ✓"))
    opened(other)
    [other_kept] = [p for p in parsed_files(isolated_dirs) if p != kept]
    kept.write_bytes(other_kept.read_bytes())
    assert seen(opened(path)) == expected


def test_after_a_cached_read_an_add_still_keeps_every_untouched_note_as_written(isolated_dirs: Path) -> None:
    """`list` keeps the parse; the reader then opens the file from it, and its first add must
    still write the hand-written notes back as they were (the save cache starts full)."""
    path = isolated_dirs / "notes.toml"
    big_file(path)
    opened(path)  # as `list` does: the file whole
    opened(path, write=True)  # as the reader does: one annotation at a time, kept as such
    store = opened(path, write=True)  # the next time the reader opens it, from the cache
    store.add(Annotation.on_text(TEXT, 7, 21, id="zz0001"))
    written = path.read_text()
    assert len(tomllib.loads(written)["annotation"]) == 701 and 'id = "zz0001"' in written
    # Written again by tomli-w, a list of tags takes one line per tag: these are as written.
    assert written.count('\ntags = ["vote", "x') == 700


def test_list_prints_the_same_from_the_cache(isolated_dirs: Path) -> None:
    article = isolated_dirs / "article.txt"
    article.write_text(TEXT)

    def listed() -> str:
        where = subprocess.run([sys.executable, "-m", "tui", "where", str(article)], capture_output=True, text=True)
        target = Path(where.stdout.strip())
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            big_file(target)
        run = subprocess.run([sys.executable, "-m", "tui", "list", str(article)], capture_output=True, text=True)
        assert run.returncode == 0 and run.stderr == ""
        return run.stdout

    cold = listed()
    assert parsed_files(isolated_dirs) and "note 699" in cold
    assert listed() == cold


def test_a_fifo_where_the_parse_or_the_index_is_kept_is_not_read(isolated_dirs: Path) -> None:
    from annotations import parsed
    from annotations.index import _path as index_path
    from annotations.index import read_index

    path = isolated_dirs / "notes.toml"
    data = big_file(path)
    expected = seen(opened(path, write=True))  # as the reader opens it: the index is written too
    for kept in (parsed._path(path), index_path(hashlib.sha256(data).hexdigest())):
        kept.unlink()
        os.mkfifo(kept)
    # Opened non-blocking and seen not to be a file: read as no cache at all. (Checked in a
    # thread, so that a read that waits for a writer fails the test instead of hanging it.)
    results: list[object] = []

    def read() -> None:
        results.extend([parsed.read_tables(path), read_index(hashlib.sha256(data).hexdigest()), seen(opened(path))])

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=60)
    assert results == [{}, None, expected]


def test_values_toml_cannot_hold_are_parsed_again_not_trusted(isolated_dirs: Path) -> None:
    """marshal holds more than TOML (None, sets, bytes, other keys): a kept table with any of
    them, under a good checksum, is parsed from its text again."""
    from annotations.parsed import write_tables

    path = isolated_dirs / "notes.toml"
    big_file(path)
    expected = seen(opened(path))
    kept = read_tables(path)
    pieces = list(kept)
    odd = [None, {"a", "b"}, b"bytes", ("datetime", "not", "a", "date"), {1: "not a key"}]
    for piece, value in zip(pieces, odd, strict=False):
        kept[piece] = {**kept[piece], "note": value}
    write_tables(path, kept)
    assert seen(opened(path)) == expected
