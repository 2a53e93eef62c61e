"""Positions: who takes which stance on what, read from frames and claims, actors merged
across reports."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from builders import UNION, C, F, Q, R, placed, report

from newscheck.compose.positions import build_positions, dateline_end
from newscheck.model import Entity, Quote
from newscheck.settings import PositionSettings
from newscheck.tokens import of_sentence


def _with(analysis, *frames, quantities=()):
    """The report with its frames and, on its first claim of each sentence, the figures
    ``(sentence, quantity)`` placed where they are written."""
    claims = list(analysis.claims)
    for sentence, q in quantities:
        i = next(i for i, c in enumerate(claims) if c.sentence == sentence)
        claims[i] = dataclasses.replace(
            claims[i], quantities=(*claims[i].quantities, placed(analysis, sentence, q))
        )
    return dataclasses.replace(analysis, frames=tuple(frames), claims=tuple(claims))


def _direct(text, speaker, sentence, role=None):
    return Quote(article="", text=text, start=0, end=len(text), speaker=speaker, role=role,
                 sentence=sentence, direct=True)


def _rows(positions):
    return [(p.actor, p.stance, p.issue) for p in positions]


def test_positions_from_frames_and_first_person_quotes():
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
            C(3, "We support a fair settlement.", subject="We", predicate="support",
              object="a fair settlement", attributed_to="Maria Keller"),
        ],
        quotes=[_direct("We support a fair settlement.", "Maria Keller", 3)],
    )
    a = _with(
        a,
        F(a, 0, "rejected", "reject", subject="The Dockers Union"),
        F(a, 1, "support", "support", subject="The city council", polarity=False),
        F(a, 2, "oppose", "oppose", subject="Analysts", modality="hedged"),
    )
    b = report(
        "a2",
        [
            "The Dockers Union rejects the wage offer.",
            "Former finance minister Ana Ruiz opposed the port closure on Monday.",
        ],
        [
            C(0, subject="The Dockers Union", predicate="reject", entities=(UNION,)),
            C(1, subject="Former finance minister Ana Ruiz", predicate="oppose",
              roles=(R("Ana Ruiz", "finance minister", "former"),)),
        ],
    )
    b = _with(
        _placed_people(b, 1, "Ana Ruiz"),
        F(b, 0, "rejects", "reject", subject="The Dockers Union"),
        F(b, 1, "opposed", "oppose", subject="Former finance minister Ana Ruiz"),
    )
    positions = build_positions([a, b])
    assert _rows(positions) == [
        ("Dockers Union", "rejects", "wage offer"),
        ("Maria Keller", "supports", "fair settlement"),
        ("Ana Ruiz", "opposes", "port closure"),
    ]
    assert [e.article for e in positions[0].evidence] == ["a1", "a2"]


def _final_offer_story():
    """Four reports of one dispute, one of them a copy, in different wordings."""
    three = Q("3%", 3, unit="percent", kind="percent")
    sentences = [
        (
            "MILLPORT, May 4 (Coast Wire) - Nurses at the city hospital on Friday rejected the "
            "health board's offer of a 3% pay rise."
        ),
        '"It is our final offer," Rosa Imrie told reporters.',
        "The chamber of trade urged both sides to compromise.",
    ]
    a = report(
        "a1",
        sentences,
        [
            C(0, subject="Nurses at the city hospital", predicate="reject"),
            C(1, subject="It", predicate="be", object="our final offer",
              attributed_to="Rosa Imrie"),
            C(2, subject="The chamber of trade", predicate="urge", object="both sides"),
        ],
        quotes=[
            Quote(article="", text="It is our final offer,", start=0, end=22,
                  speaker="Rosa Imrie", role="Health Board director", sentence=1, direct=True)
        ],
    )
    a = _with(
        a,
        F(a, 0, "rejected", "reject", subject="Nurses at the city hospital"),
        F(a, 2, "urged", "urge", subject="The chamber of trade"),
        quantities=[(0, three)],
    )
    b = report(
        "a2",
        [
            "The Nurses' Union formally rejected the 3 per cent pay offer on Friday.",
            "According to Health Board director Rosa Imrie, the 3 per cent offer is final.",
        ],
        [
            C(0, subject="The Nurses' Union", predicate="reject"),
            C(1, subject="the 3 per cent offer", predicate="be", object="final",
              attributed_to="Rosa Imrie"),
        ],
    )
    per_cent = Q("3 per cent", 3, unit="percent", kind="percent")
    b = _with(
        b,
        F(b, 0, "rejected", "reject", subject="The Nurses' Union"),
        quantities=[(0, per_cent), (1, per_cent)],
    )
    c = report(
        "a3",
        [
            "The union turned down a 3 percent pay rise offered by the board.",
            "The health board has said its offer is final.",
        ],
        [
            C(0, subject="The union", predicate="turn"),
            C(1, subject="its offer", predicate="be", object="final",
              attributed_to="health board"),
        ],
    )
    c = _with(
        c,
        F(c, 0, "turned", "turn", subject="The union"),
        quantities=[(0, Q("3 percent", 3, unit="percent", kind="percent"))],
    )
    copy = report(
        "a4", sentences, [C(0, subject="Nurses at the city hospital", predicate="reject")],
        copy_of="a1",
    )
    copy = _with(
        copy,
        F(copy, 0, "rejected", "reject", subject="Nurses at the city hospital"),
        quantities=[(0, three)],
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


def test_an_issue_keeps_at_most_the_words_settings_allow():
    a = report("a1", ["The council opposes the plan to close the old harbour road."],
               [C(0, subject="The council", predicate="oppose")])
    a = _with(a, F(a, 0, "opposes", "oppose", subject="The council"))
    rows = _rows(build_positions([a]))
    assert rows == [("Council", "opposes", "plan to close the old harbour road")]
    short = build_positions([a], PositionSettings(issue_words=2))
    assert _rows(short) == [("Council", "opposes", "plan")]


def test_a_dateline_alone_gives_no_actor():
    a = report(
        "a1",
        ["LONDON (Coast Wire) - Rejected by everyone, the plan was dropped."],
        [C(0, subject="LONDON (Coast Wire) -", predicate="reject")],
    )
    a = _with(a, F(a, 0, "Rejected", "reject", subject="LONDON (Coast Wire) -"))
    assert build_positions([a]) == []


def _after_dateline(sentence):
    """A sentence's words after its dateline, read from its tokens."""
    a = report("a1", [sentence])
    end = dateline_end(of_sentence(a, 0))
    return sentence if end is None else a.article.text[end:]


