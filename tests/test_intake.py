"""Project and intake models: loading from YAML/JSON, validation messages, TCO and KPI arithmetic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_gates_data import make_project, project_data

from assistant.errors import ConfigError
from assistant.intake import TCO, CostLayer, Kpi, load_project


def test_loads_yaml_and_json_and_resolves_documents_next_to_the_file(tmp_path: Path) -> None:
    (tmp_path / "p.json").write_text(json.dumps(project_data()), encoding="utf-8")
    project = load_project(tmp_path / "p.json")
    assert project.resolve("msa.pdf") == tmp_path / "msa.pdf"
    assert project.intake.owners.business is not None and project.intake.owners.business.name == "Maria Lopez"
    example = load_project(Path(__file__).resolve().parents[1] / "examples" / "project.yaml")
    assert example.families[0].documents == [
        "acme-cloud/msa.pdf",
        "acme-cloud/dpa.docx",
        "acme-cloud/order_form.txt",
    ]
    assert example.legal_decisions[0].risk_owner == "Samuel Finch"


def test_tco_arithmetic_by_layer_year_and_recurrence() -> None:
    tco = TCO.model_validate({
        "currency": "GBP", "horizon_years": 3,
        "lines": [
            {"layer": "subscription", "amount": 1000, "recurrence": "annual"},
            {"layer": "implementation", "amount": 500, "recurrence": "one_off"},
            {"layer": "renewal_scaling", "amount": 200, "recurrence": "annual", "from_year": 2},
            {"layer": "data_preparation", "amount": 50, "recurrence": "one_off", "from_year": 2},
        ],
    })  # fmt: skip
    assert [tco.year_total(y) for y in (1, 2, 3)] == [1500, 1250, 1200]
    assert tco.total() == 3950
    assert tco.by_layer() == {CostLayer.subscription: 3000, CostLayer.implementation: 500,
                              CostLayer.renewal_scaling: 400, CostLayer.data_preparation: 50}  # fmt: skip
    assert (tco.one_off(), tco.recurring()) == (550, 1200)


def test_kpi_change_follows_the_direction() -> None:
    lower = Kpi(name="t", metric="time", unit="hours", direction="lower_is_better", baseline=10)
    higher = Kpi(name="f", metric="fill", unit="%", direction="higher_is_better", baseline=90)
    assert lower.change_pct(8) == 20.0 and lower.change_pct(12) == -20.0
    assert higher.change_pct(99) == 10.0
    assert Kpi(name="x", metric="x", unit="x", direction="lower_is_better").change_pct(3) is None


def test_budget_variance() -> None:
    b = make_project().intake.budget
    assert b is not None and (b.variance(), b.variance_pct()) == (-11500, -4.8)


def test_invalid_projects_name_the_file_and_the_fields(tmp_path: Path) -> None:
    data = project_data()
    data["intake"]["exit_criteria"][0]["kpi"] = "nps"
    data["intake"]["scorecard"][0]["score"] = 9
    path = tmp_path / "bad.yaml"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError) as exc:
        load_project(path)
    msg = str(exc.value)
    assert "bad.yaml" in msg and "intake.scorecard.0.score" in msg
    data["intake"]["scorecard"][0]["score"] = 4
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConfigError, match="KPI 'nps' is referenced but not defined"):
        load_project(path)
    with pytest.raises(ConfigError, match="no such project file"):
        load_project(tmp_path / "missing.yaml")
    (tmp_path / "list.yaml").write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="expected a mapping"):
        load_project(tmp_path / "list.yaml")


def test_unknown_fields_are_rejected_not_ignored() -> None:
    data = project_data()
    data["intake"]["budjet"] = {}
    with pytest.raises(ConfigError, match="intake.budjet"):
        from assistant.intake import project_from_dict

        project_from_dict(data)
