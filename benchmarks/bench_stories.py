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
from newscheck.registry import make_clusterer
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
    pairs = lambda n: n * (n - 1) // 2
    tp = sum(pairs(n) for n in both.values())
    pred_pairs = sum(pairs(len(g)) for g in pred)
    gold_pairs = sum(pairs(n) for n in gold_size.values())
    p = tp / pred_pairs if pred_pairs else 1.0
    r = tp / gold_pairs if gold_pairs else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


# --------------------------------------------------------------------------- data


def _analyse(articles: list[Article], ctx: Context) -> list[Analysis]:
    """Sentences, entities and embeddings (no claims or quotes: clustering ignores them)."""
    from newscheck.extract.stage import entities_of, sentences_of

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
    # The cache is keyed on the data, the model settings and the code that makes the
    # analyses, so a change to sentence splitting or embedding is never measured stale.
    import newscheck

    code = "".join(
        (Path(newscheck.__file__).parent / f).read_text(encoding="utf-8")
        for f in ("extract/stage.py", "extract/nlp.py", "engines/embed.py", "ingest/clean.py")
    )
    stamp = f"{source}:{source.stat().st_mtime_ns}:{Settings().models}:{code}"
    path = CACHE / f"{name}-{hashlib.sha1(stamp.encode()).hexdigest()[:12]}.pkl"
    if path.exists():
        with path.open("rb") as fh:
            return pickle.load(fh)
    analyses = build()
    CACHE.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as fh:
        pickle.dump(analyses, fh)
    return analyses


def load_ecb(
    topics: int | Sequence[int] | None = None,
) -> tuple[list[Analysis], dict[str, str], dict[str, int]]:
    """ECB+ analyses, gold story (subtopic) and topic of each document id.

    Args:
        topics: Only the first ``topics`` topics (by number), only the topics listed, or
            all of them.
    """
    path = require(*ECB)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if isinstance(topics, int):
        keep = set(sorted({int(r["topic"]) for r in rows})[:topics])
        rows = [r for r in rows if int(r["topic"]) in keep]
    elif topics is not None:
        keep = set(topics)
        rows = [r for r in rows if int(r["topic"]) in keep]
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

    if topics is None:
        name = "ecbplus"
    elif isinstance(topics, int):
        name = f"ecbplus-{topics}topics"
    else:
        name = "ecbplus-topics-" + "-".join(str(t) for t in sorted(topics))
    return _cached(name, path, build), gold, topic


_PART = re.compile(r"TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", re.DOTALL)


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


# --------------------------------------------------------------------------- runs


def _subset(analyses: Sequence[Analysis], keep: Callable[[str], bool]) -> list[Analysis]:
    return [a for a in analyses if keep(a.article.id)]


def score(analyses: Sequence[Analysis], gold: dict[str, str], settings: StorySettings,
          within: dict[str, int] | None = None) -> dict[str, float]:
    """Cluster ``analyses`` (all together, or within each ``within`` group) and score."""
    start = time.perf_counter()
    clusterer = make_clusterer(settings)
    if within is None:
        pred = group_stories(analyses, settings, clusterer=clusterer)
    else:
        blocks: dict[int, list[Analysis]] = defaultdict(list)
        for a in analyses:
            blocks[within[a.article.id]].append(a)
        pred = [g for block in blocks.values() for g in group_stories(block, settings, clusterer=clusterer)]
    seconds = time.perf_counter() - start
    sub = {a.article.id: gold[a.article.id] for a in analyses}
    b3, pw = bcubed(pred, sub), pairwise(pred, sub)
    return {
        "b3_p": b3[0], "b3_r": b3[1], "b3_f1": b3[2], "pw_p": pw[0], "pw_r": pw[1],
        "pw_f1": pw[2], "clusters": len(pred), "gold": len(set(sub.values())),
        "docs": len(analyses), "seconds": seconds,
    }


