"""Guards of the verdicts that a plausible slip would drop while the rest stays green.

Each test names in its docstring the bug it guards against, and pairs the case that must
not fire with a near miss that must (so a test cannot pass by the rule never firing at
all). Claims, frames and reports are built by hand (builders from ``test_verdicts``); the
verdicts run through their public entry point, :func:`newscheck.verdicts.judge`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math

import numpy as np
import pytest
from builders import C, Q, R, T, group, placed_subjects, report, vecs
from conftest import make_article, parse_article

from newscheck.engines.pairs import PairJudge
from newscheck.entities import same_named
from newscheck.extract.claims import extract_claims
from newscheck.extract.frames import extract_frames
from newscheck.model import Analysis, Frame
from newscheck.settings import VerdictSettings
from newscheck.verdicts import judge, same_person, times_agree

S = VerdictSettings()
TOL = S.date_tolerance_days


def kinds(conflicts):
    return [x.kind for x in conflicts]


def statuses(claims):
    return {c.status for c in claims}


def framed(aid, sentence, verb, *, polarity=True, modality="asserted",
           subject="The Harbour Board", arguments=("port", "tanker"), names=("Vastia",),
           hedged=False, vector=(1.0, 0.1), outlet=None):
    """A one-sentence report with one claim and one verb frame of ``verb``.

    The claim carries the same reading as the frame (negated, hedged, modality), as the
    extractor writes them; ``vector`` makes all such sentences related."""
    at = sentence.find(verb[:4])
    at = max(at, 0)
    frame = Frame(article=aid, sentence=0, start=at, end=at + len(verb), verb=verb,
                  polarity=polarity, modality=modality, subject=subject,
                  arguments=tuple(arguments), names=tuple(names))
    claim = C(0, subject=subject, predicate=verb, negated=not polarity, hedged=hedged,
              modality=modality, salience=0.6)
    analysis = report(aid, [sentence], [claim], outlet=outlet or f"Outlet {aid}",
                      vectors=vecs(list(vector)))
    return dataclasses.replace(analysis, frames=(frame,))


def said(aid, sentence, *, subject=None, predicate=None, negated=False, hedged=False,
         modality="asserted", times=(), vector=None, **slots):
    """A one-sentence report with one claim (no frames)."""
    claim = C(0, subject=subject, predicate=predicate, negated=negated, hedged=hedged,
              modality=modality, times=tuple(times), salience=0.6, **slots)
    return placed_subjects(report(aid, [sentence], [claim], outlet=f"Outlet {aid}",
                                  vectors=vecs(list(vector)) if vector else None))


# --------------------------------------------------------------------------- 1. would / would not


def test_would_reopen_against_would_not_reopen_is_no_event_conflict():
    """Bug guarded: dropping the guard that keeps claims which commit to nothing ("would",
    hedged) out of the stated-vs-denied (event) comparison of aligned claims, so that
    "the port would reopen" and "the port would not reopen" (both hedged, one negated)
    become a false "one account says it happened, the other says it did not"."""
    would = said("a1", "The minister said the port would reopen on Monday.",
                 subject="the port", predicate="reopen", hedged=True, modality="hedged")
    would_not = said("a2", "The minister said the port would not reopen on Monday.",
                     subject="the port", predicate="reopen", negated=True, hedged=True,
                     modality="hedged")
    _, conflicts = judge([would, would_not], [group("a1.c1", "a2.c1")], {}, S)
    assert "event" not in kinds(conflicts)
    # one side hedged, the other a plain denial: still nothing stated against a denial
    will_not = said("a2", "The port will not reopen on Monday.", subject="The port",
                    predicate="reopen", negated=True, modality="expected")
    _, conflicts = judge([would, will_not], [group("a1.c1", "a2.c1")], {}, S)
    assert "event" not in kinds(conflicts)
    # near miss: both committed ("will" / "will not") is an event conflict
    will = said("a1", "The port will reopen on Monday.", subject="The port",
                predicate="reopen", modality="expected")
    _, conflicts = judge([will, will_not], [group("a1.c1", "a2.c1")], {}, S)
    assert kinds(conflicts) == ["event"]


def test_would_reopen_against_would_not_reopen_frames_do_not_conflict():
    """Bug guarded: letting frames that commit to nothing ("would reopen", modality
    ``hedged``) into the frame-based stated-vs-denied finder (``frame_sign`` giving them
    a sign, or the finder comparing frames of different commitment), so that "would
    reopen" and "would not reopen" conflict."""
    would = framed("a1", "The Harbour Board would reopen the port of Vastia to tankers, "
                   "the minister said.", "reopen", modality="hedged", hedged=True)
    would_not = framed("a2", "The Harbour Board would not reopen the port of Vastia to "
                       "tankers, the minister said.", "reopen", polarity=False,
                       modality="hedged", hedged=True)
    _, conflicts = judge([would, would_not], [], {}, S)
    assert conflicts == []
    # "would reopen" against a committed denial: the hedge still commits to nothing
    will_not = framed("a2", "The Harbour Board will not reopen the port of Vastia to "
                      "tankers.", "reopen", polarity=False, modality="expected")
    _, conflicts = judge([would, will_not], [], {}, S)
    assert conflicts == []
    # two frames stated alike never conflict with each other
    will = framed("a1", "The Harbour Board will reopen the port of Vastia to tankers.",
                  "reopen", modality="expected")
    will_too = framed("a2", "The Harbour Board will reopen the port of Vastia to tankers "
                      "next month.", "reopen", modality="expected")
    _, conflicts = judge([will, will_too], [], {}, S)
    assert conflicts == []
    # near miss: stated against denied, both committed
    _, conflicts = judge([will, will_not], [], {}, S)
    assert kinds(conflicts) == ["event"]


