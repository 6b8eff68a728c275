"""Exports for legal and auditors: findings as CSV/XLSX and the evidence pack (zip) of a project; the DOCX
with Word comments lives in `assistant.export_docx` (re-exported here).

Pure functions over domain objects: the caller loads documents, reviews, decisions and audit events.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Sequence
from typing import Any

from assistant.export_docx import contract_docx, original_docx_with_comments
from assistant.models import Document, Evidence, ReviewResult

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
__all__ = ["contract_docx", "evidence_pack", "findings_csv", "findings_xlsx", "original_docx_with_comments"]
COLUMNS = [
    "requirement",
    "title",
    "status",
    "severity",
    "state",
    "params",
    "reason",
    "quote",
    "filename",
    "page",
    "start",
    "end",
    "source",
    "confidence",
    "needs_legal_review",
]


def _xml_safe(text: str) -> str:
    """Same length, without characters XML cannot hold."""
    return _XML_BAD.sub(" ", text)


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (CSV/XLSX injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def finding_rows(review: ReviewResult, states: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """One row per finding and evidence quote (a finding without evidence gets one row)."""
    rows = []
    for f in review.findings:
        base = {
            "requirement": f.requirement,
            "title": f.title,
            "status": f.status.value,
            "severity": f.severity.value,
            "state": (states or {}).get(f.requirement, "open"),
            "params": json.dumps(f.params, sort_keys=True),
            "reason": f.reason,
            "source": f.source,
            "confidence": f.confidence,
            "needs_legal_review": f.needs_legal_review,
        }
        evidence: list[Evidence | None] = list(f.evidence) or [None]
        for ev in evidence:
            ev_cols = (
                {
                    "quote": ev.quote,
                    "filename": ev.filename,
                    "page": ev.page,
                    "start": ev.start,
                    "end": ev.end,
                }
                if ev
                else {"quote": "", "filename": "", "page": "", "start": "", "end": ""}
            )
            rows.append({k: _cell(v) for k, v in (base | ev_cols).items()})
    return rows


def findings_csv(review: ReviewResult, states: dict[str, str] | None = None) -> bytes:
    """Findings as UTF-8 CSV (with BOM, so Excel opens accents correctly)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(finding_rows(review, states))
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def findings_xlsx(review: ReviewResult, states: dict[str, str] | None = None) -> bytes:
    """Findings as an XLSX workbook with a frozen header and a filter."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Findings"
    ws.append(COLUMNS)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for row in finding_rows(review, states):
        ws.append([_xml_safe(v) if isinstance(v, str) else v for v in (row[c] for c in COLUMNS)])
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _json(value: Any) -> bytes:
    return json.dumps(value, indent=2, ensure_ascii=False, default=str).encode("utf-8")


def evidence_pack(
    *,
    project: str,
    reviews: Sequence[ReviewResult],
    documents: Sequence[tuple[Document, bytes]],
    decisions: Sequence[Any],
    audit_events: Sequence[Any],
    audit_verify: Any,
    memo_markdown: str | None = None,
    memo_json: Any = None,
    assessment: Any = None,
) -> bytes:
    """A zip an auditor can check: memo, assessment, each review with its findings and quotes (JSON and
    CSV), decisions, the source documents' hashes (recomputed from the stored bytes), the project's audit
    events with the chain check, and a manifest with the sha256 of every file in the pack."""
    docs = []
    for d, data in documents:
        digest = hashlib.sha256(data).hexdigest()
        docs.append(
            {
                "id": d.id,
                "filename": d.filename,
                "kind": d.kind.value,
                "size_bytes": len(data),
                "sha256_recorded": d.sha256,
                "sha256_of_stored_bytes": digest,
                "intact": digest == d.sha256,
            }
        )
    files: dict[str, bytes] = {}
    for r in reviews:
        stem = f"{_safe_name(r.family or 'review')}-{r.id}"
        files[f"reviews/{stem}.json"] = _json(r.model_dump(mode="json"))
        files[f"findings/{stem}.csv"] = findings_csv(r)
    events = "".join(json.dumps(_dump(e), ensure_ascii=False) + "\n" for e in audit_events)
    files |= {
        "decisions.json": _json([_dump(d) for d in decisions]),
        "documents.json": _json(docs),
        "audit_events.jsonl": events.encode("utf-8"),
        "audit_verify.json": _json(_dump(audit_verify)),
    }
    if memo_markdown is not None:
        files["memo.md"] = memo_markdown.encode("utf-8")
    if memo_json is not None:
        files["memo.json"] = _json(_dump(memo_json))
    if assessment is not None:
        files["assessment.json"] = _json(_dump(assessment))
    manifest = {"project": project, "files": {n: hashlib.sha256(b).hexdigest() for n, b in files.items()}}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
        zf.writestr("manifest.json", _json(manifest))
    return buf.getvalue()


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)[:80] or "review"


def _dump(value: Any) -> Any:
    return value.model_dump(mode="json") if hasattr(value, "model_dump") else value
