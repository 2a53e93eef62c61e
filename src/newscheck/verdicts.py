"""Verdicts: which claims of a story are corroborated, contested or single-source.

Agreement and disagreement come from the claims' typed slots, never from a model's
guess:

* **quantity**: aligned claims give the same kind of number (same kind, unit and thing
  counted) and the numbers disagree: their central values differ by more than
  ``quantity_tolerance`` (relative), or the intervals their wording allows are disjoint.
  Open-ended wording ("more than 10") is read as "a little more than 10" (up to twice the
  tolerance above it), so "more than 10" against "about 40" is shown to the reader while
  "more than 1,000" against "1,200" is not;
* **date / time**: the same event (same predicate, dated by the time nearest its verb)
  placed at different times: resolved dates more than ``date_tolerance_days`` apart, or,
  unresolved, calendar parts written in both that differ ("in May" vs "26 December
  1970") or expressions of one family that exclude each other ("last week" vs "last
  month", "on Monday" vs "on Thursday"); a person's birth or death date, read from the
  verb ("was born in May") or a bracket after the name ("(born 3 May 1950)", "(1921 -
  1980)"), differing between reports whatever the clauses' verbs;
* **person**: two people named as the current holder of the same single-holder office
  (a qualified role such as "port authority director", or an office like "mayor");
* **role**: one person called former (or late) in one report and current in another;
* **event**: the same predicate with overlapping subjects, negated in one report only;
* **place**: the same predicate placed in different places that neither report mentions
  together.

Alignment puts each claim in one group, yet one sentence can hold a count and a
duration, and the same figure can sit in differently worded sentences. So numbers and
dates are also compared slot by slot across the whole story: quantities with a known
noun are bucketed by kind, unit and what they count (``align.counted_class``: "members"
and "dockworkers" are people; "walkout" is the strike), and two claims of different
reports disagree when their sentences are *related* (one group, or a cosine of at least
``related_similarity``; durations of a named event need 0.1 less). Durations of
something ongoing are moved to the earliest publication date and compared as spans. A
count of one ("one dockworker said") and a part of a figure ("two of the injured") are
no figures; a vague figure that fits two sides ("thousands") takes neither. A time dates
the event of the clause it sits in (``event_words``): two claims whose time clauses
share two content words date one event, unless one is a plan (after publication) and
the other past, the claim is hedged, or the time dates a statement ("said on Thursday").

A group of aligned claims is **corroborated** when two or more independent reports make
it (a copy and its original count once) and it is in no kept conflict; **contested** when
one of its claims stands in a kept conflict (only the ``max_conflicts`` heaviest are
kept); otherwise **single_source**. A claim aligned with nothing is single-source; those
with no checkable slot (no number, time, entity, role or place) and salience below
``min_single_source_salience`` are left out, and at most ``max_single_source`` are kept,
the most salient first, so the list stays readable.

A conflict's weight is ``base(kind) * (0.5 + prominence) * (1 + 0.2 * (sources - 2))``:
prominence is the best ``0.5 * salience + 0.5 * position`` of its claims (position 1 for
the headline, ``1 / (1 + paragraph)`` below it) and sources the independent reports on
all its sides. ``Conflict.claims`` holds the ids of the story claims (``c1``...) involved.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .align import (
    content_words,
    counted_class,
    entity_key,
    lexical_similarity,
    stem,
)
from .model import (
    Analysis,
    Claim,
    ClaimGroup,
    Conflict,
    ConflictKind,
    Evidence,
    Frame,
    Quantity,
    RoleMention,
    Side,
    StoryClaim,
    TimeRef,
)
from .settings import VerdictSettings
from .times import find_times

# fmt: off
_KIND_BASE: dict[str, float] = {
    "quantity": 1.0, "person": 1.0, "role": 0.9, "date": 0.9,
    "time": 0.8, "event": 0.8, "place": 0.6, "other": 0.5,
}
# fmt: on
_STATUS_RANK = {"corroborated": 0, "contested": 1, "single_source": 2}

# fmt: off
# Roles many people hold at once: naming two of them is no disagreement, even qualified
# ("union spokeswoman"). Other qualified roles ("finance minister") have one holder.
_PLURAL_ROLE = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "member", "members",
    "lawmaker", "analyst", "aide", "adviser", "advisor", "worker", "workers", "officer",
    "officers", "resident", "residents", "correspondent", "reporter", "expert", "witness",
    "source",
})
_SINGLE_OFFICE = frozenset({
    "president", "prime minister", "chancellor", "mayor", "governor", "premier", "pope",
    "king", "queen", "ceo", "chief executive", "chairman", "chairwoman", "chair",
    "secretary general", "secretary-general",
})
_GONE = frozenset({"former", "late"})

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)
# fmt: on
_RELATIVE_PERIOD = re.compile(r"\b(last|this|next|past)\s+(week|month|year|weekend)\b")
_RELATIVE_DAY = re.compile(r"\b(yesterday|today|tonight|tomorrow)\b")
_DAYS_AGO = re.compile(r"\b(\d+|one|two|three|four|five|six|seven)\s+days?\s+ago\b")
_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


# --------------------------------------------------------------------------- bookkeeping


@dataclass(frozen=True, slots=True)
class _Ref:
    """A claim with the report it comes from."""

    claim: Claim
    analysis: Analysis
    report: int
    order: int

    @property
    def article(self) -> str:
        return self.claim.article

    def evidence(self) -> Evidence:
        s = self.analysis.sentences[self.claim.sentence]
        return Evidence(article=s.article, sentence=s.text, start=s.start, end=s.end)

    def prominence(self) -> float:
        s = self.analysis.sentences[self.claim.sentence]
        position = 1.0 if s.is_title else 1.0 / (1.0 + s.paragraph)
        return 0.5 * self.claim.salience + 0.5 * position


@dataclass(slots=True)
class _Finding:
    """A disagreement before it becomes a :class:`Conflict`: sides are claim ids."""

    kind: ConflictKind
    topic: str
    values: list[str]
    sides: list[list[str]]
    note: str
    parts: list[str] | None = None
    """Per-side pieces of the note (rebuilt when sides are dropped), with ``suffix``."""
    suffix: str = ""

    @classmethod
    def compared(
        cls,
        *,
        kind: ConflictKind,
        topic: str,
        values: list[str],
        sides: list[list[str]],
        parts: list[str],
        suffix: str = "",
    ) -> _Finding:
        """A finding whose note compares one piece per side: "'a' (..) vs 'b' (..)"."""
        return cls(
            kind=kind,
            topic=topic,
            values=values,
            sides=sides,
            note=" vs ".join(parts) + suffix,
            parts=parts,
            suffix=suffix,
        )


def _index(analyses: Sequence[Analysis]) -> dict[str, _Ref]:
    refs: dict[str, _Ref] = {}
    for r, analysis in enumerate(analyses):
        for claim in analysis.claims:
            refs[claim.id] = _Ref(claim=claim, analysis=analysis, report=r, order=len(refs))
    return refs


def _cluster(items: Sequence[tuple[str, object]], agree) -> list[list[tuple[str, object]]]:
    """Complete-link clusters of (claim id, value): a value joins the first cluster it
    agrees with entirely, else starts a new one. Deterministic in input order."""
    clusters: list[list[tuple[str, object]]] = []
    for item in items:
        for cluster in clusters:
            if all(agree(item[1], other[1]) for other in cluster):
                cluster.append(item)
                break
        else:
            clusters.append([item])
    return clusters


def _short(text: str, words: int = 10) -> str:
    parts = text.rstrip(" .!?").split()
    out = " ".join(parts[:words])
    return out + ("…" if len(parts) > words else "")


def _lower_first(text: str) -> str:
    """Lower-case a leading function word ("The strike" -> "the strike"), keep names."""
    first, _, rest = text.partition(" ")
    if first.lower() in {"the", "a", "an", "its", "their", "his", "her", "this", "that"}:
        return f"{first.lower()} {rest}".strip()
    return text


def _verb_as_written(claim: Claim) -> str | None:
    """The predicate's form as written in the claim ("leaked" for lemma "leak")."""
    if not claim.predicate:
        return None
    target = stem(claim.predicate)
    for word in re.findall(r"[A-Za-z]+", claim.text):
        if stem(word) == target and word.lower() != claim.predicate.lower() + "s":
            return word.lower()
    return None


# --------------------------------------------------------------------------- quantities


