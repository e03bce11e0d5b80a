"""`postil quotes` on a book, process start included, and sentences, quotes and claims
together in one process (budget: 3 s on War and Peace).

Run by hand:  .venv/bin/python tests/benchmarks/bench_analysis.py [BOOK.txt]

Beside it, in the same run: a bare Python start, and pysbd's sentence splitting of the
same text when pysbd is installed (`pip install pysbd`).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 3
ALL_STAGES = (
    "from content import load_document; from content.analysis import analyse; analyse(load_document({book!r})).run()"
)


def timed(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    book = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[3] / "shared/corpus/war_and_peace.txt"
    if not book.exists():
        sys.exit(f"no book at {book}; pass one as the first argument")
    postil = str(Path(sys.executable).with_name("postil"))
    rows = [
        ("baseline: python -c pass", [timed([sys.executable, "-c", "pass"]) for _ in range(RUNS)]),
        (f"postil quotes {book.name} --json", [timed([postil, "quotes", str(book), "--json"]) for _ in range(RUNS)]),
        (f"postil claims {book.name} --json", [timed([postil, "claims", str(book), "--json"]) for _ in range(RUNS)]),
        (
            f"postil sentences {book.name} --json",
            [timed([postil, "sentences", str(book), "--json"]) for _ in range(RUNS)],
        ),
        (
            f"sentences + quotes + claims of {book.name}, one process",
            [timed([sys.executable, "-c", ALL_STAGES.format(book=str(book))]) for _ in range(RUNS)],
        ),
    ]
    try:
        import pysbd  # noqa: F401

        code = f"import pysbd; pysbd.Segmenter(language='en', clean=False).segment(open({str(book)!r}).read())"
        rows.append(("baseline: pysbd sentences (same text)", [timed([sys.executable, "-c", code]) for _ in range(1)]))
    except ImportError:
        rows.append(("baseline: pysbd not installed", []))
    width = max(len(label) for label, _ in rows)
    for label, samples in rows:
        figure = f"{statistics.median(samples):7.2f} s" if samples else "      —"
        print(f"{label:<{width}}  {figure}")


if __name__ == "__main__":
    main()
