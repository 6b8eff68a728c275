"""Sixth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with at least two drafting styles written for these tests (not copied from any evaluation contract).

Mechanisms: ending "without stating any grounds" (and other no-reason wordings of translated drafting) as
convenience; "termination date" or "cancellation fee" as nouns, not an act of ending; cooperation with a
successor on the migration as exit assistance; contractions ("you'll have") as the modal they stand for; an
export requested as a deliverable; an exit period read from the data-return clause when the assistance
clause states none; a term called a "duration" or a "commitment period", or stated by its end ("ends 36
months later"); an active verb's object followed by a by-phrase ("audit the compliance by the Supplier") is
no passive agent; and "incident of security" word order.
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import actor, family_roles
from tests.support.extractors import M, P, U, W, check

# --- termination for convenience ----------------------------------------------------------------


def test_terminating_without_stating_grounds_is_convenience() -> None:
    text = (
        "The Customer may terminate this Agreement at its discretion and without stating any grounds, on "
        "ninety (90) days' written notice to the Supplier."
    )
    check("termination_convenience", P, text)


def test_cancelling_without_giving_specific_reasons_is_convenience() -> None:
    text = (
        "Either party may cancel the contract without giving specific reasons, subject to three (3) months' "
        "prior notice in writing."
    )
    check("termination_convenience", P, text)


def test_a_no_reason_right_of_the_vendor_alone_is_not_the_customers() -> None:
    text = (
        "The Supplier may terminate the Services without the need to justify its decision on 30 days' notice."
    )
    check("termination_convenience", M, text)


def test_a_termination_date_is_no_act_of_ending() -> None:
    text = "The Customer may download its records at any time before the cancellation date."
    check("termination_convenience", M, text)


def test_a_termination_fee_is_no_act_of_ending() -> None:
    text = "The Client may settle the termination fee at any time by bank transfer to the Provider."
    check("termination_convenience", M, text)


# --- exit assistance ------------------------------------------------------------------------------


def test_cooperating_with_a_successor_on_migration_is_exit_assistance() -> None:
    text = (
        "On expiry the Contractor shall cooperate with any successor supplier nominated by the Authority in "
        "migrating the Authority's systems for a period of sixty (60) days."
    )
    check("exit_assistance", P, text, {"period_days": 60})


def test_collaborating_on_the_transfer_after_termination_is_exit_assistance() -> None:
    text = (
        "After termination the Vendor will collaborate with the Customer on the transfer of the hosted "
        "workloads for up to forty-five (45) days."
    )
    check("exit_assistance", P, text, {"period_days": 45})


def test_a_contracted_have_reads_as_will_have() -> None:
    text = "When your plan ends you'll have 10 days to download your files in CSV format."
    check("exit_assistance", W, text, {"period_days": 10})


def test_a_contracted_be_able_reads_as_will_be_able() -> None:
    text = "Once your subscription ends you’ll be able to export your projects in JSON format for sixty (60) days."
    check("exit_assistance", P, text, {"period_days": 60})


def test_an_export_requested_on_exit_is_a_data_return() -> None:
    text = (
        "After expiry you may request a final export for ten (10) days, after which the workspace is removed."
    )
    check("exit_assistance", W, text, {"period_days": 10})


def test_a_full_copy_obtained_on_termination_is_a_data_return() -> None:
    text = "Upon termination the Subscriber may obtain a full copy within forty-five (45) days in CSV format."
    check("exit_assistance", P, text, {"period_days": 45})


def test_the_period_comes_from_the_data_return_when_assistance_states_none() -> None:
    text = (
        "1. Exit\n1.1 The Supplier will assist with the migration to a replacement provider on request at its "
        "standard rates.\n1.2 For sixty (60) days after termination, the Supplier shall make the Customer Data "
        "available for download in CSV format.\n"
    )
    check("exit_assistance", P, text, {"period_days": 60}, whole=True)


def test_the_period_of_an_export_window_backs_a_bare_transition_promise() -> None:
    text = (
        "1. Exit\n1.1 The Provider shall help the Client transition to another provider where asked.\n"
        "1.2 Following expiry, the Provider shall return all Client Data in a machine-readable format within "
        "thirty (30) days.\n"
    )
    check("exit_assistance", P, text, {"period_days": 30}, whole=True)


def test_the_sentence_stating_the_period_is_quoted_with_the_assistance() -> None:
    text = (
        "1. Exit\n1.1 On expiry the Supplier shall keep the hosted environment running for forty-five (45) days. "
        "During that period the Supplier shall help the Customer migrate to a successor provider.\n"
    )
    finding = check("exit_assistance", P, text, {"period_days": 45}, whole=True)
    assert any("forty-five" in e.quote for e in finding.evidence)


def test_a_period_named_before_a_transition_duty_is_quoted() -> None:
    text = (
        "1. Exit\n1.1 Upon termination the Vendor will keep the platform open for sixty (60) days. Throughout that "
        "period the Vendor shall assist the Customer with the transition to a replacement vendor.\n"
    )
    finding = check("exit_assistance", P, text, {"period_days": 60}, whole=True)
    assert any("sixty" in e.quote for e in finding.evidence)


# --- renewal and term -----------------------------------------------------------------------------


def test_a_term_called_a_duration() -> None:
    text = (
        "This contract has a duration of eighteen (18) months from signature. Upon expiry it shall be tacitly "
        "renewed for further periods of one year unless either party gives notice of cancellation at least "
        "three (3) months before the expiry date."
    )
    check("renewal_notice", P, text, {"term_months": 18, "notice_days": 90})


def test_a_term_called_a_commitment_period() -> None:
    text = (
        "The Order starts on the date of signature and continues for a Commitment Period of twenty-four (24) "
        "months, after which it renews automatically for successive twelve (12) month periods unless either "
        "party gives written notice of non-renewal at least sixty (60) days before the renewal date."
    )
    check("renewal_notice", P, text, {"term_months": 24, "notice_days": 60})


def test_a_term_stated_by_its_end() -> None:
    text = (
        "This Agreement begins on the Effective Date and expires forty-eight (48) months thereafter. It does "
        "not renew automatically."
    )
    check("renewal_notice", P, text, {"term_months": 48})


def test_a_licence_that_ends_years_after_delivery() -> None:
    text = "The licence starts on the delivery date and ends two (2) years after that date, with no automatic renewal."
    check("renewal_notice", P, text, {"term_months": 24})


# --- who acts -------------------------------------------------------------------------------------


def _actor_of(text: str, verb: str) -> str | None:
    roles = family_roles([parse_bytes(f"1. General\n1.1 {text}\n".encode(), "c.txt")])
    pos = text.index(verb)
    return actor(text, pos, pos + len(verb), roles)


def test_a_by_phrase_after_an_object_is_not_the_agent() -> None:
    text = "The Customer may inspect the compliance by the Supplier with this Schedule upon twenty (20) days' notice."
    assert _actor_of(text, "inspect") == "customer"
    check("audit_rights", P, text, {"notice_days": 20})


def test_an_examination_of_performance_by_the_contractor_is_the_clients() -> None:
    text = (
        "The Client may examine the performance by the Contractor of its security duties once a year, on "
        "fifteen (15) days' written notice."
    )
    assert _actor_of(text, "examine") == "customer"
    check("audit_rights", P, text, {"notice_days": 15})


def test_a_true_passive_keeps_its_agent() -> None:
    text = "The Customer shall be notified promptly by the Supplier of any change."
    assert _actor_of(text, "notified") == "vendor"


# --- incidents ------------------------------------------------------------------------------------


def test_a_violation_of_security_is_an_incident() -> None:
    text = (
        "The Processor shall notify the Controller of any violation of security affecting personal data within "
        "forty-eight (48) hours."
    )
    check("incident_notification", P, text, {"hours": 48})


def test_an_incident_of_information_security_is_an_incident() -> None:
    text = "The Contractor shall report every incident of information security to the Client within 24 hours."
    check("incident_notification", P, text, {"hours": 24})


# --- change notification --------------------------------------------------------------------------


def test_a_change_to_a_part_of_the_service_is_a_change() -> None:
    text = "The Vendor may alter the core workflows of the Service by giving the Customer forty-five (45) days' written notice."
    check("change_notification", P, text, {"notice_days": 45})


def test_a_change_to_a_feature_of_its_platform_is_a_change() -> None:
    text = "The Provider may update the user interface of its platform with at least ten (10) days' notice to the Client."
    check("change_notification", W, text, {"notice_days": 10})


# --- termination on notice alone ------------------------------------------------------------------


def test_a_bare_right_to_terminate_on_notice_is_convenience() -> None:
    text = (
        "The Client may terminate this contract by giving three (3) months' written notice to the Contractor."
    )
    check("termination_convenience", P, text, {"notice_days": 90})


def test_cancelling_the_subscription_upon_prior_notice_is_convenience() -> None:
    text = "Either party may cancel the subscription upon sixty (60) days' prior notice."
    check("termination_convenience", P, text, {"notice_days": 60})


def test_a_right_on_notice_that_hangs_on_an_event_is_not_convenience() -> None:
    text = (
        "If a force majeure event lasts more than ninety (90) days, either party may terminate the Agreement "
        "on thirty (30) days' written notice."
    )
    check("termination_convenience", M, text)


def test_notice_only_after_the_lapse_of_a_period_is_a_lockin() -> None:
    text = (
        "Either party may terminate the Agreement with two (2) months' notice, but the Client may not serve "
        "notice of termination earlier than after the passage of twenty-eight (28) months from the start date."
    )
    check("termination_convenience", W, text, {"lockin_months": 28})


def test_notice_before_the_expiry_of_a_period_is_a_lockin() -> None:
    text = (
        "The Customer may terminate this Agreement for convenience on ninety (90) days' written notice, but "
        "not before the expiry of thirty (30) months from the Go-Live Date."
    )
    check("termination_convenience", W, text, {"lockin_months": 30})


def test_the_end_of_a_month_is_a_date_not_a_notice_period() -> None:
    text = (
        "The Customer may terminate this Agreement for convenience with ninety (90) days' notice taking effect "
        "at the end of a calendar month."
    )
    check("termination_convenience", P, text, {"notice_days": 90})


# --- audit ----------------------------------------------------------------------------------------


def test_reports_in_lieu_of_an_on_site_audit_are_no_audit_right() -> None:
    text = (
        "1. Assurance\n1.1 The Vendor will provide its SOC 2 Type II report to the Customer each year. These "
        "reports are supplied in lieu of any on-site audit by the Customer.\n"
    )
    check("audit_rights", W, text, whole=True)


def test_a_report_in_place_of_an_on_premises_inspection_is_no_audit_right() -> None:
    text = (
        "The Provider shall give the Client a copy of its ISAE 3402 report yearly, in place of any on-premises "
        "inspection or audit by the Client."
    )
    check("audit_rights", W, text)


def test_a_review_at_the_vendors_premises_is_an_inspection() -> None:
    text = (
        "The Bank may, on thirty (30) days' notice, review the Supplier's disaster-recovery procedures at the "
        "Supplier's premises once a year."
    )
    check("audit_rights", P, text, {"notice_days": 30})


def test_a_review_of_records_at_the_data_centre_is_an_inspection() -> None:
    text = (
        "The Customer may review the Vendor's access-control records at the Vendor's data centres on ten (10) "
        "days' written notice."
    )
    check("audit_rights", P, text, {"notice_days": 10})


def test_reviews_posted_on_review_sites_are_no_inspection() -> None:
    text = "The Customer shall not post fake reviews or solicit reviews in ways that review sites prohibit."
    check("audit_rights", M, text)


# --- access and logging ---------------------------------------------------------------------------


def test_logs_the_service_may_offer_are_no_commitment() -> None:
    text = (
        "Depending on the edition, the service may offer activity logs and single sign-on for administrators."
    )
    check("access_logging", M, text)


def test_audit_trails_a_workspace_can_include_are_no_commitment() -> None:
    text = "Enterprise workspaces can include audit trails of member activity."
    check("access_logging", M, text)


def test_a_logging_duty_stays_when_the_logs_may_be_reported() -> None:
    text = (
        "The Vendor shall log all access to Customer Data and may include those logs in its monthly report."
    )
    check("access_logging", W, text)


# --- cross-references -----------------------------------------------------------------------------


def test_its_own_servers_in_an_absent_schedule_say_nothing_of_ownership() -> None:
    text = "The Vendor shall host the Service on its own servers described in Schedule 6."
    check("data_ownership", M, text)


def test_their_own_costs_in_an_absent_appendix_say_nothing_of_ownership() -> None:
    text = "The parties shall bear their own costs of the migration as set out in Appendix C."
    check("data_ownership", M, text)


def test_ownership_kept_in_an_absent_schedule_stays_unclear() -> None:
    text = "Ownership of the Customer Data is set out in Schedule 2."
    check("data_ownership", U, text)
