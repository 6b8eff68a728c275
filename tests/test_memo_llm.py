"""The LLM narrative of the gate memo: the fact check, the fallbacks, and recorded chat.completions traffic
(tests/cassettes/test_memo_llm/, replayed with record_mode=none and a dummy key).

The two cassettes were authored against a scripted OpenAI-compatible server that answers in the exact
wire format of scripts/fake_openai_server.py, with a fixed narrative: one restating the facts, one adding
an invented figure, date and citation. Re-record them (after changing the prompt or the memo facts) with:

    .venv/bin/python tests/test_memo_llm.py

which serves that narrative on a free local port, runs the two tests with --record-mode=rewrite and points
the recorded URIs back at api.openai.com. With a real key, the first test can also be re-recorded live
(`OPENAI_API_KEY=... pytest tests/test_memo_llm.py -k restating --record-mode=rewrite`).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from test_gates_data import FAMILY, TODAY, make_project, make_review

from assistant.errors import ConfigError
from assistant.gates import GateAssessment
from assistant.gates_run import assess_project
from assistant.llm import LLMFailure
from assistant.memo import Memo, Narrative, build_memo, memo_markdown
from assistant.memo_llm import check_narrative, narrate_with_llm
from assistant.models import Status
from assistant.settings import LLMSettings, Settings

INVENTED = " The vendor expects savings of USD 1,250,000 by 30 June 2028 (msa.pdf, p. 9)."


def memo_and_assessment() -> tuple[Memo, GateAssessment]:
    project = make_project()
    review = make_review({"audit_rights": Status.missing, "service_credits": Status.weak})
    a = assess_project(project, "scale", reviews={FAMILY: review}, today=TODAY)
    return build_memo(a, project), a


def test_fact_check_accepts_restated_facts_and_flags_invented_ones() -> None:
    memo, a = memo_and_assessment()
    n = memo.narrative
    assert check_narrative(n, memo, a) == []
    restated = n.model_copy(
        update={"summary": "Readiness is 95%; the TCO is USD 457,400. See (msa.pdf, p. 5)."}
    )
    assert check_narrative(restated, memo, a) == []
    invented = n.model_copy(update={"summary": n.summary + INVENTED})
    problems = check_narrative(invented, memo, a)
    assert "summary: date 2028-06-30 is not in the assessment" in problems
    assert "summary: citation msa.pdf p. 9 is not in the assessment" in problems
    assert "summary: figure 1250000 is not in the assessment" in problems
    wrong_page = n.model_copy(update={"how_we_will_know": "Target 6 hours (contract.pdf, p. 7)."})
    assert check_narrative(wrong_page, memo, a) == [
        "how_we_will_know: citation contract.pdf p. 7 is not in the assessment",
        "how_we_will_know: file 'contract.pdf' is not in the assessment",
    ]


def test_no_model_configured_keeps_the_deterministic_text() -> None:
    memo, a = memo_and_assessment()
    off = Settings(_env_file=None, llm=LLMSettings(mode="off"))  # type: ignore[call-arg]
    assert narrate_with_llm(memo, a, off) == memo
    with pytest.raises(ConfigError, match="no model is configured"):
        narrate_with_llm(memo, a, off, required=True)


class _FailingClient:
    """A scripted stand-in for LLMClient whose model is down."""

    def meter(self) -> None:
        return None

    def structured(self, *args: Any, **kwargs: Any) -> Narrative:
        raise LLMFailure("server_error", "HTTP 503", attempts=3)


def test_model_failure_keeps_the_deterministic_text_with_a_note() -> None:
    memo, a = memo_and_assessment()
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    out = narrate_with_llm(memo, a, settings, client=_FailingClient())  # type: ignore[arg-type]
    assert out.narrative == memo.narrative and out.narrative_source == "deterministic"
    assert out.narrative_note == "LLM narrative unavailable (server_error); analyst text used."


def _played_once(cassette) -> None:  # type: ignore[no-untyped-def]
    """One recorded exchange, and (when replaying) exactly that request was made."""
    assert len(cassette.responses) == 1
    if cassette.record_mode == "none":
        assert cassette.play_count == 1


@pytest.mark.vcr
def test_llm_narrative_restating_facts_is_used(llm_settings: Settings, vcr) -> None:  # type: ignore[no-untyped-def]
    memo, a = memo_and_assessment()
    out = narrate_with_llm(memo, a, llm_settings, required=True)
    _played_once(vcr)
    assert out.narrative_source == "llm" and out.narrative_note is None
    assert out.narrative.summary.startswith("In brief, we recommend holding Routing")
    assert out.narrative.summary in memo_markdown(out)
    assert out.spend == memo.spend and out.gaps == memo.gaps  # facts never come from the model


@pytest.mark.vcr
def test_llm_narrative_with_an_invented_fact_is_rejected(llm_settings: Settings, vcr) -> None:  # type: ignore[no-untyped-def]
    memo, a = memo_and_assessment()
    out = narrate_with_llm(memo, a, llm_settings, required=True)
    _played_once(vcr)
    assert out.narrative_source == "deterministic"
    assert out.narrative == memo.narrative
    assert out.narrative_note is not None and out.narrative_note.startswith("LLM narrative rejected")
    assert "date 2028-06-30 is not in the assessment" in out.narrative_note
    md = memo_markdown(out)
    assert "1,250,000" not in md and "_Note: LLM narrative rejected" in md


# --- cassette authoring (not a test) ------------------------------------------------------------------------
def _scripted_narrative(user: str, invent: bool) -> str:
    """The narrative the scripted server answers: the prompt's draft, restyled (and, if asked, a lie)."""
    draft = user.split("<draft>\n", 1)[1].split("\n</draft>", 1)[0]
    sections = dict(line.split(": ", 1) for line in draft.splitlines() if ": " in line)
    out = {k: sections.get(k, "") for k in ("summary", "what_we_are_buying", "why_now", "how_we_will_know")}
    out["summary"] = "In brief, " + out["summary"][:1].lower() + out["summary"][1:]
    if invent:
        out["summary"] += INVENTED
    return json.dumps(out, ensure_ascii=False)


