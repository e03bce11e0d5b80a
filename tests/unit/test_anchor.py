"""Re-anchoring after the article changed: what moves with its text, what becomes an orphan,
and what is never captured by a look-alike."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotations import Annotation
from annotations.anchor import TEXT_MIN, anchor

ARTICLE = (
    "Harbour lamp burns again\n\n"
    "The old harbour lamp at Gullwick burned again on Saturday night, the council said.\n\n"
    "“We waited forty years for this,” said Edda Marsh, who chairs the harbour trust.\n\n"
    "Fishermen had long complained that the unlit breakwater was dangerous to small boats.\n\n"
    "Councillor Priya Anand claimed that the project had come in under its budget of £41,000.\n\n"
    "Volunteers gave more than 2,300 hours to the work, the trust says in its annual report."
)
PASSAGE = "Fishermen had long complained that the unlit breakwater was dangerous to small boats."


def made_on(text: str, exact: str, occurrence: int = 0) -> Annotation:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(exact, start + 1)
    return Annotation.on_text(text, start, start + len(exact), id="abc234")


def placed(annotation: Annotation, text: str) -> str | None:
    where = anchor(annotation, text)
    return None if where is None else text[where[0] : where[1]]


def test_offsets_that_still_hold_are_kept() -> None:
    annotation = made_on(ARTICLE, PASSAGE)
    assert anchor(annotation, ARTICLE) == (annotation.start, annotation.end)


def test_insertion_before_the_passage_moves_it() -> None:
    annotation = made_on(ARTICLE, PASSAGE)
    edited = "UPDATE: this story was corrected on Monday.\n\n" + ARTICLE
    assert anchor(annotation, edited) == (annotation.start + 45, annotation.end + 45)


def test_a_small_edit_inside_the_passage_is_followed() -> None:
    annotation = made_on(ARTICLE, PASSAGE)
    edited = ARTICLE.replace("dangerous to small boats", "dangerous to the small boats")
    assert placed(annotation, edited) == PASSAGE.replace("to small", "to the small")
    typo = ARTICLE.replace("complained", "complianed")
    assert placed(annotation, typo) == PASSAGE.replace("complained", "complianed")


def test_a_deleted_passage_becomes_an_orphan() -> None:
    annotation = made_on(ARTICLE, PASSAGE)
    assert anchor(annotation, ARTICLE.replace(PASSAGE + "\n\n", "")) is None


def test_a_rewritten_passage_becomes_an_orphan() -> None:
    annotation = made_on(ARTICLE, PASSAGE)
    rewritten = "Boat crews had for years called the dark breakwater a hazard."
    assert anchor(annotation, ARTICLE.replace(PASSAGE, rewritten)) is None


def test_a_duplicated_passage_goes_to_the_nearest_copy() -> None:
    annotation = made_on(ARTICLE, PASSAGE)
    doubled = ARTICLE.replace(PASSAGE, PASSAGE + "\n\n" + PASSAGE)
    where = anchor(annotation, doubled)
    assert where == (annotation.start, annotation.end)
    later = "A new first paragraph was added.\n\n" + doubled
    assert anchor(annotation, later) == (annotation.start + 34, annotation.end + 34)


def test_a_look_alike_paragraph_is_never_captured() -> None:
    annotation = made_on(ARTICLE, PASSAGE)
    without = ARTICLE.replace(PASSAGE + "\n\n", "")
    look_alike = "Sailors had long complained that the unlit breakwater was dangerous to small boats."
    edited = without + "\n\nIn other news from the coast, far away.\n\n" + look_alike + "\n\nThat is all."
    assert anchor(annotation, edited) is None


def test_a_short_phrase_whose_context_is_gone_is_not_moved_to_another_copy() -> None:
    annotation = made_on(ARTICLE, "the council said")
    edited = ARTICLE.replace("Saturday night, the council said.", "Saturday night.") + "\n\nLater, the council said no."
    assert anchor(annotation, edited) is None


def test_highlights_at_the_very_start_and_end() -> None:
    first = made_on(ARTICLE, "Harbour lamp burns again")
    last = made_on(ARTICLE, "in its annual report.")
    assert (first.prefix, last.suffix) == ("", "")
    edited = ARTICLE.replace("2,300 hours", "2,400 hours").replace("Gullwick", "Gullwick Bay")
    assert placed(first, edited) == "Harbour lamp burns again"
    assert placed(last, edited) == "in its annual report."
    appended = ARTICLE + "\n\nCorrection: an earlier version misspelt a name."
    assert placed(last, appended) == "in its annual report."


def test_emoji_and_combining_marks_keep_their_offsets_in_code_points() -> None:
    text = "Notes\n\nThe cafe\u0301 by the quay 🏮 reopened. “Lovely 👍🏽,” said Zoë.\n\nEnd."
    annotation = made_on(text, "“Lovely 👍🏽,” said Zoë.")
    edited = "🌊🌊 " + text.replace("cafe\u0301", "ca\u0301fe\u0301")
    where = anchor(annotation, edited)
    assert where is not None and edited[where[0] : where[1]] == "“Lovely 👍🏽,” said Zoë."
    combined = made_on(text, "The cafe\u0301 by the quay 🏮 reopened.")
    assert placed(combined, "🌊 " + text) == "The cafe\u0301 by the quay 🏮 reopened."


def test_the_threshold_separates_edits_from_rewrites() -> None:
    from annotations.anchor import _ratio

    small_edit = _ratio(PASSAGE, PASSAGE.replace("small", "little"))
    rewrite = _ratio(PASSAGE, "Boat crews had for years called the dark breakwater a hazard to them.")
    assert small_edit > 0.85 > TEXT_MIN > 0.7 > rewrite


SENTENCES = [s for s in ARTICLE.split("\n\n")[1:]]


@st.composite
def edits_outside(draw: st.DrawFn) -> tuple[Annotation, str, int]:
    """An annotated sentence and the article after random edits that do not touch it."""
    exact = draw(st.sampled_from(SENTENCES))
    annotation = made_on(ARTICLE, exact)
    text, start, end = ARTICLE, annotation.start, annotation.end
    for _ in range(draw(st.integers(1, 6))):
        before = draw(st.booleans())
        low, high = (0, start) if before else (end, len(text))
        at = draw(st.integers(low, high))
        if draw(st.booleans()):
            insert = draw(st.text(alphabet="0123456789 .,;:\n—-#*()xyzqjkXYZ", min_size=1, max_size=40))
            text = text[:at] + insert + text[at:]
            shift = len(insert)
        else:
            stop = draw(st.integers(at, min(high, at + 40)))
            text = text[:at] + text[stop:]
            shift = at - stop
        if before:
            start, end = start + shift, end + shift
    return annotation, text, start


@settings(max_examples=300, deadline=None)
@given(edits_outside())
def test_edits_outside_an_annotation_never_orphan_or_move_it(case: tuple[Annotation, str, int]) -> None:
    annotation, text, start = case
    assert anchor(annotation, text) == (start, start + len(annotation.exact))
