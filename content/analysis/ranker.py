"""Choosing among the sieves' candidates with a small learned model.

Each candidate mention gets a handful of features (which sieve proposed it, the mention's
kind, its distance from the quotation, the cue verb, gender agreement, the dialogue turn,
whether it sits inside a quotation …). Linear models trained by `content.analysis.train` on
`data-train` only score them: one ranks the candidates against each other, one says whether
the best is likely at all; the best one speaks, unless it is unlikely.
Inference is plain Python over the weights in `attribution.json`.
"""

from __future__ import annotations

import json
import math
import os
from functools import cache, lru_cache
from itertools import filterfalse
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from content.analysis.lexicon import CONTINUING_CUES, DESCRIBED_GENDER, PRONOUNS
from content.package_data import package_text

Features = dict[str, float]
WEIGHTS_ENV = "POSTIL_ATTRIBUTION_WEIGHTS"
"""A weights file to use instead of the shipped one: for cross-validation while training."""

_PLAIN_CUES = frozenset("said says say told tells asked asks added adds replied cried answered".split())


class Source(NamedTuple):
    """One way a speaker was proposed for a quotation: a sieve's mention, resolved. (A named
    tuple, as `Evidence`: made for every candidate, and a frozen dataclass is slower to make.)"""

    sieve: str
    kind: str
    """The mention's kind: person, group or pronoun."""
    mention_text: str
    cue: str
    rank: int
    """The proposal's place in the sieves' order (0 is first)."""
    distance: int
    """Characters between the quotation and the mention."""
    after: bool
    in_quotation: bool
    alternative: bool = False
    """Not the mention's first resolution: another person its pronoun or description may mean."""


class Evidence(NamedTuple):
    """What the features of one possible speaker of one quotation are made from: a named
    tuple, immutable and about four times quicker to make than a frozen dataclass."""

    sources: tuple[Source, ...]
    resolved: bool
    in_cast: bool
    gender_agrees: bool | None
    """For a pronoun or description: whether the person is of its gender; None when unknown."""
    recent_rank: int | None
    """0 if this person spoke the last turn, 1 the one before, …; None if not among the recent speakers."""
    named_in_quotation: bool
    """Named inside the quotation itself: mostly the one spoken to, not the speaker."""
    named_in_paragraph: bool
    bare_turn: bool
    opens_paragraph: bool
    fragment: bool
    dialogue_run: int
    contested: bool = False
    """Another person is named by a sieve of the quotation's own sentence, and this one is not."""
    according_elsewhere: bool = False
    """Another option is the source after "according to" ("…,” Hale said, according to the
    Gazette"): the outer source is the one the quotation rests on."""
    rivals: bool = False
    """There are other options."""
    same_description: bool = False
    """A description ("said the old gentleman") that last time it spoke was this person."""
    named_before: int | None = None
    """For a pronoun or description: this person's place among those of its gender named last
    before it (0 the nearest); None if not among them. After "Berg met Wilk", a novel's "he
    said" the turns alone leave open: the training novels weigh the nearer man, Wilk, higher."""
    narrated: int | None = None
    """Named in the narration between the last quotation and this one's paragraph (0 the
    last named there, 1 one before): "“…?” / Holm nodded. / “…”" — a turn without words."""
    told_clash: bool = False
    """Of the other gender than the quotation's own attribution beside it tells ("“…,” said
    the old woman" and a man the dialogue proposes)."""


@lru_cache(maxsize=4096)
def _source_keys(alternative: bool, sieve: str, kind: str, mention_text: str) -> tuple[str, ...]:
    tag = "alt:" if alternative else ""
    keys = [f"{tag}sieve={sieve}", f"{tag}sieve={sieve}&kind={kind}"]
    if kind == "pronoun":
        keys.append(f"{tag}pronoun={PRONOUNS.get(mention_text.lower().strip(' .'), 'other')}")
    else:
        words = mention_text.lower().split()
        if (words[-1:] or [""])[0] in DESCRIBED_GENDER:
            keys.append(f"{tag}description")
        if kind == "group" and cut_short(words):
            keys.append(f"{tag}cut_short")
    return tuple(keys)


_CLOSED_CLASS = frozenset(
    "the a an of and or but for to in on at by with from as than his her their its our my your this that these "
    "those some many one first last".split()
)
_VERB_INSIDE = frozenset("is are was were has have had be been will would said says".split())


