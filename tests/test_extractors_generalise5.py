"""Fifth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with at least two drafting styles written for these tests (not copied from any evaluation contract).

Mechanisms: the customer taking out whatever is its own on exit; defined terms whose meaning is the
customer's information; a notice window stated in the sentence after the change right; the window for
material changes deciding over the ordinary one; "at any time" changes of the service itself; more names
for a data breach; deadlines owed only to an authority; fixed, firm and base periods; a term's length in its
definition; open-ended continuations after a term; periodic plans; list prices before or after "renewal";
renewal caps stated in another clause; terms kept in an absent ordering document; bans on convenience
exits "for the duration of" a term; ending a schedule early; lead-ins that name termination as an event;
verification asides; reports "in lieu of" an audit; subcontract vocabulary (the vendor named
"Subcontractor", the prime contractor as customer); "information" is not notice; re-entrustment; owners
named by the family's own party names; "to the exclusion of"; rolling deletion limits; caps on
"compensation" and "penalties".
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import actor, family_roles
from tests.support.extractors import M, P, U, W, check

# --- exit: the customer takes out what is its own ----------------------------------------------


def test_exit_export_of_the_customers_own_things_by_any_name() -> None:
    text = (
        "For forty-five (45) days after this Agreement ends, the Customer may export its dashboards, "
        "survey responses and attachments through the reporting API in CSV format."
    )
    check("exit_assistance", P, text, {"period_days": 45})


def test_exit_download_of_the_contents_of_an_archive() -> None:
    text = (
        "You can download the contents of your Project Vault for ten (10) days after your plan is cancelled. "
        "After that, the vault is erased."
    )
    check("exit_assistance", W, text, {"period_days": 10})


def test_exit_export_at_the_customers_own_cost_is_not_an_offer_of_its_things() -> None:
    text = "On expiry the Customer must export its own costs report before the end date."
    check("exit_assistance", M, text)


# --- the customer's data under its own defined name -----------------------------------------------


def test_a_defined_term_meaning_the_customers_information_is_its_data() -> None:
    text = (
        '1. Definitions\n1.1 "Registers" means the information of the Client held in the Platform.\n\n'
        "2. Ownership\n2.1 The Registers are and remain the exclusive property of the Client.\n"
    )
    check("data_ownership", P, {"contract.txt": text})


def test_databases_are_data_for_return_and_deletion() -> None:
    text = (
        "Within twenty (20) days following the expiry of this Agreement, the Provider shall erase the "
        "client databases from its servers."
    )
    check("data_retention", P, text, {"deletion_days": 20})
    check("exit_assistance", W, "On termination the Provider shall deliver the databases to the Client.")


# --- change notification -----------------------------------------------------------------------


def test_a_notice_window_in_the_sentence_after_the_change_right() -> None:
    text = (
        "The Supplier may revise these terms of service. It will tell the Customer about any revision in "
        "writing no less than forty (40) days before it takes effect."
    )
    check("change_notification", P, text, {"notice_days": 40})


def test_a_window_for_material_changes_after_a_bare_change_right() -> None:
    text = (
        "We may update these Terms. For significant changes we will e-mail you at least ten (10) days "
        "before the changes apply."
    )
    check("change_notification", W, text, {"notice_days": 10})


def test_the_material_change_window_decides_over_the_ordinary_one() -> None:
    text = (
        "The Provider shall announce amendments of these terms on its portal five (5) days before they "
        "apply. Where an amendment is adverse to the Customer, the Provider shall give notice at least "
        "forty-five (45) days before it applies."
    )
    check("change_notification", P, text, {"notice_days": 45})


def test_a_short_material_window_stays_weak_even_beside_a_longer_ordinary_one() -> None:
    text = (
        "The Vendor shall notify changes to the Services sixty (60) days in advance; material changes to "
        "the Services may however be made on fifteen (15) days' notice."
    )
    check("change_notification", W, text, {"notice_days": 15})


def test_changing_the_service_itself_at_any_time_is_an_at_will_right() -> None:
    check("change_notification", W, "The Company may alter the functionality of the portal at any time.")
    check(
        "change_notification",
        W,
        "We can discontinue or replace features of the mobile app at any time and for any reason.",
    )


# --- incident notification -----------------------------------------------------------------------


def test_breach_of_data_or_network_security_is_an_incident() -> None:
    check(
        "incident_notification",
        P,
        "The Vendor shall inform the Customer of any breach of network security within thirty-six (36) hours.",
        {"hours": 36},
    )
    check(
        "incident_notification",
        P,
        "In case of a personal information breach the Processor shall notify the Controller within 2 days.",
        {"hours": 48},
    )


def test_a_deadline_owed_only_to_an_authority_is_not_the_customers() -> None:
    text = (
        "The Supplier shall report any Security Incident to the Information Commissioner within seventy-two "
        "(72) hours, and shall promptly inform the Customer of that report."
    )
    finding = check("incident_notification", W, text)
    assert "hours" not in finding.params
    text = (
        "The Contractor shall report cyber incidents to the Department of Energy within 24 hours; and will "
        "notify the Client without undue delay."
    )
    check("incident_notification", W, text)


def test_a_deadline_shared_with_the_customer_still_counts() -> None:
    text = (
        "The Supplier shall report any Security Incident to the supervisory authority and to the Customer "
        "within forty-eight (48) hours."
    )
    check("incident_notification", P, text, {"hours": 48})


# --- renewal and term ----------------------------------------------------------------------------


def test_firm_and_base_periods_are_terms() -> None:
    text = "This Contract is concluded for a firm period of twenty-four (24) months and then expires."
    check("renewal_notice", P, text, {"term_months": 24})
    text = "The base period of performance is eighteen (18) months. The contract expires at its end."
    check("renewal_notice", P, text, {"term_months": 18})


def test_a_term_stated_in_its_definition() -> None:
    text = (
        "1. Definitions\n1.1 **Committed Term** means the period stated in the Order, which is forty-eight "
        "(48) months unless the Order says otherwise.\n\n2. Term\n2.1 Each Order starts on delivery and "
        "runs for the Committed Term. After the Committed Term it continues from month to month until "
        "either party gives not less than sixty (60) days' written notice.\n"
    )
    check("renewal_notice", P, {"terms.md": text}, {"term_months": 48, "notice_days": 60})


def test_an_indefinite_continuation_after_the_term_is_a_renewal() -> None:
    text = (
        "This Agreement runs for an initial term of twenty-four (24) months. Thereafter it continues for an "
        "indefinite period and may be terminated by either party on four (4) months' notice."
    )
    check("renewal_notice", W, text, {"term_months": 24})


def test_a_continuation_with_no_term_is_no_term() -> None:
    text = "Your membership has no fixed duration. It continues from month to month until you cancel it."
    check("renewal_notice", M, text)


def test_annual_plans_state_a_twelve_month_term() -> None:
    # (cancelling any time before the renewal date is the shortest possible window: present, as the seventh and
    # eleventh sets label it)
    text = "Annual subscriptions renew automatically unless you cancel them before the renewal date."
    check("renewal_notice", P, text, {"term_months": 12})


def test_list_prices_named_before_the_price_word_are_an_uplift() -> None:
    text = (
        "The Subscription Term is twelve (12) months and renews for successive twelve (12) month periods "
        "unless either party gives notice of non-renewal at least thirty (30) days before the end of the "
        "term. Renewal periods are invoiced at the Vendor's then-current list rates."
    )
    check("renewal_notice", W, text, {"term_months": 12, "notice_days": 30})


def test_a_renewal_cap_in_another_clause_bounds_an_increase() -> None:
    text = (
        "1. Fees\n1.1 The Vendor may increase the fees for the next renewal term on thirty (30) days' notice.\n\n"
        "2. Term\n2.1 The initial term is twelve (12) months and renews for successive twelve (12) month "
        "periods unless either party gives notice of non-renewal at least sixty (60) days before the end of "
        "the term. 2.2 Renewal fees shall not exceed the prior year's fees by more than four percent (4%).\n"
    )
    check("renewal_notice", P, {"msa.txt": text}, {"term_months": 12, "notice_days": 60})


def test_a_term_kept_in_an_absent_ordering_document_is_unclear() -> None:
    check("renewal_notice", U, "The service period shall be as set out in the Service Application Form.")
    check("renewal_notice", U, "The subscription term is as specified in the Ordering Document.")


# --- termination for convenience -----------------------------------------------------------------


def test_a_ban_for_the_duration_of_a_long_term_is_a_lock_in() -> None:
    text = (
        "This Agreement runs for a minimum term of forty-eight (48) months. Termination for convenience is "
        "excluded for the duration of the minimum term."
    )
    check("termination_convenience", W, text)
    text = (
        "The Contract has a firm period of thirty (30) months. The Client may not terminate for convenience "
        "before the expiry of the firm period; afterwards it may terminate at any time on two (2) months' notice."
    )
    check("termination_convenience", W, text)


def test_ending_a_schedule_before_the_end_of_the_term_on_notice() -> None:
    text = (
        "You may end a Rental Schedule before the end of its Minimum Term by giving sixty (60) days' notice "
        "and paying all rental charges for the remainder of the Minimum Term."
    )
    check("termination_convenience", W, text)


def test_a_lead_in_naming_termination_as_an_event_grants_nothing() -> None:
    text = (
        "9. Effects of Termination\n9.1 On termination of this Agreement for any reason:\n"
        "(a) the Client shall pay for the Services delivered up to the termination date;\n"
        "(b) the Provider shall return the Client's documents.\n"
    )
    check("termination_convenience", M, {"contract.txt": text})


# --- audit rights -----------------------------------------------------------------------------------


def test_the_party_inside_what_is_to_be_verified_is_not_the_auditor() -> None:
    text = (
        "The Business may take reasonable steps to verify that the Service Provider processes the data "
        "lawfully, including audits of the Service Provider's systems once a year."
    )
    roles = family_roles([parse_bytes(f"1. General\n1.1 {text}\n".encode(), "c.txt")])
    pos = text.index("audits")
    assert actor(text, pos, pos + 6, roles) != "vendor"
    text = (
        "Customer may, to confirm whether Vendor complies with this DPA, audit Vendor's records on thirty "
        "(30) days' notice."
    )
    check("audit_rights", P, text, {"notice_days": 30})


def test_reports_in_lieu_of_an_audit_are_weak() -> None:
    text = (
        "The Vendor provides its ISO 27001 certificate annually. It is provided in place of any audit by the "
        "Customer, and the Customer has no other right to audit the Vendor."
    )
    check("audit_rights", W, text)
    text = "Our SOC 2 Type II report is made available instead of on-site inspections by customers."
    check("audit_rights", W, text)


# --- subprocessors ---------------------------------------------------------------------------------

SUBCONTRACT = (
    'This Subcontract is made between Harlow Systems Corp. ("Prime" or "Harlow") and Tidewater Apps LLC '
    '("Subcontractor"). Subcontractor will provide hosted software to support Prime.\n\n'
)


def test_a_vendor_named_subcontractor_is_not_a_subprocessor() -> None:
    text = SUBCONTRACT + (
        "1. Notices\n1.1 Prime may extend this Subcontract by written notice to Subcontractor at least "
        "thirty (30) days before the end of the current period. 1.2 Subcontractor shall inform Prime's "
        "Subcontracts Manager of any change of address.\n"
    )
    check("subprocessor_disclosure", M, {"subcontract.txt": text})


def test_a_lower_tier_subcontractor_still_counts() -> None:
    text = SUBCONTRACT + (
        "1. Lower tiers\n1.1 Subcontractor shall notify Prime at least twenty (20) days before engaging a "
        "new subcontractor to process Government data.\n"
    )
    check("subprocessor_disclosure", W, {"subcontract.txt": text}, {"notice_days": 20})


def test_prime_is_the_customer_of_a_subcontract() -> None:
    roles = family_roles([parse_bytes(SUBCONTRACT.encode(), "subcontract.txt")])
    assert roles.customer.fullmatch("Prime") and roles.customer.fullmatch("Harlow")
    assert roles.vendor.fullmatch("Subcontractor")


def test_confidential_information_shared_with_subcontractors_is_not_notice() -> None:
    text = (
        "The Supplier may share confidential information with its staff and subcontractors who need to know "
        "it and are bound by confidentiality."
    )
    check("subprocessor_disclosure", M, text)


def test_re_entrustment_is_subprocessing() -> None:
    text = (
        "The Company shall notify the Customer thirty (30) days before re-entrusting the processing to "
        "another company, and the Customer may object to the re-entrustment. The re-entrusted companies are "
        "listed in Annex 2."
    )
    check("subprocessor_disclosure", P, text, {"notice_days": 30})


# --- data ownership -------------------------------------------------------------------------------


def test_the_owner_named_by_the_familys_party_names() -> None:
    text = SUBCONTRACT + (
        "1. Data\n1.1 As between the parties, all Program Data is the property of the Government or Prime.\n"
    )
    check("data_ownership", P, {"subcontract.txt": text})
    text = (
        'Atlas Freight GmbH ("Atlas") engages Nimbus Cloud Ltd ("Vendor").\n\n1. Data\n1.1 All Shipment '
        "Data is the property of Atlas.\n"
    )
    check("data_ownership", P, {"agreement.txt": text})
    parties = 'Atlas Freight GmbH ("Atlas" or "Customer") and Nimbus Cloud Ltd ("Nimbus" or "Provider").\n\n'
    text = parties + "1. Data\n1.1 All Shipment Data is the property of Nimbus.\n"
    check("data_ownership", M, {"agreement.txt": text})


def test_use_to_the_exclusion_of_any_other_use_is_a_limit() -> None:
    text = (
        "The Client remains the owner of the Client Data. The Provider may use the Client Data only to run "
        "the Services, to the exclusion of any other use, including any commercial exploitation."
    )
    check("data_ownership", P, text)


# --- data retention ---------------------------------------------------------------------------------


def test_a_rolling_retention_limit_is_a_deletion_deadline() -> None:
    text = (
        "Customer content sent to the API is kept for no more than fourteen (14) days for abuse review, "
        "after which it is deleted."
    )
    check("data_retention", P, text, {"deletion_days": 14})
    text = "Uploaded data is stored for up to sixty (60) days and then erased automatically."
    check("data_retention", P, text, {"deletion_days": 60})


# --- service credits ---------------------------------------------------------------------------------


def test_a_cap_on_compensation_or_penalties_caps_the_credits() -> None:
    text = (
        "The Company shall maintain availability of 99.9% per month. For each hour below that level the "
        "Company shall compensate the Customer with a service credit of 1% of the monthly fee. The total "
        "compensation in any month shall not exceed four percent (4%) of the monthly fee."
    )
    check("service_credits", W, text, {"cap_percent": 4})
    text = (
        "The platform shall be available 99.5% of the time. Penalties apply at 2% of the monthly charge per "
        "hour of unavailability beyond the threshold. Penalties are capped at 3% of the monthly charge."
    )
    check("service_credits", W, text, {"cap_percent": 3})


# --- security obligations ---------------------------------------------------------------------------


def test_security_measured_against_the_vendors_own_practice_is_weak() -> None:
    text = (
        "The Provider shall implement technical and organisational security measures no less than those "
        "it applies to protect its own business records."
    )
    check("security_obligations", W, text)
    text = (
        "The Supplier shall protect the Client Data with security safeguards offering the same degree of care "
        "as it uses for its own systems."
    )
    check("security_obligations", W, text)


def test_the_same_care_for_confidential_information_alone_is_not_security() -> None:
    text = (
        "Each party shall protect the other's confidential information with the same degree of care as it "
        "uses for its own confidential information."
    )
    check("security_obligations", M, text)


def test_the_vendor_retrieving_its_own_things_is_no_exit_help() -> None:
    text = "After termination the Provider may retrieve its routers from the Customer's site."
    check("exit_assistance", M, text)


def test_an_annual_fee_is_not_an_annual_term() -> None:
    check("renewal_notice", M, "The annual subscription fee is payable in advance. Prices are in euros.")
