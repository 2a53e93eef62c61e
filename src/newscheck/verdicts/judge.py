"""The judge: every claim of a story gets its status, every kept finding becomes a conflict."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from .. import entities
from ..engines.judges import EventScorer, Judges
from ..engines.pairs import PairJudge
from ..model import (
    Analysis,
    ClaimGroup,
    Conflict,
    Side,
    StoryClaim,
)
from ..settings import VerdictSettings
from .common import (
    _STATUS_RANK,
    Names,
    _evidence,
    _Finding,
    _index,
    _relatedness,
    _settle_sides,
    _similarity,
    _weight,
)
from .confidence import assess
from .corroboration import SameFact, corroborated_parts, independence
from .life import _life_findings
from .negation import _frame_findings, _negation_findings, frame_links
from .person import _role_findings
from .place import _place_findings
from .quantity import _quantity_findings, _story_quantity_findings
from .rank import _rank_findings
from .time import _dates_its_verb, _story_time_findings, _time_findings


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
) -> tuple[list[StoryClaim], list[Conflict], list[Conflict]]:
    """Decide the status of every claim of one story and list its conflicts.

    A claim is corroborated when a claim of another independent report states the same
    fact (:class:`~newscheck.verdicts.corroboration.SameFact`), not merely when alignment put the two side by side.

    Args:
        analyses: The story's reports.
        groups: Aligned claims (from :func:`newscheck.align.align_claims`).
        copy_of: Copy article id -> original id; a copy and its original count as one
            independent source.
        settings: Tolerances and limits (see the module docstring).
        pairs: The pair judge (the packaged one when omitted): decides "same fact" when
            ``judges`` has no fact judge.
        judges: The trained judges with their thresholds (:class:`newscheck.engines.judges.Judges`).
        events: The same-event judge over claims (:class:`newscheck.engines.judges.EventScorer`).

    Returns:
        The story's claims (ids ``c1``... ordered by status, salience, position), its
        conflicts (ids ``x1``... surest first, then heaviest, at most ``max_conflicts``) and
        its possible differences (ids ``p1``...: findings the judges set aside, each with
        its reason in ``doubt``; see :mod:`~newscheck.verdicts.confidence`).
    """
    refs = _index(analyses)
    resolver = Names(entities.resolve(analyses))
    source = lambda article: copy_of.get(article, article)
    related = _relatedness(analyses, groups, refs, settings.related_similarity)
    similarity = _similarity(analyses)
    group_of = {c: g for g, group in enumerate(groups) for c in group.claims}
    in_group = lambda a, b: group_of.get(a.claim.id, -1) == group_of.get(b.claim.id, -2)

    findings: list[tuple[_Finding, int]] = []
    every = list(refs.values())
    for g, group in enumerate(groups):
        members = [refs[c] for c in group.claims if c in refs]
        if len({m.article for m in members}) < 2:
            continue
        for f in (
            _quantity_findings(members, settings.quantity_tolerance, similarity)
            + _time_findings(members, settings.date_tolerance_days)
            + _negation_findings(members)
            + _place_findings(members)
        ):
            findings.append((f, g))
    # Slot by slot across the story (a claim sits in one group, a sentence may hold a
    # count and a duration); after the groups' findings, which word their topics better.
    for f in _story_quantity_findings(
        every, related, settings.quantity_tolerance, in_group, similarity
    ):
        findings.append((f, -1))
    same_event = lambda a, b: False
    if events is not None and events.active:
        # the same-event judge reads the claims that date something: their verbs decide
        # which of them date one event, whatever their words
        dated = [r for r in every if not (r.claim.hedged or r.claim.negated)
                 and any(_dates_its_verb(r, t) for t in r.claim.times)]
        events.prepare([(r.claim, r.analysis) for r in dated])
        same_event = lambda a, b: (
            source(a.article) != source(b.article) and events.same(a.claim, b.claim)
        )
    for f in _story_time_findings(
        every, related, settings.date_tolerance_days, in_group, same_event
    ):
        findings.append((f, -1))
    for f in _role_findings(every, related, resolver):
        findings.append((f, -1))
    for f in _life_findings(every, settings.date_tolerance_days):
        findings.append((f, -1))
    for f in _frame_findings(analyses, similarity, copy_of, settings, resolver):
        findings.append((f, -1))
    for f in _rank_findings(every, settings, resolver):
        findings.append((f, -1))

    settled: list[tuple[float, int, _Finding]] = []
    seen: set[tuple[str, frozenset[str]]] = set()
    for f, _g in findings:
        s = _settle_sides(f, refs)
        if s is None:
            continue
        key = (s.kind, frozenset(c for side in s.sides for c in side))
        if key in seen:
            continue
        seen.add(key)
        first = min(refs[c].order for side in s.sides for c in side)
        settled.append((_weight(s, refs, copy_of), first, s))
    # A finding inside another of its kind (the same claims, fewer of them) says nothing new.
    claim_sets = [(f.kind, frozenset(c for side in f.sides for c in side)) for _, _, f in settled]
    settled = [
        t
        for t, (kind, ids) in zip(settled, claim_sets)
        if not any(k == kind and ids < other for k, other in claim_sets)
    ]
    assessed = assess([f for _, _, f in settled], refs, similarity, source, judges, events,
                      settings.date_tolerance_days)
    doubtful = [(t, a) for t, a in zip(settled, assessed) if a.possible]
    sure = [(t, a) for t, a in zip(settled, assessed) if not a.possible]
    sure.sort(key=lambda ta: (-round(ta[1].confidence, 1), -ta[0][0], ta[0][1], ta[0][2].topic))
    doubtful.sort(key=lambda ta: (-ta[0][0], ta[0][1], ta[0][2].topic))
    kept = [t for t, _ in sure[: settings.max_conflicts]]
    confidence = {id(t[2]): a.confidence for t, a in sure}
    contested_ids = {c for _, _, f in kept for side in f.sides for c in side}

    # Story claims: the claims of one aligned group that stand in conflicts make one
    # contested claim (the same thing told with different values); then claims of
    # different reports that state the same fact make one claim (corroborated); the
    # others stand on their own.
    linked = frame_links(analyses, similarity, copy_of, settings, resolver)
    same = SameFact(refs, similarity, pairs or PairJudge(), settings, linked, judges)
    grouped: set[str] = set()
    drafts: list[tuple[int, float, int, StoryClaim]] = []
    disputed = [
        [refs[c] for c in group.claims if c in contested_ids and c in refs]
        for group in groups
    ]
    disputed = [sorted(p, key=lambda r: r.order) for p in disputed
                if len({source(r.article) for r in p}) >= 2]
    for part in disputed:
        grouped.update(m.claim.id for m in part)
    parts = corroborated_parts(
        [r for r in refs.values() if r.claim.id not in grouped], same, similarity, source,
        settings.corroboration_similarity, settings.containment, linked,
    )
    if disputed or parts:
        for part in disputed + parts:
            grouped.update(m.claim.id for m in part)
            status = (
                "contested" if any(m.claim.id in contested_ids for m in part) else "corroborated"
            )
            independent, basis = len({source(m.article) for m in part}), None
            if status == "corroborated":
                independent, basis = independence(part, source)
            head = max(part, key=lambda r: (r.claim.salience, -r.order))
            salience = max(m.claim.salience for m in part)
            drafts.append(
                (
                    _STATUS_RANK[status],
                    salience,
                    part[0].order,
                    StoryClaim(
                        id="",
                        text=head.claim.text,
                        status=status,
                        independent_sources=independent,
                        evidence=_evidence((m.claim.id for m in part), refs),
                        members=tuple(m.claim.id for m in part),
                        salience=salience,
                        basis=basis,
                    ),
                )
            )
    singles: list[tuple[int, float, int, StoryClaim]] = []
    for ref in refs.values():
        if ref.claim.id in grouped:
            continue
        c = ref.claim
        contested = c.id in contested_ids
        checkable = bool(c.quantities or c.times or c.entities or c.roles or c.places)
        if not contested and not checkable and c.salience < settings.min_single_source_salience:
            continue
        status = "contested" if contested else "single_source"
        entry = (
            _STATUS_RANK[status],
            c.salience,
            ref.order,
            StoryClaim(
                id="",
                text=c.text,
                status=status,
                independent_sources=1,
                evidence=_evidence([c.id], refs),
                members=(c.id,),
                salience=c.salience,
            ),
        )
        (drafts if contested else singles).append(entry)
    singles.sort(key=lambda t: (-t[1], t[2]))
    drafts.extend(singles[: settings.max_single_source])
    drafts.sort(key=lambda t: (t[0], -t[1], t[2]))

    story_claims: list[StoryClaim] = []
    story_id: dict[str, str] = {}
    for n, (_, _, _, draft) in enumerate(drafts, start=1):
        sid = f"c{n}"
        story_claims.append(dataclasses.replace(draft, id=sid))
        for m in draft.members:
            story_id[m] = sid

    conflicts = [
        _conflict(f, f"x{n}", weight, refs, confidence=confidence.get(id(f)),
                  claims=tuple(dict.fromkeys(
                      story_id[c] for side in f.sides for c in side if c in story_id)))
        for n, (weight, _, f) in enumerate(kept, start=1)
    ]
    possible = [
        _conflict(f, f"p{n}", weight, refs, confidence=a.confidence, doubt=a.reason)
        for n, ((weight, _, f), a) in enumerate(doubtful[: settings.max_conflicts], start=1)
    ]
    return story_claims, conflicts, possible


def _conflict(f: _Finding, cid: str, weight: float, refs, **fields) -> Conflict:
    """A finding as the report shows it: each side's value with its sentences."""
    return Conflict(
        id=cid,
        topic=f.topic,
        kind=f.kind,
        sides=tuple(
            Side(value=v, evidence=_evidence(side, refs)) for v, side in zip(f.values, f.sides)
        ),
        note=f.note,
        weight=weight,
        **fields,
    )
