"""Train the attribution ranker, or the claim-cue model, on the training split, with k-fold
cross-validation.

    python -m content.analysis.train --data ../shared/eval/data-train
    python -m content.analysis.train --data ../shared/eval/data-train --score ../shared/eval/score.py
    python -m content.analysis.train --claims --data ../shared/eval/data-train --score ../shared/eval/score.py

The data folder has the layout of `../shared/eval/data-train`: PolNeAR news articles with
their attribution relations (`polnear/<split>/text/*.txt`, `attributions/*.ann`) and PDNC
novels (`pdnc/<novel>/novel_text.txt`, `quotation_info.csv`, `character_info.csv`). Nothing
from them is kept in the project: only the weights, written to `attribution.json`.

Every quotation's candidates (one per sieve that fires, and the dialogue's) are labelled:
right when the mention overlaps the gold source (news), or resolves to the gold speaker or
one of their aliases (novels). Two models over the candidates' features are fitted fold by
fold, over documents, and then on everything: a logistic regression over candidates one at a
time (which one spoke, and whether the chosen one is likely to have spoken at all), and, for
news, a conditional logit that ranks each quotation's candidates against each other, whose
score the reader adds to the first model's. `--score` runs the real scorer on each
held-out fold with that fold's weights, which is the cross-validated figure to report beside
dev. Needs the `train` extra (scikit-learn, scipy); the program itself only reads the weights.

Retraining makes that figure move with the weights as much as with the change being
weighed: a change that alters a few dozen quotations may move one held-out novel by fifty,
because its fold's weights came out otherwise. `--keep-folds DIR` keeps the folds' weights
of a run, and `--frozen-folds DIR` scores the code as it is now with them, training nothing:
each document is still read by weights that never saw it, and only the code has changed.

    python -m content.analysis.train --data ../shared/eval/data-train --score ../shared/eval/score.py --keep-folds F
    python -m content.analysis.train --data ../shared/eval/data-train --score ../shared/eval/score.py --frozen-folds F

`--claims` trains the claim-cue model instead (`claim_cues.json`): which words may report a
claim (those that the training articles mark as an attribution's cue at least `--cue-share`
of the times they appear outside quotation marks, and `--cue-count` times in all, beside
the reporting verbs of the lexicon), and a logistic regression over each candidate verb's
neighbours, labelled by whether it is a gold cue. The words, too, are learned fold by fold.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import csv
import json
import os
import random
import re
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from content.analysis import analyse
from content.analysis.claims import CUE_WEIGHTS_ENV, cue_forms, find_claims
from content.analysis.narrator import attribute
from content.analysis.quotes import Choice
from content.analysis.ranker import WEIGHTS_ENV, Features, Ranker, for_fiction, load_ranker
from content.load import load_document

SHIPPED = Path(__file__).with_name("attribution.json")


@dataclass
class Gold:
    """The gold quotations of one document: (start, end, who) where `who` is a list of
    source spans (news) or a set of speaker names (novels)."""

    path: Path
    kind: str  # "news" or "novel"
    quotes: list[tuple[int, int, object]] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    """What a fold folder needs to hold for the scorer."""
    cues: list[tuple[int, int]] = field(default_factory=list)
    """Every attribution's cue (news)."""


