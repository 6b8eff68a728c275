"""Gate readiness: score a project against the checklist of a stage gate.

Checklists are data (`assistant/data/gates/<gate>.yaml`, overridable by a folder of the same files): items
grouped as financial, operational and control evidence, each with a weight, what satisfies it, whether it
blocks the gate, and the check that evaluates it (see `assistant.gates_checks`). `assess_gate` turns the
project's intake, its reviews' findings, legal's decisions and the renewal dates into a `GateAssessment`:
per-item status with evidence pointers, a readiness score, blockers, conditions and a recommendation.
The same inputs always give the same assessment.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import ConfigError
from assistant.gates_controls import ControlStatus, control_statuses
from assistant.intake import Project, Sensitivity, Stage
from assistant.models import Decision, ReviewResult
from assistant.renewal import RenewalSchedule

Group = Literal["financial", "operational", "control"]
ItemStatus = Literal["satisfied", "partial", "missing", "not_applicable"]
Recommendation = Literal["advance", "advance_with_conditions", "hold"]
CREDIT: dict[str, float] = {"satisfied": 1.0, "partial": 0.5, "missing": 0.0}


class AppliesWhen(BaseModel):
    """Conditions under which an item applies; otherwise it is `not_applicable` and left out of the score."""

    model_config = ConfigDict(extra="forbid")

    ai_project: bool | None = Field(
        default=None, description="Applies only if the intake's ai_project equals."
    )
    min_sensitivity: Sensitivity | None = Field(
        default=None, description="Applies only when the data sensitivity is at least this class."
    )


class ChecklistItem(BaseModel):
    """One line of a gate checklist."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Stable item id.")
    group: Group = Field(description="Kind of evidence: financial, operational or control.")
    title: str = Field(description="Short title shown in the memo.")
    satisfied_by: str = Field(description="What evidence satisfies the item, in words.")
    check: str = Field(description="Name of the check in assistant.gates_checks.")
    args: dict[str, Any] = Field(default_factory=dict, description="Arguments of the check.")
    weight: float = Field(default=1.0, gt=0, description="Weight in the readiness score.")
    blocking: bool = Field(default=False, description="If missing, the gate is held.")
    applies_when: AppliesWhen | None = Field(default=None, description="When the item applies at all.")


class GateChecklist(BaseModel):
    """The checklist of one gate."""

    model_config = ConfigDict(extra="forbid")

    gate: Stage = Field(description="Gate (the stage it lets the project enter).")
    version: str = Field(description="Checklist version, shown in the assessment.")
    title: str = Field(description="e.g. 'Pilot gate: fund a contained pilot'.")
    decision: str = Field(description="The decision requested at this gate, in one sentence.")
    advance_at: float = Field(
        default=0.85, ge=0, le=1, description="Score needed to advance unconditionally."
    )
    hold_below: float = Field(default=0.6, ge=0, le=1, description="Score under which the gate is held.")
    items: list[ChecklistItem] = Field(min_length=1, description="Checklist items.")


class EvidencePointer(BaseModel):
    """Where an item's evidence lives: an intake field, a finding quote, a decision or a renewal date."""

    kind: Literal["intake", "finding", "decision", "log", "renewal"] = Field(description="Source kind.")
    ref: str = Field(description="Path of the source, e.g. 'intake.budget.forecast' or 'acme/audit_rights'.")
    label: str = Field(description="What the pointer shows, in words.")
    value: str | None = Field(default=None, description="The value read, formatted.")
    quote: str | None = Field(default=None, description="Verbatim quote (findings).")
    filename: str | None = Field(default=None, description="Quoted file.")
    page: int | None = Field(default=None, description="Page of the quote.")


class ItemResult(BaseModel):
    """What a check returns."""

    status: ItemStatus = Field(description="satisfied, partial, missing or not_applicable.")
    detail: str = Field(description="Why, in one or two sentences with the figures.")
    condition: str | None = Field(default=None, description="What must happen for the item to be satisfied.")
    evidence: list[EvidencePointer] = Field(default_factory=list, description="Evidence pointers.")
    awaiting_legal: bool = Field(default=False, description="A control gap legal has not yet decided.")


class ItemAssessment(ItemResult):
    """One checklist item, assessed."""

    id: str
    group: Group
    title: str
    satisfied_by: str
    weight: float
    blocking: bool
    credit: float = Field(description="Share of the weight earned: 1, 0.5 or 0 (0 when not applicable).")
    blocks: bool = Field(description="True when this item holds the gate.")


class GateAssessment(BaseModel):
    """The readiness of a project for one gate."""

    project: str
    vendor: str
    gate: Stage
    stage: Stage = Field(description="Stage the project is in.")
    checklist_version: str
    title: str
    decision_requested: str
    assessed_on: date = Field(description="The 'today' of the assessment.")
    score: float = Field(description="Weighted readiness, 0..1, over applicable items.")
    score_by_group: dict[str, float] = Field(description="Readiness per evidence group.")
    recommendation: Recommendation
    blockers: list[str] = Field(description="Why the gate is held, one line per blocking item.")
    conditions: list[str] = Field(description="Conditions to advance (or follow-ups when advancing).")
    items: list[ItemAssessment]
    controls: list[ControlStatus] = Field(description="Every reviewed control with legal's status.")
    renewals: list[RenewalSchedule] = Field(description="Renewal dates per contract family.")
    reviewed_families: list[str] = Field(description="Families whose documents were reviewed.")


