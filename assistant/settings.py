"""The one settings object. Read from environment variables (prefix CLAUSEGATE_, nested with '__')
and an optional `.env` file; nothing else in the code reads the environment.

Examples: CLAUSEGATE_STORE__URL=postgresql+psycopg://localhost/test,
CLAUSEGATE_LLM__API_KEY=sk-..., CLAUSEGATE_LLM__BASE_URL=http://localhost:8000/v1.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class StoreSettings(_Section):
    data_dir: Path = Field(
        default=Path(".clausegate"),
        description="Folder for the SQLite database, the Chroma index and uploaded originals.",
    )
    url: str | None = Field(
        default=None,
        description="SQLAlchemy URL of the store; default is a SQLite file 'clausegate.db' in data_dir.",
    )

    def sqlalchemy_url(self) -> str:
        return self.url or f"sqlite:///{(self.data_dir / 'clausegate.db').as_posix()}"


class IndexSettings(_Section):
    chroma_path: Path | None = Field(
        default=None, description="Folder of the embedded Chroma index; default data_dir/chroma."
    )
    chroma_host: str | None = Field(
        default=None, description="Host of a Chroma server; when set, the HTTP client is used instead."
    )
    chroma_port: int = Field(default=8000, description="Port of the Chroma server.")
    collection: str = Field(default="clauses", description="Chroma collection name.")
    embedding_provider: Literal["local", "openai", "none"] = Field(
        default="local",
        description="'local' = all-MiniLM-L6-v2 offline; 'openai' = OpenAI embeddings; 'none' = lexical only.",
    )
    openai_embedding_model: str = Field(
        default="text-embedding-3-small", description="OpenAI embedding model."
    )
    batch_size: int = Field(default=64, description="Clauses embedded per batch.")


class IngestSettings(_Section):
    max_bytes: int = Field(default=25 * 1024 * 1024, description="Largest accepted file, in bytes.")


class LLMSettings(_Section):
    mode: Literal["auto", "on", "off"] = Field(
        default="auto", description="auto = use the model when an API key or base_url is configured."
    )
    model: str = Field(default="gpt-4o-mini", description="Chat model name.")
    base_url: str | None = Field(default=None, description="OpenAI-compatible server URL (vLLM, Ollama...).")
    api_key: SecretStr | None = Field(default=None, description="API key; also read from OPENAI_API_KEY.")
    temperature: float = Field(default=0.0, description="Sampling temperature.")
    timeout_seconds: float = Field(default=30.0, description="Timeout of one model request.")
    max_retries: int = Field(default=3, description="Retries on 429/5xx/timeouts, with backoff.")
    max_tokens_per_review: int = Field(default=60_000, description="Token budget of one review.")
    concurrency: int = Field(default=4, description="Model requests in flight at once.")
    prices_per_million: dict[str, tuple[float, float]] = Field(
        default_factory=lambda: {
            "gpt-4o-mini": (0.15, 0.60),
            "gpt-4o": (2.50, 10.00),
            "gpt-4.1-mini": (0.40, 1.60),
            "gpt-4.1": (2.00, 8.00),
        },
        description="USD per million (prompt, completion) tokens, for cost estimates.",
    )
    backoff_seconds: float = Field(
        default=1.0, description="Base of the exponential backoff between retries (doubles per retry)."
    )
    structured_output: Literal["json_schema", "function_calling"] = Field(
        default="json_schema",
        description="How the model is asked for JSON: OpenAI structured outputs, or a forced tool call "
        "(for OpenAI-compatible servers without json_schema support).",
    )
    cache: bool = Field(default=True, description="Cache model replies on disk under data_dir/llm_cache.")
    requirements_per_call: int = Field(
        default=12,
        description="Requirements judged together in one call (fewer calls repeat the system prompt less).",
    )
    clauses_per_requirement: int = Field(default=3, description="Top candidate clauses sent per requirement.")
    max_clause_chars: int = Field(
        default=1200, description="Longest excerpt of one clause sent to the model."
    )
    upgrade_missing: bool = Field(
        default=True,
        description="Let the model's verified, relevant quote turn a rules 'missing' into present/weak (always "
        "flagged for legal review); false: the gap stays 'missing', flagged, with the model's passage named.",
    )

    def configured(self, fallback_key: SecretStr | None = None) -> bool:
        """True when a key (own or `fallback_key`) or a base_url is set: what `mode=auto` switches on."""
        return bool(self.base_url or self.api_key or fallback_key)


class ReviewSettings(_Section):
    playbook: str = Field(default="default", description="Playbook name ('default', 'cuad') or YAML path.")
    candidates_per_requirement: int = Field(default=6, description="Candidate clauses kept per requirement.")
    use_vector_search: bool = Field(default=True, description="Add vector-search candidates to lexical ones.")


class ApiSettings(_Section):
    session_secret: SecretStr | None = Field(
        default=None,
        description="Key that signs web session cookies; default: a random key kept in data_dir/session.key.",
    )
    session_max_age_seconds: int = Field(default=8 * 3600, description="Web session lifetime.")
    cookie_secure: bool = Field(
        default=True,
        description="Send the session cookie only over HTTPS; turn off for plain-HTTP localhost.",
    )
    max_files_per_upload: int = Field(default=20, description="Files accepted in one upload request.")
    job_workers: int = Field(default=1, description="Background threads running ingestion and review jobs.")


class Settings(BaseSettings):
    """All configuration of clausegate."""

    model_config = SettingsConfigDict(
        env_prefix="CLAUSEGATE_",
        env_nested_delimiter="__",
        env_file=".env",
        extra="forbid",
    )

    store: StoreSettings = Field(default_factory=StoreSettings)
    index: IndexSettings = Field(default_factory=IndexSettings)
    ingest: IngestSettings = Field(default_factory=IngestSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    review: ReviewSettings = Field(default_factory=ReviewSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    openai_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("OPENAI_API_KEY", "openai_api_key"),
        description="The standard OPENAI_API_KEY variable; used when llm.api_key is not set.",
    )

    def llm_api_key(self) -> SecretStr | None:
        """The model API key in effect: llm.api_key, else OPENAI_API_KEY."""
        return self.llm.api_key or self.openai_api_key

    def chroma_path(self) -> Path:
        return self.index.chroma_path or (self.store.data_dir / "chroma")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings (tests build their own `Settings(...)` instead)."""
    return Settings()
