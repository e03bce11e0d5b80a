"""The analysis as named stages, and the learned ranker that chooses speakers."""

from __future__ import annotations

import gc
import json
import re
from importlib import resources

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from content.analysis import STAGES, analyse
from content.analysis.cast import Cast
from content.analysis.claims import cue_model, find_claims
from content.analysis.quotes import Quote
from content.analysis.ranker import Features, Ranker, load_ranker
from content.plaintext import parse_plain_text


def _quotations_of(text: str) -> dict[str, Quote]:
    """The quotations of a plain text, by their own words (marks included)."""
    return {text[q.start : q.end]: q for q in analyse(parse_plain_text(text, "x")).quotes}


def test_the_shipped_weights_load_and_are_trained() -> None:
    raw = json.loads(resources.files("content.analysis").joinpath("attribution.json").read_text(encoding="utf-8"))
    ranker = load_ranker()
    assert ranker.weights == {k: float(v) for k, v in raw["weights"].items()}
    # Trained weights, not the hand-set starting point: sieves, dialogue and gender all weigh in.
    assert len(ranker.weights) > 50
    assert any(name.startswith("sieve=after") for name in ranker.weights)
    assert any(name.startswith("fiction&") for name in ranker.weights)
    assert 0.0 <= ranker.threshold < 0.5


def test_inference_is_deterministic() -> None:
    text = (
        "The harbour was quiet.\n\n"
        "“We will not sell,” said Odile Brennan.\n\n"
        "“Then the light goes dark,” Tobias Wren replied. “And soon.”\n\n"
        "Brennan shook her head. “Not while I am mayor,” she said."
    )
    runs = [[q.to_json(text) for q in analyse(parse_plain_text(text, "x")).quotes] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2]
    assert [q["speaker"] for q in runs[0]] == ["Odile Brennan", "Tobias Wren", "Tobias Wren", "Odile Brennan"]


def test_the_ranker_prefers_the_better_scored_candidate_and_can_decline() -> None:
    ranker = Ranker({"bias": -1.0, "first": 3.0, "gender_clash": -5.0}, threshold=0.2)
    assert ranker.choose([{"bias": 1.0}, {"bias": 1.0, "first": 1.0}]) == 1
    assert ranker.choose([{"bias": 1.0, "first": 1.0, "gender_clash": 1.0}]) is None
    assert ranker.choose([]) is None


def test_a_piece_of_a_noun_phrase_is_told_from_a_whole_one() -> None:
    """ "a member of the" or "the attacks were echoed" is a phrase cut short, not somebody;
    the shipped weights count against it."""
    from content.analysis.ranker import Evidence, Source, features

    def shape(text: str) -> Features:
        source = Source("before", "group", text, "said", 0, 3, False, False)
        return features(Evidence((source,), False, False, None, None, False, False, False, False, False, 0))

    assert "cut_short" in shape("a member of the") and "cut_short" in shape("the attacks were echoed")
    assert "cut_short" not in shape("a member of the board") and "cut_short" not in shape("her lawyers")
    assert load_ranker().weights["cut_short"] < 0


def test_a_pronoun_that_goes_on_is_weighed_with_the_recent_speakers() -> None:
    """ "“…,” she continued" tells the ranker how recently the person spoke, apart from "she
    said"; the shipped weights have a weight for it."""
    from content.analysis.ranker import Evidence, Source, features

    def of(cue: str, recent: int) -> Features:
        source = Source("after", "pronoun", "she", cue, 0, 2, True, False)
        return features(Evidence((source,), True, True, True, recent, False, False, False, False, False, 0))

    assert "continuing&recent=0" in of("continued", 0) and "continuing&recent=2" in of("went", 2)
    assert not any(name.startswith("continuing&") for name in of("said", 0))
    assert "continuing&recent=0" in load_ranker().weights


def test_a_description_that_spoke_before_is_weighed_towards_the_same_person() -> None:
    """ "said the old gentleman" a second time: the person it was the first time gets the
    feature, and in fiction the shipped weights count for it."""
    from content.analysis.narrator import attribute
    from content.analysis.quotes import Choice

    body = (
        "Mr. Tobias Wren had come to the harbour office before noon.\n\n"
        "“The boats are late,” said the old gentleman, tapping the glass.\n\n"
        "Ida Hale looked up from her ledger. Tomas Wilk came in behind her.\n\n"
        "“They will come by the evening tide,” said the old gentleman."
    )
    analysis = analyse(parse_plain_text("The Harbour Office\n\n" + body, "/tmp/office.txt"))
    trace: list[Choice] = []
    attribute(analysis.read, analysis.sentences, analysis.cast, analysis.fiction, load_ranker(), trace)
    first, second = trace
    assert [o.speaker for o in first.options] == ["Tobias Wren"]
    assert not any("same_description" in f for f in first.features)
    assert [
        ("same_description" in f)
        for o, f in zip(second.options, second.features, strict=True)
        if o.speaker == "Tobias Wren"
    ] == [True]
    weights = load_ranker().weights
    assert weights["same_description"] + weights["fiction&same_description"] > 0


def _painter_story() -> str:
    exchange = (
        "“Is the picture done?” asked Ida Hale.\n\n"
        "“Nearly,” said Tomas Varga.\n\n"
        "“May I see it?” asked Ida.\n\n"
        "“Not yet,” said the painter, and turned the easel to the wall.\n\n"
        "“Why not?” asked Ida.\n\n"
        "“Because the sky in it is wrong,” said Tomas.\n\n"
    )
    later = (
        "“Is it done now?” asked Ida.\n\n"
        "“The sky is right at last,” said Tomas.\n\n"
        "“Then may I see it?” asked Ida.\n\n"
        "“You may,” said the painter, wiping his brushes.\n\n"
        "“It is the harbour,” cried Ida.\n\n"
        "“It was always the harbour,” said Tomas."
    )
    return f"The Painter\n\nCHAPTER I\n\n{exchange}She went home by the quay.\n\nCHAPTER II\n\n{later}"


def test_a_description_the_exchanges_point_to_one_person_speaks_as_that_person() -> None:
    """ "said the painter" between Ida's turns, where Tomas speaks two turns before and after:
    the quotation is Tomas's, and still rests on the words "the painter"."""
    document = parse_plain_text(_painter_story(), "/tmp/painter.txt")
    analysis = analyse(document)
    painted = [q for q in analysis.quotes if document.text[q.speaker_start : q.speaker_end] == "the painter"]
    assert [document.text[q.start : q.end] for q in painted] == ["“Not yet,”", "“You may,”"]
    assert [q.speaker for q in painted] == ["Tomas Varga", "Tomas Varga"]


def test_a_description_is_linked_only_where_the_exchanges_agree() -> None:
    """Three turns pointing to one person, and more than half of all its turns, link a
    description; two turns, or a split vote, leave it as it is. The turns it is told by may be
    a name's or a description's found to be that person."""
    from content.analysis.dialogue import Turn, link_descriptions

    def story(*pointed_to: str, as_described: str | None = None) -> list[Turn]:
        turns: list[Turn] = []
        for person in pointed_to:  # an exchange: the person, Ida, the description, Ida, the person
            at = 10 * len(turns)
            turns += [Turn(at, person, as_described), Turn(at + 1, "Ida", None)]
            turns += [Turn(at + 2, "the stranger", "the stranger"), Turn(at + 3, "Ida", None)]
            turns += [Turn(at + 4, person, as_described)]
        return turns

    assert link_descriptions(story("Tomas", "Tomas"), {"the stranger"}) == {"the stranger": "Tomas"}
    assert link_descriptions(story("Tomas"), {"the stranger"}) == {}  # two turns only
    assert link_descriptions(story("Tomas", "Berg"), {"the stranger"}) == {}  # split two and two
    assert link_descriptions(story("Tomas", "Tomas", "Tomas", "Berg"), {"the stranger"}) == {"the stranger": "Tomas"}
    # Tomas's turns said by a description found to be him ("said the boatman") count as his.
    linked = link_descriptions(story("Tomas", "Tomas", as_described="the boatman"), {"the stranger"})
    assert linked["the stranger"] == "Tomas"


