"""The HTTP API: uploads, limits, URL safety, polling, downloads and headers.

No network: URLs go through an injected resolver and an ``httpx.MockTransport``. Tests
that run analyses with the real models are marked slow; the others use a context whose
models are stand-ins (they post nothing the models would read, or only check the reply).
"""

from __future__ import annotations

import dataclasses
import json
import re
import time
from pathlib import Path

import httpx
import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")

from fastapi.testclient import TestClient

from newscheck.context import Context
from newscheck.ingest.read import documents_from_bytes, read_documents
from newscheck.model import Article, Document, Report, Skipped
from newscheck.server import create_app
from newscheck.server.fetch import fetch_documents, refusal, url_problem
from newscheck.server.jobs import Job, Runner, Throttled, one_line
from newscheck.settings import Settings, WebSettings
from newscheck.store import open_store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(200)
SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
}

# An invented article page, long enough to be read as a report.
ARTICLE_HTML = (
    "<html><head><title>Bridge repairs to close river crossing for a month</title>"
    "<meta property='og:type' content='article'></head><body><article>"
    "<h1>Bridge repairs to close river crossing for a month</h1>"
    + "".join(
        f"<p>{s}</p>"
        for s in (
            (
                "The old river bridge in Amberley will close to traffic on Monday for a month "
                "of repairs, the county roads department said on Friday."
            ),
            (
                "Engineers found corrosion in two of the bridge's steel supports during an "
                "inspection in the spring, according to the department."
            ),
            (
                "Drivers will be sent on a detour of about 12 kilometres through the next "
                "town, and buses will stop on either side of the river."
            ),
            (
                '"We know this is a burden, but the bridge has to be safe," said Ines Porter, '
                "the department's chief engineer."
            ),
            (
                "The repairs are expected to cost 2.4 million euros and to be finished "
                "before the autumn term begins."
            ),
        )
    )
    + "</article></body></html>"
)

# Where each invented host name points.
ADDRESSES = {
    "news.test": ["93.184.216.34"],
    "v6news.test": ["2606:4700::1111"],
    "inside.test": ["10.20.30.40"],
    "redirect.test": ["93.184.216.35"],
    "loop.test": ["93.184.216.36"],
    "mixed.test": ["93.184.216.34", "127.0.0.1"],
    "ula.test": ["fd12:3456::1"],
    "big.test": ["93.184.216.37"],
}


def resolver(host: str, port: int) -> list[str]:
    if host not in ADDRESSES:
        raise httpx.ConnectError(f"could not resolve {host}")
    return ADDRESSES[host]


def handler(request: httpx.Request) -> httpx.Response:
    host = request.headers["host"].split(":")[0]
    if host == "redirect.test":
        return httpx.Response(302, headers={"location": "http://inside.test/admin"})
    if host == "loop.test":
        n = int(request.url.params.get("n", "0"))
        return httpx.Response(302, headers={"location": f"http://loop.test/a?n={n + 1}"})
    if host == "big.test":
        # streamed without a Content-Length: the limit must hold while reading
        return httpx.Response(200, headers={"content-type": "text/html"},
                              content=iter([b"<p>" + b"x" * 4096] * 50))  # fmt: skip
    return httpx.Response(200, html=ARTICLE_HTML)


TRANSPORT = httpx.MockTransport(handler)


def stand_in_context(settings: Settings) -> Context:
    """A context whose models count as loaded; nothing here may run them."""
    ctx = Context(settings=settings)
    ctx._nlp = object()
    ctx._embedder = object()
    return ctx


def small_settings(**web) -> Settings:
    return Settings(web=WebSettings(**web))


def wait_done(client: TestClient, url: str, seconds: float = 60.0) -> dict:
    deadline = time.monotonic() + seconds
    while True:
        body = client.get(url).json()
        if body["status"] in ("done", "failed") or time.monotonic() > deadline:
            return body
        time.sleep(0.05)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("server") / "t.db")
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    settings = small_settings(max_page_size=50)
    app = create_app(store=store, settings=settings, ctx=stand_in_context(settings),
                     transport=TRANSPORT, resolver=resolver)  # fmt: skip
    with TestClient(app) as c:
        yield c


def make_client(store, **web) -> TestClient:
    settings = small_settings(**web)
    app = create_app(store=store, settings=settings, ctx=stand_in_context(settings),
                     transport=TRANSPORT, resolver=resolver)  # fmt: skip
    return TestClient(app)


# --------------------------------------------------------------------------- addresses


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("127.0.0.1", "loopback"),
        ("10.0.0.5", "private"),
        ("192.168.1.20", "private"),
        ("169.254.169.254", "link-local"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "not a public"),
        ("::1", "loopback"),
        ("fc00::1", "private"),
        ("fe80::1%eth0", "link-local"),
        ("ff02::1", "multicast"),
        ("::ffff:10.0.0.1", "carries 10.0.0.1"),
        ("2002:a00:1::", "carries 10.0.0.1"),
        ("64:ff9b::7f00:1", "carries 127.0.0.1"),
    ],
)
def test_internal_addresses_are_refused(address, words):
    assert words in (refusal(address) or "")


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111",
                                     "::ffff:93.184.216.34"])  # fmt: skip
def test_public_addresses_pass(address):
    assert refusal(address) is None


@pytest.mark.parametrize(
    ("url", "words"),
    [("ftp://files.test/a.txt", "scheme: ftp"), ("file:///etc/passwd", "scheme: file"),
     ("javascript:alert(1)", "scheme: javascript"), ("http:///nohost", "no host"),
     ("/etc/passwd", "scheme: none"), ("https://news.test:99999/", "not a valid URL")],
)  # fmt: skip
def test_url_problems(url, words):
    assert words in (url_problem(url, max_chars=Settings().web.max_url_chars) or "")


