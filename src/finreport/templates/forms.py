"""The performance forms as the templates write them (绩效目标表, 绩效目标申报表, 绩效自评表):
their titles, the labels of their head (project, units, money, goal), the columns of their
indicator grid, the names of the indicator levels, the shapes of a target value, and the
grammar of an indicator written as one run of text
(``1－产出指标，11－数量指标，name；实施周期指标值：≥90%，年度指标值：≥90%``).

Cells are matched folded (``text.view.fold``: full-width forms half-width, no white space)
unless a comment says otherwise.  A province that writes its forms differently needs rows
here, not code in ``read/forms``.
"""

from __future__ import annotations

import re
from typing import Final

from ..model.forms import FormKind, FundColumn, FundSource, GridColumn
from ..model.numerals import NUMERALS

__all__ = [
    "AMOUNT_LABEL_START",
    "CELL_START",
    "DEPARTMENT_NAME_LABEL",
    "END_LABELS",
    "FORM_DOCUMENT_TITLE",
    "FORM_KINDS",
    "FORM_TITLE_END",
    "FORM_VALUE",
    "FORM_YEAR_LINE",
    "FUND_COLUMNS",
    "FUND_LABELS",
    "FUND_SUBPART",
    "GOAL_LABELS",
    "GOAL_LABEL_WORDS",
    "GRID_COLUMNS",
    "GRID_WORDS",
    "HEADER_FRAGMENTS",
    "HEADER_WEIGHT",
    "HEADING_MARK",
    "HEAD_LABEL_WORDS",
    "LEVEL1_OF_LEVEL2",
    "LEVEL1_WORDS",
    "LEVEL2_WORDS",
    "LEVEL_CODE",
    "MONEY_BLOCK",
    "NUMBERED_LINE",
    "ONE_CELL_HEADER",
    "OTHER_HEAD_LABELS",
    "OUTER_WORDS",
    "PERIOD_VALUE_LABEL",
    "PROJECT_LABELS",
    "REQUIRED_LEVELS",
    "TABLE_NAME_LABEL",
    "TABLE_WORD",
    "TITLE_AFFIXES",
    "TITLE_LAST",
    "TOTAL_ROW",
    "TOTAL_SCORE_ROW",
    "UNIT_LABELS",
    "VALUE_SHAPES",
    "YEAR_VALUE_LABEL",
    "YES_NO",
]


# -- titles ---------------------------------------------------------------------------------

#: The end of a form's title line: ``…项目绩效目标表``, ``…绩效目标申报表``,
#: ``…绩效自评表``, then perhaps a bracketed note (``（2026年度）``, ``（含转移支付项目）``).
FORM_TITLE_END: Final[re.Pattern[str]] = re.compile(
    r"绩效(?:目标(?:申报)?|自评|目标完成情况)表(?:\([^()]{0,16}\))?$")

#: The title of a document that is only forms, naming its department and year
#: (``某某局2026年项目支出绩效目标表``), in groups ``org`` and ``year``.
FORM_DOCUMENT_TITLE: Final[re.Pattern[str]] = re.compile(
    r"^(?P<org>[^\d。,，:;]{2,40}?)?(?P<year>(?:19|20)\d{2})年度?")

#: A line under a form's title that gives its year alone (``（2025年度）``), folded.
FORM_YEAR_LINE: Final[re.Pattern[str]] = re.compile(r"\(?(?P<year>(?:19|20)\d{2})年度?\)?")
#: How the last line of a title broken over lines ends: with the form's name (…表) or a
#: bracketed note after it.
TITLE_LAST: Final[re.Pattern[str]] = re.compile(r"表(?:\([^()]{0,16}\))?$")

#: The kind of a form, from its title; first match wins.
FORM_KINDS: Final[tuple[tuple[FormKind, re.Pattern[str]], ...]] = (
    (FormKind.DEPARTMENT_EVALUATION, re.compile(r"部门整体(?:支出)?绩效自评表")),
    (FormKind.PROJECT_EVALUATION, re.compile(r"绩效自评表")),
    (FormKind.DEPARTMENT_TARGETS, re.compile(r"部门整体(?:预算|支出)?绩效目标(?:申报)?表")),
    (FormKind.PROJECT_TARGETS, re.compile(r"绩效目标(?:申报)?表")),
)

#: What a title writes around the project's name: a unit's code and name in front
#: (``301007_某某分局_``), the form's name behind (``项目绩效目标表``, ``（2026年度）``).
TITLE_AFFIXES: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"^\d{3,}_?[^_]{2,30}(?:分局|局|办公室|委员会)_?"),
    re.compile(r"(?:项目)?(?:支出)?绩效(?:目标(?:申报)?|自评)表(?:\([^()]{0,16}\))?$"),
)

