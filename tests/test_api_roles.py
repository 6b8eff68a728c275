"""The whole role x route matrix: every /api/v1 route is listed here with the roles allowed to call it;
each role gets 403 exactly where it is not allowed, and no route answers without authentication."""

from __future__ import annotations

import re

import pytest

from tests.support.api import ROLES, Api

P, L, C, A = "procurement", "legal", "cfo", "admin"
EVERYONE = {P, L, C, A}
OPEN = {("GET", "/api/v1/health"), ("GET", "/api/v1/ready")}
MATRIX: dict[tuple[str, str], set[str]] = {
    ("GET", "/api/v1/me"): EVERYONE,
    ("GET", "/api/v1/users"): {A},
    ("POST", "/api/v1/users"): {A},
    ("POST", "/api/v1/users/{name}/tokens"): {A},
    ("DELETE", "/api/v1/users/{name}/tokens"): {A},
    ("PUT", "/api/v1/users/{name}/active"): {A},
    ("GET", "/api/v1/playbooks"): EVERYONE,
    ("GET", "/api/v1/settings"): {A},
    ("POST", "/api/v1/documents"): {P, A},
    ("GET", "/api/v1/jobs/{job_id}"): EVERYONE,
    ("GET", "/api/v1/documents"): {P, L, A},
    ("GET", "/api/v1/families"): {P, L, A},
    ("GET", "/api/v1/documents/{document_id}"): {P, L, A},
    ("GET", "/api/v1/documents/{document_id}/clauses"): {P, L, A},
    ("GET", "/api/v1/documents/{document_id}/original"): {P, L, A},
    ("GET", "/api/v1/search"): {P, L, A},
    ("POST", "/api/v1/reviews"): {P, A},
    ("GET", "/api/v1/reviews"): EVERYONE,
    ("GET", "/api/v1/reviews/{review_id}"): EVERYONE,
    ("GET", "/api/v1/reviews/{review_id}/findings"): EVERYONE,
    ("GET", "/api/v1/reviews/{review_id}/queue"): EVERYONE,
    ("POST", "/api/v1/reviews/{review_id}/findings/{requirement}/decisions"): {L},
    ("POST", "/api/v1/reviews/{review_id}/findings/{requirement}/comments"): EVERYONE,
    ("GET", "/api/v1/reviews/{review_id}/findings/{requirement}/history"): EVERYONE,
    ("GET", "/api/v1/reviews/{review_id}/export.docx"): {P, L, A},
    ("GET", "/api/v1/reviews/{review_id}/findings.csv"): EVERYONE,
    ("GET", "/api/v1/reviews/{review_id}/findings.xlsx"): EVERYONE,
    ("GET", "/api/v1/projects/{name}/evidence-pack.zip"): {L, C, A},
    ("GET", "/api/v1/projects"): EVERYONE,
    ("POST", "/api/v1/projects"): {P, A},
    ("GET", "/api/v1/projects/{name}"): EVERYONE,
    ("PUT", "/api/v1/projects/{name}/intake"): {P, A},
    ("GET", "/api/v1/projects/{name}/assessment"): EVERYONE,
    ("POST", "/api/v1/projects/{name}/memos"): {P, C, A},
    ("GET", "/api/v1/projects/{name}/memos/latest"): EVERYONE,
    ("POST", "/api/v1/projects/{name}/gate-decision"): {C},
    ("GET", "/api/v1/events"): EVERYONE,
    ("GET", "/api/v1/audit/verify"): {L, C, A},
    ("GET", "/api/v1/audit/events"): {A},
}


def _api_routes(api: Api) -> set[tuple[str, str]]:
    paths = api.client.get("/openapi.json").json()["paths"]
    return {(m.upper(), p) for p, ops in paths.items() if p.startswith("/api/v1") for m in ops}


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "unknown-id", path)


def test_every_api_route_is_in_the_matrix(api: Api) -> None:
    assert _api_routes(api) == set(MATRIX) | OPEN


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_role_matrix(api: Api) -> None:
    failures = []
    for (method, path), allowed in MATRIX.items():
        url = _concrete(path)
        anonymous = api.client.request(method, url, json={})
        if anonymous.status_code != 401:
            failures.append(f"{method} {path} without auth -> {anonymous.status_code}")
        for role in ROLES:
            status = api.client.request(method, url, headers=api.h(role), json={}).status_code
            if (status == 403) != (role not in allowed) or status == 401:
                failures.append(f"{method} {path} as {role} -> {status} (allowed: {sorted(allowed)})")
    assert not failures, "\n".join(failures)
    audit = api.get("/api/v1/audit/verify").json()
    assert audit["ok"] and audit["count"] == 0  # nothing was changed by refused or invalid calls


WEB_MATRIX: dict[tuple[str, str], set[str]] = {
    ("POST", "/logout"): EVERYONE,
    ("GET", "/"): EVERYONE,
    ("GET", "/upload"): {P, A},
    ("POST", "/upload"): {P, A},
    ("GET", "/jobs/{job_id}"): EVERYONE,
    ("GET", "/documents/{document_id}"): {P, L, A},
    ("GET", "/reviews/{review_id}"): EVERYONE,
    ("POST", "/reviews/{review_id}/findings/{requirement}/decide"): {L},
    ("POST", "/reviews/{review_id}/findings/{requirement}/comment"): EVERYONE,
    ("GET", "/projects/new"): {P, A},
    ("POST", "/projects/new"): {P, A},
    ("GET", "/projects/{name}/intake"): EVERYONE,
    ("POST", "/projects/{name}/intake"): {P, A},
    ("GET", "/projects/{name}/memo"): EVERYONE,
    ("GET", "/projects/{name}/memo.html"): EVERYONE,
    ("POST", "/projects/{name}/memo"): {P, C, A},
    ("POST", "/projects/{name}/gate-decision"): {C},
}
WEB_OPEN = {("GET", "/login"), ("POST", "/login")}


def _web_login(api: Api, role: str) -> str:
    page = api.client.get("/login")
    nonce = re.search(r'name="login_csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    api.client.post("/login", data={"token": api.tokens[role], "login_csrf": nonce}, follow_redirects=False)
    return re.search(r'name="csrf_token" value="([^"]+)"', api.client.get("/").text).group(1)  # type: ignore[union-attr]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_web_role_matrix(api: Api) -> None:
    from api.web import ROUTERS

    routes = {(m, r.path) for router in ROUTERS for r in router.routes for m in r.methods}  # type: ignore[attr-defined]
    assert routes == set(WEB_MATRIX) | WEB_OPEN
    failures = []
    walk = [(k, v) for k, v in WEB_MATRIX.items() if k != ("POST", "/logout")]
    for (method, path), _allowed in walk:
        anonymous = api.client.request(method, _concrete(path), follow_redirects=False)
        if anonymous.status_code != 303 or not anonymous.headers["location"].startswith("/login"):
            failures.append(f"{method} {path} anonymous -> {anonymous.status_code}")
    for role in ROLES:
        csrf = _web_login(api, role)
        for (method, path), allowed in walk:
            data = {"csrf_token": csrf} if method == "POST" else None
            status = api.client.request(
                method, _concrete(path), data=data, follow_redirects=False
            ).status_code
            if (status == 403) != (role not in allowed) or status in (401, 303):
                failures.append(f"{method} {path} as {role} -> {status} (allowed: {sorted(allowed)})")
    assert not failures, "\n".join(failures)
