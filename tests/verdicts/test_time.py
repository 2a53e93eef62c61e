"""Date and time conflicts: one event dated differently, and the times that date no event.

The builders (``report``, ``C``, ``Q``, ``T``, ``R``, ``group``...) live in ``tests/builders.py``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from builders import (
    C,
    F,
    T,
    dated,
    day_ref,
    group,
    one_claim,
    report,
    vecs,
    year_ref,
)

from newscheck.settings import VerdictSettings
from newscheck.verdicts import (
    date_parts,
    dates_a_noun,
    event_words,
    judge,
    predicate_time,
    times_agree,
)
from newscheck.verdicts.common import Ref
from newscheck.verdicts.time import dates_a_statement, dates_its_verb

S = VerdictSettings()


def _leak(aid, sentence, t):
    return report(aid, [sentence], [C(0, subject="The memo", predicate="leak", times=(t,))])


def test_relative_times_of_one_family_conflict():
    a = _leak("a1", "The memo leaked last week.", T("last week"))
    b = _leak("a2", "The memo leaked last month.", T("last month"))
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert len(conflicts) == 1
    assert conflicts[0].kind == "time"
    assert conflicts[0].topic == "when the memo leaked"
    assert [s.value for s in conflicts[0].sides] == ["last week", "last month"]


def test_resolved_dates_conflict_only_beyond_tolerance():
    d = dt.date(2026, 3, 2)
    near = T("on March 3", resolved=d + dt.timedelta(days=1))
    far = T("on March 12", resolved=d + dt.timedelta(days=10))
    base = T("on Monday", resolved=d)
    assert times_agree(base, near, 2)
    assert not times_agree(base, far, 2)
    # A day inside a resolved month agrees with the month.
    month = T("in March", resolved=dt.date(2026, 3, 1), low=dt.date(2026, 3, 1),
              high=dt.date(2026, 3, 31))
    assert times_agree(month, far, 2)
    a, b = _leak("a1", "The memo leaked on Monday.", base), _leak("a2", "It leaked.", far)
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert len(conflicts) == 1 and conflicts[0].kind == "date"
    b = _leak("a2", "The memo leaked on March 3.", near)
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert conflicts == []


def test_times_of_different_events_do_not_conflict():
    a = report("a1", ["The memo leaked last week."],
               [C(0, subject="The memo", predicate="leak", times=(T("last week"),))])
    b = report("a2", ["The minister resigned last month."],
               [C(0, subject="The minister", predicate="resign", times=(T("last month"),))])
    claims, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert conflicts == []
    # aligned by their slots, but two facts: neither corroborates the other
    assert {c.status for c in claims} == {"single_source"}


def _memo(aid, sentence, t, day, predicate, **slots):
    """A dated one-sentence report; all such sentences are related (close vectors)."""
    claim = C(0, predicate=predicate, times=(t,), subject=sentence.split(",")[0].split(" was")[0],
              **slots)
    return dated(report(aid, [sentence], [claim], vectors=vecs([1, 0.1])), day)


MONDAY = T("on Monday", resolved=dt.date(2026, 3, 9))
TWO_WEEKS_AGO = T("two weeks ago", resolved=dt.date(2026, 3, 1), low=dt.date(2026, 2, 26),
                  high=dt.date(2026, 3, 4))


def test_one_event_dated_apart_conflicts_across_predicates():
    wire = _memo("a1", "The memo was sent to managers on Monday, according to the union.",
                 MONDAY, dt.date(2026, 3, 13), "send")
    radio = _memo("a2", "The memo, which was circulated to port managers two weeks ago, sets "
                  "out a plan to bring in temporary crews.", TWO_WEEKS_AGO,
                  dt.date(2026, 3, 15), "set")
    _, conflicts = judge([wire, radio], [], {}, S)
    assert [(x.kind, x.topic) for x in conflicts] == [("date", "date of the memo")]


def test_different_events_in_one_sentence_keep_their_own_dates():
    # "this week" dates the sharpening, not the memo's circulation.
    herald = _memo("a1", "The dispute sharpened this week when the union released a memo "
                   "sent to managers.", T("this week", resolved=dt.date(2026, 3, 9),
                                          low=dt.date(2026, 3, 9), high=dt.date(2026, 3, 15)),
                   dt.date(2026, 3, 13), "sharpen")
    radio = _memo("a2", "The memo, which was circulated to port managers two weeks ago, sets "
                  "out a plan.", TWO_WEEKS_AGO, dt.date(2026, 3, 15), "set")
    assert judge([herald, radio], [], {}, S)[1] == []


def test_a_plan_and_a_past_meeting_are_not_one_event():
    past = _memo("a1", "Talks between the sides resumed on Thursday.",
                 T("on Thursday", resolved=dt.date(2026, 3, 12)), dt.date(2026, 3, 13), "resume")
    plan = _memo("a2", "Talks between the sides are to resume next week.",
                 T("next week", resolved=dt.date(2026, 3, 16), low=dt.date(2026, 3, 16),
                   high=dt.date(2026, 3, 22)), dt.date(2026, 3, 13), "resume")
    assert judge([past, plan], [], {}, S)[1] == []


def test_when_a_statement_was_made_dates_no_event():
    said = _memo("a1", "Solberg said on Thursday that inspections of the bridges had begun.",
                 T("on Thursday", resolved=dt.date(2026, 3, 12)), dt.date(2026, 3, 13), "begin")
    began = _memo("a2", "Inspections of the bridges began on Monday.", MONDAY,
                  dt.date(2026, 3, 13), "begin2")
    assert judge([said, began], [], {}, S)[1] == []


def _ref(sentence, *times, predicate=None):
    """The one claim of a one-sentence report, with its times, as a verdict reads it."""
    a = report("a1", [sentence], [C(0, predicate=predicate, times=times)])
    return Ref(claim=a.claims[0], analysis=a, report=0, order=0)


def _at(ref, text, nth=0):
    """A time written ``text`` at its ``nth`` place in the claim, with its offsets."""
    at = -1
    for _ in range(nth + 1):
        at = ref.analysis.article.text.index(text, at + 1)
    return dataclasses.replace(T(text), start=at, end=at + len(text))


def test_event_words_take_the_clause_of_the_time():
    memo = _ref("The memo, which was circulated to port managers two weeks ago, sets out a plan.")
    words = event_words(memo, _at(memo, "two weeks ago"))
    assert {"memo", "manager"} <= words and "plan" not in words
    dispute = _ref("The dispute sharpened this week when the union released a memo.")
    assert "memo" not in event_words(dispute, _at(dispute, "this week"))


def test_a_clock_time_or_a_thousands_comma_breaks_no_clause():
    """Bug fixed: the colon of "12:01" and the comma of "3,400" cut the clause, so a time
    after them dated nothing ("01 a.m. on Tuesday") or a figure lost its noun phrase."""
    expiry = _ref("Temporary exemptions were set to expire at 12:01 a.m. on Tuesday.")
    assert {"exemption", "expir"} <= event_words(expiry, _at(expiry, "on Tuesday"))
    stores = _ref("The plaintiffs, who worked in 3,400 stores on Monday, sued.")
    assert {"plaintiff", "work", "stor"} <= event_words(stores, _at(stores, "on Monday"))
    # near-miss: a real comma still ends the clause
    ended = _ref("Talks ended on Monday, and the union voted to strike.")
    assert "vot" not in event_words(ended, _at(ended, "on Monday"))


def test_a_time_is_read_at_its_own_place_not_where_its_words_first_stand():
    """Bug fixed: the second "Sunday" of a sentence was read where the first stands."""
    r = _ref("The group marched toward the border Sunday and protesters arrived at the fence "
             "Sunday.")
    assert "arriv" in event_words(r, _at(r, "Sunday", nth=1))
    assert "arriv" not in event_words(r, _at(r, "Sunday"))


def test_the_day_a_statement_was_made_is_read_from_the_words_before_the_time():
    said = _ref("Solberg said on Thursday that inspections had begun.")
    told = _ref("Solberg told reporters on Thursday that inspections had begun.")
    assert dates_a_statement(said, _at(said, "on Thursday"))
    assert dates_a_statement(told, _at(told, "on Thursday"))
    # near-miss: a speech verb of another clause does not reach the time
    began = _ref("Solberg said inspections, delayed for weeks, began on Thursday.")
    assert not dates_a_statement(began, _at(began, "on Thursday"))


def test_words_between_a_time_and_its_verb_are_counted_as_written():
    """Bug fixed: "F.B.I." counted as three words put the time out of the verb's reach."""
    fired = _ref("Mr. McCabe was fired by the F.B.I. in March for lying.", predicate="fire")
    assert dates_its_verb(fired, _at(fired, "in March"), 4)
    far = _ref("Mr. McCabe was fired by the bureau's own deputy chief in March for lying.",
               predicate="fire")
    assert not dates_its_verb(far, _at(far, "in March"), 4)


