"""Part and section titles of the report templates, as rows: which heading opens which
kind of part or section.

A new wording of a title is a new row here (or a wider pattern in an existing row), never a
new code path in the reader.
"""

from __future__ import annotations

import re
from typing import Final

from ..model.sections import SectionKind

__all__ = ["NESTED_ONLY", "PART_TITLES", "SECTION_TITLES", "TitleTable"]


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
    (SectionKind.GENERAL_BUDGET_OVERALL, re.compile(r"一般公共预算.*支出.*总体情况"), 1),
    (SectionKind.GENERAL_BUDGET_STRUCTURE, re.compile(r"一般公共预算.*支出.*结构"), 2),
    (SectionKind.GENERAL_BUDGET_DETAIL, re.compile(r"一般公共预算.*支出.*具体情况"), 3),
    (SectionKind.BASIC_EXPENDITURE, re.compile(r"基本支出.*情况"), 6),
    (SectionKind.GENERAL_BUDGET, re.compile(r"一般公共预算.*支出.*情况"), 5),
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


#: A table of section titles: (kind, title pattern, expected number), first match wins.
TitleTable = tuple[tuple[SectionKind, re.Pattern[str], int], ...]


#: Section kinds that final accounts write only as subsections (of 其他重要事项).
NESTED_ONLY: Final[frozenset[SectionKind]] = frozenset(
    {SectionKind.OPERATING_COSTS, SectionKind.PROCUREMENT, SectionKind.ASSETS})
