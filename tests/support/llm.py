"""The LLM seam in tests: cassette matching and scrubbing, the unrecorded-request guard, LLM settings."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

LLM_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "llm"
_MODEL_PATH = re.compile(r"/(?:chat/)?completions/?$|/embeddings/?$|/responses/?$")
_MODEL_HOST = re.compile(r"(?:^|\.)(?:openai\.com|openai\.azure\.com)$")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--llm-base-url",
        default=None,
        help="Record LLM cassettes against this OpenAI-compatible base_url (scripts/record_cassettes.py).",
    )


def _llm_request_key(r):  # type: ignore[no-untyped-def]
    """What identifies a model request in a cassette: the model and the requirement ids it judges (robust
    to wording changes and to the order of concurrent batches), else the whole message text."""
    try:
        body = json.loads(r.body or b"{}")
    except (ValueError, TypeError):
        return r.body
    messages = body.get("messages") if isinstance(body, dict) else None
    if not isinstance(messages, list):
        return r.body
    text = "\n".join(str(m.get("content")) for m in messages)
    ids = re.findall(r'<requirement id="([^"]+)">', text)
    return body.get("model"), tuple(ids) if ids else text


def _llm_request_matcher(r1, r2) -> None:  # type: ignore[no-untyped-def]
    k1, k2 = _llm_request_key(r1), _llm_request_key(r2)
    assert k1 == k2, f"LLM request differs: {str(k1)[:200]} != {str(k2)[:200]}"


def pytest_recording_configure(config, vcr) -> None:  # type: ignore[no-untyped-def]
    vcr.register_matcher("llm_request", _llm_request_matcher)


def _scrub_response(response):  # type: ignore[no-untyped-def]
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in {"set-cookie", "openai-organization", "openai-project", "cf-ray"}:
            del headers[name]
    return response


@pytest.fixture(scope="module")
def vcr_config():  # type: ignore[no-untyped-def]
    """pytest-recording: record_mode none (pyproject addopts), secrets filtered, LLM-aware matching."""
    return {
        "filter_headers": ["authorization", "api-key", "cookie", "openai-organization", "openai-project"],
        "match_on": ["method", "scheme", "host", "port", "path", "query", "llm_request"],
        "decode_compressed_response": True,
        "before_record_response": _scrub_response,
    }


@pytest.fixture(scope="session", autouse=True)
def _register_unrecorded_errors() -> None:
    """Make vcrpy's "request not in cassette" error propagate through the LLM seam and fail the test."""
    from vcr.errors import CannotOverwriteExistingCassetteException

    import assistant.llm as llm

    if CannotOverwriteExistingCassetteException not in llm.UNRECORDED_ERRORS:
        llm.UNRECORDED_ERRORS.append(CannotOverwriteExistingCassetteException)


def _is_model_request(request) -> bool:  # type: ignore[no-untyped-def]
    return bool(_MODEL_HOST.search(request.url.host) or _MODEL_PATH.search(request.url.path))


