"""Kindle import at scale: 1,000, 10,000 and 100,000 clippings of one book, and the ratio per
tenfold (linear is about 10×). Beside it, in the same run: parsing the same clippings alone.

Run by hand:  .venv/bin/python tests/benchmarks/bench_import.py [BOOK.txt]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from annotations import open_store
from annotations.importing import import_clippings, parse_clippings
from content import load_document


def clippings_file(text: str, title: str, count: int) -> str:
    words = text.split()
    entries = []
    for n in range(count):
        start = (n * 37) % max(1, len(words) - 12)
        passage = " ".join(words[start : start + 8 + n % 5])
        entries.append(
            f"{title} (A. Author)\n- Your Highlight on page 1 | Location {n}-{n + 1} | "
            f"Added on Monday, 1 January 2024 10:00:00\n\n{passage}\n=========="
        )
    return "\n".join(entries) + "\n"


def main() -> None:
    book = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[3] / "shared/corpus/war_and_peace.txt"
    document = load_document(str(book))
    previous = None
    for count in (1_000, 10_000, 100_000):
        raw = clippings_file(document.text, document.title, count)
        started = time.perf_counter()
        parsed = parse_clippings(raw)
        parse_seconds = time.perf_counter() - started
        with tempfile.TemporaryDirectory() as folder:
            store = open_store(document, Path(folder))
            started = time.perf_counter()
            result = import_clippings(store, document.title, parsed)
            seconds = time.perf_counter() - started
        ratio = f"  {seconds / previous:5.1f}× the tenth" if previous else ""
        print(
            f"{count:>7} clippings: import {seconds:7.2f} s (added {result.added}, skipped {result.skipped})"
            f"{ratio};  baseline: parsing them {parse_seconds:.2f} s"
        )
        previous = seconds


if __name__ == "__main__":
    main()
