"""Tenth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each with
drafting written for these tests (not copied from any evaluation contract).

Mechanisms: "read-only access", a reference number's "LOG", log-ins "of Users" and an "admin console" are no
vendor access control or logging; a country in brackets is no party, nor is "the Contract"; a law's short name
after "Regulation (EU) 2016/679"; "X Data belongs to the Y." is a sentence, not a run-in heading; an HTML clause
number glued to its text; the customer's "Images" or "Records" as its data, training "train, validate and
improve" and products "offered to other customers"; Quebec's "resiliate"; a ban through every term in the
prevailing order form; a "Termination Payment" defined elsewhere in the family; a contract "concluded for an
indefinite period"; an express "no service credits" beside a seasonal discount.
"""

from __future__ import annotations

from assistant.ingest import parse_bytes
from extractors.parties import family_roles
from tests.support.extractors import M, P, W, check, review

# --- access & logging -------------------------------------------------------------------------------


def test_read_only_access_reference_numbers_and_customer_consoles_are_no_controls() -> None:
    text = (
        "1. Scope\n1.1 Under tender No. ABC-LOG-2027-11 the Supplier grants the Client read-only access to the "
        "archive during the transition.\n1.2 The Service records the log-ins of Users and the reports they run, "
        "which the Client can view in the admin console.\n"
    )
    check("access_logging", M, text, whole=True)


# --- who is who -------------------------------------------------------------------------------------


def test_a_country_in_brackets_and_the_contract_itself_are_no_parties() -> None:
    text = (
        'This Contract (the "Contract") is made between Jade River Clinics, a foundation of the Republic of '
        'China (Taiwan), with its seat in Tainan (the "Clinic Group"); and Orchid Imaging Co., Ltd. (the '
        '"Provider").\n'
    )
    roles = family_roles([parse_bytes(text.encode(), "c.txt")])
    assert roles.role_of("Clinic Group") == "customer" and roles.role_of("Provider") == "vendor"
    assert roles.role_of("Taiwan") is None and roles.role_of("Contract") is None


def test_a_regulation_cited_with_its_number_is_no_party() -> None:
    text = (
        'Parties: Nordhavn Retail A/S (the "Customer") and Skyline Data ApS (the "Supplier"), as required by '
        'Regulation (EU) 2016/679 ("GDPR").\n'
    )
    assert family_roles([parse_bytes(text.encode(), "dpa.txt")]).role_of("GDPR") is None


# --- data ownership ---------------------------------------------------------------------------------


def test_ownership_stated_in_a_short_numbered_sentence_is_found() -> None:
    text = "7. Client Data\n7.1 Client Data belongs to the Client. The Vendor may use it only for the Services.\n"
    check("data_ownership", P, text, whole=True)


def test_training_on_the_customers_images_for_other_customers_is_weak() -> None:
    text = (
        "1. Data\n1.1 Clinic Data belong to the Clinic.\n1.2 The Provider may de-identify Clinic Images and may "
        "use the resulting data to train, validate and improve the Provider's algorithms, including products "
        "offered to other customers.\n"
    )
    check("data_ownership", W, text, whole=True)


# --- ingest -----------------------------------------------------------------------------------------


def test_an_html_clause_number_glued_to_its_text_gets_its_space_back() -> None:
    html = '<html><body><p><span class="num">7.1</span>Agency Data is the property of the Agency.</p></body></html>'
    doc = parse_bytes(html.encode(), "contract.html")
    assert "7.1 Agency Data is the property" in doc.text


# --- termination for convenience ------------------------------------------------------------------


def test_resiliation_without_cause_is_convenience() -> None:
    text = "The College may resiliate this Agreement at any time, without cause, on sixty (60) days' notice."
    check("termination_convenience", P, text, {"notice_days": 60})


def test_a_ban_in_the_prevailing_order_form_overrides_the_online_cancellation() -> None:
    family = {
        "online_terms.txt": "Online Terms\n\n12. Cancellation\n12.1 You can cancel a monthly plan at any time from "
        "the Billing page.\n",
        "order_form.txt": "ORDER FORM\n\nThis Order Form prevails over the Online Terms.\n1. The Customer may not "
        "terminate the Subscription before the end of the Committed Term or of any Renewal Term.\n",
    }
    check("termination_convenience", M, family)


def test_a_termination_payment_defined_elsewhere_as_the_remaining_charges_is_weak() -> None:
    family = {
        "agreement.txt": "13. Termination\n13.1 The Client may terminate this Agreement for convenience at any "
        "time on six (6) months' written notice, subject to payment of the Exit Charge in accordance with "
        "Schedule 5.\n",
        "schedules.txt": "SCHEDULE 5\n1. The Exit Charge is an amount equal to the Charges that would have been "
        "payable from the termination date until the end of the Initial Term.\n",
    }
    check("termination_convenience", W, family)


# --- renewal notice ---------------------------------------------------------------------------------


def test_a_contract_concluded_for_an_indefinite_period_has_no_renewal() -> None:
    text = (
        "10. Duration\n10.1 This Agreement is concluded for an indefinite period.\n10.2 On termination, the "
        "Client's access to the Platform ends on the effective date of termination.\n"
    )
    check("renewal_notice", M, text, whole=True)


# --- service credits --------------------------------------------------------------------------------


def test_no_service_credits_beside_a_seasonal_discount_is_a_target_without_remedy() -> None:
    text = (
        "4. Availability\n4.1 We target availability of 99.5% per month. This is a target, not a guarantee, and no "
        "service credits, refunds or other compensation apply if it is not met.\n4.2 The fee is reduced by 30% "
        "for the off-season months, during which the engine remains available.\n"
    )
    finding, _ = review("service_credits", text, whole=True)
    assert finding.status == W, finding.reason
