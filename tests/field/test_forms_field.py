"""Every performance form of the field (``../shared/corpus``) is read: per file, the
forms, projects and indicators read equal an independent count made by hand for issue 21
(``tests/field/forms-summary.tsv``), and per form its total and its number of indicators
(``tests/field/forms.tsv``).  Every error the forms' rules give over the field and the
reference reports is listed here, verified by hand (there is none); the warnings are too.

The hand count read each PDF with pdfplumber's tables and the rendered pages, not with
finreport; finreport reads the text ``finreport.pdf.extract_text`` gives.  Skipped, saying
why, where the corpus or the pdf extra is absent.
"""

from __future__ import annotations

import csv
import functools
from collections import defaultdict
from pathlib import Path

import pytest

import finreport

from ..conftest import ROOT, corpus_dir

HERE = Path(__file__).resolve().parent
CORPUS = ROOT.parent / "shared" / "corpus"


def _rows(name: str) -> list[dict[str, str]]:
    with (HERE / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


SUMMARY = {row["id"]: row for row in _rows("forms-summary.tsv")}
FORMS: dict[str, list[dict[str, str]]] = defaultdict(list)
for _row in _rows("forms.tsv"):
    FORMS[_row["id"]].append(_row)


@functools.cache
def _report(file_id: str) -> finreport.Report | None:
    path = CORPUS / f"{file_id}.pdf"
    if not path.is_file():
        pytest.skip(f"the field is not here: {path} not found (../shared/corpus)")
    pytest.importorskip("pypdfium2", reason="reading the field's PDFs needs the pdf extra")
    from finreport.pdf import extract_text

    try:
        return finreport.parse(extract_text(path.read_bytes()))
    except finreport.ReportError:
        return None


def _projects(report: finreport.Report) -> int:
    """Project forms, a form printed twice counted once (the same unit, name, money and
    indicators)."""
    seen = set()
    for form in report.performance_forms:
        if form.kind not in (finreport.FormKind.PROJECT_TARGETS,
                             finreport.FormKind.PROJECT_EVALUATION):
            continue
        seen.add((form.unit.text if form.unit else None, form.name.text if form.name else None,
                  tuple((f.source, f.planned.value if f.planned else None) for f in form.funds),
                  tuple((i.level3.text if i.level3 else None, i.target.text.text)
                        for i in form.indicators)))
    return len(seen)


@pytest.mark.parametrize("file_id", sorted(SUMMARY))
def test_every_form_of_the_field_is_read(file_id: str) -> None:
    report = _report(file_id)
    want = SUMMARY[file_id]
    forms = report.performance_forms if report is not None else ()
    got = (len(forms), _projects(report) if report is not None else 0,
           sum(len(f.indicators) for f in forms))
    assert got == (int(want["forms"]), int(want["projects"]), int(want["indicators"])), (
        want["note"][:200])
    # form by form: its total (when it writes one) and its number of indicators
    totals = []
    for form in forms:
        total = form.fund(finreport.FundSource.TOTAL)
        totals.append((str(total.planned.value) if total and total.planned else "-",
                       len(form.indicators)))
    assert totals == [(row["total"].replace(",", ""), int(row["indicators"]))
                      for row in FORMS[file_id]]


#: Warnings of the forms' rules over the field, each checked against the hand count:
#: FR620, a project without 效益指标 (forms.tsv: these forms' levels lack it).
_WARNINGS = {
    "c030": [("FR620", "信息化管理服务支撑及数字环保标准规范体系研究项目"),
             ("FR620", "广州市生态环境专业职称评审和初次职称考核认定工作项目"),
             ("FR620", "越秀分局办公场地维护维修经费"), ("FR620", "大气污染防治专项经费"),
             ("FR620", "其他运行经费"), ("FR620", "其他运行经费"),
             ("FR620", "区财政安排经费项目"), ("FR620", "黄埔区生态环境源头预防体系技术服务项目"),
             ("FR620", "技术评审服务项目"), ("FR620", "环评与排放管理工作经费"),
             ("FR620", "大气污染防治专项经费"), ("FR620", "南沙分局宣传项目"),
             ("FR620", "广州市生态环境局增城分局信息系统XC改造及功能升级项目")],
    "c087": [("FR620", "数字广州宣传经费"), ("FR620", "GZIT2022-SM-W-C-051103"),
             ("FR620", "运营中心2025年SM信息化运维项"), ("FR620", "运营中心2026年SM信息化运维项")],
}
_FORM_RULES = tuple(f"FR{n}" for n in range(611, 622))


@pytest.mark.parametrize("file_id", sorted(SUMMARY))
def test_the_forms_rules_over_the_field(file_id: str) -> None:
    """No error: the hand count found every form's sources adding up to its total, every
    unit's projects to the unit's row and the units to the 合计 within rounding (c030's
    unit rows differ from their projects' sum by 0.01–0.02, c087's by 0.01: the rounding
    of ten to thirty amounts of two decimals), and c049's indicator weights adding to the
    90 its headings state.  The warnings are the forms without 效益指标."""
    report = _report(file_id)
    if report is None:
        return
    found = [f for f in finreport.check(report, select=list(_FORM_RULES))]
    assert [f for f in found if f.severity is finreport.Severity.ERROR] == []
    names = [(f.code, f.message.split("”")[0].lstrip("“")) for f in found]
    assert names == _WARNINGS.get(file_id, [])


def test_the_forms_rules_over_the_reference_reports() -> None:
    where = corpus_dir()
    if where is None:
        pytest.skip("the reference reports are not here (../shared/reference)")
    for path in sorted(where.rglob("*.txt")):
        report = finreport.parse(path.read_text(encoding="utf-8"))
        assert report.performance_forms == ()
        assert finreport.check(report, select=list(_FORM_RULES)) == []


def _others() -> list[str]:
    index = CORPUS / "INDEX.tsv"
    if not index.is_file():
        return []
    with index.open(encoding="utf-8") as handle:
        ids = [row["id"] for row in csv.DictReader(handle, delimiter="\t")]
    return [i for i in ids if i not in SUMMARY]


@pytest.mark.parametrize("file_id", _others())
def test_the_other_documents_hold_no_form(file_id: str) -> None:
    """The files the hand count leaves out are not reports (circulars, gazettes,
    statistics the crawler saved under the same links): none holds a form, and none is
    read as one."""
    report = _report(file_id)
    assert report is None or report.performance_forms == ()
