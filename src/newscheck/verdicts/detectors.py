"""The conflict rules the judge runs, in order: adding a conflict kind is one module with a
``find(view: StoryView) -> list[Finding]`` function and one line in :data:`DETECTORS`.

A rule runs either once per aligned group of two reports or more (``per_group``: the
view's ``claims`` are the group's) or once over the whole story (``claims`` are every
claim). The judge runs the per-group rules group by group, in the order listed, then the
story-wide ones: the order settles which of two findings over the same claims is kept.
The kind of each finding is one of :data:`newscheck.model.ConflictKind`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from . import frames, life, negation, person, place, quantity, rank, time
from .common import Finding, StoryView


@dataclass(frozen=True, slots=True)
class Detector:
    """One conflict rule: its name, the function that finds, and where it compares."""

    name: str
    find: Callable[[StoryView], list[Finding]]
    per_group: bool = False


DETECTORS: tuple[Detector, ...] = (
    Detector("quantity", quantity.find_in_group, per_group=True),
    Detector("time", time.find_in_group, per_group=True),
    Detector("negation", negation.find, per_group=True),
    Detector("place", place.find, per_group=True),
    # slot by slot across the story (a claim sits in one group, a sentence may hold a
    # count and a duration); after the groups' findings, which word their topics better
    Detector("story quantity", quantity.find_in_story),
    Detector("story time", time.find_in_story),
    Detector("person", person.find),
    Detector("life", life.find),
    Detector("frame", frames.find),
    Detector("rank", rank.find),
)
