"""Verdicts over hand-built claims: each conflict kind, and the near-misses that must not fire.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``) live in ``tests/builders.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
from builders import INF, C, Q, R, T, dated, group, report, vecs

from newscheck.model import (
    Frame,
)
from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    date_parts,
    dates_a_noun,
    frame_sign,
    judge,
    life_dates,
    place_key,
    polarity,
    predicate_time,
    quantities_agree,
    same_person,
    times_agree,
)

S = VerdictSettings()


def strike_reports(a_qty, b_qty, c_qty=None):
    a = report("a1", ["Filler.", "The strike has lasted almost three weeks."],
               [C(1, subject="The strike", predicate="last", quantities=(a_qty,), salience=0.8)],
               outlet="Harbor Daily")
    b = report("a2", ["The strike, now in its second week, shows no sign of ending."],
               [C(0, subject="The strike", predicate="last", quantities=(b_qty,), salience=0.7)],
               outlet="Coast Times")
    out = [a, b]
    if c_qty is not None:
        out.append(report("a3", ["The stoppage has gone on for a while."],
                          [C(0, subject="The stoppage", predicate="last", quantities=(c_qty,))]))
    return out


# --------------------------------------------------------------------------- quantities


def test_duration_conflict_reports_both_wordings_and_topic():
    three_weeks = Q("almost three weeks", 21, 18, 21, unit="day", approx="nearly",
                    kind="duration", noun="strike")
    second_week = Q("in its second week", 14, 7, 14, unit="day", approx="ordinal",
                    kind="duration", noun="strike")
    analyses = strike_reports(three_weeks, second_week)
    claims, conflicts = judge(analyses, [group("a1.c1", "a2.c1")], {}, S)
    assert len(conflicts) == 1
    # one thing told with two values: one contested claim citing both reports
    assert [c.status for c in claims] == ["contested"]
    assert claims[0].independent_sources == 2
    x = conflicts[0]
    assert x.id == "x1" and x.kind == "quantity"
    assert x.topic == "how long the strike has lasted"
    assert [s.value for s in x.sides] == ["almost three weeks", "in its second week"]
    assert "18–21 days" in x.note and "7–14 days" in x.note
    assert x.sides[0].evidence[0].sentence == "The strike has lasted almost three weeks."
    assert x.sides[0].evidence[0].article == "a1"
    text = analyses[0].article.text
    ev = x.sides[0].evidence[0]
    assert text[ev.start : ev.end] == ev.sentence
    assert [c.status for c in claims] == ["contested"]
    assert x.claims == ("c1",)


def test_compatible_approximations_corroborate():
    about = Q("about 300", 300, 270, 330, approx="about", noun="worker")
    nearly = Q("nearly 300", 300, 270, 300, approx="nearly", noun="worker")
    roughly = Q("roughly 310", 310, 279, 341, approx="about", noun="worker")
    analyses = [
        report(aid, [f"{q.text.capitalize()} workers joined the strike on Monday."],
               [C(0, subject="workers", predicate="join", quantities=(q,))])
        for aid, q in (("a1", about), ("a2", nearly), ("a3", roughly))
    ]
    claims, conflicts = judge(analyses, [group("a1.c1", "a2.c1", "a3.c1")], {}, S)
    assert conflicts == []
    assert claims[0].status == "corroborated"
    assert claims[0].independent_sources == 3
    assert len(claims[0].evidence) == 3


def test_understatement_beyond_tolerance_is_a_conflict_though_intervals_overlap():
    about40 = Q("about 40", 40, 36, 44, approx="about", noun="injure")
    more10 = Q("more than 10", 10, 10, INF, approx="more_than", noun="injure")
    assert not quantities_agree(about40, more10, 0.15)
    _, conflicts = judge(strike_reports(about40, more10), [group("a1.c1", "a2.c1")], {}, S)
    assert len(conflicts) == 1 and conflicts[0].kind == "quantity"


def test_open_ended_figure_agrees_with_a_value_just_above_it():
    more = Q("more than 1,000", 1000, 1000, INF, approx="more_than")
    exact = Q("1,200", 1200)
    assert quantities_agree(more, exact, 0.15)
    assert not quantities_agree(Q("300", 300), Q("410", 410), 0.15)


def test_vague_figure_holding_a_precise_one_agrees_but_distant_centres_do_not():
    hundreds = Q("hundreds of workers", 500, 200, 900, approx="about", noun="worker")
    about250 = Q("about 250 workers", 250, 225, 275, approx="about", noun="worker")
    assert quantities_agree(hundreds, about250, 0.15)
    between = Q("between 10 and 50", 30, 10, 50, approx="range")
    about48 = Q("about 48", 48, 43, 53, approx="about")
    assert not quantities_agree(between, about48, 0.15)
    assert quantities_agree(between, Q("about 30", 30, 27, 33, approx="about"), 0.15)


def test_quantities_of_different_things_do_not_conflict():
    workers = Q("300 workers", 300, noun="worker")
    ships = Q("40 ships", 40, noun="ship")
    money = Q("$40 million", 40e6, unit="USD", kind="money")
    analyses = strike_reports(workers, ships, money)
    claims, conflicts = judge(analyses, [group("a1.c1", "a2.c1", "a3.c1")], {}, S)
    assert conflicts == []
    # aligned, yet three different statements: nothing is corroborated
    assert {c.status for c in claims} == {"single_source"}


def test_copy_is_not_independent_corroboration():
    q = Q("300 workers", 300, noun="worker")
    a, b = (
        report(aid, ["300 workers joined the strike on Monday."],
               [C(0, subject="300 workers", predicate="join", quantities=(q,))])
        for aid in ("a1", "a2")
    )
    claims, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {"a2": "a1"}, S)
    assert conflicts == []
    assert claims[0].status == "single_source"
    assert claims[0].independent_sources == 1
    # Without the copy link the same pair corroborates.
    claims, _ = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert claims[0].status == "corroborated" and claims[0].independent_sources == 2


# --------------------------------------------------------------------------- times


def _leak(aid, sentence, t):
    return report(aid, [sentence], [C(0, subject="The memo", predicate="leak", times=(t,))])


def test_relative_times_of_one_family_conflict():
    a = _leak("a1", "The memo leaked last week.", T("last week"))
    b = _leak("a2", "The memo leaked last month.", T("last month"))
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert len(conflicts) == 1
    assert conflicts[0].kind == "time"
    assert conflicts[0].topic == "when the memo leaked"
    assert [s.value for s in conflicts[0].sides] == ["last week", "last month"]


def test_resolved_dates_conflict_only_beyond_tolerance():
    d = dt.date(2026, 3, 2)
    near = T("on Tuesday", resolved=d + dt.timedelta(days=1))
    far = T("on March 12", resolved=d + dt.timedelta(days=10))
    base = T("on Monday", resolved=d)
    assert times_agree(base, near, 2)
    assert not times_agree(base, far, 2)
    # A day inside a resolved month agrees with the month.
    month = T("in March", resolved=dt.date(2026, 3, 1), low=dt.date(2026, 3, 1),
              high=dt.date(2026, 3, 31))
    assert times_agree(month, far, 2)
    a, b = _leak("a1", "The memo leaked on Monday.", base), _leak("a2", "It leaked.", far)
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert len(conflicts) == 1 and conflicts[0].kind == "date"
    b = _leak("a2", "The memo leaked on Tuesday.", near)
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert conflicts == []


def test_times_of_different_events_do_not_conflict():
    a = report("a1", ["The memo leaked last week."],
               [C(0, subject="The memo", predicate="leak", times=(T("last week"),))])
    b = report("a2", ["The minister resigned last month."],
               [C(0, subject="The minister", predicate="resign", times=(T("last month"),))])
    claims, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert conflicts == []
    # aligned by their slots, but two facts: neither corroborates the other
    assert {c.status for c in claims} == {"single_source"}


# --------------------------------------------------------------------------- people and roles


def _director(aid, name, role="port authority director", status="current", extra=()):
    sentence = f"{name}, the {role}, spoke on Monday."
    claims = [C(0, subject=name, predicate="speak", roles=(R(name, role, status),))]
    claims += [C(0, text=f"{n} spoke.", subject=n, predicate="speak", roles=(R(n, role),))
               for n in extra]
    return report(aid, [sentence], claims, outlet=f"Outlet {aid}")


def test_two_people_in_one_office_conflict():
    a = _director("a1", "John Smith")
    b = _director("a2", "Mary Jones")
    c = _director("a3", "Mary Jones")
    claims, conflicts = judge([a, b, c], [], {}, S)
    assert len(conflicts) == 1
    x = conflicts[0]
    assert x.kind == "person" and x.topic == "who is port authority director"
    assert {s.value for s in x.sides} == {"John Smith", "Mary Jones"}
    assert {c.status for c in claims} == {"contested"}


def test_surname_only_mention_is_the_same_person():
    a = _director("a1", "John Smith")
    b = _director("a2", "Smith")
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []


def test_plural_roles_and_different_roles_do_not_conflict():
    a = _director("a1", "Ana Ruiz", role="union spokeswoman")
    b = _director("a2", "Eva Lind", role="union spokeswoman")
    c = _director("a3", "Carl Berg", role="harbour master")
    _, conflicts = judge([a, b, c], [], {}, S)
    assert conflicts == []


def test_former_in_one_report_current_in_another():
    a = _director("a1", "Ana Ruiz", role="finance minister", status="former")
    b = _director("a2", "Ana Ruiz", role="finance minister")
    _, conflicts = judge([a, b], [], {}, S)
    assert len(conflicts) == 1
    x = conflicts[0]
    assert x.kind == "role" and x.topic == "whether Ana Ruiz is still finance minister"
    assert [s.value for s in x.sides] == ["former finance minister", "finance minister"]


def test_former_holder_beside_a_new_holder_is_no_conflict():
    a = _director("a1", "Ana Ruiz", role="finance minister", status="former")
    b = _director("a2", "Eva Lind", role="finance minister")
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []


def test_an_article_never_stands_on_two_sides():
    # a1 names both people as director once each: a tie, so a1 leaves the conflict.
    a = _director("a1", "John Smith", extra=["Mary Jones"])
    b = _director("a2", "Mary Jones")
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []
    # With a majority, a1 stands on its majority side only.
    a = _director("a1", "John Smith", extra=["John Smith", "Mary Jones"])
    _, conflicts = judge([a, b], [], {}, S)
    assert len(conflicts) == 1
    sides = {s.value: {e.article for e in s.evidence} for s in conflicts[0].sides}
    assert sides == {"John Smith": {"a1"}, "Mary Jones": {"a2"}}


# --------------------------------------------------------------------------- negation, place


def test_negation_of_the_same_predicate_conflicts():
    a = report("a1", ["Dockworkers rejected the wage offer."],
               [C(0, subject="Dockworkers", predicate="reject")])
    b = report("a2", ["Dockworkers did not reject the wage offer."],
               [C(0, subject="Dockworkers", predicate="reject", negated=True)])
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert len(conflicts) == 1 and conflicts[0].kind == "event"
    assert conflicts[0].topic == "whether Dockworkers rejected the wage offer"


def test_negation_with_other_subject_or_predicate_is_no_conflict():
    a = report("a1", ["Dockworkers rejected the wage offer."],
               [C(0, subject="Dockworkers", predicate="reject")])
    b = report("a2", ["The port authority did not reject the wage offer."],
               [C(0, subject="The port authority", predicate="reject", negated=True)])
    c = report("a3", ["Dockworkers did not accept the wage offer."],
               [C(0, subject="Dockworkers", predicate="accept", negated=True)])
    _, conflicts = judge([a, b, c], [group("a1.c1", "a2.c1", "a3.c1")], {}, S)
    assert conflicts == []


def test_places_conflict_unless_one_report_names_both():
    a = report("a1", ["The ship docked in Hamburg."],
               [C(0, subject="The ship", predicate="dock", places=("Hamburg",))])
    b = report("a2", ["The ship docked in Rotterdam."],
               [C(0, subject="The ship", predicate="dock", places=("Rotterdam",))])
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert len(conflicts) == 1 and conflicts[0].kind == "place"
    b = report("a2", ["The ship docked in Rotterdam after leaving Hamburg."],
               [C(0, subject="The ship", predicate="dock", places=("Rotterdam",))])
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert conflicts == []


# --------------------------------------------------------------------------- statuses, order


def test_statuses_ids_order_and_single_source_filter():
    q = Q("300 workers", 300, noun="worker")
    a = report("a1", ["Headline about the strike", "About 300 workers walked out.",
                      "It was a grey day.", "The union met in Bergen."],
               [C(1, predicate="walk", quantities=(q,), salience=0.9),
                C(2, predicate="be", salience=0.05),
                C(3, predicate="meet", places=("Bergen",), salience=0.1)],
               title=True)
    b = report("a2", ["Some 300 workers walked out."],
               [C(0, predicate="walk", quantities=(q,), salience=0.5)])
    claims, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert conflicts == []
    assert [c.id for c in claims] == ["c1", "c2"]
    assert [c.status for c in claims] == ["corroborated", "single_source"]
    # The filler claim (nothing checkable, low salience) is left out; the checkable one stays.
    assert claims[1].text == "The union met in Bergen."
    assert claims[0].text == "About 300 workers walked out."  # the most salient member
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S) == (claims, conflicts)


def test_max_conflicts_keeps_the_heaviest_and_only_those_are_contested():
    def pair(n, salience):
        x = Q(f"{10 * n} ships", 10 * n, noun=f"ship{n}")
        y = Q(f"{40 * n} ships", 40 * n, noun=f"ship{n}")
        return (C(n - 1, predicate="dock", quantities=(x,), salience=salience),
                C(n - 1, predicate="dock", quantities=(y,), salience=salience))

    p1, p2 = pair(1, 0.9), pair(2, 0.1)
    a = report("a1", ["First 10 ships.", "Then 20 more ships."], [p1[0], p2[0]])
    b = report("a2", ["First 40 ships.", "Then 80 more ships."], [p1[1], p2[1]])
    groups = [group("a1.c1", "a2.c1"), group("a1.c2", "a2.c2")]
    _, both = judge([a, b], groups, {}, S)
    assert len(both) == 2
    claims, conflicts = judge([a, b], groups, {}, dataclasses.replace(S, max_conflicts=1))
    assert len(conflicts) == 1
    assert [s.value for s in conflicts[0].sides] == ["10 ships", "40 ships"]
    statuses = {c.evidence[0].sentence: c.status for c in claims}
    # the dropped conflict's claims are not contested, and 20 ships against 80 ships is no
    # corroboration either (figures that disagree are not one fact)
    assert statuses["First 10 ships."] == "contested"
    assert statuses["Then 20 more ships."] == "single_source"
    contested = {c.id for c in claims if c.status == "contested"}
    assert contested == {cid for x in conflicts for cid in x.claims}


# --------------------------------------------------------------------------- slot by slot


def _crowd(aid, sentence, q, vector):
    return report(aid, [sentence], [C(0, predicate="walk", quantities=(q,))], vectors=vecs(vector))


def test_counts_of_people_named_differently_conflict_across_groups():
    # Alignment put the claims nowhere together; their sentences are related and both
    # count strikers, one as "members", the other as "dockworkers".
    a = _crowd("a1", "About 3,000 of its members have stopped work.",
               Q("About 3,000", 3000, 2700, 3300, approx="about", noun="member"), [1, 0.2])
    b = _crowd("a2", "The walkout by more than 5,000 dockworkers has left cargo stranded.",
               Q("more than 5,000", 5000, 5000, INF, approx="more_than", noun="dockworker"),
               [1, 0.6])
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.kind for x in conflicts] == ["quantity"]
    assert [s.value for s in conflicts[0].sides] == ["About 3,000", "more than 5,000"]


def test_counts_in_unrelated_sentences_do_not_conflict():
    a = _crowd("a1", "About 3,000 of its members have stopped work.",
               Q("About 3,000", 3000, 2700, 3300, approx="about", noun="member"), [1, 0])
    b = _crowd("a2", "More than 5,000 residents signed a petition about parking.",
               Q("more than 5,000", 5000, 5000, INF, approx="more_than", noun="resident"),
               [0, 1])
    assert judge([a, b], [], {}, S)[1] == []


def test_one_person_and_part_of_a_crowd_are_not_figures():
    a = _crowd("a1", "One dockworker, who did not want to be named, said the mood was grim.",
               Q("One", 1, noun="dockworker"), [1, 0.1])
    b = _crowd("a2", "About 3,000 dockworkers have stopped work.",
               Q("About 3,000", 3000, 2700, 3300, approx="about", noun="dockworker"), [1, 0.2])
    assert judge([a, b], [], {}, S)[1] == []


def test_a_vague_figure_that_fits_both_sides_takes_neither():
    a = _crowd("a1", "About 3,000 workers have stopped work.",
               Q("About 3,000", 3000, 2700, 3300, approx="about", noun="worker"), [1, 0.1])
    b = _crowd("a2", "More than 5,000 workers have stopped work.",
               Q("More than 5,000", 5000, 5000, INF, approx="more_than", noun="worker"),
               [1, 0.2])
    c = _crowd("a3", "Thousands of workers are reportedly involved.",
               Q("Thousands", 2000, 2000, 9999, approx="about", noun="worker"), [1, 0.15])
    _, conflicts = judge([a, b, c], [], {}, S)
    assert len(conflicts) == 1
    articles = {e.article for s in conflicts[0].sides for e in s.evidence}
    assert articles == {"a1", "a2"}


def _lasting(aid, sentence, q, day):
    return dated(report(aid, [sentence], [C(0, predicate="continue", quantities=(q,))]), day)


def test_durations_of_one_event_compare_as_spans_on_one_day():
    herald = _lasting("a1", "The strike, now in its 19th day, goes on.",
                      Q("19th day", 19, 18, 19, unit="day", approx="ordinal", kind="duration",
                        noun="strike"), dt.date(2026, 3, 13))
    radio = _lasting("a2", "The walkout continues into its third week.",
                     Q("third week", 21, 14, 21, unit="day", approx="ordinal", kind="duration",
                       noun="walkout"), dt.date(2026, 3, 15))
    group_ = [group("a1.c1", "a2.c1")]
    assert judge([herald, radio], group_, {}, S)[1] == []
    vague = _lasting("a3", "The strike, which has now entered its second week, continues.",
                     Q("second week", 14, 7, 14, unit="day", approx="ordinal", kind="duration",
                       noun="strike"), dt.date(2026, 3, 14))
    _, conflicts = judge([herald, vague], [group("a1.c1", "a3.c1")], {}, S)
    assert [(x.kind, x.topic) for x in conflicts] == [("quantity", "how long the strike has lasted")]


def test_a_rate_period_is_not_how_long_something_lasted():
    demand = report("a1", ["The union wants 9 percent over two years to end the strike."], [
        C(0, predicate="want", quantities=(
            Q("9 percent", 9, unit="percent", kind="percent"),
            Q("two years", 730.5, unit="day", kind="duration", noun="period")))])
    title = report("a2", ["Dockworkers reject offer as port strike nears three weeks"], [
        C(0, predicate="reject", quantities=(
            Q("nears three weeks", 21, 17.85, 21, unit="day", approx="nearly", kind="duration",
              noun="strike"),))])
    assert judge([demand, title], [group("a1.c1", "a2.c1")], {}, S)[1] == []


def _memo(aid, sentence, t, day, predicate, **slots):
    """A dated one-sentence report; all such sentences are related (close vectors)."""
    claim = C(0, predicate=predicate, times=(t,), subject=sentence.split(",")[0].split(" was")[0],
              **slots)
    return dated(report(aid, [sentence], [claim], vectors=vecs([1, 0.1])), day)


MONDAY = T("on Monday", resolved=dt.date(2026, 3, 9))
TWO_WEEKS_AGO = T("two weeks ago", resolved=dt.date(2026, 3, 1), low=dt.date(2026, 2, 26),
                  high=dt.date(2026, 3, 4))


def test_one_event_dated_apart_conflicts_across_predicates():
    wire = _memo("a1", "The memo was sent to managers on Monday, according to the union.",
                 MONDAY, dt.date(2026, 3, 13), "send")
    radio = _memo("a2", "The memo, which was circulated to port managers two weeks ago, sets "
                  "out a plan to bring in temporary crews.", TWO_WEEKS_AGO,
                  dt.date(2026, 3, 15), "set")
    _, conflicts = judge([wire, radio], [], {}, S)
    assert [(x.kind, x.topic) for x in conflicts] == [("date", "date of the memo")]


def test_different_events_in_one_sentence_keep_their_own_dates():
    # "this week" dates the sharpening, not the memo's circulation.
    herald = _memo("a1", "The dispute sharpened this week when the union released a memo "
                   "sent to managers.", T("this week", resolved=dt.date(2026, 3, 9),
                                          low=dt.date(2026, 3, 9), high=dt.date(2026, 3, 15)),
                   dt.date(2026, 3, 13), "sharpen")
    radio = _memo("a2", "The memo, which was circulated to port managers two weeks ago, sets "
                  "out a plan.", TWO_WEEKS_AGO, dt.date(2026, 3, 15), "set")
    assert judge([herald, radio], [], {}, S)[1] == []


def test_a_plan_and_a_past_meeting_are_not_one_event():
    past = _memo("a1", "Talks between the sides resumed on Thursday.",
                 T("on Thursday", resolved=dt.date(2026, 3, 12)), dt.date(2026, 3, 13), "resume")
    plan = _memo("a2", "Talks between the sides are to resume next week.",
                 T("next week", resolved=dt.date(2026, 3, 16), low=dt.date(2026, 3, 16),
                   high=dt.date(2026, 3, 22)), dt.date(2026, 3, 13), "resume")
    assert judge([past, plan], [], {}, S)[1] == []


def test_when_a_statement_was_made_dates_no_event():
    said = _memo("a1", "Solberg said on Thursday that inspections of the bridges had begun.",
                 T("on Thursday", resolved=dt.date(2026, 3, 12)), dt.date(2026, 3, 13), "begin")
    began = _memo("a2", "Inspections of the bridges began on Monday.", MONDAY,
                  dt.date(2026, 3, 13), "begin2")
    assert judge([said, began], [], {}, S)[1] == []


def test_event_words_take_the_clause_of_the_time():
    from newscheck.verdicts import event_words

    words = event_words("The memo, which was circulated to port managers two weeks ago, sets "
                        "out a plan.", "two weeks ago")
    assert {"memo", "manager"} <= words and "plan" not in words
    assert "memo" not in event_words("The dispute sharpened this week when the union "
                                     "released a memo.", "this week")


# --------------------------------------------------------------------------- real-coverage near-misses


def _said(aid, sentence, predicate, q=(), t=(), vector=None, **slots):
    return report(aid, [sentence], [C(0, predicate=predicate, quantities=tuple(q), times=tuple(t),
                                      **slots)],
                  vectors=vecs(vector) if vector else None)


def test_bare_figures_of_different_events_in_one_group_do_not_conflict():
    # "a 30-day delay" and "four hours before the deadline": two durations of two things
    a = _said("a1", "The ministry will delay the levy for another 30 days.", "delay",
              [Q("30 days", 30, unit="day", kind="duration")])
    b = _said("a2", "Less than four hours before the deadline, the ministry delayed the levy.",
              "delay", [Q("Less than four hours", 0.17, 0, 0.17, unit="day", approx="less_than",
                          kind="duration")])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []
    # a percentage of two things: "a 25 percent tariff" vs "30 percent of all imports"
    a = _said("a1", "Exporters face a 25 percent tariff on copper.", "face",
              [Q("25 percent", 25, unit="percent", kind="percent", noun="tariff")])
    b = _said("a2", "The tariff covered just 30 percent of all imports.", "cover",
              [Q("30 percent", 30, unit="percent", kind="percent", noun="import")])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []
    # bare numbers of different predicates: "numbered about 1,200" vs "150 plan to apply"
    a = _said("a1", "The convoy once numbered about 1,200.", "number",
              [Q("about 1,200", 1200, 1080, 1320, approx="about")], vector=[1, 0.1])
    b = _said("a2", "Some 150 plan to apply for permits.", "plan",
              [Q("Some 150", 150, 135, 165, approx="about")], vector=[1, 0.1])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []


def test_bare_figures_of_one_predicate_and_close_sentences_still_conflict():
    a = _said("a1", "Rescuers pulled 12 from the rubble.", "pull", [Q("12", 12)], vector=[1, 0.1])
    b = _said("a2", "Rescuers pulled 30 from the rubble.", "pull", [Q("30", 30)], vector=[1, 0.12])
    (x,) = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1]
    assert x.kind == "quantity" and [s.value for s in x.sides] == ["12", "30"]


def test_counts_of_two_doings_in_different_groups_do_not_conflict():
    # both count people, in fairly close sentences, yet one tells who was charged and the
    # other who pleaded guilty
    a = _said("a1", "The suit names three people who were charged in the inquiry.", "name",
              [Q("three", 3, noun="people")], vector=[1, 1.3])
    b = _said("a2", "Four people have pleaded guilty to lying.", "plead",
              [Q("Four", 4, noun="people")], vector=[1, 0.0])
    assert judge([a, b], [], {}, S)[1] == []
    # near-miss: the same doing in both clauses is one count, reported differently
    b = _said("a2", "Four people were charged in the inquiry.", "charge",
              [Q("Four", 4, noun="people")], vector=[1, 0.0])
    assert [x.kind for x in judge([a, b], [], {}, S)[1]] == ["quantity"]


def test_identical_or_contained_times_agree():
    undated = T("on 13 July")
    dated = T("on 13 July", resolved=dt.date(2026, 7, 13))
    assert times_agree(undated, dated, 2)
    month = T("in July", low=dt.date(2026, 7, 1), high=dt.date(2026, 7, 31),
              resolved=dt.date(2026, 7, 1))
    assert times_agree(dated, month, 2)
    assert not times_agree(T("in June", low=dt.date(2026, 6, 1), high=dt.date(2026, 6, 30),
                             resolved=dt.date(2026, 6, 1)), dated, 2)


def test_a_time_that_dates_a_noun_does_not_date_the_predicate():
    assert dates_a_noun("They sued, alleging fraud in 2016 elections.", "2016")
    assert not dates_a_noun("They sued on Friday, alleging fraud.", "on Friday")
    a = _said("a1", "The party sued the firm, alleging fraud in 2016 elections.", "sue",
              t=[T("2016", resolved=dt.date(2016, 1, 1), low=dt.date(2016, 1, 1),
                   high=dt.date(2016, 12, 31))])
    b = _said("a2", "The party sued the firm ahead of November elections.", "sue",
              t=[T("November", resolved=dt.date(2025, 11, 1), low=dt.date(2025, 11, 1),
                   high=dt.date(2025, 11, 30))])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []


def test_story_dates_matched_on_names_only_or_years_apart_are_two_events():
    a = dated(_said("a1", "Harbour Watch published the Delta Board files on May 2, 2024.",
                    "publish", t=[T("on May 2, 2024", resolved=dt.date(2024, 5, 2))],
                    vector=[1, 0.2]), dt.date(2026, 3, 13))
    b = dated(_said("a2", "The Delta Board sued Harbour Watch on Friday.", "sue",
                    t=[T("on Friday", resolved=dt.date(2026, 3, 13))], vector=[1, 0.3]),
              dt.date(2026, 3, 13))
    assert judge([a, b], [], {}, S)[1] == []
    # common words shared, but years apart: the programme halted then, files shown now
    a = dated(_said("a1", "Inspectors said the nuclear programme was halted in early 2004.",
                    "halt", t=[T("in early 2004", resolved=dt.date(2004, 1, 1),
                                 low=dt.date(2004, 1, 1), high=dt.date(2004, 4, 30))],
                    vector=[1, 0.2]), dt.date(2026, 3, 13))
    b = dated(_said("a2", "Files shown on Monday prove the nuclear programme was never halted.",
                    "show", t=[T("on Monday", resolved=dt.date(2026, 3, 9))], vector=[1, 0.3]),
              dt.date(2026, 3, 13))
    assert [x for x in judge([a, b], [], {}, S)[1] if x.kind in ("date", "time")] == []


def test_a_denial_says_what_a_negated_statement_says():
    deny = C(0, subject="Ruiz", predicate="collude",
             text="Ruiz has repeatedly denied his campaign colluded with the firm.")
    said_not = C(0, subject="Ruiz", predicate="collude", negated=True,
                 text="Ruiz has repeatedly said his campaign did not collude with the firm.")
    plain = C(0, subject="Ruiz", predicate="collude",
              text="Ruiz's campaign colluded with the firm, the report found.")
    assert not polarity(deny) and not polarity(said_not) and polarity(plain)
    a = report("a1", [deny.text], [deny])
    b = report("a2", [said_not.text], [said_not])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []
    # near-miss: the finding that it did collude still disagrees with the denial
    c = report("a3", [plain.text], [plain])
    (x,) = judge([a, c], [group("a1.c1", "a3.c1")], {}, S)[1]
    assert x.kind == "event"


def test_place_names_are_normalised_and_only_a_located_event_compares():
    assert place_key("the U.K.") == place_key("UK") == place_key("United Kingdom")
    assert place_key("U.S.") == place_key("United States")
    a = _said("a1", "The envoy will land in the U.K. on Friday.", "land", places=("U.K.",))
    b = _said("a2", "The envoy will land in the United Kingdom on Friday.", "land",
              places=("United Kingdom",))
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []
    # naming a place is not placing the event there
    a = _said("a1", "This would be the third meeting between leaders of the two Valleys.",
              "be", places=("Valleys",))
    b = _said("a2", "It would be the first meeting between Ostrian and Valley leaders.", "be",
              places=("Ostria",))
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []


def test_a_hyphenated_tail_is_the_same_person_and_then_never_conflicts():
    assert same_person("Hana Jae", "Hana Jae-in")
    assert not same_person("Hana Jae", "Hana Kim-in")
    a = report("a1", ["Talks with Southern President Hana Jae-in begin."],
               [C(0, roles=(R("Hana Jae-in", "southern president"),))])
    b = report("a2", ["Southern President Hana Jae met envoys."],
               [C(0, roles=(R("Hana Jae", "southern president"),))])
    assert judge([a, b], [], {}, S)[1] == []
    # then-holders: the office named at the time of a past event
    a = report("a1", ["The deal was agreed under Minister Ana Ruiz."],
               [C(0, roles=(R("Ana Ruiz", "finance minister", "then"),))])
    b = report("a2", ["Finance Minister Lena Park said the deal stands."],
               [C(0, roles=(R("Lena Park", "finance minister"),))])
    c = report("a3", ["Former finance minister Ana Ruiz said nothing."],
               [C(0, roles=(R("Ana Ruiz", "finance minister", "former"),))])
    assert judge([a, b, c], [], {}, S)[1] == []


def _counted(aid, sentence, words, value, noun, vector):
    at = sentence.index(words)
    q = dataclasses.replace(Q(words, value, noun=noun), start=at, end=at + len(words))
    return _said(aid, sentence, "test", [q], vector=vector)


def test_a_restricted_kind_of_the_noun_counts_a_part_not_the_whole():
    a = _counted("a1", "The navy tested 23 missiles during the year.", "23", 23, "missile",
                 [1, 0.1])
    b = _counted("a2", "The navy tested three cruise missiles during the year.", "three", 3,
                 "missile", [1, 0.12])
    assert judge([a, b], [], {}, S)[1] == []
    # near-miss: the same kind, counted differently
    b = _counted("a2", "The navy tested 30 missiles during the year.", "30", 30, "missile",
                 [1, 0.12])
    assert [x.kind for x in judge([a, b], [], {}, S)[1]] == ["quantity"]


def test_story_dates_of_different_doers_are_two_events():
    day = dt.date(2026, 3, 13)
    a = dated(_said("a1", "The envoy met with the rebel leader in the capital last week.", "meet",
                    subject="The envoy", t=[T("last week", low=dt.date(2026, 3, 2),
                                              high=dt.date(2026, 3, 8),
                                              resolved=dt.date(2026, 3, 2))],
                    vector=[1, 0.1]), day)
    b = dated(_said("a2", "The minister met with the rebel leader in the capital in January.",
                    "meet", subject="The minister",
                    t=[T("in January", low=dt.date(2026, 1, 1), high=dt.date(2026, 1, 31),
                         resolved=dt.date(2026, 1, 1))], vector=[1, 0.12]), day)
    assert judge([a, b], [], {}, S)[1] == []
    # near-miss: the same doer dated apart is a conflict
    b = dated(_said("a2", "The envoy met with the rebel leader in the capital in January.",
                    "meet", subject="The envoy",
                    t=[T("in January", low=dt.date(2026, 1, 1), high=dt.date(2026, 1, 31),
                         resolved=dt.date(2026, 1, 1))], vector=[1, 0.12]), day)
    assert [x.kind for x in judge([a, b], [], {}, S)[1]] == ["date"]


# --------------------------------------------------------------------------- life dates, partial dates


def _year(text, y):
    return T(text, f"year:{y}", dt.date(y, 1, 1), dt.date(y, 1, 1), dt.date(y, 12, 31))


def _day(text, y, m, d):
    day = dt.date(y, m, d)
    return T(text, f"date:{day.isoformat()}", day, day, day)


def test_a_lifespan_in_brackets_gives_birth_and_death():
    text = "Tomas Brandt (June 1, 1921 - March 3, 1980) was a Danish painter."
    c = C(0, text, subject="Tomas Brandt (June 1, 1921 - March 3, 1980)", predicate="be")
    got = [(e, t.norm) for e, _, t in life_dates(c)]
    assert got == [("born", "date:1921-06-01"), ("died", "date:1980-03-03")]
    c = C(0, "Lena Varga (born 26 December 1970) is an actress.", subject="Lena Varga",
          predicate="be")
    assert [(e, t.norm) for e, _, t in life_dates(c)] == [("born", "date:1970-12-26")]
    # near-miss: a bracket of other dates names no life ("the festival (May 3 - May 9)")
    c = C(0, "The festival (run by Ana Ruiz) opened.", subject="The festival", predicate="open")
    assert life_dates(c) == []


def test_a_death_date_conflicts_with_a_lifespan_whatever_the_verb():
    a = report("a1", ["Tomas Brandt died on March 3, 1990."],
               [C(0, subject="Tomas Brandt", predicate="die",
                  times=(_day("on March 3, 1990", 1990, 3, 3),))])
    b = report("a2", ["Tomas Brandt (June 1, 1921 - March 3, 1980) was a Danish painter."],
               [C(0, subject="Tomas Brandt (June 1, 1921 - March 3, 1980)", predicate="be")])
    _, conflicts = judge([a, b], [], {}, S)
    assert [(x.kind, x.topic) for x in conflicts] == [("date", "when Tomas Brandt died")]
    # near-miss: the same date of death agrees; another person's birth year says nothing
    a = report("a1", ["Tomas Brandt died on March 3, 1980."],
               [C(0, subject="Tomas Brandt", predicate="die",
                  times=(_day("on March 3, 1980", 1980, 3, 3),))])
    c = report("a3", ["Nora Kessel was born in 1972."],
               [C(0, subject="Nora Kessel", predicate="bear", times=(_year("in 1972", 1972),))])
    assert judge([a, b, c], [], {}, S)[1] == []


def test_a_month_without_year_compares_by_its_written_parts():
    may = T("in May", "month:--05")
    assert date_parts(may) == (None, 5, None)
    assert not times_agree(may, _day("26 December 1970", 1970, 12, 26), 2)
    assert times_agree(T("in December", "month:--12"), _day("26 December 1970", 1970, 12, 26), 2)
    # a year filled in from the published date is not written: "in March" has no year
    march = T("in March", "month:2026-03", dt.date(2026, 3, 1), dt.date(2026, 3, 1),
              dt.date(2026, 3, 31))
    assert date_parts(march) == (None, 3, None)
    # relative times have no calendar parts
    assert date_parts(T("last week", "last_week")) is None


def test_the_time_nearest_the_verb_dates_the_predicate():
    text = "Shot in Lisbon in 2015, the film premiered in Venice on September 2, 2016."
    c = C(0, text, subject="the film", predicate="premiere",
          times=(_year("in 2015", 2015), _day("on September 2, 2016", 2016, 9, 2)))
    assert predicate_time(c).text == "on September 2, 2016"
    a = report("a1", ["The film premiered in Venice in 2014."],
               [C(0, subject="The film", predicate="premiere", times=(_year("in 2014", 2014),))])
    b = report("a2", [text], [dataclasses.replace(c, text="")])
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert [x.kind for x in conflicts] == ["date"]
    # near-miss: the premiere's own year agrees, though the filming year differs
    a = report("a1", ["The film premiered in Venice in 2016."],
               [C(0, subject="The film", predicate="premiere", times=(_year("in 2016", 2016),))])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []


def test_unresolved_days_of_different_verbs_are_two_events():
    """"announced the tariffs on March 8" and "imposed the tariffs on March 23" (one report
    undated) share their words but not their event."""
    a = report("a1", ["The minister announced the steel tariffs on March 8."],
               [C(0, subject="The minister", predicate="announce",
                  times=(T("on March 8", "date:--03-08"),))], vectors=vecs([1, 0]))
    b = report("a2", ["The minister imposed the steel tariffs on March 23."],
               [C(0, subject="The minister", predicate="impose",
                  times=(_day("on March 23", 2026, 3, 23),))], vectors=vecs([1, 0]))
    assert judge([a, b], [], {}, S)[1] == []
    b = report("a2", ["The minister announced the steel tariffs on March 23."],
               [C(0, subject="The minister", predicate="announce",
                  times=(_day("on March 23", 2026, 3, 23),))], vectors=vecs([1, 0]))
    assert [x.kind for x in judge([a, b], [], {}, S)[1]] == ["time"]


# --------------------------------------------------------------------------- titles of two bodies


def test_bare_title_of_two_countries_is_no_rivalry():
    """"President X" and "President Y": two countries' presidents, not rivals."""
    a = _director("a1", "Ana Ruiz", role="president")
    b = _director("a2", "Eva Lind", role="president")
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []
    # near miss: the office names its body, and the two reports name different holders
    a = _director("a1", "Ana Ruiz", role="central bank governor")
    b = _director("a2", "Eva Lind", role="central bank governor")
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.kind for x in conflicts] == ["person"]


