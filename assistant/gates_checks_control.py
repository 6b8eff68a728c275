"""Control-evidence checks: contract controls (review findings + legal decisions), renewal dates, data
sensitivity vs the documents reviewed, and the approval of the previous gate in the decisions log."""

from __future__ import annotations

from assistant.gates import ChecklistItem, EvidencePointer, ItemResult, ItemStatus
from assistant.gates_checks import GateInputs, gate_arg, register_check
from assistant.gates_controls import ControlStatus
from assistant.intake import Sensitivity
from assistant.models import DocumentKind, Status

_RANK: dict[str, int] = {"missing": 0, "partial": 1, "satisfied": 2}


def control_pointers(c: ControlStatus) -> list[EvidencePointer]:
    """A pointer per quote of the finding, plus one for legal's decision."""
    ref = f"{c.family}/{c.requirement}"
    out = [
        EvidencePointer(
            kind="finding",
            ref=ref,
            label=f"{c.title} ({c.finding_status.value})",
            quote=e.quote,
            filename=e.filename,
            page=e.page,
        )
        for e in c.evidence
    ]
    if not c.evidence:
        out.append(
            EvidencePointer(
                kind="finding", ref=ref, label=f"{c.title} ({c.finding_status.value})", value=c.reason or None
            )
        )
    if c.decision is not None:
        d = c.decision
        who = f"{d.actor}" + (f", risk owner {d.risk_owner}" if d.risk_owner else "")
        out.append(
            EvidencePointer(
                kind="decision", ref=ref, label=f"legal: {d.action.value} by {who}", value=d.reason
            )
        )
    return out


def article(word: str) -> str:
    """'an' before a vowel sound, else 'a'."""
    return "an" if word[:1].lower() in "aeio" else "a"


def judge_control(c: ControlStatus) -> ItemResult:
    """Item status of one control: legal's decision first, then the review's status."""
    title, ptrs = c.title, control_pointers(c)
    where = f"{c.family}: " if c.family else ""
    if not c.is_gap:
        return ItemResult(status="satisfied", detail=f"{where}present. {c.reason}".strip(), evidence=ptrs)
    found = c.finding_status.value
    if c.legal_status in ("resolved", "dismissed"):
        return ItemResult(
            status="satisfied", detail=f"{where}review found it {found}; {c.legal_label()}.", evidence=ptrs
        )
    if c.legal_status == "accepted_risk":
        return ItemResult(status="partial", detail=f"{where}{found}; {c.legal_label()}.", evidence=ptrs)
    confirmed = c.legal_status == "confirmed_gap"
    if c.finding_status == Status.weak:
        return ItemResult(
            status="partial",
            detail=f"{where}weak. {c.reason}".strip(),
            evidence=ptrs,
            condition=f"Negotiate a stronger {title.lower()} clause, or have legal accept the risk with a named owner.",
        )
    if c.finding_status == Status.unclear and not confirmed:
        return ItemResult(
            status="partial",
            awaiting_legal=True,
            evidence=ptrs,
            detail=f"{where}unclear, awaiting legal review. {c.reason}".strip(),
            condition=f"Legal to confirm whether the contract provides {title.lower()}.",
        )
    label = "gap confirmed by legal" if confirmed else "missing"
    return ItemResult(
        status="missing",
        awaiting_legal=not confirmed,
        detail=f"{where}{label}. {c.reason}".strip(),
        evidence=ptrs,
        condition=f"Add {article(title)} {title.lower()} clause, or have legal accept the risk with a named owner.",
    )


