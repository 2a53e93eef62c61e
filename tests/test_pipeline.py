"""One report never sinks a batch: a failing stage skips that report, a failing story is
reported with its error, and the other reports are analysed as usual."""

from __future__ import annotations

import dataclasses
import json
import re

import jsonschema
import numpy as np
import pytest

from newscheck import verdicts as verdicts_module
from newscheck.context import Context
from newscheck.extract import claims as claims_module
from newscheck.extract.stage import analyze_articles, stage_failure
from newscheck.model import Analysis, Article, Document
from newscheck.pipeline import _without_failed, analyze_documents, build_story
from newscheck.render import html, markdown, terminal
from newscheck.report import json_schema, to_json

FERRY = (
    "A passenger ferry ran aground off the northern coast on Tuesday evening, the coast "
    "guard said. All 112 passengers were taken off safely by lifeboats within three hours. "
    "The operator said the vessel had lost power in heavy seas and drifted onto a sandbank. "
    "An inquiry will begin next week, the transport ministry said."
)
LIBRARY = (
    "The city council voted on Wednesday to keep the central library open on Sundays. "
    "The motion passed by 31 votes to 12 after a petition gathered 8,000 signatures. "
    "Opening on Sundays will cost about 240,000 euros a year, officials said. "
    "Staff unions welcomed the decision but asked for extra hires."
)
MARKER = "Zebulon"  # an invented name that only the failing report contains
BAD = (
    f"Residents of {MARKER} Street complained about late buses on Monday, the local paper "
    "reported. The bus company blamed roadworks and promised a new timetable by June. "
    "About 40 people attended a meeting at the town hall to discuss the delays. "
    "The council said it would review the contract."
)


def _docs(*texts: str) -> list[Document]:
    return [Document(input=f"r{i}.txt", text=t, format="txt") for i, t in enumerate(texts, 1)]


def _fresh(ctx) -> Context:
    """A context sharing the session's models, so a test can wrap them."""
    c = Context(settings=ctx.settings)
    c._nlp, c._embedder = ctx.nlp, ctx.embedder
    return c


def test_stage_failure_is_one_line_with_stage_type_and_place():
    from newscheck.extract.quantities import vague_interval

    try:
        vague_interval("hundreds", "gazillions")
    except KeyError as exc:
        reason = stage_failure("claims", exc)
    assert reason.startswith("claims failed: KeyError: 'gazillions' (quantities.py:")
    assert reason.endswith(" vague_interval)")
    long = stage_failure("parse", ValueError("bad\ninput " * 200))
    assert "\n" not in long and len(long) < 300
    # near-miss: an error raised outside the package carries no place
    assert stage_failure("embed", RuntimeError("x")) == "embed failed: RuntimeError: x"


@pytest.mark.slow
def test_a_failing_stage_skips_only_that_report(ctx, monkeypatch):
    real = claims_module.extract_claims

    def extract_claims(article, *args, **kwargs):
        if MARKER in article.text:
            raise RuntimeError("boom\nsecond line")
        return real(article, *args, **kwargs)

    monkeypatch.setattr(claims_module, "extract_claims", extract_claims)
    report = analyze_documents(_docs(FERRY, BAD, LIBRARY), _fresh(ctx))
    assert [a.input for a in report.articles] == ["r1.txt", "r3.txt"]
    assert [(s.input, s.reason) for s in report.skipped] == [
        ("r2.txt", "claims failed: RuntimeError: boom second line")
    ]
    kept = {a.id for a in report.articles}
    assert sorted(a for s in report.stories for a in s.articles) == sorted(kept)
    assert all(s.error is None for s in report.stories)
    assert any(s.claims for s in report.stories)


