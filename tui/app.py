"""The postil app, built through `make_app` so tests and the CLI build it the same way."""

from __future__ import annotations

from pathlib import Path

from textual.app import App

from annotations import AnnotationStore, open_store
from content import Document, clean_line
from tui.config import Config, load_config
from tui.screens.reader import ReaderScreen


class PostilApp(App[None]):
    CSS_PATH = "postil.tcss"
    TITLE = "postil"
    ENABLE_COMMAND_PALETTE = True

    def __init__(self, document: Document, store: AnnotationStore, config: Config) -> None:
        super().__init__()
        self.document = document
        self.store = store
        self.config = config
        self.title = clean_line(document.title) or "postil"
        if config.theme and config.theme in self.available_themes:
            self.theme = config.theme
        if config.keymap:
            self.set_keymap(config.keymap)

    def on_mount(self) -> None:
        self.push_screen(ReaderScreen(self.document, self.store))


def make_app(document: Document, *, data_dir: Path, config: Config | None = None) -> PostilApp:
    return PostilApp(document, open_store(document, data_dir), config or load_config())
