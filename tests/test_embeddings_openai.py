"""OpenAI embeddings over recorded HTTP (tests/cassettes/test_embeddings_openai/).

`OpenAIEmbedder` alone (batches, order, blank texts, dimension), behind `CachedEmbedder` + `ClauseIndex`
(indexing and search with the openai provider), and a rejected key. Replayed with record_mode=none and
a dummy key; a request missing from a cassette fails the test. The assertions compare vectors with each
other (cosine similarity, ranking), never with stored numbers, so they hold for a live re-record too.
How the cassettes were made and how to re-record them: tests/cassettes/README.md.
"""

from __future__ import annotations

import json
import math

import openai
import pytest
from pydantic import SecretStr

import assistant.embeddings as embeddings
import assistant.index as index_module
from assistant.embeddings import CachedEmbedder, OpenAIEmbedder, make_embedder
from assistant.errors import LLMError
from assistant.index import ClauseIndex
from assistant.settings import IndexSettings, LLMSettings, Settings, StoreSettings
from assistant.store import Store

pytestmark = pytest.mark.vcr

MODEL = "text-embedding-3-small"
DUMMY_KEY = "sk-test-not-a-real-key"
TEXTS = [
    "Customer may audit the records and facilities of Supplier once per year.",
    "Processor shall notify Controller of a personal data breach within 48 hours.",
    "Customer shall pay each invoice within thirty days of receipt.",
]
MSA = [
    (
        "1",
        "Audit Rights",
        "Customer may audit the records, systems and facilities of Provider once per year.",
    ),
    ("2", "Termination", "Either party may terminate this agreement for convenience on ninety days notice."),
    ("3", "Fees", "Customer shall pay invoices within thirty days of receipt."),
]
DPA = [
    (
        "1",
        "Breach Notification",
        "Processor shall notify Controller of a personal data breach within 48 hours.",
    ),
    ("2", "Subprocessors", "Processor shall not engage subprocessors without prior written authorisation."),
]


def _settings(tmp_path, request: pytest.FixtureRequest, key: str | None = None) -> Settings:  # type: ignore[no-untyped-def]
    live_key = Settings(_env_file=None).openai_api_key  # type: ignore[call-arg]
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        store=StoreSettings(data_dir=tmp_path / "data"),
        index=IndexSettings(embedding_provider="openai", openai_embedding_model=MODEL),
        llm=LLMSettings(
            mode="off",
            base_url=request.config.getoption("--llm-base-url"),
            api_key=SecretStr(key) if key else (live_key or SecretStr(DUMMY_KEY)),
            max_retries=0,
        ),
    )


@pytest.fixture
def emb_settings(tmp_path, request: pytest.FixtureRequest) -> Settings:  # type: ignore[no-untyped-def]
    """openai embedding provider on the default endpoint (what the cassettes replay), no retries; the real
    OPENAI_API_KEY when set (live re-recording), else a dummy key."""
    return _settings(tmp_path, request)


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True)) / (math.hypot(*a) * math.hypot(*b))


def _assert_played(cassette, n: int) -> None:  # type: ignore[no-untyped-def]
    """The cassette holds `n` exchanges and (when replaying) the code made exactly those requests."""
    assert len(cassette.responses) == n
    if cassette.record_mode == "none":
        assert cassette.play_count == n


