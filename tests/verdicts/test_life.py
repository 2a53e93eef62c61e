"""Life-date conflicts: birth and death dates read from verbs and brackets.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``...) live in ``tests/builders.py``.
"""

from __future__ import annotations

from builders import (
    C,
    day_ref,
    report,
    year_ref,
)

from newscheck.extract.times import find_times
from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    judge,
    life_dates,
)

S = VerdictSettings()


def _extracted(text, **slots):
    """A claim over a whole first sentence with the times the extractor finds in it."""
    return C(0, text, start=0, end=len(text), times=tuple(find_times(text, None)), **slots)


def _dates(claim):
    """The life dates of a claim, in a one-sentence report of its text."""
    analysis = report("a1", [claim.text], [claim])
    return life_dates(analysis.claims[0], analysis)


def test_a_lifespan_in_brackets_gives_birth_and_death():
    text = "Tomas Brandt (June 1, 1921 - March 3, 1980) was a Danish painter."
    c = _extracted(text, subject="Tomas Brandt (June 1, 1921 - March 3, 1980)", predicate="be")
    got = [(e, t.norm) for e, _, t in _dates(c)]
    assert got == [("born", "date:1921-06-01"), ("died", "date:1980-03-03")]
    c = _extracted("Lena Varga (born 26 December 1970) is an actress.", subject="Lena Varga",
                   predicate="be")
    assert [(e, p, t.norm) for e, p, t in _dates(c)] == [
        ("born", "Lena Varga", "date:1970-12-26")]
    c = _extracted("The painter Ana Ruiz-Brandt (d. 4 May 2001) lived in Caldera.",
                   subject="The painter Ana Ruiz-Brandt", predicate="live")
    assert [(e, p, t.norm) for e, p, t in _dates(c)] == [
        ("died", "The painter Ana Ruiz-Brandt", "date:2001-05-04")]
    # near-miss: a bracket of other dates names no life ("the festival (May 3 - May 9)")
    c = _extracted("The festival (run by Ana Ruiz) opened.", subject="The festival",
                   predicate="open")
    assert _dates(c) == []


def test_a_death_date_conflicts_with_a_lifespan_whatever_the_verb():
    a = report("a1", ["Tomas Brandt died on March 3, 1990."],
               [C(0, subject="Tomas Brandt", predicate="die",
                  times=(day_ref("on March 3, 1990", 1990, 3, 3),))])
    lifespan = "Tomas Brandt (June 1, 1921 - March 3, 1980) was a Danish painter."
    b = report("a2", [lifespan], [_extracted(
        lifespan, subject="Tomas Brandt (June 1, 1921 - March 3, 1980)", predicate="be")])
    _, conflicts = judge([a, b], [], {}, S)
    assert [(x.kind, x.topic) for x in conflicts] == [("date", "when Tomas Brandt died")]
    # near-miss: the same date of death agrees; another person's birth year says nothing
    a = report("a1", ["Tomas Brandt died on March 3, 1980."],
               [C(0, subject="Tomas Brandt", predicate="die",
                  times=(day_ref("on March 3, 1980", 1980, 3, 3),))])
    c = report("a3", ["Nora Kessel was born in 1972."],
               [C(0, subject="Nora Kessel", predicate="bear", times=(year_ref("in 1972", 1972),))])
    assert judge([a, b, c], [], {}, S)[1] == []


def test_bracket_dates_are_read_from_the_claims_times_not_parsed_again():
    text = "Tomas Brandt (June 1, 1921 - March 3, 1980) was a Danish painter."
    told = _extracted(text, subject="Tomas Brandt", predicate="be")
    assert [e for e, _, _ in _dates(told)] == ["born", "died"]
    # the same words with no times extracted from them give no dates
    untold = C(0, text, start=0, end=len(text), subject="Tomas Brandt", predicate="be")
    assert _dates(untold) == []
