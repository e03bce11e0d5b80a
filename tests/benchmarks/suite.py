"""postil's benchmark suite: every speed budget of the project, each beside its yardstick.

Run by hand, not by the tests (it takes several minutes):

    .venv/bin/pip install -e '.[bench]'
    .venv/bin/python tests/benchmarks/suite.py [--rounds 5] [--only WORDS] [--book FILE] [--markdown FILE]

Every row is measured against its baseline in the same harness and in turns, A B A B,
for at least 5 rounds after one uncounted warm-up of each; the table gives medians with
min–max, the ratio and the budget. Screens are timed in a real terminal (tmux, read
through one control-mode client); key latency is from the key to the changed screen.
tests/benchmarks/README.md explains each row.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from harness import Row, Terminal, interleave, machine, table, timed_command

from content.cache import CACHE_DIR_ENV

HERE = Path(__file__).parent
PYTHON = sys.executable
POSTIL = str(Path(sys.executable).with_name("postil"))
SHARED = HERE.parents[2] / "shared" / "corpus"
STATUS = " notes · "
"""The reader's status line, drawn last: the first screen is complete when it shows."""


def _fresh_state(env: dict[str, str], folder: Path) -> dict[str, str]:
    """Every reader starts with no remembered position (which would open the book elsewhere)."""
    return {**env, "POSTIL_STATE_DIR": tempfile.mkdtemp(prefix="state-", dir=folder)}


def _analysed_afresh() -> None:
    """Forget the analyses a book keeps in the cache (`content/analysis/kept.py`): every row
    but the one that says so times the analysis itself, as a book's first opening does."""
    shutil.rmtree(Path(os.environ[CACHE_DIR_ENV]) / "analysis", ignore_errors=True)


def _status_ready(screen: str) -> bool:
    return STATUS in screen or " note · " in screen


_SGR_RUN = re.compile(r"(?:\x1b\[[0-9;]*m)*$")


def _style_at(styled: str, text: str) -> str | None:
    """The escape sequences drawn just before `text` in the article (left of the side pane's
    border) on a styled screen; None if it is not there."""
    for line in styled.splitlines():
        article = line.split("▏", 1)[0]
        at = article.find(text)
        if at >= 0:
            return _SGR_RUN.search(article, 0, at).group()  # type: ignore[union-attr]
    return None


