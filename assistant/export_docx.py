"""A contract as DOCX for legal: each finding a Word comment anchored at its evidence, missing clauses listed
first with the playbook's preferred language.

Two forms: `contract_docx` rebuilds the document from the stored text (any source: PDF, DOCX, text), page by
page; `original_docx_with_comments` annotates an uploaded DOCX itself, keeping its formatting, by finding
each quote in its paragraphs and splitting runs at the quote's edges.
"""

from __future__ import annotations

import copy
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from docx import Document as docx_document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from assistant.models import Document, Evidence, Finding, Status
from assistant.playbook import Playbook

AUTHOR, INITIALS = "clausegate", "CG"
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_TYPO = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"}
)
_LABEL = re.compile(r"^\s*(?:\(?[0-9ivxlcdm]+(?:\.[0-9]+)*[.)]|\([a-z]\)|[a-z][.)])\s+", re.I)


def _xml_safe(text: str) -> str:
    """Same length, without characters XML cannot hold (form feeds from PDFs, etc.)."""
    return _XML_BAD.sub(" ", text)


@dataclass
class _Span:
    start: int
    end: int
    finding: Finding
    evidence: Evidence


def _comment_text(f: Finding, playbook: Playbook | None, state: str | None) -> str:
    parts = [f"[{f.status.value.upper()}] {f.title or f.requirement} (severity {f.severity.value})"]
    if state:
        parts.append(f"Legal: {state}.")
    if f.reason:
        parts.append(f.reason)
    if f.params:
        parts.append("Parameters: " + ", ".join(f"{k}={v}" for k, v in f.params.items()))
    preferred = _preferred(f, playbook)
    if f.status != Status.present and preferred:
        parts.append(f"Preferred language: {preferred}")
    return "\n".join(parts)


def _preferred(f: Finding, playbook: Playbook | None) -> str:
    if playbook is None:
        return ""
    try:
        return playbook.requirement(f.requirement).preferred_language.strip()
    except KeyError:
        return ""


def _spans(doc: Document, findings: Sequence[Finding]) -> list[_Span]:
    spans = []
    for f in findings:
        for ev in f.evidence:
            if ev.document_id == doc.id and 0 <= ev.start < ev.end <= len(doc.text):
                spans.append(_Span(ev.start, ev.end, f, ev))
    return sorted(spans, key=lambda s: (s.start, s.end))


def _write_missing(out: Any, doc: Document, findings: Sequence[Finding], playbook: Playbook | None) -> None:
    """The top section: requirements with no evidence in this document, with the preferred language."""
    absent = [
        f
        for f in findings
        if f.status != Status.present and not any(e.document_id == doc.id for e in f.evidence)
    ]
    if not absent:
        return
    out.add_heading("Missing or unclear clauses", level=1)
    for f in absent:
        p = out.add_paragraph(style="List Bullet")
        p.add_run(f"{f.title or f.requirement}").bold = True
        p.add_run(f" ({f.status.value}, severity {f.severity.value}). {f.reason}".rstrip())
        preferred = _preferred(f, playbook)
        if preferred:
            out.add_paragraph(f"Preferred language: {preferred}", style="Quote")
    out.add_page_break()