def _reading(q: Quantity, tol: float) -> tuple[float, float]:
    """The interval a reader takes from a quantity's wording (open ends made finite)."""
    low, high = q.low, q.high
    if q.kind == "duration" and q.approx == "exact":
        # "three weeks" is a round figure: day 19 of a strike is "three weeks" too
        low, high = low * (1 - tol), high * (1 + tol)
    if math.isinf(high):
        high = max(low, q.value) * (1 + 2 * tol)
    if math.isinf(low) or (low <= 0 < high and q.approx in {"less_than", "at_most"}):
        low = high * (1 - 2 * tol)
    return low, high


def quantities_agree(a: Quantity, b: Quantity, tolerance: float) -> bool:
    """Whether two quantities of the same thing can both be right, as a reader sees it.

    They agree when the intervals their wording allows overlap and either their central
    values are within ``tolerance`` of each other (relative) or one interval holds the
    other whole (a vaguer figure that includes the precise one: "hundreds" and "about
    250"). So "between 10 and 50" against "about 48" disagrees: the centres are far apart
    and the second reaches past the first.

    Args:
        a: One quantity.
        b: The other, of the same kind, unit and thing counted.
        tolerance: Relative difference of central values still read as agreement.
    """
    la, ha = _reading(a, tolerance)
    lb, hb = _reading(b, tolerance)
    ca, cb = (la + ha) / 2, (lb + hb) / 2
    scale = max(abs(ca), abs(cb))
    close = scale == 0 or abs(ca - cb) / scale <= tolerance
    # A hair of slack so that exact figures a rounding apart are not called disjoint.
    slack = 0.01 * scale
    overlap = la <= hb + slack and lb <= ha + slack
    if a.kind == "duration" and b.kind == "duration":
        # "in its third week" and "almost three weeks" are spans, not central values
        return overlap
    holds = (la <= lb and hb <= ha) or (lb <= la and ha <= hb)
    return overlap and (close or holds)


def _fmt_number(x: float) -> str:
    if math.isinf(x):
        return "∞"
    return f"{x:,.0f}" if abs(x - round(x)) < 1e-9 else f"{x:,.1f}"


def _describe(q: Quantity, tolerance: float) -> str:
    unit = {"day": "days", "percent": "%", "": ""}.get(q.unit, q.unit)
    low, high = q.low, q.high
    if math.isinf(high):
        body = f"{_fmt_number(low)} or more"
    elif low == high:
        body = _fmt_number(low)
    else:
        body = f"{_fmt_number(low)}–{_fmt_number(high)}"
    if unit == "%":
        return body + "%"
    return f"{body} {unit}".strip()


def _plural(noun: str) -> str:
    if noun in {"people", "police", "staff", "personnel"} or noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


# Dates of claims matched by their words alone further apart than this are two events.
_MAX_EVENT_GAP_DAYS = 90
# Cosine of two sentences above which claims with one predicate report the same event.
_SAME_EVENT_SIMILARITY = 0.7
# Kinds compared across the whole story by what they count; percentages and money are
# compared within aligned groups only ("a 25 percent tariff on steel" and "a 10 percent
# tariff on aluminium" share the noun, not the thing).
_STORY_KINDS = frozenset({"count", "duration", "measure"})
_PARTITIVE = re.compile(r"\s+of\s+(?:the|them|those|these|whom)\b", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:were|was|been|are|is|being)\s+([a-z]+ed|hurt|killed)\b")


def _quantity_topic(q: Quantity, ref: _Ref) -> str:
    subject = _lower_first(ref.claim.subject) if ref.claim.subject else None
    if q.kind == "duration":
        if q.noun and q.noun != "period":
            return f"how long the {q.noun} has lasted"
        return f"how long {subject} has lasted" if subject else "how long it has lasted"
    if q.noun and q.kind == "count" and counted_class(q.noun) == "people":
        passive = _PASSIVE.search(ref.claim.text)
        if q.noun in {"hurt", "injured", "injure", "wounded", "dead", "killed"}:
            return f"number of people {'injured' if q.noun in {'hurt', 'injure'} else q.noun}"
        if passive:
            return f"number of {_plural(q.noun)} {passive.group(1)}"
        return f"number of {_plural(q.noun)}"
    if q.noun:
        if q.kind == "money":
            return f"amount of {q.noun}"
        if q.kind == "percent":
            return f"share of {_plural(q.noun)}"
        if q.kind == "measure":
            return f"size of {q.noun}"
        return f"number of {_plural(q.noun)}"
    verb = _verb_as_written(ref.claim)
    if verb and q.kind == "count":
        return f"how many were {verb}" if verb.endswith("ed") else f"the figure for '{verb}'"
    return f"the figure in '{_short(ref.claim.text, 8)}'"


def _figure(q: Quantity, ref: _Ref) -> bool:
    """Whether a quantity is a figure worth comparing at all."""
    if q.kind == "count" and q.high < 2:
        return False  # "one dockworker said", "a second one": a person or a thing, no figure
    if _PARTITIVE.match(ref.analysis.article.text, q.end):
        return False  # "two of the injured": part of a figure given elsewhere
    # how long *what* lasted: "a 30-day delay" and "four hours before the deadline" are two
    # durations of two things; only a named thing that lasts compares
    return q.kind != "duration" or q.noun not in (None, "period")


def _comparable(a: tuple[_Ref, Quantity], b: tuple[_Ref, Quantity], similarity) -> bool:
    """Whether two quantities of aligned claims speak of the same thing.

    Nouns known on both sides must count the same thing. A bare number ("the caravan once
    numbered about 1,200", "30 percent") is compared only with a claim about the same
    event: the same predicate and sentences at least ``_SAME_EVENT_SIMILARITY`` apart, and,
    against a named figure, a sentence that mentions what the other counts.
    """
    (ra, qa), (rb, qb) = a, b
    if qa.kind != qb.kind or qa.unit != qb.unit:
        return False
    if qa.noun is not None and qb.noun is not None:
        return counted_class(qa.noun) == counted_class(qb.noun)
    pa, pb = (ra.claim.predicate or "").lower(), (rb.claim.predicate or "").lower()
    if not pa or pa != pb or similarity(ra, rb) < _SAME_EVENT_SIMILARITY:
        return False
    named = qa if qa.noun is not None else qb if qb.noun is not None else None
    if named is None:
        return True
    bare_ref = rb if named is qa else ra
    return stem(named.noun) in content_words(bare_ref.claim.text)


def _quantity_findings(refs: Sequence[_Ref], tol: float, similarity) -> list[_Finding]:
    pool = [(r, q) for r in refs for q in r.claim.quantities if _figure(q, r)]
    buckets: list[list[tuple[_Ref, Quantity]]] = []
    for r, q in pool:
        for bucket in buckets:
            # One quantity per claim per bucket; every member about the same thing.
            if all(x.claim.id != r.claim.id and _comparable(m, (r, q), similarity)
                   for m in bucket for x in (m[0],)):
                bucket.append((r, q))
                break
        else:
            buckets.append([(r, q)])
    out: list[_Finding] = []
    for bucket in buckets:
        if len({r.article for r, _ in bucket}) < 2:
            continue
        if all(q.noun is not None for _, q in bucket) and bucket[0][1].kind in _STORY_KINDS:
            continue  # compared across the story by _story_quantity_findings
        items = [(r.claim.id, _as_of(q, r, _reference_date(bucket))) for r, q in bucket]
        clusters = _cluster(items, lambda a, b: quantities_agree(a, b, tol))
        if len(clusters) < 2:
            continue
        heads: list[Quantity] = [c[0][1] for c in clusters]  # type: ignore[misc]
        named = next((q for _, q in bucket if q.noun), bucket[0][1])
        ref = next(r for r, q in bucket if q is named)
        parts = [f"'{q.text}' ({_describe(q, tol)})" for q in heads]
        out.append(
            _Finding.compared(
                kind="quantity",
                topic=_quantity_topic(named, ref),
                values=[q.text for q in heads],
                sides=[[cid for cid, _ in c] for c in clusters],
                parts=parts,
            )
        )
    return out


def _reference_date(pairs: Sequence[tuple[_Ref, Quantity]]) -> dt.date | None:
    dates = [r.analysis.article.published for r, _ in pairs if r.analysis.article.published]
    return min(dates) if dates else None


def _as_of(q: Quantity, ref: _Ref, day: dt.date | None) -> Quantity:
    """A duration of something ongoing, moved back to ``day`` so that reports published
    on different days compare ("third week" on the 15th is "second or third" on the 13th)."""
    published = ref.analysis.article.published
    if q.kind != "duration" or q.noun in (None, "period") or day is None or published is None:
        return q
    shift = (published - day).days
    if shift <= 0:
        return q
    return dataclasses.replace(
        q, value=max(0.0, q.value - shift), low=max(0.0, q.low - shift),
        high=max(0.0, q.high - shift),
    )


