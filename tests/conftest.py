"""Shared pytest fixtures."""

from __future__ import annotations

# --- API/audit/users fixtures (issue 5) ---------------------------------------------------------------
import os
import uuid as _uuid

import pytest

PG_BASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _pg_available() -> bool:
    try:
        import psycopg

        psycopg.connect("host=127.0.0.1 port=5432 dbname=test user=postgres", connect_timeout=2).close()
        return True
    except Exception:
        return False


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path):  # type: ignore[no-untyped-def]
    """SQLAlchemy URL of an empty database: a SQLite file, or a fresh schema in the Postgres `test` db."""
    if request.param == "sqlite":
        yield f"sqlite:///{(tmp_path / 'cg.db').as_posix()}"
        return
    if not _pg_available():
        if not os.environ.get("CI"):
            pytest.skip(
                "PostgreSQL is not reachable on 127.0.0.1:5432 (database 'test'); CI runs these tests"
            )
        pytest.fail(
            "PostgreSQL is not reachable on 127.0.0.1:5432 (database 'test'); start it or deselect -m postgres"
        )
    import psycopg

    schema = f"cg_{_uuid.uuid4().hex[:12]}"
    with psycopg.connect("host=127.0.0.1 port=5432 dbname=test user=postgres", autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    yield f"{PG_BASE_URL}?options=-csearch_path%3D{schema}"
    with psycopg.connect("host=127.0.0.1 port=5432 dbname=test user=postgres", autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


MSA_TEXT = """MASTER SERVICES AGREEMENT

1. Definitions
In this Agreement, "Services" means the hosted software services described in each Order Form.

2. Audit Rights
Customer may, upon thirty (30) days' prior written notice and no more than once per year, audit Provider's
records, systems and facilities relevant to the Services, either itself or through an independent auditor.

3. Security Incident Notification
Provider shall notify Customer of any Security Incident affecting Customer Data without undue delay and in
any event within seventy-two (72) hours after becoming aware of it.

4. Termination for Convenience
Customer may terminate this Agreement for convenience at any time upon ninety (90) days' written notice.

5. Fees
Customer shall pay the fees set out in each Order Form within thirty (30) days of the invoice date.

6. Governing Law
This Agreement is governed by the laws of England and Wales.
"""


def api_settings(data_dir, url: str | None = None, **api: object):  # type: ignore[no-untyped-def]
    """Settings for API tests: own data dir and database, no embeddings, no LLM, plain-HTTP cookies
    (`api` overrides ApiSettings fields)."""
    from assistant.settings import (
        ApiSettings,
        IndexSettings,
        LLMSettings,
        ReviewSettings,
        Settings,
        StoreSettings,
    )

    return Settings(
        store=StoreSettings(data_dir=data_dir, url=url),
        index=IndexSettings(embedding_provider="none"),
        llm=LLMSettings(mode="off"),
        review=ReviewSettings(use_vector_search=False),
        api=ApiSettings.model_validate(
            {"cookie_secure": False, "session_secret": "test-secret-" + "x" * 20} | api
        ),
    )


# --- store / index / embeddings fixtures ----------------------------------------------------------------
import hashlib as _hashlib  # noqa: E402
import math as _math  # noqa: E402
import re as _re  # noqa: E402
from collections.abc import Callable as _Callable  # noqa: E402
from collections.abc import Sequence as _Sequence  # noqa: E402


@pytest.fixture
def settings(tmp_path):  # type: ignore[no-untyped-def]
    """Settings on a fresh data_dir under tmp_path; embedding provider 'none', LLM off, no .env file."""
    from assistant.settings import IndexSettings, LLMSettings, Settings, StoreSettings

    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        store=StoreSettings(data_dir=tmp_path / "data"),
        index=IndexSettings(embedding_provider="none"),
        llm=LLMSettings(mode="off"),
    )


@pytest.fixture(scope="session")
def local_embedder():  # type: ignore[no-untyped-def]
    """The real all-MiniLM-L6-v2 embedder, loaded once for the whole test session."""
    from assistant.embeddings import LocalEmbedder

    embedder = LocalEmbedder()
    embedder.embed(["warm-up"])
    return embedder


class FakeEmbedder:
    """Deterministic hashed bag-of-words vectors (no model); counts every text it embeds."""

    name = "fake-bow"
    dim = 64

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    @property
    def embedded(self) -> int:
        return sum(len(c) for c in self.calls)

    def embed(self, texts: list[str]) -> list[list[float]]:
        self.calls.append(list(texts))
        out = []
        for text in texts:
            v = [0.0] * self.dim
            for word in _re.findall(r"[a-z]+", text.lower()):
                v[int(_hashlib.md5(word.encode()).hexdigest(), 16) % self.dim] += 1.0
            norm = _math.sqrt(sum(x * x for x in v)) or 1.0
            out.append([x / norm for x in v])
        return out


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    """A fresh counting FakeEmbedder."""
    return FakeEmbedder()


Section = tuple[str | None, str | None, str]  # (number, heading, body)


def build_document(
    filename: str, sections: _Sequence[Section], *, kind: str = "msa", clauses_per_page: int = 2
):  # type: ignore[no-untyped-def]
    """A Document (and its original bytes) whose text, pages and clause offsets are consistent."""
    from assistant.models import Clause, Document, DocumentKind, Page

    parts: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for number, heading, body in sections:
        head = " ".join(x for x in (number, heading) if x)
        block = f"{head}\n{body}" if head else body
        spans.append((pos, pos + len(block)))
        parts.append(block + "\n\n")
        pos += len(block) + 2
    text = "".join(parts)
    original = text.encode("utf-8")
    sha = _hashlib.sha256(original).hexdigest()
    doc_id = sha[:16]
    page_of = [i // clauses_per_page + 1 for i in range(len(sections))]
    pages = []
    for number in sorted(set(page_of)) or [1]:
        idx = [i for i, p in enumerate(page_of) if p == number]
        start = spans[idx[0]][0] if idx else 0
        end = spans[idx[-1] + 1][0] if idx and idx[-1] + 1 < len(spans) else len(text)
        pages.append(Page(number=number, start=start, end=end))
    clauses = [
        Clause(
            id=f"{doc_id}:{i}",
            document_id=doc_id,
            index=i,
            number=number,
            heading=heading,
            text=text[s:e],
            start=s,
            end=e,
            page_start=page_of[i],
            page_end=page_of[i],
        )
        for i, ((number, heading, _body), (s, e)) in enumerate(zip(sections, spans, strict=True))
    ]
    doc = Document(
        id=doc_id,
        filename=filename,
        sha256=sha,
        media_type="txt",
        kind=DocumentKind(kind),
        kind_detected=DocumentKind(kind),
        title=filename,
        size_bytes=len(original),
        text=text,
        pages=pages,
        clauses=clauses,
    )
    return doc, original


@pytest.fixture
def make_doc() -> _Callable[..., tuple[object, bytes]]:
    """`make_doc(filename, [(number, heading, body), ...], kind='msa')` -> (Document, original bytes)."""
    return build_document


# --- LLM seam fixtures (issue 3): cassettes, the unrecorded-request guard, fixture documents -------------
import json as _json  # noqa: E402
from pathlib import Path as _Path  # noqa: E402

LLM_FIXTURES = _Path(__file__).parent / "fixtures" / "llm"
_MODEL_PATH = _re.compile(r"/(?:chat/)?completions/?$|/embeddings/?$|/responses/?$")
_MODEL_HOST = _re.compile(r"(?:^|\.)(?:openai\.com|openai\.azure\.com)$")


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
        body = _json.loads(r.body or b"{}")
    except (ValueError, TypeError):
        return r.body
    messages = body.get("messages") if isinstance(body, dict) else None
    if not isinstance(messages, list):
        return r.body
    text = "\n".join(str(m.get("content")) for m in messages)
    ids = _re.findall(r'<requirement id="([^"]+)">', text)
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


def load_text_document(path: _Path, kind: str = "msa"):  # type: ignore[no-untyped-def]
    """A Document from a shipped .txt fixture: pages split on form feeds, clauses on 'N. Heading' lines."""
    from assistant.models import Clause, Document, DocumentKind, Page

    raw = path.read_text(encoding="utf-8")
    text = raw.replace("\f", "\n")  # same length: offsets stay valid
    breaks = [m.start() for m in _re.finditer("\f", raw)]
    bounds = [0, *breaks, len(text)]
    pages = [Page(number=i + 1, start=bounds[i], end=bounds[i + 1]) for i in range(len(bounds) - 1)]
    sha = _hashlib.sha256(raw.encode("utf-8")).hexdigest()
    doc_id = sha[:16]
    heads = list(_re.finditer(r"(?m)^(\d+)\.\s+(.+)$", text))
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
                hits = sum(len(_re.findall(cue, clause.text, _re.IGNORECASE)) for cue in req.cues)
                if hits:
                    scored.append(Candidate(clause, doc, float(hits), frozenset({"cue"})))
        out[req.id] = sorted(scored, key=lambda c: -c.score)[:6]
    return out


# --- API client fixtures (issue 5) -------------------------------------------------------------------
import io as _io  # noqa: E402
import time as _time  # noqa: E402
from collections.abc import Iterator as _Iterator  # noqa: E402
from typing import TYPE_CHECKING, Any  # noqa: E402

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

ROLES = ("procurement", "legal", "cfo", "admin")


class Api:
    """A TestClient plus one token per role."""

    def __init__(self, client: TestClient, tokens: dict[str, str]) -> None:
        self.client = client
        self.tokens = tokens

    def h(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def get(self, path: str, role: str = "admin", **kw: Any) -> Any:
        return self.client.get(path, headers=self.h(role), **kw)

    def post(self, path: str, role: str = "admin", **kw: Any) -> Any:
        return self.client.post(path, headers=self.h(role), **kw)

    def wait(self, job_id: str, timeout: float = 120) -> dict[str, Any]:
        deadline = _time.monotonic() + timeout
        while _time.monotonic() < deadline:
            job = self.get(f"/api/v1/jobs/{job_id}").json()
            if job["status"] in ("done", "failed"):
                return job  # type: ignore[no-any-return]
            _time.sleep(0.1)
        raise AssertionError(f"job {job_id} still {job['status']} after {timeout}s")

    def upload(self, files: list[tuple[str, bytes]], family: str = "acme", **form: Any) -> dict[str, Any]:
        resp = self.post(
            "/api/v1/documents",
            "procurement",
            files=[("files", (name, _io.BytesIO(data))) for name, data in files],
            data={"family": family, **form},
        )
        assert resp.status_code == 202, resp.text
        return self.wait(resp.json()["id"])


@pytest.fixture
def api(db_url: str, tmp_path: Any) -> _Iterator[Api]:
    """A running app (lifespan entered) on `db_url`, with one user and token per role."""
    from fastapi.testclient import TestClient

    from api.app import create_app

    app = create_app(api_settings(tmp_path / "data", db_url))
    with TestClient(app) as client:
        users = app.state.services.users
        yield Api(client, {r: users.create_user(f"{r}-user", r)[1] for r in ROLES})


@pytest.fixture
def reviewed(api: Api) -> tuple[Api, str, str]:
    """A family 'acme' uploaded and reviewed: (api, review id, document id)."""
    job = api.upload([("msa.txt", MSA_TEXT.encode())])
    assert job["status"] == "done", job
    return api, job["result"]["review_id"], job["result"]["documents"][0]


@pytest.fixture
def cli_env(tmp_path: _Path, monkeypatch: pytest.MonkeyPatch) -> _Iterator[dict[str, str]]:
    """Environment for CLI tests: a fresh data dir, no embeddings, no LLM; settings re-read."""
    from assistant.settings import get_settings

    env = {
        "CLAUSEGATE_STORE__DATA_DIR": str(tmp_path / "data"),
        "CLAUSEGATE_INDEX__EMBEDDING_PROVIDER": "none",
        "CLAUSEGATE_LLM__MODE": "off",
    }
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    get_settings.cache_clear()
    yield env
    get_settings.cache_clear()
