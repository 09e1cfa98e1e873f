"""The words of the narrative's sentences: what makes a figure a share, a change, a
budget or a completion rate (:data:`ROLES`), the words that carry no subject
(:data:`FILLERS`), the phrases that act like figures (:data:`TOKENS`), and the words
that open an explanation or a list.

A new wording of a role is a new alternative in its row here, never a new code path in
the entry reader (``finreport.read.entries``).
"""

from __future__ import annotations

import re
from typing import Final

from ..model.figures import AMOUNT_UNITS, COUNT_UNITS
from .numbering import compiled, marker

__all__ = [
    "ABSENT",
    "ABSENT_FUND",
    "ADJUSTED_WORDS",
    "BASIS_WORDS",
    "BUDGET_BASIS_ONLY",
    "BUDGET_CUT_WORDS",
    "CARRY_OVER_WORD",
    "COMPARED_BASIS",
    "COMPARED_YEAR",
    "COUNT_LIKE",
    "DANGLING_SHARE",
    "EXPLANATION",
    "EXPLANATION_GOES_ON",
    "FIGURE_LIKE",
    "FILLERS",
    "FUND_CLAIM",
    "FUND_CLAIM_ELSEWHERE",
    "FUND_NAME",
    "GENERIC_SUBJECTS",
    "LIST_LEAD_WORDS",
    "LIST_OPENERS",
    "MONEYISH",
    "NAME_TAIL",
    "NAME_YEAR_FRONT",
    "NUMBER_LIST_BEFORE",
    "PERIOD",
    "POINT_IN_YEAR",
    "PRIOR_YEAR_WORDS",
    "PURPOSE",
    "ROLE",
    "ROLES",
    "ROLE_WIDTH",
    "SIDE_WORD",
    "THRESHOLD_AMOUNT",
    "TOKENS",
    "TOTAL_SUBJECT",
    "TOTAL_WORDS",
    "TRAILING_FIGURE",
    "WHOLE_WORD",
]


MONEY_UNITS = "|".join(sorted((re.escape(u) for u in AMOUNT_UNITS), key=len, reverse=True))


COUNT_UNIT_NAMES = "|".join(sorted((re.escape(u) for u in COUNT_UNITS), key=len, reverse=True))


DIRECTION_WORDS = (
    r"增加/减少|减少/增加|增长/下降|下降/增长|增加\(减少\)|减少\(增加\)|增长\(下降\)|下降\(增长\)"
    r"|增减率|增减额|增减|增加|减少|增长|下降|上升|降低|增幅|降幅|节约|超支"
)
#: Direction words a minus sign after them turns into a fall (``增加-11.81万元，增长-8.90%``),
#: as it gives one to the words of no direction (``增减额-15.79万元``).
SIGNED_WORDS: Final[frozenset[str]] = frozenset({
    "增减率", "增减额", "增减", "增加", "增长", "上升", "增幅"})


COMPARISON_WORDS = r"(?:大于|小于|等于|高于|低于)(?:\((?:大于|小于)\))?"


#: A statement that there is no such money (``无“三公”经费财政拨款支出``).
ABSENT: Final[str] = (r"无(?P<what>\"?三公\"?经费|政府性基金|国有资本经营|机关运行经费|政府采购)"
                      r"[^。;，,]{0,30}?(?:支出|收入|数据|安排)(?:和(?:收入|支出))?")


#: A statement that all of an amount is one fund's money, right after the amount
#: (``涉及预算拨款39,560.87万元，均为一般公共预算拨款``): the fund is named from
#: ``一般公共预算`` to ``拨款`` (:data:`FUND_NAME` finds which fund).
FUND_CLAIM: Final[str] = (r"(?:均|全部)(?:为|是|系|来源于|来自)(?:" + r"一般公共预算|财政拨款"
                          r"|政府性基金预算?|国有资本经营预算)(?:当年)?(?:财政)?(?:拨款|资金|收入)?")
#: Words in the sentence of a :data:`FUND_CLAIM` that make its amount other than the
#: report's own money of the year: another year (``上年度``, ``以前年度``), several years
#: (``三年合计``, ``全周期``, ``“十五五”期间``, ``至今``), or a wider scope (``全市教育系统``,
#: ``含局属学校``).
FUND_CLAIM_ELSEWHERE: Final[re.Pattern[str]] = re.compile(
    r"上年|去年|以前|往年|历年|以来|至今|期间|周期|合计|累计|总投资|概算|(?<!\d)[两三四五六七八九十\d]年"
    r"|十[一二三四五六七八九]五|系统|全市|全省|全区|全县|全国|各级|下属|所属|局属|直属|含")
