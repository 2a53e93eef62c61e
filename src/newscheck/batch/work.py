"""The two tasks of a batch, the same whichever engine runs them.

- :func:`analyze_chunk` (the map half): read one chunk of the corpus, clean it, analyse
  each report (:func:`newscheck.extract.stage.analyze_articles`: parse, quotes, claims,
  lead embeddings), keep the analyses in the spill and return what the driver keeps of
  each (its block keys), the records skipped with their reasons, and a report for each
  report in a language the extraction does not read (it stands alone, as in ``analyze``,
  but is not checked for copies: copies are found within a block).
- :func:`cross_check_block` (the per-story half): read one block's analyses back, find
  the copies among them, group them into stories (:func:`newscheck.stories.group_stories`,
  the one decider of "one story?") and cross-check each story
  (:func:`newscheck.pipeline.build_story`), one :class:`~newscheck.model.Report` per story.

Both are plain functions of their input and the settings: a task run in another process,
or run twice, gives the same result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import pipeline, stories
from ..context import Context
from ..extract.stage import stage_failure
from ..model import Analysis, Article, Report, Skipped, Story
from ..report import utc_now
from ..settings import Settings
from .blocking import BlockIndex, Entry, Member, block_keys
from .source import Chunk, read_chunk
from .spill import Spill

INDEX_FILE = "blocks.sqlite"


@dataclass(frozen=True, slots=True)
class Workspace:
    """What every task needs: the settings and the folder of the spill and the index."""

    settings: Settings
    folder: str

    @property
    def spill(self) -> Spill:
        return Spill(Path(self.folder))

    @property
    def index_path(self) -> Path:
        return Path(self.folder) / INDEX_FILE


@dataclass(frozen=True, slots=True, kw_only=True)
class ChunkResult:
    """What the map half returns to the driver for one chunk."""

    chunk: int
    entries: tuple[Entry, ...]
    skipped: tuple[Skipped, ...]
    standalone: tuple[Report, ...]
    """One report per report in a language the extraction does not read (a story alone)."""


def analyze_chunk(chunk: Chunk, ctx: Context, spill: Spill) -> ChunkResult:
    """Read, clean and analyse one chunk; its analyses go to ``spill``."""
    s = ctx.settings
    try:
        read = read_chunk(chunk, s.ingest)
    except Exception as exc:  # noqa: BLE001 - one chunk never sinks the run
        where = f"{chunk.path}#{chunk.first}"
        spill.write(chunk.index, [])
        return ChunkResult(chunk=chunk.index, entries=(), standalone=(),
                           skipped=(Skipped(input=where, reason=stage_failure("read", exc)),))
    skipped = [r for r in read if isinstance(r, Skipped)]
    docs = [r for r in read if not isinstance(r, Skipped)]
    articles, dropped = pipeline.clean_documents(docs, ctx)
    skipped.extend(dropped)
    ours, other = pipeline.split_by_language(articles, s.models)
    analyses = pipeline.extract_by_language(ours, ctx, skipped) if ours else []
    spill.write(chunk.index, analyses)
    entries = tuple(
        Entry(id=a.article.id, input=a.article.input, keys=block_keys(a, s.stories, s.batch))
        for a in analyses
    )
    standalone = tuple(
        _report([a], [pipeline.standalone_story(stories.story_id([a.id]), a, s.models)])
        for a in other
    )
    return ChunkResult(chunk=chunk.index, entries=entries, skipped=tuple(skipped),
                       standalone=standalone)


def cross_check_block(members: Sequence[Member], ctx: Context, spill: Spill) -> list[Report]:
    """The story reports of one block, in the order :func:`stories.group_stories` gives."""
    s = ctx.settings
    analyses = spill.read(members)
    analyses, copy_of = pipeline.mark_copies(analyses, s)
    by_id = {a.article.id: a for a in analyses}
    try:
        groups = stories.group_stories(analyses, s.stories, clusterer=ctx.clusterer)
    except Exception as exc:  # noqa: BLE001 - one block never sinks the run
        reason = stage_failure("stories", exc)
        return [
            _report([a.article], [pipeline.failed_story(stories.story_id([aid]), [a], reason)])
            for aid, a in by_id.items()
        ]
    reports = []
    for ids in groups:
        group = [by_id[i] for i in ids]
        reports.append(_report([a.article for a in group], [_story(ids, group, copy_of, ctx)]))
    return reports


def _story(ids: Sequence[str], group: list[Analysis], copy_of: dict[str, str],
           ctx: Context) -> Story:
    """One story cross-checked, or reported with the embedding step's error."""
    return pipeline.cross_check_story(stories.story_id(ids), group, copy_of, ctx)[0]


def _report(articles: Sequence[Article], built: Sequence[Story]) -> Report:
    return Report(generated_at=utc_now(), articles=tuple(articles), skipped=(),
                  stories=tuple(built))


def skipped_report(skipped: Sequence[Skipped]) -> Report:
    """A report of no story listing the records a chunk could not analyse."""
    return Report(generated_at=utc_now(), articles=(), skipped=tuple(skipped), stories=())


def open_index(work: Workspace, *, readonly: bool = False) -> BlockIndex:
    """The block index of the run in ``work``."""
    return BlockIndex(work.index_path, work.settings.batch, readonly=readonly)
