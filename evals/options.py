"""Optional parts of the evaluated pipeline: the LLM judge (`--llm on`) and local-embedding vector search
(`--vectors`). Both are built from the product's own seams, never re-implemented here."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from assistant.errors import ClausegateError
from assistant.models import Document, ReviewResult
from assistant.playbook import Playbook
from assistant.review import Judge, review_documents
from assistant.settings import Settings

Reviewer = Callable[[list[Document], Playbook], ReviewResult]


class OptionError(RuntimeError):
    """An optional part was asked for but cannot be built; the message says what to do."""


def make_judge(llm: str, settings: Settings) -> Judge | None:
    """The LLM judge of `assistant.judge` with `--llm on`, None with `--llm off`."""
    if llm == "off":
        return None
    try:
        from assistant.judge import make_judge as factory
    except ImportError as exc:  # the judge is an optional part of the product
        raise OptionError(f"--llm on: the LLM judge is not available ({exc}). Run with --llm off.") from exc
    on = settings.model_copy(update={"llm": settings.llm.model_copy(update={"mode": "on"})})
    try:
        judge = factory(on)
    except ClausegateError as exc:
        raise OptionError(f"--llm on: {exc}") from exc
    if judge is None:
        raise OptionError("--llm on: no judge was configured. Set an API key or base_url, or use --llm off.")
    return judge  # type: ignore[return-value,unused-ignore]


def make_reviewer(judge: Judge | None, vectors: bool, settings: Settings) -> Reviewer:
    """`review_documents` with the judge and, with `vectors`, a throw-away local Chroma index per run."""
    search_for: Callable[[list[Document]], object] | None = None
    if vectors:
        search_for = _vector_search_factory(settings)

    def review(documents: list[Document], playbook: Playbook) -> ReviewResult:
        vector_search = search_for(documents) if search_for else None
        return review_documents(documents, playbook, judge=judge, vector_search=vector_search)  # type: ignore[arg-type]

    return review


def _vector_search_factory(settings: Settings) -> Callable[[list[Document]], object]:
    from assistant.embeddings import make_embedder
    from assistant.index import ClauseIndex

    folder = Path(tempfile.mkdtemp(prefix="clausegate-evals-"))
    local = settings.model_copy(
        update={
            "index": settings.index.model_copy(update={"embedding_provider": "local", "chroma_path": folder}),
            "store": settings.store.model_copy(update={"data_dir": folder}),
        }
    )
    embedder = make_embedder(local)
    if embedder is None:
        raise OptionError("--vectors: no local embedder could be built; check the index settings.")
    index = ClauseIndex(local, embedder)

    def for_family(documents: list[Document]) -> object:
        for doc in documents:
            index.add_document(doc)
        return index.vector_search_for([d.id for d in documents])

    return for_family
