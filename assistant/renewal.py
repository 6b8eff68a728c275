"""Renewal arithmetic: contract term, auto-renewal and notice period -> notice deadline and the internal
renewal review date (by default 90 days before the last day notice can be sent).

Inputs are the `renewal_notice` finding (its params and, above all, its verbatim quotes, which are re-read
here so that business vs calendar days, month notice periods and evergreen terms are told apart) plus the
contract start/end dates from the project when the text does not state them. When the quotes are silent or
contradict each other the schedule says `unclear` rather than guessing.

Conventions (documented because the contract rarely is):
- A term of N months starting on D ends the day before the corresponding date N months later; when that
  date does not exist (31st, 29 February) the term ends on the last day of that month.
- Notice "N days before the end of the term" must be received on or before end - N days; business days skip
  Saturdays and Sundays (public holidays are not known and are flagged in the notes).
- A deadline falling on a weekend is kept as written, and `send_notice_by` is the business day before it.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from assistant.models import Document, Evidence, Finding, Status
from extractors.base import evidence_for
from extractors.text import MONTH_NAMES, Duration, find_durations, negated_before

RenewalStatus = Literal["ok", "evergreen", "unclear", "not_found"]


class RenewalSchedule(BaseModel):
    """Renewal dates of one contract family, with the quotes they were computed from."""

    family: str | None = Field(default=None, description="Contract family the schedule belongs to.")
    status: RenewalStatus = Field(description="ok, evergreen (no end date), unclear, or not_found.")
    today: date = Field(description="Date the schedule was computed for.")
    term_start: date | None = Field(default=None, description="Start of the contract.")
    initial_term_months: int | None = Field(default=None, description="Initial term in months.")
    auto_renew: bool | None = Field(default=None, description="Whether the term renews automatically.")
    renewal_term_months: int | None = Field(default=None, description="Length of each renewal term.")
    current_term_end: date | None = Field(default=None, description="End of the term the deadline is for.")
    notice: str | None = Field(default=None, description="Notice period as stated, e.g. '60 calendar days'.")
    notice_business_days: bool = Field(default=False, description="True when notice counts business days.")
    notice_deadline: date | None = Field(
        default=None, description="Last day notice is on time, per contract."
    )
    send_notice_by: date | None = Field(default=None, description="Last business day on or before it.")
    review_date: date | None = Field(default=None, description="Internal renewal review date.")
    review_lead_days: int = Field(default=90, description="Days between the review and the notice date.")
    days_to_deadline: int | None = Field(default=None, description="Days from today to send_notice_by.")
    quotes: list[Evidence] = Field(default_factory=list, description="Quotes the dates were read from.")
    missed_notice_deadline: date | None = Field(
        default=None,
        description="Notice deadline of the term in progress that has already passed: that term renews "
        "automatically the day after it ends, and the other dates are for the next term.",
    )
    renews_on: date | None = Field(
        default=None, description="When missed_notice_deadline is set: the day the missed renewal starts."
    )
    notes: list[str] = Field(default_factory=list, description="Assumptions and reasons, in plain words.")


@dataclass
class _Terms:
    term: Duration | None = None
    renewal: Duration | None = None
    notice: Duration | None = None
    auto_renew: bool | None = None
    evergreen: bool = False
    start: date | None = None
    end: date | None = None
    conflicts: tuple[str, ...] = ()


_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MON = MONTH_NAMES
_DATE_RE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MON}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<m2>{_MON})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2}))\b",
    re.IGNORECASE,
)
_NOTICE_AFTER = re.compile(
    r"^\W{0,3}s?\W{0,2}\s*(?:\(\s*\d+\s*\)\s*)?(?:prior|before|in advance|advance|notice|written)", re.I
)
_RENEWAL_BEFORE = re.compile(r"renew\w*|successive|additional|further|subsequent", re.I)
_TERM_BEFORE = re.compile(r"term|period|commenc\w*|continue\w*|for\s+(?:a|an)?\s*$|duration", re.I)
_AUTO_RE = re.compile(
    r"automatic(?:ally)?\s+(?:be\s+)?(?:renew|extend)|auto-?\s?renew|(?:shall|will)\s+(?:be\s+)?(?:renew|extend)"
    r"|renew\w*\s+automatically|successive\s+(?:renewal\s+)?(?:periods?|terms?)|tacit(?:ly)?\s+renew",
    re.I,
)
_NO_RENEW_RE = re.compile(
    r"(?:shall|will|does)\s+not\s+(?:be\s+)?(?:automatically\s+)?(?:renew|extend)|no\s+(?:automatic|tacit)\s+renewal",
    re.I,
)
_EVERGREEN_RE = re.compile(
    r"until\s+terminated|evergreen|indefinite(?:ly)?|(?:continue|remain)s?\s+in\s+(?:full\s+force\s+and\s+)?effect\s+until",
    re.I,
)
_START_CUE = re.compile(r"effective|commenc|start|begin|dated|as of", re.I)
_END_CUE = re.compile(r"\bend|expir|until|through|terminat", re.I)


def term_end(start: date, months: int) -> date:
    """Last day of a term of `months` months starting on `start` (see the module conventions)."""
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    last = calendar.monthrange(year, month)[1]
    if start.day <= last:
        return date(year, month, start.day) - timedelta(days=1)
    return date(year, month, last)


def minus_months(day: date, months: int) -> date:
    """`day` moved back `months` months, clamped to the end of the month (31 March - 1 = 28/29 Feb)."""
    y, m = divmod(day.month - 1 - months, 12)
    year, month = day.year + y, m + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def minus_business_days(day: date, n: int) -> date:
    """`day` moved back `n` business days (Monday-Friday)."""
    while n > 0:
        day -= timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def business_day_on_or_before(day: date) -> date:
    """`day` itself if Monday-Friday, else the Friday before."""
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return day


def _duration_role(text: str, d: Duration) -> str:
    """'notice', 'renewal', 'term' or '' from the words around duration `d` in `text`."""
    after = text[d.end : d.end + 40]
    before = text[max(0, d.start - 70) : d.start]
    before = re.split(r"[.;]\s", before)[-1]
    if _NOTICE_AFTER.search(after) or re.search(r"notice\s+(?:period\s+)?of\s*$", before, re.I):
        return "notice"
    if _RENEWAL_BEFORE.search(before) or re.match(r"\s*(?:renewal|extension)", after, re.I):
        return "renewal"
    if _TERM_BEFORE.search(before) or re.match(r"\s*(?:term|period)", after, re.I):
        return "term"
    return ""


def _parse_date(m: re.Match[str]) -> date | None:
    try:
        if m.group("y1"):
            return date(int(m.group("y1")), _MONTHS[m.group("m1").lower()], int(m.group("d1")))
        if m.group("y2"):
            return date(int(m.group("y2")), _MONTHS[m.group("m2").lower()], int(m.group("d2")))
        return date(int(m.group("y3")), int(m.group("m3")), int(m.group("d3")))
    except ValueError:
        return None


def _date_role(before: str) -> str:
    """'start' or 'end' by the cue word nearest before a date, '' without one."""
    last_start = max((m.end() for m in _START_CUE.finditer(before)), default=-1)
    last_end = max((m.end() for m in _END_CUE.finditer(before)), default=-1)
    if last_start == last_end == -1:
        return ""
    return "start" if last_start > last_end else "end"


def read_terms(quotes: list[str]) -> _Terms:
    """Term, renewal and notice durations, auto-renewal, evergreen flag and dates read from `quotes`."""
    found: dict[str, list[Duration]] = {"term": [], "renewal": [], "notice": []}
    starts: set[date] = set()
    ends: set[date] = set()
    auto: list[bool] = []
    evergreen = False
    for text in quotes:
        for d in find_durations(text):
            role = _duration_role(text, d)
            if role:
                found[role].append(d)
        for m in _AUTO_RE.finditer(text):
            auto.append(not negated_before(text, m.start(), window=40))
        if _NO_RENEW_RE.search(text):
            auto.append(False)
        evergreen = evergreen or bool(_EVERGREEN_RE.search(text))
        for m in _DATE_RE.finditer(text):
            day = _parse_date(m)
            role = _date_role(text[max(0, m.start() - 60) : m.start()])
            if day and role == "start":
                starts.add(day)
            elif day and role == "end":
                ends.add(day)
    conflicts = [
        f"the quotes state {len({(d.value, d.unit, d.business) for d in v})} different {k} periods"
        for k, v in found.items()
        if len({(d.value, d.unit, d.business) for d in v}) > 1
    ]
    if len(set(auto)) > 1:
        conflicts.append("the quotes both grant and exclude automatic renewal")
    conflicts += [
        f"the quotes state {len(s)} different {n} dates"
        for n, s in (("start", starts), ("end", ends))
        if len(s) > 1
    ]
    first = {k: (v[0] if v else None) for k, v in found.items()}
    return _Terms(
        term=first["term"],
        renewal=first["renewal"],
        notice=first["notice"],
        auto_renew=auto[0] if auto else (True if first["renewal"] else None),
        evergreen=evergreen and first["term"] is None,
        start=min(starts) if len(starts) == 1 else None,
        end=min(ends) if len(ends) == 1 else None,
        conflicts=tuple(conflicts),
    )


def _months_of(d: Duration | None) -> int | None:
    if d is None:
        return None
    return d.months() if d.unit in ("months", "years", "quarters") else None


def _param_int(params: Mapping[str, object], key: str) -> int | None:
    v = params.get(key)
    return int(v) if isinstance(v, int | float) and not isinstance(v, bool) and v > 0 else None


def _notice_from(terms: _Terms, params: Mapping[str, object]) -> tuple[int, str, bool] | None:
    """(value, unit, business) of the notice period: the quote first, the finding's params second."""
    if terms.notice is not None:
        unit = "days" if terms.notice.unit in ("days", "hours") else terms.notice.unit
        value = terms.notice.value if terms.notice.unit != "hours" else max(1, terms.notice.days())
        return value, unit, terms.notice.business
    days = _param_int(params, "notice_days")
    if days is None:
        return None
    return days, "days", bool(params.get("business_days"))


