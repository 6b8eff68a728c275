"""Judge planning: the structured reply schema, the excerpts of candidate clauses shown to the model,
fenced prompts, and batches that keep a review's prompt below the size of the contract itself."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, Field

from assistant.llm import messages_tokens
from assistant.models import Finding, Severity, Status
from assistant.playbook import Playbook, Requirement
from assistant.prompts import Prompt, load_prompt
from assistant.settings import Settings
from extractors.base import Candidate

BUDGET_SHARE = 0.75
"""All prompts of one review together may use at most this share of the contract's own token count."""
COMPLETION_TOKENS_PER_REQUIREMENT = 200


class QuoteOut(BaseModel):
    """A verbatim passage the model cites."""

    clause: str = Field(description="Id of the clause the quote is copied from, e.g. 'C2'.")
    text: str = Field(description="The passage, copied word for word from that clause.")


class ParamOut(BaseModel):
    """One parameter read from the quoted text."""

    name: str = Field(description="Parameter name from the requirement, e.g. 'notice_days'.")
    value: str = Field(description="Value as stated, e.g. '30' or 'true'.")


class Verdict(BaseModel):
    """The model's verdict on one requirement."""

    requirement_id: str = Field(description="Requirement id exactly as given.")
    status: Literal["present", "weak", "missing", "unclear"] = Field(
        description="Outcome for the requirement."
    )
    params: list[ParamOut] = Field(description="Parameters stated in the quotes; empty if none.")
    quotes: list[QuoteOut] = Field(description="Verbatim evidence; required for present and weak.")
    reason: str = Field(description="One sentence: why this status.")


class JudgeReply(BaseModel):
    """The model's verdicts for one batch of requirements."""

    verdicts: list[Verdict] = Field(description="One verdict per requirement id, in the given order.")


@dataclass(frozen=True)
class Excerpt:
    """The part of a candidate clause shown to the model: document.text[start:end]."""

    candidate: Candidate
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.candidate.document.text[self.start : self.end]


@dataclass
class Batch:
    """Requirements judged in one call, with the clauses offered to each (short ids 'C1'...)."""

    requirements: list[Requirement]
    clauses: dict[str, Excerpt] = field(default_factory=dict)
    offered: dict[str, list[str]] = field(default_factory=dict)
    messages: list[tuple[str, str]] = field(default_factory=list)

    @property
    def prompt_tokens(self) -> int:
        return messages_tokens(self.messages)


@dataclass
class Plan:
    """What a review would send: batches, the requirements left out for budget, and the token figures."""

    batches: list[Batch]
    skipped: list[str]
    prompt_tokens: int
    allowed_tokens: int


@dataclass(frozen=True)
class JudgePrompts:
    system: Prompt
    judge: Prompt

    @property
    def version(self) -> str:
        return f"{self.system.ref}+{self.judge.ref}"


def load_judge_prompts() -> JudgePrompts:
    """The system and clause-judge prompts, validated against the variables this module fills."""
    return JudgePrompts(load_prompt("system", []), load_prompt("clause_judge", ["requirements", "clauses"]))


_FENCE = re.compile(r"<\s*/?\s*(?:contract_clauses?|requirements?)\b", re.IGNORECASE)


_FENCE_DEFUSED = re.compile(r"\u2039\s*/?\s*(?:contract_clauses?|requirements?)\b", re.IGNORECASE)


def fence_safe(text: str) -> str:
    """Contract text made unable to open or close the prompt's fences (tags of ours are defused)."""
    return _FENCE.sub(lambda m: m.group(0).replace("<", "\u2039"), text)


def unfence(text: str) -> str:
    """Undo `fence_safe` in a model quote, so a quote of defused text is checked against the real text."""
    return _FENCE_DEFUSED.sub(lambda m: "<" + m.group(0)[1:], text)


def _attr(value: object) -> str:
    return fence_safe(str(value)).replace('"', "'").replace("\n", " ")[:120]


_SENTENCE_START = re.compile(r"(?:\n|[.;:]\s)\s*")