def cut_short(words: list[str]) -> bool:
    """A noun phrase that stops before its noun or runs into a verb: "a member of the",
    "his recent", "the attacks were echoed" — a piece of a phrase, not somebody."""
    return len(words) > 1 and (
        words[-1] in _CLOSED_CLASS or words[-1].endswith(("ly", "ing")) or any(w in _VERB_INSIDE for w in words[1:])
    )


_ALTERNATIVE = attrgetter("alternative")
_KIND = attrgetter("kind")


def features(e: Evidence) -> Features:
    """The features of one possible speaker; those that are 0 are left out."""
    f: Features = {"bias": 1.0}
    direct = list(filterfalse(_ALTERNATIVE, e.sources))
    # A person some sieve names directly is described by those sieves alone; one reached only
    # as another reading of a pronoun or description, by that reading.
    for source in direct or e.sources:
        for key in _source_keys(not direct, source.sieve, source.kind, source.mention_text):
            f[key] = 1.0
    by_according = False
    if direct:
        # One pass over the direct sources (this runs for every candidate of every quotation).
        first = plain_cue = in_quotation = after = False
        rank, distance = 4, direct[0].distance
        for s in direct:
            first = first or s.rank == 0
            plain_cue = plain_cue or s.cue.lower() in _PLAIN_CUES
            in_quotation = in_quotation or s.in_quotation
            after = after or s.after
            by_according = by_according or s.sieve == "according"
            rank = min(rank, s.rank)
            distance = min(distance, s.distance)
        if len(direct) < len(e.sources):
            f["also_alternative"] = 1.0
        if first:
            f["first"] = 1.0
        if plain_cue:
            f["plain_cue"] = 1.0
        if in_quotation:
            f["in_quotation"] = 1.0
        if rank:
            f["rank"] = rank / 4
        f["distance"] = math.log1p(distance) / 6
        if after:
            f["after"] = 1.0
        f["sources"] = min(len(direct), 4) / 4
    else:
        f["only_alternative"] = 1.0
    if not e.resolved:
        f["unresolved"] = 1.0
    if e.in_cast:
        f["in_cast"] = 1.0
    if e.named_in_quotation:
        f["named_in_quotation"] = 1.0
    if e.named_in_paragraph:
        f["named_in_paragraph"] = 1.0
    if e.bare_turn:
        f["bare_turn"] = 1.0
    if e.opens_paragraph:
        f["opens_paragraph"] = 1.0
    if e.fragment:
        f["fragment"] = 1.0
    if e.contested:
        f["contested"] = 1.0
    if e.according_elsewhere:
        f["rival_according"] = 1.0
    if e.rivals and by_according:
        f["according_vs"] = 1.0
    if e.gender_agrees is not None:
        f["gender_agrees" if e.gender_agrees else "gender_clash"] = 1.0
    # "“…,” he said." in a dialogue: which of the recent speakers a pronoun means depends on
    # the turn (a new paragraph is mostly a new speaker), which the model sees only together.
    pronoun = "pronoun" in map(_KIND, e.sources)
    if e.recent_rank is None:
        f["not_recent"] = 1.0
        if pronoun:
            f["pronoun&not_recent"] = 1.0
    else:
        recent = min(e.recent_rank, 3)
        f[_RECENT[recent]] = 1.0
        if e.bare_turn:
            f[_BARE_RECENT[recent]] = 1.0
        if pronoun:
            f[_OPENS_PRONOUN_RECENT[recent] if e.opens_paragraph else _PRONOUN_RECENT[recent]] = 1.0
            if any(s.cue.lower() in CONTINUING_CUES for s in e.sources if s.kind == "pronoun"):
                # "“…,” she continued": the speaker goes on, so most likely one who just spoke.
                f[_CONTINUING_RECENT[recent]] = 1.0
    if e.dialogue_run:
        f["dialogue_run"] = min(e.dialogue_run, 6) / 6
    if e.same_description:
        f["same_description"] = 1.0
    if e.told_clash:
        f["told_clash"] = 1.0
    if e.named_before is not None:
        f[_NAMED_BEFORE[min(e.named_before, 2)]] = 1.0
    if e.narrated is not None:
        narrated = min(e.narrated, 1)
        f[_NARRATED[narrated]] = 1.0
        if e.bare_turn:
            f[_BARE_NARRATED[narrated]] = 1.0
    return f


