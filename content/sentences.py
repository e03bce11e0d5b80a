"""Rule-based sentence segmentation.

A sentence ends at `.`, `!`, `?` or an ellipsis, with any closing quotes and brackets,
when the next word starts a sentence and the word before the stop is not an abbreviation,
an initial, a decimal or a time such as "2 a.m.". Blocks never share a sentence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from content.document import Document, Sentence

# Titles and other abbreviations that are almost never the end of a sentence.
TITLES = frozenset(
    """mr mrs ms messrs mme mlle dr prof rev fr sr st mt gen col lt sgt capt cmdr cpl pvt adm
    maj brig rep reps sen sens gov pres supt insp det hon atty esq no nos vol vols fig figs
    pp ch sec art op para approx ca cf vs v viz al dept univ assn bros ft ave blvd rd hwy
    jan feb mar apr jun jul aug sep sept oct nov dec
    e.g i.e""".split()
)
# Abbreviations that often close a sentence too: split after them only before a word
# that usually opens one.
SOMETIMES_FINAL = frozenset("etc inc ltd co corp jr sr llc plc a.m p.m u.s u.k u.n d.c e.u".split())
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those there
    but and so yet then now when while after before in on at as if however meanwhile still
    police officials what why how who where""".split()
)

_STOP = re.compile(r"(?:\.\.\.|…|[.!?])+(?:[.!?…]*)[\"'”’»)\]]*(?=\s|$)")
_WORD_BEFORE = re.compile(r"([\w.’'-]+)$")
_NEXT_WORD = re.compile(r"\s*([\"'“‘«(\[]*)([\w’'-]*)")


def _is_boundary(text: str, stop_start: int, stop_end: int, limit: int) -> bool:
    stop = text[stop_start:stop_end].rstrip("\"'”’»)]")
    after = _NEXT_WORD.match(text, stop_end, limit)
    if after is None or stop_end >= limit or (after.end() >= limit and not after.group(2)):
        return True
    opener, word = after.group(1), after.group(2)
    if not word:
        return bool(opener)
    first = word[0]
    starts_sentence = first.isupper() or first.isdigit() or (not first.isalpha())
    if stop.endswith(("?", "!", "…", "...")) and not stop.endswith("."):
        return starts_sentence and not (first.islower())
    if stop.endswith("...") or stop.endswith("…"):
        return first.isupper()
    if not starts_sentence:
        return False
    before = _WORD_BEFORE.search(text, max(0, stop_start - 40), stop_start)
    if before is None:
        return True
    token = before.group(1).lower().strip("'’-")
    bare = token.rstrip(".")
    if bare in TITLES:
        return False
    if len(bare) == 1 and bare.isalpha() and text[stop_start - 1].isupper():
        return False  # an initial, as in "J. Smith"
    if bare in SOMETIMES_FINAL or ("." in bare and len(bare) <= 6 and bare.replace(".", "").isalpha()):
        return word.lower() in SENTENCE_OPENERS
    return True


def split_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside `text[start:end]`, trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    position = start
    for match in _STOP.finditer(text, start, end):
        if match.end() <= position:
            continue
        if _is_boundary(text, match.start(), match.end(), end):
            spans.append((position, match.end()))
            position = match.end()
    spans.append((position, end))
    trimmed: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def split_sentences(document: Document) -> list[Sentence]:
    from content.document import Sentence

    sentences: list[Sentence] = []
    text = document.text
    for block in document.blocks:
        if block.start == block.end:
            continue
        if block.kind in ("heading", "code") or block.boilerplate:
            sentences.append(Sentence(block.start, block.end))
            continue
        sentences.extend(Sentence(s, e) for s, e in split_span(text, block.start, block.end))
    return sentences
