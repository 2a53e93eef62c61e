"""Builders of hand-made reports for the tests: claims, quantities, times, roles, entities,
quotes and whole analyses, and one small strike story several modules' tests read.

``report(aid, sentences, claims)`` makes an :class:`~newscheck.model.Analysis` with one
paragraph per sentence; ``C``, ``Q``, ``T``, ``R``, ``E`` make its claims and their slots.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools

import numpy as np

from newscheck.model import (
    Analysis,
    Article,
    Claim,
    ClaimGroup,
    Entity,
    Frame,
    Quantity,
    Quote,
    RoleMention,
    Sentence,
    TimeRef,
)
from newscheck.settings import VerdictSettings
from newscheck.verdicts import judge

INF = float("inf")


def Q(text, value, low=None, high=None, *, unit="", approx="exact", kind="count", noun=None):
    """A quantity; ``low``/``high`` default to the value itself."""
    return Quantity(
        text=text, value=value, low=value if low is None else low,
        high=value if high is None else high, unit=unit, approx=approx, kind=kind,
        start=0, end=len(text), noun=noun,
    )


def T(text, norm=None, resolved=None, low=None, high=None):
    return TimeRef(text=text, norm=norm or text.lower(), start=0, end=len(text),
                   resolved=resolved, low=low, high=high)


def R(name, role, status="current"):
    return RoleMention(name=name, role=role, status=status, start=0, end=len(name))


def E(text, label="ORG"):
    return Entity(text=text, label=label, start=0, end=len(text))


def C(sentence, text=None, **slots):
    """A claim of the ``sentence``-th sentence (text defaults to the sentence)."""
    return Claim(id="", article="", sentence=sentence, text=text or "", **slots)


def report(aid, sentences, claims=(), *, outlet=None, copy_of=None, quotes=(), vectors=None,
           title=False):
    """An Analysis: one paragraph per sentence, claims numbered ``{aid}.c1``..."""
    text = "\n\n".join(sentences)
    sents, pos = [], 0
    for i, s in enumerate(sentences):
        sents.append(Sentence(article=aid, index=i, start=pos, end=pos + len(s), text=s,
                              paragraph=i, is_title=title and i == 0))
        pos += len(s) + 2
    article = Article(id=aid, input=f"{aid}.txt", text=text, outlet=outlet,
                      words=len(text.split()), copy_of=copy_of,
                      body_start=len(sentences[0]) + 2 if title else 0)
    built = tuple(
        _placed(dataclasses.replace(c, id=f"{aid}.c{n}", article=aid,
                                    text=c.text or sentences[c.sentence]), sents)
        for n, c in enumerate(claims, start=1)
    )
    quotes = tuple(dataclasses.replace(q, article=aid) for q in quotes)
    return Analysis(article=article, sentences=tuple(sents), claims=built, quotes=quotes,
                    tokens=tokens_of(text), sentence_vectors=vectors)


def _placed(claim, sents):
    """A hand-made claim with its offsets: where its text stands in its sentence (a
    claim whose text is not in the sentence keeps -1, as built by hand)."""
    if claim.start >= 0 or claim.sentence >= len(sents):
        return claim
    s = sents[claim.sentence]
    at = s.text.find(claim.text)
    if at < 0:
        return claim
    return dataclasses.replace(claim, start=s.start + at, end=s.start + at + len(claim.text))


@functools.lru_cache(maxsize=4096)
def tokens_of(text):
    """The parser's tokens of a hand-made text (the real parser: rules read its tokens)."""
    from newscheck.extract.stage import tokens_of as tokens

    return tokens(_nlp()(text))


@functools.cache
def _nlp():
    from newscheck.extract.nlp import load_spacy
    from newscheck.settings import Settings

    return load_spacy(Settings().models.spacy)


def quote(text, speaker, anonymous=False, sentence=None):
    return Quote(article="", text=text, start=0, end=len(text), speaker=speaker,
                 anonymous=anonymous, sentence=sentence)


def group(*ids):
    return ClaimGroup(claims=tuple(ids), similarity=0.8)


def dated(analysis, day):
    """The same report with a published date."""
    return dataclasses.replace(
        analysis, article=dataclasses.replace(analysis.article, published=day)
    )


def vecs(*rows):
    """Sentence vectors (L2-normalised rows) to steer which sentences are related."""

    m = np.asarray(rows, dtype=np.float32)
    return m / np.linalg.norm(m, axis=1, keepdims=True)


MON = dt.date(2026, 3, 2)


THREE = Q(
    "almost three weeks", 21, 18, 21, unit="day", approx="nearly", kind="duration", noun="strike"
)


SECOND = Q(
    "in its second week", 14, 7, 14, unit="day", approx="ordinal", kind="duration", noun="strike"
)


UNION = E("Dockers Union")


