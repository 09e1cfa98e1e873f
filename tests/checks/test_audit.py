"""Every check made: :func:`finreport.audit` returns, beside the findings, each comparison
the rules made, with the figures' spans, the stated value, the interval the others allow
and whether it held."""

from __future__ import annotations

from decimal import Decimal

import finreport
from finreport import Outcome

_HEAD = "第二部分 2020年度部门决算情况说明\n三、支出决算情况说明\n"
TEXT = (_HEAD + "2020年本年支出合计100.00万元，其中：基本支出60.00万元，占60.00%；"
        "项目支出40.00万元，占40.00%。\n")


def _at(text: str, written: str) -> tuple[int, int]:
    start = text.index(written)
    return start, start + len(written)


def test_a_sum_that_holds_is_a_check_with_its_figures_and_interval() -> None:
    audit = finreport.audit(finreport.parse(TEXT), select=["FR101"])
    assert audit.findings == ()
    [check] = audit.checks
    assert check.code == "FR101"
    assert check.outcome is Outcome.HOLDS
    assert [(s.start, s.end) for s in check.spans] == [
        _at(TEXT, "100.00万元"), _at(TEXT, "60.00万元"), _at(TEXT, "40.00万元")]
    assert (check.stated, check.expected_low, check.expected_high, check.unit) == (
        Decimal("100.00"), Decimal("99.990"), Decimal("100.010"), "万元")


def test_a_share_that_holds_is_checked_against_its_own_interval() -> None:
    audit = finreport.audit(finreport.parse(TEXT), select=["FR201"])
    assert [(c.outcome, c.stated, c.unit) for c in audit.checks] == [
        (Outcome.HOLDS, Decimal("60.00"), "%"), (Outcome.HOLDS, Decimal("40.00"), "%")]
    first = audit.checks[0]
    assert first.expected_low is not None and first.expected_high is not None
    assert first.expected_low <= Decimal("60.00") <= first.expected_high


def test_a_failed_check_is_the_finding_that_reports_it() -> None:
    text = TEXT.replace("项目支出40.00万元", "项目支出41.00万元")
    audit = finreport.audit(finreport.parse(text), select=["FR101"])
    [finding] = audit.findings
    [check] = audit.checks
    assert check.outcome is Outcome.FAILS
    assert check.spans == finding.spans
    assert (check.stated, check.expected_low, check.expected_high) == (
        finding.evidence.stated, finding.evidence.expected_low, finding.evidence.expected_high)
    assert audit.counts() == {Outcome.HOLDS: 0, Outcome.FAILS: 1, Outcome.ABSTAINED: 0}


def test_check_returns_the_audits_findings() -> None:
    text = TEXT.replace("项目支出40.00万元", "项目支出41.00万元")
    report = finreport.parse(text)
    assert finreport.check(report) == list(finreport.audit(report).findings)


def test_a_prior_year_that_may_be_zero_makes_the_percentage_abstain_saying_why() -> None:
    # 1.0 (±0.05) − 0.99 (±0.005): the prior year lies in [−0.045, 0.065], zero among them
    text = ("第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
            "2020年度收、支总计1.0万元。与2019年相比，收、支总计各增加0.99万元，增长50%。\n")
    audit = finreport.audit(finreport.parse(text), select=["FR301"])
    assert [(c.outcome, c.reason) for c in audit.checks] == [
        (Outcome.ABSTAINED, "the prior-year amount may be zero")]


def test_verified_spans_are_the_figures_of_checks_that_held() -> None:
    audit = finreport.audit(finreport.parse(TEXT), select=["FR101"])
    assert {(s.start, s.end) for s in audit.verified()} == {
        _at(TEXT, "100.00万元"), _at(TEXT, "60.00万元"), _at(TEXT, "40.00万元")}
