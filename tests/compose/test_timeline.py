"""Timeline: dated events, earliest first, every citation supporting its event."""

from __future__ import annotations

import dataclasses
import datetime as dt

from builders import C, Q, T, report, strike_story

from newscheck.compose.timeline import build_timeline
from newscheck.model import ClaimGroup
from newscheck.settings import VerdictSettings
from newscheck.verdicts import judge


def test_timeline_merges_aligned_claims_on_their_date():
    analyses, claims, _ = strike_story()
    timeline = build_timeline(analyses, claims)
    assert len(timeline) == 1
    event = timeline[0]
    assert event.when == "2026-03-02"
    assert event.what == "The Dockers Union rejected the wage offer on Monday."
    assert {e.article for e in event.evidence} == {"a1", "a2"}


WED = dt.date(2026, 3, 11)


def test_timeline_words_a_contested_figure_neutrally():
    a = report(
        "a1",
        [("Four people were injured when part of the bridge collapsed on Wednesday evening.")],
        [
            C(
                0,
                subject="Four people",
                predicate="injure",
                quantities=(Q("Four", 4, noun="people"),),
                times=(T("on Wednesday evening", resolved=WED),),
            )
        ],
    )
    b = report(
        "a2",
        ["Seven people were injured on Wednesday evening when the span collapsed."],
        [
            C(
                0,
                subject="Seven people",
                predicate="injure",
                quantities=(Q("Seven", 7, noun="people"),),
                times=(T("on Wednesday evening", resolved=WED),),
            )
        ],
    )
    # place the time references where they stand in each sentence
    a, b = (_place_times(x) for x in (a, b))
    claims, _ = judge([a, b], [ClaimGroup(claims=("a1.c1", "a2.c1"))], {}, VerdictSettings())
    [event] = build_timeline([a, b], claims)
    assert event.when == "2026-03-11"
    assert event.what == "Part of the bridge collapsed on Wednesday evening"
    assert {e.article for e in event.evidence} == {"a1", "a2"}


def test_timeline_keeps_an_agreeing_figure_and_cites_only_agreeing_reports():
    sentences = [
        "Four people were injured on Wednesday evening.",
        "Four people were hurt on Wednesday evening in the collapse.",
        "Seven people were injured on Wednesday evening, officials said.",
    ]
    reports = [
        _place_times(
            report(
                f"a{i}",
                [s],
                [
                    C(
                        0,
                        predicate="injure",
                        quantities=(Q(s.split()[0], n, noun="people"),),
                        times=(T("on Wednesday evening", resolved=WED),),
                    )
                ],
            )
        )
        for i, (s, n) in enumerate(zip(sentences, (4, 4, 7)), start=1)
    ]
    claims, _ = judge(
        reports, [ClaimGroup(claims=("a1.c1", "a2.c1", "a3.c1"))], {}, VerdictSettings()
    )
    [event] = build_timeline(reports, claims)
    assert event.what.startswith("Four people were injured on Wednesday evening.")
    assert "other reports give a different figure" in event.what
    assert {e.article for e in event.evidence} == {"a1", "a2"}


def test_a_date_in_a_relative_clause_does_not_date_the_statement():
    a = report(
        "a1",
        [
            (
                "Brandt, who took over when Edgar Lind left the office two years ago, "
                "has said he will not negotiate in public."
            )
        ],
        [
            C(
                0,
                subject="he",
                predicate="negotiate",
                times=(
                    T(
                        "two years ago",
                        resolved=dt.date(2024, 3, 13),
                        low=dt.date(2023, 9, 13),
                        high=dt.date(2024, 9, 13),
                    ),
                ),
            )
        ],
    )
    a = _place_times(a)
    claims, _ = judge([a], [], {}, VerdictSettings(min_single_source_salience=0.0))
    assert not any("negotiate" in e.what for e in build_timeline([a], claims))


def test_a_which_clause_dates_its_noun_and_a_date_dispute_is_shown():
    a = report(
        "a1",
        ["The memo, which was sent to managers two weeks ago, sets out a plan."],
        [
            C(
                0,
                subject="The memo",
                predicate="set",
                times=(
                    T(
                        "two weeks ago",
                        resolved=dt.date(2026, 3, 1),
                        low=dt.date(2026, 2, 26),
                        high=dt.date(2026, 3, 4),
                    ),
                ),
            )
        ],
    )
    b = report(
        "a2",
        ["The memo was sent to managers on Monday, according to the union."],
        [
            C(
                0,
                subject="The memo",
                predicate="send",
                times=(T("on Monday", resolved=dt.date(2026, 3, 9)),),
            )
        ],
    )
    a, b = _place_times(a), _place_times(b)
    claims, conflicts = judge(
        [a, b], [ClaimGroup(claims=("a1.c1", "a2.c1"))], {}, VerdictSettings()
    )
    events = build_timeline([a, b], claims, conflicts)
    assert [e.when for e in events] == ["2026-02-26/2026-03-04", "2026-03-09"]
    assert events[0].what.startswith("The memo was sent to managers two weeks ago")
    assert "also given as 2026-03-09" in events[0].what
    assert "also given as 2026-02-26/2026-03-04" in events[1].what
    assert [e.article for e in events[0].evidence] == ["a1"]
    assert [e.article for e in events[1].evidence] == ["a2"]


