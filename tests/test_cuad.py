"""The CUAD playbook and its extractors: clause-level behaviour on short realistic texts (positive,
look-alike negative, negated) and a fixed CUAD slice through the evaluation runner with an F1 floor."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.ingest import parse_bytes, parse_file
from assistant.models import Document, Finding, Status
from assistant.playbook import Playbook, load_playbook
from assistant.review import review_documents
from evals.datasets import DEFAULT_CUAD_DIR, load_cuad
from evals.report import split_macro, summarise
from evals.runner import default_reviewer, run_cases
from extractors.base import registered
from extractors.cuad_rules import fragments

CUAD_IDS = [
    "audit_rights",
    "post_termination_services",
    "termination_for_convenience",
    "renewal_term",
    "notice_period_to_terminate_renewal",
    "cap_on_liability",
    "insurance",
    "change_of_control",
    "anti_assignment",
    "governing_law",
]


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load_playbook("cuad")


def _doc(text: str) -> Document:
    return parse_bytes(f"AGREEMENT\n\n1. Terms\n{text}\n".encode(), "clause.txt")


def _finding(playbook: Playbook, rid: str, text: str) -> Finding:
    doc = _doc(text)
    finding = review_documents([doc], playbook).finding(rid)
    for ev in finding.evidence:  # every quote is verbatim at its offsets
        assert doc.text[ev.start : ev.end] == ev.quote
    return finding


def test_playbook_names_registered_extractors(playbook: Playbook) -> None:
    assert [r.id for r in playbook.requirements] == CUAD_IDS
    assert playbook.version
    names = set(registered())
    for req in playbook.requirements:
        assert req.extractor == f"cuad_{req.id}" and req.extractor in names
        assert req.description and req.present_when and req.cues


CASES: list[tuple[str, str, bool]] = [
    (
        "audit_rights",
        "Licensor may, upon thirty (30) days prior notice, audit the books and records of Licensee "
        "relating to royalties.",
        True,
    ),
    (
        "audit_rights",
        "Distributor shall make its records available for inspection by Supplier during normal "
        "business hours.",
        True,
    ),
    ("audit_rights", "The financial statements have been audited by independent accountants.", False),
    ("audit_rights", "Customer shall have no right to audit the facilities of Supplier.", False),
    (
        "post_termination_services",
        "Upon expiration or termination of this Agreement, Supplier shall provide "
        "transition assistance to Customer for a period of ninety (90) days.",
        True,
    ),
    (
        "post_termination_services",
        "Following termination, Distributor may sell off its remaining inventory of "
        "Products for six (6) months.",
        True,
    ),
    (
        "post_termination_services",
        "Upon termination, each party shall return the Confidential Information of the other party.",
        False,
    ),
    (
        "termination_for_convenience",
        "Either party may terminate this Agreement without cause upon sixty (60) "
        "days prior written notice to the other party.",
        True,
    ),
    (
        "termination_for_convenience",
        "Customer may terminate this Agreement at any time upon thirty (30) days written notice.",
        True,
    ),
    (
        "termination_for_convenience",
        "Either party may terminate this Agreement upon thirty (30) days notice if "
        "the other party materially breaches this Agreement and fails to cure such breach.",
        False,
    ),
    (
        "termination_for_convenience",
        "Upon termination of this Agreement for any reason, Licensee shall cease all use of the Marks.",
        False,
    ),
    (
        "renewal_term",
        "This Agreement shall automatically renew for successive one (1) year periods unless "
        "either party gives notice of non-renewal.",
        True,
    ),
    (
        "renewal_term",
        "The parties may mutually agree in writing to extend the term for additional periods.",
        False,
    ),
    ("renewal_term", "This Agreement shall not automatically renew.", False),
    (
        "notice_period_to_terminate_renewal",
        "This Agreement renews automatically for one-year terms unless "
        "either party gives written notice of non-renewal at least ninety (90) days prior to the end of the "
        "then-current term.",
        True,
    ),
    (
        "notice_period_to_terminate_renewal",
        "Supplier shall deliver the Products within thirty (30) days of the order.",
        False,
    ),
    (
        "cap_on_liability",
        "In no event shall either party's aggregate liability under this Agreement exceed the "
        "fees paid in the twelve (12) months preceding the claim.",
        True,
    ),
    (
        "cap_on_liability",
        "In no event shall either party be liable for any indirect, incidental or consequential damages.",
        True,
    ),
    (
        "cap_on_liability",
        "Supplier shall maintain general liability insurance with limits of not less than "
        "$1,000,000 per occurrence.",
        False,
    ),
    (
        "insurance",
        "Supplier shall maintain commercial general liability insurance and name Customer as an "
        "additional insured.",
        True,
    ),
    ("insurance", "Shipments shall be made by ground carrier with no extra insurance.", False),
    (
        "change_of_control",
        "Either party may terminate this Agreement upon written notice if the other party "
        "undergoes a change of control.",
        True,
    ),
    (
        "change_of_control",
        "Any merger or sale of all or substantially all of the assets of Distributor shall "
        "require the prior written consent of Supplier.",
        True,
    ),
    (
        "change_of_control",
        "This Agreement merges all prior negotiations and constitutes the entire agreement.",
        False,
    ),
    (
        "anti_assignment",
        "Neither party may assign this Agreement without the prior written consent of the other party.",
        True,
    ),
    ("anti_assignment", "The Purchase Price shall be paid in cash at closing.", False),
    (
        "governing_law",
        "This Agreement shall be governed by and construed in accordance with the laws of the "
        "State of New York.",
        True,
    ),
    ("governing_law", "Each party shall comply with all applicable laws.", False),
]


@pytest.mark.parametrize(("rid", "text", "present"), CASES)
def test_extractor_on_clause(playbook: Playbook, rid: str, text: str, present: bool) -> None:
    finding = _finding(playbook, rid, text)
    if present:
        assert finding.status is Status.present, finding.reason
        assert finding.evidence and finding.evidence[0].quote in _doc(text).text
    else:
        assert finding.status is Status.missing, finding.reason
        assert not finding.evidence


# Rules pass on weak categories: each rule with a positive and its look-alike.
RULE_CASES: list[tuple[str, str, bool]] = [
    (
        "change_of_control",
        "The Supplier may terminate this Agreement upon thirty (30) days written notice in the event of a "
        "change of control of the Customer.",
        True,
    ),
    (  # a change of control that vests stock options is an incentive plan term, not a contract trigger
        "change_of_control",
        "Upon a change of control of the Company, all stock options held by the Consultant shall vest and "
        "become exercisable in full.",
        False,
    ),
    (
        "change_of_control",
        "Upon the occurrence of a Change in Control, the Compensation Committee shall give written notice "
        "to each holder of an outstanding award under the Plan.",
        False,
    ),
    (
        "termination_for_convenience",
        "The Distributor may, in its sole discretion, terminate this Agreement upon ninety (90) days "
        "written notice to the Company.",
        True,
    ),
    (  # discretion to end one order or product is not an exit from the contract
        "termination_for_convenience",
        "The Company may, in its sole discretion, terminate any purchase order or discontinue any Product "
        "that it no longer wishes to supply to the Distributor.",
        False,
    ),
]


@pytest.mark.parametrize(("rid", "text", "present"), RULE_CASES)
def test_weak_category_rules(playbook: Playbook, rid: str, text: str, present: bool) -> None:
    finding = _finding(playbook, rid, text)
    assert finding.status is (Status.present if present else Status.missing), finding.reason


def test_parameters_are_read_from_the_evidence(playbook: Playbook) -> None:
    law = _finding(
        playbook, "governing_law", "This Agreement is governed by the laws of the State of New York."
    )
    assert law.params == {"jurisdiction": "New York"}
    renew = _finding(
        playbook,
        "renewal_term",
        "This Agreement shall automatically renew for successive one (1) year periods.",
    )
    assert renew.params == {"renewal_term_months": 12}
    notice = _finding(
        playbook,
        "notice_period_to_terminate_renewal",
        "The term renews automatically unless "
        "either party gives notice of non-renewal at least ninety (90) days prior to the end of "
        "the then-current term.",
    )
    assert notice.params == {"notice_days": 90}
    cap = _finding(playbook, "cap_on_liability", "Supplier's total liability shall not exceed $500,000.")
    assert cap.params == {"cap_amount": 500000}
    tfc = _finding(
        playbook,
        "termination_for_convenience",
        "Customer may terminate this Agreement without cause upon sixty (60) days written notice.",
    )
    assert tfc.params == {"notice_days": 60}


def test_one_boilerplate_post_term_sentence_is_not_enough_but_a_regime_is(playbook: Playbook) -> None:
    one = "Upon termination, Distributor shall pay all amounts then due."
    assert _finding(playbook, "post_termination_services", one).status is Status.missing
    regime = (
        one + " Upon termination, Distributor shall deliver all customer lists to Supplier. "
        "After termination, Distributor will refer all enquiries to Supplier."
    )
    assert _finding(playbook, "post_termination_services", regime).status is Status.present


def test_notice_period_needs_a_renewal(playbook: Playbook, monkeypatch: pytest.MonkeyPatch) -> None:
    # the gate is a rule: judged without the learned scorer (which may veto a weak notice sentence)
    monkeypatch.setattr("extractors.cuad_decide.shipped_scorer", lambda: None)
    notice = "Either party may terminate this Agreement by notice given at least sixty (60) days prior to the end of the then-current term."
    assert _finding(playbook, "notice_period_to_terminate_renewal", notice).status is Status.missing
    renewing = "This Agreement renews automatically for successive one (1) year terms. " + notice
    found = _finding(playbook, "notice_period_to_terminate_renewal", renewing)
    assert found.status is Status.present and found.params == {"notice_days": 60}


def test_playbook_weak_rule_applies_to_the_extracted_notice(playbook: Playbook) -> None:
    text = (
        "This Agreement renews automatically for successive one (1) year terms unless either party gives notice "
        "of non-renewal at least twelve (12) months prior to the end of the then-current term."
    )
    finding = _finding(playbook, "notice_period_to_terminate_renewal", text)
    assert finding.params == {"notice_days": 360}
    assert finding.status is Status.weak and "six months" in finding.reason


def test_enumerated_parts_are_judged_separately() -> None:
    text = "This Agreement shall terminate (a) at the option of any party, upon 90 days notice; or (b) upon breach."
    parts = [text[s:e] for s, e in fragments(text)]
    assert parts[0].endswith("notice;") and parts[1].startswith("(b)")


# --- a fixed CUAD slice through the runner -----------------------------------------------------------------

SLICE = range(5, 410, 17)  # 24 contracts spread over the development split, both parities
SLICE_MACRO_F1_FLOOR = 0.87  # measured 0.91 on this slice; a real regression falls below


@pytest.mark.slow
def test_cuad_slice_macro_f1_floor(playbook: Playbook) -> None:
    assert (DEFAULT_CUAD_DIR / "labels.json").is_file(), f"CUAD data missing at {str(DEFAULT_CUAD_DIR)!r}"
    cases = load_cuad(DEFAULT_CUAD_DIR)
    chosen = [cases[i] for i in SLICE]
    runs = run_cases(chosen, playbook, parse_file, default_reviewer())
    assert not [r.error for r in runs if r.error]
    summary = summarise("cuad", playbook.version, runs)
    assert summary["metrics"]["macro_f1"] >= SLICE_MACRO_F1_FLOOR, summary["requirements"]
    assert summary["metrics"]["evidence_validity"] > 0.4
    assert min(split_macro(runs, 0), split_macro(runs, 1)) >= SLICE_MACRO_F1_FLOOR - 0.1


def test_cuad_contract_files_exist_for_every_label() -> None:
    cases = load_cuad(DEFAULT_CUAD_DIR, limit=3)
    assert all(Path(f).is_file() for c in cases for f in c.files)
