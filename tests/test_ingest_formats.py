"""Parsing real PDF, DOCX, Markdown, HTML and text files built by the tests."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.enum.text import WD_BREAK
from fpdf import FPDF

from assistant.ingest import parse_bytes, parse_file
from assistant.models import Document, DocumentKind

HEADER = "Acme Cloud Ltd - Master Services Agreement v2.1"
_WORDS = (
    "audit records security incident notice service credit termination renewal invoice backup "
    "retention subprocessor encryption logging access availability support escalation transition"
).split()


def _prose(seed: int, sentences: int) -> str:
    """Distinct sentences, so no body line repeats at the same place on two pages."""
    out = []
    for i in range(sentences):
        w = [_WORDS[(seed * 7 + i * k + k) % len(_WORDS)] for k in (1, 3, 5, 11)]
        out.append(f"The {w[0]} plan covers {w[1]} duties and the {w[2]} review of {w[3]} item {seed}-{i}.")
    return " ".join(out)


class _Msa(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, HEADER, align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, f"Confidential - Page {self.page_no()}", align="C")


def _para(pdf: FPDF, text: str, height: float = 6) -> None:
    pdf.multi_cell(0, height, text, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)


def build_msa_pdf() -> bytes:
    """A three-page MSA with running header/footer, a hyphenated word and clauses over page breaks."""
    pdf = _Msa()
    pdf.set_auto_page_break(True, margin=22)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    _para(pdf, "MASTER SERVICES AGREEMENT", 8)
    pdf.set_font("Helvetica", size=11)
    _para(pdf, "This agreement is made between Acme Cloud Ltd (Supplier) and Beta Retail plc (Customer).")
    _para(
        pdf,
        "1. Definitions. Terms have the meanings given here and the Supplier's obli-\ngation is continuous.",
    )
    for n in range(2, 9):
        _para(pdf, f"{n}. Heading Number {n}. " + _prose(n, 9))
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def msa_pdf() -> Document:
    return parse_bytes(build_msa_pdf(), "acme_msa.pdf")


def _check_invariants(doc: Document) -> None:
    assert doc.pages[0].start == 0 and doc.pages[-1].end == len(doc.text)
    for a, b in zip(doc.pages, doc.pages[1:], strict=False):
        assert a.end == b.start and a.number + 1 == b.number
    pos = 0
    for c in doc.clauses:
        assert c.text == doc.text[c.start : c.end]
        assert c.page_start == doc.page_at(c.start) and c.page_start <= c.page_end
        assert not doc.text[pos : c.start].strip(), "text between clauses was lost"
        pos = c.end
    assert not doc.text[pos:].strip()


def test_pdf_pages_text_and_kind(msa_pdf: Document) -> None:
    _check_invariants(msa_pdf)
    assert len(msa_pdf.pages) >= 2
    assert msa_pdf.media_type == "pdf" and msa_pdf.kind == DocumentKind.msa
    assert msa_pdf.title == "MASTER SERVICES AGREEMENT"
    assert len(msa_pdf.id) == 16 and msa_pdf.sha256.startswith(msa_pdf.id)


def test_pdf_running_header_and_footer_removed(msa_pdf: Document) -> None:
    assert HEADER not in msa_pdf.text
    assert "Confidential - Page" not in msa_pdf.text
    assert "Page 2" not in msa_pdf.text


def test_pdf_hyphenation_joined(msa_pdf: Document) -> None:
    assert "Supplier's obligation is continuous" in msa_pdf.text
    assert "obli-" not in msa_pdf.text


def test_pdf_clause_over_page_break_is_one_clause(msa_pdf: Document) -> None:
    numbers = [c.number for c in msa_pdf.clauses]
    assert numbers == [None, "1", "2", "3", "4", "5", "6", "7", "8"]
    spanning = [c for c in msa_pdf.clauses if c.page_end > c.page_start]
    assert spanning, "expected a clause that runs over a page break"
    for clause in spanning:
        assert "Confidential" not in clause.text and HEADER not in clause.text
        assert clause.heading == f"Heading Number {clause.number}"
        # lines wrapped mid-sentence were joined; a line break may only follow a sentence end
        assert all(line.endswith(".") for line in clause.text.split("\n"))


def _build_docx() -> bytes:
    d = docx.Document()
    d.add_heading("Data Processing Addendum", level=0)
    d.add_paragraph("This addendum forms part of the Master Services Agreement between Acme and Beta.")
    d.add_heading("1. Subprocessors", level=1)
    d.add_paragraph("The Supplier shall give thirty (30) days notice of any new subprocessor.")
    bold = d.add_paragraph()
    bold.add_run("Incident Notification").bold = True
    d.add_paragraph("The Supplier notifies the Customer within 48 hours of a personal data breach.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Subprocessor"
    table.cell(0, 1).text = "Location"
    table.cell(1, 0).text = "Hetzner Online GmbH"
    table.cell(1, 1).text = "Germany"
    d.add_paragraph("Audit Rights").runs[0].bold = True
    run = d.add_paragraph("The Customer may audit once per year.").add_run()
    run.add_break(WD_BREAK.PAGE)
    d.add_heading("2. Retention of personal data after the end of the services", level=1)
    d.add_paragraph("Personal data is deleted within 90 days after termination.")
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def test_docx_headings_tables_and_page_break() -> None:
    doc = parse_bytes(_build_docx(), "beta_terms.docx")
    _check_invariants(doc)
    assert doc.media_type == "docx" and doc.kind == DocumentKind.dpa
    assert doc.title == "Data Processing Addendum"
    assert len(doc.pages) == 2
    headings = [(c.number, c.heading) for c in doc.clauses]
    assert headings == [
        (None, "Data Processing Addendum"),
        ("1", "Subprocessors"),
        (None, "Incident Notification"),
        (None, "Audit Rights"),
        ("2", "Retention of personal data after the end of the services"),
    ]
    incident = doc.clauses[2]
    assert "Hetzner Online GmbH | Germany" in incident.text  # table rows in body order
    retention = doc.clauses[-1]
    assert (retention.page_start, retention.page_end) == (2, 2)
    assert doc.clauses[3].page_end == 1


def test_markdown_headings(tmp_path: Path) -> None:
    path = tmp_path / "order.md"
    path.write_text(
        "# Order Form\n\nCustomer: Beta Retail plc\n\n## 1. Subscription\n\nTwelve (12) months.\n\n"
        "**Renewal Notice**\n\nEither party may give ninety (90) days notice of non-renewal.\n",
        encoding="utf-8",
    )
    doc = parse_file(path)
    _check_invariants(doc)
    assert doc.media_type == "md" and doc.kind == DocumentKind.order_form and doc.title == "Order Form"
    assert [(c.number, c.heading) for c in doc.clauses] == [
        (None, "Order Form"),
        ("1", "Subscription"),
        (None, "Renewal Notice"),
    ]
    assert doc.text == path.read_text(encoding="utf-8")  # markdown is stored as written


def test_html_blocks_headings_and_tables() -> None:
    html = b"""<html><head><title>Service Level Agreement</title><style>p {color: red}</style>
    <script>var secret = "do not index";</script></head><body>
    <h1>Service Level Agreement</h1><p>This SLA forms part of the Master Agreement.</p>
    <h2>Availability</h2><p>The Service is available <b>99.9%</b> of each month.</p>
    <ul><li>Planned maintenance is excluded.</li><li>Emergency fixes are excluded.</li></ul>
    <h2>Service Credits</h2><table><tr><th>Uptime</th><th>Credit</th></tr>
    <tr><td>99.0% - 99.9%</td><td>10%</td></tr></table></body></html>"""
    doc = parse_bytes(html, "sla.html")
    _check_invariants(doc)
    assert doc.kind == DocumentKind.sla and doc.title == "Service Level Agreement"
    assert "do not index" not in doc.text and "color" not in doc.text
    assert [c.heading for c in doc.clauses] == ["Service Level Agreement", "Availability", "Service Credits"]
    assert "The Service is available 99.9% of each month." in doc.clauses[1].text
    assert "Emergency fixes are excluded." in doc.clauses[1].text
    assert "99.0% - 99.9% | 10%" in doc.clauses[2].text


def test_text_cp1252_fallback_and_kind_override(tmp_path: Path) -> None:
    path = tmp_path / "sow.txt"
    path.write_bytes(
        "STATEMENT OF WORK\r\n\r\n1. Scope. The Supplier\u2019s fee is \u20ac5,000.\r\n".encode("cp1252")
    )
    doc = parse_file(path, kind=DocumentKind.msa)
    _check_invariants(doc)
    assert "Supplier\u2019s fee is \u20ac5,000." in doc.text and "\r" not in doc.text
    assert doc.kind == DocumentKind.msa and doc.kind_detected == DocumentKind.sow
    [clause] = doc.clauses  # the title line has no body of its own: it opens clause 1
    assert (clause.number, clause.heading) == ("1", "Scope")
    assert clause.text.startswith("STATEMENT OF WORK\n\n1. Scope.")


def test_docx_rendered_page_breaks_win_over_explicit_ones() -> None:
    from docx.oxml import OxmlElement

    d = docx.Document()
    for n in range(1, 4):
        para = d.add_paragraph(f"{n}. Clause {n}. The Supplier keeps records for {n} years.")
        if n > 1:  # where Word last laid out a new page: at the start of clauses 2 and 3
            para.runs[0]._r.insert(0, OxmlElement("w:lastRenderedPageBreak"))
    d.paragraphs[0].add_run().add_break(WD_BREAK.PAGE)  # also explicit: must not add a page
    buf = io.BytesIO()
    d.save(buf)
    doc = parse_bytes(buf.getvalue(), "rendered.docx")
    _check_invariants(doc)
    assert len(doc.pages) == 3
    assert [(c.number, c.page_start) for c in doc.clauses] == [("1", 1), ("2", 2), ("3", 3)]


def test_text_form_feed_starts_a_page() -> None:
    doc = parse_bytes(b"1. Term. One year.\n\x0c2. Fees. Paid\nmonthly in arrears.\n", "two_pages.txt")
    _check_invariants(doc)
    assert len(doc.pages) == 2
    assert [(c.number, c.page_start, c.page_end) for c in doc.clauses] == [("1", 1, 1), ("2", 2, 2)]


def test_pdf_with_an_image_only_page_in_the_middle() -> None:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    pdf.add_page()
    _para(pdf, "1. Scope. The Supplier provides hosting services.")
    pdf.add_page()
    pdf.rect(20, 20, 100, 100, style="F")  # a scanned signature page: no text
    pdf.add_page()
    _para(pdf, "2. Fees. The Customer pays monthly.")
    doc = parse_bytes(bytes(pdf.output()), "with_scan.pdf")
    _check_invariants(doc)
    assert [p.number for p in doc.pages] == [1, 2, 3]
    assert [(c.number, c.page_start) for c in doc.clauses] == [("1", 1), ("2", 3)]


def test_docx_automatic_list_numbers_are_rendered() -> None:
    d = docx.Document()
    d.add_paragraph("Hosting Agreement between Acme and Beta.")
    d.add_paragraph("Audit Rights. The Customer may audit the Supplier once a year.", style="List Number")
    d.add_paragraph("Exit Assistance. The Supplier helps migrate the data on exit.", style="List Number")
    d.add_paragraph("Backups are kept for thirty days.", style="List Bullet")
    buf = io.BytesIO()
    d.save(buf)
    doc = parse_bytes(buf.getvalue(), "numbered.docx")
    _check_invariants(doc)
    assert "\n1. Audit Rights. The Customer" in doc.text and "\n2. Exit Assistance." in doc.text
    assert "\nBackups are kept" in doc.text  # bullets get no label
    assert [(c.number, c.heading) for c in doc.clauses] == [
        (None, None),
        ("1", "Audit Rights"),
        ("2", "Exit Assistance"),
    ]


def test_docx_multilevel_numbering() -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    d = docx.Document()
    levels = [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)"), ("lowerRoman", "(%4)")]
    lvl_xml = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering = d.part.numbering_part.element
    numbering.append(
        parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{lvl_xml}</w:abstractNum>')
    )
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))

    def item(text: str, level: int) -> None:
        p = d.add_paragraph(text)
        num_pr = f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>'
        p._p.get_or_add_pPr().append(parse_xml(num_pr))

    item("Security", 0)
    item("The Supplier keeps ISO 27001 certification.", 1)
    item("The Supplier encrypts data at rest and in transit.", 1)
    item("using AES-256;", 2)
    item("with keys held in an HSM;", 2)
    item("rotated yearly.", 3)
    item("Audit", 0)
    item("The Customer may audit once a year.", 1)
    buf = io.BytesIO()
    d.save(buf)
    doc = parse_bytes(buf.getvalue(), "multilevel.docx")
    assert [(c.number, c.heading) for c in doc.clauses] == [
        ("1.1", "Security"),
        ("1.2", "Security"),
        ("(a)", "Security"),
        ("(b)", "Security"),
        ("(i)", "Security"),
        ("2.1", "Audit"),
    ]
    assert doc.clauses[0].text.startswith("1. Security\n1.1 The Supplier keeps")


def test_html_ordered_lists_get_their_numbers() -> None:
    html = b"""<h1>Terms of Service</h1><ol>
    <li><strong>Fees.</strong> You pay monthly.</li>
    <li><p>Termination. Either party may terminate on notice.</p>
      <ol type="a"><li>for convenience on 30 days notice;</li><li>for breach at once.</li></ol></li>
    </ol><ol start="7"><li>Governing Law. English law applies.</li></ol>"""
    doc = parse_bytes(html, "tos.htm")
    _check_invariants(doc)
    assert "\n1. Fees. You pay monthly.\n2. Termination." in doc.text
    assert [(c.number, c.heading) for c in doc.clauses] == [
        ("1", "Fees"),
        ("2", "Termination"),
        ("a", "Termination"),
        ("b", "Termination"),
        ("7", "Governing Law"),
    ]
