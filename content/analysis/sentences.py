"""Rule-based sentence segmentation.

A sentence ends at `.`, `!`, `?` or an ellipsis, with any closing quotes and brackets,
when the next word starts a sentence and the word before the stop is not an abbreviation,
an initial, a decimal or a time such as "2 a.m.". Inline enumerations ("1.) … 2.) …")
start a sentence at each item. Blocks never share a sentence.
"""

from __future__ import annotations

import itertools
import re

from content.analysis import kept_regex
from content.analysis.lexicon import (
    ABBREVIATIONS,
    ABBREVIATIONS_THAT_ARE_WORDS,
    INDEFINITE_PRONOUNS,
    MONTH_ABBREVIATIONS,
    PLACE_ABBREVIATIONS,
    SENTENCE_OPENERS,
    SOMETIMES_FINAL,
    capitalised,
    word_alternation,
)
from content.analysis.pause import Pause, pausing
from content.document import Block, Document, Sentence

_CLOSERS = "\"'”’»)]"
# The abbreviations that hold a sentence open whatever follows (a place or a month may end one):
# after a hyphen, the title in "then-Sen. Hale".
_TITLES = ABBREVIATIONS - PLACE_ABBREVIATIONS - MONTH_ABBREVIATIONS
_ROMAN = kept_regex.compile(r"[IVXLC]{2,}")
_STOP = kept_regex.compile(
    r"""[.!?…]                      # led by a stop, so the engine skips to the next one
        (?:(?<=\.)(?:[ ]\.){2,}     # a spaced ellipsis ". . ."
        |[.!?…]*\.(?:[ ]\.){2,}     # ... perhaps after a stop
        |[.!?…]*)                   # stops and unspaced ellipses
        ["'”’»)\]]*                 # closing quotes and brackets
        (?=\s|$|[A-Z][a-z])         # a space, or a sentence glued on ("said.Berg")""",
    re.VERBOSE,
)
# Led by its space, not by the look-behind, so the engine can skip ahead to each space.
_CREDIT = kept_regex.compile(r" (?=(?:Image|Photo|Photograph|Picture|Credit|Video): )(?<=[\w\)] )")
_WORD_CHARS = frozenset(".’'°-_")
_NEXT_WORD = kept_regex.compile(r"\s*([\"'“‘«(\[]*)([\w’'-]*)")
# Inline list items: "1.)", "2)", "3.", "• 9.", "⁃10.", "a." followed by a space. Letters
# take only a period: "a)" is as often a clause in running prose.
_MAYBE_LIST = kept_regex.compile(r"\s(?:[•⁃]\s?)?(?:\d{1,2}(?:\.\)|[.)])|[a-z]\.)\s")
# The same markers found from their stop: led by a literal "." or ")", the engine skips ahead to
# each, where the pattern above tries every space (a book: 18 ms against 116). The look-behinds
# may see the space before the searched window, so these find a little more, never less.
_MAYBE_LIST_AT_DOT = kept_regex.compile(
    r"\.(?:(?:(?<=\s\d\.)|(?<=\s\d\d\.)|(?<=\s[•⁃]\d\.)|(?<=\s[•⁃]\d\d\.))\)?|(?<=\s[a-z]\.)|(?<=\s[•⁃][a-z]\.))\s"
)
_MAYBE_LIST_AT_PARENTHESIS = kept_regex.compile(r"\)(?:(?<=\s\d\))|(?<=\s\d\d\))|(?<=\s[•⁃]\d\))|(?<=\s[•⁃]\d\d\)))\s")
_LIST_MARKER = kept_regex.compile(r"(?:(?<=\s)|^)(?:[•⁃]\s?)?(?:(\d{1,2})(\.\)|\)|\.)|([a-z])(\.))(?=\s)")


def _list_item_starts(text: str, start: int, end: int) -> tuple[list[int], set[int]]:
    """Where inline list items begin, and the stop positions inside their markers.

    Only a run of at least two markers in sequence counts (1, 2 or a, b), so a stray
    "a." or "3." in prose is left alone.
    """
    # At the very start of the text a marker needs no space before it; elsewhere the markers are
    # looked for from their stops, which the engine skips ahead to.
    at_start = start == 0 and _MAYBE_LIST.match(" " + text[: min(end, 8)]) is not None
    if (
        not at_start
        and _MAYBE_LIST_AT_DOT.search(text, start, end) is None
        and _MAYBE_LIST_AT_PARENTHESIS.search(text, start, end) is None
    ):
        return [], set()  # most paragraphs have no "1." or "a." at all
    markers = [
        (m.start(), m.end(), m.group(1) or m.group(3), m.group(2) or m.group(4))
        for m in _LIST_MARKER.finditer(text, start, end)
    ]
    starts: list[int] = []
    inside: set[int] = set()
    for (s1, e1, v1, k1), (s2, e2, v2, k2) in itertools.pairwise(markers):
        if k1 != k2 or not _consecutive(v1, v2):
            continue
        for s, e in ((s1, e1), (s2, e2)):
            if s not in starts:
                starts.append(s)
            inside.update(range(s, e + 1))
    return starts, inside