def test_a_dateline_is_read_from_the_sentence_tokens():
    assert _after_dateline("CALDERA, March 13 (Wire) - Dockers struck.") == "Dockers struck."
    assert _after_dateline("ST. JOHN'S, 13 March - Dockers struck.") == "Dockers struck."
    assert _after_dateline("LONDON (Reuters) - Dockers struck.") == "Dockers struck."
    # near-misses: a dash inside a sentence, a capitalised opening word, an acronym subject
    assert _after_dateline("Union rejects - again - the offer") == "Union rejects - again - the offer"
    assert _after_dateline("NATO said the talks - at last - resumed.") == (
        "NATO said the talks - at last - resumed.")


def test_a_quote_is_its_speakers_stance_not_that_of_a_person_it_names():
    a = report(
        "a1",
        ['"Minister Ana Ruiz rejects our plan, and we urge her to meet us," said Maria Keller.'],
        [
            C(0, "Minister Ana Ruiz rejects our plan", subject="Minister Ana Ruiz",
              predicate="reject", object="our plan", attributed_to="Maria Keller",
              roles=(R("Ana Ruiz", "minister"),)),
            C(0, "we urge her to meet us", subject="we", predicate="urge", object="her",
              attributed_to="Maria Keller"),
        ],
        quotes=[
            Quote(article="", text="Minister Ana Ruiz rejects our plan, and we urge her to meet us",
                  start=1, end=63, speaker="Maria Keller", sentence=0, direct=True)
        ],
    )
    assert _rows(build_positions([a])) == [
        ("Maria Keller", "urges", "return to talks / a settlement")
    ]


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
    a = _with(
        a,
        F(a, 0, "reject", "reject", subject="The union", polarity=False),
        F(a, 1, "opposes", "oppose", subject="The council", modality="hedged"),
        F(a, 2, "include", "include", subject="The union's demands"),
        F(a, 3, "come", "come", subject="it", modality="hedged"),
    )
    assert build_positions([a]) == []


def test_an_unwilling_stance_is_not_the_stance():
    # issue 14: "unwilling to accept" was read as "accepts"
    a = report(
        "a1",
        ["The union is unwilling to accept the 4% offer, its leader said."],
        [C(0, subject="The union", predicate="be", object="unwilling to accept the 4% offer",
           attributed_to="its leader")],
    )
    a = _with(
        a,
        F(a, 0, "accept", "accept", subject="The union", modality="purpose", arguments=("offer",)),
        quantities=[(0, Q("4%", 4, unit="percent", kind="percent"))],
    )
    assert not any(p.stance == "accepts" for p in build_positions([a]))


def test_a_conditional_is_no_position():
    # issue 14: "If X rejects" was read as "X rejects"
    a = report(
        "a1",
        ["If the union rejects the offer, the port will close."],
        [C(0, subject="the port", predicate="close", modality="expected")],
    )
    a = _with(
        a,
        F(a, 0, "rejects", "reject", subject="the union", modality="conditional"),
        F(a, 0, "close", "close", subject="the port", modality="expected"),
    )
    assert build_positions([a]) == []


