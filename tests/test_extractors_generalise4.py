"""Fourth generalisation pass of the rule extractors: one test per general mechanism fixed, each with
drafting written for these tests (not copied from any evaluation contract).

Mechanisms: lettered parties of translated drafting ("Party A" / "Party B") and the asides that separate a
subject from its verb, "leakage" of data as an incident, "immediately" as no stated time, "good industry
practice" security, personnel vetting as an access control, "Neither party may", titled agreements ended
"at any time", unauthorised persons as the agent of a breach, summaries of the vendor's own audits, a
regulator's access to the vendor's books, rights kept in an absent framework or master agreement, use "for
any purpose other than" the services, credits "not applicable", disclaimed service levels, lists of what may
change, the vendor's own records, subprocessor pages, statements of work that expire, plural subscriptions
that run for a term, exit plans to be agreed and attached later, lists kept in other titled terms, and the
removal of a customer's equipment on exit.
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import actor, family_roles
from tests.support.extractors import M, P, U, W, check

# --- who is who ---------------------------------------------------------------------------------

LETTERED = (
    'Sakuragawa Foods K.K. (hereinafter "Party A") and Tobira Data K.K. (hereinafter "Party B") conclude '
    "this agreement concerning the hosted ordering system operated by Party B and used by Party A.\n\n"
)


def test_lettered_parties_take_their_roles_from_the_recitals() -> None:
    roles = family_roles([parse_bytes(LETTERED.encode(), "agreement.txt")])
    assert roles.vendor.fullmatch("Party B") and roles.customer.fullmatch("Party A")


def test_lettered_parties_without_a_supplier_stay_unassigned() -> None:
    text = '(hereinafter "Party A") and (hereinafter "Party B") agree as follows.\n\n1. Scope\n1.1 Terms.\n'
    roles = family_roles([parse_bytes(text.encode(), "c.txt")])
    assert not roles.vendor.fullmatch("Party A") and not roles.vendor.fullmatch("Party B")


def test_a_party_inside_a_purpose_aside_is_not_the_subject() -> None:
    text = LETTERED + (
        "Article 12 (Inspection)\n\n1. Party A may, in order to verify the protection of records by Party B, "
        "inspect the data centre of Party B upon notice given twenty (20) days in advance.\n"
    )
    check("audit_rights", P, {"agreement.txt": text}, {"notice_days": 20})


def test_a_party_inside_a_manner_aside_is_not_the_subject() -> None:
    text = (
        "The Provider may use the Customer Data, in a form that does not name the Customer, to build and "
        "train machine learning models for its other products."
    )
    roles = family_roles([parse_bytes(f"1. General\n1.1 {text}\n".encode(), "c.txt")])
    pos = text.index("train")
    assert actor(text, pos, pos + 5, roles) == "vendor"
    body = "The Customer Data remains the property of the Customer. " + text
    check("data_ownership", W, body)


# --- incidents ------------------------------------------------------------------------------------


def test_leakage_of_information_is_an_incident() -> None:
    text = (
        "If leakage or loss of the personal information entrusted to the Supplier is discovered, the Supplier "
        "shall report it to the Customer within forty-eight (48) hours."
    )
    check("incident_notification", P, text, {"hours": 48})


def test_immediately_is_no_stated_time() -> None:
    text = (
        "The Vendor shall immediately inform the Customer of any security incident affecting Customer Data."
    )
    finding = check("incident_notification", W, text)
    assert "immediately" in finding.reason


def test_access_by_an_unauthorised_person_is_a_breach() -> None:
    text = (
        "The Operator shall notify the Client within thirty-six (36) hours whenever personal information it "
        "processes has been disclosed or acquired by an unauthorised third party."
    )
    check("incident_notification", P, text, {"hours": 36})


# --- security and access --------------------------------------------------------------------------


def test_good_industry_practice_aimed_at_security_is_general_security() -> None:
    text = "The Contractor shall safeguard Authority Data in line with good industry practice."
    check("security_obligations", W, text)


def test_good_industry_practice_for_the_services_alone_is_not_security() -> None:
    text = "The Contractor shall perform the Services in accordance with good industry practice."
    check("security_obligations", M, text)


def test_personnel_vetting_is_an_access_control() -> None:
    text = (
        "Every Contractor employee assigned to the account must hold a current security clearance before "
        "working with Authority Data."
    )
    check("access_logging", W, text)
    check(
        "access_logging", W, "Supplier staff are vetted by the national police service before starting work."
    )


# --- audit ----------------------------------------------------------------------------------------


def test_a_summary_of_the_vendors_own_audit_findings_is_weak() -> None:
    text = (
        "Once a year the Processor will share with the Controller the results of the latest external SOC 2 "
        "audit of its hosting platform."
    )
    check("audit_rights", W, text)


def test_books_open_to_a_regulator_are_an_audit_right() -> None:
    text = (
        "The Supplier shall make its books, records and internal procedures relating to the Services available "
        "to the Customer's supervisory authority on request."
    )
    check("audit_rights", P, text)


def test_books_kept_without_access_are_no_audit_right() -> None:
    text = "The Supplier shall keep complete books and records of the Services for seven (7) years."
    check("audit_rights", M, text)


def test_audit_rights_in_an_absent_framework_agreement_are_unclear() -> None:
    texts = {
        "order.txt": (
            "ORDER\n\n1. Assurance\n1.1 The Authority's rights of audit are set out in clause 21 of the Framework "
            "Agreement, which is incorporated into this Order.\n"
        )
    }
    check("audit_rights", U, texts)


# --- termination and renewal ----------------------------------------------------------------------


def test_neither_party_may_terminate_for_convenience() -> None:
    check("termination_convenience", M, "Neither party may terminate this Agreement for convenience.")


def test_ending_a_titled_contract_at_any_time_is_a_convenience_exit() -> None:
    text = "The Authority may end this Master Supply Contract at any time on sixty (60) days' written notice."
    check("termination_convenience", P, text, {"notice_days": 60})


def test_termination_only_under_an_absent_master_agreement_is_unclear() -> None:
    texts = {
        "sow.md": (
            "# Statement of Work 7\n\n## 1. Services\n\n1.1 The Consultant will configure the reporting "
            "platform.\n\n## 2. Ending this SOW\n\n2.1 This SOW may be terminated only as provided in Section 9 "
            "of the Master Agreement.\n"
        )
    }
    check("termination_convenience", U, texts)


def test_termination_under_a_statute_is_not_unclear() -> None:
    text = "The Council may terminate this Contract only in accordance with Regulation 73 of the 2016 Regulations."
    check("termination_convenience", M, text)


def test_a_statement_of_work_that_expires_on_a_date_is_a_fixed_term() -> None:
    text = "This SOW begins on 1 March 2027 and expires on 31 August 2027 unless extended in writing."
    check("renewal_notice", P, text, {"auto_renewal": False})


def test_plural_subscriptions_that_run_for_a_period_state_the_term() -> None:
    text = (
        "Yearly plans run for twelve (12) months from activation and renew automatically unless you turn off "
        "renewal at least fourteen (14) days before the renewal date."
    )
    check("renewal_notice", P, text, {"term_months": 12, "notice_days": 14})


# --- data -------------------------------------------------------------------------------------------


def test_use_for_no_purpose_other_than_the_services_is_no_misuse() -> None:
    text = (
        "All Client Data belongs to the Client. The Integrator shall not use Client Data, or any reports or "
        "extracts derived from it, to benchmark its tools or to compile statistics for its other clients, or for "
        "any purpose other than delivering the Services."
    )
    check("data_ownership", P, text)


def test_the_vendors_own_access_records_are_not_data_retention() -> None:
    text = "The Provider shall retain the entry logs of the data hall for two (2) years after termination."
    check("data_retention", M, text)


def test_records_kept_together_with_customer_content_are_retention() -> None:
    text = "We keep billing records and your content for as long as we consider necessary for our business purposes."
    check("data_retention", W, text)


def test_payroll_records_kept_after_termination_are_the_customers_data() -> None:
    text = "The Provider shall retain all payroll records of the Customer's data for seven (7) years after termination."
    check("data_retention", W, text)


# --- service credits ----------------------------------------------------------------------------------


def test_credits_marked_not_applicable_leave_the_target_without_remedy() -> None:
    texts = {
        "order.md": (
            "# Order\n\n1. **Availability:** the Platform will be available 99.7% of each calendar month.\n\n"
            "2. **Service credits:** not applicable.\n"
        )
    }
    check("service_credits", W, texts, {"availability_percent": 99.7})


def test_disclaimed_service_levels_outweigh_a_target_with_no_value() -> None:
    text = (
        "We do not offer service levels or uptime commitments for the Exchange. If a seller fails to respond "
        "to a support ticket within the time shown on its page, you may ask us to chase the seller."
    )
    check("service_credits", M, text)


# --- change notification -------------------------------------------------------------------------------


def test_a_listed_change_object_is_a_change_of_the_service() -> None:
    text = (
        "The Operator shall give the Customer at least forty-five (45) days' written notice of any change to "
        "the House Rules, the rates for cross-connects, or the Services."
    )
    check("change_notification", P, text, {"notice_days": 45})


# --- subprocessors -------------------------------------------------------------------------------------


def test_a_subprocessor_page_at_an_address_is_the_list() -> None:
    text = (
        "All of our sub-processors are shown on our sub-processors page at acme.example/legal/subprocessors. "
        "We email you at least thirty (30) days before we add one, and you may object within that time."
    )
    check("subprocessor_disclosure", P, text, {"notice_days": 30})


def test_subprocessors_described_in_other_titled_terms_are_unclear() -> None:
    texts = {
        "buyer_terms.txt": (
            "BUYER TERMS\n\n1. Sellers\n1.1 Each Seller's use of subprocessors is described in the Seller "
            "Privacy Terms shown on its storefront.\n"
        )
    }
    check("subprocessor_disclosure", U, texts)


# --- exit ------------------------------------------------------------------------------------------


def test_an_exit_plan_to_be_agreed_and_attached_later_is_unclear() -> None:
    texts = {
        "order.md": (
            "# Order\n\n4. **Exit Plan:** to be prepared by the Supplier within two months of the Start Date "
            "and attached as Annex 5.\n"
        ),
        "terms.txt": (
            "TERMS\n\n1. Exit\n1.1 On expiry the Supplier must deliver the exit services described in the Exit "
            "Plan at Annex 5.\n"
        ),
    }
    check("exit_assistance", U, texts)


def test_access_to_remove_the_customers_servers_on_exit_is_short_exit_help() -> None:
    text = (
        "For seven (7) days after termination the Provider shall let the Customer's engineers into the suite to "
        "remove the Customer's servers."
    )
    check("exit_assistance", W, text, {"period_days": 7})