def test_role_told_as_a_relation_is_not_a_current_title():
    """"his campaign chairman X" says who X was to someone, not that X holds it now."""

    def told(aid, sentence, status="current"):
        name = "Carl Berg"
        at = sentence.index("campaign chairman")
        role = R(name, "campaign chairman", status)
        role = dataclasses.replace(role, start=at, end=sentence.index(name) + len(name))
        return report(aid, [sentence], [C(0, subject=name, predicate="target", roles=(role,))])

    gone = told("a1", "Former campaign chairman Carl Berg was named in the suit.", "former")
    relation = told("a2", "The suit is targeting his campaign chairman Carl Berg and others.")
    _, conflicts = judge([gone, relation], [], {}, S)
    assert conflicts == []
    # near miss: the title stands before the name on its own
    title = told("a2", "The suit is targeting campaign chairman Carl Berg and others.")
    _, conflicts = judge([gone, title], [], {}, S)
    assert [x.kind for x in conflicts] == ["role"]


# --------------------------------------------------------------------------- stated vs denied


def _framed(aid, sentence, verb, *, polarity=True, modality="asserted", subject=None,
            arguments=(), names=(), times=()):
    at = sentence.index(verb[:4]) if verb[:4] in sentence else 0
    frame = Frame(article=aid, sentence=0, start=at, end=at + len(verb), verb=verb,
                  polarity=polarity, modality=modality, subject=subject,
                  arguments=tuple(arguments), names=tuple(names))
    analysis = report(aid, [sentence], [C(0, subject=subject, predicate=verb, times=times,
                                          negated=not polarity)],
                      outlet=f"Outlet {aid}")
    return dataclasses.replace(analysis, frames=(frame,))


