"""Attribution sieves: each proposes the mention that may have spoken a quotation.

A sieve is one named pattern of English reporting ("…,” said Wilk", "Anand said: “…”",
"according to …", the sentence that introduces a paragraph's quotation). Every sieve that
fires proposes a `Candidate`; the ranker (`ranker.py`) chooses among them. `SIEVES` is
their order, which is also a feature the ranker weighs.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from content.analysis import kept_regex
from content.analysis.cast import Cast, Mention, MentionKind, classify, title_gender, trim_mention
from content.analysis.lexicon import (
    ABBREVIATIONS,
    ADVERBS_IN_S,
    CLAUSE_OPENERS,
    DESCRIBED_GENDER,
    DETERMINERS,
    HEADLINE_VERBS,
    KIN_GENDER,
    KIN_WORDS,
    NOT_INVERTED,
    OPENING_WORDS,
    PEOPLE_WORDS,
    PLURAL_REPORTING_VERBS,
    POSSESSIVES,
    PRONOUNS,
    SAID_NOUNS,
    SENTENCE_STARTERS,
    SOMETIMES_FINAL,
    SPEAKER_NOUNS,
    TIME_WORDS,
    TITLES,
    WEEKDAYS,
    capitalised,
    word_alternation,
)
from content.analysis.marks import MarkedSpan
from content.analysis.patterns import (
    APPOSITION,
    AUXILIARY,
    BEFORE_A_TITLE,
    CLAUSE_SUBJECT,
    CLAUSE_SUBJECT_TO_ITS_VERB,
    CONTENT_CLAUSE,
    MENTION,
    MODAL_OR_IRREGULAR,
    NAME,
    NAMED_GROUP,
    NOUN_PHRASE,
    PARENTHESIS,
    PRONOUN,
    REPORTING_VERB,
    ROLE_NAME,
    WORD_RUN,
    looks_like_a_title,
)
from content.document import Block, Document, Sentence, Span

_VERB_RE = kept_regex.compile(rf"\b(?:{REPORTING_VERB})\b")
# "Critics argue that …", "They note …": the plural present, after a plural subject only
# (the same words are nouns too: "the note", "a claim").
_PLURAL_VERB = word_alternation(PLURAL_REPORTING_VERBS)
_PLURAL_VERB_RE = kept_regex.compile(rf"\b(?:{_PLURAL_VERB})\b")
_PLURAL_SUBJECT_WORDS = frozenset("they we you i".split())
_NOT_PLURAL = frozenset("his this was is has does its as us thus plus less news".split())


def _after_a_plural_subject(left: str, at: int) -> bool:
    """Whether the word before `at` is a plural subject: "Critics", "they"."""
    before = left[max(0, at - 40) : at].split()[-1:]
    word = before[0] if before else ""
    low = word.lower()
    if low in _PLURAL_SUBJECT_WORDS:
        return True
    return word.isalpha() and len(word) > 3 and low.endswith("s") and not low.endswith("ss") and low not in _NOT_PLURAL


# "said one of those advisers, who …": a share of a group, "of" and all.
_SOME_OF = r"(?:one|some|many|most|several|two|three|four|each|any|none|neither|either)\s+of\s+[^.;:!?,“”\"\n]{1,60}?"
# Where a speaker phrase after its verb ends: punctuation, or a word that says where, when or
# how ("said Ida through her sobs", "muttered Mlle. Varga under her breath").
_SPEAKER_ENDS = (
    r"(?=\s*(?:[.,;:!?—–(]|--|$|\s(?:on|in|at|during|after|before|to|as|from|with|via|about|of|for|who|while|when"
    r"|through|under|amid|among|between|behind|beneath|without|into|across|over|upon|against|towards?|beside)\b))"
)
# Right after the closing mark: “…,” said Wilk / “…,” Wilk said / “…?” she asked.
_AFTER_INVERTED = kept_regex.compile(
    rf"^[\s,—–-]*(?P<verb>{REPORTING_VERB})\s+(?P<who>{_SOME_OF}|{WORD_RUN})"
    # said Dora stoutly, said Dora very stoutly, said Dora again
    r"(?:\s+(?:(?:very|rather|quite|so|too|more|most|almost|somewhat|pretty|half)\s+)?\w+ly|\s+(?:again|then))?"
    + _SPEAKER_ENDS
)
# After a quotation whose clause goes on (“…,” / “…?”): its subject and any verb, in or out of
# the lexicon — “…,” Hale barked. / “…,” an angry Brennan retaliated on Monday.
_AFTER_ANY_VERB = kept_regex.compile(
    rf"^[\s—–-]*(?P<who>{MENTION}){PARENTHESIS}{APPOSITION}\s+(?:(?:{AUXILIARY})\s+)*(?:\w+ly\s+)?"
    rf"(?!(?:{AUXILIARY})\b)(?P<verb>[a-z][a-z-]+(?:ed|s))\b"
    r"(?=\s*(?:[.,;:!?—–(]|--|$|\s(?:on|in|at|during|after|before|to|as|from|with|via|about|of|for|while|when|that|out|back|up)\b))"
)
# The same with the verb first: “…,” beamed Ida Hale of Marrow Point.
_AFTER_ANY_VERB_INVERTED = kept_regex.compile(
    rf"^[\s—–-]*(?P<verb>[a-z][a-z-]+ed)\s+(?P<who>{_SOME_OF}|{WORD_RUN})" + _SPEAKER_ENDS
)
# “…” after a verb of naming, then its agent: "has been called “a gamble” by Ida Hale".
_NAMED_BEFORE = kept_regex.compile(
    r"\b(?:called|labell?ed|dubbed|termed|branded|described|characteri[sz]ed|denounced|critici[sz]ed|hailed|known)"
    r"(?:\s+(?:as|it|him|her|them|this|that))?(?:\s+(?:an?|the))?\s*$"
)
_BY_AGENT = kept_regex.compile(rf"^,?\s+by\s+(?P<who>{_SOME_OF}|{MENTION})")
# A relative clause's subject before the quotation: "Reyes, who has long called the pier a “ruin”".
_RELATIVE_SUBJECT = kept_regex.compile(
    rf"(?<!\w)(?P<who>{NAME}|{NOUN_PHRASE}){PARENTHESIS},?\s+(?P<relative>who|which)\s+"
    rf"(?:(?:{AUXILIARY}|\w+ly|not|in\s+the\s+past)\s+)*(?P<verb>[a-z][a-z’'-]+(?:s|ed)|said|told|wrote)\b"
)
# A name before "of" and the name the relative clause follows: "Sen. Ida Holm of Marrow, who …".
_NAME_OF = kept_regex.compile(rf"(?<![\w.])(?P<name>{NAME})\s+of\s+$")
_CONJUNCTION = kept_regex.compile(r"(?:And|But|Or|So|Yet)\s+(?=\S)")
# A name after whose the person is: "The Gullwick Gazette’s Tomas Wilk".
_OWNED_NAME = kept_regex.compile(rf".*?(?:’s|'s)\s+(?P<name>{NAME})")
# Whose the speaker is, before their name: "Marrow State University’s Ida Berg agreed."
_OWNER = rf"(?:{NAME}(?:’s|'s)\s+(?=[A-Z]))?"
_SPEAKER_SENTENCE = kept_regex.compile(
    rf"\s*{_OWNER}(?P<who>{MENTION}){PARENTHESIS}\s+(?:\w+ly\s+)?(?P<verb>[a-z][a-z-]+(?:ed|s))(?:\s+\w+ly)?[.:]\s*$"
)
# A label before the quotation, after a dash or "from": "Polls and turnout - Ida Hale: “…”",
# "More from the report: “…”".
# "… - Ida Holm:", "TOO EARLY - Ida Holm and Per Wren: “…”" (two writers: the first named stands for both).
_COLON_LABEL = kept_regex.compile(rf"(?:^\s*|\s[-–—]\s*|\b[Ff]rom\s+)(?P<who>(?:{NAME}\s+and\s+)?{MENTION}):\s*$")
_ENDS_HERE = kept_regex.compile(r"\s*(?:[.!]|,\s+(?:an?|the|who)\b)")
_ACCORDING = kept_regex.compile(rf"\b[Aa]ccording to (?P<who>{WORD_RUN})(?=\s*(?:[,.;:]|$))")
# "Odile Brennan’s claim that …": a speaker's claim, statement or words, as a noun.
_SAID_NOUNS = (
    "claim|claims|statement|assertion|argument|contention|charge|accusation|suggestion|promise|pledge|description|"
    "words|remark|remarks|comments|comment|tweet|message|warning|vow|view|belief"
)
_POSSESSED_WORDS = kept_regex.compile(
    rf"(?P<who>{NAME}|[Hh]is|[Hh]er|[Tt]heir)(?:’s|'s)?\s+(?:\w+\s+)?(?P<verb>{_SAID_NOUNS})\b"
)
_A_SAID_NOUN = kept_regex.compile(_SAID_NOUNS)
"""One of those nouns, even inside a word: looked for first, as few sentences have one and the
search for a name before it is slow (War and Peace: 19 → 4 ms)."""
# "…,” Hale said." / "…,” Hale is quoted as saying."
_AFTER_NORMAL = kept_regex.compile(
    rf"^[\s,—–-]*(?P<who>{WORD_RUN}){PARENTHESIS}{APPOSITION}\s+(?:(?:{AUXILIARY})\s+)*(?:quoted\s+as\s+)?"
    rf"(?P<verb>{REPORTING_VERB})\b"
)
# The same with the plural present, taken after a plural subject only: “…,” they conclude.
_A_PLURAL_VERB = kept_regex.compile(_PLURAL_VERB)
_AFTER_PLURAL = kept_regex.compile(
    rf"^[\s,—–-]*(?P<who>{WORD_RUN}){PARENTHESIS}\s+(?P<verb>{_PLURAL_VERB})\b"
    r"(?=\s*(?:[.,;:!?—–(]|--|$|\s(?:on|in|at|to|that|of|about|for|with)\b))"
)
# A conjunction that opens a clause of its own after a quotation: "…”, but he also warned …".
_NEW_CLAUSE = kept_regex.compile(r"(?:but|and|while|although|though|because|so|yet|whereas|or)\s", re.I)
# The attribution closes the sentence: "A keeper who “sleeps” is no keeper, Wilk said.", also
# past a later quotation whose mark closes after its comma: "… the “jobs it needs,” Wilk said."
_CLAUSE_FINAL = kept_regex.compile(
    rf",[”’\"']?\s*(?:(?P<verb1>{REPORTING_VERB})\s+(?P<who1>{WORD_RUN})|(?P<who2>{WORD_RUN}){PARENTHESIS}\s+(?:(?:{AUXILIARY})\s+)*(?P<verb2>{REPORTING_VERB}))"
    rf"(?:\s+[^,.;:!?“”\"]{{1,40}}?(?=,))?"  # "…, Wilk said on Tuesday in Marrow, noting …"
    rf"(?:,\s*[^;:!?“”\"]{{1,120}}?)?"  # "…, said Ida Hale, a teacher from Marrow Point."
    rf"(?:\s+[^,.;:!?“”\"]{{0,40}})?[.!?]?\s*$"
)
_A_REPORTING_VERB = kept_regex.compile(REPORTING_VERB)
"""Any verb of saying, even inside a word: what every `_CLAUSE_FINAL` holds after its comma."""
# Between a subject and its verb: auxiliaries and any adverb ("has also broadly called for").
_BETWEEN = rf"(?:(?:{AUXILIARY}|\w+ly)\s+)*"
# A sentence that opens with its subject and a reporting verb: "Holm added that …".
_REPORTING_SUBJECT = kept_regex.compile(
    rf"\s*(?:[\w’']+,\s+|[A-Z][^,“”\"]{{0,120}},\s+){{0,2}}{BEFORE_A_TITLE}{_OWNER}(?P<who>{MENTION}){PARENTHESIS}{APPOSITION}\s+{_BETWEEN}"
    rf"(?P<verb>{REPORTING_VERB})\b(?!\s+(?:by|to)\b)"
)
# A preposition right before a noun phrase: "in a statement", "during the debate", "at the meeting".
_GOVERNED = kept_regex.compile(r"(?<![\w’'])(?:in|at|during)\s+$")
# A name right before such a phrase, the sentence's subject: "Brennan [in a statement]".
_NAME_BEFORE_PHRASE = kept_regex.compile(rf"(?<![\w’'])(?P<who>{NAME})\s+$")
_PLACE_PREPOSITION_BEFORE = kept_regex.compile(r"\b(?:in|at|on|from|to|of|near|into|by|with|for)\s+$")
_SUBJECT_BEFORE = kept_regex.compile(rf"(?P<who>{MENTION}){PARENTHESIS}{APPOSITION}\s+{_BETWEEN}$")
# A description longer than a mention runs, set off from its verb by a relative clause: "The
# veteran pilot and union organiser, who backs Holm, warned …" is the pilot's, not Holm's.
_DESCRIPTION_THEN_WHO = kept_regex.compile(
    rf"(?<![\w’'])(?P<who>(?:[Tt]he|[Aa]n?)\s+(?:[\w\-’']+\s+){{1,6}}?[\w\-]+),\s+(?:who|which)\s[^,“”\"]{{1,120}},\s+{_BETWEEN}$"
)
# "A harbour official who spoke anonymously said, “…”": a relative clause, not set off by
# commas, between the subject and its verb.
_RESTRICTED_SUBJECT = kept_regex.compile(rf"(?P<who>{MENTION})\s+who\s+(?P<clause>[^,;:“”\"]{{1,80}}?)\s+{_BETWEEN}$")
# A clause inside the relative clause has a subject of its own ("… who gained attention when
# he yelled …"): the verb after it is that subject's.
_CLAUSE_IN_CLAUSE = kept_regex.compile(r"\b(?:when|while|because|if|as|after|before|since|until|he|she|they|we|I)\b")
# "… from Odile Brennan, who declared, “…”": the relative pronoun is the verb's subject; it
# is the mention the quotation rests on, and it stands for the name before it.
_RELATIVE_BEFORE = kept_regex.compile(rf"(?<!\w)(?P<who>{NAME}){PARENTHESIS},\s+(?P<relative>who)\s+{_BETWEEN}$")
# The verb opens the sentence, its speaker after it: "Said Ines Varga, who grew up there, “…”".
_SAID_FIRST = kept_regex.compile(rf"\s*(?:Said|Says|Added|Asked|Wrote)\s+(?P<who>{NAME}|{NOUN_PHRASE})(?=\s*[,:(])")
# A speaker and a reporting verb right before a participle: "…, Berg said, adding, “…”".
_SAID_THEN = kept_regex.compile(rf"(?P<who>{NAME}|{PRONOUN}){PARENTHESIS}\s+(?:{REPORTING_VERB}),\s*(?:\w+ly\s+)?$")
_SPEAKING_TO = kept_regex.compile(
    rf"(?P<who>{MENTION})\s+(?:speaking|talking|writing|who\s+spoke)\s+(?:to|for|with)\s+{NAME}\s+{_BETWEEN}$"
)
# "according to" right after a quotation: "“…” according to Harbour Watch."
_ACCORDING_NEXT = kept_regex.compile(r"[\s,—–-]*according to\b")
# A run that opens with a verb, not a subject: "claiming that he is responsible …".
_VERB_FIRST = kept_regex.compile(r"\s*[a-z]+(?:ed|ing)\b")
# A relative clause closed by a comma and the main clause's reporting verb: "…, said".
_CLOSED_BEFORE_A_VERB = kept_regex.compile(rf"[^“”\"]*?,\s+{_BETWEEN}(?:{REPORTING_VERB})\b")
# "is telling", "was quietly saying": a present participle that is its clause's verb.
# (Not in a relative clause: "Holm, who was speaking to the board, …" goes on with Holm's verb.)
_PROGRESSIVE = kept_regex.compile(r"(?<!who )(?<!which )(?<!that )\b(?:is|are|was|were|been)\s+(?:\w+ly\s+)?$")
# "…, with Brennan tweeting that “…”": a participle's own subject, right before it.
_ING_SUBJECT = kept_regex.compile(rf"\bwith\s+(?P<who>{NAME}|{NOUN_PHRASE})\s+(?:[a-z]+ly\s+)?$")
_NAME_THEN_DESCRIPTION = kept_regex.compile(rf"\s*(?P<who>{NAME}),\s+(?:an?|the)\s")
# The subject that opens a sentence, past up to two opening phrases ("Then, …", "In May, …"), each
# up to 120 characters ("When the last of the boats had come round the point and into the harbour, …").
_OPENING_SUBJECT = kept_regex.compile(
    rf"\s*(?:[\w’']+,\s+|[A-Z][^,“”\"]{{0,120}},\s+){{0,2}}{BEFORE_A_TITLE}{_OWNER}(?P<who>{MENTION})"
)
# The speaker right after a verb: "said Hale:", "writes the Gazette,".
_INVERTED_MENTION = kept_regex.compile(rf"\s+(?P<who>{MENTION}|{ROLE_NAME})\s*[:,]")
# A Title Case headline's speaker and verb: "Wilk Says …", "Council Leader Tells …".
_HEADLINE_VERBS = "|".join(sorted(HEADLINE_VERBS))
_HEADLINE_LENGTH = 200
"""A line longer than this is no headline."""
_HEADLINE_SAYS = kept_regex.compile(rf"\s*(?P<who>{NAME})\s+(?P<verb>{_HEADLINE_VERBS})\b")
_QUOTED = kept_regex.compile(r"[“\"][^”\"]*[”\"]")
_NAMING = frozenset({"called", "named", "dubbed", "titled", "entitled", "labeled", "labelled", "nicknamed"})
# Where and when, after the verb of a bare attribution: "Hale said after a meeting on Monday."
_WHERE_AND_WHEN = frozenset("after at in on during before while last this earlier later".split())
_CIRCUMSTANCE = rf"\s+{word_alternation(_WHERE_AND_WHEN | capitalised(TIME_WORDS) | TIME_WORDS)}\b[^.!?;:,“”\"]{{0,80}}"
_BARE = rf"(?P<who>{NAME})\s+(?P<verb>{REPORTING_VERB})(?:{_CIRCUMSTANCE})?\s*"
_BARE_ATTRIBUTION = kept_regex.compile(_BARE + "[.!]")
# After a quotation left open ("“… in the long run” Hale said, adding …"), it may go on.
_BARE_ATTRIBUTION_GOES_ON = kept_regex.compile(_BARE + "[.!,]")
_PASSIVE = kept_regex.compile(r"\b(?:was|were|is|are|be|been|being|get|got)\s+$")  # "was called": not speech
_PASSIVE_AHEAD = kept_regex.compile(
    r"(?:(?:has|have|had|will|would|could|should|may|might|must)\s+)?(?:be|been|being|is|are|was|were|gets?|got)"
    r"\s+(?:\w+ly\s+)?\w+ed\b"
)
# (The word boundary is looked behind the "a", so re skips ahead to each "a": 24 → 14 ms a book.)
_PUT_IT = kept_regex.compile(
    rf"[Aa](?<!\w[Aa])s\s+(?P<who>{MENTION}|{ROLE_NAME})\s+(?:(?:{AUXILIARY})\s+)*"
    r"(?P<verb>put it|puts it|said|says|wrote|writes|noted)\b"
)
# A clause's subject, after an opening phrase ("Before the convention, Cleveland Police Chief …").
# (past a word that only joins it to the sentence before: "And then Berg went on the attack, saying …")
_CLAUSE_SUBJECT = kept_regex.compile(CLAUSE_SUBJECT)
_CLAUSE_SUBJECT_TO_ITS_VERB = kept_regex.compile(CLAUSE_SUBJECT_TO_ITS_VERB)
_POSSESSIVE_INSIDE = kept_regex.compile(r"[’']s\s")
# A name and its apposition, which `_CLAUSE_SUBJECT` may read as an opening phrase and a
# subject: "Tomas Berg, the former mayor, went on the attack, saying …".
_APPOSED_NAME = kept_regex.compile(rf"\s*(?P<who>{NAME}),\s+(?P<apposition>(?:the|a|an)\s)")
# The subject that opens a sentence, after an optional short opener ("In July, "), and its verb.
# A word that may be a finite verb: "-s", "-ed", an auxiliary or a common irregular past. A
# noun phrase's own words are not ("The Wilk campaign projects", not "The Wilk" + "campaign").
_VERB_SHAPED = rf"(?:[a-z][\w’'-]*(?:s|ed|ing)|{MODAL_OR_IRREGULAR})"
_SUBJECT_THEN = (
    rf"^\s*(?:[A-Z][^,“”\"]{{0,120}},\s+(?:[^,“”\"]{{1,60}},\s+)?)?{BEFORE_A_TITLE}(?P<who>{MENTION}){PARENTHESIS}"
    r"(?:,\s*(?:who|whose|a|an|the)\b[^“”\"]{1,200}?,|,\s*[^,“”\"]{1,80},)?\s+(?:\w+ly\s+)?"
    r"(?:(?:on|last|this|early|late)\s+[A-Z]?[a-z]+\s+)?"  # "The mayor on Tuesday rejected"
    rf"(?:(?:{AUXILIARY})\s+)*"
)
_SENTENCE_SUBJECT = kept_regex.compile(_SUBJECT_THEN + r"(?P<verb>[a-z][\w’'-]+)")
_SHAPED_SUBJECT = kept_regex.compile(_SUBJECT_THEN + rf"(?P<verb>{_VERB_SHAPED})\b")
_VERB_SHAPED_RE = kept_regex.compile(_VERB_SHAPED)
# A noun phrase that may be a thing that speaks: "The ad", "A letter to council members".
_THING = kept_regex.compile(
    r"(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Oo]ne|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s[^’']+"
    r"(?<!\sof)(?<!\sfor)(?<!\sthe)(?<!\sto)(?<!\sin)(?<!\son)(?<!\swith)(?<!\sand)(?<!\sjust)(?<!\sfrom)(?<!\sby)"
)
# The last subject of a finite verb before the quotation: "Brennan backed the sale, although
# she warned that it was “a gamble”" — "she", not the sentence's "Brennan".
_NEAREST_SUBJECT = kept_regex.compile(
    rf"(?<![\w’'])(?P<who>{PRONOUN}|{NAMED_GROUP}){PARENTHESIS}\s+(?:\w+ly\s+)?"
    r"(?:(?:on|late|early|last|this)\s+(?:[A-Z][a-z]+|night|week|month|year)\s+(?:night\s+|morning\s+)?)?"
    rf"(?P<aux>(?:(?:{AUXILIARY})\s+)+(?:not\s+)?(?=[a-z]+ing\b))?(?P<verb>[a-z][a-z]+(?:s|ed|ing)\b)"
)
_NOT_A_SUBJECT = kept_regex.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday"
    r"|Wednesday|Thursday|Friday|Saturday|Sunday|More|Only|Democratic|Republican|American"
    r"|European|British|Chinese|Russian|Mexican|African|Asian|Hispanic|Latino|Muslim|Jewish|Catholic|French|German)"
)
_SPEAKING_GROUP = kept_regex.compile(
    r"(?i)\b(?:campaign|team|lawyers?|aides?|officials?|spokes\w+|critics?|supporters?|lawmakers?|leaders?|"
    r"group|party|committee|council|union|association|organi[sz]ation|company|administration|government|"
    r"department|agency|court|judge|newspaper|paper|magazine|network|protesters?|voters?|residents?|people)\b"
)
_KIN_TITLES = {
    "wife": "Mrs.",
    "mother": "Mrs.",
    "mamma": "Mrs.",
    "mama": "Mrs.",
    "grandmother": "Mrs.",
    "sister": "Miss",
    "daughter": "Miss",
    "niece": "Miss",
}
# Where a sentence opens: the text's start, a line's, or after a stop (and a closing mark).
_SENTENCE_OPENS = r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\n))[ \t]*"
# A sentence whose subject brings in someone without naming them, and who speaks or is told of:
# "One café owner, who asked not to be named, said", "A harbour official told the Gazette" (not
# "The senator said": a definite description is mostly someone named before).
_INDEFINITE = r"(?:[Aa]n?|[Oo]ne|[Aa]nother)"
"""The words that bring someone in unnamed: "a", "an", "one", "another"."""
_MODIFIERS = r"(?:[a-z][\w\-]*\s+){0,2}?"
"""Up to two words before a noun: "stout", "thin old"."""
_DESCRIBED_SPEAKER = kept_regex.compile(
    _SENTENCE_OPENS + rf"(?P<who>{_INDEFINITE}\s+(?:(?!(?:to|that|and|of|in|on|for|with|by|at)\s)[\w\-’']+\s+){{0,3}}?"
    r"[a-z][\w\-]*)"
    rf"(?:,\s+who\b|\s+(?:(?:{AUXILIARY})\s+)?(?:{REPORTING_VERB})\b)"
)
_GENDERED_NOUN = rf"{_MODIFIERS}(?P<noun>{word_alternation(frozenset(DESCRIBED_GENDER))})\b(?![\-’'])"
"""A noun phrase ending in a noun of gender ("old man", "girl"), after its article."""
_DESCRIBED_SUBJECT = kept_regex.compile(_SENTENCE_OPENS + rf"(?P<who>The\s+{_GENDERED_NOUN})")
# A subject that brings someone in by description: "A stout man rose", "One woman …". (Opened by
# its capital, so re skips from one "A" or "O" to the next; whether it opens a sentence is
# checked after, with `_OPENS_BEFORE`.)
_INTRODUCED_SUBJECT = kept_regex.compile(rf"(?P<who>(?:An?|One|Another)\s+{_GENDERED_NOUN})")
_OPENS_BEFORE = kept_regex.compile(r"(?:[.!?][\"”’]?\s|\n)[ \t]*$")
# "the voice of old Mr. Holm, who …": whose voice, up to where the phrase ends.
_VOICE_OF = kept_regex.compile(
    rf"\s+of\s+(?P<who>{WORD_RUN})(?=\s*(?:[.,;:!?—–]|--|\s(?:who|which|as|from|through|in|at)\b))"
)
# Words of someone's that speak for them: "his advice went on", "her mother's voice", "her
# looks said", "crossed my mind" (the owner, and what of theirs). With the fold weights
# of the cross-validation, the training novels 11518 → 11521 of 13646, no novel lower.
_OWNERS_WORDS = kept_regex.compile(
    rf"(?P<owner>[Hh]is|[Hh]er|[Mm]y|(?:his|her|my) (?:{word_alternation(KIN_WORDS)})(?=[’']s))(?:[’']s)?"
    r"(?: [a-z]+)? (?:voice|lips|tongue|mouth|answer|reply|words|advice|attitude|look|looks|eyes|face|manner"
    r"|expression|mind|thoughts|heart|persuasions|reflections|glance|smile|whisper)"
)
_OWNER_AS_SUBJECT = {"his": "he", "her": "she", "my": "I"}
"""The subject a possessive stands for: "his advice" is his, "cried his wife" his wife's."""
_KIN = kept_regex.compile(rf"(his|her) ({word_alternation(KIN_WORDS)})")
_OWNED_WORDS = kept_regex.compile(
    rf"(?P<who>{NAME})(?:’s|'s)\s+(?:\w+\s+)?(?:answer|reply|voice|words|question|response|remark|exclamation)\b"
)
# Whose words a noun before the quotation names: "Hale’s claim that …", "his recent warning
# that …", "the mayor’s catch phrase was". Not "their": a group's words have no one speaker.
_SAID_NOUN = rf"(?:{word_alternation(SAID_NOUNS)})s?\b"
_ANY_SAID_NOUN = kept_regex.compile(rf"\b{_SAID_NOUN}")
_SAID_NOUN_LAST = kept_regex.compile(rf"\b{_SAID_NOUN}$", re.I)
_OWNED_SAYING = kept_regex.compile(
    rf"(?<![\w’'])(?:(?P<who>{NAME})(?:’s|'s|(?<=s)’|(?<=s)')|(?P<pronoun>[Hh]is|[Hh]er))\s+"
    rf"(?:[\w\-]+,?\s+){{0,3}}?(?P<noun>{_SAID_NOUN})"
)
# "“…” was his first remark", "“…” came Ida's reply": the words, and whose they are.
_WAS_THE_REPLY = kept_regex.compile(
    rf"[\s,—–-]*(?:was|came)\s+(?:(?P<who>{NAME})(?:’s|'s)|(?P<pronoun>[Hh]is|[Hh]er))\s+(?:\w+\s+)?"
    r"(?:remark|reply|answer|comment|response|question|greeting|salutation|retort|rejoinder|observation"
    r"|exclamation|inquiry|enquiry|words)\b"
)
_OWNED_REACH = 150
"""How far before the quotation its owner's noun may be."""
_TRANSCRIPT_LABEL = kept_regex.compile(r"[\"“'‘«]\s*(?P<who>[A-Z][A-Z.’'\- ]{1,30}[A-Z]):\s")
_CONTENT_CLAUSE = kept_regex.compile(CONTENT_CLAUSE)
# A sentence's opening phrase, up to its comma: "In a statement posted Friday, ", "Following the vote, ".
_INTRODUCTORY = kept_regex.compile(
    r"\s*(?:In|At|On|During|After|Before|Following|With|From|Under|Over|By|Despite|Since|Through|Amid|Ahead of"
    # A clause that is not the main one: "Asked what he believed, she said …", "When pressed, …".
    r"|[Aa]sked|[Pp]ressed|[Qq]uestioned|Although|Though|While|Whereas|Because|If|Once|Unless|When)"
    r"\b[^,“”\"]{0,120},"
)
_SIGNED = kept_regex.compile(rf"^\s*[―—]\s*(?P<who>{NAME})")
# A quotation's paragraph, then a short one that signs it: "- Ida Hale." or "— Hale, tweeting
# after the vote." A dash, a name, and nothing or a comma and a few words after it.
_SIGNED_BELOW = kept_regex.compile(rf"[ \t]*[-–—―][ \t]*(?P<who>{NAME})[ \t]*(?:[.,;:]|$)")
_SIGNATURE_LENGTH = 80
_SPEECH_NOUNS = kept_regex.compile(
    r"\b(?:letter|statement|e-?mail|post|interview|speech|memo|tweet|message|note|told|wrote|said)\b"
)


