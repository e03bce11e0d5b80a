"""The real `postil` command in a real terminal (tmux): keys in, screen out, TOML on disk."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import pytest

from tests.terminal.tmux import Terminal, requires_tmux, terminal

pytestmark = [pytest.mark.tmux, requires_tmux]

ARTICLE = """The ferry left Skarholm at noon with nineteen passengers aboard. Its captain, Liv Aune, said \
the crossing was calm.

"We saw the whales before we saw the island," she said.

The harbour office later confirmed the timetable.
"""


def environment(tmp: Path) -> dict[str, str]:
    return {
        "POSTIL_DATA_DIR": str(tmp / "data"),
        "POSTIL_CONFIG_DIR": str(tmp / "config"),
        "POSTIL_CACHE_DIR": str(tmp / "cache"),
        "POSTIL_STATE_DIR": str(tmp / "state"),
        "HOME": str(tmp / "home"),
        "XDG_CONFIG_HOME": str(tmp / "xdg-config"),
        "XDG_DATA_HOME": str(tmp / "xdg-data"),
    }


def stored(path: Path | str, env: dict[str, str]) -> list[dict]:  # type: ignore[type-arg]
    result = subprocess.run(
        [sys.executable, "-m", "tui", "list", str(path), "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    )
    return json.loads(result.stdout)


def test_highlight_and_note_survive_a_restart(isolated_dirs: Path) -> None:
    article = isolated_dirs / "ferry.txt"
    article.write_text(ARTICLE)
    env = environment(isolated_dirs)
    with terminal([str(article)], env) as term:
        term.wait_for(lambda s: "The ferry left Skarholm" in s)
        term.wait_for(lambda s: "sentence 1/" in s)  # the cursor is on the first sentence from the start
        term.send("h")
        term.wait_for(lambda s: "1 note" in s)
        term.send("a")
        term.wait_for(lambda s: "ctrl+s save" in s)
        term.type("Check the passenger count [really?]")
        term.send("C-s")
        term.wait_for(lambda s: "ctrl+s save" not in s and "✎ Check the passenger" in s)
        term.send("q")
        term.wait_until_closed()

    (entry,) = stored(article, env)
    assert entry["exact"] == "The ferry left Skarholm at noon with nineteen passengers aboard."
    assert entry["note"] == "Check the passenger count [really?]"
    toml = Path(
        subprocess.run(
            [sys.executable, "-m", "tui", "where", str(article)],
            capture_output=True,
            text=True,
            env={**os.environ, **env},
        ).stdout.strip()
    )
    assert tomllib.loads(toml.read_text())["annotation"][0]["note"] == "Check the passenger count [really?]"

    with terminal([str(article)], env) as term:
        screen = term.wait_for(lambda s: "The ferry left Skarholm" in s and "1 note" in s)
        assert "✎ Check the passenger count" in screen and "[really?]" in screen
        term.send("q")
        term.wait_until_closed()


def test_escape_sequences_in_an_article_never_reach_the_terminal(isolated_dirs: Path) -> None:
    article = isolated_dirs / "hostile.txt"
    article.write_bytes(
        b"Hostile Article\n\nThis paragraph tries to set the clipboard\x1b]52;c;UE9TVElMLVBXTkVE\x07 and then"
        b" to clear the screen\x1b[2J and to retitle the window\x1b]0;pwned\x1b\\ while it is read.\n\n"
        b"A second paragraph with a bell\x07 and [bold]markup[/bold] that must stay literal.\n"
    )
    record = isolated_dirs / "raw-output.bin"
    with terminal([str(article)], environment(isolated_dirs), record=record) as term:
        screen = term.wait_for(lambda s: "A second paragraph" in s)
        assert "[bold]markup[/bold]" in screen and "␇" in screen
        term.send(")", ")", ")", "j", "G", "g")
        term.send("q")
        term.wait_until_closed()
    raw = record.read_bytes()
    assert b"A second paragraph" in raw or b"second" in raw  # the recording did capture the app
    assert b"\x1b]52" not in raw and b"UE9TVElMLVBXTkVE" not in raw
    assert b"\x1b[2J" not in raw
    assert b"pwned" not in raw
    # Textual itself sets the pointer shape with OSC 22 ... BEL; any other BEL came from the article.
    assert b"\x07" not in re.sub(rb"\x1b\]22;[^\x07\x1b]*\x07", b"", raw)


def test_the_first_frame_drawn_is_the_whole_reader(isolated_dirs: Path) -> None:
    """The first frame postil draws has the article, the cursor's place and the notes count:
    no half-filled status line shows first and is completed a frame later."""
    article = isolated_dirs / "ferry.txt"
    article.write_text(ARTICLE)
    record = isolated_dirs / "raw-output.bin"
    with terminal([str(article)], environment(isolated_dirs), record=record) as term:
        term.wait_for(lambda s: "0 notes · " in s)
        term.send("q")
        term.wait_until_closed()
    raw = record.read_bytes().decode("utf-8", "replace")
    # A whole frame is drawn from the top left corner (ESC [1;1H) down.
    frames = [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", frame) for frame in raw.split("\x1b[1;1H")]
    first = next(frame for frame in frames if "The ferry left Skarholm" in frame)
    assert "sentence" in first and "0 notes · " in first, first


# Drives the real reader in the terminal to the moment where Textual lost track of a notice:
# notices on screen, a scroll (Textual then lays out only what is in sight), the first notice's
# time running out, and the whole screen's map asked for (as a widget's region is) before the
# layout that follows. Textual itself does these steps in this order only now and then.
NOTICE_AFTER_A_SCROLL = """
import asyncio, sys
from pathlib import Path
from content import load_document
from tui.app import make_app

