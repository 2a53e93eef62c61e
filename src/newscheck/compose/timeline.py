"""The timeline of a story: its dated events, earliest first.

Each event is the clause a date belongs to, taken verbatim from a report, citing every
report that gives the same date for the same story claim; disputed dates and figures are
marked as such.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..lexicon import (
    CARDINAL_WORDS,
    DANGLING_CONJUNCTIONS,
    EVENT_CLAUSE_WORDS,
    RELATIVE_ANTECEDENT_WORDS,
    REPORTING_SAYS,
)
from ..model import (
    Analysis,
    Claim,
    Conflict,
    Evidence,
    StoryClaim,
    TimelineEvent,
    TimeRef,
    Token,
)
from ..settings import TimelineSettings
from ..tokens import NON_WORDS, of_sentence, written_words
from ..verdicts import quantities_agree

_VERBS = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_CLAUSE_ENDS = frozenset({",", ";"})
_NAME_MARKS = frozenset({"'", "’", "-"})
_DEFAULT = TimelineSettings()
# Number words a wording without a figure may not hold ("two workers").
_SMALL_NUMBERS = frozenset(w for w, n in CARDINAL_WORDS.items() if 1 <= n <= 10)


def _when(time: TimeRef) -> str:
    """ISO date, or a reduced ISO date when the expression covers a whole year or month."""
    assert time.resolved is not None
    low, high = time.low or time.resolved, time.high or time.resolved
    if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31) and low.year == high.year:
        return f"{low.year:04d}"
    if low.day == 1 and low.year == high.year and low.month == high.month and high.day >= 28:
        return f"{low.year:04d}-{low.month:02d}"
    if low != high:
        return f"{low.isoformat()}/{high.isoformat()}"  # an ISO interval: "this week"
    return time.resolved.isoformat()


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


@dataclass(frozen=True, slots=True)
class _Subclause:
    """A clause that carries its own event, opened by a word of ``EVENT_CLAUSE_WORDS``:
    ``opens`` is where it starts in the article (at the comma before the word, if any),
    ``word`` that word and ``body`` its tokens up to the next comma or semicolon."""

    opens: int
    word: Token
    body: tuple[Token, ...]

    def verb(self) -> Token | None:
        """The verb of the clause the word opens, when it opens one ("when Eva Lind left"),
        not a preposition's noun ("before Congress last week")."""
        return next((t for t in self.body if t.index == self.word.head and t.pos in _VERBS),
                    None)

    def has_subject_and_verb(self) -> bool:
        """Whether the clause's verb has its own subject ("when Eva Lind left", "which was
        sent"), unlike a bare participle ("after returning from a visit")."""
        verb = self.verb()
        return verb is not None and any(
            t.dep in _SUBJECTS and t.head == verb.index for t in (self.word, *self.body)
        )


def _subclauses(sentence: Sequence[Token], keep: tuple[int, int]) -> list[_Subclause]:
    """The event-carrying clauses of a sentence, an inner one after the one holding it:
    "..., when Eva Lind left the office", "the span, which collapsed on Wednesday,". A
    comma inside ``keep`` (a date's "Oct. 28, 2016") ends none."""
    out = []
    for i in range(1, len(sentence) - 1):
        prev, t, nxt = sentence[i - 1], sentence[i], sentence[i + 1]
        opened = prev.text == "," or prev.end < t.start
        if t.text.lower() not in EVENT_CLAUSE_WORDS or not opened or nxt.start == t.end:
            continue
        end = next((j for j in range(i + 1, len(sentence)) if sentence[j].text in _CLAUSE_ENDS
                    and not keep[0] <= sentence[j].start < keep[1]), len(sentence))
        out.append(_Subclause(opens=prev.start if prev.text == "," else prev.end, word=t,
                              body=tuple(sentence[i + 1 : end])))
    return out


def _antecedent(sub: _Subclause, verb: Token, analysis: Analysis) -> Token:
    """The word a relative clause hangs on: the first head above its verb outside the
    clause ("The memo, which the union says was sent" -> memo)."""
    inside = {t.index for t in sub.body}
    node = verb
    while node.index in inside and node.head != node.index:
        node = analysis.tokens[node.head]
    return node


def _reported(body: Sequence[Token], text: str) -> tuple[str, str] | None:
    """(who, what) of a relative clause that reports its content: "the union says was sent
    on Monday" -> ("the union", "was sent on Monday"); None when it reports nothing."""
    for i, t in enumerate(body):
        if t.pos in NON_WORDS and t.text not in _NAME_MARKS:
            return None  # the reporter is a plain name or noun phrase, no other marks
        if i and t.text.lower() in REPORTING_SAYS and i + 1 < len(body):
            who = text[body[0].start : body[i - 1].end]
            if not 2 <= len(who) <= 40:
                return None
            if body[i + 1].pos not in _VERBS:
                return None
            return who, text[body[i + 1].start : body[-1].end].rstrip(".")
    return None


