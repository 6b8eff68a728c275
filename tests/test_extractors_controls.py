"""Each default requirement against short realistic clauses: present, weak, missing, negated and
wrong-direction cases, with parameter checks. Documents are parsed by the real ingest."""

from __future__ import annotations

import pytest

from assistant.ingest import parse_bytes
from assistant.models import Document, Finding, Status
from assistant.playbook import load_playbook
from extractors.base import ReviewContext, get_extractor

PLAYBOOK = load_playbook("default")
P, W, M, U = Status.present, Status.weak, Status.missing, Status.unclear


def doc(text: str, filename: str = "msa.txt") -> Document:
    """Parse `text` as a contract file with the real ingest."""
    return parse_bytes(text.encode(), filename)


def run(rid: str, *docs: Document) -> Finding:
    """Run the requirement's registered extractor on a family."""
    req = PLAYBOOK.requirement(rid)
    return get_extractor(req.extractor_name)(req, ReviewContext(documents=list(docs)))


CASES: list[tuple[str, str, str, Status, dict[str, object]]] = [
    # --- audit rights
    (
        "audit_rights",
        "present",
        "12. Audit Rights\n12.1 Customer or its auditors may audit Supplier's records, facilities "
        "and security controls relating to the Services on thirty (30) days' written notice, no more than once in any "
        "twelve (12) month period.",
        P,
        {"notice_days": 30, "frequency_months": 12},
    ),
    (
        "audit_rights",
        "weak_reports",
        "14. Assurance\n14.1 Upon written request, Vendor shall provide Customer with a copy "
        "of its most recent SOC 2 Type II report.",
        W,
        {},
    ),
    (
        "audit_rights",
        "weak_illusory",
        "9. Records\n9.1 Customer may audit Vendor's records once every three (3) years, "
        "subject to Vendor's prior written consent.",
        W,
        {"frequency_months": 36},
    ),
    (
        "audit_rights",
        "missing",
        "14. Compliance\n14.1 Vendor maintains a SOC 2 Type II certification.\n\n"
        "15. Fees\n15.1 Fees are payable within thirty (30) days of invoice.",
        M,
        {},
    ),
    (
        "audit_rights",
        "negated",
        "14. Audit\n14.1 Customer shall have no right to audit Vendor's records, systems or facilities.",
        M,
        {},
    ),
    (
        "audit_rights",
        "wrong_direction",
        "8. Licence Compliance\n8.1 Licensor may audit Licensee's use of the Software "
        "on ten (10) days' notice to verify compliance with this Agreement.",
        M,
        {},
    ),
    (
        "audit_rights",
        "unexpected_heading",
        "25. Miscellaneous\n25.4 The Customer may inspect the Supplier's premises and "
        "records relating to the Services on ten (10) working days' notice.",
        P,
        {"notice_days": 10},
    ),
    (
        "audit_rights",
        "boilerplate_xref",
        "3. Records\n3.1 Subject to Section 12 (Audit), Vendor shall keep accurate records of the Services.",
        M,
        {},
    ),
    # --- exit assistance
    (
        "exit_assistance",
        "present",
        "18. Exit\n18.1 Upon termination or expiry, Supplier shall provide transition "
        "assistance for a period of up to ninety (90) days and return all Customer Data in a machine-readable format.",
        P,
        {"period_days": 90},
    ),
    (
        "exit_assistance",
        "weak_on_request",
        "11. Termination\n11.3 Upon request following termination, Vendor will return Customer Data.",
        W,
        {},
    ),
    (
        "exit_assistance",
        "weak_short",
        "11. Termination\n11.3 For fourteen (14) days after termination Customer may "
        "export Customer Data in CSV format.",
        W,
        {"period_days": 14},
    ),
    (
        "exit_assistance",
        "missing",
        "11. Effect of Termination\n11.1 Upon termination all licences end and Customer "
        "shall cease using the Services.",
        M,
        {},
    ),
    (
        "exit_assistance",
        "negated",
        "11. Effect of Termination\n11.2 Vendor is not obliged to provide transition services "
        "or to return any Customer Data after termination.",
        M,
        {},
    ),
    # --- subprocessor disclosure
    (
        "subprocessor_disclosure",
        "present",
        "7. Sub-processors\n7.1 The current list of Sub-processors is set out in "
        "Annex 3. The Processor shall give the Controller at least thirty (30) days' prior notice of any new "
        "Sub-processor, and the Controller may object to the new Sub-processor.",
        P,
        {"notice_days": 30},
    ),
    (
        "subprocessor_disclosure",
        "weak_list_only",
        "7. Subprocessors\n7.1 Vendor's current subprocessors are listed at "
        "https://vendor.example/subprocessors.",
        W,
        {},
    ),
    (
        "subprocessor_disclosure",
        "weak_short_notice",
        "7. Sub-processors\n7.1 Sub-processors are listed in Annex 3. The "
        "Processor shall notify the Controller of any new Sub-processor at least five (5) days in advance, and the "
        "Controller may object.",
        W,
        {"notice_days": 5},
    ),
    (
        "subprocessor_disclosure",
        "missing",
        "4. Fees\n4.1 Customer shall pay all fees within thirty (30) days.",
        M,
        {},
    ),
    (
        "subprocessor_disclosure",
        "negated",
        "7. Subcontracting\n7.1 Vendor shall have no obligation to notify Customer of any new subprocessor.",
        M,
        {},
    ),
    (
        "subprocessor_disclosure",
        "wrong_direction",
        "7. Subcontracting\n7.1 Customer shall notify Vendor in advance "
        "before Customer engages any subcontractor to access the Services.",
        M,
        {},
    ),
    # --- change notification
    (
        "change_notification",
        "present",
        "5. Changes\n5.1 Vendor shall provide Customer with at least sixty (60) days' "
        "prior written notice of any material change to the Services or these terms.",
        P,
        {"notice_days": 60},
    ),
    (
        "change_notification",
        "weak_at_will",
        "5. Modifications\n5.1 Vendor may modify these Terms at any time by posting "
        "the revised Terms on its website; continued use of the Services constitutes acceptance.",
        W,
        {},
    ),
    (
        "change_notification",
        "weak_short",
        "5. Fees\n5.1 Vendor will notify Customer of changes to the fees at least "
        "fifteen (15) days in advance.",
        W,
        {"notice_days": 15},
    ),
    (
        "change_notification",
        "missing",
        "20. Amendment\n20.1 This Agreement may be amended only by a written instrument "
        "signed by both parties.",
        M,
        {},
    ),
    (
        "change_notification",
        "negated",
        "5. Changes\n5.1 Vendor is not required to give notice of changes to the Services.",
        M,
        {},
    ),
    (
        "change_notification",
        "wrong_direction",
        "5. Changes\n5.1 Customer shall give Vendor thirty (30) days' prior "
        "written notice of any change to the Services it orders.",
        M,
        {},
    ),
    # --- service credits
    (
        "service_credits",
        "present",
        "1. Availability\n1.1 Provider shall make the Services available 99.9% of the time "
        "each month. If Provider fails to meet this target, Customer will receive service credits of up to 25% of the "
        "monthly fees.",
        P,
        {"availability_percent": 99.9, "cap_percent": 25},
    ),
    (
        "service_credits",
        "weak_no_remedy",
        "1. Availability\n1.1 Vendor will use commercially reasonable efforts to make "
        "the Services available 99.5% of the time.",
        W,
        {},
    ),
    (
        "service_credits",
        "weak_cap",
        "1. Service Levels\n1.1 If availability falls below 99.9% in a month, Customer is "
        "entitled to a service credit, provided that total service credits shall not exceed two percent (2%) of the "
        "monthly fee.",
        W,
        {"cap_percent": 2},
    ),
    (
        "service_credits",
        "missing",
        "1. Support\n1.1 Vendor provides support by email during business hours.",
        M,
        {},
    ),
    (
        "service_credits",
        "negated",
        "1. Availability\n1.1 Vendor does not guarantee any level of availability and no "
        "service credits are provided.",
        M,
        {},
    ),
    # --- data ownership
    (
        "data_ownership",
        "present",
        "6. Data\n6.1 As between the parties, Customer owns all Customer Data. Vendor shall "
        "use Customer Data solely to provide the Services.",
        P,
        {},
    ),
    (
        "data_ownership",
        "present_aggregates",
        "6. Data\n6.1 Customer owns all Customer Data. Vendor may use aggregated "
        "and de-identified usage data to improve the Services.",
        P,
        {},
    ),
    (
        "data_ownership",
        "weak_training",
        "6. Data\n6.1 Customer owns all Customer Data. Vendor may use Customer Data to "
        "train and improve its machine learning models.",
        W,
        {},
    ),
    (
        "data_ownership",
        "missing",
        "9. Intellectual Property\n9.1 Vendor owns all right, title and interest in the "
        "Services and the Software.",
        M,
        {},
    ),
    ("data_ownership", "negated", "6. Data\n6.1 Customer shall have no ownership of Customer Data.", M, {}),
    ("data_ownership", "wrong_direction", "6. Data\n6.1 All Customer Data shall be owned by Vendor.", M, {}),
    # --- security obligations
    (
        "security_obligations",
        "present",
        "3. Security\n3.1 Provider shall maintain an information security program "
        "certified to ISO 27001 and shall encrypt Customer Data at rest using AES-256.",
        P,
        {},
    ),
    (
        "security_obligations",
        "weak",
        "3. Security\n3.1 Vendor shall implement commercially reasonable security measures "
        "to protect Customer Data.",
        W,
        {},
    ),
    (
        "security_obligations",
        "missing",
        "4. Fees\n4.1 Customer shall pay all fees within thirty (30) days.",
        M,
        {},
    ),
    (
        "security_obligations",
        "negated",
        "3. Security\n3.1 Vendor does not maintain any ISO 27001 or SOC 2 certification.",
        M,
        {},
    ),
    (
        "security_obligations",
        "wrong_direction",
        "3. Customer Responsibilities\n3.1 Customer shall encrypt its own files before upload.",
        M,
        {},
    ),
    (
        "security_obligations",
        "unclear_exhibit",
        "3. Security\n3.1 Vendor shall implement the security measures set out in the Security Exhibit.",
        U,
        {},
    ),
    # --- incident notification
    (
        "incident_notification",
        "present",
        "9. Personal Data Breach\n9.2 The Processor shall notify the Controller of any "
        "Personal Data Breach without undue delay and in any event within forty-eight (48) hours.",
        P,
        {"hours": 48},
    ),
    (
        "incident_notification",
        "present_business_days",
        "9. Incidents\n9.1 Vendor shall notify Customer of any "
        "Security Incident within two (2) business days.",
        P,
        {"hours": 48},
    ),
    (
        "incident_notification",
        "weak_vague",
        "9. Incidents\n9.1 Supplier shall notify the Customer of any Security Incident without undue delay.",
        W,
        {},
    ),
    (
        "incident_notification",
        "weak_late",
        "9. Incidents\n9.1 Vendor shall notify Customer of a security breach within five (5) business days.",
        W,
        {"hours": 120},
    ),
    (
        "incident_notification",
        "missing",
        "4. Fees\n4.1 Customer shall pay all fees within thirty (30) days.",
        M,
        {},
    ),
    (
        "incident_notification",
        "negated",
        "9. Incidents\n9.1 Vendor shall have no obligation to notify Customer of any security incident.",
        M,
        {},
    ),
    (
        "incident_notification",
        "wrong_direction",
        "9. Incidents\n9.1 Customer shall notify Vendor of any security incident within 24 hours.",
        M,
        {},
    ),
    (
        "incident_notification",
        "definition_only",
        '1. Definitions\n1.1 "Security Incident" means any unauthorised access to Customer Data.',
        M,
        {},
    ),
    # --- data retention
    (
        "data_retention",
        "present",
        "10. Deletion\n10.1 Within thirty (30) days after termination, Provider shall delete "
        "all Customer Data.",
        P,
        {"deletion_days": 30},
    ),
    (
        "data_retention",
        "weak_no_deadline",
        "10. Deletion\n10.1 Upon termination Vendor will delete Customer Data.",
        W,
        {},
    ),
    (
        "data_retention",
        "weak_vendor_needs",
        "10. Retention\n10.1 Vendor may retain Customer Data after termination for "
        "as long as Vendor requires for its business purposes.",
        W,
        {},
    ),
    ("data_retention", "missing", "4. Fees\n4.1 Customer shall pay all fees within thirty (30) days.", M, {}),
    (
        "data_retention",
        "negated",
        "10. Data\n10.1 Vendor has no obligation to delete or return Customer Data after termination.",
        M,
        {},
    ),
    (
        "data_retention",
        "wrong_direction",
        "10. Confidentiality\n10.1 Customer shall destroy all Vendor Confidential "
        "Information within thirty (30) days after termination.",
        M,
        {},
    ),
    # --- access & logging
    (
        "access_logging",
        "present",
        "3. Security\n3.2 Provider shall restrict access to Customer Data to personnel with a "
        "need to know and shall maintain logs of all access to Customer Data.",
        P,
        {},
    ),
    (
        "access_logging",
        "weak",
        "3. Personnel\n3.2 Supplier shall ensure that access to Customer Data is limited to "
        "authorised personnel on a least privilege basis.",
        W,
        {},
    ),
    ("access_logging", "missing", "4. Fees\n4.1 Customer shall pay all fees within thirty (30) days.", M, {}),
    (
        "access_logging",
        "negated",
        "3. Security\n3.2 Vendor does not log or monitor access to Customer Data.",
        M,
        {},
    ),
    (
        "access_logging",
        "wrong_direction",
        "3. Customer Obligations\n3.2 Customer is responsible for restricting access to its accounts.",
        M,
        {},
    ),
    # --- termination for convenience
    (
        "termination_convenience",
        "present",
        "15. Termination\n15.1 Customer may terminate this Agreement for convenience "
        "upon thirty (30) days' written notice.",
        P,
        {"notice_days": 30},
    ),
    (
        "termination_convenience",
        "present_modular",
        "15. Termination\n15.2 Customer may terminate any individual Service "
        "or Order Form for convenience on sixty (60) days' written notice.",
        P,
        {"notice_days": 60},
    ),
    (
        "termination_convenience",
        "weak_fee",
        "15. Termination\n15.1 Customer may terminate this Agreement for convenience "
        "on thirty (30) days' notice, provided that Customer pays all fees remaining for the rest of the Subscription "
        "Term.",
        W,
        {},
    ),
    (
        "termination_convenience",
        "weak_lockin",
        "15. Termination\n15.1 After the first thirty-six (36) months of the "
        "Term, Customer may terminate for convenience on ninety (90) days' notice.",
        W,
        {"lockin_months": 36},
    ),
    (
        "termination_convenience",
        "missing",
        "15. Termination\n15.1 Either party may terminate this Agreement for material "
        "breach not cured within thirty (30) days.",
        M,
        {},
    ),
    (
        "termination_convenience",
        "negated_and_wrong_way",
        "15. Termination\n15.1 Customer may not terminate this "
        "Agreement for convenience; Vendor may terminate this Agreement for convenience on thirty (30) days' notice.",
        M,
        {},
    ),
    # --- renewal notice
    (
        "renewal_notice",
        "present_auto",
        "2. Term\n2.1 The Initial Term is thirty-six (36) months. Thereafter this "
        "Agreement shall automatically renew for successive twelve (12) month periods unless either party gives written "
        "notice of non-renewal at least sixty (60) days before the end of the then-current term.",
        P,
        {"term_months": 36, "notice_days": 60},
    ),
    (
        "renewal_notice",
        "present_fixed",
        "2. Term\n2.1 This Agreement commences on the Effective Date and shall expire at "
        "the end of an Initial Term of twenty-four (24) months. It shall not renew automatically.",
        P,
        {"term_months": 24},
    ),
    (
        "renewal_notice",
        "weak_long_window",
        "2. Term\n2.1 The Subscription Term is one year and shall automatically "
        "renew for successive one-year terms unless Customer gives notice of non-renewal at least one hundred and "
        "twenty (120) days before the end of the then-current term.",
        W,
        {"notice_days": 120, "term_months": 12},
    ),
    (
        "renewal_notice",
        "weak_price",
        "2. Term\n2.1 The Subscription Term is twelve (12) months and renews "
        "automatically for further twelve-month terms unless either party gives thirty (30) days' notice before the end "
        "of the term. Fees for each renewal term will be at Vendor's then-current list prices.",
        W,
        {"notice_days": 30},
    ),
    ("renewal_notice", "missing", "4. Fees\n4.1 Customer shall pay all fees within thirty (30) days.", M, {}),
]


