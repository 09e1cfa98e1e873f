"""Report kinds as data: what differs between a final-accounts report and a budget.

A :class:`Profile` holds, for one :class:`~finreport.ReportKind`, the section titles and
their expected numbering, and which sections it writes only as subsections.  (In a budget
``预算数为X`` *is* the amount; the reader asks ``kind.is_budget`` for that.)  The kind is read from the report's title before anything else
(:func:`detect_kind`), and the profile then reads the text.  A new template means new rows
here, not new code paths.
"""

from __future__ import annotations

import enum
import re
from typing import Final

import attrs

from ._sections import SECTION_TITLES, SectionKind, TitleTable
from ._view import fold

__all__ = ["PROFILES", "Profile", "ReportKind", "detect_kind"]

K = SectionKind


class ReportKind(enum.Enum):
    """What a report is: final accounts (决算) or budget (预算), of a government department
    or of a university (高等学校), whose reports have sections of their own."""

    FINAL_ACCOUNTS = "final_accounts"
    BUDGET = "budget"
    UNIVERSITY_FINAL_ACCOUNTS = "university_final_accounts"
    UNIVERSITY_BUDGET = "university_budget"

    @property
    def is_budget(self) -> bool:
        """True for budgets (预算), false for final accounts (决算)."""
        return self in (ReportKind.BUDGET, ReportKind.UNIVERSITY_BUDGET)

    @property
    def is_university(self) -> bool:
        """True for the 高等学校 editions."""
        return self in (ReportKind.UNIVERSITY_FINAL_ACCOUNTS, ReportKind.UNIVERSITY_BUDGET)


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
    (K.FUNCTIONS, re.compile(r"(基本|主要)职(能|责)"), 1),
    (K.INSTITUTIONS, re.compile(r"机构设置|单位构成"), 2),
    (K.THREE_PUBLIC, re.compile(r'三公"?经费'), 0),
    (K.OPERATING_COSTS, re.compile(r"机关运行经费"), 0),
    (K.GOVERNMENT_FUND, re.compile(r"政府性基金"), 0),
    (K.STATE_CAPITAL, re.compile(r"国有资本经营"), 0),
    (K.PROCUREMENT, re.compile(r"政府采购"), 0),
    (K.ASSETS, re.compile(r"国有资产"), 0),
    (K.PERFORMANCE, re.compile(r"绩效(?:目标|管理)"), 0),
    (K.BASIC_EXPENDITURE, re.compile(r"基本支出"), 0),
    (K.FISCAL_APPROPRIATION, re.compile(r"财政拨款收支|财政拨款收入支出"), 0),
    (K.GENERAL_BUDGET, re.compile(r"财政拨款支出|一般公共预算(?:拨款)?支出"), 0),
    (K.OVERALL, re.compile(r"收支(?:预算|决算)?总|收支(?:预算|决算)?(?:总体)?情况|收入支出.*总体"), 1),
    (K.INCOME, re.compile(r"^(?:高等学校)?收入(?:预算|决算)"), 2),
    (K.EXPENDITURE, re.compile(r"^(?:高等学校)?支出(?:预算|决算)"), 3),
    (K.OTHER_MATTERS, re.compile(r"其他重要事项"), 0),
)

_FINAL_NESTED: Final[frozenset[SectionKind]] = frozenset(
    {K.OPERATING_COSTS, K.PROCUREMENT, K.ASSETS})

#: The profile of each report kind.
PROFILES: Final[dict[ReportKind, Profile]] = {
    ReportKind.FINAL_ACCOUNTS: Profile(ReportKind.FINAL_ACCOUNTS, SECTION_TITLES,
                                       _FINAL_NESTED),
    ReportKind.BUDGET: Profile(ReportKind.BUDGET, BUDGET_TITLES + SECTION_TITLES,
                               frozenset()),
    ReportKind.UNIVERSITY_FINAL_ACCOUNTS: Profile(
        ReportKind.UNIVERSITY_FINAL_ACCOUNTS, BUDGET_TITLES + SECTION_TITLES, frozenset()),
    ReportKind.UNIVERSITY_BUDGET: Profile(ReportKind.UNIVERSITY_BUDGET,
                                          BUDGET_TITLES + SECTION_TITLES, frozenset()),
}

_TITLE_KIND = re.compile(r"(?:19|20)\d{2}年度?(?:部门|单位)?(?P<kind>决算|预算)")
_UNIVERSITY = re.compile(r"大学|学院|高等学校|学校")


def detect_kind(text: str) -> ReportKind:
    """The kind of report *text* is, from its first lines (the cover and title).

    >>> detect_kind("西南大学 2023 年度部门决算\\n")
    <ReportKind.UNIVERSITY_FINAL_ACCOUNTS: 'university_final_accounts'>
    >>> detect_kind("江苏省委办公厅 2017 年度部门预算\\n")
    <ReportKind.BUDGET: 'budget'>
    """
    head = fold(text[:600])
    m = _TITLE_KIND.search(head)
    budget = m is not None and m.group("kind") == "预算"
    university = _UNIVERSITY.search(head[: m.start()] if m else head[:60]) is not None
    if university:
        return ReportKind.UNIVERSITY_BUDGET if budget else ReportKind.UNIVERSITY_FINAL_ACCOUNTS
    return ReportKind.BUDGET if budget else ReportKind.FINAL_ACCOUNTS
