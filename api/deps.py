"""Request dependencies as `Annotated` aliases: services, the current user and role checks.

API clients authenticate with `Authorization: Bearer <token>`; web pages with the signed session cookie,
and every unsafe request made with the cookie must carry the session's CSRF token (form field
`csrf_token` or header `X-CSRF-Token`).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request, status

from api.services import Services
from assistant.settings import Settings
from assistant.users import Role, User

SESSION_COOKIE = "clausegate_session"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def get_services(request: Request) -> Services:
    """The services built by the lifespan."""
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_settings(services: ServicesDep) -> Settings:
    return services.settings


SettingsDep = Annotated[Settings, Depends(get_settings)]


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


async def _csrf_ok(request: Request, services: Services, session: str) -> bool:
    token = request.headers.get("x-csrf-token")
    if token is None and "form" in request.headers.get("content-type", ""):
        token = str((await request.form()).get("csrf_token") or "")
    return services.signer.check_csrf(session, token)


async def current_user(request: Request, services: ServicesDep) -> User:
    """The authenticated user (bearer token or session cookie); 401 otherwise, 403 on a bad CSRF token."""
    token = _bearer(request)
    if token is not None:
        user = services.users.authenticate(token)
        if user is None:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "invalid or revoked API token")
        return user
    session = request.cookies.get(SESSION_COOKIE)
    found = services.signer.read(session) if session else None
    user = services.users.get_by_id(found[0]) if found else None
    if user is None or not user.active or session is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED,
            "not authenticated: send 'Authorization: Bearer <token>' or log in at /login",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if request.method not in SAFE_METHODS and not await _csrf_ok(request, services, session):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, "missing or wrong CSRF token; reload the page and retry"
        )
    return user


CurrentUser = Annotated[User, Depends(current_user)]


class Allow:
    """Dependency that admits only the given roles; its `roles` are read by the role-matrix test."""

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)

    def __call__(self, user: CurrentUser) -> User:
        if user.role not in self.roles:
            allowed = ", ".join(sorted(r.value for r in self.roles))
            raise HTTPException(
                status.HTTP_403_FORBIDDEN, f"role {user.role.value!r} may not do this; allowed: {allowed}"
            )
        return user


def require_role(*roles: Role) -> Any:
    """`Annotated[User, Depends(Allow(*roles))]`, for ad-hoc use; the aliases below are spelled out so that
    type checkers see them as types."""
    return Annotated[User, Depends(Allow(*roles))]


ALL = (Role.procurement, Role.legal, Role.cfo, Role.admin)
Reader = Annotated[User, Depends(Allow(*ALL))]
DocReader = Annotated[User, Depends(Allow(Role.procurement, Role.legal, Role.admin))]
Uploader = Annotated[User, Depends(Allow(Role.procurement, Role.admin))]
FindingReader = Annotated[User, Depends(Allow(*ALL))]
Decider = Annotated[User, Depends(Allow(Role.legal))]
Admin = Annotated[User, Depends(Allow(Role.admin))]
Auditor = Annotated[User, Depends(Allow(Role.legal, Role.cfo, Role.admin))]
IntakeEditor = Annotated[User, Depends(Allow(Role.procurement, Role.admin))]
MemoMaker = Annotated[User, Depends(Allow(Role.procurement, Role.cfo, Role.admin))]
CFO = Annotated[User, Depends(Allow(Role.cfo))]
