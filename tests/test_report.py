"""The contract's JSON and the renderers, on a report built by hand."""

import datetime as dt
import json
import re

import jsonschema
import pytest

from newscheck.model import (
    Article,
    BriefSentence,
    Conflict,
    Evidence,
    Position,
    Quote,
    Report,
    Side,
    Skipped,
    SourceCard,
    Story,
    StoryClaim,
    TimelineEvent,
)
from newscheck.render import render
from newscheck.report import json_schema, to_dict, to_json

S1 = "Dockworkers have been on strike for almost three weeks."
S2 = "The strike entered its second week on Monday."
S3 = "The union rejected a 4% wage offer."


def sample_report() -> Report:
    a1 = Article(id="a1", input="x/harbor.txt", text=f"Strike\n\n{S1} {S3}", title="Strike",
                 outlet="Harbor <Daily>", published=dt.date(2026, 3, 14), body_start=8, words=17)
    a2 = Article(id="a2", input="x/coast.html", text=f"{S2} {S3}", outlet=None, words=16)
    a3 = Article(id="a3", input="x/copy.txt", text=f"{S2} {S3}", words=16, copy_of="a2")
    claim = StoryClaim(id="c1", text=S3, status="corroborated", independent_sources=2,
                       evidence=(Evidence(article="a1", sentence=S3), Evidence(article="a2", sentence=S3)))
    contested = StoryClaim(id="c2", text=S1, status="contested", independent_sources=1,
                           evidence=(Evidence(article="a1", sentence=S1),))
    conflict = Conflict(
        id="x1", topic="how long the strike has lasted", kind="quantity",
        sides=(Side(value="almost three weeks", evidence=(Evidence(article="a1", sentence=S1),)),
               Side(value="in its second week", evidence=(Evidence(article="a2", sentence=S2),))),
        note="'almost three weeks' vs 'second week'", claims=("c2",))
    story = Story(
        id="s1", title="Strike", articles=("a1", "a2", "a3"), claims=(claim, contested),
        conflicts=(conflict,),
        quotes=(Quote(article="a1", text="We will | not <go> back", start=0, end=5,
                      speaker="Maria Keller", role="union spokeswoman"),),
        timeline=(TimelineEvent(when="2026-03-09", what="Strike enters second week",
                                evidence=(Evidence(article="a2", sentence=S2),)),),
        sources=(SourceCard(article="a1", score=0.8123, corroborated=1, contested=1,
                            single_source=0, anonymous_quotes=0, named_quotes=1),),
        positions=(Position(actor="union", issue="wage offer", stance="rejects",
                            evidence=(Evidence(article="a1", sentence=S3),)),),
        brief=(BriefSentence(text=S3, cites=("a1", "a2")),),
    )
    return Report(generated_at="2026-11-25T10:00:00Z", articles=(a1, a2, a3),
                  skipped=(Skipped(input="x/scan.pdf", reason="binary file (PDF)"),),
                  stories=(story,))


def test_json_validates_against_the_contract_schema():
    data = json.loads(to_json(sample_report()))
    jsonschema.validate(data, json_schema())
    assert data["schema"] == "newscheck.report/1"
    assert data["articles"][0]["published"] == "2026-03-14"
    assert data["articles"][2]["copy_of"] == "a2"
    assert data["stories"][0]["sources"][0]["score"] == 0.812


def test_schema_rejects_a_conflict_with_one_side():
    data = to_dict(sample_report())
    data["stories"][0]["conflicts"][0]["sides"].pop()
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


def test_json_is_deterministic():
    assert to_json(sample_report()) == to_json(sample_report())


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_renderers_show_conflict_sides_and_their_evidence(fmt):
    out = render(sample_report(), fmt)
    for needle in ("almost three weeks", "in its second week", "how long the strike has lasted",
                   "Maria Keller", "binary file (PDF)"):
        assert needle in out, (fmt, needle)
    # evidence sentences are quoted in full
    assert "entered its second week on Monday" in out


def test_html_is_escaped_and_self_contained():
    out = render(sample_report(), "html")
    assert "Harbor &lt;Daily&gt;" in out and "<Daily>" not in out
    assert "&lt;go&gt;" in out
    assert "<script" not in out and "://" not in out.split("<style>")[0]  # no external asset


def test_unknown_format_is_an_error():
    with pytest.raises(ValueError, match="unknown format"):
        render(sample_report(), "pdf")


