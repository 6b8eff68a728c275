"""Family review, evidence provenance, candidates, the generic extractor and the registry."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.ingest import parse_bytes
from assistant.models import Document, Status
from assistant.playbook import load_playbook
from assistant.review import review_documents
from extractors.base import ReviewContext, get_extractor, registered
from extractors.candidates import find_candidates

MSA = """MASTER SUBSCRIPTION AGREEMENT

This Master Subscription Agreement is entered into by Acme Cloud Inc. ("Provider") and Beta Corp ("Customer").

1. Term and Renewal
1.1 The Initial Term of this Agreement is twelve (12) months. Thereafter it shall automatically renew for
successive twelve (12) month periods unless either party gives written notice of non-renewal at least thirty
(30) days before the end of the then-current term.

2. Security
2.1 Provider shall maintain a written information security program and shall encrypt Customer Data in transit
and at rest.

3. Termination
3.1 Either party may terminate this Agreement for material breach not cured within thirty (30) days.

4. Miscellaneous
4.1 This Agreement is governed by the laws of the State of New York.
4.2 Customer or its independent auditor may audit Provider's records relating to the Services on thirty (30)
days' prior written notice.
"""

DPA = """DATA PROCESSING ADDENDUM

1. Personal Data Breach
1.1 The Processor shall notify the Controller of any Personal Data Breach without undue delay and in any event
within twenty-four (24) hours after becoming aware of it.

2. Deletion
2.1 Within thirty (30) days after termination the Processor shall delete all Personal Data and certify the
deletion in writing.
"""

ORDER = """ORDER FORM

Subscription Term: thirty-six (36) months.
The Subscription Term renews automatically for successive twelve (12) month terms unless Customer gives notice
of non-renewal at least sixty (60) days before the end of the then-current term.
"""


def parse(text: str, name: str) -> Document:
    return parse_bytes(text.encode(), name)


@pytest.fixture(scope="module")
def family() -> list[Document]:
    return [parse(MSA, "acme_msa.txt"), parse(DPA, "acme_dpa.txt"), parse(ORDER, "acme_order_form.txt")]


def test_requirement_satisfied_only_in_dpa_names_the_dpa(family: list[Document]) -> None:
    result = review_documents(family, load_playbook("default"))
    incident = result.finding("incident_notification")
    assert incident.status == Status.present
    assert incident.params["hours"] == 24
    assert {e.filename for e in incident.evidence} == {"acme_dpa.txt"}
    assert "DPA" in incident.reason
    retention = result.finding("data_retention")
    assert retention.status == Status.present and retention.params["deletion_days"] == 30


def test_order_form_overrides_msa_and_reason_says_so(family: list[Document]) -> None:
    result = review_documents(family, load_playbook("default"))
    renewal = result.finding("renewal_notice")
    assert renewal.params["notice_days"] == 60
    assert renewal.params["term_months"] == 36
    assert "Order Form" in renewal.reason and "30" in renewal.reason


def test_audit_right_under_miscellaneous_heading_is_found(family: list[Document]) -> None:
    result = review_documents(family, load_playbook("default"))
    audit = result.finding("audit_rights")
    assert audit.status == Status.present
    assert audit.params["notice_days"] == 30
    assert audit.evidence[0].filename == "acme_msa.txt"
    assert result.finding("termination_convenience").status == Status.missing


def test_every_evidence_quote_is_verbatim_with_page_and_offsets(family: list[Document]) -> None:
    result = review_documents(family, load_playbook("default"))
    by_id = {d.id: d for d in family}
    assert len(result.findings) == 12
    for finding in result.findings:
        assert finding.reason, finding.requirement
        for e in finding.evidence:
            d = by_id[e.document_id]
            assert d.text[e.start : e.end] == e.quote
            assert e.page == d.page_at(e.start) >= 1
            assert e.filename == d.filename


def test_review_of_a_family_is_fast_without_embeddings(family: list[Document]) -> None:
    playbook = load_playbook("default")
    review_documents(family, playbook)
    started = time.perf_counter()
    review_documents(family, playbook)
    assert time.perf_counter() - started < 1.0


def test_candidates_merge_cue_and_vector_hits(family: list[Document]) -> None:
    req = load_playbook("default").requirement("audit_rights")
    misc = next(c for c in family[0].clauses if "may audit" in c.text)
    assert misc.heading == "Miscellaneous"
    governing = next(c for c in family[2].clauses)
    calls: list[tuple[str, int]] = []

    def vector(query: str, k: int) -> list[tuple[str, float]]:
        calls.append((query, k))
        return [(governing.id, 0.9), ("no-such-clause", 0.8)]

    ctx = ReviewContext(documents=family, vector_search=vector, candidates_per_requirement=3)
    cands = find_candidates(req, ctx)
    assert calls == [(req.query, 6)]
    assert len(cands) <= 3
    assert any(c.clause.id == misc.id and "cue" in c.via for c in cands), (
        "body-text cue under 'Miscellaneous'"
    )
    assert any(c.clause.id == governing.id and c.via == frozenset({"vector"}) for c in cands)
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)


def test_candidates_without_vector_search_rank_heading_matches_higher() -> None:
    d = parse("1. Audit\nCustomer may audit records.\n\n2. Other\nRecords are kept.\n", "x.txt")
    req = load_playbook("default").requirement("audit_rights")
    cands = find_candidates(req, ReviewContext(documents=[d]))
    assert cands and cands[0].clause.heading == "Audit"
    assert all(c.via == frozenset({"cue"}) for c in cands)


CUSTOM = """
id: custom
version: "1"
requirements:
  - id: insurance
    title: Insurance
    description: Vendor maintains insurance cover.
    cues: ['\\binsurance\\b']
    parameters:
      - {name: notice_days, unit: days}
    weak_if:
      - {param: notice_days, op: "<", value: 30, reason: cancellation notice is too short}
    options:
      actor: vendor
      notice_only: true
      weak_cues: {"cover is only 'adequate'": 'adequate\\s+insurance'}
