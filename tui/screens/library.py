"""Every annotated document, newest first; enter opens one in the reader."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from annotations.library import Entry
from annotations.paths import is_local_file
from annotations.search import Found
from content import clean_line
from tui.widgets.fields import Field


def entry_prompt(entry: Entry, found: list[Found] | None = None) -> Content:
    counts = f"{entry.annotations} note{'s' if entry.annotations != 1 else ''}"
    if entry.orphans:
        counts += f", {entry.orphans} orphaned"
    changed = entry.changed.strftime("%Y-%m-%d %H:%M")
    if entry.problem:
        where = f"cannot be read: {entry.problem}"
    elif entry.source == "-":
        where = "from standard input (pipe it in again to reopen)"
    elif is_local_file(entry.source) and not Path(entry.source).exists():
        where = f"{entry.source} (missing)"
    else:
        where = entry.source
    parts: list[str | tuple[str, str]] = [
        (clean_line(entry.title), "bold"),
        ("\n  " + counts + " · " + changed, "$text-accent"),
        ("\n  " + clean_line(where), "$text-muted"),
    ]
    for hit in (found or [])[:3]:
        words = " ".join(hit.exact.split())
        words = words if len(words) <= 70 else words[:69] + "…"
        parts.append(("\n  ✎ " + clean_line(words) + (f"  {clean_line(hit.note)[:40]}" if hit.note else ""), ""))
    return Content.assemble(*parts)


class LibraryScreen(ModalScreen[str | None]):
    """Returns the source to open, or None."""

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="library.close"),
        Binding("slash", "search", "Search titles, highlights, notes and tags", id="library.search"),
    ]
    DEFAULT_CSS = """
    LibraryScreen { align: center middle; }
    LibraryScreen > Vertical {
        width: 90; max-width: 95%; height: 80%; border: round $primary; background: $surface; padding: 0 1;
    }
    LibraryScreen OptionList { height: 1fr; border: none; }
    LibraryScreen Label { color: $text-muted; }
    LibraryScreen Input, LibraryScreen Input:focus { border: none; height: 1; padding: 0; }
    """

    def __init__(self, entries: list[Entry], base: Path | None = None) -> None:
        super().__init__()
        self.entries = entries
        self.base = base
        """The data directory, whose annotation files `/` searches."""

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Library"
            if not self.entries:
                yield Label("No annotated documents yet. Highlight something with h, and it appears here.")
            yield Field(placeholder="/ searches titles, highlights, notes and tags", id="library-search")
            yield OptionList(*self._options(self.entries, {}), markup=False)
            yield Label("enter opens · / searches · esc closes")

    def _options(self, entries: list[Entry], found: dict[Path, list[Found]]) -> list[Option]:
        index_of = {id(entry): index for index, entry in enumerate(self.entries)}
        return [
            Option(
                entry_prompt(entry, found.get(entry.path)), id=str(index_of[id(entry)]), disabled=not entry.reopenable
            )
            for entry in entries
        ]

    def action_search(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed)
    def search_changed(self, event: Input.Changed) -> None:
        self.search(event.value)

    @on(Input.Submitted)
    def search_submitted(self, event: Input.Submitted) -> None:
        self.query_one(OptionList).focus()

    @work(thread=True, exclusive=True, group="library-search")
    def search(self, query: str) -> None:
        """Live: the documents whose title or source match, or that hold a matching highlight
        (its text, note or tags), with those highlights under them. Off the UI thread."""
        from annotations.search import search

        query = query.strip()
        found: dict[Path, list[Found]] = {}
        if query and self.base is not None:
            hits, _problems = search(self.base, query)
            for hit in hits:
                found.setdefault(hit.file, []).append(hit)
        folded = query == query.lower()

        def titled(entry: Entry) -> bool:
            fields = f"{entry.title} {entry.source}"
            return (query.casefold() in fields.casefold()) if folded else (query in fields)

        shown = [e for e in self.entries if not query or e.path in found or titled(e)]
        self.app.call_from_thread(self._show, query, shown, found)

    def _show(self, query: str, shown: list[Entry], found: dict[Path, list[Found]]) -> None:
        if self.query_one(Input).value.strip() != query:
            return  # typing went on: a newer search is coming
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(self._options(shown, found))
        if options.option_count:
            options.highlighted = 0  # enter, then enter again, opens the first

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.entries[int(event.option.id)].source)

    def action_close(self) -> None:
        self.dismiss(None)