def _dated_clause(
    claim: Claim, analysis: Analysis, time: TimeRef, settings: TimelineSettings
) -> str | None:
    """What a date in a claim's sentence dates: the claim, or a clause inside it.

    A date inside a ``when``/``which``/``who`` clause dates that clause. When the clause
    has its own subject and verb ("when Eva Lind left the office two years ago") it is the
    event; a ``which``/``who`` clause is joined to the noun it follows ("The memo, which
    was sent on Monday, ..." -> "The memo was sent on Monday"). Returns None when the date
    cannot be tied to a clause that stands alone (it is then left out of the timeline).
    """
    sentence = analysis.sentences[claim.sentence]
    text = analysis.article.text
    if not sentence.start <= time.start < sentence.end:
        return claim.text
    tokens = of_sentence(analysis, claim.sentence)
    holding = [sub for sub in _subclauses(tokens, (time.start, time.end))
               if sub.body[0].start <= time.start < sub.body[-1].end]
    if not holding:
        return claim.text
    # the innermost clause of its own that holds the date ("who took over when Eva Lind
    # left ... two years ago": the leaving), else the outermost phrase
    sub = next((s for s in reversed(holding) if s.has_subject_and_verb()), holding[0])
    body = text[sub.body[0].start : sub.body[-1].end].strip().rstrip(".")
    head = text[sentence.start : sub.opens].strip()
    if sub.word.text.lower() in RELATIVE_ANTECEDENT_WORDS:
        # the antecedent is the noun phrase the clause follows, at the sentence start
        early = sub.opens - sentence.start <= settings.antecedent_chars
        if not early or any(t.text == "," and t.end <= sub.opens for t in tokens):
            return None
        verb = sub.verb()
        if verb is None or not sub.has_subject_and_verb():
            return None
        if _antecedent(sub, verb, analysis).dep not in _SUBJECTS:
            return None  # "Unlike some people who ...": the clause's noun is no subject
        reported = _reported(sub.body, text)
        if reported:
            return f"{_capitalise(head)} {reported[1]}, {reported[0]} says"
        return f"{_capitalise(head)} {body}"
    # a subordinate clause with its own subject and verb is an event of its own
    if written_words(sub.body) >= 3 and sub.has_subject_and_verb():
        return _capitalise(body)
    return None


def _word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _fragment(text: str) -> bool:
    """A clause left broken by quote splitting ("Talks resumed Thursday, but .")."""
    t = text.strip()
    if not t:
        return False
    if not _word_char(t[0]):
        return True  # it opens on a mark, not a word
    body = t[:-1].rstrip() if t[-1] in ".," else t
    if t[-1] in ".," and body.endswith(","):
        return True  # "..., ."
    for word in DANGLING_CONJUNCTIONS:
        before = body[-len(word) - 1 : -len(word)]
        if body.endswith(word) and not (before and _word_char(before)):
            return True
    return False


def _has_figure(text: str) -> bool:
    """Whether a wording gives a figure: a digit or a number word up to ten."""
    if any(ch.isdigit() for ch in text):
        return True
    word = ""
    for ch in text.lower() + " ":
        if _word_char(ch):
            word += ch
            continue
        if word in _SMALL_NUMBERS:
            return True
        word = ""
    return False


