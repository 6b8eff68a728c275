"""Gate checklist scorer: items and weights, blocking items, each recommendation, legal decisions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from test_gates_data import CONTROLS, FAMILY, TODAY, make_project, make_review

from assistant.errors import ConfigError
from assistant.gates import GateAssessment, load_checklist
from assistant.gates_run import assess_project
from assistant.intake import LegalDecision, Project
from assistant.models import Decision, DecisionAction, ReviewResult, Status


def assess(
    project: Project | None = None,
    review: ReviewResult | None = None,
    decisions: list[Decision] | None = None,
    gate: str = "scale",
) -> GateAssessment:
    reviews = {FAMILY: review or make_review()}
    return assess_project(
        project or make_project(), gate, reviews=reviews, decisions={FAMILY: decisions or []}, today=TODAY
    )


def item(a: GateAssessment, item_id: str):  # type: ignore[no-untyped-def]
    return next(i for i in a.items if i.id == item_id)


def decide(requirement: str, action: DecisionAction, owner: str | None = None) -> Decision:
    return Decision(requirement=requirement, action=action, reason="Pilot scope only; revisit at renewal.",
                    actor="Legal Counsel", risk_owner=owner)  # fmt: skip


def test_builtin_checklists_group_evidence_and_have_blocking_items() -> None:
    for gate in ("discovery", "pilot", "scale", "optimize"):
        checklist = load_checklist(gate)
        groups = {i.group for i in checklist.items}
        assert groups == {"financial", "operational", "control"}, gate
        assert any(i.blocking for i in checklist.items)
        assert all(i.weight > 0 and i.satisfied_by for i in checklist.items)


def test_complete_project_advances_with_full_score() -> None:
    a = assess()
    assert a.recommendation == "advance"
    assert a.score == 1.0 and a.blockers == [] and a.conditions == []
    assert a.score_by_group == {"financial": 1.0, "operational": 1.0, "control": 1.0}
    assert item(a, "budget").evidence[1].value == "USD 228,500"


def test_score_is_weighted_over_applicable_items() -> None:
    # Service credits weak (partial, weight 1) -> the score loses half of that item's weight.
    a = assess(review=make_review({"service_credits": Status.weak}))
    applicable = [i for i in a.items if i.status != "not_applicable"]
    total = sum(i.weight for i in applicable)
    assert item(a, "service_credits").status == "partial"
    assert item(a, "service_credits").credit == 0.5
    assert a.score == round((total - 0.5 * item(a, "service_credits").weight) / total, 3)
    assert a.recommendation == "advance"  # non-blocking, above advance_at: a follow-up, not a condition
    assert a.conditions == [
        "Negotiate a stronger service credits clause, or have legal accept the risk with a named owner."
    ]


def test_not_applicable_items_leave_the_score() -> None:
    # Internal data only: incident notification and subprocessor items do not apply.
    a = assess(
        make_project(data_sensitivity="internal"), make_review({"incident_notification": Status.missing})
    )
    assert item(a, "incident_notification").status == "not_applicable"
    assert item(a, "incident_notification").credit == 0.0
    assert a.recommendation == "advance" and a.score == 1.0


def test_missing_blocking_control_holds_the_gate_with_its_quote_free_reason() -> None:
    a = assess(review=make_review({"audit_rights": Status.missing}))
    ar = item(a, "audit_rights")
    assert ar.status == "missing" and ar.blocking and ar.blocks
    assert a.recommendation == "hold"
    assert a.blockers[0].startswith("Audit rights: acme: missing.")
    assert a.conditions[0] == "Add an audit rights clause, or have legal accept the risk with a named owner."


def test_failed_pilot_holds_the_scale_gate() -> None:
    a = assess(make_project(pilot_results=[{"kpi": "frt", "value": 9.0, "measured_to": "2026-10-31"}]))
    pr = item(a, "pilot_results")
    assert pr.status == "missing" and pr.blocks
    assert "10 -> 9 hours (10% better), needs 20% better: not met" in pr.detail
    assert a.recommendation == "hold"


def test_partial_blocking_item_gives_advance_with_conditions() -> None:
    # Forecast 2% over budget: within the 5% tolerance -> partial, the blocking item becomes a condition.
    budget = {"currency": "USD", "approved": 240000, "forecast": 244800, "commitment": 172800}
    a = assess(make_project(budget=budget))
    b = item(a, "budget")
    assert b.status == "partial" and b.blocking and not b.blocks
    assert "exceeds the approved USD 240,000 by USD 4,800 (2%)" in b.detail
    assert a.recommendation == "advance_with_conditions"
    assert a.conditions[0] == "Budget owner to approve the USD 4,800 overrun or re-phase the spend."


def test_forecast_far_over_budget_is_a_blocker() -> None:
    budget = {"currency": "USD", "approved": 240000, "forecast": 300000}
    a = assess(make_project(budget=budget))
    assert item(a, "budget").status == "missing" and a.recommendation == "hold"


def test_low_score_without_blockers_holds() -> None:
    # Every control weak (partial, never blocking) and optional evidence stripped: no blocker, low score.
    weak = dict.fromkeys(CONTROLS, Status.weak)
    budget = {"currency": "USD", "approved": 240000, "forecast": 244800, "commitment": 172800}
    only_scale = [{"gate": "scale", "description": "20% faster", "kpi": "frt", "min_improvement_pct": 20}]
    project = make_project(
        tco=None, scorecard=[], raci=[], milestones=[], exit_criteria=only_scale, budget=budget
    )
    a = assess(project, make_review(weak))
    assert not any(i.blocks for i in a.items)
    assert a.score < 0.6 and a.recommendation == "hold"
    assert a.blockers == []


def test_legal_decisions_change_the_outcome() -> None:
    review = make_review({"audit_rights": Status.missing})
    assert assess(review=review).recommendation == "hold"

    accepted = assess(
        review=review, decisions=[decide("audit_rights", DecisionAction.accept_risk, "Elena Novak")]
    )
    ar = item(accepted, "audit_rights")
    assert ar.status == "partial" and not ar.blocks and ar.condition is None
    assert "risk accepted by Elena Novak: Pilot scope only" in ar.detail
    assert accepted.recommendation == "advance_with_conditions"  # a blocking item only partly satisfied

    resolved = assess(review=review, decisions=[decide("audit_rights", DecisionAction.resolve)])
    assert item(resolved, "audit_rights").status == "satisfied" and resolved.recommendation == "advance"

    confirmed = assess(review=review, decisions=[decide("audit_rights", DecisionAction.accept)])
    assert item(confirmed, "audit_rights").status == "missing" and confirmed.recommendation == "hold"
    assert "gap confirmed by legal" in item(confirmed, "audit_rights").detail


def test_accepted_risk_without_a_named_owner_stays_a_gap() -> None:
    review = make_review({"audit_rights": Status.missing})
    a = assess(review=review, decisions=[decide("audit_rights", DecisionAction.accept_risk, owner=None)])
    assert a.recommendation == "hold"
    assert next(c for c in a.controls if c.requirement == "audit_rights").legal_status == "confirmed_gap"


def test_latest_legal_decision_wins_and_project_file_decisions_count() -> None:
    review = make_review({"audit_rights": Status.missing})
    d1 = decide("audit_rights", DecisionAction.accept).model_copy(update={"at": "2026-11-01T10:00:00+00:00"})
    d2 = decide("audit_rights", DecisionAction.resolve).model_copy(update={"at": "2026-11-02T10:00:00+00:00"})
    assert assess(review=review, decisions=[d2, d1]).recommendation == "advance"
    dismissed = LegalDecision(**decide("audit_rights", DecisionAction.dismiss).model_dump(), family=FAMILY)
    project = make_project().model_copy(update={"legal_decisions": [dismissed]})
    assert item(assess(project, review), "audit_rights").status == "satisfied"


def test_unclear_blocking_control_waits_for_legal() -> None:
    a = assess(review=make_review({"security_obligations": Status.unclear}))
    so = item(a, "security_obligations")
    assert so.status == "partial" and so.awaiting_legal and so.blocks
    assert a.recommendation == "hold"
    assert so.condition == "Legal to confirm whether the contract provides security obligations."


def test_personal_data_without_a_dpa_is_a_condition() -> None:
    a = assess(review=make_review(dpa=False))
    assert item(a, "data_review").status == "partial"
    assert a.recommendation == "advance_with_conditions"
    assert "Obtain the vendor's DPA" in a.conditions[0]


def test_missing_prior_gate_approval_blocks_scale() -> None:
    data = make_project().model_dump(mode="json")
    data["decisions"] = []
    a = assess(Project.model_validate(data))
    assert item(a, "pilot_approved").status == "missing" and a.recommendation == "hold"


def test_ai_project_needs_ai_cost_layers() -> None:
    a = assess(make_project(ai_project=True))
    tco = item(a, "tco")
    assert tco.status == "partial"
    assert "Missing: data preparation, model monitoring." in tco.detail


def test_no_contract_reviewed_means_control_items_missing() -> None:
    a = assess_project(make_project(), "pilot", reviews={}, today=TODAY)
    assert item(a, "security_obligations").status == "missing"
    assert item(a, "renewal_dates").status == "missing"
    assert a.recommendation == "hold"


def test_discovery_gate_needs_no_contract() -> None:
    a = assess_project(make_project(), "discovery", reviews={}, today=TODAY)
    assert a.recommendation == "advance" and a.score == 1.0


def test_assessment_is_deterministic() -> None:
    review = make_review({"audit_rights": Status.weak, "renewal_notice": Status.unclear})
    first = assess(review=review).model_dump_json()
    assert all(assess(review=review).model_dump_json() == first for _ in range(3))


def test_checklist_override_directory(tmp_path: Path) -> None:
    data = yaml.safe_load(Path("assistant/data/gates/scale.yaml").read_text(encoding="utf-8"))
    for it in data["items"]:
        if it["id"] == "service_credits":
            it["blocking"] = True
    (tmp_path / "scale.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
    project = make_project().model_copy(update={"checklist_dir": str(tmp_path)})
    review = make_review({"service_credits": Status.missing})
    assert (
        assess(make_project(), review).recommendation == "advance"
    )  # built-in: service credits do not block
    assert assess(project, review).recommendation == "hold"


def test_bad_checklists_are_reported_with_the_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="gate 'launch' does not exist"):
        load_checklist("launch")
    (tmp_path / "pilot.yaml").write_text(
        "gate: pilot\nversion: '1'\ntitle: t\ndecision: d\nitems:\n"
        "  - {id: x, group: control, title: X, satisfied_by: s, check: telepathy}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"unknown check\(s\) \['telepathy'\]"):
        load_checklist("pilot", tmp_path)
    with pytest.raises(ConfigError, match="no checklist for gate 'scale'"):
        load_checklist("scale", tmp_path)
