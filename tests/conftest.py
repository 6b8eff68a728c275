"""Shared pytest fixtures and hooks. They live in `tests/support/` by subject (databases, documents and
embedders, the LLM seam and its cassettes, API and CLI clients); importing them here registers them."""

from __future__ import annotations

from tests.support.api import api, cli_env, reviewed
from tests.support.db import db_url
from tests.support.documents import fake_embedder, local_embedder, make_doc, settings
from tests.support.llm import (
    _no_unrecorded_model_requests,
    _register_unrecorded_errors,
    llm_settings,
    pytest_addoption,
    pytest_recording_configure,
    vcr_config,
)

__all__ = [
    "_no_unrecorded_model_requests",
    "_register_unrecorded_errors",
    "api",
    "cli_env",
    "db_url",
    "fake_embedder",
    "llm_settings",
    "local_embedder",
    "make_doc",
    "pytest_addoption",
    "pytest_recording_configure",
    "reviewed",
    "settings",
    "vcr_config",
]
