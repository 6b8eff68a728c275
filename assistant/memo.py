"""The CFO's gate-readiness memo, assembled from a `GateAssessment`.

`build_memo(assessment, project)` gives a `Memo`: the decision requested, the recommendation, the three
questions (what are we buying, why now, how will we know it worked), spend vs budget and TCO by layer,
KPI baseline -> target, every control gap with its quotes, pages and legal status, renewal dates,
conditions and owners. Without an LLM the narrative is written here, deterministically; with one,
`assistant.memo_llm` may replace the narrative only after every figure and citation in it is checked
against the memo's facts. Renderers: `memo_json`, `memo_markdown`, `memo_html` (here), `memo_pdf`
(`assistant.memo_pdf`).
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, select_autoescape
from pydantic import BaseModel, Field

from assistant.gates import GateAssessment
from assistant.gates_checks import money, num
from assistant.intake import Project
from assistant.models import normalise_ws
from assistant.renewal import RenewalSchedule

RECOMMENDATION_LABEL = {
    "advance": "Advance",
    "advance_with_conditions": "Advance with conditions",
    "hold": "Hold",
}


class Quote(BaseModel):
    """A verbatim quote with its page."""

    quote: str = Field(description="Verbatim text from the contract.")
    filename: str = Field(description="Quoted file.")
    page: int = Field(description="Page of the quote (1-based).")


class ControlGap(BaseModel):
    """A control the review found weak, missing or unclear, with legal's status."""

    family: str
    requirement: str
    title: str
    severity: str
    status: str = Field(description="Review status: weak, missing or unclear.")
    legal: str = Field(description="Legal's status in words.")
    open: bool = Field(description="True when neither fixed, dismissed nor accepted as a risk.")
    reason: str = Field(description="Why the review gave this status.")
    quotes: list[Quote] = Field(default_factory=list, description="Quotes the status rests on.")


class KpiLine(BaseModel):
    """A KPI: baseline -> target (and the measured result when there is one)."""

    metric: str
    unit: str
    baseline: str = Field(description="Baseline value with unit, or 'not measured'.")
    period: str | None = Field(default=None, description="Baseline measurement period.")
    target: str = Field(description="Target value and improvement, formatted.")
    result: str | None = Field(default=None, description="Latest measured value, formatted.")


class SpendLine(BaseModel):
    """One TCO layer over the horizon."""

    layer: str
    amount: str


class Narrative(BaseModel):
    """The prose sections of the memo; the only part an LLM may draft."""

    summary: str = Field(description="Two or three sentences: recommendation, readiness, the main reasons.")
    what_we_are_buying: str = Field(description="What is bought, from whom, at what cost.")
    why_now: str = Field(description="Why the decision is needed now.")
    how_we_will_know: str = Field(description="The KPIs and exit criteria that prove it worked.")


class Memo(BaseModel):
    """The gate memo: facts from the assessment plus the narrative."""

    project: str
    vendor: str
    gate: str
    stage: str
    assessed_on: date
    title: str
    decision_requested: str
    recommendation: str
    recommendation_label: str
    score: float
    score_by_group: dict[str, float]
    narrative: Narrative
    narrative_source: Literal["deterministic", "llm"] = "deterministic"
    narrative_note: str | None = Field(default=None, description="Why an LLM narrative was not used.")
    spend: list[str] = Field(description="Budget, forecast, commitment and threshold lines.")
    tco: list[SpendLine] = Field(description="TCO by layer over the horizon.")
    tco_total: str | None = Field(default=None, description="Total TCO over the horizon.")
    kpis: list[KpiLine]
    gaps: list[ControlGap]
    controls_present: int = Field(description="How many reviewed controls had no gap.")
    renewals: list[str] = Field(description="One line per contract family.")
    deadlines: list[str] = Field(default_factory=list, description="Renewal notice deadlines coming up soon.")
    blockers: list[str]
    conditions: list[str]
    owners: list[str] = Field(description="'Business owner: Dana Roe, VP Operations' lines.")


