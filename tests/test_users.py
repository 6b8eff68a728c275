"""Users, roles, hashed API tokens and signed web sessions."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from assistant.errors import NotFound
from assistant.users import Role, SessionSigner, UserError, UserService, hash_token


@pytest.fixture
def users(db_url: str) -> UserService:
    return UserService(create_engine(db_url))


def test_token_is_shown_once_and_stored_hashed(users: UserService) -> None:
    user, token = users.create_user("lena.legal", "legal")
    assert user.role == Role.legal and token.startswith("cg_") and len(token) > 40
    with users.engine.connect() as conn:
        stored = conn.execute(text("SELECT token_hash FROM cg_api_tokens")).scalars().all()
    assert stored == [hash_token(token)] and token not in stored
    assert users.authenticate(token) == user
    assert users.authenticate(token + "x") is None
    assert users.authenticate("not-a-token") is None


def test_revoked_tokens_and_inactive_users_cannot_authenticate(users: UserService) -> None:
    _, first = users.create_user("pat", Role.procurement)
    second = users.issue_token("pat")
    assert users.authenticate(first) and users.authenticate(second)
    users.set_active("pat", False)
    assert users.authenticate(second) is None
    users.set_active("pat", True)
    assert users.revoke_tokens("pat") == 2
    assert users.authenticate(first) is None and users.authenticate(second) is None


def test_bad_names_roles_and_duplicates_are_clear_errors(users: UserService) -> None:
    with pytest.raises(UserError, match="role 'boss' is unknown"):
        users.create_user("carl", "boss")
    with pytest.raises(UserError, match="user name '../x' is invalid"):
        users.create_user("../x", "cfo")
    users.create_user("carl", "cfo")
    with pytest.raises(UserError, match="already exists"):
        users.create_user("carl", "admin")
    with pytest.raises(NotFound, match="'nobody'"):
        users.issue_token("nobody")
    assert [u.name for u in users.list()] == ["carl"]


def test_session_values_are_signed_and_expire() -> None:
    signer = SessionSigner(b"k" * 32, max_age_seconds=60)
    value = signer.issue("user-1")
    assert signer.read(value) is not None and signer.read(value)[0] == "user-1"  # type: ignore[index]
    body, mac = value.split(".")
    assert signer.read(body + "." + "0" * len(mac)) is None
    assert SessionSigner(b"other" * 8).read(value) is None
    assert SessionSigner(b"k" * 32, max_age_seconds=-1).read(SessionSigner(b"k" * 32, -1).issue("u")) is None
    csrf = signer.csrf_token(value)
    assert signer.check_csrf(value, csrf)
    assert not signer.check_csrf(signer.issue("user-1"), csrf)
    assert not signer.check_csrf(value, None)
