"""Reviews (whole result JSON), their findings as filterable rows, and legal decisions."""

from __future__ import annotations

import uuid

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from assistant.errors import NotFound
from assistant.models import Decision, Finding, ReviewResult, Severity, Status
from assistant.store.convert import parse_timestamp, to_decision
from assistant.store.engine import StoreBase
from assistant.store.tables import DecisionRow, FindingRow, ReviewKeyRow, ReviewRow


def documents_key(document_ids: list[str]) -> str:
    """Order-independent key of a set of document ids."""
    return ",".join(sorted(set(document_ids)))


def _review_row(s: Session, review_id: str) -> ReviewRow:
    row = s.get(ReviewRow, review_id)
    if row is None:
        raise NotFound(
            f"review {review_id!r} is not in the store. Run the review first, or pick a stored review id."
        )
    return row


def _checked(value: str | None, allowed: type[Status] | type[Severity], what: str) -> str | None:
    if value is None:
        return None
    names = [m.value for m in allowed]
    if str(value) not in names:
        raise ValueError(f"unknown {what} {value!r}; use one of {', '.join(names)}")
    return str(value)


def _to_result(row: ReviewRow) -> ReviewResult:
    result = ReviewResult.model_validate(row.result)
    result.id = row.id
    return result


class ReviewsMixin(StoreBase):
    """Review, finding and decision operations of `Store`."""

    def save_review(self, result: ReviewResult, *, fingerprint: str | None = None) -> str:
        """Store `result` (replacing the stored review with the same id, if any); returns and sets its id.
        `fingerprint` (see `find_review`) records what else the review was computed from."""
        review_id = result.id or uuid.uuid4().hex
        payload = result.model_copy(update={"id": review_id}).model_dump(mode="json")
        ids = [d.id for d in result.documents]
        with self._sessions.begin() as s:
            row = s.get(ReviewRow, review_id)
            if row is None:
                row = ReviewRow(id=review_id)
                s.add(row)
            row.family = result.family
            row.playbook_id = result.playbook.id
            row.playbook_version = result.playbook.version
            row.documents = ids
            row.documents_key = documents_key(ids)
            row.result = payload
            row.usage = payload["usage"]
            s.execute(delete(FindingRow).where(FindingRow.review_id == review_id))
            s.add_all(_finding_row(review_id, i, f) for i, f in enumerate(result.findings))
            s.execute(delete(ReviewKeyRow).where(ReviewKeyRow.review_id == review_id))
            if fingerprint is not None:
                s.add(ReviewKeyRow(review_id=review_id, fingerprint=fingerprint))
        result.id = review_id
        return review_id

    def get_review(self, review_id: str) -> ReviewResult:
        """The stored review; raises NotFound when the id is unknown."""
        with self._sessions() as s:
            return _to_result(_review_row(s, review_id))

    def find_review(
        self,
        document_ids: list[str],
        playbook_id: str,
        playbook_version: str,
        *,
        fingerprint: str | None = None,
        family: str | None = None,
    ) -> ReviewResult | None:
        """Latest stored review of exactly this set of documents with this playbook version, or None.
        With `fingerprint`, only a review saved with the same fingerprint matches (an edited playbook that
        kept its id and version, or a changed document kind, must not reuse an older review); with
        `family`, only a review stored under that family name (so the family's latest review is found)."""
        query = (
            select(ReviewRow)
            .where(
                ReviewRow.documents_key == documents_key(document_ids),
                ReviewRow.playbook_id == playbook_id,
                ReviewRow.playbook_version == playbook_version,
            )
            .order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc())
            .limit(1)
        )
        if fingerprint is not None:
            query = query.join(ReviewKeyRow, ReviewKeyRow.review_id == ReviewRow.id).where(
                ReviewKeyRow.fingerprint == fingerprint
            )
        if family is not None:
            query = query.where(ReviewRow.family == family)
        with self._sessions() as s:
            row = s.scalar(query)
            return _to_result(row) if row is not None else None

    def list_reviews(self, family: str | None = None, limit: int = 100) -> list[ReviewResult]:
        """Stored reviews, newest first (only `family`'s when given)."""
        query = select(ReviewRow).order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc()).limit(limit)
        if family is not None:
            query = query.where(ReviewRow.family == family)
        with self._sessions() as s:
            return [_to_result(r) for r in s.scalars(query)]

    def latest_review(self, family: str, playbook_id: str) -> ReviewResult | None:
        """The newest stored review of `family` made with playbook `playbook_id`, or None."""
        query = (
            select(ReviewRow)
            .where(ReviewRow.family == family, ReviewRow.playbook_id == playbook_id)
            .order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc())
            .limit(1)
        )
        with self._sessions() as s:
            row = s.scalar(query)
            return _to_result(row) if row is not None else None

    def previous_review(self, result: ReviewResult) -> ReviewResult | None:
        """The newest other stored review that `result` supersedes: same playbook id and the same family
        (or, for a review without a family, the same documents), stored before it."""
        if result.id is None:
            return None
        query = (
            select(ReviewRow)
            .where(ReviewRow.playbook_id == result.playbook.id, ReviewRow.id != result.id)
            .order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc())
            .limit(1)
        )
        if result.family is not None:
            query = query.where(ReviewRow.family == result.family)
        else:
            query = query.where(ReviewRow.documents_key == documents_key([d.id for d in result.documents]))
        with self._sessions() as s:
            mine = _review_row(s, result.id)
            row = s.scalar(query.where(ReviewRow.created_at <= mine.created_at))
            return _to_result(row) if row is not None else None

    def copy_decisions(self, decisions: list[Decision], to_review: str) -> list[Decision]:
        """Store copies of `decisions` (another review's) on review `to_review` in one transaction, keeping
        action, reason, actor, owner and time, and recording the review each was first made on."""
        copies = [
            d.model_copy(
                update={"id": None, "review_id": to_review, "carried_from": d.carried_from or d.review_id}
            )
            for d in decisions
        ]
        with self._sessions.begin() as s:
            _review_row(s, to_review)
            rows = [_decision_row(d.model_copy(update={"id": uuid.uuid4().hex})) for d in copies]
            s.add_all(rows)
            s.flush()
            return [to_decision(r) for r in rows]

    def list_findings(
        self, review_id: str, status: str | None = None, severity: str | None = None
    ) -> list[Finding]:
        """Findings of a stored review in playbook order, optionally only one status and/or severity."""
        query = select(FindingRow).where(FindingRow.review_id == review_id).order_by(FindingRow.position)
        if (wanted := _checked(status, Status, "status")) is not None:
            query = query.where(FindingRow.status == wanted)
        if (wanted := _checked(severity, Severity, "severity")) is not None:
            query = query.where(FindingRow.severity == wanted)
        with self._sessions() as s:
            _review_row(s, review_id)
            return [Finding.model_validate(r.data) for r in s.scalars(query)]

    def add_decision(self, decision: Decision) -> Decision:
        """Store legal's decision on a finding of a stored review; returns it with id and timestamp set."""
        if not decision.review_id:
            raise ValueError(
                f"decision on {decision.requirement!r} has no review_id; set the review it decides"
            )
        stored = decision.model_copy(update={"id": decision.id or uuid.uuid4().hex})
        with self._sessions.begin() as s:
            _review_row(s, decision.review_id)
            has_finding = s.scalar(
                select(FindingRow.id).where(
                    FindingRow.review_id == decision.review_id, FindingRow.requirement == decision.requirement
                )
            )
            if has_finding is None:
                raise NotFound(
                    f"review {decision.review_id!r} has no finding for requirement {decision.requirement!r}; "
                    "decide on one of the review's findings."
                )
            row = _decision_row(stored)
            s.add(row)
            s.flush()
            return to_decision(row)

    def decisions(self, review_id: str) -> list[Decision]:
        """Decisions on a stored review's findings, oldest first; raises NotFound for an unknown review."""
        query = (
            select(DecisionRow)
            .where(DecisionRow.review_id == review_id)
            .order_by(DecisionRow.at, DecisionRow.id)
        )
        with self._sessions() as s:
            _review_row(s, review_id)
            return [to_decision(r) for r in s.scalars(query)]


def _decision_row(decision: Decision) -> DecisionRow:
    return DecisionRow(
        id=decision.id,
        review_id=decision.review_id,
        requirement=decision.requirement,
        action=decision.action.value,
        reason=decision.reason,
        actor=decision.actor,
        risk_owner=decision.risk_owner,
        at=parse_timestamp(decision.at),
        carried_from=decision.carried_from,
    )


def _finding_row(review_id: str, position: int, finding: Finding) -> FindingRow:
    return FindingRow(
        review_id=review_id,
        position=position,
        requirement=finding.requirement,
        status=finding.status.value,
        severity=finding.severity.value,
        data=finding.model_dump(mode="json"),
    )
