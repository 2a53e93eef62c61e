"""Negation conflicts: a claim's predicate stated in one report of an aligned group and
denied in another (the same predicate, overlapping subjects)."""

from __future__ import annotations

from ..lexicon import DENIAL_PHRASES
from ..model import Analysis, Claim
from .common import (
    Finding,
    Ref,
    StoryView,
    lower_first,
    short,
    subjects_overlap,
    verb_as_written,
)


def polarity(claim: Claim, analysis: Analysis | None = None) -> bool:
    """Whether a claim asserts its predicate (True) or denies it (False).

    Grammatical negation ("did not collude") and a denial verb governing the predicate
    ("denied his campaign colluded", "rejected claims that it colluded") both deny; a
    denied negation ("denied that it did not pay") asserts.

    Args:
        claim: The claim.
        analysis: Its report, whose verb frames find the verb as written ("began");
            without it the verb is found by its stem.
    """
    negative = claim.negated
    verb = verb_as_written(claim, analysis)
    at = claim.text.lower().find(verb) if verb else -1
    head = claim.text[:at] if at > 0 else ""
    if verb and DENIAL_PHRASES.search(head) and not DENIAL_PHRASES.search(verb):
        negative = not negative
    return not negative


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