#: A line numbered as a heading (``1.项目支出绩效目标表``, ``（二）绩效目标表及说明``): it
#: names forms, it is not one's title.
NUMBERED_LINE: Final[re.Pattern[str]] = re.compile(
    rf"^(?:\d{{1,2}}[.、](?!\d)|\(?[{NUMERALS}]{{1,3}}[)、]|第[{NUMERALS}]{{1,3}}部分)")


# -- the head of a form -----------------------------------------------------------------------

#: The label of the project's name (``项目名称``, broken over lines as ``项目名`` / ``称``).
PROJECT_LABELS: Final[re.Pattern[str]] = re.compile(r"^项目(?:名称?)?[:]?$")
#: The labels of a form's head whole, in which a label broken over lines is found.
HEAD_LABEL_WORDS: Final[tuple[str, ...]] = (
    "项目名称", "主管部门及代码", "实施单位", "部门名称", "部门预算编码", "单位编码",
    "资金使用单位", "预算单位", "专项资金情况(万元)", "项目资金(万元)", "年度预算安排(万元)",
    "预算整体情况")
#: The label of the department's name (a department-wide form).
DEPARTMENT_NAME_LABEL: Final[re.Pattern[str]] = re.compile(r"^(?:部门|单位)名称[:]?")
#: Labels of the units: the supervising department and the implementing unit.
UNIT_LABELS: Final[re.Pattern[str]] = re.compile(
    r"^(?:主管部门(?:及代码?)?|实施单位|预算单位|资金使用单位)[:]?$")
#: Other labels of a form's head, whose value the reader does not keep.
OTHER_HEAD_LABELS: Final[re.Pattern[str]] = re.compile(r"^(?:部门预算编码|单位编码|预算编码)[:]?$")
#: Labels of the goal: ``年度目标``, ``总体目标``, ``项目实施期目标``, ``年度总体目标``.
GOAL_LABELS: Final[re.Pattern[str]] = re.compile(
    r"^(?:年度(?:总体)?(?:绩效)?目标|总体(?:绩效)?目标|(?:项目)?实施期(?:绩效)?目标|"
    r"绩效目标)[:]?$")

#: The goal's labels whole, in which a label broken over lines (``项目实施期`` / ``目标``,
#: or a character a line) is found.
GOAL_LABEL_WORDS: Final[tuple[str, ...]] = (
    "年度总体目标", "项目实施期目标", "总体绩效目标", "年度绩效目标", "年度目标", "总体目标",
    "预期目标", "实际完成情况", "实际完成目标")

#: The label of a form's money block, which may stand against the first money line's
#: label (``项目资金（万元）其中：当年财政拨款``).
MONEY_BLOCK: Final[re.Pattern[str]] = re.compile(
    r"^(?:项目资金|专项资金情况|年度预算安排|资金情况)(?:\(万元\))?")

#: The money of a form by its row label (``资金总额``, ``其中：财政拨款``, ``上年结转``);
#: first match wins.
FUND_LABELS: Final[tuple[tuple[FundSource, re.Pattern[str]], ...]] = (
    (FundSource.TOTAL, re.compile(r"^(?:年度)?资金总额[:]?$|^(?:总计|合计)[:]?$")),
    (FundSource.FISCAL, re.compile(r"^(?:其中[:]?)?(?:当年)?财政拨款(?:资金)?[:]?$")),
    (FundSource.SPECIAL_ACCOUNT, re.compile(r"^财政专户(?:拨款|管理资金)?[:]?$")),
    (FundSource.CARRIED_OVER, re.compile(r"^(?:其中[:]?)?上年结转(?:资金)?[:]?$")),
    (FundSource.OTHER, re.compile(r"^其[他它]资金[:]?$")),
    (FundSource.BASIC, re.compile(r"^基本支出[:]?$")),
    (FundSource.PROJECT, re.compile(r"^项目支出[:]?$")),
)

#: The columns of a self-evaluation's money (年初预算数 / 全年预算数 / 全年执行数 / 分值 /
#: 执行率 / 得分), by their heading.
_LETTERED: Final = r"(?:[(（][A-Z](?:/[A-Z])?[)）])?$"  # 全年预算数（A）, 执行率（B/A）
FUND_COLUMNS: Final[tuple[tuple[FundColumn, re.Pattern[str]], ...]] = (
    (FundColumn.INITIAL, re.compile(r"^年初预算数?" + _LETTERED)),
    (FundColumn.BUDGET, re.compile(r"^(?:全年|调整)预算数?" + _LETTERED)),
    (FundColumn.EXECUTED, re.compile(r"^(?:全年)?执行数" + _LETTERED + r"|^全年执行" + _LETTERED)),
    (FundColumn.WEIGHT, re.compile(r"^分值$")),
    (FundColumn.RATE, re.compile(r"^执行率" + _LETTERED)),
    (FundColumn.SCORE, re.compile(r"^得分$")),
)