def test_an_event_stated_in_one_report_and_denied_in_another_conflicts():
    a = _framed("a1", "The complaint names a list of defendants that includes Ana Ruiz.",
                "name", arguments=("list", "defendant", "ruiz"), names=("Ana Ruiz",))
    b = _framed("a2", "The complaint does not name Ruiz as a defendant.", "name",
                polarity=False, subject="The complaint", arguments=("ruiz", "defendant"),
                names=("Ruiz",))
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.kind for x in conflicts] == ["event"]
    assert "happened" in conflicts[0].note
    # near miss: another person is denied the same role
    c = _framed("a2", "The complaint does not name Berg as a defendant.", "name",
                polarity=False, subject="The complaint", arguments=("berg", "defendant"),
                names=("Carl Berg",))
    _, conflicts = judge([a, c], [], {}, S)
    assert conflicts == []


def test_expected_against_unlikely_conflicts_but_a_hedge_does_not():
    a = _framed("a1", "Ana Ruiz is expected to meet the queen.", "meet", modality="expected",
                subject="Ana Ruiz", arguments=("queen",))
    b = _framed("a2", "Ruiz is unlikely to meet the queen during the visit.", "meet",
                modality="unlikely", subject="Ana Ruiz", arguments=("queen", "visit"))
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.kind for x in conflicts] == ["event"]
    assert "unlikely" in conflicts[0].note
    # near miss: "may" commits to nothing
    c = _framed("a2", "Ruiz may not meet the queen during the visit.", "meet",
                polarity=False, modality="hedged", subject="Ana Ruiz", arguments=("queen",))
    _, conflicts = judge([a, c], [], {}, S)
    assert conflicts == []