def evaluate(
    limit_topics: int | Sequence[int] | None = None, settings: StorySettings | None = None
) -> dict:
    """Scores of the story settings on ECB+ (all chosen documents clustered together).

    Args:
        limit_topics: Use only the first ``limit_topics`` topics, or the topics listed (a
            quick gate), or all.
        settings: Story settings to score (the packaged defaults when omitted).

    Returns:
        B-cubed and pairwise precision, recall and F1, cluster and gold counts, seconds.
    """
    settings = settings or Settings().stories
    analyses, gold, _ = load_ecb(limit_topics)
    return score(with_lead(analyses, settings.lead_sentences), gold, settings)


def tune(analyses: Sequence[Analysis], gold: dict[str, str], base: StorySettings,
         grid: dict[str, Sequence[float]]) -> tuple[StorySettings, float]:
    """The grid point with the best B-cubed F1 on ``analyses`` (the tuning topics)."""
    best, best_f1 = base, -1.0
    points = [{}]
    for key, values in grid.items():
        points = [dict(p, **{key: v}) for p in points for v in values]
    for point in points:
        candidate = dataclasses.replace(base, **point)
        f1 = score(analyses, gold, candidate)["b3_f1"]
        if f1 > best_f1 + 1e-9:
            best, best_f1 = candidate, f1
    return best, best_f1


def _bertopic(analyses: Sequence[Analysis], gold: dict[str, str]) -> str | dict[str, float]:
    """BERTopic with the same embeddings and its default settings, or why it cannot run."""
    try:
        from bertopic import BERTopic
    except Exception as exc:  # noqa: BLE001 - any import failure is reported in the table
        return f"BERTopic is not usable here: {type(exc).__name__}: {exc}"
    docs = [a.article.text for a in analyses]
    vectors = np.vstack([a.vector for a in analyses])
    try:
        from sklearn.feature_extraction.text import CountVectorizer

        model = BERTopic(vectorizer_model=CountVectorizer(stop_words="english"))
        topics, _ = model.fit_transform(docs, embeddings=vectors)
    except Exception as exc:  # noqa: BLE001
        return f"BERTopic failed: {type(exc).__name__}: {exc}"
    groups: dict[int, list[str]] = defaultdict(list)
    for a, t in zip(analyses, topics):
        groups[int(t)].append(a.article.id)
    # BERTopic's outliers (topic -1) each stand alone, as the product would show them.
    pred = [g for t, g in groups.items() if t >= 0] + [[i] for i in groups.get(-1, [])]
    b3, pw = bcubed(pred, gold), pairwise(pred, gold)
    return {"b3_p": b3[0], "b3_r": b3[1], "b3_f1": b3[2], "pw_p": pw[0], "pw_r": pw[1],
            "pw_f1": pw[2], "clusters": len(pred)}


def _row(name: str, r: dict[str, float]) -> list[object]:
    return [name, r["b3_p"], r["b3_r"], r["b3_f1"], r["pw_p"], r["pw_r"], r["pw_f1"],
            f"{r['clusters']}/{r.get('gold', 86)}"]