def _window(req: Requirement, cand: Candidate, max_chars: int) -> tuple[int, int]:
    """Offsets of at most `max_chars` of the clause: from the start of the sentence holding the first
    cue match (or the clause start), ending on a word boundary."""
    clause, text = cand.clause, cand.clause.text
    if len(text) <= max_chars:
        return clause.start, clause.end
    hits = [m.start() for cue in req.cues for m in [re.search(cue, text, re.IGNORECASE)] if m]
    pos = min(hits) if hits else 0
    lo = 0
    if pos > max_chars // 2:  # the cue is far in: start at its sentence (or a word) instead
        starts = [m.end() for m in _SENTENCE_START.finditer(text, max(0, pos - max_chars // 2), pos)]
        lo = starts[0] if starts else text.find(" ", pos - max_chars // 3) + 1
    hi = min(len(text), lo + max_chars)
    if hi < len(text) and (sp := text.rfind(" ", lo, hi)) > lo:
        hi = sp
    return clause.start + lo, clause.start + hi


def _render_requirement(req: Requirement, clause_ids: list[str]) -> str:
    lines = [f'<requirement id="{req.id}">', f"title: {req.title}", f"definition: {req.description.strip()}"]
    if req.present_when and req.present_when.strip() != req.description.strip():
        lines.append(f"present when: {req.present_when.strip()}")
    if req.weak_when:
        lines.append(f"weak when: {req.weak_when.strip()}")
    for p in req.parameters:
        lines.append(f"parameter {p.name} ({p.unit}): {p.description}".rstrip(": "))
    lines += [f"candidate clauses: {', '.join(clause_ids)}", "</requirement>"]
    return "\n".join(lines)


def _render_clause(cid: str, ex: Excerpt) -> str:
    c, d = ex.candidate.clause, ex.candidate.document
    head = f'<contract_clause id="{cid}" document="{_attr(d.filename)}" page="{d.page_at(ex.start)}"'
    if c.heading or c.number:
        head += f' heading="{_attr(" ".join(x for x in (c.number, c.heading) if x))}"'
    return f"{head}>\n{fence_safe(ex.text)}\n</contract_clause>"


def build_batch(
    reqs: list[Requirement], cands: dict[str, list[Candidate]], k: int, cap: int, prompts: JudgePrompts
) -> Batch:
    """One batch: each requirement's top `k` candidates as excerpts of at most `cap` chars, deduplicated."""
    batch = Batch(requirements=reqs)
    by_clause: dict[str, str] = {}
    for req in reqs:
        batch.offered[req.id] = []
        for cand in cands.get(req.id, [])[:k]:
            start, end = _window(req, cand, cap)
            cid = by_clause.get(cand.clause.id)
            if cid is None:
                cid = by_clause[cand.clause.id] = f"C{len(by_clause) + 1}"
                batch.clauses[cid] = Excerpt(cand, start, end)
            else:  # shared clause: show the union of both windows
                old = batch.clauses[cid]
                batch.clauses[cid] = Excerpt(cand, min(old.start, start), max(old.end, end))
            batch.offered[req.id].append(cid)
    user = prompts.judge.render(
        requirements="\n".join(_render_requirement(r, batch.offered[r.id]) for r in reqs),
        clauses="\n".join(_render_clause(cid, ex) for cid, ex in batch.clauses.items()),
    )
    batch.messages = [("system", prompts.system.render()), ("user", user)]
    return batch


def _steps(settings: Settings) -> list[tuple[int, int]]:
    """(clauses per requirement, chars per clause) from richest to leanest."""
    top, cap0 = max(1, settings.llm.clauses_per_requirement), settings.llm.max_clause_chars
    caps = sorted({c for c in (cap0, 800, 500, 300) if c <= cap0} or {cap0}, reverse=True)
    return sorted(((k, c) for k in range(top, 0, -1) for c in caps), key=lambda kc: (-kc[0] * kc[1], -kc[0]))


def _drop_order(reqs: list[Requirement], findings: Sequence[Finding] | None) -> list[Requirement]:
    """Who leaves first when the budget is short: requirements the rules already settled (present with
    evidence and confidence >= 0.7), then the least severe."""
    settled = {
        f.requirement
        for f in findings or []
        if f.status == Status.present and f.evidence and f.confidence >= 0.7
    }
    rank = list(Severity)
    return sorted(reqs, key=lambda r: (r.id not in settled, rank.index(r.severity)))


def plan_batches(
    playbook: Playbook,
    candidates: dict[str, list[Candidate]],
    settings: Settings,
    contract_tokens: int,
    prompts: JudgePrompts,
    findings: Sequence[Finding] | None = None,
) -> Plan:
    """Batches that fit the budget: fewer prompt tokens than BUDGET_SHARE of the contract (and than the
    review's token budget net of completions). Requirements without candidates are not sent; when even
    the leanest excerpts do not fit, requirements leave in `_drop_order`."""
    reqs = [r for r in playbook.requirements if candidates.get(r.id)]
    n = max(1, settings.llm.requirements_per_call)
    reserve = COMPLETION_TOKENS_PER_REQUIREMENT * len(reqs)
    allowed = min(int(contract_tokens * BUDGET_SHARE), settings.llm.max_tokens_per_review - reserve)
    order = _drop_order(reqs, findings)
    skipped: list[str] = []
    k, cap = _steps(settings)[-1]
    while reqs:
        for k, cap in _steps(settings):
            batches = [
                build_batch(reqs[i : i + n], candidates, k, cap, prompts) for i in range(0, len(reqs), n)
            ]
            total = sum(b.prompt_tokens for b in batches)
            if total <= allowed:
                return Plan(batches, skipped, total, allowed)
        drop = order.pop(0)
        skipped.append(drop.id)
        reqs = [r for r in reqs if r.id != drop.id]
    return Plan([], skipped, 0, allowed)
