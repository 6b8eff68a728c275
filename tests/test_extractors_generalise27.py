"""Twenty-seventh generalisation pass of the rule extractors: one group of tests per general mechanism fixed after
set 27 was measured blind. The drafting is written for these tests; nothing comes from the held-out set.

Mechanisms:
- reading: items numbered '5.1.1.' take the lead-in 'The Customer has the right:'; a notice period wrapped on a
  fixed-width line ('ten (10) calendar days' / 'in advance') is still a notice; where words and figures disagree
  ('fourteen (10) days') the words prevail; 'three (3) Ski Seasons of twelve (12) months each' is 36 months; a bold
  paragraph number ('**12.4**') is the clause a 'Notwithstanding Section 12.4' sets aside; 'Whether, when and on
  what terms the District may terminate ... shall be as stated in Item 6 of the Purchase Order' grants nothing.
- precedence: 'These Special Conditions prevail over the Terms'; a clause that does not apply 'to Concierge
  conversations' is switched off for those only.
- renewal: 'shall be deemed extended for each following year' and 'renew tacitly' are renewals; 'the fees may not
  increase by more than 3% on each renewal' caps them; a waiver of convenience termination 'during the firm period'
  of a contract that then renews for fixed periods leaves no convenience right (one that then runs for an
  indefinite period, terminable on notice, does).
- subprocessors: a consent that 'is not required', or one the subprocessors are exempt from ('except
  Co-executors'), is no right to object.
- ownership: 'as the owner of the personal data base' is a register, not the data; load profiles recorded by the
  customer's meters, and its vehicle photos, trained into models for all customers are own-purpose use.
- security and logging: a payment gateway 'which holds its own PCI DSS certification' is a third party's; 'All
  actions of such employees with the Customer's Data are recorded' logs them; a site menu's 'Security Log in' and an
  audit log 'visible to Customer' are not the vendor's logging.
- change: 'no modification of the MSA ... shall bind the District unless it is set out in a written amendment' is
  change control.
- credits: a yearly cap of 'fifty per cent (50%) of one Monthly Fee' is about 4% of each month's.
- where: a paragraph number that repeats under each article ("2." under "Article 15 - Duration and termination")
  is named with its heading in the reasons.
- exit and retention: 'deliver ... within fourteen (14) days after the State's written request, a copy of the State
  Data' returns the data, and 'After delivery of that copy, the Contractor shall purge' deletes it on exit; a
  reversibility plan 'to be drawn up ... within six (6) months after Commissioning' whose annex holds only a
  bilingual placeholder under a rule line leaves exit unclear; incident notice 'determined by the Regulation ...
  (Appendix No. 4)' that is 'To be approved ... Not attached' leaves it unclear.
The partial switch-off passed before the pass too: it guards the bold paragraph number, which would otherwise let
'does not apply to Concierge conversations' switch all of 6.3 off.
"""

from __future__ import annotations

from extractors.text import find_durations, parse_number
from tests.support.extractors import M, P, U, W, check


def test_words_prevail_over_a_mistyped_figure() -> None:
    assert parse_number("fourteen (10)") == 14
    assert parse_number("15 (fifteen)") == 15
    assert parse_number("(45)") == 45
    text = (
        "9.1 The Service Provider's current sub-processors are listed in Schedule 3. The Service Provider shall "
        "notify the Fund of any new sub-processor not less than fourteen (10) days before engaging it.\n\n"
        "SCHEDULE 3 - SUB-PROCESSORS\n| Name | Service |\n|---|---|\n| Cloudline Ltd | hosting |\n"
    )
    check("subprocessor_disclosure", W, text, {"notice_days": 14}, whole=True)


def test_a_count_of_periods_of_one_length() -> None:
    (d,) = find_durations("Subscription Term: three (3) Ski Seasons of twelve (12) months each.")
    assert (d.value, d.unit) == (36, "months")
    assert [x.value for x in find_durations("renews for successive periods of twelve (12) months each")] == [
        12
    ]


