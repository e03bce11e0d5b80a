"""Quotations, speakers and claims on short texts written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.analysis import analyse
from content.analysis.quotes import Quote
from content.plaintext import parse_plain_text


def quotes_of(body: str) -> tuple[str, list[Quote]]:
    doc = parse_plain_text("Headline Here\n\n" + body, "/tmp/t.txt")
    return doc.text, analyse(doc).quotes


def claim_sources(body: str) -> list[str | None]:
    doc = parse_plain_text("Headline Here\n\n" + body, "/tmp/t.txt")
    return [c.source for c in analyse(doc).claims]


def shown(text: str, quotes: list[Quote]) -> list[tuple[str, str | None, int]]:
    return [(text[q.start : q.end], q.speaker, q.depth) for q in quotes]


def test_curly_quote_with_inverted_attribution() -> None:
    text, quotes = quotes_of("“We are ready,” said Mara Quist, the fire chief.")
    assert shown(text, quotes) == [("“We are ready,”", "Mara Quist", 1)]
    (quote,) = quotes
    assert text[quote.speaker_start : quote.speaker_end] == "Mara Quist" and quote.cue == "said"


def test_straight_quotes_and_pronoun_resolved_to_the_last_named_person() -> None:
    body = 'Jonas Eide runs the ferry. "It was calm," he said.'
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert quote.speaker == "Jonas Eide"
    assert text[quote.speaker_start : quote.speaker_end] == "he"


def test_a_short_name_resolves_to_the_full_name() -> None:
    body = 'Priya Lindqvist said the vote was close.\n\n"We lost by two," Lindqvist said.'
    _, quotes = quotes_of(body)
    assert quotes[0].speaker == "Priya Lindqvist"


def test_organisations_and_groups_speak() -> None:
    _text, quotes = quotes_of('"The claim is false," her lawyers said in a statement.')
    (quote,) = quotes
    assert quote.speaker == "her lawyers"
    _, quotes = quotes_of('"We stand by the story," the newspaper said.')
    assert quotes[0].speaker == "the newspaper"


def test_attribution_before_the_quote() -> None:
    _, quotes = quotes_of('The minister, Ola Berg, told reporters: "No decision has been made."')
    assert quotes[0].speaker == "Ola Berg"


def test_nested_single_quotes_inside_double() -> None:
    text, quotes = quotes_of("“My mother said, ‘Never sell the boat,’ and I listened,” Ivo Ruud said.")
    assert shown(text, quotes) == [
        ("“My mother said, ‘Never sell the boat,’ and I listened,”", "Ivo Ruud", 1),
        ("‘Never sell the boat,’", None, 2),
    ]


def test_multi_paragraph_quotation_is_one_quote() -> None:
    body = "“The first part of the letter.\n\n“The second part, still her words.”\n\nAfter that, silence."
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert text[quote.start : quote.end] == "“The first part of the letter.\n\n“The second part, still her words.”"


def test_apostrophes_and_elisions_are_not_quote_marks() -> None:
    body = "It’s Reynolds’ boat from the ’90s, and rock ’n’ roll isn’t dead, Dana Holm said."
    _, quotes = quotes_of(body)
    assert quotes == []


def test_an_unbalanced_mark_does_not_swallow_the_article() -> None:
    body = '"This quote never closes, said nobody.\n\nA later paragraph. "A real one," Kai Moe said.'
    text, quotes = quotes_of(body)
    assert shown(text, quotes) == [
        ('"This quote never closes, said nobody.', None, 1),
        ('"A real one,"', "Kai Moe", 1),
    ]


@pytest.mark.parametrize(
    ("opening", "closing", "broken"),
    [('"', '"', '"'), ("'", "'", "'"), ("“", "”", "“"), ("‘", "’", "‘")],
)
def test_a_speech_broken_off_closes_on_a_mark_between_spaces(opening: str, closing: str, broken: str) -> None:
    """Texts that lost their dashes break a speech off on a mark between spaces ("…, or the
    skipper, or "). It closes the speech: the next paragraph's answer is the other speaker's,
    not more of the same quotation. So with straight single marks, and with a text whose marks
    were curled after it lost its dashes, where the mark was curled as an opening one (between
    spaces, it opens nothing)."""
    body = (
        (
            "Per Lund leaned on the rail. _Who was it?^ asked Per Lund. _If it was Holm, or the skipper, or ~\n\n"
            "_I don’t care who,^ said Ada Rusk. _The ferry waits for nobody.^ _Nor the tide,^ said Per Lund."
        )
        .replace("_", opening)
        .replace("^", closing)
        .replace("~", broken)
    )
    text, quotes = quotes_of(body)
    assert [text[q.start : q.end] for q in quotes] == [
        f"{opening}Who was it?{closing}",
        f"{opening}If it was Holm, or the skipper, or {broken}",
        f"{opening}I don’t care who,{closing}",
        f"{opening}The ferry waits for nobody.{closing}",
        f"{opening}Nor the tide,{closing}",
    ]
    assert [q.speaker for q in quotes[2:]] == ["Ada Rusk", "Ada Rusk", "Per Lund"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            '"So was I," said Tomas Holm, "   and the whole pier with me, that winter."',
            [('"So was I,"', "Tomas Holm", 1), ('"   and the whole pier with me, that winter."', "Tomas Holm", 1)],
        ),
        (
            'Per Lund looked up from the nets.\n\n" Somebody is on the pier," said Per Lund.',
            [('" Somebody is on the pier,"', "Per Lund", 1)],
        ),
        (
            "'Ask him,' said Ada Rusk. 'Was it cold?' she asked.\n\n'Bitter,' said Per Lund.\n\n"
            "'So was I,' said Tomas Holm, '   and the whole pier with me, that winter.'",
            [
                ("'Ask him,'", "Ada Rusk", 1),
                ("'Was it cold?'", "Ada Rusk", 1),
                ("'Bitter,'", "Per Lund", 1),
                ("'So was I,'", "Tomas Holm", 1),
                ("'   and the whole pier with me, that winter.'", "Tomas Holm", 1),
            ],
        ),
    ],
)
def test_a_speech_taken_up_after_a_lost_dash_opens_on_a_mark_before_spaces(
    body: str, expected: list[tuple[str, str | None, int]]
) -> None:
    """ "So was I," said Holm, "   and the pier with me": the speech goes on after a dash the
    text lost, so the mark before the spaces opens it; so does one that opens a paragraph."""
    text, quotes = quotes_of(body)
    assert shown(text, quotes) == expected


@pytest.mark.parametrize(
    ("attribution", "mention"),
    [
        ("said Ada Rusk very quietly.", "Ada Rusk"),
        ("said Ada Rusk rather sharply.", "Ada Rusk"),
        ("said the girl very quietly.", "the girl"),
        ("said Ada Rusk again.", "Ada Rusk"),
    ],
)
def test_an_adverb_after_the_speaker_ends_the_attribution(attribution: str, mention: str) -> None:
    """ "“…,” said Ada Rusk very quietly": "very quietly" says how, and is no part of who."""
    text, quotes = quotes_of(f'The hall was full. "Only think of the cost!" {attribution}')
    (quote,) = quotes
    assert text[quote.speaker_start : quote.speaker_end] == mention, shown(text, quotes)


@pytest.mark.parametrize(
    ("attribution", "mention"),
    [
        ("said Ada Rusk through her sobs, “that it is all gone!”", "Ada Rusk"),
        ("muttered Mlle. Varga under her breath.", "Mlle. Varga"),
        ("said Mr. Holm advancing, “that you must give back.”", "Mr. Holm"),
        ("said Tomas Berg turning to Mr. Holm, “that you would go.”", "Tomas Berg"),
        ("said the old man behind the door.", "the old man"),
    ],
)
def test_how_and_where_after_the_speaker_end_the_attribution(attribution: str, mention: str) -> None:
    """ "said Ada Rusk through her sobs", "said Mr. Holm advancing,": what follows the name
    says how or where; the speaker is the name, not "her sobs", and not nobody."""
    text, quotes = quotes_of(f"Ada Rusk, Tomas Berg and Mr. Holm sat by the stove.\n\n“Only think,” {attribution}")
    assert text[quotes[0].speaker_start : quotes[0].speaker_end] == mention, shown(text, quotes)


def test_whose_eyes_sparkled_before_a_quotation_speaks_it_by_name() -> None:
    """ "Mrs. Holm's eyes sparkled. “A ship!”" is Mrs. Holm's: the speaker is she, shown as
    "Mrs. Holm", and the mention it rests on is her name, not "Mrs. Holm's"."""
    text, quotes = quotes_of(
        "Mr. Holm and Mrs. Holm sat at breakfast with their daughter Ida.\n\n"
        "“A ship came in last night,” said Mr. Holm.\n\n"
        "Mrs. Holm's eyes sparkled. “A ship! Is it the one from the south?”\n\n“It may be,” said Mr. Holm."
    )
    ship = next(q for q in quotes if text[q.start : q.end].startswith("“A ship!"))
    assert (ship.speaker, text[ship.speaker_start : ship.speaker_end]) == ("Mrs. Holm", "Mrs. Holm")


def test_the_voice_of_someone_is_theirs() -> None:
    """ "“…!” exclaimed the voice of old Mr. Holm": the attribution rests on "the voice", and
    the speaker is whose voice it is."""
    text, quotes = quotes_of(
        'Ada Rusk came in late and shut the door. "Hateful storm!" exclaimed the voice of old Mr. Holm, '
        "who had come in before her."
    )
    (quote,) = quotes
    assert (text[quote.speaker_start : quote.speaker_end], quote.speaker) == ("the voice", "Mr. Holm")


def test_the_verb_after_a_quotation_is_not_the_next_ones_when_another_follows() -> None:
    """ "“Is the ferry in?” Per Holm asked, and his father said: “…”": "Per Holm asked" is
    the first quotation's attribution; the second is his father's."""
    text, quotes = quotes_of(
        'Fog lay on the harbour all day. "Is the ferry in yet?" Per Holm asked, and his father, '
        'without looking up from the nets, said: "Not before dark, and maybe not then."'
    )
    assert [(text[q.speaker_start : q.speaker_end], q.cue) for q in quotes] == [
        ("Per Holm", "asked"),
        ("his father", "said"),
    ]


def test_a_participle_after_a_quotation_goes_on_from_its_attribution() -> None:
    """ "“…,” said Holm, explaining he had worked with Lund, who ran the yard: “…”": the
    participle is Holm's, and so is the quotation it introduces, not Lund's."""
    _, quotes = quotes_of(
        'The yard was sold in May. "It was a fair price," said Tomas Holm, explaining he had worked with '
        'Per Lund, who ran the yard for years: "Per is the best boatwright on the coast."'
    )
    assert [q.speaker for q in quotes] == ["Tomas Holm", "Tomas Holm"]


def test_scare_quotes_are_terms_without_a_speaker() -> None:
    _, quotes = quotes_of('The plan was called "ambitious" by nobody in particular.')
    (quote,) = quotes
    assert (quote.kind, quote.speaker) == ("term", None)


def test_guillemets() -> None:
    text, quotes = quotes_of("«Nous partons demain», a dit Léa. Anna Vik said it too.")
    assert text[quotes[0].start : quotes[0].end] == "«Nous partons demain»"


def test_claims_kinds_cues_and_sources() -> None:
    body = (
        "Mara Quist claimed that the bridge was unsafe. "
        "According to the council, repairs cost £2.4 million. "
        "The contractor allegedly skipped inspections. "
        "The bridge opened in 1987. "
        "The sky was grey."
    )
    doc = parse_plain_text("Bridge\n\n" + body, "/tmp/b.txt")
    claims = [(doc.text[c.start : c.end], c.kind, c.source) for c in analyse(doc).claims]
    assert claims == [
        ("Mara Quist claimed that the bridge was unsafe.", "attributed", "Mara Quist"),
        ("According to the council, repairs cost £2.4 million.", "attributed", "the council"),
        ("The contractor allegedly skipped inspections.", "hedged", None),
        ("The bridge opened in 1987.", "factual", None),
    ]


def test_a_bare_quotation_is_not_a_claim() -> None:
    doc = parse_plain_text('Title\n\n"We will win," Ivo Ruud said.', "/tmp/c.txt")
    assert analyse(doc).claims == []


def test_the_sample_article_is_walkable() -> None:
    from content import load_document

    doc = load_document(None)
    speakers = {q.speaker for q in analyse(doc).quotes if q.speaker}
    assert {"Odile Brennan", "Tomasz Wilk", "Priya Anand", "Ruth Okafor", "Declan O'Rourke"} <= speakers
    kinds = {c.kind for c in analyse(doc).claims}
    assert kinds == {"attributed", "hedged", "factual"}


marks = st.sampled_from([*list("\"'“”‘’«» \n.,aAbB\x00\x1b"), "said", " he said", "Ann Lee", "\n\n"])


@settings(max_examples=200)
@given(st.lists(marks, max_size=80).map("".join))
def test_analysis_never_raises_and_spans_stay_inside(body: str) -> None:
    doc = parse_plain_text("T\n\n" + body, "/tmp/x.txt")
    for item in [*analyse(doc).quotes, *analyse(doc).claims, *analyse(doc).sentences]:
        assert 0 <= item.start <= item.end <= len(doc.text)
    for quote in analyse(doc).quotes:
        if quote.speaker_start is not None:
            assert 0 <= quote.speaker_start <= quote.speaker_end <= len(doc.text)  # type: ignore[operator]


def test_quotes_command_json_text_matches_offsets(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text('Title\n\n"First," Ana Lund said. "Second," said Per Dahl.\n')
    result = subprocess.run(
        [sys.executable, "-m", "tui", "quotes", str(path), "--json"], capture_output=True, text=True
    )
    items = json.loads(result.stdout)
    text = path.read_text()
    assert [(i["text"], i["speaker"]) for i in items] == [('"First,"', "Ana Lund"), ('"Second,"', "Per Dahl")]
    assert all(text[i["start"] : i["end"]] == i["text"] for i in items)
    only = subprocess.run(
        [sys.executable, "-m", "tui", "quotes", str(path), "--speaker", "dahl"], capture_output=True, text=True
    )
    assert "Per Dahl" in only.stdout and "Ana Lund" not in only.stdout


def test_she_in_news_is_the_woman_just_quoted_not_an_earlier_one() -> None:
    body = (
        "Mayor Eva Holm opened the meeting. She said little.\n\n"
        '"We will build it," Ana Lund told reporters.\n\n'
        'Asked about costs, she said: "We are on budget."'
    )
    _, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Ana Lund", "Ana Lund"]


def test_a_paragraph_opening_with_a_quote_takes_the_speaker_introduced_before_it() -> None:
    body = 'Ruth Okafor set out her case in a letter, read aloud by her granddaughter.\n\n"I have read every page."'
    _, quotes = quotes_of(body)
    assert quotes[0].speaker == "Ruth Okafor"


def test_a_turn_the_dialogue_tells_with_no_word_of_its_own_has_no_cue() -> None:
    body = (
        "CHAPTER I\n\nThe road was long.\n\nCHAPTER II\n\nThe rain came down.\n\n"
        "“Come in, Tom,” said Ada Berg, opening the door.\n\n“Thank you.”"
    )
    _, quotes = quotes_of(body)
    assert [(q.speaker, q.cue) for q in quotes] == [("Ada Berg", "said"), ("Tom", None)]


def test_a_quote_introduced_by_the_sentence_before_shows_that_sentences_word_as_its_cue() -> None:
    # The cue is a word of the text (DESIGN: "the reporting verb"), not the name of the rule.
    body = (
        "Ruth Okafor set out her case in a letter, read aloud by her granddaughter.\n\n"
        '"I have read every page."\n\n'
        "Ada Lund sent the board a long letter.\n\n"
        '"The ferry will not run this winter."'
    )
    _, quotes = quotes_of(body)
    assert [(q.speaker, q.cue) for q in quotes] == [("Ruth Okafor", "read"), ("Ada Lund", "letter")]


def test_a_signed_comment() -> None:
    _, quotes = quotes_of("“He never answers the question.” ― Maria Delgado")
    assert quotes[0].speaker == "Maria Delgado"


def test_a_quotation_signed_by_the_paragraph_below() -> None:
    body = (
        "Three candidates spoke at the pier on Monday.\n\n"
        '"The ferry will run again by spring, and the town will pay for none of it."\n\n'
        "- Ida Hale, mayor of Marrowgate.\n\n"
        '"We have heard that promise every winter."\n\n'
        "-Tomas Wilk.\n\n"
        'The harbour board called the plan "a fairy tale."\n\n'
        "- Marrowgate Gazette."
    )
    text, quotes = quotes_of(body)
    assert [(q.speaker, q.speaker_start and text[q.speaker_start : q.speaker_end]) for q in quotes][:2] == [
        ("Ida Hale", "Ida Hale"),
        ("Tomas Wilk", "Tomas Wilk"),
    ]
    # A phrase inside a sentence is not signed by the credit below the article.
    assert quotes[2].speaker != "Marrowgate Gazette"


def test_the_main_clause_speaks_for_an_embedded_quote() -> None:
    body = 'Piet Laan was angry. He said the firm had not answered, and that its insurers had "gone very quiet".'
    _, quotes = quotes_of(body)
    assert quotes[0].speaker == "Piet Laan"


def test_given_names_rule_out_the_wrong_pronoun() -> None:
    body = 'John Vos and Emma Ruud arrived late.\n\n"We got lost," said she.'
    _, quotes = quotes_of(body)
    assert quotes[0].speaker == "Emma Ruud"


def test_the_narrator_of_an_advertisement_is_its_speaker() -> None:
    body = (
        "The campaign's new advertisement opens on the pier at dawn.\n\n"
        '"Gullwick deserves a harbour that works," the narrator says, over footage of idle cranes.'
    )
    text, quotes = quotes_of(body)
    assert shown(text, quotes) == [('"Gullwick deserves a harbour that works,"', "the narrator", 1)]


def test_a_captain_with_a_woman_s_name_is_a_woman() -> None:
    body = (
        "Captain Ruth Wren brought the ferry in at noon, an hour late, and Tomas Berg met her on the quay.\n\n"
        "“The fog was thick,” she said."
    )
    _, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Ruth Wren"]


@pytest.mark.parametrize("verb", ["yelling", "shouting", "muttering"])
def test_a_participle_of_a_verb_of_saying_has_its_subject_before_a_colon(verb: str) -> None:
    _text, quotes = quotes_of(
        "At the rally in Marrow, Gullshire, on Saturday, a protester was pushed to the floor, "
        f'with Odile Brennan reportedly {verb}: "Get him out of here!"'
    )
    assert [(q.speaker, q.cue) for q in quotes] == [("Odile Brennan", verb)]


@pytest.mark.parametrize(
    "body",
    [
        'Brennan in a statement said the pier was "a ruin."',
        'Brennan during the debate called the pier "a ruin."',
        'Brennan at the meeting said: "The pier is a ruin."',
    ],
)
def test_a_phrase_after_a_preposition_is_not_the_subject_of_the_verb(body: str) -> None:
    """ "Brennan in a statement said": the statement is how she said it, not who did."""
    _, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Brennan"]


def test_as_before_a_speaker_is_no_part_of_the_speaker() -> None:
    text, quotes = quotes_of('The pier is not "a ruin," as the mayor suggested last week.')
    assert [(q.speaker, text[q.speaker_start : q.speaker_end]) for q in quotes] == [("the mayor", "the mayor")]


def test_stance_verbs_and_nouns_are_attributed_claims() -> None:
    doc = parse_plain_text(
        "Title\n\nResidents voiced concerns about the noise. The union opposed the plan. The river is wide.",
        "/tmp/s.txt",
    )
    claims = [(doc.text[c.start : c.end], c.kind) for c in analyse(doc).claims]
    assert claims == [
        ("Residents voiced concerns about the noise.", "attributed"),
        ("The union opposed the plan.", "attributed"),
    ]


def test_two_apostrophes_make_a_double_mark() -> None:
    text, quotes = quotes_of("''This isn't tax reform,'' said Douglas Hale, an economist.")
    assert shown(text, quotes) == [("''This isn't tax reform,''", "Douglas Hale", 1)]


def test_a_fragment_is_the_words_of_the_sentence_subject() -> None:
    text, quotes = quotes_of(
        "In July, Ada Varga placed the island in the “suburbs of Marrow Point” on air. "
        "At the forum, one questioner claimed that the “forces of correctness” were to blame."
    )
    assert [(text[q.start : q.end], q.speaker, q.kind) for q in quotes] == [
        ("“suburbs of Marrow Point”", "Ada Varga", "term"),  # no reporting verb: the subject's words
        ("“forces of correctness”", "one questioner", "speech"),  # "one" opens a speaker phrase
    ]


def test_a_programme_title_is_nobody_s_words() -> None:
    text, quotes = quotes_of("Brennan told Harbour Radio’s “Morning Tide” that nobody would question the plan.")
    (title,) = quotes
    assert (text[title.start : title.end], title.speaker, title.kind) == ("“Morning Tide”", None, "term")


def test_words_that_merely_start_like_a_pronoun_are_not_pronouns() -> None:
    _text, quotes = quotes_of(
        "In a statement announcing the pick, the union called Brennan a “champion” of its members. "
        "On September 27 the council published its finding that the figure was “accurate.”"
    )
    speakers = [q.speaker for q in quotes]
    assert speakers[0] == "the union" and "I" not in speakers and "September" not in speakers


def test_words_inside_a_quotation_never_attribute_it() -> None:
    _text, quotes = quotes_of(
        "Lena Ostrova spoke at the pier. “Why will he not publish the accounts?” she said. "
        "“Maybe he is not as rich as he says he is.”"
    )
    second = quotes[1]
    assert second.speaker_start is None or not (second.start <= second.speaker_start < second.end)


def test_a_quoted_transcript_is_spoken_by_its_label() -> None:
    text, quotes = quotes_of('The exchange went on. "WALLACE: But, Governor, I have to ask you about the budget."')
    (quote,) = quotes
    assert quote.speaker == "WALLACE" and text[quote.speaker_start : quote.speaker_end] == "WALLACE"


def test_the_source_before_a_who_clause_speaks_not_a_name_inside_the_clause() -> None:
    """ "Two councillors who know Tomas Wilk well said …": the councillors, not Wilk; "Ola Berg,
    a ferryman who has worked the crossing for 30 years, said …": Ola Berg. But a clause with a
    subject of its own after "in which" or "when" keeps it."""
    assert claim_sources(
        "Two councillors who know Tomas Wilk well said the levy was never paid. "
        "Ola Berg, a ferryman who has worked the crossing for 30 years, said the fares were fair. "
        "The vote came in a week in which Ida Hale said the levy was unpaid. "
        "The latest is Per Lund, the skipper who won the race in 2019 when the judges said the course was unfair."
    ) == ["Two councillors", "Ola Berg", "Ida Hale", "the judges"]


def test_what_something_is_known_as_is_no_report_of_its_own() -> None:
    """ "Gullwick was still known as …", "Ida Hale is known for …": what others say of the
    subject, not what the subject says. "Known" is a participle without "-ed", and was not read
    as one."""
    assert claim_sources(
        "The fund was set up in 1950, when Gullwick was still known as the quietest port on the coast. "
        "Ida Hale is known for her long campaign against the levy."
    ) == [None, None]


def test_claim_sources_named_after_according_to() -> None:
    doc = parse_plain_text(
        "Headline Here\n\nAccording to the harbour master, Tobias Wren, two boats struck the wall in 2024.\n\n"
        "According to figures released on Monday, landings fell by a fifth.\n\n"
        "The trust says the work was done almost entirely by volunteers.",
        "/tmp/t.txt",
    )
    assert [(c.kind, c.source) for c in analyse(doc).claims] == [
        ("attributed", "Tobias Wren"),
        ("attributed", "figures released on Monday"),
        ("attributed", "The trust"),
    ]


def test_a_share_of_people_in_words_is_a_claim_s_source() -> None:
    """A poll's share written in words speaks as a body, like "62 percent": "Six in 10 say …"."""
    sources = claim_sources(
        "Six in 10 say the mayor is at least somewhat decisive.\n\n"
        "Nearly half said they prefer someone from outside the council.\n\n"
        "About three-quarters of the traders support a ban on the new tolls."
    )
    assert sources == ["Six in 10", "Nearly half", "About three-quarters of the traders"]
    assert claim_sources("That person said the board had been unfair to the traders.") == ["That person"]


def test_a_participle_after_a_clause_is_its_subject_s_claim() -> None:
    """ "Holm spoke at the pier for an hour, decrying …" reports Holm, not the hour; a participle
    set off right after its own subject is that subject's."""
    sources = claim_sources(
        "Ida Holm spoke at the pier for an hour, decrying the hold of the ferry company on the board.\n\n"
        "Later that day, Per Lund wrote to the board, telling the Gazette that the tolls would stay.\n\n"
        "Tomas Wilk, speaking at the pier on Friday, is criticizing the board for the new tolls.",
    )
    assert sources == ["Ida Holm", "Per Lund", "Tomas Wilk"]


def test_a_verb_that_leads_into_the_cue_keeps_its_subject() -> None:
    """ "Holm went on to explain that …", "Lund is continuing to insist …": the subject of the
    verb before "to" makes the claim."""
    sources = claim_sources(
        "Ida Holm went on to explain that the tolls would pay for the wall.\n\n"
        "Per Lund is continuing to insist that the pier is safe.\n\n"
        "Older traders are far more likely to say that the tolls are unfair.\n\n"
        "Ada Berg further announced that the pier would close in May."
    )
    assert sources == ["Ida Holm", "Per Lund", "Older traders", "Ada Berg"]


def test_a_relative_pronoun_s_claim_is_the_phrase_it_stands_for() -> None:
    """ "a harbour pilot who warned that …": the pilot's claim, resting on the "who"; after a
    name and its description, the name's; and in a sentence that quotes someone, theirs."""
    doc = parse_plain_text(
        "Headline Here\n\nThe board heard from a harbour pilot who warned that the wall would fail.\n\n"
        "The council met Ida Holm, a trader at the market who claimed that the tolls were unfair.\n\n"
        "“It is late,” said Tom Rath, a ferryman who had warned that the storm would come.",
        "/tmp/t.txt",
    )
    text = doc.text
    claims = analyse(doc).claims
    assert [c.source for c in claims] == ["a harbour pilot", "Ida Holm", "Tom Rath"]
    assert [text[c.source_start : c.source_end] for c in claims[:2]] == ["who", "who"]


def test_a_source_ends_with_its_last_word() -> None:
    """Not "55 percent " before a dash, and a title's full stop does not end the name after "said"."""
    sources = claim_sources(
        "Former mayor Ida Holm (L), a ferry supporter, praised Berg for what he had done.\n\n"
        "Asked which port they trusted, the vast majority – 55 percent – named Marrow."
    )
    assert sources == ["Ida Holm", "55 percent"]
    # A dateline set off by a horizontal bar is no part of the source.
    assert claim_sources("MARROW POINT ― The harbour board said on Monday that the pier would close.") == [
        "The harbour board"
    ]
    (claim,) = analyse(
        parse_plain_text("Headline Here\n\nThe board met, said Mrs. Berg, and the pier is to close.", "/tmp/t.txt")
    ).claims
    assert claim.source == "Mrs. Berg"
    assert claim.cues == ("said",)  # once, though two readings of the sentence found it


def test_a_phrase_set_off_between_a_source_and_its_verb_is_not_the_source() -> None:
    sources = claim_sources(
        "Per Lund, in a letter on Friday, said the harbour had failed the town.\n\n"
        "Ida Holm, at the meeting on Monday, claimed that the tolls were unfair.",
    )
    assert sources == ["Per Lund", "Ida Holm"]


def test_an_adverb_of_time_between_a_source_and_its_verb_is_passed_over() -> None:
    sources = claim_sources(
        "Mr. Holm has long argued that the old pier should stay open.\n\n"
        "Several traders have already claimed that the tolls are too high.",
    )
    assert sources == ["Mr. Holm", "Several traders"]


def test_a_stance_from_someone_is_theirs() -> None:
    doc = parse_plain_text(
        "Headline Here\n\nThe new tolls have drawn sharp criticism from fellow traders at the pier.\n\n"
        "At the meeting the mayor took up Holm’s concerns about the tolls.",
        "/tmp/t.txt",
    )
    claims = analyse(doc).claims
    assert [(c.kind, c.source) for c in claims][:1] == [("attributed", "fellow traders")]
    # A stance owned before its noun is not the sentence's source: the mayor's words, not Holm's.
    assert all(c.source != "Holm" for c in claims)


def test_a_source_written_with_its_auxiliary_set_off_by_an_aside_or_before_and_is_found() -> None:
    sources = claim_sources(
        "Tomas Wilk spoke last. And he’s warning that the ferry company will lose the vote.\n\n"
        "Ida Holm, meanwhile, insists that the pier will reopen by spring.\n\n"
        "Per Lund has left the board, but is claiming that it owes him an apology.",
    )
    assert sources == ["Tomas Wilk", "Ida Holm", "Per Lund"]


def test_a_claim_whose_cue_finds_no_source_takes_its_quotations_speaker() -> None:
    """ "“This is robbery,” shouted one man at the back": the claim's source is the man the
    quotation's attribution names, as the quotes show it, not nobody."""
    doc = parse_plain_text(
        "Headline Here\n\nPassengers were unconvinced. “This is robbery,” shouted one man at the back of the hall.\n\n"
        "“We will look at every option,” said a council official who asked not to be named.",
        "/tmp/t.txt",
    )
    assert [(c.kind, c.source) for c in analyse(doc).claims] == [
        ("attributed", "one man"),
        ("attributed", "a council official"),
    ]


def test_a_long_source_after_according_to_still_makes_the_claim() -> None:
    doc = parse_plain_text(
        "Headline Here\n\nThe ferry is losing riders by more than nine points, according to the harbour "
        "board's survey of the whole coast and its many islands - despite the timetable that came in during "
        "the long wet spring.\n\nFares rose - according to the ferry board - in the spring.",
        "/tmp/t.txt",
    )
    assert [(c.kind, c.source) for c in analyse(doc).claims] == [
        ("attributed", "the harbour board's survey of the whole coast and its many islands"),
        ("attributed", "the ferry board"),
    ]


def test_a_surname_two_people_share_is_not_guessed_and_adverbs_are_not_speakers() -> None:
    text, quotes = quotes_of(
        "Anne Lindqvist sat by the fire. Tobias Lindqvist stood at the window.\n\n"
        "“The tide is late,” said Lindqvist.\n\n"
        "“We shall see,” said her mother resentfully."
    )
    assert [q.speaker for q in quotes] == ["Lindqvist", "her mother"]
    assert text[quotes[1].speaker_start : quotes[1].speaker_end] == "her mother"


def test_an_opening_phrase_and_a_content_clause_never_speak() -> None:
    text, quotes = quotes_of(
        "In a message posted on Friday, Ida Corran said she had “a few doubts” about the plan.\n\n"
        'In a statement, the company said: "The mine was highly successful when it opened," '
        "adding that its value quadrupled."
    )
    assert [(q.speaker, text[q.speaker_start : q.speaker_end]) for q in quotes] == [
        ("Ida Corran", "Ida Corran"),
        ("the company", "the company"),
    ]


def test_a_quotation_after_a_sentence_that_ends_with_its_attribution() -> None:
    _text, quotes = quotes_of(
        "The board may wait until spring, Ida Hale said. “The other factor is the weather.”\n\n"
        "Chris Tolland, who has advised the board since he left the council in February, blasted the plan "
        "as a “disgrace” on Wednesday."
    )
    assert [q.speaker for q in quotes] == ["Ida Hale", "Chris Tolland"]


def test_claims_in_headlines_from_groups_and_after_an_age() -> None:
    doc = parse_plain_text(
        "Harbour News\n\nHarbour Lamp Costs Too Much, Former Harbour Master Says.\n\n"
        "Elected officials from both parties say the levy has to rise.\n\n"
        "Ada Lind spoke. Lind, 56, who has sat on the council for a decade, told the paper that it was a bargain.\n\n"
        "Wren, speaking to reporters outside the town hall, said the levy was fair.",
        "/tmp/t.txt",
    )
    claims = analyse(doc).claims
    assert [(doc.text[c.start : c.end][:24], c.source) for c in claims] == [
        ("Harbour Lamp Costs Too M", "Former Harbour Master"),
        ("Elected officials from b", "Elected officials from both parties"),
        ("Lind, 56, who has sat on", "Ada Lind"),
        ("Wren, speaking to report", "Wren"),
    ]


def test_a_pronoun_after_narration_is_the_person_narrated_not_one_named_in_the_quote() -> None:
    _text, quotes = quotes_of(
        "Maud Fenwick came in from the rain.\n\n"
        "“Has Dora gone?” said Maud Fenwick.\n\n"
        "When Mrs. Arden was told of this, she did not look as pleased as the children expected.\n\n"
        "“What, home already, and without poor Dora!” she cried."
    )
    assert [q.speaker for q in quotes] == ["Maud Fenwick", "Mrs. Arden"]


def test_a_title_tells_a_couple_apart_when_a_pronoun_is_resolved() -> None:
    _text, quotes = quotes_of(
        "Tom Arden read his paper. He said nothing at all. His sister Jane Arden was out.\n\n"
        "The loss of her garden made Mrs. Arden very dull for several days.\n\n"
        "“I often think,” said she, “that nothing is so bad as a winter without roses.”"
    )
    assert quotes[0].speaker == "Mrs. Arden"


def test_unattributed_turns_of_a_dialogue_alternate_between_its_two_speakers() -> None:
    _text, quotes = quotes_of(
        "The lamp room was cold.\n\n"
        "“Is the wick trimmed?” asked Edda Marsh.\n\n"
        "“It is,” Tobias Wren told her--“and the glass is clean.”\n\n"
        "“And the oil?”\n\n"
        "“Full to the brim.”\n\n"
        "“Then light it.”"
    )
    speakers = [q.speaker for q in quotes]
    assert speakers == ["Edda Marsh", "Tobias Wren", "Tobias Wren", "Edda Marsh", "Tobias Wren", "Edda Marsh"]


@pytest.mark.parametrize(
    "between",
    ["\n\n", "\n", "\n\n    "],
    ids=["blank lines", "a paragraph on each line", "indented after blank lines"],
)
def test_a_dialogue_alternates_whether_its_paragraphs_have_blank_lines_or_a_line_each(between: str) -> None:
    # A file with a paragraph on each line (and a blank line after its heading only) has the
    # same turns as one with blank lines: its lines are its paragraphs, not one long one.
    story = [
        "The last ferry of the day had already gone when Mira Holt reached the slipway, her bag over one "
        "shoulder and the rain coming in sideways off the water.",
        "“Is there another crossing tonight?” asked Mira Holt.",
        "“Not since noon,” said the harbourmaster, without looking up from his ledger.",
        "“Then I will wait for the morning one.”",
        "“Suit yourself.”",
        "“Is the shed open?”",
        "“Always.”",
    ]
    _text, quotes = quotes_of(between.join(story))
    assert [q.speaker for q in quotes] == ["Mira Holt", "the harbourmaster"] * 3


def test_a_speaker_after_a_double_hyphen_and_pray_is_not_a_name() -> None:
    _text, quotes = quotes_of(
        '"That is no way to thank him, Ingrid," cried her brother--"for he rowed out in the gale."\n\n'
        '"Pray tell your aunt that the boat is safe."'
    )
    assert quotes[0].speaker == "her brother"
    assert all(q.speaker != "Pray" for q in quotes)


def test_a_name_broken_across_a_wrapped_line_still_speaks() -> None:
    text, quotes = quotes_of(
        '"You have looked at the lamp long enough, I think," said Miss\nHolloway;--"and what do you make of it?"'
    )
    assert [q.speaker for q in quotes] == ["Miss Holloway", "Miss Holloway"]
    assert " ".join(text[quotes[0].speaker_start : quotes[0].speaker_end].split()) == "Miss Holloway"


def test_a_titled_wife_is_not_her_husband_the_only_full_name_of_the_family() -> None:
    _text, quotes = quotes_of(
        "Philip Norberg had married in the spring. He said little about it.\n\n"
        "“We are all delighted with the lamp,” said Mrs. Norberg."
    )
    assert quotes[0].speaker == "Mrs. Norberg"


@pytest.mark.parametrize("dot", [".", ""], ids=["Mrs.", "Mrs"])
def test_kin_and_rank_name_the_speaker_the_book_knows(dot: str) -> None:
    # (A book that writes its titles without a full stop, "Mrs Arden", is read alike.)
    _text, quotes = quotes_of(
        f"Mr{dot} Arden and Mrs{dot} Arden sat at breakfast with Lady Ingeborg.\n\n"
        f"“The lamp is lit,” said Mr{dot} Arden.\n\n"
        "“Lit! At this hour?” cried his wife.\n\n"
        "“It is a scandal,” said her ladyship.\n\n"
        f"“Well done,” thought Mrs{dot} Arden."
    )
    assert [q.speaker for q in quotes] == [f"Mr{dot} Arden", f"Mrs{dot} Arden", "Lady Ingeborg", f"Mrs{dot} Arden"]


def test_his_wife_is_the_wife_of_the_man_the_narration_names_not_of_one_a_quotation_names() -> None:
    """A question names Peter Berg to the room ("Where is Peter Berg?"); "cried his wife" after
    it is still the wife of the man who asked, Mr. Arden, whom the book calls Mrs. Arden."""
    _text, quotes = quotes_of(
        "Mr. Arden and Mrs. Arden sat at breakfast.\n\n"
        "Mr. Arden looked up. “The lamp is lit. Where is Peter Berg?”\n\n"
        "“Lit! At this hour?” cried his wife."
    )
    assert [q.speaker for q in quotes] == ["Mr. Arden", "Mrs. Arden"]


def test_the_author_credit_is_not_a_person_in_the_story() -> None:
    doc = parse_plain_text(
        "HARBOUR TALES\n\nBy Jane Marsh\n\n\n\nCHAPTER I\n\n“The lamp is out,” said she.", "/tmp/t.txt"
    )
    (quote,) = analyse(doc).quotes
    assert quote.speaker != "Jane Marsh"


def test_an_author_credit_on_the_first_line_is_not_a_person_in_the_story() -> None:
    # The story's Ida is not its author, Ida Marsh, credited on the text's first line.
    analysis = analyse(parse_plain_text("By Ida Marsh\n\n“The lamp is out,” said Ida. “It is.”", "/tmp/t.txt"))
    assert [quote.speaker for quote in analysis.quotes] == ["Ida", "Ida"]
    assert [person.name for person in analysis.people] == ["Ida"]


def test_said_i_is_the_narrator_or_the_bylined_author() -> None:
    _text, quotes = quotes_of("The lamp was out when we reached it.\n\n“We are too late,” said I.")
    assert quotes[0].speaker == "the narrator"
    doc = parse_plain_text("Harbour Notes\n\nBy Mara Quill\n\n“I was wrong about the lamp,” I said.", "/tmp/t.txt")
    assert analyse(doc).quotes[0].speaker == "Mara Quill"


def _mention(text: str, quote: Quote) -> str:
    assert quote.speaker_start is not None and quote.speaker_end is not None
    return text[quote.speaker_start : quote.speaker_end]


def test_a_name_that_ends_like_an_adverb_speaks_when_the_article_gives_it_in_full() -> None:
    text, quotes = quotes_of("Ruth Kelly runs the ferry.\n\n“The tide decides,” Kelly said. “Not the timetable.”")
    assert [(q.speaker, _mention(text, q)) for q in quotes] == [("Ruth Kelly", "Kelly"), ("Ruth Kelly", "Kelly")]


def test_a_paper_whose_name_ends_in_a_time_word_speaks() -> None:
    text, quotes = quotes_of("“The pier is finished,” the Harbour Times wrote on its front page.")
    assert _mention(text, quotes[0]) == "the Harbour Times"


def test_the_source_after_according_to_is_proposed_wherever_it_sits() -> None:
    text, quotes = quotes_of(
        "The mayor said the lamp was “a relic of another century,” according to the Marrow Gazette."
    )
    assert _mention(text, quotes[0]) in ("The mayor", "the Marrow Gazette")
    text, quotes = quotes_of("According to the Marrow Gazette, the lamp is “a relic of another century.”")
    assert _mention(text, quotes[0]) == "the Marrow Gazette"


def test_according_to_after_a_quotation_of_several_sentences_is_its_source() -> None:
    """The report's source is found in the sentence the quotation ends in, not only in the one
    it opens: the wire service that carried the engineer's words is who the reader is told."""
    text, quotes = quotes_of(
        "The council met on Monday. “The pier will be mended. The money is there,” the engineer told "
        "the meeting, according to the Marrow Wire, before the vote."
    )
    assert _mention(text, quotes[0]) == "the Marrow Wire"


def test_a_quoted_phrase_inside_a_report_is_the_words_of_the_report_s_source() -> None:
    """Nothing beside “keeps its word” says who said it; the sentence reports what the ferry
    users say, and the phrase stands in what they say. The claim and the quotation agree."""
    text, quotes = quotes_of(
        "GULLWICK — The harbour board voted on Tuesday to raise ferry fares by 12 percent.\n\n"
        "About six in 10 ferry users say that the one thing they want from the board is a "
        "timetable that “keeps its word.”"
    )
    (quote,) = quotes
    assert _mention(text, quote) == "About six in 10 ferry users"
    assert (quote.speaker, quote.cue) == ("About six in 10 ferry users", "say")


def test_a_quoted_phrase_inside_a_report_of_two_cues_takes_the_one_before_it() -> None:
    """The report says and insists; the phrase is in what they insist on, so "insist" is its cue."""
    _, quotes = quotes_of(
        "GULLWICK — The harbour board voted on Tuesday to raise ferry fares by 12 percent.\n\n"
        "About six in 10 ferry users say the board has ignored them and insist that the one thing "
        "they want from it is a timetable that “keeps its word.”"
    )
    (quote,) = quotes
    assert (quote.speaker, quote.cue) == ("About six in 10 ferry users", "insist")


def test_a_programme_s_name_inside_a_report_is_nobody_s_words() -> None:
    """ "Marrow said on the Gazette’s “Harbour Hour” that …": Marrow reports, but the name of
    the programme she spoke on is not something she said."""
    body = (
        "GULLWICK — The harbour board voted on Tuesday to raise ferry fares by 12 percent.\n\n"
        "Ines Marrow said on the Gazette’s “Harbour Hour” that the board had waited too long."
    )
    text, quotes = quotes_of(body)
    assert claim_sources(body) == [None, "Ines Marrow"]
    assert shown(text, quotes) == [("“Harbour Hour”", None, 1)]


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        ("Tomas Berg has fought the plan for a year. Berg’s response was: “Why now?”", "Berg"),
        ("The harbour board met on Monday. Wilk’s most explosive claim is that it is “a closed shop.”", "Wilk"),
    ],
)
def test_the_owner_of_a_noun_for_what_was_said_speaks(body: str, mention: str) -> None:
    """ "Berg’s response was: “…”": the one whose response it is, not the response."""
    text, quotes = quotes_of(body)
    assert _mention(text, quotes[0]) == mention
    assert quotes[0].speaker is not None and quotes[0].speaker.endswith(mention)


