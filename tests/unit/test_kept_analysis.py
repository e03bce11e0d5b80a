"""A book's analysis is kept in the cache: opened again, it is read back, never stale or wrong."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from content import load_document
from content.analysis import analyse, kept
from content.analysis.claims import CUE_WEIGHTS_ENV
from content.analysis.lexicon import BOOK_LENGTH
from content.analysis.ranker import WEIGHTS_ENV
from content.cache import write_checked


def _book() -> str:
    """A first-person story, long enough to be a book: the narrator is named only by the one
    who speaks to him, so it is the quotes' attribution that names him."""
    chapters = []
    for n in range(1, 190):
        chapters.append(
            f"CHAPTER {n}\n\n"
            f"I took the ferry to Gullwick Point on the {n}th morning and stood at the rail in the spray. "
            "I had not slept, and I did not mean to talk.\n\n"
            "\u201cGood morning, Wren,\u201d said Ilsabet Marrow. \u201cYou look tired, Wren.\u201d\n\n"
            "\u201cThe tide is against us again,\u201d I said.\n\n"
            "\u201cIt always is,\u201d she said. \u201cAsk anyone who rows.\u201d\n\n"
            "\u201cThen I am wrong,\u201d I said, \u201cthough I doubt it.\u201d\n\n"
            f"The harbour master claimed that {n * 3} boats had crossed since dawn.\n\n"
        )
    return "".join(chapters)


@pytest.fixture
def book(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(_book(), encoding="utf-8")
    assert path.stat().st_size > BOOK_LENGTH
    return path


def _results(source: Path) -> tuple[list, list, list, list]:
    analysis = analyse(load_document(str(source)))
    return analysis.sentences, analysis.quotes, analysis.claims, analysis.people


def _kept_files() -> list[Path]:
    return sorted((Path(os.environ["POSTIL_CACHE_DIR"]) / "analysis").glob("*.marshal"))


def _no_stage_may_run(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a stage ran instead of being read back")

    for module, name in (
        ("content.analysis.narrator", "attribute"),
        ("content.analysis.claims", "find_claims"),
        ("content.analysis", "split_sentences"),
        ("content.analysis.cast", "Cast"),
    ):
        monkeypatch.setattr(f"{module}.{name}", refuse)


def test_a_book_opened_again_reads_its_analysis_back(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _results(book)
    assert len(_kept_files()) == 1
    assert any(person.name == "Wren" and person.narrator for person in first[3])

    _no_stage_may_run(monkeypatch)
    again = _results(book)
    assert again == first


def test_the_claims_and_people_after_kept_quotes_are_a_fresh_analysis(
    book: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The attribution teaches the cast (here, the narrator's name): quotes read back taught it
    nothing, so claims and people made after them must not read an untaught cast."""
    fresh = _results(book)  # with a cache of its own
    monkeypatch.setenv("POSTIL_CACHE_DIR", str(tmp_path / "another-cache"))
    analyse(load_document(str(book))).quotes  # noqa: B018 - only the sentences and quotes are kept
    analysis = analyse(load_document(str(book)))
    assert analysis.kept("quotes") and not analysis.kept("claims", "people")
    assert (analysis.sentences, analysis.quotes, analysis.claims, analysis.people) == fresh


def test_a_short_article_is_not_kept() -> None:
    analysis = analyse(load_document(None))  # the sample article
    analysis.run()
    assert analysis.people
    assert _kept_files() == []


@pytest.mark.parametrize(
    ("variable", "weights"), [(WEIGHTS_ENV, "attribution.json"), (CUE_WEIGHTS_ENV, "claim_cues.json")]
)
def test_other_weights_keep_nothing(book: Path, monkeypatch: pytest.MonkeyPatch, variable: str, weights: str) -> None:
    """Training runs the stages with other weights: what they make is not what postil ships."""
    monkeypatch.setenv(variable, str(Path(kept.__file__).with_name(weights)))
    _results(book)
    assert _kept_files() == []


def test_a_changed_analysis_does_not_read_what_the_old_one_kept(book: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _results(book)
    monkeypatch.setattr(kept, "_code", b"another version of the analysis")
    ran = []
    real = kept.Kept.put
    monkeypatch.setattr(kept.Kept, "put", lambda self, stage, made: (ran.append(stage), real(self, stage, made)))
    _results(book)
    assert ran == ["sentences", "quotes", "claims", "people"]
    assert len(_kept_files()) == 2


def _the_kept_file(book: Path) -> Path:
    analysis = analyse(load_document(str(book)))
    keeping = analysis._kept_stages
    assert keeping is not None
    return keeping.path


def _quotes(*rows: tuple) -> list[list]:
    """Quotes as they are kept: one list per field."""
    return [list(column) for column in zip(*rows, strict=True)]


@pytest.mark.parametrize(
    "kept_quotes",
    [
        _quotes((0, 10**9, "speech", None, None, None, None, 1)),  # past the end of the text
        _quotes((40, 20, "speech", None, None, None, None, 1)),  # ends before it starts
        _quotes((0, 10, "shout", None, None, None, None, 1)),  # no such kind
        _quotes((0, 10, "speech", 7, None, None, None, 1)),  # a speaker that is not a name
        _quotes((0, 10, "speech", None, None, None, None)),  # a field short
        [*_quotes((0, 10, "speech", None, None, None, None, 1))[:7], [1, 1]],  # a field longer than the others
        ["not a quote"] * 8,
        "not quotes at all",
    ],
)
def test_a_kept_file_that_is_not_what_the_stage_makes_is_a_miss(book: Path, kept_quotes: object) -> None:
    fresh = _results(book)
    path = _the_kept_file(book)
    sentences = [[s.start for s in fresh[0]], [s.end for s in fresh[0]]]
    write_checked(path, kept._HEADER, marshal.dumps({"sentences": sentences, "quotes": kept_quotes}))
    assert _results(book) == fresh


def test_the_sentences_alone_are_not_written(book: Path) -> None:
    """`postil sentences` of a book (about a second) writes nothing: the sentences are kept
    with the quotes."""
    analysis = analyse(load_document(str(book)))
    analysis.sentences  # noqa: B018
    assert _kept_files() == []
    analysis.quotes  # noqa: B018
    assert len(_kept_files()) == 1
    assert analyse(load_document(str(book))).kept("sentences", "quotes")


def test_a_damaged_or_foreign_kept_file_is_a_miss(book: Path) -> None:
    fresh = _results(book)
    path = _the_kept_file(book)
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # one byte changed: the checksum no longer holds
    path.write_bytes(bytes(data))
    assert _results(book) == fresh
    path.write_bytes(b"\x00" * 64)
    assert _results(book) == fresh


def test_a_fifo_planted_as_the_kept_file_is_a_miss_not_a_hang(book: Path) -> None:
    path = _the_kept_file(book)
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(_results(book)), daemon=True)
    worker.start()
    worker.join(60)
    assert done, "the analysis waited on the FIFO"
    assert done[0] == _results(book)


def test_postil_quotes_on_a_book_a_second_time_prints_the_same(book: Path) -> None:
    command = [sys.executable, "-m", "tui", "quotes", str(book), "--json"]
    first = subprocess.run(command, capture_output=True, text=True, check=True, env=os.environ)
    assert _kept_files()
    second = subprocess.run(command, capture_output=True, text=True, check=True, env=os.environ)
    assert second.stdout == first.stdout
    assert '"speaker": "Wren"' in first.stdout