_FUNCTION_WORDS = frozenset({
    "of", "the", "a", "an", "its", "their", "his", "her", "our", "all", "those", "these",
    "them", "more", "than", "some", "about", "other", "such",
})


def _modifiers(ref: _Ref, q: Quantity) -> frozenset[str] | None:
    """Lower-case words between a number and the noun it counts ("three intercontinental
    ballistic missiles" -> {intercontinental, ballistic}); None when the noun is not
    written within a few words after the number."""
    if not q.noun:
        return None
    text = ref.analysis.article.text
    if text[q.start : q.end] != q.text:
        return None  # offsets of another text: nothing to read
    words = re.findall(r"[\w'-]+", text[q.end : q.end + 80])[:7]
    target = stem(q.noun)
    for n, w in enumerate(words):
        if stem(w.lower()) == target or w.lower() == q.noun:
            return frozenset(x for x in words[:n] if x.islower() and x not in _FUNCTION_WORDS)
    return None


def _same_kind_of_thing(ra: _Ref, qa: Quantity, rb: _Ref, qb: Quantity) -> bool:
    """Whether two counts of one noun count the same kind of it: "23 missiles" and "three
    intercontinental ballistic missiles" count a set and a part of it. Capitalised
    modifiers ("Central American migrants") describe rather than restrict, and are
    ignored."""
    ma, mb = _modifiers(ra, qa), _modifiers(rb, qb)
    return ma is None or mb is None or ma == mb


def _same_doing(ra: _Ref, qa: Quantity, rb: _Ref, qb: Quantity) -> bool:
    """Whether two counts in different groups say the same thing of what they count: the
    clauses around them share a word besides the noun ("four people were injured" and
    "seven were injured"), so "three people indicted" and "four people pleaded guilty"
    count two groups."""
    wa = event_words(ra.claim.text, qa.text) - {stem(qa.noun or "")}
    wb = event_words(rb.claim.text, qb.text) - {stem(qb.noun or "")}
    return bool(wa & wb)


def _story_quantity_findings(
    refs: Sequence[_Ref],
    related,
    tol: float,
    in_group=lambda a, b: False,
    similarity=lambda a, b: 0.0,
) -> list[_Finding]:
    """Quantities of the same named thing compared across all the story's claims.

    Alignment puts a claim in one group only, yet a sentence can give both a count and a
    duration: every pair of related claims (same group, or close sentences) is compared
    slot by slot. Quantities are bucketed by kind, unit and what they count
    (:func:`newscheck.align.counted_class`); a disagreement needs two related claims of
    different reports on different sides.
    """
    buckets: dict[tuple[str, str, str], list[tuple[_Ref, Quantity]]] = {}
    for r in refs:
        for q in r.claim.quantities:
            if q.noun is None or q.noun == "period" or q.kind not in _STORY_KINDS:
                continue
            if not _figure(q, r):
                continue
            bucket = buckets.setdefault((q.kind, q.unit, counted_class(q.noun)), [])
            if all(x.claim.id != r.claim.id for x, _ in bucket):
                bucket.append((r, q))
    out: list[_Finding] = []
    for key, bucket in sorted(buckets.items()):
        if len({r.article for r, _ in bucket}) < 2:
            continue
        # How long a named event has lasted needs less context than a head count: in one
        # story "the strike" is the strike, while "members" may be another crowd.
        slack = 0.1 if key[0] == "duration" else 0.0
        day = _reference_date(bucket)
        moved = {r.claim.id: _as_of(q, r, day) for r, q in bucket}
        agree = lambda a, b: quantities_agree(a, b, tol)
        clusters = _cluster([(r.claim.id, moved[r.claim.id]) for r, _ in bucket], agree)
        if len(clusters) < 2:
            continue
        side_of = {cid: n for n, c in enumerate(clusters) for cid, _ in c}
        keep: set[str] = set()
        for i, (ra, qa) in enumerate(bucket):
            for rb, qb in bucket[i + 1 :]:
                a, b = ra.claim.id, rb.claim.id
                if (
                    side_of[a] != side_of[b]
                    and ra.article != rb.article
                    and related(ra, rb, slack)
                    and _same_kind_of_thing(ra, qa, rb, qb)
                    and (
                        key[0] == "duration"
                        or in_group(ra, rb)
                        or similarity(ra, rb) >= _SAME_EVENT_SIMILARITY
                        or _same_doing(ra, qa, rb, qb)
                    )
                ):
                    keep |= {a, b}
        # ... and the claims related to those (the same figure in another sentence)
        grown = True
        while grown:
            more = {
                r.claim.id
                for r, _ in bucket
                if r.claim.id not in keep
                and any(related(r, k, slack) for k, _ in bucket if k.claim.id in keep)
            }
            keep |= more
            grown = bool(more)
        kept = [(r, q) for r, q in bucket if r.claim.id in keep]
        clusters = _cluster([(r.claim.id, moved[r.claim.id]) for r, _ in kept], agree)
        # A vague figure that fits two sides ("thousands") takes neither.
        heads = [c[0][1] for c in clusters]
        clusters = [
            [(cid, q) for cid, q in c if sum(agree(q, h) for h in heads) < 2 or q is c[0][1]]
            for c in clusters
        ]
        if len(clusters) < 2:
            continue
        by_id = {r.claim.id: (r, q) for r, q in kept}
        heads = [by_id[c[0][0]][1] for c in clusters]
        # the topic from the side most reports give
        main = max(clusters, key=len)
        ref, named = by_id[main[0][0]]
        out.append(
            _Finding(
                kind="quantity",
                topic=_quantity_topic(named, ref),
                values=[q.text for q in heads],
                sides=[[cid for cid, _ in c] for c in clusters],
                note=" vs ".join(f"'{q.text}' ({_describe(q, tol)})" for q in heads),
                parts=[f"'{q.text}' ({_describe(q, tol)})" for q in heads],
            )
        )
    return out


# --------------------------------------------------------------------------- times


def _expression(t: TimeRef) -> tuple[str, str] | None:
    """(family, value) of an unresolved time expression, when it names a point that
    excludes the others of its family."""
    text = f"{t.text} {t.norm}".lower()
    m = _RELATIVE_PERIOD.search(text)
    if m:
        direction = "last" if m.group(1) == "past" else m.group(1)
        return "period", f"{direction} {m.group(2)}"
    m = _DAYS_AGO.search(text)
    if m:
        n = _SMALL.get(m.group(1)) or int(m.group(1))
        return "day", "yesterday" if n == 1 else f"{n} days ago"
    m = _RELATIVE_DAY.search(text)
    if m:
        return "day", {"tonight": "today"}.get(m.group(1), m.group(1))
    for w in _WEEKDAYS:
        if re.search(rf"\b{w}\b", text):
            return "weekday", w
    for w in _MONTHS:
        if re.search(rf"\b{w}\b", t.text.lower()) and not re.search(r"\d", t.text):
            return "month", w
    return None


def _interval(t: TimeRef) -> tuple[dt.date, dt.date] | None:
    low = t.low or t.resolved
    high = t.high or t.resolved
    if low is None or high is None:
        return None
    return low, high


def times_agree(a: TimeRef, b: TimeRef, tolerance_days: int) -> bool:
    """Whether two times can place the same event.

    The same words always agree. Resolved periods must overlap or come within
    ``tolerance_days`` (so a day inside the other's month agrees: "on July 13" and "in
    July"); unresolved ones disagree only when they are of one family and differ ("last
    week" vs "last month").

    Args:
        a: One time reference.
        b: The other.
        tolerance_days: Gap between resolved periods still read as agreement.
    """
    if " ".join(a.text.lower().split()) == " ".join(b.text.lower().split()):
        return True  # "on 13 July" and "on 13 July", one report undated: the same words
    ia, ib = _interval(a), _interval(b)
    if ia and ib:
        gap = max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)
        return gap <= tolerance_days
    ca, cb = date_parts(a), date_parts(b)
    if ca and cb:
        return _parts_agree(ca, cb, tolerance_days)
    ea, eb = _expression(a), _expression(b)
    if ea and eb and ea[0] == eb[0]:
        return ea[1] == eb[1]
    return True


_PARTS = re.compile(r"^(?:date|month|year):(?P<y>\d{4}|--)?-?(?P<m>\d\d)?(?:-(?P<d>\d\d))?(?::|$)")


