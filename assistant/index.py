"""The index seam: clause vectors in a Chroma 1.x collection, searched by meaning.

Chroma never embeds anything itself (its default embedding function would download a model): vectors
come from our `Embedder` and are passed in precomputed. Long clauses are split into overlapping word
windows so a duty buried deep in a long section is still found; hits are reported per clause.

    index = ClauseIndex(settings, embedder)
    index.add_document(doc)
    hits = index.search("who may audit the supplier's records", k=5)
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import chromadb
from chromadb.api import ClientAPI
from chromadb.config import Settings as ChromaSettings
from pydantic import BaseModel, Field

from assistant.embeddings import Embedder
from assistant.errors import ConfigError
from assistant.models import Clause, Document
from assistant.settings import Settings

WINDOW_WORDS = 180  # all-MiniLM-L6-v2 reads 256 word pieces; ~180 words fit
STRIDE_WORDS = 150
_WORD = re.compile(r"\S+")
_QUERY_VECTORS: dict[tuple[str, str], list[float]] = {}
_QUERY_CACHE_MAX = 10_000


class SearchHit(BaseModel):
    """A clause that matches a query, with provenance."""

    clause_id: str = Field(description="Id of the matching clause.")
    document_id: str = Field(description="Id of the clause's document.")
    filename: str = Field(description="File name of the clause's document.")
    page: int = Field(description="Page of the best-matching passage (1-based).")
    heading: str | None = Field(default=None, description="Clause heading, if any.")
    number: str | None = Field(default=None, description="Clause number, if any.")
    score: float = Field(ge=0.0, le=1.0, description="Cosine similarity of query and passage, 0..1.")
    text: str = Field(description="The best-matching passage of the clause (the whole clause if short).")
    start: int = Field(description="Offset of the passage in the document text.")
    end: int = Field(description="Offset one past the passage end in the document text.")


@dataclass(frozen=True)
class _Chunk:
    id: str
    clause: Clause
    start: int  # offsets in the document text
    end: int
    text: str
    embed_text: str


def clause_chunks(clause: Clause) -> list[_Chunk]:
    """The clause as overlapping word windows (one chunk when short, none when blank)."""
    words = list(_WORD.finditer(clause.text))
    chunks: list[_Chunk] = []
    for n, first in enumerate(range(0, len(words), STRIDE_WORDS)):
        last = min(first + WINDOW_WORDS, len(words)) - 1
        lo, hi = words[first].start(), words[last].end()
        text = clause.text[lo:hi]
        prefix = clause.heading if clause.heading and clause.heading.lower() not in text[:300].lower() else ""
        chunk_id = clause.id if n == 0 else f"{clause.id}#{n}"
        embed_text = f"{prefix}\n{text}" if prefix else text
        chunks.append(_Chunk(chunk_id, clause, clause.start + lo, clause.start + hi, text, embed_text))
        if last == len(words) - 1:
            break
    return chunks


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _metadata(doc: Document, chunk: _Chunk) -> dict[str, str | int]:
    meta: dict[str, str | int] = {
        "clause_id": chunk.clause.id,
        "document_id": doc.id,
        "filename": doc.filename,
        "kind": doc.kind.value,
        "page": doc.page_at(chunk.start),
        "start": chunk.start,
        "end": chunk.end,
        "embed_sha256": _sha(chunk.embed_text),
    }
    if chunk.clause.heading:
        meta["heading"] = chunk.clause.heading
    if chunk.clause.number:
        meta["number"] = chunk.clause.number
    return meta


def make_client(settings: Settings) -> ClientAPI:
    """Chroma HTTP client when `index.chroma_host` is set, else a persistent client at `chroma_path()`."""
    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    host, port = settings.index.chroma_host, settings.index.chroma_port
    if host:
        try:
            return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
        except ValueError as exc:  # chromadb's "Could not connect to a Chroma server"
            raise ConfigError(
                f"cannot reach the Chroma server at {host!r}:{port!r}: {exc} Start it, or unset "
                "CLAUSEGATE_INDEX__CHROMA_HOST to use the local index under data_dir."
            ) from exc
    path = settings.chroma_path()
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def collection_name(base: str, embedder: Embedder) -> str:
    """Collection per embedding model, e.g. 'clauses-all-minilm-l6-v2-384' (vectors of different models never mix)."""
    slug = re.sub(r"[^a-z0-9]+", "-", embedder.name.lower()).strip("-")
    return f"{base}-{slug}-{embedder.dim}"[:500]


class ClauseIndex:
    """Clause vectors of stored documents in one Chroma collection per embedding model."""

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        """Open (or create) the collection, cosine space, without any Chroma embedding function."""
        self.settings = settings
        self.embedder = embedder
        self.client = make_client(settings)
        self.collection_name = collection_name(settings.index.collection, embedder)
        self.collection = self.client.get_or_create_collection(
            name=self.collection_name,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"embedder": embedder.name, "dim": embedder.dim},
            embedding_function=None,
        )

    def count(self) -> int:
        """Number of indexed passages (chunks), over all documents."""
        return int(self.collection.count())

    def add_document(self, doc: Document) -> int:
        """Index the document's clauses; idempotent. Returns how many clauses were (re)embedded."""
        chunks = [c for clause in doc.clauses for c in clause_chunks(clause)]
        existing = self.collection.get(where={"document_id": doc.id}, include=["metadatas"])
        known = {
            i: (m or {}).get("embed_sha256")
            for i, m in zip(existing["ids"], existing["metadatas"] or [], strict=False)
        }
        stale = set(known) - {c.id for c in chunks}
        if stale:
            self.collection.delete(ids=sorted(stale))
        todo = [c for c in chunks if known.get(c.id) != _sha(c.embed_text)]
        size = max(1, self.settings.index.batch_size)
        for i in range(0, len(todo), size):
            batch = todo[i : i + size]
            self.collection.upsert(
                ids=[c.id for c in batch],
                embeddings=self.embedder.embed([c.embed_text for c in batch]),  # type: ignore[arg-type]
                documents=[c.text for c in batch],
                metadatas=[_metadata(doc, c) for c in batch],
            )
        return len({c.clause.id for c in todo})

    def remove_document(self, document_id: str) -> None:
        """Drop every passage of the document from the index (a no-op when none is indexed)."""
        self.collection.delete(where={"document_id": document_id})

    def _query_vector(self, query: str) -> list[float]:
        key = (self.embedder.name, query)
        if key not in _QUERY_VECTORS:
            if len(_QUERY_VECTORS) >= _QUERY_CACHE_MAX:
                _QUERY_VECTORS.clear()
            _QUERY_VECTORS[key] = self.embedder.embed([query])[0]
        return _QUERY_VECTORS[key]

    def search(self, query: str, k: int = 8, document_ids: list[str] | None = None) -> list[SearchHit]:
        """The `k` clauses most similar to `query`, best first (only within `document_ids` when given)."""
        if k <= 0 or not query.strip() or document_ids == [] or self.count() == 0:
            return []
        where: dict[str, Any] | None = None
        if document_ids is not None:
            where = {"document_id": {"$in": sorted(set(document_ids))}}
        result = self.collection.query(
            query_embeddings=[self._query_vector(query)],  # type: ignore[arg-type]
            n_results=min(self.count(), k * 3),
            where=where,
            include=["documents", "metadatas", "distances"],
        )
        best: dict[str, SearchHit] = {}
        rows = zip(result["documents"][0], result["metadatas"][0], result["distances"][0], strict=True)  # type: ignore[index]
        for text, meta, distance in rows:
            hit = _hit(text, meta, distance)
            if hit.clause_id not in best:  # rows come best first
                best[hit.clause_id] = hit
        return list(best.values())[:k]

    def vector_search_for(self, document_ids: list[str]) -> Callable[[str, int], list[tuple[str, float]]]:
        """The review's `VectorSearch`: (query, k) -> [(clause_id, similarity 0..1)] within these documents."""
        ids = list(document_ids)

        def vector_search(query: str, k: int) -> list[tuple[str, float]]:
            return [(h.clause_id, h.score) for h in self.search(query, k=k, document_ids=ids)]

        return vector_search


def _hit(text: str, meta: Any, distance: float) -> SearchHit:
    return SearchHit(
        clause_id=str(meta["clause_id"]),
        document_id=str(meta["document_id"]),
        filename=str(meta["filename"]),
        page=int(meta["page"]),
        heading=meta.get("heading"),
        number=meta.get("number"),
        score=min(1.0, max(0.0, 1.0 - float(distance))),
        text=text,
        start=int(meta["start"]),
        end=int(meta["end"]),
    )
