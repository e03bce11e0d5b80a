"""The training script's cross-validation, on a data folder of our own and a stand-in scorer
(the real one lives outside the project): what `--keep-folds` keeps, `--frozen-folds` reads."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from content.analysis import train
from content.analysis.ranker import WEIGHTS_ENV

_SCORER = f"""
import json, os, sys
from pathlib import Path
data = Path(sys.argv[sys.argv.index("--data") + 1])
weights = json.loads(Path(os.environ["{WEIGHTS_ENV}"]).read_text(encoding="utf-8"))
accuracy = weights["accuracy"]  # a stand-in's own field: which fold's weights it was given
novels = sorted(p.name for p in (data / "pdnc").iterdir())
per_novel = {{n: {{"speaker_accuracy": accuracy, "recall": 1.0, "gold": 4}} for n in novels}}
print(json.dumps({{"pdnc": {{"per_novel": per_novel}}}}))
"""


def _data(root: Path) -> Path:
    """Two short novels of our own, in the training split's layout."""
    (root / "polnear" / "train" / "text").mkdir(parents=True)
    for name, (speaker, line) in {
        "Harbour": ("Ida Holm", "The boat is late"),
        "Lamp": ("Tomas Berg", "Fill it"),
    }.items():
        novel = root / "pdnc" / name
        novel.mkdir(parents=True)
        text = f"Chapter 1\n\n“{line},” said {speaker.split()[0]}.\n"
        (novel / "novel_text.txt").write_text(text, encoding="utf-8")
        (novel / "character_info.csv").write_text(f"Main Name,Aliases,Gender\n{speaker},[],F\n", encoding="utf-8")
        start = text.index("“")
        (novel / "quotation_info.csv").write_text(
            f'speaker,quoteByteSpans\n{speaker},"[[{start}, {start + len(line) + 3}]]"\n', encoding="utf-8"
        )
    return root


def test_frozen_folds_score_the_code_with_the_weights_a_run_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, kept, scorer = _data(tmp_path / "data"), tmp_path / "kept", tmp_path / "score.py"
    scorer.write_text(_SCORER, encoding="utf-8")
    kept.mkdir()
    # The weights a run kept, one file per fold: each novel is its own fold here.
    for k, accuracy in enumerate((0.5, 1.0)):
        (kept / f"ranker-fold{k}.json").write_text(json.dumps({"accuracy": accuracy}), encoding="utf-8")
    args = ["--data", str(data), "--folds", "2", "--score", str(scorer), "--frozen-folds", str(kept)]
    assert train.main(args) == 0
    out = capsys.readouterr().out
    assert "scored with the weights kept in" in out
    # One novel read with each fold's weights, pooled: (0.5 × 4 + 1.0 × 4) / 8.
    assert json.loads(out[out.index("{") :])["pdnc_speaker_accuracy"] == 0.75
    assert sorted(line.split(":")[-1].strip() for line in out.splitlines() if "held-out novel" in line) == [
        "speaker accuracy 0.5",
        "speaker accuracy 1.0",
    ]


def test_frozen_folds_without_the_kept_weights_say_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, scorer = _data(tmp_path / "data"), tmp_path / "score.py"
    scorer.write_text(_SCORER, encoding="utf-8")
    (tmp_path / "kept").mkdir()
    args = ["--data", str(data), "--folds", "2", "--score", str(scorer), "--frozen-folds", str(tmp_path / "kept")]
    assert train.main(args) == 2
    out = capsys.readouterr().out.strip()
    assert len(out.splitlines()) == 1 and "ranker-fold0.json" in out and "ranker-fold1.json" in out


def test_keep_folds_copies_each_fold_s_weights(tmp_path: Path) -> None:
    made = [tmp_path / f"fold{k}.json" for k in range(2)]
    for k, path in enumerate(made):
        path.write_text(json.dumps({"fold": k}), encoding="utf-8")
    kept = tmp_path / "kept"
    train._keep_folds(argparse.Namespace(keep_folds=kept), made)
    assert [json.loads((kept / f"ranker-fold{k}.json").read_text(encoding="utf-8")) for k in range(2)] == [
        {"fold": 0},
        {"fold": 1},
    ]
