"""Which words put an entry in which field of the report's anatomy: the parts of the three
public expenses, of government procurement, the project counts of performance management,
the parts of basic expenditure, the annexes' breakdowns, the units of counts.

Each table names fields of the model; :func:`~finreport.model.fields.check_fields`
holds them to it when this module is imported.
"""

from __future__ import annotations

import re
from typing import Final

from ..model.fields import check_fields
from ..model.report import PerformanceManagement, Procurement, ThreePublicExpenses
from .numbering import marker

__all__ = [
    "ANNEX_EXPENDITURE",
    "ANNEX_INCOME",
    "ASIDE_NAME",
    "ASSET_VEHICLES",
    "AWARDED_WORD",
    "BATCH_UNITS",
    "BESIDE_TOTAL",
    "CLASS_HEADING",
    "FLEET",
    "GRANTED_WORD",
    "KINDS_OPENER",
    "LIST_TOTAL_AFTER",
    "OF_WHICH",
    "OVERSEAS_GROUP_UNITS",
    "PERFORMANCE_COUNTS",
    "PERSONNEL",
    "PERSON_UNITS",
    "PROCUREMENT_FIELDS",
    "PROCUREMENT_WHOLE",
    "PUBLIC_EXPENSES",
    "SME_WHOLE",
    "SUBLIST_BEFORE",
    "SUBTOTAL_BEFORE",
    "THREE_PUBLIC_FIELDS",
    "THREE_PUBLIC_WHOLE_LISTS",
    "TOTAL_WORDS",
    "UNITS_AFTER_COUNT",
    "UNITS_TOTAL",
    "UNITS_TOTAL_AGAIN",
    "UNIT_COUNTERS",
    "UNIT_KIND",
    "VEHICLES_BOUGHT",
]


#: Fields of the three public expenses: (field, name pattern), first match wins.
THREE_PUBLIC_FIELDS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("meetings", re.compile(r"会议费")),
    ("training", re.compile(r"培训费")),
    ("domestic", re.compile(r"国内(?:公务)?接待")),
    ("foreign", re.compile(r"外事接待|外宾接待|接待外宾|外事|外宾")),
    ("reception", re.compile(r"公务接待")),
    ("vehicle_purchase", re.compile(r"公务用车购置(?!及)|车辆购置")),
    ("vehicle_operation", re.compile(r"^(?!.*购置).*运行(?:维护)?")),
    ("vehicles", re.compile(r"公务用车")),
    ("overseas", re.compile(r"出国")),
    ("total", re.compile(r"三公")),
)


#: The fields of the three public expenses' parts that list all of them: each expense
#: once, the vehicles as one amount or as their purchase and their running.
THREE_PUBLIC_WHOLE_LISTS: Final[frozenset[tuple[str, ...]]] = frozenset({
    ("overseas", "reception", "vehicles"),
    ("overseas", "reception", "vehicle_operation", "vehicle_purchase"),
})


def three_public_field(name: str) -> str | None:
    """The field of the three public expenses a name is of (:data:`THREE_PUBLIC_FIELDS`,
    first match), or None."""
    return next((field for field, pattern in THREE_PUBLIC_FIELDS if pattern.search(name)),
                None)


OVERSEAS_GROUP_UNITS = frozenset({"个", "次", "批次", "批"})


PERSON_UNITS = frozenset({"人", "人次", "名"})


FLEET = re.compile(r"保有量|共有(?:公务用)?车|保有")


VEHICLES_BOUGHT = re.compile(r"购置(?:公务用车|车辆)|更新")


#: A procurement amount that is contracts awarded (授予…合同金额, 由…中标或成交的), not the
#: budget reserved for them (预留…预算金额).
AWARDED_WORD: Final[re.Pattern[str]] = re.compile(r"授予|中标|成交")
#: The national form's award to small and micro enterprises, a part of the award to small
#: and medium ones (授予中小企业合同金额…，其中：授予小微企业合同金额…).
GRANTED_WORD: Final[re.Pattern[str]] = re.compile(r"授予")

#: The whole a procurement share names when it is all procurement (占政府采购支出总额的),
#: and when it is the award to small and medium enterprises (占预留中小企业金额的).
PROCUREMENT_WHOLE: Final[re.Pattern[str]] = re.compile(r"政府采购")
SME_WHOLE: Final[re.Pattern[str]] = re.compile(r"中小企业")

#: Fields of government procurement: (field, name pattern), first match wins.
PROCUREMENT_FIELDS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    # the total named as one (…政务服务中心政府采购预算总额: the unit's name says 服务)
    ("total", re.compile(r"采购[^,，。;；]{0,8}(?:总额|总计|合计)$")),
    # the awards of one kind (货物类采购授予中小企业合同金额): neither total of the awards
    ("kind_award", re.compile(r"(?:货物|工程|服务)[类项]?[^,，。;；]{0,8}(?:中小|小微)企业")),
    ("small_micro", re.compile(r"小微企业")),
    ("sme", re.compile(r"中小企业")),
    ("goods", re.compile(r"货物")),
    ("works", re.compile(r"工程")),
    ("services", re.compile(r"服务")),
    ("total", re.compile(r"政府采购")),
)


