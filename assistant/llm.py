"""The one LLM seam: everything that talks to a model goes through `LLMClient`.

It builds a LangChain `ChatOpenAI` (OpenAI or any OpenAI-compatible `base_url`) from `Settings.llm`
and adds what a review needs around each structured call:

- structured output into a pydantic model, with malformed JSON caught (`include_raw=True`);
- its own retries with exponential backoff on 429 / 5xx / timeouts / connection errors (the SDK's
  retries are switched off so that attempts are counted, logged and testable);
- a per-review token budget and token/cost accounting (`UsageMeter` -> `assistant.models.Usage`);
- a disk cache keyed by (model, prompt version, inputs hash), so the same clause checked twice costs
  nothing the second time.

Every failure surfaces as `LLMFailure` (an `LLMError` with a `kind`), which callers turn into a
rules-only result. Exceptions listed in `UNRECORDED_ERRORS` are never swallowed: tests register the
"request not in cassette" errors there so an unrecorded model request fails the test.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import sqlite3
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import openai
from pydantic import BaseModel, Field, ValidationError

from assistant.errors import LLMError
from assistant.models import Usage
from assistant.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
Messages = Sequence[tuple[str, str]]  # (role, content), role in {"system", "user"}


class ModelRequestBlocked(RuntimeError):
    """Raised (in tests) when a model request is neither replayed from a cassette nor allowed."""


UNRECORDED_ERRORS: list[type[BaseException]] = [ModelRequestBlocked]
"""Exception types that must propagate out of the seam and the judge (tests add vcrpy's)."""


class LLMFailure(LLMError):
    """The model could not give a usable answer. `kind`: rate_limited, server_error, timeout,
    connection, malformed_output, budget, auth, bad_request."""

    def __init__(self, kind: str, detail: str, attempts: int = 1) -> None:
        self.kind = kind
        self.detail = detail
        self.attempts = attempts
        tries = f" after {attempts} attempt(s)" if attempts > 1 else ""
        super().__init__(f"LLM {kind}{tries}: {detail}")


def estimate_tokens(text: str) -> int:
    """Deterministic token estimate: ceil(chars / 4).

    NOTE: tiktoken is installed but downloads its BPE tables on first use, which would make the
    estimate depend on network access; chars/4 is close enough for budgets (real counts come
    from the API's `usage` and are what the review records)."""
    return math.ceil(len(text) / 4)


def messages_tokens(messages: Messages) -> int:
    """Estimated prompt tokens of a chat request (content plus a few tokens of framing per message)."""
    return sum(estimate_tokens(content) + 4 for _, content in messages)


class UsageMeter:
    """Thread-safe accumulator of the LLM usage of one review, with the review's token budget."""

    def __init__(self, model: str, budget_tokens: int, prices: dict[str, tuple[float, float]]) -> None:
        self.model = model
        self.budget_tokens = budget_tokens
        self._prices = prices
        self._lock = threading.Lock()
        self._usage = Usage(model=model)

    @property
    def spent_tokens(self) -> int:
        """Prompt plus completion tokens spent so far (cached calls cost nothing)."""
        return self._usage.prompt_tokens + self._usage.completion_tokens

    def add(self, prompt_tokens: int, completion_tokens: int, *, cached: bool = False) -> None:
        """Record one call (a cached one counts as a call but spends no tokens)."""
        with self._lock:
            u = self._usage
            u.calls += 1
            if cached:
                u.cached_calls += 1
                return
            u.prompt_tokens += prompt_tokens
            u.completion_tokens += completion_tokens
            p_in, p_out = self._prices.get(self.model, (0.0, 0.0))
            u.estimated_cost_usd = round((u.prompt_tokens * p_in + u.completion_tokens * p_out) / 1e6, 6)

    def fail(self, message: str) -> None:
        """Record an LLM failure (shown with the review's usage)."""
        with self._lock:
            self._usage.failures.append(message)

    def usage(self) -> Usage:
        """A snapshot of the accumulated usage."""
        with self._lock:
            return self._usage.model_copy(deep=True)


class ResponseCache:
    """Parsed model replies in a small SQLite table, keyed by (model, prompt version, inputs hash)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("CREATE TABLE IF NOT EXISTS replies (key TEXT PRIMARY KEY, model TEXT, reply TEXT)")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    @staticmethod
    def key(model: str, prompt_version: str, messages: Messages, schema: type[BaseModel]) -> str:
        """Cache key: sha256 over the model, the prompt version, the schema name and the messages."""
        payload = json.dumps([model, prompt_version, schema.__name__, list(messages)], ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()

    def get(self, key: str) -> dict[str, Any] | None:
        """The cached reply for `key`, or None."""
        with self._lock, self._connect() as db:
            row = db.execute("SELECT reply FROM replies WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else None

    def put(self, key: str, model: str, reply: dict[str, Any]) -> None:
        """Store a parsed reply."""
        with self._lock, self._connect() as db:
            db.execute("INSERT OR REPLACE INTO replies VALUES (?, ?, ?)", (key, model, json.dumps(reply)))


def _classify(exc: BaseException) -> tuple[str, bool]:
    """(failure kind, retryable) of an exception raised by a model call."""
    if isinstance(exc, openai.APITimeoutError):
        return "timeout", True
    if isinstance(exc, openai.APIConnectionError):
        return "connection", True
    if isinstance(exc, openai.RateLimitError):
        return "rate_limited", True
    if isinstance(exc, openai.APIStatusError):
        if exc.status_code >= 500:
            return "server_error", True
        if exc.status_code in (401, 403):
            return "auth", False
        return "bad_request", False
    if isinstance(exc, (ValidationError, ValueError, openai.LengthFinishReasonError)):
        return "malformed_output", False
    return "error", False


def reraise_unrecorded(exc: BaseException) -> None:
    """Re-raise the first exception in `exc`'s cause chain that is in `UNRECORDED_ERRORS`."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, tuple(UNRECORDED_ERRORS)):
            raise seen
        seen = seen.__cause__ or seen.__context__


class LLMClient:
    """Structured chat calls with retries, budget, accounting and caching. Built once per process."""

    def __init__(
        self,
        settings: Settings,
        *,
        http_client: Any | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        from langchain_openai import ChatOpenAI

        self.settings = settings
        cfg = settings.llm
        key = settings.llm_api_key()
        self.model = cfg.model
        self.chat = ChatOpenAI(
            model=cfg.model,
            base_url=cfg.base_url,
            # NOTE: local OpenAI-compatible servers accept any key; the SDK insists on one.
            api_key=key.get_secret_value() if key else "not-needed",  # type: ignore[arg-type]
            temperature=cfg.temperature,
            timeout=cfg.timeout_seconds,
            max_retries=0,  # retries are ours: counted, logged and fast in tests
            http_client=http_client,
        )
        self._sleep = sleep
        self.cache = ResponseCache(settings.store.data_dir / "llm_cache.sqlite3") if cfg.cache else None

    def meter(self) -> UsageMeter:
        """A fresh usage meter carrying this client's model, budget and price table."""
        cfg = self.settings.llm
        return UsageMeter(cfg.model, cfg.max_tokens_per_review, cfg.prices_per_million)

    def _runnable(self, schema: type[BaseModel]) -> Any:
        if self.settings.llm.structured_output == "function_calling":
            return self.chat.with_structured_output(schema, method="function_calling", include_raw=True)
        from openai.lib._pydantic import to_strict_json_schema

        # NOTE: a dict schema (not the class) keeps parsing on LangChain's side, so malformed JSON comes
        # back as `parsing_error` with the raw message and its token usage instead of an SDK exception.
        fmt = {"name": schema.__name__, "schema": to_strict_json_schema(schema), "strict": True}
        return self.chat.with_structured_output(fmt, method="json_schema", include_raw=True)

    def structured(self, schema: type[T], messages: Messages, *, prompt_version: str, meter: UsageMeter) -> T:
        """Ask the model for `schema`; raise `LLMFailure` when no valid reply is had within the retries."""
        cfg = self.settings.llm
        # NOTE: the endpoint and temperature are part of "the model" for caching purposes.
        model_id = f"{cfg.base_url or 'openai'}|{self.model}|t={cfg.temperature}"
        key = ResponseCache.key(model_id, prompt_version, messages, schema)
        if self.cache and (hit := self.cache.get(key)) is not None:
            meter.add(0, 0, cached=True)
            return schema.model_validate(hit)
        estimate = messages_tokens(messages)
        if meter.spent_tokens + estimate > meter.budget_tokens:
            raise LLMFailure(
                "budget",
                f"{estimate} more prompt tokens would pass the review budget of {meter.budget_tokens}",
            )
        reply = self._invoke_with_retries(schema, messages, meter)
        if self.cache:
            self.cache.put(key, self.model, reply.model_dump(mode="json"))
        return reply

    def _invoke_with_retries(self, schema: type[T], messages: Messages, meter: UsageMeter) -> T:
        attempts = self.settings.llm.max_retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return self._invoke_once(schema, messages, meter)
            except LLMFailure:
                raise
            except Exception as exc:  # noqa: BLE001 - classified below; unrecorded-request errors re-raised
                reraise_unrecorded(exc)
                kind, retryable = _classify(exc)
                detail = f"{type(exc).__name__}: {str(exc)[:200]}"
                if not retryable or attempt == attempts:
                    raise LLMFailure(kind, detail, attempt) from exc
                delay = self.settings.llm.backoff_seconds * 2 ** (attempt - 1)
                log.warning("LLM %s (attempt %d/%d), retrying in %.2fs", kind, attempt, attempts, delay)
                self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _invoke_once(self, schema: type[T], messages: Messages, meter: UsageMeter) -> T:
        out = self._runnable(schema).invoke(list(messages))
        raw = out.get("raw")
        usage = getattr(raw, "usage_metadata", None) or {}
        meter.add(int(usage.get("input_tokens", 0)), int(usage.get("output_tokens", 0)))
        parsed = out.get("parsed")
        if out.get("parsing_error") is not None or parsed is None:
            err = out.get("parsing_error")
            raise LLMFailure("malformed_output", f"reply is not valid {schema.__name__} JSON ({err!s:.120})")
        try:
            return parsed if isinstance(parsed, schema) else schema.model_validate(parsed)
        except ValidationError as exc:
            raise LLMFailure(
                "malformed_output", f"reply does not fit {schema.__name__}: {exc.errors()[:2]}"
            ) from exc

    def ping(self) -> str:
        """One tiny request (a few tokens) to check that the model answers; returns its text."""
        try:
            msg = self.chat.invoke([("user", "Reply with the single word: ok")], max_tokens=5)
        except Exception as exc:
            reraise_unrecorded(exc)
            kind, _ = _classify(exc)
            raise LLMFailure(kind, f"{type(exc).__name__}: {str(exc)[:200]}") from exc
        return str(msg.content).strip()


# ---------------------------------------------------------------- doctor: is the configuration usable?


class Check(BaseModel):
    """One line of `clausegate doctor`."""

    name: str = Field(description="What was checked, e.g. 'model reachable'.")
    ok: bool = Field(description="True when the check passed (or does not apply).")
    detail: str = Field(description="What was found.")
    fix: str = Field(default="", description="How to fix it, when it failed.")


def _check(name: str, probe: Callable[[], str], fix: str) -> Check:
    try:
        return Check(name=name, ok=True, detail=probe())
    except Exception as exc:  # noqa: BLE001 - doctor reports every failure instead of raising
        reraise_unrecorded(exc)
        return Check(name=name, ok=False, detail=f"{type(exc).__name__}: {str(exc)[:300]}", fix=fix)


def _llm_checks(settings: Settings, http_client: Any | None) -> list[Check]:
    cfg = settings.llm
    key = settings.llm_api_key()
    if cfg.mode == "off":
        return [
            Check(name="LLM", ok=True, detail="off (CLAUSEGATE_LLM__MODE=off): reviews use the rules only")
        ]
    if not cfg.configured(settings.openai_api_key):
        ok = cfg.mode == "auto"
        detail = "no API key and no base_url: reviews use the rules only"
        fix = (
            "Set OPENAI_API_KEY, or CLAUSEGATE_LLM__BASE_URL for an OpenAI-compatible server (vLLM, Ollama)."
        )
        return [Check(name="LLM key", ok=ok, detail=detail, fix="" if ok else fix)]
    where = cfg.base_url or "the OpenAI API"
    first = Check(name="LLM key", ok=True, detail=f"{'key set' if key else 'no key (local server)'}; {where}")

    def probe() -> str:
        reply = LLMClient(settings, http_client=http_client).ping()
        return f"{cfg.model} at {where} answered {reply[:20]!r}"

    fix = (
        f"Check the key, that model {cfg.model!r} exists at {where}, and the network; "
        "or set CLAUSEGATE_LLM__MODE=off."
    )
    return [first, _check("model reachable", probe, fix)]


def _probe_embeddings(settings: Settings) -> str:
    from assistant.embeddings import make_embedder

    embedder = make_embedder(settings)
    if embedder is None:
        return "embedding provider 'none': lexical candidate search only"
    vectors = embedder.embed(["clausegate doctor"])
    return f"{embedder.name} loaded ({len(vectors[0])} dimensions)"


def _probe_store(settings: Settings) -> str:
    from sqlalchemy import create_engine, text

    if settings.store.url is None and not settings.store.data_dir.is_dir():
        return f"no store yet in {str(settings.store.data_dir)!r}; it is created by the first ingest"
    engine = create_engine(settings.store.sqlalchemy_url())
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    finally:
        engine.dispose()
    return f"{engine.url.render_as_string(hide_password=True)} opens"


def _probe_index(settings: Settings) -> str:
    from assistant.index import make_client

    if not settings.index.chroma_host and not settings.chroma_path().is_dir():
        return f"no index yet in {str(settings.chroma_path())!r}; it is created by the first ingest"
    client = make_client(settings)
    client.heartbeat()
    return f"Chroma at {settings.index.chroma_host or settings.chroma_path()} answers"


def doctor(settings: Settings, *, http_client: Any | None = None) -> list[Check]:
    """Check the configuration: key present, model reachable (one tiny request), embedding model loads,
    store and index open. Never raises; each failed check says how to fix it."""
    return [
        *_llm_checks(settings, http_client),
        _check(
            "embedding model",
            lambda: _probe_embeddings(settings),
            "Reinstall the package (the local model ships with it) or set CLAUSEGATE_INDEX__EMBEDDING_PROVIDER=none.",
        ),
        _check(
            "store",
            lambda: _probe_store(settings),
            "Check CLAUSEGATE_STORE__URL, or that CLAUSEGATE_STORE__DATA_DIR exists and is writable.",
        ),
        _check(
            "index",
            lambda: _probe_index(settings),
            "Check CLAUSEGATE_INDEX__CHROMA_HOST/PORT, or that the index folder is writable.",
        ),
    ]


def format_checks(checks: Sequence[Check]) -> str:
    """Doctor output: one line per check, with the fix under each failure."""
    lines = []
    for c in checks:
        lines.append(f"[{'ok' if c.ok else 'FAIL'}] {c.name}: {c.detail}")
        if not c.ok and c.fix:
            lines.append(f"       fix: {c.fix}")
    return "\n".join(lines)
