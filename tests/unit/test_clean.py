from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from content import clean_text
from content.clean import clean_line


def test_line_endings_become_newlines() -> None:
    assert clean_text("one\r\ntwo\rthree\n") == "one\ntwo\nthree\n"


def test_osc52_clipboard_write_is_removed_whole() -> None:
    assert clean_text("before\x1b]52;c;SGVsbG8=\x07after") == "beforeafter"


def test_osc_terminated_by_st_and_8bit_forms_are_removed() -> None:
    assert clean_text("a\x1b]0;title\x1b\\b") == "ab"
    assert clean_text("a\x9d0;title\x9cb") == "ab"
    assert clean_text("a\x9b2Jb") == "ab"


def test_csi_sequences_are_removed() -> None:
    assert clean_text("a\x1b[2Jb\x1b[31mred\x1b[0m") == "abred"


def test_dcs_apc_pm_sos_are_removed() -> None:
    for introducer in ("P", "_", "^", "X"):
        assert clean_text(f"a\x1b{introducer}payload\x1b\\b") == "ab"


def test_unterminated_string_sequence_stops_at_end_of_line() -> None:
    assert clean_text("a\x1b]52;c;AAAA\nsecond line") == "a\nsecond line"


def test_other_controls_become_visible_stand_ins() -> None:
    assert clean_text("bell\x07 nul\x00 del\x7f") == "bell␇ nul␀ del␡"
    assert clean_text("c1\x85") == "c1\ufffd"


def test_tabs_and_newlines_are_kept() -> None:
    assert clean_text("a\tb\nc") == "a\tb\nc"


def test_bidi_overrides_are_made_visible() -> None:
    assert clean_text("abc\u202edef") == "abc⟨RLO⟩def"
    assert clean_text("\u2066x\u2069") == "⟨LRI⟩x⟨PDI⟩"


def test_clean_line_folds_to_one_line() -> None:
    assert clean_line("evil\x1b[2J\nname.txt") == "evil name.txt"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_no_escape_or_control_survives(text: str) -> None:
    cleaned = clean_text(text)
    for char in cleaned:
        code = ord(char)
        assert char in "\n\t" or not (code < 0x20 or 0x7F <= code <= 0x9F)
        assert not 0x202A <= code <= 0x202E and not 0x2066 <= code <= 0x2069


@given(
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cc", "Cs"),
            blacklist_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
        )
    )
)
def test_text_without_controls_is_unchanged(text: str) -> None:
    assert clean_text(text) == text
