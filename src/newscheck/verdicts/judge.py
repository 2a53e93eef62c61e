"""The judge: every claim of a story gets its status, every kept finding becomes a conflict.

One story is read in five steps: the view every rule reads is built once
(:func:`_story_view`); the conflict rules (:data:`~newscheck.verdicts.detectors.DETECTORS`)
list their findings; the findings are settled (a source on one side at most, no finding
twice), weighed and assessed by the judges (:mod:`~newscheck.verdicts.confidence`), the
surest and heaviest kept; the claims are joined into story claims, contested or
corroborated (:mod:`~newscheck.verdicts.corroboration`) or single-source; and the kept
findings become conflicts naming those story claims.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from .. import entities
from ..engines.judges import EventScorer, Judges
from ..engines.pairs import PairJudge
from ..entities import EntityTable
from ..model import (
    Analysis,
    ClaimGroup,
    Conflict,
    Side,
    StoryClaim,
)
from ..settings import VerdictSettings
from . import detectors
from .common import (
    STATUS_RANK,
    Finding,
    Names,
    Ref,
    StoryView,
    evidence,
    index_claims,
    relatedness,
    sentence_similarity,
    settle_sides,
)
from .confidence import Assessment, assess
from .corroboration import SameFact, corroborated_parts, independence
from .frames import frame_links
from .time import dates_its_verb

# A finding with its weight and the story order of its first claim.
_Weighed = tuple[float, int, Finding]
# A story claim before its id, with what orders it: status rank, salience, first claim.
_Draft = tuple[int, float, int, StoryClaim]


def judge(
    analyses: Sequence[Analysis],
    groups: Sequence[ClaimGroup],
    copy_of: Mapping[str, str],
    settings: VerdictSettings,
    *,
    pairs: PairJudge | None = None,
    judges: Judges | None = None,
    events: EventScorer | None = None,
) -> tuple[list[StoryClaim], list[Conflict]]:
    """The story's claims and conflicts (:func:`judge_story` without its possible
    differences)."""
    claims, conflicts, _ = judge_story(
        analyses, groups, copy_of, settings, pairs=pairs, judges=judges, events=events
    )
    return claims, conflicts


def judge_story(
    analyses: Sequence[Analysis],
    groups: Sequence[ClaimGroup],
    copy_of: Mapping[str, str],
    settings: VerdictSettings,
    *,
    pairs: PairJudge | None = None,
    judges: Judges | None = None,
    events: EventScorer | None = None,
    people: EntityTable | None = None,
) -> tuple[list[StoryClaim], list[Conflict], list[Conflict]]:
    """Decide the status of every claim of one story and list its conflicts.

    A claim is corroborated when a claim of another independent report states the same
    fact (:class:`~newscheck.verdicts.corroboration.SameFact`), not merely when alignment
    put the two side by side.

    Args:
        analyses: The story's reports.
        groups: Aligned claims (from :func:`newscheck.align.align_claims`).
        copy_of: Copy article id -> original id; a copy and its original count as one
            independent source.
        settings: Tolerances and limits (see the package docstring).
        pairs: The pair judge (the packaged one when omitted): decides "same fact" when
            ``judges`` has no fact judge.
        judges: The trained judges with their thresholds (:class:`newscheck.engines.judges.Judges`).
        events: The same-event judge over claims (:class:`newscheck.engines.judges.EventScorer`).
        people: The story's entities (:func:`newscheck.entities.resolve`), when the caller
            has them already; resolved here when omitted.

    Returns:
        The story's claims (ids ``c1``... ordered by status, salience, position), its
        conflicts (ids ``x1``... surest first, then heaviest, at most ``max_conflicts``) and
        its possible differences (ids ``p1``...: findings the judges set aside, each with
        its reason in ``doubt``; see :mod:`~newscheck.verdicts.confidence`).
    """
    view = _story_view(analyses, groups, copy_of, settings, events, people)
    settled = _settle(_findings(view), view)
    assessed = assess([f for _, _, f in settled], view.refs, view.similarity, view.source,
                      judges, events, settings.date_tolerance_days)
    kept, doubtful = _rank(settled, assessed, settings)
    contested_ids = {c for (_, _, f), _ in kept for side in f.sides for c in side}
    story_claims = _story_claims(view, contested_ids, pairs or PairJudge(), judges)
    story_id = {m: c.id for c in story_claims for m in c.members}
    conflicts = [
        _conflict(f, f"x{n}", weight, view.refs, confidence=a.confidence,
                  claims=tuple(dict.fromkeys(
                      story_id[c] for side in f.sides for c in side if c in story_id)))
        for n, ((weight, _, f), a) in enumerate(kept, start=1)
    ]
    possible = [
        _conflict(f, f"p{n}", weight, view.refs, confidence=a.confidence, doubt=a.reason)
        for n, ((weight, _, f), a) in enumerate(doubtful, start=1)
    ]
    return story_claims, conflicts, possible


# --------------------------------------------------------------------------- the view


def _story_view(
    analyses: Sequence[Analysis],
    groups: Sequence[ClaimGroup],
    copy_of: Mapping[str, str],
    settings: VerdictSettings,
    events: EventScorer | None,
    people: EntityTable | None = None,
) -> StoryView:
    """What every conflict rule reads of the story, built once."""
    refs = index_claims(analyses)
    group_of = {c: g for g, group in enumerate(groups) for c in group.claims}
    view = StoryView(
        analyses=analyses,
        groups=groups,
        copy_of=copy_of,
        settings=settings,
        refs=refs,
        claims=tuple(refs.values()),
        names=Names(people if people is not None else entities.resolve(analyses)),
        related=relatedness(analyses, groups, refs, settings.related_similarity),
        similarity=sentence_similarity(analyses),
        in_group=lambda a, b: group_of.get(a.claim.id, -1) == group_of.get(b.claim.id, -2),
        same_event=lambda a, b: False,
    )
    if events is None or not events.active:
        return view
    # the same-event judge reads the claims that date something: their verbs decide which
    # of them date one event, whatever their words
    dated = [r for r in view.claims if not (r.claim.hedged or r.claim.negated)
             and any(dates_its_verb(r, t, settings.near_verb_words) for t in r.claim.times)]
    events.prepare([(r.claim, r.analysis) for r in dated])
    return dataclasses.replace(view, same_event=lambda a, b: (
        view.source(a.article) != view.source(b.article) and events.same(a.claim, b.claim)
    ))


def _findings(view: StoryView) -> list[Finding]:
    """Every rule's findings: the per-group rules group by group, then the story-wide ones."""
    found: list[Finding] = []
    for group in view.groups:
        members = tuple(view.refs[c] for c in group.claims if c in view.refs)
        if len({m.article for m in members}) < 2:
            continue
        in_group = dataclasses.replace(view, claims=members)
        for detector in detectors.DETECTORS:
            if detector.per_group:
                found.extend(detector.find(in_group))
    for detector in detectors.DETECTORS:
        if not detector.per_group:
            found.extend(detector.find(view))
    return found


