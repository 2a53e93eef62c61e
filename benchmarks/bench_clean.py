"""Ingest and cleaning on real news text: no report sentence lost, injected debris removed.

Data: NewsWCL50 (50 full articles, one sentence per line) and ECB+ (982 web news
articles), both read as JSON Lines through :func:`newscheck.ingest.read.iter_documents`.

Retention: a *report sentence* of the input is a sentence (split at line breaks and at
sentence-final punctuation followed by a capital) of at least 8 words that ends with
sentence punctuation. It is kept when its whitespace-normalised form is a substring of the
cleaned article text. These corpora are already stripped of most page furniture, so every
report sentence lost is a cleaning error.

Debris removal: each article gets page debris injected around and inside it: lines built
from templates of the kinds of furniture described in ``newscheck.ingest.clean`` (navigation,
share tools, bylines, timestamps, captions with credits, related links, comment and
newsletter prompts, author boxes, copyright), with invented site and person names drawn
by a seeded generator. Removal is the share of injected lines absent from the cleaned
text; retention is measured again with the debris present.
"""

from __future__ import annotations

import argparse
import random
import re
import time

from benchmarks.common import main_guard, require, table, write_section
from newscheck.ingest.clean import find_furniture, to_article
from newscheck.ingest.read import iter_documents
from newscheck.model import Document
from newscheck.settings import Settings

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z])|\n+")
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")

SITES = ["Fenwick Tribune", "Orlan Daily", "Marsh Valley Post", "Kestrel News", "Duna Echo"]
SECTIONS = ["News", "Local", "Politics", "Business", "Sport", "Opinion", "Weather", "Video"]
PEOPLE = ["Ada Quell", "Rui Tamsin", "Noor Vell", "Ilse Brandvik", "Owen Pry"]
TOP = [
    lambda r: f"{r.choice(SITES).upper()} {''.join(r.sample(SECTIONS, 5))}",
    lambda r: " | ".join([r.choice(SITES)] + r.sample(SECTIONS, 4)),
    lambda r: r.choice(["Actions", "Posted", "Menu", "Search", "Copy link", "Share it"]),
    lambda r: f"Posted {r.randint(2, 11)} hours ago",
    lambda r: f"Updated {r.randint(1, 12)}:{r.randint(10, 59)} {r.choice(['a.m.', 'p.m.', 'am'])}",
    lambda r: f"By {r.choice(PEOPLE)}",
    lambda r: f"By {r.choice(PEOPLE)}, {r.choice(['Political', 'Crime', 'City'])} Reporter",
    lambda r: r.choice(["By Staff Writer", "News Desk", "By Web Staff"]),
    lambda r: f"Share on {r.choice(['Facebook', 'X', 'WhatsApp', 'LinkedIn'])}",
    lambda r: r.choice(
        ["Tweet", "Email this story", "Print this article", "Listen to this article"]
    ),
    lambda r: (
        f"{r.choice(['March', 'May', 'October'])} {r.randint(1, 28)}, 2026 {r.randint(1, 12)}:{r.randint(10, 59)} pm"
    ),
]
MIDDLE = [
    lambda r: "Advertisement",
    lambda r: (
        f"Officials at the scene on {r.choice(['Monday', 'Friday'])}. (Photo: {r.choice(PEOPLE)}/{r.choice(SITES)})"
    ),
    lambda r: f"Photo: {r.choice(PEOPLE)} / {r.choice(SITES)}",
    lambda r: r.choice(["File photo", "Image credit: Getty Images"]),
    lambda r: (
        f"RELATED: {r.choice(SECTIONS)} briefing for {r.choice(['the week', 'Tuesday', 'the weekend'])}"
    ),
    lambda r: (
        f"Read more: {r.choice(['Ten things', 'Five questions', 'What we know'])} about the {r.choice(SECTIONS).lower()} pages"
    ),
    lambda r: "READ MORE",
    lambda r: "Story continues below advertisement",
    lambda r: "Click here to get the latest headlines sent to your inbox.",
]
BOTTOM = [
    lambda r: (
        f"Related story | {r.choice(['Ten walks', 'The best cafés', 'Five hidden beaches'])} near {r.choice(SITES).split()[0]}"
    ),
    lambda r: r.choice(["Leave a reply", "Leave a comment", "Next story", "Previous article"]),
    lambda r: f"Comments ({r.randint(1, 99)})",
    lambda r: (
        f"About the author: {r.choice(PEOPLE)} writes about {r.choice(SECTIONS).lower()} for the {r.choice(SITES)}."
    ),
    lambda r: f"{r.choice(PEOPLE)} is a reporter for the {r.choice(SITES)}.",
    lambda r: "Sign up for our newsletter",
    lambda r: f"© 2026 {r.choice(SITES)}. All rights reserved.",
    lambda r: f"Copyright 2026 {r.choice(SITES)} Media Group",
    lambda r: "Subscribe",
    lambda r: f"Tags: {', '.join(r.sample(SECTIONS, 3))}",
]


