"""Negation: whether a clause's verb is denied, for every extractor that reads polarity.

A verb is negated when "not" or "never" hangs on it or on its auxiliary ("does not name",
"has never met", "was not charged"). Frames also read a negative subject as negating its
verb ("no one was charged", "none of the sites is"); an object does not ("shows no
collusion" states what is shown). Claims read only the first kind (``Claim.negated``).
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import NEGATIVE_DETERMINERS


def negated(verb: Token, *, by_subject: bool = False) -> bool:
    """Whether ``verb`` is negated.

    Args:
        verb: The verb (or the word heading a clause) of a parsed sentence.
        by_subject: Also count a negative subject ("no one", "none of the sites").
    """
    for child in verb.children:
        if child.dep_ == "neg":
            return True
        if child.dep_ in ("aux", "auxpass") and any(c.dep_ == "neg" for c in child.children):
            return True
    return by_subject and any(_negative_subject(child) for child in verb.children)


def _negative_subject(tok: Token) -> bool:
    """A subject that is, or is determined by, a negative word ("nobody", "no one")."""
    return tok.dep_ in ("nsubj", "nsubjpass") and (
        tok.lower_ in NEGATIVE_DETERMINERS
        or any(d.dep_ == "det" and d.lower_ in NEGATIVE_DETERMINERS for d in tok.children)
    )
