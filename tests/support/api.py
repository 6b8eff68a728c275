"""API and CLI clients for tests: a TestClient with one token per role, an uploaded family, a CLI environment."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.support.db import MSA_TEXT, api_settings

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
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            job = self.get(f"/api/v1/jobs/{job_id}").json()
            if job["status"] in ("done", "failed"):
                return job  # type: ignore[no-any-return]
            time.sleep(0.1)
        raise AssertionError(f"job {job_id} still {job['status']} after {timeout}s")

    def upload(self, files: list[tuple[str, bytes]], family: str = "acme", **form: Any) -> dict[str, Any]:
        resp = self.post(
            "/api/v1/documents",
            "procurement",
            files=[("files", (name, io.BytesIO(data))) for name, data in files],
            data={"family": family, **form},
        )
        assert resp.status_code == 202, resp.text
        return self.wait(resp.json()["id"])


@pytest.fixture
def api(db_url: str, tmp_path: Any) -> Iterator[Api]:
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
def cli_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
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
