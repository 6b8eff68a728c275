"""The shipped default playbook and playbook loading errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import PlaybookError
from assistant.playbook import load_playbook

DEFAULT_IDS = [
    "audit_rights", "exit_assistance", "subprocessor_disclosure", "change_notification", "service_credits",
    "data_ownership", "security_obligations", "incident_notification", "data_retention", "access_logging",
    "termination_convenience", "renewal_notice",
]  # fmt: skip
INTERFACE_PARAMS = {
    "audit_rights": "notice_days", "exit_assistance": "period_days", "subprocessor_disclosure": "notice_days",
    "change_notification": "notice_days", "incident_notification": "hours", "data_retention": "deletion_days",
    "renewal_notice": "term_months",
}  # fmt: skip


def test_default_playbook_has_the_twelve_requirements_fully_filled() -> None:
    pb = load_playbook("default")
    assert pb.id == "default" and pb.version
    assert [r.id for r in pb.requirements] == DEFAULT_IDS
    for r in pb.requirements:
        for name in (
            "title",
            "description",
            "present_when",
            "weak_when",
            "rationale",
            "query",
            "preferred_language",
            "fallback_language",
        ):
            assert getattr(r, name).strip(), f"{r.id}.{name} is empty"
        assert r.cues and r.applies_to and r.extractor == r.id


def test_interface_parameters_and_thresholds() -> None:
    pb = load_playbook("default")
    for rid, param in INTERFACE_PARAMS.items():
        assert param in {p.name for p in pb.requirement(rid).parameters}, rid
    assert "notice_days" in {p.name for p in pb.requirement("renewal_notice").parameters}
    rules = {(r.param, r.op, r.value) for req in pb.requirements for r in req.weak_if}
    for rule in [
        ("period_days", "<", 30),
        ("notice_days", "<", 10),
        ("notice_days", "<", 30),
        ("hours", ">", 72),
        ("notice_days", ">", 90),
        ("lockin_months", ">", 24),
    ]:
        assert rule in rules, rule
    assert pb.requirement("incident_notification").weak_if[0].applies({"hours": 96})
    assert not pb.requirement("incident_notification").weak_if[0].applies({"hours": 72})


def test_unknown_playbook_path(tmp_path: Path) -> None:
    with pytest.raises(PlaybookError, match=r"no such playbook.*'default'"):
        load_playbook(tmp_path / "nope.yaml")


def test_bad_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\nrequirements: [\n  - {id: a", encoding="utf-8")
    with pytest.raises(PlaybookError, match=r"bad\.yaml: not valid YAML"):
        load_playbook(path)


def test_missing_field_is_named(tmp_path: Path) -> None:
    path = tmp_path / "incomplete.yaml"
    path.write_text("id: x\nversion: '1'\nrequirements:\n  - id: a\n    description: d\n", encoding="utf-8")
    with pytest.raises(PlaybookError, match=r"incomplete\.yaml: invalid playbook .*requirements\.0\.title"):
        load_playbook(path)


def test_not_a_mapping_and_duplicate_ids(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- a\n- b\n", encoding="utf-8")
    with pytest.raises(PlaybookError, match="expected a mapping"):
        load_playbook(path)
    path.write_text(
        "id: x\nversion: '1'\nrequirements:\n  - {id: a, title: A, description: d}\n  - {id: a, title: B, description: d}\n",
        encoding="utf-8",
    )
    with pytest.raises(PlaybookError, match="appears twice"):
        load_playbook(path)


CUSTOM = """
id: custom
version: "1"
requirements:
  - id: escrow
    title: Source code escrow
    description: Vendor deposits source code with an escrow agent.
    cues: [{cue}]
{extra}
"""


def test_invalid_cue_regex_fails_at_load(tmp_path: Path) -> None:
    path = tmp_path / "pb.yaml"
    path.write_text(CUSTOM.format(cue="'\\\\bescrow(?:s|ed'", extra=""))
    with pytest.raises(PlaybookError, match=r"cue .*escrow.* is not a valid regular expression"):
        load_playbook(path)


def test_unknown_explicit_extractor_is_an_error_not_a_silent_fallback(tmp_path: Path) -> None:
    from assistant.ingest import parse_bytes
    from assistant.review import review_documents

    path = tmp_path / "pb.yaml"
    path.write_text(CUSTOM.format(cue="escrow", extra="    extractor: escrow_rulez"))
    playbook = load_playbook(path)
    doc = parse_bytes(b"1. Escrow\nVendor shall deposit the source code with an escrow agent.", "a.txt")
    with pytest.raises(PlaybookError, match="escrow_rulez.*not registered"):
        review_documents([doc], playbook)
    path.write_text(CUSTOM.format(cue="escrow", extra=""))
    result = review_documents([doc], load_playbook(path))  # no extractor named: the generic one
    assert result.finding("escrow").status.value == "present"
