from __future__ import annotations

import io
from pathlib import Path

import pytest

from content import ContentError, load_document
from content.markdown import parse_markdown
from content.plaintext import parse_plain_text
from tests.conftest import FIXTURES


def block_texts(document) -> list[str]:  # type: ignore[no-untyped-def]
    return [document.text[b.start : b.end] for b in document.blocks]


def test_plain_text_paragraphs_split_on_blank_lines() -> None:
    doc = parse_plain_text("Title Here\n\nFirst line\nstill first.\n\nSecond.", "x")
    assert block_texts(doc) == ["Title Here", "First line\nstill first.", "Second."]
    assert doc.title == "Title Here"
    assert doc.blocks[0].kind == "heading"


def test_plain_text_without_blank_lines_splits_on_single_newlines() -> None:
    doc = parse_plain_text("A headline\nFirst paragraph.\nSecond paragraph.", "x")
    assert block_texts(doc) == ["A headline", "First paragraph.", "Second paragraph."]


_LONG = (
    "The last ferry of the day had already gone when Mira Holt reached the slipway, her bag over "
    "one shoulder and the rain coming in sideways off the water."
)


def test_a_file_with_a_paragraph_on_each_line_splits_on_its_lines_despite_a_blank_line() -> None:
    # One long line per paragraph, and a blank line only after the first heading: each line is
    # a paragraph (a heading, a speech broken off with its mark), but one that stops
    # mid-sentence goes on into the next.
    text = (
        f"CHAPTER ONE\n\n{_LONG}\n“Is there another crossing tonight, or “\n“None.”\n"
        "The harbourmaster, who had\nheard it all before, shrugged.\nCHAPTER TWO\n"
        f"{_LONG}\n"
    )
    assert block_texts(parse_plain_text(text, "x"))[1:] == [
        _LONG,
        "“Is there another crossing tonight, or “",
        "“None.”",
        "The harbourmaster, who had\nheard it all before, shrugged.",
        "CHAPTER TWO",
        _LONG,
    ]


def test_a_file_that_indents_its_paragraphs_splits_before_each_indented_line() -> None:
    text = (
        "  The last ferry of the day had gone when Mira Holt\nreached the slipway.\n"
        "  “Is there another crossing?”\n  “Not since noon.”\n"
        "  The harbourmaster went back to\nhis ledger.\n"
    )
    assert block_texts(parse_plain_text(text, "x")) == [
        "The last ferry of the day had gone when Mira Holt\nreached the slipway.",
        "“Is there another crossing?”",
        "“Not since noon.”",
        "The harbourmaster went back to\nhis ledger.",
    ]


def test_wrapped_paragraphs_keep_a_line_that_starts_with_a_space_and_a_poem_keeps_its_lines() -> None:
    wrapped = "“The boat is late again, and the wind is rising,”\n said Ines. “The ferry board\nmet twice.”"
    poem = "    The tide goes out,\n    the tide comes in,\n    the ferry waits."
    # (A wrapped novel's lines: a line that starts with a space is rare among them.)
    filler = "\n".join(["The harbour lights came on one by one along the wall"] * 40)
    prose = "\n\n".join([wrapped, "Short one.", poem, filler])
    assert block_texts(parse_plain_text(prose, "x")) == [wrapped, "Short one.", poem.strip(), filler]


def test_a_sentence_is_not_taken_for_a_title() -> None:
    doc = parse_plain_text("This is the first sentence of the story.\n\nAnd another.", "x", "fallback")
    assert doc.title == "fallback"
    assert doc.blocks[0].kind == "paragraph"


def test_trailing_share_widgets_are_dimmed_but_kept() -> None:
    text = "Title\n\nThe story.\n\nShare.\nShare on Facebook\n\nAdvertisement\n\nExit mobile version"
    doc = parse_plain_text(text, "x")
    assert doc.text == text
    flags = [(doc.text[b.start : b.end], b.boilerplate) for b in doc.blocks]
    assert flags == [
        ("Title", False),
        ("The story.", False),
        ("Share.\nShare on Facebook", True),
        ("Advertisement", True),
        ("Exit mobile version", True),
    ]


def test_boilerplate_words_inside_the_story_are_not_dimmed() -> None:
    doc = parse_plain_text("Title\n\nShare.\n\nThe story ends here.", "x")
    assert not any(b.boilerplate for b in doc.blocks)


