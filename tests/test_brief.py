"""Brief, timeline and positions: extractive, cited, conflicts listed, single source marked."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from test_verdicts import C, E, Q, R, T, quote, report

from newscheck.brief import build_brief, build_positions, build_timeline, strip_dateline
from newscheck.model import ClaimGroup, Entity, Quote
from newscheck.settings import BriefSettings, VerdictSettings
from newscheck.verdicts import judge

MON = dt.date(2026, 3, 2)
THREE = Q(
    "almost three weeks", 21, 18, 21, unit="day", approx="nearly", kind="duration", noun="strike"
)
SECOND = Q(
    "in its second week", 14, 7, 14, unit="day", approx="ordinal", kind="duration", noun="strike"
)
UNION = E("Dockers Union")


def _story():
    a = report(
        "a1",
        [
            "Dockworkers of the Dockers Union rejected the latest wage offer on Monday in a vote.",
            "The strike has lasted almost three weeks.",
            "The port lost $40 million in fees, its finance office said.",
        ],
        [
            C(
                0,
                subject="Dockworkers of the Dockers Union",
                predicate="reject",
                entities=(UNION,),
                times=(T("on Monday", resolved=MON),),
                salience=0.9,
            ),
            C(1, subject="The strike", predicate="last", quantities=(THREE,), salience=0.7),
            C(
                2,
                predicate="lose",
                quantities=(Q("$40 million", 4e7, unit="USD", kind="money"),),
                salience=0.5,
            ),
        ],
        outlet="Harbor Daily",
    )
    b = report(
        "a2",
        [
            "The Dockers Union rejected the wage offer on Monday.",
            "The strike, now in its second week, shows no sign of ending.",
            'Said one docker: "We',
        ],
        [
            C(
                0,
                subject="The Dockers Union",
                predicate="reject",
                entities=(UNION,),
                times=(T("on Monday", resolved=MON),),
                salience=0.8,
            ),
            C(1, subject="The strike", predicate="last", quantities=(SECOND,), salience=0.6),
            C(2, predicate="say", entities=(E("docker"),), salience=0.4),
        ],
    )
    analyses = [a, b]
    groups = [ClaimGroup(claims=("a1.c1", "a2.c1")), ClaimGroup(claims=("a1.c2", "a2.c2"))]
    claims, conflicts = judge(analyses, groups, {}, VerdictSettings())
    return analyses, claims, conflicts


def test_brief_cites_lists_conflicts_and_marks_single_source():
    analyses, claims, conflicts = _story()
    brief = build_brief(analyses, claims, conflicts, BriefSettings())
    texts = [b.text for b in brief]
    # The corroborated claim: the shorter clean sentence, citing both reports.
    assert texts[0] == "The Dockers Union rejected the wage offer on Monday."
    assert brief[0].cites == ("a1", "a2")
    assert texts[1] == (
        "Reports differ on how long the strike has lasted: Harbor Daily says almost three "
        "weeks; report a2 says in its second week."
    )
    assert brief[1].cites == ("a1", "a2")
    assert texts[2] == (
        "According to Harbor Daily only, the port lost $40 million in fees, its finance "
        "office said."
    )
    assert brief[2].cites == ("a1",)
    # The broken fragment never reaches the brief.
    assert len(brief) == 3
    # Every sentence cites, and extractive lines are found in the cited report.
    by_id = {a.article.id: a.article.text for a in analyses}
    for b in brief:
        assert b.cites
    assert texts[0] in by_id["a2"]


def test_brief_limits():
    analyses, claims, conflicts = _story()
    brief = build_brief(
        analyses, claims, conflicts, BriefSettings(max_corroborated=0, max_single_source=0)
    )
    assert [b.text.startswith("Reports differ") for b in brief] == [True]


def test_timeline_merges_aligned_claims_on_their_date():
    analyses, claims, _ = _story()
    timeline = build_timeline(analyses, claims)
    assert len(timeline) == 1
    event = timeline[0]
    assert event.when == "2026-03-02"
    assert event.what == "The Dockers Union rejected the wage offer on Monday."
    assert {e.article for e in event.evidence} == {"a1", "a2"}


def test_positions_from_claims_and_first_person_quotes():
    a = report(
        "a1",
        [
            "The Dockers Union rejected the latest wage offer, saying it was too low.",
            "The city council did not support the plan.",
            "Analysts reportedly oppose the merger.",
            "Maria Keller said: We support a fair settlement.",
        ],
        [
            C(0, subject="The Dockers Union", predicate="reject", entities=(UNION,)),
            C(1, subject="The city council", predicate="support", negated=True),
            C(2, subject="Analysts", predicate="oppose", hedged=True),
        ],
        quotes=[quote("We support a fair settlement.", "Maria Keller", sentence=3)],
    )
    b = report(
        "a2",
        [
            "The Dockers Union rejects the wage offer.",
            "Former finance minister Ana Ruiz opposed the port closure on Monday.",
        ],
        [
            C(0, subject="The Dockers Union", predicate="reject", entities=(UNION,)),
            C(
                1,
                subject="Former finance minister Ana Ruiz",
                predicate="oppose",
                roles=(R("Ana Ruiz", "finance minister", "former"),),
            ),
        ],
    )
    positions = build_positions([a, b])
    assert [(p.actor, p.issue, p.stance) for p in positions] == [
        ("Dockers Union", "wage offer", "rejects"),
        ("Maria Keller", "fair settlement", "supports"),
        ("Ana Ruiz", "port closure", "opposes"),
    ]
    assert [e.article for e in positions[0].evidence] == ["a1", "a2"]


def test_a_headline_does_not_vouch_for_a_brief_line():
    from newscheck.model import StoryClaim
    from newscheck.verdicts import judge as judge_

    a = report(
        "a1",
        ["Seven hurt in bridge collapse", "Seven people were hurt when it fell."],
        [C(0, predicate="hurt"), C(1, predicate="hurt")],
        title=True,
    )
    b = report(
        "a2",
        ["Bridge falls in Marrowby", "Four people were injured when the bridge fell."],
        [C(0, predicate="fall"), C(1, predicate="injure")],
        title=True,
    )
    groups = [ClaimGroup(claims=("a1.c1", "a2.c2"))]
    claims, conflicts = judge_([a, b], groups, {}, VerdictSettings())
    assert any(c.status == "corroborated" for c in claims)
    texts = [s.text for s in build_brief([a, b], claims, conflicts, BriefSettings())]
    assert not any(t.startswith("Seven hurt") for t in texts)
    assert not any(t.startswith("Four people") and "only" not in t for t in texts)
    assert isinstance(claims[0], StoryClaim)


def test_single_source_lines_skip_checked_sentences_and_keep_names_capitalised():
    from newscheck.model import Entity

    sentence = "Talks resumed with a mediator on Thursday, but the union says it will stay out."
    a = report(
        "a1",
        [
            sentence,
            "Talks resumed on Thursday with a mediator present.",
            "Dockers gathered at Gate 4 to hear the result of the vote.",
        ],
        [
            C(0, "Talks resumed with a mediator on Thursday", predicate="resume"),
            C(0, "the union says it will stay out", predicate="stay", salience=0.9),
            C(2, predicate="gather", salience=0.8, quantities=(Q("4", 4),)),
        ],
    )
    b = report(
        "a2",
        ["Talks resumed on Thursday with a mediator in the chair."],
        [C(0, predicate="resume")],
    )
    claims, conflicts = judge(
        [a, b], [ClaimGroup(claims=("a1.c1", "a2.c1"))], {}, VerdictSettings()
    )
    texts = [s.text for s in build_brief([a, b], claims, conflicts, BriefSettings())]
    assert not any(t.startswith("According to") and "Talks resumed" in t for t in texts)
    assert (
        "According to report a1 only, dockers gathered at Gate 4 to hear the result of the vote." in texts
    )
    # a name at the start keeps its capital
    named = dataclasses_replace_entities(a, (Entity(text="Dockers", label="ORG", start=0, end=7),))
    texts = [s.text for s in build_brief([named, b], claims, conflicts, BriefSettings())]
    assert (
        "According to report a1 only, Dockers gathered at Gate 4 to hear the result of the vote." in texts
    )


def dataclasses_replace_entities(analysis, entities):
    import dataclasses

    shifted = tuple(
        dataclasses.replace(
            e, start=e.start + analysis.sentences[2].start, end=e.end + analysis.sentences[2].start
        )
        for e in entities
    )
    return dataclasses.replace(analysis, entities=shifted)


def test_single_source_filler_and_hedges_stay_out_of_the_brief():
    a = report(
        "a1",
        [
            "It is a story that has been on everyone's lips, and it is not going away.",
            "The director is said to be under mounting pressure from the board.",
            "The port lost $40 million in fees last month.",
        ],
        [
            C(0, predicate="be", salience=0.9),
            C(1, predicate="be", hedged=True, roles=(R("Edgar Lind", "director"),), salience=0.8),
            C(
                2,
                predicate="lose",
                quantities=(Q("$40 million", 4e7, unit="USD", kind="money"),),
                salience=0.3,
            ),
        ],
        outlet="Harbor Daily",
    )
    claims, conflicts = judge([a], [], {}, VerdictSettings(min_single_source_salience=0.0))
    texts = [b.text for b in build_brief([a], claims, conflicts, BriefSettings())]
    assert texts == [
        "According to Harbor Daily only, the port lost $40 million in fees last month."
    ]


# --------------------------------------------------------------------------- positions


def _final_offer_story():
    """Four reports of one dispute, one of them a copy, in different wordings."""
    a = report(
        "a1",
        [
            (
                "MILLPORT, May 4 (Coast Wire) - Nurses at the city hospital on Friday rejected the "
                "health board's offer of a 3% pay rise."
            ),
            '"It is our final offer," Rosa Imrie told reporters.',
            "The chamber of trade urged both sides to compromise.",
        ],
        [
            C(0, subject="MILLPORT, May 4 (Coast Wire) -", predicate="reject"),
            C(1, subject="It", predicate="be", attributed_to="Rosa Imrie"),
            C(2, subject="The chamber of trade", predicate="urge"),
        ],
        quotes=[
            Quote(
                article="",
                text="It is our final offer,",
                start=0,
                end=22,
                speaker="Rosa Imrie",
                role="Health Board director",
                sentence=1,
                direct=True,
            )
        ],
    )
    b = report(
        "a2",
        [
            "The Nurses' Union formally rejected the 3 per cent pay offer on Friday.",
            "According to Health Board director Rosa Imrie, the 3 per cent offer is final.",
        ],
        [
            C(0, subject="The Nurses' Union", predicate="reject"),
            C(1, subject="the 3 per cent offer", predicate="be", attributed_to="Rosa Imrie"),
        ],
    )
    c = report(
        "a3",
        [
            "The union turned down a 3 percent pay rise offered by the board.",
            "The health board has said its offer is final.",
        ],
        [
            C(0, subject="The union", predicate="turn"),
            C(1, subject="its offer", predicate="be", attributed_to="health board"),
        ],
    )
    copy = report(
        "a4",
        [a.sentences[i].text for i in range(3)],
        [C(0, subject="Nurses at the city hospital", predicate="reject")],
        copy_of="a1",
    )
    ents = (
        Entity(text="The Nurses' Union", label="ORG", start=0, end=17),
        Entity(text="Health Board", label="ORG", start=0, end=12),
        Entity(text="Rosa Imrie", label="PERSON", start=0, end=10),
    )
    b = dataclasses.replace(b, entities=ents)
    return [a, b, c, copy]


def test_positions_merge_actors_and_issues_across_reports_and_sort_by_support():
    positions = build_positions(_final_offer_story())
    rows = [(p.actor, p.stance, p.issue) for p in positions]
    assert rows[0] == ("Nurses' Union", "rejects", "3% offer")
    assert rows[1] == ("Health Board (Rosa Imrie)", "says final", "3% offer")
    # every report that states a position is cited, the copy too, but it adds no weight
    assert {e.article for e in positions[0].evidence} == {"a1", "a2", "a3", "a4"}
    assert {e.article for e in positions[1].evidence} == {"a1", "a2", "a3"}
    assert ("Chamber of trade", "urges", "compromise") in rows
    # a dateline is never an actor
    assert not any("MILLPORT" in p.actor or "Coast Wire" in p.actor for p in positions)


def test_a_dateline_alone_gives_no_actor():
    a = report(
        "a1",
        ["LONDON (Coast Wire) - Rejected by everyone, the plan was dropped."],
        [C(0, subject="LONDON (Coast Wire) -", predicate="reject")],
    )
    assert build_positions([a]) == []
    assert strip_dateline("CALDERA, March 13 (Wire) - Dockers struck.") == "Dockers struck."
    assert (
        strip_dateline("Union rejects - again - the offer") == "Union rejects - again - the offer"
    )


def test_a_quote_is_its_speakers_stance_not_that_of_a_person_it_names():
    a = report(
        "a1",
        ['"Minister Ana Ruiz rejects our plan, and we urge her to meet us," said Maria Keller.'],
        [
            C(
                0,
                "Minister Ana Ruiz rejects our plan",
                subject="Minister Ana Ruiz",
                predicate="reject",
                attributed_to="Maria Keller",
                roles=(R("Ana Ruiz", "minister"),),
            ),
            C(
                0,
                "we urge her to meet us",
                subject="we",
                predicate="urge",
                attributed_to="Maria Keller",
            ),
        ],
        quotes=[
            Quote(
                article="",
                text="Minister Ana Ruiz rejects our plan, and we urge her to meet us",
                start=1,
                end=63,
                speaker="Maria Keller",
                sentence=0,
                direct=True,
            )
        ],
    )
    rows = [(p.actor, p.stance, p.issue) for p in build_positions([a])]
    assert rows == [("Maria Keller", "urges", "return to talks / a settlement")]


def test_negated_hedged_and_noun_uses_are_not_stances():
    a = report(
        "a1",
        [
            "The union did not reject the offer.",
            "The council reportedly opposes the plan.",
            "The union's demands include a shorter week.",
            "The company said it would come back with a better proposal.",
        ],
        [
            C(0, subject="The union", predicate="reject", negated=True),
            C(1, subject="The council", predicate="oppose", hedged=True),
            C(2, subject="The union's demands", predicate="include"),
            C(3, subject="it", predicate="come", attributed_to="company"),
        ],
    )
    assert build_positions([a]) == []


# --------------------------------------------------------------------------- timeline


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


@pytest.mark.slow
def test_positions_from_parsed_reports(ctx):
    from conftest import make_article

    from newscheck.extract import analyze_articles

    day = dt.date(2026, 5, 8)
    one = make_article(
        "MILLPORT, May 8 (Coast Wire) - Nurses at Millport General Hospital on Friday rejected "
        "the health board's offer of a 3% pay rise.\n\n"
        '"It is our final offer," Health Board director Rosa Imrie told reporters.',
        id="a1",
        published=day,
        outlet="Coast Wire",
    )
    two = make_article(
        "The Nurses' Union has turned down the 3 per cent pay offer, and its members will stay "
        "out.\n\nThe health board has said its offer is final.\n\n"
        "Mayor Tom Quill urged both sides to return to talks.",
        id="a2",
        published=day,
        outlet="Millport Echo",
    )
    positions = build_positions(analyze_articles([one, two], ctx))
    rows = {(p.stance, p.issue): p for p in positions}
    assert ("rejects", "3% offer") in rows
    assert {e.article for e in rows["rejects", "3% offer"].evidence} == {"a1", "a2"}
    assert ("says final", "3% offer") in rows
    assert "Imrie" in rows["says final", "3% offer"].actor
    assert {e.article for e in rows["says final", "3% offer"].evidence} == {"a1", "a2"}
    assert ("urges", "return to talks / a settlement") in rows
    assert not any("MILLPORT" in p.actor for p in positions)


def test_quotations_do_not_stand_as_the_story_account():
    """A corroborated claim is told with a report's own sentence, never a quotation."""
    a = report("a1", ['"The offer is final," the director said on Monday.',
                      "The port authority said on Monday its offer was final."],
               [C(0, predicate="say", entities=(E("port authority"),), salience=0.9),
                C(1, predicate="say", entities=(E("port authority"),), salience=0.9)],
               outlet="Harbor Daily")
    b = report("a2", ['"It is final," the director told reporters on Monday.'],
               [C(0, predicate="tell", entities=(E("port authority"),), salience=0.9)],
               outlet="Coast Times")
    claims, conflicts = judge([a, b], [ClaimGroup(claims=("a1.c1", "a2.c1"))], {},
                              VerdictSettings())
    texts = [s.text for s in build_brief([a, b], claims, conflicts, BriefSettings())]
    assert not any(t.startswith(('"', "According to Harbor Daily only, \"")) for t in texts)


