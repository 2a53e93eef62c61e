"""Following the news: ingest time per report, and story-assignment cost as stories pile up.

Two measurements, both in one warm process (models loaded before the clocks start):

- **Ingest** (the bundled examples, real models): ten reports into a fresh SQLite store
  minus one, the same ten again (nothing new), then the held-back report, which joins a
  story of seven and makes it cross-checked again from the stored extractions. Beside it,
  ``analyze`` of that story's eight reports from scratch: what re-analysis would cost
  without the stored extractions.
- **Assignment** against synthetic stores of 2,000 and 20,000 stories (100 new stories a
  day, one report each, random 384-d story vectors, a few words of text): the time to
  read the window's stories and to build the usearch index over them, and the time to
  place one new report with the index kept (as ``watch`` keeps it), median of 20
  reports. The window holds the same number of stories at both sizes, so the cost should
  not grow with the total.

    python -m benchmarks.bench_follow            # writes docs/benchmarks/follow.md
    python -m benchmarks.bench_follow --quick    # 2,000 stories only, prints only
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np

from .common import ROOT, SECTIONS, machine, table

EXAMPLES = ROOT / "examples"
LATE = "westport_star.txt"
PER_DAY = 100
DIM = 384
NOW = "2026-01-01T00:00:00Z"
WORDS = [
    "harbour", "council", "ferry", "strike", "bridge", "budget", "election", "storm", "flood",
    "court", "hospital", "school", "police", "minister", "union", "mayor", "fire", "river",
    "rail", "airport", "museum", "factory", "farm", "market", "bank", "port", "festival",
    "trial", "protest", "vote", "tax", "water", "power", "road",
]


def _ingest_figures(workdir: Path) -> list[list[object]]:
    from newscheck.context import Context
    from newscheck.follow.ingest import ingest
    from newscheck.model import Document
    from newscheck.pipeline import analyze, analyze_documents
    from newscheck.store import open_store

    folder = workdir / "examples"
    shutil.copytree(EXAMPLES, folder)
    (folder / LATE).unlink()
    ctx = Context()
    analyze([str(EXAMPLES / LATE)], ctx=ctx)  # loads every model before the clocks
    store = open_store(workdir / "ingest.db")
    rows: list[list[object]] = []
    try:
        for label, inputs in (("9 new reports (2 stories opened)", [folder]),
                              ("the same 9 again (unchanged)", [folder])):
            start = time.perf_counter()
            result = ingest([str(p) for p in inputs], ctx, store)
            took = time.perf_counter() - start
            rows.append([label, len(result.ingested), took, took / len(result.ingested)])
        shutil.copy(EXAMPLES / LATE, folder / LATE)
        start = time.perf_counter()
        result = ingest([str(folder / LATE)], ctx, store)
        took = time.perf_counter() - start
        story = result.updates[0].story
        joined = store.get_story(story).reports - 1
        label = f"1 new report joining a story of {joined} (re-analysed from stored extractions)"
        rows.append([label, 1, took, took])
        stored = store.get_articles([m.article for m in store.members(story)]).values()
    finally:
        store.close()
    docs = [Document(input=a.input, text=a.text[a.body_start:], format="txt", title=a.title,
                     outlet=a.outlet, url=a.url, published=a.published) for a in stored]
    start = time.perf_counter()
    analyze_documents(docs, ctx)
    took = time.perf_counter() - start
    rows.append([f"reference: `analyze` of that story's {len(docs)} reports from scratch",
                 len(docs), took, took / len(docs)])
    return rows


def _unit(rng: np.random.Generator, n: int) -> np.ndarray:
    v = rng.normal(size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def _synthetic_store(path: Path, total: int, seed: int = 0):
    """A store of ``total`` one-report stories, ``PER_DAY`` a day, written in one transaction.

    Returns the store, the vectors, the texts and the dates of the stories.
    """
    from newscheck.follow import cache
    from newscheck.model import Analysis, Article
    from newscheck.settings import Settings
    from newscheck.store import open_store

    open_store(path).close()  # the schema
    rng = np.random.default_rng(seed)
    vectors = _unit(rng, total)
    start = dt.date(2025, 1, 1)
    dates = [start + dt.timedelta(days=n // PER_DAY) for n in range(total)]
    texts = [" ".join(rng.choice(WORDS, size=12)) for _ in range(total)]
    fingerprint = cache.fingerprint(Settings())
    conn = sqlite3.connect(path)
    with conn:
        for n in range(total):
            day = dates[n].isoformat()
            aid, sid = f"a{n:012x}", f"s{n:010x}"
            article = Article(id=aid, input=f"in/{n}.txt", text=texts[n], published=dates[n])
            data, blob = cache.dump(Analysis(article=article, vector=vectors[n]))
            stamp = f"{day}T12:00:00Z"
            conn.execute("INSERT INTO articles (id, input, text, published, words, created_at) "
                         "VALUES (?, ?, ?, ?, 12, ?)", (aid, article.input, texts[n], day, NOW))
            conn.execute("INSERT INTO stories (id, title, created_at, updated_at, first_date, "
                         "last_date, reports, version, stale, vector) "
                         "VALUES (?, ?, ?, ?, ?, ?, 1, 1, 0, ?)",
                         (sid, sid, stamp, stamp, day, day, vectors[n].tobytes()))
            conn.execute("INSERT INTO followed_reports (id, identity, story_id, latest, "
                         "created_at) VALUES (?, ?, ?, 1, ?)", (f"r{n}", article.input, sid,
                                                                  stamp))
            conn.execute("INSERT INTO report_versions (report_id, version, content_hash, "
                         "article_id, report_date, ingested_at) VALUES (?, 1, ?, ?, ?, ?)",
                         (f"r{n}", aid, aid, day, stamp))
            conn.execute("INSERT INTO extractions (article_id, fingerprint, data, vectors) "
                         "VALUES (?, ?, ?, ?)", (aid, fingerprint, data, blob))
    conn.close()
    return open_store(path), vectors, texts, dates


def _assignment_figures(workdir: Path, sizes: list[int], probes: int = 20) -> list[list[object]]:
    from newscheck.context import Context
    from newscheck.follow.assign import StoryIndex, assign, window
    from newscheck.follow.ingest import Extractions
    from newscheck.model import Analysis, Article
    from newscheck.registry import make_clusterer
    from newscheck.settings import Settings
    from newscheck.store.follow import Member

    settings = Settings()
    clusterer = make_clusterer(settings.stories)
    rows = []
    for total in sizes:
        store, vectors, texts, dates = _synthetic_store(workdir / f"assign-{total}.db", total)
        extractions = Extractions(Context(), store, [])  # all stored: no model is loaded
        today = dates[-1]
        days = settings.follow.window_days
        touched = window([today.isoformat()], days)[0]
        start = time.perf_counter()
        in_window = store.stories_between(*window([today.isoformat()], days), touched)
        read = time.perf_counter() - start
        start = time.perf_counter()
        StoryIndex().sync(in_window)
        build = time.perf_counter() - start
        rng = np.random.default_rng(total)
        index = StoryIndex()  # kept from report to report, as `newscheck watch` keeps it
        times, joined = [], 0
        for k in range(probes + 1):
            target = total - 1 - int(rng.integers(0, PER_DAY * 5))
            noise = rng.normal(size=DIM).astype(np.float32) * 0.01
            vector = (vectors[target] + noise) / np.linalg.norm(vectors[target] + noise)
            article = Article(id=f"anew{k:08x}", input=f"new/{k}.txt", text=texts[target],
                              published=today)
            member = Member(report=f"rnew{k}", article=article.id, version=1,
                            date=today.isoformat())
            start = time.perf_counter()
            got = assign([(member, Analysis(article=article, vector=vector))], store,
                         settings, clusterer=clusterer, analyses_of=extractions.analyses,
                         today=today, index=index)
            if k:  # the first call builds the index (measured above)
                times.append(time.perf_counter() - start)
                joined += got[0].story == f"s{target:010x}"
        store.close()
        rows.append([f"{total:,}", len(in_window), read * 1000, build * 1000,
                     statistics.median(times) * 1000, f"{joined}/{probes}"])
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="2,000 stories only; print only")
    args = ap.parse_args(argv)
    sizes = [2_000] if args.quick else [2_000, 20_000]
    workdir = Path(tempfile.mkdtemp(prefix="newscheck-follow-"))
    try:
        assignment = _assignment_figures(workdir, sizes)
        ingest = _ingest_figures(workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    text = "\n".join([
        "## Following the news (`newscheck ingest`)\n",
        f"`python -m benchmarks.bench_follow` on {machine()}.\n",
        "Ingest of the bundled examples into a fresh SQLite store (seconds):\n",
        table(["step", "reports", "s", "s per report"], ingest),
        ("\nPlacing one new report among synthetic stories (100 new stories a day; window "
         "±7 days), milliseconds: reading the window's stories, building the usearch index "
         "of the window (once per `ingest`; `watch` keeps it and adds only changed "
         "stories), and placing one report with the index kept (read the window, sync the "
         "index, query it, run the story decider on the candidates), median of 20.\n"),
        table(["stories in the store", "stories in the window", "read window",
               "build index", "place one report", "joined the right story"], assignment),
        "",
    ])
    print(text)
    if not args.quick:
        (SECTIONS / "follow.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
