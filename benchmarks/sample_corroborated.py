"""A seeded random sample of corroborated claims from a development-set run, for a hand check.

    python -m benchmarks.sample_corroborated [--dataset newswcl50|basil_dev] [--seed 2026]
        [--n 30] [--out FILE]

Runs ``newscheck analyze`` on the set's JSON Lines file in ``../shared/data`` (as a user
does), draws ``n`` corroborated claims with ``random.Random(seed)``
and writes each with every cited sentence, for a reader to mark whether every cited report
states the same fact. The verdicts written by hand live in docs/handcheck-corroboration.md.
"""

from __future__ import annotations

import argparse
import json
import random

from .common import main_guard, require


def sample(seed: int = 2026, n: int = 30, dataset: str = "newswcl50"
           ) -> tuple[int, list[tuple[str, dict]]]:
    """(number of corroborated claims in the run, the sampled (story id, claim) pairs)."""
    from newscheck.context import Context
    from newscheck.pipeline import analyze
    from newscheck.report import to_json

    from .bench_newswcl50 import DEV_SETS

    path = require(*DEV_SETS[dataset][1])
    report = json.loads(to_json(analyze([str(path)], ctx=Context())))
    corroborated = [
        (s["id"], c) for s in report["stories"] for c in s["claims"] if c["status"] == "corroborated"
    ]
    return len(corroborated), random.Random(seed).sample(corroborated, min(n, len(corroborated)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="newswcl50", choices=("newswcl50", "basil_dev"))
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--n", type=int, default=30)
    parser.add_argument("--out", help="write the sample as Markdown to this file")
    args = parser.parse_args()
    total, drawn = sample(args.seed, args.n, args.dataset)
    lines = [f"{len(drawn)} of {total} corroborated claims (seed {args.seed})", ""]
    for k, (sid, claim) in enumerate(drawn, start=1):
        basis = f", {claim['basis']}" if claim.get("basis") else ""
        lines.append(f"{k}. {sid}/{claim['id']} ({claim['independent_sources']} sources{basis})")
        lines += [f"   - {e['article']}: {e['sentence']}" for e in claim["evidence"]]
    text = "\n".join(lines) + "\n"
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    print(text)


if __name__ == "__main__":
    main_guard(main)
