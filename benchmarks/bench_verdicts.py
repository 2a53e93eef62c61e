"""Verdicts on both development sets with verdict gold, with and without the trained judges.

For NewsWCL50 (10 events x 5 outlets) and BASIL-dev (24 events x NYT, Fox News, HuffPost),
runs the whole pipeline as ``newscheck analyze`` does, once with the judges the settings
name (the trained fact and same-event judges) and once with ``judges.fact = "none"`` and
``judges.event = "none"`` (the rules and the logistic pair judge alone), and scores each
report with ``../shared/verdicts/score.py``. CPU time (this process, user + system) is
measured for each run in the same process, so the judges' share of the cost is read side by
side.

    python -m benchmarks.bench_verdicts [--only newswcl50|basil_dev] [--no-baseline]
"""

from __future__ import annotations

import argparse
import dataclasses
import time

from .bench_newswcl50 import DEV_SETS, verdict_scores
from .common import Skip, main_guard, table, write_section


def _context(judges: bool):
    from newscheck.context import Context
    from newscheck.settings import JudgeSettings, Settings

    settings = Settings()
    if not judges:
        settings = dataclasses.replace(settings, judges=JudgeSettings(fact="none", event="none"))
    return Context(settings=settings)


def run(dataset: str, judges: bool) -> dict:
    ctx = _context(judges)
    # models load before the clock starts: both runs pay for their own parse and embedding
    ctx.nlp, ctx.embedder  # noqa: B018
    if judges:
        ctx.judges, ctx.event_judge  # noqa: B018
    t0 = time.process_time()
    v = verdict_scores(ctx, dataset)
    v["cpu_s"] = time.process_time() - t0
    return v


def row(name: str, v: dict) -> list[str]:
    return [
        name,
        f"{v.get('found_clear', 0)}/{v.get('gold_clear', 0)}",
        (f"{v.get('found_clear', 0) + v.get('found_arguable', 0)}"
         f"/{v.get('gold_clear', 0) + v.get('gold_arguable', 0)}"),
        f"{v.get('reported', 0)}",
        f"{v['precision']:.2f}",
        f"{v.get('reported_trap', 0)}",
        f"{v.get('corr_found', 0)}/{v.get('corr_gold', 0)}",
        f"{v.get('corr_trap', 0)}",
        f"{v.get('corroborated_reported', 0)}",
        f"{v['cpu_s']:.1f}",
    ]


HEADER = ["run", "clear conflicts", "all conflicts", "reported", "precision", "on traps",
          "corroborations", "corr. on traps", "corroborated claims", "CPU s"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", choices=sorted(DEV_SETS))
    ap.add_argument("--no-baseline", action="store_true", help="skip the run without judges")
    args = ap.parse_args()
    rows = []
    for dataset in [args.only] if args.only else list(DEV_SETS):
        try:
            with_judges = run(dataset, True)
            rows.append(row(f"{dataset}, judges", with_judges))
            if not args.no_baseline:
                without = run(dataset, False)
                rows.append(row(f"{dataset}, rules only", without))
                share = with_judges["cpu_s"] / max(1e-9, without["cpu_s"]) - 1
                rows.append([f"{dataset}: judges' CPU share", "", "", "", "", "", "", "", "",
                             f"{100 * share:+.0f}%"])
        except Skip as exc:
            print(f"skipped {dataset}: {exc}")
    text = table(HEADER, rows) + (
        "\n\n\"rules only\" is the same engine with `judges.fact` and `judges.event` set to "
        "`none`: the pair judge decides \"same fact\" and the standing and time rules of "
        "`verdicts/confidence.py` still assess conflicts. CPU is this process's user + system "
        "time for the whole analysis, models loaded before the clock starts. The issue's "
        "budget (the judges add at most 30% on BASIL-dev) is read on the basil_dev row; "
        "NewsWCL50 has five reports a story, so more pairs per claim."
    )
    print(text)
    write_section("verdicts-dev", "Verdicts on the development gold, with and without the "
                  "judges", "python -m benchmarks.bench_verdicts", text)


if __name__ == "__main__":
    main_guard(main)
