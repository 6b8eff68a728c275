"""Control evidence: each review finding combined with legal's latest decision on it.

A gap legal accepted as a risk (with a named owner and a reason) is no longer an open gap, but it is not a
satisfied control either; a dismissed or resolved finding counts as satisfied; a gap legal confirmed stays a
gap. The result, `ControlStatus`, is what the checklist scorer and the memo read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

from pydantic import BaseModel, Field

from assistant.models import (
    Decision,
    DecisionAction,
    Evidence,
    Finding,
    ParamValue,
    ReviewResult,
    Severity,
    Status,
)

LegalStatus = Literal["no_decision", "confirmed_gap", "accepted_risk", "dismissed", "resolved"]


class ControlStatus(BaseModel):
    """One playbook control in one contract family, after legal's decision."""

    family: str = Field(description="Contract family reviewed.")
    requirement: str = Field(description="Playbook requirement id.")
    title: str = Field(description="Requirement title.")
    severity: Severity = Field(description="Severity from the playbook.")
    finding_status: Status = Field(description="Status the review gave.")
    reason: str = Field(default="", description="The review's reason for the status.")
    params: dict[str, ParamValue] = Field(default_factory=dict, description="Parameters the review read.")
    evidence: list[Evidence] = Field(default_factory=list, description="Verified quotes with page.")
    legal_status: LegalStatus = Field(description="Legal's latest decision on the finding.")
    decision: Decision | None = Field(default=None, description="That decision, with reason and actor.")

    @property
    def is_gap(self) -> bool:
        """True when the review found the control weak, missing or unclear."""
        return self.finding_status != Status.present

    @property
    def open(self) -> bool:
        """True for a gap legal has neither fixed, dismissed nor accepted as a risk."""
        return self.is_gap and self.legal_status in ("no_decision", "confirmed_gap")

    def legal_label(self) -> str:
        """Legal's status in words, e.g. 'risk accepted by Dana Roe (CFO): pilot scope only'."""
        d = self.decision
        if not self.is_gap and d is None:
            return "no gap"
        if d is None:
            return "open, awaiting legal review"
        words = {
            "confirmed_gap": "gap confirmed by legal",
            "accepted_risk": f"risk accepted by {d.risk_owner or d.actor}",
            "dismissed": "dismissed by legal (not a gap)",
            "resolved": "resolved",
            "no_decision": "open",
        }[self.legal_status]
        return f"{words}: {d.reason.rstrip('. ')}"


_ACTION = {
    DecisionAction.accept: "confirmed_gap",
    DecisionAction.accept_risk: "accepted_risk",
    DecisionAction.dismiss: "dismissed",
    DecisionAction.resolve: "resolved",
}


def latest_decisions(decisions: Iterable[Decision]) -> dict[str, Decision]:
    """The last decision per requirement (by `at` when given, else list order)."""
    ordered = sorted(enumerate(decisions), key=lambda iv: (iv[1].at or "", iv[0]))
    return {d.requirement: d for _, d in ordered}


def control_statuses(
    reviews: Mapping[str, ReviewResult], decisions: Mapping[str, Sequence[Decision]]
) -> list[ControlStatus]:
    """Every finding of every family's review with legal's latest decision, in review order."""
    out: list[ControlStatus] = []
    for family, review in reviews.items():
        latest = latest_decisions(decisions.get(family, ()))
        for f in review.findings:
            out.append(_status(family, f, latest.get(f.requirement)))
    return out


def _status(family: str, f: Finding, decision: Decision | None) -> ControlStatus:
    legal: LegalStatus = "no_decision" if decision is None else _ACTION[decision.action]  # type: ignore[assignment]
    if decision is not None and decision.action == DecisionAction.accept_risk and not decision.risk_owner:
        legal = "confirmed_gap"  # an accepted risk needs a named owner; without one it stays a gap
    return ControlStatus(
        family=family,
        requirement=f.requirement,
        title=f.title or f.requirement.replace("_", " ").capitalize(),
        severity=f.severity,
        finding_status=f.status,
        reason=f.reason,
        params=dict(f.params),
        evidence=list(f.evidence),
        legal_status=legal,
        decision=decision,
    )
