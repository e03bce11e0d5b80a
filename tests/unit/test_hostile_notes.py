"""Notes, tags and stored passages are as untrusted as article text: whichever way they come
in (postil add, a TOML file written by another program, an import), no escape sequence
reaches the terminal or an export, and odd bytes give a clean result, not a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ARTICLE = "Harbour Notes\n\nThe harbour was quiet that night. The lamp turned.\n"
OSC52 = "x \x1b]52;c;cHduZWQ=\x1b\\ y"  # writes "pwned" to the clipboard
CLEAR = "before \x1b[2J after"  # blanks the screen
DANGEROUS = ("\x1b", "\x9b", "\x9d", "\x07")


def postil(*args: str | bytes) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, timeout=60, env=os.environ)


def article(tmp_path: Path) -> Path:
    path = tmp_path / "c.txt"
    path.write_text(ARTICLE)
    return path


def assert_clean(output: bytes) -> None:
    text = output.decode("utf-8", "replace")
    assert not any(ch in text for ch in DANGEROUS), repr(text)


def test_a_note_with_escape_sequences_is_stored_and_shown_without_them(tmp_path: Path) -> None:
    path = article(tmp_path)
    added = postil("add", str(path), "--text", "The harbour", "--note", OSC52, "--tag", "a\x1b[31mred")
    assert added.returncode == 0, added.stderr
    where = postil("where", str(path)).stdout.decode().strip()
    stored = Path(where).read_text(encoding="utf-8")
    assert "\x1b" not in stored and "\\u001b" not in stored.lower()
    for command in (
        ("list", str(path)),
        ("list", str(path), "--json"),
        ("export", str(path)),
        ("export", str(path), "--format", "csv"),
        ("export", str(path), "--format", "json"),
    ):
        result = postil(*command)
        assert result.returncode == 0, result.stderr
        assert_clean(result.stdout)
    listed = json.loads(postil("list", str(path), "--json").stdout)
    assert listed[0]["note"] == "x  y" and listed[0]["tags"] == ["ared"]


def test_a_toml_file_from_another_program_cannot_write_to_the_terminal(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    where = Path(postil("where", str(path)).stdout.decode().strip())
    raw = where.read_text(encoding="utf-8")
    hostile = json.dumps(CLEAR)  # a TOML basic string takes JSON's escapes: "\u001b[2J"
    lines = [line for line in raw.splitlines() if not line.startswith(("note =", "tags ="))]
    raw = "\n".join(lines).replace(
        'kind = "sentence"', f'kind = "sentence"\nnote = {hostile}\ntags = [{json.dumps(OSC52)}]'
    )
    where.write_text(raw, encoding="utf-8")
    for command in (("list", str(path)), ("export", str(path)), ("export", str(path), "--format", "html")):
        result = postil(*command)
        assert result.returncode == 0, result.stderr
        assert_clean(result.stdout)
    assert b"note: before after" in postil("list", str(path)).stdout


@pytest.mark.parametrize(
    "note", [b"x\x9by", b"x\xedy", b"x\xff\xfey"], ids=["lone C1 byte", "broken UTF-8", "two bad bytes"]
)
def test_undecodable_bytes_in_a_note_are_replaced_not_a_traceback(tmp_path: Path, note: bytes) -> None:
    path = article(tmp_path)
    added = postil(b"add", str(path).encode(), b"--text", b"The harbour", b"--note", note)
    assert added.returncode == 0, added.stderr
    assert b"Traceback" not in added.stderr
    listed = json.loads(postil("list", str(path), "--json").stdout)
    assert listed[0]["note"].startswith("x") and "\ufffd" in listed[0]["note"]


def test_imported_notes_and_error_lines_are_cleaned(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The harbour", "--note", "plain").returncode == 0
    exported = json.loads(postil("export", str(path), "--format", "json").stdout)
    item = exported["first"]["items"][0]
    item["body"][0]["value"] = OSC52 + " \ud800"
    fresh = tmp_path / "other-data"
    source = tmp_path / "copy.txt"
    source.write_text(ARTICLE.replace("quiet", "still"))
    dump = tmp_path / "notes.json"
    dump.write_text(json.dumps(exported), encoding="utf-8")
    imported = postil("import", str(dump), str(source), "--data-dir", str(fresh))
    assert imported.returncode == 0, imported.stderr
    assert b"Traceback" not in imported.stderr
    listed = postil("list", str(source), "--data-dir", str(fresh))
    assert_clean(listed.stdout)
    # An error line that quotes the JSON's own source name carries no escape either.
    exported["postil:source"] = "/nonexistent/\x1b]52;c;cHduZWQ=\x07.txt"
    dump.write_text(json.dumps(exported), encoding="utf-8")
    failed = postil("import", str(dump))
    assert failed.returncode == 2  # a file elsewhere is only opened when given as SOURCE
    assert_clean(failed.stderr)
    assert len(failed.stderr.decode().strip().splitlines()) == 1


def test_kindle_notes_and_orphaned_passages_reach_no_output_raw(tmp_path: Path) -> None:
    path = article(tmp_path)
    clippings = tmp_path / "My Clippings.txt"
    clippings.write_text(
        "Harbour Notes (A. Author)\n- Your Highlight on page 1 | Location 10-11 | "
        "Added on Monday, 1 January 2024 10:00:00\n\nThe lamp turned.\n==========\n"
        "Harbour Notes (A. Author)\n- Your Note on page 1 | Location 11 | "
        "Added on Monday, 1 January 2024 10:01:00\n\n" + OSC52 + "\n==========\n",
        encoding="utf-8",
    )
    imported = postil("import", str(clippings), str(path))
    assert imported.returncode == 0, imported.stderr
    # An orphan whose stored passage (written by another program) holds an escape sequence.
    where = Path(postil("where", str(path)).stdout.decode().strip())
    raw = where.read_text(encoding="utf-8")
    where.write_text(raw.replace('exact = "The lamp turned."', 'exact = "Gone \\u001b[2J now."'), encoding="utf-8")
    for command in (("list", str(path)), ("export", str(path)), ("export", str(path), "--format", "html")):
        result = postil(*command)
        assert result.returncode == 0, result.stderr
        assert_clean(result.stdout)
    listed = json.loads(postil("list", str(path), "--json").stdout)
    assert listed[0]["orphan"] is True and listed[0]["exact"] == "Gone  now." and listed[0]["note"] == "x  y"
