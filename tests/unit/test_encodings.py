"""Articles in every encoding a reader meets, and the things that are not articles at all."""

from __future__ import annotations

import codecs
import os
import time
from pathlib import Path

import pytest

from content import ContentError, load_document

STORY = "Harbour news\n\n“It’s back,” said Édith Marsh — the lamp burns, naïvely bright. 2,300 hours.\n"
BODY = STORY.split("\n\n", 1)[1].strip()


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf-8", STORY.encode("utf-8")),
        ("utf-8 with BOM", codecs.BOM_UTF8 + STORY.encode("utf-8")),
        ("utf-16 LE with BOM", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le")),
        ("utf-16 BE with BOM", codecs.BOM_UTF16_BE + STORY.encode("utf-16-be")),
        ("utf-16 LE without BOM", STORY.encode("utf-16-le")),
        ("utf-16 BE without BOM", STORY.encode("utf-16-be")),
        ("utf-32 with BOM", STORY.encode("utf-32")),
        ("cp1252", STORY.encode("cp1252")),
    ],
)
def test_every_encoding_reads_back_the_same_text(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    document = load_document(str(path))
    assert document.text == STORY, name
    assert document.title == "Harbour news"


def test_latin1_bytes_that_cp1252_leaves_undefined(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Nouvelles\n\nLe café \x81 de la côte.".encode("latin-1"))
    assert load_document(str(path)).text == "Nouvelles\n\nLe café \x81 de la côte.".replace("\x81", "\ufffd")


def test_invalid_utf8_bytes_are_replaced_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("Harbour news\n\n“It’s back,” said Édith.".encode() + b" \xc3\x28 \xff\xfe end.")
    text = load_document(str(path)).text
    assert text.startswith("Harbour news\n\n“It’s back,” said Édith.")
    assert text.endswith(" end.") and "\ufffd" in text


def test_a_five_megabyte_single_line_opens(tmp_path: Path) -> None:
    from tui.layout import WrapModel

    sentence = "The lamp burned again, said the harbour master, and 2,300 hours were given. "
    path = tmp_path / "one-line.txt"
    path.write_text(sentence * (5_000_000 // len(sentence) + 1))
    assert path.stat().st_size > 5_000_000 and b"\n" not in path.read_bytes()
    document = load_document(str(path))
    model = WrapModel(document, 100)
    assert len(model) > 50_000
    first = model.rows[0]
    assert document.text[first.start : first.end].startswith("The lamp burned again, said the harbour master")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp, "is a directory"),
        (lambda tmp: _fifo(tmp / "pipe"), "not a regular file"),
        (lambda tmp: Path("/dev/zero"), "not a regular file"),
        (lambda tmp: _write(tmp / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 64), "binary"),
        (lambda tmp: _write(tmp / "archive.gz", b"\x1f\x8b\x08\x00" + bytes(4096)), "binary"),
    ],
)
def test_things_that_are_not_articles_are_refused_quickly(tmp_path: Path, make, message: str) -> None:  # type: ignore[no-untyped-def]
    began = time.monotonic()
    with pytest.raises(ContentError, match=message) as caught:
        load_document(str(make(tmp_path)))
    assert time.monotonic() - began < 2, "refusing must not read the whole thing first"
    assert "\n" not in str(caught.value)


def _fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
