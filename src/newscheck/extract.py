"""Per-article extraction: sentences, entities, quotes, claims and embeddings.

:func:`analyze_articles` is the stage a batch worker (a Ray ``map_batches`` call, a server
request) runs: articles in, :class:`~newscheck.model.Analysis` out, no corpus-wide state.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from . import claims as claims_stage
from . import quotes as quotes_stage
from .context import Context
from .model import Analysis, Article, Entity, Sentence

ENTITY_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
)


def sentences_of(article: Article, doc) -> tuple[Sentence, ...]:
    """Sentence spans of a parsed article, stripped, never crossing a paragraph break."""
    text = article.text
    out: list[Sentence] = []
    paragraph = 0
    last_end = 0
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        # strip surrounding whitespace from the span
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        if "\n\n" in text[last_end:start] or "\n" in text[last_end:start]:
            paragraph += 1 if out else 0
        # a parser-made sentence may still hold a single newline: split it there
        piece_start = start
        for piece in text[start:end].split("\n"):
            p_end = piece_start + len(piece)
            s, e = piece_start, p_end
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e:
                if out and "\n" in text[out[-1].end : s]:
                    paragraph = out[-1].paragraph + 1
                elif out:
                    paragraph = out[-1].paragraph
                out.append(
                    Sentence(
                        article=article.id,
                        index=len(out),
                        start=s,
                        end=e,
                        text=text[s:e],
                        paragraph=paragraph,
                        is_title=s < article.body_start,
                    )
                )
            piece_start = p_end + 1
        last_end = end
    return tuple(out)


def entities_of(doc) -> tuple[Entity, ...]:
    return tuple(
        Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char)
        for e in doc.ents
        if e.label_ in ENTITY_LABELS
    )


def analyze_articles(articles: Sequence[Article], ctx: Context) -> list[Analysis]:
    """Run the per-article stages over a batch of articles (order kept)."""
    nlp = ctx.nlp
    parsed: list[tuple[Article, object, tuple[Sentence, ...]]] = []
    total = len(articles)
    for i, (article, doc) in enumerate(
        zip(articles, nlp.pipe((a.text for a in articles), batch_size=16))
    ):
        parsed.append((article, doc, sentences_of(article, doc)))
        ctx.report("parse", i + 1, total)

    all_sentences = [s.text for _, _, sents in parsed for s in sents]
    vectors = ctx.embedder.embed(all_sentences) if all_sentences else np.zeros((0, 1))
    lead = ctx.settings.stories.lead_sentences

    out: list[Analysis] = []
    row = 0
    for article, doc, sents in parsed:
        svec = vectors[row : row + len(sents)]
        row += len(sents)
        quotes = tuple(quotes_stage.extract_quotes(article, doc, sents))
        claims = tuple(claims_stage.extract_claims(article, doc, sents, quotes))
        if len(sents):
            head = svec[: max(1, lead)].mean(axis=0)
            norm = float(np.linalg.norm(head)) or 1.0
            vector = (head / norm).astype(np.float32)
        else:
            vector = None
        out.append(
            Analysis(
                article=article,
                sentences=sents,
                entities=entities_of(doc),
                quotes=quotes,
                claims=claims,
                vector=vector,
                sentence_vectors=svec,
            )
        )
    return out
