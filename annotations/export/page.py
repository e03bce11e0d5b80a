"""One self-contained HTML page: the article with its highlights as `<mark>`s in their
colours, notes beside them (side notes on wide screens, footnotes on narrow ones and on
paper), and a print stylesheet. No scripts, no fonts, no requests: a Content-Security-
Policy forbids them. Every piece of text is escaped, article and notes alike.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from html import escape
from itertools import pairwise

from annotations.export import Export, Item, iso
from annotations.model import Annotation
from content import Block, Document

STYLE = """
:root { --yellow: #fff0a0; --green: #c9f2c9; --blue: #cfe2ff; --pink: #ffd3e8; --purple: #e4d6ff; }
body { font: 17px/1.6 Georgia, "Times New Roman", serif; color: #1d1d1d; background: #fffdf8;
       max-width: 38em; margin: 2em auto 4em; padding: 0 1em; }
header h1 { line-height: 1.2; margin-bottom: .2em; }
.byline, .source, .furniture, .meta { color: #666; font-size: .9em; }
mark { padding: 0 .1em; border-radius: 2px; color: inherit; }
mark.yellow { background: var(--yellow); } mark.green { background: var(--green); }
mark.blue { background: var(--blue); } mark.pink { background: var(--pink); }
mark.purple { background: var(--purple); }
blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid #ddd; color: #333; }
.item { margin: .2em 0 .2em 1.5em; } .item .marker { display: inline-block; width: 1.5em; margin-left: -1.5em; }
pre { white-space: pre-wrap; background: #f4f1ea; padding: .6em; }
sup.ref a { text-decoration: none; font-size: .75em; }
.sidenote { display: none; }
.note-text { white-space: pre-wrap; }
.tags { color: #6a5acd; font-size: .9em; }
.speaker { color: #444; font-style: italic; }
.footnotes { border-top: 1px solid #ddd; margin-top: 3em; font-size: .9em; }
.orphans blockquote { border-left-color: #e0a040; }
.orphan-flag { color: #b5651d; font-size: .85em; font-style: italic; }
@media (min-width: 72em) {
  body { margin-left: 12%; }
  .sidenote { display: block; float: right; clear: right; width: 16em; margin-right: -19em;
              font-size: .82em; line-height: 1.4; color: #333; }
  .footnotes .placed { display: none; }
}
@media print {
  body { background: none; max-width: none; margin: 0; font-size: 11pt; }
  mark { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .sidenote { display: none !important; }
  .footnotes .placed { display: list-item !important; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; }
  blockquote, .footnotes li { break-inside: avoid; }
}
"""

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _lines(text: str) -> str:
    return _e(text).replace("\n", "<br>")  # escaping leaves line breaks as they are


def _tags(annotation: Annotation) -> str:
    return " ".join(f"#{tag}" for tag in annotation.tags)


def _note_html(item: Item, number: int) -> str:
    a = item.annotation
    parts = [f"<strong>{number}.</strong> "]
    if a.kind == "quote" and a.speaker:
        parts.append(f'<span class="speaker">— {_e(a.speaker)}</span> ')
    if a.note:
        parts.append(f'<span class="note-text">{_e(a.note)}</span> ')
    if a.tags:
        parts.append(f'<span class="tags">{_e(_tags(a))}</span>')
    return "".join(parts).rstrip()


def _has_note(item: Item) -> bool:
    a = item.annotation
    return bool(a.note or a.tags or (a.kind == "quote" and a.speaker))


class _Page:
    def __init__(self, export: Export, document: Document) -> None:
        self.document = document
        self.items = [item for item in export.items if not item.orphan]
        self.numbers: dict[str, int] = {}
        for item in self.items:
            if _has_note(item):
                self.numbers[item.annotation.id] = len(self.numbers) + 1
        edges = {0, len(document.text)}
        for item in self.items:
            edges.update((item.annotation.start, item.annotation.end))
        self.edges = sorted(edges)
        # The sweep: blocks are drawn in order, so the highlights open at a point are kept
        # as the text is walked, instead of scanning every highlight at every cut.
        self._by_start = sorted(self.items, key=lambda item: item.annotation.start)
        self._next = 0
        """The first item (by start) not yet opened."""
        self._open: list[Item] = []
        self._at = -1

    def _covering(self, left: int) -> list[Item]:
        """The highlights over the piece that starts at `left` (there is no edge inside it)."""
        if left < self._at:
            self._next, self._open = 0, []  # drawn out of order: start the sweep again
        self._at = left
        while self._next < len(self._by_start) and self._by_start[self._next].annotation.start <= left:
            self._open.append(self._by_start[self._next])
            self._next += 1
        self._open = [i for i in self._open if i.annotation.end > left]
        return self._open

    def inline(self, start: int, end: int) -> str:
        """Text of [start, end) with every highlight over it as (nested) marks."""
        text = self.document.text
        cuts = [start, *self.edges[bisect_right(self.edges, start) : bisect_left(self.edges, end)], end]
        out = []
        for left, right in pairwise(cuts):
            if left >= right:
                continue
            covering = self._covering(left)
            piece = _lines(text[left:right])
            for item in reversed(covering):
                a = item.annotation
                piece = f'<mark class="{_e(a.color)}" data-id="{_e(a.id)}" title="{_e(a.kind)}">{piece}</mark>'
            out.append(piece)
            for item in covering:
                a = item.annotation
                number = self.numbers.get(a.id)
                if a.end == right and number is not None:
                    out.append(
                        f'<sup class="ref"><a href="#note-{_e(a.id)}" id="ref-{_e(a.id)}">{number}</a></sup>'
                        f'<span class="sidenote">{_note_html(item, number)}</span>'
                    )
        return "".join(out)

    def block(self, block: Block) -> str:
        body = self.inline(block.start, block.end)
        if block.kind == "heading":
            level = min(6, block.level + 1)
            return f"<h{level}>{body}</h{level}>"
        if block.kind == "code":
            return f"<pre>{body}</pre>"
        if block.kind == "rule":
            return "<hr>"
        if block.boilerplate:
            return f'<p class="furniture">{body}</p>'
        if block.kind == "list_item":
            marker = f'<span class="marker">{_e(block.marker)}</span>' if block.marker else ""
            return f'<div class="item" style="margin-left: {1.5 * block.depth:g}em">{marker}{body}</div>'
        if block.kind == "quote" or block.quote_depth:
            return f"<blockquote><p>{body}</p></blockquote>"
        return f"<p>{body}</p>"

    def article(self, title: str) -> list[str]:
        blocks = self.document.blocks
        skip_title = bool(blocks) and blocks[0].kind == "heading" and self.document.slice(blocks[0]).strip() == title
        return [self.block(block) for block in (blocks[1:] if skip_title else blocks)]

    def footnotes(self) -> list[str]:
        notes = [
            f'<li class="placed" id="note-{_e(i.annotation.id)}">{_note_html(i, self.numbers[i.annotation.id])} '
            f'<a href="#ref-{_e(i.annotation.id)}" aria-label="back to the text">↩</a></li>'
            for i in self.items
            if i.annotation.id in self.numbers
        ]
        if not notes:
            return []
        listing = '<ol style="list-style: none; padding: 0">'
        return ['<section class="footnotes">', "<h2>Notes</h2>", listing, *notes, "</ol>", "</section>"]


def _standalone(item: Item, css_class: str = "") -> list[str]:
    a = item.annotation
    mark = f'<mark class="{_e(a.color)}" data-id="{_e(a.id)}">{_lines(a.exact)}</mark>'
    lines = [f'<blockquote class="{css_class}">{mark}']
    if a.kind == "quote" and a.speaker:
        lines.append(f'<br><span class="speaker">— {_e(a.speaker)}</span>')
    lines.append("</blockquote>")
    if item.orphan:
        lines.append('<p class="orphan-flag">Orphan: this passage is no longer in the article.</p>')
    if a.note:
        lines.append(f'<p class="note-text">{_e(a.note)}</p>')
    if a.tags:
        lines.append(f'<p class="tags">{_e(_tags(a))}</p>')
    return lines


def render(export: Export) -> str:
    meta = " · ".join(part for part in (export.author and f"By {export.author}", export.site, export.date) if part)
    head = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="postil">',
        f"<title>{_e(export.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{_e(export.title)}</h1>",
    ]
    shown = export.document.text[:2000] if export.document is not None else ""
    if meta and not (export.author and f"By {export.author}" in shown):  # the article has its own byline
        head.append(f'<p class="byline">{_e(meta)}</p>')
    counts = f"{len(export.items)} annotation{'s' if len(export.items) != 1 else ''}"
    if export.orphans:
        counts += f", {export.orphans} orphaned"
    stamp = f" · exported {iso(export.timestamp)}" if export.timestamp else ""
    head.append(f'<p class="source">{_e(export.source)} · {counts}{stamp}</p>')
    head.append("</header>")
    body: list[str] = []
    orphans = [item for item in export.items if item.orphan]
    if export.document is not None:
        page = _Page(export, export.document)
        body += ["<article>", *page.article(export.title), "</article>", *page.footnotes()]
    else:
        body += ["<section>", "<h2>Highlights</h2>"]
        for item in export.items:
            if not item.orphan:
                body += _standalone(item)
        body.append("</section>")
    if orphans:
        body += ['<section class="orphans">', "<h2>Orphaned annotations</h2>"]
        for item in orphans:
            body += _standalone(item, "orphan")
        body.append("</section>")
    return "\n".join([*head, *body, "</body>", "</html>"]) + "\n"