def strike_story():
    a = report(
        "a1",
        [
            "Dockworkers of the Dockers Union rejected the latest wage offer on Monday in a vote.",
            "The strike has lasted almost three weeks.",
            "The port lost $40 million in fees, its finance office said.",
        ],
        [
            C(
                0,
                subject="Dockworkers of the Dockers Union",
                predicate="reject",
                entities=(UNION,),
                times=(T("on Monday", resolved=MON),),
                salience=0.9,
            ),
            C(1, subject="The strike", predicate="last", quantities=(THREE,), salience=0.7),
            C(
                2,
                predicate="lose",
                quantities=(Q("$40 million", 4e7, unit="USD", kind="money"),),
                salience=0.5,
            ),
        ],
        outlet="Harbor Daily",
    )
    b = report(
        "a2",
        [
            "The Dockers Union rejected the wage offer on Monday.",
            "The strike, now in its second week, shows no sign of ending.",
            'Said one docker: "We',
        ],
        [
            C(
                0,
                subject="The Dockers Union",
                predicate="reject",
                entities=(UNION,),
                times=(T("on Monday", resolved=MON),),
                salience=0.8,
            ),
            C(1, subject="The strike", predicate="last", quantities=(SECOND,), salience=0.6),
            C(2, predicate="say", entities=(E("docker"),), salience=0.4),
        ],
    )
    analyses = [a, b]
    groups = [ClaimGroup(claims=("a1.c1", "a2.c1")), ClaimGroup(claims=("a1.c2", "a2.c2"))]
    claims, conflicts = judge(analyses, groups, {}, VerdictSettings())
    return analyses, claims, conflicts


def F(analysis, sentence, word, verb, **slots):
    """A frame of ``analysis``: the verb ``word`` as first written in the ``sentence``-th
    sentence, with lemma ``verb`` (slots: polarity, modality, subject, arguments...)."""
    s = analysis.sentences[sentence]
    at = s.start + s.text.index(word)
    return Frame(article=analysis.article.id, sentence=sentence, start=at, end=at + len(word),
                 verb=verb, **slots)


def placed(analysis, sentence, quantity):
    """``quantity`` at the offsets where its text is first written in the sentence."""
    s = analysis.sentences[sentence]
    at = s.start + s.text.index(quantity.text)
    return dataclasses.replace(quantity, start=at, end=at + len(quantity.text))


def director(aid, name, role="port authority director", status="current", extra=()):
    """A report naming ``name`` as ``role`` (with ``status``), and a claim per name of
    ``extra`` holding the same role."""
    sentence = f"{name}, the {role}, spoke on Monday."
    claims = [C(0, subject=name, predicate="speak", roles=(R(name, role, status),))]
    claims += [C(0, text=f"{n} spoke.", subject=n, predicate="speak", roles=(R(n, role),))
               for n in extra]
    return report(aid, [sentence], claims, outlet=f"Outlet {aid}")


def one_claim(aid, sentence, predicate, q=(), t=(), vector=None, **slots):
    """A one-sentence report with one claim of ``predicate`` (figures ``q``, times ``t``,
    other slots), its sentence vector ``vector`` when given."""
    return report(aid, [sentence], [C(0, predicate=predicate, quantities=tuple(q), times=tuple(t),
                                      **slots)],
                  vectors=vecs(vector) if vector else None)


def year_ref(text, y):
    """A time naming the whole year ``y``."""
    return T(text, f"year:{y}", dt.date(y, 1, 1), dt.date(y, 1, 1), dt.date(y, 12, 31))


def day_ref(text, y, m, d):
    """A time naming one calendar day."""
    day = dt.date(y, m, d)
    return T(text, f"date:{day.isoformat()}", day, day, day)


def framed_report(aid, sentence, verb, *, polarity=True, modality="asserted", subject=None,
                  arguments=(), names=(), times=()):
    """A one-sentence report with one frame of ``verb`` (its polarity, modality, subject,
    arguments and names) and the claim it stands in."""
    at = sentence.index(verb[:4]) if verb[:4] in sentence else 0
    frame = Frame(article=aid, sentence=0, start=at, end=at + len(verb), verb=verb,
                  polarity=polarity, modality=modality, subject=subject,
                  arguments=tuple(arguments), names=tuple(names))
    analysis = report(aid, [sentence], [C(0, subject=subject, predicate=verb, times=times,
                                          negated=not polarity)],
                      outlet=f"Outlet {aid}")
    return dataclasses.replace(analysis, frames=(frame,))


def placed_subjects(analysis):
    """A hand-made report whose claims' subjects carry their offsets, where each subject's
    text stands in its claim (as the extractor gives them: rules read a subject's tokens)."""
    def place(c):
        at = c.text.find(c.subject) if c.subject and c.start >= 0 else -1
        if c.subject_start >= 0 or at < 0:
            return c
        return dataclasses.replace(c, subject_start=c.start + at,
                                   subject_end=c.start + at + len(c.subject))

    return dataclasses.replace(analysis, claims=tuple(place(c) for c in analysis.claims))
