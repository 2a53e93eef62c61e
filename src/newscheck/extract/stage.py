"""Per-article extraction: sentences, entities, quotes, claims and embeddings.

Embedding runs in two steps, because MiniLM costs more than the parse and most sentences'
vectors are only read when a report is aligned with others:

1. :func:`analyze_articles` (the stage a batch worker, a Ray ``map_batches`` call or a
   server request, runs: articles in, :class:`~newscheck.model.Analysis` out, no
   corpus-wide state) embeds only each report's lead, the first
   ``stories.lead_sentences`` sentences, whose mean is the story vector ``vector``.
   ``sentence_vectors`` then holds the rows of those lead sentences: row i is sentence i,
   and the rows stop after the lead.
2. :func:`complete_embeddings`, once stories are formed, embeds the remaining sentences of
   the reports that have someone to be aligned with (stories of two or more reports), so
   that ``sentence_vectors`` has one row per sentence. A report alone in its story keeps
   the lead rows: nothing compares its sentences with another report's.
"""

from __future__ import annotations

import dataclasses
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from ..model import Analysis, Article, Claim, Entity, Frame, Quote, Sentence, Skipped, Token
from ..settings import ExtractSettings
from . import claims as claims_stage
from . import frames as frames_stage
from . import quotes as quotes_stage
from .nlp import ENTITY_LABELS, entities

if TYPE_CHECKING:  # the context is handed in by the pipeline; the stage never builds one
    from ..context import Context

# Sentences per embedding call. The embedder sorts a call by length, and the model's cost
# per sentence was within 3 % from 32 to 768 sentences a call; small calls let the
# embedding start while the first articles are still being parsed.
EMBED_CHUNK = 64
# Texts per spaCy batch: spaCy yields nothing until a batch is parsed, and its speed was
# the same at 4 and 16 texts a batch.
PARSE_BATCH = 4
# Longest error message kept in a one-line failure reason.
FAILURE_MESSAGE_CHARS = 240
# Modules that only wire the stages: a failure is located in the stage module below them.
_PACKAGE = Path(__file__).resolve().parent.parent
# The wiring that calls the stages: a failure is placed in the stage module below it.
_WIRING = frozenset({_PACKAGE / "extract" / "stage.py", _PACKAGE / "pipeline.py"})


def stage_failure(stage: str, exc: BaseException) -> str:
    """The one-line reason for a stage that failed: ``"<stage> failed: <Type>: <message>"``.

    When the error was raised inside a stage module (not in the wiring that called it),
    its place follows in brackets, so that a failure in a long run can be traced without
    the traceback: ``"claims failed: KeyError: 'x' (quantities.py:612 _read_numbers)"``.
    """
    message = " ".join(str(exc).split())
    if len(message) > FAILURE_MESSAGE_CHARS:
        message = message[: FAILURE_MESSAGE_CHARS - 1] + "…"
    reason = f"{stage} failed: {type(exc).__name__}: {message}"
    frames = [
        f
        for f in traceback.extract_tb(exc.__traceback__)
        if Path(f.filename).resolve().is_relative_to(_PACKAGE)
        and Path(f.filename).resolve() not in _WIRING
    ]
    if frames:
        f = frames[-1]
        reason += f" ({Path(f.filename).name}:{f.lineno} {f.name})"
    return reason



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
    return _merge_fragments(out, text)


_CONTINUATION = (",", ";", ":", ")", "]", "%")
_TERMINAL = (".", "!", "?", "…")


def _merge_fragments(sentences: list[Sentence], text: str) -> tuple[Sentence, ...]:
    """Join a parser split inside a line ("HALIFAX" | ", March 13 ...") back together.

    Within a paragraph, a sentence belongs to the one before when it opens with continuing
    punctuation or a lowercase letter, or when the one before has no final punctuation.
    """
    merged: list[Sentence] = []
    for sent in sentences:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.paragraph == sent.paragraph
            and (
                sent.text.startswith(_CONTINUATION)
                or sent.text[0].islower()
                or not prev.text.rstrip("\"'”’)]").endswith(_TERMINAL)
            )
        ):
            merged[-1] = Sentence(
                article=prev.article,
                index=prev.index,
                start=prev.start,
                end=sent.end,
                text=text[prev.start : sent.end],
                paragraph=prev.paragraph,
                is_title=prev.is_title,
            )
        else:
            merged.append(
                Sentence(
                    article=sent.article,
                    index=len(merged),
                    start=sent.start,
                    end=sent.end,
                    text=sent.text,
                    paragraph=sent.paragraph,
                    is_title=sent.is_title,
                )
            )
    return tuple(merged)