def build_memo(assessment: GateAssessment, project: Project) -> Memo:
    """The deterministic memo for `assessment` (the project supplies the intake's words and figures)."""
    intake = project.intake
    tco = intake.tco
    memo = Memo(
        project=assessment.project,
        vendor=assessment.vendor,
        gate=assessment.gate.value,
        stage=assessment.stage.value,
        assessed_on=assessment.assessed_on,
        title=f"{assessment.gate.value.capitalize()} gate memo: {assessment.project}",
        decision_requested=_decision(assessment, project),
        recommendation=assessment.recommendation,
        recommendation_label=RECOMMENDATION_LABEL[assessment.recommendation],
        score=assessment.score,
        score_by_group=assessment.score_by_group,
        narrative=Narrative(summary="", what_we_are_buying="", why_now="", how_we_will_know=""),
        spend=_spend(project),
        tco=[
            SpendLine(layer=k.value.replace("_", " ").capitalize(), amount=money(v, tco.currency))
            for k, v in tco.by_layer().items()
        ]
        if tco
        else [],
        tco_total=f"{money(tco.total(), tco.currency)} over {tco.horizon_years} years" if tco else None,
        kpis=_kpis(project),
        gaps=_gaps(assessment),
        controls_present=sum(1 for c in assessment.controls if not c.is_gap),
        renewals=[renewal_line(r) for r in assessment.renewals],
        deadlines=deadline_lines(assessment.renewals),
        blockers=assessment.blockers,
        conditions=assessment.conditions,
        owners=_owners(project),
    )
    return memo.model_copy(update={"narrative": deterministic_narrative(memo, project)})


def _decision(a: GateAssessment, project: Project) -> str:
    t, b = project.intake.approval_threshold, project.intake.budget
    text = a.decision_requested
    if t and b and b.commitment is not None and b.commitment > t.amount:
        text += f" The commitment of {money(b.commitment, b.currency)} is above the {money(t.amount, b.currency)} threshold and needs {t.approver} sign-off."
    return text


def _spend(project: Project) -> list[str]:
    b, t = project.intake.budget, project.intake.approval_threshold
    lines: list[str] = []
    if b:
        fy = f" ({b.fiscal_year})" if b.fiscal_year else ""
        var = b.variance()
        where = "over" if var > 0 else "under"
        pct = f", {abs(b.variance_pct() or 0):g}%" if b.variance_pct() is not None else ""
        lines.append(
            f"Approved budget{fy}: {money(b.approved, b.currency)}; forecast {money(b.forecast, b.currency)} ({money(abs(var), b.currency)} {where} budget{pct})."
        )
        if b.commitment is not None:
            lines.append(f"Commitment at this gate: {money(b.commitment, b.currency)}.")
    if t:
        cur = b.currency if b else "USD"
        lines.append(f"Approval threshold: {money(t.amount, cur)} ({t.approver}).")
    return lines


def with_unit(value: float, unit: str) -> str:
    """'9.5 hours', '31%'."""
    return f"{num(value)}{unit}" if unit in ("%", "x") else f"{num(value)} {unit}"


def _kpis(project: Project) -> list[KpiLine]:
    intake, out = project.intake, []
    for k in intake.kpis:
        period = f"{k.baseline_from} to {k.baseline_to}" if k.baseline_from and k.baseline_to else None
        base = with_unit(k.baseline, k.unit) if k.baseline is not None else "not measured"
        target = "not set"
        if k.target is not None:
            change = k.change_pct(k.target)
            target = with_unit(k.target, k.unit) + (f" ({change:g}% better)" if change is not None else "")
        result = None
        results = [r for r in intake.pilot_results if r.kpi == k.name]
        if results:
            r = max(results, key=lambda x: x.measured_to or date.min)
            rc = k.change_pct(r.value)
            result = with_unit(r.value, k.unit) + (f" ({rc:g}% better)" if rc is not None else "")
        out.append(
            KpiLine(metric=k.metric, unit=k.unit, baseline=base, period=period, target=target, result=result)
        )
    return out


