"""Pilot tests: a URL loads behind a progress screen, the library opens other documents,
orphans can be re-attached or deleted, and edits made outside the reader show up in it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from textual.widgets import OptionList

from annotations import Annotation, open_store
from annotations.session import store_path
from content import load_document
from tests.conftest import FIXTURES
from tests.webserver import Reply, serve
from tui.app import PostilApp, make_app, make_loading_app
from tui.config import Config
from tui.screens.library import LibraryScreen
from tui.screens.loading import LoadingScreen
from tui.screens.reader import ReaderScreen
from tui.widgets.status import StatusLine

SIZE = (100, 30)
ARTICLE = (
    "Harbour lamp burns again\n\n"
    "The old harbour lamp at Gullwick burned again on Saturday night, the council said.\n\n"
    "“We waited forty years for this,” said Edda Marsh, who chairs the harbour trust.\n\n"
    "Fishermen had long complained that the unlit breakwater was dangerous to small boats.\n"
)


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(StatusLine).render())


async def wait_for(pilot, condition, tries: int = 100) -> None:  # type: ignore[no-untyped-def]
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("the condition never held")


def annotate(path: Path, data_dir: Path, exact: str, note: str = "") -> Annotation:
    document = load_document(str(path))
    store = open_store(document, data_dir)
    start = document.text.index(exact)
    return store.add(Annotation.on_text(document.text, start, start + len(exact), id="a" + str(start), note=note))


async def test_a_url_loads_behind_a_progress_screen(data_dir: Path) -> None:
    page = (FIXTURES / "harbour-lamp.html").read_bytes()
    with serve({"/story": Reply(body=page, delay=0.3)}) as server:
        app = make_loading_app(server.url("/story"), data_dir=data_dir, config=Config())
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, LoadingScreen)
            await wait_for(pilot, lambda: isinstance(app.screen, ReaderScreen))
            assert app.screen.document.title == "Harbour lamp burns again after forty dark years"
            await pilot.press("]")
            assert "Edda Marsh" in status(app)


async def test_a_url_that_fails_ends_the_app_with_the_reason(data_dir: Path) -> None:
    with serve({}) as server:
        app = make_loading_app(server.url("/missing"), data_dir=data_dir, config=Config())
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: app.error is not None)
    assert app.error is not None and app.error.endswith("HTTP 404 Not Found")
    assert app.return_code == 1


def _two_annotated_documents(tmp_path: Path, data_dir: Path) -> PostilApp:
    """Two articles with a highlight each; the reader opens the first."""
    first = tmp_path / "lamp.txt"
    first.write_text(ARTICLE)
    second = tmp_path / "tides.txt"
    second.write_text("Tide tables\n\nHigh water at Gullwick falls at 6.12 a.m. on Sunday, the harbour office said.\n")
    annotate(first, data_dir, "the council said", note="which councillor?")
    annotate(second, data_dir, "High water at Gullwick")
    app = make_app(load_document(str(first)), data_dir=data_dir, config=Config())
    return app


async def test_the_library_lists_annotated_documents_and_opens_one(tmp_path: Path, data_dir: Path) -> None:
    app = _two_annotated_documents(tmp_path, data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        assert isinstance(app.screen, LibraryScreen)
        rows = app.screen.query_one(OptionList)
        titles = [str(rows.get_option_at_index(i).prompt).split("\n")[0] for i in range(rows.option_count)]
        assert sorted(titles) == ["Harbour lamp burns again", "Tide tables"]
        index = titles.index("Tide tables")
        rows.highlighted = index
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.title == "Tide tables" and isinstance(app.screen, ReaderScreen))
        readers = [screen for screen in app.screen_stack if isinstance(screen, ReaderScreen)]
        assert readers == [app.screen], "the new article replaced the old one"
        assert "1 note" in status(app)


async def test_slash_in_the_library_searches_titles_highlights_and_notes_as_you_type(
    tmp_path: Path, data_dir: Path
) -> None:
    app = _two_annotated_documents(tmp_path, data_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o", "slash", *"council")
        rows = app.screen.query_one(OptionList)
        await wait_for(pilot, lambda: rows.option_count == 1)
        text = str(rows.get_option_at_index(0).prompt)
        assert (
            text.startswith("Harbour lamp burns again") and "✎ the council said" in text and "which councillor?" in text
        )
        await pilot.press(*" tide")  # no document has both
        await wait_for(pilot, lambda: rows.option_count == 0)
        await pilot.press(*["backspace"] * len("council tide"), *"tide")
        await wait_for(pilot, lambda: rows.option_count == 1)
        assert str(rows.get_option_at_index(0).prompt).startswith("Tide tables")  # by its title
        await pilot.press("enter", "enter")  # the list, then open the document
        await wait_for(pilot, lambda: app.title == "Tide tables" and isinstance(app.screen, ReaderScreen))


async def test_an_orphan_can_be_reattached_or_deleted_from_the_pane(tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "lamp.txt"
    source.write_text(ARTICLE)
    orphan = annotate(source, data_dir, "dangerous to small boats", note="how dangerous?")
    source.write_text(ARTICLE.replace("dangerous to small boats", "a hazard to every crew"))
    document = load_document(str(source))
    app = make_app(document, data_dir=data_dir, config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "1 orphaned" in status(app)
        await pilot.press("tab")
        notes = app.screen.query_one("#notes", OptionList)
        assert "orphan" in str(notes.get_option_at_index(0).prompt)
        notes.highlighted = 0
        await pilot.press("enter")
        assert "RE-ATTACH" in status(app)
        await pilot.press("slash")
        await pilot.press(*"a hazard to every crew", "enter")
        await pilot.press("h")
        assert "orphaned" not in status(app)
    path = store_path(document, data_dir)
    (entry,) = tomllib.loads(path.read_text())["annotation"]
    assert (entry["id"], entry["exact"], entry["note"]) == (orphan.id, "a hazard to every crew", "how dangerous?")
    assert "orphan" not in entry

    source.write_text(ARTICLE.replace("Fishermen had long complained that the unlit breakwater", "Sailors said it"))
    app = make_app(load_document(str(source)), data_dir=data_dir, config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "1 orphaned" in status(app)
        await pilot.press("tab")
        app.screen.query_one("#notes", OptionList).highlighted = 0
        await pilot.press("d")
        assert "orphaned" not in status(app)
    assert tomllib.loads(path.read_text())["annotation"] == []


async def test_a_hand_edit_of_the_toml_shows_up_in_the_open_reader(tmp_path: Path, data_dir: Path) -> None:
    source = tmp_path / "lamp.txt"
    source.write_text(ARTICLE)
    annotate(source, data_dir, "the council said")
    document = load_document(str(source))
    app = make_app(document, data_dir=data_dir, config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        path = store_path(document, data_dir)
        path.write_text(path.read_text().replace('note = ""', 'note = "typed in my editor"'))
        notes = app.screen.query_one("#notes", OptionList)
        await wait_for(pilot, lambda: "typed in my editor" in str(notes.get_option_at_index(0).prompt), tries=60)
        await pilot.press(")", "a")  # edit the same note in the reader: the hand edit is its starting text
        await pilot.press("end", *" too", "ctrl+s")
    (entry,) = tomllib.loads(path.read_text())["annotation"]
    assert entry["note"] == "typed in my editor too"


async def test_x_exports_through_a_dialog_and_asks_before_replacing(tmp_path: Path, data_dir: Path) -> None:
    from textual.widgets import Input

    from tui.dialogs.export import ExportDialog

    source = tmp_path / "lamp.txt"
    source.write_text(ARTICLE)
    annotate(source, data_dir, "the council said", note="which councillor?")
    app = make_app(load_document(str(source)), data_dir=data_dir, config=Config())
    target = tmp_path / "out" / "lamp.html"
    target.parent.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        assert isinstance(app.screen, ExportDialog)
        field = app.screen.query_one(Input)
        assert field.value.endswith("harbour-lamp-burns-again.md"), "the path is prefilled"
        await pilot.click("#format-html", offset=(6, 0))  # on its label
        assert field.value.endswith("harbour-lamp-burns-again.html"), "the suffix follows the format"
        field.value = str(target)
        field.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.pause()
        assert any("Exported 1 annotation as html" in n.message for n in app._notifications)
        assert '<mark class="yellow"' in target.read_text() and "which councillor?" in target.read_text()

        target.write_text("precious")
        await pilot.press("x")
        field = app.screen.query_one(Input)
        field.value = str(target)
        field.focus()
        await pilot.press("enter")
        assert isinstance(app.screen, ExportDialog), "an existing file is not replaced at the first enter"
        assert "exists: press enter again" in str(app.screen.query_one("#warning").render())
        assert target.read_text() == "precious"
        await pilot.press("enter")
        await pilot.pause()
        assert target.read_text().startswith("---\ntitle:"), "Markdown is the default format"


async def test_a_full_disk_is_reported_and_the_highlight_saved_once_it_clears(
    tmp_path: Path, data_dir: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import errno
    import os

    import annotations.atomic as atomic

    source = tmp_path / "lamp.txt"
    source.write_text(ARTICLE)
    document = load_document(str(source))
    app = make_app(document, data_dir=data_dir, config=Config())

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(atomic.os, "fsync", full)
        await pilot.press(")", "h")
        await pilot.pause()
        assert any("the disk is full" in n.message for n in app._notifications)
        assert "UNSAVED" in status(app) and "1 note" in status(app)
        assert not store_path(document, data_dir).exists()
        monkeypatch.undo()
        await wait_for(pilot, lambda: "UNSAVED" not in status(app), tries=60)
    (entry,) = tomllib.loads(store_path(document, data_dir).read_text())["annotation"]
    assert entry["exact"].startswith("The old harbour lamp")


async def test_o_lists_a_file_whose_times_have_no_zone(tmp_path: Path, data_dir: Path) -> None:
    """A hand-edited file with `updated = 2026-11-25T15:04:05` (no Z) beside ordinary ones."""
    import re

    first = tmp_path / "lamp.txt"
    first.write_text(ARTICLE)
    second = tmp_path / "tides.txt"
    second.write_text("Tide tables\n\nHigh water at Gullwick falls at 6.12 a.m. on Sunday, the harbour office said.\n")
    annotate(first, data_dir, "the council said")
    annotate(first, data_dir, "Harbour lamp")
    annotate(second, data_dir, "High water at Gullwick")
    toml = store_path(load_document(str(first)), data_dir)
    toml.write_text(re.sub(r"^updated = (.*)Z$", r"updated = \1", toml.read_text(), count=1, flags=re.M))
    app = make_app(load_document(str(second)), data_dir=data_dir, config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, LibraryScreen)
        rows = app.screen.query_one(OptionList)
        titles = sorted(str(rows.get_option_at_index(i).prompt).split("\n")[0] for i in range(rows.option_count))
        assert titles == ["Harbour lamp burns again", "Tide tables"]


async def test_esc_stops_a_download_that_trickles(data_dir: Path) -> None:
    """esc on the progress screen ends the download itself, not just the screen: the loading
    worker is done within a second, though the server would keep it busy for a minute."""
    import socket
    import threading
    import time

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def trickle() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            for byte in b"HTTP/1.1 200 OK\r\n" * 40:
                try:
                    conn.sendall(bytes([byte]))
                except OSError:
                    return
                time.sleep(0.1)

    threading.Thread(target=trickle, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/story"
    app = make_loading_app(url, data_dir=data_dir, config=Config())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.5)
        pressed = time.monotonic()
        await pilot.press("escape")

    # No thread is still inside load_document: the loading worker returned (only the fetch's
    # own daemon helper may still wait on the socket, and the process does not wait for it).
    def loading() -> bool:
        import sys

        for frame in sys._current_frames().values():
            while frame is not None:
                if frame.f_code.co_name == "load_document":
                    return True
                frame = frame.f_back  # type: ignore[assignment]
        return False

    while loading() and time.monotonic() - pressed < 1.5:
        time.sleep(0.05)
    assert not loading()
    listener.close()


async def test_a_large_markdown_book_shows_its_first_part_first(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The preview is on screen before the whole book is parsed; the reader then takes
    over with the whole book, at the place the preview was scrolled to."""
    from content.load import PREVIEW_ABOVE, preview_document
    from tui.app import make_loading_app
    from tui.screens.loading import PreviewScreen
    from tui.screens.reader import ReaderScreen

    chapters = [f"## Chapter {n}\n\n" + f"Line {n} of the book, with words enough to wrap. " * 40 for n in range(300)]
    book = tmp_path / "big-book.md"
    book.write_text("# The Big Book\n\n" + "\n\n".join(chapters) + "\n\nThe last words.\n", encoding="utf-8")
    assert book.stat().st_size > PREVIEW_ABOVE
    preview = preview_document(str(book))
    assert preview is not None and preview.title == "The Big Book"
    assert "The last words." not in preview.text and "Chapter 3" in preview.text

    import threading

    import tui.app

    parsed = threading.Event()
    real_load = tui.app.load_document

    def slow_load(*args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.wait(10)  # the whole book is "still being parsed" until the test says so
        return real_load(*args, **kwargs)

    monkeypatch.setattr(tui.app, "load_document", slow_load)
    app = make_loading_app(str(book), data_dir=data_dir, config=Config(), preview=preview)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, PreviewScreen)
        assert "Chapter 0" in "\n".join(s.text for s in app.screen._compositor.render_strips())
        app.screen.query_one("#article").scroll_to(y=12, animate=False, immediate=True)
        top = app.screen.top_offset()
        parsed.set()
        for _ in range(100):
            await pilot.pause(0.05)
            if isinstance(app.screen, ReaderScreen):
                break
        assert isinstance(app.screen, ReaderScreen)
        await pilot.pause()
        assert app.screen.document.text.endswith("The last words.")
        assert app.screen.query_one("#article").top_offset() == top
