"""Documents: upload (as a job), list, get, clauses with pages, original bytes, semantic search; jobs."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Query, Response, UploadFile

from api.deps import DocReader, Reader, ServicesDep, Uploader
from api.files import attachment, read_uploads
from api.operations import start_upload
from assistant.index import SearchHit
from assistant.jobs import Job
from assistant.models import Clause, Document, DocumentKind, DocumentSummary

router = APIRouter(tags=["documents"])

MEDIA = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html",
}


def _summary(d: Document) -> DocumentSummary:
    return DocumentSummary(id=d.id, filename=d.filename, sha256=d.sha256, kind=d.kind, pages=len(d.pages))


@router.post("/documents", status_code=202, summary="Upload files into a family (ingest + review job)")
async def upload(
    services: ServicesDep,
    user: Uploader,
    files: Annotated[list[UploadFile], File(description="PDF, DOCX, TXT, MD or HTML files.")],
    family: Annotated[str, Form(min_length=1, max_length=200, description="Contract family / project.")],
    kind: Annotated[DocumentKind | None, Form(description="Override the detected document kind.")] = None,
    review: Annotated[bool, Form(description="Review the family when ingestion is done.")] = True,
    playbook: Annotated[str | None, Form(description="Playbook name; default from settings.")] = None,
) -> Job:
    """Returns a job to poll at /api/v1/jobs/{id}; its result lists document ids and the review id."""
    uploads = await read_uploads(services, files)
    return start_upload(services, user, uploads, family=family, kind=kind, review=review, playbook=playbook)


@router.get("/jobs/{job_id}", summary="Status of an ingestion or review job")
def get_job(job_id: str, services: ServicesDep, _user: Reader) -> Job:
    """queued, running, done (with result) or failed (with the error)."""
    return services.jobs.get(job_id)


@router.get("/documents", summary="List documents")
def list_documents(
    services: ServicesDep, _user: DocReader, family: Annotated[str | None, Query()] = None
) -> list[DocumentSummary]:
    """Stored documents, oldest first, optionally of one family."""
    return [_summary(d) for d in services.core.store.list_documents(family)]


@router.get("/families", summary="List contract families")
def list_families(services: ServicesDep, _user: DocReader) -> list[str]:
    """Family names."""
    return services.core.store.families()


@router.get("/documents/{document_id}", summary="A document with pages and clauses")
def get_document(document_id: str, services: ServicesDep, _user: DocReader) -> Document:
    """Full text, pages and clauses with offsets."""
    return services.core.store.get_document(document_id)


@router.get("/documents/{document_id}/clauses", summary="Clauses with their pages")
def get_clauses(document_id: str, services: ServicesDep, _user: DocReader) -> list[Clause]:
    """Clauses in document order."""
    return services.core.store.get_document(document_id).clauses


@router.get("/documents/{document_id}/original", summary="Download the original file")
def get_original(document_id: str, services: ServicesDep, _user: DocReader) -> Response:
    """The uploaded bytes, as an attachment."""
    doc = services.core.store.get_document(document_id)
    data = services.core.store.original_bytes(document_id)
    return attachment(data, MEDIA.get(doc.media_type, "text/plain; charset=utf-8"), doc.filename)


@router.get("/search", summary="Semantic search over clauses")
def search(
    services: ServicesDep,
    _user: DocReader,
    q: Annotated[str, Query(min_length=2, description="What to look for.")],
    family: Annotated[str | None, Query()] = None,
    k: Annotated[int, Query(ge=1, le=50)] = 8,
) -> list[SearchHit]:
    """Best matching clauses with document and page."""
    return services.core.search(q, family=family, k=k)
