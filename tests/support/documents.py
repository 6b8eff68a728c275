"""Settings without model or network, embedders (real and fake), and hand-built or fixture documents."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Sequence

import pytest


@pytest.fixture
def settings(tmp_path):  # type: ignore[no-untyped-def]
    """Settings on a fresh data_dir under tmp_path; embedding provider 'none', LLM off, no .env file."""
    from assistant.settings import IndexSettings, LLMSettings, Settings, StoreSettings

    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        store=StoreSettings(data_dir=tmp_path / "data"),
        index=IndexSettings(embedding_provider="none"),
        llm=LLMSettings(mode="off"),
    )


@pytest.fixture(scope="session")
def local_embedder():  # type: ignore[no-untyped-def]
    """The real all-MiniLM-L6-v2 embedder, loaded once for the whole test session."""
    from assistant.embeddings import LocalEmbedder

    embedder = LocalEmbedder()
    embedder.embed(["warm-up"])
    return embedder


class FakeEmbedder:
    """Deterministic hashed bag-of-words vectors (no model); counts every text it embeds."""

    name = "fake-bow"
    dim = 64

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    @property
    def embedded(self) -> int:
        return sum(len(c) for c in self.calls)

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(list(texts))
        out = []
        for text in texts:
            v = [0.0] * self.dim
            for word in re.findall(r"[a-z]+", text.lower()):
                v[int(hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
            norm = math.sqrt(sum(x * x for x in v)) or 1.0
            out.append([x / norm for x in v])
        return out


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    """A fresh counting FakeEmbedder."""
    return FakeEmbedder()


Section = tuple[str | None, str | None, str]  # (number, heading, body)


def build_document(
    filename: str, sections: Sequence[Section], *, kind: str = "msa", clauses_per_page: int = 2
):  # type: ignore[no-untyped-def]
    """A Document (and its original bytes) whose text, pages and clause offsets are consistent."""
    from assistant.models import Clause, Document, DocumentKind, Page

    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for number, heading, body in sections:
        head = " ".join(x for x in (number, heading) if x)
        block = f"{head}\n{body}" if head else body
        spans.append((pos, pos + len(block)))
        parts.append(block + "\n\n")
        pos += len(block) + 2
    text = "".join(parts)
    original = text.encode("utf-8")
    sha = hashlib.sha256(original).hexdigest()
    doc_id = sha[:16]
    page_of = [i // clauses_per_page + 1 for i in range(len(sections))]
    pages = []
    for number in sorted(set(page_of)) or [1]:
        idx = [i for i, p in enumerate(page_of) if p == number]
        start = spans[idx[0]][0] if idx else 0
        end = spans[idx[-1] + 1][0] if idx and idx[-1] + 1 < len(spans) else len(text)
        pages.append(Page(number=number, start=start, end=end))
    clauses = [
        Clause(
            id=f"{doc_id}:{i}",
            document_id=doc_id,
            index=i,
            number=number,
            heading=heading,
            text=text[s:e],
            start=s,
            end=e,
            page_start=page_of[i],
            page_end=page_of[i],
        )
        for i, ((number, heading, _body), (s, e)) in enumerate(zip(sections, spans, strict=True))
    ]
    doc = Document(
        id=doc_id,
        filename=filename,
        sha256=sha,
        media_type="txt",
        kind=DocumentKind(kind),
        kind_detected=DocumentKind(kind),
        title=filename,
        size_bytes=len(original),
        text=text,
        pages=pages,
        clauses=clauses,
    )
    return doc, original


@pytest.fixture
def make_doc() -> Callable[..., tuple[object, bytes]]:
    """`make_doc(filename, [(number, heading, body), ...], kind='msa')` -> (Document, original bytes)."""
    return build_document
