"""Reviews and findings, and legal's workflow on findings: decisions, comments, history."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.deps import Decider, FindingReader, ServicesDep, Uploader
from api.operations import start_review
from assistant.audit import AuditEvent
from assistant.jobs import Job
from assistant.models import Decision, Finding, ReviewResult, Severity, Status
from assistant.workflow import DecisionRequest, FindingView

router = APIRouter(tags=["reviews"])


class ReviewRequest(BaseModel):
    family: str = Field(min_length=1, description="Contract family to review (its stored documents).")
    playbook: str | None = Field(default=None, description="Playbook name; default from settings.")


class CommentRequest(BaseModel):
    text: str = Field(min_length=1, max_length=4000, description="Comment text.")


@router.post("/reviews", status_code=202, summary="Run a review of a family (job)")
def run_review(body: ReviewRequest, services: ServicesDep, user: Uploader) -> Job:
    """Returns a job; its result holds the review id."""
    return start_review(services, user, body.family, body.playbook)


@router.get("/reviews", summary="List reviews")
def list_reviews(
    services: ServicesDep, _user: FindingReader, family: Annotated[str | None, Query()] = None
) -> list[ReviewResult]:
    """Newest first."""
    return services.core.store.list_reviews(family)


@router.get("/reviews/{review_id}", summary="One review with all findings")
def get_review(review_id: str, services: ServicesDep, _user: FindingReader) -> ReviewResult:
    """The stored review."""
    return services.core.store.get_review(review_id)


@router.get("/reviews/{review_id}/findings", summary="Findings with evidence, filtered")
def list_findings(
    review_id: str,
    services: ServicesDep,
    _user: FindingReader,
    status: Annotated[Status | None, Query()] = None,
    severity: Annotated[Severity | None, Query()] = None,
) -> list[Finding]:
    """Findings in playbook order, optionally only one status and/or severity."""
    return services.core.store.list_findings(
        review_id, status.value if status else None, severity.value if severity else None
    )


@router.get("/reviews/{review_id}/queue", summary="Legal review queue: gaps with their state")
def queue(
    review_id: str,
    services: ServicesDep,
    _user: FindingReader,
    all: Annotated[bool, Query(description="Include present findings.")] = False,
) -> list[FindingView]:
    """Weak, missing, unclear or flagged findings with open/accepted/dismissed/resolved/risk_accepted."""
    return services.workflow.queue(review_id, include_present=all)


@router.post(
    "/reviews/{review_id}/findings/{requirement}/decisions", status_code=201, summary="Decide on a finding"
)
def decide(
    review_id: str, requirement: str, body: DecisionRequest, services: ServicesDep, user: Decider
) -> Decision:
    """accept, dismiss, resolve (with the fix) or accept_risk (with a named owner); reason required."""
    return services.workflow.decide(review_id, requirement, body, user.name)


@router.post("/reviews/{review_id}/findings/{requirement}/comments", status_code=201, summary="Comment")
def comment(
    review_id: str, requirement: str, body: CommentRequest, services: ServicesDep, user: FindingReader
) -> AuditEvent:
    """Add a comment to a finding's history."""
    return services.workflow.comment(review_id, requirement, body.text, user.name)


@router.get("/reviews/{review_id}/findings/{requirement}/history", summary="History of a finding")
def history(
    review_id: str, requirement: str, services: ServicesDep, _user: FindingReader
) -> list[AuditEvent]:
    """Decisions and comments, oldest first."""
    return services.workflow.history(review_id, requirement)
