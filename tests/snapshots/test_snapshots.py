"""Snapshot tests at fixed terminal sizes (100×30, and 80×24 for the themes). Update with
`pytest --snapshot-update` and review the SVGs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from annotations import Annotation, open_store
from content import load_document
from tests.conftest import FIXTURES
from tui.app import make_app
from tui.config import Config

SIZE = (100, 30)


async def analysed(pilot) -> None:  # type: ignore[no-untyped-def]
    """Wait for the background analysis, so the quote and claim marks are always in the picture."""
    for _ in range(200):
        screen = pilot.app.screen
        if getattr(screen, "reading", None) is not None and screen.reading.analysed():
            await pilot.pause(0.1)
            return
        await pilot.pause(0.05)
    raise AssertionError("analysis did not finish")


FIXED = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def _sample_with_highlights(data_dir: Path):  # type: ignore[no-untyped-def]
    document = load_document(None)
    store = open_store(document, data_dir)
    for index, (exact, color, note, tags) in enumerate(
        [
            (
                "Brennan claimed that the sale would bring 40 jobs",
                "pink",
                "Check: where does 40 come from?",
                ["figures"],
            ),
            ("according to the council's own minutes", "green", "", ["sources"]),
        ]
    ):
        start = document.text.index(exact)
        annotation = Annotation.on_text(
            document.text, start, start + len(exact), id=f"snap{index}", color=color, note=note, tags=tags
        )  # type: ignore[arg-type]
        annotation.created = annotation.updated = FIXED
        store.add(annotation)
    return document


def test_sample_with_cursor_and_highlights(snap_compare, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(_sample_with_highlights(data_dir), data_dir=data_dir, config=Config())
    assert snap_compare(app, terminal_size=SIZE, press=[")", ")"], run_before=analysed)


# The title, the byline (dimmed), a green highlight, the claim and quote marks and a selection
# ending at the cursor, in each look: the dark theme, the light one, and NO_COLOR.
THEME_KEYS = [")", ")", "v", ")"]


def test_dark_theme_at_80x24(snap_compare, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(_sample_with_highlights(data_dir), data_dir=data_dir, config=Config(theme="textual-dark"))
    assert snap_compare(app, terminal_size=(80, 24), press=THEME_KEYS, run_before=analysed)


def test_light_theme_at_80x24(snap_compare, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(_sample_with_highlights(data_dir), data_dir=data_dir, config=Config(theme="textual-light"))
    assert snap_compare(app, terminal_size=(80, 24), press=THEME_KEYS, run_before=analysed)


def test_no_color_at_80x24(snap_compare, data_dir: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(_sample_with_highlights(data_dir), data_dir=data_dir, config=Config())
    assert app.no_color
    assert snap_compare(app, terminal_size=(80, 24), press=THEME_KEYS, run_before=analysed)


def test_markdown_article(snap_compare, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    document = load_document(str(FIXTURES / "field-notes.md"))
    app = make_app(document, data_dir=data_dir, config=Config())
    assert snap_compare(app, terminal_size=SIZE, press=[")"], run_before=analysed)


def test_narrow_terminal(snap_compare, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    app = make_app(load_document(None), data_dir=data_dir, config=Config())
    assert snap_compare(app, terminal_size=(40, 12), press=["}", ")"], run_before=analysed)


def test_library_screen(snap_compare, data_dir: Path) -> None:  # type: ignore[no-untyped-def]
    folder = data_dir / "annotations"
    folder.mkdir(parents=True)
    (folder / "harbour-0a1b2c3d.toml").write_text(
        'schema = 1\n[document]\ntitle = "Harbour lamp burns again"\nsource = "/articles/harbour.txt"\n'
        'fingerprint = "sha256:1"\nformat = "text"\n'
        '[[annotation]]\nid = "a1"\nexact = "lamp"\nstart = 0\nend = 4\nupdated = 2026-11-20T09:30:00Z\n'
        '[[annotation]]\nid = "a2"\nexact = "gone"\nstart = 9\nend = 13\norphan = true\n'
        "updated = 2026-11-21T10:00:00Z\n"
    )
    (folder / "stdin-9f8e7d6c.toml").write_text(
        'schema = 1\n[document]\ntitle = "Piped notes"\nsource = "-"\nfingerprint = "sha256:2"\nformat = "text"\n'
        '[[annotation]]\nid = "b1"\nexact = "x"\nstart = 0\nend = 1\nupdated = 2026-11-24T08:00:00Z\n'
    )
    app = make_app(load_document(None), data_dir=data_dir, config=Config())
    assert snap_compare(app, terminal_size=SIZE, press=["o"], run_before=analysed)
