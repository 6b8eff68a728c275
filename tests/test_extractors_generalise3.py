"""Third generalisation pass of the rule extractors: one test per general mechanism fixed, each with
drafting written for these tests (not copied from any evaluation contract).

Mechanisms: party descriptions scoped to their own party, statute abbreviations that are not parties,
translated party names (contracting / contracted party), notice recipients after "given", agents of a
nominalised action ("Access by the Supplier's staff"), coordinated passives, participles that qualify
an object, numerals before number words ("20 (twenty) days"), incident wording (passive unauthorised
access, GDPR's "breach of the security of personal data", compromises, "communicate"), notices only to
a regulator, content logs, placeholder annexes, data offered for download, vendor assurance in place of
an audit, permission granted to the vendor, report-only security testing, credit caps in the next item,
discounts, service levels still to be agreed, sentences that look like run-in headings, capitalised
data categories, relative-clause negation, sub-operators and service providers, a list kept in a DPA
that is not provided, deprecation notices, windows before a change takes effect, contracts that extend
by a further period and terms that "last" a period.
"""

from __future__ import annotations

import pytest

from assistant.ingest import parse_bytes
from extractors.parties import family_roles
from extractors.text import find_durations
from tests.support.extractors import M, P, U, W, check

# --- who is who ---------------------------------------------------------------------------------


def test_a_role_named_after_the_next_party_does_not_describe_the_first() -> None:
    text = (
        '**Ashlar Ledger Pty Ltd** ("Ashlar") and the organisation identified as the customer in an Order '
        '("Customer") agree to these terms.\n\n'
        "1. Incidents\n1.1 Ashlar will notify Customer of any security incident affecting Customer Data within "
        "twenty-four (24) hours after Ashlar confirms it.\n"
    )
    check("incident_notification", P, text, {"hours": 24}, whole=True)
    doc = parse_bytes(text.encode(), "terms.md")
    assert family_roles([doc]).vendor.fullmatch("Ashlar")


def test_a_statute_abbreviation_is_not_a_party() -> None:
    text = (
        'Personal information has the meaning given in the Privacy Act 1993 ("PA93") and the Health '
        'Information Code 2020 ("HIC").\n\n1. Security\n1.1 The Supplier shall encrypt Customer Data at rest.\n'
    )
    roles = family_roles([parse_bytes(text.encode(), "c.txt")])
    assert not roles.vendor.fullmatch("PA93") and not roles.vendor.fullmatch("HIC")


def test_translated_contracting_and_contracted_parties() -> None:
    text = (
        "The CONTRACTED PARTY shall communicate to the CONTRACTING PARTY any security incident involving "
        "patient data within 48 (forty-eight) hours of becoming aware of it."
    )
    check("incident_notification", P, text, {"hours": 48})


def test_the_party_after_given_receives_the_notice() -> None:
    text = (
        "No change to the Services or the Fees shall take effect unless the Supplier has given the Customer "
        "at least forty-five (45) days' written notice of it."
    )
    check("change_notification", P, text, {"notice_days": 45})


def test_the_agent_of_a_nominalised_action_acts() -> None:
    text = (
        "Access by the Supplier's engineers to Customer Data shall be granted on a least-privilege basis and "
        "withdrawn when an engineer leaves the account team."
    )
    check("access_logging", W, text)


def test_a_coordinated_passive_has_no_agent_of_its_own() -> None:
    text = (
        "Content you upload is kept until you remove it in the dashboard, and is erased from our systems "
        "within twenty (20) days after your removal request."
    )
    check("data_retention", P, text, {"deletion_days": 20})


def test_a_participle_qualifying_the_object_is_not_the_verbs_agent() -> None:
    text = (
        "On expiry, the Supplier shall transfer the service to a successor supplier nominated by the Customer "
        "and shall support the move for sixty (60) days after expiry."
    )
    check("exit_assistance", P, text, {"period_days": 60})


# --- durations ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("within 20 (twenty) days", [(20, "days")]),
        ("no later than 36 (thirty-six) hours", [(36, "hours")]),
        ("for 3 (three) business days", [(3, "days")]),
        ("within thirty (30) days", [(30, "days")]),
    ],
)
def test_numeral_before_number_words(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(d.value, d.unit) for d in find_durations(text)] == expected


def test_inspection_notice_with_the_numeral_first() -> None:
    text = (
        "The Client may inspect the records and systems of the Supplier relating to this Contract upon "
        "prior written notice of 20 (twenty) days."
    )
    check("audit_rights", P, text, {"notice_days": 20})


