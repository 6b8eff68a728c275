"""Exports: DOCX comments anchored at the evidence text, CSV/XLSX of findings, the evidence pack."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile

from docx import Document as open_docx
from docx.oxml.ns import qn
from openpyxl import load_workbook

from assistant.audit import VerifyResult
from assistant.exports import contract_docx, evidence_pack, findings_csv, findings_xlsx
from assistant.models import Document, Evidence, Finding, Page, PlaybookRef, ReviewResult, Severity, Status
from assistant.playbook import Playbook, Requirement

PAGE1 = "MASTER AGREEMENT\n1. Audit\nCustomer may audit Provider once per year\non 30 days notice.\n"
PAGE2 = "2. Breach\nProvider shall notify Customer within 96 hours\x0c of a breach.\n3. Law\nEnglish law applies.\n"
TEXT = PAGE1 + PAGE2


def _doc() -> Document:
    return Document(
        id="doc1",
        filename="msa.pdf",
        sha256=hashlib.sha256(b"orig").hexdigest(),
        media_type="pdf",
        kind="msa",
        kind_detected="msa",
        size_bytes=4,
        text=TEXT,
        pages=[Page(number=1, start=0, end=len(PAGE1)), Page(number=2, start=len(PAGE1), end=len(TEXT))],
    )


def _ev(quote: str) -> Evidence:
    start = TEXT.index(quote)
    return Evidence(
        document_id="doc1",
        filename="msa.pdf",
        page=1 if start < len(PAGE1) else 2,
        start=start,
        end=start + len(quote),
        quote=quote,
    )


def _review() -> ReviewResult:
    findings = [
        # spans two lines (two paragraphs in the DOCX)
        Finding(
            requirement="audit_rights",
            title="Audit rights",
            status=Status.present,
            evidence=[_ev("may audit Provider once per year\non 30 days notice")],
            reason="Audit once a year.",
        ),
        Finding(
            requirement="incident_notification",
            title="Incident notification",
            status=Status.weak,
            severity=Severity.high,
            params={"notice_hours": 96},
            reason="96h is longer than 72h.",
            evidence=[_ev("within 96 hours")],
        ),
        Finding(
            requirement="exit_assistance",
            title="Exit assistance",
            status=Status.missing,
            severity=Severity.high,
            reason='=HYPERLINK("http://x") no exit clause found.',
        ),
    ]
    return ReviewResult(
        id="rev1", family="acme", documents=[], playbook=PlaybookRef(id="t", version="1"), findings=findings
    )


def _playbook() -> Playbook:
    def req(rid: str, preferred: str) -> Requirement:
        return Requirement(id=rid, title=rid, description=rid, preferred_language=preferred)

    return Playbook(
        id="t",
        version="1",
        requirements=[
            req("audit_rights", ""),
            req("incident_notification", "Notify within 72 hours."),
            req("exit_assistance", "Provider shall provide exit assistance for 6 months."),
        ],
    )


def _anchored_texts(docx_bytes: bytes) -> dict[int, str]:
    """Comment id -> the document text between its commentRangeStart and commentRangeEnd."""
    body = open_docx(io.BytesIO(docx_bytes)).element.body
    open_ids: set[int] = set()
    texts: dict[int, list[str]] = {}
    for el in body.iter():
        if el.tag == qn("w:commentRangeStart"):
            cid = int(el.get(qn("w:id")))
            open_ids.add(cid)
            texts[cid] = []
        elif el.tag == qn("w:commentRangeEnd"):
            open_ids.discard(int(el.get(qn("w:id"))))
        elif el.tag == qn("w:p") and open_ids:
            for cid in open_ids:
                texts[cid].append("\n")
        elif el.tag == qn("w:t"):
            for cid in open_ids:
                texts[cid].append(el.text or "")
    return {cid: "".join(parts).strip() for cid, parts in texts.items()}


def test_docx_comments_are_anchored_at_the_evidence() -> None:
    data = contract_docx(
        _doc(), _review().findings, playbook=_playbook(), states={"incident_notification": "accepted"}
    )
    opened = open_docx(io.BytesIO(data))
    comments = {c.comment_id: c.text for c in opened.comments}
    assert len(comments) == 2
    anchored = _anchored_texts(data)
    by_text = {anchored[cid]: comments[cid] for cid in comments}
    assert set(by_text) == {"may audit Provider once per year\non 30 days notice", "within 96 hours"}
    weak = by_text["within 96 hours"]
    assert weak.startswith("[WEAK] Incident notification") and "notice_hours=96" in weak
    assert "Legal: accepted." in weak and "Preferred language: Notify within 72 hours." in weak
    assert "Preferred language" not in by_text["may audit Provider once per year\non 30 days notice"]
    assert all(c.author == "clausegate" for c in opened.comments)


def test_docx_lists_missing_clauses_first_with_preferred_language() -> None:
    paragraphs = [
        p.text
        for p in open_docx(
            io.BytesIO(contract_docx(_doc(), _review().findings, playbook=_playbook()))
        ).paragraphs
    ]
    top = paragraphs.index("Missing or unclear clauses")
    assert paragraphs[top + 1].startswith("Exit assistance (missing, severity high).")
    assert paragraphs[top + 2] == "Preferred language: Provider shall provide exit assistance for 6 months."
    assert paragraphs.index("English law applies.") > top  # contract text follows, control chars removed
    assert any(p.startswith("Provider shall notify Customer within 96 hours") for p in paragraphs)


def test_csv_and_xlsx_rows_and_formula_injection() -> None:
    review = _review()
    rows = list(
        csv.DictReader(
            io.StringIO(findings_csv(review, {"exit_assistance": "risk_accepted"}).decode("utf-8-sig"))
        )
    )
    assert [r["requirement"] for r in rows] == ["audit_rights", "incident_notification", "exit_assistance"]
    assert (
        rows[1]["quote"] == "within 96 hours"
        and rows[1]["page"] == "2"
        and rows[1]["params"] == '{"notice_hours": 96}'
    )
    assert rows[2]["state"] == "risk_accepted" and rows[2]["reason"].startswith("'=HYPERLINK")
    ws = load_workbook(io.BytesIO(findings_xlsx(review))).active
    values = list(ws.values)
    assert values[0][:3] == ("requirement", "title", "status") and len(values) == 4
    assert values[2][7] == "within 96 hours" and values[3][6].startswith("'=")


def test_evidence_pack_holds_hashes_events_and_manifest() -> None:
    doc = _doc()
    pack = evidence_pack(
        project="acme",
        reviews=[_review()],
        documents=[(doc, b"orig")],
        decisions=[],
        audit_events=[{"seq": 1, "action": "review.done"}],
        audit_verify=VerifyResult(ok=True, count=1, head_hash="ab"),
        memo_markdown="# Memo\nGo.",
        assessment={"readiness": 0.7},
    )
    zf = zipfile.ZipFile(io.BytesIO(pack))
    names = set(zf.namelist())
    assert {
        "memo.md",
        "assessment.json",
        "findings/acme-rev1.csv",
        "reviews/acme-rev1.json",
        "documents.json",
        "audit_events.jsonl",
        "manifest.json",
    } <= names
    docs = json.loads(zf.read("documents.json"))
    assert docs[0]["intact"] is True and docs[0]["sha256_of_stored_bytes"] == doc.sha256
    manifest = json.loads(zf.read("manifest.json"))
    for name, digest in manifest["files"].items():
        assert hashlib.sha256(zf.read(name)).hexdigest() == digest
    tampered = evidence_pack(
        project="acme",
        reviews=[_review()],
        documents=[(doc, b"changed")],
        decisions=[],
        audit_events=[],
        audit_verify=VerifyResult(ok=True, count=0, head_hash="0"),
    )
    assert json.loads(zipfile.ZipFile(io.BytesIO(tampered)).read("documents.json"))[0]["intact"] is False


def _original_docx() -> bytes:
    from docx import Document as new_document

    d = new_document()
    d.add_paragraph().add_run("1. Audit Rights").bold = True
    p = d.add_paragraph()
    p.add_run("Customer may, upon thirty (30) days\u2019 notice, ")
    p.add_run("audit Provider\u2019s records").italic = True
    p.add_run(" once per year.")
    d.add_paragraph().add_run("2. Security").bold = True
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Incident notice"
    table.cell(0, 1).text = "Provider shall notify Customer within 72 hours of a breach."
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_original_docx_keeps_formatting_and_anchors_comments() -> None:
    from assistant.evidence import locate
    from assistant.exports import original_docx_with_comments
    from assistant.ingest import parse_bytes

    data = _original_docx()
    doc = parse_bytes(data, "msa.docx")

    def ev(quote: str) -> Evidence:
        start, end = locate(doc, quote)  # type: ignore[misc]
        return Evidence(
            document_id=doc.id, filename="msa.docx", page=1, start=start, end=end, quote=doc.text[start:end]
        )

    findings = [
        Finding(
            requirement="audit_rights",
            title="Audit rights",
            status=Status.weak,
            reason="Notice is long.",
            evidence=[ev("upon thirty (30) days' notice, audit Provider's records")],
        ),
        Finding(
            requirement="incident_notification",
            title="Incident notification",
            status=Status.present,
            evidence=[ev("notify Customer within 72 hours")],
        ),
        Finding(
            requirement="exit_assistance", title="Exit assistance", status=Status.missing, reason="None."
        ),
    ]
    out, unplaced = original_docx_with_comments(data, doc, findings, playbook=_playbook())
    assert unplaced == []
    anchored = _anchored_texts(out)
    comments = {c.comment_id: c.text for c in open_docx(io.BytesIO(out)).comments}
    by_text = {anchored[cid]: comments[cid] for cid in comments}
    assert set(by_text) == {
        "upon thirty (30) days\u2019 notice, audit Provider\u2019s records",
        "notify Customer within 72 hours",
    }
    assert by_text["notify Customer within 72 hours"].startswith("[PRESENT] Incident notification")
    opened = open_docx(io.BytesIO(out))
    texts = [p.text for p in opened.paragraphs]
    assert texts[0] == "clausegate review: missing or unclear clauses" and texts[1].startswith(
        "Exit assistance (missing"
    )
    assert texts[2] == "Preferred language: Provider shall provide exit assistance for 6 months."
    body = next(p for p in opened.paragraphs if p.text.startswith("Customer may"))
    assert (
        body.text
        == "Customer may, upon thirty (30) days\u2019 notice, audit Provider\u2019s records once per year."
    )
    assert [r.text for r in body.runs if r.italic] == ["audit Provider\u2019s records"]
    assert opened.tables[0].cell(0, 1).text == "Provider shall notify Customer within 72 hours of a breach."
