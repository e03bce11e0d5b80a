"""Quotations inside a report: whose words they are when no cue stands beside them.

"About six in 10 ferry users say that the one thing they want from the board is a timetable
that “keeps its word.”": the quotes stage looks beside the quotation for its speaker and finds
nobody. The claims stage reads the same sentence as the ferry users' report. A quotation that
the quotes left without a speaker, standing after the source of its sentence's report, is that
source's words.

Not a work's name in Title Case ("Lund said on the Gazette’s “Harbour Hour” that …"): a
programme or a book is nobody's words. Not a quotation before the source ("“Fair share” was
the phrase, and Lund argued …"): it is not in what the source reports.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from content.analysis.cast import Cast
from content.analysis.claims import find_claims
from content.analysis.pause import Pause
from content.analysis.quotes import Quote, names_a_work
from content.document import Document, Sentence


def carried_by_reports(
    document: Document,
    sentences: list[Sentence],
    quotes: list[Quote],
    cast: Cast,
    pause: Pause | None = None,
    lowered: str | None = None,
) -> list[Quote]:
    """`quotes`, where a quotation with no speaker stands in what its sentence reports, with
    the report's source as its speaker (and the report's cue as its cue)."""
    text = document.text
    starts = [sentence.start for sentence in sentences]
    unattributed = [
        index for index, quote in enumerate(quotes) if quote.speaker is None and not names_a_work(text, quote)
    ]
    holding = sorted({bisect_right(starts, quotes[index].start) - 1 for index in unattributed} - {-1})
    if not holding:
        return quotes
    claims = find_claims(
        document, [sentences[number] for number in holding], quotes, cast, pause=pause, lowered=lowered, scattered=True
    )
    # One claim to a sentence, in order: the one a quotation may stand in is the last to start before it.
    reports = [claim for claim in claims if claim.kind == "attributed" and claim.source is not None]
    report_starts = [report.start for report in reports]
    carried = list(quotes)
    for index in unattributed:
        quote = quotes[index]
        at = bisect_right(report_starts, quote.start) - 1
        report = reports[at] if at >= 0 else None
        if report is None or quote.end > report.end or report.source_end is None or quote.start < report.source_end:
            continue
        carried[index] = replace(
            quote,
            speaker=report.source,
            speaker_start=report.source_start,
            speaker_end=report.source_end,
            cue=_cue_before(text, report.cues, report.source_end, quote.start),
        )
    return carried


def _cue_before(text: str, cues: tuple[str, ...], start: int, end: int) -> str | None:
    """Of a report's cues, the one written last in `text[start:end]`, between its source and the
    quotation ("Ferry users who wrote to the board complain that … “…”": "complain", not
    "wrote"); the first cue where none is written there."""
    found = [(match.start(), cue) for cue in cues for match in re.finditer(rf"\b{re.escape(cue)}\b", text[start:end])]
    return max(found)[1] if found else (cues[0] if cues else None)
