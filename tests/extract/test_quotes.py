"""Quotes and speakers on invented sentences, with near-misses that must not fire."""

from __future__ import annotations

import pytest
from helpers import make_article, parse_article

from newscheck.extract.quotes import _find_marks, _looks_like_title, extract_quotes, is_direct
from newscheck.settings import ExtractSettings

pytestmark = pytest.mark.slow


def quotes_of(nlp, text: str):
    article = make_article(text)
    doc, sents = parse_article(nlp, article)
    return article, extract_quotes(article, doc, sents)


def only(quotes, fragment: str):
    found = [q for q in quotes if fragment in q.text]
    assert len(found) == 1, [q.text for q in quotes]
    return found[0]


def test_quote_then_named_speaker_and_span(nlp):
    article, quotes = quotes_of(nlp, "“The port will reopen on Monday,” Tomas Brandt said.")
    q = only(quotes, "port will reopen")
    assert q.speaker == "Tomas Brandt"
    assert q.text == "The port will reopen on Monday"
    assert article.text[q.start : q.end] == q.text
    assert is_direct(q, article.text)
    assert q.sentence == 0 and not q.anonymous


def test_inverted_said_with_title_role(nlp):
    _, quotes = quotes_of(
        nlp, "“The cranes will stay idle until further notice,” said Port Authority director "
        "Tomas Brandt.")
    q = only(quotes, "cranes")
    assert q.speaker == "Tomas Brandt"
    assert q.role == "Port Authority director"


def test_colon_intro_and_compound_role(nlp):
    _, quotes = quotes_of(
        nlp, "Union spokeswoman Maria Keller said: “Nobody has talked to us about Monday.”")
    q = only(quotes, "Nobody")
    assert q.speaker == "Maria Keller"
    assert q.role == "union spokeswoman"


def test_appositive_role_continuation_and_pronoun(nlp):
    text = (
        "Maria Keller, the union's spokeswoman, spoke outside the gates on Friday.\n\n"
        "“We will not go back,” she said. “Not for less than six percent.”"
    )
    _, quotes = quotes_of(nlp, text)
    first = only(quotes, "go back")
    cont = only(quotes, "six percent")
    assert first.speaker == "Maria Keller"
    assert first.role == "union's spokeswoman"
    assert cont.speaker == "Maria Keller"
    assert [q.start for q in quotes] == sorted(q.start for q in quotes)


def test_continuation_in_next_paragraph(nlp):
    text = (
        "“The terminal is losing money every hour,” Tomas Brandt told reporters.\n\n"
        "“Each ship that leaves for another port may never come back.”"
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "losing money").speaker == "Tomas Brandt"
    assert only(quotes, "Each ship").speaker == "Tomas Brandt"


def test_surname_takes_full_name(nlp):
    text = (
        "Maria Keller leads the dockworkers' union in the city.\n\n"
        "“Our members are ready to stay out all winter,” Keller warned."
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "all winter").speaker == "Maria Keller"


def test_definite_role_resolves_to_named_person(nlp):
    text = (
        "Anna Lind chairs the harbour board. The minister, Paul Ortega, visited the docks.\n\n"
        "“It is a disaster for the whole region,” the minister said."
    )
    _, quotes = quotes_of(nlp, text)
    q = only(quotes, "disaster")
    assert q.speaker == "Paul Ortega"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (("“The offer is final and will not change,” a senior official who requested "
          "anonymity said."), "a senior official"),
        ("“The talks could resume as early as next week,” one insider said.", "one insider"),
        ("“The government has no further money to offer,” officials said.", "officials"),
    ],
)
def test_anonymous_sources(nlp, sentence, speaker):
    _, quotes = quotes_of(nlp, sentence)
    assert len(quotes) == 1
    assert quotes[0].anonymous
    assert quotes[0].speaker.lower() == speaker


