"""Load on the HTTP server: 50 concurrent clients on 127.0.0.1 (not a timed unit test).

Starts ``newscheck serve`` as a real process with an empty store, seeds one analysis of the
examples, then runs ``--clients`` threads at once, each with its own HTTP connection:

- ``--small`` clients each submit an analysis of three short reports of their own,
- ``--large`` clients each submit every file of ``examples/`` plus one report of their own,
- all clients then read: the analyses list (paged), the seeded analysis, its report as
  Markdown, one of its articles, ``/healthz``; ``--reads`` requests each.

Submitting clients poll their analysis to the end and check that the report holds exactly
the reports they sent (each carries a marker word unique to its client): an analysis with
another client's report in it, or missing one of its own, is a mix-up. Reported: errors,
mix-ups, p50/p95/max latency per request kind, analysis turnaround, and the server's peak
memory (resident set of the server process, sampled every 0.1 s).

    python -m benchmarks.bench_load [--clients 50] [--small 10] [--large 2] [--reads 20]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

import httpx

from .common import ROOT, Skip, main_guard, table, write_section

EXAMPLES = ROOT / "examples"
TOPICS = (
    ("the city council", "approved a new budget for road repairs", "councillors"),
    ("the regional water board", "announced limits on garden watering", "officials"),
    ("the university", "opened a new library wing after two years of work", "staff"),
    ("the harbour authority", "delayed the reopening of the northern pier", "engineers"),
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _report(marker: str, n: int) -> dict:
    """A short invented report carrying ``marker`` (a word no other client uses)."""
    who, what, people = TOPICS[n % len(TOPICS)]
    text = (
        f"On Tuesday {who} {what}, {people} said in a statement. "
        f"The decision, known locally as the {marker} plan, follows months of debate. "
        f"Residents told reporters that the {marker} plan had been discussed at three "
        "public meetings and that most speakers supported it. "
        f"A spokesperson said the work would begin next month and take about {n + 2} weeks."
    )
    return {"title": f"{who.capitalize()} backs {marker} plan", "text": text,
            "outlet": f"Load Test Gazette {n}"}


class Recorder:
    """Latencies by request kind, errors and mix-ups, from many threads."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.mixups: list[str] = []
        self.turnaround: list[float] = []

    def call(self, client: httpx.Client, kind: str, method: str, url: str, **kw):
        start = time.perf_counter()
        try:
            r = client.request(method, url, **kw)
        except httpx.HTTPError as exc:
            with self.lock:
                self.errors.append(f"{kind}: {type(exc).__name__}: {exc}")
            return None
        elapsed = time.perf_counter() - start
        with self.lock:
            self.latency[kind].append(elapsed)
            if r.status_code >= 400:
                self.errors.append(f"{kind}: HTTP {r.status_code}: {r.text[:200]}")
        return r if r.status_code < 400 else None


def _wait_done(rec: Recorder, client: httpx.Client, analysis_id: str, limit: float) -> dict:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        r = rec.call(client, "poll", "GET", f"/api/analyses/{analysis_id}")
        if r is not None:
            body = r.json()
            if body["status"] in ("done", "failed"):
                return body
        time.sleep(0.5)
    return {"status": "timeout"}


def _client(n: int, role: str, base: str, seeded: dict, args, rec: Recorder) -> None:
    rng = random.Random(n)
    marker = f"zq{n:03d}x"
    with httpx.Client(base_url=base, timeout=args.timeout) as client:
        mine: set[str] = set()
        analysis_id = None
        started = time.monotonic()
        if role == "small":
            reports = [_report(marker, k) for k in range(3)]
            mine = {r["title"] for r in reports}
            r = rec.call(client, "submit small", "POST", "/api/analyses", json=reports)
            analysis_id = r.json()["id"] if r is not None else None
        elif role == "large":
            files = [("files", (p.name, p.read_bytes())) for p in sorted(EXAMPLES.iterdir())]
            own = _report(marker, n)
            files.append(("files", (f"{marker}.txt", f"Title: {own['title']}\n\n{own['text']}".encode())))
            mine = {own["title"]}
            r = rec.call(client, "submit large", "POST", "/api/analyses", files=files)
            analysis_id = r.json()["id"] if r is not None else None
        reads = [
            ("list", "GET", f"/api/analyses?limit=10&offset={rng.randrange(0, 3)}"),
            ("analysis", "GET", f"/api/analyses/{seeded['id']}"),
            ("report.md", "GET", f"/api/analyses/{seeded['id']}/report.md"),
            ("article", "GET", f"/api/articles/{rng.choice(seeded['articles'])}"),
            ("healthz", "GET", "/healthz"),
        ]
        for _ in range(args.reads):
            kind, method, url = rng.choice(reads)
            rec.call(client, kind, method, url)
        if analysis_id is None:
            return
        body = _wait_done(rec, client, analysis_id, args.analysis_limit)
        with rec.lock:
            rec.turnaround.append(time.monotonic() - started)
        if body["status"] != "done":
            with rec.lock:
                rec.errors.append(f"analysis {analysis_id} of client {n}: {body['status']}")
            return
        titles = {a["title"] for a in body["report"]["articles"]}
        markers = {
            w for a in body["report"]["articles"] for w in (a["title"] or "").split()
            if w.startswith("zq") and w.endswith("x")
        }
        if not mine <= titles or markers - {marker}:
            with rec.lock:
                rec.mixups.append(
                    f"client {n}: sent {sorted(mine)}, got markers {sorted(markers)}"
                )


