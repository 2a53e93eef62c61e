"""The Ray engine: the tasks of a batch as Ray Data map stages, on a local or remote cluster.

Two datasets run one after the other, each a ``map_batches`` over an actor pool of
``batch.workers`` actors (one CPU each) that load the models once:

1. the chunk descriptions (:class:`~newscheck.batch.source.Chunk`, a few numbers each),
   mapped by :func:`~newscheck.batch.work.analyze_chunk`;
2. runs of ``batch.blocks_per_task`` block numbers, each block mapped by
   :func:`~newscheck.batch.work.cross_check_block`.

Results come back in input order (``preserve_order``) and are written as they arrive, so
the reports are those of the local engine, in the same order. Tasks exchange files, not
objects: every worker must see the work folder (on one machine any folder; on a cluster,
shared storage) and the corpus file, and run the same version of newscheck.

``ray`` is the optional extra ``[ray]``, imported only when this engine is chosen.
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterable, Iterator

import numpy as np

from ..context import Context
from ..errors import NewscheckError, NotInstalledError
from ..model import Report
from ..settings import Settings
from .source import Chunk
from .work import ChunkResult, Workspace, analyze_chunk, cross_check_block, open_index


def _ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise NotInstalledError("ray", "ray") from None
    return ray


class RayEngine:
    """Runs the tasks of a batch on Ray: the cluster at ``address``, or a local one of
    ``settings.batch.workers`` CPUs (a Ray already started in this process is used as is)."""

    def __init__(self, settings: Settings, address: str | None = None) -> None:
        ray = _ray()
        self.workers = settings.batch.workers
        self.blocks_per_task = settings.batch.blocks_per_task
        self._started = not ray.is_initialized()
        if self._started:
            try:
                ray.init(
                    address=address,
                    num_cpus=None if address else self.workers,
                    include_dashboard=False,
                    logging_level=logging.ERROR,
                    log_to_driver=False,
                )
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = f"the Ray cluster at {address}" if address else "a local Ray"
                raise NewscheckError(
                    f"cannot start or join {where}: {exc}; check --address (or start one "
                    "with `ray start --head`)"
                ) from None
        data = ray.data.DataContext.get_current()
        data.execution_options.preserve_order = True
        data.enable_progress_bars = False
        # Ray Data logs each dataset's plan to the terminal; the command prints a summary.
        logging.getLogger("ray.data").setLevel(logging.ERROR)

    def analyze_chunks(self, chunks: Iterable[Chunk], work: Workspace) -> Iterator[ChunkResult]:
        ray = _ray()
        items = [{"chunk": pickle.dumps(c)} for c in chunks]
        if not items:
            return
        ds = self._map(ray, items, _ChunkTask, work)
        for row in ds.iter_rows():
            yield pickle.loads(row["result"])

    def cross_check(self, blocks: int, work: Workspace) -> Iterator[list[Report]]:
        ray = _ray()
        if not blocks:
            return
        # Runs of block numbers held by the driver (a read task would wait for a CPU the
        # actors hold).
        step = self.blocks_per_task
        items = [{"first": b, "stop": min(blocks, b + step)} for b in range(0, blocks, step)]
        ds = self._map(ray, items, _BlockTask, work)
        for row in ds.iter_rows():
            yield from pickle.loads(row["result"])

    def _map(self, ray, items: list[dict], task: type, work: Workspace):
        """``task`` over ``items``, one item per call and per Ray block (so every actor of
        the pool gets work), on ``batch.workers`` actors of one CPU each."""
        return ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            task, fn_constructor_kwargs={"work": work}, batch_size=1, num_cpus=1,
            compute=ray.data.ActorPoolStrategy(size=min(self.workers, len(items))),
        )

    def close(self) -> None:
        """Stop the local cluster this engine started (one it was given keeps running)."""
        if self._started:
            _ray().shutdown()


class _ChunkTask:
    """An actor of the map stage: one context (models loaded once) per worker."""

    def __init__(self, work: Workspace) -> None:
        self.work = work
        self.ctx = Context(settings=work.settings)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[bytes]]:
        results = [
            analyze_chunk(pickle.loads(c), self.ctx, self.work.spill)
            for c in batch["chunk"]
        ]
        return {"result": [pickle.dumps(r) for r in results]}


class _BlockTask:
    """An actor of the cross-check stage: reads blocks from the index, one context."""

    def __init__(self, work: Workspace) -> None:
        self.work = work
        self.ctx = Context(settings=work.settings)
        self.index = open_index(work, readonly=True)

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[bytes]]:
        out = [
            [
                cross_check_block(self.index.members(b), self.ctx, self.work.spill)
                for b in range(int(first), int(stop))
            ]
            for first, stop in zip(batch["first"], batch["stop"], strict=True)
        ]
        return {"result": [pickle.dumps(r) for r in out]}
