"""The attribution patterns' compiled code is kept in the cache directory between runs: the
answers must be the same whether a pattern was compiled now or read back, and a cache file
that is damaged, foreign or cannot be written changes nothing a user sees."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from content.analysis import kept_regex
from content.analysis.lexicon import _trie
from content.cache import write_checked
from content.load import SAMPLE_SOURCE, load_document


def quotes_json(env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "quotes", "--json", SAMPLE_SOURCE],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def regex_files(isolated_dirs: Path) -> list[Path]:
    return sorted((isolated_dirs / "cache" / "regex").glob("*.marshal"))


def test_a_second_run_reads_the_kept_patterns_and_answers_the_same(isolated_dirs: Path) -> None:
    cold = quotes_json()
    assert cold.returncode == 0 and cold.stderr == ""
    [kept] = regex_files(isolated_dirs)
    written = kept.stat().st_mtime_ns
    warm = quotes_json()
    assert warm.returncode == 0 and warm.stderr == ""
    assert warm.stdout == cold.stdout and '"speaker"' in cold.stdout
    # Every pattern the run needed was found: nothing new to keep, so the file is not written.
    assert kept.stat().st_mtime_ns == written


def test_patterns_read_back_match_as_freshly_compiled_ones(isolated_dirs: Path) -> None:
    assert quotes_json().returncode == 0
    [kept] = regex_files(isolated_dirs)
    table = kept_regex._read(kept)
    assert len(table) > 50  # the sieves' and the cast's patterns
    text = load_document(SAMPLE_SOURCE).text
    tries = {key: entry for key, entry in table.items() if isinstance(entry, str)}
    assert len(tries) >= 10  # the word lists' tries the patterns are made of, kept as text
    for (words, _), trie in tries.items():
        assert trie == _trie(frozenset(words.split("\n")[1:])) and trie.startswith("(?:")
    for (source, flags), entry in table.items():
        if isinstance(entry, str):
            continue
        read_back = kept_regex._sre.compile(source, *entry)
        fresh = re.compile(source, flags)
        assert (read_back.pattern, read_back.flags, read_back.groupindex) == (
            fresh.pattern,
            fresh.flags,
            fresh.groupindex,
        )
        found = [(m.span(), m.groupdict()) for m in read_back.finditer(text)]
        assert found == [(m.span(), m.groupdict()) for m in fresh.finditer(text)], source[:60]


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data[:-10] + bytes(10),  # changed after its checksum
        lambda data: b"not a cache at all",
        lambda data: b"",
    ],
)
def test_a_damaged_cache_file_is_compiled_again_and_rewritten(
    isolated_dirs: Path, damage: Callable[[bytes], bytes]
) -> None:
    expected = quotes_json().stdout
    [kept] = regex_files(isolated_dirs)
    kept.write_bytes(damage(kept.read_bytes()))
    again = quotes_json()
    assert again.returncode == 0 and again.stderr == "" and again.stdout == expected
    assert len(kept_regex._read(kept)) > 50


def test_wrong_code_under_a_good_checksum_is_not_trusted(isolated_dirs: Path) -> None:
    """A file that passes its checksum but holds code that is not the pattern's (another
    program's, or a bug's): `_sre` refuses it, and the pattern is compiled as usual."""
    expected = quotes_json().stdout
    [kept] = regex_files(isolated_dirs)
    table = kept_regex._read(kept)
    table = {
        key: entry if isinstance(entry, str) else (entry[0], [255] * len(entry[1]), *entry[2:])
        for key, entry in table.items()
    }
    body = marshal.dumps(table)
    write_checked(kept, kept_regex._HEADER, body)
    again = quotes_json()
    assert again.returncode == 0 and again.stderr == "" and again.stdout == expected


def test_a_cache_that_cannot_be_written_changes_nothing(isolated_dirs: Path, tmp_path: Path) -> None:
    expected = quotes_json().stdout
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where the cache directory should be")
    env = {**os.environ, "POSTIL_CACHE_DIR": str(blocked)}
    run = quotes_json(env)
    assert run.returncode == 0 and run.stderr == "" and run.stdout == expected
    assert blocked.read_text() == "a file where the cache directory should be"


def test_a_bad_pattern_still_raises_re_error() -> None:
    with pytest.raises(re.error):
        kept_regex.compile("(unclosed")


@pytest.mark.parametrize("planted", ["fifo", "dev-zero"])
def test_something_planted_where_a_cache_file_goes_is_a_miss_not_a_hang(isolated_dirs: Path, planted: str) -> None:
    """A FIFO would wait for a writer for ever, and `/dev/zero` never ends: neither is read."""
    expected = quotes_json().stdout
    [kept] = regex_files(isolated_dirs)
    kept.unlink()
    if planted == "fifo":
        os.mkfifo(kept)
    else:
        kept.symlink_to("/dev/zero")
    run = quotes_json()  # (timeout=120: a hang fails the test)
    assert run.returncode == 0 and run.stderr == "" and run.stdout == expected


def test_a_test_run_writes_nothing_to_the_users_cache(tmp_path: Path) -> None:
    """The patterns are compiled when the test modules are imported, before any test's own
    folders are set, and kept at exit, after them: both must miss the user's cache dir."""
    home = tmp_path / "a-user-home"
    home.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("POSTIL_", "XDG_"))}
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/unit/test_quotes.py", "-k", "nested"],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=Path(__file__).parents[2],
    )
    assert run.returncode == 0, run.stdout[-2000:]
    assert list(home.rglob("*")) == []
