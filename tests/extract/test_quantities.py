"""Quantities read from invented sentences, with near-misses that must not be read."""

import math

import pytest

from newscheck.extract.quantities import find_quantities


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
    assert one("In case one side calls the other.").noun == "side"


@pytest.mark.parametrize("text", [
    "Ana Ruiz is one of the most senior judges.",
    "The firm hired two other lawyers.",
    "Two of them were injured.",
    "It is the kind of fight where nobody wins, as one might expect.",
])
def test_a_function_word_after_a_number_is_not_its_noun(text):
    # these read "most", "other", "them" and "might" as the noun counted
    assert one(text).noun is None


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


def _read(text):
    return [(q.text, round(q.value, 6), q.unit) for q in find_quantities(text)]


def test_ascii_folded_and_attached_currency_signs():
    # "PS" and "Y=" are how ASCII transliteration writes the pound and yen signs
    assert _read("The bonus was worth up to PS2.7m last year.") == [
        ("up to PS2.7m", 2.7e6, "GBP")]
    assert _read("Shares fell to Y=5,182.") == [("Y=5,182", 5182, "JPY")]
    assert _read("Debt reached $US113 trillion.") == [("$US113 trillion", 1.13e14, "USD")]
    assert [q.unit for q in find_quantities("The offer was C $6 a share.")] == ["CAD per share"]
    assert _read("It sells for 7,199 Chinese yuan.") == [("7,199 Chinese yuan", 7199, "CNY")]
    # near-misses: a console name and letters glued to a number are no sums
    assert find_quantities("The PS5 console sold out.") == []
    assert find_quantities("The GPS3 satellite launched.") == []


def test_prices_in_pence_are_pounds():
    assert _read("Shares rose 6.5% to 164p.") == [("6.5%", 6.5, "percent"), ("164p", 1.64, "GBP")]
    assert find_quantities("They met at 7p.m. on the pier.") == []


def test_index_levels_are_points_only_beside_an_index():
    assert _read("The FTSE 100 closed at 7,512.34, down 12.50 points.") == [
        ("7,512.34", 7512.34, "point"), ("12.50 points", 12.5, "point")]
    assert _read("The benchmark index rose 0.4% to 26,000.") == [
        ("0.4%", 0.4, "percent"), ("26,000", 26000, "point")]
    # every index a number may name is one a level may stand beside ("Russell" was only
    # the first)
    assert _read("The Russell 2000 closed at 1,512.34.") == [("1,512.34", 1512.34, "point")]
    # no index named, or the number counts something: no points
    assert _read("The plant closed at 1,512.34 tonnes.") == [("1,512.34 tonnes", 1512.34, "tonne")]
    assert _read("The index firm hired 1,200 workers.") == [("1,200", 1200, "")]
    assert _read("The share price closed at 1,512.34.") == [("1,512.34", 1512.34, "")]


@pytest.mark.parametrize(
    "text, kept",
    [
        ("The sp 500 was down 2.1% on Monday.", ["2.1%"]),
        ("A category 4 hurricane hit 3 towns.", ["3"]),
        ("The iPhone 14 and 14 Pro cost $799.", ["$799"]),
        ("The 787 Dreamliner was grounded for three months.", ["three months"]),
        ("The side slipped into the bottom three after seven defeats.", ["seven"]),
        ("Lampard told BBC One that four players were hurt.", ["four"]),
        ("They bought a three-bed flat and a four-door car.", []),
        ("It passed the ISO 3888-2 test.", []),
        # near-misses: counts before a people's name or a plural stay counts
        ("Police arrested two Chinese nationals.", ["two"]),
        ("The army sent 300 Marines.", ["300"]),
        ("Three people died in the fire.", ["Three"]),
        ("a three-week strike", ["three-week"]),
    ],
)
def test_names_and_rank_groups_are_not_counts(text, kept):
    assert [q.text for q in find_quantities(text)] == kept


def test_ranges_read_in_the_second_numbers_unit():
    q = one("They used a 5-10W laser.")
    assert (q.low, q.high, q.unit) == (5, 10, "watt")
    q = one("Bake it for 25-40min.")
    assert (q.low * 1440, q.high * 1440, q.unit) == pytest.approx((25, 40, "day"))
    q = one("Temperatures dropped by 1 to 1.5 degrees Celsius.")
    assert (q.low, q.high, q.unit, q.approx) == (1, 1.5, "celsius", "range")
    q = one("It costs 5 to 10 cents.")
    assert (q.low, q.high) == pytest.approx((0.05, 0.10))
    q = one("Rights fetch from $500,000 to $1 million a year.")
    assert (q.low, q.high, q.unit) == (5e5, 1e6, "USD per year")
    # a change and a level are two numbers, not a range
    assert _read("Gas was up 10 cents to $2.24.") == [("10 cents", 0.1, "USD"), ("$2.24", 2.24, "USD")]