def test_sentences_that_point_back_do_not_stand_alone_in_the_brief():
    from newscheck.brief import _clean_sentence

    assert not _clean_sentence("It was closed to traffic in both directions on Wednesday night.")
    assert not _clean_sentence("Two of them were road workers repairing the expansion joints.")
    assert not _clean_sentence("The other two were pulled from the water by rescue workers.")
    assert _clean_sentence("The bridge was closed to traffic in both directions on Wednesday.")
    assert _clean_sentence("Itinerant traders were moved from the quay on Tuesday morning.")


def test_a_corroborated_line_carries_no_figure_only_one_report_gives():
    a = report("a1", ["The strike is costing exporters 12 million crowns a day, the chamber said.",
                      "The chamber said the strike was costing exporters money."],
               [C(0, predicate="cost", quantities=(Q("12 million crowns", 12e6, unit="crown",
                                                      kind="money"),), salience=0.9)],
               outlet="Harbor Daily")
    b = report("a2", ["The strike costs the city's exporters money every day, the chamber said."],
               [C(0, predicate="cost", salience=0.9)], outlet="Coast Times")
    claims, conflicts = judge([a, b], [ClaimGroup(claims=("a1.c1", "a2.c1"))], {},
                              VerdictSettings())
    texts = [s.text for s in build_brief([a, b], claims, conflicts, BriefSettings())]
    assert not any("12 million" in t and not t.startswith("According to") for t in texts)
    assert "The strike costs the city's exporters money every day, the chamber said." in texts


def test_a_dated_event_whose_claims_hold_two_figures_each_still_gets_a_wording():
    """Two counts in one claim "disagree" with each other: the event must not vanish."""
    from newscheck.brief import _event

    a = report("a1", ["On Monday 3 trucks and 5 cars crossed the bridge."],
               [C(0, quantities=(Q("3", 3), Q("5", 5)))])
    b = report("a2", ["On Monday 4 trucks and 9 cars crossed the bridge."],
               [C(0, quantities=(Q("4", 4), Q("9", 9)))])
    members = [(x.claims[0], x, x.sentences[0].text) for x in (a, b)]
    event = _event("2026-03-02", members, [])
    assert event.what and event.evidence