def _brat(path: Path) -> tuple[dict[str, list[tuple[int, int]]], list[dict[str, str]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("T") and "\t" in line:
            tid, info, *_ = line.split("\t")
            _, _, offsets = info.partition(" ")
            spans[tid] = [(int(a), int(b)) for a, b in (seg.split() for seg in offsets.split(";"))]
        elif line.startswith("E"):
            roles = dict(pair.partition(":")[::2] for pair in line.split("\t", 1)[1].split())
            relations.append(roles)
    return spans, relations


_OPEN_CLOSE = {"“": "”", '"': '"', "«": "»"}


def _quoted(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The quotation-mark delimited pieces of a gold content span."""
    i = start
    while i < end:
        close = _OPEN_CLOSE.get(text[i])
        if close is None:
            i += 1
            continue
        j = text.find(close, i + 1, end)
        j = end if j < 0 else j + 1
        if j - i > 3:
            yield i + 1, j - 1
        i = j


def news(data: Path) -> Iterator[Gold]:
    for split in sorted(p for p in (data / "polnear").iterdir() if p.is_dir()):
        for txt in sorted((split / "text").glob("*.txt")):
            anns = sorted((split / "attributions").glob(txt.stem + "_*.ann"))
            if not anns:
                continue
            text = txt.read_text(encoding="utf-8")
            spans, relations = _brat(anns[0])
            # A relation whose text runs over a line break breaks the scorer's reader: train on the
            # document, but leave it out of the folders the scorer reads.
            scorable = all("\t" in line for line in anns[0].read_text(encoding="utf-8").splitlines() if line[:1] == "T")
            gold = Gold(txt, "news", files=[txt, anns[0]] if scorable else [])
            for roles in relations:
                if roles.get("Content") in spans and roles.get("Cue") in spans:
                    gold.cues.extend(spans[roles["Cue"]])
                if roles.get("Content") not in spans or roles.get("Source") not in spans:
                    continue
                for a, b in spans[roles["Content"]]:
                    for s, e in _quoted(text, a, b):
                        gold.quotes.append((s, e, spans[roles["Source"]]))
            yield gold


def novels(data: Path) -> Iterator[Gold]:
    for novel in sorted(p for p in (data / "pdnc").iterdir() if (p / "novel_text.txt").exists()):
        aliases: dict[str, set[str]] = {}
        with open(novel / "character_info.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                names = {row["Main Name"]}
                with contextlib.suppress(ValueError, SyntaxError):
                    names |= set(ast.literal_eval(row["Aliases"]))
                aliases[row["Main Name"]] = {n.lower() for n in names}
        gold = Gold(novel / "novel_text.txt", "novel", files=[novel])
        with open(novel / "quotation_info.csv", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                try:
                    parts = ast.literal_eval(row["quoteByteSpans"])
                except (ValueError, SyntaxError):
                    continue
                names = aliases.get(row["speaker"], {row["speaker"].lower()})
                for a, b in parts:
                    gold.quotes.append((a, b, names))
        yield gold


def _names_match(speaker: str | None, names: set[str]) -> bool:
    pred = (speaker or "").lower().strip()
    return bool(pred) and any(pred == n or pred in n.split() or n in pred for n in names)


@dataclass
class Example:
    """One quotation: its candidates' features and which candidates are right."""

    document: int
    kind: str
    features: list[Features]
    """With the fiction-only copies for a novel (see `for_fiction`)."""
    labels: list[bool]
    has_gold: bool
    """The quotation is a gold one with a known speaker (else every candidate is wrong)."""


def examples(golds: list[Gold], ranker: Ranker) -> list[Example]:
    out: list[Example] = []
    for number, gold in enumerate(golds):
        document = load_document(str(gold.path))
        analysis = analyse(document)
        trace: list[Choice] = []
        attribute(
            analysis.read, analysis.sentences, analysis.cast, analysis.fiction, ranker, trace, analysis.first_person
        )
        for choice in trace:
            match = next(
                (
                    who
                    for s, e, who in gold.quotes
                    if min(e, choice.span.end) - max(s, choice.span.start) >= (e - s) / 2
                ),
                None,
            )
            if gold.kind == "news":
                # News is scored by the mention: the proposal whose mention is the gold source
                # is right (not the other people its pronoun might mean).
                sources = match if isinstance(match, list) else []
                labels = [
                    any(not s.alternative for s in option.sources)
                    and any(
                        min(b, option.candidate.mention.end) - max(a, option.candidate.mention.start) > 0
                        for a, b in sources
                    )
                    for option in choice.options
                ]
            else:
                names = match if isinstance(match, set) else set()
                labels = [_names_match(option.speaker, names) for option in choice.options]
            if choice.options:
                # The fiction-only weights are learned from the novels: an article taken for a
                # story (three of the 840) is labelled by the news convention, by the mention.
                novel = choice.fiction and gold.kind == "novel"
                features = [for_fiction(f) for f in choice.features] if novel else choice.features
                out.append(Example(number, gold.kind, features, labels, match is not None))
    return out


def fit(train: list[Example], c: float = 4.0) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [f for e in train for f in e.features]
    ys = [int(y) for e in train for y in e.labels]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=2000, fit_intercept=False)
    model.fit(x, ys)
    names = vectorizer.get_feature_names_out()
    return {str(name): round(float(w), 5) for name, w in zip(names, model.coef_[0], strict=True) if abs(w) > 1e-6}


def fit_choice(train: list[Example], c: float = 1.0) -> dict[str, float]:
    """The ranking model: a conditional logit over each quotation's candidates (softmax over
    them, L2-regularised), fitted to put a right one first. Only quotations with a right
    candidate and a wrong one teach it anything."""
    import numpy as np
    from scipy import sparse
    from scipy.optimize import minimize
    from sklearn.feature_extraction import DictVectorizer

    usable = [e for e in train if e.has_gold and any(e.labels) and not all(e.labels)]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([f for e in usable for f in e.features]).tocsr()
    right = np.array([float(label) for e in usable for label in e.labels])
    owner = np.repeat(np.arange(len(usable)), [len(e.labels) for e in usable])
    group = sparse.csr_matrix((np.ones(len(owner)), (owner, np.arange(len(owner)))), shape=(len(usable), len(owner)))

    def loss(w: Any) -> tuple[float, Any]:
        scores = x @ w
        top = np.full(len(usable), -np.inf)
        np.maximum.at(top, owner, scores)
        exp = np.exp(scores - top[owner])
        total, good = group @ exp, group @ (exp * right)
        value = -float(np.sum(np.log(good) - np.log(total))) + float(w @ w) / (2 * c)
        gradient = x.T @ (exp / total[owner] - exp * right / good[owner]) + w / c
        return value, gradient

    result = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 3000})
    names = vectorizer.get_feature_names_out()
    return {str(name): round(float(w), 5) for name, w in zip(names, result.x, strict=True) if abs(w) > 1e-6}


