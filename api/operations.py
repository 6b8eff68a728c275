"""What the routes ask for, in one place: start upload and review jobs, each step audited.

Routes validate input and call these; these call the core (`assistant.*`) and write audit events.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from api.services import Services
from assistant.errors import ClausegateError, FileTooLarge, NotFound, PlaybookError, UnsupportedFileType
from assistant.exports import contract_docx, evidence_pack, original_docx_with_comments
from assistant.gates_run import render
from assistant.ingest import SUPPORTED_EXTENSIONS
from assistant.jobs import Job
from assistant.models import Document, DocumentKind, ReviewResult
from assistant.playbook import BUILTIN, load_playbook
from assistant.users import User

SUPPORTED_SUFFIXES = set(SUPPORTED_EXTENSIONS)  # exactly what the parsers read


@dataclass(frozen=True)
class Upload:
    """One uploaded file."""

    filename: str
    data: bytes


def playbook_choice(services: Services, playbook: str | None) -> str:
    """The playbook a request may use: a built-in one or the configured one, never an arbitrary server path."""
    configured = services.settings.review.playbook
    name = (playbook or configured).strip()
    allowed = sorted(set(BUILTIN) | {configured})
    if name not in allowed:
        raise PlaybookError(
            f"playbook {name!r} is not available here; use one of {', '.join(map(repr, allowed))}."
        )
    load_playbook(name)  # fail now, not in the job
    return name


def check_uploads(services: Services, uploads: list[Upload]) -> None:
    """Reject at once what needs no parsing: no files, too many, too large, unsupported type."""
    limit = services.settings.api.max_files_per_upload
    if not uploads:
        raise ClausegateError(
            "no files uploaded: attach one or more PDF, DOCX, TXT, MD or HTML files as 'files'."
        )
    if len(uploads) > limit:
        raise ClausegateError(
            f"{len(uploads)} files uploaded; at most {limit} per request. Split the upload."
        )
    for up in uploads:
        suffix = "." + up.filename.rsplit(".", 1)[-1].lower() if "." in up.filename else ""
        if suffix not in SUPPORTED_SUFFIXES:
            raise UnsupportedFileType(
                up.filename,
                f"type {suffix or '(none)'!r} is not supported",
                "Upload PDF, DOCX, TXT, MD or HTML.",
            )
        if len(up.data) > services.settings.ingest.max_bytes:
            raise FileTooLarge(
                up.filename,
                f"is larger than the limit of {services.settings.ingest.max_bytes:,} bytes",
                "Split the file or raise CLAUSEGATE_INGEST__MAX_BYTES.",
            )


def start_upload(
    services: Services,
    user: User,
    uploads: list[Upload],
    *,
    family: str,
    kind: DocumentKind | None = None,
    review: bool = True,
    playbook: str | None = None,
) -> Job:
    """Queue a job that parses every file (all or nothing), stores and indexes them, then reviews the family."""
    if not family.strip():
        raise ClausegateError(
            "family is empty: name the contract family (e.g. the vendor) the files belong to."
        )
    check_uploads(services, uploads)
    pb_name = (
        playbook_choice(services, playbook) if review else (playbook or services.settings.review.playbook)
    )
    job = services.jobs.create(
        "ingest",
        user.name,
        family=family,
        params={"files": [u.filename for u in uploads], "playbook": pb_name},
    )

    def run() -> dict[str, Any]:
        docs = ingest_uploads(services, user, uploads, family=family, kind=kind)
        result: dict[str, Any] = {"documents": [d.id for d in docs]}
        if review:
            result["review_id"] = run_review(services, user, family, pb_name).id
        return result

    services.runner.submit(job, run)
    return job


def ingest_uploads(
    services: Services, user: User, uploads: list[Upload], *, family: str, kind: DocumentKind | None = None
) -> list[Document]:
    """Parse all files first (a bad file stores nothing), then store, index and audit each."""
    from assistant.ingest import parse_bytes

    parsed = [
        (parse_bytes(u.data, u.filename, kind=kind, max_bytes=services.settings.ingest.max_bytes), u)
        for u in uploads
    ]
    core, stored = services.core, []
    for doc, up in parsed:
        before = core.store.list_documents(family)
        saved, created = core.store.add_document(doc, up.data, family=family)
        replaced = [d.id for d in before if d.filename == saved.filename and d.id != saved.id]
        # NOTE: also for known bytes: indexing is idempotent, and an earlier upload may have been stored
        # but not indexed (the job failed or the server stopped between the two steps).
        if services.settings.review.use_vector_search and core.index is not None:
            core.index.add_document(saved)
        services.audit.append(
            user.name,
            "document.upload",
            "document",
            saved.id,
            after={
                "filename": saved.filename,
                "sha256": saved.sha256,
                "kind": saved.kind.value,
                "pages": len(saved.pages),
                "family": family,
                "new": created,
                "replaces": replaced,  # earlier versions (same file name) that left the family
            },
            project=family,
        )
        stored.append(saved)
    return stored


def _judge(services: Services) -> Any:
    """The LLM judge when the settings switch it on, else None (reviews then use the rules only)."""
    if services.settings.llm.mode == "off":
        return None
    try:
        from assistant.judge import make_judge
    except ImportError:
        return None
    return make_judge(services.settings)


def run_review(services: Services, user: User, family: str, playbook: str) -> ReviewResult:
    """Review a stored family now and audit it (called inside jobs). A stored rules review of the same
    documents, kinds and playbook content is reused, so legal's decisions on it stay in force."""
    docs = services.core.store.family_documents(family)
    if not docs:
        raise NotFound(f"family {family!r} has no documents: upload files into it first.")
    result = services.core.review(docs, load_playbook(playbook), judge=_judge(services), family=family)
    counts: dict[str, int] = {}
    for f in result.findings:
        counts[f.status.value] = counts.get(f.status.value, 0) + 1
    services.audit.append(
        user.name,
        "review.done",
        "review",
        result.id or "",
        after={
            "family": family,
            "playbook": f"{result.playbook.id}@{result.playbook.version}",
            "counts": counts,
        },
        project=family,
    )
    return result