def test_a_description_is_never_linked_to_whom_its_own_turns_rule_out() -> None:
    """In a story told by Tomas in the first person, "“…,” said the stranger" is never Tomas,
    however the exchanges point to him: each turn of the description has him for its callee.
    The whole book's link and the one turn's alike."""
    from content.analysis.dialogue import Turn, link_descriptions, linked_here

    def story(ruled_out: frozenset[str]) -> list[Turn]:
        turns: list[Turn] = []
        for at in (0, 10, 20):  # Tomas, Ida, the stranger, Ida, Tomas: three times
            turns += [Turn(at, "Tomas", None, quote=at), Turn(at + 1, "Ida", None, quote=at + 1)]
            turns += [Turn(at + 2, "the stranger", "the stranger", quote=at + 2, callee=ruled_out)]
            turns += [Turn(at + 3, "Ida", None, quote=at + 3), Turn(at + 4, "Tomas", None, quote=at + 4)]
        return turns

    assert link_descriptions(story(frozenset()), {"the stranger"}) == {"the stranger": "Tomas"}
    assert link_descriptions(story(frozenset({"Tomas"})), {"the stranger"}) == {}
    assert linked_here(story(frozenset()), {"the stranger"}) == {2: "Tomas", 12: "Tomas", 22: "Tomas"}
    assert linked_here(story(frozenset({"Tomas"})), {"the stranger"}) == {}


def test_a_description_between_turns_of_two_is_the_one_the_exchange_points_to() -> None:
    """ "“…,” said the stranger" once, between Ida's turns with Tomas's two before and two
    after: too few turns for the description to be linked in the whole book, but the exchange
    around this turn tells it is Tomas's. It still rests on the words "the stranger"."""
    document = parse_plain_text(
        "Chapter 1\n\nTomas Varga and Ida Holm stood on the pier while the fog came in.\n\n"
        "“Is the boat ready?” said Tomas.\n\n“Nearly,” said Ida.\n\n“Then I shall wait,” said the stranger.\n\n"
        "“Wait by the fire,” said Ida.\n\n“I will,” said Tomas.\n\nChapter 2\n\nThe boat left at noon.",
        "/tmp/stranger.txt",
    )
    quotes = analyse(document).quotes
    assert [q.speaker for q in quotes] == ["Tomas Varga", "Ida Holm"] * 2 + ["Tomas Varga"]
    assert document.text[quotes[2].speaker_start : quotes[2].speaker_end] == "the stranger"


def test_a_description_is_linked_here_only_where_both_sides_of_the_exchange_agree() -> None:
    """A description's turn is one person's where the turns on both sides of it are another
    person's and the turns two away are that one's; not where one side is missing, the two
    sides point to different people, or the description was found to be someone already."""
    from content.analysis.dialogue import Turn, linked_here

    def exchange(before: str, after: str | None, speaker: str = "the stranger") -> list[Turn]:
        people = [before, "Ida", speaker, "Ida"] + ([after] if after else [])
        return [
            Turn(at, person, "the stranger" if at == 2 else None, quote=10 + at) for at, person in enumerate(people)
        ]

    assert linked_here(exchange("Tomas", "Tomas"), {"the stranger"}) == {12: "Tomas"}
    assert linked_here(exchange("Tomas", None), {"the stranger"}) == {}
    assert linked_here(exchange("Tomas", "Berg"), {"the stranger"}) == {}
    assert linked_here(exchange("Tomas", "Tomas", speaker="Ola Berg"), {"the stranger"}) == {}


def test_a_turn_that_went_on_from_a_relinked_description_follows_it() -> None:
    """ "“Not yet,” said the old man" found to be Berg, then linked to Tomas by the exchanges:
    "“The tide is wrong.”" after it, resting on the same words, is Tomas's too; Berg's own
    turn elsewhere stays his, and so does the painter's that no exchange linked."""
    from content.analysis.quotes import Quote, relink

    quotes = [
        Quote(0, 10, "speech", "Ola Berg", 20, 31, "said"),  # “Not yet,” said the old man
        Quote(40, 60, "speech", "Ola Berg", 20, 31, "said"),  # “The tide is wrong.”
        Quote(80, 90, "speech", "Ola Berg", 92, 100, "said"),  # “Go home,” said Berg
        Quote(120, 130, "speech", "the painter", 132, 143, "said"),
    ]
    described = {0: "the old man", 3: "the painter"}
    relinked = relink(quotes, described, {"the painter"}, {"the old man": "Tomas Varga"})
    assert [q.speaker for q in relinked] == ["Tomas Varga", "Tomas Varga", "Ola Berg", "the painter"]
    assert [(q.speaker_start, q.speaker_end) for q in relinked] == [(q.speaker_start, q.speaker_end) for q in quotes]


def test_the_ranking_model_chooses_and_the_other_model_may_still_decline() -> None:
    """In news the two models' scores are added to rank the candidates (here the ranking
    model outweighs the per-candidate one); the per-candidate model alone still says nobody
    when the pick is unlikely, and alone ranks in fiction."""
    ranker = Ranker({"bias": 0.0, "first": 3.0, "gender_clash": -5.0}, threshold=0.2, choice={"after": 4.0})
    assert ranker.choose([{"bias": 1.0, "first": 1.0}, {"bias": 1.0, "after": 1.0}]) == 1
    # Not the ranking model alone: its smaller preference loses to the other model's larger one.
    weak = Ranker({"bias": 0.0, "first": 3.0}, threshold=0.2, choice={"after": 2.0})
    assert weak.choose([{"bias": 1.0, "first": 1.0}, {"bias": 1.0, "after": 1.0}]) == 0
    assert ranker.choose([{"bias": 1.0, "after": 1.0, "gender_clash": 1.0}]) is None
    assert ranker.choose([{"bias": 1.0, "first": 1.0}, {"bias": 1.0, "after": 1.0}], fiction=True) == 0


def test_a_pronoun_s_reading_is_weighed_with_the_turn_it_would_take() -> None:
    """ "“…,” he said." opening a paragraph may mean the man who spoke last or the one before:
    the features pair the pronoun with that turn, and with whether the quotation opens its
    paragraph, so the model can weigh them together."""
    from content.analysis.ranker import Evidence, Source, features

    he = Source("after", "pronoun", "he", "said", 0, 2, True, False)
    name = Source("after", "person", "Wren", "said", 0, 2, True, False)

    def evidence(source: Source, recent: int | None, opens: bool) -> Evidence:
        return Evidence((source,), True, True, True, recent, False, False, False, opens, False, 3)

    assert "opens&pronoun&recent=1" in features(evidence(he, 1, True))
    assert "pronoun&recent=0" in features(evidence(he, 0, False))
    assert "pronoun&not_recent" in features(evidence(he, None, True))
    assert not any("pronoun&" in key for key in features(evidence(name, 1, True)))
    # The shipped weights were trained with them.
    assert any(key.startswith("opens&pronoun&recent=") for key in load_ranker().weights)


def test_stages_run_in_order_and_each_on_first_use() -> None:
    doc = parse_plain_text("Title\n\n“Hello there, friends,” said Mara Quill. She claimed that 40 jobs came.", "x")
    analysis = analyse(doc)
    assert STAGES == ("sentences", "genre", "cast", "quotes", "claims")
    assert "quotes" not in analysis.__dict__
    assert len(analysis.sentences) == 3
    assert "quotes" not in analysis.__dict__  # sentences alone do not run the later stages
    analysis.run()
    assert {"sentences", "fiction", "cast", "quotes", "claims"} <= set(analysis.__dict__)
    assert analysis.quotes[0].speaker == "Mara Quill"


