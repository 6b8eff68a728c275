"""Background jobs (ingestion, review) with a status that can be polled: queued, running, done, failed.

Job rows live in the database so that the status survives the request that started the job; the work
itself runs on a small thread pool owned by the process (`JobRunner`). Jobs left queued or running by a
stopped process are marked failed on start-up, so nobody polls forever.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from assistant.errors import ClausegateError, NotFound
from assistant.store_ext import JobRow, create_tables, utcnow

log = logging.getLogger(__name__)
JobFn = Callable[[], dict[str, Any]]


class JobStatus(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    failed = "failed"


class Job(BaseModel):
    """A unit of background work and its outcome."""

    id: str = Field(description="Job id (uuid4); poll GET /api/v1/jobs/{id}.")
    kind: str = Field(description="What the job does: 'ingest' or 'review'.")
    status: JobStatus = Field(description="queued, running, done or failed.")
    actor: str = Field(description="User who started the job.")
    family: str | None = Field(default=None, description="Contract family the job works on.")
    params: dict[str, Any] = Field(
        default_factory=dict, description="Inputs of the job (file names, playbook...)."
    )
    result: dict[str, Any] = Field(
        default_factory=dict, description="Outputs once done (document ids, review id)."
    )
    error: str | None = Field(default=None, description="Why the job failed, naming the file or value.")
    created_at: str
    updated_at: str


def _job(row: JobRow) -> Job:
    return Job(
        id=row.id,
        kind=row.kind,
        status=JobStatus(row.status),
        actor=row.actor,
        family=row.family,
        params=json.loads(row.params),
        result=json.loads(row.result),
        error=row.error,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


class JobService:
    """Job rows: create, transition, read."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        create_tables(engine)

    def create(
        self, kind: str, actor: str, *, family: str | None = None, params: dict[str, Any] | None = None
    ) -> Job:
        """A new queued job."""
        now = utcnow()
        row = JobRow(
            id=str(uuid.uuid4()),
            kind=kind,
            status=JobStatus.queued.value,
            actor=actor,
            family=family,
            params=json.dumps(params or {}, default=str),
            result="{}",
            created_at=now,
            updated_at=now,
        )
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            s.add(row)
        return _job(row)

    def get(self, job_id: str) -> Job:
        """Job by id; raises NotFound."""
        with Session(self.engine) as s:
            row = s.get(JobRow, job_id)
            if row is None:
                raise NotFound(
                    f"job {job_id!r} does not exist: use the id returned by the upload or review call."
                )
            return _job(row)

    def list(self, *, actor: str | None = None, limit: int = 50) -> list[Job]:
        """Most recent jobs first, optionally of one user."""
        q = select(JobRow).order_by(JobRow.created_at.desc()).limit(limit)
        if actor:
            q = q.where(JobRow.actor == actor)
        with Session(self.engine) as s:
            return [_job(r) for r in s.execute(q).scalars()]

    def _set(self, job_id: str, **values: Any) -> None:
        with Session(self.engine) as s, s.begin():
            s.execute(update(JobRow).where(JobRow.id == job_id).values(updated_at=utcnow(), **values))

    def mark_running(self, job_id: str) -> None:
        self._set(job_id, status=JobStatus.running.value)

    def mark_done(self, job_id: str, result: dict[str, Any]) -> None:
        self._set(job_id, status=JobStatus.done.value, result=json.dumps(result, default=str))

    def mark_failed(self, job_id: str, error: str) -> None:
        self._set(job_id, status=JobStatus.failed.value, error=error)

    def fail_stale(self) -> int:
        """Mark jobs left queued/running by a previous process as failed; returns how many."""
        stale = [JobStatus.queued.value, JobStatus.running.value]
        with Session(self.engine) as s, s.begin():
            res = s.execute(
                update(JobRow)
                .where(JobRow.status.in_(stale))
                .values(
                    status=JobStatus.failed.value,
                    error="the server stopped before the job finished; run it again",
                )
            )
            return int(getattr(res, "rowcount", 0) or 0)


class JobRunner:
    """Runs job functions on a thread pool and records their outcome in the JobService."""

    def __init__(self, jobs: JobService, workers: int = 1) -> None:
        self.jobs = jobs
        self._pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="clausegate-job")

    def submit(self, job: Job, fn: JobFn) -> Future[None]:
        """Run `fn` for `job` in the background; its dict return value becomes the job's result."""
        return self._pool.submit(self._run, job.id, fn)

    def _run(self, job_id: str, fn: JobFn) -> None:
        self.jobs.mark_running(job_id)
        try:
            result = fn()
        except ClausegateError as exc:
            self.jobs.mark_failed(job_id, str(exc))
        except Exception as exc:  # NOTE: a job must never die silently; the poller needs the reason
            log.exception("job %s failed", job_id)
            self.jobs.mark_failed(job_id, f"internal error ({type(exc).__name__}: {exc}); see the server log")
        else:
            self.jobs.mark_done(job_id, result)

    def shutdown(self, wait: bool = True) -> None:
        """Stop accepting jobs; wait for running ones when `wait`."""
        self._pool.shutdown(wait=wait)
