"""Wrapped lines that start with a number ("(30) days", "12 Months", "(b) of ...") are not clauses.

The PDFs are real (fpdf2, one text line per drawn line, running header and footer, a sentence wrapped
over a page break); each test first checks with pypdf that the tricky text really starts a line.
"""

from __future__ import annotations

import io

import pytest
from fpdf import FPDF
from pypdf import PdfReader

from assistant.ingest import parse_bytes, segment
from assistant.ingest.markers import numbered_marker
from assistant.ingest.wraps import ListLabels, plausible
from assistant.models import Document, Page

PAGE_1 = [
    "MASTER SERVICES AGREEMENT",
    "This agreement is made between Acme Cloud Ltd (the Supplier) and Beta Retail plc (the Customer).",
    "1. Fees and Payment",
    "1.1 The Customer shall pay each undisputed invoice issued under this Agreement within thirty",
    "(30) days after its receipt, and no interest accrues on any invoice during the first twelve",
    "(12) months of the Initial Term.",
    "1.2 Prices are fixed for the Initial Term and, unless the parties agree otherwise, for a period of",
    "12 Months from the first anniversary of the Effective Date, after which the Supplier may revise",
    "them on ninety days' notice.",
    "2. Service Levels",
    "2.1 The Supplier shall restore any Severity 1 incident within a resolution time of no more than",
    "2.5 Hours of the incident being reported and shall provide the support and maintenance services",
    '(the "Support Services") to the standard set out in the service description referred to in',
    "Section 5 of the Order Form. Service credits are calculated as set out in Section 4.2",
    "(b) of the Service Level Schedule and are the Customer's sole remedy except as stated in clause",
    "(iv) above.",
    "2.2 The Supplier shall give the Customer at least forty-eight",
]
PAGE_2 = [
    "(48) hours' notice of planned maintenance and shall perform it only in the windows set out in",
    "Section 6 (Maintenance) of the Order Form, outside the Customer's business hours of 8am to 6pm.",
    "3. Security",
    "3.1 The Supplier shall, at its own cost and for the whole of the Term:",
    "(a) maintain an information security programme certified to ISO 27001;",
    "(b) notify the Customer of any Security Incident without undue delay; and",
    "(c) keep access logs for at least one year.",
    "3.2 During the Term and for six months after it ends the Supplier shall",
    "(a) encrypt Customer Data in transit and at rest",
    "(b) restrict access to Customer Data to personnel who need it",
    "3.3 Business continuity plans are tested every year.",
]
NUMBERS = [None, "1.1", "1.2", "2.1", "2.2", "3.1", "(a)", "(b)", "(c)", "3.2", "(a)", "(b)", "3.3"]
WRAPPED = ["(30) days", "(12) months", "12 Months", "2.5 Hours", '(the "Support', "Section 5 of", "(b) of"]
WRAPPED += ["(iv) above", "(48) hours", "Section 6 (Maintenance)"]


class _Contract(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, "Acme Cloud Ltd - Master Services Agreement", align="C")
        self.ln(10)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=8)
        self.cell(0, 6, f"Page {self.page_no()}", align="C")


def build_pdf(pages: list[list[str]]) -> bytes:
    """One drawn line per given line, so the text layer breaks lines exactly there."""
    pdf = _Contract()
    pdf.set_auto_page_break(False)
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for line in lines:
            assert pdf.get_string_width(line) <= pdf.epw, f"{line!r} would wrap again"
            pdf.cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.fixture(scope="module")
def pdf_doc() -> Document:
    data = build_pdf([PAGE_1, PAGE_2])
    raw_lines = [
        ln.strip() for page in PdfReader(io.BytesIO(data)).pages for ln in page.extract_text().splitlines()
    ]
    for start in WRAPPED:  # the premise: each tricky text starts a line of the text layer
        assert any(ln.startswith(start) for ln in raw_lines), start
    return parse_bytes(data, "acme_msa.pdf")


def _clause(doc: Document, phrase: str) -> str | None:
    """Number of the clause holding `phrase`."""
    [clause] = [c for c in doc.clauses if phrase in c.text]
    return clause.number


def test_pdf_wrapped_numbers_stay_inside_their_sentence(pdf_doc: Document) -> None:
    assert [c.number for c in pdf_doc.clauses] == NUMBERS
    text = pdf_doc.text
    assert "within thirty (30) days after its receipt" in text
    assert "the first twelve (12) months of the Initial Term." in text
    assert "for a period of 12 Months from the first anniversary" in text
    assert "no more than 2.5 Hours of the incident" in text
    assert 'maintenance services (the "Support Services") to the standard' in text
    assert "referred to in Section 5 of the Order Form." in text
    assert "Section 4.2 (b) of the Service Level Schedule" in text
    assert "clause (iv) above." in text
    assert "set out in Section 6 (Maintenance) of the Order Form" in text
    assert _clause(pdf_doc, "(12) months") == "1.1"
    assert _clause(pdf_doc, "12 Months from") == "1.2"
    assert _clause(pdf_doc, "(iv) above") == "2.1"


