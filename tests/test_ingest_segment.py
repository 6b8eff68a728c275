"""Segmentation, kind detection and title finding on in-memory text."""

from __future__ import annotations

import pytest

from assistant.ingest import detect_kind, segment
from assistant.ingest.kind import find_title
from assistant.ingest.segment import MAX_CLAUSE_CHARS
from assistant.models import Clause, DocumentKind, Page


def _clauses(text: str) -> list[Clause]:
    clauses = segment(text, [Page(number=1, start=0, end=len(text))], "doc")
    for i, c in enumerate(clauses):
        assert c.text == text[c.start : c.end]
        assert c.id == f"doc:{i}" and c.index == i and c.document_id == "doc"
    starts = [c.start for c in clauses]
    assert starts == sorted(starts)
    return clauses


def _by_number(clauses: list[Clause], number: str) -> Clause:
    found = [c for c in clauses if c.number == number]
    assert len(found) == 1, f"{number!r}: {[c.number for c in clauses]}"
    return found[0]


@pytest.mark.parametrize(
    ("line", "number", "heading"),
    [
        ("12.3 Audit Rights. The Customer may audit the Supplier.", "12.3", "Audit Rights"),
        ("12.3.1 The Customer may audit the Supplier.", "12.3.1", None),
        ("12. Audit Rights. The Customer may audit the Supplier.", "12", "Audit Rights"),
        (
            "Section 7 Termination for Convenience. Either party may terminate.",
            "7",
            "Termination for Convenience",
        ),
        ("SECTION 7. TERM. This Agreement runs for two years.", "7", "TERM"),
        ("Article IV - Confidentiality. Each party keeps secrets.", "IV", "Confidentiality"),
        ("ARTICLE IV DATA PROTECTION", "IV", "DATA PROTECTION"),
        ("(a) the Supplier keeps records for six years;", "(a)", None),
        ("(iv) the Supplier keeps records for six years;", "(iv)", None),
        ("a) the Supplier keeps records for six years;", "a)", None),
        ("IV. Term. This Agreement runs for two years.", "IV", "Term"),
    ],
)
def test_numbering_forms(line: str, number: str, heading: str | None) -> None:
    text = f"Preamble: this agreement is between Acme and Beta.\n\n{line}\nMore text of the clause.\n"
    clauses = _clauses(text)
    assert [c.number for c in clauses] == [None, number]
    assert clauses[0].text.startswith("Preamble")
    assert clauses[1].heading == heading
    assert clauses[1].text.startswith(line) and clauses[1].text.endswith("More text of the clause.")


def test_sub_items_inherit_the_section_heading() -> None:
    text = (
        "12. Audit Rights\n"
        "The Customer may audit the Supplier as follows:\n"
        "(a) once per year on thirty (30) days notice;\n"
        "(b) at any time after a security incident.\n"
        "12.3 The Supplier shall keep records.\n"
        "13. Exit Assistance. The Supplier shall help on exit.\n"
        "(a) for six months.\n"
    )
    clauses = _clauses(text)
    assert [(c.number, c.heading) for c in clauses] == [
        ("12", "Audit Rights"),
        ("(a)", "Audit Rights"),
        ("(b)", "Audit Rights"),
        ("12.3", "Audit Rights"),
        ("13", "Exit Assistance"),
        ("(a)", "Exit Assistance"),
    ]


def test_section_reference_mid_sentence_does_not_split() -> None:
    text = (
        "7. Termination. Either party may terminate as set out in Section 7 of the Order Form,\n"
        "Section 7 of this Agreement survives, and see Section 9.2 for fees.\n"
        "8. Fees. The Customer pays the fees.\n"
    )
    clauses = _clauses(text)
    assert [c.number for c in clauses] == ["7", "8"]
    assert "Section 7 of this Agreement survives" in clauses[0].text


