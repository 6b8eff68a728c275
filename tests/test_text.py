"""Shared text machinery: number words, durations, sentences, negation."""

from __future__ import annotations

import pytest

from extractors.text import find_durations, negated_before, parse_number, sentences, words_to_int


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("thirty", 30),
        ("seventy-two", 72),
        ("one hundred and twenty", 120),
        ("two thousand five hundred", 2500),
        ("ninety", 90),
        ("eleven", 11),
        ("banana", None),
        ("", None),
    ],
)
def test_words_to_int(words: str, value: int | None) -> None:
    assert words_to_int(words) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("30", 30), ("thirty (30)", 30), ("1,000", 1000), ("12.0", 12), ("twelve", 12), ("(45)", 45)],
)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("text", "value", "unit", "business", "hours", "days"),
    [
        ("within thirty (30) days of the request", 30, "days", False, 720, 30),
        ("no later than seventy-two hours after", 72, "hours", False, 72, 3),
        ("within two (2) business days", 2, "days", True, 48, 2),
        ("for a term of one year", 1, "years", False, 8760, 365),
        ("within 48 hours", 48, "hours", False, 48, 2),
        ("ninety (90) calendar days' notice", 90, "days", False, 2160, 90),
        ("five (5) working days", 5, "days", True, 120, 5),
        ("a 24-month lock-in", 24, "months", False, 17280, 720),
        ("within two weeks", 2, "weeks", False, 336, 14),
        ("(30) days after", 30, "days", False, 720, 30),
    ],
)
def test_find_durations(text: str, value: int, unit: str, business: bool, hours: int, days: int) -> None:
    [d] = find_durations(text)
    assert (d.value, d.unit, d.business) == (value, unit, business)
    assert d.hours() == hours and d.days() == days
    assert text[d.start : d.end] == d.text


def test_durations_in_order_and_months() -> None:
    found = find_durations(
        "an initial term of twelve (12) months, renewing for successive one (1) year periods"
    )
    assert [(d.value, d.unit) for d in found] == [(12, "months"), (1, "years")]
    assert [d.months() for d in found] == [12, 12]


def test_no_duration_in_plain_numbers() -> None:
    assert find_durations("Section 12.3 applies to 5 users and 3 sites") == []


def test_sentences_keep_offsets_and_skip_abbreviations() -> None:
    text = "Vendor shall, e.g. by email, notify Customer. Customer may audit.\n\nNew paragraph here"
    spans = sentences(text, base=100)
    parts = [text[a - 100 : b - 100] for a, b in spans]
    assert parts == [
        "Vendor shall, e.g. by email, notify Customer.",
        "Customer may audit.",
        "New paragraph here",
    ]


@pytest.mark.parametrize(
    ("text", "negated"),
    [
        ("Customer shall have no right to audit", True),
        ("Vendor shall not be obliged to audit", True),
        ("Customer may, including but not limited to by its auditors, audit", False),
        ("no later than thirty days after the audit", False),
        ("Vendor is not liable for delays; Customer may audit", False),
        ("without undue delay, Vendor shall audit", False),
    ],
)
def test_negated_before(text: str, negated: bool) -> None:
    assert negated_before(text, text.rindex("audit")) is negated


def test_a_frequency_limit_is_not_a_negation() -> None:
    from extractors.text import negated_before

    text = "Customer may, not more often than once per year, audit the Supplier's records."
    assert not negated_before(text, text.index("audit"))
    refused = "Customer may not, at any time, audit the Supplier's records."
    assert negated_before(refused, refused.index("audit"))