def test_named_source_is_not_anonymous(nlp):
    _, quotes = quotes_of(nlp, "“The talks could resume as early as next week,” Paul Ortega said.")
    assert quotes[0].speaker == "Paul Ortega" and not quotes[0].anonymous


@pytest.mark.parametrize("verb", ["added", "insisted", "warned", "argued", "claimed", "noted"])
def test_cue_verbs_beyond_said(nlp, verb):
    _, quotes = quotes_of(nlp, f"“The strike is costing every family in town,” Maria Keller {verb}.")
    assert len(quotes) == 1 and quotes[0].speaker == "Maria Keller"


def test_told_reporters_and_according_to(nlp):
    text = (
        "“We are watching the situation very closely,” Tomas Brandt told reporters.\n\n"
        "According to the harbour ministry, the port lost forty million euros last week."
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "watching").speaker == "Tomas Brandt"
    reported = only(quotes, "forty million")
    assert reported.text == "the port lost forty million euros last week"
    assert "ministry" in reported.speaker
    assert not is_direct(reported, make_article(text).text)


def test_said_that_is_reported_speech(nlp):
    _, quotes = quotes_of(nlp, "Maria Keller said that the members would vote on the offer.")
    q = only(quotes, "members")
    assert q.text == "the members would vote on the offer"
    assert q.speaker == "Maria Keller"


def test_reported_speech_needs_a_speaker_and_a_cue(nlp):
    # "expects" is not a cue verb; "It is said" has no recoverable speaker
    _, quotes = quotes_of(nlp, "Maria Keller expects that the members will vote on Monday.")
    assert quotes == []


def test_direct_quote_wins_over_reported_reading(nlp):
    _, quotes = quotes_of(nlp, "Maria Keller said: “The members will vote on the offer tonight.”")
    assert len(quotes) == 1 and quotes[0].text.startswith("The members")


def test_straight_quotes(nlp):
    _, quotes = quotes_of(nlp, '"We have waited long enough for a fair deal," Keller said.')
    assert len(quotes) == 1 and quotes[0].speaker == "Keller"
    assert quotes[0].text == "We have waited long enough for a fair deal"


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    text = (
        "The so-called “reform” passed on Tuesday. The band played “Born in the Harbour” "
        "at the rally, and the paper called it a “historic moment”."
    )
    _, quotes = quotes_of(nlp, text)
    assert quotes == []


def test_the_fewest_words_of_a_quote_is_a_setting(nlp):
    text = "The minister said Tuesday that the fix was “far too late” for the town."
    article = make_article(text)
    doc, sents = parse_article(nlp, article)
    # three words are a scare quote by default, a quote when quotes may be that short
    assert not any(q.direct for q in extract_quotes(article, doc, sents))
    short = extract_quotes(article, doc, sents, ExtractSettings(min_quote_words=3))
    assert [q.text for q in short if "far too late" in q.text]


def test_short_quote_with_cue_is_kept(nlp):
    _, quotes = quotes_of(nlp, "“Never,” Maria Keller said.")
    assert len(quotes) == 1 and quotes[0].text == "Never"


def test_unclosed_quote_does_not_swallow_the_article(nlp):
    text = (
        "Keller wrote “the members will never accept this offer and the fight goes on\n\n"
        "The port stayed closed on Wednesday as ships queued outside the harbour.\n\n"
        "“The backlog will take weeks to clear,” Tomas Brandt said."
    )
    _, quotes = quotes_of(nlp, text)
    assert [q.text for q in quotes] == ["The backlog will take weeks to clear"]
    assert quotes[0].speaker == "Tomas Brandt"


def test_quote_without_speaker_is_kept_with_none(nlp):
    text = (
        "The harbour was quiet on Sunday morning.\n\n"
        "“Nobody knows when the next ship will dock here.”"
    )
    _, quotes = quotes_of(nlp, text)
    assert len(quotes) == 1 and quotes[0].speaker is None