TURKMEN = (
    "5. RIGHTS AND OBLIGATIONS OF THE PARTIES\n\n5.1. The Customer has the right:\n5.1.1. to use the System in "
    "accordance with its purpose;\n5.1.2. together with its internal audit service and its external auditor, to "
    "inspect the Contractor's records, systems and information-protection measures relating to the Services, "
    "having notified the Contractor not less than ten (10) calendar days\n       in advance, no more than once per "
    "calendar year.\n5.2. The Customer shall:\n5.2.1. pay for the Services on time.\n"
)


def test_a_multi_level_item_takes_its_lead_in_and_a_wrapped_notice() -> None:
    check("audit_rights", P, TURKMEN, {"notice_days": 10}, whole=True)


def test_employees_actions_recorded_in_a_journal() -> None:
    text = (
        "8.2. Access of the Contractor's employees to the Customer's Data is granted only to employees whose job "
        "duties require it, on the principle of minimum necessary privileges. All actions of such employees with "
        "the Customer's Data are recorded in an electronic journal, which is kept for at least one (1) year.\n"
    )
    check("access_logging", P, text, whole=True)
    check("access_logging", W, text.split(" All actions")[0] + "\n", whole=True)


def test_a_contract_deemed_extended_each_following_year() -> None:
    text = (
        "11.1. This Contract is valid for one (1) year from the date of signing.\n11.2. If neither Party declares in "
        "writing its wish to terminate this Contract not later than one hundred and twenty (120) calendar days "
        "before the expiry of its term, this Contract shall be deemed extended for each following year on the same "
        "terms.\n"
    )
    check("renewal_notice", W, text, {"term_months": 12, "notice_days": 120}, whole=True)


def test_a_consent_that_is_not_required_or_that_subprocessors_are_exempt_from() -> None:
    text = (
        "1.6. Co-executor - a third party engaged by the Contractor to perform part of the Services.\n"
        "5.3. The Contractor may engage the Co-executors listed in Appendix No. 3. The Contractor shall inform the "
        "Customer in writing of the engagement of a new Co-executor not later than fifteen (15) calendar days "
        "before its engagement. The consent of the Customer to the engagement of a new Co-executor is not "
        "required.\n8.1. The Contractor shall not transfer the Customer's Data to third parties, except "
        "Co-executors, without the written consent of the Customer.\n\nAppendix No. 3 - List of Co-executors\n"
        "| No | Co-executor |\n|---|---|\n| 1 | Datacentre LLC |\n"
    )
    finding = check("subprocessor_disclosure", W, text, {"notice_days": 15}, whole=True)
    assert "no right to object" in finding.reason, finding.reason


def test_the_owner_of_a_personal_data_base_owns_a_register() -> None:
    text = (
        "8.5. Notification of the competent state bodies of violations affecting personal data is carried out by "
        "the Customer as the owner of the personal data base.\n"
    )
    check("data_ownership", M, text, whole=True)


def test_meter_load_profiles_and_vehicle_photos_trained_for_all_customers() -> None:
    meters = (
        "8.1 The Client Data are and remain the exclusive property of the Client.\n8.3 The Provider may use the "
        "half-hourly load profiles recorded by the Meters, after replacing the meter number by a code, to train "
        "the load-forecasting algorithms of the Solution, which the Provider makes available to all its clients.\n"
    )
    check("data_ownership", W, meters, whole=True)
    photos = (
        "7.1 You own your Customer Data.\n7.2 You grant us a non-exclusive licence to use Vehicle Photos and Damage "
        "Annotations to train, test and improve our damage-detection models, which we make available to all our "
        "customers.\n"
    )
    check("data_ownership", W, photos, whole=True)


def test_a_payment_gateways_own_certification() -> None:
    text = (
        "9.1 The Provider will take reasonable steps, consistent with good industry practice, to protect Operator "
        "Data.\n9.2 Card payments are processed by the payment gateway of the Operator's bank, which holds its own "
        "PCI DSS certification.\n"
    )
    check("security_obligations", W, text, whole=True)


