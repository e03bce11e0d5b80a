"""Quotations with their speakers (DESIGN.md §3).

Each quotation found by its marks (`marks.py`) gets a kind (`speech`, or `term` for scare
quotes and titles), the reporting verb that attributes it (`cue`), the mention it was
attributed from (`speaker_start`/`speaker_end`: "he", "Wilk", "the boy") and the cast
member that mention resolves to (`speaker`). The sieves (`sieves.py`) and the dialogue so
far (`dialogue.py`) propose candidates; the ranker (`ranker.py`) chooses.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise
from typing import Any, Literal

from content.analysis import kept_regex
from content.analysis.cast import Cast, Mention, MentionKind, title_gender
from content.analysis.dialogue import (
    DialogueTracker,
    Turn,
    bare_turn,
    line_breaks_between,
    link_descriptions,
    linked_here,
)
from content.analysis.lexicon import DESCRIBED_GENDER, KIN_GENDER, KIN_WORDS, NARRATOR, PRONOUNS, TITLES, Gender
from content.analysis.marks import MarkedSpan, find_marked_spans
from content.analysis.patterns import DASH, NAME, ends_word, looks_like_a_title, starts_word
from content.analysis.pause import Pause, pausing
from content.analysis.ranker import Evidence, Features, Ranker, Source, features, load_ranker
from content.analysis.sieves import INTRODUCED, Candidate, Sieves, Site, propose
from content.document import Block, Document, Sentence, Span

QuoteKind = Literal["speech", "term"]


@dataclass(frozen=True, slots=True)
class Quote(Span):
    kind: QuoteKind
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    depth: int = 1

    def to_json(self, text: str) -> dict[str, Any]:
        return {
            **self.span_json(text),
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "cue": self.cue,
            "depth": self.depth,
        }


@dataclass
class Option:
    """A person who may have spoken a quotation, with every way the sieves proposed them."""

    speaker: str | None
    candidate: Candidate
    """The first proposal that named them: its mention and cue are what the quote shows."""
    sources: list[Source] = field(default_factory=list)
    gender_agrees: bool | None = None
    named_before: int | None = None
    """For a pronoun or description: 0 if this is the last person of its gender named before
    it (outside quotations), 1 the one before, …; None if not among them."""


@dataclass(frozen=True, slots=True)
class Choice:
    """One quotation's options and their features, for training the ranker."""

    span: Span
    options: list[Option]
    features: list[Features]
    chosen: int | None
    fiction: bool


def analysable_blocks(document: Document) -> list[Block]:
    return [b for b in document.blocks if not b.boilerplate and b.kind not in ("code", "rule") and b.end > b.start]


def _word_count(text: str) -> int:
    return len(text.split())


