"""`clausegate users create` prints a working token; `clausegate audit verify` exits 3 on tampering."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from assistant.cli import app
from assistant.settings import get_settings
from assistant.store import Store
from assistant.users import UserService


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("CLAUSEGATE_STORE__DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("CLAUSEGATE_STORE__URL", raising=False)
    get_settings.cache_clear()
    yield tmp_path / "data"
    get_settings.cache_clear()


def test_users_create_prints_token_and_audit_verify_detects_tampering(data_dir: Path) -> None:
    runner = CliRunner()
    created = runner.invoke(app, ["users", "create", "dana", "--role", "legal"])
    assert created.exit_code == 0, created.output
    token = created.stdout.strip().splitlines()[-1]
    engine = Store(get_settings()).engine
    user = UserService(engine).authenticate(token)
    assert user is not None and user.name == "dana" and user.role.value == "legal"
    again = runner.invoke(app, ["users", "create", "dana", "--role", "cfo"])
    assert again.exit_code == 2 and "'dana' already exists" in again.output
    ok = runner.invoke(app, ["audit", "verify", "--json"])
    assert ok.exit_code == 0 and '"ok": true' in ok.stdout and '"count": 1' in ok.stdout
    with engine.begin() as conn:
        conn.execute(text('UPDATE cg_audit_events SET after = \'{"role": "admin"}\' WHERE seq = 1'))
    broken = runner.invoke(app, ["audit", "verify"])
    assert broken.exit_code == 3 and "seq 1" in broken.stdout
