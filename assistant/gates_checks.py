"""Checks behind gate checklist items: the registry, shared helpers and the operational checks.

Each check is a function `(item, inputs) -> ItemResult` registered by name; a checklist item names its
check and passes arguments (`args`). Financial checks (TCO, budget, approval path, scorecard) live in
`assistant.gates_checks_financial`, control checks (findings, legal decisions, renewal dates, approvals)
in `assistant.gates_checks_control`; both register here the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date

from assistant.gates import ChecklistItem, EvidencePointer, ItemResult, ItemStatus
from assistant.gates_controls import ControlStatus
from assistant.intake import STAGE_ORDER, Intake, Project, Stage
from assistant.models import ReviewResult
from assistant.renewal import RenewalSchedule


@dataclass(frozen=True)
class GateInputs:
    """Everything a check may read."""

    project: Project
    gate: Stage
    controls: list[ControlStatus]
    renewals: list[RenewalSchedule]
    reviews: Mapping[str, ReviewResult]
    today: date

    @property
    def intake(self) -> Intake:
        return self.project.intake


Check = Callable[[ChecklistItem, GateInputs], ItemResult]
CHECKS: dict[str, Check] = {}


def register_check(name: str) -> Callable[[Check], Check]:
    """Decorator: make `fn` the check called `name` in checklists."""

    def deco(fn: Check) -> Check:
        CHECKS[name] = fn
        return fn

    return deco


def money(amount: float, currency: str) -> str:
    """'USD 120,000' (cents only when there are any)."""
    text = f"{amount:,.2f}" if round(amount, 2) != round(amount) else f"{amount:,.0f}"
    return f"{currency} {text}"


def num(value: float) -> str:
    """A number without a useless '.0'."""
    return f"{value:g}" if abs(value) < 1e6 else f"{value:,.0f}"


def ratio_status(ok: int, total: int) -> ItemStatus:
    """satisfied when all are ok, partial when some are, missing when none is."""
    if total and ok == total:
        return "satisfied"
    return "partial" if ok else "missing"


def intake_pointer(ref: str, label: str, value: object) -> EvidencePointer:
    """A pointer to the intake field `ref` with its formatted value."""
    return EvidencePointer(kind="intake", ref=f"intake.{ref}", label=label, value=str(value))


@register_check("intake_text")
def intake_text(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """The intake fields in `args.fields` are filled in (text non-blank, lists non-empty)."""
    fields: list[str] = item.args.get("fields", [])
    values = {f: getattr(inputs.intake, f) for f in fields}
    filled = [f for f, v in values.items() if v not in (None, "", []) and str(v).strip()]
    empty = [f for f in fields if f not in filled]
    pointers = [intake_pointer(f, f.replace("_", " "), _short(values[f])) for f in filled]
    detail = "All stated." if not empty else f"Not stated: {', '.join(e.replace('_', ' ') for e in empty)}."
    condition = f"Complete the intake: {', '.join(e.replace('_', ' ') for e in empty)}." if empty else None
    return ItemResult(
        status=ratio_status(len(filled), len(fields)), detail=detail, condition=condition, evidence=pointers
    )


def _short(v: object) -> str:
    text = ", ".join(map(str, v)) if isinstance(v, list) else str(v)
    return text if len(text) <= 160 else text[:157] + "..."


@register_check("kpi_baseline")
def kpi_baseline(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """Every KPI has a baseline value measured over at least `args.min_days` days (default 30)."""
    min_days = int(item.args.get("min_days", 30))
    kpis = inputs.intake.kpis
    if not kpis:
        return ItemResult(
            status="missing",
            detail="No KPI is defined.",
            condition="Define the KPIs and measure their baseline.",
        )
    ok, problems, pointers = 0, [], []
    for i, k in enumerate(kpis):
        days = k.baseline_days()
        if k.baseline is None:
            problems.append(f"{k.name} has no baseline")
            continue
        window = f"{k.baseline_from} to {k.baseline_to}" if days else "period not stated"
        pointers.append(
            intake_pointer(
                f"kpis[{i}].baseline", f"{k.metric} baseline", f"{num(k.baseline)} {k.unit} ({window})"
            )
        )
        if days is None or days < min_days:
            problems.append(f"{k.name} baseline covers {days or 'an unstated number of'} days (< {min_days})")
        else:
            ok += 1
    status: ItemStatus = "satisfied" if ok == len(kpis) else ("partial" if pointers else "missing")
    detail = f"{ok} of {len(kpis)} KPI baselines measured over at least {min_days} days." + (
        f" {'; '.join(problems)}." if problems else ""
    )
    cond = (
        f"Measure a baseline of at least {min_days} days for: {', '.join(p.split(' ')[0] for p in problems)}."
    )
    return ItemResult(status=status, detail=detail, condition=cond if problems else None, evidence=pointers)


@register_check("kpi_targets")
def kpi_targets(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """Every KPI has a target that improves on its baseline in the KPI's direction."""
    kpis = inputs.intake.kpis
    ok, bad, pointers = 0, [], []
    for i, k in enumerate(kpis):
        change = k.change_pct(k.target) if k.target is not None else None
        if k.target is None or change is None or change <= 0:
            bad.append(k.name)
            continue
        ok += 1
        text = f"{num(k.baseline or 0)} -> {num(k.target)} {k.unit} ({change:g}% better)"
        pointers.append(intake_pointer(f"kpis[{i}].target", f"{k.metric} target", text))
    detail = (
        f"{ok} of {len(kpis)} KPIs have a target that improves on the baseline."
        if kpis
        else "No KPI is defined."
    )
    cond = f"Set targets better than the baseline for: {', '.join(bad)}." if bad or not kpis else None
    return ItemResult(
        status=ratio_status(ok, len(kpis)),
        detail=detail,
        condition=cond or ("Define KPI targets." if not kpis else None),
        evidence=pointers,
    )


