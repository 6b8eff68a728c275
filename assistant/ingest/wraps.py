"""Tell a real numbered line start from a wrapped line that only happens to begin with a number.

A PDF breaks lines wherever the width runs out, so a line may start with "(30) days after ...",
"(b) above", "12 Months from ..." or "Section 5 (Fees) ..." in the middle of a sentence. Such a line
start is a marker only when its context makes it plausible:

- the previous line ends the block (blank, ".", ";", ":", "!", "?", or a heading), or
- it is a list item ("(a)", "a)", "iv.") after a list joint (",", "and", "including") or continuing a
  sequence: "(b)" with an "(a)" shortly above or a "(c)" shortly below;

and never when the previous line stops mid-phrase ("within thirty", "the terms of") or the item's
text is a reference ("(b) above", "(a) of this Agreement"); after "Section 4.2" or "shall" only a
list sequence makes "(b)" an item. A number directly followed by a duration unit ("(30) days",
"12 Months") needs the previous line to end its block. Clause numbers ("12.3", "Section 5") only
need the previous line not to stop mid-phrase, or a blank line before them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from assistant.ingest.docx_numbering import roman
from assistant.ingest.markers import Marker, is_caps_heading, is_title_like, numbered_marker

LIST_LEVEL = 10  # markers at this level or deeper are list items: "(a)", "a)", "(iv)", "a."
WINDOW = 6000  # characters searched above and below for the neighbour of a list item
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred|thousand)"
)
# after these words a sentence always goes on ("within thirty" / "(30) days", "the" / "(b) ...")
_HARD_END = re.compile(
    rf"\b(?:{_NUMBER_WORD}|the|a|an|any|each|every|its|their|such|this|these|those|said|our|your|"
    r"within|than|per|least)\s*$",
    re.IGNORECASE,
)
# after these a clause number never comes, but a list may ("shall\n(a) ...;", "MULTIPLIED BY\n(ii)")
_SOFT_END = re.compile(
    r"\b(?:of|in|at|by|from|into|on|upon|under|between|during|after|before|to|for|with|that|which|"
    r"shall|will|may|must|is|are|be|as)\s*$",
    re.IGNORECASE,
)
_BARE_REF = re.compile(
    r"\b(?:sections?|clauses?|articles?|paragraphs?|schedules?|exhibits?)\s*$", re.IGNORECASE
)
# "Section 4.2" + "(b) ..." is one reference "Section 4.2(b)" unless a list sequence says otherwise
_REF_END = re.compile(
    r"\b(?:sections?|clauses?|articles?|paragraphs?|sub-?clauses?|subsections?|schedules?|exhibits?|"
    r"annex(?:es)?|appendi(?:x|ces))(?:\s+[0-9A-Z][\w()]*(?:\.[\w()]+)*)?\s*$",
    re.IGNORECASE,
)
_LIST_JOINT = re.compile(
    r"(?:,|\b(?:and|or|and/or|plus|nor|then|following|namely|including|includes?))\s*$", re.IGNORECASE
)
# "(b) above", "(a) and (c)", "(b) of this Agreement", "(ii) of Schedule 2": the item is referred to
_REFERENCE_REST = re.compile(
    r"(?i:above|below|here(?:of|to|under|in)|there(?:of|to|under))\b|(?:and|or|to|through|,)\s*\(\w{1,4}\)"
    r"|of\s+(?:(?:this|the|that)\s+(?:[A-Z][\w-]*\s+){0,3})?(?:Agreement|Contract|Addendum|Order\s+Form|"
    r"(?i:sections?|clauses?|articles?|paragraphs?|schedules?|exhibits?|annex|appendix|attachment))\b",
)
# "(30) days", "12 Months", "2.5 Hours": a quantity wrapped to a line start, not a clause number
_UNIT_REST = re.compile(
    r"(?:business|working|calendar|banking|consecutive|full|clear)?\s*(?:days?|weeks?|months?|years?|"
    r"hours?|minutes?|seconds?|quarters?|percent|per\s+cent|%)(?![\w-])",
    re.IGNORECASE,
)
_ROMAN_VALUE = {roman(n): n for n in range(1, 90)}


def ends_block(prev: str) -> bool:
    """The previous line closes its block: blank, a sentence or list end, or a heading."""
    p = prev.strip()
    if not p or p[-1] in ".;:!?":
        return True
    if mid_phrase(p):
        return False
    return is_caps_heading(p, "") or (len(p) <= 80 and is_title_like(p)) or _heading_line(p)


def mid_phrase(prev: str) -> bool:
    """The previous line stops where a sentence must go on ("within thirty", "the terms of")."""
    tail = prev[-40:]
    return bool(_HARD_END.search(tail) or _SOFT_END.search(tail))


def _heading_line(prev: str) -> bool:
    """A line holding only a number and title: "12. Audit Rights", "SECTION 4.2", a bare "(a)"."""
    marker = numbered_marker(prev) if prev.strip() else None
    return marker is not None and not marker.body


@dataclass
class ListLabels:
    """Where each list label ("(a)", "iv)", "b") starts a line, for sequence checks."""

    offsets: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def from_lines(cls, lines: Sequence[str], markers: Sequence[Marker | None] | None = None) -> ListLabels:
        """Labels of the list markers at the start of `lines` (joined by one newline each)."""
        found = markers if markers is not None else [numbered_marker(ln) for ln in lines]
        starts = accumulate((len(ln) + 1 for ln in lines), initial=0)
        labels = cls()
        for start, marker in zip(starts, found, strict=False):
            if marker is not None and marker.number and marker.level >= LIST_LEVEL:
                labels.offsets.setdefault(marker.number, []).append(start)
        return labels

    def continues(self, number: str, offset: int) -> bool:
        """True when a neighbour of `number` starts a line within `WINDOW` above (the one before it)
        or below (the one after it) the line at `offset`."""
        for label in _neighbours(number, -1):
            found = self.offsets.get(label, [])
            i = bisect.bisect_left(found, offset - WINDOW)
            if i < len(found) and found[i] < offset:
                return True
        for label in _neighbours(number, 1):
            found = self.offsets.get(label, [])
            i = bisect.bisect_right(found, offset)
            if i < len(found) and found[i] <= offset + WINDOW:
                return True
        return False


def plausible(
    marker: Marker, prev: str, labels: ListLabels | None = None, offset: int = 0, *, gap: bool = False
) -> bool:
    """Whether `marker`, found at the start of a line at `offset`, really opens a clause or list item;
    `prev` is the last non-blank line above it and `gap` tells whether blank lines came in between."""
    if _heading_line(prev):
        return True
    tail = prev[-40:]
    hard, soft = bool(_HARD_END.search(tail)), bool(_SOFT_END.search(tail))
    closed = gap or ends_block(prev)
    if any(c.isdigit() for c in marker.number or "") and _UNIT_REST.match(marker.rest):
        return closed and not hard and not soft  # "(30) days after ...", "2.5 Hours of downtime"
    if marker.level < LIST_LEVEL:
        # NOTE: a numbered clause set apart by a blank line stands even after a broken-off sentence
        # (a page's text carried over or cut out); wrapped quantities were rejected above
        return gap or not (hard or soft or _BARE_REF.search(tail))
    if hard or _REFERENCE_REST.match(marker.rest):
        return False
    if not soft and not _REF_END.search(tail) and (closed or _LIST_JOINT.search(tail)):
        return True
    return labels is not None and marker.number is not None and labels.continues(marker.number, offset)


def _neighbours(number: str, step: int) -> set[str]:
    """Labels just before (step -1) or after (step 1) `number` in the same style: "(b)" -> {"(a)"},
    "(v)" -> {"(iv)", "(u)"}, "10)" -> {"9)"}."""
    m = re.fullmatch(r"(\(?)([0-9]+|[A-Za-z]+)(\)?)", number)
    if m is None:
        return set()
    pre, core, post = m.groups()
    return {f"{pre}{c}{post}" for c in _core_neighbours(core, step)}


def _core_neighbours(core: str, step: int) -> set[str]:
    if core.isdigit():
        return {str(int(core) + step)} if int(core) + step > 0 else set()
    out: set[str] = set()
    value = _ROMAN_VALUE.get(core.lower())
    if value is not None and value + step > 0:
        out.add(roman(value + step) if core.islower() else roman(value + step).upper())
    if len(set(core)) == 1:  # "b", "bb" (Word repeats the letter after "z")
        n = (ord(core[0].lower()) - ord("a") + 1) + 26 * (len(core) - 1) + step
        if n > 0:
            letters = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
            out.add(letters if core.islower() else letters.upper())
    return out
