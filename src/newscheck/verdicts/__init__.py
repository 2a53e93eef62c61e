"""Verdicts: which claims of a story are corroborated, contested or single-source.

Agreement and disagreement come from the claims' typed slots, never from a model's
guess:

* **quantity**: aligned claims give the same kind of number (same kind, unit and thing
  counted) and the numbers disagree: their central values differ by more than
  ``quantity_tolerance`` (relative), or the intervals their wording allows are disjoint.
  Open-ended wording ("more than 10") is read as "a little more than 10" (up to twice the
  tolerance above it), so "more than 10" against "about 40" is shown to the reader while
  "more than 1,000" against "1,200" is not;
* **date / time**: the same event (same predicate, dated by the time nearest its verb,
  found through the report's verb frames: "born" for "bear") placed at different times:
  two different weekdays ("on Monday", "on Tuesday", however near), resolved dates more
  than ``date_tolerance_days`` apart, or,
  unresolved, calendar parts written in both that differ ("in May" vs "26 December
  1970") or expressions of one family that exclude each other ("last week" vs "last
  month", "on Monday" vs "on Thursday"); a person's birth or death date, read from the
  verb ("was born in May") or a bracket after the name ("(born 3 May 1950)", "(1921 -
  1980)"), differing between reports whatever the clauses' verbs;
* **person**: two people named as the current holder of the same single-holder office,
  only when the office is one: its title names its country or body ("Brazil's
  president", "port authority director" with a succession told in the story), or the
  names stand in related sentences; "President X" and "President Y" are no rivals;
* **role**: one person called former (or late) in one report and current in another (a
  role told as a relation, "his campaign chairman X", asserts nothing current);
* **event**: the same predicate with overlapping subjects, negated in one report only;
  and, over every verb of every sentence (:mod:`newscheck.extract.frames`), a verb with the same
  arguments stated (or expected) in one report and denied (or called unlikely) in
  another, when no time written in either sentence parts them;
* **place**: the same predicate placed in different places that neither report mentions
  together;
* **other** (rank): one superlative place ("the largest steel exporter to the United
  States") given to different holders by two reports (:mod:`~newscheck.verdicts.rank`).

The sides of a finding hold values that agree with each other and with no value of
another side (a value agreeing with two sides, "in March" between "March 3" and "March
20", takes none); an independent source (a report with its copies) stands on one side
at most, and a side's value is what its sentences say.

Alignment puts each claim in one group, yet one sentence can hold a count and a
duration, and the same figure can sit in differently worded sentences. So numbers and
dates are also compared slot by slot across the whole story: quantities with a known
noun are bucketed by kind, unit and what they count (``align.counted_class``: "members"
and "steelworkers" are people; "walkout" is the strike), and two claims of different
reports disagree when their sentences are *related* (one group, or a cosine of at least
``related_similarity``; durations of a named event need 0.1 less). Durations of
something ongoing are moved to the earliest publication date and compared as spans. A
count of one ("one steelworker said") and a part of a figure ("two of the injured") are
no figures; a vague figure that fits two sides ("thousands") takes neither. A time dates
the event of the clause it sits in (``event_words``): two claims whose time clauses
share two content words date one event, unless one is a plan (after publication) and
the other past, the claim is hedged, or the time dates a statement ("said on Thursday").

Names are compared through the story's entities (:func:`newscheck.entities.resolve`, one
table per story): two names are one person when they resolve to one entity id
("Gaddafi" and "Qaddafi", "Mr. Kim" and "Kim Jong Un"), with the name rules as fallback
for names the table cannot place.

The claims of one aligned group that stand in a kept conflict make one **contested**
claim (only the ``max_conflicts`` heaviest conflicts are kept). A claim is
**corroborated** when a claim of another independent report states the same fact (a copy
and its original count once): not the same topic, the same fact, decided by
:mod:`~newscheck.verdicts.corroboration` (the pair judge, one frame, or containment,
with polarity, subjects and shared words agreeing) over every pair of the story's claims
whose sentences are close; otherwise **single_source**. Single-source claims
with no checkable slot (no number, time, entity, role or place) and salience below
``min_single_source_salience`` are left out, and at most ``max_single_source`` are kept,
the most salient first, so the list stays readable.

A conflict's weight is ``base(kind) * (0.5 + prominence) * (1 + weight_per_source *
(sources - 2))`` (``base`` is the kind's ``<kind>_weight`` setting): prominence is the best
``0.5 * salience + 0.5 * position`` of its claims (position 1 for the headline,
``1 / (1 + paragraph)`` below it) and sources the independent reports on all its sides.
``Conflict.claims`` holds the ids of the story claims (``c1``...) involved.

The package holds one module per conflict rule, each with one ``find(view)`` function
over a :class:`~newscheck.verdicts.common.StoryView` (what the rules read of one story,
built once): ``quantity``, ``time``, ``life``, ``negation`` (a claim's predicate stated
in one report and denied in another), ``frames`` (verb frames stated and denied),
``place``, ``person`` and ``rank``; :data:`~newscheck.verdicts.detectors.DETECTORS` lists
them in the order they run. ``common`` holds what they share (claims with their report,
findings, clusters, evidence); ``corroboration`` decides which claims state the same
fact; ``confidence`` how sure the judges are of a finding; ``judge`` builds the view,
runs the rules and decides every claim's status.
"""

from __future__ import annotations

from .detectors import DETECTORS, Detector
from .frames import frame_sign
from .judge import judge, judge_story
from .life import life_dates
from .negation import polarity
from .person import same_person
from .place import place_key
from .quantity import quantities_agree
from .time import date_parts, dates_a_noun, event_words, predicate_time, times_agree

__all__ = [
    "DETECTORS",
    "Detector",
    "date_parts",
    "dates_a_noun",
    "event_words",
    "frame_sign",
    "judge",
    "judge_story",
    "life_dates",
    "place_key",
    "polarity",
    "predicate_time",
    "quantities_agree",
    "same_person",
    "times_agree",
]
