from __future__ import annotations

import pytest

from tui.search import MAX_MATCHES, Finder, Query, SearchError

TEXT = "The Ledger was late. The ledger, said Wren, was never late. LEDGER!"


def found(query: Query, text: str = TEXT) -> list[str]:
    matches = Finder(text).find(query)
    return [text[s:e] for s, e in zip(matches.starts, matches.ends, strict=True)]


def test_smart_case_lower_case_ignores_case_and_a_capital_matches_it() -> None:
    assert found(Query("ledger")) == ["Ledger", "ledger", "LEDGER"]
    assert found(Query("Ledger")) == ["Ledger"]


def test_a_regular_expression_is_taken_as_typed() -> None:
    assert found(Query(r"l\w+ate", regex=True)) == []
    assert found(Query(r"\bw\w+", regex=True)) == ["was", "Wren", "was"]
    assert found(Query("W[a-z]+", regex=True)) == ["Wren"]
    with pytest.raises(SearchError, match="not a regular expression"):
        Finder(TEXT).find(Query("(unclosed", regex=True))


def test_offsets_hold_where_lower_case_changes_the_length() -> None:
    text = "İstanbul wrote to the ledger. The Ledger replied."
    assert "İ".lower() != "i" and len(text.lower()) != len(text)
    assert found(Query("ledger"), text) == ["ledger", "Ledger"]


def test_stepping_wraps_and_rows_see_only_their_matches() -> None:
    matches = Finder(TEXT).find(Query("ledger"))
    assert matches.after(matches.starts[-1]) == 0  # past the last: back to the first
    assert matches.before(0) == len(matches) - 1
    row = matches.overlapping(0, TEXT.index(", said"))  # the first two, not the third
    assert [(s.start, s.end) for s in row] == [
        (matches.starts[0], matches.ends[0]),
        (matches.starts[1], matches.ends[1]),
    ]


def test_a_query_that_matches_everywhere_is_capped_and_says_so() -> None:
    matches = Finder("e" * (MAX_MATCHES + 10)).find(Query("e"))
    assert len(matches) == MAX_MATCHES and matches.count() == f"{MAX_MATCHES}+"