def find_quotes(
    document: Document,
    sentences: list[Sentence],
    cast: Cast,
    fiction: bool = False,
    ranker: Ranker | None = None,
    trace: list[Choice] | None = None,
    marked: list[MarkedSpan] | None = None,
    pause: Pause | None = None,
) -> list[Quote]:
    blocks = analysable_blocks(document)
    text = document.text
    if marked is None:
        marked = find_marked_spans(text, blocks)
    if not marked:
        return []
    ranker = ranker or load_ranker()
    outer = [m for m in marked if m.depth == 1]
    sieves = Sieves(document, blocks, sentences, cast, outer)
    dialogue = DialogueTracker(text=text, breaks=line_breaks_between(text, blocks))
    quotes: list[Quote] = []
    described_as: dict[str, str] = {}
    """A description ("the old gentleman") → the person it last spoke as."""
    unresolved: set[str] = set()
    """The descriptions that spoke as themselves, never resolved to a person ("the painter")."""
    described: dict[int, str] = {}
    """A quotation's index → the description it was attributed by ("said the painter")."""
    turns: list[Turn] = []
    """The first speech of each paragraph."""
    # (Swept over the paragraphs analysed only: a part of a book, `Analysis.near`, is not read whole.)
    kin_words = (
        [match.start() for match in _PARENT_WORD.finditer(text, blocks[0].start, blocks[-1].end)]
        if fiction and blocks
        else []
    )
    for index, span in enumerate(pausing(outer, pause)):
        block = sieves.block_of(span.start)
        sentence = sieves.sentence_of(span.start)
        following = _bounding(text, outer, index, 1, sentence, fiction)
        preceding = _bounding(text, outer, index, -1, sentence, fiction)
        inner = _inner(text, span)
        if _looks_like_title(inner) and _TITLE_BEFORE.search(text, max(0, span.start - 40), span.start):
            # “Harbour Hour”, ''The Night Watch'': a programme's or a book's name, not anyone's words.
            quotes.append(Quote(span.start, span.end, "term"))
            continue
        site = Site(
            span,
            block,
            max(block.start, 0 if preceding is None else outer[preceding].end, sentence.start),
            min(len(text) if following is None else outer[following].start, sieves.block_of(span.end - 1).end),
            sentence,
        )
        bare = bare_turn(text, span, block)
        proposals = propose(sieves, site)
        same_block = dialogue.last is not None and sieves.block_of(dialogue.last.start).start == block.start
        for candidate in (
            dialogue.alternating(block) if bare else None,
            dialogue.answer(quotes) if bare and not same_block else None,
            _named_again(sieves, dialogue.continued(block, sieves.block_of), span),
            dialogue.addressed(block),
        ):
            if candidate is not None:
                proposals.append(candidate)
        narration = _narration(sieves, dialogue, block)
        if bare and fiction:
            # "… and Hanna came in with a basket. / “You forgot your lunch.”"
            entered = _entered(text, narration, sieves.sentence_of)
            if entered is not None:
                proposals.append(entered)
        if bare and not fiction and not proposals:  # nobody named around it, nor by the dialogue
            ahead = _said_next(sieves, outer, index, block, dialogue)
            if ahead is not None:
                proposals.append(ahead)
        fragment = _word_count(inner) < 5 and inner[-1:] not in ".?!,"
        options = _options(sieves, dialogue, proposals, span, block, bare)
        told = _told_gender(options)  # (before any option is ruled out below)
        # “Holm, the pier was closed.” is spoken to Holm, never by him (a name called inside
        # a quotation it holds, ‘…, Holm,’ may be anyone's): better nobody than him.
        called_out = list(vocatives(sieves, span))
        callee = {
            name
            for called in called_out
            if not _NESTED_OPENING.search(text, span.start + 1, called.start)
            for name in _called(sieves.people, called.text)
        }
        kin = _kin_called(text, span, kin_words) if kin_words else []
        if kin and options:
            # “Sit down, Mother”: not the mother of anyone who may have said it.
            callee.update(_parents_called(sieves, kin, options))
        if fiction and options and not any(p.sieve in ("after", "after_any_verb") for p in proposals):
            silent = _silent(sieves, dialogue, span, block)
            if silent is not None and any(o.speaker != silent for o in options):
                callee.add(silent)  # "“Where is the key?” / He was silent. / “…”": not his
        if callee:
            options = [o for o in options if o.speaker not in callee]
        if sieves.people.narrator is not None and _told_in_the_third_person(options, sieves.people.narrator):
            # "“…,” he asked", "said the girl": whoever it is, not the "I" who tells the story
            # (nor, told back from the turns after it, later: `_answered_back`).
            options = [o for o in options if o.speaker != sieves.people.narrator]
            callee.add(sieves.people.narrator)
        inside, around = named_inside(sieves, span), sieves.named_around(block)
        narrated = _narrated(narration)
        explicit_flags = [_explicit(option) for option in options]
        explicit_count = sum(explicit_flags)
        # (Only a proposal of the "according" sieve makes one: most quotations have none.)
        cited = any(proposal.sieve == "according" for proposal in proposals)
        according = [cited and _according(option) for option in options]
        # What is the same for every option, worked out once:
        confirmed, run, any_according = sieves.people.confirmed, dialogue.run_length(), any(according)
        opens = span.start - block.start <= 2
        scored = [
            features(
                Evidence(
                    tuple(option.sources),
                    option.speaker is not None,
                    option.speaker is not None and option.speaker in confirmed,
                    option.gender_agrees,
                    dialogue.recent_rank(option.speaker),
                    option.speaker in inside,
                    option.speaker in around,
                    bare,
                    opens,
                    fragment,
                    run,
                    contested=explicit_count > 0 and not explicit,
                    according_elsewhere=not by_according and any_according,
                    rivals=len(options) > 1,
                    same_description=option.speaker is not None
                    and described_as.get(_description(option)) == option.speaker,
                    named_before=option.named_before,
                    narrated=narrated.get(option.speaker) if option.speaker is not None else None,
                    told_clash=told is not None
                    and option.speaker is not None
                    and sieves.people.gender_of(option.speaker) not in (None, told),
                )
            )
            for option, explicit, by_according in zip(options, explicit_flags, according, strict=True)
        ]
        chosen = ranker.choose(scored, fiction)
        if chosen is None and fiction:
            # "“…,” said the boy": a story's own attribution beside the quotation is kept,
            # however unlikely the model finds the boy.
            beside = [i for i, option in enumerate(options) if next(_beside([option]), None) is not None]
            if len(beside) == 1:
                chosen = beside[0]
        if trace is not None:
            trace.append(Choice(Span(span.start, span.end), options, scored, chosen, fiction))
        if chosen is not None:
            candidate, speaker = options[chosen].candidate, options[chosen].speaker
            candidate = _named_in_sentence(sieves, candidate, speaker, block, sentence, span)
            candidate = _own_clause(text, candidate, options[chosen], proposals, span)
            if speaker is not None and candidate.mention.kind == "pronoun":
                cast.learn_gender(speaker, candidate.mention.text)
            if speaker is not None and candidate.mention.kind == "group":
                described_as[_words(candidate.mention.text)] = speaker
                if candidate.sieve not in _INHERITED:
                    described[len(quotes)] = _words(candidate.mention.text)
                if speaker == " ".join(candidate.mention.text.split()):
                    unresolved.add(speaker)
            if speaker is not None:
                # "Mrs. Holm" is a woman, and so is "the girl" who spoke as herself.
                as_itself = speaker == " ".join(candidate.mention.text.split())
                gender = title_gender(speaker) or (_described_gender(speaker) if as_itself else None)
                if gender:
                    cast.gender.setdefault(speaker, gender)
                dialogue.spoke(speaker)
            kind: QuoteKind = "term" if candidate.loose and fragment else "speech"
            # (A turn the dialogue tells, with no word of its own to show: no cue, not an empty one.)
            cue = candidate.cue or None
            quote = Quote(span.start, span.end, kind, speaker, candidate.mention.start, candidate.mention.end, cue)
        elif _word_count(inner) >= 5 or inner[-1:] in ".?!,":
            quote = Quote(span.start, span.end, "speech")
        else:
            quote = Quote(span.start, span.end, "term")
        quotes.append(quote)
        if quote.kind == "speech":
            called = next((m for m in called_out if m.text != quote.speaker), None)
            if called is None and kin:
                called = _parent_called(sieves, kin, quote.speaker)
            if called is None:
                called = _spoken_to(text, quote, block)
            dialogue.record(quote, block, called, span.closed)
            paragraph = bisect_right(sieves.block_starts, block.start) - 1
            if not turns or turns[-1].paragraph != paragraph:
                at = quote.speaker_start
                named = at is not None and block.start <= at < block.end
                index = len(quotes) - 1
                turns.append(
                    Turn(paragraph, quote.speaker, described.get(index), index, named, frozenset(callee), told)
                )
    if fiction:
        quotes = _answered_back(quotes, turns, cast.gender_of)
    if fiction and described:
        # "said the painter" in one chapter, "said Tomas" in the next: the exchanges tell who.
        # A description's turn between two people's: the exchange around it tells who.
        here = linked_here(turns, unresolved)
        quotes = relink(quotes, described, unresolved, link_descriptions(turns, unresolved), here)
    quotes = [_as_shown(quote, cast, sieves) for quote in quotes]
    for span in marked:
        if span.depth == 2:
            inner = _inner(text, span)
            kind = "speech" if _word_count(inner) >= 4 else "term"
            quotes.append(Quote(span.start, span.end, kind, depth=2))
    quotes.sort(key=lambda q: (q.start, q.depth))
    return quotes


