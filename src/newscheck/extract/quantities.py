"""Quantities: numbers with their unit, approximation and interval.

:func:`find_quantities` works on plain text (regular expressions find and read the
numbers); when a spaCy span of the same text is given, the parse only attaches each
count to the noun it counts. Offsets are relative to the text given.

Intervals per approximation (``low``/``high``; the tolerances are the reading a careful
news editor would accept as "the same number"):

=============  ==========================================  ==========================
approx         written as                                  interval
=============  ==========================================  ==========================
``exact``      "300"                                       [v, v]
``about``      about, around, roughly, some, an estimated  [0.9 v, 1.1 v]
``more_than``  more than, over, above, in excess of        (v, inf)
``at_least``   at least, no fewer than                     [v, inf)
``nearly``     nearly, almost, close to, just under        [0.85 v, v)
``less_than``  less than, under, fewer than, below         [0, v)
``at_most``    up to, at most, as many as, no more than    [0, v]
``range``      between a and b, a-b, from a to b           [a, b]
``ordinal``    "in its second week" (a duration)           [(n-1) unit, n unit]
=============  ==========================================  ==========================

"past its first year" (or beyond, passed) is ``more_than`` one year; "a"/"an" is a
duration of one unit only after a bound ("more than a year", "nearly a month"); how far
an open bound reaches is the verdicts' reading (``verdicts.quantity._reading``).

Vague magnitudes read as ranges with ``approx == "about"``: "dozens of" 24..99,
"hundreds of" 200..999, "thousands of" 2,000..9,999, "millions of" 2 million..999 million;
a vague count of a scale multiplies the two (:func:`vague_interval`): "tens of thousands
of" 20,000..99,999, "hundreds of billions of" 200 billion..999,999,999,999.

Durations are normalised to days (``unit == "day"``: week 7, month 30.44, year 365.25;
hours, minutes and seconds as fractions of a day). Years ("in 2024"), dates ("March 3"),
times of day ("4:30", "7pm"), identifiers ("Apollo 11", "COVID-19", "5G", "ISO 3888-2"),
labels and names ("a category 4 storm", "the sp 500", "the 11 Pro", "BBC One"), rank
groups ("the top three"), compound adjectives ("a three-bed flat"), ages and bare
ordinals ("the second round") are not quantities.

Units as a news reader meets them: prices in pence ("164p" is GBP 1.64), currency signs
folded to ASCII ("PS2.7m" is £2.7m, "Y=5,182" is ¥5,182), the level of a market index
named in the sentence ("the TSX rose to 16,369.03") in points, a unit after one modifier
("517 rushing yards"), after a vague amount ("tens of thousands of dollars"), or shared
("280 million of the 1.5 billion shekels"; "C$6 (US$4.46) per share" is a rate for both).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass, field

from ..lexicon import (
    APPROXIMATIONS,
    ATTACHED_ONLY_UNITS,
    CAPITALISED_FUNCTION_WORDS,
    CARDINAL_WORDS,
    CASED_UNITS,
    CURRENCY_PREFIXES,
    DAY_FACTORS,
    DEMONYM_SUFFIXES,
    FRACTION_WORDS,
    HYPHENED_COUNT_WORDS,
    INDEFINITE_ARTICLES,
    MARKET_INDEX_NAMES,
    METRE_WORDS,
    MILLION_NOUNS,
    MONTH_NUMBERS,
    NOT_UNIT_CAPITALS,
    NOT_UNIT_MODIFIERS,
    NUMBERED_LABELS,
    ORDINAL_WORDS,
    PER_UNIT_NAMES,
    PER_UNITS,
    POSSESSIVE_DETERMINERS,
    RACE_WORDS,
    RANGE_WORDS,
    RELATIVE_PRONOUNS,
    SCALE_ABBREVIATIONS,
    SCALE_NAMES,
    SCALE_WORDS,
    STOP_WORDS,
    SURE_SCALE_ABBREVIATIONS,
    TENS_WORDS,
    TIME_OFFSET_WORDS,
    UNIT_PATTERNS,
    VAGUE_AMOUNTS,
    VAGUE_SCALES,
)
from ..model import Quantity

INF = float("inf")


_UNITS_WORDS = CARDINAL_WORDS
_TENS_WORDS = TENS_WORDS
_ORDINALS = ORDINAL_WORDS


def vague_interval(count: str, scale: str | None = None) -> tuple[float, float]:
    """The interval of a vague amount: "hundreds", or "hundreds" of "billions".

    A compound multiplies the count's interval by the scale, up to just below the next
    unit of the count: "tens of thousands" 20,000..99,999, "hundreds of billions"
    200 billion..999,999,999,999, "thousands of millions" 2 billion..9,999,999,999.
    """
    lo, hi = VAGUE_AMOUNTS[count.lower()]
    if scale is None:
        return lo, hi
    unit = VAGUE_SCALES[scale.lower()]
    return lo * unit, (hi + 1) * unit - 1


# A month in full or cut short ("sept"), the longest spelling tried first.
_MONTHS = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))

_DIGIT_WORDS = "|".join(w for w, n in _UNITS_WORDS.items() if 1 <= n <= 9)
_WORD_NUM = (
    r"(?:(?:" + "|".join(_TENS_WORDS) + r")(?:[- ](?:" + _DIGIT_WORDS + "))?|"
    + "|".join(sorted(_UNITS_WORDS, key=len, reverse=True)) + r")"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_SCALE_WORDS = "(?:" + "|".join(SCALE_NAMES) + ")"
_SCALE_ABBR = "(?:" + "|".join(sorted(SCALE_ABBREVIATIONS, key=len, reverse=True)) + ")"

# One number as written: digits or words, with an optional scale ("4.5 billion", "35m",
# "three dozen", "twenty-five thousand").
_NUMBER = re.compile(
    r"(?P<neg>(?:\bminus[- ]|(?<![\w.,)])[-−](?=\d)))?"
    r"(?:(?P<digits>" + _DIGITS + r")|(?P<words>" + _WORD_NUM + "|"
    + "|".join(sorted(INDEFINITE_ARTICLES, key=len, reverse=True)) + "))"
    r"(?:(?:\s+|-)(?P<dozen>dozen)\b)?"
    r"(?:(?:\s*|-)(?P<scale>" + _SCALE_WORDS + r"s?)\b"
    r"(?:\s+(?P<scale2>thousand|million|billion)\b)?"
    r"|(?P<abbr>" + _SCALE_ABBR + r")(?![a-zA-Z]))?",
    re.IGNORECASE,
)

_CURRENCY_PREFIX_RE = re.compile(
    r"(?:" + "|".join(f"(?P<c{i}>{p})" for i, (p, _) in enumerate(CURRENCY_PREFIXES)) + r")$"
)

_CASED_UNITS = frozenset(u.lower() for u in CASED_UNITS)
# Units that read as such only when attached or after a space, never across a comma.
_UNIT_RE = re.compile(
    r"(?:\s?-?\s?)(?:" + "|".join(f"(?P<u{i}>{p})" for i, (p, *_) in enumerate(UNIT_PATTERNS))
    + r")",
    re.IGNORECASE,
)

_MODIFIER_RE = re.compile(
    r"\b(?:" + "|".join(f"(?P<m{i}>{p})" for i, (p, _) in enumerate(APPROXIMATIONS)) + r")\s+$",
    re.IGNORECASE,
)

_VAGUE_RE = re.compile(
    r"\b(?P<v>(?P<count>" + "|".join(VAGUE_AMOUNTS) + r")"
    r"(?:\s+of\s+(?P<scale>" + "|".join(VAGUE_SCALES) + r"))?)\s+of\b",
    re.IGNORECASE,
)
_FRACTIONS = "|".join(sorted(FRACTION_WORDS, key=len, reverse=True))
_FRACTION_RE = re.compile(
    r"\b(?P<n>one|two|three|four|a|an)[- ](?P<d>" + _FRACTIONS + ")"
    r"\b(?!\s+(?:of\s+)?(?:an?\s+)?(?:hour|century|mile|day|week|month|year))",
    re.IGNORECASE,
)
_MULTIPLES = {"hundred": 100.0, "thousand": 1000.0}
_FOLD_RE = re.compile(
    r"\b(?P<n>" + _WORD_NUM + r"|hundred|thousand)-?fold\b", re.IGNORECASE
)
# "half" as a share of something; not "half an hour" or "half a million"
_HALF_RE = re.compile(
    r"\bhalf(?=\s+(?:of|the|its|their|his|her|our|all|those|these)\b)", re.IGNORECASE
)
_HALF_SCALE_RE = re.compile(
    r"\bhalf\s+an?\s+(?P<s>dozen|" + "|".join(SCALE_NAMES) + r")\b", re.IGNORECASE
)
_ORDINAL_DURATION_RE = re.compile(
    r"\b(?:(?:" + "|".join(sorted(POSSESSIVE_DETERMINERS)) + r")\s+(?P<o>" + "|".join(_ORDINALS)
    + r"|\d{1,3}(?:st|nd|rd|th))\s+(?:straight\s+|consecutive\s+|full\s+)?|the\s+(?P<o2>"
    + "|".join(_ORDINALS) + r"|\d{1,3}(?:st|nd|rd|th))\s+)"
    r"(?P<u>day|week|month|year)\b(?!\s+of\s+(?:the\s+year|this|last|next|"
    + _MONTHS + r")\b)",
    re.IGNORECASE,
)
# "past its first year", "beyond its second week": the span is over, not under way
_PAST_ORDINAL = re.compile(r"\b(?:past|beyond|passed)\s+$", re.IGNORECASE)
# "$5 a share", "12 percent a year", "$2.11 per gallon": a rate, its unit "USD per share"
_PER_RE = re.compile(
    r"\s*(?:per|a|an|/|each)\s*(?P<d>" + "|".join(PER_UNITS) + r")\b"
    r"(?!\s+(?:" + "|".join(TIME_OFFSET_WORDS) + r"|on)\b)",
    re.IGNORECASE,
)
_RANGE_SEP = re.compile(r"\s*(?:-|–|—|" + "|".join(RANGE_WORDS) + r"|or)\s*", re.IGNORECASE)


@dataclass(slots=True)
class _Num:
    """A number being read: the working state before it becomes a Quantity."""

    start: int
    end: int
    value: float
    unit: str = ""
    kind: str = "count"
    approx: str = "exact"
    low: float | None = None
    high: float | None = None
    scaled: bool = False
    unscaled: float = 0.0
    has_unit: bool = False
    noun: str | None = None


def word_number(text: str) -> float | None:
    """The value of a number written in words ("twenty-five" -> 25), or None."""
    t = text.lower().replace("-", " ").split()
    if not t:
        return None
    total = 0.0
    for w in t:
        if w in _UNITS_WORDS:
            total += _UNITS_WORDS[w]
        elif w in _TENS_WORDS:
            total += _TENS_WORDS[w]
        else:
            return None
    return total


def _parse_number(m: re.Match) -> tuple[float, bool, float] | None:
    """(value, scaled, unscaled) of a _NUMBER match."""
    if m.group("digits"):
        d = m.group("digits").replace(",", "")
        try:
            v = float(d)
        except ValueError:
            return None
    else:
        w = m.group("words").lower()
        v = 1.0 if w in INDEFINITE_ARTICLES else word_number(w)
        if v is None:
            return None
    unscaled = v
    scaled = False
    if m.group("dozen"):
        v *= 12
    if m.group("scale"):
        v *= SCALE_WORDS[m.group("scale").lower().rstrip("s")]
        scaled = True
        if m.group("scale2"):
            v *= SCALE_WORDS[m.group("scale2").lower()]
    elif m.group("abbr"):
        v *= SCALE_WORDS[m.group("abbr").lower()]
        scaled = True
    if m.group("neg"):
        v, unscaled = -v, -unscaled
    return v, scaled, unscaled


def _match_unit(text: str, pos: int) -> tuple[int, str, str, float] | None:
    m = _UNIT_RE.match(text, pos)
    if not m:
        return None
    for i, (_, unit, kind, factor) in enumerate(UNIT_PATTERNS):
        g = m.group(f"u{i}")
        if g is None:
            continue
        spaced = m.start(f"u{i}") > pos
        if g == "Nm":
            return m.end(), "newton-metre", "measure", 1.0
        # "PS" (metric horsepower) and "GPa" only as written: "ps" and "GPA" are other words
        if g.lower() in _CASED_UNITS and g not in CASED_UNITS:
            return None
        if spaced and g.lower() in ATTACHED_ONLY_UNITS:
            return None
        # "in" after a number is nearly always the preposition
        if g.lower() == "in" or (g.lower() == "in." and spaced):
            return None
        if g in NOT_UNIT_CAPITALS:
            return None  # "5G", "8 B": not grams, bytes or litres
        end = m.end()
        # a unit word must end at a word boundary ("5 mil" is not "mile")
        if end < len(text) and text[end - 1].isalpha() and text[end].isalpha():
            return None
        return end, unit, kind, factor
    return None


def _unit_after_modifier(text: str, pos: int) -> tuple[int, str, str, float] | None:
    """A unit written in full one word after the number ("517 rushing yards")."""
    m = re.match(r"\s([a-z]+)(?=\s)", text[pos : pos + 30])
    if m is None or m.group(1) in NOT_UNIT_MODIFIERS or word_number(m.group(1)) is not None:
        return None
    u = _match_unit(text, pos + m.end())
    # full words only: abbreviations after a word are other words ("5 new m")
    if u is None or u[2] not in ("measure", "duration") or u[1] in ("times", "point", "degree"):
        return None
    word = text[pos + m.end() : u[0]].strip()
    # a plural unit word: "2.1 last year" is no duration, "three straight years" is
    return u if len(word) >= 4 and word.isalpha() and word.endswith("s") else None


def _is_excluded(text: str, m: re.Match, value: float) -> bool:
    """Numbers that are not quantities: dates, times, scores, identifiers, ordinals."""
    start, end = m.start(), m.end()
    before = text[max(0, start - 24) : start]
    after = text[end : end + 12]
    # a rank group, not a count: "the top three", "slipped into the bottom five"
    if re.search(r"\b(?:top|bottom)\s+$", before, re.IGNORECASE) and _match_unit(text, end) is None:
        return True
    # ages: "aged 18 to 34" (both ends)
    if re.search(r"\baged?\s+(?:\d+|" + _WORD_NUM + r")\s*(?:to|-|–|and)\s*$", before,
                 re.IGNORECASE):
        return True
    if m.group("digits") is None:
        return False
    return any(test(text, m, value, before, after)
               for test in (_names_a_thing, _in_identifier, _is_age, _in_date_or_time,
                            _is_score))


def _names_a_thing(text: str, m: re.Match, value: float, before: str, after: str) -> bool:
    """A number with no unit that is part of a name: "a category 4 storm", "Article 50",
    "the 11 Pro", "a 787 Dreamliner", "Apollo 11", "iPhone 11"."""
    start, end = m.start(), m.end()
    if _match_unit(text, end) is not None:
        return False
    # a label before the number names a thing: "a category 4 storm", "Article 50",
    # "the sp 500" (an index named by its size)
    if _LABEL_BEFORE.search(before):
        return True
    # a model name after it: "the 11 Pro", "a 787 Dreamliner", "575 Elm Road"
    nxt_word = re.match(r"\s([A-Z][a-z]*[A-Za-z]*)\b(?!\.)", after + text[end + 12 : end + 40])
    if (nxt_word and re.fullmatch(r"\d+", m.group("digits")) and start > 0
            and not _headline(text) and not _names_people(nxt_word.group(1))):
        return True
    # a name just before: "Apollo 11", "Game 7", "iPhone 11"
    prev = re.search(r"(?:^|[\s(])([a-z]*[A-Z][\w&/.]*)\s$", before)
    return bool(prev and prev.group(1).lower() not in CAPITALISED_FUNCTION_WORDS and not re.search(
        r"\b(?:" + _MONTHS + r")$", prev.group(1), re.IGNORECASE
    ))


def _in_identifier(text: str, m: re.Match, value: float, before: str, after: str) -> bool:
    """Digits of an identifier, a phone number or a numbered thing ("X6", "COVID-19",
    "ISO 3888-2", "555-0134", "No. 10", "5G")."""
    start, digits = m.start(), m.group("digits")
    # letters glued before the digits: identifiers ("X6", "cac40", "PLX-R18", "COVID-19"),
    # but not "sub-300 sq m"
    if re.search(r"[A-Za-z]-?$", before) and not re.search(r"\b(?:minus|sub)-?$", before,
                                                            re.IGNORECASE):
        return True
    if re.search(r"(?:\b[A-Z]{2,}\s|[A-Za-z])\d+[-–]$", before):
        return True  # the part number of an identifier: "ISO 3888-2", "A320-200"
    if re.match(r"\d{3}[-.]\d{4}\b", text[start:]) or re.search(r"\b\d{3}[-.]$", before) and (
        re.fullmatch(r"\d{4}", digits)
    ):
        return True  # phone numbers
    if re.match(r"[A-UX-Z]\b", after):
        return True  # "5G", "4K" (but "10W", "12V" are watts and volts)
    return bool(re.search(r"(?:#|No\.|no\.|number)\s?$", before))


def _is_age(text: str, m: re.Match, value: float, before: str, after: str) -> bool:
    """An age: "Ana Ruiz, 31, said", "a 31-year-old", "aged 31" are no counts."""
    if re.match(r"[\s-]*years?[\s-]old\b", after, re.IGNORECASE) or re.search(
        r"\b(?:aged?)\s+$", before, re.IGNORECASE
    ):
        return True
    return bool(value <= 120 and re.search(r"[A-Z][\w'’-]+,\s*$", before)
                and re.match(r"\s*[,)]", after))


def _in_date_or_time(text: str, m: re.Match, value: float, before: str, after: str) -> bool:
    """A part of a date, a time of day or an ordinal: "1/6/17", "4:39", "2019-20", "AD
    79", "10 a.m.", "22nd", "March 3", "3 March"."""
    if re.match(r"/\d", after):
        return True  # the first part of "1/6/17" or "3/4"
    if re.search(r"\d[/.:]$", before) or re.search(r"\b(?:1[5-9]|20)\d\d[-–/](?:\d\d[-–])?$",
                                                   before):
        return True  # "4:39", "3/14", the "20" of "2019-20", ISO dates
    if re.search(r"\bA\.?D\.?\s*$|\bB\.?C\.?E?\s*$", before):
        return True
    # times of day
    if re.match(r"(?::\d\d|\s?[ap]\.?m\b\.?|\.\d\d\s?[ap]\.?m\b)", after, re.IGNORECASE):
        return True
    # ordinals as dates or ranks ("22nd", "3rd")
    if re.match(r"(?:st|nd|rd|th)\b", after, re.IGNORECASE):
        return True
    # dates: "March 3", "3 March", "Feb. 21"
    if re.search(r"\b(?:" + _MONTHS + r")\.?\s+$", before, re.IGNORECASE):
        return True
    return bool(re.match(r"\s+(?:" + _MONTHS + r")\b", after, re.IGNORECASE) and value <= 31)


