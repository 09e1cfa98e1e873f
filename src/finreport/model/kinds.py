"""Report kinds: final accounts or budget, of a department or a university."""

from __future__ import annotations

import enum

__all__ = ["ReportKind"]


class ReportKind(enum.Enum):
    """What a report is: final accounts (决算) or budget (预算), of a government department
    or of a university (高等学校), whose reports have sections of their own; or a document
    that is only performance forms (绩效目标表, 绩效自评表), published on its own."""

    FINAL_ACCOUNTS = "final_accounts"
    BUDGET = "budget"
    UNIVERSITY_FINAL_ACCOUNTS = "university_final_accounts"
    UNIVERSITY_BUDGET = "university_budget"
    PERFORMANCE_FORM = "performance_form"

    @property
    def is_budget(self) -> bool:
        """True for budgets (预算), false for final accounts (决算)."""
        return self in (ReportKind.BUDGET, ReportKind.UNIVERSITY_BUDGET)
