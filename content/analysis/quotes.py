"""Quotations with their speakers (DESIGN.md §3).

Each quotation found by its marks gets a kind (`speech`, or `term` for scare quotes and
titles), the reporting verb that attributes it (`cue`), the mention it was attributed
from (`speaker_start`/`speaker_end`: "he", "Baldoni", "Her lawyers") and the resolved
`speaker` ("Justin Baldoni"). Attribution is looked for right after the quotation
("…,” said Wilk / “…,” she said), then before it in its sentence ("Anand said:",
"according to …", "She added that … “…”"), then in the sentence before a paragraph that
opens with a quotation, and last from the quotation before it (a continued quotation,
or turns of a dialogue).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from content.analysis.lexicon import AUXILIARIES, PRONOUNS, REPORTING_VERBS, word_alternation
from content.analysis.marks import MarkedSpan, find_marked_spans
from content.analysis.mentions import MENTION, NAME, Mention, title_gender, trim_mention
from content.document import Block, Document, Span

# A title's dot may end a line ("said Mr.\nDarcy"); any other word's dot ends the phrase.
_TITLE_DOT = r"(?:Mr|Mrs|Ms|Dr|St|Capt|Col|Gen|Rev|Prof|Sen|Rep|Gov|Lt|Sgt)\.\s"
# Words without sentence punctuation, across a line break inside a paragraph; "Mr." may keep its dot.
_WORD_RUN = rf"(?:{_TITLE_DOT}|[A-Z][a-z]{{0,3}}\.[ ]|\n(?!\s*\n)|[^.;:!?,“”\"\n]){{1,90}}?"
_VERBS = word_alternation(REPORTING_VERBS)
_AUX = word_alternation(AUXILIARIES)
_VERB_RE = re.compile(rf"\b(?:{_VERBS})\b")
# Right after the closing mark: “…,” said Wilk / “…,” Wilk said / “…?” she asked.
_AFTER_INVERTED = re.compile(
    rf"^[\s,—–-]*(?P<verb>{_VERBS})\s+(?P<who>{_WORD_RUN})"
    r"(?:\s+\w+ly)?"  # said Lydia stoutly
    r"(?=\s*(?:[.,;:!?—–(]|--|$|\s(?:on|in|at|during|after|before|to|as|from|with|via|about|of|for|who|while|when)\b))"
)
_PARENTHESIS = r"(?:\s*\([^()]{1,40}\))?"
_APPOSITION = r"(?:,\s*(?P<apposition>[^,“”\"]{1,80}),)?"
# A speaker phrase: words without sentence punctuation, where "Mr." or "Sen." may have a dot.
_PHRASE = _WORD_RUN
_ACCORDING = re.compile(rf"\b[Aa]ccording to (?P<who>{_PHRASE})(?=\s*(?:[,.;:]|$))")
# "Donald Trump’s claim that …": a speaker's claim, statement or words, as a noun.
_POSSESSED_WORDS = re.compile(
    rf"(?P<who>{NAME}|[Hh]is|[Hh]er|[Tt]heir)(?:’s|'s)?\s+(?:\w+\s+)?(?P<verb>claim|claims|statement|assertion|argument|"
    r"contention|charge|accusation|suggestion|promise|pledge|description|words|remark|remarks|comments|comment|tweet|"
    r"message|warning|vow|view|belief)\b"
)
_AFTER_NORMAL = re.compile(
    rf"^[\s,—–-]*(?P<who>{_PHRASE}){_PARENTHESIS}{_APPOSITION}\s+(?:(?:{_AUX})\s+)*(?P<verb>{_VERBS})\b"
)
# The attribution closes the sentence: "A cashier who “steals” is held to account, Warren said."
_CLAUSE_FINAL = re.compile(
    rf",\s*(?:(?P<verb1>{_VERBS})\s+(?P<who1>{_PHRASE})|(?P<who2>{_PHRASE}){_PARENTHESIS}\s+(?:(?:{_AUX})\s+)*(?P<verb2>{_VERBS}))"
    rf"(?:\s+[^,.;:!?“”\"]{{0,40}})?[.!?]?\s*$"
)
_SUBJECT_BEFORE = re.compile(rf"(?P<who>{MENTION}){_PARENTHESIS}{_APPOSITION}\s+(?:(?:{_AUX})\s+)*$")
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|get|got)\s+$")  # "was called": not speech
_PUT_IT = re.compile(
    rf"\bas\s+(?P<who>{MENTION})\s+(?:(?:{_AUX})\s+)*(?P<verb>put it|puts it|said|says|wrote|writes|noted)\b"
)
_CLAUSE_SUBJECT = re.compile(rf"^(?:[\w’']+,\s+)?(?P<who>{MENTION})")
# The subject that opens a sentence, after an optional short opener ("In July, "), and its verb.
_SENTENCE_SUBJECT = re.compile(
    rf"^\s*(?:[A-Z][^,“”\"]{{0,40}},\s+)?(?P<who>{MENTION}){_PARENTHESIS}"
    r"(?:,\s*(?:who|whose|a|an|the)\b[^“”\"]{1,200}?,|,\s*[^,“”\"]{1,80},)?\s+(?:\w+ly\s+)?"
    rf"(?:(?:{_AUX})\s+)*(?P<verb>[a-z][\w’'-]+)"
)
_NOT_A_SUBJECT = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|More|Only|Democratic|Republican|American"
    r"|European|British|Chinese|Russian|Mexican|African|Asian|Hispanic|Latino|Muslim|Jewish|Catholic|French|German)"
)
_SPEAKING_GROUP = re.compile(
    r"(?i)\b(?:campaign|team|lawyers?|aides?|officials?|spokes\w+|critics?|supporters?|lawmakers?|leaders?|"
    r"group|party|committee|council|union|association|organi[sz]ation|company|administration|government|"
    r"department|agency|court|judge|newspaper|paper|magazine|network|protesters?|voters?|residents?|people)\b"
)
_KIN = re.compile(r"(his|her) (wife|husband|mother|father|sister|brother|daughter|son)")
_OWNED_WORDS = re.compile(
    rf"(?P<who>{NAME})(?:’s|'s)\s+(?:\w+\s+)?(?:answer|reply|voice|words|question|response|remark|exclamation)\b"
)
_TRANSCRIPT_LABEL = re.compile(r"[\"“'‘«]\s*(?P<who>[A-Z][A-Z.’'\- ]{1,30}[A-Z]):\s")
_CONTENT_CLAUSE = re.compile(r"\s*(?:that|how|what|whether|if|to)\b")
# A sentence's opening phrase, up to its comma: "In a statement posted Friday, ", "Following the vote, ".
_INTRODUCTORY = re.compile(
    r"\s*(?:In|At|On|During|After|Before|Following|With|From|Under|Over|By|Despite|Since|Through|Amid|Ahead of)"
    r"\b[^,“”\"]{0,80},"
)
_SIGNED = re.compile(rf"^\s*[―—]\s*(?P<who>{NAME})")
_SPEECH_NOUNS = re.compile(
    r"\b(?:letter|statement|e-?mail|post|interview|speech|memo|tweet|message|note|told|wrote|said)\b"
)


@dataclass(frozen=True, slots=True)
class Quote(Span):
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    depth: int = 1

    def to_json(self, text: str) -> dict[str, Any]:
        return {
            **self.span_json(text),
            "kind": self.kind,
            "speaker": self.speaker,
            "speaker_start": self.speaker_start,
            "speaker_end": self.speaker_end,
            "cue": self.cue,
            "depth": self.depth,
        }


@dataclass
class _Attribution:
    mention: Mention
    cue: str
    loose: bool = False
    """Only the sentence's subject, not a reporting verb, ties the quotation to it."""


