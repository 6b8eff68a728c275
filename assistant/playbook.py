"""Playbooks are data: YAML files of requirements. `default` ships in the package; `cuad` ships with the
evals; any other value is a path to a customer's own file."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from assistant.errors import PlaybookError
from assistant.models import DocumentKind, Severity

Op = Literal["<", "<=", ">", ">=", "==", "!="]


class ParameterSpec(BaseModel):
    """A parameter an extractor reads from the clause text (an integer unless unit says otherwise)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(description="Parameter name, e.g. 'notice_days'.")
    unit: Literal["days", "hours", "months", "percent", "count", "bool", "text"] = "days"
    description: str = ""


class WeakRule(BaseModel):
    """Data form of a weak condition on a parameter: `params[param] <op> value` makes the finding weak."""

    model_config = ConfigDict(extra="forbid")

    param: str
    op: Op
    value: float | int | bool | str
    reason: str = Field(description="Why this makes the clause weak, shown to legal.")

    def applies(self, params: dict[str, Any]) -> bool:
        v = params.get(self.param)
        if v is None:
            return False
        try:
            return {
                "<": lambda: v < self.value,
                "<=": lambda: v <= self.value,
                ">": lambda: v > self.value,
                ">=": lambda: v >= self.value,
                "==": lambda: v == self.value,
                "!=": lambda: v != self.value,
            }[self.op]()
        except TypeError:
            return False


class Requirement(BaseModel):
    """One control clause the playbook asks for."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable requirement id, part of the interface.")
    title: str
    description: str = Field(description="What the clause must say; also given to the LLM judge.")
    severity: Severity = Severity.medium
    applies_to: list[DocumentKind] = Field(
        default_factory=lambda: list(DocumentKind), description="Document kinds where it is looked for."
    )
    present_when: str = Field(default="", description="Policy: when the requirement counts as present.")
    weak_when: str = Field(default="", description="Policy: when it counts as weak (prose).")
    rationale: str = Field(default="", description="Why the policy is what it is.")
    cues: list[str] = Field(default_factory=list, description="Regex cues (case-insensitive) for candidates.")
    query: str = Field(default="", description="Natural-language query for vector search.")
    parameters: list[ParameterSpec] = Field(default_factory=list)
    weak_if: list[WeakRule] = Field(default_factory=list, description="Threshold rules on parameters.")
    extractor: str | None = Field(default=None, description="Registered extractor name; default is the id.")
    options: dict[str, Any] = Field(default_factory=dict, description="Extractor-specific settings.")
    preferred_language: str = Field(default="", description="Clause text to ask for in negotiation.")
    fallback_language: str = Field(default="", description="Acceptable compromise language.")

    @property
    def extractor_name(self) -> str:
        return self.extractor or self.id

    @field_validator("cues")
    @classmethod
    def _cues_compile(cls, cues: list[str]) -> list[str]:
        """A cue that is not a valid regex is a playbook error at load time, not silently literal text."""
        for cue in cues:
            try:
                re.compile(cue)
            except re.error as exc:
                raise ValueError(f"cue {cue!r} is not a valid regular expression ({exc})") from exc
        return cues


class Playbook(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    version: str
    title: str = ""
    description: str = ""
    requirements: list[Requirement]

    @model_validator(mode="after")
    def _unique_ids(self) -> Playbook:
        seen: set[str] = set()
        for r in self.requirements:
            if r.id in seen:
                raise ValueError(f"requirement id {r.id!r} appears twice")
            seen.add(r.id)
        return self

    def requirement(self, rid: str) -> Requirement:
        for r in self.requirements:
            if r.id == rid:
                return r
        raise KeyError(f"playbook {self.id!r} has no requirement {rid!r}")


BUILTIN = {"default": ("assistant", "playbooks/default.yaml"), "cuad": ("evals", "playbooks/cuad.yaml")}


def load_playbook(name_or_path: str | Path = "default") -> Playbook:
    """Load a built-in playbook by name or a customer's playbook from a YAML path."""
    key = str(name_or_path)
    if key in BUILTIN:
        package, rel = BUILTIN[key]
        text = resources.files(package).joinpath(rel).read_text(encoding="utf-8")
        origin = f"built-in playbook {key!r}"
    else:
        path = Path(key)
        if not path.is_file():
            raise PlaybookError(
                f"{key}: no such playbook. Use 'default', 'cuad' or the path of a playbook YAML file."
            )
        text = path.read_text(encoding="utf-8")
        origin = str(path)
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PlaybookError(f"{origin}: not valid YAML ({exc}). Fix the file's syntax.") from exc
    if not isinstance(data, dict):
        raise PlaybookError(f"{origin}: expected a mapping with 'id', 'version' and 'requirements'.")
    try:
        return Playbook.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()[:5])
        raise PlaybookError(f"{origin}: invalid playbook ({problems}). Fix these fields.") from exc
