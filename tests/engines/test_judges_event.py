"""The same-event judge: the shipped weights load, rank a hand-made pair, and pass the
ECB+ quality gate (test topics)."""

from __future__ import annotations

import numpy as np
import pytest

from newscheck.engines.judges.event import SCALARS, EventJudge, EventMention, build_mentions

AUC_FLOOR = 0.88
"""Pair AUC on the ECB+ test topics, all cross-document pairs (measured 0.8990)."""
AUC_FLOOR_SAME_SUBTOPIC = 0.865
"""The same against same-subtopic negatives only (measured 0.8855)."""


def _mention(embedder, sentence: str, trigger: str, lemma: str) -> EventMention:
    start = sentence.index(trigger)
    return build_mentions([(sentence, start, start + len(trigger), lemma)], embedder)[0]


def test_shipped_weights_load():
    judge = EventJudge()
    w = judge.weights
    assert list(w["features"]) == list(SCALARS)
    assert w["w"].shape == (len(SCALARS),)
    assert 0.0 < judge.threshold < 1.0
    assert judge.probabilities([]).shape == (0,)


@pytest.mark.slow
@pytest.mark.xfail(strict=True, reason=(
    "known weakness: the judge leans on the trigger vectors, so two earthquakes (same "
    "trigger word, cosine 0.90) score 0.79, above a same-event pair with different verbs "
    "(approved/voted, 0.60); see docs/judges.md"))
def test_same_event_beats_a_different_event_of_the_same_kind(ctx):
    emb = ctx.embedder
    budget_a = _mention(emb, "The council approved the budget on Tuesday.", "approved", "approve")
    budget_b = _mention(emb, "Councillors voted 31-4 for the budget.", "voted", "vote")
    quake_a = _mention(emb, "A magnitude 6.1 earthquake struck central Italy on Monday, "
                       "killing 12 people.", "earthquake", "earthquake")
    quake_b = _mention(emb, "A strong earthquake hit southern Peru on Friday, damaging "
                       "hundreds of homes.", "earthquake", "earthquake")
    judge = EventJudge()
    same = judge.probability(budget_a, budget_b)
    different = judge.probability(quake_a, quake_b)
    assert same > different
    assert judge.probability(budget_b, budget_a) == pytest.approx(same)  # symmetric
    assert np.allclose(judge.probabilities([(budget_a, budget_b), (quake_a, quake_b)]),
                       [same, different])


@pytest.mark.slow
def test_same_event_beats_an_unrelated_event(ctx):
    emb = ctx.embedder
    a = _mention(emb, "The council approved the budget on Tuesday.", "approved", "approve")
    b = _mention(emb, "Councillors voted 31-4 for the budget.", "voted", "vote")
    c = _mention(emb, "A magnitude 6.1 earthquake struck central Italy on Monday, "
                 "killing 12 people.", "struck", "strike")
    judge = EventJudge()
    assert judge.probability(a, b) > judge.probability(a, c) + 0.3


@pytest.mark.slow
@pytest.mark.data
def test_quality_gate_on_ecbplus_test_topics(ctx, data_dir):
    from benchmarks.train_event_judge import auc, features, mentions_of, pairs_of

    path = data_dir / "ecbplus_events" / "ecbplus_event_mentions.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent (evaluation data lives in ../shared/data)")
    import json

    with path.open(encoding="utf-8") as fh:
        records = [r for r in map(json.loads, fh) if r["split"] == "test"]
    mentions = mentions_of(records, cache=False, nlp=ctx.nlp, embedder=ctx.embedder)
    i, j, y, same_subtopic = pairs_of(records, "test")
    p = EventJudge().probabilities([(mentions[a], mentions[b]) for a, b in zip(i, j, strict=True)])
    assert np.allclose(p, 1 / (1 + np.exp(-EventJudge().logits(features(mentions, i, j)))))
    keep = y | same_subtopic
    assert auc(p, y) >= AUC_FLOOR
    assert auc(p[keep], y[keep]) >= AUC_FLOOR_SAME_SUBTOPIC
