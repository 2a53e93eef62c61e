"""The judges' deciders: thresholds, the cascade, standing and confirmation of conflicts.

The rules are tested with a stand-in fact judge whose scores the test sets, so each
threshold is checked on both of its sides; the shipped model is tested in
``test_judges_fact.py``.
"""

from __future__ import annotations

import dataclasses

import numpy as np
from builders import C, Q, T, group, report, vecs

from newscheck.engines.judges import EventScorer, Judges
from newscheck.engines.judges.fact import FactScores
from newscheck.engines.pairs import PairJudge
from newscheck.model import Entity, Frame
from newscheck.registry import EVENT_JUDGES, FACT_JUDGES, make_fact_judge
from newscheck.settings import JudgeSettings, PairSettings, VerdictSettings
from newscheck.verdicts import judge_story


class FakeFact:
    """A fact judge answering ``(same, entail, contradiction)`` by the pair's texts."""

    def __init__(self, table: dict[frozenset, tuple[float, float, float]], default=(0, 0, 0)):
        self.table = {frozenset(t.rstrip(". ") for t in k): v for k, v in table.items()}
        self.default = default
        self.asked: list[tuple[str, str]] = []

    def score(self, pairs):
        self.asked.extend(pairs)
        rows = [self.table.get(frozenset(t.rstrip(". ") for t in p), self.default)
                for p in pairs]
        nli = np.array([[e, 1 - e - c, c] for _, e, c in rows]).reshape(len(rows), 3)
        return FactScores(nli=nli, same=np.array([s for s, _, _ in rows]))


class AlwaysPlausible(PairJudge):
    def __init__(self, p: float = 0.9):
        super().__init__(PairSettings())
        self.p = p

    def probability(self, a, b, cosine=None):
        return self.p


A, B = "The council approved the budget.", "Councillors voted for the budget."


def judges(scores, *, prefilter_p=0.3, **settings):
    return Judges(FakeFact({frozenset((A, B)): scores}), JudgeSettings(**settings),
                  AlwaysPlausible(prefilter_p))


def test_same_fact_threshold_is_inclusive_and_either_score_counts():
    """Bug: the same-fact threshold taken as strict, or entailment ignored."""
    assert judges((0.5, 0.0, 0.0), same_fact=0.5).same_fact(A, B, 0.7)
    assert not judges((0.49, 0.0, 0.0), same_fact=0.5).same_fact(A, B, 0.7)
    assert judges((0.1, 0.6, 0.0), same_fact=0.5).same_fact(A, B, 0.7)  # one entails the other


def test_a_contradiction_vetoes_the_same_fact():
    """Bug: "same meaning" high enough to win over a confident contradiction."""
    assert not judges((0.9, 0.9, 0.5), contradiction=0.5).same_fact(A, B, 0.7)
    assert judges((0.9, 0.9, 0.49), contradiction=0.5).same_fact(A, B, 0.7)


def test_the_cheap_judge_gates_the_cross_encoder():
    """Bug: the cascade dropped (every close pair sent to the cross-encoder) or inverted."""
    j = judges((0.9, 0.9, 0.0), prefilter_p=0.1, prefilter=0.2)
    assert not j.same_fact(A, B, 0.7)
    assert j.fact.asked == []  # never asked: the cost bound holds
    j = judges((0.9, 0.9, 0.0), prefilter_p=0.3, prefilter=0.2)
    assert j.same_fact(A, B, 0.7)


def test_one_call_per_pair_whatever_the_order():
    """Bug: both orders scored (twice the cost) or the scores depend on argument order."""
    j = judges((0.7, 0.2, 0.1))
    assert j.scores(A, B) == j.scores(B, A)
    j.prefetch([(A, B), (B, A)])
    assert len(set(j.fact.asked)) == 1


def test_without_a_fact_judge_the_pair_judge_decides():
    """The ``none`` judge: the logistic pair judge's threshold is the decider."""
    assert Judges(None, JudgeSettings(), AlwaysPlausible(0.6)).same_fact(A, B, 0.7)
    assert not Judges(None, JudgeSettings(), AlwaysPlausible(0.4)).same_fact(A, B, 0.7)


def test_the_registry_names_every_judge():
    assert set(FACT_JUDGES) == {"minilm-cross", "none"}
    assert set(EVENT_JUDGES) == {"minilm-event", "none"}
    assert make_fact_judge(JudgeSettings(fact="none")) is None


