"""Train the same-event judge (``src/newscheck/engines/judges/event_judge.npz``) on ECB+.

``python -m benchmarks.train_event_judge`` runs in the project venv (``.venv``: numpy,
spaCy and the MiniLM ONNX model; no torch). It reads
``../shared/data/ecbplus_events/ecbplus_event_mentions.jsonl`` (ECB+ event mentions, CC BY
3.0, with the Cybulska & Vossen train/dev/test topic split), and:

1. lemmatises every trigger with spaCy (the configured pipeline) and builds the judge's
   mentions with the configured embedder (:func:`newscheck.engines.judges.event.build_mentions`);
2. forms the cross-document pairs of every topic (positive: same coreference chain);
3. trains on all positive train pairs and a seeded sample of negatives (``NEG_RATIO`` per
   positive, half from the same subtopic, half from the sibling subtopic), fitting a
   logistic regression by Newton's method (IRLS) with an L2 penalty on the standardised
   weights (the bias is free);
4. picks the decision threshold with the best F1 on dev (stored as ``threshold``), prints
   the pair AUC on the dev topics (all cross-document pairs; and against the
   same-subtopic negatives only) with the baselines, then the same on the test topics,
   and writes the weights.

Features and the penalty were chosen on dev only; the test figures are printed once, for
the record. Everything is seeded (seed 0); a rerun gives the same weights (rounded to 6
decimals; the zip's timestamps differ). The mentions are
cached under the system temp folder (``--no-cache`` recomputes them). When the data is
absent the script prints why and exits 0.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import numpy as np

from newscheck.engines.judges.event import (
    SCALARS,
    EventJudge,
    EventMention,
    build_mentions,
    pair_features,
)

from .common import ROOT, main_guard, require

OUT = ROOT / "src" / "newscheck" / "engines" / "judges" / "event_judge.npz"
SEED = 0
NEG_RATIO = 3
"""Negatives sampled per positive train pair."""
L2 = 1.0
"""Ridge penalty on the standardised weights."""


def load_records() -> list[dict]:
    """The ECB+ event mentions (raises :class:`Skip` when the data is absent)."""
    path = require("ecbplus_events", "ecbplus_event_mentions.jsonl")
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def trigger_lemma(doc, rec: dict) -> str:
    """spaCy lemmas of the trigger's tokens (each annotated token of a discontinuous one)."""
    spans = rec.get("token_spans") or [(rec["start"], rec["end"])]
    lemmas = [t.lemma_.lower() for a, b in spans for t in doc
              if t.idx < b and t.idx + len(t.text) > a]
    return " ".join(lemmas) or rec["mention"].lower()


def mentions_of(records: list[dict], *, cache: bool = True, nlp=None,
                embedder=None) -> list[EventMention]:
    """The judge's mentions of ``records`` (spaCy lemmas; embedder from the settings).

    ``nlp`` and ``embedder`` default to the configured models; with ``cache`` the result
    is kept under the system temp folder, keyed by the records, the models and the judge's
    code.
    """
    from newscheck.extract.nlp import load_spacy
    from newscheck.registry import make_embedder
    from newscheck.settings import Settings

    models = Settings().models
    src = (ROOT / "src/newscheck/engines/judges/event.py").read_bytes()
    src += (ROOT / "src/newscheck/engines/minilm_int8.onnx").read_bytes()  # the embedder's model
    key = hashlib.sha256(repr((models.embedder, models.spacy, models.max_tokens)).encode()
                         + src + json.dumps(records).encode()).hexdigest()[:20]
    path = Path(tempfile.gettempdir()) / f"newscheck-event-mentions-{key}.pkl"
    if cache and path.exists():
        return pickle.loads(path.read_bytes())
    nlp = nlp or load_spacy(models.spacy)
    sentences = list(dict.fromkeys(r["sentence"] for r in records))
    docs = dict(zip(sentences, nlp.pipe(sentences, batch_size=64), strict=True))
    items = [(r["sentence"], r["start"], r["end"], trigger_lemma(docs[r["sentence"]], r))
             for r in records]
    out = build_mentions(items, embedder or make_embedder(models))
    if cache:
        path.write_bytes(pickle.dumps(out))
    return out


