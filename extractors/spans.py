"""Sentences of a contract family and the polarity tests run on them.

A family's documents are split into sentences clause by clause (a clause that only continues a wrapped
sentence is merged back), with heading lines and clause numbers trimmed so that evidence quotes the
operative words. Negation, bare definitions, cross-references and notice periods are recognised here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field

from assistant.models import Clause, Document
from extractors.base import ReviewContext
from extractors.text import CALENDAR_DATE, NEGATION_RE, Duration, find_durations, sentences

_BENIGN = re.compile(
    r"\b(?:not\s+limited\s+to|without\s+limitation|without\s+limiting|notwithstanding|no\s+later\s+than|"
    r"not\s+later\s+than|no\s+less\s+than|not\s+less\s+than|no\s+more\s+than|not\s+more\s+than|"
    # ("may use them, without identifying the Assessor as their source, to calibrate": how, not whether)
    r"without\s+(?:identifying|naming|disclosing\s+the\s+(?:identity|name))|"
    r"without\s+undue\s+delay|no\s+event\s+later|without\s+(?:cause|reason|penalty|liability|charge|"
    r"additional\s+(?:cost|charge|fee)s?|(?:any\s+)?further\s+(?:cost|charge)s?)|for\s+no\s+reason|"
    r"in\s+no\s+event\s+(?:later|more|less)|no\s+additional\s+(?:cost|charge))\b|"
    # an alternative in brackets: "may, on ten (10) Business Days' notice (or without notice following a breach),
    # audit" says when, not whether
    r"\((?:or|and)\s+without\b[^)]{0,80}\)|"
    # a double negative grants: "shall not unreasonably refuse an audit", "may not prevent Customer from"
    r"\b(?:not|never)\s+(?:be\s+)?(?:unreasonably\s+)?(?:refuse|deny|withhold|delay|condition|obstruct|prevent|"
    r"hinder|impede|unreasonably)\w*|"
    # a negation inside a relative clause qualifies a noun: "histories that have not been de-identified"
    # ("in a form that does not identify the Customer" describes the data, it does not negate the use)
    r"\b(?:that|which|who)\s+(?:(?:have|has|had|is|are|was|were|does|do|did)\s+not\s+(?:yet\s+)?(?:been\s+)?\w+|"
    r"(?:haven't|hasn't|isn't|aren't|wasn't|weren't|doesn't|don't|didn't)\s+(?:been\s+)?\w+)|"
    # a notice of non-renewal names the renewal it stops, it does not deny it: "notifies ... of its intention not to
    # extend this Agreement ..., this Agreement shall be deemed extended"
    r"\b(?:intention|intent|notice|election|decision|wish)\s+not\s+to\s+(?:renew|extend|prolong|continue)\w*|"
    # a negation inside a condition: "if we don't meet 99.9% uptime, you'll get a credit"
    r"\b(?:if|where|should|whenever|in\s+the\s+event\s+(?:that\s+)?)\s+[^,;.]{0,60}?"
    r"(?:\b(?:does|do|did|is|are|was|were|should|would|has|have)\s+not|\b(?:doesn't|don't|didn't|isn't|aren't|cannot|can't|"
    r"shouldn't|wouldn't|hasn't|haven't|wasn't|weren't|won't)|\bnot)\b",
    re.I,
)
_EXTRA_NEG = re.compile(
    r"\b(?:nothing|under\s+no\s+obligation|not\s+obliged|not\s+required|waives?|waiv(?:ed|ing)|relinquish\w*|"
    # civil-law drafting: "a right to use the data solely to perform, to the exclusion of any other use"
    r"disclaims?|to\s+the\s+exclusion\s+of|"
    # "The Parties exclude the right of either Party to withdraw from this Agreement unilaterally"
    r"exclud(?:e|es|ed|ing)\s+(?:the\s+|any\s+)?(?:right|possibility))\b",
    re.I,
)
_NEG_AFTER = re.compile(
    r"^(?:(?!,?\s+(?:but|and|or|provided|except|save|however)\b)[^.;]){0,40}?\b(?:(?:is|are|shall\s+be|will\s+be)\s+not|(?:is|are)\s+(?:\w+ly\s+)?(?:excluded|waived)|"
    # "audits by Customer will not be permitted", ", Vendor shall not be obliged to permit it"
    r"(?:shall|will|may|must|is|are|can)\s+not\s+be\s+(?:permitted|allowed|granted|provided|available|included|offered|"
    r"obliged|obligated|required)|"
    r"not\s+(?:included|provided|available|permitted|granted|offered|applicable)|"  # "Service credits: not applicable"
    # an agreement to agree: "the service levels have not been finalised", "are to be agreed"
    r"(?:has|have)\s+not\s+(?:yet\s+)?been\s+(?:agreed|finali[sz]ed|determined|defined|established|fixed)|"
    r"(?:is|are)\s+(?:yet\s+)?to\s+be\s+(?:agreed|finali[sz]ed|determined|defined|established|fixed))\b",
    re.I,
)
_LIMIT_AFTER = re.compile(
    r"^[^.;]{0,80}?\b(?:more\s+than\s+(?:once|one|two|three|\d+)\b|more\s+(?:often|frequently)\s+than|"
    r"in\s+excess\s+of\s+(?:once|one|\d+))",
    re.I,
)
_SUBJECT_MODAL = re.compile(
    # "Neither party may terminate", "neither Contracting Party may": the negative determiner belongs to the
    # subject it opens
    r"(?:\b(?:neither|no)\s+(?:[\w-]+\s+)?)?(?:vendor|provider|supplier|licensor|processor|company|customer|client|licensee|controller|"
    r"subscriber|party|we|you)(?:\s+(?:shall|will|must|may|agrees|undertakes|can)\b|['’]ll\b)",
    re.I,
)
_CLAUSE_CUT = re.compile(
    r"\b(?:and|but|or)\s+(?:shall|will|must|may)\b|,\s*(?:and|but)\b|\bprovided\s+that\b", re.I
)
DEFINITION_RE = re.compile(
    r"^\W*(?:\d+(?:\.\d+)*\.?\s+)?"
    # 'For this Schedule a "Priority Incident" means', 'In this Agreement "Data" means'
    r"(?:(?:for\s+(?:the\s+purposes\s+of\s+)?|in\s+)this\s+\w+,?\s+(?:an?\s+|the\s+)?)?"
    r"[*_]*[\"“'‘][^\"”'’]{1,80}[\"”'’][*_]*\s+"
    r"(?:(?:within\s+the\s+meaning\s+of|for\s+the\s+purposes\s+of|as\s+used\s+in|in)\s+this\s+\w+,?\s+)?"
    r"(?:means|shall\s+mean|has\s+the\s+meaning|refers\s+to|is\s+defined|includes)\b|"
    # a glossary item: "- **Inputs** - prompts, files and other material ...", "**Model**: a machine ..."
    # (also lettered: "b) **System data** – all data entered ...")
    r"^\W*?(?:\(?[a-z]{1,2}\)\s*|\d+[.)]\s*)?(?:[-*•]\s+)?(?:\*\*|__)[^*_\n]{1,60}(?:\*\*|__)\s*(?:[-–—:]|means\b)|"
    # a quoted glossary item: '- "Subcontractor": any third party to which ...'
    r"^\W*?(?:[-*•]\s+)?[\"“][^\"”\n]{1,60}[\"”]\s*:",
    re.I,
)
XREF_RE = re.compile(
    # (translated Spanish and Portuguese drafting keeps "ANEXO III")
    # ("Art. 13 (Inspections)": civil-law drafting abbreviates the article)
    r"\b(?P<kind>Section|Clause|Article|Art\.|Paragraph|Schedule|Exhibit|Annex(?:ure)?|Anexo|Appendix|Attachment)\s+"
    # a lettered number is upper-case ("Schedule B"); "this paragraph for a period" names no paragraph
    # ("Annex (5)", "Clause (12.3)": Gulf drafting brackets the number)
    # (CIS drafting numbers its appendices "Appendix No. 2")
    # ("Appendix B-1": a lettered appendix with a part number)
    r"(?:No\.\s*)?(?P<num>\d+(?:\.\d+)*|\(\d+(?:\.\d+)*\)|(?-i:[A-Z]{1,3})(?:-\d+\b)?\b)(?:\s*\((?P<title>[^)]{1,60})\))?",
    re.I,
)
NAMED_DOC_RE = re.compile(
    # "Service Credits shall be calculated in accordance with the Service Level Schedule"
    r"\b(?:(?:set\s+(?:out|forth)|described|specified|detailed|defined|contained|provided|calculated|determined)\s+in|"
    # (and "the exit plan contained in its Service Definition")
    r"in\s+accordance\s+with|pursuant\s+to)\s+(?:the\s+|its\s+|their\s+)?"
    # (G-Cloud call-offs: "as set out in the Supplier's Service Definition")
    r"(?:[A-Z][\w-]*(?:'s|’s)\s+)?(?:applicable\s+)?"
    r"(?P<name>(?:[A-Z][\w-]*\s+){0,4}(?:Exhibit|Schedule|Annex|Appendix|Addendum|Policy|Attachment|Definition|Description|Procedure|Protocol|Runbook))\b"
)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a clause, with absolute offsets into its document's text."""

    doc: Document
    clause: Clause | None
    start: int
    end: int
    plain: str = field(default="", compare=False, repr=False)  # text with cross-reference labels blanked
    lead: str = field(default="", compare=False, repr=False)  # "Vendor shall not:" above a list item

    @property
    def text(self) -> str:
        """The sentence, verbatim from the document text."""
        return self.doc.text[self.start : self.end]

    @property
    def where(self) -> str:
        """Short location for reasons: 'DPA §9.2' style."""
        label = _doc_label(self.doc)
        if self.clause is not None and self.clause.number:
            number = self.clause.number.rstrip(".")
            if number.endswith(")") and "(" not in number:
                number = number[:-1]  # "X)" of a list numbered "IX)", "X)": §X
            # a bracketed paragraph of a numbered article: "(3)" under "Article 16. Termination" is "§16(3)"
            if number.startswith("(") and self.clause.index < len(self.doc.clauses):
                parent = _sections(self.doc)[self.clause.index]
                if parent.isdigit():
                    number = parent + number
            # paragraphs numbered anew under each article ("2." under "Article 15 - Duration and termination", whose
            # number the heading lost): the heading tells which "§2" it is
            heading = " ".join((self.clause.heading or "").split())
            if heading and number.isdigit() and _repeated_number(self.doc, self.clause.number):
                short = heading if len(heading) <= 40 else heading[:37].rstrip() + "..."
                return f"{label} '{short}' §{number}"
            return f"{label} §{number}"
        page = f"p.{self.doc.page_at(self.start)}"
        heading = " ".join((self.clause.heading or "").split()) if self.clause is not None else ""
        if heading:
            # an unnumbered clause ("ARTICLE TENTH (ARTÍCULO DÉCIMO): TECHNICAL SUPPORT") is found by its heading
            short = heading if len(heading) <= 60 else heading[:57].rstrip() + "..."
            return f"{label} '{short}'" + (f" {page}" if len(self.doc.pages) > 1 else "")
        return f"{label} {page}"