# --------------------------------------------------------------------------- conflicts


def _negation_story(attributed_b=None, entities_b=()):
    a = report("a1", ["The ministry named Ana Ruiz as the new port director."],
               [C(0, subject="The ministry", predicate="name", object="Ana Ruiz",
                  entities=(Entity(text="Ana Ruiz", label="PERSON", start=0, end=8),),
                  salience=0.6)], outlet="One", vectors=vecs([1.0, 0.0]))
    b = report("a2", ["The ministry did not name Ana Ruiz as the new port director."],
               [C(0, subject="The ministry", predicate="name", object="Ana Ruiz", negated=True,
                  attributed_to=attributed_b,
                  entities=(Entity(text="Ana Ruiz", label="PERSON", start=0, end=8),),
                  salience=0.6)], outlet="Two", vectors=vecs([1.0, 0.05]))
    if entities_b:
        b = dataclasses.replace(b, entities=tuple(entities_b))
    return [a, b]


def _run(analyses, fact_scores, **settings):
    texts = [x.claims[0].text for x in analyses]
    fake = FakeFact({frozenset(texts): fact_scores})
    j = Judges(fake, JudgeSettings(**settings), AlwaysPlausible(0.0))
    return judge_story(analyses, [group("a1.c1", "a2.c1")], {}, VerdictSettings(), judges=j)


def test_a_denial_the_contradiction_judge_reads_as_compatible_is_set_apart():
    """Bug: happened/did-not conflicts kept whatever the judge reads (different actors,
    times), or the floor taken as inclusive the wrong way."""
    _, conflicts, possible = _run(_negation_story(), (0.0, 0.0, 0.8))
    assert [x.kind for x in conflicts] == ["event"] and conflicts[0].confidence == 0.8
    _, conflicts, possible = _run(_negation_story(), (0.0, 0.0, 0.1), denial_floor=0.1)
    assert [x.kind for x in conflicts] == ["event"] and not possible
    _, conflicts, possible = _run(_negation_story(), (0.0, 0.0, 0.09), denial_floor=0.1)
    assert conflicts == [] and [x.kind for x in possible] == ["event"]
    assert "compatible" in possible[0].doubt


def test_an_expectation_and_a_deed_are_two_times_but_expected_and_unlikely_are_one():
    """Bug: "will be recognised" against "did not recognise" kept as a denial, or "is
    expected to meet" against "is unlikely to meet" set apart."""
    story = _negation_story()
    plan = dataclasses.replace(story[0], claims=(dataclasses.replace(
        story[0].claims[0], modality="expected"),))
    _, conflicts, possible = _run([plan, story[1]], (0.0, 0.0, 0.9))
    assert conflicts == [] and "plan" in possible[0].doubt
    unlikely = dataclasses.replace(story[1], claims=(dataclasses.replace(
        story[1].claims[0], modality="unlikely"),))
    from newscheck.verdicts.common import index_claims
    from newscheck.verdicts.confidence import _apart_in_time

    refs = index_claims([plan, unlikely])
    assert _apart_in_time(refs["a1.c1"], refs["a2.c1"], 2) == ""


def test_a_persons_claim_against_a_report_is_disputed_not_a_conflict():
    """Bug: standing ignored ("he said he served" against "he never served")."""
    person = Entity(text="Carl Berg", label="PERSON", start=0, end=9)
    _, conflicts, possible = _run(_negation_story("Carl Berg", [person]), (0.0, 0.0, 0.9))
    assert conflicts == [] and possible and possible[0].doubt.startswith("disputed")
    # an outlet or a document cited is reporting, not a party's claim
    _, conflicts, _ = _run(_negation_story("the Washington Post"), (0.0, 0.0, 0.9))
    assert [x.kind for x in conflicts] == ["event"]


class FixedEvents(EventScorer):
    """A same-event judge that calls the claims of ``pairs`` one event."""

    def __init__(self, pairs, settings=JudgeSettings()):
        super().__init__(None, None, settings)
        self.pairs = {frozenset(p) for p in pairs}
        self.prepared: list[str] = []

    @property
    def active(self):
        return True

    def prepare(self, claims):
        self.prepared.extend(c.id for c, _ in claims)

    def probability(self, a, b):
        return 0.95 if frozenset((a.id, b.id)) in self.pairs else 0.05