def _as_shown(quote: Quote, cast: Cast, sieves: Sieves) -> Quote:
    """The quotation as it is shown: its speaker as the text writes them most ("Mrs. Cobb", not
    "Cobb": the attribution knows them by their one word, and so do the cast's other users),
    and, introduced by the sentence before it, that sentence's word as its cue."""
    speaker, cue = cast.display(quote.speaker), quote.cue
    if cue == INTRODUCED and quote.speaker_start is not None:
        cue = sieves.introducing_word(quote.speaker_start)
    return quote if (speaker, cue) == (quote.speaker, quote.cue) else replace(quote, speaker=speaker, cue=cue)


def _answered_back(quotes: list[Quote], turns: list[Turn], gender_of: Callable[[str], Gender | None]) -> list[Quote]:
    """The turns of an exchange that name nobody, told back from the turns after them that
    name their speakers. `turns` is the first speech of each paragraph; those of adjacent
    paragraphs are an exchange. The attribution that runs forward gave those turns whoever spoke last
    before the exchange, or whom a pronoun before it meant, or the same speaker again.

    In a dialogue of two, the turns an even number before the first named turn are that
    speaker's, and the turns an odd number before it the speaker's of the turn after it (when
    that is someone else). Between two named turns of different people, a turn an odd number
    after the first and an even number before the second is the second's, unless the second
    comes into an exchange of two already named ("‘He is,’ said Ida, who had been silent until
    then") and the turn was one of those two's. Never to someone the turn calls by name (nor to
    a story's narrator, when its attribution is "he", "she" or a description), nor to someone
    of the other gender than its "she said" tells (`gender_of`); the quotations that went on from
    a turn so moved follow it.

    In-sample on the training novels: 11277 → 11344 of 13646 quotations right by the first
    named turn (six of the 7 novels gain 4 to 28, one loses 3), → 11362 with the turns between
    two (six gain 1 to 5, one loses 1; without the newcomer's exception, 11360). A paragraph
    whose speech comes after narration is a turn too ("Ida looked up. “…”"): → 11379 (five
    gain 1 to 8, two lose 1 and 2), where counting only the paragraphs that open with their
    speech, and those that name its speaker, gave 11370."""
    quotes = list(quotes)
    start = 0
    while start < len(turns):
        end = start + 1
        while end < len(turns) and turns[end].paragraph == turns[end - 1].paragraph + 1:
            end += 1
        run, start = turns[start:end], end
        said = [quotes[turn.quote] for turn in run]
        named = [i for i, turn in enumerate(run) if turn.named and said[i].speaker is not None]
        moves: list[tuple[int, Quote]] = []
        if named:
            first = named[0]
            anchor, answer = said[first], said[first + 1] if first + 1 < len(run) else None
            for i in range(first - 1, -1, -1):
                source = anchor if (first - i) % 2 == 0 else answer
                if source is None or source.speaker is None or (source is answer and source.speaker == anchor.speaker):
                    continue
                moves.append((i, source))
        for before, after in pairwise(named):
            later = said[after]
            if said[before].speaker == later.speaker:
                continue
            parties = {said[k].speaker for k in named if k <= before}
            newcomer = len(parties) > 1 and later.speaker not in {said[k].speaker for k in range(after)}
            for i in range(before + 1, after):
                if (i - before) % 2 and (after - i) % 2 == 0 and not (newcomer and said[i].speaker in parties):
                    moves.append((i, later))
        for i, source in moves:
            if source.speaker in run[i].callee:
                continue
            told = run[i].told
            if told is not None and source.speaker is not None and gender_of(source.speaker) not in (None, told):
                continue  # "“…,” she said" is no man's, whatever the order of the turns
            turn = run[i].quote
            was = (quotes[turn].speaker_start, quotes[turn].speaker)
            # The turn, and the rest of its paragraph where it went on from the turn.
            stop = run[i + 1].quote if i + 1 < len(run) else len(quotes)
            for index in range(turn, stop):
                if index == turn or (quotes[index].speaker_start, quotes[index].speaker) == was:
                    quotes[index] = replace(
                        quotes[index],
                        speaker=source.speaker,
                        speaker_start=source.speaker_start,
                        speaker_end=source.speaker_end,
                        cue=source.cue,
                    )
    return quotes


def relink(
    quotes: list[Quote],
    described: dict[int, str],
    unresolved: set[str],
    linked: dict[str, str],
    here: dict[int, str] | None = None,
) -> list[Quote]:
    """`quotes` with each description's turns given the person `linked` says it is (or, for
    a turn in `here`, the person `here` says that turn is): `described` maps a quotation's
    index to the description it was attributed by, `unresolved` holds the descriptions that
    spoke as themselves. A later turn that went on from a relinked one, or answered as it
    (the same mention, the same speaker), follows it."""
    here = here or {}
    moved: dict[tuple[int | None, str | None], str] = {}
    """(a relinked turn's mention, its speaker before) → its speaker now."""
    relinked = []
    for index, quote in enumerate(quotes):
        # Said by the description, or going on from a turn it said ("the painter" still).
        description = described.get(index) or (_words(quote.speaker or "") if quote.speaker in unresolved else None)
        went_on = moved.get((quote.speaker_start, quote.speaker))
        person = (linked.get(description) or here.get(index) or went_on) if description else went_on
        if person is not None and index in described:
            moved[quote.speaker_start, quote.speaker] = person
        relinked.append(quote if person is None else replace(quote, speaker=person))
    return relinked


