"""End to end on examples/: the planted findings of docs/examples.md are found.

One pipeline run (real models) shared by every test in this module.
"""

from __future__ import annotations

import json
import re

import jsonschema
import pytest
from conftest import EXAMPLES

pytestmark = pytest.mark.slow

STORY_A = {
    "meridian_wire.txt", "northshore_ledger.txt", "caldera_herald.html",
    "coastline_business_journal.html", "calderanow24.txt", "feed_export.jsonl#1",
    "westport_star.txt",
}
STORY_B = {"valley_courier.txt", "ridgeline_times.md", "feed_export.jsonl#2"}

DEBRIS = [
    "(Reporting by Lena Orsk; Editing by Paul Vance)",
    "All rights reserved",
    "HomeNewsRegionBusinessOpinionSportsObituaries",
    "By News Desk",
    "Share it",
    "(Photo: Meridian Press Service)",
    "RELATED:",
    "Leave a reply",
    "Next story",
    "Sign up for our newsletter",
    "Subscribe from 1 crown a week",
    "Share on Facebook",
    "Email this story",
    "About the author",
    "Join the discussion",
    "Leave a comment",
    "You have 3 free articles remaining",
    "Listen to this article",
    "Gift this article",
    "Cookie settings",
    "Related story |",
    "Comments (12)",
    "You might also like",
    "Print this article",
    "Text size A A A",
    "Back to top",
    "Valley Courier » News",
    "Share this: Facebook",
    "Like this: Like Loading",
    "Previous post",
    "Got a news tip?",
    "Follow us on social media",
    "Image: Ridgeline Times/Ola Berg",
]


@pytest.fixture(scope="module")
def run(ctx):
    from newscheck.pipeline import analyze
    from newscheck.report import to_dict

    report = analyze([str(EXAMPLES)], ctx=ctx)
    return report, to_dict(report)


def _name(input_: str) -> str:
    return input_.rsplit("/", 1)[-1]


def _ids(data, names):
    by_name = {_name(a["input"]): a["id"] for a in data["articles"]}
    return {by_name[n] for n in names}


def _story_of(data, name):
    aid = _ids(data, [name]).pop()
    return next(s for s in data["stories"] if aid in s["articles"])


def test_every_input_is_accounted_for(run):
    _, data = run
    names = {_name(a["input"]) for a in data["articles"]} | {_name(s["input"]) for s in data["skipped"]}
    assert names == STORY_A | STORY_B
    assert data["skipped"] == []


def test_output_validates_against_the_contract(run):
    from newscheck.report import json_schema

    jsonschema.validate(json.loads(json.dumps(run[1])), json_schema())


def test_reports_are_grouped_into_the_two_events(run):
    _, data = run
    groups = [set(s["articles"]) for s in data["stories"]]
    assert _ids(data, STORY_A) in groups
    assert _ids(data, STORY_B) in groups
    assert len(groups) == 2


def test_the_syndicated_copy_is_found_and_counted_once(run):
    _, data = run
    by_name = {_name(a["input"]): a for a in data["articles"]}
    assert by_name["northshore_ledger.txt"]["copy_of"] == by_name["meridian_wire.txt"]["id"]
    assert [a for a in data["articles"] if a["copy_of"]] == [by_name["northshore_ledger.txt"]]
    copy, original = by_name["northshore_ledger.txt"]["id"], by_name["meridian_wire.txt"]["id"]
    for story in data["stories"]:
        for claim in story["claims"]:
            arts = {e["article"] for e in claim["evidence"]}
            if arts == {copy, original}:
                assert claim["independent_sources"] == 1
                assert claim["status"] != "corroborated"


def test_metadata_comes_from_headers_html_and_jsonl(run):
    _, data = run
    by_name = {_name(a["input"]): a for a in data["articles"]}
    assert by_name["caldera_herald.html"]["outlet"] == "Caldera Herald"
    assert by_name["caldera_herald.html"]["published"] == "2026-03-13"
    assert by_name["meridian_wire.txt"]["outlet"] == "Meridian Press Service"
    assert by_name["feed_export.jsonl#1"]["published"] == "2026-03-15"
    assert by_name["westport_star.txt"]["published"] is None
    assert by_name["westport_star.txt"]["title"] == "Dockers vote down 4% offer as Caldera port stays shut"


def test_page_debris_never_reaches_the_text(run):
    report, _ = run
    for article in report.articles:
        for debris in DEBRIS:
            assert debris not in article.text, (article.input, debris)


