"""The tables part (决算表/预算表) as the templates write it: the standard tables' titles,
as rows; how a title ends and is numbered; the unit line and a printed number (a cell);
the header words of the amount columns; the names of rows a rule must know.

Title, unit and cell patterns serve the table reader (``read.tables``); header and row
patterns the table rules (``checks.tables``, ``checks.table_figures``).  Titles, headers
and row names are matched folded (``text.view.fold``) unless their comment says otherwise.
"""

from __future__ import annotations

import re
from typing import Final

from ..model.tables import TableKind
from .layout import UNIT_WORDS
from .numbering import compiled, marker

__all__ = [
    "BUDGET_COLUMN",
    "BY_FUND_ROW",
    "CARRY_OVER_COLUMN",
    "CELL",
    "CLASS_ROWS_END",
    "COLUMN_NUMBERS",
    "COLUMN_UNIT",
    "COVERAGE_MARK",
    "FIGURE_UNIT",
    "FINAL_ACCOUNTS_TITLE",
    "INCOME_LABEL",
    "INCOME_LABEL_END",
    "KEY_PROJECT_AMOUNT",
    "KEY_PROJECT_HEADER",
    "LEADING_NUMBER",
    "LINE_NUMBER_COLUMN",
    "NAME_YEAR",
    "NUMBERED_CLASS_ROW",
    "NUMBERED_SOURCE_ROW",
    "NUMBER_BEFORE_UNIT",
    "NUMBER_GOES_ON",
    "NUMBER_IN_TITLE",
    "OF_WHICH_ROW",
    "OTHER_COLUMNS",
    "PLACED_TITLE_END",
    "PRINTED_NUMBER",
    "PROJECT_ROWS_TITLE",
    "TABLE_TITLES",
    "TABLE_TITLE_YEAR",
    "THREE_PUBLIC_COLUMN_WORDS",
    "THREE_PUBLIC_HEADER",
    "TITLE_END",
    "UNIT",
]


#: Standard table titles, first match wins (the more specific first).  A title is a
#: short line ending in 决算表/预算表 (or 总表) that one of these patterns matches.
TABLE_TITLES: Final[tuple[tuple[TableKind | None, re.Pattern[str]], ...]] = (
    # a table of performance targets (项目支出绩效表, 绩效目标表) is no standard table
    (None, re.compile(r"绩效")),
    (TableKind.THREE_PUBLIC, re.compile(r'三公"?经费')),
    (TableKind.GOVERNMENT_FUND, re.compile(r"政府性基金")),
    (TableKind.STATE_CAPITAL, re.compile(r"国有资本经营")),
    (TableKind.OPERATING_COSTS, re.compile(r"机关运行经费")),
    (TableKind.PROCUREMENT, re.compile(r"政府采购")),
    (TableKind.PROJECT_EXPENDITURE, re.compile(r"项目支出")),
    (TableKind.FISCAL_SUMMARY,
     re.compile(r"财政拨款收(?:入)?支(?:出)?(?:决算|预算)?(?:总|总体情况)表")),
    (TableKind.GENERAL_BUDGET_BASIC, re.compile(r"一般公共预算.*基本支出")),
    (TableKind.GENERAL_BUDGET, re.compile(r"一般公共预算.*支出")),
    (TableKind.FISCAL_BASIC, re.compile(r"财政拨款.*基本支出")),
    (TableKind.BASIC_EXPENDITURE, re.compile(r"基本支出")),
    (TableKind.FISCAL_EXPENDITURE, re.compile(r"财政拨款.*支出")),
    (TableKind.SUMMARY, re.compile(r"收(?:入)?支(?:出)?(?:决算|预算)?(?:总|总体情况)表")),
    (TableKind.INCOME, re.compile(r"收入(?:决算|预算|总表|总体情况表)")),
    (TableKind.EXPENDITURE, re.compile(r"支出(?:决算|预算|总表|总体情况表)")),
)


#: How the title of a table found by its place (its unit line follows) ends, folded:
#: ``…经济分类情况表``, ``财政拨款支出表(功能科目)``.
PLACED_TITLE_END: Final[re.Pattern[str]] = re.compile(r"表(?:\([^()]{1,12}\))?$")

#: How a table's title ends: ``…决算表``, ``…预算总表``, ``总表``, with a note in brackets
#: (``…支出决算表（公开08表）``, ``…（按功能分类）``).
TITLE_END: Final[re.Pattern[str]] = re.compile(
    r"(?:(?:决算|预算)(?:总)?表|总表)(?:\((?:公开\d+表|[^()]{1,8}科目|[^()]{1,8}分类)\))?$")

