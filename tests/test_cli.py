"""End-to-end CLI tests on the shipped sample family (examples/acme-cloud)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from assistant.cli import app
from assistant.playbook import load_playbook
from assistant.settings import get_settings

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "acme-cloud"
FILES = [SAMPLE / "msa.pdf", SAMPLE / "dpa.docx", SAMPLE / "order_form.txt"]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def test_review_json_matches_expected_sample_labels(cli_env: dict[str, str]) -> None:
    code, stdout, _ = run("review", *FILES, "--format", "json")
    assert code == 0
    data = json.loads(stdout)
    assert {d["filename"] for d in data["documents"]} == {"msa.pdf", "dpa.docx", "order_form.txt"}
    kinds = {d["filename"]: d["kind"] for d in data["documents"]}
    assert kinds == {"msa.pdf": "msa", "dpa.docx": "dpa", "order_form.txt": "order_form"}
    assert all(len(d["sha256"]) == 64 and d["pages"] >= 1 for d in data["documents"])
    assert data["playbook"]["id"] == "default" and data["playbook"]["version"]
    ids = [f["requirement"] for f in data["findings"]]
    assert ids == [r.id for r in load_playbook("default").requirements]  # exactly one per requirement

    expected = yaml.safe_load((SAMPLE / "expected.yaml").read_text())
    labels = expected["cases"][0]["labels"]
    got = {f["requirement"]: f for f in data["findings"]}
    for rid, label in labels.items():
        assert got[rid]["status"] == label["status"], (rid, got[rid]["reason"])
        for name, value in (label.get("params") or {}).items():
            assert got[rid]["params"].get(name) == value, (rid, name, got[rid]["params"])

    texts = {}
    from assistant.ingest import parse_file

    for f in FILES:
        texts[f.name] = parse_file(f).text
    for f in data["findings"]:
        if f["status"] in ("present", "weak"):
            assert f["evidence"], f["requirement"]
        for e in f["evidence"]:
            assert texts[e["filename"]][e["start"] : e["end"]] == e["quote"]
            assert e["page"] >= 1


def test_review_fail_on_exit_code_and_markdown(cli_env: dict[str, str]) -> None:
    code, stdout, _ = run("review", *FILES, "--format", "markdown", "--fail-on", "missing")
    assert code == 3
    assert "## " in stdout and "page" in stdout


def test_review_bad_file_is_a_clear_error(cli_env: dict[str, str], tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7 this is not really a pdf")
    code, _, stderr = run("review", bad)
    assert code == 2
    assert "broken.pdf" in stderr


def test_batch_continues_after_failure_and_resumes(cli_env: dict[str, str], tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text((SAMPLE / "order_form.txt").read_text())
    (folder / "b.pdf").write_bytes(b"not a pdf at all")
    out = tmp_path / "results.jsonl"
    code, _, _ = run("batch", folder, "--out", out)
    assert code == 0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(lines) == 2
    by_name = {Path(x["file"]).name: x for x in lines}
    assert "error" in by_name["b.pdf"] and "b.pdf" in by_name["b.pdf"]["error"]
    assert len(by_name["a.txt"]["findings"]) == len(load_playbook("default").requirements)
    run("batch", folder, "--out", out)  # re-run: nothing new
    assert len(out.read_text().splitlines()) == 2


def test_console_script_end_to_end(tmp_path: Path) -> None:
    """The installed entry point, in a real subprocess, as a user runs it."""
    env = {
        **os.environ,
        "CLAUSEGATE_STORE__DATA_DIR": str(tmp_path / "data"),
        "CLAUSEGATE_INDEX__EMBEDDING_PROVIDER": "none",
        "CLAUSEGATE_LLM__MODE": "off",
    }
    cmd = [sys.executable, "-m", "assistant.cli", "review", *map(str, FILES), "--format", "json"]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr
    first = json.loads(proc.stdout)
    proc2 = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert json.loads(proc2.stdout) == first  # the stored review is reused, identically


def test_search_finds_the_clause_by_meaning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`clausegate ingest` then `clausegate search` with the real local embedding model."""
    monkeypatch.setenv("CLAUSEGATE_STORE__DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLAUSEGATE_INDEX__EMBEDDING_PROVIDER", "local")
    monkeypatch.setenv("CLAUSEGATE_LLM__MODE", "off")
    get_settings.cache_clear()
    try:
        code, stdout, _ = run("ingest", *FILES, "--family", "acme-cloud")
        assert code == 0 and "dpa.docx" in stdout
        code, stdout, _ = run(
            "search", "advance notice before engaging a new sub-processor", "--family", "acme-cloud", "-k", "3",
            "--format", "json",
        )  # fmt: skip
        assert code == 0
        hits = json.loads(stdout)
        assert len(hits) == 3 and hits[0]["filename"] == "dpa.docx"
        assert "sub-processor" in hits[0]["text"].lower() and hits[0]["page"] >= 1
        code, _, stderr = run("search", "audit", "--family", "no-such-family")
        assert code == 2 and "no-such-family" in stderr
    finally:
        get_settings.cache_clear()
