"""Dataset loaders: the hand-labelled gold set (`evals/datasets/gold/cases.yaml`) and the CUAD
development split (a folder with `labels.json`, `contracts/*.txt` and CUAD's category descriptions).

Both produce `EvalCase`s: the files to ingest as one family and a `Label` per requirement.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.models import ParamValue, Status
from evals.metrics import FOUND, Label
from extractors.text import find_durations

EVALS_DIR = Path(__file__).resolve().parent
# The labelled sets of the default playbook, in the order they were written. Each later set was written from
# the policy alone, measured blind once (macro F1: second 0.864, third 0.848, fourth 0.904, fifth 0.890, sixth
# 0.937, seventh 0.915, eighth 0.904, ninth 0.906, tenth 0.912, eleventh 0.918, twelfth 0.934, thirteenth 0.926,
# fourteenth 0.939, fifteenth 0.931, sixteenth 0.891, seventeenth 0.935, nineteenth 0.929, twentieth 0.896,
# twentyfirst 0.907, twentysecond 0.936, twentythird 0.959, twentyfourth 0.923, twentyfifth 0.953, twentysixth 0.968,
# twentyseventh 0.951, twentyeighth 0.969, twentyninth 0.954; `results/*-blind.json`), then used for tuning like the
# gold set. "holdout" is the set nobody tunes against (see its README); a new set takes that name when the current one
# becomes a tuning set.
LABELLED_SETS = (
    "gold", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "nineteenth", "twentieth",
    "twentyfirst", "twentysecond", "twentythird", "twentyfourth", "twentyfifth", "twentysixth", "twentyseventh",
    "twentyeighth", "twentyninth", "holdout",
)  # fmt: skip


def set_file(name: str) -> Path:
    """The cases.yaml of a labelled set."""
    return EVALS_DIR / "datasets" / name / "cases.yaml"


GOLD_FILE = set_file("gold")
HOLDOUT_FILE = set_file("holdout")
DEFAULT_CUAD_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "cuad"

# CUAD category name -> requirement id of the CUAD playbook.
CUAD_CATEGORIES: dict[str, str] = {
    "Audit Rights": "audit_rights",
    "Post-Termination Services": "post_termination_services",
    "Termination For Convenience": "termination_for_convenience",
    "Renewal Term": "renewal_term",
    "Notice Period To Terminate Renewal": "notice_period_to_terminate_renewal",
    "Cap On Liability": "cap_on_liability",
    "Insurance": "insurance",
    "Change Of Control": "change_of_control",
    "Anti-Assignment": "anti_assignment",
    "Governing Law": "governing_law",
}


class DatasetError(ValueError):
    """A dataset file is missing or malformed; the message names the file and the fix."""


@dataclass(frozen=True)
class EvalCase:
    """One contract family to review, with the labels it is scored against."""

    id: str
    files: tuple[Path, ...]
    labels: dict[str, Label]
    description: str = ""


class GoldLabel(BaseModel):
    """Label of one requirement in the gold set."""

    model_config = ConfigDict(extra="forbid")

    status: Status = Field(description="Expected status: present, weak, missing or unclear.")
    params: dict[str, int | float | str | bool] = Field(
        default_factory=dict, description="Expected parameters."
    )
    evidence: str | list[str] | None = Field(default=None, description="Verbatim snippet(s) of the clause.")


class GoldCase(BaseModel):
    """One case of the gold set: files of a family and their labels."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Case id.")
    description: str = Field(default="", description="What the case exercises.")
    files: list[str] = Field(description="Paths relative to the gold folder.")
    labels: dict[str, GoldLabel] = Field(description="requirement id -> label.")


class GoldFile(BaseModel):
    """The gold set file."""

    model_config = ConfigDict(extra="forbid")

    version: str | int = Field(description="Version of the labels.")
    cases: list[GoldCase] = Field(description="The labelled cases.")