def _weekday_story():
    a = report("a1", ["The council approved the budget on Tuesday."],
               [C(0, subject="The council", predicate="approve", object="the budget",
                  times=(T("on Tuesday", norm="tuesday"),), salience=0.7)],
               outlet="One", vectors=vecs([1.0, 0.0]))
    b = report("a2", ["On Wednesday, the council voted 31-4 for the spending plan."],
               [C(0, subject="the council", predicate="vote", object="31-4",
                  times=(T("On Wednesday", norm="wednesday"),), salience=0.7)],
               outlet="Two", vectors=vecs([0.0, 1.0]))
    return [a, b]


def test_the_same_event_judge_brings_differently_worded_dates_together():
    """Bug: the same-event judge not consulted (dates compared only when words match), or
    its answer ignored."""
    story = _weekday_story()
    _, conflicts, _ = judge_story(story, [], {}, VerdictSettings(), events=FixedEvents([]))
    assert conflicts == []
    events = FixedEvents([("a1.c1", "a2.c1")])
    _, conflicts, _ = judge_story(story, [], {}, VerdictSettings(), events=events)
    assert [x.kind for x in conflicts] == ["time"]
    assert {"a1.c1", "a2.c1"} <= set(events.prepared)


def test_trigger_of_a_claim_is_its_frames_verb():
    from newscheck.engines.judges import trigger_of

    a = report("a1", ["Filler sentence here.", "The council approved the budget on Tuesday."],
               [C(1, predicate="approve")])
    at = a.sentences[1].start + a.sentences[1].text.index("approved")
    a = dataclasses.replace(a, frames=(Frame(article="a1", sentence=1, start=at, end=at + 8,
                                             verb="approve"),))
    sentence, start, end, lemma = trigger_of(a.claims[0], a)
    assert sentence[start:end] == "approved" and lemma == "approve"


# --------------------------------------------------------------------------- corroboration


def _one_claim(aid, sentence, vector, **slots):
    return report(aid, [sentence], [C(0, salience=0.6, **slots)], outlet=f"Outlet {aid}",
                  vectors=vecs(vector))


def _corroborate(a, b, scores, prefilter_p=0.0, groups=()):
    fake = FakeFact({frozenset((a.claims[0].text, b.claims[0].text)): scores})
    j = Judges(fake, JudgeSettings(), AlwaysPlausible(prefilter_p))
    claims, _, _ = judge_story([a, b], list(groups), {}, VerdictSettings(),
                               pairs=AlwaysPlausible(prefilter_p), judges=j)
    return [c.status for c in claims], fake


def test_each_claims_closest_match_is_read_by_the_fact_judge_whatever_the_cheap_judge_says():
    """Bug: the cascade's cheap judge alone keeping the cross-encoder from a claim's best
    match (recall lost), or the best match not computed per report."""
    a = _one_claim("a1", "The port reopened to tankers after the storm passed.", [1.0, 0.2],
                   subject="The port", predicate="reopen")
    b = _one_claim("a2", "Tankers were allowed back into the harbour once the storm ended.",
                   [1.0, 0.3], subject="Tankers", predicate="allow")
    statuses, fake = _corroborate(a, b, (0.9, 0.8, 0.0))
    assert statuses == ["corroborated"] and fake.asked
    statuses, _ = _corroborate(a, b, (0.2, 0.1, 0.0))
    assert statuses == ["single_source", "single_source"]


def test_different_figures_are_not_one_fact_whatever_the_judge_says():
    """Bug: corroboration of two counts of one thing that disagree ("more than 100,000
    supporters" / "28,000 attendees")."""
    big = Q("more than 100,000", 100_000, 100_000, 200_000, approx="more", noun="supporter")
    small = Q("28,000", 28_000, noun="supporter")
    a = _one_claim("a1", "The protest page has more than 100,000 supporters.", [1.0, 0.2],
                   predicate="have", quantities=(big,))
    b = _one_claim("a2", "The protest page has 28,000 supporters.", [1.0, 0.25],
                   predicate="have", quantities=(small,))
    statuses, _ = _corroborate(a, b, (0.95, 0.9, 0.0))
    assert "corroborated" not in statuses
    same = Q("over 100,000", 100_000, 100_000, 200_000, approx="more", noun="supporter")
    b2 = _one_claim("a2", "Over 100,000 people back the protest page.", [1.0, 0.25],
                    predicate="back", quantities=(same,))
    statuses, _ = _corroborate(a, b2, (0.95, 0.9, 0.0))
    assert statuses == ["corroborated"]
