"""Users, roles and API tokens.

A token is random (`cg_` + 32 bytes urlsafe), shown once when issued and stored only as its sha256.
Web pages log in by posting a token; `SessionSigner` then issues a signed, expiring session value for an
HttpOnly cookie and derives the per-session CSRF token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import time
import uuid
from enum import StrEnum

from pydantic import BaseModel, Field
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assistant.errors import ClausegateError, NotFound
from assistant.store_ext import ApiTokenRow, UserRow, create_tables, utcnow

TOKEN_PREFIX = "cg_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$")


class Role(StrEnum):
    """What a user may do: procurement uploads and runs reviews, legal decides findings, the CFO reads
    memos and records gate decisions, admin manages users, playbooks and settings."""

    procurement = "procurement"
    legal = "legal"
    cfo = "cfo"
    admin = "admin"


class User(BaseModel):
    """A person (or service account) who uses clausegate."""

    id: str = Field(description="User id (uuid4).")
    name: str = Field(description="Unique login name, shown in the audit trail.")
    role: Role = Field(description="procurement, legal, cfo or admin.")
    active: bool = Field(default=True, description="Inactive users cannot authenticate.")
    created_at: str = Field(description="UTC creation time, ISO-8601.")


class UserError(ClausegateError):
    """A user could not be created or changed (bad name, duplicate, unknown role)."""


def hash_token(token: str) -> str:
    """sha256 hex of a token: the only form stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _user(row: UserRow) -> User:
    return User(id=row.id, name=row.name, role=Role(row.role), active=row.active, created_at=row.created_at)


class UserService:
    """Users and their API tokens on a SQLAlchemy engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        create_tables(engine)

    def create_user(self, name: str, role: Role | str) -> tuple[User, str]:
        """Create a user and its first API token; returns (user, token). The token is not stored."""
        if not _NAME.match(name):
            raise UserError(
                f"user name {name!r} is invalid: use 1-100 letters, digits, '.', '_', '@' or '-'."
            )
        try:
            role = Role(role)
        except ValueError:
            raise UserError(
                f"role {role!r} is unknown: use one of {', '.join(r.value for r in Role)}."
            ) from None
        row = UserRow(id=str(uuid.uuid4()), name=name, role=role.value, active=True, created_at=utcnow())
        try:
            with Session(self.engine, expire_on_commit=False) as s, s.begin():
                s.add(row)
        except IntegrityError:
            raise UserError(
                f"user {name!r} already exists: pick another name or issue a new token."
            ) from None
        return _user(row), self.issue_token(name)

    def issue_token(self, name: str) -> str:
        """A new API token for user `name` (existing tokens stay valid)."""
        user = self.get(name)
        token = TOKEN_PREFIX + secrets.token_urlsafe(32)
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            s.add(
                ApiTokenRow(
                    id=str(uuid.uuid4()), user_id=user.id, token_hash=hash_token(token), created_at=utcnow()
                )
            )
        return token

    def revoke_tokens(self, name: str) -> int:
        """Revoke every token of user `name`; returns how many were revoked."""
        user = self.get(name)
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            rows = s.execute(select(ApiTokenRow).where(ApiTokenRow.user_id == user.id)).scalars().all()
            for r in rows:
                r.revoked = True
            return len(rows)

    def get(self, name: str) -> User:
        """User by name; raises NotFound."""
        with Session(self.engine, expire_on_commit=False) as s:
            row = s.execute(select(UserRow).where(UserRow.name == name)).scalar()
            if row is None:
                raise NotFound(f"user {name!r} does not exist: create it with `clausegate users create`.")
            return _user(row)

    def get_by_id(self, user_id: str) -> User | None:
        """User by id, or None."""
        with Session(self.engine, expire_on_commit=False) as s:
            row = s.get(UserRow, user_id)
            return _user(row) if row else None

    def list(self) -> list[User]:
        """All users, by name."""
        with Session(self.engine, expire_on_commit=False) as s:
            return [_user(r) for r in s.execute(select(UserRow).order_by(UserRow.name)).scalars()]

    def set_active(self, name: str, active: bool) -> User:
        """Enable or disable a user."""
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            row = s.execute(select(UserRow).where(UserRow.name == name)).scalar()
            if row is None:
                raise NotFound(f"user {name!r} does not exist.")
            if not active and row.active and row.role == Role.admin.value:
                admins = s.scalar(
                    select(func.count())
                    .select_from(UserRow)
                    .where(UserRow.role == Role.admin.value, UserRow.active.is_(True))
                )
                if (admins or 0) <= 1:
                    raise UserError(
                        f"user {name!r} is the last active admin; create or enable another admin first "
                        "(nobody could manage users otherwise)."
                    )
            row.active = active
            return _user(row)

    def authenticate(self, token: str) -> User | None:
        """The active user owning an unrevoked `token`, or None (constant-time on the hash lookup)."""
        if not token.startswith(TOKEN_PREFIX):
            return None
        with Session(self.engine, expire_on_commit=False) as s:
            row = s.execute(
                select(UserRow)
                .join(ApiTokenRow, ApiTokenRow.user_id == UserRow.id)
                .where(ApiTokenRow.token_hash == hash_token(token), ApiTokenRow.revoked.is_(False))
            ).scalar()
            return _user(row) if row and row.active else None


class SessionSigner:
    """Signed, expiring session values for the web cookie, and the CSRF token bound to each session."""

    def __init__(self, secret: bytes, max_age_seconds: int = 8 * 3600) -> None:
        self.secret = secret
        self.max_age = max_age_seconds

    def _mac(self, payload: str) -> str:
        return hmac.new(self.secret, payload.encode("utf-8"), hashlib.sha256).hexdigest()

    def issue(self, user_id: str) -> str:
        """Cookie value: base64(user_id|expiry|nonce).mac"""
        payload = f"{user_id}|{int(time.time()) + self.max_age}|{secrets.token_hex(8)}"
        body = base64.urlsafe_b64encode(payload.encode("utf-8")).decode("ascii")
        return f"{body}.{self._mac(body)}"

    def read(self, value: str) -> tuple[str, str] | None:
        """(user_id, session nonce) when the value is authentic and unexpired, else None."""
        body, _, mac = value.rpartition(".")
        if not body or not hmac.compare_digest(mac, self._mac(body)):
            return None
        try:
            user_id, expiry, nonce = base64.urlsafe_b64decode(body).decode("utf-8").split("|")
            if int(expiry) < time.time():
                return None
        except ValueError:
            return None
        return user_id, nonce

    def csrf_token(self, session_value: str) -> str:
        """CSRF token bound to one session (changes with every login)."""
        return self._mac("csrf:" + session_value)

    def check_csrf(self, session_value: str, token: str | None) -> bool:
        """True when `token` is the CSRF token of this session."""
        return bool(token) and hmac.compare_digest(self.csrf_token(session_value), token or "")
