"""Fetching the URLs a user submits, without letting them reach the server's own network.

A URL sent to the server is fetched *by the server*: without a guard, anyone who can post
an analysis could make it read ``http://127.0.0.1:5432/``, a router's admin page on
``10.0.0.1`` or the cloud metadata service at ``169.254.169.254`` (server-side request
forgery). So every URL goes through :func:`guarded_client`, whose transport
(:class:`GuardedTransport`), for **every** request it sends (each redirect hop and each
linked page of a feed is a request of its own):

1. accepts only ``http`` and ``https``;
2. resolves the host with the injectable ``resolver(host, port)`` (default
   :func:`socket.getaddrinfo`) and refuses the request when *any* address is loopback,
   private, link-local (the metadata address included), multicast, reserved, unspecified
   or otherwise not globally routable, also when it is hidden in an IPv6 form
   (IPv4-mapped ``::ffff:a.b.c.d``, 6to4 ``2002::/16``, NAT64 ``64:ff9b::/96``);
3. connects to the address it checked, not to the name: the request goes to that IP
   with the original ``Host`` header, and TLS is set up with the original name as SNI
   and for certificate checking (httpcore's ``sni_hostname`` extension). A name whose DNS
   answer changes between the check and the connection (DNS rebinding) therefore cannot
   move the connection to an internal address. Connections are pooled per host name, so
   a connection opened for one name is never reused for another on the same address.

``allow_private_urls`` (for a server on a private network that is meant to read its
intranet) turns step 2 off; steps 1 and 3 remain.

Limits: ``web.fetch_timeout`` seconds per URL (connect, read, redirects), at most
``web.max_redirects`` redirects, and a body larger than ``web.fetch_max_bytes`` is refused
while it streams (ingest stops reading at the limit; a ``Content-Length`` is not trusted
on its own). The environment's proxy settings are ignored (``trust_env=False``): a proxy
would do the connecting, and its address checks are not ours.

What remains: a public server the user names can still be asked for anything *it*
serves, at any path; the guard protects the server's network, not third parties from
ordinary requests. A refused or failed URL ends in the report's ``skipped`` with its
one-line reason ("refused: 10.0.0.5 is a private address").
"""

from __future__ import annotations

import dataclasses
import ipaddress
import socket
import threading
from collections.abc import Callable, Iterator, Sequence
from urllib.parse import urlsplit

import httpx

from ..ingest import read as ingest
from ..model import Document, Skipped
from ..settings import Settings

Resolver = Callable[[str, int], list[str]]

_DEFAULT_PORTS = {"http": 80, "https": 443}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class URLRefused(httpx.TransportError):
    """A request the guard will not send; the message is the one-line reason."""


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses ``host`` resolves to, by the system resolver (IPv4 and IPv6)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise httpx.ConnectError(f"could not resolve {host}: {exc}") from None
    return [str(info[4][0]) for info in infos]


def _kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """What makes an address one the server must not reach, or None for a public one."""
    # Order matters: 0.0.0.0 is also "private", ff02::1 is "global" but multicast.
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:
        return "not a public address"
    return None