# --- incident notification ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "hours"),
    [
        ("If we find that Customer Data was disclosed without authorisation, we will tell the Customer within "
         "forty-eight (48) hours.", 48),
        ("The Processor shall notify the Controller of any breach of the security of personal data within "
         "twenty-four (24) hours.", 24),
        ("Vendor shall notify Customer of any Account Compromise within twelve (12) hours of detecting it.", 12),
    ],
)  # fmt: skip
def test_incident_wording_beyond_security_incident(text: str, hours: int) -> None:
    check("incident_notification", P, text, {"hours": hours})


def test_a_report_to_a_regulator_is_not_the_customers_notice() -> None:
    text = (
        "1. Incidents\n"
        "1.1 The Supplier shall report security incidents to the national computer emergency response team "
        "within six (6) hours.\n"
        "1.2 The Supplier shall also inform the Customer of any such incident affecting Customer Data "
        "without undue delay.\n"
    )
    finding = check("incident_notification", W, text, whole=True)
    assert "hours" not in finding.params


def test_a_report_to_a_regulator_and_to_the_customer_still_counts() -> None:
    text = (
        "The Supplier shall report any personal data breach to the supervisory authority and to the Customer "
        "within twenty-four (24) hours."
    )
    check("incident_notification", P, text, {"hours": 24})


def test_without_culpable_delay_is_not_a_time_limit() -> None:
    text = (
        "The Licensor shall notify the Licensee of any personal data breach without culpable delay after "
        "becoming aware of it."
    )
    finding = check("incident_notification", W, text)
    assert "without undue delay" in finding.reason  # read as the vague standard, not as silence


# --- access logging, security -------------------------------------------------------------------


def test_message_logs_are_content_not_access_logs() -> None:
    text = "On termination, all chat transcripts and message logs will be deleted within ten (10) days."
    check("access_logging", M, text)


def test_a_penetration_test_summary_on_request_is_no_security_programme() -> None:
    text = (
        "1. Security\n"
        "1.1 We protect customer data with appropriate safeguards.\n"
        "1.2 On request we will provide a short summary of our latest penetration test.\n"
    )
    check("security_obligations", W, text, whole=True)


# --- exit ---------------------------------------------------------------------------------------


def test_an_exit_plan_annex_left_to_be_agreed_is_unclear() -> None:
    text = (
        "1. Exit\n"
        "1.1 On termination the parties shall follow the Exit Plan set out in Schedule 7, which governs the "
        "transition of the services and the return of the Customer's data.\n\n"
        "Schedule 7 - Exit Plan (to be agreed)\n"
    )
    check("exit_assistance", U, text, whole=True)


def test_history_made_available_for_download_is_data_return() -> None:
    text = (
        "For a period of twenty-one (21) days after termination, the Supplier will make the Customer's "
        "ticket and incident history available for download in CSV format."
    )
    check("exit_assistance", W, text, {"period_days": 21})


def test_software_made_available_for_download_is_not_data_return() -> None:
    text = "On request after termination, the Vendor will make the desktop software available for download."
    check("exit_assistance", M, text)


def test_materials_returned_on_request_without_a_period() -> None:
    text = (
        "Following termination the Supplier shall, upon the Customer's written request, return the Customer "
        "Materials on such media as the Supplier chooses."
    )
    check("exit_assistance", W, text)


# --- audit --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "We do not allow customers to audit our systems. On request we will provide a summary of the results "
        "of our most recent penetration test.",
        "The Customer may satisfy itself of our controls by reviewing our current ISO 27001 certificate. No "
        "other audit rights are granted.",
        "Our platform is examined every year under SOC 2 Type II. A copy of the report is available to "
        "enterprise customers under a non-disclosure agreement.",
        "Each year the Supplier will answer one security questionnaire from the Customer. Answering that questionnaire satisfies "
        "any right the Customer may have to verify the Supplier's security practices.",
    ],
)
def test_vendor_assurance_in_place_of_an_audit_is_weak(text: str) -> None:
    check("audit_rights", W, text)


def test_a_discretionary_questionnaire_alone_is_no_audit() -> None:
    text = "If asked, we may at our discretion respond to a security questionnaire once a year."
    check("audit_rights", M, text)


def test_letting_the_vendor_inspect_is_the_wrong_way() -> None:
    text = (
        "Once per year and upon fourteen days' notice, the Licensee shall permit the Licensor to inspect the "
        "licence counts recorded by the Licensee."
    )
    check("audit_rights", M, text)


# --- service credits ----------------------------------------------------------------------------


def test_a_cap_in_the_next_list_item_limits_the_credits() -> None:
    text = (
        "1. Service levels\n"
        "1.1 The Platform shall be available 99.8 percent of each month.\n\n"
        "2. Service Credits\n"
        "(a) If availability falls below 99.8 percent, the Supplier shall credit the next invoice.\n\n"
        "(b) The credit shall be 0.25% of the monthly fee for each tenth of a percent of shortfall, and the "
        "total credit for a month shall not exceed, in aggregate, three percent (3%) of the monthly fee.\n"
    )
    check("service_credits", W, text, {"cap_percent": 3}, whole=True)