def test_would_not_reopen_never_states_the_same_fact_as_would_reopen():
    """Bug guarded: dropping either sign guard of the same-fact test (polarity, read
    from the negation flag and from a denial verb; or a negation word one text has and
    the other lacks), so that "would reopen" and "would not reopen" (or "denied that it
    would reopen") corroborate each other."""
    would = said("a1", "The minister said the port would reopen on Monday.",
                 subject="The minister", predicate="reopen", hedged=True, modality="hedged")
    # negated both by the flag and by a word
    would_not = said("a2", "The minister said the port would not reopen on Monday.",
                     subject="The minister", predicate="reopen", negated=True, hedged=True,
                     modality="hedged")
    # the parser missed the negation: only the word tells
    missed = dataclasses.replace(would_not, claims=(
        dataclasses.replace(would_not.claims[0], negated=False),))
    # no negation word: only the denial verb before the predicate tells (polarity)
    denied = said("a2", "The minister denied that the port would reopen on Monday.",
                  subject="The minister", predicate="reopen", hedged=True, modality="hedged")
    for other in (would_not, missed, denied):
        for g in ([group("a1.c1", "a2.c1")], []):
            claims, _ = judge([would, other], g, {}, S)
            assert "corroborated" not in statuses(claims), other.claims[0].text
    # near miss: the same statement from another outlet corroborates
    again = said("a2", "The minister said the port would reopen on Monday.",
                 subject="The minister", predicate="reopen", hedged=True, modality="hedged")
    claims, _ = judge([would, again], [group("a1.c1", "a2.c1")], {}, S)
    assert claims[0].status == "corroborated"


class UnsurePairJudge(PairJudge):
    """A pair judge that is unsure of every pair: a probability between
    ``frame_agreement_probability`` and the judge's threshold, so only one event stated
    alike (a frame link) can make two claims one fact."""

    P = (S.frame_agreement_probability + PairJudge().settings.threshold) / 2

    def probabilities(self, pairs, cosines):
        return np.full(len(pairs), self.P)

    def probability(self, a, b, cosine):
        return self.P


