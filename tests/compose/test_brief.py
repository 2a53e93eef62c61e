"""Brief: extractive, cited, conflicts listed, single source marked."""

from __future__ import annotations

import dataclasses

from builders import INF, C, E, Q, R, report, strike_story

from newscheck.compose.brief import build_brief
from newscheck.model import ClaimGroup, Entity
from newscheck.settings import BriefSettings, VerdictSettings
from newscheck.verdicts import judge


def test_brief_cites_lists_conflicts_and_marks_single_source():
    analyses, claims, conflicts = strike_story()
    brief = build_brief(analyses, claims, conflicts, BriefSettings())
    texts = [b.text for b in brief]
    # The corroborated claim: the shorter clean sentence, citing both reports.
    assert texts[0] == "The Dockers Union rejected the wage offer on Monday."
    assert brief[0].cites == ("a1", "a2")
    assert texts[1] == (
        "Reports differ on how long the strike has lasted: Harbor Daily says almost three "
        "weeks; “The Dockers Union rejected the wage offer on Monday.” says in its second week."
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
    analyses, claims, conflicts = strike_story()
    brief = build_brief(
        analyses,
        claims,
        conflicts,
        BriefSettings(max_corroborated=0, max_single_source=0, lead_words=0),
    )
    assert [b.text.startswith("Reports differ") for b in brief] == [True]


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
        outlet="Harbor Daily",
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
        "According to Harbor Daily only, dockers gathered at Gate 4 to hear the result of the vote."
        in texts
    )
    # a name at the start keeps its capital
    named = dataclasses_replace_entities(a, (Entity(text="Dockers", label="ORG", start=0, end=7),))
    texts = [s.text for s in build_brief([named, b], claims, conflicts, BriefSettings())]
    assert (
        "According to Harbor Daily only, Dockers gathered at Gate 4 to hear the result of the vote."
        in texts
    )


def dataclasses_replace_entities(analysis, entities):

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


def test_quotations_do_not_stand_as_the_story_account():
    """A corroborated claim is told with a report's own sentence, never a quotation."""
    a = report(
        "a1",
        [
            '"The offer is final," the director said on Monday.',
            "The port authority said on Monday its offer was final.",
        ],
        [
            C(0, predicate="say", entities=(E("port authority"),), salience=0.9),
            C(1, predicate="say", entities=(E("port authority"),), salience=0.9),
        ],
        outlet="Harbor Daily",
    )
    b = report(
        "a2",
        ['"It is final," the director told reporters on Monday.'],
        [C(0, predicate="tell", entities=(E("port authority"),), salience=0.9)],
        outlet="Coast Times",
    )
    claims, conflicts = judge(
        [a, b], [ClaimGroup(claims=("a1.c1", "a2.c1"))], {}, VerdictSettings()
    )
    texts = [s.text for s in build_brief([a, b], claims, conflicts, BriefSettings())]
    assert not any(t.startswith(('"', 'According to Harbor Daily only, "')) for t in texts)


def test_sentences_that_point_back_do_not_stand_alone_in_the_brief():
    from newscheck.compose.brief import _clean_sentence

    def clean(sentence):
        a = report("a1", [sentence])
        return _clean_sentence(a, a.sentences[0])

    assert not clean("It was closed to traffic in both directions on Wednesday night.")
    assert not clean("Two of them were road workers repairing the expansion joints.")
    assert not clean("The other two were pulled from the water by rescue workers.")
    assert not clean("“Of those, most were road workers repairing the joints.”")
    assert clean("The bridge was closed to traffic in both directions on Wednesday.")
    assert clean("Itinerant traders were moved from the quay on Tuesday morning.")
    # near-misses: "Others" and "Its" in a longer word do not point back
    assert clean("Otherwise the bridge was closed to traffic in both directions.")
    assert clean("Itself a landmark, the bridge was closed to traffic on Wednesday.")


