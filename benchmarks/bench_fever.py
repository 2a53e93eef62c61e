"""Claim vs evidence on Symmetric FEVER, with the cross-checking logic.

Each pair is a claim and one Wikipedia evidence sentence that either supports or refutes
it. The two are treated as two one-sentence reports of one story: both go through the
per-article extraction, then :func:`~newscheck.align.align_claims` and
:func:`~newscheck.verdicts.judge` exactly as for a story (the helpers are shared with the
FNC-1 benchmark), and the label is read off the result:

* **REFUTES** when the verdicts find a conflict between the two (a number, date, person,
  role, place or negation that differs) or when the claims aligned across them differ in
  polarity ("is" against "is not", "denied that ...");
* **SUPPORTS** otherwise.

Two baselines run on the same pairs: always SUPPORTS, and a lexical negation cue
(REFUTES when exactly one side holds a negation word). Symmetric FEVER was built so that
the claim alone does not predict the label: every claim has a minimally edited twin
with the opposite label against the same or an edited evidence sentence, and the two
labels are balanced.

The conflict logic is built for news (figures, dates, office-holders, people, places);
FEVER's refutations mix edited years and dates (which the date logic can catch when the
two sentences align on the same event), other places, and encyclopaedic swaps (another
genre, nationality, profession or role) that no slot captures, so this benchmark
measures how far that logic carries beyond news. Nothing is tuned on these labels.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from collections.abc import Sequence

import numpy as np

from benchmarks.bench_stance import as_article, class_scores, cross_check
from benchmarks.common import main_guard, require, table, write_section

LABELS = ("SUPPORTS", "REFUTES")
SPLITS = ("test", "dev")
NEGATION = re.compile(
    r"\b(not|no|never|none|nobody|nothing|neither|nor|cannot|without)\b|n't\b",
    re.IGNORECASE,
)
# FEVER's sentences come tokenised in Penn Treebank style ("-LRB-", "``", " 's").
_PTB = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
    "``": '"',
    "''": '"',
    "--": "-",
}


def detokenize(text: str) -> str:
    """Undo the Penn Treebank tokenisation of a FEVER sentence, so the parser sees prose."""
    for token, char in _PTB.items():
        text = text.replace(token, char)
    text = re.sub(r"\s+([.,;:!?%)\]}])", r"\1", text)
    text = re.sub(r"([(\[{$])\s+", r"\1", text)
    text = re.sub(r"\s+('s|'re|'ve|'m|'ll|'d|n't|')(?=\s|$)", r"\1", text)
    text = re.sub(r'"\s+(.*?)\s+"', r'"\1"', text)
    return re.sub(r"\s{2,}", " ", text).strip()


def read_pairs(split: str, limit: int | None) -> list[dict]:
    """The first ``limit`` pairs of a split (None: all), in file order."""
    path = require("fever_symmetric", f"fever_symmetric_{split}.jsonl")
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    return rows if limit is None else rows[:limit]


def negation_cue(claim: str, evidence: str) -> str:
    """The lexical baseline: REFUTES when exactly one side holds a negation word."""
    return (
        "REFUTES"
        if bool(NEGATION.search(claim)) != bool(NEGATION.search(evidence))
        else ("SUPPORTS")
    )


def predict(claim, evidence, settings) -> tuple[str, str]:
    """The label of one claim analysis against one evidence analysis, and why.

    Returns:
        ``(label, reason)`` where reason is ``conflict:<kind>``, ``polarity``,
        ``aligned`` (aligned, no disagreement) or ``unaligned``.
    """
    from newscheck.verdicts import polarity

    cc = cross_check(claim, evidence, settings)
    if cc is None:
        return "SUPPORTS", "unaligned"
    if cc.conflicts:
        return "REFUTES", f"conflict:{cc.conflicts[0].kind}"
    if cc.first and cc.second:
        denies = lambda claims: any(not polarity(c) for c in claims)
        if denies(cc.first) != denies(cc.second):
            return "REFUTES", "polarity"
        return "SUPPORTS", "aligned"
    return "SUPPORTS", "unaligned"


def _summary(gold: Sequence[str], pred: Sequence[str]) -> dict:
    per_class = class_scores(gold, pred, LABELS)
    return {
        "per_class": per_class,
        "macro_f1": float(np.mean([v[2] for v in per_class.values()])),
        "accuracy": sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0,
    }


def evaluate(limit: int | None = None) -> dict:
    """Label the first ``limit`` pairs of each split (None: all) and score every method.

    Returns:
        ``{split: {"pairs", "seconds", "methods": {name: scores}, "reasons", "aligned"}}``
        where scores hold ``per_class`` (precision, recall, F1, gold count), ``macro_f1``
        and ``accuracy``.
    """
    from newscheck.context import Context
    from newscheck.extract.stage import analyze_articles

    ctx = Context()
    out = {}
    for split in SPLITS:
        rows = read_pairs(split, limit)
        start = time.monotonic()
        claims = [detokenize(r["claim"]) for r in rows]
        evidence = [detokenize(r["evidence"]) for r in rows]
        # Claims and evidence sentences repeat across symmetric twins: parse each once.
        texts = sorted(set(claims) | set(evidence))
        analyses = analyze_articles(
            [as_article(f"t{i}", t, f"{split}-{i}") for i, t in enumerate(texts)], ctx
        )
        by_text = dict(zip(texts, analyses))
        gold = [r["gold_label"] for r in rows]
        product, reasons = [], Counter()
        for c, e, g in zip(claims, evidence, gold):
            label, reason = predict(by_text[c], by_text[e], ctx.settings)
            product.append(label)
            reasons[(reason.split(":")[0], g)] += 1
        methods = {
            "newscheck (conflict or polarity)": product,
            "always SUPPORTS": ["SUPPORTS"] * len(rows),
            "negation cue": [negation_cue(c, e) for c, e in zip(claims, evidence)],
        }
        out[split] = {
            "pairs": len(rows),
            "texts": len(texts),
            "seconds": time.monotonic() - start,
            "methods": {name: _summary(gold, pred) for name, pred in methods.items()},
            "reasons": reasons,
        }
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="pairs per split (0: all)")
    args = parser.parse_args(argv)
    r = evaluate(args.limit or None)
    parts = []
    for split in SPLITS:
        s = r[split]
        rows = []
        for name, m in s["methods"].items():
            sup, ref = m["per_class"]["SUPPORTS"], m["per_class"]["REFUTES"]
            rows.append(
                [name, m["accuracy"], ref[0], ref[1], ref[2], sup[0], sup[1], sup[2], m["macro_f1"]]
            )
        reasons = s["reasons"]
        why = ", ".join(
            f"{k} {reasons[(k, 'REFUTES')]}/{reasons[(k, 'SUPPORTS')]}"
            for k in ("conflict", "polarity", "aligned", "unaligned")
        )
        parts.append(
            f"**{split}** ({s['pairs']} pairs, {s['texts']} distinct sentences parsed, "
            f"{s['seconds']:.0f} s):\n\n"
            + table(
                ["method", "accuracy", "REFUTES P", "R", "F1", "SUPPORTS P", "R", "F1", "macro F1"],
                rows,
            )
            + f"\n\nWhat newscheck found per pair (gold REFUTES/SUPPORTS): {why}.\n"
        )
    body = (
        "Each claim and its evidence sentence are two one-sentence reports of one story, "
        "run through extraction, alignment and verdicts; REFUTES when a conflict is found "
        "between them or their aligned claims differ in polarity, else SUPPORTS. The "
        "labels are balanced, so always-SUPPORTS scores 0.5 accuracy; the negation cue "
        "says REFUTES when exactly one side holds a negation word. Nothing is tuned on "
        "these labels.\n\n"
        + "\n".join(parts)
        + "\nThe conflict logic is built for news: figures, dates, people, office-holders, "
        "places and negation. FEVER's refutations mix edited years and dates (caught when "
        "the two sentences align on the same event and the same verb), other places, and "
        "encyclopaedic swaps (another genre, nationality, profession or role) that no slot "
        "captures, so this measures how far that logic carries beyond news, not fact "
        "verification. For scale: the dataset's authors report 57-62% accuracy for a "
        "BERT classifier trained on FEVER, on the earlier generated symmetric set."
    )
    write_section(
        "fever", "Claim vs evidence: Symmetric FEVER", "python -m benchmarks.bench_fever", body
    )


if __name__ == "__main__":
    main_guard(main)
