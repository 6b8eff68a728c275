"""Services the API builds once per process (in the app's lifespan) and hands to every route."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from pathlib import Path

from assistant.audit import AuditLog
from assistant.jobs import JobRunner, JobService
from assistant.project_records import ProjectRecords
from assistant.service import Clausegate
from assistant.settings import Settings
from assistant.users import SessionSigner, UserService
from assistant.workflow import Workflow


@dataclass
class Services:
    """Everything a request needs: the core facade, the audit log, users, jobs and session signing."""

    settings: Settings
    core: Clausegate
    audit: AuditLog
    users: UserService
    jobs: JobService
    runner: JobRunner
    workflow: Workflow
    projects: ProjectRecords
    signer: SessionSigner

    def close(self) -> None:
        """Wait for running jobs, then release database connections."""
        self.runner.shutdown(wait=True)
        self.core.store.close()


def session_secret(settings: Settings) -> bytes:
    """The cookie-signing key: from settings, else a random key created once in data_dir/session.key."""
    if settings.api.session_secret is not None:
        return settings.api.session_secret.get_secret_value().encode("utf-8")
    path = Path(settings.store.data_dir) / "session.key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(32), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip().encode("utf-8")


def build_services(settings: Settings) -> Services:
    """Open the store (and through it the database), create the API's tables, start the job pool."""
    core = Clausegate(settings)
    engine = core.store.engine
    audit = core.audit
    jobs = JobService(engine)
    jobs.fail_stale()
    return Services(
        settings=settings,
        core=core,
        audit=audit,
        users=UserService(engine),
        jobs=jobs,
        runner=JobRunner(jobs, workers=settings.api.job_workers),
        workflow=core.workflow,
        projects=ProjectRecords(engine, core.store, audit, settings),
        signer=SessionSigner(session_secret(settings), settings.api.session_max_age_seconds),
    )
