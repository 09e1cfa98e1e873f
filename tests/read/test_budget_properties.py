"""Property tests of :func:`finreport.check` on generated department budgets (部门预算).

A generated budget follows the Jiangsu template of ``fixtures/jiangsu_budget/budget_jiangsu_consistent.txt``:
a title line, 第一部分 部门概况, 第二部分 (the tables, not in the text), 第三部分 …部门预算情况说明
with its sections 一 to 十二, and 第四部分 名词解释.  The amounts are drawn in cents: the items
(项) of the general budget with this year's and last year's budget, the reserve
(单位预留机动经费, part of 行政运行), the other funds (其他资金, unchanged), the public expenses
(公用经费 = 机关运行经费), the three public expenses with 会议费 and 培训费, and procurement.
Every other figure is computed from them: sums, shares (part / whole, half up at two
decimals, never adjusted to make 100%) and changes (change / (current − change), half up at
two decimals; ``此项支出是今年新增支出`` instead of a rate on a zero prior year).  The text may
use thousands separators, spaces around numbers, whole amounts without decimals, hard
wrapping (words and numbers broken across lines) and page footers inside sentences.

So ``check()`` must find no error or warning, the parser must read the items as
generated, and a 项 line whose growth rate is moved by a percentage point or more must
give an FR301 error that points at that rate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

import attrs
import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

import finreport
from finreport import Severity

HUNDRED = Decimal(100)
CENT = Decimal("0.01")

SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

ORGS = ("江苏省财政厅", "浙江省教育厅", "安徽省民政厅", "福建省水利厅", "江西省交通运输厅",
        "湖南省司法厅")

#: The functional classification the generator draws from: class (类) → (款, 项, is a
#: project).  The first class and its first item (行政运行) are always present.
CATALOGUE: dict[str, tuple[tuple[str, str, bool], ...]] = {
    "一般公共服务": (
        ("政府办公厅（室）及相关机构事务", "行政运行", False),
        ("政府办公厅（室）及相关机构事务", "一般行政管理事务", True),
        ("政府办公厅（室）及相关机构事务", "机关服务", False),
        ("政府办公厅（室）及相关机构事务", "专项业务活动", True),
        ("政府办公厅（室）及相关机构事务", "事业运行", False),
    ),
    "教育": (
        ("进修及培训", "培训支出", True),
    ),
    "社会保障和就业": (
        ("行政事业单位养老支出", "行政单位离退休", False),
        ("行政事业单位养老支出", "机关事业单位基本养老保险缴费支出", False),
        ("行政事业单位养老支出", "机关事业单位职业年金缴费支出", False),
    ),
    "卫生健康": (
        ("行政事业单位医疗", "行政单位医疗", False),
        ("行政事业单位医疗", "事业单位医疗", False),
        ("行政事业单位医疗", "公务员医疗补助", False),
    ),
    "住房保障": (
        ("住房改革支出", "住房公积金", False),
        ("住房改革支出", "提租补贴", False),
        ("住房改革支出", "购房补贴", False),
    ),
}
CLASSES = tuple(CATALOGUE)
REASONS = ("人员经费政策性调整", "业务工作量变化", "压减一般性支出", "缴费基数调整",
           "新增专项业务活动经费")
#: Reasons that say a direction, with the way they explain: a consistent report gives
#: them only to a change that way (FR305 compares a reason's uses).
REASON_WAY = {"压减一般性支出": False, "新增专项业务活动经费": True}


def fitting(reason: str, up: bool) -> str:
    """*reason*, or a reason of no direction where *reason* says the other way."""
    return reason if REASON_WAY.get(reason, up) == up else "业务工作量变化"
CN = "一二三四五六七八九十"
PUNCTUATION = "，。；：、）”%"


# --------------------------------------------------------------------------- the model


@attrs.frozen
class Flow:
    """This year's and last year's budget of one quantity, in cents."""

    current: int
    prior: int

    @property
    def change(self) -> int:
        return self.current - self.prior

    def __add__(self, other: Flow) -> Flow:
        return Flow(self.current + other.current, self.prior + other.prior)


NOTHING = Flow(0, 0)


@attrs.frozen
class Item:
    """One 项 line of the general budget."""

    group: str       # 款
    name: str        # 项
    flow: Flow
    project: bool    # counted in 项目支出 (else in 基本支出)


@attrs.frozen
class Klass:
    """One class (类) of the general budget with its items."""

    name: str
    items: tuple[Item, ...]

    @property
    def flow(self) -> Flow:
        return sum((i.flow for i in self.items), NOTHING)


@attrs.frozen
class Spec:
    """The drawn amounts of a generated budget (cents) and how its text is laid out."""

    org: str
    year: int
    classes: tuple[Klass, ...]     # general budget = fiscal appropriation (no fund budget)
    reserve: Flow                  # 单位预留机动经费, inside the first item (行政运行)
    other: int                     # 其他资金, the same as last year, counted in 基本支出
    public: int                    # 公用经费 of the fiscal basic expenditure = 机关运行经费
    operating_prior: int           # last year's 机关运行经费
    overseas: Flow
    purchase: Flow                 # 公务用车购置
    operation: Flow                # 公务用车运行维护费
    reception: Flow
    meetings: Flow                 # 会议费 (not part of the three public expenses)
    training: Flow                 # 培训费 (not part of them either)
    procurement: tuple[int, int, int]  # goods, works, services
    # the surface
    commas: bool = False           # thousands separators (1,365.80)
    spaces: bool = False           # ASCII numbers set off by spaces (1147.21 万元, 增长 10.80%)
    trim: bool = False             # whole amounts and rates without decimals (45 万元, 31%)
    width: int | None = None       # hard-wrap paragraphs at this many columns
    split_numbers: bool = False    # wrapping may break an amount after its decimal point
    footer_every: int = 0          # a page footer after every n-th wrapped line

    @property
    def items(self) -> list[Item]:
        return [i for k in self.classes for i in k.items]

    @property
    def fiscal(self) -> Flow:
        return sum((k.flow for k in self.classes), NOTHING)

    @property
    def total(self) -> Flow:
        return self.fiscal + Flow(self.other, self.other)

    @property
    def project(self) -> Flow:
        return sum((i.flow for i in self.items if i.project), NOTHING)

    @property
    def fiscal_basic(self) -> Flow:
        basic = sum((i.flow for i in self.items if not i.project), NOTHING)
        return Flow(basic.current - self.reserve.current, basic.prior - self.reserve.prior)

    @property
    def basic(self) -> Flow:
        return self.fiscal_basic + Flow(self.other, self.other)

    @property
    def personnel(self) -> int:
        return self.fiscal_basic.current - self.public

    @property
    def vehicles(self) -> Flow:
        return self.purchase + self.operation


def rounded(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def share_of(part: int, whole: int) -> Decimal:
    return rounded(Decimal(part) * HUNDRED / Decimal(whole))


def rate_of(flow: Flow) -> Decimal:
    """The rate of change: |change| / prior, half up at two decimals."""
    assert flow.prior > 0
    return rounded(Decimal(abs(flow.change)) * HUNDRED / Decimal(flow.prior))


# --------------------------------------------------------------------------- the text


class Text:
    """The report's text, built piece by piece, remembering where its figures stand.

    ``figures`` maps a key (``item.0.2.rate``) to the figure's ``(start, end, kind)``, kind
    ``amount`` (the number alone) or ``percent`` (with its ``%``); ``headings`` are the
    ranges no wrapping may break.  *override* writes another text for a figure.
    """

    def __init__(self, spec: Spec, override: dict[str, str] | None = None) -> None:
        self.spec = spec
        self.parts: list[str] = []
        self.length = 0
        self.figures: dict[str, tuple[int, int, str]] = {}
        self.headings: list[tuple[int, int]] = []
        self.override = override or {}
        self.counter = 0

    def add(self, *pieces: str) -> None:
        for piece in pieces:
            self.parts.append(piece)
            self.length += len(piece)

    def _space(self) -> None:
        """A space before an ASCII number, after a word (not after punctuation)."""
        last = self.parts[-1][-1:] if self.parts else "\n"
        if self.spec.spaces and last not in "\n，。；：、（“ " + PUNCTUATION:
            self.add(" ")

    def heading(self, line: str) -> None:
        self.headings.append((self.length, self.length + len(line)))
        self.add(line, "\n")

    def year(self, year: int, suffix: str) -> None:
        """*year* and what follows it (``年度…``)."""
        self._space()
        self.add(str(year), " " if self.spec.spaces else "", suffix)

    def amount(self, cents: int, key: str | None = None) -> None:
        """An amount in 万元."""
        self.counter += 1
        key = key or f"amount.{self.counter}"
        written = self.override.get(key, money(cents, self.spec))
        self._space()
        self.figures[key] = (self.length, self.length + len(written), "amount")
        self.add(written, " 万元" if self.spec.spaces else "万元")

    def percent(self, value: Decimal, key: str | None = None) -> None:
        self.counter += 1
        key = key or f"percent.{self.counter}"
        written = self.override.get(key, percent_text(value, self.spec)) + "%"
        self._space()
        self.figures[key] = (self.length, self.length + len(written), "percent")
        self.add(written)

    def share(self, part: int, whole: int, lead: str = "占") -> None:
        """``占 x%``: *part* of *whole*; ``0%`` for nothing."""
        self.add(lead)
        if part == 0:
            self._space()
            self.add("0%")
        else:
            self.percent(share_of(part, whole))

    def change(self, flow: Flow, lead: str = "与上年相比", key: str | None = None,
               reason: str = "") -> None:
        """The change of *flow* on last year: amount and rate, 与上年预算数一致 for none,
        此项支出是今年新增支出 for a zero prior year; a sentence of its own."""
        if flow.change == 0:
            self.add("与上年预算数一致。")
            return
        if flow.prior == 0:
            self.add("此项支出是今年新增支出。")
            return
        up = flow.change > 0
        self.add(lead, "增加" if up else "减少")
        self.amount(abs(flow.change), f"{key}.change" if key else None)
        self.add("，", "增长" if up else "下降")
        self.percent(rate_of(flow), f"{key}.rate" if key else None)
        self.add("。")
        if reason:
            self.add(f"主要原因是{fitting(reason, up)}。")

    def budget_change(self, flow: Flow, reason: str) -> None:
        """A change on last year's budget without a rate (the three public expenses)."""
        if flow.change == 0:
            self.add("本年数与上年预算数一致。")
            return
        self.add("比上年预算增加" if flow.change > 0 else "比上年预算减少")
        self.amount(abs(flow.change))
        self.add(f"，主要原因是{fitting(reason, flow.change > 0)}。")

    def __str__(self) -> str:
        return "".join(self.parts)


