"""Robustness: the whole pipeline over every real news text in ``../shared/data``.

Each corpus is read in its own order (so that reports of one event meet in a batch and
stories of several reports are cross-checked) and analysed in batches of ``--batch``
documents with :func:`newscheck.pipeline.analyze_documents`, so that a crash is
attributable to a batch and memory stays bounded. The figures: documents, reports
analysed, inputs skipped by reason class, stage failures caught by the per-report guard
(exception type, count, one example input each), stories whose cross-check failed, and
batches that crashed outright (which the guard should make impossible). The target is no
crash and no stage failure.

Corpora: ECB+ (first sentence + text), NewsWCL50, PolNeAR (all splits), FNC-1 bodies
(competition test and train), NeuS/AllSides outlet leads (train and val).

    python -m benchmarks.bench_robust [--limit N] [--batch 200] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import csv
import glob
import json
import re
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from benchmarks.common import main_guard, require, table, write_section

BATCH = 200
# NeuS leads are one paragraph: the usual "not an article" floor would skip most of them.
MIN_WORDS = 10
_FAILED = re.compile(r"^(?P<stage>[\w-]+) failed: (?P<type>[\w.]+):")


def ecbplus() -> Iterator:
    from newscheck.model import Document

    path = require("ecbplus_docs", "ecbplus_documents.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    rows.sort(key=lambda r: (r["topic"], r["subtopic"], r["doc_id"]))
    for r in rows:
        # ``title`` is the article's first sentence, not a headline
        text = f"{r['title']} {r['text']}".strip()
        yield Document(input=f"ecbplus/{r['doc_id']}", text=text, format="jsonl")


def newswcl50() -> Iterator:
    from benchmarks.bench_newswcl50 import load_documents

    docs, _ = load_documents()
    yield from docs


def polnear() -> Iterator:
    from newscheck.model import Document

    folder = require("polnear", "data")
    for path in sorted(glob.glob(str(folder / "*" / "text" / "*.txt"))):
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        split = Path(path).parent.parent.name
        yield Document(input=f"polnear/{split}/{Path(path).name}", text=text, format="txt")


def fnc1() -> Iterator:
    from newscheck.model import Document

    folder = require("fnc1")
    csv.field_size_limit(sys.maxsize)
    for name in ("competition_test_bodies.csv", "train_bodies.csv"):
        with open(folder / name, encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                yield Document(
                    input=f"fnc1/{name.split('_')[0]}/{r['Body ID']}",
                    text=r["articleBody"],
                    format="txt",
                )


def neus() -> Iterator:
    from benchmarks.bench_brief import parse_story
    from newscheck.model import Document

    folder = require("neus_allsides", "probe_splits")
    for split in ("train", "val"):
        lines = (folder / f"{split}.source").read_text(encoding="utf-8").splitlines()
        for i, line in enumerate(lines):
            for j, (title, lead) in enumerate(parse_story(line)):
                yield Document(input=f"neus/{split}-{i}-{j}", text=lead, format="txt",
                               title=title or None)


CORPORA = [
    ("ECB+", ecbplus),
    ("NewsWCL50", newswcl50),
    ("PolNeAR", polnear),
    ("FNC-1 bodies", fnc1),
    ("NeuS leads", neus),
]


def _batches(docs: Iterator, size: int, limit: int | None) -> Iterator[list]:
    batch: list = []
    for k, doc in enumerate(docs):
        if limit is not None and k >= limit:
            break
        batch.append(doc)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def reason_class(reason: str) -> str:
    """The class of a skip reason: ``<stage> failed: <Type>`` or its words before ':'."""
    m = _FAILED.match(reason)
    if m:
        return f"{m['stage']} failed: {m['type']}"
    return reason.split(":", 1)[0].strip()


def evaluate(limit: int | None = None, batch: int = BATCH, only: list[str] | None = None) -> dict:
    """Run the pipeline over every corpus (or those named in ``only``); counts per corpus
    and failure examples."""
    from newscheck.context import Context
    from newscheck.pipeline import analyze_documents
    from newscheck.settings import load_settings

    ctx = Context(settings=load_settings(**{"ingest.min_words": MIN_WORDS}))
    rows: dict[str, Counter] = {}
    skipped: Counter = Counter()
    failures: dict[str, list] = {}  # class -> [count, example input, example reason]
    story_errors: dict[str, list] = {}
    crashes: list[tuple[str, str]] = []
    start = time.monotonic()
    for name, reader in CORPORA:
        if only and not any(o.lower() in name.lower() for o in only):
            continue
        counts = rows.setdefault(name, Counter())
        t0 = time.monotonic()
        for k, docs in enumerate(_batches(reader(), batch, limit), 1):
            counts["documents"] += len(docs)
            try:
                report = analyze_documents(docs, ctx)
            except Exception:  # noqa: BLE001 - a crash the guard missed: record, go on
                counts["crashed batches"] += 1
                tb = traceback.format_exc()
                crashes.append((f"{name} batch {k} ({docs[0].input}..)", tb))
                print(f"CRASH in {name} batch {k}:\n{tb}", file=sys.stderr, flush=True)
                continue
            counts["analysed"] += len(report.articles)
            counts["skipped"] += len(report.skipped)
            counts["stories"] += len(report.stories)
            counts["multi-report stories"] += sum(len(s.articles) > 1 for s in report.stories)
            for s in report.skipped:
                cls = reason_class(s.reason)
                skipped[cls] += 1
                if _FAILED.match(s.reason):
                    counts["stage failures"] += 1
                    entry = failures.setdefault(cls, [0, s.input, s.reason])
                    entry[0] += 1
            for story in report.stories:
                if story.error:
                    counts["story errors"] += 1
                    m = _FAILED.match(story.error)
                    cls = f"{m['stage']} failed: {m['type']}" if m else story.error[:60]
                    entry = story_errors.setdefault(cls, [0, story.articles[0], story.error])
                    entry[0] += 1
            print(
                f"[{name}] batch {k}: {counts['documents']} documents, {counts['analysed']} "
                f"analysed, {counts['skipped']} skipped, {counts['stage failures']} stage "
                f"failures, {counts['story errors']} story errors, "
                f"{counts['crashed batches']} crashed batches, {time.monotonic() - t0:.0f} s",
                flush=True,
            )
        counts["seconds"] = round(time.monotonic() - t0)
    return {
        "rows": rows,
        "skipped": skipped,
        "failures": failures,
        "story_errors": story_errors,
        "crashes": crashes,
        "seconds": time.monotonic() - start,
    }


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


COLUMNS = ["documents", "analysed", "skipped", "stage failures", "stories",
           "multi-report stories", "story errors", "crashed batches", "seconds"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per corpus")
    ap.add_argument("--batch", type=int, default=BATCH, help="documents per analyze call")
    ap.add_argument("--only", action="append", help="corpora whose name contains this")
    args = ap.parse_args(argv)
    r = evaluate(args.limit, args.batch, args.only)
    total = Counter()
    for counts in r["rows"].values():
        total.update(counts)
    rows = [[name, *(c[k] for k in COLUMNS)] for name, c in r["rows"].items()]
    rows.append(["all", *(total[k] for k in COLUMNS)])
    body = [
        "The whole pipeline (`analyze_documents`, default settings except "
        f"`ingest.min_words = {MIN_WORDS}` for one-paragraph leads) over every text of the "
        f"corpora, {args.batch} documents per call"
        + (f", at most {args.limit} per corpus" if args.limit else "")
        + f". Wall time {r['seconds'] / 60:.1f} min.",
        "",
        table(["corpus", *COLUMNS], rows),
        "",
        "Skipped inputs by reason class:",
        "",
        table(["reason", "inputs"], [[k, v] for k, v in r["skipped"].most_common()])
        if r["skipped"] else "none",
        "",
        "Stage failures caught by the per-report guard (one example each):",
        "",
        table(["failure", "inputs", "example input", "example reason"],
              [[k, n, inp, _cell(reason)] for k, (n, inp, reason) in r["failures"].items()])
        if r["failures"] else "none",
        "",
        "Stories whose cross-check failed:",
        "",
        table(["failure", "stories", "example article", "error"],
              [[k, n, a, _cell(e)] for k, (n, a, e) in r["story_errors"].items()])
        if r["story_errors"] else "none",
        "",
        f"Batches that crashed outright: {len(r['crashes'])}"
        + "".join(f"\n- {where}: {tb.strip().splitlines()[-1]}" for where, tb in r["crashes"]),
    ]
    command = "python -m benchmarks.bench_robust" + (f" --limit {args.limit}" if args.limit else "")
    command += "".join(f" --only {o!r}" for o in args.only or [])
    write_section("robust", "Robustness over all the real news texts", command, "\n".join(body))


if __name__ == "__main__":
    main_guard(main)
