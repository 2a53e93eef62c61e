"""Source cards: concrete, corroborated reporting ranks above vague, stale or anonymous;
original (single-source) reporting is not a fault; the score states what moved it."""

from __future__ import annotations

import dataclasses
import re

from builders import C, E, Q, R, T, quote, report

from newscheck.compose.sources import score_sources
from newscheck.model import ClaimGroup, Evidence, StoryClaim
from newscheck.settings import RANGES, SourceSettings, VerdictSettings
from newscheck.verdicts import judge

WORKERS = Q("300 workers", 300, noun="worker")
PORT = E("Harbor Port Authority")


def _concrete(aid):
    return report(
        aid,
        ["About 300 workers walked out on Monday, the Harbor Port Authority said.",
         "Port authority director Mary Jones said talks would resume on Friday."],
        [C(0, predicate="walk", quantities=(WORKERS,), times=(T("on Monday"),),
           entities=(PORT,), salience=0.9),
         C(1, predicate="resume", roles=(R("Mary Jones", "port authority director"),),
           times=(T("on Friday"),), salience=0.6)],
        quotes=[quote("Talks resume Friday", "Mary Jones"),
                quote("We want a fair deal", "Ana Ruiz")],
    )


def _story(extra):
    a, b = _concrete("a1"), _concrete("a2")
    analyses = [a, b, extra]
    groups = [ClaimGroup(claims=("a1.c1", "a2.c1", "a3.c1")),
              ClaimGroup(claims=("a1.c2", "a2.c2", "a3.c2"))]
    claims, conflicts = judge(analyses, groups, {}, VerdictSettings())
    return {c.article: c for c in score_sources(analyses, claims, conflicts, {})}


def test_vague_anonymous_stale_report_ranks_below_concrete_ones():
    vague = report(
        "a3",
        ["Many workers may have walked out, sources said.",
         "John Smith, the port authority director, reportedly said talks could resume.",
         "Things are said to be tense.", "Observers expect more to come.",
         "It remains unclear what happens next."],
        [C(0, predicate="walk", hedged=True, salience=0.5),
         C(1, predicate="resume", roles=(R("John Smith", "port authority director"),),
           hedged=True, salience=0.4)],
        quotes=[quote("It is chaos", "a senior official", anonymous=True),
                quote("Nobody knows", "one source", anonymous=True)],
    )
    cards = _story(vague)
    assert cards["a3"].score < min(cards["a1"].score, cards["a2"].score)
    assert {"stale-role", "anonymous-sources", "vague", "hedged", "contradicted"} <= set(
        cards["a3"].flags
    )
    assert cards["a3"].anonymous_quotes == 2 and cards["a3"].named_quotes == 0
    for aid in ("a1", "a2"):
        assert "stale-role" not in cards[aid].flags and "vague" not in cards[aid].flags
        assert cards[aid].named_quotes == 2 and cards[aid].anonymous_quotes == 0
        assert 0.0 <= cards[aid].score <= 1.0


def test_a_third_concrete_report_is_not_flagged_and_copies_are():
    cards = _story(_concrete("a3"))
    assert cards["a1"].flags == () and cards["a3"].flags == ()
    assert cards["a1"].corroborated == 2 and cards["a1"].single_source == 0
    a, b = _concrete("a1"), _concrete("a2")
    groups = [ClaimGroup(claims=("a1.c1", "a2.c1")), ClaimGroup(claims=("a1.c2", "a2.c2"))]
    claims, conflicts = judge([a, b], groups, {"a2": "a1"}, VerdictSettings())
    cards = {c.article: c for c in score_sources([a, b], claims, conflicts, {"a2": "a1"})}
    assert "copy" in cards["a2"].flags and "copy" not in cards["a1"].flags


def test_report_calling_a_former_minister_current_is_stale():
    a = report("a1", ["Former finance minister Ana Ruiz spoke."],
               [C(0, predicate="speak", roles=(R("Ana Ruiz", "finance minister", "former"),))])
    b = report("a2", ["Finance minister Ana Ruiz spoke."],
               [C(0, predicate="speak", roles=(R("Ana Ruiz", "finance minister"),))])
    claims, conflicts = judge([a, b], [], {}, VerdictSettings())
    cards = {c.article: c for c in score_sources([a, b], claims, conflicts, {})}
    assert "stale-role" in cards["a2"].flags and "stale-role" not in cards["a1"].flags
    assert cards["a2"].score < cards["a1"].score


