"""Markdown for Obsidian and Logseq: front matter, then each highlight as a block quote."""

from __future__ import annotations

import json
import re

from annotations.export import Export, Item, iso

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_LINE_START = re.compile(r"^(\s*)([#+\-=]|\d+[.)])", re.MULTILINE)


def escape(text: str) -> str:
    """Article text shown as text: no accidental emphasis, links, headings or HTML."""
    return _LINE_START.sub(r"\1\\\2", _SPECIAL.sub(r"\\\1", text))


def _yaml(value: str | int) -> str:
    # A JSON string is a valid YAML scalar, whatever it holds.
    return str(value) if isinstance(value, int) else json.dumps(value, ensure_ascii=False)


def tag_name(tag: str) -> str:
    """`#tags` hold letters, digits, `_`, `-` and `/` in Obsidian and Logseq: spaces become
    `-` and anything else (`#"><script>`) is dropped."""
    return re.sub(r"[^\w/-]", "", re.sub(r"\s+", "-", tag.strip()))


# A note stays a note: its emphasis and links are the user's own Markdown, but it never
# opens HTML, a heading, a rule or front matter, or closes the block around it.
_NOTE_HTML = re.compile(r"[<>]")
_NOTE_LINE_START = re.compile(r"^(\s*)(#|-{3,}|={3,}|\*{3,}|_{3,}|\+{3,})", re.MULTILINE)


def note_markdown(note: str) -> str:
    escaped = _NOTE_HTML.sub(lambda m: "&lt;" if m.group() == "<" else "&gt;", note.replace("\r\n", "\n"))
    return _NOTE_LINE_START.sub(r"\1\\\2", escaped)


def _item(item: Item) -> list[str]:
    annotation = item.annotation
    lines = [f"> {line}" if line else ">" for line in escape(annotation.exact).split("\n")]
    if annotation.kind == "quote" and annotation.speaker:
        lines += [">", f"> — {escape(annotation.speaker)}"]
    lines.append("")
    if item.orphan:
        lines += ["*Orphan: this passage is no longer in the article.*", ""]
    if annotation.note:
        lines += [note_markdown(annotation.note), ""]
    tags = [name for name in (tag_name(tag) for tag in annotation.tags) if name]
    if tags:
        lines += [" ".join(f"#{name}" for name in tags), ""]
    if item.context:
        lines += [f"Context: {escape(item.context)}", ""]
    return lines


def render(export: Export) -> str:
    front = [
        "---",
        f"title: {_yaml(export.title)}",
        f"author: {_yaml(export.author)}",
        f"source: {_yaml(export.source)}",
    ]
    if export.timestamp is not None:
        front.append(f"exported: {iso(export.timestamp)}")
    front += [
        f"annotations: {len(export.items)}",
        f"orphans: {export.orphans}",
        "---",
        "",
        f"# {escape(export.title)}",
        "",
    ]
    lines = front
    section = ""
    placed = [item for item in export.items if not item.orphan]
    orphans = [item for item in export.items if item.orphan]
    for item in placed:
        if item.section and item.section != section:
            section = item.section
            lines += [f"## {escape(section)}", ""]
        lines += _item(item)
    if orphans:
        lines += ["## Orphaned annotations", ""]
        for item in orphans:
            lines += _item(item)
    return "\n".join(lines).rstrip("\n") + "\n"
