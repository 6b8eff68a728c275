"""Project and intake models: what the business wants to buy, why, for how much, owned by whom.

The intake follows the shared technology-intake form finance, operations and IT all review: business
problem, impacted teams, KPI baseline and target, data sensitivity, dependencies, total cost of ownership by
layer, budget and forecast, the four owners (RACI), the approval threshold, exit criteria per gate, pilot
results and vendor scorecard ratings. A `Project` adds the vendor, its stage, its contract families and the
decisions log. Load one with `load_project(path)` (YAML or JSON).
"""

from __future__ import annotations

import json
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from assistant.errors import ConfigError
from assistant.models import Decision


class Stage(StrEnum):
    """Investment stages; a gate is the go/no-go decision to enter the stage of the same name."""

    discovery = "discovery"
    pilot = "pilot"
    scale = "scale"
    optimize = "optimize"


STAGE_ORDER = [Stage.discovery, Stage.pilot, Stage.scale, Stage.optimize]


class Sensitivity(StrEnum):
    """Highest class of data the project touches."""

    public = "public"
    internal = "internal"
    confidential = "confidential"
    personal = "personal"  # personal data of customers or staff
    special = "special"  # special-category / regulated data (health, payment cards...)


SENSITIVITY_ORDER = list(Sensitivity)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_enum_values=False)


class CostLayer(StrEnum):
    """Total-cost-of-ownership layers; AI projects add data preparation and model monitoring."""

    subscription = "subscription"  # initial purchase or subscription
    implementation = "implementation"  # implementation services
    internal_labour = "internal_labour"
    administration = "administration"  # ongoing administration, support, training
    renewal_scaling = "renewal_scaling"  # renewal uplift and scaling costs
    data_preparation = "data_preparation"
    model_monitoring = "model_monitoring"
    other = "other"


BASE_LAYERS = [
    CostLayer.subscription,
    CostLayer.implementation,
    CostLayer.internal_labour,
    CostLayer.administration,
    CostLayer.renewal_scaling,
]
AI_LAYERS = [CostLayer.data_preparation, CostLayer.model_monitoring]


class CostLine(_Model):
    """One cost of the TCO model."""

    layer: CostLayer = Field(description="TCO layer the cost belongs to.")
    description: str = Field(default="", description="What the cost is, e.g. '40 agent seats'.")
    amount: float = Field(ge=0, description="Amount in the TCO currency (per year when recurring).")
    recurrence: Literal["one_off", "annual"] = Field(description="Paid once, or every year.")
    from_year: int = Field(default=1, ge=1, description="First year (1-based) the cost applies.")

    def in_year(self, year: int) -> float:
        """What this line costs in year `year` (1-based)."""
        if self.recurrence == "one_off":
            return self.amount if year == self.from_year else 0.0
        return self.amount if year >= self.from_year else 0.0


class TCO(_Model):
    """Total cost of ownership over a horizon, by layer."""

    currency: str = Field(default="USD", min_length=3, max_length=3, description="ISO 4217 currency code.")
    horizon_years: int = Field(default=3, ge=1, le=10, description="Years the TCO is computed over.")
    lines: list[CostLine] = Field(default_factory=list, description="Cost lines.")

    def year_total(self, year: int) -> float:
        """Total cost in year `year` (1-based)."""
        return round(sum(line.in_year(year) for line in self.lines), 2)

    def by_layer(self) -> dict[CostLayer, float]:
        """Cost over the whole horizon per layer, in layer order, only layers with lines."""
        out: dict[CostLayer, float] = {}
        for layer in CostLayer:
            cost = sum(line.in_year(y) for line in self.lines if line.layer == layer for y in self.years())
            if any(line.layer == layer for line in self.lines):
                out[layer] = round(cost, 2)
        return out

    def years(self) -> range:
        """The years of the horizon, 1-based."""
        return range(1, self.horizon_years + 1)

    def total(self) -> float:
        """Cost over the whole horizon."""
        return round(sum(self.year_total(y) for y in self.years()), 2)

    def one_off(self) -> float:
        """Sum of the one-off lines."""
        return round(sum(line.amount for line in self.lines if line.recurrence == "one_off"), 2)

    def recurring(self) -> float:
        """Sum of the annual lines at full run rate."""
        return round(sum(line.amount for line in self.lines if line.recurrence == "annual"), 2)


