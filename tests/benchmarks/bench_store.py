"""The annotation store at scale (DESIGN.md §8): adding to a file that already holds
10,000 annotations (budget 100 ms), and re-anchoring 1,000 annotations after an edit
(budget 1 s). Run by hand:  .venv/bin/python tests/benchmarks/bench_store.py [BOOK.txt]

Baselines in the same run: tomllib reading the same 10,000-annotation file, and a bare
`str.find` of each of the 1,000 passages in the edited text.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from annotations import Annotation, AnnotationStore, DocumentInfo
from content import load_document
from content.analysis import analyse

RUNS = 5


def median_ms(samples: list[float]) -> str:
    return (
        f"{statistics.median(samples) * 1000:8.1f} ms  (min {min(samples) * 1000:.1f}, max {max(samples) * 1000:.1f})"
    )


def main() -> None:
    book = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[3] / "shared/corpus/war_and_peace.txt"
    document = load_document(str(book)) if book.exists() else load_document(None)
    text = document.text
    sentences = [s for s in analyse(document).sentences if s.end - s.start > 30]
    info = DocumentInfo(document.title, document.source, document.fingerprint, document.format)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.toml"
        store = AnnotationStore.open(path, text, info)
        step = max(1, len(sentences) // 10_000)
        picked = (sentences * (1 + 10_000 // max(1, len(sentences))))[::step][:10_000]
        store.annotations = [
            Annotation.on_text(text, s.start, s.end, id=f"n{i:05d}", note=f"note {i}") for i, s in enumerate(picked)
        ]
        store.save()
        data = path.read_bytes()
        rows.append(
            ("baseline: tomllib.loads of the 10,000-annotation file", [_timed(lambda: tomllib.loads(data.decode()))])
        )
        adds = []
        for run in range(RUNS):
            s = sentences[run]
            annotation = Annotation.on_text(text, s.start, s.end, id=f"extra{run}")
            began = time.perf_counter()
            store.add(annotation)
            adds.append(time.perf_counter() - began)
        rows.append(("add one to a file of 10,000 and save it", adds))

        edited = "A NEW FIRST PARAGRAPH, inserted by an edit.\n\n" + text
        thousand = store.annotations[:: max(1, len(store.annotations) // 1000)][:1000]
        rows.append(
            (
                "baseline: str.find of 1,000 passages in the edited text",
                [_timed(lambda: [edited.find(a.exact) for a in thousand])],
            )
        )
        reanchors = []
        for _ in range(3):
            fresh = AnnotationStore(Path(folder) / "unused.toml", info)
            fresh.annotations = [Annotation(a.id, a.exact, a.start, a.end, a.prefix, a.suffix) for a in thousand]
            began = time.perf_counter()
            fresh.reanchor(edited)
            reanchors.append(time.perf_counter() - began)
            assert not fresh.orphans
        rows.append(("re-anchor 1,000 annotations after an insertion", reanchors))
    print(f"text: {book.name if book.exists() else 'sample'} ({len(text):,} characters)")
    width = max(len(label) for label, _ in rows)
    for label, samples in rows:
        print(f"{label:<{width}}  {median_ms(samples)}")


def _timed(work: object) -> float:
    began = time.perf_counter()
    work()  # type: ignore[operator]
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
