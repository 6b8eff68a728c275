"""Whole contracts through ingest and review: a US SaaS MSA rendered to PDF (wrapped lines, pages), a UK
services agreement rendered to DOCX, a DPA + order form family and a "we/you" terms of service, all
shipped as text under tests/fixtures/rules. Every requirement's status and key parameters are checked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document as DocxDocument
from fpdf import FPDF

from assistant.ingest import parse_bytes
from assistant.models import Document, ReviewResult
from assistant.playbook import load_playbook
from assistant.review import review_documents

FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def _text(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def _pdf(text: str) -> bytes:
    """A PDF with a real text layer; paragraphs wrap over lines and spill onto several pages."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for para in text.strip().split("\n"):
        pdf.multi_cell(0, 5, para or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def _docx(text: str) -> bytes:
    doc = DocxDocument()
    for para in text.strip().split("\n"):
        if para.strip():
            doc.add_paragraph(para)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def review(*docs: Document) -> ReviewResult:
    return review_documents(list(docs), load_playbook("default"))


def check(result: ReviewResult, expected: dict[str, tuple[str, dict[str, object]]]) -> None:
    by_id = {d.id: d for d in result.documents}
    problems = []
    for rid, (status, params) in expected.items():
        f = result.finding(rid)
        if f.status.value != status:
            problems.append(f"{rid}: {f.status.value} != {status} ({f.reason})")
        for k, v in params.items():
            if f.params.get(k) != v:
                problems.append(f"{rid}.{k}: {f.params.get(k)} != {v}")
        assert all(e.document_id in by_id for e in f.evidence)
    assert not problems, "\n".join(problems)


def test_us_saas_msa_as_pdf() -> None:
    doc = parse_bytes(_pdf(_text("lumina_msa.txt")), "lumina_msa.pdf")
    assert len(doc.pages) >= 2
    result = review(doc)
    check(result, {
        "audit_rights": ("present", {"notice_days": 30}),
        "exit_assistance": ("present", {"period_days": 60}),
        "subprocessor_disclosure": ("present", {"notice_days": 15}),
        "change_notification": ("present", {"notice_days": 30}),
        "service_credits": ("present", {"availability_percent": 99.9}),
        "data_ownership": ("present", {}),
        "security_obligations": ("present", {}),
        "incident_notification": ("present", {"hours": 72}),
        "data_retention": ("present", {"deletion_days": 30}),
        "access_logging": ("present", {}),
        "termination_convenience": ("missing", {}),
        "renewal_notice": ("present", {"term_months": 12, "notice_days": 30}),
    })  # fmt: skip
    incident = result.finding("incident_notification")
    page_text = doc.text[
        doc.pages[incident.evidence[0].page - 1].start : doc.pages[incident.evidence[0].page - 1].end
    ]
    assert incident.evidence[0].quote in page_text


def test_uk_services_agreement_as_docx() -> None:
    result = review(parse_bytes(_docx(_text("harrowgate_services_agreement.txt")), "harrowgate.docx"))
    check(result, {
        "audit_rights": ("present", {}),
        "exit_assistance": ("present", {"period_days": 180}),
        "subprocessor_disclosure": ("present", {}),
        "change_notification": ("weak", {}),
        "service_credits": ("missing", {}),
        "data_ownership": ("missing", {}),
        "security_obligations": ("weak", {}),
        "incident_notification": ("weak", {}),
        "data_retention": ("weak", {}),
        "access_logging": ("missing", {}),
        "termination_convenience": ("present", {"notice_days": 90}),
        "renewal_notice": ("weak", {"term_months": 36, "notice_days": 180}),
    })  # fmt: skip


def test_dpa_and_order_form_family() -> None:
    dpa = parse_bytes(_text("quantix_dpa.txt").encode(), "quantix_dpa.txt")
    order = parse_bytes(_text("quantix_order_form.txt").encode(), "quantix_order_form.txt")
    result = review(dpa, order)
    check(result, {
        "audit_rights": ("weak", {}),
        "exit_assistance": ("missing", {}),
        "subprocessor_disclosure": ("present", {"notice_days": 14}),
        "change_notification": ("missing", {}),
        "service_credits": ("unclear", {}),
        "data_ownership": ("missing", {}),
        "security_obligations": ("present", {}),
        "incident_notification": ("present", {"hours": 36}),
        "data_retention": ("present", {"deletion_days": 90}),
        "access_logging": ("present", {}),
        "termination_convenience": ("weak", {"notice_days": 60}),
        "renewal_notice": ("weak", {"term_months": 24, "notice_days": 90}),
    })  # fmt: skip
    assert {e.filename for e in result.finding("incident_notification").evidence} == {"quantix_dpa.txt"}
    assert {e.filename for e in result.finding("termination_convenience").evidence} == {
        "quantix_order_form.txt"
    }


@pytest.mark.parametrize(
    ("rid", "status"),
    [
        ("change_notification", "weak"),
        ("data_ownership", "weak"),
        ("security_obligations", "weak"),
        ("incident_notification", "weak"),
        ("data_retention", "present"),
        ("termination_convenience", "present"),
        ("audit_rights", "missing"),
        ("renewal_notice", "missing"),
    ],
)
def test_we_you_terms_of_service(rid: str, status: str) -> None:
    result = review(parse_bytes(_text("platform_terms.txt").encode(), "platform_terms.txt"))
    assert result.finding(rid).status.value == status, result.finding(rid).reason
