"""Shared decision machinery for the rule extractors.

Every extractor works the same way: split the family into sentences, find sentences where an
*element* of the requirement is expressed (a regex), keep only the ones that really grant it
(not negated, not a bare definition or cross-reference, the right party acting), read parameters,
and let `decide` turn the surviving hits, the parameters and the weak rules into a Finding.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TypeVar

from assistant.models import Document, Evidence, Finding, Status
from assistant.playbook import Requirement
from extractors.base import ReviewContext, evidence_for
from extractors.parties import Role, Roles, actor, family_roles
from extractors.spans import (
    ATTACHMENT_KINDS,
    NAMED_DOC_RE,
    PLACEHOLDER_NOTE,
    REFERENCE_RE,
    ROW_PLACEHOLDER,
    TO_HOLD,
    XREF_RE,
    Sentence,
    family_sentences,
    glossary,
    glued_heading_end,
    is_definition,
    is_negated,
    matching_sentences,
    names_document,
    neighbours,
    notice_durations,
    reference_target,
    strip_xrefs,
    target_missing,
)
from extractors.text import Duration, find_durations


def rx(pattern: str) -> re.Pattern[str]:
    """Case-insensitive compiled pattern."""
    return re.compile(pattern, re.I)


CUST = r"(?:customer|client|licensee|controller|subscriber|you)"
VEND = r"(?:vendor|provider|supplier|licensor|processor|company|we)"
# Plain-English drafting announces with "tell you", "warn", "let you know", "email you".
NOTICE = rx(
    r"\bnotice|\bnotif|\binform(?!ation)|\bannounc\w*|prior\s+to|in\s+advance|advance|\b(?:tell|tells|warn|warns|alert|alerts)\s+(?:you|the\s+\w+|\w+)\b|"
    r"\blet\s+(?:you|the\s+\w+|\w+)\s+know\b|\b(?:e-?mail|write\s+to|message)\s+(?:you|the\s+customer|customer|client)\b"
)
# A published inflation index sets a price change, not the vendor: "adjusted by the consumer price index",
# "the accumulated variation of the IPCA/IBGE", "HICP + 2%"
INDEX_LINKED = rx(
    r"\bindex(?:ation|ed|ing)?\b|\bconsumer\s+price|\binflation\b|\b(?:CPI|RPI|HICP|IPCA|INPC|IGP-?M|IPC)\b"
)
CONFIDENTIAL = rx(r"confidential\s+information(?![^.]{0,80}\bdata\b)")
DELETE_VERB = rx(
    # ("eliminate the Insurer's Data from the Platform": Portuguese and Spanish "eliminar" in translation)
    r"\b(?:delet|destroy|destruct|eras|purg|dispos|anonymi[sz]|shred|expung|overwr|wip(?:e|es|ed|ing)\b|eliminat)\w*|"
    r"\brender\w*\s+(?:\w+\s+){0,4}?(?:unreadable|irretrievable|unrecoverable|inaccessible|anonymous)|"
    r"\bcertif\w*\s+(?:the\s+|such\s+|its\s+)?(?:destruction|deletion|erasure)"
)


@dataclass
class Hit:
    """A sentence expressing one element of a requirement, with its verdict."""

    sentence: Sentence
    element: str
    start: int  # offset of the match inside the sentence text
    end: int
    role: Role | None
    verdict: str  # ok | negated | wrong_direction | definition

    @property
    def ok(self) -> bool:
        """True when the sentence grants the element."""
        return self.verdict == "ok"


def scan(
    ctx: ReviewContext,
    element: str,
    pattern: re.Pattern[str],
    *,
    within: re.Pattern[str] | None = None,
    actors: Iterable[Role | None] | None = ("vendor", "both", None),
    sentences_: Iterable[Sentence] | None = None,
) -> list[Hit]:
    """Sentences matching `pattern` (and `within`, a topic the sentence must mention), each with a
    verdict: negated, a bare definition, performed by a party not in `actors`, or ok."""
    allowed = set(actors) if actors is not None else None
    hits: list[Hit] = []
    roles = family_roles(ctx.documents)
    if sentences_ is None:
        sentences_ = [s for doc in ctx.documents for s in matching_sentences(doc, pattern)]
    for sent in sentences_:
        text = sent.plain or strip_xrefs(sent.text)
        if within is not None and not within.search(text) and not within.search(sent.lead):
            continue  # a list item takes the topic of its lead-in ("On a Security Incident, Vendor shall: (a) ...")
        # NOTE: every match is judged and the first that grants wins: "Customer may not terminate for
        # convenience during the first 30 months; thereafter Customer may terminate for convenience".
        judged = [_judge(sent, element, text, m, allowed, roles) for m in pattern.finditer(text)]
        if judged:
            hits.append(next((h for h in judged if h.ok), judged[0]))
    # "Article 14.1 of the Contract is deleted and replaced by the following: ...": a clause another document of the
    # family switches off grants nothing
    # (only the clause's own first paragraph: an unnumbered annex run on below "11.2 ..." is not clause 11.2)
    for hit in hits:
        if hit.ok and len(ctx.documents) > 1 and _in_first_paragraph(hit.sentence) and disapplied(hit, ctx):
            hit.verdict = "disapplied"
    return hits


def _in_first_paragraph(sent: Sentence) -> bool:
    """The sentence opens with its own number, or sits in its clause's first paragraph below the heading (no blank
    line between them)."""
    clause = sent.clause
    if clause is None or _LEADING_NUMBER.match(sent.text):
        return True
    before = sent.doc.text[clause.start : sent.start]
    # (the clause's heading line aside: "## 18. Transition-Out", "Article 14 - Security incidents")
    before = before[glued_heading_end(before) :].lstrip()
    return "\n\n" not in before


def rejudge_from(
    hit: Hit, pattern: re.Pattern[str], start: int, ctx: ReviewContext, actors: Iterable[Role | None] | None
) -> Hit | None:
    """The hit's sentence judged again from `start` on (past a run-in label, say): the first match there that
    grants, else the first judged, else None."""
    sent = hit.sentence
    text = sent.plain or strip_xrefs(sent.text)
    allowed = set(actors) if actors is not None else None
    roles = family_roles(ctx.documents)
    judged = [_judge(sent, hit.element, text, m, allowed, roles) for m in pattern.finditer(text, start)]
    return next((h for h in judged if h.ok), judged[0] if judged else None)


_GRANT = re.compile(
    r"\b(?:may|shall|will|must|agrees?\s+to|undertakes?\s+to|is\s+entitled)\b(?!\s+be\s+(?:as\s+)?(?:set|described|specified|governed))",
    re.I,
)


# "Whether, when and on what terms the District may terminate ... shall be as stated in Item 6 of the Purchase Order": the
# "may" is asked, not granted
_OPEN_QUESTION = re.compile(r"\W*(?:whether|if\s+and\s+when|the\s+(?:terms|conditions)\s+on\s+which)\b", re.I)


def _judge(
    sent: Sentence, element: str, text: str, m: re.Match[str], allowed: set[Role | None] | None, roles: Roles
) -> Hit:
    role = actor(text, m.start(), m.end(), roles)
    if role is None and sent.lead:
        role = actor(sent.lead, len(sent.lead), len(sent.lead), roles)
    if sent.lead and is_negated(sent.lead, len(sent.lead)) and not is_negated(text, m.start(), m.end()):
        return Hit(sent, element, m.start(), m.end(), role, "negated")
    if is_definition(text):
        verdict = "definition"
    elif PLACEHOLDER_NOTE.match(sent.text) or _inside_placeholder_note(sent):
        verdict = "placeholder"
    elif (ref := REFERENCE_RE.search(text)) is not None and (
        not _GRANT.search(text[: ref.start()]) or _OPEN_QUESTION.match(text)
    ):
        verdict = "reference"
    elif is_negated(text, m.start(), m.end()):
        verdict = "negated"
    elif allowed is not None and role not in allowed:
        verdict = "wrong_direction"
    else:
        verdict = "ok"
    return Hit(sent, element, m.start(), m.end(), role, verdict)


def _inside_placeholder_note(sent: Sentence) -> bool:
    """The sentence continues a bracketed note that holds a place ('[To be agreed ... . The Deconversion Plan will
    set out the deconversion period, the file formats and the deconversion fees.]')."""
    text = sent.doc.text
    opened = text.rfind("[", max(0, sent.start - 400), sent.start)
    return (
        opened >= 0
        and "]" not in text[opened : sent.start]
        and "\n\n" not in text[opened : sent.start]
        and bool(PLACEHOLDER_NOTE.match(text, opened))
    )


def ok(hits: Iterable[Hit]) -> list[Hit]:
    """Only the hits that grant the element."""
    return [h for h in hits if h.ok]


# Precedence of a family's documents when they disagree: the order form over the SLA, the DPA, the SOW and the
# master terms (a document that says it prevails is handled where it is read).
DOC_PRECEDENCE = {"order_form": 0, "sla": 1, "dpa": 2, "sow": 3, "msa": 4}


def doc_rank(doc: Document) -> int:
    """Rank of a document by its kind (lower prevails; documents of other kinds come last)."""
    return DOC_PRECEDENCE.get(doc.kind.value, 5)


def precedence(hit: Hit) -> int:
    """Rank of the hit's document (lower prevails; documents of other kinds come last)."""
    return doc_rank(hit.sentence.doc)


def to_vendor(hits: Iterable[Hit], roles: Roles) -> None:
    """Mark as wrong-direction the notices whose recipient is the vendor ('The Bank shall notify Provider
    within 24 hours', 'let us know about any change'): whoever gives such a notice, it is not the vendor's."""
    for hit in hits:
        if not hit.ok:
            continue
        text = hit.sentence.text
        inside = text[hit.start : hit.end]
        # the cue may stop inside its word ('notif' of 'notify'): the recipient follows the whole word
        end = hit.end + len(re.match(r"\w*", text[hit.end :]).group())  # type: ignore[union-attr]
        after = text[end : end + 40]
        recipient = re.match(r"\s*(?:to\s+|with\s+)?(?:the\s+)?(?P<who>[\w&.-]+(?:\s+[\w&.-]+)?)", after)
        named = re.search(r"\blet\s+(?P<who>\w+)\s+know\b", inside, re.I)
        for m in (named, recipient):
            if m is None:
                continue
            words = m.group("who").split()
            if any(roles.role_of(w) == "vendor" for w in [m.group("who"), *words[:1]]):
                hit.verdict = "wrong_direction"
                break


def durations_in(hit: Hit, near: re.Pattern[str] | None = None) -> list[Duration]:
    """Durations in the hit's sentence; with `near`, only those within 80 characters of a `near` match."""
    text = hit.sentence.text
    found = find_durations(text)
    if near is None:
        return found
    anchors = [m.start() for m in near.finditer(text)]
    return [d for d in found if any(abs(d.start - a) <= 80 for a in anchors)]


_KIND_RANK = {"order_form": 0, "sla": 1, "dpa": 2, "sow": 3, "msa": 4, "proposal": 5, "other": 6}

# "In the event of any conflict between this Addendum and the Subscription Terms, ... this Addendum shall
# prevail": a document that says it prevails over the others
_SELF_PREVAILS = re.compile(
    # (also in the present tense: "If this Rider conflicts with the Terms, ..., this Rider controls")
    r"\b(?:conflict\w*|inconsisten\w*|discrepanc\w*)\b[^.]{0,240}?\bthis\s+(?:[A-Z][\w-]*\s+){0,3}?"
    r"(?:Addendum|Amendment|Order\s+Form|Agreement|Contract|Terms|Schedule|Rider|Supplement|Order)\s+"
    r"(?:(?:shall|will|is\s+to)\s+(?:prevail|control|govern|take\s+precedence)|prevails|controls|governs|takes\s+precedence)|"
    # "This Rider prevails over the Terms, the Order, any click-through ... terms"
    r"\bthis\s+(?:[A-Z][\w-]*\s+){0,3}?(?:Addendum|Amendment|Order\s+Form|Schedule|Rider|Supplement)\s+"
    r"(?:(?:shall|will)\s+(?:prevail|take\s+precedence)|prevails|takes\s+precedence)\s+over\b|"
    # "These Special Conditions prevail over the Terms of Use and Service"
    r"\bthese\s+(?:[A-Z][\w-]*\s+){0,2}?(?:Conditions|Terms)\s+(?:(?:shall|will)\s+)?(?:prevail|take\s+precedence)\s+over\b",
    re.I,
)


def says_it_prevails(doc: Document) -> bool:
    """The document states that it prevails over the others in a conflict."""
    return _prevails(doc.text)


@lru_cache(maxsize=64)
def _prevails(text: str) -> bool:
    return bool(_SELF_PREVAILS.search(text))


Num = TypeVar("Num", int, float)


def pick_value(
    values: Sequence[tuple[Num, Hit]], prefer: str = "first"
) -> tuple[Num | None, Hit | None, str]:
    """Choose one parameter value among hits: the most specific document wins (order form, SLA, DPA over
    the MSA); within it `prefer` ('min', 'max' or 'first'). Returns (value, hit, note on conflicts)."""
    if not values:
        return None, None, ""
    ranked = sorted(values, key=lambda vh: _KIND_RANK.get(vh[1].sentence.doc.kind.value, 9))
    best_kind = ranked[0][1].sentence.doc.kind
    same = [vh for vh in ranked if vh[1].sentence.doc.kind == best_kind]
    # between documents of one kind (an addendum beside the vendor's terms), the one that says it prevails
    prevailing = [vh for vh in same if says_it_prevails(vh[1].sentence.doc)]
    if prevailing and len({vh[1].sentence.doc.id for vh in same}) > 1:
        same = prevailing
    if prefer == "min":
        value, hit = min(same, key=lambda vh: vh[0])
    elif prefer == "max":
        value, hit = max(same, key=lambda vh: vh[0])
    else:
        value, hit = same[0]
    others = sorted({v for v, h in values if v != value and h.sentence.doc.id != hit.sentence.doc.id})
    note = ""
    if others:
        note = f" {hit.sentence.where} ({value}) is taken over the other document(s) stating {others}."
    return value, hit, note


@dataclass
class Outcome:
    """What an extractor decided, before it becomes a Finding."""

    status: Status
    reason: str
    evidence: list[Hit] = field(default_factory=list)
    params: dict[str, int | float | str | bool | None] = field(default_factory=dict)
    confidence: float = 0.75


def weak_reasons(req: Requirement, params: Mapping[str, object]) -> list[str]:
    """Reasons of the playbook's `weak_if` rules that apply to `params`."""
    return [f"{r.reason} ({r.param} = {params.get(r.param)})" for r in req.weak_if if r.applies(dict(params))]


def decide(
    req: Requirement,
    granted: list[Hit],
    *,
    present_reason: str,
    weak: list[str] | None = None,
    params: Mapping[str, int | float | str | bool | None] | None = None,
    missing_reason: str = "",
    rejected: list[Hit] | None = None,
    ctx: ReviewContext | None = None,
) -> Outcome:
    """The shared verdict: no granting hit -> missing (or unclear when only a cross-reference to a
    document not provided speaks to it); any weak reason (pattern-based or a `weak_if` rule) -> weak;
    else present."""
    params = {k: v for k, v in (params or {}).items() if v is not None}
    if not granted:
        return _missing(req, rejected or [], missing_reason, ctx)
    reasons = list(weak or []) + weak_reasons(req, params)
    evidence = _dedupe(granted)[:3]
    if reasons:
        text = f"{present_reason.rstrip('.')}, but weak: {'; '.join(reasons)}."
        return Outcome(Status.weak, text, evidence, params, 0.75)
    return Outcome(Status.present, present_reason, evidence, params, 0.8)


def _sentence_key(hit: Hit) -> tuple[str, int]:
    return (hit.sentence.doc.id, hit.sentence.start)


def _dedupe(hits: list[Hit]) -> list[Hit]:
    seen: set[tuple[str, int]] = set()
    out: list[Hit] = []
    for h in hits:
        key = _sentence_key(h)
        if key not in seen:
            seen.add(key)
            out.append(h)
    return out


def add_new_sentences(hits: list[Hit], extra: list[Hit]) -> list[Hit]:
    """`hits` plus those `extra` hits whose sentences `hits` does not already cover (a second scan that
    overlaps the first adds only what the first missed)."""
    seen = {_sentence_key(h) for h in hits}
    return hits + [h for h in extra if _sentence_key(h) not in seen]


_VERDICT_TEXT = {
    "reference": "only points to another document or section",
    "negated": "is negated",
    "wrong_direction": "runs the wrong way (the other party acts)",
    "definition": "is only a definition",
    "placeholder": "only holds the place of text still to be written",
    "disapplied": "is switched off by another document",
}


def unclear_reference(ctx: ReviewContext, req: Requirement, among: list[Hit] | None = None) -> Outcome | None:
    """An `unclear` outcome when the requirement's topic is only addressed by a pointer to a schedule,
    exhibit or document that is not in the documents provided (only in the `among` sentences if given)."""
    dangling = dangling_reference(ctx, req, [h.sentence for h in among] if among is not None else None)
    if dangling is None:
        return None
    hit, label = dangling
    return Outcome(
        Status.unclear,
        f"{hit.sentence.where} refers to {label}, which is not in the documents provided or is only a placeholder; "
        "the requirement cannot be checked without it.",
        [hit],
        confidence=0.5,
    )


def _missing(req: Requirement, rejected: list[Hit], reason: str, ctx: ReviewContext | None) -> Outcome:
    base = reason or f"No clause in the documents provided satisfies '{req.title or req.id}'."
    evidence = _dedupe(rejected)[:2]
    notes = [f"{h.sentence.where} {_VERDICT_TEXT.get(h.verdict, h.verdict)}" for h in evidence]
    unclear = unclear_reference(ctx, req) if ctx is not None else None
    if unclear is not None:
        return unclear
    for h in rejected:
        target = reference_target(h.sentence.text) if h.verdict == "reference" else None
        if target and ctx is not None and target_missing(target, ctx.documents, source=h.sentence.doc):
            return Outcome(
                Status.unclear,
                f"{h.sentence.where} says this is dealt with in {target}, which is not in the documents provided or is only a placeholder.",
                [h],
                confidence=0.5,
            )
    text = base if not notes else f"{base} Related text: {'; '.join(notes)}."
    section = _section_pointer(ctx, req) if ctx is not None else None
    if section is not None:
        text += (
            f" {section[0].sentence.where} only cross-refers to {section[1]}, which is not in the documents."
        )
    return Outcome(Status.missing, text, evidence, confidence=0.7 if evidence else 0.8)


def _cues(req: Requirement) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{c})" for c in req.cues if c) or r"(?!)", re.I)


_ATTACHMENT_TERMS: dict[tuple[tuple[str, str, int], ...], list[tuple[str, str]]] = {}


def _attachment_terms(ctx: ReviewContext) -> list[tuple[str, str]]:
    """The family's defined terms that name an attachment ('"Security Management Plan" means the plan set out in or
    agreed under Call-Off Schedule 9'), with that attachment (read once per family)."""
    key = tuple((d.id, d.sha256, len(d.text)) for d in ctx.documents)
    if key not in _ATTACHMENT_TERMS:
        if len(_ATTACHMENT_TERMS) > 64:
            _ATTACHMENT_TERMS.clear()
        _ATTACHMENT_TERMS[key] = _read_attachment_terms(ctx)
    return _ATTACHMENT_TERMS[key]


# "The Service Level Schedule is Annexure C to this Order Form.", "Once validated ..., the PAS shall constitute Annex 5":
# a titled term identified with an attachment outside a glossary
_IS_ATTACHMENT = re.compile(
    r"\b[Tt]he\s+(?P<term>(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)\s+(?:is|shall\s+(?:be|constitute|form)|forms|constitutes)\s+"
    r"(?:set\s+out\s+in\s+|contained\s+in\s+|attached\s+as\s+)?(?P<ref>(?:Annex(?:ure)?|Schedule|Appendix|Exhibit|Attachment)\s+"
    r"(?:No\.\s*)?(?:\d+(?:\.\d+)*|(?-i:[A-Z]{1,3})\b))"
)


def _read_attachment_terms(ctx: ReviewContext) -> list[tuple[str, str]]:
    out = []
    for term, body in glossary(ctx.documents):
        ref = next(
            (m for m in XREF_RE.finditer(body) if re.fullmatch(ATTACHMENT_KINDS, m.group("kind"), re.I)), None
        )
        if ref is not None and len(term.split()) >= 2:
            out.append((term, ref.group(0)))
    out += [(m.group("term"), m.group("ref")) for d in ctx.documents for m in _IS_ATTACHMENT.finditer(d.text)]
    return out


def _topic(req: Requirement) -> re.Pattern[str] | None:
    """The requirement's subject for cross-reference checks: `options.topic` if set, else its cues."""
    topic = req.options.get("topic")
    cues = [str(topic)] if topic else [c for c in req.cues if c]
    return re.compile("|".join(f"(?:{c})" for c in cues), re.I) if cues else None


_OWN_INTENSIFIER = re.compile(r"\b((?:its|their|our|your|his|her|my)\s+)own\b", re.I)


# "Section 6 of the DPA", "Annex 4 (Service Level Requirements) to the Procurement Documents": a part of another
# document, named right after the cross-reference
_OF_DOCUMENT = re.compile(r"\s+(?:of|to)\s+the\s+(?P<doc>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})\b(?!\s*\()")
_DOCUMENT_NOUN = re.compile(r"(?:Documents?|Agreement|Contract|Tender|Offer|Proposal|Specification)$")


_DEFINED_IN = re.compile(
    r"\W*(?:\d+(?:\.\d+)*\.?\s+)?(?P<subject>[^.;]{3,240}?)\s+(?:are|is|shall\s+be|will\s+be)\s+(?:\w+ly\s+)?"
    r"(?:defined|set\s+out|specified|described|established|governed|regulated|laid\s+down)\s+(?:\w+ly\s+)?in\b",
    re.I,
)
_WHICH_HOLDS = re.compile(
    r",?\s*which\s+(?:will|shall|is\s+to|are\s+to)?\s*(?:specif|set\s+out|sets?\s+out|describ|contain|establish|govern|"
    r"determin|defin|regulat)\w*[^.;]{0,120}",
    re.I,
)
_QUOTED_TITLE = re.compile(r"\s*[\"“]([^\"”\n]{1,80})[\"”]")


# Australian drafting keeps its particulars in numbered Items of a schedule: "specified in Item 9"
_ITEM_REF = re.compile(
    r"\b(?:specified|set\s+out|stated|described|listed|identified)\s+in\s+(?P<item>Item\s+(?P<n>\d+))\b", re.I
)


def _item_placeholder(text: str, number: str) -> bool:
    """The schedule's row for Item `number` holds only a placeholder ('| 9. Service Levels | To be agreed ... |')."""
    row = re.search(rf"^\|?\s*(?:Item\s+)?{number}\.?\s+[^|\n]*\|\s*([^|\n]*)", text, re.I | re.M)
    return row is not None and bool(ROW_PLACEHOLDER.match(row.group(1)))


def _xref_hit(sent: Sentence, start: int, end: int) -> tuple[Hit, str]:
    return Hit(sent, "xref", start, end, None, "xref"), sent.text[start:end]


# "delete the Client Data in accordance with the retention and deletion provisions of the Processing Agreement"
_PER_DOCUMENT = re.compile(
    r"\b(?:in\s+accordance\s+with|pursuant\s+to|as\s+(?:set\s+out|provided|specified)\s+in)\b[^.;]{0,80}?\bthe\s+"
    r"(?P<doc>(?:[A-Z][\w-]*\s+){0,3}(?:Agreement|Addendum|DPA|Order\s+Form|SOW))\b"
)


_VIA_TITLE = re.compile(
    r"\b(?:in\s+accordance\s+with|under|pursuant\s+to)\s+the\s+(?:[A-Z][\w-]*\s+(?:(?:and|of|for)\s+)?){1,7}"
    r"(?:set\s+out|contained|described|specified|defined)\s+in\s*$"
)
_TO_HOLD = re.compile(TO_HOLD, re.I)


def dangling_reference(
    ctx: ReviewContext, req: Requirement, sentences_: list[Sentence] | None = None
) -> tuple[Hit, str] | None:
    """A sentence on the requirement's topic that points at a schedule, exhibit or document that is not
    in the family ('credits described in Schedule 3', 'governed by the DPA'): the first, with its label.
    A dangling *section* number ('subject to Section 12 (Audit)') is boilerplate and does not count."""
    topic = _topic(req)
    if topic is None:
        return None
    cues = _cues(req)
    # (a term that does not name the topic counts where a sentence says it is to hold the topic: "The PAS shall set out
    # in particular the hosting, encryption ... requirements", the PAS being Annex 5)
    termed = [(t, a, bool(topic.search(t) or cues.search(t))) for t, a in _attachment_terms(ctx)]
    for sent in sentences_ if sentences_ is not None else family_sentences(ctx):
        # '"Exit Plan" means the plan ... agreed under Call-Off Schedule 5', and Schedule 5 is "to be agreed": a
        # clause that defers to the Exit Plan defers to the missing schedule
        for term, attachment, titled in termed:
            named = re.search(rf"\b{re.escape(term)}\b", sent.text)
            holds = named is not None and _TO_HOLD.match(sent.text, named.end()) and cues.search(sent.text)
            if named and (titled or holds) and target_missing(attachment, ctx.documents):
                return Hit(
                    sent, "xref", named.start(), named.end(), None, "xref"
                ), f"the {term} ({attachment})"
        # "using its own equipment": "own" after a possessive stresses whose, it claims no ownership
        text = _OWN_INTENSIFIER.sub(
            lambda m: m.group(1) + " " * (len(m.group()) - len(m.group(1))), sent.text
        )
        if not topic.search(text):
            continue
        for m in XREF_RE.finditer(text):
            # ('Appendix No. 4 "Information Security Requirements"': a quoted title after the number names it too)
            quoted = _QUOTED_TITLE.match(text, m.end())
            title = m.group("title") or (quoted.group(1) if quoted else "")
            # ('set out in Annexure 2, which will specify the timing, method and evidence of destruction': what the
            # attachment holds, said right after it)
            holds = _WHICH_HOLDS.match(text, quoted.end() if quoted else m.end())
            title += " " + holds.group(0) if holds else ""
            # ("The technical and organisational security measures ... are defined exclusively in the Security
            # Assurance Plan forming Annex 3": the sentence's subject is what the attachment holds)
            subject = _DEFINED_IN.match(text)
            if subject and m.start() - subject.end() <= 80:
                title += " " + subject.group("subject")
            # ("shall dispose of Ministry Data in accordance with the Data Management and Disposal Plan set out in
            # Schedule 4": the words before a titled plan that the attachment holds)
            via = _VIA_TITLE.search(text[: m.start()])
            near = text[max(0, (via.start() if via else m.start()) - 80) : m.end()]
            kind = m.group("kind").lower()
            of_doc = _OF_DOCUMENT.match(text, m.end())
            if kind in {"section", "clause", "article", "paragraph"}:
                # "within the time period specified in Section 6 of the DPA": a section of a document the
                # family names but does not include is as missing as the document
                if (
                    of_doc
                    and topic.search(near)
                    and target_missing(of_doc.group("doc"), ctx.documents, source=sent.doc)
                ):
                    return _xref_hit(sent, m.start(), of_doc.end())
                continue
            if not (topic.search(title) or topic.search(near)):
                continue
            if target_missing(m.group(0), ctx.documents):
                return _xref_hit(sent, m.start(), m.end())
            # "the service levels set out in Annex 4 (...) to the Procurement Documents": an annex of another
            # document, which the family does not include
            if (
                of_doc
                and _DOCUMENT_NOUN.search(of_doc.group("doc"))
                and target_missing(of_doc.group("doc"), ctx.documents, named=True, source=sent.doc)
            ):
                return _xref_hit(sent, m.start(), of_doc.end())
        item = _ITEM_REF.search(text)
        if item and topic.search(text) and _item_placeholder(sent.doc.text, item.group("n")):
            # "the Service Credits specified in Item 9", where Item 9 of the Contract Details reads "To be agreed"
            return _xref_hit(sent, item.start("item"), item.end())
        for m in NAMED_DOC_RE.finditer(text):
            near = text[max(0, m.start() - 120) : m.end()]
            if topic.search(near) and target_missing(m.group("name"), ctx.documents, named=True):
                return Hit(sent, "xref", m.start(), m.end(), None, "xref"), f"the {m.group('name')}"
        ref = REFERENCE_RE.search(text)
        if (
            ref
            and topic.search(text[: ref.start()])
            and target_missing(ref.group("target"), ctx.documents, source=sent.doc)
        ):
            return Hit(sent, "xref", 0, len(text), None, "xref"), reference_target(text) or ref.group(
                "target"
            )
        for m in _PER_DOCUMENT.finditer(text):
            doc = m.group("doc")
            if (
                names_document(doc)
                and topic.search(text[: m.start("doc")])
                and target_missing(doc, ctx.documents, source=sent.doc)
            ):
                return Hit(sent, "xref", m.start("doc"), m.end("doc"), None, "xref"), f"the {doc}"
    return None


def _section_pointer(ctx: ReviewContext, req: Requirement) -> tuple[Hit, str] | None:
    """A boilerplate pointer to a section titled like the requirement ('subject to Section 12 (Audit)')
    whose number no clause of the family carries."""
    topic = _topic(req)
    numbers = {c.number.strip("().") for d in ctx.documents for c in d.clauses if c.number}
    for sent in family_sentences(ctx) if topic is not None else []:
        for m in XREF_RE.finditer(sent.text):
            title = m.group("title") or ""
            if m.group("kind").lower() == "section" and title and topic.search(title):  # type: ignore[union-attr]
                if m.group("num").strip(".") not in numbers:
                    return Hit(sent, "xref", m.start(), m.end(), None, "xref"), m.group(0)
    return None


def to_finding(req: Requirement, out: Outcome) -> Finding:
    """Finding with verbatim sentence evidence for the outcome."""
    evidence: list[Evidence] = [
        evidence_for(h.sentence.doc, h.sentence.start, h.sentence.end, h.sentence.clause)
        for h in out.evidence
    ]
    return Finding(
        requirement=req.id,
        title=req.title,
        status=out.status,
        severity=req.severity,
        params=dict(out.params),
        evidence=evidence,
        reason=out.reason,
        source="rules",
        confidence=out.confidence,
    )


def context(hit: Hit, radius: int = 2) -> list[Sentence]:
    """The hit's sentence and up to `radius` neighbours on each side within the same clause."""
    return neighbours(hit.sentence, radius)


def weak_signals(
    hits: list[Hit], signals: dict[str, re.Pattern[str]], radius: int = 1
) -> tuple[list[str], list[Hit]]:
    """Weak reasons whose pattern matches (un-negated) in the hits' sentences or their neighbours,
    with a hit for each as evidence: `signals` maps a reason to its regex."""
    reasons: list[str] = []
    found: list[Hit] = []
    for reason, rx in signals.items():
        for hit in hits:
            match = next(
                ((s, m) for s in context(hit, radius) for m in [rx.search(s.text)] if m is not None), None
            )
            if match is None:
                continue
            sent, m = match
            if is_negated(sent.text, m.start()):
                continue
            reasons.append(reason)
            found.append(Hit(sent, "weak", m.start(), m.end(), None, "ok"))
            break
    return reasons, found


# "Section 6.2 of the Terms does not apply", "Section 5.3 of the Subscription Terms is superseded by this Section 9",
# "Clause 14.3 of the MSA (termination for convenience) does not apply", and a list: "Section 9.2 of the Terms
# (automatic renewal) and Section 4.2 of the Terms (renewal pricing) do not apply", "Sections 9.2 and 4.2 ..."
_OF_DOC = r"(?:\s+of\s+(?:the\s+|our\s+|its\s+)?(?-i:[A-Z])[\w-]*(?:\s+(?-i:[A-Z])[\w-]*){0,3})?(?:\s*\([^()]{1,60}\))?"
_CLAUSE_REF = (
    # ("Section A.8 of Exhibit A": a lettered exhibit's clause)
    r"(?:Sections?|Clauses?|Articles?|paragraphs?|§§?)\s*(?:[A-Z]\.)?\d+(?:\.\d+)*(?:\s*(?:,|and|or)\s*\d+(?:\.\d+)*)*"
    + _OF_DOC
)
_DISAPPLIED = re.compile(
    # (not "Section 9 of the Terms (Availability) does not apply to the AI Features": a part of the service only;
    # "does not apply to the District" switches it off for the customer, that is, altogether)
    rf"\b{_CLAUSE_REF}(?:\s*(?:,|and)\s*{_CLAUSE_REF})*\s+(?:(?:does|do|shall|will)\s+not\s+apply"
    r"(?!\s+(?:to|for|in\s+respect\s+of)\s+(?:the\s+|this\s+|any\s+)?(?:[\w-]+\s+){0,3}?(?:features?|modules?|products?|"
    # (nor "Section 6.3 of the Agreement does not apply to Concierge conversations": a kind of data only)
    r"services?|part\s+[A-Z0-9]+|components?|add-?ons?|conversations?|data|content|records?|messages?|transactions?|"
    r"information|images?|photos?|sites?|locations?)\b)|"
    r"(?:is|are)\s+(?:hereby\s+)?(?:superseded|deleted|disapplied|replaced))|"
    # "SC4 Retention after the Exit Period (replaces clause 14.2 of the MSA)"
    rf"\b(?:replaces|supersedes|in\s+(?:place|substitution)\s+of)\s+{_CLAUSE_REF}",
    re.I,
)
# the clause numbers a reference names ("the Terms" has none; "Sections 9.2 and 4.2" has two)
_NUMBER = re.compile(r"(?<![\w.])(?:[A-Z]\.)?\d+(?:\.\d+)*(?![\w.]*\d)")
# a number that opens the sentence itself ("A.8 **Return or destruction.** On termination ...", "**12.4** Following")
_LEADING_NUMBER = re.compile(r"\s*[*_]{0,2}([A-Z]\.\d+(?:\.\d+)*|\d+(?:\.\d+)+)[*_]{0,2}\s")


def disapplied(hit: Hit, ctx: ReviewContext) -> bool:
    """Another document of the family switches off the hit's numbered clause ('Section 6.2 of the Terms does not
    apply', '... is superseded by this Section 9')."""
    numbers = hit_numbers(hit)
    if not numbers:
        return False
    return any(
        _covers(_disapplied_numbers(doc.text), numbers)
        for doc in ctx.documents
        if doc.id != hit.sentence.doc.id
    )


def _covers(cited: Iterable[str], numbers: set[str]) -> bool:
    """A cited clause number covers the hit's own or a sub-clause of it ('Section 12 of the Terms is replaced'
    reaches 12.2)."""
    return any(n == c or n.startswith(c + ".") for c in cited for n in numbers)


@lru_cache(maxsize=64)
def _disapplied_numbers(text: str) -> frozenset[str]:
    """The clause numbers a document switches off (read once per document, not once per hit)."""
    # (the numbers of the clause references, not those in their parenthesised titles)
    return frozenset(
        n for m in _DISAPPLIED.finditer(text) for n in _NUMBER.findall(re.sub(r"\([^()]*\)", " ", m.group(0)))
    )


_NOTWITHSTANDING = re.compile(
    # ("by derogation from Article 14.1 of the CG", French "par dérogation à")
    r"\b(?:notwithstanding\s+(?:anything\s+in\s+)?|(?:by\s+|in\s+)?derogation\s+(?:from|of|to)\s+)(?:section|clause|article|"
    r"paragraph|§)\s*(?:[A-Z]\.)?\d+(?:\.\d+)*",
    re.I,
)


def hit_numbers(hit: Hit) -> set[str]:
    """The numbers the hit's clause goes by: its own, and a number that opens the sentence."""
    clause = hit.sentence.clause
    number = (clause.number or "").strip("().") if clause is not None else ""
    leading = _LEADING_NUMBER.match(hit.sentence.text)
    return {n for n in (number, leading.group(1) if leading else "") if n}


def _cites(sentence: Sentence, hit: Hit, reference: re.Pattern[str] = _NOTWITHSTANDING) -> bool:
    """`sentence`, in another document than the hit's, names the hit's numbered clause in a `reference`: by default
    one that sets it aside ('Notwithstanding Section 14.1 of the Terms', 'by derogation from Article 14.1 of the CG'),
    which reaches its sub-clauses too."""
    if sentence.doc.id == hit.sentence.doc.id:
        return False
    cited = {n for m in reference.finditer(sentence.text) for n in _NUMBER.findall(m.group(0))}
    numbers = hit_numbers(hit)
    return _covers(cited, numbers) if reference is _NOTWITHSTANDING else bool(cited & numbers)


def overriding_sentences(hit: Hit, ctx: ReviewContext) -> list[Sentence]:
    """Sentences of the family's other documents that set the hit's numbered clause aside ('by derogation from
    Article 14.1 of the CG the Reversibility Period is reduced to fifteen (15) days')."""
    return [s for s in family_sentences(ctx) if _cites(s, hit)] if hit_numbers(hit) else []


_CITATION = re.compile(r"\b(?:section|clause|article|paragraph|§)\s*(?:[A-Z]\.)?\d+(?:\.\d+)*", re.I)


def citing_sentences(hit: Hit, ctx: ReviewContext) -> list[Sentence]:
    """Sentences of the family's other documents that cite the hit's numbered clause ('Section 2.2 of the MSA
    applies to renewal, except that the notice of non-renewal must be given at least ninety (90) days before')."""
    return [s for s in family_sentences(ctx) if _cites(s, hit, _CITATION)] if hit_numbers(hit) else []


def overridden_by(hit: Hit, others: Iterable[Hit]) -> Hit | None:
    """The first of `others` that sets the hit's numbered clause aside ('Notwithstanding Section 14.1 of the Terms,
    no change shall bind the Assessor unless ... twenty (20) days' notice'), or None."""
    return next((other for other in others if _cites(other.sentence, hit)), None)


def switches_off(hit: Hit) -> bool:
    """The hit is the title of a clause its own sentence switches off ('Clause 14.3 of the MSA (termination for
    convenience) does not apply'): it grants nothing."""
    return any(m.start() <= hit.start < m.end() for m in _DISAPPLIED.finditer(hit.sentence.text))


def drop_outranked(reasons: list[str], found: list[Hit], winner: Hit | None) -> tuple[list[str], list[Hit]]:
    """Weak signals (`weak_signals` output) of other documents give way when the winning clause's document
    says it prevails ('delete within thirty (30) days after the transfer' in an addendum that prevails over
    terms that delete 'in accordance with our data retention schedule'), or when the winning clause sets their
    clause aside by number."""
    if winner is None:
        return reasons, found
    # ("Notwithstanding Section 12.4 of the Agreement, within thirty (30) days ... shall delete": the clause it sets
    # aside gives way even where the winner's document does not say it prevails as a whole)
    prevails = says_it_prevails(winner.sentence.doc)
    kept = [
        (r, h)
        for r, h in zip(reasons, found, strict=True)
        if h.sentence.doc.id == winner.sentence.doc.id or not (prevails or _cites(winner.sentence, h))
    ]
    return [r for r, _ in kept], [h for _, h in kept]


def duration_param(
    hits: list[Hit], near: re.Pattern[str] | None, unit: str, prefer: str = "first", radius: int = 0
) -> tuple[int | None, Hit | None, str]:
    """One duration parameter from the hits' sentences (within 80 chars of `near` when given), in
    `unit` ('days', 'hours' or 'months'); conflicts between documents resolved by `pick_value`."""
    values: list[tuple[int, Hit]] = []
    for hit in hits:
        for sent in context(hit, radius) if radius else [hit.sentence]:
            probe = Hit(sent, hit.element, 0, 0, hit.role, hit.verdict)
            for d in durations_in(probe, near):
                values.append((getattr(d, unit)(), probe))
    return pick_value(values, prefer)


def notice_param(
    hits: list[Hit], unit: str = "days", prefer: str = "min", radius: int = 0
) -> tuple[int | None, Hit | None, str]:
    """A notice-period parameter from the hits' sentences (see `notice_durations`); with a `radius`, the
    neighbouring sentences are read only when the hits' own sentences state no notice ('upon thirty (30) days'
    notice' in the audit clause wins over 'one (1) Business Day' in the next one)."""
    if radius:
        own = notice_param(hits, unit, prefer)
        if own[0] is not None:
            return own
    values: list[tuple[int, Hit]] = []
    for hit in hits:
        for sent in context(hit, radius) if radius else [hit.sentence]:
            probe = Hit(sent, hit.element, 0, 0, hit.role, hit.verdict)
            values.extend((getattr(d, unit)(), probe) for d in notice_durations(sent.text))
    return pick_value(values, prefer)
