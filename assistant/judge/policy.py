"""Quote verification and the merge policy between the rule finding and the model's verdict."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from assistant.evidence import locate
from assistant.judge.plan import Excerpt, Verdict, unfence
from assistant.models import Evidence, Finding, ParamValue, Status
from assistant.playbook import Requirement
from extractors.base import ReviewContext, evidence_for
from extractors.text import negated_before, parse_number

INJECTION_RE = re.compile(
    r"ignore\s+(?:all\s+|any\s+|the\s+)?(?:previous|prior|above|earlier|preceding)\s+instructions"
    r"|disregard\s+(?:all\s+|any\s+|the\s+)?(?:previous\s+|prior\s+|above\s+|earlier\s+)?instructions"
    r"|system\s+prompt|you\s+are\s+now\b|as\s+an?\s+(?:ai|language\s+model)\b"
    r"|report\s+(?:every|all|each)\b[^.]{0,60}?\bas\s+(?:present|compliant|satisfied)"
    r"|\b(?:ai|llm|language\s+model|automated)\s+(?:reviewers?|review\s+tools?|assistants?)\b",
    re.IGNORECASE,
)
"""Text addressed to an AI reviewer: never evidence, and flags the clause for legal review."""

REFERENCE_RE = re.compile(
    r"\b(?:set\s+out|described|specified|contained|governed|provided\s+for|addressed|detailed)\s+"
    r"(?:in|by|under)\s+(?:the\s+|a\s+|any\s+)?(?:section|clause|article|schedule|annex|exhibit|appendix|"
    r"attachment|addendum|dpa|msa|master\s+agreement|data\s+processing|separate|applicable)",
    re.IGNORECASE,
)
"""A passage that defers to another text ("... is governed by the DPA") cannot prove a requirement alone."""


@dataclass
class CheckedQuotes:
    """The model's quotes after verification against the stored text of the clauses it was offered."""

    verified: list[Evidence] = field(default_factory=list)
    fabricated: int = 0  # not found verbatim anywhere in the documents
    foreign: int = 0  # real text, but not in a clause offered for this requirement
    injected: int = 0  # reads as instructions to an AI reviewer
    suspicious: list[str] = field(default_factory=list)  # offered clauses containing such instructions
    relevant: bool = False  # a verified quote matches a requirement cue that is not negated
    negated: bool = False  # a verified quote negates a requirement cue ("no right to audit")
    deferred: bool = False  # the verified quotes only refer to another text ("set out in Schedule 2")


def _locate_in(ex: Excerpt, quote: str) -> tuple[int, int] | None:
    clause = ex.candidate.clause
    found = locate(ex.candidate.document, quote, near=clause.start)
    return found if found and clause.start <= found[0] and found[1] <= clause.end else None


def specific_cues(req: Requirement, ctx: ReviewContext) -> list[str]:
    """The requirement's cues that single out few clauses of the family (at most 2, or 10% of them).

    A broad cue such as 'terminat' finds candidates but proves nothing: a quote that only matches it
    ("On termination, the right to use the Service ends") must not upgrade 'termination for convenience'."""
    clauses = [c.text for c, _ in ctx.clauses()]
    limit = max(2, math.ceil(0.1 * len(clauses)))
    return [cue for cue in req.cues if sum(1 for t in clauses if re.search(cue, t, re.IGNORECASE)) <= limit]