class Budget(_Model):
    """The approved budget against the forecast, for the current fiscal year."""

    currency: str = Field(default="USD", min_length=3, max_length=3, description="ISO 4217 currency code.")
    fiscal_year: str = Field(default="", description="Fiscal year the figures cover, e.g. 'FY2027'.")
    approved: float = Field(ge=0, description="Budget approved for the project in the fiscal year.")
    forecast: float = Field(ge=0, description="Current forecast of the project's spend in the fiscal year.")
    commitment: float | None = Field(
        default=None,
        ge=0,
        description="Contract value this gate would commit (checked against the threshold).",
    )

    def variance(self) -> float:
        """Forecast minus budget (positive = overspend)."""
        return round(self.forecast - self.approved, 2)

    def variance_pct(self) -> float | None:
        """Variance as a percentage of the approved budget."""
        return round(100.0 * self.variance() / self.approved, 1) if self.approved else None


class Person(_Model):
    """A named owner."""

    name: str = Field(min_length=1, description="Full name.")
    role: str = Field(default="", description="Job title, e.g. 'VP Customer Operations'.")
    email: str | None = Field(default=None, description="Contact address.")


class Owners(_Model):
    """One owner per accountability, as the RACI asks; one person may hold several."""

    business: Person | None = Field(default=None, description="Owns the business outcome (the KPI).")
    budget: Person | None = Field(default=None, description="Owns the budget line the spend is charged to.")
    technical: Person | None = Field(default=None, description="Owns implementation and integration.")
    vendor: Person | None = Field(default=None, description="Owns the vendor relationship and renewals.")


class RaciEntry(_Model):
    """Who is Responsible / Accountable / Consulted / Informed for one procurement activity."""

    activity: str = Field(
        description="e.g. sourcing, security_review, contract_negotiation, renewal_decision."
    )
    responsible: str = Field(description="Who does the work.")
    accountable: str = Field(description="The one person who answers for it.")
    consulted: list[str] = Field(default_factory=list, description="Consulted before decisions.")
    informed: list[str] = Field(default_factory=list, description="Kept informed.")


class Kpi(_Model):
    """An operational KPI with its pre-purchase baseline and the target the purchase must reach."""

    name: str = Field(min_length=1, description="Short id used by exit criteria, e.g. 'first_response_time'.")
    metric: str = Field(description="What is measured, in words, e.g. 'median first response time'.")
    unit: str = Field(description="Unit of the values, e.g. 'hours', '%', 'tickets/agent/day'.")
    direction: Literal["lower_is_better", "higher_is_better"] = Field(
        description="Whether improvement means the value goes down or up."
    )
    baseline: float | None = Field(default=None, description="Value measured before the purchase.")
    baseline_from: date | None = Field(default=None, description="First day of the baseline period.")
    baseline_to: date | None = Field(default=None, description="Last day of the baseline period.")
    target: float | None = Field(default=None, description="Value the project commits to reach.")

    @model_validator(mode="after")
    def _target_improves(self) -> Kpi:
        # NOTE: a target on the wrong side of the baseline is almost always a wrong `direction`; every
        # improvement figure of the memo would have the wrong sign.
        if self.baseline is None or self.target is None:
            return self
        lower = self.direction == "lower_is_better"
        if (self.target > self.baseline) if lower else (self.target < self.baseline):
            raise ValueError(
                f"KPI {self.name!r}: target {self.target:g} is worse than baseline {self.baseline:g} for a "
                f"{self.direction} KPI; fix the target or the direction"
            )
        return self

    def baseline_days(self) -> int | None:
        """Length of the baseline measurement window in days, if both ends are known."""
        if self.baseline_from and self.baseline_to:
            return (self.baseline_to - self.baseline_from).days + 1
        return None

    def change_pct(self, value: float) -> float | None:
        """Improvement of `value` over the baseline in percent (positive = better); None without baseline."""
        if self.baseline in (None, 0):
            return None
        assert self.baseline is not None
        delta = (self.baseline - value) if self.direction == "lower_is_better" else (value - self.baseline)
        return round(100.0 * delta / abs(self.baseline), 1)