def refusal(address: str) -> str | None:
    """Why the server must not connect to ``address``, or None when it may.

    Args:
        address: An IPv4 or IPv6 address as text (an IPv6 zone, ``%eth0``, is ignored).

    Returns:
        A reason such as ``"10.0.0.5 is a private address"``; an IPv6 address that
        carries an IPv4 one (mapped, 6to4, NAT64) is judged by that one too.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address} is not an IP address"
    inner: list[ipaddress.IPv4Address] = []
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            inner.append(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            inner.append(ip.sixtofour)
        if ip in _NAT64:
            inner.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    for v4 in inner:
        kind = _kind(v4)
        if kind is not None:
            return f"{address} is {kind} (it carries {v4})"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return None  # a connection to ::ffff:a.b.c.d goes to a.b.c.d, judged above
    kind = _kind(ip)
    return None if kind is None else f"{address} is {kind}"


def url_problem(url: str, *, max_chars: int) -> str | None:
    """Why a posted URL cannot be fetched at all (checked before the analysis is queued).

    Only the form is checked here; where the host points is checked when it is fetched.
    A URL longer than ``max_chars`` (``web.max_url_chars``) is refused: no article needs
    one, and it bounds the work.
    """
    if len(url) > max_chars:
        return f"URL longer than {max_chars:,} characters (setting web.max_url_chars)"
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as exc:
        return f"not a valid URL: {exc}"
    if parts.scheme.lower() not in _DEFAULT_PORTS:
        scheme = parts.scheme or "none"
        return f"only http and https URLs are fetched (scheme: {scheme})"
    if not host:
        return "URL has no host"
    if any(c.isspace() for c in url):
        return "URL contains white space"
    return None


class GuardedTransport(httpx.BaseTransport):
    """An httpx transport that checks, then pins, the address of every request it sends.

    Args:
        resolver: ``resolver(host, port) -> [address, ...]``; default the system's.
        allow_private: Skip the address check (the scheme check and pinning remain).
        transport: The transport that sends the pinned requests (tests pass an
            ``httpx.MockTransport``, which then sees the IP in the URL and the name in
            ``Host``); default one ``httpx.HTTPTransport`` per host name.
    """

    def __init__(
        self,
        *,
        resolver: Resolver | None = None,
        allow_private: bool = False,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._resolver = resolver or system_resolver
        self._allow_private = allow_private
        self._inner = transport
        self._per_host: dict[str, httpx.BaseTransport] = {}
        self._lock = threading.Lock()

    def _transport_for(self, host: str) -> httpx.BaseTransport:
        if self._inner is not None:
            return self._inner
        with self._lock:
            if host not in self._per_host:
                self._per_host[host] = httpx.HTTPTransport(trust_env=False)
            return self._per_host[host]

    def _addresses(self, host: str, port: int) -> list[str]:
        try:
            return [str(ipaddress.ip_address(host))]
        except ValueError:
            pass
        found = list(dict.fromkeys(self._resolver(host, port)))
        if not found:
            raise httpx.ConnectError(f"could not resolve {host}")
        return found

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        scheme = url.scheme.lower()
        if scheme not in _DEFAULT_PORTS:
            raise URLRefused(
                f"refused: only http and https URLs are fetched (scheme: {scheme or 'none'})",
                request=request,
            )
        host = url.raw_host.decode("ascii").strip("[]").rstrip(".").lower()
        if not host:
            raise URLRefused("refused: URL has no host", request=request)
        port = url.port or _DEFAULT_PORTS[scheme]
        addresses = self._addresses(host, port)
        if not self._allow_private:
            for address in addresses:
                reason = refusal(address)
                if reason is not None:
                    raise URLRefused(f"refused: {reason}", request=request)
        inner = self._transport_for(host)
        error: httpx.ConnectError | None = None
        for address in addresses:
            pinned = httpx.Request(
                request.method,
                url.copy_with(host=address.split("%", 1)[0]),
                headers=request.headers,  # keeps Host: the name, not the address
                stream=request.stream,
                extensions={**request.extensions, "sni_hostname": host},
            )
            try:
                return inner.handle_request(pinned)
            except httpx.ConnectError as exc:
                error = exc  # the next address of the name may answer
        assert error is not None
        raise error

    def close(self) -> None:
        with self._lock:
            transports, self._per_host = list(self._per_host.values()), {}
        # An injected transport belongs to the caller, who may use it again.
        for t in transports:
            t.close()


def guarded_client(
    settings: Settings,
    *,
    allow_private: bool = False,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
) -> httpx.Client:
    """An ``httpx.Client`` for user-given URLs: guarded, with the ``web`` limits."""
    web = settings.web
    return httpx.Client(
        transport=GuardedTransport(
            resolver=resolver, allow_private=allow_private, transport=transport
        ),
        headers={"User-Agent": ingest.USER_AGENT},
        follow_redirects=True,
        max_redirects=web.max_redirects,
        timeout=web.fetch_timeout,
        trust_env=False,
    )


# ingest words a transport error as "could not fetch: <Type>: <message>"; a refusal's
# message already says it all.
_REFUSED_PREFIX = f"could not fetch: {URLRefused.__name__}: "


def fetch_documents(
    urls: Sequence[str],
    settings: Settings,
    *,
    allow_private: bool = False,
    transport: httpx.BaseTransport | None = None,
    resolver: Resolver | None = None,
) -> Iterator[Document | Skipped]:
    """Fetch and read each URL (a page or a feed) as ``newscheck analyze URL`` does.

    Args:
        urls: http(s) URLs; anything else is skipped with its reason, never read as a path.
        settings: ``web.fetch_max_bytes``, ``web.fetch_timeout``, ``web.max_redirects``
            and the ingest settings.
        allow_private: Let URLs reach private and loopback addresses.
        transport: Sends the (checked) requests; default real HTTP.
        resolver: Resolves host names; default the system's.

    Yields:
        A :class:`Document` per report, or a :class:`Skipped` with the one-line reason.
    """
    ingest_settings = dataclasses.replace(
        settings.ingest, max_bytes=settings.web.fetch_max_bytes, timeout=settings.web.fetch_timeout
    )
    with guarded_client(
        settings, allow_private=allow_private, transport=transport, resolver=resolver
    ) as client:
        for url in urls:
            problem = url_problem(url, max_chars=settings.web.max_url_chars)
            if problem is not None:
                yield Skipped(input=url, reason=problem)
                continue
            for item in ingest.iter_documents([url], ingest_settings, client=client):
                if isinstance(item, Skipped) and item.reason.startswith(_REFUSED_PREFIX):
                    item = Skipped(input=item.input, reason=item.reason[len(_REFUSED_PREFIX) :])
                yield item
