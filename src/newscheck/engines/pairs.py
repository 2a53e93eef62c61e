"""The pair judge: do two news sentences state the same fact, or only share a topic?

Sentence-embedding cosine alone cannot tell "the senator endorsed the governor in 2008"
from "the governor trails the senator in the polls": both sit close in meaning space. The
judge adds a handful of explainable surface features (word overlap, character
similarity, numbers found on one side only, length difference, negation) and
combines them with the caller's cosine in a logistic regression.

The weights, the feature standardisation and the decision threshold live in the small
``pair_judge.json`` shipped with the package (or the file named by ``PairSettings.model``).
``benchmarks/train_pair_judge.py`` reproduces it from the MRPC train split: numpy Newton
iterations (IRLS) with a small L2 penalty, the threshold chosen by cross-validation on
train. At run time only numpy and rapidfuzz are needed; the file is read once, lazily,
on first use, and cached on the judge.

Each feature, in one line (kept because it raised 10-fold cross-validated accuracy on
MRPC train; overlap of stemmed content words, LCS, rapidfuzz token-set/sort ratios and
counts of unmatched names or content words were tried and added nothing measurable; nor
did BERTScore-style matching of MiniLM's token vectors, ``Embedder.embed_tokens``: CV
+0.006 when three of eleven token features were chosen, test +0.002, see
``benchmarks/bench_pairs.py``):

* ``cosine``: MiniLM cosine of the two sentence vectors (given by the caller).
* ``word_jaccard``: Jaccard of the two sets of lower-cased words (stop words kept).
* ``bigram_dice`` (tried, left out): Dice of the word bigrams. On MRPC it took
  a negative weight once ``word_jaccard`` was in (MRPC's pairs were chosen for their
  overlap, so long verbatim runs there mark a copied sentence with a second fact
  spliced in); on news claims of different outlets, which mostly share little wording,
  that weight made low overlap *raise* the probability. Every overlap feature must push
  one way only, so it was dropped (MRPC test accuracy 0.774 -> 0.758).
* ``char_ratio``: rapidfuzz ``fuzz.ratio`` of the raw texts (character edit similarity).
* ``unmatched_numbers``: numbers found on one side only (count; "1,200" reads as "1200").
* ``length_diff``: difference in word count (the longer side often adds a second fact).
* ``negation_mismatch``: 1 when exactly one side holds a negation ("not", "n't", "never").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz

from ..errors import ModelError
from ..lexicon import NEGATION_WORDS
from ..settings import PairSettings

FEATURES: tuple[str, ...] = (
    "cosine",
    "word_jaccard",
    "char_ratio",
    "unmatched_numbers",
    "length_diff",
    "negation_mismatch",
)
"""Feature names, in the order of the weights in the model file."""

_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+(?:[.,]\d+)*")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    # cached: a story's sentences are compared with many others
    return tuple(t.lower().replace("’", "'") for t in _TOKEN.findall(text))


@lru_cache(maxsize=4096)
def _numbers(text: str) -> frozenset[str]:
    # Thousands separators and a sentence-final full stop are not part of the value.
    return frozenset(n.replace(",", "").rstrip(".") for n in _NUMBER.findall(text))


def _negated(words: Sequence[str]) -> bool:
    return any(w in NEGATION_WORDS or w.endswith("n't") for w in words)


def _dice(a: frozenset | set, b: frozenset | set) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 1.0


def pair_features(a: str, b: str, cosine: float) -> dict[str, float]:
    """The judge's features of one sentence pair (see the module docstring), by name.

    Args:
        a: One sentence.
        b: The other sentence (every feature is symmetric in ``a`` and ``b``).
        cosine: Cosine similarity of the two sentences' L2-normalised embeddings.
    """
    wa, wb = _words(a), _words(b)
    sa, sb = set(wa), set(wb)
    return {
        "cosine": float(cosine),
        "word_jaccard": len(sa & sb) / len(sa | sb) if sa | sb else 1.0,
        "char_ratio": fuzz.ratio(a, b) / 100.0,
        "unmatched_numbers": float(len(_numbers(a) ^ _numbers(b))),
        "length_diff": float(abs(len(wa) - len(wb))),
        "negation_mismatch": float(_negated(wa) != _negated(wb)),
    }


class PairJudge:
    """Scores whether two sentences state the same fact (logistic regression).

    Args:
        settings: The ``[pairs]`` settings (threshold, optional model file).

    Example:
        >>> judge = PairJudge()
        >>> judge.same_fact("The mayor resigned on Monday.",
        ...                 "On Monday the mayor resigned.", cosine=0.95)
        True
    """

    def __init__(self, settings: PairSettings | None = None) -> None:
        self.settings = settings or PairSettings()
        self._model: dict[str, Any] | None = None

    @property
    def model(self) -> dict[str, Any]:
        """The weights file, read on first use and kept (raises ModelError if unusable)."""
        if self._model is None:
            self._model = load_model(self.settings.model)
        return self._model

    def features(self, a: str, b: str, cosine: float) -> dict[str, float]:
        """Named features of one pair (see :func:`pair_features`)."""
        return pair_features(a, b, cosine)

    def probabilities(
        self, pairs: Sequence[tuple[str, str]], cosines: Sequence[float] | np.ndarray
    ) -> np.ndarray:
        """Probability that each pair states the same fact.

        Args:
            pairs: Sentence pairs ``(a, b)``.
            cosines: Embedding cosine of each pair, in the same order.

        Returns:
            A float64 array, one probability per pair.
        """
        cos = np.asarray(cosines, dtype=np.float64).reshape(-1)
        if len(cos) != len(pairs):
            raise ValueError(f"{len(pairs)} pairs but {len(cos)} cosines")
        rows = [pair_features(a, b, c) for (a, b), c in zip(pairs, cos, strict=True)]
        return self.probabilities_from_features(rows)

    def probabilities_from_features(self, rows: Sequence[dict[str, float]]) -> np.ndarray:
        """Probabilities for precomputed feature rows (as :meth:`features` returns)."""
        m = self.model
        if not rows:
            return np.zeros(0)
        x = np.array([[r[name] for name in m["features"]] for r in rows], dtype=np.float64)
        z = ((x - m["_mean"]) / m["_scale"]) @ m["_weights"] + m["bias"]
        return 1.0 / (1.0 + np.exp(-z))

    def probability(self, a: str, b: str, cosine: float) -> float:
        """Probability that ``a`` and ``b`` state the same fact."""
        return float(self.probabilities([(a, b)], [cosine])[0])

    def same_fact(self, a: str, b: str, cosine: float) -> bool:
        """Whether the probability reaches ``PairSettings.threshold``."""
        return self.probability(a, b, cosine) >= self.settings.threshold

    def contributions(self, a: str, b: str, cosine: float) -> dict[str, float]:
        """Each feature's share of the log-odds (weight times standardised value): why."""
        m = self.model
        f = pair_features(a, b, cosine)
        return {
            name: float(w * (f[name] - mu) / sd)
            for name, w, mu, sd in zip(
                m["features"], m["_weights"], m["_mean"], m["_scale"], strict=True
            )
        }


def load_model(path: str = "") -> dict[str, Any]:
    """Read a pair-judge weights file (the packaged one when ``path`` is empty).

    Raises:
        ModelError: the file is missing, malformed, or names features this code lacks.
    """
    try:
        if path:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("newscheck.engines").joinpath("pair_judge.json").read_text("utf-8")
        data = json.loads(text)
        names = list(data["features"])
        mean = np.array(data["mean"], dtype=np.float64)
        scale = np.array(data["scale"], dtype=np.float64)
        weights = np.array(data["weights"], dtype=np.float64)
        float(data["bias"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        where = path or "the packaged pair_judge.json"
        raise ModelError(
            f"cannot read the pair judge's weights from {where} ({exc}); "
            "rerun `python -m benchmarks.train_pair_judge` or fix pairs.model"
        ) from None
    unknown = sorted(set(names) - set(FEATURES))
    if unknown or not (len(names) == len(mean) == len(scale) == len(weights)):
        raise ModelError(
            f"pair judge weights {path or 'pair_judge.json'} do not fit this code "
            f"(unknown features: {unknown or 'none'}; or lengths differ); retrain it"
        )
    return {**data, "_mean": mean, "_scale": scale, "_weights": weights}
