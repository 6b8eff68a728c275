"""The shipped sample family and the labelled gold set: files exist, open, and their labels validate."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import docx
import pytest
import yaml
from pypdf import PdfReader

from evals.build_binaries import Target, targets
from evals.datasets import LABELLED_SETS

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "evals" / "datasets" / "gold"
FAMILY = ROOT / "examples" / "acme-cloud"


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


validate = _load(GOLD / "validate.py", "gold_validate")


def _gold_cases() -> list[dict]:
    return yaml.safe_load((GOLD / "cases.yaml").read_text(encoding="utf-8"))["cases"]


def test_example_family_files_exist() -> None:
    for name in ("msa.pdf", "dpa.docx", "order_form.txt", "expected.yaml"):
        assert (FAMILY / name).is_file(), name
    assert (ROOT / "examples" / "README.md").is_file()


def test_example_msa_pdf_has_3_to_5_pages_with_running_footer() -> None:
    reader = PdfReader(str(FAMILY / "msa.pdf"))
    assert 3 <= len(reader.pages) <= 5
    for number, page in enumerate(reader.pages, start=1):
        text = page.extract_text()
        assert f"Confidential - Page {number}" in text
        assert "Nimbus Analytics Ltd - Master Subscription Agreement" in text


def test_example_dpa_docx_has_headings_and_subprocessor_table() -> None:
    doc = docx.Document(str(FAMILY / "dpa.docx"))
    headings = [p.text for p in doc.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert "3. Sub-processors" in headings
    rows = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert rows[0] == ["Sub-processor", "Purpose", "Location"]
    assert any("Amazon Web Services" in row[0] for row in rows[1:])


def test_example_order_form_states_term_and_renewal() -> None:
    text = (FAMILY / "order_form.txt").read_text(encoding="utf-8")
    assert "twelve (12) months" in text and "sixty (60) days" in text


def test_example_expected_labels_validate_with_intended_gaps() -> None:
    assert validate.main([str(FAMILY / "expected.yaml")]) == 0
    case = yaml.safe_load((FAMILY / "expected.yaml").read_text(encoding="utf-8"))["cases"][0]
    statuses = Counter(label["status"] for label in case["labels"].values())
    assert statuses == Counter(present=6, weak=4, missing=2)


def test_gold_set_validates() -> None:
    assert validate.main([]) == 0


def test_gold_and_example_labels_load_with_the_eval_loader() -> None:
    from evals.datasets import load_gold

    cases = load_gold(GOLD / "cases.yaml")
    assert len(cases) == len(_gold_cases())
    assert all(len(case.labels) == len(validate.PARAMS) for case in cases)
    (example,) = load_gold(FAMILY / "expected.yaml")
    assert example.labels["subprocessor_disclosure"].params == {"notice_days": 30}


def test_gold_set_covers_required_formats_and_size() -> None:
    cases = _gold_cases()
    assert len(cases) >= 14
    suffixes = Counter(Path(f).suffix for case in cases for f in case["files"])
    assert suffixes[".html"] >= 2 and suffixes[".docx"] >= 2 and suffixes[".pdf"] >= 2
    assert suffixes[".txt"] + suffixes[".md"] >= 10


def test_gold_label_mix_is_balanced() -> None:
    statuses = Counter(label["status"] for case in _gold_cases() for label in case["labels"].values())
    total = sum(statuses.values())
    for status, low, high in (("present", 0.30, 0.50), ("weak", 0.20, 0.40), ("missing", 0.20, 0.40)):
        assert low <= statuses[status] / total <= high, (status, statuses)
    assert statuses["unclear"] >= 2


def test_validator_reports_bad_labels(tmp_path: Path) -> None:
    contract = tmp_path / "c.txt"
    contract.write_text("The Supplier shall notify the Customer within 24 hours. " + "word " * 1600)
    labels = {req: {"status": "missing"} for req in validate.PARAMS}
    labels["incident_notification"] = {
        "status": "present",
        "params": {"hours": "24"},
        "evidence": "within 48 hours",
    }
    labels["audit_rights"] = {"status": "sometimes"}
    labels["exit_assistance"] = {"status": "missing", "note": "notes belong in YAML comments"}
    del labels["renewal_notice"]
    cases = tmp_path / "cases.yaml"
    cases.write_text(
        yaml.safe_dump(
            {"version": 1, "cases": [{"id": "t", "description": "d", "files": ["c.txt"], "labels": labels}]}
        )
    )
    problems = validate.validate(cases)
    assert any("'renewal_notice' is not labelled" in p for p in problems)
    assert any("status 'sometimes'" in p for p in problems)
    assert any("parameter 'hours' must be an integer" in p for p in problems)
    assert any("evidence not found" in p for p in problems)
    assert any("unknown key 'note'" in p for p in problems)
    assert validate.main([str(cases)]) == 1


DATASETS = ROOT / "evals" / "datasets"


@pytest.mark.parametrize("name", [name for name in LABELLED_SETS if name != "gold"])
def test_every_labelled_set_validates_and_loads(name: str) -> None:
    from evals.datasets import load_gold

    cases_file = DATASETS / name / "cases.yaml"
    assert validate.main([str(cases_file)]) == 0
    cases = load_gold(cases_file)
    assert len(cases) >= 11
    assert all(len(case.labels) == len(validate.PARAMS) for case in cases)


# the second and third sets are plain text and Markdown only
SETS_WITH_BINARIES = [name for name in LABELLED_SETS if name not in {"second", "third"}]
TARGETS = [(name, target) for name in SETS_WITH_BINARIES for target in targets(DATASETS / name)]


def test_every_binary_set_lists_its_binaries() -> None:
    assert {name for name, _ in TARGETS} == set(SETS_WITH_BINARIES)
    kinds = {t.output.suffix for name, t in TARGETS if name == "gold"}
    assert kinds == {".docx", ".pdf"}


@pytest.mark.parametrize(("dataset", "target"), TARGETS, ids=[f"{n}:{t.source.name}" for n, t in TARGETS])
def test_binaries_open_and_match_their_sources(dataset: str, target: Target, tmp_path: Path) -> None:
    fresh = target.render(tmp_path / target.output.name)
    if target.output.suffix == ".pdf":
        pages = PdfReader(str(target.output)).pages
        assert len(pages) >= 2
        assert "Confidential - Page 2" in pages[1].extract_text()
    else:
        assert len(docx.Document(str(target.output)).paragraphs) > 30
    assert validate.file_text(target.output) == validate.file_text(fresh)
