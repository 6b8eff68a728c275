"""Tables of the API layer's own records: audit events, users, API tokens,
background jobs, projects (intake) and generated memos.

They live on their own SQLAlchemy metadata, created on the store's engine (`Store.engine`) without
touching the store's schema. Tables are prefixed `cg_` to stay clear of the store's names.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Boolean, Engine, ForeignKey, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class ExtBase(DeclarativeBase):
    """Declarative base of the audit/users/jobs tables."""


def utcnow() -> str:
    """Current UTC time as an ISO-8601 string with microseconds (stable, sortable, JSON-safe)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


class AuditEventRow(ExtBase):
    __tablename__ = "cg_audit_events"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(36), unique=True)
    at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(100), index=True)
    subject_type: Mapped[str] = mapped_column(String(100))
    subject_id: Mapped[str] = mapped_column(String(200))
    project: Mapped[str | None] = mapped_column(String(200), index=True, nullable=True)
    before: Mapped[str] = mapped_column(Text)
    after: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class UserRow(ExtBase):
    __tablename__ = "cg_users"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[str] = mapped_column(String(40))


class ApiTokenRow(ExtBase):
    __tablename__ = "cg_api_tokens"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("cg_users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[str] = mapped_column(String(40))
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)


class JobRow(ExtBase):
    __tablename__ = "cg_jobs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(20), index=True)
    actor: Mapped[str] = mapped_column(String(200))
    family: Mapped[str | None] = mapped_column(String(200), nullable=True)
    params: Mapped[str] = mapped_column(Text, default="{}")
    result: Mapped[str] = mapped_column(Text, default="{}")
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[str] = mapped_column(String(40))
    updated_at: Mapped[str] = mapped_column(String(40))


class ProjectRow(ExtBase):
    __tablename__ = "cg_projects"

    name: Mapped[str] = mapped_column(String(200), primary_key=True)
    data: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[str] = mapped_column(String(40))


class MemoRow(ExtBase):
    __tablename__ = "cg_memos"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    project: Mapped[str] = mapped_column(ForeignKey("cg_projects.name"), index=True)
    created_at: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(200))
    memo: Mapped[str] = mapped_column(Text)
    assessment: Mapped[str] = mapped_column(Text)


def create_tables(engine: Engine) -> None:
    """Create the audit/users/jobs tables if they do not exist (idempotent)."""
    ExtBase.metadata.create_all(engine)
