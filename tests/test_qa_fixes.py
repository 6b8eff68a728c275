"""Regression tests for defects found by using the product end to end (CLI and store), on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_cli import FILES, ROOT, SAMPLE, run

DEFAULT_PLAYBOOK = ROOT / "assistant" / "playbooks" / "default.yaml"


def _findings(stdout: str) -> dict[str, dict[str, object]]:
    return {f["requirement"]: f for f in json.loads(stdout)["findings"]}


def test_edited_playbook_keeping_id_and_version_is_not_answered_from_the_stored_review(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    """A customer copies default.yaml and changes a threshold (README: 'Copy it, change the policy'):
    the second review must apply the edited policy, not return the stored default review."""
    code, stdout, _ = run("review", *FILES, "--format", "json")
    assert code == 0
    assert _findings(stdout)["exit_assistance"]["status"] == "weak"  # 14-day exit period < 30

    text = DEFAULT_PLAYBOOK.read_text(encoding="utf-8")
    edited = text.replace(
        '{param: period_days, op: "<", value: 30,', '{param: period_days, op: "<", value: 7,'
    )
    assert edited != text
    mine = tmp_path / "mine.yaml"
    mine.write_text(edited, encoding="utf-8")
    code, stdout, _ = run("review", *FILES, "--format", "json", "--playbook", mine)
    assert code == 0
    assert _findings(stdout)["exit_assistance"]["status"] == "present"

    code, stdout, _ = run("review", *FILES, "--format", "json")  # the default again: its stored review
    assert _findings(stdout)["exit_assistance"]["status"] == "weak"


def test_kind_override_applies_to_an_already_stored_document(cli_env: dict[str, str]) -> None:
    """`--kind` on files stored by an earlier review must change the kind in effect (and the review)."""
    code, stdout, _ = run("review", *FILES, "--format", "json")
    assert code == 0
    code, stdout, _ = run("review", *FILES, "--format", "json", "--kind", "order_form.txt=msa")
    assert code == 0
    kinds = {d["filename"]: d["kind"] for d in json.loads(stdout)["documents"]}
    assert kinds["order_form.txt"] == "msa"
    # without an override the stored (overridden) kind stays in effect
    code, stdout, _ = run("review", *FILES, "--format", "json")
    assert {d["filename"]: d["kind"] for d in json.loads(stdout)["documents"]}["order_form.txt"] == "msa"


def test_terminal_table_prints_contract_brackets_verbatim(cli_env: dict[str, str], tmp_path: Path) -> None:
    """Square brackets in contract text (placeholders, '[/b]') are text, not rich markup: the quote is
    shown as written and nothing crashes."""
    contract = tmp_path / "brackets.txt"
    contract.write_text(
        "1. Audit Rights\n"
        "The Customer may audit the Supplier's records [insert scope] once per year on thirty (30) days' "
        "notice [/b].\n",
        encoding="utf-8",
    )
    code, stdout, stderr = run("review", contract)
    assert code == 0, stderr
    flat = " ".join(stdout.replace("\u2502", " ").split())
    assert "[insert scope]" in flat
    assert "[/b]" in flat


def test_batch_resume_after_a_half_written_line_keeps_every_line_valid(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    """An interrupted batch can leave half a JSON line; the resumed run must not glue its first line
    onto it (which would lose that result and corrupt the file)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((SAMPLE / "order_form.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    out.write_text('{"file": "' + str(folder / "a.txt")[:10], encoding="utf-8")  # killed mid-write
    code, _, _ = run("batch", folder, "--out", out)
    assert code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    done = json.loads(lines[1])
    assert done["file"] == str(folder / "a.txt") and done["findings"]
    code, _, _ = run("batch", folder, "--out", out)  # and a further re-run skips it
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


MISSED = (
    "This Agreement commences on 15 January 2024 and continues for an initial term of thirty-six (36) months. "
    "Thereafter it renews automatically for successive one-year periods unless either party gives notice of "
    "non-renewal at least ninety (90) days prior to the end of the then-current term."
)


def test_a_missed_notice_deadline_is_reported_not_called_a_past_renewal() -> None:
    """Initial term ends 2027-01-14 and its notice deadline was 2026-10-16: on 2026-11-22 the term has not
    renewed yet, but renewal can no longer be stopped. The schedule and the CFO memo must say so."""
    from datetime import date

    from assistant.memo import renewal_line
    from assistant.models import Evidence, Finding, Status
    from assistant.renewal import renewal_schedule

    quote = Evidence(document_id="d", filename="msa.txt", page=3, start=0, end=len(MISSED), quote=MISSED)
    f = Finding(requirement="renewal_notice", status=Status.present, evidence=[quote])
    s = renewal_schedule(f, family="vendor", today=date(2026, 11, 22))
    assert s.missed_notice_deadline == date(2026, 10, 16)
    assert s.renews_on == date(2027, 1, 15)
    assert s.current_term_end == date(2028, 1, 14)  # the next deadline is for the following term
    assert not any("renewed" in n for n in s.notes)  # the initial term has not renewed yet
    line = renewal_line(s)
    assert "2026-10-16 has passed" in line and "2027-01-15" in line and "2028-01-14" in line
    on_time = renewal_schedule(f, family="vendor", today=date(2026, 10, 1))
    assert on_time.missed_notice_deadline is None and on_time.current_term_end == date(2027, 1, 14)


def test_search_rejects_a_non_positive_k(cli_env: dict[str, str]) -> None:
    """`search -k 0` used to answer 'No stored clauses', which is false; it is a usage error."""
    code, _, stderr = run("search", "audit", "-k", "0")
    assert code == 2
    assert "-k" in stderr


def test_batch_picks_up_every_extension_the_parsers_read(cli_env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "order.text").write_text(
        (SAMPLE / "order_form.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    out = tmp_path / "results.jsonl"
    code, _, _ = run("batch", folder, "--out", out)
    assert code == 0
    assert [json.loads(x)["file"] for x in out.read_text(encoding="utf-8").splitlines()] == [
        str(folder / "order.text")
    ]


def test_the_same_file_given_twice_is_one_document_of_the_family(cli_env: dict[str, str]) -> None:
    order = SAMPLE / "order_form.txt"
    code, stdout, _ = run("review", order, order, "--format", "json")
    assert code == 0
    data = json.loads(stdout)
    assert [d["filename"] for d in data["documents"]] == ["order_form.txt"]
    quotes = [(e["start"], e["end"]) for f in data["findings"] for e in f["evidence"]]
    assert len(quotes) == len(set(quotes))


def test_project_with_tco_and_budget_in_different_currencies_is_rejected(tmp_path: Path) -> None:
    """The memo sets the TCO (USD) against the budget (GBP) as if they were one currency: refuse it."""
    import yaml

    from assistant.errors import ClausegateError
    from assistant.intake import load_project

    data = yaml.safe_load((ROOT / "examples" / "project.yaml").read_text(encoding="utf-8"))
    data["intake"]["tco"]["currency"] = "USD"  # the budget stays in GBP
    path = tmp_path / "project.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ClausegateError) as exc:
        load_project(path)
    assert "'USD'" in str(exc.value) and "'GBP'" in str(exc.value)

    del data["intake"]["budget"]["currency"]  # stated once: applies to both
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    project = load_project(path)
    assert project.intake.budget is not None and project.intake.budget.currency == "USD"


def test_kpi_target_on_the_wrong_side_of_its_baseline_is_rejected(tmp_path: Path) -> None:
    """'Forecast error from 0% to 28%' for a lower-is-better KPI is an intake mistake, not a plan."""
    import yaml

    from assistant.errors import ClausegateError
    from assistant.intake import load_project

    data = yaml.safe_load((ROOT / "examples" / "project.yaml").read_text(encoding="utf-8"))
    data["intake"]["kpis"][0]["direction"] = "higher_is_better"  # baseline 38 -> target 28
    path = tmp_path / "project.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    with pytest.raises(ClausegateError) as exc:
        load_project(path)
    assert "forecast_error" in str(exc.value) and "direction" in str(exc.value)


def test_pdf_memo_keeps_central_european_names_readable(cli_env: dict[str, str], tmp_path: Path) -> None:
    """Core PDF fonts are Latin-1: 'Dvořák' used to print as 'Dvo?ák' in the CFO's PDF."""
    import shutil

    import yaml
    from pypdf import PdfReader

    shutil.copytree(SAMPLE, tmp_path / "acme-cloud")
    data = yaml.safe_load((ROOT / "examples" / "project.yaml").read_text(encoding="utf-8"))
    data["vendor"] = "Dvořák Łódź Spółka"
    project = tmp_path / "project.yaml"
    project.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "memo.pdf"
    code, _, stderr = run("gate", project, "--format", "pdf", "--out", out, "--today", "2026-11-22")
    assert code == 0, stderr
    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Dvorák Lódz Spólka" in " ".join(text.split())


def test_review_of_a_folder_says_it_is_a_folder(cli_env: dict[str, str]) -> None:
    code, _, stderr = run("review", SAMPLE)
    assert code == 2
    assert "is a folder" in stderr and "batch" in stderr


def test_a_legal_decision_with_a_misspelt_requirement_is_an_error_not_silently_dropped(
    cli_env: dict[str, str], tmp_path: Path
) -> None:
    """The accepted risk on termination for convenience vanished from the memo when the project file
    said 'termination_for_convenience' (the id is 'termination_convenience')."""
    import shutil

    import yaml

    shutil.copytree(SAMPLE, tmp_path / "acme-cloud")
    data = yaml.safe_load((ROOT / "examples" / "project.yaml").read_text(encoding="utf-8"))
    data["legal_decisions"][0]["requirement"] = "termination_for_convenience"
    project = tmp_path / "project.yaml"
    project.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, _, stderr = run("gate", project, "--today", "2026-11-22")
    assert code == 2
    assert "'termination_for_convenience'" in stderr and "'termination_convenience'" in stderr


def test_markdown_table_survives_a_pipe_in_a_file_name(cli_env: dict[str, str], tmp_path: Path) -> None:
    contract = tmp_path / "order|v2.txt"
    contract.write_text((SAMPLE / "order_form.txt").read_text(encoding="utf-8"), encoding="utf-8")
    code, stdout, _ = run("review", contract, "--format", "markdown")
    assert code == 0
    rows = [ln for ln in stdout.splitlines() if ln.startswith("| ") and "**" in ln]
    assert rows and all(len(ln.replace("\\|", "").split("|")) == 7 for ln in rows)  # 5 cells


def test_a_changed_rule_engine_reviews_again_instead_of_reusing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an upgrade of the rules, a stored review of the same files must not be returned as is."""
    from assistant import service
    from assistant.ingest import parse_file
    from assistant.settings import IndexSettings, Settings, StoreSettings

    settings = Settings(
        store=StoreSettings(data_dir=tmp_path / "data"), index=IndexSettings(embedding_provider="none")
    )
    svc = service.Clausegate(settings)
    docs = svc.ingest(FILES)
    first = svc.review(docs)
    assert svc.review(docs).id == first.id  # same engine: reused
    monkeypatch.setattr(service, "engine_fingerprint", lambda: "another engine")
    again = svc.review(docs)
    assert again.id != first.id
    assert [f.status for f in again.findings] == [f.status for f in first.findings]
    assert parse_file(FILES[0]).id == docs[0].id