def test_a_plan_and_a_done_deed_are_not_one_event_stated_alike():
    """Bug guarded: dropping the same-modality guard of the frame links (one event stated
    alike in two reports), so that "the Harbour Board will reopen the port" (expected)
    and "the Harbour Board reopened the port" (asserted) are linked as one fact and
    corroborate each other: a plan is not the deed."""
    plan = ("The Harbour Board will reopen the port of Vastia to tankers next month, "
            "officials said after a week of protests by fishermen.")
    deed = ("Citing the end of the dredging works, the Harbour Board reopened the port of "
            "Vastia to tankers and cargo ships.")
    apart = (S.frame_similarity + S.corroboration_similarity) / 2  # related, not close
    assert S.frame_similarity <= apart < S.corroboration_similarity
    far = (apart, math.sqrt(1 - apart * apart))
    pairs = UnsurePairJudge()

    def judged(mod_a, mod_b):
        a = framed("a1", plan, "reopen", modality=mod_a, vector=(1.0, 0.0))
        b = framed("a2", deed, "reopen", modality=mod_b, vector=far)
        claims, conflicts = judge([a, b], [], {}, S, pairs=pairs)
        assert conflicts == []
        return statuses(claims)

    assert "corroborated" not in judged("expected", "asserted")
    # near miss: the same modality on both sides is one event stated alike
    assert judged("asserted", "asserted") == {"corroborated"}
    assert judged("expected", "expected") == {"corroborated"}


# --------------------------------------------------------------------------- 2. date tolerance


MON = dt.date(2026, 3, 2)


def _leaked(aid, day_offset, text):
    t = T(text, resolved=MON + dt.timedelta(days=day_offset))
    return said(aid, f"The memo leaked {text}.", subject="The memo", predicate="leak",
                times=(t,))


def test_dates_exactly_the_tolerance_apart_agree_one_more_day_conflicts():
    """Bug guarded: ``gap <= tolerance_days`` turned into ``gap < tolerance_days`` for
    resolved dates: two dates exactly ``date_tolerance_days`` apart must not conflict;
    one day more must."""
    base = T("on Monday", resolved=MON)
    edge = T("on the edge day", resolved=MON + dt.timedelta(days=TOL))
    beyond = T("on the day after", resolved=MON + dt.timedelta(days=TOL + 1))
    assert times_agree(base, edge, TOL) and times_agree(edge, base, TOL)
    assert not times_agree(base, beyond, TOL)
    # periods: the gap counts from the end of one to the start of the other
    week = T("that week", resolved=MON, low=MON, high=MON + dt.timedelta(days=6))
    after = T("later", resolved=MON + dt.timedelta(days=6 + TOL))
    assert times_agree(week, after, TOL)
    assert not times_agree(week, T("later", resolved=MON + dt.timedelta(days=7 + TOL)), TOL)

    a = _leaked("a1", 0, "on Monday")
    b = _leaked("a2", TOL, "on the edge day")
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert conflicts == []
    # near miss: one day beyond the tolerance is a date conflict
    c = _leaked("a2", TOL + 1, "on the day after")
    _, conflicts = judge([a, c], [group("a1.c1", "a2.c1")], {}, S)
    assert kinds(conflicts) == ["date"]
    assert f"more than {TOL} days apart" in conflicts[0].note


def _day(text, y, m, d, *, year_written=True):
    """A calendar date as the time reader writes it ("date:1990-03-03"; "date:--03-03"
    when no year is written and none is known)."""
    day = dt.date(y, m, d)
    if year_written:
        return T(text, f"date:{day.isoformat()}", day, day, day)
    return T(text, f"date:--{m:02d}-{d:02d}")


def test_partial_dates_exactly_the_tolerance_apart_agree():
    """Bug guarded: ``abs(da - db) <= tolerance_days`` turned into ``<`` when calendar
    parts are compared (unresolved dates, and birth and death dates): "died on March 3"
    and "died on March 3 + tolerance" agree; one day more disagrees."""
    first = _day("on March 3", 1990, 3, 3, year_written=False)
    edge = _day(f"on March {3 + TOL}", 1990, 3, 3 + TOL, year_written=False)
    beyond = _day(f"on March {4 + TOL}", 1990, 3, 4 + TOL, year_written=False)
    assert times_agree(first, edge, TOL)
    assert not times_agree(first, beyond, TOL)

    def died(aid, t):
        return said(aid, f"Tomas Brandt died {t.text}.", subject="Tomas Brandt",
                    predicate="die", times=(t,))

    a = died("a1", _day("on March 3, 1990", 1990, 3, 3))
    b = died("a2", _day(f"on March {3 + TOL}, 1990", 1990, 3, 3 + TOL))
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []
    # near miss: one day more is a conflict over the date of death
    c = died("a2", _day(f"on March {4 + TOL}, 1990", 1990, 3, 4 + TOL))
    _, conflicts = judge([a, c], [], {}, S)
    assert kinds(conflicts) == ["date"]


