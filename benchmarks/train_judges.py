"""Rebuild both trained judges from ``../shared/data`` (seeded):

* the same-event judge (``benchmarks/train_event_judge.py``: ECB+, numpy, about a minute);
* the fact judge (``benchmarks/train_nli_judge.py``: a MiniLM cross-encoder fine-tuned on
  SNLI, MultiNLI, FEVER-NLI, Breaking NLI, MRPC and STS-B; needs torch, so it runs in the
  training environment ``make judges-env`` creates, about an hour on 2 CPU cores).

    make judges                       # both, each in its environment
    python -m benchmarks.train_judges [--only event|fact] [fact options...]

The files written (``src/newscheck/engines/judges/event_judge.npz``, ``fact_judge.onnx``,
``fact_judge.json``) are committed; their held-out figures go to ``docs/judges.md``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Rebuild the trained judges.")
    ap.add_argument("--only", choices=("event", "fact"), help="rebuild one judge only")
    ap.add_argument("--train-python", default=str(ROOT / ".venv-train" / "bin" / "python"),
                    help="the Python with torch for the fact judge (make judges-env)")
    args, rest = ap.parse_known_args(argv)
    if args.only in (None, "event"):
        from . import train_event_judge
        from .common import Skip

        try:
            train_event_judge.main([])
        except Skip as exc:
            print(f"skipped the same-event judge: {exc}", file=sys.stderr)
    if args.only in (None, "fact"):
        python = Path(args.train_python)
        if not python.exists():
            print(f"the fact judge trains with torch: run `make judges-env` first ({python} "
                  "is absent)", file=sys.stderr)
            return 2
        # the shipped recipe: stage 1 on every set, then a short MRPC pass with replay
        stages = [[], ["--polish", "--epochs", "1", "--lr", "2e-5"]]
        for stage in stages:
            code = subprocess.call(
                [str(python), "-m", "benchmarks.train_nli_judge", *stage, *rest], cwd=ROOT
            )
            if code:
                return code
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
