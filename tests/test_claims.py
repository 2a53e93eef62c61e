"""Claims with slots, from hand-written articles."""

import datetime as dt

import pytest
from helpers import make_article, parse_article

from newscheck.claims import extract_claims
from newscheck.model import Quote

PUB = dt.date(2026, 3, 14)


def claims_of(nlp, text, title=None, quotes=()):
    article = make_article(text, title=title, published=PUB)
    doc, sents = parse_article(nlp, article)
    return article, sents, extract_claims(article, doc, sents, list(quotes))


@pytest.mark.slow
def test_coordinated_clauses_split_with_subject_carried(nlp):
    _, _, claims = claims_of(nlp, "The union rejected the offer and called for new talks.")
    assert [c.text for c in claims] == ["The union rejected the offer",
                                        "The union called for new talks"]
    assert [c.predicate for c in claims] == ["reject", "call"]
    assert [c.id for c in claims] == ["a1.c1", "a1.c2"]
    assert all(c.sentence == 0 for c in claims)


@pytest.mark.slow
def test_single_clause_keeps_sentence_and_slots(nlp):
    article, sents, claims = claims_of(
        nlp, "About 300 people were injured in Lisbon on Tuesday, police said.")
    (c,) = claims
    assert c.text == sents[0].text
    assert c.predicate == "injure" and c.attributed_to == "police"
    assert c.places == ("Lisbon",)
    (q,) = c.quantities
    assert article.text[q.start : q.end] == "About 300" and q.noun == "people"
    (t,) = c.times
    assert t.resolved == dt.date(2026, 3, 10) and article.text[t.start : t.end] == "on Tuesday"


@pytest.mark.slow
def test_negation_is_grammatical_only(nlp):
    _, _, claims = claims_of(nlp, "The company did not comment. The company denied the report.")
    assert [c.negated for c in claims] == [True, False]


@pytest.mark.slow
def test_hedges_and_attribution(nlp):
    _, _, claims = claims_of(
        nlp,
        "The minister reportedly resigned. The mayor resigned. "
        "According to the port authority, 12 ships were stuck.",
    )
    assert [c.hedged for c in claims] == [True, False, False]
    assert claims[2].attributed_to == "the port authority"
    assert claims[0].attributed_to is None


@pytest.mark.slow
def test_reported_speech_uses_the_content_verb(nlp):
    _, _, claims = claims_of(nlp, "Finance Minister Ana Ruiz said the strike could last weeks.")
    (c,) = claims
    assert c.predicate == "last" and c.hedged
    assert c.roles[0].name == "Ana Ruiz" and c.roles[0].role == "finance minister"


@pytest.mark.slow
def test_quote_speaker_and_skipped_questions(nlp):
    text = '"We will not go back for less," Keller said. Will the port reopen?'
    article = make_article(text, published=PUB)
    start = text.index("We")
    quote = Quote(article="a1", text="We will not go back for less", start=start,
                  end=start + 28, speaker="Maria Keller", sentence=0)
    doc, sents = parse_article(nlp, article)
    claims = extract_claims(article, doc, sents, [quote])
    assert len(claims) == 1
    assert claims[0].attributed_to == "Maria Keller" and claims[0].negated


@pytest.mark.slow
def test_salience_favours_headline_lead_and_specifics(nlp):
    body = ("Dockworkers have struck for almost three weeks at the port of Valmora.\n\n"
            "Some people say things.\n\nIt was a day.\n\nOthers say other things.\n\n"
            "More things were said by people later.")
    _, _, claims = claims_of(nlp, body, title="Valmora port strike drags on")
    by_text = {c.text: c.salience for c in claims}
    assert by_text["Valmora port strike drags on"] == 1.0
    lead = by_text["Dockworkers have struck for almost three weeks at the port of Valmora."]
    assert lead > by_text["More things were said by people later."]
    assert all(0.0 <= s <= 1.0 for s in by_text.values())


@pytest.mark.slow
def test_the_month_may_is_no_hedge(nlp):
    [c] = claims_of(nlp, "Lena Varga was born in May.")[2]
    assert not c.hedged
    [c] = claims_of(nlp, "The ferry may leave later.")[2]
    assert c.hedged
