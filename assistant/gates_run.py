"""The `gate` job: project file -> reviews of its contract families (stored reviews reused) -> renewal
dates -> gate assessment -> memo in the requested format. The CLI and the API call `run_gate`."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from assistant.errors import ConfigError
from assistant.gates import GateAssessment, assess_gate, load_checklist
from assistant.intake import Project, Stage, load_project
from assistant.memo import Memo, build_memo, memo_html, memo_json, memo_markdown
from assistant.models import Decision, Document, ReviewResult
from assistant.renewal import RenewalSchedule, find_start_date, renewal_schedule
from assistant.settings import Settings

MemoFormat = Literal["markdown", "html", "pdf", "json"]
Progress = Callable[[str], None]


@dataclass(frozen=True)
class GateRun:
    """What one gate run produced."""

    assessment: GateAssessment
    memo: Memo
    content: bytes
    out: Path | None


def renewals_for(
    project: Project,
    reviews: Mapping[str, ReviewResult],
    today: date,
    documents: Mapping[str, Sequence[Document]] | None = None,
) -> list[RenewalSchedule]:
    """The renewal schedule of every reviewed family, from its `renewal_notice` finding (and, when the
    quotes and the project file give no start date, a labelled start date in the family's documents)."""
    out = []
    for fam in project.families:
        review = reviews.get(fam.name)
        if review is None:
            continue
        finding = next((f for f in review.findings if f.requirement == "renewal_notice"), None)
        docs = (documents or {}).get(fam.name, ())
        out.append(
            renewal_schedule(
                finding,
                family=fam.name,
                start=fam.start_date,
                end=fam.end_date,
                today=today,
                review_days=project.renewal_review_days,
                fallback_start=find_start_date(docs) if docs else None,
            )
        )
    return out


def check_legal_decisions(project: Project, reviews: Mapping[str, ReviewResult]) -> None:
    """Every legal decision of the project file must name a family of the project and a requirement of
    that family's review; a typo would otherwise silently drop an accepted risk from the memo."""
    names = [f.name for f in project.families]
    for d in project.legal_decisions:
        if d.family is not None and d.family not in names:
            raise ConfigError(
                f"project {project.name!r}: legal decision on {d.requirement!r} names family {d.family!r}, "
                f"which is not in the project; use one of {names!r}."
            )
        fams = [d.family] if d.family is not None else names
        known = sorted({f.requirement for fam in fams if fam in reviews for f in reviews[fam].findings})
        if known and d.requirement not in known:
            raise ConfigError(
                f"project {project.name!r}: legal decision on {d.requirement!r} matches no finding of the "
                f"review; use one of {known!r}."
            )


def assess_project(
    project: Project,
    gate: Stage | str | None = None,
    *,
    reviews: Mapping[str, ReviewResult] | None = None,
    decisions: Mapping[str, Sequence[Decision]] | None = None,
    documents: Mapping[str, Sequence[Document]] | None = None,
    today: date | None = None,
) -> GateAssessment:
    """Assess `project` at `gate` (default: its target gate) from reviews already made."""
    today = today or date.today()
    directory = project.resolve(project.checklist_dir) if project.checklist_dir else None
    checklist = load_checklist(gate or project.target_gate, directory)
    reviews = reviews or {}
    check_legal_decisions(project, reviews)
    return assess_gate(
        project,
        checklist,
        reviews=reviews,
        decisions=decisions,
        renewals=renewals_for(project, reviews, today, documents),
        today=today,
    )


@dataclass(frozen=True)
class FamilyReviews:
    """Reviews, legal's stored decisions and parsed documents, per family name."""

    reviews: dict[str, ReviewResult]
    decisions: dict[str, list[Decision]]
    documents: dict[str, list[Document]]


def review_families(project: Project, settings: Settings, progress: Progress | None = None) -> FamilyReviews:
    """Ingest and review each contract family (reusing stored reviews) and read legal's stored decisions."""
    from assistant.service import Clausegate

    svc = Clausegate(settings)
    reviews: dict[str, ReviewResult] = {}
    decisions: dict[str, list[Decision]] = {}
    documents: dict[str, list[Document]] = {}
    for fam in project.families:
        paths = [project.resolve(p) for p in fam.documents]
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise ConfigError(
                f"project {project.name!r}, family {fam.name!r}: document(s) {missing!r} not found. "
                "Paths are relative to the project file; fix them."
            )
        docs = svc.ingest(paths, family=fam.name, progress=progress)
        review = svc.review(docs, settings.review.playbook, family=fam.name, progress=progress)
        reviews[fam.name] = review
        documents[fam.name] = docs
        decisions[fam.name] = svc.store.decisions(review.id) if review.id else []
    return FamilyReviews(reviews, decisions, documents)


def render(memo: Memo, assessment: GateAssessment, fmt: MemoFormat) -> bytes:
    """The memo in `fmt` as bytes (UTF-8 for the text formats)."""
    import json

    if fmt == "pdf":
        from assistant.memo_pdf import memo_pdf

        return memo_pdf(memo)
    if fmt == "json":
        return (json.dumps(memo_json(memo, assessment), ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if fmt == "html":
        return memo_html(memo).encode("utf-8")
    if fmt == "markdown":
        return memo_markdown(memo).encode("utf-8")
    raise ConfigError(f"memo format {fmt!r} is not supported; use markdown, html, pdf or json.")


def run_gate(
    project_path: str | Path,
    gate: Stage | str | None = None,
    fmt: MemoFormat = "markdown",
    out: str | Path | None = None,
    settings: Settings | None = None,
    *,
    today: date | None = None,
    use_llm: bool | None = None,
    progress: Progress | None = None,
) -> GateRun:
    """Review the project's documents, score the gate, write the memo to `out` (if given) and return it.

    `use_llm`: None = the settings decide (a configured model drafts the narrative), False = never."""
    from assistant.settings import get_settings

    settings = settings or get_settings()
    project = load_project(project_path)
    fams = review_families(project, settings, progress)
    assessment = assess_project(
        project, gate, reviews=fams.reviews, decisions=fams.decisions, documents=fams.documents, today=today
    )
    memo = build_memo(assessment, project)
    if use_llm is not False:
        from assistant.memo_llm import narrate_with_llm

        memo = narrate_with_llm(memo, assessment, settings, required=bool(use_llm))
    content = render(memo, assessment, fmt)
    target = Path(out) if out else None
    if target is not None:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return GateRun(assessment=assessment, memo=memo, content=content, out=target)
