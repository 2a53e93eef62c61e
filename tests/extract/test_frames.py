"""Frames: every content verb with its polarity, modality and arguments (real parser)."""

from __future__ import annotations

import pytest
from conftest import make_article, parse_article

from newscheck.extract.frames import extract_frames
from newscheck.model import Quote

pytestmark = pytest.mark.slow


def frames(nlp, text, quotes=()):
    article = make_article(text)
    doc, sents = parse_article(nlp, article)
    return {f.verb: f for f in extract_frames(article, doc, sents, quotes)}


def test_negated_verb_and_its_arguments(nlp):
    f = frames(nlp, "The complaint does not name Ana Ruiz as a defendant.")["name"]
    assert f.polarity is False and f.modality == "asserted"
    assert "defendant" in f.arguments and "Ana Ruiz" in f.names
    # near miss: "shows no collusion" states what is shown; the verb is not negated
    g = frames(nlp, "The memos show no collusion with the company.")["show"]
    assert g.polarity is True


def test_expected_and_unlikely(nlp):
    f = frames(nlp, "Ana Ruiz is expected to meet the queen during the visit.")["meet"]
    assert f.modality == "expected" and f.subject == "Ana Ruiz"
    g = frames(nlp, "Ana Ruiz is unlikely to meet the queen during the visit.")["meet"]
    assert g.modality == "unlikely"
    h = frames(nlp, "Ana Ruiz will meet the queen during the visit.")["meet"]
    assert h.modality == "expected"
    # "won't" is the future denied (its "wo" is a future auxiliary), as claims read it
    w = frames(nlp, "Ana Ruiz won't meet the queen during the visit.")["meet"]
    assert (w.modality, w.polarity) == ("expected", False)
    # near miss: a possibility commits to nothing
    k = frames(nlp, "Ana Ruiz may meet the queen during the visit.")["meet"]
    assert k.modality == "hedged"


def test_a_conjunct_shares_its_heads_modality(nlp):
    fs = frames(nlp, "Mr. Berg is expected to shake hands with the mayor and to meet the queen.")
    assert fs["meet"].modality == "expected"


def test_denial_verb_denies_its_complement(nlp):
    f = frames(nlp, "Ana Ruiz denied that she met the envoy in March.")["meet"]
    assert f.polarity is False
    # near miss: a statement of the same
    g = frames(nlp, "Ana Ruiz said that she met the envoy in March.")["meet"]
    assert g.polarity is True


def test_purpose_conditions_and_questions_commit_to_nothing(nlp):
    assert frames(nlp, "The envoys met to discuss the plan.")["discuss"].modality == "purpose"
    assert frames(nlp, "If the council approves the plan, work begins.")["approve"].modality == (
        "conditional"
    )
    assert frames(nlp, "Did the council approve the plan?")["approve"].modality == "question"


def test_relative_clauses_and_quotes_are_left_out(nlp):
    fs = frames(nlp, "Migrants who do not pass the interview are sent back.")
    assert "pass" not in fs
    text = 'She said: "We will never sign this deal." The union signed the deal.'
    at = text.index("We will")
    quote = Quote(article="a1", text="We will never sign this deal.", start=at,
                  end=at + len("We will never sign this deal."), speaker="She", direct=True)
    fs = frames(nlp, text, (quote,))
    assert fs["sign"].polarity is True  # only the reporter's own "signed" is read


def test_pronoun_subject_read_as_the_person_named_most(nlp):
    text = ("Finance minister Ana Ruiz arrived in the capital on Monday. Ms. Ruiz spoke to "
            "reporters. She is expected to meet the envoy.")
    assert frames(nlp, text)["meet"].subject == "Ana Ruiz"
    # near miss: a male pronoun does not take a woman's name
    text = ("Finance minister Ana Ruiz arrived in the capital on Monday. Ms. Ruiz spoke to "
            "reporters. He is expected to meet the envoy.")
    assert frames(nlp, text)["meet"].subject != "Ana Ruiz"


def test_a_possessive_name_is_not_an_argument(nlp):
    f = frames(nlp, "The suit names Carl Berg's son as a defendant.")["name"]
    assert "Carl Berg" not in f.names
