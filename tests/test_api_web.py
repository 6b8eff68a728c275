"""Web pages through TestClient: token login with a signed HttpOnly cookie, CSRF on every form, role
checks, upload without JavaScript, the legal decision form, intake errors at the field, escaping."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support.api import Api
from tests.support.db import MSA_TEXT

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


def _login(api: Api, role: str) -> None:
    page = api.client.get("/login")
    nonce = re.search(r'name="login_csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    resp = api.client.post(
        "/login", data={"token": api.tokens[role], "login_csrf": nonce}, follow_redirects=False
    )
    assert resp.status_code == 303, resp.text


def _csrf(html: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)  # type: ignore[union-attr]


def test_login_sets_secure_session_cookie_and_rejects_bad_tokens(api: Api) -> None:
    assert api.client.get("/", follow_redirects=False).headers["location"] == "/login?next=/"
    page = api.client.get("/login")
    nonce = re.search(r'name="login_csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    bad = api.client.post("/login", data={"token": "cg_wrong", "login_csrf": nonce})
    assert bad.status_code == 401 and "not valid" in bad.text
    forged = api.client.post("/login", data={"token": api.tokens["legal"], "login_csrf": "forged"})
    assert forged.status_code == 401
    page = api.client.get("/login")
    nonce = re.search(r'name="login_csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
    ok = api.client.post(
        "/login",
        data={"token": api.tokens["legal"], "login_csrf": nonce, "next": "//evil.example"},
        follow_redirects=False,
    )
    assert ok.status_code == 303 and ok.headers["location"] == "/"
    cookie = ok.headers["set-cookie"]
    assert "clausegate_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    home = api.client.get("/")
    assert home.status_code == 200 and "legal-user" in home.text
    assert (
        home.headers["x-frame-options"] == "SAMEORIGIN"
        and "script-src 'self'" in home.headers["content-security-policy"]
    )


def test_forms_need_the_csrf_token(api: Api) -> None:
    _login(api, "procurement")
    no_token = api.client.post("/upload", files={"files": ("a.txt", MSA_TEXT.encode())}, data={"family": "x"})
    assert no_token.status_code == 403 and "CSRF" in no_token.text
    wrong = api.client.post("/logout", data={"csrf_token": "nope"})
    assert wrong.status_code == 403
    # the cookie alone is not enough for the JSON API either
    assert api.client.post("/api/v1/reviews", json={"family": "x"}).status_code == 403
    token = _csrf(api.client.get("/upload").text)
    assert api.client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303


def test_role_checks_on_pages(api: Api) -> None:
    _login(api, "legal")
    assert api.client.get("/upload").status_code == 403
    assert api.client.get("/projects/new").status_code == 403
    _login(api, "cfo")
    assert api.client.get("/upload").status_code == 403
    assert api.client.get("/").status_code == 200


def _upload_via_form(api: Api, files: list[tuple[str, bytes]]) -> Any:
    token = _csrf(api.client.get("/upload").text)
    return api.client.post(
        "/upload",
        files=[("files", f) for f in files],
        data={"family": "acme", "csrf_token": token},
        follow_redirects=False,
    )


def test_upload_form_then_decision_form_and_escaped_text(api: Api) -> None:
    _login(api, "procurement")
    evil = MSA_TEXT + "\n7. Notices\nNotices go to <script>alert(1)</script> the address above.\n"
    resp = _upload_via_form(api, [("msa.txt", evil.encode())])
    assert resp.status_code == 303 and resp.headers["location"].startswith("/jobs/")
    job = api.wait(resp.headers["location"].rsplit("/", 1)[1])
    assert job["status"] == "done"
    review_id, doc_id = job["result"]["review_id"], job["result"]["documents"][0]
    job_page = api.client.get(resp.headers["location"]).text
    assert f'href="/reviews/{review_id}"' in job_page
    doc_page = api.client.get(f"/documents/{doc_id}?review={review_id}").text
    assert "<script>alert(1)</script>" not in doc_page and "&lt;script&gt;alert(1)&lt;/script&gt;" in doc_page
    assert re.search(r'<mark class="ev ev-\w+" data-req="[^"]*audit_rights', doc_page)
    rejected = _upload_via_form(api, [("virus.exe", b"MZ")])
    assert rejected.status_code == 415 and "virus.exe" in rejected.text

    _login(api, "legal")
    page = api.client.get(f"/reviews/{review_id}").text
    gap = re.search(r'<tr id="f-(\w+)" class="st-missing"', page).group(1)  # type: ignore[union-attr]
    url = f"/reviews/{review_id}/findings/{gap}/decide"
    missing_owner = api.client.post(
        url, data={"csrf_token": _csrf(page), "action": "accept_risk", "reason": "ok"}
    )
    assert missing_owner.status_code == 422 and "risk_owner" in missing_owner.text
    done = api.client.post(
        url,
        data={
            "csrf_token": _csrf(page),
            "action": "accept_risk",
            "reason": "low exposure",
            "risk_owner": "Dana Roe",
        },
        follow_redirects=False,
    )
    assert done.status_code == 303
    page = api.client.get(f"/reviews/{review_id}").text
    assert re.search(rf'<tr id="f-{gap}".*?data-state="risk_accepted"', page, re.S)
    row = re.search(rf'<tr id="f-{gap}".*?</tr>', page, re.S).group(0)  # type: ignore[union-attr]
    assert "History (1)" in row and "open → <b>risk_accepted</b>: low exposure (risk owner Dana Roe)" in row
    history = api.get(f"/api/v1/reviews/{review_id}/findings/{gap}/history").json()
    assert (
        history[-1]["actor"] == "legal-user" and history[-1]["after"]["decision"]["risk_owner"] == "Dana Roe"
    )


def test_intake_form_shows_errors_at_the_field(api: Api) -> None:
    _login(api, "procurement")
    token = _csrf(api.client.get("/projects/new").text)
    form = {"csrf_token": token, "name": "crm", "vendor": "Acme", "stage": "discovery", "target_gate": "pilot",
            "business_problem": "Leads are lost.", "advanced": '{"kpis": [{"name": 5}]}'}  # fmt: skip
    bad = api.client.post("/projects/new", data=form)
    assert bad.status_code == 422
    assert 'data-field="advanced"' in bad.text and "kpis.0." in bad.text and "Leads are lost." in bad.text
    bad_stage = api.client.post("/projects/new", data=form | {"stage": "launch", "advanced": ""})
    assert bad_stage.status_code == 422 and re.search(
        r'data-field="stage">stage: Input should be', bad_stage.text
    )
    not_json = api.client.post("/projects/new", data=form | {"advanced": "{kpis"})
    assert not_json.status_code == 422 and 'data-field="advanced"' in not_json.text
    ok = api.client.post("/projects/new", data=form | {"advanced": ""}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/projects/crm/memo"
    intake = api.client.get("/projects/crm/intake").text
    saved = api.client.post(
        "/projects/crm/intake",
        data={
            "csrf_token": _csrf(intake),
            "business_problem": "Leads are lost daily.",
            "data_sensitivity": "personal",
        },
        follow_redirects=False,
    )
    assert saved.status_code == 303
    project = api.get("/api/v1/projects/crm").json()
    assert project["intake"]["business_problem"] == "Leads are lost daily."
    assert project["intake"]["data_sensitivity"] == "personal"


def test_unknown_objects_give_an_error_page(api: Api) -> None:
    _login(api, "legal")
    resp = api.client.get("/reviews/nope")
    assert resp.status_code == 404 and resp.headers["content-type"].startswith("text/html")
    assert "review &#39;nope&#39; is not in the store" in resp.text  # autoescaped
    assert api.get("/api/v1/reviews/nope").json()["detail"].startswith("review 'nope'")