def _repeated_number(doc: Document, number: str) -> bool:
    """More than one clause of the document carries `number`."""
    return sum(1 for c in doc.clauses if c.number == number) > 1


def _doc_label(doc: Document) -> str:
    kind = doc.kind.value
    return {"msa": "MSA", "dpa": "DPA", "sla": "SLA", "sow": "SOW", "order_form": "Order Form"}.get(
        kind, doc.filename
    )


_CACHE: dict[tuple[str, str, int, int], tuple[Sentence, ...]] = {}


_CONTINUES = re.compile(r"\s*[a-z]")


def _segments(doc: Document) -> list[tuple[Clause | None, int, int]]:
    """Clause spans to split into sentences; a clause that only continues the previous one's sentence
    (a long clause cut mid-sentence) is merged back into it."""
    if not doc.clauses:
        return [(None, 0, len(doc.text))]
    segs: list[tuple[Clause | None, int, int]] = []
    for clause in doc.clauses:
        if (
            segs
            and _CONTINUES.match(clause.text)
            and doc.text[segs[-1][1] : clause.start].rstrip()[-1:] not in set(".;:!?\"”'")
        ):
            first, s0, _ = segs[-1]
            segs[-1] = (first, s0, clause.end)
        else:
            segs.append((clause, clause.start, clause.end))
    return segs


def _doc_sentences(doc: Document) -> tuple[Sentence, ...]:
    key = (doc.id, doc.sha256, len(doc.text), len(doc.clauses))
    cached = _CACHE.get(key)
    # (the same file parsed again, under another name or kind, is another Document: its sentences must cite it)
    if cached is not None and (not cached or cached[0].doc is doc):
        return cached
    out: list[Sentence] = []
    for clause, start, end in _segments(doc):
        start = _skip_markup_headings(doc.text, start, end)
        spans = sentences(doc.text[start:end], base=start)
        # "B4. Service levels. The service levels ... are set out in the Policy": drop the run-in label
        spans = [
            (s, e)
            for i, (s, e) in enumerate(spans)
            if i + 1 == len(spans)
            or not _run_in_heading(
                doc.text[s:e], numbered=i > 0 and _BARE_NUMBER.fullmatch(doc.text[slice(*spans[i - 1])])
            )
        ]
        for s, e in spans:
            s = _skip_heading(doc.text, _skip_clause_heading(doc.text, s, e, clause), e)
            if e - s > 3 and not _title_like(doc.text[s:e]) and not _is_heading(doc.text[s:e], clause):
                out.append(Sentence(doc, clause, s, e, strip_xrefs(doc.text[s:e])))
    if len(_CACHE) > 64:
        _CACHE.clear()
    _CACHE[key] = _with_leads(doc, out)
    return _CACHE[key]