# A participle and what it governs: "said Tomas| patting her hand", "cried the boy| shaking
# his fist", "the girl| turning very pale" (not "ranking Democrat …", "the shrinking child").
_PARTICIPLE_PHRASE = (
    r"[a-z]\w*ing\s+(?:his|her|their|its|my|the|a|an|him|them|it"
    r"|back|up|down|out|away|off|round|forward|very|to|at|from|over)"
)
_PARTICIPLE = kept_regex.compile(rf"\s+(?={_PARTICIPLE_PHRASE}\b)")
_TAGGED = kept_regex.compile(r"\s*\([^()]{1,20}\)$")
# An object pronoun and a preposition: the one acted on, not a possessive's noun phrase.
_OBJECT_PRONOUN = kept_regex.compile(
    r"(?:her|him|them|me|us)\s+(?:of|by|to|for|with|as|at|in|on|from|about|into)\b", re.I
)
# A name that opens a speaker phrase, followed by words that say when or how, not who:
# "said Mr Hale one morning", "said Sir Tobias coolly" (but "said Brennan campaign chairman …").
_LEADING_NAME = kept_regex.compile(
    rf"{NAME}(?=[ \t\n]+(?:\w+ly|{_PARTICIPLE_PHRASE}|[a-z]\w*ing(?=\s*(?:[,.;:!?—–]|$))"
    rf"|one|this|that|the|a|an|at|on|in|to|with|as|after|before|when|while|and|but|{word_alternation(ADVERBS_IN_S)})\b)"
)


