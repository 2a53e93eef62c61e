"""Frame conflicts: a verb with the same arguments stated in one report and denied in another.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``...) live in ``tests/builders.py``.
"""

from __future__ import annotations

import datetime as dt

from builders import (
    T,
    framed_report,
)

from newscheck.model import (
    Frame,
)
from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    frame_sign,
    judge,
)

S = VerdictSettings()


def test_an_event_stated_in_one_report_and_denied_in_another_conflicts():
    a = framed_report("a1", "The complaint names a list of defendants that includes Ana Ruiz.",
                "name", arguments=("list", "defendant", "ruiz"), names=("Ana Ruiz",))
    b = framed_report("a2", "The complaint does not name Ruiz as a defendant.", "name",
                polarity=False, subject="The complaint", arguments=("ruiz", "defendant"),
                names=("Ruiz",))
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.kind for x in conflicts] == ["event"]
    assert "happened" in conflicts[0].note
    # near miss: another person is denied the same role
    c = framed_report("a2", "The complaint does not name Berg as a defendant.", "name",
                polarity=False, subject="The complaint", arguments=("berg", "defendant"),
                names=("Carl Berg",))
    _, conflicts = judge([a, c], [], {}, S)
    assert conflicts == []


def test_expected_against_unlikely_conflicts_but_a_hedge_does_not():
    a = framed_report("a1", "Ana Ruiz is expected to meet the queen.", "meet", modality="expected",
                subject="Ana Ruiz", arguments=("queen",))
    b = framed_report("a2", "Ruiz is unlikely to meet the queen during the visit.", "meet",
                modality="unlikely", subject="Ana Ruiz", arguments=("queen", "visit"))
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.kind for x in conflicts] == ["event"]
    assert "unlikely" in conflicts[0].note
    # near miss: "may" commits to nothing
    c = framed_report("a2", "Ruiz may not meet the queen during the visit.", "meet",
                polarity=False, modality="hedged", subject="Ana Ruiz", arguments=("queen",))
    _, conflicts = judge([a, c], [], {}, S)
    assert conflicts == []


def test_denial_on_another_day_is_another_event():
    monday = T("on Monday", resolved=dt.date(2024, 3, 4))
    friday = T("on Friday", resolved=dt.date(2024, 3, 8))
    a = framed_report("a1", "Ana Ruiz met the envoy on Monday.", "meet", subject="Ana Ruiz",
                arguments=("envoy",), times=(monday,))
    b = framed_report("a2", "Ana Ruiz did not meet the envoy on Friday.", "meet", polarity=False,
                subject="Ana Ruiz", arguments=("envoy",), times=(friday,))
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []


def test_frame_sign_reads_polarity_and_modality():
    def f(polarity, modality):
        return Frame(article="a", sentence=0, start=0, end=1, verb="meet", polarity=polarity,
                     modality=modality)

    assert frame_sign(f(True, "asserted")) is True
    assert frame_sign(f(True, "expected")) is True
    assert frame_sign(f(False, "asserted")) is False
    assert frame_sign(f(True, "unlikely")) is False
    assert frame_sign(f(False, "unlikely")) is None  # "not unlikely": no commitment
    assert frame_sign(f(True, "hedged")) is None
    assert frame_sign(f(True, "conditional")) is None
    assert frame_sign(f(True, "purpose")) is None