def accuracy(ranker: Ranker, test: list[Example]) -> tuple[float, float]:
    """(share of gold quotations whose chosen candidate is right, share of non-gold ones given nobody)."""
    right = total = silent = others = 0
    ranks_alone = Ranker(ranker.weights, ranker.threshold)  # in fiction the per-candidate model ranks
    for e in test:
        chooser = ranks_alone if e.kind == "novel" else ranker
        chosen = chooser.choose(e.features)  # a novel's feature copies carry the fiction weights
        if e.has_gold:
            total += 1
            right += chosen is not None and e.labels[chosen]
        else:
            others += 1
            silent += chosen is None
    return right / max(1, total), silent / max(1, others)


def folds(golds: list[Gold], k: int, seed: int = 13) -> list[list[int]]:
    """Documents dealt into k folds, news and novels each spread evenly."""
    order: dict[str, list[int]] = {"news": [], "novel": []}
    for index, gold in enumerate(golds):
        order[gold.kind].append(index)
    rng = random.Random(seed)
    out: list[list[int]] = [[] for _ in range(k)]
    for kind in ("news", "novel"):
        members = order[kind]
        rng.shuffle(members)
        for position, index in enumerate(members):
            out[position % k].append(index)
    return out


def _save(path: Path, ranker: Ranker, note: str) -> None:
    data: dict[str, Any] = {
        "note": note,
        "threshold": ranker.threshold,
        "weights": dict(sorted(ranker.weights.items())),
    }
    if ranker.choice:
        data["choice_weights"] = dict(sorted(ranker.choice.items()))
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def _fit_ranker(train: list[Example], args: argparse.Namespace) -> Ranker:
    news = [e for e in train if e.kind == "news"]
    return Ranker(fit(train, args.c), args.threshold, fit_choice(news, args.choice_c))


def _fold_folder(golds: list[Gold], members: list[int], root: Path) -> Path:
    """A data folder with only these documents, in the scorer's layout (symlinks)."""
    for index in members:
        gold = golds[index]
        if gold.kind == "news" and gold.files:
            txt, ann = gold.files
            for sub, file in (("text", txt), ("attributions", ann)):
                target = root / "polnear" / "fold" / sub / file.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.symlink_to(file.resolve())
        elif gold.kind == "novel":
            target = root / "pdnc" / gold.files[0].name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(gold.files[0].resolve())
    return root