def test_timeline_gives_a_year_or_month_at_its_own_precision():
    a = report(
        "a1",
        ["The bridge opened in 1974."],
        [
            C(
                0,
                predicate="open",
                times=(
                    T(
                        "1974",
                        resolved=dt.date(1974, 1, 1),
                        low=dt.date(1974, 1, 1),
                        high=dt.date(1974, 12, 31),
                    ),
                ),
            )
        ],
    )
    claims, _ = judge([a], [], {}, VerdictSettings(min_single_source_salience=0.0))
    assert [e.when for e in build_timeline([a], claims)] == ["1974"]


def _place_times(analysis):
    """Set each claim's time offsets to where its text stands in the article."""
    text = analysis.article.text
    claims = []
    for c in analysis.claims:
        times = tuple(
            dataclasses.replace(t, start=text.index(t.text), end=text.index(t.text) + len(t.text))
            for t in c.times
        )
        claims.append(dataclasses.replace(c, times=times))
    return dataclasses.replace(analysis, claims=tuple(claims))


# --------------------------------------------------------------------------- with the parse


def test_a_dated_event_whose_claims_hold_two_figures_each_still_gets_a_wording():
    """Two counts in one claim "disagree" with each other: the event must not vanish."""
    from newscheck.compose.timeline import _event
    from newscheck.settings import TimelineSettings

    a = report(
        "a1",
        ["On Monday 3 trucks and 5 cars crossed the bridge."],
        [C(0, quantities=(Q("3", 3), Q("5", 5)))],
    )
    b = report(
        "a2",
        ["On Monday 4 trucks and 9 cars crossed the bridge."],
        [C(0, quantities=(Q("4", 4), Q("9", 9)))],
    )
    members = [(x.claims[0], x, x.sentences[0].text) for x in (a, b)]
    event = _event("2026-03-02", members, [], TimelineSettings().figure_tolerance)
    assert event.what and event.evidence


def _dated(sentence, time_text):
    """What the date ``time_text`` of a one-sentence report dates (its clause's wording)."""
    from newscheck.compose.timeline import _dated_clause
    from newscheck.settings import TimelineSettings

    a = _place_times(report("a1", [sentence], [C(0, times=(T(time_text, resolved=WED),))]))
    claim = a.claims[0]
    return _dated_clause(claim, a, claim.times[0], TimelineSettings())


def test_a_clause_with_an_irregular_verb_is_an_event_of_its_own():
    """Bug fixed: a clause's verb was known by "-ed" or a form of be/have, so "met",
    "left" and "arrives" made no event and the date was dropped."""
    assert _dated("Ruiz, who met the mayor in Tolna on Sunday, accused the board of delay.",
                  "on Sunday") == "Ruiz met the mayor in Tolna on Sunday"
    assert _dated("The ferry will not sail when the king arrives on July 13.",
                  "on July 13") == "The king arrives on July 13"
    # near-miss: a bare participle has no subject of its own and dates no event
    assert _dated("The coach limped out after injuring his foot on Wednesday.",
                  "on Wednesday") is None


def test_the_innermost_clause_holding_a_date_is_its_event():
    assert _dated("Brandt, who took over when Edgar Lind left the office two years ago, "
                  "has said he will not negotiate.", "two years ago") == (
        "Edgar Lind left the office two years ago")


def test_a_relative_clause_joins_only_a_noun_that_is_the_subject():
    """Bug fixed: "which" after an object was joined to the whole clause before it ("The
    man is not identified in the video was made last week")."""
    assert _dated("The man is not identified in the video, which was made last week.",
                  "last week") is None
    assert _dated("The video, which was made last week, shows the man.",
                  "last week") == "The video was made last week"
    assert _dated("The memo, which the union says was sent to managers on Monday, was "
                  "described as a plan.", "on Monday") == (
        "The memo was sent to managers on Monday, the union says")


def test_a_preposition_opens_no_clause_and_a_date_keeps_its_comma():
    """Bug fixed: "before Congress last week that he was no expert" was read as a clause,
    and "Oct. 28, 2016" was cut at its comma."""
    assert _dated("The secretary testified before Congress last week that he was no expert.",
                  "last week") is None
    assert _dated("The race shook, as Comey told Congress on Oct. 28, 2016, that more mail "
                  "was found.", "on Oct. 28, 2016") == "Comey told Congress on Oct. 28, 2016"
