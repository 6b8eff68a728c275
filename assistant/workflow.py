"""Legal's workflow on findings: decide (accept, dismiss, resolve, accept_risk), comment, history.

The state of a finding is derived from its decisions (the last one wins):

    open -> accepted (gap confirmed) | dismissed (false alarm) | resolved (fixed) | risk_accepted

Every decision and comment is stored and written to the audit log with the state before and after, so
the history of a finding is its audit trail. When a family is reviewed again (new documents, an upgraded
engine or parser, an edited playbook), legal's decisions carry over to the new review for every finding
whose basis did not change (same status, parameters and evidence); a changed finding starts open again,
and both outcomes are audited. A `resolve` must point at the fix: a quote that is found
verbatim in a stored document (typically the amended contract) or the id of an amended document.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field

from assistant.audit import AuditEvent, AuditLog
from assistant.errors import ClausegateError, NotFound
from assistant.evidence import evidence_at, locate
from assistant.models import Decision, DecisionAction, Evidence, Finding, ReviewResult
from assistant.store import Store


class FindingState(StrEnum):
    open = "open"
    accepted = "accepted"
    dismissed = "dismissed"
    resolved = "resolved"
    risk_accepted = "risk_accepted"


STATE_AFTER = {
    DecisionAction.accept: FindingState.accepted,
    DecisionAction.dismiss: FindingState.dismissed,
    DecisionAction.resolve: FindingState.resolved,
    DecisionAction.accept_risk: FindingState.risk_accepted,
}
# NOTE: a closed finding can be reopened as a confirmed gap (accept); a dismissed one cannot be resolved.
ALLOWED: dict[FindingState, set[DecisionAction]] = {
    FindingState.open: set(DecisionAction),
    FindingState.accepted: {DecisionAction.resolve, DecisionAction.accept_risk, DecisionAction.dismiss},
    FindingState.dismissed: {DecisionAction.accept},
    FindingState.resolved: {DecisionAction.accept},
    FindingState.risk_accepted: {DecisionAction.accept, DecisionAction.resolve},
}


class WorkflowError(ClausegateError):
    """A decision that the workflow does not allow (wrong state, missing owner or evidence)."""


class DecisionRequest(BaseModel):
    """Legal's decision on one finding, as posted by the API or a web form."""

    action: DecisionAction = Field(description="accept, dismiss, resolve or accept_risk.")
    reason: str = Field(min_length=3, max_length=4000, description="Why; required for every action.")
    risk_owner: str | None = Field(
        default=None, description="Named owner of the risk; required for accept_risk."
    )
    document_id: str | None = Field(
        default=None, description="resolve: stored (amended) document with the fix."
    )
    quote: str | None = Field(default=None, description="resolve: verbatim text of the fix in that document.")


class FindingView(BaseModel):
    """A finding with its workflow state, for the legal queue."""

    review_id: str
    finding: Finding
    state: FindingState
    last_decision: Decision | None = None


class CarryReport(BaseModel):
    """What `Workflow.carry_forward` did for a new review of a family."""

    review_id: str
    previous_review_id: str | None = None
    carried: list[str] = Field(default_factory=list, description="Requirements whose decisions carried over.")
    reopened: dict[str, str] = Field(
        default_factory=dict, description="Requirement -> why its earlier decision no longer applies."
    )


def _basis(finding: Finding) -> tuple[object, ...]:
    """What legal decided on: status, parameters and the evidence quotes (whitespace-normalised)."""
    quotes = sorted((e.filename, " ".join(e.quote.split())) for e in finding.evidence)
    return (finding.status.value, sorted(finding.params.items()), quotes)


def _change(old: Finding, new: Finding) -> str:
    if old.status != new.status:
        return f"status changed from {old.status.value} to {new.status.value}"
    if old.params != new.params:
        return f"parameters changed from {old.params} to {new.params}"
    return "the evidence quoted changed"


def subject_id(review_id: str, requirement: str) -> str:
    """Audit subject id of one finding."""
    return f"{review_id}:{requirement}"


def state_of(decisions: list[Decision]) -> FindingState:
    """Current state from a finding's decisions, oldest first."""
    return STATE_AFTER[decisions[-1].action] if decisions else FindingState.open