def score_folds(
    golds: list[Gold], parts: list[list[int]], weight_files: list[Path], scorer: Path, env_name: str = WEIGHTS_ENV
) -> dict[str, float]:
    """The real scorer on each held-out fold with that fold's weights (passed in `env_name`),
    pooled over folds."""
    news_ok = news_n = novel_ok = novel_n = 0.0
    claims_ok = claims_n = claims_found = claims_gold = 0.0
    suite = "polnear" if env_name == CUE_WEIGHTS_ENV else "all"
    for members, weights in zip(parts, weight_files, strict=True):
        with tempfile.TemporaryDirectory() as tmp:
            folder = _fold_folder(golds, members, Path(tmp))
            env = {**os.environ, env_name: str(weights)}
            command = [sys.executable, str(scorer), "--data", str(folder), "--json", "--suite", suite]
            command += ["--cmd", f"{sys.executable} -m tui"]
            result = subprocess.run(command, capture_output=True, text=True, env=env, check=True)
            report = json.loads(result.stdout)
        if "polnear" in report:
            polnear = report["polnear"]
            news_ok += polnear["speaker_accuracy"] * polnear["speaker_checked"]
            news_n += polnear["speaker_checked"]
            claims = polnear["attributed_claims"]
            claims_ok += claims["precision"] * claims["pred"]
            claims_n += claims["pred"]
            claims_found += claims["recall"] * claims["gold"]
            claims_gold += claims["gold"]
        for name, novel in sorted(report.get("pdnc", {}).get("per_novel", {}).items()):
            found = novel["recall"] * novel["gold"]
            novel_ok += novel["speaker_accuracy"] * found
            novel_n += found
            print(f"  held-out novel {name}: speaker accuracy {novel['speaker_accuracy']}")
    scores = {
        "polnear_speaker_accuracy": round(news_ok / max(1, news_n), 4),
        "polnear_attributed_claims_recall": round(claims_found / max(1, claims_gold), 4),
        "polnear_attributed_claims_precision": round(claims_ok / max(1, claims_n), 4),
    }
    if suite == "all":
        scores["pdnc_speaker_accuracy"] = round(novel_ok / max(1, novel_n), 4)
    return scores