class ExitCriterion(_Model):
    """A measurable condition a stage must meet before the next gate, e.g. '20% faster routing'."""

    gate: Stage = Field(description="The gate this criterion is checked at (the stage it lets you enter).")
    description: str = Field(description="The criterion as the business wrote it.")
    kpi: str | None = Field(default=None, description="Name of the KPI it is measured on (see `kpis`).")
    min_improvement_pct: float | None = Field(
        default=None, description="Required improvement over the KPI baseline, in percent."
    )
    target_value: float | None = Field(default=None, description="Required KPI value (alternative to a %).")


class PilotResult(_Model):
    """A KPI value measured during the pilot, after stabilisation."""

    kpi: str = Field(description="Name of the KPI measured.")
    value: float = Field(description="Measured value, in the KPI's unit.")
    measured_from: date | None = Field(default=None, description="First day of the measurement window.")
    measured_to: date | None = Field(default=None, description="Last day of the measurement window.")
    note: str = Field(default="", description="Scope of the pilot (region, team, volume).")


class ScorecardRating(_Model):
    """One vendor scorecard line, rated 1 (poor) to 5 (excellent)."""

    criterion: str = Field(description="e.g. kpi_delivery, implementation_quality, support_responsiveness.")
    score: int = Field(ge=1, le=5, description="Rating from 1 to 5.")
    note: str = Field(default="", description="Why this rating (reference calls, demo, due diligence).")


class Milestone(_Model):
    """An implementation milestone."""

    name: str = Field(description="What is delivered.")
    due: date = Field(description="Planned date.")
    done: bool = Field(default=False, description="Whether it was delivered.")
    owner: str | None = Field(default=None, description="Who delivers it.")


class ApprovalThreshold(_Model):
    """Spend above `amount` needs sign-off by `approver`."""

    amount: float = Field(ge=0, description="Commitment above which the approver must sign off.")
    approver: str = Field(description="Role that signs off above the threshold, e.g. 'CFO'.")


class Intake(_Model):
    """The technology intake form; every gate check reads from it."""

    business_problem: str = Field(default="", description="The problem in business terms, not the tool.")
    why_now: str = Field(default="", description="Why the purchase is needed now (trigger, cost of delay).")
    what_we_are_buying: str = Field(default="", description="The product and scope, in one or two sentences.")
    impacted_teams: list[str] = Field(default_factory=list, description="Teams whose work changes.")
    kpis: list[Kpi] = Field(default_factory=list, description="KPIs with baseline and target.")
    data_sensitivity: Sensitivity | None = Field(default=None, description="Highest class of data touched.")
    ai_project: bool = Field(default=False, description="True when the product relies on AI models.")
    dependencies: list[str] = Field(default_factory=list, description="Systems/projects it depends on.")
    tco: TCO | None = Field(default=None, description="Total cost of ownership by layer.")
    budget: Budget | None = Field(default=None, description="Approved budget and current forecast.")
    owners: Owners = Field(default_factory=Owners, description="Business, budget, technical, vendor owner.")
    raci: list[RaciEntry] = Field(default_factory=list, description="RACI over the procurement activities.")
    approval_threshold: ApprovalThreshold | None = Field(default=None, description="Sign-off threshold.")
    exit_criteria: list[ExitCriterion] = Field(default_factory=list, description="Per-gate exit criteria.")
    pilot_results: list[PilotResult] = Field(default_factory=list, description="Measured pilot KPIs.")
    scorecard: list[ScorecardRating] = Field(default_factory=list, description="Vendor scorecard ratings.")
    milestones: list[Milestone] = Field(default_factory=list, description="Implementation milestones.")

    @model_validator(mode="after")
    def _kpi_references(self) -> Intake:
        names = {k.name for k in self.kpis}
        used = [c.kpi for c in self.exit_criteria] + [r.kpi for r in self.pilot_results]
        for ref in used:
            if ref is not None and ref not in names:
                raise ValueError(
                    f"KPI {ref!r} is referenced but not defined in 'kpis' (have {sorted(names)})"
                )
        return self

    @model_validator(mode="after")
    def _one_currency(self) -> Intake:
        # NOTE: the memo sets the TCO against the budget; mixed currencies would compare unlike amounts.
        # A currency stated on only one of them applies to both.
        if not (self.tco and self.budget) or self.tco.currency.upper() == self.budget.currency.upper():
            return self
        tco_set, budget_set = (
            "currency" in self.tco.model_fields_set,
            "currency" in self.budget.model_fields_set,
        )
        if tco_set and not budget_set:
            self.budget.currency = self.tco.currency
        elif budget_set and not tco_set:
            self.tco.currency = self.budget.currency
        else:
            raise ValueError(
                f"the TCO is in {self.tco.currency!r} but the budget in {self.budget.currency!r}; "
                "state both in one currency (convert one of them)"
            )
        return self

    def kpi(self, name: str) -> Kpi | None:
        """The KPI called `name`, if defined."""
        return next((k for k in self.kpis if k.name == name), None)


