"""The background runner: analyses posted to the API run here, a few at a time.

One :class:`~newscheck.context.Context` per process holds the models; they start loading
in a thread when the server starts (``/healthz`` says ``"loading"`` until they are in) and
every job waits for them. Each job runs on a copy of that context made with
:func:`dataclasses.replace` (the context is a slotted dataclass: the copy shares the
loaded models and has the job's own progress callback). One job runs at a time, in one
worker thread; the others wait in order. Not more: spaCy does not promise that one
pipeline may parse in two threads at once, and an analysis already keeps the cores busy
(the embedder's runtime uses them all), so a second would only share them.

A job: mark the analysis running, fetch its URLs (inside the job: a slow site must not
hold the request), run :func:`newscheck.pipeline.analyze_documents`, store the report.
Any exception fails the analysis with a one-line error; the server goes on. An analysis
left queued or running when the process stops is failed by ``store.recover()`` at the
next start.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from ..context import Context
from ..model import Document, Skipped
from ..settings import Settings
from ..store import INTERRUPTED
from .fetch import fetch_documents

log = logging.getLogger("newscheck.server")

MAX_ERROR_CHARS = 500
"""An analysis's stored error is one line of at most this many characters."""


def one_line(exc: BaseException) -> str:
    """``"<Type>: <message>"`` on one line, cut to :data:`MAX_ERROR_CHARS`."""
    text = " ".join(f"{type(exc).__name__}: {exc}".split()).rstrip(": ")
    return text if len(text) <= MAX_ERROR_CHARS else text[: MAX_ERROR_CHARS - 1] + "…"


class Stopping(BaseException):
    """The server is stopping: the running analysis ends at its next progress report.

    A ``BaseException``, so the pipeline's per-report and per-story ``except Exception``
    guards let it through, as they let an interrupt through.
    """


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Job:
    """What one analysis reads: documents already read from the request, and URLs."""

    analysis_id: str
    documents: tuple[Document, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    urls: tuple[str, ...] = ()


class Throttled:
    """A progress callback that writes to the store at most every ``interval`` seconds."""

    def __init__(self, write: Callable[[str, int, int], None], interval: float) -> None:
        self._write = write
        self._interval = interval
        self._last = float("-inf")

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last < self._interval:
            return
        self._last = now
        try:
            self._write(stage, done, total)
        except Exception:  # progress is a courtesy; the analysis goes on
            log.warning("could not store progress", exc_info=True)


class Runner:
    """Runs analyses in the background with models loaded once.

    Args:
        store: The store the analyses live in.
        settings: Settings (``web.progress_interval``, fetch limits).
        ctx: The process's context (default one built from ``settings``); its models are
            loaded by :meth:`start`.
        fetch: ``fetch(urls) -> iterable of Document | Skipped`` (default: the guarded
            fetcher of :mod:`newscheck.server.fetch`).
    """

    def __init__(
        self,
        store: Any,
        settings: Settings,
        *,
        ctx: Context | None = None,
        fetch: Callable[[Sequence[str]], Any] | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.ctx = ctx if ctx is not None else Context(settings=settings)
        self._fetch = fetch or (lambda urls: fetch_documents(urls, settings))
        self._executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="newscheck-job"
        )
        self._loaded = threading.Event()
        self._load_error: str | None = None
        self._loader: threading.Thread | None = None
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    # ----------------------------------------------------------------- models

    def start(self) -> None:
        """Start loading the models in the background (once; later calls do nothing)."""
        with self._lock:
            if self._loader is not None:
                return
            self._loader = threading.Thread(target=self._load, name="newscheck-models", daemon=True)
            self._loader.start()

    def _load(self) -> None:
        try:
            self.ctx.nlp  # noqa: B018 - the properties load the models
            self.ctx.embedder  # noqa: B018
        except Exception as exc:  # noqa: BLE001 - reported by /healthz and by each job
            self._load_error = one_line(exc)
            log.error("could not load the models: %s", self._load_error)
        finally:
            self._loaded.set()

    @property
    def models(self) -> str:
        """``"loading"``, ``"loaded"`` or ``"failed"``."""
        if not self._loaded.is_set():
            return "loading"
        return "failed" if self._load_error else "loaded"

    @property
    def models_error(self) -> str | None:
        """Why the models could not be loaded, or None."""
        return self._load_error

    # ----------------------------------------------------------------- jobs

    def submit(self, job: Job) -> Future:
        """Queue a job; it runs when a worker is free."""
        self.start()
        return self._executor.submit(self._run, job)

    def _run(self, job: Job) -> None:
        aid = job.analysis_id
        throttled = Throttled(
            lambda stage, done, total: self.store.set_progress(aid, stage, done, total),
            self.settings.web.progress_interval,
        )

        def progress(stage: str, done: int, total: int) -> None:
            if self._stopping.is_set():
                raise Stopping
            throttled(stage, done, total)

        try:
            self.store.start_analysis(aid)
            docs = list(job.documents)
            skipped = list(job.skipped)
            for n, item in enumerate(self._fetch(job.urls) if job.urls else (), start=1):
                (skipped if isinstance(item, Skipped) else docs).append(item)
                progress("read", n, 0)
            if not self._loaded.is_set():
                self.store.set_progress(aid, "loading models", 0, 0)
                while not self._loaded.wait(0.2):
                    progress("loading models", 0, 0)
            if self._load_error is not None:
                raise RuntimeError(f"the models could not be loaded: {self._load_error}")
            ctx = dataclasses.replace(self.ctx, progress=progress)
            from ..pipeline import analyze_documents

            report = analyze_documents(docs, ctx, skipped)
            self.store.finish_analysis(aid, report)
        except Stopping:
            log.warning("analysis %s interrupted: the server is stopping", aid)
            self._record_failure(aid, INTERRUPTED)
        except Exception as exc:  # one analysis never takes the server down
            log.exception("analysis %s failed", aid)
            self._record_failure(aid, one_line(exc))

    def _record_failure(self, aid: str, error: str) -> None:
        try:
            self.store.fail_analysis(aid, error)
        except Exception:  # recover() fails it at the next start
            log.exception("could not record the failure of analysis %s", aid)

    def close(self) -> None:
        """Stop: queued jobs are dropped (``store.recover()`` fails them at the next start)
        and the running one ends at its next progress report, recorded as interrupted,
        before this returns, so the store is not closed under it."""
        self._stopping.set()
        self._executor.shutdown(wait=True, cancel_futures=True)