def _is_score(text: str, m: re.Match, value: float, before: str, after: str) -> bool:
    """A side of a score: "3-1", "2-2" (a range is written low to high)."""
    digits = m.group("digits")
    nxt = re.match(r"\s?[-–]\s?(\d+)\b(?![.,]\d|\s?%|[a-zA-Z])", after)
    if nxt and re.fullmatch(r"\d{1,3}", digits) and float(nxt.group(1)) <= value:
        return True
    prv = re.search(r"\b(\d{1,3})\s?[-–]\s?$", before)
    return bool(prv and re.fullmatch(r"\d{1,3}", digits) and float(prv.group(1)) >= value
                and not re.match(r"\s?%|[a-zA-Z]", after))


# Words that make the number after them a label: "category 4", "Article 50", "Flight 370",
# and index names whose number is part of the name ("sp 500", "ftse 100", "nikkei 225").
_INDEX_NAMES = "|".join(re.escape(n) for n in MARKET_INDEX_NAMES)
_LABEL_BEFORE = re.compile(
    r"\b(?:" + "|".join(NUMBERED_LABELS) + "|" + _INDEX_NAMES + r")[\s-]$",
    re.IGNORECASE,
)
# a word for a people ("Chinese"), which a count may stand before
_DEMONYM = re.compile(r"(?:" + "|".join(DEMONYM_SUFFIXES) + ")$")


