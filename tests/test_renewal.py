"""Renewal arithmetic: term, auto-renewal and notice -> notice deadline and internal review date."""

from __future__ import annotations

from datetime import date

from assistant.models import Evidence, Finding, Status
from assistant.renewal import minus_business_days, renewal_schedule, term_end


def finding(*quotes: str, status: Status = Status.present, **params: object) -> Finding:
    return Finding(
        requirement="renewal_notice",
        status=status,
        params=params,  # type: ignore[arg-type]
        evidence=[
            Evidence(document_id="d", filename="order.txt", page=2, start=0, end=len(q), quote=q)
            for q in quotes
        ],
    )


AUTO = (
    "The Subscription Term commences on the Effective Date and continues for an initial term of twelve (12) "
    "months. Thereafter it shall automatically renew for successive periods of twelve (12) months unless "
    "either party gives written notice of non-renewal at least sixty (60) days prior to the end of the "
    "then-current term."
)


def test_auto_renewal_with_calendar_days_and_a_weekend_deadline() -> None:
    s = renewal_schedule(finding(AUTO), start=date(2026, 1, 1), today=date(2026, 3, 1))
    assert s.status == "ok" and s.auto_renew is True
    assert (s.initial_term_months, s.renewal_term_months, s.notice) == (12, 12, "60 calendar days")
    assert s.current_term_end == date(2026, 12, 31)
    assert s.notice_deadline == date(2026, 11, 1)  # a Sunday
    assert s.send_notice_by == date(2026, 10, 30)  # the Friday before
    assert s.review_date == date(2026, 7, 31)  # 90 days before the send-by date (a Saturday -> Friday)
    assert s.days_to_deadline == 243
    assert s.quotes[0].page == 2
    assert any("weekend" in n for n in s.notes)


def test_review_lead_time_is_configurable() -> None:
    s = renewal_schedule(finding(AUTO), start=date(2026, 1, 1), today=date(2026, 3, 1), review_days=30)
    assert s.review_date == date(2026, 9, 30)
    assert s.review_lead_days == 30


def test_business_days_skip_weekends() -> None:
    quote = (
        "This Agreement has an initial term of 24 months and renews automatically for successive 12-month "
        "periods unless a party gives notice at least ten (10) business days before the end of the term."
    )
    s = renewal_schedule(finding(quote), start=date(2025, 3, 1), today=date(2026, 3, 1))
    assert s.notice_business_days and s.notice == "10 business days"
    assert s.current_term_end == date(2027, 2, 28)  # a Sunday
    assert s.notice_deadline == date(2027, 2, 15)  # ten weekdays back: Feb 26 ... Feb 15
    assert minus_business_days(date(2027, 2, 28), 10) == date(2027, 2, 15)
    assert any("public holidays" in n for n in s.notes)


def test_month_notice_clamps_to_month_end_and_leap_day() -> None:
    quote = "The initial term is twelve (12) months; it renews automatically unless terminated on three (3) months' notice prior to expiry."
    s = renewal_schedule(finding(quote), start=date(2026, 6, 1), today=date(2026, 6, 2))
    assert s.current_term_end == date(2027, 5, 31)
    assert s.notice_deadline == date(2027, 2, 28)  # 31 May - 3 months, clamped
    leap = renewal_schedule(finding(quote), start=date(2027, 6, 1), today=date(2027, 6, 2))
    assert leap.notice_deadline == date(2028, 2, 29)


def test_terms_starting_on_a_leap_day_or_month_end() -> None:
    assert term_end(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert term_end(date(2024, 2, 29), 48) == date(2028, 2, 28)
    assert term_end(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert term_end(date(2026, 1, 15), 1) == date(2026, 2, 14)


def test_auto_renewed_term_rolls_forward_to_the_next_deadline() -> None:
    s = renewal_schedule(finding(AUTO), start=date(2024, 1, 1), today=date(2026, 3, 1))
    assert s.current_term_end == date(2026, 12, 31)
    assert any("renewed 2 time(s)" in n for n in s.notes)
    past_deadline = renewal_schedule(finding(AUTO), start=date(2025, 1, 1), today=date(2025, 11, 15))
    assert past_deadline.current_term_end == date(2026, 12, 31)  # 2025 notice window closed on 1 Nov


def test_fixed_term_without_renewal_reviews_before_the_end_date() -> None:
    quote = "The Subscription Term begins on 1 February 2026 and ends on 31 January 2027. It will not renew automatically."
    s = renewal_schedule(finding(quote), today=date(2026, 3, 1))
    assert s.status == "ok" and s.auto_renew is False
    assert (s.term_start, s.current_term_end) == (date(2026, 2, 1), date(2027, 1, 31))
    assert s.notice_deadline is None
    assert s.review_date == date(2026, 11, 2)


def test_evergreen_contract_has_no_end_date_and_an_annual_review() -> None:
    quote = "This Agreement shall remain in effect until terminated by either party upon ninety (90) days' written notice."
    s = renewal_schedule(finding(quote), start=date(2025, 6, 15), today=date(2026, 3, 1))
    assert s.status == "evergreen" and s.current_term_end is None and s.notice_deadline is None
    assert s.notice == "90 calendar days"
    assert s.review_date == date(2026, 3, 17)  # 90 days before the 15 June 2026 anniversary


def test_params_fill_what_the_quote_does_not_state() -> None:
    quote = "The Agreement renews automatically unless notice is given as set out in the Order Form."
    s = renewal_schedule(
        finding(quote, term_months=24, notice_days=30), start=date(2026, 1, 1), today=date(2026, 1, 2)
    )
    assert s.current_term_end == date(2027, 12, 31)
    assert s.notice_deadline == date(2027, 12, 1)


def test_says_unclear_rather_than_guessing() -> None:
    conflicting = finding(
        AUTO, "Either party may give notice of non-renewal at least thirty (30) days prior to expiry."
    )
    s = renewal_schedule(conflicting, start=date(2026, 1, 1), today=date(2026, 3, 1))
    assert s.status == "unclear" and s.notice_deadline is None
    assert "2 different notice periods" in s.notes[0]

    no_start = renewal_schedule(finding(AUTO), today=date(2026, 3, 1))
    assert no_start.status == "unclear" and "no start date" in no_start.notes[0]


def test_missing_clause_is_not_found() -> None:
    s = renewal_schedule(finding(status=Status.missing), today=date(2026, 3, 1))
    assert s.status == "not_found"
    assert renewal_schedule(None, today=date(2026, 3, 1)).status == "not_found"


def test_explicit_no_auto_renewal_is_read_despite_renewal_words() -> None:
    quote = "The initial term is 12 months and shall not automatically renew; any renewal requires a new Order Form."
    s = renewal_schedule(finding(quote), start=date(2026, 1, 1), today=date(2026, 3, 1))
    assert s.auto_renew is False and s.notice_deadline is None
    assert s.current_term_end == date(2026, 12, 31)
