"""Adding reports to the store and keeping their stories cross-checked (``newscheck ingest``).

A *report* is one URL, or one input when the report has no URL (a file path, made
absolute). Each text it has had is a *version*, keyed by the content hash of its cleaned
text: reading the same text again changes nothing (``unchanged``), a changed text under
the same URL is the report's next version (``new version``), never a second report. The
same text read from another input is the report already stored, too.

An ingest runs three steps, each leaving the store in a state the next ingest resumes
from (a killed ingest loses nothing it had stored, and leaves nothing half-written):

1. each new or changed report is cleaned and extracted, then stored in one transaction
   with its article and its extraction (:mod:`.cache`);
2. reports in no story yet are assigned (:mod:`.assign`), a story per transaction, with
   the followed stories they show to be one event merged into the oldest of them;
3. every story whose reports changed (stale) is cross-checked again with
   :func:`newscheck.pipeline.build_story`, from the stored extractions, and its report is
   stored as the story's next version (:mod:`.diff` compares two of them).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import TextIO

import numpy as np

from .. import pipeline
from ..context import Context
from ..ingest import clean
from ..model import (
    Analysis,
    Article,
    Document,
    Ingested,
    IngestResult,
    Report,
    Skipped,
    Story,
    StoryUpdate,
)
from ..render.common import count
from ..report import to_dict, utc_now
from ..store.follow import Following, Member
from . import cache
from .assign import Assignment, StoryIndex, assign

# An input naming a part of a file: ``reports.jsonl:3`` or ``feed.xml#2``.
_PART = re.compile(r"^(?P<path>.+?)(?P<part>[:#]\d+)?$")


def report_identity(article: Article) -> str:
    """What makes two texts versions of one report: its URL, else its input (a local path
    made absolute, so that the same file read from another folder is the same report)."""
    if article.url:
        return article.url
    m = _PART.match(article.input)
    if m and os.path.exists(m["path"]):
        return os.path.abspath(m["path"]) + (m["part"] or "")
    return article.input


def report_id(identity: str) -> str:
    """The id of a followed report: ``"r"`` and 12 hex digits of a hash of its identity."""
    return "r" + hashlib.sha256(identity.encode()).hexdigest()[:12]


def content_hash(article: Article) -> str:
    """The version key of a report's text: a hash of the cleaned text alone (not the URL),
    with Unicode and whitespace normalised as for article ids."""
    return clean.article_id(article.text)


def report_date(article: Article, today: dt.date) -> str:
    """A report's date for story windows: published, else the day it was ingested."""
    return (article.published or today).isoformat()


class Extractions:
    """The extractions of followed reports, read from the store or made (and stored) when
    missing.

    Args:
        ctx: The parser, the embedder and the settings.
        store: Where the extractions are kept.
        skipped: Where a report that cannot be extracted is recorded with its reason.
    """

    def __init__(self, ctx: Context, store: Following, skipped: list[Skipped]) -> None:
        self.ctx, self.store, self.skipped = ctx, store, skipped
        self.fingerprint = cache.fingerprint(ctx.settings)

    def extract(self, articles: Sequence[Article]) -> list[Analysis]:
        """Analyse articles (in batches); an article another language stands alone, with no
        extraction. A failure is recorded in ``skipped`` and the article left out."""
        ours, other = pipeline.split_by_language(articles, self.ctx.settings.models)
        out: list[Analysis] = [Analysis(article=a) for a in other]
        out.extend(pipeline.extract_by_language(ours, self.ctx, self.skipped))
        return out

    def analyses(self, members: Sequence[Member]) -> dict[str, Analysis]:
        """The analyses of these reports' current versions, by article id."""
        ids = [m.article for m in members]
        stored = self.store.get_extractions(ids, self.fingerprint)
        articles = self.store.get_articles(ids)
        out = {aid: cache.load(articles[aid], *stored[aid]) for aid in stored if aid in articles}
        missing = [articles[aid] for aid in ids if aid not in out and aid in articles]
        for analysis in self.extract(missing):
            self.remember(analysis)
            out[analysis.article.id] = analysis
        return out

    def remember(self, analysis: Analysis) -> None:
        """Store (or replace) an article's extraction, e.g. with all its sentence vectors."""
        article = dataclasses.replace(analysis.article, copy_of=None)
        self.store.put_extraction(article.id, self.fingerprint,
                                  *cache.dump(dataclasses.replace(analysis, article=article)))


