"""Keys that arrive in a burst act in the order they came.

A quick hand, a paste of keys or a loaded machine delivers keys faster than the app handles
them. Textual's fields insert typed characters at once but run their bound keys (ctrl+u,
backspace) only after the key has bubbled up to the app, so the characters that follow could
land first. Each test posts its keys without waiting between them, as the terminal delivers a
burst, and checks the screen and the file on disk.
"""

from __future__ import annotations

from pathlib import Path

from textual import events

from tui.screens.reader import ReaderScreen

SIZE = (100, 30)


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def burst(app, *keys: str) -> None:  # type: ignore[no-untyped-def]
    """Post the keys one after another with no wait, as the terminal's reader does."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


async def settle(pilot) -> None:  # type: ignore[no-untyped-def]
    for _ in range(10):
        await pilot.pause(0.02)


async def test_ctrl_u_then_a_path_in_one_burst_exports_to_that_path(build, short_doc, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "burst-notes.md"
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "x")
        await pilot.pause()
        burst(app, "ctrl+u", *str(target), "enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen), f"the dialog is still open:\n{screen_text(app)}"
        assert any("Exported 1 annotation as md" in n.message for n in app._notifications)
    assert "> Harbour Notes" in target.read_text()  # the highlighted first sentence


async def test_backspace_in_a_burst_deletes_where_it_was_typed_in_the_note(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "a")
        await pilot.pause()
        burst(app, *"tidr", "backspace", "backspace", *"de", "ctrl+s")
        await settle(pilot)
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert [a.note for a in reader.store.annotations] == ["tide"]
        assert "tide" in screen_text(app)  # in the Notes pane


async def test_backspace_in_a_burst_deletes_where_it_was_typed_in_the_search(build, short_doc) -> None:  # type: ignore[no-untyped-def]
    app = build(short_doc)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        burst(app, *"gulz", "backspace", *"ls", "left", "left", "left", "backspace", "backspace", *"gu")
        await settle(pilot)
        squeezed = screen_text(app).replace(" ", "")
        assert "/gulls" in squeezed, squeezed  # the query as typed and edited, on screen
