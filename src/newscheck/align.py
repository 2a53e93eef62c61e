"""Alignment: claims from different reports of one story that speak of the same thing.

Two claims are *candidates* when they are close in meaning and share an anchor:

* closeness is the cosine of their sentence embeddings (``analysis.sentence_vectors``,
  L2-normalised rows). When a report has no vectors (hand-built analyses, a run without
  the embedder) the pair falls back to a lexical similarity: the Ochiai coefficient
  ``|A ∩ B| / sqrt(|A| |B|)`` over the claims' content words (lower-cased, stop words
  dropped, crude suffix stemming), judged against ``AlignSettings.min_lexical``;
* an anchor is a shared entity (a person also by surname), a shared role, a quantity of
  the same kind, unit and thing counted, the same predicate lemma, or two shared content
  words. Embeddings alone are no proof of sameness ("the strike began" and "the talks
  began" sit close), so an anchor is always required. One backstop: two claims with the
same (not light) verb whose content words overlap by ``AlignSettings.lexical_backstop``
are candidates at a cosine down to half the threshold (a negation or a long aside pulls
sentence vectors apart: "she did not sign the contract in 2014" / "in 2014, she signed
the contract with X").

Each claim looks at its ``AlignSettings.neighbours`` best candidates in other reports.
Candidate pairs are merged into groups best first, average-link: two groups join only
when they share no report (one claim per report per group: the best-scoring one wins)
and the mean similarity across them stays above the threshold. A copy's claims align
with its original's like any other report's; ``copy_of`` is used by the verdicts, which
count a copy and its original as one source.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .lexicon import ALIGN_LIGHT_VERBS, ANCHOR_EMPTY_VERBS
from .model import Analysis, Claim, ClaimGroup
from .settings import AlignSettings
from .text import (
    content_words,
    entity_keys,
    lexical_similarity,
    merge_best_first,
    same_thing_counted,
)


@dataclass(frozen=True, slots=True)
class _Item:
    """A claim with what alignment needs, precomputed once."""

    claim: Claim
    report: int
    order: int
    words: frozenset[str]
    entities: frozenset[str]
    roles: frozenset[str]


def _anchors(
    a: _Item, b: _Item, settings: AlignSettings, common: frozenset[str] = frozenset()
) -> int:
    """How many kinds of anchor two claims share (0 = none: never aligned).

    ``common`` holds entity keys most of the story's reports name (the city the story
    happens in): sharing one says nothing about sameness.
    """
    n = 0
    if (a.entities & b.entities) - common:
        n += 1
    if a.roles & b.roles:
        n += 1
    if any(same_thing_counted(x, y) for x in a.claim.quantities for y in b.claim.quantities):
        n += 1
    pa, pb = a.claim.predicate, b.claim.predicate
    same_predicate = bool(pa and pb and pa.lower() == pb.lower())
    shared_words = len(a.words & b.words) >= settings.anchor_words
    if (same_predicate and pa.lower() not in ANCHOR_EMPTY_VERBS) or shared_words:
        n += 1
    return n


def _items(analyses: Sequence[Analysis]) -> tuple[list[_Item], np.ndarray | None]:
    items: list[_Item] = []
    rows: list[np.ndarray | None] = []
    for r, analysis in enumerate(analyses):
        vectors = analysis.sentence_vectors
        for claim in analysis.claims:
            items.append(
                _Item(
                    claim=claim,
                    report=r,
                    order=len(items),
                    words=content_words(claim.text),
                    entities=entity_keys(claim.entities),
                    roles=frozenset(x.role.lower() for x in claim.roles),
                )
            )
            ok = vectors is not None and 0 <= claim.sentence < len(vectors)
            rows.append(np.asarray(vectors[claim.sentence], dtype=np.float32) if ok else None)
    if items and all(r is not None for r in rows):
        return items, np.vstack(rows)  # type: ignore[arg-type]
    return items, None


def _common_entities(items: Sequence[_Item], reports: int) -> frozenset[str]:
    """Entity keys named by more than half of a story's reports (at least three)."""
    seen: dict[str, set[int]] = {}
    for item in items:
        for key in item.entities:
            seen.setdefault(key, set()).add(item.report)
    need = max(3, reports // 2 + 1)
    return frozenset(k for k, rs in seen.items() if len(rs) >= need)


def _similarity_matrix(
    items: Sequence[_Item], matrix: np.ndarray | None, settings: AlignSettings
) -> np.ndarray:
    """Pairwise similarity rescaled so that 1.0 means "at the threshold".

    Cosine and word overlap live on different scales; dividing each by its own threshold
    lets one grouping rule serve both.
    """
    n = len(items)
    if matrix is not None:
        return (matrix @ matrix.T) / settings.min_similarity
    sim = np.zeros((n, n), dtype=np.float32)
    for i in range(n):
        for j in range(i + 1, n):
            s = lexical_similarity(items[i].words, items[j].words)
            sim[i, j] = sim[j, i] = s
    return sim / settings.min_lexical


def _candidates(
    items: Sequence[_Item], scaled: np.ndarray, common: frozenset[str], settings: AlignSettings
) -> dict[tuple[int, int], float]:
    """Candidate pairs and their rank: each claim's best neighbours in other reports that
    share an anchor (below the threshold, two kinds of anchor)."""
    candidates: dict[tuple[int, int], float] = {}
    for i in range(len(items)):
        order = np.argsort(-scaled[i], kind="stable")
        taken = 0
        for j in order:
            j = int(j)
            if taken >= settings.neighbours or scaled[i, j] < settings.candidate_floor:
                break
            if items[j].report == items[i].report:
                continue
            anchors = _anchors(items[i], items[j], settings, common)
            if anchors == 0 or (scaled[i, j] < 1.0 and anchors < 2):
                continue
            taken += 1
            key = (min(i, j), max(i, j))
            lexical = lexical_similarity(items[i].words, items[j].words)
            candidates[key] = (
                float(scaled[i, j]) + settings.anchor_bonus * anchors
                + settings.lexical_bonus * lexical
            )
    return candidates


def _backstop(
    items: Sequence[_Item],
    scaled: np.ndarray,
    candidates: dict[tuple[int, int], float],
    settings: AlignSettings,
) -> None:
    """Add the pairs with the same verb and most words in common, whatever the vectors say
    ("she did not sign the contract in 2014" / "in 2014, she signed the contract with X"),
    raising their scaled similarity to the threshold. Updates both arguments in place."""
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            a, b = items[i], items[j]
            # still some closeness in meaning: unrelated vectors veto identical words
            if a.report == b.report or (i, j) in candidates:
                continue
            if scaled[i, j] < settings.backstop_floor:
                continue
            pa, pb = a.claim.predicate, b.claim.predicate
            if not pa or not pb or pa.lower() != pb.lower() or pa.lower() in ALIGN_LIGHT_VERBS:
                continue
            lexical = lexical_similarity(a.words, b.words)
            if lexical >= settings.lexical_backstop:
                candidates[(i, j)] = 1.0 + settings.lexical_bonus * lexical
                scaled[i, j] = scaled[j, i] = max(float(scaled[i, j]), 1.0)


def align_claims(
    analyses: Sequence[Analysis], copy_of: Mapping[str, str], settings: AlignSettings
) -> list[ClaimGroup]:
    """Group the claims of one story's reports that speak of the same thing.

    Args:
        analyses: The story's reports.
        copy_of: Copy article id -> original id across the run. Copies align like any
            report (their claims are the same statements); the verdicts count them once.
        settings: Thresholds (see the module docstring).

    Returns:
        Groups of two or more claims from different reports, one claim per report, in the
        order of their first claim; ``similarity`` is the mean pairwise cosine (or word
        overlap when vectors are missing).
    """
    del copy_of  # copies align as ordinary reports; independence is the verdicts' business
    items, matrix = _items(analyses)
    n = len(items)
    if n < 2:
        return []
    scaled = _similarity_matrix(items, matrix, settings)
    candidates = _candidates(items, scaled, _common_entities(items, len(analyses)), settings)
    _backstop(items, scaled, candidates, settings)

    # Merge best first (average link, one claim per report per group).
    ranked = [pair for pair, _ in sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0]))]
    members = merge_best_first(
        n, ranked, [item.report for item in items],
        lambda a, b: float(np.mean([scaled[x, y] for x in a for y in b])) >= settings.link_floor,
    )

    raw_scale = settings.min_similarity if matrix is not None else settings.min_lexical
    groups: list[ClaimGroup] = []
    for root in sorted(members):
        m = members[root]
        if len(m) < 2:
            continue
        pairs = [scaled[x, y] * raw_scale for k, x in enumerate(m) for y in m[k + 1 :]]
        groups.append(
            ClaimGroup(
                claims=tuple(items[k].claim.id for k in m),
                similarity=round(float(np.mean(pairs)), 4),
            )
        )
    return groups
