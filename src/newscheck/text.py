"""Text helpers every stage shares: a crude stem, content words, word-set similarity, entity
match keys, what a quantity counts, and best-first merging of ranked pairs.

They work on words the extractors already produced (a claim's text, a quantity's noun),
never on page text; alignment, verdicts and the brief all read them from here.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Callable, Sequence

from .entities import name_key, surname_key
from .lexicon import EVENT_SYNONYMS, PEOPLE_NOUNS, STEM_SUFFIXES, STOP_WORDS, TRADE_NOUN_ENDINGS
from .model import Entity, Quantity

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,.]*")


# Pure functions of a string, called for every pair of claims a story compares: their
# results are kept (bounded) rather than recomputed.
@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem: enough to match "strikes"/"striking"/"strike" loosely."""
    w = word.lower().strip("'-")
    w = w.removesuffix("'s")
    for suffix, replacement in STEM_SUFFIXES:
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)] + replacement
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


def entity_keys(entities: Sequence[Entity]) -> frozenset[str]:
    """Match keys of entities: the full name, and a person's surname."""
    keys = set()
    for e in entities:
        k = name_key(e.text)
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
    if stem(n).endswith(TRADE_NOUN_ENDINGS) or n.endswith(TRADE_NOUN_ENDINGS):
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
