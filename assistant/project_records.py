"""Projects stored in the database (for the API and web pages): create, intake updates, gate assessment,
memos and the CFO's gate decision, each change an audit event with before/after.

A project's contract families are stored families of the same names; the latest review of each family
and legal's decisions on it feed the gate assessment.
"""

from __future__ import annotations

import json
import uuid
from datetime import date

from pydantic import BaseModel, Field
from sqlalchemy import Engine, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assistant.audit import AuditLog
from assistant.errors import ClausegateError, NotFound
from assistant.gates import GateAssessment
from assistant.gates_run import assess_project
from assistant.intake import Intake, LogEntry, Project
from assistant.memo import Memo, build_memo
from assistant.models import Decision, Document, ReviewResult
from assistant.settings import Settings
from assistant.store import Store
from assistant.store_ext import MemoRow, ProjectRow, create_tables, utcnow


class StoredMemo(BaseModel):
    """A generated memo, immutable once written (the CFO reads exactly what was generated)."""

    id: str = Field(description="Memo id (uuid4).")
    project: str
    created_at: str
    actor: str = Field(description="Who generated it.")
    memo: Memo
    assessment: GateAssessment


class GateDecisionRequest(BaseModel):
    """The CFO's decision at a gate."""

    approved: bool = Field(description="True to pass the gate, False to hold or reject it.")
    decision: str = Field(min_length=3, max_length=2000, description="What was decided, with conditions.")


class ProjectError(ClausegateError):
    """A project operation that cannot be done (duplicate name...)."""


def _dump(project: Project) -> str:
    return project.model_dump_json()