def check_quotes(
    verdict: Verdict, req: Requirement, excerpts: dict[str, Excerpt], cues: list[str] | None = None
) -> CheckedQuotes:
    """Verify each quote verbatim (whitespace-normalised) inside a clause offered for `req`; classify the
    rest as fabricated, foreign or injected. Offsets and page come from the stored text. Relevance and
    negation are judged on `cues` (default: all of the requirement's cues; the judge passes
    `specific_cues`)."""
    out = CheckedQuotes()
    out.suspicious = [
        f"{ex.candidate.document.filename} p.{ex.candidate.document.page_at(ex.start)}"
        for ex in excerpts.values()
        if INJECTION_RE.search(ex.text)
    ]
    for q in verdict.quotes:
        q = q.model_copy(update={"text": unfence(q.text)})
        cited = [excerpts[q.clause]] if q.clause in excerpts else []
        hit = next(
            ((ex, se) for ex in cited + list(excerpts.values()) if (se := _locate_in(ex, q.text))), None
        )
        if hit is None:
            docs = {id(ex.candidate.document): ex.candidate.document for ex in excerpts.values()}
            anywhere = any(locate(d, q.text) for d in docs.values())
            out.foreign += int(anywhere)
            out.fabricated += int(not anywhere)
            continue
        ex, (start, end) = hit
        ev = evidence_for(ex.candidate.document, start, end, ex.candidate.clause)
        # NOTE: a clause that talks to an AI reviewer is adversarial as a whole: none of it is evidence.
        if INJECTION_RE.search(ev.quote) or INJECTION_RE.search(ex.candidate.clause.text):
            out.injected += 1
            continue
        if all(e.start != ev.start for e in out.verified):
            out.verified.append(ev)
    for ev in out.verified:  # relevant: states a cue, and negates none ("Audits. No right to audit" is not)
        hits = [m.start() for cue in req.cues for m in re.finditer(cue, ev.quote, re.IGNORECASE)]
        strong = [m.start() for cue in (req.cues if cues is None else cues)
                  for m in re.finditer(cue, ev.quote, re.IGNORECASE)]  # fmt: skip
        if any(negated_before(ev.quote, pos) for pos in hits):
            out.negated = True
        elif strong and REFERENCE_RE.search(ev.quote):
            out.deferred = True
        elif strong:
            out.relevant = True
    out.relevant = out.relevant or (not req.cues and bool(out.verified))
    return out


def _number(value: str) -> int | float | None:
    n = parse_number(value)
    if n is None and (m := re.search(r"\d[\d,]*(?:\.\d+)?", value)):
        digits = m.group(0).replace(",", "")
        return float(digits) if "." in digits else int(digits)
    return n


def model_params(verdict: Verdict, req: Requirement) -> dict[str, ParamValue]:
    """The verdict's parameters that the requirement declares, typed by their unit."""
    specs = {p.name: p for p in req.parameters}
    out: dict[str, ParamValue] = {}
    for p in verdict.params:
        spec, value = specs.get(p.name), p.value.strip()
        if spec is None or not value:
            continue
        if spec.unit == "bool":
            out[p.name] = value.lower() in {"true", "yes", "1"}
        elif spec.unit == "text":
            out[p.name] = value[:200]
        elif (n := _number(value)) is not None:
            out[p.name] = n
    return out


def rules_only(finding: Finding, note: str) -> Finding:
    """The rule finding as is, saying why the model did not contribute."""
    reason = f"{finding.reason} LLM not used: {note}; rules result kept.".strip()
    return finding.model_copy(update={"source": "rules", "reason": reason})