_SMALL_WORDS = {"and", "of", "the", "for", "to", "in", "on", "&", "or", "by", "with", "a", "an"}
_LEAD_NUMBER = re.compile(r"(?:\(?[0-9]+(?:\.[0-9]+)*\)?\.?|\([a-z]{1,3}\)|[A-Z]\.|[ivx]{1,4}\.)\s+")


_LIST_LEAD = re.compile(r":\s*(?:\(?[a-z0-9ivx]{1,4}[.)][^\n]*)?$", re.S)


def _with_leads(doc: Document, sents: list[Sentence]) -> tuple[Sentence, ...]:
    """Attach to each list item the lead-in it completes: in 'Customer shall: (a) ...; (b) ...', item (b)
    is performed by the customer, and under 'Vendor shall not:' every item is negated."""
    out: list[Sentence] = []
    lead, lead_section, items = "", "", 0
    for s in sents:
        text = s.text
        items += 1
        item = s.clause is not None and re.fullmatch(r"\(?[a-z]{1,4}[.)]?", (s.clause.number or "").strip())
        if lead and ((_section(s.clause) != lead_section and not item) or items > 15):
            lead = ""
        if lead:
            s = Sentence(s.doc, s.clause, s.start, s.end, s.plain, lead)
        out.append(s)
        # ("5.1. The Customer has the right:\n5.1.1. to use the System ...;": a multi-level number opens the item)
        head = re.search(r"^(.*?:)\s*\(?(?:\d+(?:\.\d+)+\.?|[a-z0-9ivx]{1,4}[.)])\s", text, re.S)
        if text.rstrip().endswith(":") or head:
            lead = text.rstrip() if text.rstrip().endswith(":") else head.group(1)  # type: ignore[union-attr]
            lead_section, items = _section(s.clause), 0
        elif text.rstrip().endswith(".") and not item:
            lead = ""  # an item may hold several sentences ("(c) keep it secret. Admins may ...; (d) ...")
    return tuple(out)


def _title_like(line: str) -> bool:
    words = _LEAD_NUMBER.sub("", line.strip(), count=1).split()
    if not words or len(words) > 8 or line.rstrip()[-1:] in {".", ";", ":", ","}:
        return False
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for w in words)


_MARKUP_HEADING = re.compile(r"[ \t]*#{1,6}[ \t][^\n]*(?:\n|$)\s*")


def _skip_markup_headings(text: str, start: int, end: int) -> int:
    """Move `start` past markdown heading lines ('## 3. Ownership of Customer Content; no training'):
    whatever their case or punctuation, they label a clause and never state an obligation."""
    while start < end:
        m = _MARKUP_HEADING.match(text, start, end)
        if m is None or m.end() == start:
            break
        start = m.end()
    return start


_RUN_IN = re.compile(r"[*_]*[A-Z][\w'’,&/ -]{0,60}?\.[*_]*")
_VERBISH = re.compile(
    r"\b(?:shall|will|must|may|is|are|be|has|have|can|does|do|agrees?|provides?|means)\b", re.I
)


_BARE_NUMBER = re.compile(r"\s*\(?[A-Z]{0,2}\d+(?:\.\d+)*[.)]?\s*")


# "The Customer owns all Customer Content.", "Customer Data belongs to the Customer.": a present-tense verb
# taking a determined object (directly or after a preposition) is a sentence
_VERB_OBJECT = re.compile(
    r"\b[a-z]\w*[^s\W]s\s+(?:(?:to|with|in|on|for|from|at|by)\s+)?(?:all|the|any|each|its|their|every|such|a|an)\b"
)


# a lettered condition number: "D1  Regulatory access and audit.", "SC4 Retention."
_CODED_NUMBER = re.compile(r"(?-i:[A-Z]{1,3})\d+(?:\.\d+)*\.?\s+")


def _run_in_heading(text: str, numbered: object = False) -> bool:
    """A run-in heading opening a numbered clause ('B4. Service levels.', '2.5 *Updates.*'): a clause
    number (in the text or, when `numbered`, just before it) then a short label with no verb and no
    pronoun subject ('1. You own your data.' is a sentence)."""
    number = _LEAD_NUMBER.match(text.strip()) or _CODED_NUMBER.match(text.strip())
    emphasised = re.match(r"\s*(?:\S+\s+)?[*_]", text)
    if number is None and emphasised is None and not numbered:
        return False
    t = text.strip()[number.end() :] if number is not None else text.strip()
    t = t.strip()
    if re.match(r"(?:you|we|it|they|this|these|our|your|each|all|any|no)\b", t.strip("*_ "), re.I):
        return False
    return (
        bool(_RUN_IN.fullmatch(t))
        and len(t.split()) <= 6
        and not _VERBISH.search(t)
        and not _VERB_OBJECT.search(t)
    )


def _is_heading(text: str, clause: Clause | None) -> bool:
    """The sentence is the clause's heading alone ('3. Ownership of Customer Content; no training')."""
    heading = (clause.heading or "").strip().rstrip(".:").lower() if clause is not None else ""
    line = _LEAD_NUMBER.sub("", text.strip().lstrip("#*_ "), count=1).strip().strip("*_").rstrip(".:")
    return bool(heading) and line.lower() == heading


def _skip_clause_heading(text: str, start: int, end: int, clause: Clause | None) -> int:
    """Move `start` past the clause's own heading line even when it is in sentence case ('8. Audits and
    verification\nYou may not audit ...'): a heading is a label, never an operative word."""
    heading = (clause.heading or "").strip() if clause is not None else ""
    nl = text.find("\n", start, end)
    if not heading or nl < 0:
        return start
    line = _LEAD_NUMBER.sub("", text[start:nl].strip(), count=1).strip().rstrip(".:")
    return nl + 1 if line.lower() == heading.lower().rstrip(".:") else start


def _skip_heading(text: str, start: int, end: int) -> int:
    """Move `start` past a heading line and a clause number ('2. Audit\n2.1 Customer may' -> 'Customer may')."""
    for _ in range(3):
        nl = text.find("\n", start, end)
        if nl < 0 or not _title_like(text[start:nl]):
            break
        start = nl + 1
        while start < end and text[start].isspace():
            start += 1
    m = _LEAD_NUMBER.match(text, start, end)
    return m.end() if m and m.end() < end else start


def doc_sentences(doc: Document) -> tuple[Sentence, ...]:
    """Every sentence of one document, in order."""
    return _doc_sentences(doc)