def test_pronoun_skips_people_named_inside_quotes(nlp):
    text = (
        "Tomas Brandt spoke at the harbour on Friday.\n\n"
        "“I told Maria Keller we would keep talking to her union,” he said."
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "keep talking").speaker == "Tomas Brandt"


def test_mark_pairing_is_per_paragraph():
    text = "He said “one two three four\n\nfive six” and “seven eight nine ten” end"
    from newscheck.model import Sentence

    sents = [
        Sentence(article="a", index=0, start=0, end=27, text=text[:27], paragraph=0),
        Sentence(article="a", index=1, start=29, end=len(text), text=text[29:], paragraph=1),
    ]
    marks = _find_marks(text, sents)
    assert [text[m.start : m.end] for m in marks] == ["seven eight nine ten"]


def test_title_shape():
    assert _looks_like_title("Born in the Harbour")
    assert not _looks_like_title("We will not go back,")
    assert not _looks_like_title("the union will decide")


def test_pronoun_follows_gender_not_just_distance(nlp):
    text = "Anna Berg met Tom Reed at the harbour.\n\n“The ships will not wait for us,” she said."
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "ships").speaker == "Anna Berg"


def test_pronoun_near_miss_takes_the_nearest_fitting_person(nlp):
    # the nearest person is a man: "he" goes to him, not to the earlier woman
    text = "Anna Berg met Tom Reed at the harbour.\n\n“The ships will not wait for us,” he said."
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "ships").speaker == "Tom Reed"


def test_title_gives_gender_to_a_surname(nlp):
    text = (
        "Mrs. Lind chairs the harbour board. Paul Ortega runs the port.\n\n"
        "“The board has not met since March,” she said."
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "board has not met").speaker == "Lind"


def test_direct_flag_and_cue_lemma(nlp):
    text = (
        "“The cranes will stay idle until further notice,” Tomas Brandt told reporters.\n\n"
        "Maria Keller said that the members would vote on the offer."
    )
    _, quotes = quotes_of(nlp, text)
    direct = only(quotes, "cranes")
    reported = only(quotes, "members would vote")
    assert direct.direct and direct.cue == "tell"
    assert not reported.direct and reported.cue == "say"


def test_quote_split_by_its_cue_keeps_speaker_and_cue(nlp):
    _, quotes = quotes_of(
        nlp, "“The offer is final,” Tomas Brandt said. “We cannot pay any more than that.”")
    cont = only(quotes, "cannot pay")
    assert cont.speaker == "Tomas Brandt" and cont.direct and cont.cue == "say"


def test_partial_quote_in_reported_clause_is_one_quote(nlp):
    text = "Maria Keller said the new offer was “an insult to every worker” and would be rejected."
    article, quotes = quotes_of(nlp, text)
    assert len(quotes) == 1
    q = quotes[0]
    assert q.speaker == "Maria Keller" and not q.direct
    assert q.text.startswith("the new offer was “an insult") and q.text.endswith("rejected")
    assert article.text[q.start : q.end] == q.text


def test_full_quote_after_said_stays_direct(nlp):
    # the whole complement is between quote marks: a direct quote, not a mixed clause
    _, quotes = quotes_of(nlp, "Maria Keller said: “The members will vote on the offer tonight.”")
    assert len(quotes) == 1 and quotes[0].direct


def test_quote_inside_sentence_with_non_speech_verb_gets_its_subject(nlp):
    text = "The harbour council called the strike “a threat to the whole coastal economy”."
    _, quotes = quotes_of(nlp, text)
    q = only(quotes, "threat")
    assert q.speaker is not None and "council" in q.speaker


def test_dash_attribution(nlp):
    text = (
        "Readers sent us their views on the strike.\n\n"
        "“The port is the heart of this town and it has stopped beating.” ― Ola Brenner\n\n"
        "“Nobody here remembers a winter this quiet.” ― Sara Holm"
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "heart of this town").speaker == "Ola Brenner"
    assert only(quotes, "winter this quiet").speaker == "Sara Holm"


