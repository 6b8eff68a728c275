"""Extractors of the CUAD playbook (`evals/playbooks/cuad.yaml`): one registered extractor per category.

Each runs the category's sentence rules (`extractors.cuad_categories`, `extractors.cuad_terms`) over every document of the
family, quotes the accepted sentences as evidence and reads the category's parameters from them
(renewal term in months, notice days, governing-law jurisdiction, liability cap amount). Where the
learned sentence scorer (`extractors.cuad_model`, `extractors.cuad_decide`) ships enabled for a category,
it confirms, vetoes or adds to the rules' verdict and its best sentences become the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from assistant.models import Document, Evidence, Finding, ParamValue, Status
from assistant.playbook import Requirement
from extractors.base import ReviewContext, evidence_for, register
from extractors.cuad_categories import CATEGORIES
from extractors.cuad_decide import model_verdict
from extractors.cuad_rules import CategoryRules, match_sentences
from extractors.text import find_durations

MAX_EVIDENCE = 2
MAX_QUOTE_CHARS = 1200

Hit = tuple[Document, int, int, str]
ParamReader = Callable[[list[str]], dict[str, ParamValue]]


def find_hits(cat: CategoryRules, ctx: ReviewContext) -> list[Hit]:
    """Every (document, start, end, rule) sentence of the family that the category's rules accept."""
    return [(doc, s, e, name) for doc in ctx.documents for s, e, name in match_sentences(cat, doc.text)]


def _evidence(hits: list[Hit]) -> list[Evidence]:
    out: list[Evidence] = []
    for doc, start, end, _ in hits[:MAX_EVIDENCE]:
        out.append(evidence_for(doc, start, min(end, start + MAX_QUOTE_CHARS)))
    return out


def _first_duration(texts: list[str], near: str, unit: str) -> int | None:
    """The first duration within ~150 characters after a `near` match, converted to `unit`."""
    rx = re.compile(near, re.IGNORECASE)
    for text in texts:
        for m in rx.finditer(text):
            for d in find_durations(text[m.start() : m.end() + 150]):
                return d.months() if unit == "months" else d.days()
    return None


_YEARLY = re.compile(r"\byear[\s-]to[\s-]year|\bannual(?:ly)?\b|\byearly\b|\beach\s+year\b", re.I)
_MONTHLY = re.compile(r"\bmonth[\s-]to[\s-]month|\bmonthly\b", re.I)


def renewal_params(texts: list[str]) -> dict[str, ParamValue]:
    """renewal_term_months: the length of each renewal ('successive one (1) year periods' -> 12)."""
    months = _first_duration(texts, r"renew|successive|additional|extend|further", "months")
    if not months:
        joined = " ".join(texts)
        months = 12 if _YEARLY.search(joined) else 1 if _MONTHLY.search(joined) else None
    return {"renewal_term_months": months} if months else {}


_NOTICE_WORD = re.compile(r"\bnoti(?:ce|fy|fication)\b|\bprior\s+to\b|\bbefore\b|\bin\s+advance\b", re.I)


def notice_params(texts: list[str]) -> dict[str, ParamValue]:
    """notice_days: how long before the term ends notice is due (the duration nearest the notice words)."""
    best: tuple[int, int] | None = None  # (distance, days)
    for text in texts:
        anchors = [m.start() for m in _NOTICE_WORD.finditer(text)]
        for d in find_durations(text):
            dist = min((abs(d.start - a) for a in anchors), default=10_000)
            if best is None or dist < best[0]:
                best = (dist, d.days())
    return {"notice_days": best[1]} if best else {}


_LAW_RX = re.compile(
    r"(?i:\blaws?\s+(?:of|in\s+force\s+in)\s+(?:the\s+)?(?:(?:state|commonwealth|province|republic|kingdom)\s+of\s+)?)"
    r"(?P<place>[A-Z][\w.'’]*(?:\s+(?:of\s+)?[A-Z][\w.'’]*){0,3})"
    r"|(?i:\b(?:state|commonwealth|province)\s+of\s+)(?P<state>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})"
    r"|(?i:\b(?:by|under|with)\s+(?:the\s+)?)(?P<adj>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?|PRC)\s+(?i:laws?)\b"
)
_NOT_PLACES = {"The", "This", "Such", "Any", "Applicable", "All", "Each", "Its", "Federal", "Applicable Law", "Governing",
               "Local", "Business", "Company", "Agreement"}  # fmt: skip
_ADJECTIVES = {"English": "England", "Chinese": "China", "PRC": "China", "French": "France", "German": "Germany",
               "Swiss": "Switzerland", "Dutch": "Netherlands", "Irish": "Ireland", "Scottish": "Scotland"}  # fmt: skip
_TRAILING = re.compile(
    r"\s+(?:Without|Applicable|And|Excluding|Including|As|In|Other|Except|Regardless)\b.*$", re.I
)


def law_params(texts: list[str]) -> dict[str, ParamValue]:
    """jurisdiction: the state or country whose law governs ('laws of the State of New York' -> 'New York')."""
    for text in texts:
        for m in _LAW_RX.finditer(text):
            raw = m.group("place") or m.group("state") or m.group("adj") or ""
            place = _TRAILING.sub("", re.sub(r"\s+", " ", raw)).strip(" .,;'’")
            place = re.sub(r"^(?:The\s+)?(?:State|Commonwealth|Province)\s+of\s+", "", place, flags=re.I)
            place = _ADJECTIVES.get(place, place)
            if place and place not in _NOT_PLACES and not place.lower().startswith("united states"):
                return {"jurisdiction": place.title() if place.isupper() and len(place) > 3 else place}
    return {}


