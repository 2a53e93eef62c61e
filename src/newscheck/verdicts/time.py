"""Date and time conflicts: one event placed at different times.

Whole calendar units written out compare as units ("since 1998" and "since 1999" are
two years though a day apart); a start ("since") or a limit ("by", "before", "after")
never disagrees with a point. Relative times of different families ("yesterday", "last
week") disagree when the days before publication they can name are disjoint; with a
report undated, the note adds that this holds if both were published the same day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from ..engines.judges import trigger_of
from ..lexicon import (
    AFTER_TIME_WORDS,
    BOUND_WORDS,
    CARDINAL_WORDS,
    CLAUSE_BREAK_MARKS,
    CLAUSE_BREAK_WORDS,
    DAYS_AGO,
    MONTHS,
    RELATIVE_DAY,
    RELATIVE_PERIOD,
    RELATIVE_PRONOUNS,
    SPEAKING_WORDS,
    SPEECH_BEFORE_TIME,
    TIME_CLAUSE_WORDS,
    WEEKDAYS,
)
from ..model import (
    Analysis,
    Claim,
    Quantity,
    TimeRef,
    Token,
)
from ..text import content_words, stem
from ..tokens import in_span, of_claim, predicate_token, written_words
from .common import (
    Finding,
    Ref,
    StoryView,
    cluster,
    common_words,
    lower_first,
    short,
    subjects_overlap,
    verb_as_written,
)

_SMALL = {w: n for w, n in CARDINAL_WORDS.items() if 1 <= n <= 7}

# --------------------------------------------------------------------------- times


def _expression(t: TimeRef) -> tuple[str, str] | None:
    """(family, value) of an unresolved time expression, when it names a point that
    excludes the others of its family."""
    if t.norm.startswith("anchored:"):
        return None  # "the next week" is told against another event, not publication
    text = f"{t.text} {t.norm}".lower()
    m = RELATIVE_PERIOD.search(text)
    if m:
        direction = "last" if m.group(1) == "past" else m.group(1)
        return "period", f"{direction} {m.group(2)}"
    m = DAYS_AGO.search(text)
    if m:
        n = _SMALL.get(m.group(1)) or int(m.group(1))
        return "day", "yesterday" if n == 1 else f"{n} days ago"
    m = RELATIVE_DAY.search(text)
    if m:
        return "day", {"tonight": "today"}.get(m.group(1), m.group(1))
    for w in WEEKDAYS:
        if re.search(rf"\b{w}\b", text):
            return "weekday", w
    for w in MONTHS:
        if re.search(rf"\b{w}\b", t.text.lower()) and not re.search(r"\d", t.text):
            return "month", w
    return None


# Days before publication a relative expression can mean, as a reader takes it. "Last
# week" starts two days back: on a Monday yesterday is in last week, yet no reporter
# writes "last week" for yesterday (nor "last month" for yesterday on the 1st).
_SPANS = {
    "today": (0, 0), "yesterday": (1, 1), "day:-2": (2, 2), "tomorrow": (-1, -1),
    "this_week": (-6, 6), "last_week": (2, 13), "next_week": (-13, -2),
    "this_month": (-30, 30), "last_month": (2, 61), "next_month": (-61, -2),
    "this_year": (-365, 365), "last_year": (2, 730), "next_year": (-730, -2),
}
_AGO = re.compile(r"^ago:(\d+(?:\.\d+)?)(d|mo)$")


def _days_ago(t: TimeRef) -> tuple[float, float] | None:
    """The days before its report's publication a relative time can name ("yesterday"
    (1, 1), "last week" (2, 13), "on Monday" (0, 6)); None for calendar dates."""
    norm = t.norm.lower()
    if norm in _SPANS:
        return _SPANS[norm]
    if norm.startswith("weekday:"):
        return (-7, -1) if norm.startswith("weekday:next_") else (0, 6)
    m = _AGO.match(norm)
    if m:
        n = float(m.group(1))
        if m.group(2) == "mo":
            return n * 30.44 - 15, n * 30.44 + 15
        spread = 3 if n >= 7 and n % 7 == 0 else 0  # "two weeks ago" is about 14 days
        return n - spread, n + spread
    return None


def _relative_apart(a: TimeRef, b: TimeRef) -> bool:
    """Whether two relative times of different families ("yesterday", "last week")
    exclude each other for reports published the same day."""
    sa, sb = _days_ago(a), _days_ago(b)
    return bool(sa and sb) and (sa[1] < sb[0] or sb[1] < sa[0])


def _undated_relative(t: TimeRef) -> bool:
    """A relative time whose report gives no date: it compares only as an expression."""
    return _interval(t) is None and _days_ago(t) is not None


def _bound(t: TimeRef) -> str:
    """How a time places its event: ``point`` ("in 1998"), ``since`` (a start: "since
    1998", "from March") or a limit (``by``, ``before``, ``after``)."""
    parts = t.norm.split(":")
    if parts[0] == "year" and len(parts) > 2:
        return parts[2]
    first = t.text.split(maxsplit=1)[0].lower() if t.text.strip() else ""
    return BOUND_WORDS.get(first, "point")


def _calendar_unit(t: TimeRef) -> tuple[str, str] | None:
    """The calendar year or month a time writes out ("year", "1998"), ("month", "2026-03"):
    two of one unit name one period only when equal, whatever their gap in days ("in
    2003" and "in early 2004" are two years). A year filled in from the published date
    ("in March") is not written and gives none."""
    parts = t.norm.split(":")
    if len(parts) < 2 or parts[1].startswith("--"):
        return None
    if parts[0] == "year" and re.search(rf"\b{re.escape(parts[1])}\b", t.text):
        return "year", parts[1]
    if parts[0] == "month" and re.search(r"\b\d{4}\b", t.text):
        return "month", parts[1]
    return None


def _weekdays(t: TimeRef) -> frozenset[str]:
    """The weekdays a time names ("on Monday night" -> {"monday"})."""
    words = set(re.findall(r"[a-z]+", t.text.lower()))
    return frozenset(w for w in WEEKDAYS if w in words)


def _overlap(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> bool:
    """Whether two resolved periods share a day (False when either is unresolved)."""
    return bool(a and b and a[0] <= b[1] and b[0] <= a[1])


def _interval(t: TimeRef) -> tuple[dt.date, dt.date] | None:
    low = t.low or t.resolved
    high = t.high or t.resolved
    if low is None or high is None:
        return None
    return low, high


def times_agree(a: TimeRef, b: TimeRef, tolerance_days: int) -> bool:
    """Whether two times can place the same event.

    The same words always agree. Two different weekdays ("on Monday", "on Tuesday")
    disagree unless their resolved dates overlap. Resolved periods must overlap or come within
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
    ba, bb = _bound(a), _bound(b)
    if ba != bb:
        # "by 2030" and "in 2028", "since 1998" and "in 2005": a limit or a start is no
        # date of the event, nothing to compare
        return True
    wa, wb = _weekdays(a), _weekdays(b)
    if len(wa) == len(wb) == 1 and wa != wb:
        # "on Monday" and "on Tuesday" name two days, a day apart or not, unless their
        # dates as resolved agree after all
        return _overlap(_interval(a), _interval(b))
    ua, ub = _calendar_unit(a), _calendar_unit(b)
    if ua and ub and ua[0] == ub[0] and ua[1] != ub[1]:
        # "since 1998" and "since 1999" are a day apart on the calendar, yet two years
        return False
    ia, ib = _interval(a), _interval(b)
    if ia and ib:
        gap = max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)
        return gap <= tolerance_days
    ca, cb = date_parts(a), date_parts(b)
    if ca and cb:
        return parts_agree(ca, cb, tolerance_days)
    ea, eb = _expression(a), _expression(b)
    if ea and eb and ea[0] == eb[0]:
        return ea[1] == eb[1]
    # "yesterday" and "last week" (one report undated, or both)
    return not ((ia is None or ib is None) and _relative_apart(a, b))


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


def parts_agree(a: tuple, b: tuple, tolerance_days: int) -> bool:
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


def span_in_claim(analysis: Analysis, claim: Claim, item: TimeRef | Quantity) -> tuple[int, int] | None:
    """Where a time or figure of a claim stands in its article: its own offsets, which lie
    in the claim's span; for one made without offsets, where its words first stand in the
    span. None when it is not in the claim's words."""
    if claim.start < 0:
        return None
    if claim.start <= item.start and item.end <= claim.end and (
        analysis.article.text[item.start : item.end] == item.text
    ):
        return item.start, item.end
    at = claim.text.find(item.text)
    return (claim.start + at, claim.start + at + len(item.text)) if at >= 0 else None


def predicate_time(claim: Claim, analysis: Analysis) -> TimeRef | None:
    """The time that dates a claim's predicate: the one nearest its verb, in its clause.

    "Filmed in 2015, the film premiered on September 2, 2016" dates its premiere with
    the second time, not the first: a clause-breaking mark between a time and the verb
    (:data:`~newscheck.lexicon.en.CLAUSE_BREAK_MARKS`) puts the time in another clause.
    With no verb found, the first time.

    Args:
        claim: The claim.
        analysis: Its report, whose tokens and verb frames find the verb as written
            (irregular forms too: "born", "began").
    """
    if not claim.times:
        return None
    verb = predicate_token(analysis, claim)
    if verb is None:
        return claim.times[0]
    span = of_claim(analysis, claim)
    placed = []
    for n, t in enumerate(claim.times):
        at = span_in_claim(analysis, claim, t)
        if at is None:
            continue
        lo, hi = (verb.end, at[0]) if at[0] >= verb.end else (at[1], verb.start)
        breaks = sum(tok.text in CLAUSE_BREAK_MARKS for tok in in_span(span, lo, hi))
        placed.append((breaks, max(0, hi - lo), n, t))
    return min(placed, key=lambda x: x[:3])[3] if placed else claim.times[0]


def dates_agree(a: Ref, b: Ref, tolerance_days: int) -> bool:
    """Whether two claims can date their verbs alike: True unless both have a time that
    dates the verb (:func:`predicate_time`, not a noun's date), the clauses of the two
    times tell one event (:func:`event_words` shared: not "reported on Tuesday" against
    "are negotiating"), and no time of one agrees with a time of the other
    (:func:`times_agree`: "closed on Monday" / "closed on Tuesday").

    Args:
        a: One claim with its report.
        b: The other.
        tolerance_days: Gap between resolved periods still read as agreement.
    """
    ta, tb = predicate_time(a.claim, a.analysis), predicate_time(b.claim, b.analysis)
    if ta is None or tb is None or any(dates_a_noun(r, t) for r, t in ((a, ta), (b, tb))):
        return True
    if not event_words(a, ta) & event_words(b, tb):
        return True
    return any(times_agree(x, y, tolerance_days) for x in a.claim.times for y in b.claim.times)


_UNRESOLVED_SUFFIX = ": different times for one event"
# Relative times of an undated report depend on its publication date: the note says so.
_SAME_DAY = ", if both reports were published the same day"


def counted_apart(a: Claim, b: Claim, tolerance: float) -> bool:
    """Whether two claims give different figures of one kind ("six arrests on Wednesday",
    "47 arrests on Tuesday"): a count per day, two events as the quantity rule reads them,
    not one event misdated."""
    from .quantity import figures_agree  # quantity reads this module's event words

    return not figures_agree(a, b, tolerance)


# A claim's dating time, the words of its clause, and the claim.
_Dating = tuple[TimeRef, frozenset[str], Claim]


def find_in_group(view: StoryView) -> list[Finding]:
    """One predicate of an aligned group dated differently: the time nearest the verb
    (:func:`predicate_time`) of each claim, unless it dates a noun (:func:`dates_a_noun`)
    or a statement (:func:`dates_a_statement`), or the clauses of two times share no word
    (two events)."""
    tolerance_days = view.settings.date_tolerance_days
    by_predicate: dict[str, list[Ref]] = {}
    for r in view.claims:
        if r.claim.times and r.claim.predicate:
            by_predicate.setdefault(r.claim.predicate.lower(), []).append(r)
    out: list[Finding] = []
    for _predicate, rs in sorted(by_predicate.items()):
        if len({r.article for r in rs}) < 2:
            continue
        # The time must date the predicate's event in both: "alleging conspiracy in the
        # 2016 election" and "ahead of November elections" date two elections, not a suit.
        items = [
            (r.claim.id, (t, event_words(r, t), r.claim))
            for r in rs
            for t in [predicate_time(r.claim, r.analysis)]
            if t is not None and not dates_a_noun(r, t) and not dates_a_statement(r, t)
        ]

        def agree(a: _Dating, b: _Dating) -> bool:
            if a[1] and b[1] and not a[1] & b[1]:
                return True  # two clauses with nothing in common: two events
            if counted_apart(a[2], b[2], view.settings.quantity_tolerance):
                return True
            return times_agree(a[0], b[0], tolerance_days)

        clusters = [
            [(cid, t) for cid, (t, _, _) in c]
            for c in cluster(items, agree)  # type: ignore[arg-type]
        ]
        if len(clusters) < 2:
            continue
        heads = _heads(clusters)  # type: ignore[arg-type]
        ref = rs[0]
        verb = verb_as_written(ref.claim, ref.analysis)
        subject = lower_first(ref.claim.subject) if ref.claim.subject else None
        topic = (
            f"when {subject} {verb}" if subject and verb else f"when: '{short(ref.claim.text, 8)}'"
        )
        out.append(_dated_apart(heads, clusters, topic, tolerance_days))
    return out


def _heads(sides: Sequence[Sequence[tuple[str, TimeRef]]]) -> list[TimeRef]:
    """Each side's time as the note tells it: its first dated one (the date shows and
    needs no same-day proviso), else its first."""
    return [next((t for _, t in side if _interval(t)), side[0][1]) for side in sides]


def _dated_apart(heads: Sequence[TimeRef], clusters, topic: str,
                 tolerance_days: float) -> Finding:
    """The finding of sides that date one event apart: a date conflict when every side's
    time is a calendar interval, else a time conflict."""
    parts, suffix = _told_apart(heads, tolerance_days)
    return Finding.compared(
        kind="date" if all(_interval(t) for t in heads) else "time",
        topic=topic,
        values=[t.text for t in heads],
        sides=[[cid for cid, _ in c] for c in clusters],
        parts=parts,
        suffix=suffix,
    )


def _told_apart(heads: Sequence[TimeRef], tolerance_days: int) -> tuple[list[str], str]:
    """How a note tells the times of one event apart: one piece per side, and what they
    show ("'on 2 May' (2026-05-02) vs ...: more than 2 days apart"; two weekdays
    nearer than that: "different days")."""
    if all(_interval(t) for t in heads):
        parts = [f"'{t.text}' ({_interval(t)[0].isoformat()})" for t in heads]  # type: ignore[index]
        far = all(_gap_days(a, b) > tolerance_days for i, a in enumerate(heads)
                  for b in heads[i + 1 :])
        return parts, f": more than {tolerance_days} days apart" if far else ": different days"
    suffix = _UNRESOLVED_SUFFIX
    if any(_undated_relative(t) for t in heads):
        suffix += _SAME_DAY
    return [f"'{t.text}'" for t in heads], suffix


_TIME_WORDS = frozenset(stem(w) for w in (*WEEKDAYS, *MONTHS, *TIME_CLAUSE_WORDS))


def clause_cuts(span: Sequence[Token]) -> list[tuple[int, int]]:
    """Where a span's clauses meet, as offsets: each clause-breaking mark, and each
    subordinate clause's first word (or pair of words) standing between spaces inside the
    span ("that's" and "two-and-a-half" break nothing), unless right after another break
    (", and that" breaks once)."""
    pairs = {tuple(w.split()) for w in CLAUSE_BREAK_WORDS if " " in w}
    cuts: list[tuple[int, int]] = []
    for i, t in enumerate(span):
        if t.text in CLAUSE_BREAK_MARKS:
            cuts.append((t.start, t.end))
            continue
        if i == 0 or span[i - 1].end == t.start or (cuts and cuts[-1][1] >= span[i - 1].end):
            continue  # no word of its own before it, or the clause broke already
        word = t.text.lower()
        last = i + 1 if i + 1 < len(span) and (word, span[i + 1].text.lower()) in pairs else i
        if (last > i or word in CLAUSE_BREAK_WORDS) and last + 1 < len(span) and (
            span[last + 1].start > span[last].end
        ):
            cuts.append((t.start, span[last].end))
    return cuts


def event_words(ref: Ref, item: TimeRef | Quantity) -> frozenset[str]:
    """Content words of the clause a time (or figure) sits in: the event it dates.

    "The memo, which was circulated to managers two weeks ago, sets out a plan" ->
    {memo, circulat, manager}: a relative clause takes in the noun it hangs on. Clauses
    end at a clause-breaking mark or a subordinate clause's first word
    (:data:`~newscheck.lexicon.en.CLAUSE_BREAK_WORDS`). Time words and the ubiquitous
    actors of a story (union, government) are left out.

    Args:
        ref: The claim with its report.
        item: A time or figure of the claim.
    """
    claim, text = ref.claim, ref.analysis.article.text
    at = span_in_claim(ref.analysis, claim, item)
    if at is None or dates_a_statement(ref, item):
        return frozenset()  # when it was said, not when it happened
    span = of_claim(ref.analysis, claim)
    cuts = clause_cuts(span)
    lo = max((e for s, e in cuts if e <= at[0]), default=claim.start)
    hi = min((s for s, e in cuts if s >= at[1]), default=claim.end)
    clause = text[lo:hi]
    first = next(iter(in_span(span, lo, hi)), None)
    if first is not None and first.text.lower() in RELATIVE_PRONOUNS:
        before = [(s, e) for s, e in cuts if e <= lo]
        start = before[-2][1] if len(before) >= 2 else claim.start
        clause = text[start : before[-1][0]] + " " + clause if before else clause
    return frozenset(w for w in content_words(clause) if w not in _TIME_WORDS)


def dates_a_statement(ref: Ref, item: TimeRef | Quantity) -> bool:
    """Whether a time dates a statement, not an event ("Haldane said on Thursday that she
    had ordered checks": the saying, not the order): in its clause, a speech verb as the
    word right before it or one word before that ("told reporters on Monday"), or a word of
    speaking anywhere before it.

    Args:
        ref: The claim with its report.
        item: A time of the claim.
    """
    at = span_in_claim(ref.analysis, ref.claim, item)
    if at is None:
        return False
    span = of_claim(ref.analysis, ref.claim)
    lo = max((e for _, e in clause_cuts(span) if e <= at[0]), default=ref.claim.start)
    before = [t.text.lower() for t in in_span(span, lo, at[0])]
    if SPEAKING_WORDS.intersection(before):
        return True
    return bool(before) and (
        before[-1] in SPEECH_BEFORE_TIME
        or len(before) >= 2 and before[-2] in SPEECH_BEFORE_TIME and before[-1].isalnum()
    )


def dates_a_noun(ref: Ref, item: TimeRef) -> bool:
    """Whether a time modifies the noun after it ("the 2016 election", "November
    elections") and so dates that noun rather than the clause's event: the next word in
    the claim, after a space, is a lower-case word that is neither a function word nor a
    verb or adverb form.

    Args:
        ref: The claim with its report.
        item: A time of the claim.
    """
    at = span_in_claim(ref.analysis, ref.claim, item)
    if at is None:
        return False
    rest = [t for t in of_claim(ref.analysis, ref.claim) if t.start >= at[1]]
    if not rest or rest[0].start == at[1]:
        return False
    word = _joined_word(rest)
    if len(word) < 2 or not (word[0].isascii() and word[0].islower()):
        return False
    return word not in AFTER_TIME_WORDS and not word.endswith(("ed", "ly", "ing"))


def _joined_word(tokens: Sequence[Token]) -> str:
    """The word the first tokens write together, hyphens kept ("mid", "-", "term" ->
    "mid-term"); "" when the first token is not a lower-case word."""
    out = ""
    end = tokens[0].start
    for t in tokens:
        if t.start != end or not all(c == "-" or c.isascii() and c.islower() for c in t.text):
            break
        out, end = out + t.text, t.end
    return out


def _tense(ref: Ref, t: TimeRef) -> str:
    """Whether a time lies after its report's publication ("next week": a plan) or not."""
    published = ref.analysis.article.published
    span = _interval(t)
    if published is None or span is None:
        return "unknown"
    return "future" if span[0] > published else "past"


def _gap_days(a: TimeRef, b: TimeRef) -> int:
    ia, ib = _interval(a), _interval(b)
    if not ia or not ib:
        return 0
    return max((ib[0] - ia[1]).days, (ia[0] - ib[1]).days, 0)


def dates_its_verb(ref: Ref, time: TimeRef, near_words: int) -> bool:
    """Whether a claim's time stands next to the claim's verb in its sentence: inside
    the verb's span or at most ``near_words`` words from it ("The White House on Wednesday
    released", "On Wednesday, councillors voted"); a time further off dates another clause
    ("... released the e-mails after snippets that became public on Friday")."""
    sentence, start, end, _ = trigger_of(ref.claim, ref.analysis)
    if end - start >= len(sentence):
        return False  # no verb found: nothing to date
    at = span_in_claim(ref.analysis, ref.claim, time)
    if at is None:
        return False
    offset = ref.analysis.sentences[ref.claim.sentence].start
    start, end = start + offset, end + offset
    if at[0] >= end:
        gap = (end, at[0])
    elif at[1] <= start:
        gap = (at[1], start)
    else:
        return True
    return written_words(ref.analysis.tokens_between(*gap)) <= near_words


def find_in_story(view: StoryView) -> list[Finding]:
    """Times of one event compared across the story's related claims.

    Two claims date the same event when the clauses their times sit in share two content
    words (``event_shared_words``), one of them a common word rather than a name
    (:func:`event_words`: "the memo was sent to managers on Monday" and "the memo,
    circulated to port managers two weeks ago"), their subjects overlap (an envoy's
    meeting is not a minister's) and their sentences are related. Matched by words, dates months apart (``max_event_gap_days``)
    are two events ("suspended its programme in early 2004", "revealed the files on
    Monday"): reports of one story rarely misdate an event by a season. Two claims the
    same-event judge calls one event (``view.same_event``, on their verbs in their
    sentences) date it whatever their words ("the council approved the budget on Tuesday"
    / "on Wednesday, councillors voted 31-4 for the budget"); the other guards still hold.
    """
    tolerance_days = view.settings.date_tolerance_days
    items = _dated_claims(view.claims, view.settings.event_shared_words)
    out: list[Finding] = []
    done: set[str] = set()
    for i, (ra, ta, wa) in enumerate(items):
        if ra.claim.id in done:
            continue
        # the claims dating the same event as this one, in other reports
        same = [(ra, ta)] + [
            (rb, tb) for rb, tb, wb in items[i + 1 :]
            if rb.article != ra.article and rb.claim.id not in done
            and _one_event((ra, ta, wa), (rb, tb, wb), view)
        ]
        if len({r.article for r, _ in same}) < 2:
            continue
        clusters = cluster(
            [(r.claim.id, t) for r, t in same], lambda a, b: times_agree(a, b, tolerance_days)
        )
        if len(clusters) < 2:
            continue
        done |= {r.claim.id for r, _ in same}
        heads = _heads(clusters)  # type: ignore[arg-type]
        subject = ra.claim.subject.split(",")[0].strip() if ra.claim.subject else None
        if subject and len(subject.split()) <= 6:
            topic = f"date of {lower_first(subject)}"
        else:
            topic = f"when: '{short(ra.claim.text, 8)}'"
        out.append(_dated_apart(heads, clusters, topic, tolerance_days))
    return out


_Dated = tuple[Ref, TimeRef, frozenset[str]]


def _dated_claims(refs: Sequence[Ref], min_words: int) -> list[_Dated]:
    """Each stated claim with the time that dates its event and the words of that event
    (its first time whose clause has ``min_words`` content words, else its first time and
    none)."""
    items: list[_Dated] = []
    for r in refs:
        if r.claim.hedged or r.claim.negated:
            continue  # a plan ("would start on Monday") or a denial dates nothing
        for t in r.claim.times:
            clause = event_words(r, t)
            if len(clause) >= min_words:
                items.append((r, t, clause))
                break
        else:
            if r.claim.times:
                # no clause words to match ("On Wednesday, ..."): only the same-event judge
                # can pair it with another claim
                items.append((r, r.claim.times[0], frozenset()))
    return items


def _one_event(a: _Dated, b: _Dated, view: StoryView) -> bool:
    """Whether two dated claims of different reports date one event (see
    :func:`find_in_story`)."""
    (ra, ta, wa), (rb, tb, wb) = a, b
    shared = wa & wb
    by_words = (
        len(shared) >= view.settings.event_shared_words
        and shared & common_words(of_claim(ra.analysis, ra.claim))
        & common_words(of_claim(rb.analysis, rb.claim))
        and view.related(ra, rb)
        # unresolved, a gap cannot part two events: the verb must be the same
        and (
            (_interval(ta) and _interval(tb))
            or (ra.claim.predicate or "").lower() == (rb.claim.predicate or "").lower()
        )
    )
    near = view.settings.near_verb_words
    by_event = not by_words and (
        dates_its_verb(ra, ta, near) and dates_its_verb(rb, tb, near) and view.same_event(ra, rb)
    )
    return bool(
        (by_words or by_event)
        and subjects_overlap(ra.claim, rb.claim)
        and not counted_apart(ra.claim, rb.claim, view.settings.quantity_tolerance)
        and _tense(ra, ta) == _tense(rb, tb)
        and _gap_days(ta, tb) <= view.settings.max_event_gap_days
    )
