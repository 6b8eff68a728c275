"""Parser versions: stored documents parsed by an older parser are re-parsed from their original bytes
(on re-ingest, on review, by `clausegate reparse`) in one transaction, keeping id, family, kind override,
reviews and decisions; old databases gain the version column at start-up. SQLite and Postgres."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text, update
from test_ingest_columns import CLAUSES, column_pdf, expected, wrap
from typer.testing import CliRunner

import assistant.ingest.pdf as pdf_reader
import assistant.service as service
import assistant.store.documents as store_documents
from assistant.cli import app
from assistant.errors import CorruptFile, NotFound
from assistant.ingest import PARSER_VERSION, parse_bytes
from assistant.models import Decision, DecisionAction, Document, DocumentKind, normalise_ws
from assistant.service import Clausegate
from assistant.settings import get_settings
from assistant.store import Store
from assistant.store.migrate import migrate
from assistant.store.tables import DocumentRow
from tests.support.db import MSA_TEXT, api_settings

OLD = PARSER_VERSION - 1
DATA = MSA_TEXT.encode("utf-8")


@pytest.fixture
def svc(tmp_path: Path, db_url: str) -> Iterator[Clausegate]:
    core = Clausegate(api_settings(tmp_path / "data", db_url))
    yield core
    core.store.close()


def old_parse(data: bytes = DATA, filename: str = "msa.txt") -> Document:
    """What an older parser made of the file: here, it found only the first two clauses."""
    doc = parse_bytes(data, filename)
    return doc.model_copy(update={"clauses": doc.clauses[:2]})


def set_version(store: Store, document_id: str, version: int) -> None:
    with store.session() as s, s.begin():
        s.execute(update(DocumentRow).where(DocumentRow.id == document_id).values(parser_version=version))


def test_new_documents_record_the_current_parser(svc: Clausegate, tmp_path: Path) -> None:
    path = tmp_path / "msa.txt"
    path.write_bytes(DATA)
    (doc,) = svc.ingest([path])
    assert svc.store.parser_versions() == {doc.id: PARSER_VERSION}
    assert svc.reparse_documents() == []


def test_review_reparses_a_stale_document_and_does_not_reuse_the_old_review(svc: Clausegate) -> None:
    old = old_parse().model_copy(update={"kind": DocumentKind.sla})  # an explicit kind override
    svc.store.add_document(old, DATA, family="acme")
    first = svc.review(svc.store.family_documents("acme"), family="acme")
    finding = first.findings[0].requirement
    decision = Decision(
        requirement=finding, action=DecisionAction.dismiss, reason="out of scope", actor="dana"
    )
    svc.store.add_decision(decision.model_copy(update={"review_id": first.id}))
    set_version(svc.store, old.id, OLD)  # as if stored before the parser changed

    second = svc.review(svc.store.family_documents("acme"), family="acme")

    doc = svc.store.get_document(old.id)
    assert len(doc.clauses) == len(parse_bytes(DATA, "msa.txt").clauses) > 2
    assert doc.kind == DocumentKind.sla and doc.kind_detected == DocumentKind.msa
    assert [d.id for d in svc.store.family_documents("acme")] == [old.id]
    assert svc.store.parser_versions() == {old.id: PARSER_VERSION}
    assert second.id != first.id  # the review of the old text is not reused ...
    assert svc.store.get_review(first.id or "").id == first.id  # ... but kept, with its decisions
    assert [d.requirement for d in svc.store.decisions(first.id or "")] == [finding]
    assert svc.review(svc.store.family_documents("acme"), family="acme").id == second.id


def test_reingest_of_the_same_bytes_replaces_a_stale_parse(svc: Clausegate, tmp_path: Path) -> None:
    old = old_parse()
    svc.store.add_document(old, DATA, family="acme", parser_version=OLD)
    path = tmp_path / "msa.txt"
    path.write_bytes(DATA)
    (doc,) = svc.ingest([path], family="acme")
    assert doc.id == old.id and len(doc.clauses) > 2
    assert svc.store.get_document(old.id) == doc
    assert svc.store.parser_versions() == {old.id: PARSER_VERSION}


def test_a_current_parse_is_not_replaced_by_an_older_one(svc: Clausegate) -> None:
    current = parse_bytes(DATA, "msa.txt")
    svc.store.add_document(current, DATA)
    stored, created = svc.store.add_document(old_parse(), DATA, parser_version=OLD)
    assert created is False and stored == current


def test_a_failed_write_leaves_the_old_parse(svc: Clausegate, monkeypatch: pytest.MonkeyPatch) -> None:
    old = old_parse()
    svc.store.add_document(old, DATA, parser_version=OLD)

    def broken(clause: object) -> object:
        raise RuntimeError("disk full")

    monkeypatch.setattr(store_documents, "clause_row", broken)  # fails after the old clauses were deleted
    with pytest.raises(RuntimeError, match="disk full"):
        svc.reparse(old.id)
    assert svc.store.get_document(old.id) == old
    assert svc.store.parser_versions() == {old.id: OLD}


def test_a_failed_parse_keeps_the_old_parse_and_the_review_still_runs(
    svc: Clausegate, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = old_parse()
    svc.store.add_document(old, DATA, family="acme", parser_version=OLD)

    def corrupt(*_args: object, **_kw: object) -> Document:
        raise CorruptFile("msa.txt", "cannot be read", "Re-upload it")

    monkeypatch.setattr(service, "parse_bytes", corrupt)
    with pytest.raises(CorruptFile):
        svc.reparse(old.id)
    result = svc.review(svc.store.family_documents("acme"), family="acme")
    assert result.findings
    assert svc.store.get_document(old.id) == old
    (report,) = svc.reparse_documents()
    assert report.error is not None and "cannot be read" in report.error
    assert (report.clauses_before, report.clauses_after) == (2, 2)


def test_reparse_documents_stale_all_or_given_ids(svc: Clausegate, make_doc) -> None:  # type: ignore[no-untyped-def]
    old = old_parse()
    svc.store.add_document(old, DATA, parser_version=OLD)
    other, original = make_doc("dpa.txt", [("1", "Subprocessors", "No subprocessor without consent.")])
    svc.store.add_document(other, original)

    (report,) = svc.reparse_documents()
    assert report.document_id == old.id and report.filename == "msa.txt"
    assert (report.old_version, report.new_version) == (OLD, PARSER_VERSION)
    assert report.clauses_before == 2 and report.clauses_after > 2 and report.text_changed
    assert svc.reparse_documents() == []
    assert {r.document_id for r in svc.reparse_documents(force=True)} == {old.id, other.id}
    assert [r.document_id for r in svc.reparse_documents([other.id, other.id], force=True)] == [other.id]
    with pytest.raises(NotFound, match="nope"):
        svc.reparse_documents(["nope"])


def test_old_database_gains_the_column_and_its_documents_are_stale(
    settings, db_url: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    store = Store(settings, url=db_url)
    store.add_document(old_parse(), DATA, family="acme")
    with store.engine.begin() as conn:  # the schema before parser versions
        conn.execute(text("ALTER TABLE documents DROP COLUMN parser_version"))
    store.close()

    svc = Clausegate(api_settings(tmp_path / "data", db_url))
    try:
        doc = svc.store.family_documents("acme")[0]
        assert svc.store.parser_versions() == {doc.id: 0}  # missing versions count as old
        assert migrate(svc.store.engine) == []  # idempotent
        result = svc.review([doc], family="acme")
        assert result.findings and len(svc.store.get_document(doc.id).clauses) > 2
        assert svc.store.parser_versions() == {doc.id: PARSER_VERSION}
    finally:
        svc.store.close()


def test_a_stale_two_column_pdf_is_reparsed_into_reading_order(
    svc: Clausegate, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = column_pdf(wrap(CLAUSES), rows_per_column=18)
    with monkeypatch.context() as m:
        m.setattr(pdf_reader, "two_column_text", lambda page: None)  # the parser before columns
        interleaved = parse_bytes(data, "msa.pdf")
    svc.store.add_document(interleaved, data, family="acme", parser_version=1)
    assert expected(CLAUSES[1]) not in normalise_ws(interleaved.text)

    (report,) = svc.reparse_documents()
    assert report.text_changed and (report.old_version, report.new_version) == (1, PARSER_VERSION)
    doc = svc.store.get_document(interleaved.id)
    assert all(expected(c) in normalise_ws(doc.text) for c in CLAUSES)


def test_cli_reparse(cli_env: dict[str, str], tmp_path: Path) -> None:
    runner = CliRunner()
    store = Store(get_settings())
    old = old_parse()
    store.add_document(old, DATA, parser_version=OLD)
    store.close()

    count = len(parse_bytes(DATA, "msa.txt").clauses)
    result = runner.invoke(app, ["reparse"])
    assert result.exit_code == 0, result.output
    assert f"{old.id}  msa.txt  parser v{OLD} -> v{PARSER_VERSION}  clauses 2 -> {count}" in result.output
    result = runner.invoke(app, ["reparse"])
    assert f"all 1 stored documents are current (parser version {PARSER_VERSION})" in result.output
    result = runner.invoke(app, ["reparse", "--all"])
    assert f"clauses {count} -> {count}  (text unchanged)" in result.output
    assert runner.invoke(app, ["reparse", "--all", old.id]).exit_code == 2
    result = runner.invoke(app, ["reparse", "nope"])
    assert result.exit_code == 2 and "'nope' is not in the store" in result.output
