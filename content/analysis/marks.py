"""Finding quotations by their marks: curly, straight, single inside double, guillemets,
and quotations that run over several paragraphs. Apostrophes are told apart from marks."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from content.analysis import kept_regex
from content.analysis.pause import Pause, pausing
from content.document import Block

DOUBLE_OPEN = "“«„"
DOUBLE_CLOSE = "”»"
SINGLE_OPEN = "‘‹"
SINGLE_CLOSE = "’›"
_OPENING_CONTEXT = " \t\n([{—–-/:;"
_WORDS_AFTER_SPACES = kept_regex.compile(r" +[A-Za-z_]")
"""Spaces, then a word: where a text lost a dash (said Holm, "   and the pier with me")."""


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """`text[start:end]` includes the marks; `depth` 2 is a quote inside a quote."""

    start: int
    end: int
    depth: int
    closed: bool


def _is_open(text: str, i: int, start: int, end: int, single: bool) -> bool:
    char = text[i]
    previous = text[i - 1] if i > start else " "
    following = text[i + 1] if i + 1 < end else " "
    if char in DOUBLE_OPEN or char in SINGLE_OPEN:
        if single and following.isdigit():
            return False  # ‘90s, written with the wrong mark
        return not following.isspace()
    if char in "\"'":
        if previous not in _OPENING_CONTEXT and not previous.isspace():
            return False
        if following == " " and previous.isspace() and _WORDS_AFTER_SPACES.match(text, i + 1, end):
            return True  # said Holm, "   and the pier with me": a speech taken up after a lost dash
        if following.isspace() or i + 1 >= end:
            return False
        return not (char == "'" and _is_elision(text, i, end))
    return False


def _is_elision(text: str, i: int, end: int) -> bool:
    """'90s, ’em, ’n’, ’tis: a mark at the start of a word that is not a quotation."""
    rest = text[i + 1 : min(end, i + 5)].lower()
    return rest[:2].isdigit() or rest.startswith(("em ", "n ", "n’", "n'", "tis", "twas", "cause "))


def _is_close(text: str, i: int, start: int, end: int, single: bool) -> bool:
    char = text[i]
    previous = text[i - 1] if i > start else " "
    following = text[i + 1] if i + 1 < end else " "
    if char in DOUBLE_CLOSE:
        return True
    if char == "“" and previous in ",.?!" and following.isspace():
        return True  # “Is it?“ he asked: an opening mark typed where the closing one belongs
    if char in "“‘" and previous.isspace() and following.isspace():
        return True  # ‘…, or the skipper, or ‘ : a lost dash's mark, curled the wrong way, opens nothing
    if char == '"':
        # ‘…,' " said Hale’: a space between a nested quotation's close and the outer one's.
        nested_close = previous == " " and i >= start + 2 and text[i - 2] in "'’" and not following.isalnum()
        # "…, or the skipper, or "  — a speech broken off (its dash lost) closes on a mark between spaces,
        # which can open nothing.
        broken_off = previous.isspace() and following.isspace()
        return not previous.isspace() or nested_close or broken_off
    if char in SINGLE_CLOSE or char == "'":
        if previous.isspace():
            # 'Indeed, I '  — as with a double mark, a straight one between spaces closes a
            # speech broken off.
            return char == "'" and following.isspace()
        if previous.isalpha() and following.isalpha():
            return False  # it’s, don’t
        if previous in "nN" and i >= start + 2 and text[i - 2] in "'’" and (i < start + 3 or text[i - 3].isspace()):
            return False  # rock ’n’ roll
        # Reynolds’ lawyer: a possessive, not a close.
        possessive = previous in "sS" and following == " " and i + 2 < end and text[i + 2].islower()
        return not possessive
    return False


_SINGLE_MARK = kept_regex.compile("['‘’‹›]")


def _elided_before_the_close(text: str, i: int, start: int, end: int, single: bool) -> bool:
    """A word's last letter left out ("goin’", "o’", "an’"), not the close: the quotation's close
    is a mark after a stop or a comma later in the paragraph ("‘You’re goin’ out in this?’ said
    Bess"), with no quotation opened before it."""
    if text[i] not in "'’" or not text[i - 1].isalpha():
        return False  # ‘Come,’: a mark after a stop or a comma closes (and a double mark is no elision)
    for found in _SINGLE_MARK.finditer(text, i + 1, end):
        j = found.start()
        if _is_open(text, j, start, end, single):
            return False  # another quotation opens: this mark closed the first
        if _is_close(text, j, start, end, single) and not text[j - 1].isalpha():
            return True
    return False


