"""The CFO memo: content (every gap, every quote with its page, numbers equal to the intake), formats
(Markdown, HTML, JSON, PDF read back with pypdf) and the `gate` job end to end on the shipped sample."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pypdf
import pytest
from test_gates_data import FAMILY, TODAY, make_project, make_review
from typer.testing import CliRunner

from assistant.gates_run import assess_project, render, run_gate
from assistant.memo import Memo, build_memo, memo_html, memo_markdown
from assistant.memo_pdf import latin1, memo_pdf
from assistant.models import Decision, DecisionAction, Status, normalise_ws

ROOT = Path(__file__).resolve().parents[1]
GAPS = {"audit_rights": Status.missing, "service_credits": Status.weak, "renewal_notice": Status.weak}


def memo_with_gaps(**intake: object) -> tuple[Memo, object]:
    project = make_project(**intake)
    accepted = Decision(requirement="service_credits", action=DecisionAction.accept_risk, actor="Legal Counsel",
                        reason="Credits match the market for this tier", risk_owner="Tom Becker")  # fmt: skip
    a = assess_project(project, "scale", reviews={FAMILY: make_review(GAPS)}, decisions={FAMILY: [accepted]},
                       today=TODAY)  # fmt: skip
    return build_memo(a, project), a


def pdf_text(data: bytes) -> str:
    return normalise_ws(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(data)).pages))


def test_memo_answers_the_three_questions_with_intake_numbers() -> None:
    memo, _ = memo_with_gaps()
    md = memo_markdown(memo)
    assert memo.recommendation == "hold"  # audit rights missing, no legal decision
    assert "AI routing for 60 agent seats, from Acme Cloud." in memo.narrative.what_we_are_buying
    # TCO: 86,400 x3 + 38,000 + 45,000 + 9,600 x3 + 43,200 x2 (from year 2) = 457,400
    assert "The 3-year total cost of ownership is USD 457,400" in memo.narrative.what_we_are_buying
    assert "USD 83,000 one-off and USD 139,200 a year at run rate" in memo.narrative.what_we_are_buying
    assert memo.narrative.why_now == "Enquiries are triaged by hand. Volume grew 40% with headcount frozen."
    assert (
        "median first response time from 10 hours (measured 2026-01-01 to 2026-03-31) to 6 hours (40% better)"
        in md
    )
    assert "'20% faster first response'" in md and "7.5 hours (25% better)" in md
    for line in ["Approved budget (FY2027): USD 240,000; forecast USD 228,500 (USD 11,500 under budget, 4.8%).",
                 "Commitment at this gate: USD 172,800.", "Approval threshold: USD 150,000 (CFO)."]:  # fmt: skip
        assert line in md
    assert "| Subscription | USD 259,200 |" in md and "**USD 457,400 over 3 years**" in md
    assert "needs CFO sign-off" in memo.decision_requested
    owners = "Business owner: Maria Lopez, VP Service"
    assert owners in md and "Technical owner: Priya Shah" in md


def test_memo_lists_every_gap_with_its_quotes_pages_and_legal_status() -> None:
    memo, a = memo_with_gaps()
    md = memo_markdown(memo)
    gap_controls = [c for c in a.controls if c.is_gap]  # type: ignore[attr-defined]
    assert {g.requirement for g in memo.gaps} == set(GAPS) == {c.requirement for c in gap_controls}
    for c in gap_controls:
        assert f"**{c.title}**" in md
        for e in c.evidence:
            assert f'"{normalise_ws(e.quote)}" ({e.filename}, p. {e.page})' in md
    assert "Legal: risk accepted by Tom Becker: Credits match the market for this tier." in md
    assert "Legal: open, awaiting legal review." in md
    assert memo.gaps[0].requirement == "audit_rights"  # open and high severity first
    assert "3 control gaps (2 open, 1 accepted as a risk by a named owner)" in memo.narrative.summary


def test_memo_shows_renewal_dates_and_conditions() -> None:
    memo, _ = memo_with_gaps()
    md = memo_markdown(memo)
    assert ("acme: term ends 2027-11-30; renews automatically unless notice (60 calendar days) is sent by "
            "2027-10-01, 315 days from 2026-11-20. Internal renewal review: 2027-07-02.") in md  # fmt: skip
    assert "## Conditions to advance" in md
    assert "1. Add an audit rights clause, or have legal accept the risk with a named owner." in md


def test_advancing_memo_says_so_and_lists_follow_ups() -> None:
    project = make_project()
    a = assess_project(project, "scale", reviews={FAMILY: make_review()}, today=TODAY)
    memo = build_memo(a, project)
    assert memo.narrative.summary.startswith("We recommend that Routing enter the scale stage.")
    assert "every blocking item is satisfied" in memo.narrative.summary
    assert "found all 12 controls in place" in memo.narrative.summary
    assert "## Follow-ups" in memo_markdown(memo)


def test_html_is_print_friendly_and_escaped() -> None:
    memo, _ = memo_with_gaps(business_problem="Routing <script>alert(1)</script> & triage")
    html = memo_html(memo)
    assert "@media print" in html and "<style>" in html
    assert "<script>alert(1)</script>" not in html
    assert "Routing &lt;script&gt;alert(1)&lt;/script&gt; &amp; triage" in html
    assert 'class="rec hold"' in html


def test_json_carries_the_assessment_and_the_text() -> None:
    memo, a = memo_with_gaps()
    data = json.loads(render(memo, a, "json"))  # type: ignore[arg-type]
    assert data["assessment"]["recommendation"] == "hold"
    assert data["assessment"]["score"] == a.score  # type: ignore[attr-defined]
    assert data["memo"]["narrative_source"] == "deterministic"
    assert data["markdown"].startswith("# Scale gate memo: Routing")
    items = {i["id"]: i for i in data["assessment"]["items"]}
    assert items["audit_rights"]["blocks"] is True


def test_pdf_is_generated_and_readable() -> None:
    memo, _ = memo_with_gaps(
        what_we_are_buying="AI routing \u2013 \u201cEnterprise\u201d tier at \u20ac120 per seat"
    )
    data = memo_pdf(memo)
    assert data.startswith(b"%PDF")
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1  # one page where possible
    text = pdf_text(data)
    assert "Recommendation: Hold" in text
    assert 'AI routing - "Enterprise" tier at EUR 120 per seat' in text
    for g in memo.gaps:
        for q in g.quotes:
            assert f"({q.filename}, p. {q.page})" in text
    assert "USD 457,400 over 3 years" in text
    assert latin1("a \u2192 b \u2264 c \u4e2d") == "a -> b <= c ?"


@pytest.mark.slow
def test_gate_job_on_the_shipped_sample(tmp_path: Path, settings) -> None:  # type: ignore[no-untyped-def]
    shutil.copytree(ROOT / "examples" / "acme-cloud", tmp_path / "acme-cloud")
    shutil.copy(ROOT / "examples" / "project.yaml", tmp_path / "project.yaml")
    settings = settings.model_copy(
        update={"review": settings.review.model_copy(update={"use_vector_search": False})}
    )
    out = tmp_path / "memo.md"
    run = run_gate(tmp_path / "project.yaml", None, "markdown", out, settings, today=TODAY, use_llm=False)
    text = out.read_text(encoding="utf-8")
    assert run.assessment.gate.value == "scale" and run.assessment.reviewed_families == ["acme-cloud"]
    assert text.startswith("# Scale gate memo: Demand forecasting and inventory optimisation")
    renewal = run.assessment.renewals[0]
    # Order form: service start 1 March 2026, 12 months, auto-renews, 60 days' notice.
    assert (renewal.status, renewal.current_term_end.isoformat()) == ("ok", "2027-02-28")  # type: ignore[union-attr]
    assert renewal.notice_deadline.isoformat() == "2026-12-30"  # type: ignore[union-attr]
    assert any(q.filename == "order_form.txt" and "Service start date" in q.quote for q in renewal.quotes)
    tc = next(c for c in run.assessment.controls if c.requirement == "termination_convenience")
    assert tc.legal_status == "accepted_risk"  # legal's decision from the project file
    for g in run.memo.gaps:
        for q in g.quotes:
            assert f"({q.filename}, p. {q.page})" in text
    # Second run reuses the stored review and gives the same assessment.
    again = run_gate(tmp_path / "project.yaml", None, "json", None, settings, today=TODAY, use_llm=False)
    assert json.loads(again.content)["assessment"] == run.assessment.model_dump(mode="json")


@pytest.mark.slow
def test_cli_gate_writes_a_readable_pdf(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from assistant import cli
    from assistant.settings import get_settings

    shutil.copytree(ROOT / "examples" / "acme-cloud", tmp_path / "acme-cloud")
    shutil.copy(ROOT / "examples" / "project.yaml", tmp_path / "project.yaml")
    monkeypatch.setenv("CLAUSEGATE_STORE__DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLAUSEGATE_INDEX__EMBEDDING_PROVIDER", "none")
    get_settings.cache_clear()
    out = tmp_path / "memo.pdf"
    args = ["gate", str(tmp_path / "project.yaml"), "--format", "pdf", "--out", str(out), "--today", "2026-11-20",
            "--llm", "off", "--no-vectors"]  # fmt: skip
    try:
        result = CliRunner().invoke(cli.app, args)
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 0, result.output
    text = pdf_text(out.read_bytes())
    assert "Scale gate memo: Demand forecasting and inventory optimisation" in text
    assert "Notice to stop the acme-cloud renewal must be sent by 2026-12-30" in text
    bad = CliRunner().invoke(cli.app, ["gate", str(tmp_path / "project.yaml"), "--format", "pdf"])
    assert bad.exit_code != 0