def test_denial_on_another_day_is_another_event():
    monday = T("on Monday", resolved=dt.date(2024, 3, 4))
    friday = T("on Friday", resolved=dt.date(2024, 3, 8))
    a = _framed("a1", "Ana Ruiz met the envoy on Monday.", "meet", subject="Ana Ruiz",
                arguments=("envoy",), times=(monday,))
    b = _framed("a2", "Ana Ruiz did not meet the envoy on Friday.", "meet", polarity=False,
                subject="Ana Ruiz", arguments=("envoy",), times=(friday,))
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []


def test_frame_sign_reads_polarity_and_modality():
    def f(polarity, modality):
        return Frame(article="a", sentence=0, start=0, end=1, verb="meet", polarity=polarity,
                     modality=modality)

    assert frame_sign(f(True, "asserted")) is True
    assert frame_sign(f(True, "expected")) is True
    assert frame_sign(f(False, "asserted")) is False
    assert frame_sign(f(True, "unlikely")) is False
    assert frame_sign(f(False, "unlikely")) is None  # "not unlikely": no commitment
    assert frame_sign(f(True, "hedged")) is None
    assert frame_sign(f(True, "conditional")) is None
    assert frame_sign(f(True, "purpose")) is None


# --------------------------------------------------------------------------- same fact


