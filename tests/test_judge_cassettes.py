"""The judge over recorded OpenAI chat.completions traffic (tests/cassettes/test_judge_cassettes/).

Replayed with record_mode=none and a dummy key; a request missing from a cassette fails the test.
How they were made and how to re-record them: tests/cassettes/README.md.
"""

from __future__ import annotations

import pytest

from assistant.judge import LLMJudge, make_judge
from assistant.llm import doctor, format_checks
from assistant.models import Document, Evidence, Finding, Status, Usage
from assistant.playbook import Playbook, load_playbook
from assistant.settings import Settings
from extractors.base import ReviewContext, evidence_for
from tests.support.llm import LLM_FIXTURES, cue_candidates, load_text_document

pytestmark = pytest.mark.vcr


@pytest.fixture(scope="module")
def playbook() -> Playbook:
    return load_playbook(LLM_FIXTURES / "playbook.yaml")


def _quote(doc: Document, number: str, phrase: str) -> Evidence:
    clause = next(c for c in doc.clauses if c.number == number)
    start = doc.text.index(phrase, clause.start)
    return evidence_for(doc, start, start + len(phrase), clause)


def _msa_rules(msa: Document, audit: Status = Status.unclear) -> list[Finding]:
    """What the rules said about msa_basic.txt: they could not read the 'inspect' wording of the audit
    right (unclear), or missed it (missing)."""
    notice = _quote(msa, "4", "Supplier shall notify Customer of any Security Incident")
    ending = _quote(msa, "9", "Customer may terminate this Agreement for convenience")
    return [
        Finding(requirement="audit_rights", status=audit, reason="No clear audit right found."),
        Finding(requirement="incident_notification", status=Status.present, evidence=[notice],
                params={"notice_hours": 48}, reason="Incident notice within 48 hours.", confidence=0.7),
        Finding(requirement="termination_for_convenience", status=Status.present, evidence=[ending],
                params={"notice_days": 90}, reason="Termination for convenience on notice.", confidence=0.7),
        Finding(requirement="data_retention", status=Status.missing, reason="No deletion deadline found."),
    ]  # fmt: skip


def _judge_msa(
    settings: Settings, playbook: Playbook, audit: Status = Status.unclear
) -> tuple[list[Finding], Usage, Document]:
    msa = load_text_document(LLM_FIXTURES / "msa_basic.txt")
    judge = make_judge(settings)
    assert isinstance(judge, LLMJudge)
    rules = _msa_rules(msa, audit)
    out, usage = judge(playbook, ReviewContext([msa]), rules, cue_candidates(playbook, [msa]))
    return out, usage, msa


def _assert_exchanges(cassette, n: int) -> None:  # type: ignore[no-untyped-def]
    """The cassette holds `n` HTTP exchanges and (when replaying) the code made exactly those requests."""
    assert len(cassette.responses) == n
    if cassette.record_mode == "none":
        assert cassette.play_count == n


def _by_id(findings: list[Finding]) -> dict[str, Finding]:
    return {f.requirement: f for f in findings}


def _assert_normal_outcome(out: list[Finding], msa: Document) -> None:
    f = _by_id(out)
    audit = f["audit_rights"]
    assert audit.status == Status.present and audit.source == "rules+llm" and not audit.needs_legal_review
    assert audit.evidence and all(msa.text[e.start : e.end] == e.quote for e in audit.evidence)
    assert "inspect" in audit.evidence[0].quote and audit.evidence[0].page == 1
    assert audit.params.get("notice_days") == 30
    assert (
        f["incident_notification"].status == Status.present and f["incident_notification"].confidence >= 0.85
    )
    assert f["termination_for_convenience"].status == Status.present
    assert f["data_retention"].status == Status.missing and f["data_retention"].source == "rules+llm"


def test_normal_judge_call_structured_output_and_cache(
    llm_settings: Settings, playbook: Playbook, vcr
) -> None:  # type: ignore[no-untyped-def]
    out, usage, msa = _judge_msa(llm_settings, playbook)
    _assert_normal_outcome(out, msa)
    assert usage.model == "gpt-4o-mini" and usage.calls == 1 and usage.failures == []
    assert usage.prompt_tokens > 0 and usage.completion_tokens > 0 and usage.estimated_cost_usd > 0
    _assert_exchanges(vcr, 1)
    # The same clauses again: served from the response cache. The cassette holds one exchange, so a
    # second HTTP request would fail this test.
    again, usage2, _ = _judge_msa(llm_settings, playbook)
    assert again == out and usage2.cached_calls == 1 and usage2.prompt_tokens == 0
    assert usage2.estimated_cost_usd == 0.0
    _assert_exchanges(vcr, 1)


