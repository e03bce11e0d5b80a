"""Word lists for attribution, drawn from how news writes it (reporting verbs, speaker
nouns, hedges). Studied on the PolNeAR training articles; no text from them is kept here."""

from __future__ import annotations

import re
from typing import Literal

Gender = Literal["m", "f"]

# (A story in the present tense writes "returns Ida", "murmurs Tomas": the "-s" forms of the
# verbs of saying a story uses, beside their pasts; not those that are nouns in news as often,
# "demands", "jokes", "ventures", "protests", "questions".)
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
    compares outlined linked links scolded scolds accuse accusing ruled
    returned interposed pursued resumed stammered assented queried ejaculated mourned persisted
    reflected implored remonstrated clarified calculated reacted recounted recounts
    pledged pledges blamed blames chanting remarking credited asserted asserts thanked
    admits assures boasts calculates cautions characterises characterizes chuckles cites clarifies
    criticises criticizes defends denounces dismisses emphasises emphasizes enquires exclaims
    implores informs inquires interrupts laments lauds muses mutters persists pleads reacts
    reminds retorts stammers testifies touts
    returns murmurs whispers rejoins laughs sighs shouts screams growls groans gasps falters assents
    resumes pursues interposes queries snaps sobs yells wonders mourns reflects remonstrates
    ejaculates quips
    shouting yelling screaming whispering muttering murmuring exclaiming joking quipping vowing
    boasting complaining lamenting conceding countering stressing protesting pleading demanding""".split()
) | {
    "went on",
    "pointed to",
    "referred to",
    "spoke of",
    "talked about",
    "called for",
    "pointed out",
    "shot back",
    "broke in",
    "put in",
    "chimed in",
    "cut in",
}


def _plural_present(verbs: frozenset[str]) -> frozenset[str]:
    """ "argue", "note", "reply": the form a plural subject takes ("Critics argue", "They
    note"), made from each "-s" form whose past the list also has (so "argues" gives
    "argue" as "argued" is there, while "news" or "hopes" give nothing). Many of these are
    nouns too ("a note", "the claim"): the sieves take them only after a plural subject."""
    found = set()
    for verb in verbs:
        if verb.endswith("ies") and verb[:-3] + "ied" in verbs:
            found.add(verb[:-3] + "y")
        elif verb.endswith(("sses", "shes", "ches", "xes")) and verb[:-2] + "ed" in verbs:
            found.add(verb[:-2])  # "stresses", "confesses"
        elif verb.endswith("es") and verb[:-1] + "d" in verbs:
            found.add(verb[:-1])  # "argues", "notes"
        elif verb.endswith("s") and not verb.endswith("ss") and verb[:-1] + "ed" in verbs:
            found.add(verb[:-1])
    return frozenset(found - verbs)


PLURAL_REPORTING_VERBS = _plural_present(REPORTING_VERBS)
# "…,” Wren did say; "Holm does note that …": a verb of saying after "did" or "does" is in its
# plain form, and the two words are the cue.
REPORTING_VERBS |= {
    f"{aux} {verb}" for aux in ("did", "does") for verb in PLURAL_REPORTING_VERBS | {"say", "tell", "write"}
}
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
    welcomed questioned doubted disputed contested signalled signaled acknowledged reiterated
    stressed tweeted tweeting denounced denouncing replied declared declaring voiced listed
    calculated calculates reckoned reckons surmised inferred deduced""".split()
) | {"called for", "called on", "pointed to", "pointed out", "spoke of", "according to", "referred to"}
AUXILIARIES = frozenset(
    """has had have is are was were will would also then later once again previously simply quickly first
    finally further earlier repeatedly reportedly allegedly publicly privately flatly angrily quietly""".split()
)
# Verbs that are a finite clause's own: after a verb of saying, a clause follows ("said the deal
# was off"), not a noun phrase ("unleashed a wave of new fees").
_FINITE = """is are was were will would could should can may might must has have had does did do am
    isn't aren't wasn't weren't won't wouldn't couldn't shouldn't can't hasn't haven't hadn't doesn't didn't don't"""