def norm(text: str) -> str:
    return " ".join(text.split())


def report_sentences(text: str, low: int = 8, high: int = 10_000) -> list[str]:
    out = []
    for s in SENTENCE_SPLIT.split(text):
        s = norm(s)
        if low <= len(s.split()) <= high and SENTENCE_END.search(s):
            out.append(s)
    return out


def with_debris(doc: Document, rng: random.Random) -> tuple[Document, list[str]]:
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", doc.text) if p.strip()]
    top = [f(rng) for f in rng.sample(TOP, 4)]
    bottom = [f(rng) for f in rng.sample(BOTTOM, 4)]
    middle = [f(rng) for f in rng.sample(MIDDLE, 2)]
    body = list(paragraphs)
    for line in middle:
        body.insert(rng.randint(1, max(1, len(body) - 1)), line)
    lines = top + body + bottom
    text = "\n".join(top) + "\n\n" + "\n\n".join(body) + "\n\n" + "\n".join(bottom)
    injected = top + middle + bottom
    assert all(line in lines for line in injected)
    return (
        Document(input=doc.input, text=text, format=doc.format, title=doc.title,
                 outlet=doc.outlet, url=doc.url, published=doc.published),
        injected,
    )  # fmt: skip


def measure(name: str, docs: list[Document], settings: Settings, seed: int) -> list[list[object]]:
    rng = random.Random(seed)
    rows = []
    for label, debris in (("as published", False), ("with injected debris", True)):
        total = kept = short_total = short_kept = injected_total = injected_kept = 0
        start = time.perf_counter()
        work = [with_debris(d, rng) if debris else (d, []) for d in docs]
        furniture = find_furniture([d for d, _ in work], settings.clean)
        for n, ((doc, injected), original) in enumerate(zip(work, docs, strict=True)):
            art = to_article(doc, f"a{n}", settings.clean, furniture)
            cleaned = norm(art.text)
            sentences = report_sentences(original.text)
            total += len(sentences)
            kept += sum(1 for s in sentences if s in cleaned)
            short = report_sentences(original.text, 3, 7)
            short_total += len(short)
            short_kept += sum(1 for s in short if s in cleaned)
            injected_total += len(injected)
            # A debris line survives when its words are still in the text as one line.
            injected_kept += sum(1 for line in injected if norm(line) in art.text.split("\n\n"))
        elapsed = time.perf_counter() - start
        rows.append([
            name, label, len(docs), total, kept / max(total, 1), short_total,
            short_kept / max(short_total, 1),
            (1 - injected_kept / injected_total) if injected_total else "-",
            f"{len(docs) / elapsed:.0f}",
        ])  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args([]) if __name__ != "__main__" else parser.parse_args()
    settings = Settings()
    corpora = [
        ("NewsWCL50", require("newswcl50", "newswcl50_documents.jsonl")),
        ("ECB+", require("ecbplus_docs", "ecbplus_documents.jsonl")),
    ]
    rows = []
    skipped_inputs = 0
    for name, path in corpora:
        items = list(iter_documents([str(path)], settings.ingest))
        docs = [d for d in items if isinstance(d, Document)]
        skipped_inputs += len(items) - len(docs)
        rows += measure(name, docs, settings, args.seed)
    body = table(
        [
            "corpus",
            "input",
            "docs",
            "sentences",
            "kept",
            "short sentences",
            "kept",
            "debris removed",
            "docs/s",
        ],
        rows,
    )
    body += (
        f"\n\nInputs skipped by ingest: {skipped_inputs}. *Sentences* have 8+ words and end in "
        "sentence punctuation, *short sentences* 3 to 7 words; *kept* is the share found "
        "verbatim (whitespace normalised) in the cleaned text. *Debris removed* is the share of injected furniture "
        "lines (10 per article, invented names, seed "
        f"{args.seed}) gone from the cleaned text."
    )
    write_section("clean", "Ingest and cleaning", "python -m benchmarks.bench_clean", body)


if __name__ == "__main__":
    main_guard(main)