class ContractFamily(_Model):
    """Documents reviewed together (MSA + DPA + order form...), paths relative to the project file."""

    name: str = Field(description="Family name, e.g. 'acme-cloud'.")
    documents: list[str] = Field(min_length=1, description="Document paths, relative to the project file.")
    start_date: date | None = Field(default=None, description="Contract effective date, if not in the text.")
    end_date: date | None = Field(default=None, description="Initial term end date, if not derivable.")


class LogEntry(_Model):
    """One entry of the project's decisions log (gate approvals, scope changes...)."""

    decided_on: date = Field(description="Date of the decision.")
    gate: Stage | None = Field(default=None, description="Gate the decision concerns, if any.")
    decision: str = Field(description="What was decided.")
    by: str = Field(description="Who decided (name or role).")
    approved: bool = Field(default=True, description="False for a rejection or a hold.")


class LegalDecision(Decision):
    """Legal's decision on a finding, as recorded in the project file (the store holds the same)."""

    family: str | None = Field(default=None, description="Family the finding belongs to; None = all.")


class Project(_Model):
    """A technology purchase going through stage gates."""

    name: str = Field(description="Project name.")
    vendor: str = Field(description="Vendor name.")
    stage: Stage = Field(description="Stage the project is in now.")
    target_gate: Stage = Field(description="Gate to assess next (the stage the project asks to enter).")
    families: list[ContractFamily] = Field(default_factory=list, description="Contract families.")
    proposals: list[str] = Field(default_factory=list, description="Vendor proposals (paths), not reviewed.")
    intake: Intake = Field(default_factory=Intake, description="The intake form.")
    decisions: list[LogEntry] = Field(default_factory=list, description="Decisions log.")
    legal_decisions: list[LegalDecision] = Field(
        default_factory=list, description="Legal's finding decisions."
    )
    renewal_review_days: int = Field(
        default=90, ge=0, description="Days before the notice deadline to review."
    )
    checklist_dir: str | None = Field(
        default=None, description="Folder of gate checklists overriding the built-in ones (relative path)."
    )
    base_dir: Path | None = Field(default=None, exclude=True, description="Folder of the project file.")

    def resolve(self, rel: str) -> Path:
        """A document path of the project file, resolved against the project file's folder."""
        p = Path(rel)
        return p if p.is_absolute() or self.base_dir is None else self.base_dir / p


def load_project(path: str | Path) -> Project:
    """Load a project from a YAML or JSON file; errors name the file and the invalid fields."""
    p = Path(path)
    if not p.is_file():
        raise ConfigError(f"{str(p)!r}: no such project file. Pass the path of a project YAML or JSON file.")
    text = p.read_text(encoding="utf-8")
    try:
        data = json.loads(text) if p.suffix.lower() == ".json" else yaml.safe_load(text)
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{str(p)!r}: not valid YAML/JSON ({exc}). Fix the file's syntax.") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{str(p)!r}: expected a mapping with 'name', 'vendor', 'stage' and 'intake'.")
    return project_from_dict(data, origin=str(p), base_dir=p.resolve().parent)


def project_from_dict(
    data: dict[str, object], *, origin: str = "project", base_dir: Path | None = None
) -> Project:
    """Validate a project mapping (as loaded from a file or sent to the API)."""
    try:
        project = Project.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in exc.errors()[:6])
        raise ConfigError(f"{origin!r}: invalid project ({problems}). Fix these fields.") from exc
    return project.model_copy(update={"base_dir": base_dir})
