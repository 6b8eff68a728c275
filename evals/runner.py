"""Run the product's pipeline over evaluation cases, in-process: `parse_file` -> `review_documents`,
then pair each finding with its label (evidence checked against the stored text and the labelled spans).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assistant.evidence import locate
from assistant.models import Document, Finding, ReviewResult
from assistant.playbook import Playbook
from evals.datasets import EvalCase
from evals.metrics import Label, Pair, Prediction, overlaps

Parser = Callable[[Path], Document]
Reviewer = Callable[[list[Document], Playbook], ReviewResult]


@dataclass
class CaseRun:
    """Outcome of one case: scored pairs, wall time, and the review when it succeeded."""

    case_id: str
    pairs: list[Pair]
    seconds: float
    error: str | None = None
    review: ReviewResult | None = field(default=None, repr=False)


def default_parser() -> Parser:
    """The product's ingest entry point, `assistant.ingest.parse_file`."""
    from assistant.ingest import parse_file

    return parse_file


def default_reviewer() -> Reviewer:
    """`assistant.review.review_documents`, lexical candidates only, no LLM judge."""
    from assistant.review import review_documents

    def review(documents: list[Document], playbook: Playbook) -> ReviewResult:
        return review_documents(documents, playbook)

    return review


def run_case(case: EvalCase, playbook: Playbook, parse: Parser, review: Reviewer) -> CaseRun:
    """Ingest and review one case; every requirement of the playbook that the case labels is paired."""
    started = time.perf_counter()
    documents = [parse(path) for path in case.files]
    result = review(documents, playbook)
    seconds = time.perf_counter() - started
    pairs = []
    for req in playbook.requirements:
        label = case.labels.get(req.id)
        if label is None:
            continue
        pairs.append(Pair(case.id, req.id, label, predict(result.finding(req.id), label, documents)))
    return CaseRun(case_id=case.id, pairs=pairs, seconds=seconds, review=result)


def predict(finding: Finding, label: Label, documents: Sequence[Document]) -> Prediction:
    """The finding as a Prediction, counting its quotes that are verbatim and overlap labelled evidence, and
    whether any of them quotes the labelled clause."""
    valid = 0
    labelled = {
        d.id: spans
        for d in documents
        if label.found
        and (spans := [s for s in (locate(d, snippet) for snippet in label.evidence) if s is not None])
    }
    hit = False
    for ev in finding.evidence:
        doc = next((d for d in documents if d.id == ev.document_id), None)
        if doc is None or doc.text[ev.start : ev.end] != ev.quote:
            continue
        if label.found and label.evidence:
            spans = labelled.get(doc.id, [])
            if spans and not overlaps((ev.start, ev.end), spans):
                continue
            hit = hit or bool(spans)
        valid += 1
    return Prediction(
        status=finding.status,
        params=dict(finding.params),
        quotes_valid=valid,
        quotes_total=len(finding.evidence),
        quotes_hit=hit if labelled else None,
    )


def run_cases(
    cases: Sequence[EvalCase],
    playbook: Playbook,
    parse: Parser,
    review: Reviewer,
    progress: Callable[[int, int, CaseRun], None] | None = None,
) -> list[CaseRun]:
    """Run every case; a case whose files cannot be parsed is recorded with its error, not raised."""
    runs = []
    for i, case in enumerate(cases):
        try:
            run = run_case(case, playbook, parse, review)
        except Exception as exc:  # noqa: BLE001 - one bad file must not stop an evaluation
            run = CaseRun(case_id=case.id, pairs=[], seconds=0.0, error=f"{type(exc).__name__}: {exc}")
        runs.append(run)
        if progress:
            progress(i + 1, len(cases), run)
    return runs