_INHERITED = frozenset(
    {"continued", "continued_next", "continued_closed", "answer", "alternating", "recent", "addressed"}
)
# Before a name the speaker calls out to: a comma, the opening mark, or "Oh", "dear", "yes", "no", "well".
# Or a dash ("—", "–", "--"): “So the nets stay dry--Mr. Holm! You came after all.”
_BEFORE_VOCATIVE = kept_regex.compile(rf"(?:[,“\"‘'(]|{DASH}|\b(?:[Oo]h?|[Dd]ear|[Mm]y dear|[Yy]es|[Nn]o|[Ww]ell))\s*$")
_AFTER_VOCATIVE = kept_regex.compile(rf"[,.!?;]|{DASH}")
"""What comes right after a name called out: a comma, a stop or a dash."""
# A word of affection between a name called and its mark: "Marta dear, …", "Tom, my boy!".
_ENDEARMENT = kept_regex.compile(
    rf"[ \t]+(?:dear|darling|dearest|my (?:dear|love|darling|boy|girl|child))(?=[,.!?;]|{DASH})"
)
_NAME_AT = kept_regex.compile(NAME)  # the cast's pattern: compiled once, and kept
_NOT_A_NAME = frozenset(TITLES) | KIN_WORDS | {"madam", "ma'am", "miss", "mrs", "ms"}
_NESTED_OPENING = kept_regex.compile(r"‘|(?<![\w])'")
_THE_OTHER = frozenset(("the other", "the other one"))


def _words(text: str) -> str:
    """A mention's words, lower-cased, one space apart: "the\nOld gentleman" → "the old gentleman"."""
    return " ".join(text.lower().split())


def _description(option: Option) -> str:
    """The description an option rests on ("the old gentleman"), or "" when it rests on none."""
    return next((_words(s.mention_text) for s in option.sources if s.kind == "group"), "")


def _named_again(sieves: Sieves, candidate: Candidate | None, span: MarkedSpan) -> Candidate | None:
    """The last speaker, proposed again, at their nearest mention: named again between their
    quotation and this one ("“…,” Berg said. Berg is sure of it. “…”"), that is the mention
    this quotation rests on."""
    if candidate is None or candidate.speaker is None or candidate.mention.end >= span.start:
        return candidate
    mentions = _mentions_of(sieves, candidate.speaker, candidate.mention.end, span.start)
    last = mentions[-1] if mentions else None
    return candidate if last is None else replace(candidate, mention=last)


def _mentions_of(sieves: Sieves, speaker: str, start: int, end: int) -> list[Mention | None]:
    """Where the text names `speaker` in `[start, end)`, outside quotations, in order: each a
    person mention, or None where the cast records a name the name pattern does not match."""
    text, people = sieves.text, sieves.people
    found: list[Mention | None] = []
    for offset, name in people.named_between(start, end):
        if sieves.in_quotation(offset) or speaker not in (name, people.resolve_name(name)):
            continue
        run = _NAME_AT.match(text, offset)
        found.append(None if run is None else Mention(offset, run.end(), text[offset : run.end()], "person"))
    return found


def _said_next(
    sieves: Sieves, outer: list[MarkedSpan], index: int, block: Block, dialogue: DialogueTracker
) -> Candidate | None:
    """In an article, a paragraph that is a quotation and nothing else goes on into the next,
    which opens with a quotation and names its speaker: “…” / “…,” Holm notes. Holm's."""
    if index + 1 >= len(outer):
        return None
    following = outer[index + 1]
    after = sieves.block_of(following.start)
    if not dialogue.adjacent(block.end, after.start) or following.start - after.start > 2:
        return None
    limit = min(outer[index + 2].start if index + 2 < len(outer) else len(sieves.text), after.end)
    said = sieves.after(following, limit)
    if said is None:
        return None
    speaker = sieves.resolve(said.mention, dialogue.recent, None)
    return Candidate(said.mention, said.cue, said.loose, "continued_next", speaker)


def _named_in_sentence(
    sieves: Sieves, candidate: Candidate, speaker: str | None, block: Block, sentence: Span, span: MarkedSpan
) -> Candidate:
    """The chosen speaker's mention in the quotation's own sentence, when the mention the
    choice rests on lies in another paragraph: "From the mayor’s “vulgar effusion” to …, Wilk
    described Holm as …" rests on that "Wilk", not on the one of the paragraph before."""
    if speaker is None or block.start <= candidate.mention.start < block.end:
        return candidate
    mentions = [m for m in _mentions_of(sieves, speaker, sentence.start, sentence.end) if m is not None]
    if not mentions:
        return candidate

    def distance(mention: Mention) -> int:
        return span.start - mention.end if mention.end <= span.start else mention.start - span.end

    return replace(candidate, mention=min(mentions, key=distance))


# The word before a pronoun that opens a clause of its own: "…, which he called “…”",
# "…, though she said, “…”", "whom he described as “…”".
_NEW_CLAUSE = kept_regex.compile(r"(?:,|\b(?:which|whom|who|though|although|but|and|as|when|while))\s*$")
# What may end the pronoun's clause before the quotation: "he said, “…”", "he said, that “…”".
_CLAUSE_END = kept_regex.compile(r"[,:]?\s*(?:that\s*)?$")
_NEAREST = frozenset(("before_nearest", "nearest_subject"))