def test_the_cast_keeps_aliases_descriptions_and_gender() -> None:
    text = (
        "Ruth Okafor, a retired teacher, said the lamp was hers. Mrs. Okafor was firm.\n\n"
        "“It was my mother’s,” Okafor said. Later she added that she would keep it."
    )
    cast = Cast(text)
    people = {p.name: p for p in cast.people()}
    ruth = people["Ruth Okafor"]
    assert "Okafor" in ruth.aliases
    assert ruth.descriptions == ("a retired teacher",)
    assert ruth.gender == "f"


def test_a_persons_aliases_are_the_ways_the_text_writes_them_commonest_first() -> None:
    # "Ida" is a word of her name but never her name on its own here: not an alias.
    text = (
        "Ida Brandt, the ferry's owner, said the crossing would close. Brandt said so twice.\n\n"
        "“We cannot run it at a loss,” Brandt said. Mayor Ida Brandt was not at the meeting."
    )
    ida = next(p for p in Cast(text).people() if p.name == "Ida Brandt")
    assert ida.aliases == ("Brandt", "Mayor Ida Brandt")


def test_a_short_form_of_a_given_name_is_the_person_the_given_name_is() -> None:
    """ "Kit" is Christopher Lund where "Christopher" alone is him: one person in the People tab,
    with "Kit" among the ways the text writes him, and "said Kit" is his. Where the text has a
    Kit of his own, "Kit" is that one."""
    story = (
        "Christopher Lund and Ida Berg walked down to the harbour in the rain.\n\n"
        "“The boat is late,” said Christopher.\n\n“It always is, Kit,” said Ida.\n\n“Then we wait,” said Kit."
    )
    analysis = analyse(parse_plain_text("Title\n\n" + story, "x"))
    assert [q.speaker for q in analysis.quotes] == ["Christopher Lund", "Ida Berg", "Christopher Lund"]
    assert [(p.name, p.aliases) for p in analysis.people] == [
        ("Christopher Lund", ("Kit", "Christopher")),
        ("Ida Berg", ("Ida",)),
    ]
    # A Kit Holm of his own: "Kit" is him.
    assert Cast(story + " Kit Holm came later.").resolve_name("Kit") == "Kit Holm"


def test_the_one_a_turn_calls_by_name_answers_it() -> None:
    """ "“…, Anna,” said Tomas. / “…,” she cried." is Anna's: the turn before called her, and
    the narration named no other woman since. Not Mrs. Berg's, who spoke last of the women."""
    story = (
        "CHAPTER I\n\nAnna had gone down to the harbour early, and her mother had stayed at home.\n\n"
        "CHAPTER II\n\nThe door opened and Tomas came into the room, with Anna behind him.\n\n"
        "“You are late,” said Mrs. Berg, looking up from her sewing.\n\n"
        "Tomas only laughed and sat down by the fire.\n\n"
        "“Row me out to the buoy tomorrow, Anna,” said Tomas.\n\n"
        "“Only if the sea is calm,” she cried."
    )
    analysis = analyse(parse_plain_text("Title\n\n" + story, "x"))
    assert [q.speaker for q in analysis.quotes] == ["Mrs. Berg", "Tomas", "Anna"]
    # Where the narration names her again after the turn, she is the one it names.
    named = story.replace("“Only if the sea is calm,”", "Mrs. Berg put down her sewing.\n\n“Only if the sea is calm,”")
    assert [q.speaker for q in analyse(parse_plain_text("Title\n\n" + named, "x")).quotes][-1] == "Mrs. Berg"
    # "Miss Holm" may be what Anna Holm is called: she answers as herself, not as another person.
    family = (
        "CHAPTER I\n\nAnna Holm had gone down to the harbour early, and Peter Holm had stayed at home.\n\n"
        "CHAPTER II\n\nThe door opened and Tomas came into the room. Anna Holm looked up from her book.\n\n"
        "“You are late,” said Anna.\n\nTomas only laughed and sat down by the fire.\n\n"
        "“Will you walk with me tomorrow, Miss Holm?” said Tomas.\n\n“Perhaps I will,” she said."
    )
    assert [q.speaker for q in analyse(parse_plain_text("Title\n\n" + family, "x")).quotes] == [
        "Anna Holm",
        "Tomas",
        "Anna Holm",
    ]


@pytest.mark.parametrize(
    ("attribution", "answerer"),
    [
        ("asked Mrs. Berg, in a low voice, of Anna.", "Anna"),
        ("said Mrs. Berg to Anna.", "Anna"),
        ("said Mrs. Berg, turning to Anna.", "Anna"),
        # "Of" is whom a question is asked of, not whom anything is said of.
        ("said Mrs. Berg, thinking of Anna.", "Mrs. Berg"),
    ],
)
def test_the_one_an_attribution_says_a_turn_was_said_to_answers_it(attribution: str, answerer: str) -> None:
    """ "“…?” asked Mrs. Berg, in a low voice, of Anna. / “It is,” she replied." is Anna's."""
    story = (
        "CHAPTER I\n\nAnna had gone down to the harbour early, and Ruth had stayed at home.\n\n"
        "CHAPTER II\n\nThe door opened and Anna came into the room.\n\n"
        "“You are late,” said Ruth, looking up from her sewing.\n\n"
        "Mrs. Berg put down her cup and looked at the door.\n\n"
        f"“Is the boat ready?” {attribution}\n\n“It is,” she replied."
    )
    analysis = analyse(parse_plain_text("Title\n\n" + story, "x"))
    assert [q.speaker for q in analysis.quotes] == ["Ruth", "Mrs. Berg", answerer]


def test_he_after_a_sentence_turned_by_but_is_the_subject_after_it() -> None:
    """ "Peter and Paul fished every morning, but Hugh kept to the boatyard. “…,” he told Anna." is
    Hugh's: the clause after ", but" is the one the pronoun goes on from."""
    story = (
        "CHAPTER I\n\nThe results were to come out in the paper at the end of the week.\n\n"
        "CHAPTER II\n\nPeter and Paul fished off the pier every morning, but Hugh kept to the boatyard.\n\n"
        "“The nets want mending,” he told Anna."
    )
    assert [q.speaker for q in analyse(parse_plain_text("Title\n\n" + story, "x")).quotes] == ["Hugh"]


def test_the_general_is_the_general_the_story_names() -> None:
    """A story that calls someone "Grandmother" as a name: "said the Grandmother" is her too,
    one person in the quotes and the People tab, not a second one called "the Grandmother"."""
    story = (
        "CHAPTER I\n\nGrandmother came down the stairs slowly, leaning on her stick.\n\n"
        "CHAPTER II\n\n“Where is the tea?” said Grandmother.\n\n“It is coming,” said Anna.\n\n"
        "“Then bring it,” said the Grandmother."
    )
    analysis = analyse(parse_plain_text("Title\n\n" + story, "x"))
    assert [q.speaker for q in analysis.quotes] == ["Grandmother", "Anna", "Grandmother"]
    assert [p.name for p in analysis.people] == ["Grandmother", "Anna"]


def test_the_one_the_narration_says_kept_silent_does_not_speak_the_next_turn() -> None:
    """ "“Where is the key?” / He was silent. / “…”" is not his: the one who asked goes on."""
    story = (
        "CHAPTER I\n\nThey walked along the river in the evening.\n\n"
        "CHAPTER II\n\n“Who left the gate open?” asked Anna.\n\n“Nobody I know,” said Tomas.\n\n"
        "“Tomas!”\n\n“Well?”\n\n“Where is the key?”\n\nHe was silent.\n\n"
        "“I think you have lost it again.”"
    )
    speakers = [q.speaker for q in analyse(parse_plain_text("Title\n\n" + story, "x")).quotes]
    assert speakers == ["Anna", "Tomas", "Anna", "Tomas", "Anna", "Anna"]
    # Silent, then speaking "at last": the attribution beside the turn says so.
    spoke = story.replace("lost it again.”", "lost it,” he said at last.")
    assert [q.speaker for q in analyse(parse_plain_text("Title\n\n" + spoke, "x")).quotes][-1] == "Tomas"


