"""What the conflict rules share: sides of agreeing values, articles settled on one side."""

from __future__ import annotations

from builders import C, report

from newscheck.verdicts.common import Finding, cluster, index_claims, settle_sides


def _near(a: int, b: int) -> bool:
    """Values agree within 1: 1 and 2 agree, 2 and 3 agree, 1 and 3 do not."""
    return abs(a - b) <= 1


def test_sides_agree_within_and_disagree_across():
    # 2 agrees with both 1 and 3: on either side it would agree with the other one
    sides = cluster([("x", 1), ("y", 2), ("z", 3)], _near)
    assert sides == [[("x", 1)], [("z", 3)]]
    for i, side in enumerate(sides):
        assert all(_near(a, b) for _, a in side for _, b in side)
        others = [v for j, s in enumerate(sides) if j != i for _, v in s]
        assert not any(_near(a, b) for _, a in side for b in others)


def test_values_that_all_agree_make_one_side():
    assert cluster([("x", 1), ("y", 2), ("z", 1)], _near) == [[("x", 1), ("y", 2), ("z", 1)]]


def test_a_copy_is_no_side_against_its_original():
    original = report("a1", ["It fell on Monday."], [C(0, predicate="fall")])
    copy = report("a2", ["It fell on Tuesday."], [C(0, predicate="fall")], copy_of="a1")
    other = report("a3", ["It fell on Tuesday."], [C(0, predicate="fall")])
    refs = index_claims([original, copy, other])
    finding = Finding(kind="time", topic="when it fell", values=["on Monday", "on Tuesday"],
                      sides=[["a1.c1"], ["a2.c1"]], note="")
    assert settle_sides(finding, refs, lambda a: {"a2": "a1"}.get(a, a)) is None
    finding.sides = [["a1.c1"], ["a2.c1", "a3.c1"]]
    # one source (the original and its copy) split evenly takes neither side
    assert settle_sides(finding, refs, lambda a: {"a2": "a1"}.get(a, a)) is None


def _migrants(second: str):
    one = report("a1", ["More than 150 migrants arrived.", "Hundreds of migrants waited."],
                 [C(0, predicate="arrive"), C(1, predicate="wait")])
    two = report("a2", [second], [C(0, predicate="sleep")])
    three = report("a3", ["About 200 migrants arrived."], [C(0, predicate="arrive")])
    refs = index_claims([one, two, three])
    # a1 stands on both sides: it is dropped, and with it the claim that wrote 'More than 150'
    return settle_sides(Finding(kind="quantity", topic="number of migrants",
                                values=["More than 150", "About 200"],
                                sides=[["a1.c1", "a2.c1"], ["a1.c2", "a3.c1"]], note=""),
                        refs, lambda a: a)


def test_a_side_keeps_its_value_only_while_its_sentences_say_it():
    assert _migrants("The 150 migrants slept outside.") is None
    # near-miss: another sentence of the side writes the value too
    kept = _migrants("More than 150 migrants slept outside.")
    assert kept is not None and kept.sides == [["a2.c1"], ["a3.c1"]]
