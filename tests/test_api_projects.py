"""Projects over the API: intake validation naming the field, audited intake changes, gate assessment,
memos in four formats with a `memo.ready` event, the CFO's gate decision, exports and the evidence pack."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from docx import Document as open_docx

from tests.support.api import Api
from tests.support.db import MSA_TEXT

INTAKE = {
    "business_problem": "Invoice matching takes 9 days and causes late-payment penalties.",
    "why_now": "Penalties rose 40% this year.",
    "what_we_are_buying": "Hosted invoice-matching service for accounts payable.",
    "impacted_teams": ["Accounts payable", "Procurement"],
    "data_sensitivity": "confidential",
}
PROJECT = {
    "name": "ap-automation",
    "vendor": "Acme Cloud",
    "stage": "discovery",
    "target_gate": "pilot",
    "families": [{"name": "acme", "documents": ["msa.txt"]}],
    "intake": INTAKE,
}


def _project(api: Api) -> None:
    resp = api.post("/api/v1/projects", "procurement", json=PROJECT)
    assert resp.status_code == 201, resp.text


def test_intake_validation_names_the_field_and_changes_are_audited(api: Api) -> None:
    bad = api.post(
        "/api/v1/projects", "procurement", json=PROJECT | {"intake": INTAKE | {"data_sensitivity": "secret"}}
    )
    assert bad.status_code == 422
    assert bad.json()["detail"][0]["loc"] == ["body", "intake", "data_sensitivity"]
    _project(api)
    assert api.post("/api/v1/projects", "procurement", json=PROJECT).status_code == 409
    wrong = api.client.put(
        "/api/v1/projects/ap-automation/intake",
        headers=api.h("procurement"),
        json=INTAKE | {"ai_project": "maybe"},
    )
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"] == ["body", "ai_project"]
    new = INTAKE | {"why_now": "Penalties doubled."}
    ok = api.client.put("/api/v1/projects/ap-automation/intake", headers=api.h("procurement"), json=new)
    assert ok.status_code == 200 and ok.json()["intake"]["why_now"] == "Penalties doubled."
    event = [e for e in api.get("/api/v1/audit/events").json() if e["action"] == "intake.update"][0]
    assert (
        event["before"]["why_now"] == INTAKE["why_now"] and event["after"]["why_now"] == "Penalties doubled."
    )
    assert event["actor"] == "procurement-user" and event["project"] == "ap-automation"


def test_assessment_memo_formats_gate_decision_and_events(reviewed: tuple[Api, str, str]) -> None:
    api, review_id, _ = reviewed
    _project(api)
    assessment = api.get("/api/v1/projects/ap-automation/assessment", "cfo").json()
    assert assessment["gate"] == "pilot" and 0.0 <= assessment["score"] <= 1.0
    assert assessment["reviewed_families"] == ["acme"]
    assert api.get("/api/v1/projects/ap-automation/memos/latest", "cfo").status_code == 404
    memo = api.post("/api/v1/projects/ap-automation/memos", "cfo")
    assert memo.status_code == 201 and memo.json()["memo"]["project"] == "ap-automation"
    as_json = api.get("/api/v1/projects/ap-automation/memos/latest?format=json", "cfo").json()
    assert as_json["memo"]["recommendation"] == memo.json()["memo"]["recommendation"]
    md = api.get("/api/v1/projects/ap-automation/memos/latest?format=markdown", "cfo").text
    assert "ap-automation" in md
    html = api.get("/api/v1/projects/ap-automation/memos/latest?format=html", "cfo")
    assert html.headers["content-type"].startswith("text/html") and "<html" in html.text.lower()
    pdf = api.get("/api/v1/projects/ap-automation/memos/latest?format=pdf", "cfo")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    feed = api.get("/api/v1/events", "cfo").json()["events"]
    assert [e["action"] for e in feed][-1] == "memo.ready"
    decision = {"approved": True, "decision": "Pilot approved with DPA fixes as a condition."}
    assert (
        api.post("/api/v1/projects/ap-automation/gate-decision", "procurement", json=decision).status_code
        == 403
    )
    resp = api.post("/api/v1/projects/ap-automation/gate-decision", "cfo", json=decision)
    assert resp.status_code == 201 and resp.json()["decisions"][-1]["by"] == "cfo-user"
    assert resp.json()["decisions"][-1]["gate"] == "pilot"
    assert api.get("/api/v1/events", "legal").json()["events"][-1]["action"] == "gate.decision"


def test_exports_docx_csv_and_evidence_pack(reviewed: tuple[Api, str, str]) -> None:
    api, review_id, doc_id = reviewed
    _project(api)
    api.post("/api/v1/projects/ap-automation/memos", "cfo")
    docx = api.get(f"/api/v1/reviews/{review_id}/export.docx", "legal")
    assert docx.status_code == 200
    opened = open_docx(io.BytesIO(docx.content))
    comments = [c.text for c in opened.comments]
    assert any(c.startswith("[PRESENT] ") or c.startswith("[WEAK] ") for c in comments)
    assert "Missing or unclear clauses" in [p.text for p in opened.paragraphs]
    rows = list(
        csv.DictReader(
            io.StringIO(
                api.get(f"/api/v1/reviews/{review_id}/findings.csv", "cfo").content.decode("utf-8-sig")
            )
        )
    )
    review = api.get(f"/api/v1/reviews/{review_id}").json()
    assert {r["requirement"] for r in rows} == {f["requirement"] for f in review["findings"]}
    assert api.get(f"/api/v1/reviews/{review_id}/findings.xlsx", "cfo").content[:2] == b"PK"
    assert api.get("/api/v1/projects/ap-automation/evidence-pack.zip", "procurement").status_code == 403
    pack = zipfile.ZipFile(
        io.BytesIO(api.get("/api/v1/projects/ap-automation/evidence-pack.zip", "cfo").content)
    )
    names = set(pack.namelist())
    assert {"memo.md", "memo.json", "assessment.json", "documents.json", "audit_events.jsonl"} <= names
    assert f"reviews/acme-{review_id}.json" in names
    docs = json.loads(pack.read("documents.json"))
    assert [(d["id"], d["intact"]) for d in docs] == [(doc_id, True)]
    actions = [json.loads(line)["action"] for line in pack.read("audit_events.jsonl").decode().splitlines()]
    assert actions[:2] == ["document.upload", "review.done"] and "memo.ready" in actions
    assert json.loads(pack.read("audit_verify.json"))["ok"] is True


def test_docx_upload_is_exported_with_comments_in_the_original(api: Api) -> None:
    from docx import Document as new_document

    d = new_document()
    for line in MSA_TEXT.strip().splitlines():
        if line.strip():
            run = d.add_paragraph().add_run(line)
            run.bold = line[:1].isdigit() or line.isupper()
    buf = io.BytesIO()
    d.save(buf)
    job = api.upload([("msa.docx", buf.getvalue())])
    assert job["status"] == "done", job
    review_id = job["result"]["review_id"]
    review = api.get(f"/api/v1/reviews/{review_id}").json()
    audit = next(f for f in review["findings"] if f["requirement"] == "audit_rights")
    resp = api.get(f"/api/v1/reviews/{review_id}/export.docx", "legal")
    assert resp.status_code == 200 and resp.headers["x-clausegate-unplaced"] == ""
    opened = open_docx(io.BytesIO(resp.content))
    assert any(
        p.text == "6. Governing Law" and p.runs[0].bold for p in opened.paragraphs
    )  # original formatting
    audit_comment = next(c for c in opened.comments if "Audit rights" in c.text)
    ids_with_text = _anchored(resp.content)
    assert " ".join(ids_with_text[audit_comment.comment_id].split()) == " ".join(
        audit["evidence"][0]["quote"].split()
    )
    rebuilt = api.get(f"/api/v1/reviews/{review_id}/export.docx?form=text", "legal")
    assert "x-clausegate-unplaced" not in rebuilt.headers and rebuilt.content != resp.content


def _anchored(docx_bytes: bytes) -> dict[int, str]:
    from test_exports import _anchored_texts

    return _anchored_texts(docx_bytes)
