"""Liveness and readiness (no authentication: for load balancers and orchestrators)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy import text

from api.deps import ServicesDep

router = APIRouter(tags=["health"])


@router.get("/health", summary="The process is up")
def health() -> dict[str, str]:
    """Always ok while the process serves requests."""
    return {"status": "ok"}


@router.get("/ready", summary="The database answers", response_model=None)
def ready(services: ServicesDep) -> JSONResponse | dict[str, object]:
    """503 until the database answers a query."""
    try:
        with services.core.store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:  # NOTE: any driver error means not ready
        return JSONResponse({"status": "not ready", "database": str(exc)[:200]}, status_code=503)
    return {"status": "ready", "database": "ok"}