class _Attributor:
    def __init__(self, document: Document, blocks: list[Block], quoted: list[MarkedSpan] | None = None) -> None:
        self.text = document.text
        self.quoted_starts = [q.start for q in quoted or []]
        self.quoted_ends = [q.end for q in quoted or []]
        self.blocks = blocks
        self.block_starts = [b.start for b in blocks]
        self.sentences = document.sentences
        self.sentence_starts = [s.start for s in self.sentences]
        self.people = document.people
        self.author = document.author

    def in_quotation(self, offset: int) -> bool:
        index = bisect_right(self.quoted_starts, offset) - 1
        return index >= 0 and offset < self.quoted_ends[index]

    def block_of(self, offset: int) -> Block:
        return self.blocks[max(0, bisect_right(self.block_starts, offset) - 1)]

    def sentence_of(self, offset: int) -> Span:
        index = max(0, bisect_right(self.sentence_starts, offset) - 1)
        return self.sentences[index] if self.sentences else Span(0, len(self.text))

    def _mention(self, match: re.Match[str], group: str = "who") -> Mention | None:
        apposition = match.groupdict().get("apposition")
        if apposition and re.fullmatch(NAME, apposition.strip()):
            # "The minister, Ola Berg, said": the name in apposition is the speaker.
            start = match.start("apposition") + (len(apposition) - len(apposition.lstrip()))
            name = apposition.strip()
            return Mention(start, start + len(name), name, "person")
        if _CONTENT_CLAUSE.match(match.group(group)):
            return None  # "…,” adding that its value quadrupled: what was said, not who said it
        offset, phrase, kind = trim_mention(match.group(group), loose=True)
        if kind is None:
            return None
        adverb = re.search(r"\s+\w+ly$", phrase)
        if adverb is not None and kind == "group":
            phrase = phrase[: adverb.start()]  # "said her mother resentfully"
        start = match.start(group) + offset
        return Mention(start, start + len(phrase), phrase, kind)

    def after(self, span: MarkedSpan, limit: int) -> _Attribution | None:
        window = self.text[span.end : min(limit, span.end + 120)]
        signed = _SIGNED.match(window)
        if signed is not None:
            # “…” ― Pamela Padilla: a reader's comment, signed.
            start = span.end + signed.start("who")
            return _Attribution(Mention(start, start + len(signed.group("who")), signed.group("who"), "person"), "―")
        inner = self.text[span.start : span.end].rstrip("\"'”’»")
        following = window.lstrip(" ,—–-")
        if inner.endswith(".") and following[:1].isupper():
            return None  # the quotation ended its sentence; what follows is a new one
        if inner[-1:].isalnum() and window.lstrip(" ")[:1] not in (",", "—", "–"):
            return None  # a fragment inside a sentence ("a “disgrace” after she …"), not an utterance
        for pattern in (_AFTER_INVERTED, _AFTER_NORMAL):
            match = pattern.match(window)
            if match:
                mention = self._mention(match)
                if mention is not None:
                    shifted = Mention(mention.start + span.end, mention.end + span.end, mention.text, mention.kind)
                    return _Attribution(shifted, match.group("verb"))
        return None

    def labelled(self, span: MarkedSpan) -> _Attribution | None:
        """A transcript quoted whole: “PENCE: Well, look, …” — the label names the speaker."""
        match = _TRANSCRIPT_LABEL.match(self.text, span.start, span.end)
        if match is None:
            return None
        who = match.group("who")
        return _Attribution(Mention(match.start("who"), match.end("who"), who, "person"), ":")

    def put_it(self, span: MarkedSpan) -> _Attribution | None:
        """ "…, as The New Yorker put it, “the operator.”" anywhere in the quotation's sentence."""
        sentence = self.sentence_of(span.start)
        match = _PUT_IT.search(self.text, sentence.start, max(sentence.end, span.end))
        if match is not None and span.start <= match.start() < span.end:
            # "maybe he’s not as rich as he says he is": inside the quotation, it is quoted
            match = _PUT_IT.search(self.text, span.end, max(sentence.end, span.end))
        if match is None:
            return None
        mention = self._mention(match)
        return None if mention is None else _Attribution(mention, match.group("verb"))

    def clause_final(self, span: MarkedSpan, limit: int) -> _Attribution | None:
        sentence = self.sentence_of(span.end - 1)
        end = min(limit, sentence.end)
        if end <= span.end:
            return None
        return self._closing_attribution(span.end, end)

    def _closing_attribution(self, start: int, end: int) -> _Attribution | None:
        """The attribution that closes the text in [start, end): "…, Warren said." or "…, said Warren."."""
        match = _CLAUSE_FINAL.search(self.text[start:end])
        if match is None:
            return None
        group = "who1" if match.group("who1") else "who2"
        if _CONTENT_CLAUSE.match(match.group(group)):
            return None
        offset, phrase, kind = trim_mention(match.group(group), loose=True)
        if kind is None:
            return None
        begin = start + match.start(group) + offset
        verb = match.group("verb1") or match.group("verb2")
        return _Attribution(Mention(begin, begin + len(phrase), phrase, kind), verb)

    def before(self, span: MarkedSpan, floor: int) -> _Attribution | None:
        left = self.text[floor : span.start]
        according = None
        for according in _ACCORDING.finditer(left):  # noqa: B007 - the last one is wanted
            pass
        opener = _INTRODUCTORY.match(left)
        verbs = [
            v
            for v in _VERB_RE.finditer(left)
            if (v.group().endswith("ing") or not _PASSIVE.search(left, 0, v.start()))
            # "In a Facebook message posted Friday, Cruz said …": not the opener's verb
            and (opener is None or v.start() >= opener.end())
        ]
        for verb in verbs:  # the main clause's verb first: "He said the company had “…”"
            if verb.group().endswith("ing"):
                # "…, saying …": the speaker is the subject of the clause, not the word before.
                subject = _CLAUSE_SUBJECT.match(left)
                if subject is not None and subject.end() <= verb.start():
                    mention = self._mention(subject)
                    if mention is not None:
                        return _Attribution(
                            Mention(mention.start + floor, mention.end + floor, mention.text, mention.kind),
                            verb.group(),
                        )
                continue
            subject = _SUBJECT_BEFORE.search(left, 0, verb.start())
            if subject is not None:
                mention = self._mention(subject)
                if mention is not None:
                    return _Attribution(
                        Mention(mention.start + floor, mention.end + floor, mention.text, mention.kind), verb.group()
                    )
            inverted = re.match(rf"\s+(?P<who>{MENTION})\s*[:,]", left[verb.end() :])
            if inverted is not None:
                mention = self._mention(inverted)
                if mention is not None:
                    offset = floor + verb.end()
                    return _Attribution(
                        Mention(mention.start + offset, mention.end + offset, mention.text, mention.kind), verb.group()
                    )
        if according is None:
            for according in _POSSESSED_WORDS.finditer(left):  # noqa: B007 - the last one is wanted
                pass
        if according is None and left.rstrip().endswith(":"):
            # "Sanders made the following comment: “…”": the clause's subject speaks.
            subject = _CLAUSE_SUBJECT.match(left)
            mention = self._mention(subject) if subject is not None else None
            if mention is not None:
                return _Attribution(
                    Mention(mention.start + floor, mention.end + floor, mention.text, mention.kind), ":"
                )
        if according is not None:
            mention = self._mention(according)
            if mention is not None:
                return _Attribution(
                    Mention(mention.start + floor, mention.end + floor, mention.text, mention.kind),
                    according.groupdict().get("verb") or "according to",
                )
        return None

    def sentence_subject(self, span: MarkedSpan) -> _Attribution | None:
        """A fragment inside a sentence, with no reporting verb near it, is the words of the
        sentence's subject: "In July, Gingrich dismissed Estonia as the “suburbs of St.
        Petersburg”", "Trump tells supporters to “go to your polling place”"."""
        sentence = self.sentence_of(span.start)
        if span.start - sentence.start < 8:
            return None  # the quotation opens its sentence: nothing before it to speak it
        left = self.text[sentence.start : span.start]
        match = _SENTENCE_SUBJECT.match(left)
        if match is None or match.end("who") >= len(left.rstrip()) - 1:
            return None
        mention = self._mention(match)
        if mention is None or mention.text.lower() in ("it", "this", "that", "they", "its"):
            return None
        if _NOT_A_SUBJECT.fullmatch(mention.text) or mention.text[:1].isdigit():
            return None  # "On September 27 they …", "Democratic claims …", "73 percent said …"
        if mention.kind == "group" and not _SPEAKING_GROUP.search(mention.text):
            return None  # "The ad uses …", "The complaint is based on …": not a speaker
        verb = match.group("verb")
        return _Attribution(
            Mention(mention.start + sentence.start, mention.end + sentence.start, mention.text, mention.kind),
            verb,
            loose=True,
        )

    def said_before(self, span: MarkedSpan) -> _Attribution | None:
        """A quotation that opens a sentence right after "…, Schiff said." in its paragraph."""
        sentence = self.sentence_of(span.start)
        block = self.block_of(span.start)
        if span.start - sentence.start > 2 or sentence.start - block.start < 3:
            return None
        previous = self.sentence_of(sentence.start - 1)
        body = self.text[previous.start : previous.end]
        if "“" in body or '"' in body:
            return None  # the sentence before quotes someone itself: that is handled as a turn
        return self._closing_attribution(previous.start, previous.end)

    def introduced(self, span: MarkedSpan) -> _Attribution | None:
        """A paragraph that opens with a quotation, introduced by the sentence before it."""
        block = self.block_of(span.start)
        if span.start - block.start > 2 or span.start == 0:
            return None
        previous = self.sentence_of(max(0, block.start - 3))
        sentence = self.text[previous.start : previous.end]
        if self.in_quotation(previous.start) or self.in_quotation(max(previous.start, previous.end - 2)):
            return None  # the paragraph before is a turn of a dialogue, not an introduction
        verb = _VERB_RE.search(sentence)
        if not (sentence.rstrip().endswith(":") or _SPEECH_NOUNS.search(sentence) or verb):
            return None
        # The subject that opens the sentence, else the one before its reporting verb
        # ("Christie, who …, blasted Clinton as a “disgrace”" then “She’s a disgrace.”).
        subject = re.match(rf"\s*(?:[\w’']+,\s+|[A-Z][^,“”\"]{{0,30}},\s+){{0,2}}(?P<who>{MENTION})", sentence)
        mention = self._mention(subject) if subject is not None else None
        if (mention is None or mention.kind == "group") and verb is not None:
            # The verb nearest the quotation first: "…, as if she intended to say no more, he replied,"
            for nearest in reversed(list(_VERB_RE.finditer(sentence))):
                before_verb = _SUBJECT_BEFORE.search(sentence, 0, nearest.start())
                found = self._mention(before_verb) if before_verb is not None else None
                if found is not None:
                    mention = found
                    break
        if mention is None:
            # "There was a little hesitation in Emma’s answer."
            owner = _OWNED_WORDS.search(sentence)
            if owner is not None:
                mention = Mention(owner.start("who"), owner.end("who"), owner.group("who"), "person")
        if mention is None:
            return None
        return _Attribution(
            Mention(mention.start + previous.start, mention.end + previous.start, mention.text, mention.kind),
            "introduced",
        )

    def resolve(self, mention: Mention, recent: list[str], previous_turn: str | None) -> str | None:
        """The speaker a mention names.

        "he"/"she" is first looked for among the people who spoke last (in a dialogue the
        pronoun is usually the other party to the one who just spoke), then among the
        people named before it. A titled name keeps its title: "Mrs. Elton" is not
        "Philip Elton", and "Miss Bates" is not "Jane Bates".
        """
        if mention.kind == "pronoun":
            pronoun = mention.text.lower().strip(" .")
            if pronoun == "i":
                # "said I": the one telling the story — the byline's author, or the narrator.
                return self.author or "the narrator"
            if pronoun not in ("he", "she"):
                return None
            wanted = "m" if pronoun == "he" else "f"
            paragraph = self.block_of(mention.start)
            named_here = self.people.before(
                mention.start, mention.text, window=mention.start - paragraph.start, quoted=self.in_quotation
            )
            if named_here is not None and previous_turn is None:
                return named_here  # "Sir William only smiled. “…,” he continued"
            if previous_turn is None:
                # Not a dialogue: the person the narrative named last ("When Mrs. Bennet was
                # told of this, she …" then “…,” she cried), not whoever spoke last.
                narrated = self.people.before(mention.start, mention.text, quoted=self.in_quotation)
                if narrated is not None:
                    return narrated
            for name in reversed(recent):
                if name != previous_turn and self.people.gender.get(name) == wanted:
                    return name
                if previous_turn is None and self.people.gender.get(name) in (None, wanted):
                    break  # not a dialogue: fall back to the last person named
            return self.people.before(mention.start, mention.text, quoted=self.in_quotation)
        if mention.kind == "group" and " ".join(mention.text.split()).lower() in ("her ladyship", "his lordship"):
            # "said her ladyship": the Lady (or Lord) named last.
            rank = "Lady" if "lady" in mention.text.lower() else "Lord"
            earlier = self.text[max(0, mention.start - 5000) : mention.start]
            ranked = list(re.finditer(rf"\b{rank}\s+[A-Z][a-z]+", earlier))
            if ranked:
                return " ".join(ranked[-1].group().split())
        if mention.kind == "group":
            kin = _KIN.fullmatch(" ".join(mention.text.split()).lower())
            if kin is not None:
                # "cried his wife" after Mr. Bennet spoke → Mrs. Bennet, if the book has one.
                owner = self.people.before(mention.start, "he" if kin.group(1) == "his" else "she")
                if owner is not None:
                    relation = kin.group(2)
                    title = {"wife": "Mrs.", "mother": "Mrs.", "sister": "Miss", "daughter": "Miss"}.get(
                        relation, "Mr."
                    )
                    named = f"{title} {owner.split()[-1]}"
                    if named in self.text:
                        return named
        if mention.kind == "person":
            name = " ".join(mention.text.strip(" -—–,;:").split())
            if name.endswith(".") and len(name.split()[-1]) > 3:
                name = name[:-1]  # "thought Emma." — the sentence's full stop, not an initial
            titled = title_gender(name)
            if titled is not None and self.people.shared_surname(name):
                return name  # "Mrs. Elton" in a book with a Philip Elton
            resolved = self.people.resolve_name(name)
            known = self.people.gender.get(resolved) or title_gender(resolved)
            if titled is not None and known is not None and known != titled:
                return name  # "Mrs. Elton" is not her husband Philip, the only full Elton
            return resolved
        return mention.text