def test_a_lone_report_calling_a_sitting_minister_former_is_contradicted_not_stale():
    def named(aid, status):
        role = R("Ana Ruiz", "finance minister", status)
        text = ("Former finance" if status == "former" else "Finance") + " minister Ana Ruiz spoke."
        return report(aid, [text], [C(0, predicate="speak", roles=(role,))])

    reports = [named("a1", "current"), named("a2", "current"), named("a3", "former")]
    claims, conflicts = judge(reports, [], {}, VerdictSettings())
    cards = {c.article: c for c in score_sources(reports, claims, conflicts, {})}
    assert "contradicted" in cards["a3"].flags and "stale-role" not in cards["a3"].flags
    assert all("stale-role" not in cards[a].flags for a in ("a1", "a2"))


def test_the_lone_report_naming_a_departed_holder_is_stale():
    def director(aid, name):
        return report(aid, [f"Port director {name} spoke."],
                      [C(0, predicate="speak", roles=(R(name, "port director"),))])

    reports = [director("a1", "Tomas Brandt"), director("a2", "Tomas Brandt"),
               director("a3", "Edgar Lindqvist")]
    claims, conflicts = judge(reports, [], {}, VerdictSettings())
    cards = {c.article: c for c in score_sources(reports, claims, conflicts, {})}
    assert "stale-role" in cards["a3"].flags
    assert all("stale-role" not in cards[a].flags for a in ("a1", "a2"))


def test_the_majority_side_of_a_conflict_counts_as_corroboration():
    """Two reports agree on 300 workers, a third says 900: the two are not penalised."""
    odd = report(
        "a3",
        ["About 900 workers walked out on Monday, the Harbor Port Authority said.",
         "Port authority director Mary Jones said talks would resume on Friday."],
        [C(0, predicate="walk", quantities=(Q("900 workers", 900, noun="worker"),),
           times=(T("on Monday"),), entities=(PORT,), salience=0.9),
         C(1, predicate="resume", roles=(R("Mary Jones", "port authority director"),),
           times=(T("on Friday"),), salience=0.6)],
        quotes=[quote("Talks resume Friday", "Mary Jones")],
    )
    cards = _story(odd)
    assert cards["a1"].contested >= 1
    assert "contradicted" in cards["a3"].flags and "contradicted" not in cards["a1"].flags
    # everything a1 says is either corroborated or backed by the majority
    assert cards["a1"].score > cards["a3"].score + 0.1


def test_a_generic_report_gains_nothing_from_resembling_the_others():
    """A padded report that echoes the story's topic in general words is not corroborated
    by it, and ranks below the specific reports, whatever its resemblance."""
    generic = report(
        "a3",
        ["Workers and the port authority remain at odds as the dispute continues.",
         "Talks between the sides are expected to go on in the days ahead.",
         "Observers say the situation at the port remains difficult for everyone.",
         "Many questions remain about what comes next for the harbour and its workers."],
        [C(0, predicate="remain", salience=0.7), C(1, predicate="go", salience=0.6),
         C(2, predicate="say", salience=0.5), C(3, predicate="remain", salience=0.4)],
    )
    cards = _story(generic)
    assert cards["a3"].corroborated == 0
    assert cards["a3"].score < min(cards["a1"].score, cards["a2"].score)
    assert "vague" in cards["a3"].flags
    assert cards["a3"].specifics_per_100_words < cards["a1"].specifics_per_100_words
    # the grounds are given in words
    assert any("per 100 words" in r for r in cards["a3"].reasons)
    assert any("corroborated by other reports" in r for r in cards["a1"].reasons)


# --------------------------------------------------------------------------- the 0-100 scale

_SIGNED = re.compile(r"^([+-]\d+): ")


def _moves(card):
    """The signed points of a card's reasons, in order (None for a neutral line)."""
    return [int(m.group(1)) if (m := _SIGNED.match(r)) else None for r in card.reasons]


