"""Claims: sentences (or clauses) that assert something a reader may want to check.

- `attributed`: reported speech or belief without quote marks ("X claimed that …",
  "according to …", "accused … of", "denied …", "told Us Weekly that …");
- `hedged`: "allegedly", "reportedly", "appeared to" …;
- `factual`: a checkable figure, amount, percentage or date.

A direct quotation alone is not a claim; a sentence that quotes and also asserts can be.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import Any, Literal

from content.analysis.cast import Cast, classify, trim_mention
from content.analysis.lexicon import (
    CLAIM_VERBS,
    HEDGES,
    LABEL_WORDS,
    NARRATIVE_CUES,
    SAYS_NOTHING,
    WORDS_BEFORE_A_VERB,
    inflected,
    word_alternation,
)
from content.analysis.patterns import NAME
from content.analysis.quotes import Quote, analysable_blocks
from content.document import Document, Sentence, Span

_CLAIM_VERBS = word_alternation(inflected(CLAIM_VERBS))
# Headlines capitalise their verbs: "Former White House Doctor Says …", "New Poll Shows …".
_HEADLINE_VERBS = (
    "Says|Say|Said|Claims|Claimed|Warns|Warned|Shows|Denies|Denied|Tells|Told|Insists|Argues|Admits|Suggests"
)
_VERB = re.compile(rf"\b(?:{_CLAIM_VERBS}|{_HEADLINE_VERBS})\b")
_CONTENT_FOLLOWS = re.compile(
    r"[^.;:“”\"]{0,60}?\b(?:that|of|to|in|having|it|the|a|an|he|she|they|this|was|were|would|had)\b"
)
# Right after a narrative verb, what makes it a report: "spoke of", "wrote that", "answered: …".
_REPORTS_CONTENT = re.compile(r"\s*(?::|\b(?:that|of|about|on|to say)\b)")
_CLAUSE_BREAK = re.compile(r"[,;:(—–]")
# "…,'' said Ola Berg, an economist …": the verb before its speaker.
_INVERTED = re.compile(
    r"[,:]\s*(?P<cue>said|says|added|wrote|writes|argued|noted|explained)\s+"
    r"(?P<who>(?:[A-Z][a-z]{0,3}\.[ ]|[^.;:!?,“”\"\n]){1,60}?)(?=\s*(?:[.,;:]|$))"
)
# "according to the harbour master, …": the whole phrase up to the comma names the source.
_ACCORDING = re.compile(
    r"\b(?P<cue>[Aa]ccording to)\s+(?P<who>(?:[A-Z][a-z]{0,3}\.[ ]|[^.;:!?,“”\"\n]){1,80}?)(?=\s*(?:[,.;:]|$))"
)
_ACCUSED = re.compile(r"\b(?P<cue>accused|accusing|accuses)\b[^.]{0,80}?\bof\b")
# A stance held by someone, named by a noun: "criticism of", "allegations that", "support for".
_STANCE_NOUN = re.compile(
    r"\b(?P<cue>(?:criticism|allegations?|accusations?|complaints?|concerns?|doubts?|claims?|assertions?"
    r"|endorsement|opposition|praise|warnings?|calls|demands?|insistence|admission|denials?)"
    r"\s+(?:of|about|that|for|to|over|against))\b"
)  # matched against the lower-cased sentence
# Matched against the lower-cased sentence: a case-blind alternation is much slower.
_HEDGE = re.compile(rf"\b(?:{word_alternation(frozenset(HEDGES))})\b")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NUMBER_WORDS = "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozens|hundreds|thousands|millions"
_DIGITS = re.compile(r"[\d£$€¥]")
# Without a digit only "six of the nine …" can be a figure: looked for in the lower-cased
# sentence first, since a case-blind alternation at every position is slow.
_NUMBER_WORD_OF = re.compile(rf"\b(?:{word_alternation(frozenset(_NUMBER_WORDS.split('|')))})\s+of\b")
_FIGURE = re.compile(
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


def _subject_before(plain: str, verb_start: int) -> tuple[int, str] | None:
    """The speaker phrase just before a verb, inside its clause: "Brennan [claimed]",
    "top black lawmakers [said]", "The minister, Ola Berg, [denied]" → "Ola Berg"."""
    left = plain[max(0, verb_start - 160) : verb_start]
    base = verb_start - len(left)
    words = list(re.finditer(r"\S+", left))
    while words and (words[-1].group().lower() in WORDS_BEFORE_A_VERB or words[-1].group().endswith("ly")):
        words.pop()
    if not words:
        return None
    clause_end = words[-1].end()
    if left[words[-1].end() - 1 : words[-1].end()] == ",":
        # "The minister, Ola Berg, denied": the apposition names the speaker.
        clause_end -= 1
    breaks = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(left, 0, clause_end)]
    # The clause right before the verb; failing that, the one before an apposition
    # ("Sian Morrow, who runs two boats, said").
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
        offset, who, kind = trim_mention(phrase, loose=len(phrase.split()) <= 7)
        if kind is not None:
            return base + phrase_words[0].start() + offset, who
        break
    return None


_APPOSITION_NAME = re.compile(rf",\s+(?P<name>{NAME}),")
_LABEL = re.compile(r"^\s*(?P<who>[A-Z][\w.’'\- ]{1,40}?):\s+(?=\S)")


def _reported(plain: str, has_quote: bool) -> list[tuple[int, str, str]]:
    """(where the source starts in `plain`, the source, the cue) for each report in a sentence."""
    found: list[tuple[int, str, str]] = []
    label = _LABEL.match(plain)
    if label is not None:
        # "Poll: Voters abandon …", "PENCE: Well, look …": a source and a colon.
        who = label.group("who").strip()
        if who.isupper() or who.split()[-1].lower() in LABEL_WORDS or classify(who) is not None:
            found.append((label.start("who"), who, ":"))
    for match in _ACCORDING.finditer(plain):
        # "according to court documents", "… to figures released on Monday": whatever the
        # phrase names is the source, a person or not.
        who = match.group("who")
        offset, kept, kind = trim_mention(who, loose=True)
        crossed = re.search(r"\b(?:on|in|at|by|from|for|with|to|after|before|since|during)\b", who[:offset])
        if kind not in ("person", "pronoun") or crossed:
            offset, kept = len(who) - len(who.lstrip()), who.strip()
        found.append((match.start("who") + offset, kept, match.group("cue")))
    for pattern in (_INVERTED,):
        for match in pattern.finditer(plain):
            offset, who, kind = trim_mention(match.group("who"))
            if kind is not None:
                found.append((match.start("who") + offset, who, match.group("cue")))
    for verb in _VERB.finditer(plain):
        subject = _subject_before(plain, verb.start())
        if subject is None:
            continue
        following = plain[verb.end() :].split()
        if following and following[0].lower().strip(".,;") in SAYS_NOTHING:
            continue  # "He said nothing."
        if verb.group().lower() in NARRATIVE_CUES and not _REPORTS_CONTENT.match(plain, verb.end()):
            continue  # "When he finally spoke, …", "Quill wrote in her notebook": narration
        content_follows = _CONTENT_FOLLOWS.match(plain, verb.end()) is not None
        ends_clause = plain[verb.end() :].lstrip()[:1] in ("", ",", ".")
        if has_quote and ends_clause and not content_follows:
            continue  # "…,” he said.": the attribution of a quotation, not a claim
        if not plain[verb.end() :].strip(" .!?\"'”’") and not plain[: subject[0]].strip():
            continue  # "Tobias Wren spoke.": nothing is asserted before or after
        found.append((subject[0], subject[1], verb.group()))
    return found


def find_claims(document: Document, sentences: list[Sentence], quotes: list[Quote], cast: Cast) -> list[Claim]:
    text = document.text
    blocks = analysable_blocks(document)
    ranges = [(b.start, b.end) for b in blocks if b.kind != "heading"]
    quotes = [q for q in quotes if q.depth == 1]
    quote_starts = [q.start for q in quotes]
    claims: list[Claim] = []
    block_index = 0
    for sentence in sentences:
        while block_index < len(ranges) and ranges[block_index][1] < sentence.start:
            block_index += 1
        if block_index >= len(ranges) or not (ranges[block_index][0] <= sentence.start < ranges[block_index][1]):
            continue
        body = text[sentence.start : sentence.end]
        # What the sentence says outside its quotation marks.
        plain = body
        has_quote = False
        index = bisect_left(quote_starts, sentence.end) - 1
        while index >= 0 and quotes[index].end > sentence.start - 2000:
            quote = quotes[index]
            if quote.end > sentence.start:
                left, right = max(quote.start, sentence.start), min(quote.end, sentence.end)
                offset = sentence.start
                plain = plain[: left - offset] + " " * (right - left) + plain[right - offset :]
                has_quote = True
            index -= 1
        if not plain.strip(" .,;:!?—–-\"'“”"):
            continue  # a quotation and nothing else
        cues: list[str] = []
        source = None
        for who_start, who, cue in _reported(plain, has_quote):
            cues.append(cue)
            if source is None:
                source = (who, sentence.start + who_start, sentence.start + who_start + len(who))
        lowered = plain.lower()
        for pattern, searched in ((_ACCUSED, plain), (_STANCE_NOUN, lowered)):
            cues.extend(match.group("cue") for match in pattern.finditer(searched))
        hedges = [m.group() for m in _HEDGE.finditer(lowered)]
        if _DIGITS.search(plain) or _NUMBER_WORD_OF.search(lowered):
            figures = [m.group() for m in _FIGURE.finditer(plain)]
        else:
            figures = []
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
        speaker = None
        if source is not None:
            who, s_start, s_end = source
            named = _APPOSITION_NAME.match(text, s_end)
            if named is not None:
                # "According to the harbour master, Tobias Wren, …": the name speaks.
                who, s_start, s_end = named.group("name"), named.start("name"), named.end("name")
            kind_of_source = classify(who, loose=True)  # it was found beside a cue: a phrase may speak
            if kind_of_source is None and "according to" in (cue.lower() for cue in cues):
                kind_of_source = "group"  # "according to court records"
            if kind_of_source == "person":
                speaker = cast.resolve_name(who)
            elif kind_of_source == "pronoun" and who.lower() in ("he", "she"):
                speaker = cast.before(s_start, who)
            elif kind_of_source == "group":
                speaker = who
            claims.append(Claim(sentence.start, sentence.end, kind, tuple(cues), speaker, s_start, s_end, checkable))
        else:
            claims.append(Claim(sentence.start, sentence.end, kind, tuple(cues), checkable=checkable))
    return claims
