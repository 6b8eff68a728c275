"""Legal's decisions survive a re-review of the family: carried where the finding is unchanged, reopened
(and audited) where its status, parameters or evidence changed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.models import DecisionAction
from assistant.service import Clausegate
from assistant.settings import IndexSettings, LLMSettings, Settings, StoreSettings
from assistant.workflow import DecisionRequest, FindingState

MSA = """MASTER SERVICES AGREEMENT

1. Services
Provider shall provide the hosted payroll services described in the Order Form.

2. Security Incidents
Provider shall notify Customer of any Security Incident affecting Customer Data promptly.

3. Fees
Customer shall pay the fees within thirty (30) days of the invoice date.

4. Governing Law
This Agreement is governed by the laws of the State of New York.
"""

AMENDMENT = """AMENDMENT No. 1 TO THE MASTER SERVICES AGREEMENT

1. Audit
Customer, its auditors and its regulators may audit Provider's records, systems and facilities used for the
Services upon fifteen (15) days' prior written notice.
"""


@pytest.fixture
def svc(db_url: str, tmp_path: Path) -> Iterator[Clausegate]:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        store=StoreSettings(data_dir=tmp_path / "data", url=db_url),
        index=IndexSettings(embedding_provider="none"),
        llm=LLMSettings(mode="off"),
    )
    service = Clausegate(settings)
    yield service
    service.store.close()


def _files(tmp_path: Path) -> tuple[Path, Path]:
    msa, amendment = tmp_path / "msa.txt", tmp_path / "amendment_1.txt"
    msa.write_text(MSA, encoding="utf-8")
    amendment.write_text(AMENDMENT, encoding="utf-8")
    return msa, amendment


def _decide(svc: Clausegate, review_id: str, requirement: str, action: DecisionAction, **kw: str) -> None:
    request = DecisionRequest(action=action, reason=f"{action.value} after negotiation call", **kw)
    svc.workflow.decide(review_id, requirement, request, actor="dana")


def test_decisions_carry_to_a_re_review_where_the_finding_is_unchanged(
    svc: Clausegate, tmp_path: Path
) -> None:
    msa, amendment = _files(tmp_path)
    first = svc.review(svc.ingest([msa], family="payroll"), family="payroll")
    assert first.finding("audit_rights").status.value == "missing"
    assert first.finding("incident_notification").status.value == "weak"
    _decide(svc, first.id or "", "audit_rights", DecisionAction.accept)
    _decide(svc, first.id or "", "incident_notification", DecisionAction.accept_risk, risk_owner="CFO Lee")

    svc.ingest([amendment], family="payroll")
    second = svc.review(svc.store.family_documents("payroll"), family="payroll")
    assert second.id != first.id
    assert second.finding("audit_rights").status.value == "present"

    views = {v.finding.requirement: v for v in svc.workflow.queue(second.id or "", include_present=True)}
    carried = views["incident_notification"]
    assert carried.state is FindingState.risk_accepted
    assert carried.last_decision is not None
    assert carried.last_decision.risk_owner == "CFO Lee" and carried.last_decision.actor == "dana"
    assert carried.last_decision.carried_from == first.id
    # the gap legal accepted was fixed by the amendment: its old decision no longer applies
    assert views["audit_rights"].state is FindingState.open
    assert views["audit_rights"].last_decision is None
    # the earlier review keeps its own decisions
    assert len(svc.store.decisions(first.id or "")) == 2

    actions = [
        e.action
        for req in ("incident_notification", "audit_rights")
        for e in svc.audit.for_subject("finding", f"{second.id}:{req}")
    ]
    assert actions == ["finding.decisions_carried", "finding.reopened"]
    reopened = svc.audit.for_subject("finding", f"{second.id}:audit_rights")[0]
    assert "status changed from missing to present" in str(reopened.after)


def test_carrying_twice_changes_nothing_and_a_reused_review_keeps_its_decisions(
    svc: Clausegate, tmp_path: Path
) -> None:
    msa, amendment = _files(tmp_path)
    first = svc.review(svc.ingest([msa], family="payroll"), family="payroll")
    _decide(svc, first.id or "", "incident_notification", DecisionAction.dismiss)
    svc.ingest([amendment], family="payroll")
    second = svc.review(svc.store.family_documents("payroll"), family="payroll")
    before = svc.store.decisions(second.id or "")
    report = svc.workflow.carry_forward(second)
    assert report.previous_review_id == first.id and report.carried == [] and report.reopened == {}
    assert svc.store.decisions(second.id or "") == before

    again = svc.review(svc.store.family_documents("payroll"), family="payroll")
    assert again.id == second.id  # the stored review is reused
    assert [d.action for d in svc.store.decisions(again.id or "")] == [DecisionAction.dismiss]


def test_a_first_review_has_nothing_to_carry(svc: Clausegate, tmp_path: Path) -> None:
    msa, _ = _files(tmp_path)
    first = svc.review(svc.ingest([msa], family="payroll"), family="payroll")
    report = svc.workflow.carry_forward(first)
    assert report.previous_review_id is None and report.carried == []
