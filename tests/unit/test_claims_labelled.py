"""Claims against a labelled set of our own (tests/fixtures/claims.tsv): each kind, and the
near misses that must not be claims, with precision and recall per kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from content.analysis import analyse
from content.plaintext import parse_plain_text

LABELLED = Path(__file__).parents[1] / "fixtures" / "claims.tsv"
KINDS = ("attributed", "hedged", "factual")


def labelled() -> list[tuple[str, bool, str]]:
    rows = []
    for line in LABELLED.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kind, checkable, sentence = line.split("\t")
            rows.append((kind, checkable == "yes", sentence))
    return rows


def predict(sentence: str) -> tuple[str, bool]:
    """The kind postil gives the sentence (or "none"), and whether it is checkable."""
    document = parse_plain_text(f"Notes from the harbour\n\n{sentence}\n", "labelled")
    claims = analyse(document).claims
    if not claims:
        return "none", False
    return claims[0].kind, claims[0].checkable


def scores() -> dict[str, tuple[float, float]]:
    rows = labelled()
    predicted = [predict(sentence)[0] for _, _, sentence in rows]
    out = {}
    for kind in KINDS:
        tp = sum(1 for (gold, _, _), got in zip(rows, predicted, strict=True) if gold == kind and got == kind)
        n_pred = sum(1 for got in predicted if got == kind)
        n_gold = sum(1 for gold, _, _ in rows if gold == kind)
        out[kind] = (tp / n_pred if n_pred else 0.0, tp / n_gold)
    return out


def test_the_labelled_set_covers_every_kind_and_near_misses() -> None:
    kinds = [kind for kind, _, _ in labelled()]
    assert len(kinds) >= 140
    assert all(kinds.count(kind) >= 30 for kind in (*KINDS, "none"))


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_has_precision_and_recall_of_at_least_085(kind: str) -> None:
    precision, recall = scores()[kind]
    assert precision >= 0.85 and recall >= 0.85, f"{kind}: precision {precision:.3f}, recall {recall:.3f}"


def test_checkable_marks_the_claims_with_figures_dates_and_amounts() -> None:
    rows = [(checkable, predict(sentence)) for kind, checkable, sentence in labelled() if kind != "none"]
    agree = sum(1 for checkable, (_, got) in rows if got == checkable)
    assert agree / len(rows) >= 0.9


def test_narration_is_not_a_claim_and_a_hedge_beats_attribution() -> None:
    assert predict("When he finally spoke, the room went quiet.")[0] == "none"
    assert predict("Tidewater reportedly asked the council to keep the price secret.")[0] == "hedged"
    assert predict("Officials said the keeper had allegedly left his post.")[0] == "hedged"


if __name__ == "__main__":
    for kind, (precision, recall) in scores().items():
        print(f"{kind:<11} precision {precision:.3f}  recall {recall:.3f}")
