"""The shared text helpers: the crude stem and what a quantity counts."""

from __future__ import annotations

import pytest

from newscheck.text import content_words, counted_class, stem


@pytest.mark.parametrize(
    ("words", "same"),
    [
        (("strikes", "striking", "strike"), True),
        (("policies", "policy"), True),  # "ies" becomes "y"
        (("union's", "unions", "union"), True),
        (("strikes", "strip"), False),
        (("bus", "bused"), False),  # a short word keeps its ending: "bused" stays whole
    ],
)
def test_stem_joins_inflections_of_one_word_only(words, same):
    assert (len({stem(w) for w in words}) == 1) is same


def test_content_words_drop_stop_words_numbers_and_one_letter_words():
    assert content_words("The 300 dockworkers said a strike is on") == {"dockworker", "strik"}


def test_a_trade_counts_people_and_other_nouns_count_themselves():
    assert counted_class("steelworkers") == counted_class("farmworker") == "people"
    assert counted_class("workshops") == "workshop"
