"""Thirteenth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: HIPAA's "Business Associate" and "Covered Entity" as party names, and PHI as the data to destroy;
"perform control of the Provider's premises" as an audit; an audit the product enables the customer to run on
third parties is a feature; a "Data Protection Commission" is an authority; a term "for a definite period" that
"shall not be extended automatically"; renewal fees at the vendor's "standard rates prevailing"; an onboarding
migration is no exit assistance; the vendor's licence check of the customer is no access control; a log that is
itself Customer Data is content, not an access log.
"""

from __future__ import annotations

from tests.support.extractors import M, P, W, check

# --- HIPAA business associate terms -----------------------------------------------------------------


def test_a_business_associate_destroying_phi_after_termination() -> None:
    text = (
        "Within forty-five (45) days after termination of the Agreement, Business Associate shall destroy all PHI "
        "received from, or created or received by Business Associate on behalf of, Covered Entity."
    )
    check("data_retention", P, text, {"deletion_days": 45})


# --- audit rights -----------------------------------------------------------------------------------


def test_performing_control_of_the_providers_premises_is_an_audit() -> None:
    text = (
        "The Bank and its external auditor shall have the right to perform control of the Provider's premises, "
        "systems and records relating to the Services, announced at least 10 (ten) days in advance."
    )
    check("audit_rights", P, text, {"notice_days": 10})


def test_an_audit_feature_of_the_product_is_no_audit_right() -> None:
    text = (
        "The Services enable Customer to audit members' compliance with its dues rules and to send reminders."
    )
    check("audit_rights", M, text)


# --- incident notification ------------------------------------------------------------------------


def test_the_customers_clock_to_a_data_protection_commission_is_not_the_vendors() -> None:
    text = (
        "1. Breaches\n1.1 The Supplier shall notify the Credit Union without undue delay on becoming aware of any "
        "security breach.\n1.2 The Supplier acknowledges that the Credit Union may be required to notify the Data "
        "Protection Commission of a personal data breach within 72 hours and shall co-operate with it.\n"
    )
    finding = check("incident_notification", W, text, whole=True)
    assert finding.params.get("hours") is None


# --- renewal notice ---------------------------------------------------------------------------------


def test_a_definite_period_that_is_not_extended_automatically_is_a_fixed_term() -> None:
    text = (
        "20. Term\n20.1 This Agreement is concluded for a definite period of 4 (four) years from the Go-Live Date. "
        "The Agreement shall not be extended automatically.\n"
    )
    check("renewal_notice", P, text, {"term_months": 48}, whole=True)


def test_renewal_at_the_vendors_prevailing_standard_rates_is_uncapped() -> None:
    text = (
        "This Agreement renews automatically for successive one (1) year periods unless either party gives sixty "
        "(60) days' notice of non-renewal. The Fees for each Renewal Term shall be the Provider's standard rates "
        "prevailing at the start of that Renewal Term."
    )
    check("renewal_notice", W, text, whole=True)


# --- exit assistance --------------------------------------------------------------------------------


def test_migrating_into_a_replacement_system_on_termination_stays_exit_assistance() -> None:
    text = (
        "On termination the Provider shall assist the Client in migrating the Client Data into the replacement "
        "system chosen by the Client for a period of sixty (60) days."
    )
    check("exit_assistance", P, text, {"period_days": 60})


def test_an_onboarding_migration_is_no_exit_assistance() -> None:
    text = (
        "Migration of the legacy case files from the Client's file shares into the platform before the Service "
        "Commencement Date, in accordance with a migration plan approved by the Client."
    )
    check("exit_assistance", M, text)


# --- access & logging -------------------------------------------------------------------------------


def test_a_licence_check_and_a_log_that_is_customer_data_are_no_access_controls() -> None:
    text = (
        "7. Platform\n7.1 The Provider may, once a year, audit the Customer's use of the Platform to verify that "
        "only Authorised Users have access to it.\n7.2 The Trade Log is Customer Data.\n"
    )
    check("access_logging", M, text, whole=True)
