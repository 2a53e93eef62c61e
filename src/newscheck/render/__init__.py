"""Renderers: every output format reads the same :class:`~newscheck.model.Report`.

``render(report, fmt)`` returns the text of ``json``, ``markdown``, ``html`` or ``text``
(the terminal view without colour); the CLI draws ``text`` with colour on a terminal. The
formats are chosen by name in :data:`RENDERERS` (listed with every swappable part in
:mod:`newscheck.registry`).
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Report


def _text(report: Report) -> str:
    from .terminal import render_text

    return render_text(report)


def _json(report: Report) -> str:
    from ..report import to_json

    return to_json(report)


def _markdown(report: Report) -> str:
    from .markdown import render_markdown

    return render_markdown(report)


def _html(report: Report) -> str:
    from .html import render_html

    return render_html(report)


RENDERERS: dict[str, Callable[[Report], str]] = {
    "text": _text,
    "json": _json,
    "markdown": _markdown,
    "html": _html,
}
"""The output formats, in the order the CLI's help names them."""

FORMATS = tuple(RENDERERS)


def render(report: Report, fmt: str) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`)."""
    try:
        return RENDERERS[fmt](report)
    except KeyError:
        raise ValueError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})") from None
