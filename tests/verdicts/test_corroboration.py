"""Corroboration: which claims of different reports state the same fact.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``...) live in ``tests/builders.py``.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from builders import (
    C,
    Q,
    T,
    framed_report,
    group,
    report,
    vecs,
)

from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    judge,
)

S = VerdictSettings()


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


def test_one_event_stated_alike_in_longer_sentences_corroborates():
    """The same verb done by the same doer to the same people and things corroborates,
    whatever else the two sentences say."""
    def told(aid, sentence, when=()):
        return framed_report(aid, sentence, "sue", subject="The Harbour Party",
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


def _ref(text):
    """A one-sentence report's claim (the whole sentence) with its report."""
    from newscheck.verdicts.common import Ref

    analysis = report("a1", [text], [C(0)])
    return Ref(claim=analysis.claims[0], analysis=analysis, report=0, order=0)


def test_one_statement_under_two_attributions_corroborates():
    """Two outlets quoting one statement under different attributions state one fact."""
    from newscheck.verdicts.corroboration import reported

    said = {
        "The strike will go on until May, a union spokesman said on Friday.":
            "The strike will go on until May",
        "Port chief Ana Ruiz said that the harbour will reopen on Monday.":
            "the harbour will reopen on Monday",
        "According to the ministry, the harbour will reopen on Monday.":
            "the harbour will reopen on Monday",
        "The harbour will reopen on Monday, said Ana Ruiz, the port chief.":
            "The harbour will reopen on Monday",
        # near miss: nothing is cut below four words of statement
        "It failed, she said.": "It failed, she said",
    }
    for text, statement in said.items():
        assert reported(_ref(text)) == statement
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


def test_what_is_reported_is_read_from_the_parse_not_from_the_speaker_pattern():
    """Bug fixed: the attribution pattern cut the statement instead of the speaker when the
    speaker had an appositive ("Maria Keller, the union's spokeswoman, told the Herald
    that A" -> "Maria Keller, the union's spokeswoman") and cut a second statement joined
    to the report ("X ordered checks and said A" -> A)."""
    from newscheck.verdicts.corroboration import reported

    said = {
        "Maria Keller, the union's spokeswoman, told the Herald that the mood on the "
        "picket line remained firm.": "the mood on the picket line remained firm",
        "Speaking in the capital, Henrik Dalvo said the government had no plans to "
        "intervene.": "the government had no plans to intervene",
        "The minister ordered inspections of every bridge and said the results would be "
        "made public.": "The minister ordered inspections of every bridge and said the "
        "results would be made public",
        # near misses: a denied report, a passive one and a stated deed are no attribution
        "Officials did not say how many people remained in hospital.":
            "Officials did not say how many people remained in hospital",
        "Port director Edgar Lindqvist is said to be under mounting pressure.":
            "Port director Edgar Lindqvist is said to be under mounting pressure",
        "The ministry announced new tariffs on steel on Friday.":
            "The ministry announced new tariffs on steel on Friday",
    }
    for text, statement in said.items():
        assert reported(_ref(text)) == statement, text


def test_the_same_names_in_two_statements_are_not_contained_in_each_other():
    """Containment reads what a sentence says happened, not only whom it names."""
    from newscheck import tokens
    from newscheck.verdicts.corroboration import contains

    def span(text):
        ref = _ref(text)
        return tokens.of_claim(ref.analysis, ref.claim)

    listed = span("At the time, the ministry excluded Vastia, Karsk, Loreno and Doruna from "
                  "the levies.")
    postponed = span("The ministry postponed the levies on Vastia, Karsk, Loreno and Doruna "
                     "until June and reached permanent deals with Pellam and Orvik.")
    assert not contains(listed, postponed, 0.8)
    # near miss: the same statement inside a longer one
    restated = span("The ministry excluded Vastia, Karsk, Loreno and Doruna from the levies at "
                    "the time, officials recalled on Monday as new talks began.")
    assert contains(listed, restated, 0.8)


def test_a_negation_is_read_from_the_words_as_the_parser_splits_them():
    """Bug fixed: "cannot" held no negation for the pattern (no "not" standing alone)."""
    from newscheck import tokens
    from newscheck.verdicts.corroboration import negated

    def span(text):
        ref = _ref(text)
        return tokens.of_claim(ref.analysis, ref.claim)

    for text in ("The port authority insists it cannot go further.",
                 "The union says it won't go back.", "No ship left the harbour."):
        assert negated(span(text)), text
    # near miss: "note" and "know" hold the letters of a negation, not the word
    assert not negated(span("The port authority noted it can go further, we know."))


def test_closest_claim_per_report_first_of_equals_and_floor():
    # the pairs the fact judge always reads: each claim's closest claim in each other
    # report, at or above the floor; of two equally close, the first in story order
    from newscheck.verdicts.common import Ref, sentence_similarity
    from newscheck.verdicts.corroboration import _best_matches

    a = report("a1", ["Ships waited.", "Cranes stood idle."], [C(0), C(1)],
               vectors=vecs([1, 0, 0], [0.8, 0, 0.6]))
    b = report("b1", ["Vessels waited.", "Ships were waiting.", "Snow fell."],
               [C(0), C(1), C(2)], vectors=vecs([0.8, 0.6, 0], [0.8, 0, 0.6], [0, -1, 0]))
    refs = [Ref(claim=c, analysis=x, report=r, order=10 * r + n)
            for r, x in enumerate((a, b)) for n, c in enumerate(x.claims)]
    similarity = sentence_similarity([a, b])
    pairs = _best_matches(refs, similarity, floor=0.5)
    # a1.c1 is as close to b1.c1 as to b1.c2 (0.8): the first wins; a1.c2 and b1.c2 are
    # one another's closest; b1.c3 is near nothing (below the floor)
    assert pairs == {("a1.c1", "b1.c1"), ("a1.c2", "b1.c2")}
    # one number for a pair of sentences, whichever report is asked first
    assert similarity(refs[0], refs[2]) == similarity(refs[2], refs[0])
    # the generic path (any callable) agrees with the matrix path
    assert _best_matches(refs, lambda x, y: similarity(x, y), floor=0.5) == pairs
