"""The web page in a real browser: Chromium driven by Playwright against the real server.

One server (a temporary SQLite store, the session's models) and one analysis of the
bundled examples, uploaded through the start page, are shared by the module. Chromium is
Debian's (``/usr/bin/chromium``), installed with apt-get when missing; Playwright never
downloads a browser. ``NEWSCHECK_SCREENSHOT=1`` writes the README's screenshots
(``docs/screenshots/story-desktop.png`` and ``story-phone.png``).
"""

from __future__ import annotations

import datetime
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
SCREENSHOTS = ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
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


def _unfold(page, section: str) -> None:
    """Open a folded section of the story page ("timeline", "positions", "quotes")."""
    toggle = page.locator(f"#{section}-h button")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()


def _in_viewport(locator) -> bool:
    """Whether the element is inside the window (both ways), not merely on the page."""
    return locator.evaluate(
        """e => { const r = e.getBoundingClientRect();
                  return r.bottom > 0 && r.top < innerHeight && r.right > 0
                         && r.left < innerWidth; }"""
    )


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

    # single-source claims are folded away at first, and the page says they are capped
    button = page.locator('.filter[data-status="single_source"]')
    assert button.get_attribute("aria-pressed") == "false"
    rest = [c for c in claims if c["status"] != "single_source"]
    assert shown() == (len(rest), f"Showing {len(rest)} of {len(claims)} claims")
    singles = len(claims) - len(rest)
    note = page.inner_text(".cap-note")
    assert note.startswith(f"{singles} single-source claims") and "most salient" in note
    button.click()
    assert shown() == (len(claims), f"Showing {len(claims)} of {len(claims)} claims")
    button.click()
    assert button.get_attribute("aria-pressed") == "false"

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
    _unfold(page, "timeline")
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
    # the positions are folded: Enter on their heading opens them, Tab goes on into them
    page.locator("#positions-h button").focus()
    page.keyboard.press("Enter")
    assert page.locator("#positions-h button").get_attribute("aria-expanded") == "true"
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
    _unfold(page, "quotes")
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


def test_brief_chips_mark_the_sentences_a_line_rests_on_and_source_card_shows_its_report(
    page, server, examples
):
    """A brief line that is one report's sentence marks it there; a line that merges several
    reports ("Reports differ on <topic>: ...") marks, in each cited report, the sentences of
    the conflict it tells."""
    aid, report = examples
    texts = {a["id"]: _get(f"{server}/api/articles/{a['id']}")["text"] for a in report["articles"]}
    story = next(s for s in report["stories"] if s["conflicts"] and s["brief"])
    i, article = next((i, a) for i, line in enumerate(story["brief"]) for a in line["cites"]
                      if line["text"].lower() in texts[a].lower())  # fmt: skip
    _open_story(page, server, aid, story["id"])
    chip = page.locator(".brief-list > li").nth(i).locator(".chip", has_text=_name(report, article))
    chip.click()
    marks = _marks_by_article(page, "hl-brief")
    assert list(marks) == [article]
    assert any(story["brief"][i]["text"].lower() in text.lower() for text in marks[article])
    assert page.locator(f'.col[data-article="{article}"].flash').count() == 1

    # a merged line: its words are in no report, each cited report's conflict sentences are
    conflict = story["conflicts"][0]
    j = next(j for j, line in enumerate(story["brief"])
             if line["text"].startswith(f"Reports differ on {conflict['topic']}:"))  # fmt: skip
    for other in story["brief"][j]["cites"]:
        page.locator(".brief-list > li").nth(j).locator(
            ".chip", has_text=_name(report, other)
        ).first.click()
        want = {ev["sentence"] for side in conflict["sides"] for ev in side["evidence"]
                if ev["article"] == other}  # fmt: skip
        assert want and story["brief"][j]["text"] not in texts[other]
        assert _marks_by_article(page, "hl-brief") == {other: want}

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


