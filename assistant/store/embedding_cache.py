"""The embeddings cache: vectors by (sha256 of the text, model name), so nothing is embedded twice."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.dialects import postgresql, sqlite

from assistant.store.convert import pack_vector, unpack_vector
from assistant.store.engine import StoreBase
from assistant.store.tables import EmbeddingRow

_CHUNK = 500  # keeps IN (...) lists and multi-row inserts well under every backend's parameter limit


def _chunks(items: list[Any]) -> Iterator[list[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


class EmbeddingCacheMixin(StoreBase):
    """Embedding-cache operations of `Store`."""

    def cached_embeddings(self, text_hashes: list[str], model: str) -> dict[str, list[float]]:
        """Cached vectors of `model` for those text sha256s that have one (missing ones are left out)."""
        found: dict[str, list[float]] = {}
        with self._sessions() as s:
            for chunk in _chunks(sorted(set(text_hashes))):
                query = select(EmbeddingRow).where(
                    EmbeddingRow.model == model, EmbeddingRow.text_sha256.in_(chunk)
                )
                for row in s.scalars(query):
                    found[row.text_sha256] = unpack_vector(row.vector, row.dim)
        return found

    def put_embeddings(self, items: dict[str, list[float]], model: str) -> None:
        """Cache vectors of `model` by text sha256; vectors already cached are kept as they are."""
        rows = [
            {"text_sha256": h, "model": model, "dim": len(v), "vector": pack_vector(v)}
            for h, v in items.items()
        ]
        dialect = self.engine.dialect.name
        with self._sessions.begin() as s:
            for chunk in _chunks(rows):
                if dialect == "sqlite":
                    s.execute(sqlite.insert(EmbeddingRow).on_conflict_do_nothing(), chunk)
                elif dialect == "postgresql":
                    s.execute(postgresql.insert(EmbeddingRow).on_conflict_do_nothing(), chunk)
                else:
                    known = self.cached_embeddings([r["text_sha256"] for r in chunk], model)
                    fresh = [r for r in chunk if r["text_sha256"] not in known]
                    if fresh:
                        s.execute(insert(EmbeddingRow), fresh)