def test_evidence_carries_its_asserter_and_round_trips():
    import dataclasses

    from newscheck.report import from_dict

    r = sample_report()
    story = r.stories[0]
    quoted = dataclasses.replace(story.claims[0], evidence=(
        Evidence(article="a1", sentence=S3, asserter="a union official",
                 asserter_anonymous=True),
        Evidence(article="a2", sentence=S3, asserter="Maria Keller"),
    ))
    r = dataclasses.replace(r, stories=(dataclasses.replace(
        story, claims=(quoted, *story.claims[1:])),))
    data = json.loads(to_json(r))
    jsonschema.validate(data, json_schema())
    ev = data["stories"][0]["claims"][0]["evidence"]
    assert ev[0]["asserter"] == "a union official" and ev[0]["asserter_anonymous"] is True
    assert ev[1]["asserter"] == "Maria Keller" and ev[1]["asserter_anonymous"] is False
    # the report's own assertion: no asserter key, so older reports keep their bytes
    assert "asserter" not in data["stories"][0]["claims"][1]["evidence"][0]
    assert to_dict(from_dict(data, {a.id: a for a in r.articles})) == to_dict(r)
    # a null asserter is valid too (the report itself asserts it)
    ev[1]["asserter"] = None
    jsonschema.validate(data, json_schema())


def _with_offsets(r: Report) -> Report:
    """The sample report with offsets on every evidence of its claims (contract 1.4)."""
    import dataclasses

    texts = {a.id: a.text for a in r.articles}

    def placed(e: Evidence) -> Evidence:
        start = texts[e.article].index(e.sentence)
        return dataclasses.replace(e, start=start, end=start + len(e.sentence))

    story = r.stories[0]
    claims = tuple(dataclasses.replace(c, evidence=tuple(placed(e) for e in c.evidence))
                   for c in story.claims)  # fmt: skip
    return dataclasses.replace(r, stories=(dataclasses.replace(story, claims=claims),))


def test_evidence_offsets_are_in_the_contract_and_round_trip():
    from newscheck.report import from_dict

    r = _with_offsets(sample_report())
    data = json.loads(to_json(r))
    jsonschema.validate(data, json_schema())
    texts = {a.id: a.text for a in r.articles}
    for ev in data["stories"][0]["claims"][0]["evidence"]:
        assert list(ev) == ["article", "sentence", "start", "end"]
        assert texts[ev["article"]][ev["start"]:ev["end"]] == ev["sentence"]
    # evidence built without a span has no offset keys
    assert "start" not in data["stories"][0]["timeline"][0]["evidence"][0]
    back = from_dict(data, {a.id: a for a in r.articles})
    assert back.stories[0].claims[0].evidence == r.stories[0].claims[0].evidence
    assert to_dict(back) == to_dict(r)


def test_a_report_written_before_offsets_still_loads_and_keeps_its_bytes():
    from newscheck.report import from_dict

    old = to_dict(sample_report())  # no evidence has offsets: a 1.3 report
    back = from_dict(old)
    assert all(e.start is None and e.end is None for c in back.stories[0].claims for e in c.evidence)
    assert to_dict(back) == old
    # the renderers show no offsets: the same text with or without them
    for fmt in ("text", "markdown", "html"):
        assert render(_with_offsets(sample_report()), fmt) == render(sample_report(), fmt)


def test_schema_rejects_an_offset_without_its_pair_or_below_zero():
    data = to_dict(_with_offsets(sample_report()))
    ev = data["stories"][0]["claims"][0]["evidence"][0]
    del ev["end"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())
    ev["end"], ev["start"] = 3, -1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, json_schema())


# Markup of every kind a report's words could carry into a renderer's output: HTML, a
# Markdown link, Rich markup, terminal escapes (clear screen, set the window title).
HOSTILE = ("<script>alert(1)</script><img src=x onerror=alert(2)> [go](javascript:alert(3)) "
           "[bold]big[/bold] \x1b[2J\x1b]0;owned\x07 | end")  # fmt: skip


def hostile_report() -> Report:
    """The sample report with the hostile text in every field that comes from a report."""
    import dataclasses

    r = sample_report()
    ev = Evidence(article="a1", sentence=f"{HOSTILE} said.")
    story = r.stories[0]
    story = dataclasses.replace(
        story,
        title=HOSTILE,
        claims=tuple(dataclasses.replace(c, text=HOSTILE, evidence=(ev,)) for c in story.claims),
        conflicts=tuple(
            dataclasses.replace(x, topic=HOSTILE, note=HOSTILE, sides=tuple(
                dataclasses.replace(s, value=HOSTILE, evidence=(ev,)) for s in x.sides))
            for x in story.conflicts
        ),
        quotes=(Quote(article="a1", text=HOSTILE, start=0, end=5, speaker=HOSTILE,
                      role=HOSTILE),),
        timeline=(TimelineEvent(when="2026-03-09", what=HOSTILE, evidence=(ev,)),),
        positions=(Position(actor=HOSTILE, issue=HOSTILE, stance=HOSTILE, evidence=(ev,)),),
        brief=(BriefSentence(text=HOSTILE, cites=("a1",)),),
        sources=tuple(dataclasses.replace(c, reasons=(HOSTILE,)) for c in story.sources),
    )
    articles = tuple(dataclasses.replace(a, title=HOSTILE, outlet=f"{HOSTILE} {a.id}",
                                         input=f"x/{HOSTILE}.txt") for a in r.articles)  # fmt: skip
    return dataclasses.replace(r, articles=articles, stories=(story,),
                               skipped=(Skipped(input=HOSTILE, reason=HOSTILE),))  # fmt: skip


