"""Real SEC-filed contracts from CUAD: offsets hold, clause counts are sensible, parsing is fast."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from assistant.ingest import MAX_CLAUSE_CHARS, parse_file

CUAD = Path(__file__).resolve().parents[2] / "shared" / "data" / "cuad"
CONTRACTS = sorted((CUAD / "contracts").glob("*.txt")) if CUAD.is_dir() else []
pytestmark = pytest.mark.skipif(not CUAD.is_dir(), reason=f"CUAD data folder {CUAD} is absent")


def _sample() -> list[Path]:
    """Five contracts spread over the corpus, including the largest one."""
    picks = CONTRACTS[:: max(1, len(CONTRACTS) // 4)][:4]
    largest = max(CONTRACTS, key=lambda p: p.stat().st_size)
    return [*picks, largest] if largest not in picks else picks


def test_cuad_contracts_parse_with_exact_offsets() -> None:
    sample = _sample()
    assert len(sample) == 5
    t0 = time.perf_counter()
    for path in sample:
        doc = parse_file(path)
        raw = path.read_text(encoding="utf-8")
        assert doc.text == raw  # plain text is stored as written, so CUAD's label offsets still apply
        assert doc.media_type == "txt" and len(doc.pages) == 1 and doc.pages[0].end == len(raw)
        assert all(c.text == doc.text[c.start : c.end] for c in doc.clauses)
        assert all(0 < len(c.text) <= MAX_CLAUSE_CHARS for c in doc.clauses)
        covered = "".join(
            doc.text[a.end : b.start] for a, b in zip(doc.clauses, doc.clauses[1:], strict=False)
        )
        assert not covered.strip() and not doc.text[: doc.clauses[0].start].strip()  # no text is lost
        starts = [c.start for c in doc.clauses]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        # a reviewable unit is a few hundred to a few thousand characters
        expected = len(raw) / MAX_CLAUSE_CHARS
        assert expected <= len(doc.clauses) <= max(20, len(raw) / 40), (path.name, len(doc.clauses))
        assert sum(c.number is not None for c in doc.clauses) >= len(doc.clauses) // 2, path.name
    assert time.perf_counter() - t0 < 10.0


def test_cuad_numbered_sections_are_found() -> None:
    path = max(CONTRACTS, key=lambda p: p.stat().st_size)
    doc = parse_file(path)
    numbers = {c.number for c in doc.clauses}
    assert {"1", "2", "3"} <= numbers or {"1.1", "2.1", "3.1"} <= numbers
    headed = [c for c in doc.clauses if c.heading]
    assert len(headed) >= 0.8 * len(doc.clauses)
