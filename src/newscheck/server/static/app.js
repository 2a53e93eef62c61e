/* newscheck web page: start page, analysis page, story page.
 *
 * No framework and no build step. Every piece of text that comes from a report (titles,
 * outlets, sentences, quotes, reasons) is inserted with textContent / createTextNode,
 * never as markup, and links taken from reports must be http(s): a report is untrusted
 * input. The server's Content-Security-Policy allows scripts and styles from this origin
 * only, so there are no inline handlers or style attributes; widths go through the CSSOM.
 *
 * The story page opens on who reported what (a grid of the main facts against the reports
 * in order of publication), which reports to trust (source cards: the score out of 100 and
 * the grounds that moved it) and who reported first; the findings below sit beside the
 * report columns, the long lists folded under their counts (docs/page.md). It highlights
 * evidence where its offsets (contract 1.4) put it in the article's text; only a report
 * stored before them is searched for its sentences.
 */
"use strict";

(() => {
  // ------------------------------------------------------------------ small helpers

  const STATUS = {
    corroborated: { label: "Corroborated", icon: "\u2713", short: "corroborated" },
    contested: { label: "Contested", icon: "\u2260", short: "contested" },
    single_source: { label: "Single source", icon: "\u25cb", short: "single source" },
  };
  const STATUSES = ["corroborated", "contested", "single_source"];
  const SIDE_LETTERS = "ABCDEFGH";

  /** An element: h("p", {class: "x"}, "text", child). Strings become text nodes. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    if (attrs) {
      for (const [key, value] of Object.entries(attrs)) {
        if (value === null || value === undefined || value === false) continue;
        if (key === "class") el.className = value;
        else if (key === "text") el.textContent = value;
        else if (key === "on") {
          for (const [event, fn] of Object.entries(value)) el.addEventListener(event, fn);
        } else if (key === "hidden") el.hidden = true;
        else el.setAttribute(key, value === true ? "" : String(value));
      }
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  /** Replace an element's children; null and false children are left out. */
  function fill(el, ...children) {
    el.replaceChildren();
    return append(el, children);
  }

  /** An http(s) URL from a report, or null: a javascript: or data: link is never followed. */
  function safeUrl(url) {
    if (!url) return null;
    try {
      const u = new URL(url, location.href);
      return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
    } catch {
      return null;
    }
  }

  function escapeRe(text) {
    return String(text).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  const QUOTE_MARKS = {
    single: "'\u2018\u2019\u201a\u201b`\u00b4\u2032",
    double: '"\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033',
  };

  /**
   * Where `needle` is in `text`: [start, end] or null.
   *
   * "exact" is a plain substring search (the contract's evidence sentences); "nocase" the same
   * ignoring case; "quote" tries the exact words first, then allows any run of whitespace for
   * a space and any quote mark or apostrophe for another, since reports differ in both.
   */
  function locate(text, needle, match) {
    if (!needle) return null;
    if (match !== "nocase") {
      const at = text.indexOf(needle);
      if (at >= 0) return [at, at + needle.length];
      if (match !== "quote") return null;
    }
    let pattern;
    if (match === "nocase") pattern = escapeRe(needle);
    else {
      const single = `[${escapeRe(QUOTE_MARKS.single)}]`;
      const double = `[${escapeRe(QUOTE_MARKS.double)}]`;
      pattern = needle
        .trim()
        .split(/\s+/)
        .map((word) =>
          [...word]
            .map((ch) => (QUOTE_MARKS.single.includes(ch) ? single : QUOTE_MARKS.double.includes(ch) ? double : escapeRe(ch)))
            .join(""),
        )
        .join("\\s+");
    }
    const m = new RegExp(pattern, match === "nocase" ? "iu" : "u").exec(text);
    return m ? [m.index, m.index + m[0].length] : null;
  }

  /**
   * A function from a code point offset of `text` to its UTF-16 index. The contract counts
   * offsets in code points (as Python does), JavaScript strings in UTF-16 units: the two
   * differ after a character outside the Basic Multilingual Plane (an emoji).
   */
  function codeUnitIndex(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
    const index = [];
    let unit = 0;
    for (const ch of text) {
      index.push(unit);
      unit += ch.length;
    }
    index.push(unit);
    return (offset) => index[offset];
  }

  function plural(n, one, many) {
    return `${n} ${n === 1 ? one : many || one + "s"}`;
  }

  /** A date for a column head or a list: "12 Mar 2026"; an unparsable one as given. */
  function day(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return d.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  }

  /**
   * A section whose body folds away: its heading is a button (aria-expanded) that names what
   * the section holds and how many, so a long story reads as its headings first.
   */
  function foldSection(cls, id, title, open, ...content) {
    const body = h("div", { class: "fold-body", id: `${id}-body` }, content);
    const button = h("button", { type: "button", class: "fold-toggle", "aria-controls": body.id }, title);
    const section = h("section", { class: `${cls} fold`, "aria-labelledby": `${id}-h` }, h("h2", { id: `${id}-h` }, button), body);
    button.addEventListener("click", () => setFold(section, button.getAttribute("aria-expanded") !== "true"));
    setFold(section, open);
    return section;
  }

  function setFold(section, open) {
    section.querySelector(".fold-toggle").setAttribute("aria-expanded", String(open));
    section.querySelector(".fold-body").hidden = !open;
  }

  /**
   * Open the folded section (or folded list) around `el`, so a selected item is seen; a list
   * that filters its items hears a "reveal" event and shows the item's kind again.
   */
  function unfold(el) {
    el.dispatchEvent(new CustomEvent("reveal", { bubbles: true }));
    const details = el.closest("details");
    if (details) details.open = true;
    const section = el.closest(".fold");
    if (section) setFold(section, true);
  }

  function when(iso) {
    if (!iso) return "";
    const d = new Date(iso);
    if (Number.isNaN(d.getTime())) return iso;
    return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  }

  function announce(message) {
    const region = document.getElementById("announce");
    region.textContent = "";
    // a fresh text node makes screen readers speak a repeated message again
    window.setTimeout(() => (region.textContent = message), 30);
  }

  function basename(path) {
    if (!path) return "";
    const parts = String(path).split(/[\\/]/);
    return parts[parts.length - 1] || String(path);
  }

  class ApiError extends Error {
    constructor(status, detail, errors) {
      super(detail);
      this.status = status;
      this.detail = detail;
      this.errors = errors || [];
    }
  }

  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, { headers: { Accept: "application/json" }, ...options });
    } catch (err) {
      throw new ApiError(0, "The server cannot be reached. Is `newscheck serve` running?");
    }
    let body = null;
    const type = response.headers.get("content-type") || "";
    if (type.includes("json")) {
      try {
        body = await response.json();
      } catch {
        body = null;
      }
    }
    if (!response.ok) {
      let detail = body && body.detail;
      // FastAPI's own validation errors give a list here
      if (Array.isArray(detail)) {
        detail = detail.map((d) => (d && d.msg) || JSON.stringify(d)).join("; ");
      }
      throw new ApiError(
        response.status,
        detail || `${response.status} ${response.statusText}`,
        body && Array.isArray(body.errors) ? body.errors : [],
      );
    }
    return body;
  }

  // ------------------------------------------------------------------ routing

  const main = () => document.getElementById("main");
  let view = { cleanup: () => {} }; // the current view; cleanup stops its timers
  const reportCache = new Map(); // analysis id -> done record (with its report)
  const articleCache = new Map(); // article id -> Promise of the article JSON
  let lastSkipped = null; // {id, skipped}: inputs the upload itself skipped
  let pendingNotice = null; // a short message the next start page shows (after a deletion)

  function parseHash() {
    const raw = location.hash.replace(/^#/, "");
    const [path, query] = raw.split("?");
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    return { parts, params: new URLSearchParams(query || "") };
  }

  function route() {
    if (location.hash && !location.hash.startsWith("#/")) return; // in-page anchors
    const { parts, params } = parseHash();
    if (parts[0] === "analyses" && parts[1] && parts[2] === "stories" && parts[3]) {
      if (view.kind === "story" && view.aid === parts[1] && view.sid === parts[3]) {
        view.applyParams(params); // only the selection changed
        return;
      }
      show(storyView(parts[1], parts[3], params));
    } else if (parts[0] === "analyses" && parts[1]) {
      show(analysisView(parts[1]));
    } else {
      show(startView());
    }
  }

  function show(next) {
    view.cleanup();
    view = next;
  }

  function setTitle(text) {
    document.title = text ? `${text} \u2013 newscheck` : "newscheck";
  }

  /** Replace the page content; focus the heading so keyboard and screen reader users land there. */
  function render(nodes, { focus = true } = {}) {
    const m = main();
    m.replaceChildren(...nodes.filter(Boolean));
    window.scrollTo(0, 0);
    const heading = m.querySelector("h1");
    if (focus && heading && document.readyState === "complete") {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }

  function errorBox(err, title) {
    const box = h(
      "div",
      { class: "alert alert-error", role: "alert" },
      h("p", { class: "alert-title" }, title || "Something went wrong"),
      h("p", null, err.detail || err.message || String(err)),
    );
    if (err.errors && err.errors.length) {
      box.append(
        h(
          "ul",
          { class: "error-list" },
          err.errors.map((e) =>
            h("li", null, h("span", { class: "mono" }, e.input || "input"), ": ", e.reason || ""),
          ),
        ),
      );
    }
    return box;
  }

  // ------------------------------------------------------------------ start page

  function startView() {
    setTitle("");
    const state = { offset: 0, alive: true, timer: null };
    const reports = pasteList();
    const recent = h("section", { class: "recent", "aria-labelledby": "recent-h" });
    const loadRecent = recentAnalyses(recent, state);
    reports.add(false);
    const notice = pendingNotice ? h("p", { class: "alert alert-ok notice" }, pendingNotice) : null;
    if (pendingNotice) announce(pendingNotice);
    pendingNotice = null;
    render([
      notice,
      h(
        "div",
        { class: "start" },
        h(
          "section",
          { class: "start-main", "aria-labelledby": "start-h" },
          h("h1", { id: "start-h" }, "New analysis"),
          h(
            "p",
            { class: "lede" },
            "Give several reports of the same events. newscheck groups them into stories and shows, claim by claim, which outlets agree, which contradict each other, and the sentences they rest on.",
          ),
          startForm(reports, fileChooser()),
        ),
        recent,
      ),
    ]);
    recent.append(h("h2", { id: "recent-h" }, "Recent analyses"), h("p", { class: "muted" }, "Loading\u2026"));
    loadRecent();
    return {
      kind: "start",
      cleanup: () => {
        state.alive = false;
        window.clearTimeout(state.timer);
      },
    };
  }

  /** The pasted reports: one text box each, with optional metadata; `add` appends one. */
  function pasteList() {
    const list = h("ol", { class: "paste-list" });
    let made = 0;

    function add(focus) {
      made += 1;
      const n = made;
      const id = `r${n}`;
      const li = h("li", { class: "paste-item" });
      const remove = h("button", {
        type: "button",
        class: "btn btn-quiet",
        text: "Remove",
        "aria-label": `Remove report ${n}`,
        on: {
          click: () => {
            li.remove();
            renumber();
            const first = list.querySelector("textarea");
            if (first) first.focus();
          },
        },
      });
      const textarea = h("textarea", {
        id: `${id}-text`,
        name: "text",
        rows: 7,
        placeholder: "Paste the full text of one report: headline, then the body.",
      });
      li.append(
        h(
          "div",
          { class: "paste-head" },
          h("label", { for: `${id}-text`, class: "paste-label" }, `Report ${n}`),
          remove,
        ),
        textarea,
        h(
          "details",
          { class: "paste-meta" },
          h("summary", null, "Title, outlet, URL, date (optional)"),
          h(
            "div",
            { class: "meta-grid" },
            field(`${id}-title`, "Title", "title", "text"),
            field(`${id}-outlet`, "Outlet", "outlet", "text"),
            field(`${id}-url`, "URL", "url", "url"),
            field(`${id}-published`, "Published", "published", "date"),
          ),
        ),
      );
      list.append(li);
      renumber();
      if (focus) textarea.focus();
    }

    function field(id, label, name, type) {
      return h(
        "div",
        { class: "field" },
        h("label", { for: id }, label),
        h("input", { id, name, type, autocomplete: "off" }),
      );
    }

    function renumber() {
      const items = [...list.children];
      items.forEach((li, i) => {
        li.querySelector(".paste-label").textContent = `Report ${i + 1}`;
        const btn = li.querySelector(".paste-head button");
        btn.setAttribute("aria-label", `Remove report ${i + 1}`);
        btn.hidden = items.length === 1;
      });
    }

    /** The reports pasted so far (those with text), each with the metadata given. */
    function articles() {
      return [...list.children]
        .map((li) => {
          const get = (name) => li.querySelector(`[name="${name}"]`).value.trim();
          const item = { text: li.querySelector("textarea").value };
          for (const key of ["title", "outlet", "url", "published"]) if (get(key)) item[key] = get(key);
          return item;
        })
        .filter((a) => a.text.trim());
    }

    return { list, add, articles };
  }

  /** The files to upload: a file input and a drop zone, and the list of those chosen. */
  function fileChooser() {
    const files = [];
    const list = h("ul", { class: "file-list", "aria-live": "polite" });
    const count = h("span", { class: "muted" }, "No files chosen");
    const input = h("input", {
      id: "files",
      type: "file",
      name: "files",
      multiple: true,
      class: "file-input",
      accept: ".txt,.md,.markdown,.html,.htm,.json,.jsonl,.ndjson,.xml,.rss,.atom,.rdf,text/*",
      on: {
        change: () => {
          add(input.files);
          input.value = ""; // the same file can be chosen again after removing it
        },
      },
    });

    function add(chosen) {
      for (const f of chosen) {
        if (!files.some((g) => g.name === f.name && g.size === f.size)) files.push(f);
      }
      draw();
    }

    function draw() {
      fill(list,
        ...files.map((f, i) =>
          h(
            "li",
            null,
            h("span", { class: "mono" }, f.name),
            h("span", { class: "muted" }, ` ${Math.max(1, Math.round(f.size / 1024))} kB `),
            h("button", {
              type: "button",
              class: "btn btn-quiet",
              text: "Remove",
              "aria-label": `Remove ${f.name}`,
              on: {
                click: () => {
                  files.splice(i, 1);
                  draw();
                  input.focus();
                },
              },
            }),
          ),
        ),
      );
      count.textContent = files.length ? `${plural(files.length, "file")} chosen` : "No files chosen";
    }

    const drop = h(
      "div",
      { class: "dropzone" },
      h("label", { for: "files", class: "btn" }, "Choose files"),
      input,
      " or drop them here. ",
      count,
    );
    drop.addEventListener("dragover", (e) => {
      e.preventDefault();
      drop.classList.add("dragging");
    });
    drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
    drop.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("dragging");
      if (e.dataTransfer && e.dataTransfer.files) add(e.dataTransfer.files);
    });
    return { drop, list, files };
  }

  /** The start form: pasted reports, files, URLs and a label; sending it opens the analysis. */
  function startForm(reports, chooser) {
    const formMessage = h("div", { class: "form-message" });
    const urls = h("textarea", {
      id: "urls",
      name: "urls",
      rows: 3,
      placeholder: "https://example.org/news/story\nhttps://example.org/feed.xml",
    });
    const label = h("input", { id: "label", name: "label", type: "text", autocomplete: "off" });
    const submit = h("button", { type: "submit", class: "btn btn-primary" }, "Analyse");

    const form = h(
      "form",
      { class: "start-form", novalidate: true, "aria-labelledby": "start-h" },
      h(
        "fieldset",
        null,
        h("legend", null, "Paste reports"),
        reports.list,
        h("button", {
          type: "button",
          class: "btn",
          text: "+ Add another report",
          on: { click: () => reports.add(true) },
        }),
      ),
      h(
        "fieldset",
        null,
        h("legend", null, "Upload files"),
        h("p", { class: "hint", id: "files-hint" }, "Text, Markdown, HTML, JSON, JSON Lines, RSS or Atom feeds; many at once."),
        chooser.drop,
        chooser.list,
      ),
      h(
        "fieldset",
        null,
        h("legend", null, "Web addresses"),
        h("label", { for: "urls" }, "URLs of reports or feeds, one per line"),
        urls,
      ),
      h(
        "div",
        { class: "field field-label" },
        h("label", { for: "label" }, "Label for this analysis (optional)"),
        label,
      ),
      h("div", { class: "form-actions" }, submit, formMessage),
    );

    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      fill(formMessage);
      const pasted = reports.articles();
      const urlList = urls.value
        .split("\n")
        .map((u) => u.trim())
        .filter(Boolean);
      if (!pasted.length && !chooser.files.length && !urlList.length) {
        formMessage.append(
          errorBox(
            { detail: "Paste a report, choose a file or give a URL first." },
            "Nothing to analyse",
          ),
        );
        return;
      }
      submit.disabled = true;
      submit.textContent = "Sending\u2026";
      try {
        const created = await api("/api/analyses", analysisRequest(pasted, chooser.files, urlList, label.value.trim()));
        lastSkipped = { id: created.id, skipped: created.skipped || [] };
        location.hash = `#/analyses/${encodeURIComponent(created.id)}`;
      } catch (err) {
        const title =
          err.status === 413
            ? "Too much at once"
            : err.status === 422
              ? "These inputs cannot be analysed"
              : "The analysis could not be started";
        const box = errorBox(err, title);
        box.setAttribute("tabindex", "-1");
        formMessage.append(box);
        box.focus();
      } finally {
        submit.disabled = false;
        submit.textContent = "Analyse";
      }
    });
    return form;
  }

  /** The POST of an analysis: a form when there are files, else JSON. */
  function analysisRequest(pasted, files, urlList, label) {
    if (files.length) {
      const data = new FormData();
      for (const f of files) data.append("files", f, f.name);
      const withMeta = pasted.filter((a) => Object.keys(a).length > 1);
      for (const a of pasted) if (Object.keys(a).length === 1) data.append("texts", a.text);
      if (withMeta.length) {
        // a pasted text field carries no metadata: these go as one JSON file instead
        const blob = new Blob([JSON.stringify(withMeta)], { type: "application/json" });
        data.append("files", blob, "pasted-reports.json");
      }
      if (urlList.length) data.append("urls", urlList.join("\n"));
      if (label) data.append("label", label);
      return { method: "POST", body: data };
    }
    const body = { articles: pasted, urls: urlList };
    if (label) body.label = label;
    return {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    };
  }

  const RECENT_PAGE = 20;
  const RECENT_REFRESH_MS = 3000;

  /** The start page's recent analyses, a page at a time (`state.offset`): returns the loader. */
  function recentAnalyses(recent, state) {
    async function load() {
      let data;
      try {
        data = await api(`/api/analyses?limit=${RECENT_PAGE}&offset=${state.offset}`);
      } catch (err) {
        fill(recent, h("h2", { id: "recent-h" }, "Recent analyses"), errorBox(err));
        return;
      }
      if (!state.alive) return;
      const items = data.items || [];
      const total = data.total || 0;
      const lim = data.limit || RECENT_PAGE;
      const body = items.length
        ? recentTable(items)
        : h("p", { class: "muted" }, total ? "No analyses on this page." : "No analyses yet.");
      const turn = (offset) => {
        state.offset = offset;
        load();
      };
      fill(recent, h("h2", { id: "recent-h" }, "Recent analyses"), body, total ? recentPager(state.offset, lim, items.length, total, turn) : null);
      // while something on this page is still running, its row keeps itself current
      window.clearTimeout(state.timer);
      if (items.some((r) => r.status === "queued" || r.status === "running")) {
        state.timer = window.setTimeout(() => state.alive && load(), RECENT_REFRESH_MS);
      }
    }
    return load;
  }

  function recentTable(items) {
    return h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "recent-table" },
        h(
          "thead",
          null,
          h(
            "tr",
            null,
            ["Status", "Analysis", "Reports", "Stories", "Conflicts", "Started"].map((t) =>
              h("th", { scope: "col" }, t),
            ),
          ),
        ),
        h("tbody", null, items.map(recentRow)),
      ),
    );
  }

  function recentRow(r) {
    return h(
      "tr",
      null,
      h("td", null, statusBadge(r.status)),
      h(
        "td",
        null,
        h(
          "a",
          { href: `#/analyses/${encodeURIComponent(r.id)}` },
          r.title || analysisName(r),
        ),
        r.stories > 1 ? h("span", { class: "muted" }, ` and ${plural(r.stories - 1, "more story", "more stories")}`) : null,
        r.label && r.title ? h("span", { class: "muted block" }, r.label) : null,
      ),
      h(
        "td",
        { class: "num" },
        r.status === "done" ? String(r.articles) : String(r.inputs),
        r.skipped ? h("span", { class: "muted" }, ` (+${r.skipped} skipped)`) : null,
      ),
      h("td", { class: "num" }, r.status === "done" ? String(r.stories) : "\u2013"),
      h("td", { class: "num" }, r.status === "done" ? String(r.conflicts) : "\u2013"),
      h("td", null, h("time", { datetime: r.created_at }, when(r.created_at))),
    );
  }

  /** Newer / older buttons around "21–40 of 57"; `turn(offset)` shows another page. */
  function recentPager(offset, lim, shown, total, turn) {
    return h(
      "nav",
      { class: "pager", "aria-label": "Recent analyses pages" },
      h("button", {
        type: "button",
        class: "btn",
        text: "\u2190 Newer",
        disabled: offset === 0,
        on: { click: () => turn(Math.max(0, offset - lim)) },
      }),
      h("span", { class: "muted" }, `${offset + 1}\u2013${Math.min(total, offset + shown)} of ${total}`),
      h("button", {
        type: "button",
        class: "btn",
        text: "Older \u2192",
        disabled: offset + lim >= total,
        on: { click: () => turn(offset + lim) },
      }),
    );
  }

  /** What an analysis is called: its label, else when it was made. */
  function analysisName(record) {
    if (record.label) return record.label;
    return record.created_at ? `Analysis of ${when(record.created_at)}` : `Analysis ${record.id}`;
  }

  function statusBadge(status) {
    const text = { queued: "Queued", running: "Running", done: "Done", failed: "Failed" }[status] || status;
    return h("span", { class: `badge badge-${status}` }, text);
  }

  // ------------------------------------------------------------------ analysis page

  function downloads(aid) {
    const base = `/api/analyses/${encodeURIComponent(aid)}/report`;
    return h(
      "nav",
      { class: "downloads", "aria-label": "Downloads" },
      h("span", { class: "muted" }, "Download: "),
      h("a", { href: `${base}.json`, download: `newscheck-${aid}.json` }, "JSON"),
      h("a", { href: `${base}.md`, download: `newscheck-${aid}.md` }, "Markdown"),
      h("a", { href: `${base}.html`, download: `newscheck-${aid}.html` }, "HTML"),
    );
  }

  function storyCounts(story) {
    const counts = { corroborated: 0, contested: 0, single_source: 0 };
    for (const c of story.claims || []) if (c.status in counts) counts[c.status] += 1;
    return counts;
  }

  function analysisView(aid) {
    setTitle("Analysis");
    const state = { alive: true, timer: null, delay: 1000, last: "" };
    const crumbs = breadcrumbs([["Analyses", "#/"], [`Analysis ${aid}`]]);
    const heading = h("h1", null, "Analysis");
    const body = h("div", { class: "analysis-body" });
    render([crumbs, heading, body]);
    const removal = () => deleteControl(aid, { alive: () => state.alive, name: () => heading.textContent });

    async function poll() {
      state.timer = null;
      let record;
      try {
        record = await api(`/api/analyses/${encodeURIComponent(aid)}`);
      } catch (err) {
        if (!state.alive) return;
        if (err.status === 404) {
          fill(body, errorBox(err, "No such analysis"), h("p", null, h("a", { href: "#/" }, "Start a new analysis")));
          return;
        }
        fill(body, errorBox(err, "Cannot load the analysis; retrying"));
        schedule(true);
        return;
      }
      if (!state.alive) return;
      heading.textContent = analysisName(record);
      setTitle(heading.textContent);
      if (record.status === "done" && record.report) {
        reportCache.set(aid, record);
        drawDone(record);
      } else if (record.status === "failed") {
        fill(body,
          h(
            "div",
            { class: "alert alert-error", role: "alert" },
            h("p", { class: "alert-title" }, "The analysis failed"),
            h("p", null, record.error || "No reason was recorded."),
          ),
          uploadSkipped(aid),
          h("p", null, h("a", { href: "#/" }, "Start a new analysis")),
          removal(),
        );
      } else {
        const key = `${record.status}/${record.stage}/${record.done}/${record.total}`;
        drawProgress(body, record, aid);
        schedule(key === state.last);
        state.last = key;
      }
    }

    /** Poll again: every second while things move, backing off to 5 s when nothing does. */
    function schedule(slower) {
      state.delay = slower ? Math.min(5000, state.delay * 1.5) : 1000;
      state.timer = window.setTimeout(poll, state.delay);
    }

    function drawDone(record) {
      const report = record.report;
      const stories = report.stories || [];
      fill(body,
        h(
          "p",
          { class: "summary" },
          `${plural(report.articles.length, "report")} read, ${plural(stories.length, "story", "stories")}, `,
          `${plural(record.conflicts || 0, "conflict")}. Finished ${when(record.finished_at)}.`,
        ),
        downloads(aid),
        h("h2", null, "Stories"),
        stories.length ? storyList(aid, report) : h("p", null, "No story could be formed from these inputs."),
        report.skipped && report.skipped.length ? skippedList(report.skipped, "Skipped inputs") : null,
        removal(),
      );
    }

    poll();
    return {
      kind: "analysis",
      cleanup: () => {
        state.alive = false;
        if (state.timer) window.clearTimeout(state.timer);
      },
    };
  }

  /** The inputs the upload of analysis `aid` skipped, when this page sent it; else null. */
  function uploadSkipped(aid) {
    if (!lastSkipped || lastSkipped.id !== aid || !lastSkipped.skipped.length) return null;
    return skippedList(lastSkipped.skipped, "Skipped when uploading");
  }

  /** A running analysis's progress bar in `body` (drawn once, then updated in place). */
  function drawProgress(body, record, aid) {
    let bar = body.querySelector(".progress");
    if (!bar) {
      bar = h(
        "div",
        { class: "progress", role: "progressbar", "aria-valuemin": "0", "aria-label": "Analysis progress" },
        h("div", { class: "progress-fill" }),
      );
      fill(body,
        h("p", { class: "progress-text", "aria-live": "polite" }),
        bar,
        h("p", { class: "muted" }, `${plural(record.inputs, "input")} given. This page updates by itself.`),
        uploadSkipped(aid),
      );
    }
    const text = body.querySelector(".progress-text");
    const barFill = bar.querySelector(".progress-fill");
    const stage = record.stage || (record.status === "queued" ? "waiting for a free worker" : "starting");
    const label = record.status === "queued" ? "Queued" : "Running";
    if (record.total > 0) {
      const done = Math.min(record.done, record.total);
      bar.setAttribute("aria-valuemax", String(record.total));
      bar.setAttribute("aria-valuenow", String(done));
      bar.setAttribute("aria-valuetext", `${stage}: ${done} of ${record.total}`);
      bar.classList.remove("indeterminate");
      barFill.style.width = `${(100 * done) / record.total}%`;
      text.textContent = `${label}: ${stage}, ${done} of ${record.total}`;
    } else {
      // no total yet: an indeterminate bar has no aria-valuenow
      bar.setAttribute("aria-valuemax", "100");
      bar.removeAttribute("aria-valuenow");
      bar.setAttribute("aria-valuetext", stage);
      bar.classList.add("indeterminate");
      barFill.style.width = "";
      text.textContent = record.done ? `${label}: ${stage}, ${record.done} so far` : `${label}: ${stage}`;
    }
  }

  /** A finished analysis's stories, each with its counts and outlets, linking to its page. */
  function storyList(aid, report) {
    const articles = new Map((report.articles || []).map((a) => [a.id, a]));
    return h(
      "ol",
      { class: "story-list" },
      report.stories.map((s) => {
        const counts = storyCounts(s);
        const outlets = [...new Set(s.articles.map((id) => outletName(articles.get(id), id)))];
        return h(
          "li",
          { class: "story-item" },
          h(
            "h3",
            null,
            h("a", { href: `#/analyses/${encodeURIComponent(aid)}/stories/${encodeURIComponent(s.id)}` }, s.title || `Story ${s.id}`),
          ),
          h(
            "p",
            { class: "story-stats" },
            h("span", null, plural(s.articles.length, "report")),
            h("span", { class: (s.conflicts || []).length ? "stat-conflicts" : "" }, plural((s.conflicts || []).length, "conflict")),
            STATUSES.map((st) => statusCount(st, counts[st])),
          ),
          h("p", { class: "muted outlets" }, outlets.join(" \u00b7 ")),
          s.error ? h("p", { class: "note note-error" }, `Cross-check failed: ${s.error}`) : null,
          s.note ? h("p", { class: "note" }, s.note) : null,
        );
      }),
    );
  }

  /**
   * "Delete analysis", then an inline confirmation in its place (no blocking dialog).
   * Only drawn for a done or failed analysis: the server refuses one still running.
   * `page.alive()` says whether the page is still shown, `page.name()` what it is called.
   */
  function deleteControl(aid, page) {
    const box = h("section", { class: "delete-box", "aria-label": "Delete this analysis" });
    const ask = h("button", {
      type: "button",
      class: "btn btn-danger-quiet delete-start",
      text: "Delete analysis\u2026",
      on: { click: () => confirmStep() },
    });
    const message = h("div", { class: "delete-message" });

    function initial({ focus = false } = {}) {
      fill(box, ask, message);
      if (focus) ask.focus();
    }

    function confirmStep() {
      fill(message);
      const question = h("p", { id: "delete-q", class: "delete-question" }, "Delete this analysis and its reports? This cannot be undone.");
      const yes = h("button", {
        type: "button",
        class: "btn btn-danger delete-confirm",
        text: "Delete",
        on: { click: () => remove(yes, no) },
      });
      const no = h("button", {
        type: "button",
        class: "btn delete-cancel",
        text: "Cancel",
        on: { click: () => initial({ focus: true }) },
      });
      const group = h(
        "div",
        {
          class: "delete-confirm-box",
          role: "group",
          "aria-labelledby": "delete-q",
          on: {
            keydown: (e) => {
              if (e.key === "Escape" && !yes.disabled) {
                e.preventDefault();
                initial({ focus: true });
              }
            },
          },
        },
        question,
        h("div", { class: "delete-actions" }, yes, no),
      );
      fill(box, group, message);
      no.focus(); // the safe choice has the focus; Tab reaches Delete
    }

    async function remove(yes, no) {
      yes.disabled = true;
      no.disabled = true;
      yes.textContent = "Deleting\u2026";
      fill(message);
      try {
        await api(`/api/analyses/${encodeURIComponent(aid)}`, { method: "DELETE" });
      } catch (err) {
        if (!page.alive()) return;
        const title = err.status === 409 ? "Not deleted yet" : "The analysis could not be deleted";
        initial();
        const alertBox = errorBox(err, title);
        alertBox.setAttribute("tabindex", "-1");
        message.append(alertBox);
        alertBox.focus();
        return;
      }
      reportCache.delete(aid);
      if (lastSkipped && lastSkipped.id === aid) lastSkipped = null;
      pendingNotice = `Analysis \u201c${page.name()}\u201d was deleted.`;
      location.hash = "#/";
    }

    initial();
    return box;
  }

  function statusCount(status, n) {
    return h("span", { class: `count count-${status}` }, h("span", { class: "icon", "aria-hidden": "true" }, STATUS[status].icon), ` ${n} ${STATUS[status].short}`);
  }

  function skippedList(skipped, title) {
    return h(
      "section",
      { class: "skipped", "aria-label": title },
      h("h2", null, `${title} (${skipped.length})`),
      h(
        "ul",
        null,
        skipped.map((s) => h("li", null, h("span", { class: "mono" }, s.input), h("span", null, `: ${s.reason}`))),
      ),
    );
  }

  function breadcrumbs(items) {
    return h(
      "nav",
      { class: "crumbs", "aria-label": "Breadcrumb" },
      h(
        "ol",
        null,
        items.map(([text, href], i) =>
          h("li", null, href ? h("a", { href }, text) : h("span", { "aria-current": i === items.length - 1 ? "page" : null }, text)),
        ),
      ),
    );
  }

  function outletName(article, id) {
    if (!article) return id;
    return article.outlet || article.title || basename(article.input) || id;
  }

  // ------------------------------------------------------------------ story page

  function storyView(aid, sid, initialParams) {
    setTitle("Story");
    const self = {
      kind: "story",
      aid,
      sid,
      alive: true,
      applyParams: () => {},
      cleanup: () => {
        self.alive = false;
        document.removeEventListener("keydown", onKey);
      },
    };
    render([breadcrumbs([["Analyses", "#/"], [`Analysis ${aid}`, `#/analyses/${encodeURIComponent(aid)}`]]), h("h1", null, "Story"), h("p", { class: "muted" }, "Loading\u2026")]);

    function onKey(e) {
      if (e.key === "Escape" && self.clear && !e.defaultPrevented) {
        const t = e.target;
        if (t && t.matches && t.matches("input[type=search]") && t.value) return; // clears the search first
        self.clear();
      }
    }
    document.addEventListener("keydown", onKey);

    (async () => {
      let record = reportCache.get(aid);
      try {
        if (!record) record = await api(`/api/analyses/${encodeURIComponent(aid)}`);
      } catch (err) {
        if (self.alive) render([h("h1", null, "Story"), errorBox(err, "Cannot load the analysis")]);
        return;
      }
      if (!self.alive) return;
      if (record.status !== "done" || !record.report) {
        location.replace(`#/analyses/${encodeURIComponent(aid)}`); // not ready: show its progress
        return;
      }
      reportCache.set(aid, record);
      const story = (record.report.stories || []).find((s) => s.id === sid);
      if (!story) {
        render([
          breadcrumbs([["Analyses", "#/"], [analysisName(record), `#/analyses/${encodeURIComponent(aid)}`]]),
          h("h1", null, "Story not found"),
          h("p", null, `This analysis has no story ${sid}.`),
        ]);
        return;
      }
      buildStory(self, record, story, initialParams);
    })();
    return self;
  }

  /**
   * The story page: the findings beside the report columns. Selecting a finding highlights
   * its sentences in the columns (a {@link StorySelection}); the texts arrive after the page is
   * drawn and each column paints its highlights when its text does.
   */
  function buildStory(self, record, story, initialParams) {
    const aid = self.aid;
    const report = record.report;
    const articles = new Map((report.articles || []).map((a) => [a.id, a]));
    const name = (id) => outletName(articles.get(id), id);
    setTitle(story.title);
    const columns = reportColumns(story, articles, name);
    const page = new StorySelection(self, story, columns, name);
    render([
      breadcrumbs([
        ["Analyses", "#/"],
        [analysisName(record), `#/analyses/${encodeURIComponent(aid)}`],
        [story.title || story.id],
      ]),
      h("div", { class: "story-head" }, h("h1", null, story.title || `Story ${story.id}`), storyStats(story), downloads(aid)),
      story.error ? h("p", { class: "note note-error", role: "note" }, `The cross-check of this story failed: ${story.error}`) : null,
      story.note ? h("p", { class: "note", role: "note" }, story.note) : null,
      // the first screen: who reported what, which reports to trust, who reported first
      gridSection(story, articles, page),
      sourcesSection(story, page),
      headlinesSection(story, articles, page),
      h(
        "div",
        { class: "workbench" },
        // everything selectable sits beside the reports, which stay in view as the list scrolls
        h(
          "div",
          { class: "findings" },
          briefSection(story, page),
          h("p", { class: "hint" }, "Select a conflict, claim, timeline event, position or quote to highlight its sentences in the reports. Escape clears."),
          conflictsSection(story, page),
          claimsSection(story, page),
          timelineSection(story, page),
          positionsSection(story, page),
          quotesSection(story, page),
        ),
        reportsSection(columns, page.hitNav),
      ),
      page.jumpBar,
    ]);
    if (initialParams) self.applyParams(initialParams);
    loadTexts(self, story, page);
  }

  /** The texts: fetched in parallel (once per article), each column painted when its text arrives. */
  function loadTexts(self, story, page) {
    const { columns, name } = page;
    for (const id of story.articles) {
      if (!articleCache.has(id)) {
        articleCache.set(
          id,
          api(`/api/articles/${encodeURIComponent(id)}`).catch((err) => {
            articleCache.delete(id);
            throw err;
          }),
        );
      }
      articleCache
        .get(id)
        .then((article) => {
          if (!self.alive) return;
          fillColumn(columns.byId.get(id), id, article, name);
          page.afterFill();
        })
        .catch((err) => {
          if (!self.alive) return;
          fill(columns.byId.get(id).body, errorBox(err, "Cannot load this report's text"));
        });
    }
  }

  function storyStats(story) {
    const counts = storyCounts(story);
    const conflicts = story.conflicts || [];
    return h(
      "p",
      { class: "story-stats" },
      h("span", null, plural(story.articles.length, "report")),
      h("span", { class: conflicts.length ? "stat-conflicts" : "" }, plural(conflicts.length, "conflict")),
      STATUSES.map((st) => statusCount(st, counts[st])),
    );
  }

  // ---- report columns: one per article, filled as the texts arrive

  /**
   * The story's report columns: `byId` maps an article id to its column
   * `{col, body, hits, paragraphs, text, marked, want}`; `box` holds them side by side.
   */
  function reportColumns(story, articles, name) {
    const byId = new Map();
    const box = h("div", { class: "columns", id: "reports", tabindex: "-1" });
    // in order of publication, as the grid and the list of headlines
    for (const id of byPublication(story, articles)) {
      const a = articles.get(id) || { id };
      const headId = `col-${id}-h`;
      const url = safeUrl(a.url);
      const copyOf = a.copy_of ? h("span", { class: "tag tag-copy", title: `A copy of ${name(a.copy_of)}` }, `copy of ${name(a.copy_of)}`) : null;
      const body = h("div", { class: "col-body" }, h("p", { class: "muted" }, "Loading the text\u2026"));
      const hits = h("span", { class: "col-hits", "aria-live": "polite" });
      const col = h(
        "section",
        { class: "col", id: `col-${id}`, "data-article": id, "aria-labelledby": headId },
        h(
          "header",
          { class: "col-head" },
          h("h3", { id: headId, class: "col-outlet" }, name(id), " ", copyOf, hits),
          h(
            "p",
            { class: "col-meta" },
            a.published ? h("time", { datetime: a.published }, a.published) : h("span", null, "undated"),
            typeof a.words === "number" ? ` \u00b7 ${plural(a.words, "word")}` : null,
            url ? [" \u00b7 ", h("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original")] : null,
          ),
        ),
        body,
      );
      byId.set(id, { col, body, hits, paragraphs: [], text: null, marked: new Set() });
      box.append(col);
    }
    return { byId, box };
  }

  function reportsSection(columns, hitNav) {
    return h(
      "section",
      { class: "reports", "aria-labelledby": "reports-h" },
      h("h2", { id: "reports-h" }, "Reports"),
      h("div", { class: "legend", "aria-hidden": "true" }, h("mark", { class: "hl hl-side hl-side-0", "data-label": "A" }, "side A"), h("mark", { class: "hl hl-side hl-side-1", "data-label": "B" }, "side B"), h("mark", { class: "hl hl-corroborated", "data-label": STATUS.corroborated.icon }, "corroborated"), h("mark", { class: "hl hl-contested", "data-label": STATUS.contested.icon }, "contested"), h("mark", { class: "hl hl-single_source", "data-label": STATUS.single_source.icon }, "single source")),
      hitNav,
      columns.box,
    );
  }

  /** Show an article's text in its column `c`, a paragraph per block, and paint its highlights. */
  function fillColumn(c, id, article, name) {
    c.text = article.text || "";
    c.unitIndex = codeUnitIndex(c.text);
    c.paragraphs = [];
    const frag = document.createDocumentFragment();
    const bodyStart = article.body_start || 0;
    // a blank line separates paragraphs; offsets are kept so evidence maps onto them
    const re = /\n[ \t]*\n\s*/g;
    let start = 0;
    let m;
    const pieces = [];
    while ((m = re.exec(c.text)) !== null) {
      pieces.push([start, m.index]);
      start = m.index + m[0].length;
    }
    pieces.push([start, c.text.length]);
    for (const [s, e] of pieces) {
      if (e <= s || !c.text.slice(s, e).trim()) continue;
      const headline = bodyStart > 0 && e <= bodyStart;
      const el = h("p", { class: headline ? "para headline" : "para" }, c.text.slice(s, e));
      c.paragraphs.push({ el, start: s, end: e, textOf: () => c.text.slice(s, e) });
      frag.append(el);
    }
    c.body.replaceChildren(frag);
    c.body.setAttribute("tabindex", "0"); // scrollable regions are reachable by keyboard
    c.body.setAttribute("aria-label", `Text of ${name(id)}`);
    if (!c.want) c.want = [];
    paint(c);
  }

  /** Draw a column's highlights (c.want) into its text; a column still loading paints when it arrives. */
  function paint(c, { scroll = true } = {}) {
    if (c.text === null) return;
    for (const p of c.marked) plainParagraph(p);
    c.marked.clear();
    c.col.classList.toggle("has-hits", c.want.length > 0);
    let missing = 0;
    let notVerbatim = 0;
    const spans = [];
    for (const r of c.want) {
      const at = place(c, r);
      if (!at) {
        if (r.match === "quote") notVerbatim += 1;
        else missing += 1;
        continue;
      }
      spans.push({ start: at[0], end: at[1], cls: r.cls, label: r.label });
    }
    spans.sort((x, y) => x.start - y.start || y.end - x.end);
    const kept = [];
    for (const s of spans) {
      // the same sentence given twice (or overlapping) is marked once
      if (kept.length && s.start < kept[kept.length - 1].end) continue;
      kept.push(s);
    }
    for (const p of c.paragraphs) {
      const inside = kept.filter((s) => s.start < p.end && s.end > p.start);
      if (inside.length) {
        markParagraph(p, inside);
        c.marked.add(p);
      }
    }
    c.hits.textContent = kept.length ? ` ${plural(kept.length, "sentence")}` : "";
    for (const warn of c.body.querySelectorAll(".missing")) warn.remove();
    if (notVerbatim) {
      c.body.prepend(h("p", { class: "missing note", role: "note" }, `The quoted words were not found verbatim in this text${notVerbatim > 1 ? ` (${notVerbatim} quotes)` : ""}.`));
    }
    if (missing) {
      c.body.prepend(h("p", { class: "missing note note-error" }, `${plural(missing, "evidence sentence")} not found in this text.`));
    }
    if (scroll && kept.length) {
      const mark = c.body.querySelector("mark");
      if (mark) {
        // scroll inside the column only: the page itself stays where the reader is
        const top = mark.getBoundingClientRect().top - c.body.getBoundingClientRect().top + c.body.scrollTop;
        c.body.scrollTo({ top: Math.max(0, top - 48), behavior: "auto" });
      }
    }
  }

  /**
   * Where a highlight goes in a column's text: [start, end] or null. Evidence with offsets
   * is marked where it was found, so a sentence the report prints twice is marked at the
   * right one; evidence without them (a report stored before contract 1.4), or whose
   * offsets do not hold its words, is searched for. The contract guarantees each evidence
   * sentence is an exact substring of the text; a quote's words are not promised to be,
   * so they get a looser second search.
   */
  function place(c, r) {
    if (Number.isInteger(r.start) && Number.isInteger(r.end)) {
      const start = c.unitIndex(r.start);
      const end = c.unitIndex(r.end);
      if (end !== undefined && c.text.slice(start, end) === r.sentence) return [start, end];
    }
    return locate(c.text, r.sentence, r.match);
  }

  function plainParagraph(p) {
    p.el.replaceChildren(document.createTextNode(p.textOf()));
  }

  function markParagraph(p, spans) {
    const text = p.textOf();
    const nodes = [];
    let at = p.start;
    for (const s of spans) {
      const a = Math.max(s.start, p.start);
      const b = Math.min(s.end, p.end);
      if (a > at) nodes.push(document.createTextNode(text.slice(at - p.start, a - p.start)));
      const mark = h("mark", { class: s.cls, "data-label": s.label }, text.slice(a - p.start, b - p.start));
      nodes.push(mark);
      at = b;
    }
    if (at < p.end) nodes.push(document.createTextNode(text.slice(at - p.start)));
    p.el.replaceChildren(...nodes);
  }

  function scrollColumnIntoView(box, col) {
    const left = col.offsetLeft - box.offsetLeft - 8;
    if (box.scrollWidth > box.clientWidth) {
      if (left < box.scrollLeft || left + 40 > box.scrollLeft + box.clientWidth) {
        box.scrollTo({ left: Math.max(0, left), behavior: "smooth" });
      }
    }
  }

  // ---- selection: what is selected, and its highlights in the columns

  // what a link may select (`?claim=c3`); a brief line's sentences are a passing aid, not a link
  const SELECTABLE = ["claim", "conflict", "event", "position", "quote"];
  const sameSelection = (a, b) => !!a && !!b && a.type === b.type && a.id === b.id;
  const byIndex = (list, id) => (/^\d+$/.test(String(id)) ? list[Number(id)] : undefined);

  /**
   * The story page's selection: {type: "claim"|"conflict"|"event"|"position"|"quote"|"brief",
   * id}; events, positions and quotes have no id in the contract, so theirs is the index in
   * the story's list. The sections register their buttons with {@link StorySelection#selectable};
   * selecting marks the buttons, highlights the sentences in the columns and keeps the link.
   */
  class StorySelection {
    constructor(self, story, columns, name) {
      this.self = self;
      this.story = story;
      this.columns = columns;
      this.name = name;
      this.selected = null;
      this.pressables = []; // {button, card, matches}: everything that can be the selection
      this.claimButtons = new Map(); // claim id -> its button (a conflict marks its claims)
      this.quoteGroupOf = new Map(); // quote index -> [indexes of the quotes with the same words]
      // conflicts and the possible differences set apart by the judges: both selectable
      this.allConflicts = [...(story.conflicts || []), ...(story.possible_differences || [])];
      this.hitNav = h("p", { class: "hit-nav" });
      this.pendingReveal = false; // a selection whose first highlighted report is still loading
      this.jumpBar = this.makeJumpBar();
      self.clear = () => {
        if (this.selected) this.select(null);
      };
      self.applyParams = (params) => {
        const type = SELECTABLE.find((t) => params.get(t) !== null);
        let id = type ? params.get(type) : null;
        if (type && type !== "claim" && type !== "conflict" && /^\d+$/.test(id)) id = String(Number(id)); // "?event=01" is event 1
        const sel = type ? { type, id } : null;
        if (!sameSelection(sel, this.selected) && (sel || this.selected)) this.select(sel, { updateHash: false, fromLink: true });
      };
    }

    /**
     * A button that selects `sel`, or clears the selection when it is already what it shows.
     *
     * `card`, when given, is the pointer target around the button; `matches` says which
     * selections the button shows (a quote listed once stands for each report that has it).
     */
    selectable(button, sel, card, matches = (x) => sameSelection(x, sel), { inFindings = true } = {}) {
      const toggle = () => this.select(this.selected && matches(this.selected) ? null : sel);
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", (e) => {
        e.stopPropagation();
        toggle();
      });
      if (card) {
        card.addEventListener("click", (e) => {
          if (e.target.closest("a, button") || (window.getSelection && String(window.getSelection()))) return;
          toggle();
        });
      }
      this.pressables.push({ button, card, matches, inFindings });
      return button;
    }

    /**
     * Select `sel` (null clears) and paint its highlights. A link's selection scrolls the page
     * to the finding; a click scrolls to the first highlight when it is out of the window (on a
     * phone the reports sit under the findings, and the jump bar leads back).
     */
    select(sel, { updateHash = true, scroll = true, fromLink = false } = {}) {
      const ranges = sel ? rangesFor(sel, this) : null;
      if (sel && !ranges) sel = null; // an unknown id in a link selects nothing
      this.selected = sel;
      this.markButtons(sel);
      this.jumpBar.hidden = !sel;
      this.pendingReveal = false;
      let total = 0;
      let articlesHit = 0;
      for (const [id, c] of this.columns.byId) {
        const list = (ranges && ranges.get(id)) || [];
        total += list.length;
        if (list.length) articlesHit += 1;
        c.want = list;
      }
      this.orderColumns();
      for (const c of this.columns.byId.values()) paint(c, { scroll });
      this.drawHitNav(sel);
      if (scroll && sel) {
        if (fromLink) this.revealFinding({ focus: false });
        else this.revealMarks();
      }
      if (updateHash) {
        const base = `#/analyses/${encodeURIComponent(this.self.aid)}/stories/${encodeURIComponent(this.story.id)}`;
        const hash = sel && SELECTABLE.includes(sel.type) ? `${base}?${sel.type}=${encodeURIComponent(sel.id)}` : base;
        if (location.hash !== hash) history.replaceState(null, "", hash);
      }
      if (sel) {
        announce(`Selected ${this.describe(sel)}: ${plural(total, sel.type === "quote" ? "passage" : "sentence")} highlighted in ${plural(articlesHit, "report")}. Escape clears.`);
      } else {
        announce("Selection cleared.");
      }
    }

    /** Press the buttons that show `sel`; mark the contested claims of a selected conflict as related. */
    markButtons(sel) {
      for (const item of this.pressables) {
        const on = !!sel && item.matches(sel);
        item.button.setAttribute("aria-pressed", String(on));
        if (item.card) item.card.classList.toggle("selected", on);
        // a selected possible difference is shown, its folded list opened
        if (on && item.inFindings) unfold(item.button);
      }
      const related = new Set();
      if (sel && sel.type === "conflict") {
        const x = this.allConflicts.find((c) => c.id === sel.id);
        for (const cid of (x && x.claims) || []) related.add(cid);
      }
      for (const [id, btn] of this.claimButtons) btn.classList.toggle("related", related.has(id));
    }

    /** Where the highlights are: one button per report that has some. */
    drawHitNav(sel) {
      // in the columns' order, which puts the reports with highlights first
      const shown = [...this.columns.box.children].map((col) => [col.dataset.article, this.columns.byId.get(col.dataset.article)]);
      const hit = shown.filter(([, c]) => c.want.length);
      fill(
        this.hitNav,
        sel && hit.length ? "Highlighted in: " : null,
        sel && !hit.length ? "No sentence to highlight." : null,
        hit.map(([id, c]) =>
          h("button", {
            type: "button",
            class: "chip",
            text: `${this.name(id)} (${c.want.length})`,
            on: { click: () => this.flashColumn(id) },
          }),
        ),
      );
    }

    /**
     * The reports with highlights first, then the others: three columns fit beside the
     * findings on a laptop, and a highlight in a fifth column would be out of sight. A
     * conflict's sides take turns, so each side is in view. Without a selection the order of
     * publication comes back.
     */
    orderColumns() {
      const all = [...this.columns.byId.values()];
      // reports of different kinds of highlight (a conflict's sides) take turns at the front
      const groups = new Map();
      for (const c of all.filter((x) => x.want.length)) {
        const kind = c.want[0].cls;
        if (!groups.has(kind)) groups.set(kind, []);
        groups.get(kind).push(c);
      }
      const order = [];
      const most = Math.max(0, ...[...groups.values()].map((g) => g.length));
      for (let i = 0; i < most; i += 1) for (const g of groups.values()) if (g[i]) order.push(g[i]);
      order.push(...all.filter((c) => !c.want.length));
      const box = this.columns.box;
      if (order.some((c, i) => box.children[i] !== c.col)) box.append(...order.map((c) => c.col));
      if (box.scrollLeft) box.scrollTo({ left: 0 });
    }

    /** The bar a phone shows while something is selected: to the highlights and back. */
    makeJumpBar() {
      const bar = h(
        "nav",
        { class: "jump-bar", "aria-label": "Selection" },
        h("button", { type: "button", class: "btn", text: "\u2191 Back to the finding", on: { click: () => this.revealFinding({ focus: true }) } }),
        h("button", { type: "button", class: "btn", text: "\u2193 Show the highlights", on: { click: () => this.revealMarks({ focus: true }) } }),
      );
      bar.hidden = true;
      return bar;
    }

    /**
     * Scroll the page to the selection's first highlight when it is out of the window: on a
     * phone the reports are stacked under the findings, and the grid sits above them on any
     * screen. A column still loading is waited for: {@link afterFill} comes back.
     */
    revealMarks({ focus = false } = {}) {
      this.pendingReveal = false;
      const c = [...this.columns.byId.values()].find((x) => x.want.length);
      if (!c) return;
      if (c.text === null) {
        this.pendingReveal = true;
        return;
      }
      const target = c.body.querySelector("mark") || c.col;
      const r = target.getBoundingClientRect();
      if (focus || r.top < 0 || r.bottom > window.innerHeight) target.scrollIntoView({ block: "center" });
      if (focus) c.body.focus({ preventScroll: true });
    }

    /** Scroll the page to the selected finding's button in the lists (opened if folded). */
    revealFinding({ focus = false } = {}) {
      const item = this.pressables.find((x) => x.inFindings && this.selected && x.matches(this.selected));
      if (!item) return;
      unfold(item.button);
      (item.card || item.button).scrollIntoView({ block: "center" });
      if (focus) item.button.focus({ preventScroll: true });
    }

    /** A column's text has arrived: a pending scroll to the first highlight can be done. */
    afterFill() {
      if (this.pendingReveal) this.revealMarks();
    }

    describe(sel) {
      const n = Number(sel.id) + 1;
      if (sel.type === "event") return `timeline event ${n}`;
      if (sel.type === "position") return `position ${n}`;
      if (sel.type === "quote") return `quote ${n}`;
      if (sel.type === "brief") return `the sources of brief line ${n} in ${this.name(sel.article)}`;
      return `${sel.type} ${sel.id}`;
    }

    flashColumn(id) {
      const c = this.columns.byId.get(id);
      if (!c) return;
      c.col.scrollIntoView({ behavior: "smooth", block: "nearest", inline: "nearest" });
      scrollColumnIntoView(this.columns.box, c.col);
      c.col.classList.remove("flash");
      void c.col.offsetWidth; // restart the animation
      c.col.classList.add("flash");
      window.setTimeout(() => c.col.classList.remove("flash"), 1600);
      announce(`Showing the report of ${this.name(id)}.`);
    }

    /** A chip naming a report; it brings the report's column into view. */
    cite(id) {
      return h("button", {
        type: "button",
        class: "chip",
        text: this.name(id),
        title: `Show the report of ${this.name(id)}`,
        on: { click: () => this.flashColumn(id) },
      });
    }

    /** A brief line's source: shows the report and marks the line's sentence there when it is found exactly. */
    briefCite(line, id) {
      return h("button", {
        type: "button",
        class: "chip",
        text: this.name(id),
        title: `Show the report of ${this.name(id)}`,
        on: {
          click: () => {
            this.flashColumn(id);
            const sel = { type: "brief", id: String(line), article: id };
            if (rangesFor(sel, this)) this.select(sel);
          },
        },
      });
    }
  }

  /**
   * What `sel` highlights: article id -> [{sentence, start, end, cls, label, match}], or null
   * for nothing. Evidence offsets (contract 1.4) place the words, else `match` says how they
   * are searched for.
   */
  function rangesFor(sel, page) {
    const story = page.story;
    const out = new Map();
    const add = (ev, cls, label, match) => {
      if (!out.has(ev.article)) out.set(ev.article, []);
      out.get(ev.article).push({ sentence: ev.sentence, start: ev.start, end: ev.end, cls, label, match: match || "exact" });
    };
    if (sel.type === "claim") {
      const claim = (story.claims || []).find((c) => c.id === sel.id);
      if (!claim) return null;
      for (const ev of claim.evidence || []) add(ev, `hl hl-${claim.status}`, STATUS[claim.status] ? STATUS[claim.status].icon : "");
    } else if (sel.type === "conflict") {
      const conflict = page.allConflicts.find((x) => x.id === sel.id);
      if (!conflict) return null;
      conflict.sides.forEach((side, i) => {
        for (const ev of side.evidence || []) add(ev, `hl hl-side hl-side-${i % 4}`, SIDE_LETTERS[i] || String(i + 1));
      });
    } else if (sel.type === "event" || sel.type === "position") {
      const item = byIndex(sel.type === "event" ? story.timeline || [] : story.positions || [], sel.id);
      if (!item) return null;
      for (const ev of item.evidence || []) add(ev, `hl hl-evidence`, sel.type);
    } else if (sel.type === "quote") {
      if (!byIndex(story.quotes || [], sel.id)) return null;
      for (const i of page.quoteGroupOf.get(Number(sel.id)) || [Number(sel.id)]) {
        const q = story.quotes[i];
        add({ article: q.article, sentence: q.text }, "hl hl-quote", "quote", "quote");
      }
    } else if (sel.type === "brief") {
      // only sentences found exactly: a wrong highlight is worse than none
      const line = byIndex(story.brief || [], sel.id);
      if (!line || !sel.article) return null;
      const sentences = briefSentences(line.text, sel.article, page);
      if (!sentences.length) return null;
      for (const s of sentences) add({ ...s, article: sel.article }, "hl hl-brief", "brief", s.match);
    } else {
      return null;
    }
    return out;
  }

  /** Evidence in `article` of anything in this story, once per place: the brief's exact matches come from these. */
  function knownEvidence(article, page) {
    const story = page.story;
    const out = new Map();
    const take = (evidence) => {
      for (const ev of evidence || []) if (ev.article === article && ev.sentence) out.set(`${ev.start}:${ev.sentence}`, ev);
    };
    for (const c of story.claims || []) take(c.evidence);
    for (const x of page.allConflicts) for (const side of x.sides || []) take(side.evidence);
    for (const t of story.timeline || []) take(t.evidence);
    for (const p of story.positions || []) take(p.evidence);
    return [...out.values()];
  }

  /**
   * The sentences of `article` a brief line rests on. A line is a report's sentence (perhaps
   * after "According to X only, "), or a conflict's line ("Reports differ on <topic>: ..."):
   * the findings behind it are the claims with a sentence the line holds (or that holds the
   * line) and the conflicts whose topic and values it names; their evidence in `article` is
   * marked, each sentence at its offsets. Failing those, a sentence of the article that
   * holds the line, or the line where the text has it verbatim.
   */
  function briefSentences(text, article, page) {
    const needle = String(text || "").trim();
    if (!needle) return [];
    const line = needle.toLowerCase();
    const holds = (sentence) => {
      const s = String(sentence || "").trim().toLowerCase();
      return !!s && (line.includes(s) || s.includes(line));
    };
    const evidence = [];
    for (const c of page.story.claims || []) {
      if ((c.evidence || []).some((ev) => holds(ev.sentence))) evidence.push(...c.evidence);
    }
    for (const x of page.allConflicts) {
      // a conflict's line names its topic and every side's value
      const told = [x.topic, ...(x.sides || []).map((side) => side.value)].every((v) => v && line.includes(String(v).toLowerCase()));
      if (told) for (const side of x.sides) evidence.push(...(side.evidence || []));
    }
    const mine = evidence.filter((ev) => ev.article === article && ev.sentence);
    const found = mine.length ? mine : knownEvidence(article, page).filter((ev) => ev.sentence.toLowerCase().includes(line));
    if (found.length) return found.map((ev) => ({ sentence: ev.sentence, start: ev.start, end: ev.end, match: "exact" }));
    const c = page.columns.byId.get(article);
    const re = new RegExp(escapeRe(needle), "iu");
    if (c && c.text !== null && re.test(c.text)) return [{ sentence: needle, match: "nocase" }];
    return [];
  }

  // ---- the first screen: who reported what, which reports to trust, who was first

  const GRID_ROWS = 10; // facts the grid shows before "N more facts"
  const GRID_SYMBOL = { yes: "\u2713", no: "\u2260" };

  /** The story's reports in order of publication (undated last, then as the story lists them). */
  function byPublication(story, articles) {
    const at = (id) => {
      const t = Date.parse((articles.get(id) || {}).published || "");
      return Number.isNaN(t) ? Infinity : t;
    };
    return story.articles.map((id, i) => [at(id), i, id]).sort((x, y) => x[0] - y[0] || x[1] - y[1]).map((x) => x[2]);
  }

  /**
   * The grid's rows: each conflict (its largest side is the fact stated, the other sides
   * contradict it), then the corroborated claims, the most independent sources first, and
   * any contested claim no conflict shows. Each row: {sel, label, tag, cells: article id ->
   * {kind: "yes"|"no", value}}.
   */
  function gridRows(story) {
    const rows = [];
    const inConflict = new Set();
    for (const x of story.conflicts || []) {
      const sides = x.sides.map((side) => new Set((side.evidence || []).map((ev) => ev.article)));
      const main = sides.reduce((best, side, i) => (side.size > sides[best].size ? i : best), 0);
      const cells = new Map();
      x.sides.forEach((side, i) => {
        for (const id of sides[i]) cells.set(id, { kind: i === main ? "yes" : "no", value: side.value });
      });
      for (const cid of x.claims || []) inConflict.add(cid);
      rows.push({ sel: { type: "conflict", id: x.id }, label: `${x.topic}: ${x.sides[main].value}`, tag: "disputed", cells });
    }
    const claims = (story.claims || []).filter((c) => c.status === "corroborated" || (c.status === "contested" && !inConflict.has(c.id)));
    claims.sort((a, b) => (b.independent_sources || 0) - (a.independent_sources || 0));
    for (const c of claims) {
      const cells = new Map((c.evidence || []).map((ev) => [ev.article, { kind: "yes" }]));
      rows.push({ sel: { type: "claim", id: c.id }, label: c.text, tag: STATUS[c.status].short, cells });
    }
    return rows;
  }

  /** The outlets x facts grid: states it (✓), contradicts it (≠) or silent, per report. */
  function gridSection(story, articles, page) {
    const rows = gridRows(story);
    if (!rows.length) return null;
    const order = byPublication(story, articles);
    const scores = new Map((story.sources || []).map((src) => [src.article, src.score]));
    const head = h(
      "tr",
      null,
      h("th", { scope: "col", class: "grid-fact" }, "Fact"),
      order.map((id) => {
        const a = articles.get(id) || {};
        return h(
          "th",
          { scope: "col", class: "grid-report" },
          h("span", { class: "grid-outlet" }, page.name(id)),
          a.copy_of ? h("span", { class: "tag tag-copy" }, "copy") : null,
          h("span", { class: "grid-date" }, a.published ? day(a.published) : "undated"),
          scores.has(id) ? h("span", { class: "grid-score" }, `${points(scores.get(id))}/100`) : null,
        );
      }),
    );
    const body = h("tbody", null, rows.map((row, i) => gridRow(row, order, page, i >= GRID_ROWS)));
    const more = rows.length - GRID_ROWS;
    const moreButton = more > 0 ? h("button", { type: "button", class: "btn btn-quiet grid-more", "aria-expanded": "false" }, `Show ${plural(more, "more fact")}`) : null;
    if (moreButton) {
      moreButton.addEventListener("click", () => {
        const open = moreButton.getAttribute("aria-expanded") !== "true";
        for (const tr of [...body.children].slice(GRID_ROWS)) tr.hidden = !open;
        moreButton.setAttribute("aria-expanded", String(open));
        moreButton.textContent = open ? "Show the first facts only" : `Show ${plural(more, "more fact")}`;
      });
    }
    return h(
      "section",
      { class: "grid", "aria-labelledby": "grid-h" },
      h("h2", { id: "grid-h" }, "Who reported what"),
      h(
        "p",
        { class: "hint grid-legend" },
        h("span", { class: "cell-yes" }, GRID_SYMBOL.yes), " states it \u00b7 ",
        h("span", { class: "cell-no" }, GRID_SYMBOL.no), " contradicts it \u00b7 blank: does not say \u00b7 reports in order of publication, with their source scores. Select a fact to see its sentences.",
      ),
      h("div", { class: "table-wrap grid-wrap", tabindex: "0", role: "region", "aria-labelledby": "grid-h" }, h("table", { class: "grid-table" }, h("thead", null, head), body)),
      more > 0 ? h("p", { class: "grid-count muted" }, `${plural(GRID_ROWS, "fact")} of ${rows.length} shown, disputed ones first. `, moreButton) : null,
    );
  }

  function gridRow(row, order, page, folded) {
    const button = h("button", { type: "button", class: "grid-select" }, h("span", { class: "grid-label" }, row.label), " ", h("span", { class: "tag" }, row.tag));
    const tr = h(
      "tr",
      { class: "grid-row" },
      h("th", { scope: "row" }, button),
      order.map((id) => {
        const cell = row.cells.get(id);
        if (!cell) return h("td", { class: "cell cell-silent" }, h("span", { class: "visually-hidden" }, "does not say"));
        const said = cell.kind === "yes" ? "states it" : "contradicts it";
        return h(
          "td",
          { class: `cell cell-${cell.kind}`, title: cell.value ? `${said}: ${cell.value}` : said },
          h("span", { "aria-hidden": "true" }, GRID_SYMBOL[cell.kind]),
          h("span", { class: "visually-hidden" }, cell.value ? `${said}: ${cell.value}` : said),
        );
      }),
    );
    tr.hidden = folded;
    page.selectable(button, row.sel, tr, undefined, { inFindings: false });
    return tr;
  }

  /** A source score (0..1 in the contract) on its stated 0-100 scale. */
  function points(score) {
    return Math.round(Math.max(0, Math.min(1, Number(score) || 0)) * 100);
  }

  // ---- the sections beside the reports

  function briefSection(story, page) {
    if (!story.brief || !story.brief.length) return null;
    return h(
      "section",
      { class: "brief", "aria-labelledby": "brief-h" },
      h("h2", { id: "brief-h" }, "Brief"),
      h(
        "ol",
        { class: "brief-list" },
        story.brief.map((b, i) => h("li", null, h("span", null, b.text), " ", h("span", { class: "cites", "aria-label": "Sources" }, (b.cites || []).map((id) => page.briefCite(i, id))))),
      ),
    );
  }

  /** "3 new facts · differs from earlier reports on <topic>". */
  function changeNote(change) {
    if (!change || (!change.first && !change.differs.length)) return null;
    return h(
      "p",
      { class: "headline-change small" },
      change.first ? plural(change.first, "new fact") : null,
      change.first && change.differs.length ? " \u00b7 " : null,
      change.differs.length ? h("span", { class: "change-differs" }, `differs from earlier reports on ${change.differs.join("; ")}`) : null,
    );
  }

  /**
   * What each dated report brought as the story went on: the facts (claims) no earlier report
   * told, and the conflicts where it takes another side than an earlier report. Reports of
   * one day are not ordered; undated reports are left out. Article id -> {first, differs}.
   */
  function changesByReport(story, articles) {
    const date = (id) => (articles.get(id) || {}).published || null;
    const out = new Map(story.articles.map((id) => [id, { first: 0, differs: [] }]));
    for (const c of story.claims || []) {
      const dated = [...new Set((c.evidence || []).map((ev) => ev.article))].filter(date);
      const earliest = dated.map(date).sort()[0];
      for (const id of dated) if (date(id) === earliest && out.has(id)) out.get(id).first += 1;
    }
    for (const x of story.conflicts || []) {
      const sideOf = new Map();
      x.sides.forEach((side, i) => (side.evidence || []).forEach((ev) => sideOf.set(ev.article, i)));
      for (const [id, i] of sideOf) {
        const earlier = [...sideOf].some(([other, j]) => j !== i && date(other) && date(id) && date(other) < date(id));
        if (earlier && out.has(id)) out.get(id).differs.push(x.topic);
      }
    }
    return out;
  }

  /** The reports in order of publication, first first, each with its headline and what it brought. */
  function headlinesSection(story, articles, page) {
    const name = page.name;
    const order = byPublication(story, articles);
    const dated = order.filter((id) => (articles.get(id) || {}).published);
    const firstDay = dated.length ? articles.get(dated[0]).published : null;
    const firsts = dated.filter((id) => articles.get(id).published === firstDay);
    const changes = changesByReport(story, articles);
    return h(
      "section",
      { class: "headlines", "aria-labelledby": "headlines-h" },
      h("h2", { id: "headlines-h" }, "In order of publication"),
      h(
        "p",
        { class: "hint" },
        firsts.length ? `First reported by ${firsts.map(name).join(", ")} (${day(firstDay)}). ` : "No report gives its date. ",
        dated.length < order.length ? `${plural(order.length - dated.length, "report")} undated, listed last.` : null,
      ),
      h(
        "ol",
        { class: "headline-grid" },
        order.map((id) => {
          const a = articles.get(id) || { id };
          return h(
            "li",
            { class: "headline-card" },
            h(
              "p",
              { class: "headline-when" },
              a.published ? h("time", { datetime: a.published }, day(a.published)) : "undated",
              firsts.includes(id) ? h("span", { class: "tag tag-first" }, "first") : null,
              a.copy_of ? h("span", { class: "tag tag-copy" }, `copy of ${name(a.copy_of)}`) : null,
            ),
            h("button", { type: "button", class: "outlet-link", text: name(id), title: `Show the report of ${name(id)}`, on: { click: () => page.flashColumn(id) } }),
            h("p", { class: "headline-text" }, a.title || h("span", { class: "muted" }, "(no headline)")),
            // a copy brings nothing of its own
            a.published && !a.copy_of ? changeNote(changes.get(id)) : null,
          );
        }),
      ),
    );
  }

  /** The conflicts, and the possible differences the judges set apart (folded). */
  function conflictsSection(story, page) {
    const conflicts = story.conflicts || [];
    const possible = story.possible_differences || [];
    return h(
      "section",
      { class: "conflicts", "aria-labelledby": "conflicts-h" },
      h("h2", { id: "conflicts-h" }, `Conflicts (${conflicts.length})`),
      conflicts.length
        ? conflicts.map((x) => conflictCard(x, page))
        : h("p", { class: "muted" }, "The reports do not contradict each other on any fact checked."),
      possible.length
        ? h(
            "details",
            { class: "possible-differences" },
            h("summary", null, `Possible differences (${possible.length}): set apart by the judges, not counted as conflicts`),
            possible.map((x) => conflictCard(x, page)),
          )
        : null,
    );
  }

  function conflictCard(x, page) {
    const button = h(
      "button",
      { type: "button", class: "conflict-select" },
      h("span", { class: "conflict-topic" }, x.topic),
      h("span", { class: "tag" }, x.kind),
      typeof x.confidence === "number" && !x.doubt ? h("span", { class: "tag muted", title: "how sure the judges are that the sides disagree about one event" }, `confidence ${Math.round(100 * x.confidence)}%`) : null,
    );
    const card = h(
      "article",
      { class: x.doubt ? "conflict possible" : "conflict", id: `conflict-${x.id}`, "data-id": x.id },
      h("h3", { class: "conflict-head" }, button),
      x.note ? h("p", { class: "conflict-note" }, x.note) : null,
      x.doubt ? h("p", { class: "conflict-doubt" }, `Set apart: ${x.doubt}`) : null,
      h(
        "div",
        { class: "sides" },
        x.sides.map((side, i) =>
          h(
            "div",
            { class: `side side-${i % 4}` },
            h("p", { class: "side-value" }, h("span", { class: "side-letter", "aria-label": `Side ${SIDE_LETTERS[i]}:` }, SIDE_LETTERS[i] || String(i + 1)), " ", side.value),
            h(
              "ul",
              { class: "evidence" },
              (side.evidence || []).map((ev) => h("li", null, h("span", { class: "ev-outlet" }, page.name(ev.article)), " ", h("q", null, ev.sentence))),
            ),
          ),
        ),
      ),
    );
    // the whole card is a pointer target; the heading button is the keyboard one
    page.selectable(button, { type: "conflict", id: x.id }, card);
    return card;
  }

  /** The claims, with status filters and a text search. */
  function claimsSection(story, page) {
    const claims = story.claims || [];
    const counts = storyCounts(story);
    // single-source claims are many and the least checked: shown on demand
    const filters = { corroborated: true, contested: true, single_source: false };
    const shown = h("p", { class: "claims-shown", "aria-live": "polite" });
    const search = h("input", { type: "search", id: "claim-search", placeholder: "Search claims", autocomplete: "off" });
    const filterButtons = STATUSES.map((st) =>
      h(
        "button",
        { type: "button", class: `filter filter-${st}`, "aria-pressed": String(filters[st]), "data-status": st },
        h("span", { class: "icon", "aria-hidden": "true" }, STATUS[st].icon),
        ` ${STATUS[st].label} `,
        h("span", { class: "filter-count" }, `(${counts[st]})`),
      ),
    );
    filterButtons.forEach((b) =>
      b.addEventListener("click", () => {
        const st = b.dataset.status;
        filters[st] = !filters[st];
        b.setAttribute("aria-pressed", String(filters[st]));
        applyFilters();
      }),
    );
    const claimList = h("ul", { class: "claim-list" }, claims.map((c) => claimItem(c, page)));
    claimList.addEventListener("reveal", (e) => {
      const li = e.target.closest("li");
      if (!li || !li.hidden) return;
      search.value = "";
      filters[li.dataset.status] = true;
      filterButtons.forEach((b) => b.setAttribute("aria-pressed", String(filters[b.dataset.status])));
      applyFilters();
    });
    function applyFilters() {
      const q = search.value.trim().toLowerCase();
      let n = 0;
      for (const li of claimList.children) {
        const ok = filters[li.dataset.status] !== false && (!q || li.dataset.text.includes(q));
        li.hidden = !ok;
        if (ok) n += 1;
      }
      shown.textContent = `Showing ${n} of ${plural(claims.length, "claim")}`;
    }
    search.addEventListener("input", applyFilters);
    search.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && search.value) {
        search.value = "";
        applyFilters();
        e.preventDefault();
      }
    });
    applyFilters();
    return h(
      "section",
      { class: "claims", "aria-labelledby": "claims-h" },
      h("h2", { id: "claims-h" }, `Claims (${claims.length})`),
      h(
        "div",
        { class: "claim-tools" },
        h("div", { class: "filters", role: "group", "aria-label": "Show claims by status" }, filterButtons),
        h("label", { for: "claim-search", class: "visually-hidden" }, "Search claims"),
        search,
      ),
      counts.single_source
        ? h("p", { class: "hint cap-note" }, `${plural(counts.single_source, "single-source claim")}, hidden until you press \u201cSingle source\u201d: the analysis keeps only the most salient ones, so others may exist that are not listed.`)
        : null,
      shown,
      claims.length ? claimList : h("p", { class: "muted" }, "No claims were extracted for this story."),
    );
  }

  function claimItem(c, page) {
    const st = STATUS[c.status] || { label: c.status, icon: "?" };
    const outlets = [...new Set((c.evidence || []).map((ev) => page.name(ev.article)))];
    const btn = h(
      "button",
      { type: "button", class: `claim claim-${c.status}`, "data-id": c.id },
      h("span", { class: `status status-${c.status}` }, h("span", { class: "icon", "aria-hidden": "true" }, st.icon), ` ${st.label}`),
      " ",
      h("span", { class: "claim-text" }, c.text),
      " ",
      h("span", { class: "claim-meta" }, `${plural(c.independent_sources || 0, "independent source")}: ${outlets.join(", ")}`),
      c.basis && c.basis !== "independent" ? h("span", { class: "tag basis", title: c.basis === "shared wording" ? "the same sentence word for word in these reports: counted as one source" : "these reports print the same quotation" }, c.basis) : null,
    );
    page.selectable(btn, { type: "claim", id: c.id });
    page.claimButtons.set(c.id, btn);
    return h("li", { "data-status": c.status, "data-text": `${c.text}`.toLowerCase() }, btn);
  }

  const TOP_REASONS = 3; // the grounds a card shows first; the rest fold under them

  /** A card's reasons as {points, text}: "+18: 9 facts ..." has points 18; unsigned ones null. */
  function signedReasons(reasons) {
    return (reasons || []).map((r) => {
      const m = /^([+-]\d+(?:\.\d+)?):\s*(.*)$/su.exec(String(r));
      return m ? { points: Number(m[1]), text: m[2], line: String(r) } : { points: null, text: String(r), line: String(r) };
    });
  }

  /**
   * The source cards, surest first: the score on its 0-100 scale, the grounds that moved it
   * most, and every ground that lowered it (a contradicted or out-of-date fact is named there).
   */
  function sourcesSection(story, page) {
    const sources = [...(story.sources || [])].sort((x, y) => y.score - x.score);
    return h(
      "section",
      { class: "sources", "aria-labelledby": "sources-h" },
      h("h2", { id: "sources-h" }, "Which reports to trust"),
      h("p", { class: "hint" }, "Score out of 100: a report starts at 50 (nothing for or against it); corroborated facts, named sources and checkable specifics raise it, contradicted or out-of-date facts and anonymous sources lower it. The grounds that moved it most come first."),
      sources.length ? h("ul", { class: "source-grid" }, sources.map((src) => sourceCard(src, page))) : h("p", { class: "muted" }, "No source cards."),
    );
  }

  function sourceCard(src, page) {
    const score = points(src.score);
    const scoreFill = h("span", { class: "bar-fill" });
    scoreFill.style.width = `${score}%`;
    const reasons = signedReasons(src.reasons);
    const moved = reasons.filter((r) => r.points !== null).sort((x, y) => Math.abs(y.points) - Math.abs(x.points));
    // the largest grounds, and every fault even when smaller: a reader must see what is wrong
    const first = moved.filter((r, i) => i < TOP_REASONS || r.points < 0);
    const rest = reasons.filter((r) => !first.includes(r));
    const reasonItem = (r) =>
      h(
        "li",
        { class: r.points === null ? "reason" : r.points < 0 ? "reason reason-down" : "reason reason-up" },
        r.points === null ? null : h("span", { class: "reason-points" }, `${r.points > 0 ? "+" : "\u2212"}${Math.abs(r.points)}`),
        r.points === null ? null : " ",
        r.text,
      );
    return h(
      "li",
      { class: "source-card", "data-article": src.article },
      h("h3", null, h("button", { type: "button", class: "outlet-link", text: page.name(src.article), on: { click: () => page.flashColumn(src.article) } })),
      h(
        "div",
        { class: "score" },
        h("span", { class: "score-num" }, h("strong", null, String(score)), "/100"),
        h("span", { class: "bar", "aria-hidden": "true" }, scoreFill),
      ),
      first.length ? h("ul", { class: "reasons", "aria-label": "What moved the score most" }, first.map(reasonItem)) : h("p", { class: "muted small" }, "Nothing moved the score."),
      rest.length ? h("details", { class: "more-reasons" }, h("summary", null, `${plural(rest.length, "more ground")}`), h("ul", { class: "reasons" }, rest.map(reasonItem))) : null,
      h("p", { class: "small" }, STATUSES.map((st) => statusCount(st, src[st] || 0))),
      src.flags && src.flags.length ? h("p", { class: "flags" }, src.flags.map((f) => h("span", { class: "tag tag-flag" }, f))) : null,
    );
  }

  /** A chip per report the evidence comes from. */
  function evidenceCites(evidence, page) {
    return [...new Set((evidence || []).map((ev) => ev.article))].map((id) => page.cite(id));
  }

  function timelineSection(story, page) {
    const timeline = story.timeline || [];
    return foldSection(
      "timeline",
      "timeline",
      `Timeline (${plural(timeline.length, "dated event")})`,
      false,
      timeline.length
        ? h(
            "ol",
            { class: "timeline-list" },
            timeline.map((t, i) => {
              const button = h(
                "button",
                { type: "button", class: "event-select", "data-index": i },
                h("span", { class: "when mono" }, t.when),
                h("span", { class: "what" }, t.what),
              );
              const li = h("li", { class: "event" }, button, h("span", { class: "cites", "aria-label": "Sources" }, evidenceCites(t.evidence, page)));
              page.selectable(button, { type: "event", id: String(i) }, li);
              return li;
            }),
          )
        : h("p", { class: "muted" }, "No dated events."),
    );
  }

  function positionsSection(story, page) {
    const positions = story.positions || [];
    return foldSection(
      "positions",
      "positions",
      `Positions (${positions.length})`,
      false,
      positions.length
        ? h(
            "div",
            { class: "table-wrap" },
            h(
              "table",
              null,
              h("thead", null, h("tr", null, ["Actor", "Issue", "Stance", "Reported by"].map((t) => h("th", { scope: "col" }, t)))),
              h(
                "tbody",
                null,
                positions.map((p, i) => {
                  // the row is the pointer target; the actor's button is the keyboard one
                  const button = h("button", { type: "button", class: "position-select", "data-index": i, title: "Show the sentences in the reports" }, p.actor);
                  const row = h("tr", { class: "position" }, h("td", null, button), h("td", null, p.issue), h("td", null, h("strong", null, p.stance)), h("td", null, evidenceCites(p.evidence, page)));
                  page.selectable(button, { type: "position", id: String(i) }, row);
                  return row;
                }),
              ),
            ),
          )
        : h("p", { class: "muted" }, "No positions found."),
    );
  }

  /** The quotes grouped by who is quoted; the same words in several reports are listed once. */
  function quotesSection(story, page) {
    const quotes = story.quotes || [];
    const speakers = new Map();
    quotes.forEach((q, i) => {
      const key = JSON.stringify([(q.speaker || "").toLowerCase(), (q.role || "").toLowerCase(), !!q.anonymous]);
      if (!speakers.has(key)) speakers.set(key, { q, texts: new Map() });
      const texts = speakers.get(key).texts;
      if (!texts.has(q.text)) texts.set(q.text, { ids: [], indexes: [] });
      const group = texts.get(q.text);
      if (!group.ids.includes(q.article)) group.ids.push(q.article);
      group.indexes.push(i);
      page.quoteGroupOf.set(i, group.indexes);
    });
    return foldSection(
      "quotes",
      "quotes",
      `Quotes (${quotes.length}, from ${plural(speakers.size, "speaker")})`,
      false,
      quotes.length
        ? h("ul", { class: "speaker-list" }, [...speakers.values()].map(({ q, texts }) => speakerGroup(q, texts, page)))
        : h("p", { class: "muted" }, "No quotes."),
    );
  }

  function speakerGroup(q, texts, page) {
    return h(
      "li",
      { class: q.anonymous ? "speaker-group anonymous" : "speaker-group" },
      h(
        "h3",
        { class: "quote-by" },
        h("span", { class: "speaker" }, q.speaker || "unnamed"),
        q.role ? h("span", { class: "role" }, `, ${q.role}`) : null,
        q.anonymous ? h("span", { class: "tag tag-anon" }, "anonymous source") : null,
      ),
      h(
        "ul",
        { class: "quote-list" },
        [...texts.entries()].map(([text, { ids, indexes }]) => {
          // the quote marks are inside the button so a wrapped quote keeps them on its lines
          const button = h("button", { type: "button", class: "quote-select", "data-index": indexes[0], title: "Show the words in the reports" }, h("span", { "aria-hidden": "true" }, "\u201c"), h("span", { class: "quote-text" }, text), h("span", { "aria-hidden": "true" }, "\u201d"));
          const li = h("li", { class: "quote" }, h("blockquote", null, h("p", null, button)), h("p", { class: "quote-in" }, "in ", ids.map((id) => page.cite(id))));
          // a link to any quote of the group shows the group
          const inGroup = (x) => x.type === "quote" && indexes.includes(Number(x.id));
          page.selectable(button, { type: "quote", id: String(indexes[0]) }, li, inGroup);
          return li;
        }),
      ),
    );
  }

  // ------------------------------------------------------------------ start

  window.addEventListener("hashchange", route);
  document.addEventListener("DOMContentLoaded", () => {
    document.querySelector(".skip").addEventListener("click", (e) => {
      // the hash is the router's: focus the content without changing it
      e.preventDefault();
      main().focus();
    });
    route();
  });
})();
