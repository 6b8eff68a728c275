"""The extractor interface: a registry of callables that turn (requirement, family context) into a Finding.

Built-in extractors register through `register` exactly as a customer's own module would; a playbook
requirement names its extractor (default: its id). Shared machinery lives in `extractors.text`
(numbers, durations, sentences, negation) and here (candidates, evidence construction).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import import_module
from pathlib import Path

from assistant.evidence import evidence_at as evidence_for  # noqa: F401 - the extractors' name for it
from assistant.models import Clause, Document, Finding
from assistant.playbook import Requirement


@dataclass(frozen=True)
class Candidate:
    """A clause that may satisfy a requirement, with how it was found."""

    clause: Clause
    document: Document
    score: float
    via: frozenset[str] = frozenset()  # {"cue", "vector"}


VectorSearch = Callable[[str, int], list[tuple[str, float]]]
"""(query, k) -> [(clause_id, similarity 0..1)] restricted to the family under review."""


@dataclass
class ReviewContext:
    """The contract family under review, plus candidate retrieval."""

    documents: list[Document]
    vector_search: VectorSearch | None = None
    candidates_per_requirement: int = 6
    _by_id: dict[str, tuple[Clause, Document]] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        for doc in self.documents:
            for clause in doc.clauses:
                self._by_id[clause.id] = (clause, doc)

    def clauses(self) -> Iterable[tuple[Clause, Document]]:
        for doc in self.documents:
            for clause in doc.clauses:
                yield clause, doc

    def lookup(self, clause_id: str) -> tuple[Clause, Document] | None:
        return self._by_id.get(clause_id)

    def document(self, document_id: str) -> Document:
        for doc in self.documents:
            if doc.id == document_id:
                return doc
        raise KeyError(document_id)


Extractor = Callable[[Requirement, ReviewContext], Finding]

_REGISTRY: dict[str, Extractor] = {}
_BUILTIN_MODULES = ("extractors.generic", "extractors.controls", "extractors.cuad")


def register(name: str) -> Callable[[Extractor], Extractor]:
    """Decorator: make `fn` the extractor for requirements whose extractor name is `name`."""

    def deco(fn: Extractor) -> Extractor:
        _REGISTRY[name] = fn
        return fn

    return deco


def load_builtins() -> None:
    """Import the built-in extractor modules so that they register themselves."""
    for mod in _BUILTIN_MODULES:
        try:
            import_module(mod)
        except ModuleNotFoundError as exc:
            # NOTE: only the CUAD extractors may be absent (they are optional); anything else is a bug.
            if mod != "extractors.cuad" or exc.name != mod:
                raise


def get_extractor(name: str) -> Extractor:
    """The registered extractor `name`, or the generic cue-driven extractor when none is registered."""
    load_builtins()
    if name in _REGISTRY:
        return _REGISTRY[name]
    return _REGISTRY["generic"]


@lru_cache(maxsize=1)
def engine_fingerprint() -> str:
    """Hash of the rule engine's own code and data (every file of the `extractors` package): a stored
    review computed by other rules must not be reused after an upgrade."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix in {".py", ".gz", ".json", ".yaml"}
    ):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def registered() -> list[str]:
    load_builtins()
    return sorted(_REGISTRY)