def _own_clause(
    text: str, candidate: Candidate, option: Option, proposals: list[Candidate], span: MarkedSpan
) -> Candidate:
    """The pronoun of the quotation's own clause, when the chosen speaker is also the subject
    of the sentence's first verb: "Berg said he backed the plan, which he called “…”" rests on
    that "he" (the same person), not on "Berg". Not when the pronoun's clause closes before
    the quotation ("…, with whom he clashed at the debate, calling him “…”"), nor when it
    goes straight on from the first verb ("Berg said he backed the plan and called it “…”").
    The same for the subject of a sentence whose verb says nothing of words ("Perez is winning
    applause as he keeps talking about the “…”"): on the training articles, 6068 → 6071 of 6583
    speakers right, none lost."""
    if candidate.sieve not in ("before", "subject"):
        return candidate
    # The nearer sieves' pronoun, if it stands for the same person (it is among the option's sources).
    named = {s.sieve for s in option.sources if s.sieve in _NEAREST}
    nearest = next((c for c in proposals if c.sieve in named and c.mention.kind == "pronoun"), None)
    if nearest is None or nearest.mention.start <= candidate.mention.end:
        return candidate
    if not _NEW_CLAUSE.search(text, candidate.mention.end, nearest.mention.start):
        return candidate
    clause = _CLAUSE_END.sub("", text[nearest.mention.end : span.start])
    if "," in clause or ";" in clause:
        return candidate
    return replace(candidate, mention=nearest.mention, cue=nearest.cue)


# After a turn's attribution, whom it was said to: "said Tomas to Anna", "asked Mr. Holm, in a low
# voice, of Peter", "he said, turning to Anna". A few words may stand between; not a new clause.
_SPOKEN_TO = kept_regex.compile(
    r"(?:,[^,“”\"\n.!?;:]{1,30},|,?\s+(?:turning|turned|speaking|bowing|nodding|appealing|looking)(?:\s+round)?)?"
    rf"\s+(?:(?P<to>to)|(?P<of>of))\s+(?P<who>{NAME})(?![\w’'])"
)
_ASKED_OF = frozenset(("asked", "inquired", "enquired", "demanded", "begged", "required"))


def _spoken_to(text: str, quote: Quote, block: Block) -> Mention | None:
    """The person a turn's attribution after it says it was said to, by name, if any: whom
    the next turn's "he" or "she" may mean (`_answering`). On the training novels, with the
    fold weights of the cross-validation, 11505 → 11508 of 13646 quotations right, no novel
    lower (with any few words before "to", as in "a remark about the letter to Tomas", 11507)."""
    end = quote.speaker_end
    if end is None or quote.speaker_start is None or end < quote.end or end >= block.end:
        return None
    match = _SPOKEN_TO.match(text, end, block.end)
    if match is None or (match.group("of") and (quote.cue or "").lower() not in _ASKED_OF):
        return None
    return Mention(match.start("who"), match.end("who"), match.group("who"), "person")


def vocatives(sieves: Sieves, span: MarkedSpan) -> Iterator[Mention]:
    """Every person a quotation calls by name, the last first: “I'll tell you what, Mr. Hale,”
    or “Tomas! Come here.” (not a name it only talks about)."""
    text = sieves.text
    named = sieves.people.named_between(span.start + 1, span.end)
    narrator = sieves.people.narrator
    if narrator is not None and narrator != NARRATOR:
        named = sorted(named + _narrator_named(text, span, narrator, {offset for offset, _name in named}))
    for offset, name in reversed(named):
        words = name.lower().split()
        if words[-1] == "family" or all(w.rstrip(".") in _NOT_A_NAME for w in words):
            continue  # "…, sir," "…, Father?", "the Powler Family,": not one person called by name
        run = _NAME_AT.match(text, offset)
        if run is None:
            continue
        endearment = _ENDEARMENT.match(text, run.end())
        after = endearment.end() if endearment is not None else run.end()
        if _AFTER_VOCATIVE.match(text, after) is None:
            continue
        if _BEFORE_VOCATIVE.search(text, max(span.start, offset - 12), offset):
            yield Mention(offset, run.end(), name, "person")


def _called(people: Cast, name: str) -> tuple[str, ...]:
    """Whom a name called inside a quotation is: as written, and the person it resolves to,
    unless its title tells the other gender ("“Mrs. Holm, sit down!”" is not spoken to Mr. Holm,
    whom a bare "Holm" stands for, and he may say it)."""
    resolved = people.resolve_name(name)
    return (name,) if people.of_the_other_gender(name, resolved) else (name, resolved)


def _narrator_named(text: str, span: MarkedSpan, narrator: str, known: set[int]) -> list[tuple[int, str]]:
    """Where a quotation names the narrator, by the whole name or one word of it ("Carter"),
    and the cast has not (`known`). Nobody speaks as the narrator of a first-person novel in
    the narration (they are "I"), so the cast never confirms the name the others call them by;
    nor the byline's author's, in an article told in the first person."""
    words = {word for word in narrator.split() if len(word) > 2 and word.lower().rstrip(".") not in _NOT_A_NAME}
    forms = {narrator} | words
    found = []
    for form in forms:
        at = text.find(form, span.start + 1, span.end)
        while at >= 0:
            if at not in known and starts_word(text, at) and ends_word(text, at + len(form)):
                found.append((at, narrator))
            at = text.find(form, at + 1, span.end)
    return found


# A parent called by a kin word: “Good night, Mother,” / “Oh, papa!” (not “Mother is here”).
_PARENT_CALLED = kept_regex.compile(
    rf"(?:[,“\"‘'(]|{DASH}|\b(?:[Oo]h?|[Dd]ear|[Yy]es|[Nn]o|[Ww]ell))\s*"
    rf"(?P<kin>[Mm]other|[Mm]amma|[Mm]ama|[Ff]ather|[Pp]apa)(?=\s*(?:[,.!?;]|{DASH}))"
)
# Where those words are in a story, found in one sweep: most quotations hold none, and are
# not searched with the pattern above.
# Opened by a class of the first letters, so re skips to each "M", "F" or "P" (a book: 80 → 20 ms);
# each branch then checks the letter it was opened by.
_PARENT_WORD = kept_regex.compile(r"[MmFfPp](?:(?<=[Mm])(?:other|amm?a)|(?<=[Ff])ather|(?<=[Pp])apa)")