def test_unattributed_quoted_phrase_is_dropped(nlp):
    # a phrase (not a sentence) with no recoverable speaker is of no use to a reader
    text = "Ships queued outside in what looked like a “slow and silent blockade of the bay”."
    _, quotes = quotes_of(nlp, text)
    assert quotes == []


def test_surname_and_role_carried_from_reported_speech(nlp):
    text = (
        "Port Authority director Tomas Brandt said the authority would not improve its offer.\n\n"
        "“Four percent is the most we can pay,” Brandt told reporters."
    )
    _, quotes = quotes_of(nlp, text)
    q = only(quotes, "Four percent")
    assert q.speaker == "Tomas Brandt" and q.role == "Port Authority director"


def test_definite_mention_of_anonymous_source_stays_anonymous(nlp):
    text = (
        "According to a senior official, the leadership is frustrated by the union's stance.\n\n"
        "“Nobody wants this to drag on,” the official said."
    )
    _, quotes = quotes_of(nlp, text)
    q = only(quotes, "drag on")
    assert q.anonymous and q.speaker == "a senior official"


def test_capitalised_title_before_name_is_a_role(nlp):
    _, quotes = quotes_of(
        nlp, "Labour Minister Henrik Dalvo said: “A port that does not move costs us all.”")
    q = only(quotes, "port that does not move")
    assert q.speaker == "Henrik Dalvo" and q.role == "Labour Minister"


def test_dash_attribution_after_no_break_space(nlp):
    text = (
        "Readers wrote in about the strike.\n\n"
        "“The harbour has never been this quiet in living memory.”\u00a0― Ola Brenner\n\n"
        "“Nobody here remembers a winter this long.” ―\u00a0Sara Holm"
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "living memory").speaker == "Ola Brenner"
    # near-miss: not the continuation of the previous reader's quote
    assert only(quotes, "winter this long").speaker == "Sara Holm"


def test_day_after_said_is_not_the_speaker(nlp):
    _, quotes = quotes_of(
        nlp, "“We will reopen the terminal within a week,” harbour chief Tomas Brandt said Monday.")
    assert only(quotes, "reopen the terminal").speaker == "Tomas Brandt"


def test_participle_cue_takes_the_person_it_hangs_on(nlp):
    text = ("The new advert shows footage of Maria Keller saying, “We will stay out until "
            "the offer is fair.”")
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "stay out").speaker == "Maria Keller"


def test_demanded_and_letter_reads_are_cues(nlp):
    text = (
        "“Why has nobody answered our letters for three weeks?” Keller demanded.\n\n"
        "“The harbour belongs to everyone who works in it,” the letter reads."
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "answered our letters").speaker == "Keller"
    # a letter is a thing, never a speaker: the quote stays, with nobody named
    q = only(quotes, "belongs to everyone")
    assert q.speaker is None and q.cue == "read"


def test_read_before_a_quote_is_not_a_cue(nlp):
    # near-miss: "read" with an object is reading aloud, not a source speaking
    text = "Tomas Brandt read the statement aloud. “The port will stay closed on Sunday.”"
    _, quotes = quotes_of(nlp, text)
    q = only(quotes, "stay closed")
    assert q.cue != "read"


def test_free_standing_quote_after_a_sentence_about_a_person(nlp):
    text = (
        "Her former colleague, Anna Lind, called her a master at closing hard deals. "
        "“She found a way through when nobody else could.”"
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "found a way").speaker == "Anna Lind"


def test_free_standing_quote_after_a_sentence_about_a_thing_has_no_speaker(nlp):
    # near-miss: the sentence before is about the weather, not a person
    text = "The storm closed the harbour on Friday. “Nobody knows when the ships will come back.”"
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "ships will come back").speaker is None


def test_quoted_phrase_after_a_copula_is_not_its_subject_speaking(nlp):
    # "Brandt would be ..." describes Brandt; he is not the one quoted
    text = ("The column predicted that Tomas Brandt would be “the toughest negotiator the "
            "port has ever seen”.")
    _, quotes = quotes_of(nlp, text)
    assert all(q.speaker != "Tomas Brandt" for q in quotes)


