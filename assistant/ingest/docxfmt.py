"""DOCX reader: body paragraphs and tables in order, headings and page breaks from the XML.

Page breaks come from `w:lastRenderedPageBreak` (where Word last laid out a page) when the file has
them, else from explicit breaks (`w:br w:type="page"`, `w:pageBreakBefore`); without either the
document is one page. Paragraphs styled Heading N / Title (or with an outline level) and short
paragraphs whose text is all bold are passed to the segmenter as headings. Automatic list numbers
("4.2", "(b)") are rendered into the text, as Word shows them (see `docx_numbering`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

import docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from assistant.errors import CorruptFile
from assistant.ingest.docx_numbering import Numbering
from assistant.ingest.types import Extracted
from assistant.models import Page

_P, _TBL, _TR, _TC, _SDT = qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt")
_T, _TAB, _BR, _CR = qn("w:t"), qn("w:tab"), qn("w:br"), qn("w:cr")
_RENDERED, _BREAK_BEFORE, _TYPE = qn("w:lastRenderedPageBreak"), qn("w:pageBreakBefore"), qn("w:type")
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_HEADING_STYLE = re.compile(r"(?:heading|título|titre|überschrift)\s*(\d)", re.IGNORECASE)


@dataclass
class _Builder:
    parts: list[str] = field(default_factory=list)
    size: int = 0
    rendered: list[int] = field(default_factory=list)
    explicit: list[int] = field(default_factory=list)
    headings: dict[int, int] = field(default_factory=dict)
    title: str | None = None

    def add(self, text: str, breaks: list[tuple[int, bool]]) -> int:
        """Append one block (paragraph or table row); return its start offset."""
        start = self.size + (1 if self.parts else 0)
        for pos, rendered in breaks:
            (self.rendered if rendered else self.explicit).append(min(start + pos, start + len(text)))
        if text.strip():
            if self.parts:
                self.parts.append("\n")
            self.parts.append(text)
            self.size = start + len(text)
        return start


def read_docx(data: bytes, filename: str) -> Extracted:
    """Text, pages and heading hints of a .docx file; raises CorruptFile if it is not one."""
    try:
        document = docx.Document(BytesIO(data))
        body = document.element.body
    # NOTE: python-docx raises zip, XML, KeyError and ValueError variants on bad files: all mean corrupt.
    except Exception as exc:
        raise CorruptFile(
            filename,
            f"is not a readable Word .docx file ({type(exc).__name__}: {exc})",
            "Open it in Word or LibreOffice, save it as .docx (or export PDF) and upload again",
        ) from exc
    b = _Builder()
    numbering = Numbering.from_document(document)
    for el in _blocks(body):
        if el.tag == _P:
            _add_paragraph(b, Paragraph(el, document._body), numbering.label(el))
        else:
            for tr in el.iter(_TR):
                text, breaks = _row_text(tr)
                b.add(text, breaks)
    text = "".join(b.parts)
    return Extracted(
        text=text,
        pages=_pages(text, b.rendered or b.explicit),
        headings=b.headings,
        title=b.title,
        wrapped=False,
    )


def _blocks(body: Any) -> Iterator[Any]:
    """Top-level paragraphs and tables in body order, looking inside content controls."""
    for child in body.iterchildren():
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            for content in child.iterchildren(qn("w:sdtContent")):
                yield from _blocks(content)


def _runs_text(el: Any) -> tuple[str, list[tuple[int, bool]]]:
    """Visible text of an element and its page breaks as (offset, rendered?)."""
    out: list[str] = []
    breaks: list[tuple[int, bool]] = []
    size = 0
    stack = [el]
    while stack:
        node = stack.pop()
        tag = node.tag
        piece = ""
        if tag == _T:
            piece = node.text or ""
        elif tag == _TAB:
            piece = "\t"
        elif tag == _CR or (tag == _BR and node.get(_TYPE) != "page"):
            piece = "\n"
        elif (tag == _BR) or (tag == _BREAK_BEFORE and node.get(qn("w:val"), "1") not in ("0", "false")):
            breaks.append((size, False))
        elif tag == _RENDERED:
            breaks.append((size, True))
        elif tag != _FALLBACK:
            stack.extend(reversed(list(node)))
        out.append(piece)
        size += len(piece)
    return "".join(out), breaks


def _add_paragraph(b: _Builder, para: Paragraph, label: str | None) -> None:
    text, breaks = _runs_text(para._p)
    if label and text.strip():  # Word draws the list number; put it in the text the reader sees
        text = f"{label} {text.lstrip()}"
        breaks = [(pos + len(label) + 1 if pos else 0, rendered) for pos, rendered in breaks]
    start = b.add(text, breaks)
    level = _heading_level(para, text)
    if level is not None and text.strip():
        b.headings[start] = level
        if b.title is None and level <= 1:
            b.title = " ".join(text.split())


def _heading_level(para: Paragraph, text: str) -> int | None:
    """1-based heading level from the style or outline level; 2 for a short all-bold paragraph."""
    try:
        style = para.style.name if para.style is not None else ""
    except (KeyError, ValueError):
        style = ""
    if (style or "").lower() == "title":
        return 1
    m = _HEADING_STYLE.search(style or "")
    if m:
        return max(1, int(m.group(1)))
    outline = para._p.find(f"{qn('w:pPr')}/{qn('w:outlineLvl')}")
    if outline is not None and (val := outline.get(qn("w:val"), "")).isdigit() and int(val) < 9:
        return int(val) + 1
    if len(text) <= 100 and len(text.split()) <= 12 and _all_bold(para):
        return 2
    return None


def _all_bold(para: Paragraph) -> bool:
    runs = [r for r in para.runs if r.text.strip()]
    if not runs:
        return False
    style_bold = bool(para.style is not None and para.style.font.bold)
    return all(r.bold or (r.bold is None and style_bold) for r in runs)


def _row_text(tr: Any) -> tuple[str, list[tuple[int, bool]]]:
    """One table row as 'cell | cell'; merged (empty) cells are skipped."""
    cells: list[str] = []
    breaks: list[tuple[int, bool]] = []
    for tc in tr.iterchildren(_TC):
        paragraphs = [_runs_text(p) for p in tc.iter(_P)]
        breaks.extend((0, rendered) for _, found in paragraphs for _, rendered in found)
        text = " ".join(" ".join(t for t, _ in paragraphs).split())
        if text:
            cells.append(text)
    return " | ".join(cells), breaks[:1]


def _pages(text: str, breaks: list[int]) -> list[Page]:
    """Contiguous pages split at the break offsets (duplicates and edge breaks ignored)."""
    cuts = sorted({b for b in breaks if 0 < b < len(text)})
    bounds = [0, *cuts, len(text)]
    return [
        Page(number=i + 1, start=s, end=e) for i, (s, e) in enumerate(zip(bounds, bounds[1:], strict=False))
    ]
