"""Plain text, Markdown and HTML readers.

Text and Markdown are kept exactly as written (only line endings are normalised to "\\n"), so offsets
into a plain-text contract also hold for the original file; a form feed starts a new page. HTML is
reduced to its blocks (headings, paragraphs, list items, table rows), one per line, with script and
style dropped; <h1>-<h6> become heading hints for the segmenter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import BeautifulSoup, NavigableString, Tag

from assistant.ingest.docx_numbering import roman as _roman
from assistant.ingest.types import Extracted
from assistant.models import Page

_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_DROP = {"script", "style", "noscript", "template", "head", "svg", "iframe", "object"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "header", "hr", "html", "li", "main", "nav", "ol", "p",
    "pre", "section", "table", "tbody", "thead", "tfoot", "ul", "br", "center",
}  # fmt: skip
_WS = re.compile(r"\s+")
# '<span class="num">7.1</span>State Data ...': a clause number styled apart (CSS margin) but glued in the text
_GLUED_NUMBER = re.compile(r"^(\(?\d{1,3}(?:\.\d{1,3})*\)?\.?)(?=[A-Z][a-z])")


def decode_text(data: bytes) -> str:
    """Bytes of a text file as str: UTF-8 (BOM dropped), falling back to cp1252, newlines as '\\n'."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(data: bytes, filename: str) -> Extracted:
    """A .txt or .md file: the text as written, pages split at form feeds."""
    text = decode_text(data)
    bounds = [0] + [m.end() for m in re.finditer("\f", text) if m.end() < len(text)] + [len(text)]
    pages = [
        Page(number=i + 1, start=s, end=e) for i, (s, e) in enumerate(zip(bounds, bounds[1:], strict=False))
    ]
    return Extracted(text=text, pages=pages)


@dataclass
class _HtmlText:
    lines: list[str] = field(default_factory=list)
    headings: dict[int, int] = field(default_factory=dict)
    size: int = 0
    inline: list[str] = field(default_factory=list)
    label: str | None = None  # number of the <ol> item being read, put before its first line

    def emit(self, text: str, level: int | None = None) -> None:
        """Add one block as a line; `level` marks it as a heading."""
        text = _GLUED_NUMBER.sub(r"\1 ", _WS.sub(" ", text).strip())
        if not text:
            return
        if self.label is not None:
            text = text if text[0].isdigit() or text.startswith("(") else f"{self.label} {text}"
            self.label = None
        start = self.size + (1 if self.lines else 0)
        if level is not None:
            self.headings[start] = level
        self.lines.append(text)
        self.size = start + len(text)

    def flush(self) -> None:
        """Emit the inline text collected so far as one block."""
        self.emit("".join(self.inline))
        self.inline.clear()


def read_html(data: bytes, filename: str) -> Extracted:
    """An .html/.htm file: visible blocks in order, one per line, headings as hints."""
    soup = BeautifulSoup(decode_text(data), "html.parser")
    title_tag = soup.find("title")
    out = _HtmlText()
    _walk(soup, out)
    out.flush()
    text = "\n".join(out.lines)
    title = _WS.sub(" ", title_tag.get_text()).strip() if isinstance(title_tag, Tag) else None
    return Extracted(
        text=text,
        pages=[Page(number=1, start=0, end=len(text))],
        headings=out.headings,
        title=title or None,
        wrapped=False,
    )


def _walk(node: Tag, out: _HtmlText) -> None:
    for child in node.children:
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # not a comment, doctype or CDATA
                out.inline.append(str(child))
            continue
        if not isinstance(child, Tag) or child.name in _DROP:
            continue
        if child.name in _HEADINGS:
            out.flush()
            out.emit(child.get_text(" "), _HEADINGS[child.name])
        elif child.name == "tr":
            out.flush()
            cells = (
                _WS.sub(" ", c.get_text(" ")).strip() for c in child.find_all(["td", "th"], recursive=False)
            )
            out.emit(" | ".join(c for c in cells if c))
        elif child.name in _BLOCKS:
            out.flush()
            if child.name == "li" and isinstance(child.parent, Tag) and child.parent.name == "ol":
                out.label = _ol_label(child.parent, child)
            _walk(child, out)
            out.flush()
            out.label = None
        else:
            _walk(child, out)


def _ol_label(ol: Tag, li: Tag) -> str | None:
    """The number a browser draws before an <ol> item: "3.", "c.", "iv."."""
    index = sum(1 for _ in li.find_previous_siblings("li"))
    start = str(ol.get("start") or "1")
    value = (int(start) if start.lstrip("-").isdigit() else 1) + index
    kind = str(ol.get("type") or "1")
    if value < 1:
        return None
    if kind in ("a", "A"):
        letter = chr(ord("a") + (value - 1) % 26)
        return f"{letter.upper() if kind == 'A' else letter}."
    if kind in ("i", "I"):
        roman = _roman(value)
        return f"{roman.upper() if kind == 'I' else roman}."
    return f"{value}."
