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
