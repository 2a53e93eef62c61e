"""What a document's metadata reads as: dates, outlets named by a URL, plain strings.

Shared by every format: a JSON field, an HTML page's metadata and a feed entry all
give their date with :func:`parse_date`, their outlet with :func:`domain_outlet` when only
a URL names it, and their strings through :func:`clean_str`.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import Any
from urllib.parse import urlsplit

URL = re.compile(r"^https?://", re.IGNORECASE)
"""An http(s) address, as opposed to a path."""

_DATE_FORMATS = (
    "%B %d, %Y", "%b %d, %Y", "%b. %d, %Y", "%d %B %Y", "%d %b %Y", "%d %b. %Y",
    "%B %d %Y", "%b %d %Y", "%Y/%m/%d", "%Y.%m.%d", "%d %B, %Y", "%Y%m%d",
)  # fmt: skip


def parse_date(value: Any) -> dt.date | None:
    """A calendar date from an ISO date/datetime or a common written form; else None.

    Only explicit dates are read ("2026-03-14", "2026-03-14T09:30:00Z", "March 14, 2026",
    "14 March 2026", RFC 2822 as in feeds); nothing relative ("yesterday") and nothing
    ambiguous ("03/04/2026") is guessed.
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    s = " ".join(value.split())
    if not s:
        return None
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", s)
    if iso:
        try:
            return dt.date.fromisoformat(iso.group(1))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(s).date()
    except (TypeError, ValueError, IndexError):
        pass
    # Drop a leading weekday and a trailing time of day: "Friday, March 13, 2026 4:12 pm".
    s = re.sub(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", "", s, flags=re.IGNORECASE)
    s = re.sub(
        r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}.*|,?\s+\d{1,2}\s*[ap]\.?m\.?.*)$",
        "",
        s,
        flags=re.IGNORECASE,
    )
    s = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", s)
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            continue
    return None


# Host prefixes that name a server, not the site: "www.harbortimes.co.uk".
_HOST_PREFIX = re.compile(r"^(?:www\d?|m|mobile|amp|edition|beta)\.")
# Second-level labels under a country code: "harbortimes.co.uk", "diario.com.ar".
_SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go",
                           "gob", "nic", "ltd", "plc", "info", "web"})  # fmt: skip


def domain_outlet(url: str | None) -> str | None:
    """The outlet named by a URL's domain: its host without "www." (or "m.", "amp.").

    "https://www.harbortimes.co.uk/news/x" -> "harbortimes.co.uk". The host is kept whole
    (rather than made into "Harbor Times") because a domain is an exact, checkable name
    and word boundaries cannot be recovered from it.
    """
    if not url or not URL.match(url):
        return None
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return None
    if not host or "." not in host or re.fullmatch(r"[\d.]+|\[.*\]", host):
        return None
    return _HOST_PREFIX.sub("", host) or None


def domain_label(domain: str | None) -> str | None:
    """The name part of a domain: "harbortimes.co.uk" -> "harbortimes"."""
    if not domain:
        return None
    labels = domain.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def clean_str(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None


_URL_DATE = re.compile(r"/((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])(?=/|$)")


def url_date(url: str | None, *, today: dt.date | None = None) -> dt.date | None:
    """The publication date a news URL's path spells as ``/YYYY/MM/DD/``, or None.

    News sites file articles by day ("https://example.org/2018/04/17/world/x.html"); the
    path is read, never the query or fragment, the three parts must make a real date, and
    a date after ``today`` is not a publication date. A path with only a year and month
    ("/2018/04/") gives nothing: the day would be invented.
    """
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    m = _URL_DATE.search(path)
    if m is None:
        return None
    try:
        day = dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return None if day > (today or dt.date.today()) else day
