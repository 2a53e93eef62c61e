"""Syndication: which reports are copies or near-copies of another.

A wire story republished with a new headline, light edits and a paragraph added at the
end is one source, not two; so is an excerpt of it run inside a longer report. Two
different reports of one event that share a quote are two sources.

Body text only (headlines are rewritten freely) is cut into word shingles. A copy has
Jaccard similarity of at least ``threshold`` with its original, or at least ``containment``
of the shorter report's shingles inside the other; a Jaccard of ``j`` between sets of
sizes ``a <= b`` means at least ``2j / (1 + j)`` of the smaller set is shared, so with the
default thresholds (0.7 and 0.8) every copy is found by containment of the smaller side.

Candidates come from anchors: each report's ``num_perm`` smallest shingles under a seeded
permutation of the hash space, a uniform sample of the report. When a report has
``containment`` of its shingles inside another, each anchor is in the other with that
chance, so a report is a candidate when it holds at least ``containment - _MARGIN`` of the
query's anchors; the exact shingle sets then decide. Only the postings of anchor shingles
are kept (numpy arrays: shingle hash, report number), so memory is the shingle sets plus
a few integers per anchor, and no pair is formed from a shingle that is no one's anchor;
a shared paragraph or quote makes a candidate only when it holds enough of the smaller
report's anchors.

Each copy points to its original: the earliest published report it is linked to (an
unknown date counts as later than any known one; ties go to input order), followed to
the root, so a chain of copies all point to the same original.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import zlib
from collections.abc import Sequence

import numpy as np

from ..model import Article
from ..settings import CopySettings

_WORD = re.compile(r"\w+")
# How far below ``containment`` the share of anchors found may fall for a candidate: with
# 24 anchors (half of them needed), a report holding 80 % of the query is missed about
# once in 5,000 times and one holding 90 % once in ten million (binomial tails; sampling
# without replacement does better); exact checks remove the extra candidates.
_MARGIN = 0.3
# Queries whose postings are gathered in one numpy pass: bounds the temporary arrays.
_QUERY_CHUNK = 2048


def shingles(text: str, size: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word ``size``-shingles of ``text``.

    Words are lower-cased runs of letters and digits, so punctuation and quote-mark
    styles do not matter. A text shorter than ``size`` words gives one shingle of all of it.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint32)
    # A word's hash is its CRC-32 spread over 64 bits (the splitmix64 finaliser); a
    # shingle's hash is a polynomial of its words' hashes (mod 2**64, so word order
    # counts), of which the top 32 bits are kept: numpy work instead of a hash of every
    # shingle's string, several times faster.
    w = _mix(np.fromiter((zlib.crc32(x.encode()) for x in words), np.uint64, len(words)))
    span = min(size, len(words))
    acc = np.zeros(len(words) - span + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(span):
            acc = acc * _SHINGLE_BASE + w[k : k + len(acc)]
    return np.unique((acc >> np.uint64(32)).astype(np.uint32))


_SHINGLE_BASE = np.uint64(0x9E3779B97F4A7C15)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every input bit reaches every output bit."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return x ^ (x >> np.uint64(31))


def overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Exact Jaccard similarity and containment (of the smaller set) of two shingle sets."""
    if not len(a) or not len(b):
        return 0.0, 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter), inter / min(len(a), len(b))


def find_copies(articles: Sequence[Article], settings: CopySettings) -> dict[str, str]:
    """Find syndicated copies and near-copies among ``articles``.

    Args:
        articles: Cleaned reports; only ``text[body_start:]`` is compared.
        settings: Shingle size, anchors per report (``num_perm``) and their seed, and the
            Jaccard and containment thresholds.

    Returns:
        ``{copy id: original id}`` for every report that copies another; originals and
        reports that copy nothing are absent. Deterministic for a given input order.
    """
    sets = [shingles(a.text[a.body_start :], settings.shingle) for a in articles]
    usable = [i for i, s in enumerate(sets) if len(s) >= settings.min_shingles]
    if len(usable) < 2:
        return {}

    links: dict[int, set[int]] = {i: set() for i in usable}
    for i, j in _candidates([sets[i] for i in usable], settings):
        a, b = usable[i], usable[j]
        if b in links[a]:
            continue
        jaccard, contained = overlap(sets[a], sets[b])
        if jaccard >= settings.threshold or contained >= settings.containment:
            links[a].add(b)
            links[b].add(a)

    # Earliest first; an unknown date sorts after every known one, ties by input order.
    order = sorted(usable, key=lambda i: _when(articles[i], i))
    rank = {i: r for r, i in enumerate(order)}
    root: dict[int, int] = {}
    for i in order:
        earlier = [j for j in links[i] if rank[j] < rank[i]]
        # Attach to the earliest linked report seen so far: a roundup that holds two
        # different wire stories copies the first, and does not merge the two stories.
        root[i] = root[min(earlier, key=rank.__getitem__)] if earlier else i
    return {
        articles[i].id: articles[root[i]].id for i in usable if root[i] != i
    }


