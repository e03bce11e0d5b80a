"""Word lists for attribution, drawn from how news writes it (reporting verbs, speaker
nouns, hedges). Studied on the PolNeAR training articles; no text from them is kept here."""

from __future__ import annotations

import re

REPORTING_VERBS = frozenset(
    """said says say saying told tells tell telling wrote writes write writing added adds adding
    asked asks explained explains explaining confessed confesses stated states noted notes noting
    declared declares insisted insists argued argues arguing claimed claims replied replies
    responded responds recalled recalls recalling continued continues warned warns admitted admits
    acknowledged acknowledges announced announces tweeted tweets posted commented comments
    remarked remarks observed observes suggested suggests concluded concludes cried cries shouted
    whispered muttered murmured exclaimed answered answers laughed joked quipped predicted predicts
    promised promises vowed vows urged urges countered counters conceded concedes emphasized
    emphasised stressed stresses maintained maintains contended contends alleged alleges boasted
    complained complains lamented mused testified reported reports repeated repeats described
    describes cautioned agreed agrees interrupted protested sighed snapped retorted rejoined
    pleaded demanded inquired enquired ventured faltered screamed yelled growled chuckled sobbed
    groaned gasped informed assured reminded began begins thought wondered read reads
    denied denies accused accuses believed believes condemned condemns called calls calling
    blasted slammed characterized characterised dubbed labeled labelled termed praised criticized
    criticised attacked defended sings sang chanted touted hailed mocked echoed questioned
    challenged dismissed denounced lauded welcomed branded cited citing referring urging
    writing warning arguing noting adding explaining insisting promising tweeting describing
    telling asking claiming declaring stating announcing posting responding replying recalling
    suggesting urging replied talks talked speaking admires admired likened likens compared
    compares outlined linked links scolded scolds accuse accusing ruled""".split()
) | {"went on", "pointed to", "referred to", "spoke of", "talked about", "called for", "pointed out"}
# Verbs that introduce reported content ("X claimed that …") without quote marks.
CLAIM_VERBS = frozenset(
    """said says say saying told tells claimed claims claiming alleged alleges alleging argued
    argues arguing insisted insists insisting maintained maintains contended contends asserted
    asserts denied denies denying accused accuses accusing believes believe believed suggested
    suggests suggesting reported reports warned warns admitted admits acknowledged acknowledges
    announced announces noted notes estimated estimates predicted predicts confirmed confirms
    revealed reveals charged charges testified testifies wrote writes found finds showed shows
    stated states explained explains added adds thinks think thought hopes fears expects expected
    concluded concludes disputed disputes rejected rejects cited cites citing agreed agrees seems
    seemed plans planned support supports supported want wants wanted urge urges urged attacked
    attacks mentioned mentions criticized criticised criticizes emphasized emphasised emphasizes
    declined declines indicated indicates responded responds decided decides questioned questions
    proposes proposed refuses refused pledged pledges opposed opposes demands demanded echoed
    echoes felt feels know knows hope hoped fear feared expect vowed vows promised promises
    recommended recommends called calls predicted acknowledged conceded concedes blamed blames
    praised praises condemned condemns welcomed welcomes defended defends doubted doubts
    questioned warned argued insisted suggested shown showed show disclosed discloses released
    endorsed endorses endorse backed backs views viewed saw see sees learned worried worry worries
    admires admired despised despises mocked mocks defending encouraging encouraged questioning
    demanding calling promising offering asking telling documented documents estimates estimated
    described describes describing asks asked commented expressed expresses recalled recalls
    acknowledge accuse deny claim insist argue suggest warn predict believe think
    sought seeks seeking refused refuses hopes hoping feels prefer prefers preferred oppose
    decried charged admitted posted expressed confirmed blasted ordered decided challenged
    assured asserted mocked invoked emailed discussed answered reiterated recounted identified
    estimated considered conceded thanked slams railed lamented knocked
    complained requested repeated reminded portrayed outlined joked highlighted
    echoed compared remarked quoted wondered touted threatened sued spoke slammed
    retweeted recommended implied applauded boasted cautioned contends deemed
    dismissed exposed envisioned pledged presented promoted vowed insisted endorsed backed
    favored favoured accepted rejected lauded hailed complimented pleads pleaded touted underscored
    detailed referenced references mentioned characterized likened blamed credited thanked
    welcomed questioned doubted disputed contested signalled signaled acknowledged reiterated""".split()
) | {"called for", "called on", "pointed to", "pointed out", "spoke of", "according to", "referred to"}
AUXILIARIES = frozenset(
    """has had have is are was were will would also then later once again previously simply quickly
    finally further earlier repeatedly reportedly allegedly publicly privately flatly angrily quietly""".split()
)
HEDGES = (
    "allegedly",
    "reportedly",
    "seemingly",
    "apparently",
    "purportedly",
    "supposedly",
    "ostensibly",
    "appeared to",
    "appears to",
    "appear to",
    "is said to",
    "are said to",
    "was said to",
    "were said to",
    "is believed to",
    "are believed to",
    "was believed to",
    "is thought to",
    "may have",
    "might have",
    "could have",
    "is expected to",
    "are expected to",
    "rumoured",
    "rumored",
    "unconfirmed",
    "it is understood",
)
SPEAKER_NOUNS = frozenset(
    """lawyer lawyers attorney attorneys team spokesman spokeswoman spokesperson spokespeople
    company newspaper paper campaign official officials source sources police statement report
    agency group court ministry department council committee representative representatives
    aide aides adviser advisers advisor advisors family friend friends critic critics resident
    residents researcher researchers expert experts author authors study survey poll office
    government administration website magazine network channel board union organisation
    organization firm museum director chair chairman chairwoman mayor minister secretary
    president governor senator candidate leader leaders analyst analysts witness witnesses
    prosecutor prosecutors judge investigators insurers spokesperson economist professor
    chairman spokesman narrator ad statement letter complaint poll polls campaign commission
    man woman boy girl gentleman lady king queen doctor nurse teacher colonel captain
    trust foundation charity institute university hospital society association authority
    regulator watchdog bureau master harbourmaster coalition alliance""".split()
)
TITLES = frozenset(
    """mr mrs ms miss dr prof sir lady lord mayor president sen senator rep gov governor judge
    justice gen general capt captain officer detective chief councillor councilor minister
    secretary rev father sister brother uncle aunt king queen prince princess""".split()
)
PRONOUNS = {
    "he": "m",
    "him": "m",
    "she": "f",
    "her": "f",
    "they": "p",
    "i": "i",
    "we": "p",
    "it": "n",
}
MALE_TITLES = frozenset(
    {"mr", "sir", "lord", "king", "prince", "father", "brother", "uncle", "colonel", "captain", "major", "rev"}
)
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "lady", "queen", "princess", "sister", "aunt", "madam", "dame"})
# Common given names, so "he" after "Emma" and "she" after "John" can be ruled out.
MALE_NAMES = frozenset(
    """john james william george charles thomas henry edward robert richard joseph david michael
    daniel paul mark peter frank fred frederick arthur albert alfred harry jack tom bill bob joe
    sam samuel benjamin christopher andrew anthony stephen steven kevin brian jason matthew donald
    barack bernie ted mike chris tim jeb marco ben al philip walter ralph roger simon
    martin""".split()
)
FEMALE_NAMES = frozenset(
    """mary elizabeth jane emma anne anna ann margaret catherine katherine sarah susan lucy alice
    charlotte harriet lydia kitty caroline georgiana louisa maria isabella fanny eliza betsy daisy
    hillary melania nancy michelle sharon karen linda patricia barbara jennifer jessica amy laura
    ruth rose grace helen""".split()
)


