"""A book reopened far in: its quotes and claims around the reading position are found first,
so `]` and `>` work there while the rest of the book is still being analysed."""

from __future__ import annotations

import threading
from functools import cached_property
from pathlib import Path

import pytest

import content.analysis
from annotations.positions import save_position
from annotations.session import store_path
from content import Document
from content.analysis import Analysis
from content.plaintext import parse_plain_text
from tests.app.conftest import wait_for_analysis
from tests.app.test_sections_mouse_themes import shown
from tui.widgets.status import StatusLine

SIZE = (120, 30)
SPEAKERS = ("Ilse Varga", "Tomas Wren", "Odile Brennan", "Nessa Quayle")


def _book() -> Document:
    """Over 200,000 characters, so the reader takes it for a book: a harbour town's long record,
    each paragraph with a quotation, a speaker, and a claim."""
    paragraphs = [
        f"Entry {n}. The harbour board met again on the {n}th day of the dispute, and the room was full. "
        f"“We will not sell the pier for scrap, whatever the board decides,” said {SPEAKERS[n % 4]}. "
        f"Officials claimed that repairs would cost {n * 3} thousand crowns, a figure the fishers doubted. "
        "The tide came in while they argued, and nobody noticed the boats drifting at their moorings."
        for n in range(700)
    ]
    return parse_plain_text("The Harbour Record\n\n" + "\n\n".join(paragraphs), "/tmp/harbour-record.txt")


def _status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(StatusLine).render())


