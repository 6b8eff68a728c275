"""Heading-only lines vs lead-in clauses, heading inheritance, run-in labels and kind detection."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from assistant.ingest import parse_bytes, parse_file
from assistant.models import Clause, Document, DocumentKind

TERMS_MD = """# Acme Enterprise Terms

These Enterprise Terms govern each Order Form signed by Acme and the Customer.

## 1. Services

3.1 The Supplier shall:

(a) The Supplier hosts the platform

(b) provide support by email during business hours.

*Updates.* Acme may update the Services from time to time, without reducing their functionality.

## 2. Fees

Customer pays the fees stated in the Order Form. Each Order Form is governed by these terms.

3. Customer shall pay undisputed invoices within thirty (30) days of receipt.
"""


def _check(doc: Document) -> None:
    for c in doc.clauses:
        assert c.text == doc.text[c.start : c.end]


def _find(doc: Document, start: str) -> Clause:
    # a heading-only line above ("## 1. Services") is folded into the clause: match any line start
    found = [c for c in doc.clauses if any(ln.startswith(start) for ln in c.text.split("\n"))]
    assert len(found) == 1, f"{start!r}: {[c.text[:40] for c in doc.clauses]}"
    return found[0]


@pytest.fixture(scope="module")
def terms_md(tmp_path_factory: pytest.TempPathFactory) -> Document:
    path = tmp_path_factory.mktemp("md") / "enterprise_terms.md"
    path.write_text(TERMS_MD, encoding="utf-8")
    doc = parse_file(path)
    _check(doc)
    return doc


def test_lead_in_clause_is_not_a_heading(terms_md: Document) -> None:
    lead = _find(terms_md, "3.1 The Supplier shall:")
    assert lead.number == "3.1" and lead.heading == "Services"
    item = _find(terms_md, "(a) The Supplier hosts the platform")
    assert item.number == "(a)" and item.heading == "Services"
    assert "(a)" not in lead.text


def test_title_is_not_inherited_by_a_later_clause(terms_md: Document) -> None:
    clause = _find(terms_md, "3. Customer shall pay")
    assert clause.number == "3"
    assert clause.heading is None
    assert all(c.heading != "Acme Enterprise Terms" for c in terms_md.clauses[1:])


def test_italic_run_in_label_is_the_heading_and_text_is_verbatim(terms_md: Document) -> None:
    clause = _find(terms_md, "*Updates.* Acme may update")
    assert clause.heading == "Updates"
    assert clause.text.startswith("*Updates.* Acme may update")


def test_terms_mentioning_order_forms_are_an_msa(terms_md: Document) -> None:
    assert terms_md.kind is DocumentKind.msa


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Terms of Service", DocumentKind.msa),
        ("Enterprise Terms", DocumentKind.msa),
        ("Order Form", DocumentKind.order_form),
        ("Quote Q-2291", DocumentKind.order_form),
        ("Subscription Order", DocumentKind.order_form),
    ],
)
def test_title_dominates_body_mentions(title: str, kind: DocumentKind) -> None:
    body = "\n\n".join(
        f"{i}. The Order Form lists the subscription. Each Order Form and quote refers to these terms."
        for i in range(1, 8)
    )
    doc = parse_bytes(f"# {title}\n\n{body}\n".encode(), "document.md")
    assert doc.kind is kind


@pytest.mark.parametrize(
    ("line", "number", "heading"),
    [
        ("1. DEFINITIONS", "1", "DEFINITIONS"),
        ("12. Audit Rights.", "12", "Audit Rights"),
        ("ARTICLE IV", "IV", None),
        ("Section 7 - Term", "7", "Term"),
        ("4. Scope and roles", "4", "Scope and roles"),
    ],
)
def test_heading_lines_still_merge_into_the_next_clause(line: str, number: str, heading: str | None) -> None:
    text = f"Preamble between Acme and Beta.\n\n{line}\n\n(a) the Supplier keeps records for six years.\n"
    doc = parse_bytes(text.encode(), "contract.txt")
    _check(doc)
    assert [c.number for c in doc.clauses] == [None, number]
    assert doc.clauses[1].heading == heading
    assert doc.clauses[1].text.startswith(line)


@pytest.mark.parametrize(
    "line",
    [
        "3.1 The Supplier shall:",
        "(a) The Supplier hosts the platform",
        "2. We host the platform",
        "5. Each party may terminate",
        "(b) Customer is responsible for its users",
    ],
)
def test_sentence_lines_are_clauses(line: str) -> None:
    text = f"Preamble between Acme and Beta.\n\n{line}\n\n(c) the Supplier keeps records for six years.\n"
    doc = parse_bytes(text.encode(), "contract.txt")
    _check(doc)
    assert len(doc.clauses) == 3, [c.text for c in doc.clauses]
    assert doc.clauses[1].text == line
    assert doc.clauses[1].heading is None


def _docx_bytes(path: Path) -> Path:
    d = docx.Document()
    d.add_paragraph("MASTER SERVICES AGREEMENT")
    d.add_paragraph("1. Security")
    d.add_paragraph("1.1 The Supplier shall:")
    d.add_paragraph("(a) The Supplier encrypts data at rest")
    d.add_paragraph("(b) keep access logs for one year.")
    d.add_paragraph("2. The Supplier shall notify the Customer of any breach within 48 hours.")
    d.save(str(path))
    return path


def test_docx_lead_in_and_title(tmp_path: Path) -> None:
    doc = parse_file(_docx_bytes(tmp_path / "msa.docx"))
    _check(doc)
    lead = _find(doc, "1.1 The Supplier shall:")
    assert lead.heading == "Security" and lead.text.endswith("1. Security\n1.1 The Supplier shall:")
    assert _find(doc, "(a) The Supplier encrypts").heading == "Security"
    assert _find(doc, "2. The Supplier shall notify").heading is None
    assert doc.kind is DocumentKind.msa


def test_pdf_lead_in_clause(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for line in (
        "SUBSCRIPTION TERMS",
        "",
        "7. Audit Rights",
        "",
        "7.1 The Supplier shall:",
        "",
        "(a) The Supplier keeps records",
        "",
        "(b) allow the Customer to audit those records once a year.",
        "",
        "8. Either party may terminate this Agreement on ninety (90) days notice.",
    ):
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "terms.pdf"
    path.write_bytes(bytes(pdf.output()))
    doc = parse_file(path)
    _check(doc)
    lead = _find(doc, "7.1 The Supplier shall:")
    assert lead.heading == "Audit Rights" and "(a)" not in lead.text
    assert _find(doc, "(a) The Supplier keeps records").heading == "Audit Rights"
    assert _find(doc, "8. Either party may terminate").heading is None


def test_numbered_clause_with_italic_run_in_label() -> None:
    text = "Preamble between Acme and Beta.\n\n4. _Suspension._ Acme may suspend access for non-payment.\n"
    doc = parse_bytes(text.encode(), "terms.md")
    _check(doc)
    clause = _find(doc, "4. _Suspension._ Acme may suspend")
    assert clause.number == "4" and clause.heading == "Suspension"


def test_whole_italic_line_is_not_a_run_in_label() -> None:
    text = "# Terms\n\n*The plain-English version is the real one.*\n\nWe host the platform.\n"
    doc = parse_bytes(text.encode(), "terms.md")
    _check(doc)
    assert [c.heading for c in doc.clauses] == ["Terms"]
