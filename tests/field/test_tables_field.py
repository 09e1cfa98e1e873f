"""Every table the field prints is read, with its kind and its total row.

The expected tables are ``tables.tsv``, written from an independent extraction
(``pdftotext -layout`` and the rendered pages): each table's title, its kind, its total
row's name and first amount as printed."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

import pytest

import finreport

from .corpus import gold, parsed

ROWS = gold("tables")
BY_FILE: dict[str, list[dict[str, str]]] = defaultdict(list)
for _row in ROWS:
    BY_FILE[_row["id"]].append(_row)

#: The gold table's words for tables of no standard kind, as finreport names them (None:
#: a table finreport reads with no standard kind).
OTHER_KINDS: dict[str, str | None] = {
    "other:basic expenditure by unit": "basic_expenditure",
    "other:basic expenditure by unit and economic class": "basic_expenditure",
    "other:project expenditure with performance targets": "project_expenditure",
    "other:general budget project expenditure by economic class": "project_expenditure",
    "other:project expenditure": "project_expenditure",
    "other:performance targets": None,
    "other:project performance targets": None,
}

#: Total rows not read as printed, each with why: the amounts of these cells are run
#: together or wrapped by the PDF's text so that no reading of the line is certain.
#: The rules abstain on them (the table's rows give no total to compare).
UNREAD_TOTALS: dict[tuple[str, str], str] = {
    ("c012", "1"): "收入总计 and 支出总计 written side by side with the income half's "
                   "amount left blank: the names run together",
    ("c023", "2"): "the 合计 row's cells touch (3,324,258.76324,314.91)",
    ("c032", "12"): "the 合计 row's cells touch (959,352.54958,960.11)",
    ("c041", "13"): "the 合计 row's cells touch (8,940.2813,000.00)",
    ("c046", "5"): "the 合计 row's first two amounts wrap inside their cells over three "
                   "lines (370219.2 / , / 5)",
}

#: Documents whose tables are performance forms (read by finreport.forms, not here).
FORM_DOCUMENTS = {"c030"}


def _kind(word: str) -> str | None:
    return OTHER_KINDS[word] if word.startswith("other:") else word


def _first(row: finreport.TableRow | None) -> str:
    return "-" if row is None or not row.cells else str(row.cells[0].value)


def _number(written: str) -> str:
    return "-" if written == "-" else str(Decimal(written.replace(",", "")))


def test_the_gold_table_lists_the_tables_of_69_documents() -> None:
    assert len(ROWS) == 757
    assert len(BY_FILE) == 69


@pytest.mark.parametrize("name", sorted(set(BY_FILE) - FORM_DOCUMENTS))
def test_every_table_is_read_with_its_kind(name: str) -> None:
    report = parsed(name)
    assert isinstance(report, finreport.Report)
    assert [t.kind.value if t.kind else None for t in report.tables] == [
        _kind(row["kind"]) for row in BY_FILE[name]]


@pytest.mark.parametrize("name", sorted(set(BY_FILE) - FORM_DOCUMENTS))
def test_every_total_row_is_read_as_printed(name: str) -> None:
    report = parsed(name)
    assert isinstance(report, finreport.Report)
    for row, table in zip(BY_FILE[name], report.tables, strict=True):
        labels = [label.strip() for label in row["total_label"].split("|")]
        if labels == ["-"] or (name, row["seq"]) in UNREAD_TOTALS:
            continue
        written = [_number(first.strip()) for first in row["total_first"].split("|")]
        got = []
        for label in labels:
            wanted = label.replace("“", '"').replace("”", '"').rstrip("：:")
            total = next((r for r in table.rows if r.name.text.rstrip(":") == wanted), None)
            got.append(_first(total))
        assert got == written, (row["seq"], table.title.text)


def test_the_field_has_five_total_rows_no_reading_is_certain_of() -> None:
    assert len(UNREAD_TOTALS) == 5
    read = sum(1 for row in ROWS if row["total_label"] != "-" and row["id"] not in FORM_DOCUMENTS)
    assert read - len(UNREAD_TOTALS) == 705