#: The fund a :data:`FUND_CLAIM` names, by the words that name it.
FUND_NAME: Final[re.Pattern[str]] = re.compile(
    r"(?P<general>一般公共预算)|(?P<fiscal>财政拨款)|(?P<fund>政府性基金)|(?P<capital>国有资本经营)")


#: One pass over a view finds every token: figures and the phrases that act like them.
TOKENS: Final[re.Pattern[str]] = re.compile(
    r"(?=[决年全未无持基单均0-9])"  # every token starts with one of these: skip other places fast
    r"(?:(?P<cmp>决算数?(?:与(?:年初|全年|调整后?的?)?预算数?(?:基本)?(?:持平|相等|一致)"
    r"|(?:基本)?" + COMPARISON_WORDS + r"(?:年初|全年|调整后?的?)?预算数?))"
    r"|(?P<nobudget>(?:年初|全年)?未安排(?:预算|经费))"
    r"|(?P<absent>" + ABSENT + r")"
    r"|(?P<flat>(?:基本)?(?<!如)持平(?!表述))"  # not the template's (如持平作持平表述)
    r"|(?P<fund>" + FUND_CLAIM + r")"
    r"|(?P<threshold>单价\d+(?:\.\d+)?万元(?:\(含\))?以上)"
    # thousands apart by a comma, a full-width one too (４，９９２．０９万元: never a clause's
    # end, for three digits and no more follow it)
    r"|(?<![\d.,])(?P<num>[1-9]\d{0,2}(?:[,，]\d{3})+(?:\.\d+)?(?![\d,，])|\d+(?:\.\d+)?)"
    r"(?P<approx>余)?"
    r"(?P<unit>万余元|" + MONEY_UNITS + r"|%|‰|" + COUNT_UNIT_NAMES + r"|年度|年|月|日|号|届|期|条|级|类|岁)?)"
)


#: Roles of a figure, by how its label ends; first match wins.  Each row is the pattern
#: of the label's end (a string: the rows are only ever searched together, as one
#: pattern, :data:`ROLE`).
ROLES: Final[tuple[tuple[str, str], ...]] = (
    # (a sign after the word, 增减-100.00万元: the word says no direction, the sign is
    # not read; the change is stated, its direction unknown)
    ("change", r"(?:各|分别|共)?(?P<word>" + DIRECTION_WORDS + r")(?:了|额为|为|额)?[-−]?$"),
    # the prior year's amount a change is from: 比2023年的580.20万元增加…
    # (与2024年度收、支总计1200.00万元相比: the year's amount under its name again)
    ("prior", r"(?:比|较|与)(?:\d{4}年度?|上一?年度?|去年)(?:年初|同口径)?"
              r"(?:[^，,。；;:：比较与]{0,12}?(?:总计|合计))?(?:预算|决算|执行)?"
              r"(?:数|合计|总额)?(?:的|\()?$"
              r"|(?:上一?年度?|去年)(?:年初|同口径)?(?:预算|执行|决算)数?"
              r"(?:为|是)?$"),
    ("share", r"占(?P<whole>[^占]{0,30}的)?(?:比重|比例)?(?:为)?$"),
    ("completion", r"(?:完成|执行)(?:了)?(?:全年|年初|年度|调整后?的?)?(?:预算|计划)(?:的|数的)?$"
                   r"|为(?:全年|年初|年度|调整后?的?)?预算数?的$"
                   r"|预算(?:完成|执行)率(?:为|是)?$"),
    # (完成全年预算（950.00万元）的94.74%: the budget in brackets inside the rate's words)
    ("adjusted", r"(?:全年|调整后?的?|追加后的?)预算(?:数|金额)?(?:为|是|:|\()?$"),
    # the budget changed during the year (年初预算100万元，年中追加50万元，全年预算150万元):
    # a change of the budget, never the amount spent
    # (its words start the match, so that most positions fail at once: 年中 before them is
    # a filler, FILLERS)
    ("budget_change", r"(?P<adjust>追加|追减|调增|调减|(?:预算)?调整(?:增加|减少))"
                      r"(?:预算|经费|资金|安排)?(?:数|金额)?(?:为|了)?$"),
    ("budget", r"(?:年初|年度)?预算(?:数|金额|安排|批复)?(?:为|是|:|\()?$"
               r"|预算申报[^,，。]{0,20}?资金$|财政批复$"),
    ("execution", r"执行数?(?:为|是|:)?$|实际到账$"),
    ("final", r"(?:支出)?决算(?:数)?(?:为|是|:)?$"),
)