_MONEY_RX = re.compile(r"(?:US\$|U\.S\.\s*\$|\$|USD\s*)\s*(\d[\d,]*(?:\.\d+)?)\s*(million|thousand)?", re.I)


def cap_params(texts: list[str]) -> dict[str, ParamValue]:
    """cap_amount: a dollar cap when stated; cap_months_of_fees: 'fees paid in the twelve months before'."""
    out: dict[str, ParamValue] = {}
    for text in texts:
        m = _MONEY_RX.search(text)
        if m and "cap_amount" not in out:
            value = float(m.group(1).replace(",", ""))
            scale = {"million": 1_000_000, "thousand": 1_000}.get((m.group(2) or "").lower(), 1)
            out["cap_amount"] = int(value * scale)
        if "cap_months_of_fees" not in out and re.search(r"\bfees?\b|\bamounts?\s+paid", text, re.I):
            months = _first_duration(
                [text], r"(?:preceding|prior|previous|during\s+the|in\s+the|last)", "months"
            )
            if months:
                out["cap_months_of_fees"] = months
    return out


def convenience_params(texts: list[str]) -> dict[str, ParamValue]:
    """notice_days: the notice a party must give to terminate without cause."""
    days = _first_duration(texts, r"notice|upon|giving|at\s+least", "days")
    return {"notice_days": days} if days else {}


PARAM_READERS: dict[str, ParamReader] = {
    "renewal_term": renewal_params,
    "notice_period_to_terminate_renewal": notice_params,
    "governing_law": law_params,
    "cap_on_liability": cap_params,
    "termination_for_convenience": convenience_params,
}


# A category that only exists when another does: a notice period to stop renewal needs a renewal. The
# gate opens when the other category is found in the family or when the category's own evidence says so.
GATES: dict[str, tuple[str, re.Pattern[str]]] = {
    "notice_period_to_terminate_renewal": ("renewal_term", re.compile(r"\brenew", re.I)),
}


def _gate_open(category_id: str, hits: list[Hit], ctx: ReviewContext) -> bool:
    gate = GATES.get(category_id)
    if gate is None:
        return True
    other, own = gate
    if any(own.search(doc.text[s:e]) for doc, s, e, _ in hits):
        return True
    other_cat = CATEGORIES[other]
    return other_cat.found([(s, e, name) for _, s, e, name in find_hits(other_cat, ctx)])


@dataclass(frozen=True)
class RuleVerdict:
    """What the category's sentence rules say about a family: the sentences they accept, ordered
    strongest first, whether they are enough, and why not when they are not."""

    hits: list[Hit]
    found: bool
    reason: str


def rule_verdict(category_id: str, ctx: ReviewContext) -> RuleVerdict:
    """Run the category's rules (and its gate) over the family."""
    cat = CATEGORIES[category_id]
    hits = find_hits(cat, ctx)
    if hits and not _gate_open(category_id, hits, ctx):
        needed = CATEGORIES[GATES[category_id][0]].category
        return RuleVerdict([], False, f"{cat.category!r} needs {needed!r}, which is absent.")
    if not cat.found([(s, e, name) for _, s, e, name in hits]):
        detail = f" ({len(hits)} weak sign(s) only)" if hits else ""
        return RuleVerdict(
            hits, False, f"No sentence grants {cat.category!r} in the sense of its CUAD definition{detail}."
        )
    order = {r.name: i for i, r in enumerate(cat.rules)}  # rules are listed strongest first
    hits = sorted(hits, key=lambda h: (-cat.weight(h[3]), order.get(h[3], len(order))))
    rules = sorted({name for *_, name in hits})
    return RuleVerdict(
        hits, True, f"{len(hits)} sentence(s) match {cat.category!r} (rules: {', '.join(rules)})."
    )


def review_category(category_id: str, req: Requirement, ctx: ReviewContext) -> Finding:
    """The finding for one CUAD category: present with quoted sentences, or missing. The rules decide,
    together with the learned sentence scorer where cross-validation showed that it helps."""
    verdict = rule_verdict(category_id, ctx)
    scored = model_verdict(category_id, verdict.found, ctx)
    if scored is None and not verdict.found:
        return Finding(requirement=req.id, status=Status.missing, reason=verdict.reason, confidence=0.7)
    if scored is not None and not scored.found:
        reason = f"{verdict.reason} Learned scorer: best sentence p={scored.probability:.2f}, not enough."
        return Finding(requirement=req.id, status=Status.missing, reason=reason, confidence=0.7)
    if scored is not None and not verdict.found:
        hits: list[Hit] = [(doc, s, e, "scorer") for doc, s, e in scored.best]
        reason = f"Learned scorer: best sentence p={scored.probability:.2f} ({verdict.reason})"
    else:
        hits = verdict.hits
        extra = f" Learned scorer: p={scored.probability:.2f}." if scored is not None else ""
        reason = verdict.reason + extra
    reader = PARAM_READERS.get(category_id)
    texts = [doc.text[s:e] for doc, s, e, _ in hits]
    params = reader(texts) if reader else {}
    weak = [w.reason for w in req.weak_if if w.applies(params)]
    return Finding(
        requirement=req.id,
        status=Status.weak if weak else Status.present,
        params=params,
        evidence=_evidence(hits),
        reason=" ".join([reason, *weak]),
        confidence=0.8,
    )


def _make(category_id: str) -> Callable[[Requirement, ReviewContext], Finding]:
    def extractor(req: Requirement, ctx: ReviewContext) -> Finding:
        return review_category(category_id, req, ctx)

    extractor.__name__ = f"cuad_{category_id}"
    extractor.__doc__ = f"CUAD extractor for {CATEGORIES[category_id].category!r}."
    return extractor


for _cid in CATEGORIES:
    register(f"cuad_{_cid}")(_make(_cid))