def date_parts(t: TimeRef) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) a calendar expression names, each None when not written.

    Only what the words say counts: "in May" names a month and no year even when the
    published date would place it. Relative expressions ("last week") have no parts.

    Args:
        t: A time reference.
    """
    m = _PARTS.match(t.norm)
    if not m:
        return None
    year = int(m["y"]) if m["y"] and m["y"] != "--" else None
    if year is not None and not re.search(rf"\b{year}\b", t.text):
        year = None  # the year was supplied by the published date, not written
    month = int(m["m"]) if m["m"] and t.norm.startswith(("date", "month")) else None
    day = int(m["d"]) if m["d"] else None
    if year is None and month is None:
        return None
    return year, month, day


def _parts_agree(a: tuple, b: tuple, tolerance_days: int) -> bool:
    """Whether two partial calendar dates can name the same day: every part written in
    both must match (days within ``tolerance_days`` of each other)."""
    (ya, ma, da), (yb, mb, db) = a, b
    if ya is not None and yb is not None and ya != yb:
        return False
    if ma is not None and mb is not None and ma != mb:
        return False
    if ma is not None and ma == mb and da is not None and db is not None:
        return abs(da - db) <= tolerance_days
    return True


def predicate_time(claim: Claim) -> TimeRef | None:
    """The time that dates a claim's predicate: the one nearest the verb as written.

    "Filmed in 2015, the film premiered on September 2, 2016" dates its premiere with
    the second time, not the first; with no verb found, the first time.

    Args:
        claim: The claim.
    """
    if not claim.times:
        return None
    verb = _verb_as_written(claim)
    at = -1
    if verb:
        m = re.search(rf"\b{re.escape(verb)}\b", claim.text, re.IGNORECASE)
        at = m.start() if m else -1
    if at < 0:
        return claim.times[0]
    end = at + len(verb or "")
    placed = []
    for n, t in enumerate(claim.times):
        pos = claim.text.find(t.text)
        if pos < 0:
            continue
        between = claim.text[end:pos] if pos >= end else claim.text[pos + len(t.text) : at]
        # a comma or bracket between them puts the time in another clause
        breaks = len(re.findall(r"[,;:()\u2013\u2014]", between))
        placed.append((breaks, len(between), n, t))
    return min(placed, key=lambda x: x[:3])[3] if placed else claim.times[0]


def _time_findings(refs: Sequence[_Ref], tolerance_days: int) -> list[_Finding]:
    by_predicate: dict[str, list[_Ref]] = {}
    for r in refs:
        if r.claim.times and r.claim.predicate:
            by_predicate.setdefault(r.claim.predicate.lower(), []).append(r)
    out: list[_Finding] = []
    for _predicate, rs in sorted(by_predicate.items()):
        if len({r.article for r in rs}) < 2:
            continue
        # The time must date the predicate's event in both: "alleging conspiracy in the
        # 2016 election" and "ahead of November elections" date two elections, not a suit.
        items = [
            (r.claim.id, (t, event_words(r.claim.text, t.text)))
            for r in rs
            for t in [predicate_time(r.claim)]
            if t is not None and not dates_a_noun(r.claim.text, t.text)
        ]

        def agree(a: tuple[TimeRef, frozenset[str]], b: tuple[TimeRef, frozenset[str]]) -> bool:
            if a[1] and b[1] and not a[1] & b[1]:
                return True  # two clauses with nothing in common: two events
            return times_agree(a[0], b[0], tolerance_days)

        clusters = [
            [(cid, t) for cid, (t, _) in c]
            for c in _cluster(items, agree)  # type: ignore[arg-type]
        ]
        if len(clusters) < 2:
            continue
        heads: list[TimeRef] = [c[0][1] for c in clusters]  # type: ignore[misc]
        resolved = all(_interval(t) for t in heads)
        ref = rs[0]
        verb = _verb_as_written(ref.claim)
        subject = _lower_first(ref.claim.subject) if ref.claim.subject else None
        topic = (
            f"when {subject} {verb}" if subject and verb else f"when: '{_short(ref.claim.text, 8)}'"
        )
        if resolved:
            note = " vs ".join(
                f"'{t.text}' ({_interval(t)[0].isoformat()})"
                for t in heads  # type: ignore[index]
            )
            note += f": more than {tolerance_days} days apart"
        else:
            note = " vs ".join(f"'{t.text}'" for t in heads) + ": different times for one event"
        out.append(
            _Finding(
                kind="date" if resolved else "time",
                topic=topic,
                values=[t.text for t in heads],
                sides=[[cid for cid, _ in c] for c in clusters],
                note=note,
            )
        )
    return out


# A clause ends at punctuation or where a subordinate clause begins: "The dispute sharpened
# this week | when the union released a memo" holds two events.
_CLAUSE_BREAK = re.compile(
    r"\s*[,;:()\u2013\u2014]\s*|\s+(?:when|after|before|because|as|while|but|and|in which|"
    r"where|since|until|saying|according to|that)\s+",
    re.IGNORECASE,
)
_RELATIVE_START = re.compile(r"^(?:which|who|that|whom)\b", re.IGNORECASE)
# fmt: off
_TIME_WORDS = frozenset(stem(w) for w in (
    *_WEEKDAYS, *_MONTHS, "day", "days", "week", "weeks", "month", "months", "year", "years",
    "ago", "today", "yesterday", "tomorrow", "tonight", "morning", "evening", "night",
    "afternoon", "last", "next", "earlier", "later", "now", "one", "two", "three", "four",
    "five", "six", "seven", "eight", "nine", "ten", "union", "government", "authority",
    "both", "again",
))
# A time right after a speech verb dates the statement ("she said on Thursday that ...").
_SPEECH_BEFORE = re.compile(
    r"(?:\b(?:said|says|told|tells|announced|added|stated|confirmed)(?:\s+\w+)?\s*$)|\bspeaking\b",
    re.IGNORECASE,
)
# fmt: on


def event_words(text: str, time_text: str) -> frozenset[str]:
    """Content words of the clause a time expression sits in: the event it dates.

    "The memo, which was circulated to managers two weeks ago, sets out a plan" ->
    {memo, circulat, manager}: a relative clause takes in the noun it hangs on. Time
    words and the ubiquitous actors of a story (union, government) are left out.

    Args:
        text: The claim's text.
        time_text: The time expression as written in it.
    """
    at = text.find(time_text)
    if at < 0:
        return frozenset()
    cuts = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    lo = max((e for s, e in cuts if e <= at), default=0)
    hi = min((s for s, e in cuts if s >= at + len(time_text)), default=len(text))
    clause = text[lo:hi]
    if _SPEECH_BEFORE.search(text[lo:at]):
        return frozenset()  # when it was said, not when it happened
    if _RELATIVE_START.match(clause):
        before = [(s, e) for s, e in cuts if e <= lo]
        start = before[-2][1] if len(before) >= 2 else 0
        clause = text[start : before[-1][0]] + " " + clause if before else clause
    return frozenset(w for w in content_words(clause) if w not in _TIME_WORDS)


# Words that may follow a time without being the noun it dates ("on Monday said", "in July
# and", "last week's").
_AFTER_TIME = frozenset({
    "said", "says", "told", "that", "to", "and", "or", "but", "when", "after", "before", "as",
    "the", "a", "an", "at", "in", "on", "for", "with", "by", "from", "of", "it", "he", "she",
    "they", "we", "is", "was", "were", "are", "will", "would", "had", "has", "have", "morning",
    "afternoon", "evening", "night", "if", "while", "than", "this", "his", "her", "its", "their",
    "amid", "despite", "because", "so", "until", "since", "again", "alone", "too",
})


def dates_a_noun(text: str, time_text: str) -> bool:
    """Whether a time modifies the noun after it ("the 2016 election", "November
    elections") and so dates that noun rather than the clause's event.

    Args:
        text: The claim's text.
        time_text: The time expression as written in it.
    """
    at = text.find(time_text)
    if at < 0:
        return False
    m = re.match(r"\s+([a-z][a-z-]+)\b", text[at + len(time_text) :])
    if not m:
        return False
    word = m.group(1)
    return word not in _AFTER_TIME and not word.endswith(("ed", "ly", "ing"))


def _tense(ref: _Ref, t: TimeRef) -> str:
    """Whether a time lies after its report's publication ("next week": a plan) or not."""
    published = ref.analysis.article.published
    span = _interval(t)
    if published is None or span is None:
        return "unknown"
    return "future" if span[0] > published else "past"


def _common_words(text: str) -> frozenset[str]:
    """Content words written in lower case: what a clause says happened, not who."""
    return frozenset(content_words(" ".join(re.findall(r"(?<![\w.])[a-z][\w'-]*", text))))


def _gap_days(a: TimeRef, b: TimeRef) -> int:
    ia, ib = _interval(a), _interval(b)
    if not ia or not ib:
        return 0
    return max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)


