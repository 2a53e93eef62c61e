"""Syndication: which reports are copies or near-copies of another.

A wire story republished with a new headline, light edits and a paragraph added at the
end is one source, not two; so is an excerpt of it run inside a longer report. Two
different reports of one event that share a quote are two sources.

Body text only (headlines are rewritten freely) is cut into word shingles. Candidate
pairs come from a MinHash LSH Ensemble (datasketch), which indexes by *containment*, so a
short excerpt finds the long report holding it; every candidate is then checked on the
exact shingle sets: a copy has Jaccard similarity of at least ``threshold`` or has at least
``containment`` of the shorter report's shingles inside the other.

Each copy points to its original: the earliest published report it is linked to (an
unknown date counts as later than any known one; ties go to input order), followed to
the root, so a chain of copies all point to the same original.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Sequence

import numpy as np

from .model import Article
from .settings import CopySettings

_WORD = re.compile(r"\w+")
# How far below the containment threshold the LSH is tuned, so its misses are rare;
# exact verification removes the extra candidates it lets through.
_LSH_MARGIN = 0.2


def shingles(text: str, size: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of the word ``size``-shingles of ``text``.

    Words are lower-cased runs of letters and digits, so punctuation and quote-mark
    styles do not matter. A text shorter than ``size`` words gives one shingle of all of it.
    """
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint32)
    grams = (
        [" ".join(words)]
        if len(words) < size
        else [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    )
    hashes = [
        int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "little")
        for g in grams
    ]
    return np.unique(np.asarray(hashes, dtype=np.uint32))


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
        settings: Shingle size, MinHash permutations and seed, and the Jaccard and
            containment thresholds.

    Returns:
        ``{copy id: original id}`` for every report that copies another; originals and
        reports that copy nothing are absent. Deterministic for a given input order.
    """
    from datasketch import MinHash, MinHashLSHEnsemble

    sets = [shingles(a.text[a.body_start :], settings.shingle) for a in articles]
    usable = [i for i, s in enumerate(sets) if len(s) >= settings.min_shingles]
    if len(usable) < 2:
        return {}

    ensemble = MinHashLSHEnsemble(
        threshold=max(0.05, settings.containment - _LSH_MARGIN),
        num_perm=settings.num_perm,
        num_part=min(16, len(usable)),
    )
    sketches: dict[int, MinHash] = {}
    for i in usable:
        # The shingles are already 32-bit hashes: feed them through unchanged.
        m = MinHash(num_perm=settings.num_perm, seed=settings.seed, hashfunc=int)
        m.update_batch(sets[i].tolist())
        sketches[i] = m
    ensemble.index((i, sketches[i], len(sets[i])) for i in usable)

    links: dict[int, set[int]] = {i: set() for i in usable}
    for i in usable:
        # The ensemble finds sets that contain the query; querying with every report
        # finds each pair from its smaller side.
        for j in sorted(ensemble.query(sketches[i], len(sets[i]))):
            if j == i or j in links[i]:
                continue
            jaccard, contained = overlap(sets[i], sets[j])
            if jaccard >= settings.threshold or contained >= settings.containment:
                links[i].add(j)
                links[j].add(i)

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


def _when(article: Article, index: int) -> tuple[bool, dt.date, int]:
    return (article.published is None, article.published or dt.date.min, index)
