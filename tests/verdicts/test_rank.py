"""Rank conflicts: one superlative place given to two holders.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``...) live in ``tests/builders.py``.
"""

from __future__ import annotations

import datetime as dt

from builders import (
    C,
    T,
    report,
)

from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    judge,
)

S = VerdictSettings()


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
