"""The one settings object. Read from environment variables (prefix CLAUSEGATE_, nested with '__')
and an optional `.env` file; nothing else in the code reads the environment.

Examples: CLAUSEGATE_STORE__URL=postgresql+psycopg://localhost/test,
CLAUSEGATE_LLM__API_KEY=sk-..., CLAUSEGATE_LLM__BASE_URL=http://localhost:8000/v1.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr
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
    openai_embedding_model: str = Field(default="text-embedding-3-small", description="OpenAI embedding model.")
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


class ReviewSettings(_Section):
    playbook: str = Field(default="default", description="Playbook name ('default', 'cuad') or YAML path.")
    candidates_per_requirement: int = Field(default=6, description="Candidate clauses kept per requirement.")
    use_vector_search: bool = Field(default=True, description="Add vector-search candidates to lexical ones.")


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

    def chroma_path(self) -> Path:
        return self.index.chroma_path or (self.store.data_dir / "chroma")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Process-wide settings (tests build their own `Settings(...)` instead)."""
    return Settings()
