"""Place conflicts: one event placed in different places."""

from __future__ import annotations

from .. import entities, tokens
from ..lexicon import DEFINITE_ARTICLES, LOCATING_PREPOSITIONS
from .common import Finding, Ref, StoryView, cluster, verb_as_written


def place_key(place: str) -> str:
    """A place name normalised for comparison ("the U.K." -> "united kingdom")."""
    return entities.place_key(place)


def _located(ref: Ref, place: str) -> bool:
    """Whether a claim places its event at ``place`` ("in X", "at the X": a locating
    preposition of the claim right before the place's name, an article between them
    aside), rather than only naming it ("leaders of the two Koreas", "a U.S. official")."""
    span = tokens.of_claim(ref.analysis, ref.claim)
    for name in tokens.occurrences(ref.analysis, span, place):
        at = span.index(name[0])
        before = list(span[max(0, at - 2) : at])
        if before and before[-1].text.lower() in DEFINITE_ARTICLES:
            before = before[:-1]
        if before and before[-1].text.lower() in LOCATING_PREPOSITIONS:
            return True
    return False


def find(view: StoryView) -> list[Finding]:
    """One predicate placed in different places by claims of an aligned group, unless a
    report names both places."""
    by_predicate: dict[str, list[Ref]] = {}
    for r in view.claims:
        if (r.claim.predicate and len(r.claim.places) == 1
                and _located(r, r.claim.places[0])):
            by_predicate.setdefault(r.claim.predicate.lower(), []).append(r)
    out: list[Finding] = []
    for _predicate, rs in sorted(by_predicate.items()):
        if len({r.article for r in rs}) < 2:
            continue
        items = [(r.claim.id, (r.claim.places[0], r.analysis.article.text)) for r in rs]

        def agree(a: tuple[str, str], b: tuple[str, str]) -> bool:
            pa, pb = place_key(a[0]), place_key(b[0])
            if pa in pb or pb in pa:
                return True
            # A report that names both places elsewhere knows of both: no disagreement.
            return pa in place_key(b[1]) or pb in place_key(a[1])

        clusters = cluster(items, agree)
        if len(clusters) < 2:
            continue
        values = [c[0][1][0] for c in clusters]  # type: ignore[index]
        ref = rs[0]
        verb = verb_as_written(ref.claim, ref.analysis) or ref.claim.predicate
        out.append(
            Finding(
                kind="place",
                topic=f"where it {verb}" if verb else "where it happened",
                values=values,
                sides=[[cid for cid, _ in c] for c in clusters],
                note=" vs ".join(f"'{v}'" for v in values) + ": different places for one event",
            )
        )
    return out
