"""The audit chain detects edits, deletions and reordering made directly in SQL."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from assistant.audit import GENESIS, AuditLog, canonical_json, event_hash


@pytest.fixture
def log(db_url: str) -> AuditLog:
    audit = AuditLog(create_engine(db_url))
    for i in range(1, 6):
        audit.append(
            f"user{i}",
            "finding.decision",
            "finding",
            f"rev1:req{i}",
            before={"status": "open"},
            after={"status": "accepted", "reason": f"reason {i}", "n": i},
            project="acme",
        )
    return audit


def _sql(audit: AuditLog, statement: str) -> None:
    with audit.engine.begin() as conn:
        conn.execute(text(statement))


def test_intact_chain_verifies_and_links(log: AuditLog) -> None:
    result = log.verify()
    assert result.ok and result.count == 5 and result.first_broken_seq is None
    events = log.events()
    assert [e.seq for e in events] == [1, 2, 3, 4, 5]
    assert events[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(events, events[1:], strict=False))
    assert result.head_hash == events[-1].hash
    assert events[2].after == {"status": "accepted", "reason": "reason 3", "n": 3}


def test_edit_of_after_json_is_detected(log: AuditLog) -> None:
    _sql(
        log,
        """UPDATE cg_audit_events SET after = '{"status": "dismissed", "n": 3}' WHERE seq = 3""",
    )
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 3
    assert "edited" in (result.problem or "")


def test_edit_with_recomputed_hash_breaks_next_link(log: AuditLog) -> None:
    # A forger who rewrites the actor and recomputes that row's hash still breaks the next row's link.
    ev = log.events()[1]
    fields = ev.model_dump() | {"actor": "mallory"}
    fields["before"], fields["after"] = canonical_json(ev.before), canonical_json(ev.after)
    _sql(log, f"UPDATE cg_audit_events SET actor = 'mallory', hash = '{event_hash(fields)}' WHERE seq = 2")
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 3
    assert "prev_hash" in (result.problem or "")


def test_deletion_in_the_middle_is_detected(log: AuditLog) -> None:
    _sql(log, "DELETE FROM cg_audit_events WHERE seq = 2")
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 3
    assert "deleted" in (result.problem or "")


def test_deletion_and_renumbering_is_detected(log: AuditLog) -> None:
    _sql(log, "DELETE FROM cg_audit_events WHERE seq = 2")
    for seq in (3, 4, 5):
        _sql(log, f"UPDATE cg_audit_events SET seq = {seq - 1} WHERE seq = {seq}")
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 2


def test_reordering_is_detected(log: AuditLog) -> None:
    _sql(log, "UPDATE cg_audit_events SET seq = 100 WHERE seq = 2")
    _sql(log, "UPDATE cg_audit_events SET seq = 2 WHERE seq = 4")
    _sql(log, "UPDATE cg_audit_events SET seq = 4 WHERE seq = 100")
    result = log.verify()
    assert not result.ok and result.first_broken_seq == 2


def test_truncation_changes_head_hash_and_count(log: AuditLog) -> None:
    before = log.verify()
    _sql(log, "DELETE FROM cg_audit_events WHERE seq = 5")
    after = log.verify()
    assert after.ok  # the chain itself is consistent...
    assert (after.count, after.head_hash) != (before.count, before.head_hash)  # ...but the anchor moved


def test_cursor_feed_filters_and_subject_history(log: AuditLog) -> None:
    log.append("sys", "review.done", "review", "rev2", after={"findings": 12}, project="other")
    assert [e.seq for e in log.events(after_seq=3)] == [4, 5, 6]
    assert [e.seq for e in log.events(after_seq=0, project="other")] == [6]
    assert [e.action for e in log.events(actions=["review.done"])] == ["review.done"]
    assert [e.actor for e in log.for_subject("finding", "rev1:req4")] == ["user4"]
    assert log.count() == 6 and log.verify().ok


def test_concurrent_appends_keep_one_valid_chain(db_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from assistant.store.engine import make_engine

    audit = AuditLog(make_engine(db_url))

    def write(worker: int) -> None:
        own = AuditLog(make_engine(db_url))  # own engine and lock: like another server process
        for i in range(15):
            own.append(f"w{worker}", "test.event", "thing", f"{worker}-{i}")

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(write, range(4)))
    result = audit.verify()
    assert result.ok and result.count == 60
    assert [e.seq for e in audit.events(limit=100)] == list(range(1, 61))
