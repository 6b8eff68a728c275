"""Generalisation of the rule extractors to drafting they were not tuned on.

The cases in `fixtures/rules/generalise_cases.yaml` were written for these tests (US, UK, AU/CA styles), one
group per failure category: plain-English "we/you" terms, durations in weeks, passive voice, negated audit
rights, convenience exits that cost all remaining fees or start after a long lock-in, confidentiality "need to
know" that is not access control, and the wide vocabulary of credits, exit, deletion and ownership clauses.
Whole "we/you" terms of service are checked requirement by requirement at the end.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from assistant.ingest import parse_bytes
from assistant.models import Status
from assistant.playbook import load_playbook
from extractors.base import ReviewContext, get_extractor
from tests.support.extractors import review

PB = load_playbook("default")
STATUS = {"P": Status.present, "W": Status.weak, "M": Status.missing, "U": Status.unclear}
FIXTURES = Path(__file__).parent / "fixtures" / "rules"
DATA: dict[str, Any] = yaml.safe_load((FIXTURES / "generalise_cases.yaml").read_text(encoding="utf-8"))
CASES = [(g["name"], g["whole_document"], c) for g in DATA["groups"] for c in g["cases"]]


def check(rid: str, expected: str, text: str, params: dict[str, Any], **kw: Any) -> None:
    """The finding has the expected status and parameters, and every evidence quote is verbatim."""
    finding, (doc,) = review(rid, text, **kw)
    assert finding.status == STATUS[expected], finding.reason
    for name, value in params.items():
        assert finding.params.get(name) == value, (name, finding.params, finding.reason)
    for e in finding.evidence:
        assert doc.text[e.start : e.end] == e.quote


def test_every_category_has_cases() -> None:
    names = {g["name"] for g in DATA["groups"]}
    assert {"we_you", "weeks", "passive", "convenience", "credits", "exit", "retention", "ownership"} <= names
    assert len(CASES) > 150 and len(DATA["negated_audit"]) > 10 and DATA["need_to_know"]


@pytest.mark.parametrize(
    ("group", "whole", "case"),
    CASES,
    ids=[f"{g}-{c['requirement']}-{i}" for i, (g, _, c) in enumerate(CASES)],
)
def test_drafting_variant(group: str, whole: bool, case: dict[str, Any]) -> None:
    check(case["requirement"], case["status"], case["text"], case.get("params", {}), whole=whole)


@pytest.mark.parametrize("text", DATA["negated_audit"])
def test_negated_audit_right_is_missing(text: str) -> None:
    check("audit_rights", "M", text, {})


@pytest.mark.parametrize("text", DATA["need_to_know"])
def test_confidentiality_need_to_know_is_not_access_control(text: str) -> None:
    check("access_logging", "M", text, {})


def test_need_to_know_does_not_hide_real_access_control_elsewhere() -> None:
    text = (
        "1. Confidentiality\n1.1 The Recipient may disclose Confidential Information to its employees who need "
        "to know it.\n2. Security\n2.1 Vendor shall restrict access to Customer Data to personnel on a least "
        "privilege basis and shall log all access to Customer Data.\n"
    )
    finding, (doc,) = review("access_logging", text, whole=True)
    assert finding.status == Status.present, finding.reason
    assert all("Security" in doc.text[: e.start] for e in finding.evidence)


def test_credit_table_in_html() -> None:
    html = (
        "<h2>Service Levels</h2><p>The Provider shall make the Platform available 99.9% of each calendar month "
        "(the Availability Target).</p><p>If Availability falls below the Availability Target, the Customer "
        "will receive the following credit against the Monthly Fee:</p><table>"
        "<tr><th>Monthly Availability</th><th>Credit (% of Monthly Fee)</th></tr>"
        "<tr><td>99.0% to 99.9%</td><td>10%</td></tr><tr><td>95.0% to 98.99%</td><td>25%</td></tr>"
        "<tr><td>Below 95.0%</td><td>50%</td></tr></table>"
    )
    check("service_credits", "P", html, {"availability_percent": 99.9}, filename="sla.html")


def test_breach_notice_in_a_data_protection_clause() -> None:
    """'Notified of any breach' is an incident notice under a security heading, not under payment terms."""
    text = (
        "7. Data Protection and Security\n7.1 Licensor shall protect Licensee Data using encryption at rest. "
        "Licensee shall be notified of any breach within forty-eight (48) hours.\n"
    )
    check("incident_notification", "P", text, {"hours": 48}, whole=True)
    payment = "7. Payment\n7.1 Customer shall be notified of any breach of its payment obligations within 48 hours.\n"
    check("incident_notification", "M", payment, {}, whole=True)


def test_fortnight_is_two_weeks() -> None:
    text = (
        "Following termination, Supplier shall make Customer Data available for download for two fortnights."
    )
    check("exit_assistance", "W", text, {"period_days": 28})


PLAIN = {
    "plain_english_terms.md": {
        "audit_rights": ("P", {"notice_days": 30, "frequency_months": 12}),
        "exit_assistance": ("P", {"period_days": 90}),
        "subprocessor_disclosure": ("P", {"notice_days": 30}),
        "change_notification": ("P", {"notice_days": 30}),
        "service_credits": ("P", {"availability_percent": 99.9, "cap_percent": 50}),
        "data_ownership": ("P", {}),
        "incident_notification": ("P", {"hours": 48}),
        "data_retention": ("P", {"deletion_days": 30}),
        "access_logging": ("P", {}),
        "termination_convenience": ("P", {"notice_days": 30}),
        "renewal_notice": ("P", {"notice_days": 30, "auto_renewal": True}),
    },
    "plain_english_terms_weak.md": {
        "audit_rights": ("W", {}),
        "exit_assistance": ("M", {}),
        "change_notification": ("W", {}),
        "service_credits": ("W", {"availability_percent": 99.5}),
        "data_ownership": ("W", {}),
        "incident_notification": ("W", {}),
        "data_retention": ("W", {}),
        "access_logging": ("W", {}),
        "termination_convenience": ("W", {}),
        "renewal_notice": ("W", {"auto_renewal": True}),
    },
}


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_plain_english_terms_of_service(name: str) -> None:
    """A whole 'we/you' terms of service: every requirement read with the vendor as 'we' and the customer
    as 'you'."""
    doc = parse_bytes((FIXTURES / name).read_bytes(), name)
    ctx = ReviewContext(documents=[doc])
    for rid, (expected, params) in PLAIN[name].items():
        finding = get_extractor(rid)(PB.requirement(rid), ctx)
        assert finding.status == STATUS[expected], (rid, finding.reason)
        for key, value in params.items():
            assert finding.params.get(key) == value, (rid, key, finding.params)


def test_boilerplate_without_controls_is_all_missing() -> None:
    """Precision: credit cards, mutual need-to-know, breach of contract, the customer's own duties, the
    vendor auditing the customer and 'its own data' must not read as controls."""
    name = "boilerplate_without_controls.txt"
    doc = parse_bytes((FIXTURES / name).read_bytes(), name)
    ctx = ReviewContext(documents=[doc])
    for req in PB.requirements:
        finding = get_extractor(req.extractor_name)(req, ctx)
        assert finding.status == Status.missing, (req.id, finding.reason)
