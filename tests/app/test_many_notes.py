"""A document with hundreds of notes: the Notes pane lists a window of them, and every
note is still reached by keys."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from textual.widgets import OptionList

from annotations import Annotation, AnnotationStore
from annotations.session import document_info, store_path
from content import Document
from content.plaintext import parse_plain_text
from tui.widgets.pane import NOTES_WINDOW

COUNT = NOTES_WINDOW + 250


def _document() -> Document:
    body = "\n\n".join(f"Paragraph {n} says a thing worth noting, number {n}." for n in range(COUNT))
    return parse_plain_text("Many Notes\n\n" + body, "/tmp/many-notes.txt")


def _store(document: Document, data_dir: Path) -> list[Annotation]:
    store = AnnotationStore(store_path(document, data_dir), document_info(document))
    store.text = document.text
    for n in range(COUNT):
        start = document.text.index(f"Paragraph {n} says")
        end = document.text.index(".", start) + 1
        store.annotations.append(Annotation.on_text(document.text, start, end, id=f"n{n:04d}", note=f"note {n}"))
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.save()
    return store.annotations


def _rows(notes: OptionList) -> list[str]:
    return [str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)]


def _app_with_many_notes(build, data_dir: Path):  # type: ignore[no-untyped-def]
    document = _document()
    _store(document, data_dir)
    return build(document)


async def test_the_notes_pane_builds_a_window_and_reaches_every_note(build, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = _app_with_many_notes(build, data_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes", OptionList)
        rows = _rows(notes)
        assert "Paragraph 0 says" in rows[0]
        assert len(rows) == NOTES_WINDOW + 1 and "↓ 250 more" in rows[-1]
        assert f"{COUNT} notes" in str(app.screen.query_one("#status").render())

        await pilot.press("tab", "end")  # the pane: its last note, far past the window
        await pilot.pause()
        assert notes.highlighted_option is not None
        assert f"Paragraph {COUNT - 1} says" in str(notes.highlighted_option.prompt)
        assert "↑" in _rows(notes)[0]  # the rows before it are one "earlier" row now

        await pilot.press("home")
        await pilot.pause()
        assert "Paragraph 0 says" in str(notes.highlighted_option.prompt)
        for _ in range(40):  # paging down walks out of the first window: it moves along
            await pilot.press("pagedown")
        await pilot.pause()
        shown = str(notes.highlighted_option.prompt)
        number = int(shown.split("Paragraph ")[1].split()[0])
        assert number > NOTES_WINDOW
        # and the article follows the pane
        assert f"annotation {number + 1}/{COUNT}" in str(app.screen.query_one("#status").render())


async def test_stepping_to_a_far_annotation_shows_it_in_the_pane(build, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = _app_with_many_notes(build, data_dir)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("comma")  # from the top, the previous annotation wraps to the last
        await pilot.pause()
        notes = app.screen.query_one("#notes", OptionList)
        assert notes.highlighted_option is not None
        assert f"Paragraph {COUNT - 1} says" in str(notes.highlighted_option.prompt)
        assert "↓" not in _rows(notes)[-1]


async def test_a_large_file_of_notes_is_read_after_the_first_screen(
    build, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The article shows at once; the notes follow when read. A highlight tried before then
    is refused with a message, and nothing in the file is lost."""
    import annotations.session
    import tui.screens.reader

    document = _document()
    _store(document, data_dir)
    monkeypatch.setattr(annotations.session, "DEFER_ABOVE", 1000)  # the test's file counts as large
    release = threading.Event()
    real_open = AnnotationStore.open

    def slow_open(*args, **kwargs):  # type: ignore[no-untyped-def]
        release.wait(10)
        return real_open(*args, **kwargs)

    monkeypatch.setattr(tui.screens.reader.AnnotationStore, "open", slow_open)
    app = build(document)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        status = lambda: str(app.screen.query_one("#status").render())  # noqa: E731
        notes = app.screen.query_one("#notes", OptionList)
        assert "reading the notes" in status()
        assert "Reading your annotations" in _rows(notes)[0]
        await pilot.press("h")
        await pilot.pause()
        assert "reading the notes" in status()
        assert any("still being read" in n.message for n in app._notifications)

        release.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if f"{COUNT} notes" in status():
                break
        assert f"{COUNT} notes" in status()
        assert "Paragraph 0 says" in _rows(notes)[0]
        await pilot.press("h")  # the cursor is still on the title, which has no highlight
        await pilot.pause()
        assert f"{COUNT + 1} notes" in status()
    reread = AnnotationStore.open(store_path(document, data_dir), document.text, document_info(document))
    assert len(reread.annotations) == COUNT + 1