def _deadline(end: date, notice: tuple[int, str, bool]) -> date:
    value, unit, business = notice
    if unit == "days":
        return minus_business_days(end, value) if business else end - timedelta(days=value)
    if unit == "weeks":
        return end - timedelta(weeks=value)
    months = value * {"months": 1, "quarters": 3, "years": 12}[unit]
    return minus_months(end, months)


def _describe(notice: tuple[int, str, bool]) -> str:
    value, unit, business = notice
    kind = "business " if business else ("calendar " if unit == "days" else "")
    return f"{value} {kind}{unit[:-1] if value == 1 else unit}"


def renewal_schedule(
    finding: Finding | None,
    *,
    family: str | None = None,
    start: date | None = None,
    end: date | None = None,
    today: date | None = None,
    review_days: int = 90,
    fallback_start: tuple[date, Evidence] | None = None,
) -> RenewalSchedule:
    """Renewal dates for one family from its `renewal_notice` finding and the project's contract dates.

    `start`/`end` come from the project file and win over dates read in the quotes; `today` defaults to
    the current date and decides which renewal term the deadline is computed for. `fallback_start` is a
    start date found elsewhere in the family (see `find_start_date`), used only when nothing else says.
    """
    today = today or date.today()
    base = RenewalSchedule(family=family, status="unclear", today=today, review_lead_days=review_days)
    if finding is None or (finding.status == Status.missing and not finding.evidence):
        return base.model_copy(
            update={"status": "not_found", "notes": ["No renewal or term clause was found."]}
        )
    quotes = list(finding.evidence)
    terms = read_terms([e.quote for e in quotes])
    params: Mapping[str, object] = finding.params
    out = base.model_copy(update={"quotes": quotes})
    notes: list[str] = []
    if terms.conflicts:
        return out.model_copy(
            update={"notes": [f"Unclear: {c}; legal must confirm the term." for c in terms.conflicts]}
        )
    term_months = _months_of(terms.term) or _param_int(params, "term_months")
    auto = terms.auto_renew
    if auto is None:
        auto = _bool(params.get("auto_renew", params.get("auto_renewal")))
    renewal_months = _months_of(terms.renewal) or _param_int(params, "renewal_months") or term_months
    notice = _notice_from(terms, params)
    start = start or terms.start
    if start is None and fallback_start is not None:
        start, where = fallback_start
        quotes.append(where)
        notes.append(
            f"Start date {start.isoformat()} read from {where.filename}, p. {where.page}: {where.quote!r}."
        )
        out = out.model_copy(update={"quotes": quotes})
    end = end or terms.end or (term_end(start, term_months) if start and term_months else None)
    out = out.model_copy(
        update={
            "term_start": start,
            "initial_term_months": term_months,
            "auto_renew": auto,
            "renewal_term_months": renewal_months if auto else None,
            "notice": _describe(notice) if notice else None,
            "notice_business_days": bool(notice and notice[2]),
        }
    )
    if (terms.evergreen or params.get("evergreen") is True) and end is None:
        return _evergreen(out, notice, notes)
    if end is None:
        why = "no start date" if start is None else "no term length"
        return out.model_copy(
            update={"notes": [*notes, f"Unclear: {why} in the quotes or the project file; add it."]}
        )
    if auto is None:
        notes.append("The quotes do not say whether the term renews automatically; assumed it does not.")
        auto = False
        out = out.model_copy(update={"auto_renew": None})
    end, missed = _current_end(end, renewal_months if auto else None, notice, today, notes)
    if missed is not None:
        out = out.model_copy(
            update={"missed_notice_deadline": missed[0], "renews_on": missed[1] + timedelta(days=1)}
        )
    return _dated(out, end, notice if auto else None, review_days, today, notes)


