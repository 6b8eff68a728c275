"""Fifteenth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: a report due "within N days of the change" (or "after implementation") is no advance notice; units
counted in Gregorian years or consecutive months; a period from "the final date of the contract period" or "from
the end of the Contract" is no term, "remains in force for 36 months" is; a schedule table read row by row; how
often an exit plan is tested is no exit period; exports "in DOCX or JSON format", data the vendor "will keep
available" for export, runout periods; "the End Date"; general security terms ("industry-standard practices",
"the rules of the art"); the functionalities of a Solution, tariffs and fee adjustments need change notice, an
index formula is no change right, a change that "takes effect N days after publication" gives N days' notice,
and the family's defined change term counts; "neither Contracting Party may"; "non-cancellable"; placeholder
schedules ("[To be agreed]", long "(to be agreed by ...)" notes, bracketed "Annex (5)", a schedule named only in
the list of schedules, the Supplier's Service Definition) make deferred terms unclear, for subprocessors and
incident notices too; credits capped "in no event shall ... exceed"; "credit" as a banking product; a party
called "Credit Union"; a regulator's audit right (Comptroller, Secretary) stands when the customer's own is a
report; recitals that say who "requires" a system and who "is licensed to provide" it; "hereinafter:" and emphasis
inside quotes; logs the customer reads for its own tenant; quoted glossary items; model training after a longer
list of verbs; bans on own use and metrics that contain no customer data; "information" and incidents "reported
to its help desk" are no notice; auto-renewals the customer may stop any time before renewal; export windows are
no retention; the live-data deletion deadline over backup rotation; "at the start of each Subscription Term";
index-linked renewal prices; notice before deploying a release; "its internal audit function"; a party called
"LA COOPERATIVA" and long download lists "in CSV and XLSX formats".
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import family_roles
from extractors.spans import notice_durations
from extractors.text import find_durations
from tests.support.extractors import M, P, U, W, check, review


def test_a_report_after_the_change_is_not_the_advance_notice() -> None:
    text = (
        "The Processor shall tell the Bank in writing of any new sub-processor at least a fortnight before the "
        "new sub-processor starts, and the Bank may object within that time. Where a subcontractor is replaced, "
        "the Processor shall also notify the Bank within three (3) days of the replacement."
    )
    check("subprocessor_disclosure", W, text, {"notice_days": 14})


def test_words_that_only_say_how_a_unit_is_counted_keep_the_duration() -> None:
    assert [d.months() for d in find_durations("five (5) Gregorian years")] == [60]
    assert [d.days() for d in find_durations("twelve (12) consecutive months")] == [360]
    assert [d.months() for d in find_durations("two (2) full contract years")] == [24]
    text = (
        "1. Duration\n1.1 The initial term of this Agreement is four (4) Gregorian years from the Acceptance "
        "Date, after which it expires unless the parties sign an extension.\n"
    )
    check("renewal_notice", P, text, {"term_months": 48}, whole=True)


def test_a_period_counted_from_a_date_of_the_contract_period_is_no_term() -> None:
    text = (
        "4. Records\n4.1 The regulator may inspect the Supplier's books pertaining to the Services through six (6) "
        "years from the final date of the contract period.\n"
        "9. Term\n9.1 This Agreement has a term of thirty-six (36) months from the Effective Date and renews "
        "automatically for successive twelve (12) month periods unless either party gives notice of non-renewal "
        "at least ninety (90) days before the end of the then-current term.\n"
    )
    check("renewal_notice", P, text, {"term_months": 36, "notice_days": 90}, whole=True)


def test_a_schedule_table_without_full_stops_reads_the_renewal_row_apart_from_the_pricing_row() -> None:
    text = (
        "1. Fees\n1.1 Fees are payable annually in advance.\n\n"
        "SCHEDULE 1 - ORDER DETAILS\nItem Terms\nSubscription Term Twenty-four (24) months from 1 May 2027\n"
        "Renewal\nThe Subscription Term renews automatically for successive one (1) year periods unless either "
        "party gives written notice of non-renewal at least sixty (60) days before the end of the then-current "
        "term\nRenewal pricing Renewal fees may increase to the Provider's then-current list price\n"
    )
    check("renewal_notice", W, text, {"term_months": 24, "notice_days": 60}, whole=True)


def test_how_often_an_exit_plan_is_tested_is_no_exit_period() -> None:
    text = (
        "1. Exit\n1.1 For ninety (90) days after termination the Supplier shall continue to provide the Services "
        "and give all assistance reasonably required to migrate them to a successor supplier.\n"
        "1.2 The Supplier shall keep an exit plan and rehearse it with the Customer once every three (3) years.\n"
    )
    check("exit_assistance", P, text, {"period_days": 90}, whole=True)


def test_an_export_in_a_named_file_format_is_a_data_return() -> None:
    text = (
        "12. Ending the subscription\n12.1 For twenty-one (21) days after the subscription ends, the Customer's "
        "admins may download floor plans, bookings and visitor lists in XLSX or CSV format from the settings "
        "page.\n"
    )
    check("exit_assistance", W, text, {"period_days": 21}, whole=True)


def test_a_deadline_counted_from_the_end_date_is_after_termination() -> None:
    text = (
        "1. Definitions\n1.1 End Date: the date on which this Contract expires or is ended.\n"
        "2. Data\n2.1 No later than sixty (60) days after the End Date the Contractor shall permanently delete all "
        "Authority Data from its systems and confirm this in writing.\n"
    )
    check("data_retention", P, text, {"deletion_days": 60}, whole=True)


def test_security_measures_by_industry_standard_practices_or_the_rules_of_the_art_are_general_terms() -> None:
    check(
        "security_obligations",
        W,
        "The Contractor shall apply security measures consistent with industry-standard practices to protect the "
        "Authority's information.",
    )
    check(
        "security_obligations",
        W,
        "The Service Provider shall protect the Customer's files according to the rules of the art.",
    )


def test_changing_the_functionalities_of_the_solution_is_a_change_of_the_service() -> None:
    text = (
        "The Contractor may change functionalities of the Solution over time, provided it informs the Bank in "
        "writing at least twenty (20) days before the new version is deployed."
    )
    check("change_notification", W, text, {"notice_days": 20})


def test_neither_with_a_qualified_party_name_negates_the_right() -> None:
    check(
        "termination_convenience",
        M,
        "During the Initial Term neither contracting Party may end this Agreement without cause.",
    )
    check(
        "termination_convenience",
        M,
        "No Participating Member may terminate this Agreement for convenience.",
    )


def test_a_schedule_whose_body_only_holds_its_place_is_not_provided() -> None:
    text = (
        "7. Service Levels\n7.1 The Contractor shall achieve the service levels and grant the credits set out in "
        "Schedule 4 (Service Levels).\n\n8. Fees\n8.1 Fees are payable monthly.\n\n"
        "SCHEDULE 4 - SERVICE LEVELS\n\n[To be agreed by the parties within ninety days.]\n\n"
        "SCHEDULE 5 - CONTACTS\n\nAccount manager: J. Doe\n"
    )
    check("service_credits", U, text, whole=True)
    filled = text.replace(
        "[To be agreed by the parties within ninety days.]",
        "Availability: 99.9% per month. Credit: 5% of the monthly fee for each 0.1% below target.",
    )
    check("service_credits", P, filled, whole=True)


def test_in_no_event_shall_credits_exceed_a_small_share_is_a_trivial_cap() -> None:
    text = (
        "The Supplier shall make the Service available 99.8% of each month and shall credit the Customer 1% of the "
        "monthly charge for each hour of unavailability beyond that level. In no event shall the total credits "
        "for a month exceed four percent (4%) of the monthly charge."
    )
    check("service_credits", W, text, {"cap_percent": 4})


def test_credit_as_a_banking_product_and_a_negated_price_reduction_are_no_remedy() -> None:
    text = (
        '1. Definitions\n1.1 "Platform": the lending software, with modules for deposits, credit, accounting and '
        "regulatory reporting.\n2. Availability\n2.1 The Vendor shall endeavour to keep the Platform available "
        "99.5% of business hours each month. Missing this level gives rise to no reduction in the price and no "
        "other compensation.\n"
    )
    check("service_credits", W, text, whole=True)


def test_a_non_cancellable_commitment_is_no_right_to_cancel() -> None:
    check(
        "termination_convenience",
        M,
        "The Customer may not end an Order Form early for convenience, and every Order Form is non-cancellable "
        "once signed.",
    )


def test_a_party_named_credit_something_is_no_refund_of_the_remaining_fees() -> None:
    text = (
        "Credit Cooperative may end this Agreement for convenience on sixty (60) days' notice if Credit "
        "Cooperative pays a fee equal to the subscription fees for the remainder of the Initial Term."
    )
    check("termination_convenience", W, text)
    refunded = "The Customer may end this Agreement for convenience on sixty (60) days' notice, and the Vendor shall "
    refunded += "credit the Customer the prepaid fees for the remainder of the term."
    check("termination_convenience", P, refunded)


def test_a_regulators_audit_right_stands_when_the_customers_own_is_only_a_report() -> None:
    text = (
        "4. Assurance\n4.1 The Customer's audit rights under this Agreement are satisfied by the Vendor's delivery "
        "each year of its ISO 27001 certificate.\n"
        "9. Required Provisions\n9.1 The Comptroller of the State, or its designees, may audit and inspect the "
        "Vendor's books and systems relating to the Services for six (6) years after the Agreement ends.\n"
    )
    finding = check("audit_rights", P, text, whole=True)
    assert "frequency_months" not in finding.params or finding.params["frequency_months"] is None
    customer_only = text.split("9. Required")[0]
    check("audit_rights", W, customer_only, whole=True)


def test_recitals_that_say_who_requires_the_service_and_who_is_licensed_to_provide_it() -> None:
    text = (
        'SERVICES AGREEMENT\n\nBetween Harbour Grain Silos LLC (hereinafter the "First Party") and Dunes Data '
        'Centre LLC (hereinafter the "Second Party").\n\nWhereas the First Party runs grain silos and requires '
        "a hosted weighbridge system licensed by the First Party from its software maker;\n\nAnd whereas the "
        "Second Party is duly licensed to provide data centre and hosting services;\n\n"
        "Clause (9) Security Incidents\n9.1 The First Party shall notify the Second Party within two (2) days "
        "of any Security Incident on the First Party's own terminals.\n"
    )
    roles = family_roles([parse_bytes(text.encode(), "agreement.txt")])
    assert (roles.role_of("First Party"), roles.role_of("Second Party")) == ("customer", "vendor")
    check("incident_notification", M, text, whole=True)


def test_a_log_the_customer_reads_for_itself_is_a_feature_of_its_tenant() -> None:
    text = (
        "6. Users\n6.1 The Customer's HR team manages its own users. The portal keeps a log of those users' "
        "changes which the Customer can download at any time.\n"
    )
    check("access_logging", M, text, whole=True)
    vendor_logged = (
        "6. Support access\n6.1 The Supplier's engineers reach the Customer's tenant only through a jump host "
        "with named accounts and MFA. Every session is recorded in an audit log which the Customer can view.\n"
    )
    check("access_logging", P, vendor_logged, whole=True)


def test_a_party_defined_after_hereinafter_and_a_colon_or_with_emphasis_inside_the_quotes() -> None:
    text = 'MEDIJA d.o.o., Zagreb (hereinafter: the "Contractor") and LUKA RIJEKA d.d. (hereinafter: the "Port")\n'
    assert family_roles([parse_bytes(text.encode(), "a.txt")]).role_of("Port") == "customer"
    md = 'Between **Tidepool Labs, Inc.** ("**Tidepool**") and **Saltire Bank plc** ("**Customer**").\n'
    assert family_roles([parse_bytes(md.encode(), "a.md")]).role_of("Tidepool") == "vendor"


def test_data_the_vendor_keeps_available_for_the_customer_to_export_is_returned() -> None:
    text = (
        'Agreement between Ledgerly Inc. ("Ledgerly") and the county named in the order ("County").\n\n'
        "9. Exit\n9.1 For forty-five (45) days after termination Ledgerly will keep County Data available for "
        "download by County staff in CSV format.\n"
    )
    check("exit_assistance", P, text, {"period_days": 45}, whole=True)


def test_a_customer_giving_the_vendor_access_for_inspection_is_no_customer_audit() -> None:
    text = (
        'Agreement between Ledgerly Inc. ("Ledgerly") and the county named in the order ("County").\n\n'
        "4. Vehicles\n4.1 County will give Ledgerly reasonable access to the buses for installation and inspection.\n"
    )
    check("audit_rights", M, text, whole=True)


def test_a_quoted_glossary_item_with_a_colon_is_a_definition() -> None:
    text = (
        "ARTICLE 1 - DEFINITIONS\n"
        '- "Agreement": this contract, its recitals and its annexes;\n'
        '- "Subcontractor": any third party to which the Contractor entrusts part of the Services;\n'
        '- "Services": the hosting, maintenance and support services described in Annex 2.\n'
    )
    check("subprocessor_disclosure", M, text, whole=True, filename="c.md")


def test_an_exit_plan_in_a_bracketed_annex_that_only_holds_its_place_is_unclear() -> None:
    text = (
        "Clause (1) Annexes\n1.1 The annexes are: Annex (1) Services; Annex (2) Prices; Annex (3) Exit Plan.\n\n"
        "Clause (9) Termination\n9.4 On termination the Contractor shall provide migration assistance in "
        "accordance with the Exit Plan set out in Annex (3), which the Parties shall agree within sixty (60) "
        "days after signature.\n\n"
        "Annex (3): Exit Plan\n\nTo be agreed by the Parties under Clause (9.4).\n"
    )
    check("exit_assistance", U, text, whole=True, filename="c.md")


def test_service_levels_in_the_vendors_own_service_description_are_unclear() -> None:
    text = (
        "1. Definitions\nService Description | the description of the Vendor's cloud service published on its "
        "marketplace listing\n\n"
        "5. Service levels\n5.1 The service levels, and the credits due if they are missed, are as set out in "
        "the Vendor's Service Description.\n"
    )
    check("service_credits", U, text, whole=True)


def test_training_several_named_models_on_customer_content_without_opt_in_is_own_use() -> None:
    text = (
        "4. Data\n4.1 The Customer owns its Customer Content.\n4.2 Unless the Customer switches off the "
        "'Improve the product' setting, the Vendor may use Customer Content to train, test and refine the "
        "transcription, translation and search-ranking models it offers to all of its customers.\n"
    )
    check("data_ownership", W, text, whole=True)


def test_a_change_that_takes_effect_days_after_publication_gives_that_notice() -> None:
    text = (
        "11. Amendments\n11.1 The Operator may amend these Terms by publishing the new version on its portal. "
        "Amendments become binding on the Member twenty (20) days after their publication.\n"
    )
    check("change_notification", W, text, {"notice_days": 20}, whole=True)
    assert [d.days() for d in notice_durations("Changes take effect 45 days after they are posted.")] == [45]
    assert notice_durations("Invoices are payable 30 days after the invoice date.") == []


def test_adjusting_the_tariffs_on_notice_is_a_change_and_an_index_formula_is_not() -> None:
    text = (
        "The Operator may adjust the Tariffs by written notice to the Bank at least twenty (20) days before the "
        "adjusted Tariffs apply."
    )
    check("change_notification", W, text, {"notice_days": 20})
    check(
        "change_notification",
        M,
        "The Operator may adjust the Fees once a year in line with the consumer price index, by no more than 3%.",
    )


def test_a_contract_that_remains_in_force_for_a_period_states_its_term() -> None:
    text = (
        "12. Duration\n12.1 This Contract takes effect on signature by both Parties and remains in force for "
        'twenty-four (24) months (the "Term"). It expires at the end of the Term.\n'
        "12.2 The Supplier shall keep all records relating to the Contract for a period of seven years from the "
        "end of the Contract.\n"
    )
    check("renewal_notice", P, text, {"term_months": 24}, whole=True)
    survival = (
        "12. Duration\n12.1 The obligations of this Agreement on confidentiality remain in force for five (5) "
        "years after its termination.\n"
    )
    finding, _ = review("renewal_notice", survival, whole=True)
    assert finding.params.get("term_months") is None


def test_an_agreement_extended_by_a_period_at_a_time_renews_automatically() -> None:
    text = (
        "The first Subscription Period runs for twelve (12) months. Thereafter the Agreement is extended by twelve "
        "(12) months at a time unless either Party gives notice of termination no later than forty-five (45) days "
        "before the end of the current Subscription Period."
    )
    check("renewal_notice", P, text, {"term_months": 12, "notice_days": 45})


def test_exit_periods_ignore_other_table_rows_and_a_glued_heading() -> None:
    table = (
        "3. Exit\n3.1 On termination the Provider shall give reasonable help migrating Customer Data to a new "
        "provider for forty-five (45) days.\n\n"
        "| Item | Price |\n|---|---|\n| Onboarding workshop (3 days) | 9,000 |\n| Migration assistance | 150 per hour |\n"
    )
    check("exit_assistance", P, table, {"period_days": 45}, whole=True, filename="c.md")
    heading = (
        "§ 9 Exit support and deletion\n(1) For ninety (90) days after the end of the Agreement the Contractor "
        "shall keep the tenant available read-only and let the Customer export all Customer Data as CSV files.\n"
    )
    check("exit_assistance", P, heading, {"period_days": 90}, whole=True)


def test_a_runout_period_and_records_obtained_in_a_named_format_are_exit_terms() -> None:
    check(
        "exit_assistance",
        P,
        "After termination the Vendor shall continue to collect the Client's open claims for a runout period "
        "of ninety (90) days.",
        {"period_days": 90},
    )
    check(
        "exit_assistance",
        P,
        "Upon termination THE PROVIDER shall open, for forty (40) calendar days, a secure link through which THE "
        "CLIENT may obtain the recordings and case histories in MP3 and CSV format.",
        {"period_days": 40},
    )


def test_subprocessor_notice_by_email_to_an_owner_or_by_updating_the_list_before() -> None:
    emailed = (
        "We use the sub-processors listed at example.com/subprocessors. We will e-mail the workspace owner at "
        "least twelve (12) days before a new sub-processor starts, and the owner may object to it."
    )
    check("subprocessor_disclosure", P, emailed, {"notice_days": 12})
    updated = (
        "The list of sub-processors is published at example.com/subprocessors. The Processor shall update that "
        "list at least five (5) days before a new sub-processor begins processing, and the Controller may object."
    )
    check("subprocessor_disclosure", W, updated, {"notice_days": 5})


def test_a_defined_change_term_and_a_report_after_implementation() -> None:
    text = (
        '1. Definitions\n1.1 "Significant Change" means any change to the hosted system that may affect its '
        "validated state.\n"
        "6. Changes\n6.1 The Vendor shall notify the Sponsor of any Significant Change at least three (3) weeks "
        "before it is deployed.\n6.2 Urgent security patches may be applied at once, provided the Vendor informs "
        "the Sponsor within one (1) day after implementation.\n"
    )
    check("change_notification", W, text, {"notice_days": 21}, whole=True)


def test_a_schedule_named_only_in_the_list_of_schedules_is_not_provided() -> None:
    text = (
        "1.2 The Schedules form part of this Agreement:\n\nSchedule 1 - Fees\nSchedule 2 - Service Levels\n"
        "Schedule 3 - Exit Plan\n\n9. EXIT\n\n9.1 On expiry or termination, the Supplier shall provide exit "
        "assistance in accordance with the Exit Plan set out in Schedule 3.\n"
    )
    check("exit_assistance", U, text, whole=True)
    provided = (
        text + "\n\nSchedule 3 - Exit Plan\n\nFor ninety (90) days after termination the Supplier shall "
    )
    provided += "return all Customer Data in CSV format and assist the successor supplier.\n"
    check("exit_assistance", P, provided, whole=True)


def test_an_annex_heading_with_a_long_to_be_agreed_note_holds_only_its_place() -> None:
    text = (
        "14. Exit\n(a) Exit management shall be carried out in accordance with the Exit Plan set out in Appendix 2."
        "\n\nAppendix 2 - Exit Plan (to be agreed by the parties within three months of the Effective Date)\n"
    )
    check("exit_assistance", U, text, whole=True)


def test_availability_measured_by_a_monitoring_system_or_a_log_that_is_customer_data_is_no_logging() -> None:
    check(
        "access_logging",
        M,
        "Availability is measured by the Supplier's monitoring system every five minutes, excluding maintenance.",
    )
    check(
        "access_logging",
        M,
        "For sixty days after the end, the Provider shall keep all Customer Data, including the Shipment Log, "
        "available for download in CSV format.",
    )


def test_recorded_privileged_sessions_and_access_granted_exclusively_by_duty() -> None:
    text = (
        "Access of employees of the Processor to Client Data is granted exclusively to those employees whose "
        "duties require it. All privileged sessions of the Processor's staff are routed through a bastion host, "
        "recorded and kept for one year."
    )
    check("access_logging", P, text)


def test_a_forbidden_training_use_and_metrics_that_contain_no_customer_data_are_no_own_use() -> None:
    forbidden = (
        "1. Data\n1.1 All Client Data is and remains the property of the Client.\n1.2 The Vendor shall not use "
        "Client Data, whether identifiable or pseudonymised, for benchmarking or for the training of any "
        "machine-learning model, or for any purpose other than performing this Agreement.\n"
    )
    check("data_ownership", P, forbidden, whole=True)
    metrics = (
        "1. Data\n1.1 All Client Data is and remains the property of the Client.\n1.2 The Vendor may collect "
        "technical metrics about the Service that contain no Client Data and may use them to improve the Service."
        "\n1.3 The Vendor may collect performance data which does not include the content of any Client Data and "
        "use it to improve the Service.\n"
    )
    check("data_ownership", P, metrics, whole=True)


def test_subprocessor_terms_the_contract_lacks_but_defers_to_a_missing_document_are_unclear() -> None:
    listed = "8. Subcontracting\n8.1 The Supplier's current sub-processors are listed at example.com/subprocessors.\n"
    check("subprocessor_disclosure", W, listed, whole=True)
    deferred = listed + (
        "8.2 Notice of any new sub-processor and the Customer's right to object to it are set out in the Data "
        "Processing Agreement, which is signed separately.\n"
    )
    check("subprocessor_disclosure", U, deferred, whole=True)


def test_information_and_incidents_reported_to_the_vendor_are_no_incident_notice() -> None:
    check(
        "incident_notification",
        M,
        "The Provider shall cooperate with the Bank's investigation of any Security Incident and make relevant "
        "information available on request.",
    )
    check(
        "incident_notification",
        M,
        "The Contractor shall investigate every security incident reported to its help desk and fix its cause.",
    )
    check(
        "incident_notification",
        P,
        "The Contractor shall report every security incident to the Authority within twenty-four (24) hours.",
        {"hours": 24},
    )


def test_an_incident_notice_whose_timing_is_in_a_missing_document_is_unclear() -> None:
    check(
        "incident_notification",
        U,
        "The Vendor will notify the Customer of any Security Incident within the time period set out in the "
        "Security Exhibit.",
    )
    check(
        "incident_notification",
        U,
        "The Contractor shall report any privacy breach in accordance with the timescales set out in the "
        "Customer's Breach Response Procedure.",
    )
    check(
        "incident_notification", W, "The Vendor will notify the Customer of any Security Incident promptly."
    )


def test_an_auto_renewal_the_customer_may_stop_any_time_before_it_renews() -> None:
    check(
        "renewal_notice",
        P,
        "Your plan renews automatically every year unless you switch off auto-renewal in your account settings "
        "before the renewal date.",
    )
    check("renewal_notice", W, "Your plan renews automatically every year.")


def test_an_export_window_is_no_retention_and_deletion_once_the_export_is_received_is() -> None:
    window = (
        "9. Exit\n9.1 For sixty (60) days after termination the Provider shall keep the Customer's workspace "
        "available in read-only mode, and the Customer may export all Customer Data in CSV format.\n"
    )
    check("data_retention", M, window, whole=True)
    deletion = window + (
        "9.2 Once the Customer confirms that it has received the export, the Provider will delete Customer Data "
        "from its systems and backups.\n"
    )
    check("data_retention", W, deletion, whole=True)


def test_index_linked_renewal_prices_are_capped() -> None:
    text = (
        "The Subscription renews automatically for successive twelve (12) month periods unless either party "
        "gives notice of non-renewal at least thirty (30) days before the end of the term. On each renewal the "
        "monthly fee is adjusted by the accumulated variation of the HICP in the preceding twelve months."
    )
    check("renewal_notice", P, text, {"notice_days": 30})


def test_the_live_data_deadline_decides_over_backup_rotation_and_a_glued_heading() -> None:
    rotation = (
        "8. Data\n8.1 Within forty-five (45) days after termination the Vendor shall permanently delete all Customer "
        "Data from its production systems. Backup copies are overwritten in the ordinary backup rotation within "
        "one hundred and twenty (120) days thereafter.\n"
    )
    check("data_retention", P, rotation, {"deletion_days": 45}, whole=True)
    heading = (
        "§ 12 Exit and deletion\n(1) For ninety (90) days after the end of the Agreement the Supplier shall keep "
        "the tenant available for export.\n(2) The Supplier shall delete all Customer Data no later than twenty "
        "(20) days after that period ends.\n"
    )
    check("data_retention", P, heading, {"deletion_days": 20}, whole=True)


def test_the_start_of_each_subscription_term_is_a_point_in_time_not_a_term() -> None:
    text = (
        "4. Fees\n4.1 Fees are invoiced at the start of each Subscription Term and are due within thirty (30) days "
        "of invoice.\n5. Term\n5.1 Each Subscription Term renews automatically for successive one-year terms unless "
        "either party gives notice of non-renewal at least sixty (60) days before the end of the term.\n"
    )
    finding = check("renewal_notice", P, text, {"notice_days": 60}, whole=True)
    assert finding.params.get("term_months") in (None, 12)


def test_a_party_named_cooperativa_assists_nobody_and_a_long_download_list_in_named_formats_is_a_return() -> (
    None
):
    text = (
        "5. Licence\n5.1 This Contract grants LA COOPERATIVA a non-transferable right of use, and no right over the "
        "Platform shall be understood as transferred.\n"
        "18. Termination\n18.1 During the fifteen (15) calendar days following termination, LA COOPERATIVA may "
        "download through the Platform the complete history of payroll books, pay slips, contribution forms and "
        "worker files in CSV and XLSX formats.\n"
    )
    finding = check("exit_assistance", W, text, {"period_days": 15}, whole=True)
    assert finding.params.get("format") is True


def test_notice_before_deploying_a_new_release_is_change_notice() -> None:
    text = (
        "The Contractor shall give the County at least sixty (60) days' written notice before deploying any "
        "software release that changes how dispatchers work."
    )
    check("change_notification", P, text, {"notice_days": 60})


def test_the_customers_internal_audit_function_named_as_an_auditor_grants_an_audit() -> None:
    text = (
        "The Bank, its internal audit function, its external auditor and the central bank shall have the right to "
        "perform control of the Provider's premises, systems and records relating to the Services."
    )
    check("audit_rights", P, text)
