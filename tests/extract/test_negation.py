"""Negation: one detector for every extractor (real parser)."""

from __future__ import annotations

import pytest

from newscheck.extract.negation import negated

pytestmark = pytest.mark.slow


def root(nlp, text):
    return next(t for t in nlp(text) if t.dep_ == "ROOT")


@pytest.mark.parametrize("text", [
    "The complaint does not name Ana Ruiz.",
    "She has never met the minister.",
    "He was not charged.",
])
def test_not_or_never_on_the_verb_or_its_auxiliary(nlp, text):
    verb = root(nlp, text)
    assert negated(verb) and negated(verb, by_subject=True)


def test_a_negative_subject_negates_only_when_asked(nlp):
    verb = root(nlp, "No one was charged.")
    assert negated(verb, by_subject=True)
    assert not negated(verb)


def test_a_negative_object_does_not_negate(nlp):
    # near miss: "shows no collusion" states what is shown
    verb = root(nlp, "The memos show no collusion with the company.")
    assert not negated(verb) and not negated(verb, by_subject=True)
