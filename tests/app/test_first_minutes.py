"""What a new user trips on in the first minutes (issue 12): each a Pilot test of the screen."""

from __future__ import annotations

import pytest

from tests.app.conftest import wait_for_analysis
from tui.screens.reader import ReaderScreen
from tui.widgets.status import StatusLine

SIZE = (100, 30)


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(StatusLine).render())


async def test_the_tags_prompt_shows_the_tags_and_what_is_typed_and_keeps_them(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_parenthesis", "t", *"sources contract")
        await pilot.pause()
        assert "sources contract" in screen_text(app)  # the text row is on screen as it is typed
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert "sources contract" in screen_text(app)  # opens with the tags there are
        await pilot.press(*" extra", "enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert [a.tags for a in reader.store.annotations] == [["sources", "contract", "extra"]]
        assert "#sources #contract #extra" in screen_text(app)


async def test_cancelling_a_note_or_tags_on_a_new_passage_leaves_no_highlight(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_parenthesis", "a")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.store.annotations == [] and "0 notes" in status(app)
        assert "No highlights yet" in screen_text(app)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert reader.store.annotations == [] and "0 notes" in status(app)
        # A passage that was highlighted already keeps its highlight when a note is cancelled.
        await pilot.press("h", "a")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert len(reader.store.annotations) == 1 and "1 note" in status(app)


async def test_a_config_with_unknown_ids_still_opens_and_says_which_line(short_doc, data_dir, isolated_dirs) -> None:  # type: ignore[no-untyped-def]
    from tui.app import make_app
    from tui.config import load_config

    path = isolated_dirs / "config" / "config.toml"
    path.write_text('[keys]\nhighlight = "h,enter"\nnext_sentense = "n"\n', encoding="utf-8")
    app = make_app(short_doc, data_dir=data_dir, config=load_config(path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any(f"{path}:3: no key has the id 'next_sentense'" in m for m in messages)
        await pilot.press("right_parenthesis", "enter")  # the known remapping works
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and len(reader.store.annotations) == 1


async def test_after_g_and_shift_g_the_status_line_says_where_the_cursor_is(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        for _ in range(50):
            await pilot.pause(0.05)
            if reader.reading.analysed():
                break
        await pilot.press("greater_than_sign")
        assert "claim 1/" in status(app)
        await pilot.press("G")
        await pilot.pause()
        total = len(reader.reading.sentences)
        assert f"sentence {total}/{total}" in status(app) and "claim" not in status(app)
        last = reader.reading.sentences[-1]
        assert reader.reading.cursor is not None and reader.reading.cursor.span == last
        await pilot.press("g")
        await pilot.pause()
        assert f"sentence 1/{total}" in status(app)


async def test_the_pane_tabs_have_keys_shown_in_the_footer_and_help(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=(80, 60)) as pilot:  # tall enough for the whole help
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "AQCP" in footer.replace(" ", "") and "Tabs" in footer
        await pilot.press("C")
        await pilot.pause()
        text = screen_text(app)
        assert "attributed · Tidewater" in text  # the claims list is open, with its kinds and sources
        assert app.focused is not None and app.focused.id == "claims"
        await pilot.press("right")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "people"
        assert "Odile Brennan" in screen_text(app)
        await pilot.press("left", "left")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "quotes"
        await pilot.press("tab", "Q")
        await pilot.pause()
        assert app.focused is not None and app.focused.id == "quotes"
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = screen_text(app)
        assert "Quotes tab of the pane" in help_text and "Claims tab of the pane" in help_text


async def test_a_click_on_a_footer_key_presses_it(build, sample) -> None:  # type: ignore[no-untyped-def]
    """The footer is one line of text, not a widget per key: a click on a key's letter or its
    description still acts as the key, and a click on the empty middle of the line does nothing."""
    from tui.widgets.footer import Footer

    app = build(sample)
    async with app.run_test(size=(80, 60)) as pilot:  # tall enough for the whole help
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        await pilot.click(Footer, offset=(footer.index("C", footer.index("AQ")), 0))  # C of "AQCP Tabs"
        await pilot.pause()
        assert "attributed · Tidewater" in screen_text(app)  # the claims tab is open
        assert app.focused is not None and app.focused.id == "claims"
        await pilot.click(Footer, offset=(footer.index("Tabs") + 10, 0))  # the empty middle of the line
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        await pilot.click(Footer, offset=(footer.index("Help") + 1, 0))
        await pilot.pause()
        assert "Quotes tab of the pane" in screen_text(app)  # the help is open


@pytest.mark.parametrize("width", [40, 60])
async def test_a_narrow_footer_keeps_its_first_keys_and_the_palette(build, sample, width: int) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=(width, 24)) as pilot:
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert footer.startswith(" h Highlight  a Note ")
        assert footer.rstrip().endswith("^p palette") and len(footer) == width


async def test_the_export_warning_is_shown_whole(build, short_doc, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from textual.widgets import Input

    target = tmp_path / "a-rather-long-name-for-the-exported-highlights-of-the-lighthouse.md"
    target.write_text("precious")
    app = build(short_doc)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        # The dialog's rows, inside its borders, run together: a long name wraps, but is all there.
        rows = [line.split("│")[1][1:].rstrip() for line in screen_text(app).splitlines() if line.count("│") == 2]
        assert f"{target.name} exists: press enter again to replace it" in "".join(rows)
        assert target.read_text() == "precious"


async def test_the_export_formats_can_be_reached_on_a_tiny_terminal(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("x")
        await pilot.pause()
        text = screen_text(app)
        # The whole dialog fits: its title, every format, the path (focused) and the hint.
        assert "Export annotations" in text and "Markdown" in text and "HTML page" in text
        assert ".md" in text and "enter exports" in text
        await pilot.press("shift+tab", "shift+tab")  # back to the formats
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # Readwise CSV
        await pilot.pause()
        assert app.screen.format == "csv"  # type: ignore[attr-defined]


async def test_the_status_line_shows_where_a_link_goes(build) -> None:  # type: ignore[no-untyped-def]
    from content.markdown import parse_markdown

    doc = parse_markdown(
        "# Harbour\n\nThe boats came in at dawn.\n\nThe vote is in [the council minutes](https://example.org/minutes?id=12).\n",
        "harbour.md",
    )
    app = build(doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right_parenthesis")
        await pilot.pause()
        assert "sentence 2/3" in status(app)
        assert "→" not in status(app)
        await pilot.press("right_parenthesis")
        await pilot.pause()
        assert "→ https://example.org/minutes?id=12" in status(app)
        # The article shows the link's words; its target is only on the status line.
        assert screen_text(app).count("example.org") == 1 and "the council minutes" in screen_text(app)


def _states() -> list[str]:
    from tui.widgets.article import COLOR_CLASSES

    return ["article--cursor", "article--selection", "article--match", "article--claim", *COLOR_CLASSES.values()]


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "postil-dark", "postil-light"])
async def test_each_reading_state_looks_different_in_256_and_16_colours(build, short_doc, theme) -> None:  # type: ignore[no-untyped-def]
    from rich.color import ColorSystem

    from tui.config import Config
    from tui.widgets.article import ArticleView

    app = build(short_doc, Config(theme=theme))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == theme
        article = app.screen.query_one(ArticleView)
        for system in (ColorSystem.EIGHT_BIT, ColorSystem.STANDARD):
            looks = {}
            for name in _states():
                style = article._style(name)
                looks[name] = (style.bgcolor.downgrade(system).number, bool(style.bold), bool(style.underline))
            assert len(set(looks.values())) == len(looks), (system, looks)

        # Dimmed text (bylines, share widgets), code and bullets recede toward the background:
        # not drawn brighter than the body text on a dark theme, nor lighter than the page on a light one.
        def brightness(color) -> float:  # type: ignore[no-untyped-def]
            red, green, blue = color.get_truecolor()
            return 0.2126 * red + 0.7152 * green + 0.0722 * blue

        body, page = brightness(article._base_style().color), brightness(article._base_style().bgcolor)
        for name in ("article--boilerplate", "article--code", "article--decoration"):
            dim = brightness(article._style(name).color)
            assert min(body, page) < dim < max(body, page), name
        # Body text reads on every highlight: dark text on light ones, light text on dark ones.
        for name in _states():
            background = brightness(article._style(name).bgcolor)
            assert abs(body - background) > 90, name


async def test_under_no_color_highlights_are_underlined_and_the_cursor_reversed(build, short_doc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from tui.widgets.article import ArticleView

    monkeypatch.setenv("NO_COLOR", "1")
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(")", "h", ")")  # highlight "The boats came in at dawn.", then move on
        await pilot.pause()
        article = app.screen.query_one(ArticleView)
        segments = [segment for y in range(article.size.height) for segment in article.render_line(y)]
        highlighted = [s for s in segments if s.text.strip() and "dawn" in s.text]
        cursor = [s for s in segments if s.text.strip() and "Nobody" in s.text]
        assert highlighted and all(s.style and s.style.underline for s in highlighted)
        assert cursor and all(s.style and s.style.reverse for s in cursor)


async def test_a_document_reopens_where_it_was_left(build, sample, isolated_dirs) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"}" * 12, ")")
        await pilot.pause()
        left_at = app.screen.reading.cursor.span  # type: ignore[attr-defined]
        percent = status(app).rsplit("·", 1)[1].strip()
        assert percent != "0%"
        await pilot.press("q")
    assert (isolated_dirs / "state" / "positions.json").exists()

    again = build(sample)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert again.screen.reading.cursor.span == left_at  # type: ignore[attr-defined]
        first_words = " ".join(sample.text[left_at.start : left_at.end].split()[:3])
        assert first_words in " ".join(screen_text(again).split())  # on screen, not just the cursor
        assert status(again).rsplit("·", 1)[1].strip() == percent  # the same place on screen


async def test_a_broken_positions_file_opens_at_the_top(build, sample, isolated_dirs) -> None:  # type: ignore[no-untyped-def]
    (isolated_dirs / "state" / "positions.json").write_text('{"x": [1, 2], "y": "\\u001b]52;c;AAAA\\u0007"')
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "sentence 1/" in status(app)


async def test_the_command_palette_goes_to_quotes_and_headings_and_runs_postil_commands(build, sample) -> None:  # type: ignore[no-untyped-def]
    from textual.command import CommandPalette

    app = build(sample)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_for_analysis(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"quote by okafor")
        await pilot.pause(0.5)
        assert "Go to quote by Ruth Okafor" in " ".join(screen_text(app).split())
        await pilot.press("enter")
        await pilot.pause()
        assert status(app).startswith("quote ") and "Ruth Okafor" in status(app)

        await pilot.press("ctrl+p", *"highlight the current")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert len(reader.store.annotations) == 1 and "1 note" in status(app)  # type: ignore[attr-defined]
        assert reader.store.annotations[0].speaker == "Ruth Okafor"  # type: ignore[attr-defined]

        await pilot.press("ctrl+p", *"export as readwise")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert "Export annotations" in screen_text(app)
        assert app.screen.format == "csv"  # type: ignore[attr-defined]


async def test_the_command_palette_goes_to_a_heading(build) -> None:  # type: ignore[no-untyped-def]
    from content.markdown import parse_markdown

    body = "\n\n".join(f"Paragraph {n} of the harbour report, with its figures." for n in range(40))
    doc = parse_markdown(
        f"# Harbour report\n\n{body}\n\n## The lamp [sic] at dawn\n\nThe lamp came on at six.\n", "r.md"
    )
    app = build(doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "The lamp came on at six." not in screen_text(app)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"heading lamp")
        await pilot.pause(0.5)
        assert "Go to heading: The lamp [sic] at dawn" in screen_text(app)  # shown literally, not as markup
        await pilot.press("enter")
        await pilot.pause()
        assert "The lamp came on at six." in screen_text(app)
        assert app.screen.reading.cursor.span.start == doc.text.index("The lamp [sic]")  # type: ignore[attr-defined]


async def test_the_first_run_tour_walks_five_keys_and_is_shown_once(sample, data_dir, isolated_dirs) -> None:  # type: ignore[no-untyped-def]
    from annotations.positions import tour_shown
    from tui.app import make_app
    from tui.config import Config

    app = make_app(sample, data_dir=data_dir, config=Config(), tour=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_for_analysis(app, pilot)
        assert "Tour 1/5 · Press ) to move the cursor" in screen_text(app)
        assert tour_shown()
        await pilot.press("]")  # not the step's key: the tour waits, the key still works
        await pilot.pause()
        assert "Tour 1/5" in screen_text(app) and status(app).startswith("quote 1/")
        for key, next_step in ((")", "Tour 2/5"), ("]", "Tour 3/5"), (">", "Tour 4/5"), ("h", "Tour 5/5")):
            await pilot.press(key)
            await pilot.pause()
            assert next_step in screen_text(app), key
        await pilot.press("a")
        await pilot.pause()
        await pilot.press(*"tour note", "ctrl+s")
        await pilot.pause()
        assert "Tour" not in screen_text(app).split("\n")[-3]
        assert not app.screen.query("#tour")
        assert any("That is the tour" in n.message for n in app._notifications)


async def test_esc_ends_the_tour(sample, data_dir) -> None:  # type: ignore[no-untyped-def]
    from tui.app import make_app
    from tui.config import Config

    app = make_app(sample, data_dir=data_dir, config=Config(), tour=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Tour 1/5" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Tour 1/5" not in screen_text(app)


async def test_slash_in_the_pane_filters_its_tab(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for_analysis(app, pilot)
        await pilot.press("h", "t", *"sources", "enter", ")", ")", "h")  # two notes, one tagged
        await pilot.pause()
        await pilot.press("Q")
        await pilot.pause()
        assert "Odile Brennan (" in screen_text(app)
        await pilot.press("slash")
        await pilot.pause()
        assert "Filter the Quotes tab" in screen_text(app)
        await pilot.press(*"okafor", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Ruth Okafor (" in text and "Odile Brennan (" not in text and "Quotes /okafor" in text
        assert app.focused is not None and app.focused.id == "quotes"
        await pilot.press("slash", "ctrl+u", "enter")  # an empty filter shows them all again
        await pilot.pause()
        assert "Odile Brennan (" in screen_text(app) and "/okafor" not in screen_text(app)

        await pilot.press("A", "slash", *"sources", "enter")
        await pilot.pause()
        notes = app.screen.query_one("#notes")
        assert notes.option_count == 1 and "#sources" in screen_text(app)  # type: ignore[attr-defined]
        assert len(app.screen.store.annotations) == 2  # type: ignore[attr-defined]  # filtered, not gone


async def test_config_can_hide_the_pane_at_start_and_give_colours_a_meaning(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    from tui.config import Config

    app = build(short_doc, Config(pane=False, legend={"blue": "check this", "pink": "figures"}))
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "Claims" not in screen_text(app) and "The boats came in at dawn." in screen_text(app)
        await pilot.press("tab")
        await pilot.pause()
        text = screen_text(app)
        assert "Claims" in text and "█ check this" in text and "█ figures" in text
        assert "The boats came in at dawn." in text  # beside the article, not over it
        await pilot.press("tab")
        await pilot.pause()
        assert "Claims" not in screen_text(app)


async def test_text_is_72_columns_centred_on_a_wide_terminal_and_a_click_still_lands(build) -> None:  # type: ignore[no-untyped-def]
    from tui.config import Config

    long_doc_text = "Harbour Notes\n\n" + " ".join(["The boats came in at dawn with the tide behind them."] * 6)
    from content.plaintext import parse_plain_text

    doc = parse_plain_text(long_doc_text, "wide")
    app = build(doc, Config(pane=False))
    async with app.run_test(size=(200, 20)) as pilot:
        await pilot.pause()
        lines = [line for line in screen_text(app).splitlines() if "boats" in line]
        assert lines
        for line in lines:
            left = len(line) - len(line.lstrip())
            assert left >= 50 and len(line.strip()) <= 72, line  # centred, and no wider than 72
        x = screen_text(app).splitlines()[2].index("The boats") + 2
        await pilot.click("#article", offset=(x, 2))
        await pilot.pause()
        assert "sentence 2/" in status(app)

    wide = build(doc, Config(pane=False, width=0))
    async with wide.run_test(size=(200, 20)) as pilot:
        await pilot.pause()
        line = next(line for line in screen_text(wide).splitlines() if "boats" in line)
        assert len(line) - len(line.lstrip()) <= 2 and len(line.strip()) > 150  # width = 0: all of it


async def test_a_document_with_headings_has_a_contents_tab(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    from content.markdown import parse_markdown

    body = "\n\n".join(f"Paragraph {n} of the report." for n in range(30))
    end = "## The lamp [sic]\n\nThe lamp came on at six.\n"
    doc = parse_markdown(f"# Harbour report\n\n## The vote\n\n{body}\n\n{end}", "r.md")
    app = build(doc)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press("H")
        await pilot.pause()
        text = screen_text(app)
        assert "Contents" in text and "  The lamp [sic]" in text and app.focused.id == "contents"  # type: ignore[union-attr]
        await pilot.press("end", "enter")
        await pilot.pause()
        assert "The lamp came on at six." in screen_text(app)
        assert app.screen.reading.cursor.span.start == doc.text.index("The lamp [sic]")  # type: ignore[attr-defined]

    plain = build(short_doc)  # no headings: no tab, and H says so
    async with plain.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert "Contents" not in screen_text(plain)
        await pilot.press("H")
        await pilot.pause()
        assert any("no headings" in n.message for n in plain._notifications)


async def test_the_cycle_collector_is_back_on_once_the_first_screen_is_drawn(build, sample, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """`postil` starts with the cycle collector off, for a quicker first screen; the reader
    turns it on after its first frame, and an article that cannot be opened turns it on too."""
    import gc

    from tui.cli import main

    try:
        gc.disable()
        app = build(sample)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            assert gc.isenabled()
        gc.enable()
        assert main(["read", str(tmp_path / "no-such-article.txt")]) == 1
        assert gc.isenabled()
    finally:
        gc.enable()
