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

PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})

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
# fmt: on
