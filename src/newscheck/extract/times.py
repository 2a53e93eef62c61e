"""Dates and relative times, resolved against the report's published date.

:func:`find_times` reads "on Tuesday", "last week", "two days ago", "in late March",
"March 3, 2026", "in 2024"... with hand-written patterns (more predictable than a general
date parser for the few forms news uses). Each :class:`~newscheck.model.TimeRef` gets a
``norm`` that compares even when unresolved ("weekday:tuesday", "last_week",
"ago:14d", "month:2026-03", "date:2026-03-03"), and, when the published date allows it,
the calendar date (``resolved``) and the period it covers (``low``..``high``).

A time told against another event ("the night before", "the following day", "a week
earlier") is kept unresolved (``norm`` "anchored:before:night"): it dates an event other
than the one the report is about.

News conventions: a bare weekday is the most recent one on or before the published date
("next Tuesday" is the first one after it); a month or day-and-month without a year is the
occurrence nearest the published date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..lexicon import (
    ANCHOR_AFTER_WORDS,
    BARE_FEW_WORDS,
    BOUND_WORDS,
    CARDINAL_WORDS,
    COMING_WORDS,
    FEW_WORDS,
    FUTURE_MARKERS,
    MONTH_NUMBERS,
    MONTH_PARTS,
    MONTHS,
    PERIOD_RELATIONS,
    RELATIVE_DAYS,
    WEEKDAYS,
    YEAR_PARTS,
    YEAR_PREPOSITIONS,
)
from ..model import TimeRef

_NUMBER_WORDS = {
    "a": 1, "an": 1, **{w: n for w, n in CARDINAL_WORDS.items() if 1 <= n <= 12},
    **FEW_WORDS,
}

# Month names as written in dates: in full, or cut short with or without a point ("Sept.").
_MONTH_ABBREVIATIONS = sorted((w for w in MONTH_NUMBERS if w not in MONTHS), key=len, reverse=True)
_MONTH_RE = (
    "(?P<month>" + "|".join(m.title() for m in MONTHS) + "|"
    + "|".join(rf"{a.title()}\.?" for a in _MONTH_ABBREVIATIONS) + ")"
)
# "May" is a month only before a year, "this"/"last"/"next" or a stop: else it is a verb.
_MONTH_NAME_RE = (
    "(?P<month>" + "|".join(m.title() for m in MONTHS if m != "may")
    + r"|May(?=\s+(?:(?:of\s+)?\d{4}|this|last|next)\b|[,.;]))"
)
_WEEKDAY_RE = "(?P<wd>" + "|".join(w.title() for w in WEEKDAYS) + ")"
# Counts of days, weeks, months or years before "ago", in words: "a few" and "a couple
# of", not a bare "few" ("few days ago").
_AGO_COUNT_WORDS = "|".join(w for w in _NUMBER_WORDS if w not in BARE_FEW_WORDS)
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"


def _spaced(phrases) -> str:
    """A regex alternation of word phrases, any run of spaces between their words."""
    return "|".join(p.replace(" ", r"\s+") for p in phrases)


# What a bounded year's norm says it is: a start ("since") or a limit ("by", "before").
_BOUNDS = frozenset(BOUND_WORDS.values())

_PATTERNS: list[tuple[str, re.Pattern]] = [
    ("iso", re.compile(r"\b" + _YEAR + r"-(?P<m>\d\d)-(?P<d>\d\d)\b")),
    ("mdy", re.compile(
        r"\b(?:on\s+)?(?:" + _WEEKDAY_RE + r",?\s+)?" + _MONTH_RE
        + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:%|per|million|billion|[:.]\d))"
        r"(?:,?\s+" + _YEAR + r")?")),
    ("dmy", re.compile(
        r"\b(?:on\s+)?(?:" + _WEEKDAY_RE + r",?\s+)?(?:the\s+)?(?P<day>\d{1,2})(?:st|nd|rd|th)?"
        r"\s+(?:of\s+)?" + _MONTH_RE + r"(?:,?\s+" + _YEAR + r")?\b")),
    ("month", re.compile(
        r"\b(?:(?:in|since|until|by|during|from|of|last|this|next)\s+)?"
        r"(?:(?P<part>" + _spaced(MONTH_PARTS) + r")[\s-]*)?(?<![\w-])"
        + _MONTH_NAME_RE + r"(?:,?\s+(?:of\s+)?" + _YEAR + r")?\b")),
    ("ago", re.compile(
        # a count written in full: "2,500 years ago" is not "500 years ago"
        r"(?<![\d.,])\b(?P<n>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + _AGO_COUNT_WORDS + r")\s+"
        r"(?P<unit>day|week|month|year)s?\s+ago\b",
        re.IGNORECASE)),
    ("weekday", re.compile(
        r"\b(?:(?P<rel>last|next|this|on|past|coming)\s+)?" + _WEEKDAY_RE
        + r"(?:\s+(?P<tod>morning|afternoon|evening|night))?\b")),
    ("relday", re.compile(
        r"\b(?P<w>" + _spaced(RELATIVE_DAYS) + r")\b",
        re.IGNORECASE)),
    # a time told against another event of the report: "47 arrests the night before"
    ("anchored", re.compile(
        r"\b(?:the\s+(?P<u1>day|night|evening|morning|week|month|year)\s+"
        r"(?P<d1>before|after|earlier|prior|previously)"
        r"|the\s+(?P<d2>previous|preceding|prior|following|next)\s+"
        r"(?P<u2>day|night|evening|morning|week|month|year)"
        r"|(?:a|one)\s+(?P<u3>day|night|week|month|year)\s+(?P<d3>earlier|later))\b",
        re.IGNORECASE)),
    ("period", re.compile(
        r"\b(?P<rel>" + _spaced(PERIOD_RELATIONS) + r")\s+"
        r"(?P<p>week|weekend|month|year)\b",
        re.IGNORECASE)),
    ("year", re.compile(
        r"\b(?:(?P<prep>(?i:" + "|".join((*YEAR_PREPOSITIONS, *YEAR_PARTS)) + r"))[\s-]+)"
        + _YEAR + r"\b(?!\s*(?:%|percent|people|[a-z]+s\b))")),
]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _nearest_year(month: int, day: int, published: dt.date) -> int:
    """The year that puts month/day nearest the published date."""
    best = published.year
    best_gap = None
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            gap = abs((dt.date(y, month, min(day, calendar.monthrange(y, month)[1]))
                       - published).days)
        except ValueError:
            continue
        if best_gap is None or gap < best_gap:
            best, best_gap = y, gap
    return best


def _shift_months(d: dt.date, months: int) -> dt.date:
    idx = d.year * 12 + d.month - 1 + months
    y, m = divmod(idx, 12)
    return dt.date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _ref(text: str, m: re.Match, norm: str, resolved=None, low=None, high=None,
         start: int | None = None) -> TimeRef:
    s = m.start() if start is None else start
    return TimeRef(text=text[s : m.end()], norm=norm, start=s, end=m.end(),
                   resolved=resolved, low=low if low else resolved,
                   high=high if high else resolved)


def _read_iso(m: re.Match, text: str, published: dt.date | None) -> TimeRef | None:
    """An ISO date: "2026-03-03"."""
    g = m.groupdict()
    try:
        d = dt.date(int(g["year"]), int(g["m"]), int(g["d"]))
    except ValueError:
        return None
    return _ref(text, m, f"date:{d.isoformat()}", d)


def _read_date(m: re.Match, text: str, published: dt.date | None) -> TimeRef | None:
    """A day of a month: "March 3, 2026", "3 March", "on Tuesday, March 3"; without a
    year, the occurrence nearest the published date."""
    g = m.groupdict()
    month = MONTH_NUMBERS[g["month"].lower().rstrip(".")]
    day = int(g["day"])
    if not 1 <= day <= 31:
        return None
    year = int(g["year"]) if g.get("year") else None
    if year is None and published is not None:
        year = _nearest_year(month, day, published)
    if year is None:
        return _ref(text, m, f"date:--{month:02d}-{day:02d}")
    try:
        d = dt.date(year, month, day)
    except ValueError:
        return None
    return _ref(text, m, f"date:{d.isoformat()}", d)


def _read_month(m: re.Match, text: str, published: dt.date | None) -> TimeRef | None:
    """A month: "in March 2024", "in late March", "by the end of May"."""
    g = m.groupdict()
    month = MONTH_NUMBERS[g["month"].lower()]
    year = int(g["year"]) if g.get("year") else None
    if year is None and published is not None:
        # a month named without a year: its occurrence nearest the published date
        year = _nearest_year(month, 15, published)
    part = (g.get("part") or "").lower()
    part = MONTH_PARTS.get(part.strip(), part.strip())
    suffix = f":{part}" if part else ""
    if year is None:
        return _ref(text, m, f"month:--{month:02d}{suffix}")
    first, last = dt.date(year, month, 1), _month_end(year, month)
    if part == "early":
        last = dt.date(year, month, 10)
    elif part == "mid":
        first, last = dt.date(year, month, 11), dt.date(year, month, 20)
    elif part == "late":
        first = dt.date(year, month, 21)
    return _ref(text, m, f"month:{year}-{month:02d}{suffix}", first, first, last)


def _read_ago(m: re.Match, text: str, published: dt.date | None) -> TimeRef | None:
    """A time counted back from the published date: "two days ago", "a few weeks ago"."""
    raw = m.group("n").lower()
    if raw[0].isdigit():
        n = float(raw.replace(",", ""))
        n = int(n) if n.is_integer() else n
    else:
        n = _NUMBER_WORDS.get(raw, 1)
    unit = m.group("unit").lower()
    days = {"day": 1, "week": 7}.get(unit)
    count = n * (days or 1)
    count = str(count) if isinstance(count, int) else f"{count:.6g}"
    norm = f"ago:{count}d" if days else f"ago:{count}{'mo' if unit == 'month' else 'y'}"
    if published is None:
        return _ref(text, m, norm)
    if days:
        d = published - dt.timedelta(days=round(n * days))
        spread = dt.timedelta(days=3 if unit == "week" else 0)
        return _ref(text, m, norm, d, d - spread, d + spread)
    d = _shift_months(published, -round(n * (12 if unit == "year" else 1)))
    return _ref(text, m, norm, d, _shift_months(d, -1 if unit == "month" else -6),
                _shift_months(d, 1 if unit == "month" else 6))


def _read_weekday(m: re.Match, text: str, published: dt.date | None) -> TimeRef | None:
    """A weekday: "on Tuesday", "last Friday", "next Monday"."""
    wd = WEEKDAYS.index(m.group("wd").lower())
    rel = (m.group("rel") or "").lower()
    norm = f"weekday:{'next_' if rel in COMING_WORDS else ''}{WEEKDAYS[wd]}"
    if published is None:
        return _ref(text, m, norm)
    back = (published.weekday() - wd) % 7
    future = _FUTURE_BEFORE.search(text[max(0, m.start() - 60) : m.start()])
    if rel in COMING_WORDS or (future and rel in ("", "on")):
        d = published + dt.timedelta(days=(wd - published.weekday()) % 7 or 7)
    elif rel == "last" and back == 0:
        d = published - dt.timedelta(days=7)
    else:
        d = published - dt.timedelta(days=back)
    return _ref(text, m, norm, d)


def _read_relday(m: re.Match, text: str, published: dt.date | None) -> TimeRef | None:
    """A day named against the published date: "yesterday", "tonight", "this morning"."""
    w = re.sub(r"\s+", " ", m.group("w").lower())
    offset = RELATIVE_DAYS[w]
    norm = {-2: "day:-2", -1: "yesterday", 0: "today", 1: "tomorrow"}[offset]
    d = published + dt.timedelta(days=offset) if published else None
    return _ref(text, m, norm, d)


def _read_anchored(m: re.Match, text: str, published: dt.date | None) -> TimeRef | None:
    """A time told against another event ("the night before", "a week later"): dated by
    that event, which the words do not give, so compared as written only."""
    g = m.groupdict()
    # dated by the event it is told against, which the words do not give: compared as
    # written only
    unit = (g.get("u1") or g.get("u2") or g.get("u3") or "").lower()
    word = (g.get("d1") or g.get("d2") or g.get("d3") or "").lower()
    direction = "after" if word in ANCHOR_AFTER_WORDS else "before"
    return _ref(text, m, f"anchored:{direction}:{unit}")


def _read_period(m: re.Match, text: str, published: dt.date | None) -> TimeRef | None:
    """A week, weekend, month or year named against the published date: "last week",
    "earlier this year"."""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    p = m.group("p").lower()
    key = PERIOD_RELATIONS[rel]
    norm = f"{key}_{p}"
    if published is None:
        return _ref(text, m, norm)
    if p in ("week", "weekend"):
        monday = published - dt.timedelta(days=published.weekday())
        monday += dt.timedelta(days={"last": -7, "this": 0, "next": 7}[key])
        low, high = monday, monday + dt.timedelta(days=6)
        if p == "weekend":
            low = monday + dt.timedelta(days=5)
    elif p == "month":
        first = _shift_months(published.replace(day=1),
                              {"last": -1, "this": 0, "next": 1}[key])
        low, high = first, _month_end(first.year, first.month)
    else:
        y = published.year + {"last": -1, "this": 0, "next": 1}[key]
        low, high = dt.date(y, 1, 1), dt.date(y, 12, 31)
    if rel == "earlier this":
        high = published
    elif rel == "later this":
        low = published
    return _ref(text, m, norm, low, low, high)


def _read_year(m: re.Match, text: str, published: dt.date | None) -> TimeRef | None:
    """A year after a preposition: "in 2024", "since 1998", "late 2019"."""
    y = int(m.group("year"))
    prep = (m.group("prep") or "").lower()
    low, high = dt.date(y, 1, 1), dt.date(y, 12, 31)
    if prep == "early":
        high = dt.date(y, 4, 30)
    elif prep == "late":
        low = dt.date(y, 9, 1)
    # a year that starts or bounds a span says so in its norm ("year:1998:since"):
    # "since 1998" and "in 1998" are two readings of one year
    bound = BOUND_WORDS.get(prep, prep)
    suffix = f":{bound}" if bound in _BOUNDS else ""
    return _ref(text, m, f"year:{y}{suffix}", low, low, high, start=m.start("year")
                if prep in YEAR_PREPOSITIONS else None)


_READERS = {
    "iso": _read_iso, "mdy": _read_date, "dmy": _read_date, "month": _read_month,
    "ago": _read_ago, "weekday": _read_weekday, "relday": _read_relday,
    "anchored": _read_anchored, "period": _read_period, "year": _read_year,
}
"""The reader of each kind of pattern in :data:`_PATTERNS`."""


# A bare weekday in a clause about the future is the coming one ("inspections will start
# on Monday", "divers would examine it on Friday").
_FUTURE_BEFORE = re.compile(r"\b(?:" + "|".join(FUTURE_MARKERS) + r")\b[^,.;:]*$", re.IGNORECASE)


def find_times(text: str, published: dt.date | None) -> list[TimeRef]:
    """Find dates and relative times in a text and resolve them.

    Args:
        text: Plain text (a sentence or a clause).
        published: The report's published date, or None (then only ``norm`` is set for
            relative expressions).

    Returns:
        Time references in text order, offsets relative to ``text``; overlapping readings
        keep the first pattern that claimed the words (full dates before months before
        years).
    """
    taken: list[tuple[int, int]] = []
    out: list[TimeRef] = []
    for kind, pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < b and m.end() > a for a, b in taken):
                continue
            try:
                ref = _READERS[kind](m, text, published)
            except (OverflowError, ValueError):
                # the calendar cannot hold the date ("3000 years ago" is before year 1):
                # keep the expression, compared as written
                ref = _READERS[kind](m, text, None)
            if ref is None:
                continue
            out.append(ref)
            taken.append((m.start(), m.end()))
    out.sort(key=lambda r: r.start)
    return out