def test_a_corroborated_line_carries_no_figure_only_one_report_gives():
    a = report(
        "a1",
        [
            "The strike is costing exporters 12 million crowns a day, the chamber said.",
            "The chamber said the strike was costing exporters money.",
        ],
        [
            C(
                0,
                predicate="cost",
                quantities=(Q("12 million crowns", 12e6, unit="crown", kind="money"),),
                salience=0.9,
            )
        ],
        outlet="Harbor Daily",
    )
    b = report(
        "a2",
        ["The strike costs the city's exporters money every day, the chamber said."],
        [C(0, predicate="cost", salience=0.9)],
        outlet="Coast Times",
    )
    claims, conflicts = judge(
        [a, b], [ClaimGroup(claims=("a1.c1", "a2.c1"))], {}, VerdictSettings()
    )
    texts = [s.text for s in build_brief([a, b], claims, conflicts, BriefSettings())]
    assert not any("12 million" in t and not t.startswith("According to") for t in texts)
    assert "The strike costs the city's exporters money every day, the chamber said." in texts


# --------------------------------------------------------------------------- opening


def _vectors(*rows):
    """Unit sentence vectors from 2-d directions (cosine = dot product)."""
    import numpy as np

    m = np.array(rows, dtype=float)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def _lead_story(b_first: str, b_vector=(1.0, 0.1)):
    """Two reports whose first body sentences are ``a``'s and ``b_first``."""
    a = report(
        "a1",
        ["The city council approved a new budget for the harbour district on Tuesday."],
        [C(0, subject="The city council", predicate="approve", entities=(E("city council"),))],
        outlet="Coast Times",
        vectors=_vectors((1.0, 0.0)),
    )
    b = report(
        "a2",
        [b_first],
        [C(0, predicate="be", entities=(E("city council"),))],
        vectors=_vectors(b_vector),
    )
    return [a, b]


def _open(analyses, **settings):
    return build_brief(analyses, [], [], BriefSettings(**settings))


def test_the_opening_cites_every_report_that_states_the_same_lead_fact():
    # Told in other words with high overlap: one line citing both, in report order.
    analyses = _lead_story(
        "On Tuesday the city council approved the harbour district's new budget, officials said."
    )
    brief = _open(analyses)
    assert len(brief) == 1
    assert brief[0].cites == ("a1", "a2")
    assert not brief[0].text.startswith("According to")


def test_the_opening_marks_a_lead_no_other_report_supports():
    # Near-miss: the same topic, another fact (low word overlap): each report alone.
    analyses = _lead_story(
        "Harbour traders protested outside the city council over rising rents.",
        b_vector=(1.0, 1.5),  # cosine 0.55: words shared, the sentences apart
    )
    brief = _open(analyses)
    assert sorted(b.cites for b in brief) == [("a1",), ("a2",)]
    assert all(b.text.startswith("According to") for b in brief)


def test_topical_closeness_alone_does_not_support_an_opening_line():
    # Embeddings close, words apart: closeness of topic never makes a citation.
    analyses = _lead_story(
        "Fishermen fear the port plan will cost them their moorings.", b_vector=(1.0, 0.05)
    )
    assert all(len(b.cites) == 1 for b in _open(analyses))


def test_an_opening_line_cites_no_report_that_lacks_its_figure():
    base = "The city council approved a budget of 12 million euros for the harbour district."
    for other, cited in (
        ("The city council approved a harbour district budget of 12 million euros.", True),
        ("The city council approved a budget for the harbour district.", False),
    ):
        a = report("a1", [base], [C(0, predicate="approve")], vectors=_vectors((1.0, 0.0)))
        b = report("a2", [other], [C(0, predicate="approve")], vectors=_vectors((1.0, 0.05)))
        brief = _open([a, b])
        # a2's own sentence has no figure: a1 supports it, so it may open citing both
        opening = brief[0]
        if cited:
            assert opening.cites == ("a1", "a2")
        else:
            assert "12 million" not in opening.text or opening.cites == ("a1",)
            assert all("12 million" not in line.text or line.cites == ("a1",) for line in brief)


def test_an_opening_sentence_that_is_a_conflict_side_is_left_to_the_conflict_line():
    analyses, claims, conflicts = strike_story()
    brief = build_brief(analyses, claims, conflicts, BriefSettings())
    # "The strike has lasted almost three weeks." is one side of the duration conflict
    assert not any("lasted almost three weeks" in b.text for b in brief)
    assert any(b.text.startswith("Reports differ on how long") for b in brief)