#: Words that carry no subject: stripped from the front and the back of a label.
FILLERS: Final[tuple[re.Pattern[str], re.Pattern[str]]] = (
    re.compile(
        r"^(?:[、,，:;/]|\d{1,2}[.、]|"
        + marker("chinese_paren", "arabic_paren", "circled", "ordinal_clause") + r"|其中[-:]?"
        r"|(?:与|比|较)(?:\d{4}年度?|上年度?|去年)(?:年初)?(?:预算|预算执行|预计执行|预计完成|执行|决算)?数?(?:相比)?|具体(?:情况)?[:]?|共计|累计|合计|总计为|另外|分别|其次|以及|和|及"
        r"|截至\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末)?|截止|与|比|较"
        r"|\d{4}年初|\d{4}年度?|(?:19|20)\d{2}$|本年度?|上年度?|去年|全年|年初|年末|当年度?|相比|同比"
        r"|实际"
        r"|(?:总体|整体)(?:上|来看|而言)?)+"
    ),
    re.compile(
        r"(?:各|共|共有|为|是|约|达到|达|总额|金额|资金|支出决算|决算数|决算|支出|费用"
        r"|经费|费|的|了|年中|年度中|年内|执行中|\(?(?:与|比|较)\d{4}年度?(?:相比)?"
        r"|(?:与|比|较)(?:[上去]年度?|同期)(?:年初)?(?:预算|预算执行|预计执行|预计完成|执行|决算)?数?(?:相比)?)+$"
    ),
)


#: The words of a change of the budget during the year that lower it (``调减``, ``追减``);
#: the others (``追加``, ``调增``) raise it.
BUDGET_CUT_WORDS: Final[re.Pattern[str]] = re.compile(r"减")


#: The words that name the year before as a period (``上年机关运行经费预算为…``).
PRIOR_YEAR_WORDS: Final[re.Pattern[str]] = re.compile(r"^(?:上一?年度?|去年)")


NAME_TAIL = re.compile(r"(?:各|共|为|是|约|达到|达|的|了|\(?(?:与|比|较)\d{4}年度?(?:相比)?)+$")


#: The year a change compares with; not a year's own initial budget (``与2024年年初预算
#: 相比`` in 2024's final accounts compares with the budget, not with a year).
COMPARED_YEAR = re.compile(r"(?:与|比|较)(\d{4})年度?(?!年初)")
#: The basis of the amount a change compares with, where the comparison names it
#: (``比上年执行数增加``, ``较2025年预算数减少``): one group per :class:`~finreport.Basis`.
COMPARED_BASIS = re.compile(
    r"(?:与|比|较)(?:\d{4}年度?|上年度?|去年)的?(?:(?P<execution>(?:预算|预计|实际)?执行数?"
    r"|预计完成数?|实际(?:支出|完成)数?|完成数)"
    r"|(?P<final>决算数?)|(?P<adjusted>调整(?:后的?)?预算数?|全年预算数?)"
    r"|(?P<budget>(?:年初)?预算(?:数|安排)?))")


PERIOD = re.compile(r"(\d{4})年度?|本年度?|上年度?(?!结转|结余)|当年度?(?!拨款)")


LIST_OPENERS = re.compile(r"其中|主要用于以下方面|具体如下|具体情况如下|包括")


#: Subjects too generic to name a quantity alone: the clause before them completes them.
GENERIC_SUBJECTS: Final[frozenset[str]] = frozenset({"采购", "合同", "中标", "成交"})


#: All of :data:`ROLES` in one pattern; the leftmost match names the role (ties go to
#: the earlier row).
ROLE = re.compile("|".join(f"(?P<{name}>{pattern})" for name, pattern in ROLES))


#: No role phrase is longer than this (a test holds :data:`ROLES` to it), so a label's
#: role is searched for in its last characters only; every role ends the label (``$``).
ROLE_WIDTH: Final = 48


MONEYISH = re.compile(r"决算|预算|支出|收入|经费|资金|拨款|总计|合计")


#: Words that open the explanation of a change: figures after them explain, they are not
#: the quantity the sentence is about (主要原因是基本支出增加1408.29万元).
EXPLANATION: Final[re.Pattern[str]] = re.compile(r"原因|主要是|主要系|这是由于|由于")


ADJUSTED_WORDS = re.compile(r"全年|调整")


THRESHOLD_AMOUNT = re.compile(r"\d+(?:\.\d+)?万元")


#: ``占`` with no percentage after it: ``…万元，占；`` or ``占项目支出5533万元`` (text
#: extraction moved the percentages away).
#: Bare numbers listed right before a figure, the unit written once after the last
#: (``分别为900.00、100.00万元``): which name each number is of is not read, so the figure is
#: no one's.  Matched on the source just before the figure.
NUMBER_LIST_BEFORE: Final[re.Pattern[str]] = re.compile(r"\d[\d,.]*\s*[、,，]\s*$")

DANGLING_SHARE: Final[re.Pattern[str]] = re.compile(
    r"占(?:[;；。]|$|[^\d。;，,的\"]{1,12}\d[\d,.]*万元)")