def test_screenshots_of_a_story_at_both_widths(browser, server, examples, tmp_path):
    """The README's pictures: the first screen of a story on a laptop (a conflict selected
    from the grid), the same conflict on a phone (the page at its first highlighted
    sentence), and the laptop's reports with the conflict's sides highlighted."""
    aid, report = examples
    story, conflict = _story_with_conflict(report)
    write = os.environ.get("NEWSCHECK_SCREENSHOT") == "1"
    folder = SCREENSHOTS if write else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    shots = {"story-desktop.png": (DESKTOP, False), "story-phone.png": (PHONE, True)}
    for filename, (viewport, mobile) in shots.items():
        context = browser.new_context(viewport=viewport, is_mobile=mobile)
        page = context.new_page()
        try:
            _open_story(page, server, aid, story["id"])
            if mobile:  # the page has scrolled to the first highlighted sentence
                page.locator(f"#conflict-{conflict['id']} .conflict-select").click()
            else:  # the first screen: the grid, its first row selected
                page.locator(".grid-select").first.click()
            page.wait_for_selector(".col mark.hl-side-1")
            if not mobile:
                page.evaluate("window.scrollTo(0, 0)")
            page.wait_for_timeout(300)
            page.screenshot(path=str(folder / filename))
            assert (folder / filename).stat().st_size > 10_000
            if not mobile:
                page.locator(f"#conflict-{conflict['id']}").scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -80)")
                page.wait_for_timeout(300)
                target = (ROOT / "docs" / "story-page.png") if write else tmp_path / "page.png"
                page.screenshot(path=str(target))
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


# --------------------------------------------------------------------------- issue 15: the story page


@pytest.fixture(params=["desktop", "phone"])
def sized(request, browser):
    """A fresh page at a laptop's size (1366x900) and at a phone's (390x844)."""
    phone = request.param == "phone"
    context = browser.new_context(viewport=PHONE if phone else DESKTOP, is_mobile=phone)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert not errors, errors


def _page_width(page) -> int:
    return page.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")


def test_phone_selecting_a_finding_scrolls_to_its_sentence_and_back(browser, server, examples):
    """On a phone the reports sit thousands of pixels under the findings: selecting one
    brings its first highlighted sentence into the window, and a button leads back."""
    aid, report = examples
    story, conflict = _story_with_conflict(report)
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    page = context.new_page()
    try:
        _open_story(page, server, aid, story["id"])
        button = page.locator(f"#conflict-{conflict['id']} .conflict-select")
        button.click()
        mark = page.locator(".col mark").first
        mark.wait_for()
        assert _in_viewport(mark), "the highlighted sentence is not in the window"
        back = page.get_by_role("button", name="Back to the finding")
        assert back.is_visible()
        back.click()
        assert _in_viewport(button)
        assert page.evaluate("document.activeElement.getAttribute('aria-pressed')") == "true"
        page.get_by_role("button", name="Show the highlights").click()
        assert _in_viewport(mark)
        page.keyboard.press("Escape")
        assert back.is_hidden()
    finally:
        context.close()


def _long_name_report():
    """Two hand-built reports titled by long file names (no spaces), agreeing on a fact."""
    from newscheck.model import Article, Evidence, Report, Story, StoryClaim

    said = "The harbour authority closed the northern pier on Monday after divers found cracks."
    articles, evidence = [], []
    for n in (1, 2):
        name = f"harbour_authority_northern_pier_closure_statement_2026-03-1{n}_final_v{n}.txt"
        text = f"{name}\n\n{said} Ferries will dock at the southern pier in the meantime."
        # words: one, then two, for the singular in the columns' heads
        article = Article(id=f"a0e0e0e0e0e0{n}", input=f"/data/{name}", text=text, title=name,
                          body_start=text.index(said), words=n)  # fmt: skip
        start = text.index(said)
        articles.append(article)
        evidence.append(Evidence(article=article.id, sentence=said, start=start,
                                 end=start + len(said)))  # fmt: skip
    claim = StoryClaim(id="c1", text=said, status="corroborated", independent_sources=2,
                       evidence=tuple(evidence))  # fmt: skip
    story = Story(id="s0e0e0e0e0e", title=articles[0].title,
                  articles=tuple(a.id for a in articles), claims=(claim,))  # fmt: skip
    return Report(generated_at="2026-12-07T00:00:00Z", articles=tuple(articles), skipped=(),
                  stories=(story,))  # fmt: skip


def test_long_file_names_as_titles_do_not_widen_the_page(sized, server, store):
    report = _long_name_report()
    aid = store.create_analysis(inputs=2, label="Long names").id
    store.finish_analysis(aid, report)
    _open_story(sized, server, aid, report.stories[0].id, "?claim=c1")
    sized.wait_for_selector(".col mark")
    assert _page_width(sized) <= sized.viewport_size["width"]


def test_counts_of_one_read_in_the_singular(page, server, store):
    report = _long_name_report()
    aid = store.create_analysis(inputs=2, label="Singular").id
    store.finish_analysis(aid, report)
    _open_story(page, server, aid, report.stories[0].id)
    metas = page.locator(".col-meta").all_inner_texts()
    assert "1 word" in metas[0] and "1 words" not in metas[0] and "2 words" in metas[1]
    assert page.inner_text(".claims-shown") == "Showing 1 of 1 claim"
    assert "1 corroborated" in page.inner_text(".story-head .story-stats")