FINITE_VERBS = frozenset(_FINITE.split()) | frozenset(_FINITE.replace("'", "’").split())
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
    *(
        f"{be} {said} to"
        for be in ("is", "are", "was", "were")
        for said in ("said", "believed", "thought", "reported", "understood", "rumoured", "rumored", "expected")
    ),
    "may have",
    "might have",
    "could have",
    "rumoured",
    "rumored",
    "unconfirmed",
    "it is understood",
)
# Reporting verbs whose noun phrase after them is the one spoken to, never the speaker put after
# the verb: "told his supporters, “…”" (but "“…,” warned Berg", "“…,” urged her lover").
NOT_INVERTED = frozenset(
    """told tells tell telling thanked reminded informed denounced described attacked criticized
    criticised accused blamed praised""".split()
)
# Cues that say the speaker goes on: "“…,” she continued", "he added", "she pursued".
CONTINUING_CUES = frozenset("continued continues added adds resumed resumes pursued pursues repeated went".split())
# Verbs of saying that stories write after a quotation ("…!” cried Ida, "…,” she murmured)
# and news hardly ever does: those that follow a closing mark 20 times or more in the training
# novels and in at most one of the 840 training articles ("replied", "asked", "added" and
# "continued" are in a dozen and more); and their "-s" forms, for a story told in the present
# ("…,” murmurs Ida"), of which no training article has more than one either.
STORY_CUES = frozenset(
    """cried returned exclaimed inquired rejoined whispered murmured retorted repeated demanded observed
    interposed muttered interrupted pursued sighed laughed called resumed
    cries returns exclaims inquires rejoins whispers murmurs retorts repeats demands observes
    interposes mutters interrupts pursues sighs laughs calls resumes""".split()
)
# Verbs that report only when content follows them: "he spoke of …", not "he spoke for an hour".
NARRATIVE_CUES = frozenset(
    """spoke speak speaks speaking answered answer answers thanked thanks wrote write writes posted post
    posts replied replies responded responds commented joked emailed discussed""".split()
)
# What a verb of saying can take that says nothing: "He said nothing.", "She said little about
# it." Only "nothing" always does: "said no to the war", "found little evidence that …" and
# "showed no sign of …" report something, so the others need the clause to end or one of
# `SAYS_NOTHING_AFTER` to follow them.
SAYS_NOTHING = frozenset("nothing little no none".split())
SAYS_NOTHING_AFTER = frozenset("about else more further publicly at".split())
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
# Nouns for a stance held by someone, before what it is about: "criticism of", "allegations that",
# "support for" (the claims' cues).
STANCE_NOUNS = frozenset(
    """criticism allegation allegations accusation accusations complaint complaints concern concerns doubt doubts
    claim claims assertion assertions endorsement opposition praise warning warnings calls demand demands
    insistence admission denial denials""".split()
)
# Nouns for a stance that say whose it is after "from": "criticism from fellow traders".
STANCES_FROM = frozenset(
    """criticism opposition insistence demand demands claim claims assertion support endorsement denial
    admission warning warnings complaint complaints concern concerns calls praise backing""".split()
)
# Roles a person is given right before their name ("Republican mayoral candidate Ida Holm",
# "businessman Tomas Wilk"), by which the text goes on to call them ("the candidate said"):
# a general list of offices and occupations, not drawn from any text.
PERSON_ROLES = frozenset(
    """candidate nominee senator governor congressman congresswoman lawmaker legislator representative
    mayor councillor councilor councilman councilwoman president chairman chairwoman secretary minister
    spokesman spokeswoman spokesperson businessman businesswoman mogul tycoon billionaire developer
    executive founder director manager commissioner official adviser advisor aide strategist pollster
    analyst economist professor researcher scientist lawyer attorney judge prosecutor sheriff officer
    detective activist organizer organiser author writer novelist columnist commentator journalist
    reporter editor publisher host anchor actor actress singer comedian coach owner investor banker
    doctor surgeon nurse teacher priest pastor rabbi imam bishop ambassador diplomat envoy leader
    rival hopeful frontrunner incumbent challenger farmer fisherman skipper trader""".split()
)
# Nouns for what someone said, after whose words they are ("Hale’s claim that the pier
# “was never safe”", "her warning that …", "his catch phrase was “…”"): the nouns between a
# possessive source and its quotation in data-train's news.
SAID_NOUNS = frozenset(
    """accusation admission answer argument assertion assumption broadside call catchphrase chant
    claim comment conclusion dictum email language message phrase pledge post promise remark
    response slogan statement warning""".split()
)
# The one titles table: each title with the gender it shows (None: either), and those
# written short with a dot ("Mr.", "Sen.") in ABBREVIATED_TITLES.
TITLES: dict[str, Gender | None] = {
    **dict.fromkeys(
        """mr mister sir lord king prince father brother uncle colonel col captain capt major rev admiral
        duke earl count baron monsieur herr signor""".split(),
        "m",
    ),
    **dict.fromkeys(
        """mrs ms miss mistress lady queen princess sister aunt madam madame mademoiselle mme mlle dame duchess
        countess baroness frau signora""".split(),
        "f",
    ),
    **dict.fromkeys(
        """dr doctor prof professor mayor president sen senator rep gov governor judge justice gen general lt
        lieutenant sgt sergeant st officer detective chief councillor councilor minister secretary bishop""".split(),
        None,
    ),
}
ABBREVIATED_TITLES = (
    "Mr",
    "Mrs",
    "Ms",
    "Mme",
    "Mlle",
    "Dr",
    "Prof",
    "Sen",
    "Rep",
    "Gov",
    "Gen",
    "Capt",
    "Col",
    "Lt",
    "Sgt",
    "St",
    "Rev",
)
# Titles of rank that stay with the name ("Sir Tobias Wren"); Mr, Mrs and Miss change with the company.
RANK_TITLES = frozenset(
    """sir lady lord dame captain admiral colonel major general lieutenant sergeant dr doctor professor
    prof reverend rev duke duchess earl count countess baron baroness prince princess king queen""".split()
)
# Kin words name a person by gender too: "replied her brother".
KIN_GENDER: dict[str, Gender] = {
    **dict.fromkeys("husband father son brother uncle nephew papa grandfather grandson".split(), "m"),
    **dict.fromkeys("wife mother daughter sister aunt niece mamma mama grandmother granddaughter".split(), "f"),
}
# Forms of address that tell the members of a family apart: "Mrs. Hale" is neither "Miss
# Agnes Hale" nor "Dr. Robert Hale" ("Ms" may stand for "Mrs" or "Miss").
COURTESY_TITLES = frozenset("mr mrs miss ms master dr".split())
# Titles of rank or office that bring the text in the ordinary word: "Dr. Hale" … "the doctor".
TITLE_NOUNS = {
    "dr": "doctor",
    "prof": "professor",
    "gen": "general",
    "capt": "captain",
    "col": "colonel",
    "lt": "lieutenant",
    "sgt": "sergeant",
    "gov": "governor",
    "sen": "senator",
    "rep": "representative",
    "rev": "reverend",
}
# The verbs of a Title Case headline ("Wilk Says Harbour Deal Is …"): never part of a name.
HEADLINE_VERBS = frozenset("Says Said Tells Told Calls Warns Claims Vows Insists Admits Denies Urges".split())
# Titles that always begin a new person's name, never sit inside one ("Dora Mrs Arden" is two people).
PERSONAL_TITLES = frozenset("mr mrs ms miss sir lady lord madam dame dr".split())
KIN_WORDS = frozenset(
    """wife husband mother father sister brother daughter son aunt uncle cousin niece nephew mamma papa
    mama grandmother grandfather grandson granddaughter""".split()
)
NARRATOR = "the narrator"
"""Who "I" is in first-person fiction until the others' words name them (`narrator.py`)."""
# Descriptions that name a person by gender: "said the boy", "the old woman".
DESCRIBED_GENDER: dict[str, Gender] = {
    **dict.fromkeys("boy lad man gentleman fellow youth husband".split(), "m"),
    **dict.fromkeys("girl lass woman lady maid wife".split(), "f"),
}
MALE_TITLES = frozenset(title for title, gender in TITLES.items() if gender == "m")
FEMALE_TITLES = frozenset(title for title, gender in TITLES.items() if gender == "f")
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
# Where someone is from, as English writes it before a name or alone ("the Frenchman Tomas",
# "a Russian"): a general list of nationalities, not drawn from any text.
NATIONALITIES = frozenset(
    """american british english french german italian spanish russian austrian prussian polish dutch
    swedish danish norwegian finnish greek turkish chinese japanese korean indian irish scottish
    scotch welsh mexican canadian australian brazilian egyptian persian arabian venetian
    florentine parisian cockney european asian african swiss belgian portuguese hungarian czech
    ukrainian bavarian saxon englishman frenchman dutchman irishman scotsman welshman
    englishmen frenchmen dutchmen irishmen scotsmen welshmen""".split()
)
# Common English given names (a general list, not drawn from any text), so "he" after
# "Mary" and "she" after "John" can be ruled out. Not those that are as often a city's name:
# "she" after "they left for" such a name is nobody there.
MALE_NAMES = frozenset(
    """aaron abraham adam adrian al alan albert alec alexander alexis alfred allan ambrose andrew angus
    anthony archibald archie arnold arthur augustus barnaby bartholomew basil ben benedict
    benjamin bernard bertie bertram bill billy bob bobby brian bruce cecil cedric charles charlie chris
    christopher clarence claude clement clifford colin conrad cornelius cuthbert cyril dan daniel david
    denis dennis derek dick donald dudley duncan edgar edmund edward edwin eli elias elijah ernest
    eugene ezra felix ferdinand francis frank fred frederick gabriel geoffrey george gerald gilbert
    giles godfrey gordon graham gregory guy harold harry harvey hector henry herbert horace howard
    hubert hugh humphrey ian isaac ivan jack jacob james jason jasper jeremy jim jimmy joe john
    jonathan joseph joshua julian julius kenneth kevin laurence lawrence leonard leopold lewis lionel
    louis luke malcolm marcus mark martin matthew maurice max michael mike miles morris moses nathan
    nathaniel neville nicholas nigel norman oliver oscar oswald owen patrick paul percy peter philip
    ralph raymond reginald richard robert roderick rodney roger roland ronald rufus rupert ryan sam
    samuel sebastian septimus silas simon solomon stanley stephen steven ted theodore thomas tim
    timothy tobias toby tom tony victor vincent walter wilfred william zachary""".split()
)
FEMALE_NAMES = frozenset(
    """ada adelaide agatha agnes alice amelia amy ann anna anne annie arabella barbara beatrice
    bella bertha betsy betty blanche bridget caroline cassandra catherine cecilia cecily charlotte
    christina claire clara clarissa constance cora cordelia cynthia daisy deborah delia diana dinah
    dolly dora dorothea dorothy edith eleanor elinor eliza elizabeth ella ellen elsie emily emma esther
    ethel eugenia fanny flora frances georgiana georgina gertrude grace gwendolen hannah
    harriet helen helena henrietta hester hilda isabel isabella jane janet jemima jennifer jenny
    jessica jessie joan josephine judith julia juliet karen kate katherine kathleen kitty laura lavinia
    lily linda lizzie louisa louise lucy lydia mabel madeleine maggie margaret margery maria marian
    marianne martha mary matilda maud meg michelle millicent minnie miriam molly nancy nellie nelly
    nora olive olivia patricia peggy penelope phoebe polly priscilla rachel rebecca rosa rosalind
    rosamond rose ruth sally sarah selina sharon sophia sophie susan susanna sybil sylvia theresa
    ursula victoria violet winifred""".split()
)


