"""Deterministic prose of the gate memo: every sentence restates a fact of the memo or the intake."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.gates_checks import gate_arg, money
from assistant.intake import Project, Stage

if TYPE_CHECKING:
    from assistant.memo import Memo


def pct(x: float) -> str:
    """0.784 -> '78%'."""
    return f"{round(100 * x)}%"


def _readiness(memo: Memo) -> str:
    groups = ", ".join(f"{g} {pct(v)}" for g, v in memo.score_by_group.items())
    return f"Readiness is {pct(memo.score)} ({groups})"


def _lower(text: str) -> str:
    """Lower-case the first letter unless the word is an acronym ('Median time' -> 'median time')."""
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary(memo: Memo) -> str:
    """Recommendation, readiness, blockers or conditions, and the state of the contract controls."""
    gate, stage = memo.gate, memo.stage
    if memo.recommendation == "hold":
        first = f"We recommend holding {memo.project} at the {stage} stage rather than entering {gate}."
        names = ", ".join(b.split(":")[0] for b in memo.blockers)
        why = f"{_readiness(memo)}, and {_plural(len(memo.blockers), 'blocking item')} must be cleared first ({names})."
    elif memo.recommendation == "advance_with_conditions":
        first = f"We recommend that {memo.project} enter the {gate} stage on {_plural(len(memo.conditions), 'condition')}."
        why = f"{_readiness(memo)}; no item blocks the gate, but the conditions below must be met."
    else:
        first = f"We recommend that {memo.project} enter the {gate} stage."
        why = f"{_readiness(memo)} and every blocking item is satisfied."
    return " ".join([first, why, _controls_sentence(memo), *memo.deadlines]).strip()


def _controls_sentence(memo: Memo) -> str:
    if not memo.gaps and not memo.controls_present:
        return "No contract has been reviewed yet."
    if not memo.gaps:
        return f"The contract review found all {memo.controls_present} controls in place."
    open_gaps = sum(1 for g in memo.gaps if g.open)
    accepted = sum(1 for g in memo.gaps if g.legal.startswith("risk accepted"))
    settled = len(memo.gaps) - open_gaps - accepted
    parts = [f"{open_gaps} open"]
    if accepted:
        parts.append(f"{accepted} accepted as a risk by a named owner")
    if settled:
        parts.append(f"{settled} resolved or dismissed by legal")
    return f"The contract review found {_plural(len(memo.gaps), 'control gap')} ({', '.join(parts)})."


def what_we_are_buying(memo: Memo, project: Project) -> str:
    """The product and scope, the vendor, the TCO and the commitment."""
    intake = project.intake
    lead = intake.what_we_are_buying.strip() or "The intake does not yet say what is being bought."
    vendor = "" if memo.vendor.lower() in lead.lower() else f", from {memo.vendor}"
    parts = [lead.rstrip(".") + vendor + "."]
    tco = intake.tco
    if tco and tco.lines:
        parts.append(
            f"The {tco.horizon_years}-year total cost of ownership is {money(tco.total(), tco.currency)}: "
            f"{money(tco.one_off(), tco.currency)} one-off and {money(tco.recurring(), tco.currency)} a year at run rate."
        )
    b = intake.budget
    if b and b.commitment is not None:
        parts.append(f"This gate commits {money(b.commitment, b.currency)}.")
    return " ".join(parts)


def why_now(project: Project) -> str:
    """The business problem and the trigger."""
    intake = project.intake
    parts = [s.strip() for s in (intake.business_problem, intake.why_now) if s.strip()]
    return (
        " ".join(parts) or "The intake does not yet state the business problem or why it must be solved now."
    )


def how_we_will_know(memo: Memo, project: Project) -> str:
    """KPIs baseline -> target, the exit criteria that apply, and any measured results."""
    intake = project.intake
    if not intake.kpis:
        return "No KPI is defined yet, so success cannot be measured."
    lines = [
        f"{_lower(k.metric)} from {k.baseline}"
        + (f" (measured {k.period})" if k.period else "")
        + f" to {k.target}"
        for k in memo.kpis
    ]
    text = "We will measure " + "; ".join(lines) + "."
    for gate in (Stage(memo.gate), gate_arg("next", Stage(memo.gate))):
        crits = [c for c in intake.exit_criteria if c.gate == gate]
        if gate is not None and crits:
            text += (
                f" Exit criteria for the {gate.value} gate: "
                + "; ".join(f"'{c.description}'" for c in crits)
                + "."
            )
    measured = [k for k in memo.kpis if k.result]
    if measured:
        text += " Measured so far: " + "; ".join(f"{_lower(k.metric)} {k.result}" for k in measured) + "."
    return text
