"""Report kinds as data: what differs between a final-accounts report and a budget.

A :class:`Profile` holds, for one :class:`~finreport.ReportKind`, the section titles and
their expected numbering, and which sections it writes only as subsections.  (In a budget
``预算数为X`` *is* the amount; the reader asks ``kind.is_budget`` for that.)  The kind is read from the report's title before anything else
(:func:`detect_kind`), and the profile then reads the text.  A new template means new rows
here, not new code paths.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from ..model.kinds import ReportKind
from ..model.sections import SectionKind
from .sections import NESTED_ONLY, SECTION_TITLES, TitleTable

__all__ = ["BUDGET_TITLES", "PROFILES", "Profile"]



@attrs.frozen
class Profile:
    """How one kind of report is read.

    ``section_titles``: (section kind, title pattern, expected number), first match wins;
    ``nested_only``: section kinds that are headings only below level 1 (in final accounts
    机关运行经费 is a subsection of 其他重要事项; in a budget it is a section of its own).
    """

    kind: ReportKind
    section_titles: TitleTable
    nested_only: frozenset[SectionKind]


#: Section titles of budgets (Jiangsu, national 2024 budget template) and of universities'
#: reports, tried before the final-accounts table; order matters (first match wins).
BUDGET_TITLES: Final[TitleTable] = (
    (SectionKind.FUNCTIONS, re.compile(r"(基本|主要)职(能|责)"), 1),
    (SectionKind.INSTITUTIONS, re.compile(r"机构设置|单位构成"), 2),
    (SectionKind.THREE_PUBLIC, re.compile(r'三公"?经费'), 0),
    (SectionKind.OPERATING_COSTS, re.compile(r"机关运行经费"), 0),
    (SectionKind.GOVERNMENT_FUND, re.compile(r"政府性基金"), 0),
    (SectionKind.STATE_CAPITAL, re.compile(r"国有资本经营"), 0),
    (SectionKind.PROCUREMENT, re.compile(r"政府采购"), 0),
    (SectionKind.ASSETS, re.compile(r"国有资产"), 0),
    (SectionKind.PERFORMANCE, re.compile(r"绩效(?:目标|管理)"), 0),
    (SectionKind.BASIC_EXPENDITURE, re.compile(r"基本支出"), 0),
    (SectionKind.FISCAL_APPROPRIATION, re.compile(r"财政拨款收支|财政拨款收入支出"), 0),
    # (一)…总体情况 (二)…结构情况 (三)…具体情况 under the general budget's section
    (SectionKind.GENERAL_BUDGET_STRUCTURE,
     re.compile(r"(?:财政拨款|一般公共预算(?:拨款)?)支出(?:预算)?结构情况"), 0),
    (SectionKind.GENERAL_BUDGET_DETAIL,
     re.compile(r"(?:财政拨款|一般公共预算(?:拨款)?)支出(?:预算)?具体(?:使用)?情况"), 0),
    (SectionKind.GENERAL_BUDGET, re.compile(r"财政拨款支出|一般公共预算(?:拨款)?支出"), 0),
    (SectionKind.OVERALL, re.compile(r"收支(?:预算|决算)?总|收支(?:预算|决算)?(?:总体)?情况|收入支出.*总体"), 1),
    (SectionKind.INCOME,
     re.compile(r"^(?:关于)?(?:部门|单位)?(?:高等学校)?收入(?:预算|决算|总表)"), 2),
    (SectionKind.EXPENDITURE,
     re.compile(r"^(?:关于)?(?:部门|单位)?(?:高等学校)?支出(?:预算|决算|总表)"), 3),
    (SectionKind.OTHER_MATTERS, re.compile(r"其他重要事项"), 0),
)


#: The profile of each report kind.
PROFILES: Final[dict[ReportKind, Profile]] = {
    ReportKind.FINAL_ACCOUNTS: Profile(ReportKind.FINAL_ACCOUNTS, SECTION_TITLES,
                                       NESTED_ONLY),
    ReportKind.BUDGET: Profile(ReportKind.BUDGET, BUDGET_TITLES + SECTION_TITLES,
                               frozenset()),
    # a university's final accounts name their sections in either table's words; the
    # final accounts' titles are tried first (…决算具体情况 is the detail, not the budget's)
    ReportKind.UNIVERSITY_FINAL_ACCOUNTS: Profile(
        ReportKind.UNIVERSITY_FINAL_ACCOUNTS, SECTION_TITLES + BUDGET_TITLES, frozenset()),
    ReportKind.UNIVERSITY_BUDGET: Profile(ReportKind.UNIVERSITY_BUDGET,
                                          BUDGET_TITLES + SECTION_TITLES, frozenset()),
    ReportKind.UNIT_FINAL_ACCOUNTS: Profile(ReportKind.UNIT_FINAL_ACCOUNTS, SECTION_TITLES,
                                            NESTED_ONLY),
    ReportKind.UNIT_BUDGET: Profile(ReportKind.UNIT_BUDGET, BUDGET_TITLES + SECTION_TITLES,
                                    frozenset()),
}


