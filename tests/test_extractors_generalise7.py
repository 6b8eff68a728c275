"""Seventh generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: durations written as a product ("2 x 24 hours"); regulatory names for a security incident
("Cybersecurity Event", "failure of personal data protection", "violation of the rules on data protection");
party names defined in Markdown emphasis, multi-word names headed by the generic "Company", and two parties
named by neither role word, told apart by who the recitals make the supplier; a convenience exit "before the
end of the Subscription Period" on notice, and public procurement's termination "on grounds of public interest";
a change to the means used for the services (tools, site, staffing) as a change of the services; training the
vendor's models on the records the service keeps (transactions, calls, transcripts) as own-purpose use; a
"delivery" noun that only times a deletion is no data return; the customer's own duty to inspect things in its
hands is no audit right.
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import family_roles
from extractors.text import find_durations
from tests.support.extractors import M, P, W, check

# --- durations ------------------------------------------------------------------------------------


def test_a_product_of_hours_is_one_duration() -> None:
    [d] = find_durations("no later than 2 x 24 (two times twenty-four) hours after it learns of it")
    assert (d.value, d.unit, d.hours()) == (48, "hours", 48)
    [d] = find_durations("within 5×8 working hours")
    assert (d.value, d.business) == (40, True)
    assert [x.hours() for x in find_durations("within 24 hours, and in any case 3 days")] == [24, 72]


# --- incident notification ------------------------------------------------------------------------


def test_a_cybersecurity_event_notice_is_incident_notification() -> None:
    text = (
        "The Vendor shall notify the Client of any Cybersecurity Event involving Client Information no later "
        "than forty-eight (48) hours after the Vendor determines that it has occurred."
    )
    check("incident_notification", P, text, {"hours": 48})


def test_a_failure_of_data_protection_timed_as_a_product_is_incident_notification() -> None:
    text = (
        "Should a failure of personal data protection occur in respect of the Principal's data, the Contractor "
        "shall inform the Principal no later than 2 x 24 hours after becoming aware of it."
    )
    check("incident_notification", P, text, {"hours": 48})


def test_a_violation_of_data_protection_rules_notified_vaguely_is_weak() -> None:
    text = (
        "In case of any violation of the rules on personal data protection affecting the Buyer's data, the "
        "Seller shall promptly inform the Buyer."
    )
    check("incident_notification", W, text)


def test_the_customer_reporting_a_cybersecurity_event_is_the_wrong_way() -> None:
    text = (
        "The Client shall notify the Vendor within 24 hours of any Cybersecurity Event affecting the Client's "
        "own systems that connect to the Platform."
    )
    check("incident_notification", M, text)


# --- who is who -------------------------------------------------------------------------------------

_PREAMBLE = (
    "# Fund Accounting Services Agreement\n\n"
    '**Between** Orne Asset Holdings S.A., acting for the sub-funds listed in Annex 1 (the **"Holding Company"**),\n\n'
    '**and** Sarre Registrar Services S.A., a licensed transfer agent (the **"Registrar"**).\n\n'
    "## Recitals\n\n"
    "The Holding Company wishes to outsource the register-keeping function for the sub-funds to the "
    "Registrar, which shall perform the Services described in Annex 2.\n\n"
)


def test_emphasised_definitions_and_a_company_that_buys_are_read_from_the_recitals() -> None:
    doc = parse_bytes(_PREAMBLE.encode(), "agreement.md")
    roles = family_roles([doc])
    assert roles.role_of("Registrar") == "vendor" and roles.role_of("Holding Company") == "customer"
    text = _PREAMBLE + (
        "## 9. Termination\n\n9.1 The Holding Company may terminate this Agreement at any time by giving "
        "three (3) months' written notice to the Registrar.\n"
    )
    check("termination_convenience", P, text, whole=True, filename="agreement.md")


def test_the_vendors_own_notice_exit_stays_the_wrong_way_when_roles_come_from_the_recitals() -> None:
    text = _PREAMBLE + (
        "## 9. Termination\n\n9.1 The Registrar may terminate this Agreement at any time by giving "
        "three (3) months' written notice to the Holding Company.\n"
    )
    check("termination_convenience", M, text, whole=True, filename="agreement.md")


# --- termination for convenience -------------------------------------------------------------------


def test_ending_before_the_end_of_a_subscription_period_on_notice_is_convenience() -> None:
    text = (
        "The Subscriber may end this Agreement before the end of the current Licence Period by giving sixty "
        "(60) days' written notice to the Supplier."
    )
    check("termination_convenience", P, text, {"notice_days": 60})


def test_such_an_exit_that_costs_the_rest_of_the_period_is_weak() -> None:
    text = (
        "The Client may terminate this Agreement before the end of the Subscription Period by giving thirty "
        "days' written notice; in that case the Client shall pay the fees for the entire remaining "
        "Subscription Period."
    )
    check("termination_convenience", W, text)


def test_termination_on_grounds_of_public_interest_is_convenience() -> None:
    text = (
        "The Awarding Authority may terminate the Contract for reasons of public interest, stated in writing, "
        "on ninety (90) days' notice to the Contractor."
    )
    check("termination_convenience", P, text, {"notice_days": 90})


# --- change notification -----------------------------------------------------------------------------


def test_changing_the_means_used_for_the_services_on_short_notice_is_weak() -> None:
    text = (
        "The Supplier may change the ticketing software, support location or shift pattern used for the "
        "Services by giving the Customer ten (10) days' written notice."
    )
    check("change_notification", W, text, {"notice_days": 10})


def test_changing_the_hosting_region_of_the_services_on_sixty_days_notice_is_present() -> None:
    text = (
        "The Provider may change the hosting region of the Services by giving the Client sixty (60) days' "
        "prior written notice."
    )
    check("change_notification", P, text, {"notice_days": 60})


# --- data ownership --------------------------------------------------------------------------------


def test_training_models_on_the_records_the_service_keeps_is_own_purpose_use() -> None:
    text = (
        "1. Data\n1.1 The Client owns all Client Data.\n1.2 The Vendor may use anonymised chat transcripts to "
        "train and improve its routing and sentiment models, unless the Client opts out by e-mail.\n"
    )
    check("data_ownership", W, text, whole=True)
    text = (
        "1. Data\n1.1 The Merchant owns its Merchant Data.\n1.2 We may use payment records to train our "
        "fraud-scoring models.\n"
    )
    check("data_ownership", W, text, whole=True)


def test_a_ban_on_training_with_those_records_keeps_ownership_present() -> None:
    text = (
        "1. Data\n1.1 The Client owns all Client Data.\n1.2 The Vendor shall not use call recordings to "
        "train any machine learning models.\n"
    )
    check("data_ownership", P, text, whole=True)


# --- exit assistance -----------------------------------------------------------------------------------


def test_a_deletion_timed_from_the_delivery_of_files_is_no_data_return() -> None:
    text = (
        "The Translator shall erase all source documents from its systems within fourteen (14) days after "
        "delivery of the final translated files, or sooner upon the Client's written request."
    )
    check("exit_assistance", M, text)


def test_delivering_the_files_back_on_termination_is_a_data_return() -> None:
    text = (
        "Upon termination the Translator shall deliver to the Client all source files and translation "
        "memories in TMX format within thirty (30) days."
    )
    check("exit_assistance", P, text, {"period_days": 30})


# --- audit rights --------------------------------------------------------------------------------------


def test_the_customers_duty_to_inspect_its_own_devices_is_no_audit_right() -> None:
    text = (
        "You must store the card readers securely, inspect them weekly for signs of tampering and report "
        "any damage to us."
    )
    check("audit_rights", M, text)


def test_the_customers_right_to_inspect_the_vendor_stays_an_audit_right() -> None:
    text = (
        "The Customer shall have the right to inspect the Supplier's facilities and records relating to the "
        "Services on fifteen (15) days' notice."
    )
    check("audit_rights", P, text, {"notice_days": 15})
