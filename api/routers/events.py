"""The event feed (cursor over the audit log) and audit-chain verification."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from api.deps import Admin, Auditor, Reader, ServicesDep
from assistant.audit import AuditEvent, VerifyResult

router = APIRouter(tags=["events"])

FEED_ACTIONS = [
    "document.upload",
    "review.done",
    "finding.decision",
    "memo.ready",
    "gate.decision",
    "intake.update",
]


class FeedEvent(BaseModel):
    seq: int = Field(description="Cursor: pass the last seq you saw as `after`.")
    at: str
    actor: str
    action: str = Field(
        description="review.done, memo.ready, gate.decision, finding.decision, document.upload..."
    )
    subject_type: str
    subject_id: str
    project: str | None = None


class Feed(BaseModel):
    events: list[FeedEvent]
    next_cursor: int = Field(description="Pass as `after` to get only newer events.")


@router.get("/events", summary="Event feed with a cursor (reviews and memos ready, decisions...)")
def events(
    services: ServicesDep,
    _user: Reader,
    after: Annotated[int, Query(ge=0, description="Return events with seq > after.")] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    project: Annotated[str | None, Query()] = None,
) -> Feed:
    """Poll with the last `next_cursor`; an empty list means nothing new."""
    found = services.audit.events(after_seq=after, limit=limit, project=project, actions=FEED_ACTIONS)
    items = [FeedEvent.model_validate(e.model_dump()) for e in found]
    return Feed(events=items, next_cursor=items[-1].seq if items else after)


@router.get("/audit/verify", summary="Check the audit hash chain")
def verify(services: ServicesDep, _user: Auditor) -> VerifyResult:
    """ok, or the first broken seq and why (edited, deleted, reordered)."""
    return services.audit.verify()


@router.get("/audit/events", summary="Raw audit events with before/after")
def audit_events(
    services: ServicesDep,
    _user: Admin,
    after: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 200,
    project: Annotated[str | None, Query()] = None,
) -> list[AuditEvent]:
    """Every event field, for auditors."""
    return services.audit.events(after_seq=after, limit=limit, project=project)