def test_good_url_has_no_problem():
    url = "https://news.test/2026/05/bridge-repairs?ref=home"
    assert url_problem(url, max_chars=Settings().web.max_url_chars) is None


def test_a_url_or_a_label_over_its_setting_is_refused_naming_the_setting(client):
    long_url = "https://news.test/" + "a" * 2100
    assert "setting web.max_url_chars" in url_problem(long_url, max_chars=2048)
    assert url_problem(long_url, max_chars=4096) is None
    reply = client.post("/api/analyses", json={"urls": [long_url]})
    assert reply.status_code == 422
    assert "longer than 2,048 characters" in reply.json()["errors"][0]["reason"]
    reply = client.post("/api/analyses", json={"articles": [{"text": "x"}], "label": "l" * 201})
    assert reply.status_code == 422
    assert "setting web.max_label_chars" in reply.json()["detail"]


# --------------------------------------------------------------------------- fetching


def fetch(urls, **kwargs):
    return list(fetch_documents(urls, kwargs.pop("settings", Settings()),
                                transport=TRANSPORT, resolver=resolver, **kwargs))  # fmt: skip


def test_public_url_is_fetched_pinned_to_the_checked_address():
    seen: list[httpx.Request] = []

    def spy(request):
        seen.append(request)
        return handler(request)

    items = list(fetch_documents(["https://news.test/2026/bridge"], Settings(),
                                 transport=httpx.MockTransport(spy), resolver=resolver))  # fmt: skip
    assert [type(i) for i in items] == [Document]
    assert items[0].title.startswith("Bridge repairs")
    assert items[0].url == "https://news.test/2026/bridge"
    # connected to the address that was checked, with the name kept for Host and TLS
    assert seen[0].url.host == "93.184.216.34"
    assert seen[0].headers["host"] == "news.test"
    assert seen[0].extensions["sni_hostname"] == "news.test"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("http://127.0.0.1/", "refused: 127.0.0.1 is a loopback address"),
        ("http://10.1.2.3/story", "refused: 10.1.2.3 is a private address"),
        ("http://169.254.169.254/latest/meta-data/", "refused: 169.254.169.254 is a link-local"),
        ("http://[::1]:8080/", "refused: ::1 is a loopback address"),
        ("http://ula.test/story", "refused: fd12:3456::1 is a private address"),
        ("http://inside.test/story", "refused: 10.20.30.40 is a private address"),
        ("http://redirect.test/story", "refused: 10.20.30.40 is a private address"),
        ("http://mixed.test/story", "refused: 127.0.0.1 is a loopback address"),
        ("gopher://news.test/", "only http and https"),
    ],
)
def test_internal_urls_are_skipped_with_the_reason(url, reason):
    items = fetch([url])
    assert len(items) == 1 and isinstance(items[0], Skipped)
    assert items[0].input == url
    assert items[0].reason.startswith(reason)


def test_private_urls_allowed_when_asked():
    items = fetch(["http://inside.test/story", "http://redirect.test/story"], allow_private=True)
    assert [type(i) for i in items] == [Document, Document]


def test_redirects_are_limited():
    items = fetch(["http://loop.test/a"], settings=small_settings(max_redirects=3))
    assert isinstance(items[0], Skipped) and "TooManyRedirects" in items[0].reason


def test_streamed_body_over_the_limit_is_refused():
    items = fetch(["http://big.test/story"], settings=small_settings(fetch_max_bytes=50_000))
    assert isinstance(items[0], Skipped) and items[0].reason.startswith("too large")
    # near miss: under the limit the same page is read
    items = fetch(["http://big.test/story"], settings=small_settings(fetch_max_bytes=500_000))
    assert not (isinstance(items[0], Skipped) and "too large" in items[0].reason)


def test_https_is_pinned_and_verified_against_the_name(tmp_path):
    """The connection goes to the checked address; TLS still checks the certificate's name."""
    import shutil
    import ssl
    import subprocess
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from newscheck.server.fetch import GuardedTransport

    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed (needed to make a test certificate)")
    cert, key = tmp_path / "c.pem", tmp_path / "k.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key),
         "-out", str(cert), "-days", "1", "-subj", "/CN=pinned.test",
         "-addext", "subjectAltName=DNS:pinned.test"],
        check=True, capture_output=True,
    )  # fmt: skip

    class Hello(BaseHTTPRequestHandler):
        def do_GET(self):
            body = self.headers["Host"].encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Hello)
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    port = server.server_address[1]
    trust = ssl.create_default_context(cafile=str(cert))
    try:
        for name, ok in (("pinned.test", True), ("other.test", False)):
            guard = GuardedTransport(
                allow_private=True,
                resolver=lambda host, port: ["127.0.0.1"],
                transport=httpx.HTTPTransport(verify=trust),
            )
            with httpx.Client(transport=guard) as c:
                if ok:
                    reply = c.get(f"https://{name}:{port}/")
                    assert reply.text == f"{name}:{port}"
                else:
                    with pytest.raises(httpx.ConnectError, match="certificate"):
                        c.get(f"https://{name}:{port}/")
    finally:
        server.shutdown()


# --------------------------------------------------------------------------- jobs


def test_progress_is_throttled():
    writes = []
    t = Throttled(lambda *a: writes.append(a), interval=3600)
    t("extract", 1, 5)
    t("extract", 2, 5)
    assert writes == [("extract", 1, 5)]
    every = []
    t = Throttled(lambda *a: every.append(a), interval=0)
    t("extract", 1, 5)
    t("extract", 2, 5)
    assert len(every) == 2


def test_a_failing_job_fails_its_analysis_with_one_line(store):
    settings = Settings()

    def broken(urls):
        raise RuntimeError("disk on fire\nsecond line")

    runner = Runner(store, settings, ctx=stand_in_context(settings), fetch=broken)
    record = store.create_analysis(inputs=1)
    runner.submit(Job(analysis_id=record.id, urls=("https://news.test/a",))).result(timeout=30)
    runner.close()
    got = store.get_analysis(record.id)
    assert got.status == "failed"
    assert got.error == "RuntimeError: disk on fire second line"
    assert one_line(ValueError("x" * 2000)).endswith("…")


# --------------------------------------------------------------------------- status, headers


def test_healthz(client, store):
    body = client.get("/healthz").json()
    assert body == {"status": "ok", "store": store.url,
                    "schema_version": store.schema_version(), "models": "loaded"}  # fmt: skip


@pytest.mark.parametrize("path", ["/healthz", "/api/analyses", "/api/analyses/nope", "/"])
def test_security_headers(client, path):
    headers = client.get(path).headers
    csp = headers["content-security-policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    for key, value in SECURITY.items():
        assert headers[key] == value


def test_docs_and_openapi(client):
    page = client.get("/docs")
    assert page.status_code == 200
    # Swagger UI is served from here (fastapi-offline), never from a CDN: /docs works offline
    assert "/docs-static/swagger-ui-bundle.js" in page.text and "http" not in page.headers[
        "content-security-policy"
    ]
    assert "cdn." not in page.text
    asset = client.get("/docs-static/swagger-ui-bundle.js")
    assert asset.status_code == 200 and len(asset.content) > 100_000
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/analyses" in paths and "/api/articles/{article_id}" in paths


# --------------------------------------------------------------------------- posting


def test_json_with_only_refused_urls_is_done_with_reasons(client):
    urls = ["http://inside.test/a", "http://redirect.test/b", "http://[::1]/c"]
    reply = client.post("/api/analyses", json={"urls": urls, "label": "  refused  urls "})
    assert reply.status_code == 202, reply.text
    body = reply.json()
    assert body["status"] == "queued" and body["inputs"] == 3 and body["skipped"] == []
    done = wait_done(client, body["url"])
    assert done["status"] == "done" and done["label"] == "refused urls"
    reasons = {s["input"]: s["reason"] for s in done["report"]["skipped"]}
    assert reasons == {
        "http://inside.test/a": "refused: 10.20.30.40 is a private address",
        "http://redirect.test/b": "refused: 10.20.30.40 is a private address",
        "http://[::1]/c": "refused: ::1 is a loopback address",
    }


def test_multipart_keeps_good_files_and_lists_the_binary(client):
    files = [("files", ("story.txt", (EXAMPLES / "westport_star.txt").read_bytes())),
             ("files", ("photo.png", PNG)),
             ("files", ("", b""))]  # fmt: skip
    reply = client.post("/api/analyses", files=files, data={"texts": ["", "   "]})
    assert reply.status_code == 202, reply.text
    body = reply.json()
    assert body["inputs"] == 2
    assert body["skipped"] == [
        {"input": "photo.png", "reason": "binary file (PNG), not a text, HTML or JSON document"}
    ]


def test_multipart_with_only_bad_files_is_422_naming_each(client):
    files = [("files", ("photo.png", PNG)), ("files", ("blank.txt", b"  \n")),
             ("files", ("C:\\Users\\me\\broken.json", b"{not json"))]  # fmt: skip
    reply = client.post("/api/analyses", files=files)
    assert reply.status_code == 422
    body = reply.json()
    assert body["detail"].startswith("nothing to analyse")
    names = [e["input"] for e in body["errors"]]
    assert names == ["photo.png", "blank.txt", "broken.json"]
    assert all(e["reason"] for e in body["errors"])


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ({"articles": "not a list"}, "'articles' must be a list"),
        ({"urls": "https://news.test/a"}, "'urls' must be a list of strings"),
        ({"articles": [], "extra": 1}, "unknown field"),
        ({"label": 5, "urls": ["https://news.test/a"]}, "'label' must be a string"),
        (42, "expected a list of articles or an object"),
        ({}, "nothing to analyse"),
        ([{"title": "no text"}], "nothing to analyse"),
    ],
)
def test_unusable_json_is_422(client, payload, words):
    reply = client.post("/api/analyses", json=payload)
    assert reply.status_code == 422, reply.text
    assert words in reply.json()["detail"]


def test_malformed_json_is_422(client):
    reply = client.post("/api/analyses", content=b"[{",
                        headers={"content-type": "application/json"})  # fmt: skip
    assert reply.status_code == 422 and "invalid JSON" in reply.json()["detail"]


def test_non_http_url_is_422_with_the_reason(client):
    reply = client.post("/api/analyses", data={"urls": "https://news.test/a\nfile:///etc/passwd\n"})
    assert reply.status_code == 422
    assert reply.json()["errors"] == [
        {
            "input": "file:///etc/passwd",
            "reason": "only http and https URLs are fetched (scheme: file)",
        }
    ]


def test_other_media_type_is_415(client):
    reply = client.post("/api/analyses", content=b"hello",
                        headers={"content-type": "text/plain"})  # fmt: skip
    assert reply.status_code == 415


