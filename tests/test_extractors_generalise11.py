"""Eleventh generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: GDPR's "breach of the protection of Customer Data"; dash glossaries ("1.7. Incident - ...");
renewals "considered prolonged for each subsequent" period and terms "valid for" a period; logs of the
customer's users named by the family's own party names, "its own staff" and features the customer's
administrator is enabled to use; "log incidents" with a service desk; a duty "from the date of expiry or
termination ... for any reason"; usage data used together with pseudonymised customer data; evaluations
"for its other customers"; credits that "shall in no calendar month exceed five per cent (5 %)"; a next
sentence about fees is no exit period; a waiver of ordinary termination for a period is a lock-in.
"""

from __future__ import annotations

from tests.support.extractors import M, P, W, check

# --- incident notification ------------------------------------------------------------------------


def test_a_breach_of_the_protection_of_customer_data_is_an_incident() -> None:
    text = (
        "The Contractor shall inform the Client of any breach of the protection of Client Personal Data within "
        "thirty-six (36) hours after becoming aware of it."
    )
    check("incident_notification", P, text, {"hours": 36})


def test_an_incident_defined_in_a_dash_glossary_is_an_incident() -> None:
    text = (
        "1. TERMS AND DEFINITIONS\n1.4. Event - any unauthorised access to the Customer Data processed in the "
        "System.\n7. INFORMATION SECURITY\n7.2. In the event of an Event, the Executor shall notify the Customer "
        "within 2 (two) days from the moment of its detection.\n"
    )
    check("incident_notification", P, text, {"hours": 48}, whole=True)


# --- renewal notice ---------------------------------------------------------------------------------


def test_a_term_valid_for_months_considered_prolonged_each_subsequent_period() -> None:
    text = (
        "10. TERM\n10.1. The Agreement is valid for 24 (twenty-four) months from its signing.\n10.2. If neither "
        "Party notifies the other of its intention to terminate the Agreement not later than 60 (sixty) calendar "
        "days before the expiry of its term, the Agreement is considered prolonged for each subsequent 12 "
        "(twelve) months on the same conditions.\n"
    )
    check("renewal_notice", P, text, {"term_months": 24, "notice_days": 60}, whole=True)


# --- access & logging -------------------------------------------------------------------------------


def test_logs_of_the_customers_users_named_by_its_own_name_are_customer_side() -> None:
    text = (
        'PARTIES: Glenview Housing Association (the "Association") and Tenancy Cloud Ltd (the "Supplier").\n'
        "10. Security\n10.1 The Software enables the Association's System Administrator to assign permissions "
        "to Association users and to view an audit trail of the changes made by Association users.\n10.2 The "
        "Association controls access by its own staff; the Association's Key Users shall log incidents with the "
        "service desk.\n"
    )
    check("access_logging", M, text, whole=True)


# --- termination for convenience ------------------------------------------------------------------


def test_a_duty_from_the_date_of_termination_for_any_reason_is_no_exit_right() -> None:
    text = (
        "For a period of (45) forty-five days from the date of expiry or termination of this Contract for any "
        "reason, the Second Party shall make all First Party Data available for export."
    )
    check("termination_convenience", M, text)


def test_a_waiver_of_ordinary_termination_for_a_period_is_a_lock_in() -> None:
    text = (
        "(2) Either Party may terminate this Agreement by giving three months' notice to the end of a calendar "
        "quarter. The Parties waive the right of ordinary termination under this paragraph for a period of "
        "thirty (30) months from Go-Live."
    )
    finding = check("termination_convenience", W, text)
    assert finding.params["lockin_months"] == 30


# --- data ownership ---------------------------------------------------------------------------------


def test_usage_data_together_with_pseudonymised_customer_data_is_own_purpose_use() -> None:
    text = (
        "1. Data\n1.1 All rights in Customer Data remain with the Customer.\n1.2 The Contractor may use Usage Data "
        "and Learner Data in pseudonymised form to develop and improve its products and to prepare benchmark "
        "evaluations for its other customers.\n"
    )
    check("data_ownership", W, text, whole=True)


def test_usage_data_alone_for_improving_the_service_stays_present() -> None:
    text = (
        "1. Data\n1.1 All rights in Customer Data remain with the Customer.\n1.2 The Contractor may use Usage Data "
        "to operate and improve the Platform.\n"
    )
    check("data_ownership", P, text, whole=True)


# --- service credits --------------------------------------------------------------------------------


def test_credits_that_shall_in_no_month_exceed_five_per_cent_are_trivially_capped() -> None:
    text = (
        "5. Availability\n5.1 The Contractor shall ensure an availability of 99.5 % per calendar month.\n5.2 If "
        "availability falls below that value, the Customer shall receive a credit of one per cent (1 %) of the "
        "Monthly Fee for each half percentage point of shortfall. The total of all credits shall in no calendar "
        "month exceed five per cent (5 %) of the Monthly Fee.\n"
    )
    finding = check("service_credits", W, text, whole=True)
    assert finding.params["cap_percent"] == 5


# --- exit assistance --------------------------------------------------------------------------------


def test_a_return_on_request_followed_by_a_fee_sentence_has_no_period() -> None:
    text = (
        "Upon termination, the Provider shall, upon the Client's written request, return the Verification "
        "Records to the Client. The Monthly Minimum Fee remains payable for each month before termination "
        "takes effect."
    )
    finding = check("exit_assistance", W, text)
    assert finding.params.get("period_days") is None
