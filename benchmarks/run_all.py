"""Run every benchmark and assemble docs/benchmarks.md (``make bench``).

Each benchmark writes its own section (docs/benchmarks/<name>.md) or skips with a one-line
reason when ../shared/data is absent; a failing benchmark is reported and the rest go on.
"""

from __future__ import annotations

import importlib
import sys
import time

from .common import ROOT, SECTIONS, Skip, machine

BENCHMARKS = [
    ("clean", "benchmarks.bench_clean"),
    ("extraction", "benchmarks.bench_extraction"),
    ("stories", "benchmarks.bench_stories"),
    ("quotes", "benchmarks.bench_quotes"),
    ("quantities", "benchmarks.bench_quantities"),
    ("stance", "benchmarks.bench_stance"),
    ("fever", "benchmarks.bench_fever"),
    ("pairs", "benchmarks.bench_pairs"),
    ("newswcl50", "benchmarks.bench_newswcl50"),
    ("judges", "benchmarks.bench_judges"),
    ("verdicts-dev", "benchmarks.bench_verdicts"),
    ("entities", "benchmarks.bench_entities"),
    ("brief", "benchmarks.bench_brief"),
    ("speed", "benchmarks.bench_speed"),
    ("profile", "benchmarks.bench_profile"),
    ("robust", "benchmarks.bench_robust"),
    ("load", "benchmarks.bench_load"),
    ("follow", "benchmarks.bench_follow"),
]

HEADER = """# Benchmarks

Quality and speed of newscheck on real, third-party news data (read from `../shared/data`,
never copied into this repository). Every figure below names the command that produced it;
`make bench` reruns them all and rewrites this file.

"""


def main() -> int:
    failed = []
    for name, module in BENCHMARKS:
        start = time.monotonic()
        print(f"== {name}", flush=True)
        try:
            mod = importlib.import_module(module)
            mod.main()
        except Skip as exc:
            print(f"skipped: {exc}")
        except Exception as exc:  # noqa: BLE001 - report and go on with the others
            print(f"FAILED: {name}: {exc!r}", file=sys.stderr)
            failed.append(name)
        print(f"== {name} done in {time.monotonic() - start:.0f} s", flush=True)
    assemble()
    return 1 if failed else 0


def assemble() -> None:
    parts = [HEADER, f"Last full run: {machine()}.\n"]
    for name, _ in BENCHMARKS:
        path = SECTIONS / f"{name}.md"
        if path.exists():
            parts.append(path.read_text(encoding="utf-8"))
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
