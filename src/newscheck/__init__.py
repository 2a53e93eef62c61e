"""newscheck: cross-check news reports.

Group reports into stories, spot syndicated copies, extract claims and quotes, and say
which claims are corroborated, contested or single-source, with the sentences behind
every statement.

    >>> import newscheck
    >>> report = newscheck.analyze(["examples/"])          # doctest: +SKIP
    >>> print(newscheck.to_json(report))                   # doctest: +SKIP

Importing the package does no work; models load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Context", "Settings", "__version__", "analyze", "load_settings", "to_dict", "to_json"]

if TYPE_CHECKING:  # pragma: no cover
    from .context import Context
    from .pipeline import analyze
    from .report import to_dict, to_json
    from .settings import Settings, load_settings

_LAZY = {
    "analyze": ("pipeline", "analyze"),
    "to_json": ("report", "to_json"),
    "to_dict": ("report", "to_dict"),
    "load_settings": ("settings", "load_settings"),
    "Settings": ("settings", "Settings"),
    "Context": ("context", "Context"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module, attr = _LAZY[name]
        return getattr(importlib.import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'newscheck' has no attribute {name!r}")