def test_same_topic_is_not_corroboration():
    """The same names in two different facts do not corroborate each other."""
    a = report("a1", ["Ana Ruiz endorsed Carl Berg for mayor in 2008."],
               [C(0, subject="Ana Ruiz", predicate="endorse", salience=0.5)])
    b = report("a2", ["Eva Lind trails Carl Berg in the polls for mayor."],
               [C(0, subject="Eva Lind", predicate="trail", salience=0.5)])
    claims, _ = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert {c.status for c in claims} == {"single_source"}
    # near miss: the same fact in other words corroborates
    c = report("a2", ["In 2008, Ana Ruiz endorsed Carl Berg for mayor."],
               [C(0, subject="Ana Ruiz", predicate="endorse", salience=0.5)])
    claims, _ = judge([a, c], [group("a1.c1", "a2.c1")], {}, S)
    assert claims[0].status == "corroborated" and claims[0].independent_sources == 2


def test_a_longer_sentence_holding_the_fact_corroborates_it():
    a = report("a1", ["The minister said the harbour tunnel will close for repairs in May."],
               [C(0, subject="The minister", predicate="say")])
    b = report("a2", [("The minister said the harbour tunnel will close for repairs in May, "
                      "while critics warned of long queues and lost trade across the region.")],
               [C(0, subject="The minister", predicate="say")])
    claims, _ = judge([a, b], [], {}, S)
    assert claims[0].status == "corroborated"
    # near miss: the same words denied
    c = report("a2", [("The minister said the harbour tunnel will not close for repairs in May, "
                      "while critics warned of long queues and lost trade across the region.")],
               [C(0, subject="The minister", predicate="say", negated=True)])
    claims, _ = judge([a, c], [], {}, S)
    assert "corroborated" not in {x.status for x in claims}


