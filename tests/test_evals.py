"""The evaluation harness: metrics on hand-made predictions, the gold and CUAD loaders, the runner and the
summary/baseline comparison."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.ingest import parse_file
from assistant.models import Status
from assistant.playbook import load_playbook
from evals.datasets import DatasetError, load_cuad, load_gold
from evals.keyword_baseline import keyword_found, keyword_scores
from evals.metrics import (
    Label,
    Pair,
    Prediction,
    evidence_recall,
    evidence_validity,
    gap_recall,
    macro_f1,
    overlaps,
    param_accuracy,
    per_requirement,
    score,
    status_accuracy,
)
from evals.report import load_baseline, summarise, write_summary
from evals.runner import default_reviewer, predict, run_cases


def _pair(case: str, rid: str, label: Label, status: Status, **kw: object) -> Pair:
    return Pair(case, rid, label, Prediction(status=status, **kw))  # type: ignore[arg-type]


P, W, M = Status.present, Status.weak, Status.missing


def test_score_counts_and_f1() -> None:
    s = score([(True, True), (True, True), (True, False), (False, True), (False, False)])
    assert (s.tp, s.fp, s.fn, s.tn) == (2, 1, 1, 1)
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(2 / 3)
    assert score([(False, False)]).f1 == 0.0


def test_per_requirement_and_macro_f1_on_hand_made_predictions() -> None:
    yes, no = Label(found=True), Label(found=False)
    pairs = [
        _pair("a", "audit", yes, P),
        _pair("b", "audit", yes, W),  # weak counts as found
        _pair("c", "audit", no, P),
        _pair("a", "exit", yes, M),
        _pair("b", "exit", yes, P),
        _pair("c", "exit", no, M),
    ]
    scores = per_requirement(pairs)
    assert list(scores) == ["audit", "exit"]
    assert scores["audit"].precision == pytest.approx(2 / 3) and scores["audit"].recall == 1.0
    assert scores["audit"].f1 == pytest.approx(0.8)
    assert scores["exit"].precision == 1.0 and scores["exit"].recall == 0.5
    assert scores["exit"].f1 == pytest.approx(2 / 3)
    assert macro_f1(scores) == pytest.approx((0.8 + 2 / 3) / 2)


def test_status_accuracy_gap_recall_and_param_accuracy() -> None:
    pairs = [
        _pair("a", "r", Label(True, P, {"notice_days": 30}), P, params={"notice_days": 30}),
        _pair("b", "r", Label(True, W, {"notice_days": 90}), P, params={"notice_days": 60}),
        _pair("c", "r", Label(False, M), M),
        _pair("d", "r", Label(False, M), W),
        _pair("e", "g", Label(True, P, {"jurisdiction": "New York"}), P, params={"jurisdiction": "new york"}),
    ]
    assert status_accuracy(pairs) == pytest.approx(3 / 5)
    # gaps labelled: b (weak), c, d (missing); predicted gap: c (missing), d (weak) -> 2/3
    assert gap_recall(pairs) == pytest.approx(2 / 3)
    assert param_accuracy(pairs) == pytest.approx(2 / 3)
    assert status_accuracy([_pair("x", "r", Label(True), P)]) is None


def test_evidence_validity_and_overlap() -> None:
    pairs = [
        _pair("a", "r", Label(True), P, quotes_valid=2, quotes_total=3),
        _pair("b", "r", Label(True), P, quotes_valid=1, quotes_total=1),
    ]
    assert evidence_validity(pairs) == pytest.approx(3 / 4)
    assert evidence_validity([_pair("c", "r", Label(False), M)]) is None
    assert overlaps((5, 10), [(9, 20)]) and not overlaps((5, 10), [(10, 20)])


def test_evidence_recall_counts_found_requirements_that_quote_the_labelled_clause() -> None:
    pairs = [
        _pair("a", "r", Label(True), P, quotes_hit=True),
        _pair("b", "r", Label(True), W, quotes_hit=False),
        _pair("c", "r", Label(True), M, quotes_hit=False),  # not found: a status miss, not an evidence miss
        _pair("d", "r", Label(True), P, quotes_hit=None),  # no labelled snippet in the text: not judged
    ]
    assert evidence_recall(pairs) == pytest.approx(1 / 2)
    assert evidence_recall([_pair("e", "r", Label(False), M)]) is None


def _write_gold(root: Path, evidence: str) -> Path:
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "msa.txt").write_text(
        "MASTER SERVICES AGREEMENT\n\n1. Audit\nCustomer may audit Provider's records once per year upon "
        "thirty (30) days' notice.\n\n2. Governing Law\nThis Agreement is governed by the laws of New York.\n",
        encoding="utf-8",
    )
    gold = {
        "version": 1,
        "cases": [
            {
                "id": "acme",
                "description": "audit present",
                "files": ["docs/msa.txt"],
                "labels": {
                    "audit_rights": {
                        "status": "present",
                        "params": {"notice_days": 30},
                        "evidence": evidence,
                    },
                    "exit_assistance": {"status": "missing"},
                },
            }
        ],
    }
    path = root / "cases.yaml"
    path.write_text(json.dumps(gold), encoding="utf-8")  # JSON is valid YAML
    return path


def test_gold_loader_reads_labels_and_resolves_files(tmp_path: Path) -> None:
    path = _write_gold(tmp_path, "Customer may audit Provider's records")
    [case] = load_gold(path)
    assert case.id == "acme" and case.files == (tmp_path / "docs" / "msa.txt",)
    audit = case.labels["audit_rights"]
    assert audit.found and audit.status is Status.present and audit.params == {"notice_days": 30}
    assert audit.evidence == ("Customer may audit Provider's records",)
    assert not case.labels["exit_assistance"].found


def test_gold_loader_rejects_missing_files_and_bad_schema(tmp_path: Path) -> None:
    path = _write_gold(tmp_path, "x")
    (tmp_path / "docs" / "msa.txt").unlink()
    with pytest.raises(DatasetError, match="missing file"):
        load_gold(path)
    path.write_text("version: 1\ncases: [{id: x}]\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="invalid gold file"):
        load_gold(path)
    with pytest.raises(DatasetError, match="not found"):
        load_gold(tmp_path / "nope.yaml")


def _tiny_cuad(root: Path) -> Path:
    """A CUAD-format folder of two contracts."""
    (root / "contracts").mkdir(parents=True)
    texts = {
        "alpha.txt": "SUPPLY AGREEMENT\n\nThis Agreement shall be governed by the laws of the State of Delaware. "
        "Either party may terminate this Agreement without cause upon sixty (60) days prior written notice.\n",
        "beta.txt": "LICENSE AGREEMENT\n\nLicensee shall pay royalties quarterly. Neither party may assign this "
        "Agreement without the prior written consent of the other party.\n",
    }
    for name, text in texts.items():
        (root / "contracts" / name).write_text(text, encoding="utf-8")

    def span(name: str, snippet: str) -> dict[str, object]:
        start = texts[name].index(snippet)
        return {"text": snippet, "segments": [{"start": start, "end": start + len(snippet)}]}

    empty = {"answer": "", "present": False, "spans": []}
    no = {"answer": "No", "present": False, "spans": []}
    alpha_law = "governed by the laws of the State of Delaware"
    alpha_tfc = (
        "Either party may terminate this Agreement without cause upon sixty (60) days prior written notice."
    )
    beta_assign = (
        "Neither party may assign this Agreement without the prior written consent of the other party."
    )
    labels = {
        "categories": ["Governing Law", "Termination For Convenience", "Anti-Assignment"],
        "contracts": [
            {
                "txt_file": "contracts/alpha.txt",
                "labels": {
                    "Governing Law": {
                        "answer": "Delaware",
                        "present": True,
                        "spans": [span("alpha.txt", alpha_law)],
                    },
                    "Termination For Convenience": {
                        "answer": "Yes",
                        "present": True,
                        "spans": [span("alpha.txt", alpha_tfc)],
                    },
                    "Anti-Assignment": no,
                    "Renewal Term": empty,
                },
            },
            {
                "txt_file": "contracts/beta.txt",
                "labels": {
                    "Governing Law": empty,
                    "Termination For Convenience": no,
                    "Anti-Assignment": {
                        "answer": "Yes",
                        "present": True,
                        "spans": [span("beta.txt", beta_assign)],
                    },
                },
            },
        ],
    }
    (root / "labels.json").write_text(json.dumps(labels), encoding="utf-8")
    return root


def test_cuad_loader_on_synthetic_folder(tmp_path: Path) -> None:
    cases = load_cuad(_tiny_cuad(tmp_path / "cuad"))
    assert [c.id for c in cases] == ["000:alpha", "001:beta"]
    alpha, beta = cases
    assert len(alpha.labels) == 10  # every category of the CUAD playbook, missing ones as not found
    assert alpha.labels["governing_law"].found and alpha.labels["governing_law"].params == {
        "jurisdiction": "Delaware"
    }
    assert alpha.labels["termination_for_convenience"].evidence[0].startswith("Either party may terminate")
    assert not alpha.labels["anti_assignment"].found and not alpha.labels["audit_rights"].found
    assert beta.labels["anti_assignment"].found and not beta.labels["governing_law"].found
    assert load_cuad(tmp_path / "cuad", limit=1) == cases[:1]
    with pytest.raises(DatasetError, match="--cuad-dir"):
        load_cuad(tmp_path / "elsewhere")


def test_runner_scores_the_real_pipeline_and_checks_evidence(tmp_path: Path) -> None:
    cases = load_cuad(_tiny_cuad(tmp_path / "cuad"))
    playbook = load_playbook("cuad")
    runs = run_cases(cases, playbook, parse_file, default_reviewer())
    assert [r.error for r in runs] == [None, None]
    summary = summarise("cuad", playbook.version, runs)
    reqs = summary["requirements"]
    assert reqs["governing_law"]["f1"] == 1.0 and reqs["anti_assignment"]["f1"] == 1.0
    assert reqs["termination_for_convenience"]["f1"] == 1.0
    assert summary["metrics"]["macro_f1"] is not None and summary["metrics"]["evidence_validity"] == 1.0
    assert summary["metrics"]["param_accuracy"] == 1.0  # Delaware read from the governing-law sentence
    out = tmp_path / "results" / "cuad-baseline.json"
    write_summary(summary, out)
    assert load_baseline("cuad", out.parent) == json.loads(out.read_text(encoding="utf-8"))
    assert load_baseline("gold", out.parent) is None


def test_predict_rejects_quotes_outside_labelled_spans(tmp_path: Path) -> None:
    [alpha, _] = load_cuad(_tiny_cuad(tmp_path / "cuad"))
    doc = parse_file(alpha.files[0])
    review = default_reviewer()([doc], load_playbook("cuad"))
    finding = review.finding("governing_law")
    assert predict(finding, alpha.labels["governing_law"], [doc]).quotes_valid == len(finding.evidence) > 0
    assert predict(finding, alpha.labels["governing_law"], [doc]).quotes_hit is True
    elsewhere = Label(found=True, evidence=("SUPPLY AGREEMENT",))
    assert predict(finding, elsewhere, [doc]).quotes_valid == 0
    assert predict(finding, elsewhere, [doc]).quotes_hit is False
    nowhere = Label(found=True, evidence=("words this contract never uses",))
    assert predict(finding, nowhere, [doc]).quotes_hit is None


def test_keyword_baseline(tmp_path: Path) -> None:
    assert keyword_found("governing_law", "This Agreement is governed by the laws of Ohio.")
    assert not keyword_found("insurance", "No cover is required.")
    scores = keyword_scores(load_cuad(_tiny_cuad(tmp_path / "cuad")))
    assert scores["governing_law"].f1 == 1.0
    assert scores["anti_assignment"].tp == 1 and scores["anti_assignment"].fn == 0


def test_misses_list_exactly_the_disagreements_with_their_reasons() -> None:
    from dataclasses import replace

    from rich.console import Console

    from evals.datasets import GOLD_FILE
    from evals.report import misses, render_misses

    [case] = load_gold(GOLD_FILE, limit=1)
    playbook = load_playbook("default")
    [run] = run_cases([case], playbook, parse_file, default_reviewer())
    assert misses([run]) == []  # the gold set is reviewed without a disagreement
    pair = next(p for p in run.pairs if p.prediction.status is Status.present)
    flipped = replace(pair.label, status=Status.missing, found=False)
    run.pairs[run.pairs.index(pair)] = replace(pair, label=flipped)
    [row] = misses([run])
    assert (row["case"], row["requirement"], row["expected"], row["got"]) == (
        case.id, pair.requirement, "missing", "present"
    )  # fmt: skip
    assert row["reason"] == run.review.finding(pair.requirement).reason != ""
    console = Console(record=True, width=200)
    render_misses([row], console)
    out = console.export_text()
    assert (
        "1 disagreement(s)" in out and f"{case.id} / {pair.requirement}: expected missing, got present" in out
    )


def test_misses_judge_parameters_as_param_accuracy_does() -> None:
    from dataclasses import replace

    from evals.datasets import GOLD_FILE
    from evals.metrics import param_accuracy
    from evals.report import misses

    [case] = load_gold(GOLD_FILE, limit=1)
    [run] = run_cases([case], load_playbook("default"), parse_file, default_reviewer())
    i, pair = next((i, p) for i, p in enumerate(run.pairs) if p.prediction.status is Status.present)
    said = replace(pair.prediction, params={"jurisdiction": "England and Wales"})
    run.pairs[i] = replace(
        pair, prediction=said, label=replace(pair.label, params={"jurisdiction": "england and wales"})
    )
    assert param_accuracy([run.pairs[i]]) == 1.0 and misses([run]) == []  # case alone is no miss
    run.pairs[i] = replace(run.pairs[i], label=replace(pair.label, params={"jurisdiction": "Scotland"}))
    [row] = misses([run])
    assert row["params"] == {"jurisdiction": {"expected": "Scotland", "got": "England and Wales"}}
    assert param_accuracy([run.pairs[i]]) == 0.0


def test_cuad_agreement_counts_rule_sentences_inside_lawyer_spans(tmp_path: Path) -> None:
    from evals.cuad_agreement import agreement, main

    root = _tiny_cuad(tmp_path / "cuad")
    result = agreement(root, ["governing_law", "termination_for_convenience", "anti_assignment"])
    law = result["governing_law"]["governed_by"]
    assert (law.sentences, law.labelled_sentences, law.contracts, law.labelled_contracts) == (1, 1, 1, 1)
    tfc = result["termination_for_convenience"]["without_cause"]
    assert tfc.sentence_agreement == 1.0 and tfc.document_agreement == 1.0
    assignment = result["anti_assignment"]["consent_to_assign"]
    assert assignment.contracts == 1 and assignment.document_agreement == 1.0
    out = tmp_path / "agreement.json"
    assert main(["--cuad-dir", str(root), "--category", "governing_law", "--out", str(out)]) == 0
    assert json.loads(out.read_text())["governing_law"]["governed_by"]["sentence_agreement"] == 1.0
    assert main(["--cuad-dir", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
