"""How sure a conflict is: the trained judges read the two sides, and the standing of who
asserts each side decides whether it is a disagreement between reports at all.

The slot rules (:mod:`~newscheck.verdicts.quantity`, :mod:`~newscheck.verdicts.time`, ...)
find two claims whose values differ. Two things can still make that no conflict:

* **other events**: the two claims tell different events that share a unit or a verb (six
  arrests one night, 47 the night before; two meetings). The same-event judge reads the two
  claims' verbs in their sentences; a pair it calls different events (probability below
  ``JudgeSettings.other_event``) that the contradiction judge does not confirm is not a
  conflict;
* **standing**: "he said he had served in X" against "he never served in X" is a person's
  claim disputed by a report, the story's premise, not two reports disagreeing. A
  happened/did-not conflict (``event``) one of whose sides is only what speakers assert
  is *disputed*; a plan against a deed, or two sides dated differently, may be two times;
  and a happened/did-not conflict the contradiction judge reads as plainly compatible
  (probability below ``JudgeSettings.denial_floor``) is set apart.

A conflict the contradiction judge confirms (probability at least
``JudgeSettings.contradiction`` on the two sides' statements, either way) is kept whatever
the same-event judge says. Set aside findings are returned as *possible differences*: listed
apart with their reason, never counted in the source cards.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from ..engines.judges import EventScorer, Judges
from ..lexicon import HONORIFICS, PERSONAL_PRONOUNS
from .common import Finding, Ref
from .corroboration import reported
from .time import times_agree


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the judges say of one finding.

    Attributes:
        confidence: 0..1: the contradiction probability when it confirms the finding, else
            the same-event probability of its closest pair (0.5 when no judge could read it).
        possible: True when the finding is set aside as a possible difference.
        reason: One line for the reader when set aside (empty otherwise).
    """

    confidence: float
    possible: bool
    reason: str


def _closest_pair(
    finding: Finding,
    refs: Mapping[str, Ref],
    similarity: Callable[[Ref, Ref], float],
    source: Callable[[str], str],
) -> tuple[Ref, Ref] | None:
    """The two claims of different sides and sources whose sentences are closest."""
    best: tuple[float, Ref, Ref] | None = None
    for i, side in enumerate(finding.sides):
        for other in finding.sides[i + 1 :]:
            for x in side:
                for y in other:
                    a, b = refs.get(x), refs.get(y)
                    if a is None or b is None or source(a.article) == source(b.article):
                        continue
                    cos = similarity(a, b)
                    if best is None or cos > best[0]:
                        best = (cos, a, b)
    return None if best is None else (best[1], best[2])


def _standing(finding: Finding, refs: Mapping[str, Ref]) -> str | None:
    """Why a happened/did-not finding is no disagreement between reports, when it is not:
    a side that only speakers assert (the reports tell what was claimed, they do not claim
    it themselves)."""
    if finding.kind != "event":
        return None
    for side in finding.sides:
        side_refs = [refs[c] for c in side if c in refs]
        if side_refs and all(_a_person(r) for r in side_refs):
            who = side_refs[0].claim.attributed_to
            return (f"disputed: one side is what {who} asserts, as the reports tell it, "
                    "not what a report states")
    return None


def _apart_in_time(a: Ref, b: Ref, tolerance_days: int) -> str:
    """Why a stated and a denied deed may be of different times, or "" (for happened /
    did-not findings): a plan against a deed ("will be recognised" / "did not recognise"),
    or a time written on one side only or on both sides and not agreeing ("did not
    recognise before this spring")."""
    plan = {_when(a.claim.modality), _when(b.claim.modality)}
    if plan == {"ahead", "asserted"} and not (a.claim.hedged or b.claim.hedged):
        return "one side tells a plan or an expectation, the other a deed: different times"
    ta, tb = a.claim.times, b.claim.times
    if bool(ta) != bool(tb) or (ta and tb and not times_agree(ta[0], tb[0], tolerance_days)):
        return "the two sides are dated differently: they may tell different times"
    return ""


def _when(modality: str) -> str:
    """The time a modality speaks of: what is expected and what is called unlikely are both
    ahead ("is expected to meet" / "is unlikely to meet"); the rest is stated as done."""
    return "ahead" if modality in ("expected", "unlikely") else modality


def _a_person(ref: Ref) -> bool:
    """Whether a claim is a person's assertion: attributed to someone a pronoun, a title or
    the report's people name. A claim attributed to an outlet, an agency or a document ("the
    Washington Post", "the report") is reporting, which counts as the report's own."""
    who = ref.claim.attributed_to
    if not who:
        return False
    words = who.split()
    if words[0].lower() in PERSONAL_PRONOUNS or words[0].rstrip(".").lower() in HONORIFICS:
        return True
    low = who.lower()
    return any(
        e.label == "PERSON" and (e.text.lower() in low or low in e.text.lower())
        for e in ref.analysis.entities
    )


def assess(
    findings: Sequence[Finding],
    refs: Mapping[str, Ref],
    similarity: Callable[[Ref, Ref], float],
    source: Callable[[str], str],
    judges: Judges | None,
    events: EventScorer | None,
    tolerance_days: int = 2,
) -> list[Assessment]:
    """The judges' assessment of each finding, in order (see the module docstring)."""
    pairs = [_closest_pair(f, refs, similarity, source) for f in findings]
    if judges is not None:
        judges.prefetch([(reported(a), reported(b))
                         for a, b in filter(None, pairs)])
    if events is not None:
        events.prepare([(r.claim, r.analysis) for p in pairs if p for r in p])
    out: list[Assessment] = []
    for f, pair in zip(findings, pairs):
        standing = _standing(f, refs)
        if standing is not None:
            out.append(Assessment(0.0, True, standing))
            continue
        if pair is None:
            out.append(Assessment(0.5, False, ""))
            continue
        a, b = pair
        if f.kind == "event":
            apart = _apart_in_time(a, b, tolerance_days)
            if apart:
                out.append(Assessment(0.0, True, apart))
                continue
        contra = (judges.contradiction(reported(a), reported(b))
                  if judges is not None and judges.fact is not None else None)
        p_event = events.probability(a.claim, b.claim) if events is not None else None
        if contra is not None and contra >= judges.settings.contradiction:  # type: ignore[union-attr]
            out.append(Assessment(round(contra, 3), False, ""))
        elif f.kind == "event" and contra is not None and contra < judges.settings.denial_floor:  # type: ignore[union-attr]
            # happened / did not: the judge reads the two as plainly compatible (another
            # actor, time or thing: no denial)
            out.append(Assessment(round(contra, 3), True, "the judges read the two statements "
                                  "as compatible (another actor, time or thing)"))
        elif f.kind == "event" and contra is not None:
            out.append(Assessment(round(contra, 3), False, ""))
        elif p_event is not None and p_event < events.settings.other_event:  # type: ignore[union-attr]
            out.append(Assessment(round(p_event, 3), True,
                                  "the two sides may tell different events"))
        else:
            out.append(Assessment(round(p_event if p_event is not None else 0.5, 3), False, ""))
    return out