@pytest.mark.parametrize(
    ("narration", "attribution", "speaker"),
    [
        ("Tomas had sailed that coast for years and knew every rock.", "his advice went on.", "Tomas"),
        ("Tomas had sailed that coast for years and knew every rock.", "said her mother's voice.", "Mrs. Berg"),
        ("Anna looked up when Tomas came in, and said nothing.", "her looks said.", "Anna Berg"),
    ],
)
def test_someone_s_words_speak_for_them(narration: str, attribution: str, speaker: str) -> None:
    """ "“…,” his advice went on" is his: advice, a voice, looks are the owner's, not someone."""
    story = (
        "CHAPTER I\n\nAnna Berg lived with Mrs. Berg in the house by the harbour.\n\n"
        f"CHAPTER II\n\n{narration}\n\n“Do not forget the lamps,” {attribution}"
    )
    assert [q.speaker for q in analyse(parse_plain_text("Title\n\n" + story, "x")).quotes] == [speaker]


def test_a_rank_before_a_given_name_is_another_family_s_man() -> None:
    """ "Colonel Orrin" is a family name's: not Orrin Hale, whose given name "Orrin" is. Two
    people, each with his own quotation; "Sir Tobias" may still be Tobias Lund's."""
    story = (
        "Orrin Hale had come down from the north with his sister, and Colonel Orrin met them at the station.\n\n"
        "“You are late,” said Colonel Orrin.\n\n“The train was slow,” said Orrin Hale."
    )
    analysis = analyse(parse_plain_text("Title\n\n" + story, "x"))
    assert [q.speaker for q in analysis.quotes] == ["Colonel Orrin", "Orrin Hale"]
    assert Cast("Tobias Lund came in. “Well,” said Sir Tobias.").resolve_name("Sir Tobias") == "Tobias Lund"


def test_first_person_fiction_gives_i_to_the_narrator_not_the_author() -> None:
    chapters = "\n\n".join(f"CHAPTER {n}\n\nThe road was long and the rain came down." for n in ("I", "II", "III"))
    text = f"The Long Road\n\nBy Ada Merriweather\n\n{chapters}\n\n“Come in,” I said.\n\n“Thank you,” said Tom Reed."
    analysis = analyse(parse_plain_text(text, "x"))
    assert analysis.fiction
    assert analysis.cast.narrator == "the narrator"
    speakers = [q.speaker for q in analysis.quotes]
    assert "Ada Merriweather" not in speakers
    assert speakers[1] == "Tom Reed"


def test_first_person_non_fiction_gives_i_to_the_byline() -> None:
    doc = parse_plain_text("A Visit\n\n“Come in,” I said, and the mayor did.", "x")
    doc.author = "Nessa Quayle"
    analysis = analyse(doc)
    assert not analysis.fiction
    assert analysis.quotes[0].speaker == "Nessa Quayle"


def test_a_description_is_resolved_to_the_person_it_describes() -> None:
    text = (
        "Oliver Tent was waiting by the gate with his cap in his hands.\n\n“Please, sir, may I come in?” asked the boy."
    )
    quote = analyse(parse_plain_text(text, "x")).quotes[0]
    assert quote.speaker == "Oliver Tent"
    assert text[quote.speaker_start : quote.speaker_end] == "the boy"


def test_a_description_of_someone_brought_in_unnamed_is_not_the_named_man() -> None:
    """ "said the stout man" after "A stout man rose": the newcomer, not Ambrose Kell, the one
    man the story has named (whom "the boy" of the test above would be)."""
    text = (
        "The Clock\n\nCHAPTER I\n\nAmbrose Kell knocked, and he waited in the rain.\n\n"
        "“Come in,” said Ambrose Kell to himself, and he went in.\n\n"
        "The study was cold and bare. A stout man rose from behind the desk.\n\n"
        "“You are the detective?” he demanded.\n\n“I am,” said Kell. “Tell me about the clock.”\n\n"
        "“It was here on Monday,” said the stout man. “On Tuesday it was gone.”\n"
    )
    said = _quotations_of(text)
    monday = said["“It was here on Monday,”"]
    assert monday.speaker == "the stout man"
    assert text[monday.speaker_start : monday.speaker_end] == "the stout man"
    assert said["“On Tuesday it was gone.”"].speaker == "the stout man"
    assert said["“I am,”"].speaker == "Ambrose Kell"


def test_the_man_after_a_thin_old_man_in_a_grey_coat_is_that_stranger() -> None:
    """Words may stand between the article and the noun that brought the stranger in."""
    text = (
        "The Clock\n\nCHAPTER I\n\n“I shall walk,” said Ambrose Kell, and he went out.\n\n"
        "At the inn door he bumped into a thin old man in a grey coat, who was on his way in.\n\n"
        "“Watch yourself!” snapped the man, glaring at Kell. “Do you not see where you are going?”\n"
    )
    quotes = analyse(parse_plain_text(text, "x")).quotes
    assert [q.speaker for q in quotes] == ["Ambrose Kell", "the man", "the man"]
    assert text[quotes[2].speaker_start : quotes[2].speaker_end] == "the man"


def test_he_or_she_after_someone_brought_in_unnamed_is_that_newcomer() -> None:
    """ "A thin woman looked out. “…?” she asked": the woman at the door, not Mara Quill, the
    one woman the story has named; "A stout man rose … “…,” he said": not Ambrose Kell."""
    text = (
        "The Clock\n\nCHAPTER I\n\nAmbrose Kell knocked at the door of the house, and he waited in the rain. "
        "Mara Quill had told him to come at noon.\n\n"
        "The door opened. A thin woman looked out at him.\n\n“Are you the detective?” she asked.\n\n"
        "“I am,” said Kell.\n\nThe study was cold and bare. A stout man rose from behind the desk.\n\n"
        "“You are late,” he said.\n"
    )
    said = _quotations_of(text)
    asked = said["“Are you the detective?”"]
    assert asked.speaker == "the thin woman"
    assert text[asked.speaker_start : asked.speaker_end] == "she"
    assert said["“I am,”"].speaker == "Ambrose Kell"
    assert said["“You are late,”"].speaker == "the stout man"


def test_a_first_person_narrator_is_named_by_how_the_others_address_them() -> None:
    turns = []
    for n in range(6):
        turns.append(f"I walked along the quay for the {n + 1}th time. I was cold and I was tired.")
        turns.append(f"“Carter, you look tired,” said Mara Quill. “Sit down, Carter, sit.” ({n})")
        turns.append("“I will,” I said, and I did.")
    text = "Harbour Days\n\nCHAPTER I\n\nCHAPTER II\n\n" + "\n\n".join(turns)
    analysis = analyse(parse_plain_text(text, "x"))
    assert analysis.fiction and analysis.first_person
    speakers = [q.speaker for q in analysis.quotes if q.depth == 1]
    assert analysis.cast.narrator == "Carter"
    assert speakers.count("Carter") >= 5
    assert "Mara Quill" in speakers


def test_a_quotation_that_calls_the_narrator_by_name_is_not_the_narrators_own() -> None:
    """Mara calls the narrator "Carter", as every other turn does; nobody says "said Carter"
    in the narration (he is "I"). Her next turn calls him by name again: it is hers, not his,
    and the exchange goes on from there."""
    turns = []
    for n in range(6):
        turns.append(f"I walked along the quay for the {n + 1}th time. I was cold and I was tired.")
        turns.append(f"“Carter, you look tired,” said Mara Quill. “Sit down, Carter, sit.” ({n})")
        turns.append("“I will,” I said, and I did.")
    turns.append("“Pay the boatman, Carter,” said Mara Quill, and she looked at me in some surprise.")
    turns.append("“Do you carry no money at all, Carter?”")
    turns.append("“Never.”")
    text = "Harbour Days\n\nCHAPTER I\n\nCHAPTER II\n\n" + "\n\n".join(turns)
    analysis = analyse(parse_plain_text(text, "x"))
    last = [q.speaker for q in analysis.quotes if q.depth == 1][-2:]
    assert analysis.cast.narrator == "Carter"
    assert last == ["Mara Quill", "Carter"]