def load_gold(path: Path = GOLD_FILE, limit: int | None = None) -> list[EvalCase]:
    """Read the gold cases file; file paths are resolved against its folder and must exist."""
    if not path.is_file():
        raise DatasetError(f"{str(path)!r}: gold cases file not found. Create it or pass another dataset.")
    try:
        gold = GoldFile.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValidationError) as exc:
        raise DatasetError(
            f"{str(path)!r}: invalid gold file ({exc}). Fix it to match the documented schema."
        ) from exc
    cases = []
    for case in gold.cases[:limit]:
        files = tuple(path.parent / f for f in case.files)
        missing = [str(f) for f in files if not f.is_file()]
        if missing:
            raise DatasetError(f"case {case.id!r} in {str(path)!r}: missing file(s) {missing!r}.")
        labels = {rid: _gold_label(lab) for rid, lab in case.labels.items()}
        cases.append(EvalCase(id=case.id, files=files, labels=labels, description=case.description))
    return cases


def _gold_label(lab: GoldLabel) -> Label:
    snippets = [lab.evidence] if isinstance(lab.evidence, str) else list(lab.evidence or [])
    return Label(
        found=lab.status in FOUND,
        status=lab.status,
        params=dict(lab.params),
        evidence=tuple(s for s in snippets if s.strip()),
    )


def load_cuad(cuad_dir: Path = DEFAULT_CUAD_DIR, limit: int | None = None) -> list[EvalCase]:
    """Read CUAD's labels.json: one case per contract, labels for the CUAD playbook's ten categories."""
    cases = []
    for index, contract in enumerate(cuad_contracts(cuad_dir)[:limit]):
        path = cuad_dir / contract["txt_file"]
        if not path.is_file():
            raise DatasetError(f"{str(path)!r}: contract listed in labels.json is missing.")
        labels = {
            rid: cuad_label(cat, contract["labels"].get(cat, {})) for cat, rid in CUAD_CATEGORIES.items()
        }
        cases.append(EvalCase(id=f"{index:03d}:{path.stem}", files=(path,), labels=labels))
    return cases


def cuad_contracts(cuad_dir: Path = DEFAULT_CUAD_DIR) -> list[dict[str, Any]]:
    """The contracts of CUAD's labels.json (file name and labels per category), in file order."""
    labels_file = cuad_dir / "labels.json"
    if not labels_file.is_file():
        raise DatasetError(
            f"{str(labels_file)!r}: CUAD labels not found. Pass --cuad-dir pointing at the CUAD folder."
        )
    contracts: list[dict[str, Any]] = json.loads(labels_file.read_text(encoding="utf-8"))["contracts"]
    return contracts


def category_spans(entry: dict[str, Any]) -> list[tuple[int, int]]:
    """(start, end) of every segment of a CUAD label entry."""
    return [(g["start"], g["end"]) for s in entry.get("spans") or [] for g in s.get("segments") or []]


def cuad_label(category: str, entry: dict[str, Any]) -> Label:
    """Label of one CUAD category: found when lawyers marked a span; params from the answer text."""
    spans = entry.get("spans") or []
    snippets = tuple(
        piece.strip() for s in spans for piece in s.get("text", "").split("<omitted>") if piece.strip()
    )
    found = bool(spans)
    params = _cuad_params(category, entry.get("answer") or "") if found else {}
    return Label(found=found, params=params, evidence=snippets)


def _cuad_params(category: str, answer: str) -> dict[str, ParamValue]:
    """The answer as a playbook parameter: '30 days' -> notice_days=30, 'New York' -> jurisdiction."""
    answer = answer.strip()
    if not answer:
        return {}
    if category == "Governing Law":
        return {"jurisdiction": re.split(r"[,;]", answer)[0].strip()}
    durations = find_durations(answer)
    if len(durations) != 1 or "perpetual" in answer.lower():
        return {}
    if category == "Notice Period To Terminate Renewal":
        return {"notice_days": durations[0].days()}
    if category == "Renewal Term":
        return {"renewal_term_months": durations[0].months()}
    return {}
