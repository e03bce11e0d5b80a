"""Fit a stored annotation to a document's text, which may have changed since it was made."""

from __future__ import annotations

from annotations.model import Annotation


def anchor(annotation: Annotation, text: str) -> tuple[int, int] | None:
    """Where `annotation.exact` is in `text` now, or None when it cannot be placed safely.

    1. Its stored offsets, if they still hold the exact text.
    2. Otherwise the occurrence of the exact text nearest the old offset, when the stored
       prefix or suffix confirms it or it is the only one.
    """
    exact = annotation.exact
    if not exact:
        return None
    if annotation.fits(text):
        return annotation.start, annotation.end
    occurrences = []
    position = text.find(exact)
    while position != -1:
        occurrences.append(position)
        position = text.find(exact, position + 1)
    if not occurrences:
        return None
    if len(occurrences) > 1:
        confirmed = [
            start
            for start in occurrences
            if (annotation.prefix and text[:start].endswith(annotation.prefix))
            or (annotation.suffix and text[start + len(exact) :].startswith(annotation.suffix))
        ]
        occurrences = confirmed or occurrences
    start = min(occurrences, key=lambda offset: abs(offset - annotation.start))
    return start, start + len(exact)
