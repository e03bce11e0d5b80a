"""Readwise's CSV import: Highlight, Title, Author, URL, Note, Location, Date.

Location is the character offset of the highlight. Tags go at the end of the note as
`.tag`, which Readwise reads as tags. Quoting is RFC 4180 (CRLF rows, doubled quotes),
so commas, quotes and newlines inside notes survive.

A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return
as a formula (`=HYPERLINK(…)`); such cells get a leading `'`, as OWASP recommends, so the
file is safe to open in Excel, Sheets or LibreOffice.
"""

from __future__ import annotations

import csv
import io

from annotations.export import Export, Item

COLUMNS = ("Highlight", "Title", "Author", "URL", "Note", "Location", "Date")


def readwise_tag(tag: str) -> str:
    return "." + "_".join(tag.split())


def note_with_tags(item: Item) -> str:
    tags = [readwise_tag(tag) for tag in item.annotation.tags]
    if item.orphan:
        tags.append(".orphan")
    note = item.annotation.note
    return "\n".join(part for part in (note, " ".join(tags)) if part)


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """A text cell that a spreadsheet will not run as a formula."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def render(export: Export) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(COLUMNS)
    for item in export.items:
        a = item.annotation
        writer.writerow(
            (
                cell(a.exact),
                cell(export.title),
                cell(export.author),
                cell(export.url),
                cell(note_with_tags(item)),
                a.start,
                a.created.strftime("%Y-%m-%d %H:%M:%S%z").replace("+0000", "+00:00"),
            )
        )
    return out.getvalue()