def test_evidence_is_copied_from_the_cleaned_text(run):
    report, data = run
    texts = {a.id: a.text for a in report.articles}
    for story in data["stories"]:
        items = [e for c in story["claims"] for e in c["evidence"]]
        items += [e for x in story["conflicts"] for s in x["sides"] for e in s["evidence"]]
        items += [e for t in story["timeline"] for e in t["evidence"]]
        items += [e for p in story["positions"] for e in p["evidence"]]
        assert items
        for e in items:
            assert e["sentence"] in texts[e["article"]]
            assert texts[e["article"]][e["start"] : e["end"]] == e["sentence"]


def test_conflicts_are_well_formed(run):
    _, data = run
    for story in data["stories"]:
        in_conflicts = {c for x in story["conflicts"] for c in x.get("claims", [])}
        for claim in story["claims"]:
            if claim["status"] == "contested":
                assert claim["id"] in in_conflicts
        for x in story["conflicts"]:
            seen = [e["article"] for s in x["sides"] for e in {(e["article"]): e for e in s["evidence"]}.values()]
            assert len(seen) == len(set(seen)), x


def _side_text(side):
    return (side["value"] + " " + " ".join(e["sentence"] for e in side["evidence"])).lower()


def _find_conflict(story, *patterns):
    """The conflict whose sides between them match every pattern (one side each)."""
    for x in story["conflicts"]:
        sides = [_side_text(s) for s in x["sides"]]
        if all(any(re.search(p, s) for s in sides) for p in patterns):
            return x
    return None


def test_planted_disagreements_are_conflicts(run):
    _, data = run
    a = _story_of(data, "meridian_wire.txt")
    b = _story_of(data, "valley_courier.txt")
    assert _find_conflict(a, r"3,000", r"more than 5,000"), "number of strikers"
    assert _find_conflict(a, r"three weeks|19th day|third week", r"second week"), "duration"
    assert _find_conflict(a, r"on monday", r"two weeks ago"), "date of the memo"
    assert _find_conflict(a, r"former labour minister", r"labour minister henrik dalvo"), "role"
    assert _find_conflict(b, r"four", r"seven"), "number injured"


def test_a_copy_stands_only_beside_its_original(run):
    _, data = run
    copy = _ids(data, ["northshore_ledger.txt"]).pop()
    original = _ids(data, ["meridian_wire.txt"]).pop()
    for story in data["stories"]:
        for x in story["conflicts"]:
            for side in x["sides"]:
                arts = {e["article"] for e in side["evidence"]}
                if copy in arts:
                    assert original in arts, x


def test_corroborated_claims_count_independent_reports(run):
    _, data = run
    a = _story_of(data, "meridian_wire.txt")
    corroborated = [c for c in a["claims"] if c["status"] == "corroborated"]
    assert len(corroborated) >= 3
    offer = [c for c in corroborated if re.search(r"4(%| per ?cent)", " ".join(e["sentence"] for e in c["evidence"]))]
    assert offer and max(c["independent_sources"] for c in offer) >= 3


def test_named_quotes_are_attributed(run):
    _, data = run
    a = _story_of(data, "meridian_wire.txt")
    keller = [q for q in a["quotes"] if q["speaker"] == "Maria Keller"]
    assert len({q["article"] for q in keller}) >= 3
    assert any("spokeswoman" in (q["role"] or "") for q in keller)
    brandt = [q for q in a["quotes"] if q["speaker"] == "Tomas Brandt"]
    assert len({q["article"] for q in brandt}) >= 2
    vague = _ids(data, ["calderanow24.txt"]).pop()
    assert any(q["anonymous"] for q in a["quotes"] if q["article"] == vague)
    assert not any(q["anonymous"] and q["speaker"] == "Maria Keller" for q in a["quotes"])


def test_the_vague_stale_report_ranks_lowest(run):
    _, data = run
    a = _story_of(data, "meridian_wire.txt")
    vague = _ids(data, ["calderanow24.txt"]).pop()
    cards = {c["article"]: c for c in a["sources"]}
    assert set(cards) == set(a["articles"])
    assert min(cards.values(), key=lambda c: c["score"])["article"] == vague
    assert {"stale-role", "vague"} & set(cards[vague]["flags"])


def test_every_brief_sentence_cites_articles_of_its_story(run):
    _, data = run
    for story in data["stories"]:
        assert story["brief"]
        for b in story["brief"]:
            assert b["cites"] and set(b["cites"]) <= set(story["articles"])


def test_same_input_gives_the_same_json(run, ctx):
    from newscheck.pipeline import analyze
    from newscheck.report import to_dict

    again = to_dict(analyze([str(EXAMPLES)], ctx=ctx))
    first = dict(run[1])
    first.pop("generated_at"), again.pop("generated_at")
    assert json.dumps(first) == json.dumps(again)
