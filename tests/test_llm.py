"""The LLM seam without cassettes: timeouts (httpx MockTransport: a cassette cannot hold a timeout),
retries and backoff, usage and cost, the response cache, the unrecorded-request switch, doctor."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import httpx2
import pytest

from assistant.judge import JudgeReply, LLMJudge
from assistant.llm import (
    LLMClient,
    LLMFailure,
    ModelRequestBlocked,
    ResponseCache,
    UsageMeter,
    doctor,
    estimate_tokens,
    format_checks,
)
from assistant.models import Finding, Status
from assistant.playbook import load_playbook
from assistant.settings import IndexSettings, LLMSettings, Settings, StoreSettings
from extractors.base import ReviewContext
from tests.support.llm import LLM_FIXTURES, cue_candidates, load_text_document

_spec = importlib.util.spec_from_file_location(
    "fake_openai_server", Path(__file__).parents[1] / "scripts" / "fake_openai_server.py"
)
assert _spec and _spec.loader
fake = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fake)
NORMAL = json.loads((LLM_FIXTURES / "scenarios" / "normal.json").read_text())
MESSAGES = [("system", "You judge contracts."), ("user", "<requirements>\n</requirements>")]


def _settings(tmp_path: Path, **llm: object) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        store=StoreSettings(data_dir=tmp_path / "data"),
        index=IndexSettings(embedding_provider="none"),
        llm=LLMSettings(
            mode="on", api_key="sk-test-not-a-real-key", backoff_seconds=0.01, max_retries=2, **llm
        ),  # type: ignore[arg-type]
    )


class Script:
    """A MockTransport handler: raises or answers per call, in order, recording what it was sent."""

    def __init__(self, *steps: object) -> None:
        self.steps = list(steps)
        self.requests: list[dict[str, object]] = []

    def __call__(self, request: httpx2.Request) -> httpx2.Response:
        self.requests.append(json.loads(request.content))
        step = self.steps.pop(0) if len(self.steps) > 1 else self.steps[0]
        if step == "timeout":
            raise httpx2.ReadTimeout("timed out", request=request)
        return httpx2.Response(200, json=fake.reply_payload(self.requests[-1], NORMAL))

    def client(self) -> httpx2.Client:
        return httpx2.Client(transport=httpx2.MockTransport(self))


def test_timeouts_are_retried_with_backoff_then_fail_typed(tmp_path: Path) -> None:
    script, sleeps = Script("timeout"), []
    client = LLMClient(_settings(tmp_path), http_client=script.client(), sleep=sleeps.append)
    meter = client.meter()
    with pytest.raises(LLMFailure) as info:
        client.structured(JudgeReply, MESSAGES, prompt_version="t@1", meter=meter)
    assert (
        info.value.kind == "timeout" and info.value.attempts == 3 and "after 3 attempt(s)" in str(info.value)
    )
    assert len(script.requests) == 3 and sleeps == [0.01, 0.02]  # exponential backoff from the settings


def test_timeout_then_success_recovers(tmp_path: Path) -> None:
    script, sleeps = Script("timeout", "ok"), []
    client = LLMClient(_settings(tmp_path), http_client=script.client(), sleep=sleeps.append)
    meter = client.meter()
    reply = client.structured(JudgeReply, MESSAGES, prompt_version="t@1", meter=meter)
    assert reply.verdicts == [] and len(script.requests) == 2 and sleeps == [0.01]
    sent = script.requests[-1]
    assert sent["model"] == "gpt-4o-mini" and sent["temperature"] == 0.0
    assert sent["response_format"]["type"] == "json_schema"  # type: ignore[index]
    assert sent["response_format"]["json_schema"]["strict"] is True  # type: ignore[index]


def test_judge_falls_back_to_rules_on_timeouts(tmp_path: Path) -> None:
    playbook = load_playbook(LLM_FIXTURES / "playbook.yaml")
    msa = load_text_document(LLM_FIXTURES / "msa_basic.txt")
    settings = _settings(tmp_path, concurrency=1)
    judge = LLMJudge(
        LLMClient(settings, http_client=Script("timeout").client(), sleep=lambda s: None), settings
    )
    rules = [
        Finding(requirement=r.id, status=Status.missing, reason="No clause found.")
        for r in playbook.requirements
    ]
    out, usage = judge(playbook, ReviewContext([msa]), rules, cue_candidates(playbook, [msa]))
    assert [f.status for f in out] == [Status.missing] * 4
    assert all(f.source == "rules" and "LLM timeout after 3 attempt(s)" in f.reason for f in out)
    assert usage.failures == [out[0].reason.split("LLM not used: ")[1].split("; rules")[0]]


def test_unrecorded_model_requests_propagate_out_of_the_judge(tmp_path: Path) -> None:
    def handler(request: httpx2.Request) -> httpx2.Response:
        raise ModelRequestBlocked("not in a cassette")

    playbook = load_playbook(LLM_FIXTURES / "playbook.yaml")
    msa = load_text_document(LLM_FIXTURES / "msa_basic.txt")
    settings = _settings(tmp_path)
    client = LLMClient(settings, http_client=httpx2.Client(transport=httpx2.MockTransport(handler)))
    rules = [Finding(requirement=r.id, status=Status.missing) for r in playbook.requirements]
    with pytest.raises(ModelRequestBlocked):
        LLMJudge(client, settings)(playbook, ReviewContext([msa]), rules, cue_candidates(playbook, [msa]))


def test_usage_meter_prices_tokens_and_cached_calls_are_free() -> None:
    meter = UsageMeter("gpt-4o-mini", 10_000, {"gpt-4o-mini": (0.15, 0.60)})
    meter.add(1_000_000, 100_000)
    meter.add(0, 0, cached=True)
    meter.fail("LLM timeout")
    u = meter.usage()
    assert (u.calls, u.cached_calls, u.prompt_tokens, u.completion_tokens) == (2, 1, 1_000_000, 100_000)
    assert u.estimated_cost_usd == pytest.approx(0.15 + 0.06) and u.failures == ["LLM timeout"]
    assert UsageMeter("unknown-model", 1, {}).usage().estimated_cost_usd == 0.0


def test_budget_refuses_a_call_that_would_pass_it(tmp_path: Path) -> None:
    script = Script("ok")
    client = LLMClient(_settings(tmp_path, max_tokens_per_review=5), http_client=script.client())
    with pytest.raises(LLMFailure, match="budget"):
        client.structured(JudgeReply, MESSAGES, prompt_version="t@1", meter=client.meter())
    assert script.requests == []


def test_response_cache_key_and_roundtrip(tmp_path: Path) -> None:
    cache = ResponseCache(tmp_path / "c.sqlite3")
    key = ResponseCache.key("gpt-4o-mini", "judge@1", MESSAGES, JudgeReply)
    assert key != ResponseCache.key("gpt-4o", "judge@1", MESSAGES, JudgeReply)
    assert key != ResponseCache.key("gpt-4o-mini", "judge@2", MESSAGES, JudgeReply)
    assert key != ResponseCache.key("gpt-4o-mini", "judge@1", [("user", "other")], JudgeReply)
    assert cache.get(key) is None
    cache.put(key, "gpt-4o-mini", {"verdicts": []})
    assert ResponseCache(tmp_path / "c.sqlite3").get(key) == {"verdicts": []}


def test_estimate_is_deterministic() -> None:
    assert estimate_tokens("") == 0 and estimate_tokens("abcd") == 1 and estimate_tokens("abcde") == 2


def test_doctor_reports_what_is_wrong_and_how_to_fix_it(tmp_path: Path) -> None:
    settings = _settings(tmp_path).model_copy(update={"llm": LLMSettings(mode="on")})
    checks = {c.name: c for c in doctor(settings)}
    assert not checks["LLM key"].ok and "OPENAI_API_KEY" in checks["LLM key"].fix
    assert checks["embedding model"].ok and "lexical" in checks["embedding model"].detail
    bad_url = StoreSettings(data_dir=tmp_path, url=f"sqlite:///{tmp_path}/no/such/dir/x.db")
    checks |= {c.name: c for c in doctor(settings.model_copy(update={"store": bad_url}))}
    assert not checks["store"].ok and "CLAUSEGATE_STORE__URL" in checks["store"].fix
    assert "[FAIL] store" in format_checks(list(checks.values()))


def test_doctor_does_not_create_the_store_or_index(tmp_path: Path) -> None:
    settings = _settings(tmp_path).model_copy(update={"llm": LLMSettings(mode="off")})
    checks = {c.name: c for c in doctor(settings)}
    assert checks["store"].ok and "created by the first ingest" in checks["store"].detail
    assert checks["index"].ok and not (tmp_path / "data").exists()


def test_doctor_all_green_with_the_llm_off(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    settings = _settings(tmp_path).model_copy(update={"llm": LLMSettings(mode="off")})
    checks = doctor(settings)
    assert [c.name for c in checks] == ["LLM", "embedding model", "store", "index"]
    assert all(c.ok for c in checks), format_checks(checks)
