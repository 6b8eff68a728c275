"""Login by API token (password-less), logout. The session cookie is signed, HttpOnly and SameSite=Lax;
the login form itself is protected by a double-submit CSRF cookie."""

from __future__ import annotations

import hmac
import secrets
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from api.deps import SESSION_COOKIE, ServicesDep
from api.web.common import PageUser, render

router = APIRouter()
LOGIN_CSRF_COOKIE = "clausegate_login_csrf"


def _safe_next(target: str | None) -> str:
    """Only same-site paths: no open redirects."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


@router.get("/login")
def login_page(request: Request, services: ServicesDep, next: str | None = None) -> Response:
    """The token login form."""
    nonce = secrets.token_urlsafe(24)
    resp = render(request, services, None, "login.html", login_csrf=nonce, next=_safe_next(next), error=None)
    resp.set_cookie(
        LOGIN_CSRF_COOKIE,
        nonce,
        httponly=True,
        samesite="strict",
        secure=services.settings.api.cookie_secure,
        max_age=900,
    )
    return resp


@router.post("/login")
def login(
    request: Request,
    services: ServicesDep,
    token: Annotated[str, Form()],
    login_csrf: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Check the token and the login CSRF pair; set the session cookie."""
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    user = services.users.authenticate(token.strip())
    if not expected or not hmac.compare_digest(expected, login_csrf) or user is None:
        error = "That token is not valid (or the form expired). Paste the token you were given and retry."
        nonce = secrets.token_urlsafe(24)
        resp = render(
            request,
            services,
            None,
            "login.html",
            status_code=401,
            login_csrf=nonce,
            next=_safe_next(next),
            error=error,
        )
        resp.set_cookie(
            LOGIN_CSRF_COOKIE,
            nonce,
            httponly=True,
            samesite="strict",
            secure=services.settings.api.cookie_secure,
            max_age=900,
        )
        return resp
    resp = RedirectResponse(_safe_next(next), status_code=303)
    resp.set_cookie(
        SESSION_COOKIE,
        services.signer.issue(user.id),
        httponly=True,
        samesite="lax",
        secure=services.settings.api.cookie_secure,
        max_age=services.settings.api.session_max_age_seconds,
    )
    resp.delete_cookie(LOGIN_CSRF_COOKIE)
    services.audit.append(user.name, "user.login", "user", user.name)
    return resp


@router.post("/logout")
def logout(_user: PageUser) -> Response:
    """Drop the session cookie (the POST is CSRF-checked by PageUser)."""
    resp = RedirectResponse("/login", status_code=303)
    resp.delete_cookie(SESSION_COOKIE)
    return resp
