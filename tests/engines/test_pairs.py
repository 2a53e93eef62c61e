"""The pair judge: same fact, or only the same topic (newscheck.engines.pairs)."""

from __future__ import annotations

import json
from importlib import resources

import numpy as np
import pytest

from newscheck.engines.pairs import FEATURES, PairJudge, load_model, pair_features
from newscheck.errors import ModelError
from newscheck.settings import PairSettings, Settings, load_settings

PARA_A = "The company said on Tuesday it would cut 300 jobs at its plant in Ohio."
PARA_B = "On Tuesday the company announced it will eliminate 300 jobs at its Ohio plant."
ENDORSED = "Senator Maria Alvarez endorsed Governor Tom Lind in 2008."
TRAILS = "Governor Tom Lind trails Senator Paul Okafor in the latest statewide polls."


@pytest.fixture(scope="module")
def judge():
    return PairJudge()


def test_paraphrase_is_the_same_fact(judge):
    assert judge.same_fact(PARA_A, PARA_B, cosine=0.9)
    assert judge.probability(PARA_A, PARA_B, cosine=0.9) > 0.7


def test_identical_sentences_are_the_same_fact(judge):
    # every overlap feature pushes one way: a verbatim copy is the surest match.
    assert judge.probability(PARA_A, PARA_A, cosine=1.0) > 0.9


def test_same_names_in_a_different_fact_are_not_the_same_fact(judge):
    assert not judge.same_fact(ENDORSED, TRAILS, cosine=0.6)
    # Near miss: the same fact told with other words is.
    other = "In 2008 Governor Tom Lind was endorsed by Senator Maria Alvarez."
    assert judge.same_fact(ENDORSED, other, cosine=0.9)


def test_different_numbers_lower_the_probability(judge):
    other = PARA_B.replace("300", "450")
    assert judge.probability(PARA_A, other, 0.88) < judge.probability(PARA_A, PARA_B, 0.88) - 0.05


def test_number_formatting_is_not_a_different_number():
    f = pair_features("It weighed 1,200 pounds.", "It weighed 1200 pounds", 0.9)
    assert f["unmatched_numbers"] == 0.0
    assert pair_features("It weighed 1,200 pounds.", "It weighed 1,100 pounds.", 0.9)[
        "unmatched_numbers"] == 2.0


def test_negation_on_one_side_lowers_the_probability(judge):
    a = "The minister signed the agreement in Geneva on Friday."
    b = "The minister did not sign the agreement in Geneva on Friday."
    assert pair_features(a, b, 0.8)["negation_mismatch"] == 1.0
    assert judge.probability(a, b, 0.8) < judge.probability(a, a.replace("signed", "inked"), 0.8)
    # Near miss: a negation on both sides is no mismatch; "note" is no "not".
    both = "The minister did not sign the deal; she never said why."
    assert pair_features(b, both, 0.8)["negation_mismatch"] == 0.0
    assert pair_features(a, "A note on the agreement was signed.", 0.8)["negation_mismatch"] == 0.0


def test_probability_grows_with_cosine(judge):
    p = judge.probabilities([(ENDORSED, TRAILS)] * 3, np.array([0.3, 0.6, 0.9]))
    assert p[0] < p[1] < p[2]


def test_features_are_symmetric():
    f, g = pair_features(PARA_A, TRAILS, 0.5), pair_features(TRAILS, PARA_A, 0.5)
    assert f == pytest.approx(g)


def test_batch_matches_single_calls(judge):
    pairs = [(PARA_A, PARA_B), (ENDORSED, TRAILS)]
    batch = judge.probabilities(pairs, [0.9, 0.6])
    assert batch == pytest.approx([judge.probability(*pairs[0], 0.9),
                                   judge.probability(*pairs[1], 0.6)])
    assert judge.probabilities([], np.zeros(0)).shape == (0,)
    with pytest.raises(ValueError, match="2 pairs but 1 cosines"):
        judge.probabilities(pairs, [0.9])


def test_contributions_add_up_to_the_log_odds(judge):
    c = judge.contributions(PARA_A, PARA_B, 0.9)
    p = judge.probability(PARA_A, PARA_B, 0.9)
    assert sum(c.values()) + judge.model["bias"] == pytest.approx(np.log(p / (1 - p)))