def pairs_of(records: list[dict], split: str):
    """Cross-document pairs of a split's topics: (i, j, label, same_subtopic) arrays."""
    by_topic = defaultdict(list)
    for k, r in enumerate(records):
        if r["split"] == split:
            by_topic[r["topic"]].append(k)
    rows = []
    for ks in by_topic.values():
        for x, i in enumerate(ks):
            for j in ks[x + 1 :]:
                if records[i]["doc"] != records[j]["doc"]:
                    rows.append((i, j, records[i]["chain"] == records[j]["chain"],
                                 records[i]["subtopic"] == records[j]["subtopic"]))
    a = np.array(rows, dtype=np.int64)
    return a[:, 0], a[:, 1], a[:, 2].astype(bool), a[:, 3].astype(bool)


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """Area under the ROC curve (ties count a half)."""
    order = np.argsort(scores, kind="mergesort")
    s = scores[order]
    ranks = np.empty(len(s), dtype=np.float64)
    # average ranks over ties
    _, first, counts = np.unique(s, return_index=True, return_counts=True)
    avg = first + (counts - 1) / 2.0 + 1
    ranks[order] = np.repeat(avg, counts)
    pos = labels.astype(bool)
    n1, n0 = pos.sum(), (~pos).sum()
    return float((ranks[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def features(mentions: list[EventMention], i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """The judge's features of the index pairs ``(i[k], j[k])`` into ``mentions``."""
    return np.array([pair_features(mentions[a], mentions[b]) for a, b in zip(i, j, strict=True)],
                    dtype=np.float64)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float, iters: int = 25):
    """Standardise, then Newton/IRLS with ridge ``l2`` (bias free): (mean, scale, w, b)."""
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    z = np.hstack([(x - mean) / scale, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    pen = np.full(z.shape[1], l2)
    pen[-1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(z @ w)))
        grad = z.T @ (p - y) + pen * w
        hess = (z * (p * (1 - p))[:, None]).T @ z + np.diag(pen)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return mean, scale, w[:-1], w[-1]


def sample_train(i, j, y, same, rng, ratio=NEG_RATIO):
    pos = np.flatnonzero(y)
    n = ratio * len(pos)
    neg_same = np.flatnonzero(~y & same)
    neg_sib = np.flatnonzero(~y & ~same)
    pick = [pos, rng.choice(neg_same, min(n // 2, len(neg_same)), replace=False),
            rng.choice(neg_sib, min(n - n // 2, len(neg_sib)), replace=False)]
    k = np.sort(np.concatenate(pick))
    return i[k], j[k], y[k]


def to_npz(mean, scale, w, b, threshold: float) -> dict:
    """The runtime arrays (float32 except the bias and threshold, rounded to 6 decimals)."""
    return {
        "mean": np.round(mean, 6).astype(np.float32),
        "scale": np.round(scale, 6).astype(np.float32),
        "w": np.round(w, 6).astype(np.float32), "b": np.float64(round(float(b), 6)),
        "threshold": np.float64(threshold), "features": np.array(SCALARS),
    }


def best_f1(p: np.ndarray, y: np.ndarray):
    rows = []
    for t in np.round(np.arange(0.05, 0.991, 0.01), 2):
        pred = p >= t
        tp = (pred & y).sum()
        prec = tp / max(pred.sum(), 1)
        rec = tp / max(y.sum(), 1)
        f1 = 2 * prec * rec / max(prec + rec, 1e-9)
        rows.append((float(t), float(prec), float(rec), float(f1)))
    return rows


def report(name, p, base_cos, base_lemma, y, same):
    keep = y | same
    print(f"{name}: {y.sum()} positive, {(~y).sum()} negative pairs "
          f"({(~y & same).sum()} same-subtopic)")
    for label, s in (("MiniLM sentence cosine", base_cos),
                     ("lemma + cosine/2", base_lemma), ("event judge", p)):
        print(f"  {label:24s} AUC all {auc(s, y):.4f}   same-subtopic {auc(s[keep], y[keep]):.4f}")
    return auc(p, y), auc(p[keep], y[keep])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-cache", action="store_true")
    args = ap.parse_args(argv)
    records = load_records()
    t0 = time.perf_counter()
    mentions = mentions_of(records, cache=not args.no_cache)
    print(f"{len(mentions)} mentions ready in {time.perf_counter() - t0:.1f} s")
    rng = np.random.default_rng(SEED)
    i, j, y = sample_train(*pairs_of(records, "train"), rng)
    mean, scale, w, b = fit_logistic(features(mentions, i, j), y.astype(np.float64), L2)
    print(f"trained on {y.sum()} positive, {(~y).sum()} negative train pairs; "
          f"{len(SCALARS)} features")
    judge = EventJudge()
    judge._w = to_npz(mean, scale, w, b, 0.5)
    for name, coef in zip(SCALARS, judge._w["w"], strict=True):
        print(f"  {name:22s} {coef:+.3f}")
    for split in ("dev", "test"):
        si, sj, sy, ss = pairs_of(records, split)
        x = features(mentions, si, sj)
        p = 1 / (1 + np.exp(-judge.logits(x)))
        cos = x[:, SCALARS.index("cos_sentence")]
        lem = x[:, SCALARS.index("lemma_eq")] + cos / 2
        report(split, p, cos, lem, sy, ss)
        if split == "dev":
            rows = best_f1(p, sy)
            t, prec, rec, f1 = max(rows, key=lambda r: r[3])
            judge._w["threshold"] = np.float64(t)
            print("  threshold precision recall F1 (dev):")
            for r in rows[::5]:
                print("   " + "  ".join(f"{v:.2f}" for v in r))
            print(f"  best F1 on dev: {f1:.3f} at {t:.2f} (precision {prec:.3f}, recall {rec:.3f})")
    np.savez_compressed(OUT, **judge._w)
    print(f"wrote {OUT.relative_to(ROOT)} ({OUT.stat().st_size} bytes)")


if __name__ == "__main__":
    main_guard(main)
