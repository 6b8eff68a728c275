"""Typed errors. Every message names the file (or value), what is wrong and what to do."""

from __future__ import annotations

from pathlib import Path


class ClausegateError(Exception):
    """Base of every error the product raises on purpose; the CLI prints it and exits 2."""

    exit_code = 2


class IngestError(ClausegateError):
    """A file could not be turned into a Document."""

    cause = "unreadable"

    def __init__(self, path: str | Path, problem: str, fix: str) -> None:
        self.path = str(path)
        self.problem = problem
        self.fix = fix
        super().__init__(f"{Path(self.path).name}: {problem}. {fix}")


class UnsupportedFileType(IngestError):
    cause = "unsupported_type"


class CorruptFile(IngestError):
    cause = "corrupt"


class EncryptedPdf(IngestError):
    cause = "encrypted"


class NoTextLayer(IngestError):
    cause = "needs_ocr"


class EmptyDocument(IngestError):
    cause = "empty"


class FileTooLarge(IngestError):
    cause = "too_large"


class PlaybookError(ClausegateError):
    """A playbook file is missing or invalid."""


class ConfigError(ClausegateError):
    """The configuration is invalid or incomplete."""


class NotFound(ClausegateError):
    """A stored object does not exist."""


class LLMError(ClausegateError):
    """The model could not be used (after retries); reviews fall back to the rules."""
