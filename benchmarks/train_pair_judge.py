"""Train the pair judge (``src/newscheck/engines/pair_judge.json``) on the MRPC train split.

``python -m benchmarks.train_pair_judge`` reads ``../shared/data/mrpc/msr_paraphrase_train.txt``,
embeds both sentences of every pair with the configured embedder (MiniLM), computes the
judge's features (:func:`newscheck.engines.pairs.pair_features`), standardises them, and fits a
logistic regression by Newton's method (IRLS) with a small L2 penalty on the weights (not
the bias). The decision threshold is the one with the best 10-fold cross-validated accuracy
on train (fixed, seeded folds); the test split is never read here. The output is
deterministic: values are rounded to 6 decimals and written with sorted keys, so a rerun
gives the same file byte for byte.

Sentence vectors are cached under the system temp folder, keyed by a hash of the texts and
the model settings (``--no-cache`` recomputes them).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newscheck.engines.pairs import FEATURES, pair_features
from newscheck.registry import make_embedder
from newscheck.settings import Settings

from .common import ROOT, main_guard, require

OUT = ROOT / "src" / "newscheck" / "engines" / "pair_judge.json"
L2 = 1.0
"""Ridge penalty on the standardised weights (the bias is free)."""
FOLDS = 10
SEED = 0
THRESHOLDS = np.round(np.arange(0.30, 0.7001, 0.01), 2)


def load_mrpc(split: str) -> tuple[list[tuple[str, str]], np.ndarray]:
    """Pairs and 0/1 labels of an MRPC split ('train' or 'test')."""
    path = require("mrpc", f"msr_paraphrase_{split}.txt")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    if rows[0][0] != "Quality":
        raise ValueError(f"{path}: unexpected header {rows[0]!r}")
    body = [r for r in rows[1:] if len(r) == 5]
    return [(r[3], r[4]) for r in body], np.array([int(r[0]) for r in body], dtype=np.int64)


def cosines(pairs: Sequence[tuple[str, str]], *, cache: bool = True) -> np.ndarray:
    """Embedding cosine of each pair (vectors are L2-normalised), cached under /tmp."""
    models = Settings().models
    key = hashlib.sha256(
        repr((models.embedder, models.max_tokens)).encode()
        + b"\0".join(f"{a}\t{b}".encode() for a, b in pairs)
    ).hexdigest()[:20]
    path = Path(tempfile.gettempdir()) / f"newscheck-pair-cosines-{key}.npy"
    if cache and path.exists():
        return np.load(path)
    embedder = make_embedder(models)
    va = embedder.embed([a for a, _ in pairs])
    vb = embedder.embed([b for _, b in pairs])
    cos = np.einsum("ij,ij->i", va.astype(np.float64), vb.astype(np.float64))
    if cache:
        np.save(path, cos)
    return cos


def feature_matrix(pairs: Sequence[tuple[str, str]], cos: np.ndarray) -> np.ndarray:
    rows = [pair_features(a, b, c) for (a, b), c in zip(pairs, cos, strict=True)]
    return np.array([[r[n] for n in FEATURES] for r in rows], dtype=np.float64)


def fit_logistic(x: np.ndarray, y: np.ndarray, l2: float = L2, iters: int = 50) -> np.ndarray:
    """Weights (bias last) of an L2-penalised logistic regression, by Newton's method."""
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    penalty = np.full(xb.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + penalty * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(penalty)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-10:
            break
    return w


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    return mean, scale


def predict(x: np.ndarray, mean: np.ndarray, scale: np.ndarray, w: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(((x - mean) / scale) @ w[:-1] + w[-1])))


def cross_validated(x: np.ndarray, y: np.ndarray, l2: float = L2) -> np.ndarray:
    """Out-of-fold probabilities over fixed seeded folds (standardised inside each fold)."""
    folds = np.random.default_rng(SEED).permutation(len(y)) % FOLDS
    out = np.zeros(len(y))
    for k in range(FOLDS):
        tr, te = folds != k, folds == k
        mean, scale = standardise(x[tr])
        w = fit_logistic((x[tr] - mean) / scale, y[tr], l2)
        out[te] = predict(x[te], mean, scale, w)
    return out


def best_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Threshold of best accuracy (ties go to the one nearest 0.5) and that accuracy."""
    scored = [(float(((p >= t) == y).mean()), -abs(float(t) - 0.5), float(t)) for t in THRESHOLDS]
    acc, _, t = max(scored)
    return t, acc


def train(pairs: Sequence[tuple[str, str]], y: np.ndarray, cos: np.ndarray) -> dict:
    x = feature_matrix(pairs, cos)
    threshold, cv_acc = best_threshold(cross_validated(x, y), y)
    mean, scale = standardise(x)
    w = fit_logistic((x - mean) / scale, y)

    def r(v) -> list[float]:
        return [round(float(t), 6) for t in v]

    return {
        "version": 1,
        "trained_on": "MRPC train split (4,076 pairs), benchmarks/train_pair_judge.py",
        "features": list(FEATURES),
        "mean": r(mean),
        "scale": r(scale),
        "weights": r(w[:-1]),
        "bias": round(float(w[-1]), 6),
        "l2": L2,
        "threshold": threshold,
        "cv_accuracy": round(cv_acc, 4),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-cache", action="store_true", help="recompute sentence vectors")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    pairs, y = load_mrpc("train")
    cos = cosines(pairs, cache=not args.no_cache)
    model = train(pairs, y, cos)
    args.out.write_text(json.dumps(model, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(pairs)} pairs, 10-fold CV accuracy {model['cv_accuracy']:.3f} "
          f"at threshold {model['threshold']:.2f}")
    for name, w in zip(model["features"], model["weights"], strict=True):
        print(f"  {name:20s} {w:+.3f}")


if __name__ == "__main__":
    main_guard(main)