def test_one_person_under_two_name_forms_is_no_rivalry():
    """Transliterations, middle initials and suffixes name one person: no conflict."""
    for one, other in (("Muammar Qaddafi", "Muammar Gaddafi"),
                       ("John R. Smith Jr.", "John Smith"),
                       ("Rudolph W. Marden", "Rudy Marden")):
        a = _director("a1", one, role="central bank governor")
        b = _director("a2", other, role="central bank governor")
        _, conflicts = judge([a, b], [], {}, S)
        assert conflicts == [], (one, other)
    # near miss: two people who share a surname
    a = _director("a1", "Ana Ruiz", role="central bank governor")
    b = _director("a2", "Alberto Ruiz", role="central bank governor")
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.kind for x in conflicts] == ["person"]


def test_one_event_stated_alike_in_longer_sentences_corroborates():
    """The same verb done by the same doer to the same people and things corroborates,
    whatever else the two sentences say."""
    def told(aid, sentence, when=()):
        return _framed(aid, sentence, "sue", subject="The Harbour Party",
                       arguments=("party", "government", "conspiracy", "election"),
                       names=("Vastian government",), times=when)

    a = told("a1", "The Harbour Party sued the Vastian government on Friday over a conspiracy "
             "in the election, and its leader called the vote stolen in a long speech.")
    b = told("a2", "Citing months of leaks, the Harbour Party sued the Vastian government, "
             "alleging a conspiracy to sway the election.")
    claims, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []
    assert claims[0].status == "corroborated"
    # near miss: written times part the two suits
    friday = T("on Friday", resolved=dt.date(2024, 3, 8))
    may = T("in May 2021", resolved=dt.date(2021, 5, 1), low=dt.date(2021, 5, 1),
            high=dt.date(2021, 5, 31))
    a = told("a1", "The Harbour Party sued the Vastian government on Friday over a conspiracy "
             "in the election, and its leader called the vote stolen in a long speech.",
             (friday,))
    b = told("a2", "In May 2021 the Harbour Party sued the Vastian government, alleging a "
             "conspiracy to sway the election.", (may,))
    claims, _ = judge([a, b], [], {}, S)
    assert "corroborated" not in {c.status for c in claims}


