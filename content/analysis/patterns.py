"""Regular-expression parts shared by the stages: names, speaker mentions, speaker phrases
and the reporting verbs. One home each, so a fix to what a name looks like reaches every stage."""

from __future__ import annotations

from content.analysis.lexicon import (
    ABBREVIATED_TITLES,
    ABBREVIATIONS,
    ABBREVIATIONS_THAT_ARE_WORDS,
    AUXILIARIES,
    KIN_WORDS,
    MODALS_AND_IRREGULAR_PASTS,
    PARTICLES,
    PEOPLE_WORDS,
    PERSONAL_TITLES,
    REPORTING_VERBS,
    SENTENCE_STARTERS,
    SMALL_WORDS,
    SOMETIMES_FINAL,
    capitalised,
    word_alternation,
)

# A capital and a small letter, accented ones included ("Émile", "Léon", "Müller"): Latin-1's.
# (With Latin Extended-A's too, "Łukasz", every name pattern took a big charset: the patterns
# compiled 40 ms slower and a book's names matched 80 ms slower.)
UPPER = "[A-ZÀ-ÖØ-Þ]"
LOWER = "[a-zß-öø-ÿ]"
# Wilk, O’Rourke, Smith-Jones, Léon; not CHAPTER, and not "Holm--a" (two hyphens are a dash).
CAPITALISED = rf"(?:{UPPER}{LOWER}[\w’']*(?:-[\w’']+)*|[A-Z]’{UPPER}{LOWER}+|[A-Z]'{UPPER}{LOWER}+|O’\w+)"
TITLE = rf"(?:{'|'.join(ABBREVIATED_TITLES)})\.?"
# A title's dot may end a line ("said Mr.\nArden"); any other word's dot ends the phrase.
TITLE_DOT = rf"(?:{'|'.join(ABBREVIATED_TITLES)})\.\s"
# A dash: "—", "–" or, as many e-texts write it, two hyphens ("--").
DASH = r"(?:[—–]|--)"
GAP = r"(?:[ \t]+|[ \t]*\n(?!\s*\n)[ \t]*)"  # a space, or a line break inside a paragraph ("Miss\nArden")
# A title or a kin word starts a new person: "Aunt Ida Mrs Holm" is two people, not one name.
_NOT_INSIDE_A_NAME = rf"(?!{word_alternation(capitalised(PERSONAL_TITLES | KIN_WORDS))}\b)"
# Up to four words, never across lines or sentences: a dot only after a title or an initial.
NAME = rf"(?:{TITLE}{GAP})?(?:(?:{CAPITALISED}|[A-Z]\.){GAP}{_NOT_INSIDE_A_NAME}){{0,3}}{CAPITALISED}"
# "Hale’s campaign manager", "Gullwick’s Republican mayor" (not "Hale’s College focused …").
POSSESSIVE_GROUP = (
    rf"{CAPITALISED}(?:’s|'s)\s+(?:[A-Z][a-z]+\s+(?:[a-z][\w\-]*(?<!ed)\s+){{0,2}}[a-z][\w\-]*(?<!ed)\b"
    r"|(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)"
)
NOUN_PHRASE = (
    r"(?:[Tt]he|[Aa]n?|[Hh]er|[Hh]is|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y|[Ss]ome|[Mm]any|[Oo]ne|[Aa]nother|[Ss]everal"
    r"|[Tt]his|[Tt]hese|[Tt]hose)"
    r"\s+(?:[\w\-’']+\s+){0,3}?[\w\-]+"
)
PRONOUN = r"\b(?:[Hh]e|[Ss]he|[Tt]hey|I|[Ww]e|[Ii]t)\b"
# A name, and the people it may qualify: "Hale", "Hale supporters", "Marrow Point residents".
NAMED_GROUP = rf"{NAME}(?:\s+(?:{word_alternation(PEOPLE_WORDS - {'percent', 'people'})})\b)?"
# A share of people, who say things as a body: "62 percent of passengers", "About 40% of them".
SHARE = (
    r"(?:(?:[Aa]bout|[Nn]early|[Aa]lmost|[Oo]nly|[Jj]ust|[Aa]t\s+least|[Mm]ore\s+than|[Ff]ewer\s+than|[Ll]ess\s+than)\s+)?"
    r"\d[\d.,]*\s?(?:percent|per\s+cent|%)(?:\s+of\s+(?:[\w\-’']+\s+){0,6}?[\w\-’']+)?"
)
# A name after the words of its office, in lower case: "council moderator Nora Keil", "harbour
# prosecutor Tobias Wren" (not "in Gullwick": a preposition is no office).
ROLE_NAME = rf"(?:[A-Z]{{2,5}}\s+)?(?:(?!{word_alternation(PARTICLES)}\b)[a-z][\w\-]*\s+){{1,3}}{NAME}"
MENTION = (
    rf"(?<![\w’'])(?:{POSSESSIVE_GROUP}|{NOUN_PHRASE}|{PRONOUN}|{NAMED_GROUP}|{SHARE}"
    r"|sources|officials|critics|experts|analysts)"
)
# Capitalised words before a title with its dot, a place or a rank ("Former Marrow County Sen. Ola
# Berg", "Harbour Gov. Ida Hale"): the speaker is named from the title on, a name runs no further back.
BEFORE_A_TITLE = rf"(?:(?:[A-Z][a-z]+\s+){{1,3}}(?={TITLE_DOT}))?"
# What may open a clause before its subject: a phrase and its comma ("At the pier, ", "In a
# speech on Friday, "), a name set off by commas, and "And", "But", "Instead" ….
CLAUSE_OPENING = (
    rf"^(?:[^,“”\"]{{1,120}},\s+(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){{0,3}},\s+)?)?"
    rf"(?:(?:And|But|So|Yet|Then|Later|Instead|Still)(?:\s+then)?\s+)?{BEFORE_A_TITLE}"
)
# The subject a clause opens with.
CLAUSE_SUBJECT = rf"{CLAUSE_OPENING}(?P<who>{MENTION})"
# An initial or a short abbreviation and its dot inside a phrase: "Gov. ", "Jr. ", "J. ", "Fla. ";
# not a name that ends its sentence, whatever opens the next ("muttered Orrin. Then as the men …",
# "said Ida Holm. Berg nodded."), nor a word that is also an abbreviation ("said Art. Berg …").
_SHORT_ABBREVIATIONS = frozenset(
    w for w in (ABBREVIATIONS | SOMETIMES_FINAL) - ABBREVIATIONS_THAT_ARE_WORDS if w.isalpha() and 1 < len(w) <= 4
)
ABBREVIATION_DOT = (
    rf"(?:[A-Z]|{word_alternation(capitalised(_SHORT_ABBREVIATIONS))})\.[ ]"
    rf"(?!{word_alternation(capitalised(SENTENCE_STARTERS))}\b)"
)
# Words without sentence punctuation, across a line break inside a paragraph; "Mr." may keep its dot.
WORD_RUN = rf"(?:{TITLE_DOT}|{ABBREVIATION_DOT}|\n(?!\s*\n)|[^.;:!?,“”\"\n]){{1,90}}?"
# "Sen. Ida Hale (D-Marrow), said": a comma after the parenthesis may still lead to the verb.
PARENTHESIS = r"(?:\s*\([^()]{1,40}\),?)?"
# One apposition, or a run of them: "Ida Brandt, 62, of Marrow Point, who was polled, said";
# or one set off by dashes: "Ida Brandt — a teacher from Marrow Point — said".
# A piece of an apposition may hold a short quotation, a title mostly: "Ola Berg, the author of
# “Tides of Gullwick,” a history of the bay, said". Not ", and he, lifting his eyes, said": a
# clause of its own opens after "and" (its subject is "he", not the phrase before the comma).
_APPOSED = r"(?:[^,“”\"]|“[^“”\"\n]{1,60}”|\"[^“”\"\n]{1,60}\")"
APPOSITION = (
    rf"(?:,(?!\s*(?:and|but|or|yet|so)\s)\s*(?P<apposition>{_APPOSED}{{1,200}}),(?:{_APPOSED}{{1,200}},){{0,3}}"
    rf"|\s+{DASH}\s*[^—–“”\"\n]{{1,120}}?\s*{DASH})?"
)
REPORTING_VERB = word_alternation(REPORTING_VERBS)
AUXILIARY = word_alternation(AUXILIARIES)
# What was said, not who said it: "…,” adding that its value quadrupled.
CONTENT_CLAUSE = r"\s*(?:that|how|what|whether|if|to)\b"


