"""Brief quality on NeuS: newscheck's brief against AllSides' neutral roundups.

Each NeuS story gives the headline and lead paragraphs of three outlets (left, centre,
right, in random order) and the neutral summary AllSides wrote from them. The three
leads go through the whole pipeline (:func:`newscheck.pipeline.analyze_documents`, one
shared context, outlet unknown) and the story's brief (the largest story's, when the
three leads are split into several) is joined into one summary and scored with ROUGE-1/2/L
F1 (the ``rouge-score`` package, no stemming, lower-cased tokens) against the summary.

Two variants of the brief are scored: every line, and its corroborated lines only
(without the "Reports differ on ..." and "According to X only, ..." lines). Baselines on
the same stories: lead-3 (the first three sentences of the first outlet's lead, a random
outlet since the order is random) and lead-1 x 3 (the first sentence of each outlet).

The roundups are abstractive and short (about 66 words); the brief is extractive and
cites its sources, so ROUGE against them rewards picking the sentences a neutral editor
would paraphrase, and penalises length. Leads are short, so articles down to
``MIN_WORDS`` words are kept (the CLI default of 30 would drop about one lead in seven).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter
from collections.abc import Sequence

import numpy as np

from benchmarks.common import main_guard, require, table, write_section

MIN_WORDS = 10
# The single-source marker names the report ("According to a2 only, ...").
_ONLY = re.compile(r"^According to .+? only, ")
_FIELD = re.compile(r"TITLE=>\s*(.*?)\s*ARTICLE=>\s*(.*)", re.DOTALL)


def parse_story(source: str) -> list[tuple[str, str]]:
    """``(title, lead)`` of each outlet on one source line."""
    out = []
    for part in source.split("[SEP]"):
        m = _FIELD.search(part)
        if m:
            out.append((m.group(1).strip().rstrip("."), m.group(2).strip()))
    return out


def parse_target(target: str) -> str:
    """The neutral summary of one target line, without its title."""
    m = _FIELD.search(target)
    return m.group(2).strip() if m else target.strip()


def read_stories(
    limit: int | None, seed: int = 0, split: str = "val"
) -> list[tuple[int, list[tuple[str, str]], str]]:
    """``(line, outlets, summary)`` of a split's stories; ``limit`` draws a seeded sample."""
    folder = require("neus_allsides", "probe_splits")
    sources = (folder / f"{split}.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / f"{split}.target").read_text(encoding="utf-8").splitlines()
    lines = list(range(len(sources)))
    if limit is not None and limit < len(lines):
        lines = sorted(random.Random(seed).sample(lines, limit))
    return [(i, parse_story(sources[i]), parse_target(targets[i])) for i in lines]


def line_kind(text: str, cites: Sequence[str]) -> str:
    """``corroborated``, ``conflict`` or ``single`` for one brief line."""
    if text.startswith("Reports differ on"):
        return "conflict"
    return "single" if len(cites) < 2 else "corroborated"


def evaluate(limit: int | None = None, split: str = "val") -> dict:
    """Build the brief of ``limit`` stories of ``split`` (None: all) and score it and the
    baselines.

    Returns:
        ROUGE F1 means per method (``{method: {"rouge1", "rouge2", "rougeL"}}``) under
        ``scores``, with counts describing the briefs (``split``, ``empty``, line kinds,
        words) and the run time.
    """
    from rouge_score import rouge_scorer

    from newscheck.context import Context
    from newscheck.model import Document
    from newscheck.pipeline import analyze_documents
    from newscheck.settings import load_settings

    stories = read_stories(limit, split=split)
    total = sum(1 for _ in (require("neus_allsides", "probe_splits") / f"{split}.source").open())
    ctx = Context(settings=load_settings(**{"ingest.min_words": MIN_WORDS}))
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=False)
    methods = (
        "brief",
        "brief, corroborated lines",
        "brief, single-source marker removed",
        "lead-3",
        "lead-1 x 3",
    )
    scores: dict[str, list[dict[str, float]]] = {m: [] for m in methods}
    kinds: Counter = Counter()
    counts: Counter = Counter()
    words: dict[str, list[int]] = {m: [] for m in methods}
    words["reference"] = []
    start = time.monotonic()
    for line, outlets, reference in stories:
        docs = [
            Document(input=f"{split}-{line}-{j}", text=lead, format="txt", title=title)
            for j, (title, lead) in enumerate(outlets)
        ]
        report = analyze_documents(docs, ctx)
        counts["skipped"] += len(report.skipped)
        if len(report.stories) > 1:
            counts["split"] += 1
        story = max(report.stories, key=lambda s: len(s.articles), default=None)
        lines = list(story.brief) if story else []
        if not lines:
            counts["empty"] += 1
        line_kinds = [line_kind(b.text, b.cites) for b in lines]
        if "corroborated" not in line_kinds:
            counts["uncorroborated"] += 1
        kinds.update(line_kinds)
        # every line cites its reports: one citing a single report must say so
        counts["unmarked"] += sum(
            k == "single" and not _ONLY.match(b.text) for b, k in zip(lines, line_kinds)
        )
        leads = [[s.text.strip() for s in ctx.nlp(lead).sents] for _, lead in outlets]
        summaries = {
            "brief": " ".join(b.text for b in lines),
            "brief, corroborated lines": " ".join(
                b.text for b, k in zip(lines, line_kinds) if k == "corroborated"
            ),
            "brief, single-source marker removed": " ".join(_ONLY.sub("", b.text) for b in lines),
            "lead-3": " ".join(leads[0][:3]),
            "lead-1 x 3": " ".join(s[0] for s in leads if s),
        }
        words["reference"].append(len(reference.split()))
        for method, summary in summaries.items():
            words[method].append(len(summary.split()))
            r = scorer.score(reference, summary)
            scores[method].append({k: v.fmeasure for k, v in r.items()})
    return {
        "stories": len(stories),
        "sampled": len(stories) < total,
        "seconds": time.monotonic() - start,
        "scores": {
            m: {k: float(np.mean([s[k] for s in v])) for k in ("rouge1", "rouge2", "rougeL")}
            for m, v in scores.items()
        },
        "words": {m: float(np.mean(v)) for m, v in words.items()},
        "kinds": kinds,
        **counts,
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="val stories, seeded sample (0: all)")
    parser.add_argument(
        "--train", type=int, default=307, help="train stories, seeded sample (0: none)"
    )
    args = parser.parse_args(argv)
    runs = [("val", evaluate(args.limit or None, "val"))]
    if args.train:
        runs.append(("train", evaluate(args.train, "train")))
    rows = [
        [split, m, s["rouge1"], s["rouge2"], s["rougeL"], f"{r['words'][m]:.0f}"]
        for split, r in runs
        for m, s in r["scores"].items()
    ]
    parts = []
    for split, r in runs:
        n = r["stories"]
        lines = sum(r["kinds"].values())
        kinds = ", ".join(
            f"{k} {r['kinds'][k] / n:.2f}" for k in ("corroborated", "conflict", "single")
        )
        sample = f"a sample of {n} drawn with seed 0" if r["sampled"] else f"all {n} stories"
        parts.append(
            f"{split}: {sample}, {r['seconds']:.0f} s. Reference summaries average "
            f"{r['words']['reference']:.0f} words. Brief lines per story: {lines / n:.2f} "
            f"({kinds}); lines citing one report without saying so: {r.get('unmarked', 0)}. "
            f"Empty brief: {r.get('empty', 0)} of {n} stories; no line citing two reports: "
            f"{r.get('uncorroborated', 0)} of {n}; the three leads split into more than one "
            f"story: {r.get('split', 0)} of {n} (the largest story's brief is used); leads "
            f"skipped as too short (under {MIN_WORDS} words): {r.get('skipped', 0)}."
        )
    body = (
        "NeuS (three outlets' headline and lead each per story): the val split, and a seeded "
        "sample of the train split (the brief's rules were chosen on train only). ROUGE F1 "
        "(`rouge-score`, no stemming) against the AllSides neutral summary, mean over "
        "stories; an empty summary scores 0.\n\n"
        + table(["split", "summary", "ROUGE-1", "ROUGE-2", "ROUGE-L", "words"], rows)
        + "\n\n"
        + "\n\n".join(parts)
        + "\n\nThe brief is extractive. It opens with the most central lead sentences, each "
        "citing every other report that states the same fact (pair judge, containment, or "
        "high overlap) with the same figures; then corroborated claims the opening does not "
        "tell, one line per conflict, and the lines resting on one report, marked as such. "
        '"corroborated" above counts lines citing two reports or more.'
    )
    print(body)
    write_section(
        "brief",
        "Brief: NeuS / AllSides neutral summaries",
        "python -m benchmarks.bench_brief",
        body,
    )


if __name__ == "__main__":
    main_guard(main)