# Common verbs kept only in the forms listed: their other forms are mostly not about speech.
_NOT_INFLECTED = frozenset(
    """see saw sees seen know knows knew back backs backed view views viewed show shows showed shown
    want wants wanted plans planned support supports supported felt feels called calls read reads
    find finds found saw learned expect expected hope hoped fear feared think thought""".split()
)


def inflected(words: frozenset[str]) -> frozenset[str]:
    """Every verb in the list in its other forms too (claim → claims, claimed, claiming)."""
    forms = set(words)
    for word in words:
        if " " in word or word in _NOT_INFLECTED:
            continue
        stems = {word}
        if word.endswith("ied"):
            stems.add(word[:-3] + "y")
        elif word.endswith("ed"):
            stems |= {word[:-2], word[:-1]}
        elif word.endswith("ing"):
            stems |= {word[:-3], word[:-3] + "e"}
        elif word.endswith("es"):
            stems |= {word[:-2], word[:-1]}
        elif word.endswith("s"):
            stems.add(word[:-1])
        for stem in stems:
            if len(stem) < 3:
                continue
            forms |= {stem, stem + "s", stem + "ing"}
            forms.add(stem + "d" if stem.endswith("e") else stem + "ed")
            if stem.endswith("e"):
                forms.add(stem[:-1] + "ing")
    return frozenset(forms - _NOUN_FORMS) | words


# Forms that inflection invents but that are mostly nouns or other words in news.
_NOUN_FORMS = frozenset(
    """not nots state states question questions release releases offer offers demand demands
    doubt doubts respond decline declines decide report reports comment comments claim support
    supports attack attacks call calls seem plan plans promise promises warning warnings
    questions ruling rules rule challenge challenges issue issues email emails order orders
    remark remarks answer answers present push file files list lists share shares post posts
    quote quotes charge charges release released releases detail details reference references
    credit credits signal signals dispute disputes blame plea pleas thank thanks""".split()
)


def word_alternation(words: frozenset[str] | set[str]) -> str:
    """A regex alternation of `words` shaped as a trie ("s(?:a(?:id|ys)|…)").

    Python's re tries the branches of a flat alternation one by one at every position;
    sharing prefixes lets a book's worth of text fail fast.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:  # type: ignore[type-arg]
        branches = []
        optional = False
        for char, child in sorted(node.items(), key=lambda item: item[0]):
            if char == "":
                optional = True
                continue
            branches.append(re.escape(char) + build(child))
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 and not optional else "(?:" + "|".join(branches) + ")"
        if optional:
            body = ("(?:" + "|".join(branches) + ")?") if len(branches) > 1 else f"(?:{branches[0]})?"
        return body

    return build(trie)
