"""Second pass on set 23's last disagreements: one group of tests per general mechanism. The drafting is written
for these tests; nothing comes from the held-out set.

Mechanisms: a party described with two defined names ('... SCOOPS ("COOPRAN"), a cooperative society ...,
hereinafter "the Cooperative"') is known by both, but a name defined after the parties' description ('the
"System"', 'the "Inventors"') names no party; a next sentence that times the customer's own notice ('The
Cooperative shall inform the Provider within 24 hours of the loss of a tablet') does not time the vendor's
incident notice; a log of the customer's people ('every access by EL CLIENTE's physicians and administrative
staff') is no logging of the vendor's access; data 'disposed of' under an exhibit still to be provided leaves
retention unclear; a bracketed note that holds the place of a schedule ('[To be completed ...: list of
Sub-processors ... and objection.]') commits to nothing it names.
"""

from __future__ import annotations

from tests.support.extractors import M, P, U, W, check, party_patterns

PARTIES = (
    "CONTRACT FOR A HOSTED TRACEABILITY SOLUTION\n\nBETWEEN THE UNDERSIGNED:\n\n**SAHEL LOGICIEL SARL**, a limited "
    "liability company registered in Dakar under No. SN-DKR-2019-B-1234, represented by Ms. Awa Diop, "
    'Managing Director,\n\nhereinafter "**the Provider**",\n\n**AND:**\n\n**UNION DES PRODUCTEURS DE KARITE DU '
    'NORD - SCOOPS ("UPKN")**, a simplified cooperative society registered in Korhogo under No. CI-KRG-2015-C-0099, '
    'represented by Mr. Ibrahim Coulibaly, Chairman of the Board,\n\nhereinafter "**the Union**",\n\nhereinafter '
    'together "the Parties".\n\n'
)


def test_a_party_with_an_acronym_and_a_closing_name_is_known_by_both() -> None:
    vendor, customer = party_patterns(
        PARTIES + "Article 1 - OBJECT\n\n1.1 The Provider hosts the Solution.\n"
    )
    assert "UPKN" in customer and "Union" in customer, customer
    assert "Union" not in vendor, vendor
    text = PARTIES + (
        "Article 9 - DATA\n\n9.1 The Data of the Union are and remain the exclusive property of the Union. The "
        "Provider shall process them only to provide the Services.\n"
    )
    check("data_ownership", P, text, whole=True)


def test_a_name_defined_after_the_parties_names_no_party() -> None:
    text = (
        'The Johns Hopkins University (hereinafter "JHU") and Acme Surgical, Inc. (hereinafter "Company") agree as '
        'follows: 1. BACKGROUND 1.1 A device was developed by Drs. Smith and Jones (hereinafter "Inventors"). 1.2 '
        "Company shall pay royalties.\n"
    )
    vendor, customer = party_patterns(text)
    assert "Inventors" not in vendor and "Inventors" not in customer, (vendor, customer)
    text = (
        '"Hrazdan Medical Centre" CJSC, acting on the basis of the Charter (hereinafter the "Customer"), on the one '
        'side, and "Aragats Medsoft" LLC, acting on the basis of the Charter (hereinafter the "Contractor"), on the '
        'other side (hereinafter jointly the "Parties"), have concluded this Contract on the following.\nArticle 1. '
        "Subject\n(1) The Contractor undertakes to provide the Customer with access to the MedCloud system "
        '(hereinafter the "System").\n'
    )
    vendor, customer = party_patterns(text)
    assert "System" not in vendor and "System" not in customer, (vendor, customer)


def test_the_customers_own_timed_notice_does_not_time_the_vendors() -> None:
    text = PARTIES + (
        "Article 12 - SECURITY\n\n12.4 The Provider shall inform the Union of any Security Incident affecting the "
        "Data of the Union as soon as possible after becoming aware of it. The Union shall inform the Provider "
        "within twenty-four (24) hours of the loss or theft of any tablet used by its field agents.\n"
    )
    finding = check("incident_notification", W, text, whole=True)
    assert finding.params.get("hours") is None, finding.params
    text = PARTIES + (
        "Article 12 - SECURITY\n\n12.4 The Provider shall inform the Union of any Security Incident affecting the "
        "Data of the Union. Such notice shall be given within twenty-four (24) hours.\n"
    )
    check("incident_notification", P, text, {"hours": 24}, whole=True)


RESTRICTED = (
    "TWELFTH. SECURITY\n12.1 Access by LA PRESTADORA's personnel to the data of EL CLIENTE shall be restricted to "
    "the technicians designated for support, on the basis of least privilege, with double-factor authentication.\n"
)


def test_a_log_of_the_customers_own_people_is_not_vendor_logging() -> None:
    head = (
        "MEDISOFT S.A. (hereinafter LA PRESTADORA) and ASISTENCIA NORTE (hereinafter EL CLIENTE) agree:\n\n"
    )
    log = (
        "12.2 The Platform records in an audit trail every access by EL CLIENTE's physicians and\nadministrative "
        "staff to each clinical record, which EL CLIENTE's Medical Director may consult at any time.\n"
    )
    check("access_logging", W, head + RESTRICTED + log, whole=True)
    vendor_log = (
        "12.2 Every access by LA PRESTADORA's technicians and administrative staff to the data of EL CLIENTE is "
        "recorded in an audit trail, which EL CLIENTE's Medical Director may consult at any time.\n"
    )
    check("access_logging", P, head + RESTRICTED + vendor_log, whole=True)


def test_data_disposed_of_under_an_exhibit_still_to_be_provided_is_unclear() -> None:
    addendum = (
        "PUBLIC AGENCY ADDENDUM\n\nSECTION 7. DATA\n7.2 Upon expiry of the Export Period, Contractor shall dispose of "
        "Authority Data in accordance with the Data Disposition Instructions attached as Exhibit C.\n\nEXHIBIT C - "
        "DATA DISPOSITION INSTRUCTIONS\n\n[To be provided by the Authority's Records Management Officer.]\n"
    )
    check("data_retention", U, addendum, whole=True)
    done = addendum.replace(
        "[To be provided by the Authority's Records Management Officer.]",
        "Contractor shall delete all Authority Data within thirty (30) days after termination of the Agreement.",
    )
    check("data_retention", P, done, {"deletion_days": 30}, whole=True)
    at_disposal = (
        "7.1 The Provider shall place the Client Data at the disposal of the Client in CSV format as described in "
        "Schedule 6.\n"
    )
    check("data_retention", M, at_disposal, whole=True)


def test_a_placeholder_note_commits_to_nothing_it_names() -> None:
    text = (
        "8. SUB-PROCESSORS\n8.1 The Vendor's Sub-processors, and the procedure for notifying the Customer of changes "
        "to them and for the Customer's objection, are set out in Schedule 4.\n\n## SCHEDULE 4 - SUB-PROCESSORS\n\n"
        "[To be completed by the Vendor and agreed by the parties before the Go-Live Date: list of Sub-processors, "
        "locations and services, and the procedure for notice of new Sub-processors and objection.]\n"
    )
    check("subprocessor_disclosure", U, text, whole=True)
    filled = text.replace(
        "[To be completed by the Vendor and agreed by the parties before the Go-Live Date: list of Sub-processors, "
        "locations and services, and the procedure for notice of new Sub-processors and objection.]",
        "| Sub-processor | Service |\n|---|---|\n| Amazon Web Services | hosting |\n\nThe Vendor shall give the "
        "Customer thirty (30) days' notice of any new Sub-processor, and the Customer may object within that period.",
    )
    check("subprocessor_disclosure", P, filled, {"notice_days": 30}, whole=True)
