"""Token vectors of the embedders (newscheck.engines.embed: embed_tokens, embed_with_tokens)."""

from __future__ import annotations

import numpy as np
import pytest

from newscheck.engines.embed import HashingEmbedder

SAID = "The council approved the budget on Monday."
REWORDED = "On Monday the council passed the budget."


def test_hashing_token_vectors_match_words_exactly():
    a, b, empty = HashingEmbedder().embed_tokens([SAID, REWORDED, "  "])
    assert a.shape == (7, 512) and b.shape == (7, 512) and empty.shape == (0, 512)
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    best = (a @ b.T).max(axis=1)
    # "approved" has no twin in the other sentence; every other word has its own
    assert [w for w, m in zip(SAID.lower().rstrip(".").split(), best, strict=True)
            if m < 0.99] == ["approved"]


def test_hashing_token_vectors_ignore_case_but_not_words():
    a, b = HashingEmbedder().embed_tokens(["Budget", "budgets"])
    assert float((a @ a.T)[0, 0]) == pytest.approx(1.0)
    assert float((HashingEmbedder().embed_tokens(["budget"])[0] @ a.T)[0, 0]) == pytest.approx(1.0)
    assert abs(float((a @ b.T)[0, 0])) < 0.5  # a different word is no match


@pytest.fixture(scope="module")
def minilm():
    from newscheck.registry import make_embedder
    from newscheck.settings import Settings

    return make_embedder(Settings().models)


@pytest.mark.slow
def test_minilm_token_vectors(minilm):
    texts = [SAID, REWORDED, SAID, ""]
    pooled, tokens = minilm.embed_with_tokens(texts)
    # the same sentence vectors as embed, from the same model run
    assert np.allclose(pooled, minilm.embed(texts), atol=1e-6)
    pieces = minilm._tokenizer.encode(SAID).tokens
    assert pieces[0] == "[CLS]" and pieces[-1] == "[SEP]"
    assert tokens[0].shape == (len(pieces) - 2, minilm.dim)  # no [CLS]/[SEP]
    assert tokens[3].shape == (0, minilm.dim)
    assert np.allclose(np.linalg.norm(tokens[1], axis=1), 1.0, atol=1e-5)
    assert np.array_equal(tokens[0], tokens[2])
    assert [t.shape for t in minilm.embed_tokens([REWORDED])] == [tokens[1].shape]
    # contextual vectors: "budget" finds "budget" as its best match; "approved" finds
    # "passed" closer than it finds "monday" (a near miss would match any piece alike)
    sim = tokens[0] @ tokens[1].T
    p1, p2 = pieces[1:-1], minilm._tokenizer.encode(REWORDED).tokens[1:-1]
    assert p2[int(sim[p1.index("budget")].argmax())] == "budget"
    row = sim[p1.index("approved")]
    assert row[p2.index("passed")] > row[p2.index("monday")]


@pytest.mark.slow
def test_minilm_vector_depends_on_its_sentence_alone(minilm):
    # The int8 model quantises activations per call: were sentences batched, a short
    # sentence padded beside a long one would get another vector. One call each.
    long = ("The regional transport authority said on Thursday that the new timetable, "
            "which adds forty trains a day on the coastal line, would take effect in June.")
    alone = minilm.embed([SAID])
    beside = minilm.embed([long, SAID, REWORDED])
    assert np.array_equal(alone[0], beside[1])


@pytest.mark.slow
def test_minilm_int8_keeps_meaning_order(minilm):
    # the paraphrase is closer than a sentence on the same topic with another fact, which
    # is closer than an unrelated one (a broken quantisation scrambles this)
    other_fact = "The council rejected the budget on Friday."
    unrelated = "Heavy snow closed the mountain pass overnight."
    v = minilm.embed([SAID, REWORDED, other_fact, unrelated])
    cos = v @ v[0]
    assert cos[1] > 0.85 and cos[1] > cos[2] > cos[3] and cos[3] < 0.3
