"""Documents, their clauses and original bytes, and contract families."""

from __future__ import annotations

import hashlib

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from assistant.errors import IngestError, NotFound
from assistant.models import Document, DocumentKind
from assistant.store.convert import clause_row, document_row, to_document
from assistant.store.engine import StoreBase
from assistant.store.tables import ClauseRow, DocumentRow, FamilyMemberRow, FamilyRow, OriginalRow


def current_parser_version() -> int:
    """The version of the parser in this code base (`assistant.ingest.PARSER_VERSION`)."""
    # NOTE: imported here so that opening the store does not load the PDF/DOCX/HTML readers
    from assistant.ingest.version import PARSER_VERSION

    return PARSER_VERSION


def _not_found(document_id: str) -> NotFound:
    return NotFound(
        f"document {document_id!r} is not in the store. Ingest the file first, or pick an id from the "
        "list of stored documents."
    )


class DocumentsMixin(StoreBase):
    """Document and family operations of `Store`."""

    def add_document(
        self,
        doc: Document,
        original: bytes,
        *,
        family: str | None = None,
        parser_version: int | None = None,
    ) -> tuple[Document, bool]:
        """Store `doc` with its original bytes in one transaction; returns (stored document, created).
        `parser_version` is the parser that produced `doc` (default: the current one).

        Deduplicated by sha256: the same bytes again return the stored Document and False and store
        nothing new, except joining `family` when given, taking `doc.kind` when it is an explicit
        override (differs from `doc.kind_detected`), and taking `doc`'s text, pages and clauses when the
        stored ones come from an older parser (see `replace_parse`). Joining a family replaces the
        family's member with the same file name (an earlier version); that document stays stored. On any
        error nothing is left behind.
        """
        version = current_parser_version() if parser_version is None else parser_version
        _check_original(doc, original)
        try:
            with self._sessions.begin() as s:
                row = s.scalar(select(DocumentRow).where(DocumentRow.sha256 == doc.sha256))
                created = row is None
                if row is None:
                    row = document_row(doc)
                    row.parser_version = version
                    s.add(row)
                    s.add(OriginalRow(document_id=doc.id, data=original))
                    s.flush()
                elif row.parser_version < version:
                    _replace_parse(s, row, doc, version)
                elif doc.kind != doc.kind_detected and row.kind != doc.kind.value:
                    row.kind = doc.kind.value  # an explicit kind override applies to stored bytes too
                if family:
                    _join_family(s, family, row.id, supersede=True)
                stored = to_document(row)
        except IntegrityError:
            # NOTE: another writer may have stored the same bytes between our check and our insert.
            existing = self.find_by_sha256(doc.sha256)
            if existing is None:
                raise
            if family:
                with self._sessions.begin() as s:
                    _join_family(s, family, existing.id, supersede=True)
            return existing, False
        return stored, created

    def replace_parse(
        self, document_id: str, doc: Document, *, parser_version: int | None = None
    ) -> Document:
        """Replace a stored document's text, pages, clauses, title and detected kind with `doc`, a new
        parse of the same original bytes by `parser_version` (default: the current parser), in one
        transaction: on any error the old parse stays. The id, original, families, an explicit kind
        override, and reviews and decisions that name the document are kept."""
        version = current_parser_version() if parser_version is None else parser_version
        with self._sessions.begin() as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise _not_found(document_id)
            if doc.sha256 != row.sha256:
                raise IngestError(
                    row.filename,
                    f"the new parse is of other bytes (sha256 {doc.sha256!r}, stored {row.sha256!r})",
                    "Re-parse the document's stored original bytes.",
                )
            _replace_parse(s, row, doc, version)
            return to_document(row)

    def parser_versions(self, document_ids: list[str] | None = None) -> dict[str, int]:
        """Parser version of each stored document (of `document_ids` when given; unknown ids left out)."""
        query = select(DocumentRow.id, DocumentRow.parser_version)
        if document_ids is not None:
            query = query.where(DocumentRow.id.in_(sorted(set(document_ids))))
        with self._sessions() as s:
            return {row.id: row.parser_version for row in s.execute(query)}

    def clause_count(self, document_id: str) -> int:
        """How many clauses the stored document has (0 for an unknown id)."""
        with self._sessions() as s:
            query = select(func.count()).select_from(ClauseRow).where(ClauseRow.document_id == document_id)
            return int(s.scalar(query) or 0)

    def get_document(self, document_id: str) -> Document:
        """The stored document with its clauses; raises NotFound when the id is unknown."""
        with self._sessions() as s:
            row = s.get(DocumentRow, document_id, options=[selectinload(DocumentRow.clauses)])
            if row is None:
                raise _not_found(document_id)
            return to_document(row)

    def find_by_sha256(self, sha256: str) -> Document | None:
        """The stored document whose original bytes have this sha256, or None."""
        with self._sessions() as s:
            row = s.scalar(
                select(DocumentRow)
                .where(DocumentRow.sha256 == sha256)
                .options(selectinload(DocumentRow.clauses))
            )
            return to_document(row) if row is not None else None

    def list_documents(self, family: str | None = None, *, with_clauses: bool = False) -> list[Document]:
        """Stored documents, oldest first (only `family`'s when given); clauses only if `with_clauses`."""
        query = select(DocumentRow).order_by(DocumentRow.created_at, DocumentRow.id)
        if family is not None:
            query = (
                query.join(FamilyMemberRow, FamilyMemberRow.document_id == DocumentRow.id)
                .join(FamilyRow, FamilyRow.id == FamilyMemberRow.family_id)
                .where(FamilyRow.name == family)
            )
        if with_clauses:
            query = query.options(selectinload(DocumentRow.clauses))
        with self._sessions() as s:
            return [to_document(r, with_clauses=with_clauses) for r in s.scalars(query)]

    def original_bytes(self, document_id: str) -> bytes:
        """The original file bytes of a stored document; raises NotFound when the id is unknown."""
        with self._sessions() as s:
            row = s.get(OriginalRow, document_id)
            if row is None:
                raise _not_found(document_id)
            return row.data

    def set_kind(self, document_id: str, kind: DocumentKind) -> Document:
        """Override the kind in effect of a stored document (e.g. a re-upload with an explicit kind)."""
        with self._sessions.begin() as s:
            row = s.get(DocumentRow, document_id, options=[selectinload(DocumentRow.clauses)])
            if row is None:
                raise _not_found(document_id)
            row.kind = DocumentKind(kind).value
            return to_document(row)

    def delete_document(self, document_id: str) -> None:
        """Delete a document, its clauses, original and family memberships in one transaction."""
        with self._sessions.begin() as s:
            row = s.get(DocumentRow, document_id)
            if row is None:
                raise _not_found(document_id)
            s.execute(delete(OriginalRow).where(OriginalRow.document_id == document_id))
            s.execute(delete(FamilyMemberRow).where(FamilyMemberRow.document_id == document_id))
            s.delete(row)

    def family_documents(self, family: str) -> list[Document]:
        """Documents of `family` with clauses, in the order they joined it; [] for an unknown family."""
        query = (
            select(DocumentRow)
            .join(FamilyMemberRow, FamilyMemberRow.document_id == DocumentRow.id)
            .join(FamilyRow, FamilyRow.id == FamilyMemberRow.family_id)
            .where(FamilyRow.name == family)
            .order_by(FamilyMemberRow.added_at, DocumentRow.id)
            .options(selectinload(DocumentRow.clauses))
        )
        with self._sessions() as s:
            return [to_document(r) for r in s.scalars(query)]

    def add_to_family(self, family: str, document_id: str) -> None:
        """Make a stored document a member of `family` (created if new); a no-op if it already is."""
        with self._sessions.begin() as s:
            if s.get(DocumentRow, document_id) is None:
                raise _not_found(document_id)
            _join_family(s, family, document_id)

    def families(self) -> list[str]:
        """Names of all families, alphabetically."""
        with self._sessions() as s:
            return list(s.scalars(select(FamilyRow.name).order_by(FamilyRow.name)))


