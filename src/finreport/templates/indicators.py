"""The performance forms as the templates write them: the titles of the forms
(项目绩效目标完成情况表, 绩效自评表), the words by which a target bounds its value, the
dates and the units of the values written in their cells, and the counts of people a goal
states.

Cells are matched folded (``text.view.fold``) unless a comment says otherwise.
"""

from __future__ import annotations

import re
from typing import Final

from ..model.indicators import Comparator

__all__ = ["AMOUNT_CELL", "BRACKETED_LINE", "COMPARATORS", "DEADLINE_WORDS", "FORM_TITLE",
           "PERSON_COUNT", "PROPORTION_NAME", "TARGET_DATE", "TARGET_VALUE"]


#: Words that say how a target bounds its value (``≥6户``, ``不低于95%``, ``2020年12月
#: 前``); first match wins.
COMPARATORS: Final[tuple[tuple[Comparator, re.Pattern[str]], ...]] = (
    (Comparator.GE, re.compile(r"≥|≧|>=|不低于|不少于|不小于|至少|达到|以上")),
    (Comparator.LE, re.compile(r"≤|≦|<=|不高于|不超过|不多于|不大于|以内|以下|之前|以前|前")),
    (Comparator.GT, re.compile(r">|大于|高于|超过|多于")),
    (Comparator.LT, re.compile(r"<|小于|低于|少于")),
    (Comparator.EQ, re.compile(r"=|等于")),
)

#: A target given as a date: ``2020年12月底``, ``2021年6月30日``; year, month, day and the
#: word that bounds it (底, 末, 前 …) in groups 1 to 4.
TARGET_DATE: Final[re.Pattern[str]] = re.compile(r"(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?(底|末|前|中|初)?")
#: The words of :data:`TARGET_DATE` (group 4) that make the date a deadline: ``12月底``.
DEADLINE_WORDS: Final[frozenset[str]] = frozenset({"底", "末", "前"})

#: A target's value and its unit (``6户``, ``95%``, ``19.7万元``, ``3台(套)``): the value in
#: group 1, the unit, when written, in group 2; never a year (``2020年``).
TARGET_VALUE: Final[re.Pattern[str]] = re.compile(
    r"(?<![\d.])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!年)"
    r"(万元|亿元|元|%|人次|人|户|批次|辆|台\(套\)|台|套|个|次|名|家|场次|场|项|件|所|天|分|公里)?"
)

#: The title of a project's performance form: ``项目绩效目标完成情况表``, ``…绩效自评表``.
FORM_TITLE: Final[re.Pattern[str]] = re.compile(r"绩效目标完成情况表|绩效自评表|绩效目标表")

#: An amount cell of a form, the whole cell: ``19.70``, ``19.70万元`` (the unit in group 2).
AMOUNT_CELL: Final[re.Pattern[str]] = re.compile(
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(万元|元|亿元)?")

#: A line of a form holding only a note in brackets, as written (``（单位：万元）``): the
#: form goes on after it.
BRACKETED_LINE: Final[re.Pattern[str]] = re.compile(r"\s*[(（][^)）]{0,20}[)）]\s*")

#: A count of people or households in a goal's words: ``帮扶困难职工107人``, ``6户``.
PERSON_COUNT: Final[re.Pattern[str]] = re.compile(r"(\d+)(人次|人|户)")

#: Names of indicators that measure a share of a whole, never above 100%: 满意度, 合格率,
#: 覆盖率, 及时率 … (not 完成率, 执行率, 增长率 or 成本控制率, which may pass 100%).
PROPORTION_NAME: Final[re.Pattern[str]] = re.compile(
    r"(?:满意度|满意率|合格率|达标率|覆盖率|知晓率|完好率|办结率|及时率|正确率|准确率|参保率|"
    r"到位率|通过率|合规率|优良率|出勤率|覆盖面)$")