def _elements(html_text: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag of an HTML text with its attributes, as a browser's parser sees them."""
    from html.parser import HTMLParser

    found = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, attrs))

    Tags(convert_charrefs=True).feed(html_text)
    return found


def _inert_html(html_text: str, allowed: set[str]) -> None:
    elements = _elements(html_text)
    assert {tag for tag, _ in elements} <= allowed, {tag for tag, _ in elements} - allowed
    assert not [name for _, attrs in elements for name, _ in attrs if name.startswith("on")]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html_text  # shown as words


def test_hostile_text_stays_inert_in_every_renderer():
    from markdown_it import MarkdownIt

    r = hostile_report()
    # JSON: data, the words exactly as given
    data = json.loads(render(r, "json"))
    assert data["stories"][0]["claims"][0]["text"] == HOSTILE
    assert data["articles"][0]["title"] == HOSTILE and "\x1b" not in render(r, "json")
    # HTML: every hostile tag is text, and the page allows no script at all, so opened from
    # disk nothing in it can run
    page = render(r, "html")
    _inert_html(page, {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2",
                       "h3", "main", "section", "p", "span", "table", "tr", "th", "td", "ul",
                       "ol", "li", "blockquote", "details", "summary", "em", "strong", "b",
                       "small", "div", "code", "h4", "meter"})  # fmt: skip
    csp = [dict(attrs) for tag, attrs in _elements(page)
           if tag == "meta" and dict(attrs).get("http-equiv") == "Content-Security-Policy"]  # fmt: skip
    assert len(csp) == 1
    policy = {d.split()[0]: d.split()[1:] for d in csp[0]["content"].split(";") if d.strip()}
    assert policy["default-src"] == ["'none'"] and "script-src" not in policy
    assert page.index("Content-Security-Policy") < page.index("<style>")
    # Markdown, as a Markdown viewer turns it into HTML (links allowed whatever their
    # scheme): no tag, link or image of the report's words
    viewer = MarkdownIt("commonmark").enable("table")
    viewer.validateLink = lambda url: True
    _inert_html(viewer.render(render(r, "markdown")),
                {"h1", "h2", "h3", "h4", "p", "em", "strong", "code", "ul", "li", "blockquote",
                 "table", "thead", "tbody", "tr", "th", "td"})  # fmt: skip
    # Text for a terminal: no escape or bell reaches it, and Rich markup is shown as words
    text = render(r, "text")
    assert "\x1b" not in text and "\x07" not in text
    assert "[bold]big[/bold]" in text and "<script>alert(1)</script>" in text


# A count of one before a plural noun: "1 reports", "in 1 stories", "1 syndicated copies".
ONE_PLURAL = re.compile(
    r"(?<![\d.,])1 (?:more )?(?:single-source )?(?:syndicated )?"
    r"(?:reports|stories|conflicts|claims|inputs|copies|words|sources|analyses)\b"
)


def test_a_count_of_one_takes_the_singular_in_every_renderer():
    import dataclasses

    r = sample_report()
    a1, a2, a3 = r.articles
    a1 = dataclasses.replace(a1, words=1)
    story = r.stories[0]
    claims = (dataclasses.replace(story.claims[0], status="single_source", independent_sources=1),)
    one = dataclasses.replace(r, articles=(a1, a2, a3), stories=(dataclasses.replace(
        story, articles=("a1",), claims=claims),))  # fmt: skip
    for fmt in ("text", "markdown", "html"):
        out = render(one, fmt)
        assert not ONE_PLURAL.findall(out), (fmt, ONE_PLURAL.findall(out))
        assert re.search(r"\b1 report\b", out) and re.search(r"\b1 conflict\b", out), fmt
    # near miss: counts other than one keep the plural
    assert re.search(r"\b3 reports\b", render(r, "markdown"))


def test_a_report_without_outlet_or_title_is_named_by_its_first_sentence_not_its_file():
    import dataclasses

    from newscheck.render.common import display_title, labels

    r = sample_report()
    a1, a2, a3 = r.articles
    long_title = dataclasses.replace(a3, title="Harbour strike talks collapse again as "
                                     "both sides walk out of the mediator's office", copy_of=None)  # fmt: skip
    names = labels(dataclasses.replace(r, articles=(a1, a2, long_title)))
    assert names["a1"] == "Harbor <Daily>"  # the outlet first
    # no outlet, no title: the first sentence, not "coast.html"
    assert names["a2"] == "The strike entered its second week on Monday."
    # a long title or sentence is cut at a word, and says so
    assert names["a3"] == "Harbour strike talks collapse again as both sides walk out…"
    assert len(names["a3"]) <= 60
    assert display_title(dataclasses.replace(a2, text="")) is None
    # the renderers name it so too
    for fmt in ("text", "markdown", "html"):
        out = render(r, fmt)
        assert "coast.html" not in out, fmt