def test_a_deep_link_scrolls_to_its_selection(sized, server, examples):
    """A link to a finding far down the page opens with it in the window, a folded one
    (a quote) unfolded."""
    aid, report = examples
    story, _ = _story_with_conflict(report)
    claim = [c for c in story["claims"] if c["status"] != "single_source"][-1]
    _open_story(sized, server, aid, story["id"], f"?claim={claim['id']}")
    button = sized.locator(f'.claim[data-id="{claim["id"]}"]')
    assert button.get_attribute("aria-pressed") == "true"
    assert _in_viewport(button)

    quote = len(story["quotes"]) - 1
    sized.goto("about:blank")
    _open_story(sized, server, aid, story["id"], f"?quote={quote}")
    assert sized.locator("#quotes-h button").get_attribute("aria-expanded") == "true"
    assert _in_viewport(sized.locator(".quote-select[aria-pressed=true]"))

    single = next(c for c in story["claims"] if c["status"] == "single_source")
    sized.goto("about:blank")
    _open_story(sized, server, aid, story["id"], f"?claim={single['id']}")
    assert _in_viewport(sized.locator(f'.claim[data-id="{single["id"]}"]'))


def test_on_a_laptop_every_report_with_a_highlight_is_in_view(page, server, examples):
    """Three reports fit beside the findings; a finding whose sentences are in the first and
    the fifth report shows both, the reports with highlights coming first."""
    aid, report = examples
    page.set_viewport_size(DESKTOP)
    story, _ = _story_with_conflict(report)
    _open_story(page, server, aid, story["id"])
    order = page.locator(".col").evaluate_all("cs => cs.map(c => c.dataset.article)")
    claim = next(c for c in story["claims"] if c["status"] != "single_source" and (
        at := sorted({order.index(ev["article"]) for ev in c["evidence"]})) and len(at) <= 3
        and at[0] < 3 <= at[-1])  # fmt: skip
    page.goto(f"{server}/#/analyses/{aid}/stories/{story['id']}?claim={claim['id']}")
    for article in {ev["article"] for ev in claim["evidence"]}:
        mark = page.locator(f'.col[data-article="{article}"] mark').first
        mark.wait_for()
        assert _in_viewport(mark), f"the highlight in {article} is off-screen"
    page.keyboard.press("Escape")
    assert page.locator(".col").evaluate_all("cs => cs.map(c => c.dataset.article)") == order

    # a conflict whose sides fill more columns than fit: each side is in view
    conflict = max(story["conflicts"],
                   key=lambda x: len({ev["article"] for s in x["sides"] for ev in s["evidence"]}))  # fmt: skip
    page.goto(f"{server}/#/analyses/{aid}/stories/{story['id']}?conflict={conflict['id']}")
    for i, _ in enumerate(conflict["sides"]):
        marks = page.locator(f".col mark.hl-side-{i}")
        marks.first.wait_for()
        assert any(_in_viewport(marks.nth(k)) for k in range(marks.count())), f"side {i}"


def _grid_symbols(page) -> list[list[str]]:
    return page.locator(".grid-row").evaluate_all(
        "rs => rs.map(r => [...r.querySelectorAll('td')].map(td => td.className.split('cell-')[1]))"
    )