def anchors(hashes: np.ndarray, count: int, seed: int) -> np.ndarray:
    """The ``count`` shingles of a set that come first under a seeded permutation.

    The permutation (xor with a seed-derived constant, then multiplication by an odd one,
    modulo 2**32) is a bijection of 32-bit hashes, so two sets draw the same anchors from
    what they share: the sample of a set's part inside another is the part of its sample.
    """
    if len(hashes) <= count:
        return hashes
    key = _permute(hashes, seed)
    return np.sort(hashes[np.argpartition(key, count - 1)[:count]])


def _permute(hashes: np.ndarray, seed: int) -> np.ndarray:
    mix = int.from_bytes(hashlib.blake2b(str(seed).encode(), digest_size=8).digest(), "little")
    xor, mult = np.uint32(mix & 0xFFFFFFFF), np.uint32((mix >> 32) | 1)
    with np.errstate(over="ignore"):
        return (hashes ^ xor) * mult


def _candidates(sets: Sequence[np.ndarray], settings: CopySettings) -> list[tuple[int, int]]:
    """Pairs ``(query, other)`` where ``other`` holds enough of the query's anchors.

    Sorted, each unordered pair at most twice (once from each side).
    """
    count = max(1, settings.num_perm)
    # The share of the smaller set a copy must have inside the other, by either rule.
    j = settings.threshold
    level = max(0.0, min(settings.containment, 2 * j / (1 + j)) - _MARGIN)
    picks = [anchors(s, count, settings.seed) for s in sets]
    vocabulary = np.unique(np.concatenate(picks))
    # Postings of anchor shingles only: (hash, report) sorted by hash.
    post_hash: list[np.ndarray] = []
    post_doc: list[np.ndarray] = []
    for n, s in enumerate(sets):
        pos = np.searchsorted(vocabulary, s)
        pos[pos == len(vocabulary)] = 0
        hit = s[vocabulary[pos] == s]
        post_hash.append(hit)
        post_doc.append(np.full(len(hit), n, dtype=np.int32))
    hashes = np.concatenate(post_hash)
    docs = np.concatenate(post_doc)
    del post_hash, post_doc
    order = np.argsort(hashes, kind="stable")
    hashes, docs = hashes[order], docs[order]
    del order

    out: list[tuple[int, int]] = []
    for lo in range(0, len(sets), _QUERY_CHUNK):
        queries = range(lo, min(lo + _QUERY_CHUNK, len(sets)))
        q_hash = np.concatenate([picks[q] for q in queries])
        q_doc = np.concatenate(
            [np.full(len(picks[q]), q, dtype=np.int64) for q in queries]
        )
        first = np.searchsorted(hashes, q_hash, side="left")
        last = np.searchsorted(hashes, q_hash, side="right")
        sizes = last - first
        # Every (query, posting) pair, without a Python loop over postings.
        starts = np.repeat(first - np.cumsum(sizes) + sizes, sizes)
        rows = np.arange(int(sizes.sum()), dtype=np.int64) + starts
        pair_q = np.repeat(q_doc, sizes)
        pair_o = docs[rows].astype(np.int64)
        keep = pair_q != pair_o
        keys, found = np.unique(pair_q[keep] * len(sets) + pair_o[keep], return_counts=True)
        q_of, o_of = keys // len(sets), keys % len(sets)
        need = np.array([len(picks[q]) for q in queries], dtype=np.float64)
        need = np.ceil(need * level - 1e-9)
        ok = found >= np.maximum(need[q_of - lo], 1)
        out.extend(zip(q_of[ok].tolist(), o_of[ok].tolist()))
    return out


def _when(article: Article, index: int) -> tuple[bool, dt.date, int]:
    return (article.published is None, article.published or dt.date.min, index)