@pytest.mark.parametrize(
    ("rid", "case", "text", "status", "params"), CASES, ids=[f"{c[0]}-{c[1]}" for c in CASES]
)
def test_requirement_case(rid: str, case: str, text: str, status: Status, params: dict[str, object]) -> None:
    finding = run(rid, doc(text))
    assert finding.status == status, f"{rid}/{case}: {finding.status} - {finding.reason}"
    for name, value in params.items():
        assert finding.params.get(name) == value, f"{rid}/{case}: {name}={finding.params.get(name)}"
    assert finding.reason
    assert finding.source == "rules"
    if status in (P, W, U):
        assert finding.evidence, f"{rid}/{case}: no evidence"
    d = doc(text)
    for e in finding.evidence:
        assert d.text[e.start : e.end] == e.quote
        assert len(e.quote) < 600, "evidence quotes a sentence or two, not a whole clause"


def test_every_default_requirement_has_cases() -> None:
    covered = {c[0] for c in CASES}
    assert covered == {r.id for r in PLAYBOOK.requirements}
    for rid in covered:
        kinds = {c[1].split("_")[0] for c in CASES if c[0] == rid}
        assert {"present", "weak", "missing"} <= kinds, rid


def test_uk_drafting_and_defined_alias() -> None:
    text = (
        'SERVICES AGREEMENT\n\nThis Agreement is made between Northwind Systems Limited ("Northwind") and '
        'Contoso plc (the "Customer").\n\n'
        "14. General\n14.3 Northwind shall inform the Customer of any Personal Data Breach within three (3) "
        "working days of becoming aware of it.\n14.4 The Customer shall notify Northwind of any complaint "
        "within 24 hours.\n14.5 The Customer shall notify Northwind of any security incident affecting its "
        "accounts within 24 hours."
    )
    finding = run("incident_notification", doc(text))
    assert finding.status == P, finding.reason
    assert finding.params["hours"] == 72  # the customer's own 24-hour duty runs the wrong way
    assert "Northwind shall inform" in finding.evidence[0].quote
