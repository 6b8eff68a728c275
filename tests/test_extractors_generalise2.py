"""Second generalisation pass of the rule extractors: one test per general mechanism fixed, each with
drafting written for these tests (not copied from any evaluation contract).

Mechanisms: durations with an article ("a week"), plain-English notice verbs ("let you know"), posting
that accompanies a notice window, leaving as terminating, anaphoric periods ("During that time ...",
"Once the retrieval window closes ..."), sentence-case and markdown headings, participle agents ("held
by the Supplier"), exit steps that follow termination, term lengths in plain English, restoration
targets, report-only standards, customer-chosen retention, documents that point at another document,
glossary definitions, prohibitions ("forbid ... from"), caps in words, early termination, trigger-only
terminations, ordinal-month lock-ins and fees the customer is not liable for.
"""

from __future__ import annotations

import pytest

from assistant.ingest import parse_bytes
from assistant.models import DocumentKind
from extractors.spans import target_missing
from extractors.text import find_durations
from tests.support.extractors import M, P, U, W, check, review


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("we will answer within a week", [(1, "weeks")]),
        ("no later than an hour after detection", [(1, "hours")]),
        ("for a fortnight after expiry", [(2, "weeks")]),
        ("audits may take place once a year", []),
        ("support is staffed 24 hours a day, 7 days a week", [(24, "hours"), (7, "days")]),
    ],
)
def test_article_durations_and_rates(text: str, expected: list[tuple[int, str]]) -> None:
    assert [(d.value, d.unit) for d in find_durations(text)] == expected


def test_a_week_of_subprocessor_notice_is_seven_days() -> None:
    text = (
        "Our current subprocessors are listed on our trust page. We'll e-mail you a week before any new "
        "subprocessor starts work on your account, and you may object to it."
    )
    check("subprocessor_disclosure", W, text, {"notice_days": 7})


def test_incident_notice_of_an_hour_in_plain_english() -> None:
    text = "If there is a security incident affecting your data, we will let you know within an hour."
    check("incident_notification", P, text, {"hours": 1})


def test_notice_by_let_you_know_with_posting_is_a_notice_window() -> None:
    text = (
        "If we plan to amend these terms, we will let you know by email at least forty-five days before the "
        "amendment takes effect, and we will also post the amended terms on our website."
    )
    check("change_notification", P, text, {"notice_days": 45})


def test_posting_without_any_notice_stays_at_will() -> None:
    text = "We may amend these terms at any time by posting the amended terms on our website."
    check("change_notification", W, text)


def test_walking_away_for_any_reason_is_convenience() -> None:
    text = (
        "You may walk away from the service at any time and for any reason by giving us fifteen days' notice."
    )
    check("termination_convenience", P, text, {"notice_days": 15})


def test_leave_without_notice_or_reason_is_not_termination() -> None:
    check("termination_convenience", M, "Staff on parental leave keep their user accounts.")


def test_deletion_after_a_named_window_is_on_exit() -> None:
    text = (
        "1. Ending the subscription\n"
        "1.1 When your subscription ends, your workspace stays open for sixty days so that you can collect "
        "your files. Once the retrieval window closes, we purge your content in due course, on no fixed "
        "schedule.\n"
    )
    check("data_retention", W, text, whole=True)


def test_export_window_introduced_by_a_pointer_to_the_previous_sentence() -> None:
    text = (
        "1. Exit\n"
        "1.1 When the contract ends, your workspace remains open in read-only mode for sixty (60) days. "
        "Throughout this period you can download all your records, and we will help you move them to "
        "another provider.\n"
    )
    check("exit_assistance", P, text, {"period_days": 60}, whole=True)


def test_files_available_for_download_for_a_short_window_is_weak() -> None:
    text = "After cancellation takes effect, your files remain available for download for ten days."
    check("exit_assistance", W, text, {"period_days": 10})


def test_vendor_auditing_your_usage_is_not_a_customer_audit() -> None:
    text = "We may audit your usage of the platform to confirm that you stay within your licensed seats."
    check("audit_rights", M, text)


def test_sentence_case_heading_is_not_an_operative_word() -> None:
    text = "1. Overview\n1.1 We host the service.\n\n8. Audit and review\nYou may not inspect our facilities or systems.\n"
    check("audit_rights", M, text, whole=True)


