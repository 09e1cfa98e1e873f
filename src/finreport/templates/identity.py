"""How a report names itself: the organization, the fiscal year and the kind, as the
title lines and other places write them."""

from __future__ import annotations

import re
from typing import Final

from ..model.numerals import NUMERALS

__all__ = [
    "ABOUT",
    "ABOUT_REPORTS",
    "CHINESE_DIGITS",
    "CHINESE_YEAR",
    "CONSOLIDATION_WORDS",
    "COVER_HEADER",
    "DATE_LINE",
    "GENERIC_ORG",
    "NOTICE_WORDS",
    "NOT_TITLE_LINE",
    "ORGANIZATION_END",
    "ORGANIZATION_PATTERNS",
    "PERIOD_ONLY",
    "REPORT_TITLE",
    "SEAL_WORDS",
    "STAGE_WORD",
    "TABLE_TITLE_END",
    "TITLE_END",
    "TITLE_KIND",
    "TITLE_TAIL",
    "TITLE_YEAR",
    "TITLE_YEAR_ANY",
    "UNIT_LINE",
    "UNIVERSITY",
    "WHOLE_LEVEL",
    "YEAR_KIND",
    "YEAR_LINE",
]




#: The head word of a university's name (高等学校), at the name's end (a bracketed alias
#: after it left out): not 科学院, 行政学院, 实验学校, 中学 or a hospital of a university.
UNIVERSITY = re.compile(
    r"(?:(?<!老年)大学|(?<!科)(?<!行政)(?<!社会主义)(?<!技师)(?<!干部)(?<!党校)学院|高等学校"
    r"|高等专科学校|职业技术学校)(?:\([^()]{1,20}\))?$")


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


#: Names that name no organization: the level words alone, a government's level or a
#: collective (``市直机关``, ``区本级``), the verb of a notice (``关于公开2026年…``), a
#: quantity a statement published alone is about (``2026年“三公”经费预算情况说明``,
#: ``市级国有资本经营预算``), or nothing but marks.
GENERIC_ORG = re.compile(
    r"^(?:部门|单位|本部门|本单位|[省市区县]直(?:机关|部门|单位)?|[省市区县]级(?:部门|单位)?"
    r"|[^\d]{0,8}三公[^\d]{0,4}|(?:[^\d]{0,12}[省市区县]级)?(?:国有资本经营|政府性基金|一般公共)"
    r"|(?:[^\d]{0,12}[省市区县])?本级|[^\d]{0,12}[省市区县][省市区县]级(?:部门|单位)?|全[省市区县].{0,4}"
    r"|(?:[^\d省市]{1,6}省)?(?:[^\d省市]{1,6}[市州盟])?(?:[^\d区县]{1,6}[区县旗](?<!新区)(?<!开发区))?"
    r"|公开|做好|编制|报送|[^\u4e00-\u9fff]*)$")

#: How an organization's name ends (its head word): a title line of this shape after the
#: kind words names the organization (``2026年度部门预算`` / ``沈阳市和平区市场监督管理局``).
#: Words of a year only, left where a title's year was written on a line of its own
#: (``2026`` / ``年度部门预算（XX局）``): no organization's name.
PERIOD_ONLY: Final[re.Pattern[str]] = re.compile(r"(?:本)?年度?")
ORGANIZATION_END: Final[re.Pattern[str]] = re.compile(
    r"(?:局|委|办|院|会|中心|厅|部|处|所|馆|站|队|政府|学校|大学|学院|医院|办事处|室|社|团|校"
    r"|法院|检察院|协会|联合会|党校|研究院|幼儿园|中学|小学|学|场|台|联|协|公司|集团|圃|库|街道"
    r"|镇|乡|社区|开发区|园|宫|厂|监狱|港)(?:\([^()]{1,20}\))?$")

