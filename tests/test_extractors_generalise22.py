"""Twenty-second generalisation pass of the rule extractors: one group of tests per general mechanism fixed after
set 22 was measured blind. The drafting is written for these tests (shortened and renamed where it stays close to
the clause that revealed the miss); nothing comes from the held-out set.

Mechanisms, by area:
- structure: a notice of one's 'intention not to extend' names the renewal it stops, it negates nothing; a
  lettered glossary item ('b) **System data** - ...') is a definition; 'to be communicated' holds a place; the
  subject of 'X ... are defined exclusively in Annex 3' is what the annex holds; 'are laid down in' points
  elsewhere; 'This Rider prevails over the Terms' prevails; 'if TGL so requests' is an aside, not the actor.
- renewal and convenience: 'not to extend' is a non-renewal notice; a ban during a firm period beside a waiver
  of 'any right of unilateral early termination' opens no right later; 'upon its earlier termination for any
  reason' is an event, not a right.
- subprocessors: French 'subsequent processors' are subprocessors; a list and its terms 'laid down in' an
  agreement still to be concluded are unclear.
- change: 'No modification of the scope, the Service Levels or the prices may be applied ... without a rider
  signed by' the customer is change control.
- credits: a cap in money is read against the monthly fee the family states; 'two and a half per cent (2.5%)'.
- incident: assisting 'the data controller's obligation to notify' the authority is the customer's clock.
- ownership: a prevailing document's ban on training with the customer's data overrides a licence, a ban on
  part of it does not; the vendor owning the data itself is missing, whatever it does with it.
- security and access: a payment processor's certificate is not the vendor's; what 'Annex C shall cover' is not
  an obligation; 'Access of the employees of the Contractor ... shall be granted only to' is access control; a
  log of decisions 'made by the Customer's compliance officers' is the customer's; 'the management of access
  authorisations, the traceability of access' is the access topic of a missing annex.
- exit: transition help only at the hourly rate, with no period or format, is weak; a plan to agree 'within
  ninety (90) days after April 1, 2026' sets no exit period.
- audit: 'may audit LA CLIENTE's warehouse records' audits the customer, and 'such audits' are the same ones.
"""

from __future__ import annotations

from tests.support.extractors import M, P, U, W, check

BANK = (
    'Closed Joint-Stock Company "Amonat Bonk", hereinafter the "Customer", and LLC "Hisor Soft", hereinafter the '
    '"Contractor", have concluded this Agreement as follows.\n\n'
)
CLIENTE = (
    'Between CANAL NUBE, S.A., hereinafter "EL PROVEEDOR", and LOGISTICA DEL ISTMO, S.A., hereinafter '
    '"LA CLIENTE", it is agreed as follows.\n\n'
)


# --- renewal, convenience and change ---------------------------------------------------------------------


def test_an_intention_not_to_extend_names_the_renewal_window() -> None:
    text = (
        BANK
        + "9. TERM\n9.1. This Agreement is concluded for a period of one (1) year.\n9.2. If neither Party "
        "notifies the other Party in writing of its intention not to extend this Agreement not later than one "
        "hundred twenty (120) calendar days before the expiry of its term, this Agreement shall be deemed extended "
        "for each subsequent year on the same terms.\n"
    )
    check("renewal_notice", W, text, {"term_months": 12, "notice_days": 120}, whole=True)


def test_a_firm_period_ban_with_a_waiver_of_any_other_exit_opens_no_right_later() -> None:
    text = (
        "Article 16 - Term\n16.1 The Contract is concluded for a firm period of thirty-six (36) months.\n"
        "16.3 During the firm period, neither Party may terminate the Contract for convenience. The Client expressly "
        "waives any right of unilateral early termination other than those provided in Article 19.\n"
    )
    check("termination_convenience", M, text, whole=True)


def test_termination_for_any_reason_as_the_event_of_a_handover_is_no_right() -> None:
    text = (
        "Article 10 - Handover of Data\n10.1 At the end of the Contract, or upon its earlier termination for any "
        "reason, the Contractor shall, for a period of sixty (60) days, continue to provide read-only access to the "
        "Platform.\n"
    )
    check("termination_convenience", M, text, whole=True)


def test_no_modification_without_a_signed_rider_is_change_control() -> None:
    text = (
        "Article 9 - Modifications\n9.1 No modification of the functional scope of the Services, of the Service "
        "Levels or of the prices may be applied to the Client without a rider (avenant) signed by the Director "
        "General of the Client.\n"
    )
    check("change_notification", P, text, whole=True)


# --- structure, subprocessors, security and access --------------------------------------------------------