def _kin_called(text: str, span: MarkedSpan, kin_words: list[int]) -> list[re.Match[str]]:
    """The parents a quotation calls by a kin word (`kin_words`: where such words are)."""
    at = bisect_left(kin_words, span.start)
    if at == len(kin_words) or kin_words[at] >= span.end:
        return []
    return list(_PARENT_CALLED.finditer(text, span.start, span.end))


def _parent_called(sieves: Sieves, kin: list[re.Match[str]], speaker: str | None) -> Mention | None:
    """The parent a quotation calls "Mother" or "Father" (`kin`), when the cast says who that
    is for its speaker: the one the next turn, unattributed, most likely is."""
    if speaker is None:
        return None
    for match in kin:
        parent = sieves.people.parent(speaker, match.group("kin"))
        if parent is not None:
            return Mention(match.start("kin"), match.end("kin"), parent, "person")
    return None


def _parents_called(sieves: Sieves, kin: list[re.Match[str]], options: list[Option]) -> set[str]:
    """The parents a quotation calls by a kin word (`kin`), of each who may have said it."""
    people = sieves.people
    return {
        parent
        for match in kin
        for option in options
        if option.speaker is not None and (parent := people.parent(option.speaker, match.group("kin"))) is not None
    }


def _resolve(
    sieves: Sieves,
    dialogue: DialogueTracker,
    candidate: Candidate,
    block: Block,
    span: Any,
    previous_turn: str | None,
) -> str | None:
    resolved = sieves.resolve(candidate.mention, dialogue.recent, previous_turn)
    if candidate.mention.kind == "group" and _words(candidate.mention.text) in _THE_OTHER:
        # “…,” said Hale. “…,” replied the other: the party to the exchange who spoke before Hale.
        last = dialogue.turns[-1] if dialogue.turns else None
        if last is not None and last[0] != block.start and last[1] is not None:
            other = next((name for name in reversed(dialogue.recent) if name != last[1]), None)
            if other is not None:
                return other
    answering = _answering(sieves, dialogue, candidate.mention, span, previous_turn, resolved)
    if answering is not None:
        return answering
    if candidate.mention.kind == "pronoun" and span.start - block.start <= 2:
        # “…,” said she — in an exchange of two, the turn's order says which she.
        expected = dialogue.alternating(block)
        wanted = PRONOUNS.get(candidate.mention.text.lower())
        known = sieves.people.gender_of(expected.speaker) if expected is not None and expected.speaker else None
        if expected is not None and wanted in ("m", "f") and known == wanted:
            since = sieves.since_the_last_turn(candidate.mention)
            if since is None or since == previous_turn or since != resolved:
                resolved = expected.speaker  # (not over one the narration named since the last turn)
    return resolved


def _answering(
    sieves: Sieves,
    dialogue: DialogueTracker,
    mention: Mention,
    at: Span,
    previous_turn: str | None,
    resolved: str | None,
) -> str | None:
    """Whom "he", "she" or a description after a turn means when the turn before called
    someone of that gender by name: the one called answers. "“…, Ida?” asked Mr. Holm. /
    “Yes,” replied the girl." is Ida's, not the last girl who spoke. None where the mention
    already means someone else of the story who did not just speak, or someone the
    narration named since the last turn. On the training novels, read with the fold weights
    of the cross-validation: 11475 → 11505 of 13646 quotations right, no novel lower (without
    the "Miss Holm" exception, 11492)."""
    wanted = _gender_wanted(mention.text, mention.kind)
    block = sieves.block_of(at.start)
    if (
        wanted not in ("m", "f")
        or at.start - block.start > 2
        or mention.start < at.end
        or not mention.text[:1].islower()
        or resolved == " ".join(mention.text.split())  # "the man" itself: the exchanges link it later
    ):
        return None
    spoken_to = dialogue.addressed(block)
    if spoken_to is None:
        return None
    called = sieves.resolve(spoken_to.mention, dialogue.recent, previous_turn)
    caller = dialogue.last.speaker if dialogue.last is not None else None
    if (
        called is None
        or called in (resolved, previous_turn, caller)
        or sieves.people.gender_of(called) != wanted
        or (resolved is not None and _family_name_of(called, resolved))
    ):
        return None
    # Nobody of that gender named in the narration after the last turn and its attribution.
    said = 0 if dialogue.last is None else max(dialogue.last.end, dialogue.last.speaker_end or 0)
    return called if sieves.named_since(mention, said) in (None, previous_turn) else None


def _family_name_of(called: str, person: str) -> bool:
    """ "Miss Holm" may be what Ida Holm is called: an unmarried woman by her family name."""
    words = person.split()
    return called.startswith("Miss ") and words[0].lower().rstrip(".") not in TITLES and called.split()[-1] == words[-1]