@pytest.mark.slow
def test_strict_callers_still_see_the_error(ctx, monkeypatch):
    def extract_claims(article, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(claims_module, "extract_claims", extract_claims)
    art = Article(id="a1", input="r1.txt", text=FERRY, words=60)
    with pytest.raises(RuntimeError):
        analyze_articles([art], _fresh(ctx))


@pytest.mark.slow
@pytest.mark.slow
def test_ids_come_from_content_and_stay_the_same_between_runs(ctx):
    first = analyze_documents(_docs(FERRY, LIBRARY), _fresh(ctx))
    # other order, other paths, the same reports: the same article and story ids
    docs = [dataclasses.replace(d, input=f"copy/{d.input}") for d in _docs(LIBRARY, FERRY)]
    second = analyze_documents(docs, _fresh(ctx))
    assert {a.id for a in first.articles} == {a.id for a in second.articles}
    assert {s.id for s in first.stories} == {s.id for s in second.stories}
    assert all(re.fullmatch(r"a[0-9a-f]{12}", a.id) for a in first.articles)
    # the same report given twice is one article; the second is skipped, naming the first
    twice = analyze_documents(_docs(FERRY, FERRY), _fresh(ctx))
    assert len(twice.articles) == 1
    assert [(s.input, s.reason) for s in twice.skipped] == [
        ("r2.txt", "the same report as r1.txt")
    ]


def test_keyboard_interrupt_is_not_swallowed(ctx, monkeypatch):
    def extract_claims(article, *args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(claims_module, "extract_claims", extract_claims)
    with pytest.raises(KeyboardInterrupt):
        analyze_documents(_docs(FERRY, LIBRARY), _fresh(ctx))


class _FragileParser:
    """The real parser, except that it fails on the marked text, in a batch or alone."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.calls = 0

    def pipe(self, texts, batch_size=4):
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            if MARKER in doc.text:
                raise ValueError("cannot parse")
            yield doc

    def __call__(self, text):
        self.calls += 1
        if MARKER in text:
            raise ValueError("cannot parse")
        return self.nlp(text)


@pytest.mark.slow
def test_a_failing_batch_parse_falls_back_to_one_report_at_a_time(ctx):
    c = _fresh(ctx)
    c._nlp = _FragileParser(ctx.nlp)
    report = analyze_documents(_docs(FERRY, BAD, LIBRARY), c)
    assert [a.input for a in report.articles] == ["r1.txt", "r3.txt"]
    assert [(s.input, s.reason) for s in report.skipped] == [
        ("r2.txt", "parse failed: ValueError: cannot parse")
    ]
    assert c._nlp.calls == 2  # only the reports after the failure were parsed alone


@pytest.mark.slow
def test_a_story_whose_verdicts_raise_is_reported_with_its_error(ctx, monkeypatch):
    real = verdicts_module.judge_story

    def judge(analyses, *args, **kwargs):
        if len(analyses) > 1:
            raise ZeroDivisionError("division by zero")
        return real(analyses, *args, **kwargs)

    monkeypatch.setattr(verdicts_module, "judge_story", judge)
    # two copies of one report make a story of two, which is cross-checked
    report = analyze_documents(_docs(FERRY, FERRY + " Nobody was hurt.", LIBRARY), _fresh(ctx))
    assert not report.skipped and len(report.articles) == 3
    failed = [s for s in report.stories if s.error]
    assert len(failed) == 1
    story = failed[0]
    assert story.articles == tuple(a.id for a in report.articles[:2]) and story.title
    assert story.error == "verdicts failed: ZeroDivisionError: division by zero"
    assert not story.claims and not story.brief

    data = json.loads(to_json(report))
    jsonschema.validate(data, json_schema())
    errors = [s.get("error") for s in data["stories"]]
    assert errors.count(story.error) == 1 and errors.count(None) == len(errors) - 1
    assert f"Cross-check failed: {story.error}" in html.render_html(report)
    assert f"**Cross-check failed:** {story.error}" in markdown.render_markdown(report)
    text = terminal.render_text(report, width=200)
    assert "cross-check failed: verdicts failed: ZeroDivisionError" in text


def _analysis(aid: str, copy_of: str | None = None) -> Analysis:
    art = Article(id=aid, input=f"{aid}.txt", text="x", copy_of=copy_of)
    return Analysis(article=art, sentences=(), entities=(), quotes=(), claims=(),
                    vector=None, sentence_vectors=np.zeros((0, 4), dtype=np.float32))


def test_copies_of_a_failed_original_point_at_the_first_surviving_copy():
    copy_of = {"a2": "a1", "a3": "a1", "a5": "a4"}
    articles = [_analysis(a, copy_of.get(a)).article for a in ("a1", "a2", "a3", "a4", "a5")]
    analyses = [_analysis(a, copy_of.get(a)) for a in ("a2", "a3", "a4", "a5")]  # a1 failed
    arts, kept, new = _without_failed(articles, analyses, copy_of)
    assert [a.id for a in arts] == ["a2", "a3", "a4", "a5"]
    assert new == {"a3": "a2", "a5": "a4"}
    assert [a.article.copy_of for a in kept] == [None, "a2", None, "a4"]
    assert [a.copy_of for a in arts] == [None, "a2", None, "a4"]


def test_build_story_catches_a_failing_step_and_keeps_the_reports(monkeypatch):
    from newscheck import align as align_module
    from newscheck.settings import Settings

    def align_claims(*args, **kwargs):
        raise IndexError("list index out of range")

    monkeypatch.setattr(align_module, "align_claims", align_claims)
    a = _analysis("a1")
    story = build_story("s1", [a], {}, Settings())
    assert (story.id, story.articles, story.title) == ("s1", ("a1",), "a1")
    assert story.error == "align failed: IndexError: list index out of range"
