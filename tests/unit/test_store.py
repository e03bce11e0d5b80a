from __future__ import annotations

import errno
import os
import stat
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotations import Annotation, AnnotationStore, DocumentInfo, StoreError, StoreParseError
from annotations.model import new_id
from content.clean import clean_line, clean_text

TEXT = "Title\n\nThe mayor said the vote was close. Critics disagreed. The vote was close."


def info() -> DocumentInfo:
    return DocumentInfo(title="Title", source="/tmp/article.txt", fingerprint="sha256:abc", format="text")


def open_store(path: Path, text: str = TEXT, strict: bool = False) -> AnnotationStore:
    return AnnotationStore.open(path, text, info(), strict=strict)


def highlight(store: AnnotationStore, exact: str, note: str = "", text: str = TEXT) -> Annotation:
    start = text.index(exact)
    annotation = Annotation.on_text(text, start, start + len(exact), id=new_id(store.ids()), note=note)
    return store.add(annotation)


def test_add_writes_the_schema_of_the_design(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    store = open_store(path)
    highlight(store, "Critics disagreed.", note="Who?")
    raw = tomllib.loads(path.read_text())
    assert raw["schema"] == 1
    assert raw["document"] == {
        "title": "Title",
        "source": "/tmp/article.txt",
        "fingerprint": "sha256:abc",
        "format": "text",
    }
    (entry,) = raw["annotation"]
    assert entry["exact"] == "Critics disagreed."
    assert TEXT[entry["start"] : entry["end"]] == entry["exact"]
    assert entry["prefix"] == TEXT[: entry["start"]][-32:]
    assert entry["suffix"] == TEXT[entry["end"] :][:32]
    assert entry["note"] == "Who?" and entry["color"] == "yellow" and entry["tags"] == []
    assert path.read_text().startswith('# Annotations for "Title"')
    assert "created = 20" in path.read_text() and "Z\n" in path.read_text()


def test_reopening_gives_back_the_same_annotations(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    store = open_store(path)
    first = highlight(store, "Critics disagreed.", note="line one\nline two")
    store.update(first.id, tags=["x", "y"], color="pink")
    again = open_store(path)
    (loaded,) = again.annotations
    assert (loaded.id, loaded.note, loaded.tags, loaded.color) == (first.id, "line one\nline two", ["x", "y"], "pink")


notes = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=300)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=notes, tags=st.lists(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=20), max_size=4))
def test_any_note_survives_the_toml_round_trip(tmp_path: Path, note: str, tags: list[str]) -> None:
    path = tmp_path / f"{new_id()}.toml"
    store = open_store(path)
    annotation = highlight(store, "The mayor said", note=note)
    store.update(annotation.id, tags=tags)
    (loaded,) = open_store(path).annotations
    # What is kept is the note as it is shown: controls made visible, escape sequences gone.
    assert loaded.note == clean_text(note)
    assert loaded.tags == [t for t in (clean_line(tag) for tag in tags) if t]
    assert not any(ch in loaded.note + "".join(loaded.tags) for ch in "\x1b\x07\x9b\x9d")