def test_a_possessive_before_a_noun_for_a_saying_is_proposed_as_its_speaker() -> None:
    """The sieve behind it offers the owner, a name or "his"/"her" read as "he"/"she"; it
    offers nobody when the noun is no saying ("Hale’s boat"), or a group's ("their chants")."""
    from content.analysis.marks import find_marked_spans
    from content.analysis.quotes import analysable_blocks
    from content.analysis.sieves import Sieves

    for body, expected in [
        ("Council members argued over Ida Hale’s claim that the pier “was never safe.”", ("Ida Hale", "Ida Hale")),
        ("Berg repeated his warning that the harbour would “flood within a decade.”", ("he", "his")),
        ("By her own admission the budget was “a mess.”", ("she", "her")),
        ("Hale’s boat was “a wreck,” the harbour master said.", None),
        ("Their chants of “Open the pier!” went on for an hour.", None),
    ]:
        analysis = analyse(parse_plain_text(body, "/tmp/t.txt"))
        text, blocks = analysis.read.text, analysable_blocks(analysis.read)
        spans = find_marked_spans(text, blocks)
        sieves = Sieves(analysis.read, blocks, analysis.sentences, analysis.cast, spans)
        owned = sieves.owned_saying(spans[0], 0)
        got = (owned.mention.text, text[owned.mention.start : owned.mention.end]) if owned else None
        assert got == expected, body


