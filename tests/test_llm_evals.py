"""The evaluator measures the LLM path exactly as it measures the rules path: two gold cases reviewed with
and without the judge, scored by `evals.report.summarise`, the model replayed from a cassette.

The cassette's "model" is a crude scripted stand-in (scenario eval_gold), so the figures test the
plumbing and the merge policy, not a real model's quality; re-record live for real figures
(tests/cassettes/README.md).
"""

from __future__ import annotations

import pytest

from assistant.playbook import load_playbook
from assistant.settings import Settings
from evals.datasets import GOLD_FILE, load_gold
from evals.options import make_judge, make_reviewer
from evals.report import summarise
from evals.runner import default_parser, run_cases


@pytest.mark.vcr
def test_evaluator_measures_the_llm_path(llm_settings: Settings) -> None:
    playbook = load_playbook("default")
    cases = load_gold(GOLD_FILE, 2)
    # exactly what `python -m evals.run --dataset gold --limit 2 --llm off|on` builds
    rules = run_cases(cases, playbook, default_parser(), make_reviewer(None, False, llm_settings))
    judge = make_judge("on", llm_settings)
    llm = run_cases(cases, playbook, default_parser(), make_reviewer(judge, False, llm_settings))
    assert all(r.error is None for r in rules + llm), [
        r.error for r in rules + llm
    ]  # incl. unrecorded requests
    base = summarise("gold", playbook.version, rules, llm="off")["metrics"]
    with_llm = summarise("gold", playbook.version, llm, llm="on")["metrics"]
    usage = [r.review.usage for r in llm if r.review]
    assert all(u.calls >= 1 and u.prompt_tokens > 0 and not u.failures for u in usage)
    findings = [f for r in llm if r.review for f in r.review.findings]
    assert any(f.source == "rules+llm" for f in findings)
    # A crude model that calls everything with a shared word "present" must not make the review worse:
    # the merge policy keeps gaps, and evidence stays the rules' precise quotes.
    assert with_llm["status_accuracy"] >= base["status_accuracy"]
    assert with_llm["gap_recall"] >= base["gap_recall"]
    assert with_llm["evidence_validity"] >= base["evidence_validity"]
    print(f"rules: {base}\nllm:   {with_llm}\nusage: {[u.model_dump() for u in usage]}")
