"""HTML pages into a Document, through trafilatura's main-article extraction.

trafilatura drops navigation, ads, comments, scripts and styles and hands back the
article as a small XML tree (`head`, `p`, `quote`, `list`/`item`, `code`, `table`,
with `hi`, `ref` and `lb` inline). That tree becomes blocks and inline styles here, the
same model Markdown builds, so the reader and the analysis do not care where text came from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from content.builder import TextBuilder, aligned_table
from content.clean import clean_line, clean_text
from content.document import Document, InlineKind, InlineStyle
from content.errors import ContentError

_SPACE = re.compile(r"\s+")
_HI_KINDS: dict[str, InlineKind] = {"#b": "strong", "#i": "emphasis", "#u": "emphasis", "#t": "code"}
Run = tuple[str, tuple[tuple[InlineKind, str], ...]]
"""A piece of inline text and the styles (kind, href) around it."""


def _runs(element: Any, styles: tuple[tuple[InlineKind, str], ...] = (), *, skip: str = "") -> Iterator[Run]:
    """The inline text of `element` in order, without the child elements named in `skip`."""
    if element.text:
        yield element.text, styles
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag and tag in skip.split():
            pass
        elif tag == "lb":
            yield "\n", styles
        elif tag == "hi":
            kind = _HI_KINDS.get(child.get("rend", ""), "emphasis")
            yield from _runs(child, (*styles, (kind, "")))
        elif tag == "ref":
            yield from _runs(child, (*styles, ("link", child.get("target", ""))))
        elif tag == "del":
            yield from _runs(child, (*styles, ("strike", "")))
        elif tag and tag != "graphic":
            yield from _runs(child, styles)
        if child.tail:
            yield child.tail, styles


def _normalised(runs: Iterator[Run]) -> list[Run]:
    """Collapse white space as a browser would (a line break `lb` stays) and trim the ends."""
    out: list[Run] = []
    after_space = True
    for text, styles in runs:
        if text == "\n":
            if out:
                out[-1] = (out[-1][0].rstrip(" "), out[-1][1])
            out.append(("\n", styles))
            after_space = True
            continue
        flat = _SPACE.sub(" ", clean_text(text))
        if after_space:
            flat = flat.lstrip(" ")
        if flat:
            out.append((flat, styles))
            after_space = flat.endswith(" ")
    while out and not out[-1][0].strip():
        out.pop()
    if out:
        out[-1] = (out[-1][0].rstrip(), out[-1][1])
    return out


class _HtmlBuilder(TextBuilder):
    def add_runs(self, runs: list[Run], **fields: object) -> None:
        if not runs:
            return
        start = self.begin_block()
        for text, styles in runs:
            begin = self.length
            self.append(text)
            self.inline.extend(InlineStyle(begin, self.length, kind, href) for kind, href in styles)
        self.end_block(start, **fields)

    def walk(self, element: Any, quote_depth: int = 0, depth: int = 0) -> None:
        for child in element:
            self.visit(child, quote_depth, depth)

    def visit(self, child: Any, quote_depth: int, depth: int) -> None:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "head":
            rend = child.get("rend", "")
            level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
            self.add_runs(_normalised(_runs(child)), kind="heading", level=level)
        elif tag == "quote":
            loose = _normalised(_runs(child, skip="p list quote head code table"))
            self.add_runs(loose, kind="quote", quote_depth=quote_depth + 1)
            self.walk(child, quote_depth + 1, depth)
        elif tag == "list":
            ordered = child.get("rend", "") == "ol"
            for number, item in enumerate((i for i in child if i.tag == "item"), 1):
                runs = _normalised(_runs(item, skip="list"))
                marker = f"{number}." if ordered else "•"
                self.add_runs(runs, kind="list_item", marker=marker, depth=depth + 1, quote_depth=quote_depth)
                for nested in item:
                    if nested.tag == "list":
                        self.visit(nested, quote_depth, depth + 1)
        elif tag == "code":
            code = clean_text("".join(child.itertext())).strip("\n")
            if code.strip():
                self.add_block(code, kind="code", quote_depth=quote_depth, depth=depth)
        elif tag == "table":
            rows = [[clean_text("".join(cell.itertext())) for cell in row] for row in child.iter("row")]
            table = aligned_table(rows, header=any(cell.get("role") == "head" for cell in child.iter("cell")))
            if table:
                self.add_block(table, kind="code", quote_depth=quote_depth, depth=depth)
        elif tag == "p":
            kind = "quote" if quote_depth else "paragraph"
            self.add_runs(_normalised(_runs(child, skip="list")), kind=kind, quote_depth=quote_depth, depth=depth)
            for nested in child:
                if nested.tag == "list":
                    self.visit(nested, quote_depth, depth)
        elif tag in ("div", "section"):
            self.walk(child, quote_depth, depth)


_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _visible_reference(match: re.Match[str]) -> str:
    """`&#27;` or `&#x7;` stand for control characters, which the HTML parser refuses (and the
    whole page with them): they become the visible stand-ins that article text uses."""
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    if code in (9, 10, 13) or not (code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF):
        return match.group()
    return clean_text(chr(code)) if code < 0xD800 else "\ufffd"


_BYLINE_START = re.compile(r"\s*(?:(?:[Ww]ritten )?[Bb]y [A-Z]|(?:[Pp]osted|[Pp]ublished|[Uu]pdated)\b)")
_TITLE_TAG = re.compile(r"<title[^>]*>(.*?)</title>", re.IGNORECASE | re.DOTALL)
_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")


def _text_of(element: Any) -> str:
    return " ".join(clean_text("".join(element.itertext())).split())


def _own_byline(body: Any, title: Any, author: str) -> Any:
    """The page's own byline among the first paragraphs of the article, if it has one."""
    paragraphs = [child for child in body if isinstance(child.tag, str) and child is not title][:3]
    for child in paragraphs:
        if child.tag != "p":
            continue
        text = _text_of(child)
        # With the author known, only a paragraph that names them (it is then replaced, so
        # "By Tuesday, the council …" is never taken); without, one that reads like a byline
        # (it is then kept, dimmed).
        named = author.casefold() in text.casefold() if author else _BYLINE_START.match(text) is not None
        if text and len(text) <= 200 and named:
            return child
    return None