def test_an_exchange_told_back_keeps_each_turns_own_he_or_she() -> None:
    """The narrator's "Is it far?" and Kell's reply name their speakers; the turns before them
    are told back from those by the order of the turns. But "said my companion" is not the
    narrator, whatever that order says, and "she said" is not Kell, who is a man."""
    text = (
        "The Lodger\n\nCHAPTER I\n\nI had come back from the coast with a weak chest, and it was then "
        "that I met Ambrose Kell. He was standing at the window when I came in, and he did not turn round.\n\n"
        "“You have been at sea,” said he.\n\n“How did you know?” I asked.\n\nCHAPTER II\n\n"
        "The house stood at the end of a muddy lane. A thin woman opened the door to us.\n\n"
        "“Mr. Kell?” she asked.\n\n“The same,” said my companion. “And this is my friend.”\n\n"
        "“You had better come in,” she said.\n\n"
        "I followed them down the hall. “Is it far?” I whispered to Kell.\n\n"
        "“Patience,” he replied. “Everything in its time.”\n"
    )
    speakers = {said: q.speaker for said, q in _quotations_of(text).items()}
    assert speakers["“Is it far?”"] == "the narrator"
    assert speakers["“Patience,”"] == "Ambrose Kell"
    assert speakers["“The same,”"] == "Ambrose Kell"
    assert speakers["“And this is my friend.”"] == "Ambrose Kell"
    assert speakers["“You had better come in,”"] != "Ambrose Kell"


def test_the_sentence_that_attributes_a_question_does_not_introduce_its_answer() -> None:
    """ "“Where were you this morning?” I asked suddenly, …" is one paragraph; the next, "“At
    the boatyard.”", is Mara's answer, not another turn of the narrator's, though the sentence
    before it says "I asked"."""
    turns = []
    for n in range(6):
        turns.append(f"I walked along the quay for the {n + 1}th time. I was cold and I was tired.")
        turns.append(f"“Carter, you look tired,” said Mara Quill. “Sit down, Carter, sit.” ({n})")
        turns.append("“I will,” I said, and I did.")
    turns.append("“Where were you this morning?” I asked suddenly, wondering why I had waited so long to ask her.")
    turns += ["“At the boatyard.”", "“Working?”", "“Mending nets.”"]
    text = "Harbour Days\n\nCHAPTER I\n\nCHAPTER II\n\n" + "\n\n".join(turns)
    last = [q.speaker for q in analyse(parse_plain_text(text, "x")).quotes][-4:]
    assert last == ["Carter", "Mara Quill", "Carter", "Mara Quill"]


def test_a_name_the_narration_uses_is_not_the_first_person_narrator_s() -> None:
    """Mara calls Holm by name beside the narrator's turns, but the narration itself names
    Holm ("Holm went off"): the narrator is "I" there, so Holm is someone else."""
    turns = []
    for n in range(6):
        turns.append(f"I came down to the quay for the {n + 1}th time. I was cold and I was tired.")
        turns.append("“The boats are late again,” I said.")
        turns.append("“Go and ask the harbour master, Holm,” said Mara Quill.")
        turns.append("Holm went off along the quay, and Holm came back with nothing.")
    text = "Harbour Days\n\nCHAPTER I\n\nCHAPTER II\n\n" + "\n\n".join(turns)
    analysis = analyse(parse_plain_text(text, "x"))
    assert analysis.fiction and analysis.first_person
    assert analysis.cast.narrator == "the narrator"
    said_i = [q.speaker for q in analysis.quotes if "late again" in text[q.start : q.end]]
    assert said_i == ["the narrator"] * 6


def test_third_person_fiction_has_no_named_narrator() -> None:
    paragraphs = [
        f"She walked along the quay for the {n + 1}th time. He followed her. “Carter, you look tired,” said Mara."
        for n in range(8)
    ]
    analysis = analyse(parse_plain_text("Harbour Days\n\nCHAPTER I\n\nCHAPTER II\n\n" + "\n\n".join(paragraphs), "x"))
    assert analysis.quotes
    assert not analysis.first_person
    assert analysis.cast.narrator is None  # told in the third person: nobody to name


def test_the_shipped_claim_cue_model_loads_and_is_trained() -> None:
    raw = json.loads(resources.files("content.analysis").joinpath("claim_cues.json").read_text(encoding="utf-8"))
    model = cue_model()
    assert model.weights == {k: float(v) for k, v in raw["weights"].items()}
    assert model.words == frozenset(raw["words"])
    # Learned from the training articles: cue words beyond the lexicon's verbs, and the
    # words around a verb weigh in.
    assert len(model.words) > 100
    assert any(name.startswith("after=") for name in model.weights)
    assert any(name.startswith("subject=") for name in model.weights)
    assert 0.0 < model.threshold < 1.0


def test_a_claim_cue_is_weighed_with_what_follows_it_and_its_subject_s_own_noun() -> None:
    from content.analysis.claims import cue_features, subject_features

    def ahead(sentence: str) -> set[str]:
        verb = cue_model().pattern.search(sentence)
        assert verb is not None
        features = cue_features(sentence, verb, False, False, False)
        return {name for name in ("finite_ahead", "that_ahead") if name in features}

    # A clause after the verb, up to the next break; a noun phrase only is none.
    assert ahead("The harbour master said the pier was closed for repairs.") == {"finite_ahead"}
    assert ahead("Officials told reporters that the ferry runs again.") == {"that_ahead"}
    assert ahead("The ferry company unleashed a wave of new fees, and the pier was closed.") == set()
    # A common noun's own word is weighed; a name's never is (no weight is learned for anyone).
    sentence = "The old generator added a hum; Ida Holm added a verse; the Board added a fee."
    heads = [
        {name for name in subject_features(sentence, (sentence.index(who), who)) if name.startswith("head=")}
        for who in ("The old generator", "Ida Holm", "the Board")
    ]
    assert heads == [{"head=generator"}, set(), set()]
    assert any(name.startswith("head=") for name in cue_model().weights)


def _claim_kinds(*sentences: str) -> list[str]:
    document = parse_plain_text("Notes from the harbour\n\n" + "\n\n".join(sentences) + "\n", "x")
    claims = analyse(document).claims
    by_start = {claim.start: claim.kind for claim in claims}
    return [by_start.get(document.text.index(sentence), "none") for sentence in sentences]


def test_a_reporting_verb_makes_a_claim_even_when_its_speaker_is_no_name() -> None:
    # Neither "Forecasters" nor "That person" is a name the cast knows; the verb and what
    # follows it are enough.
    assert _claim_kinds(
        "Forecasters say the harbour fees will double within a decade.",
        "That person said the ferry contract was signed in secret.",
    ) == ["attributed", "attributed"]


def test_a_refusal_or_an_absence_reported_is_a_claim_but_saying_nothing_is_not() -> None:
    assert _claim_kinds(
        "The ferry union said no to the new rota.",
        "Harbour records show little evidence that the levy was ever paid.",
        "Two councillors said none of the lamps would be lit before spring.",
        "She said little about it.",
        "He said no.",
    ) == ["attributed", "attributed", "attributed", "none", "none"]


def test_a_report_with_a_quoted_phrase_is_a_claim_but_a_quotations_attribution_is_not() -> None:
    assert _claim_kinds(
        "Ida Hale said the council's plan “would sink the ferry.”",
        "The harbour master called the levy “a tax on the sea.”",
        "The ferry will run next week, Hale said, adding, “It is settled.”",
        "“We will not sell,” said Odile Brennan, the mayor.",
        "“Out!” the crowd yelled.",
        "“We will stay,” the U.S. envoy said.",
        "She said, “We will stay.”",
    ) == ["attributed", "attributed", "attributed", "none", "none", "none", "none"]


