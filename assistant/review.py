"""Review orchestration: one Finding per playbook requirement for a contract family.

documents -> ReviewContext -> extractor per requirement (rules) -> optional LLM judge
          -> evidence verified against the stored text -> ReviewResult
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Protocol

from assistant.errors import PlaybookError
from assistant.evidence import verify_finding
from assistant.models import (
    Document,
    DocumentSummary,
    Finding,
    PlaybookRef,
    ReviewResult,
    Status,
    Usage,
)
from assistant.playbook import Playbook, Requirement
from extractors.base import Candidate, ReviewContext, VectorSearch, get_extractor, registered
from extractors.candidates import find_candidates

Progress = Callable[[str], None]


class Judge(Protocol):
    """The LLM step (assistant.judge): refines rule findings from the top candidates; never raises."""

    def __call__(
        self,
        playbook: Playbook,
        ctx: ReviewContext,
        findings: list[Finding],
        candidates: dict[str, list[Candidate]],
    ) -> tuple[list[Finding], Usage]: ...


def review_documents(
    documents: Sequence[Document],
    playbook: Playbook,
    *,
    vector_search: VectorSearch | None = None,
    judge: Judge | None = None,
    candidates_per_requirement: int = 6,
    family: str | None = None,
    progress: Progress | None = None,
) -> ReviewResult:
    """Review `documents` as one family against `playbook`; exactly one finding per requirement."""
    started = time.perf_counter()
    ctx = ReviewContext(
        documents=list(documents),
        vector_search=vector_search,
        candidates_per_requirement=candidates_per_requirement,
    )
    findings: list[Finding] = []
    candidates: dict[str, list[Candidate]] = {}
    for req in playbook.requirements:
        if progress:
            progress(req.id)
        candidates[req.id] = find_candidates(req, ctx)
        findings.append(_run_extractor(req, ctx))
    usage = Usage()
    if judge is not None:
        findings, usage = judge(playbook, ctx, findings, candidates)
    findings = [verify_finding(f, ctx.documents) for f in findings]
    return ReviewResult(
        family=family,
        documents=[
            DocumentSummary(id=d.id, filename=d.filename, sha256=d.sha256, kind=d.kind, pages=len(d.pages))
            for d in documents
        ],
        playbook=PlaybookRef(id=playbook.id, version=playbook.version),
        findings=findings,
        usage=usage,
        seconds=round(time.perf_counter() - started, 3),
    )


def _run_extractor(req: Requirement, ctx: ReviewContext) -> Finding:
    """Run the requirement's extractor and stamp the playbook's title and severity on its finding."""
    if req.extractor and req.extractor not in registered():
        raise PlaybookError(
            f"requirement {req.id!r} names extractor {req.extractor!r}, which is not registered "
            f"(known: {', '.join(registered())}). Fix the name, or remove 'extractor' to use the generic one."
        )
    finding = get_extractor(req.extractor_name)(req, ctx)
    update: dict[str, object] = {"requirement": req.id, "title": req.title, "severity": req.severity}
    if finding.status in (Status.present, Status.weak) and not finding.evidence:
        update.update(status=Status.unclear, reason=f"{finding.reason} (no evidence quoted)".strip())
    return finding.model_copy(update=update)