def test_non_speaking_subject_is_not_a_speaker(nlp):
    text = ("Inspectors could not rule out that the money came from “the drug trade or "
            "other criminal activity”.")
    _, quotes = quotes_of(nlp, text)
    assert all(q.speaker != "money" for q in quotes)


def test_it_is_not_a_person_or_role(nlp):
    text = (
        "“The port must reopen,” the senator said.\n\n"
        "“The strike has cost the region dearly,” it added."
    )
    _, quotes = quotes_of(nlp, text)
    senator = only(quotes, "must reopen")
    # a title without a name is a described source, not a name
    assert (senator.speaker, senator.anonymous) == ("the senator", True)
    # "it" is never the senator: no speaker (and so the phrase is not kept)
    assert all(q.speaker is None for q in quotes if "cost the region" in q.text)


def test_it_resolves_to_an_organisation_speaker(nlp):
    text = (
        "“Talks will resume on Monday,” the Port Authority said in a statement.\n\n"
        "“No agreement has been reached on pay,” it added."
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "No agreement").speaker == "Port Authority"


def test_pronoun_prefers_the_subject_over_a_possessive(nlp):
    text = (
        "Tomas Brandt also commented on Paul Ortega's resignation.\n\n"
        "“It came as a surprise to all of us,” he said."
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "surprise").speaker == "Tomas Brandt"


def test_pronoun_near_miss_nearest_sentence_wins_over_an_earlier_subject(nlp):
    text = (
        "Tomas Brandt opened the meeting.\n\n"
        "Later, Paul Ortega spoke to the workers.\n\n"
        "“We owe you an answer by Friday,” he said."
    )
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "answer by Friday").speaker == "Paul Ortega"


def test_possessive_role_takes_the_organisation(nlp):
    text = (
        "The port authority has described the memo as a contingency plan. Its director, "
        "Tomas Brandt, said that no temporary workers had been hired."
    )
    _, quotes = quotes_of(nlp, text)
    q = only(quotes, "temporary workers")
    assert q.speaker == "Tomas Brandt" and q.role == "port authority director"


def test_possessive_role_near_miss_without_an_organisation(nlp):
    # no body is named before "Its": the role stays as written, nothing invented
    text = "Its director, Tomas Brandt, said that no temporary workers had been hired."
    _, quotes = quotes_of(nlp, text)
    q = only(quotes, "temporary workers")
    assert q.speaker == "Tomas Brandt" and q.role in (None, "its director")


# --------------------------------------------------------------------------- things, times,
# colons and double apostrophes


def test_document_with_an_author_speaks_for_the_author(nlp):
    text = "“The harbour must stay open,” a letter from Maria Keller said."
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "harbour must stay open").speaker == "Maria Keller"


def test_possessive_author_of_a_post(nlp):
    text = "“Nobody will lose their job this winter,” Tomas Brandt's post said."
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "lose their job").speaker == "Tomas Brandt"


def test_statement_issued_by_an_organisation(nlp):
    text = ("The Port Authority issued a statement saying that “the terminal will reopen "
            "once the inspections are complete.”")
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "terminal will reopen").speaker == "Port Authority"


def test_authorless_video_is_no_speaker_but_keeps_the_quote(nlp):
    # near-miss of the author rules: nobody is named, so nobody is invented
    text = "“The ships are not coming back this year,” the video said."
    _, quotes = quotes_of(nlp, text)
    q = only(quotes, "ships are not coming back")
    assert q.speaker is None


def test_platform_is_not_a_speaker(nlp):
    text = "“The harbour will never close again,” Twitter said."
    _, quotes = quotes_of(nlp, text)
    assert all(q.speaker != "Twitter" for q in quotes)


