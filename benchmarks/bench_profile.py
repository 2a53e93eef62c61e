"""Where ``analyze`` spends its CPU: the whole pipeline beside a bare spaCy parse, by stage.

The corpus is 100 real-length reports: the 72 of BASIL-dev and the first 28 of NewsWCL50
(``../shared/data``; BASIL-dev holds 72 reports, not 100). Each measurement runs in its own
subprocess, alternating, ``--repeat`` times, and reads CPU time (user + system of the whole
process, every thread included), not wall time: the machine may be shared.

- ``analyze``: ``pipeline.analyze_documents`` on the documents, models loaded first (the
  load is reported apart), as ``newscheck analyze`` runs it;
- ``spacy``: the same texts through a bare ``spacy.load(models.spacy).pipe`` (all its
  components), the floor every analysis pays;
- ``stages``: ``analyze`` again with each stage's CPU counted apart (exclusive: a stage
  inside another is not counted twice). The lead embedding, which normally runs on a second
  thread beside the parse, runs inline here so that the process clock can be split;
- ``profile``: cProfile of the same run (inline embedding), the functions that hold the
  most CPU of their own.

    python -m benchmarks.bench_profile                # 2 repeats, writes docs/benchmarks/profile.md
    python -m benchmarks.bench_profile --repeat 1 --no-write
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import json
import pstats
import resource
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import Future

from benchmarks.bench_speed import _TimedNlp
from benchmarks.common import main_guard, require, table, write_section

BASIL_REPORTS = 72
WCL_REPORTS = 28


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _documents():
    from newscheck.ingest.read import read_documents
    from newscheck.settings import IngestSettings

    basil = require("basil_dev", "basil_dev_documents.jsonl")
    wcl = require("newswcl50", "newswcl50_documents.jsonl")
    docs, _ = read_documents([str(basil)], IngestSettings())
    more, _ = read_documents([str(wcl)], IngestSettings())
    return docs[:BASIL_REPORTS] + more[:WCL_REPORTS]


# --------------------------------------------------------------------------- stage clock


class CpuClock:
    """Exclusive process CPU per stage (valid when one thread works at a time)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._stack: list[list[float]] = []

    @contextlib.contextmanager
    def stage(self, name: str) -> Iterator[None]:
        frame = [_cpu(), 0.0]
        self._stack.append(frame)
        try:
            yield
        finally:
            self._stack.pop()
            total = _cpu() - frame[0]
            self.seconds[name] += total - frame[1]
            if self._stack:
                self._stack[-1][1] += total

    def wrap(self, name: str, fn: Callable) -> Callable:
        def timed(*args, **kwargs):
            with self.stage(name):
                return fn(*args, **kwargs)

        return timed


class _InlinePool:
    """A ThreadPoolExecutor stand-in that runs each task at once, in the caller's thread."""

    def __init__(self, *args, **kwargs) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        return None

    def submit(self, fn, *args, **kwargs) -> Future:
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(exc)
        return future


def _targets():
    """(owner, attribute, stage) of every function the stage clock wraps."""
    from newscheck import align, entities, pipeline, stories, verdicts
    from newscheck.compose import brief, positions, sources, timeline
    from newscheck.engines.embed import MiniLMOnnx
    from newscheck.engines.judges.event import EventJudge
    from newscheck.engines.judges.fact import FactJudge
    from newscheck.extract import claims, frames, quotes, stage
    from newscheck.ingest import clean, copies

    return [
        (clean, "to_article", "clean"), (clean, "find_furniture", "clean"),
        (copies, "find_copies", "copies"),
        (stage, "sentences_of", "extract: sentences"),
        (quotes, "extract_quotes", "extract: quotes"),
        (claims, "extract_claims", "extract: claims"),
        (claims, "find_quantities", "extract: quantities"),
        (claims, "find_times", "extract: times"), (claims, "find_roles", "extract: roles"),
        (frames, "extract_frames", "extract: frames"),
        (stage, "entities_of", "extract: sentences"),
        (MiniLMOnnx, "embed_with_tokens", "MiniLM embed"),
        (FactJudge, "score", "fact judge"),
        (EventJudge, "probabilities", "event judge"),
        (stories, "group_stories", "stories"),
        (align, "align_claims", "align"),
        (entities, "resolve", "entities"),
        (verdicts, "judge_story", "verdicts (rules)"),
        (sources, "score_sources", "compose"), (timeline, "build_timeline", "compose"),
        (positions, "build_positions", "compose"), (brief, "build_brief", "compose"),
        (pipeline, "build_story", "cross-check (other)"),
    ]  # fmt: skip


@contextlib.contextmanager
def _instrumented(ctx, clock: CpuClock | None) -> Iterator[None]:
    """Inline embedding, and (with a clock) every stage function wrapped."""
    from newscheck.extract import stage

    saved = [(owner, attr, getattr(owner, attr)) for owner, attr, _ in _targets()]
    pool, nlp = stage.ThreadPoolExecutor, ctx.nlp
    stage.ThreadPoolExecutor = _InlinePool
    try:
        if clock is not None:
            for owner, attr, name in _targets():
                setattr(owner, attr, clock.wrap(name, getattr(owner, attr)))
            ctx._nlp = _TimedNlp(nlp, clock)  # counts each parsed document as "parse"
        yield
    finally:
        for owner, attr, fn in saved:
            setattr(owner, attr, fn)
        stage.ThreadPoolExecutor, ctx._nlp = pool, nlp


