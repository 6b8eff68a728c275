"""Typed core errors -> HTTP responses whose `detail` is the error's message (it names the value)."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response

from assistant import errors as e
from assistant.project_records import ProjectError
from assistant.users import UserError
from assistant.workflow import WorkflowError

INGEST_STATUS = {
    e.FileTooLarge: 413,
    e.UnsupportedFileType: 415,
    e.EncryptedPdf: 422,
    e.NoTextLayer: 422,
    e.EmptyDocument: 422,
    e.CorruptFile: 400,
}


def status_for(exc: e.ClausegateError) -> int:
    """HTTP status for a core error."""
    if isinstance(exc, e.NotFound):
        return 404
    if isinstance(exc, WorkflowError | UserError | ProjectError):
        return 409 if "already exists" in str(exc) or "is not allowed" in str(exc) else 422
    if isinstance(exc, e.IngestError):
        return next((code for cls, code in INGEST_STATUS.items() if isinstance(exc, cls)), 400)
    if isinstance(exc, e.PlaybookError):
        return 422
    return 400


async def _clausegate_error(request: Request, exc: Exception) -> Response:
    """JSON for the API; the error page for web pages."""
    assert isinstance(exc, e.ClausegateError)
    code = status_for(exc)
    if not request.url.path.startswith("/api/"):
        from api.web.common import templates

        title = "Not found" if code == 404 else "Cannot do that"
        context = {"title": title, "message": str(exc), "user": None}
        return templates.TemplateResponse(request, "error.html", context, status_code=code)
    body: dict[str, object] = {"detail": str(exc)}
    if isinstance(exc, e.IngestError):
        body["cause"] = exc.cause
    return JSONResponse(body, status_code=code)


def install(app: FastAPI) -> None:
    """Register the handlers on `app`."""
    app.add_exception_handler(e.ClausegateError, _clausegate_error)