def test_grid_says_who_reported_what_first_on_the_page(sized, server, examples):
    aid, report = examples
    story, _ = _story_with_conflict(report)
    articles = {a["id"]: a for a in report["articles"]}
    _open_story(sized, server, aid, story["id"])
    # the first thing after the story's head, above the findings
    grid = sized.locator("section.grid")
    assert grid.evaluate("g => g.getBoundingClientRect().top") < sized.viewport_size["height"]
    # columns: the reports in order of publication, undated last
    dated = sorted((a["published"], i, a["id"]) for i, a in enumerate(articles[x] for x in
                   story["articles"]) if a["published"])  # fmt: skip
    undated = [x for x in story["articles"] if not articles[x]["published"]]
    order = [x for _, _, x in dated] + undated
    heads = sized.locator(".grid-report .grid-outlet").all_inner_texts()
    assert heads == [_name(report, x) for x in order]
    # rows: the conflicts first; the majority side states it, the others contradict it
    rows = _grid_symbols(sized)
    for x, row in zip(story["conflicts"], rows, strict=False):
        sides = [{ev["article"] for ev in side["evidence"]} for side in x["sides"]]
        main = max(range(len(sides)), key=lambda k: (len(sides[k]), -k))
        want = ["yes" if a in sides[main] else "no" if any(a in s for s in sides) else "silent"
                for a in order]  # fmt: skip
        assert row == want, x["topic"]
    # not by colour alone: each cell says it in words to a screen reader
    cell = sized.locator(".grid-row").first.locator("td.cell-no").first
    assert "contradicts it" in cell.inner_text()
    assert "does not say" in sized.locator("td.cell-silent").first.inner_text()
    # "N more facts": an honest count, and a button that shows them
    total = len(story["conflicts"]) + sum(c["status"] == "corroborated" for c in story["claims"])
    more = sized.locator(".grid-more")
    if total > 10:
        assert f"10 facts of {total} shown" in sized.inner_text(".grid-count")
        assert sized.locator(".grid-row:visible").count() == 10
        more.click()
        assert sized.locator(".grid-row:visible").count() == total
    # a row selects its finding, by pointer and by keyboard
    first = story["conflicts"][0]
    sized.locator(".grid-row").first.locator("td").first.click()
    assert sized.evaluate("location.hash").endswith(f"?conflict={first['id']}")
    mark = sized.locator(".col mark.hl-side-0").first
    mark.wait_for()
    assert _in_viewport(mark)  # the reports are far below the grid: the page goes to them
    sized.keyboard.press("Escape")
    sized.locator(".grid-select").nth(1).focus()
    sized.keyboard.press("Enter")
    assert sized.locator(".grid-select").nth(1).get_attribute("aria-pressed") == "true"
    assert _page_width(sized) <= sized.viewport_size["width"]


def test_source_cards_give_the_score_out_of_100_and_what_moved_it(sized, server, examples):
    aid, report = examples
    story, _ = _story_with_conflict(report)
    _open_story(sized, server, aid, story["id"])
    for src in story["sources"]:
        card = sized.locator(f'.source-card[data-article="{src["article"]}"]')
        assert card.locator(".score-num").inner_text() == f"{round(src['score'] * 100)}/100"
        shown = card.locator(".reasons").first.locator("li").all_inner_texts()
        signed = [r for r in src["reasons"] if re.match(r"[+-]\d", r)]
        top = sorted(signed, key=lambda r: -abs(int(r.split(":")[0])))[:3]
        faults = [r for r in signed if r.startswith("-")]
        want = [r for r in signed if r in top or r in faults]
        assert len(shown) == len(want)
        for line in want:  # each with its points, the fault named
            points, text = line.split(":", 1)
            assert any(text.strip() in s and points.lstrip("+-") in s for s in shown), line
    # a contradicted report says which fact, on the card's first screen (not folded away)
    bad = next(s for s in story["sources"] if "contradicted" in s["flags"])
    card = sized.locator(f'.source-card[data-article="{bad["article"]}"] .reasons').first
    assert "contradicted by more reports" in card.inner_text()


def test_reports_are_listed_in_order_of_publication_with_the_first_marked(sized, server,
                                                                          examples):
    aid, report = examples
    story, _ = _story_with_conflict(report)
    articles = {a["id"]: a for a in report["articles"]}
    _open_story(sized, server, aid, story["id"])
    cards = sized.locator(".headline-card")
    dates = cards.locator("time").evaluate_all("ts => ts.map(t => t.getAttribute('datetime'))")
    assert dates == sorted(dates) and len(dates) == sum(
        bool(articles[a]["published"]) for a in story["articles"]
    )
    first = min(articles[a]["published"] for a in story["articles"] if articles[a]["published"])
    firsts = [_name(report, a) for a in story["articles"] if articles[a]["published"] == first]
    marked = sized.locator(".headline-card:has(.tag-first) .outlet-link").all_inner_texts()
    assert sorted(marked) == sorted(firsts)
    assert "First reported by" in sized.inner_text(".headlines .hint")

    # what each report brought: facts no earlier report told, sides against earlier reports
    def date(a: str) -> str | None:
        return articles[a]["published"]

    for a in story["articles"]:
        if not date(a) or articles[a]["copy_of"]:
            continue
        new = sum(1 for c in story["claims"] if a in {e["article"] for e in c["evidence"]}
                  and date(a) == min(date(e["article"]) for e in c["evidence"]
                                     if date(e["article"])))  # fmt: skip
        differs = [x["topic"] for x in story["conflicts"] if any(
            date(a) > date(b) for i, side in enumerate(x["sides"])
            if a in {e["article"] for e in side["evidence"]}
            for j, other in enumerate(x["sides"]) if j != i
            for b in {e["article"] for e in other["evidence"]} if date(b))]  # fmt: skip
        card = sized.locator(".headline-card", has=sized.locator(".outlet-link",
                             has_text=_name(report, a)))  # fmt: skip
        text = card.inner_text()
        assert (f"{new} new fact" in text) == bool(new), (a, text)
        for topic in differs:
            assert topic in text, (a, topic)