# --------------------------------------------------------------------------- 3. hedges


def test_will_close_against_may_not_close_is_no_conflict():
    """Bug guarded: hedged claims let into the negation (event) conflicts: "the port will
    close on Friday" and "the port may not close on Friday" must not conflict ("may"
    commits to nothing), while "will not close" does."""
    will = said("a1", "The port will close on Friday.", subject="The port",
                predicate="close", modality="expected")
    may_not = said("a2", "The port may not close on Friday.", subject="The port",
                   predicate="close", negated=True, hedged=True, modality="hedged")
    _, conflicts = judge([will, may_not], [group("a1.c1", "a2.c1")], {}, S)
    assert conflicts == []
    # the hedge on the stating side: "may close" against "will not close"
    may = said("a1", "The port may close on Friday.", subject="The port",
               predicate="close", hedged=True, modality="hedged")
    will_not = said("a2", "The port will not close on Friday.", subject="The port",
                    predicate="close", negated=True, modality="expected")
    _, conflicts = judge([may, will_not], [group("a1.c1", "a2.c1")], {}, S)
    assert conflicts == []
    # near miss: both committed
    _, conflicts = judge([will, will_not], [group("a1.c1", "a2.c1")], {}, S)
    assert kinds(conflicts) == ["event"]


def test_will_close_against_may_not_close_frames_do_not_conflict():
    """Bug guarded: hedged frames ("may not close", modality ``hedged``) let into the
    frame-based stated-vs-denied finder."""
    will = framed("a1", "The Harbour Board will close the port of Vastia to tankers.",
                  "close", modality="expected")
    may_not = framed("a2", "The Harbour Board may not close the port of Vastia to tankers.",
                     "close", polarity=False, modality="hedged", hedged=True)
    _, conflicts = judge([will, may_not], [], {}, S)
    assert conflicts == []
    will_not = framed("a2", "The Harbour Board will not close the port of Vastia to "
                      "tankers.", "close", polarity=False, modality="expected")
    _, conflicts = judge([will, will_not], [], {}, S)
    assert kinds(conflicts) == ["event"]


# --------------------------------------------------------------------------- 4. copies


def _joined(aid, value, wording="{value} workers joined the strike at the port on Monday."):
    q = Q(f"{value} workers", value, noun="worker")
    return said(aid, wording.format(value=value),
                subject=f"{value} workers", predicate="join", quantities=(q,))


def _sources_of(claim, copy_of):
    return {copy_of.get(e.article, e.article) for e in claim.evidence}


