"""Split a document's text into clauses by numbering and headings, with exact offsets and pages.

Every clause satisfies `clause.text == text[clause.start:clause.end]`. Headings are only looked for at
the start of a line (see `markers`), and a numbered line start counts only where its context makes it
a real marker rather than a wrapped line such as "(30) days after ..." (see `wraps`). A heading line
with no body of its own ("ARTICLE 5" followed by "5.1 ...") is merged into the clause that follows,
and clauses longer than `MAX_CLAUSE_CHARS` are cut at paragraph (then line, then sentence) boundaries
so each stays a reviewable unit.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from itertools import accumulate

from assistant.ingest.kind import find_title
from assistant.ingest.markers import (
    Marker,
    clean_heading,
    is_caps_heading,
    is_title_like,
    numbered_marker,
    unnumbered_marker,
)
from assistant.ingest.wraps import ListLabels, plausible
from assistant.models import Clause, Page

MAX_CLAUSE_CHARS = 3000
_LABEL_CHARS = 60
_SENTENCE_END = re.compile(r"[.;:](?:\s|$)")
_GAP = re.compile(r"[ \t]{3,}(?=\S)")


@dataclass
class _Seg:
    start: int
    end: int
    head_end: int  # end of the heading line(s); the body follows
    number: str | None
    heading: str | None
    level: int
    body: bool = True  # the heading line carries clause text


def segment(
    text: str,
    pages: list[Page],
    document_id: str,
    *,
    headings: Mapping[int, int] | None = None,
    wrapped: bool = True,
) -> list[Clause]:
    """Clauses of `text` in order; `headings` optionally maps known heading-line offsets to levels;
    `wrapped` says lines may break mid-sentence (PDF, plain text), so numbers starting them are checked."""
    heads = _find_heads(text, headings or {}, wrapped)
    segs = _merge_heading_only(text, _with_preamble(text, heads))
    segs = [piece for seg in segs for piece in _split_long(text, seg)]
    starts = [p.start for p in pages]
    numbers = [p.number for p in pages]

    def page_of(offset: int) -> int:
        """Number of the page holding `offset`."""
        if not numbers:
            return 1
        return numbers[max(0, bisect.bisect_right(starts, offset) - 1)]

    return [
        Clause(
            id=f"{document_id}:{i}",
            document_id=document_id,
            index=i,
            number=s.number,
            heading=s.heading,
            text=text[s.start : s.end],
            start=s.start,
            end=s.end,
            page_start=page_of(s.start),
            page_end=page_of(max(s.start, s.end - 1)),
        )
        for i, s in enumerate(segs)
    ]


def _find_heads(text: str, hints: Mapping[int, int], wrapped: bool) -> list[_Seg]:
    """One open segment per heading, with inherited headings; ends are filled in later."""
    heads: list[_Seg] = []
    stack: list[tuple[int, str | None]] = []
    title = (find_title(text) or "").casefold()
    for start, head_end, marker in _markers(text, hints, wrapped):
        while stack and stack[-1][0] >= marker.level:
            stack.pop()
        inherited = next((h for _, h in reversed(stack) if h), None)
        heading = marker.heading or inherited
        # NOTE: the document's title encloses no section: clauses below it inherit nothing from it
        is_title = _is_title(text[:start] if not heads else None, marker, title)
        stack.append((marker.level, None if is_title else heading))
        heads.append(_Seg(start, -1, head_end, marker.number, heading, marker.level, marker.body))
    return heads


def _is_title(above: str | None, marker: Marker, title: str) -> bool:
    """An unnumbered heading-only line is the document's title when it reads as the title found for
    the whole document (often repeated after a table of contents), or when it is the first heading
    (`above` is the text before it) with at most a short label such as "Exhibit 10.1" above it."""
    if marker.number is not None or marker.body or not marker.heading:
        return False
    if title and marker.heading.casefold() == title:
        return True
    if above is None:
        return False
    above = above.strip()
    return len(above) <= _LABEL_CHARS and not _SENTENCE_END.search(above)


def _markers(text: str, hints: Mapping[int, int], wrapped: bool) -> Iterator[tuple[int, int, Marker]]:
    """(start, end of heading line, marker) for every heading, in text order."""
    lines = text.split("\n")
    offsets = list(accumulate((len(ln) + 1 for ln in lines), initial=0))
    repeated = {k for k, n in Counter(ln.strip() for ln in lines if 0 < len(ln) <= 120).items() if n >= 3}
    numbered = [numbered_marker(ln) for ln in lines]
    labels = ListLabels.from_lines(lines, numbered)
    prev, last, skip = "", "", -1  # the line above, the last non-blank line above
    for i, line in enumerate(lines):
        start = offsets[i]
        stripped = line.strip()
        if not stripped or i == skip:
            prev, last = line, last if not stripped else line
            continue
        lead = start + len(line) - len(line.lstrip())
        hint = hints.get(lead, hints.get(start))
        found = numbered[i]
        # a wrapped line starting "(30) days ..." or "(b) above" opens nothing; a source style wins
        if (
            wrapped
            and found is not None
            and hint is None
            and not plausible(found, last, labels, start, gap=not prev.strip())
        ):
            marker = None
        else:
            marker = _marker(found, stripped, prev, hint, repeated)
        prev = last = line
        if marker is not None:
            head_end = start + len(line)
            if marker.bare and marker.level < 10 and marker.heading in (None, marker.number):
                title, skip = _title_below(lines, i)
                if title is not None:
                    marker = replace(marker, heading=title)
                    head_end = offsets[skip + 1] - 1
            yield lead, head_end, marker
        if "   " in stripped:
            yield from _inline_markers(line, start)


def _inline_markers(line: str, start: int) -> Iterator[tuple[int, int, Marker]]:
    """Clauses run together on one line with wide gaps ("...privilege.      29. This ...")."""
    gaps = [(m.start(), m.end()) for m in _GAP.finditer(line)]
    prev_start = len(line) - len(line.lstrip())
    for k, (gap_start, frag_start) in enumerate(gaps):
        before = line[prev_start:gap_start].strip()
        prev_start = frag_start
        frag_end = gaps[k + 1][0] if k + 1 < len(gaps) else len(line)
        frag = line[frag_start:frag_end]
        if before[-1:] in (".", ";", ":"):
            marker = numbered_marker(frag) or unnumbered_marker(frag, before)
        elif is_caps_heading(before, ""):
            marker = numbered_marker(frag)
        else:
            continue
        if marker is not None and not marker.bare:
            yield start + frag_start, start + frag_end, marker


def _marker(
    marker: Marker | None, stripped: str, prev: str, hint: int | None, repeated: set[str]
) -> Marker | None:
    """The heading marker of one line, if any, given its `marker` as a numbered line; `hint` is a level
    the source format gave the line."""
    if marker is not None and hint is not None and marker.heading is None and marker.rest:
        # a styled heading ("Heading 2") whose words are not title-like: trust the style
        return replace(marker, heading=clean_heading(marker.rest), body=False)
    if marker is not None:
        return marker
    if hint is not None:
        return Marker(None, clean_heading(stripped), hint, body=False)
    if stripped in repeated:
        return None  # a running header or a signature-block label, not a section title
    return unnumbered_marker(stripped, prev)


def _title_below(lines: list[str], i: int) -> tuple[str | None, int]:
    """Title on the next non-blank line after a bare number ("ARTICLE IV" / "CONFIDENTIALITY")."""
    for j in range(i + 1, min(i + 4, len(lines))):
        nxt = lines[j].strip()
        if not nxt:
            continue
        if numbered_marker(nxt) is None and len(nxt) <= 100 and is_title_like(nxt):
            return clean_heading(nxt), j
        break
    return None, -1


def _with_preamble(text: str, heads: list[_Seg]) -> list[_Seg]:
    """Close every segment at the next one's start; add the preamble before the first heading."""
    segs = list(heads)
    first = segs[0].start if segs else len(text)
    lead = len(text[:first]) - len(text[:first].lstrip())
    preamble = text[:first].strip()
    if preamble:
        # a filing label or a logo line alone ("Exhibit 10.1") is folded into the first clause
        label_only = len(preamble) <= _LABEL_CHARS and not _SENTENCE_END.search(preamble) and segs
        head_end = first if label_only else lead
        segs.insert(0, _Seg(lead, -1, head_end, None, None, 0, body=not label_only))
    for seg, nxt in zip(segs, [*segs[1:], None], strict=False):
        end = nxt.start if nxt else len(text)
        seg.end = seg.start + len(text[seg.start : end].rstrip())
    return segs


