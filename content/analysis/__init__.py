"""The analysis of a document, as named stages in one visible order.

```
analyse(doc) -> Analysis(sentences, cast, quotes, claims)
```

1. `sentences` (`sentences.py`): rule-based sentence spans, never across a block;
2. `genre`: fiction or not, which decides who "I" is;
3. `cast` (`cast.py`): the people the text names, their aliases, gender and descriptions;
4. `quotes` (`marks.py` finds them, `sieves.py` proposes speakers, `dialogue.py` follows
   turns, `ranker.py` chooses, `narrator.py` names the "I" of a first-person novel, and in an
   article `reported.py` gives a quotation left without a speaker to the report it stands in):
   quotations with kind, cue, mention and speaker;
5. `claims` (`claims.py`): attributed, hedged and factual claims, with their sources.

Each stage runs on first use, after the stages it needs, so the reader can have its
sentences at once and the quotes from a background worker. `Document` never imports this
package: data does not reach for its analysers. A book keeps its sentences, quotes, claims and
people in the cache (`kept.py`): opened again, they are read back, not worked out.
"""

from __future__ import annotations

import copy
import gc
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property, wraps
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from content.analysis import kept_regex
from content.analysis.lexicon import BOOK_LENGTH, NARRATOR, STORY_CUES, word_alternation
from content.analysis.pause import Pause
from content.analysis.sentences import split_sentences
from content.document import Document, Sentence

if TYPE_CHECKING:
    # The later stages are imported when first run: the reader's first screen needs sentences only.
    from content.analysis.cast import Cast, Person, Pronouns
    from content.analysis.claims import Claim, ClaimKind
    from content.analysis.kept import Kept
    from content.analysis.marks import MarkedSpan
    from content.analysis.quotes import Quote, QuoteKind

STAGES = ("sentences", "genre", "cast", "quotes", "claims")

_CHAPTER = kept_regex.compile(r"(?m)^[ \t]*(?:CHAPTER|Chapter|BOOK|Book|PART|Part)[ \t]+(?:[IVXLC]+|\d+|[A-Z][a-z]+)\b")
_OPENING_MARKS = "“‘\"'«"
_CLOSING_MARKS = "”’\"'»"
_SHORT_TURN = 100
# A quotation's attribution in a story's words: "…!” cried Ida", "…,” the boy muttered".
_TOLD_AS_A_STORY = kept_regex.compile(
    rf"[,!?][\"”’']\s+(?:(?:he|she|I|the\s+\w+|[A-Z]\w+(?:\s[A-Z]\w+)?)\s+)?(?:{word_alternation(STORY_CUES)})\b"
)
_STORY_TELLINGS = 2
"""Two of them make a short text a story: no training article has more than one, and 22 of the
28 15,000-character stretches of the training novels have two or more."""
# "I", "he", "she" as words: the look-behind after the first letter, so re skips ahead to each.
_I = kept_regex.compile(r"I(?<!\wI)\b")
_HE_OR_SHE = kept_regex.compile(r"[Ss](?<!\w[Ss])he\b|[Hh](?<!\w[Hh])e\b")
# Narration in the first person uses "I" at least this often against "he" and "she"
# (about 1.3 in a first-person novel of the training set, under 0.04 in the others).
_FIRST_PERSON = 0.25
NEAR_PARAGRAPHS = 150
"""How far either side of the reading position `Analysis.near` looks: in a novel, some 80,000
characters in all, a few dozen pages."""


_ODD_SPACES = "\u00a0\u2007\u202f"
_PLAIN_SPACES = str.maketrans(dict.fromkeys(_ODD_SPACES, " "))


def plain_spaces(text: str) -> str:
    """`text` with its no-break spaces made plain ones, as every stage reads it; the same length."""
    if not any(space in text for space in _ODD_SPACES):
        return text
    return text.translate(_PLAIN_SPACES)


def _plain_spaces(document: Document) -> Document:
    text = plain_spaces(document.text)
    return document if text is document.text else replace(document, text=text)


_T = TypeVar("_T")


def _collector_paused(stage: Callable[[Analysis], _T]) -> Callable[[Analysis], _T]:
    """A stage that runs with the cycle collector off, as the reader's analysis thread runs:
    a book's analysis makes millions of objects, acyclic and freed by reference counting,
    and the collector walked them some 560 times (War and Peace: 60-90 ms of 2.9 s). It is
    turned back on only if it was on, so a caller (or a stage) that keeps it off keeps it off."""

    @wraps(stage)
    def run(self: Analysis) -> _T:
        was_on = gc.isenabled()
        gc.disable()
        try:
            return stage(self)
        finally:
            if was_on:
                gc.enable()

    return run


def _kept(stage: Callable[[Analysis], _T]) -> Callable[[Analysis], _T]:
    """A stage whose result a book keeps (`kept.py`): read back if it was kept, else made and kept."""

    @wraps(stage)
    def run(self: Analysis) -> _T:
        kept = self._kept_stages
        if kept is not None:
            found = kept.get(stage.__name__)
            if found is not None:
                return found  # type: ignore[return-value]  # checked as the stage's own output
        made = stage(self)
        if kept is not None:
            kept.put(stage.__name__, made)  # type: ignore[arg-type]  # every kept stage makes a list
        return made

    return run