def test_unknown_keys_are_kept_on_rewrite(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    store = open_store(path)
    highlight(store, "Critics disagreed.")
    text = path.read_text().replace("schema = 1", 'schema = 1\nplugin_state = "keep me"')
    text = text.replace('format = "text"', 'format = "text"\nshelf = "essays"')
    text = text.replace('kind = "selection"', 'kind = "selection"\nreviewed_by = "ana"')
    path.write_text(text)
    store = open_store(path)
    highlight(store, "The mayor said")
    raw = tomllib.loads(path.read_text())
    assert raw["plugin_state"] == "keep me"
    assert raw["document"]["shelf"] == "essays"
    assert {a["exact"]: a.get("reviewed_by") for a in raw["annotation"]} == {
        "The mayor said": None,
        "Critics disagreed.": "ana",
    }


def test_a_broken_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    broken = 'schema = 1\n[[annotation]]\nid = "x"\nexact = "unterminated\n'
    path.write_text(broken)
    store = open_store(path)
    assert store.read_only_reason is not None and f"{path}:4" in store.read_only_reason
    with pytest.raises(StoreError, match="read-only"):
        highlight(store, "Critics disagreed.")
    assert path.read_text() == broken
    with pytest.raises(StoreParseError) as caught:
        open_store(path, strict=True)
    assert caught.value.line == 4


def test_a_file_that_breaks_while_open_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    store = open_store(path)
    highlight(store, "Critics disagreed.")
    path.write_text("this is = = not toml")
    with pytest.raises(StoreError, match="not saved"):
        highlight(store, "The mayor said")
    assert path.read_text() == "this is = = not toml"


def test_wrong_types_are_a_parse_error(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text('schema = 1\n[[annotation]]\nid = "x"\nexact = "a"\nstart = "zero"\nend = 1\n')
    with pytest.raises(StoreParseError, match="start"):
        open_store(path, strict=True)


def test_save_keeps_a_backup_and_the_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    store = open_store(path)
    highlight(store, "Critics disagreed.")
    first = path.read_text()
    os.chmod(path, 0o600)
    highlight(store, "The mayor said")
    assert (tmp_path / "a.toml.bak").read_text() == first
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_writes_go_through_a_symlink(tmp_path: Path) -> None:
    real = tmp_path / "synced" / "a.toml"
    real.parent.mkdir()
    link = tmp_path / "a.toml"
    link.symlink_to(real)
    store = open_store(link)
    highlight(store, "Critics disagreed.")
    assert link.is_symlink()
    assert "Critics disagreed." in real.read_text()


def test_a_failed_write_leaves_the_old_file_and_keeps_the_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.toml"
    store = open_store(path)
    highlight(store, "Critics disagreed.")
    before = path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(StoreError, match="disk is full"):
        highlight(store, "The mayor said")
    assert path.read_bytes() == before
    assert store.unsaved and len(store.annotations) == 2
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    monkeypatch.undo()
    store.save()
    assert len(open_store(path).annotations) == 2


def test_changes_from_another_window_are_merged_not_lost(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    left = open_store(path)
    right = open_store(path)
    highlight(left, "Critics disagreed.")
    highlight(right, "The mayor said")
    removed = highlight(left, "The vote was close.")
    left.remove(removed.id)
    exacts = sorted(a.exact for a in open_store(path).annotations)
    assert exacts == ["Critics disagreed.", "The mayor said"]


def test_undo_reverses_add_edit_and_delete(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    store = open_store(path)
    annotation = highlight(store, "Critics disagreed.")
    store.update(annotation.id, note="first")
    store.remove(annotation.id)
    assert store.undo() == "delete"
    assert open_store(path).annotations[0].note == "first"
    assert store.undo() == "edit"
    assert open_store(path).annotations[0].note == ""
    assert store.undo() == "add"
    assert open_store(path).annotations == []
    assert store.undo() is None


def test_edited_article_keeps_annotations_that_still_fit(tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    store = open_store(path)
    kept = highlight(store, "Critics disagreed.")
    gone = highlight(store, "The mayor said")
    edited = "Title\n\nA new lead paragraph.\n\nThe council said the vote was close. Critics disagreed."
    reopened = open_store(path, text=edited)
    moved = reopened.get(kept.id)
    assert moved is not None and edited[moved.start : moved.end] == "Critics disagreed."
    assert reopened.orphans == {gone.id}
    assert reopened.get(gone.id) is not None  # orphans are kept, never dropped


def test_a_save_keeps_each_untouched_annotation_as_it_was_written_by_hand(tmp_path: Path) -> None:
    """Each annotation is read on its own, and one that did not change is written back as
    the very text it came from: a hand-made comment or layout survives postil's saves."""
    path = tmp_path / "a.toml"
    store = open_store(path)
    highlight(store, "Critics disagreed.", note="Who?")
    hand = path.read_text().replace('note = "Who?"', 'note = "Who?"   # asked at the meeting\n# keep this line')
    path.write_text(hand)
    reopened = open_store(path)
    assert reopened.annotations[0].note == "Who?"
    highlight(reopened, "The mayor said")
    written = path.read_text()
    assert 'note = "Who?"   # asked at the meeting\n# keep this line\n' in written
    assert sorted(a["exact"] for a in tomllib.loads(written)["annotation"]) == ["Critics disagreed.", "The mayor said"]


def test_a_new_highlight_is_appended_and_the_next_edit_writes_in_order(tmp_path: Path) -> None:
    """Adding to a big file does not go over the others: the new one goes at the end, and
    any other change writes the file in document order again. Nothing is lost either way."""
    path = tmp_path / "a.toml"
    store = open_store(path)
    highlight(store, "Critics disagreed.")
    first = path.read_bytes()
    added = highlight(store, "The mayor said")
    written = path.read_bytes()
    assert written.startswith(first.rstrip(b"\n"))  # the file as it was, then the new one
    assert [a["exact"] for a in tomllib.loads(written.decode())["annotation"]] == [
        "Critics disagreed.",
        "The mayor said",
    ]
    assert [a.exact for a in open_store(path).annotations] == [
        "The mayor said",
        "Critics disagreed.",
    ]  # in order in the reader
    store.update(added.id, note="Who said so?")
    rewritten = tomllib.loads(path.read_text())["annotation"]
    assert [(a["exact"], a["note"]) for a in rewritten] == [
        ("The mayor said", "Who said so?"),
        ("Critics disagreed.", ""),
    ]


def test_the_index_of_a_file_in_use_is_kept_while_others_are_written(isolated_dirs: Path) -> None:
    """The add index is a cache of a few dozen files: the one a user keeps adding to is never
    the one let go, however many other files were indexed since (else its next add reads
    all 10,000 notes again)."""
    from annotations.index import StoreIndex, read_index, write_index

    def index(digest: str) -> StoreIndex:
        return StoreIndex(digest, "fingerprint", "source", {"abc234"}, {(0, 5): "abc234"}, True)

    write_index(index("0" * 64))
    for number in range(1, 80):
        write_index(index(f"{number:064x}"))
        assert read_index("0" * 64) is not None, number
    kept = list((isolated_dirs / "cache" / "index").glob("*.json"))
    assert 16 <= len(kept) <= 40 and (isolated_dirs / "cache" / "index" / f"{0:064}.json") in kept


def test_a_note_holding_a_table_header_line_reads_back_whole(tmp_path: Path) -> None:
    """A multi-line note with a line that looks like `[[annotation]]` is one note, not two."""
    path = tmp_path / "a.toml"
    store = open_store(path)
    tricky = 'first line\n[[annotation]]\nid = "fake"\nlast line'
    highlight(store, "Critics disagreed.", note=tricky)
    reopened = open_store(path)
    assert [(a.exact, a.note) for a in reopened.annotations] == [("Critics disagreed.", tricky)]
    highlight(reopened, "The mayor said")
    again = open_store(path)
    assert sorted(a.note for a in again.annotations) == ["", tricky]


def test_after_each_append_the_store_knows_the_file_s_digest_and_ids(tmp_path: Path) -> None:
    """Appends hash only what they add: the digest the store keeps (which names the add index
    and tells its own writes from another program's) must still be the file's, and its ids
    the file's, through appends, an edit that rewrites the file, and appends again."""
    import hashlib

    path = tmp_path / "a.toml"
    store = open_store(path)
    highlight(store, "The mayor said")
    for exact, edit in (("Critics disagreed.", False), ("the vote was close", True), ("The vote was close.", False)):
        if edit:
            store.update(store.annotations[0].id, note="an edit: the file is written in full")
        else:
            highlight(store, exact)
        assert store._disk_digest == hashlib.sha256(path.read_bytes()).hexdigest()
        assert store._disk_ids == {a["id"] for a in tomllib.loads(path.read_text())["annotation"]}
    reopened = open_store(path)
    assert [a.exact for a in reopened.annotations] == [a.exact for a in store.annotations]
