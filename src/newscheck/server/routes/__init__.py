"""The server's routes, one router per concern, each made by a function of what it serves.

- :mod:`.analyses`: post, list, poll, delete an analysis and download its report;
- :mod:`.articles`: an article's cleaned text (what the evidence offsets point into);
- :mod:`.health`: the server's status;
- :mod:`.pages`: the web page and the ``/docs`` page.

:func:`newscheck.server.app.build_app` includes them in this order (the OpenAPI document
lists the paths in it).
"""

from __future__ import annotations

from fastapi import HTTPException


def not_found(what: str, key: str) -> HTTPException:
    """The 404 for an unknown id (cut to 100 characters: it echoes the request)."""
    return HTTPException(404, f"no {what} with id '{key[:100]}'")