def test_a_name_set_off_after_a_description_of_a_person_is_someone_who_may_speak() -> None:
    """ "Her sister, Lena Marsh, was more hopeful. “…,” she said": Lena Marsh, a person by the
    description before her name, not Ida Hale, the woman the article named before."""
    text, quotes = quotes_of(
        "“The pier must close,” said Ida Hale, the harbour master.\n\n"
        "Her sister, Lena Marsh, was more hopeful. “Maybe the south quay will be better,” she said."
    )
    assert [(q.speaker, _mention(text, q)) for q in quotes] == [("Ida Hale", "Ida Hale"), ("Lena Marsh", "she")]
    # Not a place set off the same way: "the town, Gullwick Bay," is nobody.
    _text, quotes = quotes_of("She moved to the town, Gullwick Bay, last year. “It is quiet,” she said.")
    assert quotes[0].speaker != "Gullwick Bay"


def test_a_pronoun_after_someone_brought_in_unnamed_is_theirs() -> None:
    """ "One café owner, who asked not to be named, said …. “…,” she said": the café owner,
    not the last woman the article named; "The senator said" is left to the names before."""
    text, quotes = quotes_of(
        "“The divers go back on Monday,” said Ida Hale, the harbour chief.\n\n"
        "One café owner, who asked not to be named, said trade had fallen by half. "
        "“Some days nobody comes at all,” she said."
    )
    assert [(q.speaker, _mention(text, q)) for q in quotes] == [
        ("Ida Hale", "Ida Hale"),
        ("One café owner", "she"),
    ]
    text, quotes = quotes_of(
        "“The divers go back on Monday,” said Ida Hale, the harbour chief.\n\n"
        "The harbour chief told reporters the work would be slow. “We will know more then,” she said."
    )
    assert quotes[1].speaker == "Ida Hale"


def test_a_share_of_people_speaks_as_a_body() -> None:
    """ "21 percent said “…”": the share is the source, not a person named before."""
    text, quotes = quotes_of(
        "“The fares are fair,” said Mara Quist, the operator’s chief.\n\n"
        "Asked about the rise, 62 percent of passengers in a survey said they would “travel less,” "
        "and 14 percent said “not at all.”"
    )
    assert [_mention(text, q) for q in quotes] == ["Mara Quist", "62 percent of passengers in a survey", "14 percent"]


def test_a_long_apposition_between_a_speaker_and_the_verb() -> None:
    text, quotes = quotes_of(
        "“The harbour is safe,” Ida Brandt, 62, of Marrow Point, who has fished there for forty years, said on Monday."
    )
    assert _mention(text, quotes[0]) == "Ida Brandt"


def test_the_subject_of_the_clause_that_holds_a_fragment_speaks_for_it() -> None:
    text, quotes = quotes_of(
        "The council approved the budget, although Odile Brennan warned that it was “a gamble” for the town."
    )
    assert _mention(text, quotes[0]) == "Odile Brennan"


def test_a_quotation_that_ends_its_line_is_not_attributed_across_the_line() -> None:
    # One paragraph a line, as many news files are: "He said …" below begins another matter.
    text, quotes = quotes_of(
        "Wilk spoke first.\n“The lamp must stay.”\nHe said the vote would come on Friday, and Brennan agreed."
    )
    assert quotes[0].speaker_start != text.index("He said")


def test_an_opening_mark_typed_as_a_closing_one_still_closes() -> None:
    text, quotes = quotes_of("“Will the lamp stay?“ she asked. Nobody answered her.")
    assert text[quotes[0].start : quotes[0].end] == "“Will the lamp stay?“"


def test_who_in_a_relative_clause_speaks_for_the_name_before_it() -> None:
    """The quotation rests on "who", the subject of the reporting verb, and its speaker is
    the name "who" stands for; a relative clause that reports nothing leaves the main verb's."""
    body = (
        "The harbour board won a late backer, Tomas Vell, who declared at the meeting, “The pier must be rebuilt.”\n\n"
        "Ada Rusk, who chaired the board for a decade, shouted, “Not with our money.”\n\n"
        "Ola Berg, who told reporters he had not read the plan, said on Monday: “It will sink the town.”"
    )
    text, quotes = quotes_of(body)
    rebuilt, money, sink = quotes
    assert (rebuilt.speaker, text[rebuilt.speaker_start : rebuilt.speaker_end]) == ("Tomas Vell", "who")
    assert (money.speaker, text[money.speaker_start : money.speaker_end]) == ("Ada Rusk", "Ada Rusk")
    # The relative clause reports too ("who told reporters"), but it closes before the main
    # verb: the quotation is the main clause's, and rests on the name.
    assert (sink.speaker, text[sink.speaker_start : sink.speaker_end]) == ("Ola Berg", "Ola Berg")


def test_a_long_description_before_a_relative_clause_speaks_not_the_name_inside_it() -> None:
    """ "A retired ferryman and lamp keeper, who once rowed for Lund, predicted “…”": the ferryman,
    not Lund (the object inside the clause), though Lund was named just before."""
    text, quotes = quotes_of(
        "Per Lund chaired the meeting. A retired ferryman and lamp keeper, who once rowed for Lund, "
        "predicted “a hard winter for the boats.”"
    )
    (winter,) = quotes
    assert text[winter.speaker_start : winter.speaker_end] == "A retired ferryman and lamp keeper"
    assert winter.speaker != "Per Lund"


def test_who_after_a_name_and_its_place_speaks_for_the_name() -> None:
    """ "Sen. Ida Holm of Marrow, who called …" is Ida Holm's, not Marrow's (and "a Holm of
    Marrow", a phrase from the middle of "Ida", is no one); a body whose name has "of" in it
    speaks whole."""
    body = (
        "The plan drew fire from Sen. Ida Holm of Marrow, who called the new tolls “a plain robbery” on Friday.\n\n"
        "It was praised by the League of Harbour Traders, which called it “long overdue.”"
    )
    text, quotes = quotes_of(body)
    robbery, overdue = quotes
    assert (robbery.speaker, text[robbery.speaker_start : robbery.speaker_end]) == ("Ida Holm", "who")
    assert overdue.speaker == "the League of Harbour Traders"


def test_a_role_given_before_a_name_is_how_the_text_calls_them_after() -> None:
    """ "Republican mayoral candidate Ida Holm said …", then "…,” the Republican mayoral
    candidate said": the quotation rests on the description, and its speaker is Ida Holm."""
    body = (
        "Republican mayoral candidate Ida Holm said on Monday that the tolls would go. "
        "The new tolls are “a plain robbery,” the Republican mayoral candidate said.\n\n"
        "Per Lund said the pier was sound. “The pier is safe,” the harbour master said."
    )
    text, quotes = quotes_of(body)
    robbery, safe = quotes
    assert (robbery.speaker, text[robbery.speaker_start : robbery.speaker_end]) == (
        "Ida Holm",
        "the Republican mayoral candidate",
    )
    assert safe.speaker == "the harbour master"  # never called so before: nobody to link


def test_a_day_after_said_is_never_a_person_a_pronoun_can_mean() -> None:
    """ "Hale said Tuesday" once made "Tuesday" a member of the cast, and a later "he" was
    read as Tuesday."""
    body = (
        "The plan is a disaster, Ida Hale said Tuesday in Marrow.\n\n"
        "Tomas Wilk spoke to the crowd at the pier. “We close one chapter and begin another,” he said."
    )
    analysis = analyse(parse_plain_text("Headline Here\n\n" + body, "/tmp/t.txt"))
    assert [q.speaker for q in analysis.quotes] == ["Tomas Wilk"]
    assert "Tuesday" not in {person.name for person in analysis.cast.people()}


def test_a_day_after_a_name_is_no_part_of_the_name() -> None:
    """ "“…,” Ada Lund Thursday said" made "Lund Thursday" a person, and then "Gov. Ada Lund on
    Thursday blamed …" rested on "Thursday" alone. The day is when, not who."""
    body = (
        "“We will not pay for the pier,” Ada Lund Thursday said.\n\n"
        "Gov. Ada Lund on Thursday blamed the press for making too much of the claim that the mayor "
        "“sold the harbour,” and left the hall."
    )
    text, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Ada Lund", "Ada Lund"]
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ["Ada Lund", "Gov. Ada Lund"]
    analysis = analyse(parse_plain_text("Headline Here\n\n" + body, "/tmp/t.txt"))
    assert not {p.name for p in analysis.cast.people()} & {"Lund Thursday", "Ada Lund Thursday"}
    # Nor is the phrase left with the word before the day: "The mayor", not "The mayor on".
    text, (quote,) = quotes_of("The mayor on Tuesday called the plan “a betrayal of the town.” Later she left.")
    assert text[quote.speaker_start : quote.speaker_end] == "The mayor"


def test_according_to_a_phrase_a_participle_modifies_keeps_its_noun() -> None:
    """ "according to a briefing note circulated to councillors on Friday": the note speaks,
    not "circulated to councillors", what the search for a speaker kept of the phrase."""
    text, (quote,) = quotes_of(
        "Lawyers for the council have advised that the entry is “a statement of intent,” according to a "
        "briefing note circulated to councillors on Friday."
    )
    assert text[quote.speaker_start : quote.speaker_end] == "a briefing note"
    # A finite verb after the phrase is no participle: nobody is made of "the stage" here.
    text, (quote,) = quotes_of("First, she and other members on the stage refused to say the words “harbour tax.”")
    assert text[quote.speaker_start : quote.speaker_end] != "the stage"


def test_no_break_spaces_between_sentences_read_as_spaces() -> None:
    """Web pages put a no-break space after a closing mark: the next sentence's "She said"
    is not the attribution of the quotation before it, and the offsets still fit the text."""
    body = (
        "At the debate, when Mara Quill called the harbour plan “a gift to the few.”\u00a0"
        "She also said, without evidence, that “the board knew all along.”"
    )
    analysis = analyse(parse_plain_text("Headline Here\n\n" + body, "/tmp/t.txt"))
    text = analysis.document.text
    assert "\u00a0" in text
    gift, knew = analysis.quotes
    assert (gift.speaker, text[gift.speaker_start : gift.speaker_end]) == ("Mara Quill", "Mara Quill")
    assert (knew.speaker, text[knew.speaker_start : knew.speaker_end]) == ("Mara Quill", "She")
    assert [text[s.start : s.end] for s in analysis.sentences][-2:] == [
        "At the debate, when Mara Quill called the harbour plan “a gift to the few.”",
        "She also said, without evidence, that “the board knew all along.”",
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Board members were quick to respond, with Mara Quill tweeting that the vote was a “disaster for the town.”",
        # An adverb between the subject and its participle; the same name earlier is not the mention.
        "Mara Quill and Ola Berg were quick to respond, with Mara Quill recently promising to “tear the pier down.”",
    ],
)
def test_a_participle_with_its_own_subject_is_that_subject_s_words(body: str) -> None:
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Mara Quill", "Mara Quill")
    assert text[quote.speaker_end : quote.speaker_end + 10] in (" tweeting ", " recently ")


def test_a_thing_called_by_a_name_is_not_speech_but_a_person_calling_it_so_is() -> None:
    text, quotes = quotes_of(
        "Later on Sunday, Mara Quill shared the syllabus for a 2002 class called “Perception” on her page.\n\n"
        "The clip, which Judge Ada Rusk called “distasteful and cruel”, ran for an hour on the harbour channel."
    )
    perception, cruel = quotes
    assert perception.kind == "term"
    assert (cruel.kind, cruel.speaker, text[cruel.speaker_start : cruel.speaker_end], cruel.cue) == (
        "speech",
        "Ada Rusk",
        "Judge Ada Rusk",
        "called",
    )


@pytest.mark.parametrize(
    ("headline", "body", "name"),
    [
        (
            "Wilk Just Fired His Campaign Manager Over The Ferry Vote",
            "Tomas Wilk fired his campaign manager on Monday. “It was time,” Wilk said.",
            "Tomas Wilk",
        ),
        (  # a long headline with one word in lower case is still Title Case
            "Holm Tells Council the North Pier is Beyond Repair",
            "Harbour master Nils Holm spoke on Monday. “It cannot be saved,” Holm said.",
            "Nils Holm",
        ),
    ],
)
def test_a_title_case_headline_does_not_make_a_name(headline: str, body: str, name: str) -> None:
    analysis = analyse(parse_plain_text(f"{headline}\n\n{body}", "/tmp/t.txt"))
    assert [q.speaker for q in analysis.quotes] == [name]
    assert [p.name for p in analysis.people] == [name]


def test_the_one_called_by_name_answers_in_the_next_turn() -> None:
    """In a dialogue, a bare turn after “…, Tomas?” is Tomas's answer, not more from the one who asked."""
    text, quotes = quotes_of(
        "Tomas Wilk said nothing by the lamp, and Ada Rusk waited.\n\n"
        "“Will you light it tonight, Tomas?” asked Ada.\n\n"
        "“I will.”\n\n"
        "“And the oil?”\n\n"
        "“Full.”"
    )
    assert [(text[q.start : q.end], q.speaker) for q in quotes] == [
        ("“Will you light it tonight, Tomas?”", "Ada Rusk"),
        ("“I will.”", "Tomas Wilk"),
        ("“And the oil?”", "Ada Rusk"),
        ("“Full.”", "Tomas Wilk"),
    ]


def test_a_name_before_its_description_introduces_the_next_paragraph_s_quotation() -> None:
    text, quotes = quotes_of(
        "Ruth Okafor, a retired history teacher who has studied the ledger for a decade, set out the case"
        " in a letter read aloud to the meeting.\n\n"
        "“I have held that book in my hands more times than I can count.”"
    )
    (quote,) = quotes
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Ruth Okafor", "Ruth Okafor")


def test_a_place_in_an_opening_phrase_is_not_the_subject_of_the_verb() -> None:
    text, quotes = quotes_of(
        "On the gate at the foot of Gannet Head, a sign put up by the objectors, Keep the Light, reads: "
        "“THIS LIGHT IS NOT FOR SALE.”"
    )
    (quote,) = quotes
    assert "Gannet Head" not in (quote.speaker or "")
    assert quote.speaker_start is None or quote.speaker_start > text.index(",")


def test_a_name_with_a_middle_initial_is_one_person_however_it_is_cut() -> None:
    """ "Judge Michael W. Mosman" is read in pieces ("W. Mosman"); the pieces are one person,
    not a family of two whose surname alone could not be resolved."""
    doc = parse_plain_text(
        "Court Date\n\n"
        "In a clip that U.S. District Judge Michael W. Mosman called “distasteful,” the lawyer went on.\n\n"
        "“It was wrong,” said Judge Mosman. “It was very wrong,” Michael W. Mosman added.",
        "/tmp/t.txt",
    )
    analysis = analyse(doc)
    assert [q.speaker for q in analysis.quotes][1:] == ["Michael W. Mosman", "Michael W. Mosman"]
    assert [p.name for p in analysis.people if "Mosman" in p.name] == ["Michael W. Mosman"]


def test_a_word_capitalised_only_where_sentences_open_is_nobody() -> None:
    """In a book, "Again he hesitated" does not make "Again" a person: the text capitalises
    "Again" only where a sentence opens, never inside one as it does a name."""
    text = (
        "Tomas Wilk stood by the lamp with Ada Rusk.\n\n"
        "“The oil is low,” said Tomas.\n\n"
        "Again the wind rose. Again the shutters shook.\n\n"
        "“Then fill it,” said Ada.\n\n"
        "Again he hesitated, and then said gently: “I cannot.”\n\n"
        "Again she looked at him. Again the lamp flickered."
    )
    analysis = analyse(parse_plain_text(text, "/tmp/t.txt"))
    cannot = analysis.quotes[2]
    assert text[cannot.speaker_start : cannot.speaker_end] == "he"
    assert "Again" not in [q.speaker for q in analysis.quotes]
    # "Ada" is a woman's name: "he" is Tomas, who then has two quotations to her one.
    assert cannot.speaker == "Tomas Wilk"
    assert [p.name for p in analysis.people] == ["Tomas Wilk", "Ada Rusk"]


def test_the_speaker_s_mention_stops_before_the_full_stop_that_ends_the_attribution() -> None:
    text, quotes = quotes_of(
        "Tomas Wilk came in from the rain.\n\n“Well, then,” said Ada. “Sit down.”\n\n“Go,” said Tom Hale Jr. “Now.”"
    )
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ["Ada", "Ada", "Tom Hale Jr.", "Tom Hale Jr."]


def test_a_long_apposition_still_leads_to_its_speaker() -> None:
    text, quotes = quotes_of(
        "Harbour Notes\n\n"
        "Ida Brandt, the founder of the volunteer society that has kept the Gannet Head lamp lit through"
        " three winters without pay, said the vote was “a betrayal of every keeper who ever climbed those stairs.”"
    )
    (quote,) = quotes
    assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == ("Ida Brandt", "Ida Brandt")