def test_weights_file_matches_the_code():
    data = json.loads(resources.files("newscheck.engines").joinpath("pair_judge.json").read_text())
    assert data["features"] == list(FEATURES)
    assert set(pair_features("a b", "b c", 0.5)) == set(FEATURES)
    assert len(data["weights"]) == len(data["mean"]) == len(data["scale"]) == len(FEATURES)
    assert all(s > 0 for s in data["scale"])
    # The threshold chosen on train is the settings default, so the two cannot drift.
    assert data["threshold"] == PairSettings().threshold
    # More shared meaning or wording never lowers the probability of one fact.
    weights = dict(zip(data["features"], data["weights"], strict=True))
    assert all(weights[f] > 0 for f in ("cosine", "word_jaccard", "char_ratio"))


def test_model_loads_lazily_and_once():
    judge = PairJudge()
    assert judge._model is None
    judge.probability(PARA_A, PARA_B, 0.9)
    first = judge._model
    judge.probability(PARA_A, PARA_B, 0.9)
    assert first is not None and judge._model is first


def test_model_file_from_settings(tmp_path):
    path = tmp_path / "judge.json"
    model = {"features": ["cosine"], "mean": [0.5], "scale": [0.1], "weights": [2.0],
             "bias": 0.0, "threshold": 0.5}
    path.write_text(json.dumps(model))
    settings = load_settings(None, **{"pairs.model": str(path), "pairs.threshold": 0.6})
    judge = PairJudge(settings.pairs)
    assert judge.probability("x", "y", 0.5) == pytest.approx(0.5)
    assert not judge.same_fact("x", "y", 0.5)  # 0.5 < 0.6
    assert judge.same_fact("x", "y", 0.7)


def test_unusable_model_files_say_what_to_do(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(ModelError, match="train_pair_judge"):
        load_model(str(bad))
    with pytest.raises(ModelError, match="train_pair_judge"):
        load_model(str(tmp_path / "missing.json"))
    alien = tmp_path / "alien.json"
    alien.write_text(json.dumps({"features": ["moon_phase"], "mean": [0], "scale": [1],
                                 "weights": [1], "bias": 0}))
    with pytest.raises(ModelError, match="moon_phase"):
        load_model(str(alien))


def test_settings_section():
    assert Settings().pairs == PairSettings()
    assert load_settings(None, **{"pairs.threshold": 0.7}).pairs.threshold == 0.7


@pytest.mark.slow
def test_with_the_real_embedder(judge):
    from newscheck.registry import make_embedder

    texts = [PARA_A, PARA_B, ENDORSED, TRAILS]
    v = make_embedder(Settings().models).embed(texts)
    cos = np.array([float(v[0] @ v[1]), float(v[2] @ v[3])])
    p = judge.probabilities([(PARA_A, PARA_B), (ENDORSED, TRAILS)], cos)
    assert p[0] >= judge.settings.threshold > p[1]


@pytest.mark.slow
@pytest.mark.data
def test_mrpc_test_accuracy(data_dir):
    """Gate on a fixed seeded slice of 300 MRPC test pairs (embedding the whole split takes
    too long for the suite): measured 0.763 on it; the full split gives 0.758, see
    docs/benchmarks/pairs.md. (The floor was 0.77 for a judge with a bigram-overlap
    feature whose MRPC-fitted weight was negative; that judge called low-overlap pairs of
    different facts the same fact on real coverage, and was replaced on purpose.)"""
    if not (data_dir / "mrpc").exists():
        pytest.skip(f"{data_dir / 'mrpc'} is absent")
    from benchmarks.train_pair_judge import cosines, load_mrpc

    pairs, y = load_mrpc("test")
    idx = np.sort(np.random.default_rng(7).choice(len(pairs), 300, replace=False))
    sample = [pairs[i] for i in idx]
    prob = PairJudge().probabilities(sample, cosines(sample, cache=False))
    accuracy = float(((prob >= PairSettings().threshold) == y[idx]).mean())
    assert accuracy >= FLOOR, accuracy


FLOOR = 0.75
