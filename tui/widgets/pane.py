"""The side pane: the document's annotations in order, with colour, excerpt, note and tags."""

from __future__ import annotations

from itertools import count
from operator import attrgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # Only types: the analysis modules are loaded by the background worker, not at start.
    from content import Document
    from content.analysis import Claim, Person, Quote

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, TabbedContent, TabPane
from textual.widgets.option_list import Option

from annotations import Annotation
from tui.widgets.scrolling import SteadyScrollView

SWATCH_STYLES = {
    "yellow": "#d7b600",
    "green": "#4caf6e",
    "blue": "#4a8fe0",
    "pink": "#e0609f",
    "purple": "#9a6ae0",
}


def excerpt(text: str, limit: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def annotation_prompt(annotation: Annotation, orphan: bool) -> Content:
    """One row of the pane; article text and notes go in as plain text, never markup."""
    parts: list[str | tuple[str, str]] = [
        ("█ ", SWATCH_STYLES.get(annotation.color, "")),
        excerpt(annotation.exact, 90),
    ]
    if orphan:
        parts.append(("  (orphan: its text is no longer in the article)", "italic $warning"))
    if annotation.note:
        parts.extend(["\n  ", ("✎ " + excerpt(annotation.note, 120), "$text-muted")])
    if annotation.tags:
        parts.extend(["\n  ", (" ".join(f"#{tag}" for tag in annotation.tags), "$accent")])
    return Content.assemble(*parts)


NOTES_WINDOW = 200
"""Rows the Notes pane builds at a time. Laying out 10,000 rows would take seconds; the
window follows the highlighted row, so every note is still one key away."""
_NOTES_EDGE = 20
_BEFORE, _AFTER = "window-before", "window-after"


class _PaneList(OptionList, SteadyScrollView):
    """An option list that wraps its rows again only when its width changes.

    Textual's list wraps them again at every resize. The first resize comes just after the
    first frame, which wrapped and drew them at that very width: drawing them all again (6 ms)
    held up a key pressed at the first screen.
    """

    _wrapped_at: int | None = None
    """The width the rows were wrapped at, when they were wrapped afresh."""

    def _update_lines(self) -> None:
        fresh = not self._line_cache.lines
        super()._update_lines()
        if fresh and self._line_cache.lines:
            self._wrapped_at = self.scrollable_content_region.width

    def _on_resize(self, event: events.Resize | None = None) -> None:
        if event and self._line_cache.lines and self._wrapped_at == self.scrollable_content_region.width:
            event.prevent_default()  # (Textual would call the list's own handler next)


class AnnotationList(_PaneList):
    """Posts `Chosen` when a row is highlighted or selected, so the article can follow.

    Only a window of `NOTES_WINDOW` annotations is built as rows, around the highlighted
    one; moving near its edge, or choosing the "… more" row, moves the window.
    """

    class Chosen(Message):
        def __init__(self, annotation_id: str, selected: bool) -> None:
            super().__init__()
            self.annotation_id = annotation_id
            self.selected = selected

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._all: list[Annotation] = []
        self._orphans: set[str] = set()
        self._position: dict[str, int] = {}
        self._offset = 0
        """Where in `_all` the window starts."""
        self._prompts: dict[str, tuple[tuple[object, ...], Content]] = {}

    def show(self, annotations: list[Annotation], orphans: set[str], current: str | None = None) -> None:
        highlighted = self.highlighted_option.id if self.highlighted_option else None
        self._all, self._orphans = list(annotations), set(orphans)
        self._position = dict(zip(map(attrgetter("id"), self._all), count()))
        self._build(current or highlighted)

    def show_message(self, message: str) -> None:
        """One line in place of the notes (while they are being read)."""
        self._all = []
        self.clear_options()
        self.add_option(Option(Content(message), disabled=True))

    def _build(self, keep: str | None) -> None:
        self.clear_options()
        if not self._all:
            self.add_option(
                Option(Content("No highlights yet. Press h on a sentence, or a to add a note."), disabled=True)
            )
            return
        position = self._position.get(keep) if keep is not None else None
        offset = self._offset
        if position is not None and not offset + _NOTES_EDGE <= position < offset + NOTES_WINDOW - _NOTES_EDGE:
            offset = position - NOTES_WINDOW // 2
        self._offset = offset = max(0, min(offset, len(self._all) - NOTES_WINDOW))
        end = min(len(self._all), offset + NOTES_WINDOW)
        options = [Option(self._prompt(a), id=a.id) for a in self._all[offset:end]]
        if offset:
            options.insert(0, _window_row(f"↑ {offset:,} earlier — enter shows them", _BEFORE))
        if end < len(self._all):
            options.append(_window_row(f"↓ {len(self._all) - end:,} more — enter shows them", _AFTER))
        self.add_options(options)
        if position is not None:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = self.get_option_index(self._all[position].id)

    def _prompt(self, annotation: Annotation) -> Content:
        """A row's text, made again only when the annotation changed."""
        key = (
            annotation.exact,
            annotation.color,
            annotation.note,
            tuple(annotation.tags),
            annotation.id in self._orphans,
        )
        cached = self._prompts.get(annotation.id)
        if cached is None or cached[0] != key:
            cached = self._prompts[annotation.id] = (key, annotation_prompt(annotation, key[-1]))
        return cached[1]

    def _near_edge(self, annotation_id: str) -> bool:
        position = self._position.get(annotation_id, self._offset)
        end = min(len(self._all), self._offset + NOTES_WINDOW)
        return (self._offset > 0 and position - self._offset < _NOTES_EDGE) or (
            end < len(self._all) and end - position <= _NOTES_EDGE
        )

    def _move_window(self, row_id: str) -> None:
        """The "… more" row was chosen: show the annotations past it."""
        if row_id == _BEFORE:
            self._build(self._all[max(0, self._offset - 1)].id)
        else:
            self._build(self._all[min(len(self._all) - 1, self._offset + NOTES_WINDOW)].id)

    def action_first(self) -> None:
        if self._all:
            self._build(self._all[0].id)
        super().action_first()

    def action_last(self) -> None:
        if self._all:
            self._build(self._all[-1].id)
        super().action_last()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        option_id = event.option.id
        if option_id in (_BEFORE, _AFTER) or not option_id:
            return
        if self._near_edge(option_id):
            self.call_later(self._build, option_id)
        if self.has_focus:
            self.post_message(self.Chosen(option_id, selected=False))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id in (_BEFORE, _AFTER):
            self._move_window(event.option.id)
        elif event.option.id:
            self.post_message(self.Chosen(event.option.id, selected=True))


def _window_row(label: str, row_id: str) -> Option:
    return Option(Content.assemble((label, "italic $text-muted")), id=row_id)


class SpanList(_PaneList):
    """Quotes or claims; posts `Chosen` with the index of the row's span."""

    class Chosen(Message):
        def __init__(self, unit: str, index: int, selected: bool) -> None:
            super().__init__()
            self.unit = unit
            self.index = index
            self.selected = selected

    def __init__(self, unit: str, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.unit = unit

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id and self.has_focus:
            self.post_message(self.Chosen(self.unit, int(event.option.id.split("-")[1]), selected=False))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Chosen(self.unit, int(event.option.id.split("-")[1]), selected=True))


LIST_LIMIT = 300
"""Rows a Quotes or Claims tab lists. A book has thousands; an option list that long takes
seconds to measure, and `]` and `>` reach every one of them anyway."""


def _more(count: int, key: str) -> Option:
    return Option(
        Content.assemble((f"  … {count} more: {key} walks through every one", "italic $text-muted")), disabled=True
    )


def matches(query: str, *fields: str | None) -> bool:
    """The pane's filter: every word of `query` in one of the fields, in smart case (lower
    case matches any case; a capital asks for that case)."""
    if not query.strip():
        return True
    folded = query == query.lower()
    haystack = " ".join(field for field in fields if field)
    if folded:
        haystack = haystack.casefold()
    return all(word in haystack for word in query.split())


def quote_options(text: str, quotes: list[Quote], limit: int = LIST_LIMIT, query: str = "") -> list[Option]:
    """Quotes grouped by speaker, the most quoted first, each group headed by its count;
    with a `query`, only those whose speaker or words match it.

    A long book lists each speaker's first quotes only, in proportion, within `limit` rows.
    """
    groups: dict[str, list[tuple[int, Quote]]] = {}
    for index, quote in enumerate(quotes):
        if query and not matches(query, quote.speaker, text[quote.start : quote.end]):
            continue
        groups.setdefault(
            quote.speaker or ("Unattributed" if quote.kind == "speech" else "Terms and titles"), []
        ).append((index, quote))
    listed = sum(len(members) for members in groups.values())
    per_group = listed if listed <= limit else max(3, limit // max(1, len(groups)))
    options: list[Option] = []
    for speaker, members in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        if len(options) >= limit:
            break
        options.append(Option(Content.assemble((f"{speaker} ({len(members)})", "bold $text-accent")), disabled=True))
        for index, quote in members[:per_group]:
            options.append(
                Option(Content.assemble("  ", excerpt(text[quote.start : quote.end], 110)), id=f"quote-{index}")
            )
        if len(members) > per_group:
            options.append(_more(len(members) - per_group, "]"))
    return options


def contents_options(document: Document, query: str = "") -> list[Option]:
    """The headings, indented by level; each row's id is its block's index."""
    options = []
    for index, block in enumerate(document.blocks):
        if block.kind != "heading":
            continue
        words = " ".join(document.text[block.start : block.end].split())
        if query and not matches(query, words):
            continue
        indent = "  " * max(0, block.level - 1)
        style = "bold" if block.level <= 1 else ""
        options.append(Option(Content.assemble(indent, (excerpt(words, 100), style)), id=f"heading-{index}"))
    return options


def claim_options(text: str, claims: list[Claim], limit: int = LIST_LIMIT, query: str = "") -> list[Option]:
    """Claims in document order: kind and source, then the words; with a `query`, only those
    whose kind, source or words match it."""
    options = []
    chosen = [
        (index, claim)
        for index, claim in enumerate(claims)
        if not query or matches(query, claim.kind, claim.source, text[claim.start : claim.end])
    ]
    for index, claim in chosen[:limit]:
        label = claim.kind + (f" · {claim.source}" if claim.source else "")
        options.append(
            Option(
                Content.assemble((label, "$text-accent"), "\n  ", excerpt(text[claim.start : claim.end], 110)),
                id=f"claim-{index}",
            )
        )
    if len(chosen) > limit:
        options.append(_more(len(chosen) - limit, ">"))
    return options


STRIP_WIDTH = 32
_LEVELS = " ▁▂▃▄▅▆▇█"


def speaking_strip(offsets: list[int], length: int, width: int = STRIP_WIDTH) -> str:
    """One line, the document from left to right: the taller the bar, the more they speak there."""
    bins = [0] * width
    for offset in offsets:
        bins[min(width - 1, offset * width // max(1, length))] += 1
    top = max(bins) or 1
    return "".join(_LEVELS[0 if n == 0 else max(1, round(n * (len(_LEVELS) - 1) / top))] for n in bins)


def people_options(length: int, people: list[Person], quotes: list[Quote], query: str = "") -> list[Option]:
    """The cast who speak, most quoted first: name, how many quotes, other names, and a strip of
    where in the document they speak. Choosing one makes ] and [ step through their quotes."""
    spoken: dict[str, list[int]] = {}
    for quote in quotes:
        if quote.speaker:
            spoken.setdefault(quote.speaker, []).append(quote.start)
    options = []
    for index, person in enumerate(ranked_people(people, quotes)):
        starts = spoken.get(person.name, [])
        if not starts or not matches(query, person.name, *person.aliases, *person.descriptions):
            continue
        also = f" · also {', '.join(person.aliases[:3])}" if person.aliases else ""
        described = f" · {person.descriptions[0]}" if person.descriptions else ""
        options.append(
            Option(
                Content.assemble(
                    (person.name, "bold"),
                    (f"  {len(starts)} quote{'s' if len(starts) != 1 else ''}", "$text-accent"),
                    (excerpt(also + described, 60), "$text-muted"),
                    "\n  ",
                    (speaking_strip(starts, length), "$accent"),
                ),
                id=f"person-{index}",
            )
        )
    return options


def ranked_people(people: list[Person], quotes: list[Quote]) -> list[Person]:
    """The people in the order `people_options` numbers them."""
    counts: dict[str, int] = {}
    for quote in quotes:
        if quote.speaker:
            counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
    return sorted(people, key=lambda p: (-counts.get(p.name, 0), p.name))


class SidePane(Vertical):
    BINDINGS = [
        Binding("left", "switch_tab(-1)", "Previous tab", id="pane.previous_tab"),
        Binding("right", "switch_tab(1)", "Next tab", id="pane.next_tab"),
    ]
    DEFAULT_CSS = """
    SidePane TabbedContent { height: 1fr; }
    SidePane #legend { height: auto; padding: 0 1; color: $text-muted; }
    SidePane AnnotationList, SidePane SpanList { height: 1fr; border: none; }
    """

    def action_switch_tab(self, step: int) -> None:
        """Left and right in the pane's list go to the tab beside this one."""
        tabs = self.query_one(TabbedContent)
        panes = [pane.id for pane in tabs.query(TabPane) if pane.id]
        if tabs.active in panes:
            tabs.active = panes[(panes.index(tabs.active) + step) % len(panes)]
            tabs.get_pane(tabs.active).query(OptionList).first().focus()

    def compose(self) -> ComposeResult:
        from textual.widgets import Static

        legend = getattr(getattr(self.app, "config", None), "legend", {})
        if legend:
            # config.toml's [colors]: what each highlight colour means to the user.
            parts: list[str | tuple[str, str]] = []
            for color, meaning in legend.items():
                parts.extend([("█ ", SWATCH_STYLES.get(color, "")), meaning, "  "])
            yield Static(Content.assemble(*parts), id="legend")
        with TabbedContent():
            with TabPane("Notes", id="notes-tab"):
                yield AnnotationList(id="notes")
            with TabPane("Quotes", id="quotes-tab"):
                yield SpanList("quote", id="quotes")
            with TabPane("Claims", id="claims-tab"):
                yield SpanList("claim", id="claims")
            with TabPane("People", id="people-tab"):
                yield SpanList("person", id="people")
            document = getattr(self.screen, "document", None)
            headings = [block for block in document.blocks if block.kind == "heading"] if document else []
            if len(headings) >= 2:
                # A document with headings or chapters: its table of contents.
                with TabPane("Contents", id="contents-tab"):
                    yield SpanList("heading", id="contents")
