from __future__ import annotations

from pathlib import Path

import pytest

from content import Document, load_document
from content.plaintext import parse_plain_text
from tui.app import PostilApp, make_app
from tui.config import Config


@pytest.fixture
def sample() -> Document:
    return load_document(None)


@pytest.fixture
def short_doc() -> Document:
    return parse_plain_text(
        "Harbour Notes\n\nThe boats came in at dawn. Nobody spoke. The gulls did.\n\n"
        "A second paragraph begins. It ends here.\n\nA third, short one.",
        "/tmp/harbour-notes.txt",
    )


@pytest.fixture
def build(data_dir: Path):  # type: ignore[no-untyped-def]
    def factory(document: Document, config: Config | None = None) -> PostilApp:
        return make_app(document, data_dir=data_dir, config=config or Config())

    return factory


async def wait_for_analysis(app, pilot) -> None:  # type: ignore[no-untyped-def]
    """Until the background analysis is done and the Quotes tab is filled."""
    from textual.widgets import OptionList

    for _ in range(100):
        if app.screen.reading.analysed() and app.screen.query_one("#quotes", OptionList).option_count:
            return
        await pilot.pause(0.05)
    raise AssertionError("analysis did not finish")
