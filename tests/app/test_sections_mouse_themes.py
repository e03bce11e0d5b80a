"""Issue 12, the rest of "what people expect": section keys, the mouse (drag, double click,
links) and postil's own themes. Each checks what the screen shows."""

from __future__ import annotations

from content.html import parse_html
from content.markdown import parse_markdown
from tests.app.test_first_minutes import screen_text, status
from tui.config import Config
from tui.screens.reader import ReaderScreen

SIZE = (100, 30)

REPORT = parse_markdown(
    "# Harbour report\n\nThe boats came in at dawn. Nobody spoke.\n\n"
    "## The vote\n\nThe council voted at six. The lamp stays.\n\n"
    "## The lamp\n\nThe lamp came on at six.\n",
    "report.md",
)
LINKS = parse_html(
    "<html><body><article><h1>Minutes</h1><p>The boats came in at dawn.</p>"
    '<p>Read <a href="https://example.org/minutes">the minutes</a> or <a href="file:///etc/passwd">this file</a>.'
    "</p></article></body></html>",
    "minutes.html",
)


def notices(app) -> str:  # type: ignore[no-untyped-def]
    """The notices on screen (drawn after "▌" at the bottom right), their lines joined."""
    rows = [line.split("▌", 1)[1].strip() for line in screen_text(app).splitlines() if "▌" in line]
    return " ".join(row for row in rows if row)


async def shown(app, pilot, words: str) -> bool:  # type: ignore[no-untyped-def]
    """Whether `words` comes on screen within a second, in the text or in a notice (a notice
    is drawn a moment later, and wrapped)."""
    for _ in range(20):
        if words in screen_text(app) or words in notices(app):
            return True
        await pilot.pause(0.05)
    return False


def _row_of(app, words: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Where `words` is drawn in the article: (x, y) inside the article view."""
    from tui.widgets.article import ArticleView

    article = app.screen.query_one(ArticleView)
    for y in range(article.size.height):
        line = "".join(segment.text for segment in article.render_line(y))
        if words in line:
            return line.index(words), y
    raise AssertionError(f"{words!r} is not on screen")


async def _selected_then_highlighted(app, pilot, words: str) -> None:  # type: ignore[no-untyped-def]
    """The mouse left `words` selected, and `h` highlights exactly them."""
    await pilot.pause()
    reader = app.screen
    assert isinstance(reader, ReaderScreen)
    selection = reader.reading.selection
    assert selection is not None and REPORT.text[selection.start : selection.end] == words
    await pilot.press("h")
    await pilot.pause()
    assert [a.exact for a in reader.store.annotations] == [words]


async def test_shift_j_and_k_step_through_the_sections(build) -> None:  # type: ignore[no-untyped-def]
    app = build(REPORT)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("J")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert "section 2/3" in status(app)
        assert REPORT.text[reader.reading.cursor.span.start :].startswith("The vote")  # type: ignore[union-attr]
        await pilot.press("J", "J")
        await pilot.pause()
        assert "section 3/3" in status(app) and await shown(app, pilot, "Last section")
        await pilot.press("K")
        await pilot.pause()
        assert "section 2/3" in status(app)

    plain = build(parse_markdown("The boats came in at dawn. Nobody spoke.\n\nThe gulls did.\n", "plain.md"))
    async with plain.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("J")
        await pilot.pause()
        assert await shown(plain, pilot, "This document has no headings or chapters")


async def test_a_drag_selects_whole_words_and_h_highlights_them(build, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build(REPORT, Config(pane=False))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        x, y = _row_of(app, "boats came")
        await pilot.mouse_down("#article", offset=(x + 2, y))  # inside "boats"
        await pilot.hover("#article", offset=(x + 8, y))  # inside "came"
        await pilot.mouse_up("#article", offset=(x + 8, y))
        await _selected_then_highlighted(app, pilot, "boats came")
        assert "boats came" in (data_dir / "annotations").glob("*.toml").__next__().read_text(encoding="utf-8")
        assert "1 note" in status(app)


async def test_a_double_click_selects_the_sentence(build) -> None:  # type: ignore[no-untyped-def]
    app = build(REPORT, Config(pane=False))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        x, y = _row_of(app, "council voted")
        await pilot.double_click("#article", offset=(x + 2, y))
        await _selected_then_highlighted(app, pilot, "The council voted at six.")


async def test_links_open_in_the_browser_by_click_or_enter_but_only_web_addresses(build, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = build(LINKS, Config(pane=False))
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, new_tab=True: opened.append(url))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        x, y = _row_of(app, "the minutes")
        await pilot.click("#article", offset=(x + 3, y))
        await pilot.pause()
        assert opened == ["https://example.org/minutes"]
        assert await shown(app, pilot, "Opening https://example.org/minutes")
        x, y = _row_of(app, "this file")
        await pilot.click("#article", offset=(x + 2, y))  # a file: an article must not open that
        await pilot.pause()
        assert opened == ["https://example.org/minutes"]
        assert await shown(app, pilot, "Not opened: file:///etc/passwd is not a web or mail address")
        # enter opens the first link of the sentence under the cursor; none there says so.
        await pilot.press("enter")
        await pilot.pause()
        assert opened == ["https://example.org/minutes"] * 2
        await pilot.press("g", "enter")
        await pilot.pause()
        assert await shown(app, pilot, "No link in this sentence")


async def test_a_relative_link_is_read_against_the_articles_address(build, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    web = parse_markdown("Read [the notes](notes/12) now.\n", "https://example.org/reports/harbour")
    app = build(web, Config(pane=False))
    opened: list[str] = []
    monkeypatch.setattr(app, "open_url", lambda url, new_tab=True: opened.append(url))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("right_parenthesis", "enter")
        await pilot.pause()
        assert opened == ["https://example.org/reports/notes/12"]


async def test_postil_has_a_dark_and_a_light_theme_of_its_own(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    for name, dark in (("postil-dark", True), ("postil-light", False)):
        app = build(short_doc, Config(theme=name))
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            assert app.theme == name and app.current_theme.dark is dark
            assert "The boats came in at dawn." in screen_text(app)


async def test_an_unknown_theme_is_named_with_its_line_and_the_reader_opens(short_doc, data_dir, isolated_dirs) -> None:  # type: ignore[no-untyped-def]
    from tui.app import make_app
    from tui.config import load_config

    path = isolated_dirs / "config" / "config.toml"
    path.write_text('pane = true\ntheme = "postil-sepia"\n', encoding="utf-8")
    app = make_app(short_doc, data_dir=data_dir, config=load_config(path))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert await shown(app, pilot, "/config.toml:2: there is no theme 'postil-sepia'; the default is used.")
        assert "The boats came in at dawn." in screen_text(app) and app.theme == "textual-dark"


async def test_the_palette_switches_to_postils_own_themes(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    from textual.command import CommandPalette

    app = build(short_doc)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.5)
        assert isinstance(app.screen, CommandPalette) and "Theme" in screen_text(app)
        await pilot.press("enter")  # Textual's theme command: the themes, ours among them
        await pilot.pause(0.5)
        await pilot.press(*"postil-light")
        await pilot.pause(0.5)
        assert "postil-light" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert app.theme == "postil-light" and "The boats came in at dawn." in screen_text(app)
