"""Alignment of claims across reports: lexical fallback and embedding path."""

from __future__ import annotations

import numpy as np
from builders import C, E, Q, report

from newscheck.align import align_claims
from newscheck.settings import AlignSettings
from newscheck.text import content_words, lexical_similarity

S = AlignSettings()
UNION = E("Dockers Union")


def test_lexical_similarity_ignores_stop_words_and_inflection():
    a = content_words("The dockworkers rejected the latest wage offer")
    b = content_words("Dockworkers reject wage offers")
    assert lexical_similarity(a, b) > 0.8
    assert lexical_similarity(a, content_words("A new terminal opened in the port")) == 0.0


def test_same_event_from_three_reports_forms_one_group_and_other_events_stay_apart():
    a = report("a1", ["The Dockers Union rejected the latest wage offer on Monday.",
                      "The port authority opened a new container terminal."],
               [C(0, predicate="reject", entities=(UNION,)),
                C(1, predicate="open", entities=(E("port authority"),))])
    b = report("a2", ["The Dockers Union rejected the wage offer."],
               [C(0, predicate="reject", entities=(UNION,))])
    c = report("a3", ["Dockers Union members rejected the offer on wages."],
               [C(0, predicate="reject", entities=(UNION,))])
    d = report("a4", ["Fishermen protested against new quotas in the harbour."],
               [C(0, predicate="protest")])
    groups = align_claims([a, b, c, d], {}, S)
    assert [g.claims for g in groups] == [("a1.c1", "a2.c1", "a3.c1")]
    assert 0 < groups[0].similarity <= 1


def test_claims_of_one_report_never_group_together():
    a = report("a1", ["The union rejected the wage offer.", "The union rejected the wage offer."],
               [C(0, predicate="reject"), C(1, predicate="reject")])
    assert align_claims([a], {}, S) == []


def test_one_claim_per_report_the_best_one_wins():
    a = report("a1", ["Workers rejected the wage offer from the port.",
                      "Workers rejected the offer after a long vote on wages at the port."],
               [C(0, predicate="reject"), C(1, predicate="reject")])
    b = report("a2", ["Workers rejected the wage offer from the port."],
               [C(0, predicate="reject")])
    groups = align_claims([a, b], {}, S)
    assert [g.claims for g in groups] == [("a1.c1", "a2.c1")]


def test_similar_words_without_an_anchor_do_not_align():
    # Two words in common would be an anchor; here only one content word is shared.
    a = report("a1", ["Talks began."], [C(0, predicate="begin")])
    b = report("a2", ["Talks collapsed."], [C(0, predicate="collapse")])
    assert align_claims([a, b], {}, S) == []


def test_quantity_of_the_same_thing_anchors_different_wordings():
    about = (Q("about 300", 300, noun="dockworker"),)
    vec = np.array([[1.0, 0.0]], dtype=np.float32)
    near = np.array([[0.8, 0.6]], dtype=np.float32)  # cosine 0.8, no words in common
    a = report("a1", ["About 300 dockworkers walked off the job."],
               [C(0, predicate="walk", quantities=about)], vectors=vec)
    b = report("a2", ["Some 310 stevedores stopped."],
               [C(0, predicate="stop", quantities=(Q("some 310", 310, noun="dockworker"),))],
               vectors=near)
    assert [g.claims for g in align_claims([a, b], {}, S)] == [("a1.c1", "a2.c1")]
    # The same cosine with a quantity of another thing: no anchor, no alignment.
    b = report("a2", ["Some 310 ships stopped."],
               [C(0, predicate="stop", quantities=(Q("310 ships", 310, noun="ship"),))],
               vectors=near)
    assert align_claims([a, b], {}, S) == []


def test_embedding_path_uses_cosine_threshold():
    far = np.array([[0.0, 1.0]], dtype=np.float32)
    vec = np.array([[1.0, 0.0]], dtype=np.float32)
    a = report("a1", ["The union rejected the offer."], [C(0, predicate="reject",
               entities=(UNION,))], vectors=vec)
    b = report("a2", ["The union rejected the offer."], [C(0, predicate="reject",
               entities=(UNION,))], vectors=far)
    # Identical words, but the vectors say unrelated: the embedding decides.
    assert align_claims([a, b], {}, S) == []


def test_copies_align_with_their_original():
    a = report("a1", ["The union rejected the wage offer."], [C(0, predicate="reject")])
    b = report("a2", ["The union rejected the wage offer."], [C(0, predicate="reject")],
               copy_of="a1")
    groups = align_claims([a, b], {"a2": "a1"}, S)
    assert [g.claims for g in groups] == [("a1.c1", "a2.c1")]


def test_a_place_most_reports_name_is_no_anchor():
    from builders import C, E, report

    city = (E("Caldera", "GPE"),)
    same = np.ones((1, 4), dtype=np.float32) / 2  # close in meaning: only anchors decide
    texts = ["Everything we know about the Caldera strike",
             "The effects are being felt well beyond Caldera.",
             "Caldera dockworkers rejected the offer."]
    reports = [report(f"a{i}", [t], [C(0, entities=city)], vectors=same)
               for i, t in enumerate(texts, start=1)]
    assert align_claims(reports, {}, AlignSettings()) == []
    # Named by two reports of three it still anchors.
    two = reports[:2] + [report("a3", ["Dockworkers rejected the offer."], [C(0)], vectors=same)]
    assert [g.claims for g in align_claims(two, {}, AlignSettings())] == [("a1.c1", "a2.c1")]


def test_counted_class_merges_names_of_one_crowd_and_one_event_only():
    from newscheck.text import counted_class, same_thing_counted

    assert counted_class("member") == counted_class("dockworker") == counted_class("people")
    assert counted_class("walkout") == counted_class("strike")
    assert counted_class("bridge") != counted_class("people")
    assert counted_class("talk") != counted_class("strike")
    assert not same_thing_counted(Q("14", 14, noun="bridge"), Q("4", 4, noun="people"))
    assert not same_thing_counted(
        Q("two years", 730.5, unit="day", kind="duration", noun="period"),
        Q("three weeks", 21, unit="day", kind="duration", noun="strike"),
    )


def test_same_verb_and_most_words_align_though_vectors_sit_apart():
    """A negation pulls sentence vectors apart; the same verb and words still align."""
    vec = np.array([[1.0, 0.0]], dtype=np.float32)
    apart = np.array([[0.4, 0.9165]], dtype=np.float32)  # cosine 0.4: below the threshold
    a = report("a1", ["Halden did not sign the first recording contract in 2014."],
               [C(0, predicate="sign", negated=True)], vectors=vec)
    b = report("a2", ["In 2014, Halden signed the first recording contract with Astra."],
               [C(0, predicate="sign")], vectors=apart)
    assert [g.claims for g in align_claims([a, b], {}, S)] == [("a1.c1", "a2.c1")]
    # near-miss: the same words under another verb stay apart
    b = report("a2", ["In 2014, Halden lost the first recording contract with Astra."],
               [C(0, predicate="lose")], vectors=apart)
    assert align_claims([a, b], {}, S) == []