def test_a_copy_and_its_original_count_as_one_independent_source():
    """Bug guarded: independent sources counted by article instead of by source, so a
    syndicated copy counts twice: an article and its copy plus a third report make 2
    independent sources (never 3), and an article with its copy alone corroborates
    nothing."""
    wire, copy = _joined("a1", 300), _joined("a2", 300)
    # the third report words it its own way (the same words would be shared wording)
    other = _joined("a3", 300, "{value} workers joined the port strike on Monday, it said.")
    copy_of = {"a2": "a1"}
    for g in ([group("a1.c1", "a2.c1", "a3.c1")], []):
        claims, conflicts = judge([wire, copy, other], g, copy_of, S)
        assert conflicts == []
        (corroborated,) = [c for c in claims if c.status == "corroborated"]
        assert corroborated.independent_sources == 2
        for c in claims:
            assert c.independent_sources == len(_sources_of(c, copy_of)) <= 2, c
    # an article and its copy alone: one source
    claims, _ = judge([wire, copy], [group("a1.c1", "a2.c1")], copy_of, S)
    assert statuses(claims) == {"single_source"}
    assert all(c.independent_sources == 1 for c in claims)
    # two copies of one wire story that is not among the reports: still one source
    claims, _ = judge([copy, other], [group("a2.c1", "a3.c1")], {"a2": "a0", "a3": "a0"}, S)
    assert statuses(claims) == {"single_source"}
    # near miss: without the copy link, two reports that word it each their own way are
    # independent; the same sentence word for word is shared wording, one source
    claims, _ = judge([wire, other], [group("a1.c1", "a3.c1")], {}, S)
    assert claims[0].status == "corroborated" and claims[0].independent_sources == 2
    assert claims[0].basis == "independent"
    claims, _ = judge([wire, copy], [group("a1.c1", "a2.c1")], {}, S)
    assert claims[0].independent_sources == 1 and claims[0].basis == "shared wording"


def test_a_copy_does_not_add_a_source_to_a_contested_claim_or_a_conflict():
    """Bug guarded: independent sources counted by article instead of by source on a
    contested claim (an original and its copy against a third report: 2 sources) and in
    a conflict's weight (the copy adds no weight)."""
    wire, copy, other = _joined("a1", 300), _joined("a2", 300), _joined("a3", 900)
    g = [group("a1.c1", "a2.c1", "a3.c1")]
    claims, conflicts = judge([wire, copy, other], g, {"a2": "a1"}, S)
    assert kinds(conflicts) == ["quantity"]
    (contested,) = claims
    assert contested.status == "contested"
    assert contested.independent_sources == 2
    _, alone = judge([wire, other], [group("a1.c1", "a3.c1")], {}, S)
    assert conflicts[0].weight == alone[0].weight
    # near miss: an independent third report does add a source and weight
    claims, heavier = judge([wire, copy, other], g, {}, S)
    assert claims[0].independent_sources == 3
    assert heavier[0].weight > alone[0].weight


# --------------------------------------------------------------------------- 5. names


def test_one_capitalised_word_does_not_make_two_names_one():
    """Bug guarded: the name rule (``same_named`` / ``same_person``) matching on one
    capitalised word: "Korea" is not "North Korea", a first name alone is not the
    person ("Ana" / "Ana Ruiz"), and two people sharing a first name are two people
    ("Ana Ruiz" / "Ana Lopez")."""
    for a, b in (("Korea", "North Korea"), ("Ana", "Ana Ruiz"), ("Ana Ruiz", "Ana Lopez"),
                 ("South Korea", "North Korea"), ("Ana Ruiz", "Alberto Ruiz")):
        assert not same_named(a, b) and not same_named(b, a), (a, b)
        assert not same_person(a, b) and not same_person(b, a), (a, b)
    # near misses: a surname or a title with it, a longer phrase holding both names
    for a, b in (("Ruiz", "Ana Ruiz"), ("Ms. Ruiz", "Ana Ruiz"), ("A. Ruiz", "Ana Ruiz"),
                 ("Tomas Brandt (1921 - 1980), better known as Tom Brand", "Tom Brand")):
        assert same_named(a, b) and same_named(b, a), (a, b)