def test_an_offer_that_will_not_improve_is_final_and_stances_a_speaker_insists_on():
    a = report(
        "a1",
        [
            "The board said it would not improve its offer.",
            "The union insists the strike will continue.",
        ],
        [
            C(0, subject="it", predicate="improve", object="its offer", negated=True,
              modality="hedged", attributed_to="board"),
            C(1, subject="the strike", predicate="continue", modality="expected",
              attributed_to="union"),
        ],
        quotes=[
            Quote(article="", text="the strike will continue", start=66, end=90,
                  speaker="union", sentence=1, cue="insist"),
        ],
    )
    assert _rows(build_positions([a])) == [
        ("Board", "says final", "offer"),
        ("Union", "insists", "strike will continue"),
    ]


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


@pytest.mark.slow
def test_parsed_conditional_and_unwilling_stances_are_no_positions(ctx):
    from conftest import make_article

    from newscheck.extract.stage import analyze_articles

    one = make_article(
        "The union is unwilling to accept the 4% offer, its leader said.\n\n"
        "If the union rejects the offer, the port will close.\n\n"
        "The union said it would not accept the offer.",
        id="a1",
    )
    assert build_positions(analyze_articles([one], ctx)) == []


def _placed_people(analysis, sentence, *names, roles=()):
    """``analysis`` with PERSON entities at each name's place in ``sentence`` and, on the
    sentence's first claim, role mentions ``(name, role)`` placed there too."""
    s = analysis.sentences[sentence]
    ents = [Entity(text=n, label="PERSON", start=s.start + s.text.index(n),
                   end=s.start + s.text.index(n) + len(n)) for n in names]
    claims = list(analysis.claims)
    i = next(i for i, c in enumerate(claims) if c.sentence == sentence)
    placed_roles = tuple(
        dataclasses.replace(R(n, r), start=s.start + s.text.index(n),
                            end=s.start + s.text.index(n) + len(n)) for n, r in roles)
    if placed_roles:
        claims[i] = dataclasses.replace(claims[i], roles=placed_roles)
    return dataclasses.replace(analysis, entities=(*analysis.entities, *ents),
                               claims=tuple(claims))


def test_a_surname_is_the_person_the_story_means_never_a_namesake():
    # two Trumps in one report: "Trump" there is nobody in particular; in a report that
    # names one Trump, it is that one, with his own title
    a = report("a1", ["Melania Trump and President Donald Trump toured the port.",
                      "Trump rejected the union's demands."],
               [C(0, subject="Melania Trump and President Donald Trump", predicate="tour"),
                C(1, subject="Trump", predicate="reject")])
    a = _placed_people(a, 0, "Melania Trump", "Donald Trump",
                       roles=[("Donald Trump", "President")])
    a = _placed_people(a, 1, "Trump")
    a = _with(a, F(a, 1, "rejected", "reject", subject="Trump"))
    b = report("a2", ["President Donald Trump spoke on Friday.",
                      "Trump rejected the union's demands."],
               [C(0, subject="President Donald Trump", predicate="speak"),
                C(1, subject="Trump", predicate="reject")])
    b = _placed_people(b, 0, "Donald Trump", roles=[("Donald Trump", "President")])
    b = _placed_people(b, 1, "Trump")
    b = _with(b, F(b, 1, "rejected", "reject", subject="Trump"))
    actors = {p.actor for p in build_positions([a, b])}
    assert not any("Melania" in actor for actor in actors), actors
    assert "Donald Trump (President)" in actors


def test_a_passive_stance_verb_is_not_its_subjects_stance():
    a = report("a1", ["The union was urged by the minister to return to talks.",
                      "The union rejected the offer."],
               [C(0, subject="The union", predicate="urge"),
                C(1, subject="The union", predicate="reject")])
    a = _with(a, F(a, 0, "urged", "urge", subject="The union"),
              F(a, 1, "rejected", "reject", subject="The union"))
    assert _rows(build_positions([a])) == [("Union", "rejects", "offer")]


def test_a_person_keeps_the_suffix_and_two_people_stay_two():
    a = report("a1", ["Donald Trump Jr. accepted the meeting.",
                      "Senators Ana Ruiz and Tom Quill urged both sides to return to talks."],
               [C(0, subject="Donald Trump Jr.", predicate="accept"),
                C(1, subject="Senators Ana Ruiz and Tom Quill", predicate="urge")])
    a = _placed_people(a, 0, "Donald Trump Jr.")
    a = _placed_people(a, 1, "Ana Ruiz", "Tom Quill")
    a = _with(a, F(a, 0, "accepted", "accept", subject="Donald Trump Jr."),
              F(a, 1, "urged", "urge", subject="Senators Ana Ruiz and Tom Quill"))
    actors = [p.actor for p in build_positions([a])]
    assert actors == ["Donald Trump Jr.", "Senators Ana Ruiz and Tom Quill"]
