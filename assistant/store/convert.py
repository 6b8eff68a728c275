"""Mapping between store rows and domain models, plus the byte encoding of cached vectors."""

from __future__ import annotations

import struct
from datetime import UTC, datetime

from assistant.models import Clause, Decision, DecisionAction, Document, DocumentKind, Page
from assistant.store.tables import ClauseRow, DecisionRow, DocumentRow


def document_row(doc: Document) -> DocumentRow:
    """A new DocumentRow (with its ClauseRows) holding everything in `doc`."""
    row = DocumentRow(
        id=doc.id,
        filename=doc.filename,
        sha256=doc.sha256,
        media_type=doc.media_type,
        kind=doc.kind.value,
        kind_detected=doc.kind_detected.value,
        title=doc.title,
        size_bytes=doc.size_bytes,
        text=doc.text,
        pages=[p.model_dump(mode="json") for p in doc.pages],
    )
    row.clauses = [clause_row(c) for c in doc.clauses]
    return row


def clause_row(clause: Clause) -> ClauseRow:
    """A new ClauseRow for `clause`."""
    return ClauseRow(
        id=clause.id,
        document_id=clause.document_id,
        index=clause.index,
        number=clause.number,
        heading=clause.heading,
        text=clause.text,
        start=clause.start,
        end=clause.end,
        page_start=clause.page_start,
        page_end=clause.page_end,
    )


def to_document(row: DocumentRow, *, with_clauses: bool = True) -> Document:
    """The Document stored in `row` (clauses in document order unless `with_clauses` is False)."""
    return Document(
        id=row.id,
        filename=row.filename,
        sha256=row.sha256,
        media_type=row.media_type,
        kind=DocumentKind(row.kind),
        kind_detected=DocumentKind(row.kind_detected),
        title=row.title,
        size_bytes=row.size_bytes,
        text=row.text,
        pages=[Page.model_validate(p) for p in row.pages],
        clauses=[to_clause(c) for c in row.clauses] if with_clauses else [],
    )


def to_clause(row: ClauseRow) -> Clause:
    """The Clause stored in `row`."""
    return Clause(
        id=row.id,
        document_id=row.document_id,
        index=row.index,
        number=row.number,
        heading=row.heading,
        text=row.text,
        start=row.start,
        end=row.end,
        page_start=row.page_start,
        page_end=row.page_end,
    )


def as_utc(value: datetime) -> datetime:
    """`value` as an aware UTC datetime (SQLite returns naive datetimes)."""
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def parse_timestamp(value: str | None) -> datetime:
    """An ISO timestamp as an aware datetime; now when `value` is None."""
    if value is None:
        return datetime.now(UTC)
    try:
        return as_utc(datetime.fromisoformat(value))
    except ValueError as exc:
        raise ValueError(
            f"timestamp {value!r} is not ISO 8601; use e.g. '2026-01-31T12:00:00+00:00'"
        ) from exc


def to_decision(row: DecisionRow) -> Decision:
    """The Decision stored in `row`, with an ISO UTC timestamp."""
    return Decision(
        id=row.id,
        review_id=row.review_id,
        requirement=row.requirement,
        action=DecisionAction(row.action),
        reason=row.reason,
        actor=row.actor,
        risk_owner=row.risk_owner,
        at=as_utc(row.at).isoformat(),
        carried_from=row.carried_from,
    )


def pack_vector(vector: list[float]) -> bytes:
    """Little-endian float32 bytes of `vector` (4 bytes per dimension)."""
    return struct.pack(f"<{len(vector)}f", *vector)


def unpack_vector(data: bytes, dim: int) -> list[float]:
    """The vector packed by `pack_vector`."""
    if len(data) != 4 * dim:
        raise ValueError(f"cached vector has {len(data)} bytes, expected {4 * dim} for dim {dim}")
    return list(struct.unpack(f"<{dim}f", data))
