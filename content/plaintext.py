"""Plain text into blocks: paragraphs, a detected title and dimmed trailing boilerplate."""

from __future__ import annotations

import re

from content.document import Block, Document

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_LINE = re.compile(r"[^\n]+")
_BOILERPLATE = re.compile(
    r"""(?ix)^\W*(
        share(\s+(this|on\s+\w+|via\s+\w+|article|story))*
      | (tweet|email|e-mail|print|copy\s+link|save|comment|comments)
      | exit\s+mobile\s+version | advertisement | advertisment | sponsored(\s+content)?
      | (read|see)\s+(more|next|also)(:.*)? | related(\s+(articles|stories|posts))?(:.*)?
      | subscribe(\s+.*)? | sign\s+up(\s+.*)? | follow\s+us(\s+.*)?
      | (facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|telegram)
      | (copyright|©).* | all\s+rights\s+reserved\.?
      | skip\s+to\s+(main\s+)?content | back\s+to\s+top | more\s+from\s+.*
    )\W*$"""
)
_TITLE_END = re.compile(r"[.,;:]['’\"”)]*$")
# "BOOK ONE: 1805", "CHAPTER I", "Part 2": a division of a book, not its title.
_DIVISION = re.compile(r"(?i)^(?:book|part|volume|chapter|section|act|canto|prologue|preface)\b")
_LISTED_TITLE = re.compile(r"(?m)^Title:[ \t]*(\S.{0,150}?)[ \t]*$")
_SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to"})


def readable_name(stem: str) -> str:
    """A file name as a title: "war_and_peace" → "War and Peace"."""
    words = re.sub(r"[_\-]+", " ", stem).split()
    return " ".join(
        word if word != word.lower() else (word if index and word in _SMALL_WORDS else word.capitalize())
        for index, word in enumerate(words)
    )


def book_title(text: str, fallback: str) -> str:
    """The title of a book whose first line is a division ("BOOK ONE: 1805"): the `Title:`
    line of a header such as Project Gutenberg's, else the file's name made readable."""
    listed = _LISTED_TITLE.search(text, 0, 5000)
    return listed.group(1) if listed else readable_name(fallback)


# How a file marks its paragraphs when not (only) by blank lines, told from its first part.
# A line is long when no text wrapped at a usual width has it: wrapped files have hardly any
# (the training novels and the corpus books none), files with a paragraph on each line many.
_LONG_LINE = 120
_LAYOUT_SAMPLE = 200_000
_SHARE = 0.1
"""The share of the line breaks between lines that are not blank that must come after a long
line (or before an indented one) for the file to be read so: a wrapped line that happens to
start with a space ("\n said Ida Holm.") is some 0.3% of a novel's, an indented first line
a third or more."""
_FLUSH_LINE = re.compile(r"\n[^\s]")