def test_a_lead_sentence_that_asserts_nothing_is_not_one_reports_word():
    from newscheck.model import Frame

    def lone(modalities):
        a = report(
            "a1",
            ["Port director Edgar Lind is said to be weighing his resignation."],
            [C(0, predicate="weigh", hedged=True, roles=(R("Edgar Lind", "director"),))],
            outlet="Coast Times",
        )
        frames = tuple(
            Frame(article="a1", sentence=0, start=0, end=1, verb=v, modality=m)
            for v, m in modalities
        )
        return dataclasses.replace(a, frames=frames)

    assert _open([lone([("say", "hedged"), ("weigh", "hedged")])], max_corroborated=0) == []
    # Near-miss: one asserted verb ("resigned ... reportedly over pay") keeps the line.
    kept = _open([lone([("resign", "asserted"), ("weigh", "hedged")])])
    assert [b.cites for b in kept] == [("a1",)]
    assert kept[0].text.startswith("According to Coast Times only, port director")


def test_the_opening_stops_at_its_word_budget():
    analyses = _lead_story(
        "On Tuesday the city council approved the harbour district's new budget, officials said."
    )
    assert _open(analyses, lead_words=0) == []


def test_a_sentences_figures_are_its_claims_quantities_not_a_new_reading_of_its_text():
    from newscheck.compose.brief import _Support
    from newscheck.engines.pairs import PairJudge

    a = report(
        "a1",
        ["The port lost $40 million in fees.", "Some 3,000 dockworkers walked out."],
        [C(0, quantities=(Q("$40 million", 4e7, unit="USD", kind="money"),)), C(1)],
    )
    support = _Support([a], PairJudge(), BriefSettings())
    assert support.figures(a.sentences[0]) == {("money", 4e7)}
    # the extractors found no figure in the second sentence's claim: none is read again
    assert support.figures(a.sentences[1]) == frozenset()


def _floods(a_first: str, a_figure, b_first: str, b_figure):
    """Two reports leading with a count of what a storm left behind."""
    a = report("a1", [a_first],
               [C(0, predicate="leave", quantities=(a_figure,), entities=(E("ministry"),))],
               outlet="Daily Ledger", vectors=_vectors((1.0, 0.0)))
    b = report("a2", [b_first],
               [C(0, predicate="leave", quantities=(b_figure,), entities=(E("ministry"),))],
               outlet="Evening Post", vectors=_vectors((1.0, 0.05)))
    claims, conflicts = judge([a, b], [], {}, VerdictSettings())
    return [a, b], claims, conflicts


def test_one_reports_word_is_not_called_only_its_when_another_states_the_fact():
    # "an estimated 250" and "over 200" are compatible figures of one fact: neither
    # report vouches for the other's number, yet neither stands alone
    analyses, claims, conflicts = _floods(
        "The floods left an estimated 250 casualties across the region, the ministry said.",
        Q("an estimated 250", 250, 225, 275, approx="about", noun="casualty"),
        "The floods left over 200 casualties across the region, the ministry said on Friday.",
        Q("over 200", 200, 200, INF, approx="more_than", noun="casualty"))
    texts = [b.text for b in build_brief(analyses, claims, conflicts, BriefSettings())]
    assert texts == [("According to Daily Ledger, the floods left an estimated 250 casualties "
                     "across the region, the ministry said.")]


def test_the_brief_names_reports_as_every_view_does():
    # near-miss of the test above: two different facts, each one report's word only
    from newscheck.model import Report
    from newscheck.render.common import labels

    analyses, claims, conflicts = _floods(
        "The floods left an estimated 250 casualties across the region, the ministry said.",
        Q("an estimated 250", 250, 225, 275, approx="about", noun="casualty"),
        "The storm left 40 people homeless in the port, the ministry said on Friday.",
        Q("40", 40, noun="people"))
    titled = dataclasses.replace(analyses[1].article, outlet=None, title="Storm hits the port")
    analyses = [analyses[0], dataclasses.replace(analyses[1], article=titled)]
    shown = labels(Report(generated_at="", articles=tuple(a.article for a in analyses),
                          skipped=(), stories=()))
    texts = [b.text for b in build_brief(analyses, claims, conflicts,
                                         BriefSettings(max_single_source=2))]
    # the renderers' names, a headline (or first sentence) in quotes; never a file name
    assert shown["a2"] == "Storm hits the port"
    assert texts == [("According to “Storm hits the port” only, the storm left 40 people "
                     "homeless in the port, the ministry said on Friday.")]