def _paragraph_pieces(text: str, start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    inner = [c for c in cuts if start < c < end]
    bounds = [start, *inner, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if b > a]


def contract_docx(
    doc: Document,
    findings: Sequence[Finding],
    *,
    playbook: Playbook | None = None,
    states: dict[str, str] | None = None,
) -> bytes:
    """The contract text as DOCX: missing clauses listed first, then the text page by page with each
    finding's evidence highlighted and carrying a Word comment (status, reason, parameters, legal state,
    preferred language)."""
    out = docx_document()
    out.add_heading(f"{doc.title or doc.filename}: clause review", level=0)
    _write_missing(out, doc, findings, playbook)
    spans = _spans(doc, findings)
    cuts = sorted({s.start for s in spans} | {s.end for s in spans})
    pieces: list[tuple[int, int, Run]] = []
    for i, page in enumerate(doc.pages):
        if i:
            out.add_page_break()
        offset = page.start
        for line in doc.text[page.start : page.end].split("\n"):
            a, b = offset, offset + len(line)
            offset = b + 1
            if not line.strip():
                continue
            para = out.add_paragraph()
            for s, e in _paragraph_pieces(doc.text, a, b, cuts):
                pieces.append((s, e, para.add_run(_xml_safe(doc.text[s:e]))))
    for span in spans:
        runs = [r for s, e, r in pieces if s < span.end and e > span.start]
        if not runs:
            continue
        for r in runs:
            r.font.highlight_color = WD_COLOR_INDEX.YELLOW
        text = _comment_text(span.finding, playbook, (states or {}).get(span.finding.requirement))
        out.add_comment(runs, text=_xml_safe(text), author=AUTHOR, initials=INITIALS)
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


# -- annotating the uploaded DOCX -------------------------------------------------------------------------


def _normalised(text: str) -> tuple[str, list[int]]:
    """Whitespace-collapsed, typography-folded text and, per character, its index in `text`."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text.translate(_TYPO)):
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
                index.append(i)
            continue
        out.append(ch)
        index.append(i)
    return "".join(out), index


def _lines(quote: str) -> list[str]:
    """The quote's non-empty lines, normalised (in a DOCX each line of the stored text is a paragraph)."""
    return [x for x in (_normalised(line)[0].strip() for line in quote.splitlines()) if x]


def _variants(text: str) -> list[str]:
    """`text`, and `text` without a leading list label (automatic numbers are not in the paragraph text)."""
    bare = _LABEL.sub("", text, count=1)
    return [text] if bare == text else [text, bare]


def _paragraphs(document: Any) -> list[Paragraph]:
    """Every paragraph of the body, tables included, in document order."""
    body = document.element.body
    return [Paragraph(p, document._body) for p in body.iter(qn("w:p"))]


def _run_spans(para: Paragraph) -> list[tuple[int, int, Run, bool]]:
    """(start, end, run, splittable) over the paragraph's visible runs; runs inside hyperlinks can't be split."""
    spans, pos = [], 0
    for r in para._p.iter(qn("w:r")):
        run = Run(r, para)
        text = run.text
        if not text:
            continue
        spans.append((pos, pos + len(text), run, r.getparent() is para._p))
        pos += len(text)
    return spans


def _split(run: Run, at: int) -> Run:
    """Split `run` at character `at`: `run` keeps the head, the returned new run (same formatting) the tail."""
    text = run.text
    tail_el = copy.deepcopy(run._r)
    run._r.addnext(tail_el)
    tail = Run(tail_el, run._parent)
    run.text, tail.text = text[:at], text[at:]
    return tail


def _anchor_runs(para: Paragraph, start: int, end: int) -> list[Run]:
    """The runs covering [start, end) of the paragraph text, splitting runs so the edges fall on run edges."""
    spans = _run_spans(para)
    for s, e, run, splittable in spans:
        if splittable and s < end < e:
            _split(run, end - s)
    for s, e, run, splittable in _run_spans(para):
        if splittable and s < start < e:
            _split(run, start - s)
    return [run for s, e, run, _ in _run_spans(para) if s < end and e > start]


_Where = tuple[Paragraph, int, Paragraph, int]


def _texts(paragraphs: list[Paragraph]) -> list[tuple[str, list[int]]]:
    return [_normalised("".join(run.text for _, _, run, _ in _run_spans(p))) for p in paragraphs]


def _runs_between(first: Paragraph, start: int, last: Paragraph, end: int) -> list[Run]:
    """The runs from `start` in `first` to `end` in `last` (split at both edges)."""
    if first._p is last._p:
        return _anchor_runs(first, start, end)
    head = _anchor_runs(first, start, 10**9)
    tail = _anchor_runs(last, 0, end)
    return [head[0], tail[-1]] if head and tail else []


def _find(paragraphs: list[Paragraph], quote: str) -> _Where | None:
    """Where the quote is: within one paragraph, else from the end of one paragraph into the start of a
    following one, else (last resort) its longest line."""
    texts = _texts(paragraphs)
    lines = _lines(quote)
    whole = " ".join(lines)
    for i, (norm, index) in enumerate(texts):
        for cand in _variants(whole):
            at = norm.find(cand) if len(cand) >= 8 else -1
            if at >= 0:
                return paragraphs[i], index[at], paragraphs[i], index[at + len(cand) - 1] + 1
    if len(lines) >= 2:
        found = _find_across(paragraphs, texts, lines)
        if found:
            return found
    for line in sorted(lines, key=len, reverse=True)[:3]:
        for i, (norm, index) in enumerate(texts):
            for cand in _variants(line):
                at = norm.find(cand) if len(cand) >= 12 else -1
                if at >= 0:
                    return paragraphs[i], index[at], paragraphs[i], index[at + len(cand) - 1] + 1
    return None


def _find_across(
    paragraphs: list[Paragraph], texts: list[tuple[str, list[int]]], lines: list[str]
) -> _Where | None:
    """A quote whose first line ends one paragraph and whose last line starts a later one (close by)."""
    head, tail = lines[0], lines[-1]
    for i, (norm, index) in enumerate(texts):
        for cand in _variants(head):
            if not norm.rstrip().endswith(cand):
                continue
            at = len(norm.rstrip()) - len(cand)
            for j in range(i + 1, min(len(texts), i + len(lines) + 2)):
                tnorm, tindex = texts[j]
                if tnorm.lstrip().startswith(tail):
                    offset = len(tnorm) - len(tnorm.lstrip())
                    return paragraphs[i], index[at], paragraphs[j], tindex[offset + len(tail) - 1] + 1
    return None


def original_docx_with_comments(
    original: bytes,
    doc: Document,
    findings: Sequence[Finding],
    *,
    playbook: Playbook | None = None,
    states: dict[str, str] | None = None,
) -> tuple[bytes, list[str]]:
    """The uploaded DOCX with a comment at each finding's evidence and the missing clauses listed first.
    Returns (bytes, requirement ids whose quote could not be placed: they are listed at the top too)."""
    out = docx_document(io.BytesIO(original))
    paragraphs = _paragraphs(out)
    unplaced: list[str] = []
    for span in _spans(doc, findings):
        hit = _find(paragraphs, span.evidence.quote)
        runs = _runs_between(*hit) if hit else []
        if not runs:
            unplaced.append(span.finding.requirement)
            continue
        for r in runs:
            r.font.highlight_color = WD_COLOR_INDEX.YELLOW
        text = _comment_text(span.finding, playbook, (states or {}).get(span.finding.requirement))
        out.add_comment(runs, text=_xml_safe(text), author=AUTHOR, initials=INITIALS)
    _prepend_summary(out, doc, findings, playbook, set(unplaced))
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue(), unplaced


def _prepend_summary(
    out: Any, doc: Document, findings: Sequence[Finding], playbook: Playbook | None, unplaced: set[str]
) -> None:
    """Missing/unclear clauses (and quotes that could not be anchored) before the first paragraph."""
    absent = [
        f
        for f in findings
        if f.status != Status.present and not any(e.document_id == doc.id for e in f.evidence)
    ]
    lost = [f for f in findings if f.requirement in unplaced]
    first = out.paragraphs[0] if out.paragraphs else out.add_paragraph()
    if not absent and not lost:
        return
    title = first.insert_paragraph_before()
    title.add_run("clausegate review: missing or unclear clauses").bold = True
    for f in absent:
        p = first.insert_paragraph_before()
        p.add_run(f"{f.title or f.requirement}").bold = True
        p.add_run(f" ({f.status.value}, severity {f.severity.value}). {f.reason}".rstrip())
        preferred = _preferred(f, playbook)
        if preferred:
            first.insert_paragraph_before().add_run(f"Preferred language: {preferred}").italic = True
    for f in lost:
        p = first.insert_paragraph_before()
        p.add_run(f"{f.title or f.requirement}").bold = True
        quote = " ".join(e.quote for e in f.evidence if e.document_id == doc.id)
        p.add_run(
            f" ({f.status.value}): quote not located in this file's paragraphs: “{_xml_safe(quote)[:300]}”"
        )
    first.insert_paragraph_before().add_run().add_break()