def _joined(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def merge(
    rule: Finding, verdict: Verdict, quotes: CheckedQuotes, req: Requirement, *, upgrade_missing: bool = True
) -> Finding:
    """Combine the rule finding and the model's verified verdict. The policy, in order:

    1. The model never upgrades without evidence. A present/weak verdict with no verified quote does not
       count: if its quotes were fabricated (not in the documents) and the rules had no present/weak
       evidence, the finding becomes `unclear` (never present); otherwise the rule status stands.
       Both are flagged `needs_legal_review`. When the offered clauses contain text addressed to an AI
       reviewer, the model's unsupported claims never change the status (an injection cannot even
       force `unclear`).
    2. Agreement on the status: kept, confidence raised; the model's verified quotes become evidence only
       when the rules had none;
       parameters come from the rules, the model only fills gaps; differing values are flagged.
    3. Rules unclear -> model present/weak: accepted only with a verified quote that matches a specific
       requirement cue, negates none and does not merely refer to another text; the playbook's weak_if rules then apply to the model's
       parameters. Rules missing -> model present/weak (same checks) is upgraded the same way (the rules
       miss unusual drafting; the model's quote is verified, cue-bearing and not negated) and always
       flagged for legal review; with `upgrade_missing=False` (setting llm.upgrade_missing) the rules'
       `missing` stands instead, flagged, with the model's passage named in the reason.
    4. Rules present/weak -> model missing: accepted only when a verified model quote overlaps the rules'
       evidence and negates the cue there (wrong direction); always flagged. Otherwise the rules stand.
    5. Any other disagreement (present vs weak, unclear vs missing, model unclear): rules stand; a real
       disagreement is flagged for legal review.
    Quotes that read as instructions to an AI reviewer are never evidence; a candidate clause containing
    such text flags the finding. Source is "rules+llm" whenever the model's verdict was considered.
    """
    m_status = Status(verdict.status)
    base: dict[str, object] = {"source": "rules+llm"}
    notes = [f"Model: {m_status.value} ({verdict.reason.strip()[:200]})."]
    if quotes.injected or quotes.suspicious:
        base["needs_legal_review"] = True
        where = ", ".join(quotes.suspicious) or "a quoted passage"
        notes.append(f"Text addressed to an AI reviewer found in {where}: treated as data, not as evidence.")
    positive = (Status.present, Status.weak)
    if m_status in positive and not quotes.verified:
        if quotes.fabricated and rule.status not in positive and not quotes.suspicious:
            notes.append(
                f"{quotes.fabricated} model quote(s) not found verbatim in the documents: not accepted."
            )
            return _finish(
                rule, base | {"status": Status.unclear, "needs_legal_review": True, "confidence": 0.3}, notes
            )
        notes.append("The model's claim has no verified quote; rules result kept.")
        return _finish(rule, base | {"needs_legal_review": True}, notes)
    params = model_params(verdict, req)
    if m_status == rule.status:
        return _agree(rule, quotes, params, base, notes)
    if rule.status in (Status.missing, Status.unclear) and m_status in positive:
        return _upgrade(rule, m_status, quotes, params, req, base, notes, upgrade_missing)
    if rule.status in positive and m_status == Status.missing:
        overlaps = any(
            q.document_id == e.document_id and q.start < e.end and e.start < q.end
            for q in quotes.verified
            for e in rule.evidence
        )
        if overlaps and quotes.negated:
            notes.append("The model shows the rules' evidence is negated; status set to missing.")
            return _finish(
                rule,
                base
                | {
                    "status": Status.missing,
                    "needs_legal_review": True,
                    "evidence": quotes.verified,
                    "confidence": 0.6,
                },
                notes,
            )
    if m_status != Status.unclear:
        notes.append("Rules and model disagree; rules result kept.")
        base["needs_legal_review"] = True
    return _finish(rule, base, notes)


def _agree(
    rule: Finding,
    quotes: CheckedQuotes,
    params: dict[str, ParamValue],
    base: dict[str, object],
    notes: list[str],
) -> Finding:
    # NOTE: the rules' evidence is precise (their quote is the deciding sentence); the model's verified
    # quotes are added only when the rules had none, so evidence never gets noisier by agreeing.
    evidence = rule.evidence or quotes.verified
    differ = sorted(k for k, v in params.items() if k in rule.params and rule.params[k] != v)
    if differ:
        notes.append(f"Parameters differ ({', '.join(differ)}); rules values kept.")
        base["needs_legal_review"] = True
    merged = params | rule.params
    return _finish(
        rule, base | {"evidence": evidence, "params": merged, "confidence": max(rule.confidence, 0.85)}, notes
    )


def _upgrade(
    rule: Finding,
    m_status: Status,
    quotes: CheckedQuotes,
    params: dict[str, ParamValue],
    req: Requirement,
    base: dict[str, object],
    notes: list[str],
    upgrade_missing: bool,
) -> Finding:
    if not quotes.relevant:
        why = "refer to another text" if quotes.deferred else "do not state the requirement"
        notes.append(f"The model's quotes {why}; rules result kept.")
        return _finish(rule, base | {"needs_legal_review": True}, notes)
    if rule.status == Status.missing and not upgrade_missing:
        where = "; ".join(
            f"{e.filename} p.{e.page}: \u201c{e.quote[:160]}\u201d" for e in quotes.verified[:2]
        )
        notes.append(f"The model points to {where}. Rules result kept; legal to confirm.")
        return _finish(rule, base | {"needs_legal_review": True}, notes)
    weak = [w.reason for w in req.weak_if if w.applies(params)]
    status = Status.weak if weak else m_status
    notes += [f"Weak: {w}" for w in weak]
    notes.append(f"Upgraded from {rule.status.value} on verified evidence.")
    flag = bool(base.get("needs_legal_review")) or rule.status == Status.missing
    return _finish(
        rule,
        base
        | {
            "status": status,
            "evidence": quotes.verified,
            "params": rule.params | params,
            "needs_legal_review": flag,
            "confidence": 0.7,
        },
        notes,
    )


def _finish(rule: Finding, update: dict[str, object], notes: list[str]) -> Finding:
    return rule.model_copy(update=update | {"reason": _joined(rule.reason, *notes)})
