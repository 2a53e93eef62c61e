"""The Ray engine: the tasks of a batch as Ray Data map stages, on a local or remote cluster.

Two datasets run one after the other, each a ``map_batches`` over at most
``batch.workers`` tasks at a time (one CPU each):

1. the chunk descriptions (:class:`~newscheck.batch.source.Chunk`, a few numbers each),
   mapped by :func:`~newscheck.batch.work.analyze_chunk`;
2. runs of ``batch.blocks_per_task`` block numbers, each block mapped by
   :func:`~newscheck.batch.work.cross_check_block`.

Results come back in input order (``preserve_order``) and are written as they arrive, so
the reports are those of the local engine, in the same order. Tasks exchange files, not
objects: every worker must see the work folder (on one machine any folder; on a cluster,
shared storage) and the corpus file, and run the same version of newscheck.

The stages are tasks, not actors: a Ray worker process keeps the models it loaded for a
batch (:func:`_context`) and serves every later task of that batch, as an actor would,
while a task whose worker dies is simply run again. (Ray Data's actor pools pass their own
objects to each actor's constructor by reference, which makes Ray warn that a restarted
actor may fail to start: ray-project/ray#53727.)

A cluster named by ``--address`` must answer before Ray is asked to join it: Ray retries
a dead address for minutes, so :func:`check_address` first opens a plain TCP connection
within ``batch.connect_timeout`` seconds and fails with a reason when nothing accepts it.

``ray`` is the optional extra ``[ray]``, imported only when this engine is chosen.
"""

from __future__ import annotations

import logging
import os
import pickle
import socket
from collections.abc import Iterable, Iterator

from ..context import Context
from ..errors import NewscheckError, NotInstalledError
from ..model import Report
from ..settings import Settings
from .blocking import BlockIndex
from .source import Chunk
from .work import ChunkResult, Workspace, analyze_chunk, cross_check_block, open_index


def _ray():
    try:
        import ray
        import ray.data
    except ImportError:
        raise NotInstalledError("ray", "ray") from None
    return ray


def check_address(address: str, timeout: float) -> None:
    """Fail unless something accepts a TCP connection at the Ray cluster ``address``.

    ``address`` is ``host:port``, ``ray://host:port`` (a Ray client server) or ``auto``
    (resolved as Ray resolves it: ``RAY_ADDRESS``, else the cluster ``ray start`` recorded
    on this machine, which may be stale). ``local`` and other schemes are left to Ray.

    Args:
        address: The address given to ``newscheck batch --address``.
        timeout: Seconds to wait for the connection (``batch.connect_timeout``).

    Raises:
        NewscheckError: the address is malformed, ``auto`` finds no cluster, or nothing
            accepts a connection at it within ``timeout``.
    """
    if address == "local" or ("://" in address and not address.startswith("ray://")):
        return
    where = _resolve_auto() if address == "auto" else address.removeprefix("ray://")
    host, _, port = where.rpartition(":")
    if not host or not port.isdigit():
        raise NewscheckError(
            f"--address {address}: expected host:port, ray://host:port or auto"
        )
    named = address if address == where else f"{address} ({where})"
    try:
        with socket.create_connection((host.strip("[]"), int(port)), timeout=timeout):
            pass
    except TimeoutError:
        reason = f"nothing answered within {timeout:g} s"
    except OSError as exc:
        reason = exc.strerror or str(exc)
    else:
        return
    raise NewscheckError(
        f"no Ray cluster at {named}: {reason}; start one there with `ray start --head` "
        "or give the address of a running one to --address"
    )


def _resolve_auto() -> str:
    """The ``host:port`` Ray's ``address="auto"`` would join."""
    # Ray's own resolver (the extra pins ray's version): ray.init would then wait minutes
    # on an address recorded by a cluster that is gone.
    from ray._private.services import canonicalize_bootstrap_address_or_die

    try:
        return canonicalize_bootstrap_address_or_die("auto")
    except ConnectionError:
        raise NewscheckError(
            "--address auto: no Ray cluster is running on this machine; start one with "
            "`ray start --head`, or leave out --address to start a local one for this run"
        ) from None


