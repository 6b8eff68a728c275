"""Twenty-eighth generalisation pass of the rule extractors: one group of tests per general mechanism fixed after
set 28 was measured blind. The drafting is written for these tests; nothing comes from the held-out set.

Mechanisms:
- audit: an inspection allowed 'once during the performance of the contract' is illusory; an examinations office's
  'examination regulations' audit nothing ('examination' counts only as an examination of something); 'The Client
  remains subject to the controls of the customs administration and to the audits of its AEO certificate' is the
  customer being audited.
- subprocessors: the vendor's own 'processors' ('may use processors', 'entrust ... to processors', 'the list of such
  processors') are subprocessors, and an annex whose heading is followed by a bracketed note of what it will hold
  and then only '[To be signed ... - not attached]' is a placeholder; subcontractors 'identified in its Proposal or
  otherwise selected by Contractor' are not listed.
- credits: 'a penalty of one percent (1%) of the annual instalment' is a remedy; 'the words "five per cent (5%)" are
  replaced by the words "fifteen per cent (15%)"' rewrites the cap; a cap in words then figures ('one thousand three
  hundred and fifty Eastern Caribbean dollars (EC$1,350.00)') against monthly charges stated on a wrapped line is a
  share of the fee.
- security and access: measures taken 'in accordance with the rules of the art' to preserve 'integrity,
  availability and confidentiality' are general terms; a staff 'undertaking of secrecy' and data 'communicated to
  them only to the extent they need to know it' are confidentiality, not access control.
- retention: disposal 'in accordance with the Data Management and Disposal Plan set out in Schedule 4', a placeholder
  schedule, is unclear.
- parties and ownership: a product name defined in the title ('... MANAGEMENT SYSTEM ("TIDELOG")') is no party; a
  hyphenated data category ('Premise-level Data') is the customer's data; fingerprint templates compared with 'the
  templates registered by the other clients' and declarations stripped of names 'made available to all users' are
  own-purpose use.
"""

from __future__ import annotations

from tests.support.extractors import M, P, U, W, check, party_patterns


def test_an_inspection_once_in_the_life_of_the_contract() -> None:
    text = (
        "(1) The Office may have the premises of the Contractor and the hosting facilities inspected once during the "
        "performance of the contract, at its own expense, by agents it designates, on thirty (30) days' prior "
        "written notice.\n"
    )
    check("audit_rights", W, text, {"notice_days": 30})
    yearly = text.replace("once during the performance of the contract", "once in each calendar year")
    check("audit_rights", P, yearly, {"notice_days": 30})


def test_examination_regulations_and_a_customer_subject_to_audits() -> None:
    exams = (
        "7.2 The Office shall notify the Contractor at least thirty (30) days before each Session of any change to "
        "the examination regulations.\n"
    )
    check("audit_rights", M, exams)
    customs = (
        "11.1 No audit, inspection or penetration test of the Provider's platform may be carried out by the Client.\n"
        "11.3 The Client remains subject to the controls of the customs administration and to the audits of its AEO "
        "certificate, which concern its own premises and procedures.\n"
    )
    check("audit_rights", M, customs, whole=True)


ANNEX = (
    "Art. 11. - Processors\n\n(1) The Contractor may use processors for the hosting of the Platform.\n\n(2) The "
    "conditions under which the Contractor may entrust the processing of Examination Data to processors, the list of "
    "such processors and the procedure for informing and consulting the Office are set out in Annex 5, which the "
    "parties shall sign before the first Session.\n\n------------------------------------------------------------\n"
    "ANNEX 5 - DATA PROCESSING ANNEX\n(list of processors; procedure for informing and consulting the Office)\n\n"
    "[To be signed by the parties before the first Session - not attached]\n"
)


def test_the_vendors_processors_deferred_to_an_annex_still_to_be_signed() -> None:
    check("subprocessor_disclosure", U, ANNEX, whole=True)
    signed = ANNEX.replace(
        "[To be signed by the parties before the first Session - not attached]",
        "| Processor | Service |\n|---|---|\n| Cloudbay Ltd | hosting |\n\nThe Contractor informs the Office of any "
        "new processor thirty (30) days in advance, and the Office may object.",
    )
    check("subprocessor_disclosure", P, signed, whole=True)


def test_subcontractors_identified_in_a_proposal_or_otherwise_selected() -> None:
    text = (
        "10.1 Contractor may engage Subcontractors, including cloud hosting and SMS providers, whether identified in "
        "its Proposal or otherwise selected by Contractor.\n"
    )
    check("subprocessor_disclosure", M, text)


def test_a_penalty_on_the_annual_instalment() -> None:
    text = (
        "8(1) During the Results Publication Periods the web portal shall be available at least 99.5% of the time.\n"
        "9(1) For each full hour of unavailability beyond the threshold of Art. 8(1), the Contractor incurs a penalty "
        "of one percent (1%) of the annual instalment, within a limit of twenty percent (20%) of that instalment per "
        "Session.\n"
    )
    check("service_credits", P, text, whole=True)