class Workflow:
    """Decisions, comments and history of findings over the store and the audit log."""

    def __init__(self, store: Store, audit: AuditLog) -> None:
        self.store = store
        self.audit = audit

    def _finding(self, review: ReviewResult, requirement: str) -> Finding:
        try:
            return review.finding(requirement)
        except KeyError:
            raise NotFound(
                f"review {review.id!r} has no finding {requirement!r}; use one of "
                f"{', '.join(f.requirement for f in review.findings)}."
            ) from None

    def _decisions(self, review_id: str, requirement: str) -> list[Decision]:
        return [d for d in self.store.decisions(review_id) if d.requirement == requirement]

    def queue(self, review_id: str, *, include_present: bool = False) -> list[FindingView]:
        """Findings of a review with their state; by default only gaps (weak/missing/unclear or flagged)."""
        review = self.store.get_review(review_id)
        decisions = self.store.decisions(review_id)
        views = []
        for f in review.findings:
            if not include_present and f.status.value == "present" and not f.needs_legal_review:
                continue
            mine = [d for d in decisions if d.requirement == f.requirement]
            views.append(
                FindingView(
                    review_id=review_id,
                    finding=f,
                    state=state_of(mine),
                    last_decision=mine[-1] if mine else None,
                )
            )
        return views

    def decide(self, review_id: str, requirement: str, request: DecisionRequest, actor: str) -> Decision:
        """Validate and record a decision; raises WorkflowError naming what is wrong."""
        review = self.store.get_review(review_id)
        self._finding(review, requirement)
        before = state_of(self._decisions(review_id, requirement))
        if request.action not in ALLOWED[before]:
            allowed = ", ".join(sorted(a.value for a in ALLOWED[before])) or "none"
            raise WorkflowError(
                f"finding {requirement!r} is {before.value}: {request.action.value!r} is not allowed; use {allowed}."
            )
        if request.action == DecisionAction.accept_risk and not (request.risk_owner or "").strip():
            raise WorkflowError("accept_risk needs 'risk_owner': name the person who owns the accepted risk.")
        evidence = self._resolve_evidence(request) if request.action == DecisionAction.resolve else None
        stored = self.store.add_decision(
            Decision(
                review_id=review_id,
                requirement=requirement,
                action=request.action,
                reason=request.reason.strip(),
                actor=actor,
                risk_owner=(request.risk_owner or "").strip() or None,
            )
        )
        after = {"state": STATE_AFTER[request.action].value, "decision": stored.model_dump(mode="json")}
        if evidence is not None:
            after["evidence"] = evidence.model_dump(mode="json")
        self.audit.append(
            actor,
            "finding.decision",
            "finding",
            subject_id(review_id, requirement),
            before={"state": before.value},
            after=after,
            project=review.family or review_id,
        )
        return stored

    def _resolve_evidence(self, request: DecisionRequest) -> Evidence:
        """The verified fix of a resolve: a quote located in a stored document, or the amended document."""
        if not request.document_id:
            raise WorkflowError(
                "resolve needs 'document_id' (the amended document) and ideally 'quote' (the fix)."
            )
        doc = self.store.get_document(request.document_id)
        quote = (request.quote or "").strip()
        if not quote:
            return Evidence(document_id=doc.id, filename=doc.filename, page=1, start=0, end=0, quote="")
        found = locate(doc, quote)
        if found is None:
            raise WorkflowError(
                f"quote {quote[:80]!r} is not in {doc.filename!r}: paste the fixed clause verbatim."
            )
        return evidence_at(doc, *found)

    def carry_forward(self, review: ReviewResult, actor: str = "clausegate") -> CarryReport:
        """Carry legal's decisions from the review that `review` supersedes (see `Store.previous_review`)
        to the unchanged findings of `review`; reopen the changed ones. Audited per finding; a finding
        that already has decisions on `review` is left alone, so calling this twice changes nothing."""
        if review.id is None:
            raise WorkflowError("carry_forward needs a stored review (save it first).")
        report = CarryReport(review_id=review.id)
        previous = self.store.previous_review(review)
        if previous is None or previous.id is None:
            return report
        report.previous_review_id = previous.id
        decided_now = {d.requirement for d in self.store.decisions(review.id)}
        old_decisions = self.store.decisions(previous.id)
        for old in previous.findings:
            mine = [d for d in old_decisions if d.requirement == old.requirement]
            if not mine or old.requirement in decided_now:
                continue
            try:
                new = review.finding(old.requirement)
            except KeyError:
                report.reopened[old.requirement] = "the requirement is no longer in the playbook"
                continue
            subject = subject_id(review.id, old.requirement)
            project = review.family or review.id
            if _basis(old) == _basis(new):
                self.store.copy_decisions(mine, review.id)
                report.carried.append(old.requirement)
                self.audit.append(
                    actor,
                    "finding.decisions_carried",
                    "finding",
                    subject,
                    before={"review": previous.id, "state": state_of(mine).value},
                    after={"state": state_of(mine).value, "decisions": len(mine)},
                    project=project,
                )
            else:
                why = _change(old, new)
                report.reopened[old.requirement] = why
                self.audit.append(
                    actor,
                    "finding.reopened",
                    "finding",
                    subject,
                    before={"review": previous.id, "state": state_of(mine).value},
                    after={"state": FindingState.open.value, "reason": why},
                    project=project,
                )
        return report

    def comment(self, review_id: str, requirement: str, text: str, actor: str) -> AuditEvent:
        """Add a comment to a finding (kept in its audit history)."""
        review = self.store.get_review(review_id)
        self._finding(review, requirement)
        if len(text.strip()) < 1:
            raise WorkflowError("comment is empty: write the comment text.")
        return self.audit.append(
            actor,
            "finding.comment",
            "finding",
            subject_id(review_id, requirement),
            after={"text": text.strip()},
            project=review.family or review_id,
        )

    def history(self, review_id: str, requirement: str) -> list[AuditEvent]:
        """Decisions and comments of one finding, oldest first."""
        self._finding(self.store.get_review(review_id), requirement)
        return self.audit.for_subject("finding", subject_id(review_id, requirement))