def test_a_woman_s_title_is_not_given_to_the_man_her_surname_leads_to() -> None:
    """ "Lady Okafor" in a book that also names "Henry Okafor" is not Henry."""
    doc = parse_plain_text(
        "Lady Okafor kept the lamp. Her late husband, Henry Okafor, had built it.\n\n“It stays lit,” said Lady Okafor.",
        "/tmp/t.txt",
    )
    analysis = analyse(doc)
    assert [q.speaker for q in analysis.quotes] == ["Lady Okafor"]
    assert {p.name: p.gender for p in analysis.people}["Lady Okafor"] == "f"


def test_he_after_a_possessive_is_the_man_not_his_possessive() -> None:
    _, quotes = quotes_of("Tom Hale came, and Ida Hale with him.\n\nMr Hale's coat was wet. “It is late,” he said.")
    assert [q.speaker for q in quotes] == ["Mr Hale"]


def test_he_after_a_closed_quotation_is_a_pronoun_not_a_person_named_he() -> None:
    text, quotes = quotes_of(
        "Mr. Tomas Wilk sat with Mrs. Ada Rusk by the lamp.\n\n“It is late,” said Mrs. Rusk.\n\n"
        "“It is not late.” He thought. “Not yet.”"
    )
    assert [(q.speaker, text[q.speaker_start : q.speaker_end]) for q in quotes[1:]] == [
        ("Tomas Wilk", "He"),
        ("Tomas Wilk", "He"),
    ]


def test_a_name_in_a_title_case_heading_ends_before_a_common_word() -> None:
    doc = parse_plain_text(
        "Contents\n\nChapter II: In Which Tom Wilk and Miss Ida Hale Drive Out to the Point\n\n"
        "They took the long drive out by the shore road, which was wet. “Stop here,” said Ida.\n\n"
        "“Why?” asked Tom. “Because I want to see it,” said Ida.",
        "/tmp/t.txt",
    )
    analysis = analyse(doc)
    assert [q.speaker for q in analysis.quotes] == ["Ida Hale", "Tom Wilk", "Ida Hale"]
    assert "Ida Hale Drive" not in [p.name for p in analysis.people]


def test_a_speaker_is_shown_without_the_dash_the_line_break_or_the_when_around_it() -> None:
    text, quotes = quotes_of(
        "Sir Tobias Wren--a Radical, as he told everyone--came in.\n\n"
        "“The lamp stays,” said Sir Tobias Wren--who had built it.\n\n"
        "“It goes,” said the\nharbour master at last."
    )
    assert [q.speaker for q in quotes] == ["Sir Tobias Wren", "the harbour master"]
    assert text[quotes[1].speaker_start : quotes[1].speaker_end] == "the\nharbour master"


def test_said_i_at_a_sentence_end_is_the_pronoun_without_its_full_stop() -> None:
    text, quotes = quotes_of("I went down to the harbour with Ida.\n\n“Come here,” said I. “Sit down.”")
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ["I", "I"]


def test_any_verb_after_a_quotation_whose_sentence_goes_on_names_its_speaker() -> None:
    text, quotes = quotes_of("Wilk and Brennan met at the pier.\n\n“You sold the lamp,” Wilk barked at the mayor.")
    assert (quotes[0].speaker, _mention(text, quotes[0]), quotes[0].cue) == ("Wilk", "Wilk", "barked")
    # A quotation that ended its sentence is not spoken by the next sentence's subject.
    text, quotes = quotes_of("Wilk and Brennan met at the pier.\n\n“You sold the lamp.” Brennan walked away.")
    assert quotes[0].speaker_start is None or _mention(text, quotes[0]) != "Brennan"


def test_a_quotation_that_lost_its_comma_is_still_spoken_by_the_bare_attribution_after_it() -> None:
    text, quotes = quotes_of("Ida Hale spoke last.\n\n“The harbour will outlast us all” Hale said. “Mark my words.”")
    assert _mention(text, quotes[0]) == "Hale" and quotes[0].speaker == "Ida Hale"
    text, quotes = quotes_of(
        "The harbour board met.\n\n“The pier is hidden behind a cloak of secrecy” said Ida Hale, a pilot."
    )
    assert _mention(text, quotes[0]) == "Ida Hale"


def test_a_label_before_a_colon_speaks_the_quotation_after_it() -> None:
    text, quotes = quotes_of(
        "Turnout fell in the north - Ida Hale: “Fewer boats means fewer voters.”\n\n"
        "The survey drew no firm line. More from the report: “The sample was small.”"
    )
    assert [_mention(text, q) for q in quotes] == ["Ida Hale", "the report"]


def test_a_sentence_of_only_a_speaker_and_a_verb_introduces_the_quotation_after_it() -> None:
    text, quotes = quotes_of("Tomas Wilk spoke first. Ida Hale agreed. “The lamp must stay.”")
    assert _mention(text, quotes[0]) == "Ida Hale"


def test_who_as_the_subject_of_any_verb_before_a_fragment_stands_for_the_name_before_it() -> None:
    text, quotes = quotes_of(
        "The council met on Monday. Ida Hale, who has long described the pier as “a ruin in waiting”, voted no."
    )
    assert (_mention(text, quotes[0]), quotes[0].speaker) == ("who", "Ida Hale")


def test_a_subject_s_own_noun_is_not_taken_for_its_verb() -> None:
    text, quotes = quotes_of(
        "The council met on Monday. The Brennan campaign projects that “the pier will pay for itself”."
    )
    assert _mention(text, quotes[0]) == "The Brennan campaign"


def test_a_thing_that_speaks_is_the_subject_of_a_fragment_but_half_a_noun_phrase_is_not() -> None:
    text, quotes = quotes_of(
        "The council met on Monday. The leaflet pictures the lamp as “a beacon for the whole coast” again."
    )
    assert _mention(text, quotes[0]) == "The leaflet"
    text, quotes = quotes_of("The council met on Monday. The rejection of the plan was “a gift to the developers”.")
    assert quotes[0].speaker_start is None or _mention(text, quotes[0]) != "The rejection of the"


def test_an_age_a_share_of_a_group_and_an_unlisted_verb_before_the_speaker() -> None:
    text, quotes = quotes_of(
        "Ida Hale runs the ferry.\n\n“The tide decides,” said the 62-year-old.\n\n"
        "“There is no path to a deal,” said one of the mayor’s advisers, who asked not to be named.\n\n"
        "“This is fantastic!” beamed Tomas Wilk of Marrow Point."
    )
    assert [_mention(text, q) for q in quotes] == [
        "the 62-year-old",
        "one of the mayor’s advisers",
        "Tomas Wilk",
    ]


def test_a_space_between_the_nested_and_the_outer_closing_mark_still_closes_the_quotation() -> None:
    text, quotes = quotes_of(
        '"She said the pier would be \'above the law,\' " said Ida Hale, a ferry pilot. "It is not."'
    )
    outer = [q for q in quotes if q.depth == 1]
    assert text[outer[0].start : outer[0].end] == "\"She said the pier would be 'above the law,' \""
    assert [q.speaker for q in outer] == ["Ida Hale", "Ida Hale"]


def test_a_preposition_that_opens_a_sentence_is_nobody() -> None:
    text, quotes = quotes_of(
        "Amid calls from both parties to recount every ballot in the harbour ward, "
        "Ida Hale provided a “full and honest tally” of the vote."
    )
    assert _mention(text, quotes[0]) == "Ida Hale"


def test_a_work_s_title_after_a_thing_is_not_the_thing_s_words() -> None:
    _, quotes = quotes_of(
        "The council met on Monday.\n\n“Lights Of The Marrow,” a harbour series that ran for years, returns."
    )
    assert quotes[0].speaker is None


def test_the_agent_of_a_passive_verb_of_naming_and_as_at_a_sentence_start() -> None:
    text, quotes = quotes_of(
        "The pier plan has been called “a gamble with the harbour” by Ida Hale, a ferry pilot.\n\n"
        "As the Marrow Gazette put it, “the lamp is the town.”"
    )
    assert [_mention(text, q) for q in quotes] == ["Ida Hale", "the Marrow Gazette"]


def test_a_plural_subject_reports_with_the_plain_present() -> None:
    text, quotes = quotes_of(
        "The harbour groups wrote to the mayor on Monday. They argue that she should “lead by example.”\n\n"
        "Critics note that even a leaflet can be deemed “top secret” by the board.\n\n"
        "His note called the pier “a ruin in waiting.”"
    )
    assert [_mention(text, q) for q in quotes] == ["They", "Critics", "His note"]


def test_a_name_and_a_tally_is_a_figure_not_a_claim_by_that_name() -> None:
    doc = parse_plain_text("Results\n\nBrennan: 1,769.\n\nPoll: Voters abandon the ferry plan.", "/tmp/t.txt")
    assert [(c.kind, c.source) for c in analyse(doc).claims] == [("factual", None), ("attributed", "Poll")]


def test_a_label_before_an_address_or_a_roll_of_names_is_not_a_claim() -> None:
    doc = parse_plain_text(
        "Contacts\n\nTwitter: @gullwick_quill.\n\nEmail: quill@harbour.example.\n\n"
        "Gullwick: Ida Hale, Tomas Wilk and Ola Berg.\n\nHale: The ferry will run in May.",
        "/tmp/t.txt",
    )
    assert [(c.kind, c.source) for c in analyse(doc).claims] == [("attributed", "Ida Hale")]


@pytest.mark.parametrize(
    "body",
    [
        "“Then light it,” said Hale. Then she walked down to the pier, and the gulls rose.",
        # Whatever opens the next sentence: a name, too.
        "“Then light it,” said Hale. Berg walked down to the pier, and the gulls rose.",
        "“Then light it,” said Ida Hale. Wilk nodded.",
    ],
)
def test_a_short_name_that_ends_its_sentence_is_not_an_abbreviation(body: str) -> None:
    text, quotes = quotes_of(body)
    name = text[text.index("said ") + len("said ") : text.index(". ")]
    assert [(q.speaker, _mention(text, q)) for q in quotes] == [(name, name)]


@pytest.mark.parametrize(
    ("body", "mention"),
    [
        ("“Then light it,” said Gov. Hale. Berg nodded.", "Gov. Hale"),
        ("“Then light it,” said J. R. Hale. Berg nodded.", "J. R. Hale"),
        ("“Then light it,” said Sen. T. Wren. Berg nodded.", "Sen. T. Wren"),
    ],
)
def test_a_title_or_an_initial_keeps_its_dot_inside_the_name(body: str, mention: str) -> None:
    text, quotes = quotes_of(body)
    assert [_mention(text, q) for q in quotes] == [mention]


def test_a_participle_after_a_quotation_and_its_object_never_speak() -> None:
    """ "…,” citing a ruling": the participle goes on with the sentence's subject, and "a ruling"
    is what it cites, not who spoke."""
    body = (
        "The two councillors, however, argue that “there is precedent for a sale,” citing a ruling in which "
        "a harbour was sold."
    )
    text, quotes = quotes_of(body)
    (precedent,) = quotes
    assert precedent.speaker_start == text.index("The two councillors")


def test_a_word_that_opens_a_clause_is_never_its_speaker() -> None:
    """ "That makes her “…”": "That" is no one; the words go on being the last speaker's."""
    body = (
        "“She still has the friends she had at school,” Ola Berg has said while campaigning for his wife. "
        "That makes her “by definition a trustworthy person.”"
    )
    text, quotes = quotes_of(body)
    friends, trustworthy = quotes
    assert friends.speaker == "Ola Berg"
    assert trustworthy.speaker == "Ola Berg"
    assert text[trustworthy.speaker_start : trustworthy.speaker_end] != "That"


def test_a_sentence_that_opens_with_said_and_a_trailing_according_to_name_the_speaker() -> None:
    """ "Said Ines Varga, …, “…”" puts the verb first; "“… for years,” according to the
    harbour watchdog." puts the source after the quotation, past where the sentence seems to end."""
    body = (
        "The pink cottage on Quay Street is a museum now. Said Ines Varga, who grew up beside it, "
        "“We were all so proud of him.”\n\n"
        "“The records show the harbour board knew of the cracks for years. The new files show it kept "
        "a dossier on every councillor,” according to Harbour Watch."
    )
    text, quotes = quotes_of(body)
    proud, records = quotes
    assert (proud.speaker, text[proud.speaker_start : proud.speaker_end]) == ("Ines Varga", "Ines Varga")
    assert text[records.speaker_start : records.speaker_end] == "Harbour Watch"


def test_adding_goes_on_with_the_speaker_just_before_it() -> None:
    """ "…, Berg said, adding, “…”": the participle is Berg's, not the clause's first name's.
    The nearest-verb sieve reads "adding" first; it proposes Berg, not Hale."""
    from content.analysis.narrator import attribute
    from content.analysis.quotes import Choice
    from content.analysis.ranker import load_ranker

    body = (
        "Ola Berg saw the councillors leave. Hale didn't mingle with the crowd but left the hall as soon as the "
        "evening vote was finished, Berg said, adding, “He was not pleased.”"
    )
    analysis = analyse(parse_plain_text("Headline Here\n\n" + body, "/tmp/t.txt"))
    trace: list[Choice] = []
    attribute(analysis.read, analysis.sentences, analysis.cast, False, load_ranker(), trace, False)
    (choice,) = trace
    proposed = [(s.sieve, s.alternative, o.speaker) for o in choice.options for s in o.sources]
    nearest = [speaker for sieve, alternative, speaker in proposed if sieve == "before_nearest" and not alternative]
    assert nearest == ["Ola Berg"]


def test_quoted_as_saying_names_the_speaker_before_it() -> None:
    """ "…,” Ola Berg is quoted as saying.": Berg, not "quoted as"; and the next quotation of
    the paragraph goes on in his voice."""
    body = (
        "The ferry service has a new owner.\n\n“The boats are part of a balanced network,” Ola Berg is quoted as "
        "saying. “We will keep every crossing.”"
    )
    text, quotes = quotes_of(body)
    network, crossing = quotes
    assert (network.speaker, text[network.speaker_start : network.speaker_end]) == ("Ola Berg", "Ola Berg")
    assert crossing.speaker == "Ola Berg"


def test_the_name_a_source_speaks_to_is_not_the_speaker() -> None:
    """ "Another harbour official speaking to the Gazette said, “…”": the official speaks."""
    body = (
        "The inquiry into the pier goes on.\n\n"
        "Another harbour official speaking to Radio Marrow said, “The divers are looking at every pile.”"
    )
    text, quotes = quotes_of(body)
    (divers,) = quotes
    assert text[divers.speaker_start : divers.speaker_end] == "Another harbour official"


def test_french_titles_written_short_open_a_name() -> None:
    """ "Mlle. Varga" is Miss Varga, and "Mme. Rusk" Mrs Rusk (as "Miss Varga" and "Mrs. Rusk"
    are): not a person called "Mlle", and a woman."""
    doc = parse_plain_text(
        "Mlle. Varga and Mme. Rusk sat by the lamp.\n\n“It is late,” said Mlle. Varga.\n\n“Not yet,” said Mme. Rusk.",
        "/tmp/t.txt",
    )
    analysis = analyse(doc)
    assert [(q.speaker, doc.text[q.speaker_start : q.speaker_end]) for q in analysis.quotes] == [
        ("Mlle. Varga", "Mlle. Varga"),
        ("Mme. Rusk", "Mme. Rusk"),
    ]
    assert {p.name: p.gender for p in analysis.people} == {"Mlle. Varga": "f", "Mme. Rusk": "f"}


def test_said_the_other_is_the_party_to_the_exchange_who_did_not_just_speak() -> None:
    _text, quotes = quotes_of(
        "The lamp room was cold.\n\n"
        "“Is the wick trimmed?” asked Edda Marsh.\n\n"
        "“It is,” said Tobias Wren.\n\n"
        "“And the oil?” asked Edda.\n\n"
        "“Full to the brim,” replied the other."
    )
    assert [q.speaker for q in quotes] == ["Edda Marsh", "Tobias Wren", "Edda Marsh", "Tobias Wren"]


def test_the_verb_of_an_opening_clause_is_not_the_one_that_says_the_quotation() -> None:
    body = (
        "Tomas Varga runs the mill. “We grind on Sundays,” he said. Asked what he personally believed "
        "about the plan, he said, “It will not last the winter.”"
    )
    text, quotes = quotes_of(body)
    assert quotes[1].speaker == "Tomas Varga" and quotes[1].cue == "said"
    assert quotes[1].speaker_start == text.rindex("he said, “It")


def test_a_quotation_after_a_sentence_that_reports_someone_is_theirs() -> None:
    body = (
        "Ines Holm spoke first at the meeting on Tuesday.\n\n"
        "“The roof leaks,” said Tomas Varga, the caretaker. Holm added that the school could wait "
        "one more year. “We have waited ten already.”"
    )
    text, quotes = quotes_of(body)
    assert shown(text, quotes)[1] == ("“We have waited ten already.”", "Ines Holm", 1)
    at = text.index("Holm added")
    assert (quotes[1].speaker_start, quotes[1].speaker_end) == (at, at + len("Holm"))


def test_a_participle_goes_on_with_a_subject_after_a_joining_word() -> None:
    body = "Ola Berg runs the ferry. And then Berg went fully on the attack, saying, “The council has failed us all.”"
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert quote.speaker == "Ola Berg" and quote.cue == "saying"
    assert quote.speaker_start == text.index("Berg went")


def test_a_preposition_that_opens_the_sentence_is_not_its_speaker() -> None:
    body = (
        "Ola Berg runs the ferry. Alongside calls for action, even a senior harbour strategist said the "
        "mayor will have to choose, saying, “At some point she has to say where she stands.”"
    )
    _, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["a senior harbour strategist"]


def test_a_speaker_named_again_before_their_next_quotation_rests_on_that_name() -> None:
    body = "Ola Berg runs the ferry. “The roof leaks,” Berg said. Berg is sure the council knows. “It leaks in May.”"
    text, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Ola Berg", "Ola Berg"]
    assert quotes[1].speaker_start == text.index("Berg is sure")


def test_a_long_opening_phrase_still_leaves_the_sentence_its_subject() -> None:
    body = (
        "The dredging went on all summer. In a letter filed last month in the county court as part of the "
        "long civil case over the dredging permits, the harbour board confirmed that it was “working on "
        "matters related to the permits.”"
    )
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert quote.speaker == "the harbour board"
    assert quote.speaker_start == text.index("the harbour board")


def test_a_paragraph_introduced_after_a_long_opening_clause_is_its_subjects() -> None:
    body = (
        "Ida Hale sat by the stove.\n\n"
        "When the last of the fishing boats had come round the point and into the harbour, Tomas Wilk "
        "rose from his seat at the back of the hall:\n\n"
        "“We sail at dawn, all of us, whatever the weather does.”"
    )
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert quote.speaker == "Tomas Wilk"
    assert quote.speaker_start == text.index("Tomas Wilk")


def test_a_bare_attribution_after_an_open_quotation_may_say_where_and_when() -> None:
    body = "“He put a lot of people out of business, too” Berg said after a meeting in the hall on Wednesday."
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert quote.speaker == "Berg" and quote.cue == "said"
    assert quote.speaker_start == text.index("Berg said")


def test_a_place_before_a_title_does_not_hide_the_subject() -> None:
    body = "Former Marrow County Sen. Ola Berg, for her part, is calling the plan “a blatant abuse of power.”"
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert quote.speaker == "Ola Berg"
    assert text[quote.speaker_start : quote.speaker_end] == "Sen. Ola Berg"


def test_a_clause_after_a_quotation_that_opens_with_but_is_not_its_attribution() -> None:
    # The quotation is the sentence subject's; "but he also warned" starts a clause of its own.
    body = (
        "Defence Secretary Ola Berg said the dredging plan remained “one of patience, care and trust”, "
        "but he also warned the board against haste."
    )
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert quote.speaker is not None and quote.speaker.endswith("Ola Berg")
    assert text[quote.speaker_start : quote.speaker_end] == "Defence Secretary Ola Berg"


def test_a_participle_after_the_speaker_is_not_part_of_the_speaker() -> None:
    body = (
        "Tomas Wilk came in and sat down by the stove.\n\n"
        "“Well now, I’d rather have you than a dozen sailors, Ida,” said Tomas\npatting her hand.\n\n"
        "“Witness it, all of you,” cried the boy shaking his clenched fist, and the room went quiet."
    )
    text, quotes = quotes_of(body)
    first, second = quotes
    assert first.speaker == "Tomas Wilk"
    assert text[first.speaker_start : first.speaker_end] == "Tomas"
    assert text[second.speaker_start : second.speaker_end] == "the boy"