def _loaded_context():
    """A context with every model loaded (parser, embedder, judges)."""
    from newscheck.context import Context

    ctx = Context()
    _ = ctx.nlp, ctx.embedder, ctx.judges, ctx.event_judge
    judge = ctx.judges.fact
    if judge is not None:
        judge.score([("Warm-up sentence.", "Another one.")])
    return ctx


# --------------------------------------------------------------------------- children


def child_analyze() -> dict:
    from newscheck.pipeline import analyze_documents

    docs = _documents()
    ctx = _loaded_context()
    loaded = _cpu()
    start = time.perf_counter()
    report = analyze_documents(docs, ctx)
    return {"cpu": _cpu() - loaded, "load_cpu": loaded, "rss_mib": _rss_mib(),
            "wall": time.perf_counter() - start, "articles": len(report.articles),
            "words": sum(a.words for a in report.articles)}


def child_spacy() -> dict:
    import spacy

    from newscheck.context import Context
    from newscheck.pipeline import clean_documents
    from newscheck.settings import Settings

    articles, _ = clean_documents(_documents(), Context())
    nlp = spacy.load(Settings().models.spacy)
    loaded = _cpu()
    start = time.perf_counter()
    for _doc in nlp.pipe([a.text for a in articles], batch_size=4):
        pass
    return {"cpu": _cpu() - loaded, "load_cpu": loaded, "rss_mib": _rss_mib(),
            "wall": time.perf_counter() - start, "pipes": nlp.pipe_names}


def child_stages() -> dict:
    from newscheck.pipeline import analyze_documents

    docs = _documents()
    ctx = _loaded_context()
    clock = CpuClock()
    with _instrumented(ctx, clock):
        start = _cpu()
        with clock.stage("other (wiring)"):
            analyze_documents(docs, ctx)
        total = _cpu() - start
    return {"cpu": total, "stages": dict(clock.seconds)}


def child_profile() -> dict:
    from newscheck.pipeline import analyze_documents

    docs = _documents()
    ctx = _loaded_context()
    profiler = cProfile.Profile(_cpu)
    with _instrumented(ctx, None):
        profiler.enable()
        analyze_documents(docs, ctx)
        profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    rows = []
    for (path, line, name), (_cc, calls, tottime, cumtime, _callers) in stats.stats.items():
        rows.append((tottime, cumtime, calls, f"{path.rsplit('/', 2)[-1]}:{line} {name}"))
    rows.sort(reverse=True)
    return {"top": rows[:20]}


CHILDREN = {"analyze": child_analyze, "spacy": child_spacy, "stages": child_stages,
            "profile": child_profile}


def _run_child(name: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks.bench_profile", "--child", name],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--child", choices=sorted(CHILDREN))
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(CHILDREN[args.child]()))
        return
    runs: dict[str, list[dict]] = defaultdict(list)
    for _ in range(args.repeat):
        for name in ("analyze", "spacy"):
            runs[name].append(_run_child(name))
            print(name, runs[name][-1], file=sys.stderr, flush=True)
    stages = _run_child("stages")
    profile = _run_child("profile")
    body = _body(runs, stages, profile, args.repeat)
    if args.no_write:
        print(body)
    else:
        write_section("profile", "Where analyze spends its CPU",
                      f"python -m benchmarks.bench_profile --repeat {args.repeat}", body)


def _span(values: list[float], fmt: str = "{:.1f}") -> str:
    lo, hi = min(values), max(values)
    return fmt.format(lo) if abs(hi - lo) < 0.05 else f"{fmt.format(lo)}-{fmt.format(hi)}"


def _body(runs: dict[str, list[dict]], stages: dict, profile: dict, repeat: int) -> str:
    a, s = runs["analyze"], runs["spacy"]
    words = a[0]["words"]
    ratio = [x["cpu"] / y["cpu"] for x, y in zip(a, s, strict=True)]
    side = table(
        ["run", "CPU-s (warm)", "model load CPU-s", "peak RSS MiB", "CPU-ms per 100 words"],
        [
            ["newscheck analyze", _span([r["cpu"] for r in a]),
             _span([r["load_cpu"] for r in a]), _span([r["rss_mib"] for r in a], "{:.0f}"),
             _span([100_000 * r["cpu"] / words for r in a], "{:.0f}")],
            ["bare spaCy nlp.pipe", _span([r["cpu"] for r in s]),
             _span([r["load_cpu"] for r in s]), _span([r["rss_mib"] for r in s], "{:.0f}"),
             _span([100_000 * r["cpu"] / words for r in s], "{:.0f}")],
        ],
    )
    total = stages["cpu"]
    rows = sorted(stages["stages"].items(), key=lambda kv: -kv[1])
    breakdown = table(["stage", "CPU-s", "share"],
                      [[k, f"{v:.1f}", f"{100 * v / total:.0f} %"] for k, v in rows])
    top = table(["own CPU-s", "with callees", "calls", "function"],
                [[f"{t:.2f}", f"{c:.2f}", n, f"`{name}`"] for t, c, n, name in profile["top"]])
    return (
        f"{a[0]['articles']} reports ({BASIL_REPORTS} BASIL-dev, {WCL_REPORTS} NewsWCL50), "
        f"{words:,} words; {repeat} alternating runs of each, CPU time of the whole process "
        f"(all threads).\n\n{side}\n\n**analyze / spaCy floor: {_span(ratio, '{:.1f}')}x.** "
        f"spaCy components: {', '.join(s[0]['pipes'])}.\n\n"
        f"### By stage (one run, lead embedding inline, {total:.1f} CPU-s)\n\n{breakdown}\n\n"
        f"### Functions holding the most CPU of their own (cProfile, one run)\n\n{top}\n"
    )


if __name__ == "__main__":
    main_guard(main)
