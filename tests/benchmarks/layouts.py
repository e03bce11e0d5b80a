"""How attribution holds when a book is written differently: the training novels rewritten in
other layouts and styles, each scored by the project's scorer as it scores the novels as written.

Run by hand, never by the tests (it takes a few minutes, and needs the training split):

    .venv/bin/python tests/benchmarks/layouts.py --data ../shared/eval/data-train \\
        --score ../shared/eval/score.py [--only WORDS]

Each rewrite keeps every quotation's speaker and its span (moved where the text's length
changes), and so the scorer's gold. Nothing is written outside a temporary folder, and no
text from the data is kept.
"""

from __future__ import annotations

import argparse
import ast
import bisect
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

Rewrite = Callable[[re.Match[str]], str]

_PRESENT = {
    "said": "says",
    "asked": "asks",
    "replied": "replies",
    "cried": "cries",
    "answered": "answers",
    "returned": "returns",
    "exclaimed": "exclaims",
    "continued": "continues",
    "added": "adds",
    "whispered": "whispers",
    "muttered": "mutters",
    "observed": "observes",
    "inquired": "inquires",
    "rejoined": "rejoins",
    "repeated": "repeats",
    "murmured": "murmurs",
    "remarked": "remarks",
    "interrupted": "interrupts",
    "retorted": "retorts",
    "called": "calls",
    "laughed": "laughs",
    "sighed": "sighs",
}
_TITLE_DOT = r"\b(Mr|Mrs|Dr|St)\."


def _curled(match: re.Match[str]) -> str:
    """A straight double mark as an edition curls it: opening after a space or a bracket, and
    after a dash where a word follows; closing everywhere else."""
    text, at = match.string, match.start()
    before = text[at - 1] if at else "\n"
    after = text[at + 1] if at + 1 < len(text) else "\n"
    if before.isspace() or before in "([":
        return "“"
    if before in "-—":
        return "”" if after.isspace() or after in ",.;:!?" else "“"
    return "”"


def _e_book(match: re.Match[str]) -> str:
    found = match.group()
    if found == "--":
        return "—"
    if found == '"':
        return _curled(match)
    return "\n" if found == "\n\n" else " "


# name → (pattern, what each match becomes, whether the character lists change likewise)
VARIANTS: dict[str, tuple[str, Rewrite, bool] | None] = {
    "as written": None,
    "a paragraph on each line": (r"\n\n|(?<!\n)\n(?!\n)", lambda m: " \n" if m.group() == "\n\n" else " ", False),
    "indented by a space, no blank lines": (r"\n\n", lambda m: "\n ", False),
    "indented by 4 spaces after blank lines": (r"\n\n", lambda m: "\n\n    ", False),
    "two blank lines between paragraphs": (r"\n\n", lambda m: "\n\n\n\n", False),
    "curled marks, dashes, a paragraph on each line": (r'--|"|\n\n|(?<!\n)\n(?!\n)', _e_book, False),
    "curled double marks": (r'"', _curled, False),
    "curled single marks, as British editions print dialogue": (
        r'"',
        lambda m: {"“": "‘", "”": "’"}[_curled(m)],
        False,
    ),
    "straight single marks": (r'"', lambda m: "'", False),
    '"--" written "—"': (r"--", lambda m: "—", False),
    'titles without a full stop ("Mrs Arden")': (_TITLE_DOT, lambda m: m.group(1), True),
    "verbs of saying in the present tense": (rf"\b(?:{'|'.join(_PRESENT)})\b", lambda m: _PRESENT[m.group()], False),
}


def rewrite(text: str, pattern: str, replace: Rewrite) -> tuple[str, Callable[[int], int]]:
    """`text` with each match of `pattern` replaced, and where each old offset now is."""
    pieces: list[str] = []
    ends: list[int] = []
    shifts: list[int] = []
    at = shift = 0
    for match in re.finditer(pattern, text):
        new = replace(match)
        pieces += (text[at : match.start()], new)
        shift += len(new) - (match.end() - match.start())
        ends.append(match.end())
        shifts.append(shift)
        at = match.end()
    pieces.append(text[at:])

    def moved(offset: int) -> int:
        index = bisect.bisect_right(ends, offset) - 1
        return offset + (shifts[index] if index >= 0 else 0)

    return "".join(pieces), moved


def write_variant(source: Path, target: Path, variant: tuple[str, Rewrite, bool] | None) -> None:
    """The PDNC folder `source` rewritten into `target`, in the layout the scorer reads."""
    for novel in sorted(p for p in (source / "pdnc").iterdir() if (p / "novel_text.txt").exists()):
        out = target / "pdnc" / novel.name
        out.mkdir(parents=True)
        if variant is None:
            for name in ("novel_text.txt", "quotation_info.csv", "character_info.csv"):
                shutil.copy(novel / name, out / name)
            continue
        pattern, replace, _ = variant
        text, moved = rewrite((novel / "novel_text.txt").read_text(encoding="utf-8"), pattern, replace)
        (out / "novel_text.txt").write_text(text, encoding="utf-8")
        quotations = _rows(novel / "quotation_info.csv")
        for row in quotations:
            row["speaker"] = _renamed(row["speaker"], variant)
            try:
                spans = ast.literal_eval(row["quoteByteSpans"])
            except (ValueError, SyntaxError):
                continue
            row["quoteByteSpans"] = str([[moved(a), moved(b)] for a, b in spans])
        characters = _rows(novel / "character_info.csv")
        for row in characters:
            row["Main Name"], row["Aliases"] = _renamed(row["Main Name"], variant), _renamed(row["Aliases"], variant)
        for name, rows in (("quotation_info.csv", quotations), ("character_info.csv", characters)):
            with open(out / name, "w", encoding="utf-8", newline="") as f:
                writer = csv.DictWriter(f, fieldnames=list(rows[0]))
                writer.writeheader()
                writer.writerows(rows)


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _renamed(name: str, variant: tuple[str, Rewrite, bool]) -> str:
    """A speaker's name as the rewritten text writes it, where the rewrite touches names."""
    pattern, replace, names_too = variant
    return re.sub(pattern, replace, name) if names_too else name


def score(score_py: Path, data: Path, command: str) -> dict[str, float]:
    """score.py's PDNC figures for the novels in `data`, postil caching in a folder of its own."""
    env = dict(os.environ, POSTIL_CACHE_DIR=str(data / "cache"))
    result = subprocess.run(
        [sys.executable, str(score_py), "--cmd", command, "--data", str(data), "--suite", "pdnc", "--json"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return dict(json.loads(result.stdout)["pdnc"])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="the training split (its pdnc folder is read)")
    parser.add_argument("--score", type=Path, required=True, help="score.py")
    parser.add_argument("--cmd", default=str(Path(sys.executable).with_name("postil")), help="the postil command")
    parser.add_argument("--only", nargs="*", default=[], help="only the rewrites whose name holds one of these")
    args = parser.parse_args()
    print("| the training novels | PDNC speaker accuracy | quote recall |\n|---|---|---|")
    for name, variant in VARIANTS.items():
        if args.only and not any(word in name for word in args.only):
            continue
        with tempfile.TemporaryDirectory() as folder:
            write_variant(args.data, Path(folder), variant)
            found = score(args.score, Path(folder), args.cmd)
        print(f"| {name} | {found['speaker_accuracy']:.4f} | {found['quote_recall']:.4f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
