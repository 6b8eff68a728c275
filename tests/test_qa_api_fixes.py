"""Regression tests (API) for defects found by using the web app as procurement, legal and the CFO."""

from __future__ import annotations

from pathlib import Path

from assistant.playbook import load_playbook
from assistant.settings import Settings, StoreSettings
from tests.support.api import Api

SAMPLE = Path(__file__).resolve().parents[1] / "examples" / "acme-cloud"
PROJECT = {
    "name": "forecasting",
    "vendor": "Nimbus Analytics Ltd",
    "stage": "pilot",
    "target_gate": "scale",
    "families": [{"name": "acme-cloud", "documents": ["msa.pdf", "dpa.docx", "order_form.txt"]}],
}


def _upload_sample(api: Api) -> str:
    files = [(name, (SAMPLE / name).read_bytes()) for name in ("msa.pdf", "dpa.docx", "order_form.txt")]
    job = api.upload(files, family="acme-cloud")
    assert job["status"] == "done", job
    assert api.post("/api/v1/projects", "procurement", json=PROJECT).status_code == 201
    return str(job["result"]["review_id"])


def test_api_assessment_matches_the_cli_renewal_and_ignores_reviews_with_another_playbook(api: Api) -> None:
    """The renewal start date is read from the order form ('Service start date: 1 March 2026') as the
    CLI does, and a CUAD review of the same family does not replace the default review in the gate."""
    _upload_sample(api)
    before = api.get("/api/v1/projects/forecasting/assessment", "cfo").json()
    renewal = before["renewals"][0]
    assert renewal["term_start"] == "2026-03-01", renewal
    assert renewal["current_term_end"] == "2027-02-28"
    gaps = {c["requirement"] for c in before["controls"] if c["finding_status"] in ("weak", "missing")}
    assert {"audit_rights", "exit_assistance", "change_notification"} <= gaps

    # a later review of the same family against another playbook (as `--playbook cuad` or a custom one)
    core = api.client.app.state.services.core  # type: ignore[attr-defined]
    default = load_playbook("default")
    other = default.model_copy(update={"id": "other", "requirements": default.requirements[:2]})
    core.review(core.store.family_documents("acme-cloud"), other, family="acme-cloud", reuse=False)
    after = api.get("/api/v1/projects/forecasting/assessment", "cfo").json()
    assert after["recommendation"] == before["recommendation"]
    assert after["score"] == before["score"]
    assert {c["requirement"] for c in after["controls"]} == {c["requirement"] for c in before["controls"]}


def test_admin_settings_do_not_show_the_database_password(api: Api, tmp_path: Path) -> None:
    """GET /settings says secrets are masked: a store URL's password is a secret."""
    from api.routers.admin import public_settings

    url = "postgresql+psycopg://clausegate:s3cr3t-pw@db.internal:5432/contracts"
    shown = public_settings(Settings(_env_file=None, store=StoreSettings(data_dir=tmp_path, url=url)))  # type: ignore[call-arg]
    assert "s3cr3t-pw" not in str(shown)
    assert shown["store"]["url"] == "postgresql+psycopg://clausegate:***@db.internal:5432/contracts"
    live = api.get("/api/v1/settings", "admin")
    assert live.status_code == 200 and "store" in live.json()


def test_an_amended_document_replaces_its_earlier_version_in_the_family(api: Api) -> None:
    """Uploading a new version of order_form.txt into the family must not review the old and the new
    order form together (the stale one's clauses would still decide findings)."""
    _upload_sample(api)
    old = (SAMPLE / "order_form.txt").read_text(encoding="utf-8")
    stale = "Nimbus may increase the fees for any renewal term by giving notice with its renewal invoice."
    assert stale in old
    amended = old.replace(stale, "Fee increases on any renewal are capped at three per cent (3%).")
    job = api.upload([("order_form.txt", amended.encode("utf-8"))], family="acme-cloud")
    assert job["status"] == "done", job
    review = api.get(f"/api/v1/reviews/{job['result']['review_id']}", "legal").json()
    names = sorted(d["filename"] for d in review["documents"])
    assert names == ["dpa.docx", "msa.pdf", "order_form.txt"]
    quotes = [e["quote"] for f in review["findings"] for e in f["evidence"]]
    assert not any(stale in q for q in quotes)
    event = [e for e in api.get("/api/v1/audit/events").json() if e["action"] == "document.upload"][-1]
    assert len(event["after"]["replaces"]) == 1
    # the earlier version is still stored (its reviews and decisions keep their evidence)
    assert api.get(f"/api/v1/documents/{event['after']['replaces'][0]}", "legal").status_code == 200


