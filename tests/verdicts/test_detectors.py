"""The seam of the conflict rules: a conflict kind is one ``find(view)`` function listed in
``DETECTORS``; the judge runs the tuple and nothing else needs to change."""

from __future__ import annotations

from builders import C, group, report

from newscheck.settings import VerdictSettings
from newscheck.verdicts import detectors
from newscheck.verdicts.common import Finding, StoryView
from newscheck.verdicts.detectors import Detector
from newscheck.verdicts.judge import judge

S = VerdictSettings()


def _flags():
    a = report("a1", ["The flag is red."], [C(0, subject="The flag", predicate="be")])
    b = report("a2", ["The flag is blue."], [C(0, subject="The flag", predicate="be")])
    return [a, b]


def colours(view: StoryView) -> list[Finding]:
    """A toy rule: the first claims of two reports give the flag two colours."""
    first = {}
    for r in view.claims:
        first.setdefault(r.article, r.claim.id)
    if len(first) < 2:
        return []
    return [Finding(kind="other", topic="colour of the flag", values=["red", "blue"],
                    sides=[[first["a1"]], [first["a2"]]], note="'red' vs 'blue'")]


def test_a_detector_added_to_the_tuple_shows_up_as_a_conflict_of_its_kind(monkeypatch):
    analyses = _flags()
    assert judge(analyses, [], {}, S)[1] == []
    monkeypatch.setattr(detectors, "DETECTORS", (*detectors.DETECTORS, Detector("colour", colours)))
    claims, conflicts = judge(analyses, [], {}, S)
    assert [(x.id, x.kind, x.topic, x.note) for x in conflicts] == [
        ("x1", "other", "colour of the flag", "'red' vs 'blue'")
    ]
    assert [s.value for s in conflicts[0].sides] == ["red", "blue"]
    assert {c.status for c in claims} == {"contested"}


def test_a_per_group_detector_reads_only_groups_of_two_reports(monkeypatch):
    analyses = _flags()
    seen: list[tuple[str, ...]] = []

    def spy(view: StoryView) -> list[Finding]:
        seen.append(tuple(r.claim.id for r in view.claims))
        return colours(view)

    monkeypatch.setattr(detectors, "DETECTORS", (Detector("colour", spy, per_group=True),))
    assert judge(analyses, [group("a1.c1")], {}, S)[1] == []
    assert seen == []
    _, conflicts = judge(analyses, [group("a1.c1", "a2.c1")], {}, S)
    assert seen == [("a1.c1", "a2.c1")]
    assert [x.kind for x in conflicts] == ["other"]
