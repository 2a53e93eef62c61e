"""The web page in a real browser: Chromium driven by Playwright against the real server.

One server (a temporary SQLite store, the session's models) and one analysis of the
bundled examples, uploaded through the start page, are shared by the module. Chromium is
Debian's (``/usr/bin/chromium``), installed with apt-get when missing; Playwright never
downloads a browser. ``NEWSCHECK_SCREENSHOT=1`` writes the README's ``docs/story-page.png``.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import EXAMPLES, ROOT
from services import apt_install, free_port

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SCREENSHOT = ROOT / "docs" / "story-page.png"
HOSTILE = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'


# --------------------------------------------------------------------------- fixtures


def _chromium() -> Path:
    """Debian's Chromium, installed with apt-get when missing, or skip."""
    if not CHROMIUM.exists():
        apt_install("chromium")
    if not CHROMIUM.exists():
        pytest.skip("chromium was installed but /usr/bin/chromium is absent")
    return CHROMIUM


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The server's temporary SQLite store (a test may write a report into it directly)."""
    from newscheck.store import open_store

    db = open_store(tmp_path_factory.mktemp("browser") / "web.db")
    yield db
    db.close()


@pytest.fixture(scope="module")
def server(store, ctx):
    """The real app (uvicorn in a thread) on a free port, with a temporary SQLite store."""
    uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed (web extra)")
    from newscheck.server import create_app

    app = create_app(store=store, settings=ctx.settings, ctx=ctx)
    port = free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the server did not start within 20 s")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    path = _chromium()
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(path), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page at a laptop's size; a script error on the page fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    context.close()
    assert not errors, errors


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as r:
        return json.load(r)


def _wait_done(page, seconds: float = 60.0) -> None:
    """Wait until the analysis page shows the finished analysis (its list of stories)."""
    page.wait_for_selector(".story-list, .alert-error", timeout=seconds * 1000)
    assert page.locator(".story-list").count() == 1, page.locator("main").inner_text()