def _record() -> None:  # pragma: no cover - run by hand to re-record the cassettes
    import importlib.util
    import re
    import threading
    from http.server import ThreadingHTTPServer
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "fake_openai_server", root / "scripts" / "fake_openai_server.py"
    )
    assert spec and spec.loader
    fake = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fake)
    state = {"invent": False}

    class Handler(fake.Handler):  # type: ignore[name-defined,misc]
        def do_POST(self) -> None:  # noqa: N802 - http.server naming
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
            body = fake.reply_payload(request, {})
            user = next(m["content"] for m in reversed(request["messages"]) if m["role"] == "user")
            content = _scripted_narrative(user, state["invent"])
            body["choices"][0]["message"]["content"] = content
            body["usage"]["completion_tokens"] = fake.tokens(content)
            body["usage"]["total_tokens"] = body["usage"]["prompt_tokens"] + fake.tokens(content)
            self._send(200, body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{port}/v1"
    for name, invent in (("restating_facts_is_used", False), ("invented_fact_is_rejected", True)):
        state["invent"] = invent
        code = pytest.main([__file__, "-q", "-k", name, "--record-mode=rewrite", f"--llm-base-url={base}"])
        assert code == 0, f"recording {name} failed"
    server.shutdown()
    for path in (root / "tests" / "cassettes" / "test_memo_llm").glob("*.yaml"):
        text = path.read_text(encoding="utf-8").replace(base, "https://api.openai.com/v1")
        text = re.sub(r"(?m)^(\s+)(- )?127\.0\.0\.1:\d+$", r"\1\2api.openai.com", text)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    _record()
