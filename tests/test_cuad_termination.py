"""CUAD "Termination For Convenience" and "Post-Termination Services" sentence rules: each rule change
is pinned by a sentence that expresses the legal concept and a look-alike that does not."""

from __future__ import annotations

import pytest

from extractors.cuad_categories import CATEGORIES
from extractors.cuad_rules import match_sentences


def _rules_hit(key: str, text: str) -> list[str]:
    return [name for *_, name in match_sentences(CATEGORIES[key], text)]


def _found(key: str, text: str) -> bool:
    return CATEGORIES[key].found(list(match_sentences(CATEGORIES[key], text)))


TFC_LISTED: list[tuple[str, bool]] = [
    # a numbered ground of a termination list, its "may be terminated" stem in the lead-in sentence
    (
        "Either of the parties may bring this Agreement to an end in the following ways:\n\n"
        "(b) by either party giving the other not less than sixty (60) days' written notice;",
        True,
    ),
    ("7.3.2 By the Supplier serving four (4) months' prior notice on the Buyer.", True),
    # lead-in and ground in one sentence, the next ground being for cause
    (
        "This Agreement may be terminated as follows: (a) by the Reseller giving the Company ninety (90) "
        "days' written notice of termination; (b) by the Company if the Reseller becomes insolvent.",
        True,
    ),
    # a ground for cause, even on notice
    ("(c) by either party upon thirty (30) days' written notice if the other party commits a breach;", False),
    # notice served after an event is a ground, not convenience
    ("(d) by the Licensor on ten (10) days' written notice following a recall of the Product;", False),
    # notice before the end of the term stops a renewal rather than ending the contract early
    ("(e) by the Licensee on notice given ninety (90) days before the end of the then-current term;", False),
    # "By <doing>" opens an ordinary sentence, not an item of a termination list
    (
        "By signing this order, the Customer agrees to pay within thirty (30) days of notice of the invoice.",
        False,
    ),
    # an unnumbered "by ..." sentence without any word of termination is not read as a ground
    (
        "Payment is made by the Customer upon receipt of a written notice of the amount due within 30 days.",
        False,
    ),
]


@pytest.mark.parametrize(("text", "present"), TFC_LISTED)
def test_listed_ground_on_notice(text: str, present: bool) -> None:
    assert ("listed_ground_on_notice" in _rules_hit("termination_for_convenience", text)) is present
    assert _found("termination_for_convenience", text) is present


PTS_CASES: list[tuple[str, str | None]] = [
    # "termination assistance" names an exit regime
    (
        "At the Customer's request the Vendor will provide termination assistance services at its "
        "standard daily rates.",
        "exit_assistance",
    ),
    ("The Vendor shall provide technical assistance to the Customer's staff during the Term.", None),
    # "at the time of termination" fixes when a post-term buy-back applies
    (
        "The Supplier shall buy back all unsold Products held by the Distributor at the time of termination "
        "at their invoiced price.",
        "work_after_end",
    ),
    (
        "The Supplier shall buy back all defective Products at the time of delivery at their invoiced price.",
        None,
    ),
    # "upon a termination" is as much an end of the contract as "upon the termination"
    (
        "Upon a termination of this Agreement, the Licensee may continue to sell its remaining stock.",
        "work_after_end",
    ),
    (
        "Upon a renewal of this Agreement, the Licensee may continue to sell its remaining stock.",
        None,
    ),
    # a licence that goes on after the end is a continuing post-term right; one that ceases is not
    (
        "Following the expiration of this Agreement, the software licence granted in Section 4 shall "
        "continue for the Customer's internal archival use.",
        "work_after_end",
    ),
    ("Upon termination of this Agreement, the licence granted in Section 4 shall cease.", None),
    # a duty stated as a condition of the end ("if this Agreement is terminated, X shall continue to ...")
    (
        "If this Agreement is terminated by the Buyer, the Seller shall continue to supply spare parts for "
        "the installed units at the prices then in force.",
        "work_after_end",
    ),
    (
        "In the event that the Agreement expires, the Distributor shall continue to pay the royalties on "
        "the units it sold before expiry.",
        "work_after_end",
    ),
    (
        "If the Purchase Order is terminated, the Seller shall continue to supply spare parts to the Buyer.",
        None,
    ),
]


@pytest.mark.parametrize(("text", "rule"), PTS_CASES)
def test_post_termination_rules(text: str, rule: str | None) -> None:
    hits = _rules_hit("post_termination_services", text)
    if rule is None:
        assert hits == []
        assert not _found("post_termination_services", text)
    else:
        assert rule in hits
        assert _found("post_termination_services", text)


# Sentences about the end of the contract that set no duty beyond it: none is a post-term service (a single
# one may still count as one of the boilerplate end-of-term sentences that together make a post-term regime).
PTS_NO_DUTY: list[str] = [
    # a limitation period counted from the end is no post-term duty
    "No claim, action or proceeding may be brought by either party more than two (2) years after the "
    "termination of this Agreement.",
    # a ban that runs on after the end is the absence of a service, not one
    "The Consultant shall be prohibited from acquiring shares in the Company for a period of twelve "
    "(12) months following the termination of this Agreement.",
    # a service that ends together with the contract does not go on after it
    "The support services shall automatically terminate upon the expiration of the Master Agreement.",
    # the end of a quarter or of a short notice period is not the end of the contract
    "The Licensee shall pay the royalty no later than sixty (60) days after the termination of the "
    "preceding calendar quarter.",
    "Following the expiration of such 15-day period, the Member may sell its units to any third party "
    "and the Company shall continue to register the transfer.",
]


@pytest.mark.parametrize("text", PTS_NO_DUTY)
def test_sentences_about_the_end_that_set_no_duty_after_it(text: str) -> None:
    hits = _rules_hit("post_termination_services", text)
    assert not {"work_after_end", "period_after_end", "exit_assistance"} & set(hits)
    assert not _found("post_termination_services", text)


def test_period_counts_from_the_end_of_the_contract() -> None:
    after_contract = (
        "The Distributor shall settle any outstanding invoices within thirty (30) days after the termination "
        "of this Agreement."
    )
    after_other = (
        "The Distributor shall settle any outstanding invoices within thirty (30) days after the expiration "
        "of the warranty period."
    )
    assert _rules_hit("post_termination_services", after_contract) == ["period_after_end"]
    assert _found("post_termination_services", after_contract)
    assert "period_after_end" not in _rules_hit("post_termination_services", after_other)
    assert not _found("post_termination_services", after_other)