def _names_people(word: str) -> bool:
    """Whether a capitalised word after a number is a plural or a people's name."""
    return bool(_DEMONYM.search(word)) or word.lower() in CAPITALISED_FUNCTION_WORDS or bool(
        re.fullmatch(_MONTHS, word, re.IGNORECASE)
    )


def _headline(text: str) -> bool:
    """Title case ("Police Arrest 300 In Raid"): capitals after a number say nothing."""
    words = re.findall(r"\b[A-Za-z][a-z]+\b", text)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def _is_year(text: str, m: re.Match, value: float) -> bool:
    digits = m.group("digits") or ""
    if not re.fullmatch(r"\d{4}", digits) or not 1500 <= value <= 2100:
        return False
    # "2,000" has a comma and "2000 million" a scale: those are amounts
    return not (m.group("scale") or m.group("abbr"))


def _approx_interval(approx: str, v: float) -> tuple[float, float]:
    if approx == "about":
        a, b = 0.9 * v, 1.1 * v
        return (min(a, b), max(a, b))
    if approx == "more_than" or approx == "at_least":
        return (v, INF)
    if approx == "nearly":
        return (min(0.85 * v, v), max(0.85 * v, v))
    if approx in ("less_than", "at_most"):
        return (min(0.0, v), v)
    return v, v


