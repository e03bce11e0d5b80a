from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from content import load_document
from content.analysis import analyse
from content.markdown import parse_markdown
from content.plaintext import parse_plain_text
from tests.conftest import FIXTURES
from tui.layout import MEASURE, WrapModel


def shown(model: WrapModel) -> list[str]:
    return [row.indent + model.document.text[row.start : row.end].replace("\n", " ") for row in model.rows]


def test_rows_fit_the_width_and_cover_every_word() -> None:
    doc = load_document(None)
    for width in (20, 40, 79, 200):
        model = WrapModel(doc, width)
        assert all(cell_len(line) <= model.measure for line in shown(model))
        words = " ".join(doc.text[r.start : r.end] for r in model.rows if r.block >= 0).split()
        assert words == doc.text.split()


def test_wide_terminals_get_a_centred_column() -> None:
    model = WrapModel(load_document(None), 200)
    assert model.measure == MEASURE and model.margin == (200 - MEASURE) // 2


def test_offsets_map_to_the_row_that_shows_them() -> None:
    doc = load_document(None)
    model = WrapModel(doc, 50)
    for sentence in analyse(doc).sentences:
        first, last = model.rows_of(sentence.start, sentence.end)
        assert model.rows[first].start <= sentence.start <= model.rows[first].end
        assert model.rows[last].start < sentence.end <= model.rows[last].end


def test_blocks_are_separated_by_a_blank_row() -> None:
    doc = parse_plain_text("Title\n\nOne.\n\nTwo.", "x")
    assert shown(WrapModel(doc, 40)) == ["Title", "", "One.", "", "Two."]


def test_markdown_decorations_sit_beside_the_text() -> None:
    doc = parse_markdown((FIXTURES / "field-notes.md").read_text(), "f.md")
    lines = shown(WrapModel(doc, 100))
    walk = lines.index("1. Walk the transect.")
    assert lines[walk : walk + 3] == [
        "1. Walk the transect.",
        "2. Count every occupied nest.",
        "  • Mark empties with a 0.",
    ]
    assert any(line.startswith("▎ ▎ She added") for line in lines)
    assert "  transect  nests" in lines


def test_wide_characters_take_two_cells() -> None:
    doc = parse_plain_text("Title\n\n" + "漢字 " * 30 + "😀 end", "x")
    model = WrapModel(doc, 20)
    assert all(cell_len(line) <= 20 for line in shown(model))
    assert "".join(doc.text[r.start : r.end] for r in model.rows[2:]).replace(" ", "") == doc.text[7:].replace(" ", "")


@given(st.text(alphabet=st.sampled_from("ab cd\n漢😀é"), max_size=300), st.integers(min_value=1, max_value=60))
def test_wrapping_never_loses_or_overflows(body: str, width: int) -> None:
    doc = parse_plain_text("T\n\n" + body, "x")
    model = WrapModel(doc, width)
    for row in model.rows:
        assert row.start <= row.end
        if row.block >= 0:
            piece = doc.text[row.start : row.end]
            assert cell_len(row.indent + piece) <= max(model.measure, 8) or len(piece) == 1


def test_a_book_lists_a_bounded_number_of_quotes_and_claims() -> None:
    from content.analysis.claims import Claim
    from content.analysis.quotes import Quote
    from tui.widgets.pane import claim_options, quote_options

    text = "x" * 20000
    quotes = [Quote(i * 10, i * 10 + 5, "speech", f"Speaker {i % 40}") for i in range(2000)]
    options = quote_options(text, quotes, limit=300)
    assert 300 <= len(options) < 400
    assert "more: ] walks through every one" in str(options[-1].prompt)
    short = quote_options(text, quotes[:50], limit=300)
    assert sum(1 for o in short if o.id) == 50  # an article lists every quote
    claims = [Claim(i * 10, i * 10 + 5, "factual") for i in range(1000)]
    assert len(claim_options(text, claims, limit=300)) == 301


def test_a_lazy_layout_grows_into_the_same_rows_as_an_eager_one() -> None:
    sample = load_document(None)
    doc = parse_plain_text("Twice\n\n" + "\n\n".join([sample.text] * 8), "long.txt")
    eager = WrapModel(doc, 60)
    lazy = WrapModel(doc, 60, lazy=True)
    assert not lazy.rows and not lazy.complete
    assert lazy.row(3) == eager.rows[3]  # asking for a row lays out just enough
    assert not lazy.complete and 0 < len(lazy.rows) < len(eager.rows)
    assert len(lazy) > len(lazy.rows)  # the rest is estimated for the scroll bar
    middle = doc.text.index("Tidewater", len(doc.text) // 2)
    assert middle > lazy.rows[-1].end
    assert lazy.row_of(middle) == eager.row_of(middle)
    while not lazy.extend(5):
        pass
    assert lazy.rows == eager.rows and len(lazy) == len(eager)
