"""The keyword baseline for CUAD: one regex per category, document level.

It is what a reviewer with Ctrl-F would get; the engine's figures are printed beside it so everyone sees
the margin the rules add.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from evals.datasets import EvalCase
from evals.metrics import Score, score

KEYWORDS: dict[str, str] = {
    "audit_rights": r"\baudit",
    "post_termination_services": r"\b(?:after|upon|following)\s+(?:the\s+)?(?:termination|expiration)",
    "termination_for_convenience": r"for\s+convenience|without\s+cause",
    "renewal_term": r"\brenew",
    "notice_period_to_terminate_renewal": r"\bnotice\b.{0,100}\brenew|\brenew\w*\b.{0,100}\bnotice",
    "cap_on_liability": r"liabilit.{0,100}(?:exceed|limited\s+to)",
    "insurance": r"\binsurance\b",
    "change_of_control": r"change\s+(?:of|in)\s+control",
    "anti_assignment": r"\bassign",
    "governing_law": r"governing\s+law|governed\s+by",
}

_COMPILED = {rid: re.compile(p, re.IGNORECASE | re.DOTALL) for rid, p in KEYWORDS.items()}


def keyword_found(requirement: str, text: str) -> bool:
    """True when the requirement's keyword regex occurs anywhere in `text`."""
    return bool(_COMPILED[requirement].search(text))


def keyword_scores(cases: Sequence[EvalCase]) -> dict[str, Score]:
    """Per-category document-level score of the keyword baseline over `cases` (raw file text)."""
    texts = {c.id: "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in c.files) for c in cases}
    return {
        rid: score((c.labels[rid].found, keyword_found(rid, texts[c.id])) for c in cases if rid in c.labels)
        for rid in KEYWORDS
    }
