"""Pair judge on MRPC: do two news sentences state the same fact?

``python -m benchmarks.bench_pairs`` scores the MRPC test split (1,725 pairs) with
(a) MiniLM cosine alone, its threshold the best-accuracy one on the train split,
(b) the pair judge (``newscheck.engines.pairs``) with its packaged weights, trained on the train
split only (``benchmarks/train_pair_judge.py``), at ``PairSettings.threshold``, and
(c) an experiment: the judge's features plus BERTScore-style token matching from MiniLM's
token states (:meth:`newscheck.engines.embed.MiniLMOnnx.embed_tokens`), the token features chosen
by greedy forward selection on 10-fold cross-validated accuracy on train and the threshold
chosen on train. (c) is not shipped: it measured no better than (b) (see the notes the
section prints), so the product judge needs no token vectors.
"""

from __future__ import annotations

import hashlib
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from newscheck.engines.pairs import PairJudge
from newscheck.registry import make_embedder
from newscheck.settings import Settings

from .common import main_guard, table, write_section
from .train_pair_judge import (
    best_threshold,
    cosines,
    cross_validated,
    feature_matrix,
    fit_logistic,
    load_mrpc,
    predict,
    standardise,
)

TOKEN_CUTS = (0.6, 0.7, 0.8, 0.9)
"""Cosines at which a token counts as matched, for the ``share_*`` token features."""


