"""Positions: who takes which stance on what, actors merged across reports."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from builders import UNION, C, R, quote, report

from newscheck.compose.positions import build_positions, strip_dateline
from newscheck.model import Entity, Quote


def test_positions_from_claims_and_first_person_quotes():
    a = report(
        "a1",
        [
            "The Dockers Union rejected the latest wage offer, saying it was too low.",
            "The city council did not support the plan.",
            "Analysts reportedly oppose the merger.",
            "Maria Keller said: We support a fair settlement.",
        ],
        [
            C(0, subject="The Dockers Union", predicate="reject", entities=(UNION,)),
            C(1, subject="The city council", predicate="support", negated=True),
            C(2, subject="Analysts", predicate="oppose", hedged=True),
        ],
        quotes=[quote("We support a fair settlement.", "Maria Keller", sentence=3)],
    )
    b = report(
        "a2",
        [
            "The Dockers Union rejects the wage offer.",
            "Former finance minister Ana Ruiz opposed the port closure on Monday.",
        ],
        [
            C(0, subject="The Dockers Union", predicate="reject", entities=(UNION,)),
            C(
                1,
                subject="Former finance minister Ana Ruiz",
                predicate="oppose",
                roles=(R("Ana Ruiz", "finance minister", "former"),),
            ),
        ],
    )
    positions = build_positions([a, b])
    assert [(p.actor, p.issue, p.stance) for p in positions] == [
        ("Dockers Union", "wage offer", "rejects"),
        ("Maria Keller", "fair settlement", "supports"),
        ("Ana Ruiz", "port closure", "opposes"),
    ]
    assert [e.article for e in positions[0].evidence] == ["a1", "a2"]


def _final_offer_story():
    """Four reports of one dispute, one of them a copy, in different wordings."""
    a = report(
        "a1",
        [
            (
                "MILLPORT, May 4 (Coast Wire) - Nurses at the city hospital on Friday rejected the "
                "health board's offer of a 3% pay rise."
            ),
            '"It is our final offer," Rosa Imrie told reporters.',
            "The chamber of trade urged both sides to compromise.",
        ],
        [
            C(0, subject="MILLPORT, May 4 (Coast Wire) -", predicate="reject"),
            C(1, subject="It", predicate="be", attributed_to="Rosa Imrie"),
            C(2, subject="The chamber of trade", predicate="urge"),
        ],
        quotes=[
            Quote(
                article="",
                text="It is our final offer,",
                start=0,
                end=22,
                speaker="Rosa Imrie",
                role="Health Board director",
                sentence=1,
                direct=True,
            )
        ],
    )
    b = report(
        "a2",
        [
            "The Nurses' Union formally rejected the 3 per cent pay offer on Friday.",
            "According to Health Board director Rosa Imrie, the 3 per cent offer is final.",
        ],
        [
            C(0, subject="The Nurses' Union", predicate="reject"),
            C(1, subject="the 3 per cent offer", predicate="be", attributed_to="Rosa Imrie"),
        ],
    )
    c = report(
        "a3",
        [
            "The union turned down a 3 percent pay rise offered by the board.",
            "The health board has said its offer is final.",
        ],
        [
            C(0, subject="The union", predicate="turn"),
            C(1, subject="its offer", predicate="be", attributed_to="health board"),
        ],
    )
    copy = report(
        "a4",
        [a.sentences[i].text for i in range(3)],
        [C(0, subject="Nurses at the city hospital", predicate="reject")],
        copy_of="a1",
    )
    ents = (
        Entity(text="The Nurses' Union", label="ORG", start=0, end=17),
        Entity(text="Health Board", label="ORG", start=0, end=12),
        Entity(text="Rosa Imrie", label="PERSON", start=0, end=10),
    )
    b = dataclasses.replace(b, entities=ents)
    return [a, b, c, copy]


def test_positions_merge_actors_and_issues_across_reports_and_sort_by_support():
    positions = build_positions(_final_offer_story())
    rows = [(p.actor, p.stance, p.issue) for p in positions]
    assert rows[0] == ("Nurses' Union", "rejects", "3% offer")
    assert rows[1] == ("Health Board (Rosa Imrie)", "says final", "3% offer")
    # every report that states a position is cited, the copy too, but it adds no weight
    assert {e.article for e in positions[0].evidence} == {"a1", "a2", "a3", "a4"}
    assert {e.article for e in positions[1].evidence} == {"a1", "a2", "a3"}
    assert ("Chamber of trade", "urges", "compromise") in rows
    # a dateline is never an actor
    assert not any("MILLPORT" in p.actor or "Coast Wire" in p.actor for p in positions)


def test_a_dateline_alone_gives_no_actor():
    a = report(
        "a1",
        ["LONDON (Coast Wire) - Rejected by everyone, the plan was dropped."],
        [C(0, subject="LONDON (Coast Wire) -", predicate="reject")],
    )
    assert build_positions([a]) == []
    assert strip_dateline("CALDERA, March 13 (Wire) - Dockers struck.") == "Dockers struck."
    assert (
        strip_dateline("Union rejects - again - the offer") == "Union rejects - again - the offer"
    )


def test_a_quote_is_its_speakers_stance_not_that_of_a_person_it_names():
    a = report(
        "a1",
        ['"Minister Ana Ruiz rejects our plan, and we urge her to meet us," said Maria Keller.'],
        [
            C(
                0,
                "Minister Ana Ruiz rejects our plan",
                subject="Minister Ana Ruiz",
                predicate="reject",
                attributed_to="Maria Keller",
                roles=(R("Ana Ruiz", "minister"),),
            ),
            C(
                0,
                "we urge her to meet us",
                subject="we",
                predicate="urge",
                attributed_to="Maria Keller",
            ),
        ],
        quotes=[
            Quote(
                article="",
                text="Minister Ana Ruiz rejects our plan, and we urge her to meet us",
                start=1,
                end=63,
                speaker="Maria Keller",
                sentence=0,
                direct=True,
            )
        ],
    )
    rows = [(p.actor, p.stance, p.issue) for p in build_positions([a])]
    assert rows == [("Maria Keller", "urges", "return to talks / a settlement")]


def test_negated_hedged_and_noun_uses_are_not_stances():
    a = report(
        "a1",
        [
            "The union did not reject the offer.",
            "The council reportedly opposes the plan.",
            "The union's demands include a shorter week.",
            "The company said it would come back with a better proposal.",
        ],
        [
            C(0, subject="The union", predicate="reject", negated=True),
            C(1, subject="The council", predicate="oppose", hedged=True),
            C(2, subject="The union's demands", predicate="include"),
            C(3, subject="it", predicate="come", attributed_to="company"),
        ],
    )
    assert build_positions([a]) == []


# --------------------------------------------------------------------------- timeline


@pytest.mark.slow
def test_positions_from_parsed_reports(ctx):
    from conftest import make_article

    from newscheck.extract.stage import analyze_articles

    day = dt.date(2026, 5, 8)
    one = make_article(
        "MILLPORT, May 8 (Coast Wire) - Nurses at Millport General Hospital on Friday rejected "
        "the health board's offer of a 3% pay rise.\n\n"
        '"It is our final offer," Health Board director Rosa Imrie told reporters.',
        id="a1",
        published=day,
        outlet="Coast Wire",
    )
    two = make_article(
        "The Nurses' Union has turned down the 3 per cent pay offer, and its members will stay "
        "out.\n\nThe health board has said its offer is final.\n\n"
        "Mayor Tom Quill urged both sides to return to talks.",
        id="a2",
        published=day,
        outlet="Millport Echo",
    )
    positions = build_positions(analyze_articles([one, two], ctx))
    rows = {(p.stance, p.issue): p for p in positions}
    assert ("rejects", "3% offer") in rows
    assert {e.article for e in rows["rejects", "3% offer"].evidence} == {"a1", "a2"}
    assert ("says final", "3% offer") in rows
    assert "Imrie" in rows["says final", "3% offer"].actor
    assert {e.article for e in rows["says final", "3% offer"].evidence} == {"a1", "a2"}
    assert ("urges", "return to talks / a settlement") in rows
    assert not any("MILLPORT" in p.actor for p in positions)