def test_markdown_renders_structure_without_syntax() -> None:
    doc = parse_markdown((FIXTURES / "field-notes.md").read_text(), "field-notes.md")
    texts = block_texts(doc)
    assert doc.title == "Field Notes on the [Tide] Survey"
    assert texts[0] == "Field Notes on the [Tide] Survey"
    assert "*" not in doc.text and "](" not in doc.text and "```" not in doc.text
    kinds = [b.kind for b in doc.blocks]
    assert kinds == [
        "heading",
        "paragraph",
        "quote",
        "quote",
        "heading",
        "list_item",
        "list_item",
        "list_item",
        "code",
        "paragraph",
    ]
    quote_depths = [b.quote_depth for b in doc.blocks if b.kind == "quote"]
    assert quote_depths == [1, 2]
    markers = [b.marker for b in doc.blocks if b.kind == "list_item"]
    assert markers == ["1.", "2.", "•"]
    styles = {(doc.text[i.start : i.end], i.kind) for i in doc.inline}
    assert {("Gullrock", "emphasis"), ("harbour log", "strong"), ("0", "code"), ("full report", "link")} <= styles
    assert "[a.m.] and [@click=app.quit] stays literal" in doc.text


def test_markdown_tables_are_laid_out_in_columns() -> None:
    doc = parse_markdown(
        "# Fees\n\n| Boat | Length | Fee |\n|---|---|---|\n| *Gannet* | 9 | £120 |\n"
        "| [The Long Reach](https://example.org/boat) | 14.5 | £310 |\n| 海燕 | 7 | £90 |\n",
        "fees.md",
    )
    (table,) = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "code"]
    assert table.splitlines() == [
        "Boat           │ Length │ Fee",
        "───────────────┼────────┼─────",
        "Gannet         │ 9      │ £120",
        "The Long Reach │ 14.5   │ £310",
        "海燕           │ 7      │ £90",  # two columns each: the bars line up on screen
    ]


def test_every_block_is_a_span_of_the_text() -> None:
    doc = parse_markdown((FIXTURES / "field-notes.md").read_text(), "f.md")
    for block in doc.blocks:
        assert 0 <= block.start <= block.end <= len(doc.text)
        assert doc.text[block.start : block.end] == doc.text[block.start : block.end].strip("\n")


def test_sample_article_loads_with_title_and_boilerplate() -> None:
    doc = load_document(None)
    assert doc.title.startswith("The Lighthouse Ledger")
    assert doc.source == "postil:sample"
    assert doc.blocks[-1].boilerplate
    assert 1300 < len(doc.text.split()) < 1800
    assert "[sic]" in doc.text


def test_load_file_and_stdin(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(b"Headline\r\n\r\nBody text \x1b[2Jhere.")
    doc = load_document(str(path))
    assert doc.source == str(path.resolve())
    assert doc.text == "Headline\n\nBody text here."
    piped = load_document("-", stdin=io.BytesIO(b"# Piped\n\nSome *markdown*."))
    assert piped.format == "markdown" and piped.title == "Piped"


def test_markdown_suffix_selects_markdown(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text("# Heading\n\nBody.")
    assert load_document(str(path)).format == "markdown"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: p, "is a directory"),
        (lambda p: p / "missing.txt", "no such file"),
    ],
)
def test_unreadable_sources_give_one_line_errors(tmp_path: Path, setup, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ContentError, match=message) as caught:
        load_document(str(setup(tmp_path)))
    assert "\n" not in str(caught.value)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    with pytest.raises(ContentError, match="binary"):
        load_document(str(path))


def test_fifo_is_refused(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ContentError, match="not a regular file"):
        load_document(str(fifo))


def test_cp1252_and_invalid_utf8_decode_without_error(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes("Title\n\nIt\x92s \x93quoted\x94.".encode("latin-1"))
    assert load_document(str(path)).text == "Title\n\nIt’s “quoted”."
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Title\n\ncaf\xc3\xa9 \xff ok")
    assert load_document(str(bad)).text == "Title\n\ncafé \ufffd ok"


def test_a_book_that_opens_with_a_division_takes_its_title_from_its_header_or_file_name(tmp_path: Path) -> None:
    body = "BOOK ONE: 1805\n\nCHAPTER I\n\nIt was in July. The guests were late.\n"
    named = tmp_path / "war_and_peace.txt"
    named.write_text(body)
    book = load_document(str(named))
    assert book.title == "War and Peace"
    assert (book.blocks[0].kind, book.blocks[0].level) == ("heading", 2)  # a division, drawn as one
    headed = tmp_path / "pg2600.txt"
    headed.write_text("Title: The Harbour Years\nAuthor: Nessa Quayle\n\n" + body.replace("BOOK ONE", "PART ONE"))
    assert load_document(str(headed)).title == "The Harbour Years"  # the header's Title: line
    article = tmp_path / "notes.txt"
    article.write_text("Harbour Vote Delayed\n\nThe council met. Title: none was agreed.\n")
    assert load_document(str(article)).title == "Harbour Vote Delayed"  # a real first line stays the title
