"""Twenty-sixth generalisation pass (partial) of the rule extractors: one group of tests per general mechanism
fixed after set 26 was measured blind. The drafting is written for these tests; nothing comes from the held-out set.

Mechanisms: a heading glued above a clause keeps its 'Art.' and its number aside ('Art. 4 - Duration and renewal');
a fixed-width field whose label wraps below its value ('Initial Subscription ... twenty-four (24) months' /
'Term') states the term; another document that cites the renewal clause and restates its window ('Section 2.2 of
the MSA applies to renewal, except that the notice of non-renewal must be given at least ninety (90) days before')
sets the window, but a citation that says nothing of renewal does not; a notice to terminate ('subject to notice of
six (6) months') is no exit period; a change-control clause reads past a cited 'Article 15.3' and 'shall take
effect without an amendment signed by both Parties'; renewal at 'the Supplier's list charges' is uncapped.

Second pass: a notice-only termination right read past a bracketed term of art and 'by registered letter', its
'may not take effect before the end of the thirtieth month' a lock-in, not an event; the live data's deletion
deadline beside the backups' one in the same sentence; a new subprocessor 'posted' or 'published' days before it
starts is advance notice; a period called by its defined name ('the Exit Period stated in Item 7') takes the length
where the family defines it; a credit cap written as a fraction ('one-twentieth (1/20th)'); 'Art. 13
(Inspections)' in a list of specifically approved clauses is a title, not a right; record-level purchase histories
fed to a service the vendor offers to its other retailers are own-purpose use; reports 'in lieu of any right of the
Customer to audit' replace the audit; a titled schedule identified with an annexure ('The Service Level Schedule is
Annexure B') that is still to be agreed leaves credits unclear; '(replaces clause 14.2 of the MSA)' switches the
clause off; a plan that 'shall set out ... encryption' and is to become an annex not provided leaves security
unclear; a rule line ends a sentence, and a coded run-in title ('D1  Regulatory access and audit.') grants nothing.
"""

from __future__ import annotations

from extractors.spans import glued_heading_end
from tests.support.extractors import M, P, U, W, check


def test_an_art_heading_glued_above_the_term() -> None:
    # (a DOCX paragraph keeps the heading on the sentence's first line)
    glued = "Art. 4 - Duration and renewal\n4.1 The Contract has a duration of thirty-six (36) months."
    assert glued_heading_end(glued) == glued.index("\n")
    assert glued_heading_end("The term is one year. It renews\nautomatically.") == 0
    text = (
        "Art. 4 - Duration and renewal\n4.1 The Contract has a duration of thirty-six (36) months from the date of "
        "go-live.\n4.2 On expiry, the Contract is tacitly renewed from year to year, unless notice of termination is "
        "sent by either Party at least one hundred and eighty (180) days before the expiry.\n"
    )
    check("renewal_notice", W, text, {"term_months": 36, "notice_days": 180}, whole=True)


def test_a_field_label_wrapped_below_its_value() -> None:
    terms = (
        "<h2>3. Term</h2><p>3.2 The subscription renews automatically for successive periods of twelve (12) months "
        "unless either party gives written notice of non-renewal at least sixty (60) days before the end of the "
        "then-current term.</p>"
    )
    order = (
        "ORDER FORM\n\nFees ................... USD 1,450 per month\nGo-Live Date ........... 1 April 2026\n"
        "Initial Subscription ... twenty-four (24) months from the Go-Live Date\nTerm\n"
    )
    check(
        "renewal_notice",
        P,
        {"terms.html": terms, "order_form.txt": order},
        {"term_months": 24, "notice_days": 60},
    )


MSA = (
    "2. TERM\n2.1 This Agreement begins on the Effective Date.\n2.2 Each Order renews automatically for successive "
    "twelve (12) month terms unless either party gives notice of non-renewal at least one hundred twenty (120) days "
    "before the end of the then-current term.\n\n15. FEES\n15.1 Fees are payable quarterly.\n"
)


def test_another_document_restates_the_renewal_window() -> None:
    order = (
        "ORDER FORM\n\nST-1  Initial term. The initial term of this Order is thirty-six (36) months from the Go-Live "
        "Date.\n      Section 2.2 of the MSA applies to renewal, except that the notice of non-renewal must be given\n"
        "      at least ninety (90) days before the end of the then-current term.\n"
    )
    check("renewal_notice", P, {"msa.txt": MSA, "order_form.txt": order}, {"notice_days": 90})
    # a citation of the renewal clause's number that speaks of something else restates nothing
    other = (
        "SERVICE LEVEL SCHEDULE\n\nIf Availability is below 99.0% in three consecutive months, Customer may, by written "
        "notice given within thirty (30) days, terminate the affected modules without the fee in Section 2.2 of the "
        "Agreement.\n"
    )
    check("renewal_notice", W, {"msa.txt": MSA, "sla_schedule.txt": other}, {"notice_days": 120})


