"""Validate a labelled contract set (`cases.yaml` here, or any file in the same schema).

Checks: schema version, unique case ids, every file exists and is readable, every case labels all 12
playbook requirements with a valid status, parameter names belong to their requirement and are integers,
found labels (present/weak) carry evidence (a string or a list of strings), every snippet occurs in
the text of the case's files (whitespace-normalised), only the keys status/params/evidence are used
(notes are YAML comments), and each case is 1,500-6,000 words long.

Usage (from the repository root):
    python evals/datasets/gold/validate.py                      # the gold set
    python evals/datasets/gold/validate.py examples/acme-cloud/expected.yaml
Exit code 0 when valid; otherwise every problem is printed, one per line.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_CASES = HERE / "cases.yaml"

STATUSES = {"present", "weak", "missing", "unclear"}
LABEL_KEYS = {"status", "params", "evidence"}  # same keys as the eval loader accepts; notes are YAML comments
# requirement id -> integer parameters it may carry (the interface shared with the evaluators)
PARAMS: dict[str, set[str]] = {
    "audit_rights": {"notice_days"},
    "exit_assistance": {"period_days"},
    "subprocessor_disclosure": {"notice_days"},
    "change_notification": {"notice_days"},
    "service_credits": set(),
    "data_ownership": set(),
    "security_obligations": set(),
    "incident_notification": {"hours"},
    "data_retention": {"deletion_days"},
    "access_logging": set(),
    "termination_convenience": set(),
    "renewal_notice": {"term_months", "notice_days"},
}
MIN_WORDS, MAX_WORDS = 1500, 6000
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_BLOCK_TAGS = {
    "p",
    "div",
    "li",
    "td",
    "th",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "section",
    "table",
}


class _HtmlText(HTMLParser):
    """Collect visible text; block-level tags become line breaks, script/style are dropped."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def file_text(path: Path) -> str:
    """Return the plain text of a .txt/.md/.html/.docx/.pdf file."""
    suffix = path.suffix.lower()
    if suffix in {".txt", ".md"}:
        return path.read_text(encoding="utf-8")
    if suffix in {".html", ".htm"}:
        parser = _HtmlText()
        parser.feed(path.read_text(encoding="utf-8"))
        return "".join(parser.parts)
    if suffix == ".docx":
        import docx

        doc = docx.Document(str(path))
        cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in doc.paragraphs] + cells)
    if suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    raise ValueError(f"unsupported file type {path.name!r}: use .txt, .md, .html, .docx or .pdf")


def normalise(text: str) -> str:
    """NFKC, straight quotes, single spaces: the comparison form for evidence snippets."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(_QUOTES)
    return re.sub(r"\s+", " ", text).strip()


def check_label(case_id: str, req: str, label: Any, text: str) -> list[str]:
    """Return the problems of one requirement label of one case."""
    where = f"case {case_id!r}, requirement {req!r}"
    if not isinstance(label, dict):
        return [f"{where}: label must be a mapping with 'status', got {label!r}"]
    problems = [
        f"{where}: unknown key {k!r} (allowed: {sorted(LABEL_KEYS)})" for k in label if k not in LABEL_KEYS
    ]
    status = label.get("status")
    if status not in STATUSES:
        problems.append(f"{where}: status {status!r} is not one of {sorted(STATUSES)}")
    for name, value in (label.get("params") or {}).items():
        if name not in PARAMS[req]:
            problems.append(f"{where}: parameter {name!r} not allowed (allowed: {sorted(PARAMS[req])})")
        elif not isinstance(value, int) or isinstance(value, bool):
            problems.append(f"{where}: parameter {name!r} must be an integer, got {value!r}")
    evidence = label.get("evidence")
    snippets = [evidence] if isinstance(evidence, str) else list(evidence or [])
    if status in {"present", "weak"} and not snippets:
        problems.append(f"{where}: a {status} label needs an evidence snippet copied from the text")
    for snippet in snippets:
        if normalise(str(snippet)) not in text:
            problems.append(f"{where}: evidence not found verbatim in the case files: {str(snippet)[:80]!r}")
    return problems


def check_case(case: Any, base: Path) -> tuple[list[str], Counter[str]]:
    """Return the problems of one case and the count of its statuses."""
    statuses: Counter[str] = Counter()
    if not isinstance(case, dict) or "id" not in case:
        return [f"case without an id: {str(case)[:60]!r}"], statuses
    cid = case["id"]
    problems: list[str] = [] if case.get("description") else [f"case {cid!r}: missing one-line description"]
    texts: list[str] = []
    for rel in case.get("files") or []:
        path = base / rel
        if not path.is_file():
            problems.append(f"case {cid!r}: file {rel!r} does not exist under {base.name!r}")
            continue
        try:
            texts.append(file_text(path))
        except Exception as exc:  # NOTE: any unreadable file is reported as a problem, not raised
            problems.append(f"case {cid!r}: cannot read {rel!r}: {exc}")
    if not texts:
        problems.append(f"case {cid!r}: no readable files listed under 'files'")
    text = normalise(" \n ".join(texts))
    words = len(text.split())
    if texts and not MIN_WORDS <= words <= MAX_WORDS:
        problems.append(f"case {cid!r}: {words} words, expected {MIN_WORDS}-{MAX_WORDS}")
    labels = case.get("labels") or {}
    problems += [f"case {cid!r}: requirement {r!r} is not labelled" for r in PARAMS if r not in labels]
    problems += [f"case {cid!r}: unknown requirement {r!r}" for r in labels if r not in PARAMS]
    for req, label in labels.items():
        if req in PARAMS:
            problems += check_label(cid, req, label, text)
            statuses[label.get("status", "?") if isinstance(label, dict) else "?"] += 1
    return problems, statuses


def validate(cases_path: Path) -> list[str]:
    """Validate a cases file; return every problem found (empty when valid)."""
    if not cases_path.is_file():
        return [f"cases file {str(cases_path)!r} not found; pass the path of a cases.yaml"]
    data = yaml.safe_load(cases_path.read_text(encoding="utf-8")) or {}
    if data.get("version") != 1:
        return [f"{cases_path.name!r}: 'version' must be 1, got {data.get('version')!r}"]
    problems: list[str] = []
    ids = [c.get("id") for c in data.get("cases") or [] if isinstance(c, dict)]
    problems += [f"duplicate case id {i!r}" for i, n in Counter(ids).items() if n > 1]
    total: Counter[str] = Counter()
    for case in data.get("cases") or []:
        case_problems, statuses = check_case(case, cases_path.parent)
        problems += case_problems
        total += statuses
    n = sum(total.values()) or 1
    mix = ", ".join(f"{s} {total[s]} ({100 * total[s] / n:.0f}%)" for s in sorted(STATUSES))
    print(f"{cases_path.name}: {len(ids)} cases, {sum(total.values())} labels: {mix}")
    return problems


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: validate the given cases file (default: the gold set); 0 when valid."""
    args = sys.argv[1:] if argv is None else argv
    problems = validate(Path(args[0]) if args else DEFAULT_CASES)
    for problem in problems:
        print(f"ERROR {problem}")
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
