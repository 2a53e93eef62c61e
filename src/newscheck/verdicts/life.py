"""Life-date conflicts: a person's birth or death date given differently."""

from __future__ import annotations

from collections.abc import Sequence

from .. import tokens
from ..entities import same_named
from ..lexicon import LIFE_ABBREVIATIONS, LIFE_PREDICATES, RANGE_MARKS
from ..model import (
    Analysis,
    Claim,
    TimeRef,
    Token,
)
from .common import Finding, StoryView, cluster
from .time import date_parts, parts_agree, predicate_time

# --------------------------------------------------------------------------- life dates

# Characters of a parenthesis that can give life dates (shorter or longer ones say else).
_DATES_LENGTH = (4, 160)
# Words of a name before a parenthesis, at most, and the marks its words may hold.
_NAME_WORDS = 5
_NAME_MARKS = frozenset({"-", "'", "."})


def life_dates(claim: Claim, analysis: Analysis) -> list[tuple[str, str, TimeRef]]:
    """Birth and death dates a claim gives for a person: ``(event, person, time)``.

    Read from the predicate ("Ana Ruiz was born in May 1950", "Ruiz died on 2 May
    2001": the person is the subject) and from a parenthesis after a name ("Ana Ruiz
    (born 3 May 1950)", "Ana Ruiz (3 May 1950 - 2 May 2001)"), whatever the clause's
    verb. Only calendar dates count (a year at least): the claim's times (from
    :func:`newscheck.extract.times.find_times`) written inside the parenthesis.

    Args:
        claim: The claim, with its offsets in the article (``start``) and its times.
        analysis: Its report: its tokens, and its verb frames that date "was born" by the
            time nearest "born" (see :func:`~newscheck.verdicts.time.predicate_time`).
    """
    out: list[tuple[str, str, TimeRef]] = []
    event = LIFE_PREDICATES.get((claim.predicate or "").lower())
    if event and claim.subject and not claim.negated and not claim.hedged:
        t = predicate_time(claim, analysis)
        if t is not None and date_parts(t):
            out.append((event, claim.subject, t))
    span = tokens.of_claim(analysis, claim)
    for opening, inner in _parentheses(span):
        person = _name_before(span, opening)
        if not person:
            continue
        if claim.subject and person in claim.subject:
            person = claim.subject  # "X (dates), better known as Y,": both names
        out.extend((e, person, t) for e, t in _dated(claim, inner))
    return out


def _parentheses(span: Sequence[Token]) -> list[tuple[Token, list[Token]]]:
    """The parentheses of a span that can hold life dates: each opening bracket with
    the tokens inside (no bracket among them; ``_DATES_LENGTH`` characters)."""
    out = []
    for n, opening in enumerate(span):
        if opening.text != "(":
            continue
        closing = next((m for m in range(n + 1, len(span)) if span[m].text in "()"), None)
        if closing is None or span[closing].text != ")":
            continue
        low, high = _DATES_LENGTH
        if low <= span[closing].start - opening.end <= high:
            out.append((opening, list(span[n + 1 : closing])))
    return out


def _name_before(span: Sequence[Token], opening: Token) -> str:
    """The capitalised words written right before a parenthesis ("Ana Ruiz (..."), at
    most ``_NAME_WORDS``; "" when the word before it is not capitalised or ends in
    punctuation ("Ruiz, (...")."""
    name: list[str] = []
    for word in reversed(tokens.glued([t for t in span if t.end <= opening.start])):
        if len(name) == _NAME_WORDS or not word[0].text[:1].isupper() or any(
            t.pos in tokens.NON_WORDS and t.text not in _NAME_MARKS for t in word
        ):
            break
        name.insert(0, tokens.as_written(word))
    return " ".join(name)


def _dated(claim: Claim, inner: Sequence[Token]) -> list[tuple[str, TimeRef]]:
    """Birth and death dates written inside a parenthesis: a span of two dates ("3 May
    1950 - 2 May 2001"), or the first date after "born" or "died" ("born 3 May 1950")."""
    if not inner:
        return []
    dated = [t for t in claim.times
             if inner[0].start <= t.start and t.end <= inner[-1].end and date_parts(t)]
    if not dated:
        return []
    marks: dict[str, Token] = {}
    for t in inner:
        said = LIFE_PREDICATES.get(t.lemma) or LIFE_ABBREVIATIONS.get(t.text.lower())
        marks.setdefault(said or "", t)
    born, died = marks.get("born"), marks.get("died")
    if len(dated) >= 2 and any(
        t.text.lower() in RANGE_MARKS for t in inner
        if dated[0].end <= t.start and t.end <= dated[1].start
    ):
        return [("born", dated[0]), ("died", dated[1])]
    mark = born if born and not died else died if died and not born else None
    after = [t for t in dated if mark is not None and t.start > mark.start]
    return [("born" if mark is born else "died", after[0])] if after else []


def find(view: StoryView) -> list[Finding]:
    """Birth or death dates of one person that differ between reports."""
    tolerance_days = view.settings.date_tolerance_days
    items = [(r, e, p, t) for r in view.claims for e, p, t in life_dates(r.claim, r.analysis)]
    out: list[Finding] = []
    done: set[tuple[str, str]] = set()
    for i, (ra, ea, pa, ta) in enumerate(items):
        if (ra.claim.id, ea) in done:
            continue
        same = [(ra, ta)] + [
            (rb, tb)
            for rb, eb, pb, tb in items[i + 1 :]
            if eb == ea and rb.article != ra.article and same_named(pa, pb)
        ]
        if len({r.article for r, _ in same}) < 2:
            continue
        clusters = cluster(
            list(dict.fromkeys((r.claim.id, t) for r, t in same)),
            lambda a, b: parts_agree(date_parts(a), date_parts(b), tolerance_days),
        )
        if len(clusters) < 2:
            continue
        done |= {(r.claim.id, ea) for r, _ in same}
        heads: list[TimeRef] = [c[0][1] for c in clusters]  # type: ignore[misc]
        name = " ".join([w for w in pa.split() if w[:1].isupper() and len(w) > 1][:3]) or pa
        parts = [f"'{t.text}'" for t in heads]
        suffix = f": different dates of {'birth' if ea == 'born' else 'death'}"
        out.append(
            Finding.compared(
                kind="date",
                topic=f"when {name} {'was born' if ea == 'born' else 'died'}",
                values=[t.text for t in heads],
                sides=[[cid for cid, _ in c] for c in clusters],
                parts=parts,
                suffix=suffix,
            )
        )
    return out
