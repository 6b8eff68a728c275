"""Text machinery shared by every extractor: number words, durations, sentences, negation.

Durations accept the forms contracts use: "thirty (30) days", "30 days", "seventy-two hours",
"two (2) business days", "one year", "6 months", "ninety (90) calendar days", "48hrs".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000}

_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
NUMBER_WORDS = rf"{_WORD}(?:[\s-]+(?:and[\s-]+)?{_WORD})*"


def words_to_int(text: str) -> int | None:
    """'seventy-two' -> 72, 'one hundred and twenty' -> 120, 'a' -> 1; None if not a number phrase."""
    tokens = [t for t in re.split(r"[\s-]+", text.lower().strip()) if t and t != "and"]
    if not tokens:
        return None
    total, current = 0, 0
    for tok in tokens:
        if tok in _UNITS:
            current += _UNITS[tok]
        elif tok in _TENS:
            current += _TENS[tok]
        elif tok in _SCALES:
            current = max(current, 1) * _SCALES[tok]
            if _SCALES[tok] >= 1000:
                total, current = total + current, 0
        else:
            return None
    return total + current


# Month names, and a calendar date written out ("1 April 2026", "April 1, 2026") or in ISO form
MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
CALENDAR_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_NAMES}),?\s+\d{{4}}|(?:{MONTH_NAMES})\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|"
    r"\d{4}-\d{2}-\d{2})"
)


def parse_number(text: str) -> int | None:
    """'30', '30.0', 'thirty', 'thirty (30)', '1,000' -> int. Where the words and the figure disagree ('fourteen
    (10)', '15 (fifteen)' with a typo), the words prevail, as drafting conventions say."""
    t = text.strip().lower()
    m = re.search(r"\((\d[\d,]*)\)", t)
    if m:
        words = words_to_int(t[: m.start()].strip()) if t[: m.start()].strip() else None
        return words if words is not None else int(m.group(1).replace(",", ""))
    m = re.fullmatch(r"(\d[\d,]*)(?:\.0+)?(?:\s*\(\s*([a-z][a-z\s-]*)\))?", t)
    if m:
        words = words_to_int(m.group(2).strip()) if m.group(2) else None
        return words if words is not None else int(m.group(1).replace(",", ""))
    return words_to_int(t)


_UNIT_RE = (
    # "one (1) Bank Working Day": a qualified working day is a working day
    r"(?:(?:bank|federal|state|school)\s+)?(?P<qual>business|working|calendar|banking)?\s*"
    # words that only say how a unit is counted: "five (5) Gregorian years", "twelve consecutive months"
    r"(?:(?:consecutive|full|complete|whole|clear|contract|gregorian|solar|academic|fiscal|financial)\s+){0,2}"
    r"(?P<unit>hours?|hrs?|days?|weeks?|fortnights?|months?|years?|quarters?)\b"
)
DURATION_RE = re.compile(
    # "thirty (30) days", and translated drafting's numeral first: "15 (fifteen) days"
    rf"(?<![\w.])(?P<num>(?:{NUMBER_WORDS})(?:\s*\(\s*\d[\d,]*\s*\))?|\d[\d,]*\s*\(\s*(?:{NUMBER_WORDS})\s*\)|"
    rf"\d[\d,]*(?:\.\d+)?|\(\s*\d[\d,]*\s*\))"
    rf"\s*(?:-\s*)?{_UNIT_RE}",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Duration:
    """A duration found in text, with where it was found."""

    value: int
    unit: str  # hours | days | weeks | months | years
    business: bool
    start: int
    end: int
    text: str

    def days(self) -> int:
        """Length in (calendar) days; a business/working day counts as one day, a month as 30."""
        factor = {"hours": 1 / 24, "days": 1, "weeks": 7, "months": 30, "quarters": 91, "years": 365}[
            self.unit
        ]
        return int(round(self.value * factor))

    def hours(self) -> int:
        if self.unit == "hours":
            return self.value
        return self.days() * 24

    def months(self) -> int:
        factor = {"hours": 1 / 720, "days": 1 / 30, "weeks": 7 / 30, "months": 1, "quarters": 3, "years": 12}
        return int(round(self.value * factor[self.unit]))


def _norm_unit(u: str) -> str:
    u = u.lower()
    if u.startswith("h"):
        return "hours"
    for full in ("days", "weeks", "months", "years", "quarters"):
        if u.startswith(full[:-1]):
            return full
    return u


_ARTICLE_RE = re.compile(
    r"(?<![\w.])(?P<num>an?)\s+(?P<qual>business|working|calendar)?\s*"
    r"(?P<unit>hour|day|week|fortnight|month|year|quarter)\b(?!\s*(?:-|or\s+so\b))",
    re.IGNORECASE,
)
# "once a year", "24 hours a day", "per a month", "99.9% a month": a rate, not a duration.
_RATE_BEFORE = re.compile(
    r"(?:\b(?:once|twice|thrice|times|per|each|every)|\b(?:hours?|days?|weeks?|months?|years?)|[\d%])\s*$",
    re.IGNORECASE,
)


_EVERY_BEFORE = re.compile(r"\b(?:once|twice|thrice|times)?\s*(?:every|each|per)\s+$", re.IGNORECASE)


def is_frequency(text: str, d: Duration) -> bool:
    """The duration says how often, not how long: "test the plan once every two years", "each 30 days"."""
    return bool(_EVERY_BEFORE.search(text[max(0, d.start - 20) : d.start]))


def _article_durations(text: str) -> list[Duration]:
    """'within a week', 'an hour before': one unit, unless the phrase is a rate ('once a year')."""
    out: list[Duration] = []
    for m in _ARTICLE_RE.finditer(text):
        if _RATE_BEFORE.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        out.append(_duration_of(m, 1))
    return out


def _duration_of(m: re.Match[str], value: int) -> Duration:
    """The duration a match of `_UNIT_RE`'s groups states, `value` units long ('two fortnights' -> 4 weeks)."""
    unit = _norm_unit(m.group("unit"))
    if unit.startswith("fortnight"):
        value, unit = value * 2, "weeks"
    business = (m.group("qual") or "").lower() in {"business", "working", "banking"}
    return Duration(value, unit, business, m.start(), m.end(), m.group(0))


def find_durations(text: str) -> list[Duration]:
    """All durations in `text`, in order (including 'a week', 'an hour', which count as one unit, and
    products such as Indonesian drafting's '3 x 24 hours')."""
    found = _product_durations(text)
    for more in (_numbered_durations(text), _article_durations(text)):
        taken = [(d.start, d.end) for d in found]
        found += [d for d in more if not any(s < d.end and d.start < e for s, e in taken)]
    return sorted(found, key=lambda d: d.start)


# "3 x 24 hours", "2×24 (two times twenty-four) hours": a multiple of a unit, often with the product in words
_PRODUCT_RE = re.compile(
    rf"(?<![\w.])(?P<a>\d{{1,3}})\s*[x×]\s*(?P<b>\d{{1,4}})(?:\s*\(\s*[a-z][a-z\s-]{{0,60}}\))?\s*{_UNIT_RE}",
    re.IGNORECASE,
)


# "three (3) Ski Seasons of twelve (12) months each", "four (4) Contract Years of twelve months each": a count of
# periods of one length
_PERIODS_OF_RE = re.compile(
    rf"(?<![\w.])(?P<a>{NUMBER_WORDS}|\d{{1,2}})(?:\s*\(\d{{1,2}}\))?\s+(?:[\w-]+\s+){{0,2}}?"
    r"(?:seasons?|periods?|terms?|years?|cycles?|quarters?)\s+of\s+(?P<inner>[^.;]{1,30}?)\s+each\b",
    re.IGNORECASE,
)


def _product_durations(text: str) -> list[Duration]:
    out = [_duration_of(m, int(m.group("a")) * int(m.group("b"))) for m in _PRODUCT_RE.finditer(text)]
    for m in _PERIODS_OF_RE.finditer(text):
        count, inner = parse_number(m.group("a")), _numbered_durations(m.group("inner"))
        if count and len(inner) == 1 and inner[0].end == len(m.group("inner")):
            d = inner[0]
            out.append(Duration(count * d.value, d.unit, d.business, m.start(), m.end(), m.group(0)))
    return out


def _numbered_durations(text: str) -> list[Duration]:
    """Durations with a number: 'thirty (30) days', '48hrs'."""
    out: list[Duration] = []
    for m in DURATION_RE.finditer(text):
        raw = m.group("num")
        value = parse_number(raw.strip("() ")) if raw.strip().startswith("(") else parse_number(raw)
        if value is None:
            continue
        if (
            raw.strip().lower() in {"a", "an"}
            and m.group("qual") is None
            and not re.match(
                r"\s*(?:hour|day|week|fortnight|month|year|quarter)", text[m.start("num") + len(raw) :], re.I
            )
        ):
            continue
        out.append(_duration_of(m, value))
    return out


_ABBREV = re.compile(
    r"\b(?:e\.g|i\.e|etc|inc|ltd|co|corp|no|nos|sec|art|para|cl|vs|u\.s|u\.k|mr|ms|dr|st|approx|"
    # statute citations: "Wis. Stat. section 134.98", "Tex. Bus. Code Ann.", "42 U.S.C. § 1320d"
    r"stat|rev|ann|gen|comp|regs?|ch|cap|bus|wis|cal|fla|tex|mass|mich|minn|ariz|colo|conn|okla|ore|tenn|"
    r"wash|u\.s\.c|c\.f\.r|la|ala|ark|del|ill|ind|kan|ky|md|mont|neb|nev|pa|va|vt|wyo|r\.s|"
    # German and Swiss drafting: "Ziff. 15.3", "Abs. 2", "lit. b", "Nr. 4", "gem. Art. 28"
    r"ziff|abs|lit|nr|gem|bzw|vgl)\.$",
    re.I,
)
# (a bullet on the next line starts a sentence too: ".\n- The notification ...")
# (and each row of a table is its own: "| 11.1 The Provider shall notify ... | 11.1 Le Prestataire notifie ... |", the
# header row and its |---| line staying with the first row, which they name)
# (a rule line of dashes or equals signs between two blocks ends the one above: "(... over Part C.)\n-----\nD1 ...")
_SENT_END = re.compile(
    r"(?<=[.;!?])\s+(?=[\"'(\[]?[A-Z0-9(])|(?<=[.;!?])[ \t]*\n\s*(?=[-*•–][ \t])|\n\s*\n|"
    r"[ \t]*\n[ \t]*[-=_~]{3,}[ \t]*(?:\n\s*|$)|"
    r"(?<=\|)(?<![-:]\|)[ \t]*\n(?=[ \t]*\|)(?![ \t]*\|[ \t:|-]*\|[ \t]*\n)"
)


def sentences(text: str, base: int = 0) -> list[tuple[int, int]]:
    """Split `text` into sentence spans [(start, end)] (offsets plus `base`), keeping every character
    of the text inside some span except the separating whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _SENT_END.finditer(text):
        if _ABBREV.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        # "(as defined in La. R.S. 51:3073)": a full stop inside an open parenthesis ends no sentence
        opened = text.rfind("(", pos, m.start())
        if (
            opened >= 0
            and m.start() - opened < 120
            and ")" not in text[opened : m.start()]
            and "\n" not in m.group()
        ):
            continue
        if text[pos : m.start()].strip():
            spans.append((base + pos, base + m.start()))
        pos = m.end()
    if pos < len(text) and text[pos:].strip():
        spans.append((base + pos, base + len(text.rstrip())))
    return spans


NEGATION_RE = re.compile(
    r"\b(?:no|not|never|neither|nor|none|without|shall\s+not|will\s+not|may\s+not|cannot|can\s*not|"
    r"is\s+not|are\s+not|does\s+not|do\s+not|under\s+no\s+circumstances|in\s+no\s+event)\b|n't\b",
    re.IGNORECASE,
)


def negated_before(text: str, pos: int, window: int = 60) -> bool:
    """True when a negation word stands in the `window` characters before `pos`, in the same clause
    fragment (not across a ';' or sentence end). E.g. 'Customer shall have no right to audit'."""
    left = text[max(0, pos - window) : pos]
    cut = max(left.rfind(";"), left.rfind(". "), left.rfind(":"))
    if cut >= 0:
        left = left[cut + 1 :]
    # "not limited to", "without limitation" and "notwithstanding" are not negations of the obligation.
    left = re.sub(
        r"\b(?:not\s+limited\s+to|without\s+limitation|notwithstanding|no\s+later\s+than|"
        r"not\s+later\s+than|no\s+less\s+than|not\s+less\s+than|no\s+more\s+than|"
        r"not\s+more\s+than|(?:no|not)\s+more\s+(?:often|frequently)\s+than|without\s+undue\s+delay|"
        r"no\s+event\s+later|"
        # "appoint an independent auditor who is not a competitor of the Provider to audit": the relative
        # clause describes the auditor, it negates nothing of the audit
        r"who\s+(?:is|are)\s+not\s+(?:an?\s+|the\s+)?[\w-]+)\b",
        " ",
        left,
        flags=re.I,
    )
    return bool(NEGATION_RE.search(left))


def find_all(pattern: str | re.Pattern[str], text: str) -> list[re.Match[str]]:
    rx = re.compile(pattern, re.IGNORECASE) if isinstance(pattern, str) else pattern
    return list(rx.finditer(text))


# the end of one enumerated part of a sentence: "...; or (b) ...", "...; and (d) unilaterally by ..."
_FRAGMENT_END = re.compile(r";\s+(?:and\s+|or\s+)?(?=\(?[a-zA-Z0-9]{1,4}\)\s)")


def fragments(sentence: str) -> list[tuple[int, int]]:
    """Spans of the enumerated parts of a sentence ('...; or (b) ...'), or the whole sentence."""
    spans, pos = [], 0
    for m in _FRAGMENT_END.finditer(sentence):
        spans.append((pos, m.start() + 1))
        pos = m.end()
    spans.append((pos, len(sentence)))
    return spans