def test_pdf_sentence_over_a_page_break_keeps_its_clause(pdf_doc: Document) -> None:
    assert "at least forty-eight (48) hours' notice" in pdf_doc.text
    clause = next(c for c in pdf_doc.clauses if c.number == "2.2")
    assert (clause.page_start, clause.page_end) == (1, 2)
    assert clause.text.endswith("business hours of 8am to 6pm.")
    assert "Acme Cloud Ltd - Master" not in pdf_doc.text and "Page 2" not in pdf_doc.text


def test_pdf_real_lists_keep_their_items(pdf_doc: Document) -> None:
    items = [c for c in pdf_doc.clauses if c.number and c.number.startswith("(")]
    assert [c.text.split(" ", 2)[1] for c in items] == ["maintain", "notify", "keep", "encrypt", "restrict"]
    assert all(c.heading == "Security" for c in items)


@pytest.mark.parametrize("blank", ["\n", "\n\n"], ids=["hard-wrapped", "double-spaced"])
def test_text_file_with_hard_wrapped_lines(blank: str) -> None:
    data = blank.join([*PAGE_1, *PAGE_2]).encode()
    doc = parse_bytes(data, "acme_msa.txt")
    numbers = [c.number for c in doc.clauses]
    if blank == "\n":
        assert numbers == NUMBERS
    else:  # NOTE: with blank lines everywhere, "Section 6 (Maintenance)" after "set out in" is a heading
        assert [n for n in numbers if n != "6"] == NUMBERS
    for phrase, number in (
        ("(30) days", "1.1"),
        ("12 Months", "1.2"),
        ("(b) of the", "2.1"),
        ("(48) hours", "2.2"),
    ):
        assert _clause(doc, phrase) == number, phrase


def _numbers(text: str) -> list[str | None]:
    return [c.number for c in segment(text, [Page(number=1, start=0, end=len(text))], "d")]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("1. Term\nThe term is one year.\n(a) It renews yearly.\n", ["1", "(a)"]),  # after a sentence
        (
            "1. Scope\n(a) The Supplier hosts the platform and keeps it patched and backed up\n(b) Support\n",
            ["1", "(b)"],
        ),  # "(a)" after a heading (which folds into it), "(b)" continuing the sequence
        ("1. Duties. Acme shall\n(a) host the platform\n(b) support it\n", ["1", "(a)", "(b)"]),  # sequence
        ("1. Duties. Acme shall host the platform, support users and\n(b) keep logs.\n", ["1", "(b)"]),
        ("1. Fees. Paid within five\n(5) Business Days of invoice.\n", ["1"]),  # unit, number word
        ("1. Fees. Paid within the period in\n(a) unless the Customer objects.\n", ["1"]),  # no sequence
        ("1. Fees. As stated in\n2. Fees apply\n", ["1"]),  # a clause never follows "in"
        ("1. SLA. Uptime is measured monthly.\n2.5 Hours of Support\nSupport runs 9 to 5.\n", ["1", "2.5"]),
        ("1. Audit. As set out in Section\n12.3 Audit Rights apply.\n", ["1"]),
        ("(iv) the Supplier; and\n(v) the Customer.\n", ["(iv)", "(v)"]),
    ],
)
def test_line_start_context(text: str, numbers: list[str | None]) -> None:
    assert _numbers(text) == numbers


def test_list_sequences_across_styles() -> None:
    lines = ["(h) eight", "filler text", "(i) nine", "(iv) four", "x", "(v) five", "10) ten", "11) eleven"]
    labels = ListLabels.from_lines(lines)
    offset = {ln: sum(len(x) + 1 for x in lines[:i]) for i, ln in enumerate(lines)}
    assert labels.continues("(i)", offset["(i) nine"])  # letter i after h
    assert labels.continues("(v)", offset["(v) five"])  # roman v after iv
    assert labels.continues("10)", offset["10) ten"])  # 11) follows below
    assert not labels.continues("(c)", offset["x"])
    marker = numbered_marker("(30) days after receipt")
    assert marker is not None
    assert not plausible(marker, "payable within thirty", labels, 0)
    assert plausible(marker, "Schedule of payment dates:", labels, 0)  # a list may start with a unit


def test_paragraph_formats_trust_numbers_at_line_starts() -> None:
    """In HTML and DOCX every line is a paragraph, so a number starting one is never a wrap."""
    body = "1. Support. The Supplier gives second-line support only to\n(a) the Customer's administrators.\n"
    assert _numbers(body) == ["1"]  # as plain text, "(a)" after "to" with no sequence is a wrap
    html = "".join(f"<p>{line}</p>" for line in body.splitlines())
    doc = parse_bytes(html.encode(), "support.html")
    assert [c.number for c in doc.clauses] == ["1", "(a)"]
    assert [c.number for c in parse_bytes(body.encode(), "support.txt").clauses] == ["1"]
