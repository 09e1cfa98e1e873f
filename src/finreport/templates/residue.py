"""Template residue: the template's own words left in a report, never filled in or
removed (``增加/减少``, ``XX``, ``（具体项目）``, a writing instruction in brackets); the
dates a report gives as of a day; and how the names of organizations end, for finding a
name written with one character changed.

Patterns are matched against folded text (``text.view.fold``).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["AS_OF", "BLANK_AMOUNT", "BRACKETED_COMPARISON", "ORGANIZATION_SUFFIXES", "OTHER_KIND_WORDING", "TEMPLATE_RESIDUE"]

#: Words that say which way a figure went or how it compares: a template offers two of
#: them for the writer to choose (``增加/减少``, ``增长（下降）``, ``大于（小于）``).
_DIRECTION: Final = "增加|减少|增长|下降|降低|上升|大于|小于|高于|低于|多于|少于"
#: What a report calls itself, one of which a template offers in brackets after the
#: other (``本部门（单位）``, ``本厅（局）``).
_SELF: Final = "部门|单位|局|厅|委|办|院|中心|处|室"

#: A residue piece that is a unit with no amount (``支出万元``), by its end.
BLANK_AMOUNT: Final[re.Pattern[str]] = re.compile(r"(?:万元|元)$")

#: Template residue by its shape, one row per kind: two alternatives where the writer had
#: to choose one (directions, what the report calls itself), a blank (``XX``; an amount's
#: unit with no amount: ``支出万元，``), a placeholder or a writing instruction in
#: brackets, a chart's ``[值]``.
TEMPLATE_RESIDUE: Final[tuple[tuple[str, re.Pattern[str]], ...]] = (
    # two different direction words, one after a slash or in brackets after the other
    ("both directions", re.compile(
        rf"(?P<a>{_DIRECTION})(?:/(?!(?P=a))(?:{_DIRECTION})|\((?!(?P=a)\))(?:{_DIRECTION})\))")),
    ("blank", re.compile(r"X{2,}")),
    # an amount's unit where the amount was never written: ``拟购买服务支出万元、``
    ("blank amount", re.compile(
        r"(?=[为增减安合总支收])(?<![\d.,%])(?:为|增加|减少|安排|合计|总计|支出|收入)(?:万元|元)"
        r"(?=[,，。；;、])")),
    ("placeholder", re.compile(r"\((?:具体工作|接待具体项目、金额|具体项目|项目名称|制度名称)\)")),
    # a chart's data label never filled in (Office writes [值] / [VALUE] / [CELLRANGE])
    ("chart label", re.compile(r"\[(?:值|VALUE|CELLRANGE|单元格区域)\]")),
    ("slot", re.compile(r"(?<=主要用于)\([^()]{2,60}\)")),
    ("instruction", re.compile(
        r"\([^()]{0,80}?(?:罗列|可用表格|如持平|不涉及的不列|至类级|至项级|至款级|根据部门实际|非涉密部门"
        r"|若未组织|列明|填写|按上述格式)[^()]{0,120}?\)")),
    # what the report calls itself, with the other choice in brackets: 本部门（单位）
    ("either unit", re.compile(rf"(?:本|我)(?P<s>{_SELF})\((?!(?P=s)\))(?:{_SELF})\)")),
)

#: How a report of one kind names its own parts in the other kind's words, where it
#: describes its make-up (部门预算单位构成): a budget's ``本级决算（行政单位）``,
#: ``（事业单位）决算。``, ``部门决算单位构成``; final accounts' ``本级预算（…）``.  Keyed by
#: whether the report is a budget.
OTHER_KIND_WORDING: Final[dict[bool, re.Pattern[str]]] = {
    True: re.compile(r"(?:本级|\([^()]{1,8}\)|部门)决算(?=[(,，、。;；]|单位构成)"),
    False: re.compile(r"(?:本级|\([^()]{1,8}\))预算(?=[(,，、。;；])"),
}

#: A comparison word in brackets, the template's choice left to the writer:
#: ``决算数（大于）预算数``.
BRACKETED_COMPARISON: Final[re.Pattern[str]] = re.compile(r"\((?:大于|小于)\)")

#: Dates given as "as of" a day: ``截至2020年12月31日`` (the year in group 1).
AS_OF: Final[re.Pattern[str]] = re.compile(r"截[至止](\d{4})年(?:\d{1,2}月)?(?:\d{1,2}日)?")

#: How the names of organizations end (``…总工会``, ``…财政局``); the longest that fits is
#: the name's suffix.
ORGANIZATION_SUFFIXES: Final[tuple[str, ...]] = (
    "总工会", "委员会", "联合会", "协会", "中心", "局", "委", "办", "院", "会", "厅", "部", "处",
    "所", "馆", "站", "队", "社", "校", "园",
)