def test_original_reporting_does_not_rank_below_echoed_reporting():
    """A report alone on the scene (ten facts no other report has, none contradicted) does
    not rank below two reports that state the same two facts and nothing else."""
    scene = report(
        "a1",
        [f"Crew {n} pumped water from berth {n + 10} at {n} pm." for n in range(1, 11)],
        [C(i, predicate=f"pump{i}", quantities=(Q(f"berth {i + 11}", i + 11, noun=f"berth{i}"),),
           times=(T(f"at {i + 1} pm"),), salience=0.5) for i in range(10)],
    )

    def echo(aid):
        return report(
            aid,
            ["The Harbor Port Authority closed the harbour on Monday.",
             "The Harbor Port Authority reopened the harbour on Tuesday."],
            [C(0, predicate="close", entities=(PORT,), times=(T("on Monday"),), salience=0.9),
             C(1, predicate="reopen", entities=(PORT,), times=(T("on Tuesday"),),
               salience=0.8)],
        )

    analyses = [scene, echo("a2"), echo("a3")]
    groups = [ClaimGroup(claims=("a2.c1", "a3.c1")), ClaimGroup(claims=("a2.c2", "a3.c2"))]
    claims, conflicts = judge(analyses, groups, {}, VerdictSettings())
    cards = {c.article: c for c in score_sources(analyses, claims, conflicts, {})}
    assert cards["a1"].single_source == 10 and cards["a1"].corroborated == 0
    assert cards["a2"].corroborated == 2 and cards["a2"].single_source == 0
    assert cards["a1"].score >= cards["a2"].score
    # nothing took points from it, and its original reporting is stated, for no points
    assert all(p is None or p > 0 for p in _moves(cards["a1"]))
    assert "original reporting: 10 facts no other report has" in cards["a1"].reasons
    assert "contradicted" not in cards["a1"].flags


def test_five_quotes_of_one_official_are_one_named_source():
    def quoting(aid, speakers):
        return report(aid, ["Port director Mary Jones spoke to reporters on Monday."],
                      [C(0, predicate="speak", times=(T("on Monday"),))],
                      quotes=[quote(f"Words {i}", sp) for i, sp in enumerate(speakers)])

    five = quoting("a1", ["Mary Jones", "Jones", "Ms. Jones", "Mary Jones", "Jones"])
    once = quoting("a2", ["Mary Jones"])
    two = quoting("a3", ["Mary Jones", "Ana Ruiz"])
    cards = {c.article: c for c in score_sources([five, once, two], [], [], {})}
    assert cards["a1"].named_quotes == 5 and cards["a1"].named_sources == 1
    assert cards["a1"].score == cards["a2"].score
    assert cards["a3"].named_sources == 2 and cards["a3"].score > cards["a1"].score
    assert "+2: 1 person quoted or cited by name (5 quotes)" in cards["a1"].reasons


def test_anonymous_sources_are_counted_and_described():
    text = ["Talks stalled on Monday, a senior administration official said."]
    claim = [C(0, predicate="stall", times=(T("on Monday"),))]
    veiled = report("a1", text, claim, quotes=[
        quote("We are far apart", "a senior administration official", anonymous=True),
        quote("No deal soon", "the senior administration official", anonymous=True),
        quote("It could collapse", "people familiar with the matter", anonymous=True),
    ])
    plain = report("a2", text, claim)
    # a source the report cites without quoting it counts too
    cited = StoryClaim(id="c1", text=text[0], status="single_source", independent_sources=1,
                       evidence=(Evidence(article="a1", sentence=text[0],
                                          asserter="diplomats briefed on the talks",
                                          asserter_anonymous=True),),
                       members=("a1.c1",))
    cards = {c.article: c for c in score_sources([veiled, plain], [cited], [], {})}
    card = cards["a1"]
    assert card.anonymous_quotes == 3 and card.anonymous_sources == 3
    assert card.anonymous_descriptions == (
        "a senior administration official", "people familiar with the matter",
        "diplomats briefed on the talks",
    )
    assert card.named_sources == 0
    assert "anonymous-sources" in card.flags
    assert card.score == cards["a2"].score - 0.06
    assert ("-6: 3 anonymous sources: 'a senior administration official', "
            "'people familiar with the matter', 'diplomats briefed on the talks'") in card.reasons


def test_a_contested_figure_lowers_the_score_and_is_named():
    def walkout(aid, n):
        return report(
            aid, [f"About {n} workers walked out on Monday, the Harbor Port Authority said."],
            [C(0, predicate="walk", quantities=(Q(f"{n} workers", n, noun="worker"),),
               times=(T("on Monday"),), entities=(PORT,), salience=0.9)],
        )

    def cards_of(odd):
        analyses = [walkout("a1", 300), walkout("a2", 300), walkout("a3", odd)]
        groups = [ClaimGroup(claims=("a1.c1", "a2.c1", "a3.c1"))]
        claims, conflicts = judge(analyses, groups, {}, VerdictSettings())
        return {c.article: c for c in score_sources(analyses, claims, conflicts, {})}

    agreed, disputed = cards_of(300), cards_of(900)
    assert disputed["a3"].score < agreed["a3"].score
    assert disputed["a3"].score < disputed["a1"].score
    first = disputed["a3"].reasons[0]
    assert first.startswith("-12: 1 fact contradicted by more reports")
    assert "'900 workers'" in first and "'300 workers'" in first
    assert not any(r.startswith("-") for r in agreed["a3"].reasons)
    # the weight is a setting
    lenient = SourceSettings(per_contradicted=0.0)
    analyses = [walkout("a1", 300), walkout("a2", 300), walkout("a3", 900)]
    claims, conflicts = judge(analyses, [ClaimGroup(claims=("a1.c1", "a2.c1", "a3.c1"))], {},
                              VerdictSettings())
    soft = score_sources(analyses, claims, conflicts, {}, settings=lenient)[2]
    assert soft.score > disputed["a3"].score