HEADER = ["setting", "B3 P", "B3 R", "B3 F1", "pair P", "pair R", "pair F1", "clusters/gold"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="five topics, no write-up")
    args = parser.parse_args()
    if args.quick:
        print(json.dumps(evaluate(5), indent=1))
        return

    default = Settings().stories
    raw, gold, topic = load_ecb()
    analyses = with_lead(raw, default.lead_sentences)
    odd = _subset(analyses, lambda i: topic[i] % 2 == 1)
    even = _subset(analyses, lambda i: topic[i] % 2 == 0)

    tuned, tuned_f1 = tune(odd, gold, default, {
        "threshold": [0.25, 0.3, 0.35],
        "conflict_weight": [0.0, 0.3],
        "attach_margin": [0.1, 0.15, 0.2],
    })
    emb_only = dataclasses.replace(default, entity_weight=0.0, date_weight=0.0,
                                   word_weight=0.0, conflict_weight=0.0)
    emb_only, _ = tune(odd, gold, emb_only, {"threshold": [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]})

    rows = [
        _row("defaults, all 982 together", score(analyses, gold, default)),
        _row("defaults, odd topics (tuning)", score(odd, gold, default)),
        _row("defaults, even topics (held out)", score(even, gold, default)),
        _row("defaults, within each topic", score(analyses, gold, default, within=topic)),
        _row("grid best on odd, all together", score(analyses, gold, tuned)),
        _row("grid best on odd, even (held out)", score(even, gold, tuned)),
        *(
            _row(f"attach margin {m} (default {default.attach_margin}), all", score(
                analyses, gold, dataclasses.replace(default, attach_margin=m)))
            for m in (0.0, 0.05, 0.15)
        ),
        *(
            _row(f"cohesion ratio {r} (default {default.cohesion_ratio}), {where}", score(
                analyses, gold, dataclasses.replace(default, cohesion_ratio=r), within=within))
            for r in (0.0, 0.8)
            for where, within in (("all", None), ("within each topic", topic))
        ),
        _row("`components` clusterer, all", score(
            analyses, gold, dataclasses.replace(default, clusterer="components"))),
        _row(f"embedding only (threshold {emb_only.threshold} tuned on odd), all",
             score(analyses, gold, emb_only)),
    ]
    peer = _bertopic(analyses, gold)
    notes = []
    if isinstance(peer, dict):
        rows.append(_row("BERTopic defaults, same embeddings, all", peer))
    else:
        notes.append(f"BERTopic peer: {peer}")
    full = score(analyses, gold, default)

    neus_rows = []
    try:
        neus_raw, neus_gold = load_neus()
        neus = with_lead(neus_raw, default.lead_sentences)
        variants = [("defaults", {})]
        variants += [(f"attach margin {m}", {"attach_margin": m}) for m in (0.0, 0.05, 0.15)]
        variants += [("cohesion ratio 0.0", {"cohesion_ratio": 0.0})]
        for name, change in variants:
            neus_rows.append(_row(f"{name}, NeuS val snippets", score(
                neus, neus_gold, dataclasses.replace(default, **change))))
            neus_rows[-1][-1] = f"{neus_rows[-1][-1].split('/')[0]}/{len(set(neus_gold.values()))}"
    except Exception as exc:  # noqa: BLE001 - the second data set is optional
        notes.append(f"NeuS: {type(exc).__name__}: {exc}")

    changed = {
        f.name: getattr(tuned, f.name)
        for f in dataclasses.fields(tuned)
        if getattr(tuned, f.name) != getattr(default, f.name)
    }
    body = f"""
ECB+ (982 documents, 43 topics, 86 gold events; each topic holds two similar but different
events). All documents are clustered together, as one corpus; "within each topic" clusters
each topic alone (the easier setting most ECB+ papers report), so idf comes from ~20
documents: closer to a user's run of a handful of reports. The weights and thresholds were
chosen on the odd topics; even topics are held out. The conflict penalty stays on by
default (it keeps apart two same-week earthquakes written alike in a small input, see
tests/test_stories.py), at a small cost here. Grid on odd topics (threshold x conflict
weight x attach margin): best B3 F1 {tuned_f1:.3f} with {changed or 'the defaults'}.
The cohesion ratio (two formed groups merge only while their cross similarity stays within
that share of the similarity inside them) trades a little recall on small runs for
precision on runs holding several events of one topic: on NewsWCL50 with publication dates
it makes its ten events ten stories (eight without it; see the NewsWCL50 section).

{table(HEADER, rows)}

Clustering 982 documents with the defaults took {full['seconds']:.1f} s (features, candidate
pairs, average linkage; parsing and embedding not included).

NeuS (AllSides roundups, val split): every outlet's lead snippet (title + lead) clustered
together; gold = the roundup each snippet belongs to. Many roundups cover the same issue
on different days, with no dates to tell them apart, so precision is the hard part. The
attach margin (small groups joining a larger story a little below the threshold) trades
ECB+ recall against NeuS precision; the default sits between.

{table(HEADER, neus_rows) if neus_rows else 'not run'}

{chr(10).join('- ' + n for n in notes)}
"""
    write_section("stories", "Story clustering: ECB+", "python -m benchmarks.bench_stories", body)


if __name__ == "__main__":
    main_guard(main)
