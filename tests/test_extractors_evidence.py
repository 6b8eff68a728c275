"""The evidence of a finding quotes the clause that decides it, not only the clause that raised it: for service
credits, the stated level before a sentence that names service levels in passing, the cap that makes credits
trivial, and the words that deny any remedy. Texts are written for these tests."""

from __future__ import annotations

from tests.support.extractors import P, W, check, review

LEVEL = "2.1 The Provider shall make the Platform available 99.8% of the time in each calendar month.\n"


def _quotes(finding: object) -> list[str]:
    return [e.quote for e in finding.evidence]  # type: ignore[attr-defined]


def test_the_cap_that_makes_credits_trivial_is_quoted() -> None:
    text = (
        "2. Service Levels\n"
        + LEVEL
        + "2.2 If availability falls below 99.8% in a month, the Customer shall receive a service credit of ten "
        "percent (10%) of the monthly fee.\n"
        "2.3 Service credits in any month shall not exceed five percent (5%) of the monthly fee.\n"
    )
    finding = check("service_credits", W, text, {"cap_percent": 5}, whole=True)
    assert any("shall not exceed five percent" in q for q in _quotes(finding)), _quotes(finding)
    assert any("99.8% of the time" in q for q in _quotes(finding))


def test_a_generous_cap_is_quoted_too() -> None:
    text = (
        "2. Service Levels\n"
        + LEVEL
        + "2.2 If availability falls below 99.8% in a month, the Customer shall receive a service credit of ten "
        "percent (10%) of the monthly fee.\n"
        "2.3 The total service credits in any month are capped at thirty percent (30%) of that fee.\n"
    )
    finding = check("service_credits", P, text, {"cap_percent": 30}, whole=True)
    assert any("capped at thirty percent" in q for q in _quotes(finding)), _quotes(finding)


def test_the_words_that_deny_a_remedy_are_quoted() -> None:
    denied = "No service credits, refunds or other compensation apply if it is not met."
    text = "2. Availability\n" + LEVEL + f"2.2 {denied}\n"
    finding = check("service_credits", W, text, whole=True)
    assert denied in _quotes(finding), _quotes(finding)


def test_a_target_that_is_not_a_commitment_is_quoted_with_the_words_that_say_so() -> None:
    goal = "These figures are objectives, not commitments."
    text = (
        "2. Support\n2.1 The Provider aims to make the Service available 99.5% of the time and to respond to "
        f"urgent requests within one hour. {goal}\n2.2 Support is provided in English.\n"
    )
    finding = check("service_credits", W, text, whole=True)
    assert goal in _quotes(finding), _quotes(finding)


def test_the_stated_level_is_quoted_before_a_sentence_naming_service_levels_in_passing() -> None:
    text = (
        "1. Order of Precedence\n1.1 If there is any conflict between this Agreement and a Schedule, this "
        "Agreement prevails, except in relation to service levels, where the Service Schedule prevails.\n"
        "2. Service Levels\n"
        + LEVEL
        + "2.2 If availability falls below 99.8% in a month, the Customer shall receive a service credit of ten "
        "percent (10%) of the monthly fee.\n"
    )
    finding = check("service_credits", P, text, whole=True)
    assert "99.8% of the time" in _quotes(finding)[0], _quotes(finding)
    assert not any("conflict" in q for q in _quotes(finding))


def test_security_evidence_shows_each_kind_of_commitment_a_named_standard_first() -> None:
    text = (
        "5. Security\n5.1 The Provider shall have an independent penetration test carried out every year.\n"
        "5.2 The Provider shall encrypt Customer Data at rest using AES-256 and in transit using TLS 1.2.\n"
        "5.3 The Provider shall maintain certification to ISO/IEC 27001:2022 for the Platform.\n"
    )
    finding = check("security_obligations", P, text, whole=True)
    quotes = _quotes(finding)
    assert "ISO/IEC 27001" in quotes[0], quotes
    assert any("AES-256" in q for q in quotes)


def test_a_security_report_on_request_is_quoted_with_the_general_measures() -> None:
    general = "The Provider uses industry standard safeguards to protect Customer Data."
    text = (
        f"5. Security\n5.1 {general}\n5.2 On request, the Provider will send the Customer a copy of its most "
        "recent SOC 2 Type I report summary.\n"
    )
    finding = check("security_obligations", W, text, whole=True)
    assert general in _quotes(finding), _quotes(finding)


def test_reports_in_lieu_of_an_audit_are_quoted_with_the_words_that_make_them_the_only_assurance() -> None:
    lieu = "These reports are provided in lieu of any audit or inspection by the Customer."
    text = (
        "9. Assurance\n9.1 Once a year, on the Customer's written request, the Provider shall provide a copy of "
        f"its most recent SOC 2 Type II report.\n9.2 {lieu}\n"
    )
    finding = check("audit_rights", W, text, whole=True)
    assert lieu in _quotes(finding), _quotes(finding)


def test_the_same_text_under_another_name_is_cited_under_that_name() -> None:
    text = "7. Security\n7.1 The Provider shall maintain certification to ISO/IEC 27001 for the Platform.\n"
    first, _ = review("security_obligations", {"first.txt": text})
    second, _ = review("security_obligations", {"second.txt": text})
    assert {e.filename for e in first.evidence} == {"first.txt"}
    assert {e.filename for e in second.evidence} == {"second.txt"}


def test_the_audit_right_is_quoted_not_the_vendors_duty_to_cooperate_or_a_further_case() -> None:
    grant = (
        "The Customer, the Auditor-General and the privacy regulator may audit the Supplier's compliance, "
        "including by inspecting the Supplier's records, on thirty (30) days' written notice."
    )
    text = (
        "8. Audit\n8.1 The Supplier shall cooperate with any such audit at its own cost.\n"
        f"8.2 {grant}\n8.3 The Customer may conduct an audit under clause 8.2 no more than once in any twelve (12) "
        "month period, except following a data breach.\n"
    )
    finding = check("audit_rights", P, text, whole=True)
    assert finding.evidence[0].quote == grant, [e.quote for e in finding.evidence]