def test_platform_near_miss_person_on_a_platform_keeps_the_person(nlp):
    text = "“The harbour will never close again,” Maria Keller wrote on Twitter."
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "never close again").speaker == "Maria Keller"


def test_a_day_after_the_cue_is_not_the_speaker(nlp):
    text = ("“We will keep the cranes running,” Paul Ortega, the port's director, said "
            "Thursday morning.")
    _, quotes = quotes_of(nlp, text)
    q = only(quotes, "cranes running")
    assert q.speaker == "Paul Ortega"


def test_label_before_a_colon_names_the_speaker(nlp):
    text = ("Maria Keller, union spokeswoman: “Nobody has talked to us about the new "
            "rotas.”\n\nTomas Brandt, port director: “The rotas were sent out last week.”")
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "Nobody has talked").speaker == "Maria Keller"
    assert only(quotes, "sent out last week").speaker == "Tomas Brandt"


def test_headline_label_before_a_colon(nlp):
    text = "Keller: ‘We Will Not Go Back To The Old Contracts.’\n\nThe union met on Friday."
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "Old Contracts").speaker == "Keller"


def test_place_or_common_noun_label_is_no_speaker(nlp):
    # near-miss: a dateline or a section label names nobody
    text = ("HAMBURG: “The harbour will stay closed until further notice.”\n\n"
            "Update: “The harbour reopened at noon on Saturday.”")
    _, quotes = quotes_of(nlp, text)
    assert all(q.speaker not in ("HAMBURG", "Hamburg", "Update") for q in quotes)


def test_clause_before_a_colon_hands_over_to_its_subject(nlp):
    text = "Maria Keller turned to the minister: “Why has nobody answered our letters?”"
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "answered our letters").speaker == "Maria Keller"


def test_clause_before_a_colon_near_miss_thing_subject(nlp):
    text = "The storm brought chaos to the harbour: “Nobody knows when the ships will return.”"
    _, quotes = quotes_of(nlp, text)
    assert all(q.speaker not in ("storm", "The storm") for q in quotes)


def test_double_apostrophes_are_a_quote_mark(nlp):
    text = "''The port will reopen on Monday,'' Tomas Brandt said."
    article, quotes = quotes_of(nlp, text)
    q = only(quotes, "port will reopen")
    assert q.text == "The port will reopen on Monday" and q.speaker == "Tomas Brandt"
    assert is_direct(q, article.text)


def test_single_apostrophes_near_miss_stay_apostrophes(nlp):
    # possessive apostrophes are not quote marks, doubled or not
    text = "The workers' union met the drivers' union on Friday to discuss the rotas."
    _, quotes = quotes_of(nlp, text)
    assert not [q for q in quotes if q.direct]


def test_comment_is_a_cue(nlp):
    text = "A friend commented: “The harbour has never been this quiet in forty years.”"
    _, quotes = quotes_of(nlp, text)
    assert only(quotes, "never been this quiet").speaker is not None


def test_long_cue_clause_between_two_quotes_keeps_the_speaker(nlp):
    _, quotes = quotes_of(
        nlp, "“The harbor has been dredged twice since spring and nobody told us,” said Owen "
        "Pratt, a retired engineer from the coast who now chairs the local boating club and "
        "has sailed there for thirty years with his two brothers and their families. “Nobody "
        "asked us about any of the plans.”")
    assert only(quotes, "Nobody asked").speaker == "Owen Pratt"


def test_long_gap_of_two_sentences_near_miss_is_no_continuation(nlp):
    _, quotes = quotes_of(
        nlp, "“The harbor has been dredged twice since spring and nobody told us,” said Owen "
        "Pratt, a retired engineer. The club, which has sailed there for thirty years with many "
        "members from the coast and elsewhere and keeps its boats near the old pier, met on "
        "Monday. “Nobody asked us about any of the plans.”")
    assert only(quotes, "Nobody asked").speaker is None


