"""Codes and counts: one classification code, one item, wherever the report prints it;
no count listed under a whole larger than the whole."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from functools import lru_cache

from ..model.findings import Evidence, Finding, Severity
from ..model.interval import Interval
from ..model.span import Phrase, Span
from ..model.tables import TableKind
from ..templates.classification import FUNCTIONAL_CODE, category_of
from .registry import Context, rule
from .relations import count_breakdowns
from .table_figures import line_key, rows_of

__all__ = ["code_class", "code_level", "code_names", "count_names", "count_subset", "name_codes"]

_TABLES = ("2026年度某某局部门预算\n第一部分 2026年度部门预算表\n"
           "一般公共预算支出表\n单位：万元\n科目编码      科目名称              合计\n"
           "合计                                10.00\n"
           "208           社会保障和就业支出    10.00\n"
           "20805         行政事业单位养老支出  10.00\n"
           "2080505       机关事业单位基本养老保险缴费支出    10.00\n"
           "第二部分 2026年度部门预算情况说明\n一、一般公共预算拨款支出情况\n"
           "2026年度一般公共预算拨款支出10.00万元。其中（按项级科目分类统计）：\n")


@rule("FR908", "code-names", "One classification code names two items",
      "同一功能分类科目编码对应不同科目名称", Severity.ERROR,
      passing=_TABLES + "（一）2080505-机关事业单位基本养老保险缴费支出10.00万元。主要用于养老保险缴费。\n",
      failing=_TABLES + "（一）2080505-行政单位离退休10.00万元。主要用于离退休人员支出。\n")
def code_names(ctx: Context) -> Iterator[Finding]:
    """A functional classification code (``2080505``) stands for one item wherever the
    report prints it: in every table and in the narrative's lines led by their codes
    (``（一）2080505-机关事业单位基本养老保险缴费支出…``).  Two places that print one code
    with names of which neither begins nor ends the other (a cell may cut a long name, a
    wrapped one may lose its first words to the line above: ``机关事业单位基本养`` and
    ``险缴费支出`` are ``机关事业单位基本养老保险缴费支出``) name two items: one code or one
    name is wrong.  One finding per code, with the first place of each name."""
    named = ctx.derived(_named_codes)
    for code, names in named.items():
        keys = list(names)
        apart = [(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]
                 if not (a.startswith(b) or b.startswith(a)
                         or _ends(names[a].text, names[b].text))]
        if not apart:
            continue
        a, b = apart[0]
        yield ctx.finding(
            [names[a], names[b]],
            "科目编码{code}在一处为“{first}”，在另一处为“{second}”",
            "code {code} names “{first}” in one place and “{second}” in another",
            code=code, first=names[a].text, second=names[b].text,
        )


def _ends(first: str, second: str) -> bool:
    """Whether one name, as written, ends the other (a wrapped name that lost its first
    words to the line above: ``费支出`` of ``机关事业单位基本养老保险缴费支出``)."""
    a, b = "".join(first.split()), "".join(second.split())
    return a.endswith(b) or b.endswith(a)


#: Quotation marks around a name (``2080505-“机关事业单位…”``) and the separator of a
#: path written in full (``社会保障和就业支出-行政事业单位养老支出-…``).
_QUOTES = str.maketrans("", "", "\"“”‘’'「」")
_PATH_SEPARATORS = ("-", "—", "－", "/")


@lru_cache(maxsize=4096)
def _name_key(name: str) -> str:
    """The name of the item a code is printed with, for matching: its last segment when
    the path is written in full, without quotation marks (see :func:`line_key`)."""
    name = name.translate(_QUOTES)
    for separator in _PATH_SEPARATORS:
        if separator in name:
            name = name.rsplit(separator, 1)[1]
    return line_key(name)


def _named_codes(ctx: Context) -> dict[str, dict[str, Phrase]]:
    """Every functional code the tables and the narrative's coded lines print, with the
    first place of each name it is printed with (by :func:`line_key`)."""
    named: dict[str, dict[str, Phrase]] = {}
    for table in ctx.report.tables:
        if table.kind not in _BY_FUNCTION:
            continue
        for row in rows_of(ctx, table) or ():
            if row.code is not None and FUNCTIONAL_CODE.fullmatch(row.code):
                _add(named, row.code, row.name)
    gb = ctx.report.general_budget
    for line in gb.lines if gb is not None else ():
        c = line.classification
        name = c.item or c.group or c.category
        if c.code is not None and name is not None and FUNCTIONAL_CODE.fullmatch(c.code.text):
            _add(named, c.code.text, name)
    return named


_TWO_CODES = (_TABLES + "（一）{code}-机关事业单位基本养老保险缴费支出10.00万元。主要用于养老保险缴费。\n")


@rule("FR913", "name-codes", "One item is given two codes",
      "同一科目名称对应不同科目编码", Severity.ERROR,
      passing=_TWO_CODES.format(code="2080505"), failing=_TWO_CODES.format(code="2080507"))
def name_codes(ctx: Context) -> Iterator[Finding]:
    """Within one group (款) of the functional classification every item (项) has its own
    name, and within one class (类) every group: one name printed with two codes under
    the same parent (``2080505`` and ``2080507`` 机关事业单位基本养老保险缴费支出) is one
    item given two codes, and one of them is wrong.  One of the two places must be a
    narrative line, which writes the name whole (table cells may cut two names to one).
    Names that recur under different parents (行政运行 is ``2010101``, ``2010301`` …)
    are different items and not compared; a code that also names another item is
    FR908's."""
    named = ctx.derived(_named_codes)
    gb = ctx.report.general_budget
    narrative = {name.span for line in (gb.lines if gb is not None else ())
                 if line.classification.code is not None and (name := (
                     line.classification.item or line.classification.group
                     or line.classification.category)) is not None}
    by_name: dict[str, dict[str, Phrase]] = {}
    for code, names in named.items():
        for key, phrase in names.items():
            by_name.setdefault(key, {}).setdefault(code, phrase)
    for codes in by_name.values():
        if len(codes) < 2:
            continue
        by_parent: dict[str, list[str]] = {}
        for code in codes:
            if len(code) > 3:
                by_parent.setdefault(code[:-2], []).append(code)
        for same in by_parent.values():
            if len(same) < 2:
                ctx.held([codes[same[0]]])
                continue
            if any(len(named[c]) > 1 for c in same):
                continue  # a code also printed with another name: FR908 says so
            if not any(codes[c].span in narrative for c in same):
                # two table cells only: a narrow column may cut two names to one
                # (机关事业单位 for 机关事业单位基本养老… and 机关事业单位职业年金…)
                continue
            first, second = sorted(same)[:2]
            yield ctx.finding(
                [codes[first], codes[second]],
                "“{name}”在一处编码为{first}，在另一处为{second}",
                "“{name}” is coded {first} in one place and {second} in another",
                name=codes[first].text, first=first, second=second)


