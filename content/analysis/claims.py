"""Claims: sentences (or clauses) that assert something a reader may want to check.

- `attributed`: reported speech or belief without quote marks ("X claimed that …",
  "according to …", "accused … of", "denied …", "told Us Weekly that …");
- `hedged`: "allegedly", "reportedly", "appeared to" …;
- `factual`: a checkable figure, amount, percentage or date.

A direct quotation alone is not a claim; a sentence that quotes and also asserts can be.
Whether a verb beside its speaker reports something is decided by a small learned model
(`CueModel`, `claim_cues.json`); the other cues ("according to", "accused … of", a label
and a colon) are rules.
"""

from __future__ import annotations

import json
import math
import os
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import islice
from operator import itemgetter
from pathlib import Path
from typing import Any, Literal

from content.analysis import kept_regex
from content.analysis.cast import Cast, MentionKind, classify, title_gender, trim_mention
from content.analysis.lexicon import (
    ABBREVIATED_TITLES,
    ASIDES,
    BE_FORMS,
    CATENATIVE_VERBS,
    CLAIM_VERBS,
    CLAUSE_LEADS,
    CLAUSE_WORDS,
    DAYS_AND_MONTHS,
    DETERMINERS,
    FINITE_VERBS,
    HEDGES,
    HELP,
    IRREGULAR_PARTICIPLES,
    LABEL_WORDS,
    MODALS_AND_IRREGULAR_PASTS,
    NARRATIVE_CUES,
    ORGANISATION_WORDS,
    POSSESSIVES,
    PRONOUNS,
    QUANTIFIERS,
    REFLEXIVES,
    SAYS_NOTHING,
    SAYS_NOTHING_AFTER,
    STANCE_NOUNS,
    STANCES_FROM,
    TIME_MODIFIERS,
    TIME_WORDS,
    WORDS_BEFORE_A_VERB,
    inflected,
    word_alternation,
)
from content.analysis.patterns import (
    ABBREVIATION_DOT,
    CLAUSE_SUBJECT,
    CLAUSE_SUBJECT_TO_ITS_VERB,
    NAME,
    starts_word,
)
from content.analysis.pause import Pause, pausing
from content.analysis.quotes import Quote, analysable_blocks
from content.analysis.ranker import cut_short, linear_score
from content.document import Document, Sentence, Span
from content.package_data import package_text

CUE_WEIGHTS_ENV = "POSTIL_CLAIM_WEIGHTS"
"""A claim-cue weights file to use instead of the shipped one: for cross-validation while training."""


