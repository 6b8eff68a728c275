"""Evidence verification: a quote is kept only if it is found verbatim (whitespace-normalised) in the
stored document text; its offsets and page are then taken from the text, never trusted from the caller."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.models import Clause, Document, Evidence, Finding, Status, normalise_ws

_QUOTE_CHARS = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)


def _pattern(quote: str) -> re.Pattern[str] | None:
    words = normalise_ws(quote.translate(_QUOTE_CHARS)).split(" ")
    if not words or words == [""]:
        return None
    parts = []
    for w in words:
        esc = re.escape(w)
        # tolerate typographic quotes/dashes in the stored text
        esc = (
            esc.replace("'", "['\u2018\u2019]")
            .replace('"', '["\u201c\u201d]')
            .replace(r"\-", "[-\u2013\u2014]")
        )
        parts.append(esc)
    return re.compile(r"\s+".join(parts))


def locate(doc: Document, quote: str, near: int | None = None) -> tuple[int, int] | None:
    """Offsets of `quote` in `doc.text` (whitespace-normalised match), the occurrence nearest `near`."""
    rx = _pattern(quote)
    if rx is None:
        return None
    matches = [(m.start(), m.end()) for m in rx.finditer(doc.text)]
    if not matches:
        return None
    if near is None:
        return matches[0]
    return min(matches, key=lambda se: abs(se[0] - near))


def verify_evidence(ev: Evidence, documents: Sequence[Document]) -> Evidence | None:
    """Return the evidence with offsets/page/quote taken from the stored text, or None if not found."""
    doc = next((d for d in documents if d.id == ev.document_id), None)
    if doc is None or not ev.quote.strip():
        return None
    if 0 <= ev.start < ev.end <= len(doc.text) and normalise_ws(doc.text[ev.start : ev.end]) == normalise_ws(
        ev.quote
    ):
        start, end = ev.start, ev.end
    else:
        found = locate(doc, ev.quote, near=ev.start)
        if found is None:
            return None
        start, end = found
    return ev.model_copy(
        update={
            "start": start,
            "end": end,
            "quote": doc.text[start:end],
            "page": doc.page_at(start),
            "filename": doc.filename,
        }
    )


def verify_finding(finding: Finding, documents: Sequence[Document]) -> Finding:
    """Drop evidence that is not in the stored text; a present/weak finding left without any verified
    evidence becomes `unclear`, with the reason saying so."""
    kept = [v for v in (verify_evidence(e, documents) for e in finding.evidence) if v is not None]
    dropped = len(finding.evidence) - len(kept)
    if dropped == 0:
        return finding
    update: dict[str, object] = {"evidence": kept}
    if finding.status in (Status.present, Status.weak) and not kept:
        update["status"] = Status.unclear
        update["needs_legal_review"] = True
        update["reason"] = (
            f"{finding.reason} Downgraded to unclear: {dropped} quoted passage(s) could not be found "
            "verbatim in the documents."
        ).strip()
    return finding.model_copy(update=update)


def evidence_at(doc: Document, start: int, end: int, clause: Clause | None = None) -> Evidence:
    """Build an Evidence for document.text[start:end] (trimmed of surrounding whitespace)."""
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Evidence(
        document_id=doc.id,
        filename=doc.filename,
        page=doc.page_at(start),
        start=start,
        end=end,
        quote=doc.text[start:end],
        clause_id=clause.id if clause else None,
    )
