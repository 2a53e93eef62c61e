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

import itertools
from collections.abc import Sequence

from .. import tokens
from ..lexicon import (
    DEFINITE_ARTICLES,
    RANK_COPULAS,
    RANK_INTENSIFIERS,
    RANK_PREPOSITIONS,
    RANK_SUPERLATIVES,
)
from ..model import Token
from ..text import content_words, stem
from .common import Finding, Ref, StoryView, cluster, holders_finding
from .place import place_key
from .time import times_agree


def ranked(ref: Ref) -> tuple[str, tuple[str, frozenset[str]], str] | None:
    """``(holder, (rank, head noun and qualifiers), rest of the phrase)`` when a claim
    gives a superlative place to a name, else None."""
    claim = ref.claim
    if (claim.predicate or "").lower() not in RANK_COPULAS or claim.negated or claim.hedged:
        return None
    if not claim.subject or not claim.object:
        return None
    span = tokens.of_claim(ref.analysis, claim)
    for phrase, holder in ((claim.object, claim.subject), (claim.subject, claim.object)):
        found = next((_superlative(words) for words in
                      tokens.occurrences(ref.analysis, span, phrase.strip())), None)
        if found is None or not holder[:1].isupper():
            continue
        rank, rest = found
        if rank == "most":
            continue  # "the most important" ranks a quality, not a holder of one place
        said = tokens.words(rest)
        head_part = list(itertools.takewhile(
            lambda t: t.text.lower() not in RANK_PREPOSITIONS, said))
        if not head_part:
            continue
        head = stem(head_part[-1].text.lower())
        names = _capitalised_runs(said)
        places = {place_key(tokens.as_written(run)) for run in names} - {""}
        in_names = {t.index for run in names for t in run}
        common = " ".join(t.text for t in said if t.index not in in_names)
        words = {w for w in content_words(common) if w != head}
        qualifiers = frozenset(words | {f"@{p}" for p in places})
        return holder, (rank, frozenset({head}) | qualifiers), tokens.as_written(rest)
    return None


def _superlative(phrase: Sequence[Token]) -> tuple[str, list[Token]] | None:
    """The rank and the rest of a superlative phrase ("the world's second biggest buyer of
    steel" -> largest, "buyer of steel"): an article, a possessive and an intensifier may
    stand before the superlative; None for another phrase."""
    n = 0
    if n < len(phrase) and phrase[n].text.lower() in DEFINITE_ARTICLES:
        n += 1
    if n + 1 < len(phrase) and phrase[n + 1].dep == "case":
        n += 2  # "the world's"
    if n < len(phrase) and phrase[n].text.lower() in RANK_INTENSIFIERS:
        n += 1
    if n + 1 >= len(phrase) or phrase[n].text.lower() not in RANK_SUPERLATIVES:
        return None
    return RANK_SUPERLATIVES[phrase[n].text.lower()], list(phrase[n + 1 :])


def _capitalised_runs(words: Sequence[Token]) -> list[list[Token]]:
    """Runs of consecutive capitalised words: the names of places a phrase holds ("to
    the United States")."""
    runs: list[list[Token]] = []
    for t in words:
        if not t.text[:1].isupper():
            continue
        if runs and runs[-1][-1].index + 1 == t.index:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def find(view: StoryView) -> list[Finding]:
    """Two reports giving one superlative place to different holders (module docstring)."""
    resolver = view.names
    places: dict[tuple[str, frozenset[str]], list[tuple[Ref, str, str]]] = {}
    for r in view.claims:
        found = ranked(r)
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
