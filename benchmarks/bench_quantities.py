"""Quantity extraction on NewsQuant (590 news sentences, 904 gold quantities).

Runs :func:`newscheck.quantities.find_quantities` and quantulum3 on the same sentences
in the same run and scores both with the same rules:

* **value F1**: a predicted quantity matches a gold one when the values agree within a
  relative tolerance of 0.5 % (one-to-one, greedy in text order). A gold range
  ``a-b`` matches a predicted interval ``[low, high]`` whose ends agree with ``a`` and
  ``b``, or which lies inside ``[a, b]`` (vague amounts: "thousands of" is 1,000-10,000
  in the gold, 2,000-9,999 here).
* **value+unit F1**: the value matches as above *and* the unit does. Units are compared
  in the gold's normalised vocabulary: our currency codes map to its names (``USD`` ->
  ``dollar``, ``GBP`` -> ``pound sterling``...), ``percent`` -> ``percentage``; our
  durations (in days) match a gold ``second``/``minute``/``hour``/``day``/``week``/
  ``month``/``year`` after converting the value back to that unit. A bare count (our
  unit ``""``, quantulum3's ``dimensionless``) matches any gold unit that is not a
  physical, money, percent or time unit, i.e. a counted noun ("people", "staff",
  "count", "-"). quantulum3 already speaks the gold's vocabulary (the gold was built
  on it), so its unit names are compared as they are.

Run ``python -m benchmarks.bench_quantities`` (add ``--errors`` to list our misses).
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
from dataclasses import dataclass

from benchmarks.common import main_guard, require, table, write_section
from newscheck.quantities import DAY_FACTORS, find_quantities

TOL = 0.005

CURRENCY_NAMES = {
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "japanese yen",
    "CNY": "chinese yuan", "AUD": "australian dollar", "CAD": "canadian dollar",
    "HKD": "hong kong dollar", "NZD": "new zealand dollar", "SGD": "singapore dollar",
    "INR": "indian rupee", "MYR": "malaysian ringgit", "ILS": "shekel", "CHF": "swiss franc",
    "KRW": "south korean won", "BRL": "brazilian real",
}
# Gold units a bare count must not match: money, percent, time and physical units.
NON_COUNT = set(CURRENCY_NAMES.values()) | set(DAY_FACTORS) | {
    "percentage", "percentage point", "basis point", "point", "year of age", "cent", "sen",
    "pound sterling", "penny", "mile", "kilometre", "metre", "centimetre", "millimetre",
    "micrometre", "nanometre", "inch", "foot", "yard", "kilogram", "gram", "milligram",
    "pound-mass", "ton", "tonne", "gigatonne", "gigaton", "ounce", "litre", "millilitre",
    "gallon", "barrel", "barrel per day", "mile per hour", "kilometre per hour",
    "mile per gallon", "metre per second", "square metre", "square foot", "square feet",
    "square kilometre", "square mile", "acre", "hectare", "kilowatt", "megawatt",
    "gigawatt", "watt", "volt", "kilowatt hour", "megawatt hour", "gigawatt hour",
    "terawatt hour", "milliampere-hour", "horsepower", "pound-foot", "foot pound-force",
    "newton-metre", "revolutions per minute", "gigabyte", "terabyte", "megabyte",
    "hertz", "kilohertz", "megahertz", "gigahertz", "celsius", "fahrenheit", "degree",
    "calorie", "megapixel", "gigapascal", "kilopound per square inch", "parts-per-billion",
}


@dataclass(frozen=True, slots=True)
class Pred:
    """A prediction in the gold's terms: value(s) per candidate unit."""

    values: dict[str | None, float]  # unit name (None = bare count) -> value in that unit
    low: float
    high: float
    approx: str = ""


def parse_gold_value(v: str) -> tuple[float, float]:
    """(low, high) of a gold value ("300", "200.0-4000000.0", "1.99E-29", "-260")."""
    m = re.fullmatch(r"(-?[\d.]+(?:[Ee]-?\d+)?)\s*-\s*(-?[\d.]+(?:[Ee]-?\d+)?)", v.strip())
    if m:
        a, b = float(m.group(1)), float(m.group(2))
        return min(a, b), max(a, b)
    x = float(v)
    return x, x


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=TOL, abs_tol=1e-9)


def value_match(gold: tuple[float, float], p: Pred, value: float) -> bool:
    lo, hi = gold
    if lo == hi:
        return close(value, lo)
    if not (math.isfinite(p.low) and math.isfinite(p.high)) or p.low >= p.high:
        return False
    if close(p.low, lo) and close(p.high, hi):
        return True
    return lo * (1 - TOL) <= p.low and p.high <= hi * (1 + TOL)


def ours(text: str) -> list[Pred]:
    out = []
    for q in find_quantities(text):
        if q.kind == "duration":
            values = {u: q.value / f for u, f in DAY_FACTORS.items()}
            out.append(Pred(values=values, low=q.low, high=q.high, approx=q.approx))
            continue
        base, _, per = q.unit.partition(" per ")
        if base == "":
            name = None
        elif q.kind == "money":
            name = CURRENCY_NAMES.get(base, base)
        elif base == "percent":
            name = "percentage"
        elif base == "times":
            name = "count"
        else:
            name = base
        if per and name is not None:
            name = f"{name} per {per}"
        values = {name: q.value}
        if q.unit == "percentage point":
            values |= {"percentage": q.value, "point": q.value}
        if q.unit == "pound-foot":
            values |= {"foot pound-force": q.value}
        if q.kind == "money" and re.search(r"cents?|pence|\dp\b", q.text) and not per:
            values |= {"cent": q.value * 100, "penny": q.value * 100}
        out.append(Pred(values=values, low=q.low, high=q.high, approx=q.approx))
    return out