#: A money line written as a part of the line above it (``其中：上年结转``).
FUND_SUBPART: Final[re.Pattern[str]] = re.compile(r"^\s*其中")

#: How a one-cell table's heading labels each amount column (a label may wrap over
#: lines: ``财政专`` / ``户拨款``): by its first characters.
AMOUNT_LABEL_START: Final[dict[FundSource, re.Pattern[str]]] = {
    FundSource.TOTAL: re.compile(r"^(?:总计|合计)"),
    FundSource.FISCAL: re.compile(r"^财政拨款"),
    FundSource.SPECIAL_ACCOUNT: re.compile(r"^财政专"),
    FundSource.OTHER: re.compile(r"^其[他它]资"),
}

#: Cells that end a form: its notes (``备注``, ``填报说明``).
END_LABELS: Final[re.Pattern[str]] = re.compile(r"^(?:备注|填报说明|注[:])")

#: The row of a self-evaluation that totals the scores (``总分``, ``合计``).
TOTAL_SCORE_ROW: Final[re.Pattern[str]] = re.compile(r"^(?:总分|合计|总计)$")


#: Words the heading of every indicator grid writes (one of them), and the word the
#: heading of a table of forms ends with: a text without them holds no form.  They all
#: end with :data:`HEADING_MARK`, the one word looked for in every text.
GRID_WORDS: Final[tuple[str, ...]] = ("三级指标", "二级指标")
TABLE_WORD: Final = "绩效指标"
HEADING_MARK: Final = "指标"


# -- the indicator grid ------------------------------------------------------------------------

#: The columns of the indicator grid by their heading; first match wins.
GRID_COLUMNS: Final[tuple[tuple[GridColumn, re.Pattern[str]], ...]] = (
    (GridColumn.LEVEL1, re.compile(r"^一级指标$")),
    (GridColumn.LEVEL2, re.compile(r"^二级指标$")),
    (GridColumn.NAME, re.compile(r"^三级指标$")),
    (GridColumn.PERIOD_TARGET, re.compile(r"^实施周期(?:指标值|目标值)(?:\([A-Z]\))?$")),
    (GridColumn.TARGET, re.compile(
        r"^(?:年度|预期|全年)?(?:指标值|目标值)(?:\([A-Z]\))?$|^年度指标$")),
    (GridColumn.ACTUAL, re.compile(
        r"^(?:全年)?实际(?:完成)?值(?:\([A-Z]\))?$|^实际完成(?:情况)?$")),
    (GridColumn.WEIGHT, re.compile(r"^分值(?:权重)?(?:\(\d+\))?$|^权重$")),
    (GridColumn.SCORE, re.compile(r"^得分$")),
    (GridColumn.REASON, re.compile(r"^偏差原因")),
    (GridColumn.REMARK, re.compile(r"^备注$")),
)

#: The labels of the grid's heading, by which a heading broken over lines is found
#: (``一级指`` / ``标``, ``分值`` / ``（90）``), apart by ``|``.
HEADER_FRAGMENTS: Final[str] = (
    "绩效目标指标|绩效指标|一级指标|二级指标|三级指标|实施周期指标值|年度指标值|指标值|目标值|"
    "实际完成值|分值权重|分值|权重|得分|偏差原因分析及改进措施|备注")

#: A total weight written in the grid's heading: ``分值（90）``, ``（90）``.
HEADER_WEIGHT: Final[re.Pattern[str]] = re.compile(r"\((\d{1,3})\)$")

#: The first-level names (一级指标).
LEVEL1_WORDS: Final[tuple[str, ...]] = (
    "产出指标", "效益指标", "满意度指标", "成本指标", "一般性支出情况")

#: The second-level names (二级指标) and the first level each belongs to.
LEVEL1_OF_LEVEL2: Final[dict[str, str]] = {
    "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标",
    "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
    "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标",
    "经济效益": "效益指标", "社会效益": "效益指标", "生态效益": "效益指标",
    "可持续影响": "效益指标", "服务对象满意度": "满意度指标",
    "一般性支出情况": "一般性支出情况",
}
#: The second-level names.
LEVEL2_WORDS: Final[tuple[str, ...]] = (*LEVEL1_OF_LEVEL2, "成本指标")