def test_a_discount_on_the_monthly_amount_is_a_credit() -> None:
    text = (
        "The Platform shall be available 99.6% of each month; for each hour of unavailability beyond that, "
        "the Client is entitled to a discount on the monthly amount of 4%, up to 40%."
    )
    check("service_credits", P, text)


def test_service_levels_still_to_be_agreed_are_no_target() -> None:
    text = (
        "1. Service levels\n"
        "1.1 The service levels for the Services have not been finalised at signature.\n"
        "1.2 The parties shall negotiate service levels in good faith within sixty days after the Start Date.\n"
    )
    check("service_credits", M, text, whole=True)


# --- data ownership -----------------------------------------------------------------------------


def test_a_short_ownership_sentence_is_not_a_run_in_heading() -> None:
    text = (
        '# Terms\n\n## 2. Your data\n\n2.1 "Customer Data" means the data you upload.\n\n'
        "2.2 The Customer owns all Customer Data. The Supplier may use it only to provide the Services.\n"
    )
    check("data_ownership", P, text, whole=True, filename="terms.md")


def test_rights_in_the_data_remaining_with_the_customer_is_ownership() -> None:
    text = "All rights in the data that the Client stores in the service remain with the Client."
    check("data_ownership", P, text)


def test_training_on_a_capitalised_data_category_weakens_ownership() -> None:
    text = (
        "1. Data\n"
        "1.1 The Hospital retains ownership of Patient Data.\n"
        "1.2 The Hospital authorises us to use Patient Data, including records that have not been "
        "anonymised, to train and improve Medlink's diagnostic machine-learning models.\n"
    )
    check("data_ownership", W, text, whole=True)


def test_a_data_owner_role_is_not_ownership() -> None:
    text = "Access to personal data in production is approved by the data owner and reviewed each quarter."
    check("data_ownership", M, text)


def test_data_the_customer_submits_is_its_data() -> None:
    text = "As between the parties, you own the data about your patients that you submit to the Service."
    check("data_ownership", P, text)


# --- subprocessors ------------------------------------------------------------------------------


def test_sub_operators_listed_on_request() -> None:
    text = "The Supplier may engage sub-operators and shall send the Client the list of sub-operators on request."
    check("subprocessor_disclosure", W, text)


def test_service_providers_who_receive_data_are_subprocessors() -> None:
    text = "A list of the service providers who may receive Customer Data is published on our trust page."
    check("subprocessor_disclosure", W, text)


def test_a_list_kept_in_a_dpa_that_is_not_provided_is_unclear() -> None:
    text = (
        "Subscription Terms\n\n1. Service\n1.1 We provide the hosted service described in your order.\n\n"
        "2. Sub-processors\n2.1 The sub-processors we use and the way we tell you about new ones are set out in "
        "the DPA, which is incorporated into these Terms.\n"
    )
    check("subprocessor_disclosure", U, text, whole=True, filename="subscription_terms.txt")


# --- change notification, renewal ---------------------------------------------------------------


def test_a_deprecation_announced_three_weeks_ahead_is_a_short_change_notice() -> None:
    text = (
        "When we deprecate an API version, we will announce it by email at least three weeks before the "
        "version is switched off."
    )
    check("change_notification", W, text, {"notice_days": 21})


def test_a_window_before_the_change_takes_effect_is_advance_notice() -> None:
    text = (
        "Amendments to these conditions shall be sent to the Customer no later than sixty (60) days before "
        "their proposed effective date."
    )
    check("change_notification", P, text, {"notice_days": 60})


def test_a_contract_that_extends_by_a_further_period_renews() -> None:
    text = (
        "The agreement has an initial term of thirty-six (36) months. Thereafter it is extended by a further "
        "twelve (12) months each time, unless either party gives notice of termination six months before the "
        "end of the current period."
    )
    finding = check("renewal_notice", W, text, {"term_months": 36})
    assert finding.params.get("auto_renewal") is True


def test_a_cure_period_extended_by_a_further_period_is_not_a_renewal() -> None:
    text = (
        "1. Term\n1.1 This Agreement has an initial term of twenty-four (24) months and shall then expire.\n"
        "2. Defects\n2.1 The cure period is extended by a further ten (10) days while the Supplier is working "
        "on a fix.\n"
    )
    finding = check("renewal_notice", P, text, {"term_months": 24}, whole=True)
    assert finding.params.get("auto_renewal") is False


def test_a_plan_that_lasts_a_year_states_its_term() -> None:
    text = (
        "Your plan lasts twelve months from purchase and renews automatically unless you cancel it at least "
        "thirty days before the renewal date."
    )
    check("renewal_notice", P, text, {"term_months": 12, "notice_days": 30})