def test_identical_or_contained_times_agree():
    undated = T("on 13 July")
    dated = T("on 13 July", resolved=dt.date(2026, 7, 13))
    assert times_agree(undated, dated, 2)
    month = T("in July", low=dt.date(2026, 7, 1), high=dt.date(2026, 7, 31),
              resolved=dt.date(2026, 7, 1))
    assert times_agree(dated, month, 2)
    assert not times_agree(T("in June", low=dt.date(2026, 6, 1), high=dt.date(2026, 6, 30),
                             resolved=dt.date(2026, 6, 1)), dated, 2)


def test_a_time_that_dates_a_noun_does_not_date_the_predicate():
    noun = _ref("They sued, alleging fraud in 2016 elections.")
    assert dates_a_noun(noun, _at(noun, "2016"))
    verb = _ref("They sued on Friday, alleging fraud.")
    assert not dates_a_noun(verb, _at(verb, "on Friday"))
    a = one_claim("a1", "The party sued the firm, alleging fraud in 2016 elections.", "sue",
              t=[T("2016", resolved=dt.date(2016, 1, 1), low=dt.date(2016, 1, 1),
                   high=dt.date(2016, 12, 31))])
    b = one_claim("a2", "The party sued the firm ahead of November elections.", "sue",
              t=[T("November", resolved=dt.date(2025, 11, 1), low=dt.date(2025, 11, 1),
                   high=dt.date(2025, 11, 30))])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []


def test_story_dates_matched_on_names_only_or_years_apart_are_two_events():
    a = dated(one_claim("a1", "Harbour Watch published the Delta Board files on May 2, 2024.",
                    "publish", t=[T("on May 2, 2024", resolved=dt.date(2024, 5, 2))],
                    vector=[1, 0.2]), dt.date(2026, 3, 13))
    b = dated(one_claim("a2", "The Delta Board sued Harbour Watch on Friday.", "sue",
                    t=[T("on Friday", resolved=dt.date(2026, 3, 13))], vector=[1, 0.3]),
              dt.date(2026, 3, 13))
    assert judge([a, b], [], {}, S)[1] == []
    # common words shared, but years apart: the programme halted then, files shown now
    a = dated(one_claim("a1", "Inspectors said the nuclear programme was halted in early 2004.",
                    "halt", t=[T("in early 2004", resolved=dt.date(2004, 1, 1),
                                 low=dt.date(2004, 1, 1), high=dt.date(2004, 4, 30))],
                    vector=[1, 0.2]), dt.date(2026, 3, 13))
    b = dated(one_claim("a2", "Files shown on Monday prove the nuclear programme was never halted.",
                    "show", t=[T("on Monday", resolved=dt.date(2026, 3, 9))], vector=[1, 0.3]),
              dt.date(2026, 3, 13))
    assert [x for x in judge([a, b], [], {}, S)[1] if x.kind in ("date", "time")] == []


def test_story_dates_of_different_doers_are_two_events():
    day = dt.date(2026, 3, 13)
    a = dated(one_claim("a1", "The envoy met with the rebel leader in the capital last week.", "meet",
                    subject="The envoy", t=[T("last week", low=dt.date(2026, 3, 2),
                                              high=dt.date(2026, 3, 8),
                                              resolved=dt.date(2026, 3, 2))],
                    vector=[1, 0.1]), day)
    b = dated(one_claim("a2", "The minister met with the rebel leader in the capital in January.",
                    "meet", subject="The minister",
                    t=[T("in January", low=dt.date(2026, 1, 1), high=dt.date(2026, 1, 31),
                         resolved=dt.date(2026, 1, 1))], vector=[1, 0.12]), day)
    assert judge([a, b], [], {}, S)[1] == []
    # near-miss: the same doer dated apart is a conflict
    b = dated(one_claim("a2", "The envoy met with the rebel leader in the capital in January.",
                    "meet", subject="The envoy",
                    t=[T("in January", low=dt.date(2026, 1, 1), high=dt.date(2026, 1, 31),
                         resolved=dt.date(2026, 1, 1))], vector=[1, 0.12]), day)
    assert [x.kind for x in judge([a, b], [], {}, S)[1]] == ["date"]