def _gaps(a: GateAssessment) -> list[ControlGap]:
    order = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    gaps = [
        ControlGap(
            family=c.family,
            requirement=c.requirement,
            title=c.title,
            severity=c.severity.value,
            status=c.finding_status.value,
            legal=c.legal_label(),
            open=c.open,
            reason=c.reason,
            quotes=[Quote(quote=e.quote, filename=e.filename, page=e.page) for e in c.evidence],
        )
        for c in a.controls
        if c.is_gap
    ]
    return sorted(gaps, key=lambda g: (not g.open, order.get(g.severity, 9), g.family))


def renewal_line(r: RenewalSchedule) -> str:
    """One sentence of renewal dates for a family."""
    fam = r.family or "Contract"
    if r.status == "not_found":
        return f"{fam}: no term or renewal clause found."
    if r.status == "unclear":
        return f"{fam}: renewal dates unclear ({'; '.join(r.notes) or 'term not stated'})."
    if r.status == "evergreen":
        return f"{fam}: evergreen, {r.notice or 'no stated'} notice to exit; annual review {r.review_date or 'to be set'}."
    review = f"Internal renewal review: {r.review_date}"
    if r.review_date and r.review_date < r.today <= (r.send_notice_by or r.current_term_end or r.today):
        review += " (overdue: hold it now)"
    missed = (
        f"{fam}: the notice deadline {r.missed_notice_deadline} has passed, so the contract renews "
        f"automatically on {r.renews_on}. Next: "
        if r.missed_notice_deadline
        else f"{fam}: "
    )
    if r.notice_deadline:
        days = f", {r.days_to_deadline} days from {r.today}" if r.days_to_deadline is not None else ""
        return (
            f"{missed}term ends {r.current_term_end}; renews automatically unless notice ({r.notice}) is sent by "
            f"{r.send_notice_by}{days}. {review}."
        )
    return f"{fam}: term ends {r.current_term_end} (no automatic renewal). {review}."


def deadline_lines(renewals: list[RenewalSchedule], within_days: int = 120) -> list[str]:
    """Renewal notice deadlines falling within `within_days` of the assessment, as sentences."""
    return [
        f"Notice to stop the {r.family or 'contract'} renewal must be sent by {r.send_notice_by} "
        f"({r.days_to_deadline} days from {r.today})."
        for r in renewals
        if r.send_notice_by and r.days_to_deadline is not None and 0 <= r.days_to_deadline <= within_days
    ]


def _owners(project: Project) -> list[str]:
    o = project.intake.owners
    labels = {
        "business": "Business owner",
        "budget": "Budget owner",
        "technical": "Technical owner",
        "vendor": "Vendor owner",
    }
    out = []
    for key, label in labels.items():
        p = getattr(o, key)
        out.append(f"{label}: {p.name}{', ' + p.role if p.role else ''}" if p else f"{label}: not named")
    return out


def deterministic_narrative(memo: Memo, project: Project) -> Narrative:
    """The narrative sections written from the memo's facts only."""
    from assistant.memo_text import how_we_will_know, summary, what_we_are_buying, why_now

    return Narrative(
        summary=summary(memo),
        what_we_are_buying=what_we_are_buying(memo, project),
        why_now=why_now(project),
        how_we_will_know=how_we_will_know(memo, project),
    )


def memo_json(memo: Memo, assessment: GateAssessment) -> dict[str, Any]:
    """The JSON form: the assessment, the memo's facts and narrative, and its Markdown text."""
    return {
        "assessment": assessment.model_dump(mode="json"),
        "memo": memo.model_dump(mode="json"),
        "markdown": memo_markdown(memo),
    }


_ENV = Environment(
    loader=PackageLoader("assistant", "templates"),
    autoescape=select_autoescape(enabled_extensions=("html",), default_for_string=False),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)
_ENV.filters["oneline"] = normalise_ws
_ENV.filters["pct"] = lambda x: f"{round(100 * x)}%"
_ENV.filters["cell"] = lambda s: normalise_ws(str(s)).replace("|", "\\|")


def memo_markdown(memo: Memo) -> str:
    """The memo as Markdown (one page where possible)."""
    return _ENV.get_template("memo.md").render(m=memo)


def memo_html(memo: Memo) -> str:
    """The memo as a standalone, print-friendly HTML page (inline CSS, autoescaped)."""
    return _ENV.get_template("memo.html").render(m=memo)
