"""Life-date conflicts: a person's birth or death date given differently."""

from __future__ import annotations

import re

from ..entities import same_named
from ..lexicon import LIFE_PREDICATES
from ..model import (
    Analysis,
    Claim,
    TimeRef,
)
from .common import Finding, StoryView, cluster
from .time import date_parts, parts_agree, predicate_time

# --------------------------------------------------------------------------- life dates

_PAREN = re.compile(r"\(([^()]{4,160})\)")
_NAME_WORDS = re.compile(r"[A-Z][\w'\-]+")


def life_dates(claim: Claim, analysis: Analysis | None = None) -> list[tuple[str, str, TimeRef]]:
    """Birth and death dates a claim gives for a person: ``(event, person, time)``.

    Read from the predicate ("Ana Ruiz was born in May 1950", "Ruiz died on 2 May
    2001": the person is the subject) and from a parenthesis after a name ("Ana Ruiz
    (born 3 May 1950)", "Ana Ruiz (3 May 1950 - 2 May 2001)"), whatever the clause's
    verb. Only calendar dates count (a year at least): the claim's times (from
    :func:`newscheck.extract.times.find_times`) written inside the parenthesis.

    Args:
        claim: The claim, with its offsets in the article (``start``) and its times.
        analysis: Its report, whose verb frames date "was born" by the time nearest
            "born" (see :func:`~newscheck.verdicts.time.predicate_time`).
    """
    out: list[tuple[str, str, TimeRef]] = []
    event = LIFE_PREDICATES.get((claim.predicate or "").lower())
    if event and claim.subject and not claim.negated and not claim.hedged:
        t = predicate_time(claim, analysis)
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
        inner, at = m.group(1), claim.start + m.start(1)  # ``at``: offset in the article
        dated = [t for t in claim.times
                 if at <= t.start and t.end <= at + len(inner) and date_parts(t)]
        if not dated:
            continue
        born_at = re.search(r"\bborn\b", inner)
        died_at = re.search(r"\b(?:died|d\.)\s", inner)
        if len(dated) >= 2 and re.search(r"[-\u2013\u2014\u2212]|\bto\b",
                                         inner[dated[0].end - at : dated[1].start - at]):
            out.append(("born", person, dated[0]))
            out.append(("died", person, dated[1]))
        elif born_at and not died_at:
            after = [t for t in dated if t.start - at > born_at.start()]
            if after:
                out.append(("born", person, after[0]))
        elif died_at and not born_at:
            after = [t for t in dated if t.start - at > died_at.start()]
            if after:
                out.append(("died", person, after[0]))
    return out


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
        name = " ".join(_NAME_WORDS.findall(pa)[:3]) or pa
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