def _consecutive(a: str, b: str) -> bool:
    if a.isdigit() and b.isdigit():
        return int(b) == int(a) + 1
    return len(a) == len(b) == 1 and ord(b) == ord(a) + 1


def _word_before(text: str, end: int) -> str:
    """The run of word characters (letters, digits, `.’'°-_`) that ends at `end`, at most 40
    back; as a `$` search did, it may end just before a newline at `end`."""
    low = max(0, end - 40)
    if end > low and text[end - 1] == "\n":
        end -= 1
    space = text.rfind(" ", low, end)
    if space >= 0 and text[space + 1 : end].isalpha():
        return text[space + 1 : end]  # most words: letters after a space
    start = end
    while start > low and (text[start - 1].isalnum() or text[start - 1] in _WORD_CHARS):
        start -= 1
    return text[start:end]


# A word before a stop with no space after it that may end a sentence: letters only, at least
# two small ones at its end ("said", "Tuesday"), or a number ("in 1912.The"); not part of an
# address ("gazette.Com/x").
_GLUED_BEFORE = kept_regex.compile(r"(?<![\w./@:’'-])(?:[A-Za-z]*[a-z]{2}|\d{2,})$")
# The word after it: a capital and small letters, not going on as an address ("Gullwick.Com/").
_GLUED_AFTER = kept_regex.compile(r"[A-Z][a-z]+(?![\w./@:-])")


def _glued(text: str, stop_start: int, stop_end: int) -> bool:
    """Whether a stop with a capital right after it ends a sentence: "… Hale said.Berg went
    on …" lost its space when the page was copied; "U.S.", "Mrs.Hale" and "gazette.Com"
    are not two sentences."""
    before = _GLUED_BEFORE.search(text, max(0, stop_start - 40), stop_start)
    if before is None or _GLUED_AFTER.match(text, stop_end) is None:
        return False
    word = before.group().lower()
    return word not in ABBREVIATIONS and word not in SOMETIMES_FINAL


def _is_boundary(text: str, stop_start: int, stop_end: int, limit: int, matched: str) -> bool:
    """Whether the stop `matched` (`text[stop_start:stop_end]`, with its closing marks)
    ends a sentence."""
    if stop_end >= limit:
        return True  # the block's last stop (a third of them)
    if not text[stop_end].isspace():
        return _glued(text, stop_start, stop_end)
    after = _NEXT_WORD.match(text, stop_end, limit)
    if after is None:
        return True
    opener, word = after.groups()
    if not word and after.end() >= limit:
        return True
    stop = matched.rstrip(_CLOSERS)
    if not word:
        return bool(opener) and not opener.startswith(("(", "["))
    first = word[0]
    if stop_start > 0 and text[stop_start - 1] == "[":
        return False  # "[...]" marks words left out, not an end
    if ". ." in stop:
        # A spaced ellipsis is inside a sentence, unless a fourth dot ends it (". . . .").
        return stop.count(".") >= 4 and first.isupper()
    if stop.endswith(("?", "!")) and stop != matched and _SAID_BY_NAME.match(text, stop_end):
        return False  # "“Why not?” Holm asked.": a quotation and who said it are one sentence
    if stop.endswith(("?", "!")) or "…" in stop or ".." in stop:
        return first.isupper() or first.isdigit() or (bool(opener) and first.isupper())
    if first.islower():
        return False
    if opener.startswith(("(", "[")) and not first.isupper():
        return False
    if stop != matched and matched[len(stop)] in "\"”’'" and first.isupper():
        # She said “No.” Then …: a quotation closed after its stop ends the sentence, whatever
        # its last word ("No." or "St." would hold the sentence open without the mark).
        return True
    raw = _word_before(text, stop_start)
    if not raw:
        return True
    token = raw.lower().strip("'’-")
    bare = token.rstrip(".")
    if "-" in bare and bare.rsplit("-", 1)[1] in _TITLES:
        bare = bare.rsplit("-", 1)[1]  # "then-Sen. Hale", "ex-Gov. Berg": the title holds the name
    if first.isdigit() and (bare in ABBREVIATIONS or bare in SOMETIMES_FINAL):
        return False  # "p. 55", "No. 5"
    if first.isdigit() and len(raw) == 1 and raw.islower():
        return False  # "Hale (b. 1950)", "c. 1900": a letter's abbreviation before a figure
    if bare in ABBREVIATIONS_THAT_ARE_WORDS and raw.islower():
        return True  # "I said no. Then …", "It made him ill. He …": the word, not "No." or "Ill."
    if bare == "no" and not _ROMAN.fullmatch(word):
        return True  # "No." numbers only a figure ("No. 5", "No. XII"): "Is it over? No. But …"
    if bare in PLACE_ABBREVIATIONS or bare in MONTH_ABBREVIATIONS:
        # "in Gullwick, Calif. He …", "on Harbour St. The pier …", "retired in Nov. Her successor …"
        return word.lower() in SENTENCE_OPENERS
    if bare in ABBREVIATIONS:
        return False
    if len(bare) == 1 and bare.isalpha() and raw[-1].isupper():
        # An initial ("J. Smith") unless it is the pronoun at the end of a clause ("you and I.").
        previous = _word_before(text, stop_start - 2)
        return raw == "I" and previous[:1].islower()
    if bare in ("a.m", "p.m"):
        return raw[0].isupper() or word.lower() in SENTENCE_OPENERS
    if bare in SOMETIMES_FINAL or ("." in bare and len(bare) <= 6 and bare.replace(".", "").isalpha()):
        # "Tidewater Inc. The board …", "apples, pears, etc. Nothing else." (not "the U.S. Harbour Board")
        return word.lower() in SENTENCE_OPENERS or word.lower() in INDEFINITE_PRONOUNS
    return True


