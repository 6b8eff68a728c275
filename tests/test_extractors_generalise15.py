"""Fifteenth generalisation pass of the rule extractors: one group of tests per general mechanism fixed, each
with drafting written for these tests (not copied from any evaluation contract).

Mechanisms: a report due "within N days of the change" is not advance notice.
"""

from __future__ import annotations

from tests.support.extractors import W, check


def test_a_report_after_the_change_is_not_the_advance_notice() -> None:
    text = (
        "The Processor shall tell the Bank in writing of any new sub-processor at least a fortnight before the "
        "new sub-processor starts, and the Bank may object within that time. Where a subcontractor is replaced, "
        "the Processor shall also notify the Bank within three (3) days of the replacement."
    )
    check("subprocessor_disclosure", W, text, {"notice_days": 14})