# A straight single mark where a quotation may open: at a word's start, after a space, a
# bracket or a dash, before a letter ('Come in,' / 'Tis is an elision, left out below).
_STRAIGHT_SINGLE_OPEN = kept_regex.compile(r"(?:(?<=[\s(\[{—–])|^)'(?=[A-Za-z])")


def _primary_is_single(text: str, blocks: Sequence[Block]) -> bool:
    """Novels often quote with single marks, curly or straight; decide per document by
    counting openers."""
    doubles = singles = 0
    for block in blocks:
        segment = text[block.start : block.end]
        doubles += segment.count("“") + segment.count('"') // 2 + segment.count("«")
        singles += segment.count("‘")
        if "'" in segment:
            singles += sum(
                not _is_elision(segment, m.start(), len(segment)) for m in _STRAIGHT_SINGLE_OPEN.finditer(segment)
            )
    return singles > 2 * doubles and singles >= 4


def find_marked_spans(text: str, blocks: Sequence[Block], pause: Pause | None = None) -> list[MarkedSpan]:
    """All quotations, outer ones (depth 1) and those nested one level inside (depth 2).

    A quotation left open at the end of a paragraph continues when the next paragraph
    opens with a mark; otherwise it ends with its paragraph, so an unbalanced mark never
    takes the rest of the article.
    """
    original = text
    if "''" in text:
        # Two apostrophes stand for a double mark in some newspapers (''Like this,'' she
        # said). Read them as one mark; the spans are widened back to both at the end.
        text = text.replace("''", '"\u2060')
    single_primary = _primary_is_single(text, blocks)
    primary_marks = set(SINGLE_OPEN + SINGLE_CLOSE + "'") if single_primary else set(DOUBLE_OPEN + DOUBLE_CLOSE + '"')
    nested_marks = set(DOUBLE_OPEN + DOUBLE_CLOSE + '"') if single_primary else set(SINGLE_OPEN + SINGLE_CLOSE + "'")
    # Only the marks matter: one search finds each, rather than a step per character.
    mark_at = re.compile("[" + re.escape("".join(sorted(primary_marks | nested_marks))) + "]")
    spans: list[MarkedSpan] = []
    open_at: int | None = None
    nested_at: int | None = None
    for index, block in enumerate(pausing(blocks, pause)):
        start, end = block.start, block.end
        if open_at is not None:
            # Still open from the previous paragraph: this one must reopen it.
            first = start
            while first < end and text[first].isspace():
                first += 1
            if first < end and text[first] in primary_marks and _is_open(text, first, start, end, single_primary):
                start = first + 1
            else:
                previous_end = blocks[index - 1].end
                spans.append(MarkedSpan(open_at, previous_end, 1, False))
                open_at = None
        for found in mark_at.finditer(text, start, end):
            i = found.start()
            char = text[i]
            if char in primary_marks:
                if open_at is None:
                    if _is_open(text, i, block.start, end, single_primary):
                        open_at, nested_at = i, None
                elif _is_close(text, i, block.start, end, single_primary) and not _elided_before_the_close(
                    text, i, block.start, end, single_primary
                ):
                    spans.append(MarkedSpan(open_at, i + 1, 1, True))
                    open_at, nested_at = None, None
                elif _is_open(text, i, block.start, end, single_primary) and char not in "’'":
                    # A new opening mark while one is open: the first was never closed.
                    spans.append(MarkedSpan(open_at, _trim_end(text, open_at, i), 1, False))
                    open_at, nested_at = i, None
            elif open_at is not None and char in nested_marks:
                if nested_at is None:
                    if _is_open(text, i, block.start, end, not single_primary):
                        nested_at = i
                elif _is_close(text, i, block.start, end, not single_primary) and not _elided_before_the_close(
                    text, i, block.start, end, not single_primary
                ):
                    spans.append(MarkedSpan(nested_at, i + 1, 2, True))
                    nested_at = None
        nested_at = None
        if open_at is not None and (index + 1 >= len(blocks)):
            spans.append(MarkedSpan(open_at, end, 1, False))
            open_at = None
    if text is not original:
        spans = [_widen(original, span) for span in spans]
    spans.sort(key=lambda span: (span.start, span.depth))
    return spans


def _widen(text: str, span: MarkedSpan) -> MarkedSpan:
    """A span that closed on the first of two apostrophes takes in the second."""
    end = span.end
    if end < len(text) and text[end - 1 : end + 1] == "''":
        end += 1
    return MarkedSpan(span.start, end, span.depth, span.closed)


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end
