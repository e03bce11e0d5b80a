"""How long the reader takes to answer a key on a book, after its analysis is done.

Run by hand:  .venv/bin/python tests/benchmarks/bench_keys.py [BOOK.txt]

Each key is pressed through Textual's Pilot and waited on until the screen is idle. The
same wait for a key that is bound to nothing is printed beside it as the baseline: the
difference is the reader's own work (DESIGN §8 budget: about one frame, 16 ms).
"""

from __future__ import annotations

import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from content import load_document
from tui.app import make_app
from tui.config import Config

PRESSES = 20


async def measure(book: Path) -> None:
    document = load_document(str(book))
    app = make_app(document, data_dir=Path(tempfile.mkdtemp()), config=Config())
    async with app.run_test(size=(120, 40)) as pilot:
        while not app.screen.reading.analysed():  # type: ignore[attr-defined]
            await pilot.pause(0.2)
        await pilot.pause(0.5)
        rows = []
        for label, key in (
            ("baseline: a key bound to nothing", "z"),
            ("page down (space)", "space"),
            ("next sentence ())", "right_parenthesis"),
            ("next quote (])", "right_square_bracket"),
            ("next claim (>)", "greater_than_sign"),
        ):
            times = []
            for _ in range(PRESSES):
                start = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                times.append(time.perf_counter() - start)
            rows.append((label, statistics.median(times)))
        # The reader's own share of a key: drawing a screen of rows from a cold cache,
        # updating the marks and the status line. The rest of a key is Textual's.
        article = app.screen.query_one("#article")
        article.scroll_to(y=article.max_scroll_y // 2, animate=False, immediate=True)
        await pilot.pause()
        own = []
        for _ in range(PRESSES):
            start = time.perf_counter()
            article._cache.clear()
            for y in range(40):
                article.render_line(y)
            app.screen.redraw()  # type: ignore[attr-defined]
            own.append(time.perf_counter() - start)
        rows.append(("reader's own work per key: 40 rows drawn cold + marks + status", statistics.median(own)))
    width = max(len(label) for label, _ in rows)
    baseline = rows[0][1]
    for label, median in rows:
        plain = label.startswith(("baseline", "reader's own"))
        extra = "" if plain else f"  (+{(median - baseline) * 1000:.1f} ms over baseline)"
        print(f"{label:<{width}}  {median * 1000:6.1f} ms median{extra}")


def main() -> None:
    book = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[3] / "shared/corpus/war_and_peace.txt"
    if not book.exists():
        sys.exit(f"no book at {book}; pass one as the first argument")
    asyncio.run(measure(book))


if __name__ == "__main__":
    main()