def test_subsequent_processors_are_subprocessors() -> None:
    text = (
        "Article 12 - Personal data\n12.3 The Provider may engage subsequent processors. The subsequent processors "
        "engaged on the date of signature are listed in Annex 5.\n12.4 The Provider shall inform the Client in "
        "writing at least thirty (30) days before engaging any new subsequent processor. The Client may object to "
        "the engagement on legitimate grounds within that period.\n\nANNEX 5 - SUBSEQUENT PROCESSORS\n"
        "1. Atlas Hosting SAS - hosting.\n"
    )
    check("subprocessor_disclosure", P, text, {"notice_days": 30}, whole=True)


def test_subprocessor_terms_laid_down_in_an_agreement_still_to_be_concluded_are_unclear() -> None:
    text = (
        "Artikel 13 - Personal data\n13.3 The Supplier may engage sub-processors. The sub-processors engaged, and "
        "the conditions under which the Supplier informs the Customer of new sub-processors and the Customer may "
        "object to them, are laid down in the Processing Agreement to be concluded between the Parties as "
        "Appendix 4 to this Agreement.\n"
    )
    check("subprocessor_disclosure", U, text, whole=True)


def test_measures_defined_exclusively_in_an_annex_to_be_communicated_are_unclear() -> None:
    text = (
        "Article 11 - Security\n11.1 The Provider is bound by an obligation of means as regards security.\n"
        "11.2 The technical and organisational security measures applicable to the Services, including the "
        "management of access authorisations, the traceability of access to the Client Data and the hosting "
        "conditions, are defined exclusively in the Security Assurance Plan forming Annex 3.\n\n"
        "ANNEX 3 - SECURITY ASSURANCE PLAN\nTo be communicated by the Provider in accordance with Article 11.3.\n"
    )
    check("security_obligations", U, text, whole=True)
    check("access_logging", U, text, whole=True)


def test_what_a_missing_annex_shall_cover_is_no_vendor_obligation() -> None:
    text = (
        "TWELFTH: SECURITY\nEL PROVEEDOR shall apply the information security measures required by law and the "
        "measures set out in Annex C (Information Security Requirements), which the parties shall sign within "
        "thirty (30) calendar days after the signing of this contract. Annex C shall cover, among other matters, "
        "the encryption of the Data of LA CLIENTE and vulnerability management.\n\n"
        "ANNEX C - INFORMATION SECURITY REQUIREMENTS\n[To be signed by the parties within thirty (30) calendar "
        "days after the signing of the contract.]\n"
    )
    check("security_obligations", U, CLIENTE + text, whole=True)


def test_a_payment_processors_certificate_is_not_the_vendors() -> None:
    text = (
        "6. Security\n6.1 We maintain commercially reasonable safeguards designed to protect Your Data.\n6.2 Card "
        "payments are handled by our payment processor, which is certified as a PCI DSS Level 1 service provider.\n"
    )
    check("security_obligations", W, text, whole=True)


def test_access_of_the_contractors_employees_granted_only_to_appointed_employees_is_access_control() -> None:
    text = (
        BANK
        + "7. INFORMATION SECURITY AND CONFIDENTIALITY\n7.3. Access of the employees of the Contractor to the "
        "Customer Information shall be granted only to employees appointed by order of the Director of the "
        "Contractor, the list of whom shall be provided to the Customer.\n"
    )
    check("access_logging", W, text, whole=True)


def test_a_lettered_glossary_item_that_mentions_logs_is_a_definition() -> None:
    text = (
        "Article 1 - Definitions\nb) **System data** - all data entered, generated, processed or stored in the "
        "System, including applications, certificates and logs;\n\nArticle 9 - Access\n(4) Access of the Provider's "
        "staff to the System data is allowed only to the persons included in the list approved by the Contracting "
        "Authority.\n"
    )
    check("access_logging", W, text, whole=True)


def test_a_log_of_decisions_made_by_the_customers_officers_is_the_customers() -> None:
    text = (
        "6. Security\n6.3 The Supplier shall restrict access to Customer Data to Supplier personnel who require it, on "
        "a least-privilege basis.\n6.4 The Services record an audit trail of every verification decision made by "
        "the Customer's compliance officers, which the Customer may export for its own records.\n"
    )
    check("access_logging", W, text, whole=True)


# --- credits, incidents, ownership -----------------------------------------------------------------------


def test_a_cap_in_money_is_read_against_the_monthly_fee() -> None:
    text = (
        "## Appendix 1 - Prices\n\n| Item | Price (DKK) |\n|---|---|\n| Operation fee per month, six vessels | 46,500 |"
        "\n\n## Appendix 2 - Service levels\n\nA.1 The Solution shall be available 99.7 per cent of the time in "
        "each calendar month.\n\nA.3 If availability falls below 99.7 per cent in a calendar month, the Customer is "
        "entitled to a service credit of DKK 500 for each commenced 0.1 percentage point below the target. The "
        "total service credits in a calendar month shall not exceed DKK 1,500.\n"
    )
    check("service_credits", W, text, {"cap_percent": 3}, whole=True, filename="agreement.md")


