"""Store tests; every test runs on SQLite and on Postgres (fresh schema per test, see `db_url`)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from assistant.errors import IngestError, NotFound
from assistant.models import (
    Decision,
    DecisionAction,
    DocumentKind,
    DocumentSummary,
    Evidence,
    Finding,
    PlaybookRef,
    ReviewResult,
    Severity,
    Status,
    Usage,
)
from assistant.store import Store
from assistant.store.tables import ClauseRow, DocumentRow, FamilyMemberRow, FamilyRow, OriginalRow

MSA = [
    ("1", "Definitions", '"Services" means the hosted services described in each Order Form.'),
    ("2", "Audit Rights", "Customer may audit Provider's records once per year on 30 days' notice."),
    ("3", "Fees", "Customer shall pay each invoice within thirty (30) days."),
]
DPA = [
    ("1", "Subprocessors", "Processor shall not engage a subprocessor without prior written authorisation."),
    (
        "2",
        "Breach Notification",
        "Processor shall notify Controller of a personal data breach within 48 hours.",
    ),
]


@pytest.fixture
def store(settings, db_url):  # type: ignore[no-untyped-def]
    s = Store(settings, url=db_url)
    yield s
    s.close()


def _rows(store: Store, table: type) -> int:
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(table)) or 0)


def test_add_and_get_round_trip(store, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, original = make_doc("msa.txt", MSA)
    stored, created = store.add_document(doc, original)
    assert created is True
    assert stored == doc
    again = store.get_document(doc.id)
    assert again == doc
    assert again.clauses[1].text == again.text[again.clauses[1].start : again.clauses[1].end]
    assert store.original_bytes(doc.id) == original
    assert store.find_by_sha256(doc.sha256) == doc
    assert store.find_by_sha256("0" * 64) is None


def test_same_bytes_twice_are_deduplicated(store, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, original = make_doc("msa.txt", MSA)
    store.add_document(doc, original)
    renamed = doc.model_copy(update={"filename": "copy-of-msa.txt"})
    stored, created = store.add_document(renamed, original, family="acme")
    assert created is False
    assert stored.filename == "msa.txt"  # the stored document, not the new one
    assert _rows(store, DocumentRow) == 1
    assert _rows(store, ClauseRow) == len(MSA)
    assert _rows(store, OriginalRow) == 1
    assert [d.id for d in store.family_documents("acme")] == [doc.id]  # joined the family all the same


def test_original_must_match_sha256(store, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, original = make_doc("msa.txt", MSA)
    with pytest.raises(IngestError, match="msa.txt"):
        store.add_document(doc, original + b"tampered")
    assert _rows(store, DocumentRow) == 0


def test_failed_add_leaves_nothing_behind(store, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, original = make_doc("msa.txt", MSA)
    clashing = doc.clauses[2].model_copy(update={"id": doc.clauses[0].id})  # primary key clash mid-insert
    broken = doc.model_copy(update={"clauses": [doc.clauses[0], doc.clauses[1], clashing]})
    with pytest.raises(IntegrityError):
        store.add_document(broken, original, family="acme")
    for table in (DocumentRow, ClauseRow, OriginalRow, FamilyRow, FamilyMemberRow):
        assert _rows(store, table) == 0, table.__tablename__
    assert store.find_by_sha256(doc.sha256) is None
    # the store is still usable and the good document goes in afterwards
    assert store.add_document(doc, original, family="acme")[1] is True


def test_unknown_ids_raise_not_found(store) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound, match="'nope'"):
        store.get_document("nope")
    with pytest.raises(NotFound, match="'nope'"):
        store.original_bytes("nope")
    with pytest.raises(NotFound, match="'nope'"):
        store.get_review("nope")
    with pytest.raises(NotFound, match="'nope'"):
        store.delete_document("nope")


def test_families_and_listing(store, make_doc) -> None:  # type: ignore[no-untyped-def]
    msa, msa_bytes = make_doc("msa.txt", MSA)
    dpa, dpa_bytes = make_doc("dpa.txt", DPA, kind="dpa")
    other, other_bytes = make_doc("nda.txt", [("1", "Confidentiality", "Keep it secret.")], kind="other")
    store.add_document(msa, msa_bytes, family="acme")
    store.add_document(dpa, dpa_bytes, family="acme")
    store.add_document(other, other_bytes, family="globex")
    family = store.family_documents("acme")
    assert [d.filename for d in family] == ["msa.txt", "dpa.txt"]
    assert family[1].clauses == dpa.clauses
    assert store.family_documents("unknown") == []
    assert store.families() == ["acme", "globex"]
    assert {d.id for d in store.list_documents()} == {msa.id, dpa.id, other.id}
    listed = store.list_documents("globex")
    assert [d.id for d in listed] == [other.id] and listed[0].clauses == []
    assert store.list_documents("acme", with_clauses=True)[0].clauses == msa.clauses
    store.add_to_family("globex", msa.id)
    assert {d.id for d in store.family_documents("globex")} == {other.id, msa.id}


def test_set_kind_overrides_the_kind_in_effect(store, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, original = make_doc("schedule.txt", MSA, kind="other")
    store.add_document(doc, original)
    changed = store.set_kind(doc.id, DocumentKind.sla)
    assert changed.kind is DocumentKind.sla and changed.kind_detected is DocumentKind.other
    assert store.get_document(doc.id).kind is DocumentKind.sla
    assert changed.clauses == doc.clauses
    with pytest.raises(ValueError):
        store.set_kind(doc.id, "invoice")  # type: ignore[arg-type]


def test_delete_document_removes_everything(store, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, original = make_doc("msa.txt", MSA)
    store.add_document(doc, original, family="acme")
    store.delete_document(doc.id)
    for table in (DocumentRow, ClauseRow, OriginalRow, FamilyMemberRow):
        assert _rows(store, table) == 0, table.__tablename__
    assert store.family_documents("acme") == []


def test_large_text_round_trips(store, make_doc) -> None:  # type: ignore[no-untyped-def]
    body = "The Supplier shall maintain records of all processing activities. " * 6000  # ~400k chars
    doc, original = make_doc("big.txt", [("1", "Records", body)])
    store.add_document(doc, original)
    assert store.get_document(doc.id).clauses[0].text.endswith(body)


def _review(doc_ids: list[str], version: str = "1", family: str | None = "acme") -> ReviewResult:
    evidence = Evidence(document_id=doc_ids[0], filename="msa.txt", page=1, start=0, end=4, quote="Cust")
    findings = [
        Finding(
            requirement="audit_rights", status=Status.present, severity=Severity.high, evidence=[evidence]
        ),
        Finding(requirement="exit_assistance", status=Status.missing, severity=Severity.high),
        Finding(
            requirement="renewal_notice",
            status=Status.weak,
            severity=Severity.medium,
            params={"notice_days": 15},
        ),
        Finding(requirement="service_credits", status=Status.missing, severity=Severity.low),
    ]
    return ReviewResult(
        family=family,
        documents=[
            DocumentSummary(id=i, filename=f"{i}.txt", sha256=i * 4, kind="msa", pages=1) for i in doc_ids
        ],
        playbook=PlaybookRef(id="default", version=version),
        findings=findings,
        usage=Usage(model="gpt-4o-mini", calls=2, prompt_tokens=1000, completion_tokens=100),
        seconds=1.5,
    )


def test_review_save_get_and_reuse(store) -> None:  # type: ignore[no-untyped-def]
    first = _review(["a", "b"])
    review_id = store.save_review(first)
    assert first.id == review_id
    assert store.get_review(review_id) == first
    assert store.find_review(["b", "a"], "default", "1") == first  # order of ids does not matter
    assert store.find_review(["a"], "default", "1") is None  # not the same set of documents
    assert store.find_review(["a", "b"], "default", "2") is None  # another playbook version
    assert store.find_review(["a", "b"], "cuad", "1") is None
    second = _review(["a", "b"])
    store.save_review(second)
    assert store.find_review(["a", "b"], "default", "1").id == second.id  # latest wins
    assert [r.id for r in store.list_reviews("acme")] == [second.id, first.id]


def test_saving_a_review_again_replaces_it(store) -> None:  # type: ignore[no-untyped-def]
    result = _review(["a"])
    review_id = store.save_review(result)
    result.findings[1] = result.findings[1].model_copy(update={"status": Status.present})
    assert store.save_review(result) == review_id
    assert store.get_review(review_id).finding("exit_assistance").status is Status.present
    assert len(store.list_findings(review_id)) == 4
    assert [f.requirement for f in store.list_findings(review_id, status="missing")] == ["service_credits"]


def test_findings_filter(store) -> None:  # type: ignore[no-untyped-def]
    review_id = store.save_review(_review(["a"]))
    all_findings = store.list_findings(review_id)
    assert [f.requirement for f in all_findings] == [
        "audit_rights",
        "exit_assistance",
        "renewal_notice",
        "service_credits",
    ]
    assert all_findings[0].evidence[0].quote == "Cust"
    assert all_findings[2].params == {"notice_days": 15}
    missing = store.list_findings(review_id, status=Status.missing)
    assert [f.requirement for f in missing] == ["exit_assistance", "service_credits"]
    high_missing = store.list_findings(review_id, status="missing", severity="high")
    assert [f.requirement for f in high_missing] == ["exit_assistance"]
    assert store.list_findings(review_id, severity="critical") == []
    with pytest.raises(ValueError, match="'absent'"):
        store.list_findings(review_id, status="absent")
    with pytest.raises(NotFound):
        store.list_findings("nope")


def test_decisions(store) -> None:  # type: ignore[no-untyped-def]
    review_id = store.save_review(_review(["a"]))
    first = store.add_decision(
        Decision(
            review_id=review_id,
            requirement="exit_assistance",
            action=DecisionAction.accept_risk,
            reason="Vendor exit plan covered by escrow",
            actor="legal@acme",
            risk_owner="cfo",
        )
    )
    assert first.id and first.at
    second = store.add_decision(
        Decision(
            review_id=review_id,
            requirement="audit_rights",
            action=DecisionAction.dismiss,
            reason="false alarm",
            actor="legal@acme",
            at="2030-01-01T00:00:00+00:00",
        )
    )
    stored = store.decisions(review_id)
    assert stored == [first, second]
    assert stored[0].action is DecisionAction.accept_risk and stored[0].risk_owner == "cfo"
    assert stored[1].at.startswith("2030-01-01T00:00:00")
    bad = Decision(
        review_id=review_id, requirement="nonexistent", action="accept", reason="why not", actor="x"
    )
    with pytest.raises(NotFound, match="'nonexistent'"):
        store.add_decision(bad)
    with pytest.raises(NotFound, match="'nope'"):
        store.add_decision(bad.model_copy(update={"review_id": "nope"}))
    with pytest.raises(NotFound):
        store.decisions("nope")


def test_embedding_cache(store) -> None:  # type: ignore[no-untyped-def]
    assert store.cached_embeddings(["h1"], "m") == {}
    store.put_embeddings({"h1": [0.25, -0.5, 1.0], "h2": [0.1] * 384}, "m")
    store.put_embeddings({"h1": [9.0, 9.0, 9.0]}, "m")  # already cached: kept as it was
    store.put_embeddings({"h1": [1.0, 2.0]}, "other-model")
    got = store.cached_embeddings(["h1", "h2", "h3"], "m")
    assert set(got) == {"h1", "h2"}
    assert got["h1"] == [0.25, -0.5, 1.0]
    assert got["h2"] == pytest.approx([0.1] * 384, rel=1e-6)
    assert store.cached_embeddings(["h1"], "other-model") == {"h1": [1.0, 2.0]}
    many = {f"k{i}": [float(i)] for i in range(1200)}  # more than one chunk of the IN (...) list
    store.put_embeddings(many, "m")
    assert len(store.cached_embeddings(list(many), "m")) == 1200


def test_reopening_keeps_data(settings, db_url, make_doc) -> None:  # type: ignore[no-untyped-def]
    doc, original = make_doc("msa.txt", MSA)
    first = Store(settings, url=db_url)
    first.add_document(doc, original, family="acme")
    review_id = first.save_review(_review([doc.id]))
    first.close()
    second = Store(settings, url=db_url)
    try:
        assert second.family_documents("acme") == [doc]
        assert second.get_review(review_id).documents[0].id == doc.id
    finally:
        second.close()


def test_default_url_is_sqlite_file_in_data_dir(settings, make_doc) -> None:  # type: ignore[no-untyped-def]
    store = Store(settings)
    try:
        doc, original = make_doc("msa.txt", MSA)
        store.add_document(doc, original)
        assert (settings.store.data_dir / "clausegate.db").is_file()
    finally:
        store.close()