def test_dates_money_and_amounts_at_line_start_are_not_headings() -> None:
    text = (
        "5. Fees. The Customer pays the following amounts:\n"
        "2024. The first invoice is issued in January.\n"
        "$1.00 per user per month applies to extra users.\n"
        "10.5 million units is the annual cap.\n"
        "12\n"
        "1,000 users are included.\n"
    )
    assert [c.number for c in _clauses(text)] == ["5"]


def test_caps_markdown_and_bold_headings() -> None:
    text = (
        "# Master Services Agreement\n\n"
        "This agreement is between Acme and Beta.\n\n"
        "CONFIDENTIALITY\n\n"
        "Each party keeps the other's information secret.\n\n"
        "## Data Protection\n"
        "The Supplier processes personal data on instructions.\n\n"
        "**Security Obligations**\n"
        "The Supplier maintains ISO 27001 certification.\n"
    )
    headings = [c.heading for c in _clauses(text)]
    assert headings == [
        "Master Services Agreement",
        "CONFIDENTIALITY",
        "Data Protection",
        "Security Obligations",
    ]


def test_shouted_paragraph_lines_are_not_headings() -> None:
    text = (
        "9. Warranties. The Supplier warrants the Services.\n"
        "EXCEPT AS EXPRESSLY PROVIDED IN THIS AGREEMENT, NEITHER PARTY MAKES ANY\n"
        "WARRANTY, EXPRESS OR IMPLIED, INCLUDING MERCHANTABILITY.\n"
    )
    assert [c.number for c in _clauses(text)] == ["9"]


def test_bare_number_takes_title_from_next_line() -> None:
    text = "ARTICLE IV\nCONFIDENTIALITY\nEach party keeps the other's information secret.\n"
    [clause] = _clauses(text)
    assert (clause.number, clause.heading) == ("IV", "CONFIDENTIALITY")


def test_table_of_contents_lines_are_not_headings() -> None:
    text = "Contents\n1. Definitions ........ 3\n2. Services .......... 4\n\n1. Definitions\nTerms mean things.\n"
    clauses = _clauses(text)
    assert [c.number for c in clauses] == [None, "1"]
    assert clauses[1].text.startswith("1. Definitions\nTerms")


def test_long_segments_are_split_at_paragraphs() -> None:
    paragraph = "The Supplier shall provide the Services with reasonable skill and care. " * 8
    text = "4. Services\n" + "\n\n".join(paragraph.strip() for _ in range(12)) + "\n5. Fees. Pay on time.\n"
    clauses = _clauses(text)
    pieces = [c for c in clauses if c.number == "4"]
    assert len(pieces) >= 3
    assert all(len(c.text) <= MAX_CLAUSE_CHARS for c in clauses)
    assert all(c.heading == "Services" for c in pieces)
    assert all(c.text.endswith("care.") for c in pieces)  # cut at paragraph ends, not mid-sentence
    assert clauses[-1].number == "5"


def test_pages_of_clauses() -> None:
    text = "1. Term. This runs for one year.\n2. Fees. The Customer pays.\nMore about fees.\n3. Law. English law."
    cut = text.index("More")
    pages = [Page(number=1, start=0, end=cut), Page(number=2, start=cut, end=len(text))]
    clauses = segment(text, pages, "d")
    assert [(c.page_start, c.page_end) for c in clauses] == [(1, 1), (1, 2), (2, 2)]


def test_segment_is_fast_on_a_large_messy_text() -> None:
    import time

    block = "1. Term.  Runs.\n   (a) item;   2. Next.   CONFIDENTIAL\n" + "x " * 2000 + "\n\n"
    text = block * 200  # ~850 KB
    t0 = time.perf_counter()
    clauses = segment(text, [Page(number=1, start=0, end=len(text))], "d")
    assert time.perf_counter() - t0 < 5.0
    assert clauses and all(c.text == text[c.start : c.end] for c in clauses)