# --------------------------------------------------------------------------- ranking


def _settle(findings: Sequence[Finding], view: StoryView) -> list[_Weighed]:
    """The findings with a source on one side at most, each once (a finding over the same
    claims as an earlier one of its kind, or over fewer of them, says nothing new), with
    their weights."""
    settled: list[_Weighed] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    for f in findings:
        s = settle_sides(f, view.refs, view.source)
        if s is None:
            continue
        key = (_family(s.kind), frozenset(c for side in s.sides for c in side))
        if key in seen:
            continue
        seen.add(key)
        first = min(view.refs[c].order for side in s.sides for c in side)
        settled.append((_weight(s, view), first, s))
    claim_sets = [(_family(f.kind), frozenset(c for side in f.sides for c in side))
                  for _, _, f in settled]
    return [
        t
        for t, (kind, ids) in zip(settled, claim_sets)
        if not any(k == kind and ids < other for k, other in claim_sets)
    ]


def _family(kind: str) -> str:
    """Dates and times of one event are one kind of finding (a side dated in one finding
    may be undated in another)."""
    return "time" if kind == "date" else kind


def _weight(finding: Finding, view: StoryView) -> float:
    """``base(kind) * (0.5 + prominence) * (1 + per_source * (sources - 2))``: prominence
    is the best of the finding's claims, sources the independent reports on all its sides."""
    s = view.settings
    ids = [cid for side in finding.sides for cid in side]
    prominence = max(view.refs[c].prominence() for c in ids)
    sources = len({view.source(view.refs[c].article) for c in ids})
    base = getattr(s, f"{finding.kind}_weight")
    return round(base * (0.5 + prominence) * (1 + s.weight_per_source * (sources - 2)), 4)


def _rank(
    settled: Sequence[_Weighed], assessed: Sequence[Assessment], settings: VerdictSettings
) -> tuple[list[tuple[_Weighed, Assessment]], list[tuple[_Weighed, Assessment]]]:
    """The conflicts kept (surest, then heaviest, then first told, at most
    ``max_conflicts``) and the possible differences (heaviest first, as many at most)."""
    doubtful = [(t, a) for t, a in zip(settled, assessed) if a.possible]
    sure = [(t, a) for t, a in zip(settled, assessed) if not a.possible]
    sure.sort(key=lambda ta: (-round(ta[1].confidence, 1), -ta[0][0], ta[0][1], ta[0][2].topic))
    doubtful.sort(key=lambda ta: (-ta[0][0], ta[0][1], ta[0][2].topic))
    return sure[: settings.max_conflicts], doubtful[: settings.max_conflicts]


