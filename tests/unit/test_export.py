"""Exports (md, json, csv, html) and imports (postil JSON, Kindle clippings).

Golden files pin every format byte for byte on an article and store built here; set
POSTIL_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, and read the diff.
Each format is also read back by a parser, so a missing field fails on its own.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations import Annotation, AnnotationStore, open_store
from annotations.export import FORMATS, build, render
from annotations.importing import import_clippings, import_web_annotations, parse_clippings
from content import Document, load_document
from content.analysis import analyse

GOLDEN = Path(__file__).parents[1] / "golden"
ARTICLE = """# Harbour lamp burns again

By Mara Quill, Gullwick Gazette

The old harbour lamp at Gullwick burned again on Saturday night, the council said.

## A long wait

“We waited forty years for this,” said Edda Marsh, who chairs the harbour trust.
“It’s the town’s heartbeat.”

Councillor Priya Anand claimed that the project came in under budget.

## What it cost

The restoration cost £41,000, and volunteers gave 2,300 hours.
"""
WHEN = datetime(2026, 11, 25, 15, 4, 5, tzinfo=UTC)
HOSTILE = 'Check with the trust, "twice"; </mark><script>alert(1)</script> & <b>bold</b>\nsecond line, ünïcödé'


def article(folder: Path) -> Path:
    path = folder / "harbour.md"
    path.write_text(ARTICLE)
    return path


def make(store: AnnotationStore, document: Document, exact: str, annotation_id: str, **fields: object) -> None:
    start = document.text.index(exact)
    annotation = Annotation.on_text(document.text, start, start + len(exact), id=annotation_id, **fields)  # type: ignore[arg-type]
    annotation.created = annotation.updated = WHEN
    store.add(annotation)


def fixture_store(folder: Path, data_dir: Path, as_source: str = "") -> tuple[Document, AnnotationStore]:
    """Four annotations: a quote with its speaker, a claim with a hostile note, a tagged
    selection, and one that is an orphan once the article has been edited.

    `as_source` files the article under that name instead of its temporary path, so that
    what is derived from the source (ids, URLs) is the same on every run.
    """
    source = article(folder)

    def load() -> Document:
        document = load_document(str(source))
        return dataclasses.replace(document, source=as_source) if as_source else document

    document = load()
    store = open_store(document, data_dir)
    quote = analyse(document).quotes[0]
    make(
        store,
        document,
        document.text[quote.start : quote.end],
        "q7edda",
        kind="quote",
        speaker=quote.speaker or "",
        color="green",
        note="Forty years: since 1986?",
        tags=["timeline"],
    )
    make(
        store,
        document,
        "Councillor Priya Anand claimed that the project came in under budget.",
        "c4anan",
        kind="claim",
        color="pink",
        note=HOSTILE,
        tags=["money", "to check"],
    )
    make(store, document, "volunteers gave 2,300 hours", "s2hour", color="blue")
    make(store, document, "burned again on Saturday night", "o9lost", note="Which Saturday?")
    source.write_text(ARTICLE.replace("burned again on Saturday night", "was relit at the weekend"))
    document = load()
    store = open_store(document, data_dir)
    assert store.orphans == {"o9lost"}
    return document, store


@pytest.fixture
def fixture(tmp_path: Path, data_dir: Path) -> tuple[Document, AnnotationStore]:
    return fixture_store(tmp_path, data_dir)


@pytest.mark.parametrize("format", FORMATS)
def test_each_format_matches_its_golden_file(tmp_path: Path, data_dir: Path, format: str) -> None:
    document, store = fixture_store(tmp_path, data_dir, as_source="/articles/harbour.md")
    text = render(build(store, document, context=True), format)  # type: ignore[arg-type]
    golden = GOLDEN / f"export.{format}"
    if os.environ.get("POSTIL_UPDATE_GOLDEN"):
        golden.write_bytes(text.encode("utf-8"))
    assert text == golden.read_bytes().decode("utf-8"), f"{format} output changed; see tests/golden/export.{format}"


def test_exports_are_deterministic_except_the_timestamp(fixture) -> None:  # type: ignore[no-untyped-def]
    document, store = fixture
    for format in FORMATS:
        plain = render(build(store, document), format)
        assert plain == render(build(store, document), format)
        stamped = render(build(store, document, timestamp=WHEN), format)
        extra = [line for line in stamped.splitlines() if line not in plain.splitlines()]
        missing = [line for line in plain.splitlines() if line not in stamped.splitlines()]
        if format == "csv":  # Readwise's columns have no place for it
            assert stamped == plain
        else:
            assert extra and all("2026-11-25T15:04:05Z" in line for line in extra), format
            assert all("annotation" in line for line in missing), format  # html: the line that gained it


# -- md -----------------------------------------------------------------------------------


def test_markdown_has_front_matter_quotes_speakers_notes_tags_context_and_sections(fixture) -> None:  # type: ignore[no-untyped-def]
    document, store = fixture
    text = render(build(store, document, context=True, timestamp=WHEN), "md")
    front, body = text.split("---\n", 2)[1:]
    meta = dict(line.split(": ", 1) for line in front.strip().splitlines())
    assert meta == {
        "title": '"Harbour lamp burns again"',
        "author": '"Mara Quill"',
        "source": json.dumps(document.source),
        "exported": "2026-11-25T15:04:05Z",
        "annotations": "4",
        "orphans": "1",
    }
    sections = [line for line in body.splitlines() if line.startswith("## ")]
    assert sections == ["## A long wait", "## What it cost", "## Orphaned annotations"]
    assert "> “We waited forty years for this,”\n>\n> — Edda Marsh\n\nForty years: since 1986?\n\n#timeline" in body
    assert "#money #to-check" in body
    assert "Context: The restoration cost £41,000, and volunteers gave 2,300 hours." in body
    assert body.index("> burned again on Saturday night") > body.index("## Orphaned annotations")
    assert "*Orphan: this passage is no longer in the article.*" in body
    assert "Context:" not in render(build(store, document), "md")


# -- json ---------------------------------------------------------------------------------


def test_json_follows_the_w3c_web_annotation_model(fixture) -> None:  # type: ignore[no-untyped-def]
    document, store = fixture
    collection = json.loads(render(build(store, document, timestamp=WHEN), "json"))
    anno = "http://www.w3.org/ns/anno.jsonld"

    def has_context(node: dict) -> bool:  # type: ignore[type-arg]
        context = node["@context"]
        return context == anno or (isinstance(context, list) and context[0] == anno)

    # Collection: @context, an IRI id, type AnnotationCollection, total, and a first page of items.
    assert has_context(collection)
    assert collection["id"].startswith("urn:uuid:") and collection["type"] == "AnnotationCollection"
    items = collection["first"]["items"]
    assert collection["first"]["type"] == "AnnotationPage" and collection["total"] == len(items) == 4
    by_id = {}
    for item in items:
        # Rule: every Annotation has @context, an id IRI, and type "Annotation".
        assert has_context(item) and item["type"] == "Annotation"
        assert item["id"].startswith("urn:uuid:") and len(item["id"]) == len("urn:uuid:") + 36
        # Rule: created and modified are ISO 8601 date-times in UTC.
        assert datetime.fromisoformat(item["created"].replace("Z", "+00:00")) == WHEN
        assert item["modified"].endswith("Z")
        # Rule: motivation is highlighting, or commenting when there is a note.
        note_bodies = [b for b in item.get("body", []) if b.get("purpose") == "commenting"]
        assert item["motivation"] == ("commenting" if note_bodies else "highlighting")
        # Rule: bodies are TextualBody; tags have purpose "tagging".
        assert all(b["type"] == "TextualBody" and isinstance(b["value"], str) for b in item.get("body", []))
        # Rule: the target has a source and both selectors.
        target = item["target"]
        assert target["source"] == Path(document.source).as_uri()
        kinds = {selector["type"]: selector for selector in target["selector"]}
        assert set(kinds) == {"TextQuoteSelector", "TextPositionSelector"}
        quote, position = kinds["TextQuoteSelector"], kinds["TextPositionSelector"]
        assert {"exact", "prefix", "suffix"} <= quote.keys() and {"start", "end"} <= position.keys()
        # Extensions live in the postil: namespace, declared in the context.
        assert item["@context"][1] == {"postil": "urn:x-postil:"}
        by_id[item["postil:id"]] = item
    claim = by_id["c4anan"]
    assert [b["value"] for b in claim["body"] if b["purpose"] == "tagging"] == ["money", "to check"]
    assert [b["value"] for b in claim["body"] if b["purpose"] == "commenting"] == [HOSTILE]
    assert (claim["postil:color"], claim["postil:kind"]) == ("pink", "claim")
    assert by_id["q7edda"]["postil:speaker"] == "Edda Marsh"
    assert by_id["o9lost"]["postil:orphan"] is True and "postil:orphan" not in by_id["s2hour"]
    again = json.loads(render(build(store, document), "json"))
    assert [i["id"] for i in again["first"]["items"]] == [i["id"] for i in items], "ids are stable across exports"


def test_json_round_trip_through_import_into_an_empty_store(fixture, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document, store = fixture
    first = render(build(store, document), "json")
    empty = open_store(document, tmp_path / "elsewhere")
    result = import_web_annotations(empty, json.loads(first))
    assert (result.added, result.skipped, result.unmatched, result.orphaned) == (4, 0, 0, 1)
    reopened = open_store(document, tmp_path / "elsewhere")
    assert render(build(reopened, document), "json") == first
    again = import_web_annotations(reopened, json.loads(first))
    assert (again.added, again.skipped) == (0, 4), "importing twice adds nothing"


# -- csv ----------------------------------------------------------------------------------


def test_csv_has_readwise_columns_and_round_trips_awkward_notes(fixture) -> None:  # type: ignore[no-untyped-def]
    document, store = fixture
    text = render(build(store, document), "csv")
    assert text.startswith("Highlight,Title,Author,URL,Note,Location,Date\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == 4
    claim = next(row for row in rows if row["Highlight"].startswith("Councillor"))
    assert claim["Note"] == HOSTILE + "\n.money .to_check"
    assert (claim["Title"], claim["Author"], claim["URL"]) == (
        "Harbour lamp burns again",
        "Mara Quill",
        Path(document.source).as_uri(),
    )
    stored = store.get("c4anan")
    assert stored is not None and claim["Location"] == str(stored.start)
    assert claim["Date"] == "2026-11-25 15:04:05+00:00"
    orphan = next(row for row in rows if row["Highlight"] == "burned again on Saturday night")
    assert orphan["Note"] == "Which Saturday?\n.orphan"


# -- html ---------------------------------------------------------------------------------


def test_html_is_self_contained_escaped_and_parses_with_the_right_marks(tmp_path: Path, data_dir: Path) -> None:
    import lxml.html

    hostile_article = ARTICLE + "\nA line with <script>alert('article')</script> and [link](javascript:x) in it.\n"
    (tmp_path / "harbour.md").write_text(hostile_article)
    document = load_document(str(tmp_path / "harbour.md"))
    store = open_store(document, data_dir)
    make(store, document, "Councillor Priya Anand claimed", "c4anan", note=HOSTILE, color="pink")
    make(
        store, document, "<script>alert('article')</script>", "x1scrp", color="purple", note="</mark><script>x</script>"
    )
    make(store, document, "volunteers gave 2,300 hours", "s2hour", color="blue")
    page = render(build(store, document), "html")
    tree = lxml.html.fromstring(page)
    assert not tree.xpath("//script") and not tree.xpath("//link") and not tree.xpath("//img")
    assert not tree.xpath("//*[@src]") and "http-equiv" in page and "default-src 'none'" in page
    marks = tree.xpath("//mark")
    assert len(marks) == 3
    assert {m.get("class") for m in marks} == {"pink", "purple", "blue"}
    assert marks[-1].text_content() == "<script>alert('article')</script>" or any(
        m.text_content() == "<script>alert('article')</script>" for m in marks
    )
    notes = " ".join(tree.xpath("//section[@class='footnotes']//text()"))
    assert "</mark><script>alert(1)</script>" in notes and "</mark><script>x</script>" in notes
    assert len(tree.xpath("//span[@class='sidenote']")) == 2
    assert "@media print" in page


def test_html_shows_speakers_tags_and_flags_orphans(fixture) -> None:  # type: ignore[no-untyped-def]
    import lxml.html

    document, store = fixture
    tree = lxml.html.fromstring(render(build(store, document), "html"))
    assert tree.xpath("string(//h1)") == "Harbour lamp burns again"
    assert tree.text_content().count("By Mara Quill") == 1, "the article's own byline, not a second one"
    assert len(tree.xpath("//article//mark")) == 3
    footnotes = tree.xpath("string(//section[@class='footnotes'])")
    assert "— Edda Marsh" in footnotes and "#timeline" in footnotes and "#money #to check" in footnotes
    orphans = tree.xpath("//section[@class='orphans']")
    assert orphans and "burned again on Saturday night" in orphans[0].text_content()
    assert "no longer in the article" in orphans[0].text_content()


# -- Kindle -------------------------------------------------------------------------------

CLIPPINGS = (
    "\ufeffHarbour lamp burns again (Quill, Mara)\r\n"
    "- Your Highlight on page 1 | Location 12-14 | Added on Tuesday, 3 March 2026 14:02:11\r\n"
    "\r\n"
    "The restoration cost £41,000, and volunteers gave 2,300 hours.\r\n"
    "==========\r\n"
    "Harbour lamp burns again (Quill, Mara)\r\n"
    "- Your Note on page 1 | Location 14 | Added on Tuesday, 3 March 2026 14:02:40\r\n"
    "\r\n"
    "Ask the trust for the receipts.\r\n"
    "==========\r\n"
    "Harbour lamp burns again (Quill, Mara)\r\n"
    "- Your Bookmark on page 2 | Location 20 | Added on Tuesday, 3 March 2026 14:05:00\r\n"
    "\r\n"
    "\r\n"
    "==========\r\n"
    "Harbour lamp burns again (Quill, Mara)\r\n"
    "- Your Highlight on page 1 | Location 12-14 | Added on Tuesday, 3 March 2026 14:02:11\r\n"
    "\r\n"
    "The restoration cost £41,000, and volunteers gave 2,300 hours.\r\n"
    "==========\r\n"
    "Harbour lamp burns again (Quill, Mara)\r\n"
    "- Your Highlight on page 1 | Location 5-6 | Added on Wednesday, March 4, 2026 9:15:00 AM\r\n"
    "\r\n"
    "Councillor Priya Anand claimed that the project came in under budget.\r\n"
    "==========\r\n"
    "Harbour lamp burns again (Quill, Mara)\r\n"
    "- Your Highlight on page 3 | Location 40-41 | Added on Wednesday, March 4, 2026 9:20:00 AM\r\n"
    "\r\n"
    "A sentence from an earlier edition that is not in this text.\r\n"
    "==========\r\n"
    "Tide Tables of the North Coast (Harbour Office)\r\n"
    "- Your Highlight on page 9 | Location 88-90 | Added on Friday, 6 March 2026 08:00:00\r\n"
    "\r\n"
    "High water falls at 6.12 a.m.\r\n"
    "==========\r\n"
)


def test_kindle_clippings_parse_titles_authors_kinds_and_dates() -> None:
    clippings = parse_clippings(CLIPPINGS)
    assert [c.kind for c in clippings] == [
        "highlight",
        "note",
        "bookmark",
        "highlight",
        "highlight",
        "highlight",
        "highlight",
    ]
    first = clippings[0]
    assert (first.title, first.author, first.location) == ("Harbour lamp burns again", "Quill, Mara", (12, 14))
    assert first.added == datetime(2026, 3, 3, 14, 2, 11, tzinfo=UTC)
    assert clippings[4].added == datetime(2026, 3, 4, 9, 15, tzinfo=UTC)
    assert clippings[-1].title == "Tide Tables of the North Coast"


def test_kindle_import_adds_highlights_with_notes_and_skips_bookmarks_and_duplicates(tmp_path: Path) -> None:
    document = load_document(str(article(tmp_path)))
    store = open_store(document)
    result = import_clippings(store, document.title, parse_clippings(CLIPPINGS))
    assert (result.added, result.skipped, result.unmatched, result.other_books) == (2, 2, 1, 1)
    assert result.summary().startswith("added 2, skipped 2, unmatched 1")
    saved = {a.exact: a for a in open_store(document).annotations}
    cost = saved["The restoration cost £41,000, and volunteers gave 2,300 hours."]
    assert cost.note == "Ask the trust for the receipts."
    assert cost.created == datetime(2026, 3, 3, 14, 2, 11, tzinfo=UTC)
    assert "Councillor Priya Anand claimed that the project came in under budget." in saved
    again = import_clippings(store, document.title, parse_clippings(CLIPPINGS))
    assert again.added == 0 and len(open_store(document).annotations) == 2


# -- the command line --------------------------------------------------------------------


def postil(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60)


def test_cli_export_import_force_and_all(fixture, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    document, _ = fixture
    out = tmp_path / "out.json"
    written = postil("export", document.source, "--format", "json", "-o", str(out), "--no-timestamp")
    assert written.returncode == 0, written.stderr
    assert "wrote 4 annotation(s) as json" in written.stderr
    refused = postil("export", document.source, "--format", "json", "-o", str(out))
    assert refused.returncode == 1 and "exists; use --force" in refused.stderr
    assert postil("export", document.source, "--format", "json", "-o", str(out), "--force").returncode == 0
    stdout = postil("export", document.source, "--format", "md", "--no-timestamp")
    assert stdout.stdout.startswith('---\ntitle: "Harbour lamp burns again"') and "exported" not in stdout.stdout

    other = tmp_path / "other-data"
    imported = postil("import", str(out), "--data-dir", str(other))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.strip().endswith(
        "added 4, skipped 0, unmatched 0 (1 of the added are orphans, as they were when exported)"
    )
    assert (
        postil("import", str(out), "--data-dir", str(other)).stdout.strip().endswith("added 0, skipped 4, unmatched 0")
    )

    postil("add", "postil:sample", "--text", "The Lighthouse Ledger")
    folder = tmp_path / "exports"
    everything = postil("export", "--all", "--format", "md", "-o", str(folder))
    assert everything.returncode == 0, everything.stderr
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and all(name.endswith(".md") for name in names)
    assert postil("export", "--all", "--format", "md", "-o", str(folder)).returncode == 1
    assert postil("export", "--all", "--format", "md", "-o", str(folder), "--force").returncode == 0
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json")
    failed = postil("import", str(bad), document.source)
    assert failed.returncode == 1 and "not valid JSON" in failed.stderr and "Traceback" not in failed.stderr


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.floats(allow_nan=False),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)


@given(_JSON)
def test_the_fast_json_writer_writes_what_json_dumps_writes(value: object) -> None:
    """The W3C export's writer: byte for byte what `json.dumps(indent=2)` gives, faster."""
    import json

    from annotations.export.jsontext import dumps_indented

    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


