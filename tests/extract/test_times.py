"""Dates and relative times resolved against a published date (Saturday 14 March 2026)."""

import datetime as dt

import pytest

from newscheck.extract.times import find_times

PUB = dt.date(2026, 3, 14)  # a Saturday


def one(text, published=PUB):
    found = find_times(text, published)
    assert len(found) == 1, [t.text for t in found]
    return found[0]


def test_weekday_is_the_most_recent_one():
    t = one("The strike began on Tuesday.")
    assert (t.norm, t.resolved) == ("weekday:tuesday", dt.date(2026, 3, 10))
    assert one("It ends next Monday.").resolved == dt.date(2026, 3, 16)
    # on the published weekday itself, a bare weekday is that day; "last" is a week back
    assert one("They met on Saturday.").resolved == PUB
    assert one("They met last Saturday.").resolved == dt.date(2026, 3, 7)


@pytest.mark.parametrize(
    "text, norm, low, high",
    [
        ("It ended last week.", "last_week", dt.date(2026, 3, 2), dt.date(2026, 3, 8)),
        ("Talks resumed last month.", "last_month", dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
        ("This week the union met.", "this_week", dt.date(2026, 3, 9), dt.date(2026, 3, 15)),
        ("The port closed earlier this month.", "this_month", dt.date(2026, 3, 1), PUB),
        ("The port closed in late March.", "month:2026-03:late", dt.date(2026, 3, 21),
         dt.date(2026, 3, 31)),
        ("The plant opened in 2024.", "year:2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31)),
    ],
)
def test_periods(text, norm, low, high):
    t = one(text)
    assert (t.norm, t.low, t.high) == (norm, low, high)


def test_dates_and_ago():
    assert one("Officials spoke on March 3.").resolved == dt.date(2026, 3, 3)
    assert one("Officials spoke on March 3, 2025.").resolved == dt.date(2025, 3, 3)
    assert one("Officials spoke on 3 March 2025.").norm == "date:2025-03-03"
    t = one("The ship docked two weeks ago.")
    assert (t.norm, t.resolved) == ("ago:14d", dt.date(2026, 2, 28))
    assert one("It happened yesterday.").resolved == dt.date(2026, 3, 13)
    # a date without a year is the occurrence nearest the published date
    assert one("The vote was on December 30.").resolved == dt.date(2025, 12, 30)


def test_unresolved_without_published_date_still_compares():
    a, b = one("It began two weeks ago.", None), one("It began 14 days ago.", None)
    assert a.resolved is None and a.norm == b.norm == "ago:14d"


@pytest.mark.parametrize(
    "text",
    ["May said the plan was fair.", "About 2,000 people marched.", "The march drew crowds."],
)
def test_near_misses(text):
    assert find_times(text, PUB) == []


def test_years_ago_lie_in_the_past():
    (t,) = find_times("Lindqvist left the port authority two years ago.", dt.date(2026, 3, 13))
    assert t.resolved.year == 2024


def test_a_weekday_in_a_plan_is_the_coming_one():
    pub = dt.date(2026, 3, 12)  # a Thursday
    (t,) = find_times("Solberg said the inspections would start on Monday.", pub)
    assert t.resolved == dt.date(2026, 3, 16)
    (t,) = find_times("The memo was sent to managers on Monday.", pub)
    assert t.resolved == dt.date(2026, 3, 9)


def test_a_month_without_year_is_its_nearest_occurrence():
    # published in April: "in July" is this July (three months ahead), not last July
    (t,) = find_times("The minister will travel abroad in July.", dt.date(2026, 4, 13))
    assert (t.low, t.high) == (dt.date(2026, 7, 1), dt.date(2026, 7, 31))
    # published in January: "in November" is the one just past
    (t,) = find_times("The vote took place in November.", dt.date(2026, 1, 10))
    assert t.low == dt.date(2025, 11, 1)


def test_a_year_opening_a_sentence_and_a_month_of_a_year():
    t = one("In 1991 the quartet was founded.")
    assert (t.norm, t.low, t.high) == ("year:1991", dt.date(1991, 1, 1), dt.date(1991, 12, 31))
    t = one("She was born in June of 1966.")
    assert (t.norm, t.low) == ("month:1966-06", dt.date(1966, 6, 1))
    # near-miss: a capitalised "In" before a count of people is no year
    assert find_times("In 1991 households the meters were replaced.", PUB) == []


def test_a_time_beyond_the_calendar_is_kept_unresolved():
    # found by tests/test_properties.py: "3000 years ago" fell before year 1 and raised
    t = one("The city was founded 3000 years ago.")
    assert (t.text, t.norm, t.resolved, t.low, t.high) == (
        "3000 years ago", "ago:3000y", None, None, None)
    assert one("It happened 1000000 days ago.").norm == "ago:1000000d"
    # a published date at the calendar's edge: the expression stays, unresolved
    (t,) = find_times("The talks resume next year.", dt.date(9999, 12, 31))
    assert (t.norm, t.resolved) == ("next_year", None)
    (t,) = find_times("It rained yesterday.", dt.date(1, 1, 1))
    assert (t.norm, t.resolved) == ("yesterday", None)
    # near-miss: a count that fits the calendar is still resolved
    assert one("The city was founded 300 years ago.").resolved == dt.date(1726, 3, 14)


def test_ago_reads_the_whole_count():
    # found by tests/test_properties.py: "2,500 years ago" was read as "500 years ago"
    t = one("The temple was built some 2,500 years ago.")
    assert (t.text, t.norm) == ("2,500 years ago", "ago:2500y")
    t = one("The plant closed 1.5 years ago.")
    assert (t.text, t.norm, t.resolved) == ("1.5 years ago", "ago:1.5y", dt.date(2024, 9, 14))
    # near-miss: a comma and a space part two numbers; only the second counts the years
    assert one("Their ages were 4, 500 years ago.").text == "500 years ago"


def test_times_told_against_another_event_stay_unresolved():
    t = one("Police made 47 arrests the night before.")
    assert (t.text, t.norm, t.resolved) == ("the night before", "anchored:before:night", None)
    assert one("Talks resumed the following week.").norm == "anchored:after:week"
    assert one("It had closed a day earlier.").norm == "anchored:before:day"
    # near-misses: "the day before yesterday" is a day; "next week" is publication-relative
    assert one("It closed the day before yesterday.").norm == "day:-2"
    assert one("It reopens next week.").norm == "next_week"


def test_a_year_that_starts_or_bounds_a_span_says_so():
    assert one("She has led the party since 1998.").norm == "year:1998:since"
    assert one("The plant must close by 2030.").norm == "year:2030:by"
    assert one("It was built before 1990.").norm == "year:1990:before"
    # near-miss: a plain year keeps its plain norm
    assert one("The plant opened in 2024.").norm == "year:2024"