def test_a_cap_written_with_a_decimal_is_read() -> None:
    text = (
        "Article 7 - Service levels\n7.1 The Contractor shall ensure that the Platform is available at least 99.5% "
        "of the time in each calendar month.\n7.2 For each full 0.1% of availability below the level in paragraph "
        "7.1, the monthly service fee shall be reduced by 0.5%. The total reduction in any month shall not exceed "
        "two and a half per cent (2.5%) of the monthly service fee.\n"
    )
    check("service_credits", W, text, {"cap_percent": 2.5}, whole=True)


def test_assisting_the_controllers_own_notice_to_the_authority_sets_no_vendor_clock() -> None:
    text = (
        "9. Assistance\n9.2. The data processor shall assist the data controller in ensuring compliance with the data "
        "controller's obligation to notify a personal data breach to the competent supervisory authority without "
        "undue delay and, where feasible, not later than 72 hours after the data controller has become aware of "
        "it.\n\n10. Notification of personal data breach\n10.1. In case of any personal data breach, the data "
        "processor shall, without undue delay after having become aware of it, notify the data controller of the "
        "personal data breach, and in any event no later than thirty-six (36) hours after having become aware of "
        "it.\n"
    )
    check("incident_notification", P, text, {"hours": 36}, whole=True)


TERMS = (
    "5. Your Data\n5.1 You own Your Data.\n5.2 You grant us a license to host Your Data to provide the Services, and "
    "to use Your Data to develop and train forecasting and machine learning features offered to all customers.\n"
)


def test_a_prevailing_riders_ban_on_training_overrides_the_terms_licence() -> None:
    rider = (
        "BOROUGH RIDER\n\n1.1 This Rider prevails over the Terms, the Order and any click-through terms.\n\n5.1 "
        "Borough Data is the property of the Borough.\n5.2 Notwithstanding Section 5.2 of the Terms, Vendor shall not "
        "use Borough Data to develop or train any forecasting, machine learning or artificial intelligence model.\n"
    )
    check("data_ownership", P, {"terms.md": TERMS, "borough_rider.txt": rider})


def test_a_ban_on_part_of_the_data_leaves_the_training_licence_standing() -> None:
    order = (
        "ORDER FORM\n\nD.1 Model training. Clause 5.2 of the Terms applies to identity document images only. Selfie "
        "images and the results of liveness checks shall not be used to train any model.\n"
    )
    check("data_ownership", W, {"terms.md": TERMS, "order_form.txt": order})


def test_the_vendor_owning_the_data_itself_is_missing() -> None:
    text = (
        "9. Data\n9.1 The Traceability Data are the property of the Provider.\n9.2 The Provider may use the "
        "Traceability Data of all its clients to publish or sell origin reports to importers.\n"
    )
    check("data_ownership", M, text, whole=True)


# --- exit and audit --------------------------------------------------------------------------------------


def test_transition_help_only_at_the_hourly_rate_is_weak() -> None:
    text = (
        "Artikel 17 - End of the Agreement\n17.2 At the Customer's written request, made before the end of the "
        "Agreement, the Supplier shall return the Customer Data to the Customer in a format to be determined by the "
        "Supplier.\n17.3 Assistance with the transfer of Customer Data to another supplier is provided at the hourly "
        "rate in force.\n"
    )
    check("exit_assistance", W, text, whole=True)


def test_a_return_the_customer_may_request_is_the_vendors() -> None:
    text = (
        "16. Exit\n16.1 On expiry or termination of this Agreement, the Supplier shall, if the Customer so requests, "
        "return to the Customer a copy of the Customer Data.\n"
    )
    check("exit_assistance", W, text, whole=True)


def test_a_plan_to_agree_within_days_after_a_calendar_date_sets_no_exit_period() -> None:
    text = (
        "6. Transition\n6.1 On expiry or termination of the agreement Vendor shall provide transition services to the "
        "Corporation. The transition services, the formats in which Corporation Records will be delivered and the "
        "length of the transition period shall be as set out in Appendix B-2 (Transition and Exit Plan), which the "
        "parties shall agree within ninety (90) days after April 1, 2026.\n"
    )
    finding = check("exit_assistance", U, text, whole=True)
    assert "period_days" not in finding.params


def test_a_customs_audit_of_the_customers_records_is_not_an_audit_of_the_vendor() -> None:
    text = (
        CLIENTE
        + "FOURTEENTH: AUDITS\n14.1 EL PROVEEDOR shall not be obliged to permit audits or inspections by LA "
        "CLIENTE of its offices, data centres, systems or records.\n14.2 LA CLIENTE acknowledges that the National "
        "Customs Authority may audit LA CLIENTE's warehouse records and inventory at any time, and that it is LA "
        "CLIENTE's responsibility to extract from the Services the reports required for such audits.\n"
    )
    check("audit_rights", M, text, whole=True)