#: The tables whose rows are the functional classification (类/款/项) by code.
_BY_FUNCTION = frozenset({
    TableKind.EXPENDITURE, TableKind.GENERAL_BUDGET, TableKind.FISCAL_EXPENDITURE,
    TableKind.GOVERNMENT_FUND, TableKind.STATE_CAPITAL, TableKind.INCOME})


def _add(named: dict[str, dict[str, Phrase]], code: str, name: Phrase) -> None:
    key = _name_key(name.text)
    if len(key) >= 2 and not key[0].isdigit():
        named.setdefault(code, {}).setdefault(key, name)


_COUNTS = ("2026年度某某局部门预算\n第一部分 2026年度部门预算情况说明\n一、预算绩效目标设置情况\n"
           "2026年本部门共有项目10个，其中：新增项目7个、延续项目3个。\n")


@rule("FR909", "count-subset", "A count listed under a whole exceeds the whole",
      "其中所列数量大于总数", Severity.ERROR,
      passing=_COUNTS,
      failing=_COUNTS.replace("新增项目7个", "新增项目12个"))
def count_subset(ctx: Context) -> Iterator[Finding]:
    """A count listed after 其中 under a count of the same sentence and unit (``共有车辆
    10辆，其中：执法执勤用车12辆``) is a part of it: no part can be larger than the whole.
    Parts adding up to more than the whole are not counted here: the kinds a 其中 lists
    may overlap (``人员50人，其中：男30人，党员35人``).  Wholes the rule on institutions and
    vehicles (FR905) checks are left to it."""
    known = {relation.total.span for relation in count_breakdowns(ctx)}
    for listed in ctx.report.lists:
        whole = listed.total
        if whole is None or whole.amount is not None or not whole.counts:
            continue
        total = whole.counts[0]
        if total.span in known:
            continue
        parts = [p.counts[0] for p in listed.items if p.counts and p.counts[0].unit == total.unit]
        over = [c for c in parts if c.value > total.value]
        if not over:
            ctx.held([total, *parts], total.value, Interval(Decimal(0), total.value), total.unit)
            continue
        yield ctx.finding(
            [total, *over],
            "{name}{total}，其中一项为{part}，大于总数",
            "{name}: {total}, yet one of its parts is {part}",
            name=whole.name.text, total=ctx.figure(total), part=ctx.figure(over[0]),
            evidence=Evidence(over[0].value, Decimal(0), total.value, over[0].value - total.value,
                              Decimal(0), total.unit),
        )


