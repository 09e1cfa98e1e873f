"""Part and section titles of the report templates, as rows: which heading opens which
kind of part or section.

A new wording of a title is a new row here (or a wider pattern in an existing row), never a
new code path in the reader.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from ..model.sections import SectionKind

__all__ = [
    "AMOUNT_START",
    "ANNEX_SUBTITLE",
    "ANNEX_TITLE_END",
    "FIGURE_IN_TITLE",
    "HEADING_END",
    "HEADING_NUMBERINGS",
    "NESTED_ONLY",
    "OTHER_PERIOD_TITLE",
    "PARAGRAPH_BREAK_ENDS",
    "PART_TITLES",
    "PAST_IN_BUDGET_TITLE",
    "SECTION_TITLES",
    "SUBSECTION_TITLES",
    "TABLES_PART_TITLE",
    "TITLE_ORGANIZATION_WORD",
    "TITLE_REFERENCE",
    "UNNUMBERED_TITLE_END",
    "WRAPPED_TITLE_TAIL",
    "HeadingNumbering",
    "TitleTable",
]


#: Parts (level 0) by title, first match wins.
PART_TITLES: Final[tuple[tuple[SectionKind, re.Pattern[str]], ...]] = (
    (SectionKind.TABLES, re.compile(r"决算表|预算表")),
    (SectionKind.NARRATIVE, re.compile(r"决算情况|预算情况|情况说明")),
    (SectionKind.GLOSSARY, re.compile(r"名词解释")),
    (SectionKind.ANNEXES, re.compile(r"附件|附表")),
    (SectionKind.OVERVIEW, re.compile(r"概况|基本情况")),
)


#: Sections below the parts, by title, first match wins; the expected number (1-based)
#: of the section under its parent is the third column (0: not fixed).
SECTION_TITLES: Final[tuple[tuple[SectionKind, re.Pattern[str], int], ...]] = (
    (SectionKind.FUNCTIONS, re.compile(r"(基本|主要)职能"), 1),
    (SectionKind.INSTITUTIONS, re.compile(r"机构设置|单位构成"), 2),
    (SectionKind.THREE_PUBLIC_OVERALL, re.compile(r'三公"?经费.*总体情况'), 1),
    (SectionKind.THREE_PUBLIC_DETAIL, re.compile(r'三公"?经费.*具体情况'), 2),
    (SectionKind.THREE_PUBLIC, re.compile(r'三公"?经费'), 7),
    (SectionKind.GENERAL_BUDGET_OVERALL,
     re.compile(r"一般公共预算(?:.*支出|当年拨款).*总体情况|一般公共预算当年拨款规模"), 1),
    (SectionKind.GENERAL_BUDGET_STRUCTURE, re.compile(r"一般公共预算(?:.*支出|当年拨款).*结构"), 2),
    (SectionKind.GENERAL_BUDGET_DETAIL,
     re.compile(r"一般公共预算(?:.*支出|当年拨款).*具体(?:使用)?情况"), 3),
    (SectionKind.BASIC_EXPENDITURE, re.compile(r"基本支出.*情况"), 6),
    (SectionKind.GENERAL_BUDGET, re.compile(r"一般公共预算(?:.*支出|当年拨款).*情况"), 5),
    (SectionKind.FISCAL_APPROPRIATION, re.compile(r"财政拨款收入支出.*总体情况"), 4),
    (SectionKind.OVERALL, re.compile(r"收入支出.*总体情况"), 1),
    (SectionKind.INCOME, re.compile(r"^收入.*情况"), 2),
    (SectionKind.EXPENDITURE, re.compile(r"^支出.*情况"), 3),
    (SectionKind.GOVERNMENT_FUND, re.compile(r"政府性基金预算"), 8),
    (SectionKind.STATE_CAPITAL, re.compile(r"国有资本经营预算"), 9),
    (SectionKind.OPERATING_COSTS, re.compile(r"机关运行经费"), 1),
    (SectionKind.PROCUREMENT, re.compile(r"政府采购"), 2),
    (SectionKind.ASSETS, re.compile(r"国有资产"), 3),
    (SectionKind.PERFORMANCE, re.compile(r"(预算)?绩效管理情况"), 0),
    (SectionKind.OTHER_MATTERS, re.compile(r"其他重要事项"), 0),
)


#: Subsections named by their topic alone under a section about one quantity (``（三）具体
#: 情况`` under ``一般公共预算财政拨款支出决算情况说明``): the kind their parent gives them.
SUBSECTION_TITLES: Final[dict[SectionKind, tuple[tuple[SectionKind, re.Pattern[str]], ...]]] = {
    SectionKind.GENERAL_BUDGET: (
        (SectionKind.GENERAL_BUDGET_OVERALL,
         re.compile(r"^(?:支出)?(?:决算|预算)?(?:总体|规模(?:变化)?)情况(?:说明)?[。.]?$")),
        (SectionKind.GENERAL_BUDGET_STRUCTURE,
         re.compile(r"^(?:支出)?(?:决算|预算)?结构(?:变化)?情况(?:说明)?[。.]?$")),
        (SectionKind.GENERAL_BUDGET_DETAIL,
         re.compile(r"^(?:支出)?(?:决算|预算)?具体(?:使用)?情况(?:说明)?[。.]?$")),
    ),
    SectionKind.THREE_PUBLIC: (
        (SectionKind.THREE_PUBLIC_OVERALL,
         re.compile(r"^(?:支出)?(?:决算|预算)?总体情况(?:说明)?[。.]?$")),
        (SectionKind.THREE_PUBLIC_DETAIL,
         re.compile(r"^(?:支出)?(?:决算|预算)?具体情况(?:说明)?[。.]?$")),
    ),
}


#: A table of section titles: (kind, title pattern, expected number), first match wins.
TitleTable = tuple[tuple[SectionKind, re.Pattern[str], int], ...]


#: Section kinds that final accounts write only as subsections (of 其他重要事项).
NESTED_ONLY: Final[frozenset[SectionKind]] = frozenset(
    {SectionKind.OPERATING_COSTS, SectionKind.PROCUREMENT, SectionKind.ASSETS})


#: A reference to a table or annex at the end of a heading's title (``（详见表5）``,
#: ``（见附表3）``): left out where the title's last words are looked at.
TITLE_REFERENCE = re.compile(r"\((?:详)?见[^()]{1,16}\)$")

#: How a heading's title ends (``…情况``, ``…说明``): a line ending otherwise is body text.
HEADING_END = re.compile(
    r"(情况|说明|概况|目标|结论|问题|建议|方法|职能|组成|管理|结果|要求|依据|措施)$")


#: How an annex's title ends (``…报告``, ``…评价``): a title written over lines ends here.
ANNEX_TITLE_END = re.compile(r"(报告|表|说明|评价)$")


#: A heading inside an annex that lost its number (``部门财政资金支出情况。``).
ANNEX_SUBTITLE = re.compile(r"(收入|支出|资金|使用|管理|完成|效益)情况$")


#: The title of the tables part written as a section (``二、2023年度部门决算报表``).
TABLES_PART_TITLE = re.compile(r"部门(决算|预算)报?表$")


#: How an unnumbered heading's title ends (``收入支出决算总体情况说明``, ``名词解释``).
UNNUMBERED_TITLE_END = re.compile(r"(情况说明|情况|名词解释)$")


#: An amount or a percentage in a line (``268.81万元``): a line with one is no heading.
FIGURE_IN_TITLE = re.compile(r"\d[\d,.]*(?:万元|元|%)")


#: How a line ends when the next one starts a paragraph.
PARAGRAPH_BREAK_ENDS: Final[tuple[str, ...]] = ("。", ";", ":", "!", "?", "说明", "情况", "概况", "部分")


#: The rest of a heading wrapped onto the next line (``况说明`` after ``…支出预算情``).
WRAPPED_TITLE_TAIL = re.compile(r"[^。,，:;\d]{0,20}(?:说明|情况|报告|表)")


#: A line that starts with an amount (``21,955.35 万元。``): the amount of the item above.
AMOUNT_START = re.compile(r"[\d,.]+(?:万元|亿元|元|%)|[\d,.]+[,，。;；]")


@attrs.frozen
class HeadingNumbering:
    """A numbering that opens headings (a row of
    :data:`~finreport.templates.numbering.NUMBERINGS`, by name) and what its headings are:
    ``opens`` is ``"part"`` (a part, level 0, its title classified by
    :data:`PART_TITLES`), ``"annex"`` (an annex of the annexes part), ``"section"`` (a
    section or subsection at ``level``) or ``"known_title"`` (a heading at ``level`` only
    when its title is one of the section titles: ``1、`` numbers list items far more often
    than headings)."""

    numbering: str
    level: int
    opens: str


#: The numberings that open headings, tried in order on a line's start.
HEADING_NUMBERINGS: Final[tuple[HeadingNumbering, ...]] = (
    HeadingNumbering("part", 0, "part"),
    HeadingNumbering("chapter", 0, "part"),
    HeadingNumbering("annex", 1, "annex"),
    HeadingNumbering("chinese", 1, "section"),
    HeadingNumbering("chinese_paren", 2, "section"),
    HeadingNumbering("arabic", 1, "known_title"),
    # (after 一、: a heading numbered at level 1 is expected written 一、)
    HeadingNumbering("jie", 1, "section"),
)


#: The word a contents entry uses for the organization, which the body's heading may
#: write as its name (``一、单位主要职能`` listed, ``上海市某某研究院主要职能`` in the body).
TITLE_ORGANIZATION_WORD: Final[re.Pattern[str]] = re.compile(r"^本?(?:单位|部门)")


#: Words that make a heading about another period than the report's year: execution or
#: evaluation of a year before (``2025年预算执行情况``, ``2025年度绩效自评``), plans over
#: several years (``“十五五”规划``, ``2021-2025年``), what was carried over, a state as of a
#: day (``国有资产占用情况（截至2025年12月31日）``): such a heading may name another year.
OTHER_PERIOD_TITLE: Final[re.Pattern[str]] = re.compile(
    r"执行|完成|自评|评价|规划|以来|结转|结余|上年|去年|十[一二三四五六]五|截至|截止|年末|年底"
    r"|\d{4}\s*年?\s*[-—–~～至到]\s*\d{2,4}")

#: Words that make a budget's heading about a year gone by (``2025年决算情况``, ``2025年
#: 实际支出情况``): a budget may describe the year before by them.
PAST_IN_BUDGET_TITLE: Final[re.Pattern[str]] = re.compile(r"决算|实际")
