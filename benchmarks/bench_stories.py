"""Story clustering on ECB+ (and NeuS story groups): B-cubed and pairwise scores.

ECB+ holds 43 topics, each with two similar but different real-world events (two
earthquakes, two rehab check-ins): the 86 events (``subtopic``) are the gold stories.
All 982 documents are clustered together, as a user's corpus would be; the per-topic
setting is shown as context. Thresholds are tuned on odd topics only, and the held-out
even topics are reported separately.

Parsing and embedding take a few minutes on two cores; the parsed analyses are cached
under the system temporary folder (never inside the project).

    python -m benchmarks.bench_stories            # full run, writes docs/benchmarks/stories.md
    python -m benchmarks.bench_stories --quick    # a few topics, prints the scores
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import pickle
import re
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from benchmarks.common import main_guard, require, table, write_section
from newscheck.context import Context
from newscheck.model import Analysis, Article
from newscheck.settings import Settings, StorySettings
from newscheck.stories import group_stories

CACHE = Path(tempfile.gettempdir()) / "newscheck-bench-stories"
ECB = ("ecbplus_docs", "ecbplus_documents.jsonl")
NEUS = ("neus_allsides", "probe_splits", "val.source")


# --------------------------------------------------------------------------- scoring


def bcubed(pred: Sequence[Sequence[str]], gold: dict[str, str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of predicted groups against gold labels."""
    label_of = {i: n for n, g in enumerate(pred) for i in g}
    pred_size = {n: len(g) for n, g in enumerate(pred)}
    gold_size: dict[str, int] = defaultdict(int)
    for lab in gold.values():
        gold_size[lab] += 1
    both: dict[tuple[int, str], int] = defaultdict(int)
    for i, lab in gold.items():
        both[(label_of[i], lab)] += 1
    p = r = 0.0
    for i, lab in gold.items():
        shared = both[(label_of[i], lab)]
        p += shared / pred_size[label_of[i]]
        r += shared / gold_size[lab]
    p, r = p / len(gold), r / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def pairwise(pred: Sequence[Sequence[str]], gold: dict[str, str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 (pairs put together vs pairs that belong together)."""
    label_of = {i: n for n, g in enumerate(pred) for i in g}
    both: dict[tuple[int, str], int] = defaultdict(int)
    gold_size: dict[str, int] = defaultdict(int)
    for i, lab in gold.items():
        both[(label_of[i], lab)] += 1
        gold_size[lab] += 1
    pairs = lambda n: n * (n - 1) // 2  # noqa: E731
    tp = sum(pairs(n) for n in both.values())
    pred_pairs = sum(pairs(len(g)) for g in pred)
    gold_pairs = sum(pairs(n) for n in gold_size.values())
    p = tp / pred_pairs if pred_pairs else 1.0
    r = tp / gold_pairs if gold_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --------------------------------------------------------------------------- data


def _analyse(articles: list[Article], ctx: Context) -> list[Analysis]:
    """Sentences, entities and embeddings (no claims or quotes: clustering ignores them)."""
    from newscheck.extract import entities_of, sentences_of

    parsed = []
    for article, doc in zip(articles, ctx.nlp.pipe((a.text for a in articles), batch_size=32)):
        parsed.append((article, sentences_of(article, doc), entities_of(doc)))
    texts = [s.text for _, sents, _ in parsed for s in sents]
    vectors = ctx.embedder.embed(texts)
    out: list[Analysis] = []
    row = 0
    for article, sents, ents in parsed:
        svec = vectors[row : row + len(sents)]
        row += len(sents)
        out.append(Analysis(article=article, sentences=sents, entities=ents, sentence_vectors=svec))
    return out


def with_lead(analyses: Sequence[Analysis], lead: int) -> list[Analysis]:
    """Analyses with ``vector`` = the normalised mean of the first ``lead`` sentence vectors."""
    out = []
    for a in analyses:
        vector = None
        if a.sentence_vectors is not None and len(a.sentence_vectors):
            head = np.asarray(a.sentence_vectors[: max(1, lead)]).mean(axis=0)
            vector = (head / (float(np.linalg.norm(head)) or 1.0)).astype(np.float32)
        out.append(dataclasses.replace(a, vector=vector))
    return out


def _cached(name: str, source: Path, build: Callable[[], list[Analysis]]) -> list[Analysis]:
    stamp = f"{source}:{source.stat().st_mtime_ns}:{Settings().models}"
    path = CACHE / f"{name}-{hashlib.sha1(stamp.encode()).hexdigest()[:12]}.pkl"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    analyses = build()
    CACHE.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(analyses, fh)
    return analyses


def load_ecb() -> tuple[list[Analysis], dict[str, str], dict[str, int]]:
    """ECB+ analyses, gold story (subtopic) and topic of each document id."""
    path = require(*ECB)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    gold = {r["doc_id"]: r["subtopic"] for r in rows}
    topic = {r["doc_id"]: int(r["topic"]) for r in rows}

    def build() -> list[Analysis]:
        articles = []
        for r in rows:
            title, body = r["title"].strip(), r["text"].strip()
            text = f"{title}\n\n{body}" if body else title
            articles.append(
                Article(id=r["doc_id"], input=f"{path.name}#{r['doc_id']}", text=text, title=title,
                        body_start=len(title) + 2 if body else 0, words=len(body.split()))
            )
        return _analyse(articles, Context())

    return _cached("ecbplus", path, build), gold, topic


_PART = re.compile(r"TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", re.S)


def load_neus() -> tuple[list[Analysis], dict[str, str]]:
    """NeuS val snippets (one per outlet) and the story line each belongs to."""
    path = require(*NEUS)
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        for k, part in enumerate(line.split("[SEP]")):
            m = _PART.search(part)
            if not m:
                continue
            title, body = m.group(1).strip(), m.group(2).strip()
            aid = f"n{n}.{k}"
            articles.append(
                Article(id=aid, input=f"{path.name}#{n}", text=f"{title}\n\n{body}", title=title,
                        body_start=len(title) + 2, words=len(body.split()))
            )
            gold[aid] = f"s{n}"
    return _cached("neus-val", path, lambda: _analyse(articles, Context())), gold


if __name__ == "__main__" and False:  # placeholder replaced below
    pass
