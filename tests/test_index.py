"""Clause index and embedder plumbing with a counting fake embedder (fast; the real model is in
test_index_local.py)."""

from __future__ import annotations

import pytest

from assistant.embeddings import CachedEmbedder, LocalEmbedder, OpenAIEmbedder, make_embedder, text_sha256
from assistant.errors import ConfigError
from assistant.index import WINDOW_WORDS, ClauseIndex, clause_chunks, collection_name
from assistant.settings import IndexSettings, LLMSettings, Settings
from assistant.store import Store

MSA = [
    ("1", "Audit Rights", "Customer may audit the records and facilities of Provider once per year."),
    ("2", "Termination", "Either party may terminate this agreement for convenience on ninety days notice."),
    ("3", "Fees", "Customer shall pay invoices within thirty days of receipt."),
]
DPA = [
    ("1", "Breach", "Processor shall notify Controller of a personal data breach within 48 hours."),
    ("2", "Subprocessors", "Processor shall not engage subprocessors without written authorisation."),
]


@pytest.fixture
def index(settings, fake_embedder):  # type: ignore[no-untyped-def]
    return ClauseIndex(settings, fake_embedder)


def test_add_is_idempotent_and_searchable(index, fake_embedder, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, _ = make_doc("msa.txt", MSA)
    assert index.add_document(doc) == 3
    assert fake_embedder.embedded == 3
    assert index.add_document(doc) == 0  # nothing new: nothing embedded, nothing added
    assert fake_embedder.embedded == 3
    assert index.count() == 3
    hits = index.search("pay invoices within thirty days", k=2)
    assert hits[0].clause_id == doc.clauses[2].id
    assert hits[0].heading == "Fees" and hits[0].number == "3" and hits[0].filename == "msa.txt"
    assert hits[0].text == doc.text[hits[0].start : hits[0].end]
    assert hits[0].score > hits[1].score
    assert 0.0 <= hits[1].score <= 1.0


def test_search_within_documents_and_remove(index, make_doc) -> None:  # type: ignore[no-untyped-def]
    msa, _ = make_doc("msa.txt", MSA)
    dpa, _ = make_doc("dpa.txt", DPA, kind="dpa")
    index.add_document(msa)
    index.add_document(dpa)
    query = "notify the controller of a personal data breach"
    assert index.search(query, k=1)[0].clause_id == dpa.clauses[0].id
    only_msa = index.search(query, k=8, document_ids=[msa.id])
    assert {h.document_id for h in only_msa} == {msa.id} and len(only_msa) == 3
    assert index.search(query, document_ids=[]) == []
    search = index.vector_search_for([dpa.id])
    pairs = search(query, 5)
    assert [cid for cid, _ in pairs] == [dpa.clauses[0].id, dpa.clauses[1].id]
    assert pairs[0][1] >= pairs[1][1]
    index.remove_document(dpa.id)
    assert search(query, 5) == []
    assert index.count() == 3


def test_changed_clause_is_reembedded_and_stale_chunks_dropped(index, fake_embedder, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, _ = make_doc("msa.txt", MSA)
    index.add_document(doc)
    shorter = doc.model_copy(update={"clauses": doc.clauses[:2]})
    edited = shorter.clauses[1].model_copy(
        update={"text": shorter.clauses[1].text + " Renewal is automatic."}
    )
    shorter.clauses[1] = edited
    assert index.add_document(shorter) == 1
    assert fake_embedder.calls[-1] == [edited.text]
    assert index.count() == 2


def test_blank_clauses_do_not_crash(index, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, _ = make_doc(
        "odd.txt", [(None, None, ""), ("1", "Fees", "Fees are due monthly."), (None, None, "   ")]
    )
    assert index.add_document(doc) == 1
    assert index.search("fees due", k=3)[0].clause_id == doc.clauses[1].id
    assert index.search("   ") == []


def test_long_clause_is_found_by_a_passage_deep_inside(index, make_doc) -> None:  # type: ignore[no-untyped-def]
    filler = " ".join(f"w{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}" for i in range(600))  # distinct words
    body = f"{filler} The supplier shall notify the customer of every security breach within 24 hours."
    doc, _ = make_doc("long.txt", [("9", "General", body), ("10", "Fees", "Fees are due monthly.")])
    chunks = clause_chunks(doc.clauses[0])
    assert len(chunks) > 1 and all(len(c.text.split()) <= WINDOW_WORDS for c in chunks)
    index.add_document(doc)
    hits = index.search("notify the customer of every security breach within 24 hours", k=2)
    assert hits[0].clause_id == doc.clauses[0].id  # reported per clause, not per chunk
    assert len({h.clause_id for h in hits}) == len(hits)
    assert "security breach" in hits[0].text
    assert doc.text[hits[0].start : hits[0].end] == hits[0].text
    assert hits[0].page == 1


@pytest.mark.filterwarnings("ignore:legacy embedding function config:DeprecationWarning")
def test_index_persists_on_disk(settings, fake_embedder, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, _ = make_doc("msa.txt", MSA)
    ClauseIndex(settings, fake_embedder).add_document(doc)
    reopened = ClauseIndex(settings, fake_embedder)
    assert reopened.count() == 3
    assert (settings.store.data_dir / "chroma").is_dir()
    assert reopened.collection_name == "clauses-fake-bow-64"
    config = reopened.collection.configuration
    assert config["hnsw"]["space"] == "cosine"
    assert config["embedding_function"] is None  # Chroma never embeds (nor downloads a model) itself


def test_cached_embedder_never_recomputes(settings, fake_embedder, make_doc) -> None:  # type: ignore[no-untyped-def]
    store = Store(settings)
    doc, _ = make_doc("msa.txt", MSA)
    cached = CachedEmbedder(fake_embedder, store)
    assert ClauseIndex(settings, cached).add_document(doc) == 3
    assert fake_embedder.embedded == 3 and cached.computed == 3
    # a brand-new Chroma index (e.g. after deleting it) gets its vectors from the store's cache
    fresh = settings.model_copy(
        update={
            "index": settings.index.model_copy(update={"chroma_path": settings.store.data_dir / "chroma2"})
        }
    )
    second = ClauseIndex(fresh, CachedEmbedder(fake_embedder, store))
    assert second.add_document(doc) == 3
    assert fake_embedder.embedded == 3
    assert second.search("audit the records and facilities", k=1)[0].clause_id == doc.clauses[0].id
    vectors = cached.embed(["Fees are due", "Fees are due", "new text"])
    assert vectors[0] == vectors[1] and fake_embedder.calls[-1] == ["Fees are due", "new text"]  # once each
    assert cached.embed(["new text", doc.clauses[0].text]) and fake_embedder.calls[-1] == [
        "Fees are due",
        "new text",
    ]
    assert store.cached_embeddings([text_sha256("new text")], "fake-bow")
    store.close()


def test_make_embedder_per_provider(settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert make_embedder(settings) is None  # provider 'none'
    local = settings.model_copy(update={"index": IndexSettings(embedding_provider="local")})
    plain = make_embedder(local)
    assert isinstance(plain, LocalEmbedder) and plain.dim == 384
    store = Store(settings)
    wrapped = make_embedder(local, store)
    assert isinstance(wrapped, CachedEmbedder) and wrapped.name == "all-MiniLM-L6-v2"
    store.close()
    openai = settings.model_copy(
        update={
            "index": IndexSettings(embedding_provider="openai"),
            "llm": LLMSettings(base_url="http://127.0.0.1:9/v1"),
        }
    )
    remote = make_embedder(openai)
    assert isinstance(remote, OpenAIEmbedder)
    assert remote.name == "text-embedding-3-small" and remote.dim == 1536


def test_openai_embedder_without_key_is_a_config_error(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("CLAUSEGATE_LLM__API_KEY", raising=False)
    monkeypatch.delenv("CLAUSEGATE_LLM__BASE_URL", raising=False)
    settings = Settings(_env_file=None, index=IndexSettings(embedding_provider="openai"))  # type: ignore[call-arg]
    with pytest.raises(ConfigError, match="CLAUSEGATE_LLM__API_KEY"):
        make_embedder(settings)


def test_collection_name_is_per_model(fake_embedder) -> None:  # type: ignore[no-untyped-def]
    assert collection_name("clauses", fake_embedder) == "clauses-fake-bow-64"
    assert collection_name("clauses", LocalEmbedder()) == "clauses-all-minilm-l6-v2-384"


def test_unreachable_chroma_server_is_a_config_error(settings, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    remote = settings.model_copy(update={"index": IndexSettings(chroma_host="127.0.0.1", chroma_port=9)})
    with pytest.raises(ConfigError, match="'127.0.0.1':9"):
        ClauseIndex(remote, fake_embedder)
