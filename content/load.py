"""Read an article from a file, stdin or the built-in sample, and build its Document."""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from content.clean import clean_line, clean_text
from content.document import Document
from content.errors import ContentError
from content.package_data import package_bytes
from content.plaintext import parse_plain_text

if TYPE_CHECKING:
    from content.fetch import Progress  # urllib and ssl load only when a URL is opened

SAMPLE_SOURCE = "postil:sample"
STDIN_SOURCE = "-"
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
MAX_BYTES = 64 * 1024 * 1024
_SNIFF = 8192


def decode(data: bytes) -> str:
    """Decode article bytes without ever failing: BOM, then UTF-8, then cp1252, then latin-1."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        invalid = error
    head = data[:_SNIFF]
    if head and head.count(b"\x00") > len(head) // 4 and len(head) % 2 == 0:
        # UTF-16 without a BOM: every other byte of ASCII text is zero.
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        return data.decode(encoding, errors="replace")
    # Mostly valid UTF-8 with a few bad bytes: keep it UTF-8 and mark the bad bytes.
    valid_prefix = data[: invalid.start]
    if any(byte >= 0x80 for byte in valid_prefix):
        return data.decode("utf-8", errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if not head or head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    if b"\x00" not in head:
        return False
    zeros_even, zeros_odd = head[0::2].count(0), head[1::2].count(0)
    utf16_like = min(zeros_even, zeros_odd) < len(head) // 50 and max(zeros_even, zeros_odd) > len(head) // 4
    return not utf16_like


def read_file_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ContentError(f"{path}: no such file") from None
    except OSError as error:
        raise ContentError(f"{path}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ContentError(f"{path}: is a directory, not an article")
    if not stat.S_ISREG(info.st_mode):
        raise ContentError(f"{path}: not a regular file (a FIFO, socket or device cannot be read as an article)")
    if info.st_size > MAX_BYTES:
        raise ContentError(f"{path}: too large ({info.st_size // (1024 * 1024)} MB; the limit is 64 MB)")
    try:
        return path.read_bytes()
    except OSError as error:
        raise ContentError(f"{path}: {error.strerror or error}") from None


def read_stream(stream: BinaryIO) -> bytes:
    data = stream.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ContentError("standard input: too large (the limit is 64 MB)")
    return data


Format = Literal["text", "markdown", "html"]


def looks_like_html(data: bytes) -> bool:
    return bool(_HTML_START.match(data[:_SNIFF]))


def decode_html(data: bytes, declared: str | None = None) -> str:
    """A page's bytes as text: a BOM wins, then the server's charset, then `<meta charset>`."""
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        meta = _META_CHARSET.search(data[:_SNIFF])
        for charset in (declared, meta.group(1).decode("ascii") if meta else None):
            if not charset:
                continue
            try:
                codec = codecs.lookup(charset).name
            except LookupError:
                continue
            if codec in ("ascii", "latin-1", "iso8859-1"):
                codec = "cp1252"  # what browsers do for these labels
            if codec == "utf-8":
                return data.decode("utf-8", errors="replace")
            return data.decode(codec, errors="replace")
    return decode(data)


def document_from_bytes(data: bytes, source: str, name: str, format: Format, charset: str | None = None) -> Document:
    if looks_binary(data):
        raise ContentError(f"{name}: looks like a binary file, not an article")
    fallback = clean_line(Path(name).stem) if name != STDIN_SOURCE else "standard input"
    if format == "html":
        from content.html import parse_html  # trafilatura is imported only for HTML

        return parse_html(decode_html(data, charset), source, fallback)
    text = clean_text(decode(data))
    if format == "markdown":
        from content.markdown import parse_markdown  # markdown-it is imported only when needed

        return parse_markdown(text, source, fallback)
    return parse_plain_text(text, source, fallback)


def sniff_format(data: bytes, suffix: str = "") -> Format:
    if suffix in HTML_SUFFIXES or looks_like_html(data):
        return "html"
    if suffix in MARKDOWN_SUFFIXES or (not suffix and data.lstrip()[:1] == b"#"):
        return "markdown"
    return "text"


def sample_bytes() -> bytes:
    return package_bytes("content", "sample", "lighthouse.txt")


def is_url(source: str) -> bool:
    return re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", source) is not None


def load_document(
    source: str | None,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Document:
    """Load SOURCE: a path, an http(s) URL, `-` for stdin, or None for the built-in sample.

    `progress` is called as a URL downloads, with the bytes so far and the total if known;
    `cancelled` is polled meanwhile, and stops the download when it says so.
    """
    if source is None or source == SAMPLE_SOURCE:
        return document_from_bytes(sample_bytes(), SAMPLE_SOURCE, "sample", "text")
    if source == STDIN_SOURCE:
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = read_stream(stream)
        return document_from_bytes(data, STDIN_SOURCE, STDIN_SOURCE, sniff_format(data))
    if is_url(source):
        return load_url(source, progress, cancelled)
    path = Path(os.path.expanduser(source))
    data = read_file_bytes(path)
    return document_from_bytes(data, str(path.resolve()), path.name, sniff_format(data, path.suffix.lower()))


PREVIEW_ABOVE = 256 * 1024
"""A Markdown file larger than this is shown from its first part while the rest is parsed."""
_PREVIEW_BYTES = 48 * 1024
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.MULTILINE)


def preview_document(source: str | None) -> Document | None:
    """For a large local Markdown file, a Document of its first part only, to draw the
    first screen from while the whole file is parsed (a 3 MB book takes a second). None
    for anything else, or anything that goes wrong: the full load reports errors."""
    if source is None or source in (SAMPLE_SOURCE, STDIN_SOURCE) or is_url(source):
        return None
    path = Path(os.path.expanduser(source))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode) or info.st_size <= PREVIEW_ABOVE:
            return None
        with path.open("rb") as handle:
            head = handle.read(_PREVIEW_BYTES)
    except OSError:
        return None
    if looks_binary(head) or sniff_format(head, path.suffix.lower()) != "markdown":
        return None
    head = head[: head.rfind(b"\n") + 1]  # whole lines: never half of a UTF-8 character
    text = clean_text(decode(head))
    cut = text.rfind("\n\n")
    if cut <= 0:
        return None
    text = text[:cut]
    if len(_FENCE.findall(text)) % 2:
        text = text[: list(_FENCE.finditer(text))[-1].start()]  # never stop inside a code fence
    from content.markdown import parse_markdown

    return parse_markdown(text, str(path.resolve()), clean_line(path.stem))


def load_url(url: str, progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Document:
    from content.fetch import check_scheme, fetch, normalise_url

    check_scheme(url)
    fetched = fetch(url, progress=progress, cancelled=cancelled)
    key = normalise_url(url)
    name = Path(fetched.url.split("?", 1)[0].rstrip("/")).name or "page"
    if fetched.content_type in ("text/html", "application/xhtml+xml") or looks_like_html(fetched.body):
        format: Format = "html"
    elif fetched.content_type in ("text/markdown", "text/x-markdown") or name.endswith(tuple(MARKDOWN_SUFFIXES)):
        format = "markdown"
    else:
        format = "text"
    return document_from_bytes(fetched.body, key, name, format, fetched.charset)