def test_bare_cue_sentence_after_a_closed_quote(nlp):
    _, quotes = quotes_of(
        nlp, "The council met on Monday.\n\n“We will keep the ferry running through the "
        "winter.” Olsen said.\n\nThe council met later.")
    assert only(quotes, "ferry").speaker == "Olsen"


def test_bare_cue_near_miss_cue_with_its_own_clause_or_a_thing(nlp):
    for after in ("Olsen said he would stay.", "The report said."):
        _, quotes = quotes_of(
            nlp, "The council met on Monday.\n\n“We will keep the ferry running through the "
            f"winter.” {after}\n\nThe council met later.")
        assert only(quotes, "ferry").speaker is None, after


def test_age_description_is_the_person_just_named(nlp):
    _, quotes = quotes_of(
        nlp, "Susan Miller runs the bakery on the square.\n\n“We will keep the ovens running "
        "through the winter,” said the 46-year-old. “It matters to everyone.”")
    assert only(quotes, "ovens").speaker == "Susan Miller"


def test_age_description_near_miss_nobody_named(nlp):
    _, quotes = quotes_of(
        nlp, "The bakery opened in 1975.\n\n“We will keep the ovens running through the "
        "winter,” said the 46-year-old. “It matters to everyone.”")
    assert all(q.speaker is None for q in quotes)


def test_name_with_an_age_is_a_person_for_pronouns(nlp):
    _, quotes = quotes_of(
        nlp, "The firm lost money for a decade. Fiorina, 61, declined to comment on the "
        "losses.\n\nAt a conference she defended the merger. “If you are not growing, you are "
        "shrinking,” she said.")
    assert only(quotes, "not growing").speaker == "Fiorina"


def test_name_with_a_number_near_miss_is_no_person(nlp):
    _, quotes = quotes_of(
        nlp, "The firm lost money for a decade. Fiorina, which has 61 stores, declined to "
        "comment on the losses.\n\nAt a conference she defended the merger. “If you are not "
        "growing, you are shrinking,” she said.")
    assert all(q.speaker != "Fiorina" for q in quotes)


def test_pronoun_never_resolves_to_a_platform(nlp):
    _, quotes = quotes_of(
        nlp, "Paul Grant runs the ferry company.\n\nOn Twitter, he posted a photo of the new "
        "boat. “The bridge will never replace the ferry for us,” he wrote.")
    assert only(quotes, "bridge").speaker == "Paul Grant"


def test_pronoun_near_miss_person_named_on_a_platform_wins(nlp):
    _, quotes = quotes_of(
        nlp, "Paul Grant runs the ferry company.\n\nOn Twitter, Mark Evans posted a photo of "
        "the new boat. “The bridge will never replace the ferry for us,” he wrote.")
    assert only(quotes, "bridge").speaker == "Mark Evans"


# --------------------------------------------------------------------------- who can speak


def test_a_headline_never_lends_its_words_to_a_speakers_name(nlp):
    # title-cased, the headline parses "Overrides Obama" as a name; "Obama" in the body
    # must not become it
    for body in ("“This is a mistake,” Obama said in an interview.",
                 "Obama said the bill would harm core U.S. interests abroad."):
        article = make_article(
            "The Senate voted on Wednesday to override the veto.\n\n" + body,
            title="Senate Overrides Obama's Veto Of Victims Bill")
        doc, sents = parse_article(nlp, article)
        quotes = extract_quotes(article, doc, sents)
        assert [q.speaker for q in quotes] == ["Obama"], body
    # a full name in the headline still names the person the body calls by surname
    article = make_article("“I look forward to being fully vindicated,” Mr. Stone said.",
                           title="Indicting Roger Stone, Mueller Shows Link to WikiLeaks")
    doc, sents = parse_article(nlp, article)
    assert [q.speaker for q in extract_quotes(article, doc, sents)] == ["Roger Stone"]


