"""The words newscheck's rules read, in one place.

Each list holds the general vocabulary of English news (speech verbs, hedges, words of
expectation, titles and honorifics, single-holder offices, words that count people), never
the words of one story. A rule that needs a word list imports it from here, so that a reader can
see at a glance what the engine knows, and a fix to a list reaches every stage.
"""

from __future__ import annotations

import re

# fmt: off
# --------------------------------------------------------------------------- function words

# Words that carry no content of their own: dropped before two texts' words are compared
# (the reporting verbs "said", "told", "according" included: every report has them).
STOP_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for",
    "with", "from", "as", "into", "onto", "over", "under", "about", "after", "before",
    "since", "until", "than", "then", "that", "this", "these", "those", "there", "here",
    "it", "its", "it's", "they", "them", "their", "he", "him", "his", "she", "her", "we",
    "our", "you", "your", "i", "me", "my", "is", "are", "was", "were", "be", "been",
    "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "not", "no", "nor", "so", "such",
    "also", "just", "only", "very", "more", "most", "much", "many", "some", "any", "all",
    "each", "other", "which", "who", "whom", "whose", "what", "when", "where", "why", "how",
    "said", "say", "says", "saying", "told", "tells", "according", "while", "during",
    "against", "up", "down", "out", "off", "again", "further", "once", "per", "via", "s",
})

# --------------------------------------------------------------------------- speech

# Verbs that report speech or writing: their subject is a source, their complement the
# content ("X said the talks failed").
SPEECH_VERBS = frozenset({
    "say", "tell", "state", "announce", "claim", "report", "add", "confirm", "warn",
    "insist", "note", "explain", "argue", "write", "declare", "allege", "assert", "deny",
    "acknowledge", "admit", "estimate", "predict", "believe", "think", "suggest", "told",
    "tweet", "testify", "contend", "maintain", "stress", "reiterate",
})

# Verbs whose clausal complement is reported speech ("she warned that the fund was
# short"): the cues of indirect quotes. Narrower than SPEECH_VERBS on the side of
# opinion ("believe", "think", "estimate") and denial, which quote no one's words.
REPORTED_SPEECH_VERBS = frozenset({
    "say", "add", "tell", "warn", "insist", "note", "argue", "write", "state", "explain",
    "claim", "declare", "announce", "tweet", "acknowledge", "admit", "suggest",
    "predict", "contend", "allege", "assert", "maintain", "confirm", "report",
    "stress", "emphasize", "emphasise", "concede", "testify", "complain", "caution",
})

# Verbs that introduce quoted words ("'We will not stop,' she vowed"): the reported
# speech verbs and the verbs of manner and reply that only frame a direct quote.
QUOTE_CUE_VERBS = REPORTED_SPEECH_VERBS | frozenset({
    "ask", "continue", "reply", "respond", "recall", "answer", "remark", "observe",
    "joke", "quip", "vow", "promise", "post", "exclaim", "shout", "yell", "boast",
    "conclude", "deny", "point", "proclaim", "repeat", "retort", "wonder", "urge",
    "counter", "demand", "scream", "plead", "lament", "comment", "reiterate", "chant",
    "interject",
})

# --------------------------------------------------------------------------- light verbs

# Verbs that carry little meaning of their own: two claims sharing one say nothing alike.
LIGHT_VERBS = frozenset({
    "be", "have", "do", "make", "get", "go", "take", "come", "give", "put", "let", "keep",
    "become", "seem", "include",
})
# The shorter list alignment uses for a shared predicate: it counts "say" as light too
# (every report says something) and still lets "come", "give", "put", "let", "keep",
# "become", "seem" and "include" anchor two claims. Kept apart from LIGHT_VERBS because
# the union changes which claims align; unify it when alignment is checked on gold.
ALIGN_LIGHT_VERBS = frozenset({"be", "have", "say", "do", "make", "get", "go", "take"})
# The verbs too common to anchor two claims by themselves when shared: any other shared
# predicate counts as one kind of anchor in alignment.
ANCHOR_EMPTY_VERBS = frozenset({"be", "have", "say"})

# Verbs whose complement is denied: "denied that she met him" says she did not.
DENIAL_VERBS = frozenset({"deny", "refute", "dispute", "reject"})

# --------------------------------------------------------------------------- hedges

# Auxiliaries and adverbs that hedge a statement: "may meet", "reportedly met".
# A claim is hedged by the modals of possibility; a frame also by "can" and "must" (and
# "ca" of "can't"), since "can meet" or "must meet" does not say the meeting happens,
# while a claim reading "the port can hold 40 ships" still states a fact.
CLAIM_HEDGE_AUXILIARIES = frozenset({"may", "might", "could", "would", "should"})
HEDGE_AUXILIARIES = CLAIM_HEDGE_AUXILIARIES | frozenset({"can", "must", "ca"})
HEDGE_ADVERBS = frozenset({
    "reportedly", "allegedly", "purportedly", "apparently", "possibly", "probably",
    "perhaps", "maybe", "seemingly", "supposedly",
})
# Auxiliaries of the future: "will meet" expects the meeting ("wo" is "won't" split).
FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "wo"})
# Heads that hedge their complement: "seems to", "appears to", and in the passive
# "is said / believed / thought / reported / understood / rumoured to".
HEDGING_VERBS = frozenset({"seem", "appear"})
HEDGING_PASSIVES = frozenset({
    "say", "believe", "think", "report", "understand", "rumour", "rumor", "allege", "suppose",
})
# Hedging words and phrases read in a claim's own words when the parse shows none. The
# modals match case-sensitively, so "May" (the month, a name) is no hedge.
HEDGE_PHRASES = re.compile(
    r"\b(?:reportedly|allegedly|purportedly|apparently|possibly|probably|likely|"
    r"unconfirmed|rumou?red|is said to|are said to|was said to|were said to|"
    r"(?:is|are|was|were) (?:expected|believed|thought|understood|reported|set) to|"
    r"appears? to|appeared to|seems? to|seemed to|(?-i:may|might|could|would|Might|Could|Would)|"
    r"according to unconfirmed|it is understood)\b",
    re.IGNORECASE,
)