_NAMED = ("2026年度某某局部门预算\n第一部分 部门概况\n一、部门机构设置\n"
          "某某局共{count}个内设机构，包括：办公室、财务科、业务一科和业务二科。\n")


@rule("FR911", "count-names", "A count does not match the names listed after it",
      "所述数量与其后列出的名称个数不符", Severity.WARNING,
      passing=_NAMED.format(count="4"), failing=_NAMED.format(count="5"))
def count_names(ctx: Context) -> Iterator[Finding]:
    """A count followed by the names of what it counts (``共14个内设机构，包括：办公室、…``)
    must be as many as the names listed, up to the end of the sentence or list item.  The
    last two names may be joined by ``和``/``及`` (``…综合处和人事处``), so a list whose
    last name holds such a word agrees with either count; a list that says it is not
    complete (``等``), a name counting several (``康复区（2个）``) or a figure in the list
    says nothing about the count.  A warning: names are split at ``、`` only, and a name
    may in principle hold one."""
    for listed in ctx.report.named_lists:
        figures = [listed.count, *listed.items]
        n = len(listed.items)
        if listed.open:
            ctx.abstained([listed.count], "the list says it is not complete, a name in it "
                                          "counts several, or its names cannot be told apart")
            continue
        expected = Interval(Decimal(n), Decimal(n + 1 if listed.joined else n))
        if expected.low <= listed.value <= expected.high:
            ctx.held(figures, Decimal(listed.value), expected, "个")
            continue
        listed_n = f"{n}或{n + 1}" if listed.joined else str(n)
        yield ctx.finding(
            figures,
            "{count}{noun}，其后列出{n}个名称",
            "{count} {noun}, yet {n} names are listed after it",
            count=listed.count.text, noun=listed.noun.text,
            n=listed_n if ctx.chinese else listed_n.replace("或", " or "),
            evidence=Evidence(Decimal(listed.value), expected.low, expected.high,
                              Decimal(listed.value) - expected.mid, Decimal(0), "个"),
        )


_CLASS_CODE = _TABLES.replace("208           社会保障和就业支出", "208           {name}")


@rule("FR912", "code-class", "A class's code is another class's",
      "类级科目编码与科目名称不符", Severity.ERROR,
      passing=_CLASS_CODE.format(name="社会保障和就业支出")
      + "（一）2080505-机关事业单位基本养老保险缴费支出10.00万元。\n",
      failing=_CLASS_CODE.format(name="一般公共服务支出")
      + "（一）2080505-机关事业单位基本养老保险缴费支出10.00万元。\n")