@pytest.mark.parametrize(
    ("text", "filename", "kind"),
    [
        ("DATA PROCESSING ADDENDUM\nThis DPA forms part of the Master Services Agreement.", "", "dpa"),
        ("Data Processing Agreement\nbetween Acme and Beta", "", "dpa"),
        ("ORDER FORM\nCustomer: Beta. Subscription term: 12 months.", "", "order_form"),
        ("Quote Q-1042\nProduct: Analytics Cloud. Total: EUR 12,000.", "", "order_form"),
        ("Subscription Order\nThis order is governed by the Terms of Service.", "", "order_form"),
        ("SERVICE LEVEL AGREEMENT\nAvailability 99.9% under the Master Agreement.", "", "sla"),
        ("Statement of Work No. 3\nunder the Master Services Agreement", "", "sow"),
        ("Statement of Work No. 4 under the Master Services Agreement\nScope: migration.", "", "sow"),
        ("Data Processing Addendum to the Master Subscription Agreement\nRoles.", "", "dpa"),
        ("Master Services Agreement\nSchedule 1: Service Level Agreement. Schedule 2: DPA.", "", "msa"),
        ("MASTER SUBSCRIPTION AGREEMENT\nThis agreement governs the services.", "", "msa"),
        ("Terms of Service\nBy using the service you agree.", "", "msa"),
        ("DISTRIBUTION AGREEMENT\nThis agreement is made between X and Y.", "", "msa"),
        ("Proposal for Managed Security Services\nPrepared for Beta Corp.", "", "proposal"),
        ("Response to Request for Proposal RFP-22\nOur solution.", "", "proposal"),
        # a signed "proposal and order form" is the order
        (
            "ACME LTDA.\nCOMMERCIAL PROPOSAL AND ORDER FORM No. 2027-11\nPlan: Pro, 40 seats.",
            "",
            "order_form",
        ),
        ("Meeting notes\nWe discussed the weather.", "", "other"),
        ("Acme Cloud\nAddendum between Acme and Beta.", "acme_dpa.docx", "dpa"),
    ],
)
def test_detect_kind(text: str, filename: str, kind: str) -> None:
    assert detect_kind(text, filename) == DocumentKind(kind)


def test_find_title_skips_filing_labels() -> None:
    text = "Exhibit 10.14\n\nEXECUTION VERSION\n\nOUTSOURCING AGREEMENT\n\nBETWEEN\n\nIBM\n"
    assert find_title(text) == "OUTSOURCING AGREEMENT"
    one_line = "Exhibit 10.1 CONSULTING AGREEMENT This CONSULTING AGREEMENT is entered into " + "x " * 100
    assert find_title(one_line) == "CONSULTING AGREEMENT"


def test_random_messy_text_keeps_every_invariant() -> None:
    import random

    rng = random.Random(7)
    pieces = [
        "12.3 Audit.", "Section 7", "as set out in Section 7", "ARTICLE IV", "(a) item", "(iv)", "a) x",
        "CONFIDENTIALITY", "# Title", "**Bold**", "2024.", "$1.00", "", "   ", "\t(b)  ", "1.", "IV. Term",
        "text " * 30, "Page 3 of 9", "1. Definitions ..... 4", "SECTION 2.", "**12. Fees.** Pay.", "x" * 4000,
    ]  # fmt: skip
    for _ in range(200):
        lines = [rng.choice(pieces) for _ in range(rng.randint(0, 25))]
        text = rng.choice(["\n", "\n\n", "   "]).join(lines)
        pages = [Page(number=1, start=0, end=len(text))]
        clauses = segment(text, pages, "d")
        pos = 0
        for c in clauses:
            assert c.text == text[c.start : c.end] and c.text.strip() == c.text and c.text
            assert c.start >= pos and not text[pos : c.start].strip()
            assert len(c.text) <= MAX_CLAUSE_CHARS
            pos = c.end
        assert not text[pos:].strip()
