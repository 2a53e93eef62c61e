"""Sentence spans of the extract stage."""

import numpy as np
import pytest
from conftest import make_article, parse_article

pytestmark = pytest.mark.slow


def test_sentences_never_cross_paragraphs_and_match_the_text(nlp):
    art = make_article("The union met on Monday. It rejected the offer\n\nTalks resume today.",
                       title="Union rejects offer")
    _, sents = parse_article(nlp, art)
    assert [s.text for s in sents] == [
        "Union rejects offer", "The union met on Monday.", "It rejected the offer",
        "Talks resume today."]
    assert [s.paragraph for s in sents] == [0, 1, 1, 2]
    assert sents[0].is_title and not sents[1].is_title
    for s in sents:
        assert art.text[s.start:s.end] == s.text


def test_a_split_inside_a_dateline_is_joined(nlp):
    art = make_article(
        "CALDERA, March 13 (Meridian Press Service) - Dockworkers rejected the offer on Friday.",
        title="Dockworkers reject pay offer")
    _, sents = parse_article(nlp, art)
    assert sents[1].text.startswith("CALDERA, March 13")
    assert len(sents) == 2


LONG_REPORT = (
    "The harbour board met on Monday. It approved a new crane for the east quay. "
    "The crane will cost two million euros. Work starts in May.\n\n"
    "Dock workers welcomed the decision. Their union had asked for it for years. "
    "A spokesman said the old crane broke down twice last winter. "
    "Shipping lines expect shorter waits once it is installed."
)


def test_lead_is_embedded_first_and_the_rest_on_completion(ctx):
    from newscheck.extract.stage import analyze_articles, complete_embeddings

    lead = ctx.settings.stories.lead_sentences
    long_art = make_article(LONG_REPORT, id="a1", title="Harbour gets a new crane")
    short_art = make_article("The ferry left late. Nobody was hurt.", id="a2")
    first = analyze_articles([long_art, short_art], ctx)
    assert len(first[0].sentences) > lead + 2  # the test needs sentences past the lead
    # phase 1: rows for the lead only, row i for sentence i
    assert first[0].sentence_vectors.shape == (lead, ctx.embedder.dim)
    assert len(first[1].sentence_vectors) == len(first[1].sentences) < lead
    direct = ctx.embedder.embed([s.text for s in first[0].sentences])
    np.testing.assert_allclose(first[0].sentence_vectors, direct[:lead], atol=1e-5)
    head = direct[:lead].mean(axis=0)
    np.testing.assert_allclose(first[0].vector, head / np.linalg.norm(head), atol=1e-5)

    # phase 2: one row per sentence, the lead rows kept, the rest the sentences' own
    done = complete_embeddings(first, ctx)
    assert [a.article.id for a in done] == ["a1", "a2"]
    assert done[0].sentence_vectors.shape == (len(first[0].sentences), ctx.embedder.dim)
    np.testing.assert_allclose(done[0].sentence_vectors, direct, atol=1e-5)
    assert done[1] is first[1]  # already complete: untouched
    assert done[0].vector is first[0].vector
    assert complete_embeddings(done, ctx)[0] is done[0]