def test_upload_accepts_every_extension_the_parsers_read(api: Api) -> None:
    """The CLI reads '.text' files; the upload used to reject them as unsupported (415)."""
    body = (SAMPLE / "order_form.txt").read_bytes()
    job = api.upload([("order_form.text", body)], family="text-ext")
    assert job["status"] == "done", job


def test_re_reviewing_an_unchanged_family_keeps_legal_decisions_in_the_gate(api: Api) -> None:
    """Legal dismisses a finding; procurement re-runs the review of the same documents: the decision
    must still count (it used to sit on the previous review id while the gate read a fresh review)."""
    review_id = _upload_sample(api)
    decided = api.post(
        f"/api/v1/reviews/{review_id}/findings/audit_rights/decisions",
        "legal",
        json={"action": "dismiss", "reason": "SOC 2 Type II report is enough for this service."},
    )
    assert decided.status_code == 201, decided.text
    resp = api.post("/api/v1/reviews", "procurement", json={"family": "acme-cloud"})
    assert resp.status_code == 202, resp.text
    job = api.wait(resp.json()["id"])
    assert job["status"] == "done", job
    assert job["result"]["review_id"] == review_id
    controls = api.get("/api/v1/projects/forecasting/assessment", "cfo").json()["controls"]
    audit = next(c for c in controls if c["requirement"] == "audit_rights")
    assert audit["legal_status"] != "open", audit


def test_re_uploading_a_stored_but_unindexed_document_indexes_it(tmp_path: Path, fake_embedder) -> None:  # type: ignore[no-untyped-def]
    """A document stored by an upload whose indexing never happened (job died between the two steps)
    must be indexed when the same file is uploaded again; it used to stay out of search for good."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from assistant.index import ClauseIndex
    from assistant.ingest import parse_bytes
    from tests.support.api import ROLES
    from tests.support.db import api_settings

    settings = api_settings(tmp_path / "data")
    settings = settings.model_copy(
        update={"review": settings.review.model_copy(update={"use_vector_search": True})}
    )
    app = create_app(settings)
    body = (SAMPLE / "order_form.txt").read_bytes()
    with TestClient(app) as client:
        core = app.state.services.core
        core._index = ClauseIndex(settings, fake_embedder)
        core.store.add_document(parse_bytes(body, "order_form.txt"), body, family="acme-cloud")  # not indexed
        assert core.index.count() == 0
        api = Api(client, {r: app.state.services.users.create_user(f"{r}-user", r)[1] for r in ROLES})
        job = api.upload([("order_form.txt", body)], family="acme-cloud")
        assert job["status"] == "done", job
        assert core.index.count() > 0
        hits = api.get("/api/v1/search", "legal", params={"q": "renews automatically notice"}).json()
        assert hits and hits[0]["filename"] == "order_form.txt"


def test_the_last_active_admin_cannot_be_disabled(api: Api) -> None:
    """An admin disabling themselves (the only admin) locked everyone out of user management."""
    resp = api.client.put("/api/v1/users/admin-user/active", headers=api.h("admin"), json={"active": False})
    assert resp.status_code == 422 and "last active admin" in resp.json()["detail"]
    assert api.get("/api/v1/users", "admin").status_code == 200
    created = api.post("/api/v1/users", "admin", json={"name": "second-admin", "role": "admin"})
    assert created.status_code == 201, created.text
    resp = api.client.put("/api/v1/users/admin-user/active", headers=api.h("admin"), json={"active": False})
    assert resp.status_code == 200 and resp.json()["active"] is False