def code_class(ctx: Context) -> Iterator[Finding]:
    """A category (类) of the functional classification has one code in every year
    (``201`` 一般公共服务, ``208`` 社会保障和就业 …, ``templates/categories.dat``): a class
    row of a table, or a narrative line, that writes a category's name with the code of
    another (``208 一般公共服务支出``) has a wrong code or a wrong name.  Items and groups
    (款, 项) are not checked: their names repeat under many classes (行政运行)."""
    year = ctx.fiscal_year
    seen: set[tuple[str, str]] = set()
    places: list[tuple[str, Span, Phrase]] = []
    for table in ctx.report.tables:
        if table.kind not in _BY_FUNCTION:
            continue
        for row in rows_of(ctx, table) or ():
            if row.code is not None and row.code_span is not None and len(row.code) == 3 and (
                    FUNCTIONAL_CODE.fullmatch(row.code)):
                places.append((row.code, row.code_span, row.name))
    gb = ctx.report.general_budget
    for line in gb.lines if gb is not None else ():
        c = line.classification
        if c.code is not None and c.category is not None and len(c.code.text) == 3 and (
                c.group is None and c.item is None):
            places.append((c.code.text, c.code.span, c.category))
    for code, where, name in places:
        category = category_of(name.text, year)
        if category is None:
            continue  # a name not in the reference data: FR902's
        if category.code == code:
            ctx.held([where, name])
            continue
        if (code, category.code) in seen:
            continue
        seen.add((code, category.code))
        yield ctx.finding(
            [where, name],
            "科目编码{code}对应“{name}”，而“{name}”的类级编码为{right}",
            "code {code} is written for “{name}”, whose class code is {right}",
            code=code, name=name.text, right=category.code)


_LEVEL_LINES = ("第二部分 2025年度部门决算情况说明\n五、一般公共预算财政拨款支出决算情况说明\n"
                "（一）一般公共预算财政拨款支出决算总体情况\n2025年一般公共预算财政拨款支出10.00万元。\n"
                "（二）一般公共预算财政拨款支出决算具体情况\n其中：\n"
                "1.{code}一般公共服务支出（类）群众团体事务（款）：支出决算为6.00万元。\n"
                "2.住房保障支出（类）住房改革支出（款）住房公积金（项）：支出决算为4.00万元。\n")
#: The number of digits of a functional code at each level (类, 款, 项).
_LEVEL_DIGITS = {"category": 3, "group": 5, "item": 7}
_LEVEL_NAMES = {3: ("类", "a class"), 5: ("款", "a group"), 7: ("项", "an item")}


@rule("FR914", "code-level", "A code's length does not match the level it is written at",
      "科目编码位数与所标科目级次不符", Severity.ERROR,
      passing=_LEVEL_LINES.format(code="20129"), failing=_LEVEL_LINES.format(code="2012902"))
def code_level(ctx: Context) -> Iterator[Finding]:
    """A functional code has three digits for a class (类), five for a group (款), seven
    for an item (项).  A line that marks its levels (``X（类）Y（款）``) and writes a code
    before them names the line of one of those levels: a code of a length none of them
    has (``2012902`` before ``一般公共服务支出（类）群众团体事务（款）``, an item's code
    on a line that goes no deeper than its group) is a wrong code, or a level left out.
    Lines led by their code alone (``2080505-行政运行``) take their level from it and are
    not checked; a code of four or six digits is not a functional code and says
    nothing."""
    places: list[tuple[Phrase, Phrase, set[int]]] = []
    for fund in (ctx.report.general_budget, ctx.report.government_fund,
                 ctx.report.state_capital):
        for line in fund.lines if fund is not None else ():
            c = line.classification
            if c.code is None or not FUNCTIONAL_CODE.fullmatch(c.code.text):
                continue
            levels = {digits for level, digits in _LEVEL_DIGITS.items()
                      if getattr(c, level) is not None}
            named = c.item or c.group or c.category
            if named is not None and len(levels) >= 1:
                places.append((c.code, named, levels))
    for code, named, levels in places:
        if len(code.text) in levels:
            ctx.held([code, named])
            continue
        deepest = max(levels)
        yield ctx.finding(
            [code, named],
            "科目编码{code}为{digits}位（{level}级），而“{name}”标为{written}级科目",
            "code {code} has {digits} digits ({level_en} code), yet “{name}” is "
            "marked as {written_en}",
            code=code.text, digits=len(code.text), name=named.text,
            level=_LEVEL_NAMES[len(code.text)][0], level_en=_LEVEL_NAMES[len(code.text)][1],
            written=_LEVEL_NAMES[deepest][0], written_en=_LEVEL_NAMES[deepest][1])
