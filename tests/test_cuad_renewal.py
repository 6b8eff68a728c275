"""CUAD Renewal Term: automatic renewals alongside agreed variations, and evergreen continuation."""

from __future__ import annotations

import pytest

from extractors.cuad_categories import CATEGORIES
from extractors.cuad_rules import match_sentences

RENEWAL = CATEGORIES["renewal_term"]


def _found(text: str) -> bool:
    return RENEWAL.found(list(match_sentences(RENEWAL, text)))


@pytest.mark.parametrize(
    "text",
    [
        # the parties may agree a new volume in writing, but the renewal itself needs no agreement
        "The contract runs for three (3) years; thereafter the contract shall renew automatically for further "
        "periods of twelve months unless either party objects, and the parties shall agree in writing the "
        "minimum volumes for each such period.",
        "This Agreement shall auto-renew for consecutive one-year periods unless cancelled by the Reseller.",
        # evergreen continuation stated many words after "continue"
        "This Agreement starts on the Start Date and shall continue for a first period of twenty-four (24) months "
        "(the First Period) and indefinitely after that until either party ends it on six months' notice.",
        "After the first year this Agreement shall remain in force on a month-to-month basis until a party "
        "gives thirty days' notice.",
        "This Agreement shall continue in effect for one year and from year to year thereafter unless "
        "terminated by the Distributor.",
    ],
)
def test_renewal_phrasings_are_found(text: str) -> None:
    assert _found(text)


@pytest.mark.parametrize(
    "text",
    [
        # a fixed tail after the term is not a renewal
        "The Consultant shall keep the records during the term of this Agreement and for two years thereafter "
        "unless the Company consents otherwise.",
        # a renewal that needs a new agreement is excluded unless it happens automatically
        "This Agreement may be extended for one further year only if the parties agree in writing before it "
        "expires.",
        "The insurance policy shall renew automatically each year and this Agreement shall require it.",
    ],
)
def test_renewal_look_alikes_are_not(text: str) -> None:
    assert not _found(text)


NOTICE = CATEGORIES["notice_period_to_terminate_renewal"]


def test_an_opt_out_window_is_a_notice_period_without_the_word_notice() -> None:
    text = (
        "The Supply Agreement renews automatically for further two-year terms unless the Buyer objects in "
        "writing at least sixty (60) days before the end of the current term."
    )
    assert NOTICE.found(list(match_sentences(NOTICE, text)))


def test_an_automatic_renewal_without_a_window_has_no_notice_period() -> None:
    text = (
        "The Supply Agreement renews automatically for further two-year terms unless terminated for breach."
    )
    assert not NOTICE.found(list(match_sentences(NOTICE, text)))
