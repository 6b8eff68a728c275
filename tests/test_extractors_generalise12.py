"""Twelfth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: documents of a family that guess the parties differently are settled by the family's recitals
together; "(hereinafter, the "X")"; a regulator's short name is no party; an audit of a vendor named only by
its alias; ownership that "belongs exclusively to" the customer; a "Bank Working Day"; a lock-in "not earlier
than after 36 months from the beginning of the Term"; a purpose clause ("so that the Customer can notify the
Agency within 72 hours") is the customer's clock; an early termination fee stated in another document.
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import family_roles
from extractors.text import find_durations
from tests.support.extractors import M, P, W, check

_MSA = (
    'SaaS Agreement\nThis Agreement is made between Lakeshore Campus Software Inc. ("Lakeshore") and Pine Ridge '
    'College (the "College").\nWHEREAS the College wishes to subscribe to Lakeshore\'s platform, and Lakeshore '
    "shall provide it;\n"
)
_ORDER = (
    'ORDER FORM\nUnder the Agreement between Lakeshore Campus Software Inc. ("Lakeshore") and Pine Ridge College '
    '(the "College"). Lakeshore will use the data provided to Lakeshore only to run the platform.\n'
)


def test_documents_that_guess_the_parties_differently_are_settled_by_the_family() -> None:
    docs = [parse_bytes(_MSA.encode(), "msa.txt"), parse_bytes(_ORDER.encode(), "order_form.txt")]
    roles = family_roles(docs)
    assert roles.role_of("Lakeshore") == "vendor" and roles.role_of("College") == "customer"


def test_a_comma_after_hereinafter_and_a_regulators_short_name() -> None:
    text = (
        'On the one part, LAGOON CLINICS S.L. (hereinafter, the "CLINIC"). On the other part, MEDIWARE S.L. '
        '(hereinafter, the "PROVIDER"). "Data Law" means the regulations issued by the Data Protection '
        'Commission ("DPC").\n'
    )
    roles = family_roles([parse_bytes(text.encode(), "c.txt")])
    assert roles.role_of("CLINIC") == "customer" and roles.role_of("DPC") is None


def test_an_audit_of_the_vendor_named_only_by_its_alias_is_granted() -> None:
    text = _MSA + (
        "9. Audit\n9.1 The College may, not more than once in any twelve (12) month period and on not less than "
        "thirty (30) days' written notice, audit Lakeshore's compliance with this Agreement.\n"
    )
    check("audit_rights", P, text, {"notice_days": 30}, whole=True)


def test_data_that_belong_exclusively_to_the_customer() -> None:
    text = "6.1 The Customer Data belong exclusively to the Customer. The Provider shall use them only for the Services."
    check("data_ownership", P, text)


def test_a_bank_working_day_is_a_working_day() -> None:
    [d] = find_durations("within one (1) Bank Working Day after becoming aware of it")
    assert (d.value, d.unit, d.business, d.hours()) == (1, "days", True, 24)


def test_a_lock_in_counted_from_the_beginning_of_the_term() -> None:
    text = (
        "The Customer may terminate this Contract by written notice without stating a reason, with a notice "
        "period of three (3) months, however not earlier than after thirty (30) months from the beginning of "
        "the Term."
    )
    finding = check("termination_convenience", W, text)
    assert finding.params["lockin_months"] == 30


def test_the_customers_own_clock_in_a_purpose_clause_is_not_the_vendors_deadline() -> None:
    text = (
        "The Supplier shall notify the Customer without undue delay after becoming aware of a personal data "
        "breach, so that the Customer can comply with its own obligation to notify the Data Protection Agency "
        "within 72 hours."
    )
    finding = check("incident_notification", W, text)
    assert finding.params.get("hours") is None


def test_an_early_termination_fee_in_the_order_form_makes_the_exit_weak() -> None:
    family = {
        "terms.txt": "Online Terms\n\n11. Cancellation\n11.1 You may cancel your subscription at any time, "
        "effective at the end of the billing month.\n",
        "order_form.txt": "ORDER FORM\n\n4. Minimum Term\n4.1 The Customer may end the subscription early "
        "provided that it pays an early termination fee equal to one hundred percent (100%) of the fees that "
        "would have been payable for the remainder of the Minimum Term.\n",
    }
    check("termination_convenience", W, family)


def test_a_cancellation_right_without_an_exit_fee_anywhere_stays_present() -> None:
    family = {
        "terms.txt": "Online Terms\n\n11. Cancellation\n11.1 You may cancel your subscription at any time, "
        "effective at the end of the billing month.\n",
        "order_form.txt": "ORDER FORM\n\n4. Fees\n4.1 Fees are payable monthly in advance.\n",
    }
    check("termination_convenience", P, family)
    check("termination_convenience", M, {"order_form.txt": family["order_form.txt"]})
