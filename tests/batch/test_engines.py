"""The local and the Ray engine write the same reports; both find the stories ``analyze``
finds when blocking keeps them whole."""

from __future__ import annotations

import json

import pytest

from newscheck.batch.run import run_batch
from newscheck.batch.sink import open_sink
from newscheck.ingest.read import read_documents
from newscheck.registry import make_engine
from newscheck.settings import BatchSettings, IngestSettings, Settings

pytestmark = pytest.mark.slow

BASIL_SAMPLE = 18


def _corpus(path, *sources: tuple[str, int | None]) -> str:
    """The documents of each ``(input, how many)`` as one JSON Lines corpus at ``path``."""
    docs = []
    for source, limit in sources:
        docs += read_documents([source], IngestSettings())[0][:limit]
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(json.dumps({
            "title": d.title, "text": d.text, "outlet": d.outlet, "url": d.url,
            "published": d.published.isoformat() if d.published else None,
        }) + "\n" for d in docs)
    return str(path)


def _run(corpus: str, engine: str, out, settings: Settings) -> list[dict]:
    sink = open_sink(out, "jsonl")
    runner = make_engine(engine, settings)
    try:
        run_batch(corpus, sink, runner, settings)
    finally:
        runner.close()
        sink.close()
    reports = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for r in reports:
        del r["generated_at"]  # the time of writing is the only field that may differ
    return reports


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The examples, and the first BASIL-dev reports when ../shared/data is present."""
    from conftest import DATA, EXAMPLES

    sources = [(str(EXAMPLES), None)]
    basil = DATA / "basil_dev" / "basil_dev_documents.jsonl"
    if basil.exists():
        sources.append((str(basil), BASIL_SAMPLE))
    return _corpus(tmp_path_factory.mktemp("batch") / "sample.jsonl", *sources)


def test_the_local_and_the_ray_engine_write_the_same_reports(sample, tmp_path, capfd):
    ray = pytest.importorskip("ray", reason="the [ray] extra is not installed")
    # Chunks of 8: several chunks, so both actors of the pool work and order matters.
    settings = Settings(batch=BatchSettings(chunk_articles=8))
    local = _run(sample, "local", tmp_path / "local.jsonl", settings)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        distributed = _run(sample, "ray", tmp_path / "ray.jsonl", settings)
    finally:
        ray.shutdown()
    assert len(local) > 3
    assert distributed == local
    # Actors take nothing from the object store to their constructor, so Ray has no
    # restart to warn about (ray-project/ray#53727).
    assert "constructor arguments" not in capfd.readouterr().err
    assert any(len(s["articles"]) > 1 for r in local for s in r["stories"])


def test_a_batch_finds_the_story_analyze_finds_in_the_examples(tmp_path):
    from conftest import EXAMPLES

    from newscheck.context import Context
    from newscheck.pipeline import analyze

    corpus = _corpus(tmp_path / "examples.jsonl", (str(EXAMPLES), None))
    settings = Settings()
    reports = _run(corpus, "local", tmp_path / "out.jsonl", settings)
    batch_groups = sorted(sorted(s["articles"]) for r in reports for s in r["stories"])
    report = analyze([corpus], ctx=Context(settings=settings))
    assert batch_groups == sorted(sorted(s.articles) for s in report.stories)
    assert max(len(g) for g in batch_groups) >= 5