article, data = sys.argv[1], Path(sys.argv[2])
app = make_app(load_document(article), data_dir=data)

async def notices() -> None:
    while "ReaderScreen" not in type(app.screen).__name__:
        await asyncio.sleep(0.05)
    await asyncio.sleep(0.5)
    screen = app.screen
    for word in ("first", "second", "third"):
        app.notify(f"The {word} notice", timeout=60)
    await asyncio.sleep(0.5)
    screen._refresh_layout(scroll=True)  # what a scroll does
    first = next(toast for toast in screen.query("Toast") if "first" in toast._notification.message)
    app._unnotify(first._notification, refresh=False)  # its time runs out
    await first.parent.remove()
    screen._compositor.full_map  # asked for between the removal and the layout
    await asyncio.sleep(1.0)
    (data / "done").write_text("")

app.call_after_refresh(lambda: asyncio.ensure_future(notices()))
app.run()
"""


def test_a_notice_taken_away_after_a_scroll_leaves_the_terminal(isolated_dirs: Path) -> None:
    """A notice whose time ran out while the reader had just scrolled stayed on the terminal
    for good (until something else was drawn over it): the layout found nothing changed
    where it had been."""
    article = isolated_dirs / "ferry.txt"
    article.write_text(ARTICLE * 20)
    script = isolated_dirs / "notices.py"
    script.write_text(NOTICE_AFTER_A_SCROLL)
    data = isolated_dirs / "data"
    data.mkdir(exist_ok=True)
    with terminal([str(article), str(data)], environment(isolated_dirs), program=[sys.executable, str(script)]) as term:
        term.wait_for(lambda s: "The third notice" in s)
        for _ in range(100):
            if (data / "done").exists():
                break
            time.sleep(0.1)
        screen = term.screen()
        assert (data / "done").exists(), screen  # the script went through every step
        assert "The second notice" in screen and "The third notice" in screen, screen
        assert "The first notice" not in screen, screen


def test_stdin_article_reads_keys_from_the_terminal(isolated_dirs: Path) -> None:
    article = isolated_dirs / "piped.txt"
    article.write_text(ARTICLE)
    with terminal(["-"], environment(isolated_dirs), stdin=article) as term:
        term.wait_for(lambda s: "The ferry left Skarholm" in s)
        term.send(")")
        term.wait_for(lambda s: "sentence 2/" in s)
        term.send("q")
        term.wait_until_closed()


_STYLE_RUN = re.compile(r"(?:\x1b\[[0-9;]*m)*$")


def _style_before(styled: str, text: str) -> str:
    """The escape sequences drawn right before `text` in the article (left of the pane)."""
    for line in styled.splitlines():
        article = line.split("▏", 1)[0]
        at = article.find(text)
        if at >= 0:
            return _STYLE_RUN.search(article, 0, at).group()  # type: ignore[union-attr]
    raise AssertionError(f"{text!r} is not on the screen:\n{styled}")


def _settled(term: Terminal) -> str:
    """The styled screen once it has stopped changing (the analysis's marks drawn)."""
    before = term.styled_screen()
    for _ in range(50):
        time.sleep(0.3)
        now = term.styled_screen()
        if now == before:
            return now
        before = now
    raise AssertionError(f"the screen kept changing:\n{before}")


def _marked(term: Terminal, start: str) -> str:
    """The styled screen once the analysis has marked the quote or claim starting with `start` (it
    is drawn in a style of its own, not as the words before it) and the screen has stopped
    changing. On a busy machine the marks come well after the first frame."""
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if _style_before(term.styled_screen(), start):
            return _settled(term)
        time.sleep(0.1)
    raise AssertionError(f"{start!r} was never marked:\n{term.screen()}")


def test_the_cursor_leaves_the_sentence_it_was_on(isolated_dirs: Path) -> None:
    """A movement key draws again only the rows the cursor left and the rows it came to: on the
    terminal, each sentence it passed is drawn as it was before the cursor came."""
    article = isolated_dirs / "ferry.txt"
    article.write_text(ARTICLE)
    starts = ("The ferry left", "Its captain", '"We saw the whales')
    with terminal([str(article)], environment(isolated_dirs)) as term:
        term.wait_for(lambda s: "sentence 1/" in s)
        styles = [[_style_before(_marked(term, "Its captain"), start) for start in starts]]
        for number in (2, 3):
            term.send(")")
            term.wait_for(lambda s, n=number: f"sentence {n}/" in s)
            styles.append([_style_before(_settled(term), start) for start in starts])
    on_first, on_second, on_third = styles
    assert on_second[0] != on_first[0] and on_second[1] != on_first[1]  # the cursor moved on
    assert on_third[1] == on_first[1], "the second sentence still shows the cursor"
    assert on_third[0] == on_second[0] and on_third[2] != on_second[2]


def test_third_quote_highlighted_with_its_speaker(isolated_dirs: Path) -> None:
    env = environment(isolated_dirs)
    with terminal([], env) as term:
        term.wait_for(lambda s: "The Lighthouse Ledger" in s)
        term.wait_for(lambda s: "Quotes" in s)
        for _ in range(3):
            term.send("]")
        term.wait_for(lambda s: "quote 3/" in s)
        term.send("h")
        term.wait_for(lambda s: "1 note" in s)
        term.send("q")
        term.wait_until_closed()
    result = subprocess.run(
        [sys.executable, "-m", "tui", "list", "postil:sample", "--json"],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        check=True,
    )
    (entry,) = json.loads(result.stdout)
    assert entry["kind"] == "quote"
    assert entry["speaker"] == "Odile Brennan"
    assert entry["exact"].startswith('"But a light that nobody can afford to keep')


def test_a_url_opens_with_progress_and_its_quote_is_highlighted(isolated_dirs: Path) -> None:
    from tests.conftest import FIXTURES
    from tests.webserver import Reply, serve

    env = environment(isolated_dirs)
    page = (FIXTURES / "harbour-lamp.html").read_bytes()
    with serve({"/story": Reply(body=page, delay=1.5)}) as server:
        url = server.url("/story")
        with terminal([url], env) as term:
            term.wait_for(lambda s: "Opening http://127.0.0.1" in s)
            term.wait_for(lambda s: "Harbour lamp burns again after forty dark years" in s)
            screen = term.screen()
            assert "COMMENT-TEXT" not in screen and "NAV-LINK" not in screen
            term.send("]")
            term.wait_for(lambda s: "quote 1/" in s and "Edda Marsh" in s)
            term.send("h")
            term.wait_for(lambda s: "1 note" in s)
            term.send("q")
            term.wait_until_closed()
        (entry,) = stored(url, env)
    assert entry["exact"] == "“We waited forty years for this,”"
    assert (entry["kind"], entry["speaker"]) == ("quote", "Edda Marsh")


def test_x_exports_the_highlights_to_a_file(isolated_dirs: Path) -> None:
    article = isolated_dirs / "ferry.txt"
    article.write_text(ARTICLE)
    target = isolated_dirs / "ferry-notes.md"
    env = environment(isolated_dirs)
    with terminal([str(article)], env) as term:
        term.wait_for(lambda s: "The ferry left Skarholm" in s)
        term.send("h")
        term.wait_for(lambda s: "1 note" in s)
        term.send("x")
        term.wait_for(lambda s: "Export annotations" in s and "Readwise CSV" in s)
        # Back to back, with no wait for the screen: ctrl-u must clear the prefilled path before
        # the typed one goes in, not after (it did, 1 run in 3 on a loaded machine).
        term.send("C-u")
        term.type(str(target))
        term.send("Enter")
        term.wait_for(lambda s: "Exported 1 annotation as md" in s)
        term.send("q")
        term.wait_until_closed()
    text = target.read_text()
    assert text.startswith("---\ntitle: ")
    assert "> The ferry left Skarholm at noon with nineteen passengers aboard." in text


def test_a_hostile_note_in_the_pane_writes_nothing_to_the_clipboard(isolated_dirs: Path) -> None:
    """A note written into the TOML by another program, with an OSC 52 clipboard write and a
    clear-screen, is shown in the pane and in the note editor: no byte of either reaches the terminal."""
    env = environment(isolated_dirs)
    article = isolated_dirs / "ferry.txt"
    article.write_text(ARTICLE)
    run = {**os.environ, **env}
    added = subprocess.run(
        [
            sys.executable,
            "-m",
            "tui",
            "add",
            str(article),
            "--text",
            "The harbour office later confirmed the timetable.",
        ],
        capture_output=True,
        text=True,
        env=run,
    )
    assert added.returncode == 0, added.stderr
    where = subprocess.run(
        [sys.executable, "-m", "tui", "where", str(article)], capture_output=True, text=True, env=run, check=True
    )
    toml = Path(where.stdout.strip())
    raw_toml = toml.read_text()
    hostile = 'note = "Ask them \\u001b]52;c;UE9TVElMLVBXTkVE\\u0007 about it\\u001b[2J today"'
    toml.write_text(re.sub(r'^note = ".*"$', lambda _: hostile, raw_toml, flags=re.M))
    assert "UE9TVElMLVBXTkVE" in toml.read_text()
    record = isolated_dirs / "raw-note.bin"
    with terminal([str(article)], env, record=record) as term:
        term.wait_for(lambda s: "Ask them" in s and "today" in s)  # the note, in the pane
        term.send(".", "a")  # to the highlight, and open its note in the editor
        term.wait_for(lambda s: "ctrl+s save" in s and "about it" in s)
        term.send("C-s")  # saved as shown: cleaned
        term.wait_for(lambda s: "ctrl+s save" not in s)
        term.send("q")
        term.wait_until_closed()
    raw = record.read_bytes()
    assert b"Ask them" in raw
    assert b"\x1b]52" not in raw and b"UE9TVElMLVBXTkVE" not in raw
    assert b"\x1b[2J" not in raw


def test_the_sample_opens_with_a_tour_once_and_no_tour_skips_it(isolated_dirs: Path) -> None:
    env = environment(isolated_dirs)
    with terminal([], env) as term:
        term.wait_for(lambda s: "Tour 1/5 · Press ) to move the cursor" in s)
        term.send(")")
        term.wait_for(lambda s: "Tour 2/5" in s and "sentence 2/" in s)
        term.send("q")
        term.wait_until_closed()
    with terminal([], env) as term:  # shown once: not again
        term.wait_for(lambda s: "The Lighthouse Ledger" in s and "sentence" in s)
        assert "Tour" not in term.screen()
        term.send("q")
        term.wait_until_closed()
    fresh = environment(isolated_dirs / "fresh")
    with terminal(["--no-tour"], fresh) as term:
        term.wait_for(lambda s: "The Lighthouse Ledger" in s and "sentence" in s)
        assert "Tour" not in term.screen()
        term.send("q")
        term.wait_until_closed()


def test_a_book_s_first_screen_is_what_a_full_redraw_draws(isolated_dirs: Path) -> None:
    """Just after a book's first frame the reader leaves out repaints Textual asks for (of a
    layout that moved nothing, of its first showing, of the screen under it): the terminal shows
    then what drawing the whole screen afresh, after a resize there and back, shows."""
    book = isolated_dirs / "harbour-log.txt"
    book.write_text(
        "\n\n".join(
            f"Day {n}. The harbour master counted {n % 40 + 3} boats. “The tide is late again,” "
            f"said Ilse Varga, who keeps the log. Officials claimed the pier would hold."
            for n in range(1200)
        )
    )
    assert len(book.read_text()) > 100_000
    with terminal([str(book)], environment(isolated_dirs)) as term:
        term.wait_for(lambda s: "sentence 1/" in s)
        first = _marked(term, "“The tide")
        term.tmux("resize-window", "-t", "reader", "-x", "90")
        term.wait_for(lambda s: len(s.splitlines()[0]) <= 90)
        term.tmux("resize-window", "-t", "reader", "-x", "100")
        time.sleep(0.5)
        assert _settled(term) == first
