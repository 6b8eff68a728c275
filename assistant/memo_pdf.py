"""PDF rendering of the gate memo with fpdf2 and its core Helvetica font (A4, one page where possible).

Core PDF fonts only cover Latin-1, so text is sanitised first: typographic quotes and dashes become ASCII,
the euro sign becomes 'EUR', arrows become '->', accented letters outside Latin-1 lose their accent
('Dvořák' -> 'Dvorák', 'Łódź' -> 'Lódz'), and anything else outside Latin-1 becomes '?'.
"""

from __future__ import annotations

import unicodedata

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from assistant.memo import Memo
from assistant.models import normalise_ws

_REPLACE = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2026": "...",
    "\u20ac": "EUR ", "\u2192": "->", "\u2264": "<=", "\u2265": ">=", "\u2022": "-", "\u00a0": " ",
    "\u2212": "-", "\u2122": "(TM)",
}  # fmt: skip


_NO_DECOMPOSITION = {"ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "œ": "oe", "Œ": "OE", "ŋ": "n"}


def _fold(char: str) -> str:
    """A character outside Latin-1 as its closest Latin-1 letters ('ř' -> 'r', 'ő' -> 'o', 'ł' -> 'l'),
    or '?' when it has none (CJK, emoji), so Central European names stay readable."""
    if char in _NO_DECOMPOSITION:
        return _NO_DECOMPOSITION[char]
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    try:
        return base.encode("latin-1").decode("latin-1") if base else "?"
    except UnicodeEncodeError:
        return "?"


def latin1(text: str) -> str:
    """`text` made printable with a core PDF font (Latin-1 only)."""
    for src, dst in _REPLACE.items():
        text = text.replace(src, dst)
    try:
        return text.encode("latin-1").decode("latin-1")
    except UnicodeEncodeError:
        return "".join(c if ord(c) < 256 else _fold(c) for c in text)


class _MemoPDF(FPDF):
    def __init__(self, memo: Memo) -> None:
        super().__init__(format="A4")
        self.memo = memo
        self.set_margins(15, 12, 15)
        self.set_auto_page_break(True, margin=12)
        self.set_title(latin1(memo.title))
        self.set_creator("clausegate")

    def footer(self) -> None:
        self.set_y(-10)
        self.set_font("Helvetica", "", 7)
        self.set_text_color(110)
        self.cell(
            0,
            4,
            latin1(
                f"{self.memo.project} - {self.memo.gate} gate - {self.memo.assessed_on} - page {self.page_no()}"
            ),
            align="C",
        )
        self.set_text_color(0)

    def heading(self, text: str) -> None:
        self.ln(1.2)
        self.set_font("Helvetica", "B", 10)
        self.cell(0, 5, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT, border="B")
        self.ln(0.8)

    def para(self, text: str, size: float = 8.8, style: str = "", indent: float = 0) -> None:
        self.set_font("Helvetica", style, size)
        self.set_x(self.l_margin + indent)
        self.multi_cell(0, 3.9, latin1(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def bullets(self, lines: list[str], numbered: bool = False) -> None:
        for i, line in enumerate(lines, 1):
            self.para((f"{i}. " if numbered else "- ") + normalise_ws(line))

    def grid(self, header: list[str], rows: list[list[str]], widths: tuple[int, ...]) -> None:
        self.set_font("Helvetica", "", 8)
        with self.table(
            col_widths=widths, line_height=3.5, text_align="LEFT", first_row_as_headings=True
        ) as table:
            for cells in [header, *rows]:
                row = table.row()
                for cell in cells:
                    row.cell(latin1(cell))


def memo_pdf(memo: Memo) -> bytes:
    """The memo as PDF bytes."""
    pdf = _MemoPDF(memo)
    pdf.add_page()
    pdf.set_font("Helvetica", "B", 15)
    pdf.multi_cell(0, 7, latin1(memo.title), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    groups = ", ".join(f"{g} {round(100 * v)}%" for g, v in memo.score_by_group.items())
    pdf.para(
        f"Vendor: {memo.vendor} | Stage: {memo.stage} -> {memo.gate} | Assessed: {memo.assessed_on} | "
        f"Readiness: {round(100 * memo.score)}% ({groups})",
        size=8.5,
    )
    pdf.heading("Decision requested")
    pdf.para(memo.decision_requested)
    pdf.heading(f"Recommendation: {memo.recommendation_label}")
    pdf.para(memo.narrative.summary)
    if memo.blockers:
        pdf.para("Blocking items", style="B")
        pdf.bullets(memo.blockers)
    _body(pdf, memo)
    return bytes(pdf.output())


def _body(pdf: _MemoPDF, memo: Memo) -> None:
    pdf.heading("What we are buying")
    pdf.para(memo.narrative.what_we_are_buying)
    pdf.heading("Why now")
    pdf.para(memo.narrative.why_now)
    pdf.heading("How we will know it worked")
    pdf.para(memo.narrative.how_we_will_know)
    if memo.kpis:
        rows = [[k.metric, k.baseline, k.target, k.result or "-"] for k in memo.kpis]
        pdf.grid(["KPI", "Baseline", "Target", "Measured"], rows, (40, 25, 20, 15))
    pdf.heading("Spend vs budget and TCO")
    pdf.bullets(memo.spend)
    if memo.tco:
        rows = [[t.layer, t.amount] for t in memo.tco] + [["Total", memo.tco_total or ""]]
        pdf.grid(["TCO layer", "Amount"], rows, (60, 40))
    pdf.heading("Control gaps")
    if not memo.gaps:
        pdf.para(f"No control gaps: {memo.controls_present} controls in place.")
    for g in memo.gaps:
        pdf.para(f"{g.title} ({g.family}: {g.status}, {g.severity} severity). Legal: {g.legal}.", style="B")
        if g.reason:
            pdf.para(g.reason, size=8.5)
        for q in g.quotes:
            pdf.para(f'"{normalise_ws(q.quote)}" ({q.filename}, p. {q.page})', size=8.5, style="I", indent=5)
    pdf.heading("Renewal dates")
    pdf.bullets(memo.renewals or ["No contract reviewed yet."])
    pdf.heading("Conditions to advance" if memo.recommendation != "advance" else "Follow-ups")
    pdf.bullets(memo.conditions or ["None."], numbered=bool(memo.conditions))
    pdf.heading("Owners")
    pdf.para("; ".join(memo.owners) + ".")
    if memo.narrative_note:
        pdf.para(f"Note: {memo.narrative_note}", size=8, style="I")
