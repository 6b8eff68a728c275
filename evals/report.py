"""Summaries of an evaluation run: the JSON written to `evals/results/`, and the rich table that prints
the new figures beside the committed baseline (and, for CUAD, beside the keyword baseline)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from evals.metrics import (
    Pair,
    Score,
    evidence_recall,
    evidence_validity,
    gap_recall,
    macro_f1,
    param_accuracy,
    param_right,
    per_requirement,
    status_accuracy,
)
from evals.runner import CaseRun

RESULTS_DIR = Path(__file__).resolve().parent / "results"
HEADLINE = (
    "macro_f1",
    "status_accuracy",
    "gap_recall",
    "param_accuracy",
    "evidence_validity",
    "evidence_recall",
    "seconds_per_doc",
)


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def summarise(dataset: str, playbook_version: str, runs: Sequence[CaseRun], **extra: Any) -> dict[str, Any]:
    """The JSON summary of a run: headline metrics, per-requirement scores, errors and extras."""
    pairs = [p for r in runs for p in r.pairs]
    scores = per_requirement(pairs)
    ok = [r for r in runs if r.error is None]
    seconds = sum(r.seconds for r in ok)
    summary: dict[str, Any] = {
        "dataset": dataset,
        "playbook_version": playbook_version,
        "cases": len(runs),
        "errors": {r.case_id: r.error for r in runs if r.error},
        "metrics": {
            "macro_f1": _r(macro_f1(scores)),
            "status_accuracy": _r(status_accuracy(pairs)),
            "gap_recall": _r(gap_recall(pairs)),
            "param_accuracy": _r(param_accuracy(pairs)),
            "evidence_validity": _r(evidence_validity(pairs)),
            "evidence_recall": _r(evidence_recall(pairs)),
            "seconds_per_doc": _r(seconds / max(1, sum(len(_files(r)) for r in ok))),
            "seconds_total": _r(seconds),
        },
        "requirements": {rid: s.as_dict() for rid, s in scores.items()},
    }
    summary.update(extra)
    return summary


def _files(run: CaseRun) -> list[str]:
    return [d.id for d in run.review.documents] if run.review else []


def split_macro(runs: Sequence[CaseRun], parity: int) -> float:
    """Macro F1 over the cases whose numeric id prefix has the given parity (0 = even, 1 = odd)."""
    pairs: list[Pair] = [p for r in runs if int(r.case_id.split(":")[0]) % 2 == parity for p in r.pairs]
    return round(macro_f1(per_requirement(pairs)), 4)


def write_summary(summary: dict[str, Any], out: Path) -> None:
    """Write the summary as indented JSON (parent folders created)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(summary, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def load_baseline(dataset: str, results_dir: Path = RESULTS_DIR) -> dict[str, Any] | None:
    """The committed baseline summary of `dataset`, or None when there is none yet."""
    path = results_dir / f"{dataset}-baseline.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def _delta(new: float | None, old: float | None) -> str:
    if new is None or old is None:
        return ""
    d = new - old
    colour = "green" if d > 0.0005 else "red" if d < -0.0005 else "dim"
    return f"[{colour}]{d:+.3f}[/{colour}]"


def render(
    summary: dict[str, Any],
    baseline: dict[str, Any] | None,
    keywords: dict[str, Score] | None = None,
    console: Console | None = None,
) -> None:
    """Print per-requirement P/R/F1 and the headline metrics, each with its delta to the baseline."""
    console = console or Console()
    base_req = (baseline or {}).get("requirements", {})
    table = Table(
        title=f"{summary['dataset']}: {summary['cases']} case(s), playbook {summary['playbook_version']}"
    )
    for col in ("requirement", "support", "P", "R", "F1", "baseline F1", "delta"):
        table.add_column(col, justify="left" if col == "requirement" else "right")
    if keywords:
        table.add_column("keyword F1", justify="right")
    for rid, s in summary["requirements"].items():
        old = base_req.get(rid, {}).get("f1")
        row = [rid, str(s["support"]), _fmt(s["precision"]), _fmt(s["recall"]), _fmt(s["f1"]), _fmt(old)]
        row.append(_delta(s["f1"], old))
        if keywords:
            row.append(_fmt(keywords[rid].f1) if rid in keywords else "-")
        table.add_row(*row)
    console.print(table)
    _render_headline(summary, baseline, keywords, console)


def misses(runs: Sequence[CaseRun]) -> list[dict[str, Any]]:
    """Every pair where the engine's status or a labelled parameter differs from the label, with the
    finding's reason: the list a developer reads to see what to generalise next."""
    out: list[dict[str, Any]] = []
    for run in runs:
        for pair in run.pairs:
            label, pred = pair.label, pair.prediction
            expected = label.status.value if label.status else ("found" if label.found else "absent")
            got = pred.status.value
            status_ok = got == expected if label.status else label.found == pred.found
            wrong = {
                k: (v, pred.params.get(k))
                for k, v in label.params.items()
                if not param_right(pred.params, k, v)
            }
            if status_ok and not wrong:
                continue
            reason = run.review.finding(pair.requirement).reason if run.review else ""
            out.append(
                {"case": run.case_id, "requirement": pair.requirement, "expected": expected, "got": got,
                 "params": {k: {"expected": e, "got": g} for k, (e, g) in wrong.items()}, "reason": reason}
            )  # fmt: skip
    return out


def render_misses(rows: list[dict[str, Any]], console: Console) -> None:
    """Print the disagreements (see `misses`), one block each: what was expected, what came out, and why."""
    console.print(f"[bold]{len(rows)} disagreement(s) with the labels[/bold]")
    for r in rows:
        params = "; ".join(f"{k} expected {v['expected']}, got {v['got']}" for k, v in r["params"].items())
        head = f"{r['case']} / {r['requirement']}: expected {r['expected']}, got {r['got']}"
        console.print(head + (f" ({params})" if params else ""), markup=False, highlight=False)
        console.print(f"    {r['reason']}", markup=False, highlight=False)


def _render_headline(
    summary: dict[str, Any],
    baseline: dict[str, Any] | None,
    keywords: dict[str, Score] | None,
    console: Console,
) -> None:
    base = (baseline or {}).get("metrics", {})
    table = Table(title="headline metrics")
    for col in ("metric", "value", "baseline", "delta"):
        table.add_column(col, justify="left" if col == "metric" else "right")
    for name in HEADLINE:
        new, old = summary["metrics"].get(name), base.get(name)
        table.add_row(name, _fmt(new), _fmt(old), _delta(new, old) if name != "seconds_per_doc" else "")
    for name in ("macro_f1_even", "macro_f1_odd", "keyword_macro_f1"):
        if name in summary:
            table.add_row(name, _fmt(summary[name]), _fmt((baseline or {}).get(name)), "")
    console.print(table)
    if summary["errors"]:
        console.print(
            f"[red]{len(summary['errors'])} case(s) failed[/red]: {list(summary['errors'].items())[:3]!r}"
        )


def render_cuad_cv(console: Console, results_dir: Path = RESULTS_DIR) -> None:
    """For CUAD: warn that the dev-split figures are in-sample for the learned scorer and print the
    committed cross-validated figures (`cuad-cv.json`, written by `python -m evals.train_cuad`)."""
    path = results_dir / "cuad-cv.json"
    console.print(
        "[yellow]note:[/yellow] the learned CUAD scorer was trained on this dev split, so the figures above "
        "are in-sample for it; the honest figures are the contract-level cross-validated ones below."
    )
    if not path.is_file():
        console.print(f"(no {path.name!r} yet: run `python -m evals.train_cuad`)")
        return
    cv = json.loads(path.read_text(encoding="utf-8"))
    if not cv.get("shipped"):
        console.print(
            "(the scorer ships disabled for every category: no out-of-fold gain over the rules reached "
            f"{cv.get('min_gain', 0)!r}, so the figures above are the rules alone)"
        )
    table = Table(
        title=f"cuad: {cv['contracts']} contracts, out-of-fold F1 ({cv.get('folds', 5)}-fold by contract)"
    )
    for col in ("requirement", "shipped", "learned", "rules", "scorer on"):
        table.add_column(col, justify="left" if col == "requirement" else "right")
    for rid, r in cv["requirements"].items():
        on = "yes" if r["learned_enabled"] else "no"
        table.add_row(rid, _fmt(r["shipped_f1"]), _fmt(r["cv_learned"]["f1"]), _fmt(r["rules"]["f1"]), on)
    table.add_row("macro", _fmt(cv["macro_f1"]), _fmt(cv["learned_macro_f1"]), _fmt(cv["rules_macro_f1"]), "")
    console.print(table)
