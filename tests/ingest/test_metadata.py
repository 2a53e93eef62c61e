"""Metadata: dates and outlets read from fields and URLs."""

from __future__ import annotations

import datetime as dt

import pytest

from newscheck.ingest.metadata import domain_outlet, parse_date


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.harbortimes.co.uk/news/storm-closes-road", "harbortimes.co.uk"),
        ("http://m.harbortimes.com/a", "harbortimes.com"),
        ("https://blog.harbortimes.com/x", "blog.harbortimes.com"),
        ("https://192.168.0.1/x", None),
        ("not a url", None),
        (None, None),
    ],
)
def test_domain_outlet(url, outlet):
    assert domain_outlet(url) == outlet


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-14", dt.date(2026, 3, 14)),
        ("2026-03-14T09:30:00Z", dt.date(2026, 3, 14)),
        ("2026-03-14T09:30:00+02:00", dt.date(2026, 3, 14)),
        ("March 14, 2026", dt.date(2026, 3, 14)),
        ("14 March 2026", dt.date(2026, 3, 14)),
        ("Sat, 14 Mar 2026 09:30:00 GMT", dt.date(2026, 3, 14)),
        ("Friday, March 13, 2026 4:12 pm", dt.date(2026, 3, 13)),
        ("yesterday", None),
        ("03/04/2026", None),
        ("2026-02-30", None),
        ("", None),
        (None, None),
        (20260314, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected
