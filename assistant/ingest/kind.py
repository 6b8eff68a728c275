"""Guess what a contract document is (MSA, DPA, SLA, order form, SOW, proposal) and find its title.

Scores keyword phrases: a phrase in the title counts most, then in the first page, then in the file
name; mentions further down count a little (an MSA mentions "Order Form" often without being one).
A specific kind found in the title beats the generic "Agreement" or "Terms" -> msa.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.models import DocumentKind

_K = DocumentKind
_PATTERNS: dict[DocumentKind, re.Pattern[str]] = {
    _K.dpa: re.compile(
        r"\bdata\s+(?:processing|protection)\s+(?:agreement|addendum|terms|exhibit|schedule|annex|appendix)\b|\bDPA\b"
        r"|\bstandard\s+contractual\s+clauses\b",
        re.IGNORECASE,
    ),
    _K.order_form: re.compile(
        r"\border\s+form\b|\b(?:subscription|sales|service|purchase)\s+order\b|\bquot(?:e|ation)\b"
        # negotiated conditions of one order: "CONDITIONS PARTICULIÈRES / SPECIAL CONDITIONS No. GMS-CP-2026-0147"
        r"|\bordering\s+document\b|\bconditions\s+particuli[eè]res\b",
        re.IGNORECASE,
    ),
    _K.sla: re.compile(
        r"\bservice[\s-]+level\s+(?:agreement|addendum|schedule|terms)\b|\bSLA\b", re.IGNORECASE
    ),
    _K.sow: re.compile(r"\bstatement\s+of\s+work\b|\bSOW\b|\bwork\s+order\b", re.IGNORECASE),
    _K.proposal: re.compile(
        r"\bproposal\b|\bRFP\s+response\b|\bresponse\s+to\s+(?:the\s+)?request\s+for\s+proposals?\b",
        re.IGNORECASE,
    ),
    _K.msa: re.compile(
        r"\bmaster\s+(?:services?|subscription|software|purchase|license|licence|supply)?\s*agreement\b"
        r"|\bterms\s+of\s+(?:service|use)\b|\b(?:general\s+)?terms\s+and\s+conditions\b"
        r"|\b(?:saas|subscription|services?|license|licence|software|cloud)\s+agreement\b",
        re.IGNORECASE,
    ),
}
_BODY_CHARS = 30_000  # how far mentions are counted; enough to see a document's own vocabulary
_AGREEMENT = re.compile(r"\b(?:agreement|contract)\b", re.IGNORECASE)
_TERMS = re.compile(r"\bterms\b", re.IGNORECASE)  # "Enterprise Terms" as a title: terms that govern orders
_SKIP_TITLE = re.compile(
    r"^(?:exhibit\s+[\d.]+\S*|ex-\d.*|execution\s+(?:copy|version)|confidential(?:\s+treatment)?.*|draft.*"
    r"|page\s+\d+.*|\[\*+\].*|table\s+of\s+contents|source:.*"
    # ("ANNEX 3 / to Contract No. 14 of 2 February 2026": the line that ties an annex to its contract)
    r"|to\s+(?:the\s+)?(?:contract|agreement)\s+(?:no\.|number\b|dated\b|of\b).*)$",
    re.IGNORECASE,
)
_TITLE_WORDS = re.compile(
    r"agreement|addendum|contract|terms|order|statement of work|proposal|schedule|policy|amendment|license|annex|appendix",
    re.IGNORECASE,
)
_GAP = re.compile(r"\n|\s{3,}")
_EXHIBIT_PREFIX = re.compile(r"^exhibit\s+[\d.]+[a-z]?\s+", re.IGNORECASE)


def detect_kind(text: str, filename: str = "") -> DocumentKind:
    """Kind of a contract document from its title, first page, file name and keyword counts."""
    head = text[:3000]
    name = re.sub(r"[_\-.]+", " ", Path(filename).stem)
    scores = _title_scores(find_title(text) or "")
    for kind, pattern in _PATTERNS.items():
        scores[kind] += 2.0 * min(2, len(pattern.findall(head))) + 5.0 * bool(pattern.search(name))
        scores[kind] += min(2.0, 0.2 * len(pattern.findall(text, 3000, _BODY_CHARS)))
    if _AGREEMENT.search(name) or _AGREEMENT.search(head):
        scores[_K.msa] += 3.0  # "Agreement" generally -> msa
    best = max(scores, key=lambda k: scores[k])
    return best if scores[best] >= 2.0 else _K.other


def _title_scores(title: str) -> dict[DocumentKind, float]:
    """The kind named first in the title wins ("Statement of Work under the Master Agreement" -> sow)."""
    scores = dict.fromkeys(_PATTERNS, 0.0)
    found: dict[DocumentKind, int] = {}
    for kind, pattern in _PATTERNS.items():
        if m := pattern.search(title):
            found[kind] = m.start()
    if _K.msa not in found and (m := _AGREEMENT.search(title) or _TERMS.search(title)):
        found[_K.msa] = m.start()
    if _K.proposal in found and _K.order_form in found:
        del found[_K.proposal]  # "Commercial Proposal and Order Form": once signed, the proposal is the order
    if found:
        first = min(found, key=lambda k: (found[k], k is _K.msa))
        for kind in found:
            scores[kind] = 14.0 if kind is first else 6.0
    return scores


def find_title(text: str, max_lines: int = 40) -> str | None:
    """First meaningful title line: prefers a line naming the document type near the top."""
    candidates: list[str] = []
    for raw in _GAP.split(text[:6000]):
        line = _title_fragment(" ".join(raw.strip("#>*_- \t").split()))
        if len(line) < 3 or _SKIP_TITLE.match(line) or sum(c.isalpha() for c in line) < 3:
            continue
        candidates.append(line)
        if len(candidates) >= max_lines:
            break
    for line in candidates[:8]:
        if _TITLE_WORDS.search(line) and len(line) <= 100 and not line.endswith((",", ";")):
            return line.rstrip(" .:")
    return candidates[0].rstrip(" .:") if candidates else None


def _title_fragment(line: str) -> str:
    """A title line, or the ALL-CAPS title run that opens a long one-line document."""
    if len(line) <= 150:
        return line
    words = _EXHIBIT_PREFIX.sub("", line).split()
    run: list[str] = []
    for word in words:
        if any(c.islower() for c in word) or len(run) >= 15 or word in ("THIS", "WHEREAS"):
            break
        run.append(word)
    while run and run[-1] in ("THE", "AND", "OF", "TO"):
        run.pop()
    return " ".join(run) if len(run) >= 2 else ""