def _modifier_before(text: str, start: int) -> tuple[str, int] | None:
    m = _MODIFIER_RE.search(text[max(0, start - 30) : start])
    if not m:
        return None
    for i, (_, approx) in enumerate(APPROXIMATIONS):
        if m.group(f"m{i}") is not None:
            return approx, start - (len(text[max(0, start - 30) : start]) - m.start())
    return None


@dataclass(slots=True)
class _Found:
    """The numbers read so far, and the stretches of text they took."""

    numbers: list[_Num] = field(default_factory=list)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def free(self, s: int, e: int) -> bool:
        """Whether ``[s, e)`` overlaps no number read so far."""
        return all(e <= a or s >= b for a, b in self.taken)

    def add(self, n: _Num, span: tuple[int, int]) -> None:
        self.numbers.append(n)
        self.taken.append(span)


def _read_numbers(text: str) -> list[_Num]:
    """Every number of ``text``, in text order.

    Word forms that hold a number first (vague magnitudes, multiples, halves, fractions,
    ordinal durations), then numerals and number words where none was read.
    """
    found = _Found()
    for read in (_vague_amounts, _multiples, _half_scales, _halves, _fractions,
                 _ordinal_durations, _numerals):
        read(text, found)
    found.numbers.sort(key=lambda n: (n.start, n.end))
    return found.numbers


def _vague_amounts(text: str, found: _Found) -> None:
    """Vague magnitudes: "hundreds of", "tens of thousands of dollars"."""
    for m in _VAGUE_RE.finditer(text):
        lo, hi = vague_interval(m.group("count"), m.group("scale"))
        n = _Num(start=m.start(), end=m.end("v"), value=lo, approx="about", low=lo, high=hi)
        n.unscaled = lo
        # "tens of thousands of dollars", "hundreds of miles": the unit after "of"
        u = _match_unit(text, m.end())
        if u is not None and u[2] in ("money", "measure", "duration") and u[1] != "times":
            end_u, unit, kind, factor = u
            if kind == "duration":
                factor, unit = DAY_FACTORS[unit], "day"
            n.value, n.low, n.high = lo * factor, lo * factor, hi * factor
            n.unit, n.kind, n.has_unit, n.end = unit, kind, True, end_u
        found.add(n, (m.start(), n.end if n.has_unit else m.end()))