def _merge_heading_only(text: str, segs: list[_Seg]) -> list[_Seg]:
    """Fold segments that hold only a heading line into the segment after them."""
    out: list[_Seg] = []
    carry: _Seg | None = None
    for i, seg in enumerate(segs):
        if carry is not None:
            heading = seg.heading or carry.heading
            # "1. Scope" + "1.1 ..." keeps "1.1"; "1. DEFINITIONS" + "(a) ..." keeps "1"
            number = seg.number if seg.number and seg.level < 10 else carry.number or seg.number
            seg = replace(seg, start=carry.start, number=number, heading=heading)
            carry = None
        if not seg.body and seg.head_end >= seg.end and i < len(segs) - 1:
            carry = seg
            continue
        out.append(seg)
    return out


def _split_long(text: str, seg: _Seg, max_chars: int = MAX_CLAUSE_CHARS) -> list[_Seg]:
    """Cut a segment longer than `max_chars` at paragraph, line, sentence or word boundaries."""
    pieces: list[_Seg] = []
    start = seg.start
    while seg.end - start > max_chars:
        cut = _cut_point(text, start, start + max_chars)
        end = start + len(text[start:cut].rstrip())
        pieces.append(replace(seg, start=start, end=end))
        start = cut + len(text[cut : seg.end]) - len(text[cut : seg.end].lstrip())
    pieces.append(replace(seg, start=start))
    return pieces


def _cut_point(text: str, start: int, limit: int) -> int:
    """Best place to cut text[start:limit]: last blank line, newline, sentence end or space."""
    lo = start + (limit - start) // 3
    window = text[lo:limit]
    for sep, keep in (("\n\n", 0), ("\n", 0), (". ", 1), ("; ", 1), (" ", 0)):
        k = window.rfind(sep)
        if k > 0:
            return lo + k + keep
    return limit
