"""Append-only, hash-chained audit log.

Every event stores `prev_hash` (the hash of the event before it, or GENESIS for the first) and
`hash = sha256(canonical JSON of the event including prev_hash)`. `verify()` walks the chain in `seq`
order and reports the first event that was edited (hash mismatch), deleted (gap in `seq` or broken
link) or moved (broken link). Deleting the *newest* events cannot be seen from the chain alone: compare
`VerifyResult.head_hash`/`count` with a copy kept elsewhere (e.g. the last memo or an exported pack).
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
import uuid
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assistant.store_ext import AuditEventRow, create_tables, utcnow

GENESIS = "0" * 64
_PG_LOCK_KEY = 0x636C6175  # advisory lock id of the audit chain ("clau")
_HASHED_FIELDS = (
    "seq",
    "id",
    "at",
    "actor",
    "action",
    "subject_type",
    "subject_id",
    "project",
    "before",
    "after",
    "prev_hash",
)


class AuditEvent(BaseModel):
    """One recorded action: who did what to which object, with the state before and after."""

    seq: int = Field(description="Position in the chain, 1-based, without gaps.")
    id: str = Field(description="Event id (uuid4).")
    at: str = Field(description="UTC timestamp, ISO-8601.")
    actor: str = Field(description="User name (or 'system') that caused the event.")
    action: str = Field(description="Dotted action name, e.g. 'document.upload', 'finding.decision'.")
    subject_type: str = Field(description="Kind of object acted on: document, review, finding, memo...")
    subject_id: str = Field(description="Id of the object acted on.")
    project: str | None = Field(default=None, description="Project or family the event belongs to.")
    before: Any = Field(default=None, description="State before the action (JSON), null for creations.")
    after: Any = Field(default=None, description="State after the action (JSON).")
    prev_hash: str = Field(description="Hash of the previous event (64 zeros for the first).")
    hash: str = Field(description="sha256 of the canonical JSON of this event including prev_hash.")


class VerifyResult(BaseModel):
    """Outcome of checking the whole chain."""

    ok: bool = Field(description="True when every event is intact and linked.")
    count: int = Field(description="Number of events checked.")
    head_hash: str = Field(description="Hash of the last event; keep a copy to detect truncation.")
    first_broken_seq: int | None = Field(default=None, description="seq of the first bad event.")
    problem: str | None = Field(default=None, description="What is wrong at first_broken_seq.")


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no spaces, UTF-8 kept, non-JSON values as strings."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def event_hash(fields: dict[str, Any]) -> str:
    """sha256 over the canonical JSON of the hashed fields (before/after as their stored JSON text)."""
    payload = {k: fields[k] for k in _HASHED_FIELDS}
    return hashlib.sha256(canonical_json(payload).encode("utf-8")).hexdigest()


def _row_fields(row: AuditEventRow) -> dict[str, Any]:
    return {k: getattr(row, k) for k in _HASHED_FIELDS}


def _to_event(row: AuditEventRow) -> AuditEvent:
    data = _row_fields(row) | {"hash": row.hash}
    data["before"] = json.loads(row.before)
    data["after"] = json.loads(row.after)
    return AuditEvent.model_validate(data)


class AuditLog:
    """The audit trail on a SQLAlchemy engine; only ever inserts rows."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._lock = threading.Lock()
        create_tables(engine)

    def append(
        self,
        actor: str,
        action: str,
        subject_type: str,
        subject_id: str,
        *,
        before: Any = None,
        after: Any = None,
        project: str | None = None,
    ) -> AuditEvent:
        """Record one event at the head of the chain; retries when a concurrent writer took the seq."""
        for attempt in range(20):
            try:
                return self._append_once(actor, action, subject_type, subject_id, before, after, project)
            except IntegrityError:
                time.sleep(0.01 * (attempt + 1))  # another process took the seq (SQLite shared by processes)
        raise RuntimeError(f"audit log: could not append {action!r} after 20 attempts (contention)")

    def _append_once(
        self,
        actor: str,
        action: str,
        subject_type: str,
        subject_id: str,
        before: Any,
        after: Any,
        project: str | None,
    ) -> AuditEvent:
        with self._lock, Session(self.engine, expire_on_commit=False) as s, s.begin():
            if self.engine.dialect.name == "postgresql":
                # NOTE: serialise writers across processes; the unique seq is the last line of defence
                s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            last = s.execute(select(AuditEventRow).order_by(AuditEventRow.seq.desc()).limit(1)).scalar()
            fields: dict[str, Any] = {
                "seq": (last.seq + 1) if last else 1,
                "id": str(uuid.uuid4()),
                "at": utcnow(),
                "actor": actor,
                "action": action,
                "subject_type": subject_type,
                "subject_id": str(subject_id),
                "project": project,
                "before": canonical_json(before),
                "after": canonical_json(after),
                "prev_hash": last.hash if last else GENESIS,
            }
            row = AuditEventRow(**fields, hash=event_hash(fields))
            s.add(row)
            s.flush()
            return _to_event(row)

    def events(
        self,
        *,
        after_seq: int = 0,
        limit: int = 100,
        project: str | None = None,
        actions: list[str] | None = None,
        projects: list[str] | None = None,
    ) -> list[AuditEvent]:
        """Events with seq > after_seq in order (a cursor feed), optionally of one project (or any of
        `projects`) and of some actions only."""
        q = select(AuditEventRow).where(AuditEventRow.seq > after_seq)
        if project is not None:
            q = q.where(AuditEventRow.project == project)
        if projects is not None:
            q = q.where(AuditEventRow.project.in_(projects))
        if actions:
            q = q.where(AuditEventRow.action.in_(actions))
        q = q.order_by(AuditEventRow.seq).limit(limit)
        with Session(self.engine, expire_on_commit=False) as s:
            return [_to_event(r) for r in s.execute(q).scalars()]

    def for_subject(self, subject_type: str, subject_id: str) -> list[AuditEvent]:
        """History of one object, oldest first."""
        q = (
            select(AuditEventRow)
            .where(AuditEventRow.subject_type == subject_type, AuditEventRow.subject_id == subject_id)
            .order_by(AuditEventRow.seq)
        )
        with Session(self.engine, expire_on_commit=False) as s:
            return [_to_event(r) for r in s.execute(q).scalars()]

    def count(self) -> int:
        """Number of events stored."""
        with Session(self.engine, expire_on_commit=False) as s:
            return int(s.execute(select(func.count()).select_from(AuditEventRow)).scalar_one())

    def _rows(self) -> Iterator[AuditEventRow]:
        with Session(self.engine, expire_on_commit=False) as s:
            yield from s.execute(select(AuditEventRow).order_by(AuditEventRow.seq)).scalars()

    def verify(self) -> VerifyResult:
        """Walk the chain; report the first edited, deleted or reordered event."""
        prev, expected_seq, n = GENESIS, 1, 0
        for row in self._rows():
            n += 1
            problem = _check(row, expected_seq, prev)
            if problem:
                return VerifyResult(
                    ok=False, count=n, head_hash=prev, first_broken_seq=row.seq, problem=problem
                )
            prev, expected_seq = row.hash, row.seq + 1
        return VerifyResult(ok=True, count=n, head_hash=prev)


def _check(row: AuditEventRow, expected_seq: int, prev: str) -> str | None:
    """Why `row` breaks the chain, or None when it is intact."""
    if row.seq != expected_seq:
        return (
            f"seq {row.seq} follows seq {expected_seq - 1}: events {expected_seq}..{row.seq - 1} were deleted"
        )
    if row.prev_hash != prev:
        return "prev_hash does not match the previous event's hash: an event before it was deleted, replaced or moved"
    if event_hash(_row_fields(row)) != row.hash:
        return "content does not match its hash: the event was edited after it was written"
    return None
