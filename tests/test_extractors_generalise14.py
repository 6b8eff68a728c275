"""Fourteenth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: a side already named by a role word ('(the "Vendor" or the "Supplier")') takes no unknown alias;
an order form's field label ('**Customer:** ... (the "Union")'); unquoted numbered definitions with "means"
('1.6. Major Incident means ...'); a penalty of the monthly price "multiplied by the number of months
remaining"; "we'll post the updated Terms at example.com/terms" is posting online; credits capped "per month";
a data definition as "all information that X loads into the Platform"; the customer's own audit notice before a
neighbouring or regulator's notice; terms stated as an operating period or "concluded for a definite period";
a run-in heading that names renewal does not hide the initial term.
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import family_roles
from tests.support.extractors import P, W, check


def test_a_side_named_by_role_words_leaves_the_other_alias_to_the_other_side() -> None:
    text = (
        'BETWEEN: HIGHLAND TELECOM LIMITED, a mobile operator (the "Carrier")\n\nAND\n\nPAYBRIDGE PTE. LTD. '
        '(the "Vendor" or the "Supplier")\n\n10. Security\n10.1 The Vendor shall notify the Carrier of any '
        "breach of security within two (2) Business Days of becoming aware of it.\n"
    )
    assert family_roles([parse_bytes(text.encode(), "agreement.txt")]).role_of("Carrier") == "customer"
    check("incident_notification", P, text, {"hours": 48}, whole=True)


def test_an_order_form_field_label_names_the_role() -> None:
    text = (
        '# Order Form\n\n**Customer:** Riverside Students\' Association, a registered charity (the "Association")'
        "\n\n**Supplier:** Clubhub Ltd\n\n## 2. Ending\n\n2.1 The Association may end this agreement at the end of "
        "any academic year by giving at least 60 days' written notice, for any reason.\n"
    )
    assert family_roles([parse_bytes(text.encode(), "order_form.md")]).role_of("Association") == "customer"
    check("termination_convenience", P, text, whole=True, filename="order_form.md")


def test_an_unquoted_numbered_definition_names_an_incident() -> None:
    text = (
        "1. DEFINITIONS\n1.4. Critical Event means any security incident affecting the confidentiality of the "
        "Client Data.\n8. REPORTING\n8.1. The Provider shall notify the Client of any Critical Event no later than "
        "six (6) hours after its detection.\n"
    )
    check("incident_notification", P, text, {"hours": 6}, whole=True)


def test_a_penalty_of_the_monthly_price_times_the_months_remaining_is_all_remaining_fees() -> None:
    text = (
        "THE COOPERATIVE may terminate this Contract early, without expressing cause, by written notice sixty (60) "
        "days in advance. In that case THE COOPERATIVE shall pay, as a penalty, the average monthly price "
        "multiplied by the number of months remaining until the end of the Initial Term."
    )
    check("termination_convenience", W, text)


def test_posting_updated_terms_at_a_web_address_is_a_change_at_will() -> None:
    text = (
        "1. Changes\n1.1 We may update these Terms or the Platform at any time. We'll post the updated Terms at "
        "example.com/terms and, where we think a change is significant, we'll also let you know in the Platform.\n"
    )
    check("change_notification", W, text, whole=True)


def test_credits_that_shall_not_exceed_per_month_five_percent_are_trivially_capped() -> None:
    text = (
        "6. Availability\n6.1 The Provider commits to an availability rate of 99.5%.\n6.2 For each tranche of 0.5% "
        "of unavailability the Provider shall owe a penalty of one percent (1%) of the monthly fee. The total "
        "amount of the penalties shall not exceed, per month, five percent (5%) of the monthly fee.\n"
    )
    finding = check("service_credits", W, text, whole=True)
    assert finding.params["cap_percent"] == 5


def test_a_data_definition_as_information_loaded_by_the_customer() -> None:
    text = (
        '1. Definitions\nb) "Registros del Cliente": all information that THE CLIENT or its Users load into the '
        "Platform.\n10. Ownership\n10.1. The Registros del Cliente are and shall remain the exclusive property of "
        "THE CLIENT.\n"
    )
    check("data_ownership", P, text, whole=True)


# --- parameters ---------------------------------------------------------------------------------------


def test_the_audit_notice_is_the_customers_not_a_neighbouring_or_regulators_notice() -> None:
    text = (
        "5. Audit\n5.1 The Sponsor may audit the Vendor's facilities and records upon thirty (30) days' written "
        "notice, not more than once in any twelve-month period.\n5.2 The Vendor shall allow any regulatory "
        "authority to inspect the Vendor's facilities on one (1) day's notice.\n5.3 Each party shall designate "
        "a contact who answers audit questions within two (2) Business Days.\n"
    )
    check("audit_rights", P, text, {"notice_days": 30}, whole=True)


def test_terms_stated_as_an_operating_period_or_concluded_for_a_definite_period() -> None:
    text = "14. Duration\n14.1 The operating period runs for thirty-six (36) months from Acceptance.\n"
    check("renewal_notice", P, text, {"term_months": 36}, whole=True)
    text = (
        "Article 20\n(1) This Agreement enters into force on signature by both Parties and is concluded for a "
        "definite period of 3 (three) years from the Go-Live Date. The Agreement shall not be extended "
        "automatically.\n"
    )
    check("renewal_notice", P, text, {"term_months": 36}, whole=True)


def test_a_run_in_heading_naming_renewal_does_not_hide_the_initial_term() -> None:
    text = (
        "**FIFTH: Term and renewal.** The Contract shall have an initial term of eighteen (18) months from the "
        "Go-Live Date. It shall be renewed automatically for successive periods of twelve (12) months, unless "
        "either party gives notice of non-renewal at least sixty (60) days before the expiry of the term.\n"
    )
    check("renewal_notice", P, text, {"term_months": 18, "notice_days": 60}, whole=True, filename="c.md")