async def test_a_book_reopened_far_in_has_its_nearby_quotes_first(  # type: ignore[no-untyped-def]
    build, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    document = _book()
    assert len(document.text) > 200_000
    far = document.text.index("Entry 500.")
    save_position(store_path(document, data_dir).name, far)
    monkeypatch.setattr(content.analysis, "NEAR_PARAGRAPHS", 3)

    # The whole book's quotes are held back until the test lets them go: until then, only the
    # paragraphs around entry 500 are analysed.
    release = threading.Event()
    whole_quotes = Analysis.quotes.func  # type: ignore[attr-defined]
    blocks = len(document.blocks)

    def held(self):  # type: ignore[no-untyped-def]
        if len(self.read.blocks) == blocks:
            release.wait(20)
        return whole_quotes(self)

    slow = cached_property(held)
    slow.__set_name__(Analysis, "quotes")
    monkeypatch.setattr(Analysis, "quotes", slow)

    app = build(document)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        try:
            reader = app.screen
            for _ in range(200):
                if reader.reading.nearby is not None:
                    break
                await pilot.pause(0.05)
            assert reader.reading.nearby is not None and not reader.reading.analysed()
            await pilot.pause()
            # The quotes found there are marked in the article already.
            marks = reader.article.marks.quotes
            quote_at = document.text.index("“We will not sell", far)
            assert marks is not None and [q.start for q in marks.overlapping(quote_at, quote_at + 1)] == [quote_at]

            await pilot.press("right_square_bracket")
            await pilot.pause()
            cursor = reader.reading.cursor
            assert cursor is not None and cursor.unit == "quote"
            assert document.text.index("Entry 500.") < cursor.span.start < document.text.index("Entry 501.")
            assert document.text[cursor.span.start : cursor.span.end].startswith("“We will not sell the pier")
            # Its speaker, but no number yet: the book's other quotes are still being found.
            assert _status(app).startswith(f"quote · {SPEAKERS[500 % 4]}")

            await pilot.press("greater_than_sign")
            await pilot.pause()
            assert _status(app).startswith("claim · attributed · Officials")

            # Past the paragraphs analysed so far, the reader says why `]` does not move.
            for _ in range(6):
                await pilot.press("right_square_bracket")
            await pilot.pause()
            cursor = reader.reading.cursor
            assert cursor is not None and cursor.span.start < document.text.index("Entry 504.")
            assert await shown(app, pilot, "Still finding quotes and claims")
        finally:
            release.set()
        await wait_for_analysis(app, pilot)
        await pilot.pause()
        # The whole book is analysed: the same quote gets its number among all of them.
        assert _status(app).startswith("quote 504/700 · ")


async def test_a_book_opened_again_has_its_whole_analysis_at_once(  # type: ignore[no-untyped-def]
    build, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first opening keeps the book's analysis in the cache; the next reads it back: every
    quote is numbered among all of them at once, and no stage runs again, not even nearby."""
    document = _book()
    app = build(document)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
        first = (app.screen.reading.quotes, app.screen.reading.claims, app.screen.reading.people)

    def refuse(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("a stage ran again")

    monkeypatch.setattr("content.analysis.narrator.attribute", refuse)
    monkeypatch.setattr("content.analysis.claims.find_claims", refuse)
    monkeypatch.setattr("content.analysis.cast.Cast", refuse)
    monkeypatch.setattr(Analysis, "near", refuse)
    app = build(_book())
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
        reading = app.screen.reading
        assert (reading.quotes, reading.claims, reading.people) == first
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert _status(app).startswith(f"quote 1/700 · {SPEAKERS[0]}")
        await pilot.press("P")
        await pilot.pause()
        assert await shown(app, pilot, SPEAKERS[1])


async def test_a_book_s_scroll_bar_is_there_from_its_first_frame(build, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The first layout lays out the rows on screen and so learns how long the book is. Its scroll
    bar is there from the first layout, so setting that length does not lay the whole screen out
    again (30 ms of a book's first screen, which a key pressed then waited for)."""
    from tui.widgets.article import ArticleView

    layouts: list[str] = []
    refresh = ArticleView.refresh

    def recorded(self, *regions, repaint=True, layout=False, recompose=False):  # type: ignore[no-untyped-def]
        if layout and self.screen.is_current and self.size:
            layouts.append("article")
        return refresh(self, *regions, repaint=repaint, layout=layout, recompose=recompose)

    monkeypatch.setattr(ArticleView, "refresh", recorded)
    app = build(_book())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.article
        assert article.vertical_scrollbar.display and article.vertical_scrollbar.window_virtual_size > 1_000
        assert article.vertical_scrollbar.region.height == article.size.height
        assert layouts == []


async def test_a_book_s_scroll_bar_shows_its_length_in_the_first_frame(build, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The rows on screen are laid out before the first frame is drawn, so the scroll bar's
    thumb is the size the book's length gives it from that frame on. (It was drawn first for a
    text of no length, and again in the next frame: 3 ms a key pressed at the first screen
    waited for.)"""
    from textual.scrollbar import ScrollBar

    from tui.widgets.article import ArticleView

    lengths: list[int] = []
    render_lines = ScrollBar.render_lines

    def recorded(self, crop):  # type: ignore[no-untyped-def]
        if self.vertical and isinstance(self.parent, ArticleView):
            lengths.append(self.window_virtual_size)
        return render_lines(self, crop)

    monkeypatch.setattr(ScrollBar, "render_lines", recorded)
    app = build(_book())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.article
        length = article.vertical_scrollbar.window_virtual_size
        assert length == article.virtual_size.height > 1_000
        assert lengths and abs(lengths[0] - length) < length / 10  # the first estimate, then exact


async def test_the_notes_pane_keeps_its_rows_when_its_width_stays(build, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Textual's list wraps and draws all its rows again at every resize. The first resize comes
    right after the first frame, which drew them at that width: the Notes pane took 6 ms of a
    key pressed at the first screen to draw them again. A taller terminal keeps them; a pane
    whose width changes wraps them again."""
    from tui.widgets.pane import AnnotationList

    app = build(_book())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = app.screen.query_one(AnnotationList)
        assert await shown(app, pilot, "No highlights yet")
        made: list[object] = []
        get_visual = AnnotationList._get_visual

        def recorded(self, option):  # type: ignore[no-untyped-def]
            made.append(option)
            return get_visual(self, option)

        monkeypatch.setattr(AnnotationList, "_get_visual", recorded)
        await pilot.resize_terminal(SIZE[0], SIZE[1] + 6)
        await pilot.pause()
        assert notes.size.height > SIZE[1] - 6 and made == []
        assert await shown(app, pilot, "No highlights yet")
        notes.styles.width = notes.size.width - 10  # the pane narrower: wrapped again
        await pilot.pause()
        assert made
        assert await shown(app, pilot, "No highlights yet")
