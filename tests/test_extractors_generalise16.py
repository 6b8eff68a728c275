"""Sixteenth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: a change to the hosting location or the System is a change of the service; a notice cue that stops
inside its word ("notif" of "notify") still finds who receives the notice; a contract "valid for three (3) years"
states its term, the term one may "extend" by a supplementary agreement does not; ending the contract "by
notifying the Supplier ... N days in advance" is a convenience right, and a proviso that only prices it is no
condition; "generally accepted practice" is a general security standard; an incident reported to "the competent
state authority" is not reported to the customer, even where the customer is called an Authority.
"""

from __future__ import annotations

from tests.support.extractors import M, P, W, check


def test_a_change_of_hosting_location_or_of_the_system_needs_notice() -> None:
    text = (
        "4.1. The Operator undertakes:\n\n"
        "4.1.1. to run the Platform from its data centres in Windhoek and Walvis Bay;\n\n"
        "4.1.2. to inform the Utility in writing at least forty-five (45) days before any planned relocation of "
        "the hosting location, or any upgrade of the database engine of the System;\n"
    )
    check("change_notification", P, text, {"notice_days": 45}, whole=True)
    text = (
        "4.1. The Operator shall give the Utility at least sixty (60) days' written notice of any planned change "
        "to the data centre used to host the Utility's billing records.\n"
    )
    check("change_notification", P, text, {"notice_days": 60}, whole=True)


def test_a_notice_the_vendor_receives_is_no_change_notice_whatever_the_cue_word() -> None:
    text = (
        '1. Parties\nThis Agreement is made between Kalahari Billing Systems (Pty) Ltd (the "Provider") and the '
        'City of Rundu (the "Customer").\n\n'
        "6. Cooperation\n6.1 The billing office of the City shall notify the Provider at least thirty (30) days in advance of any "
        "change to the services it orders or the number of its billing zones, so that the Provider can adjust "
        "the configuration.\n"
    )
    check("change_notification", M, text, whole=True)


def test_a_contract_valid_for_a_period_states_its_term() -> None:
    text = (
        "ARTICLE 7. DURATION\n7.1. This Contract shall enter into force on the date of its registration and shall "
        "be valid for two (2) years.\n7.2. Should the Parties wish to extend the term of this Contract, they shall "
        "sign an annex no later than forty-five (45) days before its expiry; otherwise the Contract shall terminate "
        "on the expiry of its term.\n"
    )
    check("renewal_notice", P, text, {"term_months": 24}, whole=True)


def test_the_extension_of_the_term_is_not_the_term() -> None:
    text = (
        "ARTICLE 7. DURATION\n7.1. Should the Parties wish to extend the term of this Contract, they shall sign an "
        "annex no later than forty-five (45) days before its expiry; otherwise the Contract shall terminate on the "
        "expiry of its term.\n"
    )
    finding = check("renewal_notice", P, text, whole=True)
    assert finding.params.get("term_months") is None


def test_ending_the_contract_by_notifying_the_vendor_in_advance_is_a_convenience_right() -> None:
    text = (
        "12. Early termination\n12.1. The Client may terminate this Contract early by notifying the Supplier in "
        "writing sixty (60) days in advance.\n"
    )
    check("termination_convenience", P, text, {"notice_days": 60}, whole=True)
    priced = (
        "12. Early termination\n12.1. The Client may terminate this Contract early by notifying the Supplier in "
        "writing sixty (60) days in advance, provided that the Client pays the Supplier the full amount of the "
        "fees for the remaining term of this Contract.\n"
    )
    check("termination_convenience", W, priced, whole=True)
    conditional = (
        "12. Early termination\n12.1. If the Supplier's licence is revoked, the Client may terminate this "
        "Contract early by notifying the Supplier in writing sixty (60) days in advance.\n"
    )
    check("termination_convenience", M, conditional, whole=True)


def test_generally_accepted_practice_is_a_general_security_standard() -> None:
    text = (
        "5. Obligations of the Operator\n5.1. The Operator shall protect the Client's records in accordance with "
        "generally accepted practice and the applicable law.\n"
    )
    check("security_obligations", W, text, whole=True)


def test_an_incident_reported_to_a_state_authority_is_not_reported_to_the_customer() -> None:
    text = (
        '1. Parties\nThis Contract is made between Okavango Systems CC (the "Supplier") and the Regional Water '
        'Authority (the "Authority").\n\n'
        "9. Cyber incidents\n9.1. In the event of a cyber incident affecting the hosting site, the Supplier shall "
        "contain it and shall report it to the competent national authority for cyber security.\n"
    )
    check("incident_notification", M, text, whole=True)