# The short forms of common English given names (a general list, drawn from no text): the
# one who goes by "Harry" may be Henry, "Lizzy" Elizabeth. Short form → the names it shortens.
SHORT_FORMS: dict[str, frozenset[str]] = {
    short: frozenset(names.split())
    for shorts, names in (
        ("harry hal", "henry"),
        ("jim jimmy jem jamie", "james"),
        ("bill billy will willy willie", "william"),
        ("tom tommy", "thomas"),
        ("dick", "richard"),
        ("bob bobby rob", "robert"),
        ("ned teddy", "edward edmund"),
        ("jack johnny", "john"),
        ("joe", "joseph"),
        ("sam sammy", "samuel"),
        ("ben", "benjamin"),
        ("fred freddy freddie", "frederick"),
        ("charlie", "charles"),
        ("nick", "nicholas"),
        ("tony", "anthony"),
        ("steve", "stephen steven"),
        ("andy", "andrew"),
        ("dan danny", "daniel"),
        ("mike", "michael"),
        ("pete", "peter"),
        ("phil", "philip"),
        ("matt", "matthew"),
        ("walt", "walter"),
        ("archie", "archibald"),
        ("kit", "christopher"),
        ("larry", "laurence lawrence"),
        ("alec sandy", "alexander"),
        ("davy", "david"),
        ("lizzy lizzie liz bess bessie betsy betty beth", "elizabeth"),
        ("kate kitty katy", "catherine katherine kathleen"),
        ("fanny", "frances"),
        ("polly molly", "mary"),
        ("sally", "sarah"),
        ("peggy meg maggie madge", "margaret"),
        ("nell nelly nellie", "eleanor ellen helen"),
        ("annie", "anne ann anna"),
        ("jenny jennie", "jane jennifer"),
        ("milly", "millicent"),
        ("dolly", "dorothy"),
        ("sue susie", "susan susanna"),
        ("patty patsy", "martha patricia"),
        ("lottie", "charlotte"),
        ("tilly", "matilda"),
        ("cissy sissy", "cecilia cecily"),
    )
    for short in shorts.split()
}