#: Project counts of performance management, by the words after the count.
PERFORMANCE_COUNTS: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    ("goals_set", re.compile(r"对(?P<n>\d+)个项目编制了?绩效目标"
                             r"|编报绩效目标的\d{4}年度项目(?P<m>\d+)个")),
    ("monitored", re.compile(r"选取(?P<n>\d+)个项目开展绩效监控"
                             r"|绩效跟踪评价的\d{4}年度项目(?P<m>\d+)个"
                             r"|对(?P<k>\d+)个项目开展(?:了)?绩效(?:监控|运行监控)")),
    ("self_evaluated", re.compile(r"对(?P<n>\d+)个项目开展了?绩效目标完成情况自评"
                                  r"|绩效自评的\d{4}年度项目(?P<m>\d+)个")),
    ("evaluated", re.compile(r"自行组织了?(?P<n>\d+)个项目(?:支出)?绩效评价")),
)


PERSONNEL = re.compile(r"人员")


PUBLIC_EXPENSES = re.compile(r"公用")


ANNEX_INCOME = re.compile(r"收入情况")


ANNEX_EXPENDITURE = re.compile(r"支出情况")


#: Words that make a subject a total (本年收入合计, 收入总计, 本年预算收入).
TOTAL_WORDS = re.compile(r"合计|总计|本年")

#: What stands right before a part of one of the parts, not of the total: a sub-breakdown
#: (``基本支出中，人员经费…``, ``上述收入中，``), money beside the total (``另有上年结转…``,
#: ``此外，``) or a part's purposes (``项目支出…，主要用于：1.招商引资…``).
SUBLIST_BEFORE: Final[re.Pattern[str]] = re.compile(
    r"(?:中[，,:：]|另有|此外[，,]?|(?:主要)?用于(?:以下方面)?[:：]?)\s*(?:\d[.、．]|"
    + marker("chinese_paren", "arabic_paren", "circled", "ordinal_clause") + r")?\s*$")
#: What stands right before (or opens) a name whose money is beside a total listed before
#: it (``…（9）其他收入19.87万元。另有上年结转115.30万元``): the list ended, however its
#: items were numbered.
BESIDE_TOTAL: Final[re.Pattern[str]] = re.compile(r"(?:另有|此外[，,]?)\s*$|^(?:另有|此外)")
#: A name that says its money is beside the total (``另有上年结转资金…``), or what a part
#: is used for (``…项目支出500万元，主要用于档案数字化200万元…``).
ASIDE_NAME: Final[re.Pattern[str]] = re.compile(r"^(?:另有|此外|(?:主要)?用于)")
#: What stands right before a subtotal of the parts before it (``…，合计财政拨款1,800万元；``):
#: no part of its own.
SUBTOTAL_BEFORE: Final[re.Pattern[str]] = re.compile(r"(?:合计|小计|共计)\s*$")


#: The words that make a count the number of units: ``下属二级单位``, ``纳入…范围的单位共``.
UNITS_TOTAL = re.compile(r"下属|所属|单位(?:共|包括)?$|纳入")
#: A name of a kind of unit (``行政单位``, ``事业单位``, ``参照公务员法管理的事业单位``): never
#: the count of all units, though it ends with 单位.
UNIT_KIND: Final[re.Pattern[str]] = re.compile(r"(?:行政|事业|企业)单位$")
#: The units a count is of, written after it (``本部门包括3个单位``, ``由5个预算单位组成``):
#: matched right after the count.
UNITS_AFTER_COUNT: Final[re.Pattern[str]] = re.compile(r"\s*(?:二级|下属|所属)?(?:预算)?单位")
#: A second count of all units in the sentence of the first (``纳入…编制范围的单位共3个``).
UNITS_TOTAL_AGAIN: Final[re.Pattern[str]] = re.compile(r"共|纳入|下属|所属")
#: ``其中`` after a kind of units: the kinds that follow are that kind's.
OF_WHICH: Final[re.Pattern[str]] = re.compile(r"其中")


CLASS_HEADING = re.compile(r"\(类\)|支出$")


#: The word before a count that totals the kinds listed before it (``…以及1个…等17个二级预算
#: 单位``), searched in the two characters before the count.
LIST_TOTAL_AFTER: Final[re.Pattern[str]] = re.compile(r"等\s*$")

#: Units of the counts of official receptions: batches (批次).
BATCH_UNITS: Final[frozenset[str]] = frozenset({"批次", "批"})
#: The subject of the count of all vehicles among the state assets (``车辆共3辆``,
#: ``公务用车保有量11辆``).
ASSET_VEHICLES: Final[re.Pattern[str]] = re.compile(r"车辆|共有|保有")

check_fields(ThreePublicExpenses, (f for f, _ in THREE_PUBLIC_FIELDS), "THREE_PUBLIC_FIELDS")
check_fields(Procurement, (f for f, _ in PROCUREMENT_FIELDS if f != "kind_award"),
             "PROCUREMENT_FIELDS")
check_fields(PerformanceManagement, (f for f, _ in PERFORMANCE_COUNTS), "PERFORMANCE_COUNTS")

#: What opens the list of the kinds a count is made of (``共有车辆9辆，其中：…``,
#: ``…5辆，分别为…``, ``…5辆（其中：…）``): a count beside the total without it is no kind.
KINDS_OPENER: Final[re.Pattern[str]] = re.compile(r"其中|包括|分别为|分别是|[:：]")


#: The counters units are counted with (``3个``, ``2家``, ``1所``): a count with another
#: (``29名``, ``35人``) beside a count of units counts people, no kind of unit.
UNIT_COUNTERS: Final = frozenset({"个", "家", "所"})

