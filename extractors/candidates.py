"""Candidate clauses for a requirement: lexical cue hits merged with vector-search hits.

Cues are the requirement's regexes (case-insensitive), matched against the clause body and heading,
so a clause under an unexpected heading ("Miscellaneous") is still found by its text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assistant.playbook import Requirement
from extractors.base import Candidate, ReviewContext

HEADING_WEIGHT = 2.0
VECTOR_WEIGHT = 3.0


@lru_cache(maxsize=512)
def _compile(cue: str) -> re.Pattern[str] | None:
    try:
        return re.compile(cue, re.IGNORECASE)
    except re.error:
        return re.compile(re.escape(cue), re.IGNORECASE)


def cue_score(req: Requirement, body: str, heading: str | None) -> float:
    """Score of one clause for `req`: each distinct cue found in the body counts 1 plus 0.25 per extra
    occurrence (at most 1 more); a cue in the heading counts HEADING_WEIGHT extra."""
    score = 0.0
    for cue in req.cues:
        rx = _compile(cue)
        if rx is None:
            continue
        n = len(rx.findall(body))
        if n:
            score += 1.0 + min(1.0, 0.25 * (n - 1))
        if heading and rx.search(heading):
            score += HEADING_WEIGHT
    return score


def find_candidates(req: Requirement, ctx: ReviewContext) -> list[Candidate]:
    """Top `ctx.candidates_per_requirement` clauses for `req`, best first; `via` says 'cue' and/or
    'vector'. Vector hits come from `ctx.vector_search(req.query or req.description, k)` when set."""
    found: dict[str, Candidate] = {}
    for clause, doc in ctx.clauses():
        score = cue_score(req, clause.text, clause.heading)
        if score > 0:
            found[clause.id] = Candidate(clause, doc, score, frozenset({"cue"}))
    if ctx.vector_search is not None:
        k = max(ctx.candidates_per_requirement * 2, 1)
        for clause_id, similarity in ctx.vector_search(req.query or req.description, k):
            hit = ctx.lookup(clause_id)
            if hit is None:
                continue
            clause, doc = hit
            prior = found.get(clause_id)
            base = prior.score if prior else 0.0
            via = (prior.via if prior else frozenset()) | {"vector"}
            found[clause_id] = Candidate(clause, doc, base + VECTOR_WEIGHT * float(similarity), via)
    ranked = sorted(found.values(), key=lambda c: (-c.score, c.document.id, c.clause.index))
    return ranked[: ctx.candidates_per_requirement]