def test_a_month_without_year_compares_by_its_written_parts():
    may = T("in May", "month:--05")
    assert date_parts(may) == (None, 5, None)
    assert not times_agree(may, day_ref("26 December 1970", 1970, 12, 26), 2)
    assert times_agree(T("in December", "month:--12"), day_ref("26 December 1970", 1970, 12, 26), 2)
    # a year filled in from the published date is not written: "in March" has no year
    march = T("in March", "month:2026-03", dt.date(2026, 3, 1), dt.date(2026, 3, 1),
              dt.date(2026, 3, 31))
    assert date_parts(march) == (None, 3, None)
    # relative times have no calendar parts
    assert date_parts(T("last week", "last_week")) is None


def test_the_time_nearest_the_verb_dates_the_predicate():
    text = "Shot in Lisbon in 2015, the film premiered in Venice on September 2, 2016."
    c = C(0, text, subject="the film", predicate="premiere",
          times=(year_ref("in 2015", 2015), day_ref("on September 2, 2016", 2016, 9, 2)))
    b = report("a2", [text], [dataclasses.replace(c, text="")])
    assert predicate_time(b.claims[0], b).text == "on September 2, 2016"
    a = report("a1", ["The film premiered in Venice in 2014."],
               [C(0, subject="The film", predicate="premiere", times=(year_ref("in 2014", 2014),))])
    _, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert [x.kind for x in conflicts] == ["date"]
    # near-miss: the premiere's own year agrees, though the filming year differs
    a = report("a1", ["The film premiered in Venice in 2016."],
               [C(0, subject="The film", predicate="premiere", times=(year_ref("in 2016", 2016),))])
    assert judge([a, b], [group("a1.c1", "a2.c1")], {}, S)[1] == []


def test_unresolved_days_of_different_verbs_are_two_events():
    """"announced the tariffs on March 8" and "imposed the tariffs on March 23" (one report
    undated) share their words but not their event."""
    a = report("a1", ["The minister announced the steel tariffs on March 8."],
               [C(0, subject="The minister", predicate="announce",
                  times=(T("on March 8", "date:--03-08"),))], vectors=vecs([1, 0]))
    b = report("a2", ["The minister imposed the steel tariffs on March 23."],
               [C(0, subject="The minister", predicate="impose",
                  times=(day_ref("on March 23", 2026, 3, 23),))], vectors=vecs([1, 0]))
    assert judge([a, b], [], {}, S)[1] == []
    b = report("a2", ["The minister announced the steel tariffs on March 23."],
               [C(0, subject="The minister", predicate="announce",
                  times=(day_ref("on March 23", 2026, 3, 23),))], vectors=vecs([1, 0]))
    assert [x.kind for x in judge([a, b], [], {}, S)[1]] == ["time"]


# Published Thursday 12 March 2026: "on Monday" is the 9th, "on Tuesday" the 10th.
THURSDAY = dt.date(2026, 3, 12)


def _closed(aid, day, t, *, published=THURSDAY, copy_of=None):
    """A report that the river bridge was closed ``day`` (the time ``t``)."""
    analysis = report(
        aid, [f"The river bridge was closed {day} after inspectors found cracks in its piers."],
        [C(0, subject="The river bridge", predicate="close", times=(t,))],
        outlet=f"Outlet {aid}", copy_of=copy_of, vectors=vecs([1, 0.1]),
    )
    return dated(analysis, published) if published else analysis


def test_two_weekdays_named_for_one_event_disagree_though_a_day_apart():
    monday = T("on Monday", "weekday:monday", dt.date(2026, 3, 9))
    tuesday = T("on Tuesday", "weekday:tuesday", dt.date(2026, 3, 10))
    assert not times_agree(monday, tuesday, 2)
    # near-miss: one weekday and a calendar day a day off stay within the tolerance
    assert times_agree(monday, day_ref("on March 10", 2026, 3, 10), 2)
    a, b = _closed("a1", "on Monday", monday), _closed("a2", "on Tuesday", tuesday)
    claims, conflicts = judge([a, b], [group("a1.c1", "a2.c1")], {}, S)
    assert [[s.value for s in x.sides] for x in conflicts] == [["on Monday", "on Tuesday"]]
    assert conflicts[0].note.endswith(": different days")  # a day apart, not "more than 2"
    # two statements of different days are no corroboration of each other
    assert "corroborated" not in {c.status for c in claims}


