"""Ninth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each with
drafting written for these tests (not copied from any evaluation contract).

Mechanisms: a notice whose recipient is the vendor is not the vendor's notice; "information" is no notice word;
access controls the customer operates with the product are customer-side, and a log of the customer's own users
is a product feature; "interactions are recorded" is no access record; a lock-in to the "fifth (5th)
anniversary"; a convenience ban that lasts through every renewal term; "non-refundable" fees for the rest of the
term; an agreement that runs "until terminated" has no term to renew; a retention carve-out's period is no
deletion deadline, and deletion under the vendor's own retention schedule is weak; "such de-identified data"
after a sentence about the customer's data; the customer's own internal audits; "then-current standard rates".
"""

from __future__ import annotations

from tests.support.extractors import M, P, W, check

# --- notices to the vendor ------------------------------------------------------------------------


def test_the_customer_notifying_the_vendor_is_the_wrong_way_even_unnamed() -> None:
    text = (
        "The Hospital Group shall notify Supplier within twelve (12) hours of becoming aware of any security "
        "incident affecting its own network."
    )
    check("incident_notification", M, text)


def test_letting_the_vendor_know_of_a_change_is_the_wrong_way() -> None:
    text = (
        "You must give us the information we need to configure the service and let us know about any change "
        "to your tariff structure at least sixty (60) days before it applies."
    )
    check("change_notification", M, text)


# --- access & logging -------------------------------------------------------------------------------


def test_controls_the_customer_operates_and_logs_of_its_users_are_customer_side() -> None:
    text = (
        "1. Platform\n1.1 The console allows the Client's administrator to create roles and to restrict access "
        "to dashboards by team.\n1.2 The platform keeps a log of the activity of the Client's users, which the "
        "Client's administrator can export.\n1.3 All customer interactions are recorded and stored for quality "
        "purposes.\n"
    )
    check("access_logging", M, text, whole=True)


def test_the_vendors_own_least_privilege_and_admin_access_logs_stay_present() -> None:
    text = (
        "The Supplier shall restrict access to Customer Data to personnel on a least-privilege basis and shall "
        "log all administrator access to the production systems."
    )
    check("access_logging", P, text)


# --- termination for convenience ------------------------------------------------------------------


def test_a_lock_in_to_an_anniversary_written_twice_is_weak() -> None:
    text = (
        "Either party may terminate this Agreement without cause on six (6) months' written notice, provided "
        "that such notice shall not expire before the third (3rd) anniversary of the Start Date."
    )
    finding = check("termination_convenience", W, text)
    assert finding.params["lockin_months"] == 36


def test_a_ban_through_every_renewal_term_leaves_no_convenience_right() -> None:
    text = (
        "The Customer shall have no right to terminate this Agreement for convenience before the expiry of the "
        "Initial Term or of any Renewal Term."
    )
    check("termination_convenience", M, text)


def test_non_refundable_fees_for_the_rest_of_the_term_make_the_exit_weak() -> None:
    text = (
        "You may cancel your subscription at any time from your account page. Cancellation takes effect at the "
        "end of the billing month, but fees for the remainder of the Subscription Term remain payable and are "
        "non-refundable."
    )
    check("termination_convenience", W, text)


# --- renewal notice ---------------------------------------------------------------------------------


def test_an_agreement_until_terminated_with_a_minimum_period_has_no_renewal() -> None:
    text = (
        '1. Definitions\n1.1 "Minimum Period" means the period of twenty-four (24) months from the Start Date.\n'
        "2. Term\n2.1 This Agreement shall continue in force until terminated in accordance with clause 9.\n"
    )
    check("renewal_notice", M, text, whole=True)


def test_renewal_at_then_current_standard_rates_is_uncapped() -> None:
    text = (
        "This Agreement renews automatically for successive one (1) year terms unless either party gives sixty "
        "(60) days' notice of non-renewal. Fees for each renewal term shall be the Vendor's then-current standard "
        "rates."
    )
    check("renewal_notice", W, text, whole=True)


# --- data retention ---------------------------------------------------------------------------------


def test_a_retention_carve_out_is_no_deadline_and_the_vendors_schedule_is_weak() -> None:
    text = (
        "After termination the Provider shall delete Customer Data in accordance with the Provider's standard "
        "data retention schedule, save that the Provider may retain signed audit certificates for up to seven "
        "(7) years."
    )
    finding = check("data_retention", W, text)
    assert finding.params.get("deletion_days") is None


# --- data ownership ---------------------------------------------------------------------------------


def test_such_de_identified_data_used_for_any_purpose_undercuts_ownership() -> None:
    text = (
        "1. Data\n1.1 The Practice owns all Practice Data. The Vendor may de-identify Practice Data in accordance "
        "with law.\n1.2 The Vendor may use such de-identified data for any lawful purpose, including to build "
        "benchmarking products.\n"
    )
    check("data_ownership", W, text, whole=True)


# --- audit rights -----------------------------------------------------------------------------------


def test_the_customers_own_internal_audits_are_no_audit_of_the_vendor() -> None:
    text = (
        "The ledger module keeps a history of every posting, which the Customer's finance team can export for "
        "its own internal and statutory audits."
    )
    check("audit_rights", M, text)