def test_the_one_told_or_denounced_is_not_the_speaker() -> None:
    body = (
        "Wilk summed up Berg as “terrible,” denounced her record as harbour master and said she should go.\n\n"
        "Hale did not name any of his rivals, but told his supporters, “our harbour is in horrible trouble.”"
    )
    text, quotes = quotes_of(body)
    terrible, trouble = quotes
    assert terrible.speaker == "Wilk"
    assert trouble.speaker == "Hale"
    assert "his supporters" not in text[trouble.speaker_start : trouble.speaker_end]


def test_an_object_pronoun_and_its_preposition_are_not_a_speaker() -> None:
    body = "In her letters to Hale, Berg often referred to her by a nickname, “Gert.”"
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert quote.speaker == "Berg"
    assert "her by" not in text[quote.speaker_start : quote.speaker_end]


def test_a_place_named_in_two_parts_does_not_hide_the_subject_of_a_participle() -> None:
    body = "Speaking at a town hall in Gullwick, Marrow County, Wilk went after Berg, calling him “a total stiff.”"
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert quote.speaker == "Wilk"
    assert text[quote.speaker_start : quote.speaker_end] == "Wilk"


@pytest.mark.parametrize(
    "body",
    [
        "Speaking later on the same show, Sen. Ida Holm (D-Marrow), who has backed Hale, said Berg has "
        "pushed the harbour master to be a “stronger” candidate.",
        # The stray comma does not hand the quotation to a later verb's subject ("the harbour plan").
        "Sen. Ida Holm (D-Marrow), said after a lunch on Tuesday that she had not read the harbour plan, "
        "but called it a “starting point for our talks.”",
    ],
)
def test_a_name_may_carry_a_party_tag_on_the_way_to_its_verb(body: str) -> None:
    """ "Sen. Ida Holm (D-Marrow), who …, said", and "Sen. Ida Holm (D-Marrow), said …"."""
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert quote.speaker == "Ida Holm"
    assert text[quote.speaker_start : quote.speaker_end] == "Sen. Ida Holm"


def test_a_name_and_the_people_it_qualifies_speak_together() -> None:
    """ "Hale supporters called …": the supporters speak, not Hale; nor does "Gullwick", whose
    officials described the plan, with a time between them and their verb; nor "And"."""
    for body, who in (
        ("Hale supporters called the plan “a disgrace to the harbour.”", "Hale supporters"),
        ("Gullwick officials on Monday described the plan as “a disgrace.”", "Gullwick officials"),
        ("And critics called the plan “a disgrace to the harbour.”", "critics"),
    ):
        text, quotes = quotes_of(body)
        (quote,) = quotes
        assert (quote.speaker, text[quote.speaker_start : quote.speaker_end]) == (who, who)


def test_whose_a_speaker_is_is_no_part_of_their_name() -> None:
    """ "Marrow State University’s Ida Berg agreed." introduces the quotation after it, and
    the speaker is Ida Berg, not "University’s Ida Berg"; so for "the Gazette’s Tomas Wilk"."""
    body = (
        "“We are out of time,” said Ola Hale, the mayor.\n\n"
        "Marrow State University’s Ida Berg agreed. “Voters are running out of time to find another.”\n\n"
        "The Gullwick Gazette’s Tomas Wilk said the count was “too close to call.”"
    )
    text, quotes = quotes_of(body)
    assert [(q.speaker, text[q.speaker_start : q.speaker_end]) for q in quotes[1:]] == [
        ("Ida Berg", "Ida Berg"),
        ("Tomas Wilk", "Tomas Wilk"),
    ]


def test_an_office_before_a_name_is_no_part_of_the_name() -> None:
    """ "Senate Minority Whip Ida Holm said …", then "Holm added": one person, Ida Holm, however
    long the office written before her name; and "Tomas Marrow King Jr." keeps his name whole."""
    body = (
        "Senate Minority Whip Ida Holm said the plan was “a disgrace.”\n\n"
        "“We will fight it,” Holm added.\n\n"
        "Gullwick City Mayor Tomas Wilk called it “a fair deal for the harbour.”\n\n"
        "“Sometimes the tide turns slowly,” said Tomas Marrow King Jr."
    )
    text, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Ida Holm", "Ida Holm", "Tomas Wilk", "Tomas Marrow King Jr"]
    assert text[quotes[0].speaker_start : quotes[0].speaker_end] == "Minority Whip Ida Holm"


def test_a_speaker_set_off_by_dashes_or_after_a_capitalised_possessive_speaks() -> None:
    """ "Ida Holm — a teacher from Marrow Point — says …" and "Gullwick’s Republican mayor,
    Tomas Wilk, vowed …": the speaker before the apposition speaks the quotation that follows."""
    body = (
        "Ida Holm — a teacher from Marrow Point — says the endorsement was “a big deal.”\n\n"
        "Gullwick’s Republican mayor, Tomas Wilk, vowed to go after “anyone who attacks our harbour.”\n\n"
        "Ola Berg -- a ferry captain -- says the crossing is “the best in the north.”"
    )
    text, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Ida Holm", "Tomas Wilk", "Ola Berg"]
    assert text[quotes[0].speaker_start : quotes[0].speaker_end] == "Ida Holm"


def test_a_hyphen_written_for_a_dash_joins_no_name_to_the_title_after_it() -> None:
    """A book that writes a dash as one hyphen ("… with Ida-Madame Varga had gone out") does not
    make "Ida-Madame Varga" a person, whom Madame Varga's words would then go to; a hyphenated
    name ("Kim Ha-eun", "Ola Smith-Berg") stays whole."""
    body = (
        "Tomas stayed to talk with Ida-Madame Varga had gone out.\n\n"
        "“Stay,” said Madame Varga.\n\n"
        "“I cannot,” said Ida.\n\n"
        "“We are ready,” said Kim Ha-eun.\n\n"
        "“So are we,” said Ola Smith-Berg."
    )
    _text, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Madame Varga", "Ida", "Kim Ha-eun", "Ola Smith-Berg"]


def test_an_adverb_after_a_name_is_no_part_of_the_speaker() -> None:
    """ "said Mr. Holm afterwards" is Mr. Holm: an adverb in -s is no plural noun ("Holm
    afterwards" no group of people), and the next quotation goes on in his voice."""
    body = "“I am here,” said Mr. Holm afterwards. “He will learn in time.”"
    text, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Mr. Holm", "Mr. Holm"]
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ["Mr. Holm", "Mr. Holm"]


def test_a_bare_the_is_nobody() -> None:
    """ "The sailors, on seeing the boat, lit lamps …": "sailors" may look like a verb, but "The"
    alone is nobody, so no "The" speaks the shout or stands in the People tab: the sailors do."""
    text, quotes = quotes_of("The sailors, on seeing the boat, lit lamps and ran to the quay, shouting, “Hurrah!”")
    assert [(text[q.start : q.end], q.speaker) for q in quotes] == [("“Hurrah!”", "The sailors")]


def test_a_name_with_an_accented_letter_is_a_name() -> None:
    """ "Léon said", "Then Émile told him to “…”": a name whose letters carry accents speaks as
    any other; and after "the crowd of the regatta-and Léon Varga was pushed aside" (a hyphen
    for a dash), Léon is Léon Varga, not "regatta-and Léon Varga"."""
    body = (
        "It was the crowd of the regatta-and Léon Varga was pushed aside.\n\n"
        "Léon said, “Come here.”\n\n"
        "Then Émile told him to “go home” and left."
    )
    _text, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Léon Varga", "Émile"]


def test_an_initial_that_ends_a_sentence_makes_no_name_with_the_next_word() -> None:
    """ "the letters K and N. In the yard …" is no person "N. In", who would then speak for every
    sentence opening with "In"; a paragraph ending "… Ida Berg burst out:" introduces Ida Berg."""
    body = (
        "“Good day,” said Ida Berg.\n\n"
        "The gate bore the letters K and N. In the yard stood a cart.\n\n"
        "In the quiet after supper Ida Berg burst out:\n\n"
        "“Oh, do not speak to me of the ferry.”"
    )
    text, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Ida Berg", "Ida Berg"]
    assert text[quotes[1].speaker_start : quotes[1].speaker_end] == "Ida Berg"


def test_a_verb_with_its_particle_or_participle_keeps_them_out_of_the_speaker() -> None:
    """ "“…” broke in Ida Berg", "“…” chimed in Tomas Wilk": the particle is the verb's, and
    "cried the sailors turning to the newcomer" is the sailors, not "the sailors turning"."""
    body = (
        "“Who gave it?” broke in Ida Berg.\n\n"
        "“Nobody,” chimed in Tomas Wilk.\n\n"
        "“Is the tide in?” cried the sailors turning to the harbour master."
    )
    text, quotes = quotes_of(body)
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ["Ida Berg", "Tomas Wilk", "the sailors"]
    assert [q.speaker for q in quotes] == ["Ida Berg", "Tomas Wilk", "the sailors"]


def test_said_i_in_a_first_person_novel_is_the_narrator_however_punctuated() -> None:
    """ "says I." and "said I-“…”" (a dash written as a hyphen) are the narrator's, as "I said"
    is; "said the other half-heartedly" is the other, not "the other half-heartedly"."""
    narration = "\n\n".join(["I went down to the harbour and I looked at the boats. I was tired, and I slept."] * 5)
    body = (
        "Chapter 1\n\n" + narration + "\n\n"
        "“The lamp is out,” said the landlord.\n\n"
        "“The tide is in,” says I. “Where is the boat?”\n\n"
        "“Gone,” said I-“gone, do you mean?”\n\n"
        "“Gone to the pier,” said the other half-heartedly."
    )
    text, quotes = quotes_of(body)
    assert [(text[q.speaker_start : q.speaker_end], q.speaker) for q in quotes if q.speaker_start is not None] == [
        ("the landlord", "the landlord"),
        ("I", "the narrator"),
        ("I", "the narrator"),
        ("I", "the narrator"),
        ("I", "the narrator"),
        ("the other", "the landlord"),  # the other party to the exchange
    ]


@pytest.mark.parametrize(
    "naming", ["Call me Tomas.", "My name is Tomas, and I keep the lamp.", "I, Tomas, kept the lamp."]
)
def test_a_narrator_who_names_himself_speaks_by_that_name(naming: str) -> None:
    """ "Call me Tomas." in the narration names the "I" of the story, though the narration
    writes the name more often than anyone calls him by it: his turns are Tomas's."""
    narration = "\n\n".join(["I went down to the harbour and I looked at the boats. I was tired, and I slept."] * 5)
    turns = "\n\n".join(f"“The tide is in at {n},” I said. “Where is the boat?”" for n in range(5))
    body = f"Chapter 1\n\n{naming} {narration}\n\n“The lamp is out,” said the landlord.\n\n{turns}"
    _text, quotes = quotes_of(body)
    assert [q.speaker for q in quotes if q.speaker is not None][:3] == ["the landlord", "Tomas", "Tomas"]
    # Inside a quotation it is someone else naming himself, not the narrator.
    _text, quotes = quotes_of(f"Chapter 1\n\n{narration}\n\n“{naming}” said the landlord.\n\n{turns}")
    assert "Tomas" not in {q.speaker for q in quotes}


def test_a_description_in_a_first_person_story_is_never_the_narrator() -> None:
    """Tomas tells the story. Between his turns and Ida's, "“…,” said the stranger" comes
    where the exchange would have Tomas speak, three times over; but "said the stranger" is
    not "I said": the stranger keeps his words, and is not linked to Tomas."""
    narration = "\n\n".join(["I went down to the harbour and I looked at the boats. I was tired, and I slept."] * 5)
    lines = [
        ("Is the boat in?", "Not yet", "It will come", "Who are you?", "Let him be"),
        ("Where is the oil?", "In the shed", "I have it here", "Give it back!", "Hush"),
        ("Is it late?", "Very late", "Too late for you", "Go home!", "I will"),
    ]
    rounds = [
        f"“{a}” I said.\n\n“{b},” cried Ida.\n\n“{c},” said the stranger.\n\n“{d}” said Ida.\n\n"
        f"“{e},” I muttered.\n\nThe wind rose over the water and the lamps went out along the quay."
        for a, b, c, d, e in lines
    ]
    text, quotes = quotes_of("Chapter 1\n\nCall me Tomas. " + narration + "\n\n" + "\n\n".join(rounds))
    speakers = [(text[q.start : q.end], q.speaker) for q in quotes]
    assert speakers[:5] == [
        ("“Is the boat in?”", "Tomas"),
        ("“Not yet,”", "Ida"),
        ("“It will come,”", "the stranger"),
        ("“Who are you?”", "Ida"),
        ("“Let him be,”", "Tomas"),
    ]
    assert [speaker for line, speaker in speakers if line in ("“I have it here,”", "“Too late for you,”")] == [
        "the stranger",
        "the stranger",
    ]


def test_a_kin_word_tells_gender_and_title() -> None:
    """ "his daughter Ida" makes Ida a woman, so "he said" is not hers; "said his grandmother"
    is a Mrs. of the family, never its Mr."""
    text, quotes = quotes_of(
        "Mr. Tomas Wilk came up the hill with his daughter Ida.\n\n"
        "‘You are late,’ said Mrs. Holm, the keeper’s widow.\n\n"
        "‘The road was bad,’ said Ida.\n\n"
        "Mrs. Holm turned to Wilk. ‘Have you brought the glass?’\n\n"
        "‘I have brought what I could find,’ he said.\n\n"
        "Mr. Wilk sat down by the lamp. ‘Where is the oil?’ said Mr. Wilk.\n\n"
        "‘In the shed,’ said his grandmother."
    )
    speakers = {text[q.start : q.end]: q.speaker for q in quotes}
    assert speakers["‘I have brought what I could find,’"] == "Tomas Wilk"
    assert speakers["‘In the shed,’"] not in ("Mr. Wilk", "Tomas Wilk")
    for body in ("Tomas Wilk came with his daughter Ida.", "Ida, his daughter, came with Tomas Wilk."):
        cast = analyse(parse_plain_text(body + " ‘We are late,’ said Ida.", "/tmp/t.txt")).cast
        assert cast.gender_of("Ida") == "f", body


def test_the_first_pronoun_of_a_names_own_sentence_tells_gender() -> None:
    """A man named beside a woman the story follows has as many "she" and "her" after his
    name as "he" and "his", so all of them together tell nothing; the first pronoun of his own
    sentence, "At dawn Tomas looked up from his nets", tells he is a man. Then "he asked" is
    his, not the Mr. named before him."""
    body = (
        "Tomas Rusk, a fisherman of the island, had not crossed to the mainland for a year.\n\n"
        "Mr. Wilk had sold them his boat in the spring, and gone inland.\n\n"
        "At dawn Tomas looked up from his nets. She was already at the slip, her coat wet through.\n\n"
        "Later Tomas wiped his hands on a rag. She did not stop, and her boots rang on the stones.\n\n"
        "At noon Tomas glanced at the water, and to his surprise the boat was gone.\n\n"
        "“Where has it gone?” he asked."
    )
    _text, quotes = quotes_of(body)
    assert [q.speaker for q in quotes] == ["Tomas Rusk"]
    cast = analyse(parse_plain_text(body, "/tmp/t.txt")).cast
    assert cast.gender_of("Tomas Rusk") == "m"


def test_a_name_in_a_clause_before_the_subject_is_not_the_subject() -> None:
    """ "When Mrs. Holm came into the kitchen, Miss Rusk put down her cup. “…,” she said":
    the sentence is about Miss Rusk, so "she" is hers; without the clause before it, the first
    woman the sentence names is still its subject."""
    for opening, speaker in (
        ("When Mrs. Holm came into the kitchen, Miss Rusk", "Miss Rusk"),
        # A word may open the sentence before the clause: "Again, when …, ", "But as …, ".
        ("Again, when Mrs. Holm came into the kitchen, Miss Rusk", "Miss Rusk"),
        ("But as Mrs. Holm came into the kitchen, Miss Rusk", "Miss Rusk"),
        ("Mrs. Holm came into the kitchen, and Miss Rusk", "Mrs. Holm"),
    ):
        _text, quotes = quotes_of(
            f"Mrs. Holm kept the inn by the ferry.\n\n{opening} put down her cup. “The boat is late again,” she said."
        )
        assert [q.speaker for q in quotes] == [speaker], opening


def test_a_clause_before_and_is_no_speaker_set_off_from_the_verb() -> None:
    """ "The tide was turning fast, and he, lifting his eyes from the nets, said: “…”": ", and
    he," opens a clause of its own, so it is no apposition of "the tide was turning fast",
    and the speaker is "he" (Tomas Wilk), not a clause."""
    text, quotes = quotes_of(
        "Tomas Wilk had mended nets all morning. The tide was turning fast, and he, lifting his eyes from "
        "the nets, said: “We go now.”"
    )
    assert [(text[q.speaker_start : q.speaker_end], q.speaker) for q in quotes] == [("he", "Tomas Wilk")]


def test_a_word_that_only_opens_sentences_is_no_subject() -> None:
    """ "Nor does Tomas, in his song “Harbour at Dusk,” sing any better": no speaker "Nor"."""
    _text, quotes = quotes_of("Nor does Tomas, in his song “Harbour at Dusk,” sing any better.")
    assert [q.speaker for q in quotes] == [None]


def test_an_auxiliary_is_no_part_of_a_speaker() -> None:
    """ "one can say, “…”": "can" is the verb's, and "one can" nobody; the same for "may",
    "must", "should"."""
    _text, quotes = quotes_of("The boat was late, and one can say, “It is late.” One must add, “It always is.”")
    assert [q.speaker for q in quotes] == [None, None]


def test_a_reflexive_after_a_description_is_no_part_of_it() -> None:
    """ "said the harbour master himself": the harbour master."""
    text, quotes = quotes_of("“The boats are in,” said the harbour master himself.")
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ["the harbour master"]


def test_a_speaker_named_in_the_quotations_own_sentence_is_the_mention_it_rests_on() -> None:
    """A scare quote that opens a sentence goes to the writer who spoke before; the mention
    shown is that writer's name in its own sentence, not the one a paragraph back."""
    body = (
        "“This should hasten the end of the pier,” Wilk wrote.\n\n"
        "From the mayor’s “vulgar effusion” last week to her call for a new pier, "
        "Wilk described Holm as a “caricature of the town’s worst habits.”"
    )
    text, quotes = quotes_of(body)
    own = text.index("Wilk described")
    assert [(q.speaker, q.speaker_start) for q in quotes] == [
        ("Wilk", text.index("Wilk wrote")),
        ("Wilk", own),
        ("Wilk", own),
    ]


def test_a_quotation_alone_in_its_paragraph_goes_on_into_the_next_one_that_names_its_speaker() -> None:
    """An article's “…” / “…,” Holm notes.: the first paragraph is Holm's too."""
    body = (
        "Holm likes Wilk’s chances in November, in part because he sees Wilk as a uniter.\n\n"
        "“Not only can Wilk win in November, he’s the one with the best chance of winning.”\n\n"
        "“He may be the only one, because Berg does not unite the party,” Holm notes."
    )
    text, quotes = quotes_of(body)
    notes = text.index("Holm notes")
    assert [(q.speaker, q.speaker_start) for q in quotes] == [("Holm", notes), ("Holm", notes)]


def test_a_plural_subject_and_its_verb_after_a_quotation_attribute_it() -> None:
    """ "“…,” they conclude." and "“…,” the councillors state in …": the plural present after
    a plural subject; but "… a “quiet revolution,” and I agree" is Someone's, the clause after
    it one of its own."""
    body = (
        "“The attacks on the mayor show that many oppose any newcomers,” they conclude.\n\n"
        "“Today the town is one of the leading ports,” the councillors state in the white paper.\n\n"
        "Someone called it a “quiet revolution,” and I agree."
    )
    text, quotes = quotes_of(body)
    assert [text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else None for q in quotes] == [
        "they",
        "the councillors",
        "Someone",
    ]


def test_a_relative_clause_without_commas_between_a_speaker_and_the_verb() -> None:
    """The speaker is the phrase before "who", not the last noun of the clause ("the plan",
    "the mayor"); but in "… who gained fame when he yelled “…”" the verb is the "he"'s."""
    body = (
        "Although there is no overlap, a harbour official who spoke anonymously to discuss the plan "
        "said Wednesday, “Certainly there are talks between the harbour and the Wilk campaign.”\n\n"
        "Fishers who told pollsters that the mayor was wrong said the plan was “a disgrace.”\n\n"
        "The latest is Tomas Wilk, the councillor who gained fame in 2009 when he yelled “You lie!” at the mayor."
    )
    text, quotes = quotes_of(body)
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ["a harbour official", "Fishers", "he"]