def _names_a_thing(left: str, verb: int) -> bool:
    """ "a short film called", "a group named": the word before the verb is a thing's noun,
    not a speaker ("what the mayor called “…”", "a clip that Mosman called “…”")."""
    before = left[:verb].split()[-1:]
    word = before[0].lower() if before else ""
    return (
        word.isalpha()
        and before[0].islower()
        and word not in PRONOUNS
        and word not in SPEAKER_NOUNS
        and word not in PEOPLE_WORDS
        and word not in KIN_WORDS
    )


INTRODUCED = "introduced"
"""The cue the ranker reads for a quotation introduced by the sentence before it (`Sieves.introduced`):
weighed as its sieve, not as its verb. The quotation shows the verb (`Sieves.introducing_word`)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A mention that may have spoken a quotation, proposed by one sieve."""

    mention: Mention
    cue: str
    loose: bool = False
    """Only the sentence's subject, not a reporting verb, ties the quotation to it."""
    sieve: str = ""
    speaker: str | None = None
    """Set when the speaker is already known: a turn inherited from an earlier quotation."""


_NAME_AT = kept_regex.compile(NAME)

# Words that open sentences and never are their subject ("Nor", "In", "The"); but "Some",
# "Both", "Those", "He" may be.
_MAY_BE_SUBJECTS = frozenset(
    """some both one those these this that what who someone somebody everyone everybody nobody nothing
    each every all many much his her their our my its either neither you we""".split()
)
# Words a noun phrase never ends with: one that does was cut before its noun.
_UNFINISHED = POSSESSIVES | frozenset("the a an this that of and or".split())
_NEVER_A_SUBJECT = SENTENCE_STARTERS - PRONOUNS.keys() - _MAY_BE_SUBJECTS
_BEFORE_A_PARTICIPLE = kept_regex.compile(r"\s+(?:without|while|after|before|by|on|in|when)$")


def _described(described: re.Match[str] | None) -> Mention | None:
    """The description `_DESCRIPTION_THEN_WHO` found, if it is one of people, two joined by "and"
    as one: "the veteran pilot and union organiser"."""
    if described is None or classify(described["who"].replace(" and ", " "), loose=True) != "group":
        return None
    return Mention(described.start("who"), described.end("who"), described["who"], "group")


# A noun phrase and the participle after it that says where it comes from: "a briefing note
# circulated to councillors", "documents seen by the Gazette", "a letter signed by 40 traders".
_MODIFIED_BY_A_PARTICIPLE = kept_regex.compile(
    rf"(?P<head>(?:{word_alternation(capitalised(DETERMINERS) | DETERMINERS)})\s+(?:[\w\-’']+\s+){{0,3}}?[\w\-]+)"
    r"\s+(?:[a-z]+ed|seen|sent|written|shown|given|made|read|held|drawn|taken|put|run|kept|issued)"
    r"\s+(?:to|by|at|in|on|from|for|with|among|between|last|this|earlier)\b"
)


def _before_a_participle(phrase: str) -> str:
    """The phrase without the word that led into a participle: "the captain without" (looking
    at …) is the captain."""
    led = _BEFORE_A_PARTICIPLE.search(phrase)
    return phrase[: led.start()] if led is not None and len(phrase[: led.start()].split()) >= 2 else phrase


# A participle that ends a description, its object after it: "cried the sailors turning to …".
_TRAILING_PARTICIPLE = kept_regex.compile(r"\s+[a-z]\w*ing$")
_PARTICIPLE_OBJECT = kept_regex.compile(
    r"\s+(?:to|at|round|towards?|back|away|up|down|out|his|her|their|the|a|an|him|them|it|me|us)\b"
)
# After a description, how or when it spoke, not who: "said her mother resentfully",
# "said the General now", "cried the Grandmother at last", "said the old man one morning".
_TRAILING_TIME = kept_regex.compile(
    rf"(?<=\w)\s+(?:(?:one|that|this|next|the\s+next|each|every|some|on\s+\w+|in\s+the|at)\s+"
    rf"(?:{word_alternation(TIME_WORDS)})|(?:(?:on|last|this|next|that|early|late)\s+)?"
    rf"{word_alternation(capitalised(WEEKDAYS))})\W*$"
)
_TRAILING_ADVERB = kept_regex.compile(
    r"(?:\s+(?:[\w-]+ly|aloud|now|again|then|so|too|still|himself|herself|themselves|at\s+last|at\s+once"
    r"|at\s+length|once\s+more))+$"
)


def _without_full_stop(phrase: str) -> str:
    """ "said Ada. “Sit down.”": the name, not the stop that ends its sentence (but "Tom
    Hale Jr.", "W." keep theirs)."""
    kept = phrase.rstrip()
    if not kept.endswith("."):
        return kept
    last = kept[:-1].split()[-1:]
    word = last[0].lower() if last else ""
    if (len(word) <= 1 and word != "i") or word in ABBREVIATIONS or word in SOMETIMES_FINAL:
        return kept  # "W.", "Jr.", but not "said I."
    return kept[:-1]


_SPACE = kept_regex.compile(r"\s+")
_MOST_VERBS = 6
"""The reporting verbs before a quotation that `Sieves.before` tries, first to last (or last
to first), for a subject. In the training articles and novels a sentence has at most five
before a quotation, and the speaker's is never past the third; a line of hundreds ("“Yes,”
said “No,” said …") would cost each quotation all of them."""
REACH = 1500
"""How far from a quotation its sentence is read for who said it. The longest sentence
around a quotation in the training articles and novels reaches 1,128 characters before it
and 800 after."""


