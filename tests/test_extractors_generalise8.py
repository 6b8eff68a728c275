"""Eighth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: the family's own defined names for an incident ('"Notifiable Event" means ... any Security
Incident') and "privacy breach"; a list item of several sentences keeps its lead-in's subject; parties defined
without brackets ('hereinafter "NORDVIK"') or by a bare short name closing their description ('(Supplier)').
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import family_roles
from tests.support.extractors import M, P, check

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
