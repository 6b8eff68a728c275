"""Recognise clause headings at the start of a line: numbers, keywords, markdown and ALL-CAPS titles.

Only the start of a line is ever considered, so "as set out in Section 7" never opens a clause.
Numbers that are really dates or money ("2024.", "$1.00", "10.5 million") are rejected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MD_HEADING = re.compile(r"#{1,6}\s+(?P<rest>.+?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"(\*\*|__)(?P<rest>[^*_].*?)\1\s*[.:]?\s*$")
_MD_PREFIX = re.compile(r"^#{1,6}\s+")
_BOLD_LEAD = re.compile(r"(\*\*|__)(?=\S)")
_KEYWORD = re.compile(
    r"(?P<kw>Section|SECTION|Article|ARTICLE|Clause|CLAUSE|Part|PART|Schedule|SCHEDULE|Exhibit|EXHIBIT"
    r"|Annex|ANNEX|Appendix|APPENDIX|Attachment|ATTACHMENT)\s+"
    r"(?P<num>\d{1,3}[A-Z]?(?:\.\d{1,3})*|[IVXLC]{1,7}|[A-Z](?:-\d{1,2})?)(?![\w.]\w)\.?(?P<rest>.*)$"
)
_DECIMAL = re.compile(r"(?P<num>\d{1,3}[A-Z]?(?:\.\d{1,3})*)(?P<dot>(?: ?\.)?)(?:\s+(?P<rest>.*))?$")
_PAREN = re.compile(
    r"\((?P<num>[ivxlc]{1,6}|[IVXLC]{1,6}|[a-z]{1,2}|[A-Z]{1,2}|\d{1,2})\)(?:\s+(?P<rest>.*))?$"
)
_RPAREN = re.compile(r"(?P<num>[ivx]{1,5}|[a-z]|[A-Z]|\d{1,2})\)\s+(?P<rest>\S.*)$")
_LETTER_DOT = re.compile(r"(?P<num>[IVXLC]{1,6}|[ivx]{1,5}|[A-Z]|[a-z])\.\s+(?P<rest>\S.*)$")
_SUB_ITEM = re.compile(r"([a-z])\.\s+(?=[A-Z])")
_TOC_TAIL = re.compile(r"(?:\.{4,}\s*|…{2,}\s*|\s{3,})(?:page\s*)?\d{1,4}\s*$", re.IGNORECASE)
_PAGE_REF = re.compile(r"(?<=[A-Za-z)])\s+\d{1,3}$")
_TERMINAL = ".;:!?"
_SMALL = frozenset(
    "a an and as at by for from in into of on or per the to under upon via with & vs v".split()
)
_STOP_END = frozenset("a an and any as at by for from in into of on or the to with that which".split())
_ANNEX = frozenset({"schedule", "exhibit", "annex", "appendix", "attachment"})
# NOTE: a heading names a topic; these words make a line a sentence ("The Supplier shall:")
_VERBS = frozenset(
    "shall will may must can cannot should would is are was were has have had does agrees agree hereby".split()
)
_SUBJECTS = frozenset("we you they it i he she".split())
_DETERMINERS = frozenset("the a an this each either neither any all no such".split())
_ITALIC_LABEL = re.compile(r"([*_])(?P<label>[A-Z][^*_\n]{0,80}?[.:])\1\s+(?=\S)")

MAX_HEADING_CHARS = 100


@dataclass(frozen=True)
class Marker:
    """A heading found at the start of a line."""

    number: str | None
    heading: str | None
    level: int  # 0 = annex, 1 = article / caps title, 2 = "12.", 3 = "12.3" ... 10 = "(a)"
    bare: bool = False  # the line holds only the number ("ARTICLE IV", "12."): the title may follow
    body: bool = True  # the line holds clause text, not only a number and title
    rest: str = ""  # the line's text after the number


def _marker(number: str | None, rest: str, level: int, heading: str | None = None) -> Marker:
    """Marker for a numbered line whose text after the number is `rest`."""
    rest = rest.strip()
    heading = heading if heading is not None else heading_from_rest(rest)
    body = bool(rest) and (
        heading is None or len(rest) > 2 * len(heading) + 20 or clean_heading(rest) != heading
    )
    if heading and not body:
        heading = _PAGE_REF.sub("", heading)  # "ARTICLE 1 DEFINITIONS 2" in a table of contents
    return Marker(number, heading, level, bare=not rest, body=body, rest=rest)


def is_toc_line(line: str) -> bool:
    """A table-of-contents entry: dot leaders or a wide gap before a page number."""
    return bool(_TOC_TAIL.search(line[-40:].rstrip()))


def clean_heading(text: str) -> str | None:
    """Strip markdown markers, surrounding punctuation and extra spaces from a heading text."""
    t = re.sub(r"[*_#]{2,}|^#+\s*", "", text)
    t = re.sub(r"\s+", " ", t).strip(" \t.:;,-–—")
    return t[:MAX_HEADING_CHARS] or None


def is_title_like(text: str) -> bool:
    """True for a short title: ALL CAPS, or every significant word capitalised."""
    t = text.strip().strip("*_").strip(" .:")
    words = t.split()
    if not 1 <= len(words) <= 12 or len(t) > MAX_HEADING_CHARS or t[0] in "\"'“‘(":
        return False
    letters = [c for c in t if c.isalpha()]
    if len(letters) < 2:
        return False
    if all(c.isupper() for c in letters):
        return True
    if not words[0][0].isupper():
        return False
    for w in words[1:]:
        core = w.strip("()[],;\"'“”‘’")
        if core and core[0].isalpha() and core.lower() not in _SMALL and not core[0].isupper():
            return False
    return True


def is_sentence_case_title(text: str) -> bool:
    """A short sentence-case title ("Scope and roles", "Term, renewal and termination")."""
    t = text.strip()
    words = t.split()
    return (
        1 <= len(words) <= 8
        and len(t) <= 60
        and t[0].isupper()
        and not any(c in t for c in '.;!?"“')
        and sum(c.isalpha() for c in t) >= 3
    )


def is_sentence(text: str) -> bool:
    """True when a short line reads as a sentence, not a title: it has a modal or auxiliary verb
    ("Customer is responsible"), a pronoun subject and verb ("We host ..."), or a determiner, noun and
    verb ("The Supplier hosts the platform")."""
    words = [w.strip("()[],;:.\"'“”‘’") for w in text.split()]
    lower = [w for w in words if w]
    if any(w in _VERBS for w in lower[1:]):
        return True
    if len(lower) >= 2 and lower[0].lower() in _SUBJECTS and lower[1].islower() and lower[1] not in _SMALL:
        return True
    if len(lower) < 3 or lower[0].lower() not in _DETERMINERS:
        return False
    return any(_is_verb_s(prev, w) for prev, w in zip(lower[1:], lower[2:], strict=False))


def _is_verb_s(prev: str, word: str) -> bool:
    """A lowercase -s word right after a capitalised, non-possessive noun is a verb ("Supplier hosts")."""
    return (
        word.islower()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ys"))
        and word not in _SMALL
        and prev[:1].isupper()
        and not prev.endswith(("'s", "’s", "s'", "s’"))
    )


def italic_label(text: str) -> re.Match[str] | None:
    """A run-in label in single emphasis opening a paragraph ("*Updates.* We may ..."), else None."""
    m = _ITALIC_LABEL.match(text)
    return m if m and is_title_like(m.group("label")) else None


def heading_from_rest(rest: str) -> str | None:
    """The heading written after a clause number: "Audit Rights. The Customer may..." -> "Audit Rights"."""
    if m := italic_label(rest.strip()):
        return clean_heading(m.group("label"))
    r = rest.replace("**", "").replace("__", "").strip()
    if not r:
        return None
    bare = r.rstrip(" :")
    if (
        r[-1] not in ".;,!?"
        and (is_title_like(bare) or (r[-1] != ":" and is_sentence_case_title(bare)))
        and not is_sentence(bare)
    ):
        return clean_heading(r)
    whole = r.rstrip(" .:")
    if len(whole) <= MAX_HEADING_CHARS and is_title_like(whole) and not whole.endswith(tuple(_TERMINAL[1:])):
        return clean_heading(whole)
    m = re.match(r"(.{2,100}?)(?:([.:])|\s[-–—]|\s*[–—])\s+(?=\S)", r)
    if m and (is_title_like(m.group(1)) or (m.group(2) != "." and is_sentence_case_title(m.group(1)))):
        return None if is_sentence(m.group(1)) else clean_heading(m.group(1))
    return None


def _strip_markup(line: str) -> str:
    """Line without leading spaces and a leading bold marker ("**12. Term.** ..." -> "12. Term.** ...")."""
    s = _MD_PREFIX.sub("", line.strip())
    m = _BOLD_LEAD.match(s)
    return s[m.end() :] if m else s


def numbered_marker(line: str) -> Marker | None:
    """Marker for a numbered line ("12.3", "Section 7", "(a)", "IV."), else None."""
    s = _strip_markup(line)
    if not s or is_toc_line(s):
        return None
    c = s[0]
    if c in "SACPE" and (m := _KEYWORD.match(s)):
        return _keyword_marker(m)
    if c.isdigit() and (m := _DECIMAL.match(s)):
        return _decimal_marker(m)
    if c == "(" and (m := _PAREN.match(s)):
        return _marker(f"({m.group('num')})", m.group("rest") or "", 10)
    if c.isalnum() and (m := _RPAREN.match(s)):
        return _marker(f"{m.group('num')})", m.group("rest"), 10)
    if c.isalpha() and (m := _LETTER_DOT.match(s)):
        return _letter_marker(m)
    return None


def _keyword_marker(m: re.Match[str]) -> Marker | None:
    rest, kw, num = m.group("rest"), m.group("kw"), m.group("num")
    stripped = rest.lstrip(".:)-–— \t*_")
    if rest and rest[0] not in ".:)-–— \t*_":
        return None
    if stripped and not (stripped[0].isupper() or stripped[0] in '"“(' or stripped[0].isdigit()):
        return None  # "Section 7 of this Agreement ..." is a reference, not a heading
    if kw.lower() in _ANNEX:
        if "." in num:
            return None  # "Exhibit 10.14" is a filing label, not an annex of the contract
        label = f"{kw.title()} {num}"
        return _marker(label, stripped, 0, heading_from_rest(stripped) or label)
    level = 1 if kw.lower() in {"article", "part"} else 1 + _depth(num)
    return _marker(num, stripped, level)


def _depth(num: str) -> int:
    parts = num.split(".")
    while len(parts) > 1 and parts[-1].strip("0") == "":
        parts.pop()  # "1.0" is a top-level number
    return len(parts)


def _decimal_marker(m: re.Match[str]) -> Marker | None:
    num, dot, rest = m.group("num"), m.group("dot"), (m.group("rest") or "").strip()
    first = num.split(".")[0]
    if len(first) > 1 and first.startswith("0"):
        return None
    if "." not in num and not dot:
        # "12 Audit Rights": accept only a short title; a bare "12" is a page number
        if (
            not num.isdigit()
            or not rest
            or int(num) > 99
            or not is_title_like(rest)
            or any(ch.isdigit() for ch in rest)
        ):
            return None
    elif rest and not (rest[0].isupper() or rest[0] in '"“(*_['):
        if sub := _SUB_ITEM.match(rest):  # "21. a. Confidentiality. ..."
            return _marker(f"{num}.{sub.group(1)}", rest[sub.end() :], 2 + _depth(num))
        return None  # "10.5 million", "2. the" are not headings
    return _marker(num, rest, 1 + _depth(num))


def _letter_marker(m: re.Match[str]) -> Marker | None:
    num, rest = m.group("num"), m.group("rest")
    if num.islower():
        return _marker(num, rest, 11)
    if not (rest[0].isupper() or rest[0] in '"“('):
        return None
    level = 1 if len(num) > 1 or num == "I" else 5  # "IV." is a part; "B." a lettered section
    return _marker(num, rest, level)


def unnumbered_marker(line: str, prev: str) -> Marker | None:
    """Marker for a markdown heading, a bold line or an ALL-CAPS title line, else None."""
    s = line.strip()
    if not s:
        return None
    if s[0] == "#" and (m := _MD_HEADING.match(s)):
        return Marker(None, clean_heading(m.group("rest")), len(s) - len(s.lstrip("#")), body=False)
    if s[0] in "*_" and (m := _BOLD_LINE.match(s)) and len(m.group("rest").split()) <= 14:
        return Marker(None, clean_heading(m.group("rest")), 1, body=False)
    if s[0] in "*_" and not prev.strip() and (m := italic_label(s)):
        # a paragraph opening with a run-in label ("*Updates.* We may ..."): a sub-clause of its section
        return Marker(None, clean_heading(m.group("label")), 12, rest=s)
    if is_caps_heading(s, prev):
        return Marker(None, clean_heading(_PAGE_REF.sub("", s)), 1, body=False)
    return None


def is_caps_heading(s: str, prev: str) -> bool:
    """An ALL-CAPS title line ("CONFIDENTIALITY") standing on its own, not a wrapped shouted paragraph."""
    if not s or len(s) > 80 or s[-1] in ",;-" or is_toc_line(s):
        return False
    letters = [c for c in s if c.isalpha()]
    if len(letters) < 3 or any(c.islower() for c in letters):
        return False
    words = s.split()
    if len(words) > 10 or words[-1].lower().strip(".:") in _STOP_END:
        return False
    if sum(c.isalpha() or c == " " for c in s) < 0.7 * len(s):
        return False  # "(212) 555-0100", "$1,000,000 USD"
    if "," in s and len(words) > 6:
        return False  # a shouted sentence, not a title
    p = prev.strip()
    return not p or p[-1] in _TERMINAL
