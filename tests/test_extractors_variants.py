"""Drafting variants of the default requirements: passive voice, grants, regulators, UK terms,
"we/you" terms of service, defined aliases. Each line is one short clause with its expected status."""

from __future__ import annotations

import pytest

from assistant.ingest import parse_bytes
from assistant.models import Status
from assistant.playbook import load_playbook
from extractors.base import ReviewContext, get_extractor

PB = load_playbook("default")
STATUS = {"P": Status.present, "W": Status.weak, "M": Status.missing, "U": Status.unclear}

VARIANTS = [
    (
        "audit_rights",
        "P",
        "Upon reasonable notice, Vendor shall permit Customer and its regulators to inspect Vendor's facilities and records.",
    ),
    ("audit_rights", "P", "Vendor shall cooperate with any audit conducted by a regulator of Customer."),
    ("audit_rights", "M", "Customer shall not be entitled to audit Vendor."),
    ("audit_rights", "W", "Customer's audit rights are limited to reviewing Vendor's SOC 2 Type II report."),
    (
        "audit_rights",
        "P",
        "The Supplier shall allow the Customer, on not less than 10 Working Days' notice, to carry out audits of the Supplier's compliance with this Agreement.",
    ),
    ("audit_rights", "M", "Vendor's independent auditors audit Vendor's controls annually."),
    ("audit_rights", "W", "Vendor may, in its sole discretion, permit Customer to audit Vendor's records."),
    (
        "incident_notification",
        "P",
        "Provider shall report Security Incidents to Customer within one (1) day.",
    ),
    (
        "incident_notification",
        "P",
        "Vendor will promptly (and in any event within 48 hours) notify Customer of any Security Breach.",
    ),
    ("incident_notification", "P", "We will notify you of a data breach within 72 hours."),
    (
        "incident_notification",
        "W",
        "In the event of a Security Incident, Supplier will inform the Customer as soon as reasonably practicable.",
    ),
    (
        "incident_notification",
        "W",
        "Vendor shall notify Customer of any Security Incident within ten (10) days.",
    ),
    (
        "incident_notification",
        "P",
        "Customer will be notified by Vendor of any unauthorised access to Customer Data within twenty-four (24) hours.",
    ),
    (
        "incident_notification",
        "M",
        "Each party shall comply with its obligations under applicable data breach notification laws.",
    ),
    (
        "termination_convenience",
        "P",
        "Client may terminate this Agreement without cause by giving 30 days' notice.",
    ),
    (
        "termination_convenience",
        "P",
        "Either party may terminate this Agreement for convenience upon ninety (90) days' prior written notice.",
    ),
    (
        "termination_convenience",
        "M",
        "Vendor may terminate this Agreement for convenience upon ninety (90) days' notice.",
    ),
    ("termination_convenience", "M", "Subscriptions are non-cancellable during the Subscription Term."),
    (
        "termination_convenience",
        "P",
        "This Agreement may be terminated by Customer for any reason upon thirty (30) days' written notice to Vendor.",
    ),
    (
        "renewal_notice",
        "P",
        "This Agreement will renew automatically for one-year periods unless Customer cancels at least 30 days before renewal. The Initial Term is one year.",
    ),
    (
        "renewal_notice",
        "W",
        "Each Order Form renews automatically for successive terms equal to the initial term.",
    ),
    (
        "renewal_notice",
        "P",
        "The term of this Agreement is two (2) years from the Effective Date, after which it expires unless the parties agree in writing to extend it.",
    ),
    (
        "data_retention",
        "P",
        "Vendor will retain Customer Data for thirty (30) days following termination, after which it will be permanently deleted.",
    ),
    (
        "data_retention",
        "W",
        "Provider may retain Customer Data indefinitely for its internal business purposes.",
    ),
    ("data_ownership", "P", "Customer Data is and shall remain the property of Customer."),
    (
        "data_ownership",
        "W",
        "Customer owns its data. Customer grants Vendor a perpetual, irrevocable licence to use Customer Data for any purpose.",
    ),
    (
        "data_ownership",
        "P",
        "The Supplier acknowledges that all Customer Data is the exclusive property of the Customer.",
    ),
    ("security_obligations", "P", "Vendor shall comply with ISO/IEC 27001:2013 in providing the Services."),
    (
        "security_obligations",
        "P",
        "Supplier shall maintain a comprehensive written information security programme.",
    ),
    ("subprocessor_disclosure", "M", "Vendor may engage Subprocessors without Customer's consent."),
    (
        "subprocessor_disclosure",
        "P",
        "Processor shall not engage another processor without prior specific or general written authorisation of the Controller. In the case of general written authorisation, the processor shall inform the controller of any intended changes concerning the addition or replacement of other processors, thereby giving the controller the opportunity to object to such changes. The current sub-processors are listed in Annex 3.",
    ),
    (
        "change_notification",
        "W",
        "Vendor reserves the right to modify the Services, the Documentation and these Terms at its sole discretion.",
    ),
    (
        "change_notification",
        "P",
        "Supplier shall not make any change to the Services that materially reduces security without giving the Customer ninety (90) days' prior written notice.",
    ),
    (
        "exit_assistance",
        "P",
        "Upon expiry or termination, Vendor shall, for a period of thirty (30) days, continue to provide access to the Services solely so that Customer may retrieve Customer Data.",
    ),
    (
        "exit_assistance",
        "M",
        "Vendor shall have no obligation to maintain or provide any Customer Data after termination.",
    ),
    (
        "service_credits",
        "P",
        "Vendor shall respond to Severity 1 incidents within one (1) hour. If Vendor fails to meet the response times, Customer shall receive a credit of 5% of the monthly fees for each failure, up to 30%.",
    ),
    (
        "access_logging",
        "P",
        "Access to Customer Data is restricted to Vendor personnel on a need-to-know basis. Vendor monitors and logs all access to production systems.",
    ),
    ("access_logging", "W", "Vendor maintains audit trails of all administrative activity."),
    (
        "exit_assistance",
        "P",
        "Within thirty (30) days after termination, Provider shall provide Customer with a complete copy of all Customer Data in a mutually agreed, machine-readable format.",
    ),
    (
        "exit_assistance",
        "P",
        "Following expiry, the Supplier shall continue to provide the Services for a run-off period of up to three (3) months at the then-current rates to allow an orderly migration to a replacement supplier.",
    ),
    (
        "audit_rights",
        "P",
        "Upon at least fifteen (15) business days' prior written notice, Client may, at its own expense, audit Provider's records relating to the Services.",
    ),
    (
        "audit_rights",
        "P",
        "The Processor shall allow for and contribute to audits, including inspections, conducted by the Controller or another auditor mandated by the Controller.",
    ),
    (
        "incident_notification",
        "P",
        "Vendor shall notify Customer in writing of any Security Breach no later than two (2) days after discovery.",
    ),
    (
        "incident_notification",
        "W",
        "Vendor will notify Customer of any Security Incident in accordance with applicable law.",
    ),
    (
        "incident_notification",
        "M",
        "Customer shall report any suspected security incident involving its user credentials to Vendor immediately.",
    ),
    (
        "data_retention",
        "P",
        "Upon termination, Vendor shall securely destroy all Customer Data within sixty (60) days and provide a certificate of destruction upon request.",
    ),
    (
        "data_retention",
        "W",
        "Vendor will delete Customer Data in accordance with its standard data retention policy.",
    ),
    (
        "renewal_notice",
        "P",
        "This Agreement shall remain in effect for an initial term of one (1) year and shall thereafter renew for successive one (1) year terms unless either party provides notice of non-renewal no less than sixty (60) days prior to the expiration of the then-current term.",
    ),
    (
        "renewal_notice",
        "W",
        "The Subscription Term shall automatically renew for successive twelve (12) month periods unless Customer notifies Vendor of its intent not to renew at least one hundred eighty (180) days before the end of the then-current term.",
    ),
    (
        "termination_convenience",
        "P",
        "Customer may terminate this Agreement at any time, for any reason or no reason, upon thirty (30) days' written notice to Provider.",
    ),
    (
        "termination_convenience",
        "W",
        "Customer may terminate for convenience on sixty (60) days' notice, in which case all unpaid fees for the remainder of the Term shall become immediately due and payable.",
    ),
    (
        "change_notification",
        "W",
        "Provider may modify the terms of this Agreement upon ten (10) days' notice to Customer.",
    ),
    (
        "change_notification",
        "P",
        "Vendor will provide Customer at least ninety (90) days' advance written notice before making any change to the Service that materially reduces its functionality.",
    ),
    (
        "subprocessor_disclosure",
        "W",
        "Vendor may use third-party subprocessors to provide the Services. A list of current subprocessors is available upon request.",
    ),
    (
        "subprocessor_disclosure",
        "P",
        "Supplier shall not subcontract any processing of Personal Data without the prior written consent of the Customer. Approved subcontractors are listed in Schedule 4.",
    ),
    ("security_obligations", "P", "Vendor shall maintain SOC 2 Type II certification throughout the Term."),
    (
        "security_obligations",
        "W",
        "Vendor shall use reasonable administrative, technical and physical safeguards to protect Customer Data.",
    ),
    (
        "service_credits",
        "P",
        "Vendor guarantees 99.95% uptime. For each hour of Downtime in excess of the commitment, Customer shall be credited 5% of the monthly fee.",
    ),
    (
        "data_ownership",
        "P",
        "As between the parties, all right, title and interest in and to Customer Data shall remain with Customer.",
    ),
    (
        "data_ownership",
        "W",
        "Customer retains ownership of Customer Data. Vendor may use Customer Data to develop new products and services.",
    ),
    (
        "access_logging",
        "P",
        "Supplier shall implement role-based access controls and shall record and monitor all access to Customer Data.",
    ),
    (
        "access_logging",
        "W",
        "Vendor shall conduct background checks on all personnel with access to Customer Data.",
    ),
    (
        "renewal_notice",
        "P",
        "This Agreement shall commence on the Effective Date and continue for an initial period of twelve (12) months and shall continue thereafter until terminated by either party giving not less than ninety (90) days' written notice.",
    ),
    (
        "incident_notification",
        "P",
        "The Processor shall notify the Controller without undue delay (and in any event within twenty-four (24) hours) after becoming aware of a Personal Data Breach.",
    ),
    (
        "incident_notification",
        "P",
        "Vendor shall, within 48 hours after becoming aware of any Security Incident, notify Customer in writing.",
    ),
    (
        "audit_rights",
        "P",
        "Provider will provide reasonable assistance with audits required by Customer's regulators.",
    ),
    (
        "audit_rights",
        "M",
        "Nothing in this Agreement shall be construed as granting Customer any right to audit Provider.",
    ),
    (
        "service_credits",
        "M",
        "Except as expressly set out in this Agreement, Vendor does not provide any service level commitments.",
    ),
    (
        "termination_convenience",
        "P",
        "The Client may terminate this Contract, or any part of it, at any time by giving the Supplier not less than one (1) month's written notice.",
    ),
    (
        "exit_assistance",
        "M",
        "Following termination, Vendor may delete all Customer Data without further notice.",
    ),
    (
        "data_retention",
        "P",
        "Following termination, Vendor shall delete all Customer Data within ninety (90) days, save where retention is required by law.",
    ),
    (
        "subprocessor_disclosure",
        "P",
        "Vendor shall give Customer thirty (30) days' prior written notice before engaging any new subprocessor, and Customer may reasonably object. Vendor's current subprocessors are listed at www.vendor.example/subprocessors.",
    ),
    (
        "change_notification",
        "W",
        "We may revise these Terms from time to time and the most current version will always be on our website.",
    ),
    (
        "access_logging",
        "P",
        "Access to Customer Data shall be limited to authorised personnel on a least privilege basis, and all such access shall be logged.",
    ),
]


@pytest.mark.parametrize(
    ("rid", "expected", "text"), VARIANTS, ids=[f"{v[0]}-{i}" for i, v in enumerate(VARIANTS)]
)
def test_variant(rid: str, expected: str, text: str) -> None:
    doc = parse_bytes(f"1. General\n1.1 {text}\n".encode(), "c.txt")
    req = PB.requirement(rid)
    finding = get_extractor(rid)(req, ReviewContext(documents=[doc]))
    assert finding.status == STATUS[expected], finding.reason
    for e in finding.evidence:
        assert doc.text[e.start : e.end] == e.quote
