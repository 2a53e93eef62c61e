"""Negation conflicts: a predicate stated in one report of a group and denied in another.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``...) live in ``tests/builders.py``.
"""

from __future__ import annotations

from builders import (
    C,
    group,
    report,
)

from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    judge,
    polarity,
)

S = VerdictSettings()


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


def test_a_denial_says_what_a_negated_statement_says():
    deny = C(0, subject="Ruiz", predicate="collude",
             text="Ruiz has repeatedly denied his campaign colluded with the firm.")
    said_not = C(0, subject="Ruiz", predicate="collude", negated=True,
                 text="Ruiz has repeatedly said his campaign did not collude with the firm.")
    plain = C(0, subject="Ruiz", predicate="collude",
              text="Ruiz's campaign colluded with the firm, the report found.")
    a = report("a1", [deny.text], [deny])
    b = report("a2", [said_not.text], [said_not])
    c = report("a3", [plain.text], [plain])
    assert not polarity(a.claims[0], a) and not polarity(b.claims[0], b)
    assert polarity(c.claims[0], c)
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []
    # near-miss: the finding that it did collude still disagrees with the denial
    (x,) = judge([a, c], [group("a1.c1", "a3.c1")], {}, S)[1]
    assert x.kind == "event"
