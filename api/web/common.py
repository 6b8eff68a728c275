"""Shared pieces of the web pages: templates, the page user dependency, CSRF token for forms."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.responses import Response
from fastapi.templating import Jinja2Templates

from api.deps import SESSION_COOKIE, ServicesDep, current_user
from api.services import Services
from assistant.users import Role, User

PACKAGE_DIR = Path(__file__).resolve().parent.parent
STATIC_DIR = PACKAGE_DIR / "static"
templates = Jinja2Templates(directory=PACKAGE_DIR / "templates")  # NOTE: autoescape is on for .html


class LoginRequired(Exception):
    """Raised by page dependencies when there is no valid session: the handler redirects to /login."""


class PageForbidden(Exception):
    """The user's role may not open this page."""


async def page_user(request: Request, services: ServicesDep) -> User:
    """The session user of a page; redirects to /login when absent; CSRF-checked on POST."""
    try:
        return await current_user(request, services)
    except HTTPException as exc:
        if exc.status_code == 401:
            raise LoginRequired() from None
        raise


PageUser = Annotated[User, Depends(page_user)]


class PageAllow:
    """Page dependency admitting only `roles` (403 page otherwise)."""

    def __init__(self, *roles: Role) -> None:
        self.roles = frozenset(roles)

    def __call__(self, user: PageUser) -> User:
        if user.role not in self.roles:
            allowed = ", ".join(sorted(r.value for r in self.roles))
            raise PageForbidden(
                f"Your role ({user.role.value}) may not open this page; it is for: {allowed}."
            )
        return user


PageUploader = Annotated[User, Depends(PageAllow(Role.procurement, Role.admin))]
PageDocReader = Annotated[User, Depends(PageAllow(Role.procurement, Role.legal, Role.admin))]
PageLegal = Annotated[User, Depends(PageAllow(Role.legal))]
PageIntakeEditor = Annotated[User, Depends(PageAllow(Role.procurement, Role.admin))]
PageMemoMaker = Annotated[User, Depends(PageAllow(Role.procurement, Role.cfo, Role.admin))]
PageCFO = Annotated[User, Depends(PageAllow(Role.cfo))]


def csrf_for(request: Request, services: Services) -> str:
    """The CSRF token of the current session, for hidden form fields."""
    return services.signer.csrf_token(request.cookies.get(SESSION_COOKIE, ""))


def render(
    request: Request, services: Services, user: User | None, name: str, status_code: int = 200, **context: Any
) -> Response:
    """Render a page with the user, the CSRF token and the role flags every template needs."""
    role = user.role.value if user else ""
    base = {
        "user": user,
        "csrf": csrf_for(request, services) if user else "",
        "can_upload": role in ("procurement", "admin"),
        "can_decide": role == "legal",
        "can_edit_intake": role in ("procurement", "admin"),
        "can_make_memo": role in ("procurement", "cfo", "admin"),
        "is_cfo": role == "cfo",
    }
    return templates.TemplateResponse(request, name, base | context, status_code=status_code)
