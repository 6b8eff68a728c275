"""Projects: create, intake (validation errors name the field), gate assessment, memos, gate decision."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from api.deps import CFO, IntakeEditor, MemoMaker, Reader, ServicesDep
from assistant.gates import GateAssessment
from assistant.gates_run import render
from assistant.intake import Intake, Project
from assistant.project_records import GateDecisionRequest, StoredMemo

router = APIRouter(tags=["projects"])
MEMO_MEDIA = {
    "json": "application/json",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
}


@router.get("/projects", summary="List projects")
def list_projects(services: ServicesDep, _user: Reader) -> list[Project]:
    """All projects by name."""
    return services.projects.list_projects()


@router.post("/projects", status_code=201, summary="Create a project with its intake")
def create_project(body: Project, services: ServicesDep, user: IntakeEditor) -> Project:
    """Families name stored contract families; 422 errors give the offending field in `loc`."""
    # NOTE: no server paths from clients: API projects use the built-in gate checklists
    return services.projects.create(
        body.model_copy(update={"base_dir": None, "checklist_dir": None}), user.name
    )


@router.get("/projects/{name}", summary="One project")
def get_project(name: str, services: ServicesDep, _user: Reader) -> Project:
    """The project with intake, families and decisions log."""
    return services.projects.get(name)


@router.put("/projects/{name}/intake", summary="Replace the intake")
def update_intake(name: str, body: Intake, services: ServicesDep, user: IntakeEditor) -> Project:
    """Audited with the intake before and after."""
    return services.projects.update_intake(name, body, user.name)


@router.get("/projects/{name}/assessment", summary="Gate readiness now")
def assessment(name: str, services: ServicesDep, _user: Reader) -> GateAssessment:
    """Checklist items with evidence pointers, score, blockers, conditions, recommendation."""
    return services.projects.assess(name)


@router.post("/projects/{name}/memos", status_code=201, summary="Generate the gate memo")
def create_memo(name: str, services: ServicesDep, user: MemoMaker) -> StoredMemo:
    """Assess now and store the memo (emits `memo.ready` on the event feed)."""
    return services.projects.create_memo(name, user.name)


@router.get("/projects/{name}/memos/latest", summary="The latest memo as JSON, Markdown, HTML or PDF")
def latest_memo(
    name: str,
    services: ServicesDep,
    _user: Reader,
    format: Annotated[Literal["json", "markdown", "html", "pdf"], Query()] = "json",
) -> Response:
    """The stored memo rendered in `format`."""
    stored = services.projects.latest_memo(name)
    return Response(render(stored.memo, stored.assessment, format), media_type=MEMO_MEDIA[format])


@router.post("/projects/{name}/gate-decision", status_code=201, summary="Record the CFO's gate decision")
def gate_decision(name: str, body: GateDecisionRequest, services: ServicesDep, user: CFO) -> Project:
    """Appends to the project's decisions log; audited."""
    return services.projects.record_gate_decision(name, body, user.name)
