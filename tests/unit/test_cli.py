from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ARTICLE = "A Quiet Harbour\n\nThe boats came in. The boats came in again. Nobody said a word.\n"


def postil(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, input=stdin, timeout=60)


def article(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.txt"
    path.write_text(ARTICLE)
    return path


def test_add_then_list_and_where(tmp_path: Path, data_dir: Path) -> None:
    path = article(tmp_path)
    added = postil(
        "add", str(path), "--text", "Nobody said a word.", "--note", "Why?", "--tag", "silence", "--color", "blue"
    )
    assert added.returncode == 0, added.stderr
    where = postil("where", str(path)).stdout.strip()
    assert where.startswith(str(data_dir / "annotations" / "harbour-")) and where.endswith(".toml")
    (entry,) = tomllib.loads(Path(where).read_text())["annotation"]
    assert (entry["exact"], entry["note"], entry["tags"], entry["color"], entry["kind"]) == (
        "Nobody said a word.",
        "Why?",
        ["silence"],
        "blue",
        "sentence",
    )
    listed = json.loads(postil("list", str(path), "--json").stdout)
    assert listed[0]["exact"] == "Nobody said a word." and listed[0]["orphan"] is False
    assert "Nobody said a word." in postil("list", str(path)).stdout


def test_add_takes_the_chosen_occurrence(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The boats came in", "--occurrence", "2").returncode == 0
    (entry,) = json.loads(postil("list", str(path), "--json").stdout)
    assert entry["start"] == ARTICLE.index("The boats came in again")
    too_many = postil("add", str(path), "--text", "The boats came in", "--occurrence", "3")
    assert too_many.returncode == 2 and "occurs 2 time" in too_many.stderr


def test_add_refuses_text_that_is_not_there(tmp_path: Path) -> None:
    result = postil("add", str(article(tmp_path)), "--text", "a sentence from elsewhere")
    assert result.returncode == 1
    assert result.stderr.startswith("postil: the text was not found") and result.stderr.count("\n") == 1


def test_a_broken_annotation_file_exits_1_with_file_and_line(tmp_path: Path) -> None:
    path = article(tmp_path)
    toml = Path(postil("where", str(path)).stdout.strip())
    toml.parent.mkdir(parents=True, exist_ok=True)
    toml.write_text('schema = 1\nbroken = "\n')
    for command in (("list", str(path)), ("add", str(path), "--text", "The boats")):
        result = postil(*command)
        assert result.returncode == 1
        assert f"{toml}:2" in result.stderr and "Traceback" not in result.stderr
    assert toml.read_text() == 'schema = 1\nbroken = "\n'


def test_errors_and_usage() -> None:
    missing = postil("list", "/nonexistent/file.txt")
    assert missing.returncode == 1 and missing.stderr == "postil: /nonexistent/file.txt: no such file\n"
    usage = postil("add", "x.txt")
    assert usage.returncode == 2 and "--text" in usage.stderr
    assert postil("--version").stdout.startswith("postil ")


def test_data_dir_option_wins(tmp_path: Path) -> None:
    path = article(tmp_path)
    other = tmp_path / "elsewhere"
    assert postil("add", str(path), "--text", "The boats", "--data-dir", str(other)).returncode == 0
    assert list((other / "annotations").glob("harbour-*.toml"))


def test_stdin_source_and_sentences_json() -> None:
    result = postil("sentences", "-", "--json", stdin=ARTICLE)
    sentences = json.loads(result.stdout)
    assert [s["text"] for s in sentences] == [
        "A Quiet Harbour",
        "The boats came in.",
        "The boats came in again.",
        "Nobody said a word.",
    ]
    clean = ARTICLE.rstrip("\n") + "\n"
    assert all(clean[s["start"] : s["end"]] == s["text"] for s in sentences)


def test_sample_needs_no_file() -> None:
    result = postil("list", "postil:sample")
    assert result.returncode == 0 and "no annotations" in result.stdout


def test_library_lists_every_annotated_document_with_counts(tmp_path: Path, data_dir: Path) -> None:
    assert postil("library").stdout.startswith("no annotated documents")
    assert json.loads(postil("library", "--json").stdout) == []
    path = article(tmp_path)
    postil("add", str(path), "--text", "Nobody said a word.", "--note", "Why?")
    postil("add", str(path), "--text", "The boats came in again.")
    postil("add", "postil:sample", "--text", "The Lighthouse Ledger")
    path.write_text(ARTICLE.replace("The boats came in again.", "The boats stayed out."))
    before = Path(postil("where", str(path)).stdout.strip()).read_bytes()
    postil("list", str(path))
    postil("export", str(path))
    assert Path(postil("where", str(path)).stdout.strip()).read_bytes() == before  # reading never writes
    reanchored = postil("reanchor", str(path))  # fits the notes to the edited article and saves it
    assert reanchored.stdout.startswith("1 annotation(s) placed, 1 orphan(s)")
    (entry, sample) = sorted(json.loads(postil("library", "--json").stdout), key=lambda e: e["source"])
    assert (entry["title"], entry["source"], entry["annotations"], entry["orphans"]) == (
        "A Quiet Harbour",
        str(path.resolve()),
        2,
        1,
    )
    assert entry["file"].startswith(str(data_dir)) and entry["changed"].endswith("Z")
    assert sample["source"] == "postil:sample" and sample["annotations"] == 1
    table = postil("library").stdout
    assert "A Quiet Harbour" in table and "The Lighthouse Ledger" in table
    assert re.search(r"\s2\s+1\s+A Quiet Harbour", table)


def test_adds_next_to_many_append_and_nothing_is_lost(tmp_path: Path, isolated_dirs: Path) -> None:
    """After one add, the file's index lets the next add append without reading it again.
    A hand edit in between, or a broken index, sends the add the slow way: still nothing lost."""
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "Nobody said a word.").returncode == 0
    indexes = list((isolated_dirs / "cache" / "index").glob("*.json"))
    assert len(indexes) == 1  # the cache, in the user cache dir

    assert postil("add", str(path), "--text", "The boats came in again.", "--note", "fast").returncode == 0
    where = Path(postil("where", str(path)).stdout.strip())
    written = where.read_text()
    assert written.rindex("The boats came in again.") > written.index("Nobody said a word.")  # appended
    assert len(list((isolated_dirs / "cache" / "index").glob("*.json"))) == 2  # one per version of the file
    named = hashlib.sha256(where.read_bytes()).hexdigest()
    assert (isolated_dirs / "cache" / "index" / f"{named}.json").exists()  # the next add finds it

    where.write_text(written.replace('note = "fast"', 'note = "edited by hand"'))
    assert postil("add", str(path), "--text", "The boats came in.").returncode == 0
    for number, index in enumerate((isolated_dirs / "cache" / "index").glob("*.json")):
        nonsense = ['{"version": 2, "digest": "' + index.stem + '", "ids": 5}', "[1, 2]", "\u0000{", "[[[[["]
        index.write_text(nonsense[number % len(nonsense)])
    assert postil("add", str(path), "--text", "A Quiet Harbour").returncode == 0

    listed = json.loads(postil("list", str(path), "--json").stdout)
    assert sorted(a["exact"] for a in listed) == [
        "A Quiet Harbour",
        "Nobody said a word.",
        "The boats came in again.",
        "The boats came in.",
    ]
    assert [a["note"] for a in listed if a["exact"] == "The boats came in again."] == ["edited by hand"]
    assert len({a["id"] for a in listed}) == 4
    again = postil("add", str(path), "--text", "The boats came in.")
    assert again.returncode == 1 and "already highlighted" in again.stderr


def test_search_finds_highlights_and_notes_across_the_library(tmp_path: Path, data_dir: Path) -> None:
    path = article(tmp_path)
    other = tmp_path / "lamp.txt"
    other.write_text("The Lamp\n\nThe lamp burned again. Marsh said so twice.\n")
    assert (
        postil("add", str(path), "--text", "The boats came in.", "--note", "Which BOATS? \x1b]52;c;AAAA\x07").returncode
        == 0
    )
    assert postil("add", str(path), "--text", "Nobody said a word.", "--tag", "silence").returncode == 0
    assert (
        postil("add", str(other), "--text", "The lamp burned again.", "--tag", "lamp", "--tag", "sources").returncode
        == 0
    )

    boats = postil("search", "boats")  # in the text of one and the note of another: smart case, any case
    assert boats.returncode == 0
    assert "A Quiet Harbour" in boats.stdout and "The boats came in." in boats.stdout
    assert "\x1b" not in boats.stdout and "\x07" not in boats.stdout  # the note's escape never reaches the terminal
    assert "The Lamp" not in boats.stdout
    assert postil("search", "BOATS").stdout.count("The boats came in.") == 1  # a capital asks for that case

    tagged = json.loads(postil("search", "", "--tag", "sources", "--tag", "#lamp", "--json").stdout)
    assert [(hit["title"], hit["exact"], hit["tags"]) for hit in tagged] == [
        ("The Lamp", "The lamp burned again.", ["lamp", "sources"])
    ]
    assert json.loads(postil("search", "word", "--tag", "lamp", "--json").stdout) == []

    (data_dir / "annotations" / "broken.toml").write_text("[[annotation]\n")
    still = postil("search", "silence")
    assert still.returncode == 0 and "Nobody said a word." in still.stdout
    assert "broken.toml: cannot be read" in still.stderr and "Traceback" not in still.stderr