def test_a_cap_rewritten_word_for_word() -> None:
    text = (
        "SCHEDULE 3 - SERVICE LEVELS\n\n1. The System shall be available 99.5% of the time in each month.\n\n2. If "
        "availability falls below the target, the Ministry is entitled to a service credit of 2% of the Monthly Fee "
        "for each 0.5% below it.\n\n4. Cap. The total service credits in any month shall not exceed five per cent "
        "(5%) of the Monthly Fee.\n\nSPECIAL CONDITIONS\n\nSCC 4 (Schedule 3) In paragraph 4 of Schedule 3, the words "
        '"five per cent (5%)" are replaced by the words "fifteen per cent (15%)".\n'
    )
    check("service_credits", P, text, {"cap_percent": 15}, whole=True)
    check("service_credits", W, text.split("SPECIAL CONDITIONS")[0], {"cap_percent": 5}, whole=True)


def test_a_cap_in_words_then_figures_against_wrapped_monthly_charges() -> None:
    text = (
        "4. SERVICE CREDITS\n\n4.1 SL 1: the Hosted Services shall be available 99.8% of each month. If a Service Level "
        "is not met in a month, the Customer is entitled to the following Service Credits:\n      SL 1 below 99.8% "
        "........ 3% of the Monthly Charges\n      SL 1 below 99.5% ........ 5% of the Monthly Charges\n      SL 2 not "
        "met ............ 1% of the Monthly Charges\n\n4.2 Service Credits are shown in the monthly service report. "
        "They are deducted from the next invoice.\n\n4.3 For reference, the Monthly Charges at the Effective Date are\n"
        "    EC$27,000.00 for the three Sites.\n\n4.4 The total Service Credits in any month shall not exceed one "
        "thousand\n    three hundred and fifty Eastern Caribbean dollars (EC$1,350.00).\n"
    )
    check("service_credits", W, text, {"cap_percent": 5}, whole=True)


def test_the_rules_of_the_art_for_integrity_and_confidentiality() -> None:
    text = (
        "(1) The Contractor shall take, in accordance with the rules of the art (règles de l'art), the technical and "
        "organisational measures necessary to preserve the integrity, availability and confidentiality of "
        "Examination Data.\n"
    )
    check("security_obligations", W, text)


def test_an_undertaking_of_secrecy_and_data_communicated_on_a_need_to_know() -> None:
    text = (
        "(2) The members of the Contractor's staff who take part in a Session sign an individual undertaking of "
        "secrecy, and the Contractor communicates Examination Data to them only to the extent they need to know it.\n"
    )
    check("access_logging", M, text)


def test_disposal_under_a_titled_plan_in_a_placeholder_schedule() -> None:
    text = (
        "20.2 On termination or expiry of this Contract, the Contractor shall return all Ministry Data to the "
        "Ministry in CSV format.\n20.3 After the return of the Ministry Data, the Contractor shall dispose of all "
        "Ministry Data and copies in accordance with the Data Management and Disposal Plan set out in Schedule 4.\n\n=============================\nSCHEDULE 1 - SCOPE OF SERVICES\n"
        "=============================\n\n1. The Contractor hosts and supports the System.\n\n"
        "=============================\nSCHEDULE 4 - "
        "DATA MANAGEMENT AND DISPOSAL PLAN\n=============================\n\n[To be agreed by the Parties within sixty "
        "(60) days after the Commencement Date. Not attached at the date of this Contract.]\n"
    )
    check("data_retention", U, text, whole=True)


def test_a_product_name_defined_in_the_title_is_no_party() -> None:
    text = (
        'CONTRACT FOR A HOSTED FISHING LICENCE MANAGEMENT SYSTEM ("REEFLOG")\n\nBETWEEN\n\nTHE GOVERNMENT OF NAURU, '
        'acting through the Department of Fisheries, Yaren District (the "Department");\n\nAND\n\nCORAL BYTE '
        'LIMITED, a company incorporated in Fiji (the "Contractor").\n\n1. SERVICES\n1.1 The Contractor shall provide '
        "the System.\n"
    )
    vendor, customer = party_patterns(text, "contract.txt")
    assert "Department" in customer and "REEFLOG" not in customer, customer
    logs = text + (
        "12.2 The Department's System Administrator creates user accounts for Department officers and vessel "
        "operators, assigns their roles, and may review the activity log of each user account.\n"
    )
    check("access_logging", M, logs, whole=True)


def test_a_hyphenated_data_category_trained_for_other_utilities() -> None:
    text = (
        '1.4 **"Premise-level Data"** means meter reads relating to an individual service connection.\n\n7.1 As '
        "between the parties, Authority Data is the property of the Authority.\n\n7.3 The Authority grants Contractor "
        "a perpetual licence to use Premise-level Data, with customer names and account numbers removed, to develop "
        "and train Contractor's leak detection models, which Contractor licenses to other utilities.\n"
    )
    check("data_ownership", W, text, filename="agreement.md")


def test_records_shared_with_the_vendors_other_clients() -> None:
    biometric = (
        "10.1 Programme Data are and remain the exclusive property of the Association.\n10.3 The Provider may store "
        "the fingerprint templates of Beneficiaries in its shared registry and compare them with the templates "
        "registered by the other clients of the Provider.\n"
    )
    check("data_ownership", W, biometric, whole=True)
    declarations = (
        "8.1 Client Data remain the property of the Client.\n8.3 The Client authorises the Provider to use the goods "
        "descriptions contained in the Declarations, after removal of the Client's name and of the names of "
        "importers, to enrich the classification assistant made available to all users of the Solution.\n"
    )
    check("data_ownership", W, declarations, whole=True)