def ingest(
    inputs: Sequence[str],
    ctx: Context,
    store: Following,
    *,
    stdin: TextIO | None = None,
    client=None,
) -> IngestResult:
    """Read inputs and add their reports to the store; cross-check the stories that changed.

    Args:
        inputs: Files, folders, globs, ``-``, URLs or feeds (as ``newscheck analyze``).
        ctx: The models and settings.
        store: The store that follows reports and stories.
        stdin: Stream read for ``-``.
        client: An ``httpx.Client`` for URLs (tests inject a mock transport).

    Returns:
        Each report read and what became of it, the inputs skipped with their reasons, and
        each story cross-checked again.
    """
    docs, skipped = pipeline.read_inputs(inputs, ctx, stdin=stdin, client=client)
    return ingest_documents(docs, ctx, store, skipped)


def ingest_documents(
    docs: Sequence[Document],
    ctx: Context,
    store: Following,
    skipped: Iterable[Skipped] = (),
    *,
    index: StoryIndex | None = None,
) -> IngestResult:
    """:func:`ingest` for documents already read.

    ``index`` is the story index a long-running caller keeps between ingests
    (:class:`.assign.StoryIndex`); None builds one for this ingest.
    """
    articles, dropped = pipeline.clean_documents(docs, ctx)
    skipped = [*skipped, *dropped]
    extractions = Extractions(ctx, store, skipped)
    today = dt.datetime.now(dt.timezone.utc).date()
    ingested, causes = _store_versions(articles, extractions, today)
    story_of: dict[str, str] = {}
    into: dict[str, str] = {}
    for assignment in _assign_pending(ctx, store, extractions, today, index):
        causes[assignment.story].append(count(len(assignment.reports), "report") + " added")
        story_of.update((m.report, assignment.story) for m in assignment.reports)
        for merged in assignment.merged:
            into[merged] = assignment.story
            causes[assignment.story].extend(causes.pop(merged, []))
    ingested = [dataclasses.replace(i, story=story_of.get(i.report) or into.get(i.story)
                                    or i.story) for i in ingested]
    stale = store.stale_stories()
    updates = []
    for n, story_id in enumerate(stale, start=1):
        cause = ", ".join(causes.get(story_id) or ["reports changed"])
        updates.append(rebuild(story_id, ctx, store, extractions, cause=cause))
        ctx.report("cross-check", n, len(stale))
    return IngestResult(ingested=tuple(ingested), skipped=tuple(skipped),
                        updates=tuple(updates))


def _store_versions(
    articles: Sequence[Article], extractions: Extractions, today: dt.date
) -> tuple[list[Ingested], dict[str, list[str]]]:
    """Step 1: each article's report, stored as a new version when its text is new.

    Returns what became of each article, and per story the changes to its reports.
    """
    store = extractions.store
    done: dict[str, Ingested] = {}
    fresh: list[tuple[Article, str, str]] = []
    for a in articles:
        identity = report_identity(a)
        rid = report_id(identity)
        latest = store.latest_version(rid)
        held = store.report_of_article(a.id) if latest is None else None
        if latest is not None and latest[1] == content_hash(a):
            done[a.id] = _ingested(a, rid, latest[0], "unchanged", latest[2])
        elif held is not None:
            done[a.id] = _ingested(a, held[0], held[1], "unchanged", held[2])
        else:
            fresh.append((a, rid, identity))
    causes: dict[str, list[str]] = defaultdict(list)
    changed: Counter = Counter()
    now = utc_now()
    keys = {a.id: (rid, identity) for a, rid, identity in fresh}
    for analysis in extractions.extract([a for a, _, _ in fresh]):
        a = analysis.article
        rid, identity = keys[a.id]
        version, outcome = store.add_version(
            report_id=rid, identity=identity, article=a, content_hash=content_hash(a),
            date=report_date(a, today), now=now,
            extraction=(extractions.fingerprint, *cache.dump(analysis)),
        )
        story = (store.latest_version(rid) or (0, "", None))[2]
        done[a.id] = _ingested(a, rid, version, outcome, story)
        if outcome == "new version" and story is not None:
            changed[story] += 1
    for story, n in changed.items():
        causes[story].append(count(n, "report") + " updated")
    return [done[a.id] for a in articles if a.id in done], causes


