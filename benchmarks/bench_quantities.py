"""Quantity extraction on NewsQuant (590 news sentences, 904 gold quantities).

Runs :func:`newscheck.extract.quantities.find_quantities` and quantulum3 on the same sentences
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

Gold vocabulary: the gold names a price in pence ("164p") a ``point`` and writes a
share in words ("a third", "half") as a proportion with a unit ``% <concept>``; our
pence (GBP x 0.01) and percent readings are mapped to those, as currency codes are.
Matching takes exact values and equal range ends first, then a predicted interval inside
a vague gold range, so a vague gold entry cannot take a number another entry names.

Held out: the extraction rules were written looking at the first 400 sentences only;
sentences 400-589 are reported on their own as the held-out figure.

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
from newscheck.extract.quantities import DAY_FACTORS, find_quantities

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


# Our unit names -> the gold's name of the same unit.
SAME_UNIT = {"tonne": "ton", "gigatonne": "gigaton"}


@dataclass(frozen=True, slots=True)
class Pred:
    """A prediction in the gold's terms: value(s) per candidate unit."""

    values: dict[str | None, float]  # unit name (None = bare count) -> value in that unit
    low: float
    high: float
    approx: str = ""
    # unit name -> factor from low/high to that unit (durations: days to hours, years...)
    factors: dict[str | None, float] | None = None

    def bounds(self, unit: str | None) -> tuple[float, float]:
        f = (self.factors or {}).get(unit, 1.0)
        return self.low * f, self.high * f


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


def value_match(gold: tuple[float, float], p: Pred, value: float, unit: str | None = None,
                strict: bool = False) -> bool:
    """Whether a prediction's value (in ``unit``) matches a gold value or range.

    ``strict`` admits only equal values or equal range ends, not a predicted interval
    that merely lies inside a gold range: scoring takes the strict matches first, so a
    vague gold range ("thousands") does not take a number another gold entry names.
    """
    lo, hi = gold
    if lo == hi:
        return close(value, lo)
    low, high = p.bounds(unit)
    if not (math.isfinite(low) and math.isfinite(high)) or low >= high:
        return False
    if close(low, lo) and close(high, hi):
        return True
    return not strict and lo * (1 - TOL) <= low and high <= hi * (1 + TOL)


def ours(text: str) -> list[Pred]:
    out = []
    for q in find_quantities(text):
        if q.kind == "duration":
            values = {u: q.value / f for u, f in DAY_FACTORS.items()}
            factors = {u: 1 / f for u, f in DAY_FACTORS.items()}
            out.append(Pred(values=values, low=q.low, high=q.high, approx=q.approx,
                            factors=factors))
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
        factors: dict[str | None, float] = {}
        if q.kind == "money" and re.search(r"cents?|pence|\dp\b", q.text) and not per:
            values |= {"cent": q.value * 100, "penny": q.value * 100}
            factors |= {"cent": 100.0, "penny": 100.0}
            if re.search(r"\dp\b", q.text):
                # the gold (built on quantulum3) names a price in pence "164p" a "point"
                values |= {"point": q.value * 100}
                factors |= {"point": 100.0}
        if q.kind == "percent" and not per:
            # the gold writes shares in words ("a third", "half") as proportions, unit "% ..."
            values |= {"%": q.value / 100}
            factors |= {"%": 0.01}
        out.append(Pred(values=values, low=q.low, high=q.high, approx=q.approx,
                        factors=factors))
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
        return gold_unit not in NON_COUNT and not gold_unit.startswith("%")
    if unit == "%":
        return gold_unit.startswith("% ")
    return unit == gold_unit or SAME_UNIT.get(unit) == gold_unit


def score(gold: list[dict], preds: list[Pred], use_unit: bool) -> tuple[int, int, int]:
    """(true positives, predicted, gold) for one sentence."""
    used: set[int] = set()
    matched: set[int] = set()
    tp = 0
    for strict in (True, False):
        for k, g in enumerate(gold):
            if k in matched:
                continue
            gv = parse_gold_value(g["value"])
            for i, p in enumerate(preds):
                if i in used:
                    continue
                if any(value_match(gv, p, value, unit, strict)
                       and (not use_unit or unit_ok(g["normalized_unit"], unit))
                       for unit, value in p.values.items()):
                    used.add(i)
                    matched.add(k)
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
                    hit = [p for p in preds if any(value_match(gv, p, v, u)
                                                   for u, v in p.values.items())]
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


HELD_OUT = 400  # the rules were written looking at sentences before this index only


def main() -> None:
    res = evaluate(errors="--errors" in sys.argv)
    dev = evaluate(HELD_OUT, with_quantulum=False)
    held = evaluate(start=HELD_OUT)
    rows = []
    for part, r_all in (("all 590", res), (f"development (0-{HELD_OUT - 1})", dev),
                        (f"held out ({HELD_OUT}-589)", held)):
        for name in ("ours", "quantulum3"):
            if name not in r_all:
                continue
            r = r_all[name]
            rows.append([part, name, r["value_p"], r["value_r"], r["value_f1"], r["unit_p"],
                         r["unit_r"], r["unit_f1"], f"{r['seconds']:.1f}"])
    body = table(
        ["sentences", "system", "value P", "value R", "value F1", "value+unit P",
         "value+unit R", "value+unit F1", "seconds"],
        rows,
    )
    body += (
        f"\n\n{res['sentences']} sentences. Approximation agreement (ours, on value matches"
        f" whose gold change is =, ~, < or >): {res['approx_accuracy']:.3f}.\n\n"
        "Matching: values within 0.5 % (gold ranges: both ends, or inside the range for"
        " vague amounts), one-to-one; units in the gold's vocabulary (currency codes and"
        " 'percent' mapped to its names, durations converted back from days); a bare count"
        " matches any gold unit that is a counted noun; exact matches are taken before"
        " matches inside a vague gold range; gold pence ('point') and proportions ('% ...')"
        " are mapped to our pence and percent readings. The same rules score quantulum3."
        f" The rules were written looking at the first {HELD_OUT} sentences only: the"
        " held-out row is the honest figure for unseen news."
    )
    write_section("quantities", "Quantities: NewsQuant", "python -m benchmarks.bench_quantities",
                  body)


if __name__ == "__main__":
    main_guard(main)
