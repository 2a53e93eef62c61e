"""Source cards: concrete, corroborated reporting ranks above vague, stale or anonymous."""

from __future__ import annotations

from test_verdicts import C, E, Q, R, T, quote, report

from newscheck.model import ClaimGroup
from newscheck.settings import VerdictSettings
from newscheck.sources import score_sources
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
    assert cards["a1"].score > cards["a3"].score + 0.2


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
    assert any("specifics per 100 words" in r for r in cards["a3"].reasons)
    assert any("stated by other reports" in r for r in cards["a1"].reasons)