def _ingested(a: Article, rid: str, version: int, outcome, story: str | None) -> Ingested:
    return Ingested(input=a.input, report=rid, article=a.id, version=version, outcome=outcome,
                    title=a.title, story=story)


def _assign_pending(ctx: Context, store: Following, extractions: Extractions,
                    today: dt.date, index: StoryIndex | None) -> list[Assignment]:
    """Step 2: every report in no story yet (this ingest's, or one a killed ingest left)
    put in its story, one transaction per story."""
    pending = store.unassigned()
    if not pending:
        return []
    found = extractions.analyses(pending)
    placed = [(m, found[m.article]) for m in pending if m.article in found]
    assignments = assign(placed, store, ctx.settings, clusterer=ctx.clusterer,
                         analyses_of=extractions.analyses, today=today, index=index)
    now = utc_now()
    for a in assignments:
        title = None
        if a.opens:
            first = found[a.reports[0].article].article
            title = first.title or first.id
        store.assign(a.story, a.reports, title=title, now=now, merged=a.merged)
    return assignments


def rebuild(story_id: str, ctx: Context, store: Following, extractions: Extractions, *,
            cause: str) -> StoryUpdate:
    """Step 3: cross-check a story again from its reports' stored extractions and store
    its report as the story's next version (the stories merged into it since its last
    version are named in ``cause`` and in the update)."""
    done = store.get_story(story_id).version
    merged = tuple(store.merged_stories(story_id, done, done + 1))
    if merged:
        cause = f"{cause}; merged from {', '.join(merged)}"
    members = store.members(story_id)
    found = extractions.analyses(members)
    analyses = [found[m.article] for m in members if m.article in found]
    if not analyses:
        return StoryUpdate(story=story_id, version=0, title=story_id, cause=cause,
                           error="none of its reports could be analysed", merged_from=merged)
    story, articles = cross_check(story_id, analyses, ctx, extractions)
    report = Report(generated_at=utc_now(), articles=tuple(articles), skipped=(),
                    stories=(story,))
    vectors = [a.vector for a in analyses if a.vector is not None]
    centre = None
    if vectors:
        mean = np.mean(np.vstack(vectors), axis=0)
        centre = (mean / (np.linalg.norm(mean) or 1.0)).astype(np.float32).tobytes()
    version = store.put_story_version(
        story_id, report=json.dumps(to_dict(report), ensure_ascii=False), cause=cause,
        title=story.title, vector=centre, articles=[a.id for a in articles], now=utc_now(),
    )
    return StoryUpdate(story=story_id, version=version, title=story.title, cause=cause,
                       error=story.error, merged_from=merged)


def cross_check(story_id: str, analyses: Sequence[Analysis], ctx: Context,
                extractions: Extractions) -> tuple[Story, list[Article]]:
    """The story of these reports, as ``analyze`` builds it, and its articles (copies marked).

    The sentence vectors embedded here are stored with the extraction, so the next
    rebuild of the story embeds only its new reports.
    """
    s = ctx.settings
    analyses, copy_of = pipeline.mark_copies(analyses, s)
    articles = [a.article for a in analyses]
    analysable, _ = pipeline.split_by_language(articles, s.models)
    if not analysable:
        return pipeline.standalone_story(story_id, articles[0], s.models), articles
    story, completed = pipeline.cross_check_story(story_id, analyses, copy_of, ctx)
    for before, after in zip(analyses, completed):
        if after is not before:
            extractions.remember(after)
    return story, articles