class ProjectRecords:
    """Projects, memos and gate decisions over the store and the audit log."""

    def __init__(
        self, engine: Engine, store: Store, audit: AuditLog, settings: Settings | None = None
    ) -> None:
        self.engine, self.store, self.audit, self.settings = engine, store, audit, settings
        create_tables(engine)

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    def create(self, project: Project, actor: str) -> Project:
        """Store a new project; raises ProjectError if the name is taken."""
        try:
            with self._session() as s, s.begin():
                s.add(ProjectRow(name=project.name, data=_dump(project), updated_at=utcnow()))
        except IntegrityError:
            raise ProjectError(f"project {project.name!r} already exists: pick another name.") from None
        self.audit.append(
            actor,
            "project.create",
            "project",
            project.name,
            after=project.model_dump(mode="json"),
            project=project.name,
        )
        return project

    def get(self, name: str) -> Project:
        """Project by name; raises NotFound."""
        with self._session() as s:
            row = s.get(ProjectRow, name)
            if row is None:
                raise NotFound(f"project {name!r} does not exist: create it first (POST /api/v1/projects).")
            return Project.model_validate_json(row.data)

    def list_projects(self) -> list[Project]:
        """All projects by name."""
        with self._session() as s:
            return [
                Project.model_validate_json(r.data)
                for r in s.scalars(select(ProjectRow).order_by(ProjectRow.name))
            ]

    def _save(self, project: Project, actor: str, action: str, before: object, after: object) -> Project:
        with self._session() as s, s.begin():
            row = s.get(ProjectRow, project.name)
            if row is None:
                raise NotFound(f"project {project.name!r} does not exist.")
            row.data, row.updated_at = _dump(project), utcnow()
        self.audit.append(
            actor, action, "project", project.name, before=before, after=after, project=project.name
        )
        return project

    def update_intake(self, name: str, intake: Intake, actor: str) -> Project:
        """Replace the project's intake (already validated); audited with before/after."""
        project = self.get(name)
        updated = project.model_copy(update={"intake": intake})
        return self._save(
            updated,
            actor,
            "intake.update",
            project.intake.model_dump(mode="json"),
            intake.model_dump(mode="json"),
        )

    def gate_playbook_id(self) -> str:
        """Id of the playbook the gate reads (the configured review playbook)."""
        from assistant.playbook import load_playbook

        return load_playbook(self.settings.review.playbook if self.settings else "default").id

    def _family_inputs(
        self, project: Project
    ) -> tuple[dict[str, ReviewResult], dict[str, list[Decision]], dict[str, list[Document]]]:
        """Latest stored review of each of the project's families made with the gate's playbook (a CUAD or
        other review of the same family must not stand in for it), legal's decisions on it, and the
        reviewed documents (their text gives renewal start dates the quotes do not)."""
        playbook_id = self.gate_playbook_id()
        reviews: dict[str, ReviewResult] = {}
        decisions: dict[str, list[Decision]] = {}
        documents: dict[str, list[Document]] = {}
        for fam in project.families:
            found = self.store.latest_review(fam.name, playbook_id)
            if found is None:
                continue
            reviews[fam.name] = found
            decisions[fam.name] = self.store.decisions(found.id or "")
            documents[fam.name] = [self.store.get_document(d.id) for d in found.documents]
        return reviews, decisions, documents

    def assess(self, name: str, today: date | None = None) -> GateAssessment:
        """Readiness for the project's target gate from its intake, latest reviews and decisions."""
        project = self.get(name)
        reviews, decisions, documents = self._family_inputs(project)
        return assess_project(
            project,
            reviews=reviews,
            decisions=decisions,
            documents=documents,
            today=today or date.today(),
        )

    def create_memo(self, name: str, actor: str) -> StoredMemo:
        """Assess the project now, build its memo, store both and emit `memo.ready`."""
        project = self.get(name)
        assessment = self.assess(name)
        memo = StoredMemo(
            id=str(uuid.uuid4()),
            project=name,
            created_at=utcnow(),
            actor=actor,
            memo=self._narrated(build_memo(assessment, project), assessment),
            assessment=assessment,
        )
        with self._session() as s, s.begin():
            s.add(
                MemoRow(
                    id=memo.id,
                    project=name,
                    created_at=memo.created_at,
                    actor=actor,
                    memo=memo.memo.model_dump_json(),
                    assessment=assessment.model_dump_json(),
                )
            )
        self.audit.append(
            actor,
            "memo.ready",
            "memo",
            memo.id,
            project=name,
            after={
                "gate": assessment.gate.value,
                "recommendation": assessment.recommendation,
                "score": assessment.score,
                "blockers": len(assessment.blockers),
            },
        )
        return memo

    def _narrated(self, memo: Memo, assessment: GateAssessment) -> Memo:
        """The memo with an LLM narrative when the settings switch a model on (fact-checked by memo_llm)."""
        if self.settings is None or self.settings.llm.mode == "off":
            return memo
        from assistant.memo_llm import narrate_with_llm

        return narrate_with_llm(memo, assessment, self.settings)

    def memos(self, name: str) -> list[StoredMemo]:
        """Memos of a project, newest first."""
        self.get(name)
        q = select(MemoRow).where(MemoRow.project == name).order_by(MemoRow.created_at.desc())
        with self._session() as s:
            return [_memo(r) for r in s.scalars(q)]

    def latest_memo(self, name: str) -> StoredMemo:
        """Newest memo; raises NotFound when none was generated."""
        memos = self.memos(name)
        if not memos:
            raise NotFound(
                f"project {name!r} has no memo yet: generate one (POST /api/v1/projects/{name}/memos)."
            )
        return memos[0]

    def record_gate_decision(self, name: str, request: GateDecisionRequest, actor: str) -> Project:
        """Log the CFO's decision at the project's target gate (in the project's decisions log)."""
        project = self.get(name)
        entry = LogEntry(
            decided_on=date.today(),
            gate=project.target_gate,
            decision=request.decision.strip(),
            by=actor,
            approved=request.approved,
        )
        updated = project.model_copy(update={"decisions": [*project.decisions, entry]})
        return self._save(
            updated, actor, "gate.decision", {"stage": project.stage.value}, entry.model_dump(mode="json")
        )


def _memo(row: MemoRow) -> StoredMemo:
    return StoredMemo(
        id=row.id,
        project=row.project,
        created_at=row.created_at,
        actor=row.actor,
        memo=Memo.model_validate(json.loads(row.memo)),
        assessment=GateAssessment.model_validate(json.loads(row.assessment)),
    )