def _multiples(text: str, found: _Found) -> None:
    """"sixfold", "tenfold": a multiple written as one word."""
    for m in _FOLD_RE.finditer(text):
        w = m.group("n").lower()
        v = _MULTIPLES.get(w) or word_number(w)
        if v is None or not found.free(m.start(), m.end()):
            continue
        found.add(_Num(start=m.start(), end=m.end(), value=v, unit="times", kind="measure",
                       has_unit=True, unscaled=v), (m.start(), m.end()))


def _half_scales(text: str, found: _Found) -> None:
    """"half a million": a number, not "a million"."""
    for m in _HALF_SCALE_RE.finditer(text):
        v = 0.5 * (12.0 if m.group("s").lower() == "dozen" else SCALE_WORDS[m.group("s").lower()])
        found.add(_Num(start=m.start(), end=m.end(), value=v, unscaled=0.5,
                       scaled=m.group("s").lower() != "dozen"), (m.start(), m.end()))


def _halves(text: str, found: _Found) -> None:
    """"half of the staff", "almost half the homes": 50 percent."""
    for m in _HALF_RE.finditer(text):
        if not found.free(m.start(), m.end()):
            continue
        found.add(_Num(start=m.start(), end=m.end(), value=50.0, unit="percent",
                       kind="percent", has_unit=True, unscaled=50.0), (m.start(), m.end()))


def _fractions(text: str, found: _Found) -> None:
    """Fractions: "two-thirds" -> 66.7 percent."""
    for m in _FRACTION_RE.finditer(text):
        if not found.free(m.start(), m.end()):
            continue
        num = _UNITS_WORDS.get(m.group("n").lower(), 1)
        v = 100.0 * num * FRACTION_WORDS[m.group("d").lower()]
        found.add(_Num(start=m.start(), end=m.end(), value=round(v, 2), unit="percent",
                       kind="percent", has_unit=True), (m.start(), m.end()))


def _ordinal_durations(text: str, found: _Found) -> None:
    """Ordinal durations: "in its second week", "the 19th day"; "past its first year" is
    a bound: more than one year (the reader's upper end is set by the verdicts)."""
    for m in _ORDINAL_DURATION_RE.finditer(text):
        o = (m.group("o") or m.group("o2")).lower()
        k = _ORDINALS.get(o) or int(re.match(r"\d+", o).group())
        f = DAY_FACTORS[m.group("u").lower()]
        start = m.start("o" if m.group("o") else "o2")
        past = _PAST_ORDINAL.search(text, max(0, m.start() - 12), m.start())
        if past and m.group("o"):
            n = _Num(start=past.start(), end=m.end(), value=k * f, unit="day", kind="duration",
                     approx="more_than", low=k * f, high=INF, has_unit=True)
        else:
            n = _Num(start=start, end=m.end(), value=k * f, unit="day", kind="duration",
                     approx="ordinal", low=(k - 1) * f, high=k * f, has_unit=True)
        found.add(n, (m.start(), m.end()))


def _numerals(text: str, found: _Found) -> None:
    """Numerals and number words ("3.5 million", "$40", "twenty-five", "35m"), with the
    currency before them and the unit after them, where no other reading took the text."""
    for m in _NUMBER.finditer(text):
        if not m.group(0).strip() or not found.free(m.start(), m.end()):
            continue
        s, e = m.start(), m.end()
        if _not_a_numeral(text, m):
            continue
        parsed = _parse_number(m)
        if parsed is None:
            continue
        value, scaled, unscaled = parsed
        cur = _CURRENCY_PREFIX_RE.search(text, max(0, s - 6), s)
        if cur and cur.group(0) == "PS" and re.fullmatch(r"\d", m.group(0)):
            continue  # "PS5" is a games console; a folded £ comes with a sum ("PS6m")
        if m.group("abbr") and not cur and not _abbreviated_scale(text, m, e):
            # "35m" without a currency and read as metres: the number ends at its digits
            e = m.end("digits") if m.group("digits") else m.end("words")
            value, scaled = unscaled, False
            if m.group("dozen"):
                value *= 12
        if cur is None and _is_excluded(text, m, value):
            continue
        n = _Num(start=s, end=e, value=value, scaled=scaled, unscaled=unscaled)
        if cur:
            code = next(
                c for i, (_, c) in enumerate(CURRENCY_PREFIXES) if cur.group(f"c{i}") is not None
            )
            n.start = cur.start()
            n.unit, n.kind, n.has_unit = code, "money", True
        _unit_after(text, n, value, e, cur is not None)
        if not n.has_unit and _is_year(text, m, value):
            continue
        if (not n.has_unit and m.group("words") and m.group("words").lower() == "one"
                and (not re.match(r"\s+[a-z]", text[e:]) or _PRONOUN_ONE.search(text[:n.start]))):
            continue  # "one" as a pronoun ("the one", "a second one") is not a count
        found.add(n, (n.start, n.end))