def test_unknown_form_field_is_422(client):
    reply = client.post("/api/analyses", data={"text": "pasted into the wrong field"})
    assert reply.status_code == 422 and "'text'" in reply.json()["detail"]


# --------------------------------------------------------------------------- limits


def test_too_many_files_is_413(store):
    files = [("files", (f"r{i}.txt", b"Some words of a report.")) for i in range(3)]
    with make_client(store, max_files=2) as c:
        reply = c.post("/api/analyses", files=files)
        assert reply.status_code == 413
        assert "web.max_files" in reply.json()["detail"]
        assert reply.headers["x-content-type-options"] == "nosniff"
        # near miss: at the limit the request is read (and refused only as unreadable)
        assert c.post("/api/analyses", files=files[:2]).status_code != 413


def test_too_many_urls_is_413(store):
    with make_client(store, max_urls=2) as c:
        urls = [f"https://news.test/{i}" for i in range(3)]
        reply = c.post("/api/analyses", json={"urls": urls})
        assert reply.status_code == 413 and "web.max_urls" in reply.json()["detail"]
        reply = c.post("/api/analyses", data={"urls": "\n".join(urls)})
        assert reply.status_code == 413


def test_too_many_reports_inside_one_file_is_413(store):
    lines = b"\n".join(json.dumps({"text": f"Report {i} says a lot."}).encode() for i in range(5))
    with make_client(store, max_files=3) as c:
        reply = c.post("/api/analyses", files=[("files", ("many.jsonl", lines))])
        assert reply.status_code == 413


def test_body_too_large_is_413_declared_or_chunked(store):
    with make_client(store, max_upload_bytes=1000) as c:
        big = json.dumps([{"text": "word " * 400}]).encode()
        reply = c.post("/api/analyses", content=big, headers={"content-type": "application/json"})
        assert reply.status_code == 413
        assert "1,000 bytes" in reply.json()["detail"]
        assert "web.max_upload_bytes" in reply.json()["detail"]

        def chunks():
            yield big[:600]
            yield big[600:]

        # a generator body goes out without a Content-Length (the test client hands it to
        # the app as one message: the running total over real chunks is tested on a socket,
        # in test_chunked_body_is_limited_on_its_running_total_over_a_real_socket)
        reply = c.post("/api/analyses", content=chunks(),
                       headers={"content-type": "application/json"})  # fmt: skip
        assert reply.status_code == 413
        assert reply.headers["referrer-policy"] == "no-referrer"
        files = [("files", ("big.txt", b"word " * 400))]
        assert c.post("/api/analyses", files=files).status_code == 413