#: Cover lines that are no part of the title: page marks (``- 1 -``, ``第1页``, ``1/20``),
#: an attachment's label (``附件1``), a stamp word (``公开``, ``内部资料``), a line without a
#: Chinese character (a logo's English name).
NOT_TITLE_LINE: Final[re.Pattern[str]] = re.compile(
    r"^(?:附件\d*[:：]?|[-—–]?\s*\d+\s*[-—–]?|第\d+页(?:共\d+页)?|\d+/\d+|公开|内部资料.*"
    rf"|第[{NUMERALS}\d]+册|.*>.*|[^\u4e00-\u9fff]+)$")

#: ``关于`` opening a title about a report (``关于XX局2026年部门预算的说明``): no part of
#: the organization's name.
ABOUT: Final[re.Pattern[str]] = re.compile(r"关于")

#: Titles of documents about budgets that are no department's report: a government's
#: budget (``政府预算``, ``市本级决算``, ``市级决算``), its execution, a resolution, an audit
#: report, an index of the reports published, a summary of all departments' (``市级部门决算
#: 汇总``), a government's state assets or state capital (``市级国有资本经营预算``).
ABOUT_REPORTS: Final[re.Pattern[str]] = re.compile(
    r"(?<!人民)政府(?:性基金)?(?:预算|决算)|[省市区县]本级(?:预算|决算)|执行情况|决议|批复"
    r"|审计(?:工作)?报告|公开目录|年一般公共预算$|国有资本经营预算$|社会保险基金(?:预算|决算)"
    r"|财政总?(?:预算|决算)(?:公开)?$|总决算|[省市区县]级决算|国有资产管理情况"
    r"|[省市区县]级部门(?:预算|决算)汇总|[省市区县]级国有资本经营预算")


YEAR_KIND = re.compile(r"(?P<year>(?:19|20)\d{2})年度?(?:部门|单位)?(?P<kind>决算|预算)")


#: The four numerals of a year written in Chinese (``二〇二五``).
_CHINESE_YEAR_DIGITS: Final = "[〇○零一二][〇○零一二三四五六七八九]{3}"


#: The words of a title that say what kind of report it is: the level (部门 a department,
#: 单位 one unit), an edition word (综合, 汇总, 整体), the stage (预算 budget, 决算 final
#: accounts; not the 决算 of 预决算) and the words that may follow (公开, 信息公开, 说明(书),
#: 报告): ``部门预算公开``, ``单位预算``, ``部门综合预算``, ``预算公开``.
TITLE_KIND: Final[re.Pattern[str]] = re.compile(
    r"(?P<level>部门|单位)?(?P<edition>综合|汇总|整体)?(?<!预)(?P<stage>预算|决算)(?:信息)?(?:公开)?"
    r"(?:说明书?|报告)?")
#: What may follow a title's kind words to its line's end: quotation marks and brackets
#: (``“部门预算”``, ``（公开版）``), ``公开``, ``表`` (of ``…部门预算公开表``: a title ending
#: ``预算表`` is a table's, :data:`TABLE_TITLE_END`), ``(的)说明``, ``(的)报告``, ``及…``.
#: The kind words of a title end a line; ``预算`` inside a name (``预算评审中心``) is none.
TITLE_TAIL: Final[re.Pattern[str]] = re.compile(
    r"^(?:[\"”’)]|(?:信息)?公开|表|编制|的?说明书?|的?报告|情况|文本|材料|内容|草案|稿"
    r"|\([^()]*\)|[-—－–]{1,2}[^\d()\-—－–]{2,30}|(?:及|和)[^\d预决]{0,12}(?:[预决]算)?)*$")

#: A title's line that is its year alone (``2026年度``, ``二〇二六年``), folded.
YEAR_LINE: Final[re.Pattern[str]] = re.compile(
    r"(?:(?:19|20)\d{2}|" + _CHINESE_YEAR_DIGITS + r")年度?")

#: A report's stage word, where a title line may be: ``预算``, ``决算``.
STAGE_WORD: Final[re.Pattern[str]] = re.compile(r"预算|决算")

#: The fiscal year in a title: ``2026年度``, ``2026年``.
TITLE_YEAR: Final[re.Pattern[str]] = re.compile(r"(?P<year>(?:19|20)\d{2})年度?")

