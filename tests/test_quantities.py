"""Quantities read from invented sentences, with near-misses that must not be read."""

import math

import pytest

from newscheck.quantities import find_quantities


def one(text):
    found = find_quantities(text)
    assert len(found) == 1, [q.text for q in found]
    return found[0]


@pytest.mark.parametrize(
    "text, value, low, high, approx",
    [
        ("About 300 people were injured.", 300, 270, 330, "about"),
        ("More than 1,000 workers walked out.", 1000, 1000, math.inf, "more_than"),
        ("Nearly 40% of members voted.", 40, 34, 40, "nearly"),
        ("At least 12 boats sank.", 12, 12, math.inf, "at_least"),
        ("Up to 5,000 fans may attend.", 5000, 0, 5000, "at_most"),
        ("Fewer than 10 cases were found.", 10, 0, 10, "less_than"),
        ("Between 200 and 300 homes flooded.", 250, 200, 300, "range"),
        ("Some 300-400 homes flooded.", 350, 300, 400, "range"),
        ("Hundreds of protesters gathered.", 200, 200, 999, "about"),
    ],
)
def test_approximations_give_intervals(text, value, low, high, approx):
    q = one(text)
    assert (q.value, q.low, q.high, q.approx) == pytest.approx((value, low, high, approx))


def test_money_scale_and_currency():
    q = one("The council approved a $4.5 billion budget.")
    assert (q.value, q.unit, q.kind) == (4.5e9, "USD", "money")
    assert one("It paid US$3 million.").unit == "USD"
    assert [(q.unit, q.value) for q in find_quantities("Tickets cost €20 or £30.")] == [
        ("EUR", 20), ("GBP", 30)]
    assert one("a bill of 5 million euros").value == 5e6


def test_percent_forms_and_fractions():
    for text in ("Prices rose 4%.", "Prices rose 4 percent.", "Prices rose four per cent."):
        q = one(text)
        assert (q.value, q.unit, q.kind) == (4, "percent", "percent")
    assert one("Two-thirds of staff agreed.").value == pytest.approx(66.67, abs=0.01)


def test_word_numbers_and_dozens():
    assert one("Twenty-five nurses resigned.").value == 25
    assert one("Police seized three dozen rifles.").value == 36
    assert one("A dozen boats waited.").value == 12


def test_count_noun_from_next_word():
    assert one("The firm hired 3,000 workers.").noun == "worker"


def test_durations_normalised_to_days():
    q = one("a three-week strike")
    assert (q.kind, q.unit, q.value) == ("duration", "day", 21)
    q = one("The siege lasted almost three weeks.")
    assert (q.approx, q.low, q.high) == ("nearly", pytest.approx(17.85), 21)
    q = one("They waited for more than two years.")
    assert (q.low, q.high) == (730.5, math.inf)


def test_ordinal_durations():
    q = one("The strike is in its second week.")
    assert (q.approx, q.low, q.high, q.unit) == ("ordinal", 7, 14, "day")
    q = one("The standoff entered its fifth day.")
    assert (q.low, q.high) == (4, 5)
    assert one("It was the 19th day of the siege.").high == 19


@pytest.mark.parametrize(
    "text",
    [
        "The plant opened in 2024.",
        "The Apollo 11 crew landed.",
        "The second round of talks began.",
        "They met at 4:30 pm on March 3.",
        "Call 555-0199 for details.",
        "The home side won 3-1.",
        "COVID-19 spread quickly.",
        "The 2019-20 season ended early.",
        "No one was hurt.",
        "It was the second week of March.",
    ],
)
def test_near_misses_are_not_quantities(text):
    assert find_quantities(text) == []


def test_score_is_not_a_range_but_low_to_high_is():
    assert find_quantities("They won 3-1.") == []
    assert one("It has 30-40 rooms.").approx == "range"


def test_offsets_point_at_the_words():
    text = "Officials said about 300 people were hurt."
    q = one(text)
    assert text[q.start : q.end] == "about 300"


def test_time_offsets_are_not_durations_and_rate_periods_are_marked():
    assert find_quantities("The memo was circulated two weeks ago.") == []
    assert find_quantities("They raised concerns two weeks before the collapse.") == []
    rate = [q for q in find_quantities("The union wants 9 percent over two years.")
            if q.kind == "duration"]
    assert [(q.text, q.noun, q.approx, q.low) for q in rate] == [("two years", "period", "exact", 730.5)]
    # a bound when nothing precedes it
    q = one("The dispute has lasted over two years.")
    assert (q.approx, q.noun) == ("more_than", None)
    assert one("The port strike nears three weeks.").approx == "nearly"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text, owner",
    [
        ("The strike, now in its 19th day, showed no sign of ending.", "strike"),
        (("They rejected the offer, prolonging a strike that has halted traffic for almost "
          "three weeks."), "strike"),
        ("Dockworkers reject pay offer as port strike nears three weeks", "strike"),
        (("The walkout by more than 5,000 dockworkers, now in its third week, has left cargo "
          "stranded."), "walkout"),
        ("The strike at the port, which has now entered its second week, continues.", "strike"),
        ("The siege lasted almost three weeks.", "siege"),
    ],
)
def test_a_duration_knows_what_lasted(nlp, text, owner):
    durations = [q for q in find_quantities(text, nlp(text)[:]) if q.kind == "duration"]
    assert [q.noun for q in durations] == [owner]


@pytest.mark.parametrize(
    "text",
    [
        "Marta Olsen, 31, said she had left.",  # an age in apposition
        "A 31-year-old driver was hurt.",
        "The driver, aged 64, was unhurt.",
        "The notes were typed on 1/6/17 in the car.",  # a date written with slashes
        "The navy tested its first drone, then tested a second one soon after.",
    ],
)
def test_ages_slash_dates_and_pronoun_one_are_not_counts(text):
    assert find_quantities(text) == []


def test_a_count_beside_an_age_is_still_a_count():
    assert [q.text for q in find_quantities("Olsen, 31, left with her five daughters.")] == [
        "five"
    ]


@pytest.mark.slow
def test_percent_and_money_know_what_they_are_of(nlp):
    def nouns(text):
        return [(q.kind, q.noun) for q in find_quantities(text, nlp(text)[:])]

    assert nouns("Traders will face a 25 percent tariff on copper.") == [("percent", "tariff")]
    assert nouns("The levy covered just 30 percent of all imports.") == [("percent", "import")]
    assert nouns("Farmers listed countermeasures worth about $3.5 billion.") == [
        ("money", "countermeasure")
    ]
    # the noun under a proper adjective, through a range
    assert nouns("Between 150 and 200 Central American migrants plan to apply.") == [
        ("count", "migrant")
    ]