def _post_chunked(port: int, chunks: list[bytes], pause: float) -> int:
    """POST ``chunks`` as a ``Transfer-Encoding: chunked`` body over a real socket, one
    chunk at a time (``pause`` seconds apart, so the server takes each as its own
    message); the status of the answer, which may come before the body has all gone."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("POST", "/api/analyses")
        conn.putheader("Content-Type", "application/json")
        conn.putheader("Transfer-Encoding", "chunked")
        conn.endheaders()
        try:
            for chunk in chunks:
                conn.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                time.sleep(pause)
            conn.send(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed before the last chunk: read its answer
        return conn.getresponse().status
    finally:
        conn.close()


def test_chunked_body_is_limited_on_its_running_total_over_a_real_socket(store):
    """The test client hands a body over as one message; uvicorn on loopback hands each
    chunk to the app as it arrives, so a limit counted per chunk would let this through."""
    import socket
    import threading

    uvicorn = pytest.importorskip("uvicorn")
    settings = small_settings(max_upload_bytes=1000)
    app = create_app(store=store, settings=settings, ctx=stand_in_context(settings),
                     transport=TRANSPORT, resolver=resolver)  # fmt: skip
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="error"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        body = json.dumps({"urls": ["http://inside.test/x"], "label": "x" * 1150}).encode()
        assert len(body) > 1000
        chunks = [body[n : n + 400] for n in range(0, len(body), 400)]
        assert all(len(c) < 1000 for c in chunks)
        assert _post_chunked(port, chunks, pause=0.2) == 413
        # near miss: chunked, in pieces, under the limit in total: read (and refused only
        # for its over-long label)
        small = json.dumps({"urls": ["http://inside.test/x"], "label": "y" * 500}).encode()
        assert _post_chunked(port, [small[:300], small[300:]], pause=0.2) == 422
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


# --------------------------------------------------------------------------- reading back


def test_paging(client, store):
    ids = [store.create_analysis(inputs=1, label=f"page {i}").id for i in range(5)]
    first = client.get("/api/analyses", params={"limit": 2}).json()
    assert first["limit"] == 2 and first["offset"] == 0 and len(first["items"]) == 2
    assert first["total"] >= 5
    assert [i["id"] for i in first["items"]] == ids[::-1][:2]  # newest first
    second = client.get("/api/analyses", params={"limit": 2, "offset": 1}).json()
    assert [i["id"] for i in second["items"]] == ids[::-1][1:3]
    assert second["items"][0]["url"] == f"/api/analyses/{ids[-2]}"
    assert client.get("/api/analyses").json()["limit"] == Settings().web.page_size
    past = client.get("/api/analyses", params={"offset": first["total"]}).json()
    assert past["items"] == [] and past["total"] == first["total"]


@pytest.mark.parametrize("params", [{"limit": 51}, {"limit": 0}, {"limit": -1}, {"offset": -1},
                                    {"limit": "many"}, {"offset": 2**63}])  # fmt: skip
def test_paging_bounds_are_422(client, params):
    assert client.get("/api/analyses", params=params).status_code == 422


def test_page_at_the_largest_size_is_fine(client):
    assert client.get("/api/analyses", params={"limit": 50}).status_code == 200


@pytest.mark.parametrize("path", ["/api/analyses/zzz", "/api/analyses/zzz/report.json",
                                  "/api/articles/a000000000000", "/api/nothing"])  # fmt: skip
def test_unknown_is_404_json(client, path):
    reply = client.get(path)
    assert reply.status_code == 404 and reply.json()["detail"]


@pytest.mark.parametrize("ext", ["json", "md", "html"])
def test_report_of_a_running_analysis_is_409(client, store, ext):
    record = store.create_analysis(inputs=1)
    store.start_analysis(record.id)
    reply = client.get(f"/api/analyses/{record.id}/report.{ext}")
    assert reply.status_code == 409 and "running" in reply.json()["detail"]
    polled = client.get(f"/api/analyses/{record.id}").json()
    assert polled["status"] == "running" and polled["report"] is None


def stored_article(n: int) -> Article:
    """An invented article whose id and text depend on ``n`` only."""
    text = f"Ferry line {n} resumes\n\nThe ferry line {n} carried {100 + n} passengers."
    return Article(id=f"b{n:012x}", input=f"report-{n}.txt", text=text, words=7)


def finish_with(store, record_id: str, ns: list[int]) -> None:
    """Finish an analysis with a report that read the articles ``ns`` and formed no story."""
    arts = tuple(stored_article(n) for n in ns)
    store.finish_analysis(record_id, Report(generated_at="2026-05-02T09:30:00Z",
                                            articles=arts, skipped=(), stories=()))  # fmt: skip


def test_delete_then_the_analysis_and_its_own_articles_are_gone(client, store):
    article = stored_article
    keep, gone = store.create_analysis(inputs=2), store.create_analysis(inputs=2)
    finish_with(store, keep.id, [901, 902])
    finish_with(store, gone.id, [902, 903])
    reply = client.delete(f"/api/analyses/{gone.id}")
    assert reply.status_code == 204 and reply.content == b""
    assert client.get(f"/api/analyses/{gone.id}").status_code == 404
    assert client.get(f"/api/analyses/{gone.id}/report.json").status_code == 404
    assert client.get(f"/api/articles/{article(903).id}").status_code == 404
    # near miss: the article the kept analysis also read is still there, as is that analysis
    assert client.get(f"/api/articles/{article(902).id}").status_code == 200
    assert client.get(f"/api/analyses/{keep.id}").json()["status"] == "done"
    listed = client.get("/api/analyses", params={"limit": 50}).json()["items"]
    assert gone.id not in {r["id"] for r in listed} and keep.id in {r["id"] for r in listed}
    again = client.delete(f"/api/analyses/{gone.id}")
    assert again.status_code == 404 and gone.id in again.json()["detail"]


def test_delete_of_a_running_analysis_is_409_and_of_an_unknown_one_404(client, store):
    running = store.create_analysis(inputs=1)
    store.start_analysis(running.id)
    reply = client.delete(f"/api/analyses/{running.id}")
    assert reply.status_code == 409
    assert "running" in reply.json()["detail"] and "wait" in reply.json()["detail"]
    assert client.get(f"/api/analyses/{running.id}").json()["status"] == "running"
    unknown = client.delete("/api/analyses/0123456789abcdef")
    assert unknown.status_code == 404 and unknown.json()["detail"]


def test_unknown_report_format_is_404(client, store):
    record = store.create_analysis(inputs=1)
    assert client.get(f"/api/analyses/{record.id}/report.pdf").status_code == 404


# --------------------------------------------------------------------------- full runs (models)


def article_objects(names: list[str]) -> list[dict]:
    docs, skipped = read_documents([str(EXAMPLES / n) for n in names], Settings().ingest)
    assert not skipped
    return [{"text": d.text, "title": d.title, "outlet": d.outlet, "url": d.url,
             "published": d.published.isoformat() if d.published else None}
            for d in docs]  # fmt: skip


@pytest.fixture(scope="module")
def model_client(store, ctx):
    settings = ctx.settings
    app = create_app(store=store, settings=settings, ctx=ctx, transport=TRANSPORT,
                     resolver=resolver)  # fmt: skip
    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def json_run(model_client, ctx):
    """A JSON list posted and analysed; and the pipeline's report of the same documents."""
    from newscheck.pipeline import analyze_documents

    articles = article_objects(["westport_star.txt", "valley_courier.txt", "meridian_wire.txt"])
    reply = model_client.post("/api/analyses", json=articles)
    assert reply.status_code == 202, reply.text
    polled = wait_done(model_client, reply.json()["url"])
    data = json.dumps(articles, ensure_ascii=False).encode()
    docs = list(documents_from_bytes(data, "posted.json", ctx.settings.ingest))
    expected = analyze_documents(docs, ctx)
    return polled, expected


@pytest.mark.slow
def test_json_upload_gives_the_pipelines_report(json_run):
    from newscheck.report import to_dict

    polled, expected = json_run
    assert polled["status"] == "done", polled.get("error")
    got = dict(polled["report"])
    want = to_dict(expected)
    got.pop("generated_at")
    want.pop("generated_at")
    assert got == want
    assert polled["articles"] == 3 and polled["stories"] == len(want["stories"])