def quantulum(parser, text: str) -> list[Pred]:
    out = []
    try:
        found = parser.parse(text)
    except Exception:  # noqa: BLE001 - quantulum3 raises on some inputs: no prediction
        return out
    for q in found:
        name = q.unit.name
        unc = q.uncertainty or 0.0
        values = {None if name == "dimensionless" else name: q.value}
        out.append(Pred(values=values, low=q.value - unc, high=q.value + unc))
    return out


def unit_ok(gold_unit: str, unit: str | None) -> bool:
    if unit is None:
        return gold_unit not in NON_COUNT
    return unit == gold_unit or (unit == "tonne" and gold_unit == "ton")


def score(gold: list[dict], preds: list[Pred], use_unit: bool) -> tuple[int, int, int]:
    """(true positives, predicted, gold) for one sentence."""
    used: set[int] = set()
    tp = 0
    for g in gold:
        gv = parse_gold_value(g["value"])
        for i, p in enumerate(preds):
            if i in used:
                continue
            hit = False
            for unit, value in p.values.items():
                if value_match(gv, p, value) and (
                    not use_unit or unit_ok(g["normalized_unit"], unit)
                ):
                    hit = True
                    break
            if hit:
                used.add(i)
                tp += 1
                break
    return tp, len(preds), len(gold)


def f1(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


APPROX_OK = {
    "=": {"exact", "range", "ordinal"},
    "~": {"about", "nearly"},
    ">": {"more_than", "at_least"},
    "<": {"less_than", "at_most", "nearly"},
}


def evaluate(limit: int | None = None, with_quantulum: bool = True,
             errors: bool = False, start: int = 0) -> dict:
    """Score ours (and quantulum3) on sentences ``start`` to ``limit`` of NewsQuant.

    Args:
        limit: Index after the last sentence scored (None: to the end).
        with_quantulum: Also score quantulum3 on the same sentences.
        errors: Print each sentence where ours disagrees with the gold.
        start: Index of the first sentence scored (the rules were written on the first
            400, so ``start=400`` gives a held-out figure).

    Returns:
        ``{"ours": {...}, "quantulum3": {...}, "sentences": n, "approx_accuracy": x}``;
        each system has ``value_p/r/f1``, ``unit_p/r/f1`` and ``seconds``.
    """
    path = require("newsquant", "NewsQuant.json")
    items = json.loads(path.read_text(encoding="utf-8"))[start:limit]
    systems = {"ours": ours}
    if with_quantulum:
        from quantulum3 import parser

        parser.parse("warm up 3 km")  # loads its models once, outside the timing
        systems["quantulum3"] = lambda text: quantulum(parser, text)
    result: dict = {"sentences": len(items)}
    for name, fn in systems.items():
        counts = {"value": [0, 0, 0], "unit": [0, 0, 0]}
        approx_hits = approx_total = 0
        t0 = time.perf_counter()
        all_preds = [fn(item["text"]) for item in items]
        seconds = time.perf_counter() - t0
        for item, preds in zip(items, all_preds):
            for key, use_unit in (("value", False), ("unit", True)):
                tp, np_, ng = score(item["quantities"], preds, use_unit)
                for k, v in enumerate((tp, np_, ng)):
                    counts[key][k] += v
            if name == "ours":
                for g in item["quantities"]:
                    gv = parse_gold_value(g["value"])
                    ok = APPROX_OK.get(g["change"])
                    if ok is None:
                        continue
                    hit = [p for p in preds if any(value_match(gv, p, v)
                                                   for v in p.values.values())]
                    if hit:
                        approx_total += 1
                        approx_hits += hit[0].approx in ok
            if errors and name == "ours":
                tp, np_, ng = score(item["quantities"], preds, True)
                if tp < max(np_, ng):
                    print("---", item["text"])
                    print("   gold:", [(g["value"], g["normalized_unit"])
                                       for g in item["quantities"]])
                    print("   ours:", [(q.text, q.value, q.unit, q.approx)
                                       for q in find_quantities(item["text"])])
        res = {"seconds": seconds}
        for key in ("value", "unit"):
            p, r, f = f1(*counts[key])
            res |= {f"{key}_p": p, f"{key}_r": r, f"{key}_f1": f}
        result[name] = res
        if name == "ours":
            result["approx_accuracy"] = approx_hits / approx_total if approx_total else 0.0
    return result


def main() -> None:
    res = evaluate(errors="--errors" in sys.argv)
    rows = []
    for name in ("ours", "quantulum3"):
        r = res[name]
        rows.append([name, r["value_p"], r["value_r"], r["value_f1"], r["unit_p"],
                     r["unit_r"], r["unit_f1"], f"{r['seconds']:.1f}"])
    body = table(
        ["system", "value P", "value R", "value F1", "value+unit P", "value+unit R",
         "value+unit F1", "seconds"],
        rows,
    )
    body += (
        f"\n\n{res['sentences']} sentences. Approximation agreement (ours, on value matches"
        f" whose gold change is =, ~, < or >): {res['approx_accuracy']:.3f}.\n\n"
        "Matching: values within 0.5 % (gold ranges: both ends, or inside the range for"
        " vague amounts), one-to-one; units in the gold's vocabulary (currency codes and"
        " 'percent' mapped to its names, durations converted back from days); a bare count"
        " matches any gold unit that is a counted noun. The same rules score quantulum3."
    )
    write_section("quantities", "Quantities: NewsQuant", "python -m benchmarks.bench_quantities",
                  body)


if __name__ == "__main__":
    main_guard(main)