@pytest.fixture(scope="module")
def examples(server, browser):
    """The bundled examples, uploaded through the start page's file input and analysed.

    Returns ``(analysis id, report)``.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(server + "/#/")
    files = sorted(p for p in EXAMPLES.iterdir() if p.is_file())
    pg.set_input_files("input[type=file]", [str(p) for p in files])
    assert pg.locator(".file-list li").count() == len(files)
    pg.fill("#label", "Uploaded examples")
    pg.click("button[type=submit]")
    pg.wait_for_url(re.compile(r"#/analyses/[\w-]+$"), timeout=10_000)
    _wait_done(pg)
    assert not errors, errors
    aid = pg.evaluate("location.hash").rsplit("/", 1)[1]
    context.close()
    record = _get(f"{server}/api/analyses/{aid}")
    assert record["status"] == "done"
    return aid, record["report"]


def _story_with_conflict(report: dict) -> tuple[dict, dict]:
    """The story with the most conflicts and a conflict whose sides span two articles."""
    for story in sorted(report["stories"], key=lambda s: -len(s["conflicts"])):
        for conflict in story["conflicts"]:
            if len(conflict["sides"]) >= 2:
                return story, conflict
    pytest.fail("the examples give no conflict")


def _open_story(page, server: str, aid: str, sid: str, query: str = "") -> None:
    page.goto(f"{server}/#/analyses/{aid}/stories/{sid}{query}")
    page.wait_for_selector(".col .para")
    # every report column has its text; a selector, not wait_for_function, whose polling
    # evaluates a string in the page and is refused by the page's CSP (no 'unsafe-eval')
    page.wait_for_selector(".col-body:not(:has(.para))", state="detached")


# --------------------------------------------------------------------------- scenarios


def test_upload_lists_stories_downloads_and_the_recent_analysis(page, server, examples):
    aid, report = examples
    page.goto(f"{server}/#/analyses/{aid}")
    _wait_done(page)
    titles = page.locator(".story-item h3").all_inner_texts()
    assert titles == [s["title"] for s in report["stories"]]
    hrefs = page.locator(".downloads a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
    assert sorted(h.rsplit(".", 1)[1] for h in hrefs) == ["html", "json", "md"]
    with urllib.request.urlopen(server + hrefs[0], timeout=10) as r:
        assert r.status == 200

    page.goto(f"{server}/#/")
    row = page.locator(".recent-table tbody tr", has_text="Uploaded examples")
    row.wait_for()
    assert row.count() == 1
    assert "Done" in row.inner_text()


def test_progress_bar_and_failure_are_shown(page, server):
    # the server's answers are replaced: a running analysis, then a failed one
    state = {"status": "running", "stage": "extract", "done": 3, "total": 10, "error": None}

    def fake(route):
        body = {"id": "fake1", "created_at": "2026-01-01T00:00:00Z", "inputs": 10,
                "label": None, "title": None, "report": None, **state}  # fmt: skip
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route("**/api/analyses/fake1", fake)
    page.goto(f"{server}/#/analyses/fake1")
    bar = page.get_by_role("progressbar")
    bar.wait_for()
    assert bar.get_attribute("aria-valuenow") == "3"
    assert bar.get_attribute("aria-valuemax") == "10"
    assert "extract" in page.locator(".progress-text").inner_text()

    # a queued or running analysis offers no delete button (the server would refuse)
    assert page.locator(".delete-start").count() == 0

    state.update(status="failed", error="extract failed: ValueError: invented problem")
    page.wait_for_selector("[role=alert]", timeout=10_000)
    assert "invented problem" in page.locator("[role=alert]").inner_text()
    assert page.get_by_role("progressbar").count() == 0
    assert page.locator(".delete-start").count() == 1  # a failed one can be deleted


def test_unreadable_upload_shows_the_422_reasons_next_to_the_form(page, server, tmp_path):
    bad = tmp_path / "scan.bin"
    bad.write_bytes(bytes(range(256)) * 8)
    page.goto(f"{server}/#/")
    page.set_input_files("input[type=file]", str(bad))
    page.click("button[type=submit]")
    alert = page.locator(".form-message [role=alert]")
    alert.wait_for()
    assert "scan.bin" in alert.inner_text()
    assert page.evaluate("location.hash") == "#/"


def test_conflict_card_highlights_each_side_in_the_report_columns(page, server, examples):
    aid, report = examples
    story, conflict = _story_with_conflict(report)
    _open_story(page, server, aid, story["id"])
    page.locator(f"#conflict-{conflict['id']} .conflict-note, "
                 f"#conflict-{conflict['id']} .sides").first.click()  # fmt: skip

    assert page.evaluate("location.hash").endswith(f"?conflict={conflict['id']}")
    for i, side in enumerate(conflict["sides"]):
        for article in {ev["article"] for ev in side["evidence"]}:
            want = {ev["sentence"] for ev in side["evidence"] if ev["article"] == article}
            marks = page.locator(f'.col[data-article="{article}"] mark.hl-side-{i}')
            assert set(marks.all_text_contents()) == want
            # no mark of another side in this column: an article stands on one side
            assert page.locator(f'.col[data-article="{article}"] mark').count() == marks.count()
            # the column's text is scrolled to its first highlight
            visible = marks.first.evaluate(
                """m => { const b = m.closest('.col-body').getBoundingClientRect();
                          const r = m.getBoundingClientRect();
                          return r.top >= b.top - 1 && r.top < b.bottom; }"""
            )
            assert visible, f"first highlight in {article} is not scrolled into view"

    # a second selection replaces the first; Escape clears
    claim = next(c for c in story["claims"] if c["evidence"])
    page.click(f'.claim[data-id="{claim["id"]}"]')
    assert page.locator(".col mark.hl-side").count() == 0
    assert page.locator(f".col mark.hl-{claim['status']}").count() >= 1
    page.keyboard.press("Escape")
    assert page.locator(".col mark").count() == 0
    assert "?" not in page.evaluate("location.hash")


def test_claim_filters_and_search_show_their_counts(page, server, examples):
    aid, report = examples
    story, _ = _story_with_conflict(report)
    claims = story["claims"]
    _open_story(page, server, aid, story["id"])

    def shown() -> tuple[int, str]:
        return page.locator(".claim-list li:visible").count(), page.inner_text(".claims-shown")

    assert shown() == (len(claims), f"Showing {len(claims)} of {len(claims)} claims")
    button = page.locator('.filter[data-status="single_source"]')
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    rest = [c for c in claims if c["status"] != "single_source"]
    assert shown() == (len(rest), f"Showing {len(rest)} of {len(claims)} claims")

    # a word of one claim, searched among the statuses still shown
    word = max(re.findall(r"[A-Za-z]{5,}", rest[0]["text"]), key=len)
    hits = [c for c in rest if word.lower() in c["text"].lower()]
    page.fill("#claim-search", word)
    assert shown()[0] == len(hits)
    assert f"Showing {len(hits)} of" in shown()[1]
    page.fill("#claim-search", "zzqx no claim says this")
    assert shown()[0] == 0
    button.click()
    page.fill("#claim-search", "")
    assert shown()[0] == len(claims)


def test_keyboard_tab_to_a_claim_and_enter_selects_it(page, server, examples):
    aid, report = examples
    story, _ = _story_with_conflict(report)
    first = story["claims"][0]
    _open_story(page, server, aid, story["id"])
    page.focus("#claim-search")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.dataset.id")
    assert focused == first["id"]
    page.keyboard.press("Enter")
    button = page.locator(f'.claim[data-id="{first["id"]}"]')
    assert button.get_attribute("aria-pressed") == "true"
    assert page.locator(f".col mark.hl-{first['status']}").count() >= 1
    assert page.evaluate("location.hash").endswith(f"?claim={first['id']}")

    # the link opens with the claim selected
    page.goto("about:blank")
    _open_story(page, server, aid, story["id"], f"?claim={first['id']}")
    assert button.get_attribute("aria-pressed") == "true"
    page.wait_for_selector(f".col mark.hl-{first['status']}")


def _marks_by_article(page, cls: str) -> dict[str, set[str]]:
    """The highlighted texts of class ``cls`` in each report column."""
    pairs = page.locator(f".col mark.{cls}").evaluate_all(
        "ms => ms.map(m => [m.closest('.col').dataset.article, m.textContent])"
    )
    out: dict[str, set[str]] = {}
    for article, text in pairs:
        out.setdefault(article, set()).add(text)
    return out


def _evidence_by_article(evidence: list[dict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for ev in evidence:
        out.setdefault(ev["article"], set()).add(ev["sentence"])
    return out


def test_timeline_event_highlights_its_evidence_and_opens_from_a_link(page, server, examples):
    aid, report = examples
    story = next(s for s in report["stories"] if len(s["timeline"]) >= 2)
    # an event other than the first, so the link below must really change the selection
    i, event = next((i, t) for i, t in enumerate(story["timeline"]) if i and t["evidence"])
    _open_story(page, server, aid, story["id"])
    button = page.locator(f'.event-select[data-index="{i}"]')
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert page.evaluate("location.hash").endswith(f"?event={i}")
    want = _evidence_by_article(event["evidence"])
    assert _marks_by_article(page, "hl-evidence") == want
    assert page.locator(".col mark").count() == page.locator(".col mark.hl-evidence").count()
    nav = page.inner_text(".hit-nav")
    assert nav.startswith("Highlighted in:")
    assert nav.count("(") == len(want)
    first = min(want, key=story["articles"].index)
    visible = page.locator(f'.col[data-article="{first}"] mark').first.evaluate(
        """m => { const b = m.closest('.col-body').getBoundingClientRect();
                  const r = m.getBoundingClientRect();
                  return r.top >= b.top - 1 && r.top < b.bottom; }"""
    )
    assert visible, "the event's first sentence is not scrolled into view"
    button.click()  # a second click clears
    assert page.locator(".col mark").count() == 0

    page.goto("about:blank")
    _open_story(page, server, aid, story["id"], "?event=0")
    assert page.locator('.event-select[data-index="0"]').get_attribute("aria-pressed") == "true"
    assert page.locator(".event-select[aria-pressed=true]").count() == 1
    page.wait_for_selector(".col mark.hl-evidence")
    assert _marks_by_article(page, "hl-evidence") == _evidence_by_article(
        story["timeline"][0]["evidence"]
    )
    page.keyboard.press("Escape")
    assert page.locator(".col mark").count() == 0
    assert "?" not in page.evaluate("location.hash")


def test_keyboard_tab_to_a_position_and_enter_selects_it(page, server, examples):
    aid, report = examples
    story = next(s for s in report["stories"] if s["positions"] and s["timeline"])
    position = story["positions"][0]
    _open_story(page, server, aid, story["id"])
    # the control before the positions is the timeline's last button; Tab goes on from it
    page.locator(".timeline button").last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "position-select"
    assert page.evaluate("document.activeElement.dataset.index") == "0"
    page.keyboard.press("Enter")
    assert page.locator(".position-select").first.get_attribute("aria-pressed") == "true"
    assert page.evaluate("location.hash").endswith("?position=0")
    assert _marks_by_article(page, "hl-evidence") == _evidence_by_article(position["evidence"])
    assert page.locator("tr.position.selected").count() == 1
    page.keyboard.press("Space")  # Space on the focused button clears, like a second click
    assert page.locator(".col mark").count() == 0


def _quote_in(report: dict) -> tuple[dict, int, dict]:
    """A story and a quote, by index, whose words appear in no other quote of the story."""
    for story in report["stories"]:
        for i, q in enumerate(story["quotes"]):
            if (
                len(q["text"].split()) >= 4
                and sum(q["text"] == o["text"] for o in story["quotes"]) == 1
            ):
                return story, i, q
    pytest.fail("the examples give no quote")


def test_quote_highlights_its_words_or_says_they_are_not_verbatim(page, server, examples):
    aid, report = examples
    story, i, quote = _quote_in(report)
    _open_story(page, server, aid, story["id"])
    page.locator(f'.quote-select[data-index="{i}"]').click()
    assert page.evaluate("location.hash").endswith(f"?quote={i}")
    assert _marks_by_article(page, "hl-quote") == {quote["article"]: {quote["text"]}}
    assert page.locator(".missing").count() == 0

    # the same report with other spacing and quote marks: still found, by its words
    url = f"{server}/api/articles/{quote['article']}"
    article = _get(url)
    words = quote["text"].split()
    spaced = words[0] + "\n  " + " ".join(words[1:])
    fake = {**article, "text": article["text"].replace(quote["text"], spaced, 1)}
    assert fake["text"] != article["text"]
    page.goto("about:blank")
    page.route(url, lambda route: route.fulfill(json=fake))
    _open_story(page, server, aid, story["id"], f"?quote={i}")
    page.wait_for_selector(".col mark.hl-quote")
    assert _marks_by_article(page, "hl-quote") == {quote["article"]: {spaced}}

    # near miss: the words are not in the text at all; a note says so, nothing is marked
    gone = {**article, "text": article["text"].replace(quote["text"], "", 1)}
    page.goto("about:blank")
    page.unroute(url)
    page.route(url, lambda route: route.fulfill(json=gone))
    _open_story(page, server, aid, story["id"], f"?quote={i}")
    note = page.locator(f'.col[data-article="{quote["article"]}"] .missing')
    note.wait_for()
    assert "not found verbatim" in note.inner_text()
    if quote["text"] not in gone["text"]:
        assert page.locator(".col mark").count() == 0


def test_brief_chip_marks_only_an_exact_sentence_and_source_card_shows_its_report(
    page, server, examples
):
    aid, report = examples
    texts = {a["id"]: _get(f"{server}/api/articles/{a['id']}")["text"] for a in report["articles"]}
    exact = miss = None
    for story in report["stories"]:
        for i, line in enumerate(story["brief"]):
            for article in line["cites"]:
                found = line["text"].lower() in texts[article].lower()
                if found and exact is None:
                    exact = (story, i, article)
                if not found and miss is None and exact and exact[0] is story:
                    miss = (i, article)
        if exact and miss:
            break
    assert exact and miss, "the examples give no brief line found and none missed"
    story, i, article = exact
    _open_story(page, server, aid, story["id"])
    chip = page.locator(".brief-list > li").nth(i).locator(".chip", has_text=_name(report, article))
    chip.click()
    marks = _marks_by_article(page, "hl-brief")
    assert list(marks) == [article]
    for text in marks[article]:
        assert story["brief"][i]["text"].lower() in text.lower()
    assert page.locator(f'.col[data-article="{article}"].flash').count() == 1

    # near miss: the line is not in that report verbatim; the column is shown, nothing marked
    j, other = miss
    page.locator(".brief-list > li").nth(j).locator(
        ".chip", has_text=_name(report, other)
    ).first.click()
    page.wait_for_selector(f'.col[data-article="{other}"].flash')
    assert page.locator(f'.col[data-article="{other}"] mark.hl-brief').count() == 0

    # a source card's outlet button brings its report column into view and flashes it
    page.keyboard.press("Escape")
    target = story["articles"][-1]
    card = page.locator(
        ".source-card", has=page.locator(".outlet-link", has_text=_name(report, target))
    )
    card.locator(".outlet-link").first.click()
    page.wait_for_selector(f'.col[data-article="{target}"].flash')


def _name(report: dict, article: str) -> str:
    a = next(a for a in report["articles"] if a["id"] == article)
    return a["outlet"] or a["title"] or article


def test_phone_width_stacks_reports_without_page_overflow(browser, server, examples):
    aid, report = examples
    story, conflict = _story_with_conflict(report)
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    page = context.new_page()
    try:
        _open_story(page, server, aid, story["id"], f"?conflict={conflict['id']}")
        page.wait_for_selector(".col mark")
        width = page.evaluate(
            "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        )
        assert width <= 390
        boxes = page.locator(".col").evaluate_all(
            "cs => cs.map(c => c.getBoundingClientRect()).map(r => [r.left, r.top, r.bottom])"
        )
        assert len(boxes) == len(story["articles"]) >= 2
        for (_, _, bottom), (left, top, _) in itertools.pairwise(boxes):
            assert top >= bottom - 1  # each report under the previous one
            assert left < 40
    finally:
        context.close()


def test_hostile_report_shows_markup_as_text_and_runs_nothing(page, server):
    body = (
        "The council of an invented town met on Tuesday to discuss the budget for the "
        f"coming year, and a resident read out {HOSTILE} during the public session. "
        "Members voted seven to two to approve a plan that raises spending on roads and "
        "libraries, according to the minutes published after the meeting ended. The mayor "
        "said the vote showed broad support for the proposal across the chamber."
    )
    page.goto(f"{server}/#/")
    page.fill("textarea[name=text]", body)
    page.click(".paste-meta summary")
    page.fill("input[name=title]", f"Council budget {HOSTILE}")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"#/analyses/[\w-]+$"), timeout=10_000)
    _wait_done(page)
    page.click(".story-item h3 a")
    page.wait_for_selector(".col .para")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.locator(".col img, .headline-card img, main script").count() == 0
    text = page.inner_text(".col-body")
    assert "<script>window.__pwned=1</script>" in text
    assert "onerror=" in text
    assert "<script>" in page.inner_text(".headline-card")


def _post(url: str, body: dict) -> dict:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"content-type": "application/json"})  # fmt: skip
    with urllib.request.urlopen(request, timeout=10) as r:
        return json.load(r)


def test_delete_from_the_analysis_page_with_an_inline_confirmation(page, server):
    # its own small analysis, so that the shared examples stay for the other tests
    text = (
        "The harbour authority of an invented port closed its northern pier on Monday after "
        "divers found cracks in two of the concrete pillars, a spokeswoman said. Repairs are "
        "expected to take six weeks and to cost about 900,000 euros, according to the "
        "authority's statement. Ferries will dock at the southern pier in the meantime."
    )
    created = _post(f"{server}/api/analyses",
                    {"label": "Pier to delete", "articles": [{"text": text}]})  # fmt: skip
    aid = created["id"]
    page.goto(f"{server}/#/analyses/{aid}")
    _wait_done(page)
    start = page.locator("button.delete-start")
    start.click()
    cancel = page.locator("button.delete-cancel")
    assert "Delete this analysis and its reports?" in page.locator(".delete-confirm-box").inner_text()
    assert page.evaluate("document.activeElement.className").endswith("delete-cancel")
    # near miss: Escape (as Cancel) takes the question back and deletes nothing
    page.keyboard.press("Escape")
    assert cancel.count() == 0 and start.is_visible()
    assert page.evaluate("document.activeElement.className").endswith("delete-start")
    assert _get(f"{server}/api/analyses/{aid}")["status"] == "done"

    # by keyboard: Enter opens the question, Shift+Tab reaches Delete, Enter deletes
    page.keyboard.press("Enter")
    cancel.wait_for()
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "Delete"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#/$"), timeout=10_000)
    notice = page.locator(".notice")
    notice.wait_for()
    assert "Pier to delete" in notice.inner_text() and "deleted" in notice.inner_text()
    page.locator('.recent .table-wrap, .recent p:has-text("No analyses")').first.wait_for()
    assert page.locator(".recent-table tbody tr", has_text="Pier to delete").count() == 0
    try:
        _get(f"{server}/api/analyses/{aid}")
        pytest.fail("the deleted analysis is still served")
    except urllib.error.HTTPError as exc:
        assert exc.code == 404


def test_screenshot_of_a_story_with_a_conflict_selected(browser, server, examples, tmp_path):
    aid, report = examples
    story, conflict = _story_with_conflict(report)
    context = browser.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    try:
        _open_story(page, server, aid, story["id"], f"?conflict={conflict['id']}")
        page.wait_for_selector(".col mark.hl-side-1")
        page.locator(f"#conflict-{conflict['id']}").scroll_into_view_if_needed()
        page.evaluate("window.scrollBy(0, -80)")
        page.wait_for_timeout(300)
        write = os.environ.get("NEWSCHECK_SCREENSHOT") == "1"
        target = SCREENSHOT if write else tmp_path / "story-page.png"
        page.screenshot(path=str(target))
        assert target.stat().st_size > 10_000
    finally:
        context.close()


def test_a_claim_resting_on_a_shared_quote_or_wording_says_so(page, server, examples):
    """The claims list tells a reader what a corroboration rests on: a quotation two reports
    print (or one sentence word for word) is not independent reporting of a fact."""
    aid, report = examples
    shared = [(s, c) for s in report["stories"] for c in s["claims"]
              if c.get("basis") in ("shared quote", "shared wording")]
    if not shared:
        pytest.fail("the examples give no claim resting on a shared quote or wording")
    story, claim = shared[0]
    _open_story(page, server, aid, story["id"])
    tag = page.locator(f'.claim[data-id="{claim["id"]}"] .tag.basis')
    assert tag.text_content() == claim["basis"]  # shown in small capitals by the CSS
    independent = next(c for c in story["claims"] if c.get("basis") == "independent")
    assert page.locator(f'.claim[data-id="{independent["id"]}"] .tag.basis').count() == 0


def _twice_told_report():
    """A hand-built report whose article prints one sentence twice, after an emoji.

    Claim c1's evidence is the second printing, with its offsets (contract 1.4, counted in
    code points: the emoji is one, two UTF-16 units in the page); c2's is the same sentence
    without offsets, as a report stored before 1.4 gives it.
    """
    from newscheck.model import Article, Evidence, Report, Story, StoryClaim

    said = "The pier reopened on Monday."
    text = (f"Pier news \U0001F6A7 from the harbour\n\n{said} Divers had found cracks.\n\n"
            f"Repairs took six weeks, the authority said. {said}")  # fmt: skip
    article = Article(id="a0f0f0f0f0f0f", input="pier.txt", text=text, title="Pier news",
                      body_start=text.index(said), words=24)  # fmt: skip
    second = text.rindex(said)
    assert second != text.index(said)

    def claim(cid: str, **offsets: int) -> StoryClaim:
        evidence = Evidence(article=article.id, sentence=said, **offsets)
        return StoryClaim(id=cid, text=said, status="single_source", independent_sources=1,
                          evidence=(evidence,))  # fmt: skip

    story = Story(id="s0f0f0f0f0f", title="Pier news", articles=(article.id,),
                  claims=(claim("c1", start=second, end=second + len(said)), claim("c2")))  # fmt: skip
    return Report(generated_at="2026-12-07T00:00:00Z", articles=(article,), skipped=(),
                  stories=(story,)), said  # fmt: skip


def test_evidence_is_highlighted_at_its_offsets_where_a_search_finds_the_first(page, server,
                                                                                store):
    """A sentence printed twice is marked where its evidence points (the second printing),
    not where a text search finds it first; evidence without offsets falls back to the
    search. The emoji before it checks that code point offsets are turned into the page's
    UTF-16 indexes."""
    report, said = _twice_told_report()
    aid = store.create_analysis(inputs=1, label="Twice told").id
    store.finish_analysis(aid, report)
    _open_story(page, server, aid, report.stories[0].id, "?claim=c1")
    mark = page.locator(".col mark.hl-single_source")
    mark.wait_for()
    assert mark.count() == 1
    assert mark.text_content() == said
    paragraphs = page.locator(".col .para")
    assert paragraphs.count() == 3
    assert paragraphs.nth(2).locator("mark").count() == 1  # the second printing
    assert paragraphs.nth(1).locator("mark").count() == 0
    assert page.locator(".col .missing").count() == 0

    page.click('.claim[data-id="c2"]')
    paragraphs.nth(1).locator("mark").wait_for()
    assert paragraphs.nth(1).locator("mark").text_content() == said  # found by the search
    assert paragraphs.nth(2).locator("mark").count() == 0