@register_check("control")
def control(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """The contract control `args.requirement` holds in every reviewed family (worst family counts)."""
    req = item.args["requirement"]
    if not inputs.reviews:
        return ItemResult(
            status="missing",
            detail="No contract has been reviewed.",
            condition="Review the vendor's contract family (clausegate review).",
        )
    found = [c for c in inputs.controls if c.requirement == req]
    if not found:
        return ItemResult(status="not_applicable", detail=f"The playbook used has no requirement {req!r}.")
    results = [judge_control(c) for c in found]
    worst = min(results, key=lambda r: (_RANK[r.status], not r.awaiting_legal))
    return worst.model_copy(
        update={
            "detail": " ".join(r.detail for r in results),
            "evidence": [p for r in results for p in r.evidence],
            "awaiting_legal": any(r.awaiting_legal for r in results),
        }
    )


def _renewal_pointers(inputs: GateInputs) -> list[EvidencePointer]:
    out: list[EvidencePointer] = []
    for r in inputs.renewals:
        ref = f"{r.family}/renewal"
        for name in ("current_term_end", "notice_deadline", "send_notice_by", "review_date"):
            value = getattr(r, name)
            if value is not None:
                out.append(
                    EvidencePointer(kind="renewal", ref=ref, label=name.replace("_", " "), value=str(value))
                )
        out += [
            EvidencePointer(
                kind="finding",
                ref=ref,
                label="renewal quote",
                quote=e.quote,
                filename=e.filename,
                page=e.page,
            )
            for e in r.quotes
        ]
    return out


@register_check("renewal_dates")
def renewal_dates(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """Every family's notice deadline and internal renewal review date are known and not overdue."""
    if not inputs.renewals:
        return ItemResult(
            status="missing",
            detail="No contract has been reviewed for its term and renewal.",
            condition="Review the contract family to set the renewal dates.",
        )
    parts: list[str] = []
    conds: list[str] = []
    statuses: list[ItemStatus] = []
    for r in inputs.renewals:
        fam = r.family or "contract"
        if r.status == "not_found":
            statuses.append("missing")
            parts.append(f"{fam}: no term or renewal clause found.")
            conds.append(f"Find the term and renewal terms of {fam} (legal).")
        elif r.status == "unclear":
            statuses.append("partial")
            parts.append(
                f"{fam}: renewal dates unclear ({'; '.join(r.notes) or 'term or dates not stated'})."
            )
            conds.append(f"Legal to confirm the term, renewal and notice period of {fam}.")
        elif (
            r.review_date is not None
            and r.review_date < inputs.today
            and (r.send_notice_by or r.current_term_end or inputs.today) >= inputs.today
        ):
            statuses.append("partial")
            parts.append(f"{fam}: renewal review was due {r.review_date}.")
            conds.append(
                f"Hold the {fam} renewal review now (notice by {r.send_notice_by or r.current_term_end})."
            )
        else:
            statuses.append("satisfied")
            parts.append(f"{fam}: {_renewal_sentence(r)}")
    worst = min(statuses, key=lambda s: _RANK[s])
    return ItemResult(
        status=worst,
        detail=" ".join(parts),
        condition=" ".join(conds) or None,
        evidence=_renewal_pointers(inputs),
    )


def _renewal_sentence(r: object) -> str:
    from assistant.renewal import RenewalSchedule

    assert isinstance(r, RenewalSchedule)
    if r.status == "evergreen":
        return f"evergreen (no end date), {r.notice or 'no'} notice to exit; annual review {r.review_date or 'to be set'}."
    missed = (
        f"notice deadline {r.missed_notice_deadline} missed, renews automatically on {r.renews_on}; then "
        if r.missed_notice_deadline
        else ""
    )
    if r.notice_deadline:
        return (
            f"{missed}term ends {r.current_term_end}, renews automatically unless notice ({r.notice}) is sent by "
            f"{r.send_notice_by}; renewal review {r.review_date}."
        )
    return f"term ends {r.current_term_end} without automatic renewal; renewal review {r.review_date}."


@register_check("data_sensitivity")
def data_sensitivity(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """Data sensitivity is declared; personal or special data needs a DPA in a reviewed family."""
    level = inputs.intake.data_sensitivity
    if level is None:
        return ItemResult(
            status="missing",
            detail="Data sensitivity is not declared.",
            condition="Declare the highest class of data the project touches.",
        )
    ptr = [
        EvidencePointer(
            kind="intake", ref="intake.data_sensitivity", label="data sensitivity", value=level.value
        )
    ]
    order = list(Sensitivity)
    needs_dpa = item.args.get("require_dpa", True) and order.index(level) >= order.index(Sensitivity.personal)
    if not needs_dpa:
        return ItemResult(status="satisfied", detail=f"Declared {level.value}; no DPA needed.", evidence=ptr)
    dpas = [d.filename for r in inputs.reviews.values() for d in r.documents if d.kind == DocumentKind.dpa]
    if dpas:
        return ItemResult(
            status="satisfied",
            detail=f"Declared {level.value}; DPA reviewed ({', '.join(dpas)}).",
            evidence=ptr,
        )
    return ItemResult(
        status="partial",
        detail=f"Declared {level.value}, but no data processing agreement was reviewed.",
        condition="Obtain the vendor's DPA and review it with the contract family.",
        evidence=ptr,
    )


@register_check("gate_logged")
def gate_logged(item: ChecklistItem, inputs: GateInputs) -> ItemResult:
    """The decisions log records the approval of `args.gate` (default: the previous gate)."""
    prev = gate_arg(item.args.get("gate", "previous"), inputs.gate)
    if prev is None:
        return ItemResult(status="not_applicable", detail="There is no earlier gate.")
    entries = [(i, e) for i, e in enumerate(inputs.project.decisions) if e.gate == prev]
    if not entries:
        return ItemResult(
            status="missing",
            detail=f"The decisions log has no entry for the {prev} gate.",
            condition=f"Record the {prev} gate approval (who, when) in the decisions log.",
        )
    i, last = max(entries, key=lambda ie: (ie[1].decided_on, ie[0]))
    ptr = [
        EvidencePointer(
            kind="log",
            ref=f"decisions[{i}]",
            label=f"{prev} gate",
            value=f"{last.decided_on}: {last.decision} ({last.by})",
        )
    ]
    if last.approved:
        return ItemResult(
            status="satisfied",
            detail=f"{prev.capitalize()} gate approved by {last.by} on {last.decided_on}.",
            evidence=ptr,
        )
    return ItemResult(
        status="missing",
        detail=f"The {prev} gate was not approved ({last.by}, {last.decided_on}).",
        evidence=ptr,
        condition=f"Obtain the {prev} gate approval first.",
    )
