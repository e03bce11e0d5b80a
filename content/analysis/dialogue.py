"""The state of a dialogue as quotations are attributed in order: who spoke the last
turns, and the run of paragraph-long turns that an unattributed turn continues."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import TYPE_CHECKING, NamedTuple

from content.analysis import kept_regex
from content.analysis.cast import Mention
from content.analysis.lexicon import Gender
from content.analysis.marks import MarkedSpan
from content.analysis.sieves import Candidate
from content.document import Block

if TYPE_CHECKING:
    from content.analysis.quotes import Quote

# Paragraphs this close (a blank line and a little) are one exchange.
ADJACENT = 3


_NON_SPACE = kept_regex.compile(r"\S")


def adjacent(text: str, end: int, start: int, breaks: int = ADJACENT) -> bool:
    """Whether the paragraph that starts at `start` follows right after the one that ends at
    `end`: only white space between them, over `breaks` line breaks at most (a blank line and
    a little), however the paragraphs are indented ("\n\n    “…”")."""
    if start - end <= ADJACENT:
        return True
    return text.count("\n", end, start) <= breaks and _NON_SPACE.search(text, end, start) is None


def line_breaks_between(text: str, blocks: list[Block]) -> int:
    """How many line breaks two paragraphs of one exchange may have between them: `ADJACENT`,
    or one more than the text's usual gap where that is wider (a text that puts two blank
    lines between its paragraphs; a wider gap still is a break in the scene)."""
    gaps = Counter(text.count("\n", a.end, b.start) for a, b in pairwise(blocks))
    usual = gaps.most_common(1)[0][0] if gaps else 0
    return max(ADJACENT, usual + 1)


def bare_turn(text: str, span: MarkedSpan, block: Block) -> bool:
    """The paragraph is the quotation and nothing else (but a stop or two after it). Read from
    the quotation outward, up to the first other word: not the whole paragraph, which may be
    a book that lost its blank lines."""
    if _NON_SPACE.search(text, block.start, span.start) is not None:
        return False
    after = _NON_SPACE.search(text, span.end, block.end)
    return after is None or _NON_SPACE.search(text, after.start() + 2, block.end) is None


def inherit(quote: Quote, sieve: str, unresolved: bool = False) -> Candidate | None:
    """The speaker of an earlier quotation, proposed again. With `unresolved`, also a mention
    that was never resolved to a person ("she said in a statement. “…”")."""
    if quote.speaker_start is None or quote.speaker_end is None or (quote.speaker is None and not unresolved):
        return None
    mention = Mention(quote.speaker_start, quote.speaker_end, quote.speaker or "", "person")
    return Candidate(mention, quote.cue or "", sieve=sieve, speaker=quote.speaker)


@dataclass
class DialogueTracker:
    turns: list[tuple[int, str | None]] = field(default_factory=list)
    """(block start, speaker) of the last few turns, one a paragraph."""
    run: list[tuple[int, int, Quote]] = field(default_factory=list)
    """The exchange so far: one quotation a paragraph, in adjacent paragraphs."""
    recent: list[str] = field(default_factory=list)
    """The last speakers, most recent last."""
    last: Quote | None = None
    """The last outer quotation that was speech."""
    last_quote_of: dict[str, Quote] = field(default_factory=dict)
    """Each speaker's last quotation."""
    spoken_to: tuple[int, Mention] | None = None
    """The person the last speech called by name (“Sit down, Mr. Hale.”) and where that
    quotation's paragraph ends: in the next paragraph, they are likely to answer."""
    last_closed: bool = True
    """Whether the last quotation's closing mark is written."""
    text: str = ""
    """The document's text: what lies between two paragraphs (`adjacent`)."""
    breaks: int = ADJACENT
    """The line breaks two paragraphs of one exchange may have between them (`line_breaks_between`)."""
    _inherited: dict[tuple[int, str, bool], Candidate | None] = field(default_factory=dict, init=False, repr=False)
    """`inherit` of each quotation asked about (by where it starts), each way: a speaker's last
    quotation is proposed again for many turns after it."""

    def inherited(self, quote: Quote, sieve: str, unresolved: bool = False) -> Candidate | None:
        """`inherit`, made once for each quotation and way."""
        key = (quote.start, sieve, unresolved)
        if key not in self._inherited:
            self._inherited[key] = inherit(quote, sieve, unresolved)
        return self._inherited[key]

    def adjacent(self, end: int, start: int) -> bool:
        return adjacent(self.text, end, start, self.breaks)

    def in_dialogue(self, block: Block, bare: bool) -> bool:
        return bool(self.turns) and self.turns[-1][0] != block.start and bare

    def previous_turn(self, block: Block, bare: bool) -> str | None:
        return self.turns[-1][1] if self.in_dialogue(block, bare) else None

    def continued(self, block: Block, block_of: Callable[[int], Block]) -> Candidate | None:
        """The quotation goes on the last one's speech: in its paragraph or the next."""
        if self.last is None:
            return None
        if block_of(self.last.start).start == block.start:
            return self.inherited(self.last, "continued", unresolved=True)
        if self.adjacent(block_of(self.last.end - 1).end, block.start):
            # In the next paragraph: weaker, and weaker still after a closing mark (a speech
            # that runs on over paragraphs leaves each but its last open).
            return self.inherited(self.last, "continued_next" if not self.last_closed else "continued_closed")
        return None

    def answer(self, quotes: list[Quote]) -> Candidate | None:
        """A paragraph of nothing but a quotation answers the one before: the speaker of two turns back."""
        if len(self.turns) < 2 or self.turns[-1][1] == self.turns[-2][1]:
            return None
        earlier = next((q for q in reversed(quotes) if q.speaker == self.turns[-2][1]), None)
        return None if earlier is None else self.inherited(earlier, "answer")

    def addressed(self, block: Block) -> Candidate | None:
        """The person the last turn spoke to by name, in the paragraph after it: “Will you
        come, Tomas?” / “I will.”"""
        if self.spoken_to is None:
            return None
        end, mention = self.spoken_to
        if not (block.start > end and self.adjacent(end, block.start)):
            return None
        return Candidate(mention, "", sieve="addressed", speaker=mention.text)

    def alternating(self, block: Block) -> Candidate | None:
        """In an unbroken dialogue of two, an unattributed turn belongs to whoever spoke two
        turns before it: counted back to the nearest turn whose speaker is known."""
        if not self.run or not self.adjacent(self.run[-1][1], block.start):
            return None
        known = [(distance, quote) for distance, (_, _, quote) in enumerate(reversed(self.run), 1) if quote.speaker]
        if not known:
            return None
        distance, nearest = known[0]
        if distance % 2 == 0:
            chosen: Quote | None = nearest
        else:
            chosen = next((quote for _, quote in known[1:] if quote.speaker != nearest.speaker), None)
        return None if chosen is None else self.inherited(chosen, "alternating")

    def run_length(self) -> int:
        return len(self.run)

    def recent_rank(self, speaker: str | None) -> int | None:
        """0 for the last speaker, 1 for the one before, …; None if not among the recent."""
        if speaker is None or speaker not in self.recent:
            return None
        return len(self.recent) - 1 - self.recent.index(speaker)

    def spoke(self, speaker: str) -> None:
        if speaker in self.recent:
            self.recent.remove(speaker)
        self.recent.append(speaker)
        del self.recent[:-6]

    def record(self, quote: Quote, block: Block, spoken_to: Mention | None = None, closed: bool = True) -> None:
        """A speech quotation was attributed (or not): extend the exchange. `spoken_to` is
        whom it calls by name, if anyone; `closed`, whether its closing mark is written."""
        self.last_closed = closed
        if spoken_to is not None:
            self.spoken_to = (block.end, spoken_to)
        elif self.spoken_to is not None and self.spoken_to[0] != block.end:
            self.spoken_to = None  # a later paragraph's turn called nobody
        self.last = quote
        if quote.speaker is not None:
            self.last_quote_of[quote.speaker] = quote
        run = self.run
        if run and run[-1][0] == block.start:
            if run[-1][2].speaker is None:
                run[-1] = (block.start, block.end, quote)
        elif run and self.adjacent(run[-1][1], block.start):
            run.append((block.start, block.end, quote))
            del run[:-12]
        else:
            run[:] = [(block.start, block.end, quote)]
        if self.turns and self.turns[-1][0] == block.start:
            self.turns[-1] = (block.start, quote.speaker)
        else:
            self.turns.append((block.start, quote.speaker))
            del self.turns[:-3]