def _bool(v: object) -> bool | None:
    return v if isinstance(v, bool) else None


def _current_end(
    end: date, renewal_months: int | None, notice: tuple[int, str, bool] | None, today: date, notes: list[str]
) -> tuple[date, tuple[date, date] | None]:
    """Roll an auto-renewing term forward until its notice deadline is today or later. Returns that term's
    end and, when the term in progress today can no longer be stopped, (its missed deadline, its end)."""
    if renewal_months is None:
        if end < today:
            notes.append(f"The term ended on {end.isoformat()} and does not renew automatically.")
        return end, None
    rolled, missed = 0, None
    while (deadline := _deadline(end, notice) if notice else end) < today:
        if end >= today:  # the term in progress: its notice window closed, so it will renew
            missed = (deadline, end)
        else:
            rolled += 1
        end = term_end(end + timedelta(days=1), renewal_months)
    if rolled:
        notes.append(f"The initial term has renewed {rolled} time(s).")
    if missed:
        notes.append(
            f"The notice deadline {missed[0].isoformat()} for the term ending {missed[1].isoformat()} has "
            f"passed: the contract renews automatically on {(missed[1] + timedelta(days=1)).isoformat()}."
        )
    if rolled or missed:
        notes.append(f"Dates are for the term ending {end.isoformat()}.")
    return end, missed