def test_people_sharing_a_first_name_are_rivals_not_one_person():
    """Bug guarded: people matched on one capitalised word (their first name): "Ana
    Ruiz" and "Ana Lopez" named as holders of one office are a person conflict; a former
    holder Ana Ruiz beside a current holder Ana Lopez is no role conflict; their deaths
    on different dates are no date conflict."""
    def holder(aid, name, status="current"):
        role = "central bank governor"
        return said(aid, f"{name}, the {role}, spoke on Monday.", subject=name,
                    predicate="speak", roles=(R(name, role, status),))

    _, conflicts = judge([holder("a1", "Ana Ruiz"), holder("a2", "Ana Lopez")], [], {}, S)
    assert kinds(conflicts) == ["person"]
    assert {s.value for s in conflicts[0].sides} == {"Ana Ruiz", "Ana Lopez"}
    _, conflicts = judge([holder("a1", "Ana Ruiz", "former"), holder("a2", "Ana Lopez")],
                         [], {}, S)
    assert conflicts == []
    # near miss: one person former in one report, current in another
    _, conflicts = judge([holder("a1", "Ana Ruiz", "former"), holder("a2", "Ruiz")], [], {}, S)
    assert kinds(conflicts) == ["role"]

    def died(aid, name, t):
        return said(aid, f"{name} died {t.text}.", subject=name, predicate="die", times=(t,))

    a = died("a1", "Ana Ruiz", _day("on March 3, 1990", 1990, 3, 3))
    b = died("a2", "Ana Lopez", _day("on June 9, 1995", 1995, 6, 9))
    _, conflicts = judge([a, b], [], {}, S)
    assert "date" not in kinds(conflicts)
    # near miss: the same person dated apart
    c = died("a2", "Ruiz", _day("on June 9, 1995", 1995, 6, 9))
    _, conflicts = judge([a, c], [], {}, S)
    assert kinds(conflicts) == ["date"]


def test_subjects_that_share_one_capitalised_word_do_not_corroborate():
    """Bug guarded: subjects matched on one capitalised word in the same-fact test:
    "Korea fired ..." does not corroborate "North Korea fired ...", nor "Ana resigned
    ..." "Ana Ruiz resigned ...", nor "Ana Lopez resigned ..." "Ana Ruiz resigned ..."."""
    def told(aid, subject, rest):
        return said(aid, f"{subject} {rest}", subject=subject, predicate=rest.split()[0])

    missile = "fired two missiles into the sea off the east coast on Monday."
    resigned = "resigned as chair of the port board on Monday after the vote."
    for one, other, rest in (("Korea", "North Korea", missile),
                             ("Ana", "Ana Ruiz", resigned),
                             ("Ana Lopez", "Ana Ruiz", resigned)):
        a, b = told("a1", one, rest), told("a2", other, rest)
        for g in ([group("a1.c1", "a2.c1")], []):
            claims, _ = judge([a, b], g, {}, S)
            assert "corroborated" not in statuses(claims), (one, other)
    # near miss: the same person under a shorter name corroborates
    for one, other, rest in (("North Korea", "North Korea", missile),
                             ("Ruiz", "Ana Ruiz", resigned)):
        claims, _ = judge([told("a1", one, rest), told("a2", other, rest)], [], {}, S)
        assert claims[0].status == "corroborated", (one, other)


# --------------------------------------------------------------------------- 1 and 3, parsed


@pytest.mark.slow
def test_parsed_would_not_and_may_not_are_no_event_conflicts(nlp):
    """Bugs guarded, end to end from the parser's reading (claims and frames): "would
    reopen" / "would not reopen" (1) and "will close" / "may not close" (3) must not be
    stated-vs-denied conflicts, whether aligned or compared frame by frame; "will close"
    / "will not close" must."""

    def parsed(aid, text):
        article = make_article(text, id=aid, outlet=f"Outlet {aid}")
        doc, sents = parse_article(nlp, article)
        return Analysis(article=article, sentences=sents,
                        claims=tuple(extract_claims(article, doc, sents, ())),
                        frames=tuple(extract_frames(article, doc, sents, ())))

    def conflict_kinds(x, y):
        a, b = parsed("a1", x), parsed("a2", y)
        out = set()
        for g in ([group(a.claims[0].id, b.claims[0].id)], []):
            out |= set(kinds(judge([a, b], g, {}, S)[1]))
        return out

    assert "event" not in conflict_kinds(
        "The minister said the port of Vastia would reopen to tankers on Monday.",
        "The minister said the port of Vastia would not reopen to tankers on Monday.")
    assert "event" not in conflict_kinds(
        "The port of Vastia will close to tankers on Friday.",
        "The port of Vastia may not close to tankers on Friday.")
    # near miss: both committed
    assert "event" in conflict_kinds(
        "The port of Vastia will close to tankers on Friday.",
        "The port of Vastia will not close to tankers on Friday.")
