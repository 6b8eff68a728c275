"""The LLM clause judge: refines rule findings from the top candidate clauses, through `assistant.llm`.

For each requirement only its top candidate clauses (excerpts around the cue, not the contract) are
sent, several requirements per call, inside <contract_clause> fences (contract text is data). The
whole review's prompt stays below the size of the contract itself (`plan_batches` shrinks excerpts,
then drops the least severe requirements, until it does). Quotes come back verified verbatim against
the stored text (`check_quotes`), then `merge` decides (the policy is in its docstring).

The judge never raises (except the test-only "unrecorded request" errors): on any LLM failure the
rule finding stands with `source="rules"` and its reason names the failure.
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor

from assistant.judge.plan import (
    BUDGET_SHARE,
    Batch,
    JudgePrompts,
    JudgeReply,
    Plan,
    Verdict,
    build_batch,
    fence_safe,
    load_judge_prompts,
    plan_batches,
)
from assistant.judge.policy import (
    INJECTION_RE,
    CheckedQuotes,
    check_quotes,
    merge,
    rules_only,
    specific_cues,
)
from assistant.llm import LLMClient, LLMFailure, UsageMeter, estimate_tokens, reraise_unrecorded
from assistant.models import Document, Finding, Usage
from assistant.playbook import Playbook
from assistant.settings import Settings
from extractors.base import Candidate, ReviewContext

log = logging.getLogger(__name__)


__all__ = [
    "BUDGET_SHARE",
    "INJECTION_RE",
    "Batch",
    "CheckedQuotes",
    "JudgeReply",
    "LLMJudge",
    "Plan",
    "Verdict",
    "build_batch",
    "check_quotes",
    "dry_run_tokens",
    "fence_safe",
    "load_judge_prompts",
    "make_judge",
    "merge",
    "plan_batches",
    "rules_only",
    "specific_cues",
]


class LLMJudge:
    """The `Judge` of `assistant.review`: one instance per process, safe to call for many reviews."""

    def __init__(self, client: LLMClient, settings: Settings, prompts: JudgePrompts | None = None) -> None:
        self.client = client
        self.settings = settings
        self.prompts = prompts or load_judge_prompts()

    def __call__(
        self,
        playbook: Playbook,
        ctx: ReviewContext,
        findings: list[Finding],
        candidates: dict[str, list[Candidate]],
    ) -> tuple[list[Finding], Usage]:
        """Refine `findings` with the model; never raises because of the model."""
        meter = self.client.meter()
        try:
            out = self._judge(playbook, ctx, findings, candidates, meter)
        except Exception as exc:  # noqa: BLE001 - a review never fails only because the LLM did
            reraise_unrecorded(exc)
            log.exception("LLM judge failed; keeping the rule findings")
            meter.fail(f"judge error: {type(exc).__name__}: {exc}")
            out = [rules_only(f, f"LLM step failed ({type(exc).__name__})") for f in findings]
        return out, meter.usage()

    def _call(self, batch: Batch, meter: UsageMeter) -> JudgeReply:
        return self.client.structured(
            JudgeReply, batch.messages, prompt_version=self.prompts.version, meter=meter
        )

    def _judge(
        self,
        playbook: Playbook,
        ctx: ReviewContext,
        findings: list[Finding],
        candidates: dict[str, list[Candidate]],
        meter: UsageMeter,
    ) -> list[Finding]:
        contract_tokens = sum(estimate_tokens(d.text) for d in ctx.documents)
        plan = plan_batches(playbook, candidates, self.settings, contract_tokens, self.prompts, findings)
        notes: dict[str, str] = dict.fromkeys(plan.skipped, "LLM skipped: the token budget did not allow it")
        checked: dict[str, tuple[Verdict, CheckedQuotes]] = {}
        with ThreadPoolExecutor(max_workers=max(1, self.settings.llm.concurrency)) as pool:
            futures = [(b, pool.submit(self._call, b, meter)) for b in plan.batches]
            for batch, fut in futures:
                try:
                    reply = fut.result()
                except LLMFailure as failure:
                    meter.fail(str(failure))
                    notes.update({r.id: str(failure) for r in batch.requirements})
                    continue
                got = {v.requirement_id: v for v in reply.verdicts}
                for req in batch.requirements:
                    if req.id not in got:
                        notes[req.id] = "LLM returned no verdict for this requirement"
                        continue
                    excerpts = {cid: batch.clauses[cid] for cid in batch.offered[req.id]}
                    cues = specific_cues(req, ctx)
                    checked[req.id] = (got[req.id], check_quotes(got[req.id], req, excerpts, cues))
        upgrade = self.settings.llm.upgrade_missing
        return [self._decide(f, playbook, checked, notes, upgrade) for f in findings]

    @staticmethod
    def _decide(
        finding: Finding,
        playbook: Playbook,
        checked: dict[str, tuple[Verdict, CheckedQuotes]],
        notes: dict[str, str],
        upgrade_missing: bool,
    ) -> Finding:
        rid = finding.requirement
        if rid in notes:
            return rules_only(finding, notes[rid])
        if rid not in checked:
            return finding  # no candidate clause: nothing to show the model
        verdict, quotes = checked[rid]
        return merge(finding, verdict, quotes, playbook.requirement(rid), upgrade_missing=upgrade_missing)


def make_judge(settings: Settings) -> LLMJudge | None:
    """The judge for `settings.llm.mode`: None when off, or when auto and no key/base_url is configured."""
    from assistant.errors import ConfigError

    mode = settings.llm.mode
    if mode == "off":
        return None
    if not settings.llm.configured(settings.openai_api_key):
        if mode == "auto":
            return None
        raise ConfigError(
            "LLM mode 'on' but no model is configured. Set OPENAI_API_KEY (or CLAUSEGATE_LLM__API_KEY), or "
            "CLAUSEGATE_LLM__BASE_URL for an OpenAI-compatible server; or use --llm off."
        )
    return LLMJudge(LLMClient(settings), settings)


def dry_run_tokens(
    playbook: Playbook, documents: list[Document], settings: Settings | None = None
) -> dict[str, object]:
    """What `review --llm on` would send, without calling anything: prompt vs contract tokens, calls."""
    from assistant.settings import get_settings
    from extractors.candidates import find_candidates

    settings = settings or get_settings()
    ctx = ReviewContext(
        documents=list(documents), candidates_per_requirement=settings.review.candidates_per_requirement
    )
    candidates = {r.id: find_candidates(r, ctx) for r in playbook.requirements}
    contract_tokens = sum(estimate_tokens(d.text) for d in documents)
    plan = plan_batches(playbook, candidates, settings, contract_tokens, load_judge_prompts())
    return {
        "model": settings.llm.model,
        "prompt_tokens": plan.prompt_tokens,
        "contract_tokens": contract_tokens,
        "calls": len(plan.batches),
        "requirements_sent": sum(len(b.requirements) for b in plan.batches),
        "requirements_skipped_for_budget": plan.skipped,
    }