# Months, which may end a sentence: "She retired in Nov. Her successor …".
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
# States and streets, which may end a sentence: "… in Gullwick, Calif.", "… on Harbour St.".
PLACE_ABBREVIATIONS = frozenset(
    """ariz calif colo conn fla ill ind kan mass mich minn miss mont neb nev okla ore penn tenn wash wis
    st ave blvd rd hwy""".split()
)
ABBREVIATIONS = (
    frozenset(
        """mr mrs ms messrs mme mlle dr prof rev fr sr mt gen col lt sgt capt cmdr cpl pvt adm
        maj brig rep reps sen sens gov pres supt insp det hon atty esq no nos n° vol vols fig figs
        pp p ch sec art op para approx ca cf vs v viz al dept univ assn bros ft e.g i.e""".split()
    )
    | MONTH_ABBREVIATIONS
    | PLACE_ABBREVIATIONS
)

SOMETIMES_FINAL = frozenset(
    "etc inc ltd co corp jr sr llc plc bros a.m p.m u.s u.k u.n d.c e.u u.s.a ph.d b.a m.a".split()
)

INDEFINITE_PRONOUNS = frozenset("nobody somebody someone everybody everyone anybody anyone nothing none".split())
"""Pronouns for nobody in particular: capitalised, they open a sentence ("Nobody replied."); they are never a name."""

SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you his her its their our my this that these those there
    but and so yet then now when while after before in on at as if however meanwhile still
    police officials what why how who where""".split()
)

OPENING_WORDS = frozenset(
    """amid amidst among amongst despite during through throughout within without upon via toward towards
    against along across around beyond behind beneath beside besides between above below inside outside
    regarding concerning including unlike except instead meanwhile whereas later earlier
    now still again already given alongside like maybe much following finally""".split()
)
"""Prepositions and adverbs that open a sentence and are never a name: "Amid …", "Given his …"."""

CLAUSE_OPENERS = frozenset(
    "as that this when while if because although though since unless whether so and but or then there".split()
)
"""Words that open a clause and are never its subject: "As reported by …", "That makes her …"."""

SENTENCE_STARTERS = (
    frozenset(
        """the a an but and so yet then when while after before in on at as if however this that these
    those there it he she they we i you his her its their our my what why how who where one some
    for to with from by of about into over under since until asked said told is was are were do does
    did have has had can will would shall should could may might must not no yes oh ah well all
    every each both either neither nor nothing everyone everybody someone somebody nobody here
    though although because since unless whether perhaps indeed also even only just
    check read see watch click listen follow share sign join look pray""".split()
    )
    | OPENING_WORDS
)

PEOPLE_WORDS = frozenset(
    """officials voters lawmakers residents critics experts analysts democrats republicans members
    leaders parents students workers supporters opponents economists scientists observers investors
    percent people americans respondents""".split()
)

CLAUSE_WORDS = frozenset("that which who whom whose when if was were is are be been had has have not did does".split())

DETERMINERS = frozenset(
    "the a an her his their its our my some many one two three several another both all most this these those".split()
)

ORGANISATION_WORDS = frozenset(
    """ltd inc corp co llc plc group systems capital council gazette times post news journal
    party trust museum university college company corporation association agency board committee
    department ministry bank mutual fund foundation institute center centre office service
    services network channel press club union church court police house senate congress
    parliament government administration campaign team""".split()
)

# One word set off by commas between a subject and its verb: "Holm, meanwhile, said".
ASIDES = frozenset(
    "meanwhile however though too instead also then therefore moreover nevertheless nonetheless meantime again".split()
)
WORDS_BEFORE_A_VERB = frozenset(
    """not never did does do would will could may might has had have is are was were be been being also then later
    once again previously reportedly allegedly publicly privately repeatedly already long often always
    still just even now since can cannot can't can’t must should shall further soon ever""".split()
)