def starts_word(text: str, at: int) -> bool:
    """Whether a word starts at `at`, as `\\b` before a letter would say. A pattern that begins
    with a literal ("h(?:e|is)\\b") lets the search skip ahead to each; a leading `\\b` would
    make it try every position of a book. The word's start is then checked with this."""
    return at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")


def ends_word(text: str, at: int) -> bool:
    """Whether a word ends at `at` (just before it), as `\\b` after a letter would say."""
    return at == len(text) or not (text[at].isalnum() or text[at] == "_")


def looks_like_a_title(text: str, shortest: int = 2, longest: int = 7) -> bool:
    """A work's name in Title Case, short: every word capitalised or a figure, but for the small
    words ("Lights Of The Marrow", "Tales of the Harbour", "24")."""
    words = text.split()
    if not shortest <= len(words) <= longest or not (words[0][:1].isupper() or words[0][:1].isdigit()):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in SMALL_WORDS for w in words)


# An auxiliary or a common irregular past: a word that may be a finite verb without "-s" or "-ed".
MODAL_OR_IRREGULAR = word_alternation(MODALS_AND_IRREGULAR_PASTS)
# The same subject read up to its verb, the first word that may be one, where a possessive cuts
# `CLAUSE_SUBJECT` short: "The board's finance officer [was quoted as saying]" ("The board"),
# "Holm’s right-hand woman [rallied supporters]".
CLAUSE_SUBJECT_TO_ITS_VERB = (
    rf"{CLAUSE_OPENING}(?P<who>[\w.’'-]+(?:\s+[\w.’'-]+){{0,3}}?(?:’s|'s)(?:\s+[\w.’'-]+){{1,4}}?)"
    rf"(?=\s+(?:(?:{AUXILIARY})|(?:{REPORTING_VERB})|(?:{MODAL_OR_IRREGULAR})|[a-z][\w’'-]*ed)\b)"
)