def test_a_quotation_that_calls_someone_by_name_is_never_theirs() -> None:
    """“Holm, where were you?” is spoken to Holm: left unattributed rather than given to him
    when nobody else is proposed; his own turns stay his."""
    text, quotes = quotes_of(
        "Ida Varga met Nils Holm on the quay at dawn.\n\n"
        "“Holm, where were you last night?” she asked.\n\n"
        "“At the pier, as always,” said Holm.\n\n"
        "“Holm, the pier was closed.”"
    )
    said = [(text[q.start : q.end], q.speaker) for q in quotes]
    assert said[1] == ("“At the pier, as always,”", "Nils Holm")
    assert [speaker for quote, speaker in said if quote.startswith("“Holm,")] == [None, None]


def test_a_man_may_call_his_wife_by_their_family_name() -> None:
    """ "“Mrs. Holm, sit down!” said Mr. Holm." calls Mrs. Holm, not him, though the cast knows
    the family by him alone (a bare "Holm" is Mr. Holm): the turn stays his."""
    text, quotes = quotes_of(
        "Mr. Holm came home late from the quay, and Ida Berg, the maid, had kept his supper warm.\n\n"
        "“Is she asleep?” asked Mr. Holm.\n\n“No, sir,” said Ida.\n\n"
        "The door opened and his wife came down the stairs in her coat.\n\n"
        "“Mrs. Holm, sit down!” said Mr. Holm."
    )
    assert [(text[q.start : q.end], q.speaker) for q in quotes][2] == ("“Mrs. Holm, sit down!”", "Mr. Holm")


@pytest.mark.parametrize("dash", ["--", "—", "–"])
def test_a_name_called_out_before_a_dash_is_spoken_to(dash: str) -> None:
    """“Holm--the pier was closed.”: a name before a dash (two hyphens, as many e-texts write
    one) is called out as before a comma, so the turn is not Holm's own."""
    _text, quotes = quotes_of(
        "Ida Varga met Nils Holm on the quay at dawn.\n\n"
        "“Where were you last night?” she asked.\n\n"
        "“At the pier, as always,” said Holm.\n\n"
        f"“Holm{dash}the pier was closed.”"
    )
    assert [q.speaker for q in quotes][1:] == ["Nils Holm", None]


def test_a_story_quoted_with_straight_single_marks_has_its_quotations() -> None:
    """'Come in,' said Mara. — a text that quotes with straight single marks throughout, as
    some plain-text editions do; its apostrophes ("It's", "won't", "'tis") stay apostrophes."""
    text, quotes = quotes_of(
        "'Come in,' said Mara Quill. 'It's cold out there, and 'tis late.'\n\n"
        "'I won't stay long,' said Nils Holm.\n\n"
        "'You never do,' said Mara."
    )
    assert [(text[q.start : q.end], q.speaker) for q in quotes] == [
        ("'Come in,'", "Mara Quill"),
        ("'It's cold out there, and 'tis late.'", "Mara Quill"),
        ("'I won't stay long,'", "Nils Holm"),
        ("'You never do,'", "Mara Quill"),
    ]


def test_an_attribution_that_closes_the_sentence_gives_it_every_quotation_before() -> None:
    """ "…,” Wilk said." after a second quotation attributes the first one too."""
    text, quotes = quotes_of(
        "The council met on Monday.\n\n"
        "The ferries carry “twice the freight” and bring the “jobs the town needs,” Tomas Wilk said."
    )
    assert shown(text, quotes) == [
        ("“twice the freight”", "Tomas Wilk", 1),
        ("“jobs the town needs,”", "Tomas Wilk", 1),
    ]


def test_a_pronoun_that_closes_the_sentence_is_the_mention_not_its_subject() -> None:
    text, quotes = quotes_of(
        "Tomas Wilk spoke at length.\n\n"
        "The program was a “good thing” that yielded “frankly good information,” he remarked."
    )
    assert [text[q.speaker_start : q.speaker_end] for q in quotes if q.speaker_start is not None] == ["he", "he"]
    assert [q.speaker for q in quotes] == ["Tomas Wilk", "Tomas Wilk"]


def test_an_attribution_before_the_next_quotation_in_the_sentence_closes_the_first() -> None:
    """ "The mayor’s “excesses” are troubling, Reyes said, noting …" (not "noting the council")."""
    text, quotes = quotes_of(
        "Ida Hale spoke on Monday.\n\n"
        "The mayor’s “excesses” are troubling, Tomas Reyes said, noting that the council “cannot wait.”"
    )
    assert shown(text, quotes) == [("“excesses”", "Tomas Reyes", 1), ("“cannot wait.”", "Tomas Reyes", 1)]


def test_a_relative_clause_with_an_irregular_reporting_verb_speaks() -> None:
    """ "… a retired pilot who wrote about the “quiet” years": "who" is the mention, as with
    "who added"; "wrote", "said" and "told" end in neither -s nor -ed."""
    body = "The club has been circulating the memoir of a retired harbour pilot who wrote about the “quiet” years."
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert text[quote.speaker_start : quote.speaker_end] == "who"
    assert quote.speaker == "a retired harbour pilot"


def test_a_quotation_rests_on_the_pronoun_of_its_own_clause() -> None:
    """ "Berg said …, which he called “…”": the same person, but the attribution rests on the
    "he" of the clause the quotation sits in, not on the name of the sentence's first verb."""
    for body, mention in (
        ("Tomas Berg said he backed the plan for the harbour, which he called “a lifeline for the town.”", "he"),
        ("“I am not ready,” Ida Hale said on the radio, though she said, “I hope to.”", "she"),
        # A subject whose verb says nothing: the quotation is the words of the later clause's "he".
        ("Tomas Berg is winning applause at the hall as he keeps talking about the “power of the tide” there.", "he"),
        # The pronoun's clause goes on with the sentence's verb: the name stays.
        ("Tomas Berg said he backed the plan for the harbour and called it “a lifeline for the town.”", "Tomas Berg"),
    ):
        text, quotes = quotes_of(body)
        quote = quotes[-1]
        assert quote.speaker in ("Tomas Berg", "Ida Hale")
        assert text[quote.speaker_start : quote.speaker_end] == mention, body


@pytest.mark.parametrize(
    ("body", "who"),
    [
        ("Tomas Berg, the former mayor, went after Ola Wilk at the debate, calling him a “loser.”", "Tomas Berg"),
        ("Ida Hale, a harbour pilot, made the following remark: “The pier will not last the winter.”", "Ida Hale"),
        ("Likewise, a paper from the harbour board had this to say: “The pier will not last the winter.”", "a paper"),
    ],
)
def test_a_name_and_its_apposition_are_not_an_opening_phrase_and_a_subject(body: str, who: str) -> None:
    """ "Tomas Berg, the former mayor, …, calling him “…”": Tomas Berg speaks, not "the former"
    (read as the subject after an opening phrase "Tomas Berg,"). An opening word is still one."""
    text, quotes = quotes_of(body)
    (quote,) = quotes
    assert text[quote.speaker_start : quote.speaker_end].startswith(who), body


def test_a_line_of_many_quotations_is_read_near_each_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """A line of quotations with no full stop (a transcript pasted as one line, a minified data
    file) is one sentence. Each quotation's sieves read at most `REACH` characters of it: the
    line costs each quotation what prose does. (They read the whole line, once for every verb
    in it: a 60 KB line of 5,000 quotations took minutes.) The speakers are still found."""
    from content.analysis import sieves

    read: list[int] = []
    before = sieves.Sieves.before

    def recording(self: sieves.Sieves, span: Any, floor: int, nearest: bool = False) -> Any:
        read.append(span.start - floor)
        return before(self, span, floor, nearest)

    monkeypatch.setattr(sieves.Sieves, "before", recording)
    turns = [
        f"“Turn {n} of the long night, and the tide is still out,” said {'Hale' if n % 2 else 'Berg'},"
        for n in range(120)
    ]
    text, quotes = quotes_of("Ida Hale and Tomas Berg sat on the pier.\n\n" + " ".join(turns) + "\n")
    assert len(text) > 4 * sieves.REACH
    assert len(quotes) == 120
    assert 0 < max(read) <= sieves.REACH
    assert [q.speaker for q in quotes[-4:]] == ["Tomas Berg", "Ida Hale", "Tomas Berg", "Ida Hale"]


@pytest.mark.parametrize(
    ("paragraph", "bare"),
    [
        ("“Come in.”", True),
        ("  “Come in.” .", True),  # a stray stop after it
        ("“Come in,” he said.", False),
        ("He said: “Come in.”", False),
        ("“Come in.” ...", False),
        ("“Come in.”" + " " * 5000, True),
        ("“Come in.” Then the door shut." + " and the wind rose" * 500, False),
    ],
)
def test_a_turn_is_a_paragraph_of_the_quotation_alone(paragraph: str, bare: bool) -> None:
    """A dialogue's turn is a paragraph holding the quotation and nothing else, but a stop or
    two: told from the words nearest the quotation, in a short paragraph or a long one."""
    from content.analysis.dialogue import bare_turn
    from content.analysis.marks import MarkedSpan
    from content.document import Block

    text = "Before.\n\n" + paragraph + "\n\nAfter."
    start = text.index("“")
    span = MarkedSpan(start, text.index("”") + 1, 1, True)
    block = Block(len("Before.\n\n"), len("Before.\n\n") + len(paragraph))
    assert bare_turn(text, span, block) is bare


@pytest.mark.parametrize(
    "between",
    ["\n\n", "\n\n    ", "\n\n\n\n"],
    ids=["blank lines", "indented after blank lines", "two blank lines"],
)
def test_a_person_named_in_the_narration_between_turns_takes_the_next_one(between: str) -> None:
    """A paragraph of narration between two turns ("Tomas took his boots off the bench") is
    that person's move in the exchange: the bare turn after it is theirs, and the alternation
    goes on from there, not from the turns before the narration. The same in a book that
    indents its paragraphs after their blank lines, or puts two blank lines between them."""
    paragraphs = [
        "The waiting room smelled of wet wool. Ida Hale stood by the stove; Tomas Wilk sat with his "
        "boots on the bench.",
        "“Is the ferry late?” asked Ida.",
        "“An hour,” said Tomas.",
        "“Who told you that?”",
        "“The harbour master, at six.”",
        "“And you believed him?”",
        "“I always do.”",
        "Ida frowned at the board above the ticket window and buttoned her coat.",
        "“Then we wait. I have waited longer for worse boats.”",
        "“So have I.”",
        "Tomas took his boots off the bench and looked at the door.",
        "“Someone is coming.”",
        "“At this hour?”",
    ]
    _text, quotes = quotes_of(between.join(paragraphs))
    speakers = [q.speaker for q in quotes if q.depth == 1]
    assert speakers == ["Ida Hale", "Tomas Wilk"] * 4 + ["Tomas Wilk", "Ida Hale"]


@pytest.mark.parametrize("between", ["\n\n", "\n\n    "], ids=["blank lines", "indented after blank lines"])
def test_a_word_that_only_opens_a_paragraph_is_no_part_of_a_name(between: str) -> None:
    """ "Poor Tomas Wilk rowed on": "poor" is written in small letters elsewhere, so at the
    start of a paragraph it opens the sentence and is no part of his name, however far the
    paragraph is indented."""
    doc = parse_plain_text(
        "Headline Here\n\n"
        + between.join(
            [
                "The storm came in at dusk, and the poor boats ran for the harbour one after another.",
                "Poor Tomas Wilk rowed on alone past the breakwater, whistling to himself.",
                "“The light is out,” muttered Tomas.",
                "“Then row faster,” cried Ida Hale from the pier.",
            ]
        ),
        "/tmp/t.txt",
    )
    analysis = analyse(doc)
    assert [q.speaker for q in analysis.quotes] == ["Tomas Wilk", "Ida Hale"]
    assert [person.name for person in analysis.cast.people()] == ["Tomas Wilk", "Ida Hale"]


def test_a_story_told_in_the_present_tense_attributes_by_its_verbs() -> None:
    """ "“…,” returns Tomas", "murmurs Ida", "whispers Tomas": a story in the present tense
    uses the "-s" forms of the verbs of saying whose past forms attribute a speech."""
    _text, quotes = quotes_of(
        "Ida Hale and Tomas Wilk climb the lighthouse stairs in the dark, one slow step at a time.\n\n"
        "“Is the lamp lit?” asks Ida Hale.\n\n"
        "“Not yet,” returns Tomas Wilk.\n\n"
        "“Then light it,” murmurs Ida, “before the boats come in.”\n\n"
        "“It is the wick,” whispers Tomas. “It will not take.”"
    )
    said = [(q.speaker, q.cue) for q in quotes]
    assert said == [
        ("Ida Hale", "asks"),
        ("Tomas Wilk", "returns"),
        ("Ida Hale", "murmurs"),
        ("Ida Hale", "murmurs"),
        ("Tomas Wilk", "whispers"),
        ("Tomas Wilk", "whispers"),
    ]


@pytest.mark.parametrize(
    ("climbs", "mutters", "cries"),
    [("climbed", "muttered", "cried"), ("climbs", "mutters", "cries")],
    ids=["past", "present"],
)
def test_a_story_told_with_a_storys_verbs_is_fiction_without_short_turns(climbs: str, mutters: str, cries: str) -> None:
    """“…,” muttered Tomas / “…,” cried Ida: two verbs that stories write after a quotation and
    news hardly ever does make a short text a story, so its bare reply takes its turn; so do
    their "-s" forms in a story told in the present."""
    _text, quotes = quotes_of(
        f"Ida Hale {climbs} the last of the stairs in the dark, with the can of oil for the lamp in her "
        "arms and the wind at her back.\n\n"
        f"“You are late again,” {mutters} Tomas Wilk, without turning round from the window.\n\n"
        f"“The boat was slow, and the sea was worse than it looked from the harbour,” {cries} Ida Hale.\n\n"
        "“It is always slow when you are on it.”"
    )
    assert [q.speaker for q in quotes] == ["Tomas Wilk", "Ida Hale", "Tomas Wilk"]


@pytest.mark.parametrize(
    "body",
    [
        "“We have rebuilt it four times since 1900,” Ola Berg, the author of “Tides of Gullwick,” a history "
        "of the bay, said after the vote.",
        "Ola Berg, the author of “Tides of Gullwick,” a history of the bay, said the pier had been “rebuilt "
        "four times since 1900.”",
    ],
)
def test_an_apposition_may_name_a_title_in_quotation_marks(body: str) -> None:
    """A title inside the speaker's apposition neither hides the speaker from the quotation
    (before it or after it) nor is anyone's words."""
    text, quotes = quotes_of("The council met on Tuesday.\n\n" + body)
    title = next(q for q in quotes if text[q.start : q.end] == "“Tides of Gullwick,”")
    (words,) = [q for q in quotes if "1900" in text[q.start : q.end]]
    assert (title.kind, title.speaker) == ("term", None)
    assert words.speaker == "Ola Berg"
    assert text[words.speaker_start : words.speaker_end] == "Ola Berg"


def test_a_short_story_is_read_as_fiction_and_its_turns_alternate() -> None:
    """Three short turns that are a quotation and nothing else make a story a story, even when
    they are not in a row: "‘Then you will be happy here.’" answers Mrs. Holm (the news rule,
    that a quotation after a quotation goes on with the same speaker, would give it to her), and
    "Mrs. Holm put down her cup. ‘…’" is hers."""
    doc = parse_plain_text(
        "CHAPTER I\n\n"
        "Mrs. Holm had not been in the harbour town a week before she called on the Marsh sisters.\n\n"
        "‘You will find us very dull,’ said Lena Marsh, pouring the tea. ‘Nothing happens in Gullwick but "
        "the tide.’\n\n"
        "‘I like the tide,’ said Mrs. Holm.\n\n‘Then you will be happy here.’\n\n‘Is Mr. Berg still at the light?’\n\n"
        "‘He is,’ said Ida, the younger sister, who had been silent until then. ‘He will be there until they "
        "carry him down the steps.’\n\n"
        "Lena laughed. ‘Ida is unkind. Mr. Berg is the best keeper the light has had.’\n\n"
        "‘I did not say he was not.’\n\n"
        "Mrs. Holm put down her cup. ‘I should like to meet him.’\n\n"
        "‘You shall,’ said Lena. ‘We walk up on Sundays.’",
        "/tmp/story.txt",
    )
    analysis = analyse(doc)
    assert analysis.fiction
    speakers = [(q.speaker or "").split()[-1] for q in analysis.quotes if q.depth == 1]
    lena, ida, holm = "Marsh", "Ida", "Holm"
    assert speakers == [lena, lena, holm, lena, holm, ida, ida, lena, ida, holm, lena, lena]


def test_a_story_that_never_writes_said_with_a_name_still_has_its_people() -> None:
    """A story names its people by what they do ("Nell Varga looked up"), not always by what
    they say: they are its cast, and "she said" is Nell's, not nobody's."""
    doc = parse_plain_text(
        "The Lantern\n\n"
        "Hugo Marsh opened the door of the shop and shook the rain from his coat. Behind the counter, "
        "Nell Varga looked up from her ledger.\n\n"
        "“You're late,” she said.\n\n“The ferry was late.”\n\n“It needs more than a wick, that lantern.”\n\n"
        "Nell turned the lantern over in her hands. “Who broke the glass?”\n\n“It fell.”",
        "/tmp/lantern.txt",
    )
    analysis = analyse(doc)
    assert analysis.fiction
    assert {"Hugo Marsh", "Nell Varga"} <= analysis.cast.confirmed
    first = analysis.quotes[0]
    assert (first.speaker, doc.text[first.speaker_start : first.speaker_end]) == ("Nell Varga", "she")
    assert analysis.quotes[3].speaker == "Nell Varga"


def test_a_name_the_story_says_was_or_had_is_a_person() -> None:
    """ "Olaf Berg was rowing in", "Olaf had tied up his boat": in a story, a person too."""
    doc = parse_plain_text(
        "The Pier\n\nIda Brandt came down to the pier, where Olaf Berg was rowing in, his oars dripping.\n\n"
        "“You're early,” said Ida.\n\n“The tide was early.”\n\n“It never is.”\n\n“It was today.”",
        "/tmp/pier.txt",
    )
    analysis = analyse(doc)
    assert analysis.fiction and "Olaf Berg" in analysis.cast.confirmed


def test_a_name_the_story_gives_an_irregular_verb_is_a_person() -> None:
    """ "Tomas Quill set down his rag", "Mara Quill rode in": not only verbs in "-ed"."""
    doc = parse_plain_text(
        "The Lamp\n\nMara Quill rode up to the light at dusk, where Tomas Quill set down his rag.\n\n"
        "“You're late,” he said.\n\n“The road was bad.”\n\n“It always is.”\n\n“Not like tonight.”",
        "/tmp/lamp.txt",
    )
    analysis = analyse(doc)
    assert analysis.fiction and {"Mara Quill", "Tomas Quill"} <= analysis.cast.confirmed


def test_he_is_the_man_the_narration_names_since_the_last_turn_not_the_turn_order() -> None:
    """The turns alternate between Ida and Mr. Holm, but after Ida's last one the narration
    brings Olaf in ("Olaf Berg had tied up his boat by then and came after her"): the "he" of
    the next turn is Olaf, not the man whose turn it would have been."""
    doc = parse_plain_text(
        "The Pier\n\n"
        "Ida Brandt came down to the pier, where Tomas Holm was mending a net and Olaf Berg was rowing "
        "in, his oars dripping.\n\n"
        "“You're early,” said Mr. Holm.\n\n“The ferry was early,” said Ida.\n\n“It never is.”\n\n"
        "“It was today.”\n\n“Then the captain is ill.”\n\n"
        "“Thank you for nothing,” she told Tomas, and walked off down the pier. Olaf Berg had tied up "
        "his boat by then and came after her with his cap in his hand.\n\n"
        "“Ida,” he called, “wait a moment.”",
        "/tmp/pier.txt",
    )
    speakers = [q.speaker for q in analyse(doc).quotes if q.depth == 1]
    assert speakers[-3:] == ["Ida Brandt", "Olaf Berg", "Olaf Berg"]


