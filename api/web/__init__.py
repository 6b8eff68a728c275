"""Server-rendered web pages (Jinja2, autoescaped, little JavaScript) over the same services as the API.

Pages authenticate with the signed session cookie set at /login; every form carries the session's CSRF
token, checked by the same dependency as the API (`api.deps.current_user`).
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

from api.web import auth, pages, project_pages
from api.web.common import STATIC_DIR, LoginRequired, PageForbidden, templates

ROUTERS = (auth.router, pages.router, project_pages.router)
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Referrer-Policy": "same-origin",
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        "frame-ancestors 'self'; form-action 'self'; base-uri 'none'"
    ),
}


async def _security_headers(request: Request, call_next: RequestResponseEndpoint) -> Response:
    response = await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response


async def _login_required(request: Request, _exc: Exception) -> Response:
    return RedirectResponse(f"/login?next={request.url.path}", status_code=303)


async def _forbidden(request: Request, exc: Exception) -> Response:
    return templates.TemplateResponse(
        request, "error.html", {"title": "Not allowed", "message": str(exc), "user": None}, status_code=403
    )


def mount(app: FastAPI) -> None:
    """Add the pages, static files, their error handlers and the security headers to `app`."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in ROUTERS:
        app.include_router(router, include_in_schema=False)
    app.add_exception_handler(LoginRequired, _login_required)
    app.add_exception_handler(PageForbidden, _forbidden)
    app.add_middleware(BaseHTTPMiddleware, dispatch=_security_headers)


__all__ = ["ROUTERS", "mount"]
