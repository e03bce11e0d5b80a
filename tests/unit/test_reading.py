from __future__ import annotations

from content import Span
from content.analysis import analyse
from content.plaintext import parse_plain_text
from tui.reading import Reading

DOC = parse_plain_text("Title\n\nOne. Two. Three.\n\nFour. Five.", "x")


def text_of(span: Span | None) -> str:
    assert span is not None
    return DOC.text[span.start : span.end]


def test_sentence_keys_walk_forward_and_back() -> None:
    reading = Reading(analyse(DOC))
    seen = []
    while (cursor := reading.move("sentence", True)) is not None:
        seen.append(text_of(cursor.span))
    assert seen == ["Title", "One.", "Two.", "Three.", "Four.", "Five."]
    assert text_of(reading.move("sentence", False).span) == "Four."  # type: ignore[union-attr]


def test_paragraph_keys() -> None:
    reading = Reading(analyse(DOC))
    reading.move("paragraph", True)
    assert text_of(reading.move("paragraph", True).span) == "One. Two. Three."  # type: ignore[union-attr]
    assert text_of(reading.move("paragraph", False).span) == "Title"  # type: ignore[union-attr]


def test_a_cursor_scrolled_out_of_view_restarts_on_screen() -> None:
    reading = Reading(analyse(DOC))
    reading.move("sentence", True)
    on_screen = Span(DOC.text.index("Four."), len(DOC.text))
    assert text_of(reading.move("sentence", True, on_screen).span) == "Four."  # type: ignore[union-attr]


def test_selection_spans_from_anchor_to_cursor() -> None:
    reading = Reading(analyse(DOC))
    reading.move("sentence", True)
    reading.move("sentence", True)
    assert reading.toggle_selection()
    reading.move("sentence", True)
    reading.move("sentence", True)
    assert text_of(reading.selection) == "One. Two. Three."
    assert reading.target() == (reading.selection, "selection")
    assert not reading.toggle_selection() and reading.selection is None


BOOK = parse_plain_text(
    "A Book\n\nCHAPTER I\n\n"
    + "\n\n".join(f"Paragraph {n} opens here. Mr. Vale said it twice. It ends, at 3 p.m. sharp." for n in range(40))
    + "\n\nCHAPTER II\n\nThe last line.",
    "book.txt",
)


def _walk(reading: Reading, forward: bool, visible: Span | None = None) -> list[tuple[int, int]]:
    seen = []
    while (cursor := reading.move("sentence", forward, visible)) is not None:
        seen.append((cursor.span.start, cursor.span.end))
        visible = None
    return seen


def test_before_the_book_is_split_the_keys_split_the_paragraphs_they_reach() -> None:
    """`)` and `(` work at once on a book still being split, and go exactly where they go
    once the whole split is done; the whole split is not forced by them."""
    early = Reading(analyse(BOOK))
    forward, backward = _walk(early, True), _walk(early, False)
    landing = Span(BOOK.text.index("Paragraph 20"), BOOK.text.index("Paragraph 23"))
    early.cursor = None
    landed = early.move("sentence", True, landing)
    assert not early.sentences_ready()
    assert early.counts() == ("sentence", 0, 0)  # the status line says it is still counting

    done = Reading(analyse(BOOK))
    done.analysis.sentences  # noqa: B018 - the background split, finished
    assert done.sentences_ready()
    assert forward == _walk(done, True) == [(s.start, s.end) for s in done.sentences]
    assert backward == _walk(done, False)
    done.cursor = None
    assert landed is not None and landed.span == done.move("sentence", True, landing).span  # type: ignore[union-attr]
    assert BOOK.text[landed.span.start :].startswith("Paragraph 20 opens here.")