def _story_time_findings(
    refs: Sequence[_Ref], related, tolerance_days: int, in_group=lambda a, b: False
) -> list[_Finding]:
    """Times of one event compared across the story's related claims.

    Two claims date the same event when the clauses their times sit in share two content
    words, one of them a common word rather than a name (:func:`event_words`: "the memo
    was sent to managers on Monday" and "the memo, circulated to port managers two weeks
    ago"), their subjects overlap (an envoy's meeting is not a minister's) and their
    sentences are related. Matched by words, dates months apart (``_MAX_EVENT_GAP_DAYS``)
    are two events ("suspended its programme in early 2004", "revealed the files on
    Monday"): reports of one story rarely misdate an event by a season.
    """
    items: list[tuple[_Ref, TimeRef, frozenset[str]]] = []
    for r in refs:
        if r.claim.hedged or r.claim.negated:
            continue  # a plan ("would start on Monday") or a denial dates nothing
        for t in r.claim.times:
            words = event_words(r.claim.text, t.text)
            if len(words) >= 2:
                items.append((r, t, words))
                break
    out: list[_Finding] = []
    done: set[str] = set()
    for i, (ra, ta, wa) in enumerate(items):
        if ra.claim.id in done:
            continue
        # the claims dating the same event as this one, in other reports
        same = [(ra, ta)]
        for rb, tb, wb in items[i + 1 :]:
            if rb.article == ra.article or rb.claim.id in done:
                continue
            shared = wa & wb
            if (
                len(shared) >= 2
                and shared & _common_words(ra.claim.text) & _common_words(rb.claim.text)
                and related(ra, rb)
                and _subjects_overlap(ra.claim, rb.claim)
                and _tense(ra, ta) == _tense(rb, tb)
                and _gap_days(ta, tb) <= _MAX_EVENT_GAP_DAYS
                # unresolved, a gap cannot part two events: the verb must be the same
                and (
                    (_interval(ta) and _interval(tb))
                    or (ra.claim.predicate or "").lower() == (rb.claim.predicate or "").lower()
                )
            ):
                same.append((rb, tb))
        if len({r.article for r, _ in same}) < 2:
            continue
        clusters = _cluster(
            [(r.claim.id, t) for r, t in same], lambda a, b: times_agree(a, b, tolerance_days)
        )
        if len(clusters) < 2:
            continue
        done |= {r.claim.id for r, _ in same}
        heads: list[TimeRef] = [c[0][1] for c in clusters]  # type: ignore[misc]
        resolved = all(_interval(t) for t in heads)
        subject = ra.claim.subject.split(",")[0].strip() if ra.claim.subject else None
        if subject and len(subject.split()) <= 6:
            topic = f"date of {_lower_first(subject)}"
        else:
            topic = f"when: '{_short(ra.claim.text, 8)}'"
        if resolved:
            parts = [f"'{t.text}' ({_interval(t)[0].isoformat()})" for t in heads]  # type: ignore[index]
            suffix = f": more than {tolerance_days} days apart"
        else:
            parts = [f"'{t.text}'" for t in heads]
            suffix = ": different times for one event"
        out.append(
            _Finding.compared(
                kind="date" if resolved else "time",
                topic=topic,
                values=[t.text for t in heads],
                sides=[[cid for cid, _ in c] for c in clusters],
                parts=parts,
                suffix=suffix,
            )
        )
    return out


# --------------------------------------------------------------------------- life dates

_PAREN = re.compile(r"\(([^()]{4,160})\)")
_NAME_WORDS = re.compile(r"[A-Z][\w'\-]+")
_LIFE_PREDICATES = {"bear": "born", "die": "died"}


def life_dates(claim: Claim) -> list[tuple[str, str, TimeRef]]:
    """Birth and death dates a claim gives for a person: ``(event, person, time)``.

    Read from the predicate ("Ana Ruiz was born in May 1950", "Ruiz died on 2 May
    2001": the person is the subject) and from a parenthesis after a name ("Ana Ruiz
    (born 3 May 1950)", "Ana Ruiz (3 May 1950 - 2 May 2001)"), whatever the clause's
    verb. Only calendar dates count (a year at least).

    Args:
        claim: The claim.
    """
    out: list[tuple[str, str, TimeRef]] = []
    event = _LIFE_PREDICATES.get((claim.predicate or "").lower())
    if event and claim.subject and not claim.negated and not claim.hedged:
        t = predicate_time(claim)
        if t is not None and date_parts(t):
            out.append((event, claim.subject, t))
    for m in _PAREN.finditer(claim.text):
        before = claim.text[: m.start()].rstrip()
        name = re.search(r"(?:[A-Z][\w'\-.]*\s+){0,4}[A-Z][\w'\-.]*$", before)
        if not name:
            continue
        person = name.group(0)
        if claim.subject and person in claim.subject:
            person = claim.subject  # "X (dates), better known as Y,": both names
        inner = m.group(1)
        dated = [t for t in find_times(inner, None) if date_parts(t)]
        if not dated:
            continue
        born_at = re.search(r"\bborn\b", inner)
        died_at = re.search(r"\b(?:died|d\.)\s", inner)
        if len(dated) >= 2 and re.search(r"[-\u2013\u2014\u2212]|\bto\b",
                                         inner[dated[0].end : dated[1].start]):
            out.append(("born", person, dated[0]))
            out.append(("died", person, dated[1]))
        elif born_at and not died_at:
            after = [t for t in dated if t.start > born_at.start()]
            if after:
                out.append(("born", person, after[0]))
        elif died_at and not born_at:
            after = [t for t in dated if t.start > died_at.start()]
            if after:
                out.append(("died", person, after[0]))
    return out


def _same_named(a: str, b: str) -> bool:
    """Whether two name strings can denote one person: the same person by
    :func:`same_person`, or every capitalised word of one written in the other."""
    from .entities import same_named

    return same_named(a, b)


def _life_findings(refs: Sequence[_Ref], tolerance_days: int) -> list[_Finding]:
    """Birth or death dates of one person that differ between reports."""
    items = [(r, e, p, t) for r in refs for e, p, t in life_dates(r.claim)]
    out: list[_Finding] = []
    done: set[tuple[str, str]] = set()
    for i, (ra, ea, pa, ta) in enumerate(items):
        if (ra.claim.id, ea) in done:
            continue
        same = [(ra, ta)] + [
            (rb, tb)
            for rb, eb, pb, tb in items[i + 1 :]
            if eb == ea and rb.article != ra.article and _same_named(pa, pb)
        ]
        if len({r.article for r, _ in same}) < 2:
            continue
        clusters = _cluster(
            list(dict.fromkeys((r.claim.id, t) for r, t in same)),
            lambda a, b: _parts_agree(date_parts(a), date_parts(b), tolerance_days),
        )
        if len(clusters) < 2:
            continue
        done |= {(r.claim.id, ea) for r, _ in same}
        heads: list[TimeRef] = [c[0][1] for c in clusters]  # type: ignore[misc]
        name = " ".join(_NAME_WORDS.findall(pa)[:3]) or pa
        parts = [f"'{t.text}'" for t in heads]
        suffix = f": different dates of {'birth' if ea == 'born' else 'death'}"
        out.append(
            _Finding.compared(
                kind="date",
                topic=f"when {name} {'was born' if ea == 'born' else 'died'}",
                values=[t.text for t in heads],
                sides=[[cid for cid, _ in c] for c in clusters],
                parts=parts,
                suffix=suffix,
            )
        )
    return out


# --------------------------------------------------------------------------- negation, place


def _subjects_overlap(a: Claim, b: Claim) -> bool:
    if not a.subject or not b.subject:
        return True
    return bool(content_words(a.subject) & content_words(b.subject))


