from __future__ import annotations

import pytest

from content.analysis import analyse
from content.analysis.sentences import split_span
from content.plaintext import parse_plain_text


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in split_span(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rained. Then it stopped.", ["It rained.", "Then it stopped."]),
        ("Mr. Okoro arrived. He sat.", ["Mr. Okoro arrived.", "He sat."]),
        ("Dr. Varga and Prof. Lind met.", ["Dr. Varga and Prof. Lind met."]),
        ("It cost $3.50 today. Fine.", ["It cost $3.50 today.", "Fine."]),
        ("We met J. R. Hale there.", ["We met J. R. Hale there."]),
        ("It ended at 2 a.m. and we slept.", ["It ended at 2 a.m. and we slept."]),
        ("It ended at 2 a.m. The police left.", ["It ended at 2 a.m.", "The police left."]),
        ("Wait... What was that?", ["Wait...", "What was that?"]),
        ('He said, "Go home." She went.', ['He said, "Go home."', "She went."]),
        ("Really? Yes! Good.", ["Really?", "Yes!", "Good."]),
        ("(This is an aside.) Next one.", ["(This is an aside.)", "Next one."]),
        ("Apples, pears, etc. are sold here.", ["Apples, pears, etc. are sold here."]),
        ("See p. 12 for the table.", ["See p. 12 for the table."]),
        (
            "She retired in Nov. Her successor starts in Dec. 2027.",
            ["She retired in Nov.", "Her successor starts in Dec. 2027."],
        ),
        ("The vote is due in Jan. but may slip.", ["The vote is due in Jan. but may slip."]),
        ("Hale (b. 1950) said little. Berg said less.", ["Hale (b. 1950) said little.", "Berg said less."]),
        ("It was us, you and I. Did Maria J. Ortiz agree?", ["It was us, you and I.", "Did Maria J. Ortiz agree?"]),
        ("1.) Boil water 2.) Add tea", ["1.) Boil water", "2.) Add tea"]),
        ("a. Red line b. Blue line", ["a. Red line", "b. Blue line"]),
        # The list inside the paragraph, each kind of marker
        ("Do this: 1) Boil water 2) Add tea", ["Do this:", "1) Boil water", "2) Add tea"]),
        ("Steps: 1.) Boil water 2.) Add tea", ["Steps:", "1.) Boil water", "2.) Add tea"]),
        ("Pick one: a. Red line b. Blue line", ["Pick one:", "a. Red line", "b. Blue line"]),
        ("Steps • 1. Boil water • 2. Add tea", ["Steps", "• 1. Boil water", "• 2. Add tea"]),
        ("Pay 10) first 11) then go", ["Pay", "10) first", "11) then go"]),
        ("Ratings rose (see a) above) and fell.", ["Ratings rose (see a) above) and fell."]),
        ("He hesitated . . . then left.", ["He hesitated . . . then left."]),
        ("It ended there. . . . Later, more came.", ["It ended there.", ". . . Later, more came."]),
        ('"The text [...] was cut [...]" (Ng 4).', ['"The text [...] was cut [...]" (Ng 4).']),
        ("Lunch at 1 P.M. The rest of the day was free.", ["Lunch at 1 P.M.", "The rest of the day was free."]),
        ("At 9 a.m. Dr. Osei arrived.", ["At 9 a.m. Dr. Osei arrived."]),
        ("The mayor waved from the pier Photo: Ana Lund.", ["The mayor waved from the pier", "Photo: Ana Lund."]),
        ("* Ferry workers strike\n* Union chair speaks", ["* Ferry workers strike", "* Union chair speaks"]),
        ("Related:\n  - one item\n  • two item", ["Related:", "- one item", "• two item"]),
        ("The tide came in\n-- and went out.", ["The tide came in\n-- and went out."]),
        ('"No, no. Take the boat."', ['"No, no.', 'Take the boat."']),
        ("It made him ill. He went home.", ["It made him ill.", "He went home."]),
        ("It was No. 1 in the charts.", ["It was No. 1 in the charts."]),
        ("Is it over? No. But it is close.", ["Is it over?", "No.", "But it is close."]),
        ("It was No. XII in the series.", ["It was No. XII in the series."]),
        ("She ran against then-Sen. Hale in 2008.", ["She ran against then-Sen. Hale in 2008."]),
        ("It was ex-Gov. Berg who spoke.", ["It was ex-Gov. Berg who spoke."]),
        ("It was only a follow-up. Nobody asked why.", ["It was only a follow-up.", "Nobody asked why."]),
        ("She moved to Gullwick, Calif. She liked it.", ["She moved to Gullwick, Calif.", "She liked it."]),
        ("She moved to Gullwick, Calif. in 2003.", ["She moved to Gullwick, Calif. in 2003."]),
        ("He lives on Harbour St. The pier is near.", ["He lives on Harbour St.", "The pier is near."]),
        ("St. Ida's bell rang.", ["St. Ida's bell rang."]),
        ('"Why not?" Holm asked. He left.', ['"Why not?" Holm asked.', "He left."]),
        ('"We won!" Ida Holm said on Monday.', ['"We won!" Ida Holm said on Monday.']),
        ('"Why not?" Holm left the room.', ['"Why not?"', "Holm left the room."]),
        ("'Why not?' They said nothing.", ["'Why not?'", "They said nothing."]),
        ("She asked: “Is it safe?” Nobody replied.", ["She asked: “Is it safe?”", "Nobody replied."]),
        ("“Fire!” Someone shouted.", ["“Fire!”", "Someone shouted."]),
        ("They sold nets, rope, etc. Nothing else.", ["They sold nets, rope, etc.", "Nothing else."]),
        ("They sold nets, rope, etc. Nobody bought any.", ["They sold nets, rope, etc.", "Nobody bought any."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_a_list_in_a_paragraph_after_the_first() -> None:
    text = "Intro.\n\nDo this: 1) Boil water 2) Add tea"
    assert [text[s:e] for s, e in split_span(text, 8, len(text))] == ["Do this:", "1) Boil water", "2) Add tea"]


def test_sentences_never_cross_blocks_and_are_spans() -> None:
    doc = parse_plain_text("Headline\n\nOne. Two\n\nThree", "x")
    assert [doc.text[s.start : s.end] for s in analyse(doc).sentences] == ["Headline", "One.", "Two", "Three"]


def test_sample_article_sentences_include_quotes_whole() -> None:
    from content import load_document

    doc = load_document(None)
    texts = [doc.text[s.start : s.end] for s in analyse(doc).sentences]
    assert "Brennan rejected that account." in texts
    assert '"Nobody has hidden anything," Pryce said.' in texts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('She said "No." Then she smiled.', ['She said "No."', "Then she smiled."]),
        ("“Go on to No.” The rest of the sign was gone.", ["“Go on to No.”", "The rest of the sign was gone."]),
        # Without the closing mark, "No." and "St." are still abbreviations.
        ("It stood at No. 5 Harbour Road.", ["It stood at No. 5 Harbour Road."]),
        ("They met on Harbour St. Ida Hale was late.", ["They met on Harbour St. Ida Hale was late."]),
    ],
)
def test_a_quotation_closed_after_its_stop_ends_the_sentence(text: str, expected: list[str]) -> None:
    """A word that is often an abbreviation ("No.", "St.") ends the sentence when a closing
    quotation mark follows its stop and a capital follows the mark."""
    assert split(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“We will stay,” Hale said.Berg left the pier.", ["“We will stay,” Hale said.", "Berg left the pier."]),
        ("The talks went on for hours….The vote was off.", ["The talks went on for hours….", "The vote was off."]),
        ("The ferry sank in 1912.The crew lived.", ["The ferry sank in 1912.", "The crew lived."]),
        # Not an abbreviation, an initial or a web address.
        (
            "Mrs.Hale drove to the U.S.Army base, see gullwick.Com/news or www.Gazette.Com for more.",
            ["Mrs.Hale drove to the U.S.Army base, see gullwick.Com/news or www.Gazette.Com for more."],
        ),
    ],
)
def test_a_sentence_glued_to_the_last_without_a_space_is_its_own(text: str, expected: list[str]) -> None:
    """Pages copied from the web lose spaces: "… Hale said.Berg left …" is two sentences."""
    assert split(text) == expected