def _check_original(doc: Document, original: bytes) -> None:
    digest = hashlib.sha256(original).hexdigest()
    if digest != doc.sha256:
        raise IngestError(
            doc.filename,
            f"the original bytes hash to {digest!r}, not to the document's sha256 {doc.sha256!r}",
            "Store the exact bytes the document was parsed from.",
        )


def _replace_parse(s: Session, row: DocumentRow, doc: Document, version: int) -> None:
    """Put `doc`'s parse (same bytes, parser `version`) in `row`, inside the caller's transaction."""
    # NOTE: row lock (Postgres): two re-parses of one document run one after the other, so the second
    # deletes the clauses the first inserted instead of colliding with their ids
    s.refresh(row, with_for_update=True)
    overridden = row.kind != row.kind_detected
    if doc.kind != doc.kind_detected:
        row.kind = doc.kind.value  # an explicit override given with this parse wins
    elif not overridden:
        row.kind = doc.kind_detected.value  # the kind in effect follows detection unless overridden
    row.kind_detected = doc.kind_detected.value
    row.title = doc.title
    row.text = doc.text
    row.pages = [p.model_dump(mode="json") for p in doc.pages]
    row.parser_version = version
    # NOTE: bulk delete, then insert: new clauses reuse the ids '<document id>:<index>' of old ones
    s.execute(delete(ClauseRow).where(ClauseRow.document_id == row.id))
    s.expire(row, ["clauses"])
    s.add_all(clause_row(c) for c in doc.clauses)
    s.flush()


def _join_family(s: Session, name: str, document_id: str, *, supersede: bool = False) -> None:
    """Make the document a member of family `name`. With `supersede`, a member with the same file name
    (an earlier version of the same document) leaves the family: a family holds one version per file
    name, so an amended order form replaces the old one in the family's reviews. Nothing is deleted."""
    family = s.scalar(select(FamilyRow).where(FamilyRow.name == name))
    if family is None:
        family = FamilyRow(name=name)
        s.add(family)
        s.flush()
    if s.get(FamilyMemberRow, (family.id, document_id)) is None:
        s.add(FamilyMemberRow(family_id=family.id, document_id=document_id))
    if supersede:
        filename = select(DocumentRow.filename).where(DocumentRow.id == document_id).scalar_subquery()
        older = select(DocumentRow.id).where(DocumentRow.filename == filename, DocumentRow.id != document_id)
        s.execute(
            delete(FamilyMemberRow).where(
                FamilyMemberRow.family_id == family.id, FamilyMemberRow.document_id.in_(older)
            )
        )
