"""Document-level decision of a CUAD category from the rule verdict and the learned sentence scorer.

found = p >= t_high  or  (rules fire and p >= t_low), where p is the best sentence probability of the
family. `t_high=None` never lets the scorer find a category alone (it can only veto weak rule hits);
`t_low=0, t_high=None` is the rules alone. The thresholds of each category are chosen by
cross-validation in `evals/train_cuad.py`; a category whose cross-validated F1 did not beat the rules
ships disabled and the rules decide alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from assistant.models import Document
from extractors.base import ReviewContext
from extractors.cuad_model import shipped_scorer

MAX_BEST = 2


def decide(probability: float, rules_found: bool, t_high: float | None, t_low: float) -> bool:
    """The category decision for one family (see the module docstring)."""
    if t_high is not None and probability >= t_high:
        return True
    return rules_found and probability >= t_low


@dataclass(frozen=True)
class ModelVerdict:
    """The scorer's view of one category: decision, best probability and the best sentences."""

    found: bool
    probability: float
    best: list[tuple[Document, int, int]]


def model_verdict(category_id: str, rules_found: bool, ctx: ReviewContext) -> ModelVerdict | None:
    """The combined decision for `category_id`, or None when no scorer is shipped for it."""
    scorer = shipped_scorer()
    if scorer is None or category_id not in scorer.decisions:
        return None
    rule = scorer.decisions[category_id]
    if not rule.enabled:
        return None
    j = scorer.column(category_id)
    ranked: list[tuple[float, int, Document, int, int]] = []
    for k, doc in enumerate(ctx.documents):
        units, probs = scorer.score_document(doc)
        ranked.extend((float(probs[i, j]), k, doc, u.start, u.end) for i, u in enumerate(units))
    ranked.sort(key=lambda r: (-r[0], r[1], r[3]))
    best_p = ranked[0][0] if ranked else 0.0
    best = [(doc, s, e) for p, _, doc, s, e in ranked[:MAX_BEST] if p >= best_p / 2]
    return ModelVerdict(decide(best_p, rules_found, rule.t_high, rule.t_low), best_p, best)