# Verbs that take another after "to", whose subject is the other's: "Lund has tried to defend".
CATENATIVE_VERBS = frozenset(
    """try tries tried trying manage manages managed continue continues continued begin begins began begun
    start starts started want wants wanted refuse refuses refused decide decides decided seek seeks sought
    hope hopes hoped plan plans planned attempt attempts attempted need needs needed used going seem seems
    seemed appear appears appeared trying managing continuing beginning starting wanting refusing deciding
    seeking hoping planning attempting needing seeming appearing""".split()
)
# "helped persuade", "helps explain": a verb before a bare one.
HELP = frozenset("help helps helped helping".split())

# Plural nouns that speak on their own beside a verb ("authorities say", "polls show"): the
# plural heads of at least 7 gold sources in the training articles, less "his" and "years".
SOURCE_PLURALS = frozenset(
    """officials voters candidates leaders supporters polls experts aides allies groups advisers others
    records members states senators advocates lawmakers analysts critics strategists admirers sources
    reports friends executives results scientists politicians rivals emails activists opponents donors
    conservatives delegates insiders campaigns parties economists filings contenders prosecutors
    authorities networks observers organizations analysis editorials courts countries ads businesses
    writers lawyers attendees employees protesters unions actors brothers workers operatives clerks
    progressives researchers""".split()
)
# Words that may open a clause before its subject: "While many traders …", "Yet the board …".
CLAUSE_LEADS = frozenset(
    "and but or so yet as while though although because since if when where with even still".split()
)
# After a subject, before its verb: "Holm himself said".
REFLEXIVES = frozenset("himself herself themselves itself myself ourselves".split())
POSSESSIVES = frozenset("his her their its our my your".split())
BE_FORMS = frozenset("is are was were be been being".split())
# The small words inside a body's name: "Department of Justice", "Bank of the North".
INSIDE_A_NAME = frozenset("of the for on".split())
# Words that may be a finite verb without "-s" or "-ed": the modals and common irregular pasts.
MODALS_AND_IRREGULAR_PASTS = frozenset(
    """did do can could may might must should would will said told made took gave got went came saw
    thought knew felt wrote spoke put set let cut hit ran sent kept left led met paid sold won lost
    became began brought bought built caught chose drew drove fell fought found heard held meant rose
    sang sat shook shot sought spent stood struck swore taught threw understood wore bid read quit""".split()
)
PAST_IRREGULAR = frozenset(
    """ate became began bent bit bled blew bore bought bound broke brought built caught chose clung came
    crept cut dealt did drank drew drove dug fed fell felt fled flew flung fought found forgot froze
    gave got grew had heard held hid hit hung kept knelt knew laid lay leapt led left lent let lit lost
    made meant met paid put quit ran rang read rode rose said sang sank sat saw sent set shook shone
    shut slept slid sold sought spat spent spoke sprang stood stole strode struck stuck swam swore swung
    taught tore threw thought told took understood was went woke won wore wound wept wrote""".split()
)
"""English verbs whose past tense is not made with "-ed" (`MODALS_AND_IRREGULAR_PASTS` keeps the
common ones that may stand as a finite verb anywhere, with the modals)."""
# Cue words that are participles without "-ed": "Gullwick was still known as …", "was shown to".
IRREGULAR_PARTICIPLES = frozenset("known shown seen found thought held heard understood".split())
# Words that stand for people on their own, as a verb's subject: "Many say", "Others argue".
QUANTIFIERS = frozenset("many some most several few others both".split())

LABEL_WORDS = frozenset("poll survey study report analysis review audit memo statement".split())

