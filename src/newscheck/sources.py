"""Source cards: how far to trust each report of a story, and why.

A card reads only signals the engine has verified, never loose resemblance: a report
gains nothing from sounding like the others, only from stating facts other independent
reports state (:mod:`newscheck.verdicts.corroboration`: the same fact, not the same
topic). For a report with ``n`` listed claims (its claims among the story claims), its
quotes, all its extracted claims and its body words:

* ``corroboration`` = share of its listed claims that are corroborated or stand on the
  majority side of a conflict (backed by more independent reports than any other side);
* ``specificity`` = ``0.7 * min(1, density / SPECIFICS_PER_100) + 0.3 * min(1,
  named_quotes / 2)``, where ``density`` is the number of distinct checkable specifics
  (names, numbers, dates and times, places) per 100 words of body;
* ``anonymity`` = share of its quotes from unnamed sources;
* ``hedging`` = share of its extracted claims that are hedged;
* ``contradicted`` = share of its listed claims on a minority side of a conflict (a side
  with fewer independent reports than another side).

    score = 0.35 * corroboration + 0.30 * specificity + 0.15 * (1 - anonymity)
          + 0.10 * (1 - hedging) + 0.10 - 0.30 * contradicted - 0.15 * [stale-role]

clipped to 0..1 and rounded to three decimals. Flags: ``contradicted`` (a claim on a
minority side), ``stale-role`` (a person named in an office that more reports give to
someone else, or call them former in), ``unspecific`` (specificity below 0.35),
``anonymous-sources`` (at least half of two or more quotes anonymous), ``hedged`` (at
least a third of the claims hedged), ``vague`` (fewer than ``VAGUE_PER_100`` specifics
per 100 words, or most sentences carrying no claim with a checkable slot), ``copy`` (a
syndicated copy of another report). ``reasons`` say the same in words, with the counts
behind them, including how many of its claims no other report makes. Padding,
vagueness and staleness lower the score; concrete, named, corroborated reporting raises
it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .model import Analysis, Claim, Conflict, SourceCard, StoryClaim

_GONE_PREFIXES = ("former ", "late ", "ex-", "ex ")
# Distinct checkable specifics per 100 words at which a report counts as fully specific
# (wire copy on a concrete event runs at 6-10), and below which it is vague.
SPECIFICS_PER_100 = 6.0
VAGUE_PER_100 = 2.0


def specifics(analysis: Analysis) -> int:
    """Distinct checkable specifics a report gives: names, numbers, dates, places."""
    seen: set[tuple[str, str]] = set()
    for c in analysis.claims:
        seen |= {("entity", e.text.lower()) for e in c.entities}
        seen |= {("number", q.text.lower()) for q in c.quantities}
        seen |= {("time", t.text.lower()) for t in c.times}
        seen |= {("place", p.lower()) for p in c.places}
    return len(seen)


def _slots(claim: Claim) -> int:
    return (
        len(claim.quantities)
        + len(claim.times)
        + len(claim.entities)
        + len(claim.roles)
        + len(claim.places)
    )


def _minority_articles(conflict: Conflict, copy_of: Mapping[str, str]) -> tuple[set[str], set[str]]:
    """Articles on a minority side of a conflict, and those on a stale side.

    A side is in the minority when another side has more independent reports. A stale
    side names someone in an office they no longer hold: in a ``person`` conflict the
    minority side; in a ``role`` conflict the side calling the person current, unless
    more reports call them current than former (then the report saying "former" is
    contradicted, not stale; on a tie, knowing a person is former is the newer news).
    """
    support = [
        len({copy_of.get(e.article, e.article) for e in side.evidence}) for side in conflict.sides
    ]
    top = max(support)
    gone = max(
        (n for side, n in zip(conflict.sides, support)
         if side.value.lower().startswith(_GONE_PREFIXES)),
        default=0,
    )
    minority: set[str] = set()
    stale: set[str] = set()
    for side, n in zip(conflict.sides, support):
        articles = {e.article for e in side.evidence}
        if n < top:
            minority |= articles
            if conflict.kind == "person":
                stale |= articles
        if (
            conflict.kind == "role"
            and not side.value.lower().startswith(_GONE_PREFIXES)
            and gone >= n
        ):
            stale |= articles
    return minority, stale


def score_sources(
    analyses: Sequence[Analysis],
    claims: Sequence[StoryClaim],
    conflicts: Sequence[Conflict],
    copy_of: Mapping[str, str],
) -> list[SourceCard]:
    """Score each report of a story (formula and flags in the module docstring).

    Args:
        analyses: The story's reports.
        claims: The story's claims with their verdicts.
        conflicts: The story's conflicts.
        copy_of: Copy article id -> original id.

    Returns:
        One card per report, in the order of ``analyses``.
    """
    status_of: dict[str, str] = {}
    for sc in claims:
        for member in sc.members:
            status_of[member] = sc.status
    minority: set[str] = set()
    stale: set[str] = set()
    contradicted_claims: dict[str, int] = {}
    backed_claims: dict[str, int] = {}
    for conflict in conflicts:
        support = [
            len({copy_of.get(e.article, e.article) for e in side.evidence})
            for side in conflict.sides
        ]
        if support.count(max(support)) == 1 and max(support) >= 2:
            for e in conflict.sides[support.index(max(support))].evidence:
                backed_claims[e.article] = backed_claims.get(e.article, 0) + 1
        m, s = _minority_articles(conflict, copy_of)
        minority |= m
        stale |= s
        for side in conflict.sides:
            for e in side.evidence:
                if e.article in m:
                    contradicted_claims[e.article] = contradicted_claims.get(e.article, 0) + 1

    cards: list[SourceCard] = []
    for analysis in analyses:
        aid = analysis.article.id
        own = analysis.claims
        listed = [status_of[c.id] for c in own if c.id in status_of]
        counts = {k: listed.count(k) for k in ("corroborated", "contested", "single_source")}
        named = sum(1 for q in analysis.quotes if not q.anonymous)
        anonymous = len(analysis.quotes) - named

        backed = min(counts["contested"], backed_claims.get(aid, 0))
        corroboration = (counts["corroborated"] + backed) / len(listed) if listed else 0.0
        body_words = max(1, len(analysis.article.text[analysis.article.body_start :].split()))
        density = 100.0 * specifics(analysis) / body_words
        specificity = 0.7 * min(1.0, density / SPECIFICS_PER_100) + 0.3 * min(1.0, named / 2)
        anonymity = anonymous / len(analysis.quotes) if analysis.quotes else 0.0
        hedging = sum(c.hedged for c in own) / len(own) if own else 0.0
        contradicted = min(1.0, contradicted_claims.get(aid, 0) / max(1, len(listed)))
        body = [s for s in analysis.sentences if not s.is_title]
        checkable = {c.sentence for c in own if _slots(c)}
        checkable_share = len(checkable) / len(body) if body else 0.0

        score = (
            0.35 * corroboration
            + 0.30 * specificity
            + 0.15 * (1 - anonymity)
            + 0.10 * (1 - hedging)
            + 0.10
            - 0.30 * contradicted
            - 0.15 * (aid in stale)
        )
        flags: list[str] = []
        if aid in minority:
            flags.append("contradicted")
        if aid in stale:
            flags.append("stale-role")
        if specificity < 0.35:
            flags.append("unspecific")
        if len(analysis.quotes) >= 2 and anonymity >= 0.5:
            flags.append("anonymous-sources")
        if hedging >= 1 / 3 and own:
            flags.append("hedged")
        if density < VAGUE_PER_100 or checkable_share < 0.4:
            flags.append("vague")
        if aid in copy_of or analysis.article.copy_of:
            flags.append("copy")
        reasons: list[str] = []
        if counts["corroborated"]:
            reasons.append(
                f"{counts['corroborated']} of {len(listed)} claims stated by other reports"
            )
        if contradicted_claims.get(aid):
            reasons.append(
                f"{contradicted_claims[aid]} claims contradicted by more reports"
            )
        if aid in stale:
            reasons.append("names someone in an office other reports give to another or "
                           "call former")
        reasons.append(f"{density:.1f} checkable specifics per 100 words")
        if analysis.quotes:
            reasons.append(f"{named} named and {anonymous} anonymous sources quoted")
        if own and hedging:
            reasons.append(f"{sum(c.hedged for c in own)} of {len(own)} claims hedged")
        if counts["single_source"]:
            reasons.append(f"{counts['single_source']} claims no other report makes")
        if aid in copy_of or analysis.article.copy_of:
            reasons.append("a copy of another report: counts as that source")
        cards.append(
            SourceCard(
                article=aid,
                score=round(min(1.0, max(0.0, score)), 3),
                corroborated=counts["corroborated"],
                contested=counts["contested"],
                single_source=counts["single_source"],
                anonymous_quotes=anonymous,
                named_quotes=named,
                flags=tuple(flags),
                specifics_per_100_words=round(density, 2),
                reasons=tuple(reasons),
            )
        )
    return cards
