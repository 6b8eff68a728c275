"""Eighth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: the family's own defined names for an incident ('"Notifiable Event" means ... any Security
Incident') and "privacy breach"; a list item of several sentences keeps its lead-in's subject; parties defined
without brackets ('hereinafter "NORDVIK"') or by a bare short name closing their description ('(Supplier)');
the clause that grants an audit leads, and its frequency is read beside any granting clause; a product's "audit
events" are no audit; a long list of reports "made available" is a report offer; a copy of the latest SOC 2
Type II report is a report, not a duty to maintain the standard; "for the duration of the Agreement" is a time
frame, not the term; an audit trail of deletion actions is no deletion; a change note signed by both parties is
change control; models built from the data to serve the vendor's other customers are own-purpose use.
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import family_roles
from tests.support.extractors import M, P, W, check

# --- incident notification ------------------------------------------------------------------------


def test_a_defined_incident_name_is_an_incident() -> None:
    text = (
        '1. Definitions\n1.1 "Reportable Event" means any outage of a critical system and any Security '
        "Incident affecting Client Data.\n2. Reporting\n2.1 The Supplier shall notify the Client's duty "
        "manager within four (4) hours of detecting a Reportable Event.\n"
    )
    check("incident_notification", P, text, {"hours": 4}, whole=True)


def test_a_defined_name_for_something_else_is_not_an_incident() -> None:
    text = (
        '1. Definitions\n1.1 "Release Event" means the publication of a new version of the Software.\n'
        "2. Releases\n2.1 The Supplier shall notify the Client within four (4) hours of a Release Event.\n"
    )
    check("incident_notification", M, text, whole=True)


def test_a_privacy_breach_notice_is_incident_notification() -> None:
    text = (
        "The Vendor shall notify the Clinic in writing no later than forty-eight (48) hours after it becomes "
        "aware of a privacy breach involving patient records."
    )
    check("incident_notification", P, text, {"hours": 48})


def test_an_item_of_several_sentences_keeps_the_lead_in_subject() -> None:
    text = (
        "4. Obligations of the Client\n4.1 The Client undertakes to:\n(a) pay the fees when due;\n"
        "(b) keep its passwords secret. Its administrator may create further users;\n"
        "(c) notify the Supplier within twenty-four (24) hours of any security incident affecting its own "
        "systems.\n"
    )
    check("incident_notification", M, text, whole=True)


# --- who is who -------------------------------------------------------------------------------------


def test_a_party_defined_with_hereinafter_and_no_brackets() -> None:
    text = (
        'NORDVIK SISTEMAS LTDA., a company with head office in Curitiba, hereinafter "NORDVIK", and the '
        'legal entity identified in the Order Form, hereinafter "CLIENT", agree as follows.\n\n'
        "7. Security\n7.1 The CLIENT shall notify NORDVIK within forty-eight (48) hours of any security "
        "incident involving its own systems.\n"
    )
    doc = parse_bytes(text.encode(), "terms.txt")
    roles = family_roles([doc])
    assert roles.role_of("NORDVIK") == "vendor" and roles.role_of("CLIENT") == "customer"
    check("incident_notification", M, text, whole=True)


def test_parties_named_by_a_bare_short_name_after_their_description() -> None:
    text = (
        "Services Agreement\nWattle Analytics Pty Ltd (ABN 11 222 333 444) of 1 George Street, Sydney NSW 2000 "
        "(Supplier) Kestrel Mutual Ltd (ABN 55 666 777 888) of 2 King Street, Perth WA 6000 (Insurer) "
        "Background\nA. The Insurer is regulated by APRA.\n"
        "9. Incidents\n9.1 The Supplier acknowledges that the Insurer must notify APRA no later than seventy-two "
        "(72) hours after becoming aware of a security incident.\n"
        "9.2 The Supplier must notify the Insurer within one (1) Business Day after becoming aware of a "
        "security incident.\n"
    )
    doc = parse_bytes(text.encode(), "agreement.txt")
    assert family_roles([doc]).role_of("Insurer") == "customer"
    check("incident_notification", P, text, {"hours": 24}, whole=True)


# --- audit rights ---------------------------------------------------------------------------------


def test_the_granting_clause_leads_and_its_frequency_makes_the_audit_weak() -> None:
    text = (
        "1. Audit\n1.1 The Customer shall tell the Supplier promptly of any errors it finds in the examination "
        "of the monthly reports.\n1.2 Where the certificates are insufficient, the Customer may carry out "
        "inspections at the Supplier's premises. On-site inspections shall be announced thirty (30) days in "
        "advance and are limited to one inspection every three calendar years.\n"
    )
    finding = check("audit_rights", W, text, whole=True)
    assert (
        finding.params["frequency_months"] == 36 and "may carry out inspections" in finding.evidence[0].quote
    )


def test_audit_events_of_a_product_are_no_audit_and_reports_offered_are_weak() -> None:
    text = (
        "1. Assurance\n1.1 You may export your audit events at any time from the console.\n1.2 We will make our "
        "current ISO/IEC 27001 certificate and SOC 2 Type II report available to you on request.\n"
    )
    finding = check("audit_rights", W, text, whole=True)
    assert "third-party audit reports" in finding.reason


# --- security obligations ---------------------------------------------------------------------------


def test_a_copy_of_the_latest_type_ii_report_is_no_security_obligation() -> None:
    text = (
        "On the District's request, once a year, the Provider shall provide a summary of its most recent SOC 2 "
        "Type II report. The Provider will use commercially reasonable safeguards to protect District Data."
    )
    check("security_obligations", W, text)


def test_maintaining_a_type_ii_attestation_each_year_is_an_obligation() -> None:
    text = "The Provider shall maintain a SOC 2 Type II attestation, renewed every year, for the Services."
    check("security_obligations", P, text)


# --- renewal notice ---------------------------------------------------------------------------------


def test_a_retention_for_the_duration_of_the_agreement_is_no_term() -> None:
    text = (
        "1. Term\n1.1 This Agreement continues in force until terminated in accordance with clause 9.\n"
        "2. Records\n2.1 The Supplier shall retain the access log for the duration of the Agreement and at "
        "least three (3) years thereafter.\n"
    )
    check("renewal_notice", M, text, whole=True)


# --- data retention ---------------------------------------------------------------------------------


def test_an_audit_trail_of_deletion_actions_is_no_deletion_deadline() -> None:
    text = (
        "1. Data\n1.1 The Provider shall keep an audit trail of all restore, deletion and configuration actions "
        "on the Customer's tenant and make it available for twelve (12) months.\n1.2 After termination the "
        "Provider shall delete Customer Data in accordance with its sanitisation procedures.\n"
    )
    finding = check("data_retention", W, text, whole=True)
    assert finding.params.get("deletion_days") is None


# --- change notification ----------------------------------------------------------------------------


def test_a_change_note_signed_by_both_parties_is_change_control() -> None:
    text = (
        "No change shall take effect, and the Contractor shall not invoice any additional fees, unless the "
        "change is recorded in a change order signed by both Parties."
    )
    check("change_notification", P, text)


def test_a_general_amendment_clause_alone_is_not_change_control() -> None:
    text = "This Agreement may be amended only by a written instrument signed by both parties."
    check("change_notification", M, text)


# --- data ownership ---------------------------------------------------------------------------------


def test_models_built_from_the_data_for_other_customers_are_own_purpose_use() -> None:
    text = (
        "1. Data\n1.1 As between the parties, the Advertiser owns Advertiser Data.\n1.2 The Platform may use "
        "Advertiser Data, in pseudonymised form, to build and improve its lookalike models, which it may use to "
        "provide services to its other customers.\n"
    )
    check("data_ownership", W, text, whole=True)