def _options(
    sieves: Sieves,
    dialogue: DialogueTracker,
    proposals: list[Candidate],
    span: MarkedSpan,
    block: Block,
    bare: bool,
) -> list[Option]:
    """The people who may have spoken: each proposal's resolution, the other people a
    pronoun or description may mean, and the recent speakers of a dialogue."""
    previous_turn = dialogue.previous_turn(block, bare)
    options: dict[object, Option] = {}
    named_before: dict[str, int] = {}

    def offer(candidate: Candidate, speaker: str | None, source: Source, wanted: str | None) -> None:
        key: object = speaker if speaker is not None else ("unresolved", candidate.mention.start)
        option = options.get(key)
        if option is None:
            option = options[key] = Option(speaker, candidate)
        option.sources.append(source)
        if speaker is not None and wanted in ("m", "f"):
            known = sieves.people.gender_of(speaker)
            if known is not None:
                option.gender_agrees = known == wanted

    for rank, candidate in enumerate(proposals):
        mention = candidate.mention
        after = mention.start >= span.end
        distance = mention.start - span.end if after else max(0, span.start - mention.end)
        inherited = candidate.sieve in _INHERITED
        in_quotation = not inherited and sieves.in_quotation(mention.start)
        source = Source(candidate.sieve, mention.kind, mention.text, candidate.cue, rank, distance, after, in_quotation)
        wanted = _gender_wanted(mention.text, mention.kind)
        speaker = candidate.speaker if inherited else _resolve(sieves, dialogue, candidate, block, span, previous_turn)
        offer(candidate, speaker, source, wanted)
        if inherited or wanted not in ("m", "f") or mention.kind == "person":
            continue
        if mention.kind == "group" and sieves.introduced_unnamed(mention):
            continue
        # "he said": the other men it may mean, the recent speakers first.
        # A kin word ("her mother") may mean only someone known to be of its gender.
        fits = (wanted,) if mention.kind == "group" else (wanted, None)
        # Never the narrator of a story told in the first person: "he" is not "I".
        others = [
            name
            for name in reversed(dialogue.recent)
            if sieves.people.gender_of(name) in fits and name != sieves.people.narrator
        ]
        named = [
            name
            for name in sieves.people.candidates_before(mention.start, wanted, quoted=sieves.in_quotation)
            if sieves.people.gender_of(name) in fits
        ]
        for order, name in enumerate(named):
            named_before[name] = min(order, named_before.get(name, order))
        others += named
        for other in dict.fromkeys(others):
            if other != speaker:
                alternative = Source(
                    candidate.sieve,
                    mention.kind,
                    mention.text,
                    candidate.cue,
                    rank,
                    distance,
                    after,
                    in_quotation,
                    True,
                )
                offer(candidate, other, alternative, wanted)
    for name in list(reversed(dialogue.recent))[:3]:
        if name not in options and (last := dialogue.last_quote_of.get(name)) is not None:
            inherited_candidate = dialogue.inherited(last, "recent")
            if inherited_candidate is not None:
                source = Source("recent", "person", name, last.cue or "", len(proposals), 0, False, False)
                offer(inherited_candidate, name, source, None)
    for option in options.values():
        if option.speaker is not None:
            option.named_before = named_before.get(option.speaker)
    return list(options.values())


def _explicit(option: Option) -> bool:
    """Proposed by a sieve that reads the quotation's own words around it, not by the dialogue."""
    return any(not s.alternative and s.sieve not in _INHERITED for s in option.sources)


_THIRD_PERSON = frozenset(("he", "she"))
_BESIDE = 20
"""Characters at most between a quotation and the attribution that sits right beside it."""


def _beside(options: list[Option]) -> Iterator[Source]:
    """The quotation's own attribution, right beside it: each sieve's mention there."""
    for option in options:
        for s in option.sources:
            if not s.alternative and s.sieve not in _INHERITED and s.distance <= _BESIDE:
                yield s


def _told_in_the_third_person(options: list[Option], narrator: str) -> bool:
    """Whether the quotation's own attribution, right beside it, is "he", "she" or a
    description ("said the boy"): then its speaker is not a story's narrator. (Unless the
    description is the narrator: "“…,” the narrator says" of an advertisement.)"""
    return any(
        (s.kind == "group" and " ".join(s.mention_text.split()).lower() != narrator.lower())
        or (s.kind == "pronoun" and s.mention_text.lower() in _THIRD_PERSON)
        for s in _beside(options)
    )


def _told_gender(options: list[Option]) -> Gender | None:
    """The gender the quotation's own attribution right beside it tells: "she said", "said the boy"."""
    for s in _beside(options):
        wanted = _gender_wanted(s.mention_text, s.kind) if s.kind in ("pronoun", "group") else None
        if wanted in ("m", "f"):
            return "m" if wanted == "m" else "f"
    return None


def _according(option: Option) -> bool:
    """Named after "according to" (not as another reading of a pronoun)."""
    return any(s.sieve == "according" and not s.alternative for s in option.sources)


def _gender_wanted(text: str, kind: str) -> str | None:
    if kind == "pronoun":
        return PRONOUNS.get(text.lower().strip(" ."))
    return _described_gender(text) if kind == "group" else None


def _described_gender(text: str) -> Gender | None:
    """The gender a description tells: "the old woman", "her brother"."""
    words = text.lower().split()
    if words and words[0] == "the":
        return DESCRIBED_GENDER.get(words[-1])
    if len(words) == 2 and words[0] in ("his", "her", "their", "my"):
        return KIN_GENDER.get(words[-1])  # "replied her brother"
    return None


_TERMS_PASSED = 3
"""How many titles in a row the words around a quotation may run past."""


def _bounding(text: str, outer: list[MarkedSpan], index: int, step: int, sentence: Span, fiction: bool) -> int | None:
    """The quotation before quotation `index` (`step` -1) or after it (`step` 1) that bounds
    the words which may attribute it: the nearest, unless (in an article) that is a title in
    the same `sentence`, which the words run past, up to `_TERMS_PASSED` of them:
    "Ola Berg, the author of “Tides of Gullwick,” a history of the bay, said the pier was “…”"
    is Ola Berg's. (In a novel, words in Title Case are a line of dialogue: "“Good Night,” said
    Ida.") None if there is no such quotation."""
    passed = 0 if fiction else _TERMS_PASSED
    other = index + step
    while 0 <= other < len(outer) and abs(other - index) <= passed:
        span = outer[other]
        if not (sentence.start <= span.start < sentence.end and names_a_work(text, span)):
            break
        other += step
    return other if 0 <= other < len(outer) else None