CUES_SHIPPED = Path(__file__).with_name("claim_cues.json")
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]+(?![\w’'-])")


@dataclass
class CueDocument:
    """One training article's candidate cue verbs, and how often each word is a cue."""

    number: int
    candidates: list[tuple[str, dict[str, float], bool]]
    """(the verb as written, its features, whether it is a gold cue)."""
    seen: Counter[str]
    """Lower-case words outside quotation marks, and how often each appears."""
    cued: Counter[str]
    """How often each of them is (part of) a gold cue."""


def _save_cues(path: Path, words: set[str], weights: dict[str, float], threshold: float, note: str) -> None:
    data = {"note": note, "threshold": threshold, "words": sorted(words), "weights": dict(sorted(weights.items()))}
    path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


# Words inside gold cue spans that never report anything alone: "also said", "repeatedly
# claimed", "talked about". Function words and adverbs are left out of the learned cues, and
# "according", which has a rule of its own ("according to …").
_NEVER_CUES = frozenset(
    """also about again even still too very not never just only then now both all as so and or
    but to of in on at by for with from into over that this it according""".split()
)


def cue_words(documents: list[CueDocument], count: int, share: float) -> set[str]:
    seen: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    for document in documents:
        seen.update(document.seen)
        cued.update(document.cued)
    return {
        word
        for word, n in seen.items()
        if n >= count and cued[word] / n >= share and word not in _NEVER_CUES and not word.endswith("ly")
    }


def cue_documents(golds: list[Gold], count: int, share: float) -> list[CueDocument]:
    """Every news article's candidates, with the cue words of the whole split as candidates
    (each fold then keeps those its own training documents would have learned)."""
    out: list[CueDocument] = []
    analysed = []
    for number, gold in enumerate(golds):
        if gold.kind != "news":
            continue
        document = load_document(str(gold.path))
        analysis = analyse(document)
        text = document.text
        masked = list(text)
        for quote in analysis.quotes:
            masked[quote.start : quote.end] = " " * (quote.end - quote.start)
        starts = sorted(gold.cues)
        seen: Counter[str] = Counter()
        cued: Counter[str] = Counter()
        for match in _LOWER_WORD.finditer("".join(masked)):
            seen[match.group()] += 1
            if any(a < match.end() and match.start() < b for a, b in starts):
                cued[match.group()] += 1
        out.append(CueDocument(number, [], seen, cued))
        analysed.append((gold, document, analysis))
    words = cue_words(out, count, share)
    with tempfile.TemporaryDirectory() as tmp:
        everything = Path(tmp) / "all.json"
        _save_cues(everything, words, {}, 2.0, "every candidate, none taken")
        previous = os.environ.get(CUE_WEIGHTS_ENV)
        os.environ[CUE_WEIGHTS_ENV] = str(everything)
        try:
            for record, (gold, document, analysis) in zip(out, analysed, strict=True):
                trace: list[tuple[int, int, dict[str, float]]] = []
                find_claims(analysis.read, analysis.sentences, analysis.quotes, analysis.cast, trace)
                record.candidates = [
                    (document.text[a:b], f, any(x < b and a < y for x, y in gold.cues)) for a, b, f in trace
                ]
        finally:
            if previous is None:
                del os.environ[CUE_WEIGHTS_ENV]
            else:
                os.environ[CUE_WEIGHTS_ENV] = previous
    return out


def fit_cues(documents: list[CueDocument], words: set[str], c: float) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    forms = cue_forms(frozenset(words))
    rows = [(f, y) for d in documents for verb, f, y in d.candidates if verb in forms]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([f for f, _ in rows])
    model = LogisticRegression(C=c, max_iter=3000, fit_intercept=False)
    model.fit(x, [int(y) for _, y in rows])
    names = vectorizer.get_feature_names_out()
    return {str(name): round(float(w), 5) for name, w in zip(names, model.coef_[0], strict=True) if abs(w) > 1e-6}


def train_cues(args: argparse.Namespace, golds: list[Gold], parts: list[list[int]], tmp: Path) -> int:
    """The claim-cue model; its folds' weights are written to `tmp` for the scorer."""
    documents = cue_documents(golds, args.cue_count, args.cue_share)
    n = sum(len(d.candidates) for d in documents)
    gold = sum(y for d in documents for *_, y in d.candidates)
    print(f"{len(documents)} articles, {n} candidate cues, {gold} of them gold")
    fold_files: list[Path] = []
    for k, members in enumerate(parts):
        held = set(members)
        training = [d for d in documents if d.number not in held]
        words = cue_words(training, args.cue_count, args.cue_share)
        fold_file = tmp / f"fold{k}.json"
        _save_cues(fold_file, words, fit_cues(training, words, args.cue_c), args.cue_threshold, f"fold {k}")
        fold_files.append(fold_file)
    words = cue_words(documents, args.cue_count, args.cue_share)
    weights = fit_cues(documents, words, args.cue_c)
    out = args.out if args.out != SHIPPED else CUES_SHIPPED
    note = (
        f"trained by content.analysis.train --claims on {args.data.name}: {len(documents)} articles, C={args.cue_c}, "
        f"cue words seen {args.cue_count}+ times and a cue {args.cue_share:.0%}+ of them"
    )
    _save_cues(out, words, weights, args.cue_threshold, note)
    print(f"wrote {out} ({len(words)} learned words, {len(weights)} weights)")
    _keep_folds(args, fold_files, "cues")
    if args.score:
        print("cross-validated, by score.py on each held-out fold:")
        print(json.dumps(score_folds(golds, parts, fold_files, args.score, CUE_WEIGHTS_ENV), indent=1))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the training split (never dev)")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=2, help="re-run the analysis with the new weights this often")
    parser.add_argument("--c", type=float, default=4.0, help="inverse regularisation strength")
    parser.add_argument("--choice-c", type=float, default=1.0, help="inverse regularisation of the ranking model")
    parser.add_argument("--threshold", type=float, default=0.05, help="below this, nobody is named")
    parser.add_argument("--out", type=Path, default=SHIPPED)
    parser.add_argument("--score", type=Path, help="score.py: report the cross-validated scores it prints")
    parser.add_argument("--claims", action="store_true", help="train the claim-cue model (claim_cues.json)")
    parser.add_argument("--keep-folds", type=Path, help="keep the folds' weights of this run in this folder")
    parser.add_argument(
        "--frozen-folds", type=Path, help="train nothing: score with the folds' weights a run kept (with --score)"
    )
    # The claim-cue settings below were chosen by the cross-validated score (R and P together)
    # over a grid of counts 3-8, shares 0.2-0.45, C 0.5-16 and thresholds 0.24-0.38; with the
    # features of two words after the verb, a clause ahead and a common noun's own word, again over
    # counts 2-4, shares 0.35-0.45, C 0.5-2 and thresholds 0.22-0.30 (0.24: recall and precision
    # both clearest of 0.80 and 0.90); with stop 54's subject search, thresholds 0.225-0.24 again
    # (0.235 now clearest: fold-wise recall 0.8035, precision 0.9028).
    parser.add_argument("--cue-c", type=float, default=1.0, help="inverse regularisation of the claim-cue model")
    parser.add_argument("--cue-count", type=int, default=3, help="a learned cue word is seen at least this often")
    parser.add_argument("--cue-share", type=float, default=0.4, help="… and is a gold cue at least this share of times")
    parser.add_argument("--cue-threshold", type=float, default=0.235, help="the probability a claim cue needs")
    args = parser.parse_args(argv)

    golds = [*news(args.data), *novels(args.data)]
    parts = folds(golds, args.folds)
    if args.frozen_folds is not None:
        return score_frozen(args, golds, parts)
    # The folds' weights live only as long as the run: nothing is left behind in /tmp.
    with tempfile.TemporaryDirectory(prefix="postil-folds-") as folder:
        if args.claims:
            return train_cues(args, golds, parts, Path(folder))
        return train_ranker(args, golds, parts, Path(folder))


def train_ranker(args: argparse.Namespace, golds: list[Gold], parts: list[list[int]], tmp: Path) -> int:
    """The attribution ranker, re-fitted `args.rounds` times; each round's folds' weights are
    written to `tmp` (the last round's are those the scorer reads)."""
    print(f"{len(golds)} documents ({sum(g.kind == 'novel' for g in golds)} novels), {args.folds} folds")
    ranker = load_ranker()
    for round_number in range(1, args.rounds + 1):
        data = examples(golds, ranker)
        fold_files: list[Path] = []
        fold_rankers: list[Ranker] = []
        for k, members in enumerate(parts):
            held = set(members)
            fold_rankers.append(_fit_ranker([e for e in data if e.document not in held], args))
            fold_file = tmp / f"fold{k}.json"
            _save(fold_file, fold_rankers[-1], f"fold {k} of {args.folds}")
            fold_files.append(fold_file)
        for kind in ("news", "novel"):
            held_out = [e for e in data if e.kind == kind]
            learned = sum(
                accuracy(fold_rankers[k], [e for e in held_out if e.document in set(m)])[0] for k, m in enumerate(parts)
            ) / len(parts)
            before = accuracy(ranker, held_out)[0]
            print(
                f"round {round_number}, {kind}: {len(held_out)} quotations; right candidate chosen on held-out folds "
                f"{learned:.4f} (the weights this round started from: {before:.4f})"
            )
        ranker = _fit_ranker(data, args)
    note = (
        f"trained by content.analysis.train on {args.data.name}: {len(golds)} documents, "
        f"C={args.c} (whether), C={args.choice_c} (which)"
    )
    _save(args.out, ranker, note)
    print(f"wrote {args.out} ({len(ranker.weights)} + {len(ranker.choice or {})} weights)")
    _keep_folds(args, fold_files)
    if args.score:
        print("cross-validated, by score.py on each held-out fold:")
        print(json.dumps(score_folds(golds, parts, fold_files, args.score), indent=1))
    return 0


def _fold_file_name(kind: str, k: int) -> str:
    return f"{kind}-fold{k}.json"


def _keep_folds(args: argparse.Namespace, fold_files: list[Path], kind: str = "ranker") -> None:
    """Copy the folds' weights to `--keep-folds`, if given, for `--frozen-folds` to score with."""
    if args.keep_folds is None:
        return
    args.keep_folds.mkdir(parents=True, exist_ok=True)
    for k, fold_file in enumerate(fold_files):
        (args.keep_folds / _fold_file_name(kind, k)).write_bytes(fold_file.read_bytes())
    print(f"kept the folds' weights in {args.keep_folds}")


def score_frozen(args: argparse.Namespace, golds: list[Gold], parts: list[list[int]]) -> int:
    """The code as it is now, scored on each held-out fold with the weights a run kept for
    that fold (`--keep-folds`): cross-validated, and nothing retrained."""
    kind, env_name = ("cues", CUE_WEIGHTS_ENV) if args.claims else ("ranker", WEIGHTS_ENV)
    fold_files = [args.frozen_folds / _fold_file_name(kind, k) for k in range(len(parts))]
    missing = [str(path) for path in fold_files if not path.is_file()]
    if args.score is None or missing:
        print("--frozen-folds needs --score, and the folds' weights of a run with as many --folds:", *missing)
        return 2
    print(f"{len(golds)} documents, {len(parts)} folds, scored with the weights kept in {args.frozen_folds}")
    print(json.dumps(score_folds(golds, parts, fold_files, args.score, env_name), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