def build_timeline(
    analyses: Sequence[Analysis],
    claims: Sequence[StoryClaim],
    conflicts: Sequence[Conflict] = (),
    settings: TimelineSettings = _DEFAULT,
) -> list[TimelineEvent]:
    """Dated events of a story, earliest first.

    Each dated member of a story claim gives the clause its date belongs to (a date in
    a relative or ``when`` clause dates that clause, never the statement around it).
    Members of one story claim that give the same date make one event citing each of
    them. When members give different dates, each date is an event of its own, marked
    as disputed; when they disagree on a figure, the event is worded by a clause without
    the figure, or else cites only the reports that agree and says that others differ.
    Every cited sentence therefore supports the event it is cited for.

    Args:
        analyses: The story's reports.
        claims: The story's claims (their ``members`` are claim ids).
        conflicts: The story's conflicts: a date conflict between story claims marks
            their events as disputed too.
        settings: When figures disagree and how far a clause's antecedent may stand.

    Returns:
        Events with ``when`` an ISO date (``YYYY`` or ``YYYY-MM`` when the report gives
        only a year or a month) and ``what`` the event's clause.
    """
    index: dict[str, tuple[Claim, Analysis]] = {c.id: (c, a) for a in analyses for c in a.claims}
    # Wordings a date conflict sets against each other, by story claim.
    disputed_values: dict[str, set[str]] = {}
    for x in conflicts:
        if x.kind in {"date", "time"}:
            for cid in x.claims:
                disputed_values.setdefault(cid, set()).update(s.value.lower() for s in x.sides)
    per_claim: list[tuple[StoryClaim, dict[str, list[tuple[Claim, Analysis, str]]]]] = []
    for sc in claims:
        dated: dict[str, list[tuple[Claim, Analysis, str]]] = {}
        for member in sc.members:
            if member not in index:
                continue
            claim, analysis = index[member]
            time = next((t for t in claim.times if t.resolved is not None), None)
            if time is None:
                continue
            what = _dated_clause(claim, analysis, time, settings)
            if what is None:
                continue
            dated.setdefault(_when(time), []).append((claim, analysis, what))
        per_claim.append((sc, dated))
    # The dates each disputed event is set against: the other dates of its own story
    # claim, and those a date conflict gives for the same wording.
    conflict_dates: set[str] = set()
    for sc, dated in per_claim:
        values = disputed_values.get(sc.id, set())
        for when, members in dated.items():
            if any(_time_text(c).lower() in values for c, _, _ in members):
                conflict_dates.add(when)
    events: list[TimelineEvent] = []
    for sc, dated in per_claim:
        values = disputed_values.get(sc.id)
        for when, members in dated.items():
            if values is not None:
                disputed = any(_time_text(c).lower() in values for c, _, _ in members)
                others = conflict_dates - {when}
            else:
                others = set(dated) - {when}
                disputed = bool(others)
            events.append(
                _event(when, members, sorted(others) if disputed else [], settings.figure_tolerance)
            )
    events.sort(key=lambda e: (e.when, e.what))
    return _merge_same_events(events)


def _time_text(claim: Claim) -> str:
    return next((t.text for t in claim.times if t.resolved is not None), "")


def _disagree(a: Claim, b: Claim, tolerance: float) -> bool:
    for qa in a.quantities:
        for qb in b.quantities:
            same = qa.kind == qb.kind and qa.unit == qb.unit and (qa.noun or "") == (qb.noun or "")
            if same and not quantities_agree(qa, qb, tolerance):
                return True
    return False


def _event(
    when: str,
    members: list[tuple[Claim, Analysis, str]],
    other_dates: Sequence[str],
    tolerance: float,
) -> TimelineEvent:
    """One event from members giving one date; its wording never contradicts a citation."""
    claims = [c for c, _, _ in members]
    contested = any(
        _disagree(a, b, tolerance) for i, a in enumerate(claims) for b in claims[i + 1 :]
    )
    note = ""
    if contested:
        # A wording without any figure is neutral between the reports; failing that,
        # keep the largest set of members that agree with each other and say so.
        neutral = [m for m in members if not _has_figure(m[2])]
        if neutral:
            wording = neutral
        else:
            best = max(
                members, key=lambda m: sum(not _disagree(m[0], o, tolerance) for o in claims)
            )
            # ``best`` always stays: a claim holding two figures may "disagree" with itself
            members = [
                m for m in members if m is best or not _disagree(m[0], best[0], tolerance)
            ]
            wording = members
            note = " (other reports give a different figure)"
    else:
        wording = members
    clean = [m for m in wording if not _fragment(m[2])] or wording
    what = min((m[2] for m in clean), key=lambda t: (len(t), t)).strip()
    if other_dates:
        note += f" (reports differ on the date; also given as {', '.join(other_dates)})"
    evidence: list[Evidence] = []
    for claim, analysis, _ in members:
        s = analysis.sentences[claim.sentence]
        ev = Evidence(article=s.article, sentence=s.text, start=s.start, end=s.end)
        if ev not in evidence:
            evidence.append(ev)
    return TimelineEvent(when=when, what=what + note, evidence=tuple(evidence))


def _merge_same_events(events: list[TimelineEvent]) -> list[TimelineEvent]:
    """Fold an event into another of the same date whose evidence already holds it."""
    out: list[TimelineEvent] = []
    for event in events:
        target = next(
            (
                o
                for o in out
                if o.when == event.when
                and {(e.article, e.start) for e in event.evidence}
                <= {(e.article, e.start) for e in o.evidence}
            ),
            None,
        )
        if target is None:
            out.append(event)
    return out