"""


@pytest.mark.parametrize(
    ("text", "status", "notice"),
    [
        (
            "Vendor shall maintain insurance of USD 5,000,000 and give thirty (30) days' notice of cancellation.",
            Status.present,
            30,
        ),
        ("Vendor shall maintain insurance and give ten (10) days' notice of cancellation.", Status.weak, 10),
        ("Vendor shall maintain adequate insurance.", Status.weak, None),
        ("Customer shall maintain insurance against loss of its equipment.", Status.missing, None),
        ("Vendor is not required to maintain insurance.", Status.missing, None),
        ("Fees are payable monthly.", Status.missing, None),
    ],
)
def test_generic_extractor_driven_by_custom_yaml(
    tmp_path: Path, text: str, status: Status, notice: int | None
) -> None:
    path = tmp_path / "custom.yaml"
    path.write_text(CUSTOM, encoding="utf-8")
    playbook = load_playbook(path)
    req = playbook.requirement("insurance")
    assert get_extractor(req.extractor_name) is get_extractor("generic")
    finding = review_documents([parse(f"1. General\n1.1 {text}\n", "c.txt")], playbook).finding("insurance")
    assert finding.status == status, finding.reason
    assert finding.params.get("notice_days") == notice


def test_registry_has_generic_and_all_default_extractors() -> None:
    names = set(registered())
    assert "generic" in names
    assert {r.extractor_name for r in load_playbook("default").requirements} <= names


def test_missing_reason_names_the_dangling_section_and_unclear_names_the_missing_exhibit() -> None:
    playbook = load_playbook("default")
    d = parse("3. Records\n3.1 Subject to Section 12 (Audit), Vendor shall keep accurate records.\n", "x.txt")
    audit = review_documents([d], playbook).finding("audit_rights")
    assert audit.status == Status.missing
    assert "Section 12 (Audit)" in audit.reason
    d = parse(
        "4. Security\n4.1 Vendor shall implement the security measures set out in the Security Exhibit.\n",
        "y.txt",
    )
    security = review_documents([d], playbook).finding("security_obligations")
    assert security.status == Status.unclear
    assert "Security Exhibit" in security.reason and security.evidence


LISTS = """MASTER SERVICES AGREEMENT

5. CUSTOMER OBLIGATIONS
5.1 Customer shall:
(a) keep its passwords confidential;
(b) notify Vendor of any security incident affecting its user accounts within twenty-four (24) hours; and
(c) maintain logs of its own users' access to the Services.

6. RESTRICTIONS ON VENDOR
6.1 Vendor shall not:
(a) sell Customer Data;
(b) use Customer Data to train machine learning models; or
(c) disclose Customer Data except as permitted by this Agreement.

7. VENDOR OBLIGATIONS
7.1 Vendor shall:
(a) keep Customer Data confidential;
(b) notify Customer of any Security Incident within forty-eight (48) hours; and
(c) restrict access to Customer Data to personnel with a need to know.
7.2 Customer owns all Customer Data.
"""


def test_list_items_inherit_the_lead_in_party_and_negation() -> None:
    result = review_documents([parse(LISTS, "lists.txt")], load_playbook("default"))
    incident = result.finding("incident_notification")
    assert incident.status == Status.present and incident.params["hours"] == 48, incident.reason
    assert result.finding("data_ownership").status == Status.present  # "shall not: ... train" is a promise
    assert result.finding("access_logging").status == Status.weak  # the customer's own logs do not count


def test_contradictory_deadlines_in_one_document_are_unclear() -> None:
    text = (
        "MASTER AGREEMENT\n\n9. Security\n9.1 Vendor shall notify Customer of any Security Incident within "
        "twenty-four (24) hours.\n\n14. Data Protection\n14.1 Vendor shall notify Customer of any Security Incident "
        "within seventy-two (72) hours.\n"
    )
    finding = review_documents([parse(text, "m.txt")], load_playbook("default")).finding(
        "incident_notification"
    )
    assert finding.status == Status.unclear
    assert "24 hours" in finding.reason and "72 hours" in finding.reason and len(finding.evidence) == 2
