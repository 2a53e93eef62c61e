"""What changed in a story between two of its versions (``newscheck diff``).

Claim and conflict ids are given afresh by each cross-check, so versions are compared by
what their statements rest on: a claim of the new version is the same as an old one when
they share a piece of evidence (the same sentence, whitespace and case aside) or read
the same; a conflict is the same when it is of the same kind and shares a piece of
evidence or a topic with an old one. A report is known to the old version by its URL
(else its input), so a corrected report is *updated*, not *added*. Followed stories merged
into the story between the two versions are named (their reports are among the sources
added).

The JSON form (:func:`to_dict`) is public; docs/contract.md describes it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..model import (
    Article,
    ClaimChange,
    Conflict,
    Evidence,
    Report,
    SourceChange,
    StoryClaim,
    StoryDiff,
)
from ..report import article_dict, claim_dict, conflict_dict, from_dict
from ..store.follow import Following
from .ingest import report_identity

SCHEMA = "newscheck.diff/1"


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _claim_keys(claim: StoryClaim) -> set[str]:
    return {"t:" + _norm(claim.text)} | {"e:" + _norm(e.sentence) for e in claim.evidence}


def _conflict_keys(conflict: Conflict) -> set[str]:
    evidence: Iterable[Evidence] = (e for side in conflict.sides for e in side.evidence)
    return ({f"{conflict.kind}:t:{_norm(conflict.topic)}"}
            | {f"{conflict.kind}:e:{_norm(e.sentence)}" for e in evidence})


def diff_reports(old: Report | None, new: Report, *, since: int | None,
                 version: int, merged_from: tuple[str, ...] = ()) -> StoryDiff:
    """What the story of ``new`` (a story's version ``version``) adds to that of ``old``
    (its version ``since``; None: nothing before), the stories ``merged_from`` having
    been merged into it between the two.

    Both reports hold one story, as the store keeps a story's versions.
    """
    story = new.stories[0]
    before = old.stories[0] if old is not None and old.stories else None
    known: dict[str, StoryClaim] = {}
    for c in before.claims if before is not None else ():
        for key in _claim_keys(c):
            known.setdefault(key, c)
    fresh, corroborated, contested = [], [], []
    for c in story.claims:
        prev = next((known[k] for k in sorted(_claim_keys(c)) if k in known), None)
        if prev is None:
            fresh.append(ClaimChange(claim=c))
        elif c.status != prev.status and c.status == "corroborated":
            corroborated.append(ClaimChange(claim=c, was=prev.status))
        elif c.status != prev.status and c.status == "contested":
            contested.append(ClaimChange(claim=c, was=prev.status))
    seen = set().union(*(_conflict_keys(x) for x in before.conflicts)) if before else set()
    conflicts = [x for x in story.conflicts if not _conflict_keys(x) & seen]
    added, updated = _sources(old.articles if old is not None else (), new.articles)
    return StoryDiff(
        story=story.id, title=story.title, since=since, version=version,
        new_claims=tuple(fresh), now_corroborated=tuple(corroborated),
        now_contested=tuple(contested), new_conflicts=tuple(conflicts),
        sources_added=tuple(added), sources_updated=tuple(updated), merged_from=merged_from,
    )


def _sources(old: Iterable[Article], new: Iterable[Article]
             ) -> tuple[list[SourceChange], list[SourceChange]]:
    """Reports of ``new`` that ``old`` lacks: new ones, and new versions of old ones."""
    before = {a.id: a for a in old}
    by_identity = {report_identity(a): a.id for a in before.values()}
    added, updated = [], []
    for a in new:
        if a.id in before:
            continue
        replaces = by_identity.get(report_identity(a))
        (updated if replaces else added).append(SourceChange(article=a, replaces=replaces))
    return added, updated


def to_dict(diff: StoryDiff) -> dict[str, Any]:
    """The diff as JSON: claims, conflicts and articles in the report contract's shapes."""
    def claims(changes: tuple[ClaimChange, ...]) -> list[dict[str, Any]]:
        return [{**claim_dict(c.claim), **({"was": c.was} if c.was else {})} for c in changes]

    def sources(changes: tuple[SourceChange, ...]) -> list[dict[str, Any]]:
        return [{**article_dict(s.article), **({"replaces": s.replaces} if s.replaces else {})}
                for s in changes]

    return {
        "schema": SCHEMA,
        "story": diff.story,
        "title": diff.title,
        "since": diff.since,
        "version": diff.version,
        "merged_from": list(diff.merged_from),
        "new_claims": claims(diff.new_claims),
        "now_corroborated": claims(diff.now_corroborated),
        "now_contested": claims(diff.now_contested),
        "new_conflicts": [conflict_dict(x) for x in diff.new_conflicts],
        "sources_added": sources(diff.sources_added),
        "sources_updated": sources(diff.sources_updated),
    }


def story_diff(store: Following, story_id: str, since: int | None = None) -> StoryDiff | None:
    """What the latest version of a followed story adds to its version ``since`` (by
    default the one before; 0 compares with nothing).

    Returns:
        The diff, or None when the story has no version yet (or none numbered ``since``).
    """
    latest = store.story_version(story_id)
    if latest is None:
        return None
    version, text = latest
    since = version - 1 if since is None else since
    old = None
    if since > 0:
        found = store.story_version(story_id, since)
        if found is None:
            return None
        old = from_dict(json.loads(found[1]))
    merged = tuple(store.merged_stories(story_id, since, version))
    return diff_reports(old, from_dict(json.loads(text)), since=since or None, version=version,
                        merged_from=merged)
