"""Exports: a contract as DOCX with Word comments, findings as CSV/XLSX, a project's evidence pack."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.deps import Auditor, DocReader, FindingReader, ServicesDep
from api.files import attachment
from api.operations import contract_export, finding_states, project_evidence_pack
from assistant.exports import findings_csv, findings_xlsx

router = APIRouter(tags=["exports"])
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get("/reviews/{review_id}/export.docx", summary="Contract as DOCX with findings as Word comments")
def export_docx(
    review_id: str,
    services: ServicesDep,
    _user: DocReader,
    document_id: Annotated[
        str | None, Query(description="Which document of the family; default the first.")
    ] = None,
    form: Annotated[
        Literal["original", "text"],
        Query(
            description="'original': annotate the uploaded DOCX itself (DOCX uploads); 'text': rebuild from text."
        ),
    ] = "original",
) -> Response:
    """Missing clauses with preferred language on top; each finding a comment anchored at its evidence.
    Header `X-Clausegate-Unplaced` lists findings whose quote could not be anchored in the original."""
    data, name, unplaced = contract_export(services, review_id, document_id, form)
    response = attachment(data, DOCX, name)
    if unplaced is not None:
        response.headers["X-Clausegate-Unplaced"] = ",".join(unplaced)
    return response


@router.get("/reviews/{review_id}/findings.csv", summary="Findings as CSV")
def export_csv(review_id: str, services: ServicesDep, _user: FindingReader) -> Response:
    """One row per finding and quote, with legal's state."""
    review = services.core.store.get_review(review_id)
    return attachment(
        findings_csv(review, finding_states(services, review_id)),
        "text/csv; charset=utf-8",
        f"findings-{review_id}.csv",
    )


@router.get("/reviews/{review_id}/findings.xlsx", summary="Findings as XLSX")
def export_xlsx(review_id: str, services: ServicesDep, _user: FindingReader) -> Response:
    """Same rows as the CSV, in a workbook."""
    review = services.core.store.get_review(review_id)
    return attachment(
        findings_xlsx(review, finding_states(services, review_id)), XLSX, f"findings-{review_id}.xlsx"
    )


@router.get("/projects/{name}/evidence-pack.zip", summary="Evidence pack for auditors")
def export_pack(name: str, services: ServicesDep, user: Auditor) -> Response:
    """Memo, assessment, findings with quotes, document hashes, the project's audit events, chain check."""
    return attachment(
        project_evidence_pack(services, name, user), "application/zip", f"evidence-pack-{name}.zip"
    )
