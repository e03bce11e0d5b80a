"""Who "I" is in a first-person novel: the narrator is a character, and the others call
them by name ("Sit down, Carter, …"). The name most often used to address someone in
the turns around the narrator's own is taken for the narrator's, unless the narration itself
writes that name more often than the quotations do: there the narrator is "I"."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

from content.analysis import kept_regex
from content.analysis.cast import Cast
from content.analysis.marks import MarkedSpan
from content.analysis.patterns import DASH, NAME
from content.analysis.pause import Pause
from content.analysis.quotes import Choice, Quote, find_quotes
from content.analysis.ranker import Ranker
from content.document import Document, Sentence

# A name spoken to someone: after a comma, "O ", "dear" or "my", and before a comma or a stop.
# (Not right after the opening mark: there “Yes, …” and “Oh, …” look like names too.)
_VOCATIVE = kept_regex.compile(rf"(?:,\s+|\bO\s+|\bdear\s+|\bmy\s+)(?P<name>{NAME})(?=\s*(?:[,!?.;]|{DASH}))")
# Words of address that are not names: "Madame", "Sir", "Mamma".
_NOT_A_NAME = frozenset("Madame Madam Sir Mamma Mama Papa Mother Father Mlle Mme Monsieur General Mr Mrs Miss".split())
# The narrator naming themselves in the narration: "Call me Tomas.", "My name is Ida Wilk",
# "I, Tomas, was one of them".
_SELF_NAMED = kept_regex.compile(
    rf"(?:\b[Cc]all me|\b[Mm]y name (?:is|was)|(?<![\w’'])I,)\s+(?P<name>{NAME})(?=\s*[,.;!—]|\s+and\b)"
)
# The narrator must speak this often before a name is guessed for them.
_MIN_TURNS = 5
_MIN_VOTES = 3


def name_the_narrator(text: str, choices: list[Choice], cast: Cast) -> str | None:
    """The name the others call the narrator by, if the turns around the narrator's agree on one.

    The narrator's turns are those a sieve attributes to "I" ("“Come in,” I said").
    """
    said_i = [
        any(s.kind == "pronoun" and s.mention_text == "I" and not s.alternative for o in c.options for s in o.sources)
        for c in choices
    ]
    if sum(said_i) < _MIN_TURNS:
        return None
    named = _self_named(text, choices)
    if named is not None:
        return cast.resolve_name(named)
    votes: Counter[str] = Counter()
    for index, mine in enumerate(said_i):
        if not mine:
            continue
        for neighbour in (index - 2, index - 1, index + 1, index + 2):
            if 0 <= neighbour < len(choices) and not said_i[neighbour]:
                span = choices[neighbour].span
                for match in _VOCATIVE.finditer(text, span.start, span.end):
                    votes[cast.resolve_name(match.group("name"))] += 1
    votes = Counter({name: n for name, n in votes.items() if len(name.split()) >= 1 and name not in _NOT_A_NAME})
    narrated = _named_in_narration(text, set(votes), choices)
    votes = Counter({name: n for name, n in votes.items() if name not in narrated})
    if not votes:
        return None
    (name, count), *rest = votes.most_common(2)
    runner_up = rest[0][1] if rest else 0
    return name if count >= _MIN_VOTES and count >= 1.5 * runner_up else None


def _self_named(text: str, choices: list[Choice]) -> str | None:
    """The first name the narration gives the narrator in their own words ("Call me Tomas"),
    outside every quotation; None if it gives none."""
    starts = [choice.span.start for choice in choices]
    for match in _SELF_NAMED.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        if index < 0 or match.start() >= choices[index].span.end:
            name = match.group("name")
            if name not in _NOT_A_NAME:
                return name
    return None


def _named_in_narration(text: str, names: set[str], choices: list[Choice]) -> set[str]:
    """Those of `names` whose last word the narration writes more often than the quotations
    do: a story's narrator is "I" there, and only the others call them by name."""
    starts = [choice.span.start for choice in choices]
    narrated = set()
    for name in names:
        inside = outside = 0
        for match in re.finditer(rf"(?<!\w){re.escape(name.split()[-1])}(?!\w)", text):
            index = bisect_right(starts, match.start()) - 1
            if index >= 0 and match.start() < choices[index].span.end:
                inside += 1
            else:
                outside += 1
        if outside > inside:
            narrated.add(name)
    return narrated


def attribute(
    document: Document,
    sentences: list[Sentence],
    cast: Cast,
    fiction: bool,
    ranker: Ranker | None = None,
    trace: list[Choice] | None = None,
    first_person: bool = False,
    marked: list[MarkedSpan] | None = None,
    pause: Pause | None = None,
) -> list[Quote]:
    """The quotes and their speakers; in first-person fiction, a second pass once the
    narrator's name is known, so "I said" names them and the dialogue follows them."""
    if not (fiction and first_person):
        return find_quotes(document, sentences, cast, fiction, ranker, trace, marked, pause)
    first: list[Choice] = []
    quotes = find_quotes(document, sentences, cast, fiction, ranker, first, marked, pause)
    name = name_the_narrator(document.text, first, cast)
    if name is None:
        if trace is not None:
            trace.extend(first)
        return quotes
    cast.narrator = name
    return find_quotes(document, sentences, cast, fiction, ranker, trace, marked, pause)
