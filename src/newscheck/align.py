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

import functools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .entities import name_key, surname_key
from .lexicon import ALIGN_LIGHT_VERBS, EVENT_SYNONYMS, PEOPLE_NOUNS
from .model import Analysis, Claim, ClaimGroup, Entity, Quantity
from .settings import AlignSettings

# fmt: off
STOP_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for",
    "with", "from", "as", "into", "onto", "over", "under", "about", "after", "before",
    "since", "until", "than", "then", "that", "this", "these", "those", "there", "here",
    "it", "its", "it's", "they", "them", "their", "he", "him", "his", "she", "her", "we",
    "our", "you", "your", "i", "me", "my", "is", "are", "was", "were", "be", "been",
    "being", "am", "has", "have", "had", "do", "does", "did", "will", "would", "shall",
    "should", "can", "could", "may", "might", "must", "not", "no", "nor", "so", "such",
    "also", "just", "only", "very", "more", "most", "much", "many", "some", "any", "all",
    "each", "other", "which", "who", "whom", "whose", "what", "when", "where", "why", "how",
    "said", "say", "says", "saying", "told", "tells", "according", "while", "during",
    "against", "up", "down", "out", "off", "again", "further", "once", "per", "via", "s",
})
# fmt: on

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*")
_ORDERED = ("ies", "ing", "ed", "es", "s")


# Pure functions of a string, called for every pair of claims a story compares: their
# results are kept (bounded) rather than recomputed.
@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem: enough to match "strikes"/"striking"/"strike" loosely."""
    w = word.lower().strip("'-")
    w = w.removesuffix("'s")
    for suffix in _ORDERED:
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            if suffix == "ies":
                w += "y"
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


@functools.lru_cache(maxsize=1 << 14)
def content_words(text: str) -> frozenset[str]:
    """Stemmed content words of a text (stop words and bare numbers dropped)."""
    out = set()
    for m in _WORD.finditer(text):
        w = m.group(0)
        if w[0].isdigit() or w.lower() in STOP_WORDS or len(w) < 2:
            continue
        out.add(stem(w))
    return frozenset(out)


def lexical_similarity(a: frozenset[str], b: frozenset[str]) -> float:
    """Ochiai coefficient of two word sets (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def entity_key(text: str) -> str:
    """An entity name normalised for matching ("the Port Authority's" -> "port authority"):
    :func:`newscheck.entities.name_key`."""
    return name_key(text)


def entity_keys(entities: Sequence[Entity]) -> frozenset[str]:
    """Match keys of entities: the full name, and a person's surname."""
    keys = set()
    for e in entities:
        k = entity_key(e.text)
        if not k:
            continue
        keys.add(k)
        if e.label == "PERSON" and " " in k:
            keys.add(surname_key(e.text) or k.rsplit(" ", 1)[1])
    return frozenset(keys)


def counted_class(noun: str) -> str:
    """What a quantity's noun counts, with synonyms of one story merged ("member" and
    "steelworker" -> "people"; "walkout" -> "strike")."""
    n = noun.lower()
    if n in PEOPLE_NOUNS or stem(n) in {stem(p) for p in PEOPLE_NOUNS}:
        return "people"
    if stem(n).endswith("worker") or n.endswith(("workers", "worker")):
        return "people"  # a trade: "steelworkers", "farmworkers"
    for names in EVENT_SYNONYMS:
        if n in names or stem(n) in {stem(x) for x in names}:
            return max(names)
    return stem(n)


def same_thing_counted(a: Quantity, b: Quantity) -> bool:
    """Whether two quantities can measure the same thing (kind, unit and noun agree).

    A missing noun matches any noun: the extractor often cannot find what a bare number
    counts, and the kind and unit still have to agree. Nouns agree through
    :func:`counted_class` (people counted under different names, one event's names).
    """
    if a.kind != b.kind or a.unit != b.unit:
        return False
    return a.noun is None or b.noun is None or counted_class(a.noun) == counted_class(b.noun)


@dataclass(frozen=True, slots=True)
class _Item:
    """A claim with what alignment needs, precomputed once."""

    claim: Claim
    report: int
    order: int
    words: frozenset[str]
    entities: frozenset[str]
    roles: frozenset[str]


def _anchors(a: _Item, b: _Item, common: frozenset[str] = frozenset()) -> int:
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
    if (same_predicate and pa.lower() not in {"be", "have", "say"}) or len(a.words & b.words) >= 2:
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


def merge_best_first(
    n: int,
    ranked: Sequence[tuple[int, int]],
    report_of: Sequence[object],
    joinable: Callable[[list[int], list[int]], bool],
) -> dict[int, list[int]]:
    """Join items ``0..n-1`` into groups along ``ranked`` pairs, best first.

    Two groups join when the pair links them, they hold no item of the same report (one
    claim per report per group) and ``joinable(members_a, members_b)`` agrees (the link
    rule: average similarity for alignment, every pair the same fact for corroboration).

    Returns:
        Group root -> sorted member indices (singletons included).
    """
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for i, j in ranked:
        gi, gj = group_of[i], group_of[j]
        if gi == gj:
            continue
        a, b = members[gi], members[gj]
        if {report_of[k] for k in a} & {report_of[k] for k in b}:
            continue
        if not joinable(a, b):
            continue
        keep, drop = (gi, gj) if gi < gj else (gj, gi)
        members[keep] = sorted(members[keep] + members[drop])
        for k in members[drop]:
            group_of[k] = keep
        del members[drop]
    return members


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
    common = _common_entities(items, len(analyses))
    raw_scale = settings.min_similarity if matrix is not None else settings.min_lexical

    # Candidate pairs: each claim's best neighbours in other reports that share an anchor.
    candidates: dict[tuple[int, int], float] = {}
    for i in range(n):
        order = np.argsort(-scaled[i], kind="stable")
        taken = 0
        for j in order:
            j = int(j)
            if taken >= settings.neighbours or scaled[i, j] < 0.85:
                break
            if items[j].report == items[i].report:
                continue
            anchors = _anchors(items[i], items[j], common)
            # Below the threshold a pair needs two kinds of anchor to count.
            if anchors == 0 or (scaled[i, j] < 1.0 and anchors < 2):
                continue
            taken += 1
            key = (min(i, j), max(i, j))
            lexical = lexical_similarity(items[i].words, items[j].words)
            candidates[key] = float(scaled[i, j]) + 0.05 * anchors + 0.1 * lexical

    # Backstop: the same verb and most words in common, whatever the vectors say ("she
    # did not sign the contract in 2014" vs "in 2014, she signed the contract with X").
    for i in range(n):
        for j in range(i + 1, n):
            a, b = items[i], items[j]
            # still some closeness in meaning: unrelated vectors veto identical words
            if a.report == b.report or (i, j) in candidates or scaled[i, j] < 0.5:
                continue
            pa, pb = a.claim.predicate, b.claim.predicate
            if not pa or not pb or pa.lower() != pb.lower() or pa.lower() in ALIGN_LIGHT_VERBS:
                continue
            lexical = lexical_similarity(a.words, b.words)
            if lexical >= settings.lexical_backstop:
                candidates[(i, j)] = 1.0 + 0.1 * lexical
                scaled[i, j] = scaled[j, i] = max(float(scaled[i, j]), 1.0)

    # Merge best first (average link, one claim per report per group).
    ranked = [pair for pair, _ in sorted(candidates.items(), key=lambda kv: (-kv[1], kv[0]))]
    members = merge_best_first(
        n, ranked, [item.report for item in items],
        lambda a, b: float(np.mean([scaled[x, y] for x in a for y in b])) >= 0.9,
    )

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