@pytest.fixture(autouse=True)
def _no_unrecorded_model_requests(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Outside a cassette (`@pytest.mark.vcr`), any HTTP request to a model endpoint fails the test, even
    when the code under test swallows the error (the review falls back to the rules)."""
    if request.node.get_closest_marker("vcr"):
        yield
        return
    import httpx
    import httpx2

    from assistant.llm import ModelRequestBlocked

    blocked: list[str] = []

    def guard(original):  # type: ignore[no-untyped-def]
        def handle(self, req):  # type: ignore[no-untyped-def]
            if _is_model_request(req):
                blocked.append(f"{req.method} {req.url}")
                raise ModelRequestBlocked(f"model request {req.url!s} outside a cassette: mark the test vcr")
            return original(self, req)

        return handle

    def aguard(original):  # type: ignore[no-untyped-def]
        async def handle(self, req):  # type: ignore[no-untyped-def]
            if _is_model_request(req):
                blocked.append(f"{req.method} {req.url}")
                raise ModelRequestBlocked(f"model request {req.url!s} outside a cassette: mark the test vcr")
            return await original(self, req)

        return handle

    for mod in (httpx, httpx2):
        monkeypatch.setattr(mod.HTTPTransport, "handle_request", guard(mod.HTTPTransport.handle_request))
        monkeypatch.setattr(
            mod.AsyncHTTPTransport,
            "handle_async_request",
            aguard(mod.AsyncHTTPTransport.handle_async_request),
        )
    yield
    if blocked:
        pytest.fail(f"model request(s) outside a cassette: {blocked}")


@pytest.fixture
def llm_settings(tmp_path, request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """Settings with the LLM on: default OpenAI endpoint (what the cassettes replay), a dummy key unless
    OPENAI_API_KEY is set (live re-recording), fast backoff, own data_dir (own response cache)."""
    from pydantic import SecretStr

    from assistant.settings import IndexSettings, LLMSettings, Settings, StoreSettings

    live_key = Settings(_env_file=None).openai_api_key  # type: ignore[call-arg]
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        store=StoreSettings(data_dir=tmp_path / "data"),
        index=IndexSettings(embedding_provider="none"),
        llm=LLMSettings(
            mode="on",
            base_url=request.config.getoption("--llm-base-url"),
            api_key=live_key or SecretStr("sk-test-not-a-real-key"),
            backoff_seconds=0.001,
            max_retries=2,
            concurrency=2,
        ),
    )


def load_text_document(path: Path, kind: str = "msa"):  # type: ignore[no-untyped-def]
    """A Document from a shipped .txt fixture: pages split on form feeds, clauses on 'N. Heading' lines."""
    from assistant.models import Clause, Document, DocumentKind, Page

    raw = path.read_text(encoding="utf-8")
    text = raw.replace("\f", "\n")  # same length: offsets stay valid
    breaks = [m.start() for m in re.finditer("\f", raw)]
    bounds = [0, *breaks, len(text)]
    pages = [Page(number=i + 1, start=bounds[i], end=bounds[i + 1]) for i in range(len(bounds) - 1)]
    sha = hashlib.sha256(raw.encode("utf-8")).hexdigest()
    doc_id = sha[:16]
    heads = list(re.finditer(r"(?m)^(\d+)\.\s+(.+)$", text))
    starts = [0, *(m.start() for m in heads)]
    clauses = []
    for i, start in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        end = start + len(text[start:end].rstrip())
        head = heads[i - 1] if i else None
        page = lambda off: max(p.number for p in pages if p.start <= off)  # noqa: E731
        clauses.append(
            Clause(id=f"{doc_id}:{i}", document_id=doc_id, index=i, number=head.group(1) if head else None,
                   heading=head.group(2).strip() if head else None, text=text[start:end], start=start, end=end,
                   page_start=page(start), page_end=page(max(start, end - 1)))
        )  # fmt: skip
    return Document(
        id=doc_id, filename=path.name, sha256=sha, media_type="txt", kind=DocumentKind(kind),
        kind_detected=DocumentKind(kind), title=text.splitlines()[0], size_bytes=len(raw.encode()),
        text=text, pages=pages, clauses=clauses,
    )  # fmt: skip


def cue_candidates(playbook, documents):  # type: ignore[no-untyped-def]
    """Top candidates per requirement by cue hits (what the lexical candidate finder gives the judge)."""
    from extractors.base import Candidate

    out = {}
    for req in playbook.requirements:
        scored = []
        for doc in documents:
            for clause in doc.clauses:
                hits = sum(len(re.findall(cue, clause.text, re.IGNORECASE)) for cue in req.cues)
                if hits:
                    scored.append(Candidate(clause, doc, float(hits), frozenset({"cue"})))
        out[req.id] = sorted(scored, key=lambda c: -c.score)[:6]
    return out
