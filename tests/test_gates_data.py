"""Builders shared by the gate, renewal and memo tests: a complete project and a contract review.

The project is a realistic AI-routing purchase at the scale gate whose intake satisfies every financial
and operational item; tests then break one thing at a time and check what the scorer says.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from assistant.intake import Project, load_project, project_from_dict
from assistant.models import (
    DocumentKind,
    DocumentSummary,
    Evidence,
    Finding,
    PlaybookRef,
    ReviewResult,
    Severity,
    Status,
)

TODAY = date(2026, 11, 20)
FAMILY = "acme"
CONTROLS = [
    "audit_rights", "exit_assistance", "subprocessor_disclosure", "change_notification", "service_credits",
    "data_ownership", "security_obligations", "incident_notification", "data_retention", "access_logging",
    "termination_convenience", "renewal_notice",
]  # fmt: skip
RENEWAL_QUOTE = (
    "This Order Form commences on 1 December 2026 and continues for an initial term of twelve (12) months. "
    "Thereafter it shall automatically renew for successive periods of twelve (12) months unless either party "
    "gives written notice of non-renewal at least sixty (60) days prior to the end of the then-current term."
)


def project_data() -> dict[str, Any]:
    """A complete scale-gate project as a plain mapping (what a YAML file would hold)."""
    return {
        "name": "Routing",
        "vendor": "Acme Cloud",
        "stage": "pilot",
        "target_gate": "scale",
        "families": [{"name": FAMILY, "documents": ["msa.pdf", "dpa.docx"]}],
        "decisions": [
            {"decided_on": "2026-07-01", "gate": "pilot", "decision": "Fund the pilot", "by": "CFO"}
        ],
        "intake": {
            "business_problem": "Enquiries are triaged by hand.",
            "why_now": "Volume grew 40% with headcount frozen.",
            "what_we_are_buying": "AI routing for 60 agent seats",
            "impacted_teams": ["Service"],
            "dependencies": ["CRM API"],
            "data_sensitivity": "personal",
            "ai_project": False,
            "kpis": [
                {
                    "name": "frt",
                    "metric": "Median first response time",
                    "unit": "hours",
                    "direction": "lower_is_better",
                    "baseline": 10,
                    "baseline_from": "2026-01-01",
                    "baseline_to": "2026-03-31",
                    "target": 6,
                },
            ],  # fmt: skip
            "exit_criteria": [
                {
                    "gate": "scale",
                    "description": "20% faster first response",
                    "kpi": "frt",
                    "min_improvement_pct": 20,
                },
                {"gate": "optimize", "description": "Under 6 hours", "kpi": "frt", "target_value": 6},
            ],
            "pilot_results": [{"kpi": "frt", "value": 7.5, "measured_to": "2026-10-31"}],
            "tco": {
                "currency": "USD",
                "horizon_years": 3,
                "lines": [
                    {"layer": "subscription", "amount": 86400, "recurrence": "annual"},
                    {"layer": "implementation", "amount": 38000, "recurrence": "one_off"},
                    {"layer": "internal_labour", "amount": 45000, "recurrence": "one_off"},
                    {"layer": "administration", "amount": 9600, "recurrence": "annual"},
                    {"layer": "renewal_scaling", "amount": 43200, "recurrence": "annual", "from_year": 2},
                ],
            },
            "budget": {
                "currency": "USD",
                "fiscal_year": "FY2027",
                "approved": 240000,
                "forecast": 228500,
                "commitment": 172800,
            },  # fmt: skip
            "approval_threshold": {"amount": 150000, "approver": "CFO"},
            "owners": {
                "business": {"name": "Maria Lopez", "role": "VP Service"},
                "budget": {"name": "Tom Becker", "role": "Finance Director"},
                "technical": {"name": "Priya Shah"},
                "vendor": {"name": "Daniel Okafor"},
            },
            "raci": [
                {"activity": a, "responsible": "Team", "accountable": "Maria Lopez"}
                for a in [
                    "sourcing",
                    "security_review",
                    "contract_negotiation",
                    "implementation",
                    "change_control",
                    "kpi_reporting",
                    "renewal_decision",
                ]
            ],  # fmt: skip
            "scorecard": [
                {"criterion": c, "score": 4}
                for c in [
                    "kpi_delivery",
                    "implementation_quality",
                    "support_responsiveness",
                    "integration_fit",
                    "compliance_posture",
                    "commercial_transparency",
                ]
            ],  # fmt: skip
            "milestones": [{"name": "Pilot go-live", "due": "2026-08-31", "done": True}],
        },
    }


def make_project(**intake: Any) -> Project:
    """The complete project with intake fields replaced by `intake` (None removes a field)."""
    data = project_data()
    for key, value in intake.items():
        if value is None:
            data["intake"].pop(key, None)
        else:
            data["intake"][key] = value
    return project_from_dict(data)


def evidence(quote: str, page: int, filename: str = "msa.pdf") -> Evidence:
    """Evidence for `quote` on `page`."""
    return Evidence(document_id=filename, filename=filename, page=page, start=0, end=len(quote), quote=quote)


def quote_for(requirement: str) -> str:
    """A distinctive quote per control."""
    return f"Provider shall comply with the {requirement.replace('_', ' ')} obligations in Schedule {len(requirement)}."


def make_review(
    statuses: dict[str, Status] | None = None, *, dpa: bool = True, renewal_quote: str = RENEWAL_QUOTE
) -> ReviewResult:
    """A review of the family: every control present unless `statuses` says otherwise."""
    statuses = statuses or {}
    findings = []
    for i, req in enumerate(CONTROLS):
        status = statuses.get(req, Status.present)
        quote = renewal_quote if req == "renewal_notice" else quote_for(req)
        ev = [evidence(quote, page=i + 1, filename="order.txt" if req == "renewal_notice" else "msa.pdf")]
        if status == Status.missing:
            ev = []
        findings.append(
            Finding(
                requirement=req,
                title=req.replace("_", " ").capitalize(),
                status=status,
                severity=Severity.high if req == "audit_rights" else Severity.medium,
                evidence=ev,
                reason=f"The review read the {req.replace('_', ' ')} clause.",
            )
        )
    docs = [DocumentSummary(id="m", filename="msa.pdf", sha256="m", kind=DocumentKind.msa, pages=12)]
    if dpa:
        docs.append(DocumentSummary(id="d", filename="dpa.docx", sha256="d", kind=DocumentKind.dpa, pages=4))
    return ReviewResult(
        id="rev-1",
        family=FAMILY,
        documents=docs,
        playbook=PlaybookRef(id="default", version="1"),
        findings=findings,
    )


def test_example_project_loads_and_is_complete() -> None:
    example = load_project(Path(__file__).resolve().parents[1] / "examples" / "project.yaml")
    assert example.target_gate.value == "scale"
    assert example.intake.tco is not None and example.intake.tco.total() > 0
    assert all(example.resolve(d).name for f in example.families for d in f.documents)
    assert make_project().intake.kpis[0].change_pct(7.5) == 25.0