def test_a_menu_log_in_and_a_log_visible_to_the_customer() -> None:
    menu = (
        "<nav>Product Pricing Trust &amp; Security Log in</nav><h2>9. Users</h2><p>9.1 You create the accounts of "
        "your agents and assign their roles.</p><p>9.2 Our personnel are bound by a confidentiality obligation.</p>"
    )
    check("access_logging", M, menu, filename="terms.html")
    visible = (
        "8.2 Customer is responsible for its Authorized Users and their roles. The Services record each price "
        "override made by an Authorized User in an audit log visible to Customer.\n"
    )
    check("access_logging", M, visible, whole=True)


def test_special_conditions_that_prevail_renew_tacitly_with_a_capped_increase() -> None:
    terms = (
        "<h2>3. Subscription term</h2><p>3.1 Your subscription runs for the term stated in your order and then "
        "renews automatically for the same period, unless either party terminates it at least thirty (30) days "
        "before the end of the current period.</p><p>3.2 Renewals are invoiced at our list prices in force on the "
        "renewal date.</p>"
    )
    special = (
        "CONDITIONS PARTICULIÈRES / SPECIAL CONDITIONS\n\nCP-0 These Special Conditions prevail over the Terms of "
        "Use.\n\nCP-2 These Special Conditions are concluded for an Initial Period of twenty-four (24) months. They "
        "then renew tacitly for periods of twelve (12) months, unless terminated by either party at least sixty "
        "(60) days before the renewal date. By derogation from Article 3 of the Terms, the fees may not increase by "
        "more than three per cent (3%) on each renewal.\n"
    )
    family = {"terms.html": terms, "conditions_particulieres.txt": special}
    check("renewal_notice", P, family, {"term_months": 24, "notice_days": 60})
    check("renewal_notice", W, {"terms.html": terms})


def test_a_convenience_waiver_for_the_firm_period() -> None:
    base = (
        "3.1 The Contract is concluded for a firm period of thirty-six (36) months from go-live.\n3.2 It then "
        "{after}\n15.2 During the firm period, the Client waives the right to terminate the Contract unilaterally "
        "without cause.\n"
    )
    fixed = "renews tacitly for successive periods of one (1) year unless either Party gives ninety (90) days' notice."
    check("termination_convenience", M, base.format(after=fixed), whole=True)
    open_ended = (
        "continues for an indefinite period and may be terminated by either Party on six (6) months' notice."
    )
    check("termination_convenience", W, base.format(after=open_ended), {"lockin_months": 36}, whole=True)


def test_a_notwithstanding_clause_against_a_bold_numbered_paragraph() -> None:
    msa = (
        "## 12. Termination\n\n**12.4** Following termination, Vendor deletes Customer Data in accordance with its "
        "data retention schedule.\n"
    )
    order = (
        "ORDER FORM\n\nST-7 Notwithstanding Section 12.4 of the Agreement, within thirty (30) days after termination "
        "Vendor shall delete Customer Data from its systems.\n"
    )
    check("data_retention", P, {"agreement.md": msa, "order_form.txt": order}, {"deletion_days": 30})
    check("data_retention", W, {"agreement.md": msa})


def test_a_clause_disapplied_for_one_kind_of_data_only() -> None:
    msa = (
        "## 6. Data\n\n**6.1** As between the parties, Customer owns all Customer Data.\n\n**6.3** Customer grants "
        "Vendor a perpetual licence to use Transaction Data to train and improve the Vendor pricing models, which "
        "serve all Vendor customers.\n"
    )
    order = "ORDER FORM\n\nST-5 Section 6.3 of the Agreement does not apply to Concierge conversations.\n"
    check("data_ownership", W, {"agreement.md": msa, "order_form.txt": order})


def test_a_modification_that_binds_only_by_written_amendment() -> None:
    msa = (
        "14. GENERAL\n14.2 Vendor may modify this Agreement, the Documentation or the Services by posting an updated "
        "version at least ten (10) days before it takes effect.\n"
    )
    addendum = (
        "PUBLIC AGENCY ADDENDUM\n\n3.1 Notwithstanding Section 14.2 of the MSA, no modification of the MSA, the "
        "Documentation or the fees shall bind the District unless it is set out in a written amendment approved by "
        "the District's Board and signed by its Chair.\n"
    )
    finding = check("change_notification", P, {"msa.txt": msa, "addendum.txt": addendum})
    assert "change control" in finding.reason, finding.reason


