"""Project pages: new project and intake forms (errors shown at the field), the CFO's memo page."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from api.deps import ServicesDep
from api.errors import status_for
from api.web.common import PageCFO, PageIntakeEditor, PageMemoMaker, PageUser, render
from assistant.errors import ClausegateError
from assistant.intake import Intake, Project, Sensitivity, Stage
from assistant.memo import memo_html
from assistant.project_records import GateDecisionRequest

router = APIRouter()
SIMPLE = ("business_problem", "why_now", "what_we_are_buying")
LISTS = ("impacted_teams", "dependencies")
ADVANCED_EXCLUDE = set(SIMPLE) | set(LISTS) | {"data_sensitivity", "ai_project"}
FORM_FIELDS = ADVANCED_EXCLUDE | {"name", "vendor", "stage", "target_gate", "families"}


def _intake_from_form(form: dict[str, Any]) -> dict[str, Any]:
    """The intake mapping from the form: simple fields, comma lists, the advanced JSON for the rest."""
    data: dict[str, Any] = {k: str(form.get(k, "")).strip() for k in SIMPLE}
    for k in LISTS:
        data[k] = [x.strip() for x in str(form.get(k, "")).split(",") if x.strip()]
    data["data_sensitivity"] = form.get("data_sensitivity") or None
    data["ai_project"] = form.get("ai_project") == "on"
    advanced = str(form.get("advanced", "")).strip()
    if advanced:
        try:
            extra = json.loads(advanced)
        except json.JSONDecodeError as exc:
            raise _FieldErrors({"advanced": f"not valid JSON ({exc.msg} at line {exc.lineno})"}) from None
        if not isinstance(extra, dict):
            raise _FieldErrors({"advanced": 'must be a JSON object, e.g. {"kpis": [...]}'})
        data |= extra
    return data


class _FieldErrors(Exception):
    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def _field_errors(exc: ValidationError) -> dict[str, str]:
    """Validation errors keyed by the form field that holds the value (fields typed into the advanced JSON
    are reported under 'advanced' with their full path)."""
    out: dict[str, str] = {}
    for e in exc.errors():
        parts = [str(x) for x in e["loc"]]
        if parts[:1] == ["intake"]:
            parts = parts[1:]
        path = ".".join(parts) or "intake"
        field = parts[0] if parts and parts[0] in FORM_FIELDS else "advanced"
        out.setdefault(field, f"{path}: {e['msg']}")
    return out


def _advanced_json(intake: Intake) -> str:
    data = intake.model_dump(mode="json", exclude=ADVANCED_EXCLUDE, exclude_defaults=True)
    return json.dumps(data, indent=2) if data else ""


def _intake_page(
    request: Request,
    services: ServicesDep,
    user: Any,
    project: Project | None,
    form: dict[str, Any],
    errors: dict[str, str],
    status_code: int = 200,
) -> Response:
    return render(
        request,
        services,
        user,
        "intake.html",
        status_code=status_code,
        project=project,
        form=form,
        errors=errors,
        sensitivities=[s.value for s in Sensitivity],
        stages=[s.value for s in Stage],
        families=services.core.store.families(),
    )


def _form_of(project: Project) -> dict[str, Any]:
    i = project.intake
    form: dict[str, Any] = {k: getattr(i, k) for k in SIMPLE}
    form |= {k: ", ".join(getattr(i, k)) for k in LISTS}
    form |= {
        "data_sensitivity": i.data_sensitivity.value if i.data_sensitivity else "",
        "ai_project": i.ai_project,
        "advanced": _advanced_json(i),
        "name": project.name,
        "vendor": project.vendor,
        "stage": project.stage.value,
        "target_gate": project.target_gate.value,
        "families": ", ".join(f.name for f in project.families),
    }
    return form


@router.get("/projects/new")
def new_project_page(request: Request, services: ServicesDep, user: PageIntakeEditor) -> Response:
    """Empty intake form for a new project."""
    return _intake_page(request, services, user, None, {"stage": "discovery", "target_gate": "pilot"}, {})


@router.post("/projects/new")
async def create_project(request: Request, services: ServicesDep, user: PageIntakeEditor) -> Response:
    """Validate and create; errors are shown next to their field."""
    form = dict(await request.form())
    try:
        families = [x.strip() for x in str(form.get("families", "")).split(",") if x.strip()]
        data = {
            "name": str(form.get("name", "")).strip(),
            "vendor": str(form.get("vendor", "")).strip(),
            "stage": form.get("stage"),
            "target_gate": form.get("target_gate"),
            "families": [
                {"name": f, "documents": [d.filename for d in services.core.store.list_documents(f)] or [f]}
                for f in families
            ],
            "intake": _intake_from_form(form),
        }
        project = services.projects.create(Project.model_validate(data), user.name)
    except _FieldErrors as exc:
        return _intake_page(request, services, user, None, form, exc.errors, 422)
    except ValidationError as exc:
        return _intake_page(request, services, user, None, form, _field_errors(exc), 422)
    except ClausegateError as exc:
        return _intake_page(request, services, user, None, form, {"name": str(exc)}, status_for(exc))
    return RedirectResponse(f"/projects/{project.name}/memo", status_code=303)


@router.get("/projects/{name}/intake")
def intake_page(name: str, request: Request, services: ServicesDep, user: PageUser) -> Response:
    """The intake form of a project (read-only for roles that may not edit it)."""
    project = services.projects.get(name)
    return _intake_page(request, services, user, project, _form_of(project), {})


@router.post("/projects/{name}/intake")
async def save_intake(name: str, request: Request, services: ServicesDep, user: PageIntakeEditor) -> Response:
    """Validate and save; errors are shown next to their field."""
    project = services.projects.get(name)
    form = dict(await request.form()) | {
        "name": project.name,
        "vendor": project.vendor,
        "stage": project.stage.value,
        "target_gate": project.target_gate.value,
    }
    try:
        intake = Intake.model_validate(_intake_from_form(form))
    except _FieldErrors as exc:
        return _intake_page(request, services, user, project, form, exc.errors, 422)
    except ValidationError as exc:
        return _intake_page(request, services, user, project, form, _field_errors(exc), 422)
    services.projects.update_intake(name, intake, user.name)
    return RedirectResponse(f"/projects/{name}/intake?saved=1", status_code=303)


@router.get("/projects/{name}/memo")
def memo_page(name: str, request: Request, services: ServicesDep, user: PageUser) -> Response:
    """The CFO's page: latest memo (print view in a frame), generate button, gate decision form."""
    project = services.projects.get(name)
    memos = services.projects.memos(name)
    return render(
        request,
        services,
        user,
        "memo_page.html",
        project=project,
        memo=memos[0] if memos else None,
        error=None,
    )


