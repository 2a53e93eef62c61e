"""Speed and scale: throughput, time per stage and peak memory as the corpus grows.

Synthetic corpora are built in memory from the real reports in ``../shared/data`` (ECB+,
NewsWCL50, POLNEAR): every source report is cut into paragraphs, and each synthetic
article is one real first sentence as its headline plus 5-9 paragraphs drawn with a seeded
generator from *different* source reports, so no two articles are copies of one another
and the text has the length, vocabulary and syntax of real news. Nothing is written to
the project; the cold command-line run writes its six files under the system temporary
folder.

Every measurement runs in its own subprocess so that peak memory (``ru_maxrss``) of one
size does not mix with another's, and model loading is kept out of the throughput:

- end to end: ``pipeline.analyze_documents`` on ``Document`` objects (ingest I/O is left
  out; the cold command-line run below includes it), with each stage timed by wrapping
  the stage functions (time is exclusive: a stage called inside another is not counted
  twice);
- the corpus-wide stages alone (clean with site-furniture detection, ``copies.find_copies``
  and ``stories.group_stories``) at sizes where parsing every article would take hours:
  their inputs are light analyses (regex sentences of the lead, capitalised-name
  entities, and story vectors that are a fixed random projection of tf-idf hashed word
  counts of the lead paragraphs) instead of spaCy and MiniLM output;
- a story of six reports analysed in a warm process, and a cold command-line call.

The growth exponent of time and memory is the slope of a least-squares line through
(log N, log value).

    python -m benchmarks.bench_speed                 # full run, writes docs/benchmarks/speed.md
    python -m benchmarks.bench_speed --quick         # small sizes, prints only
    python -m benchmarks.bench_speed --sizes 100,300 --corpus-sizes 1000,10000
    python -m benchmarks.bench_speed --before old.json   # adds a before/after table
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import json
import math
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np

from benchmarks.common import ROOT, main_guard, require, table, write_section

SEED = 7
OUTLETS = 24
_SENT = re.compile(r"[^.!?]+(?:[.!?]+[\"'”’)]*|$)")
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[A-Z\"“‘(])")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})")
STORY_FILES = (
    "meridian_wire.txt", "northshore_ledger.txt", "caldera_herald.html",
    "coastline_business_journal.html", "calderanow24.txt", "westport_star.txt",
)


# --------------------------------------------------------------------------- corpus


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENT_END.split(text) if s.strip()]


def _paragraphs(text: str, blank_lines: bool) -> list[str]:
    """Paragraphs of a source report; a report without line breaks is cut every 3 sentences."""
    if blank_lines:
        parts = re.split(r"\n\s*\n", text)
    elif "\n" in text:
        parts = text.split("\n")
    else:
        sents = _sentences(text)
        parts = [" ".join(sents[i : i + 3]) for i in range(0, len(sents), 3)]
    return [" ".join(p.split()) for p in parts if 15 <= len(p.split()) <= 150]


def load_sources() -> list[tuple[str, list[str]]]:
    """``(headline, paragraphs)`` of every real source report with at least 3 paragraphs."""
    out: list[tuple[str, list[str]]] = []
    for parts in (("ecbplus_docs", "ecbplus_documents.jsonl"),
                  ("newswcl50", "newswcl50_documents.jsonl")):
        with require(*parts).open(encoding="utf-8") as fh:
            for line in fh:
                text = json.loads(line)["text"]
                sents = _sentences(text)
                if sents:
                    out.append((sents[0], _paragraphs(text, blank_lines=False)))
    polnear = require("polnear", "data")
    for path in sorted(glob.glob(str(polnear / "*" / "text" / "*.txt"))):
        text = Path(path).read_text(encoding="utf-8", errors="replace")
        head, _, body = text.partition("\n")
        out.append((" ".join(head.split()), _paragraphs(body, blank_lines=True)))
    return [(h, ps) for h, ps in out if len(ps) >= 3 and 4 <= len(h.split()) <= 40]


def make_corpus(n: int, sources: Sequence[tuple[str, list[str]]], seed: int = SEED):
    """``n`` synthetic articles: ``(headline, paragraphs, outlet, day)`` each."""
    rng = np.random.default_rng(seed)
    out = []
    for k in range(n):
        head = sources[int(rng.integers(len(sources)))][0]
        picks = rng.choice(len(sources), size=int(rng.integers(5, 10)), replace=False)
        paras = [sources[p][1][int(rng.integers(len(sources[p][1])))] for p in picks]
        out.append((head, paras, f"Outlet {k % OUTLETS}", int(rng.integers(0, 30))))
    return out


def make_documents(n: int, sources, seed: int = SEED):
    import datetime as dt

    from newscheck.model import Document

    base = dt.date(2024, 3, 1)
    return [
        Document(
            input=f"synthetic/{k}.txt", text="\n\n".join(paras), format="txt", title=head,
            outlet=outlet, published=base + dt.timedelta(days=day),
        )
        for k, (head, paras, outlet, day) in enumerate(make_corpus(n, sources, seed))
    ]


# --------------------------------------------------------------------------- stage timing


class StageClock:
    """Exclusive wall time per stage: a stage running inside another is not counted twice."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._local = threading.local()  # one stack per thread: embedding has its own

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        stack = self._local.__dict__.setdefault("stack", [])
        frame = [time.perf_counter(), 0.0]  # start, time spent in nested stages
        stack.append(frame)
        try:
            yield
        finally:
            stack.pop()
            total = time.perf_counter() - frame[0]
            self.seconds[name] += total - frame[1]
            self.calls[name] += 1
            if stack:
                stack[-1][1] += total

    def wrap(self, name: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            with self.stage(name):
                return fn(*args, **kwargs)

        return timed


class _TimedNlp:
    """The spaCy pipeline with ``pipe`` timed as the ``parse`` stage (lazy generator)."""

    def __init__(self, nlp, clock: StageClock) -> None:
        self._nlp, self._clock = nlp, clock

    def __getattr__(self, name):
        return getattr(self._nlp, name)

    def pipe(self, texts, **kwargs):
        it = iter(self._nlp.pipe(texts, **kwargs))
        while True:
            with self._clock.stage("parse"):
                doc = next(it, None)
            if doc is None:
                return
            yield doc


class _TimedEmbedder:
    def __init__(self, embedder, clock: StageClock) -> None:
        self._e, self._clock = embedder, clock
        self.dim = embedder.dim
        self.sentences = 0

    def embed(self, texts):
        self.sentences += len(texts)
        with self._clock.stage("embed"):
            return self._e.embed(texts)


@contextlib.contextmanager
def instrumented(ctx, clock: StageClock) -> Iterator[_TimedEmbedder]:
    """Wrap the stage functions the pipeline calls (by module attribute) with ``clock``."""
    from newscheck import (
        align,
        brief,
        claims,
        copies,
        extract,
        frames,
        pipeline,
        positions,
        quotes,
        sources,
        stories,
        timeline,
        verdicts,
    )

    targets = [
        (pipeline, "clean_documents", "clean"),
        (copies, "find_copies", "copies"),
        (extract, "analyze_articles", "extract (other)"),
        (extract, "complete_embeddings", "extract (other)"),
        (quotes, "extract_quotes", "quotes"),
        (claims, "extract_claims", "claims"),
        (frames, "extract_frames", "frames"),
        (stories, "group_stories", "stories"),
        (align, "align_claims", "align"),
        (verdicts, "judge", "verdicts"),
        (sources, "score_sources", "sources"),
        (timeline, "build_timeline", "brief"),
        (positions, "build_positions", "brief"),
        (brief, "build_brief", "brief"),
        (pipeline, "build_story", "cross-check (other)"),
    ]
    saved = [(mod, attr, getattr(mod, attr)) for mod, attr, _ in targets]
    nlp, embedder = ctx.nlp, ctx.embedder
    timed_embedder = _TimedEmbedder(embedder, clock)
    try:
        for mod, attr, name in targets:
            setattr(mod, attr, clock.wrap(name, getattr(mod, attr)))
        ctx._nlp, ctx._embedder = _TimedNlp(nlp, clock), timed_embedder
        yield timed_embedder
    finally:
        for mod, attr, fn in saved:
            setattr(mod, attr, fn)
        ctx._nlp, ctx._embedder = nlp, embedder


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --------------------------------------------------------------------------- workers


def _warm_context():
    from newscheck.context import Context
    from newscheck.model import Document
    from newscheck.pipeline import analyze_documents

    ctx = Context()
    warm = Document(
        input="warm.txt", format="txt", title="Council approves bridge repair",
        text="The city council approved the bridge repair on Monday, officials said. "
        "\"We cannot wait another winter,\" Mayor Ana Ruiz told reporters.\n\n"
        "Ruiz said the work would cost 4 million dollars and take two months. Traffic will "
        "use the old ferry road while the crews from Harlan Construction are on site.",
    )
    analyze_documents([warm], ctx)
    return ctx


def work_e2e(n: int) -> dict:
    """Whole pipeline on ``n`` synthetic documents, models loaded beforehand."""
    from newscheck.pipeline import analyze_documents

    docs = make_documents(n, load_sources())
    ctx = _warm_context()
    rss_loaded = peak_rss_mb()
    clock = StageClock()
    with instrumented(ctx, clock) as emb:
        cpu0, t0 = time.process_time(), time.perf_counter()
        report = analyze_documents(docs, ctx)
        total, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    words = sum(a.words for a in report.articles)
    return {
        "n": n, "seconds": total, "cpu": cpu, "load": os.getloadavg()[0], "stages": dict(clock.seconds), "rss_mb": peak_rss_mb(),
        "rss_loaded_mb": rss_loaded, "articles": len(report.articles), "words": words,
        "stories": len(report.stories), "embedded": emb.sentences,
        "claims": sum(len(s.claims) for s in report.stories),
        "alone": sum(len(s.articles) == 1 for s in report.stories),
    }


def light_analyses(articles, lead: int):
    """Analyses without spaCy or MiniLM, for the corpus-wide stages at scale."""
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

    from newscheck.model import Analysis, Entity, Sentence

    out, leads = [], []
    for a in articles:
        sents: list[Sentence] = []
        for m in re.finditer(r"[^\n]+", a.text):
            for s in _SENT.finditer(m.group()):
                start = m.start() + s.start() + (len(s.group()) - len(s.group().lstrip()))
                end = m.start() + s.end()
                if end > start and len(sents) < lead + 3:
                    sents.append(Sentence(article=a.id, index=len(sents), start=start, end=end,
                                          text=a.text[start:end], paragraph=0,
                                          is_title=start < a.body_start))
        ents = tuple(
            Entity(text=e.group(1), label="PERSON" if " " in e.group(1) else "ORG",
                   start=e.start(1), end=e.end(1))
            for e in _NAME.finditer(a.text)
        )
        out.append(Analysis(article=a, sentences=tuple(sents), entities=ents))
        leads.append(" ".join(s.text for s in sents[:lead]))
    features = 2**15  # a few collisions do not matter; the projection stays at 50 MB
    counts = HashingVectorizer(n_features=features, alternate_sign=False, norm=None).transform(
        leads
    )
    tfidf = TfidfTransformer(sublinear_tf=True).fit_transform(counts)
    rng = np.random.default_rng(SEED)
    projection = rng.standard_normal((features, 384), dtype=np.float32)
    vectors = np.asarray(tfidf @ projection, dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    del projection
    import dataclasses

    return [dataclasses.replace(an, vector=v) for an, v in zip(out, vectors)]


def work_corpus(n: int, stories_max: int) -> dict:
    """Clean, copies and (up to ``stories_max`` articles) stories alone on ``n`` documents."""
    import dataclasses

    from newscheck import stories
    from newscheck.context import Context
    from newscheck.ingest import copies
    from newscheck.pipeline import clean_documents
    from newscheck.registry import make_clusterer

    docs = make_documents(n, load_sources())
    ctx = Context()
    out: dict = {"n": n, "rss_docs_mb": peak_rss_mb()}
    t0 = time.perf_counter()
    articles, _ = clean_documents(docs, ctx)
    out["clean"] = time.perf_counter() - t0
    del docs
    t0 = time.perf_counter()
    copy_of = copies.find_copies(articles, ctx.settings.copies)
    out["copies"] = time.perf_counter() - t0
    out["copies_found"] = len(copy_of)
    out["rss_copies_mb"] = peak_rss_mb()
    if n > stories_max:
        out["rss_mb"] = peak_rss_mb()
        return out
    articles = [dataclasses.replace(a, copy_of=copy_of.get(a.id)) for a in articles]
    t0 = time.perf_counter()
    analyses = light_analyses(articles, ctx.settings.stories.lead_sentences)
    out["prepare"] = time.perf_counter() - t0
    out["rss_prepared_mb"] = peak_rss_mb()
    calls = [0]
    block = stories.Similarity.block

    def counted(self, rows, cols):
        calls[0] += 1
        return block(self, rows, cols)

    stories.Similarity.block = counted
    t0 = time.perf_counter()
    clusterer = make_clusterer(ctx.settings.stories)
    groups = stories.group_stories(analyses, ctx.settings.stories, clusterer=clusterer)
    out["stories"] = time.perf_counter() - t0
    stories.Similarity.block = block
    out.update(rss_mb=peak_rss_mb(), groups=len(groups), largest=max(len(g) for g in groups),
               block_calls=calls[0])
    return out


def work_story(repeats: int = 3) -> dict:
    """Six reports of one story, analysed in a process whose models are loaded."""
    from newscheck.pipeline import analyze_documents, read_inputs

    ctx = _warm_context()
    docs, _ = read_inputs([str(ROOT / "examples" / f) for f in STORY_FILES], ctx)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        report = analyze_documents(docs, ctx)
        times.append(time.perf_counter() - t0)
    return {"seconds": statistics.median(times), "all": times, "docs": len(docs),
            "stories": len(report.stories)}


WORKERS = ("e2e", "corpus", "story")


def run_worker(kind: str, n: int = 0, stories_max: int = 10_000) -> dict:
    """Run one measurement in a fresh interpreter; its JSON result is the last stdout line."""
    cmd = [sys.executable, "-m", "benchmarks.bench_speed", "--worker", kind, "--n", str(n),
           "--stories-max", str(stories_max)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise RuntimeError(f"{kind} {n} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cold_cli() -> dict:
    """``newscheck analyze <6 files> -f json -q`` from a cold start, ingest included."""
    exe = ROOT / ".venv" / "bin" / "newscheck"
    files = [str(ROOT / "examples" / f) for f in STORY_FILES]
    cmd = [str(exe) if exe.exists() else "newscheck", "analyze", *files, "-f", "json", "-q"]
    times = []
    for _ in range(2):
        t0 = time.perf_counter()
        proc = subprocess.run(
            cmd, cwd=tempfile.gettempdir(), capture_output=True, text=True, check=False
        )
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise RuntimeError(f"cold CLI run failed:\n{proc.stderr[-2000:]}")
    return {"seconds": min(times), "all": times}


# --------------------------------------------------------------------------- report


def exponent(ns: Sequence[float], values: Sequence[float]) -> float:
    """Slope of log(value) against log(n) by least squares."""
    if len(ns) < 2:
        return float("nan")
    return float(np.polyfit(np.log(ns), np.log(values), 1)[0])


def _growth_note(e: float) -> str:
    if math.isnan(e):  # fewer than two sizes measured
        return "not measured"
    return "linear" if e < 1.2 else ("slightly super-linear" if e < 1.5 else "super-linear")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,300,1000", help="end-to-end corpus sizes")
    parser.add_argument("--corpus-sizes", default="1000,3000,10000,100000",
                        help="sizes for the corpus-wide stages alone")
    parser.add_argument("--stories-max", type=int, default=30_000,
                        help="largest corpus the story stage runs on (it is the slow one)")
    parser.add_argument("--quick", action="store_true", help="small sizes; do not write")
    parser.add_argument("--results", help="render saved results (JSON) instead of measuring")
    parser.add_argument("--before", help="saved results (JSON) of an earlier run to compare")
    parser.add_argument("--worker", choices=WORKERS, help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        if args.worker == "story":
            result = work_story()
        elif args.worker == "corpus":
            result = work_corpus(args.n, args.stories_max)
        else:
            result = work_e2e(args.n)
        print(json.dumps(result))
        return

    if args.results:
        saved = json.loads(Path(args.results).read_text(encoding="utf-8"))
        render(saved, args)
        return
    load_sources()  # raises Skip when the data is absent
    sizes = [int(x) for x in ("20,40" if args.quick else args.sizes).split(",")]
    csizes = [int(x) for x in ("300,1000" if args.quick else args.corpus_sizes).split(",")]

    e2e = []
    for n in sizes:
        r = run_worker("e2e", n)
        print(f"end to end {n}: {r['seconds']:.1f} s, {r['articles'] / r['seconds']:.2f} "
              f"articles/s, {r['rss_mb']:.0f} MB", file=sys.stderr)
        e2e.append(r)
    corpus = []
    for n in csizes:
        r = run_worker("corpus", n, args.stories_max)
        print(f"corpus stages {n}: clean {r['clean']:.1f} s, copies {r['copies']:.1f} s, "
              f"stories {r.get('stories', float('nan')):.1f} s, {r['rss_mb']:.0f} MB",
              file=sys.stderr)
        corpus.append(r)
    story = run_worker("story")
    cold = cold_cli()
    results = {"e2e": e2e, "corpus": corpus, "story": story, "cold": cold,
               "stories_max": args.stories_max}
    out = Path(tempfile.gettempdir()) / "newscheck-bench-speed.json"
    out.write_text(json.dumps(results), encoding="utf-8")
    print(f"raw results: {out} (re-render with --results {out})", file=sys.stderr)
    render(results, args)


def render(results: dict, args: argparse.Namespace) -> None:
    """Tables, exponents and targets from the measured results; writes the section."""
    e2e, corpus, story, cold = (results[k] for k in ("e2e", "corpus", "story", "cold"))
    stories_max = results["stories_max"]

    stage_names = sorted({k for r in e2e for k in r["stages"]},
                         key=lambda k: -max(r["stages"].get(k, 0) for r in e2e))
    rows = [
        [r["n"], r["articles"], r["words"], r["embedded"], r["stories"],
         f"{100 * r['alone'] / r['articles']:.0f}%" if "alone" in r else "-",
         f"{r['seconds']:.1f}",
         f"{r['cpu']:.1f}", f"{r['load']:.1f}", f"{r['articles'] / r['seconds']:.2f}",
         f"{r['words'] / r['seconds']:.0f}", f"{r['rss_mb']:.0f}"]
        for r in e2e
    ]
    e_time = exponent([r["articles"] for r in e2e], [r["seconds"] for r in e2e])
    e_mem = exponent([r["articles"] for r in e2e], [r["rss_mb"] for r in e2e])
    stage_rows = [
        [name, *(f"{r['stages'].get(name, 0):.2f}" for r in e2e),
         f"{100 * e2e[-1]['stages'].get(name, 0) / e2e[-1]['seconds']:.0f}%"]
        for name in stage_names
    ]
    stage_exp = {
        name: exponent([r["articles"] for r in e2e], [max(r["stages"].get(name, 0), 1e-6)
                                                      for r in e2e])
        for name in stage_names
    }
    def cell(r: dict, key: str, fmt: str = "{:.2f}") -> str:
        return fmt.format(r[key]) if key in r else "not run"

    crow = [
        [r["n"], cell(r, "clean"), cell(r, "copies"), cell(r, "stories"),
         cell(r, "block_calls", "{}"), cell(r, "rss_copies_mb", "{:.0f}"),
         cell(r, "rss_mb", "{:.0f}"), cell(r, "groups", "{}"), cell(r, "largest", "{}")]
        for r in corpus
    ]

    def fit(key: str) -> float:
        have = [r for r in corpus if key in r]
        return exponent([r["n"] for r in have], [max(r[key], 1e-6) for r in have])

    # Memory after clean and copies is comparable at every size (the story stage is not
    # run at the largest ones).
    cexp = {k: fit(k) for k in ("clean", "copies", "stories", "rss_copies_mb")}
    growth = [e for e in (e_time, cexp["stories"], cexp["copies"], cexp["clean"]) if not math.isnan(e)]
    throughput = e2e[-1]["articles"] / e2e[-1]["seconds"]
    peak_big = corpus[-1]["rss_mb"]

    body = f"""
### Corpus

Synthetic corpora built in memory from the real reports in ``../shared/data`` (ECB+
documents, NewsWCL50, POLNEAR texts): each source report is cut into paragraphs (blank
lines or line breaks; a report without breaks every three sentences; 15-150 words kept);
each synthetic article is one real first sentence as its headline plus 5-9 paragraphs drawn
by a seeded generator (seed {SEED}) from different source reports, in {OUTLETS} outlets
with published dates over 30 days. Articles therefore read like news but are not copies of
each other, and most do not form stories: the per-story cross-check sees small stories.

### End to end

``pipeline.analyze_documents`` on ``Document`` objects (no file I/O), models loaded and
warmed before the clock starts, one fresh process per size. "embedded" is the number of
sentences sent to MiniLM (the lead of every article, and every sentence of the articles
in stories of two or more reports). Peak RSS includes the loaded models
({e2e[0]['rss_loaded_mb']:.0f} MB after loading).

{table(["N", "articles", "words", "embedded", "stories", "alone", "wall s", "CPU s",
        "load", "articles/s", "words/s", "peak RSS MB"], rows)}

"alone" is the share of articles that are the only report of their story: only their
lead sentences are embedded.

"CPU s" is the process's CPU time (all threads) and "load" the one-minute load average
at the end of the run: the machine is shared, and a load above 2 means the wall time
includes waiting for a core.

Growth exponent (log-log least squares over N): time {e_time:.2f}, memory {e_mem:.2f}.

Time per stage in seconds (exclusive wall time; "extract (other)" is sentence splitting,
entities, the assembly of analyses and the wait for the last embeddings; "cross-check
(other)" is story titles and the report). Embedding runs on its own thread beside the
parse, quotes and claims, so the shares add up to more than 100 %:

{table(["stage", *(str(r["n"]) for r in e2e), f"share at {e2e[-1]['n']}"], stage_rows)}

Stage growth exponents: {", ".join(f"{k} {v:.2f}" for k, v in stage_exp.items())}.

### Corpus-wide stages alone

Clean (with furniture detection), ``copies.find_copies`` and ``stories.group_stories`` on
larger corpora. The story stage gets light analyses instead of spaCy and MiniLM output:
sentences of the lead by a regex, capitalised word runs as entities, and a story vector
that is a fixed Gaussian random projection (384 dimensions) of the tf-idf of hashed words
of the first five sentences. Building those inputs is not timed.

{table(["N", "clean s", "copies s", "stories s", "block calls", "RSS after copies MB",
        "peak RSS MB", "stories", "largest"], crow)}

The story stage runs up to {stories_max:,} articles ("not run" above that: see the
exponent). "block calls" counts ``Similarity.block`` calls (exact average linkage between
groups) in the story stage.

Growth exponents (log-log least squares over the sizes measured): {", ".join(f"{k} {v:.2f}" for k, v in cexp.items())}.

### Latency

- A story of six reports (``examples/``, the six single-report files of the Caldera story)
  analysed in a warm process: median {story['seconds']:.2f} s of
  {', '.join(f'{t:.2f}' for t in story['all'])}.
- Cold command line, ``newscheck analyze <6 files> -f json -q``, model loading and ingest
  included: {cold['seconds']:.2f} s (best of {', '.join(f'{t:.2f}' for t in cold['all'])}).

### Targets

| target | measured | met |
|---|---|---|
| >= 10 articles/s end to end | {throughput:.2f} at N={e2e[-1]['n']} | {"yes" if throughput >= 10 else "no"} |
| peak memory < 2 GiB at {corpus[-1]['n']:,} (corpus-wide stages) | {peak_big:.0f} MB{"" if "stories" in corpus[-1] else " (clean and copies; stories not run)"} | {"yes" if peak_big < 2048 else "no"} |
| growth near linear | end to end {e_time:.2f} ({_growth_note(e_time)}); stories {cexp['stories']:.2f} ({_growth_note(cexp['stories'])}), copies {cexp['copies']:.2f}, clean {cexp['clean']:.2f} | {"yes" if growth and max(growth) < 1.2 else "no"} |
| six reports warm < 1.5 s | {story['seconds']:.2f} s | {"yes" if story['seconds'] < 1.5 else "no"} |
| cold CLI < 6 s | {cold['seconds']:.2f} s | {"yes" if cold['seconds'] < 6 else "no"} |

### Where the time goes

Profiled with pyinstrument on 100 articles (before embedding became lazy). The
per-article stages dominate: MiniLM embedding (about 9 ms of CPU per sentence, 17-18
sentences an article) and the spaCy parse (about 5,800 tokens per CPU second; NER is its largest part, then
tok2vec; every component is used downstream, so none is disabled). Quotes and claims
are a few per cent; clean, copies, stories and the per-story cross-check are each at most
a few per cent at these sizes. Three changes to the per-article stage (outputs identical:
the same sentences, quotes, claims and entities, and bit-identical vectors):

- the embedder tokenises once without padding, sorts by *token* length and closes a model
  call when the next sentence would pad the call by over a quarter (before: sorted by
  character length, fixed calls of 64 padded to the longest), and embeds a repeated
  sentence once; 2.6 times faster on 420 sentences in isolation;
- embedding runs on a second thread in chunks of 64 sentences while the next articles
  are parsed (onnxruntime releases the GIL), with the onnxruntime pool told not to spin;
- spaCy parses in batches of 4, so the first chunk reaches the embedder early (the
  parse speed is the same at 4 and 16).

Embedding every sentence cost about 0.16 of the 0.25-0.3 CPU seconds of an article. Now
the extract stage embeds only each article's lead (``stories.lead_sentences`` sentences,
whose mean is the story vector), and the other sentences are embedded after the stories
are formed, only for articles in stories of two or more reports, where alignment compares
them (``extract.complete_embeddings``, called by the pipeline for runs of stories holding
about 512 sentences). The report is byte-identical on ``examples/`` (apart from
``generated_at``), and on the 1,000-article corpus all 486 stories came out identical
built from the lazy analyses and from fully embedded ones (a one-off check). An article
alone in its story now costs its parse and five sentence vectors; the spaCy parse (about
0.1 CPU s an article) is the largest cost left, so the throughput depends on the share
of articles that find a story ("alone" above; 22 % at 1,000, so most sentences are still
embedded there). The second embedding pass runs after the parse, not beside it: on an
idle machine onnxruntime spreads it over both cores (3.9 ms of wall time a sentence,
7.4 ms of CPU), but when another process holds a core it runs on one, as in the run
above, where CPU time about equals wall time.

Copies: ``find_copies`` used datasketch's ``MinHashLSHEnsemble``, which keeps every key in
the hash tables of an LSH index per (partition, rows per band), several hundred table
entries per report, plus one ``MinHash`` object per report: several GB at 100,000 reports.
It now samples 24 anchor shingles per report (the first under a seeded permutation of the
hash space), keeps postings of anchor shingles only, as two numpy arrays, and verifies
every report holding half of a report's anchors on the exact shingle sets; since a Jaccard
of 0.7 implies a containment of 0.82 of the smaller report, one containment search finds
both kinds of copy. Shingle hashes are computed with numpy from one CRC-32 per word (the
string hash of every shingle was 80 % of the stage). On the 10,000-article corpus with 40
planted copies (20 edited, 20 excerpts; a one-off check, not part of this script) both
versions return the same 40 pairs.

In the story stage, the time goes to ``AverageLinkage._attach_strays``, which calls
``Similarity.block`` once per (small group, neighbouring group): each call slices the
sparse feature matrices (about 1-2 ms of scipy overhead) and recomputes ``_has`` over all
rows, and the number of calls grows faster than N because pairs sharing an entity named by
at most ``block_max_df`` reports multiply as the corpus grows.

### Profiling

To see where the time goes: ``.venv/bin/pip install pyinstrument`` (not a project
dependency), then ``.venv/bin/pyinstrument -m benchmarks.bench_speed --worker e2e --n 100``.
"""
    if getattr(args, "before", None):
        before = json.loads(Path(args.before).read_text(encoding="utf-8"))
        body = body.replace("### Corpus\n", _compare(before, results) + "\n### Corpus\n", 1)
    if args.quick:
        print(body)
    else:
        write_section("speed", "Speed and scale", "python -m benchmarks.bench_speed", body)


def _compare(before: dict, after: dict) -> str:
    """A before/after table of the headline figures of two runs."""

    def e2e(r: dict, n: int) -> str:
        row = next((x for x in r["e2e"] if x["n"] == n), None)
        if row is None:
            return "not run"
        alone = f", {100 * row['alone'] / row['articles']:.0f}% alone" if "alone" in row else ""
        return f"{row['articles'] / row['seconds']:.2f} ({row['embedded']} embedded{alone})"

    def copies(r: dict, n: int) -> str:
        row = next((x for x in r["corpus"] if x["n"] == n), None)
        if row is None:
            return "not run"
        return f"{row['copies']:.1f} s, RSS after copies {row['rss_copies_mb']:.0f} MB"

    def load(r: dict) -> str:
        return ", ".join(f"{x['load']:.1f}" for x in r["e2e"])

    sizes = sorted({x["n"] for x in after["e2e"]} | {x["n"] for x in before["e2e"]})
    csizes = sorted({x["n"] for x in after["corpus"]} & {x["n"] for x in before["corpus"]})
    rows = [[f"articles/s end to end, N={n}", e2e(before, n), e2e(after, n)] for n in sizes]
    rows += [[f"copies at {n:,}", copies(before, n), copies(after, n)] for n in csizes]
    rows += [
        ["six reports, warm (median)", f"{before['story']['seconds']:.2f} s",
         f"{after['story']['seconds']:.2f} s"],
        ["cold CLI (best of 2)", f"{before['cold']['seconds']:.2f} s",
         f"{after['cold']['seconds']:.2f} s"],
        ["load average after each end-to-end size", load(before), load(after)],
    ]
    return f"""
### Before and after

Before: every sentence embedded during extraction, and copies found with datasketch's
``MinHashLSHEnsemble`` (128 permutations). After: only each article's lead embedded
during extraction and the other sentences only for articles in stories of two or more
reports; copies found from 24 anchor shingles per report with exact verification. Both
runs on the same corpora, in the same way, on the shared machine (load averages below).

{table(["figure", "before", "after"], rows)}
"""


if __name__ == "__main__":
    main_guard(main)