def test_a_narrative_verb_reports_when_set_off_by_commas_or_followed_by_its_topic() -> None:
    assert _claim_kinds(
        "The trouble, Ada Berg writes, began when the lamp went dark.",
        "The ferry union wrote to the council that the rota was unsafe.",
        "The harbour master spoke highly of the new keeper.",
        "Quill spoke with reporters about the levy.",
        "When he finally spoke, the room went quiet.",
        "Quill wrote to the council on Monday.",
    ) == ["attributed", "attributed", "attributed", "attributed", "none", "none"]


def test_the_same_verbs_without_a_report_are_not_claims() -> None:
    assert _claim_kinds(
        "He said nothing.",
        "Quill wrote in her notebook without looking up.",
        "Tobias Wren spoke.",
        "“We will not sell,” said Odile Brennan.",
    ) == ["none", "none", "none", "none"]


def test_the_claims_of_a_few_sentences_far_apart_are_those_the_whole_text_finds_in_them() -> None:
    """`reported.py` asks for the claims of the sentences that hold a quotation alone, and each
    is searched by itself (`scattered`): what it finds there is what the whole text finds."""
    text = (
        "Ferry fares\n\nThe board raised fares on Tuesday. Ida Hale said the rise was unfair. "
        "The ferry left at noon. Critics argue the fees will double by 2030. Gulls circled the pier. "
        "Tomas Wilk denied that the board had met in secret."
    )
    doc = parse_plain_text(text, "x")
    analysis = analyse(doc)
    picked = [analysis.sentences[number] for number in (2, 4, 6)]
    starts = {sentence.start for sentence in picked}
    whole = [c for c in analysis.claims if c.start in starts]
    assert [c.source for c in whole] == ["Ida Hale", "Critics", "Tomas Wilk"]
    assert find_claims(doc, picked, analysis.quotes, analysis.taught_cast(), scattered=True) == whole


def test_claim_cue_inference_is_deterministic() -> None:
    text = "Notes\n\nThe council said the ferry would run. Critics argue the fees are too high."
    runs = [[c.to_json(text) for c in analyse(parse_plain_text(text, "x")).claims] for _ in range(3)]
    assert runs[0] == runs[1] == runs[2] and len(runs[0]) == 2


def test_the_long_stages_pause_now_and_then_for_a_reader() -> None:
    days = (f"“The lamp stays,” Wilk said on day {n}. The vote came." for n in range(40))
    text = "Harbour Notes\n\n" + "\n\n".join(days)
    calls: list[int] = []
    analysis = analyse(parse_plain_text(text, "x"), pause=lambda: calls.append(1))
    gave_way = {}
    for stage in ("sentences", "marks", "cast", "quotes", "claims"):
        before = len(calls)
        getattr(analysis, stage)
        gave_way[stage] = len(calls) - before
    # Every stage that walks the whole text gives way, whenever a key comes.
    assert all(count >= 2 for count in gave_way.values()), gave_way
    assert len(analysis.quotes) == 40
    assert [q.speaker for q in analysis.quotes] == [q.speaker for q in analyse(parse_plain_text(text, "x")).quotes]


def test_a_word_counts_as_written_in_lower_case_only_where_it_stands_as_a_whole_word() -> None:
    """The cast asks whether "Poor" in "Poor Captain" is a word the text also writes in lower
    case: only a whole word counts, as `\\b[a-z]+\\b` would find it, not one inside another."""
    from content.analysis.cast import _LowerCase

    text = "Poor Ida. The poorest keeper_poor lit lamp2poor at dusk; poor-ish Über über café, Mr. Hale."
    lower = _LowerCase(text)
    expected = set(re.findall(r"\b[a-z]+\b", text))
    for word in ("poor", "poorest", "keeper", "lamp", "dusk", "ish", "ber", "caf", "mr", "hale", "ida", "the"):
        assert (word in lower) == (word in expected), word
    assert "poor" in lower and "ish" in lower and "keeper" not in lower and "ber" not in lower
    assert "Poor" not in lower and "mr." not in lower  # only letters a to z


def test_a_book_reads_its_sentence_opening_words_from_one_sweep_with_the_same_answers() -> None:
    """For a book the common-word test reads one sweep of the capitalised words; it must give
    the answers of the search for each word that an article uses."""
    from content.analysis.cast import _opens_only

    chapter = (
        "Again the wind rose over the harbour. Now the keeper climbed, and Tomas Wilk followed him.\n\n"
        "“It is late,” Ada said, and Tomas nodded. Having said so, she left. Wilk stayed.\n\n"
    )
    text = chapter * 900
    cast = Cast(text)
    assert len(text) > 80_000
    for word in ("Again", "Now", "Having", "Tomas", "Ada", "Wilk", "It", "Nobody"):
        assert cast.opens_only(word) == _opens_only(text, word), word
    assert cast.opens_only("Again") and not cast.opens_only("Tomas")


_BOOK_FILLER = "".join(f"The tide turned over the shingle for the {n}th time that night.\n\n" for n in range(1400))
"""Narration enough to make a text book-length (over 80,000 characters)."""


def test_in_a_book_a_place_beside_a_name_once_is_not_part_of_the_name() -> None:
    """ "Back from Marrowgate Ida came": a place and a name side by side once, after a
    preposition, each written alone elsewhere. Ida is "Ida Hale", not "Marrowgate Ida"; and
    Tomas is not "Overhearing Tomas"."""
    opening = (
        "Back from Marrowgate Ida came at dawn, and the harbour at Marrowgate was grey.\n\n"
        "Overhearing Tomas, the crew ran to the braces.\n\n"
    )
    chapter = (
        "Ida Hale walked to the pier.\n\n“The lamp is out,” said Ida.\n\n"
        "Tomas Wilk looked up from the nets.\n\n“Then light it,” said Tomas.\n\n"
    )
    text = "A Lamp Story\n\n" + opening + chapter + _BOOK_FILLER + "Marrowgate slept.\n\n" + chapter
    assert len(text) > 80_000  # a book
    quotes = analyse(parse_plain_text(text, "/tmp/book.txt")).quotes
    assert [q.speaker for q in quotes] == ["Ida Hale", "Tomas Wilk", "Ida Hale", "Tomas Wilk"]


def test_in_a_book_a_name_mostly_written_after_in_or_from_is_a_place_not_a_person() -> None:
    town = "".join(
        f"In Marrowgate the lamps were lit early on day {n}. The road from Marrowgate ran east. "
        "All Marrowgate talks of the pier.\n\n"
        for n in range(6)
    )
    text = "A Lamp Story\n\n" + town + "Ida Hale walked to the pier.\n\n“The lamp is out,” said Ida.\n\n" + _BOOK_FILLER
    assert len(text) > 80_000  # a book
    cast = analyse(parse_plain_text(text, "/tmp/book.txt")).cast
    assert "Ida Hale" in cast.confirmed
    assert "Marrowgate" not in cast.confirmed  # "All Marrowgate talks" made it a speaker before


def test_in_a_book_a_house_mostly_written_after_at_is_a_place_and_one_smiled_at_is_not() -> None:
    """ "stayed at Gull Lodge", "the lamps at Gull Lodge": a house, not a person, though "Gull
    Lodge was quiet" reads like one; "Tomas smiled at Ida" as often leaves Ida a person."""
    house = "".join(
        f"Gull Lodge was quiet on day {n}. The lamps at Gull Lodge were lit early, and Ida Hale stayed at "
        "Gull Lodge. Tomas Wilk smiled at Ida.\n\n"
        for n in range(6)
    )
    turns = "“The lamp is out,” said Ida.\n\n“Then light it,” said Tomas.\n\n"
    text = "A Lamp Story\n\n" + house + turns + _BOOK_FILLER
    assert len(text) > 80_000  # a book
    cast = analyse(parse_plain_text(text, "/tmp/book.txt")).cast
    assert "Gull Lodge" not in cast.confirmed
    assert {"Ida Hale", "Tomas Wilk"} <= cast.confirmed


