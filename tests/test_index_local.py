"""Semantic search with the REAL local model (all-MiniLM-L6-v2, offline), loaded once per session."""

from __future__ import annotations

import pytest

from assistant.embeddings import CachedEmbedder
from assistant.index import ClauseIndex
from assistant.store import Store

pytestmark = pytest.mark.slow

MSA = [
    ("1", "Definitions", '"Customer Data" means all data that Customer or its users submit to the Service.'),
    (
        "2",
        "Inspection",
        "Upon thirty (30) days' written notice, Customer or an independent third party appointed by it may "
        "examine Supplier's books, records, systems and premises to verify compliance with this Agreement.",
    ),
    (
        "3",
        "Security Incidents",
        "Supplier shall inform Customer without undue delay, and in any event within seventy-two (72) hours, "
        "after becoming aware of any unauthorised access to or disclosure of Customer Data.",
    ),
    (
        "4",
        "Termination",
        "Customer may end this Agreement at any time and for any reason by giving ninety (90) days' notice.",
    ),
    ("5", "Governing Law", "This Agreement is governed by the laws of the State of New York."),
    ("6", "Fees", "Customer shall pay all undisputed invoices within thirty (30) days of receipt."),
]
DPA = [
    (
        "1",
        "Sub-processors",
        "The Processor maintains a list of the sub-processors it engages and gives the Controller notice "
        "of any intended addition or replacement, allowing the Controller to object.",
    ),
    (
        "2",
        "Return and Deletion",
        "On termination the Processor shall return all personal data to the Controller and delete existing "
        "copies within sixty (60) days.",
    ),
]

QUERIES = [
    ("right to audit the vendor's records and facilities", "msa", 1),
    ("how quickly must a data breach be reported to us", "msa", 2),
    ("can we cancel the contract early without cause", "msa", 3),
    ("which jurisdiction's law applies", "msa", 4),
    ("payment terms for invoices", "msa", 5),
    ("notice before adding a new subcontractor", "dpa", 0),
    ("must the processor give back or destroy personal data at the end", "dpa", 1),
]


@pytest.fixture
def family(make_doc):  # type: ignore[no-untyped-def]
    return {"msa": make_doc("msa.txt", MSA)[0], "dpa": make_doc("dpa.txt", DPA, kind="dpa")[0]}


def test_semantic_queries_find_the_right_clause(settings, local_embedder, family) -> None:  # type: ignore[no-untyped-def]
    index = ClauseIndex(settings, local_embedder)
    for doc in family.values():
        index.add_document(doc)
    for query, doc_key, clause_index in QUERIES:
        top, runner_up, _ = index.search(query, k=3)
        expected = family[doc_key].clauses[clause_index]
        assert top.clause_id == expected.id, f"{query!r} -> {top.heading!r}, expected {expected.heading!r}"
        assert top.score > runner_up.score > 0.0
    within = index.vector_search_for([family["dpa"].id])("right to audit the vendor's records", 8)
    assert {cid.split(":")[0] for cid, _ in within} == {family["dpa"].id}


def test_second_index_run_embeds_nothing(settings, local_embedder, family) -> None:  # type: ignore[no-untyped-def]
    store = Store(settings)
    first = CachedEmbedder(local_embedder, store)
    index = ClauseIndex(settings, first)
    assert index.add_document(family["msa"]) == len(MSA)
    assert first.computed == len(MSA)
    settings.index.chroma_path = settings.store.data_dir / "rebuilt"  # a new, empty Chroma index
    second = CachedEmbedder(local_embedder, store)
    rebuilt = ClauseIndex(settings, second)
    assert rebuilt.add_document(family["msa"]) == len(MSA)
    assert second.computed == 0  # every vector came from the store's cache
    hit = rebuilt.search("right to audit the vendor's records and facilities", k=1)[0]
    assert hit.clause_id == family["msa"].clauses[1].id
    store.close()