@pytest.mark.slow
@pytest.mark.parametrize(("ext", "fmt", "media"), [("json", "json", "application/json"),
                                                   ("md", "markdown", "text/markdown"),
                                                   ("html", "html", "text/html")])  # fmt: skip
def test_downloads_match_the_cli_renderers(model_client, json_run, ext, fmt, media):
    from newscheck.render import render

    polled, expected = json_run
    reply = model_client.get(f"{polled['url']}/report.{ext}")
    assert reply.status_code == 200
    assert reply.headers["content-type"].startswith(media)
    assert reply.headers["content-disposition"] == (
        f'inline; filename="newscheck-{polled["id"]}.{ext}"'
    )
    same_time = dataclasses.replace(expected, generated_at=polled["report"]["generated_at"])
    assert reply.content == render(same_time, fmt).encode("utf-8")
    if ext == "html":
        csp = reply.headers["content-security-policy"]
        assert "style-src 'sha256-" in csp and "script" not in csp.replace("default-src", "")


@pytest.mark.slow
def test_article_text_holds_every_evidence_sentence(model_client, json_run):
    polled, _ = json_run
    report = polled["report"]
    texts = {}
    for a in report["articles"]:
        body = model_client.get(f"/api/articles/{a['id']}").json()
        assert body["id"] == a["id"] and body["input"] == a["input"]
        texts[a["id"]] = body["text"]
    checked = 0
    for story in report["stories"]:
        for claim in story["claims"]:
            for ev in claim["evidence"]:
                assert ev["sentence"] in texts[ev["article"]]
                checked += 1
    assert checked > 0


@pytest.mark.slow
def test_files_texts_and_a_public_url_analysed_together(model_client):
    text = (EXAMPLES / "valley_courier.txt").read_text(encoding="utf-8")
    files = [("files", ("westport.txt", (EXAMPLES / "westport_star.txt").read_bytes())),
             ("files", ("photo.png", PNG))]  # fmt: skip
    data = {"texts": text, "urls": "https://news.test/2026/bridge\nhttp://inside.test/x",
            "label": "mixed"}  # fmt: skip
    reply = model_client.post("/api/analyses", files=files, data=data)
    assert reply.status_code == 202, reply.text
    polled = wait_done(model_client, reply.json()["url"])
    assert polled["status"] == "done", polled.get("error")
    report = polled["report"]
    inputs = {a["input"] for a in report["articles"]}
    assert inputs == {"westport.txt", "pasted-1.txt", "https://news.test/2026/bridge"}
    skipped = {s["input"]: s["reason"] for s in report["skipped"]}
    assert skipped["photo.png"].startswith("binary file (PNG)")
    assert skipped["http://inside.test/x"] == "refused: 10.20.30.40 is a private address"
    assert polled["label"] == "mixed" and polled["inputs"] == 5


def test_malformed_multipart_is_422(client):
    reply = client.post(
        "/api/analyses",
        content=b"x" * 100,
        headers={"content-type": "multipart/form-data; boundary=zz"},
    )
    assert reply.status_code == 422 and "malformed multipart" in reply.json()["detail"]


def test_allow_private_urls_reaches_the_runner(store):
    settings = Settings()
    for allow, kind in ((True, Document), (False, Skipped)):
        app = create_app(store=store, settings=settings, ctx=stand_in_context(settings),
                         allow_private_urls=allow, transport=TRANSPORT, resolver=resolver)  # fmt: skip
        items = list(app.state.runner._fetch(["http://inside.test/story"]))
        assert [type(i) for i in items] == [kind]
        app.state.runner.close()


# --------------------------------------------------------------------------- the OpenAPI description


@pytest.fixture(scope="module")
def openapi(client) -> dict:
    return client.get("/openapi.json").json()


def _resolve(doc: dict, schema: dict) -> dict:
    ref = schema.get("$ref", "")
    return doc["components"]["schemas"][ref.rsplit("/", 1)[-1]] if ref else schema


def test_openapi_describes_the_post_bodies(openapi):
    from newscheck import __version__

    assert openapi["info"]["version"] == __version__
    post = openapi["paths"]["/api/analyses"]["post"]
    content = post["requestBody"]["content"]
    assert {"application/json", "multipart/form-data"} <= set(content)
    for media in content.values():
        assert media["examples"], "every body has an example"
    json_kinds = [_resolve(openapi, s) for s in content["application/json"]["schema"]["oneOf"]]
    assert [k["type"] for k in json_kinds] == ["array", "object"]
    assert set(json_kinds[1]["properties"]) == {"articles", "urls", "label"}
    assert _resolve(openapi, json_kinds[0]["items"])["required"] == ["text"]
    form = _resolve(openapi, content["multipart/form-data"]["schema"])["properties"]
    assert set(form) == {"files", "texts", "urls", "label"}
    assert form["files"]["items"]["format"] == "binary" and form["texts"]["type"] == "array"
    assert form["urls"]["type"] == "string"


def test_openapi_error_schema_on_every_refusal(openapi):
    expected = {
        ("/api/analyses", "post"): {"202", "413", "415", "422"},
        ("/api/analyses", "get"): {"200", "422"},
        ("/api/analyses/{analysis_id}", "get"): {"200", "404"},
        ("/api/analyses/{analysis_id}", "delete"): {"204", "404", "409"},
        ("/api/analyses/{analysis_id}/report.{ext}", "get"): {"200", "404", "409"},
        ("/api/articles/{article_id}", "get"): {"200", "404"},
        ("/healthz", "get"): {"200"},
    }
    described = {(p, m): op for p, ops in openapi["paths"].items() for m, op in ops.items()}
    assert set(described) == set(expected)
    error = openapi["components"]["schemas"]["Error"]
    assert error["required"] == ["detail"] and set(error["properties"]) == {"detail", "errors"}
    for key, codes in expected.items():
        answers = described[key]["responses"]
        assert set(answers) == codes, key
        for code in codes - {"200", "202", "204"}:
            assert answers[code]["content"]["application/json"]["schema"] == {
                "$ref": "#/components/schemas/Error"
            }, (key, code)
        assert described[key]["summary"] and described[key]["description"]
    assert "HTTPValidationError" not in openapi["components"]["schemas"]


