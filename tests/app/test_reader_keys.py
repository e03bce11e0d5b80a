"""Pilot tests: the keys of DESIGN.md §5 do what a reader expects, and the TOML follows."""

from __future__ import annotations

import tomllib
from pathlib import Path

from textual.widgets import OptionList, TextArea

from annotations.session import store_path
from content import Document
from tests.app.conftest import wait_for_analysis
from tui.screens.reader import ReaderScreen
from tui.widgets.status import StatusLine

SIZE = (100, 30)


def cursor_text(app) -> str:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    cursor = screen.reading.cursor
    assert cursor is not None
    return screen.document.text[cursor.span.start : cursor.span.end]


def stored(document: Document, data_dir: Path) -> list[dict]:  # type: ignore[type-arg]
    path = store_path(document, data_dir)
    if not path.exists():
        return []
    return tomllib.loads(path.read_text())["annotation"]


def status(app) -> str:  # type: ignore[no-untyped-def]
    return str(app.screen.query_one(StatusLine).render())


async def test_sentence_and_paragraph_keys(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # The first screen shows the cursor on the first sentence already.
        assert cursor_text(app) == "Harbour Notes" and "sentence 1/7" in status(app)
        await pilot.press(")")
        assert cursor_text(app) == "The boats came in at dawn."
        await pilot.press(")")
        assert cursor_text(app) == "Nobody spoke."
        assert "sentence 3/7" in status(app)
        await pilot.press("(")
        assert cursor_text(app) == "The boats came in at dawn."
        await pilot.press("}")
        assert cursor_text(app) == "A second paragraph begins. It ends here."
        await pilot.press("{")
        assert cursor_text(app) == "The boats came in at dawn. Nobody spoke. The gulls did."


async def test_paragraph_keys_step_through_a_file_with_a_paragraph_on_each_line(build, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A file written a paragraph to a line (its lines longer than a wrapped file's), with a
    blank line after its title only: `}` goes from line to line, not to the end of one long
    paragraph."""
    from content import load_document

    lines = [
        "The ferry board met on Thursday evening in the old customs house by the harbour, and for once every seat "
        "in the long room was taken.",
        "“We cannot run the evening boat at a loss for another winter,” said the chair, Ines Marrow.",
        "The fishers at the back, who had rowed in through the swell to be there, said nothing at all.",
    ]
    path = tmp_path / "ferry.txt"
    path.write_text("Ferry Board\n\n" + "\n".join(lines) + "\n", encoding="utf-8")
    app = build(load_document(str(path)))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("}")
        assert cursor_text(app) == lines[0]
        await pilot.press("}")
        assert cursor_text(app) == lines[1]
        await pilot.press("}")
        assert cursor_text(app) == lines[2]


async def test_h_highlights_the_sentence_and_saves_at_once(build, short_doc, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(")", ")", "h")
        (entry,) = stored(short_doc, data_dir)
        assert entry["exact"] == "Nobody spoke." and entry["kind"] == "sentence" and entry["color"] == "yellow"
        await pilot.press("3")
        assert stored(short_doc, data_dir)[0]["color"] == "blue"
        pane = app.screen.query_one("#notes", OptionList)
        assert "Nobody spoke." in str(pane.get_option_at_index(0).prompt)


async def test_visual_selection_extends_with_movement(build, short_doc, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(")", "v", ")", ")")
        assert "SELECT" in status(app)
        await pilot.press("h")
        (entry,) = stored(short_doc, data_dir)
        assert entry["exact"] == "The boats came in at dawn. Nobody spoke. The gulls did."
        assert entry["kind"] == "selection"
        assert "SELECT" not in status(app)


async def test_escape_cancels_a_selection(build, short_doc, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(")", "v", ")", "escape", "h")
        assert [e["exact"] for e in stored(short_doc, data_dir)] == ["Nobody spoke."]


async def test_a_writes_a_note_and_t_writes_tags(build, short_doc, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(")", ")", "a")
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Who saw it?", "enter", *"[b]not markup[/b]", "ctrl+s")
        await pilot.press("t", *"dawn, #boats", "enter")
        (entry,) = stored(short_doc, data_dir)
        assert entry["note"] == "Who saw it?\n[b]not markup[/b]"
        assert entry["tags"] == ["dawn", "boats"]
        prompt = str(app.screen.query_one("#notes", OptionList).get_option_at_index(0).prompt)
        assert "[b]not markup[/b]" in prompt and "#dawn #boats" in prompt


async def test_escape_in_the_note_editor_changes_nothing(build, short_doc, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(")", "a", *"draft", "escape")
        assert stored(short_doc, data_dir) == []  # not even the highlight `a` made for the note
        await pilot.press("h", "a", *"draft", "escape")
        assert stored(short_doc, data_dir)[0]["note"] == ""  # an existing highlight keeps its note


async def test_d_deletes_and_u_undoes(build, short_doc, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "d")
        assert stored(short_doc, data_dir) == []
        await pilot.press("u")
        assert [e["exact"] for e in stored(short_doc, data_dir)] == ["Harbour Notes"]


async def test_next_and_previous_annotation(build, short_doc, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(")", "h", "}", "h", "g", "full_stop")
        assert cursor_text(app) == "The boats came in at dawn."
        await pilot.press("full_stop")
        assert cursor_text(app) == "A second paragraph begins. It ends here."
        await pilot.press("comma")
        assert cursor_text(app) == "The boats came in at dawn."


async def test_y_copies_the_current_span(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(")", "y")
        assert app.clipboard == "The boats came in at dawn."


async def test_choosing_a_row_in_the_pane_moves_the_article(build, sample, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("G", "{", "{", "h")
        far_down = cursor_text(app)  # a paragraph near the end
        await pilot.press("g", ")", "h")
        article = app.screen.query_one("#article")
        assert article.scroll_y == 0
        await pilot.press("tab")
        assert isinstance(app.focused, OptionList)
        await pilot.press("down", "enter")  # the pane's second row: the paragraph near the end
        assert article.scroll_y > 0
        assert cursor_text(app) == far_down and len(far_down) > 40
        assert app.focused is article


async def test_search_finds_the_next_match(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"ledger", "enter")
        first = app.screen.reading.cursor.span.start
        await pilot.press("n")
        assert app.screen.reading.cursor.span.start > first
        assert cursor_text(app).lower() == "ledger"


async def test_scroll_keys_move_the_view(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        article = app.screen.query_one("#article")
        await pilot.press("j", "j")
        assert article.scroll_y == 2
        await pilot.press("k")
        assert article.scroll_y == 1
        await pilot.press("space")
        assert article.scroll_y > 20
        await pilot.press("b")
        assert article.scroll_y == 1
        await pilot.press("G")
        assert article.scroll_y == article.max_scroll_y
        await pilot.press("g")
        assert article.scroll_y == 0


async def test_help_lists_every_reader_key(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("question_mark")
        text = str(app.screen.query_one("Static").render())
        for description in (
            "Next sentence",
            "Previous paragraph",
            "Highlight",
            "Undo the last change",
            "Copy the current span",
            "Quit",
        ):
            assert description in text
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_keys_can_be_remapped_in_config(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    from tui.config import Config

    app = build(short_doc, Config(keymap={"reader.next_sentence": "ctrl+n"}))
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("ctrl+n")
        assert cursor_text(app) == "The boats came in at dawn."
        await pilot.press("question_mark")
        help_text = str(app.screen.query_one("Static").render())
        assert "ctrl+n" in help_text and "Next sentence" in help_text


async def test_q_quits(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_an_analysis_that_ends_after_q_is_dropped_without_a_traceback(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    """The analysis runs in a thread: if the reader quits before it hands back its result, the
    result finds no article to draw on and is dropped (it raised NoMatches, a traceback on exit)."""
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("q")
    assert app.return_code == 0
    screen.analysis_ready()
    screen.redraw()
    screen.store_read(screen.store)


async def test_resizing_keeps_the_cursor_on_screen(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(25):
            await pilot.press(")")
        for size in ((40, 12), (200, 50), (60, 20)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            article = app.screen.query_one("#article")
            cursor = app.screen.reading.cursor
            visible = article.visible_span()
            assert visible.start <= cursor.span.start < visible.end, size


async def test_a_broken_annotation_file_opens_read_only(build, short_doc, data_dir) -> None:  # type: ignore[no-untyped-def]
    path = store_path(short_doc, data_dir)
    path.parent.mkdir(parents=True)
    path.write_text("schema = 1\n[[annotation]\n")
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(")", "h")
        assert "READ-ONLY" in status(app)
        assert path.read_text() == "schema = 1\n[[annotation]\n"


async def test_quote_keys_walk_quotes_and_show_the_speaker(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert cursor_text(app).startswith('"This is the hardest vote')
        assert "quote 2/" in status(app) and "Odile Brennan" in status(app)
        await pilot.press("left_square_bracket")
        assert cursor_text(app) == '"low-impact server facility"'
        await pilot.press("left_square_bracket")  # wraps to the last quote
        assert cursor_text(app).startswith('"For now, it still works.')


async def test_claim_keys_and_status(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
        await pilot.press("greater_than_sign")
        first = cursor_text(app)
        assert "claim 1/" in status(app)
        await pilot.press("greater_than_sign", "greater_than_sign", "greater_than_sign")
        assert cursor_text(app).startswith("Brennan claimed that the sale would bring 40 jobs")
        assert "attributed · Odile Brennan" in status(app)
        await pilot.press("less_than_sign", "less_than_sign", "less_than_sign")
        assert cursor_text(app) == first


async def test_h_on_a_quote_records_kind_and_speaker(build, sample, data_dir) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
        await pilot.press("right_square_bracket", "right_square_bracket", "h")
        (entry,) = stored(sample, data_dir)
        assert entry["kind"] == "quote" and entry["speaker"] == "Odile Brennan"
        assert entry["exact"].startswith('"This is the hardest vote')


async def test_quotes_tab_groups_by_speaker_and_jumps(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
        quotes = app.screen.query_one("#quotes", OptionList)
        headers = [
            str(quotes.get_option_at_index(i).prompt)
            for i in range(quotes.option_count)
            if quotes.get_option_at_index(i).disabled
        ]
        assert headers[0].startswith("Priya Anand (") and any(h.startswith("Odile Brennan (") for h in headers)
        app.screen.query_one("TabbedContent").active = "quotes-tab"
        await pilot.press("tab")
        assert app.focused is quotes
        await pilot.press("down", "enter")
        assert app.screen.reading.cursor.unit == "quote"
        assert "Priya Anand" in status(app)
        claims = app.screen.query_one("#claims", OptionList)
        assert claims.option_count == len(app.screen.reading.claims) > 5


async def test_m_toggles_the_marks(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
        article = app.screen.query_one("#article")
        assert article.marks.quotes is not None
        await pilot.press("m")
        assert article.marks.quotes is None and article.marks.claims is None


async def test_people_tab_lists_who_speaks_and_filters_the_quote_keys(build, sample) -> None:  # type: ignore[no-untyped-def]
    app = build(sample)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
        screen = app.screen
        people = screen.query_one("#people", OptionList)
        rows = [str(people.get_option_at_index(i).prompt) for i in range(people.option_count)]
        # Each person with their count and a strip of where they speak.
        assert rows[0].startswith("Priya Anand") and " quotes" in rows[0]
        assert any(row.startswith("Odile Brennan") for row in rows)
        assert all(any(bar in row for bar in "▁▂▃▄▅▆▇█") for row in rows)
        screen.query_one("TabbedContent").active = "people-tab"
        await pilot.press("tab")
        assert app.focused is people
        brennan = next(i for i, row in enumerate(rows) if row.startswith("Odile Brennan"))
        people.highlighted = brennan
        await pilot.press("enter")
        await pilot.pause()
        theirs = [q for q in screen.reading.quotes if q.speaker == "Odile Brennan"]
        assert len(theirs) >= 3
        seen = set()
        for _ in range(len(theirs) + 1):
            await pilot.press("right_square_bracket")
            quote = screen.reading.quotes[screen.reading.cursor.index]
            assert quote.speaker == "Odile Brennan"
            seen.add(quote.start)
        assert len(seen) == len(theirs)
        assert "of Odile Brennan" in status(app)
        await pilot.press("escape")
        assert "of Odile Brennan" not in status(app)
        speakers = set()
        for _ in range(8):
            await pilot.press("right_square_bracket")
            speakers.add(screen.reading.quotes[screen.reading.cursor.index].speaker)
        assert len(speakers) > 1  # every quote again


async def status_on_the_first_quote(build, body: str) -> str:  # type: ignore[no-untyped-def]
    """The status line once `]` has moved the cursor to the first quotation of `body`."""
    from content.plaintext import parse_plain_text

    app = build(parse_plain_text("Harbour Notes\n\n" + body, "/tmp/quote.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_analysis(app, pilot)
        await pilot.press("right_square_bracket")
        return status(app)


async def test_status_line_names_the_mention_when_it_differs(build) -> None:  # type: ignore[no-untyped-def]
    body = "Mayor Odile Brennan chaired the meeting.\n\n“We have no choice,” the mayor said."
    assert "quote 1/1 · Odile Brennan (the mayor)" in await status_on_the_first_quote(build, body)


async def test_status_line_does_not_name_a_relative_pronoun_as_the_mention(build) -> None:  # type: ignore[no-untyped-def]
    """The quotation rests on "who", but "Tomas Vell (who)" says nothing the name does not."""
    body = "The board won a late backer, Tomas Vell, who declared at the meeting, “The pier must be rebuilt.”"
    line = await status_on_the_first_quote(build, body)
    assert "quote 1/1 · Tomas Vell" in line
    assert "(who)" not in line


async def test_a_hostile_note_from_another_program_reaches_the_pane_clean(build, short_doc, data_dir) -> None:  # type: ignore[no-untyped-def]
    """A TOML file edited by another program: the note's OSC 52 (clipboard) and CSI 2J (clear
    screen) never reach the pane, on first draw or after the note is shown again."""
    import json

    path = store_path(short_doc, data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    start = short_doc.text.index("Nobody spoke.")
    path.write_text(
        "schema = 1\n\n[document]\n"
        f"title = {json.dumps(short_doc.title)}\nsource = {json.dumps(short_doc.source)}\n"
        f'fingerprint = "{short_doc.fingerprint}"\nformat = "text"\n\n[[annotation]]\n'
        f'id = "evil01"\nexact = "Nobody spoke."\nstart = {start}\nend = {start + 13}\n'
        'kind = "sentence"\ncolor = "pink"\n'
        'note = "read me \\u001b]52;c;cHduZWQ=\\u0007 then \\u001b[2J done"\n'
        'tags = ["x\\u001b[31mred"]\n'
        "created = 2026-11-25T15:04:05Z\nupdated = 2026-11-25T15:04:05Z\n",
        encoding="utf-8",
    )
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes", OptionList)
        shown = str(notes.get_option_at_index(0).prompt)
        assert "read me" in shown and "done" in shown and "#xred" in shown
        assert not any(ch in shown for ch in "\x1b\x07\x9b\x9d")
        await pilot.press("full_stop", "a")  # the note editor shows the note again
        await pilot.pause()
        editor = app.screen.query_one(TextArea)
        assert "read me" in editor.text and not any(ch in editor.text for ch in "\x1b\x07")


async def test_a_key_pressed_again_while_a_book_is_analysed_shows_its_notice_once(build, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`]` pressed four times before a book's quotes are found: one notice says so, not four
    stacked over the status line."""
    from content.plaintext import parse_plain_text

    monkeypatch.setattr(ReaderScreen, "analyse", lambda self: None)  # the book stays unanalysed
    night = "“The lamp is lit,” said Ida Hale on night {}. The keeper wrote it down."
    nights = "\n\n".join(night.format(n) for n in range(3000))
    book = parse_plain_text(f"The Lamp Book\n\n{nights}", "/tmp/lamp-book.txt")
    assert len(book.text) > 200_000
    app = build(book)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press(*["right_square_bracket"] * 4)
        await pilot.pause(0.3)
        shown = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert shown == ["Still finding quotes and claims…"], shown
        assert "quote" not in status(app)  # the cursor did not move to a quote


async def test_a_notice_whose_time_runs_out_while_textual_batches_updates_leaves_the_screen(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    """Textual holds back drawing while a batch of updates is open (a footer being rebuilt). A
    notice that times out then was taken off the screen's widgets, but its place was drawn
    again only at the next key: the notice stayed in sight, over the status line."""
    import asyncio

    app = build(short_doc)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        app.screen.notice("No link in this sentence", timeout=0.3)
        await pilot.pause(0.1)
        (toast,) = app.screen.query("Toast")
        x, y = toast.region.x + 1, toast.region.y
        assert type(app.screen.get_widget_at(x, y)[0]).__name__ == "Toast"
        with app.batch_update():
            await asyncio.sleep(0.5)  # its time runs out inside the batch
        await asyncio.sleep(0.3)  # no key: nothing else reaches the screen
        assert not app.screen.query("Toast")
        assert type(app.screen.get_widget_at(x, y)[0]).__name__ != "Toast"


async def test_keys_typed_while_postil_starts_reach_the_reader(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    """The reader is put up once Textual's start-up is over; a key that came before it (typed
    while the command started) is not lost on Textual's blank first screen but acted on."""
    from textual import events

    app = build(short_doc)
    app.post_message(events.Key("right_parenthesis", ")"))  # waiting before the app runs
    app.post_message(events.Key("right_parenthesis", ")"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        assert isinstance(app.screen, ReaderScreen)
        assert "sentence 3/" in status(app), status(app)


async def test_the_background_analysis_gives_way_until_a_key_is_on_screen(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    """While a book is analysed in a thread, a key's answer comes first: the analysis waits
    from the key's arrival until a frame is drawn after the key's action ran. (A callback
    queued when the key came ran before that frame, and the analysis took the interpreter
    back while the frame was still to be drawn.)"""
    import time

    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause(0.2)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert not reader.key_pending()  # no key yet: the analysis runs
        await pilot.press(")")
        assert app.key_acted >= app.key_arrived > 0  # the key reached its action …
        assert reader.drawing.drawn_at > app.key_acted  # … and its frame is drawn
        assert not reader.key_pending()
        assert "sentence 2/" in status(app)
        # A key whose action has run but whose frame is not drawn yet holds the analysis.
        app.key_arrived = app.key_acted = time.monotonic()
        assert reader.key_pending()
        reader.refresh()
        await pilot.pause()
        assert not reader.key_pending()


async def test_the_sentence_count_shows_while_quotes_are_still_being_found(build, short_doc, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A book is split into sentences long before its quotes and claims are found: the status
    line gives "sentence 2/7" as soon as the split is done, not "counting the sentences…"
    until the whole analysis is."""
    import threading

    from content.analysis import Analysis

    release = threading.Event()
    found = Analysis.marks.func  # type: ignore[attr-defined]

    def slow_marks(self):  # type: ignore[no-untyped-def]
        release.wait(10)  # the quotes' first stage, held back until the test lets it go
        return found(self)

    monkeypatch.setattr(Analysis, "marks", property(slow_marks))
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        try:
            await pilot.press(")")
            for _ in range(40):
                if "sentence 2/" in status(app):
                    break
                await pilot.pause(0.05)
            assert "sentence 2/" in status(app), status(app)
            assert not app.screen.reading.analysed()  # the quotes are still being found
        finally:
            release.set()
        for _ in range(100):
            if app.screen.reading.analysed():
                break
            await pilot.pause(0.05)
        assert app.screen.reading.analysed()
        assert "sentence 2/" in status(app)


async def test_the_terminal_telling_the_size_the_reader_has_lays_nothing_out_again(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    """Textual tells a screen its size when it is shown and again when the terminal first
    reports it, and laid the whole screen out each time; the first key waited behind those
    passes. At the size the reader already has, nothing is laid out again; a real change of
    size still lays it all out and draws it."""
    from textual import events
    from textual.geometry import Size

    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        article = screen.query_one("#article")
        layouts: list[Size] = []
        reflow = screen._compositor.reflow
        screen._compositor.reflow = lambda parent, size: layouts.append(size) or reflow(parent, size)  # type: ignore[method-assign]
        screen.post_message(events.Resize(Size(*SIZE), Size(*SIZE)))
        await pilot.pause()
        assert layouts == []
        drawn: list[int] = []
        render_line = article.render_line
        article.render_line = lambda y: drawn.append(y) or render_line(y)  # type: ignore[method-assign]
        await pilot.resize_terminal(SIZE[0] - 20, SIZE[1])
        await pilot.pause()
        assert Size(SIZE[0] - 20, SIZE[1]) in layouts and drawn  # laid out and drawn at the new width