def family_sentences(ctx: ReviewContext) -> list[Sentence]:
    """Every sentence of every document of the family, in document order."""
    out: list[Sentence] = []
    for doc in ctx.documents:
        out.extend(_doc_sentences(doc))
    return out


# "contracts that prohibit the model provider from retaining Inputs ... and from using them to train"
_PROHIBIT_FROM = re.compile(
    r"\b(?:prohibit\w*|forbid\w*|forbade|preclud\w*|restrain\w*|bar(?:s|red|ring)?)\b[^.;]{0,220}?\bfrom\s+[^.;]{0,120}$",
    re.I,
)


def is_negated(text: str, pos: int, end: int | None = None) -> bool:
    """True when the phrase at text[pos:end] is negated in its own fragment: 'Customer shall have no
    right to audit', 'Nothing obliges Supplier to', 'transition services are not included'."""
    # (benign phrases are blanked over a wider window first, so that one cut by the window's edge still reads as
    # benign: "its intention | not to extend this Agreement")
    left = _BENIGN.sub(lambda m: " " * len(m.group()), text[max(0, pos - 300) : pos])[-120:]
    cuts = [m.end() for m in _CLAUSE_CUT.finditer(left)] + [left.rfind(";") + 1, left.rfind(". ") + 1]
    subj = [m.start() for m in _SUBJECT_MODAL.finditer(left)]
    left = left[max([*cuts, *(subj[-1:] or [0])]) :]
    wide = _BENIGN.sub(" ", text[max(0, pos - 300) : pos])
    if re.search(r"\b(?:not|no)\b[^;.]*\bwithout\b(?![^;.]*\b(?:not|no)\b)[^;.]*$", wide, re.I):
        return False  # "shall not change X without giving notice": the notice is required
    if _LIMIT_AFTER.search(text[pos : pos + 120]):
        return False  # "may not audit Vendor more than once per year": a limit on frequency, not a ban
    if NEGATION_RE.search(left) or _EXTRA_NEG.search(left) or _PROHIBIT_FROM.search(wide):
        return True
    # "is not obliged to store the Information, to transfer it to the Customer or to a third party, or to provide
    # assistance in the transfer": a duty denied for a list reaches every item of the list
    fragment = wide[wide.rfind(";") + 1 :]
    denied = list(_NO_DUTY_TO.finditer(fragment)) or list(_REFUSED_ACCESS.finditer(fragment))
    if denied and not _TURN.search(fragment, denied[-1].end()):
        return True
    return end is not None and bool(
        _NEG_AFTER.search(text[end : end + 80]) or _NOT_CARRIED_OUT.search(text[end : end + 240])
    )


# "On-site inspections of the Contractor's premises and data centre by the Customer are not carried out": the
# activity named first is denied by the sentence's own verb, however long its subject
_NOT_CARRIED_OUT = re.compile(
    r"^(?:(?!\b(?:but|however|except|unless|provided)\b)[^.;,]){0,120}?\b(?:is|are|shall|will|may)\s+not\s+(?:be\s+)?"
    r"(?:carried\s+out|conducted|performed|undertaken|held|made|take\s+place)\b|"
    # "Inspections of the Customer's activity by the Inspection Body do not extend to the Contractor"
    # (one subject, no comma: not "... or the fees, and a change that adversely affects X does not apply to X")
    r"^(?:(?!\b(?:but|however|except|unless|provided)\b)[^.;,]){0,200}?\b(?:do|does|shall|will)\s+not\s+(?:extend|apply)\s+to\b",
    re.I,
)


_NO_DUTY_TO = re.compile(
    r"\b(?:not|no\s+longer)\s+(?:be\s+)?(?:obliged|required|obligated|bound)\s+to\b|\b(?:under\s+)?no\s+obligation\s+to\b",
    re.I,
)
# "to refuse representatives of the Customer access to the premises ..., including for the purposes of inspections"
_REFUSED_ACCESS = re.compile(r"\b(?:refus|den(?:y|ies|ied))\w*\s+(?:[\w'’-]+\s+){0,5}?access\b", re.I)
_TURN = re.compile(r"\b(?:but|however|except|save|unless|provided|whereas|instead|rather)\b|\.\s", re.I)


# A glossary entry: '"Privacy Breach" means ...', '**Inputs** - prompts, files ...', '"Term": the period ...'
_GLOSSARY = re.compile(
    r"(?:\*\*|__|[\"“])(?P<term>[A-Z][\w -]{1,30}?)(?:\*\*|__|[\"”])\s*"
    # '"Archive" within the meaning of this Contract means', '"Data" in this Agreement means'
    r"(?:,?\s*(?:within\s+the\s+meaning\s+of|for\s+the\s+purposes\s+of|as\s+used\s+in|in)\s+this\s+\w+,?\s+)?"
    r"(?:[-–—:]|means\b|shall\s+mean\b|includes\b)\s*"
    r"(?P<body>[^\n]{0,240})"
)


# CIS and civil-law glossaries define at the start of a numbered line, unquoted: "1.7. Incident - any ...",
# "1.6. Major Incident means any operational or security incident ..."
_DASH_GLOSSARY = re.compile(
    r"^[ \t]*(?:\d+(?:\.\d+)*\.?[ \t]+)?(?P<term>[A-Z][\w -]{1,30}?)[ \t]+(?:[-–—]|means)[ \t]+(?P<body>[^\n]{0,240})",
    re.M,
)


def defined_terms(documents: list[Document], meaning: re.Pattern[str], reach: int = 60) -> set[str]:
    """The family's defined terms whose definition (its first `reach` characters, up to the next definition run
    on in the same paragraph) matches `meaning`, unless it says the term is not that ('"Priority Incident"
    means a fault ...; it is not a Security Incident')."""
    return {
        term
        for term, body in glossary(documents)
        if _means(body[:reach], meaning) and not _THE_AGREEMENT.fullmatch(term)
    }


# ('"Contract": this contract, its Annexes and any amendment signed by the Parties' names the agreement, not a change)
_THE_AGREEMENT = re.compile(
    r"(?:the\s+)?(?:contract|agreement|terms|master\s+agreement|framework\s+agreement)", re.I
)
# a heading that reads like an entry ("Article 2 - Fees (amendment of Article 5.1)") defines nothing
_HEADING_TERM = re.compile(
    r"(?:article|section|clause|chapter|title|part|schedule|annex(?:ure)?|appendix|exhibit|attachment)\s+[\w.()-]+",
    re.I,
)


def glossary(documents: list[Document]) -> list[tuple[str, str]]:
    """Every (term, definition) of the family's glossaries, each definition cut where the next one begins."""
    return [
        (m.group("term").strip(), _NEXT_DEFINITION.split(m.group("body"), maxsplit=1)[0])
        for doc in documents
        for glossary_re in (_GLOSSARY, _DASH_GLOSSARY)
        for m in _entries(glossary_re, doc.text)
        if not _HEADING_TERM.fullmatch(m.group("term").strip())
    ]