# Words an event is expected by ("is expected to meet", "plans to meet") and words that
# deny the expectation ("is unlikely to meet"). Frames read the common words and
# "prepare", "aim", "ready"; claims read the common words and the lemma "go" (so any
# "go(es)/went to" + verb). Kept apart because the union changes which claims and frames
# read as expected; unify it when modality is checked on gold.
_EXPECTATION_COMMON = frozenset({
    "expect", "expected", "likely", "set", "due", "plan", "schedule", "scheduled", "intend",
    "poise", "poised", "slate", "slated", "going",
})
EXPECTATION_WORDS = _EXPECTATION_COMMON | frozenset({"prepare", "aim", "ready"})
CLAIM_EXPECTATION_WORDS = _EXPECTATION_COMMON | frozenset({"go"})
UNLIKELY_WORDS = frozenset({"unlikely", "improbable"})

# --------------------------------------------------------------------------- titles

# Titles and offices that stand before or after a name ("Finance Minister Ana Ruiz", "Ana
# Ruiz, the finance minister"): one regular expression per title, joined as alternatives
# (``[- ]`` where news writes both "vice president" and "vice-president").
TITLES = (
    "prime minister|minister|secretary|president|vice[- ]president|chancellor|governor|mayor|"
    "senator|sen\\.|gov\\.|rep\\.|representative|congressman|congresswoman|lawmaker|mp|"
    "premier|spokesperson|spokesman|spokeswoman|director|director[- ]general|chief executive|"
    "ceo|cfo|coo|chairman|chairwoman|chairperson|chair|head|commissioner|ambassador|envoy|"
    "general|judge|justice|attorney general|attorney|prosecutor|leader|chief|official|"
    "superintendent|manager|king|queen|prince|princess|pope|coach|captain|inspector|"
    "sheriff|commander|adviser|advisor|economist|analyst|founder|co-founder|owner|"
    "president-elect|speaker|deputy|treasurer|negotiator|organiser|organizer|"
    "executive|officer|professor|researcher|scientist|lawyer|editor|correspondent"
)
# Title words beyond TITLES that stand before a name or alone for a person ("dictator
# Kim", "the special counsel"): names read them, roles do not (a role needs an office).
PERSON_TITLES = (
    "dictator", "counsel", "nominee", "candidate", "emperor", "sultan", "emir", "ayatollah",
    "monarch", "tycoon", "aide", "administrator", "counterpart", "strongman", "regent",
    "sheikh", "crown prince", "first lady", "secretary of state", "special counsel",
    "chief of staff", "national security adviser", "press secretary", "secretary-general",
)
# Title words that are also common surnames: "John King" is a name, "Saudi King" a title.
SURNAME_TITLES = frozenset({"king", "bishop", "major", "marshal", "judge", "dean", "knight",
                            "chancellor", "speaker", "chief", "sheriff", "coach", "general"})
# Head words of capitalised titles before a quote's speaker ("Labour Minister Carl
# Berg"). Quotes keep their own shorter list (with "engineer" and "councillor", which
# TITLES lacks): speaker finding was measured with it.
SPEAKER_TITLE_WORDS = frozenset({
    "minister", "president", "director", "secretary", "chairman", "chairwoman", "chair",
    "governor", "senator", "mayor", "spokesman", "spokeswoman", "spokesperson", "chief",
    "commissioner", "ambassador", "general", "judge", "leader", "manager", "officer",
    "representative", "congressman", "congresswoman", "councillor", "councilor", "editor",
    "professor", "prosecutor", "attorney", "sheriff", "superintendent", "treasurer",
    "chancellor", "premier", "speaker", "economist", "analyst", "engineer", "executive",
})

# Words that narrow a role without naming a body ("foreign minister", "special counsel").
ROLE_MODIFIERS = frozenset({
    "deputy", "vice", "assistant", "associate", "foreign", "finance", "financial", "defence",
    "defense", "interior", "home", "justice", "health", "labour", "labor", "economy",
    "economic", "trade", "education", "energy", "transport", "environment", "agriculture",
    "state", "police", "fire", "union", "party", "press", "port", "city", "county",
    "district", "general", "chief", "senior", "junior", "executive", "managing", "federal",
    "regional", "national", "local", "communications", "public", "prime", "attorney",
    "authority", "company", "council", "club", "team", "operations", "security",
    "intelligence", "military", "army", "navy", "campaign", "government", "special",
    "supreme", "top", "presidential", "white", "house", "central", "bank", "news", "legal",
    "board", "group", "first", "majority", "minority", "opposition", "crown", "prosecutor",
})
# The lower-case words the role patterns let stand before a title, as written (with
# possessives, "council's", and two-word ones, "white house"), in the order the pattern
# tries them. They grew apart from ROLE_MODIFIERS ("top", "special" are not here;
# "technology", "research" are): a union changes which roles are read, so both are kept
# until roles are checked on gold.
ROLE_PATTERN_MODIFIERS = (
    "deputy", "vice", "assistant", "associate", "foreign", "finance", "financial", "defence",
    "defense", "interior", "home", "justice", "health", "labour", "labor", "economy",
    "economic", "economics", "trade", "education", "energy", "transport", "transportation",
    "environment", "agriculture", "state", "police", "fire", "union", "party", "press",
    "port", "city", "county", "district", "general", "chief", "senior", "junior",
    "executive", "managing", "federal", "regional", "national", "local", "communications",
    "public", "foreign affairs", "prime", "attorney", "authority", "authority's", "company",
    "company's", "union's", "council", "council's", "club", "team", "operations",
    "security", "intelligence", "military", "army", "navy", "campaign", "government",
    "government's", "white house", "central bank", "bank", "news", "technical",
    "technology", "medical", "research", "legal", "board", "group",
)

# Roles many people hold at once: naming two of them is no disagreement, even qualified
# ("union spokeswoman"). The offices in SINGLE_OFFICES have one holder.
PLURAL_ROLES = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "member", "members",
    "lawmaker", "analyst", "aide", "adviser", "advisor", "worker", "workers", "officer",
    "officers", "resident", "residents", "correspondent", "reporter", "expert", "witness",
    "source",
})
SINGLE_OFFICES = frozenset({
    "president", "prime minister", "chancellor", "mayor", "governor", "premier", "pope",
    "king", "queen", "ceo", "chief executive", "chairman", "chairwoman", "chair",
    "secretary general", "secretary-general",
})

# --------------------------------------------------------------------------- honorifics