def test_vague_amounts_fold_and_half():
    q = one("It adds tens of thousands of dollars to a home.")
    assert (q.low, q.high, q.unit) == (2e4, 99999, "USD")
    assert (one("The plume extends hundreds of miles.").unit) == "mile"
    assert one("Millions of people voted.").unit == ""
    q = one("Revenue grew more than sixfold.")
    assert (q.value, q.unit, q.approx) == (6, "times", "more_than")
    q = one("Almost half of the staff left.")
    assert (q.value, q.unit, q.approx) == (50, "percent", "nearly")
    assert one("Half a million people marched.").value == 5e5
    assert [q.unit for q in find_quantities("Half an hour later it rained.")] == []


def test_units_after_one_modifier_and_written_forms():
    assert _read("The defence gave up 517 rushing yards.") == [("517 rushing yards", 517, "yard")]
    assert one("Profits rose for three straight years.").value == pytest.approx(1095.75)
    # near-misses: a time word between is no unit; a light year is no year
    assert _read("It was 2.1 last year.") == [("2.1", 2.1, "")]
    assert _read("The engine makes 300 PS and 450 Nm.") == [
        ("300 PS", 300, "horsepower"), ("450 Nm", 450, "newton-metre")]
    assert _read("It reached 113 GPa.") == [("113 GPa", 113, "gigapascal")]
    assert _read("She had a 3.8 GPA.") == [("3.8", 3.8, "")]
    assert _read("It is 25k or 40k cheaper.") == [("25k", 25000, ""), ("40k", 40000, "")]
    assert _read("It reached 100km/hr.") == [("100km/hr", 100, "kilometre per hour")]


def test_rates_and_time_offsets():
    assert _read("Revenue rose from $6.78 billion a year earlier.") == [
        ("$6.78 billion", 6.78e9, "USD")]
    assert _read("Stars spin 78,000 times a minute.") == [
        ("78,000 times a minute", 78000, "times per minute")]
    # a conversion in brackets shares the rate after it
    assert [q.unit for q in find_quantities("It paid C $6 (US $4.46) per share.")] == [
        "CAD per share", "USD per share"]


def test_shared_units_and_age_ranges():
    assert _read("He raised 280 million of the 1.5 billion shekels.") == [
        ("280 million", 2.8e8, "ILS"), ("1.5 billion shekels", 1.5e9, "ILS")]
    assert _read("He sold 280 of the 1,500 homes.") == [("280", 280, ""), ("1,500", 1500, "")]
    assert _read("Men aged 18 to 34 bet on it.") == []


@pytest.mark.parametrize(
    "text, low, high",
    [
        ("The programme cost hundreds of billions of dollars.", 2e11, 999_999_999_999),
        ("Tens of millions of viewers tuned in.", 2e7, 99_999_999),
        ("Hundreds of thousands of homes lost power.", 2e5, 999_999),
        ("It cost thousands of millions of euros.", 2e9, 9_999_999_999),
        ("Tens of billions of dollars were pledged.", 2e10, 99_999_999_999),
        ("Trillions of dollars changed hands.", 2e12, 999e12),
        ("Tens of people queued outside.", 20, 99),
    ],
)
def test_every_vague_compound_has_a_reading(text, low, high):
    q = one(text)
    assert (q.low, q.high, q.approx) == (low, high, "about")
    assert text[q.start : q.end] == q.text


def test_vague_interval_is_computed_for_every_count_and_scale():
    from newscheck.extract.quantities import vague_interval
    from newscheck.lexicon import VAGUE_AMOUNTS, VAGUE_SCALES

    for count in VAGUE_AMOUNTS:
        lo, hi = vague_interval(count)
        assert 0 < lo < hi
        for scale, unit in VAGUE_SCALES.items():
            clo, chi = vague_interval(count.upper(), scale.title())
            assert (clo, chi) == (lo * unit, (hi + 1) * unit - 1)
            # the phrase is found and read in any case and spacing
            q = one(f"It reached {count} of  {scale} of people.")
            assert (q.low, q.high) == (clo, chi)


def test_vague_words_without_of_are_not_amounts():
    # near-miss: "tens" and "hundreds" not followed by "of" count nothing
    assert find_quantities("Hundreds gathered; tens more watched.") == []


def test_past_an_ordinal_and_bounds_on_one_unit_of_time():
    q = one("The drought, now past its first year, goes on.")
    assert (q.text, q.approx, q.low, q.high) == ("past its first year", "more_than", 365.25,
                                                 math.inf)
    q = one("The talks have dragged on for more than a year.")
    assert (q.text, q.approx, q.low) == ("more than a year", "more_than", 365.25)
    assert one("It lasted over an hour.").approx == "more_than"
    assert one("The strike is entering its second month.").approx == "ordinal"
    # near-misses: "a" with no bound, a rate, a time offset, an ordinal without "past"
    for text in ("Prices rose twice a year.", "The ban lasted a year.",
                 "It happened about a week ago.", "more than a year later"):
        assert [x for x in find_quantities(text) if x.kind == "duration"] == [], text
    assert one("In the past week, it is in its third week.").approx == "ordinal"