#: The number a table's title or a row's name starts with: ``一、收入支出决算总表``,
#: ``2.收入决算表``, ``一、一般公共服务支出``.
LEADING_NUMBER: Final[re.Pattern[str]] = compiled("chinese", "arabic")

#: The number a table has printed in its title: ``…决算表（公开01表）``, ``表3 …``.
PRINTED_NUMBER: Final[re.Pattern[str]] = re.compile(r"\(?(?:公开|部门)?\d{1,2}表\)?$|^表\d{1,2}")

#: A table's printed number or a year inside its title line as written (``公开 10 表``,
#: ``表 3``, ``2017 年``): no cell.
NUMBER_IN_TITLE: Final[re.Pattern[str]] = re.compile(
    r"(?:公开|部门)?[ \t]*\d{1,2}[ \t]*表|表[ \t]*\d{1,2}|\d{4}[ \t]*年")

#: A table's unit line as written (``单位：万元``, ``单位: 元``), the unit in group 1.
UNIT: Final[re.Pattern[str]] = re.compile(rf"单位[:：]\s*({UNIT_WORDS})")
#: A unit written in brackets after a column's name (``预算数（万元）``).
COLUMN_UNIT: Final[re.Pattern[str]] = re.compile(rf"[(（]\s*({UNIT_WORDS})\s*[)）]")

#: A number standing alone between white space on a table's line (a cell): ``33,172.15``,
#: ``-0.5``; never with a leading zero (``06``, ``01`` are the 款 and 项 of a code written
#: in columns), never a date's number (``2018 年``; a number with a decimal point or a
#: thousands comma is no date's: ``4,023.45   年终结转结余`` is a cell before a name, and
#: so is a whole number before a name that starts with 年终, 年末 or 年初: ``70   年终…``;
#: it may touch the name of the other half's row: ``19,904.01结转结余下年``).  A
#: separator put one group too far left (``128138,600``) still groups thousands.
CELL: Final[re.Pattern[str]] = re.compile(
    # a digit or a minus first: every other position fails before the lookbehind is tried
    r"(?=[-\d])(?<!\S)-?(?:(?:[1-9]\d{0,5}(?:,\d{3})+(?:\.\d+)?|(?:0|[1-9]\d*)\.\d+)"
    r"(?=[\s\u4e00-\u9fff]|$)|(?:0|[1-9]\d*)(?![ \t]{0,3}[年月日](?![终末初]))(?!\S))")

#: A unit written in a table's or a form's text (``%``, ``万元``): where an amount or a
#: percentage may be written with its unit (``正常运行率（99%）``, ``-60.86%``).
FIGURE_UNIT: Final[re.Pattern[str]] = re.compile(r"万元|亿元|元|%|％")
#: The number written right before such a unit (searched in a short window before it):
#: no digit, point or comma before it, white space allowed before the unit.
NUMBER_BEFORE_UNIT: Final[re.Pattern[str]] = re.compile(
    r"(?<![\d.,])-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?=\s*\Z)")

#: The header line that numbers the columns, as written: ``栏次  1  2  3``.
COLUMN_NUMBERS: Final[re.Pattern[str]] = re.compile(r"\s*栏\s*次")

#: A header's budget column (in final accounts no actual amount): ``年初预算``, ``预算数``.
BUDGET_COLUMN: Final[re.Pattern[str]] = re.compile(r"预算数|年初预算|调整预算|全年预算")
#: A header's column of line numbers: ``行次``.
LINE_NUMBER_COLUMN: Final[re.Pattern[str]] = re.compile(r"行次")
#: A header's carry-over column: ``年初结转和结余``, ``结余分配``.
CARRY_OVER_COLUMN: Final[re.Pattern[str]] = re.compile(r"结转|结余")

#: A year a table's title names (``2024年度部门决算收支总表``), folded.
TABLE_TITLE_YEAR: Final[re.Pattern[str]] = re.compile(r"(?P<year>(?:19|20)\d{2})年")
#: A table title of final accounts (``…部门决算收支总表``; not ``预决算``), folded.
FINAL_ACCOUNTS_TITLE: Final[re.Pattern[str]] = re.compile(r"(?<!预)决算")
#: A row that ends a table's classification rows: a total, the carry-over below them, or
#: a spending of another kind a summary table lists after its classes (上缴上级支出).
CLASS_ROWS_END: Final[re.Pattern[str]] = re.compile(
    r"合计|总计|小计|结转|结余|对附属单位补助支出|上缴上级支出|事业单位经营支出|^基本支出|^项目支出")