# the next definition of a glossary run on in one paragraph: '... signed by you and us. "Subprocessor" means'
# ('...; (e) "Business Day": Monday to Friday')
_NEXT_DEFINITION = re.compile(
    r"[\"“][^\"”\n]{1,60}[\"”]\s*(?:[:–—]|-\s|means\b|has\s+the\s+meaning\b|shall\s+mean\b|includes\b)"
)
_IS_NOT = re.compile(r"\b(?:is|are|does|do)\s+not\s+(?:include\s+)?(?:an?\s+|the\s+|any\s+)?$", re.I)


def _means(body: str, meaning: re.Pattern[str]) -> bool:
    return any(not _IS_NOT.search(body[max(0, m.start() - 30) : m.start()]) for m in meaning.finditer(body))


def _entries(glossary: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Every definition, also one whose term sits inside the body read for the one before it (a glossary run
    on in one paragraph: 'a) "Documents" means ...; b) "Personal Data" has ...')."""
    pos = 0
    while (m := glossary.search(text, pos)) is not None:
        yield m
        pos = m.end("term")


def with_terms(pattern: re.Pattern[str], terms: set[str]) -> re.Pattern[str]:
    """`pattern` widened by whole-word `terms` (the family's own names for the same thing), in the singular or
    the plural."""
    if not terms:
        return pattern
    names = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len, reverse=True))
    return re.compile(rf"{pattern.pattern}|\b(?:{names})s?\b", pattern.flags)


def is_definition(text: str) -> bool:
    """'"Security Incident" means ...': a definition gives no obligation by itself."""
    return bool(DEFINITION_RE.search(text[:200]))


def strip_xrefs(text: str) -> str:
    """Blank out cross-reference labels ('Section 12 (Audit)') so their titles do not count as text."""
    return XREF_RE.sub(lambda m: " " * len(m.group(0)), text)


def neighbours(sentence: Sentence, radius: int = 2) -> list[Sentence]:
    """`sentence` and up to `radius` neighbours on each side within the same clause or numbered section."""
    sents = _doc_sentences(sentence.doc)
    idx = sentence_index(sentence)
    if idx is None:
        return [sentence]
    # a bare clause number on its own line ("14.2.") is no sentence: it does not use up the radius
    lo, hi = _reach(sents, idx, -1, radius), _reach(sents, idx, 1, radius)
    sections = _sections(sentence.doc)
    section = sections[sentence.clause.index] if sentence.clause is not None else ""
    return [
        s
        for s in sents[lo : hi + 1]
        if s.clause is sentence.clause
        or (section and s.clause is not None and sections[s.clause.index] == section)
    ]


def sentence_before(sentence: Sentence) -> Sentence | None:
    """The sentence just before `sentence` in its clause or numbered section, if any."""
    before = [s for s in neighbours(sentence, 1) if s.start < sentence.start]
    return before[-1] if before else None


_SECTIONS: dict[tuple[str, str, int, int], tuple[str, ...]] = {}


def _sections(doc: Document) -> tuple[str, ...]:
    """`_parent_section` of every clause of `doc`, by clause index (computed once per document)."""
    key = (doc.id, doc.sha256, len(doc.text), len(doc.clauses))
    if key not in _SECTIONS:
        if len(_SECTIONS) > 64:
            _SECTIONS.clear()
        _SECTIONS[key] = tuple(_parent_section(doc, c) for c in doc.clauses)
    return _SECTIONS[key]


_SUB_NUMBER = re.compile(r"\(?(?:\d{1,2}|[a-z]{1,2}|[ivx]{1,4})\)\.?")


def _parent_section(doc: Document, clause: Clause | None) -> str:
    """`_section`, where a bracketed paragraph number ('(2)' under '16 CONTROL', '(b)') belongs to the section of
    the last clause before it that has a number of its own, and paragraphs that carry their section's heading
    ('(1)' and '(2)' both under '§ 16 Amendments') share it."""
    if clause is None or not clause.number or not _SUB_NUMBER.fullmatch(clause.number.strip()):
        return _section(clause)
    for prior in reversed(doc.clauses[: clause.index + 1]):
        if prior.number and not _SUB_NUMBER.fullmatch(prior.number.strip()):
            if not clause.heading or prior.heading == clause.heading:
                return _section(prior)
            break
        if prior.heading != clause.heading:
            break  # the paragraphs of another heading
        if not clause.heading and _FIRST_ITEM.fullmatch((prior.number or "").strip()):
            # '(1) ... (2) ... (3)' under a heading the segmenter kept in the text before: the run from its '(1)'
            return f"run:{prior.index}"
    return f"heading:{clause.heading}" if clause.heading else _section(clause)


_FIRST_ITEM = re.compile(r"\(?(?:1|a|i)\)\.?")


_BARE_NUMBER = re.compile(r"\s*[\d.()]+\s*")


def _reach(sents: tuple[Sentence, ...], idx: int, step: int, radius: int) -> int:
    """The index `radius` sentences away from `idx` in direction `step`, not counting bare clause numbers."""
    i, last = idx, (len(sents) - 1 if step > 0 else 0)
    for _ in range(radius):
        if i == last:
            break
        i += step
        while i != last and _BARE_NUMBER.fullmatch(sents[i].text):
            i += step
    return i


def _section(clause: Clause | None) -> str:
    """Top-level section number of a clause ('9' for '9.2'), '' when unnumbered."""
    if clause is None or not clause.number:
        return ""
    return clause.number.strip("().").split(".")[0]


_NOTICE_AFTER = re.compile(
    r"^\W{0,3}(?:s\b)?\W{0,2}(?:(?:prior|advance|written|express|formal)\s+){0,3}(?:notice|notification|before|prior|"
    r"in\s+advance|ahead)",
    re.I,
)
_POINT_IN_TIME = re.compile(
    r"\b(?:end|start|beginning|close|last\s+day|first\s+day)\s+of\s+(?:the\s+|each\s+|any\s+|every\s+)?$",
    re.I,
)
_NOTICE_BEFORE = re.compile(
    r"(?:notice|notify\w*|notification|inform\w*)\s+(?:\w+\s+){0,6}?(?:at\s+least|no\s+(?:later|less)\s+than|"
    r"not\s+(?:later|less)\s+than|of|with|within|minimum\s+of)?\s*$",
    re.I,
)


# "notify the customer within five (5) days of the change": a report after the event, not a notice before it
_AFTER_THE_EVENT = re.compile(
    r"^\W{0,3}(?:of|after|following)\s+(?:the\s+|such\s+|any\s+|each\s+|its\s+|that\s+)?(?:\w+\s+){0,2}?"
    r"(?:change|engagement|appointment|replacement|addition|substitution|occurrence|implementation|deployment)s?\b",
    re.I,
)


def told_after_the_event(text: str) -> bool:
    """The sentence only reports a change after it happened ("informing the Customer within ten (10) business
    days after the replacement"): a period that runs from the event and no notice period before it."""
    if notice_durations(text):
        return False
    return any(_AFTER_THE_EVENT.search(text[d.end : d.end + 60]) for d in find_durations(text))


def glued_heading_end(text: str) -> int:
    """Where a heading glued to the front of a sentence ends ('§ 15 Termination assistance and deletion\n(1) For
    sixty days ...'): the first line when it is short and has no full stop (its number and an 'Art.' aside:
    'Art. 4 - Duration and renewal'), else 0."""
    first = text.find("\n")
    if not 0 < first <= 80:
        return 0
    head = re.sub(
        r"^[#*\s§]*(?:(?:art|sec|cl|para|no)\.\s*)?(?:[A-Z]?\d+(?:\.\d+)*\.?)?", "", text[:first], flags=re.I
    )
    return first if not re.search(r"[.;]", head) else 0


def notice_durations(text: str) -> list[Duration]:
    """Durations that are notice periods: "thirty (30) days' prior written notice", "notice of at least
    60 days", "90 days before the end of the term"; not a report due "within five days of the change"."""
    out = []
    for d in find_durations(text):
        if _POINT_IN_TIME.search(text[max(0, d.start - 40) : d.start]):
            continue  # "notice effective at the end of a calendar month": a date, not a length
        # (a fixed-width line may wrap right after the duration: "ten (10) calendar days\n       in advance")
        after = re.sub(r"\s+", " ", text[d.end : d.end + 80])
        if _AFTER_THE_EVENT.search(after[:60]):
            continue
        if (
            _NOTICE_AFTER.search(after[:40])
            or _NOTICE_BEFORE.search(text[max(0, d.start - 60) : d.start])
            or (
                _AFTER_ANNOUNCED.match(text, d.end)
                and TAKES_EFFECT.search(text[max(0, d.start - 80) : d.start])
            )
        ):
            out.append(d)
    return out


# "Amendments enter into force fifteen (15) days after publication", "Changes take effect fourteen (14) days
# after they are posted": the time between the announcement and the effect is the notice period
_AFTER_ANNOUNCED = re.compile(
    r"\W{0,3}(?:after|following|from)\s+(?:the\s+|their\s+|its\s+|such\s+|that\s+|the\s+date\s+of\s+(?:the\s+|their\s+)?)?"
    r"(?:publication|posting|notice|notification|e-?mail|dispatch|announcement|"
    r"(?:they|it)\s+(?:are|is|have\s+been|has\s+been)\s+(?:posted|published|notified|announced|sent|communicated))\b",
    re.I,
)
TAKES_EFFECT = re.compile(
    r"\b(?:take|takes|taking|enter|enters|come|comes)\s+(?:into\s+)?(?:effect|force)|"
    r"\b(?:become|becomes|shall\s+be(?:come)?|will\s+be(?:come)?)\s+(?:effective|enforceable|binding|applicable)",
    re.I,
)


REFERENCE_RE = re.compile(
    r"\b(?:is|are|shall\s+be|will\s+be)\s+(?:as\s+)?(?:set\s+(?:out|forth)|described|specified|governed|addressed|"
    # ("are governed exclusively by the Data Processing Agreement")
    # (and "are laid down in", "are defined ... in", "are regulated by")
    # ("The procedure and time limits for notifying the Customer ... are determined by the Regulation ... (Appendix No. 4)")
    r"covered|dealt\s+with|detailed|contained|laid\s+down|defined|regulated|established|determined|stated)\s+"
    r"(?:(?:exclusively|solely|only|entirely|fully)\s+)?(?:in|by|under)\s+"
    r"(?P<target>[^.;]{1,80})",
    re.I,
)
_DOC_NAMES = (
    (
        re.compile(
            r"\bDPA\b|data\s+processing|data\s+protection\s+(?:addendum|agreement)|\bprocessing\s+agreement",
            re.I,
        ),
        "dpa",
    ),
    (re.compile(r"\bmaster\s+(?:\w+\s+)?agreement|\bMSA\b", re.I), "msa"),
    # the ordering document goes by other names: "Service Application Form" (Korean and Japanese
    # drafting), "ordering document", "subscription form", the vendor's accepted "Quotation", a public buyer's
    # "Purchase Order"
    (
        re.compile(
            r"\border\s+form|\bapplication\s+form|\bordering\s+documents?|\bsubscription\s+form|\bquotation\b|"
            r"\bpurchase\s+order\b",
            re.I,
        ),
        "order_form",
    ),
    (re.compile(r"\bSLA\b|service\s+level\s+(?:agreement|schedule)", re.I), "sla"),
    (re.compile(r"\bSOW\b|statement\s+of\s+work", re.I), "sow"),
    # public-sector call-offs and group purchasing: the umbrella contract is never itself ingested as one
    (re.compile(r"\b(?:framework|umbrella|head)\s+(?:\w+\s+)?agreement\b", re.I), "framework"),
)


def names_document(target: str) -> bool:
    """The target is a separate contract document (a DPA, the master agreement, an order form, an SLA,
    a SOW), not a schedule or annex of the one at hand."""
    return any(rx_.search(target) for rx_, _ in _DOC_NAMES)


def reference_target(text: str) -> str | None:
    """The place a pointer-only sentence sends the reader to ('are set out in Section 14 of the Master
    Agreement' -> 'Section 14 of the Master Agreement'), or None when the sentence is not a pointer."""
    m = REFERENCE_RE.search(text)
    if m is None:
        return None
    # ("as specified in the Quotation, which forms an integral part of this Agreement" -> "the Quotation")
    target = re.split(r",\s*(?:which|that)\b", m.group("target"), maxsplit=1)[0].strip()
    # ("by the Regulation on the interaction of the Parties ... (Appendix No. 4)": the attachment it is, in brackets)
    bracketed = _BRACKETED_ATTACHMENT.match(text, m.start("target"))
    if bracketed and not re.search(ATTACHMENT_KINDS, target, re.I):
        target += f" ({bracketed.group('att')})"
    return target


_BRACKETED_ATTACHMENT = re.compile(
    r"[^;()]{0,200}?\((?P<att>(?:Schedule|Annex(?:ure)?|Anexo|Appendix|Exhibit|Attachment)\s+(?:No\.\s*)?[\w.-]+)\)",
    re.I,
)


# a time counted from the start of the contract is a set-up deadline, not a time after its end
FROM_START_DATE = (
    r"\b(?:after|of|from|following)\s+(?:the\s+)?(?:date\s+of\s+(?:the\s+)?)?(?:(?:effective|commencement|go-?live|start|"
    r"signature|service\s+commencement|contract\s+start|commissioning)\s+date|go-?live(?:\s+(?:protocol|certificate))?|"
    r"commissioning(?!\s+date)|"
    r"entry\s+into\s+force\s+of\s+th(?:is|e)\s+(?:contract|agreement)|"
    # "within ninety (90) days of the date of this Agreement"
    r"date\s+of\s+this\s+(?:agreement|contract)|" + CALENDAR_DATE + r"|"
    # a calendar date: "within ninety (90) days after April 1, 2026", "by 30 days after 1 April 2026"
    # "within ninety (90) days from the date of signature of this contract", "within three months of the start order"
    # (but "following the signing of the Acta de Entrega", the hand-over at the end, is no start)
    # (not "after signing the Transfer-acceptance act", an act of the end)
    r"(?:signature|signing)(?!\s+of\s+(?!(?:this|the)\s+(?:contract|agreement)\b))"
    r"(?!\s+(?:the|an?|its|such)\s+(?!(?:contract|agreement)\b))|start\s+order|"
    r"order\s+to\s+(?:commence|start)|notice\s+to\s+proceed|"
    # "within ninety (90) days after the first payroll processed in production"
    r"first\s+(?:[\w-]+\s+){1,3}?(?:processed|run|issued|executed)\s+in\s+production|"
    r"(?:start|beginning)\s+of\s+(?:productive|production)\s+(?:use|operation))\b"
    r"(?!\s+of\s+(?:the\s+|such\s+|any\s+)?(?:termination|expiry|expiration|cancellation|exit))"
)
FROM_START = re.compile(r"\W{0,3}\s*" + FROM_START_DATE, re.I)


def target_missing(
    target: str, documents: list[Document], *, named: bool = False, source: Document | None = None
) -> bool:
    """True when `target` names a document of the family that was not provided (a DPA, the master
    agreement, an order form, an SLA, a SOW), a schedule/exhibit that no document contains as a heading,
    or (`named`) a titled attachment such as 'the Security Exhibit' found nowhere as a heading."""
    if source is not None and not re.search(r"\bth(?:is|ese)\b", target, re.I):
        # "as set out in the Order Form" inside terms that ingest took for an order form: another document
        documents = [d for d in documents if d.id != source.id]
    kinds = {d.kind.value for d in documents}
    for rx_, kind in _DOC_NAMES:
        if rx_.search(target):
            return kind not in kinds and not any(rx_.search(d.title or d.filename) for d in documents)
    # (Gulf drafting numbers its annexes in brackets: "Annex (5)")
    m = re.search(
        r"\b(Schedule|Exhibit|Annex(?:ure)?|Anexo|Appendix|Attachment)\s+(?:No\.\s*)?\(?([A-Z0-9][\w.]*(?:-\d+)?)\)?",
        target,
        re.I,
    )
    label = (
        f"{m.group(1)}\\s+(?:No\\.?\\s*)?\\(?{re.escape(m.group(2))}\\)?"
        if m
        else re.escape(target.strip())
        if named
        else None
    )
    if label is None:
        return False
    m_kind = m.group(1) if m else ""
    # (a glossary row "Service Definition | The definition of ..." or "X means ..." defines it, it is no heading)
    heading = re.compile(rf"^[#*\s]*{label}(?!\w)(?!\s*\||\s+means\b)[^\n]*", re.I | re.M)
    return not any(
        not PLACEHOLDER.search(m.group(0))
        and not PLACEHOLDER_BODY.match(d.text, m.end())
        and not (m_kind and listed_among_others(d.text, m, m_kind))
        and not _wrapped_line(d.text, m.start(), m.group(0))
        for d in documents
        for m in heading.finditer(d.text)
    )


def _wrapped_line(text: str, start: int, line: str) -> bool:
    """The `line` at `start` continues a sentence hard-wrapped from the line before ('... set out in' / 'Appendix
    B-1 (Security Controls), which will be completed ...'): a reference, not a heading. (A short line after a
    table row, 'Schedule 2 (Sub-trustees)', is a heading.)"""
    if len(line.split()) < 8:
        return False
    before = text[:start].rstrip(" \t")
    if not before.endswith("\n"):
        return False
    last = before[:-1].rsplit("\n", 1)[-1].rstrip()
    return bool(last) and bool(re.search(r"(?:\b[a-z]+|,)$", last))


ATTACHMENT_KINDS = r"(?:Schedule|Annex(?:ure)?|Anexo|Appendix|Exhibit|Attachment)"
# a bold run-in label at the start of a clause ("**5.2 Renewal.** Upon expiration ..."): it names the topic
RUN_IN_LABEL = re.compile(r"^\s*(?:\*\*|__)[^*_\n]{1,80}(?:\*\*|__)\s*")


def listed_among_others(text: str, m: re.Match[str], kind: str = ATTACHMENT_KINDS) -> bool:
    """The 'heading' is one line of a list of the attachments ('Schedule 3 - Service Levels' above 'Schedule 4 -
    Exit Management Plan'): a table of contents names the schedule, it does not contain it."""
    before = text[: m.start()].rstrip().rsplit("\n", 1)[-1]
    after = text[m.end() :].lstrip().split("\n", 1)[0]
    entry = re.compile(rf"^[#*\s]*{kind}\s+\(?[A-Z0-9][\w.]*\)?(?!\w)", re.I)
    return bool(entry.match(before) or entry.match(after))


# What holds the place of a missing attachment: "to be agreed by the parties ...", "to follow", "reserved"
_TO_BE = (
    r"to\s+be\s+(?:attached|agreed|provided|completed|supplied|added|annexed|finali[sz]ed|issued|concluded|signed|executed|approved|"
    r"communicated|delivered|submitted|adopted|drawn\s+up|prepared|developed|determined)\b"
)
_HOLDS_PLACE = (
    r"to\s+follow|intentionally\s+(?:left\s+)?blank|reserved|not\s+used|TBD|TBC|"
    # (French drafting: "[À établir conjointement par les Parties ... - non joint.]")
    r"à\s+(?:établir|convenir|définir|compléter|fournir|joindre)|non\s+jointe?|"
    # "[Pending preparation. To be agreed by the parties before the start of the winter Season.]"
    r"pending\s+(?:preparation|agreement|signature|completion|approval|drafting)"
)
# "[To be completed by the Vendor ...: list of Sub-processors, ... and the procedure for objection.]": a note that
# holds the place of text still to be written says what the text will cover, and commits to none of it
# (and a schedule's row whose value is one: "| 9. Service Levels and Service Credits | To be agreed by the parties |")
# (not "| Transition assistance | To be provided by the Supplier for 90 days |": a commitment in a table)
_STILL_TO_AGREE = r"to\s+be\s+(?:agreed|completed|attached|annexed|finali[sz]ed|confirmed|determined|adopted|drawn\s+up|approved)\b"
# a schedule row's value that only holds a place
_ROW_VALUE = rf"\s*(?:{_STILL_TO_AGREE}|{_HOLDS_PLACE})"
ROW_PLACEHOLDER = re.compile(_ROW_VALUE, re.I)
PLACEHOLDER_NOTE = re.compile(
    rf"\s*[*_]{{0,2}}[\[(]\s*(?:{_TO_BE}|{_HOLDS_PLACE})\b|[^|\n]{{1,80}}\|{_ROW_VALUE}", re.I
)
# "The PAS shall set out in particular the hosting, encryption ... requirements", "Annex C shall cover ...": what an
# attachment is to hold, said right after its name
TO_HOLD = (
    r"\s+(?:shall|will|must|is\s+to)\s+(?:in\s+particular\s+)?(?:cover|include|set\s+out|address|contain|describe|"
    r"specify|regulate)\b"
)
# "Until Schedule E is finalized, the Contractor shall cooperate in planning for the transition", "Until Schedule 4 is
# agreed, the Supplier shall take reasonable measures": a stopgap until the missing attachment or plan exists
PENDING = re.compile(
    r"\b(?:until|pending)\s+(?:the\s+)?(?:Schedule|Annex|Appendix|Exhibit|Attachment|(?:exit|transition)(?:-out)?\s+plan)\b"
    r"[^.;]{0,40}?\b(?:is|are|has\s+been|have\s+been)?\s*(?:finali[sz]ed|agreed|attached|approved|completed|adopted|signed|"
    r"validated)",
    re.I,
)
# "Annex IV - Exit Plan (to be attached)": a heading that only holds the place of a missing attachment
PLACEHOLDER = re.compile(
    # ("Appendix 4 - Exit Plan (to be agreed by the parties within six months of the Effective Date)")
    rf"\(\s*(?:{_TO_BE}[^()\n]{{0,100}}|{_HOLDS_PLACE})\s*\)|"
    r"[-–—:]\s*(?:to\s+be\s+(?:attached|agreed|provided)|to\s+follow|intentionally\s+(?:left\s+)?blank|\[?reserved\]?|TBD|TBC)\W*$|"
    # ("**Exhibit D - Data Protection Exhibit:** to be executed by the parties within thirty (30) days ... Not attached.")
    rf"[-–—:][*_]*\s*{_TO_BE}[^\n]{{0,200}}\bnot\s+(?:yet\s+)?attached\W*$|"
    # "Exit Plan: to be agreed within 3 months of the Start Date and attached as Schedule 7"
    r"\bto\s+be\s+(?:agreed|prepared|developed|finali[sz]ed|provided)\b[^.;]{0,100}?\b(?:attached|annexed|appended|added)\s+"
    r"(?:as|at|to)\s+(?:a\s+|the\s+)?(?:Schedule|Annex|Appendix|Exhibit|Attachment)\b",
    re.I,
)
# "SCHEDULE 2 - SERVICE LEVELS" over a body that is only "[To be agreed in accordance with Section 5(b).]"
PLACEHOLDER_BODY = re.compile(
    # (a title line may come between: "APPENDIX 1" / "TECHNICAL AND ORGANISATIONAL MEASURES" / "[To be adopted ...]")
    # (and a rule line under the heading: "ANNEX 5 - REVERSIBILITY PLAN" / "=====" / "[To be drawn up ...]")
    # (or a bracketed note of what it is to hold: "(list of processors; procedure for informing and consulting ONEC)")
    r"(?:[ \t]*\n[ \t]*(?:(?-i:(?:[A-Z][\w'&/-]*|and|of|the|for|to|in|on)[ \t,]*){1,16}|\([^()\n]{1,120}\))(?=\n))?"
    r"(?:[ \t]*\n[ \t]*[-=_~]{3,}[ \t]*(?=\n))?(?:"
    # (a DOCX paragraph ends at a single line break)
    # (or in brackets: "(To be provided by the County Clerk and attached before the first renewal.)")
    # (Markdown may emphasise it: "*[To be completed and signed in accordance with Article 15-2.]*")
    rf"\s*[*_]{{0,2}}[\[(]?\s*(?:{_TO_BE}|{_HOLDS_PLACE})\b[^\n]{{0,100}}?[\])]?[*_]{{0,2}}[ \t]*(?:\n|\Z)|"
    # a longer bracketed note: "[To be agreed by the parties within sixty (60) days after the Go-Live Date. Until
    # this Schedule is agreed, the Provider shall ...]"
    # (a PDF's text may run the next block onto the same line: "...Crop Season.] SIGNED for and on behalf of")
    rf"\s*[*_]{{0,2}}\[\s*(?:{_TO_BE}|{_HOLDS_PLACE})\b[^\]\n]{{0,400}}\][*_]{{0,2}}(?:\s*(?:\n\s*\n|\Z)|\s+(?-i:(?=[A-Z]{{2,}}\b)))|"
    # a note that the attachment has no text: "[Translator's note: the original bears the legend 'to be signed
    # by the parties'. No text follows.]"
    r"\s*\[[^\]\n]{0,300}\b(?:no\s+(?:further\s+)?text\s+follows|(?:page|annex|schedule)\s+(?:intentionally\s+)?left\s+blank)"
    r"\b[^\]\n]{0,100}\][ \t]*(?:\n|\Z))",
    re.I,
)


def matching_sentences(doc: Document, pattern: re.Pattern[str]) -> list[Sentence]:
    """Sentences of `doc` that may match `pattern`: one pass over the whole text, each match mapped to
    the sentences it touches (the caller re-checks each sentence on its own)."""
    sents = _doc_sentences(doc)
    starts = _starts(doc)
    picked: dict[int, None] = {}
    for m in pattern.finditer(doc.text):
        i = max(0, bisect_right(starts, m.start()) - 1)
        while i < len(sents) and sents[i].start <= m.end():
            picked[i] = None
            i += 1
    return [sents[i] for i in picked]


def sentence_index(sentence: Sentence) -> int | None:
    """Position of `sentence` among its document's sentences."""
    sents = _doc_sentences(sentence.doc)
    i = bisect_right(_starts(sentence.doc), sentence.start) - 1
    return i if 0 <= i < len(sents) and sents[i].start == sentence.start else None


_STARTS: dict[tuple[str, str, int, int], list[int]] = {}


def _starts(doc: Document) -> list[int]:
    """Sentence start offsets of `doc` (cached like its sentences)."""
    key = (doc.id, doc.sha256, len(doc.text), len(doc.clauses))
    if key not in _STARTS:
        if len(_STARTS) > 64:
            _STARTS.clear()
        _STARTS[key] = [s.start for s in _doc_sentences(doc)]
    return _STARTS[key]
