"""Property: whatever a note, a tag or an imported note holds (controls, lone surrogates,
markup, escape sequences), nothing that reaches the screen or an output carries ESC, a C1
control or BEL: through `postil add`, the reader's pane (Pilot), `postil list` and every
export format, and through `postil import`."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.widgets import OptionList

import tui.cli
from annotations import open_store
from annotations.export import FORMATS
from content import load_document
from tui.app import make_app

ARTICLE = "Harbour Notes\n\nThe harbour was quiet that night. The lamp turned. The boats came in.\n"
FORBIDDEN = ("\x1b", "\x07", *(chr(c) for c in range(0x80, 0xA0)))

PIECES = ["\x1b]52;c;cHduZWQ=\x07", "\x1b[2J", "\x9b31m", "\x1bP", "\x07", "[b]", "<script>", "\ud800", "\x1b\\"]
hostile = st.lists(st.one_of(st.text(max_size=6), st.sampled_from(PIECES)), max_size=8).map("".join)


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = tui.cli.main(list(args))
    return code, out.getvalue(), err.getvalue()


def clean(text: str) -> bool:
    return not any(ch in text for ch in FORBIDDEN)


async def pane_rows(path: Path, data: Path) -> list[str]:
    document = load_document(str(path))
    app = make_app(document, data_dir=data)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        notes = app.screen.query_one("#notes", OptionList)
        return [str(notes.get_option_at_index(i).prompt) for i in range(notes.option_count)]


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(note=hostile, tag=hostile, imported=hostile)
def test_no_escape_reaches_any_output(tmp_path_factory, note: str, tag: str, imported: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("hostile")
    data = folder / "data"
    path = folder / "c.txt"
    path.write_text(ARTICLE)
    # "--tag=…": a value that starts with "-" ("-:") is the option's, not another option.
    options = [f"--note={note}", f"--tag={tag}", "--data-dir", str(data)]
    code, out, err = run_cli("add", str(path), "--text", "The lamp turned.", *options)
    assert code == 0, err
    assert clean(out) and clean(err)
    for command in (["list", str(path)], ["list", str(path), "--json"]):
        code, out, err = run_cli(*command, "--data-dir", str(data))
        assert code == 0 and clean(out) and clean(err)
    for format in FORMATS:
        code, out, err = run_cli("export", str(path), "--format", format, "--data-dir", str(data))
        assert code == 0 and clean(out), format
    rows = asyncio.run(pane_rows(path, data))
    assert rows and all(clean(row) for row in rows)
    # The same through an import: a JSON export whose note was replaced by the hostile text.
    code, out, _ = run_cli("export", str(path), "--format", "json", "--data-dir", str(data))
    exported = json.loads(out)
    exported["first"]["items"][0]["body"] = [{"type": "TextualBody", "value": imported, "purpose": "commenting"}]
    dump = folder / "notes.json"
    dump.write_text(json.dumps(exported), encoding="utf-8")
    fresh = folder / "fresh"
    code, out, err = run_cli("import", str(dump), str(path), "--data-dir", str(fresh))
    assert code == 0, err
    assert clean(out) and clean(err)
    with contextlib.suppress(Exception):
        store = open_store(load_document(str(path)), fresh)
        assert all(clean(a.note) for a in store.annotations)
    code, out, _ = run_cli("list", str(path), "--json", "--data-dir", str(fresh))
    assert code == 0 and clean(out)
