"""Search as you type: the bar shows the query, every match is marked, the status line counts."""

from __future__ import annotations

from textual.widgets import Input

from tui.screens.reader import ReaderScreen
from tui.widgets.status import StatusLine

SIZE = (100, 30)


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(StatusLine).render())


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    """The whole screen as plain text, as the terminal would show it."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


async def test_the_search_bar_shows_what_is_typed_and_searches_as_you_type(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("slash", *"ledg")
        await pilot.pause()
        assert "/ledg" in screen_text(app).replace(" ", "")  # the query is on screen as typed
        total = screen.document.text.lower().count("ledg")
        assert total > 1
        assert f"match 1/{total}" in status(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is screen.article
        await pilot.press("n")
        assert f"match 2/{total}" in status(app)
        await pilot.press("N", "N")
        assert f"match {total}/{total}" in status(app)  # back past the first: wrapped to the last


async def test_escape_goes_back_to_where_the_search_began(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        await pilot.press("right_parenthesis")
        before = screen.reading.cursor
        await pilot.press("slash", *"minutes")
        await pilot.pause()
        assert screen.reading.cursor != before and "match 1/" in status(app)
        await pilot.press("escape")
        await pilot.pause()
        assert screen.reading.cursor == before
        assert screen.matches is None and "match" not in status(app)
        assert not screen.query_one("#searchbar").has_class("open")


async def test_a_bad_regular_expression_is_one_line_in_the_bar(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "ctrl+r", *"(tide")
        await pilot.pause()
        shown = screen_text(app)
        assert "re/" in shown and "not a regular expression" in shown
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", *"t[iy]de")
        await pilot.pause()
        assert "match 1/" in status(app)
        assert app.screen.query_one(Input).value == "t[iy]de"


async def test_the_bar_takes_the_footer_row_and_gives_the_keys_back(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = screen_text(app).splitlines()[-1]
        assert "Help" in keys and "Highlight" in keys  # the reader's keys, on the bottom row
        await pilot.press("slash", *"tide")
        await pilot.pause()
        rows = screen_text(app).splitlines()
        assert keys not in rows and "/tide" in rows[-2].replace(" ", "") + rows[-1].replace(" ", "")
        await pilot.press("ctrl+r", "escape")  # the bar's own keys change while the footer is hidden
        await pilot.pause()
        assert screen_text(app).splitlines()[-1] == keys  # the reader's keys again, not the bar's


async def test_opening_the_bar_leaves_the_article_and_its_scroll_bar_as_they_were(build, sample) -> None:  # type: ignore[no-untyped-def]
    """`/` only changes the bottom rows: the text above them is not drawn again, and the
    scroll bar still fits the article, before and after the terminal is resized."""
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        article = app.screen.article
        drawn: list[int] = []
        render_line = article.render_line
        article.render_line = lambda y: drawn.append(y) or render_line(y)  # type: ignore[method-assign]
        text_before = screen_text(app).splitlines()[:-2]
        await pilot.press("slash")
        await pilot.pause()
        assert "smart case" in screen_text(app)
        assert screen_text(app).splitlines()[:-2] == text_before
        assert drawn == []  # not one row of the article was drawn again for the bar

        def fits() -> bool:
            bar = article.vertical_scrollbar
            return (bar.window_virtual_size, bar.window_size) == (article.virtual_size.height, article.size.height)

        assert fits()
        await pilot.press("escape")
        await pilot.resize_terminal(SIZE[0], SIZE[1] - 8)
        await pilot.pause()
        assert article.size.height < SIZE[1] - 4 and fits()  # the bar follows the smaller window
