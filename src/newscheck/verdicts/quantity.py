"""Quantity conflicts: the same thing counted, measured or lasting, given different figures.

Figures that are not counts of what happened never compare: a requirement or threshold
("needs 60 votes to pass", "41 votes to block it"), a part ("three of the missiles").
Two figures compare only when they can count one event: times told in their clauses must
not name different moments ("six arrests on Wednesday" against "47 the night before"),
and a report that itself gives figures of one thing at different times is matched only
at a time it gives. Sums and shares of different things ("in military aid", "in food
aid") are two figures. Durations read in their written unit (see :func:`_reading`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
from collections.abc import Sequence

from .. import tokens
from ..lexicon import (
    DAY_FACTORS,
    FIGURE_FUNCTION_WORDS,
    INJURY_NOUNS,
    INVARIANT_PLURALS,
    PARTITIVE_OF,
    REQUIRED_BE,
    REQUIRED_TO_VERBS,
    REQUIRED_WORDS,
    REQUIREMENT_LEADS,
    REQUIREMENT_WORDS,
    WHAT_FOR_DETERMINERS,
    WHAT_FOR_PREPOSITIONS,
    WRITTEN_UNIT,
)
from ..model import (
    Claim,
    Quantity,
    TimeRef,
    Token,
)
from ..text import content_words, counted_class, stem
from .common import (
    Finding,
    Ref,
    StoryView,
    cluster,
    lower_first,
    short,
    verb_as_written,
)
from .time import clause_cuts, event_words, times_agree

# --------------------------------------------------------------------------- quantities


def _written_unit(q: Quantity) -> float | None:
    """Days in the unit a duration is written in ("more than two years" -> 365.25)."""
    m = WRITTEN_UNIT.search(q.text) if q.kind == "duration" and q.unit == "day" else None
    return DAY_FACTORS[m.group(1).lower()] if m else None


def _reading(q: Quantity, tol: float) -> tuple[float, float]:
    """The interval a reader takes from a quantity's wording (open ends made finite).

    A duration is read in the unit it is written in: one who writes "more than two
    years" (or "past its second year") would write "more than three years" past three,
    so the reading ends one unit up (or at twice the tolerance, whichever is further);
    "nearly five years" starts half a unit below five, when that is nearer than the
    quantity's own lower end.
    """
    low, high = q.low, q.high
    if q.kind == "duration" and q.approx == "exact":
        # "three weeks" is a round figure: day 19 of a strike is "three weeks" too
        low, high = sorted((low * (1 - tol), high * (1 + tol)))  # "-1 day" stays ordered
    unit = _written_unit(q)
    if unit is not None and q.approx == "nearly" and high > 0:
        low = max(low, high - unit / 2)
    if math.isinf(high):
        start = max(low, q.value)
        high = start + 2 * tol * abs(start)  # "more than -1" (a fall) reaches up, too
        if unit is not None and q.approx in {"more_than", "at_least"}:
            high = max(high, start + unit)
    if math.isinf(low) or (low <= 0 < high and q.approx in {"less_than", "at_most"}):
        low = high - 2 * tol * abs(high)
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
    if noun in INVARIANT_PLURALS or noun.endswith("s"):
        return noun
    if noun.endswith("y") and noun[-2:-1] not in set("aeiou"):
        return noun[:-1] + "ies"
    return noun + "s"


# Kinds compared across the whole story by what they count; percentages and money are
# compared within aligned groups only ("a 25 percent tariff on steel" and "a 10 percent
# tariff on aluminium" share the noun, not the thing).
_STORY_KINDS = frozenset({"count", "duration", "measure"})


def _quantity_topic(q: Quantity, ref: Ref) -> str:
    subject = lower_first(ref.claim.subject) if ref.claim.subject else None
    if q.kind == "duration":
        if q.noun and q.noun != "period":
            return f"how long the {q.noun} has lasted"
        return f"how long {subject} has lasted" if subject else "how long it has lasted"
    if q.noun and q.kind == "count" and counted_class(q.noun) == "people":
        if q.noun in INJURY_NOUNS:
            return f"number of people {'injured' if q.noun in {'hurt', 'injure'} else q.noun}"
        passive = _passive_participle(ref)
        if passive:
            return f"number of {_plural(q.noun)} {passive}"
        return f"number of {_plural(q.noun)}"
    if q.noun:
        if q.kind == "money":
            return f"amount of {q.noun}"
        if q.kind == "percent":
            return f"share of {_plural(q.noun)}"
        if q.kind == "measure":
            return f"size of {q.noun}"
        return f"number of {_plural(q.noun)}"
    verb = verb_as_written(ref.claim, ref.analysis)
    if verb and q.kind == "count":
        return f"how many were {verb}" if verb.endswith("ed") else f"the figure for '{verb}'"
    return f"the figure in '{short(ref.claim.text, 8)}'"


def _passive_participle(ref: Ref) -> str | None:
    """The first passive participle of a claim, as written, right after an inflected "be"
    ("were injured", "was held"; not "to be named"): what happened to the people it
    counts."""
    every = ref.analysis.tokens
    for t in tokens.of_claim(ref.analysis, ref.claim):
        verb = every[t.head]
        if (t.dep == "auxpass" and t.text.lower() != t.lemma and verb.index == t.index + 1
                and verb.pos == "VERB" and verb.text.islower()):
            return verb.text
    return None


def _written_at(ref: Ref, q: Quantity) -> list[Token]:
    """The tokens of the claim that write a figure (the first place its text stands in
    the claim), or none."""
    found = tokens.occurrences(ref.analysis, tokens.of_claim(ref.analysis, ref.claim), q.text)
    return found[0] if found else []


def _required(q: Quantity, ref: Ref) -> bool:
    """Whether a number is a requirement or threshold ("needs 60 votes to pass") rather
    than a count of what happened ("got 52 votes"): the two never disagree. Read from the
    words right before it (``REQUIREMENT_WORDS``) and after it (``REQUIRED_WORDS``,
    ``REQUIRED_TO_VERBS``), in the 40 characters either side."""
    analysis = ref.analysis
    if analysis.article.text[q.start : q.end] == q.text:
        start, end = q.start, q.end
    else:  # offsets of another text: where the claim writes it
        written = _written_at(ref, q)
        if not written:
            return False
        start, end = written[0].start, written[-1].end
    before = [t.text.lower() for t in analysis.tokens_between(max(0, start - 40), start)]
    after = analysis.tokens_between(end, end + 40)
    return _required_before(before) or _required_after(after, end)


def _ends_with(words: Sequence[str], phrase: str) -> bool:
    """Whether ``words`` end with the words of ``phrase``."""
    tail = phrase.split()
    return len(words) >= len(tail) and list(words[len(words) - len(tail) :]) == tail


def _required_before(words: Sequence[str]) -> bool:
    """Whether the words before a figure make it a requirement ("needs at least 60")."""
    heads = [words] + [words[: -len(lead.split())] for lead in REQUIREMENT_LEADS
                       if _ends_with(words, lead)]
    return any(_ends_with(head, phrase) for head in heads for phrase in REQUIREMENT_WORDS)


def _required_after(after: Sequence[Token], end: int) -> bool:
    """Whether the words after a figure make it a requirement: two words at most, then
    "needed" (a form of "be" before it aside) or an infinitive of passing or blocking
    ("41 votes to block it", "30 signatures are required")."""
    if not after or after[0].start == end:
        return False  # written onto the figure ("60-vote"): no word of its own
    said = [t.text.lower() for t in after]
    for k in range(min(3, len(after))):
        if not all(w.replace("-", "").isalpha() for w in said[:k]):
            break
        if (after[k].pos == "PART" and k + 1 < len(after)
                and said[k + 1] in REQUIRED_TO_VERBS):
            return True
        rest = said[k:]
        for be in ("", *REQUIRED_BE):
            n = len(be.split())
            if _ends_with(rest[:n], be) and len(rest) > n and rest[n] in REQUIRED_WORDS:
                return True
    return False


def _figure(q: Quantity, ref: Ref) -> bool:
    """Whether a quantity is a figure worth comparing at all."""
    if q.kind == "count" and q.high < 2:
        return False  # "one steelworker said", "a second one": a person or a thing, no figure
    after = ref.analysis.tokens_between(q.end, q.end + 20)[:2]
    said = [t.text.lower() for t in after]
    if after and after[0].start > q.end and any(_ends_with(said, p) for p in PARTITIVE_OF):
        return False  # "two of the injured": part of a figure given elsewhere
    if q.kind in ("count", "percent", "measure") and _required(q, ref):
        return False
    # how long *what* lasted: "a 30-day delay" and "four hours before the deadline" are two
    # durations of two things; only a named thing that lasts compares
    return q.kind != "duration" or q.noun not in (None, "period")


def _clause_time(ref: Ref, q: Quantity) -> TimeRef | None:
    """The time told in the same clause as a figure, the nearest one ("six arrests on
    Wednesday, after 47 the night before": Wednesday for six, the night before for 47):
    no clause cut (:func:`~newscheck.verdicts.time.clause_cuts`) between them."""
    figure = _written_at(ref, q)
    if not figure:
        return None
    span = tokens.of_claim(ref.analysis, ref.claim)
    cuts = clause_cuts(span)
    best: tuple[int, TimeRef] | None = None
    for t in ref.claim.times:
        found = tokens.occurrences(ref.analysis, span, t.text) if t.text else []
        if not found:
            continue
        told = found[0]
        if told[0].start >= figure[0].start:
            lo, hi = figure[-1].end, told[0].start
        else:
            lo, hi = told[-1].end, figure[0].start
        if any(lo <= start and end <= hi for start, end in cuts):
            continue
        if best is None or max(0, hi - lo) < best[0]:
            best = (max(0, hi - lo), t)
    return best[1] if best else None


def _times_apart(a: TimeRef | None, b: TimeRef | None) -> bool:
    """Whether two figures' times name different moments: then they count two events.

    Strict, unlike dates of one event: "on Wednesday" and "on Tuesday" are two nights of
    arrests even a day apart; a time told against another event ("the night before")
    is apart from any other time but the same words.
    """
    if a is None or b is None:
        return False
    if " ".join(a.text.lower().split()) == " ".join(b.text.lower().split()):
        return False
    if a.norm.startswith("anchored:") or b.norm.startswith("anchored:"):
        return True
    return not times_agree(a, b, 0)


def _split_by_time(pairs: Sequence[tuple[Ref, Quantity]]) -> set[str]:
    """Articles that give figures of one thing at different times ("six arrests on
    Wednesday, 47 the night before"): the report itself tells two events apart, so each
    of its figures compares only with a figure of its own time."""
    times: dict[str, list[TimeRef]] = {}
    for r, q in pairs:
        t = _clause_time(r, q)
        if t is not None:
            times.setdefault(r.article, []).append(t)
    return {
        article
        for article, ts in times.items()
        if any(_times_apart(x, y) for i, x in enumerate(ts) for y in ts[i + 1 :])
    }


def _same_moment(
    ra: Ref, qa: Quantity, rb: Ref, qb: Quantity, split: set[str] = frozenset()
) -> bool:
    """Whether two figures can count one event by their times: none apart, and a report
    that tells two events apart by time is matched only at a time it gives."""
    ta, tb = _clause_time(ra, qa), _clause_time(rb, qb)
    if _times_apart(ta, tb):
        return False
    return not ((ra.article in split and tb is None) or (rb.article in split and ta is None))


def _what_for(ref: Ref, q: Quantity) -> frozenset[str] | None:
    """Lower-case words of what a sum or share is for, written right after it ("$5
    billion for the border wall" -> {border, wall}): a preposition
    (``WHAT_FOR_PREPOSITIONS``), a determiner at most, then up to three lower-case words in
    a row; None when nothing is written."""
    written = _written_at(ref, q)
    if not written:
        return None
    runs = tokens.glued(ref.analysis.tokens_between(written[-1].end, ref.claim.end))
    words = [tokens.as_written(run) for run in runs]
    if not words or words[0] not in WHAT_FOR_PREPOSITIONS:
        return None
    n = 2 if len(words) > 1 and words[1] in WHAT_FOR_DETERMINERS else 1
    said: list[str] = []
    for run in runs[n : n + 3]:
        letters = list(itertools.takewhile(lambda t: t.text == "-" or t.text.isalpha(), run))
        if not letters or not letters[0].text[:1].islower():
            break
        said.append(tokens.as_written(letters))
        if len(letters) < len(run):
            break  # punctuation or a clitic ends the phrase
    kept = frozenset(w for w in said if w not in FIGURE_FUNCTION_WORDS)
    return frozenset(stem(w) for w in kept) or None


def _same_purpose(ra: Ref, qa: Quantity, rb: Ref, qb: Quantity) -> bool:
    """Whether two sums (or shares) are of the same thing: "$25 billion in military aid"
    and "$3 billion in food aid" are two sums; "for the wall" and "for a border wall"
    one (the words of one within the other's)."""
    wa, wb = _what_for(ra, qa), _what_for(rb, qb)
    return wa is None or wb is None or wa <= wb or wb <= wa


def _comparable(a: tuple[Ref, Quantity], b: tuple[Ref, Quantity], view: StoryView) -> bool:
    """Whether two quantities of aligned claims speak of the same thing.

    Nouns known on both sides must count the same thing. A bare number ("the caravan once
    numbered about 1,200", "30 percent") is compared only with a claim about the same
    event: the same predicate and sentences at least ``same_event_similarity`` close, and,
    against a named figure, a sentence that mentions what the other counts.
    """
    (ra, qa), (rb, qb) = a, b
    if qa.kind != qb.kind or qa.unit != qb.unit:
        return False
    if not _same_moment(ra, qa, rb, qb):
        return False
    if qa.kind in ("money", "percent") and not _same_purpose(ra, qa, rb, qb):
        return False
    if qa.noun is not None and qb.noun is not None:
        return counted_class(qa.noun) == counted_class(qb.noun)
    pa, pb = (ra.claim.predicate or "").lower(), (rb.claim.predicate or "").lower()
    if not pa or pa != pb or view.similarity(ra, rb) < view.settings.same_event_similarity:
        return False
    named = qa if qa.noun is not None else qb if qb.noun is not None else None
    if named is None:
        return True
    bare_ref = rb if named is qa else ra
    return stem(named.noun) in content_words(bare_ref.claim.text)


def find_in_group(view: StoryView) -> list[Finding]:
    """Figures of one thing given differently within an aligned group: quantities are
    bucketed by what they speak of (:func:`_comparable`); named counts, durations and
    measures are left to :func:`find_in_story`."""
    tol = view.settings.quantity_tolerance
    pool = [(r, q) for r in view.claims for q in r.claim.quantities if _figure(q, r)]
    buckets: list[list[tuple[Ref, Quantity]]] = []
    for r, q in pool:
        for bucket in buckets:
            # One quantity per claim per bucket; every member about the same thing.
            if all(x.claim.id != r.claim.id and _comparable(m, (r, q), view)
                   for m in bucket for x in (m[0],)):
                bucket.append((r, q))
                break
        else:
            buckets.append([(r, q)])
    out: list[Finding] = []
    for bucket in buckets:
        if len({r.article for r, _ in bucket}) < 2:
            continue
        if all(q.noun is not None for _, q in bucket) and bucket[0][1].kind in _STORY_KINDS:
            continue  # compared across the story by find_in_story
        items = [(r.claim.id, _as_of(q, r, _reference_date(bucket))) for r, q in bucket]
        clusters = cluster(items, lambda a, b: quantities_agree(a, b, tol))
        if len(clusters) < 2:
            continue
        heads: list[Quantity] = [c[0][1] for c in clusters]  # type: ignore[misc]
        named = next((q for _, q in bucket if q.noun), bucket[0][1])
        ref = next(r for r, q in bucket if q is named)
        parts = [f"'{q.text}' ({_describe(q, tol)})" for q in heads]
        out.append(
            Finding.compared(
                kind="quantity",
                topic=_quantity_topic(named, ref),
                values=[q.text for q in heads],
                sides=[[cid for cid, _ in c] for c in clusters],
                parts=parts,
            )
        )
    return out


def _reference_date(pairs: Sequence[tuple[Ref, Quantity]]) -> dt.date | None:
    dates = [r.analysis.article.published for r, _ in pairs if r.analysis.article.published]
    return min(dates) if dates else None


def _as_of(q: Quantity, ref: Ref, day: dt.date | None) -> Quantity:
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


def _modifiers(ref: Ref, q: Quantity) -> frozenset[str] | None:
    """Lower-case words between a number and the noun it counts ("three intercontinental
    ballistic missiles" -> {intercontinental, ballistic}); None when the noun is not
    written within a few words after the number."""
    if not q.noun:
        return None
    if ref.analysis.article.text[q.start : q.end] != q.text:
        return None  # offsets of another text: nothing to read
    words = tokens.written(ref.analysis.tokens_between(q.end, q.end + 80))[:7]
    target = stem(q.noun)
    for n, w in enumerate(words):
        if stem(w.lower()) == target or w.lower() == q.noun:
            return frozenset(x for x in words[:n] if x.islower() and x not in FIGURE_FUNCTION_WORDS)
    return None


def _same_kind_of_thing(ra: Ref, qa: Quantity, rb: Ref, qb: Quantity) -> bool:
    """Whether two counts of one noun count the same kind of it: "23 missiles" and "three
    intercontinental ballistic missiles" count a set and a part of it. Capitalised
    modifiers ("Central American migrants") describe rather than restrict, and are
    ignored."""
    ma, mb = _modifiers(ra, qa), _modifiers(rb, qb)
    return ma is None or mb is None or ma == mb


def _same_doing(ra: Ref, qa: Quantity, rb: Ref, qb: Quantity) -> bool:
    """Whether two counts in different groups say the same thing of what they count: the
    clauses around them share a word besides the noun ("four people were injured" and
    "seven were injured"), so "three people indicted" and "four people pleaded guilty"
    count two groups."""
    wa = event_words(ra, qa) - {stem(qa.noun or "")}
    wb = event_words(rb, qb) - {stem(qb.noun or "")}
    return bool(wa & wb)


def find_in_story(view: StoryView) -> list[Finding]:
    """Quantities of the same named thing compared across all the story's claims.

    Alignment puts a claim in one group only, yet a sentence can give both a count and a
    duration: every pair of related claims (same group, or close sentences) is compared
    slot by slot. Quantities are bucketed by kind, unit and what they count
    (:func:`newscheck.text.counted_class`); a disagreement needs two related claims of
    different reports on different sides.
    """
    tol = view.settings.quantity_tolerance
    buckets, every = _story_buckets(view.claims)
    out: list[Finding] = []
    for key, bucket in sorted(buckets.items()):
        if len({r.article for r, _ in bucket}) < 2:
            continue
        day = _reference_date(bucket)
        moved = {r.claim.id: _as_of(q, r, day) for r, q in bucket}
        agree = lambda a, b: quantities_agree(a, b, tol)
        clusters = cluster([(r.claim.id, moved[r.claim.id]) for r, _ in bucket], agree)
        if len(clusters) < 2:
            continue
        # a vague figure that fits two sides ("thousands") takes neither
        side_of = {cid: n for n, c in enumerate(clusters) for cid, _ in c}
        sided = [(r, q) for r, q in bucket if r.claim.id in side_of]
        split = _split_by_time(every[key]) if key[0] != "duration" else set()
        keep = _disagreeing(sided, side_of, key[0], split, view)
        kept = [(r, q) for r, q in sided if r.claim.id in keep]
        clusters = cluster([(r.claim.id, moved[r.claim.id]) for r, _ in kept], agree)
        if len(clusters) < 2:
            continue
        by_id = {r.claim.id: (r, q) for r, q in kept}
        heads = [by_id[c[0][0]][1] for c in clusters]
        # the topic from the side most reports give
        main = max(clusters, key=len)
        ref, named = by_id[main[0][0]]
        out.append(
            Finding(
                kind="quantity",
                topic=_quantity_topic(named, ref),
                values=[q.text for q in heads],
                sides=[[cid for cid, _ in c] for c in clusters],
                note=" vs ".join(f"'{q.text}' ({_describe(q, tol)})" for q in heads),
                parts=[f"'{q.text}' ({_describe(q, tol)})" for q in heads],
            )
        )
    return out


_Bucket = list[tuple[Ref, Quantity]]


def _story_buckets(
    refs: Sequence[Ref],
) -> tuple[dict[tuple[str, str, str], _Bucket], dict[tuple[str, str, str], _Bucket]]:
    """Named figures by (kind, unit, what they count): one per claim, and every one."""
    buckets: dict[tuple[str, str, str], _Bucket] = {}
    every: dict[tuple[str, str, str], _Bucket] = {}
    for r in refs:
        for q in r.claim.quantities:
            if q.noun is None or q.noun == "period" or q.kind not in _STORY_KINDS:
                continue
            if not _figure(q, r):
                continue
            key = (q.kind, q.unit, counted_class(q.noun))
            every.setdefault(key, []).append((r, q))
            bucket = buckets.setdefault(key, [])
            if all(x.claim.id != r.claim.id for x, _ in bucket):
                bucket.append((r, q))
    return buckets, every


def _disagreeing(
    bucket: _Bucket, side_of: dict[str, int], kind: str, split: set[str], view: StoryView
) -> set[str]:
    """The claims of a bucket that disagree with a related claim of another report on
    another side, and the claims related to those (the same figure in another sentence)."""
    # How long a named event has lasted needs less context than a head count: in one
    # story "the strike" is the strike, while "members" may be another crowd.
    slack = view.settings.duration_related_slack if kind == "duration" else 0.0
    keep: set[str] = set()
    for i, (ra, qa) in enumerate(bucket):
        for rb, qb in bucket[i + 1 :]:
            a, b = ra.claim.id, rb.claim.id
            if (
                side_of[a] != side_of[b]
                and ra.article != rb.article
                and view.related(ra, rb, slack)
                and _same_kind_of_thing(ra, qa, rb, qb)
                and (kind == "duration" or _same_moment(ra, qa, rb, qb, split))
                and (
                    kind == "duration"
                    or view.in_group(ra, rb)
                    or view.similarity(ra, rb) >= view.settings.same_event_similarity
                    or _same_doing(ra, qa, rb, qb)
                )
            ):
                keep |= {a, b}
    grown = True
    while grown:
        more = {
            r.claim.id
            for r, _ in bucket
            if r.claim.id not in keep
            and any(view.related(r, k, slack) for k, _ in bucket if k.claim.id in keep)
        }
        keep |= more
        grown = bool(more)
    return keep


def figures_agree(a: Claim, b: Claim, tolerance: float) -> bool:
    """Whether the figures two claims give can be one fact's: when both give a figure of
    one kind and unit, some figure of one agrees with some figure of the other."""
    pairs = [(x, y) for x in a.quantities for y in b.quantities
             if x.kind == y.kind and x.unit == y.unit]
    return not pairs or any(quantities_agree(x, y, tolerance) for x, y in pairs)
