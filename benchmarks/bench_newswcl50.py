"""End to end on NewsWCL50: 10 political events x 5 US outlets, left to right.

Runs the whole pipeline (clean → copies → extract → stories → cross-check) on the 50
articles together and reports: stories found vs the 10 gold events (B-cubed and pairwise
F1), claims, the share corroborated/contested/single-source, conflicts per story, quotes,
and the time per stage. ``--dump FILE`` writes every reported conflict with its sides and
evidence as Markdown, for the hand check described in docs/benchmarks.md.

The texts come detokenised, one sentence per line, without paragraphs; each line becomes
a paragraph. The published date is read from the URL when it holds one (``/2018/04/17/``),
the outlet from the URL's host.

The verdicts are scored against the hand-annotated gold in ``../shared/verdicts`` (its
``score.py``: conflicts found, clear and all; conflicts reported that match gold, fall on
annotated traps or match nothing; gold corroborations found; corroborated claims that fall
on traps), on a report made as a user makes it: ``newscheck analyze`` on the JSON Lines
file (:func:`verdict_scores`), where ingest reads each report's date and outlet from its URL
as it does for any report that names a URL and no date or outlet.

    python -m benchmarks.bench_newswcl50 [--dump conflicts.md]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from urllib.parse import urlparse

from .bench_stories import bcubed, pairwise
from .common import Skip, main_guard, require, table, write_section

OUTLETS = {
    "huffingtonpost.com": "HuffPost",
    "nytimes.com": "The New York Times",
    "usatoday.com": "USA Today",
    "foxnews.com": "Fox News",
    "breitbart.com": "Breitbart",
}


def load_documents():
    import datetime as dt

    from newscheck.model import Document

    path = require("newswcl50", "newswcl50_documents.jsonl")
    docs, gold = [], {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        host = urlparse(row["url"]).netloc.removeprefix("www.")
        m = re.search(r"/(20\d\d)/(\d\d)/(\d\d)/", row["url"])
        published = dt.date(int(m[1]), int(m[2]), int(m[3])) if m else None
        lines = [ln.strip() for ln in row["text"].splitlines() if ln.strip()]
        docs.append(
            Document(
                input=f"newswcl50/{row['doc_id']}",
                text="\n\n".join(lines),
                format="jsonl",
                outlet=OUTLETS.get(host, host),
                url=row["url"],
                published=published,
            )
        )
        gold[f"newswcl50/{row['doc_id']}"] = row["event_id"]
    return docs, gold


def evaluate(dump: str | None = None) -> dict:
    from newscheck.context import Context
    from newscheck.pipeline import analyze_documents

    docs, gold = load_documents()
    times: Counter = Counter()
    last = [time.monotonic(), None]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if last[1] is not None:
            times[last[1]] += now - last[0]
        last[0], last[1] = now, stage

    ctx = Context(progress=progress)
    _ = ctx.nlp, ctx.embedder  # load models outside the timing
    start = time.monotonic()
    report = analyze_documents(docs, ctx)
    seconds = time.monotonic() - start

    by_id = {a.id: a.input for a in report.articles}
    pred = [[by_id[aid] for aid in s.articles] for s in report.stories]
    truth = {by_id[aid]: str(gold[by_id[aid]]) for s in report.stories for aid in s.articles}
    p, r, f = bcubed(pred, truth)
    pp, pr, pf = pairwise(pred, truth)
    statuses = Counter(c.status for s in report.stories for c in s.claims)
    n_claims = sum(statuses.values())
    conflicts = [x for s in report.stories for x in s.conflicts]
    kinds = Counter(x.kind for x in conflicts)
    if dump:
        _dump(report, dump)
    return {
        "articles": len(report.articles),
        "skipped": len(report.skipped),
        "stories": len(report.stories),
        "gold_events": len(set(gold.values())),
        "bcubed": (p, r, f),
        "pairwise": (pp, pr, pf),
        "claims": n_claims,
        "statuses": statuses,
        "conflicts": len(conflicts),
        "kinds": kinds,
        "quotes": sum(len(s.quotes) for s in report.stories),
        "anonymous": sum(q.anonymous for s in report.stories for q in s.quotes),
        "copies": sum(1 for a in report.articles if a.copy_of),
        "seconds": seconds,
    }


# The development sets with verdict gold: gold file in ../shared/verdicts, reports in
# ../shared/data.
DEV_SETS = {
    "newswcl50": ("newswcl50.json", ("newswcl50", "newswcl50_documents.jsonl")),
    "basil_dev": ("basil_dev.json", ("basil_dev", "basil_dev_documents.jsonl")),
}


def load_scorer(dataset: str = "newswcl50"):
    """The gold scorer shipped beside the verdict gold (``../shared/verdicts/score.py``)
    and the gold of ``dataset`` (a key of :data:`DEV_SETS`)."""
    import importlib.util

    from .common import data_dir

    path = data_dir().parent / "verdicts" / "score.py"
    gold = data_dir().parent / "verdicts" / DEV_SETS[dataset][0]
    if not path.exists() or not gold.exists():
        raise Skip(f"{path.parent} is absent (the verdict gold lives in ../shared/verdicts)")
    spec = importlib.util.spec_from_file_location("newscheck_verdict_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module, json.loads(gold.read_text(encoding="utf-8"))


def verdict_scores(ctx=None, dataset: str = "newswcl50") -> dict:
    """Score the verdicts of one run over a development set (NewsWCL50 by default, or
    ``basil_dev``) against its gold.

    Returns the scorer's summed counts (``found_clear``, ``gold_clear``, ``found_arguable``,
    ``reported``, ``reported_gold``, ``reported_trap``, ``corr_found``, ``corr_gold``,
    ``corr_trap``, ``corroborated_reported``...) plus ``precision`` and the per-event rows.
    """
    import contextlib
    import io

    from newscheck.context import Context
    from newscheck.pipeline import analyze
    from newscheck.report import to_json

    scorer, gold = load_scorer(dataset)
    path = require(*DEV_SETS[dataset][1])
    report = json.loads(to_json(analyze([str(path)], ctx=ctx or Context())))
    total: Counter = Counter()
    rows = []
    for event in gold["events"]:
        with contextlib.redirect_stdout(io.StringIO()):
            row = scorer.score_event(report, event, False)
        total.update(row)
        rows.append((event["event"], row))
    out = dict(total)
    out["precision"] = total["reported_gold"] / total["reported"] if total["reported"] else 1.0
    out["rows"] = rows
    return out


def _dump(report, path: str) -> None:
    names = {a.id: f"{a.outlet} ({a.id})" for a in report.articles}
    out = ["# NewsWCL50: every reported conflict, for the hand check", ""]
    for s in report.stories:
        for x in s.conflicts:
            out.append(f"## {s.id}/{x.id} [{x.kind}] {x.topic}")
            out.append(f"*{x.note}*")
            for side in x.sides:
                out.append(f"- **{side.value}**")
                out += [f"  - {names[e.article]}: {e.sentence}" for e in side.evidence]
            out.append("")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


def verdict_section(v: dict) -> str:
    """The verdict-gold table, in Markdown."""
    rows = [
        ["clear conflicts found", f"{v.get('found_clear', 0)} / {v.get('gold_clear', 0)}"],
        ["all conflicts found",
         (f"{v.get('found_clear', 0) + v.get('found_arguable', 0)} / "
         f"{v.get('gold_clear', 0) + v.get('gold_arguable', 0)}")],
        ["conflicts reported", v.get("reported", 0)],
        ["... matching gold / on traps / matching nothing",
         (f"{v.get('reported_gold', 0)} / {v.get('reported_trap', 0)} / "
         f"{v.get('reported_unmatched', 0)}")],
        ["conflict precision (strict)", f"{v['precision']:.2f}"],
        ["gold corroborations found", f"{v.get('corr_found', 0)} / {v.get('corr_gold', 0)}"],
        ["corroborated claims reported", v.get("corroborated_reported", 0)],
        ["corroborated claims on traps", v.get("corr_trap", 0)],
    ]
    per_event = [
        [name, f"{r.get('found_clear', 0)}/{r.get('gold_clear', 0)}",
         (f"{r.get('found_clear', 0) + r.get('found_arguable', 0)}/"
         f"{r.get('gold_clear', 0) + r.get('gold_arguable', 0)}"),
         f"{r.get('reported_gold', 0)}/{r.get('reported', 0)}",
         f"{r.get('corr_found', 0)}/{r.get('corr_gold', 0)}", r.get("corr_trap", 0)]
        for name, r in v["rows"]
    ]
    return (
        "### Verdicts against the hand-annotated gold\n\n"
        "Scored with `../shared/verdicts/score.py` on the report of "
        "`newscheck analyze ../shared/data/newswcl50/newswcl50_documents.jsonl -f json` "
        "(as a user runs it: dates and outlets read from the URLs by ingest).\n\n"
        + table(["measure", "value"], rows)
        + "\n\n"
        + table(["event", "clear found", "all found", "reported: gold/all",
                 "corroborations found", "corroborated on traps"], per_event)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", help="write every conflict with its evidence to this file")
    args = parser.parse_args([] if __name__ != "__main__" else None)
    res = evaluate(args.dump)
    n = res["claims"] or 1
    st = res["statuses"]
    rows = [
        ["articles analysed / skipped", f"{res['articles']} / {res['skipped']}"],
        ["stories found / gold events", f"{res['stories']} / {res['gold_events']}"],
        ["story B-cubed P / R / F1", "{:.3f} / {:.3f} / {:.3f}".format(*res["bcubed"])],
        ["story pairwise P / R / F1", "{:.3f} / {:.3f} / {:.3f}".format(*res["pairwise"])],
        ["syndicated copies found", res["copies"]],
        ["claims", res["claims"]],
        ["corroborated", f"{st['corroborated']} ({st['corroborated'] / n:.1%})"],
        ["contested", f"{st['contested']} ({st['contested'] / n:.1%})"],
        ["single source", f"{st['single_source']} ({st['single_source'] / n:.1%})"],
        ["conflicts", f"{res['conflicts']} ({', '.join(f'{k} {v}' for k, v in sorted(res['kinds'].items()))})"],
        ["quotes (anonymous)", f"{res['quotes']} ({res['anonymous']})"],
        ["time after model load", f"{res['seconds']:.1f} s"],
    ]
    body = (
        "50 articles (10 events x 5 outlets: HuffPost, NYT, USA Today, Fox News, Breitbart) "
        "analysed together in one run (publication dates read from the URLs).\n\n"
        + table(["measure", "value"], rows)
    )
    try:
        v = verdict_scores()
    except Skip as exc:
        body += f"\n\nVerdicts against the gold: skipped ({exc}).\n"
    else:
        body += "\n\n" + verdict_section(v)
    write_section("newswcl50", "End to end: NewsWCL50", "python -m benchmarks.bench_newswcl50", body)


if __name__ == "__main__":
    main_guard(main)
