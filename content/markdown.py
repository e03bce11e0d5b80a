"""Markdown into a Document through markdown-it-py.

The Document's text is what a reader sees (no `#`, `*` or link targets); emphasis, code
and links become inline style spans, and lists and block quotes become blocks with a
depth and a marker that the reader draws beside the text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from content.builder import TextBuilder, aligned_table
from content.document import BlockKind, Document, InlineKind, InlineStyle
from content.plaintext import byline_author

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n(?:---|\.\.\.)\n", re.DOTALL)
_INLINE_KINDS: dict[str, InlineKind] = {
    "em": "emphasis",
    "strong": "strong",
    "s": "strike",
    "link": "link",
}


class _Builder(TextBuilder):
    def add_inline(self, children: list[Token], **fields: object) -> None:
        start = self.begin_block()
        opened: list[tuple[str, int, str]] = []
        for token in children:
            kind = token.type
            if kind == "text" or kind == "html_inline":
                self.append(token.content)
            elif kind == "softbreak":
                self.append(" ")
            elif kind == "hardbreak":
                self.append("\n")
            elif kind == "code_inline":
                begin = self.length
                self.append(token.content)
                self.inline.append(InlineStyle(begin, self.length, "code"))
            elif kind == "image":
                begin = self.length
                self.append(token.content or "image")
                self.inline.append(InlineStyle(begin, self.length, "emphasis"))
            elif kind.endswith("_open") and kind[:-5] in _INLINE_KINDS:
                opened.append((kind[:-5], self.length, str(token.attrGet("href") or "")))
            elif kind.endswith("_close") and opened and opened[-1][0] == kind[:-6]:
                name, begin, href = opened.pop()
                if self.length > begin:
                    self.inline.append(InlineStyle(begin, self.length, _INLINE_KINDS[name], href))
        self.end_block(start, **fields)


def _plain(children: list[Token]) -> str:
    """What a table cell shows: its text without the Markdown (`**`, link targets)."""
    return "".join(
        " " if token.type in ("softbreak", "hardbreak") else token.content or ""
        for token in children
        if token.type in ("text", "code_inline", "softbreak", "hardbreak", "html_inline", "image")
    )


def _front_matter_title(front_matter: str) -> str:
    match = re.search(r"(?m)^title:\s*(.+?)\s*$", front_matter)
    return match.group(1).strip("\"'") if match else ""


def parse_markdown(source_text: str, source: str, fallback_title: str = "") -> Document:
    title = ""
    front = _FRONT_MATTER.match(source_text)
    if front:
        title = _front_matter_title(front.group(1))
        source_text = source_text[front.end() :]
    parser = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    tokens = parser.parse(source_text)
    builder = _Builder()
    quote_depth = 0
    lists: list[list[int]] = []  # one [ordered, counter] per open list
    item_fresh = False  # the next paragraph is the first of a list item: it gets the marker
    heading_level = 0
    table_rows: list[list[str]] = []
    row: list[str] = []
    in_cell = False

    for token in tokens:
        kind = token.type
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append([kind == "ordered_list_open", int(token.attrGet("start") or 1) - 1])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            lists[-1][1] += 1
            item_fresh = True
        elif kind == "heading_open":
            heading_level = int(token.tag[1:])
        elif kind == "heading_close":
            heading_level = 0
        elif kind in ("th_open", "td_open"):
            in_cell = True
        elif kind in ("th_close", "td_close"):
            in_cell = False
        elif kind == "inline" and in_cell:
            row.append(_plain(token.children or []))
        elif kind == "inline":
            block_kind: BlockKind = "paragraph"
            fields: dict[str, object] = {"quote_depth": quote_depth, "depth": len(lists)}
            if heading_level:
                block_kind = "heading"
                fields["level"] = heading_level
                if not title and heading_level == 1:
                    title = token.content
            elif lists:
                block_kind = "list_item"
                if item_fresh:
                    ordered, counter = lists[-1]
                    fields["marker"] = f"{counter}." if ordered else "•"
                    item_fresh = False
            elif quote_depth:
                block_kind = "quote"
            builder.add_inline(token.children or [], kind=block_kind, **fields)
        elif kind in ("fence", "code_block"):
            builder.add_block(token.content.rstrip("\n"), kind="code", depth=len(lists), quote_depth=quote_depth)
        elif kind == "html_block":
            if not token.content.lstrip().startswith("<!--"):
                builder.add_block(token.content.rstrip("\n"), kind="code", quote_depth=quote_depth)
        elif kind == "hr":
            builder.add_block("", kind="rule")
        elif kind == "tr_close":
            table_rows.append(row)
            row = []
        elif kind == "table_close":
            builder.add_block(aligned_table(table_rows), kind="code", quote_depth=quote_depth)
            table_rows = []

    text = builder.text()
    return Document(
        text=text,
        title=title or fallback_title,
        source=source,
        format="markdown",
        blocks=builder.blocks,
        inline=builder.inline,
        author=byline_author(text, builder.blocks),
    )
