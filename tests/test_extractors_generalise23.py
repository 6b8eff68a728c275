"""Twenty-third generalisation pass of the rule extractors: one group of tests per general mechanism fixed after
set 23 was measured blind. The drafting is written for these tests; nothing comes from the held-out set.

Mechanisms: a defined term that names an attachment ('"Exit Plan" means the plan agreed under Call-Off Schedule 5')
carries the attachment's absence to every clause that defers to it; a clause another document 'deletes and
replaces' gives no subprocessor notice; an order form field whose label the segmenter kept apart ('Initial' /
'Period: Twenty-four (24) months') states the term; an order form that resets the terms' 'Export Period' speaks of
the exit, and 'provide the data in CSV formats' returns it (but not 'no obligation to ... deliver ... in any
format'); 'They can assign users to roles' after 'Your administrators ...' is the customer's control; a
definition that names the loading late ('all information that X, its farms or its users load into the
Plataforma') defines the customer's data, as does 'data loaded into the Plataforma'; a cloud provider's
certificates are not the vendor's; inspections at 'the farms and plant of' the customer, and duties the customer
'remains responsible ... for', are not audits of the vendor; 'hereinafter "**the Cooperative**"' defines a party;
'grant each of them an individual username' grants the vendor's own people.
"""

from __future__ import annotations

from tests.support.extractors import M, P, U, W, check

TERMS = (
    "1. Definitions\n- **Exit Plan** means the exit management plan set out in or agreed under Call-Off Schedule 5;\n"
    "- **Security Management Plan** means the plan set out in or agreed under Call-Off Schedule 9;\n\n"
    "9. Security\n9.1 The Supplier shall comply with the Security Management Plan and shall protect Buyer Data in "
    "accordance with Good Industry Practice.\n\n16. Exit\n16.1 On the End Date, and for the period stated in the Exit "
    "Plan, the Supplier shall provide the exit services set out in the Exit Plan.\n"
)
ORDER = (
    "ORDER FORM\n\nPART D - CALL-OFF SCHEDULES\n\nCall-Off Schedule 5 (Exit Management):     To be agreed between the "
    "Parties within three (3) months after the Start Date.\nCall-Off Schedule 9 (Security Management): To be agreed.\n"
)


def test_a_defined_plan_that_lives_in_a_schedule_to_be_agreed_leaves_its_clauses_unclear() -> None:
    family = {"call_off_terms.md": TERMS, "order_form.txt": ORDER}
    check("exit_assistance", U, family)
    check("security_obligations", U, family)


def test_a_clause_deleted_and_replaced_gives_no_notice() -> None:
    terms = (
        "11. Subprocessors\n11.1 The Supplier's Subprocessors at the Start Date are listed in Annex 1.\n11.2 The "
        "Supplier shall notify the Buyer five (5) days before engaging any new Subprocessor.\n\nANNEX 1 - "
        "SUBPROCESSORS\nAmazon Web Services EMEA SARL - hosting (Ireland).\n"
    )
    order = (
        "ORDER FORM\n\nSpecial Term 1 (Subprocessors) Clause 11.2 of the Call-Off Terms is deleted and replaced by: "
        "\"The Supplier shall give the Buyer not less than thirty (30) days' written notice before engaging any new "
        'Subprocessor. The Buyer may object to the new Subprocessor within that period."\n'
    )
    finding = check(
        "subprocessor_disclosure",
        P,
        {"call_off_terms.md": terms, "order_form.txt": order},
        {"notice_days": 30},
    )
    assert "[5]" not in finding.reason and all("five (5)" not in e.quote for e in finding.evidence), (
        finding.reason
    )


def test_a_field_label_kept_apart_still_states_the_term() -> None:
    text = (
        "PART B - KEY DETAILS\n\nB5  Call-Off Initial\n    Period:                 Twenty-four (24) months from the "
        "Start Date.\nB6  Expiry:                 This Call-Off Contract expires at the end of the Call-Off Initial "
        "Period.\n"
    )
    check("renewal_notice", P, text, {"term_months": 24}, whole=True)


def test_an_order_form_that_resets_the_export_period_sets_the_exit_period() -> None:
    terms = (
        '14. Exit\n14.2 For seven (7) days after termination or expiry (the "Export Period"), you may continue to '
        "export your Customer Data in CSV format.\n"
    )
    order = (
        "ORDER FORM\n\nThis Order Form prevails over the Terms.\n\nSC6  Export. The Export Period in clause 14.2 of the "
        "Terms is thirty (30) days, and the Supplier shall provide the Customer Data in CSV and Parquet formats.\n"
    )
    check("exit_assistance", P, {"terms.html": terms, "order_form.txt": order}, {"period_days": 30})


def test_no_obligation_to_deliver_data_in_any_format_is_no_exit() -> None:
    text = (
        "14. Exit\n14.2 The Provider shall have no obligation to provide migration or transition services, or to "
        "convert or deliver Customer Data in any particular format, following termination or expiry.\n"
    )
    check("exit_assistance", M, text, whole=True)


def test_they_after_your_administrators_are_the_customers_people() -> None:
    text = (
        "9. Access\n9.1 Your administrators control who can use the Services. They can assign users to roles, require "
        "single sign-on and multi-factor authentication for your users, and view an activity log.\n"
    )
    check("access_logging", M, text, whole=True)


def test_a_late_loading_definition_and_data_loaded_into_the_platform_are_the_customers() -> None:
    text = (
        'FIRST. DEFINITIONS\nb) "Datos" means all information that THE EXPORTER, its supplier farms or its users load '
        "into or generate in the Plataforma.\n\nSEVENTH. DATA\n7.1. The Datos are and shall remain the property of THE "
        "EXPORTER.\n7.2. THE EXPORTER authorises THE PROVIDER to use the production data loaded into the Plataforma, "
        "in anonymised and aggregated form, to prepare market reports which THE PROVIDER may commercialise to third "
        "parties.\n"
    )
    check("data_ownership", W, text, whole=True)


def test_a_cloud_providers_certificates_are_not_the_vendors() -> None:
    text = (
        "8. Security\n8.1 The Provider shall adopt reasonable technical and organisational measures to protect the "
        "Data.\n8.2 The Platform is hosted on the infrastructure of an international cloud provider which maintains "
        "ISO/IEC 27001 and SOC 2 certifications of its data centres.\n"
    )
    check("security_obligations", W, text, whole=True)


def test_inspections_at_the_customers_plant_and_its_own_duties_are_not_vendor_audits() -> None:
    text = (
        "12. Audits\n12.1 The systems and records of the Provider shall not be subject to audit by the Customer.\n"
        "12.3 The audits of the certification bodies of the BAP and ASC schemes, and the inspections of the veterinary "
        "service at the farms and plant of the Customer, shall be attended by the Customer.\n"
        "12.4 The Customer remains responsible before the Ministry for the inspection of the records kept in its "
        "plants.\n"
    )
    check("audit_rights", M, text, whole=True)


def test_a_party_defined_with_the_article_in_bold_inside_the_quotes_is_a_party() -> None:
    text = (
        '**ATLAS SARL**, hereinafter "**the Provider**",\n\n**AND:**\n\n**COOPERATIVE OF NAWA**, hereinafter '
        '"**the Cooperative**",\n\n11. Data\n11.1 The Provider shall grant each of its staff an individual account and '
        "shall keep a record of every access by its staff to the Data of the Cooperative.\n11.2 Access of the "
        "Provider's staff to the Data of the Cooperative shall be limited to staff who need it, on a least-privilege "
        "basis.\n"
    )
    check("access_logging", P, text, whole=True)
