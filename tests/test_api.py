"""The HTTP API end to end (TestClient, SQLite and Postgres): auth, uploads as jobs, reviews, legal
workflow, event feed and audit verification."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.api import Api
from tests.support.db import MSA_TEXT, api_settings

ROLES = ("procurement", "legal", "cfo", "admin")


def test_health_ready_and_authentication(api: Api) -> None:
    c = api.client
    assert c.get("/api/v1/health").json() == {"status": "ok"}
    assert c.get("/api/v1/ready").json()["status"] == "ready"
    assert c.get("/api/v1/me").status_code == 401
    assert c.get("/api/v1/me", headers={"Authorization": "Bearer cg_forged"}).status_code == 401
    me = api.get("/api/v1/me", "legal").json()
    assert me["name"] == "legal-user" and me["role"] == "legal"
    assert "/api/v1/documents" in c.get("/openapi.json").json()["paths"]


def test_admin_creates_user_token_shown_once_and_audited(api: Api) -> None:
    resp = api.post("/api/v1/users", json={"name": "nora", "role": "cfo"})
    assert resp.status_code == 201
    token = resp.json()["token"]
    me = api.client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()
    assert me["role"] == "cfo"
    assert token not in str(api.get("/api/v1/users").json())
    assert api.post("/api/v1/users", json={"name": "nora", "role": "cfo"}).status_code == 409
    bad = api.post("/api/v1/users", json={"name": "x", "role": "boss"})
    assert bad.status_code == 422 and "role" in str(bad.json()["detail"][0]["loc"])
    assert api.client.delete("/api/v1/users/nora/tokens", headers=api.h("admin")).json() == {"revoked": 1}
    assert api.client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    actions = [e["action"] for e in api.get("/api/v1/audit/events").json()]
    assert actions == ["user.create", "user.revoke"]


def test_upload_ingests_reviews_and_serves_document(reviewed: tuple[Api, str, str]) -> None:
    api, review_id, doc_id = reviewed
    docs = api.get("/api/v1/documents?family=acme", "legal").json()
    assert [d["filename"] for d in docs] == ["msa.txt"]
    original = api.get(f"/api/v1/documents/{doc_id}/original", "legal")
    assert original.content == MSA_TEXT.encode()
    clauses = api.get(f"/api/v1/documents/{doc_id}/clauses", "legal").json()
    assert any("Audit Rights" in (c["heading"] or "") for c in clauses)
    assert all(c["page_start"] == 1 for c in clauses)
    review = api.get(f"/api/v1/reviews/{review_id}", "cfo").json()
    assert review["family"] == "acme" and len(review["findings"]) >= 10
    audit = next(f for f in review["findings"] if f["requirement"] == "audit_rights")
    assert audit["status"] in ("present", "weak") and "audit" in audit["evidence"][0]["quote"].lower()
    missing = api.get(f"/api/v1/reviews/{review_id}/findings?status=missing", "legal").json()
    assert missing and all(f["status"] == "missing" for f in missing)
    assert api.get(f"/api/v1/reviews/{review_id}/findings?status=bogus", "legal").status_code == 422


def test_bad_uploads_fail_clearly(api: Api) -> None:
    resp = api.post(
        "/api/v1/documents", "procurement", files=[("files", ("evil.exe", b"MZ"))], data={"family": "acme"}
    )
    assert resp.status_code == 415 and "evil.exe" in resp.json()["detail"]
    job = api.upload([("good.txt", MSA_TEXT.encode()), ("broken.pdf", b"%PDF-1.4 not really a pdf")])
    assert job["status"] == "failed" and "broken.pdf" in job["error"]
    assert api.get("/api/v1/documents").json() == []  # all or nothing
    no_family = api.post("/api/v1/documents", "procurement", files=[("files", ("a.txt", b"x"))])
    assert no_family.status_code == 422 and "family" in str(no_family.json()["detail"])


def test_legal_workflow_states_history_and_audit(reviewed: tuple[Api, str, str]) -> None:
    api, review_id, doc_id = reviewed
    queue = api.get(f"/api/v1/reviews/{review_id}/queue", "legal").json()
    gap = next(v["finding"]["requirement"] for v in queue if v["finding"]["status"] == "missing")
    base = f"/api/v1/reviews/{review_id}/findings/{gap}"
    assert api.post(f"{base}/decisions", "legal", json={"action": "accept"}).status_code == 422  # no reason
    no_owner = api.post(f"{base}/decisions", "legal", json={"action": "accept_risk", "reason": "known gap"})
    assert no_owner.status_code == 422 and "risk_owner" in no_owner.json()["detail"]
    ok = api.post(f"{base}/decisions", "legal", json={"action": "accept", "reason": "confirmed gap"})
    assert ok.status_code == 201 and ok.json()["actor"] == "legal-user"
    state = {
        v["finding"]["requirement"]: v["state"] for v in api.get(f"/api/v1/reviews/{review_id}/queue").json()
    }
    assert state[gap] == "accepted"
    wrong_quote = {
        "action": "resolve",
        "reason": "amended",
        "document_id": doc_id,
        "quote": "no such words here",
    }
    resp = api.post(f"{base}/decisions", "legal", json=wrong_quote)
    assert resp.status_code == 422 and "msa.txt" in resp.json()["detail"]
    fix = {
        "action": "resolve",
        "reason": "clause 6 now covers it",
        "document_id": doc_id,
        "quote": "governed by the laws of   England",
    }
    assert api.post(f"{base}/decisions", "legal", json=fix).status_code == 201
    again = api.post(f"{base}/decisions", "legal", json={"action": "dismiss", "reason": "changed mind"})
    assert again.status_code == 409 and "resolved" in again.json()["detail"]
    assert api.post(f"{base}/comments", "procurement", json={"text": "vendor agreed"}).status_code == 201
    history = api.get(f"{base}/history", "cfo").json()
    assert [e["action"] for e in history] == ["finding.decision", "finding.decision", "finding.comment"]
    assert history[1]["before"] == {"state": "accepted"} and history[1]["after"]["state"] == "resolved"
    assert history[1]["after"]["evidence"]["quote"] == "governed by the laws of England"
    assert api.get("/api/v1/audit/verify", "legal").json()["ok"] is True


def test_event_feed_cursor(reviewed: tuple[Api, str, str]) -> None:
    api, review_id, _ = reviewed
    feed = api.get("/api/v1/events", "cfo").json()
    assert [e["action"] for e in feed["events"]] == ["document.upload", "review.done"]
    assert feed["events"][1]["subject_id"] == review_id
    cursor = feed["next_cursor"]
    assert api.get(f"/api/v1/events?after={cursor}", "cfo").json() == {"events": [], "next_cursor": cursor}
    job = api.post("/api/v1/reviews", "procurement", json={"family": "acme"})
    assert job.status_code == 202 and api.wait(job.json()["id"])["status"] == "done"
    newer = api.get(f"/api/v1/events?after={cursor}", "cfo").json()["events"]
    assert [e["action"] for e in newer] == ["review.done"]
    unknown = api.post("/api/v1/reviews", "procurement", json={"family": "nope"})
    assert unknown.status_code == 404 and "'nope'" in unknown.json()["detail"]


@pytest.mark.slow
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_semantic_search_with_local_embeddings(db_url: str, tmp_path: Any) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from assistant.settings import IndexSettings, ReviewSettings

    settings = api_settings(tmp_path / "data", db_url).model_copy(
        update={
            "index": IndexSettings(embedding_provider="local"),
            "review": ReviewSettings(use_vector_search=True),
        }
    )
    app = create_app(settings)
    with TestClient(app) as client:
        users = app.state.services.users
        api = Api(client, {r: users.create_user(r, r)[1] for r in ("procurement", "admin")})
        job = api.upload([("msa.txt", MSA_TEXT.encode())], review="false")
        assert job["status"] == "done", job
        hits = api.get("/api/v1/search?q=inspect the supplier's books and premises&k=2", "procurement").json()
        assert (
            hits[0]["heading"] == "Audit Rights" and hits[0]["filename"] == "msa.txt" and hits[0]["page"] == 1
        )
        assert api.get("/api/v1/search?q=audit&family=nope", "procurement").status_code == 400


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_oversized_upload_is_refused_without_parsing(db_url: str, tmp_path: Any) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app
    from assistant.settings import IngestSettings

    settings = api_settings(tmp_path / "data", db_url).model_copy(
        update={"ingest": IngestSettings(max_bytes=500)}
    )
    app = create_app(settings)
    with TestClient(app) as client:
        users = app.state.services.users
        api = Api(client, {r: users.create_user(r, r)[1] for r in ("procurement", "admin")})
        resp = api.post(
            "/api/v1/documents",
            "procurement",
            files=[("files", ("big.txt", MSA_TEXT.encode()))],
            data={"family": "a"},
        )
        assert (
            resp.status_code == 413 and "big.txt" in resp.json()["detail"] and "500" in resp.json()["detail"]
        )
        assert resp.json()["cause"] == "too_large"
        original = api.post(
            "/api/v1/documents",
            "procurement",
            files=[("files", ("Ünïcode;x.txt", b"1. Term\nOne year."))],
            data={"family": "a", "review": "false"},
        )
        assert original.status_code == 202
        doc_id = api.wait(original.json()["id"])["result"]["documents"][0]
        download = api.get(f"/api/v1/documents/{doc_id}/original")
        assert download.content == b"1. Term\nOne year."
        disposition = download.headers["content-disposition"]
        assert disposition.startswith('attachment; filename="_n_code_x.txt"')
        assert "filename*=UTF-8''%C3%9Cn%C3%AFcode%3Bx.txt" in disposition


def test_clients_cannot_point_the_server_at_its_files(reviewed: tuple[Api, str, str], tmp_path: Any) -> None:
    api, _, _ = reviewed
    own = tmp_path / "pb.yaml"
    own.write_text("id: x\nversion: '1'\nrequirements: []\n")
    for playbook in (str(own), "../../etc/passwd"):
        resp = api.post("/api/v1/reviews", "procurement", json={"family": "acme", "playbook": playbook})
        assert resp.status_code == 422 and "is not available here" in resp.json()["detail"]
    ok = api.post("/api/v1/reviews", "procurement", json={"family": "acme", "playbook": "cuad"})
    assert ok.status_code == 202 and api.wait(ok.json()["id"])["status"] == "done"
    project = {
        "name": "p1",
        "vendor": "v",
        "stage": "discovery",
        "target_gate": "pilot",
        "checklist_dir": str(tmp_path),
    }
    created = api.post("/api/v1/projects", "procurement", json=project)
    assert created.status_code == 201 and created.json()["checklist_dir"] is None


def test_admin_disables_user_and_reads_masked_settings(api: Api) -> None:
    assert (
        api.client.put(
            "/api/v1/users/legal-user/active", headers=api.h("admin"), json={"active": False}
        ).json()["active"]
        is False
    )
    assert api.get("/api/v1/me", "legal").status_code == 401
    api.client.put("/api/v1/users/legal-user/active", headers=api.h("admin"), json={"active": True})
    assert api.get("/api/v1/me", "legal").status_code == 200
    settings = api.get("/api/v1/settings").json()
    assert settings["api"]["session_secret"] == "**********"
    playbooks = {p["name"]: p for p in api.get("/api/v1/playbooks", "procurement").json()}
    assert {"default", "cuad"} <= set(playbooks)
    assert "audit_rights" in {r["id"] for r in playbooks["default"]["requirements"]}
    events = [e for e in api.get("/api/v1/audit/events").json() if e["action"] == "user.active"]
    assert [(e["before"], e["after"]) for e in events] == [
        ({"active": True}, {"active": False}),
        ({"active": False}, {"active": True}),
    ]