def scores(pred: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float]:
    """Accuracy, precision, recall and F1 of the positive class ('same fact')."""
    tp = int(np.sum(pred & (y == 1)))
    precision = tp / max(int(pred.sum()), 1)
    recall = tp / max(int((y == 1).sum()), 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return float((pred == y).mean()), precision, recall, f1


def cosine_threshold(cos: np.ndarray, y: np.ndarray) -> float:
    """The cosine cut with the best accuracy on the given (train) pairs."""
    cuts = np.round(np.arange(0.40, 0.95, 0.005), 3)
    accs = [float(((cos >= c) == y).mean()) for c in cuts]
    return float(cuts[int(np.argmax(accs))])


def token_features(ta: np.ndarray, tb: np.ndarray) -> dict[str, float]:
    """BERTScore-style greedy matching of two sentences' L2-normalised token vectors.

    Each token is matched to its most similar token on the other side (max cosine);
    recall is the mean over ``ta``'s tokens, precision over ``tb``'s. All features are
    symmetric in the two sides:

    * ``token_f1``: harmonic mean of precision and recall (BERTScore F1).
    * ``token_min``: the lower of precision and recall (the side with unmatched content).
    * ``token_worst``: the lowest best-match of any token (the most unmatched token).
    * ``share_min_<c>`` / ``share_mean_<c>``: the lower / mean over the two sides of the
      share of tokens whose best match reaches cosine ``c``.
    """
    if len(ta) == 0 or len(tb) == 0:
        empty = float(len(ta) == len(tb))
        names = ["token_f1", "token_min", "token_worst"] + [
            f"share_{k}_{c}" for c in TOKEN_CUTS for k in ("min", "mean")]
        return dict.fromkeys(names, empty)
    sim = ta.astype(np.float32) @ tb.astype(np.float32).T
    best_a, best_b = sim.max(axis=1), sim.max(axis=0)
    recall, precision = float(best_a.mean()), float(best_b.mean())
    out = {
        "token_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "token_min": min(precision, recall),
        "token_worst": float(min(best_a.min(), best_b.min())),
    }
    for c in TOKEN_CUTS:
        sa, sb = float((best_a >= c).mean()), float((best_b >= c).mean())
        out[f"share_min_{c}"] = min(sa, sb)
        out[f"share_mean_{c}"] = (sa + sb) / 2
    return out


def token_matrix(pairs: Sequence[tuple[str, str]], *, cache: bool = True
                 ) -> tuple[list[str], np.ndarray]:
    """Token-matching features of each pair (names, rows), cached under /tmp."""
    models = Settings().models
    key = hashlib.sha256(
        repr((models.embedder, models.max_tokens, TOKEN_CUTS)).encode()
        + b"\0".join(f"{a}\t{b}".encode() for a, b in pairs)
    ).hexdigest()[:20]
    path = Path(tempfile.gettempdir()) / f"newscheck-pair-tokens-{key}.npz"
    if cache and path.exists():
        saved = np.load(path)
        return [str(n) for n in saved["names"]], saved["x"]
    embedder = make_embedder(models)
    texts = list(dict.fromkeys(t for pair in pairs for t in pair))
    vectors = dict(zip(texts, embedder.embed_tokens(texts), strict=True))
    rows = [token_features(vectors[a], vectors[b]) for a, b in pairs]
    names = list(rows[0])
    x = np.array([[r[n] for n in names] for r in rows], dtype=np.float64)
    if cache:
        np.savez(path, names=np.array(names), x=x)
    return names, x


def select_forward(x: np.ndarray, y: np.ndarray, base: int, most: int = 3) -> list[int]:
    """Columns after the first ``base`` added greedily while CV accuracy on train rises."""
    chosen = list(range(base))
    best = best_threshold(cross_validated(x[:, chosen], y), y)[1]
    for _ in range(most):
        tried = [(best_threshold(cross_validated(x[:, chosen + [j]], y), y)[1], -j)
                 for j in range(base, x.shape[1]) if j not in chosen]
        if not tried:
            break
        acc, neg_j = max(tried)
        if acc <= best:
            break
        chosen.append(-neg_j)
        best = acc
    return chosen


def main() -> None:
    train_pairs, y_train = load_mrpc("train")
    test_pairs, y_test = load_mrpc("test")
    cos_train = cosines(train_pairs)
    cut = cosine_threshold(cos_train, y_train)
    cos_test = cosines(test_pairs)
    settings = Settings().pairs
    judge = PairJudge(settings)
    start = time.perf_counter()
    prob = judge.probabilities(test_pairs, cos_test)
    per_pair_ms = 1000 * (time.perf_counter() - start) / len(test_pairs)

    # (c) the token-matching experiment, trained and selected on train only
    token_names, tok_train = token_matrix(train_pairs)
    _, tok_test = token_matrix(test_pairs)
    surface_train, surface_test = feature_matrix(train_pairs, cos_train), feature_matrix(
        test_pairs, cos_test)
    x_train = np.hstack([surface_train, tok_train])
    x_test = np.hstack([surface_test, tok_test])
    base = surface_train.shape[1]
    chosen = select_forward(x_train, y_train, base)
    tok_threshold, tok_cv = best_threshold(cross_validated(x_train[:, chosen], y_train), y_train)
    mean, scale = standardise(x_train[:, chosen])
    w = fit_logistic((x_train[:, chosen] - mean) / scale, y_train)
    tok_prob = predict(x_test[:, chosen], mean, scale, w)
    added = [token_names[j - base] for j in chosen[base:]] or ["none"]

    rows = [
        [f"MiniLM cosine >= {cut:.3f} (cut chosen on train)",
         *scores(cos_test >= cut, y_test)],
        [f"pair judge (shipped), p >= {settings.threshold:.2f}",
         *scores(prob >= settings.threshold, y_test)],
        [f"judge + token matching ({', '.join(added)}), p >= {tok_threshold:.2f}",
         *scores(tok_prob >= tok_threshold, y_test)],
    ]
    alone = []
    for j, name in enumerate(token_names):
        cols = [0, base + j]  # cosine and the one token feature
        _, acc = best_threshold(cross_validated(x_train[:, cols], y_train), y_train)
        alone.append(f"{name} {acc:.3f}")
    shipped, tried = scores(prob >= settings.threshold, y_test), scores(
        tok_prob >= tok_threshold, y_test)
    majority = float((y_test == 1).mean())
    body = (
        table(["method", "accuracy", "precision", "recall", "F1"], rows)
        + f"\n\nMRPC test split, {len(test_pairs)} pairs (majority class: accuracy "
        f"{majority:.3f}); 'positive' = the two sentences state the same fact. The judge was "
        f"trained on the train split only (10-fold CV accuracy on train "
        f"{judge.model['cv_accuracy']:.3f}); features take {per_pair_ms:.2f} ms a pair "
        "(embedding not included). Published references: feature-based systems about 0.77-0.80 "
        "accuracy, fine-tuned BERT-base 0.84-0.88. MRPC counts a pair as equivalent even when "
        "a number differs slightly: for newscheck that is one fact with contested values, so "
        "this measures alignment, not agreement.\n\n"
        "Token matching (BERTScore-style: each word piece's best cosine on the other side, "
        "from MiniLM's last-layer token states) was tried and is not shipped. Forward "
        f"selection on train CV added {', '.join(added)} (CV accuracy {tok_cv:.3f} against "
        f"{judge.model['cv_accuracy']:.3f}), a gain within the noise of choosing among "
        f"{len(token_names)} candidates; on test it moves accuracy by "
        f"{tried[0] - shipped[0]:+.3f} ({round((tried[0] - shipped[0]) * len(y_test)):+d} "
        f"of {len(y_test)} pairs) and F1 by {tried[3] - shipped[3]:+.3f}, short of the 0.80 "
        "sought. Next to cosine alone, each token feature's "
        f"train CV accuracy: {'; '.join(alone)}; the surface features already carry what "
        "token matching sees. IDF-weighted matching, one-to-one (Hungarian) matching, "
        "content-piece-only matching, counts of unmatched pieces and the order of matches "
        "did no better in a one-off trial.\n"
    )
    write_section("pairs", "Pair judge (same fact or same topic, MRPC)",
                  "python -m benchmarks.bench_pairs", body)


if __name__ == "__main__":
    main_guard(main)
