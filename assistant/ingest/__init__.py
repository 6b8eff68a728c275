"""Parsing layer: a contract file (PDF, DOCX, TXT, Markdown, HTML) -> `Document` with pages and clauses.

Every offset (pages, clauses) refers to `Document.text`, the normalised text that gets stored, and
`clause.text == document.text[clause.start:clause.end]` always holds.

    doc = parse_file("contracts/acme_msa.pdf")
    doc.kind, doc.title, len(doc.pages), doc.clauses[3].heading

`PARSER_VERSION` names the parser's output; bump it whenever that output changes (see `version`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from assistant.errors import CorruptFile, EmptyDocument, FileTooLarge, UnsupportedFileType
from assistant.ingest.docxfmt import read_docx
from assistant.ingest.kind import detect_kind, find_title
from assistant.ingest.pdf import read_pdf
from assistant.ingest.segment import MAX_CLAUSE_CHARS, segment
from assistant.ingest.textfmt import read_html, read_text
from assistant.ingest.types import Extracted
from assistant.ingest.version import PARSER_VERSION
from assistant.models import Document, DocumentKind

__all__ = [
    "MAX_BYTES",
    "MAX_CLAUSE_CHARS",
    "PARSER_VERSION",
    "SUPPORTED_EXTENSIONS",
    "detect_kind",
    "media_type_for",
    "parse_bytes",
    "parse_file",
    "read_file",
    "segment",
]

MAX_BYTES = 25 * 1024 * 1024
Reader = Callable[[bytes, str], Extracted]
_MEDIA_TYPES = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
}
_READERS: dict[str, Reader] = {
    "pdf": read_pdf,
    "docx": read_docx,
    "txt": read_text,
    "md": read_text,
    "html": read_html,
}
SUPPORTED_EXTENSIONS = tuple(_MEDIA_TYPES)


def media_type_for(filename: str) -> str:
    """'pdf', 'docx', 'txt', 'md' or 'html' from the file name; raises UnsupportedFileType otherwise."""
    suffix = Path(filename).suffix.lower()
    if suffix not in _MEDIA_TYPES:
        hint = " (save legacy .doc files as .docx)" if suffix == ".doc" else ""
        raise UnsupportedFileType(
            filename,
            f"file type {suffix or '(no extension)'!r} is not supported{hint}",
            f"Upload one of: {', '.join(SUPPORTED_EXTENSIONS)}",
        )
    return _MEDIA_TYPES[suffix]


def _check_size(filename: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise FileTooLarge(
            filename,
            f"is {size:,} bytes, over the {max_bytes:,}-byte limit",
            "Split the document or raise the limit (setting ingest.max_bytes)",
        )
    if size == 0:
        raise EmptyDocument(filename, "is an empty file (0 bytes)", "Upload the document with its content")


def read_file(path: str | Path, *, max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a contract file on disk (supported type and size checked before reading)."""
    p = Path(path)
    media_type_for(p.name)
    try:
        size = p.stat().st_size
        _check_size(p.name, size, max_bytes)
        return p.read_bytes()
    except OSError as exc:
        raise CorruptFile(
            p.name, f"cannot be read ({exc.strerror or exc})", "Check the path and permissions"
        ) from exc


def parse_file(path: str | Path, *, kind: DocumentKind | None = None, max_bytes: int = MAX_BYTES) -> Document:
    """Parse a contract file from disk; the size is checked before the file is read."""
    data = read_file(path, max_bytes=max_bytes)
    return parse_bytes(data, Path(path).name, kind=kind, max_bytes=max_bytes)


def parse_bytes(
    data: bytes, filename: str, *, kind: DocumentKind | None = None, max_bytes: int = MAX_BYTES
) -> Document:
    """Parse the bytes of an uploaded contract file named `filename` into a Document with clauses."""
    name = Path(filename).name
    media_type = media_type_for(name)
    _check_size(name, len(data), max_bytes)
    extracted = _READERS[media_type](data, name)
    if not extracted.text.strip():
        raise EmptyDocument(
            name, "contains no text (whitespace only)", "Upload the document with its content"
        )
    sha = hashlib.sha256(data).hexdigest()
    doc_id = sha[:16]
    detected = detect_kind(extracted.text, name)
    return Document(
        id=doc_id,
        filename=name,
        sha256=sha,
        media_type=media_type,
        kind=kind or detected,
        kind_detected=detected,
        title=extracted.title or find_title(extracted.text),
        size_bytes=len(data),
        text=extracted.text,
        pages=extracted.pages,
        clauses=segment(
            extracted.text, extracted.pages, doc_id, headings=extracted.headings, wrapped=extracted.wrapped
        ),
    )
