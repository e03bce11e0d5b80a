"""The annotation file over time: the article changes, files move, a second window or a
hand edit writes the same file, and the disk fails. Nothing is lost."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path
from typing import Any

import pytest

from annotations import Annotation, AnnotationStore, StoreError, StoreParseError, open_store
from annotations.library import library
from annotations.lock import file_lock, lock_path
from annotations.model import new_id
from content import load_document

ARTICLE = (
    "Harbour lamp burns again\n\n"
    "The old harbour lamp at Gullwick burned again on Saturday night, the council said.\n\n"
    "“We waited forty years for this,” said Edda Marsh, who chairs the harbour trust.\n\n"
    "Fishermen had long complained that the unlit breakwater was dangerous to small boats.\n"
)


def article(tmp_path: Path, text: str = ARTICLE, name: str = "lamp.txt") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def highlight(store: AnnotationStore, exact: str, note: str = "") -> Annotation:
    start = store.text.index(exact)
    return store.add(Annotation.on_text(store.text, start, start + len(exact), id=new_id(store.ids()), note=note))


def on_disk(store: AnnotationStore) -> dict[str, Any]:
    return tomllib.loads(store.path.read_text())


# -- the article changes -------------------------------------------------------------


def test_after_an_edit_the_file_gets_new_offsets_and_fingerprint_and_flags_orphans(tmp_path: Path) -> None:
    source = article(tmp_path)
    store = open_store(load_document(str(source)))
    kept = highlight(store, "“We waited forty years for this,”", note="the quote")
    lost = highlight(store, "Fishermen had long complained that the unlit breakwater was dangerous to small boats.")
    source.write_text("CORRECTION appended at the top.\n\n" + ARTICLE.replace(lost.exact, "Boats had trouble."))
    edited = load_document(str(source))

    reopened = open_store(edited)
    assert reopened.orphans == {lost.id}
    saved = on_disk(reopened)
    assert saved["document"]["fingerprint"] == edited.fingerprint
    by_id = {entry["id"]: entry for entry in saved["annotation"]}
    moved = by_id[kept.id]
    assert edited.text[moved["start"] : moved["end"]] == kept.exact and moved["start"] == kept.start + 33
    assert moved.get("orphan") is None
    assert by_id[lost.id]["orphan"] is True
    assert (by_id[lost.id]["exact"], by_id[lost.id]["start"]) == (lost.exact, lost.start), "orphans keep their text"
    (entry,) = library(store.path.parent.parent)
    assert (entry.annotations, entry.orphans) == (2, 1)

    source.write_text(ARTICLE)  # the edit is undone: the orphan fits again
    again = open_store(load_document(str(source)))
    assert again.orphans == set() and "orphan" not in on_disk(again)["annotation"][1]


def test_an_unchanged_article_does_not_rewrite_the_file(tmp_path: Path) -> None:
    store = open_store(load_document(str(article(tmp_path))))
    highlight(store, "the council said")
    before = store.path.stat().st_mtime_ns, store.path.read_bytes()
    open_store(load_document(str(tmp_path / "lamp.txt")))
    assert (store.path.stat().st_mtime_ns, store.path.read_bytes()) == before


def test_a_moved_file_finds_its_notes_by_fingerprint_and_records_the_new_source(tmp_path: Path) -> None:
    source = article(tmp_path)
    store = open_store(load_document(str(source)))
    highlight(store, "the council said", note="who exactly?")
    old_path = store.path
    moved = tmp_path / "archive" / "harbour-2026.txt"
    moved.parent.mkdir()
    source.rename(moved)

    reopened = open_store(load_document(str(moved)))
    assert [a.note for a in reopened.annotations] == ["who exactly?"]
    assert on_disk(reopened)["document"]["source"] == str(moved.resolve())
    assert not old_path.exists() and reopened.path.name.startswith("harbour-2026-")


def test_a_copy_beside_the_original_does_not_take_its_notes(tmp_path: Path) -> None:
    source = article(tmp_path)
    store = open_store(load_document(str(source)))
    highlight(store, "the council said")
    copy = article(tmp_path, name="copy.txt")
    assert open_store(load_document(str(copy))).annotations == []
    assert len(open_store(load_document(str(source))).annotations) == 1


# -- two windows and hand edits --------------------------------------------------------


def test_deletes_and_edits_in_another_window_are_merged_not_undone(tmp_path: Path) -> None:
    document = load_document(str(article(tmp_path)))
    left = open_store(document)
    first = highlight(left, "the council said")
    second = highlight(left, "Edda Marsh")
    right = open_store(document)
    right.remove(first.id)
    right.update(second.id, note="chair of the trust")
    highlight(left, "harbour trust")  # left saves after right: it must not bring `first` back
    final = open_store(document)
    assert sorted(a.exact for a in final.annotations) == ["Edda Marsh", "harbour trust"]
    assert final.get(second.id) is not None and final.get(second.id).note == "chair of the trust"  # type: ignore[union-attr]


def test_a_hand_edit_is_picked_up_by_an_open_store(tmp_path: Path) -> None:
    store = open_store(load_document(str(article(tmp_path))))
    annotation = highlight(store, "the council said")
    edited = store.path.read_text().replace('note = ""', 'note = "added by hand"')
    store.path.write_text(edited)
    assert store.refresh() is True
    assert store.get(annotation.id).note == "added by hand"  # type: ignore[union-attr]
    assert store.refresh() is False
    store.path.write_text(store.path.read_text().replace("[[annotation]]", "[[annotation]"))
    broken = store.path.read_bytes()
    with pytest.raises(StoreParseError):
        store.refresh()
    assert store.read_only_reason
    with pytest.raises(StoreError, match="read-only"):
        highlight(store, "Edda Marsh")
    assert store.path.read_bytes() == broken, "a file broken by hand is never overwritten"


WRITER = textwrap.dedent(
    """
    import sys
    from annotations import Annotation, open_store
    from annotations.model import new_id
    from content import load_document

    source, base, who, ready = sys.argv[1:5]
    from pathlib import Path
    document = load_document(source)
    store = open_store(document, Path(base))
    Path(ready).touch()
    while not Path(ready + ".go").exists():
        pass
    words = [w for w in set(document.text.split()) if document.text.count(w) == 1]
    for i in range(50):
        text = document.text
        start = i * 3
        store.add(Annotation.on_text(text, start, start + 5, id=f"{who}{i:03d}", note=f"{who} {i}"))
        if who == "a" and i < 10:
            store.remove(f"old{i:02d}")
        if who == "b" and i < 10:
            store.update(f"old{19 - i:02d}", note="edited by b")
    """
)


def test_two_processes_adding_editing_and_deleting_at_once_lose_nothing(tmp_path: Path, data_dir: Path) -> None:
    source = article(tmp_path, ARTICLE * 3)
    document = load_document(str(source))
    store = open_store(document, data_dir)
    for i in range(20):
        store.add(Annotation.on_text(document.text, 200 + i, 210 + i, id=f"old{i:02d}"))
    ready = [tmp_path / "a.ready", tmp_path / "b.ready"]
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    processes = [
        subprocess.Popen([sys.executable, str(script), str(source), str(data_dir), who, str(flag)], env=env)
        for who, flag in zip("ab", ready, strict=True)
    ]
    while not all(flag.exists() for flag in ready):
        assert all(p.poll() is None for p in processes), "a writer died before starting"
    for flag in ready:
        Path(str(flag) + ".go").touch()
    assert [p.wait(timeout=120) for p in processes] == [0, 0]

    final = {entry["id"]: entry for entry in on_disk(store)["annotation"]}
    assert {f"a{i:03d}" for i in range(50)} | {f"b{i:03d}" for i in range(50)} <= final.keys()
    assert not {f"old{i:02d}" for i in range(10)} & final.keys(), "a's deletions stand"
    assert all(final[f"old{i:02d}"]["note"] == "edited by b" for i in range(10, 20)), "b's edits stand"
    assert len(final) == 110


# -- faults ----------------------------------------------------------------------------


class _FailingFile:
    def __init__(self, handle: Any, error: int) -> None:
        self.handle, self.error = handle, error

    def __enter__(self) -> _FailingFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        raise OSError(self.error, os.strerror(self.error))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.handle, name)


@pytest.mark.parametrize("where", ["write", "fsync"])
@pytest.mark.parametrize(("code", "message"), [(errno.ENOSPC, "disk is full"), (errno.EIO, "Input/output error")])
def test_a_failed_write_or_fsync_keeps_the_old_file_and_the_edit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, code: int, message: str
) -> None:
    import annotations.atomic as atomic

    store = open_store(load_document(str(article(tmp_path))))
    highlight(store, "the council said")
    before = store.path.read_bytes()
    if where == "write":
        real_fdopen = os.fdopen
        monkeypatch.setattr(atomic.os, "fdopen", lambda fd, mode: _FailingFile(real_fdopen(fd, mode), code))
    else:

        def failing_fsync(fd: int) -> None:
            raise OSError(code, os.strerror(code))

        monkeypatch.setattr(atomic.os, "fsync", failing_fsync)
    with pytest.raises(StoreError, match=message) as caught:
        highlight(store, "Edda Marsh")
    assert "previous file is unchanged" in str(caught.value)
    assert store.path.read_bytes() == before
    assert store.unsaved and len(store.annotations) == 2
    assert not list(store.path.parent.glob("*.tmp"))
    monkeypatch.undo()
    store.save()
    assert sorted(a["exact"] for a in on_disk(store)["annotation"]) == ["Edda Marsh", "the council said"]


def test_a_read_only_directory_keeps_the_old_file_and_the_edit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(load_document(str(article(tmp_path))))
    highlight(store, "the council said")
    before = store.path.read_bytes()
    folder = store.path.parent
    folder.chmod(0o555)
    if os.geteuid() == 0:
        # root ignores directory permissions; give the answer the kernel gives everyone else.
        import annotations.atomic as atomic

        def read_only(*args: object, **kwargs: object) -> None:
            raise OSError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(atomic.tempfile, "mkstemp", read_only)
    try:
        with pytest.raises(StoreError, match="read-only"):
            highlight(store, "Edda Marsh")
        assert store.path.read_bytes() == before and store.unsaved
    finally:
        folder.chmod(0o755)
        monkeypatch.undo()
    store.save()
    assert len(on_disk(store)["annotation"]) == 2


def test_a_leftover_temp_file_from_a_crash_is_cleaned_up(tmp_path: Path) -> None:
    store = open_store(load_document(str(article(tmp_path))))
    highlight(store, "the council said")
    leftover = store.path.with_name(f".{store.path.name}.k2j4x9.tmp")
    leftover.write_text("half a file from a crash")
    highlight(store, "Edda Marsh")
    assert not leftover.exists()
    assert len(on_disk(store)["annotation"]) == 2
    assert [entry.title for entry in library(store.path.parent.parent)] == ["Harbour lamp burns again"]


def test_a_stale_lock_does_not_block_and_a_live_one_times_out_without_loss(tmp_path: Path) -> None:
    store = open_store(load_document(str(article(tmp_path))))
    highlight(store, "the council said")
    lock_path(store.path).write_text("999999\n")  # left by a postil that crashed
    highlight(store, "Edda Marsh")
    assert len(on_disk(store)["annotation"]) == 2

    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD_LOCK, str(lock_path(store.path))], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match="another postil"), file_lock(store.path, wait=0.3):
            pass
    finally:
        holder.kill()
        holder.wait()
    with file_lock(store.path, wait=0.3):
        pass  # the holder died: its lock went with it


HOLD_LOCK = (
    "import fcntl, sys, time; f = open(sys.argv[1], 'w'); fcntl.flock(f, fcntl.LOCK_EX); "
    "print('locked', flush=True); time.sleep(60)"
)


def test_a_symlinked_file_is_written_through_and_stays_a_link(tmp_path: Path) -> None:
    store = open_store(load_document(str(article(tmp_path))))
    highlight(store, "the council said")
    real = tmp_path / "synced" / "notes.toml"
    real.parent.mkdir()
    store.path.rename(real)
    store.path.symlink_to(real)
    reopened = open_store(load_document(str(tmp_path / "lamp.txt")))
    highlight(reopened, "Edda Marsh")
    assert store.path.is_symlink() and "Edda Marsh" in real.read_text()
    assert lock_path(store.path).parent == real.parent