class Analysis:
    """The stages' results for one document, each worked out on first use."""

    def __init__(
        self, document: Document, pause: Pause | None = None, read: Document | None = None, keep: bool = False
    ) -> None:
        self.document = document
        self.read = _plain_spaces(document) if read is None else read
        """What the stages read: the document with its no-break spaces made plain ones, so
        "recruiter.”\u00a0She said" is two sentences and no sieve tells the spaces apart.
        Each is one character for one, so every offset holds for `document` too."""
        self.pause = pause
        """Called now and then by the long stages (quotes, claims): a reader running the
        analysis in a thread passes one that waits while a key is being answered."""
        self.keep = keep
        """Whether a book's stages are kept in the cache, and read from it (`kept.py`)."""
        self._taught = False
        """Whether the cast has been through the quotes' attribution (`taught_cast`)."""

    @cached_property
    def _kept_stages(self) -> Kept | None:
        """The kept stages (None if this document's are not kept)."""
        from content.analysis.kept import for_document

        return for_document(self.read) if self.keep else None

    def kept(self, *stages: str) -> bool:
        """Whether these stages will be read from the cache, not worked out."""
        kept = self._kept_stages
        return kept is not None and all(stage not in self.__dict__ for stage in stages) and kept.has(*stages)

    @cached_property
    @_collector_paused
    @_kept
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.read, self.pause)

    @cached_property
    def fiction(self) -> bool:
        """A novel or a story: long, in chapters, or in dialogue (three short paragraphs that
        are a quotation and nothing else). Fitted on the training split: three of its 840 news
        articles are taken for fiction, and all 7 novels are."""
        text = self.read.text
        if len(text) > BOOK_LENGTH or len(_CHAPTER.findall(text, 0, 200_000)) >= 2:
            return True
        # Three short turns ("“And the oil?”" / "“Full.”" / "“Then light it.”"), in a row or
        # between turns that name their speakers, are a dialogue; news quotes whole paragraphs
        # too, but long ones, between reported speech (766 of the 840 training articles have no
        # such turn, 10 have two).
        turns = 0
        for block in self.read.blocks:
            body = text[block.start : block.end].strip()
            turns += len(body) <= _SHORT_TURN and body[:1] in _OPENING_MARKS and body[-1:] in _CLOSING_MARKS
            if turns >= 3:
                return True
        # Or told as one: “…!” cried Ida. / “…,” he muttered.
        tellings = _TOLD_AS_A_STORY.finditer(text)
        return next(islice(tellings, _STORY_TELLINGS - 1, None), None) is not None

    @cached_property
    @_collector_paused
    def marks(self) -> list[MarkedSpan]:
        """The quotation marks' spans, found once for the genre and the quotes."""
        from content.analysis.marks import find_marked_spans
        from content.analysis.quotes import analysable_blocks

        return find_marked_spans(self.read.text, analysable_blocks(self.read), self.pause)

    @cached_property
    def first_person(self) -> bool:
        """Told by an "I": outside quotation marks, "I" is about as common as "he" and "she"."""
        text = self.read.text
        quoted = [(span.start, span.end) for span in self.marks if span.depth == 1]

        def told(starts: list[int]) -> int:
            """How many of `starts` lie outside the quotations (which do not overlap)."""
            inside = sum(bisect_left(starts, end) - bisect_left(starts, start) for start, end in quoted)
            return len(starts) - inside

        i = [m.start() for m in _I.finditer(text)]
        lowered = self.lowered
        if len(lowered) == len(text):
            # Read off the cast's sweep of the pronouns: "he" of the masculine, "she" of the feminine.
            his, hers = self.pronouns
            he = [start for start, end in his if end - start == 2]
            she = [start for start, end in hers if end - start == 3 and lowered[start] == "s"]
            he_she = sorted(he + she)
        else:
            he_she = [m.start() for m in _HE_OR_SHE.finditer(text)]
        return told(i) >= _FIRST_PERSON * max(1, told(he_she))

    @cached_property
    @_collector_paused
    def cast(self) -> Cast:
        from content.analysis.cast import Cast

        # In fiction "I" is the narrator, a character; in non-fiction it is the byline's author.
        # A story told in the third person has no narrator to speak: an "I" outside its
        # quotation marks (a line of verse, a letter) is nobody in it.
        narrator = (NARRATOR if self.first_person else None) if self.fiction else (self.read.author or NARRATOR)
        return Cast(self.read.text, narrator, self.pause, self.lowered, fiction=self.fiction, pronouns=self.pronouns)

    @cached_property
    def pronouns(self) -> Pronouns:
        """The text's pronouns of each gender (`gendered_pronouns`), swept once for the
        narration's person and the cast's genders."""
        from content.analysis.cast import gendered_pronouns

        return gendered_pronouns(self.read.text, self.lowered)

    @cached_property
    @_collector_paused
    @_kept
    def quotes(self) -> list[Quote]:
        return self._attribute()

    def _attribute(self) -> list[Quote]:
        from content.analysis.narrator import attribute

        fiction = self.fiction
        self._taught = True
        quotes = attribute(
            self.read,
            self.sentences,
            self.cast,
            fiction,
            first_person=fiction and self.first_person,
            marked=self.marks,
            pause=self.pause,
        )
        if fiction:
            # A novel's quotations without a speaker are turns of its dialogue, not words inside
            # a report: of the training novels' 13,646 it changed 4, none for the better, and
            # War and Peace would pay 35 ms.
            return quotes
        from content.analysis.reported import carried_by_reports

        return carried_by_reports(self.read, self.sentences, quotes, self.cast, self.pause, self.lowered)

    @cached_property
    @_collector_paused
    @_kept
    def claims(self) -> list[Claim]:
        from content.analysis.claims import find_claims

        quotes, cast = self.quotes, self.taught_cast()
        return find_claims(self.read, self.sentences, quotes, cast, pause=self.pause, lowered=self.lowered)

    def taught_cast(self) -> Cast:
        """The cast as the quotes' attribution leaves it: it learns genders from the pronouns
        that speak, and a first-person novel's narrator's name. The claims and the people read
        it so. Quotes read from the cache taught it nothing: the attribution runs again for that."""
        self.quotes  # noqa: B018 - the quotes first, as without the cache
        if not self._taught:
            self._attribute()
        return self.cast

    @cached_property
    def lowered(self) -> str:
        """The text lower-cased, made once for the stages that search it so (the cast's
        pronouns, the claims' hedges and figures)."""
        return self.read.text.lower()

    @cached_property
    @_kept
    def people(self) -> list[Person]:
        """The cast as the People tab lists it: each speaker with how often they speak."""
        spoken: dict[str, int] = {}
        for quote in self.quotes:
            if quote.depth == 1 and quote.speaker:
                spoken[quote.speaker] = spoken.get(quote.speaker, 0) + 1
        return [p for p in self.taught_cast().people(spoken) if p.name in spoken]

    def near(self, offset: int, paragraphs: int | None = None) -> Analysis:
        """The analysis of the paragraphs around `offset` only (`paragraphs` either side), with
        this document's genre and cast: a book's quotes and claims where the reader is, in a
        small part of the time the whole book takes. Offsets are the whole text's. A dialogue
        is followed from the first of these paragraphs, so a quotation near that edge may get
        another speaker than the whole book's analysis gives it.

        Where those paragraphs are most of the text (a book that is one long paragraph), the
        part would cost what the whole does: the whole analysis is the answer, and is done once."""
        blocks = self.read.blocks
        reach = NEAR_PARAGRAPHS if paragraphs is None else paragraphs
        at = max(0, bisect_right([b.start for b in blocks], offset) - 1)
        window = blocks[max(0, at - reach) : at + reach + 1]
        if window and window[-1].end - window[0].start > len(self.read.text) / 2:
            return self
        part = Analysis(replace(self.document, blocks=window), self.pause, replace(self.read, blocks=window))
        if window:
            starts = [s.start for s in self.sentences]
            first, last = bisect_left(starts, window[0].start), bisect_left(starts, window[-1].end)
            part.__dict__["sentences"] = self.sentences[first:last]
        # The genre and the cast are the whole book's (a page of a novel may not look like one).
        # The quotes teach the cast genders and name a narrator: the part learns on a copy.
        cast = copy.copy(self.cast)
        cast.gender = dict(cast.gender)
        first_person = self.fiction and self.first_person
        part.__dict__.update(fiction=self.fiction, first_person=first_person, cast=cast, lowered=self.lowered)
        return part

    def run(self) -> Analysis:
        """Every stage, in order. (A book whose quotes and claims were kept does not need its
        cast here: it is what they are made from.)"""
        cast_needed = not self.kept("quotes", "claims")
        for stage in STAGES:
            if stage != "cast" or cast_needed:
                getattr(self, "fiction" if stage == "genre" else stage)
        return self


_LAZY = {
    "Cast": "cast",
    "Person": "cast",
    "Claim": "claims",
    "ClaimKind": "claims",
    "Quote": "quotes",
    "QuoteKind": "quotes",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f"content.analysis.{_LAZY[name]}"), name)
    raise AttributeError(name)


def analyse(document: Document, pause: Pause | None = None) -> Analysis:
    """The analysis of `document`; each stage runs when first asked for (`.run()` runs all).
    A book's stages are kept in the cache and read from it the next time (`kept.py`)."""
    return Analysis(document, pause, keep=True)


__all__ = [
    "STAGES",
    "Analysis",
    "Cast",
    "Claim",
    "ClaimKind",
    "Person",
    "Quote",
    "QuoteKind",
    "analyse",
    "plain_spaces",
]
