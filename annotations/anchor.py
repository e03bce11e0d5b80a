"""Fit a stored annotation to a document's text, which may have changed since it was made.

The order is DESIGN.md §4's:

1. the stored offsets, if they still hold the exact text;
2. an exact match of the text, the one whose context fits best, nearest the old offset;
3. a fuzzy match that scores the text, the prefix and the suffix together.

Safety comes before recall: a short phrase found somewhere else with none of its old
context around it, or a look-alike passage in another place, is never taken. Such an
annotation becomes an orphan, which the user can re-attach by hand; a silently moved
note would be worse than a visible orphan.
"""

from __future__ import annotations

from annotations.model import Annotation

DISTINCTIVE = 24
"""An exact text at least this long, found exactly once, is taken even when its context
changed: a whole sentence does not recur by chance. Shorter ones need their context."""

CONTEXT_MIN = 0.6
"""How much of the old prefix or of the old suffix must still be there, on the side that
kept more, for a match to be confirmed. One side is enough: an edit, or the end of the
article, can take the other. A look-alike passage elsewhere has different neighbours."""

TEXT_MIN = 0.75
"""How like the old text a fuzzy match must be. A word or two changed in a sentence keeps
it above 0.85; a rewritten sentence falls below 0.7 (see tests/unit/test_anchor.py)."""

_PIECE = 16
_NEAREST = 8


def _ratio(a: str, b: str) -> float:
    from difflib import SequenceMatcher  # only an edited article needs it; loaded then

    if not a and not b:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return matcher.ratio() if matcher.real_quick_ratio() >= 0.3 else 0.0


def context_score(annotation: Annotation, text: str, start: int, end: int) -> float | None:
    """How well the text around [start, end) matches the stored prefix or suffix, whichever
    matches better; None when the annotation has no context (it covers the whole text)."""
    scores = []
    if annotation.prefix:
        scores.append(_ratio(annotation.prefix, text[max(0, start - len(annotation.prefix)) : start]))
    if annotation.suffix:
        scores.append(_ratio(annotation.suffix, text[end : end + len(annotation.suffix)]))
    return max(scores) if scores else None


def _occurrences(text: str, needle: str, near: int, limit: int | None = None) -> list[int]:
    found = []
    position = text.find(needle) if needle else -1
    while position != -1:
        found.append(position)
        position = text.find(needle, position + 1)
    found.sort(key=lambda offset: abs(offset - near))
    return found if limit is None else found[:limit]


def _nearby(annotation: Annotation, text: str) -> tuple[int, int] | None:
    """The usual case, found fast: the text a little way off, with its context intact.

    Nothing farther away could fit better than a perfect context, so the search of the
    whole text is skipped.
    """
    exact = annotation.exact
    for reach in (2_000, 50_000):
        low = max(0, annotation.start - reach)
        high = annotation.end + reach
        found = _occurrences(text[low:high], exact, annotation.start - low)
        for start in found:
            if context_score(annotation, text, low + start, low + start + len(exact)) == 1.0:
                return low + start, low + start + len(exact)
        if high >= len(text) and low == 0:
            break
    return None


def _exact_match(annotation: Annotation, text: str) -> tuple[int, int] | None:
    exact = annotation.exact
    if (near := _nearby(annotation, text)) is not None:
        return near
    starts = _occurrences(text, exact, annotation.start)
    if not starts:
        return None
    scored = [(context_score(annotation, text, s, s + len(exact)), s) for s in starts]
    confirmed = [(score, s) for score, s in scored if score is None or score >= CONTEXT_MIN]
    if confirmed:
        best = max(score if score is not None else 1.0 for score, _ in confirmed)
        # Among the best-fitting places, the nearest wins (the list is in order of distance).
        start = next(s for score, s in confirmed if (score if score is not None else 1.0) >= best - 0.05)
        return start, start + len(exact)
    if len(starts) == 1 and len(exact) >= DISTINCTIVE:
        return starts[0], starts[0] + len(exact)
    return None


def _candidates(annotation: Annotation, text: str) -> set[tuple[int, int]]:
    """Places the passage may have gone: around surviving pieces of it and of its context."""
    exact, near = annotation.exact, annotation.start
    length = len(exact)
    head, tail = exact[:_PIECE], exact[-_PIECE:]
    prefix_tail, suffix_head = annotation.prefix[-_PIECE:], annotation.suffix[:_PIECE]
    low, high = int(length * 0.6), int(length * 1.5) + 2

    def ends_after(start: int) -> list[int]:
        ends = [start + length]
        window = text[start + low : start + high + len(suffix_head)]
        for piece, offset in ((tail, len(tail)), (suffix_head, 0)):
            if piece:
                found = window.find(piece)
                if found != -1:
                    ends.append(start + low + found + offset)
        return ends

    def starts_before(end: int) -> list[int]:
        starts = [end - length]
        lower = max(0, end - high - len(prefix_tail))
        window = text[lower : max(lower, end - low)]
        for piece, offset in ((head, 0), (prefix_tail, len(prefix_tail))):
            if piece:
                found = window.rfind(piece)
                if found != -1:
                    starts.append(lower + found + offset)
        return starts

    spans: set[tuple[int, int]] = set()
    for position in _occurrences(text, head, near, _NEAREST):
        spans.update((position, end) for end in ends_after(position))
    for position in _occurrences(text, prefix_tail, near - len(prefix_tail), _NEAREST):
        start = position + len(prefix_tail)
        spans.update((start, end) for end in ends_after(start))
    for position in _occurrences(text, tail, near + length - len(tail), _NEAREST):
        end = position + len(tail)
        spans.update((start, end) for start in starts_before(end))
    for position in _occurrences(text, suffix_head, near + length, _NEAREST):
        spans.update((start, position) for start in starts_before(position))
    return {(max(0, s), min(len(text), e)) for s, e in spans if 0 <= s < e <= len(text)}


def _fuzzy_match(annotation: Annotation, text: str) -> tuple[int, int] | None:
    best: tuple[float, int, int, int] | None = None
    for start, end in _candidates(annotation, text):
        likeness = _ratio(annotation.exact, text[start:end])
        if likeness < TEXT_MIN:
            continue
        context = context_score(annotation, text, start, end)
        if context is None or context < CONTEXT_MIN:
            continue
        score = 0.6 * likeness + 0.4 * context
        key = (score, -abs(start - annotation.start), start, end)
        if best is None or key > best:
            best = key
    return (best[2], best[3]) if best else None


def anchor(annotation: Annotation, text: str) -> tuple[int, int] | None:
    """Where the annotation belongs in `text` now, or None when it cannot be placed safely."""
    if not annotation.exact:
        return None
    if annotation.fits(text):
        return annotation.start, annotation.end
    return _exact_match(annotation, text) or _fuzzy_match(annotation, text)
