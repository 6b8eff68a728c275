"""PDF reader: pypdf text layer, one entry per page (two-column pages read column by column, see
`columns`), then `cleanup` normalisation."""

from __future__ import annotations

import logging
from io import BytesIO

from pypdf import PdfReader
from pypdf.errors import DependencyError, PdfReadError

from assistant.errors import CorruptFile, EncryptedPdf, NoTextLayer
from assistant.ingest.cleanup import clean_pages
from assistant.ingest.columns import two_column_text
from assistant.ingest.types import Extracted

log = logging.getLogger(__name__)

_FIX_CORRUPT = "Re-export or re-download the PDF (e.g. 'Print to PDF') and upload it again"


def read_pdf(data: bytes, filename: str) -> Extracted:
    """Text and pages of a PDF; raises EncryptedPdf, NoTextLayer or CorruptFile."""
    reader = _open(data, filename)
    raw_pages = _page_texts(reader, filename)
    if not any(t.strip() for t in raw_pages):
        raise NoTextLayer(
            filename,
            f"has {len(raw_pages)} page(s) but no text layer (scanned PDF)",
            "Run OCR first (e.g. ocrmypdf) and upload the result",
        )
    text, pages = clean_pages(raw_pages)
    return Extracted(text=text, pages=pages)


def _open(data: bytes, filename: str) -> PdfReader:
    if b"%PDF-" not in data[:1024]:
        raise CorruptFile(filename, "is not a PDF (no '%PDF-' header)", _FIX_CORRUPT)
    try:
        reader = PdfReader(BytesIO(data))
        encrypted = reader.is_encrypted
    # NOTE: pypdf raises many exception types on damaged files; all of them mean "corrupt" here.
    except Exception as exc:
        raise CorruptFile(filename, f"cannot be read as a PDF ({exc})", _FIX_CORRUPT) from exc
    if encrypted:
        _decrypt_without_password(reader, filename)
    return reader


def _decrypt_without_password(reader: PdfReader, filename: str) -> None:
    """Many PDFs only carry an owner password (copy/print restrictions): an empty password opens them."""
    fix = "Remove the password (open it and save an unprotected copy) and upload that copy"
    try:
        opened = reader.decrypt("")
    except (DependencyError, NotImplementedError, PdfReadError) as exc:
        raise EncryptedPdf(filename, f"is encrypted with an unsupported scheme ({exc})", fix) from exc
    if not opened:
        raise EncryptedPdf(filename, "is protected by a password", fix)


def _page_texts(reader: PdfReader, filename: str) -> list[str]:
    try:
        pages = list(reader.pages)
    except Exception as exc:  # NOTE: broken page tree; any pypdf error means corrupt
        raise CorruptFile(filename, f"has an unreadable page tree ({exc})", _FIX_CORRUPT) from exc
    if not pages:
        raise CorruptFile(filename, "has no pages", _FIX_CORRUPT)
    texts: list[str] = []
    failed = 0
    for number, page in enumerate(pages, start=1):
        try:
            texts.append(two_column_text(page) or page.extract_text() or "")
        except Exception as exc:  # NOTE: one damaged page must not lose the whole document
            log.warning("%s: page %d text could not be extracted: %s", filename, number, exc)
            texts.append("")
            failed += 1
    if failed == len(pages):
        raise CorruptFile(filename, "has no page whose text could be extracted", _FIX_CORRUPT)
    return texts
