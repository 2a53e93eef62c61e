"""Place conflicts: one event placed in different places."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import entities
from ..model import (
    Claim,
)
from .common import _cluster, _Finding, _Ref, _verb_as_written


def place_key(place: str) -> str:
    """A place name normalised for comparison ("the U.K." -> "united kingdom")."""
    return entities.place_key(place)


def _located(claim: Claim, place: str) -> bool:
    """Whether a claim places its event at ``place`` ("in X", "at X"), rather than only
    naming it ("leaders of the two Koreas", "a U.S. official")."""
    return bool(
        re.search(rf"\b(?:in|at|near|inside|outside)\s+(?:the\s+)?{re.escape(place)}\b",
                  claim.text, re.IGNORECASE)
    )


def _place_findings(refs: Sequence[_Ref]) -> list[_Finding]:
    by_predicate: dict[str, list[_Ref]] = {}
    for r in refs:
        if (r.claim.predicate and len(r.claim.places) == 1
                and _located(r.claim, r.claim.places[0])):
            by_predicate.setdefault(r.claim.predicate.lower(), []).append(r)
    out: list[_Finding] = []
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

        clusters = _cluster(items, agree)
        if len(clusters) < 2:
            continue
        values = [c[0][1][0] for c in clusters]  # type: ignore[index]
        ref = rs[0]
        verb = _verb_as_written(ref.claim) or ref.claim.predicate
        out.append(
            _Finding(
                kind="place",
                topic=f"where it {verb}" if verb else "where it happened",
                values=values,
                sides=[[cid for cid, _ in c] for c in clusters],
                note=" vs ".join(f"'{v}'" for v in values) + ": different places for one event",
            )
        )
    return out
