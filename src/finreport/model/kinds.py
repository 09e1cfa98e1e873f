"""Report kinds: final accounts or budget, of a department, of one unit, or of a
university, and whether a report covers the organization alone or with its units."""

from __future__ import annotations

import enum

__all__ = ["Consolidation", "ReportKind"]


class ReportKind(enum.Enum):
    """What a report is: final accounts (决算) or budget (预算), of a government department
    (部门: possibly consolidated with its units), of one budget unit (单位预算/单位决算, a
    report in its own right, such as Shanghai's 市级单位预算 or a department's 本级), or of a
    university (高等学校), whose reports have sections of their own; or a document that is
    only performance forms (绩效目标表, 绩效自评表), published on its own."""

    FINAL_ACCOUNTS = "final_accounts"
    BUDGET = "budget"
    UNIVERSITY_FINAL_ACCOUNTS = "university_final_accounts"
    UNIVERSITY_BUDGET = "university_budget"
    UNIT_FINAL_ACCOUNTS = "unit_final_accounts"
    UNIT_BUDGET = "unit_budget"
    PERFORMANCE_FORM = "performance_form"

    @property
    def is_budget(self) -> bool:
        """True for budgets (预算), false for final accounts (决算)."""
        return self in (ReportKind.BUDGET, ReportKind.UNIVERSITY_BUDGET, ReportKind.UNIT_BUDGET)


class Consolidation(enum.Enum):
    """What a report covers, where its title says: the organization's own office only
    (本级), or the organization with its subordinate units (汇总)."""

    OWN = "own"  # 本级
    CONSOLIDATED = "consolidated"  # 汇总