#: Where a summary table's income label ends when its line's halves ran together
#: (``六、附属单位上缴收入教育支出``).
INCOME_LABEL_END: Final[re.Pattern[str]] = re.compile(r"收入|资金|预算")
#: A label of a summary table's income half (or its totals).
INCOME_LABEL: Final[re.Pattern[str]] = re.compile(r"收入|资金|预算|拨款|结转|结余|合计|总计")

#: The coverage a table's title marks (``收支预算总表（本级）``), folded.
COVERAGE_MARK: Final[re.Pattern[str]] = re.compile(r"\((?P<word>本级|汇总)\)")
#: Header words of amount columns that are no part of the total (or a total before it):
#: ``结转和结余``, ``小计``, ``预算数``, ``本年收入`` (but ``本年收入合计``).
OTHER_COLUMNS: Final[re.Pattern[str]] = re.compile(
    r"结转|结余|小计|预算数|决算数|年初|全年|其中|行次|栏次|本年收入(?!合计)")

#: A row of a carry-over's breakdown by fund: ``一、一般公共预算财政拨款``.
BY_FUND_ROW: Final[re.Pattern[str]] = re.compile(
    "^" + marker("chinese") + r".{0,12}(?:财政拨款|预算)")
#: A source of income listed above this year's total: ``一、一般公共预算财政拨款收入``.
NUMBERED_SOURCE_ROW: Final[re.Pattern[str]] = re.compile("^" + marker("chinese") + r"[^、]*收入$")
#: A class of spending listed above this year's total: ``八、社会保障和就业支出`` (and the
#: one class named otherwise, ``预备费``).
NUMBERED_CLASS_ROW: Final[re.Pattern[str]] = re.compile(
    "^" + marker("chinese") + r"(?:[^、]*支出|预备费)$")
#: A row that is a part of the row above: ``其中：…``.
OF_WHICH_ROW: Final[re.Pattern[str]] = re.compile(r"^其中")


#: The header of a table of the three public expenses, its columns in their usual order:
#: 合计, 因公出国（境）费, 公务用车购置及运行费 (perhaps with its 小计, 购置费 and 运行费
#: under it), 公务接待费.  ``vehicles`` is set when the vehicles' own three columns follow.
THREE_PUBLIC_HEADER: Final[re.Pattern[str]] = re.compile(
    r"^合计因公出国\(境\)费(?:用)?公务用车购置及运行(?:维护)?费公务接待费"
    r"(?P<vehicles>小计公务用车购置费公务用车运行(?:维护)?费)?$")



#: The word a header of a table of the three public expenses names each expense's column
#: by (its lines run together as the text layer gives them): a table whose one row of
#: amounts lies under a header naming an expense states that expense in one of its cells.
THREE_PUBLIC_COLUMN_WORDS: Final[dict[str, str]] = {
    "total": "合计", "overseas": "出国", "vehicles": "公务用车", "vehicle_purchase": "购置",
    "vehicle_operation": "运行", "reception": "接待", "meetings": "会议", "training": "培训"}


#: The header of a narrative's table of key projects (重点项目预算绩效目标情况): ``项目
#: 预算数（单位：万元） 绩效目标``, matched on the line as written (its cells apart by
#: white space).
KEY_PROJECT_HEADER: Final[re.Pattern[str]] = re.compile(
    r"^[ \t\f]*项目(?:名称)?[ \t]{2,}(?:\S+[ \t]+)?预算(?:数|金额)[^\n]{0,30}?[ \t]{2,}"
    r"(?:项目)?绩效目标[ \t]*$", re.M)
#: A key project's amount at the end of the cell of its line (``750``, ``7672.25``,
#: ``1,420.04``), the whole cell or written on to its name (``…支持资金28,000.00``).
KEY_PROJECT_AMOUNT: Final[re.Pattern[str]] = re.compile(
    r"(?<![\d,.])(?:[1-9]\d{0,2}(?:,\d{3})+|0|[1-9]\d{0,8})(?:\.\d{1,2})?$")
#: What a line begins with that goes on with the number the line before ends with (its
#: unit: ``…每公里成本不超过8000`` / ``元；…``), as a goal's text wraps.
NUMBER_GOES_ON: Final[re.Pattern[str]] = re.compile(r"[年月日元万亿个人次家项%％.]")
#: A year a project's name may begin with in one table and not in another
#: (``2026年技工学校实训设备购置项目``).
NAME_YEAR: Final[re.Pattern[str]] = re.compile(r"^(?:19|20)\d{2}年度?")
#: The title of a table whose rows are projects (and the units above them), not the
#: classes of a classification: a project table titled so that no 科目 is named.
PROJECT_ROWS_TITLE: Final[re.Pattern[str]] = re.compile(r"项目支出(?!.*(?:分类|科目))")
