"""Time from starting `postil` to its first screen of text, in a real terminal (tmux).

Run by hand:  .venv/bin/python tests/benchmarks/bench_startup.py [BOOK.txt]

Prints, from the same run, baselines for a bare Python start and for importing Textual,
so the figures can be compared across machines. The median of several runs is shown.
"""

from __future__ import annotations

import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

RUNS = 7
POSTIL = str(Path(sys.executable).with_name("postil"))


def time_command(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, capture_output=True)
    return time.perf_counter() - start


def first_screen(args: list[str], expect: str, data_dir: str) -> float:
    """Seconds from launching postil in tmux until `expect` is on screen."""
    socket = f"bench-{uuid.uuid4().hex[:8]}"
    tmux = ["tmux", "-L", socket]
    command = f"env POSTIL_DATA_DIR={shlex.quote(data_dir)} {shlex.quote(POSTIL)} {' '.join(map(shlex.quote, args))}"
    # Hold the pane until the clock starts, then start postil: the wait is on a pipe.
    fifo = Path(tempfile.mkdtemp()) / "go"
    os.mkfifo(fifo)
    subprocess.run(
        [*tmux, "-f", os.devnull, "new-session", "-d", "-x", "120", "-y", "40", f"read _ < {fifo}; exec {command}"],
        check=True,
    )
    try:
        time.sleep(0.3)
        with open(fifo, "w") as go:
            start = time.perf_counter()
            go.write("go\n")
        while True:
            screen = subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True).stdout
            if expect in screen:
                return time.perf_counter() - start
            if time.perf_counter() - start > 30:
                raise RuntimeError(f"no first screen after 30 s:\n{screen}")
            time.sleep(0.005)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)


def median(samples: list[float]) -> str:
    return (
        f"{statistics.median(samples) * 1000:7.0f} ms  (min {min(samples) * 1000:.0f}, max {max(samples) * 1000:.0f})"
    )


def main() -> None:
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed for this benchmark")
    book = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parents[3] / "shared/corpus/war_and_peace.txt"
    data_dir = tempfile.mkdtemp()
    rows = [
        ("baseline: python -c pass", [time_command([sys.executable, "-c", "pass"]) for _ in range(RUNS)]),
        (
            "baseline: python -c 'import textual.app'",
            [time_command([sys.executable, "-c", "import textual.app"]) for _ in range(RUNS)],
        ),
        (
            "postil (sample article): first screen",
            [first_screen([], "The Lighthouse Ledger", data_dir) for _ in range(RUNS)],
        ),
    ]
    if book.exists():
        size = book.stat().st_size / 1e6
        first_line = next(
            line for line in book.read_text(encoding="utf-8", errors="replace").splitlines() if line.strip()
        )
        probe = first_line.strip()[:20]
        rows.append(
            (
                f"postil {book.name} ({size:.1f} MB): first screen",
                [first_screen([str(book)], probe, data_dir) for _ in range(3)],
            )
        )
    else:
        print(f"(no book at {book}; pass one as the first argument for the large-document figure)")
    width = max(len(label) for label, _ in rows)
    for label, samples in rows:
        print(f"{label:<{width}}  {median(samples)}")


if __name__ == "__main__":
    main()
