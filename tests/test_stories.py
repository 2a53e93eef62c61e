"""Story grouping: same event together, similar but different events apart."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import numpy as np
import pytest
from helpers import make_article

from newscheck.engines.embed import HashingEmbedder
from newscheck.errors import SettingsError
from newscheck.model import Analysis, Entity, Sentence
from newscheck.registry import make_clusterer
from newscheck.settings import StorySettings, load_settings
from newscheck.stories import (
    AverageLinkage,
    ConnectedComponents,
    Similarity,
    candidate_pairs,
    entity_key,
    group_stories,
    story_id,
    time_tokens,
    word_tokens,
)


def grouped(items, settings: StorySettings) -> list[tuple[str, ...]]:
    """Group with the clusterer ``settings`` names, as the pipeline does."""
    return group_stories(items, settings, clusterer=make_clusterer(settings))

_SENT = re.compile(r"[^.!?\n]+[.!?]?")


def analysis(id: str, text: str, names: dict[str, str], *, title: str | None = None,
             published: dt.date | None = None, copy_of: str | None = None,
             vector: np.ndarray | None = None) -> Analysis:
    """An Analysis built by hand: naive sentences, the given entities, a hashed embedding."""
    art = make_article(text, id=id, title=title, published=published)
    art = dataclasses.replace(art, copy_of=copy_of)
    sents = []
    for m in _SENT.finditer(art.text):
        s, e = m.start(), m.end()
        while s < e and art.text[s].isspace():
            s += 1
        if s < e:
            sents.append(Sentence(article=id, index=len(sents), start=s, end=e,
                                  text=art.text[s:e], paragraph=0))
    ents = []
    for name, label in names.items():
        for m in re.finditer(re.escape(name), art.text):
            ents.append(Entity(text=name, label=label, start=m.start(), end=m.end()))
    ents.sort(key=lambda e: e.start)
    if vector is None and sents:
        vector = HashingEmbedder().embed([" ".join(s.text for s in sents[:5])])[0]
    return Analysis(article=art, sentences=tuple(sents), entities=tuple(ents), vector=vector)


QUAKE_A = (
    "A magnitude 6.4 earthquake struck the coastal province of Loreno on Tuesday, killing "
    "at least 31 people and leaving thousands homeless. Rescue teams in the town of Vastia "
    "searched collapsed buildings through the night. Governor Marco Ilves said the hospital "
    "in Vastia was overwhelmed."
)
QUAKE_A2 = (
    "Rescuers in Vastia pulled survivors from the rubble after Tuesday's 6.4 magnitude "
    "quake in Loreno province, where the death toll rose to 31. Governor Marco Ilves asked "
    "for field hospitals."
)
QUAKE_B = (
    "A magnitude 5.8 earthquake struck the mountain region of Karsk on Thursday, killing "
    "at least 12 people and damaging hundreds of homes. Rescue teams in the village of "
    "Doruna searched collapsed buildings through the night. Mayor Ilse Brandt said the "
    "clinic in Doruna was overwhelmed."
)
QUAKE_B2 = (
    "In Doruna, villagers spent a cold night outdoors after Thursday's 5.8 magnitude quake "
    "in the Karsk mountains killed 12 people. Mayor Ilse Brandt said aid was arriving."
)
QUAKE_NAMES = {"Loreno": "GPE", "Vastia": "GPE", "Marco Ilves": "PERSON", "Ilves": "PERSON",
               "Karsk": "GPE", "Doruna": "GPE", "Ilse Brandt": "PERSON"}


def quakes() -> list[Analysis]:
    day = dt.date(2026, 3, 10)
    return [
        analysis("a1", QUAKE_A, QUAKE_NAMES, published=day),
        analysis("b1", QUAKE_B, QUAKE_NAMES, published=day + dt.timedelta(days=2)),
        analysis("a2", QUAKE_A2, QUAKE_NAMES, published=day + dt.timedelta(days=1)),
        analysis("b2", QUAKE_B2, QUAKE_NAMES, published=day + dt.timedelta(days=2)),
    ]


def test_entity_keys_match_surnames_and_drop_articles():
    assert entity_key("Marco Ilves", "PERSON") == entity_key("Ilves", "PERSON")
    assert entity_key("the Harbour Authority's", "ORG") == entity_key("Harbour Authority", "ORG")
    assert entity_key("Loreno", "GPE") != entity_key("Loreno", "ORG")


def test_time_tokens_read_numbers_and_dates():
    tokens = time_tokens("On March 14, 1,200 workers joined; a 6.4 quake hit on Mar. 3.")
    assert {"d:mar-14", "d:mar-3", "n:1200", "n:6.4"} <= set(tokens)


def test_two_earthquakes_in_one_week_stay_apart():
    assert grouped(quakes(), StorySettings()) == [("a1", "a2"), ("b1", "b2")]


def test_same_wording_with_different_places_is_not_enough():
    # Without the names and numbers the two quakes read much alike: only the embedding
    # and words would decide, and the combined score must still keep them apart.
    settings = StorySettings()
    sim = Similarity.build(quakes(), settings)
    scores = sim.block(np.arange(4), np.arange(4))
    assert scores[0, 2] > settings.threshold > scores[0, 1]
    assert scores[1, 3] > settings.threshold > scores[2, 3]


def test_copy_joins_its_originals_story_whatever_it_says():
    items = quakes() + [
        analysis("c", "Completely different words about gardening and tomatoes.", {},
                 copy_of="b2"),
    ]
    assert grouped(items, StorySettings()) == [("a1", "a2"), ("b1", "b2", "c")]


def test_copy_chain_and_missing_original():
    items = quakes() + [
        analysis("c1", "Gardening tips.", {}, copy_of="a2"),
        analysis("c2", "More gardening tips.", {}, copy_of="c1"),
        analysis("c3", "Baking bread at home.", {}, copy_of="not-in-input"),
    ]
    stories = grouped(items, StorySettings())
    assert stories == [("a1", "a2", "c1", "c2"), ("b1", "b2"), ("c3",)]


def test_empty_article_stands_alone():
    empty = Analysis(article=make_article("", id="e"), vector=None)
    items = [empty] + quakes()
    assert grouped(items, StorySettings()) == [("e",), ("a1", "a2"), ("b1", "b2")]


def test_order_follows_input():
    items = quakes()
    items = [items[3], items[0], items[1], items[2]]  # b2, a1, b1, a2
    assert grouped(items, StorySettings()) == [("b2", "b1"), ("a1", "a2")]


def test_story_ids_do_not_change_with_the_order_of_the_inputs():
    items = quakes()

    def ids_by_members(order):
        groups = grouped([items[n] for n in order], StorySettings())
        assert all(len(g) == 2 for g in groups)  # stories of several reports: order matters
        return {frozenset(g): story_id(g) for g in groups}

    first = ids_by_members([0, 1, 2, 3])  # a1, b1, a2, b2
    assert ids_by_members([2, 3, 0, 1]) == first  # a2, b2, a1, b1
    assert ids_by_members([3, 2, 1, 0]) == first
    assert len(set(first.values())) == 2 and all(re.fullmatch(r"s[0-9a-f]{10}", i)
                                                 for i in first.values())  # fmt: skip


def _unit(*v: float) -> np.ndarray:
    a = np.asarray(v, dtype=np.float32)
    return a / np.linalg.norm(a)


def test_average_linkage_does_not_chain_but_components_do():
    # a~b and b~c are close, a and c are not: one strong link must not chain a to c.
    vectors = [_unit(1, 0, 0), _unit(1, 1, 0), _unit(0, 1, 0)]
    items = [analysis(x, "Word.", {}, vector=v) for x, v in zip("abc", vectors)]
    only_embedding = StorySettings(threshold=0.6, embedding_weight=1.0, entity_weight=0.0,
                                   date_weight=0.0, word_weight=0.0, conflict_weight=0.0)
    sim = Similarity.build(items, only_embedding)
    i, j = candidate_pairs(sim, only_embedding)
    scores = sim.pairs(i, j)
    avg = sorted(map(sorted, AverageLinkage().cluster(sim, i, j, scores, 0.6)))
    comp = sorted(map(sorted, ConnectedComponents().cluster(sim, i, j, scores, 0.6)))
    assert comp == [[0, 1, 2]]
    assert avg in ([[0, 1], [2]], [[0], [1, 2]])
    by_name = grouped(items, dataclasses.replace(only_embedding, clusterer="components"))
    assert by_name == [("a", "b", "c")]


def test_unknown_clusterer_is_a_settings_error():
    with pytest.raises(SettingsError, match="unknown clusterer"):
        make_clusterer(StorySettings(clusterer="kmeans"))


def test_candidates_are_not_all_pairs():
    rng = np.random.default_rng(7)
    items = [analysis(f"r{n}", "Word.", {}, vector=_unit(*rng.normal(size=16)))
             for n in range(120)]
    settings = StorySettings(neighbours=4)
    i, j = candidate_pairs(Similarity.build(items, settings), settings)
    assert len(i) <= 120 * 4
    assert np.all(i < j)


def test_deterministic():
    items = quakes()
    assert grouped(items, StorySettings()) == grouped(items, StorySettings())


# --------------------------------------------------------------------------- real models

MEETING_LONG = (
    "Finance ministers of the Nordhaven Council met in Talvik on Monday and agreed to "
    "raise the shared fisheries fund to 240 million crowns.\n\n"
    "The chair of the meeting, Finance Minister Oskar Lind, said the increase would pay "
    "for new patrol boats and for compensation to coastal towns hit by falling catches. "
    "Delegates from the five member states argued for most of the afternoon over how the "
    "money should be divided.\n\n"
    "Lind told reporters that the council would review the fund again in the autumn. "
    "Fishermen's associations, who had asked for 300 million, said the deal was a start "
    "but not enough. The next meeting of the ministers is planned for Talvik in October."
)
MEETING_SHORT = (
    "Nordhaven Council ministers meeting in Talvik agreed on Monday to lift the fisheries "
    "fund to 240 million crowns, chair Oskar Lind said."
)
QUAKE_ONE = (
    "A strong earthquake of magnitude 6.2 shook the island of Maresta early on Wednesday, "
    "killing at least 18 people and bringing down houses in the port town of Celvo.\n\n"
    "Emergency services in Celvo said dozens were injured. Island governor Petra Vane "
    "asked the army to help clear blocked roads."
)
QUAKE_TWO = (
    "A strong earthquake of magnitude 5.6 shook the highland district of Umbra on Friday, "
    "killing at least seven people and bringing down houses in the market town of "
    "Hollin.\n\nEmergency services in Hollin said dozens were injured. District chief "
    "Arvid Roos asked the army to help clear blocked roads."
)


@pytest.mark.slow
def test_real_models_meeting_merges_and_quakes_stay_apart(ctx):
    from newscheck.extract.stage import entities_of, sentences_of

    week = dt.date(2026, 5, 4)
    texts = [
        ("q1", QUAKE_ONE, "Quake kills 18 on Maresta", week + dt.timedelta(days=2)),
        ("m1", MEETING_LONG, "Nordhaven ministers lift fisheries fund", week),
        ("q2", QUAKE_TWO, "Quake in Umbra kills seven", week + dt.timedelta(days=4)),
        ("m2", MEETING_SHORT, None, week),
    ]
    items = []
    for id, body, title, day in texts:
        art = make_article(body, id=id, title=title, published=day)
        doc = ctx.nlp(art.text)
        sents = sentences_of(art, doc)
        vecs = ctx.embedder.embed([s.text for s in sents])
        head = vecs[:5].mean(axis=0)
        items.append(Analysis(article=art, sentences=sents, entities=entities_of(doc),
                              vector=head / np.linalg.norm(head), sentence_vectors=vecs))
    assert grouped(items, StorySettings()) == [("q1",), ("m1", "m2"), ("q2",)]
    # The two quakes do read alike: it is names and numbers that keep them apart.
    assert float(items[0].vector @ items[2].vector) > 0.6


def test_lone_report_joins_a_close_story_only_within_the_margin():
    vectors = [_unit(1, 0, 0), _unit(1, 0.1, 0), _unit(0.25, 0, 0.968)]
    items = [analysis(x, "Word.", {}, vector=v) for x, v in zip("abc", vectors)]
    only_embedding = StorySettings(threshold=0.3, embedding_weight=1.0, entity_weight=0.0,
                                   date_weight=0.0, word_weight=0.0, conflict_weight=0.0,
                                   attach_margin=0.1)
    assert grouped(items, only_embedding) == [("a", "b", "c")]
    strict = dataclasses.replace(only_embedding, attach_margin=0.0)
    assert grouped(items, strict) == [("a", "b"), ("c",)]


@pytest.mark.slow
@pytest.mark.data
def test_quality_gate_on_ecbplus_topics(data_dir, monkeypatch):
    """Pinned floors on real data: a change that loses clustering quality fails here.

    Topics 1-5 (measured B3 F1 0.969 with the defaults) and three topics whose two
    events sit close together (12, 16, 24: measured B3 precision 0.943 on them together),
    where a looser grouping merges the two events: with the story threshold lowered from
    0.30 to 0.25 their precision falls to 0.592 and this gate fails, while topics 1-5
    alone would score higher.
    """
    from conftest import ROOT

    monkeypatch.syspath_prepend(str(ROOT))
    from benchmarks.bench_stories import evaluate

    result = evaluate(5)
    assert result["docs"] > 100
    assert result["b3_f1"] >= 0.93
    assert result["b3_p"] >= 0.95
    hard = evaluate([12, 16, 24])
    assert hard["b3_p"] >= HARD_TOPICS_PRECISION, hard


HARD_TOPICS_PRECISION = 0.9


def test_refinement_moves_reports_to_the_story_they_fit_and_leaves_close_calls():
    # 0, 1, 2 alike and 3, 4 alike, but linkage left 2 and 3 in the wrong groups.
    vectors = [_unit(1, 0, 0), _unit(1, 0.1, 0), _unit(1, 0, 0.1), _unit(0, 1, 0),
               _unit(0.1, 1, 0)]
    items = [analysis(x, "Word.", {}, vector=v) for x, v in zip("abcde", vectors)]
    only_embedding = StorySettings(threshold=0.6, embedding_weight=1.0, entity_weight=0.0,
                                   date_weight=0.0, word_weight=0.0, conflict_weight=0.0)
    sim = Similarity.build(items, only_embedding)
    i, j = candidate_pairs(sim, only_embedding)
    moved = AverageLinkage()._refine(sim, i, j, 0.6, [[0, 1, 3], [2, 4]])
    assert sorted(map(sorted, moved)) == [[0, 1, 2], [3, 4]]
    # A report between two stories, barely closer to the other one, stays where it is.
    between = [_unit(1, 0, 0), _unit(1, 0.05, 0), _unit(1, 1.04, 0), _unit(0, 1, 0)]
    items = [analysis(x, "Word.", {}, vector=v) for x, v in zip("abcd", between)]
    sim = Similarity.build(items, dataclasses.replace(only_embedding, threshold=0.5))
    i, j = candidate_pairs(sim, only_embedding)
    kept = AverageLinkage()._refine(sim, i, j, 0.5, [[0, 1, 2], [3]])
    assert sorted(map(sorted, kept)) == [[0, 1, 2], [3]]


# --------------------------------------------------------------------------- fast paths

_PLACES = ["Loreno", "Vastia", "Karsk", "Doruna", "Pellam", "Orvik"]
_PEOPLE = ["Marco Ilves", "Ilse Brandt", "Tomas Very", "Ana Ruiz"]


def _random_reports(seed: int, n: int) -> list[Analysis]:
    """Reports on a few topics with random names, numbers, dates and nearby vectors."""
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((4, 16)).astype(np.float32)
    names = {p: "GPE" for p in _PLACES} | {p: "PERSON" for p in _PEOPLE}
    out = []
    for k in range(n):
        topic = int(rng.integers(4))
        place, person = _PLACES[topic + int(rng.integers(2))], _PEOPLE[topic]
        text = (f"{person} spoke in {place} on March {int(rng.integers(1, 5))}. "
                f"About {int(rng.integers(10, 13))} homes were damaged near {place}.")
        vector = _unit(*(centres[topic] + rng.normal(0, 0.6, 16)))
        day = dt.date(2026, 3, 1) + dt.timedelta(days=int(rng.integers(3)))
        out.append(analysis(f"r{k}", text, names, vector=vector,
                            published=day if rng.random() < 0.8 else None))
    return out


def _slow_attach(sim, groups, threshold):
    """The attach step scored one group pair at a time with ``Similarity.block``."""
    n_groups = len(groups)
    label = {x: n for n, g in enumerate(groups) for x in g}
    i, j = candidate_pairs(sim, sim.settings)
    near: dict[int, set[int]] = {n: set() for n in range(n_groups)}
    for a, b in zip(i.tolist(), j.tolist()):
        if label[a] != label[b]:
            near[label[a]].add(label[b])
            near[label[b]].add(label[a])
    moved, grown = {}, set()
    for n in sorted((n for n, g in enumerate(groups) if len(g) <= 3),
                    key=lambda n: (len(groups[n]), n)):
        if n in grown:
            continue
        best, best_link = -1, threshold - sim.settings.attach_margin
        for m in sorted(near[n]):
            if m in moved or len(groups[m]) <= len(groups[n]):
                continue
            link = float(sim.block(np.asarray(groups[n]), np.asarray(groups[m])).mean())
            if link >= best_link:
                best, best_link = m, link
        if best >= 0:
            moved[n] = best
            grown.add(best)
            groups[best] = sorted(groups[best] + groups[n])
    return [g for n, g in enumerate(groups) if n not in moved]


def _slow_refine_fit(sim, x, members):
    return float(sim.block(np.asarray([x]), np.asarray(members)).mean())


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_vectorised_scoring_matches_the_block_scores(seed):
    items = _random_reports(seed, 30)
    sim = Similarity.build(items, StorySettings())
    full = sim.block(np.arange(30), np.arange(30))
    i, j = np.triu_indices(30, 1)
    # Both the small-batch path and the scipy path of ``pairs`` agree with ``block``.
    assert np.allclose(sim.pairs(i, j), full[i, j], rtol=0, atol=1e-6)
    assert np.allclose(sim.pairs(i[:5], j[:5]), full[i[:5], j[:5]], rtol=0, atol=1e-6)
    from newscheck import stories

    big = np.tile(i, stories.SMALL_BATCH // len(i) + 1), np.tile(j, stories.SMALL_BATCH // len(i) + 1)
    assert len(big[0]) > stories.SMALL_BATCH
    assert np.allclose(sim.pairs(*big)[: len(i)], full[i, j], rtol=0, atol=1e-6)


@pytest.mark.parametrize("seed", [4, 5, 6, 7])
def test_vectorised_attach_and_refine_match_the_pair_by_pair_definition(seed):
    rng = np.random.default_rng(seed)
    items = _random_reports(seed, 40)
    settings = StorySettings(neighbours=6, attach_margin=0.15)
    sim = Similarity.build(items, settings)
    # A random partition with many small groups, some large ones.
    cuts = np.sort(rng.choice(np.arange(1, 40), size=14, replace=False))
    groups = [g.tolist() for g in np.split(rng.permutation(40), cuts)]
    i, j = candidate_pairs(sim, settings)
    scores = sim.pairs(i, j)
    for threshold in (0.25, 0.35, 0.45):
        fast = AverageLinkage()._attach_strays(sim, i, j, scores, threshold,
                                              [list(g) for g in groups])
        slow = _slow_attach(sim, [list(g) for g in groups], threshold)
        assert sorted(map(sorted, fast)) == sorted(map(sorted, slow))
    # The refinement's fits, computed in one pass, equal the one-report-at-a-time means.
    from newscheck.stories import _report_story_sums

    label = np.empty(40, dtype=np.int64)
    for c, g in enumerate(groups):
        label[g] = c
    x = np.repeat(np.arange(40), len(groups))
    c = np.tile(np.arange(len(groups)), 40)
    sums = _report_story_sums(sim, label, x, c)
    for k in range(len(x)):
        rest = [y for y in groups[c[k]] if y != x[k]]
        if rest:
            count = len(rest)
            assert sums[k] / count == pytest.approx(_slow_refine_fit(sim, x[k], rest), abs=1e-6)
        else:
            assert sums[k] == 0.0


def test_two_tight_stories_of_one_topic_stay_apart_but_a_lone_report_still_joins():
    # a1~a2 and b1~b2 are near copies (0.98); across, every pair reads alike at 0.50,
    # above the threshold: two events of one topic, not one event
    vectors = {"a1": _unit(1, 0, 0, 0.1), "a2": _unit(1, 0, 0, -0.1),
               "b1": _unit(0.5, 0.866, 0.1, 0), "b2": _unit(0.5, 0.866, -0.1, 0)}
    items = [analysis(x, "Word.", {}, vector=v) for x, v in vectors.items()]
    only_embedding = StorySettings(threshold=0.3, embedding_weight=1.0, entity_weight=0.0,
                                   date_weight=0.0, word_weight=0.0, conflict_weight=0.0,
                                   attach_margin=0.0, cohesion_ratio=0.75)
    assert grouped(items, only_embedding) == [("a1", "a2"), ("b1", "b2")]
    # the rule is about two formed stories: one report as close to a1, a2 joins them
    lone = analysis("c", "Word.", {}, vector=_unit(0.5, 0.866, 0, 0))
    assert grouped(items[:2] + [lone], only_embedding) == [("a1", "a2", "c")]
    # with the rule off, the two pairs merge on their cross similarity alone
    off = dataclasses.replace(only_embedding, cohesion_ratio=0.0)
    assert grouped(items, off) == [("a1", "a2", "b1", "b2")]


def test_entity_label_weights_come_from_the_settings(tmp_path):
    # Two reports that share only a nationality: it links them less when a settings file
    # weighs nationalities at zero (other labels keep their weights).
    text_a = "Danish rescuers reached Vastia on Tuesday after the flood."
    text_b = "Danish engineers inspected the dam in Karsk on Friday."
    names = {"Danish": "NORP", "Vastia": "GPE", "Karsk": "GPE"}
    reports = [analysis("a", text_a, names), analysis("b", text_b, names)]
    (tmp_path / "s.toml").write_text("[stories.label_weights]\nNORP = 0\n")
    settings = load_settings(tmp_path / "s.toml").stories
    assert settings.label_weights["NORP"] == 0 and settings.label_weights["GPE"] == 1.0
    pair = (np.array([0]), np.array([1]))
    default = Similarity.build(reports, StorySettings()).block(*pair)[0, 0]
    weighed = Similarity.build(reports, settings).block(*pair)[0, 0]
    assert default > weighed


def test_word_tokens_drop_the_broad_stop_words():
    assert word_tokens("Several former officials made the first offer") == ["officials", "offer"]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("[stories]\nlabel_weights = 3\n", "'stories.label_weights' is a table"),
        ("[stories.label_weights]\nNORP = -1\n", "'stories.label_weights.NORP' must be at least 0"),
        ('[stories.label_weights]\nNORP = "low"\n', "'stories.label_weights.NORP' must be float"),
    ],
)
def test_a_wrong_label_weight_is_a_settings_error_naming_it(tmp_path, toml, message):
    (tmp_path / "s.toml").write_text(toml)
    with pytest.raises(SettingsError, match=message):
        load_settings(tmp_path / "s.toml")