def _conflict(f: Finding, cid: str, weight: float, refs: Mapping[str, Ref], **fields) -> Conflict:
    """A finding as the report shows it: each side's value with its sentences."""
    return Conflict(
        id=cid,
        topic=f.topic,
        kind=f.kind,
        sides=tuple(
            Side(value=v, evidence=evidence(side, refs)) for v, side in zip(f.values, f.sides)
        ),
        note=f.note,
        weight=weight,
        **fields,
    )


# --------------------------------------------------------------------------- story claims


def _story_claims(
    view: StoryView, contested_ids: set[str], pairs: PairJudge, judges: Judges | None
) -> list[StoryClaim]:
    """The story's claims, ids ``c1``... in order of status, salience and position.

    The claims of one aligned group that stand in kept conflicts make one contested claim
    (the same thing told with different values); then claims of different reports that
    state the same fact make one corroborated claim; the others stand on their own.
    """
    disputed = _disputed(view, contested_ids)
    grouped = {m.claim.id for part in disputed for m in part}
    linked = frame_links(view)
    same = SameFact(view.refs, view.similarity, pairs, view.settings, linked, judges)
    parts = corroborated_parts(
        [r for r in view.refs.values() if r.claim.id not in grouped], same, view.similarity,
        view.source, view.settings.corroboration_similarity, view.settings.containment, linked,
    )
    drafts = [_joined(part, contested_ids, view) for part in disputed + parts]
    grouped.update(m.claim.id for part in parts for m in part)
    singles: list[_Draft] = []
    for ref in view.refs.values():
        if ref.claim.id in grouped or not _worth_listing(ref, contested_ids, view.settings):
            continue
        (drafts if ref.claim.id in contested_ids else singles).append(
            _alone(ref, contested_ids, view.refs))
    singles.sort(key=lambda t: (-t[1], t[2]))
    drafts.extend(singles[: view.settings.max_single_source])
    drafts.sort(key=lambda t: (t[0], -t[1], t[2]))
    return [dataclasses.replace(d, id=f"c{n}") for n, (_, _, _, d) in enumerate(drafts, start=1)]


def _disputed(view: StoryView, contested_ids: set[str]) -> list[list[Ref]]:
    """Per aligned group, its claims in kept conflicts, when two sources give them."""
    disputed = [
        [view.refs[c] for c in group.claims if c in contested_ids and c in view.refs]
        for group in view.groups
    ]
    return [sorted(p, key=lambda r: r.order) for p in disputed
            if len({view.source(r.article) for r in p}) >= 2]


def _joined(part: Sequence[Ref], contested_ids: set[str], view: StoryView) -> _Draft:
    """Claims of several reports as one story claim: contested when one of them stands in a
    kept conflict, else corroborated; told in the words of its most salient member."""
    contested = any(m.claim.id in contested_ids for m in part)
    status = "contested" if contested else "corroborated"
    independent, basis = len({view.source(m.article) for m in part}), None
    if not contested:
        independent, basis = independence(part, view.source, view.settings.shared_wording_words)
    head = max(part, key=lambda r: (r.claim.salience, -r.order))
    salience = max(m.claim.salience for m in part)
    return (
        STATUS_RANK[status],
        salience,
        part[0].order,
        StoryClaim(
            id="",
            text=head.claim.text,
            status=status,
            independent_sources=independent,
            evidence=evidence((m.claim.id for m in part), view.refs),
            members=tuple(m.claim.id for m in part),
            salience=salience,
            basis=basis,
        ),
    )


def _worth_listing(ref: Ref, contested_ids: set[str], settings: VerdictSettings) -> bool:
    """Whether a claim of one report is listed: contested, checkable (a number, time,
    entity, role or place) or salient enough."""
    c = ref.claim
    checkable = bool(c.quantities or c.times or c.entities or c.roles or c.places)
    return c.id in contested_ids or checkable or c.salience >= settings.min_single_source_salience


def _alone(ref: Ref, contested_ids: set[str], refs: Mapping[str, Ref]) -> _Draft:
    """A claim of one report as a story claim: contested, or single-source."""
    c = ref.claim
    status = "contested" if c.id in contested_ids else "single_source"
    return (
        STATUS_RANK[status],
        c.salience,
        ref.order,
        StoryClaim(
            id="",
            text=c.text,
            status=status,
            independent_sources=1,
            evidence=evidence([c.id], refs),
            members=(c.id,),
            salience=c.salience,
        ),
    )