#: The label of the whole grid, written in a column of its own at its left
#: (``绩效目标指标``, ``绩效指标``).
OUTER_WORDS: Final[tuple[str, ...]] = ("绩效目标指标", "绩效指标")

#: The levels every project's indicators must reach (docs/rules.md, FR619).
REQUIRED_LEVELS: Final[tuple[str, ...]] = ("产出指标", "效益指标")

#: The shapes of a target or actual value cell, the whole cell: a bound and a number with
#: its unit (``≥90%``, ``≤2134.87万元``, ``400条以上``, ``每季度1次``), a date or deadline
#: (``2026年12月底前``, ``年底前完成``), yes or no, or the words a target is written in
#: (``明显改善``, ``持续提升``).
VALUE_SHAPES: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"^(?:每[年季月周日天次]度?)?(?:[≥≤<>=≧≦]|不(?:低于|少于|高于|超过|大于|小于)|"
               r"大于|小于|等于|达到|高于|低于)"),
    re.compile(r"^(?:每[年季月周日天次]度?)?\d+(?:\.\d+)?(?:[%‰℃]|[\u4e00-\u9fff]{1,3}"
               r"(?:/[\u4e00-\u9fff.]{1,4})?|[a-zA-Z㎡³²/]{1,8})?(?:\([\u4e00-\u9fff]{1,3}\))?"
               r"(?:以上|以下|以内|及以上|及以下|左右)?[%]{0,2}$"),
    re.compile(r"^\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末|中|初)?(?:前|之前|以前)?"
               r"(?:完成)?$"),
    re.compile(r"^(?:是|否|有|无|年底前完成|年内完成|按时完成|按期完成|及时|达标|合格|良好|优良|"
               r"明显改善|持续提升|有效提升|稳步提升|逐步提升|进一步提升|不断提升|持续改善|"
               r"有所提升|显著提升|稳定|长期|持续)$"),
)


#: A value cell's number and its unit as written, whatever the unit (``≥20TB``,
#: ``≥50万次``, ``≤2万元/TB``): the number in group ``value``, the unit in ``unit``.
FORM_VALUE: Final[re.Pattern[str]] = re.compile(
    r"^(?:每[年季月周日天次]度?)?(?:[≥≤<>=≧≦]|不(?:低于|少于|高于|超过|大于|小于)|大于|小于|等于|"
    r"达到|高于|低于)?(?P<value>\d+(?:\.\d+)?)(?P<unit>[^\d\s,，;；。]{1,8})?$")


# -- the one-cell form ------------------------------------------------------------------------

#: The heading line of a table of forms written one project a row, its indicators as one
#: run of text in the last column: ``项目名称 … 绩效目标 绩效指标``.
ONE_CELL_HEADER: Final[re.Pattern[str]] = re.compile(r"绩效目标.{0,80}绩效指标$")

#: The level codes that open an indicator in one-cell text: ``1－产出指标，11－数量指标，``
#: (the first level's code and name in groups ``code1``/``level1``, the second's in
#: ``code2``/``level2``), after the item's number (``2、``, ``1.``) when written.
LEVEL_CODE: Final[re.Pattern[str]] = re.compile(
    r"(?:(?P<number>\d{1,2})[、.])?(?P<code1>[1-5])-(?P<level1>[\u4e00-\u9fff]{2,6}?指标)"
    r"[,;，；]?(?:(?P<code2>[1-5]\d)-(?P<level2>[\u4e00-\u9fff]{2,9}?(?:指标)?)[,;，；])?")

#: The first indicator of a cell: number 1, then the level code (``1.1－产出指标``,
#: ``1、1-产出指标``), at the start of a line of the indicator column.
CELL_START: Final[re.Pattern[str]] = re.compile(r"^1[、.][1-5]-[\u4e00-\u9fff]{2,6}?指标")

#: The label of the target for the whole implementation period and of the year's target
#: (``实施周期指标值：``, ``年度指标值：``; some forms write ``》`` for the colon).
PERIOD_VALUE_LABEL: Final[re.Pattern[str]] = re.compile(r"实施周期指标值[:》]?")
YEAR_VALUE_LABEL: Final[re.Pattern[str]] = re.compile(r"年度指标值[:》]?")

#: The first label of a table of forms' heading (``项目名称（资金使用单位）``).
TABLE_NAME_LABEL: Final[re.Pattern[str]] = re.compile(r"^项目名称")

#: The first cell of the row of a table of forms that totals every project (``合计``).
TOTAL_ROW: Final[re.Pattern[str]] = re.compile(r"^(?:合计|总计)[:]?$")

#: The answers of a yes/no target or actual value.
YES_NO: Final[dict[str, bool]] = {"是": True, "否": False, "有": True, "无": False}