@pytest.mark.parametrize("text", [
    # a gathering is told, it does not speak
    "The meeting was told that the port would reopen on Monday at the latest.",
    # a possessive phrase naming a stance, not a speaker
    ("Police declined to discuss the case. Their standard position states that officers do "
    "not comment on ongoing investigations."),
    ("Police declined to discuss the case. “We do not comment on ongoing investigations,” "
    "their standard position reads."),
    # figures and a demonstrative: a line of analysis, not somebody's words
    ("The figures suggest that the port is losing more money every week than the pay rise "
    "would cost."),
    ("This explains why the port authority has refused to raise its offer since the strike "
    "began."),
    # "said" joined to "Talks resumed": the talks said nothing
    ("Talks resumed Thursday under state mediator Paulina Ferro, but people briefed on the "
    "session said there had been no movement on wages."),
    # a speech verb denied reports nothing
    ("Most were treated for cuts and broken bones; officials did not say how many remained "
    "in hospital."),
])
def test_what_names_nobody_is_never_a_speaker(nlp, text):
    _, quotes = quotes_of(nlp, text)
    assert [(q.speaker, q.text) for q in quotes if q.speaker is not None] == []


def test_a_title_without_a_name_is_an_anonymous_described_source(nlp):
    _, quotes = quotes_of(
        nlp, "The director said the plan was a contingency and would never be used.")
    q = only(quotes, "contingency")
    assert (q.speaker, q.anonymous) == ("the director", True)
    _, quotes = quotes_of(
        nlp, "The port authority did not respond. Its director said the plan would never be "
        "used.")
    q = only(quotes, "never be used")
    assert (q.speaker, q.anonymous) == ("port authority director", True)
    # the title of a person the report named is that person
    _, quotes = quotes_of(
        nlp, "Port Authority director Tomas Brandt spoke on Friday.\n\n"
        "“We will not negotiate through the newspapers,” the director said.")
    q = only(quotes, "newspapers")
    assert (q.speaker, q.anonymous) == ("Tomas Brandt", False)


def test_a_document_speaks_for_its_author_never_for_its_reader(nlp):
    _, quotes = quotes_of(
        nlp, "Two shipping lines will divert cargo to other ports until the dispute is over, "
        "according to notices seen by the Journal.")
    assert [q.speaker for q in quotes if q.speaker] == []
    _, quotes = quotes_of(
        nlp, "“We will divert cargo until the dispute is over,” according to a notice posted "
        "by the shipping line Nordfrakt.")
    assert only(quotes, "divert cargo").speaker == "shipping line Nordfrakt"


def test_who_is_told_is_not_who_speaks(nlp):
    _, quotes = quotes_of(
        nlp, "The US President had been warned by London's mayor, Sadiq Khan, that he should "
        "expect to see demonstrators during his visit.")
    assert only(quotes, "demonstrators").speaker == "Sadiq Khan"
    _, quotes = quotes_of(
        nlp, "Ana Ruiz, the minister, met the unions on Friday. Reporters were told that the "
        "port would reopen on Monday at the latest.")
    assert [q.speaker for q in quotes if q.speaker] == []


def test_a_name_the_tagger_reads_as_a_noun_still_speaks(nlp):
    # with no entity and a NOUN tag, the capital (mid-sentence or inside the word) names it
    _, quotes = quotes_of(
        nlp, "After Trump won the election, Wikileaks suggested that Trump should prod "
        "Australia to appoint the site’s founder ambassador to the United States.")
    assert only(quotes, "prod Australia").speaker == "Wikileaks"
    _, quotes = quotes_of(
        nlp, "HuffPost reported in November 2012 Christie turned down an invitation to appear "
        "at an event with Mitt Romney.")
    assert only(quotes, "invitation").speaker == "HuffPost"


def test_a_document_without_an_author_is_kept_with_nobody_as_speaker(nlp):
    _, quotes = quotes_of(
        nlp, "The suit says that campaign officials worked in tandem with a foreign "
        "government to damage the party.")
    q = only(quotes, "worked in tandem")
    assert q.speaker is None and not q.direct