class Turn(NamedTuple):
    """The first speech of a paragraph, as the attribution left it: for `link_descriptions`,
    `linked_here` and the telling back of an exchange (`quotes._answered_back`)."""

    paragraph: int
    """The paragraph's index."""
    speaker: str | None
    description: str | None
    """The description it was attributed by ("the painter"), lower-cased; None for a name."""
    quote: int = -1
    """The speech's index among the quotations."""
    named: bool = False
    """Whether its speaker is named in the paragraph."""
    callee: frozenset[str] = frozenset()
    """Who did not say it: the people it calls by name, and a first-person story's narrator
    when its own attribution is "he", "she" or a description."""
    told: Gender | None = None
    """The gender its own attribution beside it tells ("she said", "said the boy"), if any."""


# A description is linked to a person when at least this many of its turns point to them, and
# more than half of all its turns do. Chosen on the training novels: 3 votes and a majority put
# 139 more quotations right than no linking, 2 votes 100 (and 7 fewer in one novel), 4 votes 124;
# 3 was the choice of 6 of the 7 leave-one-novel-out folds, which together gained 83.
LINK_VOTES = 3


def _pointed_to(turns: list[Turn], index: int, unresolved: set[str]) -> tuple[str | None, str | None]:
    """Whom the exchange before the `index`th turn, and the one after it, point to: the speaker
    two turns away, where the turn between is someone else's and the three paragraphs are
    adjacent (None on a side where they are not, or a speaker there is a description no person
    was found for, in `unresolved`)."""

    def named(at: int) -> str | None:
        speaker = turns[at].speaker
        return None if speaker in unresolved else speaker

    def adjacent(a: int, b: int) -> bool:
        return 0 <= a < len(turns) and 0 <= b < len(turns) and abs(turns[a].paragraph - turns[b].paragraph) == 1

    sides: list[str | None] = []
    for step in (-1, 1):  # the turns before it, and the turns after
        near, far = index + step, index + 2 * step
        between = named(near) if adjacent(index, near) and adjacent(near, far) else None
        answered = named(far) if between is not None else None
        sides.append(answered if answered is not None and answered != between else None)
    return sides[0], sides[1]


