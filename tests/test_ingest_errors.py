"""Bad input raises the typed ingest errors, naming the file and saying what to do."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from assistant.errors import (
    CorruptFile,
    EmptyDocument,
    EncryptedPdf,
    FileTooLarge,
    IngestError,
    NoTextLayer,
    UnsupportedFileType,
)
from assistant.ingest import parse_bytes, parse_file


def _text_pdf(pages: int = 2) -> bytes:
    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for n in range(1, pages + 1):
        pdf.add_page()
        pdf.multi_cell(0, 6, f"{n}. Audit Rights. The Customer may audit the Supplier on page {n}.")
    return bytes(pdf.output())


def _encrypt(data: bytes, user: str, owner: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user, owner_password=owner, algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _raises(kind: type[IngestError], data: bytes, filename: str, *needles: str, **kw: int) -> IngestError:
    with pytest.raises(kind) as info:
        parse_bytes(data, filename, **kw)
    message = str(info.value)
    assert message.startswith(f"{filename}: ")
    for needle in needles:
        assert needle in message, message
    return info.value


def test_encrypted_pdf_with_user_password() -> None:
    data = _encrypt(_text_pdf(), user="s3cret", owner="owner", algorithm="AES-128")
    err = _raises(EncryptedPdf, data, "locked.pdf", "password", "unprotected copy")
    assert err.cause == "encrypted"


@pytest.mark.parametrize("algorithm", ["RC4-128", "AES-256"])
def test_owner_password_only_pdf_is_opened(algorithm: str) -> None:
    doc = parse_bytes(_encrypt(_text_pdf(), user="", owner="owner", algorithm=algorithm), "restricted.pdf")
    assert [c.number for c in doc.clauses] == ["1", "2"]
    assert [c.page_start for c in doc.clauses] == [1, 2]


def test_image_only_pdf_needs_ocr() -> None:
    pdf = FPDF()
    for _ in range(2):
        pdf.add_page()
        pdf.rect(20, 20, 120, 40, style="F")
        pdf.ellipse(40, 100, 80, 50)
        pdf.line(10, 200, 190, 220)
    err = _raises(NoTextLayer, bytes(pdf.output()), "scan.pdf", "scanned PDF", "OCR", "ocrmypdf")
    assert err.cause == "needs_ocr"


@pytest.mark.parametrize(
    "data",
    [
        b"this is not a pdf at all",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\nendobj\n" + b"\x00\xff garbage" * 50,
        _text_pdf()[:400],
    ],
    ids=["no-header", "garbage-body", "truncated"],
)
def test_corrupt_pdf(data: bytes) -> None:
    _raises(CorruptFile, data, "broken.pdf", "Re-export")


def test_garbage_docx() -> None:
    _raises(
        CorruptFile, b"PK\x03\x04 not really a zip archive", "contract.docx", "not a readable Word", "save it"
    )


@pytest.mark.parametrize("content", [b"", b"   \n\t \n"])
def test_empty_documents(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyDocument, match=r"^empty\.txt: .*(empty|no text)"):
        parse_file(path)


def test_html_without_visible_text_is_empty() -> None:
    _raises(EmptyDocument, b"<html><script>var a = 1;</script></html>", "blank.html", "no text")


def test_too_large_is_checked_before_reading(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_text("1. Term. " * 100, encoding="utf-8")

    def no_read(self: Path) -> bytes:
        raise AssertionError("the file was read before its size was checked")

    monkeypatch.setattr(Path, "read_bytes", no_read)
    with pytest.raises(FileTooLarge, match=r"big\.txt: is 900 bytes, over the 100-byte limit"):
        parse_file(path, max_bytes=100)
    _raises(FileTooLarge, b"x" * 101, "upload.txt", "101 bytes", "100-byte limit", max_bytes=100)


def test_unsupported_extension_lists_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "contract.xyz"
    path.write_bytes(b"1. Term.")
    with pytest.raises(UnsupportedFileType) as info:
        parse_file(path)
    message = str(info.value)
    assert "'.xyz'" in message and ".pdf" in message and ".docx" in message and ".html" in message
    _raises(UnsupportedFileType, b"{\\rtf1}", "legacy.doc", "save legacy .doc files as .docx")


def test_missing_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(CorruptFile, match=r"^nowhere\.pdf: cannot be read"):
        parse_file(tmp_path / "nowhere.pdf")
