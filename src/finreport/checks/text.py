"""The text itself: template residue, obsolete names, numbering, units, counts."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from ..model.figures import Amount
from ..model.findings import Evidence, Finding, Severity
from ..model.interval import Interval
from ..model.sections import Section, SectionKind
from ..model.span import Phrase, Span
from ..templates import numbering as grammar
from ..templates.classification import CLASSIFICATION, category_key, current_name, lookup
from ..templates.residue import BLANK_AMOUNT
from ..templates.sections import HEADING_NUMBERINGS
from .entries_of import budget_lines, main_entries
from .registry import Context, rule
from .relations import count_breakdowns

__all__ = ["institution_counts", "numbering", "obsolete_class", "template_residue",
           "unit_missing"]

_HEAD = "第二部分 2020年度部门决算情况说明\n"
@rule("FR901", "template-residue", "Template text was left in the report", "模板文字未替换",
      Severity.ERROR,
      passing=_HEAD + "一、收入支出决算总体情况说明\n2020年度收、支总计100万元。与2019年相比，收、支总计各增加10万元，增长11.11%。\n",
      failing=_HEAD + "一、收入支出决算总体情况说明\n2020年度收、支总计100万元。与2019年相比，收、支总计各增加/减少10万元，增长/下降11.11%。\n")
def template_residue(ctx: Context) -> Iterator[Finding]:
    """Words of the template that were never filled in: two choices left standing
    (``增加/减少``, ``增长（下降）``, ``本部门（单位）``), blanks (``XXX``; a unit with no
    amount: ``拟购买服务支出万元，``), placeholders (``（具体工作）``) and the template's
    bracketed instructions (``（罗列全部功能分类科目，至类级。）``).  A unit with no amount
    is not counted where a figure detached from its words stands just before it (the text
    extraction moved the amount).  Residue pieces a few characters apart are one
    finding."""
    group: list[Phrase] = []
    detached = [u.span.start for u in ctx.report.unrecognized if u.reason == "detached"]
    for phrase in ctx.report.residue:
        if BLANK_AMOUNT.search(phrase.text) and any(
                0 <= phrase.span.start - at <= _DETACHED_REACH for at in detached):
            # a unit whose amount the text extraction moved away (a figure detached from
            # its words stands just before): no blank
            ctx.abstained([phrase], "an amount detached from its words stands before it")
            continue
        if group and phrase.span.start - group[-1].span.end <= 12:
            group.append(phrase)
            continue
        if group:
            yield _residue(ctx, group)
        group = [phrase]
    if group:
        yield _residue(ctx, group)


#: How far before a unit with no amount a detached figure may stand and be its amount.
_DETACHED_REACH: Final = 200


def _residue(ctx: Context, group: list[Phrase]) -> Finding:
    return ctx.finding(
        group,
        "模板文字未替换：{text}",
        "template text left in the report: {text}",
        text="……".join(p.text for p in group),
    )


_BUDGET_HEAD = "2026年度某某局部门预算\n第一部分 某某局概况\n一、部门预算单位构成\n"


@rule("FR907", "other-kind-wording", "The report describes itself in the other kind's words",
      "报告以另一类报告的用语描述自身构成", Severity.ERROR,
      passing=_BUDGET_HEAD + "某某局部门预算包括：某某局本级预算（行政单位）和某某中心（事业单位）预算。\n",
      failing=_BUDGET_HEAD + "某某局部门预算包括：某某局本级决算（行政单位）和某某中心（事业单位）决算。\n")
def other_kind_wording(ctx: Context) -> Iterator[Finding]:
    """Where a budget describes its own make-up (部门预算单位构成) it names its parts 预算;
    ``本级决算（行政单位）``, ``（事业单位）决算`` or ``部门决算单位构成`` there are the
    final accounts' words, copied from another report (and final accounts that call their
    parts ``本级预算（…）`` the reverse).  Only the section on the report's make-up is read:
    elsewhere ``决算草案``, ``预决算`` and ``年终决算`` are the department's business.
    One finding for all the places."""
    words = ctx.report.other_kind_words
    if not words:
        return
    budget = ctx.report.kind.is_budget
    yield ctx.finding(
        words,
        "{kind}报告以“{other}”称其自身的构成部分：{text}",
        "a {kind_en} calls its own parts {other_en}: {text}",
        kind="预算" if budget else "决算", other="决算" if budget else "预算",
        kind_en="budget" if budget else "final-accounts report",
        other_en="final accounts (决算)" if budget else "a budget (预算)",
        text="……".join(p.text for p in words),
    )


def _class_names(ctx: Context) -> Iterator[tuple[str, Phrase]]:
    for line in budget_lines(ctx.report):
        if line.classification.category is not None:
            yield category_key(line.classification.category.text), line.classification.category
    if ctx.report.general_budget is not None:
        for entry in ctx.report.general_budget.classes:
            yield category_key(entry.name.text), entry.name
    for glossary in ctx.report.glossary:
        m = CLASSIFICATION.search(glossary.term.text)
        if m is not None:
            yield category_key(m.group("category")), glossary.term


@rule("FR902", "obsolete-class", "A classification name not in use in the fiscal year",
      "功能分类科目名称已停用", Severity.WARNING,
      passing=_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n其中：\n"
      "1.卫生健康（类）行政事业单位医疗（款）行政单位医疗（项）:支出决算为6.66万元。\n",
      failing=_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n其中：\n"
      "1.医疗卫生与计划生育（类）行政事业单位医疗（款）行政单位医疗（项）:支出决算为6.66万元。\n")
def obsolete_class(ctx: Context) -> Iterator[Finding]:
    """A functional class named as it was before a reform (医疗卫生与计划生育 became 卫生健康
    in 2019; 文化体育与传媒 became 文化旅游体育与传媒): the report copied an old text or
    an old classification.  One finding per name, pointing at every place it stands."""
    year = ctx.fiscal_year
    found: dict[str, list[Phrase]] = {}
    for name, phrase in _class_names(ctx):
        category = lookup(name, year)
        if category is None or category.valid_in(year):
            continue
        found.setdefault(category.name, []).append(phrase)
    for name, phrases in found.items():
        category = lookup(name, year)
        assert category is not None
        yield ctx.finding(
            phrases,
            "“{name}（类）”在{year}年已不再使用，已更名为“{new}”",
            "class “{name}” is no longer in use in {year}: it was renamed “{new}”",
            name=name, year=year, new=current_name(category, year) or "?",
        )


def _numbered(sections: tuple[Section, ...]) -> Iterator[tuple[Section, int]]:
    position = 0
    for section in sections:
        if section.kind is SectionKind.CONTENTS:
            continue
        position += 1
        yield section, position


_JIE: Final = grammar.compiled("jie")


def _expected(level: int, position: int) -> list[str]:
    """How a template numbers the heading at *position* of a *level* (the levels below 2
    as level 2), the usual way first: each numbering that opens parts or sections at that
    level (:data:`~finreport.templates.sections.HEADING_NUMBERINGS`)."""
    level = min(level, 2)
    return [grammar.numbering(row.numbering).write(position) for row in HEADING_NUMBERINGS
            if row.level == level and row.opens in ("part", "section")]


@rule("FR903", "numbering", "A heading's number is missing or out of sequence",
      "标题序号缺失或错误", Severity.WARNING,
      passing="第一部分 部门概况\n一、基本职能\n第二部分 2020年度部门决算情况说明\n一、收入支出决算总体情况说明\n"
      "2020年度收、支总计100万元。\n二、收入决算情况说明\n2020年本年收入合计100万元。\n",
      failing="第一部分 部门概况\n一、基本职能\n第二部分 2020年度部门决算情况说明\n1、收入支出决算总体情况说明\n"
      "2020年度收、支总计100万元。\n收入决算情况说明\n2020年本年收入合计100万元。\n")
def numbering(ctx: Context) -> Iterator[Finding]:
    """Parts are numbered 第一部分, 第二部分 …; the sections of the narrative 一、二、…; their
    subsections （一）（二）….  A heading with no number, with Arabic digits (``9、`` for
    ``九、``, ``第3部分``) or with a number out of sequence is reported."""
    roots = ctx.report.sections
    checked: list[tuple[Section, int, bool]] = [(s, k, False) for s, k in _numbered(roots)]
    for root in roots:
        if root.kind is SectionKind.NARRATIVE:
            for child, position in _numbered(root.children):
                checked.append((child, position, False))
                # under 第一节 the next level is numbered 一、
                jie = child.number is not None and _JIE.match(child.number.text) is not None
                checked.extend((s, k, jie) for s, k in _numbered(child.children))
    for section, position, under_jie in checked:
        if section.listed is not None and section.number is None:
            continue  # the contents page numbers it (四、单位预算编制说明), the body does not
        accepted = _expected(section.level, position)
        if under_jie:
            accepted.append(grammar.numbering("chinese").write(position))
        expected = accepted[0]
        written = section.number.text if section.number is not None else None
        if written is not None and written.replace("(", "（").replace(")", "）") in accepted:
            continue
        if written is None:
            yield ctx.finding(
                [section.title],
                "标题“{title}”缺少序号（应为“{expected}”）",
                "heading “{title}” has no number (expected “{expected}”)",
                title=section.title.text, expected=expected)
        else:
            assert section.number is not None
            yield ctx.finding(
                [section.number, section.title],
                "标题“{title}”序号写作“{written}”，应为“{expected}”",
                "heading “{title}” is numbered “{written}”, expected “{expected}”",
                title=section.title.text, written=written, expected=expected)


@rule("FR904", "unit-missing", "An amount is written without its unit", "金额缺少单位",
      Severity.WARNING,
      passing=_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
      "2020年一般公共预算支出决算数为268.81万元，完成预算100%。\n",
      failing=_HEAD + "五、一般公共预算财政拨款支出决算情况说明\n（三）一般公共预算财政拨款支出决算具体情况\n"
      "2020年一般公共预算支出决算数为268.81，完成预算100%。\n")
def unit_missing(ctx: Context) -> Iterator[Finding]:
    """An amount in the narrative written without 万元 / 元: the reader has to guess the
    unit (the checks assume 万元).  Zero needs none (``…支出为0。``)."""
    seen: set[Span] = set()
    amounts: list[Amount] = []
    for entry in main_entries(ctx.report):
        amounts.extend(a for a in (entry.amount, entry.budget, entry.execution) if a)
    for line in budget_lines(ctx.report):
        amounts.extend(a for a in (line.amount, line.budget) if a)
    for amount in amounts:
        if amount.unit is None and amount.span not in seen and amount.value != 0:
            seen.add(amount.span)
            yield ctx.finding(
                [amount], "金额{value}缺少单位", "amount {value} has no unit",
                value=ctx.number(amount.value, amount.decimals))


@rule("FR905", "institution-counts", "Counts contradict their own breakdown",
      "机构数量与其构成矛盾", Severity.ERROR,
      passing="第一部分 部门概况\n二、机构设置\n某区总工会下属二级单位1个，其中行政单位1个，参照公务员法管理的事业单位0个，其他事业单位0个。\n",
      failing="第一部分 部门概况\n二、机构设置\n某区总工会下属二级单位0个，其中行政单位1个，参照公务员法管理的事业单位0个，其他事业单位0个。\n")
def institution_counts(ctx: Context) -> Iterator[Finding]:
    """A count and the counts listed under it: subordinate units by kind (下属二级单位0个，
    其中行政单位1个 contradicts itself), vehicles bought by kind, the fleet by kind, the
    vehicles among state assets by kind.  A part larger than the total is always a
    contradiction; parts adding up to more than the total too.  Parts adding up to less
    are not: the kinds listed after 其中 may be some of them
    (``购置公务用车3辆，其中执法执勤用车2辆``).  When one of the vehicles' kinds, with its
    count, is the kind of all the others (``…，其他用车1辆``), the kinds are most likely
    every vehicle: adding up to less is a warning (a kind may still have been left out:
    机要通信用车 and 应急保障用车 are kinds of their own)."""
    for relation in count_breakdowns(ctx):
        total_count, counts = relation.total, relation.parts
        zh, en, complete = relation.zh, relation.en, relation.complete
        total = sum((c.value for c in counts), Decimal(0))
        over = [c for c in counts if c.value > total_count.value]
        short = not over and total < total_count.value
        if total == total_count.value or (short and not complete and not relation.closed):
            # kinds may not cover every unit
            ctx.held([total_count, *counts], total_count.value,
                     Interval(total, total if complete else total_count.value),
                     total_count.unit)
            continue
        yield ctx.finding(
            [total_count, *(over or counts)],
            "{name}{total}，而其中各项合计{sum}",
            "{name}: {total}, but the kinds listed add up to {sum}",
            # fewer in kinds that end with the kind of all others (…，其他用车1辆): a kind
            # left out, or a count wrong; not certain which, so not certain at all
            severity=Severity.WARNING if short and not complete else None,
            name=zh if ctx.chinese else en, total=ctx.figure(total_count),
            sum=ctx.number(total, 0) + total_count.unit,
            evidence=Evidence(total_count.value, total, total, total_count.value - total,
                              Decimal(0), total_count.unit),
        )


@rule("FR906", "organization-name", "The organization's name is spelled another way",
      "单位名称前后写法不一致", Severity.WARNING,
      passing="第一部分 部门概况\n二、机构设置\n广元市昭化区总工会下属二级单位0个。\n第二部分 2020年度部门决算情况说明\n"
      "十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，广元市昭化区总工会机关运行经费支出4.00万元。\n",
      failing="第一部分 部门概况\n二、机构设置\n广元市昭化区总工会下属二级单位0个。\n第二部分 2020年度部门决算情况说明\n"
      "十、其他重要事项的情况说明\n（一）机关运行经费支出情况\n2020年，广元市昭化县总工会机关运行经费支出4.00万元。\n")
def organization_name(ctx: Context) -> Iterator[Finding]:
    """The report names its organization one way.  A name that starts like it and
    differs in one character (昭化县总工会 in a report of 昭化区总工会) is a typo or a text
    copied from another organization's report.  Short forms (区总工会) and other
    organizations (市总工会) are not reported."""
    organization = ctx.report.organization
    if organization is None:
        return
    variants: dict[str, list[Phrase]] = {}
    for phrase in ctx.report.name_variants:
        variants.setdefault(phrase.text, []).append(phrase)
    for text, phrases in variants.items():
        yield ctx.finding(
            [*phrases, organization],
            "单位名称写作“{variant}”，而报告其他处为“{name}”",
            "the organization is written “{variant}” here but “{name}” elsewhere",
            variant=text, name=organization.text,
        )