def link_descriptions(turns: list[Turn], unresolved: set[str]) -> dict[str, str]:
    """Who each description that spoke ("said the painter", "cried the old lady") is, told
    by the story's exchanges: description → person. `turns` is the first speech of each
    paragraph, in order; `unresolved` the speakers that are descriptions no person was
    found for.

    In an exchange of two, a turn answers the one before it, so its speaker is whoever spoke
    two turns earlier, and two turns later. Each time a description speaks between turns of
    two people that alternate so (named, or described and found), it points to one of them; a
    description is linked where `LINK_VOTES` of its turns, and more than half of them, point to
    the same person.
    """
    votes: dict[str, Counter[str]] = {}
    ruled_out: dict[str, set[str]] = {}
    """Description → whom its turns cannot be: a first-person story's "I" ("said the painter")."""
    for index, turn in enumerate(turns):
        if turn.description is None:
            continue
        ruled_out.setdefault(turn.description, set()).update(turn.callee)
        for answered in _pointed_to(turns, index, unresolved):
            if answered is not None:
                votes.setdefault(turn.description, Counter())[answered] += 1
    linked = {}
    for description, counted in votes.items():
        person, count = counted.most_common(1)[0]
        if count >= LINK_VOTES and 2 * count > sum(counted.values()) and person not in ruled_out[description]:
            linked[description] = person
    return linked


def linked_here(turns: list[Turn], unresolved: set[str]) -> dict[int, str]:
    """The person each turn of a description that no person was found for is, where the
    exchange on both sides of it points to the same one: quotation index → person.

    "“…,” said the gentleman" between turns of Ida and Mr. Holm, Ida's on either
    side, is Mr. Holm's, as the turns two before and two after it are, though the book's
    other "gentlemen" keep `link_descriptions` from linking the description as a whole. (On
    the training novels 11379 → 11392 quotations right; one side alone: 11391.)"""
    linked = {}
    for index, turn in enumerate(turns):
        if turn.description is not None and turn.speaker in unresolved:
            before, after = _pointed_to(turns, index, unresolved)
            if before is not None and before == after and before not in turn.callee:
                linked[turn.quote] = before
    return linked