async def test_a_long_book_is_laid_out_as_it_is_read(build) -> None:  # type: ignore[no-untyped-def]
    """The first screen lays out only its own rows; the rest follows between keys, and a
    jump to the end shows the real last line at once."""
    body = "\n\n".join(f"Chapter line {n}: " + "words that wrap across the row " * 6 for n in range(3000))
    document = parse_plain_text("A Long Book\n\n" + body + "\n\nThe very last line.", "/tmp/long-book.txt")
    app = build(document)
    async with app.run_test(size=(100, 30)) as pilot:
        article = app.screen.query_one("#article")
        assert article.model is not None and not article.model.complete  # only the first rows yet
        await pilot.press("G")
        await pilot.pause()
        assert article.model.complete
        assert article.scroll_y == article.max_scroll_y
        assert article.visible_span().end == len(document.text)
        assert article.virtual_size.height == len(article.model.rows)  # the scroll bar is exact now


async def test_a_large_file_of_notes_that_cannot_be_read_is_one_line_not_a_traceback(
    build, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    import annotations.session
    import tui.screens.reader
    from annotations import StoreError

    document = _document()
    _store(document, data_dir)
    monkeypatch.setattr(annotations.session, "DEFER_ABOVE", 1000)

    def unreadable(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise StoreError("cannot read the notes: Permission denied")

    monkeypatch.setattr(tui.screens.reader.AnnotationStore, "open", unreadable)
    app = build(document)
    async with app.run_test(size=(120, 30)) as pilot:
        for _ in range(40):
            await pilot.pause(0.05)
            if not app.screen.store.pending:
                break
        status = str(app.screen.query_one("#status").render())
        assert "READ-ONLY" in status and "0 notes" in status
        await pilot.press("h")
        await pilot.pause()
        assert any("Permission denied" in n.message for n in app._notifications)


async def test_the_scroll_bar_follows_the_layout_of_a_long_book_without_laying_out_the_screen(build) -> None:  # type: ignore[no-untyped-def]
    """While the rest of a book is laid out between keys, the scroll range moves as the
    estimate of its length settles: the scroll bar is fitted to each new range, and the
    screen is not laid out again for it (a whole screen's layout and frame each time)."""
    from textual.geometry import Size

    long = "\n\n".join(f"Paragraph {n}: " + "words that wrap across the row " * 9 for n in range(2000))
    short = "\n\n".join(f"Line {n}." for n in range(20000))  # more rows for its length than the start
    document = parse_plain_text("A Long Book\n\n" + long + "\n\n" + short, "/tmp/long-book.txt")
    app = build(document)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        article = screen.query_one("#article")
        assert not article.model.complete
        layouts: list[Size] = []
        reflow = screen._compositor.reflow
        screen._compositor.reflow = lambda parent, size: layouts.append(size) or reflow(parent, size)  # type: ignore[method-assign]
        ranges = {article.virtual_size.height}
        for _ in range(200):
            await pilot.pause(0.02)
            ranges.add(article.virtual_size.height)
            bar = article.vertical_scrollbar
            assert bar.window_virtual_size == article.virtual_size.height
            if article.model.complete:
                break
        assert article.model.complete and len(ranges) > 1  # the range moved, and the bar with it
        assert article.virtual_size.height == len(article.model.rows)
        assert layouts == []


def _two_sentence_document() -> Document:
    body = "\n\n".join(f"Paragraph {n} says a thing. It was noted, number {n}." for n in range(COUNT))
    return parse_plain_text("Many Notes\n\n" + body, "/tmp/many-notes-2.txt")


def _background_of(app, words: str):  # type: ignore[no-untyped-def]
    from tui.widgets.article import ArticleView

    article = app.screen.query_one(ArticleView)
    segments = [segment for y in range(article.size.height) for segment in article.render_line(y)]
    found = [s.style.bgcolor for s in segments if words in s.text and s.style is not None]
    assert found, words
    return found[0]


@pytest.mark.parametrize("another_writer", [False, True])
async def test_a_new_highlight_among_many_is_drawn_and_so_is_one_merged_from_disk(
    build, data_dir: Path, another_writer: bool
) -> None:  # type: ignore[no-untyped-def]
    """The index of highlights takes a new one in its place; when the save merged another
    window's note as well, the whole index is made again, and both are drawn."""
    document = _two_sentence_document()
    store = AnnotationStore(store_path(document, data_dir), document_info(document))
    store.text = document.text
    for n in range(COUNT):
        start = document.text.index(f"Paragraph {n} says")
        end = document.text.index(".", start) + 1
        store.annotations.append(Annotation.on_text(document.text, start, end, id=f"n{n:04d}"))
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.save()
    app = build(document)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        plain = _background_of(app, "It was noted, number 3.")
        highlighted = _background_of(app, "Paragraph 3 says")
        assert plain != highlighted
        if another_writer:
            other = AnnotationStore.open(store.path, document.text, document_info(document))
            start = document.text.index("It was noted, number 1.")
            other.add(Annotation.on_text(document.text, start, start + 23, id="other1"))
        await pilot.press(")", ")", "h", ")")  # from the title: "It was noted, number 0." highlighted, then on
        await pilot.pause()
        assert _background_of(app, "It was noted, number 0.") == highlighted
        assert _background_of(app, "It was noted, number 2.") == plain
        merged = _background_of(app, "It was noted, number 1.")
        assert (merged == highlighted) is another_writer
        count = COUNT + 1 + another_writer
        assert f"{count} notes" in str(app.screen.query_one("#status").render())
