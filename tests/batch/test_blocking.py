"""Blocking: reports meet only when their leads name one person, body or place within the
time window; a name every report carries joins nobody."""

from __future__ import annotations

import dataclasses
import datetime as dt

from newscheck.batch.blocking import BlockIndex, Entry, block_keys
from newscheck.model import Analysis, Article, Entity, Sentence
from newscheck.settings import BatchSettings, StorySettings

DAY = dt.date(2024, 3, 14)


def lead(aid: str, text: str, names: dict[str, str], published=DAY) -> Analysis:
    """A one-sentence report whose entities are ``names`` ({text: label}) where they stand."""
    article = Article(id=aid, input=f"{aid}.txt", text=text, published=published,
                      words=len(text.split()))
    entities = tuple(
        Entity(text=name, label=label, start=text.index(name), end=text.index(name) + len(name))
        for name, label in names.items()
    )
    sentence = Sentence(article=aid, index=0, start=0, end=len(text), text=text, paragraph=0)
    return Analysis(article=article, sentences=(sentence,), entities=entities)


def blocks_of(analyses, settings=BatchSettings(), tmp_path=None) -> list[set[str]]:
    index = BlockIndex(tmp_path / "blocks.sqlite", settings)
    keys = [Entry(id=a.article.id, input=a.article.input,
                  keys=block_keys(a, StorySettings(), settings)) for a in analyses]
    index.add(0, keys)
    n = index.form_blocks()
    out = [{m.id for m in index.members(b)} for b in range(n)]
    index.close()
    return out


def test_reports_of_one_event_meet_under_any_spelling_of_a_name(tmp_path):
    a = lead("a", "Mayor Ana Ruiz closed the Harlan bridge on Monday.",
             {"Ana Ruiz": "PERSON", "Harlan": "GPE"})
    b = lead("b", "Ruiz ordered the bridge shut after the storm.", {"Ruiz": "PERSON"},
             published=DAY + dt.timedelta(days=1))
    assert blocks_of([a, b], tmp_path=tmp_path) == [{"a", "b"}]


def test_reports_that_share_no_name_never_meet(tmp_path):
    a = lead("a", "Mayor Ana Ruiz closed the Harlan bridge.", {"Ana Ruiz": "PERSON"})
    b = lead("b", "The Westport council raised parking fees.", {"Westport": "GPE"})
    alone = lead("c", "A storm is coming, forecasters said.", {})
    assert blocks_of([a, b, alone], tmp_path=tmp_path) == [{"a"}, {"b"}, {"c"}]


def test_a_chain_of_shared_names_makes_one_block(tmp_path):
    a = lead("a", "Ana Ruiz met the Harlan council.", {"Ana Ruiz": "PERSON", "Harlan": "GPE"})
    b = lead("b", "The Harlan council met Tom Lee.", {"Harlan": "GPE", "Tom Lee": "PERSON"})
    c = lead("c", "Tom Lee left early.", {"Tom Lee": "PERSON"})
    assert blocks_of([a, b, c], tmp_path=tmp_path) == [{"a", "b", "c"}]


def test_a_name_meets_itself_only_within_the_time_window(tmp_path):
    settings = BatchSettings(window_days=3)
    a = lead("a", "Ana Ruiz closed the bridge.", {"Ana Ruiz": "PERSON"})
    later = lead("b", "Ana Ruiz opened the bridge.", {"Ana Ruiz": "PERSON"},
                 published=DAY + dt.timedelta(days=30))
    assert blocks_of([a, later], settings, tmp_path) == [{"a"}, {"b"}]


def test_an_undated_report_joins_the_dated_block_it_shares_most_names_with(tmp_path):
    a = lead("a", "Ana Ruiz closed the bridge.", {"Ana Ruiz": "PERSON"})
    b = lead("b", "Tom Lee won in Westport.", {"Tom Lee": "PERSON", "Westport": "GPE"})
    undated = lead("c", "Ruiz, Lee and Westport.", {"Ruiz": "PERSON", "Lee": "PERSON",
                                                    "Westport": "GPE"}, published=None)
    # it joins one block and does not chain the two together
    assert blocks_of([a, b, undated], tmp_path=tmp_path) == [{"a"}, {"b", "c"}]