def test_a_notice_to_terminate_is_no_exit_period() -> None:
    text = (
        "Article 21 - Reversibility\n21.1 Upon the expiry or termination of the Contract, the Provider shall make "
        "available to the Client, for three (3) weeks from the effective date of termination, an export of all the "
        "Client Data in CSV format.\n21.3 The Provider may terminate the Contract at any time, subject to notice of "
        "six (6) months; in that case it carries out the reversibility operations at its own cost.\n"
    )
    check("exit_assistance", W, text, {"period_days": 21}, whole=True)


def test_change_control_past_a_cited_article_number() -> None:
    text = (
        "9.2 No modification of the functionalities of the Platform, of the service levels set out in Article 8 or, "
        "save as provided in Article 15.3, of the prices set out in Annex 2 shall take effect without an amendment "
        "(avenant) signed by both Parties.\n"
    )
    finding = check("change_notification", P, text, whole=True)
    assert "change control" in finding.reason, finding.reason


def test_renewal_at_the_suppliers_list_charges() -> None:
    text = (
        "2.2 This agreement shall automatically continue after the Minimum Term for successive Renewal Periods, "
        "unless either party gives the other not less than ninety (90) days' written notice to terminate at the end "
        "of the Minimum Term or of the then-current Renewal Period.\n2.3 The Charges for each Renewal Period shall be "
        "the Supplier's list charges current at the start of that Renewal Period.\n"
    )
    finding = check("renewal_notice", W, text, {"notice_days": 90}, whole=True)
    assert "uncapped" in finding.reason, finding.reason


# --- second pass: the rest of set 26's general mechanisms -------------------------------------------------------


def test_notice_termination_with_a_term_of_art_and_a_lockin_proviso() -> None:
    base = (
        "Article 12 - Duration\n12.1 This Agreement is concluded for an indefinite period.\n12.2 Each Party may "
        "terminate (kündigen) this Agreement by registered letter with a notice period of three (3) months{tail}\n"
    )
    check("termination_convenience", P, base.format(tail="."), {"notice_days": 90}, whole=True)
    locked = (
        ", provided that the termination may not take effect before the end of the thirtieth (30th) month."
    )
    check("termination_convenience", W, base.format(tail=locked), {"lockin_months": 30}, whole=True)
    # the same wording hung on a breach is a right for cause
    breach = " if the other Party commits a material breach."
    check("termination_convenience", M, base.format(tail=breach), whole=True)


def test_the_live_datas_deadline_beside_a_backup_deadline() -> None:
    text = (
        "Within thirty (30) days after the termination or expiration of the Subscription for any reason, Provider "
        "shall delete all Customer Data from the Service, and from its backups within one hundred twenty (120) days.\n"
    )
    check("data_retention", P, text, {"deletion_days": 30})
    alone = "Provider shall delete all backups of Customer Data within ninety (90) days after termination.\n"
    check("data_retention", P, alone, {"deletion_days": 90})


def test_a_new_subprocessor_posted_days_before_it_starts() -> None:
    text = (
        "<h2>8. Subprocessors</h2><p>8.1 Our current Subprocessors are listed at status.example.com/subprocessors. "
        "We will publish any new Subprocessor on that page at least twenty (20) days before it starts processing "
        "Customer Data.</p>"
    )
    finding = check("subprocessor_disclosure", W, text, {"notice_days": 20}, filename="terms.html")
    assert "advance notice of new ones" in finding.reason, finding.reason


def test_an_exit_period_stated_in_a_schedule_item() -> None:
    text = (
        "SCHEDULE 1 - CONTRACT DETAILS\n\n| Item | Detail | Particulars |\n|---|---|---|\n"
        "| 6 | Fees | $12 per user per month |\n| 7 | Exit Period | sixty (60) days after the Agreement ends |\n\n"
        "GENERAL TERMS\n\n14. Exit\n14.1 During the Exit Period stated in Item 7, the Supplier must provide a complete "
        "export of Customer Data in CSV format and reasonable assistance to move it to a replacement provider.\n"
    )
    finding = check("exit_assistance", P, text, {"period_days": 60}, filename="agreement.md")
    assert any("| 7 | Exit Period |" in e.quote for e in finding.evidence), finding.evidence


def test_a_credit_cap_written_as_a_fraction() -> None:
    text = (
        "5.1 Vendor shall make the Services available 99.9% of the time in each calendar month. If Vendor fails to "
        "meet that commitment, Customer shall receive a service credit of two percent (2%) of the monthly fee for "
        "each hour of unavailability, provided that the total service credits for any month shall not exceed "
        "{cap} of the monthly fee.\n"
    )
    check("service_credits", W, text.format(cap="one-twentieth (1/20th)"), {"cap_percent": 5}, whole=True)
    check("service_credits", P, text.format(cap="one-half"), {"cap_percent": 50}, whole=True)


