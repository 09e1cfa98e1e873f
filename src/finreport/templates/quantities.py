"""The names of the quantities the rules look for, as the templates word them: the
economic kinds of spending (人员经费, 公用经费, 基本支出, 项目支出), the totals (收支总计,
本年收入合计, 小计 …) and the words that make a figure this year's.

Names are matched against an entry's or a row's folded name (``text.view.fold``).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["ABOVE_TOTAL", "ADMINISTRATIVE_SCOPE", "ALL_SPENDING_KINDS", "BASIC_AND_PROJECT", "BOTH_TOTAL", "CATCH_ALL_VEHICLES", "ECONOMIC_KEYS", "ECONOMIC_KIND", "GENERAL_BUDGET_INCOME", "MULTI_YEAR_WORDS", "NO_OPERATING_COSTS", "OPERATING_COSTS_WORDS", "PUBLIC_EXPENSES_WORDS", "PUBLIC_INSTITUTION", "SPENDING_WHOLE", "THIS_YEAR", "THIS_YEARS_APPROPRIATION", "THIS_YEARS_TOTAL", "TOTAL_NAME", "WHOLE_OF_ALL", "WHOLE_PART_NAME"]


#: A name of an economic kind of spending, not a functional class: ``人员经费``,
#: ``公用经费``, ``项目支出``, ``基本支出`` anywhere in it.
ECONOMIC_KIND: Final[re.Pattern[str]] = re.compile(r"人员经费|公用经费|项目支出|基本支出")

#: The economic kinds a quantity stated in several places is known by, and its key, first
#: match wins: ``其中人员经费`` is ``personnel``; ``项目支出`` only at the name's start or end.
ECONOMIC_KEYS: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"人员经费"), "personnel"),
    (re.compile(r"公用经费"), "public"),
    (re.compile(r"^项目支出|项目支出$"), "project"),
    (re.compile(r"^基本支出|基本支出$"), "basic"),
)

#: This year's appropriation, as a part of a whole with the carry-over (``一般公共预算支出
#: 1100万元，其中：当年拨款1000万元，上年结转100万元``): matched on the words written before
#: the part's amount.
THIS_YEARS_APPROPRIATION: Final[re.Pattern[str]] = re.compile(r"(?:当年|本年)(?:财政)?拨款")

#: The kind of vehicles that takes every vehicle no other kind listed does (``其他用车``):
#: a list of kinds that has it covers the whole count.
CATCH_ALL_VEHICLES: Final[re.Pattern[str]] = re.compile(r"^其[他它](?:公务)?(?:用车|车辆)$")

#: The whole of both halves, income and expenditure: ``收支总计``, ``收入、支出预算总计``,
#: ``收、支总计``.
BOTH_TOTAL: Final[re.Pattern[str]] = re.compile(r"收[入、]{0,2}支(?:出)?(?:预算|决算)?总")

_THIS_YEAR: Final = r"本年|当年"
#: A period that is this year's: ``本年度``, ``当年``.
THIS_YEAR: Final[re.Pattern[str]] = re.compile(_THIS_YEAR)
#: This year's total, not the whole (no carry-over): ``本年收入合计``, ``当年收入预算合计``,
#: ``收入合计``.
THIS_YEARS_TOTAL: Final[re.Pattern[str]] = re.compile(_THIS_YEAR + r"|合计")

#: A part of a list that names the whole of something (``部门整体支出``, ``全部项目``): the
#: list's kinds overlap, they do not divide its total.
WHOLE_OF_ALL: Final[re.Pattern[str]] = re.compile(r"整体|全部")

#: A part named like a total, which may sum other parts of its list: ``本年支出预算``,
#: ``小计``, ``总额``.
TOTAL_NAME: Final[re.Pattern[str]] = re.compile(r"本年|合计|总计|小计|总额")

#: The name of agency operating costs (机关运行经费), as a section, table or sentence
#: writes it.
OPERATING_COSTS_WORDS: Final[re.Pattern[str]] = re.compile(r"机关运行经费|机关运行费")
#: Words that narrow agency operating costs to the administrative units of a department
#: (``本部门（含行政单位和参照公务员法管理的事业单位）机关运行经费``): the department holds
#: other units, whose public expenses are no operating costs.
ADMINISTRATIVE_SCOPE: Final[re.Pattern[str]] = re.compile(r"行政单位|参照公务员法|参公")
#: A kind of unit that is a public institution not managed like an administrative unit.
PUBLIC_INSTITUTION: Final[re.Pattern[str]] = re.compile(
    r"(?<!参照公务员法管理的)(?<!参公)事业单位")
#: The public expenses named where the operating costs' section explains their gap.
PUBLIC_EXPENSES_WORDS: Final[re.Pattern[str]] = re.compile(r"公用经费")
#: A statement that there are no agency operating costs, wherever the narrative writes it
#: (``本单位无机关运行经费``, ``为事业单位，不涉及机关运行经费``): group ``what`` their name.
NO_OPERATING_COSTS: Final[re.Pattern[str]] = re.compile(
    r"(?:无|不涉及|没有|未安排)(?P<what>机关运行经费|机关运行费)")

#: The whole a share names when it is the department's whole spending (``占部门支出总额的``,
#: ``占支出预算总计的``), folded, the whole name.
SPENDING_WHOLE: Final[re.Pattern[str]] = re.compile(
    r"(?:本)?(?:部门|单位)?(?:全部)?(?:预算)?支出(?:预算)?(?:总额|总计|合计)")


#: A name that is one part of a department's income or spending, never their whole
#: (``基本支出``, ``项目支出预算``, ``财政拨款收入``, ``事业收入``): a section whose first amount
#: is so named states parts, and that amount is no total of what follows it.
WHOLE_PART_NAME: Final[re.Pattern[str]] = re.compile(
    r"^(?:(?:一般公共预算|政府性基金(?:预算)?|国有资本经营预算)?(?:财政)?(?:当年)?(?:财政)?"
    r"拨款收入|事业(?:单位经营)?收入|经营收入|上级补助收入|附属单位上缴(?:上级)?收入|其他收入"
    r"|基本支出|项目支出|人员经费|公用经费|事业单位经营支出|上缴上级支出|对附属单位补助支出)")


#: A total named as the sum of what the text stated before it (``以上收入合计``, ``上述
#:支出合计``): the amounts before it, from the section's start, are all its parts.
ABOVE_TOTAL: Final[re.Pattern[str]] = re.compile(r"^(?:以上|上述)")


#: The words of a breakdown by economic kind that covers the whole: personnel and public
#: expenses (the two parts of basic expenditure) or basic expenditure, with project
#: expenditure — each pattern must be found in the parts' names.
BASIC_AND_PROJECT: Final[tuple[tuple[re.Pattern[str], ...], ...]] = (
    (re.compile(r"人员"), re.compile(r"公用"), re.compile(r"项目")),
    (re.compile(r"基本"), re.compile(r"项目")),
)

#: Every kind of a department's spending, as a budget's 其中 lists them when it lists them
#: all (``支出预算X万元，其中：基本支出…、项目支出…、事业单位经营支出…、上缴上级支出…、对附属
#: 单位补助支出…``): a 其中 list that names each is the whole breakdown, not some parts.
ALL_SPENDING_KINDS: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"^基本支出"), re.compile(r"^项目支出"), re.compile(r"经营支出"),
    re.compile(r"上缴上级支出"), re.compile(r"对附属单位补助支出"))


#: Words that make an amount span several years (a project's whole investment, a sum
#: accumulated): never a part of one year's money.
MULTI_YEAR_WORDS: Final[re.Pattern[str]] = re.compile(
    r"总投资|概算|累计|总计划|计划总|项目总|总规模|合同总|批复总|以来|历年|\d{4}[-—至~]\d{2,4}")

#: This year's general-budget appropriation income, as its subject is written (without
#: carry-over: ``一般公共预算拨款收入``, ``一般公共预算当年拨款收入``, ``一般公共预算财政拨款收入``).
GENERAL_BUDGET_INCOME: Final[re.Pattern[str]] = re.compile(
    r"一般公共预算(?:财政)?(?:当年)?(?:财政)?拨款收入")
