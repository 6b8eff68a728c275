"""Domain models shared by every layer: documents, clauses, evidence, findings, reviews.

These are the typed boundaries of the product (they become the API's OpenAPI schema and the LLM's
JSON schema), so each field carries a description.
"""

from __future__ import annotations

import bisect
import re
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class DocumentKind(StrEnum):
    """What a contract document is; decides which requirements look at it first."""

    msa = "msa"
    dpa = "dpa"
    sla = "sla"
    order_form = "order_form"
    sow = "sow"
    proposal = "proposal"
    other = "other"


class Status(StrEnum):
    """Outcome of checking one requirement against a contract family."""

    present = "present"
    weak = "weak"
    missing = "missing"
    unclear = "unclear"


class Severity(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"
    critical = "critical"


FindingSource = Literal["rules", "llm", "rules+llm"]
ParamValue = int | float | str | bool | None


class Page(BaseModel):
    """One page of a document, as a half-open character range of `Document.text`."""

    number: int = Field(description="1-based page number as printed in the source file.")
    start: int = Field(description="Offset of the first character of the page in the document text.")
    end: int = Field(description="Offset one past the last character of the page in the document text.")


class Clause(BaseModel):
    """A segment of a document under one number or heading, with provenance."""

    id: str = Field(description="Stable id: '<document id>:<index>'.")
    document_id: str = Field(description="Id of the document the clause belongs to.")
    index: int = Field(description="0-based position of the clause in the document.")
    number: str | None = Field(
        default=None, description="Clause number as written, e.g. '12.3', 'IV', '(a)'."
    )
    heading: str | None = Field(default=None, description="Heading text, e.g. 'Audit Rights'.")
    text: str = Field(description="Exact clause text: equal to document.text[start:end].")
    start: int = Field(description="Character offset of the clause in the document text.")
    end: int = Field(description="Character offset one past the clause end in the document text.")
    page_start: int = Field(description="Page on which the clause starts (1-based).")
    page_end: int = Field(description="Page on which the clause ends (1-based).")


class Document(BaseModel):
    """A parsed contract document: full text, pages and clauses, all with character provenance."""

    id: str = Field(description="Document id, derived from the sha256 of the original file bytes.")
    filename: str = Field(description="Original file name (no directories).")
    sha256: str = Field(description="Hex sha256 of the original file bytes; the deduplication key.")
    media_type: str = Field(description="Detected type: pdf, docx, txt, md or html.")
    kind: DocumentKind = Field(description="Document kind in effect (detected unless overridden).")
    kind_detected: DocumentKind = Field(description="Kind detected from the text.")
    title: str | None = Field(default=None, description="Title line of the document, if one was found.")
    size_bytes: int = Field(description="Size of the original file in bytes.")
    text: str = Field(description="Normalised full text; every offset in the document refers to it.")
    pages: list[Page] = Field(description="Pages in order, covering the text.")
    clauses: list[Clause] = Field(default_factory=list, description="Clauses in document order.")

    def page_at(self, offset: int) -> int:
        """Page number containing character `offset` (last page for the end of the text)."""
        if not self.pages:
            return 1
        starts = [p.start for p in self.pages]
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        return self.pages[i].number


_WS = re.compile(r"\s+")


def normalise_ws(text: str) -> str:
    """Collapse every run of whitespace to one space and strip: the comparison form for quotes."""
    return _WS.sub(" ", text).strip()


class Evidence(BaseModel):
    """A verbatim quote from a stored document, located by page and character offsets."""

    document_id: str = Field(description="Id of the quoted document.")
    filename: str = Field(description="File name of the quoted document.")
    page: int = Field(description="Page on which the quote starts (1-based).")
    start: int = Field(description="Offset of the quote in the document text.")
    end: int = Field(description="Offset one past the end of the quote in the document text.")
    quote: str = Field(description="The quoted text, verbatim from document.text[start:end].")
    clause_id: str | None = Field(default=None, description="Clause the quote lies in, if known.")


class Finding(BaseModel):
    """Result of one playbook requirement for one contract family."""

    model_config = ConfigDict(use_enum_values=False)

    requirement: str = Field(description="Requirement id from the playbook, e.g. 'audit_rights'.")
    title: str = Field(default="", description="Requirement title from the playbook.")
    status: Status = Field(description="present, weak, missing or unclear.")
    severity: Severity = Field(default=Severity.medium, description="Severity from the playbook.")
    params: dict[str, ParamValue] = Field(
        default_factory=dict, description="Parameters that decide the status, e.g. {'notice_days': 30}."
    )
    evidence: list[Evidence] = Field(default_factory=list, description="Verified verbatim quotes.")
    reason: str = Field(default="", description="Why this status, in one or two sentences.")
    source: FindingSource = Field(default="rules", description="Who decided: rules, llm or both.")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0, description="Confidence in the status, 0..1.")
    needs_legal_review: bool = Field(
        default=False, description="True when rules and model disagreed or evidence was doubtful."
    )


class DocumentSummary(BaseModel):
    id: str
    filename: str
    sha256: str
    kind: DocumentKind
    pages: int


class PlaybookRef(BaseModel):
    id: str
    version: str


class Usage(BaseModel):
    """Token and cost accounting for the LLM calls of one review."""

    model: str | None = None
    calls: int = 0
    cached_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated_cost_usd: float = 0.0
    failures: list[str] = Field(default_factory=list)


class ReviewResult(BaseModel):
    """Everything one review of a contract family produced."""

    id: str | None = Field(default=None, description="Review id once stored.")
    family: str | None = Field(default=None, description="Family name the documents were reviewed as.")
    documents: list[DocumentSummary]
    playbook: PlaybookRef
    findings: list[Finding]
    usage: Usage = Field(default_factory=Usage)
    seconds: float = Field(default=0.0, description="Wall time of the review.")

    def finding(self, requirement: str) -> Finding:
        for f in self.findings:
            if f.requirement == requirement:
                return f
        raise KeyError(f"no finding for requirement {requirement!r}")


class DecisionAction(StrEnum):
    """What legal decided about a finding."""

    accept = "accept"  # gap confirmed, stays a gap
    dismiss = "dismiss"  # false alarm
    resolve = "resolve"  # fixed, with new evidence or an amended document
    accept_risk = "accept_risk"  # known gap accepted by a named owner


class Decision(BaseModel):
    """Legal's decision on one finding; every decision is also an audit event."""

    id: str | None = Field(default=None, description="Decision id once stored.")
    review_id: str | None = Field(default=None, description="Review the finding belongs to.")
    requirement: str = Field(description="Requirement id of the decided finding.")
    action: DecisionAction
    reason: str = Field(min_length=3, description="Why; required for every action.")
    actor: str = Field(description="Who decided (user name).")
    risk_owner: str | None = Field(default=None, description="Named owner, required for accept_risk.")
    at: str | None = Field(default=None, description="ISO timestamp.")
    carried_from: str | None = Field(
        default=None,
        description="Review whose identical finding this decision was first made on (carried to a re-review).",
    )
