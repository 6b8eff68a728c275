"""SQLAlchemy 2.x ORM tables of the store. Plain persistence rows; `assistant.store.convert` maps them to
and from the domain models, so nothing outside the store package sees these classes.

Large text goes in `Text` columns (no length limit on SQLite or Postgres); structured values that are
only read back whole (pages, review results) are `JSON`.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """Timezone-aware now, the timestamp of every row."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of the clausegate tables."""


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[str] = mapped_column(String(128), primary_key=True)
    filename: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    media_type: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(32))
    kind_detected: Mapped[str] = mapped_column(String(32))
    title: Mapped[str | None] = mapped_column(Text)
    size_bytes: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    pages: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    # NOTE: the `assistant.ingest.PARSER_VERSION` that produced text, pages and clauses; 0 = unknown
    # (stored before versions were recorded), i.e. older than every parser.
    parser_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    clauses: Mapped[list[ClauseRow]] = relationship(
        back_populates="document", order_by="ClauseRow.index", cascade="all, delete-orphan"
    )


class ClauseRow(Base):
    __tablename__ = "clauses"
    __table_args__ = (UniqueConstraint("document_id", "index", name="uq_clause_position"),)

    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column("index", Integer)
    number: Mapped[str | None] = mapped_column(Text)
    heading: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column("start", Integer)
    end: Mapped[int] = mapped_column("end", Integer)
    page_start: Mapped[int] = mapped_column(Integer)
    page_end: Mapped[int] = mapped_column(Integer)

    document: Mapped[DocumentRow] = relationship(back_populates="clauses")


class OriginalRow(Base):
    """Original file bytes, in the same transaction as the document row (never half-written)."""

    __tablename__ = "originals"

    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class FamilyRow(Base):
    __tablename__ = "families"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(255), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FamilyMemberRow(Base):
    __tablename__ = "family_members"

    family_id: Mapped[int] = mapped_column(ForeignKey("families.id", ondelete="CASCADE"), primary_key=True)
    document_id: Mapped[str] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReviewRow(Base):
    __tablename__ = "reviews"
    __table_args__ = (Index("ix_reviews_lookup", "documents_key", "playbook_id", "playbook_version"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    family: Mapped[str | None] = mapped_column(String(255))
    playbook_id: Mapped[str] = mapped_column(String(255))
    playbook_version: Mapped[str] = mapped_column(String(64))
    documents: Mapped[list[str]] = mapped_column(JSON)
    # NOTE: sorted, comma-joined document ids: an exact-set lookup key for `find_review`.
    documents_key: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    result: Mapped[dict[str, Any]] = mapped_column(JSON)
    usage: Mapped[dict[str, Any]] = mapped_column(JSON)


class ReviewKeyRow(Base):
    """What a stored review was computed from beyond its document set and playbook id/version: a hash of
    the playbook's content and the documents' kinds, so an edited playbook or a changed kind is not
    answered with a stale stored review. Reviews stored without one are never reused."""

    __tablename__ = "review_keys"

    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)


class FindingRow(Base):
    """One finding of a review, duplicated out of the review JSON for filtering."""

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    requirement: Mapped[str] = mapped_column(String(255))
    status: Mapped[str] = mapped_column(String(16), index=True)
    severity: Mapped[str] = mapped_column(String(16), index=True)
    data: Mapped[dict[str, Any]] = mapped_column("json", JSON)


class DecisionRow(Base):
    __tablename__ = "decisions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    review_id: Mapped[str] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"), index=True)
    requirement: Mapped[str] = mapped_column(String(255))
    action: Mapped[str] = mapped_column(String(32))
    reason: Mapped[str] = mapped_column(Text)
    actor: Mapped[str] = mapped_column(String(255))
    risk_owner: Mapped[str | None] = mapped_column(String(255))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    carried_from: Mapped[str | None] = mapped_column(String(64))


class EmbeddingRow(Base):
    """Embedding cache: one vector per (text sha256, model), little-endian float32 bytes."""

    __tablename__ = "embeddings"

    text_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    model: Mapped[str] = mapped_column(String(255), primary_key=True)
    dim: Mapped[int] = mapped_column(Integer)
    vector: Mapped[bytes] = mapped_column(LargeBinary)