#: An amount or a percentage somewhere in a stretch of text (``268.81万元``, ``12%``): a
#: section without one has nothing for the model.
FIGURE_LIKE: Final[re.Pattern[str]] = re.compile(
    r"[0-9０-９][\s,.，．]{0,3}(?:万|元|亿|%|％|千元)")
#: A count somewhere in a stretch of text (``实有人员61人``, ``共有车辆5辆``): a section with
#: one may list its kinds (``其中：在职人员49人，…``).
COUNT_LIKE: Final[re.Pattern[str]] = re.compile(
    r"[0-9０-９](?:" + COUNT_UNIT_NAMES + r")[，,；;。:：]")
#: The statement that there is no such fund money (:data:`ABSENT` alone).
ABSENT_FUND: Final[re.Pattern[str]] = re.compile(ABSENT)

#: The words of a subject that say its basis, not its quantity (``支出预算``, ``决算数``):
#: left out when a list's lead is matched with the statement of its total.
BASIS_WORDS: Final[re.Pattern[str]] = re.compile(r"预算|决算")

#: The words between a prior year's name and its amount that say it is that year's budget
#: and no other stage of it (``2025年机关运行经费预算为``; not ``预算执行数``, ``调整预算``,
#: ``决算``, ``实际``, ``预计``).
BUDGET_BASIS_ONLY: Final[re.Pattern[str]] = re.compile(
    r"^(?!.*(?:执行|决算|调整|追加|全年|实际|预计|完成))(?:年初)?预算(?:数|安排)?(?:为|是|:|：)?$")

#: The words a list's lead introduces its items with (``主要内容如下：``, ``其中：``,
#: ``包括：``, ``具体情况如下``): left out to find the quantity the lead names.
LIST_LEAD_WORDS: Final[re.Pattern[str]] = re.compile(
    r"(?:的)?(?:主要)?(?:内容|构成|情况|用途)?(?:具体)?(?:如下|包括|分别为|其中)[:：]?$|[:：]$")

#: What after a ``；`` carries an explanation on to its next reason (``…；二是…；三是…``),
#: where otherwise the ``；`` ends it and the next item of the list starts.
EXPLANATION_GOES_ON: Final[re.Pattern[str]] = compiled("ordinal_clause", anchored=False)

#: A clause that says what money is for (``主要用于公务用车燃料费``): never the subject of the
#: figure after it.
PURPOSE: Final[re.Pattern[str]] = re.compile(r"(?:主要)?用(?:于|途)")

#: A clause whose subject is the income or the expenditure as a whole, written by the
#: one word (``支出预算155,723.39万元``, ``收入``): a subject, although its words are
#: fillers elsewhere.
TOTAL_SUBJECT: Final[re.Pattern[str]] = re.compile(r"(?:本年度?)?(?:收入|支出)")

#: The word of a quantity's name that says which half it is of: income (收) or
#: expenditure (支).  Two names that differ in it name two quantities
#: (``财政拨款收入``, ``财政拨款支出``), never one written with a slip.
SIDE_WORD: Final[re.Pattern[str]] = re.compile(r"[收支]")

#: A name of carried-over money (``年初结转和结余``, ``上年财政拨款结转``): another quantity
#: than the year's income or spending whose words it shares.
CARRY_OVER_WORD: Final[re.Pattern[str]] = re.compile(r"结转|结余")
#: A name of the whole, this year's money with the carry-over (``收入预算总计``,
#: ``收支总计``, ``财政拨款收支总预算``): another quantity than this year's (``本年收入``).
WHOLE_WORD: Final[re.Pattern[str]] = re.compile(r"总计|总预算|收、?支总")

#: The point of the year a stock is taken at (``年初结转和结余``, ``年末结转和结余``): two
#: quantities though their names differ only there.
POINT_IN_YEAR: Final[re.Pattern[str]] = re.compile(r"年初|年末")


#: A figure at the end of a label (the amount a subject was written with, before an
#: aside in brackets: ``公务用车购置及运行维护费12.64万元（…）``).
TRAILING_FIGURE: Final[re.Pattern[str]] = re.compile(r"(?:为)?\d[\d,.]*(?:万元|亿元|元)?$")
#: Words of a total or of a basis that one quantity is named with or without
#: (``总预算``, ``总计``, ``预算支出``): left out to see that two names are one quantity.
TOTAL_WORDS: Final[re.Pattern[str]] = re.compile(r"预算|决算|总计|总额|合计|总|各")
#: What may stand in front of a quantity's name when it is first written and not when it
#: is named again: the organization and the year, ending in the year
#: (``苏州市数据局2026年度``).
NAME_YEAR_FRONT: Final[re.Pattern[str]] = re.compile(r"(?:\d{4}|本|今)年度?$")
