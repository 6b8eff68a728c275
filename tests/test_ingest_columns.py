"""Two-column PDF pages are read column by column; one-column pages, tables and centred headings are not
split. The PDFs are built here (fpdf2, or raw content streams) with real two-column layouts."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from io import BytesIO
from itertools import zip_longest
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

import assistant.ingest.pdf as pdf_reader
from assistant.ingest import parse_bytes
from assistant.ingest.cleanup import clean_pages
from assistant.ingest.columns import Piece, columns_text, two_column_text
from assistant.models import normalise_ws

ROOT = Path(__file__).resolve().parents[1]
Clause = tuple[str, str, str]  # number, heading, body

CLAUSES: list[Clause] = [
    ("1", "Definitions", 'In this Agreement, "Services" means the hosted software services described in '
     "each Order Form, together with the support and maintenance that Provider makes available."),
    ("2", "Audit Rights", "Customer may, upon thirty (30) days' prior written notice and no more than once "
     "per year, audit the records, systems and facilities of Provider relevant to the Services."),
    ("3", "Security Incidents", "Provider shall notify Customer of any Security Incident affecting Customer "
     "Data without undue delay and in any event within seventy two (72) hours after becoming aware."),
    ("4", "Termination", "Customer may terminate this Agreement for convenience at any time upon ninety "
     "(90) days' written notice to Provider, without paying any termination fee or penalty."),
    ("5", "Fees", "Customer shall pay the undisputed fees set out in each Order Form within thirty (30) "
     "days of the date of a correct invoice, in the currency stated in that Order Form."),
    ("6", "Liability", "Neither party limits its liability for death or personal injury caused by its "
     "negligence, for fraud, or for any other liability that cannot be limited by law."),
    ("7", "Data Protection", "Provider shall process Customer Personal Data only on the documented "
     "instructions of Customer and in accordance with the Data Processing Addendum."),
    ("8", "Subcontractors", "Provider may not subcontract any of its obligations under this Agreement "
     "without the prior written consent of Customer, which shall not be unreasonably withheld."),
    ("9", "Governing Law", "This Agreement and any dispute arising out of it are governed by the laws of "
     "England and Wales, and the courts of London have exclusive jurisdiction."),
]  # fmt: skip


def wrap(clauses: Sequence[Clause], width: int = 44) -> list[str]:
    """Lines of clauses set in a column about `width` characters wide."""
    lines: list[str] = []
    for number, heading, body in clauses:
        lines.append(f"{number}. {heading}")
        lines += textwrap.wrap(body, width, break_on_hyphens=False)
    return lines


def expected(clause: Clause) -> str:
    number, heading, body = clause
    return normalise_ws(f"{number}. {heading} {body}")


def column_pdf(
    lines: list[str],
    *,
    rows_per_column: int = 40,
    row_major: bool = True,
    pitch: tuple[float, float] = (5.0, 5.0),
    title: str | None = "MASTER SERVICES AGREEMENT",
    running: bool = True,
) -> bytes:
    """A PDF setting `lines` in two columns (left filled first), `rows_per_column` lines per column.
    `row_major` draws line i of both columns one after the other (what pypdf interleaves); `pitch` is the
    line spacing (mm) of each column; `running` adds a centred header and a 'Page n of m' footer."""
    per_page = 2 * rows_per_column
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)]
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for n, chunk in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        if running:
            pdf.set_xy(15, 10)
            pdf.cell(180, 5, "Confidential - Acme Master Services Agreement", align="C")
            pdf.set_xy(15, 285)
            pdf.cell(180, 5, f"Page {n} of {len(pages)}", align="C")
        top = 25
        if title and n == 1:
            pdf.set_font("Helvetica", "B", 12)
            pdf.set_xy(15, 18)
            pdf.cell(180, 6, title, align="C")
            pdf.set_font("Helvetica", size=10)
            top = 32
        columns = (chunk[:rows_per_column], chunk[rows_per_column:])
        draws = [
            (x, top + i * step, text)
            for x, step, column in zip((15, 110), pitch, columns, strict=True)
            for i, text in enumerate(column)
        ]
        if row_major:
            draws.sort(key=lambda d: (d[1], d[0]))
        for x, y, text in draws:
            pdf.text(x, y, text)
    return bytes(pdf.output())


def one_bt_per_row_pdf(left: list[str], right: list[str]) -> bytes:
    """A page whose every row is one text object drawing the left then the right column line."""
    writer = PdfWriter()
    page = writer.add_blank_page(595, 842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    fonts = DictionaryObject({NameObject("/F1"): writer._add_object(font)})
    page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    ops = []
    for i, (a, b) in enumerate(zip_longest(left, right, fillvalue="")):
        a, b = (s.replace("(", "\\(").replace(")", "\\)").replace("'", "") for s in (a, b))
        ops.append(f"BT /F1 10 Tf 50 {780 - 13 * i} Td ({a}) Tj 260 0 Td ({b}) Tj ET")
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def one_column_pdf(clauses: Sequence[Clause]) -> bytes:
    """A plain one-column contract with centred headings."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 12)
    pdf.cell(0, 8, "MASTER SERVICES AGREEMENT", align="C", new_x="LMARGIN", new_y="NEXT")
    for number, heading, body in clauses:
        pdf.set_font("Helvetica", "B", 10)
        pdf.cell(0, 6, f"{number}. {heading}", align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 5, body, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def texts(data: bytes) -> list[str]:
    return [normalise_ws(c.text) for c in parse_bytes(data, "msa.pdf").clauses]


def assert_whole_in_order(data: bytes, clauses: Sequence[Clause]) -> None:
    """Each clause is one whole clause of the parse (the first may carry the title), in order."""
    got = texts(data)
    want = [expected(c) for c in clauses]
    assert [t for t in got if any(t.endswith(w) for w in want)] == [
        next(t for t in got if t.endswith(w)) for w in want
    ]
    assert all(any(t == w or t.endswith(" " + w) for t in got) for w in want), got


def test_interleaved_two_column_page_reads_left_then_right() -> None:
    lines = wrap(CLAUSES)
    data = column_pdf(lines, rows_per_column=18)
    plain = PdfReader(BytesIO(data)).pages[0].extract_text()
    assert f"{lines[0]} {lines[18]}" in plain.splitlines()  # pypdf alone interleaves the columns
    assert_whole_in_order(data, CLAUSES)


def test_running_header_footer_removed_and_pages_kept() -> None:
    lines = wrap(CLAUSES * 2)
    data = column_pdf(lines, rows_per_column=20)
    doc = parse_bytes(data, "msa.pdf")
    assert len(doc.pages) == len(PdfReader(BytesIO(data)).pages) >= 3
    assert "Confidential" not in doc.text and "Page 1 of" not in doc.text
    assert doc.text.startswith("MASTER SERVICES AGREEMENT\n")
    numbered = [c for c in doc.clauses if c.number]
    title = "MASTER SERVICES AGREEMENT "
    got = [normalise_ws(c.text).removeprefix(title) for c in numbered]
    assert got == [expected(c) for c in CLAUSES * 2]
    # each clause starts on the page its heading line is drawn on (40 lines a page)
    heading_pages = [i // 40 + 1 for i, ln in enumerate(lines) if ln[:1].isdigit() and ". " in ln[:4]]
    assert [c.page_start for c in numbered] == heading_pages
    assert len(set(heading_pages)) == 3


def test_column_major_stream_gives_the_same_text() -> None:
    lines = wrap(CLAUSES)
    assert texts(column_pdf(lines, rows_per_column=18, row_major=False)) == texts(
        column_pdf(lines, rows_per_column=18)
    )


def test_columns_with_different_line_spacing() -> None:
    data = column_pdf(wrap(CLAUSES), rows_per_column=18, pitch=(5.0, 4.4))
    assert_whole_in_order(data, CLAUSES)


def test_last_page_with_a_short_right_column() -> None:
    lines = wrap(CLAUSES)
    at = len(lines) - 4  # the right column holds only the last clause's final lines
    data = column_pdf(lines, rows_per_column=at, title=None, running=False)
    assert len(PdfReader(BytesIO(data)).pages) == 1
    assert_whole_in_order(data, CLAUSES)


def test_one_text_object_per_row() -> None:
    lines = wrap(CLAUSES[:6])
    half = (len(lines) + 1) // 2
    data = one_bt_per_row_pdf(lines[:half], lines[half:])
    assert_whole_in_order(data, [(n, h, b.replace("'", "")) for n, h, b in CLAUSES[:6]])


def test_hyphenated_line_end_in_a_column_is_joined() -> None:
    lines = wrap(CLAUSES)
    at = lines.index("year, audit the records, systems and")
    lines[at : at + 1] = ["year, audit the records, sys-", "tems and"]
    got = texts(column_pdf(lines, rows_per_column=18))
    assert any("audit the records, systems and facilities of Provider" in t for t in got)


def test_centred_heading_between_two_column_bands_stays_whole_and_in_place() -> None:
    first, second = wrap(CLAUSES[:4]), wrap(CLAUSES[4:8])
    rows = max(len(first), len(second))
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    half_a, half_b = (len(first) + 1) // 2, (len(second) + 1) // 2
    for i, (a, b) in enumerate(zip_longest(first[:half_a], first[half_a:], fillvalue="")):
        pdf.text(15, 20 + 5 * i, a)
        pdf.text(110, 20 + 5 * i, b)
    y = 20 + 5 * half_a + 5
    pdf.set_xy(15, y)
    pdf.cell(180, 6, "SCHEDULE 1 - SERVICE LEVELS AND SUPPORT", align="C")
    for i, (a, b) in enumerate(zip_longest(second[:half_b], second[half_b:], fillvalue="")):
        pdf.text(15, y + 14 + 5 * i, a)
        pdf.text(110, y + 14 + 5 * i, b)
    assert rows > 8
    text = normalise_ws(parse_bytes(bytes(pdf.output()), "msa.pdf").text)
    heading = text.index("SCHEDULE 1 - SERVICE LEVELS AND SUPPORT")
    positions = [text.index(expected(c)) for c in CLAUSES[:8]]
    assert positions == sorted(positions)
    assert positions[3] < heading < positions[4]


def test_one_column_pdf_output_is_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    data = one_column_pdf(CLAUSES)
    reader = PdfReader(BytesIO(data))
    assert all(two_column_text(p) is None for p in reader.pages)
    new = parse_bytes(data, "msa.pdf")
    monkeypatch.setattr(pdf_reader, "two_column_text", lambda page: None)  # the parser before columns
    old = parse_bytes(data, "msa.pdf")
    assert new.text == old.text and new.clauses == old.clauses
    assert new.text == clean_pages([p.extract_text() for p in reader.pages])[0]


@pytest.mark.parametrize(
    "path",
    [
        "examples/acme-cloud/msa.pdf",
        "evals/datasets/gold/fernhill-hosting-us/hosting_agreement.pdf",
        "evals/datasets/gold/saltmarsh-analytics-us/msa.pdf",
    ],
)
def test_shipped_one_column_pdfs_are_not_split(path: str) -> None:
    reader = PdfReader(ROOT / path)
    assert [two_column_text(p) for p in reader.pages] == [None] * len(reader.pages)


def _table_pdf(rows: list[tuple[str, ...]], widths: tuple[int, ...]) -> bytes:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.cell(0, 8, "ORDER FORM", align="C", new_x="LMARGIN", new_y="NEXT")
    with pdf.table(col_widths=widths, text_align="LEFT") as table:
        for row in rows:
            table.row(row)
    return bytes(pdf.output())


def test_key_value_table_is_not_split() -> None:
    rows = [
        ("Customer", "Acme Corporation Limited"),
        ("Provider", "Nimbus Analytics Inc."),
        ("Subscription Term", "Thirty six (36) months from the Effective Date"),
        ("Fees", "USD 120,000 per year, invoiced annually in advance"),
        ("Payment Terms", "Net thirty (30) days"),
        ("Service Levels", "99.9% monthly availability"),
        ("Support", "Business hours, four hour response for severity one"),
        ("Governing Law", "England and Wales"),
        ("Notices", "legal@acme.example"),
        ("Renewal", "Automatic for twelve (12) months unless notice is given"),
    ]
    data = _table_pdf(rows, (1, 1))
    assert two_column_text(PdfReader(BytesIO(data)).pages[0]) is None
    text = parse_bytes(data, "order.pdf").text
    assert "Subscription Term Thirty six (36) months" in normalise_ws(text)


def test_multi_column_table_is_not_split() -> None:
    rows = [("Service", "Availability", "Credit", "Measured")] + [
        (f"Service {i}", f"99.{i}%", f"{i * 5}% of fees", "monthly") for i in range(1, 13)
    ]
    data = _table_pdf(rows, (2, 1, 1, 1))
    assert two_column_text(PdfReader(BytesIO(data)).pages[0]) is None


def test_side_by_side_signature_blocks_are_not_split() -> None:
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, " ".join(body for _n, _h, body in CLAUSES[:3]))
    labels = ["ACME CORPORATION", "By: ______________", "Name:", "Title:", "Date:"] * 2
    y = pdf.get_y() + 10
    for i, label in enumerate(labels):
        pdf.text(15, y + 6 * i, label)
        pdf.text(110, y + 6 * i, label.replace("ACME CORPORATION", "NIMBUS ANALYTICS"))
    assert two_column_text(PdfReader(BytesIO(bytes(pdf.output()))).pages[0]) is None


def test_too_few_lines_are_left_alone() -> None:
    pieces = [Piece(50, 230, 700 - 12 * i, 10, "left words") for i in range(4)]
    pieces += [Piece(300, 480, 700 - 12 * i, 10, "right words") for i in range(4)]
    assert columns_text(pieces) is None


def test_without_text_positions_the_default_text_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    import assistant.ingest.columns as columns

    def broken(page: object) -> list[Piece]:
        raise AttributeError("pypdf changed its layout internals")

    monkeypatch.setattr(columns, "page_pieces", broken)
    data = column_pdf(wrap(CLAUSES), rows_per_column=18)
    assert two_column_text(PdfReader(BytesIO(data)).pages[0]) is None
    assert parse_bytes(data, "msa.pdf").text  # still parsed (interleaved, as before)