def test_long_sections_fold_with_their_counts(sized, server, examples):
    """The story page reads as its headings first: quotes, timeline and positions are
    folded with their counts; conflicts and the grid are open. The page is measured."""
    aid, report = examples
    story, _ = _story_with_conflict(report)
    _open_story(sized, server, aid, story["id"])
    quotes = sized.locator("#quotes-h button")
    assert quotes.get_attribute("aria-expanded") == "false"
    assert quotes.inner_text().startswith(f"Quotes ({len(story['quotes'])}, from ")
    assert sized.locator(".quote-select:visible").count() == 0
    n = len(story["timeline"])
    assert sized.inner_text("#timeline-h") == f"Timeline ({n} dated event{'s' * (n != 1)})"
    assert sized.inner_text("#positions-h") == f"Positions ({len(story['positions'])})"
    assert sized.locator(".conflict-select:visible").count() == len(story["conflicts"])
    # keyboard: Tab reaches the fold's heading, Space opens and closes it
    quotes.focus()
    sized.keyboard.press("Space")
    assert quotes.get_attribute("aria-expanded") == "true"
    assert sized.locator(".quote-select:visible").count() >= 1
    sized.keyboard.press("Space")
    assert quotes.get_attribute("aria-expanded") == "false"
    height = sized.evaluate("document.documentElement.scrollHeight")
    print(f"story page height at {sized.viewport_size['width']} px: {height} px")
    # the page before issue 15: 18,747 px on a laptop, 26,528 px on a phone (this story)
    assert height < (10_000 if sized.viewport_size["width"] > 900 else 17_000)


def test_hostile_text_in_the_grid_and_source_cards_stays_text(sized, server, store):
    """A fact, a conflict's topic and values, an outlet and a card's reasons that hold markup
    are shown as text in the grid, the cards and the publication list: nothing runs."""
    from newscheck.model import (
        Article,
        Conflict,
        Evidence,
        Report,
        Side,
        SourceCard,
        Story,
        StoryClaim,
    )

    said = f"The council approved {HOSTILE} on Monday."
    articles, evidence = [], []
    for n in (1, 2):
        text = f"Council news {n}\n\n{said} The vote was seven to two."
        article = Article(id=f"a0d0d0d0d0d0{n}", input=f"news{n}.txt", text=text,
                          title=f"Council {HOSTILE}", outlet=f"Outlet {n} {HOSTILE}",
                          published=datetime.date(2026, 3, 10 + n), body_start=text.index(said), words=12)  # fmt: skip
        articles.append(article)
        evidence.append(Evidence(article=article.id, sentence=said))
    claim = StoryClaim(id="c1", text=said, status="corroborated", independent_sources=2,
                       evidence=tuple(evidence))  # fmt: skip
    conflict = Conflict(id="x1", topic=f"vote {HOSTILE}", kind="other", note=HOSTILE,
                        sides=(Side(value=f"seven {HOSTILE}", evidence=evidence[:1]),
                               Side(value="two", evidence=evidence[1:])))  # fmt: skip
    cards = tuple(SourceCard(article=a.id, score=0.4, corroborated=1, contested=1,
                             single_source=0, anonymous_quotes=0, named_quotes=0,
                             reasons=(f"-10: 1 fact contradicted: {HOSTILE}",))
                  for a in articles)  # fmt: skip
    story = Story(id="s0d0d0d0d0d", title=f"Council {HOSTILE}",
                  articles=tuple(a.id for a in articles), claims=(claim,),
                  conflicts=(conflict,), sources=cards)  # fmt: skip
    report = Report(generated_at="2026-12-07T00:00:00Z", articles=tuple(articles), skipped=(),
                    stories=(story,))  # fmt: skip
    aid = store.create_analysis(inputs=2, label="Hostile grid").id
    store.finish_analysis(aid, report)
    _open_story(sized, server, aid, story.id)
    sized.locator(".grid-select").first.click()
    sized.wait_for_timeout(300)
    assert sized.evaluate("typeof window.__pwned") == "undefined"
    assert sized.locator("main img, main script").count() == 0
    for part in (".grid", ".sources", ".headlines"):
        assert "<script>" in sized.inner_text(part), part