def names_a_work(text: str, span: Span | MarkedSpan) -> bool:
    """A title in quotation marks ("“Tides of Gullwick,”"), not a fragment of what someone
    said ("… said they would “travel less,” and 14 percent said …")."""
    return _looks_like_title(_inner(text, span))


def _inner(text: str, span: Span | MarkedSpan) -> str:
    """A quotation's words without its marks."""
    return text[span.start : span.end].strip("\"'“”‘’«»„ ")


_NARRATION_REACH = 2000
"""How far back the last quotation may be for the narration after it to count as a turn."""


# A sentence that tells someone said nothing, just before a turn: "He was silent.", "Lund made no
# answer.", "She did not reply." (its subject and where it is).
_SILENT = kept_regex.compile(
    rf"(?P<who>\b[Hh]e|\b[Ss]he|{NAME})\s+(?:(?:was|remained|kept|sat|stood)\s+(?:quite\s+|still\s+)?silent"
    r"|made\s+no\s+(?:answer|reply)|did\s+not\s+(?:answer|reply|speak)|said\s+nothing)(?:\s+again)?[.!?]\s*$"
)


_SILENT_WORDS = ("silent", "answer", "reply", "speak", "nothing")
"""A word each of `_SILENT`'s forms ends with."""


def _silent(sieves: Sieves, dialogue: DialogueTracker, span: MarkedSpan, block: Block) -> str | None:
    """Who the narration just before a turn says kept silent: not the one who speaks it, where
    nothing after the turn says who does ("She did not answer. “…,” she said at last"). With the
    fold weights of the cross-validation, the training novels 11516 → 11518 of 13646, no novel
    lower; with words after the silence ("did not answer for a while, but looked out"), or
    over a turn's own "she said", 11507."""
    start = max(0, span.start - 200, dialogue.last.end if dialogue.last is not None else 0)
    before = sieves.text[start : span.start]
    if not any(word in before for word in _SILENT_WORDS):
        return None  # (most turns: the pattern, a name and all, is not tried at each place)
    said = _SILENT.search(sieves.text, start, span.start)
    if said is None:
        return None
    who = said.group("who")
    kind: MentionKind = "pronoun" if who.lower() in ("he", "she") else "person"
    mention = Mention(said.start("who"), said.end("who"), who, kind)
    return sieves.resolve(mention, dialogue.recent, dialogue.previous_turn(block, True))


def _narration(sieves: Sieves, dialogue: DialogueTracker, block: Block) -> list[tuple[int, str]]:
    """The people named in the paragraphs between the last quotation's and this one's, outside
    quotation marks, in order: where each is named, and who."""
    last = dialogue.last
    if last is None:
        return []
    start = sieves.block_of(last.end - 1).end
    if start >= block.start or block.start - start > _NARRATION_REACH:
        return []
    return [
        (offset, name)
        for offset, name in sieves.people.named_between(start, block.start)
        if not sieves.in_quotation(offset)
    ]


def _narrated(narration: list[tuple[int, str]]) -> dict[str, int]:
    """Each person of the `narration`, the last named 0: "“Nor me.” / Tomas nodded. / “What do you mean?”"."""
    return {name: order for order, name in enumerate(dict.fromkeys(name for _, name in reversed(narration)))}


def _entered(text: str, narration: list[tuple[int, str]], sentence_of: Callable[[int], Span]) -> Candidate | None:
    """The person the `narration` brings in before a paragraph that is a quotation and nothing
    else: "… and Hanna Dahl came in with a basket. / “Father, you forgot your lunch.”" is hers,
    though no verb of saying tells it. (Such people are already weighed by `Evidence.narrated`
    when a sieve or the dialogue proposes them; this proposes them.) In-sample on the training
    novels 11480 → 11497 of 13646 with the shipped weights; cross-validated (train.py --score,
    which retrains) PDNC 0.8354 → 0.8365.

    Of the last sentence that names anyone, the first it names, mostly its subject, as for a
    pronoun (`Cast.before`): "… and Ida, eager to know, wondered why Tomas had gone to sea with
    Peter Lund." brings in Ida, not Peter. On the training novels, with each novel's
    cross-validation fold weights (which never saw it), 11447 → 11455 of 13646 against the
    one named last (in-sample with the shipped weights 11521 → 11530)."""
    if not narration:
        return None
    sentence = sentence_of(narration[-1][0])
    offset = next(at for at, _name in narration if at >= sentence.start)
    found = _NAME_AT.match(text, offset)
    if found is None:
        return None
    return Candidate(Mention(offset, found.end(), found.group(), "person"), "", sieve="entered")


def named_inside(sieves: Sieves, span: MarkedSpan) -> set[str]:
    return {name for _, name in sieves.people.named_between(span.start, span.end)}


# What comes before a work's title: "the Gazette’s “Harbour Hour”", "her 2002 book, ''Keep …''",
# "the author of “Tides of Gullwick,”".
_TITLE_BEFORE = kept_regex.compile(
    r"(?:\w(?:’s|'s)|\b(?:book|program|programme|show|series|column|film|documentary|song|album|titled|entitled"
    r"|headlined|episode of|podcast|play|novel|report|memoir|essay|op-ed|editorial|commentary"
    r"|(?:author|co-author|writer|director|producer|creator|host|star) of(?: the)?)),?\s*$"
)


def _looks_like_title(inner: str) -> bool:
    """Title Case, short, without sentence punctuation: a show, a book, a slogan's name. (A
    comma set inside the closing mark is the sentence's: "the author of “Tides of Gullwick,” a …")"""
    inner = inner.removesuffix(",")
    return inner[-1:] not in ".?!,;:" and inner[:1].isupper() and looks_like_a_title(inner)


__all__ = ["Choice", "Option", "Quote", "QuoteKind", "analysable_blocks", "find_quotes", "names_a_work"]