#: A report's own title at a line's end (``XX局2026年部门预算``, ``…2025年度单位决算公开``):
#: after an annex label (``附件1``) it is the report's cover, no annex.
REPORT_TITLE: Final[re.Pattern[str]] = re.compile(
    r"(?:19|20)\d{2}年度?(?:部门|单位)?(?:综合|汇总)?(?:预算|决算)(?:信息)?(?:公开)?$")

#: The fiscal year in a title in digits or in Chinese numerals (``二〇二六年``): group
#: ``year`` (numerals translate by :data:`CHINESE_DIGITS`).
TITLE_YEAR_ANY: Final[re.Pattern[str]] = re.compile(
    r"(?P<year>(?:19|20)\d{2}|" + _CHINESE_YEAR_DIGITS + r")年度?")

#: A year written in Chinese numerals (``二〇二五年``): group ``year``, one numeral a digit.
CHINESE_YEAR: Final[re.Pattern[str]] = re.compile(r"(?P<year>" + _CHINESE_YEAR_DIGITS + r")年")
#: The digit each numeral of :data:`CHINESE_YEAR` writes.
CHINESE_DIGITS: Final = str.maketrans("〇○零一二三四五六七八九", "000123456789")

#: A level that is a government's, not an organization's: ``上海市2026年市级单位预算`` names
#: the city's budget units as a whole; the unit is named on the 预算单位 line.
WHOLE_LEVEL: Final[re.Pattern[str]] = re.compile(
    r"^(?:[省市区县]级|[省市区县]?本级|[省市区县]直(?:机关|部门|单位)?|全[省市区县])(?:部门|单位)?$")

#: The line that names the unit a report is for: ``预算单位：上海市审计局``.
UNIT_LINE: Final[re.Pattern[str]] = re.compile(
    r"(?:预算|决算|编制|填报)?单位(?:名称)?(?:\([^()]{1,6}\))?[:：](?P<org>[^\d:：,，。;；]{2,40})")

#: What the title says the report covers, after the organization: ``（本级）``, ``（汇总）``.
CONSOLIDATION_WORDS: Final[re.Pattern[str]] = re.compile(r"\(?(?P<word>本级|汇总)\)?$")

#: A line of the cover that is a date, not part of the title: ``二〇二六年三月``,
#: ``2024年8月``, ``2018年2月24日``.
_DATE_DIGIT = f"[〇○零{NUMERALS}\\d]"
DATE_LINE: Final[re.Pattern[str]] = re.compile(
    rf"^(?:{_DATE_DIGIT}{{4}})年{_DATE_DIGIT}{{1,3}}月(?:{_DATE_DIGIT}{{1,3}}日)?$")

#: How the title of a table or form ends (``…项目支出绩效自评表``): the title is complete,
#: and the lines after it are the table's, not the title's.
TABLE_TITLE_END: Final[re.Pattern[str]] = re.compile(r"(?<!代)(?<!公开)表$")

#: How a title line ends when the title goes on past the kind words (``…部门预算公开``).
TITLE_END: Final[re.Pattern[str]] = re.compile(r"(?:公开|说明|报告)$")

#: Words of a title that make it an official document about reports, not a report
#: (``关于做好2026年部门预算公开工作的通知``).
NOTICE_WORDS: Final[re.Pattern[str]] = re.compile(r"通知|通报|公告|意见|办法|规定|决定|批复|决议")


#: What a cover writes after a unit's name that is no part of it: a seal's mark, the
#: word 编制 (``…局编制``), 关于 opening what the title is about (``…局关于2026年…的说明``).
SEAL_WORDS: Final[re.Pattern[str]] = re.compile(r"(?:\((?:盖章|公章|章|签章)\)|编制|编|关于)$")

#: Words of a cover line above the title that make it a series' header, not the first
#: line of a wrapped name (``财政预决算公开``, ``2026年市级部门预算公开``).
COVER_HEADER: Final[re.Pattern[str]] = re.compile(r"公开|预算|决算|>")