# Honorifics of address, without their dot: what quotes strip from a speaker's name.
SOCIAL_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame"})
# Every abbreviated title a name may carry, ranks and offices too ("Sen.", "Gen.", "Rev."):
# what names drop before comparing. Quotes keep only SOCIAL_HONORIFICS, so that a
# speaker "Sen. Ruiz" is named as the report names her.
HONORIFICS = SOCIAL_HONORIFICS | frozenset({
    "mx", "lord", "lady", "sen", "gov", "rep", "gen", "col", "capt", "lt", "sgt", "rev",
    "fr", "hon", "pres", "amb", "supt", "insp", "det", "cmdr", "adm", "maj", "cpl", "pvt",
    "msgr",
})
# Suffixes after a name ("Jr.", "III", "PhD").
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "phd", "md", "esq", "qc", "kc"})

# Words that tell a person's gender: honorifics and gendered nouns.
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "dame", "lady"})
MALE_TITLES = frozenset({"mr", "sir", "lord"})
FEMALE_WORDS = frozenset({
    "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "councilwoman", "woman",
    "mother", "wife", "daughter", "sister", "grandmother", "actress", "queen", "widow", "girl",
})
MALE_WORDS = frozenset({
    "spokesman", "chairman", "congressman", "businessman", "councilman", "man", "father",
    "husband", "son", "brother", "grandfather", "actor", "king", "widower", "boy",
})

# --------------------------------------------------------------------------- counting

# Nouns that count people: in one story "3,000 members", "3,000 workers" and "5,000
# steelworkers" count the same crowd (any "-worker" trade does: see align.counted_class),
# and "seven hurt" counts people too.
PEOPLE_NOUNS = frozenset({
    "people", "person", "member", "worker", "employee", "staff",
    "striker", "protester", "demonstrator", "resident", "civilian", "passenger", "victim",
    "man", "woman", "child", "adult", "labourer", "laborer", "miner", "crew", "hurt",
    "injured", "injure", "wounded", "dead", "killed",
})
# Names of one event: "the strike, now in its third week" and "the walkout, in its
# second week" measure the same stretch of time.
EVENT_SYNONYMS = (
    frozenset({"strike", "walkout", "stoppage", "shutdown", "lockout"}),
    frozenset({"talk", "negotiation"}),
    frozenset({"protest", "demonstration", "rally"}),
)

# --------------------------------------------------------------------------- function words

# Subordinating words under which a clause states nothing: "if she meets", "whether".
CONDITIONAL_MARKS = frozenset({"if", "whether", "unless", "lest"})

# Determiners and pronouns that negate the argument they stand for: "no one was charged".
NEGATIVE_DETERMINERS = frozenset({"no", "none", "neither", "nobody", "nothing"})
# Words that negate what follows them, the negative determiners included: one text of a
# pair holding one and the other not is a feature of the pair judge.
NEGATION_WORDS = NEGATIVE_DETERMINERS | frozenset({"not", "never", "nor", "without"})

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})

# The gender a pronoun refers to ("she" is a woman), for resolving it to a person.
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

# Superlatives of rank whose holder is one: "the largest buyer", "the top exporter".
RANK_SUPERLATIVES = {
    "largest": "largest", "biggest": "largest", "greatest": "largest", "top": "largest",
    "leading": "largest", "smallest": "smallest", "oldest": "oldest", "youngest": "youngest",
    "first": "first", "last": "last", "richest": "richest", "poorest": "poorest",
    "highest": "highest", "lowest": "lowest", "fastest": "fastest", "most": "most",
}
# fmt: on


# --------------------------------------------------------------------------- numbers, dates

# fmt: off
CARDINAL_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)
"""Full month names, January first."""

# Words for a small count, with the number read for them ("a few days ago": three days).
FEW_WORDS = {"several": 3, "a few": 3, "few": 3, "a couple of": 2, "couple of": 2}

# --------------------------------------------------------------------------- positions

# Verb lemma -> the stance an asserted, unnegated use of it states ("rejected the offer").
STANCE_VERBS = {
    "reject": "rejects", "accept": "accepts", "support": "supports", "back": "supports",
    "endorse": "supports", "oppose": "opposes", "criticise": "criticises",
    "criticize": "criticises", "welcome": "welcomes", "condemn": "condemns",
    "demand": "demands", "refuse": "refuses", "urge": "urges",
}
# (verb lemma, particle) -> stance: a phrasal verb ("turned down the offer", "called for").
STANCE_PHRASAL_VERBS = {
    ("turn", "down"): "rejects", ("vote", "down"): "rejects", ("call", "for"): "calls for",
    ("call", "on"): "urges", ("appeal", "to"): "urges",
}
# Verb lemma -> stance, said in the first person only ("I ask both sides to return").
STANCE_FIRST_PERSON_VERBS = {"ask": "urges"}
# Speech verb lemma (a quote's cue) -> the stance its reported words state.
STANCE_SPEECH_VERBS = {"insist": "insists", "warn": "warns", "deny": "denies"}
# Words after "supports" that make it another verb ("back down", "back to work").
STANCE_NOT_OBJECTS = frozenset({
    "with", "to", "in", "on", "down", "up", "out", "from", "away", "off",
})
# An offer said to be final: "the offer is final", "it is our final offer"...
FINAL_WORDS = frozenset({"final", "non-negotiable", "last"})
OFFER_NOUNS = frozenset({"offer", "offered", "proposal", "bid", "package"})
# ... or not to change: "would not improve its offer".
OFFER_CHANGE_VERBS = frozenset({"improve", "raise", "increase", "sweeten", "change"})
PAY_NOUNS = frozenset({"rise", "raise", "increase", "pay", "wage"})
# Words of a call to go back to the table or settle ("return to talks", "reach a deal").
TALKS_WORDS = frozenset({
    "talk", "talks", "talking", "table", "negotiate", "negotiating", "negotiation",
    "negotiations", "back", "return", "returning", "meet", "meeting", "settle", "settled",
    "settlement", "agreement", "deal", "solution", "resolve", "resolution",
})
# A speaker's appeal to others: "Both sides need to return to talks".
APPEAL_SUBJECTS = frozenset({"both sides", "the two sides", "everyone", "all sides"})
APPEAL_VERBS = frozenset({"need", "must", "should", "have", "ought"})
# Words that end the phrase a stance is about ("rejected the offer because ...").
ISSUE_END_WORDS = frozenset({
    "because", "after", "before", "while", "saying", "as", "which", "that", "on", "in",
    "at", "from", "by", "until", "amid", "during", "despite", "following", "since",
    "unless", "when", "if", "but",
})
# Words dropped from the head / tail of an issue ("the latest offer", "talks with").
ISSUE_LEAD_WORDS = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
    "latest", "new", "proposed", "planned", "recent", "any", "all", "current", "revised",
    "final", "striking", "formally", "also", "has", "have", "had", "on", "now",
})
ISSUE_TAIL_WORDS = frozenset({"of", "the", "a", "an", "and", "or", "to", "for", "into", "with"})
# Words that never name an actor on their own ("we", "it", "talks").
NON_ACTOR_WORDS = frozenset({
    "i", "we", "you", "he", "she", "it", "they", "this", "that", "who", "which", "there",
    "one", "someone", "nobody", "everyone", "talks", "our", "us", "them",
})
FIRST_PERSON_WORDS = frozenset({"we", "i", "our", "my"})
# Head nouns of an organisation ("the port authority", "Halifax Chamber of Commerce").
ORGANISATION_HEADS = frozenset({
    "union", "government", "ministry", "company", "party", "council", "authority", "police",
    "court", "board", "management", "employers", "committee", "association", "federation",
    "opposition", "commission", "chamber", "institute", "agency", "office", "service",
    "department", "group", "alliance", "bank", "firm", "operator", "confederation",
})
# Nouns for a workforce (compound trades, "steelworkers", count too).
WORKER_NOUNS = frozenset({
    "workers", "strikers", "members", "employees", "staff", "drivers", "nurses", "teachers",
    "miners", "pilots",
})
# Title words of a role ("Port Authority director"): never the organisation's name.
ROLE_TITLE_WORDS = frozenset({
    "director", "president", "spokeswoman", "spokesman", "spokesperson", "chairman",
    "chairwoman", "chair", "head", "chief", "executive", "secretary", "leader", "general",
    "deputy", "vice", "managing", "representative", "official", "negotiator", "manager",
})
OFFICE_WORDS = frozenset({"minister", "mayor", "governor", "senator", "premier", "prime"})

