"""Financial-evidence checks: TCO layers, spend vs budget and forecast, approval path, vendor scorecard."""

from __future__ import annotations

from assistant.gates import ChecklistItem, ItemResult, ItemStatus
from assistant.gates_checks import GateInputs, intake_pointer, money, ratio_status, register_check
from assistant.intake import AI_LAYERS, BASE_LAYERS


@register_check("tco_layers")
def tco_layers(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """The TCO covers the five cost layers (plus data preparation and model monitoring for AI)."""
    tco = inputs.intake.tco
    needed = BASE_LAYERS + (AI_LAYERS if inputs.intake.ai_project else [])
    if tco is None or not tco.lines:
        return ItemResult(status="missing", detail="No TCO model.", condition="Build the TCO by layer.")
    have = {line.layer for line in tco.lines}
    gaps = [layer.value.replace("_", " ") for layer in needed if layer not in have]
    pointers = [
        intake_pointer(
            "tco", f"{layer.value.replace('_', ' ')} ({tco.horizon_years}y)", money(v, tco.currency)
        )
        for layer, v in tco.by_layer().items()
    ]
    detail = f"{tco.horizon_years}-year TCO {money(tco.total(), tco.currency)}; {len(needed) - len(gaps)} of {len(needed)} layers costed."
    return ItemResult(
        status=ratio_status(len(needed) - len(gaps), len(needed)),
        detail=detail + (f" Missing: {', '.join(gaps)}." if gaps else ""),
        condition=f"Cost the missing TCO layers: {', '.join(gaps)}." if gaps else None,
        evidence=pointers,
    )


@register_check("budget_forecast")
def budget_forecast(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """Forecast within the approved budget (partial up to `args.tolerance_pct` over, default 5)."""
    b = inputs.intake.budget
    if b is None:
        return ItemResult(
            status="missing",
            detail="No budget or forecast recorded.",
            condition="Record the approved budget and the current forecast.",
        )
    tol = float(item.args.get("tolerance_pct", 5))
    pointers = [
        intake_pointer(
            "budget.approved", f"approved budget {b.fiscal_year}".strip(), money(b.approved, b.currency)
        ),
        intake_pointer("budget.forecast", "forecast", money(b.forecast, b.currency)),
    ]
    var, pct = b.variance(), b.variance_pct()
    if var <= 0:
        return ItemResult(
            status="satisfied",
            evidence=pointers,
            detail=f"Forecast {money(b.forecast, b.currency)} is within the approved {money(b.approved, b.currency)} ({money(-var, b.currency)} headroom).",
        )
    over = (
        f"Forecast {money(b.forecast, b.currency)} exceeds the approved {money(b.approved, b.currency)} by {money(var, b.currency)}"
        + (f" ({pct:g}%)" if pct is not None else "")
        + "."
    )
    status: ItemStatus = "partial" if pct is not None and pct <= tol else "missing"
    return ItemResult(
        status=status,
        detail=over,
        evidence=pointers,
        condition=f"Budget owner to approve the {money(var, b.currency)} overrun or re-phase the spend.",
    )


@register_check("approval_threshold")
def approval_threshold(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """An approval threshold and approver are set, and the commitment is routed to the right approver."""
    t, b = inputs.intake.approval_threshold, inputs.intake.budget
    if t is None:
        return ItemResult(
            status="missing",
            detail="No approval threshold is set.",
            condition="Set the approval threshold and its approver.",
        )
    cur = b.currency if b else (inputs.intake.tco.currency if inputs.intake.tco else "USD")
    pointers = [
        intake_pointer("approval_threshold", "approval threshold", f"{money(t.amount, cur)} ({t.approver})")
    ]
    if b is None or b.commitment is None:
        return ItemResult(
            status="partial",
            detail="The commitment of this gate is not stated.",
            evidence=pointers,
            condition="State the contract value this gate commits (budget.commitment).",
        )
    pointers.append(intake_pointer("budget.commitment", "commitment at this gate", money(b.commitment, cur)))
    if b.commitment > t.amount:
        detail = f"Commitment {money(b.commitment, cur)} is above the {money(t.amount, cur)} threshold: {t.approver} sign-off required."
    else:
        detail = (
            f"Commitment {money(b.commitment, cur)} is within the {money(t.amount, cur)} delegated threshold."
        )
    return ItemResult(status="satisfied", detail=detail, evidence=pointers)


@register_check("scorecard")
def scorecard(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """Every criterion in `args.criteria` is rated, the average is at least `args.min_average` (3)."""
    crits: list[str] = item.args.get("criteria", [])
    rated = {r.criterion: (i, r) for i, r in enumerate(inputs.intake.scorecard)}
    if not rated:
        return ItemResult(
            status="missing",
            detail="The vendor has not been scored.",
            condition="Score the vendor on the scorecard.",
        )
    unrated = [c for c in crits if c not in rated]
    scores = [r.score for _, r in rated.values()]
    avg = round(sum(scores) / len(scores), 2)
    low = [c for c, (_, r) in rated.items() if r.score <= int(item.args.get("min_score", 2))]
    pointers = [
        intake_pointer(f"scorecard[{i}]", c.replace("_", " "), f"{r.score}/5") for c, (i, r) in rated.items()
    ]
    ok = not unrated and avg >= float(item.args.get("min_average", 3)) and not low
    problems = ([f"unrated: {', '.join(unrated)}"] if unrated else []) + (
        [f"low: {', '.join(low)}"] if low else []
    )
    return ItemResult(
        status="satisfied" if ok else "partial",
        evidence=pointers,
        detail=f"Average {avg:g}/5 over {len(scores)} criteria."
        + (f" {'; '.join(problems)}." if problems else ""),
        condition=None
        if ok
        else f"Complete the scorecard and address: {'; '.join(problems) or 'the low average'}.",
    )