_RECENT = tuple(f"recent={n}" for n in range(4))
_NAMED_BEFORE = tuple(f"named_before={n}" for n in range(3))
_NARRATED = ("narrated=0", "narrated=1")
_BARE_NARRATED = ("bare&narrated=0", "bare&narrated=1")
_BARE_RECENT = tuple(f"bare&recent={n}" for n in range(4))
_CONTINUING_RECENT = tuple(f"continuing&recent={n}" for n in range(4))
_PRONOUN_RECENT = tuple(f"pronoun&recent={n}" for n in range(4))
_OPENS_PRONOUN_RECENT = tuple(f"opens&pronoun&recent={n}" for n in range(4))


def for_fiction(f: Features) -> Features:
    """Novels and news attribute differently: in training each feature of a novel gets a
    second, fiction-only copy, and the ranker adds that copy's weight to the feature's."""
    return {**f, **{f"fiction&{name}": value for name, value in f.items()}}


class Ranker:
    """Two linear models over the same features. `choice` is a conditional logit over one
    news quotation's candidates (softmax over them, trained to put the right one first);
    `weights` is a logistic model of each candidate alone. A news quotation's candidates are
    ranked by the sum of the two scores; `weights` alone then says whether the chosen one is
    likely at all, so that a quotation nobody is likely to have said gets nobody.

    Cross-validated PolNeAR speaker accuracy, same folds: `choice` alone 0.8770, the sum
    0.8754, `weights` alone 0.8709 (the code before). The sum is shipped: `choice` alone gave
    "a figure Brennan called “a lovely thought …”" in our sample to the "He" of the clause
    before. In fiction, and without `choice`, `weights` also ranks: the ranking model did worse
    there on held-out folds (PDNC 0.7540 against 0.7610), as one wrong turn misleads the
    dialogue's next ones."""

    def __init__(self, weights: dict[str, float], threshold: float, choice: dict[str, float] | None = None) -> None:
        self.weights = weights
        self.threshold = threshold
        """Below this probability even the best candidate is not trusted to be the speaker."""
        self._fiction = _with_fiction(weights)
        self.choice = choice

    def _log_odds(self, f: Features, fiction: bool) -> float:
        """The per-candidate model's score, clamped so that its sigmoid never overflows."""
        return _clamped(linear_score(self._fiction if fiction else self.weights, f))

    def choose(self, candidates: list[Features], fiction: bool = False) -> int | None:
        """The index of the candidate most likely to be the speaker, or None when even the
        best is below the threshold."""
        if self.choice is None or fiction:
            # By probability, that is by its log-odds (the sigmoid keeps their order).
            weights = self._fiction if fiction else self.weights
            ranking = [linear_score(weights, f) for f in candidates]
        else:
            # Both models' scores added: the ranking model's, and the log-odds of the other.
            ranking = [linear_score(self.choice, f) + linear_score(self.weights, f) for f in candidates]
        best, best_score = None, -math.inf
        for index, score in enumerate(ranking):
            if score > best_score:  # ties keep the earlier sieve
                best, best_score = index, score
        if best is None:
            return None
        # Ranked by the per-candidate model alone, the best one's log-odds is its score.
        odds = _clamped(best_score) if self.choice is None or fiction else self._log_odds(candidates[best], fiction)
        return None if 1.0 / (1.0 + math.exp(-odds)) < self.threshold else best


def _with_fiction(weights: dict[str, float]) -> dict[str, float]:
    """The weights a novel's features get: each feature's own plus its fiction-only copy's."""
    names = {name.removeprefix("fiction&") for name in weights}
    return {name: weights.get(name, 0.0) + weights.get(f"fiction&{name}", 0.0) for name in names}


def _clamped(log_odds: float) -> float:
    """Log-odds kept where their sigmoid cannot overflow."""
    return max(-30.0, min(30.0, log_odds))


def linear_score(weights: dict[str, float], f: Features) -> float:
    """The weighted sum of a candidate's features (those without a weight count nothing)."""
    z = 0.0
    get = weights.get  # looked up once: this runs for every candidate and every claim cue
    for name, value in f.items():
        weight = get(name)
        if weight is not None:
            z += weight * value
    return z


def load_ranker(path: Path | None = None) -> Ranker:
    if path is None and os.environ.get(WEIGHTS_ENV):
        path = Path(os.environ[WEIGHTS_ENV])
    return _load(str(path) if path else None)


@cache
def _load(path: str | None) -> Ranker:
    if path is None:
        raw = package_text("content.analysis", "attribution.json")
    else:
        raw = Path(path).read_text(encoding="utf-8")
    data = json.loads(raw)
    choice = data.get("choice_weights")
    return Ranker(
        {str(k): float(v) for k, v in data["weights"].items()},
        float(data["threshold"]),
        {str(k): float(v) for k, v in choice.items()} if choice else None,
    )