# --------------------------------------------------------------------------- brief and sources

# A sentence opening on one of these points back ("It was closed", "They said"): out of
# its article it does not stand alone; "the other" and "(two) of them" do the same.
ANAPHORIC_OPENERS = frozenset({
    "it", "its", "they", "their", "them", "he", "his", "she", "her", "this", "these",
    "those", "that", "there", "both",
})
ANAPHORIC_OF = frozenset({"them", "those", "these"})
# Openers lowered when a sentence is set after "According to X only, ".
LOWERCASE_OPENERS = frozenset({
    "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those",
    "some", "most", "many", "several", "all", "about", "nearly", "more", "at", "in", "on",
    "after", "before", "during", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten",
})
# Words that end a clause broken by quote splitting ("Talks resumed Thursday, but .").
DANGLING_CONJUNCTIONS = frozenset({"but", "and", "or"})
# Prefixes of a role someone no longer holds ("former minister", "ex-president").
FORMER_ROLE_PREFIXES = ("former ", "late ", "ex-", "ex ")
# Leading words of an unnamed source's description ("a senior official").
DESCRIPTION_LEADS = ("a ", "an ", "the ", "one ")
# fmt: on

# --------------------------------------------------------------------------- verdicts

LEADING_FUNCTION_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "this",
                                    "that"})
"""Words lower-cased when a claim's opening words become part of a topic ("The strike" ->
"whether the strike ..."); a name keeps its capital."""

CLAUSE_BREAK = re.compile(
    r"\s*[,;:()\u2013\u2014]\s*|\s+(?:when|after|before|because|as|while|but|and|in which|"
    r"where|since|until|saying|according to|that)\s+",
    re.IGNORECASE,
)
"""Where a clause ends: punctuation, or a subordinate clause beginning ("The dispute
sharpened this week | when the union released a memo" holds two events)."""

NOT_NAME_WORDS = frozenset({
    "the", "a", "an", "it", "he", "she", "they", "this", "that", "these", "those", "we",
    "i", "you", "there", "his", "her", "their", "its", "some", "many", "most", "all",
})
"""Opening words of a subject that is no name ("the port authority", "they"): a subject
starting so matches any other (wider than ``VAGUE_SUBJECT_WORDS``: determiners and
possessives too)."""

NEGATION_CUES = re.compile(r"\b(?:not|never|no|nobody|nothing|none|neither|nor)\b|n['’]t\b",
                           re.IGNORECASE)
"""A negation anywhere in a text ("pleaded not guilty", "never met", "didn't")."""

SAID_VERBS = (r"(?:said|says|told(?:\s+[\w.'’-]+){0,3}|added|wrote|tweeted|noted|stated|"
              r"explained|insisted|argued|claimed|warned|announced|reported|confirmed|declared)")
"""Reporting verbs as written after or before who reports ("A, X said", "X told
reporters that A"): a regex fragment the attribution patterns are built from."""

VAGUE_SUBJECT_WORDS = frozenset({"the", "a", "an", "it", "he", "she", "they", "this", "that",
                                 "no", "none", "we", "i", "you", "there"})
"""Opening words of a frame's subject that name no one in particular ("it", "they",
"no one"): two such subjects are not one doer."""

GENERATION_SUFFIX = re.compile(r"\b(?:jr|sr|ii|iii|iv)\b\.?", re.IGNORECASE)
"""A generational suffix ("Jr.", "III"): "Donald Trump Jr." is not "Donald Trump" (narrower
than ``NAME_SUFFIXES``, which also holds degrees)."""

DENIAL_PHRASES = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?\s+(?:claims?|"
    r"reports?|suggestions?|allegations?)|reject(?:s|ed|ing)?\s+(?:claims?|reports?|"
    r"suggestions?|allegations?|accusations?))\b",
    re.IGNORECASE,
)
"""Verbs that deny what their complement says, as written: "X denied his campaign colluded"
says what "X said his campaign did not collude" says (``DENIAL_VERBS`` holds the lemmas)."""

