"""The one loop that runs the stages.

    ingest/ (read → clean → copies) → extract/ (sentences, quotes, claims, frames, lead
      embeddings) → stories → per story of two or more reports: the other sentences'
      embeddings → per story: align → verdicts/ → compose/ (sources, brief, timeline,
      positions) → Report

Each stage lives in the package or module named after it (docs/architecture.md draws
them); this module only wires them, and the parts that can be swapped by name (embedder,
clusterer, judges, store) come from :mod:`newscheck.registry` through the
:class:`~newscheck.context.Context`.
:func:`analyze` is the library entry point (the CLI and the HTTP API call it);
:func:`build_story` is the per-story step a server or a Ray job can call on its own.

The work falls into two phases around the one corpus-wide step, story grouping:

1. per batch of articles, :func:`newscheck.extract.stage.analyze_articles`: parse, quotes,
   claims and the embedding of each report's lead (its story vector);
2. :func:`newscheck.stories.group_stories` over all analyses; then per story,
   :func:`newscheck.extract.stage.complete_embeddings` for the reports of stories of two or more
   (alignment compares their sentences) and :func:`build_story`.

A Ray job maps phase 1 over batches (``map_batches``), groups the analyses on the driver,
then maps the embedding completion and ``build_story`` over the stories. Here phase 2
embeds the sentences of several stories in one call (``COMPLETE_CHUNK``) before building
them, so the embedder's calls stay full and only a window of full sentence vectors is held
at a time. Most sentences of a report alone in its story are never embedded: its claims
are single-source whatever their vectors say.

One report never sinks a run: a per-report stage (clean, parse, quotes, claims, embed)
that raises records that report in ``skipped`` as ``"<stage> failed: <Type>: <message>"``
and the others go on; a story whose cross-check raises is reported with its articles,
title and ``error``. Only ``Exception`` is caught: an interrupt still stops the run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

import numpy as np

from . import align, entities, lexicon, stories, verdicts
from .compose import brief, positions, sources, timeline
from .context import Context
from .engines.judges import EventScorer, Judges
from .engines.pairs import PairJudge
from .errors import InputError
from .extract import nlp
from .extract import stage as extract
from .extract.stage import stage_failure
from .ingest import clean, copies
from .ingest import read as ingest
from .model import Analysis, Article, Document, Report, Skipped, Story
from .report import utc_now
from .settings import ModelSettings, Settings

# Sentences to embed before the stories holding them are built: enough to keep the
# embedder's length-sorted calls full, few enough to hold little memory.
COMPLETE_CHUNK = 512


def read_inputs(
    inputs: Sequence[str], ctx: Context, *, stdin: TextIO | None = None, client=None
) -> tuple[list[Document], list[Skipped]]:
    """Ingest every input: documents to analyse, and the inputs skipped with a reason."""
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for item in ingest.iter_documents(
        inputs, ctx.settings.ingest, stdin=stdin, client=client
    ):
        (skipped if isinstance(item, Skipped) else docs).append(item)
        ctx.report("read", len(docs) + len(skipped), 0)
    return docs, skipped


def clean_documents(
    docs: Sequence[Document], ctx: Context
) -> tuple[list[Article], list[Skipped]]:
    """Clean documents into articles, in input order, with content ids (:func:`clean.article_id`).

    A document whose cleaned text and URL are those of an earlier one is the same report
    given twice: it is skipped with a reason naming the first.
    """
    s = ctx.settings
    furniture = clean.find_furniture(docs, s.clean)
    articles: list[Article] = []
    skipped: list[Skipped] = []
    seen: dict[str, str] = {}
    for doc in docs:
        try:
            article = clean.to_article(doc, None, s.clean, furniture)
        except InputError as exc:
            skipped.append(Skipped(input=doc.input, reason=str(exc)))
            continue
        except Exception as exc:  # noqa: BLE001 - one report never sinks the batch
            skipped.append(Skipped(input=doc.input, reason=stage_failure("clean", exc)))
            continue
        # words, or characters for scripts written without spaces (issue 8)
        too_short = clean.too_short(article, s.ingest)
        if too_short:
            skipped.append(Skipped(input=doc.input, reason=too_short))
            continue
        if article.id in seen:
            skipped.append(
                Skipped(input=doc.input, reason=f"the same report as {seen[article.id]}")
            )
            continue
        seen[article.id] = doc.input
        articles.append(article)
    return articles, skipped


def story_title(analyses: Sequence[Analysis]) -> str:
    """The headline of the original report closest to the story's centre."""
    originals = [a for a in analyses if a.article.copy_of is None] or list(analyses)
    vectors = [a.vector for a in originals if a.vector is not None]
    best = originals[0]
    if len(vectors) == len(originals) and len(originals) > 1:
        m = np.vstack(vectors)
        centre = m.mean(axis=0)
        best = originals[int(np.argmax(m @ centre))]
    if best.article.title:
        return best.article.title
    titled = [a for a in originals if a.article.title]
    if titled:
        return titled[0].article.title  # type: ignore[return-value]
    return best.sentences[0].text if best.sentences else best.article.id