class RayEngine:
    """Runs the tasks of a batch on Ray: the cluster at ``address``, or a local one of
    ``settings.batch.workers`` CPUs (a Ray already started in this process is used as is)."""

    def __init__(self, settings: Settings, address: str | None = None) -> None:
        ray = _ray()
        self.workers = settings.batch.workers
        self.blocks_per_task = settings.batch.blocks_per_task
        self._started = not ray.is_initialized()
        if self._started:
            if address is not None:
                check_address(address, settings.batch.connect_timeout)
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
        # Ray Data logs each dataset's plan to the terminal; the command prints a summary.
        logging.getLogger("ray.data").setLevel(logging.ERROR)

    def analyze_chunks(self, chunks: Iterable[Chunk], work: Workspace) -> Iterator[ChunkResult]:
        items = [{"chunk": pickle.dumps(c)} for c in chunks]
        for row in self._map(items, _analyze_rows, work):
            yield pickle.loads(row["result"])

    def cross_check(self, blocks: int, work: Workspace) -> Iterator[list[Report]]:
        step = self.blocks_per_task
        items = [{"first": b, "stop": min(blocks, b + step)} for b in range(0, blocks, step)]
        for row in self._map(items, _cross_check_rows, work):
            yield from pickle.loads(row["result"])

    def _map(self, items: list[dict], fn, work: Workspace) -> Iterator[dict]:
        """``fn`` over ``items`` in input order, one item per call and per Ray block (so
        every worker gets work), at most ``batch.workers`` calls of one CPU at a time."""
        if not items:
            return
        ray = _ray()
        data = ray.data.DataContext.get_current()
        data.execution_options.preserve_order = True
        data.enable_progress_bars = False
        ds = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            fn, fn_kwargs={"work": work}, batch_size=1, num_cpus=1,
            concurrency=min(self.workers, len(items)),
        )
        yield from ds.iter_rows()

    def close(self) -> None:
        """Stop the local cluster this engine started (one it was given keeps running)."""
        if self._started:
            _ray().shutdown()


# One context (the models) per worker process and batch settings, and one reader of a
# batch's block index: loaded by a process's first task, kept for its later ones.
_CONTEXTS: dict[str, Context] = {}
_INDEXES: dict[tuple[str, int], BlockIndex] = {}


def _context(work: Workspace) -> Context:
    key = repr(work.settings)
    if key not in _CONTEXTS:
        _CONTEXTS.clear()  # another batch's settings: its models are not needed again
        _CONTEXTS[key] = Context(settings=work.settings)
    return _CONTEXTS[key]


def _index(work: Workspace) -> BlockIndex:
    # keyed by the file's change time too: a later batch in the same folder writes anew
    key = (str(work.index_path), os.stat(work.index_path).st_mtime_ns)
    if key not in _INDEXES:
        _INDEXES.clear()
        _INDEXES[key] = open_index(work, readonly=True)
    return _INDEXES[key]


def _analyze_rows(batch: dict, work: Workspace) -> dict[str, list[bytes]]:
    """The map stage: each chunk of ``batch`` analysed (:func:`analyze_chunk`)."""
    ctx = _context(work)
    results = [analyze_chunk(pickle.loads(c), ctx, work.spill) for c in batch["chunk"]]
    return {"result": [pickle.dumps(r) for r in results]}


def _cross_check_rows(batch: dict, work: Workspace) -> dict[str, list[bytes]]:
    """The cross-check stage: each run of block numbers of ``batch`` checked, a block at a
    time (:func:`cross_check_block`)."""
    ctx, index = _context(work), _index(work)
    out = [
        [cross_check_block(index.members(b), ctx, work.spill) for b in range(int(first), int(stop))]
        for first, stop in zip(batch["first"], batch["stop"], strict=True)
    ]
    return {"result": [pickle.dumps(r) for r in out]}
