"""Properties of the quantity and time readers over generated text (hypothesis).

The text is built from a small grammar of what news writes around numbers (digits, number
words, scales, vague amounts, units, currencies, approximations, ranges, dates, weekdays
and relative times), glued with varied separators and mixed with arbitrary unicode. Whatever
the text, the readers must not raise, and every span they return must be the text it says.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from newscheck.extract.quantities import find_quantities
from newscheck.extract.times import find_times

EXAMPLES = settings(max_examples=200, deadline=None)

_WORDS = [
    "zero", "one", "two", "three", "ten", "twelve", "twenty", "twenty-five", "ninety-nine",
    "a", "an", "half", "a third", "two-thirds", "a quarter", "dozen", "three dozen",
    "hundred", "thousand", "million", "billion", "trillion", "sixfold", "tenfold",
    "first", "second", "19th", "the top three", "one of", "the one", "minus",
]
_VAGUE_COUNTS = ["dozens", "scores", "tens", "hundreds", "thousands", "millions", "billions",
                 "trillions", "Hundreds", "TENS"]
_VAGUE_SCALES = ["thousands", "millions", "billions", "trillions", "Billions", "dozens"]
# "hundreds of", "tens of thousands of", "Hundreds  of billions of": any count of any scale
_VAGUE = st.builds(
    lambda count, scale, sep: f"{count}{sep}of{sep}{scale + sep + 'of' if scale else ''}",
    st.sampled_from(_VAGUE_COUNTS),
    st.one_of(st.just(""), st.sampled_from(_VAGUE_SCALES)),
    st.sampled_from([" ", " ", " ", " ", "  ", "\n"]),
)
_SCALES = ["", "m", "bn", "k", "mn", "M", "B", " million", " billion", " thousand", "tn"]
_UNITS = [
    "percent", "per cent", "%", "percentage points", "points", "miles", "km", "kilometres",
    "kg", "pounds", "tonnes", "dollars", "euros", "yen", "pence", "p", "cents", "years",
    "months", "weeks", "days", "hours", "minutes", "seconds", "times", "people", "votes",
    "a year", "per share", "a day", "mph", "degrees Celsius", "feet", "acres", "W",
    "rushing yards", "fold",
]
_CURRENCY = ["$", "US$", "C$", "A$", "£", "€", "¥", "PS", "Y=", "Rs", "EUR ", "USD ", "₹"]
_MODIFIERS = [
    "about", "around", "roughly", "some", "an estimated", "more than", "over", "above",
    "at least", "no fewer than", "nearly", "almost", "close to", "just under", "less than",
    "under", "fewer than", "up to", "at most", "as many as", "no more than", "exactly",
    "only", "between", "from", "to", "and", "or", "-", "–", "through", "of", "the",
]
_TIMES = [
    "on Tuesday", "last Tuesday", "next Friday", "Monday", "two days ago", "a week ago",
    "last week", "next month", "this year", "earlier this year", "a few years ago",
    "in late March", "in mid-May", "March 3", "March 3, 2024", "3 March 2024", "Sept. 11",
    "the 31st of February", "February 30, 2023", "2024-02-30", "2024-13-01", "in 2024",
    "in May", "May 2020", "the end of December", "yesterday", "today", "tomorrow",
    "last night", "this morning", "on Sunday, Dec. 31", "in the 1990s", "2019-2020",
    "several weeks ago", "couple of months ago", "Jan 0", "Dec 99", "99th of May",
    # times told against another event, and years that start or bound a span
    "the night before", "the day after", "the previous week", "the following month",
    "a day earlier", "one year later", "since 1998", "from 2001", "by 2030", "until 2019",
    "before 1990", "after 2010", "in early 2004", "in late 2003",
]
# durations as adjectives and ordinals, bounds on one unit ("more than a year")
_DURATIONS = [
    "the nearly three-year drought", "a 19-day strike", "the two-week-old walkout",
    "in its third year", "now past its first year", "past its 100th day",
    "entering its second month", "beyond its fifth week", "more than a year",
    "nearly a month", "over an hour", "almost a decade", "at least a week",
]
# requirements, parts and purposes around a number
_CONTEXT = [
    "needs", "needed", "requires", "required", "threshold of", "to pass", "to block",
    "are required", "of the", "three of the", "for the wall", "in military aid", "on steel",
]
_PUNCT = [".", ",", ";", ":", "(", ")", "'", '"', "“", "”", "/", "\n", "\n\n", "  ", "\t"]


def _digits() -> st.SearchStrategy[str]:
    ints = st.integers(min_value=-10**13, max_value=10**13)
    return st.one_of(
        ints.map(str),
        ints.map(lambda n: f"{n:,}"),
        st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda f: f"{f:g}"),
        st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda f: f"{f:.2f}"),
        st.sampled_from(["0", "00", ".5", "1.", "1,00", "1,000,00", "007", "1e6", "1/2",
                         "3:30", "4pm", "5G", "COVID-19", "1.5.2", "10,000.000"]),
    )


def _number() -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(lambda c, d, s: c + d + s, st.sampled_from(["", "", *_CURRENCY]),
                  _digits(), st.sampled_from(_SCALES)),
        st.sampled_from(_WORDS),
    )


def _relative() -> st.SearchStrategy[str]:
    """A count of days, weeks, months or years before or after ("2,500 years ago")."""
    return st.builds(
        lambda n, unit, rel: f"{n} {unit} {rel}",
        st.one_of(_digits(), st.sampled_from(["a", "two", "several", "a few", "a couple of"])),
        st.sampled_from(["day", "days", "week", "weeks", "month", "months", "year", "years"]),
        st.sampled_from(["ago", "earlier", "later", "from now", "before"]),
    )


_TOKEN = st.one_of(
    _number(),
    _number(),
    _VAGUE,
    st.sampled_from(_UNITS),
    st.sampled_from(_CURRENCY),
    st.sampled_from(_MODIFIERS),
    st.sampled_from(_TIMES),
    st.sampled_from(_DURATIONS),
    st.sampled_from(_CONTEXT),
    _relative(),
    st.sampled_from(_PUNCT),
    st.text(max_size=8),
)
_SEP = st.sampled_from([" ", " ", " ", "", "-", ", ", "\n", " of "])

NEWS_TEXT = st.builds(
    lambda tokens, seps: "".join(t + s for t, s in zip(tokens, seps)),
    st.lists(_TOKEN, max_size=14),
    st.lists(_SEP, min_size=14, max_size=14),
)
ANY_TEXT = st.one_of(NEWS_TEXT, NEWS_TEXT, st.text(max_size=80))


def _optional(words: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(st.just(""), st.sampled_from(words).map(lambda w: w + " "))


# one amount as a sentence writes it: [modifier] [currency] number-or-vague [unit]
_AMOUNT = st.builds(
    lambda mod, amount, unit: f"{mod}{amount}{unit}",
    _optional(_MODIFIERS),
    st.one_of(_number(), _VAGUE, _VAGUE),
    st.one_of(st.just(""), st.sampled_from(_UNITS).map(lambda u: " " + u)),
)
QUANTITY_TEXT = st.one_of(
    st.lists(st.one_of(_AMOUNT, _AMOUNT, _TOKEN), min_size=1, max_size=6).map(" ".join),
    ANY_TEXT,
)
# the times test draws mostly from the time words, so that each example holds some
TIME_TEXT = st.one_of(
    st.lists(
        st.one_of(st.sampled_from(_TIMES), _relative(), _relative(), _number(),
                  st.sampled_from(_PUNCT), st.text(max_size=5)),
        max_size=8,
    ).map(" ".join),
    ANY_TEXT,
)
# any date a report's metadata could carry, the calendar's edges included
PUBLISHED = st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2100, 12, 31)),
                      st.dates())


@EXAMPLES
@given(QUANTITY_TEXT)
def test_quantities_are_spans_of_the_text_with_ordered_bounds(text):
    found = find_quantities(text)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start, (a, b)  # in text order, no words read twice
    for q in found:
        assert 0 <= q.start <= q.end <= len(text), q
        assert text[q.start : q.end] == q.text, q
        assert q.text, q
        assert not math.isnan(q.value) and not math.isnan(q.low) and not math.isnan(q.high)
        assert q.low <= q.value <= q.high, q


@EXAMPLES
@given(st.sampled_from(_VAGUE_COUNTS), st.sampled_from(["", *_VAGUE_SCALES]),
       st.sampled_from(_UNITS))
def test_every_vague_amount_is_read(count, scale, unit):
    phrase = f"{count} of {scale}" if scale else count
    text = f"The bill came to {phrase} of {unit} last year."
    start = text.index(phrase)
    (q,) = [q for q in find_quantities(text) if q.start == start]
    assert q.approx == "about" and 0 < q.low < q.high, q


@EXAMPLES
@given(TIME_TEXT, PUBLISHED)
def test_times_are_spans_of_the_text_with_ordered_periods(text, published):
    found = find_times(text, published)
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start, (a, b)
    for t in found:
        assert 0 <= t.start <= t.end <= len(text), t
        assert text[t.start : t.end] == t.text, t
        assert t.text and t.norm, t
        if t.low is not None and t.high is not None:
            assert t.low <= t.high, t
            if t.resolved is not None:
                assert t.low <= t.resolved <= t.high, t


@EXAMPLES
@given(QUANTITY_TEXT, QUANTITY_TEXT, TIME_TEXT, PUBLISHED)
def test_verdicts_read_any_quantities_and_times_without_raising(text_a, text_b, time_text,
                                                               published):
    """The verdicts' readings of figures and times (intervals, requirements, purposes,
    clause times) hold on any text: finite ordered intervals, symmetric agreement."""
    from builders import C, report

    from newscheck.verdicts import quantities_agree, times_agree
    from newscheck.verdicts.common import Ref
    from newscheck.verdicts.quantity import (
        _clause_time,
        _reading,
        _required,
        _same_moment,
        _same_purpose,
    )

    refs = []
    for aid, text in (("a1", text_a + " " + time_text), ("a2", text_b)):
        qs = tuple(find_quantities(text))
        ts = tuple(find_times(text, published))
        analysis = report(aid, [text or "."], [C(0, quantities=qs, times=ts)])
        refs.append((Ref(claim=analysis.claims[0], analysis=analysis, report=0, order=0), qs))
    for (ra, qa_all), (rb, qb_all) in itertools.pairwise(refs):
        for qa in qa_all:
            low, high = _reading(qa, 0.15)
            assert not math.isnan(low) and not math.isinf(high) and low <= high, qa
            _required(qa, ra)
            _clause_time(ra, qa)
            for qb in qb_all:
                assert quantities_agree(qa, qb, 0.15) == quantities_agree(qb, qa, 0.15)
                _same_moment(ra, qa, rb, qb)
                _same_purpose(ra, qa, rb, qb)
    times = [t for r, _ in refs for t in r.claim.times]
    for a, b in itertools.product(times, repeat=2):
        assert times_agree(a, b, 2) == times_agree(b, a, 2), (a, b)