def build_story(
    story_id: str,
    analyses: Sequence[Analysis],
    copy_of: Mapping[str, str],
    settings: Settings,
    judges: Judges | None = None,
    events: EventScorer | None = None,
) -> Story:
    """Cross-check the reports of one story.

    ``judges`` are the trained judges the verdicts and the brief ask (``Context.judges``)
    and ``events`` the same-event judge over claims; without them the rules and the pair
    judge decide alone.

    A step that raises does not sink the run: the story comes back with its articles, its
    title and ``error`` naming the step and the error, and nothing else.
    """
    stage = "title"
    try:
        title = story_title(analyses)
        stage = "align"
        groups = align.align_claims(analyses, copy_of, settings.align)
        stage = "verdicts"
        # the judges' own pair judge when they have one: one cheap judge per run
        pairs = judges.pairs if judges is not None and judges.pairs else PairJudge(settings.pairs)
        # who is who in the story: read by the verdicts and by positions, resolved once
        people = entities.resolve(analyses)
        claims, conflicts, possible = verdicts.judge_story(
            analyses, groups, copy_of, settings.verdicts, pairs=pairs, judges=judges,
            events=events, people=people,
        )
        stage = "sources"
        cards = sources.score_sources(
            analyses, claims, conflicts, copy_of, settings=settings.sources
        )
        stage = "brief"
        return Story(
            id=story_id,
            title=title,
            articles=tuple(a.article.id for a in analyses),
            claims=tuple(claims),
            conflicts=tuple(conflicts),
            possible_differences=tuple(possible),
            quotes=tuple(q for a in analyses for q in a.quotes),
            timeline=tuple(
                timeline.build_timeline(analyses, claims, conflicts, settings.timeline)
            ),
            sources=tuple(cards),
            positions=tuple(positions.build_positions(analyses, settings.positions, people)),
            brief=tuple(brief.build_brief(
                analyses, claims, conflicts, settings.brief, pairs=pairs, judges=judges,
                verdicts=settings.verdicts,
            )),
        )
    except Exception as exc:  # noqa: BLE001 - one story never sinks the run
        return failed_story(story_id, analyses, stage_failure(stage, exc))


def mark_copies(analyses: Sequence[Analysis], settings: Settings
                ) -> tuple[list[Analysis], dict[str, str]]:
    """The analyses with each report's ``copy_of`` set among them, and that mapping."""
    copy_of = copies.find_copies([a.article for a in analyses], settings.copies)
    marked = [
        dataclasses.replace(a, article=dataclasses.replace(a.article, copy_of=copy_of.get(a.article.id)))
        for a in analyses
    ]
    return marked, copy_of


def cross_check_story(
    story_id: str, analyses: Sequence[Analysis], copy_of: Mapping[str, str], ctx: Context
) -> tuple[Story, list[Analysis]]:
    """One story cross-checked on its own (a batch block, a followed story): its other
    sentences embedded when it holds two reports or more, then :func:`build_story`.

    Returns:
        The story (with the embedding step's error when that step raised) and the
        analyses it read, their sentence vectors completed.
    """
    analyses = list(analyses)
    if len(analyses) > 1:
        try:
            analyses = extract.complete_embeddings(analyses, ctx)
        except Exception as exc:  # noqa: BLE001 - one story never sinks the run
            return failed_story(story_id, analyses, stage_failure("embed", exc)), analyses
    events = EventScorer(ctx.event_judge, ctx.embedder, ctx.settings.judges)
    return build_story(story_id, analyses, copy_of, ctx.settings, ctx.judges, events), analyses


def failed_story(story_id: str, analyses: Sequence[Analysis], error: str) -> Story:
    """A story that could not be cross-checked: its reports, a title and the error."""
    try:
        title = story_title(analyses)
    except Exception:  # noqa: BLE001 - the error being reported may be the title's own
        title = next(
            (a.article.title for a in analyses if a.article.title), analyses[0].article.id
        )
    return Story(
        id=story_id, title=title, articles=tuple(a.article.id for a in analyses), error=error
    )


