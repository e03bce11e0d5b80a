"""The reader's index of highlights, grown one highlight at a time, must be the index built
from the whole store: a new highlight among 10,000 is added, not sorted in again."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotations import Annotation
from tui.widgets.article import SpanIndex

TEXT = "x" * 400

spans = st.lists(
    st.tuples(st.integers(0, 300), st.integers(1, 90), st.sampled_from("abcdefgh")), min_size=1, max_size=40
)


def annotation(start: int, length: int, name: str, number: int) -> Annotation:
    return Annotation.on_text(TEXT, start, start + length, id=f"{name}{number:04d}")


@given(spans, st.integers(0, 40))
@settings(max_examples=300, deadline=None)
def test_added_one_by_one_is_the_index_built_whole(raw: list[tuple[int, int, str]], first: int) -> None:
    made = [annotation(start, length, name, n) for n, (start, length, name) in enumerate(raw)]
    order = lambda a: (a.start, a.end, a.id)  # noqa: E731 - the store's order of placed highlights
    index = SpanIndex(sorted(made[:first], key=order))
    for added in made[first:]:
        index.add(added)
    whole = SpanIndex(sorted(made, key=order))
    assert [a.id for a in index.spans] == [a.id for a in whole.spans]
    assert (index.starts, index.reach) == (whole.starts, whole.reach)
    for start in range(0, 400, 7):
        assert index.overlapping(start, start + 5) == whole.overlapping(start, start + 5)