_INTRODUCED_WINDOW = 1500
"""How far before "said the stout man" its "a stout man" is looked for (`introduced_unnamed`)."""
_FEW_PLACES = 64
"""Where a title is written more often, a phrase that opens with it is searched for in the whole text."""
_NEWCOMER_WINDOW = 1000
"""How far before a "he" its "A stout man" is looked for (`_newcomer`)."""


_NAMED_BY_RANK = frozenset(TITLES) | KIN_WORDS
"""What a story may call someone as if it were a name: "said Grandmother", and then "said the
Grandmother", the same person. With the fold weights of the cross-validation, the training
novels 11510 → 11516 of 13646, no novel lower; taking any capitalised word so (a nationality,
a faith) gained more there but split a named person into two."""


class Sieves:
    """The attribution sieves over one document, and what they share: where the blocks,
    sentences and quotations are, and the cast."""

    def __init__(
        self,
        document: Document,
        blocks: list[Block],
        sentences: list[Sentence],
        cast: Cast,
        quoted: list[MarkedSpan] | None = None,
    ) -> None:
        self.text = document.text
        self._found: dict[str, bool] = {}
        self._speakers_in: dict[str, tuple[int, str, MentionKind] | None] = {}
        self._word_places: dict[str, list[int]] = {}
        self.quoted_starts = [q.start for q in quoted or []]
        self.quoted_ends = [q.end for q in quoted or []]
        self._quoted_end_set = set(self.quoted_ends)
        self.blocks = blocks
        self.block_starts = [b.start for b in blocks]
        self.sentences = sentences
        self.sentence_starts = [s.start for s in self.sentences]
        self._sentence_at: dict[int, Span] = {}
        self._block_at: dict[int, Block] = {}
        """`sentence_of` and `block_of` each offset asked about: the sieves ask of each several times."""
        self.people = cast
        self._verbs: dict[tuple[int, int], list[re.Match[str]]] = {}
        self._either_way: tuple[tuple[int, int], Candidate | None] = ((-1, -1), None)
        """`before` of the last quotation and floor asked about, where the main clause's verb
        and the nearest verb are the same one (or there is none): the two sieves agree."""
        self._subject: tuple[int, Candidate | None] = (-1, None)
        self._before: tuple[int, Span | None] = (-1, None)
        """`_sentence_before` of the last quotation asked about: two sieves ask for each."""
        self._named_around: tuple[int, set[str]] = (-1, set())
        """`named_around` of the last paragraph asked about."""
        self._introduced: dict[int, bool] = {}
        """`introduced_unnamed` of the descriptions asked about, by where they are."""

    def in_quotation(self, offset: int) -> bool:
        index = bisect_right(self.quoted_starts, offset) - 1
        return index >= 0 and offset < self.quoted_ends[index]

    def block_of(self, offset: int) -> Block:
        found = self._block_at.get(offset)
        if found is None:
            found = self._block_at[offset] = self.blocks[max(0, bisect_right(self.block_starts, offset) - 1)]
        return found

    def named_around(self, block: Block) -> set[str]:
        """The people named in a paragraph outside its quotations: those around each of its
        quotations. The same for all of them, so worked out once for the paragraph (one of
        thousands of quotations is not read once for each)."""
        if self._named_around[0] != block.start:
            named = {
                name
                for offset, name in self.people.named_between(block.start, block.end)
                if not self.in_quotation(offset)
            }
            self._named_around = (block.start, named)
        return self._named_around[1]

    def sentence_of(self, offset: int) -> Span:
        """The sentence around `offset`, as far as `REACH` either side of it: a "sentence" of
        thousands of quotations with no stop (a minified data file, a list of quoted words)
        is seen through a window, so each quotation in it costs what one in prose does."""
        found = self._sentence_at.get(offset)
        if found is None:
            found = self._sentence_at[offset] = self._sentence_around(offset)
        return found

    def _sentence_around(self, offset: int) -> Span:
        index = max(0, bisect_right(self.sentence_starts, offset) - 1)
        sentence = self.sentences[index] if self.sentences else Span(0, len(self.text))
        if offset - sentence.start <= REACH and sentence.end - offset <= REACH:
            return sentence
        start, end = max(sentence.start, offset - REACH), min(sentence.end, offset + REACH)
        if start > sentence.start:
            # From a word's start, as a sentence starts: not from the middle of one.
            space = _SPACE.search(self.text, start, offset)
            start = space.end() if space is not None else offset
        return Span(start, end)

    def _trim(self, said_by: str) -> tuple[int, str, MentionKind | None]:
        offset, phrase, kind = trim_mention(said_by, loose=True)
        conjunction = _CONJUNCTION.match(phrase) if kind == "group" else None
        if conjunction is not None:
            offset, phrase = offset + conjunction.end(), phrase[conjunction.end() :]  # "And critics": critics
        if kind == "group" and _OBJECT_PRONOUN.match(phrase):
            return offset, phrase, None  # "accused her of making …", "referred to her by a nickname"
        if kind is None and phrase in self.people.full:
            kind = "person"  # "Kelly said": a name the article gives in full, not an adverb
        elif kind == "person" and self.people.opens_only(phrase):
            kind = None  # "Again he hesitated", "Having said so": capitalised only to open
        return offset, phrase, kind

    def _antecedent(self, relative: re.Match[str]) -> Mention | None:
        """Who a relative clause's "who" stands for: the phrase before it (`_mention`), or, when
        that is the place a name is of, the name: "Sen. Ida Holm of Marrow, who …" is Ida Holm.
        The mention's offsets are in the string matched."""
        named = self._mention(relative)
        if named is None or named.kind != "person":
            return named
        text, at = relative.string, relative.start("who")
        of = _NAME_OF.search(text, max(0, at - 80), at)
        if of is None or len(of.group("name").split()) < 2:
            return named  # not "the League of Harbour Traders, which …"
        return Mention(of.start("name"), of.end("name"), of.group("name"), "person")

    def _mention(self, match: re.Match[str], group: str = "who") -> Mention | None:
        apposition: str = match.groupdict().get("apposition") or ""
        # (Without a party's or a place's tag after the name: "Sen. Ida Holm (D-Marrow)".)
        name = _TAGGED.sub("", apposition.strip())
        if name and _NAME_AT.fullmatch(name):
            # "The minister, Ola Berg, said": the name in apposition is the speaker.
            start = match.start("apposition") + (len(apposition) - len(apposition.lstrip()))
            return Mention(start, start + len(name), name, "person")
        found = self._speaker_in(match.group(group))
        if found is None:
            return None
        offset, phrase, kind = found
        turning = _TRAILING_PARTICIPLE.search(phrase) if kind == "group" else None
        if turning is not None and len(phrase[: turning.start()].split()) >= 2:
            after = match.start(group) + offset + len(phrase)
            if _PARTICIPLE_OBJECT.match(match.string, after):
                # "cried the sailors turning to …": the sailors (not "the closed-door meeting,")
                phrase = _before_a_participle(phrase[: turning.start()])
        if kind == "group" and phrase.split()[-1].lower() in _UNFINISHED:
            return None  # "the rights of the", "a collection of his", "The": a phrase cut before its noun
        if kind == "person" and phrase.endswith(("’s", "'s")) and len(phrase) > 2:
            phrase = phrase[:-2]  # "Mrs. Holm's eyes sparkled. “…”": she, not "Mrs. Holm's"
        start = match.start(group) + offset
        close_to = None
        if kind == "group" and phrase.split(None, 1)[0].lower() in _UNNAMED:  # (not "the boy close to tears")
            relation = _CLOSE_TO_SOURCE.search(phrase) is not None
            close_to = (_CLOSE_TO_WHAT if relation else _CLOSE_AND_WHAT).match(match.string, start + len(phrase))
        if close_to is not None:
            # "said a source close to the harbour board": the phrase goes on past "to", where a
            # speaker's phrase otherwise ends.
            phrase += close_to.group()
        source = _source_close_to(match.string, start, start + len(phrase), match.start(group))
        return source or Mention(start, start + len(phrase), phrase, kind)

    def _speaker_in(self, said_by: str) -> tuple[int, str, MentionKind] | None:
        """Who speaks of `said_by`, the words a pattern found beside a verb of saying: where
        they start in it, their words and their kind; None where nobody does. Worked out once
        per phrase: a novel writes "said Tomas" hundreds of times."""
        if said_by not in self._speakers_in:
            self._speakers_in[said_by] = self._find_speaker_in(said_by)
        return self._speakers_in[said_by]

    def _find_speaker_in(self, said_by: str) -> tuple[int, str, MentionKind] | None:
        if _CONTENT_CLAUSE.match(said_by):
            return None  # "…,” adding that its value quadrupled: what was said, not who said it
        lead = _LEADING_NAME.match(said_by)
        if lead is not None and lead.end() < len(said_by.rstrip()):
            said_by = lead.group()  # "said Mr Hale one morning": the name, not what follows it
        elif _last_word(said_by) in TIME_WORDS:
            said_by = _TRAILING_TIME.sub("", said_by)  # "said the old man one morning", "Lund on Thursday"
        offset, phrase, kind = self._trim(said_by)
        modified = _MODIFIED_BY_A_PARTICIPLE.match(said_by) if offset and kind is not None else None
        noun = self._trim(modified.group("head")) if modified is not None else None
        if noun is not None and noun[0] == 0:
            # "according to a briefing note circulated to councillors": the note, not "circulated
            # to councillors", which is what the search for a speaker kept of the phrase.
            offset, phrase, kind = noun
        if kind is None:
            return None
        participle = _PARTICIPLE.search(phrase) if kind == "group" else None
        if participle is not None:
            head = phrase[: participle.start()].split()
            if len(head) >= 2 and head[-1].lower() not in DETERMINERS:
                phrase = _before_a_participle(phrase[: participle.start()])  # "cried the boy shaking his fist"
        phrase = _without_full_stop(phrase).rstrip("-—–")  # "said I-“…”": a dash written as a hyphen
        owned = _OWNED_NAME.fullmatch(phrase) if kind == "group" else None
        if owned is not None:
            # "The Gullwick Gazette’s Tomas Wilk said": the name after whose he is.
            offset += owned.start("name")
            phrase, kind = owned.group("name"), "person"
        adverb = _TRAILING_ADVERB.search(phrase)
        if adverb is not None and kind == "group" and phrase[: adverb.start()].split()[-1].lower() not in _UNFINISHED:
            # "said her mother resentfully", "said the General now" (not "the rally": a noun in "-ly")
            phrase = phrase[: adverb.start()]
        return offset, phrase, kind

    def after(self, span: MarkedSpan, limit: int) -> Candidate | None:
        window = self.text[span.end : min(limit, span.end + 120)]
        signed = _SIGNED.match(window)
        if signed is not None:
            # “…” ― Ida Hale: a reader's comment, signed.
            start = span.end + signed.start("who")
            return Candidate(Mention(start, start + len(signed.group("who")), signed.group("who"), "person"), "―")
        if not window.strip():
            return self._signed_below(span)
        inner = self.text[span.start : span.end].rstrip("\"'”’»")
        following = window.lstrip(" ,—–-")
        # A quotation that ends its sentence and its line ("…must stay.”⏎He said …") is
        # followed by a new sentence, whatever its mark.
        line_ends = following[:1] == "\n" and inner[-1:] in ".?!"
        if line_ends:
            following = following.lstrip()
        if (inner.endswith(".") or line_ends) and following[:1].isupper():
            # The quotation ended its sentence; what follows is a new one, unless that
            # sentence is only its attribution ("“… missing.” Hale said.").
            bare = _BARE_ATTRIBUTION.match(following)
            if bare is None or bare.group("who").split()[0].lower() in _NEVER_A_SUBJECT:
                return None  # (not "“…” But Holm went on.": a sentence of the story, not an attribution)
            start = span.end + (len(window) - len(following)) + bare.start("who")
            who = bare.group("who")
            kind: MentionKind = "pronoun" if who.lower() in PRONOUNS else "person"
            if kind == "person" and self.people.opens_only(who):
                return None  # "“…” This was the letter": a common word, not a name
            return Candidate(Mention(start, start + len(who), who, kind), bare.group("verb"))
        if inner[-1:].isalnum() and window.lstrip(" ")[:1] not in (",", "—", "–"):
            # A fragment inside a sentence ("a “disgrace” after she …"), not an utterance, unless
            # only a bare attribution follows, the comma left out: "“… in the long run” Hale said."
            bare = _BARE_ATTRIBUTION_GOES_ON.match(window, len(window) - len(window.lstrip(" ")))
            if bare is None:
                # "“… a cloak of anonymity” said Ida Hale, a spokeswoman.": the verb first, then
                # the speaker, and the attribution ends there.
                inverted = _AFTER_INVERTED.match(window)
                mention = self._mention(inverted) if inverted is not None else None
                if inverted is None or mention is None or not _ENDS_HERE.match(window, inverted.end()):
                    return None
                return Candidate(mention.moved(span.end), inverted.group("verb"))
            if self.people.opens_only(bare.group("who")):
                return None
            start = span.end + bare.start("who")
            return Candidate(
                Mention(start, start + len(bare.group("who")), bare.group("who"), "person"), bare.group("verb")
            )
        reply = _WAS_THE_REPLY.match(window)
        if reply is not None:
            # "“Is the lamp lit?” was his first remark", "… was Ida's answer": whose the words are.
            return Candidate(_owner(reply).moved(span.end), "was")
        # (Each pattern holds a verb of saying, and most windows that come this far have none:
        # looked for first, as the patterns' matches are slow.)
        for pattern in (_AFTER_INVERTED, _AFTER_NORMAL) if _A_REPORTING_VERB.search(window) else ():
            match = pattern.match(window)
            if match and _a_clause_of_its_own(match, pattern is _AFTER_INVERTED):
                return None
            if match:
                mention = self._mention(match)
                if mention is not None:
                    return Candidate(mention.moved(span.end), match.group("verb"))
        plural = _AFTER_PLURAL.match(window) if _A_PLURAL_VERB.search(window) else None
        if (
            plural is not None
            and _after_a_plural_subject(window, plural.start("verb"))
            and not _NEW_CLAUSE.match(plural.group("who").lstrip(" ,—–-"))  # "…,” and I agree.
        ):
            mention = self._mention(plural)
            if mention is not None:
                return Candidate(mention.moved(span.end), plural.group("verb"))
        return None

    def after_any_verb(self, span: MarkedSpan, limit: int) -> Candidate | None:
        """ "“…,” Hale barked.": after a quotation whose sentence goes on, its subject and verb,
        whatever the verb (the lexicon's verbs are `after`'s)."""
        inner = self.text[span.start : span.end].rstrip("\"'”’»")
        if inner[-1:] not in (",", "?", "!") or looks_like_a_title(inner.strip("\"'“‘« ,.?!"), 1, 9):
            return None  # (not “Lights Of The Marrow,” a harbour series: a work's name)
        window = self.text[span.end : min(limit, span.end + 160)]
        match = _AFTER_ANY_VERB.match(window) or _AFTER_ANY_VERB_INVERTED.match(window)
        if match is None or _VERB_RE.fullmatch(match.group("verb")):
            return None
        mention = self._mention(match)
        if mention is None:
            return None
        return Candidate(mention.moved(span.end), match.group("verb"))

    def by_agent(self, span: MarkedSpan, floor: int) -> Candidate | None:
        """ "The plan has been called “a gamble” by Ida Hale": the agent of a passive verb of
        naming, after the quotation."""
        if not _NAMED_BEFORE.search(self.text, max(floor, span.start - 40), span.start):
            return None
        match = _BY_AGENT.match(self.text[span.end : span.end + 120])
        mention = self._mention(match) if match is not None else None
        if mention is None:
            return None
        return Candidate(mention.moved(span.end), "by")

    def owned_saying(self, span: MarkedSpan, floor: int) -> Candidate | None:
        """The owner of a noun for what was said, before the quotation in its sentence:
        "Hale’s claim that the pier “was never safe”", "his warning that it would “…”". The
        mention is the owner ("Hale", or "his", read as "he")."""
        start = max(floor, span.start - _OWNED_REACH)
        if _ANY_SAID_NOUN.search(self.text, start, span.start) is None:
            return None  # most sentences name no saying: no search for its owner
        found = None
        for match in _OWNED_SAYING.finditer(self.text, start, span.start):
            if not self.in_quotation(match.start()):
                found = match
        if found is None:
            return None
        return Candidate(_owner(found), found.group("noun"))

    def relative_subject(self, span: MarkedSpan, floor: int) -> Candidate | None:
        """The last relative clause before the quotation in its sentence, whose subject is the
        relative pronoun: "Reyes, who has long called the pier a “ruin”". The mention is "who";
        it stands for the phrase before it."""
        left = self.text[floor : span.start]
        if "who" not in left and "which" not in left:
            return None  # most sentences have no relative clause: no search of them
        found = None
        for match in _RELATIVE_SUBJECT.finditer(self.text, floor, span.start):
            if not self.in_quotation(match.start("relative")):
                found = match
        if found is None or (named := self._antecedent(found)) is None:
            return None
        start, end = found.span("relative")
        return Candidate(Mention(start, end, named.text, named.kind), found.group("verb"), loose=True)

    def _signed_below(self, span: MarkedSpan) -> Candidate | None:
        """A quotation that is its whole paragraph, signed by the next one: “…”⏎⏎- Ida Hale.
        (Not "… called him “a friend.”⏎⏎- Harbour Wire.": a credit for the whole article.)"""
        index = bisect_right(self.block_starts, span.end - 1)
        block = self.blocks[index - 1] if index else None
        if block is None or index >= len(self.blocks):
            return None
        if self.text[block.start : span.start].strip() or self.text[span.end : block.end].strip():
            return None
        below = self.blocks[index]
        if below.end - below.start > _SIGNATURE_LENGTH:
            return None
        signed = _SIGNED_BELOW.match(self.text, below.start, below.end)
        if signed is None or self.people.opens_only(signed.group("who")):
            return None
        return Candidate(Mention(signed.start("who"), signed.end("who"), signed.group("who"), "person"), "―")

    def labelled(self, span: MarkedSpan) -> Candidate | None:
        """A transcript quoted whole: “BERG: Well, look, …” — the label names the speaker."""
        match = _TRANSCRIPT_LABEL.match(self.text, span.start, span.end)
        if match is None:
            return None
        who = match.group("who")
        return Candidate(Mention(match.start("who"), match.end("who"), who, "person"), ":")

    def put_it(self, span: MarkedSpan) -> Candidate | None:
        """ "…, as the Gazette put it, “the caretaker.”" anywhere in the quotation's sentence."""
        sentence = self.sentence_of(span.start)
        match = _PUT_IT.search(self.text, sentence.start, max(sentence.end, span.end))
        if match is not None and span.start <= match.start() < span.end:
            # "maybe he’s not as rich as he says he is": inside the quotation, it is quoted
            match = _PUT_IT.search(self.text, span.end, max(sentence.end, span.end))
        if match is None:
            return None
        mention = self._mention(match)
        return None if mention is None else Candidate(mention, match.group("verb"))

    def clause_final(self, span: MarkedSpan) -> Candidate | None:
        """The attribution that closes the quotation's sentence, past any later quotation in it:
        "… carry “twice the freight” and bring the “jobs the town needs,” Tomas Wilk said."."""
        sentence = self.sentence_of(span.end - 1)
        end = sentence.end
        if end <= span.end:
            return None
        return self._closing_attribution(span.end, end)

    def clause_before_quotation(self, span: MarkedSpan) -> Candidate | None:
        """The attribution that closes the quotation's clause where the sentence goes on to
        another quotation: "The mayor’s “excesses” are troubling, Wilk said, noting that the
        council “cannot wait.”" gives the first to Wilk."""
        sentence = self.sentence_of(span.end - 1)
        index = bisect_right(self.quoted_starts, span.end - 1)
        if index >= len(self.quoted_starts):
            return None
        following = self.quoted_starts[index]
        if not span.end < following < sentence.end:
            return None
        return self._closing_attribution(span.end, following)

    def _closing_attribution(self, start: int, end: int) -> Candidate | None:
        """The attribution that closes the text in [start, end): "…, Wilk said." or "…, said Wilk."."""
        window = self.text[start:end]
        comma = window.find(",")
        if comma < 0 or _A_REPORTING_VERB.search(window, comma) is None:
            return None  # (a comma, then a verb of saying: looked for first, as the pattern's search is slow)
        match = _CLAUSE_FINAL.search(window)
        if match is None:
            return None
        group = "who1" if match.group("who1") else "who2"
        if _CONTENT_CLAUSE.match(match.group(group)) or (group == "who1" and match.group("verb1").endswith("ing")):
            return None  # (", noting the council": a participle and its object, not "said Wilk")
        offset, phrase, kind = self._trim(match.group(group))
        if kind is None:
            return None
        begin = start + match.start(group) + offset
        verb = match.group("verb1") or match.group("verb2")
        return Candidate(Mention(begin, begin + len(phrase), phrase, kind), verb)

    def _verbs_before(self, left: str, floor: int, end: int) -> list[re.Match[str]]:
        """The reporting verbs in `left` that may attribute what follows: the first and the
        last `_MOST_VERBS` of them, which are all `before` tries (worked out once for the
        main-clause and the nearest-verb sieve)."""
        key = (floor, end)
        cached = self._verbs.get(key)
        if cached is not None:
            return cached
        opener = _INTRODUCTORY.match(left)
        found = list(_VERB_RE.finditer(left))
        plural = [v for v in _PLURAL_VERB_RE.finditer(left) if _after_a_plural_subject(left, v.start())]
        if plural:
            found = sorted(found + plural, key=lambda v: v.start())

        def attributes(v: re.Match[str]) -> bool:
            return (
                # Not passive ("was called"): the auxiliary is right before it, so only that is read.
                (v.group().endswith("ing") or not _PASSIVE.search(left, max(0, v.start() - 40), v.start()))
                # "a short film called “Perception”": a name given, not words said
                and not (v.group() in _NAMING and not left[v.end() :].strip() and _names_a_thing(left, v.start()))
                # "In a message posted Friday, Anand said …": not the opener's verb
                and (opener is None or v.start() >= opener.end())
            )

        verbs = list(islice(filter(attributes, found), _MOST_VERBS))
        if len(verbs) == _MOST_VERBS:
            last = list(islice(filter(attributes, reversed(found)), _MOST_VERBS))
            verbs += [v for v in reversed(last) if v.start() > verbs[-1].start()]
        self._verbs = {key: verbs}
        return verbs

    def _clause_subject(self, left: str, floor: int) -> re.Match[str] | None:
        """The subject of the clause `left` (which starts at `floor`) opens; a person's name,
        not the apposition after it ("Tomas Berg, the former mayor, …")."""
        subject = _CLAUSE_SUBJECT.match(left)
        if subject is not None and (
            left[subject.end("who") : subject.end("who") + 2] in ("’s", "'s")
            or subject["who"].endswith(("’s", "'s"))
            or _POSSESSIVE_INSIDE.search(subject["who"])
        ):
            fuller = _CLAUSE_SUBJECT_TO_ITS_VERB.match(left)
            # (Not "Berg’s response was: “…”": a noun for what was said, whose owner speaks.)
            if (
                fuller is not None
                and fuller.start("who") == subject.start("who")
                and not _SAID_NOUN_LAST.search(fuller["who"])
            ):
                subject = fuller
        if subject is None or not subject.start("who"):
            return subject
        apposed = _APPOSED_NAME.match(left)
        if apposed is None or apposed.start("apposition") != subject.start("who"):
            return subject
        # A full name, or one the cast knows: not an opening word that looks like one ("Likewise, a paper …").
        if len(apposed.group("who").split()) > 1:
            return apposed
        named = self.people.named_between(floor + apposed.start("who"), floor + apposed.end("who"))
        return apposed if named else subject

    def _headline_says(self, span: MarkedSpan, floor: int, left: str) -> Candidate | None:
        """A headline in Title Case, whose verb is capitalised too: "Wilk Says Harbour Deal Is
        “Dead In The Water”" (as the document's title or as a line of its own)."""
        if not left[:1].isupper():
            return None
        block = self.block_of(span.start)
        if block.kind != "heading" and (
            block.end - block.start > _HEADLINE_LENGTH
            or not looks_like_a_title(_QUOTED.sub(" ", self.text[block.start : block.end]), 2, 30)
        ):
            return None
        said = _HEADLINE_SAYS.match(left)
        if said is None:
            return None
        offset, who, kind = trim_mention(said.group("who"))
        if kind is None:
            return None
        start = floor + said.start("who") + offset
        return Candidate(Mention(start, start + len(who), who, kind), said.group("verb").lower())

    def before(self, span: MarkedSpan, floor: int, nearest: bool = False) -> Candidate | None:
        """The speaker of a reporting verb before the quotation, in its sentence: the main
        clause's verb first ("He said the company had “…”"), or with `nearest` the verb
        closest to the quotation ("a woman asked for a photo and Brennan said, “…”")."""
        key = (span.start, floor)
        if self._either_way[0] == key:
            return self._either_way[1]  # (asked by the other sieve, with one verb or none to try)
        found, either_way = self._before_quotation(span, floor, nearest)
        if either_way:
            self._either_way = (key, found)
        return found

    def _before_quotation(self, span: MarkedSpan, floor: int, nearest: bool) -> tuple[Candidate | None, bool]:
        """`before`'s candidate, and whether `nearest` made no difference to it: it was found
        before the verbs were tried, or there was one verb or none to try."""
        left = self.text[floor : span.start]
        headline = self._headline_says(span, floor, left)
        if headline is not None:
            return headline, True
        according = None
        if "ccording to" in left:  # (most sentences cite nobody: a literal look first)
            for according in _ACCORDING.finditer(left):  # noqa: B007 - the last one is wanted
                pass
        first = _SAID_FIRST.match(left) if left[:12].lstrip()[:1].isupper() else None
        if first is not None and (mention := self._mention(first)) is not None:
            # "Said Ines Varga, who grew up there, “…”": the verb opens the sentence.
            return Candidate(mention.moved(floor), "said"), True
        verbs = self._verbs_before(left, floor, span.start)
        if len(verbs) > 1 and floor in self._quoted_end_set:
            # "“…?” Ida asked, and her mother said: “…”": the verb right after the quotation
            # before is that one's; this one is the later verb's.
            prior = _prior_attribution(left)
            if prior is not None:
                later = [verb for verb in verbs if verb.start() >= prior.end()]
                # (Not "“…,” said Holm, explaining …": a participle goes on from that attribution.)
                if later and not later[0].group().endswith("ing"):
                    verbs = later
        either_way = len(verbs) <= 1  # the main clause's verb is the nearest
        opener = _INTRODUCTORY.match(left) if verbs else None
        opened = 0 if opener is None else opener.end()
        # Whether "speaking to …" may sit between a subject and its verb: looked at once, not per verb.
        speaking_to = "ing to " in left or "ing for " in left or "ing with " in left or "spoke " in left
        for verb in reversed(verbs[-_MOST_VERBS:]) if nearest else verbs[:_MOST_VERBS]:
            # (Not "The Marrow senator is telling reporters": a verb of its own, with its subject.)
            if verb.group().endswith("ing") and not _PROGRESSIVE.search(left, max(0, verb.start() - 30), verb.start()):
                own = _ING_SUBJECT.search(left, 0, verb.start())
                if own is not None and (mention := self._mention(own)) is not None:
                    # "…, with Wilk tweeting that …": the participle has a subject of its own.
                    return Candidate(mention.moved(floor), verb.group()), either_way
                # "…, Berg said, adding …": the participle goes on with the verb just before it.
                subject = _SAID_THEN.search(left, max(0, verb.start() - 160), verb.start())
                # "…, saying …": the speaker is the subject of the clause, not the word before.
                subject = subject or self._clause_subject(left, floor)
                if subject is not None and subject.end() <= verb.start():
                    mention = self._mention(subject)
                    if mention is not None:
                        return Candidate(mention.moved(floor), verb.group()), either_way
                continue
            relative = _RELATIVE_BEFORE.search(left, 0, verb.start())
            if relative is not None and _CLOSED_BEFORE_A_VERB.match(left, verb.end()):
                # "Berg, who has told aides …, said: “…”": the relative clause closes before
                # the main verb, whose subject is the name before it.
                continue
            if relative is not None and (named := self._antecedent(relative)) is not None:
                start, end = relative.span("relative")
                return Candidate(Mention(start + floor, end + floor, named.text, named.kind), verb.group()), either_way
            # Not inside an opening phrase: "On the gate at the foot of Gannet Head, a sign … reads:"
            # Not the name a participle speaks to: "Another source speaking to the Gazette said".
            subject = (_SPEAKING_TO.search(left, opened, verb.start()) if speaking_to else None) or (
                _SUBJECT_BEFORE.search(left, opened, verb.start())
            )
            governed = _GOVERNED.search(left, max(opened, subject.start() - 8), subject.start()) if subject else None
            if governed is not None and subject is not None and subject.group("who")[:1].islower():
                # "Brennan in a statement said", "Brennan during the debate called": the phrase
                # a preposition governs is where or how, not who; the subject is the name before it.
                name = _NAME_BEFORE_PHRASE.search(left, opened, governed.start())
                if name is not None and not _PLACE_PREPOSITION_BEFORE.search(
                    left, max(0, name.start() - 6), name.start()
                ):
                    subject = name  # (not "at Marrow College [in the 1960s]": a place)
            restricted = _RESTRICTED_SUBJECT.search(left, opened, verb.start()) if " who " in left else None
            if restricted is not None and _CLAUSE_IN_CLAUSE.search(restricted.group("clause")):
                restricted = None
            if restricted is not None and (subject is None or restricted.start() < subject.start()):
                # "Fishers who told pollsters that the mayor was wrong said": not "the mayor"
                subject = restricted
            mention = self._mention(subject) if subject is not None else None
            if subject is not None:
                # "a source close to Holm said", "an aide familiar with Holm’s plans said": the source's.
                at = mention.start if mention is not None else subject.start("who")
                mention = _source_close_to(left, at, subject.end("who")) or mention
            if mention is None and ", wh" in left:
                mention = _described(_DESCRIPTION_THEN_WHO.search(left, opened, verb.start()))
            if mention is not None:
                return Candidate(mention.moved(floor), verb.group()), either_way
            inverted = _INVERTED_MENTION.match(left[verb.end() :])
            if inverted is not None and verb.group().lower() not in NOT_INVERTED:
                mention = self._mention(inverted)
                if mention is not None:
                    offset = floor + verb.end()
                    return Candidate(mention.moved(offset), verb.group()), either_way
        if according is None and _A_SAID_NOUN.search(left):
            for according in _POSSESSED_WORDS.finditer(left):  # noqa: B007 - the last one is wanted
                pass
        label = _COLON_LABEL.search(left) if according is None and left.rstrip().endswith(":") else None
        if label is not None and (mention := self._mention(label)) is not None:
            return Candidate(mention.moved(floor), ":"), either_way
        if according is None and left.rstrip().endswith(":"):
            # "Brennan made the following comment: “…”": the clause's subject speaks.
            subject = self._clause_subject(left, floor)
            mention = self._mention(subject) if subject is not None else None
            if mention is not None:
                return Candidate(mention.moved(floor), ":"), either_way
        if according is not None:
            mention = self._mention(according)
            if mention is not None:
                return Candidate(mention.moved(floor), according.groupdict().get("verb") or "according to"), either_way
        return None, either_way

    def sentence_subject(self, span: MarkedSpan, things: bool = False) -> Candidate | None:
        """A fragment inside a sentence, with no reporting verb near it, is the words of the
        sentence's subject: "In July, Hale dismissed the pier as the “end of the
        line”", "Brennan tells voters to “come to the hall”". With `things`, only a subject
        that is no speaking group ("The ad uses …", but also "The impostor gushed about …")."""
        if self._subject[0] != span.start:
            self._subject = (span.start, self._sentence_subject(span))
        candidate = self._subject[1]
        if candidate is None:
            return None
        thing = candidate.mention.kind == "group" and not _SPEAKING_GROUP.search(candidate.mention.text)
        if thing and not (_VERB_SHAPED_RE.fullmatch(candidate.cue) and _THING.fullmatch(candidate.mention.text)):
            return None  # "The influential" + "delegate …", "He’s predicting": no whole noun phrase
        if thing and looks_like_a_title(self.text[span.start : span.end].strip("\"'“”‘’«» ,."), 1, 9):
            return None  # "an HBO series “Harbour Lights”": a work's name, not a thing's words
        return candidate if thing == things else None

    def _sentence_subject(self, span: MarkedSpan) -> Candidate | None:
        sentence = self.sentence_of(span.start)
        if span.start - sentence.start < 8:
            return None  # the quotation opens its sentence: nothing before it to speak it
        left = self.text[sentence.start : span.start]
        match = _SENTENCE_SUBJECT.match(left)
        if match is not None and not _VERB_SHAPED_RE.fullmatch(match.group("verb")):
            # "The Wilk campaign projects": the word after "The Wilk" is the noun's own,
            # when a longer subject is followed by a word that may be a verb.
            longer = _SHAPED_SUBJECT.match(left)
            if longer is not None and longer.end("who") > match.end("who"):
                match = longer
        if match is None or match.end("who") >= len(left.rstrip()) - 1:
            return None
        passive = _PASSIVE.search(left, 0, match.start("verb")) and match.group("verb").endswith("ed")
        if passive or _PASSIVE_AHEAD.match(left, match.start("verb")):
            return None  # "The plan was called (has been called) “ambitious”": the subject did not say it
        mention = self._mention(match)
        if mention is None or mention.text.lower() in ("it", "this", "that", "they", "its"):
            return None
        if _NOT_A_SUBJECT.fullmatch(mention.text) or mention.text[:1].isdigit():
            return None  # "On September 27 they …", "Democratic claims …", "73 percent said …"
        verb = match.group("verb")
        return Candidate(
            mention.moved(sentence.start),
            verb,
            loose=True,
        )

    def nearest_subject(self, span: MarkedSpan, floor: int) -> Candidate | None:
        """The subject of the last finite verb before the quotation in its sentence, outside
        other quotations: the clause that holds the quotation is usually that subject's."""
        found = None
        for match in _NEAREST_SUBJECT.finditer(self.text, floor, span.start):
            who = match.group("who")
            if (
                self.in_quotation(match.start("who"))
                or (match.group("verb").endswith("ing") and not match.group("aux"))  # "Wilk holding …"
                or who.lower() in ("it", "i", "we")
                # "Nor does …", "Is this …", "In this state …"; "The sailors …" ("sailors" no verb)
                or who.lower() in _NEVER_A_SUBJECT
                or who.endswith("ing")  # "Holding signs, …"
                or _NOT_A_SUBJECT.fullmatch(who)
                or self.people.opens_only(who)  # "This was the letter", "Anxious as she was"
                or who.lower() in OPENING_WORDS  # "Given his …"
                or who.lower() in CLAUSE_OPENERS  # "As reported by …", "That makes her …"
            ):
                continue
            found = match
        if found is None:
            return None
        who = found.group("who")
        kind: MentionKind = "pronoun" if re.fullmatch(PRONOUN, who) else "person"
        return Candidate(Mention(found.start("who"), found.end("who"), who, kind), found.group("verb"), loose=True)

    def beat(self, span: MarkedSpan, block: Block) -> Candidate | None:
        """The subject of the narration right before a quotation in its own paragraph, where the
        quotation opens a sentence: "Tomas turned to Ida. “Where is the oil?”" is Tomas's (an
        action beat), not Ida's. A name only: in the training novels such a name is the speaker
        130 times in 147, a pronoun 91 in 167 (its reading is the pronoun's guess), and a
        description 7 in 66. In-sample on the training novels, 11475 → 11478 of 13646; cross-
        validated (train.py --score, which retrains), PDNC 0.8338 → 0.8354, PolNeAR 0.9245 both."""
        if span.start - block.start <= 2:
            return None
        own = self.sentence_of(span.start)
        if own.start < span.start - 2:
            return None  # the quotation goes on a sentence: that sentence's sieves read it
        previous = self.sentence_of(max(block.start, own.start - 2))
        if previous.start < block.start or previous.start >= own.start or self.in_quotation(previous.start):
            return None
        sentence = self.text[previous.start : own.start]
        if any(mark in sentence for mark in '“”"'):
            return None
        subject = _NAME_THEN_DESCRIPTION.match(sentence) or _OPENING_SUBJECT.match(sentence)
        mention = self._mention(subject) if subject is not None else None
        if mention is None or mention.kind != "person":
            return None
        return Candidate(mention.moved(previous.start), "")

    def according(self, span: MarkedSpan, sentence: Span) -> Candidate | None:
        """ "…,” Wilk said, according to the Gazette.": the source the sentence cites, wherever
        it sits, outside the quotations."""
        # The sentence the quotation ends in, too: "“The pier will be mended. The money is
        # there,” the engineer told the meeting, according to the wire service."
        end = max(sentence.end, self.sentence_of(max(span.start, span.end - 1)).end)
        if _ACCORDING_NEXT.match(self.text, span.end):
            # "“…” according to the watchdog.": the attribution the splitter left to a sentence of its own.
            end = max(end, self.sentence_of(min(len(self.text) - 1, span.end + 1)).end)
        if self.text.find("ccording to ", sentence.start, end) < 0:
            return None  # most sentences cite nobody: a literal look first, not the pattern's scan
        for match in _ACCORDING.finditer(self.text, sentence.start, end):
            if not self.in_quotation(match.start()):
                mention = self._mention(match)
                if mention is not None:
                    return Candidate(mention, "according to")
        return None

    def _sentence_before(self, span: MarkedSpan) -> Span | None:
        """The sentence before the one a quotation opens, in its paragraph, if it quotes nobody
        itself (one that does is a turn of a dialogue, handled as such)."""
        if self._before[0] != span.start:
            self._before = (span.start, self._find_sentence_before(span))
        return self._before[1]

    def _find_sentence_before(self, span: MarkedSpan) -> Span | None:
        sentence = self.sentence_of(span.start)
        if span.start - sentence.start > 2 or sentence.start - self.block_of(span.start).start < 3:
            return None
        previous = self.sentence_of(sentence.start - 1)
        body = self.text[previous.start : previous.end]
        return None if "“" in body or '"' in body else previous

    def _opening_mention(self, pattern: re.Pattern[str], previous: Span) -> Candidate | None:
        """The speaker `pattern` finds opening the sentence `previous`, with its verb as the cue."""
        match = pattern.match(self.text[previous.start : previous.end])
        mention = self._mention(match) if match is not None else None
        if match is None or mention is None:
            return None
        start = previous.start
        return Candidate(mention.moved(start), match.group("verb"))

    def said_before(self, span: MarkedSpan) -> Candidate | None:
        """A quotation that opens a sentence right after "…, Wilk said." in its paragraph."""
        previous = self._sentence_before(span)
        if previous is None:
            return None
        closing = self._closing_attribution(previous.start, previous.end)
        if closing is not None:
            return closing
        # A sentence of only a speaker and a verb: "Ida Hale agreed. “It is time.”"
        return self._opening_mention(_SPEAKER_SENTENCE, previous)

    def reported_before(self, span: MarkedSpan) -> Candidate | None:
        """A quotation that opens a sentence after one, in its paragraph, whose subject reports
        what follows: "Holm added that the school could wait a year. “We have waited ten.”"."""
        previous = self._sentence_before(span)
        return None if previous is None else self._opening_mention(_REPORTING_SUBJECT, previous)

    def introduced(self, span: MarkedSpan) -> Candidate | None:
        """A paragraph that opens with a quotation, introduced by the sentence before it."""
        block = self.block_of(span.start)
        if span.start - block.start > 2 or span.start == 0:
            return None
        previous = self.sentence_of(max(0, block.start - 3))
        sentence = self.text[previous.start : previous.end]
        if self.in_quotation(previous.start) or self.in_quotation(max(previous.start, previous.end - 2)):
            return None  # the paragraph before is a turn of a dialogue, not an introduction
        if self._attributes_the_quotation_before(previous.start) and not sentence.rstrip().endswith(":"):
            # "“Where were you this morning?” I asked suddenly." / "“At the boatyard.”": the
            # sentence tells who asked, not who answers (in-sample on the training novels,
            # 11419 → 11435 of 13646; without the colon's exception, 11436).
            return None
        verb = _VERB_RE.search(sentence)
        if not (sentence.rstrip().endswith(":") or _SPEECH_NOUNS.search(sentence) or verb):
            return None
        # The subject that opens the sentence, else the one before its reporting verb
        # ("Hale, who …, blasted Brennan as a “disgrace”" then “She’s a disgrace.”); a name
        # before its description is that subject ("Ruth Okafor, a retired teacher, set out …").
        subject = _NAME_THEN_DESCRIPTION.match(sentence) or _OPENING_SUBJECT.match(sentence)
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
            # "There was a little hesitation in Dora’s answer."
            owner = _OWNED_WORDS.search(sentence)
            if owner is not None:
                mention = Mention(owner.start("who"), owner.end("who"), owner.group("who"), "person")
        if mention is None and sentence.rstrip().endswith(":"):
            # "In the midst of a talk on the pier Ida Berg burst out:": the last person it names.
            for offset, _shown in reversed(self.people.named_between(previous.start, previous.end)):
                named = _NAME_AT.match(self.text, offset)
                if named is not None and not self.in_quotation(offset):
                    mention = Mention(offset - previous.start, named.end() - previous.start, named.group(), "person")
                    break
        if mention is None:
            return None
        return Candidate(mention.moved(previous.start), INTRODUCED)

    def _attributes_the_quotation_before(self, start: int) -> bool:
        """Whether the sentence at `start` comes right after a quotation (spaces aside), as
        its attribution does: "“…?” I asked suddenly, wondering why …"."""
        while start > 0 and self.text[start - 1] in " \t":
            start -= 1
        return start in self._quoted_end_set

    def introducing_word(self, mention_start: int) -> str | None:
        """The word of the sentence that introduced a quotation (`introduced`), whose speaker
        is named at `mention_start`: its last verb of saying ("… rose, and said:"), else its
        colon, else the word for what was said ("… in a letter read to the meeting"). None
        where it has none of them."""
        sentence = self.sentence_of(mention_start)
        body = self.text[sentence.start : sentence.end]
        said = None
        for said in _VERB_RE.finditer(body):  # noqa: B007 - the last one is wanted
            pass
        if said is not None:
            return said.group()
        if body.rstrip().endswith(":"):
            return ":"
        noun = _SPEECH_NOUNS.search(body)
        return None if noun is None else noun.group()

    def _described_speaker(self, start: int, end: int, wanted: str) -> str | None:
        """The last person a paragraph describes without naming as the subject of a verb of
        saying or of a "who" clause, between `start` and `end`: "One café owner, who asked not
        to be named, said …" is the "she" of the paragraph's quotation, not the last woman named
        before it. None if the description's noun is of the other gender ("the old man")."""
        found = None
        for match in _DESCRIBED_SPEAKER.finditer(self.text, start, end):
            if not self.in_quotation(match.start()):
                found = match
        if found is None:
            return None
        who = " ".join(found.group("who").split())
        head = who.split()[-1].lower()
        gender = KIN_GENDER.get(head) or DESCRIBED_GENDER.get(head)
        return who if gender in (None, wanted) else None

    def _newcomer(self, pronoun: Mention, wanted: str) -> str | None:
        """The man (or woman) the narration brought in unnamed as a sentence's subject a little
        before a "he" (or "she"), with nobody who may be "he" named outside quotations since: "A
        stout man rose from behind the desk. / “…?” he demanded" is the stout man's. In-sample
        on the training novels, 11416 → 11419 of 13646 quotations right (a window of 600 to
        2500 characters; 300 gives 11416)."""
        found = None
        for match in _INTRODUCED_SUBJECT.finditer(self.text, max(0, pronoun.start - _NEWCOMER_WINDOW), pronoun.start):
            at = match.start()
            if (
                _opens_a_sentence(self.text, at)
                and not self.in_quotation(at)
                and DESCRIBED_GENDER.get(match.group("noun").lower()) == wanted
            ):
                found = match
        if found is None:
            return None
        for at, name in self.people.named_between(found.end(), pronoun.start):
            if not self.in_quotation(at) and self.people.gender_of(name) in (None, wanted):
                return None
        return "the " + " ".join(found.group("who").split()[1:]).lower()

    def _described_subject(self, start: int, end: int, wanted: str) -> str | None:
        """The last person of gender `wanted` the narration between `start` and `end` brings in
        by description as a sentence's subject ("The girl who kept the inn came in"), lower-cased
        as a speaker ("the girl")."""
        for match in reversed(list(_DESCRIBED_SUBJECT.finditer(self.text, start, end))):
            if self.in_quotation(match.start()):
                continue
            if DESCRIBED_GENDER.get(match.group("noun").lower()) == wanted:
                return "the " + " ".join(match.group("who").split()[1:]).lower()
        return None

    def _in_text(self, phrase: str) -> bool:
        """Whether the text has `phrase` anywhere: each phrase is looked for once, so a book
        with hundreds of "his wife" speakers is not searched end to end for each; and only
        where its first word is ("Mrs" for "Mrs. Arden", found once for every "Mrs. …")."""
        found = self._found.get(phrase)
        if found is None:
            first = phrase.split(" ", 1)[0] or phrase  # (a prefix of it, where every match starts)
            places = self._places_of(first) if phrase else []
            if len(places) > _FEW_PLACES or not phrase:
                found = phrase in self.text  # (a text of many "Mr"s: one search, as many phrases may be asked)
            else:
                found = any(self.text.startswith(phrase, at) for at in places)
            self._found[phrase] = found
        return found

    def _places_of(self, word: str) -> list[int]:
        """Every offset in the text where `word` is (inside another word too), up to one more
        than `_FEW_PLACES`."""
        places = self._word_places.get(word)
        if places is None:
            places, at = [], self.text.find(word)
            while at >= 0 and len(places) <= _FEW_PLACES:
                places.append(at)
                at = self.text.find(word, at + 1)
            self._word_places[word] = places
        return places

    def _named_before(self, pronoun: Mention, window: int = 2500) -> str | None:
        """The person named before `pronoun` it refers to (`Cast.before`), outside quotations,
        the first of its gender in their sentence."""
        return self.people.before(
            pronoun.start, pronoun.text, window, self.in_quotation, lambda at: self.sentence_of(at).start
        )

    def since_the_last_turn(self, pronoun: Mention) -> str | None:
        """The person of the pronoun's gender the narration names between the last turn of a
        dialogue and the pronoun (`_named_before`), if any."""
        index = bisect_right(self.quoted_ends, pronoun.start) - 1
        if index >= 0 and pronoun.start - self.quoted_ends[index] <= _BESIDE_A_QUOTATION:
            index -= 1  # "“…,” he said": the turn before the one the pronoun attributes
        return self.named_since(pronoun, self.quoted_ends[index] if index >= 0 else 0)

    def named_since(self, pronoun: Mention, start: int) -> str | None:
        """The person of the pronoun's gender the text names between `start` and the pronoun."""
        return self._named_before(pronoun, window=pronoun.start - start)

    def introduced_unnamed(self, mention: Mention) -> bool:
        """Whether "the stout man" is someone the text brought in unnamed a little before ("A
        stout man rose from behind the desk.", "a thin old man in a grey coat"), not a person it
        has named: not "he", then, nor any other man of the story. In-sample on the training
        novels, 11402 → 11416 of 13646 quotations right (leaving out only the other men it might
        mean, 11408); a window of 500 to 3000 characters gives 11411 to 11416. Up to two words
        between the article and the description's own: 11435 → 11444 (three, or a comma, 11432)."""
        words = mention.text.split()
        if len(words) < 2 or words[0].lower() != "the":
            return False
        known = self._introduced.get(mention.start)
        if known is None:
            phrase = r"\s+".join(re.escape(word) for word in words[1:])
            # (Words may stand between: "a thin old man in a grey coat" is "the man".)
            introduced = re.compile(rf"\b{_INDEFINITE}\s+{_MODIFIERS}{phrase}\b")
            found = introduced.search(self.text, max(0, mention.start - _INTRODUCED_WINDOW), mention.start)
            known = self._introduced[mention.start] = found is not None
        return known

    def resolve(self, mention: Mention, recent: list[str], previous_turn: str | None) -> str | None:
        """The speaker a mention names.

        "he"/"she" is first looked for among the people who spoke last (in a dialogue the
        pronoun is usually the other party to the one who just spoke), then among the
        people named before it: of the last sentence that names one known to be of its
        gender, the first so named, mostly the subject ("Mrs. Berg surprised Miss Lund by
        coming down early. “…,” she announced" is Mrs. Berg's; in-sample on the training
        novels 11093 → 11133 against the one named last). A titled name keeps its title: "Mrs. Arden" is not
        "Tom Arden", and "Miss Hale" is not "Ida Hale". In a dialogue, someone the narration
        names after the last turn comes before the turn order ("“…,” she told Tomas, and left.
        Olaf came after her. “Ida,” he called" is Olaf's): in-sample on the training novels 11444 → 11451.
        """
        if mention.kind == "group" and _last_word(mention.text) == "voice":
            voice_of = _VOICE_OF.match(self.text, mention.end)
            if voice_of is not None:
                # "exclaimed the voice of old Mr. Holm": the voice is his.
                offset, who, kind = self._trim(voice_of.group("who"))
                if kind in ("person", "group"):
                    start = voice_of.start("who") + offset
                    return self.resolve(Mention(start, start + len(who), who, kind), recent, previous_turn)
        owned = _OWNERS_WORDS.fullmatch(" ".join(mention.text.split())) if mention.kind == "group" else None
        if owned is not None:
            # "his advice went on", "her mother's voice", "crossed my mind": the owner's words.
            owner = owned.group("owner")
            subject = _OWNER_AS_SUBJECT.get(owner.lower())
            whose = Mention(
                mention.start, mention.start + len(owner), subject or owner, "pronoun" if subject else "group"
            )
            return self.resolve(whose, recent, previous_turn)
        if mention.kind == "group" and mention.text.lower().startswith("the "):
            role = self.people.described(mention.start, mention.text)
            if role is not None:
                return role  # "the mayor" after "Mayor Odile Brennan"
            called = " ".join(mention.text.split()[1:])
            if called.lower() in _NAMED_BY_RANK and called[:1].isupper() and called in self.people.confirmed:
                return self.people.resolve_name(called)  # "said the General": the General the story names
        described = DESCRIBED_GENDER.get(" ".join(mention.text.lower().split()[-1:]))
        if mention.kind == "group" and described is not None and self.introduced_unnamed(mention):
            return " ".join(mention.text.split())  # "A stout man rose. … “…,” said the stout man"
        if mention.kind == "group" and described is not None and mention.text.lower().startswith("the "):
            # "said the boy", "the lad", "the old woman": a person the story has named, told by
            # gender; failing that, the boy himself.
            as_pronoun = Mention(mention.start, mention.end, "he" if described == "m" else "she", "pronoun")
            return self.resolve(as_pronoun, recent, previous_turn) or " ".join(mention.text.split())
        if mention.kind == "pronoun":
            pronoun = mention.text.lower().strip(" .-—–")
            if pronoun == "i":
                # "said I": in fiction the narrator, a character (none in a story told in the third
                # person); in non-fiction the byline's author.
                return self.people.narrator
            if pronoun not in ("he", "she"):
                return None
            wanted = "m" if pronoun == "he" else "f"
            paragraph = self.block_of(mention.start)
            newcomer = self._newcomer(mention, wanted)
            if newcomer is not None:
                return newcomer  # "A stout man rose from behind the desk. “…?” he demanded."
            named_here = self._named_before(mention, window=mention.start - paragraph.start)
            if named_here is not None and previous_turn is None:
                return named_here  # "Sir Anders only smiled. “…,” he continued"
            if named_here is None:
                unnamed = self._described_speaker(paragraph.start, mention.start, wanted)
                if unnamed is not None:
                    return unnamed  # "One café owner, who asked not to be named, said …. “…,” she said"
            if previous_turn is None:
                # Not a dialogue: the person the narrative named last ("When Mrs. Arden was
                # told of this, she …" then “…,” she cried), not whoever spoke last.
                narrated = self._named_before(mention)
                if narrated is not None:
                    return narrated
            else:
                since = self.since_the_last_turn(mention)
                if since is not None and since != previous_turn:
                    return since  # “…,” she told Tomas, and left. Olaf came after her. “Ida,” he called
            for name in reversed(recent):
                if name != previous_turn and self.people.gender.get(name) == wanted:
                    return name
                if previous_turn is None and self.people.gender.get(name) in (None, wanted):
                    break  # not a dialogue: fall back to the last person named
            named = self._named_before(mention)
            if named is not None:
                return named
            # Nobody of that gender named: "The girl who kept the inn came in. … “…,” she said."
            return self._described_subject(max(0, mention.start - _DESCRIBED_WINDOW), mention.start, wanted)
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
                # "cried his wife" after Mr. Arden spoke → Mrs. Arden, if the book has one. (Not
                # the wife of a man a quotation names: "Where is Peter Berg?" asked Mr. Arden.)
                pronoun = _OWNER_AS_SUBJECT[kin.group(1)]
                owner = self.people.before(mention.start, pronoun, quoted=self.in_quotation)
                if owner is not None:
                    relation = kin.group(2)
                    # "his grandmother" is a Mrs., "his son" a Mr.; an aunt or a cousin may be either.
                    title = _KIN_TITLES.get(relation, "Mr." if KIN_GENDER.get(relation) == "m" else None)
                    # (Written "Mrs. Arden" or, without the full stop, "Mrs Arden".)
                    for form in () if title is None else (title, title.rstrip(".")):
                        named = f"{form} {owner.split()[-1]}"
                        if self._in_text(named):
                            return named
        if mention.kind == "person":
            name = " ".join(mention.text.strip(" -—–,;:").split())
            if name.endswith(".") and len(name.split()[-1]) > 3:
                name = name[:-1]  # "thought Dora." — the sentence's full stop, not an initial
            titled = title_gender(name)
            if titled is not None and self.people.kept_apart(name):
                return name  # "Mrs. Arden" in a book with a Tom Arden; "Mr. Wilk", father of a "Tomas"
            resolved = self.people.resolve_name(name)
            return name if self.people.of_the_other_gender(name, resolved) else resolved
        return " ".join(mention.text.split())  # "the\ncroupier", as a line broke it


