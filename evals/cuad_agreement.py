"""How consistently CUAD's lawyers label the clause kinds that the CUAD rules recognise.

    python -m evals.cuad_agreement [--cuad-dir DIR] [--category ID ...] [--out FILE]

For every sentence rule of a category (`extractors.cuad_categories`) it counts the sentences the rule
accepts, the share of them that lie inside a labelled span of that category (sentence agreement), the
contracts where the rule fires and the share of those contracts labelled with the category (document
agreement). A rule whose sentences lawyers label half of the time caps what any document-level decision
built on it can score: it is the measured ceiling behind the CUAD figures of `evals.run`, not a verdict on
the rules. Writes `evals/results/cuad-agreement.json`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from evals.datasets import CUAD_CATEGORIES, DEFAULT_CUAD_DIR, DatasetError, category_spans, cuad_contracts
from evals.report import RESULTS_DIR
from extractors.cuad_categories import CATEGORIES
from extractors.cuad_rules import match_sentences


@dataclass
class RuleAgreement:
    """Counts for one rule of one category."""

    sentences: int = 0
    labelled_sentences: int = 0
    contracts: int = 0
    labelled_contracts: int = 0

    @property
    def sentence_agreement(self) -> float | None:
        return round(self.labelled_sentences / self.sentences, 3) if self.sentences else None

    @property
    def document_agreement(self) -> float | None:
        return round(self.labelled_contracts / self.contracts, 3) if self.contracts else None


def agreement(cuad_dir: Path, categories: Sequence[str]) -> dict[str, dict[str, RuleAgreement]]:
    """Per category id, per rule name: how often lawyers labelled what the rule accepts."""
    names = {rid: cat for cat, rid in CUAD_CATEGORIES.items()}
    out: dict[str, dict[str, RuleAgreement]] = {
        cid: {r.name: RuleAgreement() for r in CATEGORIES[cid].rules} for cid in categories
    }
    for contract in cuad_contracts(cuad_dir):
        text = (cuad_dir / contract["txt_file"]).read_text(encoding="utf-8")
        for cid in categories:
            spans = category_spans(contract["labels"].get(names[cid], {}))
            fired: set[str] = set()
            for start, end, rule in match_sentences(CATEGORIES[cid], text):
                counts = out[cid][rule]
                counts.sentences += 1
                counts.labelled_sentences += any(s < end and start < e for s, e in spans)
                fired.add(rule)
            for rule in fired:
                out[cid][rule].contracts += 1
                out[cid][rule].labelled_contracts += bool(spans)
    return out


def render(result: dict[str, dict[str, RuleAgreement]], console: Console) -> None:
    table = Table(title="CUAD label agreement with the rules' clause kinds")
    for col in ("category", "rule", "sentences", "in a labelled span", "contracts", "contracts labelled"):
        table.add_column(col, justify="left" if col in ("category", "rule") else "right")
    for cid, rules in result.items():
        for name, a in rules.items():
            table.add_row(
                cid,
                name,
                str(a.sentences),
                "-" if a.sentence_agreement is None else f"{a.sentence_agreement:.2f}",
                str(a.contracts),
                "-" if a.document_agreement is None else f"{a.document_agreement:.2f}",
            )
    console.print(table)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evals.cuad_agreement", description=__doc__.split("\n")[0])
    p.add_argument("--cuad-dir", type=Path, default=DEFAULT_CUAD_DIR, help="CUAD folder (labels.json).")
    p.add_argument("--category", nargs="*", choices=sorted(CATEGORIES), default=sorted(CATEGORIES))
    p.add_argument("--out", type=Path, default=RESULTS_DIR / "cuad-agreement.json")
    args = p.parse_args(argv)
    console = Console(width=None if sys.stdout.isatty() else 120)
    try:
        result = agreement(args.cuad_dir, args.category)
    except DatasetError as exc:
        console.print(f"[red]{exc}[/red]")
        return 2
    render(result, console)
    summary = {
        cid: {name: {**asdict(a), "sentence_agreement": a.sentence_agreement,
                     "document_agreement": a.document_agreement} for name, a in rules.items()}
        for cid, rules in result.items()
    }  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    console.print(f"summary written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
