"""Sentence spans of the extract stage."""

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