def _dated(
    out: RenewalSchedule,
    end: date,
    notice: tuple[int, str, bool] | None,
    review_days: int,
    today: date,
    notes: list[str],
) -> RenewalSchedule:
    """Fill deadline, send-by and review dates for a term ending on `end`."""
    update: dict[str, object] = {"status": "ok", "current_term_end": end}
    anchor = end
    if out.auto_renew and notice is None:
        notes.append(
            "Renews automatically but no notice period was found; review is set before the term end."
        )
    if out.auto_renew and notice is not None:
        deadline = _deadline(end, notice)
        send_by = business_day_on_or_before(deadline)
        if send_by != deadline:
            notes.append(
                f"The notice deadline {deadline.isoformat()} is a weekend day; send by {send_by.isoformat()}."
            )
        if notice[2]:
            notes.append(
                "Business days skip weekends only; check public holidays in the governing jurisdiction."
            )
        update.update(
            notice_deadline=deadline, send_notice_by=send_by, days_to_deadline=(send_by - today).days
        )
        anchor = send_by
    elif not out.auto_renew:
        notes.append("No notice is needed to stop renewal; the review is set before the term end.")
    update["review_date"] = business_day_on_or_before(anchor - timedelta(days=review_days))
    update["notes"] = notes
    return out.model_copy(update=update)


def _evergreen(
    out: RenewalSchedule, notice: tuple[int, str, bool] | None, notes: list[str]
) -> RenewalSchedule:
    """An evergreen contract: no end date; the review is annual, on the start anniversary."""
    notes.append("Evergreen: the contract runs until terminated; exit needs notice, so review it yearly.")
    update: dict[str, object] = {"status": "evergreen", "auto_renew": True, "notes": notes}
    if out.term_start is not None:
        anniversary = out.term_start
        while anniversary <= out.today:
            anniversary = term_end(anniversary, 12) + timedelta(days=1)
        update["review_date"] = business_day_on_or_before(anniversary - timedelta(days=out.review_lead_days))
        update["current_term_end"] = None
    if notice is None:
        notes.append("No termination notice period was found in the quotes.")
    return out.model_copy(update=update)


_START_LABELS = [
    r"(?:service|subscription)\s+start\s+date",
    r"commencement\s+date",
    r"start\s+date",
    r"effective\s+date",
]


def find_start_date(documents: Sequence[Document]) -> tuple[date, Evidence] | None:
    """A labelled contract start date in the family ('Service start date: 1 March 2026'), by label
    priority (service/subscription start, commencement, start, effective date). None when absent or
    when the best label carries two different dates."""
    for label in _START_LABELS:
        rx = re.compile(rf"\b{label}\s*(?::|-|is|of|means)?\s*(?P<when>{_DATE_RE.pattern})", re.IGNORECASE)
        hits = [(d, m, doc) for doc in documents for m in rx.finditer(doc.text) if (d := _parse_date(m))]
        if len({d for d, _, _ in hits}) == 1:
            day, m, doc = hits[0]
            return day, evidence_for(doc, m.start(), m.end())
        if hits:
            return None
    return None