def _layout(text: str) -> tuple[bool, bool]:
    """Whether the file's lines are long (not wrapped), and whether it indents its paragraphs."""
    between = long_lines = indented = 0
    previous = ""
    for line in text[:_LAYOUT_SAMPLE].split("\n"):
        if line.strip():
            if previous:
                between += 1
                long_lines += len(previous) >= _LONG_LINE
                indented += line[0] in " \t"
            previous = line
        else:
            previous = ""
    unwrapped = long_lines > 0 and long_lines >= _SHARE * between
    return unwrapped, indented >= 2 and indented >= _SHARE * between


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs, as the file's layout marks them:
    - by blank lines (most files, Project Gutenberg's books among them);
    - by a line of their own, in a file whose lines are long (not wrapped), blank lines or
      not (between its chapters, say): each line is a paragraph, but one that stops
      mid-sentence goes on into the next (a stray line break);
    - by an indented first line, in a file that indents its paragraphs;
    - by every newline, in a file with none of these."""
    unwrapped, indents = _layout(text)
    blank_lines = _BLANK_LINE.search(text) is not None
    pattern = _BLANK_LINE if blank_lines or unwrapped or indents else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    position = 0
    for separator in pattern.finditer(text):
        spans.append((position, separator.start()))
        position = separator.end()
    spans.append((position, len(text)))
    if unwrapped or indents:
        spans = [piece for start, end in spans for piece in _lines_of(text, start, end, unwrapped, indents)]
    trimmed = []
    for start, end in spans:
        if start < end and not text[start].isspace() and not text[end - 1].isspace():
            trimmed.append((start, end))  # most paragraphs: nothing to trim, nothing to copy
            continue
        chunk = text[start:end]
        opened = chunk.lstrip()
        if not opened:
            continue
        lead = len(chunk) - len(opened)
        trimmed.append((start + lead, start + lead + len(opened.rstrip())))
    return trimmed


def _goes_on(last: str, first: str) -> bool:
    """Whether a line that ends with `last` goes on into the next, which starts with `first`:
    mid-sentence ("… the ferry board will" / "meet on Thursday …"), not a heading, a speech
    broken off ("… or the skipper, or “") or a paragraph that ends with its sentence."""
    return (last.islower() or last.isdigit() or last in ",-–") and (first.islower() or first.isdigit())


def _lines_of(text: str, start: int, end: int, unwrapped: bool, indents: bool) -> list[tuple[int, int]]:
    """The paragraphs of `text[start:end]` that its lines mark: a break after each line that
    does not go on mid-sentence (`unwrapped`), and before an indented line (`indents`) where
    the stretch has lines that are not indented too (a poem's lines, all indented alike, stay
    together)."""
    newline = text.find("\n", start, end)
    if newline < 0:
        return [(start, end)]
    if indents and not unwrapped and _FLUSH_LINE.search(text, start, end) is None:
        return [(start, end)]
    pieces: list[tuple[int, int]] = []
    at = start
    while newline >= 0:
        following = newline + 1
        last = newline - 1  # the line's last character that is not white space
        while last >= at and text[last] in " \t\r":
            last -= 1
        first = following  # the next line's first
        while first < end and text[first] in " \t":
            first += 1
        indented = first > following
        breaks = (unwrapped and not _goes_on(text[last], text[first : first + 1])) or (indents and indented)
        if breaks and last >= at:
            pieces.append((at, newline))
            at = following
        newline = text.find("\n", following, end)
    pieces.append((at, end))
    return pieces


def is_boilerplate(paragraph: str) -> bool:
    return all(_BOILERPLATE.match(line.strip()) for line in _LINE.findall(paragraph))


def looks_like_title(line: str) -> bool:
    line = line.strip()
    return (
        0 < len(line) <= 120
        and "\n" not in line
        and len(line.split()) <= 20
        and not _TITLE_END.search(line)
        and line[0] not in "\"“‘'«-*•"
    )


_SUBHEADING_LONGEST = 60


def looks_like_subheading(line: str) -> bool:
    """A short line in capitals, as plain-text articles often mark their sections."""
    if len(line) > _SUBHEADING_LONGEST or line.upper() != line or not looks_like_title(line):
        return False
    return sum(char.isalpha() for char in line) >= 3


def byline_author(text: str, blocks: list[Block]) -> str:
    """The author named in a byline just under the title: "By Nessa Quayle" or
    "By Nessa Quayle, Coastal Affairs Correspondent"."""
    if len(blocks) < 2 or blocks[0].kind != "heading":
        return ""
    byline = re.match(r"(?i)by\s+([^\n,]{2,60})(?:,[^\n]{0,80})?$", text[blocks[1].start : blocks[1].end])
    return byline.group(1).strip() if byline else ""


def parse_plain_text(text: str, source: str, fallback_title: str = "") -> Document:
    spans = _paragraph_spans(text)
    blocks: list[Block] = []
    title = ""
    for index, (start, end) in enumerate(spans):
        division = index == 0 and _DIVISION.match(text[start:end]) and end - start <= 120
        if division and len(spans) > 1 and "\n" not in text[start:end]:
            title = book_title(text, fallback_title)
            blocks.append(Block(start, end, kind="heading", level=2))
        elif index == 0 and len(spans) > 1 and looks_like_title(text[start:end]):
            title = text[start:end]
            blocks.append(Block(start, end, kind="heading", level=1))
        elif index > 0 and end - start <= _SUBHEADING_LONGEST and looks_like_subheading(text[start:end]):
            blocks.append(Block(start, end, kind="heading", level=2))
        else:
            blocks.append(Block(start, end))
    for index in range(len(blocks) - 1, 0, -1):
        block = blocks[index]
        if block.kind != "paragraph" or not is_boilerplate(text[block.start : block.end]):
            break
        blocks[index] = Block(block.start, block.end, boilerplate=True)
    if not title:
        # No title line: a header's "Title: …" (Project Gutenberg's files have one) names the book.
        listed = _LISTED_TITLE.search(text, 0, 5000)
        title = listed.group(1) if listed else ""
    author = byline_author(text, blocks)
    return Document(
        text=text,
        title=title or fallback_title,
        source=source,
        format="text",
        blocks=blocks,
        author=author,
    )