def test_a_convenience_right_asked_not_granted() -> None:
    text = (
        "10.2 Whether, when and on what terms the District may terminate this Agreement for convenience, including "
        "the notice period and any amount payable, shall be as stated in Item 6 of the Purchase Order.\n"
    )
    check("termination_convenience", U, text, whole=True)


def test_a_yearly_cap_on_a_share_of_one_monthly_fee() -> None:
    text = (
        "5.1 The System shall be available 99.5% of Business Hours in each month; for each 0.5% below target the "
        "Fund receives a Service Credit of 5% of the Monthly Fee.\n5.2 The aggregate of all Service Credits in any "
        "Fund Year shall not exceed an amount equal to {share} of one Monthly Fee.\n"
    )
    check("service_credits", W, text.format(share="fifty per cent (50%)"), {"cap_percent": 4.2}, whole=True)
    check(
        "service_credits",
        P,
        text.format(share="three hundred per cent (300%)"),
        {"cap_percent": 25},
        whole=True,
    )


def test_a_copy_delivered_on_request_then_purged() -> None:
    text = (
        "12.2 Upon expiration or termination of this Contract, the Contractor shall deliver to the State, within "
        "fourteen (14) days after the State's written request, a copy of the State Data in a format reasonably "
        "acceptable to the Director.\n12.3 After delivery of that copy, the Contractor shall purge State Data from "
        "the Platform in accordance with its standard data disposal practices.\n"
    )
    check("exit_assistance", W, text, whole=True)
    check("data_retention", W, text, whole=True)


def test_a_reversibility_plan_to_be_drawn_up_after_commissioning() -> None:
    text = (
        "ARTICLE 19 - REVERSIBILITY\n\n19.1 On the expiry or termination of the Contract, the Provider shall carry "
        "out the reversibility of the Solution under the conditions set out in the Reversibility Plan.\n\n19.2 The "
        "Reversibility Plan, which shall set out the duration of the reversibility period, the export formats and "
        "the price of the assistance, shall be drawn up jointly by the Parties within six (6) months after "
        "Commissioning and shall form Annex 5.\n\n=====================================\nANNEX 5 - REVERSIBILITY "
        "PLAN\n=====================================\n\n  [À établir conjointement par les Parties - non joint.]\n"
        "  [To be drawn up jointly by the Parties - not attached.]\n"
    )
    check("exit_assistance", U, text, whole=True)


def test_incident_terms_in_an_appendix_still_to_be_approved() -> None:
    text = (
        "8.3. In the event of an Information Security Incident the Contractor shall take measures to localise it.\n"
        "8.4. The procedure and time limits for notifying the Customer of Information Security Incidents are "
        "determined by the Regulation on the interaction of the Parties in the event of Information Security "
        "Incidents (Appendix No. 4), which the Parties shall approve within thirty (30) calendar days after "
        "signing the Act of commissioning.\n\n                         Appendix No. 4 to Contract No. 14/2026-IT\n"
        "      REGULATION ON THE INTERACTION OF THE PARTIES IN THE EVENT OF INFORMATION SECURITY INCIDENTS\n\n"
        "   To be approved by the Parties in accordance with clause 8.4 of the Contract. Not attached.\n"
    )
    check("incident_notification", U, text, whole=True)


def test_a_paragraph_number_repeated_under_each_article_names_its_heading() -> None:
    text = (
        "## Article 3 - Fees\n\n1. The Client pays the fees monthly.\n\n2. Invoices are payable within thirty days.\n\n"
        "## Article 15 - Duration and termination\n\n1. This Agreement is entered into for an indefinite period.\n\n"
        "2. Each Party may terminate this Agreement with a notice period of three (3) months.\n"
    )
    finding = check("termination_convenience", P, text, filename="agreement.md")
    assert "'Duration and termination' §2" in finding.reason, finding.reason