POSSESSIVE_BEFORE = re.compile(
    r"(?:\b(?:his|her|their|its|our|my|your)|['’]s?)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)
"""A possessive right before a role ("his campaign chairman", "Trump's lawyer"): the role is
a relation to someone, not a title held."""

WRITTEN_UNIT = re.compile(r"(day|week|fortnight|month|year|decade)s?\b", re.IGNORECASE)
"""The calendar unit a duration is written in ("more than two years")."""

PARTITIVE_OF = re.compile(r"\s+of\s+(?:the|them|those|these|whom)\b", re.IGNORECASE)
"""A partitive right after a figure ("two of the injured"): part of a figure given elsewhere."""

PASSIVE_PARTICIPLE = re.compile(r"\b(?:were|was|been|are|is|being)\s+([a-z]+ed|hurt|killed)\b")
"""A passive participle ("were injured", "was killed"): what happened to the people counted."""

PASSIVE_AUXILIARY = re.compile(r"\b(?:am|is|are|was|were|be|been|being|get|got|gets)\s+(?:\w+ly\s+)?$",
                               re.IGNORECASE)
"""A form of "be" (or "get") right before a verb: the verb is passive ("had been warned by
the mayor"), and its subject is who it was done to."""

REQUIRED_BEFORE = re.compile(
    r"\b(?:needs?|needed|needing|requires?|required|requiring|takes?|would\s+need|"
    r"must\s+(?:win|get|secure|gather|collect|reach)|threshold\s+of|minimum\s+of|"
    r"quorum\s+of|(?:enough|sufficient)\s+to\s+reach)\s+(?:(?:at\s+least|the|a|an|only)\s+)?$",
    re.IGNORECASE,
)
"""Words before a figure that make it a requirement, not a count of what happened: "needs
60 votes", "a threshold of 218"."""

REQUIRED_AFTER = re.compile(
    r"^(?:\s+[A-Za-z-]+){0,2}?\s+(?:(?:are|is|were|was|would\s+be|will\s+be)\s+)?"
    r"(?:needed|required|necessary)\b"
    r"|^(?:\s+[A-Za-z-]+){0,2}?\s+to\s+(?:pass|block|override|confirm|approve|clear|break|"
    r"overcome|sustain|defeat|advance|qualify|win|secure|force|trigger|ratify|amend|unseat|"
    r"impeach|convict)\b",
    re.IGNORECASE,
)
"""Words after a figure that make it a requirement: "41 votes to block it", "30 signatures
are required"."""

WHAT_FOR = re.compile(
    r"\s+(?:for|in|of|on|to)\s+(?:(?:the|a|an|its|their|his|her|new)\s+)?"
    r"((?:[a-z][a-z-]*\s+){0,2}[a-z][a-z-]*)"
)
"""What a sum or share is for, written right after it ("$5 billion for the border wall")."""

FIGURE_FUNCTION_WORDS = frozenset({
    "of", "the", "a", "an", "its", "their", "his", "her", "our", "all", "those", "these",
    "them", "more", "than", "some", "about", "other", "such",
})
"""Words around a figure that restrict nothing ("three of the missiles", "all those
workers"): left out of what a figure counts or is for (a short list of its own, not ``STOP_WORDS``,
which also drops words that do restrict)."""

RANK_COPULAS = frozenset({"be", "remain", "become", "stay", "rank"})
"""Verbs (lemmas) that link a holder to a superlative place ("is", "remains", "ranks")."""

SUPERLATIVE_PHRASE = re.compile(
    r"^(?:the\s+)?(?:[\w'’]+['’]s\s+)?(?:single\s+|very\s+|second\s+|third\s+)?"
    r"(?P<rank>" + "|".join(sorted(RANK_SUPERLATIVES, key=len, reverse=True))
    + r")\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
"""A superlative phrase ("the largest steel exporter", "the world's second biggest buyer"):
its ``rank`` word and the ``rest``."""

RANK_PREPOSITIONS = re.compile(r"\s+(?:of|to|in|on|for|from|at|among|by|with)\s+", re.IGNORECASE)
"""Where the head noun of a superlative phrase ends ("exporter | of steel")."""

RELATIVE_PERIOD = re.compile(r"\b(last|this|next|past)\s+(week|month|year|weekend)\b")
"""A period named against publication ("last week", "next month")."""

RELATIVE_DAY = re.compile(r"\b(yesterday|today|tonight|tomorrow)\b")
"""A day named against publication ("yesterday", "tonight")."""

DAYS_AGO = re.compile(r"\b(\d+|one|two|three|four|five|six|seven)\s+days?\s+ago\b")
"""Days counted back from publication ("three days ago")."""

BOUND_WORDS = {"since": "since", "from": "since", "by": "by", "until": "by", "till": "by",
               "before": "before", "after": "after"}
"""First words of a time that make it a start ("since 1998") or a limit ("by 2030"), not
the date of an event."""

RELATIVE_PRONOUN_START = re.compile(r"^(?:which|who|that|whom)\b", re.IGNORECASE)
"""A relative clause's first word: the clause takes in the noun it hangs on."""

SPEECH_BEFORE_TIME = re.compile(
    r"(?:\b(?:said|says|told|tells|announced|added|stated|confirmed)(?:\s+\w+)?\s*$)|\bspeaking\b",
    re.IGNORECASE,
)
"""A speech verb right before a time ("she said on Thursday that ..."): the time dates the
statement, not the event."""

AFTER_TIME_WORDS = frozenset({
    "said", "says", "told", "that", "to", "and", "or", "but", "when", "after", "before", "as",
    "the", "a", "an", "at", "in", "on", "for", "with", "by", "from", "of", "it", "he", "she",
    "they", "we", "is", "was", "were", "are", "will", "would", "had", "has", "have", "morning",
    "afternoon", "evening", "night", "if", "while", "than", "this", "his", "her", "its", "their",
    "amid", "despite", "because", "so", "until", "since", "again", "alone", "too",
})
"""Words that may follow a time without being the noun it dates ("on Monday said", "in July
and", "last week's")."""

LIFE_PREDICATES = {"bear": "born", "die": "died"}
"""Predicates (lemmas) that date a person's birth or death, with the event they date."""

TIME_CLAUSE_WORDS = (
    "day", "days", "week", "weeks", "month", "months", "year", "years",
    "ago", "today", "yesterday", "tomorrow", "tonight", "morning", "evening", "night",
    "afternoon", "last", "next", "earlier", "later", "now", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "union", "government", "authority",
    "both", "again",
)
"""Words of a time's clause that say nothing of the event it dates: time words, besides
weekdays and months, and the ubiquitous actors of a story ("union", "government")."""

INVARIANT_PLURALS = frozenset({"people", "police", "staff", "personnel"})
"""Nouns whose plural is the word itself ("number of police")."""

INJURY_NOUNS = frozenset({"hurt", "injured", "injure", "wounded", "dead", "killed"})
"""Nouns (as the extractor gives them) that count people harmed: "number of people injured"."""

# --------------------------------------------------------------------------- speakers

# fmt: off
ANONYMOUS_SOURCE_NOUNS = frozenset(
    {
        "official", "source", "person", "people", "insider", "aide", "spokesperson",
        "spokesman", "spokeswoman", "diplomat", "officer", "staffer", "adviser", "advisor",
        "executive", "member", "individual", "employee", "negotiator", "lawmaker",
        "strategist", "operative", "ally", "associate", "confidant", "worker", "resident",
    }
)
"""Head nouns of the descriptions unnamed sources are given."""

# Determiners of an unnamed, indefinite source ("a senior official", "two aides").
INDEFINITE_DETERMINERS = frozenset(
    {"a", "an", "one", "some", "two", "three", "four", "several", "another", "many", "few",
     "multiple", "various", "other", "numerous"}
)
# Words that mark a source as unnamed ("who requested anonymity", "familiar with").
ANONYMITY_MARKERS = frozenset({"anonymity", "anonymously", "familiar", "close", "authorized",
                               "authorised", "named", "identified"})
# Pronouns a speaker is referred to by ("he said", "they told reporters").
SPEAKER_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "you"})
# Abbreviations whose point does not end a sentence ("Mr.", "Sept.", "U.S.").
ABBREVIATIONS = frozenset(
    {"mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col",
     "capt", "sgt", "prof", "inc", "corp", "co", "ltd", "no", "vs", "u.s", "u.k", "u.n",
     "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "a.m", "p.m"}
)

BODY_NOUNS = frozenset(
    {"council", "committee", "government", "ministry", "union", "campaign", "party", "board",
     "court", "company", "group", "agency", "department", "authority", "administration",
     "police", "commission", "parliament", "congress", "senate", "cabinet", "team",
     "organisation", "organization", "association", "federation", "firm", "office",
     "critic", "supporter", "opponent", "activist", "protester", "candidate", "nominee",
     "voter", "lawyer", "expert", "witness", "woman", "man", "mother", "father"}
)
"""Common nouns of subjects that can be said to call something “...”."""
SPEAKER_NOUNS = frozenset(
    {"analyst", "observer", "commentator", "pundit", "host", "anchor", "historian", "scholar",
     "scientist", "researcher", "economist", "academic", "professor", "teacher", "student", "doctor",
     "nurse", "physician", "journalist", "reporter", "correspondent", "editor", "writer",
     "author", "investigator", "prosecutor", "attorney", "counsel", "judge", "justice",
     "bishop", "priest", "cleric", "advocate", "campaigner", "organizer", "organiser",
     "agent", "operator", "owner", "manager", "driver", "farmer", "trader", "investor",
     "exporter", "importer", "retailer", "shopkeeper", "merchant", "business", "store",
     "shop", "bank", "lender", "insurer", "carrier", "airline", "manufacturer", "maker",
     "producer", "supplier", "customer", "consumer", "passenger", "tenant", "landlord",
     "parent", "family", "relative", "neighbour", "neighbor", "friend", "colleague",
     "victim", "survivor", "veteran", "soldier", "patient", "user", "fan", "citizen",
     "leader", "chief", "head", "director", "chairman", "chairwoman", "chair", "president",
     "minister", "secretary", "governor", "mayor", "senator", "representative",
     "congressman", "congresswoman", "ambassador", "envoy", "general", "commander",
     "sheriff", "superintendent", "engineer", "contractor", "liberal", "conservative",
     "democrat", "republican", "hopeful", "son", "daughter", "wife", "husband", "brother",
     "sister", "child", "lady", "billionaire", "mogul", "architect", "hospital", "school",
     "university", "military", "army", "navy",
     "ministry", "embassy", "regulator", "watchdog", "prosecution", "defence", "defense",
     "delegation", "crew", "staff", "management", "leadership", "coalition", "alliance",
     "network", "club", "church", "charity", "community", "majority", "centre", "center",
     "newspaper", "tabloid", "magazine", "outlet", "publication", "proponent", "backer"}
)
"""Head nouns naming people or bodies by what they are or do: with BODY_NOUNS,
ANONYMOUS_SOURCE_NOUNS and SPEAKER_TITLE_WORDS, the common nouns that can be a speaker
("analysts said", "one garden shop said"); any other common noun ("the meeting", "their
standard position", "talks") never speaks."""
AGENT_SUFFIXES = ("er", "or", "ist", "ian", "man", "woman")
"""Endings of agent nouns ("bartender", "narrator", "lobbyist", "historian",
"businessman"): a common noun with one names someone by what they do, unless it is a
document (THING_NOUNS)."""
GROUP_PRONOUNS = INDEFINITE_DETERMINERS | frozenset({"those", "each", "both", "either"})
"""Words that stand for people of a group when they head a subject ("one said", "those
close to him said", "each said")."""
DOCUMENT_NOUNS = frozenset({"statement", "report", "letter", "article", "memo", "study",
                            "survey", "release", "complaint", "filing", "lawsuit", "ruling"})
"""Things that can be said to say something, referred to as "it"."""

# Lexicons of things that carry words but never speak. A document, a recording, a post or
# a platform is how somebody said something: the speaker is its author when the sentence
# names one ("a letter from Ana Ruiz", "the council's statement", "the union issued a
# statement saying"), else nobody. "Statement" and "release" are things too: "a statement
# said" is an organisation speaking, and its name is what a reader needs, so an authorless
# one takes the body that spoke last nearby (as "it" does) rather than the word itself.
THING_NOUNS = DOCUMENT_NOUNS | frozenset(
    {"video", "tweet", "post", "advertisement", "ad", "advert", "commercial", "spot",
     "email", "e-mail", "website", "site", "page", "footage", "clip", "photo", "picture",
     "image", "book", "poll", "headline", "sign", "banner", "placard", "poster", "message",
     "text", "recording", "audio", "tape", "transcript", "document", "note", "column",
     "editorial", "story", "piece", "blog", "broadcast", "segment", "documentary", "film",
     "movie", "song", "show", "program", "programme", "podcast", "account", "feed",
     "leaflet", "flyer", "brochure", "notice", "slogan", "caption", "label", "card",
     "petition", "manifesto", "platform", "draft", "bill", "law", "resolution", "order",
     "paper", "survey", "chart", "map", "graphic", "suit", "indictment", "excerpt", "cable",
     "slide", "correspondence", "record", "rule", "provision", "list", "copy", "minutes"}
)
"""Head nouns of documents, media and posts: never a speaker themselves."""
PLATFORM_NAMES = frozenset(
    {"twitter", "facebook", "instagram", "youtube", "tiktok", "reddit", "whatsapp",
     "telegram", "snapchat", "linkedin", "wikipedia"}
)
"""Names of platforms a quote appears on ("on Twitter"): a place, not a speaker."""
AUTHOR_PREPOSITIONS = frozenset({"from", "by"})
"""Prepositions that name the author of a document ("a letter from ...", "a post by ...")."""
READER_VERBS = frozenset({"see", "obtain", "review", "read", "view", "hear", "receive",
                          "examine", "acquire", "get"})
"""Verbs by which someone gets hold of a document: "notices seen by the Journal" names a
reader, not the author."""
# Linking verbs: "X is “a disaster”" says what X is, not that X spoke.
COPULA_VERBS = frozenset({"be", "become", "seem", "remain", "appear", "look", "sound"})
# fmt: on

# --------------------------------------------------------------------------- names and places

# fmt: off
# Korean and Chinese family names, written first in English news ("Kim Jong Un", "Xi
# Jinping"); the given name then has one to three romanised syllables.
FAMILY_FIRST_SURNAMES = frozenset({
    "kim", "lee", "ri", "rhee", "yi", "park", "pak", "choi", "choe", "moon", "mun", "yoon",
    "yun", "jang", "lim", "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "yoo",
    "hong", "jeon", "ko", "ban", "roh", "chung", "jung", "kang", "cho", "nam", "baek",
    "xi", "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu",
    "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao", "zheng", "liang", "xie",
    "tang", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan",
    "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren", "shen",
    "yao", "wen", "bo", "mao", "hua", "qin", "fu", "kong",
})
# Particles of a surname, dropped when comparing ("da Silva" ~ "Silva", "al-Assad" ~ "Assad").
SURNAME_PARTICLES = frozenset({
    "da", "de", "del", "della", "der", "di", "do", "dos", "du", "la", "le", "van", "von",
    "al", "el", "ad", "as", "ar", "bin", "ibn", "abu", "ben", "ten", "ter", "st",
})
# Words before a role that say nothing of it: status, articles, epithets.
ROLE_NOISE_WORDS = frozenset({
    "the", "a", "an", "its", "his", "her", "their", "our", "your", "my", "that", "this",
    "former", "ex", "then", "acting", "outgoing", "late", "interim", "current", "incumbent",
    "new", "newly", "fired", "ousted", "sitting", "embattled", "reclusive", "longtime",
})
# Demonyms and country names: a role's qualifier ("Brazilian President" -> Brazil).
DEMONYMS = {
    "american": "United States", "u.s.": "United States", "us": "United States",
    "usa": "United States", "america": "United States", "united states": "United States",
    "british": "United Kingdom", "uk": "United Kingdom", "u.k.": "United Kingdom",
    "britain": "United Kingdom", "great britain": "United Kingdom",
    "united kingdom": "United Kingdom", "english": "England", "scottish": "Scotland",
    "welsh": "Wales", "irish": "Ireland", "french": "France", "german": "Germany",
    "italian": "Italy", "spanish": "Spain", "portuguese": "Portugal", "dutch": "Netherlands",
    "belgian": "Belgium", "swiss": "Switzerland", "austrian": "Austria", "swedish": "Sweden",
    "norwegian": "Norway", "danish": "Denmark", "finnish": "Finland", "polish": "Poland",
    "czech": "Czech Republic", "hungarian": "Hungary", "greek": "Greece",
    "romanian": "Romania", "bulgarian": "Bulgaria", "serbian": "Serbia",
    "croatian": "Croatia", "ukrainian": "Ukraine", "russian": "Russia",
    "belarusian": "Belarus", "turkish": "Turkey", "israeli": "Israel",
    "palestinian": "Palestine", "iranian": "Iran", "iraqi": "Iraq", "syrian": "Syria",
    "lebanese": "Lebanon", "jordanian": "Jordan", "saudi": "Saudi Arabia",
    "egyptian": "Egypt", "libyan": "Libya", "tunisian": "Tunisia", "moroccan": "Morocco",
    "algerian": "Algeria", "nigerian": "Nigeria", "kenyan": "Kenya",
    "ethiopian": "Ethiopia", "south african": "South Africa", "ghanaian": "Ghana",
    "sudanese": "Sudan", "somali": "Somalia", "afghan": "Afghanistan",
    "pakistani": "Pakistan", "indian": "India", "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka", "nepalese": "Nepal", "chinese": "China",
    "japanese": "Japan", "korean": "Korea", "south korean": "South Korea",
    "north korean": "North Korea", "taiwanese": "Taiwan", "vietnamese": "Vietnam",
    "thai": "Thailand", "filipino": "Philippines", "philippine": "Philippines",
    "indonesian": "Indonesia", "malaysian": "Malaysia", "singaporean": "Singapore",
    "burmese": "Myanmar", "australian": "Australia", "new zealand": "New Zealand",
    "canadian": "Canada", "mexican": "Mexico", "brazilian": "Brazil",
    "argentine": "Argentina", "argentinian": "Argentina", "chilean": "Chile",
    "colombian": "Colombia", "peruvian": "Peru", "venezuelan": "Venezuela",
    "cuban": "Cuba", "bolivian": "Bolivia", "ecuadorian": "Ecuador", "qatari": "Qatar",
    "emirati": "United Arab Emirates", "uae": "United Arab Emirates", "yemeni": "Yemen",
    "kuwaiti": "Kuwait", "omani": "Oman", "georgian": "Georgia", "armenian": "Armenia",
    "azerbaijani": "Azerbaijan", "kazakh": "Kazakhstan", "estonian": "Estonia",
    "latvian": "Latvia", "lithuanian": "Lithuania", "icelandic": "Iceland",
    "slovak": "Slovakia", "slovenian": "Slovenia", "bosnian": "Bosnia", "albanian": "Albania",
    "moldovan": "Moldova", "cypriot": "Cyprus", "maltese": "Malta", "uzbek": "Uzbekistan",
    "mongolian": "Mongolia", "cambodian": "Cambodia", "ugandan": "Uganda",
    "tanzanian": "Tanzania", "rwandan": "Rwanda", "congolese": "Congo",
    "zimbabwean": "Zimbabwe", "zambian": "Zambia", "angolan": "Angola",
    "senegalese": "Senegal", "malian": "Mali", "cameroonian": "Cameroon",
    "haitian": "Haiti", "jamaican": "Jamaica", "guatemalan": "Guatemala",
    "honduran": "Honduras", "salvadoran": "El Salvador", "nicaraguan": "Nicaragua",
    "panamanian": "Panama", "uruguayan": "Uruguay", "paraguayan": "Paraguay",
    "bahraini": "Bahrain", "european": "European Union",
    "eu": "European Union",
}
# Other names of one place ("the U.K." is "United Kingdom").
PLACE_ALIASES = {
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "uk": "united kingdom",
    "britain": "united kingdom", "great britain": "united kingdom",
    "uae": "united arab emirates", "eu": "european union",
}
# Function words left out of an acronym ("Department of Justice" -> DOJ or DJ).
ACRONYM_SKIP_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "to", "at", "&"})
# fmt: on

