"""The service facade the CLI and the API share: ingest -> store -> index -> review, built once.

Heavy parts (the embedding model, the Chroma client) are created lazily on first use, so commands that
do not need them (e.g. `review` with vectors off) start fast.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.errors import ClausegateError

if TYPE_CHECKING:
    from assistant.index import ClauseIndex, SearchHit
from assistant.ingest import parse_bytes, read_file
from assistant.models import Document, DocumentKind, ReviewResult
from assistant.playbook import Playbook, load_playbook
from assistant.review import Judge, review_documents
from assistant.settings import Settings
from assistant.store import Store
from extractors.base import engine_fingerprint

Progress = Callable[[str], None]


def review_fingerprint(documents: Sequence[Document], playbook: Playbook) -> str:
    """Hash of what a rules review depends on beyond the document ids: the playbook's whole content (a
    customer's edited copy often keeps the id and version), each document's kind in effect, and the rule
    engine's code (an upgraded engine reviews again instead of returning a stale stored review)."""
    basis = {
        "playbook": playbook.model_dump(mode="json"),
        "kinds": sorted([d.id, d.kind.value] for d in documents),
        "engine": engine_fingerprint(),
    }
    return hashlib.sha256(json.dumps(basis, sort_keys=True).encode("utf-8")).hexdigest()


@dataclass
class Clausegate:
    """Services built once per process: store, (lazily) embedder and clause index, optional LLM judge."""

    settings: Settings
    store: Store = field(init=False)
    _index: ClauseIndex | None = field(default=None, init=False)
    _index_failed: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.settings.store.data_dir.mkdir(parents=True, exist_ok=True)
        self.store = Store(self.settings)

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
        content and document kinds (rules only) instead of recomputing it."""
        pb = load_playbook(playbook) if isinstance(playbook, str) else playbook
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