def test_the_first_turns_of_an_exchange_are_told_back_from_the_first_that_names_its_speaker() -> None:
    """Four turns name nobody, then “…,” said Ada and “…,” said Mr. Lund: in a dialogue of
    two, the turns an even number before Ada's are hers, the others Mr. Lund's, each resting
    on the mention that tells it. A paragraph of narration ends the exchange: the turns before
    it are not told back from the ones after it."""
    turns = "“Is the ferry in?”\n\n“Not yet.”\n\n“And the mail?”\n\n“On the ferry, with the doctor.”\n\n"
    named = "“Then we wait,” said Ada.\n\n“We wait,” said Mr. Lund."
    opening = "Ada Rusk came in from the pier, and Mr. Lund looked up from the stove.\n\n"
    text, quotes = quotes_of(opening + turns + named)
    assert [q.speaker for q in quotes] == ["Ada Rusk", "Mr. Lund"] * 3
    assert [text[q.speaker_start : q.speaker_end] for q in quotes[:2]] == ["Ada", "Mr. Lund"]
    text, quotes = quotes_of(opening + turns + "The fog came down over the sound.\n\n" + named)
    assert [q.speaker for q in quotes] == [None] * 4 + ["Ada Rusk", "Mr. Lund"]


def test_a_paragraph_of_narration_and_speech_is_a_turn_of_the_exchange() -> None:
    """ "Ada looked out at the water. “Then we wait.”" is a turn, and does not end the exchange:
    the answers an even number of turns before “…,” said Mr. Lund are his."""
    _text, quotes = quotes_of(
        "Ada Rusk came down to the pier, and Mr. Lund looked up from the stove.\n\n"
        "“Is the ferry in?”\n\n“Not yet.”\n\n“And the mail?”\n\n“On the ferry, with the doctor.”\n\n"
        "Ada looked out at the water. “Then we wait.”\n\n“We wait,” said Mr. Lund."
    )
    assert [q.speaker for q in quotes] == ["Ada Rusk", "Mr. Lund"] * 3


def test_a_sentence_of_narration_before_a_quotation_tells_who_speaks() -> None:
    """ "Peter turned to Anna. “Where is the oil?”" is Peter's, who is named as the one who
    acts, not Anna's, and the exchange goes on from him."""
    _text, quotes = quotes_of(
        "Peter Berg set the lamp on the table. Anna Holm was at the window.\n\n"
        "“Light it, then,” she told him.\n\nPeter turned to Anna. “Where is the oil?”\n\n"
        "“In the shed.”\n\n“Is it full?”\n\n“Yes.”"
    )
    assert [q.speaker for q in quotes] == ["Anna Holm", "Peter Berg", "Anna Holm", "Peter Berg", "Anna Holm"]


def test_a_mother_with_the_family_name_does_not_make_the_son_a_woman() -> None:
    """In a story, "Mrs. Berg" is not Tomas Berg, and tells nothing of his gender: "said he"
    is his, and "she answered" Ida's."""
    _text, quotes = quotes_of(
        "Ida Holm climbed the stairs. Tomas Berg was waiting at the top.\n\n“You are late,” said he.\n\n"
        "“The tide was high,” she answered.\n\n“Was it?”\n\n“Yes.”\n\n“Then come in.”\n\n"
        "Later Mrs. Berg came up with the supper."
    )
    assert [q.speaker for q in quotes] == ["Tomas Berg", "Ida Holm", "Tomas Berg", "Ida Holm", "Tomas Berg"]


def test_a_wife_called_by_the_family_name_is_not_her_husband() -> None:
    """ "Mrs. Lund" beside the book's one full Lund, Anders, whom the pronouns show to be a
    man: "She laughed. “Eat, then.”" is hers, not his."""
    _text, quotes = quotes_of(
        "Anders Lund kept the light. He was tall, and he never smiled; his boots were always wet.\n\n"
        "“You are the new assistant?” he asked.\n\n“I am,” said Ida Holm.\n\n"
        "“Welcome,” said Mrs. Lund from the stove. “Are you hungry?”\n\n“Very.”\n\n"
        "She laughed and set a bowl on the table. “Eat, then.”\n\n“Thank you.”"
    )
    assert [q.speaker for q in quotes][-2:] == ["Mrs. Lund", "Ida Holm"]


def test_someone_the_narration_brings_in_speaks_the_next_bare_turn() -> None:
    """ "… the door opened and Ida Holm came in with a basket. / “You forgot your lunch.”": no
    verb of saying names her, but she is who the narration brought in, not the next of the two
    men talking."""
    _text, quotes = quotes_of(
        "Tomas Berg sat by the stove with his pipe, and Anders Lund sat across from him.\n\n"
        "“The fog will lift,” said Tomas.\n\n“It will not,” said Anders.\n\n“It always does.”\n\n"
        "“Not this time.”\n\nAfter a while the door opened and Ida Holm came in with a basket.\n\n"
        "“You forgot your lunch.”"
    )
    assert [q.speaker for q in quotes] == ["Tomas Berg", "Anders Lund", "Tomas Berg", "Anders Lund", "Ida Holm"]


def test_of_the_narration_s_last_sentence_that_names_people_the_first_named_speaks_next() -> None:
    """ "… and Ida, who had said nothing of it for a year, wondered again why Tomas had ever
    gone to sea with Peter Lund." names three people; the turn after it is Ida's, the sentence's
    subject, not Peter's, named last: he is not in the room. Tomas answers her."""
    _text, quotes = quotes_of(
        "Chapter 1\n\nTomas Berg and Ida Holm sat by the stove while the rain came down on the roof. "
        "Peter Lund, the owner of the boat, had said it would be back by six.\n\n"
        "“The boat is late!” cried Tomas.\n\n“It always is,” Ida muttered.\n\n"
        "Tomas got up and went to the window. Outside the lamps were lit along the quay, and Ida, who had "
        "said nothing of it for a year, wondered again why Tomas had ever gone to sea with Peter Lund. "
        "The rain went on.\n\n“Why did you go with him?”\n\n“He paid well.”"
    )
    assert [q.speaker for q in quotes] == ["Tomas Berg", "Ida Holm", "Ida Holm", "Tomas Berg"]


def test_a_weekday_before_a_name_is_no_part_of_it() -> None:
    """ "The following Monday Anna surprised Mary …": Anna is the sentence's subject, and so
    the "she" after it; "Monday Anna" is nobody."""
    _text, quotes = quotes_of(
        "Anna Holm and Mary Berg kept the light together.\n\n“The fog will lift,” said Mary.\n\n"
        "“It will not,” said Anna.\n\n“It always does.”\n\n“Not this time.”\n\n“We will see.”\n\n"
        "The following Monday Anna surprised Mary by coming down early with her bag packed.\n\n"
        "“I am going to the mainland,” she announced."
    )
    assert quotes[-1].speaker == "Anna Holm"


@pytest.mark.parametrize(
    ("after", "speaker"), [("was his first remark", "Peter Berg"), ("was Anna's answer", "Anna Holm")]
)
def test_the_words_are_whose_remark_the_sentence_says_they_were(after: str, speaker: str) -> None:
    _text, quotes = quotes_of(
        "Anna Holm and Peter Berg kept the light together.\n\n“The fog will lift,” said Anna.\n\n"
        "“It will not.”\n\n“It always does.”\n\n“Not this time.”\n\n"
        "Peter Berg came up the stairs at dusk, wet through.\n\n"
        f"“Is the lamp lit?” {after}."
    )
    assert quotes[-1].speaker == speaker


def test_a_turn_between_two_named_turns_is_told_back_from_the_later() -> None:
    """ "“Is the ferry in?” asked Ada. / “Not yet.” / “And the mail?” / “…,” said Mr. Lund.":
    "Not yet." answers Ada, and is Mr. Lund's, as the turn two after it tells; it does not go
    on with Ada's."""
    text, quotes = quotes_of(
        "Ada Rusk came down to the pier with Tomas Wilk, and found Mr. Lund at the rail.\n\n"
        "“Is the ferry in?” asked Ada.\n\n“Not yet.”\n\n“And the mail?”\n\n"
        "“On the ferry, with the doctor,” said Mr. Lund.\n\n“Then we wait.”\n\n“We wait.”"
    )
    assert [q.speaker for q in quotes] == ["Ada Rusk", "Mr. Lund"] * 3
    assert text[quotes[1].speaker_start : quotes[1].speaker_end] == "Mr. Lund"


def test_a_turn_is_not_told_back_to_someone_it_calls_by_name() -> None:
    """ "“Good evening, Mr. Lund!”" two turns before “…,” asked Mr. Lund is not his, though the
    turns of a dialogue of two would make it so: a quotation that calls someone by name is
    never theirs."""
    _text, quotes = quotes_of(
        "Ada Rusk came down to the pier in the rain.\n\n“Good evening, Mr. Lund!”\n\n"
        "“Good evening, good evening.”\n\n“Is the ferry in?” asked Mr. Lund.\n\n“Not yet,” said Ada.\n\n"
        "“Then we wait.”"
    )
    assert [q.speaker for q in quotes][:1] == [None]
    assert [q.speaker for q in quotes][2:4] == ["Mr. Lund", "Ada Rusk"]


@pytest.mark.parametrize("title", ["Mrs.", "Mrs"])
def test_a_wife_called_by_her_title_is_not_her_husband(title: str) -> None:
    """ "Mrs Holm" where the only full Holm is Tomas, whom the pronouns make a man, is his
    wife: a title on the surname alone does not outvote "Tomas Holm … his", and her words are
    not his. (With or without the full stop.)"""
    text, quotes = quotes_of(
        "Tomas Holm has run the ferry for thirty years, and his boat is the oldest in the harbour. "
        "Last winter his engine failed twice, and he rowed the last crossing himself.\n\n"
        f"{title} Holm and her husband Tomas Holm arrived late to the meeting.\n\n"
        f"“We were told nothing,” {title} Holm said.\n\n"
        "“Nothing at all,” Tomas Holm said."
    )
    assert [(text[q.start : q.end], q.speaker) for q in quotes] == [
        ("“We were told nothing,”", f"{title} Holm"),
        ("“Nothing at all,”", "Tomas Holm"),
    ]


def test_said_the_old_woman_is_no_man_the_dialogue_proposes() -> None:
    """ "“Excuse me, young man,” said the old woman" after a scene of two men talking: not the
    man who spoke last (the ranker weighs an attribution's own gender against the dialogue's
    proposals), and her next turn, which names nobody, is hers too."""
    doc = parse_plain_text(
        "The Road\n\n"
        "“You are late again,” said Mr. Lund, without looking up from his ledger.\n\n"
        "“The loom broke, sir,” said Walter Varga.\n\n"
        "“Then mend it faster,” said Mr. Lund. “I pay for cloth, not for excuses.”\n\n"
        "Walter went out of the office and turned up his collar at the mill gate. The rain had begun, "
        "and an old woman in a green shawl was sheltering under the arch.\n\n"
        "“Excuse me, young man,” said the old woman, “is this the road to the ferry?”\n\n"
        "“It is, ma'am,” said Walter, “straight on past the chapel.”\n\n“And is the ferry running?”\n\n"
        "“Till nine.”",
        "/tmp/road.txt",
    )
    speakers = [q.speaker for q in analyse(doc).quotes if q.depth == 1]
    assert speakers[4:] == ["the old woman"] * 2 + ["Walter Varga"] * 2 + ["the old woman", "Walter Varga"]


def test_a_first_person_story_with_people_nobody_names() -> None:
    """The narrator is "I", never "he" or "said the girl"; a boy and a girl nobody names speak
    as themselves ("said the boy"), and a "she" with no woman named is the girl the narration
    brought in ("The girl who kept the inn came in")."""
    doc = parse_plain_text(
        "Chapter I\n\n"
        "I had been at the lighthouse three days when the boy came up the path with the letters.\n\n"
        '"Come in," I said. "You must be cold."\n\n'
        '"Not so cold as all that, sir," said the boy. He set the bag on the table and looked about him.\n\n'
        '"Is it true you are leaving?" he asked.\n\n'
        '"Who told you that?"\n\n'
        '"Everybody says it."\n\n'
        "The girl who kept the inn at the foot of the hill came in behind him, shaking the rain from her shawl.\n\n"
        '"Your brother wrote again," she said. "He wants the boat."\n\n'
        '"He cannot have it," I said.\n\n'
        '"That is what I told him," said the girl.',
        "/tmp/story.txt",
    )
    analysis = analyse(doc)
    assert analysis.fiction and analysis.cast.narrator == "the narrator"
    assert [(doc.text[q.start : q.end], q.speaker) for q in analysis.quotes] == [
        ('"Come in,"', "the narrator"),
        ('"You must be cold."', "the narrator"),
        ('"Not so cold as all that, sir,"', "the boy"),
        ('"Is it true you are leaving?"', "the boy"),
        ('"Who told you that?"', "the narrator"),
        ('"Everybody says it."', "the boy"),
        ('"Your brother wrote again,"', "the girl"),
        ('"He wants the boat."', "the girl"),
        ('"He cannot have it,"', "the narrator"),
        ('"That is what I told him,"', "the girl"),
    ]


def test_a_description_with_a_time_after_it_still_speaks() -> None:
    """ "said the old man one morning": the old man, not "one morning" (a time is nobody)."""
    text, quotes = quotes_of(
        "Old Piet Wilk had kept the light for forty years, and his daughter Ida had never known another home.\n\n"
        '"The glass wants cleaning," said the old man one morning.'
    )
    (quote,) = quotes
    assert text[quote.speaker_start : quote.speaker_end] == "the old man"
    assert quote.speaker == "Piet Wilk"


def test_a_claims_source_is_the_main_clauses_speaker_never_a_piece_of_a_clause() -> None:
    """ "Asked whether the company had requested it, she said …" is hers (the company is the
    subject of a question she was asked); "The ledger allegedly records a promise" names no
    one as "The ledger allegedly records a"."""
    doc = parse_plain_text(
        "Harbour News\n\nThe buyer's spokesperson, Priya Anand, said she was pleased with her team and "
        "her lawyers.\n\n"
        'Asked whether the company had requested its removal, she said: "I will not go into that."\n\n'
        "The ledger allegedly records a promise from the Harbour Trust, made in 1902.",
        "/tmp/t.txt",
    )
    claims = analyse(doc).claims
    sources = {doc.text[c.start : c.end][:12]: c.source for c in claims}
    assert sources["The buyer's "] == "Priya Anand"  # not "her team and her lawyers"
    assert sources["Asked whethe"] == "Priya Anand"
    assert sources["The ledger a"] in (None, "The ledger")


def test_a_person_set_off_by_whose_is_someone_he_may_mean() -> None:
    """ "Piet Holm, whose family has fished …, was more hopeful. He said …": Holm, introduced by
    a relative clause with "whose" as much as with "who", not the man who spoke before him."""
    text, quotes = quotes_of(
        '"We are here because nobody else came," Jonas Eide said.\n\n'
        "Piet Holm, whose family has fished from Gullwick for four generations, was more hopeful. "
        'He said the sale might be "the best of a bad set of choices." Then he added, "But I want it in writing."'
    )
    assert [(text[q.start : q.end], q.speaker) for q in quotes] == [
        ('"We are here because nobody else came,"', "Jonas Eide"),
        ('"the best of a bad set of choices."', "Piet Holm"),
        ('"But I want it in writing."', "Piet Holm"),
    ]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        (
            'In other words, explained council moderator Nora Keil: "What does that have to do with the fares?"',
            "Nora Keil",
        ),
        (
            'At the time, as harbour prosecutor Tobias Wren put it, "apart from one late payment there was nothing."',
            "Tobias Wren",
        ),
        (
            'In other words, explained KTV moderator Ana Ruiz: "What does that have to do with the fares?"',
            "Ana Ruiz",
        ),
    ],
)
def test_a_name_after_the_words_of_its_office_speaks(body: str, who: str) -> None:
    """ "explained council moderator Nora Keil:", "as harbour prosecutor Tobias Wren put it,":
    the office in lower case before the name, or a broadcaster's initials before the office,
    does not hide the speaker."""
    text, quotes = quotes_of("The council met on Tuesday to vote on the new ferry fares.\n\n" + body)
    (quote,) = quotes
    assert quote.speaker == who
    assert text[quote.speaker_start : quote.speaker_end] == who


@pytest.mark.parametrize("mark", ["'", "’"])
def test_a_dropped_letter_at_a_words_end_does_not_close_a_single_quoted_speech(mark: str) -> None:
    """'You're goin' out in this?' said Bess: "goin'", "an'", "o'" and "mornin'." leave a
    letter out; the quotation closes at the mark after its stop or comma, straight or curly."""
    o, m = ("'" if mark == "'" else "‘"), mark
    body = (
        "Sam Tuttle kept the ferry, and his niece Bess kept Sam.\n\n"
        f"{o}You’re goin{m} out in this?{m} said Bess. {o}You’ll drown.{m}\n\n"
        f"{o}The Parson’s waitin{m} on the far side, an{m} he don’t like to be kept,{m} said Sam.\n\n"
        f"{o}He can wait till mornin{m}.{m}\n\n"
        f"{o}Your father said a deal o{m} things,{m} said Sam. {o}Most of {m}em wrong.{m}"
    )
    text, quotes = quotes_of(body)
    assert [(text[q.start : q.end], q.speaker) for q in quotes] == [
        (f"{o}You’re goin{m} out in this?{m}", "Bess"),
        (f"{o}You’ll drown.{m}", "Bess"),
        (f"{o}The Parson’s waitin{m} on the far side, an{m} he don’t like to be kept,{m}", "Sam Tuttle"),
        (f"{o}He can wait till mornin{m}.{m}", "Bess"),
        (f"{o}Your father said a deal o{m} things,{m}", "Sam Tuttle"),
        (f"{o}Most of {m}em wrong.{m}", "Sam Tuttle"),
    ]


def test_a_dropped_letter_inside_a_nested_quotation_is_no_close() -> None:
    text, quotes = quotes_of("“He told me, ‘I was goin’ home, an’ then it rained,’ and left,” Ivo Ruud said.")
    assert shown(text, quotes) == [
        ("“He told me, ‘I was goin’ home, an’ then it rained,’ and left,”", "Ivo Ruud", 1),
        ("‘I was goin’ home, an’ then it rained,’", None, 2),
    ]


def test_a_claims_source_is_the_name_not_its_description_place_or_setting() -> None:
    """The person who speaks, not the apposition after their name ("the board's chairman"),
    the place they are from ("of Marrow"), nor where they said it ("in a statement")."""
    doc = parse_plain_text(
        "Harbour News\n\n"
        '"We have held the price for six years," the chairman, Anders Lund, said in a statement.\n\n'
        "Piet Holm, the harbour board's finance officer, said the repairs would cost over a million.\n\n"
        "Senator Ida Wren of Marrow, a member of the Harbour Party, said the vote had been rushed.\n\n"
        "Ruth Okafor, after a long pause, said the town would survive it.",
        "/tmp/t.txt",
    )
    claims = analyse(doc).claims
    sources = {doc.text[c.start : c.end][:12]: (c.kind, c.source) for c in claims}
    assert sources['"We have hel'] == ("attributed", "Anders Lund")  # not "a statement"
    assert sources["Piet Holm, t"] == ("attributed", "Piet Holm")  # not "the harbour board's finance officer"
    assert sources["Senator Ida "] == ("attributed", "Ida Wren")  # not "Marrow"
    assert sources["Ruth Okafor,"] == ("attributed", "Ruth Okafor")  # not "a long pause"


def test_a_possessive_subject_before_saying_is_read_whole() -> None:
    """ "The board's finance officer was quoted as saying …": the officer, not "The board"."""
    text, quotes = quotes_of(
        "The harbour board will raise ferry fares by a third.\n\n"
        'The board\'s finance officer was quoted as saying the repairs would cost "well over a million."'
    )
    (quote,) = quotes
    assert quote.speaker == "The board's finance officer"
    assert text[quote.speaker_start : quote.speaker_end] == "The board's finance officer"


def test_the_members_of_a_family_are_told_apart_by_how_they_are_addressed() -> None:
    """ "Mrs. Hale" is not "Miss Agnes Hale", the family's only full name, and "the doctor"
    is "Dr. Hale": a form of address other than the full name's is another person."""
    text, quotes = quotes_of(
        "Dr. Hale and his wife were at breakfast when the letter came. Mrs. Hale read it twice.\n\n"
        '"From your brother," she said. "He wants to come at Easter."\n\n'
        '"Then he shall come," said the doctor, without looking up from his paper.\n\n'
        "Later that morning Miss Agnes Hale, the doctor's sister, came down from her room.\n\n"
        '"Six children," she said, sitting down. "Robert, you are a fool."\n\n'
        '"Your wife is right," said Miss Hale.'
    )
    assert [(text[q.start : q.end], q.speaker) for q in quotes] == [
        ('"From your brother,"', "Mrs. Hale"),
        ('"He wants to come at Easter."', "Mrs. Hale"),
        ('"Then he shall come,"', "Dr. Hale"),
        ('"Six children,"', "Agnes Hale"),
        ('"Robert, you are a fool."', "Agnes Hale"),
        ('"Your wife is right,"', "Agnes Hale"),
    ]