def load_checklist(gate: Stage | str, directory: str | Path | None = None) -> GateChecklist:
    """The checklist of `gate`, from `directory/<gate>.yaml` when given, else the built-in one."""
    name = Stage(gate).value if str(gate) in Stage.__members__ else str(gate)
    if name not in Stage.__members__:
        raise ConfigError(f"gate {name!r} does not exist; use one of {', '.join(Stage.__members__)}.")
    if directory is not None:
        path = Path(directory) / f"{name}.yaml"
        if not path.is_file():
            raise ConfigError(
                f"{str(path)!r}: no checklist for gate {name!r}; add the file or drop the override."
            )
        text, origin = path.read_text(encoding="utf-8"), str(path)
    else:
        text = resources.files("assistant").joinpath(f"data/gates/{name}.yaml").read_text(encoding="utf-8")
        origin = f"built-in checklist {name!r}"
    try:
        checklist = GateChecklist.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"{origin}: invalid gate checklist ({exc}). Fix the file.") from exc
    from assistant.gates_checks import CHECKS

    unknown = sorted({i.check for i in checklist.items} - set(CHECKS))
    if unknown:
        raise ConfigError(f"{origin}: unknown check(s) {unknown!r}; use one of {sorted(CHECKS)}.")
    return checklist


def assess_gate(
    project: Project,
    checklist: GateChecklist,
    *,
    reviews: Mapping[str, ReviewResult] | None = None,
    decisions: Mapping[str, Sequence[Decision]] | None = None,
    renewals: Sequence[RenewalSchedule] = (),
    today: date | None = None,
) -> GateAssessment:
    """Score `project` against `checklist`; `reviews` and `decisions` are keyed by family name.

    Legal decisions in the project file are merged with the given ones (the stored ones win on ties)."""
    from assistant.gates_checks import CHECKS, GateInputs

    today = today or date.today()
    merged = _merge_decisions(project, decisions or {})
    controls = control_statuses(reviews or {}, merged)
    inputs = GateInputs(project, checklist.gate, controls, list(renewals), dict(reviews or {}), today)
    items = [_assess_item(item, CHECKS[item.check](item, inputs), project) for item in checklist.items]
    score, by_group = _scores(items)
    blockers = [f"{i.title}: {i.detail}" for i in items if i.blocks]
    recommendation = _recommend(checklist, score, items)
    return GateAssessment(
        project=project.name,
        vendor=project.vendor,
        gate=checklist.gate,
        stage=project.stage,
        checklist_version=checklist.version,
        title=checklist.title,
        decision_requested=checklist.decision,
        assessed_on=today,
        score=score,
        score_by_group=by_group,
        recommendation=recommendation,
        blockers=blockers,
        conditions=_conditions(items),
        items=items,
        controls=controls,
        renewals=list(renewals),
        reviewed_families=sorted(reviews or {}),
    )


def _merge_decisions(project: Project, given: Mapping[str, Sequence[Decision]]) -> dict[str, list[Decision]]:
    families = {f.name for f in project.families} | set(given)
    out: dict[str, list[Decision]] = {}
    for fam in sorted(families):
        from_file = [d for d in project.legal_decisions if d.family in (None, fam)]
        out[fam] = [*from_file, *given.get(fam, ())]
    return out


def _applies(item: ChecklistItem, project: Project) -> bool:
    cond = item.applies_when
    if cond is None:
        return True
    intake = project.intake
    if cond.ai_project is not None and intake.ai_project != cond.ai_project:
        return False
    if cond.min_sensitivity is not None:
        order = list(Sensitivity)
        # NOTE: an undeclared sensitivity is treated as the strictest class, so controls are not skipped.
        level = order.index(intake.data_sensitivity) if intake.data_sensitivity else len(order)
        return level >= order.index(cond.min_sensitivity)
    return True


def _assess_item(item: ChecklistItem, result: ItemResult, project: Project) -> ItemAssessment:
    if not _applies(item, project):
        result = ItemResult(status="not_applicable", detail="Does not apply to this project.")
    blocks = item.blocking and (result.status == "missing" or result.awaiting_legal)
    return ItemAssessment(
        **result.model_dump(),
        id=item.id,
        group=item.group,
        title=item.title,
        satisfied_by=item.satisfied_by,
        weight=item.weight,
        blocking=item.blocking,
        credit=CREDIT.get(result.status, 0.0),
        blocks=blocks,
    )


def _scores(items: list[ItemAssessment]) -> tuple[float, dict[str, float]]:
    def score(selected: list[ItemAssessment]) -> float:
        applicable = [i for i in selected if i.status != "not_applicable"]
        total = sum(i.weight for i in applicable)
        return round(sum(i.weight * i.credit for i in applicable) / total, 3) if total else 1.0

    groups = ("financial", "operational", "control")
    return score(items), {g: score([i for i in items if i.group == g]) for g in groups}


def _recommend(checklist: GateChecklist, score: float, items: list[ItemAssessment]) -> Recommendation:
    """hold: a blocker or a score under hold_below; advance: score >= advance_at and every blocking
    item fully satisfied; otherwise advance with conditions."""
    if any(i.blocks for i in items) or score < checklist.hold_below:
        return "hold"
    blocking_partial = any(i.blocking and i.status == "partial" for i in items)
    if score >= checklist.advance_at and not blocking_partial:
        return "advance"
    return "advance_with_conditions"


def _conditions(items: list[ItemAssessment]) -> list[str]:
    """Conditions of every unsatisfied item, blocking items first, then by weight."""
    open_items = [i for i in items if i.condition and i.status in ("partial", "missing")]
    open_items.sort(key=lambda i: (not i.blocking, -i.weight))
    return [i.condition for i in open_items if i.condition]