@router.get("/projects/{name}/memo.html")
def memo_print(name: str, services: ServicesDep, _user: PageUser) -> Response:
    """The latest memo as a standalone, print-friendly page."""
    stored = services.projects.latest_memo(name)
    return HTMLResponse(memo_html(stored.memo))


@router.post("/projects/{name}/memo")
def generate_memo(name: str, services: ServicesDep, user: PageMemoMaker) -> Response:
    """Assess now and store a new memo."""
    services.projects.create_memo(name, user.name)
    return RedirectResponse(f"/projects/{name}/memo", status_code=303)


@router.post("/projects/{name}/gate-decision")
async def gate_decision(name: str, request: Request, services: ServicesDep, user: PageCFO) -> Response:
    """Record the CFO's decision at the gate."""
    form = await request.form()
    try:
        body = GateDecisionRequest(
            approved=form.get("approved") == "yes", decision=str(form.get("decision", ""))
        )
    except ValidationError as exc:
        project = services.projects.get(name)
        memos = services.projects.memos(name)
        message = "decision: " + "; ".join(e["msg"] for e in exc.errors())
        return render(
            request,
            services,
            user,
            "memo_page.html",
            status_code=422,
            project=project,
            memo=memos[0] if memos else None,
            error=message,
        )
    services.projects.record_gate_decision(name, body, user.name)
    return RedirectResponse(f"/projects/{name}/memo", status_code=303)