@dataclass(frozen=True)
class CueModel:
    """Which words may report a claim, and a logistic model that tells, from the words
    around one, whether it does here ("Weaver said the deal was off" against "the said
    deal", "the statement was signed", "too soon to say"). Trained by
    `content.analysis.train --claims` on data-train; the words beyond `CLAIM_VERBS` are
    those the training articles mark as cues often enough."""

    words: frozenset[str]
    weights: dict[str, float]
    threshold: float
    """The probability a cue needs."""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The candidate cue words as one trie-shaped pattern. A cue is one word: the
        lexicon's phrases ("shot back") are quotation cues, not claim cues. Each form opens
        with a letter, so "no word character before" is the opening word boundary; written
        so, re skips the positions no form can open at (a book's sweep: 0.17 s → 0.13 s)."""
        forms = frozenset(form for form in cue_forms(self.words) if form.isascii() and form.isalpha())
        return kept_regex.compile(rf"(?<!\w)(?:{word_alternation(forms)})\b")

    @cached_property
    def lowered_sweep(self) -> re.Pattern[str]:
        """The same words in lower case, to sweep the lower-cased text with (half the forms),
        and the words of note (`_NOTE_WORDS`) in the same sweep: where a word of note opens,
        group `note` holds it, and `cue` the cue word there, if any; elsewhere `lone` holds
        the cue word. It finds every place `pattern` does (and "SAID" in a headline, which
        `pattern` then turns down). A book's two sweeps took 0.17 s, this one 0.13 s."""
        forms = word_alternation(
            frozenset(form.lower() for form in cue_forms(self.words) if form.isascii() and form.isalpha())
        )
        return kept_regex.compile(rf"(?<!\w)(?:(?=(?P<note>{_NOTE_WORDS}))(?:(?P<cue>{forms})\b)?|(?P<lone>{forms})\b)")

    def sweep(self, lowered: str, stretches: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
        """Where a candidate cue word opens in the `stretches` of the lower-cased text, and
        where a word of note does. (A word of note inside the one before it, "said to" in "are
        said to", is not counted: a sweep of those words alone goes past it.)"""
        cues: list[int] = []
        notes: list[int] = []
        note_end = -1
        for at, to in stretches:
            for match in self.lowered_sweep.finditer(lowered, at, to):
                start, end = match.start(), match.end("note")
                if end < 0:
                    cues.append(start)
                    continue
                if start >= note_end:
                    notes.append(start)
                    note_end = end
                if match.start("cue") >= 0:
                    cues.append(start)
        return cues, notes

    def score(self, f: dict[str, float]) -> float:
        return linear_score(self.weights, f)

    @cached_property
    def holds_inverted_cues(self) -> bool:
        """Whether every cue of "…, said Holm" (`_INVERTED_CUES`) is a candidate cue word."""
        return frozenset(_INVERTED_CUES) <= cue_forms(self.words)

    @cached_property
    def bar(self) -> float:
        """The threshold as a score (log-odds)."""
        if not 0.0 < self.threshold < 1.0:
            return math.inf if self.threshold >= 1.0 else -math.inf
        return math.log(self.threshold / (1.0 - self.threshold))

    @cached_property
    def best_subject(self) -> float:
        """The most that `subject_features` can add to a score."""
        opens = max(0.0, self.weights.get("subject_opens", 0.0))
        # A noun's own word (`head=`) is weighed only for a subject that is no person nor pronoun.
        head = max([0.0, *(weight for name, weight in self.weights.items() if name.startswith("head="))])
        kinds = [
            weight + opens + (0.0 if name in ("subject=person", "subject=pronoun") else head)
            for name, weight in self.weights.items()
            if name.startswith("subject=")
        ]
        return max(self.weights.get("no_subject", 0.0), opens, *kinds)


@cache
def cue_forms(words: frozenset[str]) -> frozenset[str]:
    """The candidate cue words: the lexicon's verbs and the learned words, and both
    capitalised, as headlines write them ("Mayor Slams Ferry Deal")."""
    lower = inflected(CLAIM_VERBS) | words
    return frozenset(lower | {word[:1].upper() + word[1:] for word in lower})


def cue_model(path: Path | None = None) -> CueModel:
    if path is None and os.environ.get(CUE_WEIGHTS_ENV):
        path = Path(os.environ[CUE_WEIGHTS_ENV])
    return _load_cue_model(str(path) if path else None)


@cache
def _load_cue_model(path: str | None) -> CueModel:
    if path is None:
        raw = package_text("content.analysis", "claim_cues.json")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    data = json.loads(raw)
    weights = {str(k): float(v) for k, v in data["weights"].items()}
    return CueModel(frozenset(map(str, data["words"])), weights, float(data["threshold"]))


# The words whose own identity says most about the verb beside them.
_BEFORE_WORDS = frozenset(
    """to the a an his her their its our my this that be been being is was were are has have had
    will would could should may might must not and but who which it i we they he she you also
    then later once still just already publicly privately repeatedly never as""".split()
)
_AFTER_WORDS = frozenset(
    """that to by of on in for about with it he she they we i you his her their this these as at
    up out off nothing no him them me us was is whether what how why when if the a an there
    from into against over during after before""".split()
)


def _neighbour(word: str | None, known: frozenset[str]) -> str:
    if word is None:
        return "none"
    low = word.lower().strip("’'")
    if low in known:
        return low
    if word[0].isdigit():
        return "digit"
    if word[0].isupper():
        return "Capital"
    if low.endswith("ly"):
        return "ly"
    return "word" if word[0].isalpha() else "mark"


_TOKEN = r"[\w’'-]+|[^\w\s]"
_TWO_TOKENS = kept_regex.compile(rf"\s*({_TOKEN})(?:\s*({_TOKEN}))?")


def _two_tokens(text: str) -> tuple[str | None, str | None]:
    """The first two tokens of `text` (words, or a mark each), as `_TOKEN` splits it. (Read
    backwards, a text splits into the same tokens, each backwards.)"""
    match = _TWO_TOKENS.match(text)
    return (None, None) if match is None else (match.group(1), match.group(2))


_ENDING = ("ending=", "ending=s", "ending=ed", "ending=ing")


def cue_features(
    plain: str, verb: re.Match[str], has_quote: bool, content_follows: bool, ends_clause: bool
) -> dict[str, float]:
    """What tells a verb of saying that reports something from one that does not; who
    speaks is added by `subject_features`."""
    word = verb.group()
    low = word.lower()
    # The two tokens before the verb (read backwards, from the verb) and the two after it.
    backwards = plain[max(0, verb.start() - 40) : verb.start()][::-1]
    before1, before2 = (token and token[::-1] for token in _two_tokens(backwards))
    after1, after2 = _two_tokens(plain[verb.end() : verb.end() + 40])
    f: dict[str, float] = {"bias": 1.0, f"w={low}": 1.0}
    previous = _neighbour(before1, _BEFORE_WORDS)
    following = _neighbour(after1, _AFTER_WORDS)
    f[f"before={previous}"] = 1.0
    f[f"after={following}"] = 1.0
    f[f"w={low}&after={following}"] = 1.0
    f[f"w={low}&before={previous}"] = 1.0
    following2 = _neighbour(after2, _AFTER_WORDS)
    f[f"after2={following2}"] = 1.0
    # "said the deal …", "continued his tour …": the verb with the two words after it.
    f[f"w={low}&after={following}&after2={following2}"] = 1.0
    f[f"before2={_neighbour(before2, _BEFORE_WORDS)}"] = 1.0
    f[_ENDING[3 if low.endswith("ing") else 2 if low.endswith("ed") else 1 if low.endswith("s") else 0]] = 1.0
    if word[0].isupper():
        f["capital"] = 1.0
    if has_quote:
        f["has_quote"] = 1.0
    if content_follows:
        f["content_follows"] = 1.0
    if ends_clause:
        f["ends_clause"] = 1.0
    if plain.rstrip(" \"'”’").endswith("?"):
        f["question"] = 1.0
    if len(plain[: verb.start()].split(None, 2)) <= 1:
        f["opens"] = 1.0
    # A clause follows the verb ("said the deal was off", "told reporters that …"), or only a
    # noun phrase ("unleashed a wave of new fees", "backed the plan, but …"): up to a break.
    ahead = set(_AHEAD.match(plain, verb.end()).group().lower().split())  # type: ignore[union-attr]  # matches empty
    if not FINITE_VERBS.isdisjoint(ahead):
        f["finite_ahead"] = 1.0
    if "that" in ahead:
        f["that_ahead"] = 1.0
    return f


_AHEAD = kept_regex.compile(r"[^,;:.!?()—–“”\"]{0,70}")


def subject_features(plain: str, subject: tuple[int, str] | None) -> dict[str, float]:
    if subject is None:
        return {"no_subject": 1.0}
    kind = classify(subject[1], loose=True)
    f = {"subject=" + (kind or "none"): 1.0}
    if kind != "person" and kind != "pronoun":
        # A common noun's own word: "the campaign", "officials" report; "the old generator",
        # "some unease" do not. (Never a name's: no weight is learned for anyone.)
        head = subject[1].split()[-1].strip("’'.,")
        if head.isalpha() and head.islower():
            f["head=" + head] = 1.0
    if not plain[: subject[0]].strip():
        f["subject_opens"] = 1.0
    return f


_CONTENT_FOLLOWS = kept_regex.compile(
    r"[^.;:“”\"]{0,60}?\b(?:that|of|to|in|having|it|the|a|an|he|she|they|this|was|were|would|had)\b"
)
# Right after a narrative verb, what makes it a report: "spoke of", "wrote that", "answered: …",
# "spoke highly of", "spoke out against", "wrote to the council that", "spoke with reporters about".
_REPORTS_CONTENT = kept_regex.compile(
    r"\s*(?:(?:\w+ly|out|up)\s+)?(?::|\b(?:that|of|about|on|against|to say)\b"
    r"|\b(?:to|with)\s+(?:[\w’'.-]+\s+){1,5}?(?:that|about)\b)"
)
# A narrative verb set off by commas, or closing the sentence after one, reports what is
# around it: "The trouble, Ada Berg writes, began …", "…, Berg wrote."
_SET_OFF_BEFORE = kept_regex.compile(r",\s*(?:[\w’'.-]+\s+){1,4}$")
_SET_OFF_AFTER = kept_regex.compile(r"\s*[,.]")
_CLAUSE_BREAK = kept_regex.compile(r"[,;:(—–―]")  # (― too: "MARROW POINT ― The board said")
_SUBORDINATING = r"\b(?:whether|if|that|because|although|though|unless|since)\s+"
_SUBORDINATOR = kept_regex.compile(_SUBORDINATING)
_SUBORDINATE_SUBJECT = kept_regex.compile(_SUBORDINATING + "$")
# "…,'' said Ola Berg, an economist …": the verb before its speaker.
# A full stop that is not a title's ("said Mrs. Holm had …" is what was said, not "Mrs").
_NOT_A_TITLE = "".join(rf"(?<!\b{title})" for title in sorted(ABBREVIATED_TITLES))
_INVERTED_CUES = ("said", "says", "added", "wrote", "writes", "argued", "noted", "explained")
_INVERTED = kept_regex.compile(
    rf"[,:]\s*(?P<cue>{'|'.join(_INVERTED_CUES)})\s+"
    rf"(?P<who>(?:{ABBREVIATION_DOT}|[^.;:!?,“”\"\n]){{1,60}}?)(?=\s*(?:[,;:]|{_NOT_A_TITLE}\.|$))"
)
# "according to the harbour master, …": the whole phrase up to the comma (or a dash, or a
# bracket) names the source; a longer one, its first words ("according to the polling average
# in the state - despite …").
_ACCORDING = kept_regex.compile(
    rf"\b(?P<cue>[Aa]ccording to)\s+(?:(?P<who>(?:{ABBREVIATION_DOT}|[^.;:!?,“”\"\n(—–]){{1,80}}?)"
    r"(?=\s*(?:[,.;:(—–]|\s-\s|$))|(?P<long>[^.;:!?,“”\"\n(—–]{1,60}(?<=\w))(?!\w))"
)
_ACCUSED = kept_regex.compile(r"\b(?P<cue>accused|accusing|accuses)\b[^.]{0,80}?\bof\b")
# A stance held by someone, named by a noun: "criticism of", "allegations that", "support for".
_STANCE_NOUN = kept_regex.compile(
    rf"\b(?P<cue>(?:{word_alternation(STANCE_NOUNS)})\s+(?:of|about|that|for|to|over|against))\b"
)  # matched against the lower-cased sentence
# Whose a stance is, named after the noun for it: "criticism from fellow traders", "support from
# the traders at the pier". (Not an owner before it: "took up Holm’s concerns, stating …" is not Holm's.)
_STANCE_FROM = kept_regex.compile(
    rf"\b(?:{word_alternation(STANCES_FROM)})\s+from\s+"
    r"(?P<who>[^,.;:()“”\"]{1,60}?)(?=\s*(?:[,.;:()]|$)|\s+(?:to|for|on|over|about|after|who|that|and|in|at)\b)"
)
# Matched against the lower-cased sentence: a case-blind alternation is much slower.
_HEDGE = kept_regex.compile(rf"\b(?:{word_alternation(frozenset(HEDGES))})\b")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens|hundreds|thousands|millions"
_DIGITS = kept_regex.compile(r"[\d£$€¥]")
# Without a digit only "six of the nine …" can be a figure: looked for in the lower-cased
# sentence first, since a case-blind alternation at every position is slow.
_NUMBER_WORD_OF = kept_regex.compile(rf"\b(?:{word_alternation(frozenset(_NUMBER_WORDS.split('|')))})\s+of\b")
# Each match of `_HEDGE`, `_STANCE_NOUN` and `_NUMBER_WORD_OF` opens with one of these words,
# letter for letter in the text (blanking a quotation only turns its own characters, marks
# included, into spaces). One sweep of the book finds the few sentences that have one, and
# only those are searched three times: most sentences have none.
_NOTE_WORDS = word_alternation(frozenset((*HEDGES, *STANCE_NOUNS, *_NUMBER_WORDS.split("|"))))
_FIGURE = kept_regex.compile(
    r"(?:[£$€¥]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|bn|m|k))?"
    r"|\b\d[\d,.]*\s?(?:%|per\s?cent|percent)"
    r"|\b\d[\d,.]*\s(?:million|billion|trillion)\b"
    r"|\b\d[\d,.]*(?:[–-]\d+)?\s+[a-z][\w-]*"  # 14 data centres, 24 nautical miles, 300 people
    r"|\b(?:1[6-9]|20)\d\d\b"
    r"|\b\d{1,3}(?:,\d{3})+\b"
    r"|\b\d+[–-]\d+\b"
    rf"|\b(?:{_MONTHS})\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTHS})\b"
    rf"|\b(?i:{_NUMBER_WORDS})\s+of\s+(?:the\s+)?(?:\w+\s+)?\w+s\b)"  # six of the nine councillors
)


ClaimKind = Literal["attributed", "hedged", "factual"]


@dataclass(frozen=True, slots=True)
class Claim(Span):
    kind: ClaimKind
    cues: tuple[str, ...] = ()
    source: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    checkable: bool = False
    """It carries a figure, an amount or a date that a reader could check."""

    def to_json(self, text: str) -> dict[str, Any]:
        return {
            **self.span_json(text),
            "kind": self.kind,
            "cues": list(self.cues),
            "source": self.source,
            "source_start": self.source_start,
            "source_end": self.source_end,
            "checkable": self.checkable,
        }


_NON_SPACE = kept_regex.compile(r"\S+")


def _a_time(word: str) -> bool:
    """ "week", "morning", "Tuesday", "March": a word of time, as written (not "The Times", "TODAY"),
    and not one that closes a phrase set off by commas ("Lund, in a letter on Friday, said")."""
    low = word.lower().rstrip(".")
    return low in TIME_WORDS and (word.islower() or (low in DAYS_AND_MONTHS and word[1:].islower()))


_PLACE_OR_TIME_WORDS = frozenset(
    "in on at during after before from with via through over to by for of like including unlike".split()
)
"""A phrase that opens with one of these tells where, when or how something was said."""
_CLAUSE_SUBJECT = kept_regex.compile(CLAUSE_SUBJECT)
_CLAUSE_SUBJECT_TO_ITS_VERB = kept_regex.compile(CLAUSE_SUBJECT_TO_ITS_VERB)
# A subject and its auxiliary written as one word: "he’s", "Holm’s" (has), "they’ve", "she’d".
_CONTRACTED = kept_regex.compile(r"(?<=\w)(?:[’'](?:s|ve|d|ll|re|m))$", re.IGNORECASE)


# "Lund went on to explain", "Voters are more likely to say": the subject before these and
# "to" makes the claim of the verb after them.
_GOES_ON = frozenset((verb, "on") for verb in ("go", "goes", "went", "going", "gone"))
_INCLINED = frozenset("likely unlikely able unable willing unwilling eager ready quick reluctant inclined apt".split())
_DEGREE = frozenset("more less most least much far as so too".split())


def _subject_before(plain: str, verb_start: int) -> tuple[int, str] | None:
    """The speaker phrase just before a verb, inside its clause: "Brennan [claimed]",
    "top black lawmakers [said]", "The minister, Ola Berg, [denied]" → "Ola Berg"."""
    left = plain[max(0, verb_start - 160) : verb_start]
    base = verb_start - len(left)
    words = list(_NON_SPACE.finditer(left))
    if words and words[0].group()[:1] == "(" and len(words[0].group()) > 1 and ")" not in left:
        after_bracket = _NON_SPACE.match(left, words[0].start() + 1)  # "(Lund says …)": "Lund"
        if after_bracket is not None:
            words[0] = after_bracket
    while words:
        last = words[-1].group()
        low = last.lower()
        if (
            low in WORDS_BEFORE_A_VERB
            or last.endswith("ly")
            or (low == "both" and len(words) > 1 and words[-2].group()[-1].isalnum())
            or (low in REFLEXIVES and len(words) > 1)  # "Holm himself said"
        ):  # (and "Holm and Lund both said", not "On tolls, both say")
            words.pop()
        elif low == "to" and len(words) > 1 and words[-2].group().lower() in CATENATIVE_VERBS:
            del words[-2:]  # "Lund has tried to defend": the subject of the verb before
        elif low == "to" and len(words) > 2 and tuple(w.group().lower() for w in words[-3:-1]) in _GOES_ON:
            del words[-3:]  # "Lund went on to explain": the same
        elif low == "to" and len(words) > 2 and words[-2].group().lower() in _INCLINED:
            del words[-2:]  # "Voters are more likely to say": the subject of "are"
            while words and words[-1].group().lower() in _DEGREE:
                words.pop()
        elif low in HELP:
            words.pop()  # "Wilk helped persuade"
        elif _a_time(last):
            # "Holm on Tuesday said", "Holm late last week claimed": when, between who and the verb.
            words.pop()
            while words and words[-1].group().lower() in TIME_MODIFIERS:
                words.pop()
        elif last.endswith(")"):
            # "Senator Ida Holm (D-Marrow, Ore.) said": a bracket after the name.
            while words and not words[-1].group().startswith("("):
                words.pop()
            if words:
                words.pop()
        else:
            break
    if not words:
        return None
    if words[-1].group().lower() in ("and", "but"):
        # "Holm has left the board, but is weighing a run for mayor": the clause's subject.
        return _clause_subject(plain, base + words[-1].start())
    contracted = _CONTRACTED.search(words[-1].group())
    if contracted is not None:
        # "he’s warning", "Holm’s also said": the subject and its auxiliary in one word.
        left = left[: words[-1].end() - len(contracted.group())]
        shorter = _NON_SPACE.match(left, words[-1].start())
        if shorter is None:
            return None
        words[-1] = shorter
    clause_end = words[-1].end()
    apposed = left[words[-1].end() - 1 : words[-1].end()] == ","
    if apposed:
        # "The minister, Ola Berg, denied": the apposition names the speaker.
        clause_end -= 1
    breaks = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(left, 0, clause_end)]
    # The clause right before the verb; failing that, the one before an apposition
    # ("Sian Morrow, who runs two boats, said").
    described: tuple[int, str] | None = None
    """An apposition that describes rather than names ("the board's finance officer"), kept in
    case the clause before it names nobody."""
    for attempt in range(3):
        if attempt >= len(breaks):
            break
        clause_start = breaks[-1 - attempt]
        stop = clause_end if attempt == 0 else breaks[-attempt] - 1
        phrase_words = [w for w in words if clause_start <= w.start() and w.end() <= stop + 1][-7:]
        if not phrase_words:
            continue
        phrase = left[phrase_words[0].start() : stop].rstrip(",")
        clause = left[clause_start:stop].split()
        if clause and clause[0].lower() in ("who", "which", "whose", "whom"):
            continue  # a relative clause: its subject is further back
        if clause and all(word.strip(",").isdigit() for word in clause):
            continue  # "Okafor, 78, who …, told": an age
        if attempt == 0 and len(breaks) > 1 and clause and clause[0].endswith("ing") and clause[0].islower():
            continue  # "Wren, speaking to reporters outside the town hall, said": not the hall
        if attempt == 0 and apposed and len(breaks) > 1 and clause and clause[0].lower() in _PLACE_OR_TIME_WORDS:
            continue  # "Holm, for her part, argued", "Lund, in a letter, said": not the letter
        if attempt == 0 and apposed and len(clause) == 1 and clause[0].strip(",").lower() in ASIDES:
            continue  # "Holm, meanwhile, insists that …": the one before the aside
        opened = None
        if len(phrase_words) > 1:  # (one word is not "that he")
            for opened in _SUBORDINATOR.finditer(phrase):  # noqa: B007 - the last one is wanted
                pass
        cut = opened.end() if opened is not None else 0
        # "Asked whether the company [requested]": the subject is after "whether".
        offset, who, kind = _name_before_its_place(
            phrase[cut:], *trim_mention(phrase[cut:], loose=len(phrase[cut:].split()) <= 7)
        )
        if offset and who.lower() in QUANTIFIERS and phrase[cut:][:offset].split()[-1].lower() not in CLAUSE_LEADS:
            kind = None  # "had some explaining to do": an object; not "But some say"
        opener = who.split(None, 1)
        if len(opener) > 1 and opener[0].lower() in CLAUSE_LEADS and classify(opener[1], loose=True):
            offset, who = offset + who.index(opener[1]), opener[1]  # "While many traders", "Yet the board"
        found = base + phrase_words[0].start() + cut + offset, who.rstrip()  # (not "Ed Rendell " before "(D)")
        relative = _restrictive_relative(
            plain, base + clause_start, base + (phrase_words[0].start() + cut if cut else clause_start), found[0]
        )
        if relative is not None:
            # "Two councillors who know Tomas Wilk well said": the councillors, not Wilk.
            found, kind = relative, classify(relative[1], loose=True)
        if described is not None:
            return found if kind == "person" else described
        describes = kind == "group" or offset or relative is not None
        if kind is not None and attempt == 0 and apposed and len(breaks) > 1 and not cut and describes:
            # "Piet Holm, the board's finance officer, said", "Ana Ruiz, the mayor of Marrow, said":
            # the apposition describes the name before it, which speaks.
            described = found
            continue
        if kind is not None:
            return found
        break
    return described


# A "who" or "which" that is its clause's subject ("councillors who know …"): a word in
# lower case after it, and not one that opens a subject of the clause's own ("in which Holm
# said", "in which the board said").
_WHO_OR_WHICH = kept_regex.compile(
    r"\b(?:who|which)\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|these|those|he|she|they|we|i|it)\b)"
    r"(?=[a-z][\w’'-]*\s+\S)"
)


_CLAUSE_OPENER = kept_regex.compile(r"\b(?:when|where|while|after|before|until|as|because|if|that|whether|since)\b")


def _restrictive_relative(plain: str, floor: int, start: int, mention: int) -> tuple[int, str] | None:
    """The phrase a "who" or "which" clause describes, where the mention found at `mention` lies
    inside that clause ("Two councillors who know Tomas Wilk well [said]"): (where, what) in `plain`."""
    if plain.find("wh", start, mention) < 0:
        return None  # most phrases: no relative pronoun to look for
    last = None
    for last in _WHO_OR_WHICH.finditer(plain, start, mention):  # noqa: B007 - the last one is wanted
        pass
    if last is None or _CLAUSE_OPENER.search(plain, last.end(), mention) is not None:
        return None  # (not "the skipper who won the race when the judges said": a clause of its own)
    antecedent = _antecedent(plain, floor, last.start())
    if antecedent is None:
        return None
    at = plain.rfind(antecedent, floor, last.start())
    return (at, antecedent) if at >= 0 else None


def _clause_subject(plain: str, before: int, possessed: bool = False) -> tuple[int, str] | None:
    """The subject the sentence's main clause opens with, if it ends by `before`; with
    `possessed`, read past a possessive to its verb ("Holm’s right-hand woman", not "Holm")."""
    main = _CLAUSE_SUBJECT.match(plain)
    if (
        possessed
        and main is not None
        and (main["who"].endswith(("’s", "'s")) or plain[main.end("who") :][:2] in ("’s", "'s"))
    ):
        fuller = _CLAUSE_SUBJECT_TO_ITS_VERB.match(plain)  # "Holm’s right-hand woman", not "Holm"
        if fuller is not None and fuller.start("who") == main.start("who") and fuller.end("who") <= before:
            main = fuller
    if main is None or main.end("who") > before:
        return None
    offset, who, kind = trim_mention(main.group("who"), loose=True)
    return (main.start("who") + offset, who) if kind is not None else None


def _verb_shaped(word: str) -> bool:
    """A word that may be a finite verb: "rallied", "gave", "was" (not "keeper" in "The old keeper")."""
    return word.islower() and (word.endswith("ed") or word in MODALS_AND_IRREGULAR_PASTS or word in FINITE_VERBS)


def _may_stand_between(word: str) -> bool:
    """A word between a subject and its verb: "finally", "later", "also"."""
    return word.islower() and (word.endswith("ly") or word in WORDS_BEFORE_A_VERB)


def _participle_s_subject(plain: str, verb: re.Match[str], subject: tuple[int, str] | None) -> tuple[int, str] | None:
    """Who speaks by a participle set off after a clause: that clause's subject, not the noun
    phrase that ends it, nor nobody where it ends in none ("Holm spoke at the pier for an hour,
    decrying the tolls" is Holm's; "Lund turned on Wilk at the meeting, calling him …" is
    Lund's). Else `subject` ("Ida Holm, speaking at the pier, …": the subject is the clause's own)."""
    if not verb.group().endswith("ing"):
        return subject
    if subject is None:
        if not plain[: verb.start()].rstrip().endswith(","):
            return None
        return _clause_subject(plain, verb.start())
    end = subject[0] + len(subject[1])
    if plain[end : verb.start()].strip() != ",":
        return subject
    main = _clause_subject(plain, end, possessed=True)
    if main is not None and main[0] == subject[0]:
        # The phrase found is the clause itself, its subject and a verb ("Ida Holm rallied
        # supporters, saying …"), not a longer name ("the current harbour master, saying").
        rest = subject[1][len(main[1]) :].split()
        if rest and (
            _verb_shaped(rest[0]) or (len(rest) > 1 and _may_stand_between(rest[0]) and _verb_shaped(rest[1]))
        ):
            return main
    return _clause_subject(plain, subject[0], possessed=True) or subject


_VERB_FORMS = inflected(CLAIM_VERBS)
_ADVERBS = WORDS_BEFORE_A_VERB - FINITE_VERBS - BE_FORMS - {"then", "once", "since"}
# "was reported by the harbour master", "was endorsed on Friday by two former rivals".
_BY_AGENT = kept_regex.compile(
    r"\s+(?:[\w’'-]+\s+){0,3}?by\s+(?P<who>[^,.;:!?()“”\"—–]{1,60}?)"
    r"(?=\s*(?:[,.;:()—–]|$)|\s+(?:to|for|on|over|about|after|who|that|and|in|at|as|whether|if|why|how|what|when)\b)"
)


def _passive(plain: str, verb: re.Match[str]) -> bool:
    """The cue is a verb's participle after a form of "be": "is expected to", "was asked",
    "were widely seen as". Its subject is whom it is said of or to, not who says it. (Not "was
    pleased", "is eager": words that are no verb of the lexicon's, whose subject feels them.)"""
    word = verb.group().lower()
    if word.endswith(("ing", "s")) or (word not in _VERB_FORMS and word not in IRREGULAR_PARTICIPLES):
        return False
    words = plain[max(0, verb.start() - 40) : verb.start()].lower().split()
    while words and (words[-1].endswith("ly") or words[-1] in _ADVERBS):
        words.pop()
    return bool(words) and words[-1] in BE_FORMS


def _agent(plain: str, verb: re.Match[str]) -> tuple[int, str] | None:
    """Whom a passive cue names after "by", if anyone: "was reported by the harbour master"."""
    match = _BY_AGENT.match(plain, verb.end())
    if match is None:
        return None
    offset, who, kind = trim_mention(match.group("who"), loose=True)
    return (match.start("who") + offset, who) if kind is not None else None


def _name_before_its_place(
    phrase: str, offset: int, who: str, kind: MentionKind | None
) -> tuple[int, str, MentionKind | None]:
    """A person's name before the place they are from, where the search for a speaker kept only
    the place or the whole: "Senator Tomas Wilk of Marrow" → "Tomas Wilk", not "Marrow", and
    "Ida Holm of Marrow University" → "Ida Holm" (but "Secretary of State Ida Holm" stays, as
    "Secretary" alone names nobody, and "Bank of the North" is a body)."""
    if kind == "person" and phrase[:offset].split()[-1:] in (["of"], ["from"]):
        head = phrase[:offset].rstrip()
        named_at, named, named_kind = trim_mention(head[: head.rfind(" ")])
        if named_kind == "person":
            return named_at, named, named_kind
    if kind == "group" and " of " in who:
        # "Ida Holm of Marrow University": a group by its last word, but a person before "of".
        before = who[: who.index(" of ")].split()
        named = " ".join(before)
        if (
            len(before) >= 2
            and all(w[:1].isupper() and w.lower() not in ORGANISATION_WORDS for w in before)
            and classify(named) == "person"
        ):
            return offset, named, "person"
    return offset, who, kind


_APPOSITION_NAME = kept_regex.compile(rf",\s+(?P<name>{NAME}),")
_LABEL = kept_regex.compile(r"^\s*(?P<who>[A-Z][\w.’'\- ]{1,40}?):\s+(?=\S)")


_ASSERTS = kept_regex.compile(r"[^\s.!?\"'”’]")
_WORD = kept_regex.compile(r"[^\W\d_]{2,}")
_ADDRESS = kept_regex.compile(r"\S*[@/]\S*")
_ROLL_OF_NAMES = kept_regex.compile(rf"\s*{NAME}(?:\s*,\s*(?:and\s+)?{NAME})+(?:\s+and\s+{NAME})?\W*")
_CLAUSE_REST = kept_regex.compile(r"[^.,;:!?—–()]*")
_SEVEN_WORDS = kept_regex.compile(r"\s*(?:\S+\s+){6}\S")


def _names_the_speaker(plain: str, after_verb: int) -> bool:
    """The rest of the verb's clause is only who spoke: "said Odile Brennan", "said the mayor"."""
    # Six words at most: told from the words after the verb, before the clause is read to its
    # end (in a line of quotations with no stop, that is the rest of the line, for every verb).
    seven = _SEVEN_WORDS.match(plain, after_verb)
    if seven is not None and _CLAUSE_REST.match(plain, after_verb, seven.end()).end() == seven.end():  # type: ignore[union-attr]
        return False
    rest = _CLAUSE_REST.match(plain, after_verb).group().strip()  # type: ignore[union-attr]
    return bool(rest) and len(rest.split()) <= 6 and classify(rest, loose=True) is not None


def _says_nothing(plain: str, after_verb: int) -> bool:
    """The verb's object says nothing: "said nothing", "said little about it", "said no.",
    not "said no to the war" or "found little evidence that …"."""
    following = plain[after_verb : after_verb + 40].split(None, 2)
    if not following:
        return False
    word = following[0].lower()
    bare = word.rstrip(".,;:!?")
    if bare not in SAYS_NOTHING:
        return False
    if bare == "nothing" or bare != word or len(following) == 1:
        return True
    return following[1].lower().strip(".,;:!?") in SAYS_NOTHING_AFTER or not following[1][:1].isalnum()


def _narration_reports(plain: str, verb: re.Match[str]) -> bool:
    """A narrative verb ("wrote", "spoke") that reports: content or its topic follows it, or
    commas set it off."""
    if _REPORTS_CONTENT.match(plain, verb.end()):
        return True
    set_off = _SET_OFF_AFTER.match(plain, verb.end())
    return bool(set_off and _SET_OFF_BEFORE.search(plain, max(0, verb.start() - 80), verb.start()))


_SUBJECT_WORDS = 12
"""At most this many words between a quotation and the verb that attributes it."""


def _attributes_a_quotation(plain: str, verb: re.Match[str], quoted: list[tuple[int, int]]) -> bool:
    """The verb is a quotation's attribution: one ends just before it ("…,” the mayor said",
    "…,” said Brennan") or starts right after it ("She said, “…”"). Not "Spicer said, adding,
    “…”", nor a verb a whole clause away from a quotation."""
    # The quotations are in order and apart: only the last one before the verb and the first
    # after it can be near enough (a sentence of thousands is not read once per verb).
    before = bisect_right(quoted, verb.start(), key=itemgetter(1)) - 1
    if before >= 0 and len(plain[quoted[before][1] : verb.start()].split(None, _SUBJECT_WORDS)) <= _SUBJECT_WORDS:
        return True
    after = bisect_left(quoted, verb.end(), key=itemgetter(0))
    return after < len(quoted) and not plain[verb.end() : quoted[after][0]].strip(" ,:—–-")


def _reported(
    plain: str,
    quoted: list[tuple[int, int]],
    model: CueModel,
    verbs: list[re.Match[str]],
    label_speaks: Callable[[str], bool],
    trace: list[tuple[int, int, dict[str, float]]] | None = None,
) -> list[tuple[int, str | None, str]]:
    """(where the source starts in `plain`, the source, the cue) for each report in a sentence,
    whose candidate cue words (`CueModel.pattern`) are `verbs` and whose quotations, blanked
    in `plain`, are at `quoted`. A cue whose speaker is not found beside it has no source.
    `label_speaks` tells whether a label before a colon names a source (`_labels_a_source`).
    `trace` gets each candidate cue's place in `plain` and its features, for training."""
    found: list[tuple[int, str | None, str]] = []
    has_quote = bool(quoted)
    label = _LABEL.match(plain) if ":" in plain else None
    if label is not None:
        # "Poll: Voters abandon …", "BERG: Well, look …": a source and a colon.
        who = label.group("who").strip()
        # Not "Brennan: 1,769." (a tally), "Email: quill@harbour.example", "Twitter: @quill" (an
        # address) or "Gullwick: Ida Hale, Tomas Wilk, Ola Berg." (a roll of names).
        rest = _ADDRESS.sub(" ", plain[label.end() :])
        says = _WORD.search(rest) is not None and not _ROLL_OF_NAMES.fullmatch(rest)
        if says and label_speaks(who):
            found.append((label.start("who"), who, ":"))
    for match in _ACCORDING.finditer(plain) if "ccording to" in plain else ():
        # "according to court documents", "… to figures released on Monday": whatever the
        # phrase names is the source, a person or not.
        who = match.group("who") or match.group("long")
        offset, kept, kind = trim_mention(who, loose=True)
        crossed = re.search(r"\b(?:on|in|at|by|from|for|with|to|after|before|since|during)\b", who[:offset])
        if kind not in ("person", "pronoun") or crossed:
            offset, kept = len(who) - len(who.lstrip()), who.strip()
        found.append((match.start("who" if match.group("who") else "long") + offset, kept, match.group("cue")))
    # (Each of `_INVERTED_CUES` is among the verbs when the model's words hold them all: a
    # sentence with no candidate cue has none of them to search for.)
    inverted = _INVERTED.finditer(plain) if verbs or not model.holds_inverted_cues else ()
    for match in inverted:
        opening = match.group("who").split(None, 1)
        if len(opening) > 1 and (
            opening[0].lower() in PRONOUNS
            or opening[0].lower() in CLAUSE_WORDS
            or opening[0].lower() in POSSESSIVES
            or cut_short(match.group("who").lower().split())
        ):
            # ", said she was pleased with …", ", said that the pier …", "Okafor, after a pause,
            # said the town would survive it": what was said, not who said it (the verb's
            # subject is before it).
            continue
        if len(opening) > 1 and opening[0].lower() in _PLACE_OR_TIME_WORDS:
            # "…,” the chairman, Anders Lund, said in a statement": a report, but the phrase
            # after the verb tells where, not who (the speaker is the verb's subject).
            found.append((match.start("cue"), None, match.group("cue")))
            continue
        offset, who, kind = trim_mention(match.group("who"))
        if kind is not None:
            found.append((match.start("who") + offset, who, match.group("cue")))
    for verb in verbs:
        end = verb.end()
        content_follows = _CONTENT_FOLLOWS.match(plain, end) is not None
        ends_clause = plain[end : end + 40].lstrip()[:1] in ("", ",", ".")
        if (
            has_quote
            and ((ends_clause and not content_follows) or _names_the_speaker(plain, end))
            and _attributes_a_quotation(plain, verb, quoted)
        ):
            continue  # "…,” he said.", "…,” said Odile Brennan.": a quotation's attribution
        if _says_nothing(plain, end):
            continue  # "He said nothing."
        if verb.group().lower() in NARRATIVE_CUES and not _narration_reports(plain, verb):
            continue  # "When he finally spoke, …", "Quill wrote in her notebook": narration
        f = cue_features(plain, verb, has_quote, content_follows, ends_clause)
        verb_score = model.score(f)
        if trace is None and verb_score + model.best_subject < model.bar:
            continue  # whoever the speaker, not a report: the costly subject search is not needed
        subject = _subject_before(plain, verb.start())
        if not _ASSERTS.search(plain, end) and (subject is None or not plain[: subject[0]].strip()):
            continue  # "Tobias Wren spoke.": nothing is asserted before or after
        speaker = subject_features(plain, subject)
        f.update(speaker)
        if trace is not None:
            trace.append((verb.start(), end, f))
        if verb_score + model.score(speaker) >= model.bar:
            # A subject that is a piece of a clause ("The ledger allegedly records a [promise]")
            # tells that something is reported, not who reports it.
            if subject is not None and cut_short(subject[1].lower().split()):
                subject = None
            subject = _participle_s_subject(plain, verb, subject)
            if _passive(plain, verb):
                # "Holm is expected to rule", "Lund was asked about it": not theirs.
                subject = _agent(plain, verb)
            elif subject is None:
                # "a gunman who expressed sympathy for …": the "who" stands for the one before it.
                relative = _RELATIVE_SUBJECT.search(plain, max(0, verb.start() - 40), verb.start())
                if relative is not None:
                    subject = relative.start("who"), relative.group("who")
            found.append((-1, None, verb.group()) if subject is None else (subject[0], subject[1], verb.group()))
    return found


_RELATIVES = frozenset(("who", "which", "that"))
# A relative pronoun right before its verb: "women who claim", "a group that has urged".
_RELATIVE_SUBJECT = kept_regex.compile(
    rf"(?<![\w’'])(?P<who>who|which|that)\s+(?:(?:{word_alternation(WORDS_BEFORE_A_VERB)}|\w+ly)\s+)*$"
)
# Where the phrase before a relative pronoun may begin: after a mark that sets it off.
_SEGMENT_BREAK = kept_regex.compile(r"[,;:()“”\"—–―]|--")
_NAME_BEFORE_APPOSITION = kept_regex.compile(rf"(?P<name>{NAME}),\s*$")


def _antecedent(text: str, floor: int, at: int) -> str | None:
    """The noun phrase a relative pronoun at `at` stands for, from the words before it: "a
    gunman", "dozens of women", "Mr. Holm" (and past a comma: "Ida Holm, who …"), but not the
    verb or the noun before it ("begging a woman who …" is the woman)."""
    before = text[max(floor, at - 100) : at].rstrip().removesuffix(",").rstrip()
    segment = _SEGMENT_BREAK.split(before)[-1].split()[-8:]
    for count in range(len(segment), 0, -1):
        words = segment[-count:]
        first = words[0]
        opens = (count == len(segment) and count <= 2) or first[:1].isupper() or first[:1].isdigit()
        opens = opens or first.lower() in DETERMINERS or first.lower() in QUANTIFIERS
        # (Not "It’s still a rare candidate who …", a clause: the candidate.)
        opens = opens and not _CONTRACTED.search(first) and not _has_a_verb(words)
        if opens and classify(" ".join(words), loose=True) in ("person", "group"):
            phrase = " ".join(words)
            # "Megyn Holm, a star anchor at the Gazette who …": the name the description is of.
            named = (
                _NAME_BEFORE_APPOSITION.search(before, 0, before.rfind(phrase))
                if first.lower() in DETERMINERS
                else None
            )
            return phrase if named is None else named.group("name")
    return None


def _has_a_verb(words: list[str]) -> bool:
    """Whether a verb stands inside a phrase ("His tweet followed another"), not an adjective
    after its determiner ("a retired teacher") nor a compound ("a self-described socialist")."""
    return any(
        (_verb_shaped(word) and "-" not in word and words[index].lower() not in DETERMINERS) or _may_stand_between(word)
        for index, word in enumerate(words[1:-1])
    )


def _labels_a_source(who: str, cast: Cast, transcript: Callable[[], bool]) -> bool:
    """Whether a label before a colon names who speaks: a kind of source ("Poll:", "Report:"),
    a person the text names ("Holm: Ferry deal is dead"), or in a transcript (`transcript()`:
    labels in capitals open two lines or more) a speaker ("BERG: …"). Not a heading of the
    page's own ("The Latest:", "CORRECTION:", "Answer:")."""
    if who.split()[-1].lower() in LABEL_WORDS:
        return True
    if who.isupper():
        return cast.resolve_name(who.title()) in cast.full or transcript()
    return classify(who) is not None and cast.resolve_name(who) in cast.full


_SPEAKER_LINE = kept_regex.compile(r"(?m)^[A-Z][A-Z.’' -]{1,30}:\s")


def _pronoun_s_person(
    pronoun: str, at: int, opens: bool, number: int, previous: tuple[int, str] | None, cast: Cast
) -> str | None:
    """Whom "he" or "she" opening a claim means: the person whose claim the sentence before was,
    if they may be of that gender ("The museum's director, Alun Pryce, denied that. He said …"),
    else the person named last who may be (`Cast.before`)."""
    if previous is not None and previous[0] == number - 1 and opens:
        known = cast.gender.get(previous[1]) or title_gender(previous[1])
        if known is None or known == PRONOUNS.get(pronoun.lower()):
            return previous[1]
    return cast.before(at, pronoun)


def _stance_owner(plain: str) -> tuple[int, str] | None:
    """Whose the stance a noun names is, where no verb's subject said: "The plan drew sharp
    criticism from fellow traders". (Where in `plain`, and who.)"""
    match = _STANCE_FROM.search(plain)
    if match is None:
        return None
    offset, who, kind = trim_mention(match.group("who"), loose=True)
    if kind is None or kind == "pronoun" or cut_short(who.lower().split()):
        return None
    return match.start("who") + offset, who


def _word_within(starts: list[int], sentence: Span, text: str) -> bool:
    """Whether one of `starts` (sorted word openings) lies in `sentence`. A sentence glued to a
    word before or after it ("…said.The") may match where the whole text does not: it counts."""
    glued_after = sentence.end < len(text) and not starts_word(text, sentence.end + 1)
    if not starts_word(text, sentence.start) or glued_after:
        return True
    index = bisect_left(starts, sentence.start)
    return index < len(starts) and starts[index] < sentence.end


def _blanked(body: str, quoted: list[tuple[int, int]]) -> str:
    """`body` with the spans `quoted` (in order, apart) made spaces, in one pass."""
    if not quoted:
        return body
    pieces: list[str] = []
    at = 0
    for start, end in quoted:
        pieces += (body[at:start], " " * (end - start))
        at = end
    pieces.append(body[at:])
    return "".join(pieces)


def _stretches(sentences: list[Sentence], end: int) -> list[tuple[int, int]]:
    """Where to search `sentences`, each with a little after it (for a pattern's closing word
    boundary) but never into the next one, so that nothing is found twice; none past `end`."""
    ends = [sentence.start for sentence in sentences[1:]] + [end]
    return [
        (sentence.start, min(sentence.end + 100, then, end)) for sentence, then in zip(sentences, ends, strict=True)
    ]


def find_claims(
    document: Document,
    sentences: list[Sentence],
    quotes: list[Quote],
    cast: Cast,
    trace: list[tuple[int, int, dict[str, float]]] | None = None,
    pause: Pause | None = None,
    lowered: str | None = None,
    scattered: bool = False,
) -> list[Claim]:
    """`trace`, when given, gets every candidate cue verb: its span in the text and its features.
    `lowered` is the text lower-cased, when the caller has it already. `scattered` says that
    `sentences` are a few of the text's, far apart (`reported.py`): each is searched alone."""
    text = document.text
    blocks = analysable_blocks(document)
    ranges = [(b.start, b.end) for b in blocks if b.kind != "heading"]
    model = cue_model()
    quotes = [q for q in quotes if q.depth == 1]
    quote_ends = [q.end for q in quotes]  # sorted, as the outermost quotations do not overlap
    # Where a cue word or a word of note may be, found in one sweep: most sentences have none. It covers
    # the blocks (and a little after, for the patterns' closing word boundary): a part of a
    # book (`Analysis.near`) is not searched whole.
    begin, end = (blocks[0].start, min(len(text), blocks[-1].end + 100)) if blocks else (0, 0)
    lowered_text = text.lower() if lowered is None else lowered
    # (Where lower-casing changes a length, offsets would slip: the cue words are then swept in
    # the text as written, and every sentence is searched for the words of note.)
    same_length = len(lowered_text) == len(text)
    stretches = _stretches(sentences, end) if scattered else [(begin, end)]
    of_note: list[int] | None = None
    if same_length:
        cue_starts, of_note = model.sweep(lowered_text, stretches)
    else:
        cue_starts = [m.start() for at, to in stretches for m in model.pattern.finditer(text, at, to)]
    claims: list[Claim] = []
    block_index = 0

    @cache
    def transcript() -> bool:
        return next(islice(_SPEAKER_LINE.finditer(text, begin, end), 1, None), None) is not None  # two or more

    def label_speaks(who: str) -> bool:
        return _labels_a_source(who, cast, transcript)

    previous: tuple[int, str] | None = None
    """The sentence number and the person of the last claim made by someone the cast knows."""
    for number, sentence in enumerate(pausing(sentences, pause)):
        while block_index < len(ranges) and ranges[block_index][1] < sentence.start:
            block_index += 1
        if block_index >= len(ranges) or not (ranges[block_index][0] <= sentence.start < ranges[block_index][1]):
            continue
        body = text[sentence.start : sentence.end]
        # What the sentence says outside its quotation marks.
        quoted: list[tuple[int, int]] = []
        said_by: Quote | None = None
        """A quotation of the sentence whose attribution is in the sentence too."""
        index = bisect_right(quote_ends, sentence.start)
        while index < len(quotes) and quotes[index].start < sentence.end:
            quote = quotes[index]
            left, right = max(quote.start, sentence.start), min(quote.end, sentence.end)
            quoted.append((left - sentence.start, right - sentence.start))
            at = quote.speaker_start
            if said_by is None and quote.speaker and at is not None and sentence.start <= at < sentence.end:
                said_by = quote
            index += 1
        plain = _blanked(body, quoted)
        if not plain.strip(" .,;:!?—–-\"'“”"):
            continue  # a quotation and nothing else
        cues: list[str] = []
        source = None
        candidates: list[tuple[int, int, dict[str, float]]] | None = None if trace is None else []
        first = bisect_left(cue_starts, sentence.start)
        last = bisect_left(cue_starts, sentence.end, first)
        verbs = [model.pattern.match(plain, at - sentence.start) for at in cue_starts[first:last]]
        found = _reported(plain, quoted, model, [verb for verb in verbs if verb is not None], label_speaks, candidates)
        if trace is not None and candidates:
            trace.extend((sentence.start + a, sentence.start + b, f) for a, b, f in candidates)
        # The source is the first found in the main clause: "Asked whether the company had
        # requested it, she said …" is hers, not the company's (a subject after "whether").
        subordinate = None
        for who_start, who, cue in found:
            cues.append(cue)
            if source is None and who is not None:
                place = (who, sentence.start + who_start, sentence.start + who_start + len(who))
                relative = who.lower() in _RELATIVES  # a relative clause's: subordinate too
                if len(found) == 1 or (
                    not relative and _SUBORDINATE_SUBJECT.search(plain, max(0, who_start - 12), who_start) is None
                ):
                    source = place
                elif subordinate is None:
                    subordinate = place
        source = source or subordinate
        if "accus" in plain:
            cues.extend(match.group("cue") for match in _ACCUSED.finditer(plain))
        hedges: list[str] = []
        has_figure = _DIGITS.search(plain) is not None
        if of_note is None or _word_within(of_note, sentence, text):
            lowered = plain.lower()
            cues.extend(match.group("cue") for match in _STANCE_NOUN.finditer(lowered))
            hedges = [m.group() for m in _HEDGE.finditer(lowered)]
            has_figure = has_figure or _NUMBER_WORD_OF.search(lowered) is not None
        figures = [m.group() for m in _FIGURE.finditer(plain)] if has_figure else []
        kind: ClaimKind
        # A hedge makes the claim hedged even when someone is named as its source.
        if hedges:
            kind, cues = "hedged", hedges + cues
        elif cues:
            kind = "attributed"
        elif figures:
            kind, cues = "factual", figures
        else:
            continue
        checkable = bool(figures)
        cues = list(dict.fromkeys(cues))  # a word that cues twice is shown once ("said", "said")
        antecedent = None
        if source is not None and source[0].lower() in _RELATIVES:
            # The source is the phrase the "who" stands for; the claim rests on the "who". (Not
            # where the sentence quotes someone: "“…,” said Tom Rath, a leader who had endorsed …")
            antecedent = _antecedent(text, sentence.start, source[1]) if said_by is None else None
            source = None if antecedent is None else source
        if source is None and kind == "attributed":
            owner = _stance_owner(plain)
            if owner is not None:
                source = (owner[1], sentence.start + owner[0], sentence.start + owner[0] + len(owner[1]))
        speaker = None
        if source is not None:
            who, s_start, s_end = source
            named = _APPOSITION_NAME.match(text, s_end)
            if named is not None:
                # "According to the harbour master, Tobias Wren, …": the name speaks.
                who, s_start, s_end = named.group("name"), named.start("name"), named.end("name")
            who = antecedent or who
            kind_of_source = classify(who, loose=True)  # it was found beside a cue: a phrase may speak
            if kind_of_source is None and "according to" in (cue.lower() for cue in cues):
                kind_of_source = "group"  # "according to court records"
            # A person as the quotes show them: "Mrs. Cobb", not the cast's bare "Cobb".
            if kind_of_source == "person":
                speaker = cast.display(cast.resolve_name(who))
            elif kind_of_source == "pronoun" and who.lower() in ("he", "she"):
                opens = len(text[sentence.start : s_start].split()) <= 2  # "He said", "But later she said"
                speaker = cast.display(_pronoun_s_person(who, s_start, opens, number, previous, cast))
            elif kind_of_source == "group":
                speaker = who
            claims.append(Claim(sentence.start, sentence.end, kind, tuple(cues), speaker, s_start, s_end, checkable))
            if kind_of_source in ("person", "pronoun") and speaker is not None:
                previous = (number, cast.resolve_name(speaker))
        elif said_by is not None:
            # "“This is robbery,” shouted one man at the back": the quotation's speaker, where the
            # cue's own search found none beside it.
            claims.append(
                Claim(
                    sentence.start,
                    sentence.end,
                    kind,
                    tuple(cues),
                    said_by.speaker,
                    said_by.speaker_start,
                    said_by.speaker_end,
                    checkable,
                )
            )
        else:
            claims.append(Claim(sentence.start, sentence.end, kind, tuple(cues), checkable=checkable))
    return claims
