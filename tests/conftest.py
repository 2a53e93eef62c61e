"""Shared fixtures. Models load once per test session (they are marked slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session", autouse=True)
def _private_store(tmp_path_factory):
    """Analyses the tests run (the CLI stores them by default) go to a store of the session,
    never to the user's own."""
    import os

    path = tmp_path_factory.mktemp("store") / "newscheck.db"
    old = os.environ.get("NEWSCHECK_DB")
    os.environ["NEWSCHECK_DB"] = str(path)
    yield path
    if old is None:
        os.environ.pop("NEWSCHECK_DB", None)
    else:
        os.environ["NEWSCHECK_DB"] = old


@pytest.fixture(scope="session")
def nlp():
    from newscheck.extract.nlp import load_spacy
    from newscheck.settings import Settings

    return load_spacy(Settings().models.spacy)


@pytest.fixture(scope="session")
def ctx(nlp):
    """A context with the real models (spaCy shared with the ``nlp`` fixture)."""
    from newscheck.context import Context

    c = Context()
    c._nlp = nlp
    return c


@pytest.fixture(scope="session")
def data_dir():
    if not DATA.exists():
        pytest.skip(f"{DATA} is absent (evaluation data lives in ../shared/data)")
    return DATA


def make_article(text: str, *, id: str = "a1", title: str | None = None, published=None,
                 outlet: str | None = None):
    """An Article built by hand: the title (if any) becomes the first paragraph."""
    from newscheck.model import Article

    body_start = 0
    if title:
        text = f"{title}\n\n{text}"
        body_start = len(title) + 2
    return Article(id=id, input=f"{id}.txt", text=text, title=title, outlet=outlet,
                   published=published, body_start=body_start, words=len(text.split()))


def parse_article(nlp, article):
    """Parse a hand-built article: (doc, sentences)."""
    from newscheck.extract.stage import sentences_of

    doc = nlp(article.text)
    return doc, sentences_of(article, doc)