def test_reasons_are_sorted_by_how_much_they_moved_the_score_and_add_up():
    vague = report(
        "a3",
        ["Many workers may have walked out, sources said.",
         "John Smith, the port authority director, reportedly said talks could resume.",
         "Things are said to be tense."],
        [C(0, predicate="walk", hedged=True, salience=0.5),
         C(1, predicate="resume", roles=(R("John Smith", "port authority director"),),
           hedged=True, salience=0.4)],
        quotes=[quote("It is chaos", "a senior official", anonymous=True),
                quote("Nobody knows", "one source", anonymous=True)],
    )
    cards = _story(vague)
    baseline = SourceSettings().baseline
    for card in cards.values():
        moves = _moves(card)
        signed = [m for m in moves if m is not None]
        assert signed, card
        # the moves lead, the largest first; the neutral lines follow
        assert moves[: len(signed)] == signed
        assert [abs(m) for m in signed] == sorted((abs(m) for m in signed), reverse=True)
        assert round(card.score * 100) == baseline + sum(signed)
    assert _moves(cards["a3"])[:2] == [-10, -4]
    assert "out of date on 1 office" in cards["a3"].reasons[0]


def test_every_source_setting_has_a_range():
    for f in dataclasses.fields(SourceSettings):
        assert f"sources.{f.name}" in RANGES, f.name


def test_new_card_fields_round_trip_validate_and_render():
    import json

    import jsonschema

    from newscheck.model import Report, Story
    from newscheck.render import render
    from newscheck.report import from_dict, json_schema, to_dict, to_json

    veiled = report("a1", ["Talks stalled on Monday, an official said."],
                    [C(0, predicate="stall", times=(T("on Monday"),))],
                    quotes=[quote("Far apart", "a senior official", anonymous=True),
                            quote("Deal soon", "Mary Jones"), quote("Soon", "Jones")])
    card = score_sources([veiled], [], [], {})[0]
    art = dataclasses.replace(veiled.article, words=7)
    r = Report(generated_at="2026-11-25T10:00:00Z", articles=(art,), skipped=(),
               stories=(Story(id="s1", title="Talks", articles=("a1",), sources=(card,)),))
    data = json.loads(to_json(r))
    jsonschema.validate(data, json_schema())
    out = data["stories"][0]["sources"][0]
    assert out["named_sources"] == 1 and out["named_quotes"] == 2
    assert out["anonymous_sources"] == 1 and out["anonymous_descriptions"] == ["a senior official"]
    back = from_dict(data, {"a1": art})
    assert back.stories[0].sources[0] == card
    assert to_dict(back) == to_dict(r)
    # a card from a report that predates the people counts still reads, and renders
    for key in ("named_sources", "anonymous_sources", "anonymous_descriptions"):
        del out[key]
    old = from_dict(data, {"a1": art}).stories[0].sources[0]
    assert old.named_sources is None and "named_sources" not in to_dict(
        dataclasses.replace(r, stories=(Story(id="s1", title="Talks", articles=("a1",),
                                              sources=(old,)),)))["stories"][0]["sources"][0]
    for fmt in ("text", "markdown", "html"):
        shown = render(r, fmt)
        assert f"{round(card.score * 100)}/100" in shown, fmt
        assert "1 / 1" in shown and "a senior official" in shown, fmt


def test_a_reason_names_as_many_disputes_as_settings_say():
    from newscheck.compose.sources import _Dispute, _named

    disputes = [
        _Dispute(topic=f"topic {i}", value="a", other="b", others=2, minority=True,
                 stale=False, backed=False)
        for i in range(3)
    ]
    assert _named(disputes, SourceSettings()).endswith("and 1 more")
    one = _named(disputes, SourceSettings(named_disputes=1))
    assert one.startswith("topic 0 (it says 'a'; 2 other reports say 'b')")
    assert one.endswith("and 2 more")
