"""Rank conflicts: one place that only one can hold, given to two by two reports.

"Canada is the largest steel exporter to the United States" and "South Korea is the
largest exporter of steel to the U.S." cannot both be true: a superlative ("the largest",
"the biggest", "the top", "the first") names one holder, like a single-holder office. A
claim ranks its holder when a copula (be, remain, become, stay, rank) links a name to a
superlative phrase, either way round ("The biggest buyer of the bonds is Japan"). Two
claims of different sources rank the same place when their superlatives are of one kind
(largest / biggest / top are one), the phrases have the same head noun ("exporter") and
the same other words and places ("steel", "United States" = "U.S."): "the largest buyer
in Europe" and "the largest buyer in Asia" are two places. They conflict when the
holders are different entities (:class:`~newscheck.verdicts.common.Names`), neither claim
is negated or hedged, and no time written in either sentence parts them ("the largest
buyer in 2010").
"""

from __future__ import annotations

import re

from ..lexicon import RANK_COPULAS, RANK_PREPOSITIONS, RANK_SUPERLATIVES, SUPERLATIVE_PHRASE
from ..model import Claim
from ..text import content_words, stem
from .common import Finding, Ref, StoryView, cluster, holders_finding
from .place import place_key
from .time import times_agree

_PLACE_WORDS = re.compile(r"(?:[A-Z][\w.'’-]*\.?)(?:\s+[A-Z][\w.'’-]*\.?)*")


def ranked(claim: Claim) -> tuple[str, tuple[str, frozenset[str]], str] | None:
    """``(holder, (rank, head noun), qualifiers)`` when a claim gives a superlative place
    to a name, else None."""
    if (claim.predicate or "").lower() not in RANK_COPULAS or claim.negated or claim.hedged:
        return None
    if not claim.subject or not claim.object:
        return None
    for phrase, holder in ((claim.object, claim.subject), (claim.subject, claim.object)):
        m = SUPERLATIVE_PHRASE.match(phrase.strip())
        if not m or not holder[:1].isupper():
            continue
        rank = RANK_SUPERLATIVES[m["rank"].lower()]
        if rank == "most":
            continue  # "the most important" ranks a quality, not a holder of one place
        rest = m["rest"]
        head_part = RANK_PREPOSITIONS.split(rest, maxsplit=1)[0]
        head_words = re.findall(r"[A-Za-z][\w'-]*", head_part)
        if not head_words:
            continue
        head = stem(head_words[-1].lower())
        places = {place_key(p) for p in _PLACE_WORDS.findall(rest)}
        places.discard("")
        words = {
            w for w in content_words(re.sub(_PLACE_WORDS, " ", rest)) if w != head
        }
        qualifiers = frozenset(words | {f"@{p}" for p in places})
        return holder, (rank, frozenset({head}) | qualifiers), rest
    return None


def find(view: StoryView) -> list[Finding]:
    """Two reports giving one superlative place to different holders (module docstring)."""
    resolver = view.names
    places: dict[tuple[str, frozenset[str]], list[tuple[Ref, str, str]]] = {}
    for r in view.claims:
        found = ranked(r.claim)
        if found:
            holder, key, rest = found
            places.setdefault(key, []).append((r, holder, rest))
    out: list[Finding] = []
    for (rank, _words), items in sorted(places.items(), key=lambda kv: kv[0][0]):
        if len({r.article for r, _, _ in items}) < 2:
            continue
        where = {holder: r.article for r, holder, _ in items}
        clusters = cluster(
            [(r.claim.id, holder) for r, holder, _ in items],
            lambda a, b, w=where: resolver.same(a, b, w.get(a), w.get(b))
            or place_key(a) == place_key(b),
        )
        if len(clusters) < 2:
            continue
        by_id = {r.claim.id: r for r, _, _ in items}
        # a written time that parts two of them parts the claims: no conflict
        times = [t for r, _, _ in items for t in r.claim.times]
        if times and any(
            not times_agree(x, y, view.settings.date_tolerance_days)
            for i, x in enumerate(times) for y in times[i + 1 :]
        ):
            continue
        if len({by_id[c[0][0]].article for c in clusters}) < 2:
            continue
        what = f"the {rank} {items[0][2]}"
        out.append(holders_finding("other", f"which is {what}", what, clusters))
    return out
