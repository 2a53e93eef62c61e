"""Stories: grouping reports by the real-world event they cover.

Two reports are of one story when they read alike (MiniLM embedding of their leads; the
idf-weighted content words of the whole text), name the same people, organisations and
places (idf-weighted entity bags, so a shared "police" counts for little and a shared
"Velmar" for much), and agree on when and how much (numbers and calendar dates in the
lead; published dates). Two earthquakes in one week read alike but differ in place and
magnitude; a long and a short report of one meeting read less alike but name the same
people.

The similarity of two reports is a weighted mean of those parts; the entity and date
parts are left out of the mean when one of the two reports has nothing to compare (no
entities, no numbers or dates), so a short report is not punished for what it does not
say. From it is taken a penalty (``conflict_weight``) when *each* report leads with
people or places that the other never mentions.

Scale: candidate pairs are each report's ``neighbours`` nearest reports by embedding
(exact, in chunks) plus reports sharing a rare entity, never all pairs. The clusterer,
chosen by name in ``registry.CLUSTERERS`` by the caller and handed in, works on that
sparse graph:

- ``agglomerative`` (default): average linkage; two groups merge only while the mean
  similarity over *all* their cross pairs stays above the threshold, which stops one
  strong link from chaining two stories together, and, for two groups of two or more
  reports, while it stays within ``cohesion_ratio`` of the similarity inside them: two
  events of one topic read alike across but much more alike within each. Then groups of at most three reports
  may join a larger story a little below the threshold (``attach_margin``). Last, each
  report moves to the neighbouring story it fits best on average (a k-means-like pass):
  a merge decided on group means can leave a report with the wrong half.
- ``components``: connected components of the pairs above the threshold (fast, chains).

Copies (``Article.copy_of``) go to their original's story without being compared.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from scipy import sparse

from .entities import org_key, surname_key
from .lexicon import BROAD_STOP_WORDS, MONTHS
from .model import Analysis
from .settings import StorySettings

# Pairs scored per vectorised call: bounds the memory of the sparse row copies.
PAIR_CHUNK = 50_000
# Up to this many pairs, sparse rows are multiplied without scipy's per-call overhead.
SMALL_BATCH = 2_000
# Entities of these labels in the first ``StorySettings.head_sentences`` say whom or where
# the story is about.
NAME_LABELS = frozenset({"PERSON", "GPE", "LOC", "FAC"})
_MONTH_DAY = re.compile(
    rf"\b((?:{'|'.join(m[:3] for m in MONTHS)})[a-z]*)\.?\s+(\d{{1,2}})\b", re.IGNORECASE
)
_NUMBER = re.compile(r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\w])")
_WORDS = re.compile(r"[a-z][a-z'-]{2,}")


# --------------------------------------------------------------------------- features


def story_id(article_ids: Sequence[str]) -> str:
    """The id of a story: ``"s"`` and 10 hex digits of a hash of its article ids.

    Independent of the order the reports came in and of the other stories of the run, so
    the same reports make the same story id in every run.
    """
    digest = hashlib.sha256(",".join(sorted(article_ids)).encode()).hexdigest()
    return f"s{digest[:10]}"


def entity_key(text: str, label: str) -> str | None:
    """The normalised form under which two mentions count as one entity.

    People are keyed by surname, so "Ana Ruiz", "Mr. Ruiz's" and "Ruiz" match ("Kim Jong
    Un" by "kim"); other names by :func:`newscheck.entities.org_key` (no article, no
    possessive, "U.K." and "Britain" one place).
    """
    if label == "PERSON":
        key = surname_key(text)
        return "p:" + key if key else None
    key = org_key(text)
    return f"{label[0].lower()}:{key}" if key else None


def time_tokens(text: str) -> list[str]:
    """Numbers and calendar dates in ``text``, as comparable tokens ("n:6.1", "d:mar-14")."""
    out = [f"d:{m.group(1)[:3].lower()}-{int(m.group(2))}" for m in _MONTH_DAY.finditer(text)]
    out += ["n:" + m.group(1).replace(",", "") for m in _NUMBER.finditer(text)]
    return out


def word_tokens(text: str) -> list[str]:
    """Lower-cased content words of ``text`` (no broad stop words, no short words)."""
    return [w for w in _WORDS.findall(text.lower()) if w not in BROAD_STOP_WORDS]


@dataclass(frozen=True, slots=True)
class _Bags:
    entities: Counter
    lead: set[str]
    times: Counter
    words: Counter


def _bags(analysis: Analysis, settings: StorySettings) -> _Bags:
    sents = analysis.sentences
    lead_end = sents[min(settings.lead_sentences, len(sents)) - 1].end if sents else 0
    head_end = sents[min(settings.head_sentences, len(sents)) - 1].end if sents else 0
    ents: Counter = Counter()
    lead_keys: set[str] = set()
    for e in analysis.entities:
        key = entity_key(e.text, e.label)
        if key is None:
            continue
        in_lead = e.start < lead_end
        weight = settings.label_weights.get(e.label, settings.other_label_weight)
        ents[key] += weight * (settings.lead_entity_boost if in_lead else 1.0)
        if e.start < head_end and e.label in NAME_LABELS:
            lead_keys.add(key)
    text = analysis.article.text[:lead_end] if sents else analysis.article.text
    words = Counter(word_tokens(analysis.article.text))
    return _Bags(ents, lead_keys, Counter(time_tokens(text)), words)


def _idf(bags: Sequence[Counter | set[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency of every key (present / absent per report)."""
    df: Counter = Counter()
    for bag in bags:
        df.update(bag.keys() if isinstance(bag, Counter) else bag)
    n = len(bags)
    return {key: math.log((1 + n) / (1 + d)) + 1 for key, d in df.items()}