def test_an_abbreviated_article_title_in_a_list_of_approved_clauses() -> None:
    text = (
        "Art. 13 - Inspections\n13.1 The Client acknowledges that the Supplier does not allow inspections at its "
        "premises or at the data centres it uses, nor audits of its systems by the Client.\n\nArt. 22 - Final "
        "provisions\n22.4 The Supplier shall provide the Services from its data centres.\n\nFor the Client: Mario "
        "Rossi - For the Supplier: Anna Bianchi\nPursuant to Articles 1341 and 1342 of the Civil Code, the Client "
        "specifically approves the following clauses: Art. 4 (Duration and tacit renewal), Art. 13 (Inspections), "
        "Art. 16 (Liability).\n"
    )
    check("audit_rights", M, text, whole=True)


def test_purchase_histories_offered_to_the_vendors_other_retailers() -> None:
    text = (
        "10.1 The Client Data remain the exclusive property of the Client.\n10.2 The Supplier may use the purchase "
        "histories of the Client's shoppers, in pseudonymised form, to feed the recommendation service that the "
        "Supplier offers to other retailers.\n"
    )
    check("data_ownership", W, text, whole=True)
    # kept to the Client's own service, the same histories are purpose-limited use
    own = text.replace("that the Supplier offers to other retailers", "that the Supplier runs for the Client")
    check("data_ownership", P, own, whole=True)


def test_reports_in_lieu_of_any_right_of_the_customer_to_audit() -> None:
    text = (
        "12.1 The Customer acknowledges that the Supplier's ISO/IEC 27001 certificate and its annual SOC 2 Type II "
        "report, which the Supplier will make available on request, are provided in lieu of any right of the "
        "Customer to audit or inspect the Supplier's premises, systems or records.\n"
    )
    check("audit_rights", W, text, whole=True)


MSA_SLA = (
    "5. SERVICE LEVELS\n5.1 The Supplier will provide the Services in accordance with the Service Level Schedule "
    "referenced in the Order Form. Service credits under the Service Level Schedule are the Customer's sole and "
    "exclusive remedy for any unavailability of the Services.\n"
)


def test_a_titled_schedule_identified_with_an_annexure_still_to_be_agreed() -> None:
    order = (
        "ORDER FORM\n\nSC2  Service Level Schedule (clause 5.1 of the MSA)\n     The Service Level Schedule is "
        "Annexure B to this Order Form.\n\nANNEXURES\nAnnexure A   Implementation Plan (attached)\nAnnexure B   "
        "Service Level Schedule - to be agreed between the parties after Go-Live. Not attached at signature.\n"
    )
    check("service_credits", U, {"msa.md": MSA_SLA, "order_form.txt": order})
    attached = order.replace(
        "Service Level Schedule - to be agreed between the parties after Go-Live. Not attached at signature.",
        "Service Level Schedule (attached)\n\nANNEXURE B - SERVICE LEVEL SCHEDULE\nB1 The Services shall be "
        "available 99.8% of each month; below that, the Customer receives a credit of 10% of the monthly fee.",
    )
    check("service_credits", P, {"msa.md": MSA_SLA, "order_form.txt": attached})


def test_a_condition_that_replaces_a_clause_of_the_msa() -> None:
    msa = (
        "MASTER SERVICES AGREEMENT\n\n14. EXIT\n14.1 The Supplier will export Customer Data on request.\n14.2 After termination, the Supplier "
        "will delete Customer Data within thirty (30) days.\n"
    )
    order = (
        "ORDER FORM - SPECIAL CONDITIONS (these prevail over the MSA)\n\nSC4  Retention after termination "
        "(replaces clause 14.2 of the MSA)\n     After termination, the Supplier will retain Customer Data for as "
        "long as the Supplier's Data Retention Policy requires, and will thereafter delete it.\n"
    )
    check("data_retention", P, {"msa.md": msa}, {"deletion_days": 30})
    check("data_retention", W, {"msa.md": msa, "order_form.txt": order})


def test_a_security_plan_still_to_be_submitted_as_an_annex() -> None:
    text = (
        "Article 15 - Security\nThe Provider shall implement the security measures described in the Security Plan "
        '("SSP"). The SSP shall set out in particular the hosting, encryption, backup and access management '
        "requirements applicable to the Solution. The Provider shall submit a draft SSP within two (2) months of "
        "signature. Once validated by the Client, the SSP shall constitute Annex 4 of the Contract.\n\n"
        "Article 30 - Annexes\nAnnex 4 - Security Plan (to be submitted under Article 15; not attached).\n"
    )
    check("security_obligations", U, text, whole=True)


def test_a_coded_run_in_title_below_a_rule_line() -> None:
    order = (
        "PART D - SPECIAL CONDITIONS\n(Negotiated for this Order Form. They prevail over the Terms.)\n"
        "-------------------------------------------------------------------\nD1  Regulatory access and audit. "
        "Clause 12 of the Terms does not apply. The audit and inspection rights of the Customer and its regulator "
        "are set out in the Regulatory Addendum, which the parties shall sign before the Go-Live Date.\n"
    )
    terms = (
        "<h2>12. Audit</h2><p>12.1 You may not audit us; we provide our ISO 27001 certificate instead.</p>"
    )
    check("audit_rights", U, {"terms.html": terms, "order_form.txt": order})
