"""The service facade the CLI and the API share: ingest -> store -> index -> review, built once.

Heavy parts (the embedding model, the Chroma client) are created lazily on first use, so commands that
do not need them (e.g. `review` with vectors off) start fast.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.audit import AuditLog
from assistant.errors import ClausegateError

if TYPE_CHECKING:
    from assistant.index import ClauseIndex, SearchHit
from assistant.ingest import PARSER_VERSION, parse_bytes, read_file
from assistant.models import Document, DocumentKind, ReviewResult
from assistant.playbook import Playbook, load_playbook
from assistant.review import Judge, review_documents
from assistant.settings import Settings
from assistant.store import Store
from assistant.workflow import Workflow
from extractors.base import engine_fingerprint

Progress = Callable[[str], None]
log = logging.getLogger(__name__)


def parse_digest(document: Document) -> str:
    """Hash of a document's parse: its text and clause boundaries, numbers and headings."""
    clauses = [[c.start, c.end, c.number, c.heading] for c in document.clauses]
    basis = json.dumps({"text": document.text, "clauses": clauses}, sort_keys=True)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def review_fingerprint(documents: Sequence[Document], playbook: Playbook) -> str:
    """Hash of what a rules review depends on beyond the document ids: the playbook's whole content (a
    customer's edited copy often keeps the id and version), each document's kind in effect and parse (a
    document re-parsed by a newer parser is reviewed again, not answered with the review of its old
    text), and the rule engine's code (an upgraded engine reviews again instead of returning a stale
    stored review)."""
    basis = {
        "playbook": playbook.model_dump(mode="json"),
        "kinds": sorted([d.id, d.kind.value] for d in documents),
        "parses": sorted([d.id, parse_digest(d)] for d in documents),
        "engine": engine_fingerprint(),
    }
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Reparsed:
    """Outcome of re-parsing one stored document from its original bytes."""

    document_id: str
    filename: str
    old_version: int
    new_version: int
    clauses_before: int
    clauses_after: int
    text_changed: bool
    error: str | None = None