def analyze_documents(
    docs: Sequence[Document], ctx: Context, skipped: Iterable[Skipped] = ()
) -> Report:
    """Run every stage after ingest over already-read documents."""
    s = ctx.settings
    articles, dropped = clean_documents(docs, ctx)
    skipped = [*skipped, *dropped]
    copy_of = copies.find_copies(articles, s.copies)
    articles = [dataclasses.replace(a, copy_of=copy_of.get(a.id)) for a in articles]
    every_article, (articles, other_language) = articles, split_by_language(articles, s.models)

    # a report a stage fails on is recorded in ``skipped``; the batch goes on
    analyses = extract_by_language(articles, ctx, skipped)
    if len(analyses) < len(articles):
        articles, analyses, copy_of = _without_failed(articles, analyses, copy_of)

    by_id = {a.article.id: a for a in analyses}
    clusterer = ctx.clusterer
    groups = stories.group_stories(analyses, s.stories, clusterer=clusterer) if analyses else []
    built: list[Story] = []
    for window in _windows(groups, by_id):
        # One embedding call for the window's stories that have reports to align.
        multi = [by_id[i] for ids in window if len(ids) > 1 for i in ids]
        try:
            done = {a.article.id: a for a in extract.complete_embeddings(multi, ctx)}
        except Exception:  # noqa: BLE001 - retried per story below, where it is reported
            done = None
        for ids in window:
            n = len(built) + 1
            members = [by_id[i] for i in ids]
            if done is not None:
                members = [done.get(i) or by_id[i] for i in ids]
            elif len(ids) > 1:
                try:
                    members = extract.complete_embeddings(members, ctx)
                except Exception as exc:  # noqa: BLE001 - one story never sinks the run
                    built.append(
                        failed_story(stories.story_id(ids), members, stage_failure("embed", exc))
                    )
                    ctx.report("cross-check", n, len(groups))
                    continue
            events = EventScorer(ctx.event_judge, ctx.embedder, s.judges)
            built.append(
                build_story(stories.story_id(ids), members, copy_of, s, ctx.judges, events)
            )
            ctx.report("cross-check", n, len(groups))
    # Reports in other languages stand alone, after the cross-checked stories (issue 8).
    for article in other_language:
        built.append(standalone_story(stories.story_id([article.id]), article, s.models))
    kept = {a.id for a in articles} | {a.id for a in other_language}
    articles = [a for a in every_article if a.id in kept]
    return Report(
        generated_at=utc_now(),
        articles=tuple(articles),
        skipped=tuple(skipped),
        stories=tuple(built),
    )


def _without_failed(
    articles: Sequence[Article], analyses: Sequence[Analysis], copy_of: Mapping[str, str]
) -> tuple[list[Article], list[Analysis], dict[str, str]]:
    """Drop the articles whose analysis failed (they are in ``skipped``).

    A copy of a dropped original must not point at it: the first surviving copy becomes
    the original and the other copies point at that one, so copies still count once.
    """
    kept = {a.article.id for a in analyses}
    heir: dict[str, str] = {}
    new_copy_of: dict[str, str] = {}
    for a in articles:
        if a.id not in kept:
            continue
        orig = copy_of.get(a.id)
        if orig is not None and orig not in kept:
            orig = heir.setdefault(orig, a.id)
            if orig == a.id:
                orig = None
        if orig is not None:
            new_copy_of[a.id] = orig
    fixed = {
        a.article.id: dataclasses.replace(a.article, copy_of=new_copy_of.get(a.article.id))
        for a in analyses
    }
    return (
        [fixed[a.id] for a in articles if a.id in kept],
        [dataclasses.replace(a, article=fixed[a.article.id]) for a in analyses],
        new_copy_of,
    )


def _windows(
    groups: Sequence[Sequence[str]], by_id: Mapping[str, Analysis]
) -> Iterable[list[Sequence[str]]]:
    """Consecutive runs of stories holding about ``COMPLETE_CHUNK`` sentences to embed."""
    window: list[Sequence[str]] = []
    waiting = 0
    for ids in groups:
        window.append(ids)
        if len(ids) > 1:
            waiting += sum(len(by_id[i].sentences) for i in ids)
        if waiting >= COMPLETE_CHUNK:
            yield window
            window, waiting = [], 0
    if window:
        yield window