@given(st.text())
def test_annotation_ids_are_the_uuid5_of_document_and_id(name: str) -> None:
    """The W3C ids are made without the uuid module's objects, and are still its uuid5."""
    import uuid

    from annotations.export import webanno

    assert webanno._uuid5(name) == str(uuid.uuid5(webanno._UUIDS, name))


@given(
    exact=st.text(min_size=1),
    note=st.text(),
    tags=st.lists(st.text(min_size=1), max_size=3),
    speaker=st.text(),
    kind=st.sampled_from(["quote", "claim", "sentence", "selection"]),
    orphan=st.booleans(),
    start=st.integers(0, 10**9),
)
def test_each_w3c_annotation_is_written_as_its_dict_would_be(  # type: ignore[no-untyped-def]
    exact, note, tags, speaker, kind, orphan, start
) -> None:
    """The W3C writer writes each annotation directly; the bytes are those of its dict
    (`annotation_json`) written by the indented JSON writer, at its depth in the collection."""
    from annotations.export import Item
    from annotations.export.jsontext import dumps_indented
    from annotations.export.webanno import annotation_json, annotation_text

    annotation = Annotation(
        id="n1", exact=exact, start=start, end=start + len(exact), note=note, tags=tags, speaker=speaker, kind=kind
    )
    item = Item(annotation, orphan)
    expected = dumps_indented(annotation_json(item, "/src/a.txt", "urn:x-postil:text:f")).replace("\n", "\n      ")
    assert annotation_text(item, "/src/a.txt", "urn:x-postil:text:f") == expected
