"""Negation conflicts: a claim's predicate stated in one report of an aligned group and
denied in another (the same predicate, overlapping subjects)."""

from __future__ import annotations

from collections.abc import Sequence

from .. import tokens
from ..lexicon import DENYING_VERBS, DISMISSED_NOUNS, DISMISSING_VERBS
from ..model import Analysis, Claim, Token
from .common import (
    Finding,
    Ref,
    StoryView,
    lower_first,
    short,
    subjects_overlap,
    verb_as_written,
)


def polarity(claim: Claim, analysis: Analysis) -> bool:
    """Whether a claim asserts its predicate (True) or denies it (False).

    Grammatical negation ("did not collude") and a denial before the predicate's verb
    (:func:`_denies`: "denied his campaign colluded", "rejected claims that it colluded")
    both deny; a denied negation ("denied that it did not pay") asserts.

    Args:
        claim: The claim.
        analysis: Its report, whose tokens and verb frames find the verb as written.
    """
    negative = claim.negated
    written = verb_as_written(claim, analysis)
    span = tokens.words(tokens.of_claim(analysis, claim))
    at = next((n for n, t in enumerate(span) if t.text.lower() == written), -1)
    if at > 0 and span[at].lemma not in DENYING_VERBS and any(_denies(span, n) for n in range(at)):
        negative = not negative
    return not negative


def _denies(span: Sequence[Token], n: int) -> bool:
    """Whether the ``n``-th word of a span denies what follows: a denying verb, or a
    dismissing verb with what it dismisses ("rejected claims")."""
    t = span[n]
    if t.lemma in DENYING_VERBS:
        return True
    return (t.lemma in DISMISSING_VERBS and n + 1 < len(span)
            and span[n + 1].lemma in DISMISSED_NOUNS)


def find(view: StoryView) -> list[Finding]:
    """One predicate asserted by some claims of an aligned group and denied by others
    (:func:`polarity`), their subjects overlapping."""
    out: list[Finding] = []
    by_predicate: dict[str, list[Ref]] = {}
    for r in view.claims:
        if r.claim.predicate and not r.claim.hedged:
            by_predicate.setdefault(r.claim.predicate.lower(), []).append(r)
    for _predicate, rs in sorted(by_predicate.items()):
        yes = [r for r in rs if polarity(r.claim, r.analysis)]
        no = [r for r in rs if not polarity(r.claim, r.analysis)]
        if not yes or not no:
            continue
        if not any(subjects_overlap(a.claim, b.claim) for a in yes for b in no):
            continue
        text = lower_first(short(yes[0].claim.text, 12))
        out.append(
            Finding(
                kind="event",
                topic=f"whether {text}",
                values=[short(yes[0].claim.text, 12), short(no[0].claim.text, 12)],
                sides=[[r.claim.id for r in yes], [r.claim.id for r in no]],
                note="one account says it happened, the other says it did not",
            )
        )
    return out
