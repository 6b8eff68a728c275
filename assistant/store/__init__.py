"""The store seam: documents, clauses, originals, families, reviews, findings, decisions and the
embeddings cache in one SQL database (SQLite file by default, any SQLAlchemy URL such as
`postgresql+psycopg://...` by setting).

    store = Store(settings)
    doc, created = store.add_document(document, original_bytes, family="acme")
"""

from __future__ import annotations

from assistant.store.documents import DocumentsMixin
from assistant.store.embedding_cache import EmbeddingCacheMixin
from assistant.store.reviews import ReviewsMixin

__all__ = ["Store"]


class Store(DocumentsMixin, ReviewsMixin, EmbeddingCacheMixin):
    """SQL persistence of clausegate; every write is one transaction (nothing half-written on error)."""