def test_in_a_book_a_name_given_once_does_not_take_a_given_name_from_one_given_often() -> None:
    """ "a ballad of Tomas Reed" once, then "Tomas Wilk" again and again: "said Tomas" is
    Tomas Wilk, not "Tomas Reed", whom the book named first."""
    opening = "The band played a ballad of Tomas Reed.\n\n"
    chapter = "Tomas Wilk walked to the pier.\n\n“Then light it,” said Tomas.\n\n"
    text = "A Lamp Story\n\n" + opening + chapter * 3 + _BOOK_FILLER
    assert len(text) > 80_000  # a book
    quotes = analyse(parse_plain_text(text, "/tmp/book.txt")).quotes
    assert [q.speaker for q in quotes] == ["Tomas Wilk"] * 3


def test_in_a_book_a_plural_it_writes_in_lower_case_ends_no_person_s_name() -> None:
    """ "the Harbour Guards" are a body of people ("the guards came"), not a man whom "he said"
    could mean; "Ida Brooks" stays a person, as the book writes no "brooks"."""
    guards = "".join(f"On day {n} the guards sang, and Harbour Guards said: “Halt!”\n\n" for n in range(4))
    people = "“The lamp is out,” said Ida Brooks.\n\n“Then light it,” said Tomas Wilk.\n\n"
    text = "A Lamp Story\n\n" + guards + people + _BOOK_FILLER
    assert len(text) > 80_000  # a book
    cast = analyse(parse_plain_text(text, "/tmp/book.txt")).cast
    assert "Harbour Guards" not in cast.confirmed
    assert {"Ida Brooks", "Tomas Wilk"} <= cast.confirmed


def test_in_a_book_a_man_mostly_called_mr_is_named_with_it() -> None:
    """A book that writes "Mr. Ola Varga" once and "Mr. Varga" again and again names him "Mr.
    Ola Varga", as its readers (and the corpora's alias lists) know him; Ida Hale, called "Ida"
    far more often than "Miss Hale", stays "Ida Hale"."""
    opening = "Mr. Ola Varga kept the inn, and Ida Hale kept the lamps.\n\n"
    turns = "“The lamp is out,” said Mr. Varga.\n\n“Then light it,” said Ida.\n\n"
    text = "A Lamp Story\n\n" + opening + turns * 4 + "Miss Hale nodded.\n\n" + _BOOK_FILLER
    assert len(text) > 80_000  # a book
    quotes = analyse(parse_plain_text(text, "/tmp/book.txt")).quotes
    assert [q.speaker for q in quotes] == ["Mr. Ola Varga", "Ida Hale"] * 4


@pytest.mark.parametrize(("opening", "closing"), [("'", "'"), ("‘", "’"), ('"', '"')])
def test_a_word_that_opens_a_quotation_is_no_part_of_a_name_whatever_the_marks(opening: str, closing: str) -> None:
    """ "'Mother Varga!'" opens a quotation with "Mother", a word the story also writes in lower
    case: the name is Varga, shown as the story mostly writes it ("Mrs. Varga"). With straight
    single marks the mark was not read as an opening, and she became "Mother Varga"."""
    text = (
        (
            "The Lamp\n\nMrs. Varga kept the lamp on the north pier. Every evening Mrs. Varga climbed the "
            "steps with her oil can, and her son Tomas waited below, as he had once waited for his "
            "grandmother and her mother before her.\n\n"
            "_Mother Varga!^ called a fisherman from the quay. _Is the light going tonight?^\n\n"
            "_It is,^ said Mrs. Varga. _It always is.^\n\n"
            "_Mother Varga never misses a night,^ said Tomas to the fisherman.\n"
        )
        .replace("_", opening)
        .replace("^", closing)
    )
    speakers = {text[q.start : q.end].strip("'‘’\""): q.speaker for q in analyse(parse_plain_text(text, "x")).quotes}
    assert speakers["It is,"] == speakers["It always is."] == "Mrs. Varga"
    assert speakers["Mother Varga never misses a night,"] == "Tomas"


def test_a_title_before_a_rank_does_not_give_the_ranked_man_its_gender() -> None:
    """ "Madame General, he called her": she is not the General, who stays a man ("he sat
    down"), so "she said" later is not his."""
    turns = "".join(
        "The General came in, and he sat down by the fire. “Halt!” said the General. He looked at Ida Hale.\n\n"
        "“No,” said Ida Hale.\n\n"
        for _ in range(5)
    )
    opening = "Madame General, he called her, though she was not yet his wife.\n\n" * 2
    text = "A Lamp Story\n\n" + opening + turns + _BOOK_FILLER
    assert len(text) > 80_000  # a book
    cast = analyse(parse_plain_text(text, "/tmp/book.txt")).cast
    assert cast.gender_of("General") == "m"


@pytest.mark.parametrize("title", ["Dr.", "Dr"])
def test_a_rank_keeps_the_way_the_text_writes_it(title: str) -> None:
    """The quote's speaker, and the People tab, name Ida Hale by her rank as written."""
    body = f'Ida Hale opened the clinic in May. "We are full," {title} Hale said. {title} Hale has run it for years.'
    analysis = analyse(parse_plain_text("Headline Here\n\n" + body, "/tmp/t.txt"))
    assert [q.speaker for q in analysis.quotes] == [f"{title} Ida Hale"]


def test_a_street_or_a_region_is_no_person_even_when_it_says_something() -> None:
    """ "Marrow Street said …", "Northern Gullwick agreed": a market and a region, no one "he"
    could mean; the cast keeps only Tomas Wilk."""
    body = (
        "Headline Here\n\nMarrow Street said the ferry was late, and Northern Gullwick agreed. "
        "Tomas Wilk was on the pier.\n\n“It is late,” he said."
    )
    analysis = analyse(parse_plain_text(body, "/tmp/t.txt"))
    assert analysis.cast.confirmed == {"Tomas Wilk"}
    assert [q.speaker for q in analysis.quotes] == ["Tomas Wilk"]


def test_where_someone_is_from_is_no_part_of_their_name_nor_a_person() -> None:
    """ "the Frenchman Tomas" is Tomas, and "a Russian" nobody "he" could mean; "Roman"
    stays a given name ("Roman Holm")."""
    body = (
        "Headline Here\n\nThe Frenchman Tomas said the ferry was late. A Russian said so too. "
        "Roman Holm said nothing.\n\n“It is late,” said Tomas."
    )
    analysis = analyse(parse_plain_text(body, "/tmp/t.txt"))
    assert analysis.cast.confirmed == {"Tomas", "Roman Holm"}
    assert [q.speaker for q in analysis.quotes] == ["Tomas"]


def test_the_stages_leave_the_cycle_collector_as_they_found_it() -> None:
    """The stages turn the collector off while they run; a long reading session must not be
    left without it, and a caller that turned it off (the reader's analysis thread) keeps it off."""
    body = "Headline\n\n“It is late,” said Ida Hale. She said the ferry had reportedly sailed at 6 a.m.\n"
    seen: list[bool] = []
    try:
        gc.enable()
        analysis = analyse(parse_plain_text(body, "/tmp/t.txt"))
        assert [c.kind for c in analysis.claims] == ["hedged"] and gc.isenabled()
        gc.disable()
        analysis = analyse(parse_plain_text(body, "/tmp/t.txt"))
        analysis.run()
        seen.append(gc.isenabled())
    finally:
        gc.enable()
    assert seen == [False]


