"""``GET /healthz``: is the server up, which store it writes to, are the models loaded."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from ..jobs import Runner
from ..schemas import Health


def health_router(store: Any, runner: Runner) -> APIRouter:
    """The status route of a server writing to ``store`` and running analyses on ``runner``."""
    router = APIRouter(tags=["status"])

    @router.get(
        "/healthz",
        summary="Server status",
        responses={200: {"model": Health, "description": "The server is up."}},
    )
    def healthz() -> dict[str, Any]:
        """The store the server writes to (password masked) and whether the models are loaded.

        `models` is `loading` for the first seconds after the start (analyses posted then
        wait for them), `loaded`, or `failed` with `models_error` saying why.
        """
        out: dict[str, Any] = {
            "status": "ok",
            "store": store.url,
            "schema_version": store.schema_version(),
            "models": runner.models,
        }
        if runner.models_error:
            out["models_error"] = runner.models_error
        return out

    return router
