"""Readers for the labelled sentence-pair sets the pair judges are trained and tested on.

All sets live in ``../shared/data`` (never copied into the repository). Each reader returns
a list of :class:`Pair`; a missing file raises :class:`FileNotFoundError` naming it, so a
caller can skip with that reason.

Labels:
* ``nli``: 0 entailment, 1 neutral, 2 contradiction (three-way sets);
* ``entail``: 1 entailment, 0 not (binary sets, where "not" mixes neutral and contradiction);
* ``para``: 1 same meaning, 0 not; STS-B gives its 0-5 score divided by 5 (a soft label).
"""

from __future__ import annotations

import csv
import json
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"

NLI_LABELS = {"entailment": 0, "neutral": 1, "contradiction": 2}


@dataclass(frozen=True, slots=True)
class Pair:
    a: str
    b: str
    task: str
    """``nli`` (three-way), ``entail`` (binary) or ``para`` (same meaning)."""
    label: float
    source: str


def _detok(text: str) -> str:
    """SNLI is tokenised ("packages ." / "do n't"): undo the spaces a reader would not write."""
    text = re.sub(r"\s+([.,!?;:%)])", r"\1", text.strip())
    text = re.sub(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    return re.sub(r"([($])\s+", r"\1", text)


def _need(path: Path) -> Path:
    if not path.exists():
        raise FileNotFoundError(f"{path} is absent (training data lives in ../shared/data)")
    return path


def snli(split: str) -> list[Pair]:
    """SNLI 1.0 ``dev`` or ``test`` (three-way; rows without a gold label are left out)."""
    base = _need(DATA / "nli" / "snli")
    s1 = (base / f"s1.{split}").read_text(encoding="utf-8").splitlines()
    s2 = (base / f"s2.{split}").read_text(encoding="utf-8").splitlines()
    labels = (base / f"labels.{split}").read_text(encoding="utf-8").splitlines()
    return [
        Pair(_detok(a), _detok(b), "nli", NLI_LABELS[y], f"snli-{split}")
        for a, b, y in zip(s1, s2, labels)
        if y in NLI_LABELS
    ]


def _binary_tsv(path: Path, source: str) -> list[Pair]:
    out = []
    for line in _need(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0] not in ("entailment", "not_entailment"):
            continue
        out.append(Pair(parts[1], parts[2], "entail", float(parts[0] == "entailment"), source))
    return out


def mnli_binary(split: str) -> list[Pair]:
    """MultiNLI gold entailment / not (the DocNLI re-split of the MNLI dev sets)."""
    return _binary_tsv(DATA / "nli" / "mnli_binary" / f"{split}.txt", f"mnli-{split}")


def mnli_three_way(binary: list[Pair]) -> list[Pair]:
    """The rows of ``binary`` with a three-way label where the noisy three-way copy agrees.

    The three-way copy of MNLI dev disagrees with the gold binary labels on about 7% of rows;
    a row keeps a three-way label only when both agree on entailment vs not, else it stays
    binary. Only rows of ``binary`` are returned, so no test pair can leak in.
    """
    path = DATA / "nli" / "mnli_dev_3way_noisy" / "dev.csv"
    if not path.exists():
        return binary
    noisy: dict[tuple[str, str], int] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            label = str(row.get("label", "")).strip()
            key = (str(row.get("premise", "")).strip(), str(row.get("hypothesis", "")).strip())
            if label.isdigit():
                noisy[key] = int(label)
            elif label in NLI_LABELS:
                noisy[key] = NLI_LABELS[label]
    out = []
    for p in binary:
        y = noisy.get((p.a.strip(), p.b.strip()))
        if y is not None and (y == 0) == (p.label == 1.0):
            out.append(Pair(p.a, p.b, "nli", y, p.source))
        else:
            out.append(p)
    return out


def fever_binary(split: str) -> list[Pair]:
    """FEVER claims against Wikipedia evidence, entailment / not (DocNLI release)."""
    return _binary_tsv(DATA / "nli" / "fever_nli_binary" / f"{split}.txt", f"fever-{split}")


def breaking_nli() -> list[Pair]:
    """Breaking NLI: SNLI premises with one word swapped (antonyms, numbers, countries...)."""
    out = []
    path = _need(DATA / "nli" / "breaking_nli" / "data" / "dataset.jsonl")
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        y = NLI_LABELS.get(row.get("gold_label", ""))
        if y is not None:
            out.append(Pair(row["sentence1"], row["sentence2"], "nli", y,
                            f"breaking-{row.get('category', '')}"))
    return out


def mrpc(split: str) -> list[Pair]:
    """MRPC (news paraphrase): ``train`` or ``test``."""
    path = _need(DATA / "mrpc" / f"msr_paraphrase_{split}.txt")
    out = []
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(rows, None)
        for row in rows:
            if len(row) >= 5 and row[0] in ("0", "1"):
                out.append(Pair(row[3], row[4], "para", float(row[0]), f"mrpc-{split}"))
    return out


def stsb(split: str) -> list[Pair]:
    """STS benchmark ``train``/``dev``/``test``: the 0-5 score as a soft same-meaning label."""
    path = _need(DATA / "nli" / "stsb" / f"sts-{split}.csv")
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 7:
                try:
                    score = float(row[4])
                except ValueError:
                    continue
                out.append(Pair(row[5], row[6], "para", score / 5.0, f"stsb-{split}"))
    return out


def split_off(pairs: list[Pair], share: float, seed: int) -> tuple[list[Pair], list[Pair]]:
    """A seeded split: (the rest, a held-out ``share``), grouped by first sentence so one
    premise never sits on both sides."""
    firsts = sorted({p.a for p in pairs})
    random.Random(seed).shuffle(firsts)
    held = set(firsts[: int(len(firsts) * share)])
    return [p for p in pairs if p.a not in held], [p for p in pairs if p.a in held]
