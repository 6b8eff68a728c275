"""Prompt templates as files: `prompts/<name>.md` (or `.txt`), each with a small YAML header.

    ---
    name: clause_judge
    version: 2
    variables: [requirements, clauses]
    ---
    Body with {requirements} and {clauses}; a literal brace is written {{ or }}.

The header declares the template's variables; a body that uses an undeclared placeholder, or that
leaves a declared variable unused, fails when the prompt is LOADED (not when a review is half done).
`render()` then refuses missing or unknown values. The version is part of the LLM cache key, so
changing a prompt's wording should come with a version bump.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml

from assistant.errors import ConfigError

SUFFIXES = (".md", ".txt")


class PromptError(ConfigError):
    """A prompt file is missing, has a bad header, or its placeholders do not match its variables."""


@dataclass(frozen=True)
class Prompt:
    """A loaded, validated prompt template."""

    name: str
    version: str
    variables: frozenset[str]
    template: str
    origin: str

    @property
    def ref(self) -> str:
        """'name@version': how the prompt is named in cache keys and logs."""
        return f"{self.name}@{self.version}"

    def render(self, **values: object) -> str:
        """Fill the template; every declared variable must be given, and nothing else."""
        missing = sorted(self.variables - values.keys())
        unknown = sorted(values.keys() - self.variables)
        if missing or unknown:
            raise PromptError(
                f"prompt {self.ref!r}: render() got missing={missing!r} unknown={unknown!r}; "
                f"pass exactly {sorted(self.variables)!r}."
            )
        return self.template.format(**values)


def placeholders(template: str, origin: str = "<template>") -> set[str]:
    """Names of the `{placeholders}` in `template`; positional, attribute or indexed fields are errors."""
    names: set[str] = set()
    try:
        parsed = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise PromptError(
            f"{origin}: unbalanced braces ({exc}). Write a literal brace as '{{{{' or '}}}}'."
        ) from exc
    for _, field, spec, conv in parsed:
        if field is None:
            continue
        if not field.isidentifier() or spec or conv:
            raise PromptError(
                f"{origin}: placeholder {{{field}}} is not a plain name. Use {{name}} placeholders only."
            )
        names.add(field)
    return names


def parse_prompt(text: str, origin: str, expected: Iterable[str] | None = None) -> Prompt:
    """Parse a prompt file's text (header + body) and validate its placeholders."""
    if not text.startswith("---"):
        raise PromptError(f"{origin}: missing the '---' YAML header with name, version and variables.")
    _, header_text, body = text.split("---", 2) if text.count("---") >= 2 else ("", "", "")
    try:
        header = yaml.safe_load(header_text) or {}
    except yaml.YAMLError as exc:
        raise PromptError(f"{origin}: header is not valid YAML ({exc}).") from exc
    if not isinstance(header, dict) or "version" not in header or "name" not in header:
        raise PromptError(f"{origin}: header must be a mapping with 'name', 'version' and 'variables'.")
    declared = frozenset(str(v) for v in header.get("variables") or [])
    template = body.lstrip("\n")
    used = placeholders(template, origin)
    if used != declared:
        raise PromptError(
            f"{origin}: placeholders {sorted(used)!r} do not match declared variables {sorted(declared)!r}. "
            "Declare every placeholder in the header and use every declared variable."
        )
    if expected is not None and declared != frozenset(expected):
        raise PromptError(
            f"{origin}: declares variables {sorted(declared)!r} but the code fills {sorted(expected)!r}. "
            "Align the prompt header with the code (and bump its version)."
        )
    return Prompt(str(header["name"]), str(header["version"]), declared, template, origin)


def _find(name: str, directory: Path | Traversable) -> Path | Traversable:
    for suffix in SUFFIXES:
        candidate = directory / f"{name}{suffix}"
        if candidate.is_file():
            return candidate
    raise PromptError(
        f"prompt {name!r}: no {name}.md or {name}.txt in {str(directory)!r}. "
        "Check the name or add the prompt file."
    )


def load_prompt(name: str, expected: Iterable[str] | None = None, directory: Path | None = None) -> Prompt:
    """Load prompt `name` from the `prompts` package (or `directory`), validated against `expected`."""
    if not name.replace("_", "").isalnum():
        raise PromptError(f"prompt name {name!r}: use letters, digits and '_' only.")
    base: Path | Traversable = directory if directory is not None else resources.files("prompts")
    path = _find(name, base)
    prompt = parse_prompt(path.read_text(encoding="utf-8"), f"prompts/{path.name}", expected)
    if prompt.name != name:
        raise PromptError(
            f"prompts/{path.name}: header name {prompt.name!r} differs from file name {name!r}."
        )
    return prompt
