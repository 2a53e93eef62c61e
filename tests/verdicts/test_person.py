"""Person and role conflicts: two holders of one single-holder office; former against current.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``...) live in ``tests/builders.py``.
"""

from __future__ import annotations

import dataclasses

from builders import (
    C,
    R,
    director,
    report,
)

from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    judge,
    same_person,
)

S = VerdictSettings()


def test_two_people_in_one_office_conflict():
    a = director("a1", "John Smith")
    b = director("a2", "Mary Jones")
    c = director("a3", "Mary Jones")
    claims, conflicts = judge([a, b, c], [], {}, S)
    assert len(conflicts) == 1
    x = conflicts[0]
    assert x.kind == "person" and x.topic == "who is port authority director"
    assert {s.value for s in x.sides} == {"John Smith", "Mary Jones"}
    assert {c.status for c in claims} == {"contested"}


def test_surname_only_mention_is_the_same_person():
    a = director("a1", "John Smith")
    b = director("a2", "Smith")
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []


def test_plural_roles_and_different_roles_do_not_conflict():
    a = director("a1", "Ana Ruiz", role="union spokeswoman")
    b = director("a2", "Eva Lind", role="union spokeswoman")
    c = director("a3", "Carl Berg", role="harbour master")
    _, conflicts = judge([a, b, c], [], {}, S)
    assert conflicts == []


def test_former_in_one_report_current_in_another():
    a = director("a1", "Ana Ruiz", role="finance minister", status="former")
    b = director("a2", "Ana Ruiz", role="finance minister")
    _, conflicts = judge([a, b], [], {}, S)
    assert len(conflicts) == 1
    x = conflicts[0]
    assert x.kind == "role" and x.topic == "whether Ana Ruiz is still finance minister"
    assert [s.value for s in x.sides] == ["former finance minister", "finance minister"]


def test_former_holder_beside_a_new_holder_is_no_conflict():
    a = director("a1", "Ana Ruiz", role="finance minister", status="former")
    b = director("a2", "Eva Lind", role="finance minister")
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []


def test_a_hyphenated_tail_is_the_same_person_and_then_never_conflicts():
    assert same_person("Hana Jae", "Hana Jae-in")
    assert not same_person("Hana Jae", "Hana Kim-in")
    a = report("a1", ["Talks with Southern President Hana Jae-in begin."],
               [C(0, roles=(R("Hana Jae-in", "southern president"),))])
    b = report("a2", ["Southern President Hana Jae met envoys."],
               [C(0, roles=(R("Hana Jae", "southern president"),))])
    assert judge([a, b], [], {}, S)[1] == []
    # then-holders: the office named at the time of a past event
    a = report("a1", ["The deal was agreed under Minister Ana Ruiz."],
               [C(0, roles=(R("Ana Ruiz", "finance minister", "then"),))])
    b = report("a2", ["Finance Minister Lena Park said the deal stands."],
               [C(0, roles=(R("Lena Park", "finance minister"),))])
    c = report("a3", ["Former finance minister Ana Ruiz said nothing."],
               [C(0, roles=(R("Ana Ruiz", "finance minister", "former"),))])
    assert judge([a, b, c], [], {}, S)[1] == []


def test_bare_title_of_two_countries_is_no_rivalry():
    """"President X" and "President Y": two countries' presidents, not rivals."""
    a = director("a1", "Ana Ruiz", role="president")
    b = director("a2", "Eva Lind", role="president")
    _, conflicts = judge([a, b], [], {}, S)
    assert conflicts == []
    # near miss: the office names its body, and the two reports name different holders
    a = director("a1", "Ana Ruiz", role="central bank governor")
    b = director("a2", "Eva Lind", role="central bank governor")
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.kind for x in conflicts] == ["person"]


def test_role_told_as_a_relation_is_not_a_current_title():
    """"his campaign chairman X" says who X was to someone, not that X holds it now."""

    def told(aid, sentence, status="current"):
        name = "Carl Berg"
        at = sentence.index("campaign chairman")
        role = R(name, "campaign chairman", status)
        role = dataclasses.replace(role, start=at, end=sentence.index(name) + len(name))
        return report(aid, [sentence], [C(0, subject=name, predicate="target", roles=(role,))])

    gone = told("a1", "Former campaign chairman Carl Berg was named in the suit.", "former")
    relation = told("a2", "The suit is targeting his campaign chairman Carl Berg and others.")
    _, conflicts = judge([gone, relation], [], {}, S)
    assert conflicts == []
    # near miss: the title stands before the name on its own
    title = told("a2", "The suit is targeting campaign chairman Carl Berg and others.")
    _, conflicts = judge([gone, title], [], {}, S)
    assert [x.kind for x in conflicts] == ["role"]


def test_one_person_under_two_name_forms_is_no_rivalry():
    """Transliterations, middle initials and suffixes name one person: no conflict."""
    for one, other in (("Muammar Qaddafi", "Muammar Gaddafi"),
                       ("John R. Smith Jr.", "John Smith"),
                       ("Rudolph W. Marden", "Rudy Marden")):
        a = director("a1", one, role="central bank governor")
        b = director("a2", other, role="central bank governor")
        _, conflicts = judge([a, b], [], {}, S)
        assert conflicts == [], (one, other)
    # near miss: two people who share a surname
    a = director("a1", "Ana Ruiz", role="central bank governor")
    b = director("a2", "Alberto Ruiz", role="central bank governor")
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.kind for x in conflicts] == ["person"]


def test_the_role_topic_reads_as_english_whatever_the_names_are_written_as():
    # the name as written in a possessive ("Ana Ruiz's office said"), and two people
    a = director("a1", "Ana Ruiz's", role="finance minister", status="former")
    b = director("a2", "Ana Ruiz", role="finance minister")
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.topic for x in conflicts] == ["whether Ana Ruiz is still finance minister"]
    a = director("a1", "Ana Ruiz and Carl Berg", role="union co-chairs", status="former")
    b = director("a2", "Ana Ruiz and Carl Berg", role="union co-chairs")
    _, conflicts = judge([a, b], [], {}, S)
    assert [x.topic for x in conflicts] == ["whether Ana Ruiz and Carl Berg are still union co-chairs"]