def _not_a_numeral(text: str, m: re.Match) -> bool:
    """Whether a match of :data:`_NUMBER` is no number: inside a word or an identifier,
    a name ("Ocean's Eleven"), "a"/"an" that is not a bound on a duration, "no one"."""
    s, e = m.start(), m.end()
    if (s > 0 and text[s - 1].isalnum() and not m.group("neg")
            and not _CURRENCY_PREFIX_RE.search(text, max(0, s - 6), s)):
        return True  # middle of a word or identifier
    if e < len(text) and text[e - 1].isalpha() and text[e].isalpha():
        return True  # "ten" in "tent"
    if not m.group("words"):
        return False
    if _named_by_number(text, s, e):
        return True
    w = m.group("words").lower()
    if w in INDEFINITE_ARTICLES and not (m.group("dozen") or m.group("scale")):
        # "more than a year", "nearly a month": a bound on one unit of time
        unit = _match_unit(text, e)
        mod = _modifier_before(text, s)
        if (unit is None or unit[2] != "duration" or mod is None
                or mod[0] == "exact" or _OFFSET_AFTER.match(text, unit[0])):
            return True
    return w == "one" and bool(re.search(r"\b(?:no|any|every|each|some|the|this|that)\s+$",
                                         text[max(0, s - 8) : s], re.IGNORECASE))


def _abbreviated_scale(text: str, m: re.Match, e: int) -> bool:
    """Whether a scale abbreviation with no currency ("35m", "25k") is a scale.

    "35m" is a million only before "of", a plural noun or a money word, or when written
    "4.3M" or "2.7m" (metres are seldom decimals in news, except heights and distances);
    otherwise "m" is left to read as metres. "25k" is 25,000 ("a 5k run" is a distance:
    the race word says so).
    """
    abbr = m.group("abbr").lower()
    nxt = text[e : e + 30]
    raw = m.group("abbr")
    million = raw in SURE_SCALE_ABBREVIATIONS or bool(
        re.match(r"\s+(?:of\b|[a-z]+s\b|" + "|".join(MILLION_NOUNS) + ")", nxt)
    )
    if abbr == "m" and "." in (m.group("digits") or "") and not re.match(
        r"\s*(?:" + "|".join(METRE_WORDS) + r"|in\b|from\b|[-(])", nxt
    ):
        million = True
    if abbr == "k" and not re.match(r"\s*(?:" + "|".join(RACE_WORDS) + r")\b", nxt):
        million = True
    return million


def _unit_after(text: str, n: _Num, value: float, e: int, currency: bool) -> None:
    """Give ``n`` the unit written after it at ``e`` ("5 km", "3 weeks", "40 percent"),
    then a rate ("per hour"). After a currency sign the money reading stands ("$5
    million", "$5 a share")."""
    u = _match_unit(text, e)
    if u is None and not currency:
        u = _unit_after_modifier(text, e)
    if u is not None and n.kind != "money":
        end_u, unit, kind, factor = u
        if kind == "duration":
            n.value = value * DAY_FACTORS[unit]
            n.unit = "day"
        elif kind == "money":
            n.value = value * factor
            n.unit = unit
        else:
            n.unit = unit
        n.kind = kind
        n.end = end_u
        n.has_unit = True
    if n.has_unit and n.kind != "duration":
        per = _PER_RE.match(text, n.end)
        if per:
            d = per.group("d").lower()
            n.unit = f"{n.unit} per {PER_UNIT_NAMES.get(d, d)}"
            n.end = per.end()


# "a second one", "the other one", "this one": a pronoun after a determiner or ordinal
_PRONOUN_ONE = re.compile(
    r"\b(?:the|this|that|every|any|another|which|a\s+(?:new|second|third|fourth|different|"
    r"similar|bigger|smaller|larger)|(?:the\s+)?(?:first|second|third|last|next|other|same|"
    r"only|latest|new))\s+$",
    re.IGNORECASE,
)


# A market index named in the sentence: its levels are points ("the TSX rose to 16,369.03").
_INDEX_CONTEXT = re.compile(
    r"\b(?:index|indices|indexes|points|" + _INDEX_NAMES
    + r"|composite|blue[- ]chips?|stock exchange)\b",
    re.IGNORECASE,
)
# An index level as written: "16369.03", "1,333.18", or "26,000" right after "to"/"at"
_LEVEL = re.compile(r"\d{1,3}(?:,\d{3})*\.\d{2}|\d{3,}\.\d{2}|(?P<whole>\d{1,3}(?:,\d{3})+)")
_LEVEL_BEFORE = re.compile(r"(?:\b(?:to|at|of|from)\s+|\(\s*)$", re.IGNORECASE)
# after a level: punctuation, the end, or the change ("16,369.03 up 58.06 points")
_LEVEL_AFTER = re.compile(
    r"\s*(?:[,.;:)]|$|(?:up|down|points?|on|in|as|while|and|after|before|from|at)\b)",
    re.IGNORECASE,
)


def _index_points(text: str, nums: list[_Num]) -> None:
    """Give the bare levels of a market index their unit, ``point``."""
    if not _INDEX_CONTEXT.search(text):
        return
    for n in nums:
        if n.has_unit or n.scaled or n.low is not None or n.value < 100:
            continue
        lv = _LEVEL.fullmatch(text, n.start, n.end)
        if lv is None or not _LEVEL_AFTER.match(text, n.end):
            continue
        if lv.group("whole") and not _LEVEL_BEFORE.search(text[max(0, n.start - 8) : n.start]):
            continue
        n.unit, n.kind, n.has_unit = "point", "measure", True


_PART_OF = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|an?)\s+$", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]{1,40}\)")


def _share_units(text: str, nums: list[_Num]) -> None:
    """Carry a unit to numbers that are written without it but plainly share it.

    "raised 280 million of the 1.5 billion shekels": a part takes the whole's currency.
    "C$6 (US$4.46) per share": the rate after a conversion in brackets covers both sums.
    """
    for a, b in itertools.pairwise(nums):
        if (not a.has_unit and a.low is None and b.has_unit and b.kind in ("money", "measure")
                and _PART_OF.fullmatch(text, a.end, b.start)):
            a.unit, a.kind, a.has_unit = b.unit, b.kind, True
            a.value *= b.value / b.unscaled if not b.scaled and b.unscaled else 1.0
    for a in nums:
        if not a.has_unit or " per " in a.unit or a.kind not in ("money", "measure"):
            continue
        par = _PARENTHESIS.match(text, a.end)
        per = _PER_RE.match(text, par.end()) if par else None
        if per is None:
            continue
        d = per.group("d").lower()
        for n in nums:
            if n is a or (n.has_unit and par.start() <= n.start < par.end() and n.kind == a.kind
                          and " per " not in n.unit):
                n.unit = f"{n.unit} per {PER_UNIT_NAMES.get(d, d)}"


