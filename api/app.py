"""The FastAPI application: `create_app(settings)`; services are built once in the lifespan.

uvicorn --factory api.app:create_app     # or: clausegate serve
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from api import errors, web
from api.routers import admin, documents, events, exports, health, projects, reviews, users
from api.services import build_services
from assistant.settings import Settings, get_settings

API_PREFIX = "/api/v1"


def create_app(settings: Settings | None = None) -> FastAPI:
    """A configured app; `settings` default to the process settings (environment / .env)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.services = build_services(settings)
        try:
            yield
        finally:
            app.state.services.close()

    app = FastAPI(
        title="clausegate",
        version="1",
        summary="Contract review with verified evidence, legal workflow, gate memos and an audit trail.",
        lifespan=lifespan,
    )
    errors.install(app)
    for module in (health, users, admin, documents, reviews, exports, projects, events):
        app.include_router(module.router, prefix=API_PREFIX)
    web.mount(app)
    return app