def _word_count(text: str) -> int:
    return len(text.split())


def analysable_blocks(document: Document) -> list[Block]:
    return [b for b in document.blocks if not b.boilerplate and b.kind not in ("code", "rule") and b.end > b.start]


def find_quotes(document: Document) -> list[Quote]:
    blocks = analysable_blocks(document)
    text = document.text
    marked = find_marked_spans(text, blocks)
    if not marked:
        return []
    attributor = _Attributor(document, blocks, [m for m in marked if m.depth == 1])
    quotes: list[Quote] = []
    outer = [m for m in marked if m.depth == 1]
    turns: list[tuple[int, str | None]] = []  # (block start, speaker) of recent dialogue turns
    run: list[tuple[int, int, Quote]] = []  # the dialogue so far: one entry a paragraph, in adjacent paragraphs
    recent_speakers: list[str] = []
    for index, span in enumerate(outer):
        block = attributor.block_of(span.start)
        next_start = outer[index + 1].start if index + 1 < len(outer) else len(text)
        previous_end = outer[index - 1].end if index else 0
        sentence = attributor.sentence_of(span.start)
        floor = max(block.start, previous_end, sentence.start)
        limit = min(next_start, attributor.block_of(span.end - 1).end)
        inner = text[span.start : span.end].strip("\"'“”‘’«»„ ")
        if _looks_like_title(inner) and _TITLE_BEFORE.search(text, max(0, span.start - 40), span.start):
            # “Morning Joe”, ''Larry King Now'', “The Apprentice”: a name, not anyone's words.
            quotes.append(Quote(span.start, span.end, "term"))
            continue
        attribution = (
            attributor.labelled(span)
            or attributor.after(span, limit)
            or attributor.put_it(span)
            or attributor.before(span, floor)
            # "X ruled that A’s claim about “…” is “true”": the sentence's verb, before an earlier quote
            or (attributor.before(span, max(block.start, sentence.start)) if floor > sentence.start else None)
            or attributor.clause_final(span, limit)
        )
        inherited: tuple[str | None, int | None, int | None, str | None] | None = None
        if attribution is None:
            attribution = (
                attributor.introduced(span) or attributor.said_before(span) or attributor.sentence_subject(span)
            )
        if attribution is None and quotes:
            last = next((q for q in reversed(quotes) if q.depth == 1 and q.kind == "speech"), None)
            if last is not None and last.speaker is not None:
                same_block = attributor.block_of(last.start).start == block.start
                adjacent = block.start - attributor.block_of(last.end - 1).end <= 3
                if same_block or adjacent:
                    speaker: str | None = last.speaker
                    s_start, s_end, cue = last.speaker_start, last.speaker_end, last.cue
                    # A dialogue: a paragraph of nothing but a quotation answers the one before.
                    if (
                        not same_block
                        and len(turns) >= 2
                        and turns[-1][1] != turns[-2][1]
                        and _bare_turn(text, span, block)
                    ):
                        earlier = next((q for q in reversed(quotes) if q.speaker == turns[-2][1]), None)
                        if earlier is not None:
                            speaker, s_start, s_end, cue = (
                                earlier.speaker,
                                earlier.speaker_start,
                                earlier.speaker_end,
                                earlier.cue,
                            )
                    inherited = (speaker, s_start, s_end, cue)
        if attribution is None and _bare_turn(text, span, block) and (inherited is None or len(run) >= 2):
            inherited = _alternating(run, block) or inherited
        if attribution is not None:
            # In a dialogue ("said she" in a paragraph that is all quotation, after another
            # such turn) the pronoun is usually not the person who has just spoken.
            dialogue = bool(turns) and turns[-1][0] != block.start and _bare_turn(text, span, block)
            previous_turn = turns[-1][1] if dialogue else None
            resolved = attributor.resolve(attribution.mention, recent_speakers, previous_turn)
            if attribution.mention.kind == "pronoun" and span.start - block.start <= 2:
                # “…,” said she — in an exchange of two, the turn's order says which she.
                expected = _alternating(run, block)
                wanted = PRONOUNS.get(attribution.mention.text.lower())
                if expected is not None and expected[0] is not None and wanted in ("m", "f"):
                    known = attributor.people.gender.get(expected[0]) or title_gender(expected[0])
                    if known == wanted:
                        resolved = expected[0]
            if resolved is not None and attribution.mention.kind == "pronoun":
                attributor.people.learn_gender(resolved, attribution.mention.text)
            if resolved is not None:
                gender = title_gender(resolved)
                if gender:
                    attributor.people.gender.setdefault(resolved, gender)
                if resolved in recent_speakers:
                    recent_speakers.remove(resolved)
                recent_speakers.append(resolved)
                del recent_speakers[:-6]
            fragment = _word_count(inner) < 5 and inner[-1:] not in ".?!,"
            quote = Quote(
                span.start,
                span.end,
                "term" if attribution.loose and fragment else "speech",
                resolved,
                attribution.mention.start,
                attribution.mention.end,
                attribution.cue,
            )
        elif inherited is not None:
            quote = Quote(span.start, span.end, "speech", inherited[0], inherited[1], inherited[2], inherited[3])
        elif _word_count(inner) >= 5 or inner[-1:] in ".?!,":
            quote = Quote(span.start, span.end, "speech")
        else:
            quote = Quote(span.start, span.end, "term")
        quotes.append(quote)
        if quote.kind == "speech":
            if run and run[-1][0] == block.start:
                if run[-1][2].speaker is None:
                    run[-1] = (block.start, block.end, quote)
            elif run and block.start - run[-1][1] <= 3:
                run.append((block.start, block.end, quote))
                del run[:-12]
            else:
                run[:] = [(block.start, block.end, quote)]
            if turns and turns[-1][0] == block.start:
                turns[-1] = (block.start, quote.speaker)
            else:
                turns.append((block.start, quote.speaker))
                del turns[:-3]
    for span in marked:
        if span.depth == 2:
            inner = text[span.start : span.end].strip("\"'“”‘’«»„ ")
            kind = "speech" if _word_count(inner) >= 4 else "term"
            quotes.append(Quote(span.start, span.end, kind, depth=2))
    quotes.sort(key=lambda q: (q.start, q.depth))
    return quotes


