"""Following the news: reports added to a store over time, and their stories kept current.

- :mod:`.ingest`: reports in, as versions (content hash); stories cross-checked again;
- :mod:`.assign`: which story a new report joins (ANN over story vectors, in a time
  window; the decision is :mod:`newscheck.stories`');
- :mod:`.cache`: the per-article extraction kept so that a story is rebuilt without
  parsing its reports again;
- :mod:`.diff`: what changed between two versions of a story;
- :mod:`.watch`: feeds polled with conditional requests, their new items ingested.

The tables are in :mod:`newscheck.store.follow`; the commands (``ingest``, ``stories``,
``show STORY``, ``diff``, ``watch``) in :mod:`newscheck.cli.follow`.
"""