def test_an_undated_copy_sides_with_its_original_not_against_it():
    """Gazette (dated) says Monday, Times (dated) Tuesday, Courier (undated) copies the
    Gazette: Monday (Gazette, Courier) vs Tuesday (Times), never 'on Monday' vs 'on
    Monday' with the Tuesday sentence under a Monday side."""
    gazette = _closed("a1", "on Monday", T("on Monday", "weekday:monday", dt.date(2026, 3, 9)))
    times = _closed("a2", "on Tuesday", T("on Tuesday", "weekday:tuesday", dt.date(2026, 3, 10)))
    courier = _closed("a3", "on Monday", T("on Monday", "weekday:monday"), published=None,
                      copy_of="a1")
    _, conflicts = judge([gazette, times, courier], [group("a1.c1", "a2.c1", "a3.c1")],
                         {"a3": "a1"}, S)
    assert len(conflicts) == 1
    sides = {s.value: {(e.article, "Tuesday" in e.sentence) for e in s.evidence}
             for s in conflicts[0].sides}
    assert sides == {"on Monday": {("a1", False), ("a3", False)}, "on Tuesday": {("a2", True)}}


def test_an_irregular_verb_is_dated_by_the_time_next_to_it():
    """The parse knows "born" is "bear" and "began" is "begin": the time next to that
    word dates the predicate, not the first time of the sentence."""
    from newscheck.verdicts.common import verb_as_written

    a = report("a1", ["The palace said today that the prince was born on Monday.",
                      "Today officials said the trial began on Monday."],
               [C(0, subject="the prince", predicate="bear",
                  times=(T("today", "today"), T("on Monday", "weekday:monday"))),
                C(1, subject="the trial", predicate="begin",
                  times=(T("Today", "today"), T("on Monday", "weekday:monday")))])
    a = dataclasses.replace(a, frames=(F(a, 0, "born", "bear"), F(a, 1, "began", "begin")))
    born, began = a.claims
    assert verb_as_written(born, a) == "born" and verb_as_written(began, a) == "began"
    assert predicate_time(born, a).text == "on Monday"
    assert predicate_time(began, a).text == "on Monday"


def test_a_verb_with_no_frame_is_found_by_its_lemma_not_its_stem():
    """Bug fixed: with no frame, "is" was looked for by the stem of "be" and found in "to be
    nominated", so the date of the nomination dated the claim."""
    r = _ref("The end date is February 28, a date that allows time for a successor to be "
             "nominated in March.", predicate="be")
    end = _at(r, "February 28")
    claim = dataclasses.replace(r.claim, times=(end, _at(r, "in March")))
    assert predicate_time(claim, r.analysis) is end


def test_the_day_a_statement_was_made_does_not_date_what_it_tells():
    said = report("a1", ["The minister said on Thursday that she had ordered inspections."],
                  [C(0, subject="The minister", predicate="order",
                     times=(T("on Thursday", "weekday:thursday", dt.date(2026, 3, 12)),))])
    done = report("a2", ["The minister ordered inspections of the bridges on Wednesday."],
                  [C(0, subject="The minister", predicate="order",
                     times=(T("on Wednesday", "weekday:wednesday", dt.date(2026, 3, 11)),))])
    assert judge([said, done], [group("a1.c1", "a2.c1")], {}, S)[1] == []
    # near-miss: the day of the order itself, told differently, is a conflict
    other = report("a1", ["The minister ordered inspections of the bridges on Thursday."],
                   [C(0, subject="The minister", predicate="order",
                      times=(T("on Thursday", "weekday:thursday", dt.date(2026, 3, 12)),))])
    assert [x.kind for x in judge([other, done], [group("a1.c1", "a2.c1")], {}, S)[1]] == ["date"]


def test_clauses_break_at_marks_and_at_words_standing_alone():
    from newscheck.tokens import of_claim
    from newscheck.verdicts.time import clause_cuts

    r = _ref("Crews left at 12:01 a.m., and that's when the strike began because talks failed.")
    text = r.analysis.article.text
    cuts = [text[s:e] for s, e in clause_cuts(of_claim(r.analysis, r.claim))]
    # the comma breaks, "and" right after it does not again; "that's" and the clock's
    # colon break nothing; "when" and "because" open clauses
    assert cuts == [",", "when", "because"]
