"""Numbers, durations and times read as people mean them, at the level of verdicts.

Each rule has an invented sentence that must fire and a near-miss that must not. Claims
are built by hand (``report``, ``C``, ``group`` from ``test_verdicts``); their quantities
and times are read from the invented sentence itself by the real readers, so offsets and
wording are those of the text.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from builders import C, report

from newscheck.extract.quantities import find_quantities
from newscheck.extract.times import find_times
from newscheck.model import ClaimGroup
from newscheck.settings import VerdictSettings
from newscheck.verdicts import judge, quantities_agree, times_agree

S = VerdictSettings()
TOL = S.quantity_tolerance
PUB = dt.date(2026, 3, 14)  # a Saturday


def q(text, noun=None):
    """The one quantity in ``text`` (with ``noun`` set, as the parse would)."""
    (found,) = find_quantities(text)
    return dataclasses.replace(found, noun=noun) if noun else found


def t(text, published=None):
    (found,) = find_times(text, published)
    return found


def said(aid, sentence, predicate, subject, *, noun=None, published=None, hedged=False):
    """A one-sentence report whose claim carries the quantities and times read from it."""
    qs = tuple(
        dataclasses.replace(x, noun=noun) if noun and x.kind == "duration" else x
        for x in find_quantities(sentence)
    )
    ts = tuple(find_times(sentence, published))
    a = report(
        aid,
        [sentence],
        [C(0, subject=subject, predicate=predicate, quantities=qs, times=ts, hedged=hedged)],
    )
    art = dataclasses.replace(a.article, published=published)
    return dataclasses.replace(a, article=art)


def grouped(*analyses):
    ids = tuple(f"{a.article.id}.c1" for a in analyses)
    return judge(list(analyses), [ClaimGroup(claims=ids, similarity=0.8)], {}, S)[1]


# --------------------------------------------------------------------------- scalar wording


def test_more_than_and_past_read_up_to_the_next_unit():
    # "past its second year" is two to three years; "nearly five years" four and a half
    # to five: they cannot both be right
    assert not quantities_agree(q("past its second year"), q("nearly five years"), TOL)
    assert not quantities_agree(q("more than two years"), q("nearly five years"), TOL)
    assert not quantities_agree(q("about four years"), q("nearly five years"), TOL)
    # near-misses: wordings that fit each other
    assert quantities_agree(q("more than two years"), q("in its third year"), TOL)
    assert quantities_agree(q("more than two years"), q("nearly three years"), TOL)
    assert quantities_agree(q("past its first year"), q("18 months"), TOL)
    assert quantities_agree(q("more than a year"), q("nearly two years"), TOL)
    assert quantities_agree(q("more than 10 days"), q("12 days"), TOL)


def test_estimated_and_over_the_same_figure_agree():
    assert quantities_agree(q("an estimated 40,000 people"), q("over 40,000 people"), TOL)
    assert quantities_agree(q("nearly five years"), q("4.8 years"), TOL)
    # near-miss: "over 40,000" is not 80,000
    assert not quantities_agree(q("over 40,000 people"), q("about 80,000 people"), TOL)


# --------------------------------------------------------------------------- adjective durations


def _drought(aid, sentence, published=PUB):
    return said(aid, sentence, "empty", "The drought", noun="drought", published=published)


def test_an_adjective_duration_against_an_ordinal_conflicts():
    a = _drought("a1", "The nearly three-year drought has emptied the reservoirs.")
    b = _drought("a2", "The drought, now past its first year, has emptied the reservoirs.")
    conflicts = grouped(a, b)
    assert [(x.kind, x.topic) for x in conflicts] == [
        ("quantity", "how long the drought has lasted")
    ]
    assert {s.value for s in conflicts[0].sides} == {"nearly three-year", "past its first year"}


def test_an_adjective_duration_agrees_with_an_ordinal_that_fits_it():
    a = _drought("a1", "The nearly three-year drought has emptied the reservoirs.")
    b = _drought("a2", "The drought, now in its third year, has emptied the reservoirs.")
    assert grouped(a, b) == []
    # near-miss: a report a year later counts a year more ("_as_of")
    c = _drought(
        "a2",
        "The drought, now in its fourth year, has emptied the reservoirs.",
        published=PUB + dt.timedelta(days=365),
    )
    assert grouped(a, c) == []
    d = _drought("a2", "The drought, now in its fifth year, has emptied the reservoirs.")
    assert [x.kind for x in grouped(a, d)] == ["quantity"]


def test_strike_lengths_as_adjectives_and_ordinals():
    a = said(
        "a1",
        "A 19-day strike has closed the port.",
        "close",
        "strike",
        noun="strike",
        published=PUB,
    )
    b = said(
        "a2",
        "The strike, entering its second month, has closed the port.",
        "close",
        "strike",
        noun="strike",
        published=PUB,
    )
    assert [x.kind for x in grouped(a, b)] == ["quantity"]
    # near-miss: "the two-week-old walkout" and "its third week" fit
    c = said(
        "a3",
        "The two-week-old strike has closed the port.",
        "close",
        "strike",
        noun="strike",
        published=PUB,
    )
    d = said(
        "a4",
        "The strike, now in its third week, has closed the port.",
        "close",
        "strike",
        noun="strike",
        published=PUB,
    )
    assert grouped(c, d) == []


# --------------------------------------------------------------------------- start years


def _leads(aid, sentence):
    return said(aid, sentence, "lead", "Ana Ruiz", published=PUB)


def test_start_years_of_one_thing_conflict():
    a = _leads("a1", "Ana Ruiz has led the party since 1998.")
    b = _leads("a2", "Ana Ruiz has led the party since 1999.")
    conflicts = grouped(a, b)
    assert [x.kind for x in conflicts] == ["date"]
    assert {s.value for s in conflicts[0].sides} == {"1998", "1999"}
    assert not times_agree(t("since 1998", PUB), t("since 1999", PUB), 2)
    assert not times_agree(t("in 2015", PUB), t("in 2016", PUB), 2)
    assert not times_agree(t("in May 2020", PUB), t("in June 2020", PUB), 2)


def test_a_start_a_limit_and_a_point_do_not_conflict():
    a = _leads("a1", "Ana Ruiz has led the party since 1998.")
    b = _leads("a2", "Ana Ruiz has led the party since 1998, aides said.")
    assert grouped(a, b) == []
    # a start is no date of the event; a limit neither
    assert times_agree(t("since 1998", PUB), t("in 2005", PUB), 2)
    assert times_agree(t("by 2030", PUB), t("in 2028", PUB), 2)
    # months whose years the words do not give keep the day tolerance
    assert times_agree(t("in late March", PUB), t("on April 1", PUB), 2)


# --------------------------------------------------------------------------- relative times


def _leak(aid, sentence, published=None):
    return said(aid, sentence, "leak", "The memo", published=published)


def test_undated_reports_yesterday_against_last_week_is_shown_with_its_condition():
    a = _leak("a1", "The memo leaked yesterday.")
    b = _leak("a2", "The memo leaked last week.")
    conflicts = grouped(a, b)
    assert [x.kind for x in conflicts] == ["time"]
    assert conflicts[0].note.endswith(
        ": different times for one event, if both reports were published the same day"
    )
    # one report dated, the other not: still an expression against an expression
    c = _leak("a1", "The memo leaked yesterday.", published=PUB)
    assert [x.kind for x in grouped(c, b)] == ["time"]


def test_relative_times_that_can_name_one_day_agree():
    a = _leak("a1", "The memo leaked yesterday.")
    for sentence in (
        "The memo leaked on Friday.",
        "The memo leaked this week.",
        "The memo leaked the night before.",
    ):
        assert grouped(a, _leak("a2", sentence)) == [], sentence
    assert times_agree(t("last week"), t("two weeks ago"), 2)
    # dated reports resolve: the usual date comparison, no condition in the note
    d = [
        x
        for x in grouped(
            _leak("a1", "The memo leaked yesterday.", PUB),
            _leak("a2", "The memo leaked last week.", PUB),
        )
    ]
    assert [x.kind for x in d] == ["date"] and "published the same day" not in d[0].note


# --------------------------------------------------------------------------- near-misses


def _arrests(aid, sentence):
    return said(aid, sentence, "make", "Police", published=PUB)


def test_counts_the_report_separates_by_time_are_two_events():
    a = _arrests("a1", "Police made six arrests on Wednesday, after 47 arrests the night before.")
    b = _arrests("a2", "Police made 47 arrests in the city.")
    assert grouped(a, b) == []
    # near-miss: the same day told with two counts is a conflict
    c = _arrests("a2", "Police made 20 arrests on Wednesday.")
    assert [x.kind for x in grouped(a, c)] == ["quantity"]
    # two reports, two days named: two nights of arrests
    d = _arrests("a1", "Police made six arrests on Wednesday.")
    e = _arrests("a2", "Police made 47 arrests on Tuesday.")
    assert grouped(d, e) == []


def _votes(aid, sentence):
    return said(aid, sentence, "vote", "The bill", published=PUB)


def test_a_vote_threshold_is_not_a_vote_count():
    needs = _votes("a1", "The bill needs 60 votes to pass in the Senate.")
    got = _votes("a2", "The bill got 38 votes in the Senate.")
    block = _votes("a3", "Opponents have 41 votes to block the bill in the Senate.")
    assert grouped(needs, got) == []
    assert grouped(needs, block) == []
    required = _votes("a1", "At least 60 votes are required in the Senate for the bill.")
    assert grouped(required, got) == []
    # near-miss: two counts of what happened disagree
    other = _votes("a1", "The bill got 60 votes in the Senate.")
    assert [x.kind for x in grouped(other, got)] == ["quantity"]


def _missiles(aid, sentence):
    return said(aid, sentence, "fire", "The army", published=PUB)


def test_a_part_and_a_restricted_count_are_not_the_whole():
    whole = _missiles("a1", "The army fired 20 missiles at the base.")
    part = _missiles("a2", "The army fired three of the missiles at the base.")
    kind = _missiles("a3", "The army fired three ballistic missiles at the base.")
    assert grouped(whole, part) == []
    assert grouped(whole, kind) == []
    # near-miss: the same missiles counted twice
    plain = _missiles("a2", "The army fired three missiles at the base.")
    assert [x.kind for x in grouped(whole, plain)] == ["quantity"]


def test_ages_and_sums_of_different_things_do_not_conflict():
    a = said("a1", "The 74-year-old senator approved the plan.", "approve", "senator")
    b = said("a2", "The 31-year-old senator approved the plan.", "approve", "senator")
    assert grouped(a, b) == []
    wall = said("a1", "Congress approved $5 billion for the border wall.", "approve", "Congress")
    fence = said("a2", "Congress approved $1.6 billion for new fencing.", "approve", "Congress")
    assert grouped(wall, fence) == []
    # near-miss: two sums for one thing disagree
    wall2 = said("a2", "Congress approved $1.6 billion for the wall.", "approve", "Congress")
    assert [x.kind for x in grouped(wall, wall2)] == ["quantity"]
