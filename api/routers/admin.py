"""Playbooks (what reviews can check against) and the settings in effect (admin, secrets masked)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from api.deps import Admin, Reader, ServicesDep
from assistant.playbook import BUILTIN, load_playbook
from assistant.settings import Settings

router = APIRouter(tags=["admin"])


class RequirementInfo(BaseModel):
    id: str
    title: str
    severity: str
    preferred_language: str = ""


class PlaybookInfo(BaseModel):
    name: str = Field(description="Name to pass as `playbook` when uploading or reviewing.")
    id: str
    version: str
    title: str
    requirements: list[RequirementInfo]


@router.get("/playbooks", summary="Playbooks available to reviews")
def playbooks(services: ServicesDep, _user: Reader) -> list[PlaybookInfo]:
    """The built-in playbooks and the configured one, with their requirements."""
    names = sorted(set(BUILTIN) | {services.settings.review.playbook})
    out = []
    for name in names:
        pb = load_playbook(name)
        reqs = [
            RequirementInfo(
                id=r.id, title=r.title, severity=r.severity.value, preferred_language=r.preferred_language
            )
            for r in pb.requirements
        ]
        out.append(PlaybookInfo(name=name, id=pb.id, version=pb.version, title=pb.title, requirements=reqs))
    return out


def public_settings(settings: Settings) -> dict[str, Any]:
    """Every setting as JSON with secrets masked: SecretStr fields dump as '**********' and the password
    of a database URL (`store.url`) as '***'."""
    data = settings.model_dump(mode="json")
    url = data.get("store", {}).get("url")
    if url:
        try:
            data["store"]["url"] = make_url(url).render_as_string(hide_password=True)
        except ArgumentError:
            data["store"]["url"] = "***"  # not parseable: show nothing of it rather than a secret
    return data


@router.get("/settings", summary="Settings in effect (secrets masked)")
def settings(services: ServicesDep, _user: Admin) -> dict[str, Any]:
    """Every setting; API keys, the session secret and the database password are masked."""
    return public_settings(services.settings)