def _site_from_title(html: str, title: str) -> str:
    """The site's name from a page title such as "Headline | The Gazette", when the page's
    metadata does not give it."""
    match = _TITLE_TAG.search(html[:20000])
    if match is None or not title:
        return ""
    parts = [" ".join(part.split()) for part in _TITLE_SEPARATORS.split(clean_line(match.group(1)).strip())]
    if len(parts) == 2 and title.casefold() in (parts[0].casefold(), parts[1].casefold()):
        other = parts[1] if parts[0].casefold() == title.casefold() else parts[0]
        return other if 0 < len(other) <= 60 else ""
    return ""


def _site_from_url(source: str) -> str:
    if "://" not in source:
        return ""
    from urllib.parse import urlsplit

    host = urlsplit(source).hostname or ""
    return clean_line(host.removeprefix("www."))


def parse_html(html: str, source: str, fallback_title: str = "") -> Document:
    """Extract the main article of an HTML page; ContentError when there is none."""
    import trafilatura  # imported here: it takes a while, and only HTML needs it

    if "&#" in html:
        html = _CHARACTER_REFERENCE.sub(_visible_reference, html)
    try:
        extracted = trafilatura.bare_extraction(
            html,
            url=source if "://" in source else None,
            with_metadata=True,
            include_comments=False,
            include_formatting=True,
            include_links=True,
            include_tables=True,
            include_images=False,
            favor_recall=True,
        )
    except Exception as error:  # the extractor's own failures must not become a traceback
        raise ContentError(f"{clean_line(source)}: the page could not be read as an article ({error})") from None
    body = getattr(extracted, "body", None) if extracted is not None else None
    if body is None or not " ".join(body.itertext()).strip():
        raise ContentError(
            f"{clean_line(source)}: no article text found in the page (it may be all script, or need JavaScript)"
        )
    title, author, site, date = (
        clean_line(getattr(extracted, name, None) or "").strip() for name in ("title", "author", "sitename", "date")
    )

    builder = _HtmlBuilder()
    first = next((child for child in body if isinstance(child.tag, str)), None)
    first_is_title = (
        first is not None
        and first.tag == "head"
        and _SPACE.sub(" ", "".join(first.itertext())).strip().casefold() == title.casefold()
    )
    if title and not first_is_title:
        builder.add_block(title, kind="heading", level=1)
    if title and first_is_title:
        builder.visit(first, 0, 0)
    site = site or _site_from_title(html, title) or _site_from_url(source)
    own = _own_byline(body, first if first_is_title else None, author)
    # The page's own byline ("By Nessa Quayle · November 25, 2026") gives way to one made from
    # the page's metadata, so that the author and the date are not shown twice; without an
    # author in the metadata the page's own is kept, dimmed.
    byline = " · ".join(
        part
        for part in ((f"By {author}" if author else ""), site, "" if own is not None and not author else date)
        if part
    )
    if byline:
        # Metadata, not article text: dimmed and never analysed, like other page furniture.
        builder.add_block(byline, kind="paragraph", boilerplate=True)
    for child in body:
        if first_is_title and child is first:
            continue
        if child is own:
            if not author:
                builder.add_block(_text_of(child), kind="paragraph", boilerplate=True)
            continue
        builder.visit(child, 0, 0)
    return Document(
        text=builder.text(),
        title=title or fallback_title,
        source=source,
        format="html",
        blocks=builder.blocks,
        inline=builder.inline,
        author=author,
        date=date,
        site=site,
    )