def _named_by_number(text: str, start: int, end: int) -> bool:
    """A number word that is part of a name or a compound adjective, not a count.

    "BBC One", "the Kick Six" (capitalised after a name), "a three-bed flat", "a four-door
    car" (joined to a singular noun that describes the next one).
    """
    word = text[start:end]
    before = text[max(0, start - 30) : start]
    if word[0].isupper() and start > 0 and re.search(r"[A-Z][\w'’&.-]*\s$", before):
        prev = re.search(r"([A-Za-z][\w'’&.-]*)\s$", before).group(1)
        if prev.lower() not in CAPITALISED_FUNCTION_WORDS and not re.search(r"[.!?]\s*\S*\s$",
                                                                       before):
            return True
    joined = re.match(r"-([a-z]+)\s+[a-z]", text[end : end + 30])
    if joined:
        noun = joined.group(1)
        return (not noun.endswith("s") and _match_unit(text, end) is None
                and noun not in HYPHENED_COUNT_WORDS)
    return False


def _apply_modifiers(text: str, nums: list[_Num]) -> None:
    for n in nums:
        if n.approx != "exact" or n.low is not None:
            continue
        mod = _modifier_before(text, n.start)
        if mod is None:
            continue
        approx, mstart = mod
        # "over" and "under" after a verb of motion are not bounds ("handed over 300") —
        # accepted as bounds: news rarely says that before a number
        if approx == "exact":
            continue
        n.approx = approx
        n.start = mstart


