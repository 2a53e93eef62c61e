"""The HTTP server: ``newscheck serve`` (the API, the background runner, the web page).

FastAPI and uvicorn are the ``web`` extra, imported only here, when a server is made::

    pip install 'newscheck[web]'

:func:`create_app` builds the application around a store (tests call it with their own
store, transport and resolver); :func:`serve` takes the port, holds the store (one server per
store), fails the analyses a dead process left unfinished, and runs uvicorn.
"""

from __future__ import annotations

import errno
import socket
from typing import TYPE_CHECKING, Any

from ..errors import NotInstalledError, ServerError

if TYPE_CHECKING:
    import httpx

    from ..context import Context
    from ..settings import Settings
    from .fetch import Resolver


def create_app(
    *,
    store: Any,
    settings: Settings,
    ctx: Context | None = None,
    allow_private_urls: bool = False,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
):
    """The FastAPI application of the API and the web page.

    Args:
        store: Where analyses live (:func:`newscheck.store.open_store`).
        settings: Settings; ``settings.web`` holds the limits.
        ctx: The context whose models the analyses share (default: one made from
            ``settings``, its models loaded in the background when the app starts).
        allow_private_urls: Let posted URLs reach loopback and private addresses (a
            server meant to read an intranet); off by default.
        transport: Sends the URL requests after the address check (tests inject
            ``httpx.MockTransport``); default real HTTP.
        resolver: ``resolver(host, port) -> [address, ...]``; default the system's.

    Raises:
        NotInstalledError: FastAPI is not installed (the ``web`` extra).
    """
    try:
        import fastapi  # noqa: F401
    except ImportError:
        raise NotInstalledError("fastapi", "web") from None
    try:
        import python_multipart  # noqa: F401  (form uploads)
    except ImportError:
        raise NotInstalledError("python-multipart", "web") from None
    from .app import build_app

    return build_app(
        store=store,
        settings=settings,
        ctx=ctx,
        allow_private_urls=allow_private_urls,
        transport=transport,
        resolver=resolver,
    )


def serve(
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    db: str | None = None,
    settings: Settings | None = None,
    allow_private_urls: bool = False,
    log_level: str = "info",
) -> None:
    """Run the server until interrupted.

    Args:
        host: Address to listen on (``0.0.0.0`` for every interface; behind a reverse
            proxy keep the default).
        port: Port to listen on.
        db: The store (see :func:`newscheck.store.open_store`); default the user's.
        settings: Settings (defaults when omitted).
        allow_private_urls: See :func:`create_app`.
        log_level: uvicorn's log level.

    Raises:
        NotInstalledError: FastAPI or uvicorn is not installed (the ``web`` extra).
    """
    try:
        import uvicorn
    except ImportError:
        raise NotInstalledError("uvicorn", "web") from None
    from ..settings import Settings
    from ..store import open_store

    settings = settings or Settings()
    # The port first, then the store: a second server started by mistake must stop before
    # it recovers (fails) the analyses the first one is running.
    sock = _listen(host, port)
    try:
        store = open_store(db)
        try:
            with store.serving():
                store.recover()
                app = create_app(
                    store=store, settings=settings, allow_private_urls=allow_private_urls
                )
                config = uvicorn.Config(app, log_level=log_level)
                print(f"newscheck: serving {store.url} at http://{_show(host)}:{port}/", flush=True)
                uvicorn.Server(config).run(sockets=[sock])
        finally:
            store.close()
    finally:
        sock.close()


def _show(host: str) -> str:
    """The host as it goes in a URL (IPv6 in brackets)."""
    return f"[{host}]" if ":" in host else host


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` and listening, or a ServerError saying why not."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        why = exc.strerror or str(exc)
        hint = (
            " (another server, perhaps another newscheck serve, is using it: stop it or "
            "choose another --port)"
            if exc.errno == errno.EADDRINUSE
            else ""
        )
        raise ServerError(f"cannot listen on {host}:{port}: {why}{hint}") from None
    return sock
