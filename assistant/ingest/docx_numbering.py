"""Word automatic numbering: the "1.1" or "(a)" that Word draws before a paragraph but does not store.

Contracts drafted in Word usually number clauses with list numbering, so the numbers are not in the
paragraph text. `Numbering.label(paragraph)` rebuilds the visible label from numbering.xml (decimal,
letters, roman; `lvlText` such as "%1.%2"); bullets and unknown formats give no label.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

_ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl")]
_ROMAN += [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]


def roman(n: int) -> str:
    """Lower-case roman numeral of a positive integer."""
    out = []
    for value, numeral in _ROMAN:
        count, n = divmod(n, value)
        out.append(numeral * count)
    return "".join(out)


def _letters(n: int) -> str:
    """1 -> a, 26 -> z, 27 -> aa (Word repeats the letter)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str | None:
    formats = {
        "decimal": str(n),
        "decimalZero": f"{n:02d}",
        "lowerLetter": _letters(n),
        "upperLetter": _letters(n).upper(),
        "lowerRoman": roman(n),
        "upperRoman": roman(n).upper(),
    }
    return formats.get(fmt)


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


@dataclass
class Numbering:
    """Counters of every numbered list of one document, advanced paragraph by paragraph."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    style_levels: dict[tuple[str, str], int] = field(default_factory=dict)  # (numId, styleId) -> ilvl
    counters: dict[str, list[int]] = field(default_factory=dict)  # abstract id -> counts per level
    abstract_of: dict[str, str] = field(default_factory=dict)
    styles: dict[str, Any] = field(default_factory=dict)  # styleId -> w:style element

    @classmethod
    def from_document(cls, document: Any) -> Numbering:
        """Numbering definitions of a python-docx Document (empty when it has none)."""
        numbering = cls()
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return numbering
        abstracts = {a.get(qn("w:abstractNumId")): a for a in root.iterchildren(qn("w:abstractNum"))}
        for num in root.iterchildren(qn("w:num")):
            num_id, ref = num.get(qn("w:numId")), num.find(qn("w:abstractNumId"))
            abstract = abstracts.get(ref.get(qn("w:val")) if ref is not None else None)
            if num_id is None or abstract is None:
                continue
            numbering.abstract_of[num_id] = abstract.get(qn("w:abstractNumId"))
            numbering.levels[num_id] = numbering._read_levels(num_id, abstract)
        styles = document.styles.element
        numbering.styles = {s.get(qn("w:styleId")): s for s in styles.iterchildren(qn("w:style"))}
        return numbering

    def _read_levels(self, num_id: str, abstract: Any) -> dict[int, _Level]:
        levels: dict[int, _Level] = {}
        for lvl in abstract.iterchildren(qn("w:lvl")):
            ilvl = int(lvl.get(qn("w:ilvl"), "0"))
            fmt, text, start = (lvl.find(qn(f"w:{tag}")) for tag in ("numFmt", "lvlText", "start"))
            levels[ilvl] = _Level(
                fmt=fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                text=text.get(qn("w:val"), "") if text is not None else "",
                start=int(start.get(qn("w:val"), "1")) if start is not None else 1,
            )
            style = lvl.find(qn("w:pStyle"))
            if style is not None:
                self.style_levels[(num_id, style.get(qn("w:val")))] = ilvl
        return levels

    def label(self, p: Any) -> str | None:
        """Visible number of paragraph element `p` ("4.2", "(b)"), advancing the counters."""
        found = self._num_pr(p)
        if found is None:
            return None
        num_id, ilvl = found
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or _format(1, levels[ilvl].fmt) is None:
            return None  # no definition, a bullet or a format we do not render
        counts = self.counters.setdefault(self.abstract_of[num_id], [0] * 10)
        if ilvl >= len(counts):
            return None
        counts[ilvl] += 1
        for deeper in range(ilvl + 1, len(counts)):
            counts[deeper] = 0
        text = levels[ilvl].text
        for k in range(ilvl + 1):
            level = levels.get(k)
            value = _format(max(counts[k], 1) + (level.start - 1 if level else 0), level.fmt if level else "")
            if f"%{k + 1}" in text and value is None:
                return None  # a bullet or a format we do not render
            text = text.replace(f"%{k + 1}", value or "")
        return text.strip() or None

    def _num_pr(self, p: Any) -> tuple[str, int] | None:
        """(numId, level) from the paragraph's own properties or its style chain."""
        ppr = p.find(qn("w:pPr"))
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        style_id = None
        if ppr is not None and (ps := ppr.find(qn("w:pStyle"))) is not None:
            style_id = ps.get(qn("w:val"))
        seen: set[str] = set()
        chain_id = style_id
        while num_pr is None and chain_id and chain_id not in seen:
            seen.add(chain_id)
            style = self.styles.get(chain_id)
            if style is None:
                break
            spr = style.find(qn("w:pPr"))
            num_pr = spr.find(qn("w:numPr")) if spr is not None else None
            based = style.find(qn("w:basedOn"))
            chain_id = based.get(qn("w:val")) if based is not None else None
        if num_pr is None:
            return None
        num_el, lvl_el = num_pr.find(qn("w:numId")), num_pr.find(qn("w:ilvl"))
        num_id = num_el.get(qn("w:val")) if num_el is not None else None
        if not num_id or num_id == "0":
            return None
        if lvl_el is not None:
            return num_id, int(lvl_el.get(qn("w:val"), "0"))
        return num_id, self.style_levels.get((num_id, style_id or ""), 0)
