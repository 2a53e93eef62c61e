"""Throughput of ``newscheck batch``, local engine against Ray, and the driver's blocking at scale.

The corpus is made of real reports from ``../shared/data``: NewsWCL50, BASIL-dev and ECB+
in equal shares (a third each, so about 600 words a report on average), drawn in a seeded
order. A corpus larger than the sources repeats them: each repeat gets its own URL (so its
own id) and a published date moved by ``SHIFT_DAYS`` per round, so that a repeat is a new
event to blocking and not a copy of its first reading; reports without a date get one per
topic. The text is never changed.

Each run is ``python -m newscheck.cli batch`` in a subprocess. CPU time is that of the
whole process tree (the driver and every Ray process), sampled from /proc every half
second; wall time is printed beside the machine's load, since the machine may be shared.

``--index-sizes`` measures the one corpus-wide step on the driver, blocking
(:class:`newscheck.batch.blocking.BlockIndex`), on synthetic entries (lead names drawn from
a Zipf law over a large vocabulary, dates over a year) at sizes no parse could reach here.

    python -m benchmarks.bench_batch --sizes 1000 --engines local,ray
    python -m benchmarks.bench_batch --sizes 0 --index-sizes 100000,1000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from benchmarks.common import main_guard, require, table

SEED = 11
SHIFT_DAYS = 40
SOURCES = (
    ("newswcl50", "newswcl50_documents.jsonl"),
    ("basil_dev", "basil_dev_documents.jsonl"),
    ("ecbplus_docs", "ecbplus_documents.jsonl"),
)
BASE_DATE = dt.date(2020, 1, 1)


# --------------------------------------------------------------------------- corpus


def _source_records() -> list[list[dict]]:
    out = []
    for folder, name in SOURCES:
        rows = [json.loads(line) for line in require(folder, name).open(encoding="utf-8")]
        random.Random(SEED).shuffle(rows)
        out.append(rows)
    return out


def _record(row: dict, source: str, round_: int) -> dict:
    """A corpus record of a source row, in its ``round_``-th repeat."""
    key = row.get("id") or row.get("doc_id")
    if row.get("published"):
        day = dt.date.fromisoformat(row["published"][:10])
    else:  # one date per topic or event, so a topic's reports block together
        topic = row.get("topic") or row.get("event_id") or 0
        day = BASE_DATE + dt.timedelta(days=int(str(topic).strip("ecb")[:4] or 0) % 300)
    day += dt.timedelta(days=SHIFT_DAYS * round_)
    return {
        "title": row.get("title"), "text": row["text"],
        "outlet": row.get("outlet") or row.get("outlet_code") or source,
        "url": f"https://corpus.example/{source}/{key}/r{round_}",
        "published": day.isoformat(),
    }


def build_corpus(n: int, path: Path) -> dict:
    """Write ``n`` records to ``path``; how many words and repeats it holds."""
    sources = _source_records()
    taken = [0] * len(sources)
    words = 0
    with path.open("w", encoding="utf-8") as f:
        for k in range(n):
            s = k % len(sources)
            rows = sources[s]
            round_, at = divmod(taken[s], len(rows))
            taken[s] += 1
            record = _record(rows[at], SOURCES[s][0], round_)
            words += len(record["text"].split())
            f.write(json.dumps(record) + "\n")
    return {"records": n, "words": words,
            "rounds": max(t // len(r) + (t % len(r) > 0) for t, r in zip(taken, sources))}


# --------------------------------------------------------------------------- CPU of a tree


def _proc_cpu(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of a process, from /proc."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    tick = os.sysconf("SC_CLK_TCK")
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / tick


class TreeCpu:
    """Samples the CPU time of a process and all its descendants until stopped."""

    def __init__(self, root: int, every: float = 0.5) -> None:
        self.root, self.every = root, every
        self.seen: dict[int, float] = {}
        self.peak_rss_mib = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every)

    def _sample(self) -> None:
        procs = {}
        for name in os.listdir("/proc"):
            if name.isdigit() and (info := _proc_cpu(int(name))) is not None:
                procs[int(name)] = info
        tree, rss = {self.root}, 0.0
        grew = True
        while grew:
            grew = False
            for pid, (ppid, _) in procs.items():
                if ppid in tree and pid not in tree:
                    tree.add(pid)
                    grew = True
        for pid in tree:
            if pid in procs:
                self.seen[pid] = max(self.seen.get(pid, 0.0), procs[pid][1])
                rss += _rss_mib(pid)
        self.peak_rss_mib = max(self.peak_rss_mib, rss)

    def stop(self) -> float:
        self._stop.set()
        self._thread.join()
        return sum(self.seen.values())


def _rss_mib(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def run_batch(corpus: Path, engine: str, out: Path) -> dict:
    cmd = [sys.executable, "-m", "newscheck.cli", "batch", str(corpus), "--out", str(out),
           "--engine", engine]
    load0 = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = TreeCpu(proc.pid)
    _, err = proc.communicate()
    wall = time.perf_counter() - start
    cpu = sampler.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"batch --engine {engine} failed: {err.strip()[-500:]}")
    summary = err.strip().splitlines()[-1]
    reasons: Counter = Counter()
    with out.open(encoding="utf-8") as f:
        for line in f:
            for s in json.loads(line)["skipped"]:
                reasons[s["reason"].split(":")[0].split(" as ")[0]] += 1
    return {"engine": engine, "wall": wall, "cpu": cpu, "rss_mib": sampler.peak_rss_mib,
            "load": (load0 + os.getloadavg()[0]) / 2, "summary": summary,
            "skipped": dict(reasons)}


# --------------------------------------------------------------------------- blocking at scale


def index_child(n: int) -> dict:
    """Blocking of ``n`` synthetic entries: seconds, blocks, largest block, peak RSS."""
    import numpy as np

    from newscheck.batch.blocking import BlockIndex, Entry
    from newscheck.settings import BatchSettings

    rng = np.random.default_rng(SEED)
    settings = BatchSettings()
    vocabulary = max(1000, n // 2)
    with tempfile.TemporaryDirectory() as folder:
        index = BlockIndex(Path(folder) / "blocks.sqlite", settings)
        start = time.process_time()
        chunk = 64
        for c in range(0, n, chunk):
            entries = []
            for k in range(c, min(n, c + chunk)):
                names = np.minimum(rng.zipf(1.3, size=5), vocabulary)
                bucket = int(rng.integers(0, 365)) // settings.window_days
                keys = sorted({f"p:{x}@{b}" for x in names for b in (bucket, bucket + 1)})
                entries.append(Entry(id=f"a{k}", input=f"corpus#{k}", keys=tuple(keys)))
            index.add(c // chunk, entries)
        added = time.process_time() - start
        blocks = index.form_blocks()
        sizes = index.sizes()
        total = time.process_time() - start
        index.close()
    return {"n": n, "add_cpu": added, "block_cpu": total - added, "blocks": blocks,
            "largest": max(sizes), "singletons": sum(s == 1 for s in sizes),
            "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


# --------------------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000")
    parser.add_argument("--engines", default="local,ray")
    parser.add_argument("--index-sizes", default="")
    parser.add_argument("--json", help="append every result to this JSON Lines file")
    parser.add_argument("--index-child", type=int)
    args = parser.parse_args()
    if args.index_child:
        print(json.dumps(index_child(args.index_child)))
        return
    results = []
    for n in [int(x) for x in args.sizes.split(",") if int(x) > 0]:
        with tempfile.TemporaryDirectory() as folder:
            corpus = Path(folder) / f"corpus-{n}.jsonl"
            info = build_corpus(n, corpus)
            for engine in args.engines.split(","):
                r = run_batch(corpus, engine, Path(folder) / f"{engine}.jsonl") | info
                results.append(r)
                _emit(r, args.json)
    for n in [int(x) for x in args.index_sizes.split(",") if x]:
        out = subprocess.run([sys.executable, "-m", "benchmarks.bench_batch", "--index-child",
                              str(n)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1]) | {"engine": "blocking"}
        results.append(r)
        _emit(r, args.json)
    runs = [r for r in results if r["engine"] != "blocking"]
    if runs:
        print(table(
            ["articles", "words", "engine", "wall s", "load", "CPU-s", "CPU-s/article",
             "articles/s (wall)", "peak RSS MiB"],
            [[r["records"], r["words"], r["engine"], f"{r['wall']:.0f}", f"{r['load']:.1f}",
              f"{r['cpu']:.0f}", f"{r['cpu'] / r['records']:.3f}",
              f"{r['records'] / r['wall']:.2f}", f"{r['rss_mib']:.0f}"] for r in runs],
        ))
    blocking = [r for r in results if r["engine"] == "blocking"]
    if blocking:
        print(table(
            ["entries", "add CPU-s", "blocking CPU-s", "blocks", "largest", "peak RSS MiB"],
            [[r["n"], f"{r['add_cpu']:.1f}", f"{r['block_cpu']:.1f}", r["blocks"],
              r["largest"], f"{r['rss_mib']:.0f}"] for r in blocking],
        ))


def _emit(result: dict, path: str | None) -> None:
    print(json.dumps(result), file=sys.stderr, flush=True)
    if path:
        with open(path, "a", encoding="utf-8") as f:
            f.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main_guard(main)