def _merge_ranges(text: str, nums: list[_Num]) -> list[_Num]:
    out: list[_Num] = []
    i = 0
    while i < len(nums):
        a = nums[i]
        if i + 1 < len(nums) and a.low is None and a.approx in ("exact", "about"):
            b = nums[i + 1]
            gap = text[a.end : b.start]
            head = text[max(0, a.start - 9) : a.start].lower()
            between = re.search(r"\bbetween\s+$", head) is not None
            frm = re.search(r"\bfrom\s+$", head) is not None
            # "up 10 cents to $2.24", "by $43 billion to $419 billion": a change and a level
            # ("by 1 to 1.5 degrees" is a range: its first number has no unit of its own)
            change = re.search(r"\b(?:by|up|down)\s+$", head) is not None and a.has_unit
            # "$500,000 to $1 million a year": the rate's unit covers both ends
            same = a.unit == b.unit or (a.has_unit and b.unit.startswith(a.unit + " per "))
            # a bare first number is read in the second's unit as written ("25-40min")
            b_written = b.unscaled if not a.has_unit and b.has_unit and not b.scaled else b.value
            sep = _RANGE_SEP.fullmatch(gap)
            if gap in ("-", "–") and not a.has_unit and not b.has_unit and a.value >= b.value:
                i += 2  # a score ("3-1", "2-2"), not a quantity
                continue
            and_sep = re.fullmatch(r"\s+and\s+", gap)
            ok = False
            if and_sep and between:
                ok = True
            elif sep:
                word = sep.group(0).strip().lower()
                if word in ("-", "–", "—"):
                    ok = not a.has_unit or same
                    ok = ok and a.value < b_written * (1e12 if not a.scaled and b.scaled else 1)
                elif word == "or":
                    ok = not a.has_unit and b.has_unit and a.unscaled < b.unscaled
                elif word in RANGE_WORDS and not change:
                    ok = (not a.has_unit or same) and (b.low is None)
                    if a.has_unit and same:
                        ok = True
                    elif not a.has_unit and b.has_unit and not frm:
                        ok = a.unscaled <= b.unscaled or b.scaled
                    elif not a.has_unit and not b.has_unit:
                        ok = True
                    if a.kind == "money" and b.kind != "money":
                        ok = False
            if ok and b.low is None:
                lo_v = a.value
                if not a.has_unit and b.has_unit and not b.scaled and b.unscaled:
                    # the second number's factor to its unit: days ("25-40min"), cents
                    lo_v = a.value * b.value / b.unscaled
                if not a.scaled and b.scaled and a.unscaled < b.unscaled:
                    lo_v = lo_v * (b.value / b.unscaled if b.unscaled else 1)
                lo, hi = sorted((lo_v, b.value))
                start = a.start
                if between or frm:
                    start = a.start - len(head) + head.rfind("between" if between else "from")
                r = _Num(start=start, end=b.end, value=(lo + hi) / 2, unit=b.unit or a.unit,
                         kind=b.kind if b.has_unit else a.kind, approx="range", low=lo,
                         high=hi, has_unit=a.has_unit or b.has_unit, scaled=b.scaled,
                         unscaled=b.unscaled)
                if a.value > b.value and frm:
                    r.value = b.value
                out.append(r)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _noun_from_text(text: str, end: int) -> str | None:
    """The noun a number counts, read from the text after it when there is no parse: the
    word after "of" and a determiner, singular; a function word ("one of the most", "two
    other lawyers") is none."""
    m = re.match(
        r"\s+(?:of\s+)?(?:(?:the|its|their|his|her|our|these|those)\s+)?([A-Za-z][a-z]+)\b",
        text[end : end + 40],
    )
    if not m:
        return None
    w = m.group(1).lower()
    if w in STOP_WORDS:
        return None
    if w == "people":
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _noun_from_span(span, start: int, end: int) -> str | None:
    """Lemma of the noun a number counts, from the parse (offsets relative to the span)."""
    base = span.start_char
    toks = [t for t in span if t.idx - base < end and t.idx + len(t) - base > start]
    if not toks:
        return None
    last = toks[-1]
    tok = last
    # climb through number compounds ("3 million")
    for _ in range(3):
        if tok.dep_ in ("nummod", "quantmod", "compound", "npadvmod", "amod", "conj") and (
            tok.head.like_num or tok.head.pos_ == "NUM" or tok.head.tag_ == "CD"
        ) and tok.head is not tok:
            tok = tok.head
        else:
            break
    if tok.dep_ in ("nummod", "amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head
        # "150 Central American migrants": the noun the proper adjective sits on
        while head.dep_ == "compound" and head.pos_ == "PROPN" and head.head.pos_ == "NOUN":
            head = head.head
        return head.lemma_.lower()
    if tok.head.lower_ == "worth" and tok.head.head.pos_ == "NOUN":
        return tok.head.head.lemma_.lower()  # "tariffs worth $3 billion"
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for p in child.children:
                if p.dep_ == "pobj":
                    return p.lemma_.lower()
    nxt = last.nbor(1) if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.pos_ == "NOUN" and nxt.i < span.end:
        return nxt.lemma_.lower()
    return None


# A time offset ("two weeks ago", "two days before the vote") is a time, not a duration.
_OFFSET_AFTER = re.compile(r"\s*(?:" + "|".join(TIME_OFFSET_WORDS) + r")\b", re.IGNORECASE)
# A duration right after a rate or amount is the period it is spread over ("a 9% raise over
# two years"), not how long something has lasted.
_PERIOD_BEFORE = re.compile(
    r"(?:%|\bper ?cent|\bpercent|\d)(?:\s+[A-Za-z]+){0,2}\s+(?:over|across|within|spread over)"
    r"\s+(?:the\s+(?:next|coming|first|last|past)\s+)?$",
    re.IGNORECASE,
)
_PERIOD_WORD = re.compile(r"(?:over|across|within)\s+", re.IGNORECASE)
_NOUNS = ("NOUN", "PROPN")


def _phrase_head(noun):
    """The noun a prepositional phrase hangs on: the parser often hangs a relative clause
    on the last noun ("the strike at the port, which has entered ...")."""
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in _NOUNS:
        noun = noun.head.head
    return noun


def _duration_owner(span, start: int, end: int) -> str | None:
    """Lemma of what a duration measures ("strike" in "the strike, now in its third week").

    Climbs from the duration's last word to the first noun or verb outside it: a noun is
    the owner ("a three-week strike", "the strike, now in its 19th day"); for a verb the
    owner is its subject, and a relative clause's subject is the noun it hangs on ("a
    strike that has lasted three weeks"). Pronoun subjects ("it") give no owner.
    """
    base = span.start_char
    inside = [t for t in span if t.idx - base < end and t.idx + len(t) - base > start]
    if not inside:
        return None
    ids = {t.i for t in inside}
    before = inside[0].nbor(-1) if inside[0].i > span.start else None
    if before is not None and before.pos_ in _NOUNS:
        return before.lemma_.lower()  # "port strike nears three weeks"
    cur = inside[-1]
    for _ in range(8):
        if cur.head is cur:
            break
        cur = cur.head
        if cur.i in ids or cur.pos_ in ("ADP", "ADV", "NUM", "ADJ", "DET", "PRON", "PART"):
            continue
        if cur.pos_ in _NOUNS:
            return cur.lemma_.lower()
        if cur.pos_ in ("VERB", "AUX"):
            verb = cur
            for _ in range(3):
                subj = next(
                    (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None
                )
                if subj is not None and subj.lower_ not in RELATIVE_PRONOUNS:
                    return subj.lemma_.lower() if subj.pos_ in _NOUNS else None
                if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in _NOUNS:
                    return _phrase_head(verb.head).lemma_.lower()
                if verb.dep_ == "conj" and verb.head is not verb:
                    verb = verb.head
                    continue
                break
            return None
    return None


def find_quantities(text: str, doc_span=None) -> list[Quantity]:
    """Find the quantities written in a text.

    Args:
        text: Plain text (a sentence or a clause).
        doc_span: Optional spaCy ``Doc`` or ``Span`` whose text is ``text``; when given,
            each count's ``noun`` comes from the parse, otherwise from the next word.

    Returns:
        The quantities in text order, with offsets relative to ``text``.
    """
    nums = _read_numbers(text)
    _index_points(text, nums)
    _share_units(text, nums)
    _apply_modifiers(text, nums)
    nums = _merge_ranges(text, nums)
    out: list[Quantity] = []
    for n in nums:
        if n.low is not None:
            low, high = n.low, n.high if n.high is not None else n.low
            if n.approx == "about" and n.kind == "count" and n.unit == "":
                pass
        else:
            low, high = _approx_interval(n.approx, n.value)
        noun = None
        if n.kind == "count":
            if doc_span is not None:
                noun = _noun_from_span(doc_span, n.start, n.end)
            if noun is None:
                noun = _noun_from_text(text, n.end)
        elif n.kind in ("percent", "money") and doc_span is not None:
            # what the share or sum is of: "a 25 percent tariff", "30 percent of imports"
            noun = _noun_from_span(doc_span, n.start, n.end)
        elif n.kind == "duration":
            if _OFFSET_AFTER.match(text, n.end):
                continue
            head = text[max(0, n.start - 40) : n.start]
            lead = _PERIOD_WORD.match(text, n.start)
            if _PERIOD_BEFORE.search(head + (lead.group(0) if lead else "")):
                # the span of a rate: as written, not a bound ("over two years")
                n.start = lead.end() if lead else n.start
                n.approx, low, high, noun = "exact", n.value, n.value, "period"
            elif doc_span is not None:
                noun = _duration_owner(doc_span, n.start, n.end)
        if math.isnan(n.value):
            continue
        out.append(
            Quantity(
                text=text[n.start : n.end].strip(),
                value=n.value,
                low=low,
                high=high,
                unit=n.unit,
                approx=n.approx,
                kind=n.kind,
                start=n.start,
                end=n.end,
                noun=noun,
            )
        )
    return out


def shift(q: Quantity, offset: int) -> Quantity:
    """The same quantity with its offsets moved by ``offset`` (text -> article offsets)."""
    from dataclasses import replace

    return replace(q, start=q.start + offset, end=q.end + offset)
