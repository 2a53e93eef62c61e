"""Reading a span's words from the parser's tokens.

The extractors keep the parse of every article as :class:`~newscheck.model.Token`
objects (:attr:`~newscheck.model.Analysis.tokens`). The stages after them (verdicts,
compose) ask these helpers what a claim or a sentence says word by word (its verb as
written, its lower-case words, the word after a time, the punctuation between two
words) instead of matching patterns over its text.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from .model import Analysis, Claim, Token
from .text import stem

#: Parts of speech that are no words of a statement.
NON_WORDS = frozenset({"PUNCT", "SPACE", "SYM"})


def of_claim(analysis: Analysis, claim: Claim) -> tuple[Token, ...]:
    """The tokens of a claim's span (none for a claim built without offsets)."""
    if claim.start < 0:
        return ()
    return analysis.tokens_between(claim.start, claim.end)


def of_sentence(analysis: Analysis, index: int) -> tuple[Token, ...]:
    """The tokens of the article's ``index``-th sentence."""
    s = analysis.sentences[index]
    return analysis.tokens_between(s.start, s.end)


def words(tokens: Iterable[Token]) -> list[Token]:
    """The tokens that are words (punctuation, symbols and spaces left out)."""
    return [t for t in tokens if t.pos not in NON_WORDS]


def texts(tokens: Iterable[Token]) -> list[str]:
    """The words of ``tokens`` as written."""
    return [t.text for t in words(tokens)]


def after(analysis: Analysis, offset: int, limit: int = 1) -> list[Token]:
    """The first ``limit`` words that start at or after ``offset`` in the article."""
    out: list[Token] = []
    for t in analysis.tokens_between(offset, len(analysis.article.text)):
        if t.pos not in NON_WORDS:
            out.append(t)
            if len(out) == limit:
                break
    return out


def before(analysis: Analysis, offset: int, limit: int = 1) -> list[Token]:
    """The last ``limit`` words that end at or before ``offset``, nearest last."""
    found = words(analysis.tokens_between(0, offset))
    return found[-limit:] if limit else []


def in_span(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    """The tokens of ``tokens`` inside ``[start, end)``."""
    return [t for t in tokens if t.start >= start and t.end <= end]


def predicate_token(analysis: Analysis, claim: Claim) -> Token | None:
    """The token of a claim's verb as written: its frame's verb (the frame of its sentence
    whose verb is its predicate, inside its span), else the first verb of the span whose
    lemma is the predicate ("had" for "have"), else the first word with the predicate's
    stem that is not its plural ("premiered" for "premiere"); None when none is there."""
    lemma = (claim.predicate or "").lower()
    if not lemma:
        return None
    span = of_claim(analysis, claim)
    for f in analysis.frames:
        if f.sentence == claim.sentence and f.verb.lower() == lemma:
            token = next((t for t in span if t.start == f.start), None)
            if token is not None:
                return token
    verb = next((t for t in span if t.lemma == lemma and t.pos in ("VERB", "AUX")), None)
    if verb is not None:
        return verb
    target = stem(lemma)
    return next((t for t in words(span) if t.text.isalpha() and stem(t.text) == target
                 and t.text.lower() != lemma + "s"), None)


def subtree(span: Sequence[Token], root: Token) -> list[Token]:
    """The tokens of ``span`` that ``root`` governs (itself included), following heads
    inside the span: "according to the ministry" for "according"."""
    by_index = {t.index: t for t in span}
    out = []
    for t in span:
        node = t
        while node.index != root.index and node.head != node.index and node.head in by_index:
            node = by_index[node.head]
        if node.index == root.index:
            out.append(t)
    return out


def written_words(tokens: Sequence[Token]) -> int:
    """How many words a reader counts in ``tokens``: a part written onto the word before
    it, or onto a hyphen or apostrophe ("Comey’s", "don't", "Wal-Mart"), counts with that
    word; punctuation counts not at all."""
    count = 0
    for i, t in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        glued = prev is not None and prev.end == t.start and (
            prev.pos not in NON_WORDS or prev.text in _JOINERS
        )
        count += t.pos not in NON_WORDS and not glued
    return count


#: Marks that join the words either side into one written word ("Wal-Mart", "rock'n'roll").
_JOINERS = frozenset({"-", "'", "’"})


def as_written(span: Sequence[Token]) -> str:
    """The text of tokens as written: a space where the text has space between two of
    them (or where tokens between them are left out), none elsewhere ("don't", "U.S.-led")."""
    out: list[str] = []
    for n, t in enumerate(span):
        if n and (t.start > span[n - 1].end or t.index != span[n - 1].index + 1):
            out.append(" ")
        out.append(t.text)
    return "".join(out)


def glued(span: Sequence[Token]) -> list[list[Token]]:
    """The span's tokens in runs written without space between them: its words as a
    reader splits them ("Ruiz,", "Jae-in", "(born")."""
    runs: list[list[Token]] = []
    for t in span:
        if runs and runs[-1][-1].end == t.start and runs[-1][-1].index + 1 == t.index:
            runs[-1].append(t)
        else:
            runs.append([t])
    return runs


def written(span: Sequence[Token]) -> list[str]:
    """The words of a span as a reader splits them: runs written without space between
    them (:func:`glued`), punctuation at their edges left out ("region's", "asylum-seekers"
    from "the region's asylum-seekers,")."""
    out = []
    for run in glued(span):
        inner = [n for n, t in enumerate(run) if t.pos not in NON_WORDS]
        if inner:
            out.append(as_written(run[inner[0] : inner[-1] + 1]))
    return out


def occurrences(analysis: Analysis, span: Sequence[Token], text: str) -> list[list[Token]]:
    """The runs of ``span``'s tokens that write ``text`` (a name, a phrase the extractors
    read from it), from a token's start to a token's end."""
    out = []
    for n, t in enumerate(span):
        if not analysis.article.text.startswith(text, t.start):
            continue
        end = t.start + len(text)
        last = next((m for m in range(n, len(span)) if span[m].end == end), None)
        if last is not None:
            out.append(list(span[n : last + 1]))
    return out