# Who a news story cannot name, by what they are close to: "a source close to Holm", "another
# official familiar with the plan", "one councillor involved in the talks" (up to the name or
# phrase after). Training articles 6105 → 6106 of 6583 speakers right; the novels unchanged.
_UNNAMED = frozenset("a an another one two three several some many".split())
"""The words an unnamed source opens with: "a source", "one official", "several people"."""
_RELATION = "close|closest|familiar|involved|briefed|knowledgeable|loyal"
"""What a source is to what it knows of: "close to", "familiar with", "involved in"."""
_SOURCE_CLOSE_TO = kept_regex.compile(
    rf"(?P<who>\b(?i:{'|'.join(sorted(_UNNAMED | {'the'}))})\s+(?:[\w’'-]+\s+){{1,4}}?"
    rf"(?:(?:{_RELATION})\s+(?:to|with|on|about|in)|with\s+knowledge\s+of)\s+)$"
)
_CLOSE_TO_SOURCE = kept_regex.compile(rf"\b(?:{_RELATION})$")
_WHAT = (
    r"\s+(?:to|with|in|on|about)\s+[^.,;:!?“”\"\n()—–]{1,60}?"
    r"(?=\s*(?:[.,;:!?—–(]|--|$|\s(?:who|when|while|as|said|says|told)\b))"
)
"""What a source is close to, familiar with or involved in, up to where the phrase ends."""
_CLOSE_TO_WHAT = kept_regex.compile(_WHAT)
_CLOSE_AND_WHAT = kept_regex.compile(rf"\s+(?:{_RELATION}){_WHAT}")


