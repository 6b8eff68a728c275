"""The README's first lines and its sample-review table are part of the product: check them against reality."""

from __future__ import annotations

import re
from pathlib import Path

from assistant.ingest import parse_file
from assistant.playbook import load_playbook
from assistant.review import review_documents

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_first_lines_give_setup_and_test_commands_and_ci_runs_the_test_command() -> None:
    head = README.splitlines()[:8]
    commands = [line.split("#")[0].strip() for line in head if line.startswith("make ")]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)


def test_sample_review_table_matches_a_real_review() -> None:
    block = README.split("<!-- sample-review")[1].split("<!-- /sample-review -->")[0]
    rows = [
        r.strip().strip("|").split("|") for r in block.splitlines() if r.startswith("| ") and "---" not in r
    ]
    table = {cells[0].strip(): cells for cells in rows[1:]}
    sample = ROOT / "examples" / "acme-cloud"
    docs = [parse_file(sample / n) for n in ("msa.pdf", "dpa.docx", "order_form.txt")]
    result = review_documents(docs, load_playbook("default"))
    assert set(table) == {f.requirement for f in result.findings}
    for f in result.findings:
        cells = table[f.requirement]
        assert cells[1].strip() == f.status.value, f.requirement
        for pair in filter(None, (p.strip() for p in cells[2].split(","))):
            name, value = pair.split("=")
            assert f.params.get(name) == int(value), (f.requirement, name, f.params)
        where = cells[3].strip()
        if where:
            filename = where.split()[0]
            assert any(e.filename == filename for e in f.evidence), (f.requirement, where)