# Words of time: "said Mr Hale one morning", "The mayor on Tuesday said" — never a speaker.
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
DAYS_AND_MONTHS = WEEKDAYS | frozenset(
    """january february march april may june july august september october november december""".split()
)
TIME_WORDS = DAYS_AND_MONTHS | frozenset(
    """morning evening afternoon night day days week weeks month months year years hour hours minute
    minutes moment time times today tonight yesterday tomorrow spring summer autumn winter weekend
    jan feb mar apr jun jul aug sep sept oct nov dec past future meantime interim""".split()
)
# Words that make a phrase of time with one of TIME_WORDS: "on Tuesday", "late last week".
TIME_MODIFIERS = frozenset("on last this late early earlier next past each every".split())

SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to with vs".split())

# Abbreviations that are words too, and are those words when written in lower case: "I said no.",
# "he was ill." end sentences; "No. 5", "Ill." do not.
ABBREVIATIONS_THAT_ARE_WORDS = frozenset("no ill wash mass art miss ore mar".split())
# Words that make a run of capitals a place: "Northern Marrow", "Pension Gullwick", "Gull Lodge".
PLACE_WORDS = frozenset(
    """northern southern eastern western pension hotel inn street square road avenue palace station
    harbour harbor river lake island valley county village abbey manor lodge cathedral chapel""".split()
)
# The titles a book may keep before a full name it writes so ("Mr. O. K. Varga").
PLAIN_TITLES = frozenset("mr mrs miss ms".split())
# A verb's particle, which opens no speaker: "chimed in the princess", "broke out the old man".
PARTICLES = frozenset("in out up back off down on at to of for with from by into".split())
# Words a hyphen written for a dash runs into: "… the regatta-and Tomas", "Ida-as if".
DASHED_WORDS = frozenset("a an and as at but for if in is of or so the to was were when with".split())
# Adverbs that end in s, as a plural noun does: "said Mr. Holm afterwards" names Mr. Holm alone.
ADVERBS_IN_S = frozenset(
    """afterwards always perhaps sometimes besides towards backwards forwards upwards downwards onwards
    outwards inwards homewards nowadays thus unless nevertheless nonetheless less alas yes""".split()
)


# Common verbs kept only in the forms listed: their other forms are mostly not about speech.
_NOT_INFLECTED = frozenset(
    """see saw sees seen know knows knew back backs backed view views viewed show shows showed shown
    want wants wanted plans planned support supports supported felt feels called calls read reads
    find finds found saw learned expect expected hope hoped fear feared think thought
    calculated calculates reckoned reckons surmised inferred deduced""".split()
)


def inflected(words: frozenset[str]) -> frozenset[str]:
    """Every verb in the list in its other forms too (claim → claims, claimed, claiming)."""
    forms = set(words)
    for word in words:
        if " " in word or word in _NOT_INFLECTED:
            continue
        # An inflected form is not a stem itself ("accepted" gives no "accepteded").
        if word.endswith("ied"):
            stems = {word[:-3] + "y"}
        elif word.endswith("ed"):
            stems = {word[:-2], word[:-1]}
        elif word.endswith("ing"):
            stems = {word[:-3], word[:-3] + "e"}
        elif word.endswith("es"):
            stems = {word[:-2], word[:-1]}
        elif word.endswith("s"):
            stems = {word[:-1]}
        else:
            stems = {word}
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
    credit credits signal signals dispute disputes blame plea pleas thank thanks voice voices""".split()
)


BOOK_LENGTH = 80_000
"""An article is rarely longer than this, in characters; a novel always is."""


def capitalised(words: frozenset[str] | set[str]) -> frozenset[str]:
    """Each word as it may stand where a capital is already matched: "Then" and "THEN". A
    case-blind alternation ("(?i:then|…)") is several times slower in Python's re."""
    return frozenset(form for word in words for form in (word[:1].upper() + word[1:], word.upper()))


def word_alternation(words: frozenset[str] | set[str]) -> str:
    """A regex alternation of `words` shaped as a trie ("s(?:a(?:id|ys)|…)").

    Python's re tries the branches of a flat alternation one by one at every position;
    sharing prefixes lets a book's worth of text fail fast. Each trie is made once and kept
    with the compiled patterns (`kept_regex`), keyed by its words.
    """
    from content.analysis import kept_regex  # (this module itself stays free of imports)

    return kept_regex.kept_text("word trie\n" + "\n".join(sorted(words)), lambda: _trie(words))


def _trie(words: frozenset[str] | set[str]) -> str:
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