def money(cents: int, spec: Spec) -> str:
    """An amount in 万元 as written: two decimals, whole amounts bare when *spec.trim*."""
    value = Decimal(cents) / 100
    if cents == 0:
        return "0"
    if spec.trim and cents % 100 == 0:
        return f"{cents // 100:,}" if spec.commas else str(cents // 100)
    return f"{value:,.2f}" if spec.commas else f"{value:.2f}"


def percent_text(value: Decimal, spec: Spec) -> str:
    text = f"{value:.2f}"
    return text[:-3] if spec.trim and text.endswith(".00") else text


def _reason(n: int) -> str:
    return REASONS[n % len(REASONS)]


def render_plain(spec: Spec, override: dict[str, str] | None = None) -> Text:
    """The report as paragraphs, one a line (see :func:`render` for the layout)."""
    t = Text(spec, override)
    org, year = spec.org, spec.year
    total, fiscal = spec.total, spec.fiscal

    t.add(org)
    t.year(year, "年度部门预算")
    t.add("\n\n")
    t.heading("第一部分 部门概况")
    t.heading("一、主要职能")
    t.add("1．贯彻执行国家和省有关方针政策和法律法规，拟订本行业发展规划并组织实施。\n"
          "2．承办省政府交办的其他事项。\n")
    t.heading("二、部门机构设置和所属单位情况")
    t.add(f"{org}内设综合处、规划处、财务处等处室，纳入本部门部门预算编制范围的单位包括本级和所属事业单位。\n")
    t.heading(f"第二部分 {org} {year} 年度部门预算表")
    t.add("具体公开表样附后\n\n")
    t.heading(f"第三部分 {org} {year} 年度部门预算情况说明")

    # 一
    t.heading("一、收支预算总表情况说明")
    t.add("本表反映本部门")
    t.year(year, "年度收支预算的总体情况。\n")
    t.add(org)
    t.year(year, "年度收入、支出预算总计")
    t.amount(total.current)
    t.add("，")
    t.change(total, "与上年相比收、支预算总计各", "total", _reason(0))
    t.add("其中：\n（一）收入预算总计")
    t.amount(total.current)
    t.add("。包括：\n1．财政拨款收入预算总计")
    t.amount(fiscal.current)
    t.add("。\n（1）一般公共预算收入预算")
    t.amount(fiscal.current)
    t.add("，")
    t.change(fiscal, "与上年相比", "fiscal.1", _reason(0))
    t.add("\n（2）政府性基金收入预算")
    t.amount(0)
    t.add("，与上年数一致，本部门无此项收入。\n2．财政专户管理资金收入预算总计")
    t.amount(0)
    t.add("，与上年数一致，本部门无此项收入。\n3．其他资金收入预算总计")
    t.amount(spec.other)
    t.add("，与上年数一致。\n" if spec.other else "，与上年数一致，本部门无此项收入。\n")
    t.add("4．上年结转资金预算数为")
    t.amount(0)
    t.add("，与上年数一致，本部门无此项结转资金。\n（二）支出预算总计")
    t.amount(total.current)
    t.add("。包括：\n")
    for n, klass in enumerate(spec.classes):
        flow = klass.flow + (Flow(spec.other, spec.other) if n == 0 else NOTHING)
        t.add(f"{n + 1}．{klass.name}（类）支出")
        t.amount(flow.current, f"class.{n}")
        t.add("，")
        t.change(flow, "与上年相比", f"class.{n}", _reason(n + 1))
        t.add("\n")
    for n, (name, flow) in enumerate((("基本支出", spec.basic), ("项目支出", spec.project),
                                      ("单位预留机动经费", spec.reserve))):
        t.add("此外，" if n == 0 else "", f"{name}预算数为")
        t.amount(flow.current)
        t.add("。")
        t.change(flow, "与上年相比", None, _reason(n + 2))
        t.add("\n")

    # 二
    t.heading("二、收入预算情况说明")
    t.add("本表反映本部门")
    t.year(year, "年度收入预算的总体情况，填列数与收支预算总表的收入数相同。\n")
    t.add(f"{org}本年收入预算合计")
    t.amount(total.current)
    t.add("，其中：\n")
    sources = (("一般公共预算收入", fiscal.current), ("政府性基金预算收入", 0),
               ("财政专户管理资金", 0), ("其他资金", spec.other), ("上年结转资金", 0))
    _shares(t, sources, total.current)

    # 三
    t.heading("三、支出预算情况说明")
    t.add("本表反映本部门")
    t.year(year, "年度支出预算的总体情况，安排数与收支预算总表的支出数相同。\n")
    t.add(f"{org}本年支出预算合计")
    t.amount(total.current)
    t.add("，其中：\n")
    kinds = (("基本支出", spec.basic.current), ("项目支出", spec.project.current),
             ("单位预留机动经费", spec.reserve.current))
    _shares(t, kinds, total.current)

    # 四
    t.heading("四、财政拨款收支预算总表情况说明")
    t.add(org)
    t.year(year, "年度财政拨款收、支总预算")
    t.amount(fiscal.current)
    t.add("。")
    t.change(fiscal, "与上年相比，财政拨款收、支总计各", "fiscal.4", _reason(0))
    t.add("\n")

    # 五
    t.heading("五、财政拨款支出预算表情况说明")
    t.add("本表反映本部门")
    t.year(year, "年度财政拨款支出预算的安排情况，按政府收支分类科目的功能分类细化到“项”级。\n")
    t.add(org)
    t.year(year, "年财政拨款预算支出")
    t.amount(fiscal.current)
    t.add("，占本年支出合计的")
    t.percent(share_of(fiscal.current, total.current))
    t.add("。")
    t.change(fiscal, "与上年相比，财政拨款支出", "fiscal.5", _reason(0))
    t.add("\n其中：\n")
    for n, klass in enumerate(spec.classes):
        suffix = "" if n == 0 else "支出"
        t.heading(f"（{CN[n]}）{klass.name}{suffix}（类）")
        for m, item in enumerate(klass.items):
            t.add(f"{m + 1}．{item.group}（款）{item.name}（项）支出")
            t.amount(item.flow.current, f"item.{n}.{m}")
            t.add("，")
            t.change(item.flow, "与上年相比", f"item.{n}.{m}", _reason(n + m))
            t.add("\n")

    # 六
    basic = spec.fiscal_basic.current
    t.heading("六、财政拨款基本支出预算表情况说明")
    t.add("本表反映本部门")
    t.year(year, "年度财政拨款基本支出预算的安排情况，按政府收支分类科目的经济分类细化到“款”级。\n")
    t.add(org)
    t.year(year, "年度财政拨款基本支出预算")
    t.amount(basic)
    t.add("，其中：\n（一）人员经费")
    t.amount(spec.personnel)
    t.add("。主要包括：基本工资、津贴补贴、绩效工资、社会保障缴费和住房公积金等。\n（二）公用经费")
    t.amount(spec.public)
    t.add("。主要包括：办公费、水电费、邮电费、差旅费、日常维修费等商品和服务支出。\n")

    # 七
    t.heading("七、政府性基金支出预算表情况说明")
    t.add("本部门无政府性基金预算，本表无数据。\n")

    # 八
    t.heading("八、一般公共预算支出预算表情况说明")
    t.add(org)
    t.year(year, "年一般公共预算财政拨款支出预算")
    t.amount(fiscal.current)
    t.add("，")
    t.change(fiscal, "与上年相比", "fiscal.8", _reason(0))
    t.add("\n")

    # 九
    t.heading("九、一般公共预算基本支出预算表情况说明")
    t.add(org)
    t.year(year, "年度一般公共预算财政拨款基本支出预算")
    t.amount(basic)
    t.add("，其中：\n（一）人员经费")
    t.amount(spec.personnel)
    t.add("。主要用于在职人员工资福利、社会保障缴费和住房公积金等。\n（二）公用经费")
    t.amount(spec.public)
    t.add("。主要用于机关日常办公、差旅、会议、培训和设施维修等。\n")

    # 十
    t.heading("十、一般公共预算机关运行经费支出预算表情况说明")
    t.year(year, "年本部门一般公共预算机关运行经费预算支出")
    t.amount(spec.public)
    t.add("，")
    t.change(Flow(spec.public, spec.operating_prior), "与上年相比", "operating", _reason(2))
    t.add("\n")

    # 十一
    three = spec.overseas.current + spec.vehicles.current + spec.reception.current
    t.heading("十一、一般公共预算“三公”经费、会议费、培训费支出预算表情况说明")
    t.add("本表反映本部门")
    t.year(year, "年度一般公共预算安排的“三公”经费情况。\n")
    t.add(org)
    t.year(year, "年度一般公共预算拨款安排的“三公”经费预算中，")
    parts = (("因公出国（境）费", spec.overseas), ("公务用车购置及运行费", spec.vehicles),
             ("公务接待费", spec.reception))
    for n, (name, flow) in enumerate(parts):
        t.add(name)
        t.amount(flow.current)
        t.share(flow.current, three, "，占“三公”经费的")
        t.add("；" if n < len(parts) - 1 else "。具体情况如下：\n")
    t.add("1．因公出国（境）费预算支出")
    t.amount(spec.overseas.current)
    t.add("，")
    t.budget_change(spec.overseas, "出访计划调整")
    t.add("\n2．公务用车购置及运行费预算支出")
    t.amount(spec.vehicles.current)
    t.add("。其中：\n（1）公务用车购置预算支出")
    t.amount(spec.purchase.current)
    t.add("，")
    t.budget_change(spec.purchase, "按规定更新已达报废年限的车辆")
    t.add("\n（2）公务用车运行维护费预算支出")
    t.amount(spec.operation.current)
    t.add("，")
    t.budget_change(spec.operation, "车辆保险和维修费用变化")
    t.add("\n3．公务接待费预算支出")
    t.amount(spec.reception.current)
    t.add("，")
    t.budget_change(spec.reception, "公务接待任务变化")
    t.add("\n")
    for name, flow, why in (("会议费", spec.meetings, "会议数量调整"),
                            ("培训费", spec.training, "培训计划调整")):
        t.add(org)
        t.year(year, f"年度一般公共预算拨款安排的{name}预算支出")
        t.amount(flow.current)
        t.add("，")
        t.budget_change(flow, why)
        t.add("\n")

    # 十二
    t.heading("十二、政府采购预算表情况说明")
    t.year(year, "年我部门政府采购预算总额为")
    t.amount(sum(spec.procurement))
    t.add("。其中")
    kinds_bought = [(f"拟购买{kind}", cents) for kind, cents
                    in zip(("货物", "工程", "服务"), spec.procurement, strict=True) if cents]
    for n, (name, cents) in enumerate(kinds_bought):
        t.add(name)
        t.amount(cents)
        t.add("；" if n < len(kinds_bought) - 1 else "。\n\n")

    t.heading("第四部分 名词解释")
    t.add("一、财政拨款：指省级财政通过一般公共预算和政府性基金预算安排给本部门的资金。\n"
          "二、基本支出：指为保障机构正常运转、完成日常工作任务而安排的人员经费和公用经费。\n")
    return t


def _shares(t: Text, parts: Sequence[tuple[str, int]], whole: int) -> None:
    for n, (name, cents) in enumerate(parts):
        t.add(name)
        t.amount(cents)
        t.add("，")
        t.share(cents, whole)
        t.add("；\n" if n < len(parts) - 1 else "。\n")


def _width(char: str) -> float:
    return 0.5 if ord(char) < 0x80 else 1.0


@attrs.frozen
class Rendered:
    text: str
    figures: dict[str, tuple[int, int, str]]   # key → (start, end, kind) in *text*


def render(spec: Spec, override: dict[str, str] | None = None) -> Rendered:
    """The report's text as a PDF's text layer may give it: paragraphs hard-wrapped at
    *spec.width* columns (never inside a heading or a percentage, before punctuation or
    inside a number, except after an amount's decimal point when *spec.split_numbers*:
    ``1234.`` / ``56 万元``), and a page footer ``— n —`` followed by a blank line after
    every *footer_every*-th wrapped line (so it stands inside a sentence)."""
    t = render_plain(spec, override)
    plain = str(t)
    # positions where a break may go (a break at p goes before plain[p])
    forbidden = set()
    for start, end in t.headings:
        forbidden.update(range(start, end + 1))
    for start, end, kind in t.figures.values():
        forbidden.update(range(start + 1, end + 1 if kind == "percent" else end))
        if kind == "amount" and spec.split_numbers and "." in plain[start:end]:
            forbidden.discard(plain.index(".", start, end) + 1)
    for p, char in enumerate(plain):
        if char in PUNCTUATION or char == "\n" or (p > 0 and plain[p - 1] in "（“\n"):
            forbidden.add(p)
    breaks: set[int] = set()
    if spec.width is not None:
        column = 0.0
        last_ok: int | None = None
        for p, char in enumerate(plain):
            if char == "\n":
                column, last_ok = 0.0, None
                continue
            if p not in forbidden:
                last_ok = p
            column += _width(char)
            if column > spec.width and last_ok is not None and last_ok > 0 and \
                    plain[last_ok - 1] != "\n":
                if plain[last_ok - 1] == " ":
                    last_ok -= 1   # the break takes the place of the space
                breaks.add(last_ok)
                column = sum(_width(c) for c in plain[last_ok:p + 1])
                last_ok = None
    # build the text, mapping offsets
    out: list[str] = []
    new_at = [0] * (len(plain) + 1)
    page, wrapped = 1, 0
    length = 0
    for p, char in enumerate(plain):
        if p in breaks:
            wrapped += 1
            inside_number = plain[p - 1] == "." and plain[p].isdigit()
            if spec.footer_every and wrapped % spec.footer_every == 0 and not inside_number:
                piece = f"\n— {page} —\n\n"
                page += 1
            else:
                piece = "\n"
            out.append(piece)
            length += len(piece)
            if char == " ":
                new_at[p] = length
                continue
        new_at[p] = length
        out.append(char)
        length += 1
    new_at[len(plain)] = length
    figures = {k: (new_at[s], new_at[e - 1] + 1, kind) for k, (s, e, kind) in t.figures.items()}
    return Rendered("".join(out), figures)


# --------------------------------------------------------------------------- strategies

TOP = 10**7      # 100,000.00 万元


def cents(low: int = 0, high: int = TOP) -> st.SearchStrategy[int]:
    """An amount in cents, often a whole number of 万元 as reports write them."""
    return st.one_of(st.integers(low, high),
                     st.integers(-(-low // 100), high // 100).map(lambda n: n * 100))


@st.composite
def flows(draw: st.DrawFn, low: int = 0, high: int = TOP, new: bool = True) -> Flow:
    """This year's amount (at least *low*) and last year's: another amount, the same one,
    or nothing (a new expenditure) when *new*."""
    current = draw(cents(low, high))
    near = st.integers(max(1, current * 7 // 10), max(1, current * 13 // 10))
    options = [cents(1, high), near, st.just(current)]
    if new:
        options.append(st.just(0))
    return Flow(current, draw(st.one_of(*options)))


@st.composite
def specs(draw: st.DrawFn, rated: bool = False) -> Spec:
    """A budget; with *rated*, its first item (行政运行) changes, so states a rate."""
    names = draw(st.lists(st.sampled_from(CLASSES[1:]), max_size=len(CLASSES) - 1,
                          unique=True))
    names = [CLASSES[0], *sorted(names, key=CLASSES.index)]
    # 行政运行: holds the reserve and more, and was there last year
    first = draw(flows(low=300, new=False).filter(
        lambda f: f.prior >= 2 and (f.change != 0 or not rated)))
    reserve = Flow(draw(st.integers(1, first.current - 2)),
                   draw(st.integers(0, first.prior - 1)))
    classes = []
    for n, name in enumerate(names):
        catalogue = CATALOGUE[name]
        chosen = draw(st.lists(st.sampled_from(range(1 if n == 0 else 0, len(catalogue))),
                               min_size=0 if n == 0 else 1, max_size=len(catalogue),
                               unique=True))
        if n == 0:
            chosen = [0, *chosen]
        items = []
        for index in sorted(chosen):
            group, item, project = catalogue[index]
            flow = first if (n, index) == (0, 0) else draw(flows(low=1))
            items.append(Item(group, item, flow, project))
        classes.append(Klass(name, tuple(items)))
    spec = Spec(
        org=draw(st.sampled_from(ORGS)),
        year=draw(st.integers(2019, 2024)),
        classes=tuple(classes),
        reserve=reserve,
        other=draw(st.one_of(st.just(0), cents(1, TOP // 10))),
        public=0,
        operating_prior=draw(cents(1, TOP // 10)),
        overseas=draw(flows(high=10**6)),
        purchase=draw(flows(high=10**6)),
        operation=draw(flows(low=1, high=10**6)),
        reception=draw(flows(high=10**6)),
        meetings=draw(flows(low=1, high=10**6)),
        training=draw(flows(low=1, high=10**6)),
        procurement=(1, 0, 0),  # drawn below, within what the department spends
        commas=draw(st.booleans()),
        spaces=draw(st.booleans()),
        trim=draw(st.booleans()),
        width=draw(st.one_of(st.none(), st.integers(20, 40))),
        split_numbers=draw(st.booleans()),
        footer_every=draw(st.sampled_from([0, 9, 23])),
    )
    public = draw(st.integers(1, spec.fiscal_basic.current - 1))
    # what a department buys is part of what it spends (FR910 reads more as a unit slip)
    whole = spec.total.current
    goods = draw(st.integers(1, max(1, whole // 3)))
    works = draw(st.integers(0, max(0, whole // 3)))
    services = draw(st.integers(0, max(0, whole // 3)))
    # and the three public expenses, meetings and training are parts of what it spends
    def part(flow: Flow) -> Flow:
        return Flow(min(flow.current, whole), min(flow.prior, whole))

    return attrs.evolve(spec, public=public, procurement=(goods, works, services),
                        overseas=part(spec.overseas), purchase=part(spec.purchase),
                        operation=part(spec.operation), reception=part(spec.reception),
                        meetings=part(spec.meetings), training=part(spec.training))


# --------------------------------------------------------------------------- helpers


def serious(findings: Sequence[finreport.Finding]) -> list[str]:
    return [f"{f.code} {f.severity.value} {f.message}" for f in findings
            if f.severity is not Severity.INFO]


def flatten(text: str) -> str:
    """The text without its layout: no line breaks, page footers or spaces."""
    return re.sub(r"\n— \d+ —\n\n|\n| ", "", text)


def plain_number(written: str) -> str:
    return str(Decimal(written.replace(",", "")))


def expected_lines(spec: Spec) -> list[tuple[str, str | None, str | None, str | None]]:
    """(amount, change amount, rate, direction word) of every 项 line as generated; None
    for the change of a line that states none (与上年预算数一致, 此项支出是今年新增支出)."""
    out: list[tuple[str, str | None, str | None, str | None]] = []
    for item in spec.items:
        flow = item.flow
        amount = plain_number(money(flow.current, spec))
        if flow.change == 0 or flow.prior == 0:
            out.append((amount, None, None, None))
        else:
            out.append((amount, plain_number(money(abs(flow.change), spec)),
                        plain_number(percent_text(rate_of(flow), spec)),
                        "增加" if flow.change > 0 else "减少"))
    return out


def check_arithmetic(spec: Spec) -> None:
    """The generator's own relations, recomputed from the drawn amounts."""
    assert spec.total.current == spec.basic.current + spec.project.current + \
        spec.reserve.current
    assert spec.fiscal_basic.current == spec.personnel + spec.public
    assert spec.personnel > 0 and spec.public > 0
    assert spec.fiscal.prior > 0 and spec.total.prior > 0


# --------------------------------------------------------------------------- examples

_GENERAL = "政府办公厅（室）及相关机构事务"

#: The figures of ``fixtures/jiangsu_budget/budget_jiangsu_consistent.txt`` (its 款 names aside).
JIANGSU = Spec(
    org="江苏省财政厅", year=2019,
    classes=(
        Klass("一般公共服务", (
            Item(_GENERAL, "行政运行", Flow(528642, 497357), False),
            Item(_GENERAL, "一般行政管理事务", Flow(214060, 195460), True),
            Item(_GENERAL, "机关服务", Flow(63875, 63875), False),
            Item(_GENERAL, "专项业务活动", Flow(42000, 0), True))),
        Klass("社会保障和就业", (
            Item("行政事业单位养老支出", "行政单位离退休", Flow(31846, 41476), False),
            Item("行政事业单位养老支出", "机关事业单位基本养老保险缴费支出", Flow(61238, 56418),
                 False),
            Item("行政事业单位养老支出", "机关事业单位职业年金缴费支出", Flow(24495, 22567),
                 False))),
        Klass("卫生健康", (
            Item("行政事业单位医疗", "行政单位医疗", Flow(28640, 26480), False),)),
        Klass("住房保障", (
            Item("住房改革支出", "住房公积金", Flow(54024, 50376), False),
            Item("住房改革支出", "提租补贴", Flow(118650, 108420), False),
            Item("住房改革支出", "购房补贴", Flow(9680, 0), False))),
    ),
    reserve=Flow(31000, 24500), other=4500, public=136456, operating_prior=130610,
    overseas=Flow(4800, 4800), purchase=Flow(2800, 0), operation=Flow(9840, 10500),
    reception=Flow(3560, 3320), meetings=Flow(9650, 10880), training=Flow(15800, 13800),
    procurement=(41230, 0, 95350),
    spaces=True, trim=True, width=27, footer_every=20)

#: Shares whose honest rounding does not add to 100: basic, project and reserve a third
#: each (33.33 × 3 = 99.99), the three public expenses 1 : 1 : 4 (16.67 + 16.67 + 66.67 =
#: 100.01); and a rate on the half cent (80.00 → 80.10: 0.125% → 0.13%).
ROUNDING = Spec(
    org="浙江省教育厅", year=2022,
    classes=(
        Klass("一般公共服务", (
            Item(_GENERAL, "行政运行", Flow(191990, 150000), False),
            Item(_GENERAL, "一般行政管理事务", Flow(100000, 100000), True))),
        Klass("住房保障", (
            Item("住房改革支出", "住房公积金", Flow(8010, 8000), False),)),
    ),
    reserve=Flow(100000, 50000), other=0, public=50000, operating_prior=40000,
    overseas=Flow(1000, 1000), purchase=Flow(0, 0), operation=Flow(1000, 900),
    reception=Flow(4000, 5000), meetings=Flow(3000, 3000), training=Flow(2000, 0),
    procurement=(10000, 0, 20000))


def test_jiangsu_like_budget_states_the_fixture_figures() -> None:
    """The generator writes the fixture's figures from the fixture's amounts."""
    spec = JIANGSU
    check_arithmetic(spec)
    assert (spec.total.current, spec.total.change) == (1181650, 114721)
    assert (spec.basic.current, spec.basic.change) == (894590, 47621)
    assert (spec.project.current, spec.project.change) == (256060, 60600)
    assert spec.fiscal_basic.current == 890090 and spec.personnel == 753634
    text = render(spec).text
    flat = flatten(text)
    for figure in ("11816.50万元", "增长10.75%", "增长10.80%", "占99.62%", "占0.38%",
                   "占75.71%", "占21.67%", "占2.62%", "增长12.07%", "下降2.39%",
                   "增长31%", "增长26.53%", "下降23.22%", "增长8.54%", "增长4.48%",
                   "经费的22.86%", "经费的60.19%", "经费的16.95%", "1365.80万元"):
        assert figure in flat, figure
    assert "— 1 —\n\n" in text
    assert serious(finreport.check(finreport.parse(text))) == []


def test_shares_are_rounded_honestly() -> None:
    """Shares that do not add to 100.00 are left as honest rounding gives them."""
    flat = flatten(render(ROUNDING).text)
    assert flat.count("占33.33%") == 3            # basic, project, reserve: 99.99
    assert "占“三公”经费的16.67%" in flat and "占“三公”经费的66.67%" in flat   # 100.01
    assert "增长0.13%" in flat                     # 0.125 half up


# --------------------------------------------------------------------------- tests


@SETTINGS
@given(specs())
@example(JIANGSU)
@example(ROUNDING)
@example(attrs.evolve(ROUNDING, commas=True, spaces=True, trim=True, width=22,
                      split_numbers=True, footer_every=5))
def test_consistent_budget_has_no_error_or_warning(spec: Spec) -> None:
    check_arithmetic(spec)
    text = render(spec).text
    findings = finreport.check(finreport.parse(text))
    assert serious(findings) == [], f"{text}\n{serious(findings)}"


@SETTINGS
@given(specs())
@example(JIANGSU)
def test_consistent_budget_is_read_as_generated(spec: Spec) -> None:
    text = render(spec).text
    report = finreport.parse(text)
    assert report.kind is finreport.ReportKind.BUDGET
    assert report.general_budget is not None
    lines = []
    for line in report.general_budget.lines:
        change = line.change
        lines.append((
            str(line.amount.value) if line.amount is not None else None,
            str(change.amount.value) if change is not None and change.amount else None,
            str(change.percent.value) if change is not None and change.percent else None,
            change.direction.text if change is not None and change.direction else None,
        ))
    assert lines == expected_lines(spec), text


# --------------------------------------------------------------------------- a rate moved


@attrs.frozen
class RateMutation:
    """A consistent budget with the growth rate of one 项 line written otherwise."""

    spec: Spec
    key: str        # the line: ``item.<class>.<item>``
    written: str    # the rate written instead, two decimals, without its %


def rate_bounds(spec: Spec, flow: Flow) -> tuple[Decimal, Decimal] | None:
    """The rates (percent) that the written current and change amounts allow, read as
    docs/tolerance.md says: both amounts at the finer of their precisions, the prior year
    ``current ∓ change`` as an interval, the rate from the ends of the intervals; None
    when the prior year may be zero (the rate is then not checked)."""
    current, change = (Decimal(money(c, spec).replace(",", ""))
                       for c in (flow.current, abs(flow.change)))
    places = max(-int(v.as_tuple().exponent) for v in (current, change))
    half = Decimal(5).scaleb(-(places + 1))
    if flow.change > 0:
        prior_low, prior_high = current - change - 2 * half, current - change + 2 * half
    else:
        prior_low, prior_high = current + change - 2 * half, current + change + 2 * half
    if prior_low <= 0:
        return None
    return (change - half) / prior_high * HUNDRED, (change + half) / prior_low * HUNDRED


@st.composite
def rate_mutations(draw: st.DrawFn) -> RateMutation:
    """One 项 line's rate moved up or down by at least one percentage point, and beyond
    what the rounding of its amounts and of the rate itself explains."""
    spec = draw(specs(rated=True))
    rated = [(f"item.{n}.{m}", item.flow, bounds) for n, klass in enumerate(spec.classes)
             for m, item in enumerate(klass.items)
             if item.flow.prior != 0 and item.flow.change != 0
             and (bounds := rate_bounds(spec, item.flow)) is not None]
    assume(rated)
    key, flow, (low, high) = draw(st.sampled_from(rated))
    rate = rate_of(flow)
    shift = draw(st.decimals(1, 50, places=2))
    margin = Decimal("0.02")       # the rate's own rounding (0.005) and more
    up = max(rate + shift, (high + margin).quantize(CENT, rounding=ROUND_CEILING))
    down = min(rate - shift, (low - margin).quantize(CENT, rounding=ROUND_FLOOR))
    moved = up if down <= 0 or draw(st.booleans()) else down
    return RateMutation(spec, key, f"{moved:.2f}")


@SETTINGS
@given(rate_mutations())
@example(RateMutation(JIANGSU, "item.0.0", "7.29"))     # 行政运行 6.29% written 7.29%
@example(RateMutation(JIANGSU, "item.1.0", "22.22"))    # 行政单位离退休 下降 23.22%
def test_item_rate_moved_is_an_fr301_error(case: RateMutation) -> None:
    key = f"{case.key}.rate"
    rendered = render(case.spec, {key: case.written})
    text = rendered.text
    start, end, _ = rendered.figures[key]
    assert text[start:end] == case.written + "%"
    findings = finreport.check(finreport.parse(text))
    fr301 = [f for f in findings if f.code == "FR301" and f.severity is Severity.ERROR]
    about = [f for f in fr301 if any(
        s.start == start and text[s.start:s.end].startswith(case.written) for s in f.spans)]
    assert about, (f"no FR301 error at {case.key}'s rate {case.written}% ({start}):\n"
                   f"{[(f.code, f.message, f.spans) for f in findings]}\n{text}")


# --------------------------------------------------------------------------- list lines

_BASIC = ("第一部分 2019年度部门预算情况说明\n一、财政拨款基本支出预算表情况说明\n"
          "财政拨款基本支出预算2.99万元，其中：\n（一）人员经费2.98万元。\n（二）公用经费{}万元。\n")


@pytest.mark.parametrize("amount", [
    pytest.param("0.01", id="whole-line"),
    pytest.param("0.\n01", id="broken-after-decimal-point"),
    pytest.param("\n0.01", id="amount-on-the-next-line"),
    pytest.param("0.01\n", id="unit-on-the-next-line"),
])
def test_list_line_broken_inside_its_amount_is_not_a_heading(amount: str) -> None:
    report = finreport.parse(_BASIC.format(amount))
    assert finreport.check(report, select=["FR903"]) == []
