"""How a report names itself: the organization, the fiscal year and the kind, as the
title lines and other places write them."""

from __future__ import annotations

import re
from typing import Final

from ..model.numerals import NUMERALS

__all__ = [
    "CHINESE_DIGITS",
    "CHINESE_YEAR",
    "CONSOLIDATION_WORDS",
    "DATE_LINE",
    "GENERIC_ORG",
    "NOTICE_WORDS",
    "ORGANIZATION_PATTERNS",
    "TABLE_TITLE_END",
    "TITLE_END",
    "TITLE_KIND",
    "TITLE_YEAR",
    "UNIT_LINE",
    "UNIVERSITY",
    "WHOLE_LEVEL",
    "YEAR_KIND",
]




UNIVERSITY = re.compile(r"大学|学院|高等学校|学校")


#: Where the organization's name stands, tried in order on the given part of the text.
ORGANIZATION_PATTERNS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    # (关于)…2026年部门预算(的说明): 关于 opens the title, never the name
    ("title", re.compile(r"^(?:关于)?(?P<org>[^\d。,，:]{2,40}?)(?P<year>\d{4})年度?(?:部门|单位)?"
                         r"(?:决算|预算)")),
    ("title", re.compile(r"^(?P<org>[^\d。,，:]{2,40}?"
                         r"(?:局|委|办|院|会|中心|厅|部|处|所|馆|站|队))$")),
    # 2018年度江苏省高级人民法院预算公开: the year first
    ("title", re.compile(r"^(?:关于)?(?P<year>\d{4})年度?(?P<org>[^\d。,，:]{2,40}?)(?:部门|单位)?"
                         r"(?:决算|预算)")),
    ("institutions", re.compile(r"(?P<org>[^\d。,，:;]{2,40}?)下属(?:二级)?(?:预算)?单位")),
    ("body", re.compile(r"纳入(?P<org>[^\d。,，:;]{2,40}?)\d{4}年度?(?:部门)?"
                        r"(?:决算|预算)编制范围")),
    ("overview", re.compile(r"^(?P<org>[^\d。,，:;]{2,40}?)(?:部门|单位)?概况$")),
    ("annex", re.compile(r"^(?P<org>[^\d。,，:;]{2,40}?)\d{4}年度?部门整体支出绩效评价报告")),
)


GENERIC_ORG = re.compile(r"^(?:部门|单位|本部门|本单位)$")


YEAR_KIND = re.compile(r"(?P<year>(?:19|20)\d{2})年度?(?:部门|单位)?(?P<kind>决算|预算)")


#: The words of a title that say what kind of report it is: the level (部门 a department,
#: 单位 one unit), an edition word (综合), the stage (预算 budget, 决算 final accounts) and
#: the words that may follow (公开, 信息公开, 说明, 报告): ``部门预算公开``, ``单位预算``,
#: ``部门综合预算``, ``预算公开``.
TITLE_KIND: Final[re.Pattern[str]] = re.compile(
    r"(?P<level>部门|单位)?(?:综合)?(?P<stage>预算|决算)(?:信息)?(?:公开)?(?:说明|报告)?")

#: The fiscal year in a title: ``2026年度``, ``2026年``.
TITLE_YEAR: Final[re.Pattern[str]] = re.compile(r"(?P<year>(?:19|20)\d{2})年度?")

#: A year written in Chinese numerals (``二〇二五年``): group ``year``, one numeral a digit.
CHINESE_YEAR: Final[re.Pattern[str]] = re.compile(r"(?P<year>[〇○零一二][〇○零一二三四五六七八九]{3})年")
#: The digit each numeral of :data:`CHINESE_YEAR` writes.
CHINESE_DIGITS: Final = str.maketrans("〇○零一二三四五六七八九", "000123456789")

#: A level that is a government's, not an organization's: ``上海市2026年市级单位预算`` names
#: the city's budget units as a whole; the unit is named on the 预算单位 line.
WHOLE_LEVEL: Final[re.Pattern[str]] = re.compile(r"^(?:市级|区级|县级|省级|本级)$")

#: The line that names the unit a report is for: ``预算单位：上海市审计局``.
UNIT_LINE: Final[re.Pattern[str]] = re.compile(
    r"(?:预算|决算|编制|填报)?单位(?:名称)?[:：](?P<org>[^\d:：,，。;；]{2,40})")

#: What the title says the report covers, after the organization: ``（本级）``, ``（汇总）``.
CONSOLIDATION_WORDS: Final[re.Pattern[str]] = re.compile(r"\((?P<word>本级|汇总)\)$")

#: A line of the cover that is a date, not part of the title: ``二〇二六年三月``,
#: ``2024年8月``, ``2018年2月24日``.
_DATE_DIGIT = f"[〇○零{NUMERALS}\\d]"
DATE_LINE: Final[re.Pattern[str]] = re.compile(
    rf"^(?:{_DATE_DIGIT}{{4}})年{_DATE_DIGIT}{{1,3}}月(?:{_DATE_DIGIT}{{1,3}}日)?$")

#: How the title of a table or form ends (``…项目支出绩效自评表``): the title is complete,
#: and the lines after it are the table's, not the title's.
TABLE_TITLE_END: Final[re.Pattern[str]] = re.compile(r"表$")

#: How a title line ends when the title goes on past the kind words (``…部门预算公开``).
TITLE_END: Final[re.Pattern[str]] = re.compile(r"(?:公开|说明|报告)$")

#: Words of a title that make it an official document about reports, not a report
#: (``关于做好2026年部门预算公开工作的通知``).
NOTICE_WORDS: Final[re.Pattern[str]] = re.compile(r"通知|通报|公告|意见|办法|规定|决定|批复")
