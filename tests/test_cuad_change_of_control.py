"""CUAD "Change Of Control" sentence rules: each rule change with a clause that states the concept and a
look-alike that does not (texts written for these tests, not taken from CUAD)."""

from __future__ import annotations

import pytest

from extractors.cuad_categories import CATEGORIES
from extractors.cuad_rules import match_sentences

COC = CATEGORIES["change_of_control"]


def _found(text: str) -> bool:
    return COC.found(list(match_sentences(COC, text)))


def _rules(text: str) -> set[str]:
    return {name for *_, name in match_sentences(COC, text)}


CASES: list[tuple[str, str, bool]] = [
    # An assignment clause that frees assignment on a merger does not condition the change of control ...
    (
        "carve_out_frees_merger",
        "Neither party may assign this Agreement without the prior written consent of the other party, "
        "except that either party may assign it to a successor by merger or to a buyer of substantially "
        "all of its assets.",
        False,
    ),
    # ... unless the counterparty keeps a say: notice of the assignment ...
    (
        "carve_out_with_notice",
        "Either party may assign this Agreement without consent to a successor by merger or to a buyer of "
        "substantially all of its assets, provided that it gives the other party written notice of the "
        "assignment.",
        True,
    ),
    # ... or its consent where the acquirer competes with it.
    (
        "carve_out_except_competitor",
        "Either party may assign this Agreement to a successor in a merger or acquisition without consent, "
        "except where the successor is a competitor of the other party, in which case the other party's "
        "consent shall be required.",
        True,
    ),
    # A prohibition that reaches assignments by merger is the category itself (no blanket
    # "without consent" veto any more).
    (
        "prohibition_includes_merger",
        "The Reseller may not assign this Agreement, whether by merger, operation of law or otherwise, "
        "without the prior written consent of the Vendor.",
        True,
    ),
    (
        "prohibition_with_compound_subject",
        "Neither party nor its affiliates may assign this Agreement, including by merger or change of "
        "control, without the other party's prior written consent.",
        True,
    ),
    (
        "covenant_not_to_merge",
        "The Licensor will not, without the prior written consent of the Licensee, merge or consolidate "
        "with any other entity or sell all or substantially all of its assets.",
        True,
    ),
    # The freedom stated after the event, or as a bare exception.
    (
        "waiver_after_event",
        "An assignment of this Agreement to a successor organisation by merger or acquisition does not "
        "require the consent of the other party.",
        False,
    ),
    (
        "exception_on_event",
        "Neither party may assign this Agreement without the other party's written approval, except in "
        "connection with the sale of substantially all of the assets of its business.",
        False,
    ),
    # A change of control counted as an assignment, and its negation.
    (
        "deemed_assignment",
        "For the purposes of this Section, any change in control of the Distributor shall be deemed an "
        "assignment of this Agreement.",
        True,
    ),
    (
        "not_deemed_assignment",
        "A merger or consolidation of the Supplier with another company shall not be deemed an "
        "assignment of this Agreement.",
        False,
    ),
    (
        "prohibition_then_deemed_assignment",
        "No party may assign this Agreement without the consent of the other, and any change of control "
        "of a party shall be deemed an assignment.",
        True,
    ),
    (
        "nor_deemed_assignment",
        "No subcontracting of any duty is an assignment, nor shall any change in control of either party be "
        "deemed an assignment of this Agreement.",
        False,
    ),
    # Look-alikes: a regulator's approval of a party's own merger, a standstill, information "acquired",
    # an interest passing on death, the defined transaction of an M&A side letter.
    (
        "regulatory_merger_approval",
        "The Bank has filed with the state banking department an application for approval of its proposed "
        "merger with the Savings Institution.",
        False,
    ),
    (
        "merger_termination_right",
        "If the Bank merges with another financial institution, the Customer may terminate this Agreement "
        "on ninety days notice.",
        True,
    ),
    (
        "standstill",
        "The Investor shall not make any public proposal with respect to a tender offer, merger or other "
        "business combination involving the Company without the written consent of the Board.",
        False,
    ),
    (
        "information_acquired",
        "All technical information that is acquired by a Party under this Agreement shall be kept secret "
        "unless the steering committee gives its prior approval.",
        False,
    ),
    (
        "party_acquired",
        "If the Licensee is acquired by a third party, the Licensor may terminate this Agreement upon "
        "written notice.",
        True,
    ),
    (
        "transfer_on_death",
        "Upon the death of a person holding a controlling interest in the Franchisee, the Franchisor shall "
        "consent to a transfer of that interest to the person's heirs.",
        False,
    ),
    (
        "controlling_interest_transfer",
        "Any transfer of a controlling interest in the Franchisee requires the prior written consent of "
        "the Franchisor.",
        True,
    ),
    (
        "defined_deal",
        "The Holder will not sell the shares received upon consummation of the Merger until the Parent "
        "notifies the Holder that combined results have been published.",
        False,
    ),
    # Only a defined "Change in Control Period" is vetoed, not any sentence with a period of time.
    (
        "fee_within_period",
        "If the Consultant's engagement is ended without cause within a twelve month period following a "
        "Change of Control, the Company shall pay a termination fee.",
        True,
    ),
    # "in case of" names a trigger like "in the event of"; a negated trigger is not one.
    ("in_case_of", "This Agreement shall end early in case of a change of control of either party.", True),
    (
        "in_case_of_negated",
        "The licence does not lapse in case of a change of control of the Licensee.",
        False,
    ),
    # An enumerated event whose lead-in (the termination right) is a separate sentence.
    (
        "listed_event",
        "The Owner may end this Agreement upon any of the following:\n(a) a material breach by the "
        "Operator;\n(b) a Change of Control of the Operator;\n(c) the insolvency of the Operator.",
        True,
    ),
    (
        "listed_non_event",
        "The Supplier shall document the following:\n(a) the batch number;\n(b) a change in the quality "
        "control procedures;\n(c) the date of release.",
        False,
    ),
    # A majority of a party's shares or assets changing hands.
    (
        "majority_acquired",
        "If a majority of the voting shares of the Reseller are acquired by a competitor of the Vendor, the "
        "Vendor may terminate this Agreement on thirty days notice.",
        True,
    ),
    # A merger that makes an assignment void falls under the assignment restriction.
    (
        "merger_assignment_void",
        "In the case of a merger, consolidation or sale of substantially all of its assets, any attempt to "
        "assign this Agreement other than as permitted above shall be null and void.",
        True,
    ),
    (
        "merger_without_effect",
        "In the case of a merger, consolidation or sale of substantially all of its assets, the successor "
        "shall continue to use the Licensed Marks in its marketing.",
        False,
    ),
]


@pytest.mark.parametrize(("case", "text", "present"), CASES, ids=[c[0] for c in CASES])
def test_change_of_control_rules(case: str, text: str, present: bool) -> None:
    assert _found(text) is present, (case, sorted(_rules(text)))


def test_deemed_assignment_rule_names_the_clause() -> None:
    text = "Any merger of the Customer shall be treated as an assignment requiring the Supplier's consent."
    assert "deemed_assignment" in _rules(text)


def test_listed_event_rule_matches_the_item_not_the_list() -> None:
    text = (
        "Either party may end this Agreement upon any of the following:\n(a) a material breach by the other "
        "party;\n(b) a change of control of the other party;\n(c) the other party's insolvency."
    )
    hits = match_sentences(COC, text)
    assert [name for *_, name in hits] == ["change_of_control_listed_event"]
    start, end, _ = hits[0]
    assert text[start:end] == "(b) a change of control of the other party;"
