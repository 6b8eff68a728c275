"""Sixteenth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: a change to the hosting location or the System is a change of the service; a notice cue that stops
inside its word ("notif" of "notify") still finds who receives the notice; a contract "valid for three (3) years"
states its term, the term one may "extend" by a supplementary agreement does not; ending the contract "by
notifying the Supplier ... N days in advance" is a convenience right, and a proviso that only prices it is no
condition; "generally accepted practice" is a general security standard; an incident reported to "the competent
state authority" is not reported to the customer, even where the customer is called an Authority; a party defined
as "the Company" beside a "Service Provider" is the customer; "shall remain valid for" states the term; a ban
that follows what it bans ("... for training models is prohibited"); deletion counted from the family's own
end event (a "handover protocol" defined by the termination); the right to check "the documents, records and
premises of the Provider" is an audit right ("checking your books" is not); subcontractors listed "namely" in a
table, and the consent of the customer by the family's name for it ("the Contracting Authority"); help with an
audit the customer undergoes is no audit of the vendor; an order form's export facility read with the family's
party names; American punctuation in alias lists ("Acme," "we," "us"); a party named right after a statute
("... under the Telecommunications Act ("Slatewave")") and names that only contain a common term; people
notified of a breach are not the customer; the object of "notifying the Information Commissioner" is the
recipient; "Section 6 of the DPA" where the DPA is not provided leaves the answer unclear; a convenience ground
listed under "This contract shall terminate:"; the vendor named in the title of its standard terms; "an auditor who
is not a competitor" negates nothing, and the auditor the customer appoints audits for the customer; an "on-site
review" of the vendor is an inspection; a longer bracketed "[To be agreed ...]" note is a placeholder schedule;
a stopgap "until Schedule E is finalized" is no exit term of its own; terms "governed exclusively by" a document the
family does not include are unclear; "the third parties involved by the Contractor" are its subprocessors, and
their list "as set out in Appendix 3, which is signed separately" is in an appendix no document holds; exit terms
that are those of an exit plan still to be agreed or prepared after signature, which no document holds, are
unclear, and a deadline counted from the Effective Date is no exit period; a party named after its signatory's
office ("Member of the Management Board (hereinafter: the "Hotel Group")"); a company's registration "unique
identifier" is no user credential; disclosing the customer's data only to staff who "need to know" it is
confidentiality, not access control; a run-in label ("**Roles and Activity Log.**") commits to nothing; a log
that checking "is your job, not ours" is the customer's; subcontractors "identified in Exhibit D" that no document
holds leave the list unclear, unless notice and objection are stated in the contract itself; "may modify, enhance
or discontinue any feature of the Services at any time" and "may at any time update, replace or retire any model"
are unilateral change rights; deletion with no deadline "in accordance with the Data Disposal Schedule" or "with the
retention and deletion provisions of the Processing Agreement", neither provided, is unclear; a "Processing
Agreement" is a DPA; assurance offered where the audit is denied ("documents described in clause 11.1 are provided
in place of any right to audit", supervision "carried out by means of an annual ISAE 3000 assurance report", a
summary letter from "our external penetration testers") is a weak audit right; a "copy of its ISO/IEC 27001
certificate" to hand over, a row label "S4 Cyber Essentials." and "working towards Cyber Essentials certification"
commit to no security standard; an audit trail handed over in the exit export, a trail recording "the date, time
and User of each upload" and an audit trail "available to the Buyer" are the customer's own records, while "all
analyst actions in Customer's environment are logged" logs the vendor's staff; "De-identified Data" lists no
subprocessors and "JCT sub-contract forms" are documents, not subcontractors; notice and objection terms said only
of an attachment that was not provided ("... and the procedure by which the Customer may object ... are governed
exclusively by Annex 3") leave the answer unclear, while a notice stated with its own period stands; service levels
"set out in Annex 4 (Service Level Requirements) to the Procurement Documents", an annex of a document the family
does not include, are unclear; the prevailing order form's convenience right with its own 20% charge is not priced by
the general terms' all-fees clause, and an all-fees clause that "does not apply" prices nothing; list items that
share one sentence ("(c) ... on breach ...; and (d) unilaterally by the Client, early and without cause, ...") are
read one by one; renewal fees at "the rates then in effect" or "then-current standard rates ..., without limitation on
the amount of any increase" are uncapped (a "fee percentage" is no cap); "security measures reasonably appropriate
to protect" and "the measures generally followed in the telecommunications sector" are general security terms; deletion "upon the achievement of the purposes of their
processing" or once "the migration ... has been completed" is on exit; "a monthly operating rate of 99.5%" is an
availability target; a term "automatically extended for equal periods, unless either party notifies ..." renews
automatically; a clause number on its own line does not use up the neighbour a notice is read from; access controls
and logging only named as "set out in Exhibit D", which is not provided, are unclear.
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import family_roles
from extractors.text import negated_before
from tests.support.extractors import M, P, U, W, check


def test_a_change_of_hosting_location_or_of_the_system_needs_notice() -> None:
    text = (
        "4.1. The Operator undertakes:\n\n"
        "4.1.1. to run the Platform from its data centres in Windhoek and Walvis Bay;\n\n"
        "4.1.2. to inform the Utility in writing at least forty-five (45) days before any planned relocation of "
        "the hosting location, or any upgrade of the database engine of the System;\n"
    )
    check("change_notification", P, text, {"notice_days": 45}, whole=True)
    text = (
        "4.1. The Operator shall give the Utility at least sixty (60) days' written notice of any planned change "
        "to the data centre used to host the Utility's billing records.\n"
    )
    check("change_notification", P, text, {"notice_days": 60}, whole=True)


def test_a_notice_the_vendor_receives_is_no_change_notice_whatever_the_cue_word() -> None:
    text = (
        '1. Parties\nThis Agreement is made between Kalahari Billing Systems (Pty) Ltd (the "Provider") and the '
        'City of Rundu (the "Customer").\n\n'
        "6. Cooperation\n6.1 The billing office of the City shall notify the Provider at least thirty (30) days in advance of any "
        "change to the services it orders or the number of its billing zones, so that the Provider can adjust "
        "the configuration.\n"
    )
    check("change_notification", M, text, whole=True)


def test_a_contract_valid_for_a_period_states_its_term() -> None:
    text = (
        "ARTICLE 7. DURATION\n7.1. This Contract shall enter into force on the date of its registration and shall "
        "be valid for two (2) years.\n7.2. Should the Parties wish to extend the term of this Contract, they shall "
        "sign an annex no later than forty-five (45) days before its expiry; otherwise the Contract shall terminate "
        "on the expiry of its term.\n"
    )
    check("renewal_notice", P, text, {"term_months": 24}, whole=True)


def test_the_extension_of_the_term_is_not_the_term() -> None:
    text = (
        "ARTICLE 7. DURATION\n7.1. Should the Parties wish to extend the term of this Contract, they shall sign an "
        "annex no later than forty-five (45) days before its expiry; otherwise the Contract shall terminate on the "
        "expiry of its term.\n"
    )
    finding = check("renewal_notice", P, text, whole=True)
    assert finding.params.get("term_months") is None


def test_ending_the_contract_by_notifying_the_vendor_in_advance_is_a_convenience_right() -> None:
    text = (
        "12. Early termination\n12.1. The Client may terminate this Contract early by notifying the Supplier in "
        "writing sixty (60) days in advance.\n"
    )
    check("termination_convenience", P, text, {"notice_days": 60}, whole=True)
    priced = (
        "12. Early termination\n12.1. The Client may terminate this Contract early by notifying the Supplier in "
        "writing sixty (60) days in advance, provided that the Client pays the Supplier the full amount of the "
        "fees for the remaining term of this Contract.\n"
    )
    check("termination_convenience", W, priced, whole=True)
    conditional = (
        "12. Early termination\n12.1. If the Supplier's licence is revoked, the Client may terminate this "
        "Contract early by notifying the Supplier in writing sixty (60) days in advance.\n"
    )
    check("termination_convenience", M, conditional, whole=True)


def test_generally_accepted_practice_is_a_general_security_standard() -> None:
    text = (
        "5. Obligations of the Operator\n5.1. The Operator shall protect the Client's records in accordance with "
        "generally accepted practice and the applicable law.\n"
    )
    check("security_obligations", W, text, whole=True)


def test_an_incident_reported_to_a_state_authority_is_not_reported_to_the_customer() -> None:
    text = (
        '1. Parties\nThis Contract is made between Okavango Systems CC (the "Supplier") and the Regional Water '
        'Authority (the "Authority").\n\n'
        "9. Cyber incidents\n9.1. In the event of a cyber incident affecting the hosting site, the Supplier shall "
        "contain it and shall report it to the competent national authority for cyber security.\n"
    )
    check("incident_notification", M, text, whole=True)


_COMPANY_PREAMBLE = (
    'This Agreement is made between Lusaka Grain Terminals Company Limited, hereinafter called the "Company", '
    'and Chinyama Cloud Services Limited, hereinafter called the "Service Provider".\n\n'
)


def test_a_party_defined_as_the_company_beside_a_service_provider_is_the_customer() -> None:
    roles = family_roles([parse_bytes(_COMPANY_PREAMBLE.encode(), "agreement.txt")])
    assert roles.role_of("Company") == "customer"
    assert roles.role_of("Service Provider") == "vendor"
    text = _COMPANY_PREAMBLE + (
        "Article 9. Termination\n(1) The Company may terminate this Agreement at any time without assigning any "
        "reason by giving forty-five (45) days prior written notice to the Service Provider.\n"
    )
    check("termination_convenience", P, text, {"notice_days": 45}, whole=True)


def test_a_contract_that_shall_remain_valid_for_a_period_states_its_term() -> None:
    text = (
        "Article 3. Term\n(1) This Agreement shall come into force on signature and shall remain valid for a "
        "period of 4 (four) years.\n(2) This Agreement shall not be extended automatically.\n"
    )
    check("renewal_notice", P, text, {"term_months": 48}, whole=True)


def test_a_ban_that_follows_the_use_it_bans() -> None:
    text = (
        "7. Data\n7.1 The Exporter Data are the property of the Ministry and may be used by the Contractor only to "
        "perform this Contract. The use of the Exporter Data for training machine-learning models or for the "
        "Contractor's own purposes is strictly prohibited.\n"
    )
    check("data_ownership", P, text, whole=True)
    allowed = text.replace(" is strictly prohibited", " is permitted")
    check("data_ownership", W, allowed, whole=True)


def test_deletion_counted_from_the_familys_own_end_event() -> None:
    text = (
        "1. Definitions\n(c) **Handover protocol** - the document signed by the Parties confirming the handover of "
        "the Platform and the Client Data upon the termination of the Contract;\n\n"
        "12. Exit\n12.3 Within 20 (twenty) days after signing the Handover protocol, the Contractor shall destroy "
        "all copies of the Client Data, including backups.\n"
    )
    check("data_retention", P, text, {"deletion_days": 20}, whole=True)


def test_checking_the_records_and_premises_of_the_provider_is_an_audit_right() -> None:
    text = (
        '1. Parties\nThis Contract is made between the Ministry of Agriculture (the "Customer") and Dniester Soft '
        'S.R.L. (the "Provider").\n\n'
        "10. Control\n10.1 The Customer has the right to verify the performance of the Contract, including by "
        "checking the documents, records and premises of the Provider used for the services.\n"
    )
    check("audit_rights", P, text, whole=True)
    own_books = (
        "10. Your records\n10.1 You are responsible for checking your books and your tax filings, even where "
        "the Provider prepared the figures.\n"
    )
    check("audit_rights", M, own_books, whole=True)


def test_subcontractors_listed_namely_with_the_customers_consent_by_its_own_name() -> None:
    text = (
        '1. Parties\nThis Contract is made between the State Customs Service (the "Contracting Authority") and '
        'Codru Systems S.R.L. (the "Provider").\n\n'
        "9. Subcontractors\n(1) The Provider performs the Contract with the following subcontractors, namely:\n\n"
        "| Subcontractor | Part of the services |\n|---|---|\n| Bac Hosting S.R.L. | hosting and backups |\n\n"
        "(2) A new subcontractor may be involved only with the prior written consent of the Contracting "
        "Authority, requested by the Provider at least 20 (twenty) days before the planned change.\n"
    )
    check("subprocessor_disclosure", P, text, {"notice_days": 20}, whole=True)


def test_help_with_an_audit_the_customer_undergoes_is_no_audit_right() -> None:
    text = (
        "10. Compliance help\nIf you need records for a state tax audit or a roadside inspection, we'll give you "
        "the trip reports and reasonable help in putting your files together.\n"
    )
    check("audit_rights", M, text, whole=True)
    text = (
        "10. Audit\nThe Supplier shall grant the Customer and its auditors access to its premises and records for "
        "the purposes of audit on twenty (20) days' written notice.\n"
    )
    check("audit_rights", P, text, whole=True)


_TERMS = (
    'Roadlink Fleet Terms\n\nThese terms are between Roadlink Telematics, Inc. ("Roadlink," "we," "us") and '
    'the customer named in the order form ("you").\n\n'
    "11. End of subscription\nAfter your subscription ends, you'll have seven (7) days to download your data "
    "using the export tools.\n"
)
_ORDER = (
    "ORDER FORM\nCustomer: Pecos Freight LLC\n\nSpecial terms. These special terms control over the Roadlink "
    "Fleet Terms.\n1. Data export. For sixty (60) days after the end of the Subscription Term, Roadlink will "
    "keep the dashboard available and will allow Customer to export all trip logs and fuel reports in CSV "
    "format.\n"
)


def test_american_punctuation_in_an_alias_list() -> None:
    roles = family_roles([parse_bytes(_TERMS.encode(), "terms.txt")])
    assert roles.role_of("Roadlink") == "vendor"


def test_an_order_form_export_facility_read_with_the_familys_party_names() -> None:
    check("exit_assistance", P, {"terms.txt": _TERMS, "order_form.txt": _ORDER}, {"period_days": 60})


def test_a_party_named_after_a_statute_and_a_name_containing_a_common_term() -> None:
    head = (
        'This Agreement is made between Kestrel Analytics Limited ("Kestrel") and SLATEWAVE TELECOM LIMITED, '
        'holder of licences issued under the Telecommunications Act ("Slatewave"), and refers to the Data '
        'Protection Act, 2020 ("DPA 2020").\n'
    )
    roles = family_roles([parse_bytes(head.encode(), "msa.txt")])
    assert roles.role_of("Kestrel") == "vendor"
    assert roles.role_of("Slatewave") == "customer"
    assert roles.role_of("DPA 2020") is None


def test_people_notified_of_a_breach_are_not_the_customer() -> None:
    text = (
        "7. Security\nIf the law requires that affected individuals be notified of a security breach involving "
        "their personal information, you are responsible for notifying your drivers.\n"
    )
    check("incident_notification", M, text, whole=True)


def test_the_object_of_notifying_an_authority_is_the_recipient() -> None:
    text = (
        '1. Parties\nThis Agreement is made between Kestrel Analytics Limited (the "Supplier") and Slatewave '
        'Telecom Limited (the "Customer").\n\n'
        "8. Security incidents\n8.1 The Supplier shall notify the Customer of any Security Incident without undue "
        "delay.\n8.2 The Customer is responsible for notifying the Information Commissioner of a personal data "
        "breach within seventy-two (72) hours, and the Supplier shall cooperate with the Customer to enable it to "
        "do so.\n"
    )
    finding = check("incident_notification", W, text, whole=True)
    assert finding.params.get("hours") is None


def test_a_section_of_a_document_the_family_does_not_include_is_unclear() -> None:
    text = (
        '1. Definitions\n(d) "DPA" means the data processing addendum entered into by the parties as a separate '
        "document.\n\n"
        "8. Security incidents\n8.3 The Supplier shall notify the Customer of any Security Incident in accordance "
        "with, and within the time period specified in, Section 6 of the DPA.\n"
    )
    check("incident_notification", U, text, whole=True)


def test_a_convenience_ground_listed_under_the_ways_the_contract_ends() -> None:
    text = (
        "NINTH CLAUSE.- TERMINATION\n\n9.1 This contract shall terminate:\n\n"
        "a) By mutual agreement of the parties, in writing;\n\n"
        "b) By unilateral decision of either party, without any compensation, by means of written notice to the "
        "other party given at least sixty (60) days in advance;\n\n"
        "c) By breach of the obligations of either party that is not remedied within thirty (30) days.\n"
    )
    check("termination_convenience", P, text, {"notice_days": 60}, whole=True)
    for_cause_only = text.replace(
        "b) By unilateral decision of either party, without any compensation, by means of written notice to the "
        "other party given at least sixty (60) days in advance;\n\n",
        "",
    )
    check("termination_convenience", M, for_cause_only, whole=True)


def test_the_vendor_named_in_the_title_of_its_standard_terms() -> None:
    text = (
        "# Mareta Clinical Cloud Terms\n\nThese terms govern the use of the Mareta services by the organisation "
        'named in an Order Form ("**Customer**").\n\n## 7. Changes\n\n**7.1 Changes.** Mareta may update these '
        "Terms by posting the updated version online. If an update materially affects Customer, Mareta will notify "
        "Customer by email at least twenty (20) days before it takes effect.\n"
    )
    roles = family_roles([parse_bytes(text.encode(), "terms.md")])
    assert roles.role_of("Mareta") == "vendor"
    check("change_notification", W, text, {"notice_days": 20}, whole=True)


_PARTIES = (
    '1. Parties\nThis Agreement is made between Copperbelt Agents Limited (the "Customer") and Mukuba Payments '
    'Limited (the "Provider").\n\n'
)


def test_an_auditor_the_customer_appoints_audits_for_the_customer() -> None:
    left = "the Customer may appoint an independent auditor who is not a competitor of the Provider to "
    assert not negated_before(left, len(left))
    text = _PARTIES + (
        "11. Audit\n11.2 The Customer may, on not less than thirty (30) days' prior written notice, appoint an "
        "independent auditor who is not a competitor of the Provider to audit the Provider's compliance with "
        "Clause 8.\n"
    )
    check("audit_rights", P, text, {"notice_days": 30}, whole=True)


def test_an_on_site_review_of_the_vendor_is_an_inspection() -> None:
    text = _PARTIES + (
        "9. Assurance\n9.3 The Customer may, once in any twelve (12) month period and on thirty (30) days' prior "
        "written notice, conduct an on-site review of the Provider's controls relating to the Services.\n"
    )
    check("audit_rights", P, text, {"notice_days": 30}, whole=True)


def test_a_longer_bracketed_to_be_agreed_note_is_a_placeholder_schedule() -> None:
    text = _PARTIES + (
        "6. Service levels\n6.1 The Provider shall use its reasonable endeavours to meet the Service Levels.\n"
        "6.2 If the Provider fails to meet a Service Level, the Customer shall be entitled to the service credits "
        "calculated in accordance with Schedule 3.\n\n"
        "SCHEDULE 3 - SERVICE LEVELS\n\n[To be agreed by the parties within ninety (90) days after the Effective "
        "Date. Until this Schedule is agreed, the Provider shall provide the Services with reasonable skill and "
        "care.]\n\n"
        "SCHEDULE 4 - PRICING\n\nThe fees are set out in the Order.\n"
    )
    check("service_credits", U, text, whole=True)


def test_a_stopgap_until_the_exit_plan_is_finalized_is_no_exit_term() -> None:
    text = _PARTIES + (
        "11. Transition out\n11.1 On the expiry or termination of this Agreement, the Provider shall perform the "
        "exit services in accordance with Schedule F, including the return of Customer Data in the format and "
        "within the period specified in Schedule F.\n11.2 The parties shall finalize Schedule F within ninety (90) "
        "days. Until Schedule F is finalized, the Provider shall cooperate in good faith with the Customer in "
        "planning for the transition of the Services.\n"
    )
    check("exit_assistance", U, text, whole=True)


def test_terms_governed_exclusively_by_a_document_not_provided_are_unclear() -> None:
    text = _PARTIES + (
        "7. Sub-processors\n7.4 The engagement of Sub-processors, the list of Sub-processors and the Customer's "
        "rights in connection with them are governed exclusively by the Data Processing Agreement, which the "
        "parties conclude in a separate document.\n"
    )
    check("subprocessor_disclosure", U, text, whole=True)
    text = _PARTIES + (
        "6. Service levels\n6.1 The availability of the Platform, the response times for faults and any service "
        "credits are governed exclusively by the Service Level Agreement (Annex 2 to the Order).\n"
    )
    check("service_credits", U, text, whole=True)


def test_third_parties_involved_by_the_contractor_listed_in_an_appendix_signed_separately() -> None:
    text = (
        "ARTICLE NINE. INVOLVEMENT OF THIRD PARTIES\n\n9.1. The Contractor may involve third parties, including "
        "the operator of the backup site, in the performance of this Agreement.\n\n9.2. The list of third parties "
        "involved by the Contractor and the procedure for notifying the Customer of any change to it shall be as "
        "set out in Appendix 4 (Third Parties), which is signed by the Parties separately.\n\n"
        "16.2. The following Appendices form an integral part of this Agreement: Appendix 1 (Technical "
        "Specification) and Appendix 4 (Third Parties).\n"
    )
    check("subprocessor_disclosure", U, text, whole=True)


_PLAN_LATER = _PARTIES + (
    "13. Disengagement\n13.1 On expiry or termination of this Agreement for any reason, the Provider must provide the "
    "disengagement services set out in the Disengagement Plan, to enable the orderly transfer of the Services to "
    "the Customer or a replacement provider.\n13.2 The parties must agree the Disengagement Plan within sixty (60) "
    "days after the Commencement Date. Once agreed, the Disengagement Plan will form Schedule 7.\n\n"
    "Schedule 1 - Services\nSchedule 7 - Disengagement Plan\n"
)


def test_exit_terms_of_a_plan_still_to_be_agreed_are_unclear() -> None:
    finding = check("exit_assistance", U, _PLAN_LATER, whole=True)
    assert finding.params.get("period_days") is None


def test_an_exit_plan_to_be_prepared_within_days_of_the_effective_date() -> None:
    text = _PARTIES + (
        "18. Exit\n18.1 On termination of this Agreement for any reason, the Provider shall provide the Exit Services "
        "in accordance with the Exit Plan for the Exit Period.\n18.2 The Provider shall, within sixty (60) days of "
        "the Effective Date, prepare and submit to the Customer for approval a draft Exit Plan.\n"
    )
    check("exit_assistance", U, text, whole=True)


def test_a_plan_to_be_agreed_does_not_hide_exit_terms_stated_in_the_contract() -> None:
    stated = _PLAN_LATER + (
        "13.3 In any event, for ninety (90) days after termination the Provider shall make all Customer Data "
        "available for export in CSV format.\n"
    )
    check("exit_assistance", P, stated, {"period_days": 90}, whole=True)


def test_an_attached_exit_plan_is_held() -> None:
    attached = _PLAN_LATER.replace("Schedule 1 - Services\nSchedule 7 - Disengagement Plan\n", "") + (
        "\nSCHEDULE 7 - DISENGAGEMENT PLAN\n\n1. For a period of ninety (90) days after termination the Provider "
        "shall continue the Services and transfer the Customer Data to the replacement provider in CSV format.\n"
    )
    check("exit_assistance", P, attached, {"period_days": 90}, whole=True)


def test_a_party_named_after_its_signatorys_office() -> None:
    head = (
        "This Agreement is made between KARST OBLAK d.o.o., represented by Ana Novak, director (hereinafter: the "
        '"Provider"), and ISTRA RESORTS d.d., represented by Luka Babić, Member of the Management Board '
        '(hereinafter: the "Resort Group").\n'
    )
    roles = family_roles([parse_bytes(head.encode(), "agreement.txt")])
    assert roles.role_of("Resort Group") == "customer"


def test_a_registration_identifier_and_a_need_to_know_disclosure_are_no_access_control() -> None:
    text = (
        'KAIROUAN SOFT S.A.R.L., registered under unique identifier 0712345K, hereinafter referred to as "the '
        'Provider".\n\n9. Confidentiality\n9.2 The Provider shall keep Client Data confidential and shall disclose '
        "it only to its employees who need to know it to provide the Services.\n"
    )
    check("access_logging", M, text, whole=True)
    controlled = (
        text
        + "9.3 Access by the Provider's staff to Client Data is restricted to those who need such access.\n"
    )
    check("access_logging", W, controlled, whole=True)


def test_a_run_in_label_commits_to_nothing_and_a_log_the_customer_checks_is_the_customers() -> None:
    label = (
        "**3.2 Roles and Activity Log.** District administrators may assign permissions to their own staff for "
        "planning and dispatch.\n"
    )
    check("access_logging", M, label, whole=True)
    logged = (
        "**3.2 Logging.** All access by the Vendor's personnel to Customer Data is logged centrally, and the logs "
        "are retained for twelve (12) months.\n"
    )
    check("access_logging", W, logged, whole=True)
    your_job = (
        "4. Your admins\nSetting up roles and checking the activity log is your job, not ours, and we recommend "
        "that you review them each term.\n"
    )
    check("access_logging", M, your_job, whole=True)


def test_a_subcontractor_list_in_an_exhibit_no_document_holds() -> None:
    only_list = _PARTIES + (
        "12. Subcontracting\n12.1 The Provider may use only the subcontractors and hosting providers identified in "
        "Exhibit D (Approved Subcontractors).\n"
    )
    check("subprocessor_disclosure", U, only_list, whole=True)
    with_terms = only_list + (
        "12.2 The Provider shall give the Customer at least thirty (30) days' written notice before engaging any "
        "new subcontractor, and the Customer may object to it on reasonable grounds.\n"
    )
    check("subprocessor_disclosure", P, with_terms, {"notice_days": 30}, whole=True)
    attached = only_list + (
        "\nEXHIBIT D - APPROVED SUBCONTRACTORS\n\n| Subcontractor | Service |\n|---|---|\n| Nimbus Hosting Ltd | "
        "hosting |\n"
    )
    check("subprocessor_disclosure", W, attached, whole=True)


def test_unilateral_changes_to_the_service_written_with_lists_of_verbs() -> None:
    text = (
        "11. Changes\n11.1 Provider may modify, enhance or discontinue any feature of the Services at any time. "
        "Provider will describe material changes in release notes.\n"
    )
    check("change_notification", W, text, whole=True)
    text = "5. Models\n5.1 Vendor may at any time update, replace or retire any AI model or model version used in the Service.\n"
    check("change_notification", W, text, whole=True)


def test_deletion_per_a_schedule_or_agreement_not_provided_is_unclear() -> None:
    text = _PARTIES + (
        "14. Exit\n14.1 Following the end of the Exit Period, the Provider shall delete all Customer Data, including "
        "back-ups, in accordance with the Data Disposal Schedule, and shall certify the deletion.\n"
    )
    check("data_retention", U, text, whole=True)
    text = _PARTIES + (
        "4. End of the agreement\nAfter the end of the Exit Period the Provider shall delete the Customer Data in "
        "accordance with the retention and deletion provisions of the Processing Agreement.\n"
    )
    check("data_retention", U, text, whole=True)
    held = text.replace("the Processing Agreement", "Schedule 2") + (
        "\nSCHEDULE 2 - RETENTION\n\nThe Provider deletes Customer Data when it is no longer needed.\n"
    )
    check("data_retention", W, held, whole=True)


def test_subprocessors_set_out_in_a_processing_agreement_not_provided_are_unclear() -> None:
    text = _PARTIES + (
        "10. Personal data\n10.2 Insofar as third parties engaged by the Provider process personal data for the "
        "Customer (sub-processors), the sub-processors engaged and the procedure for engaging new sub-processors are "
        "set out in the Processing Agreement.\n"
    )
    check("subprocessor_disclosure", U, text, whole=True)


def test_assurance_offered_where_the_audit_is_denied_is_weak() -> None:
    text = _PARTIES + (
        "11. Assurance\n11.1 The Provider shall give the Customer each year its information security policy and a "
        "summary of its risk register.\n11.2 The documents described in clause 11.1 are provided in place of any "
        "right to audit, and the Customer is not otherwise entitled to inspect the Provider's records.\n"
    )
    check("audit_rights", W, text, whole=True)
    text = _PARTIES + (
        "10. Supervision\n10.6 The Customer's supervision of the Provider's processing of personal data is carried "
        "out by means of an annual ISAE 3000 type 2 assurance report.\n10.7 The Customer is not entitled to carry "
        "out inspections at the premises of the Provider.\n"
    )
    check("audit_rights", W, text, whole=True)
    text = (
        "Security\nWe don't allow customer audits of our systems. Instead, once a year and on request, we'll send you "
        "a summary letter from our external penetration testers.\n"
    )
    check("audit_rights", W, text, whole=True)


def test_a_standard_only_handed_over_labelled_or_aspired_to_is_no_commitment() -> None:
    general = "10. Security\n10.1 The Provider shall take appropriate technical and administrative security measures.\n"
    handed_over = general + (
        "10.2 The Provider may refuse an audit if it provides the Customer with a copy of its valid ISO/IEC 27001 "
        "certificate.\n"
    )
    check("security_obligations", W, handed_over, whole=True)
    aspired = general + (
        "10.2 S4 Cyber Essentials.\n10.3 The Provider confirms that it is working towards Cyber Essentials "
        "certification and expects to obtain it next year.\n"
    )
    check("security_obligations", W, aspired, whole=True)
    held = general + "10.2 The Provider maintains ISO/IEC 27001 certification for the hosting platform.\n"
    check("security_obligations", P, held, whole=True)


_ACCESS = (
    '1. Parties\nThis Agreement is made between Tamar Rates Ltd (the "Supplier") and the Borough Council (the '
    '"Customer").\n\n8. Access\n8.1 Access to Customer Data by Supplier Personnel is restricted to those who need '
    "such access to provide support.\n"
)


def test_audit_trails_that_are_the_customers_own_records() -> None:
    export = _ACCESS + (
        "8.2 For sixty days after this agreement ends, the Supplier will give the Customer a complete export of "
        "Customer Data: the rates database in CSV format, the documents in PDF/A, and the audit trail.\n"
    )
    check("access_logging", W, export, whole=True)
    uploads = _ACCESS + (
        "8.2 The Platform maintains a Project Audit Trail recording the date, time and User of each upload, "
        "revision and approval of a Project Record.\n"
    )
    check("access_logging", W, uploads, whole=True)


def test_logs_of_the_vendors_analysts_are_access_logging() -> None:
    text = _ACCESS + (
        "8.2 All analyst actions in the Customer's environment are logged, and the logs are available to the "
        "Customer in the console for the term.\n"
    )
    check("access_logging", P, text, whole=True)


def test_words_that_only_look_like_a_subprocessor_list_or_notice() -> None:
    text = _PARTIES + (
        "5. Disposal\nWithin sixty (60) days following termination, the Provider shall delete all Customer Data, "
        "including Customer Data held by its Subprocessors, except for De-identified Data.\n"
    )
    check("subprocessor_disclosure", M, text, whole=True)
    text = _PARTIES + (
        "2. Implementation\nImplementation includes the configuration of payment notice templates for the "
        "Customer's standard JCT sub-contract forms.\n"
    )
    check("subprocessor_disclosure", M, text, whole=True)


def test_subprocessor_terms_governed_by_an_annex_not_provided() -> None:
    deferred = _PARTIES + (
        "8. Sub-processors\n8.2 The engagement of sub-processors, the list of sub-processors and the procedure by "
        "which the Customer may object to a new sub-processor are governed exclusively by Annex 3.\n"
    )
    check("subprocessor_disclosure", U, deferred, whole=True)
    stated = _PARTIES + (
        "8. Sub-processors\n8.1 The Provider uses the subcontractors listed in Annex A for hosting and support.\n"
        "8.2 The Provider may engage new subcontractors or replace those listed in Annex A, and shall inform the "
        "Customer in writing at least thirty (30) calendar days in advance.\n"
    )
    check("subprocessor_disclosure", W, stated, {"notice_days": 30}, whole=True)


def test_an_annex_of_another_document_the_family_does_not_include() -> None:
    text = _PARTIES + (
        "5. Service levels\n5.1 The Provider shall provide the Service in accordance with the service levels set out "
        "in Annex 4 (Service Level Requirements) to the Procurement Documents.\n5.2 For each breach of a service "
        "level the Customer may set off a contractual penalty of 2% of the monthly fee against the fees.\n\n"
        "Annex 4 - Pricing\n\nThe monthly fee is EUR 4,000.\n"
    )
    check("service_credits", U, text, whole=True)


def test_the_prevailing_documents_own_termination_charge_and_a_disapplied_all_fees_clause() -> None:
    terms = (
        "GENERAL TERMS\n\n10. Termination\n10.2 Early termination by the Client without cause shall not exempt it from "
        "paying all the instalments remaining until the end of the current term, which shall become due "
        "immediately.\n"
    )
    order = (
        "ORDER FORM\nThis Order Form prevails over the General Terms.\n\n4. Termination\nThe Client may terminate this "
        "Order Form without cause, at any time, upon at least sixty (60) days' prior written notice, subject to "
        "payment of a termination fine equal to twenty percent (20%) of the monthly fees remaining until the end "
        "of the current term.\n"
    )
    check(
        "termination_convenience",
        P,
        {"general_terms.txt": terms, "order_form.txt": order},
        {"notice_days": 60},
    )
    lifted = (
        "2. Annual break\n2.3 The Customer may end this agreement with effect from the end of any contract year by "
        "giving at least 60 days' written notice, for any reason. If it does so, it will not have to pay any fees "
        "for later years, and the clause of the Standard Terms that requires payment of the fees for the rest of "
        "the Minimum Term does not apply.\n"
    )
    check("termination_convenience", P, lifted, {"notice_days": 60}, whole=True)


def test_list_items_that_share_one_sentence_are_read_one_by_one() -> None:
    text = (
        "CLAUSE FOURTEEN - TERMINATION. This contract shall terminate: (a) upon expiry of its term; (b) by mutual "
        "agreement; (c) unilaterally by either party in the event of a serious breach by the other party that is "
        "not cured within thirty (30) days after written notice; and (d) unilaterally by THE CLIENT, early and "
        "without cause, giving THE PROVIDER ninety (90) calendar days' written notice.\n"
    )
    check("termination_convenience", P, text, {"notice_days": 90}, whole=True)


def test_renewal_prices_at_the_rates_then_in_effect_are_uncapped() -> None:
    base = (
        "8. Term\n8.2 This Agreement renews automatically for successive twelve (12) month terms unless either party "
        "gives notice of non-renewal at least forty-five (45) days before the end of the current term. "
    )
    check(
        "renewal_notice",
        W,
        base + "Fees for each renewal term shall be the Vendor's rates then in effect.\n",
        whole=True,
    )
    uncapped = base + (
        "\n8.3 The fee percentage and other fees for each Renewal Term shall be Vendor's then-current standard rates, "
        "without limitation on the amount of any increase.\n"
    )
    check("renewal_notice", W, uncapped, {"notice_days": 45}, whole=True)


def test_general_security_terms_written_after_the_measures() -> None:
    for text in (
        "5. Security\n5.3 The Provider shall adopt technical and administrative security measures reasonably "
        "appropriate to protect the Personal Data from unauthorised access.\n",
        "4. Security\n4.1 The Provider shall take the technical and organisational measures generally followed in "
        "the telecommunications sector to protect Customer Data.\n",
    ):
        check("security_obligations", W, text, whole=True)


def test_deletion_at_the_end_of_the_purpose_or_after_the_migration() -> None:
    for text in (
        "6. Personal data\n6.5 The Executor shall destroy the personal data contained in the Customer Data upon the "
        "achievement of the purposes of their processing.\n",
        "12. Exit\n12.4 Upon the Ministry's written confirmation that the migration of the Ministry Data has been "
        "completed, the Contractor shall securely erase all Ministry Data from the hosting environments.\n",
    ):
        check("data_retention", W, text, whole=True)


def test_an_operating_rate_is_an_availability_target() -> None:
    text = (
        "Article 7 (Service level)\n(1) The Company shall endeavour to achieve a monthly operating rate of the Service "
        "of 99.5%.\n(2) The target in the preceding paragraph is a goal of the Company and not a guarantee.\n"
    )
    check("service_credits", W, text, whole=True)


def test_a_term_automatically_extended_unless_notified() -> None:
    text = (
        "THIRD CLAUSE - TERM. The term of this contract is twenty-four (24) months. The term shall be automatically "
        "extended for equal periods, unless either party notifies the other in writing of its intention not to "
        "extend it, with at least sixty (60) calendar days' notice prior to the expiry date of the term then in "
        "force.\n"
    )
    check("renewal_notice", P, text, {"term_months": 24, "notice_days": 60}, whole=True)


def test_a_clause_number_on_its_own_line_is_no_neighbour() -> None:
    text = _PARTIES + (
        "14. Verification\n\n14.1.\n\nThe Customer may verify the Provider's compliance by inspecting the relevant "
        "records, facilities and systems of the Provider, once in any period of twelve (12) months.\n\n14.2.\n\n"
        "The Customer shall give the Provider thirty (30) days' prior written notice of the verification.\n"
    )
    check("audit_rights", P, text, {"notice_days": 30}, whole=True)


def test_access_controls_only_named_as_set_out_in_an_exhibit_not_provided() -> None:
    text = _PARTIES + (
        "8. Security\n8.3 The Provider shall implement the identity and access management, privileged access, "
        "personnel screening and audit logging controls set out in Exhibit D (State Information Security "
        "Requirements), which is incorporated by reference.\n"
    )
    check("access_logging", U, text, whole=True)
    attached = text + (
        "\nEXHIBIT D - STATE INFORMATION SECURITY REQUIREMENTS\n\n1. Access to State data is limited to named "
        "staff on a least-privilege basis, and all access is logged.\n"
    )
    check("access_logging", P, attached, whole=True)