def test_participle_agent_is_not_the_subject_of_a_passive() -> None:
    text = "All customer data held by the Provider shall be destroyed within thirty (30) days of termination."
    check("data_retention", P, text, {"deletion_days": 30})


def test_deletion_after_the_data_export_is_complete() -> None:
    text = "Customer Data shall be erased by the Supplier within ten (10) days after the data export is complete."
    check("data_retention", P, text, {"deletion_days": 10})


@pytest.mark.parametrize(
    ("text", "months"),
    [
        (
            "This Order has an initial term of twenty-four (24) months and will expire at the end of that term.",
            24,
        ),
        (
            "Each plan runs for one year and renews automatically unless you cancel thirty days before renewal.",
            12,
        ),
    ],
)
def test_term_length_in_plain_drafting(text: str, months: int) -> None:
    finding, _ = review("renewal_notice", text)
    assert finding.params.get("term_months") == months, finding.reason


def test_term_named_as_a_time_frame_gives_no_length() -> None:
    text = "During the Subscription Term, chat logs are kept for between zero and ninety days as configured."
    finding, _ = review("renewal_notice", text)
    assert finding.params.get("term_months") in (None, 3), finding.params
    assert finding.params.get("term_months") != 0


def test_restoration_targets_without_remedy_are_weak() -> None:
    text = (
        "The Contractor will restore critical failures of the platform reported by the Client within four hours. "
        "These response and repair times are goals only and no credit or other remedy applies if they are missed."
    )
    check("service_credits", W, text)


def test_standard_named_only_as_a_report_copy_is_weak() -> None:
    text = "Upon request, the Vendor will share a copy of its most recent SOC 2 Type 1 report."
    check("security_obligations", W, text)


def test_standard_the_vendor_must_maintain_is_present() -> None:
    text = "The Vendor shall maintain an annual SOC 2 Type II attestation and share a copy of the report on request."
    check("security_obligations", P, text)


def test_retention_the_customer_chooses_does_not_weaken_a_deadline() -> None:
    text = (
        "1. Data\n"
        "1.1 Vendor shall delete Customer Data within thirty (30) days after termination of this Agreement.\n"
        "1.2 During the term, chat logs are kept for as long as the Customer's administrator selects, including "
        "indefinitely.\n"
    )
    check("data_retention", P, text, {"deletion_days": 30}, whole=True)


def test_document_pointing_at_another_document_of_its_own_kind() -> None:
    doc = parse_bytes(b"ORDER FORM\n1. Fees\n1.1 Fees are set out in the Order Form.\n", "order_form.txt")
    doc = doc.model_copy(update={"kind": DocumentKind.order_form})
    assert not target_missing("the Order Form", [doc])
    assert target_missing("the Order Form", [doc], source=doc)
    assert not target_missing("this Order Form", [doc], source=doc)


def test_markdown_glossary_terms_name_the_customer_data() -> None:
    text = (
        "# Terms\n\n## 1. Definitions\n\n"
        "- **Submissions** - documents, files and other material you upload to the Service.\n"
        "- **Model** - a machine learning model that powers the Service.\n\n"
        "## 2. Who owns what; model training\n\n"
        "2.1 As between us, the Customer owns all Submissions.\n"
    )
    check("data_ownership", P, text, whole=True, filename="terms.md")


def test_prohibition_from_training_is_not_a_training_right() -> None:
    text = (
        "1. Data\n1.1 Customer owns all Customer Data.\n"
        "1.2 Vendor's contracts with its hosting providers forbid them from keeping Customer Data longer than "
        "needed and from using it to train machine learning models.\n"
    )
    check("data_ownership", P, text, whole=True)


def test_usage_metrics_without_customer_data_are_not_misuse() -> None:
    text = (
        "1. Data\n1.1 Customer owns all Customer Data.\n"
        "1.2 Vendor may collect service metrics, such as request counts, that do not contain Customer Data, and "
        "use those usage metrics to improve the Service.\n"
    )
    check("data_ownership", P, text, whole=True)


def test_singular_client_material_is_customer_data() -> None:
    check("data_ownership", P, "All Client Material remains the exclusive property of the Client.")