def _pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, round(p * (len(values) - 1)))]


def _sample_memory(pid: int, stop: threading.Event, peak: list[int]) -> None:
    import psutil

    proc = psutil.Process(pid)
    while not stop.is_set():
        try:
            rss = proc.memory_info().rss + sum(
                c.memory_info().rss for c in proc.children(recursive=True)
            )
        except psutil.Error:
            break
        peak[0] = max(peak[0], rss)
        time.sleep(0.1)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--small", type=int, default=10, help="clients that submit 3 reports")
    ap.add_argument("--large", type=int, default=2, help="clients that submit the examples")
    ap.add_argument("--reads", type=int, default=20, help="reads per client")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per request")
    ap.add_argument("--analysis-limit", type=float, default=900.0)
    args = ap.parse_args(argv)
    try:
        import psutil  # noqa: F401 - the memory sampler needs it; fail before starting
    except ImportError:
        raise Skip("psutil is not installed (make bench installs it)") from None
    if args.small + args.large > args.clients:
        ap.error("--small plus --large cannot exceed --clients")

    workdir = Path(tempfile.mkdtemp(prefix="newscheck-load-"))
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    exe = Path(sys.executable).with_name("newscheck")
    log = (workdir / "server.log").open("w")
    server = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--db", str(workdir / "load.db")],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "NEWSCHECK_DB": ""},
    )
    stop = threading.Event()
    peak = [0]
    sampler = threading.Thread(target=_sample_memory, args=(server.pid, stop, peak), daemon=True)
    sampler.start()
    rec = Recorder()
    try:
        with httpx.Client(base_url=base, timeout=args.timeout) as c:
            deadline = time.monotonic() + 180
            while True:
                try:
                    if c.get("/healthz").json().get("models") == "loaded":
                        break
                except httpx.HTTPError:
                    pass
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"server did not start; see {workdir / 'server.log'}")
                time.sleep(0.5)
            files = [("files", (p.name, p.read_bytes())) for p in sorted(EXAMPLES.iterdir())]
            seeded_id = c.post("/api/analyses", files=files).json()["id"]
            body = _wait_done(rec, c, seeded_id, args.analysis_limit)
            if body["status"] != "done":
                raise SystemExit(f"seed analysis {body['status']}; see {workdir / 'server.log'}")
            seeded = {"id": seeded_id, "articles": [a["id"] for a in body["report"]["articles"]]}
        rec.latency.clear()
        roles = ["small"] * args.small + ["large"] * args.large
        roles += ["read"] * (args.clients - len(roles))
        threads = [
            threading.Thread(target=_client, args=(n, role, base, seeded, args, rec))
            for n, role in enumerate(roles)
        ]
        start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.monotonic() - start
    finally:
        stop.set()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()

    rows = []
    every: list[float] = []
    for kind in sorted(rec.latency):
        values = rec.latency[kind]
        every += values
        rows.append([kind, len(values), f"{_pct(values, 0.5) * 1000:.0f}",
                     f"{_pct(values, 0.95) * 1000:.0f}", f"{max(values) * 1000:.0f}"])
    rows.append(["all", len(every), f"{_pct(every, 0.5) * 1000:.0f}",
                 f"{_pct(every, 0.95) * 1000:.0f}", f"{max(every) * 1000:.0f}"])
    body = (
        f"{args.clients} concurrent clients on 127.0.0.1 against one `newscheck serve` process "
        f"(SQLite store; analyses run one at a time): {args.small} submit an analysis of 3 short "
        f"reports, {args.large} submit the {len(list(EXAMPLES.iterdir()))} example files plus "
        f"one report of their own, and every client makes {args.reads} reads (analyses list, "
        "one analysis with its report, the report as Markdown, one article, health).\n\n"
        + table(["request", "n", "p50 ms", "p95 ms", "max ms"], rows)
        + "\n\n"
        + table(
            ["figure", "value"],
            [
                ["wall time", f"{wall:.1f} s"],
                ["errors", len(rec.errors)],
                ["results mixed up between clients", len(rec.mixups)],
                ["analysis turnaround p50 / max (submit to done, queued behind the others)",
                 f"{statistics.median(rec.turnaround):.1f} s / {max(rec.turnaround):.1f} s"
                 if rec.turnaround else "n/a"],
                ["server peak memory (RSS)", f"{peak[0] / 2**20:.0f} MiB"],
            ],
        )
    )
    for line in (rec.errors + rec.mixups)[:10]:
        print("  ", line)
    write_section("load", "Server under load", "python -m benchmarks.bench_load", body)
    shutil.rmtree(workdir, ignore_errors=True)
    if rec.errors or rec.mixups:
        raise SystemExit(1)


if __name__ == "__main__":
    main_guard(main)