def test_undated_reports_that_share_no_dated_name_meet_each_other(tmp_path):
    a = lead("a", "Ana Ruiz closed the bridge.", {"Ana Ruiz": "PERSON"})
    c = lead("c", "Tom Lee won.", {"Tom Lee": "PERSON"}, published=None)
    d = lead("d", "Lee celebrated.", {"Lee": "PERSON"}, published=None)
    assert blocks_of([a, c, d], tmp_path=tmp_path) == [{"a"}, {"c", "d"}]


def test_two_reports_days_apart_across_a_bucket_edge_still_meet():
    settings = BatchSettings(window_days=3)
    a = lead("a", "Ana Ruiz closed the bridge.", {"Ana Ruiz": "PERSON"})
    for gap in range(settings.window_days + 1):
        b = lead("b", "Ana Ruiz reopened it.", {"Ana Ruiz": "PERSON"},
                 published=DAY + dt.timedelta(days=gap))
        shared = set(block_keys(a, StorySettings(), settings)) & set(
            block_keys(b, StorySettings(), settings))
        assert shared, gap


def test_only_names_in_the_lead_count():
    parts = ["Ana Ruiz closed the bridge."] + ["Nothing else happened."] * 6 + ["Tom Lee was away."]
    text = " ".join(parts)
    sentences, start = [], 0
    for n, part in enumerate(parts):
        sentences.append(Sentence(article="a", index=n, start=start, end=start + len(part),
                                  text=part, paragraph=0))
        start += len(part) + 1
    a = dataclasses.replace(lead("a", text, {"Ana Ruiz": "PERSON", "Tom Lee": "PERSON"}),
                            sentences=tuple(sentences))
    keys = block_keys(a, StorySettings(lead_sentences=5), BatchSettings())
    assert any(k.startswith("p:ruiz@") for k in keys)
    assert not any(k.startswith("p:lee@") for k in keys)


def test_a_name_too_many_reports_carry_joins_nobody(tmp_path):
    settings = BatchSettings(key_max_reports=3)
    common = [lead(f"r{n}", f"Police in Harlan reported case {n}.", {"Harlan": "GPE"})
              for n in range(4)]
    assert blocks_of(common, settings, tmp_path) == [{f"r{n}"} for n in range(4)]


def test_blocks_are_numbered_by_their_first_report_and_keep_input_order(tmp_path):
    a = lead("a", "Ana Ruiz closed the bridge.", {"Ana Ruiz": "PERSON"})
    b = lead("b", "Tom Lee won the race.", {"Tom Lee": "PERSON"})
    c = lead("c", "Ruiz reopened the bridge.", {"Ruiz": "PERSON"})
    assert blocks_of([a, b, c], tmp_path=tmp_path) == [{"a", "c"}, {"b"}]


def test_a_report_met_again_in_a_later_chunk_is_skipped_naming_the_first(tmp_path):
    index = BlockIndex(tmp_path / "blocks.sqlite", BatchSettings())
    assert index.add(0, [Entry(id="a1", input="corpus.jsonl#1", keys=("p:ruiz@1",))]) == []
    again = index.add(1, [Entry(id="a1", input="corpus.jsonl#90", keys=("p:ruiz@1",)),
                          Entry(id="a2", input="corpus.jsonl#91", keys=())])
    assert [(s.input, s.reason) for s in again] == [
        ("corpus.jsonl#90", "the same report as corpus.jsonl#1")
    ]
    assert index.form_blocks() == 2
    assert [m.chunk for m in index.members(0)] == [0]
    index.close()


def test_a_block_stops_growing_at_its_largest_size_and_the_rarest_names_join_first(tmp_path):
    settings = BatchSettings(max_block_reports=3)
    # "Harlan" is carried by all four; "Ruiz" by the first two, "Lee" by the last two
    a = lead("a", "Ana Ruiz in Harlan.", {"Ana Ruiz": "PERSON", "Harlan": "GPE"})
    b = lead("b", "Ruiz in Harlan.", {"Ruiz": "PERSON", "Harlan": "GPE"})
    c = lead("c", "Tom Lee in Harlan.", {"Tom Lee": "PERSON", "Harlan": "GPE"})
    d = lead("d", "Lee in Harlan.", {"Lee": "PERSON", "Harlan": "GPE"})
    assert blocks_of([a, b, c, d], settings, tmp_path) == [{"a", "b"}, {"c", "d"}]
