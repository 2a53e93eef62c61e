"""``newscheck batch``: the stages of ``analyze`` over a corpus too large for one report.

The corpus streams through in two halves around blocking, so no step compares all pairs
and no process holds the corpus:

    corpus (.jsonl | .parquet) ─► chunks (source.py) ─► map: read, clean, extract, lead
    embeddings (work.analyze_chunk), analyses spilled to disk (spill.py)
        ─► blocking on the driver (blocking.py): reports whose leads share a name within a
           time window; one row per report, on disk
        ─► per block: copies, stories (stories.group_stories), cross-check per story
           (work.cross_check_block) ─► one report per story, written as it comes (sink.py)

An engine (:class:`~newscheck.batch.run.Engine`) decides only where the tasks run:
``local`` (this process) or ``ray`` (Ray Data map stages, the ``[ray]`` extra), chosen
by name in :data:`newscheck.registry.ENGINES`. Both run the same task functions on the same chunks
and blocks, so they write the same reports in the same order. :func:`run.run_batch` is
the entry point.
"""
