"""Every file of the field is read or refused with a reason; every report's organization,
fiscal year, kind and coverage are those its first page states.

The expected values are ``identity.tsv``: written by reading each PDF's first page by hand
(the title however wrapped, a ``预算单位：`` line, the organization without the year and
kind words and without ``（本级）``/``（汇总）``, which is the coverage column)."""

from __future__ import annotations

import pytest

import finreport

from .corpus import gold, parsed

#: The report kinds the gold table's words stand for.
KINDS: dict[str, set[finreport.ReportKind]] = {
    "department_budget": {finreport.ReportKind.BUDGET, finreport.ReportKind.UNIVERSITY_BUDGET},
    "unit_budget": {finreport.ReportKind.UNIT_BUDGET},
    "department_final_accounts": {finreport.ReportKind.FINAL_ACCOUNTS,
                                  finreport.ReportKind.UNIVERSITY_FINAL_ACCOUNTS},
    "unit_final_accounts": {finreport.ReportKind.UNIT_FINAL_ACCOUNTS},
}
COVERAGE = {"-": None, "本级": finreport.Consolidation.OWN,
            "汇总": finreport.Consolidation.CONSOLIDATED}

ROWS = gold("identity")
REPORTS = [row for row in ROWS if row["document"] == "report"]
NOT_REPORTS = [row for row in ROWS if row["document"] == "not_report"]
FORMS = [row for row in ROWS if row["document"] == "performance_form"]


def test_the_gold_table_holds_every_file_of_the_field() -> None:
    assert len(ROWS) == 87
    assert (len(REPORTS), len(NOT_REPORTS), len(FORMS)) == (68, 16, 3)


@pytest.mark.parametrize("row", REPORTS, ids=lambda row: row["id"])
def test_a_report_is_identified_as_its_first_page_says(row: dict[str, str]) -> None:
    report = parsed(row["id"])
    assert isinstance(report, finreport.Report), report
    assert report.organization is not None
    assert report.organization.text == row["organization"]
    assert report.fiscal_year is not None and report.fiscal_year.value == int(row["fiscal_year"])
    assert report.kind in KINDS[row["kind"]]
    assert report.consolidation is COVERAGE[row["scope"]]


@pytest.mark.parametrize("row", NOT_REPORTS, ids=lambda row: row["id"])
def test_a_document_that_is_no_report_is_refused_saying_why(row: dict[str, str]) -> None:
    refused = parsed(row["id"])
    assert isinstance(refused, finreport.ReportError)
    assert "not a department budget or final-accounts report" in str(refused) or (
        "no text layer" in str(refused))


@pytest.mark.parametrize("row", FORMS, ids=lambda row: row["id"])
def test_a_document_of_performance_forms_is_read_as_one(row: dict[str, str]) -> None:
    document = parsed(row["id"])
    assert isinstance(document, finreport.Report), document
    assert document.kind is finreport.ReportKind.PERFORMANCE_FORM
    assert document.organization is not None
    assert document.organization.text == row["organization"]
    # the year where the title prints it; a title without one (c087's year is only in
    # the file's name) gives none rather than a guess
    if row["fiscal_year"] in row["title"]:
        assert document.fiscal_year is not None
        assert document.fiscal_year.value == int(row["fiscal_year"])
    else:
        assert document.fiscal_year is None
    assert document.performance_forms