class Setup:
    """The files the rows need, made once in a temporary folder."""

    def __init__(self, book: Path, markdown: Path | None) -> None:
        # postil runs as a user's install runs it: with its modules compiled, as pip compiles
        # them on install (and as Textual's are). An editable install under
        # PYTHONDONTWRITEBYTECODE would otherwise compile them again at every start.
        packages = [str(HERE.parents[1] / name) for name in ("content", "annotations", "tui")]
        subprocess.run([PYTHON, "-m", "compileall", "-q", *packages], check=True)
        self.folder = Path(tempfile.mkdtemp(prefix="postil-suite-"))
        # The suite's own cache (add indexes, kept regex code), not the user's: the first
        # run of each row fills it, as a user's first run does.
        os.environ[CACHE_DIR_ENV] = str(self.folder / "cache")
        self.book = book
        self.markdown = markdown
        self.text = book.read_text(encoding="utf-8")
        self.opening: tuple[str, str] = ("", "")
        """The starts of the book's first two sentences: `)` moves the cursor from one to the other."""
        self.big_store = self._store_of_10k()
        for times in (4, 8):
            (self.folder / f"book{times}x.txt").write_text(self.text * times, encoding="utf-8")
        # The book as one paragraph (a file whose paragraphs lost their blank lines), and one
        # line of quotations with no full stop, 1,000 and 2,000 of them (a pasted transcript).
        (self.folder / "book1p.txt").write_text(" ".join(self.text.split()), encoding="utf-8")
        for turns in (1000, 2000):
            line = " ".join(
                f"“Turn {n} of the long night, and the tide is out,” said {'Hale' if n % 2 else 'Berg'},"
                for n in range(turns)
            )
            (self.folder / f"line{turns}.txt").write_text(
                f"Ida Hale and Tomas Berg sat on the pier.\n\n{line}\n", encoding="utf-8"
            )

    def data_dir(self, with_10k: bool) -> str:
        """A fresh data folder: empty, or holding the 10,000-annotation file."""
        folder = Path(tempfile.mkdtemp(dir=self.folder))
        if with_10k:
            target = Path(self._where(str(folder)))
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(self.big_store, target)
        return str(folder)

    def _where(self, data_dir: str) -> str:
        argv = [POSTIL, "where", str(self.book), "--data-dir", data_dir]
        return subprocess.run(argv, check=True, capture_output=True, text=True).stdout.strip()

    def _store_of_10k(self) -> Path:
        from annotations import Annotation, AnnotationStore, DocumentInfo
        from content import load_document
        from content.analysis import analyse

        document = load_document(str(self.book))
        every = analyse(document).sentences
        first, second = (document.text[s.start : s.end].split("\n")[0][:12] for s in every[:2])
        self.opening = (first, second)
        sentences = [s for s in every if s.end - s.start > 30]
        step = max(1, len(sentences) // 10_000)
        picked = sorted({(s.start, s.end) for s in sentences[::step]})[:10_000]
        info = DocumentInfo(document.title, document.source, document.fingerprint, document.format)
        path = self.folder / "big.toml"
        store = AnnotationStore(path, info)
        store.text = document.text
        store.annotations = [
            Annotation.on_text(document.text, start, end, id=f"n{i:05d}", note=f"note {i}", tags=["bench"])
            for i, (start, end) in enumerate(picked)
        ]
        store.save()
        return path


class Sessions:
    """One round's sessions in the terminal: each measures several rows in one process."""

    def __init__(self, terminal: Terminal, setup: Setup) -> None:
        self.t = terminal
        self.setup = setup

    def reader(self, with_10k: bool, search: bool) -> dict[str, float]:
        """postil on the book: the first screen; `)` at once, while the book is analysed;
        then, with the analysis done and the notes read, the process's first `h`; then the
        search keys `/`, the query, `enter` and `n`."""
        t = self.t
        data = self.setup.data_dir(with_10k)
        _analysed_afresh()
        began = t.start([POSTIL, str(self.setup.book)], env=_fresh_state({"POSTIL_DATA_DIR": data}, self.setup.folder))
        got = {"first screen": t.wait(_status_ready, began, "the reader's first screen")}
        # The cursor is on the first sentence from the first screen; its number follows only
        # once the book is split, so the text may not change: `)` is done when the cursor's
        # colours have left the first sentence for the second (read with the escape sequences:
        # a text-only screen would take the next repaint of anything for the answer).
        first, second = self.setup.opening
        before = t.screen(styled=True)
        was = (_style_at(before, first), _style_at(before, second))

        def moved(screen: str) -> bool:
            now = (_style_at(screen, first), _style_at(screen, second))
            return None not in now and now[0] != was[0] and now[1] != was[1]

        got[")"] = t.key(")", moved, "the cursor on the second sentence after )", styled=True)
        self._analysed()
        notes = "10000 notes" if with_10k else " 0 notes "
        t.wait(lambda s: notes in s, began, "the notes to be read")
        time.sleep(2.5)  # the notices `]` may have raised are gone: they cover the count
        self._off_a_highlight()
        count = "10001 notes" if with_10k else " 1 note "
        got["h"] = t.key("h", lambda s: count in s, "the count of notes after h")
        if search:
            got.update(self._search())
        t.stop()
        return got

    def _off_a_highlight(self) -> None:
        """Move the cursor, sentence by sentence, until it is on text no note covers: there `h`
        makes a new highlight (on a highlighted quote it would only say so)."""
        for _ in range(10):
            status = self.t.screen().splitlines()[-2]
            if not re.search(r"· (?:yellow|green|blue|pink|purple)\b", status):
                return
            self.t.key(")", lambda s, old=status: s.splitlines()[-2] != old, "the cursor after )")
        raise RuntimeError("ten sentences in a row are highlighted")

    def _analysed(self) -> None:
        """Wait for the background analysis: `]` finds a quote once it is done."""
        deadline = time.perf_counter() + 120
        while time.perf_counter() < deadline:
            screen = self.t.screen()
            if re.search(r"quote \d+/", screen):
                return
            self.t.command("send-keys -t bench ]")
            time.sleep(0.25)
        raise RuntimeError("the analysis did not finish in 120 s")

    def _search(self) -> dict[str, float]:
        """postil's search: `/` opens the bar, the query is searched as it is typed, `enter`
        keeps the match and closes the bar, `n` goes to the next match."""
        t = self.t
        # From the top, so that the first match and the next are the same ones every round.
        t.key("g", lambda s: re.search(r"^\s*sentence 1/", s, re.MULTILINE) is not None, "the cursor at the top")
        got = {"/": t.key("/", lambda s: "smart case" in s, "the search bar")}
        t.key("prince", lambda s: re.search(r"match \d+/", s) is not None, "the query typed and searched", literal=True)
        got["enter"] = t.key("Enter", lambda s: "/prince" not in s.replace(" ", ""), "the search bar closed")
        # The first match is the first after the cursor, wherever the analysis left it.
        found = re.search(r"match (\d+)/", t.screen())
        following = f"match {int(found.group(1)) + 1 if found else 2}/"
        got["n"] = t.key("n", lambda s: following in s, "the next match")
        return got

    def bare(self) -> dict[str, float]:
        """The bare Line-API viewer on the same book: first screen, `)`, `/`, `enter`, `n`."""
        t = self.t
        began = t.start([PYTHON, str(HERE / "bare_viewer.py"), str(self.setup.book)])
        got = {"first screen": t.wait(lambda s: "ready" in s, began, "the bare viewer's first screen")}
        got[")"] = t.key(")", lambda s: "line " in s, "the bare viewer's cursor")
        before = t.screen()
        got["/"] = t.key("/", lambda s: s != before, "the bare viewer's prompt")
        got.update(
            self._search_rest(lambda s: "match " in s),
        )
        t.stop()
        return got

    def _search_rest(self, matched: Callable[[str], bool]) -> dict[str, float]:
        t = self.t
        t.key("prince", lambda s: "prince" in s, "the query typed", literal=True)
        got = {"enter": t.key("Enter", matched, "the first match")}
        before = t.screen()
        got["n"] = t.key("n", lambda s: s != before, "the next match")
        return got

    def less(self) -> dict[str, float]:
        t = self.t
        began = t.start(["less", str(self.setup.book)], env={"LESS": "", "LESSHISTFILE": "-"})
        first_line = next(line for line in self.setup.text.splitlines() if line.strip())[:40]
        got = {"first screen": t.wait(lambda s: first_line in s, began, "less's first screen")}
        before = t.screen()
        got["/"] = t.key("/", lambda s: s != before, "less's prompt")
        t.key("prince", lambda s: "prince" in s, "the query typed", literal=True)
        before = t.screen()
        got["enter"] = t.key("Enter", lambda s: s != before, "less's first match")
        before = t.screen()
        got["n"] = t.key("n", lambda s: s != before, "less's next match")
        t.stop()
        return got

    def import_textual(self) -> float:
        """`python -c "import textual.app"` to its end, in the same pane."""
        t = self.t
        marker = "imported-textual-app"
        code = f"import textual.app; print({marker!r})"
        began = t.start([PYTHON, "-c", code])
        return t.wait(lambda s: marker in s, began, "import textual.app")

    def markdown(self) -> dict[str, float]:
        """The Markdown book: its first screen (drawn from the first part while the rest is
        parsed), and the reader with the whole book parsed."""
        assert self.setup.markdown is not None
        env = _fresh_state({"POSTIL_DATA_DIR": self.setup.data_dir(False)}, self.setup.folder)
        _analysed_afresh()
        began = self.t.start([POSTIL, str(self.setup.markdown)], env=env)
        got = {"": self.t.wait(lambda s: "rest of the book" in s or _status_ready(s), began, "the first screen")}
        got["reader"] = self.t.wait(_status_ready, began, "the reader with the whole book")
        self.t.stop()
        return got


def terminal_rows(setup: Setup, rounds: int, wanted: Callable[[str], bool]) -> list[Row]:
    terminal = Terminal()
    sessions = Sessions(terminal, setup)
    samples: dict[str, list[float]] = {}

    def keep(prefix: str, got: dict[str, float]) -> None:
        for key, value in got.items():
            samples.setdefault(f"{prefix} {key}", []).append(value)

    try:
        for round_ in range(rounds + 1):  # round 0 warms the page cache and is not counted
            results: list[tuple[str, dict[str, float]]] = [
                ("postil", sessions.reader(with_10k=False, search=True)),
                ("bare", sessions.bare()),
                ("postil10k", sessions.reader(with_10k=True, search=False)),
                ("import", {"": sessions.import_textual()}),
                ("less", sessions.less()),
            ]
            if setup.markdown is not None:
                results.append(("markdown", sessions.markdown()))
            if round_:
                for prefix, got in results:
                    keep(prefix, got)
            print(f"  terminal round {round_}/{rounds} done", file=sys.stderr)
    finally:
        terminal.close()

    def row(
        label: str, ours: str, baseline: str, theirs: str, budget: str, check: Callable[[float, float], bool]
    ) -> Row:
        return Row(label, baseline, budget, check, samples[ours], samples[theirs])

    name = setup.book.name
    rows = [
        row(f"first screen, {name}", "postil first screen", "`import textual.app`", "import ", "≤ 2.2×", _ratio(2.2)),
        row(f"first screen, {name}", "postil first screen", "bare Line-API viewer", "bare first screen", "—", _none),
        row(
            f"first screen, {name} + 10,000 annotations",
            "postil10k first screen",
            f"{name}, no annotations",
            "postil first screen",
            "≤ 1.3×",
            _ratio(1.3),
        ),
        row(
            "first `h`, 10,000 annotations",
            "postil10k h",
            "first `h`, no annotations",
            "postil h",
            "≤ 100 ms",
            _under(0.1),
        ),
        row("`)` while the book is analysed", "postil )", "`)` in the bare viewer", "bare )", "≤ 50 ms", _under(0.05)),
        row("search `/` (prompt open)", "postil /", "`/` in the bare viewer", "bare /", "≤ +30 ms", _over(0.03)),
        row(
            "search `enter` (first match)",
            "postil enter",
            "`enter` in the bare viewer",
            "bare enter",
            "≤ +30 ms",
            _over(0.03),
        ),
        row("search `n` (next match)", "postil n", "`n` in the bare viewer", "bare n", "≤ +30 ms", _over(0.03)),
        row("search `n` (next match)", "postil n", "`n` in less", "less n", "—", _none),
        row("search `enter` (first match)", "postil enter", "`enter` in less", "less enter", "—", _none),
    ]
    if setup.markdown is not None:
        rows.append(
            row(
                f"first screen, {setup.markdown.name}",
                "markdown ",
                "`import textual.app`",
                "import ",
                "≤ 2.5×",
                _ratio(2.5),
            )
        )
        rows.append(
            row(
                f"reader ready, {setup.markdown.name} (all parsed)",
                "markdown reader",
                "`import textual.app`",
                "import ",
                "—",
                _none,
            )
        )
    return [r for r in rows if wanted(r.label)]


def command_rows(setup: Setup, rounds: int, wanted: Callable[[str], bool]) -> list[Row]:
    book = str(setup.book)
    rows: list[Row] = []

    def add(row: Row, ours: Callable[[], float], theirs: Callable[[], float]) -> None:
        if wanted(row.label):
            rows.append(interleave(row, ours, theirs, rounds))
            print(f"  {row.label}: done", file=sys.stderr)

    def postil(*args: str, data: Callable[[], str] | None = None) -> Callable[[], float]:
        def run() -> float:
            env = {"POSTIL_DATA_DIR": data()} if data else None
            _analysed_afresh()
            return timed_command([POSTIL, *args], env)

        return run

    sentence = next(line.strip() for line in setup.text.splitlines() if len(line.strip()) > 40)[:40]
    big = lambda: setup.data_dir(True)  # noqa: E731 - a fresh copy per run: add refuses a passage twice
    empty = lambda: setup.data_dir(False)  # noqa: E731
    big_dir = setup.data_dir(True)
    add(
        Row("`postil add` next to 10,000", "`postil add` to an empty store", "≤ 1.5×", _ratio(1.5)),
        postil("add", book, "--text", sentence, data=big),
        postil("add", book, "--text", sentence, data=empty),
    )
    listing = postil("list", book, "--json", data=lambda: big_dir)
    add(
        Row("`export --format html`, 10,000", "`list --json`, same store", "≤ 2 s", lambda ours, _: ours <= 2.0),
        postil("export", book, "--format", "html", data=lambda: big_dir),
        listing,
    )
    # Each run of this row first edits one more note by hand (not timed): the file's other
    # tables are read back from the cache, and the edited one is parsed.
    edit_dir = setup.data_dir(True)
    edit_file = Path(setup._where(edit_dir))
    edits = itertools.count()

    def edited() -> str:
        text = edit_file.read_text(encoding="utf-8")
        edit_file.write_text(text.replace('note = "note ', f'note = "edited {next(edits)}: note ', 1), encoding="utf-8")
        return edit_dir

    add(
        Row("`list --json`, 10,000, a note edited since", "`list --json`, same store", "≤ 1.3×", _ratio(1.3)),
        postil("list", book, "--json", data=edited),
        listing,
    )
    for kind in ("md", "json", "csv"):
        add(
            Row(f"`export --format {kind}`, 10,000", "`list --json`, same store", "≤ 1.3×", _ratio(1.3)),
            postil("export", book, "--format", kind, data=lambda: big_dir),
            listing,
        )
    blingfire = f"import blingfire; blingfire.text_to_sentences(open({book!r}, encoding='utf-8').read())"
    add(
        Row(f"`postil sentences` {setup.book.name}", "blingfire, same text", "≤ 2×", _ratio(2.0)),
        postil("sentences", book, "--json"),
        lambda: timed_command([PYTHON, "-c", blingfire]),
    )
    add(
        Row(f"`postil quotes` {setup.book.name} ×8", "the same ×4", "≤ 2.05× per doubling", _ratio(2.05)),
        postil("quotes", str(setup.folder / "book8x.txt"), "--json"),
        postil("quotes", str(setup.folder / "book4x.txt"), "--json"),
    )
    add(
        Row(f"`postil quotes` {setup.book.name} as one paragraph", "the same of the book", "≤ 1.3×", _ratio(1.3)),
        postil("quotes", str(setup.folder / "book1p.txt"), "--json"),
        postil("quotes", book, "--json"),
    )
    add(
        Row("`postil claims`, a line of 2,000 quotations", "the same of 1,000", "≤ 2.05× (linear)", _ratio(2.05)),
        postil("claims", str(setup.folder / "line2000.txt"), "--json"),
        postil("claims", str(setup.folder / "line1000.txt"), "--json"),
    )
    stages = (
        "from content import load_document; from content.analysis import analyse; "
        f"analyse(load_document({book!r})).run()"
    )
    add(
        Row(
            f"sentences + quotes + claims of {setup.book.name}, one process",
            "`python -c pass`",
            "≤ 3 s",
            lambda ours, _: ours <= 3.0,
        ),
        lambda: (_analysed_afresh(), timed_command([PYTHON, "-c", stages]))[1],
        lambda: timed_command([PYTHON, "-c", "pass"]),
    )
    # A book opened again reads back what its first analysis kept: timed right after a first
    # analysis (which kept it), against that first analysis.
    add(
        Row(
            f"sentences + quotes + claims of {setup.book.name}, one process, analysed before",
            "the same, analysed afresh",
            "—",
            _none,
        ),
        lambda: timed_command([PYTHON, "-c", stages]),
        lambda: (_analysed_afresh(), timed_command([PYTHON, "-c", stages]))[1],
    )
    sample = "postil:sample"
    add(
        Row("`postil quotes` on the sample", "`python -c pass`", "≤ 0.3 s", lambda ours, _: ours <= 0.3),
        postil("quotes", sample),
        lambda: timed_command([PYTHON, "-c", "pass"]),
    )
    # The first run after an install or an upgrade compiles the patterns that later runs read back.
    add(
        Row("`postil quotes` on the sample, first run", "`python -c pass`", "—", _none),
        lambda: timed_command([POSTIL, "quotes", sample], {CACHE_DIR_ENV: tempfile.mkdtemp(dir=setup.folder)}),
        lambda: timed_command([PYTHON, "-c", "pass"]),
    )
    store_code = (
        "import sys; from pathlib import Path; from annotations import AnnotationStore, DocumentInfo; "
        "from content import load_document; d = load_document(sys.argv[1]); "
        "info = DocumentInfo(d.title, d.source, d.fingerprint, d.format); "
        "AnnotationStore.open(Path(sys.argv[2]), d.text, info, write=False)"
    )
    toml_code = "import sys, tomllib; tomllib.loads(open(sys.argv[2], encoding='utf-8').read())"
    add(
        Row("open the 10,000-annotation store", "`tomllib.loads` of the file", "—", _none),
        lambda: timed_command([PYTHON, "-c", store_code, book, str(setup.big_store)]),
        lambda: timed_command([PYTHON, "-c", toml_code, book, str(setup.big_store)]),
    )
    return rows


def _ratio(limit: float) -> Callable[[float, float], bool]:
    return lambda ours, theirs: ours <= limit * theirs


def _under(limit: float) -> Callable[[float, float], bool]:
    return lambda ours, _theirs: ours <= limit


def _over(limit: float) -> Callable[[float, float], bool]:
    return lambda ours, theirs: ours - theirs <= limit


def _none(_ours: float, _theirs: float) -> bool:
    return True


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--only", default="", help="only rows whose label contains one of these words")
    parser.add_argument("--book", type=Path, default=SHARED / "war_and_peace.txt")
    parser.add_argument("--markdown", type=Path, default=SHARED / "wp_3m.md")
    parser.add_argument("--skip-terminal", action="store_true", help="only the command-line rows")
    args = parser.parse_args()
    if not args.book.exists():
        sys.exit(f"no book at {args.book}; pass one with --book")
    if shutil.which("tmux") is None and not args.skip_terminal:
        sys.exit("tmux is needed for the terminal rows (or pass --skip-terminal)")
    words = args.only.lower().split()

    def wanted(label: str) -> bool:
        return not words or any(word in label.lower() for word in words)

    setup = Setup(args.book, args.markdown if args.markdown.exists() else None)
    try:
        print(f"# postil benchmark suite: {machine()}, {args.rounds} rounds", file=sys.stderr)
        rows = command_rows(setup, args.rounds, wanted)
        if not args.skip_terminal:
            rows = terminal_rows(setup, args.rounds, wanted) + rows
    finally:
        shutil.rmtree(setup.folder, ignore_errors=True)  # the copies, the stores and the readers' state
    print(f"{machine()}; {args.rounds} rounds, interleaved; medians\n")
    print(table(rows))
    missed = [r.label for r in rows if not r.met()]
    print(
        f"\n{len(rows) - len(missed)}/{len(rows)} rows within budget"
        + (f"; over: {', '.join(missed)}" if missed else "")
    )


if __name__ == "__main__":
    main()
