"""What changed between two versions of a story, on hand-made reports."""

from __future__ import annotations

import datetime as dt

from newscheck.follow.diff import SCHEMA, diff_reports, to_dict
from newscheck.model import Article, Conflict, Evidence, Report, Side, Story, StoryClaim


def art(n: int, *, url: str | None = None, text: str = "") -> Article:
    return Article(id=f"a{n}", input=f"in/{n}.txt", text=text, title=f"Report {n}",
                   outlet=f"Outlet {n}", url=url or f"https://example.org/{n}",
                   published=dt.date(2026, 3, n))


def ev(n: int, sentence: str) -> Evidence:
    return Evidence(article=f"a{n}", sentence=sentence)


def claim(cid: str, text: str, status: str, *evidence: Evidence) -> StoryClaim:
    return StoryClaim(id=cid, text=text, status=status,
                      independent_sources=len({e.article for e in evidence}),
                      evidence=evidence)


def report(articles, claims=(), conflicts=()) -> Report:
    story = Story(id="s1", title="Ferry strike", articles=tuple(a.id for a in articles),
                  claims=tuple(claims), conflicts=tuple(conflicts))
    return Report(generated_at="2026-03-05T10:00:00Z", articles=tuple(articles), skipped=(),
                  stories=(story,))


PAY = "The union rejected a 4% pay offer."
SHUT = "The port has been shut for 19 days."
COST = "The strike costs exporters 12 million a day."
STRIKERS = "The union said 3,000 workers are on strike."

OLD = report(
    [art(1), art(2)],
    claims=[
        claim("c1", PAY, "single_source", ev(1, PAY)),
        claim("c2", SHUT, "single_source", ev(2, SHUT)),
        claim("c3", STRIKERS, "single_source", ev(1, STRIKERS)),
    ],
    conflicts=[Conflict(id="x1", topic="days shut", kind="quantity", note="",
                        sides=(Side(value="19", evidence=(ev(2, SHUT),)),
                               Side(value="18", evidence=(ev(1, "Shut for 18 days."),))))],
)
NEW = report(
    # report 2 is corrected (same URL, new id); report 3 is new
    [art(1), art(22, url="https://example.org/2"), art(3)],
    claims=[
        # ids are given afresh: c1 here is the old c2, now backed by two reports
        claim("c1", SHUT, "corroborated", ev(22, SHUT), ev(3, "The port is shut, day 19.")),
        claim("c2", "Dockers turned down the 4% offer.", "contested",
              ev(1, PAY), ev(3, "Dockers turned down the 4% offer.")),
        claim("c3", COST, "single_source", ev(3, COST)),
        claim("c4", STRIKERS, "single_source", ev(1, STRIKERS)),
    ],
    conflicts=[
        # the old conflict again (same kind, a shared piece of evidence), under a new id
        Conflict(id="x1", topic="how long the port is shut", kind="quantity", note="",
                 sides=(Side(value="19", evidence=(ev(22, SHUT),)),
                        Side(value="18", evidence=(ev(1, "Shut for 18 days."),)))),
        Conflict(id="x2", topic="how many strike", kind="quantity", note="",
                 sides=(Side(value="3,000", evidence=(ev(1, STRIKERS),)),
                        Side(value="2,400", evidence=(ev(3, "Some 2,400 are out."),)))),
    ],
)


def test_diff_names_new_claims_changed_statuses_new_conflicts_and_sources():
    d = diff_reports(OLD, NEW, since=1, version=2)
    assert [c.claim.text for c in d.new_claims] == [COST]
    assert [(c.claim.text, c.was) for c in d.now_corroborated] == [(SHUT, "single_source")]
    assert [(c.claim.id, c.was) for c in d.now_contested] == [("c2", "single_source")]
    assert [x.id for x in d.new_conflicts] == ["x2"]
    assert [s.article.id for s in d.sources_added] == ["a3"]
    assert [(s.article.id, s.replaces) for s in d.sources_updated] == [("a22", "a2")]
    assert not d.empty


def test_a_version_against_itself_changes_nothing():
    d = diff_reports(NEW, NEW, since=2, version=2)
    assert d.empty
    assert (d.new_claims, d.new_conflicts, d.sources_added) == ((), (), ())


def test_the_first_version_is_all_new():
    d = diff_reports(None, OLD, since=None, version=1)
    assert len(d.new_claims) == 3 and len(d.new_conflicts) == 1
    assert [s.article.id for s in d.sources_added] == ["a1", "a2"]


def test_json_keeps_the_contract_shapes():
    data = to_dict(diff_reports(OLD, NEW, since=1, version=2))
    assert data["schema"] == SCHEMA
    assert (data["story"], data["since"], data["version"]) == ("s1", 1, 2)
    assert data["now_corroborated"][0] == {
        "id": "c1", "text": SHUT, "status": "corroborated", "independent_sources": 2,
        "evidence": [{"article": "a22", "sentence": SHUT},
                     {"article": "a3", "sentence": "The port is shut, day 19."}],
        "was": "single_source",
    }
    assert "was" not in data["new_claims"][0]
    assert data["new_conflicts"][0]["sides"][1]["value"] == "2,400"
    assert data["sources_updated"][0]["replaces"] == "a2"
    assert data["sources_added"][0]["url"] == "https://example.org/3"