# --------------------------------------------------------------------------- ranks


def _ranks(aid, sentence, subject, obj, *, times=()):
    return report(aid, [sentence], [C(0, subject=subject, predicate="be", object=obj,
                                      times=times, salience=0.6)], outlet=f"Outlet {aid}")


def test_one_superlative_place_given_to_two_holders_conflicts():
    a = _ranks("a1", "Vastia is the largest timber exporter to Loreno.", "Vastia",
               "the largest timber exporter to Loreno")
    b = _ranks("a2", "Karsk is the biggest exporter of timber to Loreno.", "Karsk",
               "the biggest exporter of timber to Loreno")
    _, conflicts = judge([a, b], [], {}, S)
    assert len(conflicts) == 1 and conflicts[0].kind == "other"
    assert {s.value for s in conflicts[0].sides} == {"Vastia", "Karsk"}
    # the holder named after the copula reads the same way
    c = _ranks("a3", "The biggest exporter of timber to Loreno is Karsk.",
               "The biggest exporter of timber to Loreno", "Karsk")
    _, conflicts = judge([a, c], [], {}, S)
    assert len(conflicts) == 1


def test_superlatives_of_two_places_or_one_holder_do_not_conflict():
    a = _ranks("a1", "Vastia is the largest timber exporter to Loreno.", "Vastia",
               "the largest timber exporter to Loreno")
    # near misses: another market, another good, the same holder, another year
    for sentence, subject, obj in (
        ("Karsk is the largest timber exporter to Doruna.", "Karsk",
         "the largest timber exporter to Doruna"),
        ("Karsk is the largest grain exporter to Loreno.", "Karsk",
         "the largest grain exporter to Loreno"),
        ("Vastia is the biggest exporter of timber to Loreno.", "Vastia",
         "the biggest exporter of timber to Loreno"),
    ):
        b = _ranks("a2", sentence, subject, obj)
        _, conflicts = judge([a, b], [], {}, S)
        assert conflicts == [], sentence
    y2010 = T("in 2010", norm="year:2010", resolved=dt.date(2010, 1, 1),
              low=dt.date(2010, 1, 1), high=dt.date(2010, 12, 31))
    y2020 = T("in 2020", norm="year:2020", resolved=dt.date(2020, 1, 1),
              low=dt.date(2020, 1, 1), high=dt.date(2020, 12, 31))
    a = _ranks("a1", "In 2010 Vastia was the largest timber exporter to Loreno.", "Vastia",
               "the largest timber exporter to Loreno", times=(y2010,))
    b = _ranks("a2", "In 2020 Karsk was the largest timber exporter to Loreno.", "Karsk",
               "the largest timber exporter to Loreno", times=(y2020,))
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []


def test_one_statement_under_two_attributions_corroborates():
    """Two outlets quoting one statement under different attributions state one fact."""
    from newscheck.verdicts.corroboration import reported

    assert reported("The strike will go on until May, a union spokesman said on Friday.") == (
        "The strike will go on until May"
    )
    assert reported("Port chief Ana Ruiz said that the harbour will reopen on Monday.") == (
        "the harbour will reopen on Monday"
    )
    assert reported("According to the ministry, the harbour will reopen on Monday.") == (
        "the harbour will reopen on Monday"
    )
    # near miss: nothing is cut below four words of statement
    assert reported("It failed, she said.") == "It failed, she said"
    a = report("a1", [("Harbour chief Ana Ruiz said several ships of the fleet left the port "
                      "without papers by sailing past a broken boom at night.")],
               [C(0, subject="Harbour chief Ana Ruiz", predicate="say", salience=0.6)],
               vectors=np.array([[1.0, 0.0]], dtype=np.float32))
    b = report("a2", [("Over the past two days several ships of the fleet have left the port "
                      "without papers by sailing past the old broken boom on either side of the "
                      "north pier at night, the agency said.")],
               [C(0, subject="the agency", predicate="say", salience=0.6)],
               vectors=np.array([[0.7, 0.714]], dtype=np.float32))  # cosine 0.7
    claims, _ = judge([a, b], [], {}, S)
    assert claims[0].status == "corroborated"


def test_the_same_names_in_two_statements_are_not_contained_in_each_other():
    """Containment reads what a sentence says happened, not only whom it names."""
    from newscheck.verdicts.corroboration import contains

    listed = "At the time, the ministry excluded Vastia, Karsk, Loreno and Doruna from the levies."
    postponed = ("The ministry postponed the levies on Vastia, Karsk, Loreno and Doruna until "
                 "June and reached permanent deals with Pellam and Orvik.")
    assert not contains(listed, postponed, 0.8)
    # near miss: the same statement inside a longer one
    restated = ("The ministry excluded Vastia, Karsk, Loreno and Doruna from the levies at the "
                "time, officials recalled on Monday as new talks began.")
    assert contains(listed, restated, 0.8)
