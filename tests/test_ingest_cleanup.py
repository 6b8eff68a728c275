"""PDF text normalisation: running headers/footers, page numbers, hyphenation and wrapped lines."""

from __future__ import annotations

import random

from assistant.ingest.cleanup import clean_pages

BODY = [
    "The Supplier shall maintain an information security programme that",
    "meets ISO 27001 and shall notify the Customer of any Security Incident",
    "within forty-eight (48) hours of becoming aware of it.",
]


def _page(n: int, total: int, body: list[str]) -> str:
    return "\n".join(
        [f"ACME CLOUD LTD - MSA (ref {n * 7})", *body, f"Confidential - Page {n} of {total}", str(n)]
    )


def test_running_lines_and_page_numbers_are_removed() -> None:
    raw = [_page(n, 4, [f"{n}. Clause {n}. Text of clause {n} on its page.", *BODY]) for n in range(1, 5)]
    text, pages = clean_pages(raw)
    assert "ACME CLOUD" not in text and "Confidential" not in text and "Page" not in text
    assert [p.number for p in pages] == [1, 2, 3, 4]
    for n, page in enumerate(pages, start=1):
        assert text[page.start :].startswith(f"{n}. Clause {n}.")


def test_single_page_footer_with_page_number_is_removed() -> None:
    for footer in ("Page 1 of 1", "Confidential - Page 1", "- 1 -", "1"):
        text, _ = clean_pages([f"1. Term. One year.\n{footer}"])
        assert text == "1. Term. One year.", footer
    text, _ = clean_pages(["1. Term. See page 3 of the Order Form.\n2. Fees. Paid monthly."])
    assert "page 3 of the Order Form." in text  # a sentence mentioning a page is kept


def test_wrapped_lines_joined_hyphenation_repaired_headings_kept() -> None:
    raw = (
        "7. SECURITY\n"
        "The Supplier shall maintain an information security programme and its obli-\n"
        "gations continue after termination, including the return\n"
        "of Customer Data.\n"
        "8. AUDIT\n"
        "CONFIDENTIALITY\n"
        "Each party keeps secrets."
    )
    text, _ = clean_pages([raw])
    assert text == (
        "7. SECURITY\n"
        "The Supplier shall maintain an information security programme and its obligations continue "
        "after termination, including the return of Customer Data.\n"
        "8. AUDIT\nCONFIDENTIALITY\nEach party keeps secrets."
    )


def test_sentence_over_a_page_break_is_joined() -> None:
    page1 = _page(1, 2, ["9. Exit. On termination the Supplier shall provide reasonable assistance to the"])
    page2 = _page(2, 2, ["Customer for ninety (90) days.", "10. Law. English law."])
    text, pages = clean_pages([page1, page2])
    assert "assistance to the Customer for ninety (90) days.\n10. Law." in text
    assert pages[1].start == text.index("Customer for ninety")


def test_random_pages_keep_contiguous_page_ranges() -> None:
    rng = random.Random(3)
    lines = ["", "Page 2", "obli-", "gation", "12. Fees.", "HEADER", "x" * 120, "a wrapped line", "- 4 -"]
    for _ in range(300):
        raw = [
            "\n".join(rng.choice(lines) for _ in range(rng.randint(0, 8))) for _ in range(rng.randint(1, 5))
        ]
        text, pages = clean_pages(raw)
        assert [p.number for p in pages] == list(range(1, len(raw) + 1))
        assert pages[0].start == 0 and pages[-1].end == len(text)
        assert all(a.end == b.start and a.start <= a.end for a, b in zip(pages, pages[1:], strict=False))