def test_the_men_a_he_may_mean_are_ranked_by_how_lately_the_story_named_them() -> None:
    """ "Wilk came in after Berg. Berg sat down. “…,” he said.": Berg was named last, Wilk
    before him. The options carry that order, the features name it, and the shipped weights
    were trained with it."""
    from content.analysis.quotes import Choice, find_quotes
    from content.analysis.ranker import Evidence, Source, features

    doc = parse_plain_text(
        "A Story\n\nMr. Tomas Wilk said he was cold, and Mr. Ola Berg agreed.\n\n"
        "Wilk came in after Berg. Berg sat down by the stove.\n\n“It is late,” he said.",
        "/tmp/t.txt",
    )
    analysis = analyse(doc)
    trace: list[Choice] = []
    find_quotes(doc, analysis.sentences, analysis.cast, fiction=True, trace=trace)
    (choice,) = trace
    assert {o.speaker: o.named_before for o in choice.options if o.speaker} == {"Ola Berg": 0, "Tomas Wilk": 1}
    he = Source("after", "pronoun", "he", "said", 0, 2, True, False)
    evidence = Evidence((he,), True, True, True, None, False, False, False, True, False, 0, named_before=1)
    assert "named_before=1" in features(evidence)
    assert not any(key.startswith("named_before") for key in features(evidence._replace(named_before=None)))
    assert any(key.startswith("fiction&named_before=") for key in load_ranker().weights)


def _family_book(son_goes_by_his_given_name: bool) -> list[tuple[str, str | None]]:
    """A book with Tomas Wilk and a "Mr. Wilk" who speaks; Tomas is "Tomas" in the narration,
    or never."""
    son = "Tomas" if son_goes_by_his_given_name else "Mr. Wilk"
    chapter = (
        "Tomas Wilk came down to the harbour.\n\n"
        + "".join(f"{son} coiled rope number {n} on the pier.\n\n" for n in range(12))
        + "“The lamp is out,” said Mr. Wilk.\n\n"
        # Three of them with the name broken across a wrapped line, as a printed book has it.
        + "".join(f"“Light lamp {n},” said Mr.{gap}Wilk, and boats came in.\n\n" for n, gap in enumerate("  \n\n\n"))
    )
    text = "A Lamp Story\n\n" + chapter + _BOOK_FILLER
    assert len(text) > 80_000  # a book
    doc = parse_plain_text(text, "/tmp/book.txt")
    return [(doc.text[q.start : q.end], q.speaker) for q in analyse(doc).quotes]


def test_in_a_book_mr_and_a_surname_is_not_the_son_who_goes_by_his_given_name() -> None:
    """ "Mr. Wilk" who speaks, in a book where Tomas Wilk is "Tomas": his father, a person of
    his own. Where Tomas is never "Tomas" alone, "Mr. Wilk" is Tomas Wilk."""
    assert {speaker for _quote, speaker in _family_book(son_goes_by_his_given_name=True)} == {"Mr. Wilk"}
    assert {speaker for _quote, speaker in _family_book(son_goes_by_his_given_name=False)} == {"Tomas Wilk"}


def test_the_analysis_near_a_place_finds_what_the_whole_analysis_finds_there() -> None:
    """`Analysis.near` analyses only the paragraphs around an offset (the reader's position in
    a book, first), with the whole text's offsets, genre and cast. What it finds there is what
    the whole analysis finds, and it leaves the whole analysis as it would have been."""
    speakers = ("Ilse Varga", "Tomas Wren", "Odile Brennan")
    body = "\n\n".join(
        f"Item {n}. “The ferry will run on Sundays from May,” said {speakers[n % 3]}, who chairs the board. "
        f"The council reportedly asked for {n + 2} more boats. Critics claimed that the timetable was a gamble."
        for n in range(40)
    )
    document = parse_plain_text("Ferry News\n\n" + body, "/tmp/ferry.txt")
    analysis = analyse(document)
    middle = document.text.index("Item 20.")
    part = analysis.near(middle, paragraphs=2)
    first, last = document.text.index("Item 18."), document.text.index("Item 23.")
    assert [q for q in part.quotes] == [q for q in analysis.quotes if first <= q.start < last]
    assert [c for c in part.claims] == [c for c in analysis.claims if first <= c.start < last]
    assert len(part.quotes) == 5 and {q.speaker for q in part.quotes} == set(speakers)
    assert all(document.text[q.start : q.end].startswith("“The ferry") for q in part.quotes)
    assert {c.kind for c in part.claims} >= {"attributed", "hedged"}
    fresh = analyse(parse_plain_text("Ferry News\n\n" + body, "/tmp/ferry.txt"))
    assert analysis.quotes == fresh.quotes and analysis.claims == fresh.claims


def test_the_analysis_near_a_place_in_one_long_paragraph_is_the_whole_analysis() -> None:
    """A book that is one paragraph (its line breaks lost) has nothing around the reading
    position to analyse apart: the reader asks for the part first and then the whole, and
    the quotes are found once, not twice."""
    body = " ".join(f"“The ferry runs at {n},” said Ida Holm. Berg nodded." for n in range(30))
    analysis = analyse(parse_plain_text("Ferry News\n\n" + body, "/tmp/ferry.txt"))
    part = analysis.near(len(body) // 2, paragraphs=2)
    assert part.quotes is analysis.quotes
    assert len(part.quotes) == 30 and {q.speaker for q in part.quotes} == {"Ida Holm"}


def test_the_only_doctor_named_is_the_doctor_chapters_later() -> None:
    """A role the text gives one person ("Doctor Ida Varga") stands for that person however
    long ago she was last named; before she is first named, "the doctor" is nobody known."""
    weather = "The rain kept on over the harbour all that week, and the boats stayed in. " * 80
    text = (
        "The Long Week\n\n"
        "“Who is at the door?” asked the doctor.\n\n"
        "Doctor Ida Varga came up from the quay at noon. “I will see him now,” said Doctor Varga.\n\n"
        f"{weather}\n\n"
        "“Sit down, all of you,” said the doctor."
    )
    quotes = analyse(parse_plain_text(text, "x")).quotes
    assert [text[q.speaker_start : q.speaker_end] for q in quotes] == ["the doctor", "Doctor Varga", "the doctor"]
    assert quotes[0].speaker == "the doctor"
    assert "Ida Varga" in (quotes[1].speaker or "")
    assert quotes[2].speaker == quotes[1].speaker


def test_an_i_in_a_story_told_in_the_third_person_is_nobody_in_it() -> None:
    """A line of verse in a third-person novel is no narrator speaking: the words it quotes
    are nobody's, and no "narrator" joins the people a later "she" may mean."""
    story = "Ida Berg said nothing, and Tomas Wilk said nothing. She looked at the boats while he waited. " * 6
    text = (
        "The Pier\n\nCHAPTER I\n\nCHAPTER II\n\n"
        f"{story}\n\n"
        "When the singer came to the lines\n\n"
        "Although I sing of thee,\nI cannot say, “It rains.” Good night!\n\n"
        "she stopped, and looked at him.\n\n"
        "“Why do you sing it so?” he asked.\n\n"
        "“Because I must,” she answered.\n\n"
        "“Then sing,” he said.\n\n"
        "“I will not,” she said."
    )
    analysis = analyse(parse_plain_text(text, "x"))
    assert analysis.fiction and not analysis.first_person
    assert [q.speaker for q in analysis.quotes] == [None, "Tomas Wilk", "Ida Berg", "Tomas Wilk", "Ida Berg"]


@given(
    st.lists(
        st.sampled_from(["said", "Odile", "Brennan", "the", "mayor", "of", "Marrow", ",", ".", "—", " ", "   ", "\n"]),
        max_size=40,
    )
)
@settings(max_examples=400, deadline=None)
def test_a_verb_followed_by_only_its_speaker_is_told_from_the_words_after_it(words: list[str]) -> None:
    """ "…,” said Odile Brennan, the mayor.": the rest of the verb's clause names who spoke, in
    six words at most. The check reads at most seven words past the verb (a line of thousands
    of quotations with no stop is not read to its end for each verb), and decides as reading
    the whole clause would."""
    from content.analysis.cast import classify
    from content.analysis.claims import _names_the_speaker

    plain = "“…,” said " + " ".join(words)
    after_verb = plain.index("said") + len("said")
    rest = re.match(r"[^.,;:!?—–()]*", plain[after_verb:]).group().strip()  # type: ignore[union-attr]
    whole_clause = bool(rest) and len(rest.split()) <= 6 and classify(rest, loose=True) is not None
    assert _names_the_speaker(plain, after_verb) == whole_clause