def _source_close_to(text: str, start: int, end: int, floor: int = 0) -> Mention | None:
    """The unnamed source that the phrase at `start`–`end` of `text` ends, if it ends one: "a
    source close to Holm" said it, not Holm. (Looked for from `floor` on.)"""
    found = _SOURCE_CLOSE_TO.search(text, max(floor, start - 120), start)
    if found is None:
        return None
    return Mention(found.start("who"), end, text[found.start("who") : end], "group")


def _owner(match: re.Match[str]) -> Mention:
    """Whose words a match of `_OWNED_SAYING` or `_WAS_THE_REPLY` names: its "who" (a name),
    or its "his" or "her", read as "he" or "she"."""
    if match.group("who") is not None:
        return Mention(match.start("who"), match.end("who"), match.group("who"), "person")
    pronoun = _OWNER_AS_SUBJECT[match.group("pronoun").lower()]
    return Mention(match.start("pronoun"), match.end("pronoun"), pronoun, "pronoun")


def _opens_a_sentence(text: str, at: int) -> bool:
    """Whether `at` opens a sentence as `_SENTENCE_OPENS` tells (spaces and tabs before it
    aside): at the text's start, after a line break, or after a stop and a space."""
    start = max(0, at - 40)
    return _OPENS_BEFORE.search(text, start, at) is not None or (start == 0 and not text[:at].strip(" \t"))


