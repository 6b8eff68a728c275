"""Turn the raw per-page text of a PDF into one normalised text with page ranges.

- Running headers and footers (lines repeating at the top or bottom of most pages, compared with digits
  masked so "Confidential - Page 3" matches "Confidential - Page 12") and bare page numbers are removed.
- A word hyphenated at a line end is joined ("obli-" + "gation" -> "obligation").
- Lines wrapped inside a paragraph are joined with a space; line breaks before headings, after sentence
  ends and blank-line paragraph breaks are kept. A line that starts with a number but continues a
  sentence ("within thirty" + "(30) days after ...") is joined too (see `wraps`). The same rules
  apply across a page break, so a clause running over two pages stays one piece of text.
"""

from __future__ import annotations

import re
from collections import Counter

from assistant.ingest.markers import is_caps_heading, is_title_like, numbered_marker
from assistant.ingest.wraps import ListLabels, mid_phrase, plausible
from assistant.models import Page

_ZONE = 3  # lines at the top and bottom of a page where running headers and footers live
_LIGATURES = str.maketrans(
    {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "\u00ad": "", "\x00": ""}
)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u3000]+")
_PAGE_NUMBER = re.compile(
    r"(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivx]{1,5})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?", re.IGNORECASE
)
_PAGE_LABEL = re.compile(r"\bpage\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
_MAX_RUNNING = 100  # header and footer lines are short; full-width body lines are not compared
_DIGITS = re.compile(r"\d+")
_HYPHEN_END = re.compile(r"[A-Za-z]-$")
_PARAGRAPH = ""  # marker for a blank line inside a page


def normalise_line(line: str) -> str:
    """One extracted line with ligatures expanded, soft hyphens dropped and spaces collapsed."""
    return _SPACES.sub(" ", line.translate(_LIGATURES)).strip()


def clean_pages(raw_pages: list[str]) -> tuple[str, list[Page]]:
    """Normalised document text and contiguous page ranges from raw per-page text."""
    pages = [[normalise_line(ln) for ln in raw.splitlines()] for raw in raw_pages]
    pages = [_trim_blank(lines) for lines in pages]
    pages = _drop_running_lines(pages)
    return _assemble(pages)


def _trim_blank(lines: list[str]) -> list[str]:
    """Drop blank lines at both ends and collapse blank runs to one paragraph marker."""
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):
            out.append(ln)
    while out and not out[-1]:
        out.pop()
    return out


def _key(line: str) -> str:
    return _DIGITS.sub("#", line.lower())


def _edges(lines: list[str]) -> tuple[list[int], list[int]]:
    """Indexes of the first and of the last few non-blank lines of a page."""
    filled = [i for i, ln in enumerate(lines) if ln]
    return filled[:_ZONE], filled[-_ZONE:]


def _is_page_label(line: str) -> bool:
    """A bare page number ("3", "- 3 -", "Page 3 of 12") or a short label ending in one."""
    if _PAGE_NUMBER.fullmatch(line):
        return True
    return len(line) <= 60 and line[-1] not in ".;:" and bool(_PAGE_LABEL.search(line))


def _may_run(line: str) -> bool:
    """Could this line be a running header/footer? Not a long line, a clause start or a sentence."""
    if len(line) > _MAX_RUNNING or numbered_marker(line) is not None:
        return False
    return not (line.endswith(".") and len(line.split()) > 6)


def _drop_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Remove repeated header/footer lines and page numbers from the top and bottom of each page."""
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for lines in pages:
        head, foot = _edges(lines)
        top.update({_key(lines[i]) for i in head if _may_run(lines[i])})
        bottom.update({_key(lines[i]) for i in foot if _may_run(lines[i])})
    need = max(2, len(pages) // 2 + 1)
    out = []
    for lines in pages:
        head, foot = _edges(lines)
        drop = {i for i in head if top[_key(lines[i])] >= need or _is_page_label(lines[i])}
        drop |= {i for i in foot if bottom[_key(lines[i])] >= need or _is_page_label(lines[i])}
        out.append(_trim_blank([ln for i, ln in enumerate(lines) if i not in drop]))
    return out


def _separator(prev: str, nxt: str, wide: int, labels: ListLabels | None = None, offset: int = 0) -> str:
    """How to join two consecutive lines: '' (hyphenation), ' ' (wrapped), or '\\n'; `offset` is where
    `nxt` starts among the lines that `labels` was built from."""
    if _HYPHEN_END.search(prev) and nxt[:1].islower():
        return ""
    marker = numbered_marker(nxt)
    if marker is not None and plausible(marker, prev, labels, offset):
        return "\n"
    if marker is None and is_caps_heading(nxt, prev):
        return "\n"
    if prev[-1] in ".;:!?" or (len(prev) < 0.6 * wide and is_title_like(prev) and not mid_phrase(prev)):
        return "\n"
    if nxt[:1].islower() or len(prev) >= 0.7 * wide or marker is not None or mid_phrase(prev):
        return " "  # "within thirty" + "(30) days after ..."
    return "\n"


def _assemble(pages: list[list[str]]) -> tuple[str, list[Page]]:
    """Join lines into text, recording where each page starts; pages are contiguous."""
    widths = [max((len(ln) for ln in lines), default=0) for lines in pages]
    wide = max(40, sorted(widths)[len(widths) // 2] if widths else 0)
    flat = [ln for lines in pages for ln in lines]
    labels = ListLabels.from_lines(flat)
    offset = -1  # where the current line starts in `flat` joined by newlines
    parts: list[str] = []
    size = 0
    starts: list[int] = []
    prev = ""  # last line written, "" after a paragraph break
    for lines in pages:
        page_start: int | None = None
        for ln in lines:
            offset += len(ln) + 1
            if not ln:
                prev = _PARAGRAPH
                continue
            if parts:
                sep = "\n\n" if not prev else _separator(prev, ln, wide, labels, offset - len(ln))
                if sep == "":
                    parts[-1] = parts[-1][:-1]
                    size -= 1
                parts.append(sep)
                size += len(sep)
            if page_start is None:
                page_start = size
            parts.append(ln)
            size += len(ln)
            prev = ln
        starts.append(size if page_start is None else page_start)
    text = "".join(parts)
    for i in range(len(starts) - 2, -1, -1):  # an empty page before a hyphen join stays in order
        starts[i] = min(starts[i], starts[i + 1])
    ends = [*starts[1:], len(text)]
    return text, [
        Page(number=i + 1, start=s, end=e) for i, (s, e) in enumerate(zip(starts, ends, strict=True))
    ]