# A name and a verb of saying that close the sentence after a quotation: "“Why not?” Holm asked."
# (Not a pronoun, which the attribution would write in lower case: "“Is it safe?” Nobody replied."
# is two sentences.)
_SAID_BY_NAME = kept_regex.compile(
    rf"[ \t]+(?!(?:He|She|They|We|It|You|I|No one|{word_alternation(capitalised(INDEFINITE_PRONOUNS))})\b)"
    r"(?:[A-Z][\w’'.-]*[ \t]+){1,3}"
    r"(?:said|says|asked|asks|added|cried|shouted|replied|exclaimed|wondered|demanded|wrote|tweeted)\b"
    r"(?=[ \t]*(?:[.,;:!?]|$|\w+ly\b|on\b|in\b|at\b|to\b))"
)
_BULLET_LINE = kept_regex.compile(r"\n[ \t]*(?=[*•‣◦▪-][ \t]+\S)")


def split_span(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside `text[start:end]`, trimmed of surrounding white space."""
    cuts: list[int] = []
    items, inside_markers = _list_item_starts(text, start, end)
    for match in _STOP.finditer(text, start, end):
        stop_start, stop_end = match.span()
        if stop_start in inside_markers:
            continue
        matched = match.group()
        if (
            matched.startswith(" . . .", 1)
            and stop_start > start
            and not text[stop_start - 1].isspace()
            and text[stop_end:end].strip()
        ):
            # "compounds. . . . The": the period ends this sentence; the ellipsis opens the next.
            if _is_boundary(text, stop_start, stop_end, end, matched):
                cuts.append(stop_start + 1)
            continue
        if _is_boundary(text, stop_start, stop_end, end, matched):
            cuts.append(stop_end)
    # The stops' cuts come in order; the others are merged in.
    extra = [item for item in items if item > start]
    # A photo credit after a caption ("… at the summit Image: Jane Roe.") starts anew.
    if text.find(": ", start, end) >= 0:
        extra.extend(m.start() for m in _CREDIT.finditer(text, start, end) if m.start() > start)
    # So does each item of a list written one to a line ("* Ferry workers vote …⏎* Union …").
    if text.find("\n", start, end) >= 0:
        extra.extend(m.end() for m in _BULLET_LINE.finditer(text, start, end))
    if extra:
        cuts = sorted(set(cuts + extra))
    cuts.append(end)
    trimmed: list[tuple[int, int]] = []
    position = start
    for cut in cuts:
        if cut > position:
            s, e = position, cut
            position = cut
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                trimmed.append((s, e))
    return trimmed


def block_sentences(text: str, block: Block) -> list[Sentence]:
    """The sentences of one block. Blocks never share a sentence, so a block can be split
    on its own (the reader does, for the paragraphs on screen, while a book is analysed)."""
    if block.start == block.end:
        return []
    if block.kind in ("heading", "code") or block.boilerplate:
        return [Sentence(block.start, block.end)]
    return [Sentence(s, e) for s, e in split_span(text, block.start, block.end)]


def split_sentences(document: Document, pause: Pause | None = None) -> list[Sentence]:
    sentences: list[Sentence] = []
    text = document.text
    for block in pausing(document.blocks, pause):
        sentences.extend(block_sentences(text, block))
    return sentences
