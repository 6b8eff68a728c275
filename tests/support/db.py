"""Databases for tests: a SQLite file or a fresh Postgres schema per test, and API settings on them."""

from __future__ import annotations

import os
import uuid

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

    schema = f"cg_{uuid.uuid4().hex[:12]}"
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