def _inputs(cassette) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The `input` list of every request in the cassette, in order."""
    return [json.loads(r.body)["input"] for r in cassette.requests]


def test_batches_keep_input_order(emb_settings: Settings, vcr, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """Three texts in batches of two make two requests; the server lists `data` in reverse (scenario
    embedding_reversed), and every vector still lands on its own text."""
    monkeypatch.setattr(embeddings, "_OPENAI_BATCH", 2)
    embedder = OpenAIEmbedder(emb_settings)
    batched = embedder.embed(TEXTS)
    alone = [embedder.embed([t])[0] for t in TEXTS]
    assert _inputs(vcr) == [TEXTS[:2], TEXTS[2:], *([t] for t in TEXTS)]
    _assert_played(vcr, 5)
    assert len(batched) == 3 and all(len(v) == 1536 for v in batched)
    for i, vector in enumerate(batched):
        own = _cos(vector, alone[i])
        assert own > 0.99, (i, own)
        assert all(own > _cos(vector, alone[j]) + 0.05 for j in range(3) if j != i), i


def test_blank_texts_are_sent_as_one_space(emb_settings: Settings, vcr) -> None:  # type: ignore[no-untyped-def]
    """The endpoint rejects '' (400): blank texts go out as ' ' and still get a full-size unit vector."""
    embedder = OpenAIEmbedder(emb_settings)
    assert embedder.embed([]) == []
    vectors = embedder.embed(["", TEXTS[2], "   \n"])
    assert _inputs(vcr) == [[" ", TEXTS[2], " "]]
    _assert_played(vcr, 1)
    assert [len(v) for v in vectors] == [1536, 1536, 1536]
    assert all(abs(math.hypot(*v) - 1.0) < 1e-3 for v in vectors)
    assert _cos(vectors[0], vectors[2]) > 0.99
    assert _cos(vectors[0], vectors[1]) < 0.9


def test_dimension_known_or_probed_once(emb_settings: Settings, vcr, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A known model's size needs no request; an unknown one is measured on one probe, then remembered."""
    assert OpenAIEmbedder(emb_settings).dim == 1536
    assert vcr.play_count == 0
    monkeypatch.setattr(embeddings, "_OPENAI_DIMS", {})
    probed = OpenAIEmbedder(emb_settings)
    assert [probed.dim, probed.dim] == [1536, 1536]  # the second read is remembered
    assert _inputs(vcr) == [["dimension probe"]]
    _assert_played(vcr, 1)


def test_cached_index_search_with_openai_provider(  # type: ignore[no-untyped-def]
    emb_settings: Settings, vcr, make_doc, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two documents indexed through CachedEmbedder + ClauseIndex: one request per document and per query;
    the obviously matching clause ranks first; a fresh index over the same store re-embeds nothing."""
    monkeypatch.setattr(index_module, "_QUERY_VECTORS", {})
    msa, _ = make_doc("msa.txt", MSA)
    dpa, _ = make_doc("dpa.txt", DPA, kind="dpa")
    store = Store(emb_settings)
    embedder = make_embedder(emb_settings, store)
    assert isinstance(embedder, CachedEmbedder) and isinstance(embedder.inner, OpenAIEmbedder)
    index = ClauseIndex(emb_settings, embedder)
    assert index.collection_name == "clauses-text-embedding-3-small-1536"
    assert index.add_document(msa) == 3 and index.add_document(dpa) == 2
    breach = index.search("notify the controller of a personal data breach", k=5)
    assert breach[0].clause_id == dpa.clauses[0].id and breach[0].score > breach[1].score
    assert breach[0].text == dpa.text[breach[0].start : breach[0].end] and breach[0].filename == "dpa.txt"
    audit = index.search("audit the provider's records and facilities", k=3, document_ids=[msa.id])
    assert audit[0].clause_id == msa.clauses[0].id and {h.document_id for h in audit} == {msa.id}
    assert embedder.computed == 7  # 5 clauses + 2 queries, each embedded once
    _assert_played(vcr, 4)
    index2 = emb_settings.index.model_copy(update={"chroma_path": emb_settings.store.data_dir / "chroma2"})
    settings2 = emb_settings.model_copy(update={"index": index2})
    again = CachedEmbedder(OpenAIEmbedder(settings2), store)
    fresh = ClauseIndex(settings2, again)
    assert fresh.count() == 0 and fresh.add_document(msa) == 3 and again.computed == 0
    _assert_played(vcr, 4)
    store.close()


def test_rejected_key_raises_llm_error(tmp_path, request: pytest.FixtureRequest, vcr) -> None:  # type: ignore[no-untyped-def]
    """A 401 becomes LLMError naming the model and the server's reason, after one request (no retries).
    The key is always the dummy, so a live re-record gets the real 401 too."""
    embedder = OpenAIEmbedder(_settings(tmp_path, request, key=DUMMY_KEY))
    with pytest.raises(LLMError) as caught:
        embedder.embed(TEXTS[:1])
    message = str(caught.value)
    assert repr(MODEL) in message and "401" in message and "Incorrect API key" in message, message
    assert isinstance(caught.value.__cause__, openai.AuthenticationError)
    _assert_played(vcr, 1)