def test_function_calling_mode(llm_settings: Settings, playbook: Playbook) -> None:
    settings = llm_settings.model_copy(
        update={"llm": llm_settings.llm.model_copy(update={"structured_output": "function_calling"})}
    )
    out, usage, msa = _judge_msa(settings, playbook)
    _assert_normal_outcome(out, msa)
    assert usage.calls == 1 and usage.failures == []


def test_hallucinated_quote_is_rejected(llm_settings: Settings, playbook: Playbook) -> None:
    out, usage, _ = _judge_msa(llm_settings, playbook, audit=Status.missing)
    audit = _by_id(out)["audit_rights"]
    assert audit.status == Status.unclear and audit.needs_legal_review and not audit.evidence
    assert "not found verbatim" in audit.reason
    assert _by_id(out)["incident_notification"].status == Status.present  # the verified ones still count


def test_rate_limited_then_success(llm_settings: Settings, playbook: Playbook, vcr) -> None:  # type: ignore[no-untyped-def]
    out, usage, msa = _judge_msa(llm_settings, playbook)
    _assert_normal_outcome(out, msa)
    assert usage.failures == [] and usage.calls == 1
    _assert_exchanges(vcr, 2)
    assert [r["status"]["code"] for r in vcr.responses] == [429, 200]


def test_server_error_until_retries_are_spent(llm_settings: Settings, playbook: Playbook, vcr) -> None:  # type: ignore[no-untyped-def]
    out, usage, msa = _judge_msa(llm_settings, playbook)
    assert [f.status for f in out] == [f.status for f in _msa_rules(msa)]
    assert all(f.source == "rules" and "LLM server_error after 3 attempt(s)" in f.reason for f in out)
    assert len(usage.failures) == 1 and "Error code: 500" in usage.failures[0]
    _assert_exchanges(vcr, 3)
    assert [r["status"]["code"] for r in vcr.responses] == [500, 500, 500]


def test_malformed_json_falls_back_to_rules(llm_settings: Settings, playbook: Playbook) -> None:
    out, usage, msa = _judge_msa(llm_settings, playbook)
    assert [f.status for f in out] == [f.status for f in _msa_rules(msa)]
    assert all(f.source == "rules" and "LLM malformed_output" in f.reason for f in out)
    assert usage.prompt_tokens > 0  # the failed call's tokens are still accounted


def test_prompt_injection_changes_no_status(llm_settings: Settings, playbook: Playbook) -> None:
    doc = load_text_document(LLM_FIXTURES / "adversarial_injection.txt")
    weak = _quote(doc, "6", "Provider will inform Customer of any breach of those safeguards")
    rules = [
        Finding(requirement="audit_rights", status=Status.missing, reason="Audit right excluded."),
        Finding(requirement="incident_notification", status=Status.weak, evidence=[weak],
                reason="Notice at Provider's discretion, no deadline."),
        Finding(requirement="termination_for_convenience", status=Status.missing, reason="Not found."),
        Finding(requirement="data_retention", status=Status.missing, reason="Not found."),
    ]  # fmt: skip
    judge = make_judge(llm_settings)
    assert judge is not None
    out, usage = judge(playbook, ReviewContext([doc]), rules, cue_candidates(playbook, [doc]))
    assert [f.status for f in out] == [f.status for f in rules]
    assert all(f.needs_legal_review and "AI reviewer" in f.reason for f in out)
    assert all(e.quote == weak.quote for f in out for e in f.evidence)  # no injected text became evidence
    assert usage.calls == 1 and usage.failures == []


def test_doctor_model_reachable(llm_settings: Settings) -> None:
    llm_settings.store.data_dir.mkdir(parents=True)
    checks = {c.name: c for c in doctor(llm_settings)}
    assert checks["LLM key"].ok and checks["model reachable"].ok, format_checks(list(checks.values()))
    assert "answered 'ok'" in checks["model reachable"].detail.lower()