def gate_arg(value: str, gate: Stage) -> Stage | None:
    """'this', 'next', 'previous' or a stage name, relative to the assessed gate."""
    i = STAGE_ORDER.index(gate)
    if value == "this":
        return gate
    if value in ("next", "previous"):
        j = i + 1 if value == "next" else i - 1
        return STAGE_ORDER[j] if 0 <= j < len(STAGE_ORDER) else None
    return Stage(value)


@register_check("exit_criteria")
def exit_criteria(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """Measurable exit criteria (a KPI plus a % or a value) are written for `args.gate` (default: next)."""
    target = gate_arg(item.args.get("gate", "next"), inputs.gate)
    if target is None:
        return ItemResult(status="not_applicable", detail="There is no later gate.")
    crits = [(i, c) for i, c in enumerate(inputs.intake.exit_criteria) if c.gate == target]
    measurable = [
        (i, c)
        for i, c in crits
        if c.kpi and (c.min_improvement_pct is not None or c.target_value is not None)
    ]
    pointers = [
        intake_pointer(f"exit_criteria[{i}]", f"exit criterion for the {target} gate", c.description)
        for i, c in crits
    ]
    if not crits:
        return ItemResult(
            status="missing",
            detail=f"No exit criterion is written for the {target} gate.",
            condition=f"Write measurable exit criteria for the {target} gate (KPI and threshold).",
        )
    detail = f"{len(measurable)} of {len(crits)} exit criteria for the {target} gate are measurable."
    cond = None if len(measurable) == len(crits) else "Tie every exit criterion to a KPI and a threshold."
    return ItemResult(
        status=ratio_status(len(measurable), len(crits)), detail=detail, condition=cond, evidence=pointers
    )


@register_check("results_vs_exit")
def results_vs_exit(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """Measured results meet the exit criteria written for `args.gate` (default: this gate)."""
    target = gate_arg(item.args.get("gate", "this"), inputs.gate) or inputs.gate
    intake = inputs.intake
    crits = [c for c in intake.exit_criteria if c.gate == target]
    if not crits:
        return ItemResult(
            status="missing",
            detail=f"No exit criterion is written for the {target} gate.",
            condition=f"Write exit criteria for the {target} gate and measure them.",
        )
    met, lines, pointers = 0, [], []
    for c in crits:
        ok, line, ptr = _criterion_result(intake, c)
        met += ok
        lines.append(line)
        pointers += ptr
    status = ratio_status(met, len(crits))
    cond = (
        None
        if met == len(crits)
        else "Meet every exit criterion (or re-baseline it with the business owner's sign-off)."
    )
    return ItemResult(
        status=status,
        detail=f"{met} of {len(crits)} exit criteria met. " + " ".join(lines),
        condition=cond,
        evidence=pointers,
    )


def _criterion_result(intake: Intake, c: object) -> tuple[bool, str, list[EvidencePointer]]:
    from assistant.intake import ExitCriterion

    assert isinstance(c, ExitCriterion)
    kpi = intake.kpi(c.kpi) if c.kpi else None
    results = [(i, r) for i, r in enumerate(intake.pilot_results) if r.kpi == c.kpi]
    if kpi is None or not results:
        return False, f"'{c.description}': no measured result.", []
    i, r = max(results, key=lambda ir: (ir[1].measured_to or date.min, ir[0]))
    change = kpi.change_pct(r.value)
    if c.min_improvement_pct is not None:
        ok = change is not None and change >= c.min_improvement_pct
        need = f"needs {c.min_improvement_pct:g}% better"
    else:
        assert c.target_value is not None
        ok = r.value <= c.target_value if kpi.direction == "lower_is_better" else r.value >= c.target_value
        need = f"needs {num(c.target_value)} {kpi.unit}"
    got = f"{num(kpi.baseline or 0)} -> {num(r.value)} {kpi.unit}" + (
        f" ({change:g}% better)" if change is not None else ""
    )
    ptr = intake_pointer(
        f"pilot_results[{i}]", f"measured {kpi.metric}", got + (f", {r.note}" if r.note else "")
    )
    return ok, f"'{c.description}': {got}, {need}: {'met' if ok else 'not met'}.", [ptr]


@register_check("owners")
def owners(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """The owners in `args.roles` (default business, budget, technical, vendor) are named."""
    roles: list[str] = item.args.get("roles", ["business", "budget", "technical", "vendor"])
    named = {r: getattr(inputs.intake.owners, r) for r in roles}
    have = [r for r, p in named.items() if p is not None]
    pointers = [
        intake_pointer(f"owners.{r}", f"{r} owner", f"{p.name}, {p.role}".rstrip(", "))
        for r, p in named.items()
        if p
    ]
    missing = [r for r in roles if r not in have]
    return ItemResult(
        status=ratio_status(len(have), len(roles)),
        detail=f"{len(have)} of {len(roles)} owners named."
        + (f" Missing: {', '.join(missing)}." if missing else ""),
        condition=f"Name the {', '.join(missing)} owner(s)." if missing else None,
        evidence=pointers,
    )


@register_check("raci")
def raci(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """The RACI names one accountable person for each activity in `args.activities`."""
    acts: list[str] = item.args.get("activities", [])
    rows = {r.activity: (i, r) for i, r in enumerate(inputs.intake.raci)}
    covered = [a for a in acts if a in rows and rows[a][1].accountable.strip()]
    gaps = [a for a in acts if a not in covered]
    pointers = [
        intake_pointer(f"raci[{rows[a][0]}]", f"{a.replace('_', ' ')}: accountable", rows[a][1].accountable)
        for a in covered
    ]
    return ItemResult(
        status=ratio_status(len(covered), len(acts)),
        detail=f"RACI covers {len(covered)} of {len(acts)} activities."
        + (f" Missing: {', '.join(gaps)}." if gaps else ""),
        condition=f"Add RACI rows for: {', '.join(gaps)}." if gaps else None,
        evidence=pointers,
    )


@register_check("milestones")
def milestones(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """Implementation milestones are planned, none overdue (`args.all_done`: all delivered)."""
    ms = inputs.intake.milestones
    if not ms:
        return ItemResult(
            status="missing",
            detail="No milestone is planned.",
            condition="Plan dated implementation milestones.",
        )
    late = [m for m in ms if not m.done and m.due < inputs.today]
    pending = [m for m in ms if not m.done]
    pointers = [
        intake_pointer(f"milestones[{i}]", m.name, f"{m.due} ({'done' if m.done else 'open'})")
        for i, m in enumerate(ms)
    ]
    if late:
        names = ", ".join(f"{m.name} (due {m.due})" for m in late)
        return ItemResult(
            status="partial",
            detail=f"{len(late)} milestone(s) overdue: {names}.",
            condition=f"Re-plan the overdue milestones: {names}.",
            evidence=pointers,
        )
    if item.args.get("all_done") and pending:
        return ItemResult(
            status="partial",
            detail=f"{len(pending)} of {len(ms)} milestones still open.",
            condition="Deliver the open milestones.",
            evidence=pointers,
        )
    return ItemResult(
        status="satisfied", detail=f"{len(ms)} milestones planned, none overdue.", evidence=pointers
    )


# NOTE: imported last so these checks register into CHECKS without a circular import at load time.
from assistant import gates_checks_control, gates_checks_financial  # noqa: E402,F401