def _tfidf(bags: Sequence[Counter]) -> sparse.csr_matrix:
    """Rows of log-scaled, idf-weighted, L2-normalised bag vectors."""
    idf = _idf(bags)
    vocab = {key: c for c, key in enumerate(sorted(idf))}
    rows, cols, vals = [], [], []
    for r, bag in enumerate(bags):
        for key, count in bag.items():
            rows.append(r)
            cols.append(vocab[key])
            vals.append((1.0 + math.log1p(count)) * idf[key])
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(len(bags), max(1, len(vocab))))
    return _normalise_rows(m, 2)


def _normalise_rows(m: sparse.csr_matrix, order: int) -> sparse.csr_matrix:
    norms = np.asarray(abs(m).power(order).sum(axis=1)).ravel() ** (1 / order)
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def _mentions(bags: Sequence[_Bags]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """Lead names (idf-weighted, rows summing to 1) and every name each report mentions.

    A report mentions a name when its entities hold it, or when the name's last word is
    among its words: the small NER model misses many names, and "Thompson" in the text
    is enough to say the report knows of him.
    """
    idf = _idf([b.lead for b in bags])
    vocab = {key: c for c, key in enumerate(sorted(idf))}
    by_word: dict[str, list[int]] = {}
    for key, c in vocab.items():
        by_word.setdefault(key[2:].split()[-1], []).append(c)
    lr, lc, lv, mr, mc = [], [], [], [], []
    for r, b in enumerate(bags):
        for key in b.lead:
            lr.append(r)
            lc.append(vocab[key])
            lv.append(idf[key])
        cols = {vocab[k] for k in b.entities if k in vocab}
        for w in b.words:
            cols.update(by_word.get(w, ()))
        mr.extend([r] * len(cols))
        mc.extend(sorted(cols))
    shape = (len(bags), max(1, len(vocab)))
    lead = _normalise_rows(sparse.csr_matrix((lv, (lr, lc)), shape=shape), 1)
    mentions = sparse.csr_matrix((np.ones(len(mr)), (mr, mc)), shape=shape)
    return lead, mentions


@dataclass(frozen=True, slots=True, kw_only=True)
class Similarity:
    """The combined similarity of reports, computed for any block of pairs.

    Rows are the reports being grouped (positions, not ids).
    """

    vectors: np.ndarray
    entities: sparse.csr_matrix
    times: sparse.csr_matrix
    words: sparse.csr_matrix
    lead_names: sparse.csr_matrix
    mentions: sparse.csr_matrix
    published: np.ndarray
    """Day ordinal of the published date, NaN when unknown."""
    settings: StorySettings
    # Which rows hold anything (names, numbers, lead names): fixed once built, and needed
    # by every scoring call.
    has_entities: np.ndarray = field(init=False, repr=False)
    has_times: np.ndarray = field(init=False, repr=False)
    has_lead: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        for name, m in (("has_entities", self.entities), ("has_times", self.times),
                        ("has_lead", self.lead_names)):
            object.__setattr__(self, name, np.diff(m.indptr) > 0)

    @classmethod
    def build(cls, analyses: Sequence[Analysis], settings: StorySettings) -> Similarity:
        """Features of ``analyses`` (each must have a ``vector``)."""
        bags = [_bags(a, settings) for a in analyses]
        vectors = np.vstack([np.asarray(a.vector, dtype=np.float32) for a in analyses])
        published = np.array(
            [a.article.published.toordinal() if a.article.published else np.nan for a in analyses]
        )
        lead_names, mentions = _mentions(bags)
        return cls(
            vectors=vectors,
            entities=_tfidf([b.entities for b in bags]),
            times=_tfidf([b.times for b in bags]),
            words=_tfidf([b.words for b in bags]),
            lead_names=lead_names,
            mentions=mentions,
            published=published,
            settings=settings,
        )

    def __len__(self) -> int:
        return len(self.vectors)

    def block(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Similarity of every report in ``rows`` with every report in ``cols``."""

        def dot(m: sparse.csr_matrix) -> np.ndarray:
            return (m[rows] @ m[cols].T).toarray()

        def both(has: np.ndarray) -> np.ndarray:
            return np.outer(has[rows], has[cols])

        gap = np.abs(self.published[rows][:, None] - self.published[cols][None, :])
        missed = np.minimum(
            1 - (self.lead_names[rows] @ self.mentions[cols].T).toarray(),
            1 - (self.mentions[rows] @ self.lead_names[cols].T).toarray(),
        )
        return self._combine(
            emb=self.vectors[rows] @ self.vectors[cols].T,
            ent=dot(self.entities), m_e=both(self.has_entities),
            num=dot(self.times), m_n=both(self.has_times),
            gap=np.nan_to_num(gap), m_p=~np.isnan(gap),
            words=dot(self.words),
            missed=missed * both(self.has_lead),
        )

    def pairs(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Similarity of the reports ``i[k]`` and ``j[k]`` for each k (any number of pairs)."""
        if len(i) <= PAIR_CHUNK:
            return self._pairs(np.asarray(i), np.asarray(j))
        return np.concatenate([
            self._pairs(np.asarray(i[k : k + PAIR_CHUNK]), np.asarray(j[k : k + PAIR_CHUNK]))
            for k in range(0, len(i), PAIR_CHUNK)
        ])

    def _pairs(self, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        def dot(m: sparse.csr_matrix, other: sparse.csr_matrix | None = None) -> np.ndarray:
            other = m if other is None else other
            if len(i) <= SMALL_BATCH:
                return _row_dots(m, other, i, j)
            return np.asarray(m[i].multiply(other[j]).sum(axis=1)).ravel()

        def both(has: np.ndarray) -> np.ndarray:
            return has[i] & has[j]

        gap = np.abs(self.published[i] - self.published[j])
        missed = np.minimum(
            1 - dot(self.lead_names, self.mentions), 1 - dot(self.mentions, self.lead_names)
        )
        return self._combine(
            emb=np.einsum("ij,ij->i", self.vectors[i], self.vectors[j]),
            ent=dot(self.entities), m_e=both(self.has_entities),
            num=dot(self.times), m_n=both(self.has_times),
            gap=np.nan_to_num(gap), m_p=~np.isnan(gap),
            words=dot(self.words),
            missed=missed * both(self.has_lead),
        )

    def _combine(self, *, emb, ent, m_e, num, m_n, gap, m_p, words, missed) -> np.ndarray:
        s = self.settings
        # Date agreement: the numbers and dates the leads share, and how close the
        # published dates are; either alone when only one can be compared.
        prox = np.exp2(-gap / s.date_half_life)
        m_t = m_n | m_p
        time = np.where(m_t, (num * m_n + prox * m_p) / np.maximum(1, m_n.astype(int) + m_p), 0.0)
        total = (
            s.embedding_weight * emb + s.entity_weight * m_e * ent + s.date_weight * m_t * time
            + s.word_weight * words
        )
        weight = s.embedding_weight + s.entity_weight * m_e + s.date_weight * m_t + s.word_weight
        # Each report leads with people or places the other never mentions at all: two
        # events alike in kind (two boxers' title fights, two earthquakes), not two views
        # of one. Only a total miss counts: a partial one is common within one story.
        return total / weight - s.conflict_weight * (missed > 0.999)


def _row_dots(a: sparse.csr_matrix, b: sparse.csr_matrix, i: np.ndarray,
              j: np.ndarray) -> np.ndarray:
    """``a[i[k]] . b[j[k]]`` for each k, in plain numpy (a few calls, whatever the count).

    The entries of both rows are tagged with their pair and column and sorted; the columns
    a pair's two rows share sit side by side.
    """
    def entries(m: sparse.csr_matrix, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        lengths = m.indptr[rows + 1] - m.indptr[rows]
        pair = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
        pos = np.repeat(m.indptr[rows] - (np.cumsum(lengths) - lengths), lengths)
        pos = pos + np.arange(len(pair))
        return pair * m.shape[1] + m.indices[pos], m.data[pos]

    (ki, vi), (kj, vj) = entries(a, np.asarray(i)), entries(b, np.asarray(j))
    keys = np.concatenate([ki, kj])
    vals = np.concatenate([vi, vj])
    order = np.argsort(keys, kind="stable")
    keys, vals = keys[order], vals[order]
    shared = keys[1:] == keys[:-1]
    return np.bincount(keys[:-1][shared] // a.shape[1],
                       weights=vals[:-1][shared] * vals[1:][shared], minlength=len(i))


# --------------------------------------------------------------------------- candidates


def candidate_pairs(sim: Similarity, settings: StorySettings) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``(i, j)`` with ``i < j`` worth scoring: embedding neighbours and rare entities.

    Never all pairs: each report brings its ``neighbours`` nearest reports (exact top-k
    by cosine, computed in chunks) and the reports that share an entity no more than
    ``block_max_df`` reports name.
    """
    n = len(sim)
    k = min(settings.neighbours, n - 1)
    found: list[np.ndarray] = []
    if k > 0:
        chunk = max(1, 2_000_000 // max(1, n))
        for start in range(0, n, chunk):
            rows = np.arange(start, min(n, start + chunk))
            scores = sim.vectors[rows] @ sim.vectors.T
            scores[np.arange(len(rows)), rows] = -np.inf
            top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
            found.append(np.stack([np.repeat(rows, k), top.ravel()], axis=1))
    ents = sim.entities.tocsc()
    df = np.diff(ents.indptr)
    for col in np.flatnonzero((df >= 2) & (df <= settings.block_max_df)):
        members = ents.indices[ents.indptr[col] : ents.indptr[col + 1]]
        a, b = np.triu_indices(len(members), 1)
        found.append(np.stack([members[a], members[b]], axis=1))
    if not found:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    edges = np.concatenate(found).astype(np.int64)
    edges = np.sort(edges, axis=1)
    edges = np.unique(edges[edges[:, 0] != edges[:, 1]], axis=0)
    return edges[:, 0], edges[:, 1]


# --------------------------------------------------------------------------- clusterers


class Clusterer(Protocol):
    """Groups reports given their similarity and the candidate pairs worth considering."""

    def cluster(
        self, sim: Similarity, i: np.ndarray, j: np.ndarray, scores: np.ndarray, threshold: float
    ) -> list[list[int]]: ...


class ConnectedComponents:
    """Connected components of the candidate pairs scoring at least the threshold."""

    def cluster(self, sim, i, j, scores, threshold):
        parent = list(range(len(sim)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        for a, b in zip(i[scores >= threshold].tolist(), j[scores >= threshold].tolist()):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
        groups: dict[int, list[int]] = {}
        for x in range(len(sim)):
            groups.setdefault(find(x), []).append(x)
        return list(groups.values())


class AverageLinkage:
    """Average-linkage agglomeration over the sparse candidate graph.

    Groups joined by a candidate pair above the threshold are merge candidates; their
    linkage is the exact mean similarity over all cross pairs (not only the candidate
    ones), and the best pair merges first while that mean stays at or above the threshold.
    """

    def cluster(self, sim, i, j, scores, threshold):
        strong = scores >= threshold
        members: dict[int, list[int]] = {x: [x] for x in range(len(sim))}
        # links[x][y]: the sum of similarities over all cross pairs of linked groups x, y;
        # kept so a merge adds two known sums instead of recomputing the whole block.
        links: dict[int, dict[int, float]] = {x: {} for x in range(len(sim))}
        heap: list[tuple[float, int, int]] = []
        for a, b, s in zip(i[strong].tolist(), j[strong].tolist(), scores[strong].tolist()):
            links[a][b] = links[b][a] = s
            heap.append((-s, a, b))
        heapq.heapify(heap)
        # inner[x]: the similarity sum over the pairs inside group x (0 for one report).
        inner: dict[int, float] = dict.fromkeys(members, 0.0)
        ratio = sim.settings.cohesion_ratio
        next_id = len(sim)
        while heap:
            _, a, b = heapq.heappop(heap)
            if a not in members or b not in members:
                continue  # one side has merged since this entry was made
            na, nb = len(members[a]), len(members[b])
            cross = links[a][b]
            if ratio > 0 and na > 1 and nb > 1:
                # Two formed stories whose reports are much closer among themselves than
                # to each other's are two events of one topic, not one event.
                cohesion = min(inner[a] / (na * (na - 1) / 2), inner[b] / (nb * (nb - 1) / 2))
                if cross / (na * nb) < ratio * cohesion:
                    continue
            c = next_id
            next_id += 1
            inner[c] = inner.pop(a) + inner.pop(b) + cross
            from_a, from_b = links.pop(a), links.pop(b)
            neighbours = (from_a.keys() | from_b.keys()) - {a, b}
            links[c] = {}
            for d in sorted(neighbours):
                links[d].pop(a, None)
                links[d].pop(b, None)
                cols = np.asarray(members[d])
                total = sum(
                    known[d] if d in known else float(sim.block(np.asarray(part), cols).sum())
                    for part, known in ((members[a], from_a), (members[b], from_b))
                )
                if total / ((len(members[a]) + len(members[b])) * len(cols)) >= threshold:
                    links[c][d] = links[d][c] = total
            members[c] = members.pop(a) + members.pop(b)
            for d, total in links[c].items():
                heapq.heappush(heap, (-total / (len(members[c]) * len(members[d])), d, c))
        groups = self._attach_strays(sim, i, j, scores, threshold, list(members.values()))
        return self._refine(sim, i, j, threshold, groups)

    def _refine(self, sim, i, j, threshold, groups):
        """Move each report to the story it fits best, a few passes (k-means-like).

        Only stories holding one of the report's candidate pairs are considered. A report
        moves when its mean similarity to another story beats that to its own (without
        itself) by ``StorySettings.refine_margin`` and reaches the attach level; every report is decided
        on the same labels, then all move at once, so the result does not depend on the
        order of reports. Each pass scores every (report, story) pair it needs in one
        vectorised call: the cost is the number of reports times the size of the stories
        they touch.
        """
        n = len(sim)
        label = np.empty(n, dtype=np.int64)
        for c, g in enumerate(groups):
            label[g] = c
        # Every report and the reports it has a candidate pair with, both directions.
        src = np.concatenate([i, j]).astype(np.int64)
        dst = np.concatenate([j, i]).astype(np.int64)
        floor = threshold - sim.settings.attach_margin
        for _ in range(sim.settings.refine_rounds):
            size = np.bincount(label, minlength=n)
            # (report, other story) pairs; a report alone stays put: joining is the attach
            # step's call.
            x, c = src, label[dst]
            keep = (c != label[x]) & (size[label[x]] > 1)
            pair = np.unique(np.stack([x[keep], c[keep]], axis=1), axis=0)
            new = label.copy()
            if len(pair):
                movers = np.unique(pair[:, 0])
                px = np.concatenate([movers, pair[:, 0]])
                pc = np.concatenate([label[movers], pair[:, 1]])
                total = _report_story_sums(sim, label, px, pc)
                # The report itself is not part of its own story's fit.
                count = size[pc] - (pc == label[px])
                fit = total / count
                own_fit = fit[: len(movers)]
                fx, fc, ff = pair[:, 0], pair[:, 1], fit[len(movers) :]
                # Best story per report: highest fit, then lowest label.
                order = np.lexsort((fc, -ff, fx))
                first = np.ones(len(order), dtype=bool)
                first[1:] = fx[order][1:] != fx[order][:-1]
                best = order[first]  # one per mover, in mover order
                go = ff[best] >= np.maximum(floor, own_fit + sim.settings.refine_margin)
                new[movers[go]] = fc[best][go]
            if np.array_equal(new, label):
                break
            label = new
        out: dict[int, list[int]] = defaultdict(list)
        for x, lab in enumerate(label.tolist()):
            out[lab].append(x)
        return list(out.values())

    def _attach_strays(self, sim, i, j, scores, threshold, groups):
        """Move each small group into the larger group it is closest to, if close enough.

        A report written from an odd angle (a column, a short follow-up) often links to
        its story only weakly; a group of at most ``StorySettings.stray_size`` reports joins the larger
        group with the best average similarity when that is within ``attach_margin`` of
        the threshold. Smallest groups move first; a group that has received others no
        longer moves. The similarity sums of every small group with its neighbouring
        groups are computed in one vectorised call before the moves; a group that has
        received strays adds their (small) sums when it is compared.
        """
        label = np.empty(len(sim), dtype=np.int64)
        for n, g in enumerate(groups):
            label[g] = n
        sizes = np.array([len(g) for g in groups], dtype=np.int64)
        # Group pairs (small group, neighbouring group) joined by a candidate pair.
        la, lb = label[i], label[j]
        cross = la != lb
        ga = np.concatenate([la[cross], lb[cross]])
        gb = np.concatenate([lb[cross], la[cross]])
        keep = sizes[ga] <= sim.settings.stray_size
        pair = np.unique(np.stack([ga[keep], gb[keep]], axis=1), axis=0)
        near: dict[int, list[int]] = defaultdict(list)
        for a, b in pair.tolist():
            near[a].append(b)  # ascending: the pairs are sorted
        sums = dict(zip(map(tuple, pair.tolist()),
                        _group_pair_sums(sim, groups, pair[:, 0], pair[:, 1]).tolist()))
        received: dict[int, list[int]] = defaultdict(list)
        moved: dict[int, int] = {}
        grown: set[int] = set()
        small = sorted((n for n, g in enumerate(groups) if len(g) <= sim.settings.stray_size),
                       key=lambda n: (len(groups[n]), n))
        for n in small:
            if n in grown:
                continue
            best, best_link = -1, threshold - sim.settings.attach_margin
            targets = [m for m in near[n] if m not in moved and len(groups[m]) > len(groups[n])]
            extra = self._received_sums(sim, groups, n, [m for m in targets if received[m]],
                                        received)
            for m in targets:
                total = sums[n, m] + extra.get(m, 0.0)
                link = total / (len(groups[n]) * len(groups[m]))
                if link >= best_link:
                    best, best_link = m, link
            if best >= 0:
                moved[n] = best
                grown.add(best)
                received[best].append(n)
                groups[best] = sorted(groups[best] + groups[n])
        return [g for n, g in enumerate(groups) if n not in moved]

    @staticmethod
    def _received_sums(sim, groups, n, targets, received):
        """``{m: similarity sum of group n with the strays group m has received}``, one call."""
        if not targets:
            return {}
        rows = np.asarray(groups[n])
        cols = [np.asarray([x for r in received[m] for x in groups[r]]) for m in targets]
        lengths = np.array([len(c) for c in cols])
        flat = np.concatenate(cols)
        scores = sim.pairs(np.repeat(rows, len(flat)), np.tile(flat, len(rows)))
        # Scores are row-major over (row, flat column); fold the rows, then cut per target.
        per_col = scores.reshape(len(rows), len(flat)).sum(axis=0)
        cuts = np.cumsum(lengths) - lengths
        return dict(zip(targets, np.add.reduceat(per_col, cuts).tolist()))


def _expand(sizes_a: np.ndarray, sizes_b: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every cross pair of K group pairs of the given sizes: ``(pair index, row, column)``.

    Row and column are positions inside the two groups, row-major within each pair.
    """
    counts = sizes_a * sizes_b
    k = np.repeat(np.arange(len(counts)), counts)
    local = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
    return k, local // sizes_b[k], local % sizes_b[k]


def _group_pair_sums(sim: Similarity, groups: Sequence[Sequence[int]], a: np.ndarray,
                     b: np.ndarray) -> np.ndarray:
    """Sum of the similarity over all cross pairs of ``groups[a[k]]`` and ``groups[b[k]]``."""
    if not len(a):
        return np.zeros(0)
    flat = np.fromiter((x for g in groups for x in g), dtype=np.int64)
    sizes = np.array([len(g) for g in groups], dtype=np.int64)
    start = np.cumsum(sizes) - sizes
    k, r, c = _expand(sizes[a], sizes[b])
    scores = sim.pairs(flat[start[a][k] + r], flat[start[b][k] + c])
    return np.bincount(k, weights=scores, minlength=len(a))


def _report_story_sums(sim: Similarity, label: np.ndarray, x: np.ndarray,
                       c: np.ndarray) -> np.ndarray:
    """Sum of the similarity of report ``x[k]`` with every other report of story ``c[k]``."""
    order = np.argsort(label, kind="stable")
    sizes = np.bincount(label, minlength=len(label))
    start = np.cumsum(sizes) - sizes
    k, _, col = _expand(np.ones(len(x), dtype=np.int64), sizes[c])
    rows, cols = x[k], order[start[c][k] + col]
    other = rows != cols
    scores = sim.pairs(rows[other], cols[other])
    return np.bincount(k[other], weights=scores, minlength=len(x))


# --------------------------------------------------------------------------- the stage


def group_stories(
    analyses: Sequence[Analysis], settings: StorySettings, *, clusterer: Clusterer
) -> list[tuple[str, ...]]:
    """Group analysed reports into stories (reports of one real-world event).

    Args:
        analyses: One per article; ``vector`` may be None for an empty article (it
            stands alone unless it is a copy).
        settings: Weights, threshold and neighbours.
        clusterer: Groups the candidate graph; the caller chooses it by the name in
            ``settings.clusterer`` with :func:`newscheck.registry.make_clusterer`, so this
            module never needs to know which implementations exist.

    Returns:
        Article ids per story. Stories are ordered by their first article's input
        position and ids inside a story keep input order. Copies are in the story of
        the article they copy.
    """
    ids = [a.article.id for a in analyses]
    position = {aid: n for n, aid in enumerate(ids)}
    copy_root = _copy_roots(analyses, position)
    grouped = [
        n for n, a in enumerate(analyses)
        if a.vector is not None and ids[n] not in copy_root
    ]
    label = {ids[n]: n for n in range(len(ids))}  # every report alone to begin with
    if len(grouped) > 1:
        sim = Similarity.build([analyses[n] for n in grouped], settings)
        i, j = candidate_pairs(sim, settings)
        scores = sim.pairs(i, j) if len(i) else np.zeros(0)
        for group in clusterer.cluster(sim, i, j, scores, settings.threshold):
            first = min(grouped[g] for g in group)
            for g in group:
                label[ids[grouped[g]]] = first
    for copy, root in copy_root.items():
        label[copy] = label[root]
    stories: dict[int, list[str]] = {}
    for aid in ids:
        stories.setdefault(label[aid], []).append(aid)
    order = sorted(stories, key=lambda lab: position[stories[lab][0]])
    return [tuple(stories[lab]) for lab in order]


def _copy_roots(analyses: Sequence[Analysis], position: dict[str, int]) -> dict[str, str]:
    """``{copy id: root original id}`` for copies whose original is among the reports."""
    parent = {
        a.article.id: a.article.copy_of
        for a in analyses
        if a.article.copy_of in position and a.article.copy_of != a.article.id
    }
    roots: dict[str, str] = {}
    for aid, root in parent.items():
        seen = {aid}
        while root in parent and root not in seen:  # a cycle stops at the first repeat
            seen.add(root)
            root = parent[root]
        if root != aid:
            roots[aid] = root
    return roots