def test_openapi_record_fields_follow_the_model(openapi):
    from newscheck.model import AnalysisRecord

    fields = [f.name for f in dataclasses.fields(AnalysisRecord)]
    schemas = openapi["components"]["schemas"]
    assert list(schemas["Record"]["properties"]) == [*fields, "url"]
    assert list(schemas["Analysis"]["properties"]) == [*fields, "url", "report"]
    status = schemas["Record"]["properties"]["status"]
    assert set(status["enum"]) == {"queued", "running", "done", "failed"}
    report = schemas["Analysis"]["properties"]["report"]["anyOf"]
    assert {"$ref": "#/components/schemas/Report"} in report


def test_openapi_report_is_the_contract_schema(openapi):
    import jsonschema

    from newscheck.report import json_schema

    contract = json_schema()
    described = openapi["components"]["schemas"]["Report"]
    assert described["required"] == contract["required"]
    assert set(described["properties"]) == set(contract["properties"])
    # every reference inside the contract points at a component that exists
    text = json.dumps(openapi)
    assert "#/$defs/" not in text
    for ref in set(re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', text)):
        assert ref in openapi["components"]["schemas"], ref
    # a report the contract accepts is accepted by the description too (and a broken one not)
    resolver_doc = {**described, "$defs": {}, "components": openapi["components"]}
    validator = jsonschema.Draft202012Validator(resolver_doc)
    report = {"schema": "newscheck.report/1", "generated_at": "2026-05-02T09:30:00Z",
              "articles": [], "skipped": [], "stories": []}  # fmt: skip
    jsonschema.validate(report, contract)
    assert validator.is_valid(report)
    assert not validator.is_valid({**report, "stories": "none"})


def test_openapi_validates_as_3_1(openapi):
    validator = pytest.importorskip("openapi_spec_validator", reason="openapi-spec-validator "
                                    "(dev extra) is not installed")  # fmt: skip
    assert openapi["openapi"].startswith("3.1")
    validator.validate(openapi)


def test_bad_query_is_422_with_the_error_body(client):
    reply = client.get("/api/analyses", params={"limit": 0, "offset": "x"})
    assert reply.status_code == 422
    body = reply.json()
    assert isinstance(body["detail"], str) and "limit" in body["detail"]
    assert [e["input"] for e in body["errors"]] == ["limit", "offset"]
    # near miss: good parameters are not refused
    assert client.get("/api/analyses", params={"limit": 1, "offset": 0}).status_code == 200
    assert client.get("/api/analyses", params={"offset": 2**63 - 1}).json()["items"] == []


def test_unpaired_surrogate_in_json_is_422_not_500(client):
    words = " and the council voted" * 10
    for raw in ('[{"text": "\\ud800' + words + '"}]',
                '{"label": "\\udfff", "urls": ["https://news.test/a"]}'):  # fmt: skip
        reply = client.post("/api/analyses", content=raw.encode(),
                            headers={"content-type": "application/json"})  # fmt: skip
        assert reply.status_code == 422, raw
        assert "unpaired surrogate" in reply.json()["detail"]
    # near miss: a surrogate pair escaped in JSON is one character (an emoji) and is fine
    paired = '{"label": "budget \\ud83d\\udcb0", "urls": ["http://inside.test/x"]}'
    reply = client.post("/api/analyses", content=paired.encode(),
                        headers={"content-type": "application/json"})  # fmt: skip
    assert reply.status_code == 202
    assert client.get(reply.json()["url"]).json()["label"] == "budget \U0001f4b0"


DEEP = b"[" * 1000 + b"]" * 1000  # 2 KB of nesting past Python's recursion limit


def test_json_nested_too_deep_is_422_or_a_reason_not_500(client):
    reply = client.post("/api/analyses", content=DEEP,
                        headers={"content-type": "application/json"})  # fmt: skip
    assert reply.status_code == 422, reply.text
    assert "nested more than 64 levels deep" in reply.json()["detail"]
    reply = client.post("/api/analyses", files=[("files", ("deep.json", DEEP))])
    assert reply.status_code == 422, reply.text
    assert "nested more than 64 levels deep" in reply.json()["errors"][0]["reason"]
    # a JSON Lines upload whose second line is deep keeps its good first line
    good = json.dumps({"text": "The council voted to close the bridge. " * 8}).encode()
    reply = client.post("/api/analyses", files=[("files", ("two.jsonl", good + b"\n" + DEEP))])
    assert reply.status_code == 202, reply.text
    body = reply.json()
    assert body["inputs"] == 1
    assert [s["input"] for s in body["skipped"]] == ["two.jsonl#2"]
    assert "JSON on line 2 nested" in body["skipped"][0]["reason"]


def test_label_control_characters_become_spaces(client):
    reply = client.post("/api/analyses", json={"label": "vote\u0000count\ttally\x07",
                                               "urls": ["http://inside.test/x"]})  # fmt: skip
    assert reply.status_code == 202
    assert client.get(reply.json()["url"]).json()["label"] == "vote count tally"
    # near miss: printable text, accents included, is kept as it is
    reply = client.post("/api/analyses", json={"label": "Vote à Genève",
                                               "urls": ["http://inside.test/x"]})  # fmt: skip
    assert client.get(reply.json()["url"]).json()["label"] == "Vote à Genève"


def test_method_not_allowed_names_every_method_of_the_path(client):
    reply = client.request("OPTIONS", "/api/analyses")
    assert reply.status_code == 405 and reply.headers["allow"] == "GET, POST"
    assert "OPTIONS" in reply.json()["detail"]
    # near miss: a path with one route names only its method
    reply = client.delete("/api/analyses/zzz/report.json")
    assert reply.status_code == 405 and reply.headers["allow"] == "GET"
    reply = client.put("/api/analyses/zzz")
    assert reply.status_code == 405 and reply.headers["allow"] == "DELETE, GET"


# --------------------------------------------------------------------------- fuzzing (schemathesis)


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    store = open_store(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    settings = small_settings(max_files=20, max_urls=5, max_upload_bytes=200_000)
    app = create_app(store=store, settings=settings, ctx=stand_in_context(settings),
                     transport=TRANSPORT, resolver=resolver)  # fmt: skip
    with TestClient(app) as c:
        yield app, c, store
    store.close()


@pytest.mark.slow
def test_fuzz_api_answers_as_described(fuzz_app):
    """No 5xx, and every answer (status, media type, body) is one the description allows."""
    schemathesis = pytest.importorskip("schemathesis", reason="schemathesis (dev extra) is "
                                       "not installed")  # fmt: skip
    # The runner imports the pipeline (and numpy) in its thread while Hypothesis looks
    # numpy up in sys.modules: import it here first so no half-imported module is seen.
    import numpy  # noqa: F401
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hypothesis_settings
    from schemathesis.checks import (
        content_type_conformance,
        not_a_server_error,
        response_headers_conformance,
        response_schema_conformance,
        status_code_conformance,
    )

    app, client, store = fuzz_app
    checks = [not_a_server_error, status_code_conformance, content_type_conformance,
              response_headers_conformance, response_schema_conformance]  # fmt: skip
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    operations = {(o.method.upper(), o.path): o
                  for o in (r.ok() for r in schema.get_all_operations())}  # fmt: skip
    assert len(operations) == 7
    # One Hypothesis run per operation, driven here rather than by schemathesis' pytest
    # plugin, whose fixture loader does not run under pytest 9.
    for operation in operations.values():

        @hypothesis_settings(max_examples=25, deadline=None, database=None,
                             suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(case=operation.as_strategy())
        def answers_as_described(case):
            case.call_and_validate(checks=checks)

        answers_as_described()

    # Random ids only ever reach 404: check a done analysis (a real report, all of whose
    # URLs were refused) and a running one against the description too.
    reply = client.post("/api/analyses", json={"urls": ["http://inside.test/fuzz"]})
    done = wait_done(client, reply.json()["url"])
    assert done["status"] == "done"
    running = store.create_analysis(inputs=1)
    store.start_analysis(running.id)
    seen = []
    for path, params in [("/api/analyses/{analysis_id}", {}),
                         *[("/api/analyses/{analysis_id}/report.{ext}", {"ext": e})
                           for e in ("json", "md", "html")]]:  # fmt: skip
        for analysis_id in (done["id"], running.id):
            case = operations[("GET", path)].Case(
                path_parameters={"analysis_id": analysis_id, **params}
            )
            seen.append(case.call_and_validate(checks=checks).status_code)
    assert sorted(seen) == [200] * 5 + [409] * 3
    deleted = [
        operations[("DELETE", "/api/analyses/{analysis_id}")]
        .Case(path_parameters={"analysis_id": analysis_id})
        .call_and_validate(checks=checks)
        .status_code
        for analysis_id in (running.id, done["id"], done["id"])
    ]
    assert deleted == [409, 204, 404]


def test_stopping_the_runner_interrupts_the_running_analysis_and_records_it(
    tmp_path, monkeypatch
):
    import threading

    from newscheck import pipeline
    from newscheck.store import INTERRUPTED

    started = threading.Event()

    def endless(docs, ctx, skipped=()):
        # a long analysis: it reports progress as the real one does, and never ends alone
        started.set()
        n = 0
        while True:
            n += 1
            ctx.report("extract", n, 0)
            time.sleep(0.01)

    monkeypatch.setattr(pipeline, "analyze_documents", endless)
    store = open_store(tmp_path / "stop.db")
    ctx = Context()
    ctx._nlp, ctx._embedder = object(), object()  # "loaded": nothing to wait for
    runner = Runner(store, Settings(), ctx=ctx)
    try:
        runner.start()
        running = store.create_analysis(inputs=1)
        queued = store.create_analysis(inputs=1)
        doc = Document(input="a.txt", text="Text.", format="txt")
        runner.submit(Job(analysis_id=running.id, documents=(doc,)))
        runner.submit(Job(analysis_id=queued.id, documents=(doc,)))
        assert started.wait(10)
        begin = time.monotonic()
        runner.close()  # returns once the running analysis has stopped and said so
        assert time.monotonic() - begin < 5
        got = store.get_analysis(running.id)
        assert (got.status, got.error) == ("failed", INTERRUPTED)
        # the queued one never started: the next server start fails it (recover)
        assert store.get_analysis(queued.id).status == "queued"
        assert store.recover() == 1
    finally:
        store.close()
