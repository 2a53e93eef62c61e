"""Quantity conflicts: figures of one thing given differently, and the figures that never compare.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``...) live in ``tests/builders.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from builders import (
    INF,
    C,
    Q,
    dated,
    group,
    one_claim,
    report,
    vecs,
)

from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    judge,
    quantities_agree,
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


def test_bare_figures_of_different_events_in_one_group_do_not_conflict():
    # "a 30-day delay" and "four hours before the deadline": two durations of two things
    a = one_claim("a1", "The ministry will delay the levy for another 30 days.", "delay",
              [Q("30 days", 30, unit="day", kind="duration")])
    b = one_claim("a2", "Less than four hours before the deadline, the ministry delayed the levy.",
              "delay", [Q("Less than four hours", 0.17, 0, 0.17, unit="day", approx="less_than",
                          kind="duration")])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []
    # a percentage of two things: "a 25 percent tariff" vs "30 percent of all imports"
    a = one_claim("a1", "Exporters face a 25 percent tariff on copper.", "face",
              [Q("25 percent", 25, unit="percent", kind="percent", noun="tariff")])
    b = one_claim("a2", "The tariff covered just 30 percent of all imports.", "cover",
              [Q("30 percent", 30, unit="percent", kind="percent", noun="import")])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []
    # bare numbers of different predicates: "numbered about 1,200" vs "150 plan to apply"
    a = one_claim("a1", "The convoy once numbered about 1,200.", "number",
              [Q("about 1,200", 1200, 1080, 1320, approx="about")], vector=[1, 0.1])
    b = one_claim("a2", "Some 150 plan to apply for permits.", "plan",
              [Q("Some 150", 150, 135, 165, approx="about")], vector=[1, 0.1])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []


def test_bare_figures_of_one_predicate_and_close_sentences_still_conflict():
    a = one_claim("a1", "Rescuers pulled 12 from the rubble.", "pull", [Q("12", 12)], vector=[1, 0.1])
    b = one_claim("a2", "Rescuers pulled 30 from the rubble.", "pull", [Q("30", 30)], vector=[1, 0.12])
    (x,) = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1]
    assert x.kind == "quantity" and [s.value for s in x.sides] == ["12", "30"]


def test_counts_of_two_doings_in_different_groups_do_not_conflict():
    # both count people, in fairly close sentences, yet one tells who was charged and the
    # other who pleaded guilty
    a = one_claim("a1", "The suit names three people who were charged in the inquiry.", "name",
              [Q("three", 3, noun="people")], vector=[1, 1.3])
    b = one_claim("a2", "Four people have pleaded guilty to lying.", "plead",
              [Q("Four", 4, noun="people")], vector=[1, 0.0])
    assert judge([a, b], [], {}, S)[1] == []
    # near-miss: the same doing in both clauses is one count, reported differently
    b = one_claim("a2", "Four people were charged in the inquiry.", "charge",
              [Q("Four", 4, noun="people")], vector=[1, 0.0])
    assert [x.kind for x in judge([a, b], [], {}, S)[1]] == ["quantity"]


def _counted(aid, sentence, words, value, noun, vector):
    at = sentence.index(words)
    q = dataclasses.replace(Q(words, value, noun=noun), start=at, end=at + len(words))
    return one_claim(aid, sentence, "test", [q], vector=vector)


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
