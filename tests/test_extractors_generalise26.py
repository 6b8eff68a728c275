"""Twenty-sixth generalisation pass (partial) of the rule extractors: one group of tests per general mechanism
fixed after set 26 was measured blind. The drafting is written for these tests; nothing comes from the held-out set.

Mechanisms: a heading glued above a clause keeps its 'Art.' and its number aside ('Art. 4 - Duration and renewal');
a fixed-width field whose label wraps below its value ('Initial Subscription ... twenty-four (24) months' /
'Term') states the term; another document that cites the renewal clause and restates its window ('Section 2.2 of
the MSA applies to renewal, except that the notice of non-renewal must be given at least ninety (90) days before')
sets the window, but a citation that says nothing of renewal does not; a notice to terminate ('subject to notice of
six (6) months') is no exit period; a change-control clause reads past a cited 'Article 15.3' and 'shall take
effect without an amendment signed by both Parties'; renewal at 'the Supplier's list charges' is uncapped.
"""

from __future__ import annotations

from extractors.spans import glued_heading_end
from tests.support.extractors import P, W, check


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
