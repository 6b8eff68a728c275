"""Prompt files: loaded by name, versioned, placeholders checked at load time."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.prompts import PromptError, load_prompt, parse_prompt


def _write(tmp_path: Path, name: str, header_vars: str, body: str) -> Path:
    (tmp_path / f"{name}.md").write_text(
        f"---\nname: {name}\nversion: 3\nvariables: {header_vars}\n---\n{body}"
    )
    return tmp_path


def test_shipped_prompts_load_with_versions_and_the_variables_the_code_fills() -> None:
    system = load_prompt("system", [])
    judge = load_prompt("clause_judge", ["requirements", "clauses"])
    assert system.version and judge.version
    assert judge.ref == f"clause_judge@{judge.version}"
    assert "DATA" in system.render()  # the system prompt declares contract text to be data
    text = judge.render(requirements='<requirement id="x">', clauses="{not a placeholder}")
    assert "{not a placeholder}" in text  # values are inserted verbatim, never re-parsed


def test_unknown_placeholder_fails_at_load(tmp_path: Path) -> None:
    d = _write(tmp_path, "p", "[a]", "uses {a} and {b}\n")
    with pytest.raises(PromptError, match=r"\['a', 'b'\].*\['a'\]"):
        load_prompt("p", directory=d)


def test_declared_but_unused_variable_fails_at_load(tmp_path: Path) -> None:
    d = _write(tmp_path, "p", "[a, b]", "only {a}\n")
    with pytest.raises(PromptError, match="do not match declared variables"):
        load_prompt("p", directory=d)


def test_variables_the_code_does_not_fill_fail_at_load(tmp_path: Path) -> None:
    d = _write(tmp_path, "p", "[a]", "only {a}\n")
    with pytest.raises(PromptError, match="the code fills"):
        load_prompt("p", ["a", "extra"], directory=d)


def test_render_refuses_missing_and_unknown_values(tmp_path: Path) -> None:
    prompt = load_prompt("p", directory=_write(tmp_path, "p", "[a]", "x {a} {{literal}}\n"))
    assert prompt.render(a="1") == "x 1 {literal}\n"
    with pytest.raises(PromptError, match="missing=\\['a'\\]"):
        prompt.render()
    with pytest.raises(PromptError, match="unknown=\\['b'\\]"):
        prompt.render(a="1", b="2")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("no header {a}", "missing the '---' YAML header"),
        ("---\nversion: 1\n---\nbody", "must be a mapping with 'name'"),
        ("---\nname: p\nversion: 1\nvariables: []\n---\nbad {0} field", "not a plain name"),
        ("---\nname: p\nversion: 1\nvariables: []\n---\nunbalanced { brace", "unbalanced braces"),
    ],
)
def test_malformed_prompt_files_are_rejected(text: str, message: str) -> None:
    with pytest.raises(PromptError, match=message):
        parse_prompt(text, "prompts/p.md")


def test_unknown_prompt_name_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(PromptError, match="no nope.md or nope.txt"):
        load_prompt("nope", directory=tmp_path)
    with pytest.raises(PromptError, match="letters, digits"):
        load_prompt("../etc/passwd")
