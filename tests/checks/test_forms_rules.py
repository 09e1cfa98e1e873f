"""The rules of the performance forms (FR611–FR621) on the flawed fixtures: every planted
flaw is found, pointing at the figures that prove it, and nothing else."""

from __future__ import annotations

import pytest

import finreport

from ..conftest import FIXTURES

FORMS = FIXTURES / "performance_forms"


def _findings(name: str) -> tuple[str, list[finreport.Finding]]:
    text = (FORMS / name).read_text(encoding="utf-8")
    return text, finreport.check(finreport.parse(text))


def _at(text: str, finding: finreport.Finding) -> list[str]:
    return ["".join(text[s.start:s.end].split()) for s in finding.spans]


def test_evaluation_flaws() -> None:
    text, findings = _findings("evaluation_flawed.txt")
    assert [(f.code, f.severity.value) for f in findings] == [
        ("FR613", "error"), ("FR614", "error"), ("FR617", "error"), ("FR615", "error"),
        ("FR617", "warning"), ("FR618", "warning"), ("FR616", "error")]
    rate, over, full, total, lost, reason, weights = findings
    assert _at(text, rate) == ["96.0%", "112.10", "118.00"]
    assert _at(text, over) == ["12", "10"]
    assert _at(text, full)[:3] == ["20.0", "20", "18500人次"]
    assert _at(text, total)[0] == "98.0" and "20.0" in _at(text, total)
    assert _at(text, lost)[:2] == ["30", "35"]
    assert _at(text, reason) == ["88%", "≥90%"]
    assert _at(text, weights)[0] == "100" and "35" in _at(text, weights)
    assert rate.message == ("“文化惠民演出补助”执行率96.0%，但全年执行数112.10万元 ÷ 全年预算数"
                            "118.00万元 = [94.992, 95.008]%")


def test_target_flaws() -> None:
    text, findings = _findings("targets_columns_flawed.txt")
    assert [(f.code, f.severity.value) for f in findings] == [
        ("FR611", "error"), ("FR620", "warning"), ("FR619", "warning")]
    funds, level, period = findings
    assert _at(text, funds) == ["125.00", "100.00", "20.00"]
    assert _at(text, level) == ["公共图书馆数字资源建设"]
    assert _at(text, period) == ["≥80TB", "≥60TB"]


def test_table_flaws() -> None:
    text, findings = _findings("targets_one_cell_flawed.txt")
    assert [f.code for f in findings] == ["FR612"] * 4
    assert sorted(_at(text, f)[0] for f in findings) == ["195.50", "196.50", "196.50",
                                                         "215.50"]
    unit = next(f for f in findings if f.message.startswith("“某某市生态环境局”总计"))
    assert _at(text, unit) == ["196.50", "120.00", "75.50"]


@pytest.mark.parametrize("name", ["evaluation_columns.txt", "targets_columns.txt",
                                  "targets_one_cell.txt"])
def test_consistent_forms_give_no_finding(name: str) -> None:
    assert _findings(name)[1] == []


def test_rounding_is_not_a_flaw() -> None:
    # ten projects of 0.01 each, whose exact values may add to 0.05 less: a subtotal of
    # 0.11 is within the written precision of 0.10, as the field's unit rows are
    text = (FORMS / "targets_one_cell.txt").read_text(encoding="utf-8")
    report = finreport.parse(text.replace("215.50        195.50", "215.51        195.51", 1))
    assert [f.code for f in finreport.check(report)] == []


def test_a_unit_name_cut_by_its_cell_leaves_the_tables_sums_alone() -> None:
    # the unit's name wrapped over two lines (pdftotext's layout of a narrow cell): which
    # rows are whose is not certain, so the planted flaws are not errors, and the audit
    # says why
    text = (FORMS / "targets_one_cell_flawed.txt").read_text(encoding="utf-8")
    cut = text.replace("某某市环境监测中心               20.00",
                       "某某市环境监               20.00", 1)
    report = finreport.parse(cut)
    assert [t.name.text for t in report.form_totals if not t.grand][-1] == "某某市环境监"
    assert [f.code for f in finreport.check(report) if f.code == "FR612"] == []
    reasons = {c.reason for c in finreport.audit(report).checks if c.code == "FR612"}
    assert reasons == {"a unit's name is cut (某某市环境监): which projects are whose is not "
                       "certain"}
