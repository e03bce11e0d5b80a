"""Files from elsewhere (TOML written by other programs, import JSON, a broken data
directory) and exports that others open: one clear line, never a traceback, and nothing
in an export that a spreadsheet or a Markdown app would run."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path

ARTICLE = "Harbour Notes\n\nThe harbour was quiet that night. The lamp turned.\n"


def postil(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    extra = ["--data-dir", str(data)] if data is not None else []
    return subprocess.run([sys.executable, "-m", "tui", *args, *extra], capture_output=True, text=True, timeout=60)


def article(tmp_path: Path, name: str = "c.txt", text: str = ARTICLE) -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def one_clean_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def stored(path: Path) -> Path:
    return Path(postil("where", str(path)).stdout.strip())


def test_times_written_without_a_zone_are_taken_as_utc(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    assert postil("add", str(path), "--text", "The harbour was quiet that night.").returncode == 0
    toml = stored(path)
    toml.write_text(re.sub(r"^updated = (.*)Z$", r"updated = \1", toml.read_text(), count=1, flags=re.M))
    library = postil("library")
    assert library.returncode == 0, library.stderr
    assert "Harbour Notes" in library.stdout
    assert len(json.loads(postil("list", str(path), "--json").stdout)) == 2


def test_deeply_nested_toml_is_refused_in_one_line_and_never_rewritten(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    toml = stored(path)
    toml.write_text(toml.read_text() + "deep = " + "[" * 2000 + "]" * 2000 + "\n")
    before = toml.read_bytes()
    assert "nested too deeply" in one_clean_line(postil("list", str(path)))
    assert "nested too deeply" in one_clean_line(postil("add", str(path), "--text", "The harbour"))
    assert postil("library").returncode == 0
    assert toml.read_bytes() == before


def test_a_file_where_the_annotations_folder_should_be_is_one_line(tmp_path: Path) -> None:
    path = article(tmp_path)
    data = tmp_path / "broken-data"
    data.mkdir()
    (data / "annotations").write_text("not a folder")
    for command in (("list", str(path)), ("add", str(path), "--text", "The lamp turned.")):
        assert "annotations" in one_clean_line(postil(*command, data=data))


def test_import_json_nested_too_deeply_or_with_huge_numbers_is_one_line(tmp_path: Path) -> None:
    path = article(tmp_path)
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000)
    assert "nested too deeply" in one_clean_line(postil("import", str(deep), str(path)))
    huge = tmp_path / "huge.json"
    huge.write_text('{"total": ' + "9" * 5000 + "}")
    assert "not a postil export" in one_clean_line(postil("import", str(huge), str(path)))


def test_absurd_offsets_are_found_again_by_their_text_not_exported(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    toml = stored(path)
    start = ARTICLE.index("The lamp turned.")
    # A negative start that Python's slicing still reads as the same passage ("fits").
    toml.write_text(re.sub(r"^start = \d+$", f"start = {start - len(ARTICLE)}", toml.read_text(), flags=re.M))
    (listed,) = json.loads(postil("list", str(path), "--json").stdout)
    assert (listed["start"], listed["end"], listed["orphan"]) == (start, start + 16, False)
    exported = json.loads(postil("export", str(path), "--format", "json").stdout)
    selectors = exported["first"]["items"][0]["target"]["selector"]
    position = next(s for s in selectors if s["type"] == "TextPositionSelector")
    assert (position["start"], position["end"]) == (start, start + 16)
    # An end no text could have is found again by the passage too.
    toml.write_text(re.sub(r"^end = \d+$", f"end = {10**30}", toml.read_text(), flags=re.M))
    (listed,) = json.loads(postil("list", str(path), "--json").stdout)
    assert (listed["start"], listed["end"]) == (start, start + 16)


def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    path = article(tmp_path, text="=HYPERLINK(1)\n\n+cmd|' /C calc'!A0 and more. The lamp turned.\n")
    assert postil("add", str(path), "--text", "+cmd|' /C calc'!A0", "--note", "@SUM(A1:A9)").returncode == 0
    assert postil("add", str(path), "--text", "The lamp turned.", "--note=-2+3").returncode == 0
    rows = list(csv.reader(io.StringIO(postil("export", str(path), "--format", "csv").stdout)))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in cells), cells
    assert "'+cmd|' /C calc'!A0" in cells and "'@SUM(A1:A9)" in cells and "'=HYPERLINK(1)" in cells


def test_markdown_notes_stay_notes_and_tags_stay_tags(tmp_path: Path) -> None:
    path = article(tmp_path)
    note = "<script>alert(1)</script> </div>\n---\n# not a heading\n*kept emphasis*"
    added = postil("add", str(path), "--text", "The lamp turned.", "--note", note, "--tag", '#"><script>')
    assert added.returncode == 0, added.stderr
    markdown = postil("export", str(path)).stdout
    body = markdown.split("\n---\n", 1)[1]  # after the front matter
    assert "<script>" not in body and "</div>" not in body
    assert not re.search(r"^(---|# not a heading)$", body, flags=re.M)
    assert "*kept emphasis*" in body
    assert "#script" in body and '"' not in body.split("#script")[0].splitlines()[-1]


def test_exports_never_replace_a_fifo_or_a_symlink_to_one(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    # A FIFO stands in for a device: a test must never risk the real /dev/null if this breaks.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "pipe-link"
    link.symlink_to(fifo)
    for target in (fifo, link):
        line = one_clean_line(postil("export", str(path), "-o", str(target), "--force"))
        assert "not a regular file" in line
    assert stat.S_ISFIFO(fifo.stat().st_mode) and link.is_symlink()
    assert not list(tmp_path.glob("*.bak")) and not list(tmp_path.glob(".*.tmp"))


def test_a_read_only_annotation_file_is_left_alone(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    toml = stored(path)
    toml.chmod(0o444)
    before = toml.read_bytes()
    assert "read-only" in one_clean_line(postil("add", str(path), "--text", "The harbour"))
    assert toml.read_bytes() == before and stat.S_IMODE(toml.stat().st_mode) == 0o444


def test_export_creates_at_most_the_folder_it_writes_into_and_only_with_force(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    deep = tmp_path / "no" / "such" / "x.md"
    assert "does not exist" in one_clean_line(postil("export", str(path), "-o", str(deep), "--force"))
    assert not (tmp_path / "no").exists()
    near = tmp_path / "notes" / "x.md"
    assert "--force" in one_clean_line(postil("export", str(path), "-o", str(near)))
    assert postil("export", str(path), "-o", str(near), "--force").returncode == 0
    assert near.read_text().startswith("---")


def test_list_and_export_only_read_and_reanchor_writes(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    path.write_text(ARTICLE.replace("Harbour Notes\n\n", "Harbour Notes\n\nA new first line.\n\n"))
    toml = stored(path)
    before = toml.read_bytes()
    for command in (("list", str(path)), ("export", str(path)), ("where", str(path)), ("library",)):
        assert postil(*command).returncode == 0
    assert toml.read_bytes() == before
    (listed,) = json.loads(postil("list", str(path), "--json").stdout)
    assert listed["start"] == path.read_text().index("The lamp turned.")  # placed, in memory
    assert postil("reanchor", str(path)).returncode == 0
    assert toml.read_bytes() != before and f"start = {listed['start']}" in toml.read_text()


def test_two_annotations_of_one_passage_both_survive_export_and_import(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    # A second annotation of the same passage, as another window or a hand edit makes it.
    toml = stored(path)
    raw = toml.read_text()
    block = raw[raw.index("[[annotation]]") :]
    second = re.sub(r'^id = ".*"$', 'id = "second"', block, flags=re.M).replace('color = "yellow"', 'color = "pink"')
    second = second.replace('note = ""', 'note = "Check this."').replace("tags = []", 'tags = ["lamp"]')
    toml.write_text(raw + "\n" + second)
    assert len(json.loads(postil("list", str(path), "--json").stdout)) == 2
    dump = tmp_path / "notes.json"
    assert postil("export", str(path), "--format", "json", "-o", str(dump)).returncode == 0
    fresh = tmp_path / "fresh"
    imported = postil("import", str(dump), data=fresh)
    assert imported.returncode == 0, imported.stderr
    assert "added 2, skipped 0" in imported.stdout
    listed = json.loads(postil("list", str(path), "--json", data=fresh).stdout)
    assert sorted((a["color"], a.get("note", "")) for a in listed) == [("pink", "Check this."), ("yellow", "")]
    again = postil("import", str(dump), data=fresh)
    assert "added 0, skipped 2" in again.stdout  # the very same ones are not duplicated


def test_add_on_a_highlighted_passage_refuses_as_the_reader_does(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    line = one_clean_line(postil("add", str(path), "--text", "The lamp turned.", "--note", "again"))
    assert "already highlighted" in line
    assert len(json.loads(postil("list", str(path), "--json").stdout)) == 1


def test_import_opens_only_what_the_user_names(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    exported = json.loads(postil("export", str(path), "--format", "json").stdout)
    elsewhere = tmp_path / "inbox"
    elsewhere.mkdir()
    for named in ("http://127.0.0.1:9/never-fetched", str(path)):
        exported["postil:source"] = named
        dump = elsewhere / "notes.json"
        dump.write_text(json.dumps(exported))
        refused = postil("import", str(dump), data=tmp_path / "fresh")
        assert refused.returncode == 2 and "give it as SOURCE" in refused.stderr
    assert postil("import", str(dump), str(path), data=tmp_path / "fresh").returncode == 0


def test_export_all_as_csv_is_one_readwise_file(tmp_path: Path) -> None:
    first = article(tmp_path)
    second = article(tmp_path, "d.txt", "Other Notes\n\nA second story here, about the quay.\n")
    assert postil("add", str(first), "--text", "The lamp turned.").returncode == 0
    assert postil("add", str(second), "--text", "A second story here, about the quay.").returncode == 0
    target = tmp_path / "all.csv"
    assert postil("export", "--all", "--format", "csv", "-o", str(target)).returncode == 0
    assert target.is_file()
    rows = list(csv.reader(io.StringIO(target.read_text())))
    assert rows[0][0] == "Highlight" and sorted(row[1] for row in rows[1:]) == ["Harbour Notes", "Other Notes"]


def test_an_annotation_file_symlinked_to_a_fifo_is_never_replaced_nor_given_neighbours(tmp_path: Path) -> None:
    path = article(tmp_path)
    toml = stored(path)
    toml.parent.mkdir(parents=True)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    toml.symlink_to(fifo)
    line = one_clean_line(postil("add", str(path), "--text", "The lamp turned."))
    assert "not a regular file" in line
    assert toml.is_symlink() and stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(p.name for p in toml.parent.iterdir()) == [toml.name]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("pipe")) == ["pipe"]


def test_a_table_nested_500_deep_is_refused_at_once(tmp_path: Path) -> None:
    path = article(tmp_path)
    assert postil("add", str(path), "--text", "The lamp turned.").returncode == 0
    toml = stored(path)
    toml.write_text(toml.read_text() + "x = " + "{a = " * 500 + "1" + "}" * 500 + "\n")
    before = toml.read_bytes()
    assert "nested too deeply" in one_clean_line(postil("add", str(path), "--text", "The harbour"))
    assert toml.read_bytes() == before
