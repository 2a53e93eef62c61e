"""Place conflicts: one event placed in different places.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``...) live in ``tests/builders.py``.
"""

from __future__ import annotations

from builders import (
    C,
    group,
    one_claim,
    report,
)

from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    judge,
    place_key,
)

S = VerdictSettings()


def test_places_conflict_unless_one_report_names_both():
    a = report("a1", ["The ship docked in Hamburg."],
               [C(0, subject="The ship", predicate="dock", places=("Hamburg",))])
    b = report("a2", ["The ship docked in Rotterdam."],
               [C(0, subject="The ship", predicate="dock", places=("Rotterdam",))])
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert len(conflicts) == 1 and conflicts[0].kind == "place"
    b = report("a2", ["The ship docked in Rotterdam after leaving Hamburg."],
               [C(0, subject="The ship", predicate="dock", places=("Rotterdam",))])
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert conflicts == []


def test_place_names_are_normalised_and_only_a_located_event_compares():
    assert place_key("the U.K.") == place_key("UK") == place_key("United Kingdom")
    assert place_key("U.S.") == place_key("United States")
    a = one_claim("a1", "The envoy will land in the U.K. on Friday.", "land", places=("U.K.",))
    b = one_claim("a2", "The envoy will land in the United Kingdom on Friday.", "land",
              places=("United Kingdom",))
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []
    # naming a place is not placing the event there
    a = one_claim("a1", "This would be the third meeting between leaders of the two Valleys.",
              "be", places=("Valleys",))
    b = one_claim("a2", "It would be the first meeting between Ostrian and Valley leaders.", "be",
              places=("Ostria",))
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []


def test_a_place_written_with_a_final_period_is_located():
    """Bug fixed: "in the U.S." was never read as placing the event (the pattern wanted a
    word character after the name's final period)."""
    a = one_claim("a1", "The envoy landed in the U.S. on Friday.", "land", places=("U.S.",))
    b = one_claim("a2", "The envoy landed in Canada on Friday.", "land", places=("Canada",))
    (conflict,) = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1]
    assert conflict.kind == "place"
    # near miss: a U.S. official is named, not placed
    a = one_claim("a1", "A U.S. official landed on Friday.", "land", places=("U.S.",))
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []
