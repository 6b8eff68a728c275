"""Evaluate the review engine on a labelled dataset and compare with the committed baseline.

    python -m evals.run --dataset gold
    python -m evals.run --dataset cuad [--cuad-dir DIR] [--limit N] [--llm on|off] [--vectors] [--out FILE]

Prints per-requirement precision / recall / F1 (document level), macro F1, status accuracy, recall of
gaps, parameter accuracy, evidence validity and time per document, beside the baseline
(`evals/results/<dataset>-baseline.json`) and, for CUAD, the keyword baseline. Writes the summary to
`evals/results/<dataset>-latest.json` (or `--out`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from assistant.playbook import load_playbook
from assistant.settings import Settings
from evals.datasets import (
    DEFAULT_CUAD_DIR,
    LABELLED_SETS,
    DatasetError,
    EvalCase,
    load_cuad,
    load_gold,
    set_file,
)
from evals.keyword_baseline import keyword_scores
from evals.metrics import macro_f1
from evals.options import OptionError, make_judge, make_reviewer
from evals.report import (
    RESULTS_DIR,
    load_baseline,
    misses,
    render,
    render_cuad_cv,
    render_misses,
    split_macro,
    summarise,
    write_summary,
)
from evals.runner import CaseRun, default_parser, run_cases

PLAYBOOKS = {**dict.fromkeys(LABELLED_SETS, "default"), "cuad": "cuad"}


def build_parser() -> argparse.ArgumentParser:
    """Command-line options of `python -m evals.run`."""
    p = argparse.ArgumentParser(prog="python -m evals.run", description=__doc__.split("\n")[0])
    p.add_argument("--dataset", choices=sorted(PLAYBOOKS), required=True, help="Labelled dataset to run.")
    p.add_argument("--cuad-dir", type=Path, default=DEFAULT_CUAD_DIR, help="CUAD folder (labels.json).")
    p.add_argument("--limit", type=int, default=None, help="Only the first N cases.")
    p.add_argument("--llm", choices=("on", "off"), default="off", help="Add the LLM judge (needs a key).")
    p.add_argument("--vectors", action="store_true", help="Add local-embedding vector search to the cues.")
    p.add_argument("--playbook", default=None, help="Playbook name or YAML path (default per dataset).")
    p.add_argument(
        "--misses",
        action="store_true",
        help="Also list every case/requirement that disagrees with its label.",
    )
    p.add_argument(
        "--out", type=Path, default=None, help="Summary JSON (default results/<dataset>-latest.json)."
    )
    return p


def load_cases(dataset: str, cuad_dir: Path, limit: int | None) -> list[EvalCase]:
    """The cases of `dataset`: a labelled set of the default playbook (see PLAYBOOKS) or 'cuad'."""
    if dataset == "cuad":
        return load_cuad(cuad_dir, limit)
    return load_gold(set_file(dataset), limit)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run, print the comparison tables, write the summary; returns the exit code."""
    args = build_parser().parse_args(argv)
    console = Console(width=None if sys.stdout.isatty() else 120)
    settings = Settings()
    try:
        cases = load_cases(args.dataset, args.cuad_dir, args.limit)
    except DatasetError as exc:
        console.print(f"[red]{exc}[/red]")
        return 2
    playbook = load_playbook(args.playbook or PLAYBOOKS[args.dataset])
    try:
        reviewer = make_reviewer(make_judge(args.llm, settings), args.vectors, settings)
    except OptionError as exc:
        console.print(f"[red]{exc}[/red]")
        return 2
    with console.status(f"reviewing {len(cases)} case(s)...") as status:

        def progress(done: int, total: int, run: CaseRun) -> None:
            status.update(f"reviewed {done}/{total} case(s) ({run.case_id})")

        runs = run_cases(cases, playbook, default_parser(), reviewer, progress)
    summary = _summary(args, playbook.version, cases, runs)
    keywords = keyword_scores(cases) if args.dataset == "cuad" else None
    if keywords:
        summary["keyword_macro_f1"] = round(macro_f1(keywords), 4)
        summary["keyword_f1"] = {rid: round(s.f1, 4) for rid, s in keywords.items()}
    render(summary, load_baseline(args.dataset), keywords, console)
    if args.dataset == "cuad":
        render_cuad_cv(console)
    if args.misses:
        render_misses(misses(runs), console)
    out = args.out or RESULTS_DIR / f"{args.dataset}-latest.json"
    write_summary(summary, out)
    console.print(f"summary written to {out}")
    return 0


def _summary(
    args: argparse.Namespace, version: str, cases: list[EvalCase], runs: list[CaseRun]
) -> dict[str, Any]:
    extra: dict[str, Any] = {"llm": args.llm, "vectors": bool(args.vectors), "limit": args.limit}
    if args.dataset == "cuad":
        extra["macro_f1_even"] = split_macro(runs, 0)
        extra["macro_f1_odd"] = split_macro(runs, 1)
    return summarise(args.dataset, version, runs, **extra)


if __name__ == "__main__":
    sys.exit(main())