def analyze(
    inputs: Sequence[str] | str,
    settings: Settings | None = None,
    *,
    ctx: Context | None = None,
    stdin: TextIO | None = None,
    client=None,
) -> Report:
    """Analyse reports: files, directories, globs, ``-`` (stdin), URLs or feeds.

    Args:
        inputs: What to read; a single string is one input.
        settings: Settings (defaults when omitted); ignored when ``ctx`` is given.
        ctx: A context whose models are already loaded (servers reuse one).
        stdin: Stream read for the input ``-``.
        client: An ``httpx.Client`` for URLs and feeds (tests inject a mock transport).

    Returns:
        The :class:`~newscheck.model.Report`. Inputs that could not be analysed are in
        ``report.skipped`` with their reason; nothing is dropped silently.
    """
    if isinstance(inputs, str):
        inputs = [inputs]
    ctx = ctx or Context(settings=settings or Settings())
    docs, skipped = read_inputs(inputs, ctx, stdin=stdin, client=client)
    return analyze_documents(docs, ctx, skipped)


# --------------------------------------------------------------------------- language routing
# A report is analysed (claims, quotes, entities, story grouping) when its language is the
# default one or unknown, or when there is a lexicon for it (``lexicon.LANGUAGES``) and an
# installed spaCy pipeline named for it (``[models.parsers]``); each is parsed by its
# language's pipeline. Any other report is kept (read, cleaned, checked for copies) and
# stands alone as a story whose note says what its language lacks.


def missing_for_language(language: str | None, models: ModelSettings) -> str | None:
    """What the analysis of a report in ``language`` lacks, or None when it can run.

    Raises:
        SettingsError: ``models.parsers`` names the default language (see
            :func:`newscheck.extract.nlp.parser_name`).
    """
    parser = nlp.parser_name(models, language)  # first: a wrong table fails every run
    if language is None or language == lexicon.DEFAULT:
        return None
    if language not in lexicon.LANGUAGES:
        return f"a lexicon for it (there is one for: {', '.join(sorted(lexicon.LANGUAGES))})"
    if parser is None:
        return f'a spaCy pipeline named for it in the settings ([models.parsers] {language} = "...")'
    if not nlp.installed(parser):
        return f"its spaCy pipeline '{parser}', which is not installed (python -m spacy download {parser})"
    return None


def split_by_language(
    articles: Sequence[Article], models: ModelSettings | None = None
) -> tuple[list[Article], list[Article]]:
    """The articles that can be analysed (:func:`missing_for_language`), and the rest.

    Args:
        articles: Cleaned articles, with their detected language.
        models: The parsers the run names (the packaged settings when None).
    """
    models = models or ModelSettings()
    analysable = {a.language: missing_for_language(a.language, models) is None for a in articles}
    ours = [a for a in articles if analysable[a.language]]
    other = [a for a in articles if not analysable[a.language]]
    return ours, other


def extract_by_language(
    articles: Sequence[Article], ctx: Context, skipped: list[Skipped] | None = None
) -> list[Analysis]:
    """Analyse ``articles`` in batches, each parsed by its language's pipeline; order kept.

    Args:
        articles: Articles :func:`split_by_language` found analysable.
        ctx: The run's context; reports in a language with a parser of its own are
            parsed through a copy of it holding that parser (the other parts shared).
        skipped: Where a report a stage fails on is recorded (see
            :func:`newscheck.extract.stage.analyze_articles`).
    """
    s = ctx.settings
    by_parser: dict[str, list[Article]] = {}
    for a in articles:
        parser = nlp.parser_name(s.models, a.language)
        if parser is None:
            raise ValueError(f"no parser is named for language {a.language!r}: "
                             "split_by_language leaves its reports out")
        by_parser.setdefault(parser, []).append(a)
    batch = max(1, s.models.batch_size)
    analyses: list[Analysis] = []
    done = 0
    for parser, group in by_parser.items():
        run = ctx.with_parser(parser)
        for i in range(0, len(group), batch):
            analyses.extend(extract.analyze_articles(group[i : i + batch], run, skipped=skipped))
            done += len(group[i : i + batch])
            ctx.report("extract", done, len(articles))
    order = {a.id: k for k, a in enumerate(articles)}
    return sorted(analyses, key=lambda a: order[a.article.id])


def standalone_story(story_id: str, article: Article, models: ModelSettings | None = None) -> Story:
    """A story of one report that cannot be analysed, with a note saying what it lacks.

    Args:
        story_id: Its id (:func:`newscheck.stories.story_id`).
        article: The report.
        models: The parsers the run names (the packaged settings when None).
    """
    body = article.text[article.body_start :].strip()
    title = article.title or (body.split("\n", 1)[0][:120] if body else article.id)
    lacking = missing_for_language(article.language, models or ModelSettings())
    return Story(
        id=story_id,
        title=title,
        articles=(article.id,),
        note=(
            f"report in language '{article.language}': read, cleaned and checked for copies "
            f"only; claims, quotes, conflicts and story grouping need {lacking}"
        ),
    )