def tokens_of(doc) -> tuple[Token, ...]:
    """The parse of an article as :class:`~newscheck.model.Token` objects, in order."""
    return tuple(
        Token(index=t.i, text=t.text, lemma=t.lemma_.lower(), pos=t.pos_, dep=t.dep_,
              head=t.head.i, start=t.idx, end=t.idx + len(t.text), ent=t.ent_type_)
        for t in doc
    )


def entities_of(doc) -> tuple[Entity, ...]:
    return tuple(
        Entity(text=e.text, label=e.label_, start=e.start_char, end=e.end_char)
        for e in entities(doc)
        if e.label_ in ENTITY_LABELS
    )


@dataclasses.dataclass(frozen=True, slots=True)
class _Extracted:
    """What the extractors read in one parsed article (the parse itself is not kept)."""

    article: Article
    sentences: tuple[Sentence, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...]
    entities: tuple[Entity, ...]
    frames: tuple[Frame, ...]
    tokens: tuple[Token, ...]


class _StageFailed(Exception):
    """An extractor raised on one article: the stage's name and the error."""

    def __init__(self, stage: str, error: Exception) -> None:
        super().__init__(stage)
        self.stage = stage
        self.error = error


def _extract(article: Article, doc, settings: ExtractSettings) -> _Extracted:
    """Sentences, quotes, claims, entities and frames of a parsed article, in that order
    (each stage reads the ones before); :class:`_StageFailed` names the stage that raised."""
    stage = "sentences"
    try:
        sents = sentences_of(article, doc)
        stage = "quotes"
        quotes = tuple(quotes_stage.extract_quotes(article, doc, sents, settings))
        stage = "claims"
        claims = tuple(claims_stage.extract_claims(article, doc, sents, quotes, settings))
        stage = "entities"
        entities = entities_of(doc)
        stage = "frames"
        frames = frames_stage.extract_frames(article, doc, sents, quotes)
        stage = "tokens"
        tokens = tokens_of(doc)
    except Exception as exc:  # noqa: BLE001 - the caller records it, or raises it as is
        raise _StageFailed(stage, exc) from None
    return _Extracted(article=article, sentences=sents, quotes=quotes, claims=claims,
                      entities=entities, frames=frames, tokens=tokens)


class _LeadEmbedder:
    """The lead sentences of each article, embedded in chunks of ``EMBED_CHUNK`` on a
    second thread while later articles are parsed (:func:`analyze_articles`)."""

    def __init__(self, pool: ThreadPoolExecutor, embedder, lead: int) -> None:
        self.pool = pool
        self.embedder = embedder
        self.lead = lead
        # per embedding call: its future and the indices of the articles whose leads it holds
        self.futures: list[tuple[Future, list[int]]] = []
        self.pending: list[str] = []
        self.owners: list[int] = []
        self.rows: dict[int, np.ndarray] = {}

    def add(self, k: int, sents: Sequence[Sentence]) -> None:
        """Queue the lead of article ``k``; send a chunk when one is full."""
        if sents:
            self.owners.append(k)
        else:
            self.rows[k] = np.zeros((0, self.embedder.dim), dtype=np.float32)
        self.pending.extend(s.text for s in sents[: self.lead])
        if len(self.pending) >= EMBED_CHUNK:
            self._submit()

    def _submit(self) -> None:
        self.futures.append((self.pool.submit(self.embedder.embed, self.pending), self.owners))
        self.pending, self.owners = [], []

    def rows_of(self, extracted: Sequence[_Extracted], guarded: bool,
                fail: Callable[[Article, str, Exception], None]) -> dict[int, np.ndarray]:
        """The lead rows of every article, by index; an article whose lead could not be
        embedded is left out (``fail`` records it). A failed chunk is embedded again one
        article at a time (``guarded``), so that only the culprit is lost."""
        if self.pending:
            self._submit()
        for future, held in self.futures:
            try:
                chunk = future.result()
            except Exception:
                if not guarded:
                    raise
                chunk = None
            row = 0
            for k in held:
                n = min(self.lead, len(extracted[k].sentences))
                if chunk is not None:
                    self.rows[k] = chunk[row : row + n]
                    row += n
                    continue
                try:
                    self.rows[k] = self.embedder.embed(
                        [s.text for s in extracted[k].sentences[:n]])
                except Exception as exc:  # noqa: BLE001 - recorded as skipped
                    fail(extracted[k].article, "embed", exc)
        return self.rows


