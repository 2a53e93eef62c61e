"""Held-out figures of the two trained judges, recomputed with the shipped files.

* the same-event judge on the ECB+ test topics: pair AUC over every cross-document pair,
  against all negatives and against same-subtopic negatives only, beside sentence cosine;
* the fact judge on the held-out NLI and paraphrase sets (MRPC test, SNLI test, MNLI
  binary test, FEVER test, STS-B test, 10% of Breaking NLI), through the product's runtime.

    python -m benchmarks.bench_judges
"""

from __future__ import annotations

import json

import numpy as np

from .common import Skip, data_dir, main_guard, table, write_section


def event_figures() -> dict[str, float]:
    from newscheck.context import Context
    from newscheck.engines.judges.event import EventJudge

    from .train_event_judge import auc, mentions_of, pairs_of

    path = data_dir() / "ecbplus_events" / "ecbplus_event_mentions.jsonl"
    if not path.exists():
        raise Skip(f"{path} is absent")
    with path.open(encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if r["split"] == "test"]
    ctx = Context()
    mentions = mentions_of(records, cache=False, nlp=ctx.nlp, embedder=ctx.embedder)
    i, j, y, same_subtopic = pairs_of(records, "test")
    judge = EventJudge()
    p = judge.probabilities([(mentions[a], mentions[b]) for a, b in zip(i, j, strict=True)])
    cos = np.array([float(mentions[a].sentence_vector @ mentions[b].sentence_vector)
                    for a, b in zip(i, j, strict=True)])
    keep = y | same_subtopic
    return {"judge_auc_all": auc(p, y), "judge_auc_same_subtopic": auc(p[keep], y[keep]),
            "cosine_auc_all": auc(cos, y), "cosine_auc_same_subtopic": auc(cos[keep], y[keep]),
            "pairs": float(len(y)), "positive": float(y.sum())}


def main() -> None:
    from .train_nli_judge import evaluate

    rows = []
    try:
        e = event_figures()
        where = f"ECB+ test topics, {int(e['pairs']):,} pairs ({int(e['positive']):,} same event)"
        figure = (f"AUC {e['judge_auc_all']:.3f} (same-subtopic negatives "
                  f"{e['judge_auc_same_subtopic']:.3f})")
        base = f"sentence cosine {e['cosine_auc_all']:.3f} ({e['cosine_auc_same_subtopic']:.3f})"
        rows.append(["same-event judge", where, figure, base])
    except Skip as exc:
        print(f"skipped the event judge: {exc}")
    try:
        held = evaluate(0)
    except FileNotFoundError as exc:
        raise Skip(str(exc)) from None
    for name, f in held.items():
        figure = ", ".join(f"{k} {v:.3f}" for k, v in f.items()
                           if k not in ("pairs", "pairs_per_s"))
        rows.append(["fact judge", f"{name} ({int(f['pairs']):,} pairs)", figure,
                     f"{f['pairs_per_s']:.0f} pairs/s"])
    text = table(["judge", "held-out set", "figure", "baseline / cost"], rows)
    write_section("judges", "The trained judges on held-out data", "python -m "
                  "benchmarks.bench_judges", text + "\n\nModel card: docs/judges.md.")


if __name__ == "__main__":
    main_guard(main)
