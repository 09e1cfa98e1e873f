"""The performance forms in every output: ``show``, JSON, the HTML page, and the batch
results the Parquet tables are made of."""

from __future__ import annotations

import json

import pytest

import finreport
from finreport.batch import CheckOptions, audit_file
from finreport.output.text import render_report

from ..conftest import FIXTURES

FORMS = FIXTURES / "performance_forms"


def _text(name: str) -> str:
    return (FORMS / name).read_text(encoding="utf-8")


def test_show_lists_the_forms() -> None:
    shown = render_report(finreport.parse(_text("evaluation_columns.txt")))
    assert shown.splitlines()[0] == "某某市文化局  2025  绩效表"
    assert "== 绩效表 ==" in shown
    assert "  [项目支出绩效自评表] 文化惠民演出补助（某某市文化馆）" in shown
    assert ("    资金总额 120.00 / 118.00 / 112.10；财政拨款 100.00 / 98.00 / 94.10；"
            "上年结转 0.00 / 0.00 / 0.00；其他资金 20.00 / 20.00 / 18.00") in shown
    assert "    执行率 95.0%，分值 10分，得分 9.5分" in shown
    row = next(line for line in shown.splitlines() if "惠及群众人次" in line)
    assert row.split() == ["效益指标", "社会效益指标", "惠及群众人次", "≥20000人次", "18500人次",
                           "20分", "18.5分", "未达成"]
    english = render_report(finreport.parse(_text("targets_one_cell.txt")), locale="en")
    assert "== Performance forms ==" in english
    assert "  [project targets] 环境执法专项经费 (某某市生态环境局)" in english


def test_show_of_a_report_without_forms_is_unchanged() -> None:
    report = finreport.parse("2020年度某某局部门决算\n第二部分 2020年度部门决算情况说明\n"
                             "一、收入支出决算总体情况说明\n2020年度收入、支出总计均为100.00万元。\n")
    assert "绩效表" not in render_report(report)


def test_json_carries_the_forms() -> None:
    data = json.loads(finreport.to_json(finreport.parse(_text("targets_one_cell.txt"))))
    assert data["kind"] == "performance_form"
    form = data["performance_forms"][1]
    assert (form["kind"], form["layout"], form["name"]["text"]) == (
        "project_targets", "one_cell", "环境执法专项经费")
    assert form["funds"][0]["planned"]["value"] == "75.50"
    assert form["indicators"][3]["target"]["answer"] is True
    assert [t["name"]["text"] for t in data["form_totals"]] == ["合计", "某某市生态环境局",
                                                                 "某某市环境监测中心"]
    schema = finreport.json_schema(finreport.Report)
    assert "performance_forms" in schema["$defs"]["Report"]["properties"]


def test_the_audit_page_names_the_forms_figures() -> None:
    page = finreport.to_html(_text("evaluation_flawed.txt"))
    # each figure's label, then the rules that verified it where one did
    assert "title='文化惠民演出补助 · 年度资金总额 · 执行数\n已核对: FR611'" in page
    assert "title='文化惠民演出补助 · 惠及群众人次.score" in page
    assert "FR613" in page and "绩效表" in page


@pytest.mark.parametrize(("name", "forms", "indicators"), [
    ("evaluation_columns.txt", 2, 10), ("targets_one_cell.txt", 3, 11),
    ("targets_columns.txt", 2, 11)])
def test_batch_results_count_the_forms(name: str, forms: int, indicators: int) -> None:
    result = audit_file(str(FORMS / name), CheckOptions())
    assert (result.kind, result.forms, result.indicators) == (
        finreport.parse(_text(name)).kind.value, forms, indicators)


def test_the_parquet_summary_has_the_forms_columns() -> None:
    pytest.importorskip("pandas", reason="the dask extra is not installed")
    from finreport.dask import SUMMARY_COLUMNS, _rows

    result = audit_file(str(FORMS / "evaluation_flawed.txt"), CheckOptions())
    summary, findings = _rows(result)
    assert list(summary) == list(SUMMARY_COLUMNS)
    assert (summary["forms"], summary["indicators"]) == (2, 10)
    assert {row["code"] for row in findings} >= {"FR613", "FR614", "FR615", "FR616", "FR617",
                                                  "FR618"}