@dataclass
class Clausegate:
    """Services built once per process: store, (lazily) embedder and clause index, optional LLM judge."""

    settings: Settings
    store: Store = field(init=False)
    audit: AuditLog = field(init=False)
    workflow: Workflow = field(init=False)
    _index: ClauseIndex | None = field(default=None, init=False)
    _index_failed: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.settings.store.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.settings)
        self.audit = AuditLog(self.store.engine)
        self.workflow = Workflow(self.store, self.audit)

    # -- index -------------------------------------------------------------------------------------------
    @property
    def index(self) -> ClauseIndex | None:
        """The Chroma clause index, or None when embeddings are disabled ('none' provider)."""
        if self._index is None and self._index_failed is None:
            from assistant.embeddings import make_embedder
            from assistant.index import ClauseIndex

            embedder = make_embedder(self.settings, self.store)
            if embedder is None:
                self._index_failed = "embedding provider is 'none'"
            else:
                self._index = ClauseIndex(self.settings, embedder)
        return self._index

    # -- ingest ------------------------------------------------------------------------------------------
    def ingest(
        self,
        paths: Sequence[str | Path],
        *,
        family: str | None = None,
        kinds: dict[str, DocumentKind] | None = None,
        index: bool = True,
        progress: Progress | None = None,
    ) -> list[Document]:
        """Parse, store (deduplicated by sha256) and index each file. A bad file raises an IngestError
        naming it before anything of that file is stored; files stored earlier in the call stay stored."""
        docs: list[Document] = []
        for p in paths:
            path = Path(p)
            if progress:
                progress(f"parsing {path.name}")
            kind = (kinds or {}).get(path.name)
            # NOTE: the bytes are read once: parsed, then stored as the original.
            data = read_file(path, max_bytes=self.settings.ingest.max_bytes)
            doc = parse_bytes(data, path.name, kind=kind, max_bytes=self.settings.ingest.max_bytes)
            stored, _created = self.store.add_document(doc, data, family=family)
            if index and self.settings.review.use_vector_search and self.index is not None:
                if progress:
                    progress(f"indexing {path.name}")
                self.index.add_document(stored)
            if all(d.id != stored.id for d in docs):  # the same bytes twice are one document of the family
                docs.append(stored)
        return docs

    # -- re-parse ----------------------------------------------------------------------------------------
    def reparse(self, document_id: str) -> Reparsed:
        """Parse a stored document again from its original bytes with the current parser and replace its
        text, pages and clauses in one transaction (id, families, kind override, reviews and decisions
        are kept). Raises the parser's IngestError, leaving the stored parse as it was."""
        return self._reparse(document_id)[1]

    def _reparse(self, document_id: str) -> tuple[Document, Reparsed]:
        before = self.store.get_document(document_id)
        old_version = self.store.parser_versions([document_id]).get(document_id, 0)
        data = self.store.original_bytes(document_id)
        # NOTE: already stored, so a size limit lowered since then must not lock the document out
        limit = max(self.settings.ingest.max_bytes, len(data))
        after = self.store.replace_parse(document_id, parse_bytes(data, before.filename, max_bytes=limit))
        if self.settings.review.use_vector_search and self.index is not None:
            self.index.add_document(after)
        report = Reparsed(
            document_id=document_id,
            filename=before.filename,
            old_version=old_version,
            new_version=PARSER_VERSION,
            clauses_before=len(before.clauses),
            clauses_after=len(after.clauses),
            text_changed=parse_digest(before) != parse_digest(after),
        )
        return after, report

    def reparse_documents(
        self, document_ids: Sequence[str] | None = None, *, force: bool = False
    ) -> list[Reparsed]:
        """Re-parse the stored documents parsed by an older parser (only `document_ids` when given; stale
        or not with `force`). A document whose re-parse fails keeps its stored parse and is reported with
        `error` set; the others are still re-parsed. Raises NotFound for an unknown id, before any work."""
        stored = {d.id: d.filename for d in self.store.list_documents()}
        wanted = list(dict.fromkeys(document_ids)) if document_ids else list(stored)
        for doc_id in wanted:
            if doc_id not in stored:
                self.store.get_document(doc_id)  # raises NotFound naming the id
        versions = self.store.parser_versions(wanted)
        todo = [d for d in wanted if force or versions[d] < PARSER_VERSION]
        return [self._reparse_reporting(d, stored[d], versions[d]) for d in todo]

    def _reparse_reporting(self, document_id: str, filename: str, old_version: int) -> Reparsed:
        try:
            return self.reparse(document_id)
        except ClausegateError as exc:
            count = self.store.clause_count(document_id)
            return Reparsed(document_id, filename, old_version, old_version, count, count, False, str(exc))

    def current(self, documents: Sequence[Document]) -> list[Document]:
        """`documents`, each one that the store holds from an older parser re-parsed first. A failed
        re-parse is logged and the stored parse used: the review still runs, and the next one retries."""
        versions = self.store.parser_versions([d.id for d in documents])
        out: list[Document] = []
        for doc in documents:
            if versions.get(doc.id, PARSER_VERSION) < PARSER_VERSION:
                try:
                    doc = self._reparse(doc.id)[0]
                except ClausegateError as exc:
                    log.warning("%s: re-parse failed, keeping the stored parse: %s", doc.filename, exc)
            out.append(doc)
        return out

    # -- review ------------------------------------------------------------------------------------------
    def review(
        self,
        documents: Sequence[Document],
        playbook: Playbook | str = "default",
        *,
        judge: Judge | None = None,
        family: str | None = None,
        reuse: bool = True,
        progress: Progress | None = None,
    ) -> ReviewResult:
        """Review documents as one family, reusing a stored review of the same documents, playbook
        content and document kinds (rules only) instead of recomputing it. Stored documents parsed by an
        older parser are re-parsed first, so the review sees the current parse."""
        pb = load_playbook(playbook) if isinstance(playbook, str) else playbook
        documents = self.current(documents)
        ids = [d.id for d in documents]
        fingerprint = review_fingerprint(documents, pb)
        if reuse and judge is None:
            stored = self.store.find_review(ids, pb.id, pb.version, fingerprint=fingerprint, family=family)
            if stored is not None:
                return stored
        vector_search = None
        if self.settings.review.use_vector_search and self.index is not None:
            vector_search = self.index.vector_search_for(ids)
        result = review_documents(
            documents,
            pb,
            vector_search=vector_search,
            judge=judge,
            candidates_per_requirement=self.settings.review.candidates_per_requirement,
            family=family,
            progress=progress,
        )
        self.store.save_review(result, fingerprint=fingerprint)
        # legal's decisions on the review this one supersedes stay in force where the finding is unchanged
        self.workflow.carry_forward(result)
        return result

    def search(self, query: str, *, family: str | None = None, k: int = 8) -> list[SearchHit]:
        """Semantic search over stored clauses, optionally within one family."""
        if self.index is None:
            raise ClausegateError(
                f"search needs embeddings, but the embedding provider is {self.settings.index.embedding_provider!r}. "
                "Set CLAUSEGATE_INDEX__EMBEDDING_PROVIDER=local (or openai)."
            )
        ids = [d.id for d in self.store.family_documents(family)] if family else None
        if family and not ids:
            raise ClausegateError(
                f"family {family!r} has no documents. Ingest files with --family {family!r}."
            )
        return self.index.search(query, k=k, document_ids=ids)