# Prepositions that attribute rather than take part: "according to X", "per the report".
SOURCE_PREPOSITIONS = frozenset({"according", "accord", "per"})
# Auxiliaries of a possibility that hedge a claim ("may have met", "could close").
POSSIBILITY_AUXILIARIES = frozenset({"may", "might", "could"})


# fmt: off
# --------------------------------------------------------------------------- figures

DAY_FACTORS = {
    "second": 1 / 86400,
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1.0,
    "week": 7.0,
    "fortnight": 14.0,
    "month": 30.44,
    "year": 365.25,
    "decade": 3652.5,
}
SCALE_WORDS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "trn": 1e12,
}
FRACTION_WORDS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25,
    "quarters": 0.25, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}
# A vague plural on its own, as (low, high): from two of the unit to just below the next
# word of magnitude ("hundreds" 200..999, "thousands" 2,000..9,999, since "tens of
# thousands" takes over there); "millions" and above are read loosely, up to the next scale.
VAGUE_AMOUNTS = {
    "dozens": (24.0, 99.0), "scores": (40.0, 99.0), "tens": (20.0, 99.0),
    "hundreds": (200.0, 999.0), "thousands": (2e3, 9999.0), "millions": (2e6, 999e6),
    "billions": (2e9, 999e9), "trillions": (2e12, 999e12),
}
# The scale a vague plural multiplies in "tens of thousands", "hundreds of billions".
VAGUE_SCALES = {"thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12}
# Short unit abbreviations that are ordinary words or letters in lower case prose: they
# count only when attached to the number ("5kW", "30m"), never after a space.
ATTACHED_ONLY_UNITS = frozenset(
    {"t", "l", "g", "w", "v", "p", "mi", "in.", "ha", "mp", "mb", "bp", "bps", "pc", "m",
     "pct", "nm", "ft", "\"", "m/s", "won"}
)
# Words that may stand between a number and its unit ("517 rushing yards", "three
# consecutive years") must not be these: "5 of miles", "a 300 light year trip"
NOT_UNIT_MODIFIERS = frozenset(
    {"of", "and", "or", "to", "in", "on", "at", "for", "from", "by", "with", "than", "per",
     "a", "an", "the", "light", "each", "every", "this", "that", "these", "those", "some",
     "people", "percent", "times", "were", "was", "are", "is", "had", "have", "has", "ago",
     "last", "next", "later", "earlier", "more", "less", "fewer"}
)
CAPITALISED_FUNCTION_WORDS = frozenset(
    {"about", "around", "only", "just", "nearly", "almost", "over", "under", "with", "at",
     "by", "in", "of", "for", "to", "and", "but", "the", "a", "an", "some", "another",
     "roughly", "all", "exactly", "more", "less", "fewer", "up", "than", "approximately",
     "least", "most", "those", "these", "its", "their", "his", "her", "our", "my", "from",
     "between", "after", "before", "since", "on", "last", "next", "every", "each", "as",
     "estimated", "if", "when", "while", "nine", "ten", "plus", "minus",
     "past", "first", "what", "why", "how", "it", "that", "they", "we",
     "he", "she", "there", "here", "so", "then", "now", "one", "two", "three", "four",
     "five", "six", "seven", "eight", "twenty", "thirty", "forty", "fifty", "sixty",
     "seventy", "eighty", "ninety", "hundred"}
)
PER_UNIT_NAMES = {
    "liter": "litre", "kg": "kilogram", "sq ft": "square foot", "sq. ft": "square foot",
    "square feet": "square foot", "sq m": "square metre", "sq. m": "square metre",
    "square meter": "square metre", "km": "kilometre", "annum": "year", "head": "person",
    "capita": "person", "kwh": "kilowatt hour",
}
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom"})

# --------------------------------------------------------------------------- roles

ROLE_STATUS_WORDS = {"former": "former", "ex-": "former", "ex": "former", "then-": "then",
                "then": "then", "acting": "acting", "outgoing": "outgoing", "late": "late",
                "interim": "interim"}
ROLE_LEADING_WORDS = frozenset(
    {"yesterday", "today", "meanwhile", "earlier", "later", "now", "also", "however",
     "then", "when", "after", "before", "since", "as", "but", "and", "said", "says", "told",
     "by", "with", "from", "while", "last", "on", "in", "at", "of", "for", "to", "if"}
)
# Verbs that end a headline's subject ("Leader Says"): never part of a name.
HEADLINE_VERBS = frozenset({
    "says", "said", "tells", "told", "warns", "warned", "announces", "claims", "admits",
    "denies", "vows", "urges", "calls", "insists", "confirms", "rejects", "agrees", "plans",
    "speaks", "resigns", "quits", "wins", "loses", "dies", "returns", "responds", "meets",
})
# fmt: on