def analyze_articles(
    articles: Sequence[Article], ctx: Context, *, skipped: list[Skipped] | None = None
) -> list[Analysis]:
    """Run the per-article stages over a batch of articles (order kept).

    Only the lead sentences are embedded here (see the module docstring; finish with
    :func:`complete_embeddings`). They go to the embedder in chunks of ``EMBED_CHUNK`` on
    a second thread while later articles are parsed and their quotes and claims extracted:
    onnxruntime releases the GIL, so on two cores the embedding and the parse overlap.
    Chunk boundaries depend on the sentence counts alone, so the output is deterministic.

    Args:
        articles: The batch.
        ctx: Context holding the parser and the embedder.
        skipped: When given, an article on which a stage raises is left out of the result
            and recorded here with the stage and the error (:func:`stage_failure`), and
            the others are analysed as usual; when omitted, the error propagates (callers
            that need one analysis per article).
    """
    total = len(articles)
    guarded = skipped is not None

    def fail(article: Article, stage: str, exc: Exception) -> None:
        if not guarded:
            raise exc
        skipped.append(Skipped(input=article.input, reason=stage_failure(stage, exc)))

    extracted: list[_Extracted] = []
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="newscheck-embed") as pool:
        leads = _LeadEmbedder(pool, ctx.embedder, max(1, ctx.settings.stories.lead_sentences))
        parses = _parse(articles, ctx.nlp, guarded, ctx.settings.models.jobs)
        for i, (article, doc, error) in enumerate(parses):
            ctx.report("parse", i + 1, total)
            if error is not None:
                fail(article, "parse", error)
                continue
            failed = None
            try:
                found = _extract(article, doc, ctx.settings.extract)
            except _StageFailed as exc:
                failed = exc  # raised (unguarded) outside this handler: the error as it is
            if failed is not None:
                fail(article, failed.stage, failed.error)
                continue
            leads.add(len(extracted), found.sentences)
            extracted.append(found)
        rows = leads.rows_of(extracted, guarded, fail)
    # an article without rows had its embedding fail: it is recorded in ``skipped``
    return [_analysis(found, rows[k]) for k, found in enumerate(extracted) if k in rows]


def _analysis(found: _Extracted, svec: np.ndarray) -> Analysis:
    """The analysis of an article, its story vector the normalised mean of its lead rows."""
    vector = None
    if len(svec):
        head = svec.mean(axis=0)
        norm = float(np.linalg.norm(head)) or 1.0
        vector = (head / norm).astype(np.float32)
    return Analysis(
        article=found.article,
        sentences=found.sentences,
        entities=found.entities,
        quotes=found.quotes,
        claims=found.claims,
        frames=found.frames,
        tokens=found.tokens,
        vector=vector,
        sentence_vectors=svec,
    )


def _parse(
    articles: Sequence[Article], nlp, guarded: bool, jobs: int = 1
) -> Iterator[tuple[Article, object, Exception | None]]:
    """Each article with its parse, or with the error that stopped its parse.

    The batch goes through ``nlp.pipe`` (in ``jobs`` processes when more than one and the
    batch is worth it); when that call fails (``guarded``), the articles it had not yielded
    yet are parsed one at a time, so that only the culprit is lost.
    """
    done = 0
    processes = jobs if jobs > 1 and len(articles) >= 2 * jobs else 1
    try:
        options = {"n_process": processes} if processes > 1 else {}
        for doc in nlp.pipe((a.text for a in articles), batch_size=PARSE_BATCH, **options):
            yield articles[done], doc, None
            done += 1
        return
    except Exception:
        if not guarded:
            raise
    for article in articles[done:]:
        try:
            doc = nlp(article.text)
        except Exception as exc:  # noqa: BLE001 - the caller records it
            yield article, None, exc
        else:
            yield article, doc, None


def complete_embeddings(analyses: Sequence[Analysis], ctx: Context) -> list[Analysis]:
    """Give every sentence of ``analyses`` its vector (order kept).

    The sentences past each report's embedded rows are embedded in one call for all the
    reports (the embedder batches them by length), and each analysis is returned with
    one row of ``sentence_vectors`` per sentence; one already complete is returned as is.

    Args:
        analyses: Output of :func:`analyze_articles`, typically the reports of the
            stories that have two or more.
        ctx: Context holding the embedder.
    """
    missing: list[str] = []
    for a in analyses:
        missing.extend(s.text for s in a.sentences[_embedded(a) :])
    if not missing:
        return list(analyses)
    vectors = ctx.embedder.embed(missing)
    out: list[Analysis] = []
    row = 0
    for a in analyses:
        have = _embedded(a)
        n = len(a.sentences) - have
        if n == 0:
            out.append(a)
            continue
        rest = vectors[row : row + n]
        row += n
        full = np.vstack([a.sentence_vectors, rest]) if have else rest
        out.append(dataclasses.replace(a, sentence_vectors=full))
    return out


def _embedded(analysis: Analysis) -> int:
    """How many of the analysis's leading sentences have a vector."""
    v = analysis.sentence_vectors
    return 0 if v is None else len(v)