def test_a_name_called_with_a_word_of_affection_is_the_one_spoken_to() -> None:
    """ "Marta dear, whatever for?" she said: Marta is called, so she is not the one who speaks
    (better nobody than her), though she was named last."""
    _, quotes = quotes_of(
        "Nell Rowe sat by the stove. Her cousin Marta Vesk came in from the yard.\n\n"
        '"Nell, I have broken your blue jug," said Marta.\n\n'
        "Nell put down her sewing. She looked up at Marta, and Marta looked at the floor.\n\n"
        '"Marta dear, whatever for?" she said.'
    )
    assert quotes[0].speaker == "Marta Vesk"
    assert quotes[1].speaker in (None, "Nell Rowe")


@pytest.mark.parametrize(
    "headline",
    ['Wilk Says Harbour Deal Is "Dead In The Water"', 'Harbour News\n\nWilk Says Harbour Deal Is "Dead In The Water"'],
)
def test_a_title_case_headline_names_its_speaker(headline: str) -> None:
    """ "Wilk Says Harbour Deal Is “Dead In The Water”": the headline's quotation is Wilk's, the
    Tomas Wilk of the article, and "Wilk Says Harbour" is nobody's name. As the document's
    title or as a line of its own."""
    doc = parse_plain_text(
        headline + '\n\nThe proposed harbour deal is "dead in the water," council leader Tomas Wilk said Tuesday.',
        "/tmp/t.txt",
    )
    quotes = analyse(doc).quotes
    assert [(doc.text[q.start : q.end], q.speaker) for q in quotes] == [
        ('"Dead In The Water"', "Tomas Wilk"),
        ('"dead in the water,"', "Tomas Wilk"),
    ]


@pytest.mark.parametrize(
    ("body", "who"),
    [
        (
            "The new tolls are “a plain robbery,” Holm said on Tuesday in Marrow, adding that the chairman "
            "“has stopped listening.”",
            "Ida Holm",
        ),
        (
            "Admitting that the board “got the sums wrong,” though, Wren did suggest that the fees would stay.",
            "Per Wren",
        ),
        ("“Nobody will pay these tolls,” Holm recounted telling the board at its spring meeting.", "Ida Holm"),
    ],
)
def test_the_attribution_after_a_quotation_in_its_sentence(body: str, who: str) -> None:
    """The speaker named after a quotation inside its sentence: past a time and a place before
    the sentence goes on to another quotation, after "did" (a verb of saying in its plain form),
    or with "recounted"."""
    text, quotes = quotes_of("Fees\n\nThe board met on Monday. Ida Holm and Per Wren were there.\n\n" + body)
    assert quotes
    assert all(quote.speaker == who for quote in quotes), shown(text, quotes)


@pytest.mark.parametrize("after", [",", "--", "—"])
def test_a_parent_called_mother_answers_the_next_turn(after: str) -> None:
    """“It is bitter out there, Mother,” said Ada: Mrs. Dunn, her mother, is the one spoken
    to, so she answers the unattributed turn after it, and the two then take turns. So too
    when a dash follows the word ("Mother--")."""
    text, quotes = quotes_of(
        "The Lamp\n\n"
        "Mrs. Dunn sat by the stove with her knitting, and Mr. Holt from the mill sat across from her "
        "with his pipe. Miss Ada Dunn came in from the yard and shut the door.\n\n"
        f"“It is bitter out there, Mother{after}” said Ada.\n\n"
        "“Then sit by the stove and warm your hands.”\n\n"
        "“I will, once the hens are fed.”\n\n"
        "“The hens can wait.”\n\n"
        "“They cannot.”"
    )
    assert [quote.speaker for quote in quotes] == ["Ada Dunn", "Mrs. Dunn", "Ada Dunn", "Mrs. Dunn", "Ada Dunn"], shown(
        text, quotes
    )


def test_a_possessive_subject_ends_before_its_verb() -> None:
    """ "Holm’s right-hand woman rallied supporters, saying: “…”": the speaker is the woman,
    and the mention stops before the verb ("rallied" is no part of who she is)."""
    text, quotes = quotes_of(
        "Fees\n\nThe board met on Monday. Ida Holm was there.\n\n"
        "In reply to the board’s plan, Holm’s right-hand woman rallied supporters, saying: "
        "“We have to be ready to stop it.”"
    )
    (quote,) = quotes
    assert text[quote.speaker_start : quote.speaker_end] == "Holm’s right-hand woman"


@pytest.mark.parametrize("between", [" ", "\n\n"])
def test_she_after_a_sentence_naming_two_women_is_its_subject(between: str) -> None:
    """ "Mrs. Berg surprised Miss Lund by coming down early. “…,” she announced": "she" is the
    one the sentence is about, its subject, not the woman named last; in the same paragraph
    or the next."""
    text, quotes = quotes_of(
        "The Well\n\nMrs. Berg and Miss Lund kept the house on the hill.\n\n"
        "The next morning Mrs. Berg surprised Miss Lund by coming down early with her books under her arm."
        + between
        + "“I am going back to school,” she announced."
    )
    (quote,) = quotes
    assert quote.speaker == "Mrs. Berg", shown(text, quotes)
    assert text[quote.speaker_start : quote.speaker_end] == "she"


@pytest.mark.parametrize(
    ("story", "speaker"),
    [
        (
            "Ruth Okafor had chaired the ferry board for a decade. She knew that Mrs. Holm would never give way.\n\n"
            "“We will vote tomorrow,” she said.",
            "Ruth Okafor",
        ),
        (
            "Ruth Okafor had chaired the ferry board for a decade. But she saw that Mrs. Holm was tired. "
            "She knew that Mrs. Holm would never give way. “We will vote tomorrow,” she said.",
            "Ruth Okafor",
        ),
        # Of unknown gender, a name that opens its sentence is that sentence's subject.
        (
            "Tomas Wilk had run the ferry for thirty years. He could see that Mr. Lund was tired of waiting.\n\n"
            "“We sail at dawn,” he said.",
            "Tomas Wilk",
        ),
        # A sentence that opens with the name is still about the one it names.
        (
            "Ruth Okafor had chaired the ferry board for a decade. Mrs. Holm knew that she would never give way.\n\n"
            "“We will vote tomorrow,” she said.",
            "Mrs. Holm",
        ),
    ],
)
def test_she_in_a_sentence_that_opens_with_she_means_whom_that_one_meant(story: str, speaker: str) -> None:
    """ "She knew that Mrs. Holm …": the sentence's subject is "she", not Mrs. Holm, so a
    "she" after it means the woman that "she" did, named before it."""
    text, quotes = quotes_of("The Ferry\n\n" + story)
    (quote,) = quotes
    assert quote.speaker == speaker, shown(text, quotes)
    assert text[quote.speaker_start : quote.speaker_end] in ("she", "he")


def test_a_person_without_a_first_name_is_shown_with_the_title_the_text_gives_them() -> None:
    """Mr. Cobb and Mrs. Cobb, whom the story never gives a first name, are shown so, each
    a person of their own, not as one bare "Cobb"; the People tab lists them the same way."""
    analysis = analyse(
        parse_plain_text(
            "The Inn\n\nMr. Cobb kept the inn at the crossroads. Mr. Cobb was a careful man, and the inn was clean.\n\n"
            "“There is a coach coming,” said Mr. Cobb.\n\n“Then light the lamps,” said Mrs. Cobb.\n\n"
            "“I lit them at six,” said Mr. Cobb.",
            "x",
        )
    )
    assert [q.speaker for q in analysis.quotes] == ["Mr. Cobb", "Mrs. Cobb", "Mr. Cobb"]
    assert {p.name: p.gender for p in analysis.people} == {"Mr. Cobb": "m", "Mrs. Cobb": "f"}


def test_two_writers_named_before_a_colon_speak_their_quotation() -> None:
    """A digest's item: a headline, a dash, the writers and a colon. "- Ida Holm and Per Wren:
    “…”" is theirs (the first named stands for both), as "- Tomas Berg: “…”" is his."""
    text, quotes = quotes_of(
        "Polls Roundup\n\nThe polls closed early.\n\n"
        "IOWA POLLS NOT WRONG, JUST EARLY - Ida Holm and Per Wren: “Although the polls missed the result, "
        "they were not wrong. They ended too early.”\n\n"
        "VOTERS WANT A LEADER - Tomas Berg: “We found that voters care most about who inspires them.”"
    )
    assert [q.speaker for q in quotes] == ["Ida Holm", "Tomas Berg"], shown(text, quotes)


def test_a_passive_cue_s_subject_is_not_its_source() -> None:
    """ "The board is expected to rule", "Holm was asked about it": said of them or to them, not by
    them. Who says it is named after "by", if anywhere."""
    doc = parse_plain_text(
        "Title\n\nThe planning board is expected to rule on the harbour sale in January. "
        "At the meeting, Ida Holm was asked whether the tolls would rise. "
        "The plan was criticised on Friday by Per Lund, who runs the ferry. "
        "Tomas Wilk was pleased that the vote was delayed.",
        "/tmp/p.txt",
    )
    assert [(c.kind, c.source) for c in analyse(doc).claims] == [
        ("hedged", None),
        ("attributed", None),
        ("attributed", "Per Lund"),
        ("attributed", "Tomas Wilk"),
    ]


def test_a_label_before_a_colon_is_a_source_only_when_it_names_one() -> None:
    """ "Poll: …", a person the article names, a transcript's speaker: sources. A heading of the
    page's own ("The Latest:", "CORRECTION:") names nobody, and makes no claim."""
    article = parse_plain_text(
        "Harbour notes\n\n"
        "The Latest: Ferry tolls rise on Monday.\n\n"
        "Poll: Most traders back the new pier.\n\n"
        "Holm: The ferry deal is dead.\n\n"
        "Ida Holm chairs the harbour board.\n\n"
        "CORRECTION: The vote was on Tuesday, not on Monday as we first wrote.",
        "/tmp/l.txt",
    )
    transcript = parse_plain_text(
        "Pier talk\n\nBERG: We will keep the pier open.\n\nWREN: For how long?\n\n"
        "BERG: For as long as the town wants it.",
        "/tmp/m.txt",
    )
    assert [
        (doc.text[c.start : c.end][:12], c.source)
        for doc in (article, transcript)
        for c in analyse(doc).claims
        if c.kind == "attributed"
    ] == [
        ("Poll: Most t", "Poll"),
        ("Holm: The fe", "Ida Holm"),
        ("BERG: We wil", "BERG"),
        ("WREN: For ho", "WREN"),
        ("BERG: For as", "BERG"),
    ]


def test_a_body_s_name_with_of_inside_is_kept_whole() -> None:
    """ "the Bank of the North", "Department of Harbours": the body speaks, not "the North"."""
    sources = claim_sources(
        "The Bank of the North said the loan would be repaid by spring. "
        "Department of Harbours officials claimed that the pier was safe. "
        "Ida Holm of Marrow said the tolls were too high.",
    )
    assert sources == [
        "The Bank of the North",
        "Department of Harbours officials",
        "Ida Holm",
    ]


def test_he_opening_a_claim_is_whoever_made_the_claim_before_it() -> None:
    """ "The pier's manager, Alun Berg, denied that. He said …": Berg, though the article told
    Tomas Wilk's gender earlier and Berg's not at all."""
    doc = parse_plain_text(
        "Title\n\nTomas Wilk said he would vote against the sale, and he urged others to do so. "
        "He claimed that the ferry would lose money.\n\n"
        "The pier's manager, Alun Berg, denied that. He said the ferry had made money every year.",
        "/tmp/h.txt",
    )
    assert [c.source for c in analyse(doc).claims][-2:] == ["Alun Berg", "Alun Berg"]


def test_said_that_opens_what_was_said_not_who_said_it() -> None:
    sources = claim_sources(
        "Ida Holm, the harbour's longest-serving pilot, said that she noticed it after Gullwick.",
    )
    assert sources == ["Ida Holm"]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Per Lund has been outspoken in his dislike of the timetable.", "Per Lund"),
        ("Wilk helped persuade the board that the lamp needed a keeper.", "Wilk"),
        ("Lund has tried to defend the toll rise at every meeting.", "Lund"),
        ("Holm was asked by the host, Per Lund, whether the pier was safe.", "Per Lund"),
        ("At the inquiry Wilk was asked by councillor Ida Holm why the lamp was dark.", "Ida Holm"),
        ("Many say the tolls are too high.", "Many"),
        ("But some argue that the pier is safe.", "some"),
        ("Ida Holm and Per Lund both argued that the pier was safe.", "Per Lund"),
        ("On tolls, both argue that the ferry should be free.", "both"),
        ("But opponents say the ferry has lost its regulars.", "opponents"),
        ("On that point, opponents say, the ferry has lost its regulars.", "opponents"),
        ("Contrary to the rumours, authorities say the ferry is safe.", "authorities"),
        ("For most of the summer, objectors pointed to the old ledger.", "objectors"),
        ("Holm himself seemed to recognise the size of the loss.", "Holm"),
        ("That letter claimed that the ferry was late.", "That letter"),
        ("(Lund says the ferry is late.)", "Lund"),
    ],
)
def test_the_subject_of_a_verb_before_the_cue_or_a_word_for_people_is_the_source(sentence: str, source: str) -> None:
    assert claim_sources(sentence) == [source]


def test_a_person_of_a_body_and_his_survey_name_the_person() -> None:
    sources = claim_sources(
        "Another pilot, Ida Holm of Marrow University, said her count of the boats showed Mr. Lund's "
        "fleet shrinking after the storm.",
    )
    assert sources == ["Ida Holm"]


def test_a_source_is_named_without_the_word_that_opens_its_clause_or_an_aside_after_it() -> None:
    sources = claim_sources(
        "While many traders, like Ida Holm, argued that the tolls were too high, the board kept them. "
        "Yet the skippers insist that the quay is too short.",
    )
    assert sources == ["many traders", "the skippers"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ida Holm on Tuesday said the ferry was safe.",
        "Ida Holm late last week claimed that the ferry was safe.",
        "Senator Ida Holm (D-Marrow) this morning said the ferry was safe.",
    ],
)
def test_when_and_a_bracket_between_a_source_and_its_verb_are_passed_over(sentence: str) -> None:
    assert claim_sources(sentence) == ["Ida Holm"]


def test_a_paper_named_times_is_no_time() -> None:
    doc = parse_plain_text("Title\n\nThe Marrow Times reported that the ferry was late again.", "/tmp/t.txt")
    assert [c.source for c in analyse(doc).claims] == ["The Marrow Times"]


def test_calculated_reports_a_claim() -> None:
    doc = parse_plain_text(
        "Title\n\nThe harbour board calculates that the new tolls will bring in £2 million a year.", "/tmp/c.txt"
    )
    assert [(c.kind, c.source, c.checkable) for c in analyse(doc).claims] == [("attributed", "The harbour board", True)]


def test_an_occupation_before_a_name_is_not_part_of_it() -> None:
    _text, quotes = quotes_of("Businessman Tomas Wilk said: “The pier must stay.” Later Wilk added: “It is ours.”")
    assert [q.speaker for q in quotes] == ["Tomas Wilk", "Tomas Wilk"]


def test_a_progressive_verb_has_its_own_subject() -> None:
    """ "the night watchman was telling anyone …": the watchman, not "the night"."""
    text, quotes = quotes_of(
        "Meanwhile the night watchman was telling anyone who would listen that the lamp had “a mind of its own”."
    )
    (mind,) = quotes
    assert text[mind.speaker_start : mind.speaker_end] == "the night watchman"


def test_first_between_a_source_and_its_verb_is_not_part_of_the_source() -> None:
    text, quotes = quotes_of("“The lamp is out,” the harbour radio first announced at dawn.")
    (out,) = quotes
    assert (out.speaker, text[out.speaker_start : out.speaker_end]) == ("the harbour radio", "the harbour radio")


def test_a_sentence_opened_by_but_after_a_quotation_is_not_its_attribution() -> None:
    """ "“…” But Holm went on." is the story going on, not "“…” Holm said.": never "But Holm"."""
    _text, quotes = quotes_of("Holm was relentless. Lund tried to laugh it off, “Only on Sundays.” But Holm went on.")
    (sundays,) = quotes
    assert sundays.speaker == "Lund"


def test_a_possessive_subject_after_an_opening_phrase_is_whole() -> None:
    """ "When the lights failed, Per Lund’s eldest daughter took the microphone, saying: “…”": the
    daughter speaks, not Per Lund."""
    text, quotes = quotes_of(
        "When the lights failed, Per Lund’s eldest daughter took the microphone, saying: “Nobody leaves this hall.”"
    )
    (hall,) = quotes
    assert text[hall.speaker_start : hall.speaker_end].endswith("Lund’s eldest daughter")
    assert hall.speaker != "Per Lund"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Ida Holm rowed out to the lamp at dawn and back, insisting it could still be saved.", "Ida Holm"),
        ("The skipper finally sold the boat, admitting the harbour had beaten him.", "The skipper"),
        (
            "When the lights failed, Per Lund’s eldest daughter took the microphone, saying the hall was safe.",
            "Lund’s eldest daughter",
        ),
    ],
)
def test_the_clause_before_a_set_off_participle_is_not_its_source(sentence: str, source: str) -> None:
    """ "The skipper finally sold the boat, admitting …": the skipper, not the whole clause before the comma."""
    assert claim_sources(sentence) == [source]


def test_a_verb_of_saying_in_the_present_is_read_like_its_past() -> None:
    """ "Per Lund testifies that …" as "Per Lund testified that …": the quotation rests on the
    present verb's subject, not on the name before it."""
    text, quotes = quotes_of("Ada Rusk chairs the board, and Per Lund testifies that the pier was “rotten for years”.")
    (rotten,) = quotes
    assert (rotten.speaker, text[rotten.speaker_start : rotten.speaker_end], rotten.cue) == (
        "Per Lund",
        "Per Lund",
        "testifies",
    )


def test_a_noun_in_ly_is_not_an_adverb_after_its_speaker() -> None:
    """ "“…,” the family recalled": "the family" speaks, not "the" (its noun taken for an adverb,
    as in "said her mother resentfully")."""
    text, quotes = quotes_of("“We lost everything,” the family recalled.")
    (everything,) = quotes
    assert text[everything.speaker_start : everything.speaker_end] == "the family"


def test_a_name_set_off_by_a_description_of_a_person_is_in_the_cast() -> None:
    """ "Ada Rusk, the harbour master, has kept a diary in which she …": a person, so the "she"
    after is her (the name was in the cast only beside a verb of saying, a "who" or an age)."""
    _text, quotes = quotes_of(
        "Ada Rusk, the harbour master, has kept a diary in which she calls the new tolls “a tax on weather.”"
    )
    (tax,) = quotes
    assert tax.speaker == "Ada Rusk"


def test_this_and_a_verb_are_not_a_speaker() -> None:
    """ "This led the council to hang a banner saying “…”": never spoken by "This led"."""
    text, quotes = quotes_of(
        "The storm knocked out the lamp. This led the council to hang a banner saying “Pier closed.”"
    )
    (closed,) = quotes
    assert closed.speaker != "This led"
    assert closed.speaker_start is None or text[closed.speaker_start : closed.speaker_end] != "This led"


def test_a_campaign_named_with_a_verb_is_a_source_whole() -> None:
    """ "Keep the Light has said …": the campaign, not "the Light", at the start of a sentence and
    set off after the word for it."""
    assert claim_sources("Save the Pier has said it will ask for a judicial review.") == ["Save the Pier"]
    assert claim_sources("The objectors' group, Save the Pier, says the sale breaks the charter.") == ["Save the Pier"]


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("A source close to Holm said, “The vote is not settled.”", "A source close to Holm"),
        (
            "Another official familiar with Holm’s plans said, “It is nearly done.”",
            "Another official familiar with Holm’s plans",
        ),
        ("“It will be close,” said a source close to the harbour board.", "a source close to the harbour board"),
        (
            "“It will be close,” one councillor involved in the talks said.",
            "one councillor involved in the talks",
        ),
        # Not a name's own apposition: "a friend of the mayor" describes Ida Holm, who speaks.
        ("Ida Holm, a friend of the mayor, said: “We will see.”", "Ida Holm"),
    ],
)
def test_a_source_close_to_someone_speaks_not_the_someone(body: str, speaker: str) -> None:
    """News that cannot name its source names what the source is close to: "a source close to
    Holm said" is the source's words, and the People tab shows the source, not Holm."""
    text, quotes = quotes_of(body)
    assert [(q.speaker, text[q.speaker_start : q.speaker_end]) for q in quotes] == [(speaker, speaker)]