def start_review(services: Services, user: User, family: str, playbook: str | None = None) -> Job:
    """Queue a review of a stored family; unknown family or playbook fail at once."""
    pb_name = playbook_choice(services, playbook)
    if not services.core.store.list_documents(family):
        raise NotFound(f"family {family!r} has no documents: upload files into it first.")
    job = services.jobs.create("review", user.name, family=family, params={"playbook": pb_name})
    services.runner.submit(job, lambda: {"review_id": run_review(services, user, family, pb_name).id})
    return job


def finding_states(services: Services, review_id: str) -> dict[str, str]:
    """Legal's state of every finding of a review (open, accepted, dismissed, resolved, risk_accepted)."""
    return {
        v.finding.requirement: v.state.value for v in services.workflow.queue(review_id, include_present=True)
    }


def project_evidence_pack(services: Services, name: str, user: User) -> bytes:
    """The evidence pack of a project (latest review of each family, their documents and decisions, the
    project's audit events, the latest memo or a fresh assessment); the export itself is audited."""
    project = services.projects.get(name)
    store = services.core.store
    playbook_id = services.projects.gate_playbook_id()  # the reviews the memo is built from
    found = [store.latest_review(fam.name, playbook_id) for fam in project.families]
    reviews = [r for r in found if r is not None]
    documents = [
        (d, store.original_bytes(d.id)) for fam in project.families for d in store.list_documents(fam.name)
    ]
    events = services.audit.events(limit=10**9, projects=[name, *(f.name for f in project.families)])
    memos = services.projects.memos(name)
    memo = memos[0] if memos else None
    data = evidence_pack(
        project=name,
        reviews=reviews,
        documents=documents,
        decisions=[d for r in reviews for d in store.decisions(r.id or "")],
        audit_events=events,
        audit_verify=services.audit.verify(),
        memo_markdown=render(memo.memo, memo.assessment, "markdown").decode("utf-8") if memo else None,
        memo_json=memo.memo if memo else None,
        assessment=memo.assessment if memo else services.projects.assess(name),
    )
    after = {"documents": len(documents), "events": len(events)}
    services.audit.append(user.name, "export.evidence_pack", "project", name, project=name, after=after)
    return data


def contract_export(
    services: Services, review_id: str, document_id: str | None, form: str
) -> tuple[bytes, str, list[str] | None]:
    """(DOCX bytes, file name, unplaced findings or None): the uploaded DOCX annotated in place when
    `form` is 'original' and the document is a DOCX, else the document rebuilt from its stored text."""
    review = services.core.store.get_review(review_id)
    ids = [d.id for d in review.documents]
    doc_id = document_id or (ids[0] if ids else "")
    if doc_id not in ids:
        raise NotFound(f"document {doc_id!r} is not part of review {review_id!r}; use one of {ids}.")
    doc = services.core.store.get_document(doc_id)
    playbook = load_playbook(review.playbook.id) if review.playbook.id in BUILTIN else None
    states = finding_states(services, review_id)
    name = f"{doc.filename.rsplit('.', 1)[0]}-review.docx"
    if form == "original" and doc.media_type == "docx":
        original = services.core.store.original_bytes(doc_id)
        data, unplaced = original_docx_with_comments(
            original, doc, review.findings, playbook=playbook, states=states
        )
        return data, name, unplaced
    return contract_docx(doc, review.findings, playbook=playbook, states=states), name, None
