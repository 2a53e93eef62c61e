"""The words newscheck's rules read, in one place.

Each list holds the general vocabulary of English news (speech verbs, hedges, words of
expectation, titles of single-holder offices, words that count people), never the words
of one story. A rule that needs a word list imports it from here, so that a reader can
see at a glance what the engine knows, and a fix to a list reaches every stage.
"""

from __future__ import annotations

# fmt: off
# Verbs that report speech or writing: their subject is a source, their complement the
# content ("X said the talks failed").
SPEECH_VERBS = frozenset({
    "say", "tell", "state", "announce", "claim", "report", "add", "confirm", "warn",
    "insist", "note", "explain", "argue", "write", "declare", "allege", "assert", "deny",
    "acknowledge", "admit", "estimate", "predict", "believe", "think", "suggest", "told",
    "tweet", "testify", "contend", "maintain", "stress", "reiterate",
})

# Verbs that carry little meaning of their own: two claims sharing one say nothing alike.
LIGHT_VERBS = frozenset({
    "be", "have", "do", "make", "get", "go", "take", "come", "give", "put", "let", "keep",
    "become", "seem", "include",
})

# Verbs whose complement is denied: "denied that she met him" says she did not.
DENIAL_VERBS = frozenset({"deny", "refute", "dispute", "reject"})

# Auxiliaries and adverbs that hedge a statement: "may meet", "reportedly met".
HEDGE_AUXILIARIES = frozenset({"may", "might", "could", "would", "should", "can", "must", "ca"})
HEDGE_ADVERBS = frozenset({
    "reportedly", "allegedly", "purportedly", "apparently", "possibly", "probably",
    "perhaps", "maybe", "seemingly", "supposedly",
})

# Words an event is expected by ("is expected to meet", "plans to meet") and words that
# deny the expectation ("is unlikely to meet").
EXPECTATION_WORDS = frozenset({
    "expect", "expected", "likely", "set", "due", "plan", "schedule", "scheduled", "intend",
    "poise", "poised", "slate", "slated", "prepare", "aim", "going", "ready",
})
UNLIKELY_WORDS = frozenset({"unlikely", "improbable"})

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
