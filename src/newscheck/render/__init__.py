"""Renderers: every output format reads the same :class:`~newscheck.model.Report`.

``render(report, fmt)`` returns the text of ``json``, ``markdown``, ``html`` or ``text``
(the terminal view without colour); the CLI draws ``text`` with colour on a terminal. The
formats are chosen by name in :data:`newscheck.registry.RENDERERS`.
"""

from __future__ import annotations

from ..model import Report
from ..registry import RENDERERS

FORMATS = tuple(RENDERERS)


def render(report: Report, fmt: str) -> str:
    """The report in format ``fmt`` (one of :data:`FORMATS`)."""
    try:
        return RENDERERS[fmt](report)
    except KeyError:
        raise ValueError(f"unknown format '{fmt}' (choose from {', '.join(FORMATS)})") from None