def _a_clause_of_its_own(match: re.Match[str], inverted: bool) -> bool:
    """Whether what `_AFTER_INVERTED` (or `_AFTER_NORMAL`) found after a quotation is no
    attribution of it but a clause of its own."""
    if inverted:
        verb = match.group("verb")
        # "“…,” denounced her record": the verb's object, not its subject; "…,” saying the
        # plan …", "…,” citing a survey": a participle and its object.
        return verb.lower() in NOT_INVERTED or verb.endswith("ing")
    # "…,” claiming that he is …": the clause goes on, and its subject is the quotation's;
    # "…”, but he also warned …": a clause of its own.
    return bool(_VERB_FIRST.match(match.group("who")) or _NEW_CLAUSE.match(match.group("who")))


def _prior_attribution(left: str) -> re.Match[str] | None:
    """The attribution of the quotation just before `left`, where `left` opens with one (" Ida
    asked, and …"), as `Sieves.after` reads it."""
    for pattern in (_AFTER_INVERTED, _AFTER_NORMAL):
        match = pattern.match(left)
        if match is not None:
            return None if _a_clause_of_its_own(match, pattern is _AFTER_INVERTED) else match
    return None


def _last_word(phrase: str) -> str:
    """The phrase's last word, lower-cased, after the marks that end it ("morning,”" → "morning")."""
    end = len(phrase)
    while end and not (phrase[end - 1].isalnum() or phrase[end - 1] == "_"):
        end -= 1
    return phrase[:end].rsplit(None, 1)[-1].lower() if end else ""


_BESIDE_A_QUOTATION = 3
"""Characters at most between a quotation's closing mark and the pronoun that attributes it."""

_DESCRIBED_WINDOW = 1500
"""How far back a "she" nobody named may find the girl described as coming in."""


@dataclass(frozen=True, slots=True)
class Site:
    """A quotation and the stretch of text around it that may attribute it."""

    span: MarkedSpan
    block: Block
    floor: int
    """Where the text before it that may attribute it starts (its sentence, block or the quotation before)."""
    limit: int
    """Where the text after it that may attribute it ends."""
    sentence: Span


Sieve = Callable[[Sieves, Site], Candidate | None]


def _before_in_sentence(sieves: Sieves, site: Site) -> Candidate | None:
    """ "X ruled that A’s claim about “…” is “true”": the sentence's verb, before an earlier quote."""
    if site.floor <= site.sentence.start:
        return None
    return sieves.before(site.span, max(site.block.start, site.sentence.start))


SIEVES: list[tuple[str, Sieve]] = [
    ("label", lambda s, q: s.labelled(q.span)),
    ("after", lambda s, q: s.after(q.span, q.limit)),
    ("after_any_verb", lambda s, q: s.after_any_verb(q.span, q.limit)),
    ("put_it", lambda s, q: s.put_it(q.span)),
    ("before", lambda s, q: s.before(q.span, q.floor)),
    ("before_nearest", lambda s, q: s.before(q.span, q.floor, nearest=True)),
    ("before_sentence", _before_in_sentence),
    ("clause_final", lambda s, q: s.clause_final(q.span)),
    ("clause_before_quotation", lambda s, q: s.clause_before_quotation(q.span)),
    ("introduced", lambda s, q: s.introduced(q.span)),
    ("said_before", lambda s, q: s.said_before(q.span)),
    ("reported_before", lambda s, q: s.reported_before(q.span)),
    ("subject", lambda s, q: s.sentence_subject(q.span)),
    ("according", lambda s, q: s.according(q.span, q.sentence)),
    ("nearest_subject", lambda s, q: s.nearest_subject(q.span, max(q.block.start, q.sentence.start))),
    ("relative", lambda s, q: s.relative_subject(q.span, max(q.block.start, q.sentence.start))),
    ("subject_thing", lambda s, q: s.sentence_subject(q.span, things=True)),
    ("by_agent", lambda s, q: s.by_agent(q.span, max(q.block.start, q.sentence.start))),
    ("owned", lambda s, q: s.owned_saying(q.span, max(q.block.start, q.sentence.start))),
    ("beat", lambda s, q: s.beat(q.span, q.block)),
]


def propose(sieves: Sieves, site: Site) -> list[Candidate]:
    """Every sieve's candidate, in the sieves' order, each named by its sieve."""
    found: list[Candidate] = []
    for name, sieve in SIEVES:
        candidate = sieve(sieves, site)
        if candidate is not None:
            found.append(Candidate(candidate.mention, candidate.cue, candidate.loose, name))
    return found