def test_credit_cap_written_in_words() -> None:
    text = (
        "The Supplier shall make the Service available 99.9% of each month; service credits for any shortfall "
        "are capped at three per cent of the monthly fee."
    )
    check("service_credits", W, text, {"cap_percent": 3})


def test_early_termination_before_the_end_of_the_term_costing_all_fees() -> None:
    text = (
        "The Customer may terminate this Agreement prior to the expiry of the Initial Term by giving sixty (60) "
        "days' written notice and paying the fees that would have been payable for the remainder of the Initial Term."
    )
    check("termination_convenience", W, text)


def test_termination_as_a_trigger_is_not_a_convenience_right() -> None:
    text = "On expiry or termination of this Agreement for any reason, the Supplier shall return all Customer Data."
    check("termination_convenience", M, text)


def test_lock_in_by_ordinal_month() -> None:
    text = (
        "The Customer may terminate for convenience on sixty days' notice, but no such notice may take effect "
        "before the end of the thirty-sixth (36th) month of the Term."
    )
    check("termination_convenience", W, text, {"lockin_months": 36})


def test_fees_the_customer_is_not_liable_for_do_not_weaken_the_exit() -> None:
    text = (
        "The Client may terminate for convenience on 30 days' notice, and the Client is not liable for any fees "
        "that would have been payable for the remainder of the Term."
    )
    check("termination_convenience", P, text, {"notice_days": 30})


def test_ownership_through_a_pronoun_to_the_previous_sentence() -> None:
    text = (
        "1. Your stuff\n1.1 The spreadsheets and notes your team uploads are your content. You keep full "
        "ownership of them. We use them only to run the service for you.\n"
    )
    check("data_ownership", P, text, whole=True)


def test_ownership_pronoun_without_data_before_is_not_enough() -> None:
    text = "1. Brand\n1.1 The logo shown in the app is our trade mark. We own it.\n"
    check("data_ownership", M, text, whole=True)


def test_plain_english_break_in_with_conditional_negation_and_contraction() -> None:
    text = (
        "If anybody breaks into our systems and sees your data when they shouldn't, we'll tell you within "
        "three days at the latest."
    )
    check("incident_notification", P, text, {"hours": 72})


def test_a_party_named_provider_does_not_offer_reports() -> None:
    text = "The Service Provider shall maintain an annual SOC 2 Type II attestation covering the platform."
    check("audit_rights", M, text)


def test_a_report_the_vendor_sends_is_the_weak_fallback() -> None:
    text = "Each year the Supplier shall send the Client a copy of its SOC 2 Type II report."
    check("audit_rights", W, text)


def test_run_in_heading_does_not_count_as_a_service_level() -> None:
    text = (
        "PART C - COMMERCIAL TERMS\n\n"
        "C1. Fees. Fees are payable annually in advance.\n\n"
        "C2. Service levels. The availability targets and service credits for the Subscription are set out in the "
        "Acme Uptime Policy published on the support site.\n"
    )
    check("service_credits", U, text, whole=True)


def test_unilateral_change_by_a_defined_vendor_name() -> None:
    text = (
        'This agreement is between Brightfold Ltd ("Brightfold") as the vendor and the customer named in the order '
        '("Customer").\n\n1. Changes\n1.1 Brightfold may revise the Services and these Terms from time to time.\n'
    )
    check("change_notification", W, text, whole=True)


def test_access_restriction_with_possessives_and_recorded_entries() -> None:
    text = (
        "Access to the Customer's hosted racks by the Operator's engineers is restricted to named staff on a "
        "rota. Each entry into the data hall is recorded by the door controller, and the access records are "
        "kept for a year."
    )
    check("access_logging", P, text)


def test_sector_breach_vocabulary_with_a_long_outer_limit() -> None:
    text = (
        "Notice of a Breach of Unsecured Protected Health Information shall be given by the Processor to the "
        "Customer without unreasonable delay and in no case later than thirty (30) calendar days after discovery."
    )
    check("incident_notification", W, text, {"hours": 720})


def test_unauthorised_physical_entry_without_hours() -> None:
    text = (
        "The Operator shall notify the Customer as soon as reasonably practicable after becoming aware of any "
        "unauthorised entry into the Customer's cage."
    )
    check("incident_notification", W, text)