# Verbs that deny what their complement says: "X denied his campaign colluded" says what
# "X said his campaign did not collude" says.
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|refut(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?\s+(?:claims?|"
    r"reports?|suggestions?|allegations?)|reject(?:s|ed|ing)?\s+(?:claims?|reports?|"
    r"suggestions?|allegations?|accusations?))\b",
    re.IGNORECASE,
)


def polarity(claim: Claim) -> bool:
    """Whether a claim asserts its predicate (True) or denies it (False).

    Grammatical negation ("did not collude") and a denial verb governing the predicate
    ("denied his campaign colluded", "rejected claims that it colluded") both deny; a
    denied negation ("denied that it did not pay") asserts.

    Args:
        claim: The claim.
    """
    negative = claim.negated
    verb = _verb_as_written(claim)
    at = claim.text.lower().find(verb) if verb else -1
    head = claim.text[:at] if at > 0 else ""
    if verb and _DENIAL.search(head) and not _DENIAL.search(verb):
        negative = not negative
    return not negative


def _negation_findings(refs: Sequence[_Ref]) -> list[_Finding]:
    out: list[_Finding] = []
    by_predicate: dict[str, list[_Ref]] = {}
    for r in refs:
        if r.claim.predicate and not r.claim.hedged:
            by_predicate.setdefault(r.claim.predicate.lower(), []).append(r)
    for _predicate, rs in sorted(by_predicate.items()):
        yes = [r for r in rs if polarity(r.claim)]
        no = [r for r in rs if not polarity(r.claim)]
        if not yes or not no:
            continue
        if not any(_subjects_overlap(a.claim, b.claim) for a in yes for b in no):
            continue
        text = _lower_first(_short(yes[0].claim.text, 12))
        out.append(
            _Finding(
                kind="event",
                topic=f"whether {text}",
                values=[_short(yes[0].claim.text, 12), _short(no[0].claim.text, 12)],
                sides=[[r.claim.id for r in yes], [r.claim.id for r in no]],
                note="one account says it happened, the other says it did not",
            )
        )
    return out


# fmt: off
_PLACE_ALIASES = {
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states", "uk": "united kingdom",
    "britain": "united kingdom", "great britain": "united kingdom", "uae": "united arab emirates",
    "eu": "european union",
}
# fmt: on


def place_key(place: str) -> str:
    """A place name normalised for comparison ("the U.K." -> "united kingdom")."""
    key = entity_key(place.replace(".", ""))
    return _PLACE_ALIASES.get(key, key)


def _located(claim: Claim, place: str) -> bool:
    """Whether a claim places its event at ``place`` ("in X", "at X"), rather than only
    naming it ("leaders of the two Koreas", "a U.S. official")."""
    return bool(
        re.search(rf"\b(?:in|at|near|inside|outside)\s+(?:the\s+)?{re.escape(place)}\b",
                  claim.text, re.IGNORECASE)
    )


def _place_findings(refs: Sequence[_Ref]) -> list[_Finding]:
    by_predicate: dict[str, list[_Ref]] = {}
    for r in refs:
        if (r.claim.predicate and len(r.claim.places) == 1
                and _located(r.claim, r.claim.places[0])):
            by_predicate.setdefault(r.claim.predicate.lower(), []).append(r)
    out: list[_Finding] = []
    for _predicate, rs in sorted(by_predicate.items()):
        if len({r.article for r in rs}) < 2:
            continue
        items = [(r.claim.id, (r.claim.places[0], r.analysis.article.text)) for r in rs]

        def agree(a: tuple[str, str], b: tuple[str, str]) -> bool:
            pa, pb = place_key(a[0]), place_key(b[0])
            if pa in pb or pb in pa:
                return True
            # A report that names both places elsewhere knows of both: no disagreement.
            return pa in place_key(b[1]) or pb in place_key(a[1])

        clusters = _cluster(items, agree)
        if len(clusters) < 2:
            continue
        values = [c[0][1][0] for c in clusters]  # type: ignore[index]
        ref = rs[0]
        verb = _verb_as_written(ref.claim) or ref.claim.predicate
        out.append(
            _Finding(
                kind="place",
                topic=f"where it {verb}" if verb else "where it happened",
                values=values,
                sides=[[cid for cid, _ in c] for c in clusters],
                note=" vs ".join(f"'{v}'" for v in values) + ": different places for one event",
            )
        )
    return out


# --------------------------------------------------------------------------- people, roles


def _role_key(role: str) -> str:
    return " ".join(re.sub(r"^(the|a|an)\s+", "", role.lower().strip()).split())


def _single_holder(role: str) -> bool:
    """Whether an office names one holder at a time (so two names disagree).

    The office must name its body or country ("port authority director", "France's
    finance minister", "Brazilian president"): a bare title ("president", "mayor") is held
    at once by people of different countries and bodies ("President X" and "President Y"
    of two countries are no rivals).
    """
    words = role.split()
    if len(words) < 2 or words[-1] in _PLURAL_ROLE:
        return False
    return role not in _SINGLE_OFFICE


_POSSESSIVE_BEFORE = re.compile(
    r"(?:\b(?:his|her|their|its|our|my|your)|['’]s?)\s+(?:\w+\s+){0,2}$", re.IGNORECASE
)


def _asserts_current(ref: _Ref, mention: RoleMention) -> bool:
    """Whether a role mention says the person holds the role now. A role told as a
    relation ("his campaign chairman X", "Trump's lawyer X") names who the person was to
    someone in the events reported, not a title held today."""
    if mention.status != "current":
        return False
    text = ref.analysis.article.text
    if 0 <= mention.start <= len(text):
        before = text[max(0, mention.start - 40) : mention.start]
        at = text[mention.start : mention.end]
        role_at = at.lower().find(mention.role.split()[0]) if mention.role else -1
        head = before + (at[:role_at] if role_at > 0 else "")
        if _POSSESSIVE_BEFORE.search(head):
            return False
    return True


def same_person(a: str, b: str) -> bool:
    """Whether two names can denote one person ("Ana Ruiz", "Ruiz", "A. Ruiz"; "Hana Jae"
    and "Hana Jae-in": a hyphenated tail cut off by the parser)."""
    from . import entities

    return entities.same_person(a, b)


def _role_findings(refs: Sequence[_Ref], related=None) -> list[_Finding]:
    refs_by_id = {r.claim.id: r for r in refs}
    mentions: dict[str, list[tuple[_Ref, RoleMention]]] = {}
    for r in refs:
        for m in r.claim.roles:
            key = _role_key(m.role)
            if key:
                mentions.setdefault(key, []).append((r, m))
    out: list[_Finding] = []
    for role, ms in sorted(mentions.items()):
        # Who holds the office now: two different current holders disagree.
        current = [(r, m) for r, m in ms if _asserts_current(r, m)]
        if (
            _single_holder(role)
            and len({r.article for r, _ in current}) >= 2
        ):
            items = [(r.claim.id, m.name) for r, m in current]
            clusters = _cluster(items, same_person)
            # the two names must be given in related sentences of different reports
            rivals = related is None or any(
                refs_by_id[x].article != refs_by_id[y].article
                and related(refs_by_id[x], refs_by_id[y])
                for i, ca in enumerate(clusters) for cb in clusters[i + 1 :]
                for x, _ in ca for y, _ in cb
            )
            if len(clusters) >= 2 and rivals:
                names = [max((n for _, n in c), key=len) for c in clusters]  # type: ignore[type-var]
                out.append(
                    _Finding(
                        kind="person",
                        topic=f"who is {role}",
                        values=names,  # type: ignore[arg-type]
                        sides=[[cid for cid, _ in c] for c in clusters],
                        note=" vs ".join(names) + f": different people named as {role}",  # type: ignore[arg-type]
                    )
                )
        # Whether a person still holds it: "former" in one report, current in another.
        people = _cluster([(r.claim.id, m.name) for r, m in ms], same_person)
        status_of = {(r.claim.id, m.name): m for r, m in ms}
        for person in people:
            gone = [cid for cid, n in person if status_of[(cid, n)].status in _GONE]
            still = [
                cid for cid, n in person
                if _asserts_current(refs_by_id[cid], status_of[(cid, n)])
            ]
            if not gone or not still:
                continue
            name = max((n for _, n in person), key=len)  # type: ignore[type-var]
            status = next(status_of[(c, n)].status for c, n in person if c in gone)
            out.append(
                _Finding(
                    kind="role",
                    topic=f"whether {name} is still {role}",
                    values=[f"{status} {role}", role],
                    sides=[gone, still],
                    note=f"called {status} {role} in one report and {role} in another",
                )
            )
    return out


# --------------------------------------------------------------------------- frames

_STATED = frozenset({"asserted", "expected"})


def frame_sign(frame: Frame) -> bool | None:
    """True when a frame says its event happens (or is expected to), False when it says it
    does not (or is unlikely to), None when it commits to neither (a hedge, a condition,
    a question, "not unlikely")."""
    if frame.modality == "unlikely":
        return False if frame.polarity else None
    if frame.modality in _STATED:
        return frame.polarity
    return None


_VAGUE_SUBJECTS = frozenset({"the", "a", "an", "it", "he", "she", "they", "this", "that", "no",
                             "none", "we", "i", "you", "there"})


def _frame_keys(frame: Frame) -> tuple[frozenset[str], tuple[str, ...]]:
    """(nouns that are not part of a name, names) among what a frame's event is done to."""
    name_words = {stem(w.lower()) for n in frame.names for w in re.findall(r"[\w'-]+", n)}
    nouns = frozenset(stem(w) for w in frame.arguments) - name_words
    # a bare surname beside a longer name holding it ("Donald Trump Jr., Trump ...") is
    # ambiguous: left out
    longer = [n.split() for n in frame.names if len(n.split()) > 1]
    names = tuple(
        n for n in frame.names
        if len(n.split()) > 1 or not any(n in words for words in longer)
    )
    return nouns, names


def _same_subject(a: Frame, b: Frame) -> bool:
    """Whether two frames name one doer: the same person or body, or the same words."""
    if not a.subject or not b.subject:
        return False
    if a.subject.split()[0].lower() in _VAGUE_SUBJECTS - {"the"} or (
        b.subject.split()[0].lower() in _VAGUE_SUBJECTS - {"the"}
    ):
        return False
    if _shared_names([a.subject], [b.subject]):
        return True
    wa, wb = content_words(a.subject), content_words(b.subject)
    return bool(wa) and wa == wb


_SUFFIX = re.compile(r"\b(?:jr|sr|ii|iii|iv)\b\.?", re.IGNORECASE)


def _shared_names(a: Sequence[str], b: Sequence[str]) -> list[str]:
    """Names of ``a`` that denote someone ``b`` names too ("Donald Trump Jr." is not
    "Trump": a generational suffix names another person)."""

    def same(x: str, y: str) -> bool:
        if bool(_SUFFIX.search(x)) != bool(_SUFFIX.search(y)):
            return False
        return entity_key(x) == entity_key(y) or _same_named(x, y)

    return [x for x in a if any(same(x, y) for y in b)]


def _window(text: str, start: int, end: int, words: int = 7) -> str:
    """The words around a span of a sentence (what a side's value shows)."""
    before = text[:start].split()[-words:]
    after = text[end:].split()[:words]
    out = " ".join([*before, text[start:end], *after]).strip(" ,;:")
    return ("…" if len(text[:start].split()) > words else "") + out + (
        "…" if len(text[end:].split()) > words else ""
    )


def _claim_at(analysis: Analysis, sentence: int, offset: int) -> Claim | None:
    """The claim of a sentence that holds a character offset (else its first claim)."""
    here = [c for c in analysis.claims if c.sentence == sentence]
    for c in here:
        lo, hi = getattr(c, "start", -1), getattr(c, "end", -1)
        if 0 <= lo <= offset < hi:
            return c
    return here[0] if here else None


def _sentence_times(analysis: Analysis, sentence: int) -> list[TimeRef]:
    return [t for c in analysis.claims if c.sentence == sentence for t in c.times]


def _frame_findings(
    analyses: Sequence[Analysis], similarity, copy_of: Mapping[str, str],
    settings: VerdictSettings,
) -> list[_Finding]:
    """The same event stated in one report and denied in another (see :func:`frame_sign`).

    Two frames of different sources speak of the same event when they have the same verb,
    share a name and a noun among their arguments, or two nouns ("naming a list of
    defendants that includes X" / "it does not name X as a defendant"; "he is expected to
    meet the queen" / "he is unlikely to meet Queen Elizabeth II"), their sentences are
    related (cosine at least ``frame_similarity``) and no time written in either sentence
    parts them.
    """
    items: list[tuple[Analysis, Frame, bool, frozenset[str], tuple[str, ...], Claim]] = []
    for analysis in analyses:
        for frame in analysis.frames:
            sign = frame_sign(frame)
            if sign is None:
                continue
            claim = _claim_at(analysis, frame.sentence, frame.start)
            if claim is None:
                continue
            nouns, names = _frame_keys(frame)
            items.append((analysis, frame, sign, nouns, names, claim))
    out: list[_Finding] = []
    seen: set[tuple[str, str]] = set()
    for i, (aa, fa, sa, na, ma, ca) in enumerate(items):
        if not sa:
            continue
        for ab, fb, sb, nb, mb, cb in items:
            if sb or fb.verb != fa.verb:
                continue
            src_a = copy_of.get(aa.article.id, aa.article.id)
            src_b = copy_of.get(ab.article.id, ab.article.id)
            if src_a == src_b:
                continue
            shared_nouns = na & nb
            shared_names = _shared_names(ma, mb)
            if not (shared_names or shared_nouns):
                continue  # nothing in common in what the event is done to
            evidence = (bool(shared_names) + bool(shared_nouns) + (len(shared_nouns) >= 2)
                        + _same_subject(fa, fb))
            if evidence < 2:
                continue
            ra = _Ref(claim=ca, analysis=aa, report=0, order=0)
            rb = _Ref(claim=cb, analysis=ab, report=0, order=0)
            if similarity(ra, rb) < settings.frame_similarity:
                continue
            ta, tb = _sentence_times(aa, fa.sentence), _sentence_times(ab, fb.sentence)
            if ta and tb and not any(
                times_agree(x, y, settings.date_tolerance_days) for x in ta for y in tb
            ):
                continue
            key = (ca.id, cb.id)
            if key in seen:
                continue
            seen.add(key)
            sent_a = aa.sentences[fa.sentence]
            sent_b = ab.sentences[fb.sentence]
            va = _window(sent_a.text, fa.start - sent_a.start, fa.end - sent_a.start)
            vb = _window(sent_b.text, fb.start - sent_b.start, fb.end - sent_b.start)
            about = ", ".join([*shared_names, *sorted(shared_nouns)][:3])
            expected = "unlikely" if fb.modality == "unlikely" else "not"
            out.append(
                _Finding(
                    kind="event",
                    topic=f"whether it {fa.verb}s ({about})" if about else f"whether it {fa.verb}s",
                    values=[va, vb],
                    sides=[[ca.id], [cb.id]],
                    note=(
                        "expected in one report, unlikely in another"
                        if expected == "unlikely"
                        else "one report says it happened, another says it did not"
                    ),
                )
            )
    return _merge_frame_findings(out)


def _merge_frame_findings(findings: list[_Finding]) -> list[_Finding]:
    """One finding per pair of sides: several frames of one sentence pair say one thing."""
    merged: dict[tuple[str, ...], _Finding] = {}
    for f in findings:
        merged.setdefault((f.topic.split(" (")[0], *f.sides[0], *f.sides[1]), f)
    # the same positive claims against several denials: one finding, sides grown
    by_positive: dict[tuple[str, str], _Finding] = {}
    for f in merged.values():
        key = (f.topic, f.sides[0][0])
        if key in by_positive:
            other = by_positive[key]
            for cid in f.sides[1]:
                if cid not in other.sides[1]:
                    other.sides[1].append(cid)
        else:
            by_positive[key] = f
    return list(by_positive.values())


# --------------------------------------------------------------------------- conflicts


def _settle_sides(finding: _Finding, refs: Mapping[str, _Ref]) -> _Finding | None:
    """Put each article on one side at most: its majority side, or none on a tie."""
    counts: dict[str, list[int]] = {}
    for s, ids in enumerate(finding.sides):
        for cid in ids:
            counts.setdefault(refs[cid].article, [0] * len(finding.sides))[s] += 1
    home: dict[str, int | None] = {}
    for article, per_side in counts.items():
        best = max(per_side)
        winners = [s for s, n in enumerate(per_side) if n == best]
        home[article] = winners[0] if len(winners) == 1 else None
    values: list[str] = []
    sides: list[list[str]] = []
    parts: list[str] = []
    for s, ids in enumerate(finding.sides):
        kept = [cid for cid in ids if home[refs[cid].article] == s]
        if kept:
            values.append(finding.values[s])
            sides.append(kept)
            if finding.parts:
                parts.append(finding.parts[s])
    if len(sides) < 2:
        return None
    if finding.parts:
        return _Finding.compared(
            kind=finding.kind,
            topic=finding.topic,
            values=values,
            sides=sides,
            parts=parts,
            suffix=finding.suffix,
        )
    return _Finding(
        kind=finding.kind, topic=finding.topic, values=values, sides=sides, note=finding.note
    )


def _evidence(ids: Iterable[str], refs: Mapping[str, _Ref]) -> tuple[Evidence, ...]:
    seen: set[tuple[str, int]] = set()
    out: list[Evidence] = []
    for cid in sorted(ids, key=lambda c: refs[c].order):
        ref = refs[cid]
        key = (ref.article, ref.claim.sentence)
        if key not in seen:
            seen.add(key)
            out.append(ref.evidence())
    return tuple(out)


def _weight(finding: _Finding, refs: Mapping[str, _Ref], copy_of: Mapping[str, str]) -> float:
    ids = [cid for side in finding.sides for cid in side]
    prominence = max(refs[c].prominence() for c in ids)
    sources = len({copy_of.get(refs[c].article, refs[c].article) for c in ids})
    return round(_KIND_BASE[finding.kind] * (0.5 + prominence) * (1 + 0.2 * (sources - 2)), 4)


# --------------------------------------------------------------------------- judge


def _relatedness(
    analyses: Sequence[Analysis],
    groups: Sequence[ClaimGroup],
    refs: Mapping[str, _Ref],
    threshold: float,
):
    """A test of whether two claims speak of related things: aligned in one group, or
    sentences closer than ``threshold`` (cosine; Ochiai word overlap of 0.3 without
    vectors)."""
    group_of = {c: g for g, group in enumerate(groups) for c in group.claims}
    similarity = _similarity(analyses)

    def related(a: _Ref, b: _Ref, slack: float = 0.0) -> bool:
        ga, gb = group_of.get(a.claim.id), group_of.get(b.claim.id)
        if ga is not None and ga == gb:
            return True
        return similarity(a, b) >= threshold - slack

    return related


def _similarity(analyses: Sequence[Analysis]):
    """Closeness of two claims' sentences: their cosine, or without vectors the Ochiai
    word overlap shifted so that its 0.3 threshold lines up with a cosine of 0.45."""
    vectors = {a.article.id: a.sentence_vectors for a in analyses}

    def similarity(a: _Ref, b: _Ref) -> float:
        va, vb = vectors.get(a.article), vectors.get(b.article)
        if va is not None and vb is not None:
            x = np.asarray(va[a.claim.sentence], dtype=np.float32)
            y = np.asarray(vb[b.claim.sentence], dtype=np.float32)
            return float(x @ y)
        return lexical_similarity(content_words(a.claim.text), content_words(b.claim.text)) + 0.15

    return similarity


def judge(
    analyses: Sequence[Analysis],
    groups: Sequence[ClaimGroup],
    copy_of: Mapping[str, str],
    settings: VerdictSettings,
) -> tuple[list[StoryClaim], list[Conflict]]:
    """Decide the status of every claim of one story and list its conflicts.

    Args:
        analyses: The story's reports.
        groups: Aligned claims (from :func:`newscheck.align.align_claims`).
        copy_of: Copy article id -> original id; a copy and its original count as one
            independent source.
        settings: Tolerances and limits (see the module docstring).

    Returns:
        The story's claims (ids ``c1``... ordered by status, salience, position) and its
        conflicts (ids ``x1``... heaviest first, at most ``max_conflicts``).
    """
    refs = _index(analyses)
    source = lambda article: copy_of.get(article, article)
    related = _relatedness(analyses, groups, refs, settings.related_similarity)
    similarity = _similarity(analyses)
    group_of = {c: g for g, group in enumerate(groups) for c in group.claims}
    in_group = lambda a, b: group_of.get(a.claim.id, -1) == group_of.get(b.claim.id, -2)

    findings: list[tuple[_Finding, int]] = []
    every = list(refs.values())
    for g, group in enumerate(groups):
        members = [refs[c] for c in group.claims if c in refs]
        if len({m.article for m in members}) < 2:
            continue
        for f in (
            _quantity_findings(members, settings.quantity_tolerance, similarity)
            + _time_findings(members, settings.date_tolerance_days)
            + _negation_findings(members)
            + _place_findings(members)
        ):
            findings.append((f, g))
    # Slot by slot across the story (a claim sits in one group, a sentence may hold a
    # count and a duration); after the groups' findings, which word their topics better.
    for f in _story_quantity_findings(
        every, related, settings.quantity_tolerance, in_group, similarity
    ):
        findings.append((f, -1))
    for f in _story_time_findings(every, related, settings.date_tolerance_days, in_group):
        findings.append((f, -1))
    for f in _role_findings(every, related):
        findings.append((f, -1))
    for f in _life_findings(every, settings.date_tolerance_days):
        findings.append((f, -1))
    for f in _frame_findings(analyses, similarity, copy_of, settings):
        findings.append((f, -1))

    settled: list[tuple[float, int, _Finding]] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    for f, _g in findings:
        s = _settle_sides(f, refs)
        if s is None:
            continue
        key = (s.kind, frozenset(c for side in s.sides for c in side))
        if key in seen:
            continue
        seen.add(key)
        first = min(refs[c].order for side in s.sides for c in side)
        settled.append((_weight(s, refs, copy_of), first, s))
    # A finding inside another of its kind (the same claims, fewer of them) says nothing new.
    claim_sets = [(f.kind, frozenset(c for side in f.sides for c in side)) for _, _, f in settled]
    settled = [
        t
        for t, (kind, ids) in zip(settled, claim_sets)
        if not any(k == kind and ids < other for k, other in claim_sets)
    ]
    settled.sort(key=lambda t: (-t[0], t[1], t[2].topic))
    kept = settled[: settings.max_conflicts]
    contested_ids = {c for _, _, f in kept for side in f.sides for c in side}

    # Story claims: one per aligned group, one per remaining claim.
    grouped: set[str] = set()
    drafts: list[tuple[int, float, int, StoryClaim]] = []
    for group in groups:
        members = sorted((refs[c] for c in group.claims if c in refs), key=lambda r: r.order)
        if not members:
            continue
        grouped.update(m.claim.id for m in members)
        independent = len({source(m.article) for m in members})
        if any(m.claim.id in contested_ids for m in members):
            status = "contested"
        elif independent >= 2:
            status = "corroborated"
        else:
            status = "single_source"
        head = max(members, key=lambda r: (r.claim.salience, -r.order))
        salience = max(m.claim.salience for m in members)
        drafts.append(
            (
                _STATUS_RANK[status],
                salience,
                members[0].order,
                StoryClaim(
                    id="",
                    text=head.claim.text,
                    status=status,
                    independent_sources=independent,
                    evidence=_evidence((m.claim.id for m in members), refs),
                    members=tuple(m.claim.id for m in members),
                    salience=salience,
                ),
            )
        )
    singles: list[tuple[int, float, int, StoryClaim]] = []
    for ref in refs.values():
        if ref.claim.id in grouped:
            continue
        c = ref.claim
        contested = c.id in contested_ids
        checkable = bool(c.quantities or c.times or c.entities or c.roles or c.places)
        if not contested and not checkable and c.salience < settings.min_single_source_salience:
            continue
        status = "contested" if contested else "single_source"
        entry = (
            _STATUS_RANK[status],
            c.salience,
            ref.order,
            StoryClaim(
                id="",
                text=c.text,
                status=status,
                independent_sources=1,
                evidence=_evidence([c.id], refs),
                members=(c.id,),
                salience=c.salience,
            ),
        )
        (drafts if contested else singles).append(entry)
    singles.sort(key=lambda t: (-t[1], t[2]))
    drafts.extend(singles[: settings.max_single_source])
    drafts.sort(key=lambda t: (t[0], -t[1], t[2]))

    story_claims: list[StoryClaim] = []
    story_id: dict[str, str] = {}
    for n, (_, _, _, draft) in enumerate(drafts, start=1):
        sid = f"c{n}"
        story_claims.append(dataclasses.replace(draft, id=sid))
        for m in draft.members:
            story_id[m] = sid

    conflicts: list[Conflict] = []
    for n, (weight, _, f) in enumerate(kept, start=1):
        ids = [c for side in f.sides for c in side]
        conflicts.append(
            Conflict(
                id=f"x{n}",
                topic=f.topic,
                kind=f.kind,
                sides=tuple(
                    Side(value=v, evidence=_evidence(side, refs))
                    for v, side in zip(f.values, f.sides)
                ),
                note=f.note,
                weight=weight,
                claims=tuple(dict.fromkeys(story_id[c] for c in ids if c in story_id)),
            )
        )
    return story_claims, conflicts
