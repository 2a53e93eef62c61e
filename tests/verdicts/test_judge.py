"""The judge: statuses, ids and order of story claims, settled sides, kept conflicts.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``...) live in ``tests/builders.py``.
"""

from __future__ import annotations

import dataclasses

from builders import (
    C,
    Q,
    director,
    group,
    report,
)

from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    judge,
)

S = VerdictSettings()


def test_an_article_never_stands_on_two_sides():
    # a1 names both people as director once each: a tie, so a1 leaves the conflict.
    a = director("a1", "John Smith", extra=["Mary Jones"])
    b = director("a2", "Mary Jones")
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []
    # With a majority, a1 stands on its majority side only.
    a = director("a1", "John Smith", extra=["John Smith", "Mary Jones"])
    _, conflicts = judge([a, b], [], {}, S)
    assert len(conflicts) == 1
    sides = {s.value: {e.article for e in s.evidence} for s in conflicts[0].sides}
    assert sides == {"John Smith": {"a1"}, "Mary Jones": {"a2"}}


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
