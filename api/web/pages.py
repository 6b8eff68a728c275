"""Dashboard, upload with progress, job status, document with highlighted evidence, legal review queue."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import ValidationError

from api.deps import ServicesDep
from api.errors import status_for
from api.files import read_uploads
from api.operations import start_upload
from api.web.common import PageDocReader, PageLegal, PageUploader, PageUser, render
from api.web.views import highlighted_pages
from assistant.errors import ClausegateError
from assistant.models import DocumentKind
from assistant.workflow import DecisionRequest, subject_id

router = APIRouter()


def _dashboard_rows(services: ServicesDep) -> tuple[list[dict[str, object]], list[dict[str, object]]]:
    projects = []
    for p in services.projects.list_projects():
        row: dict[str, object] = {"project": p, "stage": p.stage.value, "assessment": None, "error": None}
        try:
            row["assessment"] = services.projects.assess(p.name)
        except ClausegateError as exc:
            row["error"] = str(exc)
        projects.append(row)
    families: list[dict[str, object]] = []
    for name in services.core.store.families():
        latest = services.core.store.list_reviews(name, limit=1)
        counts: dict[str, int] = {}
        for f in latest[0].findings if latest else []:
            counts[f.status.value] = counts.get(f.status.value, 0) + 1
        families.append({"name": name, "review": latest[0] if latest else None, "counts": counts})
    return projects, families


@router.get("/")
def dashboard(request: Request, services: ServicesDep, user: PageUser) -> Response:
    """Projects by stage with readiness, blockers and renewal review dates; families with their reviews."""
    projects, families = _dashboard_rows(services)
    stages = ["discovery", "pilot", "scale", "optimize"]
    by_stage = {s: [r for r in projects if r["stage"] == s] for s in stages}
    return render(request, services, user, "dashboard.html", by_stage=by_stage, families=families)


@router.get("/upload")
def upload_page(request: Request, services: ServicesDep, user: PageUploader) -> Response:
    """The upload form (files, family, kind, playbook)."""
    return render(
        request,
        services,
        user,
        "upload.html",
        families=services.core.store.families(),
        kinds=[k.value for k in DocumentKind],
        error=None,
    )


@router.post("/upload")
async def upload(
    request: Request,
    services: ServicesDep,
    user: PageUploader,
    files: Annotated[list[UploadFile], File()],
    family: Annotated[str, Form()],
    kind: Annotated[str, Form()] = "",
) -> Response:
    """Start the ingest+review job. JSON for the page's script; a redirect (or the form with the error)
    without JavaScript."""
    wants_json = "application/json" in request.headers.get("accept", "")
    uploads = await read_uploads(services, files)
    try:
        if kind and kind not in DocumentKind.__members__:
            raise ClausegateError(
                f"kind {kind!r} is unknown; use one of {', '.join(DocumentKind.__members__)}."
            )
        job = start_upload(
            services, user, uploads, family=family.strip(), kind=DocumentKind(kind) if kind else None
        )
    except ClausegateError as exc:
        if wants_json:
            return JSONResponse({"detail": str(exc)}, status_code=status_for(exc))
        return render(
            request,
            services,
            user,
            "upload.html",
            status_code=status_for(exc),
            families=services.core.store.families(),
            kinds=[k.value for k in DocumentKind],
            error=str(exc),
        )
    if wants_json:
        return JSONResponse({"job_id": job.id, "job_url": f"/jobs/{job.id}"}, status_code=202)
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.get("/jobs/{job_id}")
def job_page(job_id: str, request: Request, services: ServicesDep, user: PageUser) -> Response:
    """Job status; refreshes itself while the job is queued or running."""
    return render(request, services, user, "job.html", job=services.jobs.get(job_id))


@router.get("/documents/{document_id}")
def document_page(
    document_id: str, request: Request, services: ServicesDep, user: PageDocReader, review: str | None = None
) -> Response:
    """The text page by page with each quote highlighted, findings alongside."""
    store = services.core.store
    doc = store.get_document(document_id)
    reviews = (
        [store.get_review(review)]
        if review
        else [r for r in store.list_reviews(limit=50) if doc.id in {d.id for d in r.documents}][:1]
    )
    findings = reviews[0].findings if reviews else []
    return render(
        request,
        services,
        user,
        "document.html",
        doc=doc,
        review=reviews[0] if reviews else None,
        findings=findings,
        pages=highlighted_pages(doc, findings),
    )


def _review_page(
    request: Request,
    services: ServicesDep,
    user: PageUser,
    review_id: str,
    error: str | None = None,
    error_for: str | None = None,
    status_code: int = 200,
) -> Response:
    review = services.core.store.get_review(review_id)
    views = services.workflow.queue(review_id, include_present=True)
    histories = {
        v.finding.requirement: services.audit.for_subject(
            "finding", subject_id(review_id, v.finding.requirement)
        )
        for v in views
    }
    return render(
        request,
        services,
        user,
        "review.html",
        status_code=status_code,
        review=review,
        views=views,
        histories=histories,
        error=error,
        error_for=error_for,
        actions=["accept", "dismiss", "resolve", "accept_risk"],
    )


@router.get("/reviews/{review_id}")
def review_page(review_id: str, request: Request, services: ServicesDep, user: PageUser) -> Response:
    """Legal review queue: findings with evidence, state, history, and the decision form."""
    return _review_page(request, services, user, review_id)


@router.post("/reviews/{review_id}/findings/{requirement}/decide")
def decide(
    review_id: str,
    requirement: str,
    request: Request,
    services: ServicesDep,
    user: PageLegal,
    action: Annotated[str, Form()],
    reason: Annotated[str, Form()] = "",
    risk_owner: Annotated[str, Form()] = "",
    document_id: Annotated[str, Form()] = "",
    quote: Annotated[str, Form()] = "",
) -> Response:
    """Record legal's decision; on error, the page again with the message next to the finding."""
    try:
        body = DecisionRequest.model_validate(
            {
                "action": action,
                "reason": reason,
                "risk_owner": risk_owner or None,
                "document_id": document_id or None,
                "quote": quote or None,
            }
        )
        services.workflow.decide(review_id, requirement, body, user.name)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors())
        return _review_page(request, services, user, review_id, problems, requirement, 422)
    except ClausegateError as exc:
        return _review_page(request, services, user, review_id, str(exc), requirement, status_for(exc))
    return RedirectResponse(f"/reviews/{review_id}#f-{requirement}", status_code=303)


@router.post("/reviews/{review_id}/findings/{requirement}/comment")
def comment(
    review_id: str,
    requirement: str,
    request: Request,
    services: ServicesDep,
    user: PageUser,
    text: Annotated[str, Form()] = "",
) -> Response:
    """Add a comment to a finding."""
    try:
        services.workflow.comment(review_id, requirement, text, user.name)
    except ClausegateError as exc:
        return _review_page(request, services, user, review_id, str(exc), requirement, status_for(exc))
    return RedirectResponse(f"/reviews/{review_id}#f-{requirement}", status_code=303)