# What comes before a work's title: "MSNBC’s “Morning Joe”", "his 2002 book, ''Make …''".
_TITLE_BEFORE = re.compile(
    r"(?:\w(?:’s|'s)|\b(?:book|program|programme|show|series|column|film|documentary|song|album|titled|entitled"
    r"|headlined|episode of|podcast|play|novel|report|memoir|essay|op-ed|editorial|commentary)),?\s*$"
)
_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with vs".split())


def _looks_like_title(inner: str) -> bool:
    """Title Case, short, without sentence punctuation: a show, a book, a slogan's name."""
    words = inner.split()
    if not 2 <= len(words) <= 7 or inner[-1:] in ".?!,;:" or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL_WORDS for w in words)


def _alternating(
    run: list[tuple[int, int, Quote]], block: Block
) -> tuple[str | None, int | None, int | None, str | None] | None:
    """In an unbroken dialogue of two, an unattributed turn belongs to whoever spoke two
    turns before it: counted back to the nearest turn whose speaker is known."""
    if not run or block.start - run[-1][1] > 3:
        return None
    known = [(distance, quote) for distance, (_, _, quote) in enumerate(reversed(run), 1) if quote.speaker]
    if not known:
        return None
    distance, nearest = known[0]
    if distance % 2 == 0:
        chosen: Quote | None = nearest
    else:
        chosen = next((quote for _, quote in known[1:] if quote.speaker != nearest.speaker), None)
    if chosen is None:
        return None
    return chosen.speaker, chosen.speaker_start, chosen.speaker_end, chosen.cue


def _bare_turn(text: str, span: MarkedSpan, block: Block) -> bool:
    """The paragraph is the quotation and nothing else."""
    return not text[block.start : span.start].strip() and len(text[span.end : block.end].strip()) <= 2


__all__ = ["Quote", "analysable_blocks", "find_quotes"]
